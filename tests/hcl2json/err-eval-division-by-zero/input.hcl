locals {
  width = 10 / 0
}
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = varchar(local.width)
  }
}
