schema "public" {}
tabel "t" {
  schema = schema.public
}
