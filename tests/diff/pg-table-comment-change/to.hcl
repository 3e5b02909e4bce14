schema "public" {}
table "t" {
  schema  = schema.public
  comment = "renamed: t"
  column "id" {
    type = int
  }
}
