locals {
  a = "x"
}
schema "public" {}
table "t" {
  schema  = schema.public
  comment = local.b
  column "x" {
    type = int
  }
}
