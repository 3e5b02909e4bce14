# a hash comment
// a slash comment
/* a block comment
   over two lines */
schema "public" { # trailing hash
}
table "t" { // trailing slash
  schema = schema.public /* inline block */
  /* before an attribute */ comment = "c" # after
  column "id" {
    // null = true would be here
    type = bigint # the type
  }
}
