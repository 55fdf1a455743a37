/* scalar.c: one-value headers: CSeq (RFC 3261 §20.16), numbers, Call-ID (§20.8), option tags, Warning (§20.43), Date (§20.17), User-Agent/Server (§20.41, §20.35), token+params. */
#include <errno.h>
#include <string.h>
#include <imsreg/sip.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "decode_internal.h"
#include "hdr_scan.h"

/* scan_u32 with the common case (up to ten digits) in one loop without a
 * per-digit overflow test: the same result, cursor and verdict. */
static int cseq_u32(struct scan *sc, uint32_t *out)
{
	const char *s = sc->p, *p = s, *end = sc->end, *lim = end - s > 10 ? s + 10 : end;
	uint64_t v = 0;
	unsigned d;
	while (p < lim && (d = (unsigned)((unsigned char)*p - '0')) <= 9) {
		v = v * 10 + d;
		p++;
	}
	if (p < end && (unsigned)((unsigned char)*p - '0') <= 9)
		return scan_u32(sc, out); /* eleven digits or more */
	if (p == s)
		return -EBADMSG;
	if (v > UINT32_MAX)
		return -ERANGE;
	sc->p = p;
	*out = (uint32_t)v;
	return 0;
}

/* "REGISTER" as a little-endian word. */
#define CSEQ_REGISTER 0x5245545349474552ull

/* CSeq by the general steps: any LWS, any number of digits (the verdict,
 * err->at and reason of record). Out of line, so that the common case in
 * sip_cseq_decode needs no stack frame. */
static __attribute__((noinline)) int cseq_decode_slow(struct sip_cseq *cseq, struct slice value,
							struct sip_parse_error *err)
{
	struct scan sc;
	int rc;

	memset(cseq, 0, sizeof(*cseq));
	if (!value.ptr)
		return hdr_absent(err);
	scan_init(&sc, value);
	hdr_lws(&sc);
	/* CSeq = 1*DIGIT LWS Method */
	rc = cseq_u32(&sc, &cseq->seq);
	if (rc == -ERANGE)
		return hdr_fail(err, -ERANGE, sc.p, "CSeq: sequence number larger than 2^32-1");
	if (rc < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "CSeq: expected a sequence number");
	if (!hdr_lws(&sc))
		return hdr_fail(err, -EBADMSG, sc.p,
				scan_eof(&sc) ? "CSeq: expected a method after the number"
					      : "CSeq: expected white space after the number");
	if (hdr_token(&sc, &cseq->method) < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "CSeq: expected a method after the number");
	hdr_lws(&sc);
	if (!scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p, "CSeq: unexpected text after the method");
	cseq->method_id = sip_method_lookup(cseq->method);
	return 0;
}

int sip_cseq_decode(struct sip_cseq *cseq, struct slice value, struct sip_parse_error *err)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (value.ptr && value.len == 10 && value.ptr[1] == ' ') {
		/* "N REGISTER", the CSeq of nearly every registration */
		unsigned d = (unsigned)((unsigned char)value.ptr[0] - '0');
		uint64_t w;
		memcpy(&w, value.ptr + 2, 8);
		if (d <= 9 && w == CSEQ_REGISTER) {
			cseq->seq = d;
			cseq->method = slice_make(value.ptr + 2, 8);
			cseq->method_id = SIP_METHOD_REGISTER;
			return 0;
		}
	}
#endif
	if (value.ptr) {
		/* the common "1 REGISTER": one to nine digits (no overflow),
		 * one SP, a token to the end; anything else the steps below */
		const char *p = value.ptr, *end = p + value.len, *q = p;
		uint32_t n = 0;
		unsigned d;
		if (end - p >= 2 && p[1] == ' ' && (d = (unsigned)((unsigned char)*p - '0')) <= 9) {
			n = d; /* one digit, the usual case */
			q = p + 1;
		} else {
			while (q < end && q - p < 9 && (d = (unsigned)((unsigned char)*q - '0')) <= 9) {
				n = n * 10 + d;
				q++;
			}
		}
		if (q != p && end - q >= 2 && *q == ' ') {
			const char *m = q + 1;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			uint64_t w;
			if (end - m == 8 && (memcpy(&w, m, 8), w == CSEQ_REGISTER)) {
				cseq->seq = n;
				cseq->method = slice_make(m, 8);
				cseq->method_id = SIP_METHOD_REGISTER;
				return 0;
			}
#endif
			if (hdr_token_end(m, p, end) == end) {
				cseq->seq = n;
				cseq->method = slice_span(m, end);
				cseq->method_id = sip_method_lookup(cseq->method);
				return 0;
			}
		}
	}
	return cseq_decode_slow(cseq, value, err);
}

int sip_u32_decode(uint32_t *out, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;
	if (!value.ptr)
		return hdr_absent(err);
	/* the common case: one to nine digits and nothing else */
	if (value.len - 1 < 9 && hdr_u32(value, out) == 0)
		return 0;
	scan_init(&sc, value);
	hdr_lws(&sc);
	int rc = scan_u32(&sc, out);
	if (rc == -ERANGE)
		return hdr_fail(err, -ERANGE, sc.p, "number larger than 2^32-1");
	if (rc < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "expected a decimal number");
	hdr_lws(&sc);
	if (!scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p, "expected only digits");
	return 0;
}

int sip_mime_version_decode(uint32_t *major, uint32_t *minor, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;
	if (!value.ptr)
		return hdr_absent(err);
	scan_init(&sc, value);
	hdr_lws(&sc);
	for (int part = 0; part < 2; part++) {
		int rc = scan_u32(&sc, part ? minor : major);
		if (rc == -ERANGE)
			return hdr_fail(err, -ERANGE, sc.p, "MIME-Version number larger than 2^32-1");
		if (rc < 0)
			return hdr_fail(err, -EBADMSG, sc.p, part ? "expected the minor version's digits after '.'"
							    : "expected a MIME version: digits, '.', digits (1.0)");
		if (!part && !scan_accept(&sc, '.'))
			return hdr_fail(err, -EBADMSG, sc.p, "expected '.' between the MIME version's numbers");
	}
	hdr_lws(&sc);
	if (!scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p, "expected only the MIME version (1.0)");
	return 0;
}

/* The careful steps of Call-ID: every form, the verdict, err->at and
 * reason of record (sip_call_id_decode takes the common form first). */
int sip_call_id__careful(struct sip_call_id *cid, struct slice value, struct sip_parse_error *err);
__attribute__((noinline)) int sip_call_id__careful(struct sip_call_id *cid, struct slice value,
						   struct sip_parse_error *err)
{
	struct scan sc;
	cid->local = cid->host = SLICE_NULL;
	if (!value.ptr)
		return hdr_absent(err);
	scan_init(&sc, value);
	hdr_lws(&sc);
	/* callid = word [ "@" word ] */
	const char *q = hdr_class_end(sc.p, value.ptr, sc.end, hdr_rows_word);
	if (q == sc.p)
		return hdr_fail(err, -EBADMSG, sc.p, "Call-ID: expected a word");
	cid->local = slice_span(sc.p, q);
	sc.p = q;
	if (hdr_accept(&sc, '@')) {
		q = hdr_class_end(sc.p, value.ptr, sc.end, hdr_rows_word);
		if (q == sc.p)
			return hdr_fail(err, -EBADMSG, sc.p, "Call-ID: expected a word after '@'");
		cid->host = slice_span(sc.p, q);
		sc.p = q;
	}
	hdr_lws(&sc);
	if (!scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p,
				*sc.p == '@' ? "Call-ID: more than one '@'"
					     : "Call-ID: invalid character");
	return 0;
}

/* word [ "@" word ] with nothing around it, sixteen bytes a step: the bytes
 * that are not word bytes must be at most one '@', neither first nor last.
 * Values of sixteen bytes or more (the last step the last sixteen bytes,
 * shifted, so nothing outside the value is read); false (nothing written)
 * for every other value, which the careful steps then read: where this
 * accepts they accept with the same fields. */
static inline bool call_id_fast(struct sip_call_id *cid, const char *p, size_t len)
{
#if defined(__SSSE3__)
	if (len < 16)
		return false;
	const char *end = p + len, *b = p, *at = NULL;
	for (;;) {
		size_t left = (size_t)(end - b);
		unsigned m = left >= 16 ? scan_notin16(b, hdr_rows_word)
					: scan_notin16(end - 16, hdr_rows_word) >> (16 - left);
		if (m) {
			if (at || (m & (m - 1)))
				return false;
			at = b + __builtin_ctz(m);
			if (*at != '@')
				return false;
		}
		if (left <= 16)
			break;
		b += 16;
	}
	if (!at) {
		cid->local = slice_make(p, len);
		cid->host = SLICE_NULL;
		return true;
	}
	if (at == p || at == end - 1)
		return false;
	cid->local = slice_span(p, at);
	cid->host = slice_span(at + 1, end);
	return true;
#else
	(void)cid;
	(void)p;
	(void)len;
	return false;
#endif
}

int sip_call_id_decode(struct sip_call_id *cid, struct slice value, struct sip_parse_error *err)
{
	if (value.ptr && call_id_fast(cid, value.ptr, value.len))
		return 0;
	return sip_call_id__careful(cid, value, err);
}

int sip_token_decode(struct slice *token, struct slice item, struct sip_parse_error *err)
{
	struct scan sc;
	if (!item.ptr)
		return hdr_absent(err);
	scan_init(&sc, item);
	hdr_lws(&sc);
	if (hdr_token(&sc, token) < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "expected a token");
	hdr_lws(&sc);
	if (!scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p, "expected a single token");
	return 0;
}

int sip_warning_decode(struct sip_warning *w, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;
	int rc;

	memset(w, 0, sizeof(*w));
	if (!value.ptr)
		return hdr_absent(err);
	scan_init(&sc, value);
	hdr_lws(&sc);
	/* warning-value = warn-code SP warn-agent SP warn-text, warn-code = 3DIGIT */
	const char *s = sc.p;
	while (sc.p < sc.end && hdr_is_digit((unsigned char)*sc.p) && sc.p - s < 3) {
		w->code = (uint16_t)(w->code * 10 + (*sc.p - '0'));
		sc.p++;
	}
	if (sc.p - s < 3)
		return hdr_fail(err, -EBADMSG, sc.p, "Warning: expected a 3-digit warn-code");
	if (!scan_eof(&sc) && hdr_is_digit((unsigned char)*sc.p))
		return hdr_fail(err, -EBADMSG, sc.p, "Warning: warn-code has more than 3 digits");
	if (!hdr_accept(&sc, ' '))
		return hdr_fail(err, -EBADMSG, sc.p, "Warning: expected SP after the warn-code");

	/* warn-agent = hostport / pseudonym (token) */
	const char *a = sc.p;
	if (!scan_eof(&sc) && *sc.p == '[') {
		enum sip_host_type ht;
		struct slice h;
		rc = sip_host_scan(&sc, &h, &ht, err);
		if (rc < 0)
			return rc;
	} else if (hdr_token(&sc, NULL) < 0) {
		return hdr_fail(err, -EBADMSG, sc.p, "Warning: expected a warn-agent (host or pseudonym)");
	}
	if (hdr_accept(&sc, ':')) {
		/* a port makes it a hostport: the part before must be a host */
		struct scan hs = { a, sc.p - 1 };
		struct slice h;
		enum sip_host_type ht;
		uint16_t port;
		rc = sip_host_scan(&hs, &h, &ht, err);
		if (rc == 0 && !scan_eof(&hs))
			rc = hdr_fail(err, -EBADMSG, hs.p, "Warning: warn-agent with a port must be a host");
		if (rc < 0)
			return rc;
		rc = sip_port_scan(&sc, &port, err);
		if (rc < 0)
			return rc;
	}
	w->agent = slice_span(a, sc.p);
	if (!hdr_accept(&sc, ' '))
		return hdr_fail(err, -EBADMSG, sc.p, "Warning: expected SP after the warn-agent");
	if (scan_eof(&sc) || *sc.p != '"')
		return hdr_fail(err, -EBADMSG, sc.p, "Warning: expected a quoted warn-text");
	if (sip_quoted_scan(&sc, &w->text) < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "Warning: unterminated warn-text");
	hdr_lws(&sc);
	if (!scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p, "Warning: unexpected text after the warn-text");
	return 0;
}

/* ---- Date (RFC 3261 §20.17: rfc1123-date, "GMT" only) ------------------ */

static int date_name(struct scan *sc, const char *const *names, int n)
{
	if (sc->end - sc->p < 3)
		return -1;
	for (int i = 0; i < n; i++)
		if (slice_caseeq(slice_make(sc->p, 3), slice_make(names[i], 3))) {
			sc->p += 3;
			return i;
		}
	return -1;
}

static int date_digits(struct scan *sc, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (sc->p >= sc->end || !hdr_is_digit((unsigned char)*sc->p))
			return -1;
		v = v * 10 + (*sc->p++ - '0');
	}
	*out = v;
	return 0;
}

int sip_date__careful(struct sip_date *d, struct slice value, struct sip_parse_error *err);

static const unsigned char date_mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

/* Three bytes with 0x20 OR-ed into each: equal to a name's lowercase word
 * exactly when the bytes equal the (letters only) name in any case. */
static inline uint32_t date_word3(const char *p)
{
	return ((uint32_t)(unsigned char)p[0] | (uint32_t)(unsigned char)p[1] << 8 |
		(uint32_t)(unsigned char)p[2] << 16) | 0x202020u;
}

#define DATE_W3(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16)

/* Two digits at p as a number, or -1. */
static inline int date_d2(const char *p)
{
	unsigned a = (unsigned)((unsigned char)p[0] - '0'), b = (unsigned)((unsigned char)p[1] - '0');
	return a <= 9 && b <= 9 ? (int)(a * 10 + b) : -1;
}

/* The whole value as the 29 bytes "Www, DD Mmm YYYY HH:MM:SS GMT" of a
 * valid date: true with every field of d written, false (d untouched) for
 * anything else, which the steps of sip_date_decode read. */
static bool date_fast(struct sip_date *d, const char *p)
{
	/* the names by a perfect hash of their lower-case word (the top
	 * bits of one product: every name its own slot, which holds the
	 * name and its index; an empty slot matches no name) */
	static const struct {
		uint32_t w;
		int8_t i;
	} wk[8] = {
		[2] = { DATE_W3('s', 'u', 'n'), 0 }, [1] = { DATE_W3('m', 'o', 'n'), 1 },
		[7] = { DATE_W3('t', 'u', 'e'), 2 }, [6] = { DATE_W3('w', 'e', 'd'), 3 },
		[4] = { DATE_W3('t', 'h', 'u'), 4 }, [0] = { DATE_W3('f', 'r', 'i'), 5 },
		[3] = { DATE_W3('s', 'a', 't'), 6 }, [5] = { 0, -1 },
	}, mo[16] = {
		[12] = { DATE_W3('j', 'a', 'n'), 0 }, [14] = { DATE_W3('f', 'e', 'b'), 1 },
		[6] = { DATE_W3('m', 'a', 'r'), 2 },  [7] = { DATE_W3('a', 'p', 'r'), 3 },
		[4] = { DATE_W3('m', 'a', 'y'), 4 },  [13] = { DATE_W3('j', 'u', 'n'), 5 },
		[0] = { DATE_W3('j', 'u', 'l'), 6 },  [15] = { DATE_W3('a', 'u', 'g'), 7 },
		[9] = { DATE_W3('s', 'e', 'p'), 8 },  [3] = { DATE_W3('o', 'c', 't'), 9 },
		[1] = { DATE_W3('n', 'o', 'v'), 10 }, [5] = { DATE_W3('d', 'e', 'c'), 11 },
		[2] = { 0, -1 }, [8] = { 0, -1 }, [10] = { 0, -1 }, [11] = { 0, -1 },
	};
	if (p[3] != ',' || p[4] != ' ' || p[7] != ' ' || p[11] != ' ' || p[16] != ' ' ||
	    p[19] != ':' || p[22] != ':' || p[25] != ' ' || p[26] != 'G' || p[27] != 'M' ||
	    p[28] != 'T')
		return false;
	uint32_t w = date_word3(p), mw = date_word3(p + 8);
	unsigned hw = (uint32_t)(w * 2522u) >> 29, hm = (uint32_t)(mw * 26596u) >> 28;
	int wd = wk[hw].w == w ? wk[hw].i : -1, m = mo[hm].w == mw ? mo[hm].i : -1;
	int day = date_d2(p + 5), y1 = date_d2(p + 12), y2 = date_d2(p + 14);
	int hour = date_d2(p + 17), minute = date_d2(p + 20), second = date_d2(p + 23);
	if ((wd | m | day | y1 | y2 | hour | minute | second) < 0)
		return false;
	int year = y1 * 100 + y2;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	if (day < 1 || day > date_mdays[m] || (m == 1 && day == 29 && !leap) || hour > 23 ||
	    minute > 59 || second > 60)
		return false;
	d->year = year;
	d->month = m + 1;
	d->day = day;
	d->hour = hour;
	d->minute = minute;
	d->second = second;
	d->weekday = wd;
	return true;
}

int sip_date_decode(struct sip_date *d, struct slice value, struct sip_parse_error *err)
{
	if (value.ptr && value.len == 29 && date_fast(d, value.ptr))
		return 0;
	return sip_date__careful(d, value, err);
}

/* The steps of record: every form, the verdict, err->at and reason. */
int sip_date__careful(struct sip_date *d, struct slice value, struct sip_parse_error *err)
{
	static const char *const wkdays[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	const unsigned char *mdays = date_mdays;
	struct scan sc;
	const char *at;

	memset(d, 0, sizeof(*d));
	if (!value.ptr)
		return hdr_absent(err);
	scan_init(&sc, value);
	hdr_lws(&sc);
	/* rfc1123-date = wkday "," SP date1 SP time SP "GMT" */
	at = sc.p;
	if ((d->weekday = date_name(&sc, wkdays, 7)) < 0)
		return hdr_fail(err, -EBADMSG, at, "Date: expected a weekday (Mon ... Sun)");
	if (!hdr_accept(&sc, ',') || !hdr_accept(&sc, ' '))
		return hdr_fail(err, -EBADMSG, sc.p, "Date: expected \", \" after the weekday");
	/* date1 = 2DIGIT SP month SP 4DIGIT */
	at = sc.p;
	if (date_digits(&sc, 2, &d->day) < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "Date: expected a 2-digit day");
	if (!hdr_accept(&sc, ' '))
		return hdr_fail(err, -EBADMSG, sc.p, "Date: expected SP after the day");
	const char *mat = sc.p;
	int m = date_name(&sc, months, 12);
	if (m < 0)
		return hdr_fail(err, -EBADMSG, mat, "Date: expected a month (Jan ... Dec)");
	d->month = m + 1;
	if (!hdr_accept(&sc, ' '))
		return hdr_fail(err, -EBADMSG, sc.p, "Date: expected SP after the month");
	if (date_digits(&sc, 4, &d->year) < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "Date: expected a 4-digit year");
	bool leap = (d->year % 4 == 0 && d->year % 100 != 0) || d->year % 400 == 0;
	if (d->day < 1 || d->day > mdays[m] || (m == 1 && d->day == 29 && !leap))
		return hdr_fail(err, -EBADMSG, at, "Date: no such day in that month");
	if (!hdr_accept(&sc, ' '))
		return hdr_fail(err, -EBADMSG, sc.p, "Date: expected SP after the year");
	/* time = 2DIGIT ":" 2DIGIT ":" 2DIGIT */
	at = sc.p;
	if (date_digits(&sc, 2, &d->hour) < 0 || !hdr_accept(&sc, ':') ||
	    date_digits(&sc, 2, &d->minute) < 0 || !hdr_accept(&sc, ':') ||
	    date_digits(&sc, 2, &d->second) < 0)
		return hdr_fail(err, -EBADMSG, sc.p, "Date: expected the time as HH:MM:SS");
	if (d->hour > 23 || d->minute > 59 || d->second > 60)
		return hdr_fail(err, -EBADMSG, at, "Date: time out of range");
	if (!hdr_accept(&sc, ' '))
		return hdr_fail(err, -EBADMSG, sc.p, "Date: expected SP after the time");
	if (sc.end - sc.p < 3 || memcmp(sc.p, "GMT", 3) != 0)
		return hdr_fail(err, -EBADMSG, sc.p,
				"Date: the time zone must be GMT (RFC 3261 §20.17)");
	sc.p += 3;
	hdr_lws(&sc);
	if (!scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p, "Date: unexpected text after \"GMT\"");
	return 0;
}

/* ---- User-Agent / Server ----------------------------------------------- */

void sip_product_it_init(struct sip_product_it *it, struct slice value)
{
	it->p = value.ptr;
	it->end = value.ptr ? value.ptr + value.len : NULL;
}

#if defined(__SSSE3__)
/* Bit i set where byte i of the sixteen at q is '(' ')' '\\', below 0x20
 * or 0x7f: the bytes product_comment looks at. The four stop bytes have
 * low nibbles 8, 9, c, f: one shuffle by the bytes themselves gives each
 * byte the stop byte of its low nibble, which it equals only when it is
 * that byte (the other entries differ from their index in the low nibble,
 * and a byte of 0x80 and up gets 0, never equal); the controls by an
 * unsigned minimum. */
static inline unsigned comment_stop16(const char *q)
{
	const __m128i stops = _mm_setr_epi8(0x01, 0x00, 0x03, 0x02, 0x05, 0x04, 0x07, 0x06,
					    '(', ')', 0x0b, 0x0a, '\\', 0x0c, 0x0f, 0x7f);
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	__m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(_mm_shuffle_epi8(stops, v), v), ctl));
}
#elif defined(__SSE2__)
/* Bit i set where byte i of the sixteen at q is '(' ')' '\\', below 0x20
 * or 0x7f: the bytes product_comment looks at. */
static inline unsigned comment_stop16(const char *q)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	__m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
	__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('(')),
					      _mm_cmpeq_epi8(v, _mm_set1_epi8(')'))),
				 _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
					      _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f))));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(m, ctl));
}
#endif

/* The first byte in [p, end) that product_comment must look at (or end):
 * every other byte of a comment is ctext. Reads [lo, end) only. */
static inline const char *comment_skip(const char *p, const char *lo, const char *end)
{
#if defined(__SSE2__)
	while (end - p >= 16) {
		unsigned m = comment_stop16(p);
		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
	if (end - lo >= 16) {
		unsigned n = (unsigned)(end - p);
		return p + __builtin_ctz((comment_stop16(end - 16) >> (16 - n)) | (1u << n));
	}
#else
	(void)lo;
#endif
	while (p < end) {
		unsigned char c = (unsigned char)*p;
		if (c == '(' || c == ')' || c == '\\' || c < 0x20 || c == 0x7f)
			break;
		p++;
	}
	return p;
}

/* comment = LPAREN *(ctext / quoted-pair / comment) RPAREN, at '(' */
static int product_comment(struct scan *sc, const char *lo, struct slice *content,
			   struct sip_parse_error *err)
{
	const char *open = sc->p++;
	size_t depth = 1;
	while (sc->p < sc->end) {
		sc->p = comment_skip(sc->p, lo, sc->end);
		if (sc->p >= sc->end)
			break;
		unsigned char c = (unsigned char)*sc->p;
		if (c == '\\') {
			/* quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F) */
			if (sc->p + 1 >= sc->end || sc->p[1] == '\r' || sc->p[1] == '\n')
				return hdr_fail(err, -EBADMSG, sc->p, "comment: bad quoted-pair");
			sc->p += 2;
			continue;
		}
		if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (--depth == 0) {
				*content = slice_span(open + 1, sc->p);
				sc->p++;
				return 0;
			}
		} else if (c < 0x20 && c != '\t') {
			/* only folding (CRLF SP) may break a comment */
			if (!scan_lws(sc))
				return hdr_fail(err, -EBADMSG, sc->p, "comment: control character");
			continue;
		} else if (c == 0x7f) {
			return hdr_fail(err, -EBADMSG, sc->p, "comment: control character");
		}
		sc->p++;
	}
	return hdr_fail(err, -EBADMSG, open, "comment: missing ')'");
}

/* Whether c is SP, HTAB, CR or LF (what hdr_lws looks at). */
static inline bool product_lws_byte(unsigned char c)
{
	return scan_class[c] & (SCAN_WS | SCAN_CRLF);
}

/* The common forms of one server-val at it->p, each read in one step:
 * [SP] token [ "/" token ] followed by the end, '(' or one SP before a
 * byte that is not white space or '/', and [SP] "(" ctext ")" (no nested
 * comment, quoted-pair or control byte). 1 with *p filled, 0 at the end of
 * the value (*p absent, it->p there), or -1 (nothing written) for every other form,
 * which the careful steps then read from the same place: where this
 * accepts, they accept with the same fields and cursor. */
static inline __attribute__((always_inline)) int product_fast(struct sip_product_it *it,
							       struct sip_product *p)
{
	const char *lo = it->p, *end = it->end, *q = lo;
	if (!q)
		return -1;
	if (q >= end) {
		p->name = p->version = p->comment = SLICE_NULL;
		return 0;
	}
	if (*q == ' ') {
		/* hdr_lws's one-SP case */
		if (end - q < 2 || product_lws_byte((unsigned char)q[1]))
			return -1;
		q++;
	}
	if (*q == '(') {
		const char *r = comment_skip(q + 1, lo, end);
		if (r >= end || *r != ')')
			return -1;
		p->name = p->version = SLICE_NULL;
		p->comment = slice_span(q + 1, r);
		it->p = r + 1;
		return 1;
	}
	const char *t = hdr_token_end(q, lo, end), *v = t;
	if (t == q)
		return -1;
	if (t < end && *t == '/') {
		v = hdr_token_end(t + 1, lo, end);
		if (v == t + 1)
			return -1;
	} else if (t < end && *t == ' ') {
		/* one SP and then no '/' (which would make it "name / version") */
		if (end - t < 2 || product_lws_byte((unsigned char)t[1]) || t[1] == '/')
			return -1;
	}
	/* then the end, a comment or SP (any other byte: the careful steps) */
	if (v < end && *v != '(' && *v != ' ')
		return -1;
	p->name = slice_span(q, t);
	p->version = v != t ? slice_span(t + 1, v) : SLICE_NULL;
	p->comment = SLICE_NULL;
	it->p = v;
	return 1;
}

/* The careful steps of sip_product_next: every form, the verdict, err->at
 * and reason of record. Out of line, as the rare forms are. */
int sip_product__careful(struct sip_product_it *it, struct sip_product *p,
			 struct sip_parse_error *err);
__attribute__((noinline)) int sip_product__careful(struct sip_product_it *it, struct sip_product *p,
						   struct sip_parse_error *err)
{
	/* it->p is where this call may start reading (the runs below read
	 * sixteen bytes a step within [it->p, end)) */
	struct scan sc = { it->p, it->end };
	const char *lo = it->p;
	int rc;

	p->name = p->version = p->comment = SLICE_NULL;
	hdr_lws(&sc);
	if (scan_eof(&sc)) {
		it->p = sc.p;
		return 0;
	}
	if (*sc.p == '(') {
		struct scan t = sc;
		struct slice c;
		rc = product_comment(&t, lo, &c, err);
		if (rc < 0)
			return rc;
		p->comment = c;
		sc.p = t.p;
	} else {
		/* product = token [ SLASH product-version ] */
		const char *q = hdr_token_end(sc.p, lo, sc.end);
		if (q == sc.p)
			return hdr_fail(err, -EBADMSG, sc.p, "product: expected a product token or a (comment)");
		p->name = slice_span(sc.p, q);
		sc.p = q;
		const char *save = sc.p;
		if (hdr_sws_accept(&sc, '/')) {
			hdr_lws(&sc);
			q = hdr_token_end(sc.p, lo, sc.end);
			if (q == sc.p)
				return hdr_fail(err, -EBADMSG, sc.p, "product: expected a version after '/'");
			p->version = slice_span(sc.p, q);
			sc.p = q;
		} else {
			sc.p = save;
		}
		/* server-val *(LWS server-val): a product needs LWS or a comment next */
		if (!scan_eof(&sc) && *sc.p != '(' && *sc.p != ' ' && *sc.p != '\t' &&
		    *sc.p != '\r' && *sc.p != '\n')
			return hdr_fail(err, -EBADMSG, sc.p,
					*sc.p == '/' ? "product: a version is one token (a second '/' is not allowed)"
						     : "product: expected white space after the product");
	}
	it->p = sc.p;
	return 1;
}

int sip_product_next(struct sip_product_it *it, struct sip_product *p, struct sip_parse_error *err)
{
	int rc = product_fast(it, p);
	if (rc >= 0)
		return rc;
	return sip_product__careful(it, p, err);
}

/* ---- Retry-After -------------------------------------------------------- */

/* delta-seconds (1*DIGIT) at sc, saturated at 2^32-1: RFC 3261 §20.33 says
 * nothing of a bound, and a long value is no syntax error. */
static int delta_seconds(struct scan *sc, uint32_t *out, struct sip_parse_error *err)
{
	const char *s = sc->p;
	uint64_t n = 0;
	while (sc->p < sc->end && hdr_is_digit((unsigned char)*sc->p)) {
		n = n * 10 + (unsigned)(*sc->p - '0');
		if (n > UINT32_MAX)
			n = (uint64_t)UINT32_MAX + 1; /* stays above, no overflow */
		sc->p++;
	}
	if (sc->p == s)
		return hdr_fail(err, -EBADMSG, s, "expected delta-seconds (digits)");
	*out = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
	return 0;
}

int sip_retry_after_decode(struct sip_retry_after *ra, struct slice value,
			   struct sip_parse_error *err)
{
	struct scan sc;
	int rc;
	memset(ra, 0, sizeof *ra);
	ra->comment = ra->params = SLICE_NULL;
	if (!value.ptr)
		return hdr_absent(err);
	scan_init(&sc, value);
	const char *lo = sc.p;
	hdr_lws(&sc);
	if ((rc = delta_seconds(&sc, &ra->seconds, err)) < 0)
		return rc;
	hdr_lws(&sc);
	if (!scan_eof(&sc) && *sc.p == '(') {
		if ((rc = product_comment(&sc, lo, &ra->comment, err)) < 0)
			return rc;
		hdr_lws(&sc);
	}
	if (scan_eof(&sc))
		return 0;
	if (*sc.p != ';')
		return hdr_fail(err, -EBADMSG, sc.p, "Retry-After: expected a comment, ';' or the end "
				"after the seconds");
	ra->params = slice_span(sc.p + 1, sc.end);
	struct sip_param p;
	while ((rc = sip_genparam_next(&sc, lo, &p, 0, err)) > 0) {
		if (!hdr_name_is(p.name, "duration", 8))
			continue;
		/* duration = delta-seconds */
		struct scan d;
		if (!p.value.ptr || p.quoted)
			return hdr_fail(err, -EBADMSG, p.name.ptr, "Retry-After: duration needs delta-seconds");
		scan_init(&d, p.value);
		if ((rc = delta_seconds(&d, &ra->duration, err)) < 0)
			return rc;
		if (!scan_eof(&d))
			return hdr_fail(err, -EBADMSG, d.p, "Retry-After: duration needs delta-seconds");
		ra->has_duration = true;
	}
	return rc;
}

/* ---- token or quoted-string with params -------------------------------- */

/* One value with params at sc. With list, a ',' after it ends it (the
 * cursor is left on it) as the end of the input does otherwise. Writes
 * each field of tp once (on an error some may be left unwritten). The
 * careful steps: every form, the verdict, err->at and reason of record. */
int sip_tokparams__careful(struct sip_tokparams *tp, struct scan *scp, bool list,
			   struct sip_parse_error *err);
__attribute__((noinline)) int sip_tokparams__careful(struct sip_tokparams *tp, struct scan *scp,
						     bool list, struct sip_parse_error *err)
{
	struct scan sc = *scp;
	const char *lo = sc.p;
	int rc;

	hdr_lws(&sc);
	const char *s = sc.p;
	if (!scan_eof(&sc) && *sc.p == '"') {
		struct scan t = sc;
		struct slice v;
		if (sip_quoted_scan(&t, &v) < 0)
			return hdr_fail(err, -EBADMSG, t.p, "unterminated quoted string");
		sc.p = t.p;
		tp->value = v;
		tp->quoted = true;
		tp->media = false;
	} else {
		const char *q = hdr_token_end(sc.p, lo, sc.end);
		if (q == sc.p)
			return hdr_fail(err, -EBADMSG, sc.p, "expected a token or a quoted string");
		sc.p = q;
		/* media-type = m-type SLASH m-subtype (Content-Type) */
		bool media = false;
		if (q < sc.end && (*q == '/' || scan_is((unsigned char)*q, SCAN_WS | SCAN_CRLF))) {
			const char *save = sc.p;
			if (hdr_sws_accept(&sc, '/')) {
				hdr_lws(&sc);
				q = hdr_token_end(sc.p, lo, sc.end);
				if (q == sc.p)
					return hdr_fail(err, -EBADMSG, sc.p, "expected a token after '/'");
				sc.p = q;
				media = true;
			} else {
				sc.p = save;
			}
		}
		tp->value = slice_span(s, sc.p);
		tp->quoted = false;
		tp->media = media;
	}
	const char *after = sc.p;
	if (sc.p == sc.end || *sc.p != ';') {
		hdr_lws(&sc);
		if (scan_eof(&sc) || (list && *sc.p == ',')) {
			tp->params = SLICE_NULL;
			*scp = sc;
			return 0;
		}
		if (*sc.p != ';')
			return hdr_fail(err, -EBADMSG, sc.p, "expected ';' or the end after the value");
	}
	struct slice params = slice_span(sc.p + 1, sc.end);
	sc.p = after;
	struct sip_param pm;
	while ((rc = sip_genparam_next(&sc, lo, &pm, list ? SIP_GENPARAM_LIST : 0, err)) > 0)
		;
	if (rc < 0)
		return rc;
	if (list)
		params.len = (size_t)(hdr_trim_end(params.ptr, sc.p) - params.ptr);
	tp->params = params;
	*scp = sc;
	return 0;
}

/* Bit i set where b[i] is not a token byte or b + i is at or past end:
 * b reads [lo, end) only (b >= lo, b <= end), sixteen bytes at once with
 * SSSE3 (the last sixteen of the slice shifted at its tail). */
static inline unsigned tp_mask16(const char *b, const char *lo, const char *end)
{
#if defined(__SSSE3__)
	if (end - b >= 16)
		return scan_notin16(b, scan_rows_token);
	unsigned n = (unsigned)(end - b);
	if (end - lo >= 16)
		return (scan_notin16(end - 16, scan_rows_token) >> (16 - n)) | (~0u << n);
#else
	(void)lo;
	unsigned n = end - b >= 16 ? 16 : (unsigned)(end - b);
#endif
	unsigned m = n < 16 ? ~0u << n : 0;
	for (unsigned i = 0; i < n; i++)
		if (!hdr_in_rows((unsigned char)b[i], scan_rows_token))
			m |= 1u << i;
	return m;
}

/* The common forms, read from one class mask of sixteen bytes a step from
 * delimiter to delimiter: token [ "/" token ] *( ";" token [ "=" token ] )
 * up to the end (or, with list, a ','), no LWS. false (nothing written)
 * for anything else, which the careful steps read from the same place:
 * where this accepts, they accept with the same fields and cursor. */
static inline __attribute__((always_inline)) bool
tokparams_fast(struct sip_tokparams *tp, struct scan *scp, bool list)
{
	const char *s = scp->p, *end = scp->end, *b = s, *tok = s, *vend = NULL, *d;
	unsigned st = 0; /* 0 type, 1 subtype, 2 param name, 3 param value */
	bool media = false;
	unsigned m = tp_mask16(b, s, end);
	for (;;) {
		while (!m) {
			b += 16;
			m = tp_mask16(b, s, end);
		}
		d = b + __builtin_ctz(m);
		m &= m - 1;
		if (d == tok)
			return false; /* an empty token, or no token at the start */
		if (d == end)
			break;
		char c = *d;
		if (c == ';') {
			if (st < 2)
				vend = d;
			st = 2;
		} else if (c == '=' && st == 2) {
			st = 3;
		} else if (c == '/' && st == 0) {
			st = 1;
			media = true;
		} else if (c == ',' && list) {
			break;
		} else {
			return false;
		}
		tok = d + 1;
	}
	if (st < 2) {
		tp->value = slice_span(s, d);
		tp->params = SLICE_NULL;
	} else {
		tp->value = slice_span(s, vend);
		tp->params = slice_span(vend + 1, d);
	}
	tp->quoted = false;
	tp->media = media;
	scp->p = d;
	return true;
}

/* What tokparams_fast leaves: a quoted-string without escapes or line
 * breaks, alone up to the end (or a list's ','), read here; anything else
 * by the careful steps. Out of line, as the rare forms are. */
static __attribute__((noinline)) int tokparams_other(struct sip_tokparams *tp, struct scan *scp,
						     bool list, struct sip_parse_error *err)
{
	const char *s = scp->p, *end = scp->end;
	if (s != end && *s == '"') {
		const char *q = hdr_quote_stop(s + 1, s, end);
		if (q != end && *q == '"' && (q + 1 == end || (list && q[1] == ','))) {
			tp->value = slice_span(s + 1, q);
			tp->params = SLICE_NULL;
			tp->quoted = true;
			tp->media = false;
			scp->p = q + 1;
			return 0;
		}
	}
	return sip_tokparams__careful(tp, scp, list, err);
}

static inline int tokparams_run(struct sip_tokparams *tp, struct scan *scp, bool list,
				struct sip_parse_error *err)
{
	if (tokparams_fast(tp, scp, list))
		return 0;
	return tokparams_other(tp, scp, list, err);
}

int sip_tokparams_decode(struct sip_tokparams *tp, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;

	if (!value.ptr) {
		memset(tp, 0, sizeof(*tp));
		return hdr_absent(err);
	}
	scan_init(&sc, value);
	return tokparams_run(tp, &sc, false, err);
}

int sip_tokparams_decode_at(struct sip_tokparams *tp, struct scan *sc, struct sip_parse_error *err)
{
	return tokparams_run(tp, sc, true, err);
}

int sip_tokparams_shape_check(const struct sip_tokparams *tp, enum sip_tok_shape shape,
			      struct sip_parse_error *err)
{
	const char *p = tp->value.ptr, *end = p + tp->value.len;
	if (tp->quoted) {
		if (shape == SIP_TOK_TOKEN_QUOTED)
			return 0;
		return sip_value_fail(err, p - 1, "expected a token, not a quoted string");
	}
	/* an unquoted value is a token, or type "/" subtype with SWS around the '/' */
	if (shape == SIP_TOK_DELTA_SECONDS) {
		for (; p < end; p++)
			if (*p < '0' || *p > '9')
				return sip_value_fail(err, p, "expected delta-seconds (digits only)");
		return 0;
	}
	const char *slash = tp->media ? memchr(p, '/', tp->value.len) : NULL;
	if (slash)
		return sip_value_fail(err, slash,
				      "expected a token: '/' is not a token character "
				      "(only Content-Type takes type/subtype)");
	if (shape == SIP_TOK_EVENT_TYPE)
		for (const char *q = p; q < end; q++)
			if (*q == '.' && (q == p || q + 1 == end || q[1] == '.'))
				return sip_value_fail(err, q,
						      "event-type: an empty part beside a '.' "
						      "(RFC 6665 §8.4: token-nodot *(\".\" token-nodot))");
	return 0;
}
