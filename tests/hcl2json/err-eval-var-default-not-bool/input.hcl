variable "b" {
  type    = bool
  default = "yes"
}
schema "public" {}
