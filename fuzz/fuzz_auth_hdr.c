/* fuzz_auth_hdr.c: libFuzzer target for the Authorization/WWW-Authenticate,
 * Authentication-Info and Security-* decoders and the encoders. The first
 * byte selects the decoder (0 credentials/challenges, 1 Authentication-Info,
 * 2 sec-mechanism, 3 a whole message through sip_msg_encode); what decodes is
 * encoded, decoded again and encoded again: the re-decode must succeed and
 * the two encodings must be equal. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/sip.h>

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
		break;
	}
	}
	buf_fini(&e1);
	buf_fini(&e2);
	return 0;
}
