schema "public" {}
enum "status" {
  schema = schema.public
  values = ["active", "inactive", "banned", "deleted"]
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
