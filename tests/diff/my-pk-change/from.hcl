schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "code" {
    type = varchar(10)
  }
  primary_key {
    columns = [column.id]
  }
}
