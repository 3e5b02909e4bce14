schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type = int
  }
  column "b" {
    type = varchar(10)
  }
  column "c" {
    type = numeric(10, 2)
  }
}
