a = []
b = [1, 2, 3,]
c = [[1, [2, [3]]], ["x", true, null]]
d = [
  column.a,
  column.b,
]
