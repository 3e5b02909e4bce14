schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "amount" {
    type = int
  }
  column "qty" {
    type = int
  }
}
