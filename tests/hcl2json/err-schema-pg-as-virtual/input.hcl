schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = int
    as {
      expr = "a * 2"
      type = VIRTUAL
    }
  }
}
