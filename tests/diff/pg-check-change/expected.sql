-- Modify "t" table
ALTER TABLE "public"."t" DROP CONSTRAINT "t_amount_positive", ADD CONSTRAINT "t_amount_positive" CHECK (amount >= 10);
