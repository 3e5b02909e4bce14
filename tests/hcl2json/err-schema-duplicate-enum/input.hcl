schema "public" {}
enum "status" {
  schema = schema.public
  values = ["a"]
}
enum "status" {
  schema = schema.public
  values = ["b"]
}
