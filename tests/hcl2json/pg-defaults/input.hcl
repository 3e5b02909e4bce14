schema "public" {}
table "t" {
  schema = schema.public
  column "c_string" {
    type    = text
    default = "hello"
  }
  column "c_empty" {
    type    = text
    default = ""
  }
  column "c_dquoted" {
    type    = varchar(10)
    default = "\"x\""
  }
  column "c_number" {
    type    = int
    default = 42
  }
  column "c_fraction" {
    type    = numeric(10, 3)
    default = 0.125
  }
  column "c_bool" {
    type    = boolean
    default = true
  }
  column "c_false" {
    type    = boolean
    default = false
  }
  column "c_now" {
    type    = timestamptz
    default = sql("now()")
  }
  column "c_ts" {
    type    = timestamp(4)
    default = sql("CURRENT_TIMESTAMP(4)")
  }
  column "c_null" {
    type    = text
    null    = true
    default = null
  }
}
