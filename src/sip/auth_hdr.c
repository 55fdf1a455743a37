/* auth_hdr.c: challenges, credentials and Authentication-Info (RFC 3261 §20.6 §20.7 §20.27
 * §20.44 §25.1, RFC 7616 Digest, RFC 3310 auts, 3GPP TS 24.229 §7.2A.1 integrity-protected). */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "auth_internal.h"
#if defined(__SSE4_1__)
#include <smmintrin.h>
#endif

static const char *const field_names[SIP_AUTH__COUNT] = {
	[SIP_AUTH_USERNAME] = "username",
	[SIP_AUTH_REALM] = "realm",
	[SIP_AUTH_NONCE] = "nonce",
	[SIP_AUTH_URI] = "uri",
	[SIP_AUTH_RESPONSE] = "response",
	[SIP_AUTH_ALGORITHM] = "algorithm",
	[SIP_AUTH_CNONCE] = "cnonce",
	[SIP_AUTH_OPAQUE] = "opaque",
	[SIP_AUTH_QOP] = "qop",
	[SIP_AUTH_NC] = "nc",
	[SIP_AUTH_AUTS] = "auts",
	[SIP_AUTH_DOMAIN] = "domain",
	[SIP_AUTH_STALE] = "stale",
	[SIP_AUTH_USERHASH] = "userhash",
	[SIP_AUTH_CHARSET] = "charset",
	[SIP_AUTH_RSPAUTH] = "rspauth",
	[SIP_AUTH_NEXTNONCE] = "nextnonce",
	[SIP_AUTH_INTEGRITY_PROTECTED] = "integrity-protected",
	[SIP_AUTH_CK] = "ck",
	[SIP_AUTH_IK] = "ik",
};

/* Where auth_fast stopped: at a parameter, after a value at what is not a
 * plain separator, at the end after a value. */
enum { FAST_PARAM, FAST_SEP, FAST_END };

/* What auth_fast returns, in two registers (rax, rdx) rather than through
 * pointers its frame would keep: p where it stopped, last the end of the
 * last value it took (NULL for none). The state is in them: p at the end
 * is FAST_END, p equal to last FAST_SEP (a value's end before the end),
 * anything else FAST_PARAM (p is then a parameter's start, after last). */
struct auth_fast_res {
	const char *p, *last;
};

static inline int auth_fast_state(struct auth_fast_res r, const char *end)
{
	return r.p == end ? FAST_END : r.p == r.last ? FAST_SEP : FAST_PARAM;
}

/* Up to this many unknown parameters of one value are checked for
 * duplicates (a fixed array: decoding never allocates). */
#define UNKNOWN_MAX 16

const char *sip_auth_field_name(enum sip_auth_field f)
{
	return (unsigned)f < SIP_AUTH__COUNT ? field_names[f] : NULL;
}

static int fail(struct sip_parse_error *err, int code, const char *at, const char *reason)
{
	if (err) {
		err->code = code;
		err->at = at;
		err->reason = reason;
	}
	return code;
}

/* f when name is lit (any case), else -1: a literal of up to 8 bytes folds
 * into one word compare in scan_name_eq. */
#define FIELD_IS(lit, f) (scan_name_eq(p, lit, sizeof(lit) - 1) ? (f) : -1)

int sip_auth_field_lookup(struct slice name)
{
	/* one candidate by length and a distinguishing byte, then one compare */
	const char *p = name.ptr;
	if (name.len < 2)
		return -1;
	unsigned c0 = (unsigned char)p[0] | 0x20;
	switch (name.len) {
	case 2:
		return c0 == 'n' ? FIELD_IS("nc", SIP_AUTH_NC)
		       : c0 == 'c' ? FIELD_IS("ck", SIP_AUTH_CK)
				   : FIELD_IS("ik", SIP_AUTH_IK);
	case 3:
		return c0 == 'u' ? FIELD_IS("uri", SIP_AUTH_URI) : FIELD_IS("qop", SIP_AUTH_QOP);
	case 4:
		return FIELD_IS("auts", SIP_AUTH_AUTS);
	case 5:
		return c0 == 'r' ? FIELD_IS("realm", SIP_AUTH_REALM)
		       : c0 == 'n' ? FIELD_IS("nonce", SIP_AUTH_NONCE)
				   : FIELD_IS("stale", SIP_AUTH_STALE);
	case 6:
		return c0 == 'c' ? FIELD_IS("cnonce", SIP_AUTH_CNONCE)
		       : c0 == 'o' ? FIELD_IS("opaque", SIP_AUTH_OPAQUE)
				   : FIELD_IS("domain", SIP_AUTH_DOMAIN);
	case 7:
		return c0 == 'c' ? FIELD_IS("charset", SIP_AUTH_CHARSET)
				 : FIELD_IS("rspauth", SIP_AUTH_RSPAUTH);
	case 8:
		if (c0 == 'r')
			return FIELD_IS("response", SIP_AUTH_RESPONSE);
		return ((unsigned char)p[4] | 0x20) == 'h' ? FIELD_IS("userhash", SIP_AUTH_USERHASH)
							   : FIELD_IS("username", SIP_AUTH_USERNAME);
	case 9:
		return c0 == 'a' ? FIELD_IS("algorithm", SIP_AUTH_ALGORITHM)
				 : FIELD_IS("nextnonce", SIP_AUTH_NEXTNONCE);
	case 19:
		return FIELD_IS("integrity-protected", SIP_AUTH_INTEGRITY_PROTECTED);
	}
	return -1;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* sip_auth_field_lookup for a name of nl bytes (0 to 8) held in the low
 * bytes of w (little-endian, the bytes above ignored). The names of up to
 * eight bytes are all letters, and only a letter ORed with 0x20 gives a
 * lowercase letter: the name with 0x20 set in every byte picks one slot of
 * a perfect hash (the multiplier sends the seventeen names to distinct
 * slots of 32) and one compare with it is the exact, case-insensitive
 * test (a slot no name uses holds 0, which no key is: the empty name's
 * keeps its first byte, see lm[0] below). */
#define AW_B(c, i) ((uint64_t)(unsigned char)(c) << (8 * (i)))
#define AW(a, b, c, d, e, f, g, h) \
	(AW_B(a, 0) | AW_B(b, 1) | AW_B(c, 2) | AW_B(d, 3) | AW_B(e, 4) | AW_B(f, 5) | AW_B(g, 6) | AW_B(h, 7))
#define AUTH_HASH_MUL 0xb3a6697c1b18586full
#define AUTH_SLOT(w) ((size_t)(((w) * AUTH_HASH_MUL) >> 59))
/* The slots, with per slot where its field is in struct sip_auth and its
 * quoted bit, in one table (one base register, fixed displacements): the
 * 32 of the hash, then the three names longer than eight bytes.
 * lm[n]: the low n bytes of a word, but lm[0] the low byte: the key of an
 * empty name is then its '=' with 0x20 set, never 0 (the lit of a slot no
 * name uses) nor a name. */
enum { AUTH_SLOT_ALGORITHM = 32, AUTH_SLOT_NEXTNONCE, AUTH_SLOT_INTEGRITY, AUTH_SLOT__COUNT };
#define AUTH_FIELD_OFF(f) (offsetof(struct sip_auth, field) + (f) * sizeof(struct slice))
#define ATAB(k, a, b, c, d, e, f, g, h)                                                       \
	.lit[AUTH_SLOT(AW(a, b, c, d, e, f, g, h))] = AW(a, b, c, d, e, f, g, h),               \
	.off[AUTH_SLOT(AW(a, b, c, d, e, f, g, h))] = AUTH_FIELD_OFF(k),                        \
	.bit[AUTH_SLOT(AW(a, b, c, d, e, f, g, h))] = 1u << (k),                               \
	.qend[AUTH_SLOT(AW(a, b, c, d, e, f, g, h))] = AUTH_QEND(k)
/* qend: the byte a quoted value of the slot's field ends at, '"', but 0
 * for nc (no stop byte is 0): a quoted nc then fails the same compare as
 * an escape or a fold, so it is the general steps'. */
#define AUTH_QEND(k) ((k) == SIP_AUTH_NC ? 0 : '"')
static const struct auth_tab {
	uint64_t lm[9];
	uint64_t lit[32];
	uint32_t bit[AUTH_SLOT__COUNT];
	uint16_t off[AUTH_SLOT__COUNT];
	unsigned char qend[AUTH_SLOT__COUNT];
} auth_tab = {
	.lm = { 0xffull, 0xffull, 0xffffull, 0xffffffull, 0xffffffffull, 0xffffffffffull,
		0xffffffffffffull, 0xffffffffffffffull, 0xffffffffffffffffull },
	ATAB(SIP_AUTH_NC, 'n', 'c', 0, 0, 0, 0, 0, 0),
	ATAB(SIP_AUTH_CK, 'c', 'k', 0, 0, 0, 0, 0, 0),
	ATAB(SIP_AUTH_IK, 'i', 'k', 0, 0, 0, 0, 0, 0),
	ATAB(SIP_AUTH_URI, 'u', 'r', 'i', 0, 0, 0, 0, 0),
	ATAB(SIP_AUTH_QOP, 'q', 'o', 'p', 0, 0, 0, 0, 0),
	ATAB(SIP_AUTH_AUTS, 'a', 'u', 't', 's', 0, 0, 0, 0),
	ATAB(SIP_AUTH_REALM, 'r', 'e', 'a', 'l', 'm', 0, 0, 0),
	ATAB(SIP_AUTH_NONCE, 'n', 'o', 'n', 'c', 'e', 0, 0, 0),
	ATAB(SIP_AUTH_STALE, 's', 't', 'a', 'l', 'e', 0, 0, 0),
	ATAB(SIP_AUTH_CNONCE, 'c', 'n', 'o', 'n', 'c', 'e', 0, 0),
	ATAB(SIP_AUTH_OPAQUE, 'o', 'p', 'a', 'q', 'u', 'e', 0, 0),
	ATAB(SIP_AUTH_DOMAIN, 'd', 'o', 'm', 'a', 'i', 'n', 0, 0),
	ATAB(SIP_AUTH_CHARSET, 'c', 'h', 'a', 'r', 's', 'e', 't', 0),
	ATAB(SIP_AUTH_RSPAUTH, 'r', 's', 'p', 'a', 'u', 't', 'h', 0),
	ATAB(SIP_AUTH_RESPONSE, 'r', 'e', 's', 'p', 'o', 'n', 's', 'e'),
	ATAB(SIP_AUTH_USERHASH, 'u', 's', 'e', 'r', 'h', 'a', 's', 'h'),
	ATAB(SIP_AUTH_USERNAME, 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e'),
	.off[AUTH_SLOT_ALGORITHM] = AUTH_FIELD_OFF(SIP_AUTH_ALGORITHM),
	.bit[AUTH_SLOT_ALGORITHM] = 1u << SIP_AUTH_ALGORITHM,
	.qend[AUTH_SLOT_ALGORITHM] = AUTH_QEND(SIP_AUTH_ALGORITHM),
	.off[AUTH_SLOT_NEXTNONCE] = AUTH_FIELD_OFF(SIP_AUTH_NEXTNONCE),
	.bit[AUTH_SLOT_NEXTNONCE] = 1u << SIP_AUTH_NEXTNONCE,
	.qend[AUTH_SLOT_NEXTNONCE] = AUTH_QEND(SIP_AUTH_NEXTNONCE),
	.off[AUTH_SLOT_INTEGRITY] = AUTH_FIELD_OFF(SIP_AUTH_INTEGRITY_PROTECTED),
	.bit[AUTH_SLOT_INTEGRITY] = 1u << SIP_AUTH_INTEGRITY_PROTECTED,
	.qend[AUTH_SLOT_INTEGRITY] = AUTH_QEND(SIP_AUTH_INTEGRITY_PROTECTED),
};

/* The slot of a name of nl bytes (0 to 8) in the low bytes of w, or -1
 * (a word-sized slot: it indexes auth_tab with no sign extension). */
static inline ptrdiff_t auth_slot_word(uint64_t w, size_t nl)
{
	uint64_t key = (w | 0x2020202020202020ull) & auth_tab.lm[nl];
	size_t i = AUTH_SLOT(key);
	return auth_tab.lit[i] == key ? (ptrdiff_t)i : -1;
}
#endif

/* nc-value = 8LHEX (RFC 3261 §25.1; LHEX is lowercase). */
static bool nc_decode(struct slice v, uint32_t *out)
{
	if (v.len != 8)
		return false;
#if defined(__SSE4_1__)
	/* the eight bytes in the low half of a register, byte 0 the first
	 * (most significant) digit: less '0' a digit is 0 to 9, less 'a' a
	 * lowercase hex letter 0 to 5 (any other byte is above, as are the
	 * zeros of the high half); each byte's value, then pairs by maddubs
	 * (16, 1) and packed to four bytes, the first the most significant */
	uint64_t w;
	memcpy(&w, v.ptr, 8);
	__m128i x = _mm_cvtsi64_si128((long long)w);
	__m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0')), h = _mm_sub_epi8(x, _mm_set1_epi8('a'));
	__m128i isd = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
	__m128i ish = _mm_cmpeq_epi8(_mm_min_epu8(h, _mm_set1_epi8(5)), h);
	if ((_mm_movemask_epi8(_mm_or_si128(isd, ish)) & 0xff) != 0xff)
		return false;
	__m128i n = _mm_blendv_epi8(_mm_add_epi8(h, _mm_set1_epi8(10)), d, isd);
	n = _mm_maddubs_epi16(n, _mm_setr_epi8(16, 1, 16, 1, 16, 1, 16, 1, 16, 1, 16, 1, 16, 1, 16, 1));
	n = _mm_packus_epi16(n, n);
	*out = __builtin_bswap32((uint32_t)_mm_cvtsi128_si32(n));
	return true;
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* the eight bytes as one word, byte 0 the first (most significant)
	 * digit: each byte below 0x80 plus 0x80 - lo has its top bit set when
	 * it is lo or more (no carry leaves a byte), so one mask per bound
	 * tests every byte at once */
	const uint64_t ones = 0x0101010101010101ull, top = 0x8080808080808080ull;
	uint64_t x;
	memcpy(&x, v.ptr, 8);
	uint64_t digit = (x + ones * (0x80 - '0')) & ~(x + ones * (0x80 - '9' - 1));
	uint64_t hex = (x + ones * (0x80 - 'a')) & ~(x + ones * (0x80 - 'f' - 1));
	if ((x & top) || ((digit | hex) & top) != top)
		return false;
	/* '0'-'9' -> 0-9, 'a'-'f' (bit 0x40 set) -> 10-15 */
	uint64_t d = (x & ones * 0x0f) + ((x >> 6) & ones) * 9;
	d = ((d << 4) | (d >> 8)) & 0x00ff00ff00ff00ffull;   /* pairs of digits */
	d = ((d << 8) | (d >> 16)) & 0x0000ffff0000ffffull;  /* quads */
	*out = (uint32_t)(((d << 16) | (d >> 32)) & 0xffffffffull);
	return true;
#else
	uint32_t n = 0;
	for (size_t i = 0; i < 8; i++) {
		unsigned char c = (unsigned char)v.ptr[i];
		unsigned d;
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			return false;
		n = n << 4 | d;
	}
	*out = n;
	return true;
#endif
}

int sip_auth_param_scan(struct scan *sc, struct slice *name, struct slice *value, bool *quoted,
			const char **reason)
{
	*quoted = false;
	if (scan_token(sc, name) < 0) {
		*reason = "expected an auth-param name";
		return -EBADMSG;
	}
	auth_lws(sc);
	if (!auth_accept(sc, '='))
		return -ENOENT;
	auth_lws(sc);
	if (scan_peek(sc) == '"') {
		const char *open = sc->p;
		if (scan_quoted(sc, value) < 0) {
			*reason = sc->p == open ? "unterminated quoted string"
						: "line break inside quoted string";
			return -EBADMSG;
		}
		*quoted = true;
		return 0;
	}
	if (scan_token(sc, value) < 0) {
		*reason = "expected a token or quoted-string auth-param value";
		return -EBADMSG;
	}
	return 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* A known name of nine bytes or more (algorithm, nextnonce,
 * integrity-protected) at p, nl (9 to 16) bytes before the first '=' in
 * the sixteen bytes at p (16: none there), w its first eight bytes; -1 for
 * any other name (no known name has 10 to 18 bytes). Letters are compared
 * with 0x20 set (only a letter's two cases give a lowercase letter), other
 * bytes as they are; on success p[*nl] is the '='. */
static inline int auth_field_long(const char *p, uint64_t w, unsigned *nl, const char *end)
{
	uint64_t k = w | 0x2020202020202020ull;
	if (*nl == 9) {
		unsigned c8 = (unsigned char)p[8] | 0x20;
		if (k == AW('a', 'l', 'g', 'o', 'r', 'i', 't', 'h') && c8 == 'm')
			return SIP_AUTH_ALGORITHM;
		if (k == AW('n', 'e', 'x', 't', 'n', 'o', 'n', 'c') && c8 == 'e')
			return SIP_AUTH_NEXTNONCE;
		return -1;
	}
	if (*nl == 16 && end - p >= 20 && k == AW('i', 'n', 't', 'e', 'g', 'r', 'i', 't')) {
		uint64_t w2;
		uint32_t w3;
		memcpy(&w2, p + 8, 8);
		memcpy(&w3, p + 16, 4);
		if ((w2 | 0x2020202020200020ull) == AW('y', '-', 'p', 'r', 'o', 't', 'e', 'c') &&
		    (w3 | 0x00202020u) == (uint32_t)AW('t', 'e', 'd', '=', 0, 0, 0, 0)) {
			*nl = 19;
			return SIP_AUTH_INTEGRITY_PROTECTED;
		}
	}
	return -1;
}

/* auth_field_long as a slot of auth_tab. */
static inline ptrdiff_t auth_slot_long(const char *p, uint64_t w, unsigned *nl, const char *end)
{
	switch (auth_field_long(p, w, nl, end)) {
	case SIP_AUTH_ALGORITHM:
		return AUTH_SLOT_ALGORITHM;
	case SIP_AUTH_NEXTNONCE:
		return AUTH_SLOT_NEXTNONCE;
	case SIP_AUTH_INTEGRITY_PROTECTED:
		return AUTH_SLOT_INTEGRITY;
	}
	return -1;
}

/* The slot of the name of *nl bytes at p (w its first eight), by one word
 * up to eight bytes, else by auth_slot_long (which may set *nl); < 0 for
 * a name auth_fast leaves to params_decode. */
static inline __attribute__((always_inline)) ptrdiff_t auth_slot(const char *p, uint64_t w,
								 unsigned *nl, const char *end)
{
	return *nl <= 8 ? auth_slot_word(w, *nl) : auth_slot_long(p, w, nl, end);
}

#if defined(__SSSE3__) || defined(__SSE2__)
/* auth_qstop for fewer than 32 bytes from q to end: with 32 bytes from lo
 * to end, one mask of the last 32 (a stop set at end) shifted to q. */
static inline const char *auth_qtail(const char *q, const char *lo, const char *end)
{
	if (end - lo < 32)
		return auth_qstop(q, lo, end);
	const char *b = end - 32;
	uint64_t m = auth_qstop16_load(b) | (uint64_t)auth_qstop16_load(b + 16) << 16 | 1ull << 32;
	return q + __builtin_ctzll(m >> (q - b));
}
#endif

/* From p, 26 bytes or more before end: a name (sixteen bytes), its value's
 * first bytes (the value starts ten bytes in at most: a token's first
 * sixteen bytes are before end) and the next separator are read with no
 * end test; a quoted value is read 48 or 32 bytes a step where they are
 * there, else from the last 32 bytes of the slice. integrity-protected,
 * whose value starts twenty bytes in, needs 54. */
#define AUTH_BIG 26

/* auth_fast's token value [v, t) of field f, stored (nc also as its
 * number): false when it is empty or nc is not 8 lowercase hex digits,
 * which the general steps then read for the verdict. */
static inline bool auth_token_store(struct sip_auth *auth, int f, const char *v, const char *t)
{
	if (t == v)
		return false;
	struct slice value = slice_span(v, t);
	if (f == SIP_AUTH_NC) {
		if (!nc_decode(value, &auth->nc))
			return false;
		auth->has_nc = true;
	}
	auth->field[f] = value;
	return true;
}

/* The commonest "known-name=value" followed by "," or ", " (or the end),
 * as many as follow from p: one class mask of the sixteen bytes at the name
 * gives its end (and a short token value's), the name is looked up as one
 * word (a known name is all token bytes), a quoted value's end is found
 * sixteen bytes a step. What params_decode's general steps read there,
 * stored as they store it; it stops before anything else (LWS, an unknown
 * name, an escape or fold in a quoted value, a duplicate, a bad nc), which
 * the general steps then read and judge. Returns where it stopped: at a
 * parameter (FAST_PARAM), after a value at what is not a plain separator
 * (FAST_SEP), or at end after a value (FAST_END), and the end of the last
 * value taken (see struct auth_fast_res). Two copies of the steps: one while
 * AUTH_BIG bytes or more are left (no end tests but one per parameter and
 * one per step of a quoted value), one for the tail. */
static __attribute__((noinline)) struct auth_fast_res auth_fast(struct sip_auth *auth,
								  const char *p, const char *lo,
								  const char *end)
{
	const char *a = p;
	unsigned e, nl, quoted = 0, n = 0;
	uint64_t w;
	int f;
	/* the last place a value may end for the big steps to go on, and the
	 * last a quoted value's 48-byte step may start (one compare each, not
	 * a length; no object lies in the first 48 bytes of the address
	 * space, so neither wraps) */
	const uintptr_t big_last = (uintptr_t)end - (AUTH_BIG + 2), q48_last = (uintptr_t)end - 48;
	if (end - p < AUTH_BIG)
		goto small;
big:
	/* end - p >= AUTH_BIG */
	e = auth_eq16(p, p, p + 16);
	memcpy(&w, p, 8);
	nl = (unsigned)__builtin_ctz(e | 0x10000);
	{
		ptrdiff_t i = auth_slot(p, w, &nl, end);
		if (i < 0)
			goto stop;
		size_t off = auth_tab.off[i];
		struct slice *fld = (struct slice *)(void *)((char *)auth + off);
		if (fld->ptr)
			goto stop;
		/* integrity-protected: a token value is read again with end
		 * tests below 54 bytes (a quoted one's steps test the end) */
		if (nl > 9 && end - p < 54 && (end - p <= 20 || p[20] != '"'))
			goto small;
		const char *v = p + nl + 1;
		if (*v == '"') {
			const char *q = v + 1;
#if defined(__SSSE3__) || defined(__SSE2__)
			/* most values (a realm, a uri, a nonce, a response) end
			 * within 48 bytes */
			uint64_t m = 0;
			if (__builtin_expect((uintptr_t)q <= q48_last, 1)) {
				m = auth_qstop16_load(q) | auth_qstop16_load(q + 16) << 16 |
				    (uint64_t)auth_qstop16_load(q + 32) << 32;
				if (!m)
					q += 48;
			} else if (end - q >= 32) {
				m = auth_qstop16_load(q) | auth_qstop16_load(q + 16) << 16;
				if (!m)
					q += 32;
			}
			if (m) {
				q += __builtin_ctzll(m);
			} else {
				for (;;) {
					if (end - q >= 32) {
						m = auth_qstop16_load(q) | auth_qstop16_load(q + 16) << 16;
						if (m) {
							q += __builtin_ctz(m);
							break;
						}
						q += 32;
						continue;
					}
					q = auth_qtail(q, lo, end);
					break;
				}
				if (q == end)
					goto stop;
			}
#else
			q = auth_qstop(q, lo, end);
			if (q == end)
				goto stop;
#endif
			if ((unsigned char)*q != auth_tab.qend[i])
				goto stop; /* an escape, a fold or a fault; a quoted nc */
			*fld = slice_span(v + 1, q);
			quoted |= auth_tab.bit[i];
			a = q + 1;
		} else {
			/* sixteen bytes from v before end */
			unsigned m = auth_nontoken16(v, v, v + 16);
			const char *t = m ? v + __builtin_ctz(m) : auth_token_end(v + 16, lo, end);
			f = (int)((off - AUTH_FIELD_OFF(0)) / sizeof(struct slice));
			if (!auth_token_store(auth, f, v, t))
				goto stop;
			a = t;
		}
	}
	n++;
	if ((uintptr_t)a <= big_last) {
		/* "," before a name; what follows the ',' is tested only if the
		 * name fails (a name is all letters): see stop */
		if (a[0] != ',')
			goto sep;
		p = a + 1;
		goto big;
	}
	goto small_sep;

small:
	/* the name: the bytes before the first '=' (a known one is all
	 * letters, which the exact compare of the lookup checks) */
	if (end - p >= 16) {
		e = auth_eq16(p, p, end);
		memcpy(&w, p, 8);
	} else {
		e = auth_eq16(p, lo, end);
		w = auth_load8(p, lo, end);
	}
	nl = (unsigned)__builtin_ctz(e | 0x10000);
	{
		ptrdiff_t i = auth_slot(p, w, &nl, end);
		if (i < 0)
			goto stop;
		size_t off = auth_tab.off[i];
		struct slice *fld = (struct slice *)(void *)((char *)auth + off);
		const char *v = p + nl + 1;
		if (v == end || fld->ptr)
			goto stop;
		if (*v == '"') {
			const char *q = v + 1;
			for (;;) {
#if defined(__SSSE3__) || defined(__SSE2__)
				if (end - q >= 32) {
					unsigned m = auth_qstop16_load(q) | auth_qstop16_load(q + 16) << 16;
					if (m) {
						q += __builtin_ctz(m);
						break;
					}
					q += 32;
					continue;
				}
#endif
				q = auth_qtail(q, lo, end);
				break;
			}
			if (q == end || (unsigned char)*q != auth_tab.qend[i])
				goto stop; /* an escape, a fold or a fault; a quoted nc */
			*fld = slice_span(v + 1, q);
			quoted |= auth_tab.bit[i];
			a = q + 1;
		} else {
			const char *t = auth_token_end(v, lo, end);
			f = (int)((off - AUTH_FIELD_OFF(0)) / sizeof(struct slice));
			if (!auth_token_store(auth, f, v, t))
				goto stop;
			a = t;
		}
	}
	n++;
small_sep:
	if (end - a < 3)
		goto sep; /* FAST_END at end */
	/* "," before a name (what follows it tested only if the name
	 * fails: see stop) */
	if (a[0] != ',')
		goto sep;
	p = a + 1;
	goto small;
sep:
	auth->quoted |= quoted;
	auth->nparams += n;
	return (struct auth_fast_res){ a, a };
stop:
	if (n && p == a + 1 && scan_is((unsigned char)*p, SCAN_WS | SCAN_CRLF)) {
		/* after "," (two bytes or more from p to end): ", " before a
		 * name as the general steps skip it, else they read the LWS */
		if (*p == ' ' && !scan_is((unsigned char)p[1], SCAN_WS | SCAN_CRLF)) {
			p++;
			if (end - p >= AUTH_BIG)
				goto big;
			goto small;
		}
		goto sep;
	}
	auth->quoted |= quoted;
	auth->nparams += n;
	return (struct auth_fast_res){ p, n ? a : NULL };
}
#endif

/* auth-param *(COMMA auth-param) from sc to its end, auth_fast having
 * read from sc->p up to p (*state, last as it gives them; FAST_PARAM with
 * p sc->p and last sc->p where there is no auth_fast). With rest != NULL, a
 * token after a comma that is followed by white space, not '=', starts
 * another challenge or credentials: *rest is set to it and the scan stops
 * there. */
static __attribute__((noinline)) int params_decode(struct sip_auth *auth, struct scan *sc,
						    struct slice *rest, struct sip_parse_error *err,
						    const char *p, const char *last, int state)
{
	struct slice unknown[UNKNOWN_MAX];
	unsigned nunknown = 0;
	/* lo: the fast path may read back to here to load sixteen bytes */
	const char *start = sc->p, *lo = sc->p;

	sc->p = p;
	for (bool first = true;; first = false) {
		struct slice name, value;
		bool quoted;
		const char *reason;
		int f, rc;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (!first) {
			struct auth_fast_res r = auth_fast(auth, sc->p, lo, sc->end);
			sc->p = r.p;
			if (r.last)
				last = r.last;
			state = auth_fast_state(r, sc->end);
		}
		if (state == FAST_END)
			break;
		if (state == FAST_SEP)
			goto separator;
#else
		(void)lo;
		(void)first;
		(void)state;
#endif
		rc = sip_auth_param_scan(sc, &name, &value, &quoted, &reason);

		if (rc == -ENOENT) {
			/* "..., Digest uri=..." : a second scheme in the same
			 * field, followed by white space and more. A token
			 * alone at the end ("..., integrity-protect0", white
			 * space after it or not) is an auth-param that lost its
			 * '=' and value (RFC 3261's other-challenge and
			 * other-response have a parameter after the scheme),
			 * not a scheme. */
			if (rest && auth->nparams > 0 && sc->p > name.ptr + name.len && !scan_eof(sc)) {
				*rest = slice_span(name.ptr, sc->end);
				break;
			}
			return fail(err, -EBADMSG, sc->p, "expected '=' after auth-param name");
		}
		if (rc < 0)
			return fail(err, rc, sc->p, reason);

		f = sip_auth_field_lookup(name);
		if (f >= 0) {
			if (auth->field[f].ptr)
				return fail(err, -EBADMSG, name.ptr, "duplicate auth-param");
			auth->field[f] = value;
			if (quoted)
				auth->quoted |= 1u << f;
			if (f == SIP_AUTH_NC) {
				if (!nc_decode(value, &auth->nc))
					return fail(err, -EBADMSG, value.ptr,
						    "nc must be exactly 8 lowercase hex digits");
				auth->has_nc = true;
			}
		} else {
			for (unsigned i = 0; i < nunknown; i++)
				if (slice_caseeq(unknown[i], name))
					return fail(err, -EBADMSG, name.ptr, "duplicate auth-param");
			if (nunknown < UNKNOWN_MAX)
				unknown[nunknown++] = name;
		}
		auth->nparams++;
		last = sc->p;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	separator:
#endif
		auth_lws(sc);
		if (scan_eof(sc))
			break;
		if (!auth_accept(sc, ','))
			return fail(err, -EBADMSG, sc->p, "expected ',' between auth-params");
		auth_lws(sc);
		if (scan_eof(sc))
			return fail(err, -EBADMSG, sc->p, "expected an auth-param after ','");
	}
	auth->params = slice_span(start, last);
	return 0;
}

/* params_decode with its commonest case first: auth_fast reads every
 * parameter, and params_decode is not called. */
static inline int params_run(struct sip_auth *auth, struct scan *sc, struct slice *rest,
			     struct sip_parse_error *err)
{
	const char *start = sc->p, *last = sc->p, *p = sc->p;
	int state = FAST_PARAM;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	struct auth_fast_res r = auth_fast(auth, p, start, sc->end);
	if (r.p == sc->end) {
		auth->params = slice_span(start, r.last);
		return 0;
	}
	p = r.p;
	if (r.last)
		last = r.last;
	state = auth_fast_state(r, sc->end);
#endif
	return params_decode(auth, sc, rest, err, p, last, state);
}

/* Every field of auth absent or zero. */
static inline void auth_clear(struct sip_auth *auth)
{
#if defined(__SSE2__)
	/* sixteen bytes a store (memset of the whole struct is a rep stos of
	 * 47 words, one instruction a word under valgrind's count); the
	 * fields written out, as a loop GCC makes them a rep stos of 40 */
	_Static_assert(SIP_AUTH__COUNT == 20, "auth_clear stores twenty fields");
	const __m128i z = _mm_setzero_si128();
#define AUTH_Z(x) _mm_storeu_si128((__m128i *)(void *)&(x), z)
	AUTH_Z(auth->scheme);
	AUTH_Z(auth->field[0]), AUTH_Z(auth->field[1]), AUTH_Z(auth->field[2]);
	AUTH_Z(auth->field[3]), AUTH_Z(auth->field[4]), AUTH_Z(auth->field[5]);
	AUTH_Z(auth->field[6]), AUTH_Z(auth->field[7]), AUTH_Z(auth->field[8]);
	AUTH_Z(auth->field[9]), AUTH_Z(auth->field[10]), AUTH_Z(auth->field[11]);
	AUTH_Z(auth->field[12]), AUTH_Z(auth->field[13]), AUTH_Z(auth->field[14]);
	AUTH_Z(auth->field[15]), AUTH_Z(auth->field[16]), AUTH_Z(auth->field[17]);
	AUTH_Z(auth->field[18]), AUTH_Z(auth->field[19]);
	AUTH_Z(auth->params);
	/* quoted, has_nc and nc fill the sixteen bytes before params */
	_Static_assert(offsetof(struct sip_auth, params) - offsetof(struct sip_auth, quoted) == 16,
		       "quoted to nc are one 16-byte block");
	AUTH_Z(auth->quoted);
#undef AUTH_Z
	auth->nparams = 0;
#else
	memset(auth, 0, sizeof *auth);
#endif
}

int sip_auth_decode(struct sip_auth *auth, struct slice value, struct slice *rest,
		    struct sip_parse_error *err)
{
	struct scan sc;

	auth_clear(auth);
	if (rest)
		*rest = SLICE_NULL;
	if (!value.ptr)
		return fail(err, -EINVAL, NULL, "no value");
	scan_init(&sc, value);
	scan_lws(&sc);
	if (scan_token(&sc, &auth->scheme) < 0)
		return fail(err, -EBADMSG, sc.p, "expected an auth-scheme");
	/* the commonest LWS after the scheme, one SP before the first
	 * parameter, without scan_lws' loop */
	if (sc.end - sc.p >= 2 && sc.p[0] == ' ' &&
	    !scan_is((unsigned char)sc.p[1], SCAN_WS | SCAN_CRLF))
		sc.p++;
	else if (!scan_lws(&sc)) {
		if (scan_eof(&sc))
			return 0; /* a scheme alone: no parameters */
		return fail(err, -EBADMSG, sc.p, "expected white space after the auth-scheme");
	}
	if (scan_eof(&sc))
		return 0;
	return params_run(auth, &sc, rest, err);
}

int sip_auth_info_decode(struct sip_auth *auth, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;

	auth_clear(auth);
	if (!value.ptr)
		return fail(err, -EINVAL, NULL, "no value");
	scan_init(&sc, value);
	scan_lws(&sc);
	if (scan_eof(&sc))
		return fail(err, -EBADMSG, sc.p, "empty Authentication-Info");
	return params_run(auth, &sc, NULL, err);
}
