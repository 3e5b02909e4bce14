-- Modify "posts" table
ALTER TABLE "public"."posts" ADD CONSTRAINT "posts_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- Create "comments" table
CREATE TABLE "public"."comments" (
  "id" integer NOT NULL,
  "post_id" integer NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "comments_post_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION
);
-- Create index "comments_post_id" to table: "comments"
CREATE INDEX "comments_post_id" ON "public"."comments" ("post_id");
