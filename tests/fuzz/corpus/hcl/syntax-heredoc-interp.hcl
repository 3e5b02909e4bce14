doc = <<EOF
hello ${var.name} and $${literal} and %{ literal }
EOF
