schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "a" {
    type = varchar(20)
  }
  column "m" {
    type = int
    null = true
  }
  column "z" {
    type = int
  }
}
