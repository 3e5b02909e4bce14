schema "app" {}
table "t" {
  schema  = schema.app
  charset = "utf8mb4"
  collate = "utf8mb4_unicode_ci"
  column "id" {
    type = int
  }
}
