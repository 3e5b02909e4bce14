schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = tinytext
  }
  column "n" {
    type = int
  }
  primary_key {
    on {
      column = column.id
      prefix = 7
      desc   = true
    }
    on {
      column = column.n
    }
  }
}
