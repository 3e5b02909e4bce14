schema "public" {}
table "t" {
  schema = schema.public
  column "c_date" {
    type = date
  }
  column "c_time" {
    type = time
  }
  column "c_time3" {
    type = time(3)
  }
  column "c_timetz" {
    type = timetz
  }
  column "c_timestamp" {
    type = timestamp
  }
  column "c_timestamp6" {
    type = timestamp(6)
  }
  column "c_timestamp0" {
    type = timestamp(0)
  }
  column "c_timestamptz" {
    type = timestamptz
  }
  column "c_timestamptz3" {
    type = timestamptz(3)
  }
  column "c_interval" {
    type = interval
  }
  column "c_interval3" {
    type = interval(3)
  }
  column "c_interval6" {
    type = interval(6)
  }
}
