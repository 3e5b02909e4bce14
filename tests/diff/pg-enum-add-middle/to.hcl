schema "public" {}
enum "status" {
  schema = schema.public
  values = ["active", "suspended", "inactive"]
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
