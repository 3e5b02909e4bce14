schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
  }
  column "b" {
    type = int
  }
  unique "u_ab" {
    columns = [column.a, column.b]
  }
  unique "u_b" {
    columns        = [column.b]
    nulls_distinct = false
    include        = [column.a]
  }
}
