schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type      = timestamp
    on_update = sql("now()")
  }
}
