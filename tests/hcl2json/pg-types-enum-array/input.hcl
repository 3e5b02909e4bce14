schema "public" {}
enum "status" {
  schema = schema.public
  values = ["on", "off"]
}
table "t" {
  schema = schema.public
  column "a" {
    type = sql("status[]")
  }
}
