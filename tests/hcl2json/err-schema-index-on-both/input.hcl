schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  index "i" {
    on {
      column = column.a
      expr   = "a + 1"
    }
  }
}
