schema "app" {
  charset = "utf8mb4"
}
