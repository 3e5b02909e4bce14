schema "public" {}
table "t" {
  schema = schema.public
  column "c_bool" {
    type = bool
  }
  column "c_boolean" {
    type = boolean
  }
  column "c_bit" {
    type = bit
  }
  column "c_bit1" {
    type = bit(1)
  }
  column "c_bit8" {
    type = bit(8)
  }
  column "c_bit_varying" {
    type = bit_varying
  }
  column "c_bit_varying4" {
    type = bit_varying(4)
  }
  column "c_json" {
    type = json
  }
  column "c_jsonb" {
    type = jsonb
  }
  column "c_uuid" {
    type = uuid
  }
  column "c_xml" {
    type = xml
  }
  column "c_inet" {
    type = inet
  }
  column "c_cidr" {
    type = cidr
  }
  column "c_macaddr" {
    type = macaddr
  }
  column "c_macaddr8" {
    type = macaddr8
  }
  column "c_point" {
    type = point
  }
  column "c_polygon" {
    type = polygon
  }
  column "c_tsvector" {
    type = tsvector
  }
  column "c_tsquery" {
    type = tsquery
  }
  column "c_int4range" {
    type = int4range
  }
  column "c_tstzmultirange" {
    type = tstzmultirange
  }
  column "c_oid" {
    type = oid
  }
  column "c_regclass" {
    type = regclass
  }
  column "c_hstore" {
    type = hstore
  }
}
