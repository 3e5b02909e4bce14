variable "tags" {
  type    = list(string)
  default = ["a", "b"]
}
variable "labels" {
  type    = list(string)
  default = ["x", "y"]
}
schema "public" {}
table "t" {
  schema  = schema.public
  comment = join(",", concat(var.tags, var.labels))
  column "a" {
    type = int
  }
}
