schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "name" {
    type = varchar(50)
  }
  column "b" {
    type = int
  }
  index "t_b_idx" {
    columns = [column.b]
    where   = "(b > 0)"
  }
  index "t_upper_name_idx" {
    on {
      expr = "upper((name)::text)"
    }
  }
}
