-- Modify "t" table
ALTER TABLE "public"."t" DROP CONSTRAINT "t_qty_small";
