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
    where   = "b > 0"
  }
  index "t_upper_name_idx" {
    on {
      expr = "upper(name)"
    }
  }
  index "t_id_idx" {
    columns = [column.id]
    where   = "b > 0 and b < 100"
  }
  index "t_lower_name_idx" {
    unique = true
    on {
      expr = "lower(name)"
    }
    where = "name <> ''"
  }
}
