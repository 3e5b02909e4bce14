schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
}
table "t" {
  schema = table.users
  column "a" {
    type = int
  }
}
