schema "public" {}
table "t" {
  schema = schema.public
  column "x" {
    type    = int
    default = sql("")
  }
}
