lint {
  naming {
    match   = "^[a-z][a-z0-9_]*$"
    message = "Table and column names must be lowercase with underscores"
  }
}

env "t" {
  url = "postgres://localhost/t"
  src = "file://schema.hcl"
}

env "warn" {
  url = "postgres://localhost/t"
  src = "file://schema.hcl"
  lint {
    naming {
      match   = "^[a-z][a-z0-9_]*$"
      message = "Table and column names must be lowercase with underscores"
      error   = false
    }
  }
}

env "tables" {
  url = "postgres://localhost/t"
  src = "file://schema.hcl"
  lint {
    naming {
      match = ".*"
      table {
        match   = "^[a-z]+$"
        message = "lowercase tables"
      }
    }
  }
}
