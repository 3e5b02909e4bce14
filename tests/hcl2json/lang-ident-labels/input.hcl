schema public {}
table users {
  schema = schema.public
  column id { type = int }
  index by_id { columns = [column.id] }
}
