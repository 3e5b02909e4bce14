schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "amount" {
    type = int
  }
  column "qty" {
    type = int
  }
  check "t_amount_positive" {
    expr = "amount > 0"
  }
  check "t_qty_range" {
    expr = "qty >= 0 AND qty < 1000"
  }
}
