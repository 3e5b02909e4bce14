schema "app" {}
table "keep" {
  schema = schema.app
  column "id" {
    type = int
  }
}
table "legacy" {
  schema = schema.app
  column "id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
}
