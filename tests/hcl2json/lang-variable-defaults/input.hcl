variable "schema" {
  type    = string
  default = "tenant"
}
variable "width" {
  type    = number
  default = 10
}
schema "main" {
  name    = var.schema
  comment = "schema ${var.schema}"
}
table "t" {
  schema = schema.main
  column "name" {
    type = varchar(var.width)
  }
}
