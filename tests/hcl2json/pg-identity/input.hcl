schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = int
    identity {
      generated = ALWAYS
      start     = 10
      increment = 5
    }
  }
  column "b" {
    type = bigint
    identity {
      generated = BY_DEFAULT
    }
  }
  column "c" {
    type = smallint
    identity {
    }
  }
  column "d" {
    type = int
    identity {
      generated = "BY DEFAULT"
      start     = 100
    }
  }
}
