variable "env" {
  type    = string
  default = "prod"
}
schema "public" {}
table "users" {
  schema  = schema.public
  comment = "users in ${var.env}"
  column "id" {
    type = int
  }
}
table "t" {
  schema  = schema.public
  comment = table.users.comment
  column "a" {
    type = int
  }
}
