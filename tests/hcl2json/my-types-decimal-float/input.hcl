schema "app" {}
table "t" {
  schema = schema.app
  column "c_decimal" {
    type = decimal
  }
  column "c_decimal_p" {
    type = decimal(12)
  }
  column "c_decimal_ps" {
    type = decimal(10, 2)
  }
  column "c_numeric" {
    type = numeric(8, 3)
  }
  column "c_decimal_unsigned" {
    type     = decimal(5, 1)
    unsigned = true
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
  column "c_float30" {
    type = float(30)
  }
  column "c_float_ps" {
    type = float(7, 3)
  }
  column "c_double" {
    type = double
  }
  column "c_double_ps" {
    type = double(10, 2)
  }
  column "c_real" {
    type = real
  }
  column "c_float_unsigned" {
    type     = float
    unsigned = true
  }
}
