schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "doc" {
    type = jsonb
  }
  column "code" {
    type = text
  }
  column "n" {
    type = int
  }
  index "t_n_idx" {
    columns = [column.n]
  }
}
