schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
}
table "orgs" {
  schema = schema.public
  column "id" {
    type = int
  }
}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = int
  }
  foreign_key "fk" {
    columns     = [column.a, column.b]
    ref_columns = [table.users.column.id, table.orgs.column.id]
  }
}
