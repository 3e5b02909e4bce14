schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = float(54)
  }
}
