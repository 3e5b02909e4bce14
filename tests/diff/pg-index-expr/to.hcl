schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type = text
  }
  column "b" {
    type = int
  }
  index "t_lower_a_idx" {
    unique = true
    on {
      expr = "lower(a)"
    }
  }
}
