schema "app" {}
table "t" {
  schema  = schema.app
  comment = "renamed: \"t\""
  column "id" {
    type = int
  }
}
