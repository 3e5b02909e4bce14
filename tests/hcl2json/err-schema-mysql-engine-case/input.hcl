schema "app" {}
table "t" {
  schema = schema.app
  engine = Innodb
  column "a" {
    type = int
  }
}
