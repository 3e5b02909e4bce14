schema "public" {}
table "logs" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = text
  }
  partition {
    type    = RANGE
    columns = [column.a, column.b]
  }
}
