index "i" {
  unique = true
  columns = [
    column.a,
    column.b,
  ]
  where = "a > 0"
  type = BTREE
  on = { desc = true, column = column.a }
  include = [column.c, column.d]
  nulls_distinct = false
  f = foo(
    1,
  )
  g = 1
}
