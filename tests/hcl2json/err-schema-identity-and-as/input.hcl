schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
    as   = "1 + 1"
    identity {
      generated = ALWAYS
    }
  }
}
