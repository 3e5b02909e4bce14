schema "app" {}
table "t" {
  schema = schema.app
  column "c_decimal_unsigned" {
    type = sql("decimal(10,2) unsigned")
  }
  column "c_geomcollection" {
    type = sql("geomcollection")
  }
  column "c_zerofill" {
    type = sql("int(10) unsigned zerofill")
  }
  column "c_varchar" {
    type = sql("varchar(32)")
  }
  column "c_uuid" {
    type = sql("uuid")
  }
  column "c_tinyint1" {
    type = sql("tinyint(1)")
  }
}
