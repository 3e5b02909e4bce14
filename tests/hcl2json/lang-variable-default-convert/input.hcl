variable "n" {
  type    = number
  default = "12"
}
variable "b" {
  type    = bool
  default = "true"
}
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = varchar(var.n)
  }
  column "b" {
    type    = int
    default = var.n
  }
  column "c" {
    type    = bool
    default = var.b
  }
}
