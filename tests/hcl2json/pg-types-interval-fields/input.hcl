schema "public" {}
table "t" {
  schema = schema.public
  column "a" {
    type = year
  }
  column "b" {
    type = month
  }
  column "c" {
    type = second(1)
  }
  column "d" {
    type = day_to_second(4)
  }
  column "e" {
    type = minute_to_second
  }
  column "f" {
    type = sql("interval day to second(4)")
  }
  column "g" {
    type = second(6)
  }
  column "h" {
    type = year_to_month
  }
  column "i" {
    type = sql("interval second(1)")
  }
}
