schema "public" {}
table "keep" {
  schema = schema.public
  column "id" {
    type = int
  }
}
table "legacy" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "note" {
    type = text
    null = true
  }
  primary_key {
    columns = [column.id]
  }
}
