-- Drop "posts" table
DROP TABLE "public"."posts";
-- Drop "users" table
DROP TABLE "public"."users";
