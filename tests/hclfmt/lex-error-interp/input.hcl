locals {
  a = "${ var.x & var.y }"
}
