/* msg_test.c: sip_msg_parse framing and header split, as a table of inputs
 * with verdicts and error offsets; every input also from a guard-page copy
 * and at every truncation length. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"
#include "sip/hdr_id.h"

#define REG "REGISTER sip:ims.example.net SIP/2.0\r\n"
#define VIA "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\n"
#define CL0 "Content-Length: 0\r\n"

enum verdict { OK, AGAIN, BAD, TOOBIG };

struct parse_case {
	const char *name;
	const char *in;
	unsigned flags;
	enum verdict verdict;
	long err_offset;   /* offset of the offending byte, -1 when not checked */
	long consumed;     /* for OK: bytes consumed, -1 = whole input */
	unsigned repairs;  /* for OK: expected msg.repairs */
};

#define S SIP_PARSE_STREAM
#define L SIP_PARSE_LENIENT

static const struct parse_case cases[] = {
	{ "request", REG VIA CL0 "\r\n", 0, OK, -1, -1, 0 },
	{ "request_stream", REG VIA CL0 "\r\n", S, OK, -1, -1, 0 },
	{ "response", "SIP/2.0 200 OK\r\n" VIA CL0 "\r\n", 0, OK, -1, -1, 0 },
	{ "response_empty_reason", "SIP/2.0 100 \r\n" CL0 "\r\n", 0, OK, -1, -1, 0 },
	{ "response_no_sp_before_reason_strict", "SIP/2.0 100\r\n\r\n", 0, BAD, 11, 0, 0 },
	{ "response_no_sp_before_reason_lenient", "SIP/2.0 100\r\n\r\n", L, OK, -1, -1, 0 },
	{ "body_by_content_length_datagram_ignores_extra", REG "l: 4\r\n\r\nbodyEXTRA", 0, OK, -1,
	  sizeof(REG "l: 4\r\n\r\nbody") - 1, 0 },
	{ "body_stream_waits", REG "Content-Length: 10\r\n\r\nshort", S, AGAIN, -1, 0, 0 },
	{ "body_datagram_without_content_length_is_rest", REG VIA "\r\nhello", 0, OK, -1, -1, 0 },
	{ "stream_requires_content_length", REG VIA "\r\n", S, BAD, sizeof(REG VIA "\r\n") - 1, 0, 0 },
	{ "stream_lenient_without_content_length", REG VIA "\r\n", S | L, OK, -1, -1,
	  SIP_REPAIR_NO_CONTENT_LENGTH },
	{ "content_length_too_large_datagram", REG "Content-Length: 10\r\n\r\nshort", 0, BAD,
	  sizeof(REG "Content-Length: ") - 1, 0, 0 },
	{ "content_length_too_large_lenient", REG "Content-Length: 10\r\n\r\nshort", L, OK, -1, -1,
	  SIP_REPAIR_SHORT_BODY },
	{ "content_length_negative", REG "Content-Length: -999\r\n\r\n", 0, BAD,
	  sizeof(REG "Content-Length: ") - 1, 0, 0 },
	{ "content_length_not_a_number", REG "Content-Length: 1x\r\n\r\n", 0, BAD,
	  sizeof(REG "Content-Length: 1") - 1, 0, 0 },
	{ "content_length_overflow", REG "Content-Length: 99999999999\r\n\r\n", 0, BAD,
	  sizeof(REG "Content-Length: ") - 1, 0, 0 },
	{ "content_length_two_values_disagree", REG "Content-Length: 13\r\nl: 5\r\n\r\nabcde", 0, BAD,
	  sizeof(REG "Content-Length: 13\r\nl: ") - 1, 0, 0 },
	{ "content_length_two_values_agree", REG "Content-Length: 5\r\nl: 5\r\n\r\nabcde", 0, OK, -1,
	  -1, 0 },
	{ "folding_kept_in_value", REG "Subject: a\r\n  b\r\n\tc\r\n" CL0 "\r\n", S, OK, -1, -1, 0 },
	{ "hcolon_with_space_before_colon", REG "Via  : SIP/2.0/UDP h\r\n\r\n", 0, OK, -1, -1, 0 },
	{ "empty_value", REG "Subject:\r\n\r\n", 0, OK, -1, -1, 0 },
	{ "value_starts_on_folded_line", REG "Subject:\r\n   folded\r\n\r\n", 0, OK, -1, -1, 0 },
	{ "stream_leading_crlf_ignored", "\r\n\r\n" REG CL0 "\r\n", S, OK, -1, -1, 0 },
	/* RFC 4475 §3.1.2.9 lwsstart, §3.1.2.10 trws, §3.1.2.8 lwsruri, §3.1.2.7 ltgtruri */
	{ "request_line_double_sp_after_method", "INVITE  sip:a@b SIP/2.0\r\n\r\n", 0, BAD, 7, 0, 0 },
	{ "request_line_double_sp_before_version", "INVITE sip:a@b  SIP/2.0\r\n\r\n", 0, BAD, 15, 0, 0 },
	{ "request_line_trailing_sp", "INVITE sip:a@b SIP/2.0  \r\n\r\n", 0, BAD, 22, 0, 0 },
	{ "request_uri_with_lws", "INVITE sip:a@b; lr SIP/2.0\r\n\r\n", 0, BAD, 15, 0, 0 },
	{ "request_uri_in_angle_brackets", "INVITE <sip:a@b> SIP/2.0\r\n\r\n", 0, BAD, 7, 0, 0 },
	/* RFC 4475 §3.1.2.16 badvers, §3.1.2.19 bigcode, test.dat */
	{ "version_7_0", "OPTIONS sip:a@b SIP/7.0\r\n\r\n", 0, BAD, 16, 0, 0 },
	{ "version_garbage", "OPTIONS sip:a@b HTTP/1.1\r\n\r\n", 0, BAD, 16, 0, 0 },
	{ "version_missing", "INVITE sip:alan@jasomi.com\r\n\r\n", 0, BAD, 26, 0, 0 },
	{ "status_code_too_long", "SIP/2.0 4294967301 no\r\n\r\n", 0, BAD, 8, 0, 0 },
	{ "status_code_700", "SIP/2.0 700 no\r\n\r\n", 0, BAD, 8, 0, 0 },
	{ "status_code_two_digits", "SIP/2.0 20 OK\r\n\r\n", 0, BAD, 8, 0, 0 },
	{ "status_version_bad", "SIP/3 200 OK\r\n\r\n", 0, BAD, 0, 0, 0 },
	{ "method_missing", " sip:a@b SIP/2.0\r\n\r\n", 0, BAD, 0, 0, 0 },
	{ "method_not_token", "REG@ sip:a@b SIP/2.0\r\n\r\n", 0, BAD, 3, 0, 0 },
	{ "header_without_colon", REG "Via SIP/2.0/UDP h\r\n\r\n", 0, BAD, sizeof(REG "Via ") - 1, 0, 0 },
	{ "header_name_not_token", REG "V@a: x\r\n\r\n", 0, BAD, sizeof(REG "V") - 1, 0, 0 },
	{ "header_line_starts_with_colon", REG ": x\r\n\r\n", 0, BAD, sizeof(REG) - 1, 0, 0 },
	{ "folding_after_start_line", REG " x\r\n\r\n", 0, BAD, sizeof(REG) - 1, 0, 0 },
	{ "bare_lf_strict", "REGISTER sip:a SIP/2.0\nVia: x\n\n", 0, BAD, 22, 0, 0 },
	{ "bare_lf_in_header_strict", REG "Via: x\n\r\n", 0, BAD, sizeof(REG "Via: x") - 1, 0, 0 },
	{ "bare_lf_lenient", "REGISTER sip:a SIP/2.0\nVia: x\n\n", L, OK, -1, -1, SIP_REPAIR_BARE_LF },
	{ "cr_without_lf_as_empty_line", REG "\rX", 0, BAD, sizeof(REG) - 1, 0, 0 },
	{ "no_empty_line_strict_is_incomplete", REG VIA, 0, AGAIN, -1, 0, 0 },
	{ "no_empty_line_lenient", REG VIA, L, OK, -1, -1, SIP_REPAIR_NO_EMPTY_LINE },
	{ "no_line_end_lenient", REG "Via: x", L, OK, -1, -1, SIP_REPAIR_NO_EMPTY_LINE },
	{ "no_empty_line_stream_lenient_waits", REG VIA, S | L, AGAIN, -1, 0, 0 },
	{ "empty_input", "", 0, AGAIN, -1, 0, 0 },
};

static const char *verdict_name(enum verdict v)
{
	static const char *names[] = { "OK", "AGAIN", "BAD", "TOOBIG" };
	return names[v];
}

static enum verdict verdict_of(int rc)
{
	if (rc >= 0)
		return OK;
	if (rc == -EAGAIN)
		return AGAIN;
	if (rc == -EMSGSIZE)
		return TOOBIG;
	return BAD;
}

static void run_case(const struct parse_case *c)
{
	size_t len = strlen(c->in);
	char *g = check_guard_copy(c->in, len);
	struct sip_hdr hdrs[32];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 32);
	int rc = sip_msg_parse(&msg, g, len, c->flags, &err);
	if (verdict_of(rc) != c->verdict) {
		check_failed++;
		fprintf(stderr, "%s: verdict %s (rc %d, %s at %zu), want %s\n", c->name,
			verdict_name(verdict_of(rc)), rc, rc == -EBADMSG ? err.reason : "",
			rc == -EBADMSG ? err.offset : 0, verdict_name(c->verdict));
	} else {
		check_passed++;
	}
	if (c->verdict == BAD && rc == -EBADMSG) {
		CHECK(err.reason != NULL);
		CHECK_INT_EQ(err.code, -EBADMSG);
		if (c->err_offset >= 0 && (long)err.offset != c->err_offset)
			fprintf(stderr, "%s: error offset %zu (%s), want %ld\n", c->name, err.offset,
				err.reason, c->err_offset);
		CHECK(c->err_offset < 0 || (long)err.offset == c->err_offset);
		CHECK(err.at == g + err.offset);
	}
	if (c->verdict == OK && rc >= 0) {
		CHECK_INT_EQ(rc, c->consumed >= 0 ? c->consumed : (long)len);
		CHECK_INT_EQ(msg.len, (size_t)rc);
		CHECK_INT_EQ(msg.repairs, c->repairs);
		CHECK(msg.head_len <= msg.len);
		CHECK(msg.body.ptr == g + msg.head_len);
	}
	/* Every truncation: a message that parses whole on a stream must say
	 * "need more" before its end, and nothing may read past the end. */
	bool stream_whole = (c->flags & SIP_PARSE_LENIENT) == 0 &&
			    sip_msg_parse(&msg, g, len, c->flags | SIP_PARSE_STREAM, &err) == (int)len;
	for (size_t k = 0; k < len; k++) {
		char *t = check_guard_copy(c->in, k);
		int r = sip_msg_parse(&msg, t, k, c->flags | SIP_PARSE_STREAM, &err);
		if (stream_whole && r != -EAGAIN) {
			check_failed++;
			fprintf(stderr, "%s: truncated at %zu: rc %d, want -EAGAIN\n", c->name, k, r);
		}
		(void)sip_msg_parse(&msg, t, k, c->flags & ~(unsigned)SIP_PARSE_STREAM, &err);
		(void)sip_msg_parse(&msg, t, k, SIP_PARSE_LENIENT, &err);
		check_guard_free(t, k);
	}
	check_guard_free(g, len);
}

static void test_parse_table(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		run_case(&cases[i]);
}

static void test_request_fields_and_header_chain(void)
{
	static const char in[] = "REGISTER sip:ims.example.net SIP/2.0\r\n"
				 "v: SIP/2.0/UDP a;branch=z9hG4bK1\r\n"
				 "Max-Forwards: 70\r\n"
				 "VIA:SIP/2.0/TCP b;branch=z9hG4bK2  \r\n"
				 "X-Odd : \t kept as is \r\n"
				 "Contact: <sip:a@b>,\r\n <sip:c@d>\r\n"
				 "via: SIP/2.0/UDP c\r\n"
				 "l: 0\r\n"
				 "\r\n";
	struct sip_hdr hdrs[16];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 16);
	int rc = sip_msg_parse(&msg, in, sizeof in - 1, 0, &err);
	CHECK_INT_EQ(rc, sizeof in - 1);
	CHECK(msg.is_request);
	CHECK_SLICE_EQ(msg.method, "REGISTER");
	CHECK_INT_EQ(msg.method_id, SIP_METHOD_REGISTER);
	CHECK_SLICE_EQ(msg.ruri, "sip:ims.example.net");
	CHECK_SLICE_EQ(msg.version, "SIP/2.0");
	CHECK_SLICE_EQ(msg.start_line, "REGISTER sip:ims.example.net SIP/2.0");
	CHECK_INT_EQ(msg.nhdrs, 7);
	CHECK_INT_EQ(sip_hdr_count(&msg, SIP_HDR_VIA), 3);
	const struct sip_hdr *h = sip_hdr_first(&msg, SIP_HDR_VIA);
	CHECK_SLICE_EQ(h->name, "v");
	CHECK_SLICE_EQ(h->value, "SIP/2.0/UDP a;branch=z9hG4bK1");
	CHECK_INT_EQ(h->offset, 38);
	h = sip_hdr_next(&msg, h);
	CHECK_SLICE_EQ(h->value, "SIP/2.0/TCP b;branch=z9hG4bK2");
	h = sip_hdr_next(&msg, h);
	CHECK_SLICE_EQ(h->name, "via");
	CHECK(sip_hdr_next(&msg, h) == NULL);
	h = sip_hdr_first(&msg, SIP_HDR_OTHER);
	CHECK_SLICE_EQ(h->name, "X-Odd");
	CHECK_SLICE_EQ(h->value, "kept as is");
	h = sip_hdr_first(&msg, SIP_HDR_CONTACT);
	CHECK_SLICE_EQ(h->value, "<sip:a@b>,\r\n <sip:c@d>");
	CHECK(sip_hdr_first(&msg, SIP_HDR_CALL_ID) == NULL);
	CHECK_INT_EQ(sip_hdr_count(&msg, SIP_HDR_CALL_ID), 0);
	CHECK(msg.has_content_length);
	CHECK_INT_EQ(msg.content_length, 0);
	CHECK_INT_EQ(msg.body.len, 0);
}

/* A CR that is not half of a CR LF stays in the value, in the fast path
 * (a line of its own) and the careful loop (after a fold): RFC 3261 has none
 * there, and a peer that ends a line at a CR reads "70\r\r\n" as the end
 * of the head. The CR LF of a fold and LWS are trimmed as before. */
static void test_value_keeps_a_cr_without_its_lf(void)
{
	static const struct {
		const char *line;
		const char *value;
	} rows[] = {
		{ "Max-Forwards: 70\r\r\n", "70\r" },
		{ "Max-Forwards:\r70\r\n", "\r70" },
		{ "Max-Forwards: 70 \r \r\n", "70 \r" },
		{ "Max-Forwards: 70\r\n \r\r\n", "70\r\n \r" },
		{ "Max-Forwards: 70\r\n \r\n", "70" },
		{ "Max-Forwards:\r\n 70 \t\r\n", "70" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char in[256];
		int n = snprintf(in, sizeof in, "OPTIONS sip:a@b SIP/2.0\r\n%sl: 0\r\n\r\n", rows[i].line);
		struct sip_hdr hdrs[8];
		struct sip_msg msg;
		struct sip_parse_error err;
		for (unsigned careful = 0; careful < 2; careful++) {
			sip_msg_init(&msg, hdrs, 8);
			CHECK_INT_EQ(sip_msg_parse(&msg, in, (size_t)n, careful ? SIP_PARSE__CAREFUL : 0, &err), n);
			const struct sip_hdr *h = sip_hdr_first(&msg, SIP_HDR_MAX_FORWARDS);
			CHECK(h != NULL);
			if (h)
				CHECK_SLICE_EQ(h->value, rows[i].value);
		}
		bool clean = strcmp(rows[i].value, "70") == 0;
		CHECK_INT_EQ(sip_msg_check(&msg, &err) == 0, clean);
	}
}

static void test_response_fields(void)
{
	static const char in[] = "SIP/2.0 401 Unauthorized \xd0\xbd\r\nl: 3\r\n\r\nabc";
	struct sip_hdr hdrs[4];
	struct sip_msg msg;
	sip_msg_init(&msg, hdrs, 4);
	CHECK_INT_EQ(sip_msg_parse(&msg, in, sizeof in - 1, SIP_PARSE_STREAM, NULL), sizeof in - 1);
	CHECK(!msg.is_request);
	CHECK_INT_EQ(msg.status, 401);
	CHECK_SLICE_EQ(msg.reason, "Unauthorized \xd0\xbd");
	CHECK_SLICE_EQ(msg.body, "abc");
	CHECK(msg.method.ptr == NULL);
}

static void test_parse_rejects_more_headers_than_array(void)
{
	static const char in[] = REG "a: 1\r\nb: 2\r\nc: 3\r\n\r\n";
	struct sip_hdr hdrs[2];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 2);
	CHECK_INT_EQ(sip_msg_parse(&msg, in, sizeof in - 1, 0, &err), -EMSGSIZE);
	CHECK_INT_EQ(err.code, -EMSGSIZE);
	CHECK_INT_EQ(err.offset, sizeof(REG "a: 1\r\nb: 2\r\n") - 1);
}

static void test_error_names_header_and_locate(void)
{
	static const char in[] = REG "Content-Length: -1\r\n\r\n";
	struct sip_hdr hdrs[4];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 4);
	CHECK_INT_EQ(sip_msg_parse(&msg, in, sizeof in - 1, 0, &err), -EBADMSG);
	CHECK_INT_EQ(err.hdr, SIP_HDR_CONTENT_LENGTH);
	err.offset = 0;
	sip_error_locate(&err, in, sizeof in - 1);
	CHECK_INT_EQ(err.offset, sizeof(REG "Content-Length: ") - 1);
}

static void test_parse_the_message_after_a_stream_message(void)
{
	static const char in[] = REG "l: 2\r\n\r\nab" "SIP/2.0 200 OK\r\nl: 0\r\n\r\n";
	struct sip_hdr hdrs[4];
	struct sip_msg msg;
	sip_msg_init(&msg, hdrs, 4);
	int rc = sip_msg_parse(&msg, in, sizeof in - 1, SIP_PARSE_STREAM, NULL);
	CHECK_INT_EQ(rc, sizeof(REG "l: 2\r\n\r\nab") - 1);
	rc = sip_msg_parse(&msg, in + rc, sizeof in - 1 - (size_t)rc, SIP_PARSE_STREAM, NULL);
	CHECK_INT_EQ(rc, sizeof("SIP/2.0 200 OK\r\nl: 0\r\n\r\n") - 1);
	CHECK_INT_EQ(msg.status, 200);
}

/* Header fields pasted without a start line: the fields as after one,
 * folding, the lenient repairs, the empty line and a body; no start line;
 * an error at the field's own byte; nothing at all is "need more". */
static void test_fields_without_a_start_line(void)
{
	static const char in[] = "Authorization: Digest username=\"a@b\",\r\n realm=\"b\"\r\n"
				 "k: path\r\nSupported: sec-agree\r\n";
	struct sip_hdr hdrs[4];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 4);
	CHECK_INT_EQ(sip_fields_parse(&msg, in, sizeof in - 1, SIP_PARSE_LENIENT, &err), sizeof in - 1);
	CHECK(sip_msg_is_fields(&msg));
	CHECK(msg.start_line.ptr == NULL && msg.method.ptr == NULL && msg.reason.ptr == NULL);
	CHECK_INT_EQ(msg.nhdrs, 3);
	CHECK_INT_EQ(msg.hdrs[0].id, SIP_HDR_AUTHORIZATION);
	CHECK_SLICE_EQ(msg.hdrs[0].value, "Digest username=\"a@b\",\r\n realm=\"b\"");
	CHECK_INT_EQ(sip_hdr_count(&msg, SIP_HDR_SUPPORTED), 2);
	CHECK(msg.repairs & SIP_REPAIR_NO_EMPTY_LINE);
	CHECK_INT_EQ(msg.body.len, 0);

	static const char bare[] = "Expires: 0\nContact: *\n\n";
	CHECK_INT_EQ(sip_fields_parse(&msg, bare, sizeof bare - 1, SIP_PARSE_LENIENT, &err), sizeof bare - 1);
	CHECK(msg.nhdrs == 2 && (msg.repairs & SIP_REPAIR_BARE_LF));
	CHECK_INT_EQ(sip_fields_parse(&msg, bare, sizeof bare - 1, 0, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, 10);

	static const char body[] = "l: 3\r\n\r\nabcde";
	CHECK_INT_EQ(sip_fields_parse(&msg, body, sizeof body - 1, 0, &err), sizeof body - 3);
	CHECK_SLICE_EQ(msg.body, "abc");
	CHECK(sip_msg_is_fields(&msg));

	static const char bad[] = "Expires: 0\r\nnot a field\r\n\r\n";
	CHECK_INT_EQ(sip_fields_parse(&msg, bad, sizeof bad - 1, SIP_PARSE_LENIENT, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, sizeof "Expires: 0\r\nnot " - 1);
	CHECK_INT_EQ(sip_fields_parse(&msg, bad, 0, SIP_PARSE_LENIENT, &err), -EAGAIN);
	CHECK_INT_EQ(sip_fields_parse(&msg, bad, 12, SIP_PARSE_STREAM, &err), -EAGAIN);

	/* an empty line first: no fields (LF alone, from a heap copy of its
	 * own size: ASan sees a read of the byte before it) */
	static const char lfs[] = "\n" VIA VIA VIA CL0 "\r\n";
	char *lf = malloc(sizeof lfs - 1);
	CHECK(lf != NULL);
	if (lf) {
		memcpy(lf, lfs, sizeof lfs - 1);
		CHECK_INT_EQ(sip_fields_parse(&msg, lf, sizeof lfs - 1, SIP_PARSE_LENIENT, &err), sizeof lfs - 1);
		CHECK(msg.nhdrs == 0 && msg.body.len == sizeof lfs - 2);
		CHECK_INT_EQ(sip_fields_parse(&msg, lf, sizeof lfs - 1, 0, &err), -EBADMSG);
		free(lf);
	}

	/* a message's start line is not a field */
	static const char msgtext[] = REG CL0 "\r\n";
	CHECK_INT_EQ(sip_fields_parse(&msg, msgtext, sizeof msgtext - 1, 0, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, sizeof "REGISTER " - 1);
}

/* The bench corpus parses in both modes, and every truncation on a stream
 * is "need more". */
static void test_bench_corpus_truncations(void)
{
	static const char *files[] = {
		"../shared/corpus/bench/a_register_basic.sip",
		"../shared/corpus/bench/d_register_secagree_compact.sip",
		"../shared/corpus/bench/i_notify_reginfo.sip",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len;
		char *data = check_read_file(files[i], &len);
		if (!data) {
			check_failed++;
			fprintf(stderr, "cannot read %s\n", files[i]);
			continue;
		}
		struct sip_hdr hdrs[64];
		struct sip_msg msg;
		sip_msg_init(&msg, hdrs, 64);
		char *g = check_guard_copy(data, len);
		CHECK_INT_EQ(sip_msg_parse(&msg, g, len, 0, NULL), len);
		CHECK_INT_EQ(sip_msg_parse(&msg, g, len, SIP_PARSE_STREAM, NULL), len);
		for (size_t k = 0; k < len; k++) {
			char *t = check_guard_copy(data, k);
			int rc = sip_msg_parse(&msg, t, k, SIP_PARSE_STREAM, NULL);
			if (rc != -EAGAIN) {
				check_failed++;
				fprintf(stderr, "%s truncated at %zu: %d\n", files[i], k, rc);
			}
			check_guard_free(t, k);
		}
		check_guard_free(g, len);
		free(data);
	}
}

/* Every known name, long and compact, upper and lower case, as the field
 * name of a line with input after it (the split's fast path) and of the
 * last line (the careful loop), and each with its last or middle byte
 * changed (unknown). */
static void test_every_known_name_identified_in_a_message(void)
{
	static char buf[4096];
	struct sip_hdr hdrs[8];
	struct sip_msg msg;
	for (int id = 1; id < SIP_HDR__COUNT; id++) {
		const char *long_name = sip_hdr_name((enum sip_hdr_id)id);
		char compact[2] = { sip_hdr_compact((enum sip_hdr_id)id), 0 };
		for (int form = 0; form < 6; form++) {
			char name[40];
			const char *src = form < 3 ? long_name : compact;
			size_t n = strlen(src);
			if (n == 0)
				continue;
			for (size_t i = 0; i <= n; i++) {
				char c = src[i];
				if (form % 3 == 1 && c >= 'A' && c <= 'Z')
					c = (char)(c - 'A' + 'a');
				if (form % 3 == 2 && c >= 'a' && c <= 'z')
					c = (char)(c - 'a' + 'A');
				name[i] = c;
			}
			for (int last = 0; last < 2; last++) {
				for (int bad = 0; bad < 3; bad++) {
					char nm[40];
					memcpy(nm, name, n + 1);
					/* a token byte in no name: at the end, in the middle */
					if (bad)
						nm[bad == 1 ? n - 1 : n / 2] = '7';
					/* Content-Length must be a number (and agree with CL0) */
					const char *val = id == SIP_HDR_CONTENT_LENGTH ? "0" : "value-of-the-field";
					int len = last ? snprintf(buf, sizeof buf, REG "%s: %s\r\n\r\n", nm, val)
						       : snprintf(buf, sizeof buf, REG "%s: %s\r\n" VIA CL0 "\r\n", nm, val);
					sip_msg_init(&msg, hdrs, 8);
					CHECK_INT_EQ(sip_msg_parse(&msg, buf, (size_t)len, 0, NULL), len);
					CHECK(msg.nhdrs >= 1);
					enum sip_hdr_id want = bad ? sip_hdr_lookup(slice_make(nm, n)) : (enum sip_hdr_id)id;
					CHECK(bad == 0 || want != (enum sip_hdr_id)id);
					CHECK_INT_EQ(hdrs[0].id, want);
					CHECK_SLICE_EQ(hdrs[0].name, nm);
					CHECK_SLICE_EQ(hdrs[0].value, val);
				}
			}
		}
	}
}

/* ---- the fast path of the header split against the careful loop ------ */

static bool slice_same(struct slice a, struct slice b)
{
	return a.ptr == b.ptr && a.len == b.len;
}

/* The id chains of a parsed message, built without them: from first[id],
 * next visits every field of id in order, then ends (last[] of the split
 * is written only for a repeat: every shape of repeat, fold and take-back
 * goes through here). */
static bool chains_ok(const struct sip_msg *m)
{
	for (int id = 0; id < SIP_HDR__COUNT; id++) {
		const struct sip_hdr *h = sip_hdr_first(m, (enum sip_hdr_id)id);
		for (uint16_t i = 0; i < m->nhdrs; i++) {
			if (m->hdrs[i].id != (enum sip_hdr_id)id)
				continue;
			if (h != &m->hdrs[i])
				return false;
			h = h->next == SIP_HDR_NONE ? NULL : &m->hdrs[h->next];
		}
		if (h != NULL)
			return false;
	}
	return true;
}

/* Parses in[0..len) from a guard-page copy with the fast path and with the
 * careful loop alone (SIP_PARSE__CAREFUL): the same verdict, error (code,
 * position, header, reason) and, on success, the same message and fields. */
static bool same_parse(const char *in, size_t len, unsigned flags, uint16_t max)
{
	char *g = check_guard_copy(in, len);
	struct sip_hdr ha[48], hb[48];
	struct sip_msg a, b;
	struct sip_parse_error ea, eb;
	sip_msg_init(&a, ha, max);
	sip_msg_init(&b, hb, max);
	int ra = sip_msg_parse(&a, g, len, flags, &ea);
	int rb = sip_msg_parse(&b, g, len, flags | SIP_PARSE__CAREFUL, &eb);
	const char *why = NULL;
	if (ra != rb)
		why = "verdict";
	else if (ra >= 0 && (!chains_ok(&a) || !chains_ok(&b)))
		why = "id chain";
	else if (ea.code != eb.code || ea.offset != eb.offset || ea.at != eb.at || ea.hdr != eb.hdr ||
		 (ea.reason != eb.reason && (!ea.reason || !eb.reason || strcmp(ea.reason, eb.reason))))
		why = "error";
	else if (ra >= 0) {
		if (a.len != b.len || a.is_request != b.is_request || !slice_same(a.method, b.method) ||
		    a.method_id != b.method_id || !slice_same(a.ruri, b.ruri) || a.status != b.status ||
		    !slice_same(a.reason, b.reason) || !slice_same(a.version, b.version) ||
		    !slice_same(a.start_line, b.start_line) || a.nhdrs != b.nhdrs ||
		    a.head_len != b.head_len || !slice_same(a.body, b.body) ||
		    a.has_content_length != b.has_content_length ||
		    a.content_length != b.content_length || a.repairs != b.repairs ||
		    a.repeat != b.repeat)
			why = "message";
		for (uint16_t i = 0; !why && i < a.nhdrs; i++)
			if (ha[i].id != hb[i].id || !slice_same(ha[i].name, hb[i].name) ||
			    !slice_same(ha[i].value, hb[i].value) || ha[i].offset != hb[i].offset ||
			    ha[i].next != hb[i].next)
				why = "field";
		for (int id = 0; !why && id < SIP_HDR__COUNT; id++)
			if (sip_hdr_first(&a, (enum sip_hdr_id)id) != NULL) {
				if (sip_hdr_first(&b, (enum sip_hdr_id)id) == NULL ||
				    sip_hdr_first(&a, (enum sip_hdr_id)id) - ha !=
					    sip_hdr_first(&b, (enum sip_hdr_id)id) - hb)
					why = "chain";
			} else if (sip_hdr_first(&b, (enum sip_hdr_id)id) != NULL) {
				why = "chain";
			}
	}
	if (why) {
		check_failed++;
		fprintf(stderr, "fast/careful differ (%s), flags %u, max %u, rc %d/%d, err %zu/%zu %s/%s: \"",
			why, flags, max, ra, rb, ea.offset, eb.offset, ea.reason ? ea.reason : "-",
			eb.reason ? eb.reason : "-");
		for (size_t i = 0; i < len; i++)
			fprintf(stderr, (unsigned char)in[i] < 32 ? "\\x%02x" : "%c", (unsigned char)in[i]);
		fprintf(stderr, "\"\n");
	} else {
		check_passed++;
	}
	check_guard_free(g, len);
	return !why;
}

/* same_parse in the four modes, with room for every field and with an
 * array that fills up. */
static void same_parse_modes(const char *in, size_t len)
{
	static const unsigned modes[] = { 0, SIP_PARSE_STREAM, SIP_PARSE_LENIENT,
					  SIP_PARSE_STREAM | SIP_PARSE_LENIENT };
	for (size_t i = 0; i < 4; i++) {
		same_parse(in, len, modes[i], 48);
		same_parse(in, len, modes[i], 3);
	}
}

static void same_parse_every_prefix(const char *in, size_t len)
{
	for (size_t k = 0; k <= len; k++)
		same_parse_modes(in, k);
}

/* One field line of every length: its CR and LF at every place in and
 * across the 64-byte blocks, then lines that are folded, end in a bare LF,
 * have a CR alone, an unknown name, white space before the ':' or none,
 * at every place too. */
static void test_fast_path_line_at_every_block_offset(void)
{
	static const char *const second[] = {
		"To: <sip:b@c>\r\n",
		" folded\r\n",
		"\tfolded\r\n",
		"Via: x\n",
		"X-Unknown-Name: y\r\n",
		"Via : y\r\n",
		"Via y\r\n",
		"Content-Length: 0\r\n",
		"l: 0\r\n",
		"Call-ID: a\rb\r\n",
		"A-Name-Of-Thirty-Two-Bytes-Long: z\r\n",
		"P-Charging-Function-Addresses: ccf=x\r\n",
		"\r\n",
		"",
	};
	static char buf[1024];
	for (size_t v = 0; v < 200; v++) {
		for (size_t s = 0; s < sizeof second / sizeof second[0]; s++) {
			int len = snprintf(buf, sizeof buf, REG "Via: %.*s\r\n%sFrom: <sip:a@b>\r\n\r\n", (int)v,
					   "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1;rport;received=192.0.2.1;"
					   "alias;x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
					   "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
					   "cccccccccccccccccccccccc",
					   second[s]);
			if (v % 29 == 0)
				same_parse_every_prefix(buf, (size_t)len);
			else
				same_parse_modes(buf, (size_t)len);
			/* the same at the end of the input, with no empty line */
			len = snprintf(buf, sizeof buf, REG "Subject: %.*s\r\n%s", (int)v,
				       "                                                                "
				       "a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7"
				       "8 9 a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4",
				       second[s]);
			same_parse_modes(buf, (size_t)len);
		}
	}
}

/* Messages of random lines (known names in any case, compact forms,
 * unknown names, odd white space, folding, bare LF and CR, Content-Length
 * right and wrong): the fast path agrees with the careful loop, in every
 * mode and at every truncation for some of them. */
static void test_fast_path_random_messages(void)
{
	static const char *const lines[] = {
		"Via: SIP/2.0/UDP 10.45.0.2:5060;branch=z9hG4bK-524287-1---a1b2c3d4e5f60001;rport\r\n",
		"v: SIP/2.0/TCP [2001:db8::1]:5060;branch=z9hG4bK2\r\n",
		"VIA:SIP/2.0/UDP a\r\n",
		"Max-Forwards: 70\r\n",
		"From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=a73kszlfl\r\n",
		"to: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>\r\n",
		"Call-ID: 1j9FpLxk3uxtm8tn@10.45.0.2\r\n",
		"CSeq: 1 REGISTER\r\n",
		"Contact: <sip:a@10.45.0.2:5060>;expires=600000;+sip.instance=\"<urn:gsma:imei:1>\"\r\n",
		"P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01\r\n",
		"P-Charging-Function-Addresses: ccf=192.0.2.10\r\n",
		"p-visited-network-id: \"Visited\"\r\n",
		"Authorization: Digest username=\"001010000000001@ims.mnc001.mcc001.3gppnetwork.org\","
		"realm=\"ims.mnc001.mcc001.3gppnetwork.org\",uri=\"sip:ims.mnc001.mcc001.3gppnetwork.org\","
		"nonce=\"\",response=\"\"\r\n",
		"Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=3;port-s=4\r\n",
		"Supported: path, gruu\r\n",
		"k: path\r\n",
		"X-Odd : \t kept as is \r\n",
		"X-Unknown: value\r\n",
		"X-Name-Longer-Than-Thirty-One-Bytes-Here: v\r\n",
		"Subject:\r\n",
		"Subject: \r\n",
		"Subject:  two leading spaces\r\n",
		"Subject:\ttab\r\n",
		"Subject: trailing \t \r\n",
		"Subject: a\r\n  b\r\n\tc\r\n",
		"Subject:\r\n folded start\r\n",
		"Date: Sat, 13 Nov 2010 23:29:00 GMT\r\n",
		"Via: bare lf\n",
		"Via: cr\rinside\r\n",
		"Via SIP/2.0/UDP no colon\r\n",
		": no name\r\n",
		" starts with space\r\n",
		"V@a: not a token\r\n",
		"Content-Length: 0\r\n",
		"l: 0\r\n",
		"Content-Length: 4\r\n",
		"Content-Length: 1\r\n 2\r\n",
		"Content-Length: x\r\n",
		"Expires: 600000\r\n",
		"Route: <sip:pcscf.ims.mnc001.mcc001.3gppnetwork.org:5060;lr>\r\n",
		"\xc3\xa4: eight bit name\r\n",
		"Require: sec-agree\r\n",
		"Via: SIP/2.0/UDP folded\r\n ;rport\r\n",
		"l: 0\r\n\t\r\n",
	};
	static const char *const heads[] = {
		"REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n",
		"SIP/2.0 200 OK\r\n",
		"OPTIONS sip:a SIP/2.0\n",
		"\r\nINVITE sip:a@b SIP/2.0\r\n",
	};
	static const char *const tails[] = { "\r\n", "\r\nbody", "\n", "", "\r\nabcd", "\r" };
	static char buf[8192];
	uint32_t seed = 12345;
	for (int t = 0; t < 3000; t++) {
		size_t len = 0;
		seed = seed * 1103515245u + 12345u;
		const char *h = heads[(seed >> 16) % 4];
		memcpy(buf, h, strlen(h));
		len += strlen(h);
		seed = seed * 1103515245u + 12345u;
		int nlines = (int)((seed >> 16) % 24);
		for (int i = 0; i < nlines; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = seed >> 16;
			/* mostly well-formed lines, now and then an odd one */
			const char *l = lines[(r % 8 == 0) ? (r >> 3) % (sizeof lines / sizeof lines[0])
							   : (r >> 3) % 16];
			size_t ll = strlen(l);
			if (len + ll + 16 > sizeof buf)
				break;
			memcpy(buf + len, l, ll);
			len += ll;
		}
		seed = seed * 1103515245u + 12345u;
		const char *tl = tails[(seed >> 16) % 6];
		memcpy(buf + len, tl, strlen(tl));
		len += strlen(tl);
		if (t % 100 == 0)
			same_parse_every_prefix(buf, len);
		else
			same_parse_modes(buf, len);
	}
}

/* Short messages (less than one 64-byte block: the careful loop alone) and
 * the shortest that take the fast path. */
static void test_fast_path_short_messages(void)
{
	static const char *const msgs[] = {
		"SIP/2.0 200 OK\r\nl: 0\r\n\r\n",
		"SIP/2.0 200 OK\r\nVia: a\r\nTo: b\r\nl: 0\r\n\r\n",
		"SIP/2.0 200 OK\r\nVia: a\r\n b\r\nTo: b\r\nContent-Length: 0\r\n\r\n",
		"SIP/2.0 200 OK\r\nVia: a\r\nTo: b\r\nFrom: c\r\nContent-Length: 0\r\n\r\n",
		"SIP/2.0 200 OK\r\nVia: a\r\nTo: b\r\nFrom: c\r\nCall-ID: d\r\nContent-Length: 0\r\n\r\n",
		"SIP/2.0 200 OK\nVia: a\nTo: b\nFrom: c\nCall-ID: d\nCSeq: 1 A\nContent-Length: 0\n\n",
	};
	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
		same_parse_every_prefix(msgs[i], strlen(msgs[i]));
}

/* A fold right after a field the fast path took is taken back, also when
 * the header array is full or the input ends at the fold. */
static void test_fast_path_fold_after_taken_field(void)
{
	static const char in[] = "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n"
				 "Via: SIP/2.0/UDP 10.45.0.2:5060;branch=z9hG4bK-1\r\n"
				 "Subject: first line\r\n"
				 "  second line\r\n"
				 "Contact: <sip:a@b>\r\n"
				 "\t<sip:c@d>\r\n"
				 "Content-Length: 0\r\n"
				 "\r\n";
	struct sip_hdr hdrs[8];
	struct sip_msg msg;
	sip_msg_init(&msg, hdrs, 8);
	CHECK_INT_EQ(sip_msg_parse(&msg, in, sizeof in - 1, 0, NULL), sizeof in - 1);
	CHECK_INT_EQ(msg.nhdrs, 4);
	CHECK_SLICE_EQ(hdrs[1].value, "first line\r\n  second line");
	CHECK_SLICE_EQ(hdrs[2].value, "<sip:a@b>\r\n\t<sip:c@d>");
	CHECK(sip_hdr_first(&msg, SIP_HDR_SUBJECT) == &hdrs[1]);
	CHECK(hdrs[1].next == SIP_HDR_NONE);
	for (uint16_t max = 1; max <= 5; max++)
		same_parse_modes(in, sizeof in - 1), same_parse(in, sizeof in - 1, 0, max);
	same_parse_every_prefix(in, sizeof in - 1);
}

/* Start lines, good and bad, with the fast path and with the careful
 * functions alone, at every truncation. */
static void test_fast_path_start_lines(void)
{
	static const char *const heads[] = {
		"REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n",
		"REGISTER sip:a SIP/2.0\r\n",
		"REGISTER sip:a sip/2.0\r\n",
		"REGISTER sip:a SiP/2.0\r\n",
		"REGISTER sip:a SIP/2.1\r\n",
		"REGISTER sip:a SIP/2.0 \r\n",
		"REGISTER sip:a  SIP/2.0\r\n",
		"REGISTER  sip:a SIP/2.0\r\n",
		"REGISTER\tsip:a SIP/2.0\r\n",
		"REGISTER <sip:a> SIP/2.0\r\n",
		"REGISTER sip:a;x= y SIP/2.0\r\n",
		"REGISTER sip:a SIP/2.0x\r\n",
		"REGISTER sip:a XIP/2.0\r\n",
		"A-Very-Long-Method-Name-Here sip:a SIP/2.0\r\n",
		"INVITE sip:a@b SIP/2.0\r\n",
		"R sip:a SIP/2.0\r\n",
		"register sip:a SIP/2.0\r\n",
		"REG@ sip:a SIP/2.0\r\n",
		" REGISTER sip:a SIP/2.0\r\n",
		"REGISTER sip:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa SIP/2.0\r\n",
		"SIP/2.0 200 OK\r\n",
		"sip/2.0 200 OK\r\n",
		"SIP/2.0 200 \r\n",
		"SIP/2.0 200\r\n",
		"SIP/2.0 100 Trying\r\n",
		"SIP/2.0 699 x\r\n",
		"SIP/2.0 700 x\r\n",
		"SIP/2.0 099 x\r\n",
		"SIP/2.0 20 OK\r\n",
		"SIP/2.0 2000 OK\r\n",
		"SIP/2.0 2a0 OK\r\n",
		"SIP/2.0\t200 OK\r\n",
		"SIP/2.0  200 OK\r\n",
		"SIP/2.0 200\tOK\r\n",
		"SIP/2.1 200 OK\r\n",
		"SIP/2.0 401 Unauthorized \xd0\xbd\r\n",
		"SIPS/2.0 200 OK\r\n",
	};
	static char buf[512];
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		int len = snprintf(buf, sizeof buf, "%s%s", heads[i],
				   "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nl: 0\r\n\r\n");
		same_parse_every_prefix(buf, (size_t)len);
		len = snprintf(buf, sizeof buf, "%s", heads[i]);
		same_parse_every_prefix(buf, (size_t)len);
	}
}

/* The start line from the first 64-byte block (msg_parse_fast): every
 * shape of test_fast_path_start_lines and more methods, in messages long
 * enough for it, with the start line at every length around the block
 * end (63, 64, 65: then the fast start line or the careful one). */
static void test_fast_path_start_line_in_first_block(void)
{
	static const char *const heads[] = {
		"REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\n",
		"REGISTER sip:a SIP/2.0\r\n",
		"REGISTER sip:a sip/2.0\r\n",
		"REGISTER sip:a SIP/2.1\r\n",
		"REGISTER sip:a SIP/2.0 \r\n",
		"REGISTER sip:a  SIP/2.0\r\n",
		"REGISTER  sip:a SIP/2.0\r\n",
		"REGISTER\tsip:a SIP/2.0\r\n",
		"REGISTER <sip:a> SIP/2.0\r\n",
		"REGISTER \tsip:a SIP/2.0\r\n",
		"REGISTER sip:a;x= y SIP/2.0\r\n",
		"REGISTER sip:a\tb SIP/2.0\r\n",
		"REGISTER sip:a SIP/2.0x\r\n",
		"REGISTER sip:a XIP/2.0\r\n",
		"REGISTER sip:a SIP/2.0\n",
		"REGISTER\r\n",
		"REGISTER \r\n",
		"REGISTER sip:a\r\n",
		"REGISTER sip:a \r\n",
		"REGISTEr sip:a SIP/2.0\r\n",
		"REGISTERS sip:a SIP/2.0\r\n",
		"INVITE sip:a@b SIP/2.0\r\n",
		"ACK sip:a@b SIP/2.0\r\n",
		"BYE sip:a@b SIP/2.0\r\n",
		"CANCEL sip:a@b SIP/2.0\r\n",
		"OPTIONS sip:a@b SIP/2.0\r\n",
		"SUBSCRIBE sip:a@b SIP/2.0\r\n",
		"NOTIFY sip:a@b SIP/2.0\r\n",
		"MESSAGE sip:a@b SIP/2.0\r\n",
		"PRACK sip:a@b SIP/2.0\r\n",
		"UPDATE sip:a@b SIP/2.0\r\n",
		"REFER sip:a@b SIP/2.0\r\n",
		"INFO sip:a@b SIP/2.0\r\n",
		"PUBLISH sip:a@b SIP/2.0\r\n",
		"FOO-BAR.baz! sip:a SIP/2.0\r\n",
		"A-Very-Long-Method sip:a SIP/2.0\r\n",
		"R sip:a SIP/2.0\r\n",
		"register sip:a SIP/2.0\r\n",
		"REG@ sip:a SIP/2.0\r\n",
		"RE\x80G sip:a SIP/2.0\r\n",
		" REGISTER sip:a SIP/2.0\r\n",
		"\r\n",
		"SIP/2.0 200 OK\r\n",
		"sip/2.0 200 OK\r\n",
		"SIP/2.0 200 \r\n",
		"SIP/2.0 200\r\n",
		"SIP/2.0 699 x\r\n",
		"SIP/2.0 700 x\r\n",
		"SIP/2.0 099 x\r\n",
		"SIP/2.0 2000 OK\r\n",
		"SIP/2.0 2a0 OK\r\n",
		"SIP/2.0\t200 OK\r\n",
		"SIP/2.0  200 OK\r\n",
		"SIP/2.1 200 OK\r\n",
		"SIP/2.0 401 Unauthorized \xd0\xbd\r\n",
		"SIPS/2.0 200 OK\r\n",
	};
	static const char tail[] = "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\n"
				   "Subject: a line to make the message longer than one block\r\n"
				   "l: 0\r\n\r\n";
	static char buf[512];
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
		int len = snprintf(buf, sizeof buf, "%s%s", heads[i], tail);
		same_parse_every_prefix(buf, (size_t)len);
	}
	/* a Request-URI and a reason phrase of every length: the start line
	 * ends before, at and after the end of the first block */
	for (int k = 0; k < 90; k++) {
		int len = snprintf(buf, sizeof buf, "NOTIFY sip:%.*s SIP/2.0\r\n%s", k,
				   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
				   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
				   tail);
		same_parse_modes(buf, (size_t)len);
		len = snprintf(buf, sizeof buf, "SIP/2.0 200 %.*s\r\n%s", k,
			       "O K O K O K O K O K O K O K O K O K O K O K O K O K O K O K O K O K O K O K O K O K O K",
			       tail);
		same_parse_modes(buf, (size_t)len);
		len = snprintf(buf, sizeof buf, "REGISTER sip:%.*s SIP/2.0\r\n\r\n%.*s", k,
			       "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
			       "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
			       70, "body body body body body body body body body body body body body body body");
		same_parse_modes(buf, (size_t)len);
	}
}

/* The lines near the end of the input, where the '\n' mask keeps only
 * the lines that start 16 bytes before it: the last fields, the empty
 * line and a body of every length, and the end of the head at every
 * place of the last blocks. */
static void test_fast_path_lines_near_the_end(void)
{
	static const char *const lasts[] = {
		"l: 0\r\n",
		"Content-Length: 0\r\n",
		"l: 5\r\n",
		"a: b\r\n",
		"X: \r\n",
		"l: 0\r\n l: 0\r\n",
		"l: 0\r\n\tx\r\n",
		"l: x\r\n",
		"l:0\r\n",
		"l :0\r\n",
		"l: 0\n",
		"l: 0\r\r\n",
		"a\r\n",
		":\r\n",
		"v: a:b\r\nt: c\r\n",
		"Max-Forwards: 70\r\nl: 0\r\n",
		"",
	};
	static char buf[1024];
	for (size_t pad = 0; pad < 140; pad++) {
		for (size_t i = 0; i < sizeof lasts / sizeof lasts[0]; i++) {
			for (size_t body = 0; body < 24; body += 5) {
				int len = snprintf(buf, sizeof buf, REG "Subject: %.*s\r\n%s\r\n%.*s", (int)pad,
						   "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
						   "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
						   lasts[i], (int)body, "0123456789abcdefghijklmnopqrstuvwxyz");
				same_parse_modes(buf, (size_t)len);
			}
		}
	}
}

/* Fields without an id are found by name, in order and in any case,
 * along their chain: a known field of the same letters is not one. */
static void test_next_named_walks_the_fields_without_an_id(void)
{
	static const char text[] = "OPTIONS sip:a@b SIP/2.0\r\nX-A: 1\r\nFeature-Caps: *;+sip.audio\r\n"
				   "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nfeature-caps: *\r\n"
				   "X-B: 2\r\nFEATURE-CAPS: *;+g.3gpp.anbr\r\n\r\n";
	struct sip_hdr hdrs[16];
	struct sip_msg m;
	struct sip_parse_error err;
	sip_msg_init(&m, hdrs, 16);
	CHECK(sip_msg_parse(&m, text, sizeof text - 1, 0, &err) > 0);
	const char *want[] = { "*;+sip.audio", "*", "*;+g.3gpp.anbr" };
	const struct sip_hdr *h = NULL;
	for (size_t i = 0; i < 3; i++) {
		h = sip_hdr_next_named(&m, h, "Feature-Caps");
		CHECK(h != NULL);
		if (!h)
			return;
		CHECK_SLICE_EQ(h->value, want[i]);
	}
	CHECK(sip_hdr_next_named(&m, h, "Feature-Caps") == NULL);
	h = sip_hdr_next_named(&m, NULL, "x-b");
	CHECK(h != NULL && h->value.len == 1 && h->value.ptr[0] == '2');
	CHECK(sip_hdr_next_named(&m, NULL, "Via") == NULL);
	CHECK(sip_hdr_next_named(&m, NULL, "X-C") == NULL);
	/* no fields at all */
	static const char bare[] = "OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n";
	sip_msg_init(&m, hdrs, 16);
	CHECK(sip_msg_parse(&m, bare, sizeof bare - 1, 0, &err) > 0);
	CHECK(sip_hdr_next_named(&m, NULL, "X-A") == NULL);
}

int main(void)
{
	test_next_named_walks_the_fields_without_an_id();
	test_parse_table();
	test_request_fields_and_header_chain();
	test_response_fields();
	test_value_keeps_a_cr_without_its_lf();
	test_parse_rejects_more_headers_than_array();
	test_error_names_header_and_locate();
	test_parse_the_message_after_a_stream_message();
	test_bench_corpus_truncations();
	test_every_known_name_identified_in_a_message();
	test_fast_path_line_at_every_block_offset();
	test_fast_path_random_messages();
	test_fast_path_short_messages();
	test_fast_path_start_lines();
	test_fast_path_start_line_in_first_block();
	test_fast_path_lines_near_the_end();
	test_fast_path_fold_after_taken_field();
	test_fields_without_a_start_line();
	return check_done();
}
