diff {
  skip {
    drop_schema = ! var.destructive
    drop_table = !var.destructive
    drop_column = ! ( var.a && var.b )
  }
}
x = - 1
y = 1 - - 2
z = [- 1, - var.n]
w = foo(- 1) * - 3
v = var.a ? - 1 : - 2
u = (- 1)
t = a - b
