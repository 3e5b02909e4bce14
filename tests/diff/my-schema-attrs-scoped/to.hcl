schema "app" {
  charset   = "utf8mb4"
  collation = "utf8mb4_unicode_ci"
}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
}
