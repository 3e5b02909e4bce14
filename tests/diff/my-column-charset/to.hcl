schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "a" {
    type    = varchar(20)
    charset = "latin1"
    collate = "latin1_swedish_ci"
  }
}
