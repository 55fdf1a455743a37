/* error.c: line/column of a byte offset and compiler-style error reports. */
#include <errno.h>
#include <string.h>
#include <imsreg/error.h>
#include <imsreg/scan.h>

void error_position(const char *buf, size_t len, size_t offset, unsigned *line, unsigned *col)
{
	unsigned l = 1;
	size_t start = 0;
	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++) {
		if (buf[i] == '\n') {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*col = (unsigned)(offset - start) + 1;
}

void error_report(FILE *out, const char *name, const char *buf, size_t len, size_t offset,
		  const char *reason)
{
	unsigned line, col;
	error_position(buf, len, offset, &line, &col);
	fprintf(out, "%s:%u:%u: %s\n", name, line, col, reason);
	if (offset > len)
		offset = len;
	size_t s = offset - (col - 1);
	size_t e = s;
	while (e < len && buf[e] != '\n' && buf[e] != '\r')
		e++;
	error_show_line(out, buf, s, e, offset);
}

void error_show_line(FILE *out, const char *buf, size_t s, size_t e, size_t offset)
{
	enum { SHOW = 100, BEFORE = 60 };
	char caret[SHOW + 8];
	size_t ws = s, we = e;
	if (e - s > SHOW) {
		ws = offset - s > BEFORE ? offset - BEFORE : s;
		we = e - ws > SHOW ? ws + SHOW : e;
	}
	fputs(ws > s ? "  ..." : "  ", out);
	size_t cols = 0;
	for (size_t i = ws; i < we;) {
		const unsigned char *c = (const unsigned char *)buf + i;
		size_t k = c[0] == '\t' ? 1 : utf8_text_len(c, we - i);
		if (!k) {
			fputc('?', out); /* one for a character (C1, layout), one a byte */
			k = utf8_seq_len(c, we - i);
			k = k ? k : 1;
		} else {
			fwrite(c, 1, k, out);
		}
		if (i < offset && cols < sizeof caret)
			caret[cols++] = c[0] == '\t' ? '\t' : ' ';
		i += k;
	}
	if (we < e)
		fputs("...", out);
	fputs(ws > s ? "\n     " : "\n  ", out);
	fwrite(caret, 1, cols, out);
	fputs("^\n", out);
}

const char *error_name(int code)
{
	switch (code) {
	case 0: return "ok";
	case -EINVAL: return "EINVAL";
	case -ENOMEM: return "ENOMEM";
	case -EBADMSG: return "EBADMSG";
	case -EAGAIN: return "EAGAIN";
	case -EMSGSIZE: return "EMSGSIZE";
	case -ENOENT: return "ENOENT";
	case -EPROTO: return "EPROTO";
	case -ERANGE: return "ERANGE";
	default: return strerror(-code);
	}
}
