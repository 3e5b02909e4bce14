schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "n" {
    type = bigint
    identity {
      generated = ALWAYS
      start     = 100
      increment = 10
    }
  }
}
