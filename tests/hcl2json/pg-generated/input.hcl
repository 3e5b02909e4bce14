schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = int
    as   = "a * 2"
  }
  column "c" {
    type = int
    as {
      expr = "a + 1"
      type = STORED
    }
  }
}
