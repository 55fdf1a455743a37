/* check.c: the full typed decode of a parsed message (RFC 3261 §7.3.1 lists,
 * §8.1.1 single-value fields, §20 header syntax, §18.3 Content-Length).
 *
 * One pass over the fields: each is decoded once into its typed struct
 * (CSeq into the one the method compare reads), err not cleared between
 * fields (a failing field is decoded again from a clear err for the error
 * of record), lists through their cursor decoders called directly, token
 * lists judged sixteen bytes at a time. What is rare (the slice decoders
 * that give the verdict of record when a fast path declines, the errors of
 * the message) is out of line. The code that is inlined here competes
 * with the decoders for GCC's LTO inline budget (inline-unit-growth): a
 * few more inlined SIMD steps in this file made the token run scanner
 * stop being inlined into the Via, name-addr and Security-* decoders,
 * which cost more than it saved, and changes that look neutral here (a
 * __builtin_expect, a noinline, a pointer for a slice) have moved the
 * whole by 10 to 100 instructions a message either way; measure the whole
 * of ours-full after a change here, not this file alone. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "decode_internal.h"
#include "auth_internal.h"
#include "hdr_scan.h"

/* Completes err for a failure inside header h (or the request line when h
 * is NULL): err->at defaults to `at` when the decoder left it unset. */
static int fail_in(const struct sip_msg *msg, const struct sip_hdr *h, int rc, const char *at,
		   const char *reason, struct sip_parse_error *err)
{
	err->code = rc < 0 ? rc : -EBADMSG;
	if (!err->at || err->at < msg->buf || err->at > msg->buf + msg->len)
		err->at = at;
	if (!err->reason)
		err->reason = reason;
	err->hdr = h ? h->id : SIP_HDR_OTHER;
	err->offset = (size_t)(err->at - msg->buf);
	return err->code;
}

static void err_clear(struct sip_parse_error *err)
{
	err->code = 0;
	err->at = NULL;
	err->reason = NULL;
	err->hdr = SIP_HDR_OTHER;
	err->offset = 0;
}

/* The kinds of comma-list element, for the slice path. */
enum element_kind {
	EL_VIA,
	EL_ADDR,
	EL_NAME_ADDR, /* name-addr only: Route, Record-Route, Path, Service-Route, P-Associated-URI */
	EL_WARNING,
	EL_TOKPARAMS,     /* token or quoted-string: P-Visited-Network-ID */
	EL_TOKEN_PARAMS,  /* token only: P-Access-Network-Info, Reason */
	EL_SEC_MECH,
	EL_MEDIA,
};

static int content_type_decode(struct slice v, struct sip_parse_error *err);

static int element_decode(enum element_kind kind, struct slice item, struct sip_parse_error *err)
{
	switch (kind) {
	case EL_VIA: {
		struct sip_via via;
		return sip_via_decode(&via, item, err);
	}
	case EL_ADDR: {
		struct sip_addr addr;
		return sip_addr_decode(&addr, item, 0, err);
	}
	case EL_NAME_ADDR: {
		struct sip_addr addr;
		return sip_addr_decode(&addr, item, SIP_ADDR_NAME_ADDR, err);
	}
	case EL_WARNING: {
		struct sip_warning w;
		return sip_warning_decode(&w, item, err);
	}
	case EL_TOKPARAMS:
	case EL_TOKEN_PARAMS: {
		struct sip_tokparams tp;
		int rc = sip_tokparams_decode(&tp, item, err);
		if (rc < 0)
			return rc;
		return sip_tokparams_shape_check(&tp, kind == EL_TOKPARAMS ? SIP_TOK_TOKEN_QUOTED : SIP_TOK_TOKEN,
						 err);
	}
	case EL_SEC_MECH: {
		struct sip_sec_mech m;
		return sip_sec_mech_decode(&m, item, err);
	}
	case EL_MEDIA:
		return content_type_decode(item, err);
	}
	return -EINVAL;
}

/* A value that is empty (or LWS only) where the field's grammar asks for
 * at least one element: RFC 3261 §25.1 writes Via, Contact, Route,
 * Record-Route, Require, Proxy-Require, Unsupported, Content-Encoding,
 * Content-Language, Warning, User-Agent and Server as "HCOLON element
 * *(COMMA element)" (or *(LWS element)), as RFC 3325, 3326, 3327, 3329,
 * 3608, 6665 and 7315 write theirs. Only Allow, Supported, Accept (RFC 3261
 * "HCOLON [element *(COMMA element)]") and P-Associated-URI (RFC 7315 §4.1:
 * the registrar sends it empty when no URI is associated) may be empty. */
static inline bool field_may_be_empty(enum sip_hdr_id id)
{
	return id == SIP_HDR_ALLOW || id == SIP_HDR_SUPPORTED || id == SIP_HDR_ACCEPT ||
	       id == SIP_HDR_P_ASSOCIATED_URI;
}

static __attribute__((noinline, cold)) int empty_fail(struct slice v, struct sip_parse_error *err)
{
	err->at = v.ptr;
	err->reason = "empty header field value: the field needs at least one element";
	return -EBADMSG;
}

/* The elements from v on, each split by sip_list_next and decoded as a
 * slice: the verdict of record (and the path of the element kinds without
 * a cursor decoder); a list of no element is an error unless may_be_empty.
 * Out of line: the fast path below takes the common case. */
static __attribute__((noinline, cold)) int list_decode_slow(struct slice v, enum element_kind kind,
							      bool may_be_empty, struct sip_parse_error *err)
{
	struct sip_list it;
	struct slice item;
	unsigned n = 0;
	int rc;
	sip_list_init(&it, v);
	while ((rc = sip_list_next(&it, &item, err)) > 0) {
		rc = element_decode(kind, item, err);
		if (rc < 0)
			return rc;
		n++;
	}
	if (rc == 0 && n == 0 && !may_be_empty)
		return empty_fail(v, err);
	return rc;
}

/* SP HTAB CR LF: what the list scanners step over between elements. */
static inline bool lws_byte(unsigned char c)
{
	return c <= ' ' && ((1ull << c) & (1ull << ' ' | 1ull << '\t' | 1ull << '\r' | 1ull << '\n'));
}

static inline const char *skip_lws_bytes(const char *p, const char *end)
{
	/* one test when there is none (the start of a value, "a,b") */
	if (p < end && (unsigned char)*p <= ' ')
		while (p < end && lws_byte((unsigned char)*p))
			p++;
	return p;
}

/* For EL_TOKPARAMS on the cursor path: the field takes a token only (no
 * quoted-string), as EL_TOKEN_PARAMS on the slice path. One instance of the
 * inlined list loop serves both. */
#define TP_TOKEN_ONLY 1u

/* One element from sc->p by the cursor decoder of kind; flags: SIP_ADDR_*
 * for the address kinds, TP_TOKEN_ONLY for EL_TOKPARAMS. */
static inline __attribute__((always_inline)) int
list_element_at(struct scan *sc, enum element_kind kind, unsigned flags, struct sip_parse_error *err)
{
	if (kind == EL_VIA) {
		struct sip_via via;
		return sip_via_decode_at(&via, sc, err);
	} else if (kind == EL_ADDR || kind == EL_NAME_ADDR) {
		struct sip_addr addr;
		return sip_addr_decode_at(&addr, sc, flags, err);
	} else if (kind == EL_SEC_MECH) {
		struct sip_sec_mech m;
		return sip_sec_mech_decode_at(&m, sc, err);
	} else {
		/* a value the field does not take: the slow path's error */
		struct sip_tokparams tp;
		int rc = sip_tokparams_decode_at(&tp, sc, err);
		if (rc < 0 || tp.media || (tp.quoted && (flags & TP_TOKEN_ONLY)))
			return -1;
		return 0;
	}
}

/* A comma list read once, each element decoded from the cursor up to its
 * ',' by the cursor decoder of kind (decode_internal.h, called directly:
 * kind is a constant at every call). 0, or -EAGAIN when an element is one
 * the cursor decoders leave to the slice path, which then decodes the whole
 * value again and gives the verdict, offset and reason of record (also for
 * a value of no element, which only some fields allow). err->at
 * and err->reason are NULL again on -EAGAIN (on entry they may hold what
 * an earlier field's decoder left: sip_msg_check decodes a failing field
 * again from a clear err for the error of record). */
static inline __attribute__((always_inline)) int
list_decode_fast(struct slice v, enum element_kind kind, unsigned flags, struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	if (!p)
		return -EAGAIN;
	p = skip_lws_bytes(p, end);
	if (p >= end)
		goto decline;
	/* the first element apart: most lists have one */
	struct scan sc = { p, end };
	if (list_element_at(&sc, kind, flags, err) < 0)
		goto decline;
	if (sc.p >= end)
		return 0;
	for (;;) {
		/* sc.p on the ',' that ends the element */
		p = skip_lws_bytes(sc.p + 1, end);
		if (p >= end)
			break; /* a ',' that ends the list: the slice path's error */
		sc.p = p;
		sc.end = end;
		if (list_element_at(&sc, kind, flags, err) < 0)
			break;
		if (sc.p >= end)
			return 0;
	}
decline:
	err->at = NULL;
	err->reason = NULL;
	return -EAGAIN;
}

static int via_list_decode(struct slice v, struct sip_parse_error *err)
{
	if (list_decode_fast(v, EL_VIA, 0, err) == 0)
		return 0;
	return list_decode_slow(v, EL_VIA, false, err);
}

/* P-Asserted-Identity, P-Preferred-Identity: name-addr or addr-spec, at
 * least one */
static int addr_list_decode(struct slice v, struct sip_parse_error *err)
{
	if (list_decode_fast(v, EL_ADDR, 0, err) == 0)
		return 0;
	return list_decode_slow(v, EL_ADDR, false, err);
}

/* The lists of name-addr only (RFC 3261 §25.1 route-param and rec-route,
 * RFC 3327 path-value, RFC 3608 sr-value, RFC 7315 p-aso-uri-spec): an
 * addr-spec there would read its URI parameters (";lr") as the header's.
 * The cursor decoder leaves an element that does not open with '<' or '"'
 * to the slice path, which refuses the addr-spec. may_be_empty:
 * field_may_be_empty (read on the slow path only). */
static int name_addr_list_decode(struct slice v, bool may_be_empty, struct sip_parse_error *err)
{
	if (list_decode_fast(v, EL_NAME_ADDR, SIP_ADDR_NAME_ADDR, err) == 0)
		return 0;
	return list_decode_slow(v, EL_NAME_ADDR, may_be_empty, err);
}

static __attribute__((noinline)) int sec_mech_list_decode(struct slice v, struct sip_parse_error *err)
{
	struct sip_sec_mech m;
	size_t n;
	/* no offer (an empty value): the slow path's error */
	if (sip_sec_mech_list_run(v, &m, 1, &n, err) == 0 && n)
		return 0;
	return list_decode_slow(v, EL_SEC_MECH, false, err);
}

/* P-Visited-Network-ID (token_only false), P-Access-Network-Info, Reason */
static int tokparams_list_decode(struct slice v, bool token_only, struct sip_parse_error *err)
{
	if (list_decode_fast(v, EL_TOKPARAMS, token_only ? TP_TOKEN_ONLY : 0, err) == 0)
		return 0;
	return list_decode_slow(v, token_only ? EL_TOKEN_PARAMS : EL_TOKPARAMS, false, err);
}

/* The single-value fields read as a token with params (Event,
 * Subscription-State, Session-Expires, Content-Disposition, Priority), their
 * value as sip_tokparams_shape_check takes it; a plain token without the
 * call (out of line, this cost 17 instructions a message more on
 * bench-parse's NOTIFY). */
static int tokparams_field_decode(const struct sip_hdr *h, struct sip_parse_error *err)
{
	struct sip_tokparams tp;
	int rc = sip_tokparams_decode(&tp, h->value, err);
	if (rc < 0)
		return rc;
	enum sip_tok_shape shape = SIP_TOK_TOKEN;
	if (h->id == SIP_HDR_EVENT)
		shape = SIP_TOK_EVENT_TYPE;
	else if (h->id == SIP_HDR_SESSION_EXPIRES)
		shape = SIP_TOK_DELTA_SECONDS;
	/* a plain token (Subscription-State: active, Event: reg) is taken */
	if (!tp.quoted && !tp.media && (shape == SIP_TOK_TOKEN || !memchr(tp.value.ptr, '.', tp.value.len)) &&
	    shape != SIP_TOK_DELTA_SECONDS)
		return 0;
	return sip_tokparams_shape_check(&tp, shape, err);
}

/* A list of tokens, the verdict of record: no element may hold a quote or
 * '<', so the commas split it as they stand (any quote is then a token
 * error of its element). The pass before the split accepts the LWS forms
 * the split accepts too (folds, LWS around the value); a value of LWS only
 * has no element. */
static __attribute__((noinline, cold)) int token_list_decode_slow(struct slice v, enum sip_hdr_id id,
								   struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = p + v.len;
	if (slice_trim(v).len == 0) /* LWS only: no element */
		return field_may_be_empty(id) ? 0 : empty_fail(v, err);
	for (const char *q = p;;) {
		q = skip_lws_bytes(q, end);
		const char *t = scan_class_span(q, end, SCAN_TOKEN);
		if (t == q)
			break;
		q = skip_lws_bytes(t, end);
		if (q >= end)
			return 0;
		if (*q != ',')
			break;
		q++;
	}
	for (;;) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		const char *e = c ? c : end;
		struct slice tok, item = slice_trim(slice_span(p, e));
		if (item.len == 0) {
			/* at the comma that opens or closes the empty element */
			err->at = c ? c : p - 1;
			err->reason = "empty element in a comma-separated list";
			return -EBADMSG;
		}
		int rc = sip_token_decode(&tok, item, err);
		if (rc < 0)
			return rc;
		if (!c)
			return 0;
		p = c + 1;
	}
}

/* The end of the token run from p (start <= p < end, start the start of
 * the value): its first byte that is not a token byte, or end. Sixteen
 * bytes a step with SSSE3; near the end of a value of 16 bytes or more, the
 * last sixteen bytes of the value, shifted, so nothing past end is read. */
static inline const char *token_end(const char *p, const char *start, const char *end)
{
#if defined(__SSSE3__)
	if (end - start >= 16) {
		for (;;) {
			size_t left = (size_t)(end - p);
			unsigned m;
			if (left >= 16) {
				m = scan_nontoken16(p);
			} else {
				if (left == 0)
					return end;
				m = (scan_nontoken16(end - 16) >> (16 - left)) | (1u << left);
			}
			if (m)
				return p + __builtin_ctz(m);
			p += 16;
		}
	}
#else
	(void)start;
#endif
	while (p < end && scan_is((unsigned char)*p, SCAN_TOKEN))
		p++;
	return p;
}

/* token *(LWS? "," LWS?) token (Require, Supported, Allow, ...) in one pass,
 * from token to token; any other form (LWS at the ends, a fold, an empty
 * element, a byte that is not a token byte) goes to the slice path for the
 * verdict, the offset and the reason. */
static __attribute__((noinline)) int token_list_walk(struct slice v, enum sip_hdr_id id,
						     struct sip_parse_error *err)
{
	const char *start = v.ptr, *end = start + v.len, *p = start;
	for (;;) {
		const char *t = token_end(p, start, end);
		if (t == p)
			break;
		if (t == end)
			return 0;
		if (*t != ',') {
			while (t < end && (*t == ' ' || *t == '\t'))
				t++;
			if (t == end)
				return 0;
			if (*t != ',')
				break;
		}
		if (++t < end && (*t == ' ' || *t == '\t'))
			while (++t < end && (*t == ' ' || *t == '\t'))
				;
		if (t == end)
			break; /* a trailing comma */
		p = t;
	}
	return token_list_decode_slow(v, id, err);
}

#if defined(__SSSE3__)
/* Whether the len bytes at p (len >= 1; the sixteen-byte blocks from p
 * that cover them are readable) are token *("," [SP] token): the form of
 * nearly every token list written. Sixteen bytes a step, each byte judged
 * by its class and that of the byte before it (a bit set in bad is a byte
 * out of that form), so there is no walk from token to token:
 *   a byte that is not a token byte, ',' or SP;
 *   SP not after ',';  ',' not after a token byte (or first);
 * and the last byte a token byte. Of the pairs of bytes these leave only
 * token-token, token-',', ','-token, ','-SP and SP-token, so after ','
 * comes a token byte or SP and after SP a token byte without a test of
 * their own. The bytes past len are masked off. A
 * last block of token bytes only ends the list at once (one token, the
 * common Require: sec-agree, or the last one after a ',' or SP of the
 * block before, which the byte after them then satisfies). */
static inline bool token_list_simple(const char *p, size_t len)
{
	const __m128i comma = _mm_set1_epi8(','), sp = _mm_set1_epi8(' ');
	__m128i pc = _mm_setzero_si128(), pnt = _mm_cmpeq_epi8(pc, pc);
	for (;;) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i nt = scan_notin16_bytes(v, scan_rows_token);
		unsigned ntm = (unsigned)_mm_movemask_epi8(nt);
		if (len <= 16 && !(ntm & ((2u << (len - 1)) - 1)))
			return true; /* the rest one token: "sec-agree" */
		__m128i c = _mm_cmpeq_epi8(v, comma), s = _mm_cmpeq_epi8(v, sp);
		__m128i shc = _mm_alignr_epi8(c, pc, 15), shnt = _mm_alignr_epi8(nt, pnt, 15);
		__m128i bad = _mm_andnot_si128(_mm_or_si128(c, s), nt);
		bad = _mm_or_si128(bad, _mm_andnot_si128(shc, s));
		bad = _mm_or_si128(bad, _mm_and_si128(c, shnt));
		unsigned m = (unsigned)_mm_movemask_epi8(bad);
		if (len <= 16) {
			unsigned last = 1u << (len - 1);
			m &= last | (last - 1);
			m |= ntm & last;
			return m == 0;
		}
		if (m)
			return false;
		pc = c;
		pnt = nt;
		p += 16;
		len -= 16;
	}
}
#endif

/* A token list: the simple form judged sixteen bytes at a time when the
 * blocks that cover the value lie inside the message (buf, lim: the value
 * is followed by at least its CRLF there, so it is the rare value at the
 * end of a message that is walked); the walk from token to token
 * otherwise, the slice path for anything else. */
static inline int token_list_decode(struct slice v, enum sip_hdr_id id, const char *buf,
				    const char *lim, struct sip_parse_error *err)
{
	if (v.len == 0)
		return field_may_be_empty(id) ? 0 : empty_fail(v, err);
#if defined(__SSSE3__)
	uintptr_t at = (uintptr_t)v.ptr;
	if (at >= (uintptr_t)buf && at <= (uintptr_t)lim &&
	    ((v.len + 15) & ~(size_t)15) <= (size_t)((uintptr_t)lim - at) && token_list_simple(v.ptr, v.len))
		return 0;
#else
	(void)buf;
	(void)lim;
#endif
	return token_list_walk(v, id, err);
}

/* Contact = ( STAR / (contact-param *(COMMA contact-param)) ) (§20.10):
 * "*" stands alone in its field (that it is the only Contact field is
 * checked by sip_msg_check, for the message). The slice path: the verdict
 * of record, and the one place "*" is decoded. */
static __attribute__((noinline, cold)) int contact_decode_slow(struct slice v,
								struct sip_parse_error *err)
{
	struct sip_list it;
	struct slice item;
	struct sip_addr addr;
	const char *star = NULL;
	unsigned count = 0;
	int rc;
	sip_list_init(&it, v);
	while ((rc = sip_list_next(&it, &item, err)) > 0) {
		rc = sip_addr_decode(&addr, item, SIP_ADDR_ALLOW_STAR, err);
		if (rc < 0)
			return rc;
		if (addr.star)
			star = item.ptr;
		count++;
	}
	if (rc < 0)
		return rc;
	if (count == 0)
		return empty_fail(v, err);
	if (star && count > 1) {
		err->at = star;
		err->reason = "Contact: \"*\" must be the only contact";
		return -EBADMSG;
	}
	return 0;
}

static int contact_decode(struct slice v, struct sip_parse_error *err)
{
	/* "*" is left to the slice path: a fast pass has none */
	if (list_decode_fast(v, EL_ADDR, SIP_ADDR_ALLOW_STAR, err) == 0)
		return 0;
	return contact_decode_slow(v, err);
}

/* Privacy = priv-value *(";" priv-value) (RFC 3323 §4.2): each a token. */
static int privacy_decode(struct slice v, struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	for (;;) {
		const char *s = p;
		while (p < end && *p != ';')
			p++;
		struct slice tok, item = slice_trim(slice_span(s, p));
		if (item.len == 0) {
			if (err)
				err->at = s;
			return -EBADMSG;
		}
		int rc = sip_token_decode(&tok, item, err);
		if (rc < 0)
			return rc;
		if (p >= end)
			return 0;
		p++;
	}
}

/* name[=value] *(;name[=value]) as nearly always written: no LWS, each
 * value a token (a host name or an IPv4 address is one) or a quoted-string
 * without escape or line break. One token run for a name and one for a
 * value, reading only the value; true when the whole value is of that
 * form (and holds a parameter), which the sip_genparam_next walk then
 * accepts; false for everything else, which that walk reads for the
 * verdict. */
static inline bool params_simple(struct slice v)
{
	const char *lo = v.ptr, *p = lo, *end = lo + v.len;
	if (!p || p == end)
		return false;
	for (;;) {
		const char *s = p;
		p = hdr_token_end(p, lo, end);
		if (p == s)
			return false;
		if (p < end && *p == '=') {
			p++;
			if (p < end && *p == '"') {
				const char *q = hdr_quote_stop(p + 1, lo, end);
				if (q >= end || *q != '"')
					return false;
				p = q + 1;
			} else {
				s = p;
				p = hdr_token_end(p, lo, end);
				if (p == s)
					return false;
			}
		}
		if (p == end)
			return true;
		if (*p != ';')
			return false;
		p++;
	}
}

/* A field made only of parameters, generic-params (RFC 7315 §4.5, §4.6:
 * each value a gen-value, token / host / quoted-string, so an icid-value
 * with ':' or '=' is quoted): generic-param *(SEMI generic-param). */
static int params_only_decode(struct slice v, struct sip_parse_error *err)
{
	if (params_simple(v))
		return 0;
	struct scan sc;
	struct sip_param prm;
	int rc;
	scan_init(&sc, v);
	rc = sip_genparam_next(&sc, v.ptr, &prm, SIP_GENPARAM_FIRST, err);
	if (rc == 0) {
		err->at = v.ptr;
		err->reason = "expected parameters";
		return -EBADMSG;
	}
	while (rc > 0)
		rc = sip_genparam_next(&sc, v.ptr, &prm, 0, err);
	return rc;
}

/* media-type = m-type SLASH m-subtype *(SEMI m-parameter) (§20.15). */
static int content_type_decode(struct slice v, struct sip_parse_error *err)
{
	struct scan sc;
	struct slice t;
	scan_init(&sc, v);
	if (scan_token(&sc, &t) < 0 || scan_expect(&sc, '/', true) < 0) {
		if (err) {
			err->at = sc.p;
			err->reason = "media type: expected type \"/\" subtype";
		}
		return -EBADMSG;
	}
	scan_lws(&sc);
	if (scan_token(&sc, &t) < 0) {
		if (err) {
			err->at = sc.p;
			err->reason = "media type: expected a subtype token after \"/\"";
		}
		return -EBADMSG;
	}
	struct sip_param prm;
	int rc;
	scan_lws(&sc);
	if (!scan_eof(&sc) && *sc.p != ';') {
		if (err) {
			err->at = sc.p;
			err->reason = "media type: expected ';' and parameters after the type";
		}
		return -EBADMSG;
	}
	/* m-parameter (§20.15) and accept-param (§20.1): a generic-param's
	 * gen-value, token / host / quoted-string; a boundary with ':' or '/'
	 * is quoted (RFC 2046 §5.1.1) */
	while ((rc = sip_genparam_next(&sc, v.ptr, &prm, 0, err)) > 0)
		;
	return rc;
}

/* A media-type that is type "/" subtype alone ("application/sdp"), judged
 * by one class pass: its only byte that is not a token byte is one '/',
 * neither first nor last. Values of 3 to 32 bytes; the blocks read lie in
 * the value or, for one shorter than sixteen bytes, in the message (buf,
 * lim: the value is followed there by at least its CRLF). false for every
 * other value, which content_type_decode reads: it accepts these. */
static inline bool media_type_simple(struct slice v, const char *buf, const char *lim)
{
#if defined(__SSSE3__)
	uint32_t m;
	if (v.len < 3 || v.len > 32)
		return false;
	if (v.len >= 16) {
		m = scan_nontoken16(v.ptr) |
		    (scan_nontoken16(v.ptr + v.len - 16) >> (32 - v.len)) << 16;
	} else {
		uintptr_t at = (uintptr_t)v.ptr;
		if (at < (uintptr_t)buf || at > (uintptr_t)lim || (uintptr_t)lim - at < 16)
			return false;
		m = scan_nontoken16(v.ptr) & ((1u << v.len) - 1);
	}
	if (!m || (m & (m - 1)))
		return false;
	unsigned i = (unsigned)__builtin_ctz(m);
	return v.ptr[i] == '/' && i != 0 && i != v.len - 1;
#else
	(void)v;
	(void)buf;
	(void)lim;
	return false;
#endif
}

static int auth_decode_all(const struct sip_hdr *h, struct sip_parse_error *err)
{
	struct slice v = h->value, rest;
	do {
		struct sip_auth auth;
		rest = SLICE_NULL;
		int rc = sip_auth_decode(&auth, v, &rest, err);
		if (rc < 0)
			return rc;
		v = rest;
	} while (rest.ptr && rest.len);
	return 0;
}

static int product_decode_all(const struct sip_hdr *h, struct sip_parse_error *err)
{
	struct sip_product_it it;
	struct sip_product prod;
	int rc;
	sip_product_it_init(&it, h->value);
	while ((rc = sip_product_next(&it, &prod, err)) > 0)
		;
	return rc;
}

/* User-Agent and Server = server-val *(LWS server-val) (§20.35, §20.41):
 * a value that is empty or LWS only has none. Out of line, and apart from
 * product_decode_all: a second call of it (or of sip_product_next) made
 * GCC keep it out of line, a call on every User-Agent and Server. */
static __attribute__((noinline, cold)) bool value_blank(struct slice v)
{
	return slice_trim(v).len == 0;
}

/* header-value = *(TEXT-UTF8char / UTF8-CONT / LWS) (RFC 3261 §25.1): no
 * control byte but HTAB and the CR LF of a fold. escaped allows one after
 * a backslash (a quoted-pair, in the known fields not decoded further). */
static int text_value_check(struct slice v, bool escaped, struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	while ((p = scan_find_ctl(p, end)) < end) {
		if (!escaped || p == v.ptr || p[-1] != '\\') {
			err->at = p;
			err->reason = "control character in a header field value";
			return -EBADMSG;
		}
		p++;
	}
	return 0;
}

/* MIME-Version, out of the hot path (a REGISTER has none): inlined, its
 * call cost the common fields' switch 32 instructions a message. */
static __attribute__((noinline, cold)) int mime_version_check(struct slice v, struct sip_parse_error *err)
{
	uint32_t major, minor;
	return sip_mime_version_decode(&major, &minor, v, err);
}

/* One header with the decoder its id calls for; the fields with no decoder
 * here are checked for control bytes only. A CSeq is decoded into *cseq
 * (for the method compare of sip_msg_check). Each case reads h->value
 * itself (one slice held across the switch cost register copies on every
 * field). The verdict does not depend on what err holds on entry; the
 * offset and reason of record are those from a clear err. */
static inline __attribute__((always_inline)) int
hdr_decode(const struct sip_msg *msg, const struct sip_hdr *h, struct sip_cseq *cseq,
	   struct sip_parse_error *err)
{
	switch (h->id) {
	case SIP_HDR_VIA:
		return via_list_decode(h->value, err);
	case SIP_HDR_CONTACT:
		return contact_decode(h->value, err);
	case SIP_HDR_ROUTE:
	case SIP_HDR_RECORD_ROUTE:
	case SIP_HDR_PATH:
	case SIP_HDR_SERVICE_ROUTE:
	case SIP_HDR_P_ASSOCIATED_URI:
		return name_addr_list_decode(h->value, field_may_be_empty(h->id), err);
	case SIP_HDR_P_ASSERTED_IDENTITY:
	case SIP_HDR_P_PREFERRED_IDENTITY:
		/* PAssertedID-value = name-addr / addr-spec (RFC 3325 §9.1) */
		return addr_list_decode(h->value, err);
	case SIP_HDR_FROM:
	case SIP_HDR_TO:
	case SIP_HDR_REPLY_TO:
	case SIP_HDR_REFER_TO:
	case SIP_HDR_REFERRED_BY:
	case SIP_HDR_P_CALLED_PARTY_ID: {
		struct sip_addr addr;
		return sip_addr_decode(&addr, h->value, 0, err);
	}
	case SIP_HDR_CSEQ:
		return sip_cseq_decode(cseq, h->value, err);
	case SIP_HDR_EXPIRES:
	case SIP_HDR_MIN_EXPIRES:
	case SIP_HDR_MAX_FORWARDS:
	case SIP_HDR_CONTENT_LENGTH: {
		uint32_t u;
		return sip_u32_decode(&u, h->value, err);
	}
	case SIP_HDR_CALL_ID: {
		struct sip_call_id cid;
		return sip_call_id_decode(&cid, h->value, err);
	}
	case SIP_HDR_MIME_VERSION:
		return mime_version_check(h->value, err);
	case SIP_HDR_REQUIRE:
	case SIP_HDR_PROXY_REQUIRE:
	case SIP_HDR_SUPPORTED:
	case SIP_HDR_UNSUPPORTED:
	case SIP_HDR_ALLOW:
	case SIP_HDR_ALLOW_EVENTS:         /* RFC 6665 event-type list */
	case SIP_HDR_CONTENT_ENCODING:     /* §20.12 content-coding list */
	case SIP_HDR_CONTENT_LANGUAGE:     /* §20.13 language-tag list */
		return token_list_decode(h->value, h->id, msg->buf, msg->buf + msg->len, err);
	case SIP_HDR_PRIVACY:
		return privacy_decode(h->value, err);
	case SIP_HDR_WARNING:
		return list_decode_slow(h->value, EL_WARNING, false, err);
	case SIP_HDR_DATE: {
		struct sip_date d;
		return sip_date_decode(&d, h->value, err);
	}
	case SIP_HDR_RETRY_AFTER: {        /* §20.33 delta-seconds [comment] *(;retry-param) */
		struct sip_retry_after ra;
		return sip_retry_after_decode(&ra, h->value, err);
	}
	case SIP_HDR_USER_AGENT:
	case SIP_HDR_SERVER:
		/* a value the split gives never starts with LWS */
		if (__builtin_expect(h->value.len == 0 || (unsigned char)h->value.ptr[0] <= ' ', 0) &&
		    value_blank(h->value))
			return empty_fail(h->value, err);
		return product_decode_all(h, err);
	case SIP_HDR_P_VISITED_NETWORK_ID: /* RFC 7315 §4.3 (token / quoted-string) *(;param) */
	case SIP_HDR_P_ACCESS_NETWORK_INFO:
	case SIP_HDR_REASON:               /* RFC 3326 protocol *(;reason-params), list */
		return tokparams_list_decode(h->value, h->id != SIP_HDR_P_VISITED_NETWORK_ID, err);
	case SIP_HDR_EVENT:                /* RFC 6665 §8.4 event-type *(;event-param) */
	case SIP_HDR_SUBSCRIPTION_STATE:   /* RFC 6665 §8.2.3 substate-value *(;param) */
	case SIP_HDR_SESSION_EXPIRES:      /* RFC 4028 delta-seconds *(;se-params) */
	case SIP_HDR_CONTENT_DISPOSITION:  /* §20.11 disp-type *(;disp-param) */
	case SIP_HDR_PRIORITY:             /* §20.26 priority-value */
		return tokparams_field_decode(h, err);
	case SIP_HDR_ACCEPT:               /* §20.1 media-range *(;params), list */
		return list_decode_slow(h->value, EL_MEDIA, field_may_be_empty(h->id), err);
	case SIP_HDR_P_CHARGING_VECTOR:    /* RFC 7315 §4.6 icid-value and params */
	case SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES: /* RFC 7315 §4.5 ccf= / ecf= params */
		return params_only_decode(h->value, err);
	case SIP_HDR_CONTENT_TYPE:
		if (media_type_simple(h->value, msg->buf, msg->buf + msg->len))
			return 0;
		return content_type_decode(h->value, err);
	case SIP_HDR_AUTHORIZATION:
	case SIP_HDR_PROXY_AUTHORIZATION:
	case SIP_HDR_WWW_AUTHENTICATE:
	case SIP_HDR_PROXY_AUTHENTICATE:
		return auth_decode_all(h, err);
	case SIP_HDR_AUTHENTICATION_INFO: {
		struct sip_auth auth;
		return sip_auth_info_decode(&auth, h->value, err);
	}
	case SIP_HDR_SECURITY_CLIENT:
	case SIP_HDR_SECURITY_SERVER:
	case SIP_HDR_SECURITY_VERIFY:
		return sec_mech_list_decode(h->value, err);
	case SIP_HDR_OTHER:
		/* unknown syntax: kept as written, but text (RFC 3261 §25.1) */
		return text_value_check(h->value, false, err);
	default:
		return text_value_check(h->value, true, err);
	}
}

int sip_hdr_check(const struct sip_msg *msg, const struct sip_hdr *h, struct sip_parse_error *err)
{
	struct sip_parse_error local;
	struct sip_cseq cseq;
	int rc;
	if (!err)
		err = &local;
	err_clear(err);
	rc = hdr_decode(msg, h, &cseq, err);
	if (rc < 0)
		return fail_in(msg, h, rc, h->value.ptr, "malformed header field value", err);
	return 0;
}

/* The errors that tie the fields of a request together, out of line. */
static __attribute__((noinline, cold)) int msg_fail(const struct sip_msg *msg,
						     const struct sip_hdr *h, const char *at,
						     const char *dflt, const char *reason,
						     struct sip_parse_error *err)
{
	err_clear(err);
	err->at = at;
	return fail_in(msg, h, -EBADMSG, dflt, reason, err);
}

/* A "*" Contact among several Contact fields (§10.2.2): the first such. */
static __attribute__((noinline, cold)) int contact_star_check(const struct sip_msg *msg,
							       struct sip_parse_error *err)
{
	for (const struct sip_hdr *h = sip_hdr_first(msg, SIP_HDR_CONTACT); h; h = sip_hdr_next(msg, h)) {
		struct slice v = slice_trim(h->value);
		if (v.len == 1 && v.ptr[0] == '*')
			return msg_fail(msg, h, v.ptr, v.ptr, "Contact: \"*\" must be the only contact", err);
	}
	return 0;
}

/* Reason-Phrase = *(reserved / unreserved / escaped / UTF8-NONASCII /
 * UTF8-CONT / SP / HTAB) (RFC 3261 §25.1): its first control byte (HTAB
 * aside; a CR too, which a peer that ends lines at a CR takes for the end
 * of the status line), or NULL. */
static __attribute__((noinline, cold)) const char *reason_ctl_bytes(const char *p, const char *end)
{
	for (; p < end; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c < ' ' && c != '\t') || c == 0x7f)
			return p;
	}
	return NULL;
}

/* Eight bytes a step while eight lie before lim (the end of the message:
 * a status line is followed by CR LF and more, so the last step reads a
 * few bytes past the phrase, counted as SP); a step that holds a byte
 * below SP or DEL is read byte by byte. */
static inline __attribute__((always_inline)) const char *reason_ctl(struct slice r, const char *lim)
{
	if (!r.ptr) /* "SIP/2.0 200" with no phrase */
		return NULL;
	const char *p = r.ptr, *end = p + r.len;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	while (p < end && lim - p >= 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		size_t n = (size_t)(end - p);
		if (n < 8) {
			uint64_t keep = (1ull << (8 * n)) - 1;
			w = (w & keep) | (0x20 * ones & ~keep);
		}
		uint64_t del = w ^ 0x7f * ones;
		if (((w - 0x20 * ones) & ~w & highs) | ((del - ones) & ~del & highs))
			return reason_ctl_bytes(p, end); /* an HTAB, or what it says */
		p += 8;
	}
#endif
	return p < end ? reason_ctl_bytes(p, end) : NULL;
}

const char *sip_reason_ctl(const struct sip_msg *msg)
{
	return msg->is_request ? NULL : reason_ctl(msg->reason, msg->buf + msg->len);
}

/* Whether the CSeq method (as decoded) is the request's: the method ids
 * when both are known (both come from sip_method_lookup, exact and
 * case-sensitive, so equal known ids mean equal bytes), the bytes
 * otherwise. */
static inline bool method_eq(const struct sip_cseq *cseq, const struct sip_msg *msg)
{
	if (cseq->method_id != SIP_METHOD_OTHER && cseq->method_id == msg->method_id)
		return true;
	return slice_eq(cseq->method, msg->method);
}

int sip_msg_check(const struct sip_msg *msg, struct sip_parse_error *err)
{
	struct sip_parse_error local;
	struct sip_cseq cseq;
	int rc = 0;
	cseq.method = SLICE_NULL;
	if (!err)
		err = &local;
	err_clear(err);

	if (msg->is_request) {
		struct sip_uri uri;
		rc = sip_uri_decode(&uri, msg->ruri, err);
		if (rc < 0)
			return fail_in(msg, NULL, rc, msg->ruri.ptr, "malformed Request-URI", err);
		/* §19.1.1: headers are not allowed in a SIP Request-URI (RFC 4475 escruri) */
		if ((uri.scheme == SIP_URI_SIP || uri.scheme == SIP_URI_SIPS) && uri.headers.ptr)
			return msg_fail(msg, NULL, NULL, uri.headers.ptr - 1,
					"a SIP Request-URI must not carry headers (\"?...\")", err);
	} else {
		const char *c = reason_ctl(msg->reason, msg->buf + msg->len);
		if (__builtin_expect(c != NULL, 0))
			return msg_fail(msg, NULL, c, c, "control character in the Reason-Phrase", err);
	}
	/* §7.3.1 / §20: fields that allow one value appear once (RFC 4475
	 * multi01). The error is at the first field that repeats one, after
	 * the fields before it decoded: the pass stops there. The split names
	 * that field (msg->repeat), so the loop has no test of its own. */
	const struct sip_hdr *hdrs = msg->hdrs, *h = hdrs;
	const struct sip_hdr *again = NULL; /* the field decoded a second time */
	uint16_t n = msg->nhdrs;
	const struct sip_hdr *const stop = hdrs + (msg->repeat < n ? msg->repeat : n);
	while (h < stop) {
		/* err is not cleared before each field: what a field's decoder
		 * left in err on success may still be there. A failure decodes
		 * the field again from a clear err (the same inlined decode, so
		 * that there is one copy of it), which gives the offset and
		 * reason of record; the verdicts do not read err. The retry
		 * goes round the loop without h++ (a goto back into the loop
		 * body made GCC merge each case's rc into a flag and test
		 * that: 12 instructions a message more). rc != 0 is tested
		 * first: each case's result register tested and branched on,
		 * not its sign bit copied out (10 a message less); the
		 * verdict is that of rc < 0 alone. */
		rc = hdr_decode(msg, h, &cseq, err);
		if (__builtin_expect(rc != 0, 0) && rc < 0) {
			if (h == again)
				return fail_in(msg, h, rc, h->value.ptr, "malformed header field value", err);
			again = h;
			err->at = NULL;
			err->reason = NULL;
			continue; /* the same field again */
		}
		h++;
	}
	if (stop < hdrs + n)
		return msg_fail(msg, stop, NULL, stop->name.ptr,
				"header field allows one value but appears more than once", err);
	/* What ties the fields of a request together: the CSeq method is the
	 * request's (§8.1.1.5; RFC 4475 mismatch01, mismatch02), compared with
	 * the method the field pass decoded (a CSeq appears once), and a "*"
	 * Contact is the only Contact field (§10.2.2). */
	if (msg->is_request && cseq.method.ptr && !method_eq(&cseq, msg)) {
		const struct sip_hdr *hc = sip_hdr_first(msg, SIP_HDR_CSEQ);
		return msg_fail(msg, hc, cseq.method.ptr, hc->value.ptr,
				"CSeq method differs from the request method", err);
	}
	uint16_t c = msg->first[SIP_HDR_CONTACT];
	if (c < n && hdrs[c].next < n) {
		rc = contact_star_check(msg, err);
		if (rc < 0)
			return rc;
	}
	if (msg->has_content_length && msg->body.len != msg->content_length) {
		const struct sip_hdr *hl = sip_hdr_first(msg, SIP_HDR_CONTENT_LENGTH);
		return msg_fail(msg, hl, NULL, hl ? hl->value.ptr : msg->buf,
				"Content-Length disagrees with the length of the body", err);
	}
	err_clear(err);
	return 0;
}
