a = column["x y"]
b = table.t.column["id"]
c = var.list[0][1]
d = var.legacy.0.name
e = table["a b"].column["c d"]
