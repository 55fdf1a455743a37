/* fuzz_capture.c: trace_capture_read over any bytes. An input that is no
 * capture file gets a pcap file header put before it, its link layer
 * chosen by its first byte (Ethernet, Linux cooked v1 and v2, raw IP,
 * loopback), so that the fuzzer works on packets, not on libpcap's file
 * header. Every message found must lie in the text, start with a SIP
 * start line and parse (or fail) without harm. Seeds (fuzz/corpus/
 * fuzz_capture): small captures of ../shared/corpus/captures/pcap (its
 * PROVENANCE.md) and captures the tests write (IPv4 fragments, SCTP
 * bundling, ESP, TCP, a pcapng of two link types), and what the fuzzer
 * found. A pcapng is read by libpcap and by the block reader. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/paste.h>
#include <imsreg/sip.h>
#include <imsreg/trace.h>
#include "fuzz_must.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
static void read_one(const uint8_t *in, size_t n, bool own, bool sas);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t links[] = { 1, 113, 276, 101, 0, 108, 228, 229 };
	static const uint32_t magic = 0xa1b2c3d4;
	uint8_t *in;
	size_t n;
	if (size >= 4 && (memcmp(data, &magic, 4) == 0 || memcmp(data, "\xa1\xb2\xc3\xd4", 4) == 0 ||
			  memcmp(data, "\x0a\x0d\x0d\x0a", 4) == 0)) {
		in = malloc(size ? size : 1);
		if (!in)
			return 0;
		memcpy(in, data, size);
		n = size;
	} else {
		uint32_t hdr[6] = { magic, 2 | 4u << 16, 0, 0, 65535, links[size ? data[0] % 8 : 0] };
		n = sizeof hdr + (size ? size - 1 : 0);
		in = malloc(n);
		if (!in)
			return 0;
		memcpy(in, hdr, sizeof hdr);
		if (size > 1)
			memcpy(in + sizeof hdr, data + 1, size - 1);
	}
	/* a pcapng is read twice: by libpcap (or the block reader when its
	 * interfaces have several link types), then by the block reader */
	bool ng = n >= 4 && memcmp(in, "\x0a\x0d\x0d\x0a", 4) == 0;
	for (int own = 0; own <= ng; own++)
		read_one(in, n, own, false);
	/* and with SAs of SPIs 1 to 6 (each cipher, each integrity): ESP
	 * of those SPIs is checked, opened when it is the fuzzer's own */
	read_one(in, n, false, true);
	free(in);
	return 0;
}

static void read_one(const uint8_t *in, size_t n, bool own, bool sas)
{
	static const struct trace_esp_sa sa[] = {
		{ .spi = 1, .integ = TRACE_ESP_HMAC_SHA1_96, .cipher = TRACE_ESP_NULL },
		{ .spi = 2, .integ = TRACE_ESP_HMAC_SHA1_96, .cipher = TRACE_ESP_AES_CBC },
		{ .spi = 3, .integ = TRACE_ESP_HMAC_MD5_96, .cipher = TRACE_ESP_DES_EDE3_CBC },
		{ .spi = 4, .integ = TRACE_ESP_HMAC_MD5_96, .cipher = TRACE_ESP_AES_CBC },
		/* keys given as they are (decode --xfrm) */
		{ .spi = 5, .integ = TRACE_ESP_INTEG_NONE, .cipher = TRACE_ESP_AES_GCM, .ekey_len = 20, .icv_len = 16 },
		{ .spi = 6, .integ = TRACE_ESP_HMAC_SHA256, .cipher = TRACE_ESP_AES_CBC, .akey_len = 32, .ekey_len = 32 },
	};
	struct trace_capture c;
	trace_capture_init(&c);
	c.own_pcapng = own;
	if (sas) {
		c.sas = sa;
		c.nsas = sizeof sa / sizeof sa[0];
	}
	int rc = trace_capture_read(&c, in, n);
	MUST(rc == 0 || rc == -EBADMSG || rc == -ENOMEM);
	MUST(!c.link || strlen(c.link) < sizeof c.link_text);
	for (size_t i = 0; rc == 0 && i < c.nmsgs; i++) {
		const struct trace_msg *m = &c.msgs[i];
		MUST(m->offset + m->len <= c.text.len && m->len >= 12);
		MUST(m->line + m->line_len <= c.lines.len);
		MUST(m->first_frame <= m->frame && m->frame <= c.packets);
		const char *t = c.text.ptr + m->offset;
		/* its first line has a start line's shape, as the paste
		 * normaliser judges it */
		const char *nl = memchr(t, '\n', m->len);
		MUST(nl && paste_is_start_line(t, (size_t)(nl - t) - (nl > t && nl[-1] == '\r')));
		struct sip_hdr hdrs[64];
		struct sip_msg msg;
		struct sip_parse_error err;
		sip_msg_init(&msg, hdrs, 64);
		if (sip_msg_parse(&msg, t, m->len, 0, &err) > 0)
			(void)sip_msg_check(&msg, &err);
	}
	trace_capture_fini(&c);
}
