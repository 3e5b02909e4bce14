schema "public" {}
schema "public" {
  comment = "again"
}
