/* uri.c: SIP/SIPS URIs (RFC 3261 §19.1, §25), tel URIs (RFC 3966 §3), other absoluteURIs, IPv6 references (RFC 5118). */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/sip.h>
#include "hdr_scan.h"
#include "uri_internal.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__SSSE3__)
#include <tmmintrin.h>
#endif

/* URI character classes (RFC 3261 §25):
 * UN unreserved; US user (unreserved / user-unreserved); PW password;
 * PA paramchar (param-unreserved / unreserved); HV hnv-unreserved /
 * unreserved; UC uric, plus "[" "]" (RFC 2732); SC scheme chars;
 * TP tel pname (alphanum / "-", RFC 3966). Escapes are handled apart. */
enum { UN = 1, US = 2, PW = 4, PA = 8, HV = 16, UC = 32, SC = 64, TP = 128 };
static const unsigned char uri_class[256] = {
	['!'] = UN|US|PW|PA|HV|UC, ['$'] = US|PW|PA|HV|UC, ['&'] = US|PW|PA|UC,
	['\''] = UN|US|PW|PA|HV|UC, ['('] = UN|US|PW|PA|HV|UC, [')'] = UN|US|PW|PA|HV|UC,
	['*'] = UN|US|PW|PA|HV|UC, ['+'] = US|PW|PA|HV|UC|SC, [','] = US|PW|UC,
	['-'] = UN|US|PW|PA|HV|UC|SC|TP, ['.'] = UN|US|PW|PA|HV|UC|SC, ['/'] = US|PA|HV|UC,
	['0'] = UN|US|PW|PA|HV|UC|SC|TP, ['1'] = UN|US|PW|PA|HV|UC|SC|TP,
	['2'] = UN|US|PW|PA|HV|UC|SC|TP, ['3'] = UN|US|PW|PA|HV|UC|SC|TP,
	['4'] = UN|US|PW|PA|HV|UC|SC|TP, ['5'] = UN|US|PW|PA|HV|UC|SC|TP,
	['6'] = UN|US|PW|PA|HV|UC|SC|TP, ['7'] = UN|US|PW|PA|HV|UC|SC|TP,
	['8'] = UN|US|PW|PA|HV|UC|SC|TP, ['9'] = UN|US|PW|PA|HV|UC|SC|TP, [':'] = PA|HV|UC,
	[';'] = US|UC, ['='] = US|PW|UC, ['?'] = US|HV|UC, ['@'] = UC, ['A'] = UN|US|PW|PA|HV|UC|SC|TP,
	['B'] = UN|US|PW|PA|HV|UC|SC|TP, ['C'] = UN|US|PW|PA|HV|UC|SC|TP,
	['D'] = UN|US|PW|PA|HV|UC|SC|TP, ['E'] = UN|US|PW|PA|HV|UC|SC|TP,
	['F'] = UN|US|PW|PA|HV|UC|SC|TP, ['G'] = UN|US|PW|PA|HV|UC|SC|TP,
	['H'] = UN|US|PW|PA|HV|UC|SC|TP, ['I'] = UN|US|PW|PA|HV|UC|SC|TP,
	['J'] = UN|US|PW|PA|HV|UC|SC|TP, ['K'] = UN|US|PW|PA|HV|UC|SC|TP,
	['L'] = UN|US|PW|PA|HV|UC|SC|TP, ['M'] = UN|US|PW|PA|HV|UC|SC|TP,
	['N'] = UN|US|PW|PA|HV|UC|SC|TP, ['O'] = UN|US|PW|PA|HV|UC|SC|TP,
	['P'] = UN|US|PW|PA|HV|UC|SC|TP, ['Q'] = UN|US|PW|PA|HV|UC|SC|TP,
	['R'] = UN|US|PW|PA|HV|UC|SC|TP, ['S'] = UN|US|PW|PA|HV|UC|SC|TP,
	['T'] = UN|US|PW|PA|HV|UC|SC|TP, ['U'] = UN|US|PW|PA|HV|UC|SC|TP,
	['V'] = UN|US|PW|PA|HV|UC|SC|TP, ['W'] = UN|US|PW|PA|HV|UC|SC|TP,
	['X'] = UN|US|PW|PA|HV|UC|SC|TP, ['Y'] = UN|US|PW|PA|HV|UC|SC|TP,
	['Z'] = UN|US|PW|PA|HV|UC|SC|TP, ['['] = PA|HV|UC, [']'] = PA|HV|UC, ['_'] = UN|US|PW|PA|HV|UC,
	['a'] = UN|US|PW|PA|HV|UC|SC|TP, ['b'] = UN|US|PW|PA|HV|UC|SC|TP,
	['c'] = UN|US|PW|PA|HV|UC|SC|TP, ['d'] = UN|US|PW|PA|HV|UC|SC|TP,
	['e'] = UN|US|PW|PA|HV|UC|SC|TP, ['f'] = UN|US|PW|PA|HV|UC|SC|TP,
	['g'] = UN|US|PW|PA|HV|UC|SC|TP, ['h'] = UN|US|PW|PA|HV|UC|SC|TP,
	['i'] = UN|US|PW|PA|HV|UC|SC|TP, ['j'] = UN|US|PW|PA|HV|UC|SC|TP,
	['k'] = UN|US|PW|PA|HV|UC|SC|TP, ['l'] = UN|US|PW|PA|HV|UC|SC|TP,
	['m'] = UN|US|PW|PA|HV|UC|SC|TP, ['n'] = UN|US|PW|PA|HV|UC|SC|TP,
	['o'] = UN|US|PW|PA|HV|UC|SC|TP, ['p'] = UN|US|PW|PA|HV|UC|SC|TP,
	['q'] = UN|US|PW|PA|HV|UC|SC|TP, ['r'] = UN|US|PW|PA|HV|UC|SC|TP,
	['s'] = UN|US|PW|PA|HV|UC|SC|TP, ['t'] = UN|US|PW|PA|HV|UC|SC|TP,
	['u'] = UN|US|PW|PA|HV|UC|SC|TP, ['v'] = UN|US|PW|PA|HV|UC|SC|TP,
	['w'] = UN|US|PW|PA|HV|UC|SC|TP, ['x'] = UN|US|PW|PA|HV|UC|SC|TP,
	['y'] = UN|US|PW|PA|HV|UC|SC|TP, ['z'] = UN|US|PW|PA|HV|UC|SC|TP, ['~'] = UN|US|PW|PA|HV|UC,
};

static inline bool is_alpha(unsigned char c)
{
	return scan_is(c, SCAN_ALPHA);
}

static inline bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The longest run of bytes of class cls or escapes ("%" HEXDIG HEXDIG). */
static const char *uri_run(const char *p, const char *end, unsigned cls)
{
	/* four plain bytes at a time; escapes and the stop byte below */
	while (end - p >= 4 && (uri_class[(unsigned char)p[0]] & cls) &&
	       (uri_class[(unsigned char)p[1]] & cls) && (uri_class[(unsigned char)p[2]] & cls) &&
	       (uri_class[(unsigned char)p[3]] & cls))
		p += 4;
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		if (uri_class[c] & cls) {
			p++;
			continue;
		}
		if (c == '%' && end - p >= 3 && hdr_is_hex((unsigned char)p[1]) &&
		    hdr_is_hex((unsigned char)p[2])) {
			p += 3;
			continue;
		}
		break;
	}
	return p;
}

/* uri_run for a run that may be long: first sixteen bytes a step over
 * alphanum / "-" / "." / "_" / "+" (in every class uri_run is given
 * here), then uri_run from the first other byte. Blocks are read below
 * bufend, which may lie past end. */
static const char *uri_run_wide(const char *p, const char *end, const char *bufend,
				unsigned cls)
{
#if defined(__SSE2__)
	if (bufend - p >= 16 && p < end) {
		const __m128i case_bit = _mm_set1_epi8(0x20), to_letter = _mm_set1_epi8(0x80 - 'a');
		const __m128i letters = _mm_set1_epi8((char)(-128 + 26)), to_digit = _mm_set1_epi8(0x80 - '0');
		const __m128i digits = _mm_set1_epi8((char)(-128 + 10));
		/* '-' and '.' as the range 0x2d-0x2e */
		const __m128i to_dd = _mm_set1_epi8((char)(0x80 - '-')), dd = _mm_set1_epi8((char)(-128 + 2));
		const __m128i under = _mm_set1_epi8('_'), plus = _mm_set1_epi8('+');
		do {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
			__m128i al = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), to_letter), letters);
			__m128i di = _mm_cmplt_epi8(_mm_add_epi8(v, to_digit), digits);
			__m128i pd = _mm_cmplt_epi8(_mm_add_epi8(v, to_dd), dd);
			__m128i up = _mm_or_si128(_mm_cmpeq_epi8(v, under), _mm_cmpeq_epi8(v, plus));
			unsigned in = (unsigned)_mm_movemask_epi8(
				_mm_or_si128(_mm_or_si128(al, di), _mm_or_si128(pd, up)));
			if (in != 0xffff) {
				p += __builtin_ctz(~in);
				break;
			}
			p += 16;
		} while (bufend - p >= 16 && p < end);
		if (p >= end)
			return end;
	}
#else
	(void)bufend;
#endif
	return uri_run(p, end, cls);
}

/* The reason for a byte that ended a run where it does not belong. */
static const char *uri_bad_byte(unsigned char c, const char *otherwise)
{
	if (is_space(c))
		return "URI: embedded white space";
	if (c == '%')
		return "URI: '%' not followed by two hex digits";
	if (c == '<' || c == '>')
		return "URI: unexpected '<' or '>' (a URI here is not enclosed in <>)";
	return otherwise;
}

/* ---- sixteen bytes a step (SSSE3) ------------------------------------ */

#if defined(__SSSE3__)
/* Class bitmaps as in scan_nontoken16 (include/imsreg/scan.h): byte lo has
 * bit hi set when the byte hi * 16 + lo is in the class. '%' is in none of
 * them: an escape leaves the fast path. */
static const unsigned char uri_rows_host[16] __attribute__((aligned(16))) = {
	/* alphanum "-" "." */
	0xa8, 0xf8, 0xf8, 0xf8, 0xf8, 0xf8, 0xf8, 0xf8,
	0xf8, 0xf8, 0xf0, 0x50, 0x50, 0x54, 0x54, 0x50,
};
static const unsigned char uri_rows_user[16] __attribute__((aligned(16))) = {
	/* US: unreserved / "&" "=" "+" "$" "," ";" "?" "/" */
	0xa8, 0xfc, 0xf8, 0xf8, 0xfc, 0xf8, 0xfc, 0xfc,
	0xfc, 0xfc, 0xf4, 0x5c, 0x54, 0x5c, 0xd4, 0x7c,
};
static const unsigned char uri_rows_param[16] __attribute__((aligned(16))) = {
	/* PA: unreserved / "[" "]" "/" ":" "&" "+" "$" */
	0xa8, 0xfc, 0xf8, 0xf8, 0xfc, 0xf8, 0xfc, 0xfc,
	0xfc, 0xfc, 0xfc, 0x74, 0x50, 0x74, 0xd4, 0x74,
};
/* pshufb indices that move a block down by k bytes (load at uri_shift + k)
 * and put zeros above */
static const unsigned char uri_shift[32] = {
	0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
};

/* The sixteen bytes at p, zeros in place of those at end and after (a
 * zero byte is in no class, so every run stops at end by itself). The
 * slice ending at end must hold sixteen bytes or more (the callers leave
 * shorter ones to the byte loops): with fewer than sixteen left after p,
 * its last sixteen are read and moved down. p <= end. */
static inline __attribute__((always_inline)) __m128i uri_load(const char *p, const char *end)
{
	/* against end - 16, which lies in the slice and is the same for
	 * every block of a run: the compiler keeps it out of the loops */
	const char *q = end - 16;
	if (__builtin_expect(p <= q, 1))
		return _mm_loadu_si128((const __m128i *)(const void *)p);
	return _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)q),
				_mm_loadu_si128((const __m128i *)(const void *)(uri_shift + (p - q))));
}


/* A run of alphanum / "-" / "." at h: its length and where its dots and
 * dashes are (bits past the run may be set too). false when it is 64
 * bytes or longer. */
struct uri_hrun {
	unsigned n;
	uint64_t dots, dashes;
};

/* uri_host_run with the first block, v at h, read already and out its
 * bytes outside the host class. */
static inline __attribute__((always_inline)) bool uri_host_run_from(const char *h, const char *end,
								    __m128i v, unsigned out,
								    struct uri_hrun *r)
{
	const __m128i dot = _mm_set1_epi8('.'), dash = _mm_set1_epi8('-');
	uint64_t dots = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dot));
	uint64_t dashes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dash));
	unsigned off = 0;
	while (!out) {
		off += 16;
		if (off == 64)
			return false;
		v = uri_load(h + off, end);
		out = scan_notin16v(v, uri_rows_host);
		dots |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dot)) << off;
		dashes |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dash)) << off;
	}
	r->n = off + (unsigned)__builtin_ctz(out);
	r->dots = dots;
	r->dashes = dashes;
	return true;
}

static inline __attribute__((always_inline)) bool uri_host_run(const char *h, const char *end,
							       struct uri_hrun *r)
{
	__m128i v = uri_load(h, end);
	return uri_host_run_from(h, end, v, scan_notin16v(v, uri_rows_host), r);
}

/* The run at h (n bytes, dots at the bits of dots, no dash) as an
 * IPv4address of sip_ipv4_scan taking it whole: four octets of one to
 * three digits, at most 255. The label rules hold already. */
static inline __attribute__((always_inline)) bool uri_ipv4_check(const char *h, const char *end,
								 unsigned n, uint64_t dots)
{
	if (n > 15 || __builtin_popcountll(dots) != 3 || (dots >> (n - 1)))
		return false;
	/* every byte a digit but the dots */
	__m128i v = uri_load(h, end);
	unsigned dg = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
		_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(-128 + 10))));
	unsigned run = (1u << n) - 1, d = (unsigned)dots;
	if (((dg | d) & run) != run)
		return false;
	/* no octet over three digits; one of three is at most "255", which
	 * for three digits compares as the bytes do */
	dg &= run & ~d;
	if (dg & (dg >> 1) & (dg >> 2) & (dg >> 3))
		return false;
	for (unsigned t = dg & (dg >> 1) & (dg >> 2); t; t &= t - 1) {
		const unsigned char *o = (const unsigned char *)h + __builtin_ctz(t);
		if (((unsigned)o[0] << 16 | (unsigned)o[1] << 8 | o[2]) > ('2' << 16 | '5' << 8 | '5'))
			return false;
	}
	return true;
}

/* The run at h as a host: the label rules of host_scan on the masks, then
 * a name (last label starting with a letter) or an IPv4 address. The host
 * type, or SIP_HOST_NONE when host_scan would not take it whole. */
static inline __attribute__((always_inline)) enum sip_host_type uri_host_check(const char *h,
									       const char *end,
									       const struct uri_hrun *r)
{
	if (r->n == 0)
		return SIP_HOST_NONE;
	/* the run's bits are those that a shift left by 64 - n keeps (n is
	 * 1 to 63): one shift count for the rules and the top label, no
	 * mask of the run to build */
	unsigned sh = 64 - r->n;
	uint64_t dots = r->dots, dashes = r->dashes, sep = dots | dashes, dots1 = (dots << 1) | 1;
	/* every label rule on the masks at once, one branch; each rule at
	 * bit i looks at bits i and i - 1, both in the run when i is */
	if (((sep & dots1) |              /* a label starting with '.' or '-', an empty label */
	     (dots & (dashes << 1))) << sh) /* '-' closing a label */
		return SIP_HOST_NONE;
	const char *lastb = h + r->n - 1;
	if (*lastb == '-')                  /* '-' closing the last */
		return SIP_HOST_NONE;
	/* the last label starts after the last dot but a final one (bit
	 * n - 1): dots1's bit i + 1 for a dot at i, bit 0 for h; shifted,
	 * bit 63 stands for the last byte (the final dot's bit moved out),
	 * so the highest bit left is the top label's start counted back
	 * from the last byte by its leading zeros */
	const char *top = lastb - __builtin_clzll(dots1 << sh);
	if ((unsigned)((*top | 0x20) - 'a') < 26)
		return SIP_HOST_NAME;
	uint64_t run = ~0ull >> sh;
	if ((dashes & run) || !uri_ipv4_check(h, end, r->n, dots & run))
		return SIP_HOST_NONE;
	return SIP_HOST_IPV4;
}

static const unsigned char uri_rows_ipv6[16] __attribute__((aligned(16))) = {
	/* HEXDIG ":" */
	0x08, 0x58, 0x58, 0x58, 0x58, 0x58, 0x58, 0x08,
	0x08, 0x08, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00,
};

/* An IPv6address of hex groups and colons only at p, on bit masks: the
 * byte after the run of HEXDIG / ":", or NULL when the run is not such an
 * address (over 47 bytes, or against the rules of ipv6_run_wide: "::" at
 * most once, no lone ':' at either end, groups of at most four, eight
 * groups or fewer with "::"). The caller looks at the byte after it. */
static inline __attribute__((always_inline)) const char *uri_ipv6_run(const char *p, const char *end)
{
	const __m128i colon = _mm_set1_epi8(':');
	uint64_t colons = 0;
	unsigned n;
	for (unsigned off = 0;; off += 16) {
		if (off == 48)
			return NULL;
		__m128i v = uri_load(p + off, end);
		unsigned out = scan_notin16v(v, uri_rows_ipv6);
		colons |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, colon)) << off;
		if (out) {
			n = off + (unsigned)__builtin_ctz(out);
			break;
		}
	}
	if (n < 2)
		return NULL;
	uint64_t last = 1ull << (n - 1), run = last | (last - 1);
	colons &= run;
	uint64_t hex = run & ~colons;
	uint64_t dbl = colons & (colons >> 1);          /* "::" starting at the bit */
	if (dbl & (dbl - 1))                            /* two "::" or ":::" */
		return NULL;
	if ((colons & 1) && !(dbl & 1))                 /* a lone leading ':' */
		return NULL;
	if ((colons & last) && !(dbl & (last >> 1)))    /* a lone trailing ':' */
		return NULL;
	uint64_t h2 = hex & (hex >> 1);                 /* two hex digits from the bit */
	if (h2 & (h2 >> 2) & (hex >> 4))               /* five: a group over 4 */
		return NULL;
	unsigned groups = (unsigned)__builtin_popcountll(hex & ~(hex << 1));
	if (dbl ? groups > 7 : groups != 8)
		return NULL;
	return p + n;
}

/* uri_ipv6_run closed by ']': the ']', or NULL. */
static inline __attribute__((always_inline)) const char *uri_ipv6_fast(const char *p, const char *end)
{
	const char *q = uri_ipv6_run(p, end);
	return q && q < end && *q == ']' ? q : NULL;
}

/* The first byte from p that is not of the user class (end at the latest). */
static inline __attribute__((always_inline)) const char *uri_user_run(const char *p, const char *end)
{
	for (;;) {
		unsigned out = scan_notin16v(uri_load(p, end), uri_rows_user);
		if (out)
			return p + __builtin_ctz(out);
		p += 16;
	}
}

#endif

/* ---- hosts and ports --------------------------------------------------- */

const char *sip_ipv4_scan(const char *p, const char *end, const char **bad)
{
	/* each octet: 1-3 digits, at most 255, no fourth digit; a missing
	 * octet or '.' is shown where it is missing, a bad octet at its start */
	for (int i = 0;; i++) {
		const char *s = p;
		if (p >= end || !hdr_is_digit((unsigned char)*p)) {
			*bad = p;
			return NULL;
		}
		unsigned v = (unsigned)(*p++ - '0');
		if (p < end && hdr_is_digit((unsigned char)*p)) {
			v = v * 10 + (unsigned)(*p++ - '0');
			if (p < end && hdr_is_digit((unsigned char)*p)) {
				v = v * 10 + (unsigned)(*p++ - '0');
				if (v > 255 || (p < end && hdr_is_digit((unsigned char)*p))) {
					*bad = s;
					return NULL;
				}
			}
		}
		if (i == 3)
			return p;
		if (p >= end || *p != '.') {
			*bad = p;
			return NULL;
		}
		p++;
	}
}

#if defined(__SSE2__)

/* The number of bits set in x (a SWAR count where the POPCNT
 * instruction is not enabled: the builtin is then a library call). */
static inline unsigned bits_count(uint64_t x)
{
#if defined(__POPCNT__)
	return (unsigned)__builtin_popcountll(x);
#else
	x = x - ((x >> 1) & 0x5555555555555555ull);
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (unsigned)((x * 0x0101010101010101ull) >> 56);
#endif
}

/* An IPv6address of hex groups and colons only (no IPv4 tail) read
 * sixteen bytes a step: the run of HEXDIG / ":" up to 64 bytes, with the
 * group rules of the byte loop in sip_ipv6_scan checked on bit masks. The
 * byte after it, or NULL when the run is not such an address (too long,
 * followed by '.', or against a rule: the byte loop then reads it and
 * gives the error). Needs end - p >= 16. */
static inline __attribute__((always_inline)) const char *ipv6_run_wide(const char *p,
								      const char *end)
{
	const __m128i case_bit = _mm_set1_epi8(0x20), to_letter = _mm_set1_epi8(0x80 - 'a');
	const __m128i letters = _mm_set1_epi8((char)(-128 + 6)), to_digit = _mm_set1_epi8(0x80 - '0');
	const __m128i digits = _mm_set1_epi8((char)(-128 + 10)), colon = _mm_set1_epi8(':');
	const char *s = p;
	uint64_t colons = 0;
	size_t n = 0;
	for (unsigned blk = 0;; blk++) {
		if (blk == 4)
			return NULL;
		const char *q = end - p >= 16 ? p : end - 16;
		unsigned shift = (unsigned)(p - q), off = (unsigned)(p - s);
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
		__m128i hx = _mm_or_si128(
			_mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), to_letter), letters),
			_mm_cmplt_epi8(_mm_add_epi8(v, to_digit), digits));
		__m128i cl = _mm_cmpeq_epi8(v, colon);
		unsigned in = (unsigned)_mm_movemask_epi8(_mm_or_si128(hx, cl)) >> shift;
		unsigned cm = (unsigned)_mm_movemask_epi8(cl) >> shift;
		unsigned stop = ~in & ((1u << (16 - shift)) - 1);
		if (stop) {
			unsigned k = (unsigned)__builtin_ctz(stop);
			colons |= (uint64_t)(cm & ((1u << k) - 1)) << off;
			n = off + k;
			break;
		}
		colons |= (uint64_t)cm << off;
		p = q + 16;
		if (p >= end) {
			n = (size_t)(end - s);
			break;
		}
	}
	if (n < 2 || (s + n < end && s[n] == '.'))
		return NULL;
	uint64_t run = n == 64 ? ~0ull : (1ull << n) - 1, last = 1ull << (n - 1);
	uint64_t hex = run & ~colons;
	uint64_t dbl = colons & (colons >> 1);          /* "::" starting at the bit */
	if (dbl & (dbl - 1) || (dbl & (colons >> 2)))   /* two "::" or ":::" */
		return NULL;
	if ((colons & 1) && !(dbl & 1))                 /* a lone leading ':' */
		return NULL;
	if ((colons & last) && !(dbl & (last >> 1)))    /* a lone trailing ':' */
		return NULL;
	uint64_t h2 = hex & (hex >> 1);                 /* two hex digits from the bit */
	if (h2 & (h2 >> 2) & (hex >> 4))               /* five: a group over 4 */
		return NULL;
	unsigned groups = bits_count(hex & ~(hex << 1));
	if (dbl ? groups > 7 : groups != 8)
		return NULL;
	return s + n;
}
#endif

/* sip_ipv6_scan; fast: try the mask reads first (uri_test's reference
 * goes without) */
static inline __attribute__((always_inline)) const char *ipv6_scan(const char *p, const char *end,
								   const char **bad, bool fast)
{
	const char *start = p;
#if defined(__SSSE3__)
	if (fast && end - p >= 16) {
		const char *q = uri_ipv6_run(p, end);
		if (q && (q == end || *q != '.'))
			return q;
	}
#elif defined(__SSE2__)
	if (fast && end - p >= 16) {
		const char *q = ipv6_run_wide(p, end);
		if (q)
			return q;
	}
#else
	(void)fast;
#endif
	unsigned groups = 0;
	bool dbl = false, after_dbl = false;

	if (p < end && *p == ':') {
		if (p + 1 >= end || p[1] != ':') {
			*bad = p;
			return NULL;
		}
		dbl = after_dbl = true;
		p += 2;
	}
	for (;;) {
		const char *g = p;
		p = hdr_span(p, end, SCAN_HEX);
		if (p == g) {
			if (!after_dbl) {
				*bad = p;
				return NULL;
			}
			if (p < end && *p == ':') {
				/* "x::" ":" IPv4: RFC 3261's ABNF allows it, RFC 5118 §4.10 says tolerate */
				const char *q = sip_ipv4_scan(p + 1, end, bad);
				if (!q)
					return NULL;
				p = q;
				groups += 2;
			}
			break;
		}
		if (p < end && *p == '.') {
			const char *q = sip_ipv4_scan(g, end, bad);
			if (!q)
				return NULL;
			p = q;
			groups += 2;
			break;
		}
		if (p - g > 4) {
			*bad = g + 4;
			return NULL;
		}
		groups++;
		after_dbl = false;
		if (p < end && *p == ':') {
			if (p + 1 < end && p[1] == ':') {
				if (dbl) {
					*bad = p;
					return NULL;
				}
				dbl = after_dbl = true;
				p += 2;
				continue;
			}
			p++;
			continue;
		}
		break;
	}
	if (dbl ? groups > 7 : groups != 8) {
		*bad = start;
		return NULL;
	}
	return p;
}

const char *sip_ipv6_scan(const char *p, const char *end, const char **bad)
{
	return ipv6_scan(p, end, bad, true);
}

/* uri_test's handle on sip_ipv6_scan without the mask reads (uri_internal.h). */
const char *sip_ipv6_scan_bytes(const char *p, const char *end, const char **bad)
{
	return ipv6_scan(p, end, bad, false);
}

bool sip_ipv6_bare_like(const char *p, const char *end)
{
	unsigned colons = 0;
	while (p < end && (hdr_is_hex((unsigned char)*p) || *p == ':' || *p == '.')) {
		colons += *p == ':';
		p++;
	}
	return colons >= 2;
}

#if defined(__SSE2__)

/* A hostname run at s read sixteen bytes a step: the bytes of
 * alphanum / "." / "-" up to 64, with bit masks of the dots and dashes,
 * checked for the label rules of the byte loop in sip_host_scan at once.
 * true with *p after the run and *top on its last non-empty label when the
 * run is at most 64 bytes and keeps the rules; false otherwise (the byte
 * loop then reads it and gives the error). Needs end - s >= 16. */
static inline __attribute__((always_inline)) bool host_run_wide(const char *s, const char *end,
								 const char **pp, const char **top)
{
	const __m128i case_bit = _mm_set1_epi8(0x20), to_letter = _mm_set1_epi8(0x80 - 'a');
	const __m128i letters = _mm_set1_epi8((char)(-128 + 26)), to_digit = _mm_set1_epi8(0x80 - '0');
	const __m128i digits = _mm_set1_epi8((char)(-128 + 10));
	const __m128i dot = _mm_set1_epi8('.'), dash = _mm_set1_epi8('-');
	uint64_t dots = 0, dashes = 0;
	size_t n;
	unsigned off = 0, shift = 0;
	for (;;) {
		/* whole blocks, then the last block overlapping the one before
		 * (as in scan_find3), its bytes before s + off shifted out */
		const char *q = s + off;
		if (end - q < 16) {
			q = end - 16;
			shift = (unsigned)(s + off - q);
		}
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
		/* unsigned ranges as signed compares after a shift to -128 */
		__m128i al = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), to_letter), letters);
		__m128i di = _mm_cmplt_epi8(_mm_add_epi8(v, to_digit), digits);
		__m128i dt = _mm_cmpeq_epi8(v, dot), ds = _mm_cmpeq_epi8(v, dash);
		__m128i hm = _mm_or_si128(_mm_or_si128(al, di), _mm_or_si128(dt, ds));
		unsigned in = (unsigned)_mm_movemask_epi8(hm) >> shift;
		unsigned dm = (unsigned)_mm_movemask_epi8(dt) >> shift;
		unsigned hy = (unsigned)_mm_movemask_epi8(ds) >> shift;
		unsigned stop = ~in & (0xffffu >> shift);
		if (stop) {
			unsigned k = (unsigned)__builtin_ctz(stop);
			unsigned keep = (1u << k) - 1;
			dots |= (uint64_t)(dm & keep) << off;
			dashes |= (uint64_t)(hy & keep) << off;
			n = off + k;
			break;
		}
		dots |= (uint64_t)dm << off;
		dashes |= (uint64_t)hy << off;
		off += 16 - shift;
		if (s + off == end) {
			n = off;
			break;
		}
		if (off == 64)
			return false;
	}
	if (n == 0)
		return false;
	uint64_t last = 1ull << (n - 1);
	if (((dots | dashes) & 1) ||        /* a label starting with '.' or '-' */
	    (dots & (dots << 1)) ||         /* an empty label */
	    (dashes & (dots << 1)) ||       /* '-' opening a label */
	    ((dashes << 1) & dots) ||       /* '-' closing a label */
	    (dashes & last))                /* '-' closing the last */
		return false;
	uint64_t inner = dots & ~last;      /* a final '.' closes no label */
	*top = inner ? s + 64 - __builtin_clzll(inner) : s;
	*pp = s + n;
	return true;
}
#endif

/* The bit-mask reads of sip_host_scan alone (uri_internal.h): small, so
 * that callers can have it inline. */
const char *sip_host_fast(const char *p, const char *end, enum sip_host_type *type)
{
#if defined(__SSSE3__)
	if (end - p >= 16) {
		if (*p == '[') {
			const char *q = uri_ipv6_fast(p + 1, end);
			if (q) {
				*type = SIP_HOST_IPV6;
				return q + 1;
			}
			return NULL;
		}
		struct uri_hrun hr;
		enum sip_host_type t;
		if (uri_host_run(p, end, &hr) && (t = uri_host_check(p, end, &hr)) != SIP_HOST_NONE) {
			*type = t;
			return p + hr.n;
		}
	}
#else
	(void)p, (void)end, (void)type;
#endif
	return NULL;
}

/* The bit-mask read of sip_ipv6_scan alone (uri_internal.h). */
const char *sip_ipv6_fast(const char *p, const char *end)
{
#if defined(__SSSE3__)
	if (end - p >= 16) {
		const char *q = uri_ipv6_run(p, end);
		if (q && (q == end || *q != '.'))
			return q;
	}
#else
	(void)p, (void)end;
#endif
	return NULL;
}

/* sip_host_scan, inline in the URI decoder; fast: try the bit-mask reads
 * first (the byte path of the URI decoder, and uri_test's reference, go
 * without) */
static inline __attribute__((always_inline)) int host_scan(struct scan *sc, struct slice *host,
							    enum sip_host_type *type,
							    struct sip_parse_error *err, bool fast)
{
	const char *s = sc->p, *p = sc->p, *end = sc->end, *bad;

#if defined(__SSSE3__)
	/* the common hosts on bit masks; everything else, and every error, by
	 * the loops below */
	if (fast && end - p >= 16 && *p == '[') {
		const char *q = uri_ipv6_fast(p + 1, end);
		if (q) {
			sc->p = q + 1;
			*host = slice_span(s, sc->p);
			*type = SIP_HOST_IPV6;
			return 0;
		}
	} else if (fast && end - p >= 16) {
		struct uri_hrun hr;
		enum sip_host_type t;
		if (uri_host_run(p, end, &hr) && (t = uri_host_check(p, end, &hr)) != SIP_HOST_NONE) {
			sc->p = p + hr.n;
			*host = slice_span(s, sc->p);
			*type = t;
			return 0;
		}
	}
#else
	(void)fast;
#endif
	if (p < end && *p == '[') {
		const char *q = NULL;
#if defined(__SSE2__)
		if (end - p > 16)
			q = ipv6_run_wide(p + 1, end);
		if (!q)
#endif
			q = ipv6_scan(p + 1, end, &bad, false);
		if (!q) {
			sc->p = bad;
			return hdr_fail(err, -EBADMSG, bad, "host: not a valid IPv6 address");
		}
		if (q >= end || *q != ']') {
			sc->p = q;
			return hdr_fail(err, -EBADMSG, q, "host: expected ']' after IPv6 address");
		}
		sc->p = q + 1;
		*host = slice_span(s, sc->p);
		*type = SIP_HOST_IPV6;
		return 0;
	}

	/* hostname = *( domainlabel "." ) toplabel [ "." ]: runs of alphanum,
	 * with label edges checked only at the rarer '.' and '-' */
	const char *label = p;
	const char *top = p;     /* start of the last non-empty label */
#if defined(__SSE2__)
	if (end - p >= 16 && host_run_wide(s, end, &p, &top))
		goto named;
#endif
	for (;;) {
		p = hdr_span(p, end, SCAN_ALPHA | SCAN_DIGIT);
		if (p >= end)
			break;
		if (*p == '.') {
			if (p == label) {
				sc->p = p;
				return hdr_fail(err, -EBADMSG, p, "host: empty label");
			}
			if (p[-1] == '-') {
				sc->p = p - 1;
				return hdr_fail(err, -EBADMSG, p - 1, "host: a label must not end with '-'");
			}
			top = label;
			label = ++p;
			continue;
		}
		if (*p == '-') {
			if (p == label) {
				sc->p = p;
				return hdr_fail(err, -EBADMSG, p, "host: a label must not start with '-'");
			}
			p++;
			continue;
		}
		break;
	}
	if (p == s) {
		sc->p = p;
		return hdr_fail(err, -EBADMSG, p, "host: expected a host name or address");
	}
	if (p > label) {
		top = label;
		if (p[-1] == '-') {
			sc->p = p - 1;
			return hdr_fail(err, -EBADMSG, p - 1, "host: a label must not end with '-'");
		}
	}
#if defined(__SSE2__)
named:
#endif
	if (is_alpha((unsigned char)*top)) {
		*type = SIP_HOST_NAME;
	} else {
		const char *q = sip_ipv4_scan(s, p, &bad);
		if (!q || q != p) {
			for (const char *c = s; c < p; c++)
				if (is_alpha((unsigned char)*c)) {
					sc->p = top;
					return hdr_fail(err, -EBADMSG, top,
							"host: the last label of a host name must start with a letter");
				}
			/* a missing part is best shown at the start of the host */
			bad = (q || bad >= p) ? s : bad;
			sc->p = bad;
			return hdr_fail(err, -EBADMSG, bad, "host: not a valid IPv4 address");
		}
		*type = SIP_HOST_IPV4;
	}
	sc->p = p;
	*host = slice_span(s, p);
	return 0;
}

int sip_host_scan(struct scan *sc, struct slice *host, enum sip_host_type *type,
		  struct sip_parse_error *err)
{
	return host_scan(sc, host, type, err, true);
}

/* uri_test's handle on sip_host_scan without the bit-mask reads (uri_internal.h). */
int sip_host_scan_bytes(struct scan *sc, struct slice *host, enum sip_host_type *type,
			struct sip_parse_error *err)
{
	return host_scan(sc, host, type, err, false);
}

/* The value of the k digits (1 to 8) in the first bytes of w, read from
 * memory on a little-endian host (those after ignored), eight at once. */
static inline __attribute__((always_inline)) uint32_t uri_digits_value(uint64_t w, unsigned k)
{
	uint64_t v = (w ^ 0x3030303030303030ull) << (8 * (8 - k)); /* leading zeros before */
	v = (v * 10 + (v >> 8)) & 0x00ff00ff00ff00ffull;
	v = (v * 100 + (v >> 16)) & 0x0000ffff0000ffffull;
	return (uint32_t)((v * 10000 + (v >> 32)) & 0xffffffffull);
}

/* sip_port_scan; fast: eight bytes at once first when there are eight */
static inline __attribute__((always_inline)) int port_scan(struct scan *sc, uint16_t *port,
							   struct sip_parse_error *err, bool fast)
{
	const char *s = sc->p, *p = s, *end = sc->end;
	uint32_t v = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (fast && end - p >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		/* a digit byte is 0..9 after the xor; any other gets bit 7 from
		 * one of the two terms (carries only run above the first) */
		uint64_t x = w ^ 0x3030303030303030ull;
		uint64_t nd = ((x + 0x7676767676767676ull) | x) & 0x8080808080808080ull;
		if (nd && (nd & 0xff) == 0) {
			unsigned k = (unsigned)__builtin_ctzll(nd) >> 3;
			v = uri_digits_value(w, k);
			if (v <= 65535) {
				sc->p = p + k;
				*port = (uint16_t)v;
				return 0;
			}
			v = 0;
		}
	}
#else
	(void)fast;
#endif
	while (p < end && hdr_is_digit((unsigned char)*p)) {
		if (v <= 65535)
			v = v * 10 + (uint32_t)(*p - '0');
		p++;
	}
	sc->p = p;
	if (p == s)
		return hdr_fail(err, -EBADMSG, s, "port: expected digits");
	if (v > 65535) {
		sc->p = s;
		return hdr_fail(err, -ERANGE, s, "port: larger than 65535");
	}
	*port = (uint16_t)v;
	return 0;
}

int sip_port_scan(struct scan *sc, uint16_t *port, struct sip_parse_error *err)
{
	return port_scan(sc, port, err, true);
}

/* uri_test's handle on sip_port_scan byte by byte (uri_internal.h). */
int sip_port_scan_bytes(struct scan *sc, uint16_t *port, struct sip_parse_error *err)
{
	return port_scan(sc, port, err, false);
}

/* host [ ":" port ] at sc (no LWS), with the RFC 5118 §4.2 diagnosis of
 * an IPv6 address written without brackets. */
static inline __attribute__((always_inline)) int hostport_scan(struct scan *sc, struct slice *host,
								enum sip_host_type *type, bool *has_port,
								uint16_t *port, struct sip_parse_error *err,
								bool fast)
{
	const char *s = sc->p;
	int rc = host_scan(sc, host, type, err, fast);
	if (rc == 0 && hdr_accept(sc, ':')) {
		rc = sip_port_scan(sc, port, err);
		*has_port = rc == 0;
		if (rc == 0 && sc->p < sc->end && *sc->p == ':')
			rc = hdr_fail(err, -EBADMSG, sc->p, "host: unexpected ':' after port");
	}
	if (rc < 0 && s < sc->end && *s != '[' && sip_ipv6_bare_like(s, sc->end))
		rc = hdr_fail(err, -EBADMSG, s,
			      "host: an IPv6 address must be enclosed in [] (RFC 5118 §4.2)");
	return rc;
}

int sip_hostport_decode(struct slice s, struct slice *host, enum sip_host_type *type,
			bool *has_port, uint16_t *port, struct sip_parse_error *err)
{
	struct scan sc;
	*host = SLICE_NULL;
	*type = SIP_HOST_NONE;
	*has_port = false;
	*port = 0;
	if (!s.ptr)
		return hdr_absent(err);
	scan_init(&sc, s);
	int rc = hostport_scan(&sc, host, type, has_port, port, err, true);
	if (rc == 0 && !scan_eof(&sc))
		rc = hdr_fail(err, -EBADMSG, sc.p,
			      uri_bad_byte((unsigned char)*sc.p, "host: unexpected character"));
	return rc;
}

/* ---- sip: and sips: (RFC 3261 §19.1.1) -------------------------------- */

/* The uri-parameters sip_uri_params and uri_fast_sip type, one bit each */
enum {
	URI_SEEN_LR = 1u << 0,
	URI_SEEN_TTL = 1u << 1,
	URI_SEEN_USER = 1u << 2,
	URI_SEEN_MADDR = 1u << 3,
	URI_SEEN_METHOD = 1u << 4,
	URI_SEEN_TRANSPORT = 1u << 5,
};

static const char *uri_twice_reason(unsigned bit)
{
	switch (bit) {
	case URI_SEEN_LR: return "URI: lr given twice";
	case URI_SEEN_TTL: return "URI: ttl given twice";
	case URI_SEEN_USER: return "URI: user given twice";
	case URI_SEEN_MADDR: return "URI: maddr given twice";
	case URI_SEEN_METHOD: return "URI: method given twice";
	default: return "URI: transport given twice";
	}
}

/* uri-parameters = *( ";" uri-parameter ), at p just after the ';' */
static int sip_uri_params(struct sip_uri *uri, const char *p, const char *end, const char **stop,
			  struct sip_parse_error *err)
{
	const char *first = p;
	unsigned seen = 0;
	for (;;) {
		const char *name = p;
		p = uri_run(p, end, PA);
		if (p == name) {
			if (p >= end || *p == ';' || *p == '?' || *p == '=')
				return hdr_fail(err, -EBADMSG, p, "URI: empty parameter name");
			return hdr_fail(err, -EBADMSG, p,
					uri_bad_byte((unsigned char)*p, "URI: invalid character in parameter"));
		}
		struct slice n = slice_span(name, p), v = SLICE_NULL;
		if (p < end && *p == '=') {
			const char *vs = ++p;
			p = uri_run(p, end, PA);
			if (p == vs)
				return hdr_fail(err, -EBADMSG, p,
						p < end && *p != ';' && *p != '?'
							? uri_bad_byte((unsigned char)*p, "URI: invalid character in parameter value")
							: "URI: empty parameter value after '='");
			v = slice_span(vs, p);
		}
		/* the well-known ones, as written (RFC 3261 §19.1.1); "any given
		 * parameter-name MUST NOT appear more than once" there, and readers
		 * differ on which of two they take: a typed one given twice is an
		 * error at the second name */
		unsigned bit = 0;
		switch (n.len) {
		case 2:
			if (HDR_NAME_IS(n, "lr")) {
				uri->lr = true;
				bit = URI_SEEN_LR;
			}
			break;
		case 3:
			if (HDR_NAME_IS(n, "ttl")) {
				uri->ttl = v;
				bit = URI_SEEN_TTL;
			}
			break;
		case 4:
			if (HDR_NAME_IS(n, "user")) {
				uri->user_param = v;
				bit = URI_SEEN_USER;
			}
			break;
		case 5:
			if (HDR_NAME_IS(n, "maddr")) {
				uri->maddr = v;
				bit = URI_SEEN_MADDR;
			}
			break;
		case 6:
			if (HDR_NAME_IS(n, "method")) {
				uri->method = v;
				bit = URI_SEEN_METHOD;
			}
			break;
		case 9:
			if (HDR_NAME_IS(n, "transport")) {
				uri->transport = v;
				bit = URI_SEEN_TRANSPORT;
			}
			break;
		}
		if (seen & bit)
			return hdr_fail(err, -EBADMSG, n.ptr, uri_twice_reason(bit));
		seen |= bit;
		if (p < end && *p == ';') {
			p++;
			continue;
		}
		if (p < end && *p != '?')
			return hdr_fail(err, -EBADMSG, p,
					uri_bad_byte((unsigned char)*p, "URI: invalid character in parameter"));
		break;
	}
	uri->params = slice_span(first, p);
	*stop = p;
	return 0;
}

/* headers = "?" header *( "&" header ), header = hname "=" hvalue; p just
 * after the '?' */
static int sip_uri_headers(struct sip_uri *uri, const char *p, const char *end,
			   struct sip_parse_error *err)
{
	const char *first = p;
	for (;;) {
		const char *name = p;
		p = uri_run(p, end, HV);
		if (p == name)
			return hdr_fail(err, -EBADMSG, p,
					p < end && *p != '&' && *p != '='
						? uri_bad_byte((unsigned char)*p, "URI: invalid character in header name")
						: "URI: empty header name");
		if (p >= end || *p != '=')
			return hdr_fail(err, -EBADMSG, p,
					p < end ? uri_bad_byte((unsigned char)*p, "URI: expected '=' after header name")
						: "URI: expected '=' after header name");
		p = uri_run(p + 1, end, HV);
		if (p >= end)
			break;
		if (*p != '&')
			return hdr_fail(err, -EBADMSG, p,
					uri_bad_byte((unsigned char)*p, "URI: invalid character in header value"));
		p++;
	}
	uri->headers = slice_span(first, end);
	return 0;
}

static int sip_uri_rest(struct sip_uri *uri, const char *p, const char *end,
			struct sip_parse_error *err)
{
	int rc;
	/* userinfo ends at the only '@' a valid SIP URI can hold: '@' is in no
	 * character class of host, params or headers (escaped there) */
	const char *at = hdr_find(p, end, '@');
	if (at) {
		const char *u = uri_run_wide(p, at, end, US);
		if (u == p)
			return hdr_fail(err, -EBADMSG, p,
					u == at ? "URI: empty user part before '@'"
						: uri_bad_byte((unsigned char)*u, "URI: invalid character in user part"));
		uri->user = slice_span(p, u);
		if (u < at && *u == ':') {
			const char *w = uri_run(u + 1, at, PW);
			if (w != at)
				return hdr_fail(err, -EBADMSG, w,
						uri_bad_byte((unsigned char)*w, "URI: invalid character in password"));
			uri->password = slice_span(u + 1, at);
		} else if (u != at) {
			return hdr_fail(err, -EBADMSG, u,
					uri_bad_byte((unsigned char)*u, "URI: invalid character in user part"));
		}
		p = at + 1;
	}

	struct scan sc = { p, end };
	rc = hostport_scan(&sc, &uri->host, &uri->host_type, &uri->has_port, &uri->port, err, false);
	if (rc < 0) {
		if (err && err->at == p && p < end && (*p == '>' || is_space((unsigned char)*p)))
			err->reason = uri_bad_byte((unsigned char)*p, err->reason);
		if (err && p == end)
			err->reason = "URI: expected host";
		return rc;
	}
	p = sc.p;
	if (p < end && *p == ';') {
		rc = sip_uri_params(uri, p + 1, end, &p, err);
		if (rc < 0)
			return rc;
	}
	if (p < end && *p == '?')
		return sip_uri_headers(uri, p + 1, end, err);
	if (p < end)
		return hdr_fail(err, -EBADMSG, p,
				uri_bad_byte((unsigned char)*p, "URI: unexpected character after host"));
	return 0;
}

/* ---- tel: (RFC 3966 §3) ------------------------------------------------ */

static int tel_uri_rest(struct sip_uri *uri, const char *p, const char *end,
			struct sip_parse_error *err)
{
	const char *s = p;
	bool global = p < end && *p == '+';
	unsigned ndigits = 0;

	if (global)
		p++;
	for (; p < end && *p != ';'; p++) {
		unsigned char c = (unsigned char)*p;
		if (hdr_is_digit(c) || (!global && (hdr_is_hex(c) || c == '*' || c == '#')))
			ndigits++;
		else if (!sip_tel_visual(c))
			return hdr_fail(err, -EBADMSG, p,
					is_space(c) ? "URI: embedded white space"
					: global   ? "tel: a global number holds only digits and - . ( )"
						   : "tel: invalid character in local number");
	}
	if (ndigits == 0)
		return hdr_fail(err, -EBADMSG, p,
				global ? "tel: expected digits after '+'" : "tel: expected a number");
	uri->user = slice_span(s, p);

	bool context = false;
	if (p < end) {
		const char *first = ++p;
		for (;;) {
			/* parameter = ";" pname [ "=" pvalue ], pname = 1*( alphanum / "-" ) */
			const char *name = p;
			while (p < end && (uri_class[(unsigned char)*p] & TP))
				p++;
			if (p == name)
				return hdr_fail(err, -EBADMSG, p,
						p < end ? uri_bad_byte((unsigned char)*p, "tel: invalid parameter name")
							: "tel: empty parameter name");
			struct slice n = slice_span(name, p);
			if (p < end && *p == '=') {
				const char *vs = ++p;
				p = uri_run(p, end, PA);
				if (p == vs)
					return hdr_fail(err, -EBADMSG, p, "tel: empty parameter value after '='");
				if (HDR_NAME_IS(n, "phone-context"))
					context = true;
			}
			if (p >= end)
				break;
			if (*p != ';')
				return hdr_fail(err, -EBADMSG, p,
						uri_bad_byte((unsigned char)*p, "tel: invalid character in parameter"));
			p++;
		}
		uri->params = slice_span(first, end);
	}
	if (!global && !context)
		return hdr_fail(err, -EBADMSG, s,
				"tel: a local number needs a phone-context parameter (RFC 3966 §5.1.5)");
	return 0;
}

/* ---- any URI ------------------------------------------------------------ */

/* memset(uri, 0, sizeof(*uri)) as sixteen-byte stores (the compiler
 * otherwise picks a string store instruction for this size) */
static inline void uri_clear(struct sip_uri *uri)
{
#if defined(__SSE2__) && defined(__GNUC__) && !defined(__clang__)
	char *d = (char *)uri;
	const __m128i z = _mm_setzero_si128();
	size_t i = 0;
	_Pragma("GCC unroll 16")
	for (; i + 16 <= sizeof(*uri); i += 16)
		_mm_storeu_si128((__m128i *)(void *)(d + i), z);
	memset(d + i, 0, sizeof(*uri) - i);
#else
	memset(uri, 0, sizeof(*uri));
#endif
}

/* The byte path: every URI, every error (sip_uri_decode tries uri_fast
 * first). */
static __attribute__((noinline)) int uri_decode_bytes(struct sip_uri *uri, struct slice s,
						      struct sip_parse_error *err)
{
	uri_clear(uri);
	if (!s.ptr)
		return hdr_absent(err);
	const char *p = s.ptr, *end = s.ptr + s.len;

	if (p >= end)
		return hdr_fail(err, -EBADMSG, p, "URI: empty");
	/* "sip:" and "sips:" (any case) at once: what the scheme loop and
	 * the name comparisons below conclude for them */
	if (end - p >= 5 && ((unsigned char)p[0] | 0x20) == 's' &&
	    ((unsigned char)p[1] | 0x20) == 'i' && ((unsigned char)p[2] | 0x20) == 'p') {
		if (p[3] == ':') {
			uri->scheme_name = slice_make(p, 3);
			uri->scheme = SIP_URI_SIP;
			p += 4;
			goto sip_rest;
		}
		if ((p[3] | 0x20) == 's' && p[4] == ':') {
			uri->scheme_name = slice_make(p, 4);
			uri->scheme = SIP_URI_SIPS;
			p += 5;
			goto sip_rest;
		}
	}
	/* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) */
	if (!is_alpha((unsigned char)*p))
		return hdr_fail(err, -EBADMSG, p,
				uri_bad_byte((unsigned char)*p, "URI: expected a scheme (sip:, sips:, tel: ...)"));
	const char *q = p + 1;
	while (q < end && (uri_class[(unsigned char)*q] & SC))
		q++;
	if (q >= end || *q != ':')
		return hdr_fail(err, -EBADMSG, q,
				q < end ? uri_bad_byte((unsigned char)*q, "URI: expected ':' after the scheme")
					: "URI: expected ':' after the scheme");
	uri->scheme_name = slice_span(p, q);
	p = q + 1;

	switch (uri->scheme_name.len) {
	case 3:
		if (HDR_NAME_IS(uri->scheme_name, "sip")) {
			uri->scheme = SIP_URI_SIP;
			goto sip_rest;
		}
		if (HDR_NAME_IS(uri->scheme_name, "tel")) {
			uri->scheme = SIP_URI_TEL;
			return tel_uri_rest(uri, p, end, err);
		}
		break;
	case 4:
		if (HDR_NAME_IS(uri->scheme_name, "sips")) {
			uri->scheme = SIP_URI_SIPS;
			goto sip_rest;
		}
		break;
	}

	/* absoluteURI = scheme ":" ( hier-part / opaque-part ): both are
	 * non-empty runs of uric (RFC 2396, with "[" "]" of RFC 2732) */
	uri->scheme = SIP_URI_OTHER;
	q = uri_run(p, end, UC);
	if (q == p && q >= end)
		return hdr_fail(err, -EBADMSG, q, "URI: empty after the scheme");
	if (q != end)
		return hdr_fail(err, -EBADMSG, q,
				uri_bad_byte((unsigned char)*q, "URI: invalid character"));
	uri->opaque = slice_span(p, end);
	return 0;
sip_rest:
	/* one call of sip_uri_rest, which the compiler then inlines */
	return sip_uri_rest(uri, p, end, err);
}

#if defined(__SSSE3__)
/* Case-insensitive equality of the len bytes at p (len <= 8, a constant)
 * with lower, a lower-case literal: one word compare (the bytes ORed with
 * 0x20, as hdr_name_is). */
static inline __attribute__((always_inline)) bool uri_name_is(const char *p, const char *lower,
							      size_t len)
{
	uint64_t w = 0, l = 0;
	memcpy(&w, p, len);
	for (size_t i = 0; i < len; i++)
		l |= (uint64_t)(unsigned char)lower[i] << (8 * i);
	return (w | (0x2020202020202020ull >> (64 - 8 * len))) == l;
}


/* The value of the k digits (1 to 5) at bytes 1 to k of block t (the
 * port after ':'): moved to the top of the low eight bytes with zeros
 * before them by one shuffle (indices at uri_port_idx + k + 1: byte j
 * takes byte j + k - 7, none for j + k - 7 < 1), then pairs and quads by
 * multiply-adds, the two quads in the scalar: what uri_digits_value gives
 * for them, in fewer steps. */
static const unsigned char uri_port_idx[32] = {
	0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 1, 2, 3, 4, 5, 6, 7,
	8, 9, 10, 11, 12, 13, 14, 15, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
};
static inline __attribute__((always_inline)) uint32_t uri_port_value(__m128i t, unsigned k)
{
	__m128i d = _mm_shuffle_epi8(_mm_sub_epi8(t, _mm_set1_epi8('0')),
				     _mm_loadu_si128((const __m128i *)(const void *)(uri_port_idx + k + 1)));
	d = _mm_maddubs_epi16(d, _mm_set1_epi16(1 << 8 | 10));   /* d[2i] * 10 + d[2i + 1] */
	d = _mm_madd_epi16(d, _mm_set1_epi32(1 << 16 | 100));    /* pairs by 100 and 1 */
	uint64_t q = (uint64_t)_mm_cvtsi128_si64(d);
	return (uint32_t)q * 10000 + (uint32_t)(q >> 32);
}

/* A slice written as SLICE_NULL with one sixteen-byte store. */
static inline __attribute__((always_inline)) void uri_null(struct slice *s)
{
	_mm_storeu_si128((__m128i *)(void *)s, _mm_setzero_si128());
}

/* host_type, has_port and port written with one eight-byte store (the
 * byte between has_port and port is padding): two stores fewer for each
 * URI than field by field. x86 (SSSE3): little-endian. */
_Static_assert(sizeof(enum sip_host_type) == 4 &&
		       offsetof(struct sip_uri, has_port) == offsetof(struct sip_uri, host_type) + 4 &&
		       offsetof(struct sip_uri, port) == offsetof(struct sip_uri, host_type) + 6,
	       "host_type, has_port and port share one eight-byte word");
static inline __attribute__((always_inline)) void uri_hostport_set(struct sip_uri *uri,
								   enum sip_host_type type,
								   bool has_port, uint16_t port)
{
	uint64_t w = (uint32_t)type | (uint64_t)has_port << 32 | (uint64_t)port << 48;
	memcpy(&uri->host_type, &w, 8);
}

/* A sip: or sips: URI whose rest starts after "scheme:", decoded in one
 * pass when it is of the common forms: [user "@"] host [":" port]
 * [";" params], no escape, password or headers, the parameters under 64
 * bytes; s holds sixteen bytes or more (both callers test it). true with
 * every field of *uri written once (a parameter's once
 * more when it is there); false for the byte path to decode (which clears
 * *uri first and gives the errors). Whatever this takes, the byte path
 * takes the same way (uri_test compares them).
 *
 * With gt, s runs on past the URI, which ends at the first '>' (the
 * name-addr of addr.c): every run stops at the '>' as it stops at the
 * end of the URI without gt ('>' is in none of the classes), so *uri is
 * what the call without gt on the bytes before the '>' gives; *stop is
 * the '>'. Reaching the end of s (no '>') is for the caller's slow way. */
static inline __attribute__((always_inline)) bool uri_fast_sip(struct sip_uri *uri, struct slice s,
							       enum sip_uri_scheme scheme, size_t scheme_len,
							       bool gt, const char **stop)
{
	const char *base = s.ptr, *end = s.ptr + s.len, *r = s.ptr + scheme_len + 1;
	struct uri_hrun hr;
	const char *h = r, *e;
	enum sip_host_type type;

	/* s holds sixteen bytes or more: r is in it */
	if (*r == '[') {
		uri_null(&uri->user);
		goto ipv6;
	}
	/* the first block once: a user part that '@' ends within it (an
	 * IMSI, a number, a name) is taken from its two masks, the host
	 * run after it read on; otherwise the block is where the run of
	 * host characters starts, the host, or a user part when '@' or a
	 * byte of the user class ends it */
	{
		__m128i v = uri_load(r, end);
		unsigned out = scan_notin16v(v, uri_rows_host);
		if (!gt && !out && end - r <= 48) {
			/* a URI that ends right after the host, 16 to 48 bytes of
			 * it (a REGISTER's Request-URI): the rest of the run from
			 * a middle block (over 32) and the block that ends at
			 * end (it overlaps what is read, which has the same
			 * bits), each at its place; no '@', no length from a
			 * bit scan, no moved last block */
			const __m128i dot = _mm_set1_epi8('.'), dash = _mm_set1_epi8('-');
			unsigned n = (unsigned)(end - r);
			uint64_t dots = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dot));
			uint64_t dashes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, dash));
			if (n > 32) {
				__m128i m = _mm_loadu_si128((const __m128i *)(const void *)(r + 16));
				out = scan_notin16v(m, uri_rows_host);
				dots |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(m, dot)) << 16;
				dashes |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(m, dash)) << 16;
			}
			__m128i l = _mm_loadu_si128((const __m128i *)(const void *)(end - 16));
			if (!(out | scan_notin16v(l, uri_rows_host))) {
				hr.n = n;
				hr.dots = dots | (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(l, dot)) << (n - 16);
				hr.dashes = dashes |
					    (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(l, dash)) << (n - 16);
				uri_null(&uri->user);
				e = end;
				goto host;
			}
			/* a byte outside the host class after the first block:
			 * the first block's bits again, for the way below */
			out = 0;
		}
		unsigned at = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('@')));
		if ((out & -out) & at & ~1u) {
			e = r + __builtin_ctz(at);
			uri->user = slice_span(r, e);
			h = e + 1;
			if (h < end && *h == '[')
				goto ipv6;
			if (!uri_host_run(h, end, &hr))
				return false;
			e = h + hr.n;
			goto host;
		}
		if (!uri_host_run_from(r, end, v, out, &hr))
			return false;
	}
	e = r + hr.n;
	if (gt && e >= end)
		return false;
	if (e < end && *e != ':' && *e != ';' && (!gt || *e != '>')) {
		if (*e != '@')
			e = uri_user_run(e, end);
		if (e >= end || *e != '@' || e == r)
			return false;
		uri->user = slice_span(r, e);
		h = e + 1;
		if (h < end && *h == '[')
			goto ipv6;
		if (!uri_host_run(h, end, &hr))
			return false;
		e = h + hr.n;
	} else {
		uri_null(&uri->user);
	}
host:
	type = uri_host_check(h, end, &hr);
	if (type == SIP_HOST_NONE)
		return false;
	goto hostport;
ipv6: {
		/* an IPv4 tail and the like: the byte path */
		const char *q = uri_ipv6_fast(h + 1, end);
		if (!q)
			return false;
		e = q + 1;
		type = SIP_HOST_IPV6;
	}
hostport:
	uri->scheme = scheme;
	uri->scheme_name = slice_make(base, scheme_len);
	uri->host = slice_span(h, e);
	uri_hostport_set(uri, type, false, 0);
	uri_null(&uri->password);
	uri_null(&uri->headers);
	uri_null(&uri->opaque);
	uri_null(&uri->params);
	uri_null(&uri->transport);
	uri_null(&uri->user_param);
	uri_null(&uri->maddr);
	uri_null(&uri->ttl);
	uri_null(&uri->method);
	uri->lr = false;
	if (gt) {
		if (e >= end)
			return false;
		if (*e == '>') {
			*stop = e;
			return true;
		}
	} else if (e == end) {
		return true;
	}
	/* what follows the host is mostly short (":5060;lr"): one block for
	 * the port and, when they fit in it, the parameters */
	__m128i tail = uri_load(e, end);
	unsigned skip = 0;
	if (*e == ':') {
		/* one to five digits (more: the byte path) */
		unsigned dg = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
			_mm_add_epi8(tail, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(-128 + 10))));
		unsigned k = (unsigned)__builtin_ctz(~dg >> 1);
		if (k - 1 > 4)
			return false;
		uint32_t port = uri_port_value(tail, k);
		if (port > 65535)
			return false;
		uri_hostport_set(uri, type, true, (uint16_t)port);
		skip = k + 1;
		e += skip;
		if (gt) {
			if (e >= end)
				return false;
			if (*e == '>') {
				*stop = e;
				return true;
			}
		} else if (e == end) {
			return true;
		}
	}
	if (*e != ';')
		return false;
	if (gt && end - e >= 4) {
		/* ";lr>" (Route, Path, Service-Route, Record-Route: loose
		 * routing) by one word compare: what the loop below concludes
		 * for it, lr and the parameters "lr" */
		uint32_t w;
		memcpy(&w, e, 4);
		if ((w | 0x00202000u) == (';' | 'l' << 8 | 'r' << 16 | (uint32_t)'>' << 24)) {
			uri->lr = true;
			uri->params = slice_make(e + 1, 2);
			*stop = e + 3;
			return true;
		}
	}
	/* the parameters: the bytes outside paramchar on one mask, then from
	 * delimiter to delimiter */
	const char *p = e + 1, *ns = p;
	size_t n = (size_t)(end - p);
	unsigned seen = 0;
	uint64_t out;
	if (gt) {
		/* the '>' on the same blocks; end is then the '>' */
		const __m128i k = _mm_set1_epi8('>');
		unsigned g = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(tail, k)) >> (skip + 1);
		if (g) {
			n = (unsigned)__builtin_ctz(g);
			out = 1ull << n | scan_notin16v(tail, uri_rows_param) >> (skip + 1);
		} else {
			out = 0;
			for (unsigned off = 0;; off += 16) {
				if (off == 64 || p + off >= end)
					return false;
				__m128i v = uri_load(p + off, end);
				out |= (uint64_t)scan_notin16v(v, uri_rows_param) << off;
				g = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, k));
				if (g) {
					n = off + (unsigned)__builtin_ctz(g);
					break;
				}
			}
			if (n >= 64)
				return false;
			out |= 1ull << n;
		}
		end = p + n;
		*stop = end;
	} else if (skip + 1 + n <= 16) {
		out = 1ull << n | scan_notin16v(tail, uri_rows_param) >> (skip + 1);
	} else {
		if (n >= 64)
			return false;
		out = 1ull << n;
		for (unsigned off = 0; off < n; off += 16)
			out |= (uint64_t)scan_notin16v(uri_load(p + off, end), uri_rows_param) << off;
	}
	for (;;) {
		const char *d = p + __builtin_ctzll(out);
		out &= out - 1;
		if (d == ns)
			return false;
		const char *name = ns;
		size_t len = (size_t)(d - ns);
		struct slice v = SLICE_NULL;
		if (d < end && *d == '=') {
			const char *ve = p + __builtin_ctzll(out);
			out &= out - 1;
			if (ve == d + 1)
				return false;
			v = slice_span(d + 1, ve);
			d = ve;
		}
		/* the well-known ones, as written (RFC 3261 §19.1.1); one given
		 * twice is the byte path's error */
		unsigned bit = 0;
		switch (len) {
		case 2:
			if (uri_name_is(name, "lr", 2)) {
				uri->lr = true;
				bit = URI_SEEN_LR;
			}
			break;
		case 3:
			if (uri_name_is(name, "ttl", 3)) {
				uri->ttl = v;
				bit = URI_SEEN_TTL;
			}
			break;
		case 4:
			if (uri_name_is(name, "user", 4)) {
				uri->user_param = v;
				bit = URI_SEEN_USER;
			}
			break;
		case 5:
			if (uri_name_is(name, "maddr", 5)) {
				uri->maddr = v;
				bit = URI_SEEN_MADDR;
			}
			break;
		case 6:
			if (uri_name_is(name, "method", 6)) {
				uri->method = v;
				bit = URI_SEEN_METHOD;
			}
			break;
		case 9:
			if (uri_name_is(name, "transpor", 8) && (name[8] | 0x20) == 't') {
				uri->transport = v;
				bit = URI_SEEN_TRANSPORT;
			}
			break;
		}
		if (seen & bit)
			return false;
		seen |= bit;
		if (d == end)
			break;
		if (*d != ';')
			return false;
		ns = d + 1;
	}
	uri->params = slice_span(p, end);
	return true;
}

/* A global tel: number without parameters ("tel:+15551234567", as in
 * P-Associated-URI), sixteen bytes a step: true when decoded; anything
 * else (parameters, a local number) is for the byte path. With gt, as in
 * uri_fast_sip: the number ends at the first '>' (*stop), which is no
 * digit or separator, as it ends at the end of s without. */
static inline __attribute__((always_inline)) bool uri_fast_tel(struct sip_uri *uri, struct slice s,
							       bool gt, const char **stop)
{
	const char *base = s.ptr, *end = s.ptr + s.len, *p = s.ptr + 4, *q = p + 1;
	if (*p != '+')
		return false;
	/* global-number-digits: DIGIT / visual-separator "-" "." "(" ")" */
	unsigned digits = 0;
	for (;;) {
		__m128i v = uri_load(q, end);
		unsigned dg = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
			_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(-128 + 10))));
		/* '-' '.' as 0x2d-0x2e, '(' ')' as 0x28-0x29 */
		__m128i vis = _mm_or_si128(
			_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '-'))), _mm_set1_epi8((char)(-128 + 2))),
			_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '('))), _mm_set1_epi8((char)(-128 + 2))));
		unsigned out = ~(dg | (unsigned)_mm_movemask_epi8(vis)) & 0xffff;
		if (out) {
			unsigned k = (unsigned)__builtin_ctz(out);
			digits |= dg & ((1u << k) - 1);
			q += k;
			break;
		}
		digits |= dg;
		q += 16;
	}
	if (gt) {
		/* the name-addr's "<tel:+...>": the run ends at its '>' */
		if (q == end || *q != '>' || !digits)
			return false;
		*stop = end = q;
	} else if (q != end || !digits) {
		return false;
	}
	uri->scheme = SIP_URI_TEL;
	uri->scheme_name = slice_make(base, 3);
	uri->user = slice_span(p, end);
	uri_null(&uri->password);
	uri_null(&uri->host);
	uri->host_type = SIP_HOST_NONE;
	uri->has_port = false;
	uri->port = 0;
	uri_null(&uri->params);
	uri_null(&uri->headers);
	uri_null(&uri->opaque);
	uri_null(&uri->transport);
	uri_null(&uri->user_param);
	uri_null(&uri->maddr);
	uri_null(&uri->ttl);
	uri_null(&uri->method);
	uri->lr = false;
	return true;
}

/* The common sip: / sips: URI by uri_fast_sip, a global tel: number by
 * uri_fast_tel: true when decoded. */
static inline __attribute__((always_inline)) bool uri_fast(struct sip_uri *uri, struct slice s)
{
	uint32_t w;
	memcpy(&w, s.ptr, 4);
	/* "sip:", "sips" and "tel:" in either case: the letters ORed with 0x20 */
	if ((w | 0x00202020u) == ('s' | 'i' << 8 | 'p' << 16 | (uint32_t)':' << 24))
		return uri_fast_sip(uri, s, SIP_URI_SIP, 3, false, NULL);
	if ((w | 0x20202020u) == ('s' | 'i' << 8 | 'p' << 16 | (uint32_t)'s' << 24) && s.ptr[4] == ':')
		return uri_fast_sip(uri, s, SIP_URI_SIPS, 4, false, NULL);
	if ((w | 0x00202020u) == ('t' | 'e' << 8 | 'l' << 16 | (uint32_t)':' << 24))
		return uri_fast_tel(uri, s, false, NULL);
	return false;
}
#endif

int sip_uri_decode(struct sip_uri *uri, struct slice s, struct sip_parse_error *err)
{
#if defined(__SSSE3__)
	if (s.ptr && s.len >= 16 && uri_fast(uri, s))
		return 0;
#endif
	return uri_decode_bytes(uri, s, err);
}

/* The sip:, sips: or global tel: URI at p closed by the first '>' before
 * end, by uri_fast_sip or uri_fast_tel with gt (uri_internal.h). */
const char *sip_uri_decode_gt(struct sip_uri *uri, const char *p, const char *end)
{
#if defined(__SSSE3__)
	if (end - p >= 16) {
		struct slice s = slice_span(p, end);
		const char *stop;
		uint32_t w;
		memcpy(&w, p, 4);
		if ((w | 0x00202020u) == ('s' | 'i' << 8 | 'p' << 16 | (uint32_t)':' << 24))
			return uri_fast_sip(uri, s, SIP_URI_SIP, 3, true, &stop) ? stop : NULL;
		if ((w | 0x20202020u) == ('s' | 'i' << 8 | 'p' << 16 | (uint32_t)'s' << 24) && p[4] == ':')
			return uri_fast_sip(uri, s, SIP_URI_SIPS, 4, true, &stop) ? stop : NULL;
		if ((w | 0x00202020u) == ('t' | 'e' << 8 | 'l' << 16 | (uint32_t)':' << 24))
			return uri_fast_tel(uri, s, true, &stop) ? stop : NULL;
	}
#else
	(void)uri, (void)p, (void)end;
#endif
	return NULL;
}

/* uri_test's handle on the byte path alone, to hold the fast path to it
 * (uri_internal.h). */
int sip_uri_decode_bytes(struct sip_uri *uri, struct slice s, struct sip_parse_error *err)
{
	return uri_decode_bytes(uri, s, err);
}
