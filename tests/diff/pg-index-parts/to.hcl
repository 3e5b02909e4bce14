schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type = text
  }
  column "b" {
    type = int
  }
  index "t_ab_idx" {
    columns = [column.a, column.b]
  }
}
