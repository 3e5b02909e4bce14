schema "public" {}
table "a" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "b_id" {
    type = int
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  index "a_b_id" {
    columns = [column.b_id]
  }
  foreign_key "a_b_fk" {
    columns     = [column.b_id]
    ref_columns = [table.b.column.id]
    on_delete   = SET_NULL
  }
}
table "b" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a_id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
  index "b_a_id" {
    columns = [column.a_id]
  }
  foreign_key "b_a_fk" {
    columns     = [column.a_id]
    ref_columns = [table.a.column.id]
    on_delete   = CASCADE
  }
}
