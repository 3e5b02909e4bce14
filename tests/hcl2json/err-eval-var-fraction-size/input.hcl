variable "n" {
  type = number
}
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = varchar(var.n)
  }
}
