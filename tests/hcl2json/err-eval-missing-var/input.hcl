variable "tenant" {
  type = string
}
schema "main" {
  name = var.tenant
}
table "t" {
  schema = schema.main
  column "a" {
    type = int
  }
}
