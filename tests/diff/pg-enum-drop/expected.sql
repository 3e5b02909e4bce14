-- Drop enum type "legacy_kind"
DROP TYPE "public"."legacy_kind";
