schema "public" {}
enum "status" {
  schema = schema.public
  values = ["draft", "pending", "active", "suspended", "paused", "inactive", "archived", "deleted"]
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
