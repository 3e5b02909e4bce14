# Checks and generated columns written the way people write them; MariaDB stores every
# one of them in its own form (see myexpr.bats): the live schema must still equal this.
schema "myexpr_test" {}

table "t" {
  schema = schema.myexpr_test
  column "id" {
    type = int
  }
  column "amount" {
    type = decimal(10,2)
  }
  column "coin" {
    type = varchar(10)
  }
  column "Qty" {
    type = int
  }
  column "note" {
    type = varchar(50)
    null = true
  }
  column "flag" {
    type = tinyint
  }
  column "total" {
    type = decimal(20,2)
    null = true
    as   = "amount * Qty"
  }
  column "label" {
    type = varchar(40)
    null = true
    as {
      expr = "CONCAT(UPPER(coin), '-', id)"
      type = STORED
    }
  }
  column "big" {
    type = int
    null = true
    as   = "CASE WHEN amount > 100 AND NOT flag THEN 1 ELSE 0 END"
  }
  primary_key {
    columns = [column.id]
  }
  check "c01_compare" {
    expr = "amount >= 0"
  }
  check "c02_in" {
    expr = "coin IN ('btc', 'eth', 'xrp')"
  }
  check "c03_and_or_parens" {
    expr = "(amount > 0 AND coin <> 'x') OR id = 1"
  }
  check "c04_and_or_bare" {
    expr = "amount > 0 AND coin <> 'y' OR id = 2"
  }
  check "c05_or_and_parens" {
    expr = "(id = 1 OR amount > 0) AND (coin != 'z')"
  }
  check "c06_between" {
    expr = "Qty BETWEEN 0 AND 1000"
  }
  check "c07_not_between" {
    expr = "qty NOT BETWEEN -5 AND -1"
  }
  check "c08_like" {
    expr = "coin LIKE 'b%' OR coin NOT LIKE 'z%'"
  }
  check "c09_is_null" {
    expr = "note IS NULL OR char_length(note) > 2"
  }
  check "c10_is_not_null" {
    expr = "(note IS NOT NULL) OR (flag = 0)"
  }
  check "c11_not_compare" {
    expr = "NOT (amount < 0)"
  }
  check "c12_not_and" {
    expr = "NOT (coin = 'zzz' AND id = 0)"
  }
  check "c13_lower_upper" {
    expr = "lower(coin) = coin AND upper(coin) <> 'ABC'"
  }
  check "c14_case" {
    expr = "CASE WHEN flag = 1 THEN amount > 0 ELSE TRUE END"
  }
  check "c15_case_operand" {
    expr = "CASE coin WHEN 'btc' THEN 8 WHEN 'eth' THEN 18 ELSE 0 END >= 0"
  }
  check "c16_arithmetic" {
    expr = "amount * 2 + 1 > qty - 3 * (id + 1)"
  }
  check "c17_mod_div" {
    expr = "(Qty % 2) = 0 OR MOD(Qty, 3) = 0 OR Qty DIV 5 > 0"
  }
  check "c18_quote" {
    expr = "coin <> 'it''s'"
  }
  check "c19_escape" {
    expr = "coin <> 'tab\\there' AND coin <> 'back\\\\slash'"
  }
  check "c20_quoted_names" {
    expr = "`Qty` > -1 AND ID <> 0 AND `AMOUNT` < 99999999"
  }
  check "c21_not_is_null" {
    expr = "flag IN (0, 1) AND NOT flag IS NULL"
  }
  check "c22_symbols" {
    expr = "qty > 0 && amount >= 0 || !(id <> 1)"
  }
  check "c23_functions" {
    expr = "abs(amount) < 1000000 AND round(amount, 1) >= -1 AND COALESCE(note, '') <> 'bad'"
  }
  check "c24_xor" {
    expr = "(amount > 0) XOR (qty > 0) OR id = 1"
  }
  check "c25_in_one" {
    expr = "qty IN (5) OR qty NOT IN (6) OR qty > 10"
  }
  check "c26_regexp" {
    expr = "coin REGEXP '^[a-z]+$' AND coin NOT RLIKE '^x'"
  }
  check "c27_unknown" {
    expr = "note IS NOT UNKNOWN OR id > 0"
  }
  check "c28_cast" {
    expr = "cast(qty AS SIGNED INTEGER) >= -100 AND 0x10 < qty + 100"
  }
  check "c29_collate" {
    expr = "coin COLLATE utf8mb4_bin <> 'BTC'"
  }
  check "c30_not_not" {
    expr = "NOT NOT (qty > -100) AND -qty < 100 AND - 5 < qty"
  }
  check "c31_length" {
    expr = "length(coin) <= 40 AND character_length(coin) <= 10 AND substring(coin, 1, 1) <> '_'"
  }
}
