schema "public" {}
table "t" {
  schema = schema.public
  column "c_numeric" {
    type = numeric
  }
  column "c_numeric_p" {
    type = numeric(10)
  }
  column "c_numeric_ps" {
    type = numeric(10, 2)
  }
  column "c_decimal_ps" {
    type = decimal(26, 10)
  }
  column "c_decimal" {
    type = decimal
  }
  column "c_real" {
    type = real
  }
  column "c_float4" {
    type = float4
  }
  column "c_double" {
    type = double_precision
  }
  column "c_float8" {
    type = float8
  }
  column "c_float" {
    type = float
  }
  column "c_float10" {
    type = float(10)
  }
  column "c_float24" {
    type = float(24)
  }
  column "c_float25" {
    type = float(25)
  }
  column "c_float53" {
    type = float(53)
  }
  column "c_money" {
    type = money
  }
}
