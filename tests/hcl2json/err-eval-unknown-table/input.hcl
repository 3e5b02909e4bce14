schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  foreign_key "fk" {
    columns     = [column.a]
    ref_columns = [table.users.column.id]
  }
}
