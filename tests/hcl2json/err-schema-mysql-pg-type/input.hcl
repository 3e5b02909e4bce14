schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = jsonb
  }
}
