/* uri_cmp.c: URI equivalence: RFC 3261 §19.1.4 for sip: and sips: (with
 * RFC 5954 §4 for hosts written as IP addresses), RFC 3966 §4 for tel:,
 * RFC 8141 §3.1 for urn:.
 * What a registrar needs to tell whether a Contact names an existing binding
 * (RFC 3261 §10.3 step 6) and what decode needs to say whether two identities
 * are the same. Not on the parse's hot path. */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "uri_internal.h"

/* RFC 2396 §2.2 reserved: an escape of one of these is not the character
 * itself (RFC 3261 §19.1.4: "characters other than those in the reserved
 * set are equivalent to their '%' HEX HEX encoding"). */
static inline bool reserved(unsigned char c)
{
	return c && strchr(";/?:@&=+$,", c) != NULL;
}

/* One character of escaped text: the byte, and whether it stands for a
 * reserved character written as an escape (which only the same escape
 * equals). */
struct unit {
	unsigned char c;
	bool esc;
};

static bool unit_next(struct slice s, size_t *i, struct unit *u)
{
	if (*i >= s.len)
		return false;
	unsigned char c = (unsigned char)s.ptr[*i];
	int h, l;
	if (c == '%' && s.len - *i >= 3 && (h = scan_hex_value((unsigned char)s.ptr[*i + 1])) >= 0 &&
	    (l = scan_hex_value((unsigned char)s.ptr[*i + 2])) >= 0) {
		u->c = (unsigned char)(h << 4 | l);
		u->esc = reserved(u->c);
		*i += 3;
		return true;
	}
	u->c = c;
	u->esc = false;
	*i += 1;
	return true;
}

/* Two pieces of escaped text, escapes of unreserved characters decoded,
 * with or without case folding. */
static bool text_eq(struct slice a, struct slice b, bool fold)
{
	size_t i = 0, j = 0;
	struct unit x, y;
	for (;;) {
		bool ha = unit_next(a, &i, &x), hb = unit_next(b, &j, &y);
		if (!ha || !hb)
			return ha == hb;
		if (x.esc != y.esc)
			return false;
		if (fold ? scan_lower(x.c) != scan_lower(y.c) : x.c != y.c)
			return false;
	}
}

/* Both absent, or both present and equal as text_eq says. */
static bool part_eq(struct slice a, struct slice b, bool fold)
{
	if (!a.ptr || !b.ptr)
		return !a.ptr && !b.ptr;
	return text_eq(a, b, fold);
}

/* The binary address of an IPv4 address or an IPv6 reference ("[...]"),
 * in out (16 bytes): the family, or 0 when inet_pton refuses the text (the
 * decoder tolerates RFC 5118 §4.10's three-colon form, which is no
 * address). */
static int ip_binary(struct slice h, enum sip_host_type t, unsigned char out[16])
{
	char tmp[64];
	if (t == SIP_HOST_IPV6) {
		if (h.len < 2 || h.ptr[0] != '[')
			return 0;
		h = slice_make(h.ptr + 1, h.len - 2);
	}
	if (h.len >= sizeof tmp)
		return 0;
	memcpy(tmp, h.ptr, h.len);
	tmp[h.len] = '\0';
	int af = t == SIP_HOST_IPV6 ? AF_INET6 : AF_INET;
	memset(out, 0, 16);
	return inet_pton(af, tmp, out) == 1 ? af : 0;
}

/* RFC 3261 §19.1.4: host names case-insensitively; RFC 5954 §4: IP
 * addresses by the address they give, however written. A name never
 * equals an address ("even though that's what phone21.boxesbybob.com
 * resolves to"). */
static bool host_eq(struct slice a, enum sip_host_type ta, struct slice b, enum sip_host_type tb)
{
	if (ta != tb)
		return false;
	if (ta == SIP_HOST_IPV4 || ta == SIP_HOST_IPV6) {
		unsigned char x[16], y[16];
		int fa = ip_binary(a, ta, x), fb = ip_binary(b, tb, y);
		if (fa && fb)
			return memcmp(x, y, 16) == 0;
	}
	return part_eq(a, b, true);
}

/* An IPv6 address as glibc's inet_ntop writes it (RFC 5952 §4: lower-case
 * hex without leading zeros, the longest run of two or more zero groups,
 * the first of equal ones, as "::"; an IPv4-mapped or -compatible address
 * with its last 32 bits dotted), into text (INET6_ADDRSTRLEN bytes). Here
 * because inet_ntop took most of the time of keying a flow record. */
static void ipv6_text(const unsigned char a[16], char *text)
{
	static const char hex[] = "0123456789abcdef";
	unsigned g[8];
	int best = -1, best_len = 0;
	for (int i = 0, run = -1; i < 8; i++) {
		g[i] = (unsigned)a[2 * i] << 8 | a[2 * i + 1];
		if (g[i] == 0) {
			if (run < 0)
				run = i;
			if (i - run + 1 > best_len) {
				best = run;
				best_len = i - run + 1;
			}
		} else {
			run = -1;
		}
	}
	if (best_len < 2)
		best = -1;
	char *o = text;
	for (int i = 0; i < 8; i++) {
		if (i == best) {
			*o++ = ':';
			if (i == 0)
				*o++ = ':';
			i += best_len - 1;
			continue;
		}
		if (i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && g[5] == 0xffff))) {
			o += snprintf(o, 16, "%u.%u.%u.%u", a[12], a[13], a[14], a[15]);
			break;
		}
		bool lead = true;
		for (int sh = 12; sh >= 0; sh -= 4) {
			unsigned d = g[i] >> sh & 15;
			if (lead && d == 0 && sh)
				continue;
			lead = false;
			*o++ = hex[d];
		}
		if (i < 7)
			*o++ = ':';
	}
	*o = '\0';
}

size_t sip_host_canonical(struct slice host, enum sip_host_type type, char *out, size_t cap)
{
	unsigned char bin[16];
	int af = type == SIP_HOST_IPV4 || type == SIP_HOST_IPV6 ? ip_binary(host, type, bin) : 0;
	if (af) {
		char text[INET6_ADDRSTRLEN];
		if (af == AF_INET6)
			ipv6_text(bin, text);
		else if (!inet_ntop(af, bin, text, sizeof text))
			return 0;
		size_t n = strlen(text) + (af == AF_INET6 ? 2 : 0);
		if (n >= cap)
			return 0;
		if (af == AF_INET6) {
			out[0] = '[';
			memcpy(out + 1, text, n - 2);
			out[n - 1] = ']';
		} else {
			memcpy(out, text, n);
		}
		out[n] = '\0';
		return n;
	}
	if (!host.ptr || host.len >= cap)
		return 0;
	for (size_t i = 0; i < host.len; i++)
		out[i] = (char)scan_lower((unsigned char)host.ptr[i]);
	out[host.len] = '\0';
	return host.len;
}

/* ---- ";name=value" lists and "?name=value&..." headers --------------------- */

/* One element of a list split on sep: its name (up to '=') and its value
 * (SLICE_NULL without '='). */
struct elem {
	struct slice name, value;
};

static bool elem_next(struct slice s, size_t *i, char sep, struct elem *e)
{
	if (!s.ptr || *i > s.len || (*i == s.len && (*i == 0 || s.ptr[*i - 1] != sep)))
		return false;
	size_t k = *i;
	while (k < s.len && s.ptr[k] != sep)
		k++;
	struct slice el = slice_make(s.ptr + *i, k - *i);
	*i = k + 1;
	const char *eq = memchr(el.ptr, '=', el.len);
	if (eq) {
		e->name = slice_span(el.ptr, eq);
		e->value = slice_span(eq + 1, el.ptr + el.len);
	} else {
		e->name = el;
		e->value = SLICE_NULL;
	}
	return true;
}

/* The first element of s named name (escapes decoded, any case). */
static bool elem_find(struct slice s, char sep, struct slice name, struct elem *out)
{
	size_t i = 0;
	struct elem e;
	while (elem_next(s, &i, sep, &e))
		if (text_eq(e.name, name, true)) {
			*out = e;
			return true;
		}
	return false;
}

/* Whether the element of s at byte offset at repeats the name of an
 * earlier one: a parameter given twice is read at its first (as
 * sip_param_find does), so the comparison stays reflexive. */
static bool elem_repeats(struct slice s, size_t at, char sep, struct slice name)
{
	size_t i = 0;
	struct elem e;
	while (i < at && elem_next(s, &i, sep, &e))
		if (i <= at && text_eq(e.name, name, true))
			return true;
	return false;
}

struct slice sip_uri_param_repeat(const struct sip_uri *u, size_t looked)
{
	if (u->scheme != SIP_URI_SIP && u->scheme != SIP_URI_SIPS && u->scheme != SIP_URI_TEL)
		return SLICE_NULL;
	size_t i = 0, n = 0;
	struct elem e;
	for (size_t at = 0; n < looked && elem_next(u->params, &i, ';', &e); at = i, n++)
		if (elem_repeats(u->params, at, ';', e.name))
			return e.name;
	return SLICE_NULL;
}

/* Two pieces of escaped text in lexicographical order, escapes decoded
 * and case folded: <0, 0 or >0. */
static int text_order(struct slice a, struct slice b)
{
	size_t i = 0, j = 0;
	struct unit x, y;
	for (;;) {
		bool ha = unit_next(a, &i, &x), hb = unit_next(b, &j, &y);
		if (!ha || !hb)
			return (int)ha - (int)hb;
		int d = (int)scan_lower(x.c) - (int)scan_lower(y.c);
		if (d)
			return d;
	}
}

/* RFC 3966 §3's place of a telephone-subscriber parameter: isub and ext
 * first, phone-context next, the others last (among themselves in
 * lexicographical order). */
static int tel_param_rank(struct slice name)
{
	if (text_eq(name, slice_make("isub", 4), true) || text_eq(name, slice_make("ext", 3), true))
		return 0;
	return text_eq(name, slice_make("phone-context", 13), true) ? 1 : 2;
}

struct slice sip_tel_param_misorder(struct slice params, struct slice *after)
{
	size_t i = 0;
	struct elem e, prev = { SLICE_NULL, SLICE_NULL };
	while (elem_next(params, &i, ';', &e)) {
		if (prev.name.ptr) {
			int rp = tel_param_rank(prev.name), re = tel_param_rank(e.name);
			if (rp > re || (rp == 2 && re == 2 && text_order(prev.name, e.name) > 0)) {
				if (after)
					*after = prev.name;
				return e.name;
			}
		}
		prev = e;
	}
	return SLICE_NULL;
}

struct slice sip_uri_tel_params(const struct sip_uri *u)
{
	if (u->scheme == SIP_URI_TEL)
		return u->params;
	if ((u->scheme != SIP_URI_SIP && u->scheme != SIP_URI_SIPS) || !slice_present(u->user_param) ||
	    !text_eq(u->user_param, slice_make("phone", 5), true) || !slice_present(u->user))
		return SLICE_NULL;
	const char *semi = memchr(u->user.ptr, ';', u->user.len);
	return semi ? slice_span(semi + 1, u->user.ptr + u->user.len) : SLICE_NULL;
}

/* The kind of host s is, as the URI decoder tells (sip_hostport_decode),
 * or SIP_HOST_NONE when s is not a host alone. */
static enum sip_host_type host_type_of(struct slice s)
{
	struct slice host;
	enum sip_host_type t;
	bool has_port;
	uint16_t port;
	struct sip_parse_error err;
	if (sip_hostport_decode(s, &host, &t, &has_port, &port, &err) < 0 || has_port ||
	    host.len != s.len)
		return SIP_HOST_NONE;
	return t;
}

/* maddr's value is a host (§19.1.1 maddr-param = "maddr=" host): an IP
 * address is compared as the address it gives (RFC 5954 §4), a name (or a
 * value that is no host) in any case. */
static bool maddr_eq(struct slice a, struct slice b)
{
	if (!a.ptr || !b.ptr)
		return !a.ptr && !b.ptr;
	enum sip_host_type ta = host_type_of(a), tb = host_type_of(b);
	if (ta == SIP_HOST_NONE || tb == SIP_HOST_NONE)
		return part_eq(a, b, true);
	return host_eq(a, ta, b, tb);
}

/* §19.1.4: "A URI that includes [user, ttl, method, maddr or transport]
 * will never be equal to a URI without" it. */
static bool sip_param_required(struct slice name)
{
	static const char *const names[] = { "user", "ttl", "method", "maddr", "transport" };
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
		if (text_eq(name, slice_make(names[k], strlen(names[k])), true))
			return true;
	return false;
}

/* §19.1.4: "Any uri-parameter appearing in both URIs must match", the five
 * above in one only never match, any other in one only is ignored. One
 * direction; the caller asks both. */
static bool sip_params_cover(struct slice a, struct slice b)
{
	size_t i = 0;
	struct elem x, y;
	for (size_t at = 0; elem_next(a, &i, ';', &x); at = i) {
		if (elem_repeats(a, at, ';', x.name))
			continue;
		if (!elem_find(b, ';', x.name, &y)) {
			if (sip_param_required(x.name))
				return false;
			continue;
		}
		if (text_eq(x.name, slice_make("maddr", 5), true) ? !maddr_eq(x.value, y.value)
								  : !part_eq(x.value, y.value, true))
			return false;
	}
	return true;
}

/* §19.1.4: "URI header components are never ignored. Any present header
 * component MUST be present in both URIs and match". Header names in any
 * case, values as text (escapes decoded). One direction. */
static bool headers_cover(struct slice a, struct slice b)
{
	size_t i = 0;
	struct elem x, y;
	while (elem_next(a, &i, '&', &x)) {
		size_t j = 0;
		bool found = false;
		while (!found && elem_next(b, &j, '&', &y))
			found = text_eq(x.name, y.name, true) && part_eq(x.value, y.value, false);
		if (!found)
			return false;
	}
	return true;
}

static bool sip_equal(const struct sip_uri *a, const struct sip_uri *b)
{
	if (a->scheme != b->scheme)
		return false; /* sip: never equals sips: */
	/* userinfo case-sensitively; a URI without user (password) never
	 * equals one with it */
	if (!part_eq(a->user, b->user, false) || !part_eq(a->password, b->password, false))
		return false;
	if (!host_eq(a->host, a->host_type, b->host, b->host_type))
		return false;
	/* an explicit port, even the default one, never equals none */
	if (a->has_port != b->has_port || (a->has_port && a->port != b->port))
		return false;
	if (!sip_params_cover(a->params, b->params) || !sip_params_cover(b->params, a->params))
		return false;
	return headers_cover(a->headers, b->headers) && headers_cover(b->headers, a->headers);
}

/* ---- tel: (RFC 3966 §4) ------------------------------------------------------ */

/* Digits without visual separators, any case (hex digits of a local
 * number). */
static bool tel_digits_eq(struct slice a, struct slice b)
{
	size_t i = 0, j = 0;
	for (;;) {
		while (i < a.len && sip_tel_visual((unsigned char)a.ptr[i]))
			i++;
		while (j < b.len && sip_tel_visual((unsigned char)b.ptr[j]))
			j++;
		if (i == a.len || j == b.len)
			return i == a.len && j == b.len;
		if (scan_lower((unsigned char)a.ptr[i]) != scan_lower((unsigned char)b.ptr[j]))
			return false;
		i++;
		j++;
	}
}

/* A tel parameter value: phone-context as digits when it is a global
 * number, else as a domain name (any case); ext digit by digit; any other
 * as text in any case. */
static bool tel_value_eq(struct slice name, struct slice a, struct slice b)
{
	if (!a.ptr || !b.ptr)
		return !a.ptr && !b.ptr;
	bool ctx = text_eq(name, slice_make("phone-context", 13), true);
	bool ext = text_eq(name, slice_make("ext", 3), true);
	if ((ctx && a.len && a.ptr[0] == '+' && b.len && b.ptr[0] == '+') || ext)
		return tel_digits_eq(a, b);
	return text_eq(a, b, true);
}

/* RFC 3966 §4: "If one URI has a parameter name not found in the other,
 * the two URIs are not equal"; the others compared by name, in any order.
 * One direction. */
static bool tel_params_cover(struct slice a, struct slice b)
{
	size_t i = 0;
	struct elem x, y;
	for (size_t at = 0; elem_next(a, &i, ';', &x); at = i)
		if (!elem_repeats(a, at, ';', x.name) &&
		    (!elem_find(b, ';', x.name, &y) || !tel_value_eq(x.name, x.value, y.value)))
			return false;
	return true;
}

static bool tel_equal(const struct sip_uri *a, const struct sip_uri *b)
{
	bool ga = a->user.len && a->user.ptr[0] == '+', gb = b->user.len && b->user.ptr[0] == '+';
	if (ga != gb || !tel_digits_eq(a->user, b->user))
		return false;
	return tel_params_cover(a->params, b->params) && tel_params_cover(b->params, a->params);
}

/* out[*n..] += the len bytes at p, or *n past cap (the caller's test). */
static void key_put(char *out, size_t cap, size_t *n, const void *p, size_t len)
{
	if (*n < cap && cap - *n > len)
		memcpy(out + *n, p, len);
	*n += len;
}

/* Escaped text into a key: a character as itself when it is printable
 * and its escape stands for it (RFC 3261 §19.1.4: not reserved); else its
 * escape in upper case (a reserved one, which only its escape equals, and
 * a byte that cannot stand in a URI as itself: the key stays text). */
static void key_put_escaped(char *out, size_t cap, size_t *n, struct slice s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0;
	struct unit x;
	while (unit_next(s, &i, &x)) {
		if (x.esc || x.c <= ' ' || x.c >= 0x7f || x.c == '%') {
			char e[3] = { '%', hex[x.c >> 4], hex[x.c & 15] };
			key_put(out, cap, n, e, 3);
		} else {
			key_put(out, cap, n, &x.c, 1);
		}
	}
}

size_t sip_uri_key(const struct sip_uri *u, char *out, size_t cap)
{
	size_t n = 0, i = 0;
	if (!cap)
		return 0;
	if (u->scheme == SIP_URI_TEL && slice_present(u->user) && u->user.len) {
		key_put(out, cap, &n, "tel:", 4);
		for (; i < u->user.len; i++) {
			char c = (char)scan_lower((unsigned char)u->user.ptr[i]);
			if (!sip_tel_visual((unsigned char)c))
				key_put(out, cap, &n, &c, 1);
		}
	} else if ((u->scheme == SIP_URI_SIP || u->scheme == SIP_URI_SIPS) && slice_present(u->host) &&
		   u->host.len) {
		key_put(out, cap, &n, u->scheme == SIP_URI_SIPS ? "sips:" : "sip:", u->scheme == SIP_URI_SIPS ? 5 : 4);
		if (slice_present(u->user) && u->user.len) {
			/* escapes of unreserved characters as the characters,
			 * of reserved ones in one case */
			key_put_escaped(out, cap, &n, u->user);
			if (slice_present(u->password)) {
				key_put(out, cap, &n, ":", 1);
				key_put_escaped(out, cap, &n, u->password);
			}
			key_put(out, cap, &n, "@", 1);
		}
		if (n < cap) {
			size_t h = sip_host_canonical(u->host, u->host_type, out + n, cap - n);
			if (!h)
				return 0;
			n += h;
		}
		if (u->has_port) {
			char port[8];
			int k = snprintf(port, sizeof port, ":%u", (unsigned)u->port);
			key_put(out, cap, &n, port, (size_t)k);
		}
	} else {
		return 0;
	}
	if (n >= cap)
		return 0;
	out[n] = '\0';
	return n;
}

/* ---- urn: (RFC 8141 §3.1) ----------------------------------------------------- */

/* The assigned name of a URN (NID ":" NSS): up to its first "?+", "?=" or
 * "#" (the r-, q- and f-components, which §3.1 leaves out). */
static struct slice urn_assigned(struct slice s)
{
	for (size_t i = 0; i < s.len; i++)
		if (s.ptr[i] == '#' || (s.ptr[i] == '?' && i + 1 < s.len &&
					(s.ptr[i + 1] == '+' || s.ptr[i + 1] == '=')))
			return slice_make(s.ptr, i);
	return s;
}

/* RFC 8141 §3.1 lexical equivalence of two URNs after "urn:": the NID in
 * any case, the hex digits of percent-encodings in any case, the rest of
 * the NSS exactly, the r/q/f-components ignored. For NID uuid the whole
 * NSS in any case: RFC 4122 §3 compares a UUID as numbers ("case
 * insensitive on input"). */
static bool urn_equal(struct slice a, struct slice b)
{
	a = urn_assigned(a);
	b = urn_assigned(b);
	const char *ca = a.len ? memchr(a.ptr, ':', a.len) : NULL;
	const char *cb = b.len ? memchr(b.ptr, ':', b.len) : NULL;
	if (!ca || !cb)
		return slice_eq(a, b);
	struct slice na = slice_span(a.ptr, ca), nb = slice_span(b.ptr, cb);
	if (!slice_caseeq(na, nb) || a.len - na.len != b.len - nb.len)
		return false;
	bool fold_all = slice_caseeq(na, slice_make("uuid", 4));
	for (size_t i = na.len + 1, hex = 0; i < a.len; i++) {
		unsigned char x = (unsigned char)a.ptr[i], y = (unsigned char)b.ptr[i];
		bool fold = fold_all || hex > 0;
		if (fold ? scan_lower(x) != scan_lower(y) : x != y)
			return false;
		hex = x == '%' ? 2 : hex ? hex - 1 : 0;
	}
	return true;
}

bool sip_uri_equal(const struct sip_uri *a, const struct sip_uri *b)
{
	if (a->scheme != b->scheme)
		return false;
	switch (a->scheme) {
	case SIP_URI_SIP:
	case SIP_URI_SIPS:
		return sip_equal(a, b);
	case SIP_URI_TEL:
		return tel_equal(a, b);
	default:
		/* any other scheme: its name in any case, the rest as written */
		if (!slice_caseeq(a->scheme_name, b->scheme_name))
			return false;
		if (slice_caseeq(a->scheme_name, slice_make("urn", 3)))
			return urn_equal(a->opaque, b->opaque);
		return slice_eq(a->opaque, b->opaque);
	}
}
