-- Create enum type "status"
CREATE TYPE "public"."status" AS ENUM ('active', 'inactive');
-- Create "accounts" table
CREATE TABLE "public"."accounts" (
  "id" integer NOT NULL,
  "status" "public"."status" NOT NULL DEFAULT 'active',
  PRIMARY KEY ("id")
);
