schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "status" {
    type = enum("active", "inactive", "banned")
  }
}
