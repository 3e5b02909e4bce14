#!/usr/bin/env bats
# make atlas-migrate-diff, incrementally, on the real servers: a throwaway copy of the project
# starts from its schemas and migration directories, and a run of small HCL edits each
# becomes one migration file. After every step:
#   - exactly one new file, DIR/<version>_NAME.sql, the newest, with the SQL Atlas writes;
#   - atlas.sum verifies;
#   - migapply applies it (the only pending file) to the step database;
#   - the next diff says synced and writes nothing;
#   - the step database equals a fresh database built from the HCL alone (hcl2json,
#     schemadiff from nothing, sqlemit: a one-shot baseline).
# At the end the whole directory, run file by file with psql / mariadb on a fresh database,
# gives the same catalog again. Then the corpus's incremental Atlas migration, offline,
# byte for byte.

load helpers
load lib-db

SYNCED="The migration directory is synced with the desired state, no changes to be made"
H=$CORPUS/_history

setup() {
	P=$BATS_TEST_TMPDIR/project
	mkdir -p "$P/migrations/postgres" "$P/migrations/mysql"
	# cp -a keeps the times: make finds the shared build up to date and rebuilds nothing.
	cp -a "$ROOT/Makefile" "$ROOT/mk" "$ROOT/scripts" "$ROOT/schemas" "$ROOT/atlas.hcl" \
		"$ROOT/tools" "$P/"
	# Bring the shared build up to date with the copy's sources now, so that no rebuild
	# output mixes with what atlas-migrate-diff prints later.
	make -s -C "$P" B="$MIGKIT_BIN/.." all >/dev/null || fail "make all in the copy"
	SCRATCH=()
	DBP=seq_${BATS_ROOT_PID:-$$}_$BATS_TEST_NUMBER
	PROFILE=
}

teardown() {
	local db
	for db in "${SCRATCH[@]}"; do "${ENGINE}_drop" "$db" || true; done
}

# ---- HCL edits, each inside one table block (the files keep Atlas's two-space layout)

# hcl_sub TABLE SED: a sed command applied inside table TABLE only.
hcl_sub() {
	sed -i "/^table \"$1\" {/,/^}/{
$2
}" "$HCL"
}

# hcl_col TABLE COLUMN SED: a sed command applied inside one column block of TABLE.
hcl_col() {
	sed -i "/^table \"$1\" {/,/^}/{
/^  column \"$2\" {/,/^  }/{
$3
}
}" "$HCL"
}

# hcl_insert TABLE PATTERN: stdin inserted before the first line of TABLE matching PATTERN.
hcl_insert() {
	TEXT=$(cat) awk -v t="table \"$1\" {" -v pat="$2" '
		$0 == t { in_t = 1 }
		in_t && !done && $0 ~ pat { print ENVIRON["TEXT"]; done = 1 }
		in_t && $0 == "}" { in_t = 0 }
		{ print }
		END { exit !done }' "$HCL" >"$HCL.new" || fail "hcl_insert: no '$2' in table $1"
	mv "$HCL.new" "$HCL"
}

# hcl_del TABLE PATTERN: deletes the block of TABLE whose first line matches PATTERN, up to
# its closing '  }', and the blank line after it.
hcl_del() {
	awk -v t="table \"$1\" {" -v pat="$2" '
		$0 == t { in_t = 1 }
		in_t && !done && $0 ~ pat { skip = 1; done = 1 }
		skip { if ($0 == "  }") { skip = 0; eat = 1 }; next }
		eat && $0 == "" { eat = 0; next }
		{ eat = 0 }
		in_t && $0 == "}" { in_t = 0 }
		{ print }
		END { exit !done }' "$HCL" >"$HCL.new" || fail "hcl_del: no '$2' in table $1"
	mv "$HCL.new" "$HCL"
}

# hcl_drop_table TABLE: the whole table block.
hcl_drop_table() { sed -i "/^table \"$1\" {/,/^}/d" "$HCL"; }

# ---- databases

db_create() {
	SCRATCH+=("$1")
	"${ENGINE}_create" "$1" || fail "cannot create database $1"
}

db_url() {
	case "$ENGINE" in
	pg) echo "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$1?sslmode=disable" ;;
	my) echo "mysql://$MY_USER:$MY_PASSWORD@$MY_HOST:$MY_PORT/$1" ;;
	esac
}

# catalog DB: the schema the server holds, without migapply's revisions table. MariaDB lists
# a table's secondary indexes in creation order, which a migrated table and a fresh one
# need not share: those lines are sorted (and trailing commas dropped) before comparing.
catalog() {
	case "$ENGINE" in
	pg)
		pg_catalog "$1" --exclude-schema=atlas_schema_revisions
		;;
	my)
		local t tables
		tables=$(my_q "$1" "SELECT table_name FROM information_schema.tables
			WHERE table_schema = DATABASE() AND table_name <> 'atlas_schema_revisions'
			ORDER BY table_name") || return 1
		for t in $tables; do my_q "$1" "SHOW CREATE TABLE \`$t\`" || return 1; done |
			python3 -c '
import re, sys
keys = []
for line in sys.stdin.read().split("\n") + [""]:
    line = line.rstrip(",")
    if re.match(r"  (UNIQUE KEY|KEY|CONSTRAINT) ", line):
        keys.append(line)
        continue
    print("\n".join(sorted(keys + [line])) if keys else line)
    keys = []
'
		;;
	esac
}

# oneshot DB: DB (re)created and built from the current HCL alone, as a baseline would be.
oneshot() {
	local w=$BATS_TEST_TMPDIR emit=sqlemit-pg prof=postgres@18
	[ "$ENGINE" = my ] && emit=sqlemit-my prof=$PROFILE
	hcl2json --dialect "$DIALECT" "$HCL" >"$w/oneshot.json" || fail "hcl2json of $HCL"
	schemadiff --profile "$prof" /dev/null "$w/oneshot.json" >"$w/oneshot.plan" || fail "schemadiff"
	"$emit" "$w/oneshot.plan" >"$w/oneshot.sql" || fail "$emit"
	db_create "$1"
	"${ENGINE}_apply" "$1" "$w/oneshot.sql" || fail "the one-shot baseline fails on the server"
}

# same_catalog WHAT A B: databases A and B hold the same schema.
same_catalog() {
	local w=$BATS_TEST_TMPDIR
	catalog "$2" >"$w/a.catalog" || fail "cannot read the catalog of $2"
	catalog "$3" >"$w/b.catalog" || fail "cannot read the catalog of $3"
	[ -s "$w/a.catalog" ] || fail "empty catalog of $2"
	diff -u "$w/b.catalog" "$w/a.catalog" || fail "$1: $2 differs from $3 (- $3, + $2)"
}

# ---- the sequence

# md ARGS...: make atlas-migrate-diff in the copy, for the sequence's schema and dialect.
md() {
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff SCHEMA="$SCHEMA" \
		DB_DIALECT="$DIALECT" ${PROFILE:+PROFILE="$PROFILE"} "$@"
}

listing() { ls -l --time-style=full-iso "$DIR" | md5sum; }

# synced WHY: the next diff has nothing to do and writes nothing.
synced() {
	local before
	before=$(listing)
	md NAME=nothing
	[ "$status" -eq 0 ] || fail "$1: the next diff failed: $err"
	[ "$out" = "$SYNCED" ] || fail "$1: the next diff is not synced:"$'\n'"$out"
	[ "$(listing)" = "$before" ] || fail "$1: the next diff changed the directory"
}

# apply_pending WHY FILE: migapply runs exactly FILE, the one pending file, on the step
# database.
apply_pending() {
	local v=${2##*/}
	v=${v%%_*}
	run_split migapply --url "$(db_url "$STEP")" --dir "$DIR"
	[ "$status" -eq 0 ] || fail "$1: migapply failed ($status): $out $err"
	[[ "$out" == *"-- migrating version $v"* ]] || fail "$1: migapply did not run $v: $out"
	[ "$(grep -c -- '-- migrating version' <<<"$out")" = 1 ] || fail "$1: more than one file pending"
}

# converged WHY: the step database equals a fresh build of the current HCL.
converged() {
	oneshot "${DBP}_hcl"
	same_catalog "$1" "$STEP" "${DBP}_hcl"
	"${ENGINE}_drop" "${DBP}_hcl"
}

# step NAME [MAKE-VARS...] <<SQL: the HCL was edited; atlas-migrate-diff NAME=NAME must
# write exactly one new file, the newest, holding stdin byte for byte ($F is its path);
# then atlas.sum verifies, the file applies, the next diff is synced and the database
# equals a fresh build of the HCL.
step() {
	local name=$1 before new
	shift
	cat >"$BATS_TEST_TMPDIR/want.sql"
	before=$(ls "$DIR")
	md NAME="$name" "$@"
	[ "$status" -eq 0 ] || fail "step $name: atlas-migrate-diff failed ($status): $err"
	F=$out
	[[ "${F##*/}" =~ ^[0-9]{14}_"$name"\.sql$ ]] && [ "${F%/*}" = "$DIR" ] ||
		fail "step $name: stdout is not the new file's path: $out"
	new=$(comm -13 <(echo "$before") <(ls "$DIR"))
	[ "$new" = "${F##*/}" ] || fail "step $name: new files: $new"
	[ "$(ls "$DIR"/*.sql | tail -n 1)" = "$F" ] || fail "step $name: $F is not the newest version"
	diff -u "$BATS_TEST_TMPDIR/want.sql" "$F" || fail "step $name: not the migration Atlas writes"
	sumhash --check "$DIR" || fail "step $name: atlas.sum does not verify"
	apply_pending "step $name" "$F"
	synced "step $name"
	converged "step $name"
}

# skipped KIND OBJECT: without DESTRUCTIVE=true, the diff leaves the drop out, says so and
# reports the directory synced; nothing is written.
skipped() {
	local before
	before=$(listing)
	md NAME=skipped
	[ "$status" -eq 0 ] || fail "skipped $1: atlas-migrate-diff failed: $err"
	[ "$out" = "$SYNCED" ] || fail "skipped $1: $out"
	[[ "$err" == *"migdiff: skipped $1 $2 (diff.skip)"* ]] || fail "skipped $1: stderr: $err"
	[ "$(listing)" = "$before" ] || fail "skipped $1: the directory changed"
}

# hand_written NAME <<SQL: a migration written by hand, versioned one second after the
# newest file (so that the versions stay in order), then the directory rehashed.
hand_written() {
	local v
	v=$(ls "$DIR"/*.sql | tail -n 1)
	v=${v##*/}
	v=${v%%_*}
	v=$(date -u -d "${v:0:4}-${v:4:2}-${v:6:2} ${v:8:2}:${v:10:2}:${v:12:2} UTC + 1 second" +%Y%m%d%H%M%S)
	F=$DIR/${v}_$1.sql
	cat >"$F"
	sumhash "$DIR" || fail "sumhash $DIR"
}

# start ENGINE DIALECT SCHEMA: the sequence's variables and its step database.
start() {
	ENGINE=$1 DIALECT=$2 SCHEMA=$3
	DIR=$P/migrations/$DIALECT/$SCHEMA
	HCL=$P/schemas/$DIALECT/$SCHEMA.hcl
	STEP=${DBP}_step
	db_create "$STEP"
}

# finish: the whole directory on a fresh database with the server's own client, file by
# file, equals the one-shot build; the diff is synced.
finish() {
	local f
	db_create "${DBP}_dir"
	for f in "$DIR"/*.sql; do
		"${ENGINE}_apply" "${DBP}_dir" "$f" || fail "${f##*/} fails on a fresh database"
	done
	oneshot "${DBP}_hcl"
	same_catalog "the whole directory" "${DBP}_dir" "${DBP}_hcl"
	synced "at the end"
}

@test "postgres: 16 edits of sign.hcl, one migration each, applied and converged at every step" {
	start pg postgres sign
	cp -r "$ROOT/migrations/postgres/sign" "$P/migrations/postgres/"
	apply_pending "the baseline" "$(ls "$DIR"/*.sql)"
	synced "the baseline"
	converged "the baseline"

	# 1. add_col, as the seed's example: a nullable column with a comment.
	hcl_insert seed '^  primary_key' <<'HCL'
  column "label" {
    type    = varchar(64)
    null    = true
    comment = "free label"
  }

HCL
	step add_col <<'SQL'
-- Modify "seed" table
ALTER TABLE "public"."seed" ADD COLUMN "label" character varying(64) NULL;
-- Set comment to column: "label" on table: "seed"
COMMENT ON COLUMN "public"."seed"."label" IS 'free label';
SQL
	# 2. A nullable column becomes NOT NULL with a default.
	hcl_col auth_account_key taproot_address 's/null    = true/null    = false\n    default = ""/'
	step taproot_not_null <<'SQL'
-- Modify "auth_account_key" table
ALTER TABLE "public"."auth_account_key" ALTER COLUMN "taproot_address" SET NOT NULL, ALTER COLUMN "taproot_address" SET DEFAULT '';
SQL
	# 3. A varchar widened (a CHECK and an index use the column).
	hcl_col seed coin 's/varchar(10)/varchar(16)/'
	step widen_seed_coin <<'SQL'
-- Modify "seed" table
ALTER TABLE "public"."seed" ALTER COLUMN "coin" TYPE character varying(16);
SQL
	# 4. An index added.
	hcl_insert seed '^  check "chk_seed_coin"' <<'HCL'
  index "idx_seed_updated_at" {
    columns = [column.updated_at]
  }

HCL
	step add_index <<'SQL'
-- Create index "idx_seed_updated_at" to table: "seed"
CREATE INDEX "idx_seed_updated_at" ON "public"."seed" ("updated_at");
SQL
	# 5. An index dropped (not a destructive change: no DESTRUCTIVE needed).
	hcl_del auth_account_key '^  index "idx_auth_account" '
	step drop_index <<'SQL'
-- Drop index "idx_auth_account" from table: "auth_account_key"
DROP INDEX "public"."idx_auth_account";
SQL
	# 6. A unique index.
	hcl_insert seed '^  check "chk_seed_coin"' <<'HCL'
  index "idx_seed_seed" {
    unique  = true
    columns = [column.seed]
  }

HCL
	step unique_seed <<'SQL'
-- Create index "idx_seed_seed" to table: "seed"
CREATE UNIQUE INDEX "idx_seed_seed" ON "public"."seed" ("seed");
SQL
	# 7. A check.
	hcl_insert auth_account_key '^  check "chk_auth_account_key_coin"' <<'HCL'
  check "chk_auth_account_key_addr_status" {
    expr = "addr_status >= 0"
  }

HCL
	step add_check <<'SQL'
-- Modify "auth_account_key" table
ALTER TABLE "public"."auth_account_key" ADD CONSTRAINT "chk_auth_account_key_addr_status" CHECK (addr_status >= 0);
SQL
	# 8. A new table with a foreign key to seed.
	cat >>"$HCL" <<'HCL'

# Table: seed_backup
table "seed_backup" {
  schema  = schema.public
  comment = "where a seed was backed up"

  column "id" {
    type = bigint
    identity {
      generated = BY_DEFAULT
    }
  }

  column "seed_id" {
    type = smallint
  }

  column "location" {
    type = varchar(255)
  }

  primary_key {
    columns = [column.id]
  }

  foreign_key "fk_seed_backup_seed" {
    columns     = [column.seed_id]
    ref_columns = [table.seed.column.id]
    on_delete   = CASCADE
  }

  index "idx_seed_backup_seed_id" {
    columns = [column.seed_id]
  }
}
HCL
	step add_seed_backup <<'SQL'
-- Create "seed_backup" table
CREATE TABLE "public"."seed_backup" (
  "id" bigint NOT NULL GENERATED BY DEFAULT AS IDENTITY,
  "seed_id" smallint NOT NULL,
  "location" character varying(255) NOT NULL,
  PRIMARY KEY ("id"),
  CONSTRAINT "fk_seed_backup_seed" FOREIGN KEY ("seed_id") REFERENCES "public"."seed" ("id") ON UPDATE NO ACTION ON DELETE CASCADE
);
-- Create index "idx_seed_backup_seed_id" to table: "seed_backup"
CREATE INDEX "idx_seed_backup_seed_id" ON "public"."seed_backup" ("seed_id");
-- Set comment to table: "seed_backup"
COMMENT ON TABLE "public"."seed_backup" IS 'where a seed was backed up';
SQL
	# 9. A table dropped: skipped (and said so) without DESTRUCTIVE=true, written with it.
	hcl_drop_table musig2_nonces
	skipped drop_table '"musig2_nonces"'
	step drop_musig2_nonces DESTRUCTIVE=true <<'SQL'
-- Drop "musig2_nonces" table
DROP TABLE "public"."musig2_nonces";
SQL
	# 10. A table comment and a column comment changed.
	hcl_sub seed 's/^  comment = "table for seed"/  comment = "master seeds, one per coin"/'
	hcl_col seed seed 's/comment = "seed"/comment = "seed (hex)"/'
	step comments <<'SQL'
-- Set comment to table: "seed"
COMMENT ON TABLE "public"."seed" IS 'master seeds, one per coin';
-- Set comment to column: "seed" on table: "seed"
COMMENT ON COLUMN "public"."seed"."seed" IS 'seed (hex)';
SQL
	# 11. The schemas have no enum (varchar + CHECK by design): an enum type, used by a
	# new NOT NULL column with a default.
	cat >>"$HCL" <<'HCL'

enum "key_state" {
  schema = schema.public
  values = ["fresh", "used"]
}
HCL
	hcl_insert auth_account_key '^  primary_key' <<'HCL'
  column "key_state" {
    type    = enum.key_state
    null    = false
    default = "fresh"
  }

HCL
	step add_key_state <<'SQL'
-- Create enum type "key_state"
CREATE TYPE "public"."key_state" AS ENUM ('fresh', 'used');
-- Modify "auth_account_key" table
ALTER TABLE "public"."auth_account_key" ADD COLUMN "key_state" "public"."key_state" NOT NULL DEFAULT 'fresh';
SQL
	# 12. An enum value added.
	sed -i 's/^  values = \["fresh", "used"\]$/  values = ["fresh", "used", "revoked"]/' "$HCL"
	step key_state_revoked <<'SQL'
-- Add value to enum type: "key_state"
ALTER TYPE "public"."key_state" ADD VALUE 'revoked';
SQL
	# 13. A column renamed by a hand-written migration. Atlas detects no renames: until the
	# HCL follows, the diff would add "label" again (and skip dropping "tag").
	hand_written rename_seed_label <<'SQL'
-- Rename a column from "label" to "tag"
ALTER TABLE "public"."seed" RENAME COLUMN "label" TO "tag";
SQL
	sumhash --check "$DIR"
	md NAME=not_yet CHECK=1
	[ "$status" -ne 0 ] && [[ "$out" == *'ADD COLUMN "label"'* ]] || fail "rename: $out $err"
	[[ "$err" == *'skipped drop_column "tag" on table "seed"'* ]] || fail "rename: $err"
	hcl_sub seed 's/^  column "label" {/  column "tag" {/'
	synced "the rename"
	apply_pending "the rename" "$F"
	converged "the rename"
	# 14. A default changed.
	hcl_col auth_account_key account 's/default = "deposit"/default = "payment"/'
	step account_default <<'SQL'
-- Modify "auth_account_key" table
ALTER TABLE "public"."auth_account_key" ALTER COLUMN "account" SET DEFAULT 'payment';
SQL
	# 15. A composite index.
	hcl_insert seed '^  check "chk_seed_coin"' <<'HCL'
  index "idx_seed_coin_updated_at" {
    columns = [column.coin, column.updated_at]
  }

HCL
	step composite_index <<'SQL'
-- Create index "idx_seed_coin_updated_at" to table: "seed"
CREATE INDEX "idx_seed_coin_updated_at" ON "public"."seed" ("coin", "updated_at");
SQL
	# 16. A column dropped: skipped without DESTRUCTIVE=true, written with it.
	hcl_del auth_account_key '^  column "account_extended_privkey" '
	skipped drop_column '"account_extended_privkey" on table "auth_account_key"'
	step drop_xpriv DESTRUCTIVE=true <<'SQL'
-- Modify "auth_account_key" table
ALTER TABLE "public"."auth_account_key" DROP COLUMN "account_extended_privkey";
SQL
	[ "$(ls "$DIR"/*.sql | wc -l)" = 17 ] || fail "$(ls "$DIR")"
	finish
}

@test "mysql on MariaDB: baseline from an empty directory, then 12 edits of sign.hcl" {
	start my mysql sign
	PROFILE=mariadb@10.11
	mkdir -p "$DIR"

	# 0. The baseline, for MariaDB, from an empty directory.
	md NAME=initial_schema
	[ "$status" -eq 0 ] || fail "$err"
	F=$out
	[[ "$F" == "$DIR"/[0-9]*_initial_schema.sql ]] || fail "$out"
	[ "$(head -n 1 "$F")" = '-- Create "auth_account_key" table' ] || fail "$(cat "$F")"
	grep -q 'COLLATE utf8mb4_general_ci' "$F" && ! grep -q -e 0900 -e DATABASE "$F" || fail "$(cat "$F")"
	sumhash --check "$DIR"
	apply_pending "the baseline" "$F"
	synced "the baseline"
	converged "the baseline"

	# 1. A column added in the middle: AFTER its predecessor.
	hcl_insert seed '^  column "seed" ' <<'HCL'
  column "label" {
    type    = varchar(64)
    null    = true
    comment = "free label"
  }

HCL
	step add_label <<'SQL'
-- Modify "seed" table
ALTER TABLE `seed` ADD COLUMN `label` varchar(64) NULL COMMENT "free label" AFTER `coin`;
SQL
	# 2. A column's type changed.
	hcl_col seed seed 's/varchar(255)/varchar(512)/'
	step widen_seed <<'SQL'
-- Modify "seed" table
ALTER TABLE `seed` MODIFY COLUMN `seed` varchar(512) NOT NULL COMMENT "seed";
SQL
	# 3. An index and a unique index.
	hcl_insert seed '^  index "idx_coin"' <<'HCL'
  index "idx_updated_at" {
    columns = [column.updated_at]
  }

  index "idx_seed" {
    unique  = true
    columns = [column.seed]
  }

HCL
	step seed_indexes <<'SQL'
-- Create index "idx_seed" to table: "seed"
CREATE UNIQUE INDEX `idx_seed` ON `seed` (`seed`);
-- Create index "idx_updated_at" to table: "seed"
CREATE INDEX `idx_updated_at` ON `seed` (`updated_at`);
SQL
	# 4. An index dropped.
	hcl_del auth_account_key '^  index "idx_auth_account" '
	step drop_index <<'SQL'
-- Modify "auth_account_key" table
ALTER TABLE `auth_account_key` DROP INDEX `idx_auth_account`;
SQL
	# 5. A new table with a foreign key to seed.
	cat >>"$HCL" <<'HCL'

# Table: seed_backup
table "seed_backup" {
  schema  = schema.sign
  comment = "where a seed was backed up"

  column "id" {
    type           = bigint
    auto_increment = true
  }

  column "seed_id" {
    type = tinyint
  }

  column "location" {
    type = varchar(255)
  }

  primary_key {
    columns = [column.id]
  }

  foreign_key "fk_seed_backup_seed" {
    columns     = [column.seed_id]
    ref_columns = [table.seed.column.id]
    on_delete   = CASCADE
  }

  index "idx_seed_backup_seed_id" {
    columns = [column.seed_id]
  }
}
HCL
	step add_seed_backup <<'SQL'
-- Create "seed_backup" table
CREATE TABLE `seed_backup` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `seed_id` tinyint NOT NULL,
  `location` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  INDEX `idx_seed_backup_seed_id` (`seed_id`),
  CONSTRAINT `fk_seed_backup_seed` FOREIGN KEY (`seed_id`) REFERENCES `seed` (`id`) ON UPDATE RESTRICT ON DELETE CASCADE
) CHARSET utf8mb4 COLLATE utf8mb4_general_ci COMMENT "where a seed was backed up";
SQL
	# 6. A table dropped: skipped without DESTRUCTIVE=true, written with it.
	hcl_drop_table musig2_nonces
	skipped drop_table '"musig2_nonces"'
	step drop_musig2_nonces DESTRUCTIVE=true <<'SQL'
-- Drop "musig2_nonces" table
DROP TABLE `musig2_nonces`;
SQL
	# 7. A table comment and a column comment changed.
	hcl_sub seed 's/^  comment = "table for seed"/  comment = "master seeds, one per coin"/'
	hcl_col seed seed 's/comment = "seed"/comment = "seed (hex)"/'
	step comments <<'SQL'
-- Modify "seed" table
ALTER TABLE `seed` COMMENT "master seeds, one per coin", MODIFY COLUMN `seed` varchar(512) NOT NULL COMMENT "seed (hex)";
SQL
	# 8. A value added to an ENUM column.
	hcl_col seed coin 's/enum("btc", "bch")/enum("btc", "bch", "ltc")/'
	step coin_ltc <<'SQL'
-- Modify "seed" table
ALTER TABLE `seed` MODIFY COLUMN `coin` enum('btc','bch','ltc') NOT NULL COMMENT "coin type code";
SQL
	# 9. A column renamed by a hand-written migration; then the HCL follows.
	hand_written rename_seed_label <<'SQL'
-- Rename a column from "label" to "tag"
ALTER TABLE `seed` RENAME COLUMN `label` TO `tag`;
SQL
	sumhash --check "$DIR"
	md NAME=not_yet CHECK=1
	[ "$status" -ne 0 ] && [[ "$out" == *'ADD COLUMN `label`'* ]] || fail "rename: $out $err"
	hcl_sub seed 's/^  column "label" {/  column "tag" {/'
	synced "the rename"
	apply_pending "the rename" "$F"
	converged "the rename"
	# 10. A default changed.
	hcl_col auth_account_key account 's/default = "deposit"/default = "payment"/'
	step account_default <<'SQL'
-- Modify "auth_account_key" table
ALTER TABLE `auth_account_key` MODIFY COLUMN `account` varchar(20) NOT NULL DEFAULT "payment" COMMENT "multisig account type (deposit, payment, stored)";
SQL
	# 11. A column dropped: skipped without DESTRUCTIVE=true, written with it.
	hcl_del auth_account_key '^  column "account_extended_privkey" '
	skipped drop_column '"account_extended_privkey" on table "auth_account_key"'
	step drop_xpriv DESTRUCTIVE=true <<'SQL'
-- Modify "auth_account_key" table
ALTER TABLE `auth_account_key` DROP COLUMN `account_extended_privkey`;
SQL
	# 12. A composite index.
	hcl_insert seed '^  index "idx_coin"' <<'HCL'
  index "idx_coin_updated_at" {
    columns = [column.coin, column.updated_at]
  }

HCL
	step composite_index <<'SQL'
-- Create index "idx_coin_updated_at" to table: "seed"
CREATE INDEX `idx_coin_updated_at` ON `seed` (`coin`, `updated_at`);
SQL
	[ "$(ls "$DIR"/*.sql | wc -l)" = 13 ] || fail "$(ls "$DIR")"
	finish
}

@test "corpus 03abc279 -> 568deb92 (mysql keygen): Atlas's incremental migration byte for byte" {
	local dir=$P/migrations/mysql/keygen want f
	want=$H/568deb92/tools/atlas/migrations/mysql/keygen/20251231102654_add_fingerprint_to_auth_fullpubkey.sql
	cp -r "$H/03abc279/tools/atlas/migrations/mysql/keygen" "$P/migrations/mysql/"
	cp "$H/568deb92/tools/atlas/schemas/mysql/keygen.hcl" "$P/schemas/mysql/keygen.hcl"
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff DB_DIALECT=mysql SCHEMA=keygen \
		NAME=add_fingerprint_to_auth_fullpubkey
	[ "$status" -eq 0 ] || fail "$err"
	f=$out
	[[ "$f" == "$dir"/[0-9]*_add_fingerprint_to_auth_fullpubkey.sql ]] || fail "$out"
	diff -u "$want" "$f" || fail "not the file Atlas wrote"
	sumhash --check "$dir"
	# Under Atlas's version the directory hashes as the README's computed atlas.sum.
	mv "$f" "$dir/${want##*/}"
	sumhash "$dir"
	awk '/^Computed \(NOT repo\) atlas.sum for `_history\/568deb92\// { f = 1; next }
		f && /^(h1:|[0-9]+_.*\.sql h1:)/ { print; g = 1; next }
		g { exit }' "$CORPUS/README.md" >"$BATS_TEST_TMPDIR/readme.sum"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/readme.sum")" = 3 ] || fail "no computed atlas.sum in the README"
	diff -u "$BATS_TEST_TMPDIR/readme.sum" "$dir/atlas.sum" || fail "atlas.sum"
	run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff DB_DIALECT=mysql SCHEMA=keygen NAME=again
	[ "$status" -eq 0 ] && [ "$out" = "$SYNCED" ] || fail "$out $err"
}

@test "corpus 0474fc30 (postgres and mysql keygen): a hand-written ALTER on Atlas's baseline is synced with its HCL" {
	local d want
	for d in postgres mysql; do
		cp -r "$H/0474fc30/tools/atlas/migrations/$d/keygen" "$P/migrations/$d/"
		cp "$H/0474fc30/tools/atlas/schemas/$d/keygen.hcl" "$P/schemas/$d/keygen.hcl"
		sumhash "$P/migrations/$d/keygen"
		# The README's computed sums for this state: sumhash agrees.
		want=$(sed -n "/^$d\/keygen:\$/,/^[a-z]*\/keygen:\$\|^\`\`\`\$/p" "$CORPUS/README.md" |
			grep -e '^h1:' -e '\.sql h1:')
		[ "$want" = "$(cat "$P/migrations/$d/keygen/atlas.sum")" ] || fail "$d atlas.sum"
		run_split make -s -C "$P" B="$MIGKIT_BIN/.." atlas-migrate-diff DB_DIALECT=$d SCHEMA=keygen NAME=x
		[ "$status" -eq 0 ] && [ "$out" = "$SYNCED" ] || fail "$d: $out $err"
	done
}
