schema "public" {}
table "t" {
  schema  = schema.public
  comment = <<EOF
first line
  second line
EOF
  column "a" {
    type = int
  }
  check "positive" {
    expr = <<-SQL
      a > 0
        AND a < 100
    SQL
  }
}
