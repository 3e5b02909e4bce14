schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
}
