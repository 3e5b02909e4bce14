-- Modify "t" table
ALTER TABLE "public"."t" ADD CONSTRAINT "t_amount_positive" CHECK (amount > 0), ADD CONSTRAINT "t_qty_range" CHECK ((qty >= 0) AND (qty < 1000));
