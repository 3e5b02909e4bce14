table "t" {
  comment = <<-EOT
    indented heredoc
      keeps relative indent
    EOT
}
