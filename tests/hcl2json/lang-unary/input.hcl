variable "strict" {
  type = bool
}
schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type    = int
    null    = !var.strict
    default = -1
  }
  column "b" {
    type    = int
    null    = !false
    default = -(2 + 3)
  }
}
