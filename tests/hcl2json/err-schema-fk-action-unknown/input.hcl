schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  foreign_key "fk" {
    columns     = [column.id]
    ref_columns = [column.id]
    on_delete   = CASCADE_ALL
  }
}
