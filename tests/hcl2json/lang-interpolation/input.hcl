schema "public" {}
table "users" {
  schema  = schema.public
  comment = "all users"
  column "id" {
    type = int
  }
}
table "orders" {
  schema = schema.public
  column "user_id" {
    type    = int
    comment = "points at ${table.users.name}.${table.users.column.id.name}"
  }
  check {
    expr = "user_id > 0 /* ${table.users.comment} in ${schema.public.name} */"
  }
}
