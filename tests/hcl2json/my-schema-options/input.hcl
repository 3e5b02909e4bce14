schema "app" {
  charset = "utf8mb4"
  collate = "utf8mb4_0900_ai_ci"
  comment = "the app database"
}
schema "legacy" {
  charset   = "latin1"
  collation = "latin1_swedish_ci"
}
table "t" {
  schema = schema.app
  column "a" {
    type = int
  }
}
table "u" {
  schema = schema.legacy
  column "a" {
    type = int
  }
}
