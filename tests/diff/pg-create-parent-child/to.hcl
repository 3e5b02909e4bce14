schema "public" {}
table "posts" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "author_id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
  foreign_key "posts_author_fk" {
    columns     = [column.author_id]
    ref_columns = [table.authors.column.id]
    on_delete   = CASCADE
  }
  index "posts_author_idx" {
    columns = [column.author_id]
  }
}
table "authors" {
  schema = schema.public
  column "id" {
    type = int
  }
  primary_key {
    columns = [column.id]
  }
}
