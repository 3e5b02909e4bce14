schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type    = text
    default = "none"
  }
  column "n" {
    type    = int
    default = 7
  }
}
