ALTER TABLE "users" ADD COLUMN "email" text NULL;
CREATE INDEX "users_email" ON "users" ("email");
INSERT INTO "log" VALUES ('3');
