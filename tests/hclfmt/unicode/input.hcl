locals {
  café = 1 # e + combining acute: one column
  a = "日本語" # three columns
  bb = "🇯🇵" # a flag: one column
  ccc = "x" # plain
}
