schema "public" {}
schema "audit" {}
table "public" "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
}
table "audit" "users" {
  schema = schema.audit
  column "user_id" {
    type = int
  }
  foreign_key "fk_user" {
    columns     = [column.user_id]
    ref_columns = [table.public.users.column.id]
  }
}
