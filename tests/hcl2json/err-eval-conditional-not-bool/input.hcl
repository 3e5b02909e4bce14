schema "public" {}
table "t" {
  schema = schema.public
  column "x" {
    type = int
    null = "yes" ? true : false
  }
}
