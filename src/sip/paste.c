/* paste.c: lenient normaliser of pasted SIP text into wire-form messages
 * (RFC 3261 §7 message syntax; log prefixes, doubled line breaks, folding). */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/paste.h>
#include <imsreg/scan.h>

/* A byte range of text copied from the input: text[out, out + len) came
 * from input line `line`, starting at column `col` (1-based). */
struct paste_span {
	size_t out;
	size_t len;
	unsigned line;
	unsigned col;
};

/* One input line. */
struct line {
	size_t start;   /* first byte of the line in the input (after a byte order mark) */
	size_t cstart;  /* first byte after a log prefix, quoting, indentation */
	size_t end;     /* end of content: before CR LF / LF / end of input */
	size_t next;    /* first byte of the next line */
	bool prefixed;  /* a "[ Line N ]" prefix was removed */
	bool quoted;    /* a "> " quoting prefix was removed */
	bool indented;  /* the indentation common to the message was removed */
	bool crlf;      /* ended with CR LF */
	bool crcrlf;    /* ended with CR CR LF (a file converted to CRLF twice) */
};

enum line_kind { BLANK, START, HEADER, CONTINUATION, TEXT };

void paste_init(struct paste *p)
{
	memset(p, 0, sizeof *p);
	buf_init(&p->text);
}

void paste_fini(struct paste *p)
{
	buf_fini(&p->text);
	imsreg_free(p->msgs);
	imsreg_free(p->repairs);
	imsreg_free(p->spans);
	paste_init(p);
}

/* Grows an array to hold one more element: 0 or -ENOMEM. */
static int grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 16;
	void *a = imsreg_realloc(*arr, c * size);
	if (!a)
		return -ENOMEM;
	*arr = a;
	*cap = c;
	return 0;
}

static int repair_add(struct paste *p, unsigned line, const char *what)
{
	if (grow((void **)&p->repairs, &p->cap_repairs, p->nrepairs, sizeof *p->repairs) < 0)
		return -ENOMEM;
	p->repairs[p->nrepairs++] = (struct paste_repair){ line, what };
	return 0;
}

/* Appends in[from, to) to text, remembering where it came from. */
static int copy(struct paste *p, const char *in, size_t from, size_t to, unsigned line,
		unsigned col)
{
	if (to <= from)
		return 0;
	if (grow((void **)&p->spans, &p->cap_spans, p->nspans, sizeof *p->spans) < 0)
		return -ENOMEM;
	p->spans[p->nspans++] = (struct paste_span){ p->text.len, to - from, line, col };
	buf_append(&p->text, in + from, to - from);
	return p->text.err;
}

/* "[ Line  N ]" / "[ Line NN]" at the start of a line: the length of the
 * prefix with the one SP that follows it, or 0. */
static size_t log_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n || s[i] != '[')
		return 0;
	i++;
	while (i < n && s[i] == ' ')
		i++;
	if (n - i < 4 || (s[i] | 0x20) != 'l' || (s[i + 1] | 0x20) != 'i' ||
	    (s[i + 2] | 0x20) != 'n' || (s[i + 3] | 0x20) != 'e')
		return 0;
	i += 4;
	while (i < n && s[i] == ' ')
		i++;
	size_t d = i;
	while (i < n && (unsigned)(s[i] - '0') <= 9)
		i++;
	if (i == d)
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i] != ']')
		return 0;
	i++;
	if (i < n && s[i] == ' ')
		i++;
	return i;
}

/* "> " quoting (mail, chat, Markdown) at the start of a line: its length
 * with the SP after each '>', or 0. No header, start line or folding line
 * starts with '>'. */
static size_t quote_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == '>') {
		i++;
		if (i < n && s[i] == ' ')
			i++;
	}
	return i;
}

/* A separator line between pasted messages: three or more of - = * # _ ~
 * and nothing else but white space. */
static bool is_separator(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')
			continue;
		if (!strchr("-=*#_~", s[i]))
			return false;
		k++;
	}
	return k >= 3;
}

static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* Request-Line "METHOD SP uri SP SIP/2.0" or Status-Line "SIP/2.0 NNN ...",
 * with any run of SP between the elements (the parser judges the spacing). */
static bool is_start_line(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= 11 && slice_startswith_case(slice_make(s, n), "SIP/2.0 ")) {
		size_t i = 8;
		while (i < n && s[i] == ' ')
			i++;
		return n - i >= 3 && (unsigned)(s[i] - '0') <= 9 && (unsigned)(s[i + 1] - '0') <= 9 &&
		       (unsigned)(s[i + 2] - '0') <= 9 && (n - i == 3 || s[i + 3] == ' ');
	}
	size_t i = 0;
	while (i < n && scan_is((unsigned char)s[i], SCAN_TOKEN))
		i++;
	if (i == 0 || i >= n || s[i] != ' ')
		return false;
	while (i < n && s[i] == ' ')
		i++;
	size_t u = i;
	bool colon = false;
	while (i < n && s[i] != ' ') {
		colon |= s[i] == ':';
		i++;
	}
	if (i == u || !colon || i >= n)
		return false;
	while (i < n && s[i] == ' ')
		i++;
	return n - i == 7 && slice_caseeq(slice_make(s + i, 7), SLICE_LIT("SIP/2.0"));
}

/* "name:" with name a token: a header field line. */
static bool is_header_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && scan_is((unsigned char)s[i], SCAN_TOKEN))
		i++;
	if (i == 0)
		return false;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < n && s[i] == ':';
}

/* "Via SIP/2.0/UDP ..." at column 0: a known header name (not a one-letter
 * compact form, which ordinary words start with too) followed by white
 * space but no ':'. It is a broken header of the message, not log text:
 * keeping it lets the parser report it at its position. */
static bool is_broken_header_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && scan_is((unsigned char)s[i], SCAN_TOKEN))
		i++;
	if (i < 2 || i == n || (s[i] != ' ' && s[i] != '\t'))
		return false;
	return sip_hdr_lookup(slice_make(s, i)) != SIP_HDR_OTHER;
}

static enum line_kind classify(const char *in, const struct line *l)
{
	const char *s = in + l->cstart;
	size_t n = l->end - l->cstart;
	if (is_blank(s, n))
		return BLANK;
	if (s[0] == ' ' || s[0] == '\t')
		return CONTINUATION;
	if (is_start_line(s, n))
		return START;
	if (is_header_line(s, n) || is_broken_header_line(s, n))
		return HEADER;
	return TEXT;
}

/* Content-Length (or l) on a header line: its value, or -1. */
static long content_length_of(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && scan_is((unsigned char)s[i], SCAN_TOKEN))
		i++;
	enum sip_hdr_id id = sip_hdr_lookup(slice_make(s, i));
	if (id != SIP_HDR_CONTENT_LENGTH)
		return -1;
	while (i < n && s[i] != ':')
		i++;
	i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	long v = 0;
	size_t d = i;
	while (i < n && (unsigned)(s[i] - '0') <= 9 && v < 100000000)
		v = v * 10 + (s[i++] - '0');
	return i == d ? -1 : v;
}

/* Content-Type (or c) message/sipfrag or message/sip on a header line: a
 * body that holds SIP start lines of its own (RFC 3420, RFC 3515 NOTIFY). */
static bool is_sip_body_type(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && scan_is((unsigned char)s[i], SCAN_TOKEN))
		i++;
	if (sip_hdr_lookup(slice_make(s, i)) != SIP_HDR_CONTENT_TYPE)
		return false;
	while (i < n && s[i] != ':')
		i++;
	i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return slice_startswith_case(slice_make(s + i, n > i ? n - i : 0), "message/sip");
}

/* Splits the input into lines: eol ends a line. With '\n' (the usual) a
 * CR before it is dropped; with '\r' (text from old Mac tools and some log
 * viewers, which end lines with CR alone) the CR is the whole line end. */
static int lines_split(const char *in, size_t len, char eol, struct line **out, size_t *count)
{
	size_t n = 0, cap = 0;
	struct line *ls = NULL;
	size_t pos = 0;
	while (pos < len) {
		size_t skip = 0;
		/* a UTF-8 byte order mark in front of the first line (editors on
		 * Windows write one) is not part of the text */
		if (pos == 0 && len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0)
			skip = 3;
		if (grow((void **)&ls, &cap, n, sizeof *ls) < 0) {
			imsreg_free(ls);
			return -ENOMEM;
		}
		const char *nl = memchr(in + pos, eol, len - pos);
		size_t e = nl ? (size_t)(nl - in) : len;
		bool cr = eol == '\n' && e > pos + skip && in[e - 1] == '\r';
		/* CR CR LF: a CRLF file converted to CRLF once more */
		bool crcr = cr && nl && e - 1 > pos + skip && in[e - 2] == '\r';
		struct line *l = &ls[n++];
		/* columns count from after the byte order mark, as editors show them */
		l->start = pos + skip;
		l->next = nl ? e + 1 : len;
		l->crlf = cr && nl && !crcr;
		l->crcrlf = crcr;
		l->end = crcr ? e - 2 : cr ? e - 1 : e;
		size_t c = l->start;
		size_t pre = log_prefix(in + c, l->end - c);
		l->prefixed = pre > 0;
		c += pre;
		size_t q = quote_prefix(in + c, l->end - c);
		l->quoted = q > 0;
		l->cstart = c + q;
		l->indented = false;
		pos = l->next;
	}
	*out = ls;
	*count = n;
	return 0;
}

/* Index of the line holding input byte `off` (lines are in order). */
static size_t line_at(const struct line *ls, size_t n, size_t from, size_t off)
{
	while (from < n && ls[from].next <= off)
		from++;
	return from;
}

struct state {
	struct paste *p;
	const char *in;
	const struct line *ls;
	size_t n;
	/* per message */
	size_t msg_start;
	bool in_msg;
	bool doubled;         /* a blank line inside this head was noise */
	bool noted_prefix, noted_lf, noted_blank, noted_quote, noted_indent, noted_crcrlf;
	bool cr_ends;         /* the input ends its lines with CR alone */
	long content_length;
	bool sip_body;        /* Content-Type message/sipfrag or message/sip */
};

static int note(struct state *st, bool *flag, unsigned line, const char *what)
{
	if (*flag)
		return 0;
	*flag = true;
	return repair_add(st->p, line, what);
}

static int msg_begin(struct state *st, size_t i)
{
	struct paste *p = st->p;
	if (grow((void **)&p->msgs, &p->cap_msgs, p->nmsgs, sizeof *p->msgs) < 0)
		return -ENOMEM;
	p->msgs[p->nmsgs] = (struct paste_msg){ p->text.len, 0, (unsigned)i + 1 };
	st->msg_start = p->text.len;
	st->in_msg = true;
	st->doubled = st->noted_prefix = st->noted_lf = st->noted_blank = false;
	st->noted_quote = st->noted_indent = st->noted_crcrlf = false;
	st->content_length = -1;
	st->sip_body = false;
	return 0;
}

static void msg_end(struct state *st)
{
	struct paste *p = st->p;
	p->msgs[p->nmsgs].len = p->text.len - st->msg_start;
	p->nmsgs++;
	st->in_msg = false;
}

/* The head line i into text, with CRLF. join: a column-0 line that
 * continues the previous field becomes folding (one SP in front). start:
 * the start line, whose trailing white space is removed. */
static int head_line(struct state *st, size_t i, bool join, bool start)
{
	const struct line *l = &st->ls[i];
	int rc = 0;
	if (l->prefixed)
		rc = note(st, &st->noted_prefix, (unsigned)i + 1, "removed \"[ Line N ]\" log prefixes");
	if (!rc && l->quoted)
		rc = note(st, &st->noted_quote, (unsigned)i + 1, "removed \"> \" quoting");
	if (!rc && l->indented)
		rc = note(st, &st->noted_indent, (unsigned)i + 1,
			  "removed the indentation common to the lines of the message");
	if (!rc && l->crcrlf)
		rc = note(st, &st->noted_crcrlf, (unsigned)i + 1, "CR CR LF line ends changed to CRLF");
	else if (!rc && !l->crlf && l->next > l->end)
		rc = note(st, &st->noted_lf, (unsigned)i + 1,
			  st->cr_ends ? "CR line ends changed to CRLF" : "LF line ends changed to CRLF");
	size_t end = l->end;
	if (!rc && start) {
		/* RFC 4475 §3.1.2.10 (trws): wire text must not have it; in a
		 * paste it is an editor's or a log's leftover */
		while (end > l->cstart && (st->in[end - 1] == ' ' || st->in[end - 1] == '\t'))
			end--;
		if (end < l->end)
			rc = repair_add(st->p, (unsigned)i + 1, "removed white space at the end of the start line");
	}
	if (!rc && join) {
		rc = repair_add(st->p, (unsigned)i + 1,
				"line at column 0 that is not a header joined to the previous header as folding");
		buf_putc(&st->p->text, ' ');
	}
	if (!rc)
		rc = copy(st->p, st->in, l->cstart, end, (unsigned)i + 1,
			  (unsigned)(l->cstart - l->start) + 1);
	buf_slice(&st->p->text, SLICE_LIT("\r\n"));
	return rc < 0 ? rc : st->p->text.err;
}

/* Line k holds only white space (after its prefix). */
static bool line_blank(const struct state *st, size_t k)
{
	return is_blank(st->in + st->ls[k].cstart, st->ls[k].end - st->ls[k].cstart);
}

/* In a doubled paste, a single blank line between two body lines (first..
 * up to offset fe) is noise like those between the header lines. */
static bool body_gap(const struct state *st, size_t first, size_t k, size_t fe)
{
	return st->doubled && k > first && k + 1 < st->n && st->ls[k + 1].start < fe &&
	       line_blank(st, k) && !line_blank(st, k - 1) && !line_blank(st, k + 1);
}

/* Copies the body lines first.. up to input offset fe (a line start, or
 * inside a line where a next message starts), each without its log prefix,
 * the blank lines of a doubled paste left out. crlf: a line end other than
 * CR LF becomes CR LF. 0, or the text buffer's error. */
static int body_copy(struct state *st, size_t first, size_t fe, bool crlf)
{
	for (size_t k = first; k < st->n && st->ls[k].start < fe; k++) {
		const struct line *l = &st->ls[k];
		if (body_gap(st, first, k, fe))
			continue;
		size_t ce = l->end < fe ? l->end : fe;
		int rc = copy(st->p, st->in, l->cstart, ce, (unsigned)k + 1,
			      (unsigned)(l->cstart - l->start) + 1);
		if (rc < 0)
			return rc;
		if (l->next > fe || l->next == l->end)
			continue; /* no line end (inside the line, or end of input) */
		if (crlf && !l->crlf)
			buf_slice(&st->p->text, SLICE_LIT("\r\n"));
		else if ((rc = copy(st->p, st->in, l->end, l->next, (unsigned)k + 1,
				    (unsigned)(l->end - l->start) + 1)) < 0)
			return rc;
	}
	return st->p->text.err;
}

/* Cuts text back to len bytes, with the spans that map it. */
static void text_truncate(struct paste *p, size_t len)
{
	p->text.len = len;
	while (p->nspans && p->spans[p->nspans - 1].out >= len)
		p->nspans--;
	if (p->nspans) {
		struct paste_span *s = &p->spans[p->nspans - 1];
		if (s->out + s->len > len)
			s->len = len - s->out;
	}
}

/* Where a pasted body that starts at line bi (input offset boff) ends:
 * at a line that is a SIP start line (not one inside the Content-Length
 * of a message/sipfrag body) or a separator, at the end of the input, or
 * inside a line where the Content-Length-th byte is followed by
 * a start line (messages back to back as on the wire). */
static size_t body_end(const struct state *st, size_t bi, size_t boff, long cl)
{
	size_t fe = st->ls[st->n - 1].next;
	size_t c = cl > 0 ? boff + (size_t)cl : 0;
	for (size_t k = bi; k < st->n; k++) {
		const struct line *l = &st->ls[k];
		if (c > l->cstart && c < l->end && is_start_line(st->in + c, l->end - c))
			return c;
		enum line_kind kind = classify(st->in, l);
		/* a sipfrag body's own start line, within its Content-Length */
		if (kind == START && st->sip_body && cl > 0 && l->start < c)
			continue;
		if (kind == START || (kind == TEXT && is_separator(st->in + l->cstart, l->end - l->cstart))) {
			fe = l->start;
			break;
		}
	}
	return fe;
}

/* The body of the message whose empty line is line i: from line bi
 * (input offset boff) to the next message, a separator or the end of the
 * input, without blank lines at its end (but those that make it exactly
 * Content-Length). As pasted, not cut to Content-Length (cl, or -1 when
 * there is none): a mismatch is the parser's and the rule book's to
 * report. Two exceptions: white space beyond Content-Length (the line end
 * after a body that has none) is dropped, and when changing the body's
 * bare LF (or CR) line ends to CR LF gives exactly Content-Length, they
 * are changed and the repair listed. *after: the input offset after the
 * body. */
static int body_take(struct state *st, size_t bi, size_t boff, size_t *after)
{
	long cl = st->content_length;
	size_t fe = body_end(st, bi, boff, cl);
	*after = fe;
	/* blank lines at the end are the gap before the next message */
	size_t last = bi;
	bool any = false;
	for (size_t k = bi; k < st->n && st->ls[k].start < fe; k++) {
		if (!is_blank(st->in + st->ls[k].cstart, st->ls[k].end - st->ls[k].cstart)) {
			last = k;
			any = true;
		}
	}
	if (!any)
		return 0;
	size_t te = st->ls[last].next < fe ? st->ls[last].next : fe;
	size_t start = st->p->text.len;
	int rc = body_copy(st, bi, te, false);
	for (size_t k = bi; k <= last && rc == 0; k++)
		if (body_gap(st, bi, k, te))
			rc = note(st, &st->noted_blank, (unsigned)k + 1, "removed blank lines between header lines");
	if (rc < 0 || cl < 0)
		return rc;
	size_t blen = st->p->text.len - start;
	if (blen == (size_t)cl)
		return 0;
	if (blen < (size_t)cl && (size_t)cl - blen <= fe - te) {
		/* a body whose last lines are empty (RFC 4475 multi01's SDP
		 * ends CRLF CRLF): the blank lines after it are its own when
		 * they make exactly Content-Length */
		size_t need = (size_t)cl - blen, i = 0;
		while (i < need && (st->in[te + i] == '\r' || st->in[te + i] == '\n' ||
				    st->in[te + i] == ' ' || st->in[te + i] == '\t'))
			i++;
		if (i == need) {
			size_t k = last + 1;
			while (k + 1 < st->n && st->ls[k + 1].start <= te)
				k++;
			return copy(st->p, st->in, te, te + need, (unsigned)k + 1, 1);
		}
	}
	if (blen > (size_t)cl) {
		const char *t = st->p->text.ptr + start;
		size_t k = (size_t)cl;
		while (k < blen && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r' || t[k] == '\n'))
			k++;
		if (k == blen) {
			text_truncate(st->p, start + (size_t)cl);
			return 0;
		}
	}
	/* the length with CR LF line ends */
	size_t clen = blen;
	for (size_t k = bi; k <= last; k++) {
		const struct line *l = &st->ls[k];
		if (l->next <= te && l->next > l->end && !body_gap(st, bi, k, te))
			clen = clen - (l->next - l->end) + 2;
	}
	if (clen != (size_t)cl)
		return 0;
	text_truncate(st->p, start);
	rc = body_copy(st, bi, te, true);
	if (rc == 0)
		rc = repair_add(st->p, (unsigned)bi + 1, st->cr_ends ?
				"CR line ends in the body changed to CRLF, as Content-Length counts them" :
				"LF line ends in the body changed to CRLF, as Content-Length counts them");
	return rc;
}

/* A column-0 line that is not a header continues the previous field when
 * that field is unfinished (ends with ',' ';' '=' or "Digest") or the line
 * reads as parameters (has '=' or ','), as in the seed fixtures ex2, ex6. */
static bool continues(const struct state *st, size_t i)
{
	if (i == 0 || st->p->text.len < 3)
		return false;
	const struct line *l = &st->ls[i];
	struct slice t = slice_make(st->in + l->cstart, l->end - l->cstart);
	if (slice_chr(t, '=') || slice_chr(t, ','))
		return true;
	/* the previous field as written: text ends with its CRLF */
	const char *e = st->p->text.ptr + st->p->text.len - 2;
	while (e > st->p->text.ptr && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e == st->p->text.ptr)
		return false;
	char c = e[-1];
	if (c == ',' || c == ';' || c == '=')
		return true;
	return e - st->p->text.ptr >= 6 && slice_caseeq(slice_make(e - 6, 6), SLICE_LIT("Digest"));
}

/* A message pasted with every line indented alike (quoted in a mail, a
 * wiki, a bug report): when no start line is at column 0 but the first
 * line with one after white space has it, that white space is removed from
 * every line that starts with it. Lines indented deeper keep the rest as
 * folding. */
static void indent_remove(struct state *st, struct line *ls)
{
	size_t first = st->n;
	for (size_t k = 0; k < st->n; k++) {
		enum line_kind kind = classify(st->in, &ls[k]);
		if (kind == START)
			return;
		if (kind != CONTINUATION || first < st->n)
			continue;
		const char *s = st->in + ls[k].cstart;
		size_t m = ls[k].end - ls[k].cstart, w = 0;
		while (w < m && (s[w] == ' ' || s[w] == '\t'))
			w++;
		if (is_start_line(s + w, m - w))
			first = k;
	}
	if (first == st->n)
		return;
	const char *ind = st->in + ls[first].cstart;
	size_t w = 0;
	while (ind[w] == ' ' || ind[w] == '\t')
		w++;
	for (size_t k = 0; k < st->n; k++) {
		struct line *l = &ls[k];
		if (l->end - l->cstart > w && memcmp(st->in + l->cstart, ind, w) == 0) {
			l->cstart += w;
			l->indented = true;
		}
	}
}

static bool word_byte(char c)
{
	return (unsigned)(((unsigned char)c | 0x20) - 'a') <= 25u || (unsigned)(c - '0') <= 9 || c == '/';
}

/* A SIP start line inside line l, after text that is no known prefix
 * (logcat, syslog, a dissector's "Request-Line: "), perhaps followed by
 * more (#015#012, a literal \r\n, ngrep's '.'): the input offset of its
 * first byte, or SIZE_MAX when there is none. */
static size_t start_inside(const char *in, const struct line *l)
{
	const char *s = in + l->cstart;
	size_t n = l->end - l->cstart;
	for (size_t q = 0; q + 7 <= n; q++) {
		if (memcmp(s + q, "SIP/2.0", 7) != 0)
			continue;
		bool word = q == 0 || !scan_is((unsigned char)s[q - 1], SCAN_TOKEN);
		if (word && q + 12 <= n && s[q + 7] == ' ' && (unsigned)(s[q + 8] - '0') <= 9 &&
		    (unsigned)(s[q + 9] - '0') <= 9 && (unsigned)(s[q + 10] - '0') <= 9 && s[q + 11] == ' ')
			return l->cstart + q;
		/* METHOD SP uri SP SIP/2.0, then nothing that continues a word */
		if (q < 2 || s[q - 1] != ' ' || (q + 7 < n && word_byte(s[q + 7])))
			continue;
		size_t u = q - 1;
		bool colon = false;
		while (u > 0 && s[u - 1] != ' ') {
			colon |= s[u - 1] == ':';
			u--;
		}
		if (!colon || u < 2 || s[u - 1] != ' ')
			continue;
		size_t m = u - 1;
		while (m > 0 && s[m - 1] >= 'A' && s[m - 1] <= 'Z')
			m--;
		if (u - 1 - m >= 3 && (m == 0 || !scan_is((unsigned char)s[m - 1], SCAN_TOKEN) || s[m - 1] == '.'))
			return l->cstart + m;
	}
	return SIZE_MAX;
}

/* Next non-blank line at or after i, or n. */
static size_t next_nonblank(const struct state *st, size_t i)
{
	while (i < st->n && classify(st->in, &st->ls[i]) == BLANK)
		i++;
	return i;
}

int paste_normalise(struct paste *p, const char *in, size_t len, struct sip_parse_error *err)
{
	struct line *ls = NULL;
	size_t n = 0;
	int rc;

	buf_reset(&p->text);
	p->nmsgs = p->nrepairs = p->nspans = 0;
	/* An input with CRs but not one LF ends its lines with CR alone. A
	 * bare CR in an input that has LFs is not taken as a line end: it is
	 * more likely a stray byte, and the parser says where it is. */
	bool cr_ends = !memchr(in, '\n', len) && memchr(in, '\r', len);
	rc = lines_split(in, len, cr_ends ? '\r' : '\n', &ls, &n);
	if (rc < 0)
		goto out;
	struct state st = { .p = p, .in = in, .ls = ls, .n = n, .cr_ends = cr_ends };
	if (len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0 &&
	    (rc = repair_add(p, 1, "removed the UTF-8 byte order mark")) < 0)
		goto out;
	indent_remove(&st, ls);
	size_t i = 0;
	bool skipped_text = false; /* a run of text outside messages is listed once */
	while (i < n) {
		enum line_kind k = classify(in, &ls[i]);
		if (!st.in_msg) {
			if (k == START) {
				skipped_text = false;
				rc = msg_begin(&st, i);
				if (rc < 0)
					goto out;
				rc = head_line(&st, i, false, true);
				if (rc < 0)
					goto out;
			} else if (k != BLANK && !skipped_text) {
				skipped_text = true;
				rc = repair_add(p, (unsigned)i + 1, "ignored text that is not part of a SIP message");
				if (rc < 0)
					goto out;
			}
			i++;
			continue;
		}
		if (k == START) {
			/* a new message: the previous one ended without its empty line */
			rc = repair_add(p, (unsigned)i, "added the empty line that ends the headers");
			buf_slice(&p->text, SLICE_LIT("\r\n"));
			if (rc < 0 || (rc = p->text.err) < 0)
				goto out;
			msg_end(&st);
			continue; /* the same line starts the next message */
		}
		if (k == TEXT && !continues(&st, i)) {
			/* neither a header nor the rest of one: log text */
			rc = repair_add(p, (unsigned)i + 1, "ignored a line that is neither a header nor a continuation");
			if (rc < 0)
				goto out;
			i++;
			continue;
		}
		if (k == HEADER || k == CONTINUATION || k == TEXT) {
			if (k == HEADER) {
				long cl = content_length_of(in + ls[i].cstart, ls[i].end - ls[i].cstart);
				if (cl >= 0)
					st.content_length = cl;
				else if (is_sip_body_type(in + ls[i].cstart, ls[i].end - ls[i].cstart))
					st.sip_body = true;
			}
			rc = head_line(&st, i, k == TEXT, false);
			if (rc < 0)
				goto out;
			i++;
			continue;
		}
		/* A blank line inside a head: noise from a doubled paste, or the
		 * real end of the head. */
		size_t j = next_nonblank(&st, i);
		enum line_kind nk = j < n ? classify(in, &ls[j]) : BLANK;
		bool body_follows = st.content_length > 0 && !st.doubled;
		/* in a doubled paste the real empty line shows as two or more
		 * blank lines: it ends the head when a body is due or follows */
		if (st.doubled && j - i >= 2 && (nk == TEXT || st.content_length > 0))
			body_follows = true;
		bool noise = j < n && !body_follows &&
			     (nk == HEADER || nk == CONTINUATION || (nk == TEXT && st.doubled));
		if (noise) {
			st.doubled = true;
			rc = note(&st, &st.noted_blank, (unsigned)i + 1,
				  "removed blank lines between header lines");
			if (rc < 0)
				goto out;
			i = j;
			continue;
		}
		/* End of head: the empty line, then the body. */
		buf_slice(&p->text, SLICE_LIT("\r\n"));
		if ((rc = p->text.err) < 0)
			goto out;
		/* the body starts after the empty line; in a doubled paste after
		 * the whole run of blank lines */
		size_t boff = ls[i].next;
		if (st.doubled)
			boff = j < n ? ls[j].start : len;
		if (st.content_length != 0) {
			size_t after;
			rc = body_take(&st, line_at(ls, n, i, boff), boff, &after);
			if (rc < 0)
				goto out;
			msg_end(&st);
			i = line_at(ls, n, i + 1, after);
			/* the body ended inside a line: the rest of that line is
			 * looked at on its own (a next message starts there) */
			if (i < n && after > ls[i].cstart)
				ls[i].cstart = after < ls[i].end ? after : ls[i].end;
			continue;
		}
		msg_end(&st);
		i++;
	}
	if (st.in_msg) {
		/* input ended inside a head */
		rc = repair_add(p, (unsigned)n, "added the empty line that ends the headers");
		buf_slice(&p->text, SLICE_LIT("\r\n"));
		if (rc < 0 || (rc = p->text.err) < 0)
			goto out;
		msg_end(&st);
	}
	if (p->nmsgs == 0) {
		rc = -EBADMSG;
		size_t at = SIZE_MAX;
		for (size_t k = 0; k < n && at == SIZE_MAX; k++)
			at = start_inside(in, &ls[k]);
		bool seen = at != SIZE_MAX;
		if (!seen)
			at = 0;
		if (err) {
			err->code = rc;
			err->at = in + at;
			err->offset = at;
			err->hdr = SIP_HDR_OTHER;
			err->reason = seen ? "a SIP start line stands here, but its line goes on with text "
					     "that is not part of it (escaped line ends such as \\r\\n or "
					     "#015#012, ngrep's '.'): a log format imsreg does not read; "
					     "turn it into plain SIP text and decode again"
					   : "no SIP request line or status line found";
		}
		goto out;
	}
	rc = p->text.err;
out:
	imsreg_free(ls);
	return rc;
}

void paste_position(const struct paste *p, size_t offset, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	if (p->nspans == 0)
		return;
	/* the last span that starts at or before offset */
	size_t lo = 0, hi = p->nspans;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->spans[mid].out <= offset)
			lo = mid;
		else
			hi = mid;
	}
	const struct paste_span *s = &p->spans[lo];
	if (offset < s->out) { /* before the first span */
		*line = s->line;
		*col = s->col;
		return;
	}
	size_t d = offset - s->out;
	if (d > s->len)
		d = s->len; /* an inserted byte (CRLF, folding SP): the end of the line */
	*line = s->line;
	*col = s->col + (unsigned)d;
}
