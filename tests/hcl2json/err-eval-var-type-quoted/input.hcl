variable "s" {
  type    = "string"
  default = "public"
}
schema "public" {}
