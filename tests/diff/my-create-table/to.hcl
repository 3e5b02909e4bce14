schema "app" {}
table "users" {
  schema  = schema.app
  comment = "registered users"
  column "id" {
    type           = bigint
    unsigned       = true
    auto_increment = true
  }
  column "email" {
    type    = varchar(255)
    comment = "login"
  }
  column "status" {
    type    = enum("active", "inactive")
    default = "active"
  }
  column "score" {
    type    = int
    default = 0
  }
  column "is_admin" {
    type    = bool
    default = false
  }
  column "created_at" {
    type    = timestamp
    default = sql("CURRENT_TIMESTAMP")
  }
  column "bio" {
    type = text
    null = true
  }
  primary_key {
    columns = [column.id]
  }
  index "users_email" {
    unique  = true
    columns = [column.email]
  }
  index "users_status_idx" {
    columns = [column.status]
  }
}
