schema "public" {}

table "Users" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "eMail" {
    type = text
  }
  primary_key {
    columns = [column.id]
  }
  index "IdxMail" {
    columns = [column.eMail]
  }
  check "Positive" {
    expr = "id > 0"
  }
}

table "pets" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "owner_id" {
    type = int
  }
  foreign_key "PetOwner" {
    columns     = [column.owner_id]
    ref_columns = [table.Users.column.id]
  }
}
