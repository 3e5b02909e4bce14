#!/usr/bin/env bats
# hcl2json golden cases: one folder per case under tests/hcl2json/, holding the HCL input,
# the command line (args), and the expected stdout or the expected error and exit status.
# Names: lang-* the HCL language, pg-* and my-* the schema of each dialect, err-* errors
# (message, source line and caret pinned whole, exit 2, nothing on stdout).

load helpers

CASES=$BATS_TEST_DIRNAME/hcl2json

@test "lang-comments: hash, double-slash and block comments, alone and after code" { golden hcl2json "$CASES/lang-comments"; }
@test "lang-heredoc: heredoc keeps indentation, flush heredoc strips it (comment, check expr)" { golden hcl2json "$CASES/lang-heredoc"; }
@test "lang-string-escapes: string escapes (tab, newline, quote, backslash, unicode) and escaped interpolation markers" { golden hcl2json "$CASES/lang-string-escapes"; }
@test "lang-interpolation: references such as table.users.name interpolated in strings" { golden hcl2json "$CASES/lang-interpolation"; }
@test "lang-variables: --var sets string, number and bool variables; schema name = var.x" { golden hcl2json "$CASES/lang-variables"; }
@test "lang-variable-defaults: variable defaults without --var" { golden hcl2json "$CASES/lang-variable-defaults"; }
@test "lang-locals: locals, evaluated in dependency order" { golden hcl2json "$CASES/lang-locals"; }
@test "lang-conditional: var.x ? a : b in a type argument, null and comment" { golden hcl2json "$CASES/lang-conditional"; }
@test "lang-unary: unary ! and -, negative defaults" { golden hcl2json "$CASES/lang-unary"; }
@test "lang-numbers: exponents, fractions to 10 significant digits, big integers, arithmetic" { golden hcl2json "$CASES/lang-numbers"; }
@test "lang-two-labels: two-label tables and table.S.T.column.c references" { golden hcl2json "$CASES/lang-two-labels"; }
@test "lang-index-refs: index syntax for names that are not identifiers (dots, spaces, digits)" { golden hcl2json "$CASES/lang-index-refs"; }
@test "lang-fk-actions: foreign keys to other tables and to itself, actions as identifiers and strings" { golden hcl2json "$CASES/lang-fk-actions"; }
@test "lang-functions: upper, lower, join, concat, trimspace, length, tostring" { golden hcl2json "$CASES/lang-functions"; }
@test "lang-ident-labels: identifier labels and one-line blocks" { golden hcl2json "$CASES/lang-ident-labels"; }
@test "lang-list-variable: a scalar --var for a list variable is a one-element list" { golden hcl2json "$CASES/lang-list-variable"; }
@test "lang-mariadb-alias: --dialect mariadb reads as mysql" { golden hcl2json "$CASES/lang-mariadb-alias"; }
@test "pg-schema-table-comment: postgres: schema, table and column comments" { golden hcl2json "$CASES/pg-schema-table-comment"; }
@test "pg-types-integer: postgres: integer and serial spellings normalised" { golden hcl2json "$CASES/pg-types-integer"; }
@test "pg-types-numeric: postgres: numeric/decimal, real, double precision, float(p), money" { golden hcl2json "$CASES/pg-types-numeric"; }
@test "pg-types-string: postgres: varchar, character varying, char, character, bpchar, text, name, bytea" { golden hcl2json "$CASES/pg-types-string"; }
@test "pg-types-time: postgres: date, time, timetz, timestamp, timestamptz, interval with precision" { golden hcl2json "$CASES/pg-types-time"; }
@test "pg-types-misc: postgres: bool, bit, json, uuid, xml, network, spatial, text search, range, oid, hstore" { golden hcl2json "$CASES/pg-types-misc"; }
@test "pg-types-array-raw: postgres: sql() arrays and raw types" { golden hcl2json "$CASES/pg-types-array-raw"; }
@test "pg-defaults: postgres: string, number, fraction, bool and sql() defaults" { golden hcl2json "$CASES/pg-defaults"; }
@test "pg-identity: postgres: identity ALWAYS / BY_DEFAULT with start and increment" { golden hcl2json "$CASES/pg-identity"; }
@test "pg-generated: postgres: as string and as block with STORED" { golden hcl2json "$CASES/pg-generated"; }
@test "pg-primary-key: postgres: named primary key on two columns" { golden hcl2json "$CASES/pg-primary-key"; }
@test "pg-index: postgres: index columns, unique, on { expr, desc, ops }, type, where, include, nulls_distinct" { golden hcl2json "$CASES/pg-index"; }
@test "pg-unique-block: postgres: unique blocks are UNIQUE constraints" { golden hcl2json "$CASES/pg-unique-block"; }
@test "pg-check: postgres: named and unnamed checks" { golden hcl2json "$CASES/pg-check"; }
@test "pg-partition-columns: postgres: partition { type, columns }" { golden hcl2json "$CASES/pg-partition-columns"; }
@test "pg-partition-by: postgres: partition { type, by {...} }" { golden hcl2json "$CASES/pg-partition-by"; }
@test "pg-enum: postgres: enum block and a column of its type" { golden hcl2json "$CASES/pg-enum"; }
@test "pg-view: postgres: a view block is kept under objects" { golden hcl2json "$CASES/pg-view"; }
@test "pg-directory: postgres: a directory merges its *.hcl files, not sub-directories or other files" { golden hcl2json "$CASES/pg-directory"; }
@test "pg-two-files: postgres: two files share one namespace" { golden hcl2json "$CASES/pg-two-files"; }
@test "my-schema-options: mysql: schema charset, collate, collation and comment" { golden hcl2json "$CASES/my-schema-options"; }
@test "my-table-options: mysql: table comment, charset, collate/collation, engine, auto_increment" { golden hcl2json "$CASES/my-table-options"; }
@test "my-types-integer: mysql: integers, display widths, unsigned, bool and tinyint(1)" { golden hcl2json "$CASES/my-types-integer"; }
@test "my-types-decimal-float: mysql: decimal, numeric, float(p), double, real" { golden hcl2json "$CASES/my-types-decimal-float"; }
@test "my-types-string: mysql: varchar, char, text family, enum, set, json" { golden hcl2json "$CASES/my-types-string"; }
@test "my-types-binary: mysql: binary, varbinary, blob family, bit" { golden hcl2json "$CASES/my-types-binary"; }
@test "my-types-time-spatial: mysql: date and time types, spatial, inet4/inet6" { golden hcl2json "$CASES/my-types-time-spatial"; }
@test "my-types-raw: mysql: sql() types read as information_schema spells them" { golden hcl2json "$CASES/my-types-raw"; }
@test "my-column-attrs: mysql: unsigned, auto_increment, charset, collate, comment, on_update" { golden hcl2json "$CASES/my-column-attrs"; }
@test "my-defaults: mysql: string, number, fraction, bool and sql() defaults" { golden hcl2json "$CASES/my-defaults"; }
@test "my-generated: mysql: as string (VIRTUAL), STORED, PERSISTENT, VIRTUAL" { golden hcl2json "$CASES/my-generated"; }
@test "my-primary-key-on: mysql: primary_key on { prefix, desc }" { golden hcl2json "$CASES/my-primary-key-on"; }
@test "my-index: mysql: unique, HASH, prefix, functional part, FULLTEXT with parser, SPATIAL" { golden hcl2json "$CASES/my-index"; }
@test "my-check-fk: mysql: foreign key actions, checks with enforced" { golden hcl2json "$CASES/my-check-fk"; }
@test "my-directory: mysql: a directory of three files" { golden hcl2json "$CASES/my-directory"; }
@test "err-syntax-unterminated-string: error: unterminated string" { golden hcl2json "$CASES/err-syntax-unterminated-string"; }
@test "err-syntax-unterminated-heredoc: error: unterminated heredoc" { golden hcl2json "$CASES/err-syntax-unterminated-heredoc"; }
@test "err-syntax-unclosed-block-comment: error: unterminated /* comment" { golden hcl2json "$CASES/err-syntax-unclosed-block-comment"; }
@test "err-syntax-unclosed-list: error: list not closed before '}'" { golden hcl2json "$CASES/err-syntax-unclosed-list"; }
@test "err-syntax-stray-brace: error: '}' with no block open" { golden hcl2json "$CASES/err-syntax-stray-brace"; }
@test "err-syntax-unexpected-token: error: unexpected token where an expression is due" { golden hcl2json "$CASES/err-syntax-unexpected-token"; }
@test "err-syntax-missing-newline: error: two attributes on one line" { golden hcl2json "$CASES/err-syntax-missing-newline"; }
@test "err-syntax-one-line-two-attributes: error: one-line block with two attributes" { golden hcl2json "$CASES/err-syntax-one-line-two-attributes"; }
@test "err-syntax-attribute-redefined: error: attribute set twice in a block" { golden hcl2json "$CASES/err-syntax-attribute-redefined"; }
@test "err-syntax-too-many-labels: error: table with three labels" { golden hcl2json "$CASES/err-syntax-too-many-labels"; }
@test "err-syntax-invalid-escape: error: invalid escape sequence in a string" { golden hcl2json "$CASES/err-syntax-invalid-escape"; }
@test "err-syntax-interpolated-label: error: interpolation in a block label" { golden hcl2json "$CASES/err-syntax-interpolated-label"; }
@test "err-eval-unknown-variable: error: var.x without a variable block" { golden hcl2json "$CASES/err-eval-unknown-variable"; }
@test "err-eval-unknown-root: error: unknown name in an interpolation" { golden hcl2json "$CASES/err-eval-unknown-root"; }
@test "err-eval-unknown-table: error: reference to a table that does not exist" { golden hcl2json "$CASES/err-eval-unknown-table"; }
@test "err-eval-unknown-column: error: reference to a column the table lacks" { golden hcl2json "$CASES/err-eval-unknown-column"; }
@test "err-eval-unknown-foreign-column: error: reference to a column another table lacks" { golden hcl2json "$CASES/err-eval-unknown-foreign-column"; }
@test "err-eval-missing-var: error: variable without default and without --var" { golden hcl2json "$CASES/err-eval-missing-var"; }
@test "err-eval-undeclared-var: error: --var for a variable no block declares" { golden hcl2json "$CASES/err-eval-undeclared-var"; }
@test "err-eval-wrong-var-type: error: --var value that is not a number" { golden hcl2json "$CASES/err-eval-wrong-var-type"; }
@test "err-eval-var-not-bool: error: --var value that is not a bool" { golden hcl2json "$CASES/err-eval-var-not-bool"; }
@test "err-eval-unsupported-function: error: unsupported function" { golden hcl2json "$CASES/err-eval-unsupported-function"; }
@test "err-eval-division-by-zero: error: division by zero" { golden hcl2json "$CASES/err-eval-division-by-zero"; }
@test "err-eval-operand-not-number: error: arithmetic on a string" { golden hcl2json "$CASES/err-eval-operand-not-number"; }
@test "err-eval-conditional-not-bool: error: condition that is not a bool" { golden hcl2json "$CASES/err-eval-conditional-not-bool"; }
@test "err-eval-local-cycle: error: locals referring to each other" { golden hcl2json "$CASES/err-eval-local-cycle"; }
@test "err-eval-unknown-local: error: unknown local" { golden hcl2json "$CASES/err-eval-unknown-local"; }
@test "err-eval-empty-sql: error: empty sql()" { golden hcl2json "$CASES/err-eval-empty-sql"; }
@test "err-eval-data-block: error: data block" { golden hcl2json "$CASES/err-eval-data-block"; }
@test "err-schema-typo-nul: error: nul = true, did you mean null" { golden hcl2json "$CASES/err-schema-typo-nul"; }
@test "err-schema-unknown-table-block: error: unknown block in a table" { golden hcl2json "$CASES/err-schema-unknown-table-block"; }
@test "err-schema-unknown-top-block: error: unknown top-level block" { golden hcl2json "$CASES/err-schema-unknown-top-block"; }
@test "err-schema-table-without-schema: error: table without schema" { golden hcl2json "$CASES/err-schema-table-without-schema"; }
@test "err-schema-schema-string: error: schema given a string, not a reference" { golden hcl2json "$CASES/err-schema-schema-string"; }
@test "err-schema-schema-ref-unknown: error: reference to an unknown schema" { golden hcl2json "$CASES/err-schema-schema-ref-unknown"; }
@test "err-schema-column-without-type: error: column without type" { golden hcl2json "$CASES/err-schema-column-without-type"; }
@test "err-schema-quoted-type: error: quoted type" { golden hcl2json "$CASES/err-schema-quoted-type"; }
@test "err-schema-unknown-type: error: unknown type" { golden hcl2json "$CASES/err-schema-unknown-type"; }
@test "err-schema-uppercase-type: error: type = INT" { golden hcl2json "$CASES/err-schema-uppercase-type"; }
@test "err-schema-type-too-many-args: error: varchar(10, 20)" { golden hcl2json "$CASES/err-schema-type-too-many-args"; }
@test "err-schema-mysql-varchar-no-size: error: mysql varchar without size" { golden hcl2json "$CASES/err-schema-mysql-varchar-no-size"; }
@test "err-schema-pg-text-args: error: postgres text(10)" { golden hcl2json "$CASES/err-schema-pg-text-args"; }
@test "err-schema-pg-mysql-type: error: mysql type in postgres" { golden hcl2json "$CASES/err-schema-pg-mysql-type"; }
@test "err-schema-mysql-pg-type: error: postgres type in mysql" { golden hcl2json "$CASES/err-schema-mysql-pg-type"; }
@test "err-schema-mysql-raw-uppercase: error: mysql raw type in upper case" { golden hcl2json "$CASES/err-schema-mysql-raw-uppercase"; }
@test "err-schema-pg-float-too-precise: error: postgres float(54)" { golden hcl2json "$CASES/err-schema-pg-float-too-precise"; }
@test "err-schema-mysql-decimal-scale: error: mysql decimal scale above precision" { golden hcl2json "$CASES/err-schema-mysql-decimal-scale"; }
@test "err-schema-null-not-bool: error: null given a string" { golden hcl2json "$CASES/err-schema-null-not-bool"; }
@test "err-schema-duplicate-table: error: table defined twice" { golden hcl2json "$CASES/err-schema-duplicate-table"; }
@test "err-schema-duplicate-column: error: column defined twice" { golden hcl2json "$CASES/err-schema-duplicate-column"; }
@test "err-schema-duplicate-index: error: index defined twice" { golden hcl2json "$CASES/err-schema-duplicate-index"; }
@test "err-schema-duplicate-schema: error: schema defined twice" { golden hcl2json "$CASES/err-schema-duplicate-schema"; }
@test "err-schema-duplicate-enum: error: enum defined twice" { golden hcl2json "$CASES/err-schema-duplicate-enum"; }
@test "err-schema-table-no-columns: error: mysql table without columns" { golden hcl2json "$CASES/err-schema-table-no-columns"; }
@test "err-schema-two-primary-keys: error: two primary keys" { golden hcl2json "$CASES/err-schema-two-primary-keys"; }
@test "err-schema-index-columns-and-on: error: index with both columns and on" { golden hcl2json "$CASES/err-schema-index-columns-and-on"; }
@test "err-schema-index-no-columns: error: index with neither columns nor on" { golden hcl2json "$CASES/err-schema-index-no-columns"; }
@test "err-schema-index-on-both: error: on block with both column and expr" { golden hcl2json "$CASES/err-schema-index-on-both"; }
@test "err-schema-index-prefix-on-expr: error: mysql prefix on a functional part" { golden hcl2json "$CASES/err-schema-index-prefix-on-expr"; }
@test "err-schema-invalid-reference: error: columns = [column]" { golden hcl2json "$CASES/err-schema-invalid-reference"; }
@test "err-schema-mixed-columns: error: columns mixing a reference and a string" { golden hcl2json "$CASES/err-schema-mixed-columns"; }
@test "err-schema-fk-count-mismatch: error: foreign key column counts differ" { golden hcl2json "$CASES/err-schema-fk-count-mismatch"; }
@test "err-schema-fk-missing-ref-columns: error: foreign key without ref_columns" { golden hcl2json "$CASES/err-schema-fk-missing-ref-columns"; }
@test "err-schema-fk-action-number: error: on_delete = 5" { golden hcl2json "$CASES/err-schema-fk-action-number"; }
@test "err-schema-identity-and-as: error: identity and as on one column" { golden hcl2json "$CASES/err-schema-identity-and-as"; }
@test "err-schema-as-twice: error: as attribute and as block" { golden hcl2json "$CASES/err-schema-as-twice"; }
@test "err-schema-serial-null: error: serial with null = true" { golden hcl2json "$CASES/err-schema-serial-null"; }
@test "err-schema-enum-block-mysql: error: enum block in mysql" { golden hcl2json "$CASES/err-schema-enum-block-mysql"; }
@test "err-schema-enum-unknown-ref: error: enum.x for an unknown enum" { golden hcl2json "$CASES/err-schema-enum-unknown-ref"; }
@test "err-schema-unsigned-in-pg: error: mysql-only unsigned in postgres" { golden hcl2json "$CASES/err-schema-unsigned-in-pg"; }
@test "err-schema-charset-in-pg: error: mysql-only schema charset in postgres" { golden hcl2json "$CASES/err-schema-charset-in-pg"; }
@test "err-schema-on-update-in-pg: error: mysql-only on_update in postgres" { golden hcl2json "$CASES/err-schema-on-update-in-pg"; }
@test "err-schema-identity-in-mysql: error: postgres-only identity in mysql" { golden hcl2json "$CASES/err-schema-identity-in-mysql"; }
@test "err-schema-unique-block-mysql: error: postgres-only unique block in mysql" { golden hcl2json "$CASES/err-schema-unique-block-mysql"; }
@test "err-schema-partition-mysql: error: postgres-only partition in mysql" { golden hcl2json "$CASES/err-schema-partition-mysql"; }
@test "err-schema-where-in-mysql: error: postgres-only index where in mysql" { golden hcl2json "$CASES/err-schema-where-in-mysql"; }
@test "err-schema-partition-no-type: error: partition without type" { golden hcl2json "$CASES/err-schema-partition-no-type"; }
@test "err-schema-on-update-not-sql: error: mysql on_update that is not sql()" { golden hcl2json "$CASES/err-schema-on-update-not-sql"; }
@test "err-schema-default-list: error: list as a default" { golden hcl2json "$CASES/err-schema-default-list"; }
@test "err-schema-check-without-expr: error: check without expr" { golden hcl2json "$CASES/err-schema-check-without-expr"; }
@test "err-schema-index-other-table-column: error: index column written as another table's column, caret at the reference" { golden hcl2json "$CASES/err-schema-index-other-table-column"; }
@test "err-schema-fk-ref-two-tables: error: foreign key ref_columns spanning two tables, caret at the stray reference" { golden hcl2json "$CASES/err-schema-fk-ref-two-tables"; }
@test "err-schema-schema-is-table: error: schema = table.users, caret at the reference" { golden hcl2json "$CASES/err-schema-schema-is-table"; }
@test "err-schema-index-column-twice: error: index columns = [column.a, column.a], caret at the second" { golden hcl2json "$CASES/err-schema-index-column-twice"; }
@test "err-eval-var-fraction-size: error: --var n=1.5 used as varchar(var.n), caret at var.n" { golden hcl2json "$CASES/err-eval-var-fraction-size"; }
@test "err-eval-default-fraction-size: error: variable default 2.5 used as varchar(var.n), caret at var.n" { golden hcl2json "$CASES/err-eval-default-fraction-size"; }
@test "err-schema-fk-action-unknown: error: on_delete = CASCADE_ALL lists the allowed values" { golden hcl2json "$CASES/err-schema-fk-action-unknown"; }
@test "err-schema-mysql-index-type-gin: error: mysql index type = GIN lists the allowed values" { golden hcl2json "$CASES/err-schema-mysql-index-type-gin"; }
@test "err-schema-identity-generated-unknown: error: identity generated = ALWAYZ lists the allowed values" { golden hcl2json "$CASES/err-schema-identity-generated-unknown"; }
@test "err-schema-partition-type-unknown: error: partition type = RANG lists the allowed values" { golden hcl2json "$CASES/err-schema-partition-type-unknown"; }
@test "err-schema-pg-as-virtual: error: postgres as { type = VIRTUAL } lists the allowed values" { golden hcl2json "$CASES/err-schema-pg-as-virtual"; }
@test "err-schema-fk-action-string-unknown: error: on_delete = 'DELETE', caret at the value" { golden hcl2json "$CASES/err-schema-fk-action-string-unknown"; }
@test "err-schema-mysql-engine-case: error: mysql engine = Innodb (identifiers are case-sensitive)" { golden hcl2json "$CASES/err-schema-mysql-engine-case"; }
@test "pg-types-interval-fields: postgres: interval field types, plain and through sql()" { golden hcl2json "$CASES/pg-types-interval-fields"; }
@test "pg-types-raw-two-words: postgres: sql('double precision'), sql('bit varying(3)') read like the type names" { golden hcl2json "$CASES/pg-types-raw-two-words"; }
@test "pg-types-enum-array: postgres: sql('status[]') is an array of the enum block" { golden hcl2json "$CASES/pg-types-enum-array"; }
@test "my-types-raw-unsigned: mysql: sql('bigint unsigned') and sql('int unsigned')" { golden hcl2json "$CASES/my-types-raw-unsigned"; }
@test "err-eval-var-type-quoted: error: variable type written quoted" { golden hcl2json "$CASES/err-eval-var-type-quoted"; }
@test "err-eval-var-default-not-bool: error: bool variable with default 'yes', caret at the default" { golden hcl2json "$CASES/err-eval-var-default-not-bool"; }
@test "lang-variable-default-convert: variable string defaults converted to the declared number and bool types" { golden hcl2json "$CASES/lang-variable-default-convert"; }
@test "err-syntax-unclosed-brace: error: block not closed at end of file, caret at its '{'" { golden hcl2json "$CASES/err-syntax-unclosed-brace"; }
@test "err-syntax-one-line-block-split: error: one-line block closed on a later line" { golden hcl2json "$CASES/err-syntax-one-line-block-split"; }
@test "err-eval-non-constant-attr-ref: error: reading a non-constant attribute of another block" { golden hcl2json "$CASES/err-eval-non-constant-attr-ref"; }
@test "lang-constant-attr-ref: a constant attribute of another block is readable (table.users.comment)" { golden hcl2json "$CASES/lang-constant-attr-ref"; }
@test "err-eval-for-each: error: for_each on a block is not supported" { golden hcl2json "$CASES/err-eval-for-each"; }
@test "pg-table-no-columns: postgres: a table without columns is accepted" { golden hcl2json "$CASES/pg-table-no-columns"; }
