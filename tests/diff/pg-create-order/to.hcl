schema "public" {}
table "a_child" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "parent_id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
  index "a_child_parent_id" {
    columns = [column.parent_id]
  }
  foreign_key "a_child_parent_fk" {
    columns     = [column.parent_id]
    ref_columns = [table.z_parent.column.id]
    on_delete   = CASCADE
  }
}
table "m_alone" {
  schema = schema.public
  column "id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
}
table "z_parent" {
  schema = schema.public
  column "id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
}
