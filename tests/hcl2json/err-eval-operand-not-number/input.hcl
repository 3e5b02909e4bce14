schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type    = int
    default = "a" + 1
  }
}
