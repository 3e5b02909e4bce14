schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type    = int
    default = 1e3
  }
  column "b" {
    type    = double_precision
    default = 2.5E-2
  }
  column "c" {
    type    = double_precision
    default = 3.14159265358979
  }
  column "d" {
    type    = real
    default = 0.00001
  }
  column "e" {
    type    = numeric(10, 2)
    default = 1.5
  }
  column "f" {
    type    = bigint
    default = 9007199254740993
  }
  column "g" {
    type    = int
    default = 2 * 3 + 1
  }
}
