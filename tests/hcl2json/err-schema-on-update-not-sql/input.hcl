schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type      = timestamp
    on_update = "CURRENT_TIMESTAMP"
  }
}
