schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "a" {
    type = varchar(20)
  }
  column "b" {
    type = text
  }
  primary_key {
    columns = [column.id]
  }
  index "t_b" {
    on {
      column = column.b
      prefix = 5
    }
  }
  index "t_a_b" {
    unique = true
    on {
      column = column.a
    }
    on {
      column = column.b
      prefix = 8
      desc   = true
    }
  }
}
