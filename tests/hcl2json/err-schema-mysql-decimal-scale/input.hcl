schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = decimal(2, 5)
  }
}
