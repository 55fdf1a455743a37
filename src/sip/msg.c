/* msg.c: SIP message framing and header split, RFC 3261 §7 (start line §7.1/§7.2,
 * header fields §7.3, bodies and framing §7.4/§7.5, §18.3), RFC 4475 §3.1.2. */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "sip/hdr_id.h"

void sip_msg_init(struct sip_msg *msg, struct sip_hdr *hdrs, uint16_t max)
{
	/* Field by field: first[] is written by sip_msg_parse (once) and read
	 * only while nhdrs > 0. */
	msg->buf = NULL;
	msg->len = 0;
	msg->is_request = false;
	msg->method = msg->ruri = msg->reason = msg->version = msg->start_line = SLICE_NULL;
	msg->method_id = SIP_METHOD_OTHER;
	msg->status = 0;
	msg->hdrs = hdrs;
	msg->nhdrs = 0;
	msg->repeat = SIP_HDR_NONE;
	/* SIP_HDR_NONE ends a chain, so it cannot be an index. */
	msg->max_hdrs = max < SIP_HDR_NONE ? max : SIP_HDR_NONE - 1;
	msg->head_len = 0;
	msg->body = SLICE_NULL;
	msg->has_content_length = false;
	msg->content_length = 0;
	msg->repairs = 0;
}

void sip_error_locate(struct sip_parse_error *err, const char *buf, size_t len)
{
	if (err && err->at && err->at >= buf && err->at <= buf + len)
		err->offset = (size_t)(err->at - buf);
}

static int fail(struct sip_parse_error *err, const char *buf, const char *at,
		enum sip_hdr_id hdr, const char *reason)
{
	if (err) {
		err->code = -EBADMSG;
		err->at = at;
		err->offset = (size_t)(at - buf);
		err->hdr = hdr;
		err->reason = reason;
	}
	return -EBADMSG;
}

static inline bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

/* The index of the lowest set bit of m != 0, as a size_t: one BSF on
 * x86-64 (the builtin returns an int, which costs a sign extension and a
 * dependency-breaking clear per use). */
static inline size_t bit_first(uint64_t m)
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	uint64_t i;
	__asm__("bsfq %1, %0" : "=r"(i) : "rm"(m) : "cc");
	return (size_t)i;
#else
	return (size_t)__builtin_ctzll(m);
#endif
}

/* False when m is 0, else true with *i the index of its lowest set bit:
 * one BSF and its zero flag on x86-64 (m is a zero-extended movemask). */
static inline bool bit_scan(uint64_t m, size_t *i)
{
#if defined(__x86_64__) && defined(__GCC_ASM_FLAG_OUTPUTS__)
	bool nz;
	uint64_t r;
	__asm__("bsfq %2, %0" : "=r"(r), "=@ccnz"(nz) : "rm"(m));
	*i = (size_t)r;
	return nz;
#else
	if (!m)
		return false;
	*i = (size_t)__builtin_ctzll(m);
	return true;
#endif
}

/* bit_first of a 32-bit mask m != 0 (no widening first). */
static inline size_t bit_first32(unsigned m)
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	unsigned i;
	__asm__("bsfl %1, %0" : "=r"(i) : "rm"(m) : "cc");
	return i;
#else
	return (size_t)__builtin_ctz(m);
#endif
}

#if defined(__SSE2__)
/* Bit i set where byte i of the 16 at q equals the byte splatted in c. */
static inline unsigned bytes_eq16(const char *q, __m128i c)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, c));
}

/* bytes_eq16 for the split's per-line ':' search. The load is opaque to
 * GCC, which would otherwise keep the loaded bytes alive for the rare
 * token check of an unknown name (scan_nontoken16 on the same 16 bytes)
 * and copy them before each compare: one instruction a line. */
static inline unsigned bytes_eq16_once(const char *q, __m128i c)
{
#if defined(__GNUC__) && !defined(__AVX__) && defined(__x86_64__)
	__m128i v;
	__asm__("movdqu %1, %0" : "=x"(v) : "m"(*(const char(*)[16])q));
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, c));
#else
	return bytes_eq16(q, c);
#endif
}
#endif

/* The first '\n' in [p, end), or NULL; [buf, end) is readable. 32, then
 * 16 bytes at a time where SSE2 is there; the last partial block is read as
 * the last sixteen bytes of the buffer with the bytes before p shifted out,
 * so no load leaves [buf, end). */
static inline const char *lf_find(const char *p, const char *end, const char *buf)
{
#if defined(__SSE2__)
	const __m128i lf = _mm_set1_epi8('\n');
	if (end - p >= 32) {
		const char *lim = end - 32;
		do {
			unsigned m = bytes_eq16(p, lf) | bytes_eq16(p + 16, lf) << 16;
			if (m)
				return p + bit_first(m);
			p += 32;
		} while (p <= lim);
	}
	while (end - p >= 16) {
		unsigned m = bytes_eq16(p, lf);
		if (m)
			return p + bit_first(m);
		p += 16;
	}
	if (p < end && end - buf >= 16) {
		unsigned m = bytes_eq16(end - 16, lf) >> (16 - (end - p));
		return m ? p + bit_first(m) : NULL;
	}
#else
	(void)buf;
#endif
	return p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
}

/* One pass over the line at p: returns its '\n' (NULL when [p, end) has
 * none) and sets *colon to the first ':' before it (NULL when none). The
 * same answer as memchr for '\n' then a search for ':' up to it, reading
 * each byte once where SSE2 is there. */
static inline const char *line_scan(const char *p, const char *end, const char *buf,
				    const char **colon)
{
#if defined(__SSE2__)
	const __m128i lf = _mm_set1_epi8('\n'), co = _mm_set1_epi8(':');
	while (p < end) {
		const char *q = p;
		unsigned shift = 0;
		if (end - p < 16) {
			if (end - buf < 16)
				break;
			q = end - 16;
			shift = (unsigned)(16 - (end - p));
		}
		unsigned mn = bytes_eq16(q, lf) >> shift, mc = bytes_eq16(q, co) >> shift;
		unsigned m = mn | mc;
		if (m) {
			const char *hit = p + bit_first(m);
			if (*hit == '\n') {
				*colon = NULL;
				return hit;
			}
			*colon = hit;
			/* every '\n' bit left is after the colon */
			if (mn)
				return p + bit_first(mn);
			return lf_find(q + 16, end, buf);
		}
		p = q + 16;
	}
#else
	(void)buf;
#endif
	const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
	*colon = sip_hdr_colon_find(p, nl ? nl : end);
	return nl;
}


/* SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT ("SIP" any case, §7.1):
 * NULL when [p, e) is SIP/2.0, else the reason. */
static const char *version_check(const char *p, const char *e)
{
	static const char bad[] = "expected SIP-Version \"SIP/2.0\"";
	size_t n = (size_t)(e - p);
	if (n < 5 || (p[0] | 0x20) != 's' || (p[1] | 0x20) != 'i' || (p[2] | 0x20) != 'p' ||
	    p[3] != '/')
		return bad;
	if (n == 7 && p[4] == '2' && p[5] == '.' && p[6] == '0')
		return NULL;
	/* Well formed but another version: the answer is 505 (RFC 4475 badvers). */
	const char *q = p + 4, *d = q;
	while (q < e && (unsigned)(*q - '0') <= 9)
		q++;
	if (q == d || q >= e || *q != '.')
		return bad;
	d = ++q;
	while (q < e && (unsigned)(*q - '0') <= 9)
		q++;
	if (q == d || q != e)
		return bad;
	return "unsupported SIP-Version (505 Version Not Supported): only SIP/2.0 is known";
}

/* Request-Line = Method SP Request-URI SP SIP-Version CRLF (§7.1), one SP
 * exactly (RFC 4475 lwsstart, trws, lwsruri, ltgtruri). [s, e) excludes the
 * line end. */
static int request_line_parse(struct sip_msg *msg, const char *buf, const char *s,
			      const char *e, struct sip_parse_error *err)
{
	const char *p = s;
	while (p < e && scan_is((unsigned char)*p, SCAN_TOKEN))
		p++;
	if (p == s)
		return fail(err, buf, s, SIP_HDR_OTHER, "expected a method or \"SIP/2.0\" at the start of the message");
	if (p == e)
		return fail(err, buf, p, SIP_HDR_OTHER, "request line ends after the method: expected SP Request-URI SP SIP/2.0");
	if (*p != ' ')
		return fail(err, buf, p, SIP_HDR_OTHER, "expected SP after the method");
	msg->method = slice_span(s, p);
	msg->method_id = sip_method_lookup(msg->method);
	const char *u = ++p;
	if (p < e && is_ws(*p))
		return fail(err, buf, p, SIP_HDR_OTHER, "more than one SP between Request-Line elements");
	if (p < e && *p == '<')
		return fail(err, buf, p, SIP_HDR_OTHER, "Request-URI must not be enclosed in <>");
	/* The URI runs to the next SP; its bytes are judged by sip_uri_decode
	 * (sip_msg_check), LWS inside it below (RFC 4475 lwsruri). */
	const char *usp = p < e ? memchr(p, ' ', (size_t)(e - p)) : NULL;
	p = usp ? usp : e;
	if (p == u)
		return fail(err, buf, p, SIP_HDR_OTHER, "empty Request-URI");
	if (p == e)
		return fail(err, buf, p, SIP_HDR_OTHER, "request line ends after the Request-URI: expected SP SIP/2.0");
	msg->ruri = slice_span(u, p);
	const char *v = ++p;
	if (v < e && is_ws(*v))
		return fail(err, buf, v, SIP_HDR_OTHER, "more than one SP between Request-Line elements");
	/* the common case: exactly SIP/2.0 up to the line end */
	if (e - v == 7 && (v[0] | 0x20) == 's' && (v[1] | 0x20) == 'i' && (v[2] | 0x20) == 'p' &&
	    v[3] == '/' && v[4] == '2' && v[5] == '.' && v[6] == '0') {
		msg->version = slice_span(v, e);
		msg->is_request = true;
		return 0;
	}
	const char *sp = v;
	while (sp < e && *sp != ' ' && *sp != '\t')
		sp++;
	if (sp < e) {
		/* Either trailing white space after a good version, or white
		 * space inside the Request-URI (what follows is not a version). */
		const char *t = sp;
		while (t < e && is_ws(*t))
			t++;
		if (t == e && !version_check(v, sp))
			return fail(err, buf, sp, SIP_HDR_OTHER, "white space after SIP-Version at the end of the request line");
		return fail(err, buf, v - 1, SIP_HDR_OTHER, "white space inside the Request-URI");
	}
	const char *why = version_check(v, e);
	if (why)
		return fail(err, buf, v, SIP_HDR_OTHER, why);
	msg->version = slice_span(v, e);
	msg->is_request = true;
	return 0;
}

/* Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF (§7.2). */
static int status_line_parse(struct sip_msg *msg, const char *buf, const char *s,
			     const char *e, unsigned flags, struct sip_parse_error *err)
{
	const char *p = s;
	while (p < e && *p != ' ' && *p != '\t')
		p++;
	const char *why = version_check(s, p);
	if (why)
		return fail(err, buf, s, SIP_HDR_OTHER, why);
	msg->version = slice_span(s, p);
	if (p == e)
		return fail(err, buf, p, SIP_HDR_OTHER, "status line ends after SIP/2.0: expected SP Status-Code");
	if (*p != ' ')
		return fail(err, buf, p, SIP_HDR_OTHER, "expected SP after SIP/2.0");
	const char *c = ++p;
	while (p < e && (unsigned)(*p - '0') <= 9)
		p++;
	if (p - c != 3 || c[0] < '1' || c[0] > '6')
		return fail(err, buf, c, SIP_HDR_OTHER, "Status-Code must be three digits, 100 to 699");
	msg->status = (uint32_t)((c[0] - '0') * 100 + (c[1] - '0') * 10 + (c[2] - '0'));
	if (p == e) {
		/* "SIP/2.0 100" without the SP before an empty reason */
		if (!(flags & SIP_PARSE_LENIENT))
			return fail(err, buf, p, SIP_HDR_OTHER, "expected SP and a Reason-Phrase after the Status-Code");
		msg->reason = slice_make(p, 0);
	} else if (*p != ' ') {
		return fail(err, buf, p, SIP_HDR_OTHER, "expected SP after the Status-Code");
	} else {
		msg->reason = slice_span(p + 1, e);
	}
	msg->is_request = false;
	return 0;
}

/* The first ' ' in [p, e), or e; [p, end) is readable (e <= end). */
static inline const char *sp_find(const char *p, const char *e, const char *end)
{
#if defined(__SSE2__)
	const __m128i sp = _mm_set1_epi8(' ');
	while (end - p >= 16) {
		unsigned m = bytes_eq16(p, sp);
		if (m) {
			const char *q = p + bit_first(m);
			return q < e ? q : e;
		}
		p += 16;
		if (p >= e)
			return e;
	}
#else
	(void)end;
#endif
	const char *q = p < e ? memchr(p, ' ', (size_t)(e - p)) : NULL;
	return q ? q : e;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* "sip/2.0 " and " sip/2.0" as words, "SIP" in any case after | 0x20 */
static const uint64_t version_sp = 0x20302e322f706973ull, sp_version = 0x302e322f70697320ull;

/* The common Status-Line "SIP/2.0 SP 3DIGIT SP Reason-Phrase" in [s, e),
 * as status_line_parse fills msg: 1 when it is one, 0 when it starts so
 * but is not (for status_line_parse to judge), -1 when it is no
 * Status-Line. The 8 bytes at s are read only when [s, e) holds them. */
static inline int status_line_fast(struct sip_msg *msg, const char *s, const char *e)
{
	if (e - s < 12 || (sip_hdr_load64(s) | 0x202020ull) != version_sp)
		return -1;
	unsigned c0 = (unsigned)(unsigned char)s[8] - '1', c1 = (unsigned)(unsigned char)s[9] - '0',
		 c2 = (unsigned)(unsigned char)s[10] - '0';
	if (c0 > 5 || c1 > 9 || c2 > 9 || s[11] != ' ')
		return 0;
	msg->version = slice_make(s, 7);
	msg->status = (c0 + 1) * 100 + c1 * 10 + c2;
	msg->reason = slice_span(s + 12, e);
	msg->is_request = false;
	return 1;
}
#endif

/* The common start lines, "Method SP Request-URI SP SIP/2.0" and
 * "SIP/2.0 SP 3DIGIT SP Reason-Phrase", in a few word compares: true when
 * [s, e) is one of them and msg is filled as request_line_parse or
 * status_line_parse would; false leaves msg to them. [s, end) is readable. */
static inline bool start_line_fast(struct sip_msg *msg, const char *s, const char *e,
				   const char *end)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	int st = status_line_fast(msg, s, e);
	if (st >= 0)
		return st;
	const char *sp = s;
#if defined(__SSSE3__)
	if (end - s < 16)
		return false;
	unsigned bad = scan_nontoken16(s);
	if (!bad)
		return false;
	sp += bit_first32(bad);
#else
	while (sp < e && scan_is((unsigned char)*sp, SCAN_TOKEN))
		sp++;
#endif
	const char *u = sp + 1;
	if (sp == s || u >= e || *sp != ' ' || *u == ' ' || *u == '\t' || *u == '<')
		return false;
	const char *usp = sp_find(u, e, end);
	if (e - usp != 8 || (sip_hdr_load64(usp) | 0x20202000ull) != sp_version)
		return false;
	msg->method = slice_span(s, sp);
	msg->method_id = sip_method_lookup(msg->method);
	msg->ruri = slice_span(u, usp);
	msg->version = slice_span(usp + 1, e);
	msg->is_request = true;
	return true;
#else
	(void)msg, (void)s, (void)e, (void)end;
	return false;
#endif
}

#if defined(__SSE2__)
/* Bit i set where byte i of the 64 at q is ' '. */
static inline uint64_t sp_mask64(const char *q)
{
	const __m128i sp = _mm_set1_epi8(' ');
	uint64_t lo = bytes_eq16(q, sp) | bytes_eq16(q + 16, sp) << 16;
	uint64_t hi = bytes_eq16(q + 32, sp) | bytes_eq16(q + 48, sp) << 16;
	return lo | hi << 32;
}

/* start_line_fast for a start line [s, e) inside the 64 bytes at s (e - s
 * < 64, 64 bytes readable): the two SPs of a Request-Line are the first two
 * bits of one mask, so neither is searched for. */
static inline bool start_line_block(struct sip_msg *msg, const char *s, const char *e)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t w = sip_hdr_load64(s);
	int st = status_line_fast(msg, s, e);
	if (st >= 0)
		return st;
	/* Method SP Request-URI SP "SIP/2.0": the first SP ends the method,
	 * the second must be the one 8 bytes before the end (an SP, HTAB or
	 * '<' right after the first, or any SP inside the URI, is for
	 * request_line_parse to judge). */
	uint64_t spm = sp_mask64(s);
	size_t i1, i2;
	if (!bit_scan(spm, &i1) || !bit_scan(spm & (spm - 1), &i2))
		return false;
	const char *u = s + i1 + 1, *usp = s + i2;
	if (i1 == 0 || e - usp != 8 || usp == u || *u == '\t' || *u == '<' ||
	    (sip_hdr_load64(usp) | 0x20202000ull) != sp_version)
		return false;
	struct slice method = slice_make(s, i1);
	/* REGISTER is one compare; a name sip_method_lookup knows is a
	 * token, any other is checked */
	enum sip_method id = i1 == 8 && w == 0x5245545349474552ull /* "REGISTER" */
				     ? SIP_METHOD_REGISTER
				     : sip_method_lookup(method);
	if (id == SIP_METHOD_OTHER) {
#if defined(__SSSE3__)
		if (i1 > 15 || (scan_nontoken16(s) & ((2u << (i1 - 1)) - 1)))
			return false;
#else
		for (size_t i = 0; i < i1; i++)
			if (!scan_is((unsigned char)s[i], SCAN_TOKEN))
				return false;
#endif
	}
	msg->method = method;
	msg->method_id = id;
	msg->ruri = slice_span(u, usp);
	msg->version = slice_span(usp + 1, e);
	msg->is_request = true;
	return true;
#else
	(void)msg, (void)s, (void)e;
	return false;
#endif
}
#endif

/* Content-Length = 1*DIGIT (§20.14); several fields must agree (RFC 4475
 * mcl01), a sign or any other byte is an error (ncl). */
static int content_length_parse_slow(struct sip_msg *msg, const char *buf, struct slice v,
				struct sip_parse_error *err)
{
	uint32_t n = 0;
	if (v.len == 0)
		return fail(err, buf, v.ptr, SIP_HDR_CONTENT_LENGTH, "Content-Length is empty");
	for (size_t i = 0; i < v.len; i++) {
		unsigned d = (unsigned)(unsigned char)v.ptr[i] - '0';
		if (d > 9)
			return fail(err, buf, v.ptr + i, SIP_HDR_CONTENT_LENGTH,
				    "Content-Length must be a non-negative decimal number");
		if (n > (UINT32_MAX - d) / 10)
			return fail(err, buf, v.ptr, SIP_HDR_CONTENT_LENGTH, "Content-Length is too large");
		n = n * 10 + d;
	}
	if (msg->has_content_length && msg->content_length != n)
		return fail(err, buf, v.ptr, SIP_HDR_CONTENT_LENGTH,
			    "two Content-Length values disagree: the body length is unknowable");
	msg->has_content_length = true;
	msg->content_length = n;
	return 0;
}

/* content_length_parse_slow with the common case inline: 1 to 9 digits
 * (no overflow) and no earlier value. */
static inline int content_length_parse(struct sip_msg *msg, const char *buf, struct slice v,
				       struct sip_parse_error *err)
{
	if (v.len - 1 < 9 && !msg->has_content_length) {
		uint32_t n = 0;
		size_t i = 0;
		do {
			unsigned d = (unsigned)(unsigned char)v.ptr[i] - '0';
			if (d > 9)
				return content_length_parse_slow(msg, buf, v, err);
			n = n * 10 + d;
		} while (++i < v.len);
		msg->has_content_length = true;
		msg->content_length = n;
		return 0;
	}
	return content_length_parse_slow(msg, buf, v, err);
}

/* The id chains while parsing: first is msg->first, last[] on the stack.
 * (first[] on the stack too, copied to msg->first at the end, measured
 * worse: GCC keeps the split's loop tighter this way.) last[id] is written
 * only when a second field of id comes: it holds only while the first
 * field's next is set (chain_last), so the common field, the first of its
 * id, stores first[] alone and last[] needs no clearing. */
struct hdr_chain {
	uint16_t *first;
	uint16_t last[SIP_HDR__COUNT];
};

/* The last field of id (first[id] != SIP_HDR_NONE). */
static inline uint16_t chain_last(const struct sip_msg *msg, const struct hdr_chain *ch,
				  enum sip_hdr_id id)
{
	uint16_t f = ch->first[id];
	return msg->hdrs[f].next == SIP_HDR_NONE ? f : ch->last[id];
}

#if defined(__SSE2__)
/* Bit i set where byte i of the 64 at q is '\n'. */
static inline uint64_t lf_mask64(const char *q)
{
	const __m128i lf = _mm_set1_epi8('\n');
	uint64_t lo = bytes_eq16(q, lf) | bytes_eq16(q + 16, lf) << 16;
	uint64_t hi = bytes_eq16(q + 32, lf) | bytes_eq16(q + 48, lf) << 16;
	return lo | hi << 32;
}

/* True when [p, p + k) is a token (1 <= k <= 31, 16 bytes readable from p,
 * 32 when k > 16): the name of a field the lookup does not know. */
static inline bool name_is_token(const char *p, size_t k)
{
#if defined(__SSSE3__)
	uint32_t bad = scan_nontoken16(p);
	if (k > 16)
		bad |= (uint32_t)scan_nontoken16(p + 16) << 16;
	return k && !(bad & ((2u << (k - 1)) - 1));
#else
	if (!k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (!scan_is((unsigned char)p[i], SCAN_TOKEN))
			return false;
	return true;
#endif
}

/* A value trimmed of LWS both sides: SP, HTAB, the CR LF of a fold and (a
 * lenient read's) LF alone. A CR that is not followed by its LF stays in the
 * value: RFC 3261 §25.1 allows none, and a peer that ends lines at a CR
 * reads the message otherwise ("70\r\r\n" ends its head there); the
 * decoders and the rule book report it where it stands. Folding is kept
 * inside. The fast path's rare case (a value that does not start with one
 * SP and a byte that is no LWS, or ends in LWS) and the careful loop's. */
static struct slice value_trim(const char *vs, const char *ve)
{
	for (;;) {
		if (vs < ve && (*vs == ' ' || *vs == '\t' || *vs == '\n'))
			vs++;
		else if (ve - vs >= 2 && vs[0] == '\r' && vs[1] == '\n')
			vs += 2;
		else
			break;
	}
	for (;;) {
		if (ve > vs && (ve[-1] == ' ' || ve[-1] == '\t'))
			ve--;
		else if (ve > vs && ve[-1] == '\n')
			ve -= ve - vs >= 2 && ve[-2] == '\r' ? 2 : 1;
		else
			break;
	}
	return slice_span(vs, ve);
}

/* hdrs[n] is a second or later field of id: msg->repeat names the first
 * such field of an id that allows one value (sip_msg_check decodes the
 * fields before it, then reports it, with no per-field test). Fields are
 * appended in order, so the first recorded is the least. */
static inline void hdr_repeat(struct sip_msg *msg, enum sip_hdr_id id, uint16_t n)
{
	if (msg->repeat == SIP_HDR_NONE && sip_hdr_is_single(id))
		msg->repeat = n;
}

/* Takes back hdrs[n], the last field appended: its line turned out to be
 * folded, and the careful loop reads it again. */
static void hdr_unadd(struct sip_msg *msg, struct hdr_chain *ch, uint16_t n)
{
	enum sip_hdr_id id = msg->hdrs[n].id;
	uint16_t i = ch->first[id];
	if (msg->repeat == n)
		msg->repeat = SIP_HDR_NONE;
	if (i == n) {
		ch->first[id] = SIP_HDR_NONE;
		return;
	}
	while (msg->hdrs[i].next != n)
		i = msg->hdrs[i].next;
	msg->hdrs[i].next = SIP_HDR_NONE;
	ch->last[id] = i;
}

/* first[SIP_HDR_CONTENT_LENGTH] inside fields_fast until its first field:
 * no index (max_hdrs < SIP_HDR_NONE - 1), not SIP_HDR_NONE. */
#define CL_FIRST (SIP_HDR_NONE - 1)

/* The header split over the easy lines from p: a field with a token name
 * right before the first ':', ending in CRLF, not folded. The line ends
 * come from masks of 64 bytes at a time (the last block is the last 64
 * bytes of the input with the bytes already seen masked off, so no load
 * leaves [buf, end)); each line then costs one 16-byte load for its ':' and
 * a few byte tests. Whether a line is folded shows at the start of the
 * next one: a field whose next line starts with SP/HTAB is taken back
 * (Content-Length is tested before its value is read). Returns the first
 * line it leaves to the careful loop (the empty line, a line that starts
 * in the last 16 bytes of the input, a line any test refuses, a full
 * header array), which reads it from its start: this adds nothing that
 * loop would not find. *rc is 0, or the error of a Content-Length value.
 * blk, when not NULL, is the 64-byte block p is in, blk_m its '\n' mask
 * from p on (the start line's block). Always inline: its two callers'
 * loops are the split (out of line, GCC spills the loop's state). */
static inline __attribute__((always_inline)) const char *
fields_fast(struct sip_msg *msg, struct hdr_chain *ch, uint16_t *np, const char *p, const char *end,
	    const char *buf, const char *blk, uint64_t blk_m, int *rc, struct sip_parse_error *err)
{
	const __m128i co = _mm_set1_epi8(':');
	const uint16_t n0 = *np, max = msg->max_hdrs;
	uint16_t n = n0;
	uint16_t *const first = ch->first;
	struct sip_hdr *const hdrs = msg->hdrs, *h = hdrs + n0;
	const char *base;
	uint64_t m;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* p + bias is the 8 bytes at &h->offset: the offset p - buf (below
	 * 2^31) in the low half, SIP_HDR_NONE above it, zero padding */
	_Static_assert(offsetof(struct sip_hdr, next) == offsetof(struct sip_hdr, offset) + 4 &&
			       sizeof(struct sip_hdr) >= offsetof(struct sip_hdr, offset) + 8,
		       "offset, next and padding make one word");
	const uint64_t offset_next_bias = ((uint64_t)SIP_HDR_NONE << 32) - (uint64_t)(uintptr_t)buf;
#endif
	*rc = 0;
	if (end - buf < 64 || end - p < 16)
		return p;
	if (first[SIP_HDR_CONTENT_LENGTH] == SIP_HDR_NONE)
		first[SIP_HDR_CONTENT_LENGTH] = CL_FIRST;
	/* p <= last16: 16 bytes readable from p; blk_last: the last block.
	 * A block at base <= blk_mid ends 16 bytes before the input does:
	 * every line that starts in it or after a '\n' in it has 16 bytes
	 * readable. In a block after it, the first '\n' at last16 or later
	 * ends the last line taken (the next would start in the last 16
	 * bytes): the later ones are masked off, so the line loop needs no
	 * test of its own. */
	const char *const last16 = end - 16, *const blk_last = end - 64;
	const char *const blk_mid = end - buf >= 80 ? end - 80 : buf;
	if (blk) {
		/* the block of the start line, its '\n' taken */
		base = blk;
		m = blk_m;
	} else if (end - p >= 64) {
		base = p;
		m = lf_mask64(p);
	} else {
		base = blk_last;
		m = lf_mask64(base) & (~0ull << (p - base));
	}
	if (end - base < 80) {
		uint64_t hi = m & (~0ull << (last16 - base));
		m ^= hi & (hi - 1);
	}
	while (n < max) {
		size_t li;
		while (__builtin_expect(!bit_scan(m, &li), 0)) {
			/* the next block, or the last 64 bytes with what was
			 * seen masked off; base <= blk_last throughout */
			const char *next = base + 64;
			if (__builtin_expect(next <= blk_mid, 1)) {
				base = next;
				m = lf_mask64(base);
			} else {
				if (p > last16)
					goto done;
				if (next <= blk_last) {
					base = next;
					m = lf_mask64(base);
				} else {
					/* next < end: the bytes of the last
					 * block up to next are seen */
					size_t seen = (size_t)(next - blk_last);
					if (seen >= 64)
						goto done;
					base = next - seen;
					m = lf_mask64(base) & (~0ull << seen);
				}
				uint64_t hi = m & (~0ull << (last16 - base));
				m ^= hi & (hi - 1);
			}
		}
		const char *nl = base + li;
		if (nl[-1] != '\r')
			break;
		size_t ci;
		if (__builtin_expect(!bit_scan(bytes_eq16_once(p, co), &ci), 0)) {
			if (end - p < 32 || !bit_scan(bytes_eq16(p + 16, co), &ci))
				break;
			ci += 16;
		}
		const char *colon = p + ci;
		size_t k = (size_t)(colon - p);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* a ':' after the line end is no name's: the bytes before it
		 * hold a '\n', no known name matches them */
		enum sip_hdr_id id = sip_hdr_lookup_colon_at(p, k);
#else
		enum sip_hdr_id id = colon < nl ? sip_hdr_lookup_at(p, k, (size_t)(end - p)) : SIP_HDR_OTHER;
#endif
		/* a known name is a token; any other must be checked */
		if (__builtin_expect(id == SIP_HDR_OTHER, 0) && (colon > nl || !name_is_token(p, k)))
			break;
		/* value: trimmed of LWS. The common shape is ": value\r\n",
		 * one SP then a first and a last byte above SP (no LWS);
		 * any other (no SP, empty, LWS, controls) is trimmed with
		 * care. nl[-1] is CR, so colon + 2 <= nl. */
		struct slice value;
		if (__builtin_expect(colon[1] == ' ' && (unsigned char)colon[2] > ' ' &&
				     (unsigned char)nl[-2] > ' ', 1))
			value = slice_span(colon + 2, nl - 1);
		else
			value = value_trim(colon + 1, nl - 1);
		h->id = id;
		h->name = slice_make(p, k);
		h->value = value;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		{
			/* offset and next (SIP_HDR_NONE) in one word: p + bias */
			uint64_t w = (uint64_t)(uintptr_t)p + offset_next_bias;
			memcpy((char *)h + offsetof(struct sip_hdr, offset), &w, 8);
		}
#else
		h->offset = (uint32_t)(p - buf);
		h->next = SIP_HDR_NONE;
#endif
		/* most ids come once: their first field is the common case
		 * (first[] of Content-Length holds CL_FIRST until its first
		 * field, so that one takes the rare branch too) */
		if (__builtin_expect(first[(size_t)id] == SIP_HDR_NONE, 1)) {
			first[(size_t)id] = n;
			n++;
			h++;
		} else {
			if (first[(size_t)id] == CL_FIRST) {
				first[(size_t)id] = n;
			} else {
				hdrs[chain_last(msg, ch, id)].next = n;
				ch->last[(size_t)id] = n;
				hdr_repeat(msg, id, n);
			}
			n++;
			h++;
			if (id == SIP_HDR_CONTENT_LENGTH) {
				/* its value is read now, so its line must
				 * not be folded: taken back for the careful
				 * loop if it is */
				if (end - nl < 2 || is_ws(nl[1])) {
					n--;
					hdr_unadd(msg, ch, n);
					break;
				}
				msg->nhdrs = n;
				*rc = content_length_parse(msg, buf, value, err);
				if (*rc < 0)
					goto out;
			}
		}
		m &= m - 1;
		p = nl + 1;
	}
done:
	/* the last field taken is folded: the careful loop reads it */
	if (n > n0 && p < end && is_ws(*p)) {
		n--;
		hdr_unadd(msg, ch, n);
		p = buf + hdrs[n].offset;
	}
out:
	if (first[SIP_HDR_CONTENT_LENGTH] == CL_FIRST)
		first[SIP_HDR_CONTENT_LENGTH] = SIP_HDR_NONE;
	*np = n;
	return p;
}
#endif

/* Appends one field to msg (the caller's array, the id chain) and reads
 * Content-Length: 0 or a negative errno with err filled. */
static inline int hdr_add(struct sip_msg *msg, struct hdr_chain *ch, uint16_t *np, const char *buf,
			  enum sip_hdr_id id, const char *name, struct slice nm, struct slice value,
			  struct sip_parse_error *err)
{
	uint16_t n = *np;
	if (n >= msg->max_hdrs) {
		if (err) {
			err->code = -EMSGSIZE;
			err->at = name;
			err->offset = (size_t)(name - buf);
			err->hdr = id;
			err->reason = "more header fields than the caller's array holds";
		}
		return -EMSGSIZE;
	}
	struct sip_hdr *h = &msg->hdrs[n];
	h->id = id;
	h->name = nm;
	h->value = value;
	h->offset = (uint32_t)(name - buf);
	h->next = SIP_HDR_NONE;
	if (ch->first[id] == SIP_HDR_NONE) {
		ch->first[id] = n;
	} else {
		msg->hdrs[chain_last(msg, ch, id)].next = n;
		ch->last[id] = n;
		hdr_repeat(msg, id, n);
	}
	*np = ++n;
	if (id == SIP_HDR_CONTENT_LENGTH) {
		msg->nhdrs = n;
		return content_length_parse(msg, buf, value, err);
	}
	return 0;
}

/* sip_msg_parse from the header field at p on (n fields taken, their
 * chains in ch): the careful loop, with fields_fast over the easy lines
 * unless SIP_PARSE__CAREFUL, the empty line, and the body framing. Out of
 * line: the fast path calls it for the lines it leaves. */
__attribute__((noinline)) static int
msg_parse_rest(struct sip_msg *msg, const char *buf, size_t len, unsigned flags,
	       struct sip_parse_error *err, struct hdr_chain *ch, uint16_t n, const char *p)
{
	const bool stream = flags & SIP_PARSE_STREAM;
	const bool lenient = flags & SIP_PARSE_LENIENT;
	/* End of input ends the head only for pasted text, not on the wire. */
	const bool eof_ends = lenient && !stream;
	const char *const end = buf + len;
	struct sip_hdr *hdrs = msg->hdrs;
	const char *nl, *le;
	int rc;

	/* Header fields, up to the empty line. */
	size_t head_len;
	for (;;) {
#if defined(__SSE2__)
		if (!(flags & SIP_PARSE__CAREFUL)) {
			p = fields_fast(msg, ch, &n, p, end, buf, NULL, 0, &rc, err);
			if (rc < 0)
				goto out;
		}
#endif
		if (p >= end) {
			if (!eof_ends) {
				rc = -EAGAIN;
				goto out;
			}
			msg->repairs |= SIP_REPAIR_NO_EMPTY_LINE;
			head_len = len;
			break;
		}
		/* The empty line. */
		if (*p == '\r' || *p == '\n') {
			if (*p == '\n') {
				if (!lenient) {
					rc = fail(err, buf, p, SIP_HDR_OTHER, "line ends with LF without CR");
					goto out;
				}
				msg->repairs |= SIP_REPAIR_BARE_LF;
				head_len = (size_t)(p + 1 - buf);
				break;
			}
			if (p + 1 >= end) {
				if (!eof_ends) {
					rc = -EAGAIN;
					goto out;
				}
				msg->repairs |= SIP_REPAIR_NO_EMPTY_LINE;
				head_len = len;
				break;
			}
			if (p[1] == '\n') {
				head_len = (size_t)(p + 2 - buf);
				break;
			}
			rc = fail(err, buf, p, SIP_HDR_OTHER, "CR not followed by LF");
			goto out;
		}

		/* field-name HCOLON: token *(SP / HTAB) ":". The line end is
		 * found first: it bounds the name scan (LF is not a token byte). */
		const char *name = p, *colon;
		nl = line_scan(p, end, buf, &colon);
		if (!nl && !eof_ends) {
			rc = -EAGAIN;
			goto out;
		}
		/* Fast path: the name runs to ':' and is a known one (a match
		 * proves it a token). Otherwise scan the token byte by byte. */
		enum sip_hdr_id id = SIP_HDR_OTHER;
		if (colon && colon > p)
			id = sip_hdr_lookup_at(p, (size_t)(colon - p), (size_t)(end - p));
		struct slice nm;
		if (id != SIP_HDR_OTHER) {
			nm = slice_span(name, colon);
			p = colon;
		} else {
			if (nl) {
				while (scan_is((unsigned char)*p, SCAN_TOKEN))
					p++;
			} else {
				while (p < end && scan_is((unsigned char)*p, SCAN_TOKEN))
					p++;
			}
			if (p == name) {
				rc = fail(err, buf, p, SIP_HDR_OTHER,
					  is_ws(*p) ? "line starts with white space but no header field precedes it"
						    : "expected a header field name");
				goto out;
			}
			nm = slice_span(name, p);
			id = sip_hdr_lookup_at(name, nm.len, (size_t)(end - name));
			while (p < end && is_ws(*p))
				p++;
			if (p >= end) {
				rc = fail(err, buf, p, id, "header field ends before ':'");
				goto out;
			}
			if (*p != ':') {
				rc = fail(err, buf, p, id, "expected ':' after the header field name");
				goto out;
			}
		}
		const char *vs = ++p;

		/* The field runs to a line end not followed by SP/HTAB (folding). */
		for (;;) {
			if (!nl) {
				/* lenient datagram: the input ends inside this field */
				nl = le = end;
				msg->repairs |= SIP_REPAIR_NO_EMPTY_LINE;
				break;
			}
			if (nl[-1] == '\r') {
				le = nl - 1;
			} else if (lenient) {
				le = nl;
				msg->repairs |= SIP_REPAIR_BARE_LF;
			} else {
				rc = fail(err, buf, nl, id, "line ends with LF without CR");
				goto out;
			}
			p = nl + 1;
			if (p >= end) {
				if (!eof_ends) {
					rc = -EAGAIN; /* folding or the empty line may follow */
					goto out;
				}
				break;
			}
			if (!is_ws(*p))
				break;
			nl = lf_find(p, end, buf);
			if (!nl && !eof_ends) {
				rc = -EAGAIN;
				goto out;
			}
		}

		rc = hdr_add(msg, ch, &n, buf, id, name, nm, value_trim(vs, le), err);
		if (rc < 0)
			goto out;
		if (nl == end) { /* lenient: input ended inside the last field */
			head_len = len;
			break;
		}
	}
	msg->nhdrs = n;
	msg->head_len = head_len;

	/* Body framing (§18.3): streams by Content-Length, datagrams by size. */
	size_t avail = len - head_len, body_len = avail;
	if (stream) {
		if (!msg->has_content_length) {
			if (!lenient) {
				rc = fail(err, buf, buf + head_len, SIP_HDR_CONTENT_LENGTH,
					  "Content-Length is mandatory on a stream transport");
				goto out;
			}
			msg->repairs |= SIP_REPAIR_NO_CONTENT_LENGTH;
			body_len = 0;
		} else if (avail < msg->content_length) {
			rc = -EAGAIN;
			goto out;
		} else {
			body_len = msg->content_length;
		}
	} else if (msg->has_content_length) {
		if (avail >= msg->content_length) {
			body_len = msg->content_length; /* extra octets ignored (RFC 4475 dblreq) */
		} else if (lenient) {
			msg->repairs |= SIP_REPAIR_SHORT_BODY;
		} else {
			const struct sip_hdr *cl = &hdrs[chain_last(msg, ch, SIP_HDR_CONTENT_LENGTH)];
			rc = fail(err, buf, cl->value.ptr, SIP_HDR_CONTENT_LENGTH,
				  "Content-Length is larger than the body received");
			goto out;
		}
	}
	msg->body = slice_make(buf + head_len, body_len);
	msg->len = head_len + body_len;
	rc = (int)msg->len;
out:
	if (rc < 0 && err && !err->code)
		err->code = rc;
	return rc;
}

/* What both parse entries set before reading: sip_msg_init without
 * clearing what the parse sets anyway (start_line is set with the start
 * line), the id chains empty, err clear. */
static inline __attribute__((always_inline)) void
msg_reset(struct sip_msg *msg, const char *buf, struct hdr_chain *ch, struct sip_parse_error *err)
{
	uint16_t max = msg->max_hdrs;
	msg->buf = buf;
	msg->len = 0;
	msg->is_request = false;
	msg->method = msg->ruri = msg->reason = msg->version = SLICE_NULL;
	msg->method_id = SIP_METHOD_OTHER;
	msg->status = 0;
	msg->nhdrs = 0;
	msg->max_hdrs = max < SIP_HDR_NONE ? max : SIP_HDR_NONE - 1;
	ch->first = msg->first;
	memset(msg->first, 0xff, sizeof msg->first);
	msg->repeat = SIP_HDR_NONE;
	msg->head_len = 0;
	msg->body = SLICE_NULL;
	msg->has_content_length = false;
	msg->content_length = 0;
	msg->repairs = 0;
	if (err) {
		err->code = 0;
		err->at = NULL;
		err->offset = 0;
		err->hdr = SIP_HDR_OTHER;
		err->reason = NULL;
	}
}

/* A message longer than the parse's int result and 32-bit offsets can
 * say: -EMSGSIZE with err filled; else 0. */
static int size_check(const char *buf, size_t len, struct sip_parse_error *err)
{
	if (len <= INT_MAX && len <= UINT32_MAX)
		return 0;
	if (err) {
		err->code = -EMSGSIZE;
		err->at = buf;
		err->reason = "message larger than 2 GiB";
	}
	return -EMSGSIZE;
}

/* sip_msg_parse: the careful loop, with fields_fast over the easy lines
 * unless SIP_PARSE__CAREFUL (then it is the oracle the tests compare the
 * fast paths with). */
static int msg_parse_careful(struct sip_msg *msg, const char *buf, size_t len, unsigned flags,
			     struct sip_parse_error *err)
{
	const bool stream = flags & SIP_PARSE_STREAM;
	const bool lenient = flags & SIP_PARSE_LENIENT;
	/* End of input ends the head only for pasted text, not on the wire. */
	const bool eof_ends = lenient && !stream;
	const char *const end = buf + len;
	uint16_t n = 0;
	struct hdr_chain ch;
	int rc;

	msg_reset(msg, buf, &ch, err);
	msg->start_line = SLICE_NULL; /* the errors before the start line leave it so */
	if ((rc = size_check(buf, len, err)) < 0)
		goto out;

	const char *p = buf;
	if (stream) /* §7.5: CRLFs before the start line are ignored on streams */
		while (p < end && (*p == '\r' || *p == '\n'))
			p++;
	if (p == end) {
		rc = -EAGAIN;
		goto out;
	}

	/* Start line. */
	const char *nl;
	nl = lf_find(p, end, buf);
	const char *le;
	if (!nl) {
		if (!eof_ends) {
			rc = -EAGAIN;
			goto out;
		}
		nl = end;
		le = end;
		msg->repairs |= SIP_REPAIR_NO_EMPTY_LINE;
	} else if (nl > p && nl[-1] == '\r') {
		le = nl - 1;
	} else if (lenient) {
		le = nl;
		msg->repairs |= SIP_REPAIR_BARE_LF;
	} else {
		rc = fail(err, buf, nl, SIP_HDR_OTHER, "line ends with LF without CR");
		goto out;
	}
	msg->start_line = slice_span(p, le);
	if (!(flags & SIP_PARSE__CAREFUL) && start_line_fast(msg, p, le, end))
		rc = 0;
	else if (le - p >= 4 && (p[0] | 0x20) == 's' && (p[1] | 0x20) == 'i' && (p[2] | 0x20) == 'p' &&
	    p[3] == '/')
		rc = status_line_parse(msg, buf, p, le, flags, err);
	else
		rc = request_line_parse(msg, buf, p, le, err);
	if (rc < 0)
		goto out;
	p = nl < end ? nl + 1 : end;

	return msg_parse_rest(msg, buf, len, flags, err, &ch, n, p);
out:
	if (rc < 0 && err && !err->code)
		err->code = rc;
	return rc;
}

#if defined(__SSE2__)
/* msg_parse_fast found a shape it leaves to msg_parse_careful. */
#define FAST_NO INT_MIN

/* sip_msg_parse for the common message, in one straight path that GCC
 * keeps apart from the careful code: the start line in the first 64-byte
 * block (or the fast start line), the fields by fields_fast, then CRLF
 * and a body that fits. A start line of any other shape returns FAST_NO
 * before anything is reported, and msg_parse_careful parses the message
 * from its start; a line fields_fast leaves (and a missing empty line or
 * short body) goes on in msg_parse_rest, the careful loop: the verdicts
 * and errors come from one place. A Content-Length error is fields_fast's,
 * which is that of the careful loop. len >= 64, !SIP_PARSE__CAREFUL. */
static inline int msg_parse_fast(struct sip_msg *msg, const char *buf, size_t len, unsigned flags,
				 struct sip_parse_error *err)
{
	const char *const end = buf + len;
	struct hdr_chain ch;
	uint16_t n = 0;
	int rc;

	if ((flags & SIP_PARSE_STREAM) && (buf[0] == '\r' || buf[0] == '\n'))
		return FAST_NO;
	msg_reset(msg, buf, &ch, err);

	/* the start line: in the first block, whose '\n' mask then starts
	 * the split, or longer */
	const char *p = buf, *blk = NULL, *nl;
	uint64_t blk_m = 0, lf = lf_mask64(buf);
	size_t li;
	if (bit_scan(lf, &li)) {
		nl = buf + li;
		if (li == 0 || nl[-1] != '\r' || !start_line_block(msg, buf, nl - 1))
			return FAST_NO;
		blk = buf;
		blk_m = lf & (lf - 1);
	} else {
		nl = lf_find(buf + 64, end, buf);
		if (!nl || nl[-1] != '\r' || !start_line_fast(msg, buf, nl - 1, end))
			return FAST_NO;
	}
	msg->start_line = slice_span(buf, nl - 1);
	p = nl + 1;

	p = fields_fast(msg, &ch, &n, p, end, buf, blk, blk_m, &rc, err);
	if (rc < 0)
		return rc;
	/* A field line that starts in the last 16 bytes ("l: 0" before the
	 * empty line) is one fields_fast leaves: the plain shape (a known
	 * name, ':', CRLF, not folded) is taken here by the careful loop's
	 * own steps, byte by byte (at most 16); any other goes to it. */
	while (end - p < 16 && p < end && *p != '\r') {
		const char *q = p, *colon = NULL;
		for (; q < end && *q != '\n'; q++)
			if (*q == ':' && !colon)
				colon = q;
		if (q >= end - 1 || q[-1] != '\r' || !colon || colon == p || is_ws(q[1]))
			break;
		enum sip_hdr_id id = sip_hdr_lookup_at(p, (size_t)(colon - p), (size_t)(end - p));
		if (id == SIP_HDR_OTHER)
			break;
		rc = hdr_add(msg, &ch, &n, buf, id, p, slice_span(p, colon), value_trim(colon + 1, q - 1),
			     err);
		if (rc < 0)
			return rc;
		p = q + 1;
	}
	/* the empty line and a body that fits, else the careful loop goes
	 * on from the line fields_fast left */
	size_t head_len = (size_t)(p - buf) + 2, avail = len - head_len, body_len = avail;
	if (end - p < 2 || p[0] != '\r' || p[1] != '\n' ||
	    (msg->has_content_length ? avail < msg->content_length : (flags & SIP_PARSE_STREAM)))
		return msg_parse_rest(msg, buf, len, flags, err, &ch, n, p);
	if (msg->has_content_length)
		body_len = msg->content_length; /* extra octets ignored (RFC 4475 dblreq) */
	msg->nhdrs = n;
	msg->head_len = head_len;
	msg->body = slice_make(buf + head_len, body_len);
	msg->len = head_len + body_len;
	return (int)msg->len;
}
#endif

int sip_msg_parse(struct sip_msg *msg, const char *buf, size_t len, unsigned flags,
		  struct sip_parse_error *err)
{
#if defined(__SSE2__)
	if (!(flags & SIP_PARSE__CAREFUL) && len >= 64 && len <= INT_MAX) {
		int rc = msg_parse_fast(msg, buf, len, flags, err);
		if (rc != FAST_NO)
			return rc;
	}
#endif
	return msg_parse_careful(msg, buf, len, flags, err);
}

int sip_fields_parse(struct sip_msg *msg, const char *buf, size_t len, unsigned flags,
		     struct sip_parse_error *err)
{
	struct hdr_chain ch;
	msg_reset(msg, buf, &ch, err);
	msg->start_line = SLICE_NULL;
	int rc = size_check(buf, len, err);
	if (rc < 0)
		return rc;
	if (len == 0) {
		if (err)
			err->code = -EAGAIN;
		return -EAGAIN;
	}
	/* fields_fast reads the byte before a line's LF, which for an empty
	 * first line would be before buf: that line is the careful loop's */
	if (buf[0] == '\n')
		flags |= SIP_PARSE__CAREFUL;
	return msg_parse_rest(msg, buf, len, flags, err, &ch, 0, buf);
}

const struct sip_hdr *sip_hdr_first(const struct sip_msg *msg, enum sip_hdr_id id)
{
	if ((unsigned)id >= SIP_HDR__COUNT || msg->nhdrs == 0)
		return NULL;
	uint16_t i = msg->first[id];
	return i == SIP_HDR_NONE || i >= msg->nhdrs ? NULL : &msg->hdrs[i];
}

const struct sip_hdr *sip_hdr_next(const struct sip_msg *msg, const struct sip_hdr *h)
{
	uint16_t i = h->next;
	return i == SIP_HDR_NONE || i >= msg->nhdrs ? NULL : &msg->hdrs[i];
}

const struct sip_hdr *sip_hdr_next_named(const struct sip_msg *msg, const struct sip_hdr *prev,
					 const char *name)
{
	const struct sip_hdr *h = prev ? sip_hdr_next(msg, prev) : sip_hdr_first(msg, SIP_HDR_OTHER);
	for (; h; h = sip_hdr_next(msg, h))
		if (slice_caseeq_cstr(h->name, name))
			return h;
	return NULL;
}

unsigned sip_hdr_count(const struct sip_msg *msg, enum sip_hdr_id id)
{
	unsigned c = 0;
	for (const struct sip_hdr *h = sip_hdr_first(msg, id); h; h = sip_hdr_next(msg, h))
		c++;
	return c;
}
