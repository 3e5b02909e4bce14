schema "app" {}
table "t" {
  schema = schema.app
  column "a" {
    type = int
  }
  column "b" {
    type = int
    as   = "a * 2"
  }
  column "c" {
    type = int
    as {
      expr = "a + 1"
      type = STORED
    }
  }
  column "d" {
    type = int
    as {
      expr = "a + 2"
      type = PERSISTENT
    }
  }
  column "e" {
    type = int
    as {
      expr = "a + 3"
      type = VIRTUAL
    }
  }
}
