schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = varchar(10)
  }
  index "i" {
    on {
      expr   = "upper(a)"
      prefix = 3
    }
  }
}
