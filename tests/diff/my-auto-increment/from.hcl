schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = bigint
  }
  column "a" {
    type = varchar(20)
  }
  primary_key {
    columns = [column.id]
  }
}
