table "t" {
  schema = schema.s
  comment = "never closed
}
