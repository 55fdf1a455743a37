/* genparam.c: the generic-param walk shared by Via, address and token+params headers (RFC 3261 §25: SEMI generic-param, gen-value; RFC 5118 §4.5). */
#include <errno.h>
#include <imsreg/sip.h>
#include "hdr_scan.h"

int sip_genparam_next(struct scan *sc, struct sip_param *p, unsigned flags,
		      struct sip_parse_error *err)
{
	scan_lws(sc);
	if (scan_eof(sc))
		return 0;
	if (*sc->p != ';')
		return hdr_fail(err, -EBADMSG, sc->p, "param: expected ';' before a parameter");
	sc->p++;
	scan_lws(sc);
	if (scan_token(sc, &p->name) < 0) {
		bool empty = scan_eof(sc) || *sc->p == ';' || *sc->p == ',';
		return hdr_fail(err, -EBADMSG, sc->p,
				empty ? "param: empty parameter" : "param: a parameter name must be a token");
	}
	p->value = SLICE_NULL;
	p->quoted = false;

	const char *save = sc->p;
	scan_lws(sc);
	if (!scan_accept(sc, '=')) {
		sc->p = save;
		return 1;
	}
	scan_lws(sc);
	if (scan_eof(sc))
		return hdr_fail(err, -EBADMSG, sc->p, "param: expected a value after '='");

	/* gen-value = token / host / quoted-string */
	const char *v = sc->p;
	if (*v == '"') {
		if (scan_quoted(sc, &p->value) < 0)
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
	scan_token(sc, NULL);
	if ((flags & SIP_GENPARAM_VIA) && !scan_eof(sc) && *sc->p == ':' &&
	    slice_caseeq_cstr(p->name, "received")) {
		/* RFC 5118 §4.5: received=IPv6 without brackets; via.c checks it */
		while (sc->p < sc->end && (hdr_is_hex((unsigned char)*sc->p) || *sc->p == ':' || *sc->p == '.'))
			sc->p++;
	}
	if (sc->p == v)
		return hdr_fail(err, -EBADMSG, v,
				"param: a value must be a token, a host or a quoted string");
	p->value = slice_span(v, sc->p);
	return 1;
}
