#   hash comment,   spaces inside kept
//  slash comment
/*  block   comment */
/*
   multi-line block
      comment, kept as written
*/
table "t" {   # trailing
    schema = schema.s   #   x
    #no space
      // indented like the code

    /* before */ comment = "y"
    x = 1 /* not a trailing comment: a newline follows */
}
