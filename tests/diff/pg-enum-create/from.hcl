schema "public" {}
