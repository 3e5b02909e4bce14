a = <<EOF
line one
line two
