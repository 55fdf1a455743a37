/* osip_diff.c: our strict parse beside libosip2's osip_message_parse, value
 * by value (see osip_diff.h for what is compared and what is forgiven). */
#include "osip_diff.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <imsreg/sip.h>
#include <osipparser2/osip_parser.h>

/* v with each fold as libosip2 rewrites it before it parses
 * (osip_util_replace_all_lws): the line end (CRLF, LF or CR) and the run of
 * SP and HTAB after it become as many SP; a tab elsewhere stays. In out
 * (cap bytes). */
static struct slice lws_as_sp(struct slice v, char *out, size_t cap)
{
	if (!v.ptr || v.len > cap)
		return v;
	memcpy(out, v.ptr, v.len);
	for (size_t i = 0; i < v.len; i++) {
		if (out[i] != '\r' && out[i] != '\n')
			continue;
		size_t e = i + (out[i] == '\r' && i + 1 < v.len && out[i + 1] == '\n' ? 2 : 1);
		if (e >= v.len || (out[e] != ' ' && out[e] != '\t'))
			continue;
		while (e < v.len && (out[e] == ' ' || out[e] == '\t'))
			e++;
		memset(out + i, ' ', e - i);
		i = e - 1;
	}
	return (struct slice){ out, v.len };
}

/* v as a C string in b (cap bytes), its folds as libosip2 rewrites them;
 * false when it does not fit. */
static bool osip_value(struct slice v, char *b, size_t cap)
{
	if (v.len >= cap)
		return false;
	lws_as_sp(v, b, cap - 1); /* copies v into b: it fits */
	b[v.len] = 0;
	return true;
}

/* What osip_takes asks libosip2 to parse on its own. */
enum osip_part { OSIP_CONTACT, OSIP_ROUTE, OSIP_CHALLENGE, OSIP_CREDENTIALS, OSIP_AUTH_INFO };

/* Whether libosip2's own parser of that part takes v (its folds as
 * libosip2 rewrites them): the message parse drops a Contact, Route or
 * Record-Route element it cannot parse ("<sipx.example:1;lr>", whose
 * scheme begins with "sip", see sip_like_scheme) and a challenge or
 * credentials field ("WWW-Authenticate: Digest", a scheme alone, which
 * ours reads as a challenge without parameters), and keeps the others. */
static bool osip_takes(struct slice v, enum osip_part part)
{
	char b[PEER_VALUE_CAP];
	if (!osip_value(v, b, sizeof b))
		return true;
	int rc = 0;
	switch (part) {
	case OSIP_CONTACT: {
		osip_contact_t *c;
		if (osip_contact_init(&c) == 0) {
			rc = osip_contact_parse(c, b);
			osip_contact_free(c);
		}
		break;
	}
	case OSIP_ROUTE: {
		osip_route_t *r;
		if (osip_route_init(&r) == 0) {
			rc = osip_route_parse(r, b);
			osip_route_free(r);
		}
		break;
	}
	case OSIP_CHALLENGE: {
		osip_www_authenticate_t *w;
		if (osip_www_authenticate_init(&w) == 0) {
			rc = osip_www_authenticate_parse(w, b);
			osip_www_authenticate_free(w);
		}
		break;
	}
	case OSIP_CREDENTIALS: {
		osip_authorization_t *a;
		if (osip_authorization_init(&a) == 0) {
			rc = osip_authorization_parse(a, b);
			osip_authorization_free(a);
		}
		break;
	}
	case OSIP_AUTH_INFO: {
		osip_authentication_info_t *a;
		if (osip_authentication_info_init(&a) == 0) {
			rc = osip_authentication_info_parse(a, b);
			osip_authentication_info_free(a);
		}
		break;
	}
	}
	return rc == 0;
}

/* osip's own text of a URI, written by osip_uri_to_str, in out (empty when
 * it has none or cannot write it). */
static void uri_text(char *out, size_t cap, const osip_uri_t *u)
{
	char *s = NULL;
	out[0] = 0;
	if (u && osip_uri_to_str(u, &s) == 0 && s)
		snprintf(out, cap, "%s", s);
	osip_free(s);
}

/* Whether p[0..3) is %20, %09, %0D or %0A (any case). */
static bool is_escaped_ws(const char *p)
{
	char lo = (char)(p[2] | 0x20);
	return p[0] == '%' && ((p[1] == '2' && p[2] == '0') || (p[1] == '0' && (lo == '9' || lo == 'd' || lo == 'a')));
}

/* Whether ours, a URI holding an escaped NUL ("sip:a%00b@h",
 * "sip:h;x%00y=1"), is osip's text with each part that holds one cut at its
 * %00 ("sip:a@h", "sip:h;x=1"): libosip2 unescapes the user part, the
 * password and each parameter name and value into a C string, which ends
 * there. */
static bool cut_at_nul(struct slice ours, const char *osip)
{
	if (!ours.ptr || !memmem(ours.ptr, ours.len, "%00", 3))
		return false;
	const char *at = memchr(ours.ptr, '@', ours.len);
	const char *qm = memchr(ours.ptr, '?', ours.len);
	char o[PEER_VALUE_CAP];
	size_t k = 0;
	for (size_t i = 0; i < ours.len && k < sizeof o; i++) {
		if (i + 3 <= ours.len && memcmp(ours.ptr + i, "%00", 3) == 0) {
			/* the user part and password end at ':' and '@', a
			 * parameter's name and value at ';', '=' and '?', a
			 * header's at '&' and '=' */
			const char *here = ours.ptr + i;
			const char *stop = at && here < at ? ":@" : qm && here > qm ? "&=" : ";=?";
			while (i + 1 < ours.len && !strchr(stop, ours.ptr[i + 1]))
				i++;
			/* a parameter's or header's text that ends in escaped
			 * white space there is trimmed (osip_trims_escaped_ws) */
			while (!(at && here < at) && k >= 3 && o[k - 3] == '%' && is_escaped_ws(o + k - 3))
				k -= 3;
			continue;
		}
		o[k++] = ours.ptr[i];
	}
	return k < sizeof o && peer_same_as((struct slice){ o, k }, osip, NORM_PCT);
}

/* Whether ours has a scheme that begins with "sip" but is neither sip nor
 * sips ("sipz:a@h:x", "sipsips:@h"): libosip2 looks at the first three
 * letters only and reads it as a SIP URI, so its parts, and the text it
 * writes back from them, are not the URI's (it drops what its host and
 * port do not take, and the '@' of an empty user part). */
static bool sip_like_scheme(struct slice ours)
{
	const char *colon = ours.ptr ? memchr(ours.ptr, ':', ours.len) : NULL;
	if (!colon)
		return false;
	struct slice scheme = slice_span(ours.ptr, colon);
	return scheme.len > 3 && slice_startswith_case(scheme, "sip") && !slice_caseeq_cstr(scheme, "sips");
}

/* Whether ours, a URI, has an escaped white-space byte (%20, %09, %0D,
 * %0A) at either end of a parameter's name or value, or of a header's
 * ("sip:h;user%20=phone", "sip:h;a=%09b"): libosip2 unescapes them and then
 * trims the white space ("sip:h;user=phone"). Boundaries are read in the
 * whole text (a ';' in the user part counts too: such a URI is then not
 * compared, which loses nothing but the compare). */
static bool osip_trims_escaped_ws(struct slice ours)
{
	const char *p = ours.ptr, *end = p + ours.len;
	for (; p && end - p >= 3; p++) {
		if (!is_escaped_ws(p))
			continue;
		char before = p > ours.ptr ? p[-1] : 0, after = end - p > 3 ? p[3] : 0;
		if ((before && strchr(";=?&", before)) || !after || strchr(";=?&", after))
			return true;
	}
	return false;
}

/* Whether ours, a URI, has a parameter named x-obr or x-obp (any case,
 * perhaps escaped, perhaps followed by %00 and more): osip_uri_to_str
 * leaves those out, as eXosip's own (the address and port of an outbound
 * flow it adds to a Contact). Every
 * ';' counts (one in the user part too: such a URI is then not
 * compared). */
static bool osip_hides_param(struct slice ours)
{
	const char *p = ours.ptr, *end = p + ours.len;
	while (p && (p = memchr(p, ';', (size_t)(end - p)))) {
		const char *name = ++p;
		while (p < end && !strchr(";=?", *p))
			p++;
		struct slice n = slice_span(name, p);
		/* osip's name is a C string: it ends at an escaped NUL */
		const char *nul = memmem(n.ptr, n.len, "%00", 3);
		if (nul)
			n = slice_span(n.ptr, nul);
		if (peer_same_as(n, "x-obr", NORM_PCT_CASE) || peer_same_as(n, "x-obp", NORM_PCT_CASE))
			return true;
	}
	return false;
}

static void cmp_uri(struct peer_diff *d, const char *what, struct slice ours, const osip_uri_t *u)
{
	if (sip_like_scheme(ours) || osip_trims_escaped_ws(ours) || osip_hides_param(ours))
		return;
	char b[PEER_VALUE_CAP];
	uri_text(b, sizeof b, u);
	/* an addr-spec of another scheme keeps the LWS before its first
	 * header parameter ("t: x:y ;q=1" -> "x:y ", "x:y<HTAB>;q=1" ->
	 * "x:y<HTAB>"): no URI ends in SP or HTAB */
	for (size_t n = strlen(b); n && (b[n - 1] == ' ' || b[n - 1] == '\t');)
		b[--n] = 0;
	if (cut_at_nul(ours, b))
		return;
	peer_cmp(d, what, ours, b, NORM_PCT);
}

/* osip's next generic parameter of a list; gt: the list may start with the
 * parameter ">" libosip2 invents for a URI in angle brackets that ends in
 * ';' ("<x:a;>" -> URI "x:a;", parameter ">"), which is skipped. */
struct param_it {
	const osip_list_t *list;
	int i;
	bool gt;
};

static bool param_next(void *it, const char **name, size_t *nl, const char **value)
{
	struct param_it *pi = it;
	if (pi->i >= osip_list_size(pi->list))
		return false;
	const osip_generic_param_t *g = osip_list_get(pi->list, pi->i++);
	if (pi->i == 1 && pi->gt && !strcmp(g->gname, ">") && !g->gvalue)
		return param_next(it, name, nl, value);
	*name = g->gname;
	*nl = strlen(g->gname);
	*value = g->gvalue;
	return true;
}

/* ours' params against osip's list, a fold in a quoted value as libosip2
 * rewrites it; uri: the URI they follow (SLICE_NULL for a Via's) */
static void params(struct peer_diff *d, const char *what, struct slice ours, const osip_list_t *op,
		   struct slice uri)
{
	char b[PEER_VALUE_CAP];
	ours = lws_as_sp(ours, b, sizeof b);
	struct param_it it = { op, 0, uri.len && uri.ptr[uri.len - 1] == ';' };
	peer_params_cmp(d, what, ours, param_next, &it);
}

/* The value of osip's parameter name, or NULL. */
static const char *param_value(const osip_list_t *op, const char *name, bool *present)
{
	osip_generic_param_t *g = NULL;
	*present = osip_generic_param_get_byname((osip_list_t *)op, (char *)name, &g) == 0 && g;
	return *present ? g->gvalue : NULL;
}

/* A name-addr or addr-spec of ours against osip's: URI, display name,
 * then the parameters. */
static void addr_cmp(struct peer_diff *d, const char *what, const struct sip_addr *o,
		     const osip_from_t *a)
{
	char t[64];
	snprintf(t, sizeof t, "%s uri", what);
	cmp_uri(d, t, o->uri_text, a->url);
	snprintf(t, sizeof t, "%s display name", what);
	char b[PEER_VALUE_CAP];
	peer_cmp(d, t, lws_as_sp(o->display, b, sizeof b), a->displayname, NORM_QUOTED);
}

static void addr_one(struct peer_diff *d, enum sip_hdr_id id, const osip_from_t *a, const char *what)
{
	const struct sip_hdr *h = peer_on_both(d, id, a != NULL, what);
	if (!h)
		return;
	struct sip_addr o;
	struct sip_parse_error err;
	if (sip_addr_decode(&o, h->value, 0, &err) < 0) {
		peer_mismatch(d, peer_decode_failed, h->value, what);
		return;
	}
	char t[64];
	addr_cmp(d, what, &o, a);
	bool has;
	const char *tag = param_value(&a->gen_params, "tag", &has);
	snprintf(t, sizeof t, "%s tag", what);
	peer_cmp(d, t, o.tag, tag, NORM_NONE);
	params(d, what, o.params, &a->gen_params, o.uri_text);
}

/* Whether libosip2 misreads this Via (item, decoded into o): it ends the
 * transport at the first SP after it (a fold is spaces by then), so LWS of
 * HTAB alone between transport and sent-by ("SIP/2.0/UDP\th:5;x= y")
 * leaves the sent-by in its transport and what follows the next SP in its
 * host; and it takes a '(' after that SP for the start of a comment (RFC
 * 2543's Via had one), wherever it is, so a quoted parameter value holding
 * one ("x=\"a(b)\"") loses its parameters from the byte before it on. */
static bool osip_via_misreads(const struct sip_via *o, struct slice item)
{
	const char *p = o->transport.ptr + o->transport.len, *end = o->host.ptr;
	if (!o->transport.ptr || !o->host.ptr || end < p)
		return false;
	if (memchr(end, '(', (size_t)(item.ptr + item.len - end)))
		return true;
	for (; p < end; p++)
		if (*p != '\t')
			return false;
	return true;
}

static void vias(struct peer_diff *d, const osip_list_t *vl)
{
	struct peer_elems e;
	struct slice item;
	struct sip_parse_error err;
	int i = 0, n = osip_list_size(vl);
	peer_elems_init(&e, d->msg, SIP_HDR_VIA);
	while (peer_elems_next(&e, &item)) {
		struct sip_via o;
		if (i >= n) {
			peer_mismatch(d, "via count", item, NULL);
			return;
		}
		const osip_via_t *v = osip_list_get(vl, i++);
		if (sip_via_decode(&o, item, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, item, "via");
			return;
		}
		if (osip_via_misreads(&o, item))
			continue;
		peer_cmp(d, "via version", o.version, v->version, NORM_NONE);
		peer_cmp(d, "via transport", o.transport, v->protocol, NORM_NONE);
		/* libosip2 keeps an IPv6 sent-by without its brackets */
		struct slice host = o.host;
		if (o.host_type == SIP_HOST_IPV6 && host.len >= 2)
			host = (struct slice){ host.ptr + 1, host.len - 2 };
		peer_cmp(d, "via host", host, v->host, NORM_NONE);
		if (o.has_port)
			peer_cmp_u32(d, "via port", o.port, v->port);
		else
			peer_cmp(d, "via port", SLICE_NULL, v->port, NORM_NONE);
		bool has;
		const char *pv = param_value(&v->via_params, "branch", &has);
		peer_cmp(d, "via branch", o.branch, pv, NORM_NONE);
		pv = param_value(&v->via_params, "received", &has);
		peer_cmp(d, "via received", o.received, pv, NORM_NONE);
		pv = param_value(&v->via_params, "rport", &has);
		if (o.has_rport != has)
			peer_mismatch(d, "via rport", o.has_rport ? o.rport : SLICE_NULL,
				      has ? "(present)" : NULL);
		else if (has)
			peer_cmp(d, "via rport", o.rport, pv, NORM_NONE);
		params(d, "via", o.params, &v->via_params, SLICE_NULL);
	}
	if (i < n)
		peer_mismatch(d, "via count", SLICE_NULL, ((const osip_via_t *)osip_list_get(vl, i))->host);
}

static bool osip_split_next(const char **p, const char *end, struct slice *item);

/* Whether libosip2's list split of a field's value v (osip_split_next)
 * gives the elements the codec's does (sip_list): it differs where a comma
 * is inside the angle brackets of a scheme libosip2 does not know
 * ("<sisp:a,b>"). *taken: the pieces of its split its parser of that part
 * takes, the entries the field is to libosip2. */
static bool osip_split_same(struct slice v, enum osip_part part, int *taken)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	struct slice piece, item;
	struct sip_list it;
	struct sip_parse_error err;
	bool same = true, more = true;
	*taken = 0;
	sip_list_init(&it, v);
	while (osip_split_next(&p, end, &piece)) {
		if (osip_takes(piece, part))
			++*taken;
		more = more && sip_list_next(&it, &item, &err) > 0;
		item = slice_trim(item);
		if (!more || item.ptr != piece.ptr || item.len != piece.len)
			same = false;
	}
	return same && more && sip_list_next(&it, &item, &err) <= 0;
}

/* Ours' elements of one id that libosip2 has an entry for, in order, and
 * i, the index of that entry in its list: a field libosip2 splits otherwise
 * (osip_split_same) is stepped over with its entries, and an element its
 * parser of part refuses is left out. */
struct osip_elems {
	const struct sip_msg *msg;
	const struct sip_hdr *h;
	struct sip_list it;
	bool open;
	enum osip_part part;
	int i;
};

static void osip_elems_init(struct osip_elems *w, const struct sip_msg *msg, enum sip_hdr_id id,
			    enum osip_part part)
{
	*w = (struct osip_elems){ .msg = msg, .h = sip_hdr_first(msg, id), .part = part };
}

static bool osip_elems_next(struct osip_elems *w, struct slice *item)
{
	struct sip_parse_error err;
	int taken;
	while (w->h) {
		if (!w->open) {
			if (!osip_split_same(w->h->value, w->part, &taken)) {
				w->i += taken;
				w->h = sip_hdr_next(w->msg, w->h);
				continue;
			}
			sip_list_init(&w->it, w->h->value);
			w->open = true;
		}
		while (sip_list_next(&w->it, item, &err) > 0)
			if (osip_takes(*item, w->part))
				return true;
		w->h = sip_hdr_next(w->msg, w->h);
		w->open = false;
	}
	return false;
}

static void contacts(struct peer_diff *d, const osip_list_t *cl)
{
	struct osip_elems w;
	struct slice item;
	struct sip_parse_error err;
	int n = osip_list_size(cl);
	osip_elems_init(&w, d->msg, SIP_HDR_CONTACT, OSIP_CONTACT);
	while (osip_elems_next(&w, &item)) {
		struct sip_addr o;
		if (w.i >= n) {
			peer_mismatch(d, "contact count", item, NULL);
			return;
		}
		const osip_contact_t *m = osip_list_get(cl, w.i++);
		if (sip_addr_decode(&o, item, SIP_ADDR_ALLOW_STAR, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, item, "contact");
			return;
		}
		if (o.star) {
			/* libosip2 keeps "*" as a display name without a URI */
			if (m->url || !m->displayname || strcmp(m->displayname, "*"))
				peer_mismatch(d, "contact *", item, "(a URI)");
			continue;
		}
		addr_cmp(d, "contact", &o, m);
		bool has;
		const char *pv = param_value(&m->gen_params, "expires", &has);
		peer_cmp(d, "contact expires", o.expires_text, pv, NORM_NONE);
		pv = param_value(&m->gen_params, "q", &has);
		peer_cmp(d, "contact q", o.q, pv, NORM_NONE);
		params(d, "contact", o.params, &m->gen_params, o.uri_text);
	}
	if (w.i != n)
		peer_mismatch(d, "contact count", SLICE_NULL, w.i < n ? "(more)" : "(fewer)");
}

static void routes(struct peer_diff *d, enum sip_hdr_id id, const osip_list_t *rl, const char *what)
{
	struct osip_elems w;
	struct slice item;
	struct sip_parse_error err;
	int n = osip_list_size(rl);
	osip_elems_init(&w, d->msg, id, OSIP_ROUTE);
	while (osip_elems_next(&w, &item)) {
		struct sip_addr o;
		if (w.i >= n) {
			peer_mismatch(d, what, item, NULL);
			return;
		}
		const osip_route_t *r = osip_list_get(rl, w.i++);
		if (sip_addr_decode(&o, item, SIP_ADDR_NAME_ADDR, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, item, what);
			return;
		}
		addr_cmp(d, what, &o, r);
		params(d, what, o.params, &r->gen_params, o.uri_text);
	}
	if (w.i != n)
		peer_mismatch(d, what, SLICE_NULL, w.i < n ? "(more)" : "(fewer)");
}

/* One Digest field of ours against osip's (quoted as written, a fold as
 * libosip2 rewrites it). */
static void field(struct peer_diff *d, const struct sip_auth *o, enum sip_auth_field f, const char *osip)
{
	char b[PEER_VALUE_CAP];
	peer_cmp(d, sip_auth_field_name(f), lws_as_sp(o->field[f], b, sizeof b), osip, NORM_QUOTED);
}

/* The auth-params of a field as libosip2's name matching meets them: each
 * call gives the next name (a token outside quotes after the start, a ','
 * or white space, with '=' next but for white space) and *value, the byte
 * after the '=' and white space (end when none). false at the end. */
struct auth_walk {
	const char *start, *q, *end;
};

static bool auth_name_next(struct auth_walk *w, struct slice *name, const char **value)
{
	bool quoted = false;
	for (; w->q && w->q < w->end; w->q++) {
		const char *q = w->q;
		if (quoted) {
			if (*q == '\\')
				w->q++;
			else if (*q == '"')
				quoted = false;
			continue;
		}
		if (*q == '"') {
			quoted = true;
			continue;
		}
		if (strchr(", \t\r\n=", *q) || (q > w->start && !strchr(", \t\r\n", q[-1])))
			continue;
		const char *e = q;
		while (e < w->end && !strchr("= \t\r\n,\"", *e))
			e++;
		const char *a = e;
		while (a < w->end && strchr(" \t\r\n", *a))
			a++;
		if (a < w->end && *a == '=') {
			for (a++; a < w->end && strchr(" \t\r\n", *a);)
				a++;
			*name = slice_span(q, e);
			*value = a;
			w->q = e;
			return true;
		}
		w->q = e - 1;
	}
	return false;
}

/* A field libosip2 reads as a token; longer: osip_misreads' mask. */
static void token_field(struct peer_diff *d, const struct sip_auth *o, uint32_t longer,
			enum sip_auth_field f, const char *osip)
{
	if (!(longer & (1u << f)))
		field(d, o, f, osip);
}

static void credentials(struct peer_diff *d, const struct sip_auth *o, uint32_t longer,
			const osip_authorization_t *a)
{
	peer_cmp(d, "auth scheme", o->scheme, a->auth_type, NORM_NONE);
	field(d, o, SIP_AUTH_USERNAME, a->username);
	field(d, o, SIP_AUTH_REALM, a->realm);
	field(d, o, SIP_AUTH_NONCE, a->nonce);
	field(d, o, SIP_AUTH_URI, a->uri);
	field(d, o, SIP_AUTH_RESPONSE, a->response);
	token_field(d, o, longer, SIP_AUTH_ALGORITHM, a->algorithm);
	field(d, o, SIP_AUTH_CNONCE, a->cnonce);
	field(d, o, SIP_AUTH_OPAQUE, a->opaque);
	token_field(d, o, longer, SIP_AUTH_QOP, a->message_qop);
	token_field(d, o, longer, SIP_AUTH_NC, a->nonce_count);
}

static void challenge(struct peer_diff *d, const struct sip_auth *o, uint32_t longer,
		      const osip_www_authenticate_t *w)
{
	peer_cmp(d, "auth scheme", o->scheme, w->auth_type, NORM_NONE);
	field(d, o, SIP_AUTH_REALM, w->realm);
	field(d, o, SIP_AUTH_DOMAIN, w->domain);
	field(d, o, SIP_AUTH_NONCE, w->nonce);
	field(d, o, SIP_AUTH_OPAQUE, w->opaque);
	token_field(d, o, longer, SIP_AUTH_STALE, w->stale);
	token_field(d, o, longer, SIP_AUTH_ALGORITHM, w->algorithm);
	field(d, o, SIP_AUTH_QOP, w->qop_options);
}

/* The field of o's first auth-param, or SIP_AUTH__COUNT when it is none of
 * them. */
static enum sip_auth_field first_field(const struct sip_auth *o)
{
	struct slice p = slice_trim(o->params);
	size_t n = 0;
	while (n < p.len && !strchr("= \t\r\n,", p.ptr[n]))
		n++;
	for (int f = 0; f < SIP_AUTH__COUNT; f++)
		if (slice_caseeq_cstr((struct slice){ p.ptr, n }, sip_auth_field_name((enum sip_auth_field)f)))
			return (enum sip_auth_field)f;
	return SIP_AUTH__COUNT;
}

/* Whether libosip2 reads a parameter it takes as a token (algorithm, qop,
 * nc and version of credentials; stale, algorithm and version of a
 * challenge; qop and nc of an Authentication-Info element) out of step
 * with the field: at the start of a parameter (after the scheme, a ',' or
 * white space, outside quoted strings) it takes the name by its first
 * letters, its value from after the next '=' wherever that is, up to the
 * next ',' even inside a quoted string. So
 *  - a token "algorithm" (or one that begins so, "algorithmx") followed
 *    by white space and more ("algorithm qop="auth,auth-int"", a second
 *    scheme to ours) gets qop's '=' and the value '"auth' ("algorithmx=1"
 *    alone is osip_misreads' *longer);
 *  - a quoted value with a ',' in it ("stale="a,b"") is cut at the ',',
 *    and libosip2 reads the rest from there ("b"" and what follows): it
 *    loses the next parameter ("opaque").
 * Either way none of its values of that field is compared. */
static bool osip_token_misread(struct slice v, enum osip_part part)
{
	/* version: not RFC 3261's, one libosip2 knows besides; measured
	 * (libosip2 5.3): 'version="b,c",opaque="o"' and 'versionx a="b,c",
	 * opaque="o"' leave it no opaque */
	static const char *const challenge_t[] = { "stale", "algorithm", "version", NULL };
	static const char *const credentials_t[] = { "algorithm", "qop", "nc", "version", NULL };
	static const char *const info_t[] = { "qop", "nc", NULL };
	const char *const *names = part == OSIP_CHALLENGE     ? challenge_t
				   : part == OSIP_CREDENTIALS ? credentials_t
							      : info_t;
	const char *p = v.ptr, *const end = v.ptr + v.len;
	/* past the scheme: libosip2 reads it first, up to white space
	 * (Authentication-Info has none) */
	while (part != OSIP_AUTH_INFO && p < end && !strchr(" \t\r\n", *p))
		p++;
	bool quoted = false;
	for (; p < end; p++) {
		if (quoted) {
			if (*p == '\\')
				p++;
			else if (*p == '"')
				quoted = false;
			continue;
		}
		if (*p == '"') {
			quoted = true;
			continue;
		}
		if (strchr(", \t\r\n", *p) || (p > v.ptr && !strchr(", \t\r\n", p[-1])))
			continue;
		for (size_t k = 0; names[k]; k++) {
			size_t n = strlen(names[k]);
			if ((size_t)(end - p) < n || strncasecmp(p, names[k], n))
				continue;
			/* the name as written (perhaps longer), then white
			 * space: a byte other than '=' there means the '='
			 * libosip2 takes is another parameter's */
			const char *a = p + n;
			while (a < end && !strchr("= \t\r\n,\"", *a))
				a++;
			while (a < end && strchr(" \t\r\n", *a))
				a++;
			if (a < end && *a != '=')
				return true;
			const char *eq = memchr(p, '=', (size_t)(end - p));
			if (!eq)
				continue;
			for (a = eq + 1; a < end && strchr(" \t\r\n", *a);)
				a++;
			if (a >= end || *a != '"')
				continue;
			const char *comma = memchr(a, ',', (size_t)(end - a));
			for (const char *q = a + 1; q < end; q++) {
				if (*q == '\\') {
					q++;
					continue;
				}
				if (*q == '"') {
					if (comma && comma < q)
						return true; /* cut inside the quoted string */
					break;
				}
			}
		}
	}
	return false;
}

/* Whether the white space from e (a name's end) to its '=' holds a HTAB
 * that libosip2 keeps: it finds the '=' and steps back over SP alone
 * (__osip_quoted_string_set), so "nonce<HTAB>=..." is not nonce to it.
 * A HTAB in a fold's run is SP by then (lws_as_sp). */
static bool osip_gap_tab(const char *e, const char *end)
{
	bool fold = false;
	for (; e < end && strchr(" \t\r\n", *e); e++) {
		if (*e == '\r' || *e == '\n')
			fold = true;
		else if (*e == '\t' && !fold)
			return true;
	}
	return false;
}

/* How libosip2 misreads the auth-params of the field v (the whole value:
 * more than one challenge or credentials may share it), read in one walk.
 *  - The return: whether v writes bare a parameter libosip2 reads as a
 *    quoted string (realm, domain, nonce, opaque, qop of a challenge;
 *    username, realm, nonce, uri, response, cnonce, opaque of credentials;
 *    and the version, targetname, context, digest, gssapi-data, crand and
 *    cnum it knows besides): libosip2 then takes the next quoted string in
 *    the field for its value ("realm=r, qop="auth"": realm "auth", no qop),
 *    so none of its values of that field is compared. So too when a HTAB
 *    stands between such a name and its '=' (osip_gap_tab): libosip2 does
 *    not read that parameter.
 *  - *longer: bit f set where a name is f's name and more ("qopx=1" for
 *    qop): libosip2 matches the names of the parameters it reads as tokens
 *    (algorithm, qop and nc of credentials; qop and nc of
 *    Authentication-Info; stale and algorithm of a challenge) by their
 *    first letters and takes the first such one, so f is not compared; and where f is the last auth-param of the field
 *    and written in fewer than six bytes ("qop=a", "nc=12" at the end):
 *    libosip2 does not read it. */
static bool osip_misreads(struct slice v, enum osip_part part, uint32_t *longer)
{
	static const char *const challenge_q[] = { "realm", "domain", "nonce", "opaque", "qop",
						   "version", "targetname", "context", NULL };
	static const char *const credentials_q[] = { "username", "realm", "nonce", "uri", "response",
						     "cnonce", "opaque", "digest", "version", "targetname",
						     "gssapi-data", "crand", "cnum", NULL };
	static const enum sip_auth_field tokens[] = { SIP_AUTH_ALGORITHM, SIP_AUTH_QOP, SIP_AUTH_NC,
						      SIP_AUTH_STALE };
	static const char *const info_q[] = { "nextnonce", "rspauth", "cnonce", "snum", "srand",
					      "realm", "targetname", "opaque", NULL };
	const char *const *names = part == OSIP_CHALLENGE     ? challenge_q
				   : part == OSIP_CREDENTIALS ? credentials_q
							      : info_q;
	struct auth_walk w = { v.ptr, v.ptr, v.ptr + v.len };
	struct slice name, last = SLICE_NULL;
	const char *value;
	bool bare = false;
	*longer = 0;
	while (auth_name_next(&w, &name, &value)) {
		for (size_t k = 0; names[k]; k++)
			if (slice_caseeq_cstr(name, names[k]) &&
			    (value == w.end || *value != '"' || osip_gap_tab(name.ptr + name.len, w.end)))
				bare = true;
		for (size_t k = 0; k < sizeof tokens / sizeof tokens[0]; k++) {
			const char *t = sip_auth_field_name(tokens[k]);
			if (name.len > strlen(t) && slice_startswith_case(name, t))
				*longer |= 1u << tokens[k];
		}
		last = name;
	}
	/* the field's last auth-param, written in fewer than six bytes
	 * ("qop=a", "nc=12"), is not read at all */
	if (last.ptr && (size_t)(w.end - last.ptr) < 6)
		for (size_t k = 0; k < sizeof tokens / sizeof tokens[0]; k++)
			if (slice_caseeq_cstr(last, sip_auth_field_name(tokens[k])))
				*longer |= 1u << tokens[k];
	return bare || osip_token_misread(v, part);
}

/* Every field of ours of this id against osip's list, in order: one
 * challenge or credentials a field. A field that holds more than one ("Digest
 * a=1, Digest b=2", which RFC 3261 §7.3.1 forbids and ours reads as two)
 * libosip2 reads as one: its values are then compared with ours' merged,
 * each the first that one of them gives (not counting an empty quoted
 * value, which libosip2 takes for none), and its scheme with the first's;
 * it takes the scheme of each one after the first and that one's first
 * auth-param for a parameter it does not know ("Digest b=2"), so that
 * auth-param is not among ours. */
static void auths(struct peer_diff *d, enum sip_hdr_id id, const osip_list_t *al, bool is_challenge,
		  const char *what)
{
	struct sip_parse_error err;
	int i = 0, n = osip_list_size(al);
	for (const struct sip_hdr *h = sip_hdr_first(d->msg, id); h; h = sip_hdr_next(d->msg, h)) {
		if (!osip_takes(h->value, is_challenge ? OSIP_CHALLENGE : OSIP_CREDENTIALS))
			continue;
		struct slice v = h->value, rest;
		struct sip_auth merged, o;
		uint32_t longer;
		bool first = true,
		     bare = osip_misreads(h->value, is_challenge ? OSIP_CHALLENGE : OSIP_CREDENTIALS, &longer);
		do {
			rest = SLICE_NULL;
			if (sip_auth_decode(&o, v, &rest, &err) < 0) {
				peer_mismatch(d, peer_decode_failed, v, what);
				return;
			}
			if (first) {
				merged = o;
				/* libosip2 ends the scheme at the first SP: a HTAB
				 * after it (not a fold) goes into its scheme, and
				 * with no SP before the parameters they go too */
				const char *after = o.scheme.ptr + o.scheme.len;
				if (o.scheme.ptr && after < h->value.ptr + h->value.len && *after == '\t')
					bare = true;
			}
			enum sip_auth_field lost = first ? SIP_AUTH__COUNT : first_field(&o);
			/* libosip2 takes an empty quoted value ("") for none, so a
			 * later one stands */
			for (int f = 0; f < SIP_AUTH__COUNT; f++) {
				uint32_t bit = 1u << f;
				bool none = !merged.field[f].ptr ||
					    (!merged.field[f].len && (merged.quoted & bit));
				if (none && o.field[f].ptr && f != (int)lost) {
					merged.field[f] = o.field[f];
					merged.quoted = (merged.quoted & ~bit) | (o.quoted & bit);
				}
			}
			first = false;
			v = rest;
		} while (rest.ptr && rest.len);
		if (i >= n) {
			peer_mismatch(d, what, h->value, NULL);
			return;
		}
		if (bare)
			i++;
		else if (is_challenge)
			challenge(d, &merged, longer, osip_list_get(al, i++));
		else
			credentials(d, &merged, longer, osip_list_get(al, i++));
	}
	if (i < n)
		peer_mismatch(d, what, SLICE_NULL, "(more)");
}

/* Whether q, a '<', opens what libosip2's list split takes for a URI: a
 * sip:, sips:, http:, https: or tel: scheme (any case) after it and a '>'
 * somewhere after it in the field. */
static bool osip_uri_opens(const char *q, const char *end)
{
	static const char *const schemes[] = { "sip:", "sips:", "http:", "https:", "tel:" };
	for (size_t k = 0; k < sizeof schemes / sizeof schemes[0]; k++) {
		size_t n = strlen(schemes[k]);
		if ((size_t)(end - q - 1) >= n && !strncasecmp(q + 1, schemes[k], n))
			return memchr(q, '>', (size_t)(end - q)) != NULL;
	}
	return false;
}

/* The next element of a list field as libosip2 splits it, from *p on (up
 * to end): at each comma outside a quoted string (a '"' after an odd
 * number of '\\' of the element opens or closes none) and outside a URI in
 * angle brackets of the schemes osip_uri_opens names ("<sip:a,b>, c" is
 * "<sip:a,b>" and "c", but "a<b, c" and "<im:a,b>" are split), trimmed;
 * an element of no byte is dropped, one of white space alone is an empty
 * entry ("a,,b" is "a" and "b", "a, ,b" is "a", "" and "b"). false at the
 * end. */
static bool osip_split_next(const char **p, const char *end, struct slice *item)
{
	for (;;) {
		const char *s = *p, *q = s;
		if (s >= end)
			return false;
		bool quoted = false, uri = false;
		for (; q < end && (quoted || uri || *q != ','); q++) {
			if (*q == '"') {
				size_t bs = 0;
				for (const char *b = q; b > s && b[-1] == '\\'; b--)
					bs++;
				if (bs % 2 == 0)
					quoted = !quoted;
			} else if (*q == '<' && !quoted && !uri) {
				uri = osip_uri_opens(q, end);
			} else if (*q == '>' && !quoted) {
				uri = false;
			}
		}
		*p = q < end ? q + 1 : end;
		*item = slice_trim(slice_span(s, q));
		if (q > s)
			return true;
	}
}

/* Whether libosip2 takes the start of this Authentication-Info element
 * (its folds as SP by then) for an auth scheme: a SP before its first '='
 * ("qop =auth", "qop\r\n =auth") makes the text before it the scheme, and
 * that parameter is lost. */
static bool osip_info_scheme(struct slice item)
{
	char b[PEER_VALUE_CAP];
	struct slice v = slice_trim(lws_as_sp(item, b, sizeof b));
	const char *sp = memchr(v.ptr, ' ', v.len), *eq = memchr(v.ptr, '=', v.len);
	return sp && (!eq || sp < eq);
}

/* Every Authentication-Info of ours against osip's list, in order.
 * libosip2 splits the field at its commas as a list (osip_split_next) and
 * reads each element as an Authentication-Info of its own: each element of
 * ours, decoded alone, against its entry: nextnonce, rspauth, cnonce
 * (quoted-strings to libosip2), qop and nc (tokens), with the misreadings
 * of challenges and credentials. */
static void auth_infos(struct peer_diff *d, const osip_list_t *al)
{
	struct sip_parse_error err;
	int i = 0, n = osip_list_size(al);
	for (const struct sip_hdr *h = sip_hdr_first(d->msg, SIP_HDR_AUTHENTICATION_INFO); h;
	     h = sip_hdr_next(d->msg, h)) {
		const char *p = h->value.ptr, *end = p + h->value.len;
		struct slice item;
		while (osip_split_next(&p, end, &item)) {
			if (!osip_takes(item, OSIP_AUTH_INFO))
				continue;
			if (i >= n) {
				peer_mismatch(d, "authentication-info", item, NULL);
				return;
			}
			const osip_authentication_info_t *a = osip_list_get(al, i++);
			struct sip_auth o;
			uint32_t longer;
			if (sip_auth_info_decode(&o, item, &err) < 0 ||
			    osip_misreads(item, OSIP_AUTH_INFO, &longer) || osip_info_scheme(item))
				continue;
			field(d, &o, SIP_AUTH_NEXTNONCE, a->nextnonce);
			field(d, &o, SIP_AUTH_RSPAUTH, a->rspauth);
			field(d, &o, SIP_AUTH_CNONCE, a->cnonce);
			token_field(d, &o, longer, SIP_AUTH_QOP, a->qop_options);
			token_field(d, &o, longer, SIP_AUTH_NC, a->nonce_count);
		}
	}
	if (i < n)
		peer_mismatch(d, "authentication-info", SLICE_NULL, "(more)");
}

/* A value as libosip2 gives a field it keeps as text or types as one
 * value an element: white space as libosip2 leaves it, trimmed. */
static struct slice other_text(struct slice v, char *b, size_t cap)
{
	return slice_trim(lws_as_sp(v, b, cap));
}

/* A list field libosip2 types as one value an element (Allow,
 * Content-Encoding; its osip_content_length_t): ours' elements, as the
 * codec splits them, against its entries in order, white space as
 * libosip2 leaves it. */
static void value_list(struct peer_diff *d, enum sip_hdr_id id, const osip_list_t *l, const char *what)
{
	struct peer_elems e;
	struct slice item;
	char b[PEER_VALUE_CAP];
	int i = 0, n = osip_list_size(l);
	peer_elems_init(&e, d->msg, id);
	while (peer_elems_next(&e, &item)) {
		if (i >= n) {
			peer_mismatch(d, what, item, NULL);
			return;
		}
		const osip_content_length_t *v = osip_list_get(l, i++);
		peer_cmp(d, what, other_text(item, b, sizeof b), v->value, NORM_NONE);
	}
	if (i < n)
		peer_mismatch(d, what, SLICE_NULL, "(more)");
}

/* A media type of ours (Content-Type's value, an Accept element) against
 * libosip2's osip_content_type_t: type, subtype and parameters; what names
 * the field ("content-type") in a mismatch. */
static void media_type(struct peer_diff *d, const char *what, struct slice v,
		       const osip_content_type_t *c)
{
	struct sip_tokparams o;
	struct sip_parse_error err;
	char tw[48], sw[48];
	if (sip_tokparams_decode(&o, v, &err) < 0) {
		peer_mismatch(d, peer_decode_failed, v, what);
		return;
	}
	/* type "/" subtype, with the SWS RFC 3261 allows around the '/' */
	const char *slash = memchr(o.value.ptr, '/', o.value.len);
	struct slice type = o.value, sub = SLICE_NULL;
	if (slash) {
		type = slice_trim((struct slice){ o.value.ptr, (size_t)(slash - o.value.ptr) });
		sub = slice_trim((struct slice){ slash + 1, o.value.len - (size_t)(slash + 1 - o.value.ptr) });
	}
	snprintf(tw, sizeof tw, "%s type", what);
	snprintf(sw, sizeof sw, "%s subtype", what);
	peer_cmp(d, tw, type, c->type, NORM_NONE);
	peer_cmp(d, sw, sub, c->subtype, NORM_NONE);
	params(d, what, o.params, &c->gen_params, SLICE_NULL);
}

static void content_type(struct peer_diff *d, const osip_content_type_t *c)
{
	const struct sip_hdr *h = peer_on_both(d, SIP_HDR_CONTENT_TYPE, c != NULL, "content-type");
	if (h)
		media_type(d, "content-type", h->value, c);
}

/* Each Accept element of ours, as the codec splits them, against
 * libosip2's entries in order; an empty Accept (RFC 3261 §20.1: "no
 * acceptable formats") is an entry without type and subtype to it. */
static void accepts(struct peer_diff *d, const osip_list_t *l)
{
	struct peer_elems e;
	struct slice item;
	int i = 0, n = osip_list_size(l);
	peer_elems_init_blank(&e, d->msg, SIP_HDR_ACCEPT);
	while (peer_elems_next(&e, &item)) {
		if (i >= n) {
			peer_mismatch(d, "accept count", item, NULL);
			return;
		}
		const osip_content_type_t *c = osip_list_get(l, i++);
		if (item.len)
			media_type(d, "accept", item, c);
		else
			peer_cmp(d, "accept type", SLICE_NULL, c->type, NORM_NONE);
	}
	if (i < n)
		peer_mismatch(d, "accept count", SLICE_NULL, "(more)");
}

/* Whether libosip2 gives a field of ours a typed place of its own (the
 * headers of osip_message_t), rather than its list of other headers. */
static bool osip_types(enum sip_hdr_id id)
{
	switch (id) {
	case SIP_HDR_ACCEPT:
	case SIP_HDR_ACCEPT_ENCODING:
	case SIP_HDR_ACCEPT_LANGUAGE:
	case SIP_HDR_ALERT_INFO:
	case SIP_HDR_ALLOW:
	case SIP_HDR_AUTHENTICATION_INFO:
	case SIP_HDR_AUTHORIZATION:
	case SIP_HDR_CALL_ID:
	case SIP_HDR_CALL_INFO:
	case SIP_HDR_CONTACT:
	case SIP_HDR_CONTENT_ENCODING:
	case SIP_HDR_CONTENT_LENGTH:
	case SIP_HDR_CONTENT_TYPE:
	case SIP_HDR_CSEQ:
	case SIP_HDR_ERROR_INFO:
	case SIP_HDR_FROM:
	case SIP_HDR_MIME_VERSION:
	case SIP_HDR_PROXY_AUTHENTICATE:
	case SIP_HDR_PROXY_AUTHORIZATION:
	case SIP_HDR_RECORD_ROUTE:
	case SIP_HDR_ROUTE:
	case SIP_HDR_TO:
	case SIP_HDR_VIA:
	case SIP_HDR_WWW_AUTHENTICATE:
		return true;
	default:
		return false;
	}
}

/* One value of ours against libosip2's entry: the name, then the value. */
static void other_value(struct peer_diff *d, const struct sip_hdr *h, struct slice v,
			const osip_header_t *o)
{
	char t[64], b[PEER_VALUE_CAP];
	size_t k = 0;
	if (!peer_same_as(h->name, o->hname, NORM_CASE)) {
		peer_mismatch(d, "header name", h->name, o->hname);
		return;
	}
	for (; k < h->name.len && k < sizeof t - 1; k++) {
		char c = h->name.ptr[k];
		t[k] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	t[k] = 0;
	bool number = h->id == SIP_HDR_MAX_FORWARDS || h->id == SIP_HDR_EXPIRES ||
		      h->id == SIP_HDR_MIN_EXPIRES;
	peer_cmp(d, t, other_text(v, b, sizeof b), o->hvalue, number ? NORM_NUM : NORM_NONE);
}

/* The fields libosip2 keeps as name and value text (its list of other
 * headers), against ours in order: the name as written (in any case), and
 * the value, or, where libosip2 split the field at its commas (it does so
 * for the list fields it knows: Supported, Require, Path ...), each element
 * of ours (osip_split_next) against an entry of its own. Max-Forwards, Expires and
 * Min-Expires are numbers: compared without leading zeros. */
static void others(struct peer_diff *d, const osip_list_t *hl)
{
	char b[PEER_VALUE_CAP];
	int i = 0, n = osip_list_size(hl);
	for (uint16_t k = 0; k < d->msg->nhdrs; k++) {
		const struct sip_hdr *h = &d->msg->hdrs[k];
		/* Proxy-Authentication-Info (RFC 2617's, no SIP field: ours
		 * keeps it as an extension) libosip2 types in a list of its own
		 * (proxy_authentication_infos), dropping one it cannot parse */
		if (osip_types(h->id) || slice_caseeq_cstr(h->name, "Proxy-Authentication-Info"))
			continue;
		const osip_header_t *o = i < n ? osip_list_get(hl, i) : NULL;
		struct slice item;
		const char *p = h->value.ptr, *end = p + h->value.len;
		/* whole when libosip2's entry is this field (its name) with our
		 * whole value: the next field's entry may hold the same text */
		if (!memchr(h->value.ptr, ',', h->value.len) ||
		    (o && peer_same_as(h->name, o->hname, NORM_CASE) &&
		     peer_same_as(other_text(h->value, b, sizeof b), o->hvalue, NORM_NONE))) {
			if (!o) {
				peer_mismatch(d, "header count", h->name, NULL);
				return;
			}
			other_value(d, h, h->value, o);
			i++;
			continue;
		}
		/* split (a value of commas alone gives no entry: "," gives
		 * none, ",,a" gives "a"; ", ,a" gives "" and "a") */
		while (osip_split_next(&p, end, &item)) {
			if (i >= n) {
				peer_mismatch(d, "header count", h->name, NULL);
				return;
			}
			other_value(d, h, item, osip_list_get(hl, i++));
		}
	}
	if (i < n)
		peer_mismatch(d, "header count", SLICE_NULL, ((const osip_header_t *)osip_list_get(hl, i))->hname);
}

/* Whether osip's Content-Length is one libosip2 writes in itself when the
 * message has none: a number no larger than the body's length (the body's
 * length; "0" when there is no Content-Type, as it then drops the body: "l"
 * absent, "hello" after the empty line; for a multipart body, what its
 * parts, as it reads them, add up to). */
static bool content_length_invented(const struct sip_msg *msg, const osip_message_t *sip)
{
	const char *v = sip->content_length ? sip->content_length->value : NULL;
	if (!v || !*v || strspn(v, "0123456789") != strlen(v) || strlen(v) > 9)
		return false;
	return strtoul(v, NULL, 10) <= msg->body.len;
}

static void compare(struct peer_diff *d, const osip_message_t *sip)
{
	const struct sip_msg *msg = d->msg;
	if (msg->is_request != (sip->sip_method != NULL)) {
		peer_mismatch(d, "request or response", msg->start_line, sip->sip_method ? "request" : "response");
		return;
	}
	if (msg->is_request) {
		peer_cmp(d, "method", msg->method, sip->sip_method, NORM_NONE);
		cmp_uri(d, "request-uri", msg->ruri, sip->req_uri);
	} else {
		char b[16];
		snprintf(b, sizeof b, "%d", sip->status_code);
		peer_cmp_u32(d, "status", msg->status, b);
	}
	const struct sip_hdr *h = peer_on_both(d, SIP_HDR_CALL_ID, sip->call_id != NULL, "call-id");
	if (h) {
		struct sip_call_id cid;
		struct sip_parse_error err;
		if (sip_call_id_decode(&cid, h->value, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, h->value, "call-id");
		} else {
			peer_cmp(d, "call-id", cid.local, sip->call_id->number, NORM_NONE);
			peer_cmp(d, "call-id host", cid.host, sip->call_id->host, NORM_NONE);
		}
	}
	h = peer_on_both(d, SIP_HDR_CSEQ, sip->cseq != NULL, "cseq");
	if (h) {
		struct sip_cseq cs;
		struct sip_parse_error err;
		if (sip_cseq_decode(&cs, h->value, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, h->value, "cseq");
		} else {
			peer_cmp_u32(d, "cseq number", cs.seq, sip->cseq->number);
			peer_cmp(d, "cseq method", cs.method, sip->cseq->method, NORM_NONE);
		}
	}
	addr_one(d, SIP_HDR_FROM, sip->from, "from");
	addr_one(d, SIP_HDR_TO, sip->to, "to");
	vias(d, &sip->vias);
	contacts(d, &sip->contacts);
	routes(d, SIP_HDR_ROUTE, &sip->routes, "route");
	routes(d, SIP_HDR_RECORD_ROUTE, &sip->record_routes, "record-route");
	auths(d, SIP_HDR_AUTHORIZATION, &sip->authorizations, false, "authorization");
	auths(d, SIP_HDR_PROXY_AUTHORIZATION, &sip->proxy_authorizations, false, "proxy-authorization");
	auths(d, SIP_HDR_WWW_AUTHENTICATE, &sip->www_authenticates, true, "www-authenticate");
	auths(d, SIP_HDR_PROXY_AUTHENTICATE, &sip->proxy_authenticates, true, "proxy-authenticate");
	auth_infos(d, &sip->authentication_infos);
	value_list(d, SIP_HDR_ALLOW, &sip->allows, "allow");
	value_list(d, SIP_HDR_CONTENT_ENCODING, &sip->content_encodings, "content-encoding");
	h = peer_on_both(d, SIP_HDR_MIME_VERSION, sip->mime_version != NULL, "mime-version");
	if (h) {
		char b[PEER_VALUE_CAP];
		peer_cmp(d, "mime-version", other_text(h->value, b, sizeof b),
			 sip->mime_version->value, NORM_NONE);
	}
	content_type(d, sip->content_type);
	accepts(d, &sip->accepts);
	if (msg->has_content_length)
		peer_cmp_u32(d, "content-length", msg->content_length,
			     sip->content_length ? sip->content_length->value : NULL);
	else if (!content_length_invented(msg, sip))
		peer_mismatch(d, "content-length", SLICE_NULL,
			      sip->content_length ? sip->content_length->value : NULL);
	others(d, &sip->headers);
}

/* libosip2 5.3 leaks what it allocates for a body part's second
 * Content-Type ("--b\r\nContent-Type: text/plain\r\nContent-Type:
 * text/html\r\n\r\n..."): its fault, not ours, so LeakSanitizer (the
 * sanitized tests, the fuzzer) is told to leave allocations made inside
 * libosip2 alone. Read by the sanitizer runtime when it links one. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libosipparser2\n";
}

static void quiet(const char *file, int line, osip_trace_level_t level, const char *format, va_list ap)
{
	(void)file, (void)line, (void)level, (void)format, (void)ap;
}

/* libosip2's message of data[0, len), or NULL when it refuses it. */
static osip_message_t *osip_make(const char *data, size_t len)
{
	static bool ready;
	if (!ready) {
		parser_init();
		/* its parse errors are verdicts here, not news: its trace goes
		 * to a function that drops it */
		osip_trace_initialize_func(TRACE_LEVEL0, quiet);
		for (int l = TRACE_LEVEL0; l < END_TRACE_LEVEL; l++)
			osip_trace_disable_level((osip_trace_level_t)l);
		ready = true;
	}
	osip_message_t *m;
	if (osip_message_init(&m) != 0)
		return NULL;
	if (osip_message_parse(m, data, len) == 0 && (m->sip_method || m->status_code > 0))
		return m;
	osip_message_free(m);
	return NULL;
}

int osip_diff_values(const struct sip_msg *ours, const char *data, size_t len, peer_diff_cb *cb,
		     void *ctx)
{
	struct peer_diff d = { .cb = cb, .ctx = ctx, .msg = ours };
	osip_message_t *m = osip_make(data, len);
	if (!m)
		return -1;
	compare(&d, m);
	osip_message_free(m);
	return (int)d.n;
}

bool osip_diff_accepts(const char *data, size_t len)
{
	osip_message_t *m = osip_make(data, len);
	if (m)
		osip_message_free(m);
	return m != NULL;
}

enum osip_diff_verdict osip_diff_message(const char *data, size_t len, peer_diff_cb *cb, void *ctx,
					 unsigned *mismatches)
{
	return (enum osip_diff_verdict)peer_diff_message(data, len, osip_diff_values, osip_diff_accepts,
							 cb, ctx, mismatches);
}
