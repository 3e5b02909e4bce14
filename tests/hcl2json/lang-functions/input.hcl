schema "public" {}
table "t" {
  schema  = schema.public
  comment = upper(join("-", ["tbl", tostring(7)]))
  column "a" {
    type    = text
    comment = join(",", concat(["x"], [trimspace(" y "), lower("Z")], [length("abc")]))
  }
}
