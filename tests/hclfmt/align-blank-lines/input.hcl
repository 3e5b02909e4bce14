column "c" {
  null = true
  type = varchar(255)
  
  default = "x"
  comment = "after a blank line, a new group"
  collate = "C"


  auto_increment = false
}
