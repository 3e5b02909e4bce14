table "t" {
  a = 1
  # a comment line ends the group
  bbbbbb = 2
  c = 3
  // so does this one
  dddddddd = 4
  /* and a block comment */
  e = 5
}
