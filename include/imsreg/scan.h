/* scan.h: a bounded cursor over bytes, with the character classes of RFC 3261 §25. */
#ifndef IMSREG_SCAN_H
#define IMSREG_SCAN_H

#include <errno.h>
#include <string.h>
#include <imsreg/slice.h>
#if defined(__SSSE3__)
#include <tmmintrin.h>
#endif

/* The cursor: p moves towards end and never past it. On failure a scan_*
 * function returns a negative errno and leaves p on the offending byte. */
struct scan {
	const char *p;
	const char *end;
};

/* Character classes (bit set per byte). */
enum {
	SCAN_TOKEN = 1 << 0,      /* RFC 3261 token: alphanum -.!%*_+`'~ */
	SCAN_WS = 1 << 1,         /* SP HTAB */
	SCAN_DIGIT = 1 << 2,
	SCAN_HEX = 1 << 3,
	SCAN_ALPHA = 1 << 4,
	SCAN_UNRESERVED = 1 << 5, /* alphanum mark: -_.!~*'() */
	SCAN_WORD = 1 << 6,       /* RFC 3261 word (Call-ID): token + ()<>:\"/[]?{} */
	SCAN_CRLF = 1 << 7,
};
extern const unsigned char scan_class[256];

static inline bool scan_is(unsigned char c, unsigned cls)
{
	return (scan_class[c] & cls) != 0;
}

static inline void scan_init(struct scan *sc, struct slice s)
{
	sc->p = s.ptr;
	sc->end = s.ptr + s.len;
}

static inline bool scan_eof(const struct scan *sc)
{
	return sc->p >= sc->end;
}

/* The next byte, or -1 at the end. */
static inline int scan_peek(const struct scan *sc)
{
	return sc->p < sc->end ? (unsigned char)*sc->p : -1;
}

/* The rest of the input as a slice. */
static inline struct slice scan_rest(const struct scan *sc)
{
	return slice_span(sc->p, sc->end);
}

/* scan_lws() past the first byte test: the careful loop over SP, HTAB and
 * folds (for the inline scan_lws below; call scan_lws). */
bool scan_lws_run(struct scan *sc);

/* Skips linear white space: SP, HTAB and folded line breaks (CRLF or LF
 * followed by SP/HTAB). Returns true if it skipped anything. Inline: the
 * common case (no white space next) is one test. */
static inline bool scan_lws(struct scan *sc)
{
	if (sc->p < sc->end && (scan_class[(unsigned char)*sc->p] & (SCAN_WS | SCAN_CRLF)))
		return scan_lws_run(sc);
	return false;
}

/* Consumes c (after optional LWS when lws is true): 0 or -EBADMSG. */
int scan_expect(struct scan *sc, char c, bool lws);

/* Consumes c if it is next: true when consumed. */
static inline bool scan_accept(struct scan *sc, char c)
{
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

/* A byte class as a 128-bit bitmap, sixteen bytes: byte lo has bit hi set
 * when the byte hi * 16 + lo is in the class (nothing from 0x80 up is).
 * RFC 3261 token (scan_class SCAN_TOKEN): */
static const unsigned char scan_rows_token[16] __attribute__((aligned(16))) = {
	0xe8, 0xfc, 0xf8, 0xf8, 0xf8, 0xfc, 0xf8, 0xfc,
	0xf8, 0xf8, 0xf4, 0x54, 0x50, 0x54, 0xd4, 0x70,
};

#if defined(__SSSE3__)

/* 0xff in byte i where byte i of v is not in the class of rows: one
 * shuffle picks the row by the low nibble, another the bit by the high
 * nibble (no bit for 0x80 and up). */
static inline __attribute__((always_inline)) __m128i scan_notin16_bytes(__m128i v,
									 const unsigned char rows[16])
{
	static const unsigned char bits[16] __attribute__((aligned(16))) = {
		0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80,
	};
	const __m128i nib = _mm_set1_epi8(0x0f);
	__m128i lo = _mm_and_si128(v, nib), hi = _mm_and_si128(_mm_srli_epi16(v, 4), nib);
	__m128i in = _mm_and_si128(_mm_shuffle_epi8(_mm_load_si128((const __m128i *)(const void *)rows), lo),
				   _mm_shuffle_epi8(_mm_load_si128((const __m128i *)(const void *)bits), hi));
	return _mm_cmpeq_epi8(in, _mm_setzero_si128());
}

/* Bit i set where byte i of v is not in the class of rows. */
static inline __attribute__((always_inline)) unsigned scan_notin16v(__m128i v,
								   const unsigned char rows[16])
{
	return (unsigned)_mm_movemask_epi8(scan_notin16_bytes(v, rows));
}

/* Bit i set where byte i of the sixteen at p is not in the class of rows. */
static inline __attribute__((always_inline)) unsigned scan_notin16(const char *p,
								  const unsigned char rows[16])
{
	return scan_notin16v(_mm_loadu_si128((const __m128i *)(const void *)p), rows);
}

/* Bit i set where byte i of v is not a token byte. */
static inline unsigned scan_nontoken16v(__m128i v)
{
	return scan_notin16v(v, scan_rows_token);
}

/* Bit i set where byte i of the sixteen at p is not a token byte. */
static inline unsigned scan_nontoken16(const char *p)
{
	return scan_notin16(p, scan_rows_token);
}
#endif

/* The first byte from p that is not of class cls, or end (unrolled: this
 * is the inner loop of every decoder; token runs sixteen bytes at a time
 * where SSSE3 is there). */
static inline const char *scan_class_span(const char *p, const char *end, unsigned cls)
{
#if defined(__SSSE3__)
	if (__builtin_constant_p(cls) && cls == SCAN_TOKEN) {
		while (end - p >= 16) {
			unsigned m = scan_nontoken16(p);
			if (m)
				return p + __builtin_ctz(m);
			p += 16;
		}
	}
#endif
	while (end - p >= 4) {
		if (!(scan_class[(unsigned char)p[0]] & cls))
			return p;
		if (!(scan_class[(unsigned char)p[1]] & cls))
			return p + 1;
		if (!(scan_class[(unsigned char)p[2]] & cls))
			return p + 2;
		if (!(scan_class[(unsigned char)p[3]] & cls))
			return p + 3;
		p += 4;
	}
	while (p < end && (scan_class[(unsigned char)*p] & cls))
		p++;
	return p;
}

/* One or more bytes of class cls: 0, or -EBADMSG when there is none. */
static inline int scan_class_run(struct scan *sc, unsigned cls, struct slice *out)
{
	const char *q = scan_class_span(sc->p, sc->end, cls);
	if (q == sc->p)
		return -EBADMSG;
	if (out)
		*out = slice_span(sc->p, q);
	sc->p = q;
	return 0;
}

/* An RFC 3261 token: 0 or -EBADMSG. */
static inline int scan_token(struct scan *sc, struct slice *out)
{
	return scan_class_run(sc, SCAN_TOKEN, out);
}
/* The ASCII letter c in lower case; any other byte as it is. */
static inline unsigned char scan_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* The value of the hex digit c (either case), or -1. */
static inline int scan_hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = scan_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Case-insensitive equality of p[0..len) with lower, a lower-case literal
 * of the same length (the name lookups switch on length and first byte,
 * then call this once). Only ASCII letters fold, as in slice_caseeq. With
 * lower a literal of at most 8 bytes, the compiler folds it into one word
 * compare: each byte ORed with 0x20 where the literal has a letter (and 0
 * elsewhere) equals the literal only for that letter in either case. */
static inline bool scan_name_eq(const char *p, const char *lower, size_t len)
{
	if (len <= 8) {
		unsigned char mask[8] = { 0 };
		uint64_t w = 0, l = 0, m = 0;
		for (size_t i = 0; i < len; i++)
			mask[i] = lower[i] >= 'a' && lower[i] <= 'z' ? 0x20 : 0;
		memcpy(&w, p, len);
		memcpy(&l, lower, len);
		memcpy(&m, mask, len);
		return (w | m) == l;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i], l = (unsigned char)lower[i];
		if (c != l && ((c | 0x20) != l || l < 'a' || l > 'z'))
			return false;
	}
	return true;
}

/* The first byte in [p, end) equal to a, b or c, or end (sixteen bytes at
 * a time where SSE2 is there): the skip of the list and field scanners. */
const char *scan_find3(const char *p, const char *end, char a, char b, char c);

/* The first byte in [p, end) that is a control other than HTAB, CR and LF
 * (%x00-08 / %x0B-0C / %x0E-1F / %x7F), or end (sixteen bytes at a time
 * where SSE2 is there): what TEXT-UTF8char and LWS (RFC 3261 §25.1) leave
 * out of a header value. */
const char *scan_find_ctl(const char *p, const char *end);

/* The length of the UTF-8 sequence (RFC 3629: no overlong form, no
 * surrogate, nothing above U+10FFFF) that starts at p, of the n bytes
 * there (n >= 1): 1 for ASCII, 2 to 4, or 0 when none starts there (a
 * byte that starts none, a sequence cut short or ill-formed). */
static inline size_t utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	size_t len;
	uint32_t cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	/* overlong forms, surrogates, beyond U+10FFFF */
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* Whether the k-byte UTF-8 sequence at p (k from utf8_seq_len) is a
 * character that changes the order or the lines of the text around it
 * without showing itself (Unicode UAX #9; CVE-2021-42574, "Trojan
 * Source"): ALM U+061C, LRM and RLM U+200E-U+200F, the line and paragraph
 * separators U+2028-U+2029, the embeddings and overrides U+202A-U+202E,
 * the isolates U+2066-U+2069. A display name with U+202E shows reversed. */
static inline bool utf8_is_layout_control(const unsigned char *p, size_t k)
{
	if (k == 2)
		return p[0] == 0xd8 && p[1] == 0x9c;
	if (k != 3 || p[0] != 0xe2)
		return false;
	if (p[1] == 0x80)
		return p[2] == 0x8e || p[2] == 0x8f || (p[2] >= 0xa8 && p[2] <= 0xae);
	return p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9;
}

/* The length of the character at p (of the n >= 1 bytes there) that a
 * terminal shows as text: a UTF-8 sequence that is not a control (C0,
 * DEL, C1: U+0080-U+009F, which some terminals act on) and not a layout
 * control (utf8_is_layout_control), or 0. */
static inline size_t utf8_text_len(const unsigned char *p, size_t n)
{
	if (p[0] < 0x20 || p[0] == 0x7f)
		return 0;
	size_t k = utf8_seq_len(p, n);
	if (k == 2 && p[0] == 0xc2 && p[1] < 0xa0)
		return 0;
	return k >= 2 && utf8_is_layout_control(p, k) ? 0 : k;
}

/* The code point of the k-byte UTF-8 sequence at p (k from utf8_seq_len,
 * 1 to 4). */
static inline uint32_t utf8_decode(const unsigned char *p, size_t k)
{
	static const unsigned char lead_mask[5] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	uint32_t cp = p[0] & lead_mask[k];
	for (size_t i = 1; i < k; i++)
		cp = (cp << 6) | (p[i] & 0x3f);
	return cp;
}

/* Code point cp (below 0x110000) as UTF-8 in v: its length, 1 to 4. */
static inline size_t utf8_encode(char v[4], uint32_t cp)
{
	if (cp < 0x80) {
		v[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		v[0] = (char)(0xc0 | (cp >> 6));
		v[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		v[0] = (char)(0xe0 | (cp >> 12));
		v[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		v[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	v[0] = (char)(0xf0 | (cp >> 18));
	v[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	v[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	v[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The first byte in [p, end) where no UTF-8 sequence starts (ASCII is
 * passed over sixteen bytes at a time where SSE2 is there), or end. */
const char *scan_find_non_utf8(const char *p, const char *end);

/* A quoted-string starting at '"': *out is the content between the quotes,
 * escapes left as written. 0, or -EBADMSG (not a quote, unterminated,
 * escaped CR/LF). */
int scan_quoted(struct scan *sc, struct slice *out);
/* Decimal digits: 0, -EBADMSG (no digit), -ERANGE (overflow, cursor on the
 * first digit). */
int scan_u32(struct scan *sc, uint32_t *out);
int scan_u64(struct scan *sc, uint64_t *out);

#endif
