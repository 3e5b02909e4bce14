schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = text
  }
  column "c" {
    type = jsonb
  }
  column "d" {
    type = tsvector
  }
  index "i_plain" {
    columns = [column.a, column.b]
  }
  index "i_unique" {
    unique  = true
    columns = [column.b]
    comment = "unique b"
  }
  index "i_hash" {
    type    = HASH
    columns = [column.a]
  }
  index "i_gin" {
    type    = GIN
    columns = [column.c]
  }
  index "i_btree" {
    type    = BTREE
    columns = [column.a]
  }
  index "i_parts" {
    on {
      expr = "lower(b)"
      desc = true
    }
    on {
      column = column.b
      ops    = text_pattern_ops
    }
    on {
      column = column.a
      ops    = "int4_ops"
    }
  }
  index "i_ops_sql" {
    type = GIST
    on {
      column = column.d
      ops    = sql("tsvector_ops(siglen=1)")
    }
  }
  index "i_partial" {
    columns = [column.a]
    where   = "a > 0"
    include = [column.b]
  }
  index "i_nulls" {
    unique         = true
    columns        = [column.a]
    nulls_distinct = false
  }
  index "i_brin" {
    type           = BRIN
    columns        = [column.a]
    page_per_range = 16
  }
}
