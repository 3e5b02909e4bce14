table "t" {
  column "id" {
    type = int
