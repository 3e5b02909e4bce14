schema "public" {}
table "t" {
  schema = "public"
  column "a" {
    type = int
  }
}
