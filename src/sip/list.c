/* list.c: comma-separated header lists (RFC 3261 §7.3.1) and generic-param
 * iteration (§25.1 generic-param, gen-value = token / host / quoted-string). */
#include <errno.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "hdr_scan.h"

static inline bool is_lws_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static const char *skip_lws(const char *p, const char *end)
{
	while (p < end && is_lws_byte(*p))
		p++;
	return p;
}

void sip_list_init(struct sip_list *it, struct slice value)
{
	it->p = value.ptr;
	it->end = value.ptr ? value.ptr + value.len : NULL;
}

int sip_list_next(struct sip_list *it, struct slice *item, struct sip_parse_error *err)
{
	const char *p = skip_lws(it->p, it->end), *end = it->end;
	if (p >= end)
		return 0;
	const char *s = p;
	for (;;) {
		/* the next comma, unless a quote or '<' comes first */
		p = scan_find3(p, end, ',', '"', '<');
		if (p >= end || *p == ',')
			break;
		if (*p == '<') {
			const char *g = memchr(p, '>', (size_t)(end - p));
			if (!g)
				return sip_value_fail(err, p, "'<' without a closing '>'");
			p = g + 1;
		} else {
			/* quoted-string: a comma inside does not split */
			const char *q = p++;
			for (;;) {
				p = scan_find3(p, end, '"', '\\', '"');
				if (p >= end)
					return sip_value_fail(err, q, "unterminated quoted string");
				if (*p == '"')
					break;
				p = p + 1 < end ? p + 2 : end; /* quoted-pair */
			}
			p++;
		}
	}
	const char *e = p;
	while (e > s && is_lws_byte(e[-1]))
		e--;
	if (e == s)
		return sip_value_fail(err, p, "empty element in a comma-separated list");
	if (p < end) {
		/* a comma must be followed by another element */
		const char *n = skip_lws(p + 1, end);
		if (n >= end)
			return sip_value_fail(err, p, "',' at the end of a list: empty element");
		it->p = n;
	} else {
		it->p = end;
	}
	*item = slice_span(s, e);
	return 1;
}

void sip_param_it_init(struct sip_param_it *it, struct slice params)
{
	it->p = params.ptr;
	it->end = params.ptr ? params.ptr + params.len : NULL;
}

/* gen-value bytes beyond token: host (IPv4, IPv6 with or without brackets)
 * and the param-unreserved marks of URI parameters, ':' '[' ']' '/' '&'
 * '$': the class hdr_rows_pvalue. */

/* skip_lws with the common case (no LWS next) inline. */
static inline const char *skip_lws_fast(const char *p, const char *end)
{
	return p < end && is_lws_byte(*p) ? skip_lws(p, end) : p;
}

int sip_param_next(struct sip_param_it *it, struct sip_param *prm, struct sip_parse_error *err)
{
	/* it->p is where this call may start reading: the runs below read
	 * sixteen bytes a step within [it->p, end) */
	const char *lo = it->p, *p = skip_lws_fast(it->p, it->end), *end = it->end;
	if (p >= end)
		return 0;
	if (*p == ';') {
		p = skip_lws_fast(p + 1, end);
		if (p >= end || *p == ';')
			return sip_value_fail(err, p, "empty parameter after ';'");
	}
	const char *s = p;
	p = hdr_token_end(p, lo, end);
	if (p == s)
		return sip_value_fail(err, p, "expected a parameter name");
	prm->name = slice_span(s, p);
	prm->value = SLICE_NULL;
	prm->quoted = false;
	p = skip_lws_fast(p, end);
	if (p < end && *p == '=') {
		p = skip_lws_fast(p + 1, end);
		if (p < end && *p == '"') {
			const char *q = hdr_quote_stop(p + 1, lo, end);
			if (q < end && *q == '"') {
				/* no escape, no line break: what scan_quoted reads */
				prm->value = slice_span(p + 1, q);
				p = q + 1;
			} else {
				struct scan sc = { p, end };
				if (scan_quoted(&sc, &prm->value) < 0)
					return sip_value_fail(err, p, "unterminated quoted string in a parameter value");
				p = sc.p;
			}
			prm->quoted = true;
		} else {
			s = p;
			p = hdr_class_end(p, lo, end, hdr_rows_pvalue);
			if (p == s)
				return sip_value_fail(err, p, "expected a parameter value after '='");
			prm->value = slice_span(s, p);
		}
		p = skip_lws_fast(p, end);
	}
	if (p < end && *p != ';')
		return sip_value_fail(err, p, "expected ';' between parameters");
	it->p = p;
	return 1;
}

bool sip_param_find(struct slice params, const char *name, struct sip_param *out)
{
	struct sip_param_it it;
	struct sip_param prm;
	struct slice want = slice_cstr(name);
	sip_param_it_init(&it, params);
	while (sip_param_next(&it, &prm, NULL) > 0) {
		if (slice_caseeq(prm.name, want)) {
			if (out)
				*out = prm;
			return true;
		}
	}
	return false;
}
