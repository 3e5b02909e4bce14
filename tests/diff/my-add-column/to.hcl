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
    null = true
  }
  column "c" {
    type    = varchar(10)
    default = "x"
  }
}
