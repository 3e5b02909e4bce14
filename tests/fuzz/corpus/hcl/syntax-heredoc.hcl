sql = <<EOF
CREATE TABLE t (id int);
EOF
