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
  index "t_a_idx" {
    columns = [column.a]
    comment = "by a"
  }
  index "t_b_idx" {
    columns = [column.b]
    comment = "new"
  }
}
