/* input.c: reading inputs and framing their messages for `imsreg decode`
 * (lenient: paste.h normaliser; strict: RFC 3261 §18.3 datagram framing),
 * and the final flush of the report. */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <imsreg/alloc.h>
#include <imsreg/error.h>
#include "cli/cli.h"

int cli_input_read(struct cli_input *in, const char *path, FILE *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	in->name = is_stdin ? "<stdin>" : path;
	in->data = NULL;
	in->len = 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	int rc = 0;
	if (!f) {
		int e = errno; /* fprintf may change errno */
		fprintf(err, "%s: cannot open: %s\n", path, strerror(e));
		return -e;
	}
	size_t cap = 8192;
	in->data = imsreg_malloc(cap + 1);
	if (!in->data) {
		rc = -ENOMEM;
		goto out;
	}
	for (;;) {
		if (in->len == cap) {
			if (cap >= CLI_MAX_INPUT) {
				if (getc(f) == EOF && !ferror(f))
					break; /* exactly CLI_MAX_INPUT bytes */
				fprintf(err, "%s: larger than %u bytes\n", in->name, CLI_MAX_INPUT);
				rc = -EFBIG;
				goto out;
			}
			char *p = imsreg_realloc(in->data, cap * 2 + 1);
			if (!p) {
				rc = -ENOMEM;
				goto out;
			}
			in->data = p;
			cap *= 2;
		}
		size_t n = fread(in->data + in->len, 1, cap - in->len, f);
		in->len += n;
		if (n == 0) {
			if (ferror(f)) {
				fprintf(err, "%s: read error: %s\n", in->name, strerror(errno));
				rc = -EIO;
				goto out;
			}
			break;
		}
	}
	in->data[in->len] = '\0';
out:
	if (f && !is_stdin)
		fclose(f);
	if (rc < 0) {
		if (rc == -ENOMEM)
			fprintf(err, "%s: out of memory\n", in->name);
		cli_input_fini(in);
	}
	return rc;
}

int cli_output_flush(FILE *out, FILE *err, int status)
{
	if (fflush(out) == 0 && !ferror(out))
		return status;
	fprintf(err, "imsreg: cannot write the report: %s\n", strerror(errno));
	return CLI_EXIT_INPUT;
}

const char *cli_input_capture(const struct cli_input *in)
{
	static const unsigned char magic[][4] = {
		{ 0xd4, 0xc3, 0xb2, 0xa1 }, { 0xa1, 0xb2, 0xc3, 0xd4 }, /* pcap, us */
		{ 0x4d, 0x3c, 0xb2, 0xa1 }, { 0xa1, 0xb2, 0x3c, 0x4d }, /* pcap, ns */
	};
	if (in->len < 24)
		return NULL;
	for (size_t i = 0; i < sizeof magic / sizeof magic[0]; i++)
		if (memcmp(in->data, magic[i], 4) == 0)
			return "pcap";
	if (memcmp(in->data, "\x0a\x0d\x0d\x0a", 4) == 0)
		return "pcapng";
	return NULL;
}

const char *cli_input_utf16(const struct cli_input *in)
{
	const unsigned char *d = (const unsigned char *)in->data;
	if (in->len >= 2 && d[0] == 0xff && d[1] == 0xfe && !(in->len >= 4 && d[2] == 0 && d[3] == 0))
		return "UTF-16LE";
	if (in->len >= 2 && d[0] == 0xfe && d[1] == 0xff)
		return "UTF-16BE";
	/* no byte order mark: ASCII text, each character with a NUL byte */
	size_t n = in->len < 128 ? in->len & ~(size_t)1 : 128;
	if (n < 8)
		return NULL;
	bool le = true, be = true;
	for (size_t i = 0; i < n; i += 2) {
		le = le && d[i] != 0 && d[i] < 0x80 && d[i + 1] == 0;
		be = be && d[i] == 0 && d[i + 1] != 0 && d[i + 1] < 0x80;
	}
	return le ? "UTF-16LE" : be ? "UTF-16BE" : NULL;
}

/* U+FFFD, for what does not convert */
static const char replacement[] = "\xef\xbf\xbd";

int cli_input_transcode(struct cli_input *in, const char *enc)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	if (cd == (iconv_t)-1)
		return -errno;
	/* a UTF-16 code unit is at most 3 bytes of UTF-8, a pair 4 */
	size_t cap = in->len / 2 * 3 + 3 + 1;
	char *out = imsreg_malloc(cap);
	if (!out) {
		iconv_close(cd);
		return -ENOMEM;
	}
	char *src = in->data, *dst = out;
	size_t left = in->len, room = cap - 1;
	bool le = strcmp(enc, "UTF-16LE") == 0;
	if (left >= 2 && memcmp(src, le ? "\xff\xfe" : "\xfe\xff", 2) == 0) {
		src += 2; /* the byte order mark */
		left -= 2;
	}
	/* ASCII by hand (a log is that, and glibc's iconv spends about 35
	 * instructions a character: 40 MB of UTF-16 would take a second more),
	 * each other stretch by iconv */
	size_t hi = le ? 1 : 0;
	while (left >= 2) {
		const unsigned char *u = (const unsigned char *)src;
		size_t k = 0;
#if defined(__SSE2__)
		/* eight units a step: each below 0x80, packed to bytes */
		const __m128i high = _mm_set1_epi16((short)0xff80);
		while (k + 16 <= left) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + k));
			if (!le)
				v = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
			if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(v, high), _mm_setzero_si128())) != 0xffff)
				break;
			_mm_storel_epi64((__m128i *)(void *)dst, _mm_packus_epi16(v, v));
			dst += 8;
			k += 16;
		}
#endif
		while (k + 1 < left && u[k + hi] == 0 && u[k + (hi ^ 1)] < 0x80) {
			*dst++ = (char)u[k + (hi ^ 1)];
			k += 2;
		}
		src += k;
		left -= k;
		room -= k / 2;
		/* the stretch up to the next ASCII unit (a surrogate pair is
		 * never ASCII, so it stays whole in it) */
		size_t j = 0;
		while (j + 1 < left && !(u[k + j + hi] == 0 && u[k + j + (hi ^ 1)] < 0x80))
			j += 2;
		size_t part = j;
		while (part > 0) {
			if (iconv(cd, &src, &part, &dst, &room) != (size_t)-1)
				break;
			/* EILSEQ: a lone surrogate; EINVAL: a pair cut by the
			 * stretch's end (a high surrogate before ASCII) */
			if (errno != EILSEQ && errno != EINVAL) {
				imsreg_free(out);
				iconv_close(cd);
				return -EIO;
			}
			size_t skip = errno == EILSEQ && part > 2 ? 2 : part;
			memcpy(dst, replacement, 3);
			dst += 3;
			room -= 3;
			src += skip;
			part -= skip;
		}
		left -= j;
	}
	if (left == 1) {
		/* an odd last byte */
		memcpy(dst, replacement, 3);
		dst += 3;
	}
	iconv_close(cd);
	*dst = '\0';
	imsreg_free(in->data);
	in->data = out;
	in->len = (size_t)(dst - out);
	return 0;
}

int cli_input_to_utf8(struct cli_input *in, const char **enc, FILE *err)
{
	*enc = cli_input_capture(in) ? NULL : cli_input_utf16(in);
	int rc = *enc ? cli_input_transcode(in, *enc) : 0;
	if (rc < 0)
		fprintf(err, "%s: cannot convert from %s: %s\n", in->name, *enc, strerror(-rc));
	return rc;
}

/* True when the line that ends at e (its '\n' or the input's end, CRs and
 * blanks before it skipped) ends in journalctl's "[SIZE blob data]". */
static bool blob_line_end(const char *start, const char *e)
{
	static const char tail[] = " blob data]";
	const size_t k = sizeof tail - 1;
	while (e > start && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if ((size_t)(e - start) < k + 2 || memcmp(e - k, tail, k) != 0)
		return false;
	/* SIZE: a number, maybe with a fraction, then a unit (B, K, M, G, ...) */
	const char *p = e - k;
	while (p > start && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'))
		p--;
	const char *digits_end = p;
	while (p > start && ((p[-1] >= '0' && p[-1] <= '9') || p[-1] == '.'))
		p--;
	return p < digits_end && p > start && p[-1] == '[' && *p != '.';
}

size_t cli_input_journal_blobs(const struct cli_input *in)
{
	static const char tail[] = " blob data]";
	const char *p = in->data, *end = in->data + in->len;
	size_t n = 0;
	while (p < end) {
		const char *hit = memmem(p, (size_t)(end - p), tail, sizeof tail - 1);
		if (!hit)
			break;
		const char *nl = memchr(hit, '\n', (size_t)(end - hit));
		const char *line_end = nl ? nl : end;
		const char *ls = hit;
		while (ls > in->data && ls[-1] != '\n')
			ls--;
		if (blob_line_end(ls, line_end))
			n++;
		p = nl ? nl + 1 : end;
	}
	return n;
}

void cli_input_fini(struct cli_input *in)
{
	imsreg_free(in->data);
	in->data = NULL;
	in->len = 0;
}

/* Line ends of the input as the paste normaliser reads them: LF, or CR
 * alone in an input without any LF. */
static char input_eol(const struct cli_input *in)
{
	return !memchr(in->data, '\n', in->len) && memchr(in->data, '\r', in->len) ? '\r' : '\n';
}

/* Bytes of a UTF-8 byte order mark in front of the input: columns of
 * line 1 count from after it, as editors show them. */
static size_t input_bom(const struct cli_input *in)
{
	return in->len >= 3 && memcmp(in->data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

/* The input offset of a 1-based line and column (clamped to the line). */
static size_t input_offset(const struct cli_input *in, unsigned line, unsigned col)
{
	char eol = input_eol(in);
	size_t off = input_bom(in);
	for (unsigned l = 1; l < line && off < in->len; off++) {
		if (in->data[off] == eol)
			l++;
	}
	size_t end = off;
	while (end < in->len && in->data[end] != '\n' && in->data[end] != '\r')
		end++;
	off += col > 0 ? col - 1 : 0;
	return off < end ? off : end;
}

/* The 1-based line and column of input byte off (lenient reading). */
static void input_position(const struct cli_input *in, size_t off, unsigned *line, unsigned *col)
{
	char eol = input_eol(in);
	size_t start = input_bom(in);
	unsigned l = 1;
	if (off > in->len)
		off = in->len;
	for (size_t i = start; i < off; i++) {
		if (in->data[i] == eol) {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = off > start ? (unsigned)(off - start) + 1 : 1;
}

/* "file:line:col: reason", the line and a caret under byte off
 * (error_show_line); line and col as the user's editor counts them. */
static void input_report(FILE *err, const struct cli_input *in, unsigned line, unsigned col,
			 size_t off, const char *reason)
{
	fprintf(err, "%s:%u:%u: %s\n", in->name, line, col, reason);
	if (off > in->len)
		off = in->len;
	size_t s = col - 1 <= off ? off - (col - 1) : 0;
	size_t e = s;
	while (e < in->len && in->data[e] != '\n' && in->data[e] != '\r')
		e++;
	error_show_line(err, in->data, s, e, off);
}

/* src->line_starts for a strict input: a log of thousands of messages asks
 * for a position per message and per finding, which counting lines from
 * the start made quadratic. Without memory the positions are counted. */
static void line_index(struct cli_source *src)
{
	const char *d = src->in->data, *end = d + src->in->len;
	size_t n = 1;
	for (const char *p = d; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		n++;
	src->line_starts = imsreg_malloc(n * sizeof *src->line_starts);
	if (!src->line_starts)
		return;
	src->line_starts[0] = 0;
	src->nline_starts = 1;
	for (const char *p = d; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		src->line_starts[src->nline_starts++] = (size_t)(p - d) + 1;
}

/* error_position of a strict input, by its line index when it has one. */
static void strict_position(const struct cli_source *src, size_t off, unsigned *line, unsigned *col)
{
	const struct cli_input *in = src->in;
	if (!src->line_starts) {
		error_position(in->data, in->len, off, line, col);
		return;
	}
	if (off > in->len)
		off = in->len;
	/* the last line that starts at or before off */
	size_t lo = 0, hi = src->nline_starts;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (src->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	*col = (unsigned)(off - src->line_starts[lo]) + 1;
}

/* Reasons with a number or a quote in them (one run, one thread). */
static char reason_text[320];

/* A capture read once holds encrypted ESP: the SAs its messages set up
 * (cli_esp_sas), and when there are some, the capture read again with
 * them. 0, or -ENOMEM. */
static int capture_open_esp(struct cli_source *src, const struct auth_keys *keys)
{
	struct trace_capture *c = src->capture;
	int rc = cli_esp_sas(c, keys, &src->esp);
	if (rc < 0 || !src->esp.n)
		return rc == -ENOMEM ? rc : 0;
	trace_capture_fini(c);
	c->sas = src->esp.sa;
	c->nsas = src->esp.n;
	rc = trace_capture_read(c, src->in->data, src->in->len);
	return rc == -ENOMEM ? rc : 0;
}

/* cli_source_init of a capture file: its messages read by the trace layer. */
static int capture_init(struct cli_source *src, const struct auth_keys *keys, FILE *err)
{
	const struct cli_input *in = src->in;
	src->strict = true;
	src->datagram = false; /* each message its own packet's (or stream's) */
	src->capture = imsreg_malloc(sizeof *src->capture);
	if (!src->capture) {
		src->error_reason = "out of memory";
		fprintf(err, "%s: out of memory\n", in->name);
		return -ENOMEM;
	}
	trace_capture_init(src->capture);
	int rc = trace_capture_read(src->capture, in->data, in->len);
	if (rc == 0 && src->capture->encrypted)
		rc = capture_open_esp(src, keys);
	if (rc == -ENOMEM) {
		src->error_reason = "out of memory";
		fprintf(err, "%s: out of memory\n", in->name);
	} else if (rc < 0) {
		snprintf(reason_text, sizeof reason_text, "cannot read the capture: %s", src->capture->error);
		src->error_reason = reason_text;
		src->error_line = src->error_col = 1;
		fprintf(err, "%s: %s\n", in->name, reason_text);
	} else if (src->capture->nmsgs == 0) {
		/* read, but no SIP in it: as for text with no start line (what
		 * was read, encrypted ESP for one, is said with the report) */
		src->capture_read = true;
		src->error_reason = "no SIP message in the capture";
		src->error_line = src->error_col = 1;
		fprintf(err, "%s: %s\n", in->name, src->error_reason);
		rc = -EBADMSG;
	} else {
		src->capture_read = true;
	}
	return rc;
}

int cli_source_init(struct cli_source *src, const struct cli_input *in, enum cli_framing framing,
		    FILE *err)
{
	return cli_source_init_keyed(src, in, framing, NULL, err);
}

int cli_source_init_keyed(struct cli_source *src, const struct cli_input *in, enum cli_framing framing,
			  const struct auth_keys *keys, FILE *err)
{
	const bool strict = framing != CLI_FRAMING_LENIENT;
	src->in = in;
	src->strict = strict;
	src->datagram = framing == CLI_FRAMING_DATAGRAM;
	src->hinted = false;
	src->hint[0] = '\0';
	src->line_starts = NULL;
	src->nline_starts = 0;
	src->discarded = 0;
	src->next = 0;
	src->pk_day = 0;
	src->pk_have_last = false;
	src->summary_checked = src->summary_ok = false;
	src->pk_last_us = 0;
	src->error_reason = NULL;
	src->error_line = src->error_col = 0;
	src->capture = NULL;
	src->capture_read = false;
	memset(&src->esp, 0, sizeof src->esp);
	paste_init(&src->paste);
	if (cli_input_capture(in))
		return capture_init(src, keys, err);
	if (strict) {
		/* as the paste normaliser does for lenient input: an input of
		 * nothing but line breaks holds no message */
		size_t i = 0;
		while (i < in->len && (in->data[i] == '\r' || in->data[i] == '\n'))
			i++;
		if (i < in->len) {
			line_index(src);
			return 0;
		}
		src->error_reason = "no SIP request line or status line found";
		error_position(in->data, in->len, 0, &src->error_line, &src->error_col);
		error_report(err, in->name, in->data, in->len, 0, src->error_reason);
		return -EBADMSG;
	}
	struct sip_parse_error perr = { 0 };
	int rc = paste_normalise(&src->paste, in->data, in->len, &perr);
	if (rc == -ENOMEM) {
		src->error_reason = "out of memory";
		fprintf(err, "%s: out of memory\n", in->name);
	} else if (rc < 0) {
		size_t off = perr.offset <= in->len ? perr.offset : in->len;
		if (perr.at >= in->data && perr.at <= in->data + in->len)
			off = (size_t)(perr.at - in->data);
		src->error_reason = perr.reason ? perr.reason : "no SIP start line found";
		input_position(in, off, &src->error_line, &src->error_col);
		if (src->error_col > 1) {
			/* a start line inside a line: say what stands before it,
			 * and when the paste normaliser reads such text as a log
			 * prefix (paste.c start_after_prefix, next_header_line) */
			size_t b = off - (src->error_col - 1), k = off - b;
			snprintf(reason_text, sizeof reason_text,
				 "a SIP start line stands here after \"%.*s%s\", which is read as a log prefix "
				 "only when the start line ends its line and header lines follow it, on their "
				 "own lines or each after the same prefix: remove it (and anything after the "
				 "start line on its line)",
				 (int)(k > 40 ? 40 : k), in->data + b, k > 40 ? "..." : "");
			for (char *c = reason_text; *c; c++)
				if ((unsigned char)*c < 0x20 || *c == 0x7f)
					*c = '?';
			src->error_reason = reason_text;
		}
		input_report(err, in, src->error_line, src->error_col, off, src->error_reason);
	}
	return rc;
}

void cli_source_fini(struct cli_source *src)
{
	imsreg_free(src->line_starts);
	src->line_starts = NULL;
	paste_fini(&src->paste);
	cli_esp_sas_fini(&src->esp);
	if (src->capture) {
		trace_capture_fini(src->capture);
		imsreg_free(src->capture);
		src->capture = NULL;
	}
}

void cli_msg_position(const struct cli_msg *m, size_t off, unsigned *line, unsigned *col)
{
	for (; m->outer; m = m->outer)
		off += (size_t)(m->msg.buf - m->outer->msg.buf);
	const struct cli_source *src = m->src;
	if (src->capture)
		error_position(m->msg.buf, m->msg.len, off, line, col);
	else if (src->strict)
		strict_position(src, m->base + off, line, col);
	else
		paste_position(&src->paste, m->base + off, line, col);
}

void cli_msg_position_at(const struct cli_msg *m, const char *at, unsigned *line, unsigned *col)
{
	size_t off = 0;
	if (at && at >= m->msg.buf && at <= m->msg.buf + m->msg.len)
		off = (size_t)(at - m->msg.buf);
	cli_msg_position(m, off, line, col);
}

/* After the first error of a strict read: when the paste normaliser reads
 * the same input without an error (a log, a paste with LF line ends), says
 * so, since --strict takes wire bytes only and the user may not know it. */
static void lenient_hint(struct cli_source *src, FILE *err)
{
	const struct cli_input *in = src->in;
	struct paste p;
	struct sip_parse_error perr = { 0 };
	struct cli_msg *m = imsreg_malloc(sizeof *m);
	paste_init(&p);
	const char *utf16 = cli_input_utf16(in);
	if (utf16) {
		snprintf(src->hint, sizeof src->hint, "this input is %s text, not wire bytes: without "
			 "--strict it is read as UTF-8", utf16);
		fprintf(err, "%s: hint: %s\n", in->name, src->hint);
		goto out;
	}
	/* no repair: the text is wire bytes, and the strict error stands */
	if (!m || paste_normalise(&p, in->data, in->len, &perr) < 0 || p.nmsgs == 0 ||
	    p.nrepairs == 0)
		goto out;
	for (size_t i = 0; i < p.nmsgs; i++) {
		sip_msg_init(&m->msg, m->hdrs, CLI_MAX_HDRS);
		if (sip_msg_parse(&m->msg, p.text.ptr + p.msgs[i].offset, p.msgs[i].len,
				  SIP_PARSE_LENIENT, &perr) <= 0)
			goto out;
	}
	snprintf(src->hint, sizeof src->hint, "without --strict this input reads as pasted text or a "
		 "log: %zu message(s), %zu repair(s) of the text (--strict and --datagram take wire "
		 "bytes only)", p.nmsgs, p.nrepairs);
	fprintf(err, "%s: hint: %s\n", in->name, src->hint);
out:
	paste_fini(&p);
	imsreg_free(m);
}

/* Reports a parse error of the message that starts at base in the user's input. */
static void source_report(struct cli_source *src, struct cli_msg *m, const char *buf,
			  size_t len, size_t base, int rc, const struct sip_parse_error *perr,
			  bool glued, FILE *err)
{
	size_t off = perr->offset <= len ? perr->offset : len;
	if (perr->at >= buf && perr->at <= buf + len)
		off = (size_t)(perr->at - buf);
	const char *reason = perr->reason;
	if (rc == -EMSGSIZE) {
		reason = "more header fields than imsreg decode keeps (" CLI_STR(CLI_MAX_HDRS) ")";
	} else if (rc == -EAGAIN) {
		reason = "the message ends before the empty line that closes its headers";
		/* where the empty line is missing: after the last line */
		off = len;
		if (off && buf[off - 1] == '\n')
			off--;
		if (off && buf[off - 1] == '\r')
			off--;
	}
	if (!reason)
		reason = error_name(rc);
	const struct cli_input *in = src->in;
	m->error_reason = reason;
	if (src->capture) {
		char name[300];
		snprintf(name, sizeof name, "%s, frame %llu", in->name, (unsigned long long)m->frame);
		error_position(buf, len, off, &m->error_line, &m->error_col);
		error_report(err, name, buf, len, off, reason);
		return;
	}
	if (src->strict) {
		strict_position(src, base + off, &m->error_line, &m->error_col);
		error_report(err, in->name, in->data, in->len, base + off, reason);
		if (!src->hinted) {
			src->hinted = true;
			if (glued && !src->datagram) {
				snprintf(src->hint, sizeof src->hint, "when the input is one UDP datagram, "
					 "--datagram reads it: the bytes after the body are then discarded "
					 "(RFC 3261 §18.3)");
				fprintf(err, "%s: hint: %s\n", in->name, src->hint);
			} else {
				lenient_hint(src, err);
			}
		}
		return;
	}
	paste_position(&src->paste, base + off, &m->error_line, &m->error_col);
	input_report(err, in, m->error_line, m->error_col,
		     input_offset(in, m->error_line, m->error_col), reason);
}

#define DAY_US (86400ll * 1000000)

/* The times of tshark -P's summary lines (pkt_summary_time) are taken
 * only when, over the whole paste, none goes back (a time of day alone
 * may by more than 12 h: midnight passed): -t d's and -t dd's times since
 * the packet before have the shape of -t r's since the first, and a
 * capture whose clock went back has negative ones. */
static bool summary_times_ok(struct cli_source *src)
{
	if (src->summary_checked)
		return src->summary_ok;
	src->summary_checked = true;
	src->summary_ok = true;
	bool have = false;
	int64_t last = 0;
	for (size_t i = 0; i < src->paste.nmsgs; i++) {
		const struct paste_msg *pm = &src->paste.msgs[i];
		struct pkt_line l;
		if (!pm->ends_len || pkt_line_read(pm->packet, &l) || !pkt_summary_time(pm->packet, &l))
			continue;
		const int64_t us = l.sec * 1000000 + l.usec;
		if (have && us < last && (l.dated || us >= last - DAY_US / 2)) {
			src->summary_ok = false;
			break;
		}
		have = true;
		last = us;
	}
	return src->summary_ok;
}

/* A pasted message's packet line that tells where and when it went
 * exactly (tcpdump -n, ngrep -t: pkt_line_read) gives m->pk, for the
 * packet rules as a capture file's packet does; so does tshark -P's
 * summary line before a hex dump, its time with the endpoints of the
 * dump's headers (paste_ends). A line that says only where (a hex dump's
 * written line, tcpdump -ttt's, ngrep's without -t: pkt_line_ends_read)
 * gives an untimed m->pk, one that says only when (SIPp's:
 * pkt_time_line_read) one with no endpoints: the rules that need what is
 * missing do not run. A time of day alone is
 * put in src's day: midnight passed when it goes back by more than 12 h
 * from the line before. True when the line does not say the transport
 * (sngrep's): the message's top Via then says it (via_transport). */
static bool packet_of_line(struct cli_source *src, struct cli_msg *m, const struct paste_msg *pm)
{
	struct pkt_line l, e;
	bool timed = true, fine = true;
	if (pkt_line_read(m->packet, &l)) {
		/* where and when */
	} else if (pkt_line_ends_read(paste_ends(&src->paste, pm), &e)) {
		/* tshark -P's summary: when, the dump's headers where */
		timed = pkt_summary_time(m->packet, &l) && summary_times_ok(src);
		l.ends = e.ends;
		l.udp = e.udp;
	} else if (pkt_time_line_read(m->packet, &l)) {
		/* SIPp's: when alone */
	} else if (pkt_line_ends_read(m->packet, &l)) {
		timed = false; /* a hex dump's written line, ngrep without -t: where alone */
	} else if (pkt_log_time_read(m->logged, &l, &fine)) {
		/* a log's time stamp: when it was logged, perhaps to the second */
	} else {
		return false;
	}
	m->pk.ends = l.ends;
	m->pk.udp = l.udp;
	m->pk.untimed = !timed;
	m->pk.coarse = !fine;
	m->pk.frame = l.frame;
	if (!timed)
		return l.unsaid;
	int64_t us = l.sec * 1000000 + l.usec;
	if (!l.dated) {
		if (src->pk_have_last && src->pk_day * DAY_US + us < src->pk_last_us - DAY_US / 2)
			src->pk_day++;
		us += src->pk_day * DAY_US;
	}
	src->pk_have_last = true;
	src->pk_last_us = us;
	m->pk.sec = us / 1000000;
	m->pk.usec = (uint32_t)(us % 1000000);
	return l.unsaid;
}

/* The transport of the hop a message went over, as its top Via says it
 * (RFC 3261 §18.1.1: a request's sender writes it, and a response goes
 * back over the hop that Via names): whether it is UDP. A Via that cannot
 * be read, or names another transport, leaves it not UDP, where no check
 * of UDP's ports runs. */
static bool via_transport_udp(const struct sip_msg *msg)
{
	const struct sip_hdr *h = sip_hdr_first(msg, SIP_HDR_VIA);
	if (!h)
		return false;
	struct sip_list it;
	struct slice item;
	struct sip_via via;
	struct sip_parse_error perr;
	sip_list_init(&it, h->value);
	return sip_list_next(&it, &item, &perr) > 0 && sip_via_decode(&via, item, &perr) == 0 &&
	       slice_caseeq_cstr(via.transport, "UDP");
}

int cli_source_next(struct cli_source *src, struct cli_msg *m, FILE *err)
{
	struct sip_parse_error perr = { 0 };
	const char *buf;
	size_t len;
	unsigned flags;
	bool fields = false; /* header fields pasted without a start line */
	bool unsaid = false; /* a packet line that does not say the transport */
	/* strict: where the previous message ended by its Content-Length */
	size_t prev_end = src->next;
	m->src = src;
	m->outer = NULL;
	m->error_reason = NULL;
	m->error_line = m->error_col = 0;
	sip_msg_init(&m->msg, m->hdrs, CLI_MAX_HDRS);
	m->packet = SLICE_NULL;
	m->logged = SLICE_NULL;
	m->frame = 0;
	m->pk.ends.ver = 0;
	m->pk.coarse = false;
	m->pk.untimed = true; /* and no ends: no packet */
	if (src->capture) {
		/* one message a packet (or a TCP stream, an SCTP message) gave */
		const struct trace_capture *c = src->capture;
		if (src->next >= c->nmsgs)
			return 0;
		const struct trace_msg *tm = &c->msgs[src->next];
		m->base = tm->offset;
		m->frame = tm->frame;
		m->pk.ends = tm->ends;
		m->pk.udp = tm->transport == TRACE_UDP;
		m->pk.untimed = false;
		m->pk.sec = tm->sec;
		m->pk.usec = tm->usec;
		m->pk.frame = tm->frame;
		m->packet = slice_make(c->lines.ptr + tm->line, tm->line_len);
		buf = c->text.ptr + tm->offset;
		len = tm->len;
		flags = 0;
	} else if (src->strict) {
		const struct cli_input *in = src->in;
		/* CRLF keep-alives between messages (RFC 5626 §3.5.1) */
		while (src->next < in->len && (in->data[src->next] == '\r' || in->data[src->next] == '\n'))
			src->next++;
		if (src->next >= in->len || (src->datagram && m->index > 0))
			return 0;
		m->base = src->next;
		buf = in->data + m->base;
		len = in->len - m->base;
		flags = 0;
	} else {
		if (src->next >= src->paste.nmsgs)
			return 0;
		const struct paste_msg *pm = &src->paste.msgs[src->next];
		m->base = pm->offset;
		m->packet = pm->logged ? SLICE_NULL : pm->packet;
		m->logged = pm->logged ? pm->packet : SLICE_NULL;
		unsaid = packet_of_line(src, m, pm);
		buf = src->paste.text.ptr + pm->offset;
		len = pm->len;
		flags = SIP_PARSE_LENIENT;
		fields = pm->fields;
	}
	m->index++;
	int rc = fields ? sip_fields_parse(&m->msg, buf, len, flags, &perr)
			: sip_msg_parse(&m->msg, buf, len, flags, &perr);
	if (rc <= 0) {
		if (rc == 0)
			rc = -EBADMSG;
		const char *nl = memchr(buf, '\n', len);
		bool in_first_line = rc == -EAGAIN ? !nl : perr.at >= buf && (!nl || perr.at <= nl);
		bool glued = src->strict && !src->capture && m->index > 1 && prev_end == m->base && in_first_line;
		if (glued) {
			/* bytes glued to the end of the previous message are the
			 * rest of its body as pasted or edited, not a message */
			snprintf(reason_text, sizeof reason_text,
				 "%zu bytes after the end of the body as Content-Length sets it "
				 "(RFC 3261 §18.3), and they are no SIP message", len);
			perr.reason = reason_text;
			perr.at = buf;
			perr.offset = 0;
		}
		source_report(src, m, buf, len, m->base, rc, &perr, glued, err);
		/* strict framing is lost after a bad message; a paste and a
		 * capture know where the next starts */
		src->next = src->strict && !src->capture ? src->in->len : src->next + 1;
		return rc;
	}
	if ((!src->strict || src->capture) && (size_t)rc < len) {
		/* a pasted body longer than its Content-Length: the paste
		 * normaliser found where the message ends, so the body is all of
		 * it, and the rule book reports the mismatch (not a silent cut);
		 * the same for a captured datagram's bytes after the body */
		m->msg.body = slice_make(buf + m->msg.head_len, len - m->msg.head_len);
		m->msg.len = len;
	}
	src->next = src->strict && !src->capture ? m->base + (size_t)rc : src->next + 1;
	if (unsaid)
		m->pk.udp = via_transport_udp(&m->msg);
	if (src->datagram) {
		/* RFC 3261 §18.3: a datagram's octets past Content-Length are
		 * discarded, whatever they hold (RFC 4475 dblreq) */
		src->discarded = len - (size_t)rc;
		src->next = src->in->len;
	}
	return 1;
}

void cli_addr_it_init(struct cli_addr_it *it, const struct sip_msg *msg, enum sip_hdr_id id,
		      unsigned flags)
{
	it->msg = msg;
	it->flags = flags;
	it->h = sip_hdr_first(msg, id);
	if (it->h)
		sip_list_init(&it->list, it->h->value);
}

bool cli_addr_next(struct cli_addr_it *it, struct sip_addr *a)
{
	struct sip_parse_error perr;
	struct slice item;
	while (it->h) {
		while (sip_list_next(&it->list, &item, &perr) > 0)
			if (sip_addr_decode(a, item, it->flags, &perr) == 0)
				return true;
		it->h = sip_hdr_next(it->msg, it->h);
		if (it->h)
			sip_list_init(&it->list, it->h->value);
	}
	return false;
}
