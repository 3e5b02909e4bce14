schema "my.schema" {}
table "a.b" {
  schema = schema["my.schema"]
  column "Full Name" {
    type = text
  }
  column "1" {
    type = int
  }
  primary_key {
    columns = [column["1"]]
  }
  index "by name" {
    columns = [column["Full Name"]]
  }
}
table "c" {
  schema = schema["my.schema"]
  column "ab" {
    type = int
  }
  foreign_key "fk" {
    columns     = [column.ab]
    ref_columns = [table["a.b"].column["1"]]
  }
}
