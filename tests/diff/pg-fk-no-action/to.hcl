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
  foreign_key "posts_user_fk" {
    columns     = [column.user_id]
    ref_columns = [table.users.column.id]
  }
}
table "comments" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "post_id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
  index "comments_post_id" {
    columns = [column.post_id]
  }
  foreign_key "comments_post_fk" {
    columns     = [column.post_id]
    ref_columns = [table.posts.column.id]
  }
}
