table "a" {
  schema = schema.public
  column "x" {
    type = int
  }
  foreign_key "fk_b" {
    columns     = [column.x]
    ref_columns = [table.b.column.y]
  }
}
