schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  index "i" {
    columns = [column.a, column.a]
  }
}
