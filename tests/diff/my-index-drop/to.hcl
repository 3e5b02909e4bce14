schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "a" {
    type = varchar(20)
  }
  column "b" {
    type = int
  }
  index "t_b_idx" {
    columns = [column.b]
  }
}
