CREATE TABLE "Users" ("Id" int, ok int);
ALTER TABLE t ADD COLUMN "Name" text;
CREATE INDEX "IdxName" ON t ("Name");
ALTER TABLE t RENAME TO "T2";
