-- Drop index "t_n_idx" from table: "t"
DROP INDEX "public"."t_n_idx";
-- Create index "t_n_idx" to table: "t"
CREATE INDEX "t_n_idx" ON "public"."t" USING brin ("n");
-- Create index "t_code_idx" to table: "t"
CREATE INDEX "t_code_idx" ON "public"."t" USING hash ("code");
-- Create index "t_doc_idx" to table: "t"
CREATE INDEX "t_doc_idx" ON "public"."t" USING gin ("doc");
-- Create index "t_id_idx" to table: "t"
CREATE INDEX "t_id_idx" ON "public"."t" ("id");
-- Create "u" table
CREATE TABLE "public"."u" (
  "doc" jsonb NOT NULL
);
-- Create index "u_doc_idx" to table: "u"
CREATE INDEX "u_doc_idx" ON "public"."u" USING gin ("doc");
