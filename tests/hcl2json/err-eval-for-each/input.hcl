schema "public" {}
table "t" {
  for_each = toset(["a", "b"])
  schema   = schema.public
  column "a" {
    type = int
  }
}
