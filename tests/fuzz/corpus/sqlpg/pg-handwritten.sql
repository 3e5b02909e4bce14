-- Forms people write by hand; the replay must model each as the server does.
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE account (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email varchar(255) NOT NULL UNIQUE,
  name text,
  balance numeric(12,2) NOT NULL DEFAULT 0,
  created_at timestamptz DEFAULT now(),
  feeling mood NOT NULL DEFAULT 'ok',
  CONSTRAINT balance_positive CHECK (balance >= 0)
);
INSERT INTO account (email, name) VALUES ('a@example.com', 'a');
ALTER TYPE mood ADD VALUE 'happy' AFTER 'ok';
ALTER TABLE account ADD COLUMN nickname varchar(50);
ALTER TABLE account ALTER COLUMN nickname SET DEFAULT 'x';
ALTER TABLE account ALTER COLUMN name SET NOT NULL;
ALTER TABLE account RENAME COLUMN nickname TO handle;
CREATE INDEX account_name_idx ON account (name);
CREATE UNIQUE INDEX account_handle_idx ON account (handle) WHERE handle IS NOT NULL;
COMMENT ON TABLE account IS 'people';
COMMENT ON COLUMN account.email IS 'login';
CREATE TABLE post (
  id serial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  body text NOT NULL
);
UPDATE account SET name = 'b' WHERE id = 1;
ALTER TABLE post ADD CONSTRAINT body_not_empty CHECK (length(body) > 0);
ALTER TABLE account ALTER COLUMN handle TYPE varchar(80);
DROP INDEX account_name_idx;
ALTER TABLE account DROP COLUMN created_at;
DELETE FROM account WHERE id = 2;
