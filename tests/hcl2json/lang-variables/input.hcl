variable "schema" {
  type = string
}
variable "width" {
  type    = number
  default = 10
}
variable "audited" {
  type        = bool
  default     = false
  description = "whether rows are audited"
}
schema "main" {
  name = var.schema
}
table "t" {
  schema = schema.main
  column "name" {
    type = varchar(var.width)
    null = var.audited
  }
}
