variable "width" {
  type = number
}
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = varchar(var.width)
  }
}
