/* scan.c: bounded cursor scanning, RFC 3261 §25.1 basic rules. */
#include <errno.h>
#include <string.h>
#include <imsreg/scan.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define T SCAN_TOKEN
#define W SCAN_WORD
#define U SCAN_UNRESERVED
#define D (SCAN_DIGIT | SCAN_HEX | T | W | U)
#define H (SCAN_HEX | SCAN_ALPHA | T | W | U)
#define A (SCAN_ALPHA | T | W | U)

/* token = alphanum / "-" "." "!" "%" "*" "_" "+" "`" "'" "~"
 * word  = token chars / "(" ")" "<" ">" ":" "\" DQUOTE "/" "[" "]" "?" "{" "}"
 * unreserved = alphanum / "-" "_" "." "!" "~" "*" "'" "(" ")" */
const unsigned char scan_class[256] = {
	['\t'] = SCAN_WS, [' '] = SCAN_WS, ['\r'] = SCAN_CRLF, ['\n'] = SCAN_CRLF,
	['!'] = T | W | U, ['"'] = W, ['%'] = T | W, ['\''] = T | W | U,
	['('] = W | U, [')'] = W | U, ['*'] = T | W | U, ['+'] = T | W,
	['-'] = T | W | U, ['.'] = T | W | U, ['/'] = W, [':'] = W,
	['<'] = W, ['>'] = W, ['?'] = W, ['['] = W, ['\\'] = W, [']'] = W,
	['_'] = T | W | U, ['`'] = T | W, ['{'] = W, ['}'] = W, ['~'] = T | W | U,
	['0'] = D, ['1'] = D, ['2'] = D, ['3'] = D, ['4'] = D,
	['5'] = D, ['6'] = D, ['7'] = D, ['8'] = D, ['9'] = D,
	['A'] = H, ['B'] = H, ['C'] = H, ['D'] = H, ['E'] = H, ['F'] = H,
	['a'] = H, ['b'] = H, ['c'] = H, ['d'] = H, ['e'] = H, ['f'] = H,
	['G'] = A, ['H'] = A, ['I'] = A, ['J'] = A, ['K'] = A, ['L'] = A, ['M'] = A,
	['N'] = A, ['O'] = A, ['P'] = A, ['Q'] = A, ['R'] = A, ['S'] = A, ['T'] = A,
	['U'] = A, ['V'] = A, ['W'] = A, ['X'] = A, ['Y'] = A, ['Z'] = A,
	['g'] = A, ['h'] = A, ['i'] = A, ['j'] = A, ['k'] = A, ['l'] = A, ['m'] = A,
	['n'] = A, ['o'] = A, ['p'] = A, ['q'] = A, ['r'] = A, ['s'] = A, ['t'] = A,
	['u'] = A, ['v'] = A, ['w'] = A, ['x'] = A, ['y'] = A, ['z'] = A,
};

bool scan_lws_run(struct scan *sc)
{
	const char *start = sc->p;
	for (;;) {
		while (sc->p < sc->end && (*sc->p == ' ' || *sc->p == '\t'))
			sc->p++;
		/* A line break counts only when folding follows it. */
		const char *q = sc->p;
		if (q < sc->end && *q == '\r')
			q++;
		if (q < sc->end && *q == '\n' && q + 1 < sc->end && (q[1] == ' ' || q[1] == '\t')) {
			sc->p = q + 1;
			continue;
		}
		break;
	}
	return sc->p != start;
}

int scan_expect(struct scan *sc, char c, bool lws)
{
	const char *save = sc->p;
	if (lws)
		scan_lws(sc);
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return 0;
	}
	if (lws && sc->p >= sc->end)
		sc->p = save;
	return -EBADMSG;
}

/* The first of '"', '\\', CR, LF in [p, end), or end: sixteen bytes at a
 * time with SSE2, eight with a word-wide zero-byte test otherwise. */
static inline const char *quoted_stop(const char *p, const char *end)
{
#if defined(__SSE2__)
	const __m128i dq = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
	const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dq), _mm_cmpeq_epi8(v, bs)),
					 _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return p + __builtin_ctz(bits);
		p += 16;
	}
#endif
	while (p < end && *p != '"' && *p != '\\' && *p != '\r' && *p != '\n')
		p++;
	return p;
}

/* The lowest byte of v (little-endian) equal to a byte of the broadcast
 * words, as a bit index times 8 plus 7, or 0 if none: the zero-byte test,
 * whose lowest flagged byte is always a true match. */
static inline uint64_t find3_word(uint64_t v, uint64_t a, uint64_t b, uint64_t c)
{
	const uint64_t lo = 0x0101010101010101ull, hi = 0x8080808080808080ull;
	uint64_t x = v ^ a, y = v ^ b, z = v ^ c;
	return ((x - lo) & ~x & hi) | ((y - lo) & ~y & hi) | ((z - lo) & ~z & hi);
}

static inline bool is_ctl_byte(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
}

const char *scan_find_ctl(const char *p, const char *end)
{
#if defined(__SSE2__)
	if (end - p >= 16) {
		const __m128i bias = _mm_set1_epi8((char)0x80), lim = _mm_set1_epi8((char)(0x20 ^ 0x80));
		const __m128i ht = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
		const __m128i del = _mm_set1_epi8(0x7f);
		for (;;) {
			/* the last block overlaps the one before, as in scan_find3 */
			const char *q = end - p >= 16 ? p : end - 16;
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
			/* unsigned v < 0x20 as a signed compare of v ^ 0x80 */
			__m128i low = _mm_cmplt_epi8(_mm_xor_si128(v, bias), lim);
			__m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, ht), _mm_cmpeq_epi8(v, cr)),
						  _mm_cmpeq_epi8(v, lf));
			__m128i m = _mm_or_si128(_mm_andnot_si128(ws, low), _mm_cmpeq_epi8(v, del));
			unsigned bits = (unsigned)_mm_movemask_epi8(m) >> (p - q);
			if (bits)
				return p + __builtin_ctz(bits);
			p = q + 16;
			if (p >= end)
				return end;
		}
	}
#endif
	while (p < end && !is_ctl_byte((unsigned char)*p))
		p++;
	return p;
}

const char *scan_find_non_utf8(const char *p, const char *end)
{
	while (p < end) {
#if defined(__SSE2__)
		/* ASCII, the whole of nearly every header, a block at a time */
		while (end - p >= 16 &&
		       !_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)p)))
			p += 16;
#endif
		while (p < end && (unsigned char)*p < 0x80)
			p++;
		if (p == end)
			break;
		size_t k = utf8_seq_len((const unsigned char *)p, (size_t)(end - p));
		if (!k)
			return p;
		p += k;
	}
	return end;
}

const char *scan_find3(const char *p, const char *end, char a, char b, char c)
{
	const char *const p0 = p;
#if defined(__SSE2__)
	if (end - p >= 16) {
		const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
		for (;;) {
			/* the last block overlaps the one before: bytes before p
			 * were already found clear */
			const char *q = end - p >= 16 ? p : end - 16;
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
			__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
						 _mm_cmpeq_epi8(v, vc));
			unsigned bits = (unsigned)_mm_movemask_epi8(m) >> (p - q);
			if (bits)
				return p + __builtin_ctz(bits);
			p = q + 16;
			if (p >= end)
				return end;
		}
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (end - p0 >= 8) {
		const uint64_t lo = 0x0101010101010101ull;
		const uint64_t wa = lo * (unsigned char)a, wb = lo * (unsigned char)b, wc = lo * (unsigned char)c;
		for (;;) {
			const char *q = end - p >= 8 ? p : end - 8;
			uint64_t v;
			memcpy(&v, q, 8);
			uint64_t z = find3_word(v, wa, wb, wc) >> ((p - q) * 8);
			if (z)
				return p + (__builtin_ctzll(z) >> 3);
			p = q + 8;
			if (p >= end)
				return end;
		}
	}
#endif
	while (p < end && *p != a && *p != b && *p != c)
		p++;
	return p;
}

int scan_quoted(struct scan *sc, struct slice *out)
{
	if (sc->p >= sc->end || *sc->p != '"')
		return -EBADMSG;
	const char *open = sc->p++;
	const char *s = sc->p;
	while (sc->p < sc->end) {
		sc->p = quoted_stop(sc->p, sc->end);
		if (sc->p >= sc->end)
			break;
		char c = *sc->p;
		if (c == '"') {
			if (out)
				*out = slice_span(s, sc->p);
			sc->p++;
			return 0;
		}
		if (c == '\\') {
			/* quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F) */
			if (sc->p + 1 >= sc->end || sc->p[1] == '\r' || sc->p[1] == '\n')
				return -EBADMSG;
			sc->p += 2;
			continue;
		}
		/* CR or LF: only folding may break a quoted string */
		const char *q = sc->p;
		if (*q == '\r')
			q++;
		if (q < sc->end && *q == '\n' && q + 1 < sc->end && (q[1] == ' ' || q[1] == '\t')) {
			sc->p = q + 1;
			continue;
		}
		return -EBADMSG;
	}
	sc->p = open;
	return -EBADMSG;
}

int scan_u64(struct scan *sc, uint64_t *out)
{
	const char *s = sc->p;
	uint64_t v = 0;
	while (sc->p < sc->end && (unsigned)(*sc->p - '0') <= 9) {
		unsigned d = (unsigned)(*sc->p - '0');
		if (v > (UINT64_MAX - d) / 10) {
			sc->p = s;
			return -ERANGE;
		}
		v = v * 10 + d;
		sc->p++;
	}
	if (sc->p == s)
		return -EBADMSG;
	*out = v;
	return 0;
}

int scan_u32(struct scan *sc, uint32_t *out)
{
	const char *s = sc->p;
	uint64_t v;
	int rc = scan_u64(sc, &v);
	if (rc < 0)
		return rc;
	if (v > UINT32_MAX) {
		sc->p = s;
		return -ERANGE;
	}
	*out = (uint32_t)v;
	return 0;
}
