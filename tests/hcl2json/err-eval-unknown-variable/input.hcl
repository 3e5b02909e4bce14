schema "public" {}
table "t" {
  schema  = schema.public
  comment = var.missing
  column "a" {
    type = int
  }
}
