table "users" {
  schema = schema.app
  column "id" {
    type = int
  }
}
