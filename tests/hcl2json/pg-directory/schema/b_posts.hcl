table "posts" {
  schema = schema.public
  column "user_id" {
    type = int
  }
  foreign_key "fk_posts_user" {
    columns     = [column.user_id]
    ref_columns = [table.users.column.id]
    on_delete   = CASCADE
  }
}
