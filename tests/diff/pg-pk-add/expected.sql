-- Modify "t" table
ALTER TABLE "public"."t" ADD PRIMARY KEY ("id");
