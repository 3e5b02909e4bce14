schema "app" {}
table "t" {
  schema = schema.app
  column "c_varchar" {
    type = varchar(255)
  }
  column "c_char" {
    type = char
  }
  column "c_char10" {
    type = char(10)
  }
  column "c_tinytext" {
    type = tinytext
  }
  column "c_text" {
    type = text
  }
  column "c_text100" {
    type = text(100)
  }
  column "c_mediumtext" {
    type = mediumtext
  }
  column "c_longtext" {
    type = longtext
  }
  column "c_enum" {
    type = enum("a", "b")
  }
  column "c_enum_quote" {
    type = enum("it's", "x")
  }
  column "c_set" {
    type = set("x", "y", "z")
  }
  column "c_json" {
    type = json
  }
}
