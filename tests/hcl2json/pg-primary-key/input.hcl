schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = text
  }
  primary_key "t_pk" {
    columns = [column.a, column.b]
    comment = "pk"
  }
}
