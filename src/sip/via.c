/* via.c: Via header values (RFC 3261 §20.42, §25 via-parm; RFC 3581 rport; RFC 5118 §4.5 received). */
#include <errno.h>
#include <string.h>
#include <imsreg/sip.h>
#include "decode_internal.h"
#include "hdr_scan.h"
#include "uri_internal.h"

/* received = IPv4address / IPv6address, the latter with or without
 * brackets (RFC 5118 §4.5). */
static int via_received_check(struct slice v, struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len, *bad = p, *q;
	if (v.len && *p == '[') {
		q = sip_ipv6_fast(p + 1, end);
		if (q && q + 1 == end && *q == ']')
			return 0;
		q = sip_ipv6_scan(p + 1, end, &bad);
		if (q && q + 1 == end && *q == ']')
			return 0;
		if (q)
			bad = q;
	} else if (sip_ipv6_fast(p, end) == end) {
		/* the common IPv6 address on bit masks (it has a ':') */
		return 0;
	} else if (hdr_find(p, end, ':')) {
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


/* One parameter into k: its name is matched with one word compare (len
 * and the name folded to lower case); [lo, end): the readable bytes. A
 * known name seen again is an error: peers differ on which one counts
 * (sofia-sip takes the first), so the branch, the address a response goes
 * to or the rport would depend on who reads the message. */
static inline __attribute__((always_inline)) int
via_param(struct sip_via *k, const struct sip_param *pm, const char *lo, const char *end,
	  struct sip_parse_error *err)
{
	struct slice n = pm->name, v = pm->value;
#define VIA_AT (!v.ptr ? n.ptr : pm->quoted ? v.ptr - 1 : v.ptr)

	switch (n.len) {
	case 3:
		if (hdr_name_word(n.ptr, 3, lo, end) == HDR_LIT_WORD("ttl")) {
			/* ttl = 1*3DIGIT ; 0 to 255 */
			uint32_t t;
			if (!v.ptr || pm->quoted || v.len > 3 || hdr_u32(v, &t) < 0 || t > 255)
				return hdr_fail(err, -EBADMSG, VIA_AT, "Via: ttl must be a number from 0 to 255");
			if (k->ttl.ptr)
				return hdr_fail(err, -EBADMSG, n.ptr, "Via: ttl given twice");
			k->ttl = v;
		}
		break;
	case 5: {
		uint64_t w = hdr_name_word(n.ptr, 5, lo, end);
		if (w == HDR_LIT_WORD("rport")) {
			/* RFC 3581: response-port = "rport" [EQUAL 1*DIGIT] */
			if (v.ptr) {
				uint32_t port;
				int rc = hdr_u32(v, &port);
				if (pm->quoted || rc == -EINVAL)
					return hdr_fail(err, -EBADMSG, VIA_AT, "Via: rport must be empty or a port number");
				if (rc < 0 || port > 65535)
					return hdr_fail(err, -ERANGE, VIA_AT, "Via: rport larger than 65535");
			}
			if (k->has_rport)
				return hdr_fail(err, -EBADMSG, n.ptr, "Via: rport given twice");
			k->has_rport = true;
			k->rport = v.ptr ? v : slice_make(n.ptr + n.len, 0);
		} else if (w == HDR_LIT_WORD("maddr")) {
			struct slice h;
			enum sip_host_type ht;
			if (!v.ptr || pm->quoted)
				return hdr_fail(err, -EBADMSG, VIA_AT, "Via: maddr must be a host");
			struct scan sc = { v.ptr, v.ptr + v.len };
			int rc = sip_host_scan(&sc, &h, &ht, err);
			if (rc < 0)
				return rc;
			if (!scan_eof(&sc))
				return hdr_fail(err, -EBADMSG, sc.p, "Via: maddr must be a host");
			if (k->maddr.ptr)
				return hdr_fail(err, -EBADMSG, n.ptr, "Via: maddr given twice");
			k->maddr = v;
		}
		break;
	}
	case 6:
		if (hdr_name_word(n.ptr, 6, lo, end) == HDR_LIT_WORD("branch")) {
			if (!v.ptr || pm->quoted)
				return hdr_fail(err, -EBADMSG, VIA_AT, "Via: branch must be a token");
			if (k->branch.ptr)
				return hdr_fail(err, -EBADMSG, n.ptr, "Via: branch given twice");
			k->branch = v;
		}
		break;
	case 8:
		if (hdr_name_word(n.ptr, 8, lo, end) == HDR_LIT_WORD("received")) {
			if (!v.ptr || pm->quoted)
				return hdr_fail(err, -EBADMSG, VIA_AT, "Via: received must be an IPv4 or IPv6 address");
			int rc = via_received_check(v, err);
			if (rc < 0)
				return rc;
			if (k->received.ptr)
				return hdr_fail(err, -EBADMSG, n.ptr, "Via: received given twice");
			k->received = v;
		}
		break;
	}
	return 0;
#undef VIA_AT
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

/* A port of one to five digits up to 65535 at p (what sip_port_scan reads
 * there, inline): the byte after it, or NULL for sip_port_scan to read. */
static inline const char *via_port_fast(const char *p, const char *end, uint16_t *port)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (end - p >= 5) {
		/* four digits and no fifth (5060, 5061, ...): one word test */
		uint32_t w;
		memcpy(&w, p, 4);
		/* every byte 0x30-0x3f, and still so with 6 added (no carry
		 * between bytes then): every byte '0'-'9' */
		if ((w & 0xf0f0f0f0u) == 0x30303030u && ((w + 0x06060606u) & 0xf0f0f0f0u) == 0x30303030u &&
		    !hdr_is_digit((unsigned char)p[4])) {
			/* the digits d0 d1 d2 d3 in bytes 0..3: d0 * 10 + d1 in
			 * byte 0, d2 * 10 + d3 in byte 2 (each below 100), then
			 * the two pairs */
			uint32_t d = w - 0x30303030u;
			d = d * 10 + (d >> 8);
			*port = (uint16_t)((d & 0xff) * 100 + ((d >> 16) & 0xff));
			return p + 4;
		}
	}
#endif
	const char *q = p;
	uint32_t v = 0;
	unsigned d;
	while (q < end && q - p < 5 && (d = (unsigned)((unsigned char)*q - '0')) <= 9) {
		v = v * 10 + d;
		q++;
	}
	if (q == p || v > 65535 || (q < end && hdr_is_digit((unsigned char)*q)))
		return NULL;
	*port = (uint16_t)v;
	return q;
}

/* One via-parm at sc. With list, a ',' after the value ends it (the
 * cursor is left on it) as the end of the input does otherwise. There is
 * no memset: each field of via is written once, but for the known params,
 * set absent before the walk; on an error some may be left unwritten. */
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
		const char *t = sc.p;
		uint32_t w4 = 0;
		if (sc.end - t >= 5)
			memcpy(&w4, t, 4);
		/* "UDP " or "TCP " (the letters in any case): three token
		 * bytes and SP in one compare; any other, byte by byte */
		if (sc.end - t >= 5 &&
		    ((w4 | 0x202020u) == (uint32_t)HDR_LIT_WORD("udp ") ||
		     (w4 | 0x202020u) == (uint32_t)HDR_LIT_WORD("tcp ") ||
		     (scan_is((unsigned char)t[0], SCAN_TOKEN) && scan_is((unsigned char)t[1], SCAN_TOKEN) &&
		      scan_is((unsigned char)t[2], SCAN_TOKEN) && t[3] == ' ')) &&
		    !scan_is((unsigned char)t[4], SCAN_WS | SCAN_CRLF)) {
			/* a three-letter transport (UDP TCP TLS WSS) and one SP:
			 * what the steps below read there */
			via->transport = slice_make(t, 3);
			sc.p = t + 4;
			goto sent_by;
		}
		goto transport;
	}
	{
		struct scan t = sc;
		if (hdr_token(&t, &via->protocol) < 0)
			return hdr_fail(err, -EBADMSG, t.p, "Via: expected protocol name \"SIP\"");
		if (!hdr_sws_accept(&t, '/'))
			return hdr_fail(err, -EBADMSG, t.p, "Via: expected '/' after the protocol name");
		hdr_lws(&t);
		if (hdr_token(&t, &via->version) < 0)
			return hdr_fail(err, -EBADMSG, t.p, "Via: expected protocol version after \"SIP/\"");
		if (!hdr_sws_accept(&t, '/'))
			return hdr_fail(err, -EBADMSG, t.p, "Via: expected '/' after the protocol version");
		sc = t;
	}
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
sent_by:;
	const char *host = sc.p;
	bool has_port = false;
	uint16_t port = 0;
	const char *he = sip_host_fast(sc.p, sc.end, &via->host_type), *pe;
	if (he && he < sc.end && *he == ':' && (pe = via_port_fast(he + 1, sc.end, &port))) {
		/* host ":" port, as nearly every Via has it: what the steps
		 * below read, without a cursor of their own */
		via->host = slice_span(sc.p, he);
		sc.p = pe;
		has_port = true;
		rc = 0;
	} else if (he && (he == sc.end || *he == ';')) {
		/* a host and then the parameters or the end */
		via->host = slice_span(sc.p, he);
		sc.p = he;
		rc = 0;
	} else {
		struct scan t = sc;
		if (he) {
			via->host = slice_span(t.p, he);
			t.p = he;
			rc = 0;
		} else {
			rc = sip_host_scan(&t, &via->host, &via->host_type, err);
		}
		if (rc == 0) {
			/* sent-by = host [ COLON port ], COLON = SWS ":" SWS */
			const char *q;
			if (t.p < t.end && *t.p == ':' && (q = via_port_fast(t.p + 1, t.end, &port))) {
				t.p = q;
				has_port = true;
			} else {
				const char *save = t.p;
				hdr_lws(&t);
				if (hdr_accept(&t, ':')) {
					hdr_lws(&t);
					rc = sip_port_scan(&t, &port, err);
					has_port = rc == 0;
				} else {
					t.p = save;
				}
			}
		}
		sc = t;
	}
	if (rc < 0) {
		if (*host != '[' && sip_ipv6_bare_like(host, sc.end))
			rc = hdr_fail(err, -EBADMSG, host,
				      "Via: an IPv6 sent-by must be enclosed in [] (RFC 5118)");
		return rc;
	}
	via->has_port = has_port;
	via->port = port;

	/* *( SEMI via-params ) */
	/* the known params start absent; the walk writes those it finds
	 * (five stores: cheaper than holding them apart and copying) */
	via->branch = via->received = via->maddr = via->ttl = via->rport = SLICE_NULL;
	via->has_rport = false;
	struct slice params = SLICE_NULL;
	const char *after = sc.p;
	if (sc.p == sc.end || *sc.p != ';') {
		hdr_lws(&sc);
		if (scan_eof(&sc) || (list && *sc.p == ','))
			goto done;
		if (*sc.p != ';')
			return hdr_fail(err, -EBADMSG, sc.p,
					*sc.p == ',' ? "Via: unexpected ',' (empty Via value?)"
						     : "Via: expected ';' or the end after sent-by");
	}
	params = slice_span(sc.p + 1, sc.end);
	sc.p = after;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* The parameters of nearly every Via, each in one step, in any order:
	 * ";branch=" token (RFC 3261 §8.1.1.7 puts it in every Via),
	 * ";rport" alone or "=" a port (RFC 3581), ";received=" an address
	 * (RFC 5118 §4.5): what sip_genparam_next and via_param conclude for
	 * them; the walk below from the first other one (or any form of these
	 * that is not the plain one, errors included). */
	while (sc.end - sc.p >= 6) {
		const char *s = sc.p, *end = sc.end;
		uint64_t w;
		if (end - s >= 8) {
			memcpy(&w, s, 8);
		} else {
			/* ";rport" at the end: six bytes */
			uint32_t w4;
			uint16_t w2;
			memcpy(&w4, s, 4);
			memcpy(&w2, s + 4, 2);
			w = w4 | (uint64_t)w2 << 32;
		}
		if ((w | 0x0020202020202000ull) == HDR_LIT_WORD(";branch=")) {
			const char *v = s + 8, *ve = hdr_token_end(v, lo, end);
			if (ve == v || (ve != end && *ve == ':') || via->branch.ptr)
				break;
			via->branch = slice_span(v, ve);
			sc.p = ve;
		} else if (((w & 0xffffffffffffull) | 0x202020202000ull) == HDR_LIT_WORD(";rport")) {
			/* a name that ends at the end, or at a byte that is no
			 * token byte, '=' or white space: the flag */
			const char *ne = s + 6;
			if (via->has_rport)
				break; /* a second one: the walk's error */
			if (ne == end ||
			    (!scan_is((unsigned char)*ne, SCAN_TOKEN | SCAN_WS | SCAN_CRLF) && *ne != '=')) {
				via->has_rport = true;
				via->rport = slice_make(ne, 0);
				sc.p = ne;
				continue;
			}
			/* "=" and a port of one to five digits, up to 65535, the
			 * whole token (what follows it no token byte or ':') */
			if (*ne != '=')
				break;
			const char *v = ne + 1, *ve;
			uint16_t rp;
			if (!(ve = via_port_fast(v, end, &rp)) ||
			    (ve != end && (scan_is((unsigned char)*ve, SCAN_TOKEN) || *ve == ':')))
				break;
			via->has_rport = true;
			via->rport = slice_span(v, ve);
			sc.p = ve;
		} else if (end - s >= 10 && (w | 0x2020202020202000ull) == HDR_LIT_WORD(";receive") &&
			   (s[8] | 0x20) == 'd' && s[9] == '=') {
			/* a token, or the IPv6 address the walk reads on at a ':' */
			const char *v = s + 10, *ve = NULL;
			if (via->received.ptr)
				break;
			if (v < end && *v != ':') {
				/* an IPv6 address (RFC 5118 §4.5) by the bit masks
				 * alone, when no byte of its class follows it: the
				 * walk's token run stops at its first ':' and the run
				 * of its class at its end, where this one does */
				const char *q = sip_ipv6_fast(v, end);
				if (q && (q == end || !hdr_in_rows((unsigned char)*q, hdr_rows_ipv6)))
					ve = q;
			}
			if (!ve) {
				ve = hdr_token_end(v, lo, end);
				if (ve == v)
					break;
				if (ve != end && *ve == ':')
					ve = hdr_class_end(ve, lo, end, hdr_rows_ipv6);
				if (via_received_check(slice_span(v, ve), NULL) < 0)
					break;
			}
			via->received = slice_span(v, ve);
			sc.p = ve;
		} else {
			break;
		}
	}
	if (sc.p == sc.end)
		goto done; /* the last of them ends the value: params end there */
#endif
	struct sip_param pm;
	unsigned gflags = SIP_GENPARAM_VIA | (list ? SIP_GENPARAM_LIST : 0);
	while ((rc = sip_genparam_next(&sc, lo, &pm, gflags, err)) > 0) {
		rc = via_param(via, &pm, lo, sc.end, err);
		if (rc < 0)
			return rc;
	}
	if (rc < 0)
		return rc;
	if (list)
		params.len = (size_t)(hdr_trim_end(params.ptr, sc.p) - params.ptr);
done:
	via->params = params;
	*scp = sc;
	return 0;
}

int sip_via_decode(struct sip_via *via, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;

	if (!value.ptr) {
		memset(via, 0, sizeof(*via));
		return hdr_absent(err);
	}
	scan_init(&sc, value);
	return via_run(via, &sc, false, err);
}

int sip_via_decode_at(struct sip_via *via, struct scan *sc, struct sip_parse_error *err)
{
	return via_run(via, sc, true, err);
}
