/*
 * hcleval: evaluating HCL expressions the way Atlas does for schema files and atlas.hcl.
 *
 * A document is the top-level items of one or more files (struct hcl_body). Expressions
 * are evaluated in a scope: the chain of blocks that encloses the attribute, innermost
 * last. References walk outward through that chain: inside table "t", 'column.id' is t's
 * column; 'table.t.column.id', 'schema.public', 'enum.coin' start from the top level.
 * A reference that ends at a block is a HV_REF to that block; one that goes on to a name
 * that is an attribute of the block evaluates that attribute; '.name' is the label.
 *
 * Invariants: values live in the context's arena. The evaluator never guesses: an unknown
 * variable, function, attribute or block is an error at its position.
 */
#ifndef MIGKIT_HCLEVAL_H
#define MIGKIT_HCLEVAL_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "hcl.h"

enum hcl_vkind {
	HV_NULL,
	HV_BOOL,
	HV_NUMBER,
	HV_STRING,
	HV_LIST,
	HV_OBJECT,
	HV_REF,	 /* a block: ref.block, inside ref.parent (NULL at top level) */
	HV_RAW,	 /* sql("..."): raw SQL text in s */
	HV_TYPE, /* in a type scope: a type name (s) with optional arguments (v, n) */
};

struct hcl_value {
	enum hcl_vkind kind;
	struct hcl_pos pos; /* where the value's expression starts */
	int b;
	double num;
	const char *numtext; /* HV_NUMBER as written, or as printed for computed numbers */
	const char *s;	     /* HV_STRING, HV_RAW, HV_TYPE (name) */
	size_t slen;
	struct hcl_value **v; /* HV_LIST items, HV_OBJECT values, HV_TYPE arguments */
	const char **keys;    /* HV_OBJECT */
	size_t n;
	int called; /* HV_TYPE written as a call, even with no arguments: varchar() */
	struct {
		const struct hcl_item *block, *parent;
	} ref;
};

/* One entry of the scope chain: a block and the one that holds it. */
struct hcl_scope {
	const struct hcl_item *block;
	const struct hcl_scope *up;
};

struct hcl_var {
	const char *name;
	struct hcl_value *val;
};

struct hcl_ctx {
	struct arena *a;
	const struct hcl_body *doc;
	struct hcl_var *vars; /* var.* */
	size_t nvars, capvars;
	const struct hcl_item **locals; /* locals blocks */
	size_t nlocals, caplocals;
	/* Evaluation state for one attribute, set by the caller: */
	int type_scope;		       /* bare identifiers and calls are types (column.type) */
	const char *const *idents;     /* extra bare identifiers that stand for their spelling,
					  NULL-terminated; "*" admits any bare identifier */
	int depth;		       /* recursion guard */
	const struct hcl_item **index; /* top-level one-label blocks by (type, label) */
	size_t index_cap;
};

/*
 * Prepares ctx over doc: reads its variable blocks, binds the inputs (name=value strings,
 * converted to the declared type; a missing value without a default is an error), and
 * remembers its locals blocks. inputs may be NULL.
 */
int hcl_ctx_init(struct hcl_ctx *cx, struct arena *a, const struct hcl_body *doc,
		 const char *const *inputs, size_t ninputs, struct diag *d);

/* Evaluates e, written in item at (for messages), in scope sc (may be NULL). */
int hcl_eval(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
	     const struct hcl_expr *e, struct hcl_value **out, struct diag *d);

/*
 * The first top-level block of this type with this one label, through a hash index built
 * on first use; NULL when there is none or memory ran out (a caller that knows the block
 * exists treats NULL as out of memory).
 */
const struct hcl_item *hcl_lookup(struct hcl_ctx *cx, const char *type, const char *label);

/* The attribute named name in block's body, or NULL. */
const struct hcl_item *hcl_attr(const struct hcl_item *block, const char *name);

/* "string", "number", "bool", "list", "object", "reference", "sql()", "type", "null" */
const char *hcl_vkind_name(enum hcl_vkind k);

#endif
