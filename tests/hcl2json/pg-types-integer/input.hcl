schema "public" {}
table "t" {
  schema = schema.public
  column "c_smallint" {
    type = smallint
  }
  column "c_int2" {
    type = int2
  }
  column "c_integer" {
    type = integer
  }
  column "c_int" {
    type = int
  }
  column "c_int4" {
    type = int4
  }
  column "c_bigint" {
    type = bigint
  }
  column "c_int8" {
    type = int8
  }
  column "c_smallserial" {
    type = smallserial
  }
  column "c_serial2" {
    type = serial2
  }
  column "c_serial" {
    type = serial
  }
  column "c_serial4" {
    type = serial4
  }
  column "c_bigserial" {
    type = bigserial
  }
  column "c_serial8" {
    type = serial8
  }
  column "c_xid" {
    type = xid
  }
}
