schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type           = int
    unsigned       = true
    auto_increment = true
  }
  column "name" {
    type      = varchar(100)
    charset   = "utf8mb4"
    collate   = "utf8mb4_bin"
    comment   = "display name"
    null      = true
  }
  column "code" {
    type      = char(2)
    collation = "ascii_bin"
  }
  column "updated_at" {
    type      = timestamp(6)
    default   = sql("CURRENT_TIMESTAMP(6)")
    on_update = sql("CURRENT_TIMESTAMP(6)")
  }
  primary_key {
    columns = [column.id]
  }
}
