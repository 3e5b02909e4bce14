schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = sql("double precision")
  }
  column "b" {
    type = sql("bit varying(3)")
  }
  column "c" {
    type = sql("bit varying")
  }
  column "d" {
    type = double_precision
  }
  column "e" {
    type = bit_varying(3)
  }
}
