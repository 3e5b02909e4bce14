-- Modify "posts" table
ALTER TABLE "public"."posts" DROP CONSTRAINT "posts_user_fk";
