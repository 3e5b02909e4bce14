-- Create "m_alone" table
CREATE TABLE "public"."m_alone" (
  "id" integer NOT NULL,
  PRIMARY KEY ("id")
);
-- Create "z_parent" table
CREATE TABLE "public"."z_parent" (
  "id" integer NOT NULL,
  PRIMARY KEY ("id")
);
-- Create "a_child" table
CREATE TABLE "public"."a_child" (
  "id" integer NOT NULL,
  "parent_id" integer NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "a_child_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."z_parent" ("id") ON UPDATE NO ACTION ON DELETE CASCADE
);
-- Create index "a_child_parent_id" to table: "a_child"
CREATE INDEX "a_child_parent_id" ON "public"."a_child" ("parent_id");
