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
  index "t_b_idx" {
    on {
      column = column.b
      desc   = true
    }
  }
  index "t_a_b_idx" {
    on {
      column = column.a
    }
    on {
      column = column.b
      desc   = true
    }
  }
}
