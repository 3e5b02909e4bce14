schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  check "a_positive" {
    expr = "a > 0"
  }
  check {
    expr = "(a < 1000)"
  }
}
