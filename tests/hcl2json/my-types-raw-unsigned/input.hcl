schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = sql("bigint unsigned")
  }
  column "b" {
    type = sql("int unsigned")
  }
}
