schema "app" {}
table "users" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "email" {
    type = varchar(100)
  }
  primary_key {
    columns = [column.id]
  }
  index "users_email_key" {
    unique  = true
    columns = [column.email]
  }
}
table "posts" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "user_id" {
    type = int
    null = true
  }
  column "author" {
    type = varchar(100)
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  index "posts_user_id" {
    columns = [column.user_id]
  }
  index "posts_author" {
    columns = [column.author]
  }
}
