schema "public" {}
table "t" {
  schema = schema.public
  column "c_varchar" {
    type = varchar
  }
  column "c_varchar_n" {
    type = varchar(255)
  }
  column "c_character_varying" {
    type = character_varying(10)
  }
  column "c_char" {
    type = char
  }
  column "c_char_n" {
    type = char(5)
  }
  column "c_character" {
    type = character(3)
  }
  column "c_character_bare" {
    type = character
  }
  column "c_bpchar" {
    type = bpchar
  }
  column "c_text" {
    type = text
  }
  column "c_name" {
    type = name
  }
  column "c_bytea" {
    type = bytea
  }
}
