locals {
  full   = "${local.prefix}table"
  prefix = "app_"
  size   = 20
}
schema "public" {}
table "t" {
  schema  = schema.public
  comment = local.full
  column "a" {
    type = varchar(local.size)
  }
}
