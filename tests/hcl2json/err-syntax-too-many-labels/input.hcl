schema "public" {}
table "public" "t" "extra" {
  schema = schema.public
  column "a" {
    type = int
  }
}
