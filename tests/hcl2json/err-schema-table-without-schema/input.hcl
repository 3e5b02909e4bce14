schema "public" {}
table "t" {
  column "a" {
    type = int
  }
}
