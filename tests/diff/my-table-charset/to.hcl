schema "app" {}
table "t" {
  schema  = schema.app
  charset = "latin1"
  collate = "latin1_bin"
  column "id" {
    type = int
  }
  column "n" {
    type = bigint
  }
}
