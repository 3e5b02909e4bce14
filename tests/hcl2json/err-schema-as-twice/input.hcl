schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = int
    as   = "a + 1"
    as {
      expr = "a + 2"
    }
  }
}
