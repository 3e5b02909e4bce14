table "t" {
  schema = schema.s
  comment = "t"
  column "a" {
    type = int
  }
  x = 1
  longer_name = 2
  index "i" {
    columns = [column.a]
  }
  charset = "utf8mb4"
}
