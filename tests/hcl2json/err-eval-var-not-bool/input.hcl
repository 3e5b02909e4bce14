variable "strict" {
  type    = bool
  default = true
}
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
    null = !var.strict
  }
}
