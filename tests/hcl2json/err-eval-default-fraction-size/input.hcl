variable "n" {
  type    = number
  default = 2.5
}
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = varchar(var.n)
  }
}
