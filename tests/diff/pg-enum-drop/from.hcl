schema "public" {}
enum "status" {
  schema = schema.public
  values = ["active", "inactive"]
}
enum "legacy_kind" {
  schema = schema.public
  values = ["a", "b"]
}
table "accounts" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "status" {
    type = enum.status
  }
}
