schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "name" {
    type = varchar(20)
  }
  column "tag" {
    type    = varchar(10)
    collate = "utf8mb4_bin"
  }
}
