schema "public" {}
enum "status" {
  schema = schema.public
  values = ["a"]
}
table "t" {
  schema = schema.public
  column "s" {
    type = enum.state
  }
}
