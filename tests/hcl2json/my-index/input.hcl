schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = int
  }
  column "b" {
    type = varchar(200)
  }
  column "body" {
    type = text
  }
  column "g" {
    type = geometry
  }
  index "i_plain" {
    columns = [column.a]
  }
  index "i_unique" {
    unique  = true
    columns = [column.a, column.b]
    comment = "a and b"
  }
  index "i_hash" {
    type    = HASH
    columns = [column.a]
  }
  index "i_prefix" {
    on {
      column = column.b
      prefix = 10
    }
    on {
      column = column.a
      desc   = true
    }
  }
  index "i_expr" {
    on {
      expr = "(a + 1)"
    }
  }
  index "i_fulltext" {
    type    = FULLTEXT
    parser  = ngram
    columns = [column.body]
  }
  index "i_spatial" {
    type    = SPATIAL
    columns = [column.g]
  }
}
