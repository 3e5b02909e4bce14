/* hcl_eval: expressions to values, references resolved against the document. */
#include "hcleval.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define MAX_DEPTH 64

static struct hcl_value *new_value(struct hcl_ctx *cx, enum hcl_vkind k, struct hcl_pos pos)
{
	struct hcl_value *v = arena_alloc(cx->a, sizeof(*v));

	if (v) {
		v->kind = k;
		v->pos = pos;
	}
	return v;
}

static struct hcl_value *new_string(struct hcl_ctx *cx, struct hcl_pos pos, const char *s, size_t n)
{
	struct hcl_value *v = new_value(cx, HV_STRING, pos);

	if (v && !(v->s = arena_strndup(cx->a, s, n)))
		return NULL;
	if (v)
		v->slen = n;
	return v;
}

static struct hcl_value *new_number(struct hcl_ctx *cx, struct hcl_pos pos, double x)
{
	struct hcl_value *v = new_value(cx, HV_NUMBER, pos);

	if (!v)
		return NULL;
	v->num = x;
	if (x == floor(x) && fabs(x) < 1e15)
		v->numtext = arena_printf(cx->a, "%.0f", x);
	else
		v->numtext = arena_printf(cx->a, "%.17g", x);
	return v->numtext ? v : NULL;
}

const char *hcl_vkind_name(enum hcl_vkind k)
{
	switch (k) {
	case HV_NULL:
		return "null";
	case HV_BOOL:
		return "bool";
	case HV_NUMBER:
		return "number";
	case HV_STRING:
		return "string";
	case HV_LIST:
		return "list";
	case HV_OBJECT:
		return "object";
	case HV_REF:
		return "reference";
	case HV_RAW:
		return "sql()";
	case HV_TYPE:
		return "type";
	}
	return "value";
}

const struct hcl_item *hcl_attr(const struct hcl_item *block, const char *name)
{
	for (size_t i = 0; i < block->body.n; i++)
		if (block->body.v[i].kind == HI_ATTR && strcmp(block->body.v[i].name, name) == 0)
			return &block->body.v[i];
	return NULL;
}

static int has_blocks(const struct hcl_body *b, const char *type)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].kind == HI_BLOCK && strcmp(b->v[i].name, type) == 0)
			return 1;
	return 0;
}

static int is_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* A step's key: the attribute name, or the string (or integer) an index evaluates to. */
static int step_key(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
		    const struct hcl_step *st, const char **key, struct diag *d)
{
	struct hcl_value *v;

	if (st->kind == HS_ATTR) {
		*key = st->name;
		return 0;
	}
	if (hcl_eval(cx, at, sc, st->index, &v, d))
		return -1;
	if (v->kind == HV_STRING)
		*key = v->s;
	else if (v->kind == HV_NUMBER)
		*key = v->numtext;
	else
		return hcl_error(d, at, st->pos, "an index must be a string or a number, not %s",
				 hcl_vkind_name(v->kind));
	return 0;
}

static int apply_steps(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
		       const struct hcl_step *steps, size_t n, struct hcl_value **val,
		       struct diag *d);

/* An expression Atlas can evaluate without any variable: literals, lists and objects of them. */
static int is_constant(const struct hcl_expr *e)
{
	switch (e->kind) {
	case HE_NULL:
	case HE_BOOL:
	case HE_NUMBER:
		return 1;
	case HE_TEMPLATE:
		for (size_t i = 0; i < e->u.tmpl.n; i++)
			if (!e->u.tmpl.v[i].lit)
				return 0;
		return 1;
	case HE_TUPLE:
		for (size_t i = 0; i < e->u.tuple.n; i++)
			if (!is_constant(e->u.tuple.v[i]))
				return 0;
		return 1;
	case HE_UNARY:
		return is_constant(e->u.unary.x);
	case HE_PAREN:
		return is_constant(e->u.paren);
	default:
		return 0;
	}
}

static int eval_block_ref(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
			  const struct hcl_item *block, const struct hcl_item *parent,
			  const struct hcl_step *steps, size_t n, struct hcl_value **out,
			  struct diag *d);

/*
 * Selects a block of type 'type' from body by the steps' labels: one label, or qualifier
 * then name, or a number among unlabeled blocks. *used says how many steps were taken.
 */
static uint64_t fnv(const char *type, const char *label)
{
	uint64_t h = 1469598103934665603u;

	for (const char *p = type; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	h = (h ^ 1) * 1099511628211u;
	for (const char *p = label; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	return h;
}

static const struct hcl_item lookup_nomem;

/* The one-label top-level block of this type and label, via an index built on first use. */
static const struct hcl_item *doc_lookup(struct hcl_ctx *cx, const char *type, const char *label)
{
	size_t mask;

	if (!cx->index) {
		size_t cap = 16;

		while (cap < 2 * cx->doc->n + 2)
			cap *= 2;
		cx->index = arena_alloc(cx->a, cap * sizeof(*cx->index));
		if (!cx->index)
			return &lookup_nomem;
		cx->index_cap = cap;
		for (size_t i = 0; i < cx->doc->n; i++) {
			const struct hcl_item *b = &cx->doc->v[i];
			size_t k;

			if (b->kind != HI_BLOCK || b->nlabels != 1)
				continue;
			/* The first of two blocks with one name wins, as a scan would find it. */
			for (k = fnv(b->name, b->labels[0]) & (cap - 1); cx->index[k];
			     k = (k + 1) & (cap - 1))
				if (strcmp(cx->index[k]->name, b->name) == 0 &&
				    strcmp(cx->index[k]->labels[0], b->labels[0]) == 0)
					break;
			if (!cx->index[k])
				cx->index[k] = b;
		}
	}
	mask = cx->index_cap - 1;
	for (size_t k = fnv(type, label) & mask; cx->index[k]; k = (k + 1) & mask)
		if (strcmp(cx->index[k]->name, type) == 0 &&
		    strcmp(cx->index[k]->labels[0], label) == 0)
			return cx->index[k];
	return NULL;
}

const struct hcl_item *hcl_lookup(struct hcl_ctx *cx, const char *type, const char *label)
{
	const struct hcl_item *b = doc_lookup(cx, type, label);

	return b == &lookup_nomem ? NULL : b;
}

static int select_block(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
			const struct hcl_body *body, const char *type, const struct hcl_step *steps,
			size_t n, struct hcl_pos tpos, const struct hcl_item **out, size_t *used,
			struct diag *d)
{
	const char *k1, *k2 = NULL;
	size_t unlabeled = 0;

	if (n == 0)
		return hcl_error(d, at, tpos,
				 "invalid reference: '%s' names a kind of block, not a block; "
				 "write %s.<name>",
				 type, type);
	if (step_key(cx, at, sc, &steps[0], &k1, d))
		return -1;
	if (body == cx->doc) {
		/* The top level can hold thousands of tables: look one-label blocks up by hash. */
		const struct hcl_item *b = doc_lookup(cx, type, k1);

		if (b == &lookup_nomem)
			return diag_nomem(d);
		if (b) {
			*out = b;
			*used = 1;
			return 0;
		}
	} else {
		for (size_t i = 0; i < body->n; i++) {
			const struct hcl_item *b = &body->v[i];

			if (b->kind != HI_BLOCK || strcmp(b->name, type) != 0)
				continue;
			if (b->nlabels == 1 && strcmp(b->labels[0], k1) == 0) {
				*out = b;
				*used = 1;
				return 0;
			}
		}
	}
	for (size_t i = 0; i < body->n; i++) {
		const struct hcl_item *b = &body->v[i];

		if (b->kind != HI_BLOCK || strcmp(b->name, type) != 0 || b->nlabels != 2 ||
		    strcmp(b->labels[0], k1) != 0)
			continue;
		if (n < 2)
			return hcl_error(d, at, steps[0].pos,
					 "'%s.%s' is a qualifier; name the %s after it", type, k1,
					 type);
		if (!k2 && step_key(cx, at, sc, &steps[1], &k2, d))
			return -1;
		if (strcmp(b->labels[1], k2) == 0) {
			*out = b;
			*used = 2;
			return 0;
		}
	}
	if (is_digits(k1)) {
		long want = strtol(k1, NULL, 10);

		for (size_t i = 0; i < body->n; i++) {
			const struct hcl_item *b = &body->v[i];

			if (b->kind == HI_BLOCK && strcmp(b->name, type) == 0 && b->nlabels == 0 &&
			    (long)unlabeled++ == want) {
				*out = b;
				*used = 1;
				return 0;
			}
		}
	}
	return hcl_error(d, at, steps[0].pos, "unknown %s '%s'", type, k2 ? k2 : k1);
}

static int eval_block_ref(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
			  const struct hcl_item *block, const struct hcl_item *parent,
			  const struct hcl_step *steps, size_t n, struct hcl_value **out,
			  struct diag *d)
{
	struct hcl_scope outer = { parent, NULL }, inner = { block, parent ? &outer : NULL };
	const struct hcl_item *attr;
	const char *key;
	struct hcl_value *v;
	size_t used;

	if (n == 0) {
		v = new_value(cx, HV_REF, block->pos);
		if (!v)
			return diag_nomem(d);
		v->ref.block = block;
		v->ref.parent = parent;
		*out = v;
		return 0;
	}
	if (step_key(cx, at, sc, &steps[0], &key, d))
		return -1;
	if (has_blocks(&block->body, key)) {
		const struct hcl_item *child;

		if (select_block(cx, at, sc, &block->body, key, steps + 1, n - 1, steps[0].pos,
				 &child, &used, d))
			return -1;
		return eval_block_ref(cx, at, sc, child, block, steps + 1 + used, n - 1 - used, out,
				      d);
	}
	attr = hcl_attr(block, key);
	if (attr && !is_constant(attr->expr))
		return hcl_error(
			d, at, steps[0].pos,
			"%s '%s': attribute '%s' is not a constant and cannot be referenced "
			"(Atlas reads only constant attributes of other blocks)",
			block->name, block->nlabels ? block->labels[block->nlabels - 1] : "", key);
	if (attr) {
		if (++cx->depth > MAX_DEPTH)
			return hcl_error(d, at, steps[0].pos, "reference cycle through '%s'", key);
		if (hcl_eval(cx, attr, &inner, attr->expr, &v, d))
			return -1;
		cx->depth--;
	} else if (strcmp(key, "name") == 0 && block->nlabels > 0) {
		const char *l = block->labels[block->nlabels - 1];

		v = new_string(cx, steps[0].pos, l, strlen(l));
		if (!v)
			return diag_nomem(d);
	} else {
		return hcl_error(d, at, steps[0].pos, "%s '%s' has no attribute or block '%s'",
				 block->name,
				 block->nlabels ? block->labels[block->nlabels - 1] : "", key);
	}
	return apply_steps(cx, at, sc, steps + 1, n - 1, &v, d) ? -1 : (*out = v, 0);
}

static int apply_steps(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
		       const struct hcl_step *steps, size_t n, struct hcl_value **val,
		       struct diag *d)
{
	for (size_t i = 0; i < n; i++) {
		struct hcl_value *v = *val;
		const char *key;

		if (v->kind == HV_REF)
			return eval_block_ref(cx, at, sc, v->ref.block, v->ref.parent, steps + i,
					      n - i, val, d);
		if (step_key(cx, at, sc, &steps[i], &key, d))
			return -1;
		if (v->kind == HV_LIST && is_digits(key)) {
			size_t k = (size_t)strtoul(key, NULL, 10);

			if (k >= v->n)
				return hcl_error(d, at, steps[i].pos,
						 "index %zu out of range (the list has %zu)", k,
						 v->n);
			*val = v->v[k];
			continue;
		}
		if (v->kind == HV_OBJECT) {
			size_t k;

			for (k = 0; k < v->n; k++)
				if (strcmp(v->keys[k], key) == 0)
					break;
			if (k == v->n)
				return hcl_error(d, at, steps[i].pos, "the object has no key '%s'",
						 key);
			*val = v->v[k];
			continue;
		}
		return hcl_error(d, at, steps[i].pos, "cannot take '%s' of a %s", key,
				 hcl_vkind_name(v->kind));
	}
	return 0;
}

static int lookup_local(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_step *st,
			struct hcl_value **out, struct diag *d)
{
	for (size_t i = 0; i < cx->nlocals; i++) {
		const struct hcl_item *a = hcl_attr(cx->locals[i], st->name);

		if (!a)
			continue;
		if (++cx->depth > MAX_DEPTH)
			return hcl_error(d, at, st->pos, "cyclic reference to 'local.%s'",
					 st->name);
		if (hcl_eval(cx, a, NULL, a->expr, out, d))
			return -1;
		cx->depth--;
		return 0;
	}
	return hcl_error(d, at, st->pos, "unknown local 'local.%s'", st->name);
}

static int eval_traversal(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
			  const struct hcl_expr *e, struct hcl_value **out, struct diag *d)
{
	const char *root = e->u.trav.root;
	const struct hcl_step *steps = e->u.trav.steps;
	size_t n = e->u.trav.n, used;
	const struct hcl_item *parent = NULL, *block;
	const struct hcl_body *container = NULL;
	struct hcl_value *v;

	if (n == 0 && cx->idents) {
		char list[512] = "";

		for (const char *const *id = cx->idents; *id; id++) {
			if (strcmp(*id, root) == 0 || strcmp(*id, "*") == 0) {
				*out = new_string(cx, e->pos, root, strlen(root));
				return *out ? 0 : diag_nomem(d);
			}
			if (strlen(list) + strlen(*id) + 3 < sizeof(list))
				snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
					 list[0] ? ", " : "", *id);
		}
		if (strcmp(root, "var") != 0 && strcmp(root, "local") != 0)
			return hcl_error(d, at, e->pos, "unknown value '%s' for %s (one of: %s)",
					 root, at ? at->name : "this attribute", list);
	}
	if (n == 0 && cx->type_scope) {
		v = new_value(cx, HV_TYPE, e->pos);
		if (!v)
			return diag_nomem(d);
		v->s = root;
		*out = v;
		return 0;
	}
	if (strcmp(root, "var") == 0 && n > 0 && steps[0].kind == HS_ATTR) {
		for (size_t i = 0; i < cx->nvars; i++)
			if (strcmp(cx->vars[i].name, steps[0].name) == 0) {
				v = cx->vars[i].val;
				if (apply_steps(cx, at, sc, steps + 1, n - 1, &v, d))
					return -1;
				*out = v;
				return 0;
			}
		return hcl_error(d, at, steps[0].pos,
				 "unknown variable 'var.%s' (no variable block)", steps[0].name);
	}
	if (strcmp(root, "local") == 0 && n > 0 && steps[0].kind == HS_ATTR) {
		if (lookup_local(cx, at, &steps[0], &v, d) ||
		    apply_steps(cx, at, sc, steps + 1, n - 1, &v, d))
			return -1;
		*out = v;
		return 0;
	}
	for (const struct hcl_scope *s = sc; s && !container; s = s->up)
		if (s->block && has_blocks(&s->block->body, root)) {
			container = &s->block->body;
			parent = s->block;
		}
	if (!container && has_blocks(cx->doc, root))
		container = cx->doc;
	if (!container)
		return hcl_error(d, at, e->pos, "unknown variable '%s'", root);
	if (select_block(cx, at, sc, container, root, steps, n, e->pos, &block, &used, d))
		return -1;
	return eval_block_ref(cx, at, sc, block, parent, steps + used, n - used, out, d);
}

static int want_kind(const struct hcl_item *at, const struct hcl_value *v, enum hcl_vkind k,
		     const char *what, struct diag *d)
{
	if (v->kind != k)
		return hcl_error(d, at, v->pos, "%s must be a %s, not %s", what, hcl_vkind_name(k),
				 hcl_vkind_name(v->kind));
	return 0;
}

static int to_text(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_value *v,
		   struct buf *b, struct diag *d)
{
	(void)cx;
	switch (v->kind) {
	case HV_STRING:
		return buf_add(b, v->s, v->slen, d);
	case HV_NUMBER:
		return buf_adds(b, v->numtext, d);
	case HV_BOOL:
		return buf_adds(b, v->b ? "true" : "false", d);
	default:
		return hcl_error(d, at, v->pos, "cannot use a %s value in a string",
				 hcl_vkind_name(v->kind));
	}
}

static int eval_template(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
			 const struct hcl_expr *e, struct hcl_value **out, struct diag *d)
{
	struct buf b;
	int rc = 0;

	if (e->u.tmpl.n == 1 && e->u.tmpl.v[0].lit) {
		*out = new_string(cx, e->pos, e->u.tmpl.v[0].lit, e->u.tmpl.v[0].litlen);
		return *out ? 0 : diag_nomem(d);
	}
	buf_init(&b, 0);
	for (size_t i = 0; i < e->u.tmpl.n && rc == 0; i++) {
		const struct hcl_part *p = &e->u.tmpl.v[i];
		struct hcl_value *v;

		if (p->lit)
			rc = buf_add(&b, p->lit, p->litlen, d);
		else
			rc = hcl_eval(cx, at, sc, p->expr, &v, d) || to_text(cx, at, v, &b, d);
	}
	if (rc == 0) {
		*out = new_string(cx, e->pos, b.data ? b.data : "", b.len);
		if (!*out)
			rc = diag_nomem(d);
	}
	buf_release(&b);
	return rc ? -1 : 0;
}

static int values_equal(const struct hcl_value *x, const struct hcl_value *y)
{
	if (x->kind != y->kind)
		return 0;
	switch (x->kind) {
	case HV_NULL:
		return 1;
	case HV_BOOL:
		return x->b == y->b;
	case HV_NUMBER:
		return x->num == y->num;
	case HV_STRING:
	case HV_RAW:
		return x->slen == y->slen && memcmp(x->s, y->s, x->slen) == 0;
	case HV_REF:
		return x->ref.block == y->ref.block;
	case HV_LIST:
	case HV_OBJECT:
	case HV_TYPE:
		if (x->n != y->n)
			return 0;
		for (size_t i = 0; i < x->n; i++)
			if (!values_equal(x->v[i], y->v[i]) ||
			    (x->keys && strcmp(x->keys[i], y->keys[i]) != 0))
				return 0;
		return x->kind != HV_TYPE || strcmp(x->s, y->s) == 0;
	}
	return 0;
}

static int eval_binary(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
		       const struct hcl_expr *e, struct hcl_value **out, struct diag *d)
{
	enum hcl_tok op = e->u.binary.op;
	struct hcl_value *l, *r, *v;
	double x, y, z = 0;

	if (hcl_eval(cx, at, sc, e->u.binary.l, &l, d))
		return -1;
	if (op == HT_AND || op == HT_OR) {
		if (want_kind(at, l, HV_BOOL, "the operand of a logical operator", d))
			return -1;
		if ((op == HT_AND && !l->b) || (op == HT_OR && l->b)) {
			*out = l;
			return 0;
		}
		if (hcl_eval(cx, at, sc, e->u.binary.r, &r, d) ||
		    want_kind(at, r, HV_BOOL, "the operand of a logical operator", d))
			return -1;
		*out = r;
		return 0;
	}
	if (hcl_eval(cx, at, sc, e->u.binary.r, &r, d))
		return -1;
	if (op == HT_EQEQ || op == HT_NOTEQ) {
		v = new_value(cx, HV_BOOL, e->pos);
		if (!v)
			return diag_nomem(d);
		v->b = values_equal(l, r) == (op == HT_EQEQ);
		*out = v;
		return 0;
	}
	if (want_kind(at, l, HV_NUMBER, "an arithmetic or comparison operand", d) ||
	    want_kind(at, r, HV_NUMBER, "an arithmetic or comparison operand", d))
		return -1;
	x = l->num;
	y = r->num;
	switch (op) {
	case HT_LT:
	case HT_GT:
	case HT_LE:
	case HT_GE:
		v = new_value(cx, HV_BOOL, e->pos);
		if (!v)
			return diag_nomem(d);
		v->b = op == HT_LT ? x < y : op == HT_GT ? x > y : op == HT_LE ? x <= y : x >= y;
		*out = v;
		return 0;
	case HT_PLUS:
		z = x + y;
		break;
	case HT_MINUS:
		z = x - y;
		break;
	case HT_STAR:
		z = x * y;
		break;
	case HT_SLASH:
	case HT_PERCENT:
		if (y == 0)
			return hcl_error(d, at, e->u.binary.r->pos, "division by zero");
		z = op == HT_SLASH ? x / y : fmod(x, y);
		break;
	default:
		return hcl_error(d, at, e->pos, "unsupported operator %s", hcl_tok_name(op));
	}
	*out = new_number(cx, e->pos, z);
	return *out ? 0 : diag_nomem(d);
}

/* Functions: sql() and the few of Atlas's standard library that config files use. */
static int eval_call(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
		     const struct hcl_expr *e, struct hcl_value **out, struct diag *d)
{
	const char *f = e->u.call.name;
	size_t n = e->u.call.n;
	struct hcl_value **args, *v;
	int type_scope = cx->type_scope;
	const char *const *idents = cx->idents;

	args = arena_alloc(cx->a, (n ? n : 1) * sizeof(*args));
	if (!args)
		return diag_nomem(d);
	/* Arguments are ordinary expressions, even inside a type. */
	cx->type_scope = 0;
	cx->idents = NULL;
	for (size_t i = 0; i < n; i++)
		if (hcl_eval(cx, at, sc, e->u.call.args[i], &args[i], d)) {
			cx->type_scope = type_scope;
			cx->idents = idents;
			return -1;
		}
	cx->type_scope = type_scope;
	cx->idents = idents;

#define ARITY(k)                                                                                \
	do {                                                                                    \
		if (n != (k))                                                                   \
			return hcl_error(d, at, e->pos, "%s() takes %d argument%s, not %zu", f, \
					 (k), (k) == 1 ? "" : "s", n);                          \
	} while (0)

	if (strcmp(f, "sql") == 0) {
		ARITY(1);
		if (want_kind(at, args[0], HV_STRING, "the argument of sql()", d))
			return -1;
		if (args[0]->slen == 0)
			return hcl_error(d, at, args[0]->pos, "sql(): empty expression");
		v = new_value(cx, HV_RAW, e->pos);
		if (!v)
			return diag_nomem(d);
		v->s = args[0]->s;
		v->slen = args[0]->slen;
		*out = v;
		return 0;
	}
	if (cx->type_scope) {
		v = new_value(cx, HV_TYPE, e->pos);
		if (!v)
			return diag_nomem(d);
		v->s = f;
		v->v = args;
		v->n = n;
		v->called = 1;
		*out = v;
		return 0;
	}
	if (strcmp(f, "getenv") == 0) {
		const char *s;

		ARITY(1);
		if (want_kind(at, args[0], HV_STRING, "the argument of getenv()", d))
			return -1;
		s = getenv(args[0]->s);
		*out = new_string(cx, e->pos, s ? s : "", s ? strlen(s) : 0);
		return *out ? 0 : diag_nomem(d);
	}
	if (strcmp(f, "lower") == 0 || strcmp(f, "upper") == 0 || strcmp(f, "trimspace") == 0) {
		size_t a0 = 0, b0;

		ARITY(1);
		if (want_kind(at, args[0], HV_STRING, "the argument", d))
			return -1;
		v = new_string(cx, e->pos, args[0]->s, args[0]->slen);
		if (!v)
			return diag_nomem(d);
		b0 = v->slen;
		for (size_t i = 0; i < v->slen; i++) {
			char *c = (char *)&v->s[i];

			if (f[0] == 'l' && *c >= 'A' && *c <= 'Z')
				*c = (char)(*c - 'A' + 'a');
			else if (f[0] == 'u' && *c >= 'a' && *c <= 'z')
				*c = (char)(*c - 'a' + 'A');
		}
		if (f[0] == 't') {
			while (a0 < b0 && strchr(" \t\r\n", v->s[a0]))
				a0++;
			while (b0 > a0 && strchr(" \t\r\n", v->s[b0 - 1]))
				b0--;
			v = new_string(cx, e->pos, v->s + a0, b0 - a0);
			if (!v)
				return diag_nomem(d);
		}
		*out = v;
		return 0;
	}
	if (strcmp(f, "join") == 0) {
		struct buf b;
		int rc = 0;

		ARITY(2);
		if (want_kind(at, args[0], HV_STRING, "the separator of join()", d) ||
		    want_kind(at, args[1], HV_LIST, "the second argument of join()", d))
			return -1;
		buf_init(&b, 0);
		for (size_t i = 0; i < args[1]->n && rc == 0; i++)
			rc = (i && buf_add(&b, args[0]->s, args[0]->slen, d)) ||
			     to_text(cx, at, args[1]->v[i], &b, d);
		if (rc == 0 && !(*out = new_string(cx, e->pos, b.data ? b.data : "", b.len)))
			rc = diag_nomem(d);
		buf_release(&b);
		return rc ? -1 : 0;
	}
	if (strcmp(f, "concat") == 0) {
		size_t cap = 0;

		v = new_value(cx, HV_LIST, e->pos);
		if (!v)
			return diag_nomem(d);
		for (size_t i = 0; i < n; i++) {
			if (want_kind(at, args[i], HV_LIST, "each argument of concat()", d))
				return -1;
			for (size_t k = 0; k < args[i]->n; k++) {
				struct hcl_value **slot = arena_push(cx->a, (void **)&v->v, &v->n,
								     &cap, sizeof(*slot));

				if (!slot)
					return diag_nomem(d);
				*slot = args[i]->v[k];
			}
		}
		*out = v;
		return 0;
	}
	if (strcmp(f, "length") == 0) {
		ARITY(1);
		if (args[0]->kind != HV_LIST && args[0]->kind != HV_OBJECT &&
		    args[0]->kind != HV_STRING)
			return hcl_error(d, at, args[0]->pos,
					 "length() needs a list, object or string");
		*out = new_number(
			cx, e->pos,
			(double)(args[0]->kind == HV_STRING ? args[0]->slen : args[0]->n));
		return *out ? 0 : diag_nomem(d);
	}
	if (strcmp(f, "tostring") == 0) {
		struct buf b;
		int rc;

		ARITY(1);
		buf_init(&b, 0);
		rc = to_text(cx, at, args[0], &b, d);
		if (rc == 0 && !(*out = new_string(cx, e->pos, b.data ? b.data : "", b.len)))
			rc = diag_nomem(d);
		buf_release(&b);
		return rc ? -1 : 0;
	}
	if (strcmp(f, "tonumber") == 0) {
		char *end;
		double x;

		ARITY(1);
		if (args[0]->kind == HV_NUMBER) {
			*out = args[0];
			return 0;
		}
		if (want_kind(at, args[0], HV_STRING, "the argument of tonumber()", d))
			return -1;
		x = strtod(args[0]->s, &end);
		if (end == args[0]->s || *end)
			return hcl_error(d, at, args[0]->pos, "tonumber(): '%s' is not a number",
					 args[0]->s);
		*out = new_number(cx, e->pos, x);
		return *out ? 0 : diag_nomem(d);
	}
	if (strcmp(f, "coalesce") == 0) {
		for (size_t i = 0; i < n; i++)
			if (args[i]->kind != HV_NULL &&
			    !(args[i]->kind == HV_STRING && args[i]->slen == 0)) {
				*out = args[i];
				return 0;
			}
		return hcl_error(d, at, e->pos, "coalesce(): no non-null, non-empty argument");
	}
	return hcl_error(d, at, e->pos, "function '%s' is not supported", f);
#undef ARITY
}

int hcl_eval(struct hcl_ctx *cx, const struct hcl_item *at, const struct hcl_scope *sc,
	     const struct hcl_expr *e, struct hcl_value **out, struct diag *d)
{
	struct hcl_value *v, *x;
	size_t cap = 0;

	switch (e->kind) {
	case HE_NULL:
		v = new_value(cx, HV_NULL, e->pos);
		break;
	case HE_BOOL:
		v = new_value(cx, HV_BOOL, e->pos);
		if (v)
			v->b = e->u.b;
		break;
	case HE_NUMBER:
		v = new_value(cx, HV_NUMBER, e->pos);
		if (v) {
			v->num = e->u.num.val;
			v->numtext = e->u.num.text;
		}
		break;
	case HE_TEMPLATE:
		return eval_template(cx, at, sc, e, out, d);
	case HE_TUPLE:
		v = new_value(cx, HV_LIST, e->pos);
		if (!v)
			return diag_nomem(d);
		for (size_t i = 0; i < e->u.tuple.n; i++) {
			struct hcl_value **slot;
			int ts = cx->type_scope;

			cx->type_scope = 0;
			if (hcl_eval(cx, at, sc, e->u.tuple.v[i], &x, d)) {
				cx->type_scope = ts;
				return -1;
			}
			cx->type_scope = ts;
			slot = arena_push(cx->a, (void **)&v->v, &v->n, &cap, sizeof(*slot));
			if (!slot)
				return diag_nomem(d);
			*slot = x;
		}
		break;
	case HE_OBJECT:
		v = new_value(cx, HV_OBJECT, e->pos);
		if (!v)
			return diag_nomem(d);
		v->n = e->u.obj.n;
		v->v = arena_alloc(cx->a, (v->n ? v->n : 1) * sizeof(*v->v));
		v->keys = arena_alloc(cx->a, (v->n ? v->n : 1) * sizeof(*v->keys));
		if (!v->v || !v->keys)
			return diag_nomem(d);
		for (size_t i = 0; i < e->u.obj.n; i++) {
			const struct hcl_expr *k = e->u.obj.keys[i];

			if (k->kind == HE_TRAVERSAL && k->u.trav.n == 0) {
				v->keys[i] = k->u.trav.root;
			} else {
				if (hcl_eval(cx, at, sc, k, &x, d))
					return -1;
				if (x->kind != HV_STRING)
					return hcl_error(d, at, k->pos,
							 "object keys must be strings");
				v->keys[i] = x->s;
			}
			for (size_t j = 0; j < i; j++)
				if (strcmp(v->keys[j], v->keys[i]) == 0)
					return hcl_error(d, at, k->pos, "duplicate object key '%s'",
							 v->keys[i]);
			if (hcl_eval(cx, at, sc, e->u.obj.vals[i], &v->v[i], d))
				return -1;
		}
		break;
	case HE_CALL:
		return eval_call(cx, at, sc, e, out, d);
	case HE_TRAVERSAL:
		/* The value is a copy placed where the reference is written, for messages. */
		if (eval_traversal(cx, at, sc, e, &x, d))
			return -1;
		v = new_value(cx, x->kind, e->pos);
		if (!v)
			return diag_nomem(d);
		*v = *x;
		v->pos = e->pos;
		break;
	case HE_PAREN:
		return hcl_eval(cx, at, sc, e->u.paren, out, d);
	case HE_UNARY:
		if (hcl_eval(cx, at, sc, e->u.unary.x, &x, d))
			return -1;
		if (e->u.unary.op == HT_BANG) {
			if (want_kind(at, x, HV_BOOL, "the operand of '!'", d))
				return -1;
			v = new_value(cx, HV_BOOL, e->pos);
			if (v)
				v->b = !x->b;
			break;
		}
		if (want_kind(at, x, HV_NUMBER, "the operand of '-'", d))
			return -1;
		v = new_value(cx, HV_NUMBER, e->pos);
		if (v) {
			v->num = -x->num;
			v->numtext = x->numtext[0] == '-' ? x->numtext + 1
							  : arena_printf(cx->a, "-%s", x->numtext);
		}
		break;
	case HE_BINARY:
		return eval_binary(cx, at, sc, e, out, d);
	case HE_COND:
		if (hcl_eval(cx, at, sc, e->u.cond.c, &x, d) ||
		    want_kind(at, x, HV_BOOL, "the condition of '? :'", d))
			return -1;
		return hcl_eval(cx, at, sc, x->b ? e->u.cond.t : e->u.cond.f, out, d);
	default:
		return hcl_error(d, at, e->pos, "unsupported expression");
	}
	if (!v)
		return diag_nomem(d);
	*out = v;
	return 0;
}

/* Variables: the declared type of a variable block, from its 'type' expression. */
static const char *var_type(const struct hcl_item *blk)
{
	const struct hcl_item *t = hcl_attr(blk, "type");

	if (!t)
		return "any";
	if (t->expr->kind == HE_TEMPLATE)
		return NULL; /* quoted: not a type */
	if (t->expr->kind == HE_TRAVERSAL && t->expr->u.trav.n == 0)
		return t->expr->u.trav.root;
	if (t->expr->kind == HE_CALL)
		return t->expr->u.call.name; /* list, set, map, ... */
	return "?";
}

static int convert_input(struct hcl_ctx *cx, const struct hcl_item *blk, const char *type,
			 const char *text, struct hcl_value **out, struct diag *d)
{
	struct hcl_value *v;
	struct hcl_pos pos = blk->pos;

	if (strcmp(type, "string") == 0 || strcmp(type, "any") == 0) {
		v = new_string(cx, pos, text, strlen(text));
	} else if (strcmp(type, "bool") == 0) {
		if (strcmp(text, "true") != 0 && strcmp(text, "false") != 0)
			return hcl_error(d, blk, pos, "variable '%s': a bool is required, not '%s'",
					 blk->labels[0], text);
		v = new_value(cx, HV_BOOL, pos);
		if (v)
			v->b = text[0] == 't';
	} else if (strcmp(type, "number") == 0 || strcmp(type, "int") == 0) {
		char *end;
		double x = strtod(text, &end);

		if (end == text || *end)
			return hcl_error(d, blk, pos,
					 "variable '%s': a number is required, not '%s'",
					 blk->labels[0], text);
		v = new_number(cx, pos, x);
	} else if (strcmp(type, "list") == 0 || strcmp(type, "set") == 0) {
		v = new_value(cx, HV_LIST, pos);
		if (v) {
			v->v = arena_alloc(cx->a, sizeof(*v->v));
			if (!v->v || !(v->v[0] = new_string(cx, pos, text, strlen(text))))
				return diag_nomem(d);
			v->n = 1;
		}
	} else {
		return hcl_error(d, blk, pos, "variable '%s': type '%s' is not supported",
				 blk->labels[0], type);
	}
	if (!v)
		return diag_nomem(d);
	*out = v;
	return 0;
}

/* A default converted to the declared type, as Atlas (cty) converts it: "12" -> 12. */
static int convert_default(struct hcl_ctx *cx, const struct hcl_item *blk,
			   const struct hcl_item *def, const char *type, struct hcl_value **val,
			   struct diag *d)
{
	struct hcl_value *v = *val;
	int scalar = strcmp(type, "string") == 0 || strcmp(type, "bool") == 0 ||
		     strcmp(type, "number") == 0 || strcmp(type, "int") == 0;

	if (strcmp(type, "any") == 0 || v->kind == HV_NULL)
		return 0;
	if (scalar && v->kind == HV_STRING) {
		if (convert_input(cx, blk, type, v->s, val, d)) {
			/* Point at the default, where the wrong value is written. */
			d->line = def->expr->pos.line;
			d->col = def->expr->pos.col;
			diag_source(d, def->src, def->srclen, def->expr->pos.off);
			return -1;
		}
		return 0;
	}
	if (strcmp(type, "string") == 0 && (v->kind == HV_NUMBER || v->kind == HV_BOOL)) {
		*val = new_string(cx, v->pos,
				  v->kind == HV_NUMBER ? v->numtext
				  : v->b	       ? "true"
						       : "false",
				  strlen(v->kind == HV_NUMBER ? v->numtext
					 : v->b		      ? "true"
							      : "false"));
		return *val ? 0 : diag_nomem(d);
	}
	if ((strcmp(type, "bool") == 0 && v->kind != HV_BOOL) ||
	    ((strcmp(type, "number") == 0 || strcmp(type, "int") == 0) && v->kind != HV_NUMBER) ||
	    ((strcmp(type, "list") == 0 || strcmp(type, "set") == 0) && v->kind != HV_LIST) ||
	    (strcmp(type, "string") == 0 && v->kind != HV_STRING))
		return hcl_error(d, def, def->expr->pos,
				 "variable '%s': the default is a %s, not a %s", blk->labels[0],
				 hcl_vkind_name(v->kind), type);
	return 0;
}

int hcl_ctx_init(struct hcl_ctx *cx, struct arena *a, const struct hcl_body *doc,
		 const char *const *inputs, size_t ninputs, struct diag *d)
{
	memset(cx, 0, sizeof(*cx));
	cx->a = a;
	cx->doc = doc;
	for (size_t i = 0; i < doc->n; i++) {
		const struct hcl_item *it = &doc->v[i];

		if (it->kind == HI_BLOCK && strcmp(it->name, "locals") == 0) {
			const struct hcl_item **slot =
				arena_push(a, (void **)&cx->locals, &cx->nlocals, &cx->caplocals,
					   sizeof(*slot));
			if (!slot)
				return diag_nomem(d);
			*slot = it;
		}
	}
	for (size_t k = 0; k < ninputs; k++) {
		const char *eq = strchr(inputs[k], '=');
		size_t nl = eq ? (size_t)(eq - inputs[k]) : 0, i;

		if (!eq || nl == 0)
			return diag_set(d, DIAG_USAGE, NULL, 0, 0,
					"--var '%s': expected name=value", inputs[k]);
		for (i = 0; i < doc->n; i++) {
			const struct hcl_item *it = &doc->v[i];

			if (it->kind == HI_BLOCK && strcmp(it->name, "variable") == 0 &&
			    it->nlabels == 1 && strlen(it->labels[0]) == nl &&
			    memcmp(it->labels[0], inputs[k], nl) == 0)
				break;
		}
		if (i == doc->n)
			return diag_set(d, DIAG_USAGE, NULL, 0, 0,
					"--var '%.*s': no variable block declares it", (int)nl,
					inputs[k]);
	}
	for (size_t i = 0; i < doc->n; i++) {
		const struct hcl_item *it = &doc->v[i], *def;
		struct hcl_var *var;
		const char *input = NULL;

		if (it->kind != HI_BLOCK || strcmp(it->name, "variable") != 0)
			continue;
		if (it->nlabels != 1)
			return hcl_error(d, it, it->pos,
					 "a variable block takes one label, its name");
		for (size_t j = 0; j < cx->nvars; j++)
			if (strcmp(cx->vars[j].name, it->labels[0]) == 0)
				return hcl_error(d, it, it->pos, "variable '%s' declared twice",
						 it->labels[0]);
		for (size_t k = 0; k < ninputs; k++) {
			size_t nl = strlen(it->labels[0]);

			if (strncmp(inputs[k], it->labels[0], nl) == 0 && inputs[k][nl] == '=')
				input = inputs[k] + nl + 1; /* the last one given wins */
		}
		var = arena_push(a, (void **)&cx->vars, &cx->nvars, &cx->capvars, sizeof(*var));
		if (!var)
			return diag_nomem(d);
		var->name = it->labels[0];
		if (input) {
			if (!var_type(it))
				return hcl_error(
					d, hcl_attr(it, "type"), hcl_attr(it, "type")->expr->pos,
					"variable '%s': a type is written bare (string, number, "
					"bool, list(string)), not quoted",
					it->labels[0]);
			if (convert_input(cx, it, var_type(it), input, &var->val, d))
				return -1;
			continue;
		}
		if (!var_type(it))
			return hcl_error(
				d, hcl_attr(it, "type"), hcl_attr(it, "type")->expr->pos,
				"variable '%s': a type is written bare (string, number, bool, "
				"list(string)), not quoted",
				it->labels[0]);
		def = hcl_attr(it, "default");
		if (!def)
			return hcl_error(
				d, it, it->pos,
				"missing value for required variable '%s' (use --var %s=...)",
				it->labels[0], it->labels[0]);
		if (hcl_eval(cx, def, NULL, def->expr, &var->val, d) ||
		    convert_default(cx, it, def, var_type(it), &var->val, d))
			return -1;
	}
	return 0;
}
