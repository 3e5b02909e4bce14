schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "doc" {
    type = jsonb
  }
  column "code" {
    type = text
  }
  column "n" {
    type = int
  }
  index "t_n_idx" {
    columns = [column.n]
    type    = BRIN
  }
  index "t_doc_idx" {
    columns = [column.doc]
    type    = GIN
  }
  index "t_code_idx" {
    columns = [column.code]
    type    = HASH
  }
  index "t_id_idx" {
    columns = [column.id]
    type    = BTREE
  }
}
table "u" {
  schema = schema.public
  column "doc" {
    type = jsonb
  }
  index "u_doc_idx" {
    columns = [column.doc]
    type    = GIN
  }
}
