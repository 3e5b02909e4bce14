variable "big" {
  type    = bool
  default = false
}
variable "small" {
  type    = bool
  default = false
}
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type    = varchar(var.big ? 255 : 10)
    null    = var.small ? false : true
    comment = var.big ? "big" : "small"
  }
}
