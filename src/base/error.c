/* error.c: line/column of a byte offset and compiler-style error reports. */
#include <errno.h>
#include <string.h>
#include <imsreg/error.h>

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
	/* Show the line with control bytes made visible, then the caret. */
	fputs("  ", out);
	for (size_t i = s; i < e; i++) {
		unsigned char c = (unsigned char)buf[i];
		fputc((c < 0x20 && c != '\t') || c == 0x7f ? '?' : c, out);
	}
	fputs("\n  ", out);
	for (size_t i = s; i < offset; i++)
		fputc(buf[i] == '\t' ? '\t' : ' ', out);
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
