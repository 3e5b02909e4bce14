#!/usr/bin/env bats
# scripts/devdb and scripts/deps: the local PostgreSQL and MariaDB servers every other suite
# uses. The checks ask the servers themselves, over TCP with the configured logins, not what
# the script says it did. The suite uses the default $DEVDB_DIR and settings, since the other
# suites share these servers, never purges them, and leaves both up at the end.

bats_require_minimum_version 1.5.0

load helpers

DEVDB=$ROOT/scripts/devdb

setup_file() {
	# The settings devdb uses, defaults or the caller's, for the clients below.
	eval "$("$ROOT/scripts/devdb" env)"
}

teardown_file() {
	# Whatever a test did, the next suites find both servers up with the usual passwords.
	"$ROOT/scripts/devdb" up
}

# pg_q SQL [PASSWORD]: SQL on PostgreSQL over TCP as PG_USER (with PG_PASSWORD unless
# PASSWORD is given), rows on stdout.
pg_q() {
	PGPASSWORD=${2-$PG_PASSWORD} PGCONNECT_TIMEOUT=5 PGSSLMODE=disable \
		psql -X -w -q -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
		-d postgres -c "$1"
}

# my_q SQL [PASSWORD]: SQL on MariaDB over TCP as MY_USER (with MY_PASSWORD unless
# PASSWORD is given), rows on stdout.
my_q() {
	MYSQL_PWD=${2-$MY_PASSWORD} mariadb --no-defaults --protocol=TCP -h "$MY_HOST" \
		-P "$MY_PORT" -u "$MY_USER" --connect-timeout=5 -N -B -e "$1"
}

# devdb ARGS...: scripts/devdb into $status, $output (stdout) and $stderr.
devdb() {
	run --separate-stderr "$DEVDB" "$@"
	refute_signal
}

# up: scripts/devdb up, which must succeed.
up() {
	devdb up
	[ "$status" -eq 0 ] || fail "devdb up failed ($status): $stderr"
}

# server_pid postgres|mariadb: the pid `devdb status` gives for an up server.
server_pid() {
	local line
	line=$("$DEVDB" status | grep "^$1: up on ") || fail "$1 is not up"
	line=${line##*(pid }
	printf '%s' "${line%)}"
}

# wait_gone PID: PID exits (or is a zombie) within 10 s.
wait_gone() {
	local i stat
	for i in $(seq 100); do
		{ read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 0
		stat=${stat##*) }
		[ "${stat%% *}" = Z ] && return 0
		sleep 0.1
	done
	fail "process $1 still runs"
}

@test "deps: --check finds every package installed on this machine" {
	run --separate-stderr "$ROOT/scripts/deps" --check
	assert_success
	assert_equal "$stderr" ""
}

@test "up: both servers up, status says so with exit 0" {
	up
	devdb status
	assert_success
	assert_line --index 0 --regexp "^postgres: up on $PG_HOST:$PG_PORT \(pid [0-9]+\)$"
	assert_line --index 1 --regexp "^mariadb: up on $MY_HOST:$MY_PORT \(pid [0-9]+\)$"
	assert_equal "${#lines[@]}" 2
}

@test "up: postgres holds watch, keygen, sign and sign2 for the configured login over TCP" {
	up
	run -0 pg_q "select datname from pg_database
		where datname in ('watch', 'keygen', 'sign', 'sign2') order by datname"
	assert_output "$(printf '%s\n' keygen sign sign2 watch)"
	# Listening on loopback only, on the configured port.
	run -0 pg_q "select current_setting('listen_addresses') || ' ' || current_setting('port')"
	assert_output "$PG_HOST $PG_PORT"
}

@test "up: mariadb holds watch, keygen, sign and sign2 in utf8mb4_unicode_ci over TCP" {
	up
	run -0 my_q "select schema_name, default_character_set_name, default_collation_name
		from information_schema.schemata
		where schema_name in ('watch', 'keygen', 'sign', 'sign2') order by schema_name"
	assert_output "$(printf '%s\tutf8mb4\tutf8mb4_unicode_ci\n' keygen sign sign2 watch)"
	run -0 my_q "select concat(@@bind_address, ' ', @@port)"
	assert_output "$MY_HOST $MY_PORT"
}

@test "up: when both are up, up again starts nothing (same pids)" {
	up
	local pg_before my_before
	pg_before=$(server_pid postgres)
	my_before=$(server_pid mariadb)
	up
	refute_regex "$stderr" 'starting|initialising|stopping'
	assert_equal "$(server_pid postgres)" "$pg_before"
	assert_equal "$(server_pid mariadb)" "$my_before"
}

@test "auth: postgres refuses a wrong password and no password over TCP" {
	up
	run pg_q 'select 1' not-the-password
	assert_failure
	assert_output --partial 'password authentication failed'
	PGPASSFILE=/dev/null run env -u PGPASSWORD \
		psql -X -w -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c 'select 1'
	assert_failure
	assert_output --partial 'no password supplied'
	run -0 pg_q 'select 1'
}

@test "auth: mariadb refuses a wrong password and no password over TCP" {
	up
	run my_q 'select 1' not-the-password
	assert_failure
	assert_output --partial 'Access denied'
	run env -u MYSQL_PWD mariadb --no-defaults --protocol=TCP -h "$MY_HOST" -P "$MY_PORT" \
		-u "$MY_USER" -e 'select 1'
	assert_failure
	assert_output --partial 'Access denied'
	run -0 my_q 'select 1'
}

@test "up: recovers after kill -9 of the postmaster, committed data kept" {
	up
	run -0 pg_q "drop database if exists devdb_probe"
	run -0 pg_q "create database devdb_probe"
	# synchronous_commit is off server-wide, which loses the last commits to a kill; on for
	# this commit, so that it is in the WAL before the kill.
	PGPASSWORD=$PG_PASSWORD run -0 psql -X -w -q -At -v ON_ERROR_STOP=1 -h "$PG_HOST" \
		-p "$PG_PORT" -U "$PG_USER" -d devdb_probe \
		-c "set synchronous_commit = on; create table t (v text); insert into t values ('kept')"
	local pid
	pid=$(server_pid postgres)
	kill -9 "$pid"
	wait_gone "$pid"

	devdb status
	assert_equal "$status" 3
	assert_line --index 0 'postgres: down'

	up
	assert_regex "$stderr" 'stale postmaster.pid'
	devdb status
	assert_success
	assert_not_equal "$(server_pid postgres)" "$pid"
	PGPASSWORD=$PG_PASSWORD run -0 psql -X -w -At -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
		-d devdb_probe -c 'select v from t'
	assert_output kept
	run -0 pg_q "drop database devdb_probe"
}

@test "up: recovers after kill -9 of mariadbd, committed data kept" {
	up
	# The server runs with innodb_flush_log_at_trx_commit=0, which may lose the last second
	# of commits to a kill; 1 until the kill, for this commit.
	run -0 my_q "drop database if exists devdb_probe; create database devdb_probe;
		create table devdb_probe.t (v text) engine=InnoDB;
		set global innodb_flush_log_at_trx_commit = 1;
		insert into devdb_probe.t values ('kept')"
	local pid
	pid=$(server_pid mariadb)
	kill -9 "$pid"
	wait_gone "$pid"

	devdb status
	assert_equal "$status" 3
	assert_line --index 1 'mariadb: down'

	up
	assert_regex "$stderr" 'stale pid file'
	devdb status
	assert_success
	assert_not_equal "$(server_pid mariadb)" "$pid"
	run -0 my_q 'select v from devdb_probe.t'
	assert_output kept
	run -0 my_q 'drop database devdb_probe'
	# Started afresh with devdb's settings.
	run -0 my_q 'select @@innodb_flush_log_at_trx_commit'
	assert_output 0
}

@test "up: the logins follow PG_PASSWORD and MY_PASSWORD; no message shows them" {
	up
	local pw=devdb-bats-Pw-$$
	PG_PASSWORD=$pw MY_PASSWORD=$pw run --separate-stderr "$DEVDB" up
	assert_success
	refute_regex "$stderr$output" "$pw"
	PG_PASSWORD=$pw MY_PASSWORD=$pw run --separate-stderr "$DEVDB" status
	assert_success
	refute_regex "$stderr$output" "$pw"
	run -0 pg_q 'select 1' "$pw"
	run pg_q 'select 1'
	assert_failure
	run -0 my_q 'select 1' "$pw"
	run my_q 'select 1'
	assert_failure

	# Back to the configured ones, without a restart.
	local pg_pid my_pid
	pg_pid=$(PG_PASSWORD=$pw MY_PASSWORD=$pw server_pid postgres)
	my_pid=$(PG_PASSWORD=$pw MY_PASSWORD=$pw server_pid mariadb)
	up
	refute_regex "$stderr$output" "$pw"
	run -0 pg_q 'select 1'
	run -0 my_q 'select 1'
	assert_equal "$(server_pid postgres)" "$pg_pid"
	assert_equal "$(server_pid mariadb)" "$my_pid"
}

@test "down: both stop, status says down with exit 3, up brings them back" {
	up
	local pg_pid my_pid
	pg_pid=$(server_pid postgres)
	my_pid=$(server_pid mariadb)

	devdb down
	assert_success
	wait_gone "$pg_pid"
	wait_gone "$my_pid"
	devdb status
	assert_equal "$status" 3
	assert_output "$(printf '%s\n' 'postgres: down' 'mariadb: down')"
	run pg_q 'select 1'
	assert_failure
	run my_q 'select 1'
	assert_failure

	devdb down
	assert_success

	up
	devdb status
	assert_success
	run -0 pg_q "select count(*) from pg_database
		where datname in ('watch', 'keygen', 'sign', 'sign2')"
	assert_output 4
	run -0 my_q "select count(*) from information_schema.schemata
		where schema_name in ('watch', 'keygen', 'sign', 'sign2')"
	assert_output 4
}

@test "env: prints the settings as shell to source" {
	PG_PASSWORD="it's" run -0 "$DEVDB" env
	assert_line "export PG_HOST='$PG_HOST'"
	assert_line "export MY_PORT='$MY_PORT'"
	eval "$output"
	assert_equal "$PG_PASSWORD" "it's"
}

@test "usage: an unknown command or DEVDB_ONLY value exits 2" {
	run -2 "$DEVDB" frobnicate
	DEVDB_ONLY=oracle run -2 "$DEVDB" status
}
