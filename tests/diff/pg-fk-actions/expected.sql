-- Modify "posts" table
ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_user_fk", ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON UPDATE RESTRICT ON DELETE SET NULL;
