schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "a" {
    type = bigint
  }
  column "b" {
    type = varchar(50)
  }
  column "c" {
    type = decimal(12, 4)
  }
}
