schema "public" {}
table "t" {
  schema  = schema.public
  comment = "C:\path"
  column "a" {
    type = int
  }
}
