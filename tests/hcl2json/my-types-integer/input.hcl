schema "app" {}
table "t" {
  schema = schema.app
  column "c_tinyint" {
    type = tinyint
  }
  column "c_tinyint4" {
    type = tinyint(4)
  }
  column "c_smallint" {
    type = smallint
  }
  column "c_mediumint" {
    type = mediumint
  }
  column "c_int" {
    type = int
  }
  column "c_int11" {
    type = int(11)
  }
  column "c_int_unsigned" {
    type     = int
    unsigned = true
  }
  column "c_bigint_unsigned" {
    type     = bigint(20)
    unsigned = true
  }
  column "c_int_signed" {
    type     = int
    unsigned = false
  }
  column "c_bool" {
    type = bool
  }
  column "c_boolean" {
    type = boolean
  }
  column "c_tinyint1" {
    type = tinyint(1)
  }
}
