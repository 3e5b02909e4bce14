-- Drop "legacy" table
DROP TABLE "public"."legacy";
