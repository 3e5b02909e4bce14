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
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type = text
  }
  column "b" {
    type = int
    null = true
  }
  column "user_id" {
    type = int
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  index "t_b_idx" {
    columns = [column.b]
  }
  index "t_a_b_idx" {
    unique  = true
    columns = [column.a, column.b]
  }
  index "t_a_idx" {
    columns = [column.a]
  }
  foreign_key "t_user_fk" {
    columns     = [column.user_id]
    ref_columns = [table.users.column.id]
    on_delete   = CASCADE
  }
}
