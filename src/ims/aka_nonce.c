/* aka_nonce.c: the Digest AKA nonce and auts (RFC 3310 §3.2, §3.4; TS 33.102 §6.3.2-6.3.3, Annex H). */
#include <errno.h>
#include <string.h>
#include <imsreg/codec.h>
#include <imsreg/ims.h>

/* Base64 is decoded in quanta-aligned chunks into a small stack buffer,
 * so a nonce of any length is checked without allocating. */
#define CHUNK_CHARS 256
#define CHUNK_BYTES (CHUNK_CHARS / 4 * 3)

int ims_aka_nonce_decode(struct ims_aka_nonce *n, struct slice b64)
{
	int rc = 0;
	uint8_t head[32];
	uint8_t chunk[CHUNK_BYTES];
	size_t total = 0;
	memset(n, 0, sizeof *n);
	if (!b64.ptr)
		b64 = slice_make("", 0);

	for (size_t off = 0; off < b64.len; off += CHUNK_CHARS) {
		size_t len = b64.len - off;
		bool last = len <= CHUNK_CHARS;
		if (!last)
			len = CHUNK_CHARS;
		/* padding may only end the whole nonce */
		if (!last && b64.ptr[off + len - 1] == '=') {
			rc = -EBADMSG;
			goto out;
		}
		int got = base64_decode(chunk, sizeof chunk, slice_make(b64.ptr + off, len));
		if (got < 0) {
			rc = -EBADMSG;
			goto out;
		}
		if (total < sizeof head) {
			size_t take = sizeof head - total;
			if (take > (size_t)got)
				take = (size_t)got;
			memcpy(head + total, chunk, take);
		}
		total += (size_t)got;
	}
	n->decoded_len = total;
	if (total < sizeof head) {
		rc = -EMSGSIZE;
		goto out;
	}
	memcpy(n->rand, head, 16);
	memcpy(n->autn, head + 16, 16);
	memcpy(n->sqn_xor_ak, head + 16, 6);
	memcpy(n->amf, head + 22, 2);
	memcpy(n->mac, head + 24, 8);
	n->server_data_len = total - sizeof head;
	/* TS 33.102 Annex H numbers the AMF bits 0..15 from the most
	 * significant one; bit 0 is the "separation bit" */
	n->amf_separation_bit = (n->amf[0] & 0x80) != 0;
out:
	return rc;
}

int ims_auts_decode(struct ims_auts *a, struct slice b64)
{
	uint8_t raw[16];
	memset(a, 0, sizeof *a);
	if (!b64.ptr)
		return -EBADMSG;
	int got = base64_decode(raw, sizeof raw, b64);
	if (got != 14)
		return -EBADMSG;
	memcpy(a->sqn_ms_xor_ak_star, raw, 6);
	memcpy(a->mac_s, raw + 6, 8);
	return 0;
}
