schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "amount" {
    type = int
  }
  check "t_amount_positive" {
    expr = "(`amount` > 0)"
  }
}
