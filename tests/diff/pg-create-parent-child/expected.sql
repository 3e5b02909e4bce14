-- Create "authors" table
CREATE TABLE "public"."authors" (
  "id" integer NOT NULL,
  PRIMARY KEY ("id")
);
-- Create "posts" table
CREATE TABLE "public"."posts" (
  "id" integer NOT NULL,
  "author_id" integer NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "posts_author_fk" FOREIGN KEY ("author_id") REFERENCES "public"."authors" ("id") ON UPDATE NO ACTION ON DELETE CASCADE
);
-- Create index "posts_author_idx" to table: "posts"
CREATE INDEX "posts_author_idx" ON "public"."posts" ("author_id");
