schema "public" {}
/* this comment
never ends
table "t" {
  schema = schema.public
}
