schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  index "i" {
    columns = [column.a]
  }
  index "i" {
    unique  = true
    columns = [column.a]
  }
}
