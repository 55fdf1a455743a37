/* hdr_scan.h: internal scanners shared by the typed header decoders (uri.c,
 * addr.c, via.c, scalar.c): host, port, IPv4/IPv6 and the generic-param walk
 * of RFC 3261 §25. Not a public contract. */
#ifndef IMSREG_SIP_HDR_SCAN_H
#define IMSREG_SIP_HDR_SCAN_H

#include <errno.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <imsreg/scan.h>
#include <imsreg/sip.h>

/* Fills err (which may be NULL) and returns code. */
static inline int hdr_fail(struct sip_parse_error *err, int code, const char *at,
			   const char *reason)
{
	if (err) {
		err->code = code;
		err->at = at;
		err->reason = reason;
	}
	return code;
}

/* An absent value (SLICE_NULL) given to a decoder: -EINVAL. */
static inline int hdr_absent(struct sip_parse_error *err)
{
	return hdr_fail(err, -EINVAL, NULL, "no value given");
}

static inline bool hdr_is_hex(unsigned char c)
{
	return scan_is(c, SCAN_HEX);
}

static inline bool hdr_is_digit(unsigned char c)
{
	return (unsigned)(c - '0') <= 9;
}

/* memchr(p, c, end - p) for the short distances of a header value,
 * inline: sixteen bytes a step (SSE2), the last block overlapping the one
 * before, bytes one by one when there are fewer than sixteen in all. */
static inline const char *hdr_find(const char *p, const char *end, char c)
{
#if defined(__SSE2__)
	if (end - p >= 16) {
		const __m128i k = _mm_set1_epi8(c);
		for (;;) {
			unsigned m = (unsigned)_mm_movemask_epi8(
				_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), k));
			if (m)
				return p + __builtin_ctz(m);
			p += 16;
			if (end - p < 16)
				break;
		}
		if (p == end)
			return NULL;
		const char *q = end - 16;
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)q), k)) >> (p - q);
		return m ? p + __builtin_ctz(m) : NULL;
	}
#endif
	for (; p < end; p++)
		if (*p == c)
			return p;
	return NULL;
}

/* The first byte from p that is not of scan_class cls (or end). */
static inline const char *hdr_span(const char *p, const char *end, unsigned cls)
{
	return scan_class_span(p, end, cls);
}

/* The bytes sip_list_next trims around an element: SP HTAB CR LF. */
static inline bool hdr_is_lws_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* end moved back over trailing hdr_is_lws_byte bytes, not before s. */
static inline const char *hdr_trim_end(const char *s, const char *end)
{
	while (end > s && hdr_is_lws_byte(end[-1]))
		end--;
	return end;
}

/* scan_lws() with the common case (no white space) inline: true if any
 * LWS was skipped. */
static inline bool hdr_lws(struct scan *sc)
{
	if (sc->p < sc->end && (scan_class[(unsigned char)*sc->p] & (SCAN_WS | SCAN_CRLF)))
		return scan_lws(sc);
	return false;
}

/* A token at sc: 0 with *out set, or -EBADMSG with the cursor unmoved. */
static inline int hdr_token(struct scan *sc, struct slice *out)
{
	const char *q = hdr_span(sc->p, sc->end, SCAN_TOKEN);
	if (q == sc->p)
		return -EBADMSG;
	if (out)
		*out = slice_span(sc->p, q);
	sc->p = q;
	return 0;
}

/* Consumes c if it is next: true when consumed. */
static inline bool hdr_accept(struct scan *sc, char c)
{
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

/* SWS c: consumes optional LWS then c; false (cursor after the LWS) if c
 * is not there. */
static inline bool hdr_sws_accept(struct scan *sc, char c)
{
	hdr_lws(sc);
	return hdr_accept(sc, c);
}

/* Case-insensitive name equality against a lowercase literal of len bytes
 * (names are tokens: OR-ing 0x20 lowers letters and keeps the other token
 * characters apart from the literal's). */
static inline bool hdr_name_is(struct slice n, const char *lower, size_t len)
{
	if (n.len != len)
		return false;
	if (len >= 1 && len <= 8) {
		/* one word compare: len is a literal's length, so the copies
		 * are fixed-size loads */
		uint64_t w = 0, l = 0, m = ~0ull >> (64 - 8 * len);
		memcpy(&w, n.ptr, len);
		memcpy(&l, lower, len);
		return (w | (0x2020202020202020ull & m)) == l;
	}
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)n.ptr[i] | 0x20) != (unsigned char)lower[i])
			return false;
	return true;
}
#define HDR_NAME_IS(n, lit) hdr_name_is((n), (lit), sizeof(lit) - 1)

/* scan_quoted() (kept as a name for the decoders; scan_quoted has the fast path). */
int sip_quoted_scan(struct scan *sc, struct slice *out);

/* A host at sc->p: "[" IPv6address "]" / IPv4address / hostname (RFC 3261
 * §25, RFC 5118). 0 with the cursor after it, or -EBADMSG (cursor and
 * err->at on the offending byte). */
int sip_host_scan(struct scan *sc, struct slice *host, enum sip_host_type *type,
		  struct sip_parse_error *err);
/* A port (1*DIGIT) at sc->p: 0, -EBADMSG (no digit), -ERANGE (> 65535). */
int sip_port_scan(struct scan *sc, uint16_t *port, struct sip_parse_error *err);
/* An IPv4address at p: the byte after it, or NULL with *bad on the
 * offending byte (octets 1-3 digits, at most 255). */
const char *sip_ipv4_scan(const char *p, const char *end, const char **bad);
/* An IPv6address at p (no brackets): the byte after it, or NULL with *bad
 * on the offending byte. At most 8 groups; "::" once; the three-colon form
 * "x::" ":" IPv4 of RFC 3261's ABNF is tolerated (RFC 5118 §4.10). */
const char *sip_ipv6_scan(const char *p, const char *end, const char **bad);
/* True when the bytes at p look like an IPv6 address written without
 * brackets (two or more ':' among hex digits): for a clearer error. */
bool sip_ipv6_bare_like(const char *p, const char *end);

/* Generic parameters after a URI or sent-by: *( SEMI generic-param ),
 * generic-param = token [ EQUAL gen-value ], gen-value = token / host /
 * quoted-string (RFC 3261 §25), LWS allowed around ';' and '='. */
enum sip_genparam_flags {
	/* Via: received=IPv6 without brackets (RFC 5118 §4.5) */
	SIP_GENPARAM_VIA = 1 << 0,
	/* a list element: a ',' where the next ';' could be ends the
	 * parameters (0, the cursor left on the ',') */
	SIP_GENPARAM_LIST = 1 << 1,
};
/* sip_genparam_next without its inline fast path: every form (call
 * sip_genparam_next). */
int sip_genparam_next_run(struct scan *sc, struct sip_param *p, unsigned flags,
			  struct sip_parse_error *err);

/* Next parameter at sc: 1 with *p filled (value SLICE_NULL when absent,
 * quoted-string content when p->quoted), 0 at the end, or -EBADMSG.
 * Inline: the common ";name" and ";name=token" without LWS are read here,
 * in the caller, and everything else by sip_genparam_next_run from the
 * same place. */
static inline int sip_genparam_next(struct scan *sc, struct sip_param *p, unsigned flags,
				    struct sip_parse_error *err)
{
	const char *s = sc->p, *end = sc->end;
	if (s == end || (*s == ',' && (flags & SIP_GENPARAM_LIST)))
		return 0;
	if (end - s >= 2 && *s == ';' && scan_is((unsigned char)s[1], SCAN_TOKEN)) {
		const char *ne = scan_class_span(s + 2, end, SCAN_TOKEN), *ve;
		if (ne == end || (*ne != '=' && !scan_is((unsigned char)*ne, SCAN_WS | SCAN_CRLF))) {
			p->name = slice_span(s + 1, ne);
			p->value = SLICE_NULL;
			p->quoted = false;
			sc->p = ne;
			return 1;
		}
		/* a Via value going on with ':' may be received=IPv6 (the run) */
		if (*ne == '=' && end - ne >= 2 && scan_is((unsigned char)ne[1], SCAN_TOKEN) &&
		    ((ve = scan_class_span(ne + 2, end, SCAN_TOKEN)) == end || *ve != ':' ||
		     !(flags & SIP_GENPARAM_VIA))) {
			p->name = slice_span(s + 1, ne);
			p->value = slice_span(ne + 1, ve);
			p->quoted = false;
			sc->p = ve;
			return 1;
		}
	}
	return sip_genparam_next_run(sc, p, flags, err);
}

#endif
