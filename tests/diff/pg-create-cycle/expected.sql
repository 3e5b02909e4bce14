-- Create "a" table
CREATE TABLE "public"."a" (
  "id" integer NOT NULL,
  "b_id" integer NULL,
  PRIMARY KEY ("id")
);
-- Create index "a_b_id" to table: "a"
CREATE INDEX "a_b_id" ON "public"."a" ("b_id");
-- Create "b" table
CREATE TABLE "public"."b" (
  "id" integer NOT NULL,
  "a_id" integer NOT NULL,
  PRIMARY KEY ("id")
);
-- Create index "b_a_id" to table: "b"
CREATE INDEX "b_a_id" ON "public"."b" ("a_id");
-- Modify "a" table
ALTER TABLE "public"."a" ADD CONSTRAINT "a_b_fk" FOREIGN KEY ("b_id") REFERENCES "public"."b" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- Modify "b" table
ALTER TABLE "public"."b" ADD CONSTRAINT "b_a_fk" FOREIGN KEY ("a_id") REFERENCES "public"."a" ("id") ON UPDATE NO ACTION ON DELETE CASCADE;
