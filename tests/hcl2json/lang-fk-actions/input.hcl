schema "public" {}
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
}
table "posts" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type = int
    null = true
  }
  column "b" {
    type = int
  }
  column "c" {
    type = int
  }
  column "d" {
    type = int
  }
  foreign_key "fk_a" {
    columns     = [column.a]
    ref_columns = [table.users.column.id]
    on_delete   = SET_NULL
    on_update   = NO_ACTION
  }
  foreign_key "fk_b" {
    columns     = [column.b]
    ref_columns = [table.users.column.id]
    on_delete   = "CASCADE"
    on_update   = "SET DEFAULT"
  }
  foreign_key "fk_c" {
    columns     = [column.c]
    ref_columns = [table.users.column.id]
    on_delete   = RESTRICT
    on_update   = CASCADE
  }
  foreign_key {
    columns     = [column.d]
    ref_columns = [column.id]
    on_delete   = SET_DEFAULT
  }
}
