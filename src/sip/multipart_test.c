/* multipart_test.c: the boundary of a Content-Type and the split of a
 * multipart body (RFC 2046 §5.1.1), as tables {input, parts or error
 * offset}, each run from a copy that ends at a guard page and cut at every
 * length. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"

struct boundary_case {
	const char *ct;
	int rc;
	const char *boundary; /* rc 1 */
	long err_offset;      /* rc < 0 */
};

static const struct boundary_case boundary_cases[] = {
	{ "multipart/mixed;boundary=b1", 1, "b1", -1 },
	{ "multipart/mixed; boundary=\"simple boundary\"", 1, "simple boundary", -1 },
	{ "Multipart/Related ; type=\"application/sdp\" ; BOUNDARY=unique-boundary-1", 1, "unique-boundary-1", -1 },
	{ "multipart/mixed;boundary=\"'()+_,-./:=?\"", 1, "'()+_,-./:=?", -1 },
	{ "message/sip", 0, NULL, -1 },
	{ "application/sdp;boundary=x", 0, NULL, -1 },
	{ "multipart/mixed", -EBADMSG, NULL, 15 },
	{ "multipart/mixed;charset=utf-8", -EBADMSG, NULL, 15 },
	{ "multipart/mixed;boundary=\"\"", -EBADMSG, NULL, 26 },
	{ "multipart/mixed;boundary=\"ends with space \"", -EBADMSG, NULL, 26 },
	{ "multipart/mixed;boundary=\"a\\\\b\"", -EBADMSG, NULL, 27 },
	{ "multipart/mixed;boundary=\"0123456789012345678901234567890123456789012345678901234567890123456789x\"",
	  -EBADMSG, NULL, 26 },
};

static void test_boundary_is_read_from_content_type(void)
{
	for (size_t i = 0; i < sizeof boundary_cases / sizeof boundary_cases[0]; i++) {
		const struct boundary_case *c = &boundary_cases[i];
		size_t len = strlen(c->ct);
		char *g = check_guard_copy(c->ct, len);
		struct slice b;
		struct sip_parse_error err = { 0 };
		int rc = sip_multipart_boundary(slice_make(g, len), &b, &err);
		CHECK_INT_EQ(rc, c->rc);
		if (c->rc == 1)
			CHECK_SLICE_EQ(b, c->boundary);
		if (c->rc < 0 && rc < 0) {
			CHECK(err.reason != NULL);
			CHECK_INT_EQ(err.at - g, c->err_offset);
		}
		if (rc != c->rc)
			fprintf(stderr, "  case %zu: %s\n", i, c->ct);
		check_guard_free(g, len);
	}
}

struct split_case {
	const char *body;
	int rc;
	size_t n;
	const char *ct[4];   /* NULL: none */
	const char *head[4];
	const char *part[4];
	long err_offset;     /* rc < 0 */
};

#define B "b1"
static const struct split_case split_cases[] = {
	/* RFC 5621's shape: two parts, CRLF, a preamble and an epilogue */
	{ "preamble\r\n--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n"
	  "--b1\r\nContent-Type: message/sip\r\nContent-ID: <x@y>\r\n\r\nREGISTER sip:a SIP/2.0\r\n\r\n"
	  "--b1--\r\nepilogue",
	  0, 2, { "application/sdp", "message/sip" },
	  { "Content-Type: application/sdp", "Content-Type: message/sip\r\nContent-ID: <x@y>" },
	  { "v=0", "REGISTER sip:a SIP/2.0\r\n" }, -1 },
	/* LF alone, padding after the boundary, a folded Content-Type */
	{ "--b1  \nContent-type:\n  application/3gpp-ims+xml\n\n<x/>\n--b1--",
	  0, 1, { "application/3gpp-ims+xml" }, { "Content-type:\n  application/3gpp-ims+xml" }, { "<x/>" }, -1 },
	/* no header: text/plain; a part with headers and no content; an empty part */
	{ "--b1\r\n\r\nhello\r\n--b1\r\nContent-Type: text/plain\r\n--b1\r\n\r\n--b1--",
	  0, 3, { NULL, "text/plain", NULL }, { "", "Content-Type: text/plain", "" }, { "hello", "", "" }, -1 },
	/* "--b1x" inside a part is no boundary line; nor is "--b1" inside a line */
	{ "--b1\r\n\r\n--b1x\r\na --b1\r\n--b1--", 0, 1, { NULL }, { "" }, { "--b1x\r\na --b1" }, -1 },
	/* the first Content-Type counts */
	{ "--b1\r\nContent-Type: a/b\r\ncontent-type: c/d\r\n\r\nx\r\n--b1--", 0, 1, { "a/b" },
	  { "Content-Type: a/b\r\ncontent-type: c/d" }, { "x" }, -1 },
	{ "no boundary at all\r\n", -EBADMSG, 0, { NULL }, { NULL }, { NULL }, 0 },
	{ "x--b1\r\n", -EBADMSG, 0, { NULL }, { NULL }, { NULL }, 0 },
	/* cut: the parts before the end are there */
	{ "--b1\r\n\r\nabc\r\n--b1\r\n\r\nde", -EBADMSG, 2, { NULL, NULL }, { "", "" }, { "abc", "de" }, 23 },
	{ "--b1\r\nnot a header\r\n\r\nx\r\n--b1--", -EBADMSG, 0, { NULL }, { NULL }, { NULL }, 6 },
	{ "--b1\r\n folded first\r\n\r\nx\r\n--b1--", -EBADMSG, 0, { NULL }, { NULL }, { NULL }, 6 },
	{ "--b1\r\nbad name: x\r\n\r\nx\r\n--b1--", -EBADMSG, 0, { NULL }, { NULL }, { NULL }, 6 },
};

static void test_split_gives_each_part(void)
{
	for (size_t i = 0; i < sizeof split_cases / sizeof split_cases[0]; i++) {
		const struct split_case *c = &split_cases[i];
		size_t len = strlen(c->body);
		char *g = check_guard_copy(c->body, len);
		struct sip_body_part parts[4];
		size_t n = 99;
		struct sip_parse_error err = { 0 };
		int rc = sip_multipart_split(slice_make(g, len), slice_make(B, 2), parts, 4, &n, &err);
		CHECK_INT_EQ(rc, c->rc);
		CHECK_INT_EQ(n, c->n);
		for (size_t k = 0; k < n && k < c->n; k++) {
			if (c->ct[k])
				CHECK_SLICE_EQ(parts[k].content_type, c->ct[k]);
			else
				CHECK(parts[k].content_type.ptr == NULL);
			CHECK_SLICE_EQ(parts[k].head, c->head[k]);
			CHECK_SLICE_EQ(parts[k].body, c->part[k]);
		}
		if (c->rc < 0 && rc < 0) {
			CHECK(err.reason != NULL);
			CHECK_INT_EQ(err.code, rc);
			CHECK_INT_EQ(err.at - g, c->err_offset);
		}
		if (rc != c->rc || n != c->n)
			fprintf(stderr, "  case %zu: rc %d n %zu\n", i, rc, n);
		check_guard_free(g, len);
	}
}

/* More parts than the caller keeps: -E2BIG, the first ones given. */
static void test_split_says_when_parts_do_not_fit(void)
{
	const char *body = "--b1\r\n\r\na\r\n--b1\r\n\r\nb\r\n--b1\r\n\r\nc\r\n--b1--";
	struct sip_body_part parts[2];
	size_t n = 0;
	struct sip_parse_error err = { 0 };
	CHECK_INT_EQ(sip_multipart_split(slice_make(body, strlen(body)), slice_make(B, 2), parts, 2, &n, &err),
		     -E2BIG);
	CHECK_INT_EQ(n, 2);
	CHECK_INT_EQ(err.code, -E2BIG);
	CHECK_SLICE_EQ(parts[1].body, "b");
}

/* Every length of every case: no read past the end (guard page), each
 * part inside the body and after the one before it. */
static void each_prefix(struct slice s, const void *arg)
{
	(void)arg;
	struct sip_body_part parts[4];
	size_t n = 0;
	struct sip_parse_error err = { 0 };
	int rc = sip_multipart_split(s, slice_make(B, 2), parts, 4, &n, &err);
	CHECK(rc == 0 || rc == -EBADMSG || rc == -E2BIG);
	const char *prev = s.ptr;
	for (size_t k = 0; k < n; k++) {
		CHECK(parts[k].head.ptr >= prev && parts[k].body.ptr >= parts[k].head.ptr + parts[k].head.len);
		CHECK(parts[k].body.ptr + parts[k].body.len <= s.ptr + s.len);
		prev = parts[k].body.ptr + parts[k].body.len;
	}
	if (rc < 0)
		CHECK(err.at >= s.ptr && err.at <= s.ptr + s.len);
}

static void test_split_every_prefix_stays_inside(void)
{
	for (size_t i = 0; i < sizeof split_cases / sizeof split_cases[0]; i++)
		check_every_prefix(split_cases[i].body, each_prefix, NULL);
}

int main(void)
{
	test_boundary_is_read_from_content_type();
	test_split_gives_each_part();
	test_split_says_when_parts_do_not_fit();
	test_split_every_prefix_stays_inside();
	return check_done();
}
