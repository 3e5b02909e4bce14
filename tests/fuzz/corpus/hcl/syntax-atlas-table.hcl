table "deposit" {
  schema  = schema.public
  comment = "deposit"
  column "id" {
    null = false
    type = bigint
    identity {
      generated = BY_DEFAULT
    }
  }
  column "coin" {
    null    = false
    type    = varchar(10)
    default = "btc"
  }
  column "amount" {
    null    = false
    type    = numeric(26,10)
    default = 0
  }
  column "updated_at" {
    null    = true
    type    = timestamptz
    default = sql("now()")
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "fk_deposit_tx" {
    columns     = [column.id]
    ref_columns = [table.tx.column.id]
    on_update   = NO_ACTION
    on_delete   = CASCADE
  }
  index "idx_coin" {
    unique  = true
    columns = [column.coin, column.amount]
  }
  check "chk_coin" {
    expr = "coin IN ('btc', 'bch')"
  }
}
