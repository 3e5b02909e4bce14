schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "w" {
    type    = decimal(5, 1)
    default = 1
  }
  column "p" {
    type    = decimal(10, 2)
    default = 0
  }
}
