schema "public" {}
table "t" {
  schema = schema.public
}
