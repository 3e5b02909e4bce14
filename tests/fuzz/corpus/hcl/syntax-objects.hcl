o = {}
p = { a = 1, b = "two" }
q = {
  a = { b = { c = [1, { d = 2 }] } }
  "quoted key" = 3
  (var.k) = 4
  e: 5
}
