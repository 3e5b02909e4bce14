schema "app" {}
table "users" {
  schema = schema.app
  column "id" {
    type     = bigint
    unsigned = true
  }
  primary_key {
    columns = [column.id]
  }
}
table "orders" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "user_id" {
    type     = bigint
    unsigned = true
    null     = true
  }
  column "qty" {
    type = int
  }
  foreign_key "fk_orders_user" {
    columns     = [column.user_id]
    ref_columns = [table.users.column.id]
    on_update   = CASCADE
    on_delete   = "SET NULL"
  }
  check "qty_positive" {
    expr = "qty > 0"
  }
  check "qty_small" {
    expr     = "qty < 100"
    enforced = false
  }
  check "qty_even" {
    expr     = "qty % 2 = 0"
    enforced = true
  }
}
