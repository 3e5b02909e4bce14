view "v" {
schema=schema.s
    as = <<EOT
SELECT  id,   ${ not.touched }
    FROM t   
  WHERE x = 1
EOT
comment = "after the heredoc"
  x=1
}
