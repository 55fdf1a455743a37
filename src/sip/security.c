/* security.c: Security-Client/-Server/-Verify sec-mechanism (RFC 3329 §2.2, 3GPP TS 33.203
 * Annex H and TS 24.229 §7.2A.7 ipsec-3gpp parameters). */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "auth_internal.h"
#include "decode_internal.h"
#if defined(__SSE4_1__)
#include <smmintrin.h>
#endif

static int fail(struct sip_parse_error *err, int code, const char *at, const char *reason)
{
	if (err) {
		err->code = code;
		err->at = at;
		err->reason = reason;
	}
	return code;
}

/* Every field of m absent or zero (sixteen bytes a store where SSE2 is
 * there: memset of the struct is a rep stos of 22 words). */
static inline void sec_mech_clear(struct sip_sec_mech *m)
{
#if defined(__SSE2__)
	_Static_assert(sizeof *m % 16 == 0, "sip_sec_mech is whole 16-byte blocks");
	const __m128i z = _mm_setzero_si128();
	for (size_t i = 0; i < sizeof *m; i += 16)
		_mm_storeu_si128((__m128i *)(void *)((char *)m + i), z);
#else
	memset(m, 0, sizeof *m);
#endif
}

/* sec_mech_clear but for mechanism and params, which sec_list_fast sets
 * itself: ten stores, not twelve. */
static inline void sec_mech_clear_params(struct sip_sec_mech *m)
{
	_Static_assert(offsetof(struct sip_sec_mech, params) == 16 &&
			       offsetof(struct sip_sec_mech, q) == 32,
		       "mechanism and params are the first two 16-byte blocks");
#if defined(__SSE2__)
	const __m128i z = _mm_setzero_si128();
	for (size_t i = 32; i < sizeof *m; i += 16)
		_mm_storeu_si128((__m128i *)(void *)((char *)m + i), z);
#else
	memset((char *)m + 32, 0, sizeof *m - 32);
#endif
}

enum mech_param {
	MP_Q, MP_ALG, MP_EALG, MP_PROT, MP_MOD, MP_D_ALG, MP_D_QOP, MP_D_VER,
	MP_SPI_C, MP_SPI_S, MP_PORT_C, MP_PORT_S, MP__COUNT
};

/* k when name is lit (any case), else -1: the literal folds into one word
 * compare in scan_name_eq. */
#define MECH_IS(lit, k) (scan_name_eq(p, lit, sizeof(lit) - 1) ? (k) : -1)

static int mech_param_lookup(struct slice name)
{
	/* one candidate by length and a distinguishing byte, then one compare */
	const char *p = name.ptr;
	switch (name.len) {
	case 1:
		return MECH_IS("q", MP_Q);
	case 3:
		return ((unsigned char)p[0] | 0x20) == 'a' ? MECH_IS("alg", MP_ALG) : MECH_IS("mod", MP_MOD);
	case 4:
		return ((unsigned char)p[0] | 0x20) == 'e' ? MECH_IS("ealg", MP_EALG)
							   : MECH_IS("prot", MP_PROT);
	case 5:
		switch ((unsigned char)p[4] | 0x20) {
		case 'c': return MECH_IS("spi-c", MP_SPI_C);
		case 's': return MECH_IS("spi-s", MP_SPI_S);
		case 'g': return MECH_IS("d-alg", MP_D_ALG);
		case 'p': return MECH_IS("d-qop", MP_D_QOP);
		case 'r': return MECH_IS("d-ver", MP_D_VER);
		}
		return -1;
	case 6:
		return ((unsigned char)p[5] | 0x20) == 'c' ? MECH_IS("port-c", MP_PORT_C)
							   : MECH_IS("port-s", MP_PORT_S);
	}
	return -1;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The known parameters by "name=" as one word: the name and '=' with 0x20
 * set in every byte pick one slot of a perfect hash (the multiplier sends
 * the twelve "name=" to twelve distinct slots of sixteen), then one compare
 * with 0x20 set only where the name has a letter is the exact,
 * case-insensitive test (the '=' in the literal makes the lengths equal; a
 * slot no name uses holds "==", which no "name=" is). */
#define MW_B(c, i) ((uint64_t)(unsigned char)(c) << (8 * (i)))
#define MW_M(c, i) ((uint64_t)((c) >= 'a' && (c) <= 'z' ? 0x20 : 0) << (8 * (i)))
#define MW(a, b, c, d, e, f, g) \
	(MW_B(a, 0) | MW_B(b, 1) | MW_B(c, 2) | MW_B(d, 3) | MW_B(e, 4) | MW_B(f, 5) | MW_B(g, 6))
#define MM(a, b, c, d, e, f, g) \
	(MW_M(a, 0) | MW_M(b, 1) | MW_M(c, 2) | MW_M(d, 3) | MW_M(e, 4) | MW_M(f, 5) | MW_M(g, 6))
#define MECH_HASH_MUL 0xacc80ab55570e103ull
#define MECH_SLOT(w) ((unsigned)(((w) * MECH_HASH_MUL) >> 60))
#define MSLOT(k, kind, field, a, b, c, d, e, f, g)                                          \
	[MECH_SLOT(MW(a, b, c, d, e, f, g))] = { MW(a, b, c, d, e, f, g), MM(a, b, c, d, e, f, g), \
						 1u << (k), kind, offsetof(struct sip_sec_mech, field), 0 },
#define MSLOT_NUM(k, kind, field, a, b, c, d, e, f, g)                                      \
	[MECH_SLOT(MW(a, b, c, d, e, f, g))] = { MW(a, b, c, d, e, f, g), MM(a, b, c, d, e, f, g), \
						 1u << (k), kind, offsetof(struct sip_sec_mech, field), \
						 offsetof(struct sip_sec_mech, has_##field) },

/* how the fast path stores a value: a slice, a slice that must be a
 * qvalue, a uint32_t or a uint16_t (with its has_ flag) */
enum { MK_SLICE, MK_Q, MK_U32, MK_U16 };

/* The known parameters, once for both lookup tables below: TXT(...) for a
 * text value, NUM(...) for a number with its has_ flag; the name and its
 * '=' as up to seven bytes. */
#define MECH_PARAMS(TXT, NUM)                                          \
	TXT(MP_Q, MK_Q, q, 'q', '=', 0, 0, 0, 0, 0)                       \
	TXT(MP_ALG, MK_SLICE, alg, 'a', 'l', 'g', '=', 0, 0, 0)           \
	TXT(MP_MOD, MK_SLICE, mod, 'm', 'o', 'd', '=', 0, 0, 0)           \
	TXT(MP_EALG, MK_SLICE, ealg, 'e', 'a', 'l', 'g', '=', 0, 0)       \
	TXT(MP_PROT, MK_SLICE, prot, 'p', 'r', 'o', 't', '=', 0, 0)       \
	NUM(MP_SPI_C, MK_U32, spi_c, 's', 'p', 'i', '-', 'c', '=', 0)     \
	NUM(MP_SPI_S, MK_U32, spi_s, 's', 'p', 'i', '-', 's', '=', 0)     \
	TXT(MP_D_ALG, MK_SLICE, d_alg, 'd', '-', 'a', 'l', 'g', '=', 0)   \
	TXT(MP_D_QOP, MK_SLICE, d_qop, 'd', '-', 'q', 'o', 'p', '=', 0)   \
	TXT(MP_D_VER, MK_SLICE, d_ver, 'd', '-', 'v', 'e', 'r', '=', 0)   \
	NUM(MP_PORT_C, MK_U16, port_c, 'p', 'o', 'r', 't', '-', 'c', '=') \
	NUM(MP_PORT_S, MK_U16, port_s, 'p', 'o', 'r', 't', '-', 's', '=')

static const struct mech_slot {
	uint64_t lit, mask;
	uint32_t bit;                     /* 1 << enum mech_param */
	unsigned char kind, off, has_off; /* MK_*, where */
} __attribute__((aligned(32))) mech_slots[16] = { /* 32 bytes a slot: one shift finds it */
	/* the four slots no name uses (a name's slot listed here would be
	 * initialized twice, which the build rejects) */
	[0] = { 0x3d3d, 0, 0, 0, 0, 0 },
	[2] = { 0x3d3d, 0, 0, 0, 0, 0 },
	[3] = { 0x3d3d, 0, 0, 0, 0, 0 },
	[15] = { 0x3d3d, 0, 0, 0, 0, 0 },
	MECH_PARAMS(MSLOT, MSLOT_NUM)
};

/* lm[n]: the low n + 1 bytes of a word (a name of n bytes and its '=') */
static const uint64_t mech_lm[8] = {
	0xffull, 0xffffull, 0xffffffull, 0xffffffffull, 0xffffffffffull, 0xffffffffffffull,
	0xffffffffffffffull, 0xffffffffffffffffull,
};

/* sec_list_fast's lookup of ";name=" (t + 1 bytes, t from 2 to 7, at the
 * start of w) in one table, so one base register reaches every part: key =
 * (w | fold[t]) & lw[t] sets 0x20 in each name byte and keeps the ';' and
 * the '=' as they are (the name bytes are token bytes, and only a letter's
 * two cases give a lowercase letter with 0x20 set, only '-' gives '-'), so
 * key equals the slot's key exactly for that name in any case between a
 * ';' and its '='. The ';' in the key makes the lookup the test of the
 * ';' too: anything else there (the ',' or the end of an offer) fails it.
 * fold and lw are 0 for any other t below 64: key 0, whose slot (0) holds
 * q's key, not 0 (the multiplier sends the twelve keys to distinct slots
 * of sixteen, one of them 0; a slot no name uses holds 0, which no key
 * but that of slot 0 is). Then how and where the slot's value is stored. */
#define MLW(a, b, c, d, e, f, g) (MW_B(';', 0) | MW(a, b, c, d, e, f, g) << 8)
#define MECH_LIST_MUL 0x7afd62efull
#define MECH_LIST_SLOT(w) ((size_t)(((w) * MECH_LIST_MUL) >> 60))
#define ML_FOLD(t) ((0x2020202020202020ull >> (8 * (9 - (t)))) << 8)
#define ML_LW(t) (~0ull >> (8 * (7 - (t))))
#define ML(k, kd, field, a, b, c, d, e, f, g)                                         \
	.key[MECH_LIST_SLOT(MLW(a, b, c, d, e, f, g))] = MLW(a, b, c, d, e, f, g),      \
	.kind[MECH_LIST_SLOT(MLW(a, b, c, d, e, f, g))] = (kd),                        \
	.off[MECH_LIST_SLOT(MLW(a, b, c, d, e, f, g))] = offsetof(struct sip_sec_mech, field),
#define ML_NUM(k, kd, field, a, b, c, d, e, f, g)                                     \
	ML(k, kd, field, a, b, c, d, e, f, g)                                           \
	.has[MECH_LIST_SLOT(MLW(a, b, c, d, e, f, g))] = offsetof(struct sip_sec_mech, has_##field),
_Static_assert(MECH_LIST_SLOT(MLW('q', '=', 0, 0, 0, 0, 0)) == 0, "key 0 finds q's slot");
static const struct mech_list_tab {
	uint64_t fold[64], lw[64];
	uint64_t key[16];
	unsigned char kind[16], off[16], has[16];
} mech_list_tab = {
	.fold = { [2] = ML_FOLD(2), [3] = ML_FOLD(3), [4] = ML_FOLD(4), [5] = ML_FOLD(5),
		  [6] = ML_FOLD(6), [7] = ML_FOLD(7) },
	.lw = { [2] = ML_LW(2), [3] = ML_LW(3), [4] = ML_LW(4), [5] = ML_LW(5), [6] = ML_LW(6),
		[7] = ML_LW(7) },
	MECH_PARAMS(ML, ML_NUM)
};

/* The value of the n decimal digits (1 to 8) at the start of w (eight
 * bytes, little-endian) in *out: false when one of them is not a digit
 * (with DIGITS_ANY_N, also false for any n from 9 to 63). */
#if defined(__SSE4_1__)
/* digits_n in SSE registers: the n digits moved to the top of the low
 * eight bytes (zeros before them), then pairs, quads and the two quads
 * multiplied and added (maddubs, madd, packus, madd). A row for n above 8
 * picks byte 8 (0 - '0', no digit) into every lane, so the test fails. */
#define DIGITS_ANY_N 1
#define MA(n, j) ((n) > 8 ? 8 : (j) < 8 && (j) >= 8 - (n) ? (j) - (8 - (n)) : 0x80)
#define MA_ROW(n)                                                                           \
	{ MA(n, 0), MA(n, 1), MA(n, 2), MA(n, 3), MA(n, 4), MA(n, 5), MA(n, 6), MA(n, 7),       \
	  MA(n, 8), MA(n, 9), MA(n, 10), MA(n, 11), MA(n, 12), MA(n, 13), MA(n, 14), MA(n, 15) }
#define MA_ROWS8(b) MA_ROW(b), MA_ROW(b + 1), MA_ROW(b + 2), MA_ROW(b + 3), MA_ROW(b + 4), \
		    MA_ROW(b + 5), MA_ROW(b + 6), MA_ROW(b + 7)
static const unsigned char digits_align[64][16] __attribute__((aligned(16))) = {
	MA_ROWS8(0), MA_ROWS8(8), MA_ROWS8(16), MA_ROWS8(24),
	MA_ROWS8(32), MA_ROWS8(40), MA_ROWS8(48), MA_ROWS8(56),
};

static inline bool digits_n(uint64_t w, size_t n, uint32_t *out)
{
	/* a digit is 0..9 after the subtraction, any other byte above; the
	 * shuffle keeps only the n bytes (the others read as 0), so one test
	 * of all sixteen less 9 (saturating) is the test */
	__m128i x = _mm_sub_epi8(_mm_cvtsi64_si128((long long)w), _mm_set1_epi8('0'));
	x = _mm_shuffle_epi8(x, _mm_load_si128((const __m128i *)(const void *)digits_align[n]));
	__m128i over = _mm_subs_epu8(x, _mm_set1_epi8(9));
	if (!_mm_testz_si128(over, over))
		return false;
	x = _mm_maddubs_epi16(x, _mm_setr_epi8(10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1));
	x = _mm_madd_epi16(x, _mm_setr_epi16(100, 1, 100, 1, 100, 1, 100, 1));
	x = _mm_packus_epi32(x, x);
	x = _mm_madd_epi16(x, _mm_setr_epi16(10000, 1, 10000, 1, 10000, 1, 10000, 1));
	*out = (uint32_t)_mm_cvtsi128_si32(x);
	return true;
}
#else
static inline bool digits_n(uint64_t w, size_t n, uint32_t *out)
{
	uint64_t x = w ^ 0x3030303030303030ull; /* a digit byte is now 0..9 */
	/* high bit of each byte that is not a digit: 10 or more, or 0x80 up
	 * (a carry from a byte only reaches bytes after a non-digit) */
	uint64_t nd = ((x + 0x7676767676767676ull) | x) & 0x8080808080808080ull;
	if (nd & mech_lm[n - 1])
		return false;
	uint64_t v = x << (8 * (8 - n)); /* the digits, leading zeros before */
	v = (v * 10 + (v >> 8)) & 0x00ff00ff00ff00ffull;
	v = (v * 100 + (v >> 16)) & 0x0000ffff0000ffffull;
	v = (v * 10000 + (v >> 32)) & 0xffffffffull;
	*out = (uint32_t)v;
	return true;
}
#endif

#endif

/* qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 3261 §25.1) */
static bool qvalue_ok(struct slice v)
{
	if (v.len == 0 || v.len > 5 || (v.ptr[0] != '0' && v.ptr[0] != '1'))
		return false;
	if (v.len == 1)
		return true;
	if (v.ptr[1] != '.')
		return false;
	for (size_t i = 2; i < v.len; i++)
		if (v.ptr[i] < '0' || v.ptr[i] > (v.ptr[0] == '1' ? '0' : '9'))
			return false;
	return true;
}

/* A decimal number no larger than max: 0, -EBADMSG or -ERANGE. */
static int number_decode(struct slice v, uint32_t max, uint32_t *out)
{
	uint64_t n = 0;
	if (v.len == 0)
		return -EBADMSG;
	for (size_t i = 0; i < v.len; i++) {
		unsigned d = (unsigned)((unsigned char)v.ptr[i] - '0');
		if (d > 9)
			return -EBADMSG;
		n = n * 10 + d;
		if (n > max) {
			/* the rest must still be digits for -ERANGE to be the verdict */
			while (++i < v.len)
				if ((unsigned)((unsigned char)v.ptr[i] - '0') > 9)
					return -EBADMSG;
			return -ERANGE;
		}
	}
	*out = (uint32_t)n;
	return 0;
}

/* number_decode, the value of up to eight digits read as one word. */
static inline int number_value(struct slice v, const char *lo, const char *end, uint32_t max,
			       uint32_t *out)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t n;
	if (v.len - 1 < 8 && digits_n(auth_load8(v.ptr, lo, end), v.len, &n) && n <= max) {
		*out = n;
		return 0;
	}
#else
	(void)lo;
	(void)end;
#endif
	return number_decode(v, max, out);
}


/* gen-value = token / host / quoted-string; host adds IPv6 references. */
static int gen_value_scan(struct scan *sc, struct slice *value, bool *quoted)
{
	*quoted = false;
	if (scan_peek(sc) == '"') {
		*quoted = true;
		return scan_quoted(sc, value);
	}
	if (scan_peek(sc) == '[') {
		const char *s = sc->p++;
		while (sc->p < sc->end && (scan_is((unsigned char)*sc->p, SCAN_HEX) ||
					   *sc->p == ':' || *sc->p == '.'))
			sc->p++;
		if (!scan_accept(sc, ']'))
			return -EBADMSG;
		*value = slice_span(s, sc->p);
		return 0;
	}
	return scan_token(sc, value);
}

bool sip_sec_param_known(struct slice name)
{
	return mech_param_lookup(name) >= 0;
}

int sip_sec_param_scan(struct scan *sc, struct slice *name, struct slice *value, bool *quoted,
		       const char **reason)
{
	*value = SLICE_NULL;
	*quoted = false;
	if (scan_token(sc, name) < 0) {
		*reason = "expected a mechanism parameter name";
		return -EBADMSG;
	}
	const char *after = sc->p;
	auth_lws(sc);
	if (!auth_accept(sc, '=')) {
		sc->p = after;
		return 0;
	}
	auth_lws(sc);
	const char *vs = sc->p;
	if (gen_value_scan(sc, value, quoted) < 0) {
		*reason = vs < sc->end && *vs == '"' ? "unterminated quoted string"
						     : "expected a token, host or quoted-string value";
		return -EBADMSG;
	}
	return 0;
}

/* Where the reading of one sec-mechanism is: what the general steps go on
 * from when the fast path stops. */
struct mech_state {
	const char *params_start; /* the first parameter's name, or NULL */
	const char *last;         /* the end of the last thing read */
	unsigned seen;            /* 1 << enum mech_param of each known one */
};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The known "name=" at s, or NULL: *d is the class mask of the sixteen
 * bytes at s (bit set for a byte that is not a token byte), *nl the name's
 * length. With safe, sixteen bytes are there to read. */
static inline __attribute__((always_inline)) const struct mech_slot *
mech_find(const char *s, const char *lo, const char *end, bool safe, unsigned *d, unsigned *nl)
{
	uint64_t w;
	if (safe) {
#if defined(__SSSE3__)
		*d = scan_nontoken16(s);
#else
		*d = auth_nontoken16(s, lo, end);
#endif
		memcpy(&w, s, 8);
	} else {
		*d = auth_nontoken16(s, lo, end);
		w = auth_load8(s, lo, end);
	}
	*nl = (unsigned)__builtin_ctz(*d | 0x10000);
	if (*nl > 7)
		return NULL;
	uint64_t lm = mech_lm[*nl];
	const struct mech_slot *e = &mech_slots[MECH_SLOT((w | 0x2020202020202020ull) & lm)];
	return ((w | e->mask) & lm) == e->lit ? e : NULL;
}

/* The first byte from p that is not a token byte (the rare value of
 * sixteen bytes or more). */
static __attribute__((noinline)) const char *mech_token_end(const char *p, const char *lo,
							     const char *end)
{
	return auth_token_end(p, lo, end);
}

/* The value v of the known parameter of slot e stored in m as mech_step
 * and the general steps store it: false (nothing stored) when it is empty,
 * not a qvalue for q, or not a number in range for a spi or port. w: the
 * eight bytes at v.ptr (those past the value any), read only for a number. */
static inline __attribute__((always_inline)) bool
mech_store(struct sip_sec_mech *m, const struct mech_slot *e, struct slice v, uint64_t w)
{
	if (!v.len)
		return false;
	if (e->kind <= MK_Q) {
		if (e->kind == MK_Q && !qvalue_ok(v))
			return false;
		memcpy((char *)m + e->off, &v, sizeof v);
	} else {
		uint32_t n;
		if (v.len > 8 || !digits_n(w, v.len, &n))
			return false;
		if (e->kind == MK_U32) {
			memcpy((char *)m + e->off, &n, sizeof n);
		} else {
			if (n > UINT16_MAX)
				return false;
			uint16_t h = (uint16_t)n;
			memcpy((char *)m + e->off, &h, sizeof h);
		}
		*(bool *)(void *)((char *)m + e->has_off) = true;
	}
	return true;
}

/* One ";known-name=token" at p (one SP allowed after the ';'): stored in m,
 * its bit added to *seen; returns the end of its
 * value, or NULL when it is anything else (other LWS, an unknown name, a
 * quoted or empty value, a duplicate, a bad number or q). With safe, at
 * least 32 bytes are left from p. */
static inline __attribute__((always_inline)) const char *
mech_step(struct sip_sec_mech *m, const char *p, const char *lo, const char *end, bool safe,
	  unsigned *seen)
{
	const char *s = p + 1;
	unsigned d, nl;
	const struct mech_slot *e = mech_find(s, lo, end, safe, &d, &nl);
	if (!e) {
		/* "; name=": LWS as the general steps skip it */
		if (s == end || *s != ' ')
			return NULL;
		s++;
		e = mech_find(s, lo, end, safe, &d, &nl);
		if (!e)
			return NULL;
	}
	unsigned bit = e->bit, rest = d & (d - 1);
	if (*seen & bit)
		return NULL;
	const char *vs = s + nl + 1;
	const char *ve;
	if (rest) {
		ve = s + (unsigned)__builtin_ctz(rest);
	} else {
#if defined(__SSSE3__)
		/* a value of 8 to 23 bytes (alg=hmac-sha-1-96): the next
		 * sixteen, when they are there */
		unsigned d2;
		if (safe && end - s >= 32 && (d2 = scan_nontoken16(s + 16)) != 0)
			ve = s + 16 + (unsigned)__builtin_ctz(d2);
		else
#endif
			ve = mech_token_end(s + 16, lo, end);
	}
	struct slice v = slice_span(vs, ve);
	uint64_t w = 0;
	if (e->kind > MK_Q) {
		if (safe)
			memcpy(&w, vs, 8);
		else
			w = auth_load8(vs, lo, end);
	}
	if (!mech_store(m, e, v, w))
		return NULL;
	*seen |= bit;
	return ve;
}

/* The commonest ";known-name=token" from p on, as many as follow (see
 * mech_step): one class mask of the sixteen bytes after the ';' gives the
 * name's end and mostly the value's, the name is looked up as one word (a
 * known name is all token bytes; its '=' is part of the compare), a spi or
 * port is read as one word. Returns where it stopped, for the general steps
 * to read and judge what is there; what it took is what they would have
 * taken. */
static const char *mech_fast(struct sip_sec_mech *m, const char *p, const char *lo,
			     const char *end, struct mech_state *st)
{
	const char *p0 = p, *q;
	unsigned seen = st->seen;
	while (end - p >= 32 && *p == ';' && (q = mech_step(m, p, lo, end, true, &seen)))
		p = q;
	while (p < end && *p == ';' && (q = mech_step(m, p, lo, end, false, &seen)))
		p = q;
	if (p != p0) {
		st->seen = seen;
		st->last = p;
		/* the first name, after the SP that may follow the ';' */
		if (!st->params_start)
			st->params_start = p0 + 1 + (p0[1] == ' ');
	}
	return p;
}
#endif

/* The general steps of sec_mech_run from sc on (the mechanism read). */
static int sec_mech_general(struct sip_sec_mech *m, struct scan *scp, struct scan sc,
			    const char *lo, bool list, struct mech_state st,
			    struct sip_parse_error *err)
{
	const char *end = sc.end;
	(void)lo;
	for (;;) {
		struct slice name, v;
		bool quoted = false;
		const char *p = sc.p;
		int k;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (p < end && *p == ';')
			sc.p = p = mech_fast(m, p, lo, end, &st);
#endif
		/* the common ";name=token" without LWS in one go: what the general
		 * steps below read there, without their LWS and quote tests */
		if (end - p >= 4 && *p == ';' && scan_is((unsigned char)p[1], SCAN_TOKEN)) {
			const char *ne = scan_class_span(p + 2, end, SCAN_TOKEN);
			if (end - ne >= 2 && *ne == '=' && scan_is((unsigned char)ne[1], SCAN_TOKEN)) {
				const char *ve = scan_class_span(ne + 2, end, SCAN_TOKEN);
				name = slice_span(p + 1, ne);
				v = slice_span(ne + 1, ve);
				if (!st.params_start)
					st.params_start = p + 1;
				sc.p = st.last = ve;
				goto have_param;
			}
		}
		auth_lws(&sc);
		if (scan_eof(&sc) || (list && *sc.p == ','))
			break;
		if (!auth_accept(&sc, ';'))
			return fail(err, -EBADMSG, sc.p, "expected ';' before a mechanism parameter");
		auth_lws(&sc);
		if (!st.params_start)
			st.params_start = sc.p;
		const char *reason;
		if (sip_sec_param_scan(&sc, &name, &v, &quoted, &reason) < 0)
			return fail(err, -EBADMSG, sc.p, reason);
		st.last = sc.p;
	have_param:
		k = mech_param_lookup(name);
		if (k < 0)
			continue;
		if (st.seen & (1u << k))
			return fail(err, -EBADMSG, name.ptr, "duplicate mechanism parameter");
		st.seen |= 1u << k;
		if (!v.ptr)
			return fail(err, -EBADMSG, name.ptr, "mechanism parameter needs a value");
		/* TS 33.203 §7.2 alg, ealg, prot, mod, spi and port values and
		 * RFC 3329 §2.2 q, d-alg, d-qop are tokens; only d-ver is quoted.
		 * A P-CSCF that compares prot with "esp" does not match "\"esp\"". */
		if (quoted && k != MP_D_VER)
			return fail(err, -EBADMSG, v.ptr - 1,
				    "this mechanism parameter takes a token, not a quoted string");
		uint32_t n;
		int rc;
		switch (k) {
		case MP_Q:
			if (!qvalue_ok(v))
				return fail(err, -EBADMSG, v.ptr, "q must be a qvalue (0 to 1, 3 decimals)");
			m->q = v;
			break;
		case MP_ALG: m->alg = v; break;
		case MP_EALG: m->ealg = v; break;
		case MP_PROT: m->prot = v; break;
		case MP_MOD: m->mod = v; break;
		case MP_D_ALG: m->d_alg = v; break;
		case MP_D_QOP: m->d_qop = v; break;
		case MP_D_VER: m->d_ver = v; break;
		case MP_SPI_C:
		case MP_SPI_S:
			if ((rc = number_value(v, lo, end, UINT32_MAX, &n)) < 0)
				return fail(err, rc, v.ptr,
					    rc == -ERANGE ? "spi larger than 2^32-1"
							  : "spi must be a decimal number");
			if (k == MP_SPI_C) {
				m->spi_c = n;
				m->has_spi_c = true;
			} else {
				m->spi_s = n;
				m->has_spi_s = true;
			}
			break;
		default:
			if ((rc = number_value(v, lo, end, UINT16_MAX, &n)) < 0)
				return fail(err, rc, v.ptr,
					    rc == -ERANGE ? "port larger than 65535"
							  : "port must be a decimal number");
			if (k == MP_PORT_C) {
				m->port_c = (uint16_t)n;
				m->has_port_c = true;
			} else {
				m->port_s = (uint16_t)n;
				m->has_port_s = true;
			}
			break;
		}
	}
	if (st.params_start)
		m->params = slice_span(st.params_start, st.last);
	*scp = sc;
	return 0;
}

/* sec_mech_run past the fast path: the mechanism, then the parameters,
 * mech_fast taking what it can. */
static __attribute__((noinline)) int sec_mech_slow(struct sip_sec_mech *m, struct scan *scp,
						    bool list, struct sip_parse_error *err)
{
	struct scan sc = *scp;
	/* lo: the fast paths may read back to here to load sixteen bytes */
	const char *lo = sc.p, *end = sc.end;
	struct mech_state st = { NULL, NULL, 0 };

	scan_lws(&sc);
	if (scan_token(&sc, &m->mechanism) < 0)
		return fail(err, -EBADMSG, sc.p, "expected a mechanism name");
	st.last = sc.p;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* the parameters as mech_fast reads them, up to the end or a ',' */
	const char *p = sc.p;
	if (p < end && *p == ';')
		p = mech_fast(m, p, lo, end, &st);
	if (p == end || (list && *p == ',')) {
		if (st.params_start)
			m->params = slice_span(st.params_start, st.last);
		scp->p = p;
		return 0;
	}
	sc.p = p;
#endif
	return sec_mech_general(m, scp, sc, lo, list, st, err);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The whole sec-mechanism from p as the fast path reads it: the mechanism
 * (no LWS before it), then the parameters mech_step takes, up to the end or
 * (with list) a ','. Returns where it ended, or NULL when anything else
 * comes (m may then hold fields the general steps set again, to the same
 * values: what mech_step takes is what they take). */
static inline __attribute__((always_inline)) const char *
mech_whole(struct sip_sec_mech *m, const char *p, const char *end, bool list)
{
	const char *lo = p, *me = auth_token_end(p, lo, end), *q;
	unsigned seen = 0;
	if (me == p)
		return NULL;
	p = me;
	while (end - p >= 32 && *p == ';' && (q = mech_step(m, p, lo, end, true, &seen)))
		p = q;
	while (p < end && *p == ';' && (q = mech_step(m, p, lo, end, false, &seen)))
		p = q;
	if (p != end && (!list || *p != ','))
		return NULL;
	m->mechanism = slice_span(lo, me);
	/* the first name, after the SP that may follow the ';' */
	if (p != me)
		m->params = slice_span(me + 1 + (me[1] == ' '), p);
	return p;
}
#endif

/* One sec-mechanism at sc. With list, a ',' after a parameter ends it (the
 * cursor is left on it) as the end of the input does otherwise. */
static inline int sec_mech_run(struct sip_sec_mech *m, struct scan *scp, bool list,
			       struct sip_parse_error *err)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const char *p = mech_whole(m, scp->p, scp->end, list);
	if (p) {
		scp->p = p;
		return 0;
	}
#endif
	return sec_mech_slow(m, scp, list, err);
}

int sip_sec_mech_decode(struct sip_sec_mech *m, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;

	sec_mech_clear(m);
	if (!value.ptr)
		return fail(err, -EINVAL, NULL, "no value");
	scan_init(&sc, value);
	return sec_mech_run(m, &sc, false, err);
}

int sip_sec_mech_decode_at(struct sip_sec_mech *m, struct scan *sc, struct sip_parse_error *err)
{
	sec_mech_clear(m);
	return sec_mech_run(m, sc, true, err);
}

/* ---- a whole Security-* value in one call -------------------------------- */

/* SP HTAB CR LF: what check.c's list walk steps over between elements. */
static inline bool sec_lws_byte(unsigned char c)
{
	return c <= ' ' && ((1ull << c) & (1ull << ' ' | 1ull << '\t' | 1ull << '\r' | 1ull << '\n'));
}

/* The element of ms offer k is decoded into. */
static inline struct sip_sec_mech *sec_slot(struct sip_sec_mech *ms, size_t cap, size_t k)
{
	return &ms[k < cap ? k : cap - 1];
}

static int sec_list_again(struct sip_parse_error *err)
{
	if (err) {
		err->at = NULL;
		err->reason = NULL;
	}
	return -EAGAIN;
}

/* The offers from p on, one sec_mech_run each (values too long for
 * sec_list_fast, and builds without it). */
static int sec_list_each(const char *p, const char *end, size_t k, struct sip_sec_mech *ms,
			 size_t cap, size_t *count, struct sip_parse_error *err)
{
	for (;;) {
		struct sip_sec_mech *m = sec_slot(ms, cap, k++);
		struct scan sc = { p, end };
		sec_mech_clear(m);
		if (sec_mech_run(m, &sc, true, err) < 0)
			break;
		*count = k;
		if (sc.p >= end)
			return 0;
		p = sc.p + 1;
		while (p < end && sec_lws_byte((unsigned char)*p))
			p++;
		if (p >= end)
			break;
	}
	return sec_list_again(err);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The longest value sec_list_fast copies and classifies whole. */
#define SEC_LIST_MAX 1024

/* The 64 bits of nt from bit x on (one shrd). */
static inline uint64_t nt_window(const uint64_t *nt, size_t x)
{
#if defined(__SIZEOF_INT128__)
	__extension__ typedef unsigned __int128 u128;
	u128 pair = (u128)nt[x / 64 + 1] << 64 | nt[x / 64];
	return (uint64_t)(pair >> (x & 63));
#else
	unsigned s = (unsigned)(x & 63);
	uint64_t w = nt[x / 64] >> s;
	return s ? w | nt[x / 64 + 1] << (64 - s) : w;
#endif
}

/* sip_sec_mech_list_run for a value of at most SEC_LIST_MAX bytes, the
 * first offer at start: the value is copied to buf (zeros after it) and
 * classified once, bit i of nt set where buf[i] is not a token byte (so at
 * the length too); then each ";known-name=token" of an offer is the next
 * two bits of a 64-bit window of nt shifted along the offer, one word
 * compare of "name=" (mech_list_tab) and one store. An offer holding
 * anything else (LWS but one SP after a ';', an unknown name, a quoted or
 * empty value, a duplicate, a bad number or q, a value that does not end
 * within 64 bytes of its ';') is read by sec_mech_run, which stores the
 * same for what this reads. */
#if defined(__SSSE3__)
/* Bit i set where byte i of v is not a token byte: scan_notin16v with the
 * row picked by v itself, not by its low nibble (a shuffle reads only the
 * low nibble of an index below 0x80, and gives 0 for one of 0x80 up, which
 * is no token byte either): one and less. */
static inline __attribute__((always_inline)) unsigned sec_nontoken16v(__m128i v)
{
	static const unsigned char bits[16] __attribute__((aligned(16))) = {
		0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80,
	};
	__m128i hi = _mm_and_si128(_mm_srli_epi16(v, 4), _mm_set1_epi8(0x0f));
	__m128i in = _mm_and_si128(
		_mm_shuffle_epi8(_mm_load_si128((const __m128i *)(const void *)scan_rows_token), v),
		_mm_shuffle_epi8(_mm_load_si128((const __m128i *)(const void *)bits), hi));
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(in, _mm_setzero_si128()));
}

/* The 64 bytes at src copied to dst, and their non-token mask. */
static inline uint64_t sec_classify64(unsigned char *dst, const char *src)
{
	__m128i a = _mm_loadu_si128((const __m128i *)(const void *)src);
	__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(src + 16));
	__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(src + 32));
	__m128i d = _mm_loadu_si128((const __m128i *)(const void *)(src + 48));
	_mm_store_si128((__m128i *)(void *)dst, a);
	_mm_store_si128((__m128i *)(void *)(dst + 16), b);
	_mm_store_si128((__m128i *)(void *)(dst + 32), c);
	_mm_store_si128((__m128i *)(void *)(dst + 48), d);
	return (uint64_t)sec_nontoken16v(a) | (uint64_t)sec_nontoken16v(b) << 16 |
	       (uint64_t)sec_nontoken16v(c) << 32 | (uint64_t)sec_nontoken16v(d) << 48;
}
#endif

static __attribute__((noinline)) int sec_list_fast(const char *base, size_t len, size_t p,
						   struct sip_sec_mech *ms, size_t cap,
						   size_t *count, struct sip_parse_error *err)
{
	unsigned char buf[SEC_LIST_MAX + 128] __attribute__((aligned(16)));
	/* one word more than the value needs: all ones, so a two-word read
	 * at the last one stays defined */
	uint64_t nt[SEC_LIST_MAX / 64 + 2];
	size_t full = len & ~(size_t)63, k = 0;
	/* buf: the value, zeros after it up to 80 bytes past the last whole
	 * word's end (the name and number words read up to eight bytes past
	 * the length) */
#if defined(__SSSE3__)
	for (size_t i = 0; i < full; i += 64)
		nt[i / 64] = sec_classify64(buf + i, base + i);
	if (len >= 64) {
		/* the last 64 bytes again, where they are, then zeros */
		__m128i z = _mm_setzero_si128();
		for (size_t j = 0; j < 64; j += 16)
			_mm_storeu_si128((__m128i *)(void *)(buf + len - 64 + j),
					 _mm_loadu_si128((const __m128i *)(const void *)(base + len - 64 + j)));
		for (size_t j = 0; j < 80; j += 16)
			_mm_storeu_si128((__m128i *)(void *)(buf + len + j), z);
	} else {
		memset(buf, 0, 80);
		memcpy(buf, base, len);
	}
	nt[full / 64] = sec_classify64(buf + full, (const char *)buf + full);
#else
	memset(buf + full, 0, 80);
	memcpy(buf, base, len);
	for (size_t j = 0; j <= full; j += 64) {
		uint64_t w = 0;
		for (size_t b = 0; b < 64; b++)
			if (!scan_is(buf[j + b], SCAN_TOKEN))
				w |= 1ull << b;
		nt[j / 64] = w;
	}
#endif
	nt[full / 64 + 1] = ~0ull;
	for (;;) {
		struct sip_sec_mech *m = sec_slot(ms, cap, k++);
		size_t me = auth_bits_next(nt, p), q = me;
		if (me == p)
			goto slow;
		sec_mech_clear_params(m);
		/* r: the non-token bits from q on (bit 0 q's own), of a window of
		 * 64 loaded at q or before: shifted along as q moves, so the bits
		 * past the window read as 0, and a search that finds none there
		 * loads the window again at q */
		uint64_t r = nt_window(nt, q);
		for (;;) {
			/* the next stop is the name's end, the one after the
			 * value's (an SP after the ';' makes the name empty: the
			 * offer is then sec_mech_run's, as is a value that does
			 * not end within 64 bytes of its ';') */
			uint64_t r1 = r & (r - 1), r2 = r1 & (r1 - 1);
			if (__builtin_expect(!r2, 0)) {
				r = nt_window(nt, q);
				r1 = r & (r - 1);
				r2 = r1 & (r1 - 1);
				if (!r2)
					goto slow;
			}
			size_t t = (size_t)__builtin_ctzll(r1), d = (size_t)__builtin_ctzll(r2);
			const struct mech_list_tab *tb = &mech_list_tab;
			uint64_t w;
			memcpy(&w, buf + q, 8);
			uint64_t key = (w | tb->fold[t]) & tb->lw[t];
			size_t i = MECH_LIST_SLOT(key);
			/* not ";known-name=": the offer's end (its ',' or the
			 * value's end), or else sec_mech_run's (a ';' there too,
			 * which the test after the loop sends to it) */
			if (key != tb->key[i])
				break;
			/* the value: after the '=' (q + t), up to q + d; a
			 * duplicate finds its field set (m was cleared) */
			size_t vn = d - t - 1;
			if (!vn)
				goto slow;
			const char *vp = base + q + t + 1;
			char *dst = (char *)m + tb->off[i];
			if (__builtin_expect(tb->kind[i] == MK_SLICE, 1)) {
				struct slice v = slice_make(vp, vn);
				if (((const struct slice *)(const void *)dst)->ptr)
					goto slow;
				memcpy(dst, &v, sizeof v);
			} else if (tb->kind[i] != MK_Q) {
				/* a spi or a port: up to eight digits in one word */
				bool *has = (bool *)(void *)m + tb->has[i];
				uint32_t n;
				if (*has)
					goto slow;
				memcpy(&w, buf + q + t + 1, 8);
#if defined(DIGITS_ANY_N)
				if (!digits_n(w, vn, &n)) /* vn is 62 at most */
#else
				if (vn > 8 || !digits_n(w, vn, &n))
#endif
					goto slow;
				if (tb->kind[i] == MK_U32) {
					memcpy(dst, &n, sizeof n);
				} else {
					if (n > UINT16_MAX)
						goto slow;
					uint16_t h = (uint16_t)n;
					memcpy(dst, &h, sizeof h);
				}
				*has = true;
			} else {
				struct slice v = slice_make(vp, vn);
				if (((const struct slice *)(const void *)dst)->ptr || !qvalue_ok(v))
					goto slow;
				memcpy(dst, &v, sizeof v);
			}
			q += d;
			r >>= d;
		}
		if (q < len && buf[q] != ',') /* a ';' too: not a known name */
			goto slow;
		/* both written here (sec_mech_clear_params left them) */
		m->mechanism = slice_make(base + p, me - p);
		m->params = q != me ? slice_span(base + me + 1, base + q) : slice_make(NULL, 0);
		goto next;
	slow: {
		struct scan sc = { base + p, base + len };
		sec_mech_clear(m);
		if (sec_mech_run(m, &sc, true, err) < 0)
			break;
		q = (size_t)(sc.p - base);
	}
	next:
		*count = k;
		if (q >= len)
			return 0;
		/* q on the ',' that ends the offer; the commonest LWS after
		 * it is one SP (buf[len] is 0, no LWS byte) */
		p = q + 1 + (buf[q + 1] == ' ');
		while (sec_lws_byte(buf[p]))
			p++;
		if (p >= len)
			break;
	}
	return sec_list_again(err);
}
#endif

int sip_sec_mech_list_run(struct slice v, struct sip_sec_mech *ms, size_t cap, size_t *count,
			  struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	*count = 0;
	if (!p)
		return -EAGAIN;
	while (p < end && sec_lws_byte((unsigned char)*p))
		p++;
	if (p >= end)
		return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (v.len <= SEC_LIST_MAX)
		return sec_list_fast(v.ptr, v.len, (size_t)(p - v.ptr), ms, cap, count, err);
#endif
	return sec_list_each(p, end, 0, ms, cap, count, err);
}
