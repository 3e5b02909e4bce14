schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type    = text
    default = "unknown"
  }
  column "n" {
    type    = int
    default = 8
  }
  column "at" {
    type    = timestamptz
    default = sql("CURRENT_TIMESTAMP")
  }
}
