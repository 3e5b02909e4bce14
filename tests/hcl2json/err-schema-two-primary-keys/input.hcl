schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  primary_key {
    columns = [column.a]
  }
  primary_key {
    columns = [column.a]
  }
}
