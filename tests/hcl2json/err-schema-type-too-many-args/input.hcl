schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = varchar(10, 20)
  }
}
