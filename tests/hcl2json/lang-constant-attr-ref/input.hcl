schema "public" {}
table "users" {
  schema  = schema.public
  comment = "the users"
  column "id" {
    type = int
  }
}
table "t" {
  schema  = schema.public
  comment = table.users.comment
  column "a" {
    type = int
  }
}
