schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type    = text
    comment = "the a column"
  }
}
