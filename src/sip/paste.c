/* paste.c: lenient normaliser of pasted SIP text into wire-form messages
 * (RFC 3261 §7 message syntax; log prefixes, doubled line breaks, folding). */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <imsreg/alloc.h>
#include <imsreg/packet.h>
#include <imsreg/paste.h>
#include <imsreg/scan.h>

/* How the bytes of a run lie in the text they came from: byte k of the run
 * at step_off(k) after its first. Text copied as it is: one for one (a 1,
 * g 0). A hex dump's line: a byte for every a characters, and b more after
 * every g bytes (tcpdump's "4500 05dc": a 2, g 2, b 1; tshark's "45 00":
 * a 3; Wireshark's Copy as Hex Dump: a 3, g 8, b 1), the run's first byte
 * the ph-th of its group. One run or span then maps a whole line of a hex
 * dump, not each byte its own. */
struct step {
	uint8_t a, g, b, ph;
};

#define STEP_ONE ((struct step){ 1, 0, 0, 0 })

static inline size_t step_off(struct step s, size_t k)
{
	return k * s.a + (s.g ? (k + s.ph) / s.g * s.b : 0);
}

/* The step of the run's bytes from its k-th on. */
static inline struct step step_after(struct step s, size_t k)
{
	if (s.g)
		s.ph = (uint8_t)((s.ph + k) % s.g);
	return s;
}

static inline bool step_eq(struct step x, struct step y)
{
	return x.a == y.a && x.g == y.g && x.b == y.b && x.ph == y.ph;
}

/* An offset and a step in one word, so that maps keep their size (a map
 * holds a word or two for every line of a log): the offset in the low 56
 * bits (no text is 2^56 bytes), the step in the high 8: a - 1 (a is 1 to
 * 3), g as 0, 2 or 8 in two bits, b, and ph (below 8). */
#define PK_OFF_BITS 56

static inline uint64_t pk_make(size_t off, struct step st)
{
	unsigned g = st.g == 8 ? 2u : st.g == 2 ? 1u : 0u;
	unsigned code = (unsigned)(st.a - 1) | g << 2 | (unsigned)st.b << 4 | (unsigned)st.ph << 5;
	return (uint64_t)off | (uint64_t)code << PK_OFF_BITS;
}

static inline size_t pk_off(uint64_t v)
{
	return (size_t)(v & ((UINT64_C(1) << PK_OFF_BITS) - 1));
}

static inline struct step pk_step(uint64_t v)
{
	unsigned code = (unsigned)(v >> PK_OFF_BITS), g = code >> 2 & 3;
	return (struct step){ (uint8_t)((code & 3) + 1), (uint8_t)(g == 2 ? 8 : g == 1 ? 2 : 0),
			      (uint8_t)(code >> 4 & 1), (uint8_t)(code >> 5) };
}

/* A byte range of text copied from the input: text[out, out + len) came
 * from input line `line`, starting at column `col` (1-based), at byte
 * pk_off(src) of the text the normaliser read (the input, or the input
 * with its log format undone: see unlog below), each byte where
 * pk_step(src) says. */
struct paste_span {
	size_t out;
	size_t len;
	unsigned line;
	unsigned col;
	uint64_t src;
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
	bool boundary;  /* a message read from a log format ended before it */
};

enum line_kind { BLANK, START, HEADER, CONTINUATION, TEXT };

void paste_init(struct paste *p)
{
	memset(p, 0, sizeof *p);
	buf_init(&p->text);
	buf_init(&p->lines);
}

void paste_fini(struct paste *p)
{
	buf_fini(&p->text);
	buf_fini(&p->lines);
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

/* The index of the last of n elements (stride bytes apart from base, each
 * starting with a size_t, sorted by it) whose size_t is at or before key;
 * 0 when none is (n > 0). The line starts, the runs of a mapped text and
 * the spans of a paste are all searched so. */
static size_t last_at_or_before(const void *base, size_t n, size_t stride, size_t key)
{
	size_t lo = 0, hi = n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2, v;
		memcpy(&v, (const char *)base + mid * stride, sizeof v);
		if (v <= key)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
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
	p->spans[p->nspans++] = (struct paste_span){ p->text.len, to - from, line, col, pk_make(from, STEP_ONE) };
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

bool paste_is_start_line(const char *s, size_t n)
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
	if (n && s[0] == '.')
		return false; /* a dump's bytes before the payload */
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

/* The header id the token at the start of s[0, n) names (SIP_HDR_OTHER
 * when none), *end the token's end. */
static enum sip_hdr_id line_name_id(const char *s, size_t n, size_t *end)
{
	size_t i = 0;
	while (i < n && scan_is((unsigned char)s[i], SCAN_TOKEN))
		i++;
	*end = i;
	return sip_hdr_lookup(slice_make(s, i));
}

/* A header line whose name the codec knows. */
static bool is_known_header_line(const char *s, size_t n)
{
	size_t i;
	return is_header_line(s, n) && line_name_id(s, n, &i) != SIP_HDR_OTHER;
}

/* "Via SIP/2.0/UDP ..." at column 0: a known header name (not a one-letter
 * compact form, which ordinary words start with too) followed by white
 * space but no ':'. It is a broken header of the message, not log text:
 * keeping it lets the parser report it at its position. */
static bool is_broken_header_line(const char *s, size_t n)
{
	size_t i;
	enum sip_hdr_id id = line_name_id(s, n, &i);
	return i >= 2 && i < n && (s[i] == ' ' || s[i] == '\t') && id != SIP_HDR_OTHER;
}

static enum line_kind classify(const char *in, const struct line *l)
{
	const char *s = in + l->cstart;
	size_t n = l->end - l->cstart;
	if (is_blank(s, n))
		return BLANK;
	if (s[0] == ' ' || s[0] == '\t')
		return CONTINUATION;
	if (paste_is_start_line(s, n))
		return START;
	if (is_header_line(s, n) || is_broken_header_line(s, n))
		return HEADER;
	return TEXT;
}

/* Content-Length (or l) on a header line: its value, or -1. */
static long content_length_of(const char *s, size_t n)
{
	size_t i;
	if (line_name_id(s, n, &i) != SIP_HDR_CONTENT_LENGTH)
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

long paste_head_content_length(const char *s, size_t n)
{
	long cl = -1;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - s) : n, le = e > i && s[e - 1] == '\r' ? e - 1 : e;
		long v = content_length_of(s + i, le - i);
		if (v >= 0)
			cl = v;
		i = e + 1;
	}
	return cl;
}

/* Content-Type (or c) message/sipfrag, message/sip or multipart/... on a
 * header line: a body that holds SIP start lines of its own (RFC 3420, RFC
 * 3515 NOTIFY; a third-party REGISTER's message/sip parts, TS 24.229
 * §5.4.1.7, RFC 5621). */
static bool is_sip_body_type(const char *s, size_t n)
{
	size_t i;
	if (line_name_id(s, n, &i) != SIP_HDR_CONTENT_TYPE)
		return false;
	while (i < n && s[i] != ':')
		i++;
	i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	struct slice v = slice_make(s + i, n > i ? n - i : 0);
	return slice_startswith_case(v, "message/sip") || slice_startswith_case(v, "multipart/");
}

/* Splits the input into lines: eol ends a line. With '\n' (the usual) a
 * CR before it is dropped; with '\r' (text from old Mac tools and some log
 * viewers, which end lines with CR alone) the CR is the whole line end. */
static int lines_split(const char *in, size_t len, char eol, const size_t *bounds, size_t nbounds,
		       struct line **out, size_t *count)
{
	size_t n = 0, cap = 0, b = 0;
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
		while (b < nbounds && bounds[b] < pos)
			b++;
		l->boundary = b < nbounds && bounds[b] == pos;
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
	bool fields;          /* no start line in the input: a known header line
			       * begins a block of fields (struct paste_msg) */
	size_t lead_end;      /* a known header line before this line (the first
			       * start line) begins a block of fields too */
	bool block;           /* this message is such a block (after a message's
			       * end too: see the loop of normalise) */
	long content_length;
	bool sip_body;        /* Content-Type message/sipfrag, message/sip or multipart */
	bool single[SIP_HDR__COUNT]; /* the head has a field of this single-value id */
};

static int note(struct state *st, bool *flag, unsigned line, const char *what)
{
	if (*flag)
		return 0;
	*flag = true;
	return repair_add(st->p, line, what);
}

static int msg_begin(struct state *st, size_t i, bool block)
{
	struct paste *p = st->p;
	if (grow((void **)&p->msgs, &p->cap_msgs, p->nmsgs, sizeof *p->msgs) < 0)
		return -ENOMEM;
	p->msgs[p->nmsgs] = (struct paste_msg){ .offset = p->text.len, .first_line = (unsigned)i + 1,
						.packet = SLICE_NULL, .fields = block };
	st->block = block;
	st->msg_start = p->text.len;
	st->in_msg = true;
	st->doubled = st->noted_prefix = st->noted_lf = st->noted_blank = false;
	st->noted_quote = st->noted_indent = st->noted_crcrlf = false;
	memset(st->single, 0, sizeof st->single);
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
		if (l->boundary) {
			fe = l->start > boff ? l->start : boff;
			break;
		}
		if (c > l->cstart && c < l->end && paste_is_start_line(st->in + c, l->end - c))
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

/* A log line or two pasted after a body (a timestamp, "message received")
 * with a blank line before them: when the body's lines up to that blank
 * line make exactly Content-Length (as pasted, or with CR LF line ends),
 * the lines after it are log text, not body. Returns the blank line's
 * index, or SIZE_MAX; *crlf when the length holds with CR LF only. A body
 * whose Content-Length ends elsewhere (inside a line, or with more body
 * after a blank line of its own) is left whole, as pasted. */
static size_t body_cl_cut(const struct state *st, size_t bi, size_t last, long cl, bool *crlf)
{
	if (cl <= 0 || st->doubled)
		return SIZE_MAX;
	size_t len = 0, clen = 0;
	for (size_t k = bi; k < last; k++) {
		const struct line *l = &st->ls[k];
		len += (l->end - l->cstart) + (l->next - l->end);
		clen += (l->end - l->cstart) + (l->next > l->end ? 2 : 0);
		if (len > (size_t)cl && clen > (size_t)cl)
			return SIZE_MAX;
		if ((len == (size_t)cl || clen == (size_t)cl) && !line_blank(st, k) && line_blank(st, k + 1)) {
			*crlf = len != (size_t)cl;
			return k + 1;
		}
	}
	return SIZE_MAX;
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
	bool cut_crlf = false;
	size_t cut = body_cl_cut(st, bi, last, cl, &cut_crlf);
	if (cut != SIZE_MAX) {
		int rc = body_copy(st, bi, st->ls[cut].start, cut_crlf);
		if (rc == 0 && cut_crlf)
			rc = repair_add(st->p, (unsigned)bi + 1, st->cr_ends ?
					"CR line ends in the body changed to CRLF, as Content-Length counts them" :
					"LF line ends in the body changed to CRLF, as Content-Length counts them");
		size_t k = cut;
		while (k <= last && line_blank(st, k))
			k++;
		if (rc == 0)
			rc = repair_add(st->p, (unsigned)k + 1, "ignored text that is not part of a SIP message "
					"(after the body as Content-Length sets it)");
		return rc;
	}
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
			/* a span for each line they are on, so that a byte's
			 * position is its own line's */
			for (size_t a = te, e = te + need; a < e && k < st->n; k++) {
				size_t b = st->ls[k].next < e ? st->ls[k].next : e;
				if (b <= a)
					continue;
				rc = copy(st->p, st->in, a, b, (unsigned)k + 1, (unsigned)(a - st->ls[k].start) + 1);
				if (rc < 0)
					return rc;
				a = b;
			}
			return 0;
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
		if (paste_is_start_line(s + w, m - w))
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

/* The first SIP start line in s[0, n) that begins at or after *q, after
 * any text (logcat, syslog, a dissector's "Request-Line: "), perhaps
 * followed by more (#015#012, a literal \r\n, ngrep's '.'): the index of
 * its first byte, with *q set to the index of its "SIP/2.0", or SIZE_MAX
 * when there is none. */
static size_t start_find(const char *s, size_t n, size_t *qp)
{
	for (size_t q = *qp; q + 7 <= n; q++) {
		/* glibc's memmem, not a compare at each byte: every line of a
		 * log is searched */
		const char *f = memmem(s + q, n - q, "SIP/2.0", 7);
		if (!f)
			break;
		q = (size_t)(f - s);
		bool word = q == 0 || !scan_is((unsigned char)s[q - 1], SCAN_TOKEN);
		if (word && q + 12 <= n && s[q + 7] == ' ' && (unsigned)(s[q + 8] - '0') <= 9 &&
		    (unsigned)(s[q + 9] - '0') <= 9 && (unsigned)(s[q + 10] - '0') <= 9 && s[q + 11] == ' ') {
			*qp = q;
			return q;
		}
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
		if (u - 1 - m >= 3 && (m == 0 || !scan_is((unsigned char)s[m - 1], SCAN_TOKEN) || s[m - 1] == '.')) {
			*qp = q;
			return m;
		}
	}
	return SIZE_MAX;
}

/* A SIP start line inside line l: the input offset of its first byte, or
 * SIZE_MAX when there is none. */
static size_t start_inside(const char *in, const struct line *l)
{
	size_t q = 0;
	size_t m = start_find(in + l->cstart, l->end - l->cstart, &q);
	return m == SIZE_MAX ? m : l->cstart + m;
}

/* Next non-blank line at or after i, or n. */
static size_t next_nonblank(const struct state *st, size_t i)
{
	while (i < st->n && classify(st->in, &st->ls[i]) == BLANK)
		i++;
	return i;
}

/* A line of i..j (inclusive) where a message read from a log format ended. */
static bool bounded(const struct state *st, size_t i, size_t j)
{
	for (size_t k = i; k <= j && k < st->n; k++)
		if (st->ls[k].boundary)
			return true;
	return false;
}

/* The id of line l's header field when it may appear only once in a
 * message (RFC 3261 §7.3: From, To, Call-ID, CSeq, ...), else SIP_HDR_OTHER. */
static enum sip_hdr_id single_field(const char *in, const struct line *l)
{
	size_t i;
	enum sip_hdr_id id = line_name_id(in + l->cstart, l->end - l->cstart, &i);
	return id != SIP_HDR_OTHER && sip_hdr_is_single(id) ? id : SIP_HDR_OTHER;
}

/* The header lines from line j up to the next blank line hold a field of
 * a single-value id the head before has: they are another message's (two
 * blocks of fields, or a message and the next one's fields, pasted with a
 * blank line between), not the rest of this head after a blank line of a
 * doubled paste. */
static bool repeats_single(const struct state *st, size_t j)
{
	for (; j < st->n; j++) {
		enum line_kind k = classify(st->in, &st->ls[j]);
		if (k != HEADER && k != CONTINUATION)
			return false;
		enum sip_hdr_id id = k == HEADER ? single_field(st->in, &st->ls[j]) : SIP_HDR_OTHER;
		if (id != SIP_HDR_OTHER && st->single[id])
			return true;
	}
	return false;
}

/* A header line of a name the codec knows at the start of line l. */
static bool known_field_line(const char *in, const struct line *l)
{
	return classify(in, l) == HEADER && is_known_header_line(in + l->cstart, l->end - l->cstart);
}

/* Header fields pasted without a message around them ("Authorization:
 * Digest ...", a Contact copied from a log), in an input none of whose
 * lines holds a start line (start_first): true when one is a header
 * line of a name the codec knows, at column 0 or, when none is, after the
 * white space of the first line indented so: that white space is removed
 * from every line that begins with it (quoted in a mail or a question, as
 * indent_remove does for a message; lines indented deeper keep the rest
 * as folding). */
static bool fields_only(const char *in, struct line *ls, size_t n)
{
	size_t first = n;
	for (size_t k = 0; k < n; k++) {
		if (known_field_line(in, &ls[k]))
			return true;
		if (first == n && classify(in, &ls[k]) == CONTINUATION) {
			const char *t = in + ls[k].cstart;
			size_t m = ls[k].end - ls[k].cstart, w = 0;
			while (w < m && (t[w] == ' ' || t[w] == '\t'))
				w++;
			if (is_known_header_line(t + w, m - w))
				first = k;
		}
	}
	if (first == n)
		return false;
	const char *ind = in + ls[first].cstart;
	size_t w = 0;
	while (ind[w] == ' ' || ind[w] == '\t')
		w++;
	for (size_t k = 0; k < n; k++) {
		struct line *l = &ls[k];
		if (l->end - l->cstart > w && memcmp(in + l->cstart, ind, w) == 0) {
			l->cstart += w;
			l->indented = true;
		}
	}
	return true;
}

/* The first line that holds a start line, at its start or (*inside)
 * after other text, or n. The header lines before a start line at a
 * line's start are read as blocks of fields (a message whose start line
 * was not copied, the UE's Authorization line pasted above the REGISTER),
 * as those after a message's end are; with none anywhere, fields_only
 * says whether the input is fields alone; before a start line inside a
 * line (a log's prefix) they are not: that message's error is the one to
 * show. */
static size_t start_first(const char *in, const struct line *ls, size_t n, bool *inside)
{
	*inside = false;
	for (size_t k = 0; k < n; k++) {
		if (classify(in, &ls[k]) == START)
			return k;
		if (start_inside(in, &ls[k]) != SIZE_MAX) {
			*inside = true;
			return k;
		}
	}
	return n;
}

/* The normaliser proper, over text without a log format (the input, or
 * what unlog made of it: bounds are the offsets of the lines before which
 * one of its messages ended). */
static int normalise(struct paste *p, const char *in, size_t len, const size_t *bounds, size_t nbounds,
		     struct sip_parse_error *err)
{
	struct line *ls = NULL;
	size_t n = 0;
	int rc;

	buf_reset(&p->text);
	buf_reset(&p->lines);
	p->nmsgs = p->nrepairs = p->nspans = 0;
	/* An input with CRs but not one LF ends its lines with CR alone. A
	 * bare CR in an input that has LFs is not taken as a line end: it is
	 * more likely a stray byte, and the parser says where it is. */
	bool cr_ends = !memchr(in, '\n', len) && memchr(in, '\r', len);
	rc = lines_split(in, len, cr_ends ? '\r' : '\n', bounds, nbounds, &ls, &n);
	if (rc < 0)
		goto out;
	struct state st = { .p = p, .in = in, .ls = ls, .n = n, .cr_ends = cr_ends };
	if (len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0 &&
	    (rc = repair_add(p, 1, "removed the UTF-8 byte order mark")) < 0)
		goto out;
	indent_remove(&st, ls);
	bool inside;
	size_t first_start = start_first(in, ls, n, &inside);
	st.fields = first_start == n && fields_only(in, ls, n);
	st.lead_end = first_start < n && !inside ? first_start : 0;
	size_t i = 0;
	bool skipped_text = false; /* a run of text outside messages is listed once */
	while (i < n) {
		enum line_kind k = classify(in, &ls[i]);
		if (!st.in_msg) {
			/* a line of a field the codec knows outside any message
			 * begins a block of fields in an input of fields alone,
			 * after a message (the Authorization line pasted after
			 * the 401 whose head ended with its empty line) and
			 * before the first (start_first) */
			if (k == START || ((st.fields || p->nmsgs > 0 || i < st.lead_end) &&
					   known_field_line(in, &ls[i]))) {
				skipped_text = false;
				rc = msg_begin(&st, i, k != START);
				if (rc < 0)
					goto out;
				if (k != START)
					continue; /* a block's first field: read as the fields after it */
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
		if (k == START || (ls[i].boundary && k != BLANK && p->text.len > st.msg_start)) {
			/* a new message, or the end of one read from a log format:
			 * the previous one ended without its empty line (a block of
			 * fields begun on this line has none of its own yet) */
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
				enum sip_hdr_id id = single_field(in, &ls[i]);
				if (id != SIP_HDR_OTHER)
					st.single[id] = true;
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
		/* a head that said Content-Length: 0 before any blank line
		 * (so no doubled paste) ends at its first one: header lines
		 * after it are another paste (the UE's Authorization line
		 * after the 401), not more of this head */
		bool said_empty = st.content_length == 0 && !st.doubled;
		/* in a doubled paste the real empty line shows as two or more
		 * blank lines: it ends the head when a body is due or follows */
		if (st.doubled && j - i >= 2 && (nk == TEXT || st.content_length > 0))
			body_follows = true;
		/* header lines that repeat a single-value field of this head
		 * (before the head was seen to be a doubled paste) are the next
		 * message's: the head ends here, without a body */
		bool next_msg = j < n && !st.doubled && !body_follows && nk == HEADER && repeats_single(&st, j);
		bool noise = j < n && !body_follows && !said_empty && !next_msg && !bounded(&st, i, j) &&
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
		/* fields pasted alone have a body only when Content-Length says so */
		if (!next_msg && (st.content_length > 0 || (st.content_length < 0 && !st.block))) {
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
					     "that is not part of it and no line end that imsreg reads "
					     "follows it: turn it into plain SIP text and decode again"
					   : "no SIP request line, status line or known header field found";
		}
		goto out;
	}
	rc = p->text.err;
out:
	imsreg_free(ls);
	return rc;
}

/* ---- Log formats: SIP text inside log lines --------------------------
 * Before the normaliser reads the input, the lines of these formats are
 * undone into plain SIP text, each byte remembering the input byte it came
 * from (an escape's bytes come from its first byte), so positions still
 * point into the user's file:
 * - a message on one line, its line ends escaped right after the start
 *   line: "\r\n" (Kamailio xlog $mb, JSON log shippers; also "\n" and
 *   "\u000d\u000a"), inside a JSON string value with its "\"" escapes, and
 *   "\\r\\n" when that JSON sits in a JSON string itself; rsyslog's
 *   "#015#012" (EscapeControlCharactersOnReceive: each control character
 *   as the escape prefix and three octal digits, '#' in syslog-protocol
 *   style); ngrep's ".." (-W none / -W single print every byte isprint()
 *   rejects as '.');
 * - Android logcat: each line of the message with its prefix (liblog
 *   logprint.cpp: threadtime "%s %5d %5d %c %-8s: ", time
 *   "%s %c/%-8s(%5d): ", brief "%c/%-8s(%5d): "); the lines of other tags
 *   between them are dropped; an app's text before the start line
 *   ("Sending SIP message: ") is dropped when the key's next line holds a
 *   header line, and from each line when each has it ("[-->] "); -v
 *   long's records ("[ TIME PID:TID L/TAG ]" on a line of its own, the
 *   text, an empty line) read as lines of that key, header and empty
 *   line dropped, whether a message is one record or a line a record;
 * - ngrep -W byline: after its packet header ("U 10.0.0.1:5060 ->
 *   10.0.0.2:5060 #3", ngrep.c dump_packet), each line of the message ends
 *   with '.', the CR it cannot print, before the LF it keeps;
 * - a log prefix before the start line only, the message's other lines as
 *   they are (start_after_prefix, a header line after it): the prefix is
 *   dropped, and the log lines after the message's end (msg_run, as for
 *   logcat) up to the next start line;
 * - a log prefix on every line of the message, or journalctl's prefix and
 *   the indentation of the entry's further lines (struct every): each
 *   line's prefix is dropped, lines of another shape between them too, and
 *   the log lines after the message's end as above.
 * A line holding a start line with neither such an escape nor header
 * lines after it, or a '\n' inside a header of an ordinary paste, is left
 * as it is. */

/* Text with the input offset of each of its bytes, kept as runs: bytes
 * [run[i].out, run[i + 1].out) of b (the last run: to b.len) came from
 * the input bytes from run[i].in on, as run[i].st lays them: one for one,
 * or a hex dump's line. A log line's content, copied whole, is one run;
 * an escape undone starts a new one; the bytes of a hex dump's line are
 * one run. (A size_t per byte, as this was first written, cost 8 bytes of
 * memory for each byte of a log: 850 MB for a 100 MB P-CSCF log; a run
 * per byte of a hex dump 16: 800 MB for 140 MB of tcpdump -X.) */
struct mapped_run {
	size_t out;
	uint64_t in; /* pk_make(input offset, step) */
};

struct mapped {
	struct buf b;
	struct mapped_run *run;
	size_t nrun, cap;
};

static void mapped_init(struct mapped *o)
{
	buf_init(&o->b);
	o->run = NULL;
	o->nrun = o->cap = 0;
}

static void mapped_fini(struct mapped *o)
{
	buf_fini(&o->b);
	imsreg_free(o->run);
	mapped_init(o);
}

/* The next bytes of o->b come from input offset from on, laid as st
 * says: the last run goes on when they follow it in the input so, else a
 * new one starts. 0 or -ENOMEM. */
static int mapped_from_step(struct mapped *o, size_t from, struct step st)
{
	if (o->nrun) {
		struct mapped_run *r = &o->run[o->nrun - 1];
		size_t n = o->b.len - r->out;
		struct step rs = pk_step(r->in);
		if (n == 0) { /* an empty last run: started anew */
			r->in = pk_make(from, st);
			return 0;
		}
		if (pk_off(r->in) + step_off(rs, n) == from && step_eq(step_after(rs, n), st))
			return 0;
	}
	if (grow((void **)&o->run, &o->cap, o->nrun, sizeof *o->run) < 0)
		return -ENOMEM;
	o->run[o->nrun++] = (struct mapped_run){ o->b.len, pk_make(from, st) };
	return 0;
}

/* The next byte of o->b comes from input offset from, a byte of a hex
 * dump's line (td_hex_line): as mapped_from_step one for one, but the
 * bytes of one line become a run of its step, read off its first bytes
 * (the second two or three characters after the first, a group's space
 * after the second or the eighth), each byte's offset exact. Only for the
 * bytes of one line: a run must not go past a line end. */
static int mapped_from_hex(struct mapped *o, size_t from)
{
	if (o->nrun) {
		struct mapped_run *r = &o->run[o->nrun - 1];
		size_t n = o->b.len - r->out, in = pk_off(r->in), d = from - in;
		struct step st = pk_step(r->in);
		if (n > 0 && in + step_off(st, n) == from)
			return 0; /* the run goes on at its step */
		if (n > 0 && from > in) {
			if (n == 1 && st.a == 1 && st.g == 0 && (d == 2 || d == 3))
				st = (struct step){ (uint8_t)d, 0, 0, 0 };
			else if (n == 2 && step_eq(st, (struct step){ 2, 0, 0, 0 }) && d == 5)
				st = (struct step){ 2, 2, 1, 0 };
			else if (n == 8 && step_eq(st, (struct step){ 3, 0, 0, 0 }) && d == 25)
				st = (struct step){ 3, 8, 1, 0 };
			if (in + step_off(st, n) == from) {
				r->in = pk_make(in, st);
				return 0;
			}
		}
	}
	return mapped_from_step(o, from, STEP_ONE);
}

static int mapped_from(struct mapped *o, size_t from)
{
	return mapped_from_step(o, from, STEP_ONE);
}

/* The index of the run holding byte i of o->b (o->nrun > 0). */
static size_t mapped_run_of(const struct mapped *o, size_t i)
{
	_Static_assert(offsetof(struct mapped_run, out) == 0, "searched by out");
	return last_at_or_before(o->run, o->nrun, sizeof *o->run, i);
}

/* The input offset byte i of o->b came from (i < o->b.len); *same and
 * *st, when same is not NULL: how many bytes from i on lie in the input
 * as *st says. */
static size_t mapped_at_step(const struct mapped *o, size_t i, size_t *same, struct step *st)
{
	size_t r = mapped_run_of(o, i), k = i - o->run[r].out;
	struct step rs = pk_step(o->run[r].in);
	if (same) {
		*same = (r + 1 < o->nrun ? o->run[r + 1].out : o->b.len) - i;
		*st = step_after(rs, k);
	}
	return pk_off(o->run[r].in) + step_off(rs, k);
}

static size_t mapped_at(const struct mapped *o, size_t i)
{
	return mapped_at_step(o, i, NULL, NULL);
}

/* Byte c, from input offset from: 0 or -ENOMEM. */
static int mapped_put(struct mapped *o, char c, size_t from)
{
	if (mapped_from(o, from) < 0)
		return -ENOMEM;
	buf_putc(&o->b, c);
	return o->b.err;
}

/* Byte c of a hex dump's line, from input offset from (its first hex
 * digit): 0 or -ENOMEM. */
static int mapped_put_hex(struct mapped *o, char c, size_t from)
{
	if (mapped_from_hex(o, from) < 0)
		return -ENOMEM;
	buf_putc(&o->b, c);
	return o->b.err;
}

/* o->b cut to its first n bytes, the runs after them dropped (a run that
 * began past them would make the map of the bytes put next wrong). */
static void mapped_truncate(struct mapped *o, size_t n)
{
	if (n >= o->b.len)
		return;
	o->b.len = n;
	o->b.ptr[n] = '\0';
	while (o->nrun > 1 && o->run[o->nrun - 1].out >= n)
		o->nrun--;
}

/* in[from, to) as it is. */
static int mapped_copy(struct mapped *o, const char *in, size_t from, size_t to)
{
	if (to <= from)
		return 0;
	if (mapped_from(o, from) < 0)
		return -ENOMEM;
	buf_append(&o->b, in + from, to - from);
	return o->b.err;
}

/* The input offset of byte i of a source s: mapped (sm not NULL), or at
 * base + i. */
static size_t source_at(const struct mapped *sm, size_t base, size_t i)
{
	return sm ? mapped_at(sm, base + i) : base + i;
}

static bool is_digit(char c)
{
	return (unsigned)(c - '0') <= 9;
}

/* s[i, i + k) are digits (and inside s[0, n)). */
static bool digits_at(const char *s, size_t n, size_t i, size_t k)
{
	if (i + k > n)
		return false;
	for (size_t j = i; j < i + k; j++)
		if (!is_digit(s[j]))
			return false;
	return true;
}

/* Where an escaped message starts, and the kind of its escapes. */
enum log_esc { ESC_NONE, ESC_JSON, ESC_JSON2, ESC_HASH, ESC_DOTS };

/* An escaped line end at s[0, n): its length, with its kind, or 0. */
static size_t esc_eol(const char *s, size_t n, enum log_esc *kind)
{
	static const struct {
		const char *text;
		enum log_esc kind;
	} eols[] = {
		{ "\\\\r\\\\n", ESC_JSON2 }, { "\\\\n", ESC_JSON2 }, { "\\r\\n", ESC_JSON },
		{ "\\n", ESC_JSON }, { "\\u000d\\u000a", ESC_JSON }, { "\\u000D\\u000A", ESC_JSON },
		{ "\\u000a", ESC_JSON }, { "\\u000A", ESC_JSON }, { "#015#012", ESC_HASH },
		{ "#012", ESC_HASH }, { "..", ESC_DOTS },
	};
	for (size_t i = 0; i < sizeof eols / sizeof eols[0]; i++) {
		size_t k = strlen(eols[i].text);
		if (n >= k && memcmp(s, eols[i].text, k) == 0) {
			*kind = eols[i].kind;
			return k;
		}
	}
	return 0;
}

/* "Name:" at s[0, n): a header name as messages write them (a letter,
 * then up to 63 token characters), white space allowed before the colon.
 * The bound keeps a long run of token bytes from being read again at each
 * of its dots. */
static bool header_name_at(const char *s, size_t n)
{
	if (n == 0 || (unsigned)(((unsigned char)s[0] | 0x20) - 'a') > 25u)
		return false;
	size_t i = 1;
	while (i < n && i < 64 && scan_is((unsigned char)s[i], SCAN_TOKEN))
		i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < n && s[i] == ':';
}

enum { REASON_MAX = 256 };

/* A message written on one line, s[0, n): a start line followed at once by
 * an escaped line end and a header name (or an escaped empty line). The
 * index of its first byte, with the kind of escape, or SIZE_MAX. A status
 * line's reason phrase runs to such a line end, within REASON_MAX bytes
 * (reason phrases are short; the bound keeps a line of many "SIP/2.0 200 "
 * linear). */
static size_t escaped_start(const char *s, size_t n, enum log_esc *kind)
{
	for (size_t q = 0;; q++) {
		size_t m = start_find(s, n, &q);
		if (m == SIZE_MAX)
			return m;
		size_t e = m == q ? q + 12 : q + 7;
		size_t last = m == q ? e + REASON_MAX : e + 1; /* a request line ends at SIP/2.0 */
		for (; e < last && e < n; e++) {
			size_t k = esc_eol(s + e, n - e, kind);
			if (!k)
				continue;
			enum log_esc k2;
			size_t a = e + k;
			if (header_name_at(s + a, n - a) ||
			    (*kind != ESC_DOTS && esc_eol(s + a, n - a, &k2) && k2 == *kind))
				return m;
		}
	}
}

/* \uXXXX at s[i, n): its code point, or -1. */
static long json_u(const char *s, size_t i, size_t n)
{
	if (i + 6 > n || s[i] != '\\' || s[i + 1] != 'u')
		return -1;
	long v = 0;
	for (size_t k = i + 2; k < i + 6; k++) {
		int h = scan_hex_value((unsigned char)s[k]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* JSON (and C) string escapes of s[0, n) into o: \r \n \t \" \\ \/ and
 * \uXXXX (a surrogate pair for one code point) as UTF-8, as JSON writers
 * that keep to ASCII escape the UTF-8 of a display name; any other
 * backslash stays, and so does a lone surrogate. sm: where each byte of s
 * came from (s is sm's text from base on), or NULL: byte i of s is input
 * byte base + i. quote: an unescaped '"' ends the string. */
static int unescape_json(struct mapped *o, const char *s, const struct mapped *sm, size_t base,
			 size_t n, bool quote)
{
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0;) {
		size_t at = source_at(sm, base, i);
		char c = s[i], v[4];
		size_t k = 0, nv = 1;
		if (c == '"' && quote)
			break;
		if (c == '\\' && i + 1 < n) {
			k = 2;
			switch (s[i + 1]) {
			case 'r':
				v[0] = '\r';
				break;
			case 'n':
				v[0] = '\n';
				break;
			case 't':
				v[0] = '\t';
				break;
			case '"':
			case '\\':
			case '/':
				v[0] = s[i + 1];
				break;
			case 'u': {
				long cp = json_u(s, i, n);
				k = 6;
				if (cp >= 0xd800 && cp <= 0xdbff) {
					long lo = json_u(s, i + 6, n);
					cp = lo >= 0xdc00 && lo <= 0xdfff ? 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00) : -1;
					k = 12;
				}
				if (cp < 0 || (cp >= 0xdc00 && cp <= 0xdfff)) {
					k = 0;
				} else {
					nv = utf8_encode(v, (uint32_t)cp);
				}
				break;
			}
			default:
				k = 0;
			}
		}
		if (k == 0) {
			rc = mapped_put(o, c, at);
			i++;
			continue;
		}
		for (size_t j = 0; j < nv && rc == 0; j++)
			rc = mapped_put(o, v[j], at);
		i += k;
	}
	return rc;
}

/* in[from, to) with the three-octal-digit escapes of a log tool made bytes
 * again: rsyslog's '#' escapes only control characters (below 040, and
 * 0177: EscapeControlCharactersOnReceive), so "#123" of a header stays as
 * written; Wireshark's '\' escapes any byte it does not show (format_text:
 * a UTF-8 display name too). */
static int unescape_octal(struct mapped *o, const char *in, size_t from, size_t to, char lead,
			  bool controls_only)
{
	int rc = 0;
	for (size_t i = from; i < to && rc == 0;) {
		if (in[i] == lead && i + 4 <= to && (unsigned)(in[i + 1] - '0') <= 3 &&
		    (unsigned)(in[i + 2] - '0') <= 7 && (unsigned)(in[i + 3] - '0') <= 7) {
			unsigned v = (unsigned)(in[i + 1] - '0') * 64 + (unsigned)(in[i + 2] - '0') * 8 +
				     (unsigned)(in[i + 3] - '0');
			if (!controls_only || v < 040 || v == 0177) {
				rc = mapped_put(o, (char)v, i);
				i += 4;
				continue;
			}
		}
		rc = mapped_put(o, in[i], i);
		i++;
	}
	return rc;
}

/* ngrep's one-line packet s[0, n) (sm and base as for unescape_json): in
 * the head, ".." before a header name, before
 * folding white space, before the ".." of the empty line or at the end is
 * CR LF (of a longer run of dots, the last two); the body stays as
 * printed. */
static int unescape_dots(struct mapped *o, const char *s, const struct mapped *sm, size_t base,
			 size_t n)
{
	int rc = 0;
	bool head = true;
	for (size_t i = 0; i < n && rc == 0;) {
		size_t at = source_at(sm, base, i);
		if (head && s[i] == '.' && i + 1 < n && s[i + 1] == '.') {
			size_t j = i + 2;
			bool empty = j + 1 < n && s[j] == '.' && s[j + 1] == '.' && (j + 2 == n || s[j + 2] != '.');
			if (j == n || empty || s[j] == ' ' || header_name_at(s + j, n - j)) {
				if ((rc = mapped_put(o, '\r', at)) == 0)
					rc = mapped_put(o, '\n', source_at(sm, base, i + 1));
				i = j;
				if (empty && rc == 0) {
					at = source_at(sm, base, j);
					if ((rc = mapped_put(o, '\r', at)) == 0)
						rc = mapped_put(o, '\n', source_at(sm, base, j + 1));
					i = j + 2;
					head = false;
				}
				continue;
			}
		}
		rc = mapped_put(o, s[i], at);
		i++;
	}
	return rc;
}

/* The process id and tag of a logcat line: lines of one message share them. */
struct logcat_key {
	struct slice pid, tag;
};

static bool logcat_key_eq(const struct logcat_key *a, const struct logcat_key *b)
{
	return a->pid.len == b->pid.len && a->tag.len == b->tag.len &&
	       memcmp(a->pid.ptr, b->pid.ptr, a->pid.len) == 0 && memcmp(a->tag.ptr, b->tag.ptr, a->tag.len) == 0;
}

static bool is_priority(char c)
{
	return c != '\0' && strchr("VDIWEFAS", c) != NULL;
}

/* Android logcat's prefix at the start of s[0, n) (liblog logprint.cpp):
 * threadtime "MM-DD HH:MM:SS.mmm  PID  TID L TAG     : ", time
 * "MM-DD HH:MM:SS.mmm L/TAG     ( PID): ", brief "L/TAG     ( PID): "; a
 * year before the date (-v year), more digits of the second (-v usec) and a
 * uid before the PID (-v uid) too. Its length with the one SP after the
 * colon, and the key of the line, or 0. */
static size_t logcat_prefix(const char *s, size_t n, struct logcat_key *key)
{
	size_t i = 0;
	bool timed = false;
	if (digits_at(s, n, 0, 4) && n > 4 && s[4] == '-')
		i = 5;
	if (digits_at(s, n, i, 2) && i + 14 <= n && s[i + 2] == '-' && digits_at(s, n, i + 3, 2) &&
	    s[i + 5] == ' ' && digits_at(s, n, i + 6, 2) && s[i + 8] == ':' && digits_at(s, n, i + 9, 2) &&
	    s[i + 11] == ':' && digits_at(s, n, i + 12, 2)) {
		i += 14;
		if (i < n && s[i] == '.')
			for (i++; i < n && is_digit(s[i]); i++)
				;
		if (i >= n || s[i] != ' ')
			return 0;
		while (i < n && s[i] == ' ')
			i++;
		timed = true;
	} else {
		i = 0;
	}
	if (i + 2 < n && is_priority(s[i]) && s[i + 1] == '/') {
		/* time, brief: the tag runs to the '(' of "( PID): " */
		size_t t = i + 2;
		for (size_t k = t; k < n; k++) {
			if (s[k] != '(')
				continue;
			size_t d = k + 1;
			while (d < n && s[d] == ' ')
				d++;
			size_t p0 = d;
			while (d < n && is_digit(s[d]))
				d++;
			if (d == p0 || d + 1 >= n || s[d] != ')' || s[d + 1] != ':')
				continue;
			size_t te = k;
			while (te > t && s[te - 1] == ' ')
				te--;
			key->pid = slice_make(s + p0, d - p0);
			key->tag = slice_make(s + t, te - t);
			d += 2;
			return d < n && s[d] == ' ' ? d + 1 : d;
		}
		return 0;
	}
	if (!timed)
		return 0;
	/* threadtime: [UID] PID TID L TAG: the tag runs to the first ": " */
	struct slice tok[3];
	size_t nt = 0;
	for (;;) {
		size_t b = i;
		while (i < n && (scan_is((unsigned char)s[i], SCAN_TOKEN) && s[i] != '.'))
			i++;
		if (i == b || i >= n || s[i] != ' ')
			return 0;
		if (nt >= 2 && i - b == 1 && is_priority(s[b]))
			break;
		if (nt == 3)
			return 0;
		tok[nt++] = slice_make(s + b, i - b);
		while (i < n && s[i] == ' ')
			i++;
	}
	struct slice pid = tok[nt - 2], tid = tok[nt - 1];
	if (!digits_at(pid.ptr, pid.len, 0, pid.len) || !digits_at(tid.ptr, tid.len, 0, tid.len))
		return 0;
	size_t t = i + 1;
	for (size_t k = t; k < n; k++) {
		if (s[k] != ':' || (k + 1 < n && s[k + 1] != ' '))
			continue;
		size_t te = k;
		while (te > t && s[te - 1] == ' ')
			te--;
		key->pid = pid;
		key->tag = slice_make(s + t, te - t);
		return k + 1 < n ? k + 2 : k + 1;
	}
	return 0;
}

/* logcat -v long's record header, alone on its line (liblog logprint.cpp:
 * "[ %s %s%5d:%5d %c/%-8s ]\n", the record's text after it and "\n\n"
 * after that): "[ TIME [UID] PID:TID L/TAG ]", the time any of logcat's
 * (MM-DD HH:MM:SS.mmm, with -v year, usec, epoch, monotonic: it starts
 * with a digit). The key of the record, or false. */
static bool logcat_long_header(const char *s, size_t n, struct logcat_key *key)
{
	if (n < 12 || s[0] != '[' || s[1] != ' ' || !is_digit(s[2]) || s[n - 1] != ']' || s[n - 2] != ' ')
		return false;
	size_t te = n - 2;
	while (te > 2 && s[te - 1] == ' ')
		te--;
	/* the ':' of PID:TID: digits after a SP before it; spaces, the
	 * thread (digits, or a pointer in old versions), SP, L '/' after it */
	for (size_t k = 3; k < te; k++) {
		if (s[k] != ':')
			continue;
		size_t p0 = k;
		while (p0 > 2 && is_digit(s[p0 - 1]))
			p0--;
		if (p0 == k || s[p0 - 1] != ' ')
			continue;
		size_t d = k + 1;
		while (d < te && s[d] == ' ')
			d++;
		size_t t0 = d;
		while (d < te && scan_is((unsigned char)s[d], SCAN_DIGIT | SCAN_ALPHA))
			d++;
		if (d == t0 || d + 3 > te || s[d] != ' ' || !is_priority(s[d + 1]) || s[d + 2] != '/')
			continue;
		key->pid = slice_make(s + p0, k - p0);
		key->tag = slice_make(s + d + 3, te - (d + 3));
		return true;
	}
	return false;
}

/* "addr:port" of an ngrep header: hex digits, '.' and ':', a port last. */
static bool ngrep_endpoint(const char *s, size_t n)
{
	size_t c = n;
	while (c > 0 && s[c - 1] != ':')
		c--;
	if (c < 2 || c == n || !digits_at(s, n, c, n - c))
		return false;
	for (size_t i = 0; i < c; i++)
		if (scan_hex_value((unsigned char)s[i]) < 0 && s[i] != '.' && s[i] != ':')
			return false;
	return true;
}

/* sngrep's packet header line in a file it saved as text (Save as .txt:
 * capture_txt.c): "2016/03/08 10:51:51.123456 10.0.0.1:5060 ->
 * 10.0.0.2:5060", the message after it as it went. */
static bool is_sngrep_header(const char *s, size_t n)
{
	if (n < 30 || !digits_at(s, n, 0, 4) || s[4] != '/' || !digits_at(s, n, 5, 2) || s[7] != '/' ||
	    !digits_at(s, n, 8, 2) || s[10] != ' ' || !digits_at(s, n, 11, 2) || s[13] != ':' ||
	    !digits_at(s, n, 14, 2) || s[16] != ':' || !digits_at(s, n, 17, 2))
		return false;
	size_t i = 19;
	if (i < n && s[i] == '.')
		for (i++; i < n && is_digit(s[i]); i++)
			;
	if (i >= n || s[i] != ' ')
		return false;
	size_t a = ++i;
	while (a + 4 <= n && memcmp(s + a, " -> ", 4) != 0)
		a++;
	return a + 4 < n && ngrep_endpoint(s + i, a - i) && ngrep_endpoint(s + a + 4, n - a - 4);
}

/* SIPp's -trace_msg log (<scenario>_<pid>_messages.log) writes before each
 * message a separator, 47 '-' and the time ("-----...----- 2026-11-23
 * 15:49:36.161061"), then "UDP message sent (511 bytes):" or "UDP message
 * received [309] bytes :" (TCP, TLS, SCTP, ... for the other transports),
 * then an empty line. The separator's time: its offset in s, 0 when s is
 * no such line. */
static size_t sipp_separator(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == '-')
		i++;
	if (i < 20 || i + 2 > n || s[i] != ' ' || !is_digit(s[i + 1]))
		return 0;
	return i + 1;
}

/* The length of SIPp's "UDP message sent (511 bytes)" line without its
 * ':' (and the space before it), 0 when s is no such line. */
static size_t sipp_message_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 8 && s[i] >= 'A' && s[i] <= 'Z')
		i++;
	if (i < 2 || i >= n || s[i] != ' ')
		return 0;
	i++;
	static const char sent[] = "message sent (", recv[] = "message received [";
	bool is_sent = n - i > sizeof sent - 1 && memcmp(s + i, sent, sizeof sent - 1) == 0;
	if (is_sent)
		i += sizeof sent - 1;
	else if (n - i > sizeof recv - 1 && memcmp(s + i, recv, sizeof recv - 1) == 0)
		i += sizeof recv - 1;
	else
		return 0;
	size_t d = i;
	while (i < n && is_digit(s[i]))
		i++;
	if (i == d)
		return 0;
	static const char sent_end[] = " bytes):", recv_end[] = "] bytes :";
	const char *tail = is_sent ? sent_end : recv_end;
	size_t tn = strlen(tail);
	if (n - i != tn || memcmp(s + i, tail, tn) != 0)
		return 0;
	return is_sent ? n - 1 : n - 2;
}

/* sofia-sip's tport log of a message (TPORT_LOG, tport_logging.c
 * tport_stamp; FreeSWITCH's "sofia global siptrace on"): "recv 1047 bytes
 * from udp/[10.0.0.1]:5060 at 13:03:53.937616:" or "send 577 bytes to
 * tcp/[2001:db8::1]:5061 at ...:", then a line of dashes, the message with
 * each line after three spaces, a line of dashes. */
static bool is_sofia_header(const char *s, size_t n)
{
	struct pkt_line l;
	return n > 20 && (memcmp(s, "recv ", 5) == 0 || memcmp(s, "send ", 5) == 0) &&
	       pkt_time_line_read(slice_make(s, n), &l);
}

/* sofia-sip's separator around a message it logs: three spaces (or none)
 * and a run of dashes. */
static bool is_sofia_separator(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	size_t d = i;
	while (i < n && s[i] == '-')
		i++;
	return i == n && i - d >= 40;
}

/* ngrep's packet header line (ngrep.c dump_packet): a protocol letter,
 * perhaps "(17)" (-N) and a time (-t, -T), "addr:port -> addr:port", the TCP
 * flags " [AP]", the packet number " #3". */
static bool is_ngrep_header(const char *s, size_t n)
{
	if (n < 10 || !strchr("TUIG?", s[0]) || s[0] == '\0' || (s[1] != ' ' && s[1] != '('))
		return false;
	size_t a = 2;
	while (a + 4 <= n && memcmp(s + a, " -> ", 4) != 0)
		a++;
	if (a + 4 > n)
		return false;
	size_t b = a;
	while (b > 2 && s[b - 1] != ' ')
		b--;
	size_t d = a + 4, ds = d;
	while (d < n && s[d] != ' ')
		d++;
	if (!ngrep_endpoint(s + b, a - b) || !ngrep_endpoint(s + ds, d - ds))
		return false;
	while (d < n && s[d] == ' ')
		d++;
	if (d < n && s[d] == '[') {
		while (d < n && s[d] != ']')
			d++;
		if (d == n)
			return false;
		d++;
		while (d < n && s[d] == ' ')
			d++;
	}
	if (d < n && s[d] == '#') {
		size_t k = ++d;
		while (d < n && is_digit(s[d]))
			d++;
		if (d == k)
			return false;
	}
	while (d < n && s[d] == ' ')
		d++;
	return d == n;
}

/* The input with its log formats undone, and the repairs that made it
 * (their lines are input lines). */
struct unlog {
	const char *in;
	size_t len;
	struct mapped out;
	struct paste_repair *repairs;
	size_t nrepairs, cap_repairs;
	size_t *bounds;       /* offsets in out of lines before which a message ended */
	size_t nbounds, cap_bounds;
	bool bound_next;      /* the next line out is such a line */
	bool changed;
	struct td_mark *marks; /* the packet line of each message read from tcpdump */
	size_t nmarks, cap_marks;
	struct buf lines;      /* packet lines written here (from a hex dump's bytes) */
	/* tshark -V -x: the line written from the details of the frame whose
	 * bytes come next (its number, Arrival Time, endpoints), in lines;
	 * ws_len 0: none */
	size_t ws_line, ws_len;
};

/* A message read from tcpdump's output: the input offset of its first
 * byte, and the line of its packet. */
struct td_mark {
	size_t at;
	size_t line;           /* in the input, or (written) in unlog.lines */
	uint32_t line_len;
	/* a dump whose packet line does not say its endpoints (tshark -P's
	 * summary): a line written from its headers, in unlog.lines (32 bits:
	 * a mark per message of a big log is 32 bytes) */
	uint32_t ends_line, ends_len;
	bool written;
	bool logged;           /* line is a log's text before the start line */
};

/* The text out differs from the input from input offset pos on: what
 * comes before it goes out now as it is (nothing is copied before the
 * first change, so input without a log format costs one scan). */
static int unlog_change(struct unlog *u, size_t pos)
{
	if (u->changed)
		return 0;
	u->changed = true;
	return mapped_copy(&u->out, u->in, 0, pos);
}

/* Before the next line goes out: a message ended before it. */
static int unlog_bound(struct unlog *u)
{
	if (!u->bound_next)
		return 0;
	u->bound_next = false;
	if (grow((void **)&u->bounds, &u->cap_bounds, u->nbounds, sizeof *u->bounds) < 0)
		return -ENOMEM;
	u->bounds[u->nbounds++] = u->out.b.len;
	return 0;
}

static int unlog_repair(struct unlog *u, unsigned line, const char *what)
{
	if (grow((void **)&u->repairs, &u->cap_repairs, u->nrepairs, sizeof *u->repairs) < 0)
		return -ENOMEM;
	u->repairs[u->nrepairs++] = (struct paste_repair){ line, what };
	return 0;
}

/* The message just decoded from one line, u->out from start on: log text
 * after its body as Content-Length sets it (a length or an address the
 * log line adds after the message) is cut off and listed. White space
 * there is left for the normaliser, which drops it, and so is text with a
 * start line in it (a next message). */
static int escaped_cut(struct unlog *u, unsigned lineno, size_t start)
{
	struct mapped *o = &u->out;
	const char *t = o->b.ptr + start;
	size_t n = o->b.len - start, i = 0;
	long cl = -1;
	for (;;) { /* the head, up to its empty line */
		const char *nl = memchr(t + i, '\n', n - i);
		if (!nl)
			return 0;
		size_t e = (size_t)(nl - t);
		size_t le = e > i && t[e - 1] == '\r' ? e - 1 : e;
		if (le == i) {
			i = e + 1;
			break;
		}
		long v = i > 0 ? content_length_of(t + i, le - i) : -1;
		if (v >= 0)
			cl = v;
		i = e + 1;
	}
	if (cl < 0 || n - i <= (size_t)cl)
		return 0;
	size_t k = i + (size_t)cl, w = k;
	while (w < n && (t[w] == ' ' || t[w] == '\t' || t[w] == '\r' || t[w] == '\n'))
		w++;
	size_t q = 0;
	if (w == n || start_find(t + k, n - k, &q) != SIZE_MAX)
		return 0; /* white space, or a next message on the same line */
	mapped_truncate(o, start + k);
	return unlog_repair(u, lineno, "ignored the log text after the message's body (beyond its Content-Length)");
}

/* The message escaped on one line from input offset a to ce (the end of
 * the line's content), line number lineno, into u->out with a line end. */
static int unlog_escaped(struct unlog *u, unsigned lineno, size_t a, size_t ce, enum log_esc kind)
{
	const char *in = u->in;
	struct mapped *o = &u->out;
	/* a JSON string value holds the message: its closing quote ends it;
	 * after \" it is a JSON string inside a JSON string */
	bool quoted = a > 0 && in[a - 1] == '"';
	bool quoted2 = quoted && a > 1 && in[a - 2] == '\\';
	const char *what = NULL;
	size_t start = o->b.len;
	int rc = 0;
	switch (kind) {
	case ESC_JSON:
		rc = unescape_json(o, in + a, NULL, a, ce - a, quoted && !quoted2);
		what = quoted ? "read a message from a JSON string (\\r\\n and \\\" escapes), the log text around it ignored"
			      : "read a message written on one line with \\r\\n escapes, the log text before it ignored";
		break;
	case ESC_JSON2: {
		struct mapped t;
		mapped_init(&t);
		rc = unescape_json(&t, in + a, NULL, a, ce - a, quoted);
		if (rc == 0)
			rc = unescape_json(o, t.b.ptr, &t, 0, t.b.len, quoted2);
		mapped_fini(&t);
		what = "read a message escaped twice (\\\\r\\\\n: JSON in a JSON string), the log text around it ignored";
		break;
	}
	case ESC_HASH:
		rc = unescape_octal(o, in, a, ce, '#', true);
		what = "read a message written on one line with rsyslog's #015#012 escapes, the log text before it ignored";
		break;
	case ESC_DOTS:
	default:
		rc = unescape_dots(o, in + a, NULL, a, ce - a);
		what = "read a message ngrep printed on one line ('..' for CR LF in the head, the body as printed)";
		break;
	}
	if (rc == 0)
		rc = unlog_repair(u, lineno, what);
	if (rc == 0)
		rc = escaped_cut(u, lineno, start);
	if (rc == 0 && (o->b.len == 0 || o->b.ptr[o->b.len - 1] != '\n'))
		rc = mapped_put(o, '\n', ce);
	return rc;
}

/* A message being read from log lines (logcat's, or plain lines after a
 * start line with a log prefix): where it ends (the empty line, then
 * Content-Length bytes of body), and for logcat the key of its lines. */
struct msg_run {
	bool on;           /* lines of key (logcat) or the next lines are the message's */
	bool head;         /* before its empty line */
	bool done;         /* it ended: log lines up to the next start line are not SIP */
	long cl;           /* its Content-Length, or -1 */
	size_t body_crlf;  /* the body so far, its lines counted with CR LF */
	size_t body_lf;    /* and with LF */
	struct logcat_key key;
	size_t mk, mkl;    /* logcat: the text before each line's content, in[mk, mk + mkl) (0: none) */
};

/* Line content in[c, ce) of a message read from log lines: where it is in
 * the message. */
static void msg_run_line(struct msg_run *r, const char *in, size_t c, size_t ce)
{
	if (r->head) {
		long cl = content_length_of(in + c, ce - c);
		if (cl >= 0)
			r->cl = cl;
		if (is_blank(in + c, ce - c)) {
			r->head = false;
			r->done = r->cl == 0;
		}
		return;
	}
	r->body_crlf += ce - c + 2;
	r->body_lf += ce - c + 1;
	/* the body as sent counted CR LF or LF line ends: the end is either */
	if (r->cl >= 0 && (r->body_crlf == (size_t)r->cl || r->body_lf >= (size_t)r->cl))
		r->done = true;
}

/* The end of the content of the line that starts at pos: before its LF
 * or CR LF, or at the end of the input. */
static size_t content_end(const char *in, size_t len, size_t pos)
{
	const char *nl = memchr(in + pos, '\n', len - pos);
	size_t e = nl ? (size_t)(nl - in) : len;
	return e > pos && in[e - 1] == '\r' ? e - 1 : e;
}

/* The start of the line after the one pos is in: after its LF, or the end
 * of the input. */
static size_t line_after(const char *in, size_t len, size_t pos)
{
	const char *nl = memchr(in + pos, '\n', len - pos);
	return nl ? (size_t)(nl - in) + 1 : len;
}

/* Kamailio's sipdump module, its text files (sipdump_write.c,
 * sipdump_data_print): each message after a record of its own,
 *   ====================
 *   tag: rcv                      (snd for one sent)
 *   pid: 1234
 *   process: 5
 *   time: 1700000000.123456
 *   date: Tue Nov 14 22:13:20 2023
 *   proto: udp ipv4
 *   srcip: 10.0.0.1
 *   srcport: 5060
 *   dstip: 10.0.0.2
 *   dstport: 5060
 *   ~~~~~~~~~~~~~~~~~~~~
 * then the message's bytes as they went and "||||||||||||||||||||" right
 * after them (on a line of its own when the message ends with CR LF). */
enum { SD_MARK = 20 };

static bool sd_line(const char *s, size_t n, char c)
{
	if (n != SD_MARK)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] != c)
			return false;
	return true;
}

/* What a sipdump record says, read from its lines. */
struct sipdump {
	bool head;                 /* between its "=" and "~" lines */
	bool pending;              /* its message's start line comes next */
	bool body;                 /* in its message, until the bars */
	size_t line, line_len;     /* the packet line written (in unlog.lines) */
	struct slice tag, time, proto, af, src, sport, dst, dport;
};

/* One "name: value" line of a sipdump record into d. */
static void sipdump_field(struct sipdump *d, const char *s, size_t n)
{
	static const struct {
		const char *name;
		size_t off;
	} names[] = {
		{ "tag: ", offsetof(struct sipdump, tag) },	      { "time: ", offsetof(struct sipdump, time) },
		{ "proto: ", offsetof(struct sipdump, proto) },   { "srcip: ", offsetof(struct sipdump, src) },
		{ "srcport: ", offsetof(struct sipdump, sport) }, { "dstip: ", offsetof(struct sipdump, dst) },
		{ "dstport: ", offsetof(struct sipdump, dport) },
	};
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		size_t m = strlen(names[k].name);
		if (n >= m && memcmp(s, names[k].name, m) == 0) {
			struct slice *v = (struct slice *)((char *)d + names[k].off);
			*v = slice_make(s + m, n - m);
			if (names[k].off == offsetof(struct sipdump, proto)) {
				/* "udp ipv4": the transport, then the family */
				const char *sp = memchr(s + m, ' ', n - m);
				if (sp) {
					d->af = slice_make(sp + 1, (size_t)(s + n - sp - 1));
					v->len = (size_t)(sp - (s + m));
				}
			}
			return;
		}
	}
}

/* The record's packet line, written into o in the shape of tcpdump -tttt's
 * (so pkt_line_read reads it: when, between which addresses and ports,
 * over what): "2023-11-14 22:13:20.123456 IP 10.0.0.1.5060 > 10.0.0.2.5060:
 * UDP, Kamailio sipdump rcv". Nothing when a field is missing or not a
 * number, or an address not numeric. */
static void sipdump_line(struct buf *o, const struct sipdump *d)
{
	char t[32], a[48], b[48], x[8], y[8];
	if (!d->time.len || d->time.len >= sizeof t || !d->src.len || d->src.len >= sizeof a || !d->dst.len ||
	    d->dst.len >= sizeof b || !d->sport.len || d->sport.len >= sizeof x || !d->dport.len ||
	    d->dport.len >= sizeof y || !d->proto.len)
		return;
	memcpy(t, d->time.ptr, d->time.len), t[d->time.len] = '\0';
	memcpy(a, d->src.ptr, d->src.len), a[d->src.len] = '\0';
	memcpy(b, d->dst.ptr, d->dst.len), b[d->dst.len] = '\0';
	memcpy(x, d->sport.ptr, d->sport.len), x[d->sport.len] = '\0';
	memcpy(y, d->dport.ptr, d->dport.len), y[d->dport.len] = '\0';
	char *end;
	unsigned long long sec = strtoull(t, &end, 10);
	unsigned long usec = 0;
	if (end == t || (*end && *end != '.'))
		return;
	if (*end == '.') {
		char *f = end + 1;
		usec = strtoul(f, &end, 10);
		if (end != f + 6 || *end)
			return;
	}
	unsigned long sp = strtoul(x, &end, 10), dp = 0;
	if (*end || sp > 65535 || (dp = strtoul(y, &end, 10), *end) || dp > 65535 || sec > (1ull << 40))
		return;
	unsigned char bin[16];
	const bool v6 = strchr(a, ':') != NULL;
	if (inet_pton(v6 ? AF_INET6 : AF_INET, a, bin) != 1 || inet_pton(v6 ? AF_INET6 : AF_INET, b, bin) != 1)
		return;
	const bool udp = d->proto.len == 3 && memcmp(d->proto.ptr, "udp", 3) == 0;
	const bool sctp = d->proto.len == 4 && memcmp(d->proto.ptr, "sctp", 4) == 0;
	char when[PKT_TIME_TEXT_MAX];
	pkt_time_text(when, (int64_t)sec, (uint32_t)usec);
	const bool tcp = d->proto.len == 3 && memcmp(d->proto.ptr, "tcp", 3) == 0;
	buf_printf(o, "%s %s %s.%lu > %s.%lu: %s, Kamailio sipdump %.*s", when, v6 ? "IP6" : "IP", a, sp, b, dp,
		   udp ? "UDP" : sctp ? "SCTP" : "TCP", (int)(d->tag.len < 8 ? d->tag.len : 8), d->tag.ptr);
	if (!udp && !sctp && !tcp) /* over TCP: tls, ws, wss */
		buf_printf(o, " (%.*s)", (int)(d->proto.len < 8 ? d->proto.len : 8), d->proto.ptr);
}

/* A line of '#' alone: ngrep's mark of each packet it saw. */
static bool is_ngrep_marks(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == '#')
		i++;
	return i > 0 && i == n;
}

/* Wireshark's packet details as text (Copy > All Visible Items, Export
 * Packet Dissections > As Plain Text): "    Request-Line: REGISTER ...",
 * "    Message Header", then each header field as a line of its own one
 * level deeper ("        Via: ...", newer versions end it with a literal
 * \r\n), the fields the dissector took out of it deeper still, and
 * generated fields in brackets ("[Generated Call-ID: ...]"). The start
 * line and the header lines are the message; its body, shown only as the
 * dissector's tree, is not. */
struct wireshark {
	/* the packet's tree before its SIP: "Frame 19: ...", its "Arrival
	 * Time: ...", the innermost "Internet Protocol Version 4, Src: A, Dst:
	 * B" and "User Datagram Protocol, Src Port: P, Dst Port: Q" (offsets
	 * in the input, lengths 0 when not seen since the frame line) */
	size_t fr, fr_len, at, at_len, src, src_len, dst, dst_len, sp, sp_len, dp, dp_len;
	const char *tp;    /* "UDP", "TCP", "SCTP" */
	bool v6;
	bool drop;         /* the packet bytes beside the details are read instead */
	bool told;         /* (drop) that is listed */
	bool checked;      /* drop is decided (at the first packet's details) */
	/* the input is packet details of frames ("Frame N:" at a line's start,
	 * a SIP tree among them), decided at its first line: every line out of
	 * a SIP tree is the tree of another protocol, ignored */
	bool details, details_known, others_told;
	bool hexed;        /* each frame's bytes beside its details (tshark -V -x) */
	bool on;           /* inside the SIP tree of a packet */
	bool headers;      /* after "Message Header" */
	size_t base;       /* indentation of the Request-Line */
	size_t hdr;        /* indentation of the header lines (0: not seen yet) */
};

static size_t indentation(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* A literal \r\n at the end of s[0, n): n without it. */
static size_t strip_escaped_crlf(const char *s, size_t n)
{
	return n >= 4 && memcmp(s + n - 4, "\\r\\n", 4) == 0 ? n - 4 : n;
}

/* "Request-Line: " or "Status-Line: " and a start line at s[0, n): the
 * length of that label, or 0. */
static size_t wireshark_start(const char *s, size_t n)
{
	static const char *labels[] = { "Request-Line: ", "Status-Line: " };
	for (size_t i = 0; i < 2; i++) {
		size_t k = strlen(labels[i]);
		if (n > k && memcmp(s, labels[i], k) == 0 && paste_is_start_line(s + k, strip_escaped_crlf(s + k, n - k)))
			return k;
	}
	return 0;
}


/* The empty line that ends a message read from Wireshark's text, at
 * input offset at. */
static int wireshark_end(struct unlog *u, struct wireshark *ws, size_t at)
{
	ws->on = false;
	if (ws->drop)
		return 0;
	int rc = mapped_put(&u->out, '\r', at);
	if (rc == 0)
		rc = mapped_put(&u->out, '\n', at);
	u->bound_next = true;
	return rc;
}

/* A new packet's tree (a frame, a SIP message): what ws knew of the last
 * one forgotten, what it decided of the whole input kept. */
static void ws_packet_reset(struct wireshark *ws)
{
	const struct wireshark keep = *ws;
	*ws = (struct wireshark){ .drop = keep.drop, .told = keep.told, .checked = keep.checked,
				  .details = keep.details, .details_known = keep.details_known,
				  .hexed = keep.hexed, .others_told = keep.others_told };
}

/* How many lines of in[0, n) begin with p (n of p's bytes). */
static size_t lines_with(const char *in, size_t n, const char *p, size_t pn)
{
	size_t k = n >= pn && memcmp(in, p, pn) == 0;
	char nl[16];
	nl[0] = '\n';
	memcpy(nl + 1, p, pn);
	for (const char *q = in, *e = in + n; (q = memmem(q, (size_t)(e - q), nl, pn + 1)); q++)
		k++;
	return k;
}

/* Packet details of frames: "Frame N: ..." lines at a line's start. */
static size_t ws_frames(const char *in, size_t n)
{
	return lines_with(in, n, "Frame ", 6);
}

/* Whether each frame's bytes stand beside its details (tshark -V -x):
 * as many hex dumps ("0000  " at a line's start) as frames; a dump of a
 * payload tshark did not dissect (its "Data" tree) is not that. */
static bool ws_hexed(const char *in, size_t n)
{
	size_t hex = lines_with(in, n, "0000  ", 6);
	return hex && hex >= ws_frames(in, n);
}

/* The value after label in s[0, n) up to ',' or the end: its offset in
 * s (*v) and length (*vn); false when the label is not there. */
static bool ws_value(const char *s, size_t n, const char *label, size_t *v, size_t *vn)
{
	const char *f = memmem(s, n, label, strlen(label));
	if (!f)
		return false;
	size_t a = (size_t)(f - s) + strlen(label), b = a;
	while (b < n && s[b] != ',' && s[b] != ' ')
		b++;
	*v = a;
	*vn = b - a;
	return b > a;
}

/* A line of a packet's tree before its SIP, at input offset pos (the
 * line's content c..ce, indentation ind): what it says of the packet. */
static void ws_packet_line(const char *in, size_t c, size_t ce, size_t ind, struct wireshark *ws)
{
	const char *s = in + c;
	size_t n = ce - c, v, vn;
	static const struct {
		const char *head, *tp;
	} transports[] = {
		{ "User Datagram Protocol, ", "UDP" },
		{ "Transmission Control Protocol, ", "TCP" },
		{ "Stream Control Transmission Protocol, ", "SCTP" },
	};
	if (ind == 0 && n > 6 && memcmp(s, "Frame ", 6) == 0) {
		size_t e = 6;
		while (e < n && s[e] >= '0' && s[e] <= '9')
			e++;
		if (e > 6 && e < n && s[e] == ':') {
			ws_packet_reset(ws);
			ws->fr = c + 6, ws->fr_len = e - 6;
		}
		return;
	}
	if (!ws->fr_len)
		return;
	if (ind > 0 && n > 14 && memcmp(s, "Arrival Time: ", 14) == 0) {
		ws->at = c + 14, ws->at_len = n - 14;
		return;
	}
	if (ind == 0 && n > 28 && memcmp(s, "Internet Protocol Version ", 26) == 0 &&
	    ws_value(s, n, "Src: ", &v, &vn) && (ws->src = c + v, ws->src_len = vn, true) &&
	    ws_value(s, n, "Dst: ", &v, &vn)) {
		ws->dst = c + v, ws->dst_len = vn;
		ws->v6 = s[26] == '6';
		return;
	}
	for (size_t i = 0; ind == 0 && i < sizeof transports / sizeof transports[0]; i++) {
		size_t h = strlen(transports[i].head);
		if (n > h && memcmp(s, transports[i].head, h) == 0 && ws_value(s, n, "Src Port: ", &v, &vn) &&
		    (ws->sp = c + v, ws->sp_len = vn, true) && ws_value(s, n, "Dst Port: ", &v, &vn)) {
			ws->dp = c + v, ws->dp_len = vn;
			ws->tp = transports[i].tp;
		}
	}
}

static int td_mark(struct unlog *u, size_t at, size_t pl, size_t pn, bool written);

/* The packet line decode writes for a message of the packet ws read
 * the tree of, as for tshark's exports ("frame 19  Jul  4, 2005
 * 09:32:52.844249000 UTC  UDP 192.168.1.2:5060 -> 212.242.33.35:5060"),
 * into u->lines, marked for the message at input offset at: when the
 * tree said all of it. */
static int ws_mark(struct unlog *u, const struct wireshark *ws, size_t at)
{
	if (!ws->fr_len || !ws->at_len || !ws->src_len || !ws->dst_len || !ws->sp_len || !ws->dp_len || !ws->tp ||
	    ws->at_len > 64 || ws->src_len > 45 || ws->dst_len > 45)
		return 0;
	const char *in = u->in;
	size_t from = u->lines.len;
	buf_printf(&u->lines, "frame %.*s  %.*s  %s %s%.*s%s:%.*s -> %s%.*s%s:%.*s", (int)ws->fr_len, in + ws->fr,
		   (int)ws->at_len, in + ws->at, ws->tp, ws->v6 ? "[" : "", (int)ws->src_len, in + ws->src,
		   ws->v6 ? "]" : "", (int)(ws->sp_len < 8 ? ws->sp_len : 8), in + ws->sp, ws->v6 ? "[" : "",
		   (int)ws->dst_len, in + ws->dst, ws->v6 ? "]" : "", (int)(ws->dp_len < 8 ? ws->dp_len : 8),
		   in + ws->dp);
	if (u->lines.err)
		return u->lines.err;
	struct pkt_line l;
	if (!pkt_line_read(slice_make(u->lines.ptr + from, u->lines.len - from), &l)) {
		u->lines.len = from; /* not a line that says it: none */
		return 0;
	}
	if (ws->drop) {
		/* the message is read from the frame's bytes after the tree:
		 * they take this line */
		u->ws_line = from;
		u->ws_len = u->lines.len - from;
		return 0;
	}
	return td_mark(u, at, from, u->lines.len - from, true);
}

/* The input line pos..ce (content), line number lineno, as part of
 * Wireshark's packet details: 1 when it was taken (or dropped) as such, 0
 * when it is no part of them, or -ENOMEM. */
static int unlog_wireshark(struct unlog *u, struct wireshark *ws, unsigned lineno, size_t pos, size_t ce)
{
	const char *in = u->in;
	size_t ind = indentation(in + pos, ce - pos);
	size_t c = pos + ind;
	int rc = 0;
	size_t k = wireshark_start(in + c, ce - c);
	if (!ws->details_known) {
		ws->details_known = true;
		ws->hexed = ws_hexed(in, u->len);
		ws->details = ws_frames(in, u->len) &&
			      (memmem(in, u->len, "Request-Line: ", 14) || memmem(in, u->len, "Status-Line: ", 13)) &&
			      !ws->hexed;
	}
	if (!k && !ws->on) {
		if (ind == 0 && ce - c > 6 && memcmp(in + c, "Frame ", 6) == 0)
			u->ws_len = 0; /* another frame: the last one's line is not this one's */
		ws_packet_line(in, c, ce, ind, ws);
	}
	if (!k && !ws->on && ws->details && ce > c && ind + (ce - c) > 0 &&
	    (ind > 0 || (ce - c > 6 && memcmp(in + c, "Frame ", 6) == 0) || ws->fr_len)) {
		/* another protocol's tree, or the frame's: none of SIP */
		rc = unlog_change(u, pos);
		if (rc == 0 && !ws->others_told) {
			ws->others_told = true;
			rc = unlog_repair(u, lineno, "ignored the trees of the other protocols in Wireshark's packet details");
		}
		return rc < 0 ? rc : 1;
	}
	if (k && !ws->checked) {
		/* the first packet's details: with the bytes of the packets
		 * beside them (tshark -V -x) those are read instead, exact,
		 * whole and with the body */
		ws->checked = true;
		ws->drop = ws->hexed;
	}
	if (k && ws->drop) {
		/* the packet bytes are read instead: the tree is skipped (its
		 * frame's line goes to the message of those bytes) */
		bool first = !ws->told;
		rc = ws_mark(u, ws, c + k);
		if (rc == 0)
			rc = unlog_change(u, pos);
		ws_packet_reset(ws);
		ws->told = ws->on = true;
		ws->base = ind;
		if (rc == 0 && first)
			rc = unlog_repair(u, lineno, "ignored Wireshark's packet details: the messages are read from the "
						     "packet bytes beside them (the details cut long values and hold no body)");
		return rc < 0 ? rc : 1;
	}
	if (k) {
		rc = unlog_change(u, pos);
		if (rc == 0 && ws->on)
			rc = wireshark_end(u, ws, pos);
		if (rc == 0)
			rc = unlog_repair(u, lineno, "read a message from Wireshark's packet details (its header lines; "
						     "the fields under them and generated [...] lines ignored)");
		if (rc == 0)
			rc = unlog_bound(u);
		if (rc == 0)
			rc = ws_mark(u, ws, c + k);
		ws_packet_reset(ws);
		ws->on = true;
		ws->base = ind;
		size_t e = c + k + strip_escaped_crlf(in + c + k, ce - c - k);
		if (rc == 0)
			rc = mapped_copy(&u->out, in, c + k, e);
		if (rc == 0)
			rc = mapped_put(&u->out, '\r', e);
		if (rc == 0)
			rc = mapped_put(&u->out, '\n', e);
		return rc < 0 ? rc : 1;
	}
	if (!ws->on)
		return 0;
	if (c == ce || ind < ws->base || (ind == ws->base && !(ce - c == 14 && memcmp(in + c, "Message Header", 14) == 0))) {
		/* the tree of the SIP message ended (a blank line, "Message
		 * Body", the next packet) */
		rc = wireshark_end(u, ws, pos);
		return rc < 0 ? rc : 0;
	}
	if (ind == ws->base) {
		ws->headers = true;
		return 1;
	}
	if (ws->headers && ws->hdr == 0)
		ws->hdr = ind;
	if (!ws->headers || ind != ws->hdr || in[c] == '[' || ws->drop)
		return 1;
	size_t e = c + strip_escaped_crlf(in + c, ce - c);
	rc = unescape_octal(&u->out, in, c, e, '\\', false);
	if (rc == 0)
		rc = mapped_put(&u->out, '\r', e);
	if (rc == 0)
		rc = mapped_put(&u->out, '\n', e);
	return rc < 0 ? rc : 1;
}

/* ngrep -W normal (its default) after a packet header: the payload in
 * lines of the terminal's width less five, each after two SP, every byte
 * it cannot print as '.'. When the lines from pos, joined, hold a message
 * written on one line with "..", it goes out and *after is the input
 * offset after the block, *lines its number of lines: 1; 0 when not. */
static int unlog_ngrep_wrapped(struct unlog *u, unsigned lineno, size_t pos, size_t *after, unsigned *lines)
{
	const char *in = u->in;
	size_t len = u->len;
	struct mapped t;
	unsigned k = 0;
	size_t start = pos;
	int rc = 0;
	mapped_init(&t);
	while (pos < len && rc == 0) {
		size_t ce = content_end(in, len, pos);
		if (ce - pos < 3 || in[pos] != ' ' || in[pos + 1] != ' ')
			break;
		for (size_t i = pos + 2; i < ce && rc == 0; i++)
			rc = mapped_put(&t, in[i], i);
		pos = line_after(in, len, ce);
		k++;
	}
	enum log_esc kind = ESC_NONE;
	size_t m = rc == 0 && k ? escaped_start(t.b.ptr, t.b.len, &kind) : SIZE_MAX;
	if (m != SIZE_MAX && kind == ESC_DOTS) {
		rc = unlog_change(u, start);
		if (rc == 0)
			rc = unescape_dots(&u->out, t.b.ptr + m, &t, m, t.b.len - m);
		if (rc == 0)
			rc = mapped_put(&u->out, '\n', mapped_at(&t, t.b.len - 1));
		if (rc == 0)
			rc = unlog_repair(u, lineno, "read a message ngrep printed wrapped (-W normal: '..' for CR LF in "
						     "the head, the body as printed)");
		u->bound_next = true;
		*after = pos;
		*lines = k;
		mapped_fini(&t);
		return rc < 0 ? rc : 1;
	}
	mapped_fini(&t);
	return rc;
}

/* s[0, n) is dots alone: what a dump (tcpdump -A, ngrep) prints for the
 * bytes of the headers before a payload, on the payload's first line. */
static bool dots_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '.')
			return false;
	return n > 0;
}

/* A whole start line at the end of the line in[pos, ce) after log text
 * (RFC 3261 §7.1 Request-Line "Method SP Request-URI SP SIP-Version", §7.2
 * Status-Line "SIP-Version SP Status-Code SP Reason-Phrase"): text that is
 * not white space, "[ Line N ]" or "> " quoting (the normaliser's own
 * prefixes) nor a header field of a message (a known header name and ':',
 * as in "Subject: REGISTER sip:a SIP/2.0"). The length of that text (the
 * start line's index in the line), or SIZE_MAX. */
static size_t start_after_prefix(const char *in, size_t pos, size_t ce)
{
	const char *s = in + pos;
	size_t n = ce - pos;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	size_t c = log_prefix(s, n);
	c += quote_prefix(s + c, n - c);
	while (c < n && (s[c] == ' ' || s[c] == '\t'))
		c++;
	if (is_known_header_line(s, n))
		return SIZE_MAX;
	for (size_t q = c;; q++) {
		size_t m = start_find(s, n, &q);
		if (m == SIZE_MAX)
			return m;
		/* a status line (m == q) or a request line whose SIP/2.0 ends
		 * the line: is_start_line reads only its first bytes, or the
		 * last candidate of the line, so a line stays linear */
		if (m <= c || (m != q && q + 7 != n) || !paste_is_start_line(s + m, n - m))
			continue;
		/* text glued to the start line is the end of a body with the
		 * next message on the wire right after it, not a log prefix,
		 * which ends in a space or a mark (": ", "] ", "= "); and a
		 * request's method must be one SIP knows: "Hello from the
		 * UEREGISTER sip:..." is such a body, whose "UEREGISTER" would
		 * read as an extension method */
		if (scan_is((unsigned char)s[m - 1], SCAN_TOKEN) && !dots_only(s, m))
			return SIZE_MAX;
		if (m != q) {
			size_t me = m;
			while (me < n && s[me] != ' ')
				me++;
			if (sip_method_lookup(slice_span(s + m, s + me)) == SIP_METHOD_OTHER)
				return SIZE_MAX;
		}
		return m;
	}
}

/* in[from, to) is a header line the codec knows (Via, mostly: "method:
 * REGISTER (...)" of decode's own report is a header line too) and no
 * line that holds a message written on one line ("x: SIP/2.0 200
 * OK#015#012..."). */
static bool next_header_line(const char *in, size_t from, size_t to)
{
	enum log_esc kind;
	return is_known_header_line(in + from, to - from) && escaped_start(in + from, to - from, &kind) == SIZE_MAX;
}

/* A start line after log text in the content in[cc, ce) of a logcat line
 * of key (an app's "Sending: " or "[-->] " before the message it logs):
 * the text's length, when the next line of that key (other tags' lines
 * may stand between, up to 8 lines) holds a header line, as it does when
 * logcat split the message the app logged at its line ends (*mkl 0), or
 * the same text and a header line after it, as when the app logged each
 * line with it (*mkl the text's length). Else SIZE_MAX. */
static size_t logcat_marked_start(const char *in, size_t len, size_t next, size_t cc, size_t ce,
				  const struct logcat_key *key, size_t *mkl)
{
	size_t sm = start_after_prefix(in, cc, ce), q = next;
	if (sm == SIZE_MAX)
		return sm;
	for (unsigned i = 0; i < 8 && q < len; i++) {
		size_t qe = content_end(in, len, q);
		struct logcat_key k2;
		size_t l2 = logcat_prefix(in + q, qe - q, &k2);
		if (l2 && logcat_key_eq(key, &k2)) {
			size_t c2 = q + l2;
			*mkl = 0;
			if (next_header_line(in, c2, qe))
				return sm;
			*mkl = sm;
			if (qe - c2 > sm && memcmp(in + c2, in + cc, sm) == 0 && next_header_line(in, c2 + sm, qe))
				return sm;
			return SIZE_MAX;
		}
		q = line_after(in, len, q);
	}
	return SIZE_MAX;
}

/* Where the message's content starts in the logcat line content in[cc,
 * ce) of run r: after r's text when the line starts with it (ce when the
 * line is that text alone, trailing white space trimmed or not: the empty
 * line), else at cc. */
static size_t logcat_marked_content(const char *in, const struct msg_run *r, size_t cc, size_t ce)
{
	size_t n = r->mkl;
	if (!n)
		return cc;
	if (ce - cc >= n && memcmp(in + cc, in + r->mk, n) == 0)
		return cc + n;
	while (n && (in[r->mk + n - 1] == ' ' || in[r->mk + n - 1] == '\t'))
		n--;
	return ce - cc == n && memcmp(in + cc, in + r->mk, n) == 0 ? ce : cc;
}

/* A message whose every line carries a log prefix, or whose lines after
 * the first are indented to the column where its start line stands:
 * - journalctl's short outputs (systemd logs-show.c output_short and
 *   print_multiline): a log entry's first line after "Mmm dd HH:MM:SS
 *   host unit[pid]: " (short-iso, short-precise: another time), each
 *   further line of the entry indented with as many SP as that prefix is
 *   long, the message's empty line as those SP alone (or nothing, when a
 *   viewer trimmed them);
 * - a prefix on every line, each line its own log record: kubectl logs
 *   --timestamps and docker logs -t (an RFC 3339 time whose nanoseconds
 *   lose their trailing zeros, then SP), kubectl logs --prefix
 *   ("[pod/NAME/CONTAINER] "), syslog per line, application logs. A later
 *   line carries the prefix when it has the same shape: the same bytes,
 *   but in the prefix's timestamp (a clock H:MM:SS with the date before it
 *   and the fraction of a second and time zone after it), whose digit runs
 *   may differ in value and length, its runs of SP in length (a syslog day
 *   padded with SP) and its month name (a syslog time), and whose fraction
 *   may be missing. A process id, a thread name, a host must be equal:
 *   another process's or thread's lines are of another shape, ignored
 *   between the message's lines; and a header line is only ever a prefix
 *   when it starts with the very bytes of the start line's prefix. */
struct every {
	bool on;
	bool indent;          /* journalctl: the lines after the first are indented */
	size_t p, plen;       /* the start line's prefix: input offset, length */
	size_t ta, tf, tb;    /* in it, the timestamp [ta, tb), tf the end of its seconds */
	struct msg_run run;
};

/* s[0, 3) is a month as syslog times write it (strftime %b, C locale). */
static bool is_month(const char *s)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	for (size_t k = 0; k < 36; k += 3)
		if (memcmp(s, months + k, 3) == 0)
			return true;
	return false;
}

/* The timestamp in the prefix s[0, n): a clock "H:MM:SS" or "HH:MM:SS",
 * with before it a date and 'T' or SP ("2026-11-21T", "2026/11/21 ",
 * "11-21 ") or the month and day of a syslog time ("Nov 21 ", "Nov  1 "),
 * after it a fraction of a second ('.' or ',' and digits) and a zone ("Z",
 * "+01:00", "+0100"): [*a, *b), *f after the seconds; when there is
 * none an empty range at 0 and *f SIZE_MAX. */
static void timestamp_find(const char *s, size_t n, size_t *a, size_t *f, size_t *b)
{
	*a = *b = 0;
	*f = SIZE_MAX;
	for (size_t i = 0; i + 7 <= n; i++) {
		if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])))
			continue;
		size_t h = i + 1;
		if (h < n && is_digit(s[h]))
			h++;
		if (h + 6 > n || s[h] != ':' || !digits_at(s, n, h + 1, 2) || s[h + 3] != ':' ||
		    !digits_at(s, n, h + 4, 2) || (h + 6 < n && is_digit(s[h + 6])))
			continue;
		size_t e = h + 6, fe = e;
		if (e + 1 < n && (s[e] == '.' || s[e] == ',') && is_digit(s[e + 1]))
			for (e++; e < n && is_digit(s[e]); e++)
				;
		if (e < n && s[e] == 'Z') {
			e++;
		} else if (e < n && (s[e] == '+' || s[e] == '-') && digits_at(s, n, e + 1, 2)) {
			e += 3;
			if (e < n && s[e] == ':' && digits_at(s, n, e + 1, 2))
				e += 3;
			else if (digits_at(s, n, e, 2))
				e += 2;
		}
		size_t st = i;
		if (i >= 2 && (s[i - 1] == 'T' || s[i - 1] == ' ')) {
			size_t d = i - 1;
			bool sep = false;
			while (d > 0 && (is_digit(s[d - 1]) || s[d - 1] == '-' || s[d - 1] == '/')) {
				sep |= !is_digit(s[d - 1]);
				d--;
			}
			if (d < i - 1 && sep && is_digit(s[d]) && (d == 0 || !scan_is((unsigned char)s[d - 1], SCAN_TOKEN)))
				st = d;
			else if (s[i - 1] == ' ' && d < i - 1 && i - 1 - d <= 2 && !sep) {
				/* "Nov 21 ", "Nov  1 " (RFC 3164 pads the day with SP) */
				size_t m = d;
				while (m > 0 && s[m - 1] == ' ')
					m--;
				if (m < d && m >= 3 && is_month(s + m - 3) &&
				    (m == 3 || !scan_is((unsigned char)s[m - 4], SCAN_TOKEN)))
					st = m - 3;
			}
		}
		*a = st;
		*f = fe;
		*b = e;
		return;
	}
}

/* A fraction of a second at s[j, n): its length, or 0. */
static size_t fraction_at(const char *s, size_t n, size_t j)
{
	if (j + 1 >= n || (s[j] != '.' && s[j] != ',') || !is_digit(s[j + 1]))
		return 0;
	size_t k = j + 1;
	while (k < n && is_digit(s[k]))
		k++;
	return k - j;
}

/* The line in[pos, ce) carries the prefix of e: the index of its content
 * in the line (ce - pos when it holds the prefix alone, its trailing
 * white space trimmed, or only white space in journalctl's indentation),
 * or SIZE_MAX. */
static size_t every_match(const char *in, const struct every *e, size_t pos, size_t ce)
{
	const char *s = in + pos, *p = in + e->p;
	size_t n = ce - pos;
	if (e->indent) {
		size_t w = indentation(s, n);
		return w == n ? n : w >= e->plen && memchr(s, '\t', e->plen) == NULL ? e->plen : SIZE_MAX;
	}
	if (n < e->ta || memcmp(s, p, e->ta) != 0)
		return SIZE_MAX;
	/* the common line: its prefix byte for byte the start line's (logged
	 * in the same second). The walk below gives e->plen for it too when
	 * the byte after the timestamp extends none of the runs the walk reads
	 * on in the line (a digit run, a fraction, a space run ending the
	 * timestamp): the same answer without the walk, which was a tenth of
	 * the time of decode --summary over a syslog-prefixed log */
	if (n >= e->plen && e->tb > e->ta && e->tb < e->plen &&
	    memcmp(s + e->ta, p + e->ta, e->plen - e->ta) == 0) {
		char c = p[e->tb];
		if (!is_digit(c) && c != '.' && c != ',' && !(c == ' ' && p[e->tb - 1] == ' '))
			return e->plen;
	}
	size_t i = e->ta, j = e->ta;
	while (i < e->tb) {
		if (i == e->tf) {
			i += fraction_at(p, e->tb, i);
			j += fraction_at(s, n, j);
			if (i >= e->tb)
				break;
		}
		if (j >= n)
			return SIZE_MAX;
		if (i + 3 <= e->tb && j + 3 <= n && is_month(p + i) && is_month(s + j)) {
			i += 3; /* a syslog time passing into the next month */
			j += 3;
			continue;
		}
		if (p[i] == ' ') { /* a day padded with SP, or not */
			if (s[j] != ' ')
				return SIZE_MAX;
			while (i < e->tb && p[i] == ' ')
				i++;
			while (j < n && s[j] == ' ')
				j++;
			continue;
		}
		if (is_digit(p[i])) {
			if (!is_digit(s[j]))
				return SIZE_MAX;
			while (i < e->tb && is_digit(p[i]))
				i++;
			while (j < n && is_digit(s[j]))
				j++;
			continue;
		}
		if (p[i++] != s[j++])
			return SIZE_MAX;
	}
	if (i == e->tf) /* a fraction in the line where the prefix has none */
		j += fraction_at(s, n, j);
	size_t rest = e->plen - i;
	if (n - j >= rest && memcmp(s + j, p + i, rest) == 0)
		return j + rest;
	/* the prefix alone, the white space at its end trimmed */
	size_t k = 0;
	while (k < n - j && s[j + k] == p[i + k])
		k++;
	return j + k == n && is_blank(p + i + k, rest - k) ? n : SIZE_MAX;
}

enum { EVERY_LOOKAHEAD = 8 };

/* The first of the EVERY_LOOKAHEAD lines from input offset *next on that
 * carries the prefix of t (lines of other processes may log between):
 * the index of its content (every_match), *next its start and *nce its
 * content's end; SIZE_MAX when none does. */
static size_t every_next(const char *in, size_t len, const struct every *t, size_t *next, size_t *nce)
{
	for (unsigned n = 0; n < EVERY_LOOKAHEAD && *next < len; n++) {
		*nce = content_end(in, len, *next);
		size_t k = every_match(in, t, *next, *nce);
		if (k != SIZE_MAX)
			return k;
		*next = line_after(in, len, *nce);
	}
	return SIZE_MAX;
}

/* A message whose lines carry a log prefix (struct every) starts on the
 * line in[pos, ce), its start line m bytes in (start_after_prefix): the
 * next line, from input offset next, has journalctl's indentation, or the
 * first of the next EVERY_LOOKAHEAD lines that carries the prefix does,
 * and then a header line the codec knows follows. true, with *e filled,
 * or false. */
static bool every_start(const char *in, size_t len, size_t pos, size_t m, size_t next, struct every *e)
{
	if (m == SIZE_MAX || next >= len)
		return false;
	size_t nce = content_end(in, len, next);
	struct every t = { .on = true, .indent = true, .p = pos, .plen = m, .run = { .on = true, .head = true, .cl = -1 } };
	size_t k = every_match(in, &t, next, nce);
	if (k == SIZE_MAX || k == nce - next || !next_header_line(in, next + k, nce)) {
		/* a prefix on every line: the first line of that shape among
		 * the next few (other processes may log between) */
		t.indent = false;
		timestamp_find(in + pos, m, &t.ta, &t.tf, &t.tb);
		k = every_next(in, len, &t, &next, &nce);
		if (k == SIZE_MAX || next >= len || !next_header_line(in, next + k, nce))
			return false;
	}
	*e = t;
	return true;
}

/* ---- Header fields behind a log prefix -----------------------------------
 * Header fields pasted alone from a log that writes a prefix on each line
 * ("Nov 21 18:56:00 pcscf kamailio[812]: Authorization: Digest ...",
 * "2026-11-21T18:56:00.123Z INFO  Contact: <sip:...>"). Read only when the
 * input holds no message at all: no log format of unlog_run was found and
 * the normaliser found no start line and no field at a line's start.
 *
 * The prefix is what stands before the first known header line that
 * follows white space, on the first line that has one, when it is a log's:
 * it holds a timestamp (timestamp_find), or the next line of its shape
 * among the next few holds a known header line after it. The lines of its shape
 * (every_match: the timestamp's digits may differ) give their content
 * when it is a known header line or folding, or an extension field
 * ("X-Serving-Node: ...") right after one of those; a line of that shape
 * with other content ("INFO: registration from ...") is dropped and
 * listed. A line of another shape is left as it is for the normaliser,
 * which ignores text and folds an indented line onto the field before it. */

/* s[0, n) holds a known header line after a prefix that ends in white
 * space: the prefix's length (the first such), or SIZE_MAX. Linear: each
 * candidate's token scan stops at the next white space. */
static size_t field_after_prefix(const char *s, size_t n)
{
	for (size_t m = 1; m < n; m++)
		if ((s[m - 1] == ' ' || s[m - 1] == '\t') && s[m] != ' ' && s[m] != '\t' &&
		    is_known_header_line(s + m, n - m))
			return m;
	return SIZE_MAX;
}

/* The line in[pos, ce) holds a field after m bytes of prefix: whether the
 * prefix is a log's (above: a timestamp, or the next line of its shape
 * holds a field too), with *e its shape. */
static bool fields_prefix_start(const char *in, size_t len, size_t pos, size_t m, size_t next, struct every *e)
{
	struct every t = { .on = true, .p = pos, .plen = m };
	timestamp_find(in + pos, m, &t.ta, &t.tf, &t.tb);
	size_t nce = next, c = t.tb > t.ta ? 0 : every_next(in, len, &t, &next, &nce);
	bool log = t.tb > t.ta || (c != SIZE_MAX && is_known_header_line(in + next + c, nce - next - c));
	if (log)
		*e = t;
	return log;
}

/* "X-Serving-Node: ..." at s[0, n): a field the codec does not know, as
 * extension and private headers are named (a letter, token characters
 * with a '-' among them, then ':'), which log words before a colon
 * ("INFO:", "ERROR:") are not. */
static bool extension_header_line(const char *s, size_t n)
{
	if (!header_name_at(s, n))
		return false;
	for (size_t i = 1; i < n && scan_is((unsigned char)s[i], SCAN_TOKEN); i++)
		if (s[i] == '-')
			return true;
	return false;
}

/* Undoes such prefixes of u->in into u->out; u->changed when there were
 * any. 0 or -ENOMEM. */
static int unlog_fields(struct unlog *u)
{
	const char *in = u->in;
	size_t len = u->len, pos = 0;
	unsigned lineno = 0;
	struct every e = { 0 };
	const char *dropping = NULL;
	bool in_fields = false; /* the line before was a field of the prefix */
	int rc = 0;
	if (len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < len && rc == 0) {
		lineno++;
		size_t ce = content_end(in, len, pos), next = line_after(in, len, ce);
		size_t k = e.on ? every_match(in, &e, pos, ce) : SIZE_MAX;
		if (k == SIZE_MAX) {
			/* the first field behind a prefix, or a prefix of
			 * another shape from here on */
			size_t m = field_after_prefix(in + pos, ce - pos);
			struct every t;
			if (m != SIZE_MAX && fields_prefix_start(in, len, pos, m, next, &t)) {
				e = t;
				k = m;
				rc = unlog_change(u, pos);
				if (rc == 0)
					rc = unlog_repair(u, lineno, "removed the log prefix before each header field line");
			}
		}
		if (k == SIZE_MAX) {
			/* a line of another shape: as it is */
			if (rc == 0 && u->changed)
				rc = mapped_copy(&u->out, in, pos, next);
			dropping = NULL;
		} else if (is_blank(in + pos + k, ce - pos - k)) {
			/* the prefix alone: nothing */
		} else if (in[pos + k] == ' ' || in[pos + k] == '\t' ||
			   is_known_header_line(in + pos + k, ce - pos - k) ||
			   (in_fields && extension_header_line(in + pos + k, ce - pos - k))) {
			/* a known field, its folding, or an extension field
			 * right after one of them (X-, P-... the codec keeps
			 * as they are) */
			rc = mapped_copy(&u->out, in, pos + k, next);
			dropping = NULL;
			in_fields = true;
			pos = next;
			continue;
		} else if (!dropping) {
			dropping = "ignored log lines of the same prefix that hold no header field";
			rc = unlog_repair(u, lineno, dropping);
		}
		in_fields = false;
		pos = next;
	}
	return rc < 0 ? rc : u->out.b.err;
}

/* ---- tcpdump -A, hex dumps of packets ---------------------------------------
 * tcpdump -A (print.c pretty_print_packet, util-print.c ascii_print) prints
 * each packet as a line "TIME [IFACE DIR] IP|IP6 SRC > DST: WHAT" and then
 * the packet from its IP header on as text: every byte that is not
 * printable as '.', but LF, which breaks the line, and the CR of a CR LF,
 * which is left out; one LF after the packet. -e puts the link-layer
 * addresses and "ethertype IPv4 (0x0800), length N: " before SRC; -v puts
 * "(tos ..., length N)" after "IP" and SRC > DST on an indented line of
 * its own, and prints a SIP message of port 5060 once more before the
 * packet, each of its lines after a tab. The message is the payload: after
 * the IP header (its length in the first byte: 'E' is 20 bytes) and the
 * UDP header (8 bytes), or the TCP header, whose length is a byte printed
 * as '.': the payload is then found from the packet's end, as many bytes
 * as the packet line's "length N" says. A message over TCP may take more
 * than one segment, and a segment may be sent again: the sequence numbers
 * of the packet line tell which. tcpdump -x/-X (print-ascii.c) and tshark
 * -x, Wireshark and xxd print the packet's bytes in hex instead: exact,
 * the payload where its headers say. */

/* A packet line of tcpdump, read. */
struct td_pkt {
	bool tcp;
	bool sctp;             /* its messages gathered by association as TCP's are by connection */
	bool sctp_end;         /* its (first) DATA chunk ends a message: (E) */
	bool has_tsn;          /* SCTP: its (first) DATA chunk's TSN ("[TSN: N]") read */
	uint32_t tsn;
	bool esp_enc;          /* ESP tcpdump could not read into: encrypted */
	int tcp_opt;           /* TCP: its options' bytes ("options [...]": 0 without), or -1 unknown */
	bool frag;             /* an IP fragment after the first: no transport header */
	bool frag_first;       /* the first fragment: the datagram goes on in the next */
	long len;              /* the transport payload's bytes ("length N"), or -1 */
	bool has_seq, seq_end; /* "seq A" read; "seq A:B" */
	uint64_t seq_a, seq_b;
	size_t ep, epn;        /* "SRC > DST" in the input: the flow */
	size_t lines;          /* input lines of the packet's own (the -v line) */
	size_t line, line_len; /* the packet line in the input */
	size_t link_pre;       /* bytes before the IP header that -A and -x print:
				* MPLS's labels, PPPoE's header and PPP's protocol */
};

/* The digits from s[i] on: the index after them. */
static size_t td_digits(const char *s, size_t n, size_t i)
{
	while (i < n && is_digit(s[i]))
		i++;
	return i;
}

/* tcpdump's time at the start of s and the SP after it (-tttt "YYYY-MM-DD
 * HH:MM:SS.frac", the default "HH:MM:SS.frac" and the deltas of -ttt and
 * -ttttt in its shape after a SP, -tt "seconds.frac", or what it prints for a time it
 * cannot convert): its length, or 0. */
static size_t td_time(const char *s, size_t n)
{
	static const char failed[] = "[Error converting time] "; /* ts_format of a bad time */
	if (n >= sizeof failed - 1 && s[0] == '[' && memcmp(s, failed, sizeof failed - 1) == 0)
		return sizeof failed - 1;
	/* -ttt and -ttttt put a SP before their delta: " 00:00:00.000123" */
	if (n >= 2 && s[0] == ' ' && is_digit(s[1])) {
		size_t k = td_time(s + 1, n - 1);
		return k ? k + 1 : 0;
	}
	size_t i = 0;
	if (n >= 11 && s[4] == '-' && s[7] == '-' && s[10] == ' ' && digits_at(s, n, 0, 4) && digits_at(s, n, 5, 2) &&
	    digits_at(s, n, 8, 2))
		i = 11;
	size_t d = td_digits(s, n, i);
	if (d - i == 2 && d + 6 <= n && s[d] == ':' && digits_at(s, n, d + 1, 2) && s[d + 3] == ':' &&
	    digits_at(s, n, d + 4, 2)) {
		d += 6;
		if (d < n && s[d] == '.') {
			size_t f = td_digits(s, n, d + 1);
			if (f == d + 1)
				return 0;
			d = f;
		}
	} else if (i == 0 && d >= 1 && d < n && s[d] == '.') {
		/* -tt: "%u.%06u" (or %09u with --nano), the only shape a
		 * number with a fraction has there */
		size_t f = td_digits(s, n, d + 1);
		if (f - d - 1 != 6 && f - d - 1 != 9)
			return 0;
		d = f;
	} else {
		return 0;
	}
	return d < n && s[d] == ' ' ? d + 1 : 0;
}

/* s[i, n) starts with lit. */
static bool td_at(const char *s, size_t n, size_t i, const char *lit)
{
	size_t k = strlen(lit);
	return i <= n && n - i >= k && memcmp(s + i, lit, k) == 0;
}

/* The first lit in s[i, n): its index, or n. */
static size_t td_find(const char *s, size_t n, size_t i, const char *lit)
{
	size_t k = strlen(lit);
	for (; i + k <= n; i++)
		if (memcmp(s + i, lit, k) == 0)
			return i;
	return n;
}

/* "SRC > DST:" at s[i, n) (an address and port "10.0.0.1.5060", a name
 * and service, IPv6 "2001:db8::1.5060"): the index after the ':' and the
 * SP after it, or 0. */
static size_t td_endpoints(const char *s, size_t n, size_t i)
{
	size_t a = i;
	while (i < n && s[i] != ' ')
		i++;
	if (i - a < 3 || !td_at(s, n, i, " > "))
		return 0;
	size_t b = i + 3, e = b;
	while (e < n && s[e] != ' ')
		e++;
	if (e - b < 4 || s[e - 1] != ':')
		return 0;
	return e < n ? e + 1 : e;
}

/* The number after lit in s[i, n): true with it in *v. */
static bool td_number(const char *s, size_t n, size_t i, const char *lit, uint64_t *v)
{
	size_t k = td_find(s, n, i, lit);
	if (k == n)
		return false;
	k += strlen(lit);
	size_t e = td_digits(s, n, k);
	if (e == k || e - k > 19)
		return false;
	uint64_t x = 0;
	for (size_t j = k; j < e; j++)
		x = x * 10 + (uint64_t)(s[j] - '0');
	*v = x;
	return true;
}

/* The bytes of the TCP options tcpdump printed after s[i] ("options
 * [nop,nop,TS val 1 ecr 2]", print-tcp.c), padded to four as the header
 * is: 0 without options, -1 when one of them is of a kind whose length
 * its text does not say. */
static int td_tcp_options(const char *s, size_t n, size_t i)
{
	static const struct {
		const char *name;
		int len;
	} kinds[] = { { "nop", 1 }, { "eol", 1 }, { "mss ", 4 }, { "wscale ", 3 }, { "sackOK", 2 },
		      { "TS val ", 10 }, { "uto ", 4 } };
	size_t o = td_find(s, n, i, ", options [");
	if (o == n)
		return 0;
	size_t e = td_find(s, n, o, "]"), k = o + 11;
	int len = 0;
	while (k < e) {
		size_t c = k;
		while (c < e && s[c] != ',')
			c++;
		int l = -1;
		for (size_t j = 0; j < sizeof kinds / sizeof kinds[0] && l < 0; j++)
			if (td_at(s, c, k, kinds[j].name))
				l = kinds[j].len;
		if (l < 0 && td_at(s, c, k, "sack ")) {
			/* "sack 2 {1:2}{3:4}": 2 bytes and 8 a block */
			uint64_t nb;
			if (td_number(s, c, k, "sack ", &nb) && nb <= 4)
				l = 2 + 8 * (int)nb;
		}
		if (l < 0)
			return -1;
		len += l;
		k = c + 1;
	}
	return e == n || len > 40 ? -1 : (len + 3) / 4 * 4;
}

/* IPv4 fragments in -v's IP header s[i, n) ("id 16962, offset 1480,
 * flags [+], ..."): a first fragment (offset 0, more: '+') or a later one
 * in p. */
static void td_ipv4_frag(const char *s, size_t n, size_t i, struct td_pkt *p)
{
	uint64_t off;
	size_t f = td_find(s, n, i, "flags [");
	bool more = f < n && memchr(s + f, '+', td_find(s, n, f, "]") - f) != NULL;
	if (!td_number(s, n, i, ", offset ", &off))
		return;
	p->frag = off != 0;
	p->frag_first = off == 0 && more;
}

/* A later IPv4 fragment of UDP or TCP at s[i, n): tcpdump names its
 * protocol alone, having no transport header to read ("ip-proto-17" with
 * -n, "udp" without), and nothing after it. (SCTP cuts its messages into
 * chunks itself; and -vv prints "sctp" alone before its chunks' lines.) */
static bool td_ip_proto_frag(const char *s, size_t n, size_t i)
{
	static const char *const protos[] = { "ip-proto-17", "ip-proto-6", "udp", "tcp" };
	for (size_t k = 0; k < sizeof protos / sizeof protos[0]; k++) {
		size_t e = i + strlen(protos[k]);
		while (e < n && s[e] == ' ')
			e++;
		if (td_at(s, n, i, protos[k]) && e == n)
			return true;
	}
	return false;
}

/* The flags of the first DATA chunk tcpdump printed in s[i, n) ("[DATA]
 * (U)(B)(E) [TSN: 100]"): (E) in p->sctp_end, its TSN. False when s holds
 * no DATA chunk. */
static bool td_sctp_flags(const char *s, size_t n, size_t i, struct td_pkt *p)
{
	size_t c = td_find(s, n, i, "[DATA] ");
	if (c == n)
		return false;
	for (c += 7; c + 3 <= n && s[c] == '(' && s[c + 2] == ')'; c += 3)
		p->sctp_end |= s[c + 1] == 'E';
	uint64_t v;
	if (td_number(s, n, c, "[TSN: ", &v) && v <= UINT32_MAX) {
		p->has_tsn = true;
		p->tsn = (uint32_t)v;
	}
	return true;
}

/* What follows "SRC > DST: " at s[i, n) into *p: TCP ("Flags [...]", its
 * "seq A:B" and "length N"), SCTP ("sctp (1) [DATA] (B)(E) ..."), ESP
 * ("ESP(spi=...)"), an IP fragment ("frag (OFFSET|LENGTH)" of IPv6; a
 * later IPv4 one's "ip-proto-17"), or a datagram ("UDP, length N", "SIP,
 * length: N", "SIP: ..."). */
static void td_what(const char *s, size_t n, size_t i, struct td_pkt *p)
{
	uint64_t v;
	if (td_ip_proto_frag(s, n, i)) {
		p->frag = true;
		return;
	}
	if (td_at(s, n, i, "ESP(spi=")) {
		/* "ESP(spi=0x00001234,seq=0x1), length 96": tcpdump prints
		 * nothing of it, ESP without encryption too (its bytes in -x
		 * are read: packet.c) */
		p->esp_enc = true;
		return;
	}
	if (td_at(s, n, i, "sctp")) {
		/* "sctp (1) [DATA] (B)(E) [TSN: ...]": a message may come in
		 * several DATA chunks, (B) its first, (E) its last */
		p->sctp = true;
		td_sctp_flags(s, n, i, p);
		return;
	}
	if (td_at(s, n, i, "Flags [")) {
		p->tcp = true;
		p->tcp_opt = td_tcp_options(s, n, i);
		size_t q = td_find(s, n, i, " seq ");
		if (q < n) {
			size_t a = td_digits(s, n, q + 5);
			if (a > q + 5 && a - q - 5 <= 19) {
				p->has_seq = true;
				p->seq_a = 0;
				for (size_t j = q + 5; j < a; j++)
					p->seq_a = p->seq_a * 10 + (uint64_t)(s[j] - '0');
				p->seq_b = p->seq_a;
				if (a < n && s[a] == ':' && td_number(s, n, a, ":", &v)) {
					p->seq_end = true;
					p->seq_b = v;
				}
			}
		}
		if (td_number(s, n, i, "length ", &v))
			p->len = (long)(v > 65535 ? 65535 : v);
		return;
	}
	if (td_at(s, n, i, "frag (")) {
		/* IPv6: "frag (0|1448) 5060 > 5062: UDP, length 1691", then
		 * "frag (1448|251)"; OFFSET|LENGTH after -v's "0xID:" */
		uint64_t off, fl;
		size_t o = i + 6;
		if (td_at(s, n, o, "0x")) /* -v: "frag (0xID:OFFSET|LENGTH)" */
			o = td_find(s, n, o, ":") + 1;
		if (o < n && o > i && td_number(s, n, o - 1, s[o - 1] == ':' ? ":" : "(", &off) &&
		    td_number(s, n, o, "|", &fl)) {
			p->frag = off != 0;
			p->frag_first = off == 0;
			p->len = (long)(fl > 65535 ? 65535 : fl) - (off == 0 ? 8 : 0);
		}
		return;
	}
	if (td_number(s, n, i, "length: ", &v) || td_number(s, n, i, "UDP, length ", &v))
		p->len = (long)(v > 65535 ? 65535 : v);
}

/* A MAC address "00:1a:a0:07:32:e0" at s[i]. */
static bool td_mac(const char *s, size_t n, size_t i)
{
	if (i > n || n - i < 17)
		return false;
	for (size_t j = 0; j < 17; j++)
		if (j % 3 == 2 ? s[i + j] != ':' : scan_hex_value((unsigned char)s[i + j]) < 0)
			return false;
	return true;
}

/* -e's MAC address from s[i] on, after SP, or after a word (-i any's
 * direction) and SP: its index, or n. */
static size_t td_mac_at(const char *s, size_t n, size_t i)
{
	for (int words = 0; words < 2; words++) {
		while (i < n && s[i] == ' ')
			i++;
		if (td_mac(s, n, i))
			return i;
		while (i < n && s[i] != ' ')
			i++;
	}
	return n;
}

/* After the time at s[i]: -i any's interface and direction ("lo    In  IP
 * ..."): the index after them, or i. */
static size_t td_iface(const char *s, size_t n, size_t i)
{
	size_t k = i;
	while (k < n && s[k] != ' ')
		k++;
	size_t d = k;
	while (d < n && s[d] == ' ')
		d++;
	static const char *const dirs[] = { "In ", "Out ", "M ", "B ", "P " };
	for (size_t j = 0; k > i && j < sizeof dirs / sizeof dirs[0]; j++)
		if (td_at(s, n, d, dirs[j])) {
			d += strlen(dirs[j]);
			while (d < n && s[d] == ' ')
				d++;
			return d;
		}
	return i;
}

/* What tcpdump prints at s[i] between the link layer and IP for MPLS and
 * PPPoE: "MPLS (label 100, tc 0, [S], ttl 64) ", a group for each label
 * of the stack; "PPPoE  [ses 0x1] " (-e then names PPP's protocol, "IP
 * (0x0021), length 168: "): the index after them, or i; *pre (when not
 * NULL): their bytes, which -A and -x print before the IP header. */
static size_t td_link_protos(const char *s, size_t n, size_t i, size_t *pre)
{
	size_t k, b = 0;
	if (td_at(s, n, i, "MPLS (label ")) {
		for (k = i + 5; td_at(s, n, k, "(label "); b += 4) {
			k = td_find(s, n, k, ")");
			if (k == n)
				return i;
			k += 1 + (k + 1 < n && s[k + 1] == ' ');
		}
		if (pre)
			*pre = b;
		return k;
	}
	if (td_at(s, n, i, "PPPoE  [ses ")) {
		k = td_find(s, n, i, "] ");
		if (k == n)
			return i;
		k += 2;
		if (pre)
			*pre = 8;
		if (td_at(s, n, k, "IP (0x0021), length ") || td_at(s, n, k, "IP6 (0x0057), length ")) {
			size_t c = td_find(s, n, k, ": ");
			k = c == n ? k : c + 2;
		}
		return k;
	}
	return i;
}

/* One of the counts tcpdump prints as it stops ("12 packets captured",
 * "14 packets received by filter", "0 packets dropped by kernel"). */
static bool td_stats_line(const char *s, size_t n)
{
	size_t i = td_digits(s, n, 0);
	if (i == 0 || !td_at(s, n, i, " packet"))
		return false;
	i += 7 + td_at(s, n, i + 7, "s");
	return td_at(s, n, i, " captured") || td_at(s, n, i, " received by filter") ||
	       td_at(s, n, i, " dropped by kernel");
}

/* The line of any packet of tcpdump at s[0, n): its time, then a protocol
 * ("IP ", "IP6 ", "ARP, ", "STP ", ...: capitals and digits) or -e's
 * link-layer addresses and ethertype. A line of a message's body that
 * starts with a clock ("12:30:00 lunch") is none. */
static bool td_any_packet_line(const char *s, size_t n)
{
	size_t i = td_time(s, n);
	if (!i)
		return td_stats_line(s, n); /* they end the last packet too */
	i = td_iface(s, n, i);
	size_t k = i;
	while (k < n && ((s[k] >= 'A' && s[k] <= 'Z') || is_digit(s[k]) || s[k] == '.' || s[k] == '-'))
		k++;
	return (k > i && k < n && (s[k] == ' ' || s[k] == ',')) || td_at(s, n, i, "ip: ") ||
	       td_find(s, n, i, " ethertype ") < n || td_link_protos(s, n, i, NULL) != i;
}

/* A packet line of tcpdump at in[pos, ce) (the next line, for -v's
 * endpoints, at next): true with *p read. */
static bool td_packet_line(const char *in, size_t len, size_t pos, size_t ce, size_t next, struct td_pkt *p)
{
	const char *s = in + pos;
	size_t n = ce - pos;
	if (n < 16 || (!is_digit(s[0]) && s[0] != '[' && !(s[0] == ' ' && is_digit(s[1]))))
		return false;
	size_t i = td_time(s, n);
	if (!i)
		return false;
	*p = (struct td_pkt){ .len = -1, .lines = 1, .line = pos, .line_len = n };
	/* after the time: IP, -e's MAC address, or -i any's interface (a
	 * log line's program name, "pcscf[123]:", is none of them) */
	if (i == n)
		return false;
	bool raw = td_at(s, n, i, "ip: "); /* -e over a raw IP link: no link-layer header */
	if (raw) {
		i += 4;
	} else if (s[i] != 'I' && !td_mac(s, n, i) && td_link_protos(s, n, i, NULL) == i) {
		size_t k = td_iface(s, n, i);
		if (k == i && td_mac_at(s, n, i) == n)
			return false; /* neither -e with -i any: a direction, the MAC */
		i = td_link_protos(s, n, k, &p->link_pre);
	} else {
		i = td_link_protos(s, n, i, &p->link_pre);
	}
	if (raw) {
		/* the endpoints, or -v's IP header, right after it */
	} else if (td_at(s, n, i, "IP ") || td_at(s, n, i, "IP6 ")) {
		i += s[i + 2] == ' ' ? 3 : 4;
	} else {
		/* -e: "MAC > MAC, ethertype IPv4 (0x0800), length 80: " (with
		 * -i any: "In MAC ethertype ..."), a MAC address first; a
		 * VLAN tag's "ethertype 802.1Q (0x8100), length 84: vlan 5, p
		 * 0, " before the ethertype it tags ("ethertype IPv4 (0x0800),
		 * "); MPLS or PPPoE after the last one */
		size_t k = td_mac_at(s, n, i);
		if (k == n)
			return false;
		for (k = td_find(s, n, k, "ethertype ");; k = td_find(s, n, i, "ethertype ")) {
			size_t c = k == n ? n : td_find(s, n, k, "), ");
			if (c == n)
				return false;
			bool ip = td_at(s, n, k, "ethertype IPv");
			i = c + 3;
			if (td_at(s, n, i, "length ")) {
				i = td_find(s, n, i, ": ");
				if (i == n)
					return false;
				i += 2;
			}
			if (td_at(s, n, i, "vlan "))
				continue;
			if (!ip) {
				size_t l = td_link_protos(s, n, i, &p->link_pre);
				if (l == i)
					return false;
				i = l;
			}
			break;
		}
	}
	size_t e;
	if (i < n && s[i] == '(') {
		/* -v: "(tos ..., proto UDP (17), length 495)" */
		unsigned depth = 0;
		size_t open = i;
		for (; i < n; i++) {
			depth += s[i] == '(';
			if (s[i] == ')' && --depth == 0)
				break;
		}
		if (i == n)
			return false;
		td_ipv4_frag(s, i, open, p);
		i++;
		/* the endpoints on the next line, after four SP (an IP in IP
		 * packet's inner ones on the line after) */
		for (size_t b = next; i == n && p->lines < 4;) {
			size_t ne = b < len ? content_end(in, len, b) : b;
			if (ne - b < 8 || memcmp(in + b, "    ", 4) != 0)
				return false;
			size_t a = b + 4;
			e = td_endpoints(in, ne, a);
			if (!e)
				return false;
			p->lines++;
			if ((td_at(in, ne, e, "IP (") || td_at(in, ne, e, "IP6 (") || td_at(in, ne, e, "(")) &&
			    in[ne - 1] == ')') {
				const char *nl = memchr(in + ne, '\n', len - ne);
				if (!nl)
					return false;
				b = (size_t)(nl - in) + 1;
				continue;
			}
			/* GRE: the packet it carries on the next line, after a
			 * tab ("\tIP (tos ...)", -e's "\tMAC > MAC, ethertype
			 * IPv4 (0x0800), length N: (tos ...)"), its endpoints
			 * on the line after */
			const char *nl = td_at(in, ne, e, "GREv0") ? memchr(in + ne, '\n', len - ne) : NULL;
			size_t t = nl ? (size_t)(nl - in) + 1 : len;
			size_t te = t < len ? content_end(in, len, t) : t;
			if (t < len && in[t] == '\t' && p->lines < 3 &&
			    (td_find(in, te, t, "(tos ") < te || td_find(in, te, t, "(hlim ") < te ||
			     td_find(in, te, t, "(flowlabel ") < te)) {
				const char *tl = memchr(in + te, '\n', len - te);
				if (!tl)
					return false;
				p->lines++;
				b = (size_t)(tl - in) + 1;
				continue;
			}
			p->ep = a;
			p->epn = (size_t)(td_find(in, ne, a, ": ") - a);
			p->line_len = ne - pos; /* with the lines of -v that name the endpoints */
			td_what(in, ne, e, p);
			return true;
		}
		if (i == n || s[i] != ' ')
			return false;
		i++;
	}
	e = td_endpoints(s, n, i);
	if (!e)
		return false;
	p->ep = pos + i;
	p->epn = (size_t)(td_find(s, n, i, ": ") - i);
	/* IP in IP: the inner packet's "SRC > DST: " after the outer's */
	if (td_at(s, n, e, "IP ") || td_at(s, n, e, "IP6 ")) {
		size_t k = e + (s[e + 2] == ' ' ? 3 : 4), e2 = td_endpoints(s, n, k);
		if (e2) {
			p->ep = pos + k;
			p->epn = (size_t)(td_find(s, n, k, ": ") - k);
			e = e2;
		}
	}
	td_what(s, n, e, p);
	return true;
}

/* The first byte of an IP packet as tcpdump -A prints it: version 4 and a
 * header length ('E' to 'O'), or version 6 ('`' to 'o'). */
static bool td_ip_first(char c)
{
	return (c >= 'E' && c <= 'O') || (c >= '`' && c <= 'o');
}

/* The IP header's length from its first byte as tcpdump -A prints it (a
 * td_ip_first byte): version 4's own ('E' to 'O'), version 6's 40 bytes
 * (no extension headers). */
static size_t td_ip_len(char c)
{
	return c <= 'O' ? (size_t)(c - '@') * 4 : 40;
}

/* The index in d where the last n bytes before end start, each LF of the
 * text counted as the CR LF it printed (a SIP head's line ends). */
static size_t td_back(const char *d, size_t end, size_t n)
{
	size_t i = end, c = 0;
	while (i > 0 && c < n) {
		i--;
		c += d[i] == '\n' ? 2 : 1;
	}
	return i;
}

/* A start line at d[j] (to its LF or end): a status line, or a request
 * line whose method SIP knows (with any, also one of capitals and '-', as
 * extension methods are written: the header bytes tcpdump prints before
 * the payload are token bytes, '.' mostly, and make no such method). */
static bool td_start_at(const char *d, size_t end, size_t j, bool any)
{
	if (j >= end)
		return false;
	const char *nl = memchr(d + j, '\n', end - j);
	size_t le = nl ? (size_t)(nl - d) : end;
	if (le > j && d[le - 1] == '\r') /* -x: the bytes as sent */
		le--;
	if (!paste_is_start_line(d + j, le - j))
		return false;
	if (le - j >= 8 && slice_startswith_case(slice_make(d + j, le - j), "SIP/2.0 "))
		return true;
	size_t me = j;
	bool caps = true;
	while (me < le && d[me] != ' ') {
		caps &= (d[me] >= 'A' && d[me] <= 'Z') || d[me] == '-';
		me++;
	}
	return (any && caps) || sip_method_lookup(slice_span(d + j, d + me)) != SIP_METHOD_OTHER;
}

/* The start line nearest to p0 (where the payload should start) within
 * [p0 - 4, p0 + 32], or SIZE_MAX. At p0 itself any method counts. */
static size_t td_start_near(const char *d, size_t end, size_t p0)
{
	if (td_start_at(d, end, p0, true))
		return p0;
	for (size_t k = 1; k <= 32; k++) {
		if (k <= 4 && p0 >= k && td_start_at(d, end, p0 - k, false))
			return p0 - k;
		if (td_start_at(d, end, p0 + k, false))
			return p0 + k;
	}
	return SIZE_MAX;
}

/* The first start line that begins in d[0, limit) (an IP header with
 * options or extension headers, a tunnel, SCTP's chunk header before the
 * payload), or SIZE_MAX. Only a line holding "SIP/2.0" is searched. */
static size_t td_start_search(const char *d, size_t end, size_t limit)
{
	size_t a = 0;
	while (a < end && a < limit) {
		const char *nl = memchr(d + a, '\n', end - a);
		size_t le = nl ? (size_t)(nl - d) : end;
		if (td_find(d, le, a, "SIP/2.0") < le)
			for (size_t j = a; j < le && j < limit; j++)
				if ((d[j] >= 'A' && d[j] <= 'Z') && td_start_at(d, end, j, false))
					return j;
		a = le + 1;
	}
	return SIZE_MAX;
}

/* Bytes t->b[from, to) into o, each from the input offset it came from. */
static int mapped_take(struct mapped *o, const struct mapped *t, size_t from, size_t to)
{
	while (from < to) {
		size_t same;
		struct step st;
		size_t src = mapped_at_step(t, from, &same, &st);
		size_t k = same < to - from ? same : to - from;
		if (mapped_from_step(o, src, st) < 0)
			return -ENOMEM;
		buf_append(&o->b, t->b.ptr + from, k);
		if (o->b.err)
			return o->b.err;
		from += k;
	}
	return 0;
}

/* The hex digits at in[i, i + 2): true with their byte in *v. */
static bool td_hex2(const char *in, size_t i, unsigned char *v)
{
	int h = scan_hex_value((unsigned char)in[i]), l = scan_hex_value((unsigned char)in[i + 1]);
	if (h < 0 || l < 0)
		return false;
	*v = (unsigned char)(h * 16 + l);
	return true;
}

/* A line of a hex dump whose offset is t's length (the bytes of the packet
 * so far): tcpdump -x and -X ("\t0x0010:  021a a0ff ...  ......"), xxd
 * ("00000010: 021a a0ff ...  ......"), tshark -x ("0010  02 1a a0 ff ...
 * ......") and Wireshark's Copy as Hex Dump ("0010   02 1a a0 ff ..."). Its bytes are appended to
 * t, each from the input offset of its two hex digits; the text after them
 * (the bytes as ASCII) is not read. 1 when it was such a line, 0 when not,
 * or -ENOMEM. */
static int td_hex_line(struct mapped *t, const char *in, size_t pos, size_t ce)
{
	size_t i = pos;
	while (i < ce && (in[i] == '\t' || in[i] == ' '))
		i++;
	bool ox = ce - i >= 2 && in[i] == '0' && in[i + 1] == 'x';
	size_t o = i + (ox ? 2 : 0), d = o, off = 0;
	for (; d < ce && scan_hex_value((unsigned char)in[d]) >= 0 && d - o < 10; d++)
		off = off * 16 + (size_t)scan_hex_value((unsigned char)in[d]);
	if (d - o < 4 || off != t->b.len || d + 4 > ce)
		return 0;
	size_t before = t->b.len;
	unsigned char v;
	if (in[d] == ':' && in[d + 1] == ' ') {
		/* tcpdump (": " and one SP before each group), xxd (": "):
		 * groups of two bytes, the last perhaps of one */
		for (i = d + (ox ? 2 : 1); i + 3 <= ce && in[i] == ' ';) {
			size_t k = 0;
			while (k < 4 && i + 1 + k < ce && scan_hex_value((unsigned char)in[i + 1 + k]) >= 0)
				k++;
			if ((k != 4 && k != 2) || (i + 1 + k < ce && in[i + 1 + k] != ' '))
				break;
			for (size_t j = 0; j < k; j += 2) {
				td_hex2(in, i + 1 + j, &v);
				if (mapped_put_hex(t, (char)v, i + 1 + j) < 0)
					return -ENOMEM;
			}
			i += 1 + k;
		}
	} else if (!ox && in[d] == ' ' && in[d + 1] == ' ') {
		/* tshark -x: two SP, then up to sixteen bytes each after one
		 * SP; Wireshark's Copy as Hex Dump: three SP, and perhaps one
		 * more SP after the eighth */
		i = d + 1;
		if (in[i + 1] == ' ')
			i++;
		for (size_t nb = 0; nb < 16 && i + 3 <= ce && in[i] == ' '; nb++) {
			if (nb == 8 && in[i + 1] == ' ')
				i++;
			if (i + 3 > ce || !td_hex2(in, i + 1, &v) || (i + 3 < ce && in[i + 3] != ' '))
				break;
			if (mapped_put_hex(t, (char)v, i + 1) < 0)
				return -ENOMEM;
			i += 3;
		}
	} else {
		return 0;
	}
	return t->b.len > before;
}

#define TD_FLOWS 16
#define TD_KEY 96
#define TD_PEND_MAX (1u << 20)

/* One direction of a TCP connection, a datagram's fragments, or one
 * endpoint pair of datagrams: its key is tcpdump's "SRC > DST" text, or
 * the addresses and ports of a hex dump's bytes. */
struct td_flow {
	char key[TD_KEY];
	size_t keyn;
	bool based, data;       /* a sequence number seen; payload seen */
	uint64_t base, next;    /* the first sequence number printed; the end of the payload seen, from base */
	size_t ws_rest, ws_at;  /* WebSocket: the bytes of a frame still to come, and how many came */
	bool ws_masked;
	unsigned char ws_key[4];
	unsigned long use;
	/* TCP: the message (or messages) of this direction read so far and
	 * not yet ended, gathered here while other connections' packets
	 * come between its segments; exact bytes (a hex dump) or -A's text */
	struct mapped pend;
	bool pend_hex;
	bool sctp;              /* an SCTP association's (its chunks may be padded) */
	bool has_tsn;           /* SCTP: a DATA chunk's TSN seen, */
	uint32_t tsn_next;      /* the one after the highest seen, */
	uint64_t tsn_seen;      /* and which of the 64 before it were (bit 0: the highest) */
	unsigned long pend_at;  /* when it started (td->clock) */
};

/* What the packets read so far leave for the next. */
struct tcpdump {
	struct td_flow flows[TD_FLOWS];
	size_t nflows;
	unsigned long clock;
	size_t last;            /* the flow whose message went out last and may go on, or SIZE_MAX */
	bool open;              /* that message may end inside a line (TCP, fragments) */
	bool seen;              /* a packet of tcpdump was read */
	bool told, told_hex;    /* the reading of tcpdump's text, of hex dumps, is listed */
	const char *said;       /* the repair of the packets being ignored, listed last */
};

/* A repair for ignored packets, listed once for a run of them. */
static int td_say(struct unlog *u, struct tcpdump *td, unsigned lineno, const char *what)
{
	if (td->said == what)
		return 0;
	td->said = what;
	return unlog_repair(u, lineno, what);
}

/* The text out ends with a line end (a message that went out of TCP
 * segments or fragments may end inside a line). */
static int td_close(struct unlog *u, struct tcpdump *td, size_t at)
{
	td->open = false;
	if (u->out.b.len && u->out.b.ptr[u->out.b.len - 1] != '\n')
		return mapped_put(&u->out, '\n', at);
	return 0;
}

/* The message whose first byte is at input offset at came in the packet
 * whose line is in[pl, pl + pn) (none: pn 0), or u->lines[pl, pl + pn)
 * when written. */
static int td_mark(struct unlog *u, size_t at, size_t pl, size_t pn, bool written)
{
	if (pn == 0)
		return 0;
	if (pn > 4096)
		pn = 4096; /* a packet line, not a log of its own */
	if (grow((void **)&u->marks, &u->cap_marks, u->nmarks, sizeof *u->marks) < 0)
		return -ENOMEM;
	u->marks[u->nmarks++] = (struct td_mark){ .at = at, .line = pl, .line_len = (uint32_t)pn, .written = written };
	return 0;
}

/* A message's start line at input offset at after a log's text from
 * input offset from on its line: that text (without the white space at
 * its end) is the message's packet line as logged, when it holds a time
 * stamp (pkt_log_time_read): when the message was logged. */
static int log_mark(struct unlog *u, size_t at, size_t from)
{
	size_t n = at > from ? at - from : 0;
	while (n && (u->in[from + n - 1] == ' ' || u->in[from + n - 1] == '\t'))
		n--;
	if (n > 4096)
		n = 4096; /* as td_mark keeps it */
	struct pkt_line l;
	bool fine;
	if (!n || !pkt_log_time_read(slice_make(u->in + from, n), &l, &fine))
		return 0;
	int rc = td_mark(u, at, from, n, false);
	if (rc == 0)
		u->marks[u->nmarks - 1].logged = true;
	return rc;
}

/* A message starts at line lineno: the repair that says how it is read,
 * listed once. */
static int td_tell(struct unlog *u, struct tcpdump *td, unsigned lineno, bool hex)
{
	bool *told = hex ? &td->told_hex : &td->told;
	td->said = NULL;
	if (*told)
		return 0;
	*told = true;
	return unlog_repair(u, lineno, hex ? "read the messages of hex dumps of packets (each after its "
					     "packet's IP and UDP, TCP or SCTP headers)"
					   : "read the messages of tcpdump -A's packet text (each after its "
					     "packet's IP and UDP or TCP headers; bytes tcpdump prints as '.' stay '.')");
}

/* A message of t[from, to) goes out: after a bound, on lines of its own;
 * when ended, what comes out after it is none of it. */
static int td_emit(struct unlog *u, struct tcpdump *td, const struct mapped *t, size_t from, size_t to, size_t at,
		   bool ended)
{
	int rc = td_close(u, td, at);
	u->bound_next = true;
	if (rc == 0)
		rc = unlog_bound(u);
	if (rc == 0)
		rc = mapped_take(&u->out, t, from, to);
	if (rc == 0 && ended) {
		rc = td_close(u, td, to > from ? mapped_at(t, to - 1) : at);
		u->bound_next = true;
	}
	return rc;
}

/* s[k, n) is what tcpdump -A prints of an SCTP chunk's zero padding (up
 * to three bytes, to four) and its LF after the packet: '.' and LF. */
static bool td_sctp_pad(const char *s, size_t k, size_t n)
{
	return n - k <= 4 && strspn(s + k, ".\n") == n - k;
}

/* The length of the first whole message of s[0, n) gathered from TCP
 * segments: its head to the empty line, then Content-Length bytes of body
 * (none without it); 0 while it is not whole. exact: the bytes as sent;
 * else tcpdump -A's text, whose LF was CR LF or LF: the body ends where
 * either count reaches Content-Length and the text after it is nothing
 * or a next start line (or, pad: up to three '.', the zero bytes that pad
 * an SCTP chunk to four bytes, perhaps with a LF). */
static size_t td_msg_len(const char *s, size_t n, bool exact, bool pad)
{
	size_t i = 0, he;
	for (;;) {
		const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
		if (!nl)
			return 0;
		size_t e = (size_t)(nl - s), le = e > i && s[e - 1] == '\r' ? e - 1 : e;
		if (le == i) {
			he = e + 1;
			break;
		}
		i = e + 1;
	}
	long cl = paste_head_content_length(s, he);
	if (cl <= 0)
		return he;
	if (exact)
		return n - he >= (size_t)cl ? he + (size_t)cl : 0;
	size_t c1 = 0, c2 = 0;
	for (size_t j = he; j < n; j++) {
		c1++;
		c2 += s[j] == '\n' ? 2 : 1;
		if (c1 != (size_t)cl && c2 != (size_t)cl)
			continue;
		size_t k = j + 1;
		while (k < n && (s[k] == '\r' || s[k] == '\n'))
			k++;
		const char *nl = memchr(s + k, '\n', n - k);
		if (k == n || (nl && paste_is_start_line(s + k, (size_t)(nl - s) - k)))
			return j + 1;
		if (pad && td_sctp_pad(s, k, n))
			return j + 1;
	}
	return 0;
}

/* Flow f's gathered text: its whole messages out (whole: all of it),
 * what follows them kept. */
static int td_pend_flush(struct unlog *u, struct tcpdump *td, struct td_flow *f, bool whole)
{
	int rc = 0;
	while (rc == 0 && f->pend.b.len) {
		const char *s = f->pend.b.ptr;
		size_t n = f->pend.b.len, k = td_msg_len(s, n, f->pend_hex, whole && f->sctp);
		/* past TD_PEND_MAX without an end (a Content-Length the
		 * segments never fill): out as it is, so that gathering stays
		 * linear */
		if (k == 0 && !whole && n <= TD_PEND_MAX)
			break;
		if (k == 0)
			k = n;
		rc = td_emit(u, td, &f->pend, 0, k, mapped_at(&f->pend, 0), true);
		/* CR LF keep-alives between messages (RFC 5626 §4.4.1) dropped,
		 * and after SCTP's last chunk -A's '.' of its padding */
		while (k < n && (s[k] == '\r' || s[k] == '\n'))
			k++;
		if (whole && f->sctp && !f->pend_hex && td_sctp_pad(s, k, n))
			k = n;
		struct mapped rest;
		mapped_init(&rest);
		if (rc == 0)
			rc = mapped_take(&rest, &f->pend, k, n);
		mapped_fini(&f->pend);
		f->pend = rest;
	}
	if (rc == 0 && f->pend.b.len == 0)
		mapped_fini(&f->pend);
	return rc;
}

/* The flow of key[0, n) (its first TD_KEY bytes) in *out: found, or a new
 * one in place of the one least recently used, whose gathered text goes
 * out first. 0 or -ENOMEM. */
static int td_flow(struct unlog *u, struct tcpdump *td, const void *key, size_t n, size_t *out)
{
	size_t i, lru = 0;
	int rc = 0;
	if (n > TD_KEY)
		n = TD_KEY;
	for (i = 0; i < td->nflows; i++) {
		const struct td_flow *f = &td->flows[i];
		if (f->keyn == n && memcmp(f->key, key, n) == 0)
			break;
		if (f->use < td->flows[lru].use)
			lru = i;
	}
	if (i == td->nflows) {
		if (td->nflows < TD_FLOWS) {
			td->nflows++;
		} else {
			i = lru;
			if (td->last == i)
				td->last = SIZE_MAX;
			rc = td_pend_flush(u, td, &td->flows[i], true);
			mapped_fini(&td->flows[i].pend);
		}
		td->flows[i] = (struct td_flow){ .keyn = n };
		mapped_init(&td->flows[i].pend);
		memcpy(td->flows[i].key, key, n);
	}
	td->flows[i].use = ++td->clock;
	*out = i;
	return rc;
}

/* Every flow's gathered text out, in the order its messages started (the
 * capture ends, or text of another kind follows it). */
static int td_flush_all(struct unlog *u, struct tcpdump *td)
{
	int rc = 0;
	for (;;) {
		struct td_flow *first = NULL;
		for (size_t i = 0; i < td->nflows; i++)
			if (td->flows[i].pend.b.len && (!first || td->flows[i].pend_at < first->pend_at))
				first = &td->flows[i];
		if (!first || rc != 0)
			return rc;
		rc = td_pend_flush(u, td, first, true);
	}
}

/* At the end of the input: td_flush_all, and the flows' memory freed
 * (also after an error, rc). */
static int td_finish(struct unlog *u, struct tcpdump *td, int rc)
{
	if (rc == 0)
		rc = td_flush_all(u, td);
	for (size_t i = 0; i < td->nflows; i++)
		mapped_fini(&td->flows[i].pend);
	return rc;
}

/* An SCTP chunk d[p0, end) that begins a message (B) and ends inside its
 * first line (not E): a start line cut by the chunk's end, as far as its
 * bytes go (a capital first, then printable ASCII; another protocol's
 * message, Diameter's say, begins with a binary version byte). */
static bool td_start_cut(const char *d, size_t end, size_t p0, const struct pkt_ip *r)
{
	if (!r->sctp_begin || r->sctp_end || p0 >= end || d[p0] < 'A' || d[p0] > 'Z')
		return false;
	for (size_t i = p0; i < end; i++)
		if ((unsigned char)d[i] < ' ' || (unsigned char)d[i] > '~')
			return false;
	return true;
}

/* td_mark for a message of the packet pk; a hex dump's packet with no
 * line (r: its headers, or NULL) gets one written from its bytes b. */
static int td_mark_packet(struct unlog *u, size_t at, const struct td_pkt *pk, const unsigned char *b,
			  const struct pkt_ip *r)
{
	size_t pl = pk->line, pn = pk->line_len;
	bool written = pn == 0 && r;
	if (written && u->ws_len) {
		/* tshark -V -x: the frame's details said when and where */
		int rc = td_mark(u, at, u->ws_line, u->ws_len, true);
		u->ws_len = 0;
		return rc;
	}
	if (written) {
		/* the packet line of a hex dump that has none (tshark -x,
		 * Wireshark's Copy as Hex Dump, xxd), written from its
		 * headers into u->lines (pn 0: nothing, no IP header) */
		pl = u->lines.len;
		pkt_line_write(&u->lines, b, r);
		if (u->lines.err)
			return u->lines.err;
		pn = u->lines.len - pl;
	}
	int rc = td_mark(u, at, pl, pn, written);
	/* the endpoints the headers give, for a packet line that does not
	 * say them (tshark -P's summary: addresses without ports) */
	struct pkt_line l;
	if (rc == 0 && pn && r && !written && u->lines.len < UINT32_MAX / 2 &&
	    !pkt_line_read(slice_make(u->in + pl, pn), &l)) {
		struct td_mark *m = &u->marks[u->nmarks - 1];
		const size_t from = u->lines.len;
		pkt_line_write(&u->lines, b, r);
		if (u->lines.err)
			return u->lines.err;
		m->ends_line = (uint32_t)from;
		m->ends_len = (uint32_t)(u->lines.len - from);
	}
	return rc;
}

/* Whether tcpdump's "SRC > DST" a[0, an) names the hosts of b[0, bn),
 * printed without ports: "10.0.0.1.5060 > 10.0.0.2.5060" (or with names,
 * "host.sip") and "10.0.0.1 > 10.0.0.2", as tcpdump writes a later
 * fragment. */
static bool td_hosts_eq(const char *a, size_t an, const char *b, size_t bn)
{
	size_t g = td_find(a, an, 0, " > "), h = td_find(b, bn, 0, " > ");
	if (g == an || h == bn)
		return false;
	/* each side of a without what follows its last '.' */
	size_t l = g, r = an;
	while (l > 0 && a[l - 1] != '.')
		l--;
	while (r > g + 3 && a[r - 1] != '.')
		r--;
	if (l == 0 || r == g + 3)
		return false;
	return l - 1 == h && memcmp(a, b, h) == 0 && r - 1 - (g + 3) == bn - (h + 3) &&
	       memcmp(a + g + 3, b + h + 3, bn - h - 3) == 0;
}

/* The packet in t (line lineno, its first line at pos): its message, or
 * the part of one it carries, goes out. hex: t holds the packet's bytes
 * (a hex dump, from its IP header or its link layer's), else tcpdump -A's
 * text of it (a LF after the packet). pk: what its packet line said (a
 * hex dump with none: .len -1, nothing else). chunk: which of an SCTP
 * packet's DATA chunks, *more when another follows it. 0 or -ENOMEM. */
static int td_packet_chunk(struct unlog *u, struct tcpdump *td, unsigned lineno, size_t pos, struct mapped *t,
			   bool hex, struct td_pkt pk, unsigned chunk, bool *more)
{
	const char *in = u->in;
	char *d = t->b.ptr;
	size_t p0 = SIZE_MAX, st = SIZE_MAX, end;
	struct pkt_ip r = { .chunk = chunk };
	bool found = false;
	size_t fi;
	int rc;
	*more = false;
	if (hex) {
		/* the payload where the headers say, its flow theirs */
		end = t->b.len;
		found = pkt_payload_guess((const unsigned char *)d, t->b.len, &r);
		*more = found && r.sctp_more;
		if (found) {
			pk.frag = r.frag;
			pk.frag_first = !r.frag && r.more;
			pk.sctp = r.proto == 132 && !r.frag;
			pk.sctp_end = pk.sctp && r.sctp_end;
			pk.has_tsn = pk.sctp;
			pk.tsn = r.seq;
			if (r.tcp) {
				pk.tcp = pk.has_seq = pk.seq_end = true;
				pk.seq_a = r.seq;
				pk.seq_b = (uint64_t)r.seq + (r.to - r.from);
			}
		} else if (td_start_at(d, t->b.len, 0, false) || pk.sctp) {
			/* no IP header: a payload alone (-vv's SCTP DATA chunk,
			 * the start of a message or the rest of one) */
			r = (struct pkt_ip){ .from = 0, .to = t->b.len };
			found = true;
		}
		rc = found && r.keyn ? td_flow(u, td, r.key, r.keyn, &fi)
				     : td_flow(u, td, pk.epn ? in + pk.ep : "", pk.epn, &fi);
	} else if (pk.frag && td->open && td->last != SIZE_MAX &&
		   td_hosts_eq(td->flows[td->last].key, td->flows[td->last].keyn, in + pk.ep, pk.epn)) {
		/* a later IPv4 fragment ("SRC > DST: ip-proto-17", no ports)
		 * of the datagram that went out last, open */
		fi = td->last;
		rc = 0;
		end = t->b.len ? t->b.len - 1 : 0;
	} else {
		rc = td_flow(u, td, in + pk.ep, pk.epn, &fi);
		/* tcpdump's LF after the packet is not the payload's */
		end = t->b.len ? t->b.len - 1 : 0;
	}
	if (rc < 0)
		return rc;
	struct td_flow *f = &td->flows[fi];
	/* TCP: what the sequence numbers say of this payload (relative to the
	 * first number printed for the flow, or printed so: -S, the bytes) */
	bool again = false;
	uint64_t rb = 0;
	if (pk.tcp && pk.has_seq) {
		if (!f->based) {
			f->based = true;
			f->base = pk.seq_a;
		}
		rb = pk.seq_b >= f->base ? pk.seq_b - f->base : pk.seq_b;
		again = pk.seq_end && f->data && rb <= f->next;
	}
	/* SCTP: a DATA chunk of a TSN read is one sent again; of the 64
	 * TSNs before the highest, those read are known (a chunk that came
	 * after one of higher TSN is not one sent again); one further back
	 * is taken for sent again, one far behind for a new association's */
	if (pk.sctp && pk.has_tsn) {
		uint32_t behind = f->tsn_next - pk.tsn; /* 1: the highest */
		if (f->has_tsn && behind - 1 < 64) {
			again = f->tsn_seen >> (behind - 1) & 1;
			f->tsn_seen |= 1ull << (behind - 1);
		} else if (f->has_tsn && behind - 1 < PKT_SCTP_TSN_WINDOW) {
			again = true;
		} else {
			uint32_t ahead = pk.tsn + 1 - f->tsn_next;
			f->tsn_seen = !f->has_tsn || ahead >= 64 ? 1 : f->tsn_seen << ahead | 1;
			f->has_tsn = true;
			f->tsn_next = pk.tsn + 1;
		}
	}
	if (hex && found) {
		p0 = r.from;
		end = r.to;
		size_t wf, wt, rest;
		unsigned char key[4];
		bool masked;
		if (!r.frag && (td_start_at(d, end, p0, true) || (pk.sctp && td_start_cut(d, end, p0, &r)))) {
			st = p0;
		} else if (pk.tcp && pkt_ws_frame((unsigned char *)d, p0, end, &wf, &wt, &rest, key, &masked) &&
			   td_start_at(d, wt, wf, true)) {
			/* SIP over WebSocket: the frame's payload */
			st = p0 = wf;
			end = wt;
			f->ws_rest = rest;
			f->ws_at = wt - wf;
			f->ws_masked = masked;
			memcpy(f->ws_key, key, 4);
		} else if (pk.tcp && f->ws_rest && f->pend.b.len && !again) {
			/* the rest of a frame: unmasked as it goes on */
			size_t here = f->ws_rest < end - p0 ? f->ws_rest : end - p0;
			for (size_t i = 0; f->ws_masked && i < here; i++)
				d[p0 + i] ^= (char)f->ws_key[(f->ws_at + i) & 3];
			end = p0 + here;
			f->ws_rest -= here;
			f->ws_at += here;
		}
	} else if (!hex) {
		if (pk.sctp && end > 0) {
			/* the IP header's length, SCTP's common header and its
			 * first DATA chunk's header: 12 and 16 bytes */
			p0 = td_ip_len(d[0]) + 28;
		} else if (pk.frag && pk.len < 0 && end > 0 && d[0] <= 'O') {
			/* a later IPv4 fragment: its bytes after the IP header */
			p0 = td_ip_len(d[0]);
		} else if (pk.len > 0) {
			p0 = td_back(d, end, (size_t)pk.len);
			/* TCP: the headers' length, when its options say it,
			 * is exact where the walk back from the end counts
			 * each LF of the payload as CR LF (a body of XML with
			 * LF line ends) */
			size_t h = td_ip_len(d[0]);
			if (pk.tcp && pk.tcp_opt >= 0 && h + 20 + (size_t)pk.tcp_opt <= end) {
				size_t q = h + 20 + (size_t)pk.tcp_opt, lf = 0;
				for (size_t j = q; j < end; j++)
					lf += d[j] == '\n';
				/* its text is the payload less the CR of each CR LF */
				if (end - q <= (size_t)pk.len && end - q + lf >= (size_t)pk.len)
					p0 = q;
			}
		} else if (pk.len < 0 && !pk.tcp && end > 0) {
			/* no length: the IP header's own, and UDP's 8 bytes */
			p0 = td_ip_len(d[0]) + 8;
		}
		if (p0 != SIZE_MAX && !pk.frag) {
			st = td_start_near(d, end, p0);
			if (st == SIZE_MAX && !pk.tcp && !pk.sctp)
				st = td_start_search(d, end, 160);
		}
	}
	/* TCP, and SCTP, whose message may take several DATA chunks: the
	 * text gathered by connection or association until whole */
	const bool gather = pk.tcp || pk.sctp;
	/* a packet with no message in it: ESP whose payload is encrypted
	 * said apart, as the REGISTERs a P-CSCF protects go so */
	const char *nosip = (hex ? !found && r.esp_enc : pk.esp_enc && st == SIZE_MAX)
				    ? "ignored ESP packets whose payload is encrypted (IPsec of IMS sec-agree, TS "
				      "33.203): the SIP in them, such as the REGISTER after a 401 with "
				      "Security-Server, cannot be read here; capture where IPsec ends, or test with "
				      "ealg=null"
				    : "ignored tcpdump's packets that carry no SIP message";
	const char *what = NULL;
	if (p0 == SIZE_MAX || p0 >= end) {
		what = nosip;
	} else if (again) {
		what = pk.sctp ? "ignored an SCTP DATA chunk shown again (a retransmission: its TSN was read)"
			       : "ignored a TCP segment shown again (a retransmission: its bytes were read)";
	} else if (gather && (st != SIZE_MAX || f->pend.b.len)) {
		/* TCP: gathered by connection, out when whole, so that the
		 * segments of other connections may come between; a message
		 * that starts ends the one before it. SCTP: the chunks of
		 * each association the same way */
		if (st != SIZE_MAX)
			rc = td_pend_flush(u, td, f, true);
		if (rc == 0 && !f->pend.b.len) {
			f->pend_hex = hex;
			f->sctp = pk.sctp;
			f->pend_at = ++td->clock;
			rc = td_tell(u, td, lineno, hex);
		}
		if (rc == 0 && st != SIZE_MAX)
			rc = td_mark_packet(u, mapped_at(t, st), &pk, (const unsigned char *)d, hex && found ? &r : NULL);
		td->said = NULL;
		if (rc == 0)
			rc = mapped_take(&f->pend, t, st != SIZE_MAX ? st : p0, end);
		/* SCTP's last chunk of a message ends it, whatever its
		 * Content-Length says */
		if (rc == 0)
			rc = td_pend_flush(u, td, f, pk.sctp_end);
	} else if (st != SIZE_MAX) {
		/* a message starts: the rest of the packet its text (the next
		 * fragment may add to it) */
		rc = td_tell(u, td, lineno, hex);
		if (rc == 0)
			rc = td_mark_packet(u, mapped_at(t, st), &pk, (const unsigned char *)d, hex && found ? &r : NULL);
		if (rc == 0)
			rc = td_emit(u, td, t, st, end, pos, false);
		td->last = fi;
		td->open = pk.frag_first;
	} else if (pk.frag && td->last == fi) {
		/* the next fragment of the datagram that went out last: its
		 * bytes right after the first's */
		td->said = NULL;
		rc = mapped_take(&u->out, t, p0, end);
	} else if (gather || pk.frag) {
		what = pk.tcp	 ? "ignored a TCP segment that goes on with a message whose start was not read "
				   "(the capture started after it)"
		       : pk.sctp ? "ignored an SCTP DATA chunk that goes on with a message whose start was not "
				   "read (the capture started after it)"
				 : "ignored an IP fragment whose first fragment was not read before it";
	} else {
		what = nosip;
	}
	if (rc == 0 && pk.tcp && pk.has_seq && pk.seq_end && !again && what == NULL) {
		f->data = true;
		if (rb > f->next)
			f->next = rb;
	}
	if (rc == 0 && what)
		rc = td_say(u, td, lineno, what);
	/* a whole datagram ends with its line, and its message there: text
	 * after it (tshark -P's summary lines) is none of it */
	if (rc == 0 && !what && !gather && !td->open) {
		rc = td_close(u, td, end < t->b.len ? mapped_at(t, end) : pos);
		u->bound_next = true;
	}
	return rc;
}

/* The packet in t: td_packet_chunk for it, and for each further DATA
 * chunk an SCTP packet bundles (each a message, or a part of one). */
static int td_packet(struct unlog *u, struct tcpdump *td, unsigned lineno, size_t pos, struct mapped *t, bool hex,
		     struct td_pkt pk)
{
	bool more = true;
	int rc = 0;
	for (unsigned k = 0; more && rc == 0; k++)
		rc = td_packet_chunk(u, td, lineno, pos, t, hex, pk, k, &more);
	return rc;
}

/* A packet of tcpdump whose packet line is in[pos, ce) (line lineno, the
 * next line at next), its -A text or -x hex dump after it: read by
 * td_packet, the lines up to the next packet line taken (*after: the input
 * offset after them, *lines: their number). 1 when taken; 0 when the line
 * is no packet line or neither follows it (tcpdump -v alone prints the
 * message after tabs, which the normaliser reads as it is); or -ENOMEM. */
static int unlog_tcpdump(struct unlog *u, struct tcpdump *td, unsigned lineno, size_t pos, size_t ce,
			 size_t next, size_t *after, unsigned *lines)
{
	const char *in = u->in;
	size_t len = u->len;
	struct td_pkt pk;
	bool ip = td_packet_line(in, len, pos, ce, next, &pk);
	if (!ip && !(td->seen && td_any_packet_line(in + pos, ce - pos)))
		return 0;
	if (!ip && td_stats_line(in + pos, ce - pos)) {
		/* the counts as tcpdump stops: the capture ends */
		*after = next;
		*lines = 1;
		int rc = unlog_change(u, pos);
		if (rc == 0)
			rc = td_say(u, td, lineno, "ignored tcpdump's packet counts");
		if (rc == 0)
			rc = td_flush_all(u, td);
		if (rc == 0 && td->open) {
			td->last = SIZE_MAX;
			rc = td_close(u, td, pos);
			u->bound_next = true;
		}
		return rc < 0 ? rc : 1;
	}
	if (!ip) {
		/* a packet of no IP (ARP, ...) among them: its lines dropped */
		size_t q = next;
		unsigned k = 1;
		while (q < len && !td_any_packet_line(in + q, content_end(in, len, q) - q)) {
			q = line_after(in, len, q);
			k++;
		}
		*after = q;
		*lines = k;
		int rc = unlog_change(u, pos);
		if (rc == 0)
			rc = td_say(u, td, lineno, "ignored tcpdump's packets that carry no SIP message");
		return rc < 0 ? rc : 1;
	}
	/* -v: its second line, and a message after tabs (the packet text
	 * holds it too; a tab and "0x" start a line of -x's hex dump) */
	size_t q = next;
	unsigned k = 1;
	bool chunk = false; /* -vv: SCTP's chunks on lines of their own, "\t1) [DATA] (B)(E) ..." */
	for (; q < len && (k < pk.lines || (in[q] == '\t' && !(len - q > 3 && in[q + 1] == '0' && in[q + 2] == 'x')));
	     k++) {
		if (pk.sctp && !chunk && in[q] == '\t')
			chunk = td_sctp_flags(in, content_end(in, len, q), q, &pk);
		q = line_after(in, len, q);
	}
	if (q >= len)
		return 0;
	/* the packet as bytes (-x, -X: hex, each byte exact), or as text
	 * (-A) up to the next packet line */
	struct mapped t;
	mapped_init(&t);
	int hex = td_hex_line(&t, in, q, content_end(in, len, q));
	/* -A's text: from the IP header on (after MPLS's labels or PPPoE's
	 * header, on the same line) */
	size_t pre = pk.link_pre;
	if (!hex && pre && (content_end(in, len, q) - q <= pre || !td_ip_first(in[q + pre])))
		pre = SIZE_MAX;
	if (hex <= 0 && (hex < 0 || pre == SIZE_MAX || !td_ip_first(in[q + pre]))) {
		mapped_fini(&t);
		return hex;
	}
	int rc = unlog_change(u, pos);
	for (bool first = true; q < len && rc == 0; first = false) {
		size_t qe = content_end(in, len, q);
		size_t qn = line_after(in, len, q);
		if (td_any_packet_line(in + q, qe - q))
			break; /* the next packet's line */
		if (hex) {
			/* the first line was read above; what follows the dump
			 * up to the next packet line is the packet's too (-vv
			 * prints an SCTP chunk's payload in hex, then -A's text) */
			int h = first || hex > 1 ? 1 : td_hex_line(&t, in, q, qe);
			if (h < 0) {
				rc = h;
				break;
			}
			if (h == 0)
				hex = 2;
		} else {
			rc = mapped_copy(&t, in, first ? q + pre : q, qe);
			if (rc == 0)
				rc = mapped_put(&t, '\n', qe);
		}
		q = qn;
		k++;
	}
	*after = q;
	*lines = k;
	td->seen = true;
	/* tcpdump -A without -v does not say a datagram is fragmented: its
	 * later fragment, next, between the same hosts, does */
	struct td_pkt nx;
	if (!hex && !pk.frag && !pk.frag_first && !pk.tcp && !pk.sctp && q < len &&
	    td_packet_line(in, len, q, content_end(in, len, q), line_after(in, len, q), &nx) && nx.frag &&
	    nx.len < 0 && td_hosts_eq(in + pk.ep, pk.epn, in + nx.ep, nx.epn))
		pk.frag_first = true;
	if (rc == 0)
		rc = td_packet(u, td, lineno, pos, &t, hex != 0, pk);
	mapped_fini(&t);
	return rc < 0 ? rc : 1;
}

/* tshark -P: the line in[pb, pe) before a packet's hex dump, when it is
 * the packet's summary line ("    1   0.000000 10.0.0.1 → 10.0.0.2 SIP
 * 655 Request: REGISTER ...": its number, its time, an arrow), is its
 * packet line in pk (without the Info column's " | " of several PDUs).
 * The time since the first packet is negative in a capture whose clock
 * goes back (captures joined one after the other). */
static void td_tshark_summary(const char *in, size_t pb, size_t pe, struct td_pkt *pk)
{
	size_t sb = pb, se;
	while (sb < pe && in[sb] == ' ')
		sb++;
	se = td_digits(in, pe, sb);
	while (se > sb && se < pe && in[se] == ' ')
		se++;
	if (se == sb || se >= pe || in[se - 1] != ' ')
		return;
	if (in[se] == '-' && se + 1 < pe)
		se++;
	if (!is_digit(in[se]) ||
	    (!memmem(in + se, pe - se, " \xe2\x86\x92 ", 5) && !memmem(in + se, pe - se, " -> ", 4)))
		return;
	while (pe > se && (in[pe - 1] == ' ' || in[pe - 1] == '|'))
		pe--;
	pk->line = sb;
	pk->line_len = pe - sb;
}

/* A hex dump of a packet with no packet line before it (Wireshark's Copy
 * as Hex Dump, tshark -x, xxd, tcpdump -x's lines alone): its lines from
 * pos on, offset 0 first, each offset the bytes before it, taken and read
 * by td_packet (*after, *lines as for unlog_tcpdump); Wireshark's packet
 * details beside them are not read (unlog_wireshark). 1 when taken, 0 when
 * pos holds no such line, or -ENOMEM. */
static int unlog_hexdump(struct unlog *u, struct tcpdump *td, unsigned lineno, size_t pos,
			 size_t *after, unsigned *lines)
{
	const char *in = u->in;
	size_t len = u->len, q = pos;
	unsigned k = 0;
	struct mapped t;
	mapped_init(&t);
	int rc = 0;
	while (q < len) {
		int h = td_hex_line(&t, in, q, content_end(in, len, q));
		if (h <= 0) {
			rc = h;
			break;
		}
		q = line_after(in, len, q);
		k++;
	}
	/* one line of a few bytes is as likely a line of a log */
	if (rc == 0 && (k == 0 || (k == 1 && t.b.len < 8))) {
		mapped_fini(&t);
		return 0;
	}
	*after = q;
	*lines = k;
	/* tshark -x prints a packet's other data sources after its frame,
	 * each after its name: "Reassembled TCP (2517 bytes):", "Unmasked
	 * data (598 bytes):" (the frames are read here themselves) */
	size_t pe = pos, pb;
	while (pe > 0 && (in[pe - 1] == '\n' || in[pe - 1] == '\r'))
		pe--;
	for (pb = pe; pb > 0 && in[pb - 1] != '\n'; pb--)
		;
	bool other = pe - pb > 9 && memcmp(in + pe - 8, " bytes):", 8) == 0 && !td_at(in, pe, pb, "Frame (");
	struct td_pkt pk = { .len = -1 };
	if (!other && pe - pb > 7 && td_at(in, pe, pb, "Frame (")) {
		/* a frame with other data sources after it: its name first */
		for (pe = pb; pe > 0 && (in[pe - 1] == '\n' || in[pe - 1] == '\r'); pe--)
			;
		for (pb = pe; pb > 0 && in[pb - 1] != '\n'; pb--)
			;
	}
	td_tshark_summary(in, pb, pe, &pk);
	if (rc == 0)
		rc = unlog_change(u, pos);
	if (rc == 0 && other)
		rc = td_say(u, td, lineno, "ignored the bytes tshark shows beside a packet's frame (reassembled, "
					   "unmasked: read from the frames themselves)");
	else if (rc == 0)
		rc = td_packet(u, td, lineno, pos, &t, true, pk);
	mapped_fini(&t);
	return rc < 0 ? rc : 1;
}

/* ---- tshark's JSON ---------------------------------------------------------
 * tshark -T json (Wireshark's Export Packet Dissections > As JSON), -T ek
 * (a packet a line, for Elasticsearch) and -T jsonraw: each SIP message of a
 * packet is an object "sip" (an array of them, or the key repeated, when a
 * TCP segment holds several) whose "sip.Request-Line" or "sip.Status-Line"
 * (ek: "sip_sip_Request-Line") is the start line and "sip.msg_hdr" the
 * header lines as one JSON string, "Via: ...\r\n...\r\n\r\n" and the
 * rest of the packet's SIP bytes after them as a string holds them (to the
 * first NUL byte: a binary body is cut; tj_cut). With the packet bytes (-x,
 * Wireshark's "Packet Bytes", jsonraw) "sip_raw" holds each message's
 * bytes in hex (json: [hex, offset, length, bitmask, type]; ek: the hex, or
 * an array of them): those are read instead, exact and with the body. The
 * packet's "frame" layer (its first) begins it; its "frame.number",
 * "frame.time", "ip.src"/"ipv6.src", "ip.dst" and the ports of
 * "udp.srcport"/"tcp.srcport"/"sctp.srcport" ... make the packet line of
 * its messages. The rest of the document is not SIP: ignored. */

/* The closing quote of the JSON string whose opening quote is in[q], or
 * len when it does not close. */
static size_t json_str_end(const char *in, size_t len, size_t q)
{
	for (size_t i = q + 1; i < len; i++) {
		if (in[i] == '\\')
			i++;
		else if (in[i] == '"')
			return i;
	}
	return len;
}

static size_t json_ws(const char *in, size_t len, size_t i)
{
	while (i < len && (in[i] == ' ' || in[i] == '\t' || in[i] == '\r' || in[i] == '\n'))
		i++;
	return i;
}

/* What a key of tshark's JSON is to us. */
enum tj_key {
	TJ_OTHER, TJ_START, TJ_STATUS, TJ_HDR, TJ_RAW, TJ_PACKET, TJ_LAYERS,
	/* the packet's fields, from here on */
	TJ_FRAME, TJ_TIME, TJ_SRC, TJ_DST, TJ_SPORT, TJ_DPORT
};

/* The key in k[0, n) (without its quotes): -T json names a field
 * "proto.name", -T ek "proto_proto_name" (some versions in lower case),
 * and -T ek -e FIELD "proto_name" (the field's name, '.' as '_'). */
static enum tj_key tj_key(const char *k, size_t n)
{
	static const struct {
		const char *json, *ek;
		enum tj_key key;
	} keys[] = {
		{ "sip.Request-Line", "sip_sip_Request-Line", TJ_START },
		{ "sip.Status-Line", "sip_sip_Status-Line", TJ_STATUS },
		{ "sip.msg_hdr", "sip_sip_msg_hdr", TJ_HDR },
		{ "sip_raw", "sip_raw", TJ_RAW },
		{ "frame", "frame", TJ_PACKET }, /* the first layer: a packet begins */
		{ "layers", "layers", TJ_LAYERS }, /* a packet's layers (-e: its fields) */
		{ "frame.number", "frame_frame_number", TJ_FRAME },
		{ "frame.time", "frame_frame_time", TJ_TIME },
		{ "ip.src", "ip_ip_src", TJ_SRC },
		{ "ip.dst", "ip_ip_dst", TJ_DST },
		{ "ipv6.src", "ipv6_ipv6_src", TJ_SRC },
		{ "ipv6.dst", "ipv6_ipv6_dst", TJ_DST },
		{ "udp.srcport", "udp_udp_srcport", TJ_SPORT },
		{ "udp.dstport", "udp_udp_dstport", TJ_DPORT },
		{ "tcp.srcport", "tcp_tcp_srcport", TJ_SPORT },
		{ "tcp.dstport", "tcp_tcp_dstport", TJ_DPORT },
		{ "sctp.srcport", "sctp_sctp_srcport", TJ_SPORT },
		{ "sctp.dstport", "sctp_sctp_dstport", TJ_DPORT },
	};
	if (n == 0 || n > 24)
		return TJ_OTHER;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *names[2] = { keys[i].json, keys[i].ek };
		for (size_t j = 0; j < 2; j++)
			if (strlen(names[j]) == n && slice_caseeq(slice_make(k, n), slice_make(names[j], n)))
				return keys[i].key;
		/* ek -e: the json name with '_' for each '.' */
		const char *jn = keys[i].json;
		size_t c = 0;
		if (strlen(jn) == n)
			while (c < n && (jn[c] == '.' ? k[c] == '_'
						      : scan_lower((unsigned char)k[c]) == scan_lower((unsigned char)jn[c])))
				c++;
		if (c == n)
			return keys[i].key;
	}
	return TJ_OTHER;
}

/* The packet being read: its fields' values, as slices of the input. */
struct tj_pkt {
	struct slice frame, time, src, dst, sport, dport, proto;
};

/* The string value at in[v] (its opening quote): its content. */
static struct slice tj_value(const char *in, size_t len, size_t v)
{
	if (v >= len || in[v] != '"')
		return SLICE_NULL;
	size_t e = json_str_end(in, len, v);
	return slice_make(in + v + 1, e - v - 1);
}

/* A field of the packet: key (its name) k with value val noted in pk (a
 * packet's first layer begins a new one): true, else false (not one). */
static bool tj_pkt_field(struct tj_pkt *pk, enum tj_key k, struct slice key, struct slice val)
{
	struct slice *to;
	switch (k) {
	case TJ_PACKET:
		*pk = (struct tj_pkt){ 0 };
		return true;
	case TJ_FRAME: to = &pk->frame; break;
	case TJ_TIME: to = &pk->time; break;
	case TJ_SRC: to = &pk->src; break;
	case TJ_DST: to = &pk->dst; break;
	case TJ_SPORT: to = &pk->sport; break;
	case TJ_DPORT: to = &pk->dport; break;
	default: return false;
	}
	*to = val;
	if (k == TJ_SPORT) {
		/* the transport: the key's protocol ("udp.srcport", "udp_udp_srcport") */
		pk->proto = slice_make(key.ptr, 0);
		while (pk->proto.len < key.len && key.ptr[pk->proto.len] != '.' && key.ptr[pk->proto.len] != '_')
			pk->proto.len++;
	}
	return true;
}

/* The packet line of pk into u->lines, marked for the message whose first
 * byte is input byte at: "frame 19  Jul  4, 2005 11:32:52.844249000 CEST
 * UDP 192.168.1.2:5060 -> 212.242.33.35:5060", what the packet said. */
static int tj_mark(struct unlog *u, const struct tj_pkt *pk, size_t at)
{
	struct buf *l = &u->lines;
	size_t from = l->len;
	const char *sep = "";
	if (pk->frame.ptr) {
		buf_printf(l, "frame %.*s", SLICE_ARG(pk->frame));
		sep = "  ";
	}
	if (pk->time.ptr) {
		buf_printf(l, "%s%.*s", sep, SLICE_ARG(pk->time));
		sep = "  ";
	}
	if (pk->src.ptr && pk->dst.ptr) {
		struct slice a[2] = { pk->src, pk->dst }, p[2] = { pk->sport, pk->dport };
		buf_puts(l, sep);
		for (size_t i = 0; i < pk->proto.len; i++)
			buf_putc(l, (char)(pk->proto.ptr[i] & ~0x20));
		if (pk->proto.len)
			buf_putc(l, ' ');
		for (int i = 0; i < 2; i++) {
			bool v6 = memchr(a[i].ptr, ':', a[i].len) != NULL && p[i].ptr;
			buf_printf(l, "%s%s%.*s%s", i ? " -> " : "", v6 ? "[" : "", SLICE_ARG(a[i]), v6 ? "]" : "");
			if (p[i].ptr)
				buf_printf(l, ":%.*s", SLICE_ARG(p[i]));
		}
	}
	if (l->err)
		return l->err;
	return td_mark(u, at, from, l->len - from, true);
}

/* tshark's "sip.msg_hdr" holds the rest of the packet's SIP bytes from the
 * first header line on (cut at a NUL byte, as a string), so the body, and
 * the messages after it in the same TCP segment, which are "sip" objects
 * of their own: the message that starts at from in o->b is cut where its
 * Content-Length ends it (tj_cl_end: the index of o->b there, SIZE_MAX
 * when its head does not end in o->b or says no length, or the body is
 * shorter). */
static size_t tj_cl_end(const struct mapped *o, size_t from)
{
	if (from >= o->b.len)
		return SIZE_MAX; /* nothing went out (o->b.ptr may still be NULL) */
	const char *t = o->b.ptr + from;
	size_t n = o->b.len - from;
	const char *he = memmem(t, n, "\r\n\r\n", 4);
	if (!he)
		return SIZE_MAX;
	size_t body = (size_t)(he - t) + 4;
	long cl = paste_head_content_length(t, body);
	return cl >= 0 && n - body >= (size_t)cl ? from + body + (size_t)cl : SIZE_MAX;
}

static void tj_cut(struct mapped *o, size_t from)
{
	size_t e = tj_cl_end(o, from);
	if (e != SIZE_MAX)
		mapped_truncate(o, e);
}

/* The line number of input offset at. */
static unsigned tj_lineno(const char *in, size_t at)
{
	unsigned line = 1;
	for (const char *p = in; (p = memchr(p, '\n', (size_t)(in + at - p))) != NULL; p++)
		line++;
	return line;
}

/* A reading of tshark's JSON or PDML: the packet, and the messages so far. */
struct tj_reader {
	struct tj_pkt pk;
	size_t first; /* the first message's input offset (SIZE_MAX: none yet) */
	size_t msg;   /* where the last message begins in u->out */
	bool open;    /* a start line went out, its headers not yet */
	int n;        /* messages begun */
};

/* CR LF into u->out, both from input offset at: 0 or -ENOMEM. */
static int tj_crlf(struct unlog *u, size_t at)
{
	int rc = mapped_put(&u->out, '\r', at);
	return rc == 0 ? mapped_put(&u->out, '\n', at) : rc;
}

/* A message whose first byte is input byte at begins: on a line of its
 * own (a value may end inside a line), after a bound, with its packet
 * line; noted in r. 0 or -ENOMEM. */
static int tj_msg(struct unlog *u, struct tj_reader *r, size_t at)
{
	struct mapped *o = &u->out;
	int rc = 0;
	if (o->b.len && o->b.ptr[o->b.len - 1] != '\n')
		rc = tj_crlf(u, mapped_at(o, o->b.len - 1) + 1);
	u->bound_next = true;
	if (rc == 0)
		rc = unlog_bound(u);
	if (rc == 0)
		rc = tj_mark(u, &r->pk, at);
	r->msg = o->b.len;
	if (r->first == SIZE_MAX)
		r->first = at;
	r->n++;
	return rc;
}

/* The end of a reading r (rc: its status): the repair what listed at the
 * first message's line; how many messages (0: u to be reset), or -ENOMEM. */
static int tj_done(struct unlog *u, const struct tj_reader *r, int rc, const char *what)
{
	if (rc < 0 || r->n == 0)
		return rc < 0 ? rc : 0;
	rc = unlog_repair(u, tj_lineno(u->in, r->first), what);
	return rc < 0 ? rc : r->n;
}

/* The bytes of the hex in[a, e) into u->out, each from its first digit,
 * up to the first pair that is no hex (what came so far is the message,
 * its error says the rest): 0 or -ENOMEM. */
static int tj_hex(struct unlog *u, size_t a, size_t e)
{
	unsigned char c;
	int rc = 0;
	for (size_t i = a; i + 1 < e && rc == 0 && td_hex2(u->in, i, &c); i += 2)
		rc = mapped_put_hex(&u->out, (char)c, i);
	return rc;
}

/* The hex in[a, e) may be a SIP message's bytes: even, at least eight
 * bytes of hex, the first three a method's or SIP/2.0's (a token). */
static bool tj_hex_start(const char *in, size_t a, size_t e)
{
	if (e - a < 16 || (e - a) % 2)
		return false;
	unsigned char c;
	for (size_t i = 0; i < 8; i++)
		if (!td_hex2(in, a + 2 * i, &c) || (i < 3 && !scan_is(c, SCAN_TOKEN)))
			return false;
	return true;
}

/* The hex string in[a, e) as a message's bytes, each from its first
 * digit: 1, 0 when it is no hex of a SIP message (tj_hex_start), or
 * -ENOMEM. */
static int tj_raw(struct unlog *u, struct tj_reader *r, size_t a, size_t e)
{
	if (!tj_hex_start(u->in, a, e))
		return 0;
	int rc = tj_msg(u, r, a);
	if (rc == 0)
		rc = tj_hex(u, a, e);
	return rc < 0 ? rc : 1;
}

/* The value of "sip_raw" at in[v]: a hex string, or an array of hex
 * strings and numbers, or of such arrays (one a message). The messages
 * go out; *end: where the value ends. The number read, or -ENOMEM. */
static int tj_raw_value(struct unlog *u, struct tj_reader *r, size_t v, size_t *end)
{
	const char *in = u->in;
	size_t len = u->len, i = v;
	int depth = 0, n = 0;
	do {
		i = json_ws(in, len, i);
		if (i >= len)
			break;
		if (in[i] == '"') {
			size_t e = json_str_end(in, len, i);
			int rc = tj_raw(u, r, i + 1, e);
			if (rc < 0)
				return rc;
			n += rc;
			i = e + 1;
		} else if (in[i] == '[' && depth < 2) {
			depth++;
			i++;
			continue;
		} else if (in[i] == ']' && depth > 0) {
			depth--;
			i++;
		} else if (in[i] == ',' && depth > 0) {
			i++;
			continue;
		} else if (depth > 0 && (is_digit(in[i]) || in[i] == '-')) {
			while (i < len && (is_digit(in[i]) || in[i] == '-'))
				i++;
			continue;
		} else {
			break; /* not of this shape: left to the key scan */
		}
	} while (depth > 0);
	*end = i;
	return n;
}


/* ---- tshark -T json -e FIELD, -T ek -e FIELD ----------------------------
 * With -e each field the user named is an array of strings under the
 * packet's "layers", one a message of the packet, the fields in the order
 * of the -e options: sip.Request-Line and sip.Status-Line each list their
 * start lines (so a segment holding a request and a response does not say
 * which came first), sip.msg_hdr the text after each start line. The
 * first msg_hdr runs on to the end of the segment's SIP bytes, the later
 * messages with their start lines included, and each later msg_hdr is a
 * tail of it: so the first holds every message of the segment, and where
 * each later one begins in it is where its msg_hdr begins, less its start
 * line. The arrays are read when the packet ends (the next "layers", or
 * the end). */

/* Where the arrays of a packet begin (the offset of their '['; SIZE_MAX:
 * not given). */
struct tj_arrays {
	size_t req, stat, hdr;
};

#define TJ_ARRAYS_NONE ((struct tj_arrays){ SIZE_MAX, SIZE_MAX, SIZE_MAX })

/* The next string of the JSON array whose '[' is at in[*i] (*i: where the
 * reading stands, the '[' at first): its content, escapes as written, *i
 * moved past it; SLICE_NULL at the array's end, or at anything but a
 * string. */
static struct slice tj_next_str(const char *in, size_t len, size_t *i)
{
	if (*i >= len)
		return SLICE_NULL;
	size_t j = json_ws(in, len, *i);
	if (j < len && (in[j] == '[' || in[j] == ','))
		j = json_ws(in, len, j + 1);
	if (j >= len || in[j] != '"')
		return SLICE_NULL;
	size_t e = json_str_end(in, len, j);
	if (e >= len)
		return SLICE_NULL;
	*i = e + 1;
	return slice_make(in + j + 1, e - j - 1);
}

/* The last string of the array at in[a] (a packet field's value: the
 * innermost layer's, as the last of the repeated keys of -T json). */
static struct slice tj_last_str(const char *in, size_t len, size_t a)
{
	struct slice s, last = SLICE_NULL;
	while ((s = tj_next_str(in, len, &a)).ptr)
		last = s;
	return last;
}

/* The string after c in the start lines of a (Request-Lines, then
 * Status-Lines; *which and *at: where the reading stands, from 0 and
 * SIZE_MAX): its content, or SLICE_NULL after the last. */
static struct slice tj_next_start(const char *in, size_t len, const struct tj_arrays *a,
				  int *which, size_t *at)
{
	for (; *which < 2; ++*which, *at = SIZE_MAX) {
		size_t arr = *which == 0 ? a->req : a->stat;
		if (arr == SIZE_MAX)
			continue;
		if (*at == SIZE_MAX)
			*at = arr;
		struct slice s = tj_next_str(in, len, at);
		if (s.ptr)
			return s;
	}
	return SLICE_NULL;
}

/* FNV-1a of s: start lines are told apart by it (tj_arrays_out). */
static uint64_t tj_hash(struct slice s)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < s.len; i++)
		h = (h ^ (unsigned char)s.ptr[i]) * 1099511628211ull;
	return h;
}

/* Where in h0 (the first msg_hdr, as written) the message whose msg_hdr
 * is hk begins: at its start line, which ends with the "\r\n" before hk's
 * text, hk being h0's tail, and begins after the "\n" before it, at or
 * after from (where the message before it has its msg_hdr). SIZE_MAX when
 * hk is no such tail. */
static size_t tj_tail_start(struct slice h0, struct slice hk, size_t from)
{
	if (hk.len + 4 >= h0.len)
		return SIZE_MAX;
	size_t t = h0.len - hk.len, e = t - 4, b = e;
	if (t <= from || memcmp(h0.ptr + t, hk.ptr, hk.len) != 0 || memcmp(h0.ptr + e, "\\r\\n", 4) != 0)
		return SIZE_MAX;
	/* back to the escape "\n" (its backslash not itself escaped: an
	 * even number of backslashes before it) */
	for (; b >= from + 2; b--) {
		if (h0.ptr[b - 1] != 'n' || h0.ptr[b - 2] != '\\')
			continue;
		size_t j = b - 2;
		while (j > from && h0.ptr[j - 1] == '\\')
			j--;
		if ((b - 2 - j) % 2 == 0)
			break;
	}
	return b < from + 2 || b == e ? SIZE_MAX : b;
}

/* The escaped text in[a, a + n) into o, each byte from its input offset:
 * 0 or -ENOMEM. */
static int tj_text(struct mapped *o, const char *in, size_t a, size_t n)
{
	return unescape_json(o, in + a, NULL, a, n, true);
}

/* After h0[b, t - 4) (a message, then the start line of the next, whose
 * msg_hdr hk begins at h0[t]; h0 at input offset h0a) went into o from
 * index ob on, the message beginning at index m: where the next message
 * begins, in o (returned: o is to be cut there) and in h0 (*nb). That is
 * where Content-Length ends the message (tshark splits a segment so), or,
 * when it says nothing, after the "\n" before that start line (from: where
 * the message's own msg_hdr begins in h0). */
static size_t tj_bound(const struct mapped *o, size_t m, size_t ob, struct slice h0, size_t h0a,
		       struct slice hk, size_t from, size_t *nb)
{
	size_t cut = tj_cl_end(o, m);
	if (cut != SIZE_MAX && cut >= ob && cut < o->b.len) {
		*nb = mapped_at(o, cut) - h0a;
		return cut;
	}
	*nb = tj_tail_start(h0, hk, from);
	for (cut = o->b.len; cut > ob && mapped_at(o, cut - 1) >= h0a + *nb; cut--)
		;
	return cut;
}

/* A message begins (tj_msg) with the start line sl (escaped, as written;
 * SLICE_NULL: none, the message begins at input offset at): 0 or -ENOMEM. */
static int tj_begin(struct unlog *u, struct tj_reader *r, struct slice sl, size_t at)
{
	size_t a = sl.ptr ? (size_t)(sl.ptr - u->in) : at;
	int rc = tj_msg(u, r, a);
	if (rc == 0 && sl.ptr)
		rc = tj_text(&u->out, u->in, a, sl.len);
	if (rc == 0 && sl.ptr)
		rc = tj_crlf(u, a + sl.len);
	return rc;
}

/* The messages of a packet's -e arrays a into u->out: each with the
 * packet line of r->pk. 0 or -ENOMEM. */
static int tj_arrays_out(struct unlog *u, struct tj_reader *r, const struct tj_arrays *a)
{
	const char *in = u->in;
	size_t len = u->len;
	struct mapped *o = &u->out;
	struct slice h0 = SLICE_NULL, h, c;
	size_t it = a->hdr, from = 0, b = 0, h0a = 0, at = SIZE_MAX;
	uint64_t diff = 0;
	bool tails = a->hdr != SIZE_MAX;
	int which = 0, rc = 0;
	/* each later msg_hdr a tail of the first, in order: the later
	 * messages and their start lines are then h0's, and the first
	 * message's start line is the one of the arrays left over (the sum of
	 * their hashes less those of the start lines found); sc: each message
	 * and the next start line, to find where it ends as below (so the
	 * messages of a segment are read twice: the first one's start line
	 * must go out before them) */
	struct mapped sc;
	mapped_init(&sc);
	while (tails && (h = tj_next_str(in, len, &it)).ptr) {
		if (!h0.ptr) {
			h0 = h;
			h0a = (size_t)(h0.ptr - in);
			continue;
		}
		if (tj_tail_start(h0, h, from) == SIZE_MAX) {
			tails = false;
			break;
		}
		size_t t = h0.len - h.len, nb;
		mapped_truncate(&sc, 0);
		rc = tj_text(&sc, in, h0a + b, t - 4 - b);
		if (rc < 0)
			break;
		(void)tj_bound(&sc, 0, 0, h0, h0a, h, from, &nb);
		diff -= tj_hash(slice_make(h0.ptr + nb, t - 4 - nb));
		b = nb;
		from = t;
	}
	mapped_fini(&sc);
	if (rc < 0)
		return rc;
	if (tails && h0.ptr) {
		struct slice start = SLICE_NULL, first = SLICE_NULL;
		while ((c = tj_next_start(in, len, a, &which, &at)).ptr)
			diff += tj_hash(c);
		which = 0, at = SIZE_MAX;
		while (!start.ptr && (c = tj_next_start(in, len, a, &which, &at)).ptr) {
			if (!first.ptr)
				first = c;
			if (tj_hash(c) == diff)
				start = c;
		}
		if (!start.ptr)
			start = first;
		/* the first message: its start line, then h0; each later
		 * one from its start line in h0 */
		rc = tj_begin(u, r, start, h0a);
		it = a->hdr;
		(void)tj_next_str(in, len, &it);
		from = b = 0;
		while (rc == 0) {
			h = tj_next_str(in, len, &it);
			if (!h.ptr) {
				rc = tj_text(o, in, h0a + b, h0.len - b);
				if (rc == 0)
					tj_cut(o, r->msg);
				break;
			}
			/* the message, and the next one's start line */
			size_t t = h0.len - h.len, ob = o->b.len, nb;
			rc = tj_text(o, in, h0a + b, t - 4 - b);
			if (rc < 0)
				break;
			mapped_truncate(o, tj_bound(o, r->msg, ob, h0, h0a, h, from, &nb));
			from = t;
			b = nb;
			rc = tj_msg(u, r, h0a + b);
		}
		return rc;
	}
	/* not so (a NUL byte cut the first msg_hdr short, or there is no
	 * msg_hdr): each msg_hdr after the start line of its rank */
	it = a->hdr;
	for (;;) {
		c = tj_next_start(in, len, a, &which, &at);
		h = it != SIZE_MAX ? tj_next_str(in, len, &it) : SLICE_NULL;
		if (!c.ptr && !h.ptr)
			return 0;
		rc = tj_begin(u, r, c, h.ptr ? (size_t)(h.ptr - in) : 0);
		if (rc == 0 && h.ptr)
			rc = tj_text(o, in, (size_t)(h.ptr - in), h.len);
		if (rc < 0)
			return rc;
		tj_cut(o, r->msg);
	}
}

/* The input is tshark's JSON holding SIP (its first character opens a
 * JSON array, object or key, and it has a SIP message's keys). */
static bool tj_input(const char *in, size_t len)
{
	size_t i = len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	i = json_ws(in, len, i);
	if (i >= len || (in[i] != '[' && in[i] != '{' && in[i] != '"'))
		return false;
	return memmem(in, len, "\"sip.msg_hdr\"", 13) || memmem(in, len, "\"sip_sip_msg_hdr\"", 17) ||
	       memmem(in, len, "\"sip_msg_hdr\"", 13) || memmem(in, len, "\"sip_raw\"", 9);
}

/* u back to what it was before a reading that found nothing. */
static void unlog_reset(struct unlog *u)
{
	mapped_fini(&u->out);
	mapped_init(&u->out);
	buf_reset(&u->lines);
	u->nrepairs = u->nmarks = u->nbounds = 0;
	u->changed = u->bound_next = false;
}

/* The messages of tshark's JSON into u->out, from the sip_raw bytes (raw)
 * or from the strings: how many (0: u to be reset), or -ENOMEM. */
static int tj_read(struct unlog *u, bool raw)
{
	const char *in = u->in;
	size_t len = u->len;
	struct tj_reader r = { .first = SIZE_MAX };
	struct tj_arrays ar = TJ_ARRAYS_NONE;
	bool arrays = false; /* -e's */
	int rc = unlog_change(u, 0);
	for (size_t i = 0; rc >= 0 && i < len;) {
		const char *q = memchr(in + i, '"', len - i);
		if (!q)
			break;
		size_t s = (size_t)(q - in), e = json_str_end(in, len, s);
		if (e >= len)
			break;
		size_t v = json_ws(in, len, e + 1);
		i = e + 1;
		if (v >= len || in[v] != ':')
			continue; /* a value, not a key */
		v = json_ws(in, len, v + 1);
		enum tj_key k = tj_key(in + s + 1, e - s - 1);
		bool arr = v < len && in[v] == '[';
		struct slice val = !arr ? tj_value(in, len, v) : k >= TJ_FRAME ? tj_last_str(in, len, v) : SLICE_NULL;
		if (k == TJ_LAYERS) {
			/* a packet begins: the last one's -e arrays out */
			rc = tj_arrays_out(u, &r, &ar);
			ar = TJ_ARRAYS_NONE;
			r.pk = (struct tj_pkt){ 0 };
			continue;
		}
		if (tj_pkt_field(&r.pk, k, slice_make(in + s + 1, e - s - 1), val))
			continue;
		if (arr && !raw && (k == TJ_START || k == TJ_STATUS || k == TJ_HDR)) {
			size_t *to = k == TJ_START ? &ar.req : k == TJ_STATUS ? &ar.stat : &ar.hdr;
			if (*to != SIZE_MAX) {
				/* a second one before the next packet's "layers":
				 * the first packet's out first */
				rc = tj_arrays_out(u, &r, &ar);
				ar = TJ_ARRAYS_NONE;
			}
			*to = v;
			arrays = true;
			while (tj_next_str(in, len, &v).ptr)
				;
			i = v > i ? v : i;
			continue;
		}
		switch (k) {
		case TJ_RAW:
			if (raw) {
				size_t end = v, first = r.first;
				int m = tj_raw_value(u, &r, v, &end);
				if (m < 0)
					rc = m;
				else if (m > 0 && first == SIZE_MAX)
					r.first = v; /* the key's line */
				i = end > i ? end : i;
			}
			break;
		case TJ_START:
		case TJ_STATUS:
		case TJ_HDR:
			if (raw || arr || !val.ptr || val.len == 0)
				break; /* tshark writes no empty one: nothing of a message */
			if (k != TJ_HDR || !r.open) {
				/* a message begins (headers alone: a block of fields) */
				rc = tj_msg(u, &r, v + 1);
			}
			if (rc == 0)
				rc = tj_text(&u->out, in, v + 1, val.len);
			if (rc == 0 && k == TJ_HDR)
				tj_cut(&u->out, r.msg);
			if (rc == 0 && k != TJ_HDR)
				rc = tj_crlf(u, v + 1 + val.len);
			r.open = k != TJ_HDR;
			i = v + 1 + val.len + 1;
			break;
		default:
			break;
		}
	}
	if (rc >= 0)
		rc = tj_arrays_out(u, &r, &ar);
	return tj_done(u, &r, rc,
		       raw ? "read the messages of tshark's JSON from their bytes (sip_raw); the rest of the document ignored"
		       : arrays ? "read the messages of tshark's JSON of fields (-T json -e, -T ek -e): each one's start line "
				  "and the text after it (sip.msg_hdr: the header lines and a body up to its first NUL byte); "
				  "the rest of the document ignored"
			   : "read the messages of tshark's JSON (-T json, -T ek): each one's start line and the text "
			     "after it (sip.msg_hdr: the header lines and a body up to its first NUL byte; -x gives the "
			     "bytes); the rest of the document ignored");
}

/* Reads the messages of tshark's JSON into u->out: 1 when it is such a
 * document and holds messages, 0 when not (u untouched), or -ENOMEM. With
 * the bytes (sip_raw), the bytes only, unless none of them is a message. */
static int unlog_tshark_json(struct unlog *u)
{
	if (!tj_input(u->in, u->len))
		return 0;
	int n = 0;
	if (memmem(u->in, u->len, "\"sip_raw\"", 9)) {
		n = tj_read(u, true);
		if (n == 0)
			unlog_reset(u);
	}
	if (n == 0) {
		n = tj_read(u, false);
		if (n == 0)
			unlog_reset(u); /* not what it looked like: read as any other text */
	}
	return n < 0 ? n : n > 0;
}

/* ---- tshark's PDML ----------------------------------------------------------
 * tshark -T pdml (Wireshark's Export Packet Dissections > As XML - PDML): a
 * <packet> element a packet, a <proto> element a layer, a <field> element a
 * field, each with name="..." first, then show="..." (the value as text)
 * and value="..." (its bytes in hex, where it has bytes). Each SIP message
 * is a <proto name="sip"> whose field sip.Request-Line or sip.Status-Line
 * holds the start line's bytes (without its CRLF) and sip.msg_hdr the
 * bytes after it: the head to its empty line when a body follows (the
 * body's field, sip.msg_body, has no bytes: the body is read from
 * msg_hdr's show text, which runs to the end of the packet's SIP bytes or
 * a NUL byte), else the rest of the packet's SIP bytes (in a TCP segment
 * the messages after it too); either is cut by Content-Length (tj_cut).
 * The frame's fields make the packet line, as for the JSON (their show). */

/* The attributes of the element whose name="..." value ends at in[i - 1]
 * (its closing quote): show's and value's values (SLICE_NULL when absent);
 * returns where the tag ends (after its '>'), or len. */
static size_t pdml_attrs(const char *in, size_t len, size_t i, struct slice *show,
			 struct slice *value)
{
	*show = *value = SLICE_NULL;
	while (i < len) {
		i = json_ws(in, len, i);
		if (i >= len || in[i] == '>' || in[i] == '/' || in[i] == '<')
			break;
		size_t n = i;
		while (n < len && in[n] != '=' && in[n] != '>' && in[n] != ' ')
			n++;
		if (n + 1 >= len || in[n] != '=' || in[n + 1] != '"')
			return n; /* not an attribute: the key scan goes on from here */
		const char *q = memchr(in + n + 2, '"', len - n - 2);
		if (!q)
			return len;
		struct slice v = slice_make(in + n + 2, (size_t)(q - (in + n + 2)));
		if (n - i == 4 && memcmp(in + i, "show", 4) == 0)
			*show = v;
		else if (n - i == 5 && memcmp(in + i, "value", 5) == 0)
			*value = v;
		i = (size_t)(q - in) + 1;
	}
	if (i < len && in[i] == '/')
		i++;
	return i < len && in[i] == '>' ? i + 1 : i;
}

/* The text of an XML attribute in[a, e) into u->out, its entities undone
 * (&lt; &gt; &amp; &quot; &apos; and &#N; &#xH;, a code point as UTF-8),
 * each byte from its first character: 0 or -ENOMEM. */
static int pdml_text(struct unlog *u, size_t a, size_t e)
{
	static const struct {
		const char *name;
		char c;
	} ent[] = { { "lt", '<' }, { "gt", '>' }, { "amp", '&' }, { "quot", '"' }, { "apos", '\'' } };
	const char *in = u->in;
	int rc = 0;
	for (size_t i = a; i < e && rc == 0;) {
		const char *semi = in[i] == '&' ? memchr(in + i, ';', e - i < 10 ? e - i : 10) : NULL;
		char v[4];
		size_t nv = 0;
		if (semi) {
			struct slice nm = slice_span(in + i + 1, semi);
			for (size_t k = 0; k < sizeof ent / sizeof ent[0] && !nv; k++)
				if (slice_eq(nm, slice_make(ent[k].name, strlen(ent[k].name)))) {
					v[0] = ent[k].c;
					nv = 1;
				}
			if (!nv && nm.len >= 2 && nm.ptr[0] == '#') {
				bool hex = nm.ptr[1] == 'x' || nm.ptr[1] == 'X';
				unsigned long cp = 0;
				size_t j = hex ? 2 : 1;
				bool ok = j < nm.len;
				for (; j < nm.len && ok; j++) {
					int d = hex ? scan_hex_value((unsigned char)nm.ptr[j]) : is_digit(nm.ptr[j]) ? nm.ptr[j] - '0' : -1;
					ok = d >= 0;
					cp = cp * (hex ? 16 : 10) + (unsigned long)(d < 0 ? 0 : d);
				}
				if (ok && cp < 0x110000 && (cp < 0xd800 || cp > 0xdfff))
					nv = utf8_encode(v, (uint32_t)cp);
			}
		}
		if (!nv) {
			rc = mapped_put(&u->out, in[i], i);
			i++;
			continue;
		}
		for (size_t k = 0; k < nv && rc == 0; k++)
			rc = mapped_put(&u->out, v[k], i);
		i = (size_t)(semi - in) + 1;
	}
	return rc;
}

/* The messages of PDML into u->out: how many (0: u to be reset), or
 * -ENOMEM. */
static int pdml_read(struct unlog *u)
{
	const char *in = u->in;
	size_t len = u->len;
	struct tj_reader r = { .first = SIZE_MAX };
	int rc = unlog_change(u, 0);
	for (size_t i = 0; rc >= 0 && i < len;) {
		const char *q = memmem(in + i, len - i, " name=\"", 7);
		if (!q)
			break;
		size_t s = (size_t)(q - in) + 7;
		i = s;
		/* <field name="..." or <proto name="...": tshark's name comes first */
		if (s < 13 || (memcmp(in + s - 13, "<field", 6) != 0 && memcmp(in + s - 13, "<proto", 6) != 0))
			continue;
		const char *ke = memchr(in + s, '"', len - s);
		if (!ke)
			break;
		size_t e = (size_t)(ke - in);
		enum tj_key k = tj_key(in + s, e - s);
		if (k == TJ_OTHER || k == TJ_RAW)
			continue;
		struct slice show, value;
		i = pdml_attrs(in, len, e + 1, &show, &value); /* past e: the scan moves on */
		size_t a = value.ptr ? (size_t)(value.ptr - in) : 0;
		/* <proto name="frame"> begins a packet; a <field name="frame">
		 * (another layer's) does not */
		if (k == TJ_PACKET && in[s - 12] != 'p')
			continue;
		if (tj_pkt_field(&r.pk, k, slice_make(in + s, e - s), show))
			continue;
		switch (k) {
		case TJ_START:
		case TJ_STATUS:
			/* the start line's bytes, then its CRLF */
			if (!value.ptr || !tj_hex_start(in, a, a + value.len))
				break;
			rc = tj_msg(u, &r, a);
			r.open = true;
			if (rc == 0)
				rc = tj_hex(u, a, a + value.len);
			if (rc == 0)
				rc = tj_crlf(u, a + value.len);
			break;
		case TJ_HDR:
			if (!value.ptr || value.len < 2 || value.len % 2)
				break;
			if (!r.open)
				rc = tj_msg(u, &r, a); /* headers alone: a block of fields */
			if (rc == 0)
				rc = tj_hex(u, a, a + value.len);
			/* value holds the head only when a body follows (the body's
			 * own field has no bytes), show the text to the end of the
			 * packet's SIP bytes (up to a NUL byte): the body from there */
			if (rc == 0 && show.ptr && u->out.b.len - r.msg >= 4 &&
			    memcmp(u->out.b.ptr + u->out.b.len - 4, "\r\n\r\n", 4) == 0) {
				const char *he = memmem(show.ptr, show.len, "\r\n\r\n", 4);
				if (he && he + 4 < show.ptr + show.len)
					rc = pdml_text(u, (size_t)(he + 4 - in), (size_t)(show.ptr + show.len - in));
			}
			if (rc == 0)
				tj_cut(&u->out, r.msg);
			r.open = false;
			break;
		default:
			break;
		}
	}
	return tj_done(u, &r, rc,
		       "read the messages of tshark's PDML (-T pdml, Export As XML) from their bytes "
		       "(sip.Request-Line / sip.Status-Line and sip.msg_hdr values); the rest of the "
		       "document ignored");
}

/* Reads the messages of PDML into u->out: 1 when it is such a document
 * and holds messages, 0 when not (u untouched), or -ENOMEM. */
static int unlog_pdml(struct unlog *u)
{
	size_t i = u->len >= 3 && memcmp(u->in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	i = json_ws(u->in, u->len, i);
	if (i >= u->len || u->in[i] != '<' || !memmem(u->in, u->len, "<field name=\"sip.msg_hdr\"", 25))
		return 0;
	int n = pdml_read(u);
	if (n == 0)
		unlog_reset(u); /* not what it looked like: read as any other text */
	return n < 0 ? n : n > 0;
}

/* ---- tshark's fields ---------------------------------------------------------
 * tshark -T fields -e FIELD ...: a line a packet, the values of the fields
 * joined by the separator (-E separator: TAB unless set), the occurrences
 * of one field joined by the aggregator (-E aggregator: ',' unless set;
 * -E occurrence=f or l keeps one); -E header=y writes the fields' names so
 * on the first line, -E quote=d or s puts each value in quotes. A string's
 * CR, LF, TAB, BS and FF are written \r \n \t \b \f (tshark 4.0, which
 * leaves a backslash, and a quote inside quotes, as they are); later
 * versions also write \a \v \0 and \\, the separator as \ and itself when
 * the values are not quoted, and a quote inside quotes doubled. All of it
 * is undone (a backslash before any other byte stays, as 4.0 wrote it;
 * 4.0's own backslash before one of those letters is misread, which SIP
 * text does not hold but in a quoted string). sip.msg_hdr is that of the
 * JSON of fields (tj_arrays_out): the first one runs on over the segment's
 * later messages, start lines included, and each later one is a tail of
 * it: the messages are read from the first one, each cut where its
 * Content-Length ends it, and the tails after it (with the aggregator
 * before each) are known by their length and bytes and not read again.
 * The first message's start line is the one of the Request-Line and
 * Status-Line fields that the later messages (whose start lines the run
 * holds) do not have. The other fields make the packet line: as for the
 * JSON when the header line names them, else written as they are. */

#define TF_COLS 64

/* The most lines before tshark's header line that are looked over. */
#define TF_BEFORE_MAX 8

/* What the lines of an export are. */
struct tf_format {
	char sep;
	size_t nsep;  /* separators on a line */
	size_t hdr;   /* sip.msg_hdr's column; SIZE_MAX: found on each line by its shape */
	bool named;   /* a header line names the columns */
	size_t first; /* where the packets' lines begin */
	size_t before; /* lines before the header line (tshark's warnings on stderr) */
	enum tj_key key[TF_COLS];
	struct slice name[TF_COLS];
};

/* A line's values: in[a[c], e[c]) without their quotes q[c] (0: none). */
struct tf_line {
	size_t a[TF_COLS], e[TF_COLS];
	char q[TF_COLS];
};

/* A message of a packet's run: where its headers begin (after the start
 * line's CR LF; 0 for the first, whose start line is a field of its own)
 * and where it ends, in the run's text. */
struct tf_msg {
	size_t h, e;
};

/* The scratch of a reading: a packet's msg_hdr text, the two start-line
 * fields' texts, and its messages. */
struct tf_scratch {
	struct mapped t, req, stat;
	struct tf_msg *m;
	size_t cap;
};

static bool tf_name_char(char c)
{
	return scan_is((unsigned char)c, SCAN_ALPHA | SCAN_DIGIT) || c == '.' || c == '_' || c == '-';
}

/* The header line in[a, e) of -E header=y: field names, one separator
 * between each two, sip.msg_hdr one of them. f filled: true. */
static bool tf_header(const char *in, size_t a, size_t e, struct tf_format *f)
{
	size_t i = a, n = 0;
	f->sep = '\t';
	f->hdr = SIZE_MAX;
	while (i < e) {
		size_t s = i;
		while (i < e && tf_name_char(in[i]))
			i++;
		if (i == s || n >= TF_COLS)
			return false;
		f->name[n] = slice_make(in + s, i - s);
		f->key[n] = tj_key(in + s, i - s);
		if (f->key[n] == TJ_HDR) {
			if (f->hdr != SIZE_MAX)
				return false;
			f->hdr = n;
		}
		n++;
		if (i == e)
			break;
		if (n == 1)
			f->sep = in[i];
		else if (in[i] != f->sep)
			return false;
		if (++i == e)
			return false;
	}
	f->nsep = n ? n - 1 : 0;
	f->named = true;
	return f->hdr != SIZE_MAX;
}

/* in[i] is a separator of the line that begins at a (later versions write
 * one inside a value as \ and itself; TAB is always \t there). */
static bool tf_is_sep(const char *in, size_t a, size_t i, char sep)
{
	return in[i] == sep && (sep == '\t' || i == a || in[i - 1] != '\\');
}

/* The values of the line in[a, e) into l: those before msg_hdr's column
 * split from the left, those after it from the right (4.0 does not escape
 * the separator, which SIP text may hold when it is not TAB; a value in
 * quotes ends at its closing quote); without a known column, exactly
 * f->nsep TABs. False when it is no line of f. */
static bool tf_split(const char *in, size_t a, size_t e, const struct tf_format *f, struct tf_line *l)
{
	size_t n = f->nsep + 1, mid = f->hdr == SIZE_MAX ? n - 1 : f->hdr, s = a, t = e;
	for (size_t c = 0; c < mid; c++) {
		size_t i = s;
		char q = s < e ? in[s] : 0;
		if (q == '"' || q == '\'') {
			/* to its closing quote before a separator */
			for (i = s + 1; i + 1 < e && !(in[i] == q && in[i + 1] == f->sep); i++)
				;
			i++;
		} else {
			while (i < e && !tf_is_sep(in, a, i, f->sep))
				i++;
		}
		if (i >= e)
			return false;
		l->a[c] = s;
		l->e[c] = i;
		s = i + 1;
	}
	for (size_t c = n - 1; c > mid; c--) {
		size_t i = t;
		char q = t > s ? in[t - 1] : 0;
		if ((q == '"' || q == '\'') && t - 1 > s) {
			/* from its opening quote after a separator */
			for (i = t - 1; i > s + 1 && !(in[i - 1] == q && in[i - 2] == f->sep); i--)
				;
			i--;
		} else {
			while (i > s && !tf_is_sep(in, a, i - 1, f->sep))
				i--;
		}
		if (i <= s)
			return false;
		l->a[c] = i;
		l->e[c] = t;
		t = i - 1;
	}
	/* without names, no TAB in the last value: tf_input saw that each
	 * line with TABs has f->nsep */
	l->a[mid] = s;
	l->e[mid] = t;
	for (size_t c = 0; c < n; c++) {
		char q = l->e[c] - l->a[c] >= 2 ? in[l->a[c]] : 0;
		l->q[c] = 0;
		if ((q == '"' || q == '\'') && in[l->e[c] - 1] == q) {
			l->q[c] = q;
			l->a[c]++;
			l->e[c]--;
		}
	}
	return true;
}

/* A value v[0, n) is a sip.msg_hdr: a header name and ':' first, an
 * escaped line end, and no start line on the first line (a log's
 * "msg: REGISTER sip:... SIP/2.0\r\n..." is a message on one line, for
 * unlog_run). */
static bool tf_hdr_shape(const char *v, size_t n)
{
	size_t i = 0;
	while (i < n && i < 80 && scan_is((unsigned char)v[i], SCAN_TOKEN))
		i++;
	while (i > 0 && i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	const char *le = i > 0 && i < n && v[i] == ':' ? memmem(v, n, "\\n", 2) : NULL;
	if (!le)
		return false;
	size_t fl = (size_t)(le - v);
	if (fl >= 2 && v[fl - 2] == '\\' && v[fl - 1] == 'r')
		fl -= 2;
	return !(fl >= 8 && memcmp(v + fl - 8, " SIP/2.0", 8) == 0) && !memmem(v, fl, "SIP/2.0 ", 8);
}

/* What a value v[0, n) of a line without names is: a Request-Line
 * (several joined by the aggregator: the first one's shape), a
 * Status-Line, or neither. */
static enum tj_key tf_start_kind(const char *v, size_t n)
{
	if (n >= 12 && memcmp(v, "SIP/2.0 ", 8) == 0 && is_digit(v[8]) && is_digit(v[9]) && is_digit(v[10]) &&
	    v[11] == ' ')
		return TJ_STATUS;
	const char *s = memmem(v, n, " SIP/2.0", 8);
	return s && paste_is_start_line(v, (size_t)(s - v) + 8) ? TJ_START : TJ_OTHER;
}

/* The input's format: -E header=y's names (on the first line, or after
 * up to TF_BEFORE_MAX lines of another kind), or (no names) a line with a
 * msg_hdr among its TAB-separated values, every line with TABs having as
 * many (a line without TABs, tshark's warnings on stderr, is let be when
 * it holds no escaped line end). */
static bool tf_input(const char *in, size_t len, struct tf_format *f)
{
	size_t i = len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	const char *nl;
	size_t e;
	/* the header line, after the lines tshark may have written to stderr
	 * first ("Running as user ... This could be dangerous.") when both
	 * went to the file */
	for (size_t p = i, k = 0; k < TF_BEFORE_MAX && p < len; k++) {
		nl = memchr(in + p, '\n', len - p);
		e = nl ? (size_t)(nl - in) : len;
		if (tf_header(in, p, e > p && in[e - 1] == '\r' ? e - 1 : e, f)) {
			f->first = nl ? e + 1 : len;
			f->before = k;
			return true;
		}
		p = nl ? e + 1 : len;
	}
	*f = (struct tf_format){ .sep = '\t', .hdr = SIZE_MAX, .nsep = SIZE_MAX, .first = i };
	bool msg = false;
	if (!memchr(in + i, '\t', len - i))
		return false;
	for (size_t p = i; p < len;) {
		nl = memchr(in + p, '\n', len - p);
		e = nl ? (size_t)(nl - in) : len;
		size_t ce = e > p && in[e - 1] == '\r' ? e - 1 : e, tabs = 0;
		for (const char *t = in + p; (t = memchr(t, '\t', (size_t)(in + ce - t))) != NULL; t++)
			tabs++;
		if (tabs) {
			if (f->nsep == SIZE_MAX) {
				if (tabs >= TF_COLS)
					return false;
				f->nsep = tabs;
			} else if (tabs != f->nsep) {
				return false;
			}
			struct tf_line l;
			if (!msg && tf_split(in, p, ce, f, &l))
				for (size_t c = 0; c <= tabs && !msg; c++)
					msg = tf_hdr_shape(in + l.a[c], l.e[c] - l.a[c]);
		} else if (memmem(in + p, ce - p, "\\r\\n", 4)) {
			return false;
		}
		p = nl ? e + 1 : len;
	}
	return msg;
}

/* The value in[a, e) (without its quotes q, or 0) into o, tshark's escapes
 * undone, each byte from its input offset: 0 or -ENOMEM. A quote inside
 * quotes is doubled (later versions) when each one there is. */
static int tf_text(struct mapped *o, const char *in, size_t a, size_t e, char sep, char q)
{
	bool dbl = q != 0;
	for (size_t i = a; i < e && dbl; i++)
		if (in[i] == q) {
			if (i + 1 < e && in[i + 1] == q)
				i++;
			else
				dbl = false;
		}
	int rc = 0;
	for (size_t i = a; i < e && rc == 0;) {
		char c = in[i];
		size_t k = 1;
		if (c == '\\' && i + 1 < e) {
			static const char from[] = "rntbfav0\\", to[] = "\r\n\t\b\f\a\v\0\\";
			const char *x = memchr(from, in[i + 1], sizeof from - 1);
			if (x) {
				c = to[x - from];
				k = 2;
			} else if (in[i + 1] == sep && sep != '\t') {
				c = sep;
				k = 2;
			}
		} else if (dbl && c == q) {
			k = 2;
		}
		rc = mapped_put(o, c, i);
		i += k;
	}
	return rc;
}

/* The last occurrence of an address or port value v (the innermost IP
 * header's, as for the JSON): after the last byte no address has. */
static struct slice tf_last(struct slice v)
{
	size_t i = v.len;
	while (i > 0 && (scan_is((unsigned char)v.ptr[i - 1], SCAN_HEX) || v.ptr[i - 1] == '.' ||
			 v.ptr[i - 1] == ':'))
		i--;
	return slice_make(v.ptr + i, v.len - i);
}

/* The run's text t[0, n) is the run t[0, e) and, each after one byte (the
 * aggregator), the text of each later message m[1..k] from its headers to
 * e: the tails of -E occurrence=a. sum: the sum of their m[].h, so that
 * only a run of the right length is compared. */
static bool tf_tails(const char *t, size_t n, const struct tf_msg *m, size_t k, size_t e, size_t sum)
{
	if (k == 0 || e + k * (e + 1) - sum != n)
		return false;
	size_t q = e;
	for (size_t i = 1; i <= k; i++) {
		size_t w = e - m[i].h;
		if (q + 1 + w > n || memcmp(t + q + 1, t + m[i].h, w) != 0)
			return false;
		q += 1 + w;
	}
	return true;
}

/* The start line of message i >= 1 of the run t is a Status-Line. */
static bool tf_msg_status(const char *t, const struct tf_msg *m, size_t i)
{
	return m[i].h - m[i - 1].e >= 8 && memcmp(t + m[i - 1].e, "SIP/2.0 ", 8) == 0;
}

/* How much of the start lines s[0, n) (one field's occurrences joined by
 * the aggregator) is the first message's: s less the later messages' start
 * lines of its kind (status or not), which the run t holds (messages
 * m[1..k]), written after it; 0 when s is only theirs (one of them alone:
 * -E occurrence=f or l); all of s when they are not there so. */
static size_t tf_first_len(const char *s, size_t n, const char *t, const struct tf_msg *m, size_t k,
			   bool status)
{
	size_t w = 0, c = 0, one = SIZE_MAX, last = SIZE_MAX;
	for (size_t i = 1; i <= k; i++)
		if (tf_msg_status(t, m, i) == status) {
			w += m[i].h - 2 - m[i - 1].e + (c ? 1 : 0);
			one = one == SIZE_MAX ? i : one;
			last = i;
			c++;
		}
	if (c == 0 || n == 0)
		return n;
	if (n == w || n > w + 1) {
		size_t q = n == w ? 0 : n - w, i;
		for (i = 1; i <= k; i++) {
			if (tf_msg_status(t, m, i) != status)
				continue;
			size_t sl = m[i].h - 2 - m[i - 1].e;
			if (memcmp(s + q, t + m[i - 1].e, sl) != 0)
				break;
			q += sl + 1;
		}
		if (i > k)
			return n == w ? 0 : n - w - 1;
	}
	for (size_t i = 0; i < 2; i++) {
		size_t j = i ? last : one, sl = m[j].h - 2 - m[j - 1].e;
		if (n == sl && memcmp(s, t + m[j - 1].e, sl) == 0)
			return 0;
	}
	return n;
}

/* A message of a line without names begins: the packet line is the
 * line's other values, as written (u->lines), marked at input offset at. */
static int tf_mark(struct unlog *u, const struct tf_line *l, size_t n, const bool *skip, size_t at)
{
	struct buf *b = &u->lines;
	size_t from = b->len;
	for (size_t c = 0; c < n; c++)
		if (!skip[c] && l->e[c] > l->a[c])
			buf_printf(b, "%s%.*s", b->len > from ? " | " : "", (int)(l->e[c] - l->a[c]), u->in + l->a[c]);
	if (b->err)
		return b->err;
	return td_mark(u, at, from, b->len - from, true);
}

/* A message of the packet's line l begins at input offset at. */
static int tf_begin(struct unlog *u, struct tj_reader *r, const struct tf_format *f, const struct tf_line *l,
		    const bool *skip, size_t at)
{
	int rc = tj_msg(u, r, at); /* without names r->pk is empty: no packet line */
	if (rc == 0 && !f->named)
		rc = tf_mark(u, l, f->nsep + 1, skip, at);
	return rc;
}

/* The messages of a packet's line l into u->out: how many, or -ENOMEM. */
static int tf_packet(struct unlog *u, struct tj_reader *r, const struct tf_format *f, const struct tf_line *l,
		     struct tf_scratch *s)
{
	const char *in = u->in;
	size_t n = f->nsep + 1, hc = f->hdr, rq = SIZE_MAX, st = SIZE_MAX;
	bool skip[TF_COLS] = { false };
	if (hc == SIZE_MAX) {
		for (size_t c = 0; c < n && hc == SIZE_MAX; c++)
			if (tf_hdr_shape(in + l->a[c], l->e[c] - l->a[c]))
				hc = c;
		if (hc == SIZE_MAX)
			return 0; /* another packet's line */
	} else if (!tf_hdr_shape(in + l->a[hc], l->e[hc] - l->a[hc])) {
		return 0; /* another packet's line, or not the export's */
	}
	skip[hc] = true;
	r->pk = (struct tj_pkt){ 0 };
	for (size_t c = 0; c < n; c++) {
		if (c == hc)
			continue;
		struct slice v = slice_make(in + l->a[c], l->e[c] - l->a[c]);
		enum tj_key k = f->named ? f->key[c] : tf_start_kind(v.ptr, v.len);
		if (k == TJ_START || k == TJ_STATUS) {
			size_t *to = k == TJ_START ? &rq : &st;
			*to = *to == SIZE_MAX ? c : *to;
			skip[c] = true;
		} else if (f->named) {
			if (k == TJ_SRC || k == TJ_DST || k == TJ_SPORT || k == TJ_DPORT)
				v = tf_last(v);
			if (v.len)
				(void)tj_pkt_field(&r->pk, k, f->name[c], v);
		}
	}
	/* the run's messages */
	struct mapped *t = &s->t;
	mapped_truncate(t, 0);
	int rc = tf_text(t, in, l->a[hc], l->e[hc], f->sep, l->q[hc]);
	if (rc < 0)
		return rc;
	const char *tx = t->b.ptr;
	size_t tn = t->b.len, k = 0, sum = 0;
	bool tails = false;
	if (grow((void **)&s->m, &s->cap, 0, sizeof *s->m) < 0)
		return -ENOMEM;
	s->m[0] = (struct tf_msg){ 0, tn };
	for (;;) {
		size_t e = tj_cl_end(t, s->m[k].h);
		if (e == SIZE_MAX || e >= tn)
			break;
		s->m[k].e = e;
		if ((tails = tf_tails(tx, tn, s->m, k, e, sum)))
			break;
		const char *le = memmem(tx + e, tn - e, "\r\n", 2);
		if (!le || !paste_is_start_line(tx + e, (size_t)(le - (tx + e))))
			break; /* text after the body that begins no message: cut */
		if (grow((void **)&s->m, &s->cap, k + 1, sizeof *s->m) < 0)
			return -ENOMEM;
		k++;
		s->m[k] = (struct tf_msg){ (size_t)(le - tx) + 2, tn };
		sum += s->m[k].h;
	}
	/* the first message's start line: of the fields, what the later
	 * messages leave */
	size_t lr = 0, ls = 0;
	if (rq != SIZE_MAX) {
		mapped_truncate(&s->req, 0);
		rc = tf_text(&s->req, in, l->a[rq], l->e[rq], f->sep, l->q[rq]);
		lr = rc == 0 ? tf_first_len(s->req.b.ptr, s->req.b.len, tx, s->m, k, false) : 0;
	}
	if (rc == 0 && st != SIZE_MAX) {
		mapped_truncate(&s->stat, 0);
		rc = tf_text(&s->stat, in, l->a[st], l->e[st], f->sep, l->q[st]);
		ls = rc == 0 ? tf_first_len(s->stat.b.ptr, s->stat.b.len, tx, s->m, k, true) : 0;
	}
	if (rc < 0)
		return rc;
	const struct mapped *sl = NULL;
	size_t sn = 0;
	if (lr) {
		sl = &s->req;
		sn = lr;
	} else if (ls) {
		sl = &s->stat;
		sn = ls;
	} else if (!tails && k > 0) {
		/* -E occurrence=f: the first message's line may be the same
		 * as a later one's */
		sl = rq != SIZE_MAX && s->req.b.len ? &s->req : st != SIZE_MAX && s->stat.b.len ? &s->stat : NULL;
		sn = sl ? sl->b.len : 0;
	}
	size_t at = sn ? mapped_at(sl, 0) : mapped_at(t, 0);
	rc = tf_begin(u, r, f, l, skip, at);
	if (rc == 0 && sn)
		rc = mapped_take(&u->out, sl, 0, sn);
	if (rc == 0 && sn)
		rc = tj_crlf(u, mapped_at(sl, sn - 1) + 1);
	if (rc == 0)
		rc = mapped_take(&u->out, t, 0, s->m[0].e);
	for (size_t i = 1; i <= k && rc == 0; i++) {
		rc = tf_begin(u, r, f, l, skip, mapped_at(t, s->m[i - 1].e));
		if (rc == 0)
			rc = mapped_take(&u->out, t, s->m[i - 1].e, s->m[i].e);
	}
	return rc < 0 ? rc : (int)k + 1;
}

/* The messages of the export f into u->out: how many (0: u to be reset),
 * or -ENOMEM. */
static int tf_read(struct unlog *u, const struct tf_format *f)
{
	const char *in = u->in;
	size_t len = u->len, other = f->before;
	struct tj_reader r = { .first = SIZE_MAX };
	struct tf_scratch s = { .m = NULL, .cap = 0 };
	mapped_init(&s.t);
	mapped_init(&s.req);
	mapped_init(&s.stat);
	int rc = unlog_change(u, 0);
	for (size_t p = f->first; p < len && rc >= 0;) {
		const char *nl = memchr(in + p, '\n', len - p);
		size_t e = nl ? (size_t)(nl - in) : len;
		size_t ce = e > p && in[e - 1] == '\r' ? e - 1 : e;
		struct tf_line l;
		if (!is_blank(in + p, ce - p)) {
			if (tf_split(in, p, ce, f, &l))
				rc = tf_packet(u, &r, f, &l, &s);
			else
				other++;
		}
		p = nl ? e + 1 : len;
	}
	mapped_fini(&s.t);
	mapped_fini(&s.req);
	mapped_fini(&s.stat);
	imsreg_free(s.m);
#define TF_READ                                                                                   \
	"read the messages of tshark's fields (-T fields -e ... -e sip.msg_hdr): each one's start line " \
	"(sip.Request-Line, sip.Status-Line) and the text after it (sip.msg_hdr: the header lines and a " \
	"body up to its first NUL byte), escapes undone, the other fields its packet line; the lines of " \
	"other packets"
	return tj_done(u, &r, rc < 0 ? rc : 0,
		       other ? TF_READ ", and the lines that are not of the export, ignored" : TF_READ " ignored");
#undef TF_READ
}

/* Reads the messages of tshark's fields into u->out: 1 when it is such an
 * export and holds messages, 0 when not (u untouched), or -ENOMEM. */
static int unlog_tshark_fields(struct unlog *u)
{
	struct tf_format f;
	if (!tf_input(u->in, u->len, &f))
		return 0;
	int n = tf_read(u, &f);
	if (n == 0)
		unlog_reset(u); /* not what it looked like: read as any other text */
	return n < 0 ? n : n > 0;
}

/* Undoes the log formats of u->in line by line into u->out; u->changed
 * when there was one (else u->out stays empty). 0 or -ENOMEM. */
static int unlog_run(struct unlog *u)
{
	const char *in = u->in;
	size_t len = u->len, pos = 0;
	unsigned lineno = 0;
	int rc = 0;
	struct msg_run run = { .cl = -1 };
	struct msg_run lp = { .cl = -1 }; /* a message after a log prefix */
	struct every ep = { 0 };          /* a message with a prefix on every line */
	bool lg_on = false;               /* in logcat -v long's records */
	struct logcat_key lg_key = { 0 }; /* the key of the last record header */
	const char *dropping = NULL; /* the repair of the lines being dropped */
	bool ng_seen = false, ng_first = false, ng_msg = false;
	size_t ng_line = 0, ng_line_len = 0; /* ngrep's (or sngrep's) last packet header line */
	bool sg_first = false;               /* the line after sngrep's header line */
	/* SIPp's -trace_msg: the time of the last separator line, the packet
	 * line written (into u->lines) for the message after its "message
	 * sent" line, until that message's start line */
	size_t sp_time = 0, sp_time_len = 0, sp_line = 0, sp_line_len = 0;
	bool sp_pending = false;
	/* sofia-sip's tport log: its last header line, for the message after
	 * it (sf_pending until that message's start line) */
	size_t sf_line = 0, sf_line_len = 0;
	bool sf_pending = false, sf_seen = false;
	struct sipdump sd = { 0 };
	static const char sd_drop[] = "ignored the lines Kamailio's sipdump writes around each message";
	static const char sf_drop[] = "ignored the lines sofia-sip's tport log writes around each message";
	static const char sp_drop[] = "ignored the lines SIPp's -trace_msg writes before each message";
	struct wireshark ws = { 0 };
	struct tcpdump td = { .last = SIZE_MAX };
	if (len >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0)
		pos = 3; /* goes out with the lines before the first change */
	while (pos < len && rc == 0) {
		lineno++;
		const char *nl = memchr(in + pos, '\n', len - pos);
		size_t e = nl ? (size_t)(nl - in) : len;
		size_t next = nl ? e + 1 : len;
		size_t ce = e > pos && in[e - 1] == '\r' ? e - 1 : e;
		size_t c = pos;
		const char *drop = NULL;
		bool ends = true; /* a dropped line ends a message */
		enum log_esc kind = ESC_NONE;
		struct logcat_key key;
		size_t sep; /* SIPp's separator: where its time starts */
		/* a packet of tcpdump, or a hex dump of one: its lines taken */
		size_t pkt_end = next;
		unsigned pkt_lines = 1;
		int t = 0;
		if (is_digit(in[pos]) || in[pos] == '[' || (in[pos] == ' ' && pos + 1 < ce && is_digit(in[pos + 1])))
			t = unlog_tcpdump(u, &td, lineno, pos, ce, next, &pkt_end, &pkt_lines);
		if (t == 0 && (in[pos] == '0' || in[pos] == '\t' || in[pos] == ' '))
			t = unlog_hexdump(u, &td, lineno, pos, &pkt_end, &pkt_lines);
		if (t != 0) {
			rc = t < 0 ? t : 0;
			lineno += pkt_lines - 1;
			pos = pkt_end;
			/* a packet ends what was being read */
			run.on = lp.on = ep.on = false;
			dropping = NULL;
			continue;
		}
		if (td.seen && rc == 0 && paste_is_start_line(in + pos, ce - pos))
			rc = td_flush_all(u, &td); /* a message of its own after them */
		if (td.open && rc == 0 && paste_is_start_line(in + pos, ce - pos)) {
			/* a message of its own after them: the last ends */
			td.last = SIZE_MAX;
			rc = td_close(u, &td, pos);
			u->bound_next = true;
		} else if (td.open && rc == 0) {
			/* text while a message of TCP segments or fragments may
			 * go on (the blank lines and summaries between tshark's
			 * packets): none of it, ignored */
			rc = unlog_change(u, pos);
			if (rc == 0 && !is_blank(in + pos, ce - pos))
				rc = td_say(u, &td, lineno, "ignored text between the packets of a message");
			pos = next;
			continue;
		}
		int w = unlog_wireshark(u, &ws, lineno, pos, ce);
		if (w != 0) {
			rc = w < 0 ? w : 0;
			pos = next;
			continue;
		}
		/* logcat -v long: a record's header line, and the empty line
		 * logcat writes after its text (the one before the next header
		 * or the end), go without a word; each line between is a line
		 * of the record's key, its text at column 1 */
		if (in[pos] == '[' && logcat_long_header(in + pos, ce - pos, &key)) {
			lg_on = true;
			lg_key = key;
			rc = unlog_change(u, pos);
			pos = next;
			continue;
		}
		if (lg_on && is_blank(in + pos, ce - pos) &&
		    (next >= len ||
		     (in[next] == '[' && logcat_long_header(in + next, content_end(in, len, next) - next, &key)))) {
			rc = unlog_change(u, pos);
			pos = next;
			continue;
		}
		size_t lc = logcat_prefix(in + pos, ce - pos, &key);
		bool lcat = lc != 0;
		if (!lcat && lg_on) {
			key = lg_key;
			lcat = true;
		}
		if (lcat) {
			size_t cc = pos + lc;
			bool escaped = escaped_start(in + cc, ce - cc, &kind) != SIZE_MAX;
			/* mc: where the message's content starts, after the text
			 * a running message has before each line; sm: a start
			 * line after other text, which begins a message */
			size_t sm = SIZE_MAX, mkl = 0, mc = cc;
			bool running = run.on && !run.done && logcat_key_eq(&run.key, &key);
			bool start = escaped || paste_is_start_line(in + cc, ce - cc);
			if (!start && running)
				mc = logcat_marked_content(in, &run, cc, ce);
			if (!start && mc != cc)
				start = paste_is_start_line(in + mc, ce - mc);
			if (!start)
				sm = logcat_marked_start(in, len, next, cc, ce, &key, &mkl);
			if (start || sm != SIZE_MAX) {
				/* a message starts: its lines are those of this key
				 * (after the same text, as the last one's were, when
				 * its start line is after it) */
				if (!run.on || run.done || !logcat_key_eq(&run.key, &key))
					rc = unlog_repair(u, lineno, lc ? "removed Android logcat prefixes"
									: "removed the record headers of Android logcat -v long "
									  "and the empty line after each record");
				if (sm == SIZE_MAX)
					mkl = mc != cc ? run.mkl : 0;
				else if (rc == 0)
					rc = unlog_repair(u, lineno, mkl ? "removed the log text before each line of the "
									   "message (after logcat's prefix)"
									 : "ignored the log text before a start line (header "
									   "lines follow it)");
				run = (struct msg_run){ .on = true, .head = !escaped, .done = escaped, .cl = -1, .key = key,
							.mk = cc, .mkl = mkl };
				if (rc == 0)
					rc = unlog_change(u, pos);
				c = sm != SIZE_MAX ? cc + sm : mc;
				if (rc == 0 && !escaped)
					rc = log_mark(u, c, pos);
			} else if (running) {
				c = mc;
				msg_run_line(&run, in, c, ce);
			} else if (run.on && run.done && is_blank(in + cc, ce - cc)) {
				/* an empty line after the message (its own last
				 * CR LF in a -v long record): nothing to list */
				rc = unlog_change(u, pos);
				u->bound_next = true;
				pos = next;
				continue;
			} else if (run.on) {
				drop = run.done ? "ignored logcat lines after the message"
						: "ignored logcat lines of other tags";
				ends = run.done;
			}
		}
		if (!lcat && is_ngrep_header(in + pos, ce - pos)) {
			ng_seen = ng_first = true;
			ng_msg = lp.on = ep.on = false;
			ng_line = pos;
			ng_line_len = ce - pos;
			drop = "ignored ngrep's packet header lines and '#' marks";
		} else if (!lcat && is_sngrep_header(in + pos, ce - pos)) {
			/* its message after it, as sent (no '.' for CR as
			 * ngrep writes: the line after is read as it is) */
			sg_first = true;
			ng_msg = lp.on = ep.on = false;
			ng_line = pos;
			ng_line_len = ce - pos;
			drop = "ignored the packet header lines of sngrep's text (Save as .txt)";
		} else if (!lcat && next < len && (sep = sipp_separator(in + pos, ce - pos)) &&
			   sipp_message_line(in + next, content_end(in, len, next) - next)) {
			sp_time = pos + sep;
			sp_time_len = ce - sp_time;
			ng_msg = lp.on = ep.on = sp_pending = false;
			drop = sp_drop;
		} else if (!lcat && sipp_message_line(in + pos, ce - pos)) {
			/* the message's packet line: the separator's time and
			 * this line, written */
			ng_msg = lp.on = ep.on = false;
			sp_line = u->lines.len;
			if (sp_time_len) { /* the line before was the separator */
				buf_append(&u->lines, in + sp_time, sp_time_len);
				buf_putc(&u->lines, ' ');
			}
			buf_append(&u->lines, in + pos, sipp_message_line(in + pos, ce - pos));
			if (u->lines.err)
				rc = u->lines.err;
			sp_line_len = u->lines.len - sp_line;
			sp_time_len = 0;
			sp_pending = true;
			drop = sp_drop;
		} else if (!lcat && sd_line(in + pos, ce - pos, '=') && next + 5 <= len &&
			   memcmp(in + next, "tag: ", 5) == 0) {
			sd = (struct sipdump){ .head = true };
			ng_msg = lp.on = ep.on = false;
			drop = sd_drop;
		} else if (!lcat && sd.head && sd_line(in + pos, ce - pos, '~')) {
			sd.head = false;
			sd.line = u->lines.len;
			sipdump_line(&u->lines, &sd);
			if (u->lines.err)
				rc = u->lines.err;
			sd.line_len = u->lines.len - sd.line;
			sd.pending = sd.line_len > 0;
			sd.body = true;
			drop = sd_drop;
		} else if (!lcat && sd.head) {
			sipdump_field(&sd, in + pos, ce - pos);
			drop = sd_drop;
		} else if (!lcat && sd.body && sd_line(in + pos, ce - pos, '|')) {
			sd.body = sd.pending = false;
			drop = sd_drop;
		} else if (!lcat && sd.body && ce - pos > SD_MARK && sd_line(in + ce - SD_MARK, SD_MARK, '|')) {
			/* the bars right after a body that did not end with a line
			 * end: the body's last line without them */
			sd.body = false;
			if (rc == 0)
				rc = unlog_change(u, pos);
			if (rc == 0)
				rc = unlog_repair(u, lineno, sd_drop);
			if (rc == 0)
				rc = mapped_copy(&u->out, in, pos, ce - SD_MARK);
			if (rc == 0)
				rc = mapped_put(&u->out, '\n', ce - SD_MARK);
			u->bound_next = true;
			pos = next;
			continue;
		} else if (!lcat && is_sofia_header(in + pos, ce - pos)) {
			ng_msg = lp.on = ep.on = false;
			sf_line = pos;
			sf_line_len = ce - pos - (in[ce - 1] == ':');
			sf_pending = sf_seen = true;
			drop = sf_drop;
		} else if (!lcat && sf_seen && is_sofia_separator(in + pos, ce - pos)) {
			drop = sf_drop;
		} else if (!lcat && is_ngrep_marks(in + pos, ce - pos) &&
			   (ng_seen || (next < len && is_ngrep_header(in + next, content_end(in, len, next) - next)))) {
			ng_msg = false;
			drop = "ignored ngrep's packet header lines and '#' marks";
		}
		size_t pm = SIZE_MAX, ec = SIZE_MAX;
		bool every = false; /* a message of its own shape starts here */
		bool again = false; /* the next message in the shape of the last */
		if (!lcat && !drop && !ng_first && !ng_msg && ep.on) {
			size_t k = every_match(in, &ep, pos, ce);
			size_t cc = k == SIZE_MAX ? k : pos + k;
			struct every e2;
			size_t sm = SIZE_MAX;
			if (k != SIZE_MAX && !ep.indent && paste_is_start_line(in + cc, ce - cc)) {
				/* the next message, in the same shape */
				ep.run = (struct msg_run){ .on = true, .head = true, .cl = -1 };
				ec = cc;
				again = true;
			} else if (k != SIZE_MAX && !ep.indent && ep.run.head && ce > cc && in[cc] != ' ' &&
				   in[cc] != '\t' && !is_header_line(in + cc, ce - cc) &&
				   !is_broken_header_line(in + cc, ce - cc)) {
				/* each line is a log record of its own: in the head, a
				 * record of the same prefix that is neither a header
				 * line nor folding is another log line of the program
				 * ("level=info msg=..."), not a header wrapped at
				 * column 0 as in a pasted message */
				drop = "ignored log lines of the same prefix in the message's head that are no header lines";
				ends = false;
			} else if (k != SIZE_MAX && !ep.run.done) {
				msg_run_line(&ep.run, in, cc, ce);
				ec = cc;
			} else if (k != SIZE_MAX && is_blank(in + cc, ce - cc)) {
				/* between messages: dropped without a word */
				rc = unlog_change(u, pos);
				u->bound_next = true;
				pos = next;
				continue;
			} else if (k != SIZE_MAX) {
				drop = "ignored the log lines after the message (its end as Content-Length sets it)";
			} else if (paste_is_start_line(in + pos, ce - pos) || escaped_start(in + pos, ce - pos, &kind) != SIZE_MAX ||
				   every_start(in, len, pos, (sm = start_after_prefix(in, pos, ce)), next, &e2) ||
				   (sm != SIZE_MAX && next < len && next_header_line(in, next, content_end(in, len, next)))) {
				ep.on = false; /* a message of another shape or kind */
			} else if (is_blank(in + pos, ce - pos) && !ep.run.done && !ep.indent) {
				rc = unlog_change(u, pos); /* a blank line of no shape */
				pos = next;
				continue;
			} else if (is_blank(in + pos, ce - pos)) {
				rc = unlog_change(u, pos);
				u->bound_next = true;
				pos = next;
				continue;
			} else {
				/* journalctl's entry ends at a line that is not
				 * indented: the message ends with it */
				drop = ep.run.done || ep.indent
					       ? "ignored the log lines after the message (its end as Content-Length sets it)"
					       : "ignored log lines of another shape between the message's lines";
				ends = ep.run.done || ep.indent;
				ep.run.done |= ep.indent;
			}
		}
		if (!lcat && !drop && !ng_first && !ng_msg && ec == SIZE_MAX) {
			/* a log prefix before the start line, the other lines as
			 * they are (Kamailio or OpenSIPS logging to a file or
			 * stderr, a P-CSCF's trace, QXDM's text export "SIP
			 * Message = REGISTER ..."): a header line follows it (no
			 * start line quoted in prose); or a prefix on every line */
			size_t sm = start_after_prefix(in, pos, ce);
			pm = sm == SIZE_MAX || next >= len || !next_header_line(in, next, content_end(in, len, next))
				     ? SIZE_MAX
				     : pos + sm;
			if (pm == SIZE_MAX)
				every = every_start(in, len, pos, sm, next, &ep);
			if (pm != SIZE_MAX) {
				lp = (struct msg_run){ .on = true, .head = true, .cl = -1 };
				ep.on = false;
			} else if (every) {
				lp.on = false;
			} else if (lp.on && (lp.head || lp.done) &&
				   (paste_is_start_line(in + pos, ce - pos) || escaped_start(in + pos, ce - pos, &kind) != SIZE_MAX)) {
				lp.on = false; /* a message of another kind */
			} else if (lp.on && !lp.done) {
				msg_run_line(&lp, in, pos, ce);
			} else if (lp.on && is_blank(in + pos, ce - pos)) {
				/* between messages: dropped without a word */
				rc = unlog_change(u, pos);
				u->bound_next = true;
				pos = next;
				continue;
			} else if (lp.on) {
				drop = "ignored the log lines after the message (its end as Content-Length sets it)";
			}
		}
		if (drop) {
			if (rc == 0)
				rc = unlog_change(u, pos);
			if (dropping != drop && rc == 0)
				rc = unlog_repair(u, lineno, drop);
			dropping = drop;
			/* a packet, or a logcat message, ended */
			u->bound_next |= ends;
			pos = next;
			continue;
		}
		dropping = NULL;
		if (rc == 0)
			rc = unlog_bound(u);
		if (sd.pending && rc == 0 && !is_blank(in + c, ce - c)) {
			/* sipdump's message after its record */
			if (paste_is_start_line(in + c, ce - c))
				rc = td_mark(u, c, sd.line, sd.line_len, true);
			sd.pending = false;
		}
		if (sf_pending && rc == 0 && !is_blank(in + c, ce - c)) {
			/* sofia-sip's message after its line, three spaces in */
			size_t s0 = c;
			while (s0 < ce && in[s0] == ' ')
				s0++;
			if (paste_is_start_line(in + s0, ce - s0))
				rc = td_mark(u, s0, sf_line, sf_line_len, false);
			sf_pending = false;
		}
		if (sp_pending && rc == 0 && !is_blank(in + c, ce - c)) {
			/* SIPp's message after its line (and the empty line) */
			if (paste_is_start_line(in + c, ce - c))
				rc = td_mark(u, c, sp_line, sp_line_len, true);
			sp_pending = false;
		}
		if ((ng_first || sg_first) && rc == 0) {
			/* a message that starts in the packet (on this line, or
			 * -W normal's first row after two SP) has its header as
			 * its packet line */
			size_t s0 = c;
			while (s0 < ce && in[s0] == ' ')
				s0++;
			rc = td_mark(u, s0, ng_line, ng_line_len, false);
			sg_first = false;
		}
		if (rc < 0)
			break;
		if (ng_first && ce - c > 2 && in[c] == ' ' && in[c + 1] == ' ') {
			size_t after = pos;
			unsigned k = 1;
			ng_first = false;
			int wr = unlog_ngrep_wrapped(u, lineno, pos, &after, &k);
			if (wr < 0) {
				rc = wr;
				break;
			}
			if (wr > 0) {
				/* after and k are set only when it took the rows */
				lineno += k - 1;
				pos = after;
				continue;
			}
		}
		if (ng_first) {
			ng_first = false;
			/* -W byline: the start line alone, its CR a '.'; a
			 * status line with its message after ".." on the same
			 * line is -W none's (its reason phrase would take it) */
			ng_msg = ce > c && in[ce - 1] == '.' && paste_is_start_line(in + c, ce - 1 - c) &&
				 escaped_start(in + c, ce - c, &kind) == SIZE_MAX;
			if (ng_msg && rc == 0)
				rc = unlog_repair(u, lineno, "removed ngrep's '.' (the CR it cannot print) before each line end");
			if (ng_msg && rc == 0)
				rc = unlog_change(u, pos);
		}
		if (ng_msg && ce > c && in[ce - 1] == '.') {
			if (rc == 0)
				rc = mapped_copy(&u->out, in, c, ce - 1);
			if (rc == 0)
				rc = mapped_put(&u->out, '\r', ce - 1);
			if (rc == 0)
				rc = mapped_put(&u->out, '\n', e < len ? e : ce - 1);
			pos = next;
			continue;
		}
		if (ec != SIZE_MAX || every) {
			/* the line without its prefix, or the start line after
			 * it; the prefix alone is the empty line */
			size_t from = every ? pos + ep.plen : is_blank(in + ec, ce - ec) ? ce : ec;
			if (rc == 0)
				rc = unlog_change(u, pos);
			if (rc == 0 && (every || again))
				rc = log_mark(u, from, pos);
			if (rc == 0 && (every || again))
				rc = unlog_repair(u, lineno, ep.indent ? "removed journalctl's prefix before the message and "
									 "the indentation of its lines after the first"
								       : "removed the log prefix on every line of the message");
			if (rc == 0)
				rc = mapped_copy(&u->out, in, from, next);
			pos = next;
			continue;
		}
		if (pm != SIZE_MAX) {
			/* the start line on, the line end with it */
			rc = unlog_change(u, pos);
			if (rc == 0)
				rc = unlog_repair(u, lineno, "ignored the log text before a start line (header lines follow it)");
			if (rc == 0)
				rc = log_mark(u, pm, pos);
			if (rc == 0)
				rc = mapped_copy(&u->out, in, pm, next);
			pos = next;
			continue;
		}
		size_t m = escaped_start(in + c, ce - c, &kind);
		if (m != SIZE_MAX && rc == 0 && kind == ESC_DOTS) {
			/* ngrep -W single: its packet header before the
			 * message on the same line is its packet line */
			size_t hn = m;
			while (hn > 0 && in[c + hn - 1] == ' ')
				hn--;
			if (hn < m && is_ngrep_header(in + c, hn))
				rc = td_mark(u, c + m, c, hn, false);
		}
		if (m != SIZE_MAX && rc == 0) {
			rc = unlog_change(u, pos);
			if (rc == 0)
				rc = log_mark(u, c + m, pos);
			if (rc == 0)
				rc = unlog_escaped(u, lineno, c + m, ce, kind);
			u->bound_next = true; /* the message is the line's */
		} else if (rc == 0 && u->changed) {
			rc = mapped_copy(&u->out, in, c, next);
		}
		pos = next;
	}
	rc = td_finish(u, &td, rc);
	if (rc == 0 && ws.on)
		rc = wireshark_end(u, &ws, len);
	return rc < 0 ? rc : u->out.b.err;
}

/* Offsets of the line starts of t[0, n) (lines end with eol). */
static int line_starts(const char *t, size_t n, char eol, size_t **out, size_t *count)
{
	/* memchr from line end to line end: a byte loop here was a fifth of
	 * the time of decode --summary over a log (t may be NULL when n is 0:
	 * no memchr then) */
	const char *e = n ? t + n : t, *q;
	size_t k = 1;
	for (q = t; n && (q = memchr(q, eol, (size_t)(e - q))); q++)
		k++;
	size_t *a = imsreg_malloc(k * sizeof *a);
	if (!a)
		return -ENOMEM;
	a[0] = 0;
	k = 1;
	for (q = t; n && (q = memchr(q, eol, (size_t)(e - q))); q++)
		a[k++] = (size_t)(q - t) + 1;
	*out = a;
	*count = k;
	return 0;
}

/* Index of the last of the n sorted starts at or before off. */
static size_t start_index(const size_t *starts, size_t n, size_t off)
{
	return last_at_or_before(starts, n, sizeof *starts, off);
}

/* The input offset that the first byte of line `line` (1-based) of
 * u->out came from; ds holds the nds line starts of u->out. */
static size_t out_line_source(const struct unlog *u, const size_t *ds, size_t nds, unsigned line)
{
	size_t dlen = u->out.b.len;
	if (dlen == 0)
		return 0;
	if (line >= 1 && line - 1 < nds && ds[line - 1] < dlen)
		return mapped_at(&u->out, ds[line - 1]);
	return mapped_at(&u->out, dlen - 1);
}

/* The normaliser's result over u->out made to point into the input:
 * spans split where the map jumps (an escape, a removed prefix), lines of
 * repairs and messages, the error position; then u's repairs merged in by
 * line. */
static int unlog_map_back(struct paste *p, struct unlog *u, int nrc, struct sip_parse_error *err)
{
	const struct mapped *map = &u->out;
	size_t dlen = u->out.b.len;
	const char *dec = u->out.b.ptr;
	size_t *is = NULL, *ds = NULL, nis, nds;
	size_t bom = u->len >= 3 && memcmp(u->in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	struct paste_span *spans = NULL;
	struct paste_repair *reps = NULL;
	size_t nspans = 0, cap_spans = 0;
	int rc = line_starts(u->in, u->len, '\n', &is, &nis);
	char deol = dlen && !memchr(dec, '\n', dlen) && memchr(dec, '\r', dlen) ? '\r' : '\n';
	if (rc == 0)
		rc = line_starts(dec, dlen, deol, &ds, &nds);
	if (rc < 0)
		goto out;
	is[0] = bom;
	if (nrc == -EBADMSG && err) {
		size_t off = err->offset < dlen ? mapped_at(map, err->offset)
				  : dlen ? mapped_at(map, dlen - 1) : 0;
		err->offset = off;
		err->at = u->in + off;
	}
	if (nrc < 0)
		goto out;
	for (size_t i = 0; i < p->nspans; i++) {
		const struct paste_span *s = &p->spans[i];
		for (size_t k = 0; k < s->len;) {
			size_t g;
			struct step st;
			size_t off = mapped_at_step(map, pk_off(s->src) + k, &g, &st);
			if (g > s->len - k)
				g = s->len - k;
			if (grow((void **)&spans, &cap_spans, nspans, sizeof *spans) < 0) {
				rc = -ENOMEM;
				goto out;
			}
			size_t li = start_index(is, nis, off);
			size_t ls = is[li];
			spans[nspans++] = (struct paste_span){ s->out + k, g, (unsigned)li + 1,
							       off > ls ? (unsigned)(off - ls) + 1 : 1, pk_make(off, st) };
			k += g;
		}
	}
	imsreg_free(p->spans);
	p->spans = spans;
	p->nspans = nspans;
	p->cap_spans = cap_spans;
	spans = NULL;
	for (size_t i = 0; i < p->nmsgs; i++)
		p->msgs[i].first_line =
			(unsigned)start_index(is, nis, out_line_source(u, ds, nds, p->msgs[i].first_line)) + 1;
	for (size_t i = 0; i < p->nrepairs; i++)
		p->repairs[i].line =
			(unsigned)start_index(is, nis, out_line_source(u, ds, nds, p->repairs[i].line)) + 1;
	/* u's repairs and the normaliser's, by line (u's first on a line) */
	size_t n = p->nrepairs + u->nrepairs;
	if (n == 0)
		goto out;
	reps = imsreg_malloc(n * sizeof *reps);
	if (!reps) {
		rc = -ENOMEM;
		goto out;
	}
	size_t a = 0, b = 0;
	for (size_t k = 0; k < n; k++) {
		if (b >= p->nrepairs || (a < u->nrepairs && u->repairs[a].line <= p->repairs[b].line))
			reps[k] = u->repairs[a++];
		else
			reps[k] = p->repairs[b++];
	}
	imsreg_free(p->repairs);
	p->repairs = reps;
	p->nrepairs = p->cap_repairs = n;
out:
	imsreg_free(spans);
	imsreg_free(is);
	imsreg_free(ds);
	return rc < 0 ? rc : nrc;
}

struct repair_key {
	struct paste_repair r;
	size_t i;
};

static int repair_cmp(const void *a, const void *b)
{
	const struct repair_key *x = a, *y = b;
	if (x->r.line != y->r.line)
		return x->r.line < y->r.line ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The repairs in the order of their lines, those of one line as listed:
 * the messages of TCP segments go out when whole, so the repairs of a
 * later message's lines can come before an earlier one's. */
static int repairs_sort(struct paste *p)
{
	size_t n = p->nrepairs, i = 1;
	while (i < n && p->repairs[i - 1].line <= p->repairs[i].line)
		i++;
	if (i >= n)
		return 0;
	struct repair_key *k = imsreg_malloc(n * sizeof *k);
	if (!k)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		k[i] = (struct repair_key){ p->repairs[i], i };
	qsort(k, n, sizeof *k, repair_cmp);
	for (i = 0; i < n; i++)
		p->repairs[i] = k[i].r;
	imsreg_free(k);
	return 0;
}

static int mark_cmp(const void *a, const void *b)
{
	const struct td_mark *x = a, *y = b;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Each message read from tcpdump's output gets its packet's line: the
 * mark whose input offset is that of the message's first byte (a written
 * line: in p->lines). */
static void marks_apply(struct paste *p, const char *in, struct td_mark *marks, size_t n)
{
	if (n == 0 || p->nspans == 0)
		return;
	qsort(marks, n, sizeof *marks, mark_cmp);
	for (size_t i = 0; i < p->nmsgs; i++) {
		size_t off = p->msgs[i].offset;
		const struct paste_span *s =
			&p->spans[last_at_or_before(p->spans, p->nspans, sizeof *p->spans, off)];
		if (off < s->out || off - s->out >= s->len)
			continue;
		struct td_mark key = { .at = pk_off(s->src) + step_off(pk_step(s->src), off - s->out) };
		/* the marks at that offset: a packet's line wins over a
		 * log's text */
		size_t k = last_at_or_before(marks, n, sizeof *marks, key.at);
		while (k > 0 && marks[k - 1].at == key.at)
			k--;
		for (; k < n && marks[k].at == key.at; k++) {
			const struct td_mark *m = &marks[k];
			if (m->logged && p->msgs[i].packet.ptr)
				continue;
			p->msgs[i].packet = slice_make((m->written ? p->lines.ptr : in) + m->line, m->line_len);
			p->msgs[i].logged = m->logged;
			if (m->ends_len) {
				p->msgs[i].ends_off = m->ends_line;
				p->msgs[i].ends_len = m->ends_len;
			}
		}
	}
}

struct slice paste_ends(const struct paste *p, const struct paste_msg *m)
{
	return m->ends_len ? slice_make(p->lines.ptr + m->ends_off, m->ends_len) : SLICE_NULL;
}

/* Whether messages a and b of p are one packet seen twice, as the capture
 * reader takes it (tcpdump -i any prints a packet that crosses a bridge or
 * a tunnel's exit once per interface): the same bytes, packet lines that
 * say the same endpoints and transport, and times within PKT_COPY_US. */
static bool msg_copy(const struct paste *p, const struct paste_msg *a, const struct paste_msg *b)
{
	struct pkt_line x, y;
	return a->len == b->len && memcmp(p->text.ptr + a->offset, p->text.ptr + b->offset, a->len) == 0 &&
	       pkt_line_read(a->packet, &x) && pkt_line_read(b->packet, &y) && x.udp == y.udp &&
	       x.dated == y.dated && pkt_ends_equal(&x.ends, &y.ends) && pkt_time_copy(x.sec, x.usec, y.sec, y.usec);
}

/* Leaves out each message that is a copy (msg_copy) of the one kept
 * before it, as a repair at its start line. */
static int drop_copies(struct paste *p)
{
	size_t kept = 0;
	int rc = 0;
	for (size_t i = 0; i < p->nmsgs; i++) {
		if (kept && p->msgs[i].packet.ptr && msg_copy(p, &p->msgs[kept - 1], &p->msgs[i])) {
			if (!rc)
				rc = repair_add(p, p->msgs[i].first_line,
						"left out a copy of the message before it: the same packet seen "
						"twice within 100 ms (tcpdump -i any, a bridge, a tunnel and its "
						"exit), not sent again");
			continue;
		}
		p->msgs[kept++] = p->msgs[i];
	}
	p->nmsgs = kept;
	return rc < 0 ? rc : repairs_sort(p);
}

int paste_normalise(struct paste *p, const char *in, size_t len, struct sip_parse_error *err)
{
	buf_reset(&p->text);
	buf_reset(&p->lines);
	p->nmsgs = p->nrepairs = p->nspans = 0;
	/* CR-only text holds none of the log formats (each writes LF) */
	if (!memchr(in, '\n', len) && memchr(in, '\r', len))
		return normalise(p, in, len, NULL, 0, err);
	struct unlog u = { .in = in, .len = len };
	mapped_init(&u.out);
	buf_init(&u.lines);
	int rc = unlog_tshark_json(&u);
	if (rc == 0)
		rc = unlog_pdml(&u);
	if (rc == 0)
		rc = unlog_tshark_fields(&u);
	if (rc == 0)
		rc = unlog_run(&u);
	else if (rc > 0)
		rc = 0;
	if (rc == 0 && !u.changed) {
		rc = normalise(p, in, len, NULL, 0, err);
		/* no message, no field at a line's start: header fields
		 * behind a log prefix, if that is what the input holds (the
		 * error of the first reading stands when they are not) */
		if (rc == -EBADMSG && p->nmsgs == 0) {
			struct sip_parse_error first = { 0 };
			if (err)
				first = *err;
			rc = unlog_fields(&u);
			if (rc == 0 && !u.changed)
				rc = -EBADMSG;
			else if (rc == 0)
				rc = unlog_map_back(p, &u, normalise(p, u.out.b.ptr ? u.out.b.ptr : "", u.out.b.len,
								     NULL, 0, err),
						    err);
			if (rc == -EBADMSG && err)
				*err = first;
		}
	} else if (rc == 0)
		rc = unlog_map_back(p, &u, normalise(p, u.out.b.ptr ? u.out.b.ptr : "", u.out.b.len, u.bounds,
						     u.nbounds, err), err);
	if (rc >= 0 && u.changed) {
		int sr = repairs_sort(p);
		if (sr < 0)
			rc = sr;
		/* the lines written go to p, the marks' slices into them */
		struct buf t = p->lines;
		p->lines = u.lines;
		u.lines = t;
		marks_apply(p, in, u.marks, u.nmarks);
	}
	if (rc >= 0) {
		int dr = drop_copies(p);
		if (dr < 0)
			rc = dr;
	}
	buf_fini(&u.lines);
	mapped_fini(&u.out);
	imsreg_free(u.marks);
	imsreg_free(u.repairs);
	imsreg_free(u.bounds);
	return rc;
}

void paste_position(const struct paste *p, size_t offset, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	if (p->nspans == 0)
		return;
	/* the last span that starts at or before offset */
	_Static_assert(offsetof(struct paste_span, out) == 0, "searched by out");
	const struct paste_span *s = &p->spans[last_at_or_before(p->spans, p->nspans, sizeof *p->spans, offset)];
	if (offset < s->out) { /* before the first span */
		*line = s->line;
		*col = s->col;
		return;
	}
	size_t d = offset - s->out;
	if (d > s->len)
		d = s->len; /* an inserted byte (CRLF, folding SP): the end of the line */
	*line = s->line;
	*col = s->col + (unsigned)step_off(pk_step(s->src), d);
}
