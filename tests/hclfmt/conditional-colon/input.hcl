locals {
  a = var.x ? 1 : 2
  b = var.x ?"y":"n"
  c = { k : "v", "l" : 1 }
  d = [for s in var.list : upper(s)]
  e = { for k, v in var.map : k => v }
  f = [for x in [1, 2] : x if x > 1]
}
