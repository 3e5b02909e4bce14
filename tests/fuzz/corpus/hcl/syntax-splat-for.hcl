a = [for x in var.list : x]
b = var.list[*].id
c = f(var.list...)
