schema "app" {}
table "t" {
  schema  = schema.app
  comment = "the t table"
  column "id" {
    type = int
  }
}
