schema "app" {}
table "keep" {
  schema = schema.app
  column "id" {
    type = int
  }
}
