schema "public" {}
table "t" {
  schema  = schema.public
  comment = "no end
  column "a" {
    type = int
  }
}
