# Atlas reads one directory level: were this file read, 'users' would be defined twice.
table "users" {
  schema = schema.public
  column "id" {
    type = int
  }
}
