/*
 * pgexpr: expressions printed as PostgreSQL prints them back (see pgexpr.h).
 *
 * Three steps, each named after the server code it mirrors:
 *   parse    libpg_query's parser (the server's gram.y) gives the raw tree as JSON;
 *   analyse  xform() and x_*() build a typed tree as parse_expr.c, parse_oper.c and
 *            parse_coerce.c do: unknown literals take their type from context, operators
 *            are resolved over a small fixed catalogue, implicit casts are inserted;
 *   print    dep_*() print that tree as ruleutils.c's get_rule_expr() does with
 *            prettyFlags = 0, the mode of pg_get_expr() and pg_get_indexdef().
 * Only the catalogue below is modelled; anything outside it fails as "not covered" rather
 * than being guessed.
 */
#include "pgexpr.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <pg_query.h>

#include "buf.h"

#define SELECT_PREFIX "SELECT "
#define MAX_DEPTH     500		/* nesting the analyser follows before giving up */
#define MAX_OUT	      ((size_t)1 << 20) /* printed expressions are far smaller */

/* ---- the type catalogue */

enum pt {
	PT_UNKNOWN, /* a string literal whose type context has not decided yet */
	PT_BOOL,
	PT_INT2,
	PT_INT4,
	PT_INT8,
	PT_NUMERIC,
	PT_TEXT,
	PT_VARCHAR,
	PT_BYTEA,
	PT_JSONB,
	PT_UUID,
	PT_DATE,
	PT_TIMESTAMP,
	PT_TIMESTAMPTZ,
	PT_COUNT
};

/* pg_type.typcategory, reduced to what the covered types need. */
enum cat { CAT_UNKNOWN, CAT_BOOL, CAT_NUM, CAT_STR, CAT_DT, CAT_USER };

static const struct typeinfo {
	const char *typname; /* pg_type.typname, as the parser names it */
	const char *print;   /* format_type() without a typmod */
	const char *aprint;  /* the same for its array type */
	enum cat cat;
	int rank; /* in CAT_NUM and CAT_DT, a type casts implicitly to every higher rank */
} types[PT_COUNT] = {
	[PT_UNKNOWN] = { "unknown", "unknown", "unknown[]", CAT_UNKNOWN, 0 },
	[PT_BOOL] = { "bool", "boolean", "boolean[]", CAT_BOOL, 0 },
	[PT_INT2] = { "int2", "smallint", "smallint[]", CAT_NUM, 1 },
	[PT_INT4] = { "int4", "integer", "integer[]", CAT_NUM, 2 },
	[PT_INT8] = { "int8", "bigint", "bigint[]", CAT_NUM, 3 },
	[PT_NUMERIC] = { "numeric", "numeric", "numeric[]", CAT_NUM, 4 },
	[PT_TEXT] = { "text", "text", "text[]", CAT_STR, 0 },
	[PT_VARCHAR] = { "varchar", "character varying", "character varying[]", CAT_STR, 0 },
	[PT_BYTEA] = { "bytea", "bytea", "bytea[]", CAT_USER, 0 },
	[PT_JSONB] = { "jsonb", "jsonb", "jsonb[]", CAT_USER, 0 },
	[PT_UUID] = { "uuid", "uuid", "uuid[]", CAT_USER, 0 },
	[PT_DATE] = { "date", "date", "date[]", CAT_DT, 1 },
	[PT_TIMESTAMP] = { "timestamp", "timestamp without time zone",
			   "timestamp without time zone[]", CAT_DT, 2 },
	[PT_TIMESTAMPTZ] = { "timestamptz", "timestamp with time zone",
			     "timestamp with time zone[]", CAT_DT, 3 },
};

struct ptype {
	enum pt t;
	int typmod; /* -1 or pg_attribute.atttypmod: varchar(n) n+4, numeric(p,s) (p<<16|s)+4 */
	bool array;
};

static const struct ptype no_type = { PT_UNKNOWN, -1, false };

static bool is_int(enum pt t)
{
	return t == PT_INT2 || t == PT_INT4 || t == PT_INT8;
}

static bool is_num(enum pt t)
{
	return types[t].cat == CAT_NUM;
}

static bool is_str(enum pt t)
{
	return types[t].cat == CAT_STR;
}

/* ---- the analysed tree: the subset of primnodes.h that the covered forms produce */

enum xk {
	X_VAR,	    /* a column */
	X_CONST,    /* a literal, already converted by the type's input function */
	X_CAST,	    /* RelabelType, CoerceViaIO, FuncExpr cast, ArrayCoerceExpr: all print alike */
	X_OP,	    /* OpExpr, binary or prefix */
	X_SAOP,	    /* ScalarArrayOpExpr: x op ANY|ALL (array) */
	X_ARRAY,    /* ArrayExpr */
	X_BOOL,	    /* BoolExpr; name is "AND", "OR" or "NOT" */
	X_NULLTEST, /* name is " IS NULL" or " IS NOT NULL" */
	X_BOOLTEST, /* name is " IS TRUE" ... */
	X_DISTINCT, /* DistinctExpr */
	X_FUNC,	    /* FuncExpr called as a function */
	X_SQLVAL,   /* SQLValueFunction; name is its SQL spelling */
};

/* Volatility as far as index expressions need it (contain_mutable_functions()). */
enum vol {
	VOL_IMMUTABLE,
	VOL_UNSURE,  /* not modelled: datetime casts and cross-type comparisons */
	VOL_MUTABLE, /* now(), CURRENT_TIMESTAMP, gen_random_uuid() */
};

struct xnode {
	enum xk k;
	struct ptype type;
	const char *name; /* column (already quoted), operator, function or keyword text */
	const char *val;  /* X_CONST: the value as the type's output function prints it */
	bool implicit;	  /* X_CAST: an implicit coercion, which ruleutils may hide */
	bool any;	  /* X_SAOP: ANY rather than ALL */
	enum vol vol;	  /* of the whole subtree */
	int loc;	  /* X_CONST: where the literal is, for messages; else -1 */
	struct xnode **args;
	size_t nargs;
};

enum mode { M_CHECK, M_PREDICATE, M_INDEX, M_DEFAULT };

struct px {
	struct arena *a;
	struct diag *d;
	const char *src; /* the expression as the caller wrote it */
	size_t len;
	const struct pgexpr_column *cols;
	struct ptype *ctypes; /* the columns' types, parsed when first referenced */
	bool *cparsed;
	const char **cnames; /* the columns' names as ruleutils prints them, or NULL */
	size_t ncols;
	enum mode mode;
	int depth;
};

/* ---- errors */

/* Points d at byte offset loc of the parsed "SELECT <expr>" text, when it lies in expr. */
static void px_locate(struct px *p, int loc)
{
	size_t off, i, bol = 0;
	unsigned line = 1;

	if (loc < (int)strlen(SELECT_PREFIX))
		return;
	off = (size_t)loc - strlen(SELECT_PREFIX);
	if (off > p->len)
		return;
	for (i = 0; i < off; i++) {
		if (p->src[i] == '\n') {
			line++;
			bol = i + 1;
		}
	}
	p->d->line = line;
	p->d->col = (unsigned)(off - bol + 1);
	diag_source(p->d, p->src, p->len, off);
}

__attribute__((format(printf, 3, 4))) static void *px_err(struct px *p, int loc, const char *fmt,
							  ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vset(p->d, DIAG_PARSE, NULL, 0, 0, fmt, ap);
	va_end(ap);
	px_locate(p, loc);
	return NULL;
}

static void *px_nomem(struct px *p)
{
	diag_nomem(p->d);
	return NULL;
}

/* "expression form 'FORM' is not covered by the postgres profile[: detail]". */
__attribute__((format(printf, 4, 5))) static void *
px_uncovered(struct px *p, int loc, const char *form, const char *fmt, ...)
{
	char detail[512] = "";
	va_list ap;

	if (!form)
		return px_nomem(p);
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(detail, sizeof(detail), fmt, ap);
		va_end(ap);
	}
	return px_err(p, loc, "expression form '%s' is not covered by the postgres profile%s%s",
		      form, detail[0] ? ": " : "", detail);
}

/* ---- type names */

/* format_type_with_typemod(): "character varying(10)", "numeric(26,10)", "text[]". */
static const char *type_str(struct arena *a, struct ptype t)
{
	const char *base = types[t.t].print, *arr = t.array ? "[]" : "";
	int m = t.typmod - 4;

	if (t.typmod < 0)
		return arena_printf(a, "%s%s", base, arr);
	switch (t.t) {
	case PT_VARCHAR:
		return arena_printf(a, "character varying(%d)%s", m, arr);
	case PT_NUMERIC:
		return arena_printf(a, "numeric(%d,%d)%s", (m >> 16) & 0xffff, m & 0xffff, arr);
	case PT_TIMESTAMP:
		return arena_printf(a, "timestamp(%d) without time zone%s", t.typmod, arr);
	case PT_TIMESTAMPTZ:
		return arena_printf(a, "timestamp(%d) with time zone%s", t.typmod, arr);
	default:
		return arena_printf(a, "%s%s", base, arr);
	}
}

/* A type as the server's messages name it (format_type_be(): no typmod). */
static const char *tname(struct ptype t)
{
	return t.array ? types[t.t].aprint : types[t.t].print;
}

/* The element type of the array type t, or the array type of the scalar type t. */
static struct ptype elem_of(struct ptype t)
{
	t.array = false;
	return t;
}

static struct ptype array_of(struct ptype t)
{
	t.array = true;
	return t;
}

/* "character varying = integer": an operator's form as the server names it, typmods left out. */
static const char *form3(struct px *p, struct ptype l, const char *op, struct ptype r)
{
	const char *s = arena_printf(p->a, "%s %s %s", tname(l), op, tname(r));

	return s ? s : op;
}

/* ---- reading libpg_query's JSON */

/* The tag and body of a node: {"A_Expr": {...}} -> "A_Expr". */
static const char *jtag(json_t *n, json_t **body)
{
	const char *key;
	json_t *v;

	*body = NULL;
	if (!json_is_object(n) || json_object_size(n) != 1)
		return NULL;
	json_object_foreach(n, key, v)
	{
		*body = v;
		return key;
	}
	return NULL;
}

static int jloc(json_t *body)
{
	json_t *l = json_object_get(body, "location");

	return json_is_integer(l) ? (int)json_integer_value(l) : -1;
}

/* The member k of o as a string; missing means empty (protobuf JSON leaves defaults out). */
static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : "";
}

/* The text of a {"String": {"sval": ...}} list element, or NULL. */
static const char *jstring_node(json_t *n)
{
	json_t *b;
	const char *tag = jtag(n, &b);

	if (!tag || strcmp(tag, "String"))
		return NULL;
	return jstr(b, "sval");
}

/* A name list (["pg_catalog", "lower"]) as one name, if it is unqualified or pg_catalog. */
static const char *jname(json_t *list)
{
	size_t n = json_array_size(list);
	const char *first;

	if (n == 1)
		return jstring_node(json_array_get(list, 0));
	if (n != 2)
		return NULL;
	first = jstring_node(json_array_get(list, 0));
	if (!first || strcmp(first, "pg_catalog"))
		return NULL;
	return jstring_node(json_array_get(list, 1));
}

/*
 * The value of an integer literal node written at loc. libpg_query 15-4.0 leaves out a
 * negative ival of its JSON as it does a zero one (a bug of that release), so an empty
 * ival is read back from the source: the grammar folded "- 5" into the literal -5 and
 * points its location at the minus sign.
 */
static int int_const(struct px *p, json_t *ival, int loc, long *v)
{
	json_t *n = json_object_get(ival, "ival");
	size_t off;
	const char *s;
	long x = 0;
	bool neg = false;

	if (json_is_integer(n)) {
		*v = (long)json_integer_value(n);
		return 0;
	}
	if (loc < (int)strlen(SELECT_PREFIX))
		return -1;
	off = (size_t)loc - strlen(SELECT_PREFIX);
	if (off >= p->len)
		return -1;
	s = p->src + off;
	if (*s == '-') { /* then only blanks and parentheses before the digits: "-(5)" */
		neg = true;
		s++;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '(')
			s++;
	}
	if (!isdigit((unsigned char)*s))
		return -1;
	for (; isdigit((unsigned char)*s); s++) {
		x = x * 10 + (*s - '0');
		if (x > (long)INT_MAX + 1)
			return -1;
	}
	if (*s == '.' || *s == 'e' || *s == 'E' || *s == '_' || isalnum((unsigned char)*s))
		return -1;
	if (!neg && x != 0)
		return -1; /* a positive value would have been in the JSON */
	*v = neg ? -x : x;
	return 0;
}

/* ---- identifiers */

static int pb_varint(const unsigned char **s, const unsigned char *e, uint64_t *v)
{
	uint64_t x = 0;

	for (int shift = 0; *s < e && shift < 64; shift += 7) {
		unsigned char c = *(*s)++;

		x |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			*v = x;
			return 0;
		}
	}
	return -1;
}

/* Walks one protobuf message; *kind gets field 5 (ScanToken.keyword_kind) when present. */
static int pb_token_kind(const unsigned char *s, const unsigned char *e, int *kind)
{
	uint64_t key, v;

	*kind = 0; /* NO_KEYWORD: protobuf leaves out zero values */
	while (s < e) {
		if (pb_varint(&s, e, &key) || (key & 7) != 0 || pb_varint(&s, e, &v))
			return -1;
		if ((key >> 3) == 5)
			*kind = (int)v;
	}
	return 0;
}

/*
 * The keyword category of word (0 none, 1 unreserved, 2 column name, 3 type or function
 * name, 4 reserved) from libpg_query's scanner, the server's own keyword table, or -1. The
 * scan result is protobuf (ScanResult.tokens = 2); it is small enough to walk by hand.
 */
static int keyword_kind(const char *word)
{
	PgQueryScanResult r = pg_query_scan(word);
	const unsigned char *s, *e;
	uint64_t key, len, v;
	int kind = -1;

	if (r.error)
		goto out;
	s = (const unsigned char *)r.pbuf.data;
	e = s + r.pbuf.len;
	while (s < e) {
		if (pb_varint(&s, e, &key))
			goto out;
		if ((key & 7) == 0) {
			if (pb_varint(&s, e, &v))
				goto out;
			continue;
		}
		if ((key & 7) != 2 || pb_varint(&s, e, &len) || len > (uint64_t)(e - s))
			goto out;
		if ((key >> 3) == 2) {
			if (pb_token_kind(s, s + len, &kind))
				kind = -1;
			goto out;
		}
		s += len;
	}
out:
	pg_query_free_scan_result(r);
	return kind;
}

/*
 * Names that became keywords other than unreserved after PostgreSQL 15: the two versions
 * would quote a column so named differently, so the shared profile refuses it.
 */
static const char *const later_keywords[] = {
	"json",		  "json_array",	  "json_arrayagg", "json_exists",    "json_object",
	"json_objectagg", "json_query",	  "json_scalar",   "json_serialize", "json_table",
	"json_value",	  "merge_action", "system_user",
};

/* quote_identifier(): name bare when it is lowercase, not a digit first, not a keyword. */
static const char *quote_ident(struct px *p, const char *name, int loc)
{
	bool safe = name[0] && (islower((unsigned char)name[0]) || name[0] == '_');
	char *r, *q;

	for (const char *s = name; *s && safe; s++)
		safe = islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_';
	if (safe) {
		for (size_t i = 0; i < sizeof(later_keywords) / sizeof(*later_keywords); i++)
			if (!strcmp(name, later_keywords[i]))
				return px_uncovered(
					p, loc, "column name",
					"'%s' is quoted differently by postgres 15 and 18", name);
		switch (keyword_kind(name)) {
		case 0:
		case 1:
			return name;
		case -1:
			return px_err(p, loc, "cannot scan identifier '%s'", name);
		default:
			break;
		}
	}
	if (!(r = q = arena_alloc(p->a, 2 * strlen(name) + 3)))
		return px_nomem(p);
	*q++ = '"';
	for (const char *s = name; *s; s++) {
		if (*s == '"')
			*q++ = '"';
		*q++ = *s;
	}
	*q++ = '"';
	*q = '\0';
	return r;
}

/* ---- nodes */

static struct xnode *mk(struct px *p, enum xk k, struct ptype t, size_t nargs)
{
	struct xnode *n = arena_alloc(p->a, sizeof(*n));

	if (!n)
		return px_nomem(p);
	n->k = k;
	n->type = t;
	n->nargs = nargs;
	n->loc = -1;
	if (nargs && !(n->args = arena_alloc(p->a, nargs * sizeof(*n->args))))
		return px_nomem(p);
	return n;
}

static struct ptype ty(enum pt t)
{
	struct ptype r = { t, -1, false };

	return r;
}

static void set_vol(struct xnode *n, enum vol own)
{
	n->vol = own;
	for (size_t i = 0; i < n->nargs; i++)
		if (n->args[i]->vol > n->vol)
			n->vol = n->args[i]->vol;
}

static struct xnode *mk_const(struct px *p, enum pt t, const char *val)
{
	struct xnode *n = mk(p, X_CONST, ty(t), 0);

	if (!n)
		return NULL;
	if (!(n->val = arena_strdup(p->a, val)))
		return px_nomem(p);
	return n;
}

/* True when a cast between s and t is not plainly IMMUTABLE (datetime in or out). */
static bool cast_unsure(enum pt s, enum pt t)
{
	return (types[s].cat == CAT_DT || types[t].cat == CAT_DT) && s != t;
}

static struct xnode *mk_cast(struct px *p, struct xnode *arg, struct ptype t, bool implicit)
{
	struct xnode *n = mk(p, X_CAST, t, 1);

	if (!n)
		return NULL;
	n->args[0] = arg;
	n->implicit = implicit;
	set_vol(n, cast_unsure(arg->type.t, t.t) ? VOL_UNSURE : VOL_IMMUTABLE);
	return n;
}

static struct xnode *mk2(struct px *p, enum xk k, struct ptype t, const char *name, struct xnode *l,
			 struct xnode *r)
{
	struct xnode *n = mk(p, k, t, r ? 2 : 1);

	if (!n)
		return NULL;
	n->name = name;
	n->args[0] = l;
	if (r)
		n->args[1] = r;
	set_vol(n, VOL_IMMUTABLE);
	return n;
}

/* ---- literals: what the type's input and output functions make of a string */

/* pg_strtoint64 on the plain decimal forms every supported server version reads alike. */
static int parse_int(const char *s, int64_t lo, int64_t hi, int64_t *v)
{
	const char *q = s;
	char *end;
	long long x;

	if (*q == '+' || *q == '-')
		q++;
	if (!isdigit((unsigned char)*q))
		return -1;
	for (; *q; q++)
		if (!isdigit((unsigned char)*q))
			return -1;
	errno = 0;
	x = strtoll(s, &end, 10);
	if (errno || x < lo || x > hi)
		return -1;
	*v = x;
	return 0;
}

/*
 * numeric_out(numeric_in(s)) for digits with an optional sign, point and exponent: the
 * display scale is the digits after the point less the exponent. "007.50" -> "7.50",
 * ".5" -> "0.5", "5." -> "5", "-0.0" -> "0.0", "1.50e1" -> "15.0", "1e-2" -> "0.01". NULL
 * for other forms (NaN, Infinity, underscores, blanks).
 */
static const char *canon_numeric(struct arena *a, const char *s)
{
	char digits[2048], *out;
	const char *q = s;
	size_t nd = 0, nint = 0, o = 0;
	long exp = 0, point, scale;
	bool neg = false, seen = false, zero = true, lead = false;

	if (*q == '+' || *q == '-')
		neg = *q++ == '-';
	for (; isdigit((unsigned char)*q) || (*q == '.' && !seen); q++) {
		if (*q == '.') {
			seen = true;
			nint = nd;
			continue;
		}
		if (nd == sizeof(digits))
			return NULL;
		zero &= *q == '0';
		digits[nd++] = *q;
	}
	if (!seen)
		nint = nd;
	if (nd == 0)
		return NULL;
	if (*q == 'e' || *q == 'E') {
		char *end;

		errno = 0;
		exp = strtol(q + 1, &end, 10);
		if (errno || end == q + 1 || !isdigit((unsigned char)end[-1]) || exp > 1000 ||
		    exp < -1000)
			return NULL;
		q = end;
	}
	if (*q)
		return NULL;
	point = (long)nint + exp; /* digits before the point */
	scale = (long)nd - point;
	if (scale < 0)
		scale = 0;
	if (!(out = arena_alloc(a, 2 * nd + 2 * 1000 + 8)))
		return NULL;
	if (neg && !zero)
		out[o++] = '-';
	for (long i = 0; i < point; i++) { /* the integer part, zero-padded, no leading zeros */
		char ch = i < (long)nd ? digits[i] : '0';

		if (ch == '0' && !lead)
			continue;
		lead = true;
		out[o++] = ch;
	}
	if (!lead)
		out[o++] = '0';
	if (scale > 0)
		out[o++] = '.';
	for (long i = point; i < point + scale; i++)
		out[o++] = i < 0 ? '0' : digits[i];
	out[o] = '\0';
	return out;
}

/* boolin()'s full words; the server takes unique prefixes too, which are not covered. */
static int parse_bool(const char *s, bool *v)
{
	static const char *const yes[] = { "t", "true", "y", "yes", "on", "1" };
	static const char *const no[] = { "f", "false", "n", "no", "off", "0" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++) {
		if (!strcasecmp(s, yes[i])) {
			*v = true;
			return 0;
		}
		if (!strcasecmp(s, no[i])) {
			*v = false;
			return 0;
		}
	}
	return -1;
}

/* uuid_out(uuid_in(s)) for the standard 8-4-4-4-12 form in either case. */
static const char *canon_uuid(struct arena *a, const char *s)
{
	char out[37];

	if (strlen(s) != 36)
		return NULL;
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return NULL;
		out[i] = (char)tolower((unsigned char)s[i]);
	}
	out[36] = '\0';
	return arena_strdup(a, out);
}

/*
 * The untyped literal c (a string) converted to type t as coerce_type() does: a new
 * constant with the value the type's output function would print, typmod -1.
 */
static struct xnode *lit_to(struct px *p, struct xnode *c, enum pt t, int loc)
{
	const char *s = c->val, *v = NULL;
	char num[32];
	int64_t x;
	bool b;

	if (c->loc >= 0)
		loc = c->loc;
	switch (t) {
	case PT_TEXT:
	case PT_VARCHAR:
		v = s;
		break;
	case PT_INT2:
	case PT_INT4:
	case PT_INT8:
		if (parse_int(s,
			      t == PT_INT2   ? INT16_MIN
			      : t == PT_INT4 ? INT32_MIN
					     : INT64_MIN,
			      t == PT_INT2   ? INT16_MAX
			      : t == PT_INT4 ? INT32_MAX
					     : INT64_MAX,
			      &x))
			return px_uncovered(p, loc, "literal", "'%s' as %s", s, types[t].print);
		snprintf(num, sizeof(num), "%" PRId64, x);
		v = num;
		break;
	case PT_NUMERIC:
		if (!(v = canon_numeric(p->a, s)))
			return px_uncovered(p, loc, "literal", "'%s' as numeric", s);
		break;
	case PT_BOOL:
		if (parse_bool(s, &b))
			return px_uncovered(p, loc, "literal", "'%s' as boolean", s);
		v = b ? "true" : "false";
		break;
	case PT_UUID:
		if (!(v = canon_uuid(p->a, s)))
			return px_uncovered(p, loc, "literal", "'%s' as uuid", s);
		break;
	case PT_JSONB:
		if (strcmp(s, "{}") && strcmp(s, "[]"))
			return px_uncovered(p, loc, "literal", "jsonb other than '{}' and '[]'");
		v = s;
		break;
	default:
		return px_uncovered(p, loc, "literal",
				    "%s literals print as the server's "
				    "settings say",
				    types[t].print);
	}
	return mk_const(p, t, v);
}

/* ---- coercion (parse_coerce.c) */

enum ctx { C_IMPLICIT, C_ASSIGNMENT, C_EXPLICIT };

/* find_coercion_pathway() != NONE for the covered types (pg_cast plus I/O casts). */
static bool can_cast(enum pt s, enum pt t, enum ctx c)
{
	enum cat cs = types[s].cat, ct = types[t].cat;

	if (s == t || s == PT_UNKNOWN)
		return true;
	if (cs == CAT_NUM && ct == CAT_NUM)
		return types[s].rank < types[t].rank || c >= C_ASSIGNMENT;
	if (cs == CAT_STR && ct == CAT_STR)
		return true;
	if (cs == CAT_DT && ct == CAT_DT)
		return types[s].rank < types[t].rank || c >= C_ASSIGNMENT;
	if (ct == CAT_STR) /* I/O conversion to a string type is an assignment cast */
		return c >= C_ASSIGNMENT;
	if (c < C_EXPLICIT)
		return false;
	if (cs == CAT_STR) /* and from one, explicit only */
		return true;
	if ((s == PT_BOOL && t == PT_INT4) || (s == PT_INT4 && t == PT_BOOL))
		return true;
	return s == PT_JSONB && (t == PT_BOOL || is_num(t));
}

/* An implicit coercion to t (typmod -1) that the caller knows to exist. */
static struct xnode *coerce(struct px *p, struct xnode *n, struct ptype t, int loc)
{
	if (n->type.t == t.t && n->type.array == t.array)
		return n;
	if (n->type.t == PT_UNKNOWN)
		return lit_to(p, n, t.t, loc);
	return mk_cast(p, n, t, true);
}

/*
 * coerce_to_target_type() from one array type to another: nothing when the element types
 * agree and no typmod is asked for, else an ArrayCoerceExpr, which prints as any cast:
 * (ARRAY[1, 2])::bigint[]. An explicit cast between an array and a scalar fails as on the
 * server; an untyped '{...}' literal and a typmod applied to every element are not covered.
 */
static struct xnode *coerce_array(struct px *p, struct xnode *n, struct ptype t, enum ctx c,
				  int loc)
{
	if (!t.array || !n->type.array) {
		if (n->type.t == PT_UNKNOWN)
			return px_uncovered(p, loc, "array literal", "write ARRAY[...]");
		if (c == C_EXPLICIT)
			return px_err(p, loc, "cannot cast type %s to %s", tname(n->type),
				      tname(t));
		return px_uncovered(p, loc, "array cast", NULL);
	}
	if (t.typmod >= 0 && (n->type.t != t.t || n->type.typmod != t.typmod))
		return px_uncovered(p, loc, "array cast", "to %s with a type modifier", tname(t));
	if (n->type.t == t.t)
		return n;
	if (!can_cast(n->type.t, t.t, c))
		return px_uncovered(p, loc, c == C_EXPLICIT ? "cast" : "assignment",
				    "from %s to %s", tname(n->type), tname(t));
	return mk_cast(p, n, t, c != C_EXPLICIT);
}

/*
 * coerce_to_target_type(): the cast, then the length coercion for the typmod; when both
 * are added the inner one is shown as implicit (hide_coercion_node()).
 */
static struct xnode *coerce_to_target(struct px *p, struct xnode *n, struct ptype t, enum ctx c,
				      int loc)
{
	struct xnode *r = n;

	if (t.array || n->type.array)
		return coerce_array(p, n, t, c, loc);
	if (n->type.t == PT_UNKNOWN) {
		if (!(r = lit_to(p, n, t.t, loc)))
			return NULL;
	} else if (n->type.t != t.t) {
		if (!can_cast(n->type.t, t.t, c))
			return px_uncovered(p, loc, c == C_EXPLICIT ? "cast" : "assignment",
					    "from %s to %s", tname(n->type), tname(t));
		if (!(r = mk_cast(p, n, ty(t.t), c != C_EXPLICIT)))
			return NULL;
	}
	if (t.typmod == r->type.typmod)
		return r;
	if (r != n && r->k != X_CONST)
		r->implicit = true;
	return mk_cast(p, r, t, c != C_EXPLICIT);
}

/* coerce_to_boolean(): what a CHECK, WHERE, AND, OR, NOT or IS TRUE asks of its input. */
static struct xnode *to_bool(struct px *p, struct xnode *n, const char *what, int loc)
{
	if (!n)
		return NULL;
	if (n->type.t == PT_BOOL && !n->type.array)
		return n;
	if (n->type.t == PT_UNKNOWN)
		return lit_to(p, n, PT_BOOL, loc);
	return px_err(p, loc, "argument of %s must be type boolean, not type %s", what,
		      tname(n->type));
}

/*
 * select_common_type() for IN lists and ARRAY[...]: the first typed input, moved up its
 * category's implicit-cast order (text and character varying cast implicitly both ways, so
 * the first of them stays); all unknown means text. 0, or -1 for mixes not covered.
 */
static int common_type(struct xnode **v, size_t n, enum pt *out)
{
	enum pt c = PT_UNKNOWN;

	for (size_t i = 0; i < n; i++) {
		enum pt t = v[i]->type.t;

		if (v[i]->type.array)
			return -1;
		if (t == PT_UNKNOWN || t == c)
			continue;
		if (c == PT_UNKNOWN) {
			c = t;
			continue;
		}
		if (types[t].cat != types[c].cat)
			return -1;
		if (types[c].cat == CAT_STR)
			continue;
		if (types[c].cat != CAT_NUM && types[c].cat != CAT_DT)
			return -1;
		if (types[t].rank > types[c].rank)
			c = t;
	}
	*out = c == PT_UNKNOWN ? PT_TEXT : c;
	return 0;
}

/* ---- operators (parse_oper.c over the covered part of pg_operator) */

enum opclass { OPC_NONE, OPC_CMP, OPC_ARITH, OPC_MOD, OPC_MATCH };

static enum opclass op_class(const char *op)
{
	static const struct {
		const char *op;
		enum opclass c;
	} ops[] = {
		{ "=", OPC_CMP },     { "<>", OPC_CMP },    { "<", OPC_CMP },
		{ "<=", OPC_CMP },    { ">", OPC_CMP },	    { ">=", OPC_CMP },
		{ "+", OPC_ARITH },   { "-", OPC_ARITH },   { "*", OPC_ARITH },
		{ "/", OPC_ARITH },   { "%", OPC_MOD },	    { "~~", OPC_MATCH },
		{ "!~~", OPC_MATCH }, { "~~*", OPC_MATCH }, { "!~~*", OPC_MATCH },
		{ "~", OPC_MATCH },   { "!~", OPC_MATCH },  { "~*", OPC_MATCH },
		{ "!~*", OPC_MATCH },
	};

	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++)
		if (!strcmp(op, ops[i].op))
			return ops[i].c;
	return OPC_NONE;
}

/*
 * oper() for binary op on inputs of types l and r: the types the inputs are coerced to
 * (*lt, *rt) and the result type. An unknown input is taken to be of the other input's
 * type (binary_oper_exact()); character varying has no operators of its own and uses
 * text's; the integer types compare and add across each other without casts; an integer
 * meeting numeric becomes numeric. -1 for combinations not covered.
 */
static int resolve_op(const char *op, enum pt l, enum pt r, enum pt *lt, enum pt *rt, enum pt *res)
{
	enum opclass c = op_class(op);

	if (c == OPC_NONE)
		return -1;
	if (c == OPC_MATCH) {
		if (!is_str(l) || (r != PT_UNKNOWN && !is_str(r)))
			return -1;
		*lt = *rt = PT_TEXT;
		*res = PT_BOOL;
		return 0;
	}
	if (l == PT_UNKNOWN && r == PT_UNKNOWN) {
		if (c != OPC_CMP)
			return -1;
		l = r = PT_TEXT;
	} else if (l == PT_UNKNOWN) {
		l = r;
	} else if (r == PT_UNKNOWN) {
		r = l;
	}
	if (c == OPC_CMP) {
		*res = PT_BOOL;
		if (is_str(l) && is_str(r)) {
			*lt = *rt = PT_TEXT;
		} else if (l == r || (is_int(l) && is_int(r)) ||
			   (types[l].cat == CAT_DT && types[r].cat == CAT_DT)) {
			*lt = l;
			*rt = r;
		} else if (is_num(l) && is_num(r)) {
			*lt = *rt = PT_NUMERIC;
		} else {
			return -1;
		}
		return 0;
	}
	if (!is_num(l) || !is_num(r))
		return -1;
	if (c == OPC_ARITH && is_int(l) && is_int(r)) {
		*lt = l;
		*rt = r;
		*res = types[l].rank > types[r].rank ? l : r;
		return 0;
	}
	/* % exists only within one type: the narrower input is cast up */
	*lt = *rt = *res = types[l].rank > types[r].rank ? l : r;
	return 0;
}

/* make_op() for a binary operator. */
static struct xnode *make_op(struct px *p, const char *op, struct xnode *l, struct xnode *r,
			     int loc)
{
	enum pt lt, rt, res;
	struct xnode *n;

	if (!l || !r)
		return NULL;
	if (l->type.array || r->type.array || resolve_op(op, l->type.t, r->type.t, &lt, &rt, &res))
		return px_uncovered(p, loc, form3(p, l->type, op, r->type), NULL);
	if (!(l = coerce(p, l, ty(lt), loc)) || !(r = coerce(p, r, ty(rt), loc)))
		return NULL;
	if (!(n = mk2(p, X_OP, ty(res), op, l, r)))
		return NULL;
	if (l->type.t != r->type.t && types[l->type.t].cat == CAT_DT && n->vol < VOL_UNSURE)
		n->vol = VOL_UNSURE; /* date < timestamptz depends on the time zone */
	return n;
}

/* ---- analysis (parse_expr.c) */

static struct xnode *xform(struct px *p, json_t *node);
static int parse_type(struct px *p, const char *text, struct ptype *t);
static int type_err(struct diag *d, const char *column, const char *type);

/*
 * Column i's type, parsed on its first reference: a table may well hold columns of types
 * the profile does not cover (enums, serial, float) that the expression never mentions.
 */
static int column_type(struct px *p, size_t i)
{
	const char *src = p->src;
	size_t len = p->len;
	int rc;

	static const char *const serials[][2] = {
		{ "smallserial", "smallint" }, { "serial2", "smallint" }, { "serial", "integer" },
		{ "serial4", "integer" },      { "bigserial", "bigint" }, { "serial8", "bigint" },
	};
	const char *type = p->cols[i].type;

	if (p->cparsed[i])
		return 0;
	/* A serial column is its integer type (plus a sequence the expression cannot see). */
	for (size_t k = 0; k < sizeof(serials) / sizeof(serials[0]); k++)
		if (strcmp(type, serials[k][0]) == 0)
			type = serials[k][1];
	rc = parse_type(p, type, &p->ctypes[i]);
	p->src = src;
	p->len = len;
	if (rc)
		return type_err(p->d, p->cols[i].name, p->cols[i].type);
	p->cparsed[i] = true;
	return 0;
}

static struct xnode *x_column(struct px *p, json_t *b, int loc)
{
	json_t *fields = json_object_get(b, "fields");
	const char *name;
	struct xnode *n;
	size_t i;

	if (json_array_size(fields) != 1)
		return px_uncovered(p, loc, "qualified column reference", NULL);
	if (!(name = jstring_node(json_array_get(fields, 0))))
		return px_uncovered(p, loc, "*", NULL);
	if (p->mode == M_DEFAULT)
		return px_err(p, loc, "cannot use column reference in DEFAULT expression");
	for (i = 0; i < p->ncols; i++)
		if (!strcmp(p->cols[i].name, name))
			break;
	if (i == p->ncols)
		return px_err(p, loc, "column '%s' does not exist", name);
	if (column_type(p, i))
		return NULL;
	if (!p->cnames[i] && !(p->cnames[i] = quote_ident(p, name, loc)))
		return NULL;
	if (!(n = mk(p, X_VAR, p->ctypes[i], 0)))
		return NULL;
	n->name = p->cnames[i];
	return n;
}

/* make_const(): integers that fit int4 or int8, else numeric; strings stay unknown. */
static struct xnode *make_const(struct px *p, json_t *b, int loc)
{
	json_t *v;
	const char *s;
	char num[32];
	long iv;
	int64_t x;

	if (json_is_true(json_object_get(b, "isnull")))
		return px_uncovered(p, loc, "NULL", NULL);
	if ((v = json_object_get(b, "ival"))) {
		if (int_const(p, v, loc, &iv))
			return px_uncovered(p, loc, "negative integer literal", "write it as -N");
		snprintf(num, sizeof(num), "%ld", iv);
		return mk_const(p, PT_INT4, num);
	}
	if ((v = json_object_get(b, "fval"))) {
		s = jstr(v, "fval");
		if (!parse_int(s, INT64_MIN, INT64_MAX, &x)) {
			snprintf(num, sizeof(num), "%" PRId64, x);
			return mk_const(p, x >= INT32_MIN && x <= INT32_MAX ? PT_INT4 : PT_INT8,
					num);
		}
		if (!(s = canon_numeric(p->a, s)))
			return px_uncovered(p, loc, "numeric literal", "'%s'", jstr(v, "fval"));
		return mk_const(p, PT_NUMERIC, s);
	}
	if ((v = json_object_get(b, "sval")))
		return mk_const(p, PT_UNKNOWN, jstr(v, "sval"));
	if ((v = json_object_get(b, "boolval")))
		return mk_const(p, PT_BOOL,
				json_is_true(json_object_get(v, "boolval")) ? "true" : "false");
	return px_uncovered(p, loc, "bit-string literal", NULL);
}

/* An A_Const node; the literal keeps its place for messages about its conversion. */
static struct xnode *x_const(struct px *p, json_t *b, int loc)
{
	struct xnode *n = make_const(p, b, loc);

	if (n)
		n->loc = loc;
	return n;
}

/*
 * A TypeName node as a covered type (typenameTypeIdAndMod()). Array types (any number of
 * bounds, which the server ignores: text[3][] is text[]) only where array_ok says, as the
 * target of a cast.
 */
static int x_typename(struct px *p, json_t *tn, bool array_ok, struct ptype *out)
{
	json_t *mods = json_object_get(tn, "typmods");
	int loc = jloc(tn);
	size_t nm = json_array_size(mods);
	long m[2] = { -1, -1 };
	const char *name;
	enum pt t;
	bool array = json_object_get(tn, "arrayBounds") != NULL;

	if (array && !array_ok)
		return px_uncovered(p, loc, "array type", NULL), -1;
	if (json_is_true(json_object_get(tn, "setof")) || json_object_get(tn, "pct_type") ||
	    !(name = jname(json_object_get(tn, "names"))))
		return px_uncovered(p, loc, "type name", NULL), -1;
	for (t = PT_BOOL; t < PT_COUNT; t++)
		if (!strcmp(types[t].typname, name))
			break;
	if (t == PT_COUNT)
		return px_uncovered(p, loc, "type", "'%s'", name), -1;
	if (nm > 2)
		return px_uncovered(p, loc, "type modifier", NULL), -1;
	for (size_t i = 0; i < nm; i++) {
		json_t *c, *b;
		const char *tag = jtag(json_array_get(mods, i), &c);

		b = tag && !strcmp(tag, "A_Const") ? json_object_get(c, "ival") : NULL;
		if (!b || int_const(p, b, jloc(c), &m[i]) || m[i] < 0)
			return px_uncovered(p, loc, "type modifier", NULL), -1;
	}
	out->t = t;
	out->array = array;
	out->typmod = -1;
	switch (nm ? t : PT_UNKNOWN) {
	case PT_UNKNOWN:
		return 0;
	case PT_VARCHAR:
		if (nm == 1 && m[0] >= 1 && m[0] <= 10485760) {
			out->typmod = (int)m[0] + 4;
			return 0;
		}
		break;
	case PT_NUMERIC:
		if (nm == 1)
			m[1] = 0;
		if (m[0] >= 1 && m[0] <= 1000 && m[1] <= m[0]) {
			out->typmod = (int)((m[0] << 16) | m[1]) + 4;
			return 0;
		}
		break;
	case PT_TIMESTAMP:
	case PT_TIMESTAMPTZ:
		if (nm == 1 && m[0] <= 6) {
			out->typmod = (int)m[0];
			return 0;
		}
		break;
	default:
		break;
	}
	return px_uncovered(p, loc, "type modifier", "for %s", types[t].print), -1;
}

/*
 * transformArrayExpr(): ARRAY[e, ...] of one dimension. With a target (the array type of a
 * cast around it) every element is cast to the element type as if written e::elemtype;
 * without one the elements are coerced implicitly to their common type.
 *   ARRAY['a'::varchar]::text[]  ->  ARRAY[('a'::character varying)::text]
 *   ARRAY['a', 'b']              ->  ARRAY['a'::text, 'b'::text]
 */
static struct xnode *x_array(struct px *p, json_t *b, int loc, const struct ptype *target)
{
	json_t *elems = json_object_get(b, "elements");
	size_t n = json_array_size(elems);
	struct xnode *arr = mk(p, X_ARRAY, no_type, n);
	struct ptype et;
	enum pt c;

	if (!arr)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(elems, i), *eb;
		const char *tag = jtag(e, &eb);

		if (tag && !strcmp(tag, "A_ArrayExpr"))
			return px_uncovered(p, jloc(eb), "multidimensional ARRAY[...]", NULL);
		if (!(arr->args[i] = xform(p, e)))
			return NULL;
		if (arr->args[i]->type.array)
			return px_uncovered(p, jloc(eb), "multidimensional ARRAY[...]", NULL);
	}
	if (target) {
		et = elem_of(*target);
		for (size_t i = 0; i < n; i++) {
			struct xnode *e = arr->args[i];

			if (!(arr->args[i] = coerce_to_target(p, e, et, C_EXPLICIT,
							      e->loc >= 0 ? e->loc : loc)))
				return NULL;
		}
	} else {
		if (!n)
			return px_err(p, loc, "cannot determine type of empty array");
		if (common_type(arr->args, n, &c))
			return px_uncovered(p, loc, "ARRAY[...]", "elements of mixed types");
		et = ty(c);
		for (size_t i = 0; i < n; i++)
			if (!(arr->args[i] = coerce(p, arr->args[i], et, loc)))
				return NULL;
		/* exprTypmod() of an ArrayExpr: its elements' typmod when they all agree */
		et.typmod = arr->args[0]->type.typmod;
		for (size_t i = 1; i < n; i++)
			if (arr->args[i]->type.typmod != et.typmod)
				et.typmod = -1;
	}
	arr->type = array_of(et);
	set_vol(arr, VOL_IMMUTABLE);
	return arr;
}

/*
 * transformTypeCast(). A cast of ARRAY[...] to an array type is pushed into the elements
 * (transformArrayExpr() with the target), so Atlas's
 *   (ARRAY['a'::character varying, 'b'::character varying])::text[]
 * is stored as ARRAY[('a'::character varying)::text, ('b'::character varying)::text].
 */
static struct xnode *x_typecast(struct px *p, json_t *b, int loc)
{
	json_t *ab, *argn = json_object_get(b, "arg");
	const char *tag = jtag(argn, &ab);
	struct xnode *arg;
	struct ptype t;

	if (tag && !strcmp(tag, "A_ArrayExpr")) {
		if (x_typename(p, json_object_get(b, "typeName"), true, &t))
			return NULL;
		arg = t.array ? x_array(p, ab, jloc(ab), &t) : xform(p, argn);
	} else if ((arg = xform(p, argn)) &&
		   x_typename(p, json_object_get(b, "typeName"), true, &t)) {
		return NULL;
	}
	if (!arg)
		return NULL;
	return coerce_to_target(p, arg, t, C_EXPLICIT, loc);
}

static bool has_var(const struct xnode *n)
{
	if (n->k == X_VAR)
		return true;
	for (size_t i = 0; i < n->nargs; i++)
		if (has_var(n->args[i]))
			return true;
	return false;
}

static struct xnode *mk_bool(struct px *p, const char *op, struct xnode *l, struct xnode *r)
{
	if (!l || (!r && strcmp(op, "NOT")))
		return NULL;
	return mk2(p, X_BOOL, ty(PT_BOOL), op, l, r);
}

/*
 * transformAExprIn(): constants (more than one) become x op ANY (ARRAY[...]) over their
 * common type; items with columns, or a lone constant, become x op item joined by OR (by
 * AND for NOT IN, whose op is <>).
 */
static struct xnode *x_in(struct px *p, const char *op, json_t *b, int loc)
{
	json_t *items = json_object_get(json_object_get(b, "rexpr"), "List");
	struct xnode *l = xform(p, json_object_get(b, "lexpr")), *res = NULL, *arr;
	struct xnode **all, **rest, **items_in_order;
	size_t n, nconst = 0, nrest = 0;
	bool in = !strcmp(op, "=");
	enum pt c, lt, rt, rr;

	items = json_object_get(items, "items");
	n = json_array_size(items);
	if (!l || !n)
		return l ? px_uncovered(p, loc, "IN", NULL) : NULL;
	if (!(all = arena_alloc(p->a, (n + 1) * sizeof(*all))) ||
	    !(rest = arena_alloc(p->a, n * sizeof(*rest))) ||
	    !(items_in_order = arena_alloc(p->a, n * sizeof(*items_in_order))))
		return px_nomem(p);
	all[0] = l;
	for (size_t i = 0; i < n; i++) {
		struct xnode *x = xform(p, json_array_get(items, i));

		if (!x)
			return NULL;
		items_in_order[i] = x;
		if (has_var(x))
			rest[nrest++] = x;
		else
			all[1 + nconst++] = x;
	}
	if (nconst > 1) {
		if (common_type(all, nconst + 1, &c))
			return px_uncovered(p, loc, "IN", "items of mixed types");
		if (resolve_op(op, l->type.t, c, &lt, &rt, &rr) || l->type.array)
			return px_uncovered(p, loc, form3(p, l->type, op, ty(c)), "in IN");
		if (!(arr = mk(p, X_ARRAY, ty(c), nconst)))
			return NULL;
		arr->type.array = true;
		for (size_t i = 0; i < nconst; i++)
			if (!(arr->args[i] = coerce(p, all[1 + i], ty(c), loc)))
				return NULL;
		set_vol(arr, VOL_IMMUTABLE);
		if (rt != c) {
			struct ptype at = ty(rt);

			at.array = true;
			if (!(arr = mk_cast(p, arr, at, true)))
				return NULL;
		}
		if (!(l = coerce(p, l, ty(lt), loc)) ||
		    !(res = mk2(p, X_SAOP, ty(PT_BOOL), op, l, arr)))
			return NULL;
		res->any = in;
		l = all[0];
	} else {
		rest = items_in_order; /* all of them, as written */
		nrest = n;
	}
	for (size_t i = 0; i < nrest; i++) {
		struct xnode *cmp = make_op(p, op, l, rest[i], loc);

		if (!cmp)
			return NULL;
		res = res ? mk_bool(p, in ? "OR" : "AND", res, cmp) : cmp;
		if (!res)
			return NULL;
	}
	return res;
}

/* transformAExprBetween(): a >= b AND a <= c, or a < b OR a > c. */
static struct xnode *x_between(struct px *p, bool not, json_t *b, int loc)
{
	json_t *items =
		json_object_get(json_object_get(json_object_get(b, "rexpr"), "List"), "items");
	struct xnode *a, *lo, *hi;

	if (json_array_size(items) != 2)
		return px_uncovered(p, loc, "BETWEEN", NULL);
	if (!(a = xform(p, json_object_get(b, "lexpr"))) ||
	    !(lo = xform(p, json_array_get(items, 0))) ||
	    !(hi = xform(p, json_array_get(items, 1))))
		return NULL;
	return mk_bool(p, not ? "OR" : "AND", make_op(p, not ? "<" : ">=", a, lo, loc),
		       make_op(p, not ? ">" : "<=", a, hi, loc));
}

/* Prefix operators: unary minus and plus on the numeric types. */
static struct xnode *x_prefix(struct px *p, const char *op, json_t *b, int loc)
{
	struct xnode *r;

	if (strcmp(op, "-") && strcmp(op, "+"))
		return px_uncovered(p, loc, arena_printf(p->a, "prefix %s", op), NULL);
	if (!(r = xform(p, json_object_get(b, "rexpr"))))
		return NULL;
	if (!is_num(r->type.t) || r->type.array)
		return px_uncovered(p, loc, arena_printf(p->a, "%s %s", op, tname(r->type)), NULL);
	return mk2(p, X_OP, ty(r->type.t), op, r, NULL);
}

/*
 * make_scalar_array_op(): x op ANY|ALL (array). The operator is resolved against the
 * array's element type, x is coerced to its left input and the array, implicitly, to the
 * array of its right input; that cast shows. On 'c varchar(10)':
 *   c = ANY (ARRAY['a'::varchar])
 *     ->  ((c)::text = ANY ((ARRAY['a'::character varying])::text[]))
 */
static struct xnode *x_saop(struct px *p, const char *op, bool any, json_t *b, int loc)
{
	struct xnode *l = xform(p, json_object_get(b, "lexpr")), *r, *n;
	enum pt lt, rt, res;

	if (!l || !(r = xform(p, json_object_get(b, "rexpr"))))
		return NULL;
	if (r->type.t == PT_UNKNOWN)
		return px_uncovered(p, loc, "array literal", "write ARRAY[...]");
	if (!r->type.array)
		return px_err(p, loc, "op ANY/ALL (array) requires array on right side");
	if (l->type.array || resolve_op(op, l->type.t, r->type.t, &lt, &rt, &res))
		return px_uncovered(p, loc, form3(p, l->type, op, elem_of(r->type)), NULL);
	if (res != PT_BOOL)
		return px_err(p, loc, "op ANY/ALL (array) requires operator to yield boolean");
	if (!(l = coerce(p, l, ty(lt), loc)) || !(r = coerce(p, r, array_of(ty(rt)), loc)) ||
	    !(n = mk2(p, X_SAOP, ty(PT_BOOL), op, l, r)))
		return NULL;
	n->any = any;
	if (lt != rt && types[lt].cat == CAT_DT && n->vol < VOL_UNSURE)
		n->vol = VOL_UNSURE; /* as make_op(): date < timestamptz depends on the time zone */
	return n;
}

static struct xnode *x_aexpr(struct px *p, json_t *b, int loc)
{
	const char *kind = jstr(b, "kind");
	const char *op = jname(json_object_get(b, "name"));
	json_t *rexpr = json_object_get(b, "rexpr"), *rb;
	const char *rtag = jtag(rexpr, &rb);
	struct xnode *l, *r, *n;

	if (!op || json_array_size(json_object_get(b, "name")) != 1)
		return px_uncovered(p, loc, "OPERATOR()", NULL);
	if (!strcmp(kind, "AEXPR_IN"))
		return x_in(p, op, b, loc);
	if (!strcmp(kind, "AEXPR_OP_ANY") || !strcmp(kind, "AEXPR_OP_ALL")) {
		if (op_class(op) == OPC_NONE)
			return px_uncovered(p, loc, arena_printf(p->a, "operator %s", op), NULL);
		return x_saop(p, op, !strcmp(kind, "AEXPR_OP_ANY"), b, loc);
	}
	if (!strcmp(kind, "AEXPR_BETWEEN") || !strcmp(kind, "AEXPR_NOT_BETWEEN"))
		return x_between(p, !strcmp(kind, "AEXPR_NOT_BETWEEN"), b, loc);
	if (!strcmp(kind, "AEXPR_DISTINCT") || !strcmp(kind, "AEXPR_NOT_DISTINCT")) {
		l = xform(p, json_object_get(b, "lexpr"));
		r = l ? xform(p, rexpr) : NULL;
		if (!(n = make_op(p, "=", l, r, loc)))
			return NULL;
		n->k = X_DISTINCT;
		n->name = "IS DISTINCT FROM";
		return strcmp(kind, "AEXPR_DISTINCT") ? mk_bool(p, "NOT", n, NULL) : n;
	}
	if (!strcmp(kind, "AEXPR_LIKE") || !strcmp(kind, "AEXPR_ILIKE")) {
		if (rtag && !strcmp(rtag, "FuncCall"))
			return px_uncovered(p, loc, "LIKE ... ESCAPE", NULL);
	} else if (strcmp(kind, "AEXPR_OP")) {
		static const struct {
			const char *kind, *form;
		} forms[] = {
			{ "AEXPR_NULLIF", "NULLIF" },
			{ "AEXPR_SIMILAR", "SIMILAR TO" },
			{ "AEXPR_BETWEEN_SYM", "BETWEEN SYMMETRIC" },
			{ "AEXPR_NOT_BETWEEN_SYM", "NOT BETWEEN SYMMETRIC" },
		};
		for (size_t i = 0; i < sizeof(forms) / sizeof(*forms); i++)
			if (!strcmp(kind, forms[i].kind))
				return px_uncovered(p, loc, forms[i].form, NULL);
		return px_uncovered(p, loc, kind, NULL);
	}
	if (!json_object_get(b, "lexpr"))
		return x_prefix(p, op, b, loc);
	if (op_class(op) == OPC_NONE)
		return px_uncovered(p, loc, arena_printf(p->a, "operator %s", op), NULL);
	l = xform(p, json_object_get(b, "lexpr"));
	r = l ? xform(p, rexpr) : NULL;
	return make_op(p, op, l, r, loc);
}

static struct xnode *x_boolexpr(struct px *p, json_t *b, int loc)
{
	const char *op = jstr(b, "boolop");
	json_t *args = json_object_get(b, "args");
	const char *what = !strcmp(op, "AND_EXPR") ? "AND" : !strcmp(op, "OR_EXPR") ? "OR" : "NOT";
	size_t n = json_array_size(args);
	struct xnode *r;

	if (n == 0 || (!strcmp(what, "NOT") && n != 1))
		return px_uncovered(p, loc, "boolean expression", NULL);
	if (!(r = mk(p, X_BOOL, ty(PT_BOOL), n)))
		return NULL;
	r->name = what;
	for (size_t i = 0; i < n; i++) {
		json_t *a = json_array_get(args, i), *ab;

		jtag(a, &ab);
		if (!(r->args[i] = to_bool(p, xform(p, a), what, jloc(ab))))
			return NULL;
	}
	set_vol(r, VOL_IMMUTABLE);
	return r;
}

static struct xnode *x_nulltest(struct px *p, json_t *b, int loc)
{
	struct xnode *a = xform(p, json_object_get(b, "arg"));
	bool is_null = !strcmp(jstr(b, "nulltesttype"), "IS_NULL");

	if (!a)
		return NULL;
	if (a->type.t == PT_UNKNOWN)
		return px_uncovered(p, loc, "IS NULL", "on an untyped literal");
	return mk2(p, X_NULLTEST, ty(PT_BOOL), is_null ? " IS NULL" : " IS NOT NULL", a, NULL);
}

static struct xnode *x_booltest(struct px *p, json_t *b, int loc)
{
	static const struct {
		const char *kind, *text;
	} tests[] = {
		{ "IS_TRUE", " IS TRUE" },	 { "IS_NOT_TRUE", " IS NOT TRUE" },
		{ "IS_FALSE", " IS FALSE" },	 { "IS_NOT_FALSE", " IS NOT FALSE" },
		{ "IS_UNKNOWN", " IS UNKNOWN" }, { "IS_NOT_UNKNOWN", " IS NOT UNKNOWN" },
	};
	const char *kind = jstr(b, "booltesttype");

	for (size_t i = 0; i < sizeof(tests) / sizeof(*tests); i++) {
		if (!strcmp(kind, tests[i].kind)) {
			struct xnode *a = xform(p, json_object_get(b, "arg"));

			a = to_bool(p, a, tests[i].text + 1, loc);
			return a ? mk2(p, X_BOOLTEST, ty(PT_BOOL), tests[i].text, a, NULL) : NULL;
		}
	}
	return px_uncovered(p, loc, "boolean test", NULL);
}

enum fargs { FA_NONE, FA_TEXT, FA_NUM };

/* The covered functions: all in pg_catalog, one signature each (FA_NUM: any numeric). */
static const struct func {
	const char *name;
	enum fargs args;
	enum pt ret; /* PT_UNKNOWN: the argument's type */
	enum vol vol;
} funcs[] = {
	{ "now", FA_NONE, PT_TIMESTAMPTZ, VOL_MUTABLE },
	{ "gen_random_uuid", FA_NONE, PT_UUID, VOL_MUTABLE },
	{ "lower", FA_TEXT, PT_TEXT, VOL_IMMUTABLE },
	{ "upper", FA_TEXT, PT_TEXT, VOL_IMMUTABLE },
	{ "btrim", FA_TEXT, PT_TEXT, VOL_IMMUTABLE },
	{ "length", FA_TEXT, PT_INT4, VOL_IMMUTABLE },
	{ "char_length", FA_TEXT, PT_INT4, VOL_IMMUTABLE },
	{ "abs", FA_NUM, PT_UNKNOWN, VOL_IMMUTABLE },
};

/* transformFuncCall() for the functions above. */
static struct xnode *x_funccall(struct px *p, json_t *b, int loc)
{
	static const char *const extras[] = { "agg_order",	 "agg_filter",	 "over",
					      "agg_star",	 "agg_distinct", "func_variadic",
					      "agg_within_group" };
	const char *name = jname(json_object_get(b, "funcname"));
	json_t *args = json_object_get(b, "args");
	size_t nargs = json_array_size(args), i;
	struct xnode *a = NULL, *n;
	const struct func *f = NULL;

	if (!name)
		return px_uncovered(p, loc, "function call", "a schema other than pg_catalog");
	for (i = 0; i < sizeof(extras) / sizeof(*extras); i++) {
		json_t *v = json_object_get(b, extras[i]);

		if (v && !json_is_false(v))
			return px_uncovered(p, loc, "aggregate or window call", "%s", name);
	}
	if (strcmp(jstr(b, "funcformat"), "COERCE_EXPLICIT_CALL"))
		return px_uncovered(p, loc, "SQL-syntax function", "%s", name);
	for (i = 0; i < sizeof(funcs) / sizeof(*funcs); i++)
		if (!strcmp(funcs[i].name, name))
			f = &funcs[i];
	if (!f)
		return px_uncovered(p, loc, arena_printf(p->a, "function %s", name), NULL);
	if (nargs != (f->args == FA_NONE ? 0 : 1))
		return px_uncovered(p, loc,
				    arena_printf(p->a, "%s with %zu arguments", name, nargs), NULL);
	if (nargs) {
		if (!(a = xform(p, json_array_get(args, 0))))
			return NULL;
		if (a->type.array ||
		    (f->args == FA_TEXT ? !is_str(a->type.t) && a->type.t != PT_UNKNOWN
					: !is_num(a->type.t)))
			return px_uncovered(
				p, loc, arena_printf(p->a, "%s(%s)", name, tname(a->type)), NULL);
		if (f->args == FA_TEXT && !(a = coerce(p, a, ty(PT_TEXT), loc)))
			return NULL;
	}
	n = nargs ? mk2(p, X_FUNC, ty(f->ret ? f->ret : a->type.t), f->name, a, NULL)
		  : mk(p, X_FUNC, ty(f->ret), 0);
	if (!n)
		return NULL;
	n->name = f->name;
	set_vol(n, f->vol);
	return n;
}

static struct xnode *x_sqlvalue(struct px *p, json_t *b, int loc)
{
	static const struct {
		const char *op, *text;
		enum pt t;
	} svf[] = {
		{ "SVFOP_CURRENT_DATE", "CURRENT_DATE", PT_DATE },
		{ "SVFOP_CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", PT_TIMESTAMPTZ },
		{ "SVFOP_LOCALTIMESTAMP", "LOCALTIMESTAMP", PT_TIMESTAMP },
	};
	const char *op = jstr(b, "op");

	for (size_t i = 0; i < sizeof(svf) / sizeof(*svf); i++) {
		if (!strcmp(op, svf[i].op)) {
			struct xnode *n = mk(p, X_SQLVAL, ty(svf[i].t), 0);

			if (!n)
				return NULL;
			n->name = svf[i].text;
			n->vol = VOL_MUTABLE;
			return n;
		}
	}
	return px_uncovered(p, loc, "SQL value function", "%s", op + strlen("SVFOP_"));
}

/* Friendlier names for the raw node types the profile leaves out. */
static const char *form_name(const char *tag)
{
	static const struct {
		const char *tag, *form;
	} names[] = {
		{ "CaseExpr", "CASE" },
		{ "SubLink", "subquery" },
		{ "RowExpr", "ROW(...)" },
		{ "CollateClause", "COLLATE" },
		{ "ParamRef", "parameter" },
		{ "A_Indirection", "subscript or field selection" },
		{ "MinMaxExpr", "GREATEST/LEAST" },
		{ "CoalesceExpr", "COALESCE" },
		{ "XmlExpr", "XML function" },
		{ "NamedArgExpr", "named argument" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(tag, names[i].tag))
			return names[i].form;
	return tag;
}

static struct xnode *xform(struct px *p, json_t *node)
{
	json_t *b;
	const char *tag = jtag(node, &b);
	int loc = b ? jloc(b) : -1;
	struct xnode *r;

	if (!tag || !json_is_object(b))
		return px_err(p, -1, "unexpected parse tree from libpg_query");
	if (++p->depth > MAX_DEPTH)
		return px_uncovered(p, loc, "deep nesting", "more than %d levels", MAX_DEPTH);
	if (!strcmp(tag, "ColumnRef"))
		r = x_column(p, b, loc);
	else if (!strcmp(tag, "A_Const"))
		r = x_const(p, b, loc);
	else if (!strcmp(tag, "TypeCast"))
		r = x_typecast(p, b, loc);
	else if (!strcmp(tag, "A_ArrayExpr"))
		r = x_array(p, b, loc, NULL);
	else if (!strcmp(tag, "A_Expr"))
		r = x_aexpr(p, b, loc);
	else if (!strcmp(tag, "BoolExpr"))
		r = x_boolexpr(p, b, loc);
	else if (!strcmp(tag, "NullTest"))
		r = x_nulltest(p, b, loc);
	else if (!strcmp(tag, "BooleanTest"))
		r = x_booltest(p, b, loc);
	else if (!strcmp(tag, "FuncCall"))
		r = x_funccall(p, b, loc);
	else if (!strcmp(tag, "SQLValueFunction"))
		r = x_sqlvalue(p, b, loc);
	else
		r = px_uncovered(p, loc, form_name(tag), NULL);
	p->depth--;
	return r;
}

/* ---- printing (ruleutils.c, prettyFlags 0: every operator prints its own parentheses) */

struct dep {
	struct buf b;
	struct arena *a;
	struct diag *d;
	int err;
};

static void put(struct dep *c, const char *s)
{
	if (!c->err && buf_adds(&c->b, s, c->d))
		c->err = -1;
}

static void put_type(struct dep *c, struct ptype t)
{
	const char *s = type_str(c->a, t);

	if (!s && !c->err)
		c->err = diag_nomem(c->d);
	if (s)
		put(c, s);
}

/* simple_quote_literal() with standard_conforming_strings on: only ' is doubled. */
static void put_literal(struct dep *c, const char *v)
{
	put(c, "'");
	for (const char *s = v; *s; s++) {
		char ch[2] = { *s, '\0' };

		if (*s == '\'')
			put(c, "'");
		put(c, ch);
	}
	put(c, "'");
}

/* get_const_expr(): showtype -1 never labels, 0 labels unless the text reads back alike. */
static void dep_const(struct dep *c, const struct xnode *n, int showtype)
{
	const char *v = n->val;
	bool label = false;

	switch (n->type.t) {
	case PT_INT4:
		if (v[0] != '-') {
			put(c, v);
		} else {
			put_literal(c, v);
			label = true;
		}
		break;
	case PT_NUMERIC:
		if (isdigit((unsigned char)v[0]) && strpbrk(v, "eE.")) {
			put(c, v);
		} else {
			put_literal(c, v);
			label = true;
		}
		label |= n->type.typmod >= 0;
		break;
	case PT_BOOL:
		put(c, v);
		break;
	case PT_UNKNOWN:
		put_literal(c, v);
		break;
	default:
		put_literal(c, v);
		label = true;
		break;
	}
	if (showtype < 0 || !label)
		return;
	put(c, "::");
	put_type(c, n->type);
}

static void dep(struct dep *c, const struct xnode *n, bool showimplicit);

/* get_coercion_expr(): (arg)::type, or 'literal'::type when the cast only adds a typmod. */
static void dep_coercion(struct dep *c, const struct xnode *arg, struct ptype t)
{
	if (arg->k == X_CONST && arg->type.t == t.t && arg->type.array == t.array &&
	    arg->type.typmod == -1) {
		dep_const(c, arg, -1);
	} else {
		put(c, "(");
		dep(c, arg, false);
		put(c, ")");
	}
	put(c, "::");
	put_type(c, t);
}

static void dep_list(struct dep *c, const struct xnode *n, const char *sep, bool showimplicit)
{
	for (size_t i = 0; i < n->nargs; i++) {
		if (i)
			put(c, sep);
		dep(c, n->args[i], showimplicit);
	}
}

static void dep(struct dep *c, const struct xnode *n, bool showimplicit)
{
	switch (n->k) {
	case X_VAR:
	case X_SQLVAL:
		put(c, n->name);
		break;
	case X_CONST:
		dep_const(c, n, 0);
		break;
	case X_CAST:
		if (n->implicit && !showimplicit)
			dep(c, n->args[0], false);
		else
			dep_coercion(c, n->args[0], n->type);
		break;
	case X_OP:
		put(c, "(");
		if (n->nargs == 2) {
			dep(c, n->args[0], true);
			put(c, " ");
			put(c, n->name);
			put(c, " ");
			dep(c, n->args[1], true);
		} else {
			put(c, n->name);
			put(c, " ");
			dep(c, n->args[0], true);
		}
		put(c, ")");
		break;
	case X_DISTINCT:
		put(c, "(");
		dep_list(c, n, " IS DISTINCT FROM ", true);
		put(c, ")");
		break;
	case X_SAOP:
		put(c, "(");
		dep(c, n->args[0], true);
		put(c, " ");
		put(c, n->name);
		put(c, n->any ? " ANY (" : " ALL (");
		dep(c, n->args[1], true);
		put(c, "))");
		break;
	case X_ARRAY:
		put(c, "ARRAY[");
		dep_list(c, n, ", ", true);
		put(c, "]");
		if (!n->nargs) { /* an empty array says its type, without a typmod */
			struct ptype t = n->type;

			t.typmod = -1;
			put(c, "::");
			put_type(c, t);
		}
		break;
	case X_BOOL:
		put(c, "(");
		if (!strcmp(n->name, "NOT")) {
			put(c, "NOT ");
			dep(c, n->args[0], false);
		} else {
			dep_list(c, n, !strcmp(n->name, "AND") ? " AND " : " OR ", false);
		}
		put(c, ")");
		break;
	case X_NULLTEST:
	case X_BOOLTEST:
		put(c, "(");
		dep(c, n->args[0], n->k == X_NULLTEST);
		put(c, n->name);
		put(c, ")");
		break;
	case X_FUNC:
		put(c, n->name);
		put(c, "(");
		dep_list(c, n, ", ", true);
		put(c, ")");
		break;
	}
}

/* ---- entry points */

/*
 * Parses "SELECT <text>" and returns the one expression of its one target, or NULL.
 * Anything else that would parse (FROM, a second column, an alias) is refused, so the
 * text cannot smuggle more than an expression through.
 */
static json_t *parse_expr(struct px *p, const char *text, json_t **root)
{
	static const char *const allowed[] = { "targetList", "limitOption", "op" };
	PgQueryParseResult r;
	json_t *stmts, *sel, *tl, *rt, *val = NULL;
	json_error_t je;
	const char *key, *tag;
	char *q;
	json_t *v;

	*root = NULL;
	if (!(q = arena_printf(p->a, SELECT_PREFIX "%s", text)))
		return px_nomem(p);
	r = pg_query_parse(q);
	if (r.error) {
		/* cursorpos counts characters from 1; turn it into a byte offset */
		int pos = r.error->cursorpos > 0 ? r.error->cursorpos - 1 : (int)strlen(q);
		size_t off = 0;

		for (int i = 0; i < pos && q[off]; i++)
			do
				off++;
			while (((unsigned char)q[off] & 0xc0) == 0x80);
		px_err(p, (int)off, "%s", r.error->message);
		goto out;
	}
	*root = json_loads(r.parse_tree, 0, &je);
	if (!*root) {
		px_uncovered(p, -1, "deep nesting", "%s", je.text);
		goto out;
	}
	stmts = json_object_get(*root, "stmts");
	tag = jtag(json_object_get(json_array_get(stmts, 0), "stmt"), &sel);
	if (json_array_size(stmts) != 1 || !tag || strcmp(tag, "SelectStmt"))
		goto shape;
	json_object_foreach(sel, key, v)
	{
		size_t i;

		for (i = 0; i < sizeof(allowed) / sizeof(*allowed); i++)
			if (!strcmp(key, allowed[i]))
				break;
		if (i == sizeof(allowed) / sizeof(*allowed))
			goto shape;
	}
	if (strcmp(jstr(sel, "op"), "SETOP_NONE") ||
	    strcmp(jstr(sel, "limitOption"), "LIMIT_OPTION_DEFAULT"))
		goto shape;
	tl = json_object_get(sel, "targetList");
	tag = jtag(json_array_get(tl, 0), &rt);
	if (json_array_size(tl) != 1 || !tag || strcmp(tag, "ResTarget") ||
	    json_object_get(rt, "name") || json_object_get(rt, "indirection"))
		goto shape;
	val = json_object_get(rt, "val");
	goto out;
shape:
	px_err(p, (int)(strlen(SELECT_PREFIX) + strspn(text, " \t\r\n")),
	       "expected a single expression");
out:
	pg_query_free_parse_result(r);
	return val;
}

/* The covered type that text names (a column's type as Atlas or SQL writes it). */
static int parse_type(struct px *p, const char *text, struct ptype *t)
{
	json_t *root, *val = NULL, *b;
	const char *tag;
	int rc = -1;
	char *q = arena_printf(p->a, "NULL::%s", text);

	if (!q)
		return diag_nomem(p->d);
	/* positions would point into the wrapper, not into text */
	p->src = q;
	p->len = strlen(q);
	val = parse_expr(p, q, &root);
	tag = val ? jtag(val, &b) : NULL;
	if (val && (!tag || strcmp(tag, "TypeCast")))
		px_err(p, -1, "expected a type name");
	else if (val)
		rc = x_typename(p, json_object_get(b, "typeName"), false, t);
	json_decref(root);
	if (rc) {
		p->d->line = p->d->col = 0;
		p->d->src[0] = '\0';
	}
	return rc;
}

/* Rewords parse_type()'s failure for the column (or default) it was about. */
static int type_err(struct diag *d, const char *column, const char *type)
{
	char why[sizeof(d->msg)];

	if (d->kind == DIAG_NOMEM)
		return -1;
	snprintf(why, sizeof(why), "%s", strstr(d->msg, "is not covered") ? "" : d->msg);
	return diag_set(d, DIAG_PARSE, NULL, 0, 0, "%s%.100s%s'%.200s'%s%.600s",
			column ? "column '" : "type ", column ? column : "",
			column ? "': type " : "", type, why[0] ? ": " : " ",
			why[0] ? why : "is not covered by the postgres profile");
}

/* Does the job of the public functions: analyse, check for the mode, print. */
static int run(struct arena *a, enum mode mode, const char *expr, const char *deftype,
	       const struct pgexpr_column *cols, size_t ncols, const char **out, struct diag *d)
{
	struct px p = { .a = a, .d = d, .cols = cols, .ncols = ncols, .mode = mode };
	struct ptype target = no_type;
	struct dep c = { .a = a, .d = d };
	struct xnode *n = NULL;
	json_t *root = NULL, *val;
	int rc = -1, at;

	diag_init(d);
	*out = NULL;
	if (ncols && (!(p.ctypes = arena_alloc(a, ncols * sizeof(*p.ctypes))) ||
		      !(p.cparsed = arena_alloc(a, ncols * sizeof(*p.cparsed))) ||
		      !(p.cnames = arena_alloc(a, ncols * sizeof(*p.cnames)))))
		return diag_nomem(d);
	if (deftype && parse_type(&p, deftype, &target))
		return type_err(d, NULL, deftype);
	p.src = expr;
	p.len = strlen(expr);
	/* errors about the whole expression point at its start */
	at = (int)(strlen(SELECT_PREFIX) + strspn(expr, " \t\r\n"));
	if (!(val = parse_expr(&p, expr, &root)) || !(n = xform(&p, val)))
		goto out;
	switch (mode) {
	case M_CHECK:
		n = to_bool(&p, n, "CHECK", at);
		break;
	case M_PREDICATE:
		n = to_bool(&p, n, "WHERE", at);
		if (n && n->k == X_CONST)
			n = px_uncovered(&p, at, "constant predicate", "the server stores none");
		break;
	case M_INDEX:
		if (n->k == X_VAR)
			n = px_err(&p, at, "a bare column is an index key, not an expression");
		else if (n->type.t == PT_UNKNOWN)
			n = px_uncovered(&p, at, "untyped literal", "as an index key");
		break;
	case M_DEFAULT:
		n = coerce_to_target(&p, n, target, C_ASSIGNMENT, at);
		break;
	}
	if (!n)
		goto out;
	if ((mode == M_PREDICATE || mode == M_INDEX) && n->vol != VOL_IMMUTABLE) {
		const char *what = mode == M_INDEX ? "expression" : "predicate";

		if (n->vol == VOL_MUTABLE)
			px_err(&p, at, "functions in index %s must be marked IMMUTABLE", what);
		else
			px_uncovered(&p, at, "date and time conversion",
				     "in an index %s, where volatility matters", what);
		goto out;
	}
	buf_init(&c.b, MAX_OUT);
	/* pg_get_indexdef() shows a key bare only if it looks like a function call */
	if (mode == M_INDEX && n->k != X_FUNC && n->k != X_SQLVAL)
		put(&c, "(");
	dep(&c, n, false);
	if (mode == M_INDEX && n->k != X_FUNC && n->k != X_SQLVAL)
		put(&c, ")");
	if (!c.err && !(*out = arena_strndup(a, c.b.data, c.b.len)))
		diag_nomem(d);
	buf_release(&c.b);
	rc = *out ? 0 : -1;
out:
	json_decref(root);
	return rc;
}

int pgexpr_check(struct arena *a, const char *expr, const struct pgexpr_column *cols, size_t ncols,
		 const char **out, struct diag *d)
{
	return run(a, M_CHECK, expr, NULL, cols, ncols, out, d);
}

int pgexpr_predicate(struct arena *a, const char *expr, const struct pgexpr_column *cols,
		     size_t ncols, const char **out, struct diag *d)
{
	return run(a, M_PREDICATE, expr, NULL, cols, ncols, out, d);
}

int pgexpr_index_expr(struct arena *a, const char *expr, const struct pgexpr_column *cols,
		      size_t ncols, const char **out, struct diag *d)
{
	return run(a, M_INDEX, expr, NULL, cols, ncols, out, d);
}

int pgexpr_default(struct arena *a, const char *expr, const char *type, const char **out,
		   struct diag *d)
{
	return run(a, M_DEFAULT, expr, type, NULL, 0, out, d);
}

int pgexpr_type(struct arena *a, const char *type, const char **out, struct diag *d)
{
	struct px p = { .a = a, .d = d, .mode = M_CHECK };
	struct ptype t;

	diag_init(d);
	*out = NULL;
	if (parse_type(&p, type, &t))
		return type_err(d, NULL, type);
	if (!(*out = type_str(a, t)))
		return diag_nomem(d);
	return 0;
}

/* A cast's type name after "::": words, digits, typmods, array brackets, quoted names. */
static bool cast_suffix(const char *s)
{
	if (strncmp(s, "::", 2) != 0 || !s[2])
		return false;
	for (s += 2; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr(" _(),[]\".", *s))
			return false;
	return true;
}

/* A quoted string at s (E'' when e) up to its closing quote; its value into *value. */
static const char *quoted(struct arena *a, const char *s, bool e, const char **value, int *rc)
{
	char *v = arena_alloc(a, strlen(s) + 1);
	size_t k = 0;

	*rc = v ? 0 : -1;
	if (!v)
		return NULL;
	for (s++; *s; s++) {
		if (*s == '\'' && s[1] == '\'') {
			v[k++] = *s++;
		} else if (*s == '\'') {
			*value = v;
			return s + 1;
		} else if (e && *s == '\\' && s[1]) {
			s++;
			v[k++] = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : *s;
		} else {
			v[k++] = *s;
		}
	}
	return NULL;
}

int pgexpr_literal(struct arena *a, const char *text, const char **value)
{
	const char *s = text, *end;
	int rc;

	if (*s == '\'' || ((*s == 'E' || *s == 'e') && s[1] == '\'')) {
		end = quoted(a, s + (*s != '\''), *s != '\'', value, &rc);
		if (rc)
			return -1;
		return end && (!*end || cast_suffix(end));
	}
	if (!strcmp(s, "true") || !strcmp(s, "false")) {
		*value = text;
		return 1;
	}
	/* a number: -?digits[.digits][e[+-]digits] */
	if (*s == '-')
		s++;
	if (!isdigit((unsigned char)*s) && !(*s == '.' && isdigit((unsigned char)s[1])))
		return 0;
	s += strspn(s, "0123456789");
	if (*s == '.')
		s += 1 + strspn(s + 1, "0123456789");
	if ((*s == 'e' || *s == 'E') &&
	    (isdigit((unsigned char)s[1]) || (strchr("+-", s[1]) && isdigit((unsigned char)s[2]))))
		s += 2 + strspn(s + 2, "0123456789");
	if (*s)
		return 0;
	*value = text;
	return 1;
}
