schema "app" {}
