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
  index "t_a_idx" {
    unique  = true
    columns = [column.a]
  }
}
