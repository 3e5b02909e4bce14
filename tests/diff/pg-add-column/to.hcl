schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type = text
  }
  column "b" {
    type = varchar(20)
    null = true
  }
  column "c" {
    type    = integer
    default = 0
  }
}
