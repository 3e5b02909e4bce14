schema "public" {}
table "t" {
  schema = schema.private
  column "a" {
    type = int
  }
}
