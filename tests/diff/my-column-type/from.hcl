schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "a" {
    type = int
  }
  column "b" {
    type = varchar(10)
  }
  column "c" {
    type = decimal(10, 2)
  }
}
