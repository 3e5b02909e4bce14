schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = int
  }
  unique "u" {
    columns = [column.a]
  }
}
