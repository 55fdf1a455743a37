/* via.c: Via header values (RFC 3261 §20.42, §25 via-parm; RFC 3581 rport; RFC 5118 §4.5 received). */
#include <errno.h>
#include <string.h>
#include <imsreg/sip.h>
#include "decode_internal.h"
#include "hdr_scan.h"

/* received = IPv4address / IPv6address, the latter with or without
 * brackets (RFC 5118 §4.5). */
static int via_received_check(struct slice v, struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len, *bad = p, *q;
	if (v.len && *p == '[') {
		q = sip_ipv6_scan(p + 1, end, &bad);
		if (q && q + 1 == end && *q == ']')
			return 0;
		if (q)
			bad = q;
	} else if (memchr(p, ':', v.len)) {
		q = sip_ipv6_scan(p, end, &bad);
		if (q == end)
			return 0;
		if (q)
			bad = q;
	} else {
		q = sip_ipv4_scan(p, end, &bad);
		if (q == end)
			return 0;
		if (q)
			bad = q;
	}
	return hdr_fail(err, -EBADMSG, bad, "Via: received must be an IPv4 or IPv6 address");
}

static int via_param(struct sip_via *via, const struct sip_param *pm, struct sip_parse_error *err)
{
	struct slice n = pm->name, v = pm->value;
	const char *at = !v.ptr ? n.ptr : pm->quoted ? v.ptr - 1 : v.ptr;

	switch (n.len) {
	case 3:
		if (HDR_NAME_IS(n, "ttl")) {
			/* ttl = 1*3DIGIT ; 0 to 255 */
			uint32_t t;
			if (!v.ptr || pm->quoted || v.len > 3 || slice_u32(v, &t) < 0 || t > 255)
				return hdr_fail(err, -EBADMSG, at, "Via: ttl must be a number from 0 to 255");
			via->ttl = v;
		}
		break;
	case 5:
		if (HDR_NAME_IS(n, "maddr")) {
			struct slice h;
			enum sip_host_type ht;
			if (!v.ptr || pm->quoted)
				return hdr_fail(err, -EBADMSG, at, "Via: maddr must be a host");
			struct scan sc = { v.ptr, v.ptr + v.len };
			int rc = sip_host_scan(&sc, &h, &ht, err);
			if (rc < 0)
				return rc;
			if (!scan_eof(&sc))
				return hdr_fail(err, -EBADMSG, sc.p, "Via: maddr must be a host");
			via->maddr = v;
		} else if (HDR_NAME_IS(n, "rport")) {
			/* RFC 3581: response-port = "rport" [EQUAL 1*DIGIT] */
			if (v.ptr) {
				uint32_t port;
				int rc = slice_u32(v, &port);
				if (pm->quoted || rc == -EINVAL)
					return hdr_fail(err, -EBADMSG, at, "Via: rport must be empty or a port number");
				if (rc < 0 || port > 65535)
					return hdr_fail(err, -ERANGE, at, "Via: rport larger than 65535");
			}
			via->has_rport = true;
			via->rport = v.ptr ? v : slice_make(n.ptr + n.len, 0);
		}
		break;
	case 6:
		if (HDR_NAME_IS(n, "branch")) {
			if (!v.ptr || pm->quoted)
				return hdr_fail(err, -EBADMSG, at, "Via: branch must be a token");
			via->branch = v;
		}
		break;
	case 8:
		if (HDR_NAME_IS(n, "received")) {
			if (!v.ptr || pm->quoted)
				return hdr_fail(err, -EBADMSG, at, "Via: received must be an IPv4 or IPv6 address");
			int rc = via_received_check(v, err);
			if (rc < 0)
				return rc;
			via->received = v;
		}
		break;
	}
	return 0;
}

/* "SIP/2.0/" at p (eight bytes readable; the letters in any case): one
 * word compare on little-endian hosts (elsewhere false, and via_run reads
 * it step by step). */
static inline bool sip20_at(const char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w;
	memcpy(&w, p, 8);
	return (w | 0x202020) == 0x2f302e322f706973ull; /* "sip/2.0/" */
#else
	(void)p;
	return false;
#endif
}

/* One via-parm at sc. With list, a ',' after the value ends it (the
 * cursor is left on it) as the end of the input does otherwise. */
static int via_run(struct sip_via *via, struct scan *scp, bool list, struct sip_parse_error *err)
{
	struct scan sc = *scp;
	const char *lo = sc.p;
	int rc;

	hdr_lws(&sc);

	/* sent-protocol = protocol-name SLASH protocol-version SLASH transport,
	 * SLASH = SWS "/" SWS */
	if (sc.end - sc.p >= 9 && sip20_at(sc.p)) {
		/* "SIP/2.0/" (the letters in any case): what the steps below
		 * read there, in one compare */
		via->protocol = slice_make(sc.p, 3);
		via->version = slice_make(sc.p + 4, 3);
		sc.p += 8;
		goto transport;
	}
	if (hdr_token(&sc, &via->protocol) < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "Via: expected protocol name \"SIP\"");
	if (!hdr_sws_accept(&sc, '/'))
		return hdr_fail(err, -EBADMSG, sc.p, "Via: expected '/' after the protocol name");
	hdr_lws(&sc);
	if (hdr_token(&sc, &via->version) < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "Via: expected protocol version after \"SIP/\"");
	if (!hdr_sws_accept(&sc, '/'))
		return hdr_fail(err, -EBADMSG, sc.p, "Via: expected '/' after the protocol version");
transport:
	hdr_lws(&sc);
	{
		const char *t = hdr_token_end(sc.p, lo, sc.end);
		if (t == sc.p)
			return hdr_fail(err, -EBADMSG, sc.p, "Via: expected transport after \"SIP/2.0/\"");
		via->transport = slice_span(sc.p, t);
		sc.p = t;
	}

	/* LWS sent-by */
	if (!hdr_lws(&sc))
		return hdr_fail(err, -EBADMSG, sc.p,
				scan_eof(&sc) ? "Via: expected sent-by after the transport"
					      : "Via: expected white space after the transport");
	if (scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p, "Via: expected sent-by after the transport");
	const char *host = sc.p;
	rc = sip_host_scan(&sc, &via->host, &via->host_type, err);
	if (rc == 0) {
		/* sent-by = host [ COLON port ], COLON = SWS ":" SWS */
		const char *save = sc.p;
		hdr_lws(&sc);
		if (hdr_accept(&sc, ':')) {
			hdr_lws(&sc);
			rc = sip_port_scan(&sc, &via->port, err);
			via->has_port = rc == 0;
		} else {
			sc.p = save;
		}
	}
	if (rc < 0) {
		if (*host != '[' && sip_ipv6_bare_like(host, sc.end))
			rc = hdr_fail(err, -EBADMSG, host,
				      "Via: an IPv6 sent-by must be enclosed in [] (RFC 5118)");
		return rc;
	}

	/* *( SEMI via-params ) */
	const char *after = sc.p;
	hdr_lws(&sc);
	if (scan_eof(&sc) || (list && *sc.p == ',')) {
		*scp = sc;
		return 0;
	}
	if (*sc.p != ';')
		return hdr_fail(err, -EBADMSG, sc.p,
				*sc.p == ',' ? "Via: unexpected ',' (empty Via value?)"
					     : "Via: expected ';' or the end after sent-by");
	via->params = slice_span(sc.p + 1, sc.end);
	sc.p = after;
	struct sip_param pm;
	unsigned gflags = SIP_GENPARAM_VIA | (list ? SIP_GENPARAM_LIST : 0);
	while ((rc = sip_genparam_next(&sc, lo, &pm, gflags, err)) > 0) {
		rc = via_param(via, &pm, err);
		if (rc < 0)
			return rc;
	}
	if (list)
		via->params.len = (size_t)(hdr_trim_end(via->params.ptr, sc.p) - via->params.ptr);
	*scp = sc;
	return rc;
}

int sip_via_decode(struct sip_via *via, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;

	memset(via, 0, sizeof(*via));
	if (!value.ptr)
		return hdr_absent(err);
	scan_init(&sc, value);
	return via_run(via, &sc, false, err);
}

int sip_via_decode_at(struct sip_via *via, struct scan *sc, struct sip_parse_error *err)
{
	memset(via, 0, sizeof(*via));
	return via_run(via, sc, true, err);
}
