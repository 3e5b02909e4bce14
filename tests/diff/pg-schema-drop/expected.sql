-- Drop schema named "audit"
DROP SCHEMA "audit" CASCADE;
