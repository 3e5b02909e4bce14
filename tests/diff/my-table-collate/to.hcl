schema "app" {}
table "t" {
  schema  = schema.app
  collate = "utf8mb4_bin"
  column "id" {
    type = int
  }
  column "n" {
    type = bigint
  }
}
