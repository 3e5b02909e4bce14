variable "destructive" {
  type    = bool
  default = false
}
env "local" {
  url = "postgres://u:p@127.0.0.1:5432/db?sslmode=disable"
  src = "file://schemas/postgres/watch.hcl"
  dev = "docker://postgres/15/dev"
  migration {
    dir = "file://migrations/postgres/watch"
  }
  diff {
    skip {
      drop_schema = !var.destructive
    }
  }
}
