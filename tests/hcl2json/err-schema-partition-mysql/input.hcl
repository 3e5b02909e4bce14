schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = int
  }
  partition {
    type    = RANGE
    columns = [column.a]
  }
}
