schema "app" {}
table "t1" {
  schema         = schema.app
  comment        = "first"
  charset        = "utf8mb4"
  collate        = "utf8mb4_general_ci"
  engine         = InnoDB
  auto_increment = 100
  column "id" {
    type           = bigint
    auto_increment = true
  }
  primary_key {
    columns = [column.id]
  }
}
table "t2" {
  schema    = schema.app
  collation = "utf8mb4_bin"
  engine    = "MyISAM"
  column "a" {
    type = int
  }
}
table "t3" {
  schema = schema.app
  engine = Memory
  column "a" {
    type = int
  }
}
