        schema "public" {
            }
table "users" {
      schema = schema.public
column "id" {
null = false
type = bigint
            identity {
    generated = ALWAYS
        }
}
   primary_key {
 columns = [column.id]
         }
          }
