schema "public" {}
table "b" {
  schema = schema.public
  column "y" {
    type = int
  }
  primary_key {
    columns = [column.y]
  }
}
