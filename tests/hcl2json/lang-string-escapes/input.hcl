schema "public" {}
table "t" {
  schema  = schema.public
  comment = "tab\there\nnew line \"quoted\" back\\slash \u00e9 \U0001F600 $${not} %%{not}"
  column "a" {
    type    = text
    default = "it's"
  }
}
