a = 1
b = "x"
# crlf
block {
  c = [1,
  2]
}
