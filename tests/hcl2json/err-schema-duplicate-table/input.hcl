schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
}
table "t" {
  schema = schema.public
  column "b" {
    type = int
  }
}
