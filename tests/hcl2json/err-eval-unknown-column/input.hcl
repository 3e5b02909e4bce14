schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  primary_key {
    columns = [column.b]
  }
}
