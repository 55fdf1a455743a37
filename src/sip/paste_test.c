/* paste_test.c: the lenient normaliser over the seed fixtures (each becomes
 * one wire-form message with the expected headers, and positions map back
 * into the user's file), wire input passing through unchanged, several
 * messages in one input, and every allocation failure. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/paste.h>
#include "check.h"

#define SEED "../shared/fixtures/seed/"

struct seed_case {
	const char *file;
	unsigned nhdrs;            /* header fields after normalising */
	const char *check_hdr;     /* a header whose value is checked */
	const char *value_start;   /* the start of its value */
	const char *value_end;     /* the end of its value */
	unsigned list_elements;    /* elements of check_hdr as a comma list (0: not checked) */
};

static const struct seed_case seeds[] = {
	{ "ex1-basic.pasted.txt", 14, "Authorization", "Digest\r\n               username=",
	  "response=\"\"", 0 },
	{ "ex2-sms-capability.pasted.txt", 14, "Contact", "<sip:+11234567890@[2001:0:0:1::3]:5060>;",
	  "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"", 1 },
	{ "ex3-sms-volte-capability.pasted.txt", 13, "Contact", "<sip:+11234567890@[2001:0:0:1::1]:5060>;",
	  "+sip.instance=\"<urn:gsma:imei:99000493-686661-0>\"", 1 },
	{ "ex4-aka-authorization.pasted.txt", 14, "Authorization", "Digest\r\n username=",
	  "opaque=\"3c45b78d08f348459596ea2f6d316a42\"", 0 },
	{ "ex5-ipsec-sec-agree.pasted.txt", 16, "Security-Client", "ipsec-3gpp; alg=hmac-md5-96",
	  "port-s=8906", 6 },
	{ "ex6-unregister.pasted.txt", 11, "Authorization", "Digest uri=\"sip:test.3gpp.com\"",
	  "\r\n realm=\"test.3gpp.com\",nonce=\"\"", 0 },
	{ "ref-nr-minimal.pasted.txt", 9, "Contact", "<sip:alice@192.0.2.10:5060>;expires=600",
	  "expires=600", 1 },
};

static bool slice_starts(struct slice s, const char *p)
{
	size_t n = strlen(p);
	return s.len >= n && memcmp(s.ptr, p, n) == 0;
}

static bool slice_ends(struct slice s, const char *p)
{
	size_t n = strlen(p);
	return s.len >= n && memcmp(s.ptr + s.len - n, p, n) == 0;
}

static void test_seed_fixtures_normalise_to_wire_messages(void)
{
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		const struct seed_case *c = &seeds[i];
		char path[256];
		snprintf(path, sizeof path, SEED "%s", c->file);
		size_t len;
		char *in = check_read_file(path, &len);
		if (!in) {
			check_failed++;
			fprintf(stderr, "cannot read %s\n", path);
			continue;
		}
		struct paste p;
		struct sip_parse_error err;
		paste_init(&p);
		CHECK_INT_EQ(paste_normalise(&p, in, len, &err), 0);
		CHECK_INT_EQ(p.nmsgs, 1);
		CHECK(p.nrepairs > 0);
		if (p.nmsgs == 1) {
			struct sip_hdr hdrs[64];
			struct sip_msg msg;
			struct sip_parse_error perr;
			sip_msg_init(&msg, hdrs, 64);
			const char *t = p.text.ptr + p.msgs[0].offset;
			int rc = sip_msg_parse(&msg, t, p.msgs[0].len, 0, &perr);
			if (rc < 0)
				fprintf(stderr, "%s: %s at %zu\n%.*s\n", c->file, perr.reason, perr.offset,
					(int)p.msgs[0].len, t);
			CHECK_INT_EQ(rc, p.msgs[0].len);
			CHECK_INT_EQ(p.msgs[0].first_line, 1);
			CHECK_INT_EQ(msg.nhdrs, c->nhdrs);
			CHECK_SLICE_EQ(msg.method, "REGISTER");
			CHECK(msg.has_content_length && msg.content_length == 0);
			const struct sip_hdr *h = sip_hdr_first(&msg, sip_hdr_lookup(slice_cstr(c->check_hdr)));
			CHECK(h != NULL);
			if (h) {
				if (!slice_starts(h->value, c->value_start) || !slice_ends(h->value, c->value_end))
					fprintf(stderr, "%s: %s value [%.*s]\n", c->file, c->check_hdr,
						SLICE_ARG(h->value));
				CHECK(slice_starts(h->value, c->value_start));
				CHECK(slice_ends(h->value, c->value_end));
				if (c->list_elements) {
					struct sip_list it;
					struct slice item;
					unsigned k = 0;
					sip_list_init(&it, h->value);
					while (sip_list_next(&it, &item, &perr) > 0)
						k++;
					CHECK_INT_EQ(k, c->list_elements);
				}
				/* the value's first byte maps back to where it is in the file */
				unsigned line, col;
				paste_position(&p, (size_t)(h->value.ptr - p.text.ptr), &line, &col);
				unsigned l = 1, cl = 1;
				const char *want = strstr(in, c->value_start[0] == 'D' ? "Digest" : c->value_start);
				for (const char *q = in; want && q < want; q++) {
					if (*q == '\n') {
						l++;
						cl = 1;
					} else {
						cl++;
					}
				}
				CHECK(want != NULL);
				CHECK_INT_EQ(line, l);
				CHECK_INT_EQ(col, cl);
			}
		}
		paste_fini(&p);
		free(in);
	}
}

static void test_positions_map_to_input_lines(void)
{
	static const char in[] = "[ Line  1 ] REGISTER sip:a.example SIP/2.0\n"
				 "\n"
				 "[ Line  2 ] Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
				 "\n"
				 "[ Line  10] CSeq: 1 REGISTER\n";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_SLICE_EQ(buf_view(&p.text), "REGISTER sip:a.example SIP/2.0\r\n"
					  "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
					  "CSeq: 1 REGISTER\r\n\r\n");
	unsigned line, col;
	const char *cseq = strstr(p.text.ptr, "CSeq");
	paste_position(&p, (size_t)(cseq - p.text.ptr), &line, &col);
	CHECK_INT_EQ(line, 5);
	CHECK_INT_EQ(col, 13);
	paste_position(&p, (size_t)(cseq - p.text.ptr) + 3, &line, &col);
	CHECK_INT_EQ(col, 16);
	paste_position(&p, 0, &line, &col);
	CHECK_INT_EQ(line, 1);
	CHECK_INT_EQ(col, 13);
	/* the CRLF inserted after line 3 maps to the end of that line */
	const char *crlf = strstr(p.text.ptr, "z9hG4bK1\r\n") + 8;
	paste_position(&p, (size_t)(crlf - p.text.ptr), &line, &col);
	CHECK_INT_EQ(line, 3);
	CHECK_INT_EQ(col, sizeof("[ Line  2 ] Via: SIP/2.0/UDP h;branch=z9hG4bK1"));
	paste_fini(&p);
}

static void test_wire_input_passes_through_unchanged(void)
{
	static const char *files[] = {
		"../shared/corpus/rfc4475/wsinv.dat",
		"../shared/corpus/rfc4475/mpart01.dat",
		"../shared/corpus/bench/i_notify_reginfo.sip",
		"../shared/corpus/bench/g_200_register.sip",
		"../shared/corpus/rfc5118/wire/ipv6-in-sdp.dat",
	};
	static const size_t nmsgs[] = { 1, 1, 1, 1, 1 };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len;
		char *in = check_read_file(files[i], &len);
		CHECK(in != NULL);
		if (!in)
			continue;
		struct paste p;
		paste_init(&p);
		CHECK_INT_EQ(paste_normalise(&p, in, len, NULL), 0);
		CHECK_INT_EQ(p.text.len, len);
		CHECK(p.text.len == len && memcmp(p.text.ptr, in, len) == 0);
		CHECK_INT_EQ(p.nmsgs, nmsgs[i]);
		CHECK_INT_EQ(p.nrepairs, 0);
		paste_fini(&p);
		free(in);
	}
}

static void test_several_messages_lf_with_trailing_garbage(void)
{
	static const char in[] = "some log header\n"
				 "REGISTER sip:ims.example SIP/2.0\n"
				 "Call-ID: 1\n"
				 "CSeq: 1 REGISTER\n"
				 "Content-Length: 0\n"
				 "\n"
				 "SIP/2.0 401 Unauthorized\n"
				 "Call-ID: 1\n"
				 "WWW-Authenticate: Digest realm=\"x\",\n"
				 "  nonce=\"abc\"\n"
				 "REGISTER sip:ims.example SIP/2.0\n"
				 "Call-ID: 1\n"
				 "CSeq: 2 REGISTER\n"
				 "\n"
				 "SIP/2.0 200 OK\r\n"
				 "Content-Length: 4\r\n"
				 "\r\n"
				 "bodyREGISTER sip:x SIP/2.0\n"
				 "l: 0\n"
				 "\n"
				 "-- end of log --\n"
				 "   \n";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_INT_EQ(p.nmsgs, 5);
	static const unsigned first_lines[] = { 2, 7, 11, 15, 18 };
	static const int status[] = { 0, 401, 0, 200, 0 };
	for (size_t i = 0; i < p.nmsgs && i < 5; i++) {
		struct sip_hdr hdrs[16];
		struct sip_msg msg;
		struct sip_parse_error err;
		sip_msg_init(&msg, hdrs, 16);
		int rc = sip_msg_parse(&msg, p.text.ptr + p.msgs[i].offset, p.msgs[i].len, 0, &err);
		CHECK_INT_EQ(rc, p.msgs[i].len);
		CHECK_INT_EQ(p.msgs[i].first_line, first_lines[i]);
		CHECK_INT_EQ(msg.status, status[i]);
		if (i == 1) {
			const struct sip_hdr *h = sip_hdr_first(&msg, SIP_HDR_WWW_AUTHENTICATE);
			CHECK(h != NULL);
			if (h)
				CHECK_SLICE_EQ(h->value, "Digest realm=\"x\",\r\n  nonce=\"abc\"");
		}
		if (i == 3)
			CHECK_SLICE_EQ(msg.body, "body");
	}
	/* "ignored text" for the first line and the trailing one */
	unsigned ignored = 0;
	for (size_t i = 0; i < p.nrepairs; i++)
		ignored += strstr(p.repairs[i].what, "ignored") != NULL;
	CHECK(ignored >= 1);
	paste_fini(&p);
}

/* Text whose lines end with CR alone (no LF anywhere): each CR ends a line,
 * the message comes out with CRLF, the repair says so, and positions count
 * the CR-ended lines. */
static void test_cr_only_line_ends_become_crlf(void)
{
	static const char in[] = "REGISTER sip:ims.example SIP/2.0\r"
				 "Call-ID: 1\r"
				 "CSeq: 1 REGISTER\r"
				 "Content-Length: 3\r"
				 "\r"
				 "a\rbSIP/2.0 200 OK\r"
				 "Call-ID: 1\r";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_INT_EQ(p.nmsgs, 2);
	if (p.nmsgs == 2) {
		CHECK_SLICE_EQ(slice_make(p.text.ptr + p.msgs[0].offset, p.msgs[0].len),
			       "REGISTER sip:ims.example SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 REGISTER\r\n"
			       "Content-Length: 3\r\n\r\na\rb");
		CHECK_SLICE_EQ(slice_make(p.text.ptr + p.msgs[1].offset, p.msgs[1].len),
			       "SIP/2.0 200 OK\r\nCall-ID: 1\r\n\r\n");
		CHECK_INT_EQ(p.msgs[1].first_line, 7);
		unsigned line, col;
		/* "CSeq" of the first message is input line 3, column 1 */
		paste_position(&p, (size_t)(strstr(p.text.ptr, "CSeq") - p.text.ptr), &line, &col);
		CHECK_INT_EQ(line, 3);
		CHECK_INT_EQ(col, 1);
	}
	bool noted = false;
	for (size_t i = 0; i < p.nrepairs; i++)
		noted |= strcmp(p.repairs[i].what, "CR line ends changed to CRLF") == 0;
	CHECK(noted);
	paste_fini(&p);
}

/* A bare CR in text that has LF line ends is not a line end. */
static void test_bare_cr_among_lf_lines_is_not_a_line_end(void)
{
	static const char in[] = "REGISTER sip:ims.example SIP/2.0\n"
				 "Call-ID: 1\rx\n"
				 "\n";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(slice_make(p.text.ptr + p.msgs[0].offset, p.msgs[0].len),
			       "REGISTER sip:ims.example SIP/2.0\r\nCall-ID: 1\rx\r\n\r\n");
	paste_fini(&p);
}

/* A doubled paste of a message with a body: the empty line became a run of
 * blank lines, single blank lines are noise. */
static void test_doubled_paste_with_body(void)
{
	static const char in[] = "MESSAGE sip:b@example.net SIP/2.0\n\n"
				 "Call-ID: 7\n\n"
				 "Content-Type: text/plain\n\n"
				 "Content-Length: 5\n\n\n\n"
				 "hello\n\n";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	struct sip_hdr hdrs[8];
	struct sip_msg msg;
	sip_msg_init(&msg, hdrs, 8);
	CHECK_INT_EQ(sip_msg_parse(&msg, p.text.ptr, p.text.len, 0, NULL), p.text.len);
	CHECK_INT_EQ(msg.nhdrs, 3);
	CHECK_SLICE_EQ(msg.body, "hello");
	paste_fini(&p);
}

static void test_byte_order_mark_is_dropped(void)
{
	static const char in[] = "\xef\xbb\xbfREGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	CHECK_SLICE_EQ(buf_view(&p.text), "REGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n");
	unsigned line, col;
	paste_position(&p, 0, &line, &col);
	CHECK_INT_EQ(line, 1);
	CHECK_INT_EQ(col, 4);
	paste_fini(&p);
}

/* Log text after the headers is dropped with a repair, not glued into the
 * last header as folding. */
static void test_log_text_between_lines_is_dropped(void)
{
	static const char in[] = "REGISTER sip:a SIP/2.0\n"
				 "Call-ID: 1\n"
				 "Sent 123 bytes to 10.0.0.1\n"
				 "CSeq: 1 REGISTER\n";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_SLICE_EQ(buf_view(&p.text), "REGISTER sip:a SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 REGISTER\r\n\r\n");
	bool noted = false;
	for (size_t i = 0; i < p.nrepairs; i++)
		noted |= p.repairs[i].line == 3 && strstr(p.repairs[i].what, "ignored") != NULL;
	CHECK(noted);
	paste_fini(&p);
}

static void test_no_start_line_is_an_error(void)
{
	static const char in[] = "hello\nVia: x\n";
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, &err), -EBADMSG);
	CHECK(err.reason != NULL);
	CHECK_INT_EQ(paste_normalise(&p, "", 0, &err), -EBADMSG);
	paste_fini(&p);
}

static void test_every_allocation_failure_is_enomem_without_leak(void)
{
	size_t len;
	char *in = check_read_file(SEED "ex5-ipsec-sec-agree.pasted.txt", &len);
	CHECK(in != NULL);
	if (!in)
		return;
	long base = alloc_live();
	int ok = 0;
	for (long n = 0; n < 200 && !ok; n++) {
		struct paste p;
		paste_init(&p);
		alloc_fail_after(n);
		int rc = paste_normalise(&p, in, len, NULL);
		alloc_fail_after(-1);
		if (rc == 0)
			ok = 1;
		else
			CHECK_INT_EQ(rc, -ENOMEM);
		paste_fini(&p);
		CHECK_INT_EQ(alloc_live(), base);
	}
	CHECK(ok);
	free(in);
}

static void test_known_header_without_colon_is_kept_for_the_parser(void)
{
	/* A broken header is part of the message: dropping it as log text
	 * would hide the fault; the parser reports it at line 2, column 5, where
	 * the colon was expected (as it does for the same bytes in --strict). */
	static const char in[] = "REGISTER sip:a SIP/2.0\n"
				 "Via SIP/2.0/UDP x\n"
				 "Call-ID: 1\n";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_SLICE_EQ(buf_view(&p.text), "REGISTER sip:a SIP/2.0\r\nVia SIP/2.0/UDP x\r\nCall-ID: 1\r\n\r\n");
	struct sip_hdr hdrs[8];
	struct sip_msg msg;
	struct sip_parse_error err = { 0 };
	sip_msg_init(&msg, hdrs, 8);
	CHECK_INT_EQ(sip_msg_parse(&msg, p.text.ptr, p.text.len, SIP_PARSE_LENIENT, &err), -EBADMSG);
	unsigned line = 0, col = 0;
	paste_position(&p, err.offset, &line, &col);
	CHECK_INT_EQ(line, 2);
	CHECK_INT_EQ(col, 5);
	paste_fini(&p);
}

int main(void)
{
	test_seed_fixtures_normalise_to_wire_messages();
	test_positions_map_to_input_lines();
	test_wire_input_passes_through_unchanged();
	test_several_messages_lf_with_trailing_garbage();
	test_doubled_paste_with_body();
	test_cr_only_line_ends_become_crlf();
	test_bare_cr_among_lf_lines_is_not_a_line_end();
	test_byte_order_mark_is_dropped();
	test_log_text_between_lines_is_dropped();
	test_known_header_without_colon_is_kept_for_the_parser();
	test_no_start_line_is_an_error();
	test_every_allocation_failure_is_enomem_without_leak();
	return check_done();
}
