locals {
  a = local.b
  b = local.a
}
schema "public" {}
table "t" {
  schema  = schema.public
  comment = local.a
  column "x" {
    type = int
  }
}
