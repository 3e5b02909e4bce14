table "t"{
schema=schema.s

  column "id" {
   null = false # c
   type=bigint
   }
}
