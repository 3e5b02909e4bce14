a = !var.destructive
b = -1
c = !!true
d = - -2
e = -var.x
