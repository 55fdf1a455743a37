/* fuzz_paste.c: paste_normalise over any text, then a parse of every
 * message it found (strict and lenient), and positions mapped back. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <imsreg/paste.h>
#include <imsreg/sip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	int rc = paste_normalise(&p, in, size, &err);
	if (rc == 0) {
		for (size_t i = 0; i < p.nmsgs; i++) {
			if (p.msgs[i].offset + p.msgs[i].len > p.text.len)
				abort();
			const char *t = p.text.ptr + p.msgs[i].offset;
			struct sip_hdr hdrs[64];
			struct sip_msg msg;
			sip_msg_init(&msg, hdrs, 64);
			int r = sip_msg_parse(&msg, t, p.msgs[i].len, 0, &err);
			if (r < 0)
				r = sip_msg_parse(&msg, t, p.msgs[i].len, SIP_PARSE_LENIENT, &err);
			size_t off = r < 0 && err.at ? (size_t)(err.at - p.text.ptr) : p.msgs[i].offset;
			unsigned line, col;
			paste_position(&p, off, &line, &col);
			if (line == 0 || col == 0 || line > size + 1)
				abort();
			if (r >= 0)
				(void)sip_msg_check(&msg, &err);
		}
	} else if (rc != -EBADMSG && rc != -ENOMEM) {
		abort();
	}
	paste_fini(&p);
	return 0;
}
