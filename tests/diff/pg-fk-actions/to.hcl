schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "email" {
    type = text
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
  schema = schema.public
  column "id" {
    type = int
  }
  column "user_id" {
    type = int
    null = true
  }
  column "author" {
    type = text
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "posts_user_fk" {
    columns     = [column.user_id]
    ref_columns = [table.users.column.id]
    on_update   = RESTRICT
    on_delete   = SET_NULL
  }
}
