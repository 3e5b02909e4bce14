table "t" {
  column "a" {
    type = varchar( 255 )
    default = sql( "now()" )
  }
  column "b" {
    type = numeric(10,2)
    default = sql ("nextval('s')")
  }
  column "c" {
    type = enum( "x","y" , "z" )
  }
  column "d" {
    type = sql("int[]")
    default = lower(upper( "A" ))
  }
  e = f(a , b...)
}
