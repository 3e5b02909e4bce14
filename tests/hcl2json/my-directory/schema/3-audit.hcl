table "audit" {
  schema = schema.app
  column "at" {
    type = datetime(3)
  }
}
