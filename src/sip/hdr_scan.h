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

/* slice_u32() inline for the common case: one to nine digits cannot
 * overflow, so they need no test per digit; the rest go to slice_u32.
 * 0, -EINVAL (empty or not all digits) or -ERANGE. */
static inline int hdr_u32(struct slice v, uint32_t *out)
{
	if (v.len - 1 < 9) {
		uint32_t n = 0;
		for (size_t i = 0; i < v.len; i++) {
			unsigned d = (unsigned char)v.ptr[i] - (unsigned)'0';
			if (d > 9)
				return -EINVAL;
			n = n * 10 + d;
		}
		*out = n;
		return 0;
	}
	return slice_u32(v, out);
}

/* memchr(p, c, end - p) for the short distances of a header value,
 * inline: sixteen bytes a step (SSE2), the last block overlapping the one
 * before, bytes one by one when there are fewer than sixteen in all. */
static inline const char *hdr_find(const char *p, const char *end, char c)
{
#if defined(__SSE2__)
	if (end - p >= 16) {
		/* blocks against q = end - 16, the same every step */
		const __m128i k = _mm_set1_epi8(c);
		const char *q = end - 16;
		do {
			unsigned m = (unsigned)_mm_movemask_epi8(
				_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), k));
			if (m)
				return p + __builtin_ctz(m);
			p += 16;
		} while (p <= q);
		if (p == end)
			return NULL;
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

/* scan_lws() with the common cases inline: no white space (one test) and
 * one SP before a byte that is not white space or a line break (what
 * scan_lws_run would skip there); true if any LWS was skipped. */
static inline bool hdr_lws(struct scan *sc)
{
	const char *p = sc->p;
	if (p < sc->end && (scan_class[(unsigned char)*p] & (SCAN_WS | SCAN_CRLF))) {
		if (*p == ' ' && sc->end - p >= 2 &&
		    !(scan_class[(unsigned char)p[1]] & (SCAN_WS | SCAN_CRLF))) {
			sc->p = p + 1;
			return true;
		}
		/* through a copy: the caller's cursor keeps its address untaken */
		struct scan t = *sc;
		bool r = scan_lws_run(&t);
		sc->p = t.p;
		return r;
	}
	return false;
}

/* Byte classes as 128-bit bitmaps, for hdr_class_end: byte lo of a table
 * has bit hi set when the byte hi * 16 + lo is in the class (no byte from
 * 0x80 up is). hdr_scan_test.c checks each against its definition. */
#define HDR_ALIGN16 __attribute__((aligned(16)))
/* RFC 3261 word (scan_class SCAN_WORD): token and ( ) < > : \\ " / [ ] ? { } */
static const unsigned char hdr_rows_word[16] HDR_ALIGN16 = {
	0xe8, 0xfc, 0xfc, 0xf8, 0xf8, 0xfc, 0xf8, 0xfc,
	0xfc, 0xfc, 0xfc, 0xf4, 0x78, 0xf4, 0xdc, 0x7c,
};
/* a sip_param_next value: token and ':' '[' ']' '/' '&' '$' (host and
 * the param-unreserved marks of URI parameters) */
static const unsigned char hdr_rows_pvalue[16] HDR_ALIGN16 = {
	0xe8, 0xfc, 0xf8, 0xf8, 0xfc, 0xfc, 0xfc, 0xfc,
	0xf8, 0xf8, 0xfc, 0x74, 0x50, 0x74, 0xd4, 0x74,
};
/* the bytes of an IPv6 address: HEXDIG ':' '.' */
static const unsigned char hdr_rows_ipv6[16] HDR_ALIGN16 = {
	0x08, 0x58, 0x58, 0x58, 0x58, 0x58, 0x58, 0x08,
	0x08, 0x08, 0x08, 0x00, 0x00, 0x00, 0x04, 0x00,
};

/* True when byte c is in the class of rows. */
static inline bool hdr_in_rows(unsigned char c, const unsigned char rows[16])
{
	return c < 0x80 && ((rows[c & 15] >> (c >> 4)) & 1);
}


/* The first byte in [p, end) not in the class of rows, or end. Every byte
 * of [lo, end) may be read (lo <= p) and no other: sixteen bytes a step
 * with SSSE3, the last step the last sixteen bytes of [lo, end) shifted
 * when there are that many; byte by byte otherwise. Inline: the runs of
 * header parameters are short. */
static inline __attribute__((always_inline)) const char *
hdr_class_end(const char *p, const char *lo, const char *end, const unsigned char rows[16])
{
#if defined(__SSSE3__)
	if (end - lo >= 16) {
		/* blocks while one fits (p against last, the same every
		 * step), then the last one shifted: end - p is 0 .. 15 there,
		 * and bit end - p stands for the end */
		const char *last = end - 16;
		for (; p <= last; p += 16) {
			unsigned m = scan_notin16(p, rows);
			if (m)
				return p + __builtin_ctz(m);
		}
		unsigned n = (unsigned)(end - p);
		unsigned m = (scan_notin16(last, rows) >> (16 - n)) | (1u << n);
		return p + __builtin_ctz(m);
	}
#else
	(void)lo;
#endif
	while (p < end && hdr_in_rows((unsigned char)*p, rows))
		p++;
	return p;
}

/* The first byte in [p, end) that is not a token byte, or end (reads as
 * hdr_class_end). */
static inline __attribute__((always_inline)) const char *
hdr_token_end(const char *p, const char *lo, const char *end)
{
	return hdr_class_end(p, lo, end, scan_rows_token);
}

#if defined(__SSSE3__)
/* The end of a token value after the '=' at ne, the name's end found at
 * bit i of m, the non-token bitmap of the sixteen bytes at b (ne = b + i
 * when i < 16): from that bitmap when it holds the value's end, else by a
 * token run (the parameter walkers' "name=token"). */
static inline __attribute__((always_inline)) const char *
hdr_value_end16(const char *b, unsigned m, unsigned i, const char *ne, const char *lo,
		const char *end)
{
	if (i < 15) {
		unsigned j = (unsigned)__builtin_ctz(m >> (i + 1)) + i + 1;
		return j < 16 ? b + j : hdr_token_end(b + 16, lo, end);
	}
	return hdr_token_end(ne + 1, lo, end);
}
#endif

#if defined(__SSSE3__)
/* Bit i set where byte i of the sixteen at q is '"', '\\', CR or LF. Their
 * low nibbles (2, c, d, a) differ, so one shuffle by the bytes themselves
 * gives each byte the one stop byte with its low nibble, which it equals
 * only when it is that byte; the other entries differ from their index
 * in the low nibble, and a byte of 0x80 and up gets 0 (never equal). */
static inline unsigned hdr_quote_stop16(const char *q)
{
	const __m128i stops = _mm_setr_epi8(0x01, 0x00, '"', 0x02, 0x05, 0x04, 0x07, 0x06,
					    0x09, 0x08, '\n', 0x0a, '\\', '\r', 0x0f, 0x0e);
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_shuffle_epi8(stops, v), v));
}
#elif defined(__SSE2__)
/* Bit i set where byte i of the sixteen at q is '"', '\\', CR or LF. */
static inline unsigned hdr_quote_stop16(const char *q)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	return (unsigned)_mm_movemask_epi8(
		_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
					  _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
			     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
					  _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')))));
}
#endif

/* The first of '"', '\\', CR, LF in [p, end), or end: what ends the plain
 * run of a quoted string. Reads as hdr_token_end does (SSE2). */
static inline __attribute__((always_inline)) const char *
hdr_quote_stop(const char *p, const char *lo, const char *end)
{
#if defined(__SSE2__)
	if (end - lo >= 16) {
		const char *last = end - 16;
		for (; p <= last; p += 16) {
			unsigned m = hdr_quote_stop16(p);
			if (m)
				return p + __builtin_ctz(m);
		}
		unsigned n = (unsigned)(end - p);
		unsigned m = (hdr_quote_stop16(last) >> (16 - n)) | (1u << n);
		return p + __builtin_ctz(m);
	}
#else
	(void)lo;
#endif
	while (p < end && *p != '"' && *p != '\\' && *p != '\r' && *p != '\n')
		p++;
	return p;
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

/* The name of len bytes (1 to 8) at p, each byte ORed with 0x20, as a
 * little-endian word with zeros above: equal to HDR_LIT_WORD of a
 * lower-case literal exactly when the name is that literal in any case
 * (names are tokens: OR-ing 0x20 lowers letters and keeps the other token
 * bytes apart from letters). Every byte of [lo, end) may be read (one word
 * load, the last eight bytes shifted near the end), no other. */
static inline uint64_t hdr_name_word(const char *p, size_t len, const char *lo, const char *end)
{
	uint64_t w = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t m = ~0ull >> (64 - 8 * len);
	if (end - p >= 8) {
		memcpy(&w, p, 8);
		return (w | 0x2020202020202020ull) & m;
	}
	if (end - lo >= 8) {
		memcpy(&w, end - 8, 8);
		return ((w >> (8 * (8 - (end - p)))) | 0x2020202020202020ull) & m;
	}
#else
	(void)lo;
	(void)end;
#endif
	for (size_t i = 0; i < len; i++)
		w |= (uint64_t)((unsigned char)p[i] | 0x20) << (8 * i);
	return w;
}

/* A lower-case string literal of 1 to 8 bytes as a little-endian word, a
 * constant. */
#define HDR_LIT_BYTE_(lit, i) ((uint64_t)(sizeof(lit) > (i) + 1 ? (unsigned char)(lit)[(i) < sizeof(lit) ? (i) : 0] : 0) << (8 * (i)))
#define HDR_LIT_WORD(lit)                                                                  \
	(HDR_LIT_BYTE_(lit, 0) | HDR_LIT_BYTE_(lit, 1) | HDR_LIT_BYTE_(lit, 2) |            \
	 HDR_LIT_BYTE_(lit, 3) | HDR_LIT_BYTE_(lit, 4) | HDR_LIT_BYTE_(lit, 5) |            \
	 HDR_LIT_BYTE_(lit, 6) | HDR_LIT_BYTE_(lit, 7))

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
	/* the first parameter of a field made only of parameters
	 * (P-Charging-Vector: icid-value=...): no ';' before it, and a
	 * ';' there is an empty parameter */
	SIP_GENPARAM_FIRST = 1 << 2,
};
/* sip_genparam_next without its inline fast path: every form (call
 * sip_genparam_next). */
int sip_genparam_next_run(struct scan *sc, struct sip_param *p, unsigned flags,
			  struct sip_parse_error *err);

/* Next parameter at sc: 1 with *p filled (value SLICE_NULL when absent,
 * quoted-string content when p->quoted), 0 at the end, or -EBADMSG. lo is
 * the start of the slice sc reads (every byte of [lo, sc->end) may be
 * read). Inline: the common ";name", ";name=token" and ";name=\"text\""
 * without LWS are read here, in the caller, sixteen bytes a step, and
 * everything else by sip_genparam_next_run from the same place. */
/* sip_genparam_next_run through copies, so that the caller's cursor and
 * parameter, whose addresses are then never taken, can live in registers. */
static inline int hdr_genparam_run(struct scan *sc, struct sip_param *p, unsigned flags,
				   struct sip_parse_error *err)
{
	struct scan t = *sc;
	struct sip_param q;
	int rc = sip_genparam_next_run(&t, &q, flags, err);
	sc->p = t.p;
	if (rc > 0)
		*p = q;
	return rc;
}

static inline __attribute__((always_inline)) int
sip_genparam_next(struct scan *sc, const char *lo, struct sip_param *p, unsigned flags,
		  struct sip_parse_error *err)
{
	const char *s = sc->p, *end = sc->end, *ne, *ve;
	if (s == end || (*s == ',' && (flags & SIP_GENPARAM_LIST)))
		return 0;
	if (*s != ';' || (flags & SIP_GENPARAM_FIRST))
		return hdr_genparam_run(sc, p, flags, err);
#if defined(__SSSE3__)
	/* one class bitmap of the sixteen bytes after ';' finds the end of
	 * the name and, for a short parameter, of its value: bit i set when
	 * s[1 + i] is not a token byte or lies at or past end; bit 16 stands
	 * for the bytes past the block */
	const char *b = s + 1;
	unsigned m;
	if (end - b >= 16) {
		m = scan_notin16(b, scan_rows_token) | 0x10000u;
	} else if (end - lo >= 16) {
		unsigned n = (unsigned)(end - b);
		m = (scan_notin16(end - 16, scan_rows_token) >> (16 - n)) | (0x1ffffu << n);
	} else {
		m = 0;
		for (unsigned i = 0, n = (unsigned)(end - b); i < 16; i++)
			if (i >= n || !hdr_in_rows((unsigned char)b[i], scan_rows_token))
				m |= 1u << i;
		m |= 0x10000u;
	}
	unsigned i = (unsigned)__builtin_ctz(m);
	if (i == 0)
		return hdr_genparam_run(sc, p, flags, err);
	ne = i < 16 ? b + i : hdr_token_end(b + 16, lo, end);
#else
	ne = hdr_token_end(s + 1, lo, end);
	if (ne == s + 1)
		return hdr_genparam_run(sc, p, flags, err);
#endif
	if (ne == end || (*ne != '=' && !(scan_class[(unsigned char)*ne] & (SCAN_WS | SCAN_CRLF)))) {
		p->name = slice_span(s + 1, ne);
		p->value = SLICE_NULL;
		p->quoted = false;
		sc->p = ne;
		return 1;
	}
	if (*ne != '=')
		return hdr_genparam_run(sc, p, flags, err);
	/* name=token, or name="text" */
#if defined(__SSSE3__)
	ve = hdr_value_end16(b, m, i, ne, lo, end);
#else
	ve = hdr_token_end(ne + 1, lo, end);
#endif
	if (ve != ne + 1) {
		if (ve < end && *ve == ':' && (flags & SIP_GENPARAM_VIA)) {
			/* RFC 5118 §4.5: received=IPv6 without brackets, as the
			 * run reads it */
			if (!hdr_name_is(slice_span(s + 1, ne), "received", 8))
				return hdr_genparam_run(sc, p, flags, err);
			ve = hdr_class_end(ve, lo, end, hdr_rows_ipv6);
		}
		p->name = slice_span(s + 1, ne);
		p->value = slice_span(ne + 1, ve);
		p->quoted = false;
		sc->p = ve;
		return 1;
	}
	if (ve < end && *ve == '"') {
		/* a quoted-string without escapes or line breaks */
		const char *q = hdr_quote_stop(ve + 1, lo, end);
		if (q < end && *q == '"') {
			p->name = slice_span(s + 1, ne);
			p->value = slice_span(ve + 1, q);
			p->quoted = true;
			sc->p = q + 1;
			return 1;
		}
	}
	return hdr_genparam_run(sc, p, flags, err);
}

#endif
