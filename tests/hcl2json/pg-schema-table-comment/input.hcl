schema "public" {
  comment = "the default schema"
}
table "t" {
  schema  = schema.public
  comment = "a table"
  column "a" {
    type    = int
    comment = "a column"
  }
}
