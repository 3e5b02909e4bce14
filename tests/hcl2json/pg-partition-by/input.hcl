schema "public" {}
table "logs" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = text
  }
  partition {
    type = LIST
    by {
      column = column.a
    }
    by {
      expr = "lower(b)"
    }
  }
}
