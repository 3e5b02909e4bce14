data "sql" "x" {
  query = "SELECT 1"
}
schema "public" {}
table "t" {
  schema = schema.public
  column "x" {
    type = int
  }
}
