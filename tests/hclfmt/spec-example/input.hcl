table  "t"{
schema=schema.s
  column "id" {
   null = false
   type=bigint
   }
 comment = "x"  # c
}
