-- Create "users" table
CREATE TABLE "public"."users" (
  "id" bigint NOT NULL,
  "email" character varying(255) NOT NULL,
  "name" text NULL,
  "active" boolean NOT NULL DEFAULT true,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY ("id")
);
-- Create index "users_email" to table: "users"
CREATE UNIQUE INDEX "users_email" ON "public"."users" ("email");
-- Create index "users_name_idx" to table: "users"
CREATE INDEX "users_name_idx" ON "public"."users" ("name");
