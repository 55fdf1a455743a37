/* charging.c: the access network charging information of P-Charging-Vector
 * (TS 24.229 §7.2A.5): the list of bearers (pdp-info, eps-info, 5gs-info,
 * dsl-bearer-info) whose charging ids tie the IMS records to the packet
 * core's (TS 32.260, TS 29.214). */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/ims.h>
#include <imsreg/scan.h>

struct anci_names {
	const char *list, *item, *sig, *cid, *access;
};

static const struct anci_names anci_names[] = {
	[IMS_ANCI_GPRS] = { "pdp-info", "pdp-item", "pdp-sig", "gcid", "GPRS" },
	[IMS_ANCI_EPS] = { "eps-info", "eps-item", "eps-sig", "ecid", "EPS" },
	[IMS_ANCI_5GS] = { "5gs-info", "5gs-item", "5gs-sig", "5gscid", "5GS" },
	[IMS_ANCI_XDSL] = { "dsl-bearer-info", "dsl-bearer-item", "dsl-bearer-sig", "dslcid", "xDSL" },
};

enum ims_anci_kind ims_anci_kind_of(struct slice param)
{
	for (size_t k = IMS_ANCI_GPRS; k <= IMS_ANCI_XDSL; k++)
		if (slice_caseeq_cstr(param, anci_names[k].list))
			return (enum ims_anci_kind)k;
	return IMS_ANCI_NONE;
}

static void problem(struct ims_anci *a, const char *what)
{
	if (!a->problem)
		a->problem = what;
}

/* flow-id = "(" "{" 1*DIGIT COMMA 1*DIGIT "}" *(COMMA "{" 1*DIGIT COMMA
 * 1*DIGIT "}") ")": the pairs into it; false when s is not so. */
static bool flows_of(struct ims_anci_item *it, struct slice s)
{
	if (!s.len) /* also "flow-id" with no value (no pointer) */
		return false;
	const char *p = s.ptr, *e = s.ptr + s.len;
	if (*p++ != '(')
		return false;
	for (;;) {
		uint32_t pair[2];
		if (p == e || *p++ != '{')
			return false;
		for (int k = 0; k < 2; k++) {
			const char *d = p;
			while (p < e && *p >= '0' && *p <= '9')
				p++;
			if (slice_u32(slice_span(d, p), &pair[k]) < 0 || p == e || *p++ != (k ? '}' : ','))
				return false;
		}
		if (it->nflows < IMS_ANCI_MAX_FLOWS)
			it->flows[it->nflows++] = (struct ims_anci_flow){ pair[0], pair[1] };
		else
			it->flows_cut = true;
		if (p == e)
			return false;
		if (*p == ')')
			return p + 1 == e;
		if (*p++ != ',')
			return false;
	}
}

/* One item: params separated by ';'. */
static void item_read(struct ims_anci *a, const struct anci_names *nm, struct ims_anci_item *it,
		      struct slice s)
{
	*it = (struct ims_anci_item){ .sig = -1 };
	if (!s.len) {
		problem(a, "an empty item");
		return;
	}
	const char *p = s.ptr, *e = s.ptr + s.len;
	for (;;) {
		const char *q = memchr(p, ';', (size_t)(e - p));
		if (!q)
			q = e;
		struct slice param = slice_trim(slice_span(p, q)), name = param, value = SLICE_NULL;
		const char *eq = memchr(param.ptr, '=', param.len);
		if (eq) {
			name = slice_trim(slice_span(param.ptr, eq));
			value = slice_trim(slice_span(eq + 1, param.ptr + param.len));
		}
		if (!param.len)
			problem(a, "an empty parameter in an item (';' twice, or at an end)");
		else if (slice_caseeq_cstr(name, nm->item)) {
			if (slice_u32(value, &it->item) < 0)
				problem(a, "an item number that is not digits");
		} else if (slice_caseeq_cstr(name, nm->sig)) {
			if (slice_caseeq_cstr(value, "yes"))
				it->sig = 1;
			else if (slice_caseeq_cstr(value, "no"))
				it->sig = 0;
			else
				problem(a, "a signalling flag that is neither yes nor no");
		} else if (slice_caseeq_cstr(name, nm->cid)) {
			it->cid = value;
			bool hex = value.len > 0;
			uint64_t v = 0;
			for (size_t i = 0; i < value.len; i++) {
				int d = scan_hex_value((unsigned char)value.ptr[i]);
				if (d < 0)
					hex = false;
				else
					v = v << 4 | (unsigned)d;
			}
			if (!hex)
				problem(a, "a charging id that is not hexadecimal digits");
			it->cid_ok = hex && value.len <= 16;
			it->cid_value = it->cid_ok ? v : 0;
		} else if (slice_caseeq_cstr(name, "flow-id")) {
			if (!flows_of(it, value))
				problem(a, "a flow-id that is not ({media,flow},...)");
		} else {
			problem(a, "an item parameter TS 24.229 does not define for this access");
		}
		if (q == e)
			break;
		p = q + 1;
	}
}

int ims_anci_decode(struct ims_anci *a, enum ims_anci_kind kind, struct slice value)
{
	a->kind = IMS_ANCI_NONE;
	a->access = a->cid_name = a->item_name = a->sig_name = a->problem = NULL;
	a->nitems = a->dropped = 0;
	if (kind < IMS_ANCI_GPRS || kind > IMS_ANCI_XDSL) {
		a->problem = "not an access network charging list";
		return -EBADMSG;
	}
	const struct anci_names *nm = &anci_names[kind];
	a->kind = kind;
	a->access = nm->access;
	a->cid_name = nm->cid;
	a->item_name = nm->item;
	a->sig_name = nm->sig;
	/* a list with no value ("eps-info" alone) reads as one empty item */
	struct slice v = value.ptr ? slice_trim(value) : SLICE_LIT("");
	if (v.len >= 2 && v.ptr[0] == '"' && v.ptr[v.len - 1] == '"')
		v = slice_trim(slice_make(v.ptr + 1, v.len - 2));
	else if (v.len && (v.ptr[0] == '"' || v.ptr[v.len - 1] == '"'))
		problem(a, "a quote that is not closed");
	/* items split at the commas outside a flow-id's parentheses */
	const char *p = v.ptr, *e = v.ptr + v.len, *start = p;
	int depth = 0;
	for (;; p++) {
		if (p == e || (*p == ',' && depth == 0)) {
			if (a->nitems < IMS_ANCI_MAX_ITEMS)
				item_read(a, nm, &a->items[a->nitems++], slice_trim(slice_span(start, p)));
			else
				a->dropped++;
			if (p == e)
				break;
			start = p + 1;
		} else if (*p == '(' || *p == '{') {
			depth++;
		} else if ((*p == ')' || *p == '}') && depth > 0) {
			depth--;
		}
	}
	return a->problem ? -EBADMSG : 0;
}
