lint {
  destructive {
    error = false
  }
  data_depend {
    error = false
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
