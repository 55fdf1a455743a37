/* security.c: Security-Client/-Server/-Verify sec-mechanism (RFC 3329 §2.2, 3GPP TS 33.203
 * Annex H and TS 24.229 §7.2A.7 ipsec-3gpp parameters). */
#include <errno.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "auth_internal.h"
#include "decode_internal.h"

static int fail(struct sip_parse_error *err, int code, const char *at, const char *reason)
{
	if (err) {
		err->code = code;
		err->at = at;
		err->reason = reason;
	}
	return code;
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
/* mech_param_lookup for a name of nl bytes (1 to 7) held in the low bytes
 * of w (little-endian, the bytes above it ignored): the name with 0x20 set
 * in every byte picks one slot of a perfect hash (the multiplier below
 * sends the twelve names to twelve distinct slots of sixteen), then the
 * exact test that only letters differ in case (the names are letters and
 * '-'). */
#define MW_B(c, i) ((uint64_t)(unsigned char)(c) << (8 * (i)))
#define MW_M(c, i) ((uint64_t)((c) >= 'a' && (c) <= 'z' ? 0x20 : 0) << (8 * (i)))
#define MW(a, b, c, d, e, f) (MW_B(a, 0) | MW_B(b, 1) | MW_B(c, 2) | MW_B(d, 3) | MW_B(e, 4) | MW_B(f, 5))
#define MM(a, b, c, d, e, f) (MW_M(a, 0) | MW_M(b, 1) | MW_M(c, 2) | MW_M(d, 3) | MW_M(e, 4) | MW_M(f, 5))
#define MECH_HASH_MUL 0x62397bc701762741ull
#define MECH_SLOT(w) ((unsigned)(((w) * MECH_HASH_MUL) >> 60))
#define MSLOT(k, a, b, c, d, e, f) \
	[MECH_SLOT(MW(a, b, c, d, e, f))] = { MW(a, b, c, d, e, f), MM(a, b, c, d, e, f), (k) + 1 }

/* k1 is the parameter plus one: 0 in a slot no name uses (whose lit 0 a
 * name of NUL bytes matches) gives -1 */
static const struct {
	uint64_t lit, mask;
	int k1;
} mech_slots[16] = {
	MSLOT(MP_Q, 'q', 0, 0, 0, 0, 0),
	MSLOT(MP_ALG, 'a', 'l', 'g', 0, 0, 0),
	MSLOT(MP_MOD, 'm', 'o', 'd', 0, 0, 0),
	MSLOT(MP_EALG, 'e', 'a', 'l', 'g', 0, 0),
	MSLOT(MP_PROT, 'p', 'r', 'o', 't', 0, 0),
	MSLOT(MP_SPI_C, 's', 'p', 'i', '-', 'c', 0),
	MSLOT(MP_SPI_S, 's', 'p', 'i', '-', 's', 0),
	MSLOT(MP_D_ALG, 'd', '-', 'a', 'l', 'g', 0),
	MSLOT(MP_D_QOP, 'd', '-', 'q', 'o', 'p', 0),
	MSLOT(MP_D_VER, 'd', '-', 'v', 'e', 'r', 0),
	MSLOT(MP_PORT_C, 'p', 'o', 'r', 't', '-', 'c'),
	MSLOT(MP_PORT_S, 'p', 'o', 'r', 't', '-', 's'),
};

static int mech_param_lookup_word(uint64_t w, size_t nl)
{
	uint64_t lm = ~0ull >> (64 - 8 * nl), nm = w & lm;
	unsigned i = MECH_SLOT(nm | (0x2020202020202020ull & lm));
	return (nm | mech_slots[i].mask) == mech_slots[i].lit ? mech_slots[i].k1 - 1 : -1;
}

/* The run of decimal digits at p (eight bytes readable there): its length
 * (0 to 8) and, when 1 to 8, its value in *n. */
static size_t digits8(const char *p, uint32_t *n)
{
	uint64_t w, x, nd;
	memcpy(&w, p, 8);
	x = w ^ 0x3030303030303030ull; /* a digit byte is now 0..9 */
	/* high bit of each byte that is not a digit: 10 or more, or 0x80 up
	 * (a carry from a byte only reaches bytes after a non-digit) */
	nd = ((x + 0x7676767676767676ull) | x) & 0x8080808080808080ull;
	size_t len = nd ? (size_t)__builtin_ctzll(nd) >> 3 : 8;
	if (!len)
		return 0;
	uint64_t v = x << (8 * (8 - len)); /* the digits, leading zeros before */
	v = (v * 10 + (v >> 8)) & 0x00ff00ff00ff00ffull;
	v = (v * 100 + (v >> 16)) & 0x0000ffff0000ffffull;
	v = (v * 10000 + (v >> 32)) & 0xffffffffull;
	*n = (uint32_t)v;
	return len;
}
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

/* One sec-mechanism at sc. With list, a ',' after a parameter ends it (the
 * cursor is left on it) as the end of the input does otherwise. */
static int sec_mech_run(struct sip_sec_mech *m, struct scan *scp, bool list,
			struct sip_parse_error *err)
{
	struct scan sc = *scp;
	unsigned seen = 0;
	const char *params_start = NULL, *last;

	scan_lws(&sc);
	if (scan_token(&sc, &m->mechanism) < 0)
		return fail(err, -EBADMSG, sc.p, "expected a mechanism name");
	last = sc.p;

	for (;;) {
		struct slice name, v = SLICE_NULL;
		bool quoted = false;
		const char *p = sc.p, *end = sc.end;

		uint32_t n = 0;
		bool have_n = false;
		int k;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		/* the commonest ";known-name=value": the name is the bytes before
		 * the first '=' among the next eight, looked up without a token
		 * run (a known name is all token bytes); a spi or port value is
		 * read as a number in the same pass that finds its end. Anything
		 * else (unknown name, LWS, a quoted or empty value, a number of
		 * ten digits or more, a digit run that goes on as a token) is left
		 * to the paths below. */
		if (end - p >= 10 && *p == ';') {
			uint64_t w, x, z;
			memcpy(&w, p + 1, 8);
			x = w ^ 0x3d3d3d3d3d3d3d3dull;
			z = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
			size_t nl = z ? (size_t)__builtin_ctzll(z) >> 3 : 0;
			if (nl && (k = mech_param_lookup_word(w, nl)) >= 0) {
				const char *vs = p + 2 + nl, *q = vs;
				if (k >= MP_SPI_C && end - vs >= 8) {
					size_t dl = digits8(vs, &n);
					q = vs + dl;
					if (dl && (q == end || !scan_is((unsigned char)*q, SCAN_TOKEN)))
						have_n = true;
				}
				if (!have_n && q < end && scan_is((unsigned char)*q, SCAN_TOKEN))
					q = scan_class_span(q + 1, end, SCAN_TOKEN);
				if (q > vs) {
					name = slice_make(p + 1, nl);
					v = slice_span(vs, q);
					if (!params_start)
						params_start = p + 1;
					sc.p = last = q;
					goto have_known;
				}
				n = 0;
			}
		}
#endif
		/* the common ";name=token" without LWS in one go: what the general
		 * steps below read there, without their LWS and quote tests */
		if (end - p >= 4 && *p == ';' && scan_is((unsigned char)p[1], SCAN_TOKEN)) {
			const char *ne = scan_class_span(p + 2, end, SCAN_TOKEN);
			if (end - ne >= 2 && *ne == '=' && scan_is((unsigned char)ne[1], SCAN_TOKEN)) {
				const char *ve = scan_class_span(ne + 2, end, SCAN_TOKEN);
				name = slice_span(p + 1, ne);
				v = slice_span(ne + 1, ve);
				if (!params_start)
					params_start = p + 1;
				sc.p = last = ve;
				goto have_param;
			}
		}
		auth_lws(&sc);
		if (scan_eof(&sc) || (list && *sc.p == ','))
			break;
		if (!auth_accept(&sc, ';'))
			return fail(err, -EBADMSG, sc.p, "expected ';' before a mechanism parameter");
		auth_lws(&sc);
		if (!params_start)
			params_start = sc.p;
		const char *reason;
		if (sip_sec_param_scan(&sc, &name, &v, &quoted, &reason) < 0)
			return fail(err, -EBADMSG, sc.p, reason);
		last = sc.p;
	have_param:
		k = mech_param_lookup(name);
		if (k < 0)
			continue;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	have_known:
#endif
		if (seen & (1u << k))
			return fail(err, -EBADMSG, name.ptr, "duplicate mechanism parameter");
		seen |= 1u << k;
		if (!v.ptr)
			return fail(err, -EBADMSG, name.ptr, "mechanism parameter needs a value");
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
			if (!have_n && (rc = number_decode(v, UINT32_MAX, &n)) < 0)
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
		case MP_PORT_C:
		case MP_PORT_S:
			if (n > UINT16_MAX)
				have_n = false;
			if (!have_n && (rc = number_decode(v, UINT16_MAX, &n)) < 0)
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
	if (params_start)
		m->params = slice_span(params_start, last);
	*scp = sc;
	return 0;
}

int sip_sec_mech_decode(struct sip_sec_mech *m, struct slice value, struct sip_parse_error *err)
{
	struct scan sc;

	memset(m, 0, sizeof *m);
	if (!value.ptr)
		return fail(err, -EINVAL, NULL, "no value");
	scan_init(&sc, value);
	return sec_mech_run(m, &sc, false, err);
}

int sip_sec_mech_decode_at(struct sip_sec_mech *m, struct scan *sc, struct sip_parse_error *err)
{
	memset(m, 0, sizeof *m);
	return sec_mech_run(m, sc, true, err);
}
