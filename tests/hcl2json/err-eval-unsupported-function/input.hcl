schema "public" {}
table "t" {
  schema  = schema.public
  comment = shout("hello")
  column "a" {
    type = int
  }
}
