schema "public" {}
table "t" {
  schema  = schema.public
  comment = "made by ${nobody}"
  column "a" {
    type = int
  }
}
