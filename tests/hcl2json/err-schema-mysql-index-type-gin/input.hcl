schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = int
  }
  index "i" {
    columns = [column.a]
    type    = GIN
  }
}
