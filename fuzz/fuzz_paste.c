/* fuzz_paste.c: paste_normalise over any text, then a parse of every
 * message it found (strict and lenient), and positions mapped back: every
 * byte of the text to a line of the input and a column inside it (or just
 * past its end, where a byte was added: a line end, the step after a hex
 * dump's last byte); pkt_line_read over each message's packet line and
 * over the text itself, pkt_summary_time over the packet line and
 * pkt_line_ends_read over the line written from a dump's headers
 * (paste_ends). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/packet.h>
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

/* A packet line read is whole: numeric addresses of one version, ports,
 * a fraction of a second under one. */
static void line_check(struct slice s)
{
	struct pkt_line l;
	unsigned char bin[16];
	if (!pkt_line_read(s, &l))
		return;
	int af = l.ends.ver == 4 ? AF_INET : AF_INET6;
	if ((l.ends.ver != 4 && l.ends.ver != 6) || !l.ends.ports || l.usec >= 1000000 ||
	    !memchr(l.ends.src, 0, sizeof l.ends.src) || !memchr(l.ends.dst, 0, sizeof l.ends.dst) ||
	    inet_pton(af, l.ends.src, bin) != 1 || inet_pton(af, l.ends.dst, bin) != 1)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	line_check((struct slice){ in, size });
	int rc = paste_normalise(&p, in, size, &err);
	if (rc == 0)
		positions_check(&p, in, size);
	if (rc == 0) {
		for (size_t i = 0; i < p.nmsgs; i++) {
			if (p.msgs[i].offset + p.msgs[i].len > p.text.len)
				abort();
			line_check(p.msgs[i].packet);
			struct pkt_line l;
			bool fine;
			if (pkt_summary_time(p.msgs[i].packet, &l) && (l.usec >= 1000000 || l.ends.ver))
				abort();
			/* a log's text is marked only when it holds a time */
			if (p.msgs[i].logged && !pkt_log_time_read(p.msgs[i].packet, &l, &fine))
				abort();
			struct slice e = paste_ends(&p, &p.msgs[i]);
			if (e.ptr && pkt_line_ends_read(e, &l) && (!l.ends.ports || (l.ends.ver != 4 && l.ends.ver != 6)))
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
