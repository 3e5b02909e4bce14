schema "app" {}
table "users" {
  schema = schema.app
  column "id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
}
table "posts" {
  schema = schema.app
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
