/* fuzz_auth_hdr.c: libFuzzer target for the Authorization/WWW-Authenticate,
 * Authentication-Info and Security-* decoders and the encoders. The first
 * byte selects the decoder (0 credentials/challenges, 1 Authentication-Info,
 * 2 sec-mechanism, 3 a whole message through sip_msg_encode); what decodes is
 * encoded, decoded again and encoded again: the re-decode must succeed and
 * the two encodings must be equal. A sec-mechanism value is also read as a
 * list from the cursor (sip_sec_mech_decode_at), each offer as its slice,
 * and all at once (sip_sec_mech_list_run), offer by offer the same. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "../src/sip/decode_internal.h"
#include "../src/sip/auth_internal.h"

#define MAX_CREDENTIALS 64
#define MAX_HDRS 128

static void must(int cond)
{
	if (!cond)
		abort();
}

/* Credentials or challenges, looping over rest as a decoder of the field
 * would; returns how many decoded before the end or the first error. */
static unsigned auth_list_encode(struct buf *b, struct slice v)
{
	struct sip_auth a;
	struct sip_parse_error err;
	struct slice rest;
	unsigned n = 0;
	while (v.ptr && n < MAX_CREDENTIALS) {
		int rc = sip_auth_decode(&a, v, &rest, &err);
		if (rc < 0) {
			must(rc == -EBADMSG && err.at >= v.ptr && err.at <= v.ptr + v.len &&
			     err.reason != NULL);
			break;
		}
		must(rest.ptr == NULL || (rest.ptr > v.ptr && rest.ptr + rest.len == v.ptr + v.len));
		if (n)
			buf_puts(b, ", ");
		sip_auth_encode(b, &a);
		n++;
		v = rest;
	}
	return n;
}

static bool same_slice(struct slice x, struct slice y)
{
	return x.ptr == y.ptr && (x.ptr == NULL || x.len == y.len);
}

/* The list form, as sip_msg_check reads a Security-* value: an offer decoded
 * from the cursor up to its ',' (where the cursor is left) decodes the same
 * as the slice of it. */
static void mech_list_check(struct slice v)
{
	struct scan sc = { v.ptr, v.ptr + v.len };
	struct sip_parse_error err;
	for (int i = 0; i < 16; i++) {
		while (sc.p < sc.end && (*sc.p == ' ' || *sc.p == '\t' || *sc.p == '\r' || *sc.p == '\n'))
			sc.p++;
		if (sc.p >= sc.end)
			return;
		const char *start = sc.p;
		struct sip_sec_mech a, b;
		if (sip_sec_mech_decode_at(&a, &sc, &err) < 0) {
			must(err.at >= v.ptr && err.at <= v.ptr + v.len && err.reason != NULL);
			return;
		}
		must(sc.p > start && sc.p <= sc.end && (sc.p == sc.end || *sc.p == ','));
		must(sip_sec_mech_decode(&b, slice_span(start, sc.p), &err) == 0);
		must(same_slice(a.mechanism, b.mechanism) && same_slice(a.params, b.params) &&
		     same_slice(a.q, b.q) && same_slice(a.alg, b.alg) && same_slice(a.ealg, b.ealg) &&
		     same_slice(a.prot, b.prot) && same_slice(a.mod, b.mod) &&
		     same_slice(a.d_alg, b.d_alg) && same_slice(a.d_qop, b.d_qop) &&
		     same_slice(a.d_ver, b.d_ver));
		must(a.has_spi_c == b.has_spi_c && a.has_spi_s == b.has_spi_s &&
		     a.has_port_c == b.has_port_c && a.has_port_s == b.has_port_s &&
		     a.spi_c == b.spi_c && a.spi_s == b.spi_s && a.port_c == b.port_c &&
		     a.port_s == b.port_s);
		if (sc.p >= sc.end)
			return;
		sc.p++;
	}
}

#define MAX_OFFERS 16

/* sip_sec_mech_list_run against the walk check.c made over
 * sip_sec_mech_decode_at: the same verdict, count and offers. */
static void mech_list_run_check(struct slice v)
{
	static struct sip_sec_mech want[MAX_OFFERS], got[MAX_OFFERS];
	struct sip_parse_error err = { 0 }, e2 = { 0 };
	const char *p = v.ptr, *end = v.ptr + v.len;
	size_t nw = 0, ng = 0;
	int rw = 0;
	memset(want, 0, sizeof want);
	memset(got, 0, sizeof got);
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	for (size_t k = 0; p < end; k++) {
		struct scan sc = { p, end };
		if (sip_sec_mech_decode_at(&want[k < MAX_OFFERS ? k : MAX_OFFERS - 1], &sc, &err) < 0) {
			rw = -EAGAIN;
			break;
		}
		nw = k + 1;
		if (sc.p >= end)
			break;
		p = sc.p + 1;
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (p >= end)
			rw = -EAGAIN;
	}
	int rg = sip_sec_mech_list_run(v, got, MAX_OFFERS, &ng, &e2);
	must(rg == rw && ng == nw);
	must(rg == 0 || (e2.at == NULL && e2.reason == NULL));
	for (size_t k = 0; k < nw && k < MAX_OFFERS; k++)
		must(!memcmp(&got[k], &want[k], sizeof got[k]));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned sel = data[0] % 4;
	struct slice v = slice_make((const char *)data + 1, size - 1);
	struct sip_parse_error err;
	struct buf e1, e2;
	buf_init(&e1);
	buf_init(&e2);

	switch (sel) {
	case 0: {
		unsigned n = auth_list_encode(&e1, v);
		if (n) {
			unsigned m = auth_list_encode(&e2, buf_view(&e1));
			must(m == n);
			must(slice_eq(buf_view(&e1), buf_view(&e2)));
		}
		break;
	}
	case 1: {
		struct sip_auth a, b;
		if (sip_auth_info_decode(&a, v, &err) == 0) {
			sip_auth_encode(&e1, &a);
			must(sip_auth_info_decode(&b, buf_view(&e1), &err) == 0);
			must(b.nparams == a.nparams && b.quoted == a.quoted && b.nc == a.nc);
			sip_auth_encode(&e2, &b);
			must(slice_eq(buf_view(&e1), buf_view(&e2)));
		}
		break;
	}
	case 3: {
		/* the encoding may add a Content-Length: one more slot */
		static struct sip_hdr h1[MAX_HDRS], h2[MAX_HDRS + 1];
		struct sip_msg m1, m2;
		sip_msg_init(&m1, h1, MAX_HDRS);
		if (sip_msg_parse(&m1, v.ptr, v.len, 0, &err) < 0)
			break;
		int rc1 = sip_msg_encode(&e1, &m1);
		sip_msg_init(&m2, h2, MAX_HDRS + 1);
		int rc = sip_msg_parse(&m2, e1.ptr, e1.len, 0, &err);
		must(rc >= 0 && (size_t)rc == e1.len);
		must(sip_msg_encode(&e2, &m2) == rc1);
		must(slice_eq(buf_view(&e1), buf_view(&e2)));
		break;
	}
	default: {
		struct sip_sec_mech a, b;
		if (sip_sec_mech_decode(&a, v, &err) == 0) {
			sip_sec_mech_encode(&e1, &a);
			must(sip_sec_mech_decode(&b, buf_view(&e1), &err) == 0);
			must(b.spi_c == a.spi_c && b.spi_s == a.spi_s && b.port_c == a.port_c &&
			     b.port_s == a.port_s && b.has_spi_c == a.has_spi_c);
			sip_sec_mech_encode(&e2, &b);
			must(slice_eq(buf_view(&e1), buf_view(&e2)));
		}
		mech_list_check(v);
		mech_list_run_check(v);
		break;
	}
	}
	buf_fini(&e1);
	buf_fini(&e2);
	return 0;
}
