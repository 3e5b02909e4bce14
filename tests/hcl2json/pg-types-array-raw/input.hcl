schema "public" {}
table "t" {
  schema = schema.public
  column "c_int_array" {
    type = sql("int[]")
  }
  column "c_varchar_array" {
    type = sql("varchar(255)[]")
  }
  column "c_int_keyword_array" {
    type = sql("int ARRAY")
  }
  column "c_text_2d" {
    type = sql("text[2][3]")
  }
  column "c_citext" {
    type = sql("citext")
  }
  column "c_tstz_long" {
    type = sql("timestamp with time zone")
  }
  column "c_varchar_long" {
    type = sql("character varying(20)")
  }
  column "c_raw_int" {
    type = sql("int")
  }
}
