a = <<EOF
x
EO