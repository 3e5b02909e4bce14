schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "a" {
    type    = varchar(20)
    charset = "latin1"
  }
  column "b" {
    type    = text
    null    = true
    charset = "ascii"
  }
}
table "u" {
  schema = schema.app
  column "c" {
    type    = varchar(10)
    charset = "latin1"
  }
}
