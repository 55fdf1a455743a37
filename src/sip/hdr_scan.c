/* hdr_scan.c: quoted strings and the generic-param walk shared by Via, address and token+params headers (RFC 3261 §25: quoted-string, SEMI generic-param, gen-value; RFC 5118 §4.5). */
#include <errno.h>
#include <string.h>
#include <imsreg/sip.h>
#include "hdr_scan.h"

int sip_quoted_scan(struct scan *sc, struct slice *out)
{
	return scan_quoted(sc, out);
}

/* The bytes of an IPv6 address: HEXDIG ':' '.' (the received=IPv6 run). */
static const bool ipv6_byte[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, [':'] = 1, ['.'] = 1,
};

int sip_genparam_next_run(struct scan *sc, struct sip_param *p, unsigned flags,
			  struct sip_parse_error *err)
{
	/* the common ";name" and ";name=" without LWS in one go: what the
	 * general steps below read there, without their LWS tests */
	const char *s = sc->p;
	if (!(flags & SIP_GENPARAM_FIRST) && sc->end - s >= 2 && *s == ';' &&
	    scan_is((unsigned char)s[1], SCAN_TOKEN)) {
		const char *ne = scan_class_span(s + 2, sc->end, SCAN_TOKEN);
		if (ne == sc->end || !scan_is((unsigned char)*ne, SCAN_WS | SCAN_CRLF)) {
			p->name = slice_span(s + 1, ne);
			p->value = SLICE_NULL;
			p->quoted = false;
			sc->p = ne;
			if (ne == sc->end || *ne != '=')
				return 1;
			goto value;
		}
	}
	hdr_lws(sc);
	if (sc->p >= sc->end || ((flags & SIP_GENPARAM_LIST) && *sc->p == ','))
		return 0;
	if (!(flags & SIP_GENPARAM_FIRST)) {
		if (*sc->p != ';' && sc->p == s && strchr("/:=?@&$[]", *sc->p) && *sc->p)
			/* right after a value, a byte a URI parameter may hold
			 * (`boundary=a:0`): a gen-value is a token, a host or a
			 * quoted string */
			return hdr_fail(err, -EBADMSG, sc->p,
					"param: expected ';' before a parameter (a value holding "
					"'/', ':', '=', '?', '@', '&', '$' or a bracket is quoted)");
		if (*sc->p != ';')
			return hdr_fail(err, -EBADMSG, sc->p, "param: expected ';' before a parameter");
		sc->p++;
		hdr_lws(sc);
	}
	if (hdr_token(sc, &p->name) < 0) {
		bool empty = sc->p >= sc->end || *sc->p == ';' || *sc->p == ',';
		return hdr_fail(err, -EBADMSG, sc->p,
				empty ? "param: empty parameter" : "param: a parameter name must be a token");
	}
	p->value = SLICE_NULL;
	p->quoted = false;

	const char *save = sc->p;
	hdr_lws(sc);
	if (sc->p >= sc->end || *sc->p != '=') {
		sc->p = save;
		return 1;
	}
value:
	sc->p++;
	hdr_lws(sc);
	if (sc->p >= sc->end)
		return hdr_fail(err, -EBADMSG, sc->p, "param: expected a value after '='");

	/* gen-value = token / host / quoted-string */
	const char *v = sc->p;
	if (*v == '"') {
		if (sip_quoted_scan(sc, &p->value) < 0)
			return hdr_fail(err, -EBADMSG, sc->p, "param: unterminated quoted string");
		p->quoted = true;
		return 1;
	}
	if (*v == '[') {
		const char *bad;
		const char *q = sip_ipv6_scan(v + 1, sc->end, &bad);
		if (!q)
			return hdr_fail(err, -EBADMSG, bad, "param: not a valid IPv6 reference");
		if (q >= sc->end || *q != ']')
			return hdr_fail(err, -EBADMSG, q, "param: expected ']' after IPv6 address");
		sc->p = q + 1;
		p->value = slice_span(v, sc->p);
		return 1;
	}
	sc->p = hdr_span(v, sc->end, SCAN_TOKEN);
	if ((flags & SIP_GENPARAM_VIA) && sc->p < sc->end && *sc->p == ':' &&
	    HDR_NAME_IS(p->name, "received")) {
		/* RFC 5118 §4.5: received=IPv6 without brackets; via.c checks it */
		const char *q = sc->p, *end = sc->end;
		while (q < end && ipv6_byte[(unsigned char)*q])
			q++;
		sc->p = q;
	}
	if (sc->p == v)
		return hdr_fail(err, -EBADMSG, v,
				"param: a value must be a token, a host or a quoted string");
	p->value = slice_span(v, sc->p);
	return 1;
}
