schema "public" {}
table "t_${var.x}" {
  schema = schema.public
  column "a" {
    type = int
  }
}
