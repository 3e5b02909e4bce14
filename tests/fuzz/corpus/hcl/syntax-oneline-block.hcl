schema "public" {}
identity { generated = BY_DEFAULT }
primary_key { columns = [column.id] }
