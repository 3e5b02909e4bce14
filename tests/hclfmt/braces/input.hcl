schema "public" {
}
schema "empty" {   }
schema "tight" {}
table "t" {
  primary_key {columns=[column.id]}
  check "c" {expr="a > 0"}
  x = {a=1,b=2}
  y = { }
  z = {    }
  on {
  }
}
