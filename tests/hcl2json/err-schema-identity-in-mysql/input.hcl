schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = int
    identity {
      generated = ALWAYS
    }
  }
}
