schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
}
schema "audit" {
  comment = "audit trail"
}
table "events" {
  schema = schema.audit
  column "id" {
    type = bigint
  }
  column "t_id" {
    type = int
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  index "events_t_id_idx" {
    columns = [column.t_id]
  }
}
