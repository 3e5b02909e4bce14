schema "app" {}
table "t" {
  schema = schema.app
  column "c_binary" {
    type = binary
  }
  column "c_binary1" {
    type = binary(1)
  }
  column "c_binary16" {
    type = binary(16)
  }
  column "c_varbinary" {
    type = varbinary(64)
  }
  column "c_tinyblob" {
    type = tinyblob
  }
  column "c_blob" {
    type = blob
  }
  column "c_blob100" {
    type = blob(100)
  }
  column "c_mediumblob" {
    type = mediumblob
  }
  column "c_longblob" {
    type = longblob
  }
  column "c_bit" {
    type = bit
  }
  column "c_bit1" {
    type = bit(1)
  }
  column "c_bit8" {
    type = bit(8)
  }
}
