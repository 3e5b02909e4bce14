locals {
  a = "${ var.x }"
  b = "pre ${ local.a } post"
  c = "%{ if var.x }yes%{ else }no%{ endif }"
  d = "$${not.an.interp} %%{ nor this }"
  e = "${~ var.x ~}"
  f = "${ upper( "x" ) }${ lower("Y")}"
  g = "escaped \" ${ "in${ "ner" }" }"
  h = "${ table.users.name }_id"
}
