schema "public" {}
table "t" {
  schema = schema.public
  column "id" {
    type = int
  }
  column "a" {
    type = bigint
  }
  column "b" {
    type = varchar(50)
  }
  column "c" {
    type = numeric(12, 4)
  }
}
