schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
}
table "posts" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "user_id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
  index "posts_user_id" {
    columns = [column.user_id]
  }
}
