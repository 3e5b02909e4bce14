schema "app" {}
table "t" {
  schema = schema.app
  column "id" {
    type = int
  }
  column "w" {
    type    = decimal(5, 1)
    default = 0
  }
  column "p" {
    type    = decimal(10, 2)
    default = 0.00
  }
  column "q" {
    type    = decimal(10, 2)
    default = 0
  }
  column "r" {
    type    = decimal(8, 3)
    default = 1.5
  }
}
table "u" {
  schema = schema.app
  column "v" {
    type    = decimal(10, 2)
    default = 0
  }
}
