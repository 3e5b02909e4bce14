schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  index "i" {
    columns = [table.users.column.id]
  }
}
