schema "app" {}
table "t" {
  schema = schema.app
  column "tenant" {
    type = int
    null = true
  }
  column "id" {
    type = int
  }
}
