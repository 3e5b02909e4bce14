schema "app" {}
enum "status" {
  schema = schema.app
  values = ["a", "b"]
}
table "t" {
  schema = schema.app
  column "s" {
    type = int
  }
}
