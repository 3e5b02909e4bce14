schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  partition {
    type    = RANG
    columns = [column.a]
  }
}
