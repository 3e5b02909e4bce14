schema "app" {}
table "t" {
  schema = schema.app
  column "c_string" {
    type    = varchar(20)
    default = "a'b"
  }
  column "c_empty" {
    type    = varchar(20)
    default = ""
  }
  column "c_int" {
    type    = int
    default = 0
  }
  column "c_negative" {
    type    = int
    default = -7
  }
  column "c_decimal" {
    type    = decimal(10, 4)
    default = 12.3456789
  }
  column "c_bool" {
    type    = bool
    default = false
  }
  column "c_created" {
    type    = datetime
    default = sql("CURRENT_TIMESTAMP")
  }
  column "c_json" {
    type    = json
    default = sql("(JSON_ARRAY())")
  }
  column "c_enum" {
    type    = enum("on", "off")
    default = "off"
  }
}
