schema "public" {}
table "t" {
  schema = schema.public
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
