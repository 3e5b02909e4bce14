lint {
  naming {
    match   = "^[a-z][a-z0-9_]*$"
    message = "Table and column names must be lowercase with underscores"
    error   = true
  }
}

env "t" {
  url = "postgres://localhost/t"
  migration {
    dir = "file://migrations"
  }
}
