/* auth_hdr.c: challenges, credentials and Authentication-Info (RFC 3261 §20.6 §20.7 §20.27
 * §20.44 §25.1, RFC 7616 Digest, RFC 3310 auts, 3GPP TS 24.229 §7.2A.1 integrity-protected). */
#include <errno.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "auth_internal.h"
#if defined(__SSE2__)
#include <emmintrin.h>
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
/* sip_auth_field_lookup for a name of nl bytes (1 to 8) held in the low
 * bytes of w (little-endian, the bytes above ignored). The names of up to
 * eight bytes are all letters, and only a letter ORed with 0x20 gives a
 * lowercase letter: one switch on the name with 0x20 set in every byte is
 * the exact, case-insensitive compare. */
#define AW_B(c, i) ((uint64_t)(unsigned char)(c) << (8 * (i)))
#define AW(a, b, c, d, e, f, g, h) \
	(AW_B(a, 0) | AW_B(b, 1) | AW_B(c, 2) | AW_B(d, 3) | AW_B(e, 4) | AW_B(f, 5) | AW_B(g, 6) | AW_B(h, 7))
#define ACASE(k, a, b, c, d, e, f, g, h) \
	case AW(a, b, c, d, e, f, g, h):      \
		return (k)

static int auth_field_word(uint64_t w, size_t nl)
{
	uint64_t lm = ~0ull >> (64 - 8 * nl);
	switch ((w | 0x2020202020202020ull) & lm) {
	ACASE(SIP_AUTH_NC, 'n', 'c', 0, 0, 0, 0, 0, 0);
	ACASE(SIP_AUTH_CK, 'c', 'k', 0, 0, 0, 0, 0, 0);
	ACASE(SIP_AUTH_IK, 'i', 'k', 0, 0, 0, 0, 0, 0);
	ACASE(SIP_AUTH_URI, 'u', 'r', 'i', 0, 0, 0, 0, 0);
	ACASE(SIP_AUTH_QOP, 'q', 'o', 'p', 0, 0, 0, 0, 0);
	ACASE(SIP_AUTH_AUTS, 'a', 'u', 't', 's', 0, 0, 0, 0);
	ACASE(SIP_AUTH_REALM, 'r', 'e', 'a', 'l', 'm', 0, 0, 0);
	ACASE(SIP_AUTH_NONCE, 'n', 'o', 'n', 'c', 'e', 0, 0, 0);
	ACASE(SIP_AUTH_STALE, 's', 't', 'a', 'l', 'e', 0, 0, 0);
	ACASE(SIP_AUTH_CNONCE, 'c', 'n', 'o', 'n', 'c', 'e', 0, 0);
	ACASE(SIP_AUTH_OPAQUE, 'o', 'p', 'a', 'q', 'u', 'e', 0, 0);
	ACASE(SIP_AUTH_DOMAIN, 'd', 'o', 'm', 'a', 'i', 'n', 0, 0);
	ACASE(SIP_AUTH_CHARSET, 'c', 'h', 'a', 'r', 's', 'e', 't', 0);
	ACASE(SIP_AUTH_RSPAUTH, 'r', 's', 'p', 'a', 'u', 't', 'h', 0);
	ACASE(SIP_AUTH_RESPONSE, 'r', 'e', 's', 'p', 'o', 'n', 's', 'e');
	ACASE(SIP_AUTH_USERHASH, 'u', 's', 'e', 'r', 'h', 'a', 's', 'h');
	ACASE(SIP_AUTH_USERNAME, 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e');
	}
	return -1;
}
#endif

/* The content of a quoted-string whose opening '"' is at v[-1], when it
 * closes before any '\\', CR or LF (what scan_quoted reads there, sixteen
 * bytes a step where SSE2 is there): 0 with *out and *after set, or -1 for
 * scan_quoted to read it (an escape, a fold or a fault). */
static inline int quoted_plain(const char *v, const char *end, struct slice *out,
			       const char **after)
{
#if defined(__SSE2__)
	const __m128i dq = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
	const __m128i cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
	const char *p = v;
	for (; end - p >= 16; p += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dq), _mm_cmpeq_epi8(x, bs)),
					 _mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, lf)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits) {
			const char *q = p + __builtin_ctz(bits);
			if (*q != '"')
				return -1;
			*out = slice_span(v, q);
			*after = q + 1;
			return 0;
		}
	}
#else
	const char *p = v;
#endif
	for (; p < end; p++) {
		if (*p == '"') {
			*out = slice_span(v, p);
			*after = p + 1;
			return 0;
		}
		if (*p == '\\' || *p == '\r' || *p == '\n')
			return -1;
	}
	return -1;
}

/* nc-value = 8LHEX (RFC 3261 §25.1; LHEX is lowercase). */
static bool nc_decode(struct slice v, uint32_t *out)
{
	uint32_t n = 0;
	if (v.len != 8)
		return false;
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

/* auth-param *(COMMA auth-param) from sc to its end. With rest != NULL, a
 * token after a comma that is not followed by '=' starts another challenge
 * or credentials: *rest is set to it and the scan stops there. */
static int params_decode(struct sip_auth *auth, struct scan *sc, struct slice *rest,
			 struct sip_parse_error *err)
{
	struct slice unknown[UNKNOWN_MAX];
	unsigned nunknown = 0;
	const char *start = sc->p, *last = sc->p;

	for (;;) {
		struct slice name, value;
		bool quoted;
		const char *reason;
		int f, rc;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* the commonest "known-name=" (no LWS, a name of up to eight
		 * bytes): the name is the bytes before the first '=', looked up
		 * without a token run (a known name is all token bytes); then
		 * the value as sip_auth_param_scan reads it. Anything else, and
		 * any fault, is left to sip_auth_param_scan from the same place,
		 * which gives the verdict. */
		const char *p = sc->p, *end = sc->end;
		if (end - p >= 9) {
			uint64_t w, x, z;
			memcpy(&w, p, 8);
			x = w ^ 0x3d3d3d3d3d3d3d3dull;
			z = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
			size_t nl = z ? (size_t)__builtin_ctzll(z) >> 3 : p[8] == '=' ? 8 : 0;
			if (nl && (f = auth_field_word(w, nl)) >= 0) {
				const char *v = p + nl + 1;
				if (v < end && *v == '"') {
					const char *after;
					if (quoted_plain(v + 1, end, &value, &after) == 0) {
						name = slice_make(p, nl);
						quoted = true;
						sc->p = after;
						goto have_field;
					}
					struct scan q = { v, end };
					if (scan_quoted(&q, &value) == 0) {
						name = slice_make(p, nl);
						quoted = true;
						sc->p = q.p;
						goto have_field;
					}
				} else if (v < end && scan_is((unsigned char)*v, SCAN_TOKEN)) {
					sc->p = scan_class_span(v + 1, end, SCAN_TOKEN);
					value = slice_span(v, sc->p);
					name = slice_make(p, nl);
					quoted = false;
					goto have_field;
				}
			}
		}
#endif
		rc = sip_auth_param_scan(sc, &name, &value, &quoted, &reason);

		if (rc == -ENOENT) {
			/* "..., Digest uri=..." : a second scheme in the same field */
			if (rest && auth->nparams > 0 &&
			    (sc->p > name.ptr + name.len || scan_eof(sc))) {
				*rest = slice_span(name.ptr, sc->end);
				break;
			}
			return fail(err, -EBADMSG, sc->p, "expected '=' after auth-param name");
		}
		if (rc < 0)
			return fail(err, rc, sc->p, reason);

		f = sip_auth_field_lookup(name);
		if (f >= 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		have_field:
#endif
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

int sip_auth_decode(struct sip_auth *auth, struct slice value, struct slice *rest,
		    struct sip_parse_error *err)
{
	struct scan sc;

	memset(auth, 0, sizeof *auth);
	if (rest)
		*rest = SLICE_NULL;
	if (!value.ptr)
		return fail(err, -EINVAL, NULL, "no value");
	scan_init(&sc, value);
	scan_lws(&sc);
	if (scan_token(&sc, &auth->scheme) < 0)
		return fail(err, -EBADMSG, sc.p, "expected an auth-scheme");
	if (!scan_lws(&sc)) {
		if (scan_eof(&sc))
			return 0; /* a scheme alone: no parameters */
		return fail(err, -EBADMSG, sc.p, "expected white space after the auth-scheme");
	}
	if (scan_eof(&sc))
		return 0;
	return params_decode(auth, &sc, rest, err);
}

int sip_auth_info_decode(struct sip_auth *auth, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;

	memset(auth, 0, sizeof *auth);
	if (!value.ptr)
		return fail(err, -EINVAL, NULL, "no value");
	scan_init(&sc, value);
	scan_lws(&sc);
	if (scan_eof(&sc))
		return fail(err, -EBADMSG, sc.p, "empty Authentication-Info");
	return params_decode(auth, &sc, NULL, err);
}
