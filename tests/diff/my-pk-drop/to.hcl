schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "code" {
    type = varchar(10)
  }
}
