url = "mysql://root:${var.pass}@localhost:3306/${local.db}?x=${lower("A")}"
