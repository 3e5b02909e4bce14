schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "org" {
    type = int
  }
}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  foreign_key "fk" {
    columns     = [column.a]
    ref_columns = [table.users.column.id, table.users.column.org]
  }
}
