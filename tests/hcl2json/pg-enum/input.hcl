schema "public" {}
enum "status" {
  schema = schema.public
  values = ["active", "inactive", "it's"]
}
table "users" {
  schema = schema.public
  column "s" {
    type    = enum.status
    default = "active"
  }
}
