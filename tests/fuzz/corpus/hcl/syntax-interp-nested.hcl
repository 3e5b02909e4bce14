a = "${ "inner ${var.x} }" }"
b = "${ {a = "}"}.a }"
