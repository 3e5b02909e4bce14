lint {
  destructive {
    error = true
  }
  data_depend {
    error = true
  }
}

env "t" {
  url = "postgres://localhost/t"
  migration {
    dir = "file://migrations"
  }
  lint {
    latest = 1
  }
}
