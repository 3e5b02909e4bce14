column "c" {
  null = false # never null
  type = bigint // 64 bits
  default = 0 # zero
  unsigned = false
  comment = "x" # after a line without a comment, a new run
  auto_increment = true # aligned with the line above
}
enum "status" { # a block header
  values = ["a", "b"] # values
} # end
