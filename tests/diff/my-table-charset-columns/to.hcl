schema "app" {}
table "t" {
  schema  = schema.app
  charset = "latin1"
  collate = "latin1_bin"
  column "id" {
    type = int
  }
  column "name" {
    type = varchar(20)
  }
  column "bio" {
    type = text
    null = true
  }
  column "kind" {
    type    = enum("a", "b")
    default = "a"
  }
  column "code" {
    type    = char(3)
    charset = "ascii"
    collate = "ascii_bin"
  }
  column "n" {
    type = bigint
  }
  primary_key {
    columns = [column.id]
  }
}
