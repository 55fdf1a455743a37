/* auth_internal.h: the auth-param and sec-mechanism parameter scanners, shared by
 * their decoders (auth_hdr.c, security.c) and the encoder (encode.c). Not public. */
#ifndef IMSREG_SIP_AUTH_INTERNAL_H
#define IMSREG_SIP_AUTH_INTERNAL_H

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The hot-path helpers of both decoders: inline, so a parameter costs a few
 * instructions per byte and no call where nothing is to be skipped. */

/* LWS, only calling scan_lws when a white-space byte is next. */
static inline void auth_lws(struct scan *sc)
{
	if (sc->p < sc->end && scan_is((unsigned char)*sc->p, SCAN_WS | SCAN_CRLF))
		scan_lws(sc);
}

static inline bool auth_accept(struct scan *sc, char c)
{
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

/* 1*token-char: 0, or -EBADMSG when there is none. */
static inline int auth_token(struct scan *sc, struct slice *out)
{
	/* locals: the class table is read as char, which may alias sc */
	const char *s = sc->p, *p = s, *end = sc->end;
	while (p < end && scan_is((unsigned char)*p, SCAN_TOKEN))
		p++;
	sc->p = p;
	if (p == s)
		return -EBADMSG;
	*out = slice_span(s, p);
	return 0;
}

/* A quoted-string at '"' as scan_quoted reads it; the common case (no
 * escape, no folding) is found with memchr. */
static inline int auth_quoted(struct scan *sc, struct slice *out)
{
	const char *s = sc->p + 1;
	size_t n = (size_t)(sc->end - s);
	const char *q = n ? memchr(s, '"', n) : NULL;
	if (q) {
		n = (size_t)(q - s);
		if (!memchr(s, '\\', n) && !memchr(s, '\n', n) && !memchr(s, '\r', n)) {
			*out = slice_make(s, n);
			sc->p = q + 1;
			return 0;
		}
	}
	return scan_quoted(sc, out);
}

/* ---- sixteen bytes a step: the fast paths of both decoders ----------------
 * Each helper reads only [lo, end) with lo <= p <= end, lo the start of the
 * slice the decoder was given: sixteen bytes at p when there are sixteen,
 * else the last sixteen of the slice shifted down (when it has sixteen),
 * else byte by byte; a position at or past end counts as a stop, so a
 * search always ends at end at the latest. */

/* Bit i (0 to 15) set where p + i is at or past end or p[i] is not a token
 * byte. */
static inline unsigned auth_nontoken16(const char *p, const char *lo, const char *end)
{
	size_t n = (size_t)(end - p);
#if defined(__SSSE3__)
	if (n >= 16)
		return scan_nontoken16(p);
	if (end - lo >= 16)
		return (scan_nontoken16(end - 16) >> (16 - n)) | (0xffffu << n & 0xffffu);
#else
	(void)lo;
#endif
	size_t c = n < 16 ? n : 16;
	unsigned m = n < 16 ? 0xffffu << n & 0xffffu : 0;
	for (size_t i = 0; i < c; i++)
		if (!scan_is((unsigned char)p[i], SCAN_TOKEN))
			m |= 1u << i;
	return m;
}

#if defined(__SSSE3__) || defined(__SSE2__)
/* Bit i set where p[i] is '"', '\\', CR or LF (sixteen bytes at p). */
static inline unsigned auth_qstop16_load(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
#if defined(__SSSE3__)
	/* a byte below 0x80 picks the entry of its low nibble, one of 0x80 and
	 * up picks 0: equal to the entry only for the four stops (each entry
	 * without a stop is 0x80, which no byte picks) */
	static const unsigned char stops[16] __attribute__((aligned(16))) = {
		0x80, 0x80, '"', 0x80, 0x80, 0x80, 0x80, 0x80,
		0x80, 0x80, '\n', 0x80, '\\', '\r', 0x80, 0x80,
	};
	__m128i t = _mm_shuffle_epi8(_mm_load_si128((const __m128i *)(const void *)stops), v);
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(t, v));
#else
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
					      _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
				 _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')),
					      _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
	return (unsigned)_mm_movemask_epi8(m);
#endif
}
#endif


/* The first position from x whose bit is set in the bit array bits (bit i
 * of word i / 64): the caller sets a bit at or before the end of what it
 * searches (a value's length), so the search ends there at the latest. */
static inline size_t auth_bits_next(const uint64_t *bits, size_t x)
{
	size_t i = x >> 6;
	uint64_t w = bits[i] >> (x & 63);
	if (w)
		return x + (unsigned)__builtin_ctzll(w);
	while (!bits[++i])
		;
	return i * 64 + (unsigned)__builtin_ctzll(bits[i]);
}

/* Bit i (0 to 15) set where p + i is at or past end or p[i] is '"', '\\',
 * CR or LF: what ends the plain run of a quoted-string. */
static inline unsigned auth_qstop16(const char *p, const char *lo, const char *end)
{
	size_t n = (size_t)(end - p);
#if defined(__SSSE3__) || defined(__SSE2__)
	if (n >= 16)
		return auth_qstop16_load(p);
	if (end - lo >= 16)
		return (auth_qstop16_load(end - 16) >> (16 - n)) | (0xffffu << n & 0xffffu);
#endif
	size_t c = n < 16 ? n : 16;
	unsigned m = n < 16 ? 0xffffu << n & 0xffffu : 0;
	for (size_t i = 0; i < c; i++)
		if (p[i] == '"' || p[i] == '\\' || p[i] == '\r' || p[i] == '\n')
			m |= 1u << i;
	return m;
}

/* Bit i (0 to 15) set where p + i is before end and p[i] is '=' (no bit
 * at or past end). */
static inline unsigned auth_eq16(const char *p, const char *lo, const char *end)
{
	size_t n = (size_t)(end - p);
#if defined(__SSE2__)
	const __m128i eq = _mm_set1_epi8('=');
	if (n >= 16)
		return (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), eq));
	if (end - lo >= 16)
		return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
			       _mm_loadu_si128((const __m128i *)(const void *)(end - 16)), eq)) >>
		       (16 - n);
#endif
	size_t c = n < 16 ? n : 16;
	unsigned m = 0;
	for (size_t i = 0; i < c; i++)
		if (p[i] == '=')
			m |= 1u << i;
	return m;
}

/* The first byte from p that is '"', '\\', CR or LF, or end. */
static inline const char *auth_qstop(const char *p, const char *lo, const char *end)
{
	for (;;) {
		unsigned m = auth_qstop16(p, lo, end);
		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
}

/* The first byte from p that is not a token byte, or end. */
static inline const char *auth_token_end(const char *p, const char *lo, const char *end)
{
	for (;;) {
		unsigned m = auth_nontoken16(p, lo, end);
		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The eight bytes at p as a little-endian word, those at or past end read
 * as 0 (p <= end). */
static inline uint64_t auth_load8(const char *p, const char *lo, const char *end)
{
	uint64_t w = 0;
	size_t n = (size_t)(end - p);
	if (n >= 8) {
		memcpy(&w, p, 8);
		return w;
	}
	if (n == 0)
		return 0;
	if (end - lo >= 8) {
		memcpy(&w, end - 8, 8);
		return w >> (8 * (8 - n));
	}
	for (size_t i = 0; i < n; i++)
		w |= (uint64_t)(unsigned char)p[i] << (8 * i);
	return w;
}

#endif

/* A token (any case) equal to a lowercase name of letters and '-'. Setting
 * bit 0x20 lowercases a letter and maps no other token byte onto one. */
static inline bool auth_name_is(struct slice t, const char *name, size_t len)
{
	if (t.len != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)t.ptr[i] | 0x20) != (unsigned char)name[i])
			return false;
	return true;
}

/* One auth-param at sc: name LWS "=" LWS (token / quoted-string). 0 with the
 * cursor after the value; -ENOENT when no '=' follows the name (the cursor is
 * then after the name and any LWS); -EBADMSG with the cursor on the fault and
 * *reason set. A quoted value is its content and *quoted is true. */
int sip_auth_param_scan(struct scan *sc, struct slice *name, struct slice *value, bool *quoted,
			const char **reason);
/* The field of an auth-param name (any case), or -1 for an unknown name. */
int sip_auth_field_lookup(struct slice name);

/* One mech-parameter at sc: name [LWS "=" LWS (token / host / quoted-string)].
 * 0 (value SLICE_NULL without '='), or -EBADMSG with the cursor on the fault
 * and *reason set. */
int sip_sec_param_scan(struct scan *sc, struct slice *name, struct slice *value, bool *quoted,
		       const char **reason);
/* True for the parameters struct sip_sec_mech holds as fields. */
bool sip_sec_param_known(struct slice name);

/* Every sec-mechanism of a Security-Client/-Server/-Verify value v (a
 * comma list) decoded in one call: what check.c's list walk over
 * sip_sec_mech_decode_at does, offer by offer (LWS bytes, SP HTAB CR LF,
 * skipped before the first offer and after each ','; each offer decoded as
 * sip_sec_mech_decode_at decodes it from there, up to its ',' or the end).
 * Offer k (from 0) is decoded into ms[k], or into ms[cap - 1] once k >=
 * cap (cap >= 1: check.c may pass one struct); *count is the number of
 * offers decoded without error. Returns 0 when every offer decoded (also
 * for an empty or all-LWS value: *count 0); -EAGAIN when v.ptr is NULL, an
 * offer fails or a ',' ends the list (nothing after it but LWS): err->at
 * and err->reason are then NULL (err->code may hold the failed offer's
 * code) and the caller decodes the value again by the slice path, which
 * gives the verdict, offset and reason of record. err may be NULL. */
int sip_sec_mech_list_run(struct slice v, struct sip_sec_mech *ms, size_t cap, size_t *count,
			  struct sip_parse_error *err);

#endif
