schema "public" {}
table "t" {
  schema  = schema.public
  comment = <<EOT
never closed
  column "a" {
    type = int
  }
}
