schema "app" {}
table "t" {
  schema = schema.app
  column "c_date" {
    type = date
  }
  column "c_time" {
    type = time
  }
  column "c_time3" {
    type = time(3)
  }
  column "c_datetime" {
    type = datetime
  }
  column "c_datetime6" {
    type = datetime(6)
  }
  column "c_timestamp" {
    type = timestamp
  }
  column "c_timestamp0" {
    type = timestamp(0)
  }
  column "c_year" {
    type = year
  }
  column "c_geometry" {
    type = geometry
  }
  column "c_point" {
    type = point
  }
  column "c_multipolygon" {
    type = multipolygon
  }
  column "c_geometrycollection" {
    type = geometrycollection
  }
  column "c_inet4" {
    type = inet4
  }
  column "c_inet6" {
    type = inet6
  }
}
