/* addr.c: name-addr / addr-spec with header parameters (RFC 3261 §20.10, §25: From, To, Contact, Route, Path, ...). */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <imsreg/sip.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "decode_internal.h"
#include "hdr_scan.h"
#include "uri_internal.h"

static inline bool is_lws_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The '>' that closes a name-addr: hdr_find(p, end, '>') with 32 bytes a
 * step (a URI is mostly 30 to 70 bytes), the tail the last sixteen bytes
 * of [lo, end) shifted. */
static inline const char *addr_find_gt(const char *p, const char *lo, const char *end)
{
#if defined(__SSE2__)
	const __m128i k = _mm_set1_epi8('>');
	while (end - p >= 32) {
		unsigned m = (unsigned)_mm_movemask_epi8(
				     _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), k)) |
			     (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
				     _mm_loadu_si128((const __m128i *)(const void *)(p + 16)), k))
				     << 16;
		if (m)
			return p + __builtin_ctz(m);
		p += 32;
	}
	if (end - p >= 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), k));
		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
	if (p < end && end - lo >= 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
				     _mm_loadu_si128((const __m128i *)(const void *)(end - 16)), k)) >>
			     (16 - (end - p));
		return m ? p + __builtin_ctz(m) : NULL;
	}
#else
	(void)lo;
#endif
	for (; p < end; p++)
		if (*p == '>')
			return p;
	return NULL;
}

/* qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) */
static bool addr_qvalue_ok(struct slice v)
{
	if (v.len == 0 || v.len > 5 || (v.ptr[0] != '0' && v.ptr[0] != '1'))
		return false;
	if (v.len == 1)
		return true;
	if (v.ptr[1] != '.')
		return false;
	for (size_t i = 2; i < v.len; i++)
		if (!hdr_is_digit((unsigned char)v.ptr[i]) || (v.ptr[0] == '1' && v.ptr[i] != '0'))
			return false;
	return true;
}

/* One header parameter: tag, q and expires matched by length and one
 * word compare; [lo, end) the readable bytes. One of them seen again is an
 * error: peers differ on which one counts (sofia-sip takes the first), so
 * the dialog's tag or the binding's expiry would depend on the reader. */
static inline __attribute__((always_inline)) int
addr_param(struct sip_addr *a, const struct sip_param *pm, const char *lo, const char *end,
	   struct sip_parse_error *err)
{
	struct slice n = pm->name, v = pm->value;
#define ADDR_AT (!v.ptr ? n.ptr : pm->quoted ? v.ptr - 1 : v.ptr)

	if (n.len == 3) {
		if (hdr_name_word(n.ptr, 3, lo, end) != HDR_LIT_WORD("tag"))
			return 0;
		/* tag-param = "tag" EQUAL token */
		if (!v.ptr || pm->quoted)
			return hdr_fail(err, -EBADMSG, ADDR_AT, "address: tag must be a token");
		if (a->tag.ptr)
			return hdr_fail(err, -EBADMSG, n.ptr, "address: tag given twice");
		a->tag = v;
	} else if (n.len == 1) {
		if (n.ptr[0] != 'q' && n.ptr[0] != 'Q')
			return 0;
		if (!v.ptr || pm->quoted || !addr_qvalue_ok(v))
			return hdr_fail(err, -EBADMSG, ADDR_AT,
					"address: q must be a qvalue from 0 to 1 with up to 3 decimals");
		if (a->q.ptr)
			return hdr_fail(err, -EBADMSG, n.ptr, "address: q given twice");
		a->q = v;
	} else if (n.len == 7) {
		if (hdr_name_word(n.ptr, 7, lo, end) != HDR_LIT_WORD("expires"))
			return 0;
		/* c-p-expires = "expires" EQUAL delta-seconds; larger than
		 * 2^32-1 is taken as 2^32-1 (RFC 3261 §20.19 gives the range;
		 * RFC 4475 scalar02 only notes the overlarge value) */
		uint32_t e;
		int rc = v.ptr && !pm->quoted ? hdr_u32(v, &e) : -EINVAL;
		if (rc == -EINVAL)
			return hdr_fail(err, -EBADMSG, ADDR_AT, "address: expires must be delta-seconds (digits)");
		if (a->has_expires)
			return hdr_fail(err, -EBADMSG, n.ptr, "address: expires given twice");
		if (rc == -ERANGE) {
			e = UINT32_MAX;
			a->expires_saturated = true;
		}
		a->has_expires = true;
		a->expires = e;
		a->expires_text = v;
	}
	return 0;
#undef ADDR_AT
}

/* The plain parameters from s on, each matched by its name's length and
 * one masked word compare and stored straight into a: ";name",
 * ";name=token" and ";name=\"text\"" (no escapes or line breaks) without
 * white space, tag a token, expires digits that fit 32 bits, any other
 * name skipped. What sip_genparam_next and addr_param conclude for them;
 * the cursor where the walk goes on is returned: at the end, or at the
 * first thing that is anything else (white space, a ',', q, an odd value,
 * what is an error: the walk reads and reports it from there). [lo, end)
 * the readable bytes. Inline in addr_fast and addr_run: out of line it
 * measured dearer, the call costing more than a short parameter. */
/* the lengths of the names addr_param knows (q, tag, expires): bit n */
#define ADDR_KNOWN_LEN ((1u << 1) | (1u << 3) | (1u << 7))
static inline __attribute__((always_inline)) const char *
addr_params_fast(struct sip_addr *a, const char *s, const char *lo, const char *end)
{
#if defined(__SSSE3__)
	if (end - lo < 16)
		return s;
	const char *last = end - 16;
#endif
	while (s != end && *s == ';') {
		const char *b = s + 1, *ne, *ve;
#if defined(__SSSE3__)
		/* bit i: b[i] is no token byte or lies at or past end; bit 16
		 * the bytes past the block. Near the end the last sixteen
		 * bytes of [lo, end), shifted (the bits above them set). */
		const char *l = b < last ? b : last;
		unsigned m = (scan_notin16(l, scan_rows_token) | 0xffff0000u) >> (b - l);
		unsigned i = (unsigned)__builtin_ctz(m);
		if (i == 0)
			break;
		ne = i < 16 ? b + i : hdr_token_end(b + 16, lo, end);
#else
		ne = hdr_token_end(b, lo, end);
		if (ne == b)
			break;
#endif
		size_t nl = (size_t)(ne - b);
		/* a name addr_param knows (only those lengths are compared) */
		bool known = nl < 8 && ((ADDR_KNOWN_LEN >> nl) & 1) &&
			     ((nl == 1 && (*b | 0x20) == 'q') ||
			      (nl == 3 && hdr_name_word(b, 3, lo, end) == HDR_LIT_WORD("tag")) ||
			      (nl == 7 && hdr_name_word(b, 7, lo, end) == HDR_LIT_WORD("expires")));
		if (ne == end || *ne != '=') {
			/* a flag: ends at the end or at no token byte, '=' or
			 * white space; tag, q and expires need a value */
			if (known || (ne != end && scan_is((unsigned char)*ne, SCAN_WS | SCAN_CRLF)))
				break;
			s = ne;
			continue;
		}
		if (ne + 1 != end && ne[1] == '"') {
			/* name="text" without escapes or line breaks (the IMS
			 * feature tags: +sip.instance, +g.3gpp.icsi-ref): no
			 * token run for the value first; tag, q and expires
			 * must not be quoted */
			if (known)
				break;
			const char *q = hdr_quote_stop(ne + 2, lo, end);
			if (q == end || *q != '"')
				break;
			s = q + 1;
			continue;
		}
#if defined(__SSSE3__)
		ve = hdr_value_end16(b, m, i, ne, lo, end);
#else
		ve = hdr_token_end(ne + 1, lo, end);
#endif
		if (ve != ne + 1) {
			/* name=token: a ':' after it is the walk's (its error) */
			if (ve != end && *ve == ':')
				break;
			if (known) {
				/* q, and a second tag or expires: the walk's */
				if (nl == 1 || (nl == 3 ? a->tag.ptr != NULL : a->has_expires))
					break;
				if (nl == 3) {
					a->tag = slice_span(ne + 1, ve);
				} else {
					uint32_t ex;
					if (hdr_u32(slice_span(ne + 1, ve), &ex) != 0)
						break;
					a->has_expires = true;
					a->expires = ex;
					a->expires_text = slice_span(ne + 1, ve);
				}
			}
			s = ve;
			continue;
		}
		/* "name=" before anything else: the walk's */
		break;
	}
	return s;
}

/* One address at sc, every form and every error. With list, a ',' after
 * it ends it (the cursor is left on it) as the end of the input does
 * otherwise; "*" and an addr-spec without <> are then left to the slice
 * decoder (-EAGAIN). With after (not NULL), addr_fast has read the
 * "<URI>" already, into a->uri, a->angle and a->uri_text, and after is the
 * byte past its '>': the header parameters are read from there. */
static __attribute__((noinline)) int addr_run(struct sip_addr *a, struct scan *scp, unsigned flags,
					      bool list, const char *after, struct sip_parse_error *err)
{
	struct scan sc = *scp;
	const char *lo = sc.p;
	bool angle = false;
	int rc;

	if (after) {
		/* addr_fast may have read some of the parameters: all are read
		 * again from after */
		a->tag = a->q = a->expires_text = SLICE_NULL;
		a->has_expires = a->expires_saturated = false;
		a->expires = 0;
		angle = true;
		goto params_or_end;
	}
	if (sc.p < sc.end && *sc.p == '<') {
		/* a "<URI>" that sip_uri_decode_gt did not take (addr_fast
		 * tried it): what the steps below read there */
		const char *gt = addr_find_gt(sc.p + 1, lo, sc.end);
		if (gt) {
			a->angle = true;
			a->uri_text = slice_span(sc.p + 1, gt);
			angle = true;
			after = gt + 1;
			goto uri;
		}
	}
	hdr_lws(&sc);
	if (scan_eof(&sc))
		return hdr_fail(err, -EBADMSG, sc.p, "address: empty");

	const char *start = sc.p;
	if (list && (*start == '*' || (*start != '"' && *start != '<')))
		return -EAGAIN;
	if (*start == '*') {
		const char *p = sc.p;
		sc.p++;
		hdr_lws(&sc);
		if (scan_eof(&sc)) {
			if (!(flags & SIP_ADDR_ALLOW_STAR))
				return hdr_fail(err, -EBADMSG, p, "address: '*' is only allowed in Contact");
			a->star = true;
			memset(&a->uri, 0, sizeof(a->uri));
			return 0;
		}
		if (flags & SIP_ADDR_ALLOW_STAR)
			return hdr_fail(err, -EBADMSG, sc.p,
					"address: '*' must stand alone in Contact (RFC 3261 §20.10)");
		sc.p = p;
	}

	/* name-addr = [ display-name ] LAQUOT addr-spec RAQUOT
	 * display-name = *(token LWS) / quoted-string */
	if (*start == '"') {
		if (sip_quoted_scan(&sc, NULL) < 0)
			return hdr_fail(err, -EBADMSG, sc.p,
					"address: unterminated quoted display name");
		a->display = slice_span(start, sc.p);
		a->display_quoted = true;
		if (!hdr_sws_accept(&sc, '<'))
			return hdr_fail(err, -EBADMSG, sc.p, "address: expected '<' after the display name");
		angle = true;
	} else if (*start == '<') {
		sc.p++;
		angle = true;
	} else {
		struct slice tok;
		if (hdr_token(&sc, &tok) < 0)
			return hdr_fail(err, -EBADMSG, sc.p,
					"address: expected a display name, '<' or a URI");
		if (scan_eof(&sc) || *sc.p != ':') {
			/* token display name; LWS before '<' may be absent (RFC 4475 lwsdisp) */
			const char *last = sc.p;
			for (;;) {
				hdr_lws(&sc);
				if (scan_eof(&sc))
					return hdr_fail(err, -EBADMSG, sc.p,
							"address: expected '<' after the display name");
				if (*sc.p == '<')
					break;
				if (hdr_token(&sc, &tok) < 0)
					return hdr_fail(err, -EBADMSG, sc.p,
							*sc.p == ':' ? "address: expected '<' before the URI"
							: *sc.p == '@' ? "address: expected a URI with a scheme (\"sip:\")"
							: "address: a display name that is not made of tokens must be quoted");
				last = sc.p;
			}
			a->display = slice_span(start, last);
			sc.p++;
			angle = true;
		} else {
			sc.p = start;
		}
	}

	if (angle) {
		const char *open = sc.p - 1;
		const char *gt = addr_find_gt(sc.p, lo, sc.end);
		if (!gt)
			return hdr_fail(err, -EBADMSG, open, "address: '<' without '>'");
		a->angle = true;
		a->uri_text = slice_span(sc.p, gt);
		after = gt + 1;
	} else {
		if (flags & SIP_ADDR_NAME_ADDR)
			return hdr_fail(err, -EBADMSG, start,
					"address: this header takes a name-addr: enclose the URI in <> "
					"(without them, what follows a ';', lr included, is a header "
					"parameter, not the URI's)");
		/* addr-spec: RFC 3261 §20.10, a URI with ',' '?' or ';' must be in
		 * <>, so the URI ends at the first ';' or white space */
		const char *p = start;
		while (p < sc.end && *p != ';' && !is_lws_byte(*p)) {
			if (*p == '?' || *p == ',')
				return hdr_fail(err, -EBADMSG, p,
						"address: a URI with '?' or ',' must be enclosed in <> (RFC 3261 §20.10)");
			p++;
		}
		a->uri_text = slice_span(start, p);
		after = p;
	}
uri:
	rc = sip_uri_decode(&a->uri, a->uri_text, err);
	if (rc < 0)
		return rc;

params_or_end:
	/* *( SEMI header-param ) */
	sc.p = after;
	if (sc.p < sc.end && *sc.p == ';')
		goto params;
	hdr_lws(&sc);
	if (scan_eof(&sc) || (list && *sc.p == ',')) {
		*scp = sc;
		return 0;
	}
	if (*sc.p != ';') {
		if (!angle && sc.p != after)
			return hdr_fail(err, -EBADMSG, after,
					"address: white space inside an addr-spec (enclose the URI in <>)");
		return hdr_fail(err, -EBADMSG, sc.p,
				angle ? "address: expected ';' or the end after '>'"
				      : "address: unexpected character after the URI");
	}
params:
	a->params = slice_span(sc.p + 1, sc.end);
	sc.p = after;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (sc.end - sc.p >= 8) {
		/* ";tag=token" first (From, To): what sip_genparam_next and
		 * addr_param conclude for it, the walk going on after it */
		uint64_t w;
		memcpy(&w, sc.p, 8);
		if (((w | 0x20202000ull) & 0xffffffffffull) == (';' | 't' << 8 | 'a' << 16 | 'g' << 24 |
								  (uint64_t)'=' << 32)) {
			const char *v = sc.p + 5, *ve = hdr_token_end(v, lo, sc.end);
			if (ve != v) {
				a->tag = slice_span(v, ve);
				sc.p = ve;
			}
		} else if ((w | 0x2020202020202000ull) == HDR_LIT_WORD(";expires") &&
			   sc.end - sc.p >= 10 && sc.p[8] == '=') {
			/* ";expires=delta-seconds" first (Contact): the same, for
			 * a value of digits that fits 32 bits (the others, and
			 * their errors, are the walk's) */
			const char *v = sc.p + 9, *ve = hdr_token_end(v, lo, sc.end);
			uint32_t e;
			if (ve != v && hdr_u32(slice_span(v, ve), &e) == 0) {
				a->has_expires = true;
				a->expires = e;
				a->expires_text = slice_span(v, ve);
				sc.p = ve;
			}
		}
	}
#endif
	if (sc.p != sc.end && *sc.p == ';')
		sc.p = addr_params_fast(a, sc.p, lo, sc.end);
	struct sip_param pm;
	while ((rc = sip_genparam_next(&sc, lo, &pm, list ? SIP_GENPARAM_LIST : 0, err)) > 0) {
		rc = addr_param(a, &pm, lo, sc.end, err);
		if (rc < 0)
			return rc;
	}
	if (list)
		a->params.len = (size_t)(hdr_trim_end(a->params.ptr, sc.p) - a->params.ptr);
	*scp = sc;
	return rc;
}

/* The fields sip_uri_decode does not set (it clears a->uri itself). */
static inline void addr_clear(struct sip_addr *a)
{
	memset(a, 0, offsetof(struct sip_addr, uri));
	memset(&a->params, 0, sizeof(*a) - offsetof(struct sip_addr, params));
}

/* addr_fast's arguments but the address: behind one pointer, so that
 * they take one register across the inlined URI decoder, not three (the
 * cursor is read at the start and written at the end only; flags and err
 * only handed on to addr_run). */
struct addr_rest {
	struct scan *sc;
	bool list;
	unsigned flags;
	struct sip_parse_error *err;
};

/* One address at scp (as addr_run), a cleared first: the common
 * "<sip:URI>" with plain header parameters or none read here, the URI by
 * sip_uri_decode_gt up to its '>' and the parameters by addr_params_fast;
 * every other form by addr_run from the start, and what follows the '>'
 * when it is anything else (white space, q, what is an error) by addr_run
 * from there. One copy for both callers, so that the URI decoder is
 * inlined in it. */
static __attribute__((noinline)) int addr_fast(struct sip_addr *a, const struct addr_rest *rest)
{
	struct scan *scp = rest->sc;
	const char *p = scp->p, *end = scp->end;
	addr_clear(a);
	if (p == end || *p != '<')
		return addr_run(a, rest->sc, rest->flags, rest->list, NULL, rest->err);
	const char *gt = sip_uri_decode_gt(&a->uri, p + 1, end);
	if (!gt)
		return addr_run(a, rest->sc, rest->flags, rest->list, NULL, rest->err);
	a->angle = true;
	a->uri_text = slice_span(p + 1, gt);
	const char *s = gt + 1;
	if (s != end && *s == ';') {
		const char *q = s;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (end - s >= 8) {
			/* ";tag=token" first (From, To) and ";expires=digits"
			 * first (Contact) by one word compare each, what
			 * addr_params_fast concludes for them (a value it would
			 * not take, and its error, is the walk's) */
			uint64_t w;
			memcpy(&w, s, 8);
			if (((w | 0x20202000ull) & 0xffffffffffull) ==
			    (';' | 't' << 8 | 'a' << 16 | 'g' << 24 | (uint64_t)'=' << 32)) {
				const char *v = s + 5, *ve = hdr_token_end(v, p, end);
				if (ve != v) {
					a->tag = slice_span(v, ve);
					q = ve;
				}
			} else if ((w | 0x2020202020202000ull) == HDR_LIT_WORD(";expires") &&
				   end - s >= 10 && s[8] == '=') {
				const char *v = s + 9, *ve = hdr_token_end(v, p, end);
				uint32_t e;
				if (ve != v && hdr_u32(slice_span(v, ve), &e) == 0) {
					a->has_expires = true;
					a->expires = e;
					a->expires_text = slice_span(v, ve);
					q = ve;
				}
			}
		}
#endif
		if (q != end && *q == ';')
			q = addr_params_fast(a, q, p, end);
		if (q == end || (rest->list && *q == ',')) {
			a->params = slice_span(s + 1, q);
			rest->sc->p = q;
			return 0;
		}
	} else if (s == end || (rest->list && *s == ',')) {
		rest->sc->p = s;
		return 0;
	}
	return addr_run(a, rest->sc, rest->flags, rest->list, s, rest->err);
}

int sip_addr_decode(struct sip_addr *a, struct slice value, unsigned flags,
		    struct sip_parse_error *err)
{
	struct scan sc;

	if (!value.ptr) {
		addr_clear(a);
		memset(&a->uri, 0, sizeof(a->uri));
		return hdr_absent(err);
	}
	scan_init(&sc, value);
	const struct addr_rest rest = { &sc, false, flags, err };
	return addr_fast(a, &rest);
}

int sip_addr_decode_at(struct sip_addr *a, struct scan *sc, unsigned flags,
		       struct sip_parse_error *err)
{
	const struct addr_rest rest = { sc, true, flags, err };
	return addr_fast(a, &rest);
}
