view "v" {
  as = <<EOT
SELECT 1
}
