/* fuzz_paste.c: paste_normalise over any text, then a parse of every
 * message it found (strict and lenient), and positions mapped back: every
 * byte of the text to a line of the input and a column inside it (or just
 * past its end, where a byte was added: a line end, the step after a hex
 * dump's last byte). */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/paste.h>
#include <imsreg/sip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every byte of p->text at an input line and column that exist. */
static void positions_check(const struct paste *p, const char *in, size_t size)
{
	size_t *starts = malloc((size + 2) * sizeof *starts), n = 0;
	if (!starts)
		return;
	/* lines end in LF; in an input with no LF at all, in CR */
	char eol = memchr(in, '\n', size) || !memchr(in, '\r', size) ? '\n' : '\r';
	starts[n++] = size >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	for (size_t i = 0; i < size; i++)
		if (in[i] == eol)
			starts[n++] = i + 1;
	for (size_t o = 0; o < p->text.len; o++) {
		unsigned line, col;
		paste_position(p, o, &line, &col);
		if (line == 0 || col == 0 || line > n)
			abort();
		size_t end = line < n ? starts[line] : size;
		if (starts[line - 1] + col > end + 5)
			abort();
	}
	free(starts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	int rc = paste_normalise(&p, in, size, &err);
	if (rc == 0)
		positions_check(&p, in, size);
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
