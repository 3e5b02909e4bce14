-- Modify "posts" table
ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_user_fk", ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("author") REFERENCES "public"."users" ("email") ON UPDATE NO ACTION ON DELETE CASCADE;
