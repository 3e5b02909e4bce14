schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
}
view "active_users" {
  schema  = schema.public
  comment = "users who are active"
  column "id" {
    type = int
  }
  as         = <<-SQL
    SELECT id FROM ${table.users.name}
  SQL
  depends_on = [table.users]
}
