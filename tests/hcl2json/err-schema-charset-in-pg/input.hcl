schema "public" {
  charset = "utf8"
}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
}
