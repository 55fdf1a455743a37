/* fuzz_sip_msg.c: sip_msg_parse in every mode, then sip_msg_check, then
 * sip_msg_encode and a parse of what it wrote (which must parse when the
 * message passed the check). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <imsreg/buf.h>
#include <imsreg/sip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned modes[] = { 0, SIP_PARSE_STREAM, SIP_PARSE_LENIENT,
					  SIP_PARSE_STREAM | SIP_PARSE_LENIENT };
	const char *in = (const char *)data;
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;

	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		sip_msg_init(&msg, hdrs, 64);
		int rc = sip_msg_parse(&msg, in, size, modes[m], &err);
		if (rc < 0) {
			/* an error points inside the input */
			if (rc != -EAGAIN && err.at && (err.at < in || err.at > in + size))
				abort();
			continue;
		}
		if ((size_t)rc > size || msg.head_len > (size_t)rc || msg.nhdrs > 64)
			abort();
		int checked = sip_msg_check(&msg, &err);
		if (checked < 0 && (err.offset > size || !err.reason))
			abort();
		if (modes[m] != 0)
			continue;
		struct buf b;
		buf_init(&b);
		int enc = sip_msg_encode(&b, &msg);
		if (b.err == 0) {
			struct sip_hdr hdrs2[64];
			struct sip_msg msg2;
			sip_msg_init(&msg2, hdrs2, 64);
			int rc2 = sip_msg_parse(&msg2, b.ptr, b.len, SIP_PARSE_STREAM, &err);
			/* a message that decodes whole encodes into one that parses */
			if (checked == 0 && enc == 0 && msg.nhdrs < 60 && rc2 < 0)
				abort();
		}
		buf_fini(&b);
	}
	return 0;
}
