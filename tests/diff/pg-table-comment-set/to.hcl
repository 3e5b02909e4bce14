schema "public" {}
table "t" {
  schema  = schema.public
  comment = "the t table"
  column "id" {
    type = int
  }
}
