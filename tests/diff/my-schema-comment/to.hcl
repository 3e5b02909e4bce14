schema "app" {
  charset   = "utf8mb4"
  collation = "utf8mb4_unicode_ci"
  comment   = "MySQL keeps no schema comment"
}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
}
