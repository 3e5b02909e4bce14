-- Add new schema named "audit"
CREATE SCHEMA "audit";
-- Set comment to schema: "audit"
COMMENT ON SCHEMA "audit" IS 'audit trail';
-- Create "events" table
CREATE TABLE "audit"."events" (
  "id" bigint NOT NULL,
  "t_id" integer NULL,
  PRIMARY KEY ("id")
);
-- Create index "events_t_id_idx" to table: "events"
CREATE INDEX "events_t_id_idx" ON "audit"."events" ("t_id");
