/* multipart.c: multipart bodies, RFC 2046 §5.1.1 (boundary, delimiter and
 * close-delimiter lines, body parts with MIME headers), as SIP carries them
 * (RFC 5621; TS 24.229 §5.4.1.7's third-party REGISTER). */
#include <errno.h>
#include <string.h>
#include <imsreg/sip.h>

/* RFC 2046 §5.1.1 bcharsnospace, and the space bchars adds. */
static bool is_bchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return true;
	return c != '\0' && strchr("'()+_,-./:=? ", c) != NULL;
}

struct slice sip_media_type(struct slice content_type)
{
	struct slice t = slice_trim(content_type);
	const char *semi = t.ptr ? memchr(t.ptr, ';', t.len) : NULL;
	return semi ? slice_trim(slice_span(t.ptr, semi)) : t;
}

int sip_multipart_boundary(struct slice content_type, struct slice *boundary,
			   struct sip_parse_error *err)
{
	*boundary = SLICE_NULL;
	struct sip_tokparams tp;
	int rc = sip_tokparams_decode(&tp, content_type, err);
	if (rc < 0)
		return rc;
	if (tp.quoted || !slice_startswith_case(tp.value, "multipart/"))
		return 0;
	struct sip_param p;
	if (!tp.params.ptr || !sip_param_find(tp.params, "boundary", &p) || !p.value.ptr)
		return sip_value_fail(err, tp.value.ptr + tp.value.len,
				      "a multipart Content-Type without a boundary parameter (RFC 2046 §5.1.1)");
	if (p.value.len == 0 || p.value.len > 70 || p.value.ptr[p.value.len - 1] == ' ')
		return sip_value_fail(err, p.value.ptr,
				      "the boundary must be 1 to 70 characters, the last not a space "
				      "(RFC 2046 §5.1.1)");
	for (size_t i = 0; i < p.value.len; i++)
		if (!is_bchar((unsigned char)p.value.ptr[i]))
			return sip_value_fail(err, p.value.ptr + i,
					      "a character the boundary may not hold (RFC 2046 §5.1.1 bchars)");
	*boundary = p.value;
	return 1;
}

/* A boundary line at p (a line's start): 0 none, 1 a delimiter, 2 the close
 * delimiter. *next is the start of the line after it (or end). */
static int boundary_line(const char *p, const char *end, struct slice b, const char **next)
{
	if ((size_t)(end - p) < b.len + 2 || p[0] != '-' || p[1] != '-' || memcmp(p + 2, b.ptr, b.len) != 0)
		return 0;
	const char *q = p + 2 + b.len;
	if (end - q >= 2 && q[0] == '-' && q[1] == '-') {
		/* the close delimiter: what follows on its line is the epilogue's */
		*next = end;
		return 2;
	}
	while (q < end && (*q == ' ' || *q == '\t')) /* transport-padding */
		q++;
	if (q < end && *q == '\r')
		q++;
	if (q < end && *q != '\n')
		return 0; /* "--boundary" followed by more: a longer string, not the boundary */
	*next = q < end ? q + 1 : end;
	return 1;
}

/* The next boundary line at or after from, which is a line's start: its
 * start (or NULL), its kind and the line after it. */
static const char *find_boundary(const char *from, const char *end, struct slice b, int *kind,
				 const char **next)
{
	const char *p = from;
	while (p < end) {
		if ((*kind = boundary_line(p, end, b, next)) != 0)
			return p;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		p = nl + 1;
	}
	return NULL;
}

/* The line end before a boundary line at p (after start): CRLF or LF. */
static const char *before_line_end(const char *start, const char *p)
{
	if (p > start && p[-1] == '\n')
		p--;
	if (p > start && p[-1] == '\r')
		p--;
	return p;
}

/* Reads the part [s, e): its head, Content-Type and body. */
static int part_decode(struct sip_body_part *part, const char *s, const char *e,
		       struct sip_parse_error *err)
{
	part->content_type = SLICE_NULL;
	const char *p = s;
	bool in_ct = false;
	const char *ct_s = NULL, *ct_e = NULL;
	while (p < e) {
		const char *nl = memchr(p, '\n', (size_t)(e - p));
		const char *le = nl ? nl : e;
		const char *te = le > p && le[-1] == '\r' ? le - 1 : le;
		if (te == p) { /* the empty line: the body follows */
			part->head = slice_span(s, p > s ? before_line_end(s, p) : s);
			part->body = slice_span(nl ? nl + 1 : e, e);
			goto out;
		}
		if (*p == ' ' || *p == '\t') { /* folding: the field goes on */
			if (p == s)
				return sip_value_fail(err, p, "a part's first header line starts with white "
							      "space (RFC 2046 §5.1.1, RFC 5322 §2.2.3)");
			if (in_ct)
				ct_e = te;
		} else {
			const char *colon = memchr(p, ':', (size_t)(te - p));
			const char *n = p;
			while (colon && n < colon && n[0] > ' ' && n[0] < 0x7f)
				n++;
			if (!colon || colon == p || n != colon)
				return sip_value_fail(err, p, "a part's header line without \"name:\" (a part with "
							      "no header starts with an empty line, RFC 2046 §5.1.1)");
			in_ct = slice_caseeq_cstr(slice_span(p, colon), "Content-Type");
			if (in_ct && !ct_s) {
				ct_s = colon + 1;
				ct_e = te;
			} else {
				in_ct = false;
			}
		}
		p = nl ? nl + 1 : e;
	}
	/* headers up to the boundary and no empty line: a part without content */
	part->head = slice_span(s, before_line_end(s, e));
	part->body = slice_make(e, 0);
out:
	if (ct_s)
		part->content_type = slice_trim(slice_span(ct_s, ct_e));
	return 0;
}

int sip_multipart_split(struct slice body, struct slice boundary, struct sip_body_part *parts,
			size_t cap, size_t *n, struct sip_parse_error *err)
{
	*n = 0;
	const char *end = body.ptr + body.len;
	int kind;
	const char *next;
	if (!body.ptr || !boundary.ptr || boundary.len == 0)
		return sip_value_fail(err, body.ptr, "no body or no boundary");
	const char *b = find_boundary(body.ptr, end, boundary, &kind, &next);
	if (!b)
		return sip_value_fail(err, body.ptr, "no boundary line (\"--\" and the boundary of "
						    "Content-Type at a line's start, RFC 2046 §5.1.1)");
	while (kind == 1) {
		const char *s = next;
		const char *nb = find_boundary(s, end, boundary, &kind, &next);
		const char *e = nb ? before_line_end(s, nb) : end;
		if (*n == cap) {
			sip_value_fail(err, s, "more parts than the decoder keeps");
			if (err)
				err->code = -E2BIG;
			return -E2BIG;
		}
		int rc = part_decode(&parts[*n], s, e, err);
		if (rc < 0)
			return rc;
		(*n)++;
		if (!nb)
			return sip_value_fail(err, end, "no closing boundary line (\"--\" boundary \"--\", "
							"RFC 2046 §5.1.1): the body may be cut");
	}
	return 0;
}
