schema "app" {}
table "t" {
  schema = schema.app
}
