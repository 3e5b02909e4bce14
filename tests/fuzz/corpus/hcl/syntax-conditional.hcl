a = var.x ? "yes" : "no"
b = var.x ? var.y ? 1 : 2 : 3
c = (var.a == 1) ? [1] : [2]
