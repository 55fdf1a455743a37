/* paste_test.c: the lenient normaliser over the seed fixtures (each becomes
 * one wire-form message with the expected headers, and positions map back
 * into the user's file), wire input passing through unchanged, several
 * messages in one input, and every allocation failure. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/buf.h>
#include <imsreg/packet.h>
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

/* Each run of text outside the messages is listed, not only the first of
 * the input (a log line before every message of an sngrep export). */
static void test_every_run_of_text_between_messages_is_listed(void)
{
	static const char in[] = "JUNK ONE\n"
				 "REGISTER sip:a SIP/2.0\nCall-ID: 1\nl: 0\n\n"
				 "JUNK TWO\n"
				 "SIP/2.0 401 Unauthorized\nCall-ID: 1\nl: 0\n\n";
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_INT_EQ(p.nmsgs, 2);
	unsigned lines[4], n = 0;
	for (size_t i = 0; i < p.nrepairs; i++)
		if (strstr(p.repairs[i].what, "ignored text") && n < 4)
			lines[n++] = p.repairs[i].line;
	CHECK_INT_EQ(n, 2);
	if (n == 2) {
		CHECK_INT_EQ(lines[0], 1);
		CHECK_INT_EQ(lines[1], 6);
	}
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
	CHECK_INT_EQ(col, 1); /* columns as an editor shows them, after the mark */
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

/* Inputs of one kind each, what the normaliser makes of them (the
 * messages one after another) and a repair it must list (NULL: none is
 * checked) or must not list (bad_repair). */
struct norm_case {
	const char *name;
	const char *in;
	size_t nmsgs;
	const char *want;
	const char *repair;
	const char *bad_repair;
};

static const struct norm_case norm_cases[] = {
	/* a body pasted with LF whose Content-Length counts CRLF */
	{ "lf-body-crlf-length", "MESSAGE sip:b@x SIP/2.0\nl: 8\n\nab\ncd\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 8\r\n\r\nab\r\ncd\r\n", "LF line ends in the body changed to CRLF", NULL },
	/* a log line after the body, a blank line before it: when the body up
	 * to the blank line is exactly Content-Length (with CRLF, or as
	 * pasted), the log line is no body; the next message still splits */
	{ "log-after-body-crlf-length", "MESSAGE sip:b@x SIP/2.0\nl: 8\n\nab\ncd\n\n10:00:02 INFO rx:\n"
	  "MESSAGE sip:c@x SIP/2.0\nl: 0\n\n", 2,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 8\r\n\r\nab\r\ncd\r\nMESSAGE sip:c@x SIP/2.0\r\nl: 0\r\n\r\n",
	  "ignored text that is not part of a SIP message (after the body", NULL },
	{ "log-after-body-as-pasted", "MESSAGE sip:b@x SIP/2.0\r\nl: 6\r\n\r\nab\ncd\n\n10:00:02 INFO rx\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 6\r\n\r\nab\ncd\n", "(after the body", "in the body" },
	/* no blank line before it, or a Content-Length that ends elsewhere:
	 * the body is kept whole, for the Content-Length rule to judge */
	{ "log-after-body-no-gap", "MESSAGE sip:b@x SIP/2.0\nl: 8\n\nab\ncd\n10:00:02 INFO rx\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 8\r\n\r\nab\ncd\n10:00:02 INFO rx\n", NULL, "after the body" },
	{ "body-gap-whole-length", "MESSAGE sip:b@x SIP/2.0\r\nl: 12\r\n\r\nab\r\n\r\ncdef\r\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 12\r\n\r\nab\r\n\r\ncdef\r\n", NULL, "after the body" },
	/* the same body whose Content-Length counts LF: left as it is */
	{ "lf-body-lf-length", "MESSAGE sip:b@x SIP/2.0\nl: 6\n\nab\ncd\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 6\r\n\r\nab\ncd\n", NULL, "in the body" },
	/* neither fits: as pasted, for the rule book to report */
	{ "lf-body-no-fit", "MESSAGE sip:b@x SIP/2.0\nl: 20\n\nab\ncd\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 20\r\n\r\nab\ncd\n", NULL, "in the body" },
	/* CR-only text: CR line ends of the body become CRLF the same way */
	{ "cr-body-crlf-length", "MESSAGE sip:b@x SIP/2.0\rl: 8\r\rab\rcd\r", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 8\r\n\r\nab\r\ncd\r\n", "CR line ends in the body changed to CRLF", NULL },
	/* Content-Length larger than the body: the next message's start line
	 * ends the body, it is not swallowed */
	{ "no-body-then-401", "REGISTER sip:a SIP/2.0\nl: 120\n\nSIP/2.0 401 Unauthorized\nl: 0\n\n", 2,
	  "REGISTER sip:a SIP/2.0\r\nl: 120\r\n\r\nSIP/2.0 401 Unauthorized\r\nl: 0\r\n\r\n", NULL, "ignored" },
	{ "short-body-then-401", "MESSAGE sip:b@x SIP/2.0\r\nl: 50\r\n\r\nhello\r\n\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n", 2,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 50\r\n\r\nhello\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n", NULL, NULL },
	/* a separator line ends the body too */
	{ "separator-ends-body", "MESSAGE sip:b@x SIP/2.0\r\nl: 50\r\n\r\nhello\r\n-----\r\nSIP/2.0 200 OK\r\nl: 0\r\n", 2,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 50\r\n\r\nhello\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n", NULL, NULL },
	/* a body longer than Content-Length is kept whole, not cut mid-line */
	{ "long-body-kept", "MESSAGE sip:b@x SIP/2.0\r\nl: 3\r\n\r\nhello world\r\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 3\r\n\r\nhello world\r\n", NULL, NULL },
	/* only white space beyond Content-Length: the line end of the paste */
	{ "body-then-line-ends", "MESSAGE sip:b@x SIP/2.0\nl: 5\n\nhello\n\n\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 5\r\n\r\nhello", NULL, NULL },
	/* a body whose last line is empty (RFC 4475 multi01): the blank line
	 * is the body's own when Content-Length counts it */
	{ "body-ends-with-empty-line", "MESSAGE sip:b@x SIP/2.0\r\nl: 10\r\n\r\nab\r\ncd\r\n\r\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 10\r\n\r\nab\r\ncd\r\n\r\n", NULL, NULL },
	/* a doubled paste doubles the body's line breaks too */
	{ "doubled-lf-body", "MESSAGE sip:b@x SIP/2.0\n\nl: 8\n\n\n\nab\n\ncd\n\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 8\r\n\r\nab\r\ncd\r\n", "LF line ends in the body changed to CRLF", NULL },
	/* a sipfrag body's status line is the body, not a next message */
	{ "sipfrag-body", "NOTIFY sip:b@x SIP/2.0\r\nEvent: refer\r\nc: message/sipfrag;version=2.0\r\nl: 16\r\n\r\n"
	  "SIP/2.0 200 OK\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n", 2,
	  "NOTIFY sip:b@x SIP/2.0\r\nEvent: refer\r\nc: message/sipfrag;version=2.0\r\nl: 16\r\n\r\n"
	  "SIP/2.0 200 OK\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n", NULL, NULL },
	/* so for a multipart body's message/sip part (a third-party REGISTER's,
	 * TS 24.229 §5.4.1.7): its start line is the body's, the next message
	 * starts after Content-Length */
	{ "multipart-body", "REGISTER sip:as@x SIP/2.0\r\nc: multipart/mixed;boundary=b\r\nl: 75\r\n\r\n"
	  "--b\r\nContent-Type: message/sip\r\n\r\nREGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n\r\n--b--\r\n"
	  "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", 2,
	  "REGISTER sip:as@x SIP/2.0\r\nc: multipart/mixed;boundary=b\r\nl: 75\r\n\r\n"
	  "--b\r\nContent-Type: message/sip\r\n\r\nREGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n\r\n--b--\r\n"
	  "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", NULL, NULL },
	/* CR CR LF (a CRLF file converted once more) is one line end */
	{ "cr-cr-lf", "REGISTER sip:a SIP/2.0\r\r\nl: 0\r\r\n\r\r\n", 1,
	  "REGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n", "CR CR LF line ends changed to CRLF", NULL },
	/* white space after SIP/2.0 */
	{ "start-line-trailing-space", "REGISTER sip:a SIP/2.0 \t\nl: 0\n", 1,
	  "REGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n", "removed white space at the end of the start line", NULL },
	{ "status-line-trailing-space", "SIP/2.0 200 OK \r\nl: 0\r\n\r\n", 1,
	  "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", "removed white space at the end of the start line", NULL },
	/* a message indented as a whole; deeper lines stay folding */
	{ "indented", "    REGISTER sip:a SIP/2.0\n    Via: SIP/2.0/UDP h\n      ;branch=z9hG4bK1\n    l: 0\n", 1,
	  "REGISTER sip:a SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n  ;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "removed the indentation common to the lines of the message", NULL },
	{ "tab-indented", "\tSIP/2.0 200 OK\n\tl: 0\n", 1, "SIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "removed the indentation common to the lines of the message", NULL },
	/* "> " quoting */
	{ "quoted", "> REGISTER sip:a SIP/2.0\n> l: 0\n>\n", 1, "REGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n",
	  "removed \"> \" quoting", NULL },
	/* a byte order mark is named as such, not as a log prefix */
	{ "bom", "\xef\xbb\xbfREGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n", 1, "REGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n",
	  "removed the UTF-8 byte order mark", "Line N" },
};

/* Normalises in and checks the messages, the text and the repairs (repair
 * listed, bad_repair not, every repair in line order); p is left filled for
 * more checks, to be freed by the caller. */
static void check_normalised(struct paste *p, const char *name, const char *in, size_t nmsgs,
			     const char *want, const char *repair, const char *bad_repair)
{
	paste_init(p);
	int rc = paste_normalise(p, in, strlen(in), NULL);
	if (rc != 0 || p->nmsgs != nmsgs || p->text.len != strlen(want) ||
	    memcmp(p->text.ptr, want, p->text.len) != 0)
		fprintf(stderr, "%s: rc %d, %zu message(s): [%.*s]\n", name, rc, p->nmsgs,
			(int)p->text.len, p->text.ptr);
	CHECK_INT_EQ(rc, 0);
	CHECK_INT_EQ(p->nmsgs, nmsgs);
	CHECK_SLICE_EQ(buf_view(&p->text), want);
	bool have = false, have_bad = false;
	for (size_t k = 0; k < p->nrepairs; k++) {
		have |= repair && strstr(p->repairs[k].what, repair) != NULL;
		have_bad |= bad_repair && strstr(p->repairs[k].what, bad_repair) != NULL;
		CHECK(k == 0 || p->repairs[k - 1].line <= p->repairs[k].line);
	}
	if ((repair && !have) || have_bad) {
		fprintf(stderr, "%s: repair \"%s\" listed %d, \"%s\" listed %d\n", name,
			repair ? repair : "", have, bad_repair ? bad_repair : "", have_bad);
		for (size_t k = 0; k < p->nrepairs; k++)
			fprintf(stderr, "  %u: %s\n", p->repairs[k].line, p->repairs[k].what);
	}
	CHECK(!repair || have);
	CHECK(!have_bad);
}

static void test_normalise_cases(void)
{
	for (size_t i = 0; i < sizeof norm_cases / sizeof norm_cases[0]; i++) {
		const struct norm_case *c = &norm_cases[i];
		struct paste p;
		check_normalised(&p, c->name, c->in, c->nmsgs, c->want, c->repair, c->bad_repair);
		paste_fini(&p);
	}
}

/* No start line of its own, but one inside a line after text that is no
 * log format imsreg reads: the error points at it, so the user sees what
 * stands before it. */
static void test_start_line_inside_a_line_is_pointed_at(void)
{
	/* a start line after log text is the message's only when its
	 * header lines follow: here prose does */
	static const char unknown[] = "SIP Message = REGISTER sip:a.example SIP/2.0\n"
				      "and nothing else was logged\n";
	/* text after the start line on its line: no start line of a message */
	static const char after[] = "RX: REGISTER sip:a.example SIP/2.0 (42 bytes)\n"
				    "Call-ID: 1\n";
	/* a header field of a message is no log prefix */
	static const char field[] = "Subject: REGISTER sip:a.example SIP/2.0\n"
				    "Call-ID: 1\n";
	/* an escape after the start line, but no header after it */
	static const char no_header[] = "REGISTER sip:a.example SIP/2.0\\r\\nhello world\n";
	static const char none[] = "hello\nREGISTER is a method\n";
	/* decode's own report fed back: its title line ends in a start line
	 * and "method: ..." follows, a header line of no header the codec
	 * knows (a logged message goes on with Via, From, ...) */
	static const char report[] = "== a.sip message 1 (line 1): REGISTER sip:a.example SIP/2.0\n"
				     "method: REGISTER  (binds the Contact addresses to the AOR)\n"
				     "Request-URI: sip:a.example  (sip, host a.example (name))\n";
	struct paste p;
	struct sip_parse_error err = { 0 };
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, unknown, sizeof unknown - 1, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, strstr(unknown, "REGISTER") - unknown);
	CHECK(err.at == strstr(unknown, "REGISTER"));
	CHECK_INT_EQ(paste_normalise(&p, after, sizeof after - 1, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, strstr(after, "REGISTER") - after);
	CHECK_INT_EQ(paste_normalise(&p, field, sizeof field - 1, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, strstr(field, "REGISTER") - field);
	CHECK_INT_EQ(paste_normalise(&p, no_header, sizeof no_header - 1, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, 0);
	CHECK(err.reason && strstr(err.reason, "start line stands here") != NULL);
	/* a body followed on its line by the next message (back to back as on
	 * the wire, RFC 4475 dblreq's shape): no log prefix, the body is the
	 * first message's (QA's X_bodies.sip) */
	static const char glued[] = "MESSAGE sip:a SIP/2.0\r\nl: 5\r\n\r\nHelloREGISTER sip:a SIP/2.0\r\n"
				    "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n";
	static const char glued2[] = "MESSAGE sip:a SIP/2.0\r\nl: 17\r\n\r\nHello from the UEREGISTER sip:a SIP/2.0\r\n"
				     "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n";
	CHECK_INT_EQ(paste_normalise(&p, glued, sizeof glued - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 2);
	CHECK_SLICE_EQ(buf_view(&p.text), glued);
	CHECK_INT_EQ(paste_normalise(&p, glued2, sizeof glued2 - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 2);
	CHECK_SLICE_EQ(buf_view(&p.text), glued2);
	CHECK_INT_EQ(paste_normalise(&p, report, sizeof report - 1, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, strstr(report, "REGISTER") - report);
	CHECK_INT_EQ(paste_normalise(&p, none, sizeof none - 1, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, 0);
	CHECK(err.reason && strcmp(err.reason, "no SIP request line, status line or known header field found") == 0);
	paste_fini(&p);
}

/* Log formats: the input as a log writes it, the messages it holds as on
 * the wire, a repair that must be listed (or must not: bad_repair), and a
 * position: the first byte of `at` in the text maps to input line, col
 * (col 0: not checked). Each sample is written as its tool prints it:
 * - Kamailio xlog $mb / a JSON log shipper: CR LF as \r\n (RFC 8259
 *   string escapes, with \" inside a JSON string value);
 * - Docker json-file: that JSON line in the "log" string: \\r\\n, \\\";
 * - rsyslog EscapeControlCharactersOnReceive with the '#' prefix: a
 *   control character as '#' and three octal digits (#015 CR, #012 LF,
 *   #011 HTAB);
 * - adb logcat (liblog logprint.cpp): threadtime "%s %5d %5d %c %-8s: ",
 *   time "%s %c/%-8s(%5d): ", brief "%c/%-8s(%5d): ";
 * - ngrep (ngrep.c): "#" per packet, "\nU src:port -> dst:port #N\n", the
 *   payload with each byte !isprint() as '.' (-W byline keeps LF);
 * - a log prefix before the start line only (Kamailio or OpenSIPS logging
 *   the buffer to a file, a P-CSCF's trace, QXDM's "SIP Message = "), the
 *   other lines as they are, log lines between the messages. */
/* tshark -P -x of one datagram (an OPTIONS in UDP over Ethernet): its
 * summary line, a blank line, the frame's bytes and a blank line */
#define TSHARK_P_X_OPTIONS \
	"    1 0.000000000     10.1.1.1 → 10.2.2.2     SIP 81 Request: OPTIONS sip:b.example | \n" \
	TSHARK_X_OPTIONS_FRAME
#define TSHARK_X_OPTIONS_FRAME \
	"\n" \
	"0000  20 52 45 43 56 00 20 53 45 4e 44 00 08 00 45 00    RECV. SEND...E.\n" \
	"0010  00 43 12 34 00 00 ff 11 92 70 0a 01 01 01 0a 02   .C.4.....p......\n" \
	"0020  02 02 13 c4 13 c4 00 2f 0a 5b 4f 50 54 49 4f 4e   ......./.[OPTION\n" \
	"0030  53 20 73 69 70 3a 62 2e 65 78 61 6d 70 6c 65 20   S sip:b.example \n" \
	"0040  53 49 50 2f 32 2e 30 0d 0a 6c 3a 20 30 0d 0a 0d   SIP/2.0..l: 0...\n" \
	"0050  0a                                                .\n" \
	"\n"

struct log_case {
	const char *name;
	const char *in;
	size_t nmsgs;
	const char *want;
	const char *repair;
	const char *bad_repair;
	const char *at;
	unsigned line, col;
};

/* journalctl's indentation of the lines after an entry's first: as long
 * as "Nov 21 10:00:01 pcscf kamailio[1234]: " */
#define JI "                                      "

static const struct log_case log_cases[] = {
	{ "escaped-crlf",
	  "2026-11-20T10:00:01Z sip-proxy INFO received: REGISTER sip:a.example SIP/2.0\\r\\n"
	  "Via: SIP/2.0/UDP h;branch=z9hG4bK1\\r\\nl: 0\\r\\n\\r\\n\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "with \\r\\n escapes", "LF line ends", "Via", 1, 81 },
	/* LF alone escaped: the message had LF line ends, which is said */
	{ "escaped-lf", "x: REGISTER sip:a.example SIP/2.0\\nl: 0\\n\\n", 1,
	  "REGISTER sip:a.example SIP/2.0\r\nl: 0\r\n\r\n", "LF line ends changed to CRLF", NULL, "l: 0", 1, 36 },
	/* a header that does not decode is reported at its column of the line */
	{ "escaped-unicode", "msg=SIP/2.0 401 Unauthorized\\u000d\\u000aCall-ID: 1\\u000d\\u000a\\u000d\\u000a\n", 1,
	  "SIP/2.0 401 Unauthorized\r\nCall-ID: 1\r\n\r\n", "with \\r\\n escapes", NULL, "Call-ID", 1, 41 },
	{ "json-string",
	  "{\"ts\":\"2026-11-20T10:00:01Z\",\"msg\":\"REGISTER sip:a.example SIP/2.0\\r\\n"
	  "From: \\\"Bob \\\\ Co\\\" <sip:b@x>;tag=1\\r\\nl: 0\\r\\n\\r\\n\",\"level\":\"info\"}\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nFrom: \"Bob \\ Co\" <sip:b@x>;tag=1\r\nl: 0\r\n\r\n",
	  "from a JSON string", NULL, "<sip:b@x>", 1, 91 },
	/* \uXXXX as JSON writers that keep to ASCII write a display name:
	 * UTF-8 again (a surrogate pair is one code point; a lone one stays) */
	{ "json-unicode",
	  "{\"msg\":\"REGISTER sip:a.example SIP/2.0\\r\\nFrom: \\\"J\\u00f6rg \\ud83d\\ude00 \\udc00\\\" <sip:j@x>;tag=1"
	  "\\r\\nl: 0\\r\\n\\r\\n\"}\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nFrom: \"J\xc3\xb6rg \xf0\x9f\x98\x80 \\udc00\" <sip:j@x>;tag=1\r\nl: 0\r\n\r\n",
	  "from a JSON string", NULL, "<sip:j@x>", 1, 83 },
	{ "json-in-json",
	  "{\"log\":\"{\\\"msg\\\":\\\"REGISTER sip:a.example SIP/2.0\\\\r\\\\nFrom: \\\\\\\"Bob\\\\\\\" <sip:b@x>\\\\r\\\\n"
	  "l: 0\\\\r\\\\n\\\\r\\\\n\\\"}\\n\",\"stream\":\"stdout\"}\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nFrom: \"Bob\" <sip:b@x>\r\nl: 0\r\n\r\n", "escaped twice", NULL,
	  "<sip:b@x>", 1, 74 },
	{ "rsyslog",
	  "Nov 20 10:00:01 pcscf kamailio[1234]: RX: REGISTER sip:a.example SIP/2.0#015#012"
	  "Via: SIP/2.0/UDP h#011;branch=z9hG4bK1#015#012l: 0#015#012#015#012\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h\t;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "rsyslog's #015#012", NULL, ";branch", 1, 103 },
	{ "rsyslog-status", "Nov 22 kamailio[1]: RX: SIP/2.0 200 OK#015#012l: 0#015#012\n", 1,
	  "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", "rsyslog's #015#012", NULL, "l: 0", 1, 47 },
	/* the message ends with its line: a log line after it that reads
	 * like a header is not taken into it */
	{ "escaped-then-log-line",
	  "a: REGISTER sip:a.example SIP/2.0\\r\\nl: 0\\r\\n\\r\\n\n"
	  "2026-11-20T10:00:02Z proxy DEBUG route: x\n"
	  "b: SIP/2.0 200 OK\\r\\nl: 0\\r\\n\\r\\n\n",
	  2, "REGISTER sip:a.example SIP/2.0\r\nl: 0\r\n\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "ignored text", "blank lines", "SIP/2.0 200", 3, 4 },
	/* log text after the body as Content-Length sets it is not the body */
	{ "escaped-then-suffix",
	  "received: MESSAGE sip:b@x SIP/2.0\\r\\nl: 2\\r\\n\\r\\nhi (len=41, from 10.0.0.1:5060)\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 2\r\n\r\nhi", "ignored the log text after the message's body", NULL, "hi", 1, 50 },
	/* log text after the body that holds escapes itself: cut off, and the
	 * next message's bytes map to their own line (the cut dropped the map's
	 * runs of the text cut off) */
	{ "escaped-then-suffix-with-escapes",
	  "a: MESSAGE sip:b@x SIP/2.0\\r\\nl: 2\\r\\n\\r\\nhi\\r\\nmore\\r\\nlog text\n"
	  "b: SIP/2.0 200 OK\\r\\nl: 0\\r\\n\\r\\n\n",
	  2, "MESSAGE sip:b@x SIP/2.0\r\nl: 2\r\n\r\nhiSIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "ignored the log text after the message's body", NULL, "SIP/2.0 200", 2, 4 },
	/* "\n" in a header of an ordinary paste is no escape: left as it is */
	{ "backslash-n-in-display-name",
	  "REGISTER sip:a.example SIP/2.0\nFrom: \"Bob\\nSmith\" <sip:b@x>;tag=1\nl: 0\n\n", 1,
	  "REGISTER sip:a.example SIP/2.0\r\nFrom: \"Bob\\nSmith\" <sip:b@x>;tag=1\r\nl: 0\r\n\r\n", NULL,
	  "escape", "<sip:b@x>", 2, 20 },
	{ "logcat-threadtime",
	  "--------- beginning of main\n"
	  "11-20 10:00:01.123  1234  1300 D ImsSip  : REGISTER sip:a.example SIP/2.0\n"
	  "11-20 10:00:01.123  1234  1300 D ImsSip  : Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
	  "11-20 10:00:01.124   987   990 I ActivityManager: Start proc 4321:com.x/u0a12: a=b\n"
	  "11-20 10:00:01.124  1234  1300 D ImsSip  :  ;received=10.0.0.1\n"
	  "11-20 10:00:01.124  1234  1300 D ImsSip  : l: 0\n"
	  "11-20 10:00:01.124  1234  1300 D ImsSip  : \n"
	  "11-20 10:00:01.125  1234  1300 D ImsSip  : sent 120 bytes: ok\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n ;received=10.0.0.1\r\nl: 0\r\n\r\n",
	  "ignored logcat lines of other tags", NULL, ";received", 5, 45 },
	{ "logcat-time-body",
	  "11-20 10:00:01.123 D/ImsSip  ( 1234): MESSAGE sip:b@x SIP/2.0\n"
	  "11-20 10:00:01.123 D/ImsSip  ( 1234): l: 10\n"
	  "11-20 10:00:01.123 D/ImsSip  ( 1234): \n"
	  "11-20 10:00:01.123 D/ImsSip  ( 1234): abc\n"
	  "11-20 10:00:01.123 I/Other   (  987): de: f\n"
	  "11-20 10:00:01.123 D/ImsSip  ( 1234): def\n"
	  "11-20 10:00:01.124 D/ImsSip  ( 1234): done: sent\n",
	  1, "MESSAGE sip:b@x SIP/2.0\r\nl: 10\r\n\r\nabc\r\ndef\r\n", "ignored logcat lines after the message", NULL,
	  "def", 6, 39 },
	{ "logcat-brief", "D/ImsSip  ( 1234): SIP/2.0 200 OK\r\nD/ImsSip  ( 1234): l: 0\r\nD/ImsSip  ( 1234): \r\n", 1,
	  "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", "removed Android logcat prefixes", "LF line ends", "l: 0", 2, 20 },
	/* logcat -v long: each line of the REGISTER a record of its own
	 * (the empty line too), a record of another tag between, the app's
	 * line after the message; the next message whole in one record,
	 * its own CR LF line ends kept */
	{ "logcat-long",
	  "--------- beginning of main\n"
	  "[ 11-20 10:00:01.123  1234: 1300 D/ImsSip   ]\nREGISTER sip:a.example SIP/2.0\n\n"
	  "[ 11-20 10:00:01.123   987:  990 I/ActivityManager ]\nStart proc 4321:com.x/u0a12: a=b\n\n"
	  "[ 11-20 10:00:01.124  1234: 1300 D/ImsSip   ]\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\n\n"
	  "[ 11-20 10:00:01.124  1234: 1300 D/ImsSip   ]\nl: 0\n\n"
	  "[ 11-20 10:00:01.124  1234: 1300 D/ImsSip   ]\n\n\n"
	  "[ 11-20 10:00:01.125  1234: 1300 D/ImsSip   ]\nsent 120 bytes\n\n"
	  "[ 2026-11-20 10:00:01.200000 10001  1234: 1301 I/ImsSip   ]\nSIP/2.0 200 OK\r\nl: 2\r\n\r\nhi\r\n\n\n",
	  2, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\nSIP/2.0 200 OK\r\nl: 2\r\n\r\nhi",
	  "removed the record headers of Android logcat -v long", "Android logcat prefixes", "z9hG4bK1", 9, 27 },
	/* a line in brackets that is no record header stays text */
	{ "logcat-long-lookalike",
	  "[ 11-20 10:00:01.123 no pid here D/x ]\nMESSAGE sip:b@x SIP/2.0\nl: 0\n\n", 1,
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 0\r\n\r\n", NULL, "logcat -v long", "l: 0", 3, 1 },
	/* an app's text before the message it logs: logcat splits the
	 * message at its line ends, so only the first line has it */
	{ "logcat-text-before-start-line",
	  "11-20 10:00:01.123  1234  1300 D SIPMSG[0]: Sending SIP message: REGISTER sip:a.example SIP/2.0\n"
	  "11-20 10:00:01.123  1234  1300 D SIPMSG[0]: Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
	  "11-20 10:00:01.123  1234  1300 D SIPMSG[0]: l: 0\n"
	  "11-20 10:00:01.123  1234  1300 D SIPMSG[0]: \n"
	  "11-20 10:00:01.124  1234  1300 D SIPMSG[0]: sent\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "ignored the log text before a start line (header lines follow it)", "each line of the message",
	  "REGISTER", 1, 66 },
	/* the app logs each line with its direction mark: the mark is
	 * removed from each, the mark alone (trailing SP trimmed or not) is
	 * the empty line, the next message after the same mark */
	{ "logcat-text-before-every-line",
	  "11-20 10:00:01.123  1234  1300 D SIPMSG[0]: [-->] MESSAGE sip:b@x SIP/2.0\n"
	  "11-20 10:00:01.123  1234  1300 D SIPMSG[0]: [-->] l: 2\n"
	  "11-20 10:00:01.124   987   990 I ActivityManager: Start proc 4321:com.x/u0a12: a=b\n"
	  "11-20 10:00:01.123  1234  1300 D SIPMSG[0]: [-->] \n"
	  "11-20 10:00:01.123  1234  1300 D SIPMSG[0]: [-->] hi\n"
	  "11-20 10:00:01.125  1234  1300 D SIPMSG[0]: [<--] SIP/2.0 200 OK\n"
	  "11-20 10:00:01.125  1234  1300 D SIPMSG[0]: [<--] Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
	  "11-20 10:00:01.125  1234  1300 D SIPMSG[0]: [<--] l: 0\n"
	  "11-20 10:00:01.125  1234  1300 D SIPMSG[0]: [<--]\n"
	  "11-20 10:00:01.126  1234  1300 D SIPMSG[0]: [-->] OPTIONS sip:b@x SIP/2.0\n"
	  "11-20 10:00:01.126  1234  1300 D SIPMSG[0]: [-->] l: 0\n"
	  "11-20 10:00:01.126  1234  1300 D SIPMSG[0]: [-->] \n",
	  3, "MESSAGE sip:b@x SIP/2.0\r\nl: 2\r\n\r\nhi"
	     "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n"
	     "OPTIONS sip:b@x SIP/2.0\r\nl: 0\r\n\r\n",
	  "removed the log text before each line of the message (after logcat's prefix)", "before a start line",
	  "z9hG4bK1", 7, 77 },
	{ "ngrep-byline",
	  "interface: eth0 (10.0.0.0/255.255.255.0)\n#\nU 10.0.0.1:5060 -> 10.0.0.2:5060 #1\n"
	  "MESSAGE sip:b@x SIP/2.0.\nVia: SIP/2.0/UDP h.example.;branch=z9hG4bK1.\nl: 5.\n.\nab.\nc\n"
	  "#\nT 2026/11/20 10:00:01.123456 10.0.0.2:5060 -> 10.0.0.1:5060 [AP] #2\nSIP/2.0 200 OK.\nl: 0.\n.\n\n####\nexit\n",
	  2, "MESSAGE sip:b@x SIP/2.0\r\nVia: SIP/2.0/UDP h.example.;branch=z9hG4bK1\r\nl: 5\r\n\r\nab\r\nc"
	     "SIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "removed ngrep's '.'", "LF line ends", "SIP/2.0 200", 12, 1 },
	{ "ngrep-none",
	  "U 10.0.0.1:5060 -> 10.0.0.2:5060 #1\n"
	  "REGISTER sip:a.example SIP/2.0..Via: SIP/2.0/UDP h.example.;branch=z9hG4bK1..User-Agent: X 1.0...l: 0....\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h.example.;branch=z9hG4bK1\r\nUser-Agent: X 1.0.\r\nl: 0\r\n\r\n",
	  "ngrep printed on one line", NULL, "l: 0", 2, 98 },
	/* -W none after the packet header: a status line's message on its
	 * line is not -W byline's start line (its reason phrase would take
	 * the message) */
	{ "ngrep-none-status",
	  "U 2026/11/20 10:00:01.000000 10.0.0.2:5060 -> 10.0.0.1:5060 #3\n"
	  "SIP/2.0 401 Unauthorized..Via: SIP/2.0/UDP h;branch=z9hG4bK1..l: 0....\n",
	  1, "SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "ngrep printed on one line", "removed ngrep's '.'", "l: 0", 2, 63 },
	/* -W single: the packet header and the message on one line */
	{ "ngrep-single",
	  "U 2026/11/20 10:00:01.000000 10.0.0.1:5060 -> 10.0.0.2:5060 REGISTER sip:a.example SIP/2.0..Call-ID: 1..l: 0....\n"
	  "\nT 2026/11/20 10:00:01.100000 2001:db8::2:5060 -> 2001:db8::1:40000 [AP] SIP/2.0 200 OK..l: 0....\n",
	  2, "REGISTER sip:a.example SIP/2.0\r\nCall-ID: 1\r\nl: 0\r\n\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "ngrep printed on one line", NULL, "Call-ID", 1, 93 },
	/* ngrep -W normal: rows of a width, each after two SP, the last
	 * padded; "Call-ID" is cut by a row end */
	{ "ngrep-normal",
	  "#\nU 10.0.0.1:5060 -> 10.0.0.2:5060 #1\n"
	  "  REGISTER sip:a.example SIP/2.0..Cal\n"
	  "  l-ID: 1..l: 0....              \n\n#\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nCall-ID: 1\r\nl: 0\r\n\r\n", "ngrep printed wrapped", NULL,
	  "l: 0", 4, 12 },
	/* Wireshark's packet details: header lines one level under "Message
	 * Header", \ooo for the bytes of UTF-8, subtrees and [generated]
	 * lines dropped; the next packet's tree ends the message */
	{ "wireshark",
	  "Session Initiation Protocol (REGISTER)\n"
	  "    Request-Line: REGISTER sip:a.example SIP/2.0\n"
	  "        Method: REGISTER\n"
	  "    Message Header\n"
	  "        From: \"Jo\\303\\243o\" <sip:joao@a.example>;tag=q\n"
	  "            SIP from address: sip:joao@a.example\n"
	  "        Call-ID: 1\\r\\n\n"
	  "        [Generated Call-ID: 1]\n"
	  "        Content-Length:  0\n"
	  "Session Initiation Protocol (200)\n"
	  "    Status-Line: SIP/2.0 200 OK\\r\\n\n"
	  "    Message Header\n"
	  "        Content-Length: 0\\r\\n\n",
	  2, "REGISTER sip:a.example SIP/2.0\r\nFrom: \"Jo\303\243o\" <sip:joao@a.example>;tag=q\r\nCall-ID: 1\r\n"
	     "Content-Length:  0\r\n\r\nSIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n",
	  "Wireshark's packet details", "ignored a line", "<sip:joao@a.example>", 5, 29 },
	/* a log prefix before the start line, the headers on lines of their own */
	{ "prefix-one",
	  "2026-11-20 10:00:01.123 [INFO] sip.transport RX 10.0.0.1:5060 -> 10.0.0.2:5060: REGISTER sip:a.example SIP/2.0\r\n"
	  "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "ignored the log text before a start line", "LF line ends", "REGISTER", 1, 81 },
	/* a flow: each message after its prefix, the log lines after each
	 * message's end (the empty line, or the body by Content-Length, even
	 * when they read like parameters) are not SIP */
	{ "prefix-flow",
	  "2026-11-20 10:00:01.001 [INFO] core: started\n"
	  "2026-11-20 10:00:01.123 [INFO] RX 10.0.0.1:5060: REGISTER sip:a.example SIP/2.0\n"
	  "Via: SIP/2.0/UDP h;branch=z9hG4bK1\nl: 0\n\n"
	  "2026-11-20 10:00:01.124 [DEBUG] tm: reply sent, Call-ID: 1\n"
	  "2026-11-20 10:00:01.125 [INFO] TX 10.0.0.1:5060: SIP/2.0 401 Unauthorized\n"
	  "Via: SIP/2.0/UDP h;branch=z9hG4bK1\nl: 0\n\n\n"
	  "2026-11-20 10:00:02.123 [INFO] RX 10.0.0.1:5060: MESSAGE sip:b@x SIP/2.0\n"
	  "l: 5\n\nab\nc\n"
	  "2026-11-20 10:00:02.124 [DEBUG] x: y=1, z\n"
	  "2026-11-20 10:00:02.125 [INFO] TX 10.0.0.1:5060: SIP/2.0 200 OK\n"
	  "l: 0\n\n",
	  4, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n"
	     "SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n"
	     "MESSAGE sip:b@x SIP/2.0\r\nl: 5\r\n\r\nab\nc\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "ignored the log lines after the message", "joined", "SIP/2.0 200", 18, 50 },
	/* the next line holds a message of its own, written on one line: it
	 * is no header line of the first, whose start line stays log text */
	{ "prefix-next-line-escaped",
	  "11-22 04:12:24.001 D SIPMSG : REGISTER sip:a SIP/2.0\nx: SIP/2.0 200 OK#015#012l: 0\n", 1,
	  "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", "rsyslog's #015#012", "log text before a start line", "l: 0", 2, 26 },
	/* journalctl (systemd logs-show.c print_multiline): the entry's lines
	 * after the first indented to its text's column (38 here), deeper
	 * indentation kept as folding, the empty line as those SP alone or
	 * trimmed; a line at column 0 is the next entry */
	{ "journalctl",
	  "Nov 21 10:00:01 pcscf kamailio[1234]: REGISTER sip:a.example SIP/2.0\n"
	  JI "Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
	  JI "  ;rport\n"
	  JI "l: 0\n"
	  JI "\n"
	  JI "sent to 10.0.0.1\n"
	  "Nov 21 10:00:02 pcscf kamailio[1234]: reply sent\n"
	  "Nov 21 10:00:02 pcscf kamailio[1234]: SIP/2.0 200 OK\n"
	  JI "l: 0\n"
	  "\n",
	  2, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n  ;rport\r\nl: 0\r\n\r\n"
	     "SIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "removed journalctl's prefix", "another shape", ";rport", 3, 41 },
	/* -o short-iso, -a (CR kept before each LF); an entry that ends
	 * before its empty line ends the message */
	{ "journalctl-iso-crlf",
	  "2026-11-21T10:00:01+01:00 pcscf kamailio[1234]: SIP/2.0 401 Unauthorized\r\n"
	  JI "          Call-ID: 1\r\n"
	  JI "          l: 0\r\n"
	  "2026-11-21T10:00:02+01:00 pcscf kamailio[1234]: MESSAGE sip:b@x SIP/2.0\r\n"
	  JI "          l: 2\r\n"
	  JI "          \r\n"
	  JI "          hi\r\n",
	  2, "SIP/2.0 401 Unauthorized\r\nCall-ID: 1\r\nl: 0\r\n\r\nMESSAGE sip:b@x SIP/2.0\r\nl: 2\r\n\r\nhi",
	  "removed journalctl's prefix", "LF line ends", "hi", 7, 49 },
	/* syslog per line: another process of the same program (another pid)
	 * and another program between the message's lines are ignored; the
	 * prefix alone (its SP trimmed) is the empty line */
	{ "every-syslog",
	  "Nov 21 10:00:01 pcscf kamailio[1234]: REGISTER sip:a.example SIP/2.0\n"
	  "Nov 21 10:00:01 pcscf kamailio[1234]: Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
	  "Nov 21 10:00:01 pcscf kamailio[1235]: Via: SIP/2.0/UDP 10.0.0.9;branch=z9hG4bK-other\n"
	  "Nov 21 10:00:01 pcscf systemd[1]: Started session 7.\n"
	  "Nov 21 10:00:02 pcscf kamailio[1234]: l: 0\n"
	  "Nov 21 10:00:02 pcscf kamailio[1234]:\n"
	  "Nov 21 10:00:02 pcscf kamailio[1234]: reply: a=1, b\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "ignored log lines of another shape", "joined", "l: 0", 5, 39 },
	/* a syslog time passing midnight into the next month mid-message,
	 * RFC 3164's day padded with SP: the same shape */
	{ "every-syslog-midnight",
	  "Nov 30 23:59:59 pcscf kamailio[1234]: REGISTER sip:a.example SIP/2.0\n"
	  "Nov 30 23:59:59 pcscf kamailio[1234]: Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
	  "Dec  1 00:00:00 pcscf kamailio[1234]: l: 0\n"
	  "Dec  1 00:00:00 pcscf kamailio[1234]: \n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "on every line", "another shape", "l: 0", 3, 39 },
	/* docker logs -t: nanoseconds with their trailing zeros trimmed (the
	 * '.' too when all are zero), CR LF kept, a body, the last line
	 * without a line end */
	{ "every-docker-crlf",
	  "2026-11-21T10:00:01.123456789Z MESSAGE sip:b@x SIP/2.0\r\n"
	  "2026-11-21T10:00:01.12345Z l: 5\r\n"
	  "2026-11-21T10:00:01Z \r\n"
	  "2026-11-21T10:00:01.1Z hello",
	  1, "MESSAGE sip:b@x SIP/2.0\r\nl: 5\r\n\r\nhello", "on every line", "LF line ends", "hello", 4, 24 },
	/* kubectl logs --prefix, two messages; a body line that looks like
	 * the prefix keeps it (one prefix is removed from each line) */
	{ "every-kubectl-prefix",
	  "[pod/pcscf-0/kamailio] MESSAGE sip:b@x SIP/2.0\n"
	  "[pod/pcscf-0/kamailio] l: 28\n"
	  "[pod/pcscf-0/kamailio] \n"
	  "[pod/pcscf-0/kamailio] [pod/pcscf-0/kamailio] hi\n"
	  "[pod/pcscf-0/kamailio] SIP/2.0 200 OK\n"
	  "[pod/pcscf-0/kamailio] l: 0\n"
	  "[pod/pcscf-0/kamailio] \n",
	  2, "MESSAGE sip:b@x SIP/2.0\r\nl: 28\r\n\r\n[pod/pcscf-0/kamailio] hi\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "on every line", NULL, "SIP/2.0 200", 5, 24 },
	/* an application log: another thread's line is of another shape */
	{ "every-app-thread",
	  "2026-11-21 10:00:01.123 DEBUG [worker-3] sip: REGISTER sip:a.example SIP/2.0\n"
	  "2026-11-21 10:00:01.123 DEBUG [worker-3] sip: Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
	  "2026-11-21 10:00:01.124 DEBUG [worker-4] sip: Via: SIP/2.0/UDP x;branch=z9hG4bK2\n"
	  "2026-11-21 10:00:01.125 DEBUG [worker-3] sip: l: 0\n"
	  "2026-11-21 10:00:01.125 DEBUG [worker-3] sip: \n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nl: 0\r\n\r\n",
	  "ignored log lines of another shape", NULL, "l: 0", 4, 47 },
	/* another log line of the same prefix in the head ("key=value, ..."
	 * would read as a header wrapped at column 0 in a paste): not SIP; a
	 * broken header line stays for the parser to report */
	{ "every-same-prefix-log-line",
	  "2026-11-21T10:00:01.5Z REGISTER sip:a.example SIP/2.0\r\n"
	  "2026-11-21T10:00:01.5Z Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
	  "2026-11-21T10:00:01.6Z level=info msg=\"lookup done, 1 binding\"\n"
	  "2026-11-21T10:00:01.7Z Call-ID 1\r\n"
	  "2026-11-21T10:00:01.7Z l: 0\r\n"
	  "2026-11-21T10:00:01.7Z \r\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCall-ID 1\r\nl: 0\r\n\r\n",
	  "of the same prefix in the message's head", "joined", "Call-ID", 4, 24 },
	/* another process logs right after the start line: the first line
	 * of the start line's shape decides */
	{ "every-foreign-after-start",
	  "Nov 21 10:00:01 pcscf kamailio[1234]: SIP/2.0 200 OK\n"
	  "Nov 21 10:00:01 pcscf kamailio[1240]: INFO: <core>: connection closed\n"
	  "Nov 21 10:00:01 pcscf systemd[1]: Started session 7.\n"
	  "Nov 21 10:00:01 pcscf kamailio[1234]: l: 0\n"
	  "Nov 21 10:00:01 pcscf kamailio[1234]: \n",
	  1, "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", "ignored log lines of another shape", NULL, "l: 0", 4, 39 },
	/* the prefix changes shape mid-message (another pod): those lines are
	 * not the message's, which ends without its empty line */
	{ "every-shape-changes",
	  "[pod/a/c] REGISTER sip:a.example SIP/2.0\n"
	  "[pod/a/c] Via: SIP/2.0/UDP h;branch=z9hG4bK1\n"
	  "[pod/b/c] l: 0\n"
	  "[pod/b/c] \n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n",
	  "ignored log lines of another shape", NULL, "Via", 2, 11 },
	/* a prefix on the start line only: the header lines after it (a Via
	 * with digits, a Date with a clock) are no prefixed lines */
	{ "prefix-timestamp-one",
	  "2026-11-21T10:00:01Z REGISTER sip:a.example SIP/2.0\n"
	  "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\n"
	  "Date: Sat, 21 Nov 2026 10:00:01 GMT\n"
	  "l: 0\n\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\n"
	     "Date: Sat, 21 Nov 2026 10:00:01 GMT\r\nl: 0\r\n\r\n",
	  "ignored the log text before a start line", "on every line", "Via", 2, 1 },
	/* tcpdump -A -i any: the packet text after its IPv4 and UDP headers
	 * (28 bytes; an LF among them breaks the line), the payload found by
	 * "length N" (each LF a CR LF), CR LF restored */
	{ "tcpdump-udp",
	  "18:24:26.034086 lo    In  IP 127.0.0.1.37264 > 127.0.0.1.45060: UDP, length 52\n"
	  "E.....@.@.O..............\n"
	  "..REGISTER sip:a.example SIP/2.0\n"
	  "Call-ID: 1\n"
	  "l: 0\n"
	  "\n"
	  "\n"
	  "18:24:26.034090 ARP, Request who-has 127.0.0.2 tell 127.0.0.1, length 28\n"
	  "..........\n"
	  "18:24:26.034100 lo    In  IP 127.0.0.1.53001 > 127.0.0.1.53: 4+ A? a.example. (27)\n"
	  "E..7....@.........\n"
	  ".5.#.....a.example.....\n"
	  "18:24:26.034186 lo    In  IP 127.0.0.1.45060 > 127.0.0.1.37264: SIP: SIP/2.0 200 OK\n"
	  "E.....@.@.O..............\n"
	  "..SIP/2.0 200 OK\n"
	  "l: 0\n"
	  "\n"
	  "\n",
	  2, "REGISTER sip:a.example SIP/2.0\r\nCall-ID: 1\r\nl: 0\r\n\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "tcpdump -A's packet text", "not part of a SIP message", "Call-ID", 4, 1 },
	/* TCP: a message in two segments (the second's bytes right after the
	 * first's, a line cut between them joined), an ACK of the other side
	 * between them, a retransmission, and the answer */
	{ "tcpdump-tcp-segments",
	  "10:00:00.000001 IP 10.0.0.1.5060 > 10.0.0.2.5060: Flags [P.], seq 1:37, ack 1, win 512, "
	  "options [nop,nop,TS val 1 ecr 1], length 36: SIP: REGISTER sip:a.example SIP/2.0\n"
	  "E...................................................REGISTER sip:a.example SIP/2.0\n"
	  "Call\n"
	  "10:00:00.000002 IP 10.0.0.2.5060 > 10.0.0.1.5060: Flags [.], ack 37, win 512, length 0\n"
	  "E...................................................\n"
	  "10:00:00.000003 IP 10.0.0.1.5060 > 10.0.0.2.5060: Flags [P.], seq 37:53, ack 1, win 512, length 16\n"
	  "E...................................................-ID: 1\n"
	  "l: 0\n"
	  "\n"
	  "\n"
	  "10:00:00.200000 IP 10.0.0.1.5060 > 10.0.0.2.5060: Flags [P.], seq 1:37, ack 1, win 512, length 36\n"
	  "E...................................................REGISTER sip:a.example SIP/2.0\n"
	  "Call\n"
	  "10:00:00.300000 IP 10.0.0.2.5060 > 10.0.0.1.5060: Flags [P.], seq 1:25, ack 53, win 512, length 24\n"
	  "E...................................................SIP/2.0 200 OK\n"
	  "l: 0\n"
	  "\n"
	  "\n",
	  2, "REGISTER sip:a.example SIP/2.0\r\nCall-ID: 1\r\nl: 0\r\n\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "a retransmission", "not part of a SIP message", "-ID: 1", 7, 53 },
	/* tcpdump -v -tttt over IPv6: the message after tabs is dropped for
	 * the packet text's (after 40 + 8 bytes) */
	{ "tcpdump-v-ipv6",
	  "2026-11-21 10:00:01.000001 IP6 (flowlabel 0x1, hlim 64, next-header UDP (17) payload length: 32) "
	  "::1.5060 > ::1.5062: [udp sum ok] SIP, length: 24\n"
	  "\tSIP/2.0 200 OK\n"
	  "\tl: 0\n"
	  "\t\n"
	  "`...............................................SIP/2.0 200 OK\n"
	  "l: 0\n"
	  "\n"
	  "\n",
	  1, "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", "tcpdump -A's packet text", "not part of a SIP message", "l: 0", 6, 1 },
	/* tcpdump -v of a packet in GRE: the inner packet's IP header on a
	 * line after a tab, its endpoints and length on the next (the
	 * payload after 28 bytes of the inner headers, not the GRE length's) */
	{ "tcpdump-v-gre",
	  "00:16:40.000000 IP (tos 0x0, ttl 64, id 0, offset 0, flags [none], proto GRE (47), length 193, "
	  "bad cksum 0 (->f60a)!)\n"
	  "    192.0.2.1 > 192.0.2.2: GREv0, Flags [key present], key=0x2a, length 173\n"
	  "\tIP (tos 0x0, ttl 64, id 0, offset 0, flags [none], proto UDP (17), length 165, bad cksum 0 (->6644)!)\n"
	  "    10.1.0.1.5060 > 10.1.0.2.5060: [no cksum] SIP, length: 137\n"
	  "\tOPTIONS sip:b@example.net SIP/2.0\n"
	  "\tVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKt1\n"
	  "\tCall-ID: tun1\n"
	  "\tCSeq: 1 OPTIONS\n"
	  "\tContent-Length: 0\n"
	  "\t\n"
	  "E.......@/.......... ......*E.......@...\n"
	  "...\n"
	  "...........OPTIONS sip:b@example.net SIP/2.0\n"
	  "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKt1\n"
	  "Call-ID: tun1\n"
	  "CSeq: 1 OPTIONS\n"
	  "Content-Length: 0\n"
	  "\n"
	  "\n",
	  1, "OPTIONS sip:b@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKt1\r\n"
	  "Call-ID: tun1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n", "tcpdump -A's packet text", NULL,
	  "Call-ID", 15, 1 },
	/* tcpdump -v of VXLAN it does not decode ("unknown payload"): the
	 * packet's text read as text, its dots before the method (the
	 * headers' bytes) no part of it */
	{ "tcpdump-v-vxlan-dots",
	  "00:16:44.000000 IP (tos 0x0, ttl 64, id 0, offset 0, flags [none], proto UDP (17), length 215, "
	  "bad cksum 0 (->f612)!)\n"
	  "    192.0.2.1.49152 > 192.0.2.2.4789: [no cksum] \n"
	  "    BCM-LI-SHIM: direction unknown, pkt-type undecided, pkt-subtype unknown, li-id 0\n"
	  "    unknown payload\n"
	  "E.......@.........................*...............E.......@...\n"
	  "...\n"
	  "...........OPTIONS sip:b@example.net SIP/2.0\n"
	  "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKt5\n"
	  "Call-ID: tun5\n"
	  "CSeq: 5 OPTIONS\n"
	  "Content-Length: 0\n"
	  "\n"
	  "\n",
	  1, "OPTIONS sip:b@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKt5\r\n"
	  "Call-ID: tun5\r\nCSeq: 5 OPTIONS\r\nContent-Length: 0\r\n\r\n", NULL, NULL, "Call-ID", 9, 1 },
	/* -e, port 5060 with no length: the IP header's own (24 bytes with
	 * options: 'F') and UDP's 8 */
	{ "tcpdump-e-ip-options",
	  "10:00:01.000001 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 80: "
	  "10.0.0.1.5060 > 10.0.0.2.5060: SIP: OPTIONS sip:b.example SIP/2.0\n"
	  "F...............................OPTIONS sip:b.example SIP/2.0\n"
	  "l: 0\n"
	  "\n"
	  "\n",
	  1, "OPTIONS sip:b.example SIP/2.0\r\nl: 0\r\n\r\n", "tcpdump -A's packet text", NULL, "OPTIONS", 2, 33 },
	/* -e of a VLAN-tagged frame: the tag's "ethertype 802.1Q (0x8100),
	 * length N: vlan 5, p 0, " before the ethertype of the packet */
	{ "tcpdump-e-vlan",
	  "00:16:40.000000 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype 802.1Q (0x8100), length 184: vlan 5, "
	  "p 0, ethertype IPv4 (0x0800), 10.1.0.1.5060 > 10.1.0.2.5060: SIP: OPTIONS sip:b@example.net SIP/2.0\n"
	  "E.......@...\n"
	  "...\n"
	  "...........OPTIONS sip:b@example.net SIP/2.0\n"
	  "Call-ID: mpls5\n"
	  "Content-Length: 0\n"
	  "\n"
	  "\n",
	  1, "OPTIONS sip:b@example.net SIP/2.0\r\nCall-ID: mpls5\r\nContent-Length: 0\r\n\r\n",
	  "tcpdump -A's packet text", "ignored", "Call-ID", 5, 1 },
	/* a packet under an MPLS label: the line names the label stack, -A's
	 * text prints its 4 bytes before the IP header */
	{ "tcpdump-A-mpls",
	  "00:16:40.000000 MPLS (label 100, tc 0, [S], ttl 64) IP 10.1.0.1.5060 > 10.1.0.2.5060: SIP: "
	  "OPTIONS sip:b@example.net SIP/2.0\n"
	  "..A@E.......@...\n"
	  "...\n"
	  "...........OPTIONS sip:b@example.net SIP/2.0\n"
	  "Call-ID: mpls1\n"
	  "Content-Length: 0\n"
	  "\n"
	  "\n",
	  1, "OPTIONS sip:b@example.net SIP/2.0\r\nCall-ID: mpls1\r\nContent-Length: 0\r\n\r\n",
	  "tcpdump -A's packet text", "ignored", "Call-ID", 5, 1 },
	/* a PPPoE session's packet: -X's bytes from the PPPoE header on */
	{ "tcpdump-X-pppoe",
	  "00:16:43.000000 PPPoE  [ses 0x1] IP 10.1.0.1.5060 > 10.1.0.2.5060: SIP: OPTIONS sip:b@example.net SIP/2.0\n"
	  "\t0x0000:  1100 0001 00a8 0021 4500 00a6 0000 0000  .......!E.......\n"
	  "\t0x0010:  4011 0000 0a01 0001 0a01 0002 13c4 13c4  @...............\n"
	  "\t0x0020:  0092 0000 4f50 5449 4f4e 5320 7369 703a  ....OPTIONS.sip:\n"
	  "\t0x0030:  6240 6578 616d 706c 652e 6e65 7420 5349  b@example.net.SI\n"
	  "\t0x0040:  502f 322e 300d 0a56 6961 3a20 5349 502f  P/2.0..Via:.SIP/\n"
	  "\t0x0050:  322e 302f 5544 5020 3130 2e31 2e30 2e31  2.0/UDP.10.1.0.1\n"
	  "\t0x0060:  3a35 3036 303b 6272 616e 6368 3d7a 3968  :5060;branch=z9h\n"
	  "\t0x0070:  4734 624b 6d34 0d0a 4361 6c6c 2d49 443a  G4bKm4..Call-ID:\n"
	  "\t0x0080:  206d 706c 7334 0d0a 4353 6571 3a20 3420  .mpls4..CSeq:.4.\n"
	  "\t0x0090:  4f50 5449 4f4e 530d 0a43 6f6e 7465 6e74  OPTIONS..Content\n"
	  "\t0x00a0:  2d4c 656e 6774 683a 2030 0d0a 0d0a       -Length:.0....\n",
	  1, "OPTIONS sip:b@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 10.1.0.1:5060;branch=z9hG4bKm4\r\n"
	  "Call-ID: mpls4\r\nCSeq: 4 OPTIONS\r\nContent-Length: 0\r\n\r\n", "hex dumps of packets", "ignored",
	  "Call-ID", 9, 31 },
	/* a body line that starts with a clock is no packet line */
	{ "tcpdump-body-clock",
	  "09:00:00.000001 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 50\n"
	  "E.....@.@.O..............\n"
	  "..MESSAGE sip:b@x SIP/2.0\n"
	  "l: 16\n"
	  "\n"
	  "12:30:00 lunch\n"
	  "\n",
	  1, "MESSAGE sip:b@x SIP/2.0\r\nl: 16\r\n\r\n12:30:00 lunch\r\n", "tcpdump -A's packet text", "ignored",
	  "12:30", 6, 1 },
	/* tcpdump -X: the bytes from the hex, the payload where the IPv4 and
	 * UDP headers say, CR LF as sent; positions at the hex digits */
	{ "tcpdump-X",
	  "18:43:05.000001 IP 10.1.1.1.5060 > 10.2.2.2.5060: SIP: OPTIONS sip:b.example SIP/2.0\n"
	  "\t0x0000:  4500 0043 1234 0000 ff11 9270 0a01 0101  E..C.4.....p....\n"
	  "\t0x0010:  0a02 0202 13c4 13c4 002f 0a5b 4f50 5449  ........./.[OPTI\n"
	  "\t0x0020:  4f4e 5320 7369 703a 622e 6578 616d 706c  ONS.sip:b.exampl\n"
	  "\t0x0030:  6520 5349 502f 322e 300d 0a6c 3a20 300d  e.SIP/2.0..l:.0.\n"
	  "\t0x0040:  0a0d 0a                                  ...\n",
	  1, "OPTIONS sip:b.example SIP/2.0\r\nl: 0\r\n\r\n", "hex dumps of packets", "ignored", "l: 0", 5, 38 },
	/* tcpdump -xx: an Ethernet header first; TCP to port 443 holding a
	 * WebSocket frame a client masked (RFC 6455 §5.3): unmasked */
	{ "tcpdump-xx-websocket",
	  "18:43:05.000001 IP 10.1.1.1.40000 > 10.2.2.2.443: Flags [P.], seq 0:45, win 8192, length 45\n"
	  "\t0x0000:  2052 4543 5600 2053 454e 4400 0800 4500\n"
	  "\t0x0010:  0055 1234 0000 ff06 9269 0a01 0101 0a02\n"
	  "\t0x0020:  0202 9c40 01bb 0000 0000 0000 0000 5000\n"
	  "\t0x0030:  2000 7a75 0000 81a7 1122 3344 5e72 670d\n"
	  "\t0x0040:  5e6c 6064 624b 437e 730c 563c 704f 4328\n"
	  "\t0x0050:  7402 600d 410d 016a 212f 3928 2b02 0349\n"
	  "\t0x0060:  1b2f 39\n",
	  1, "OPTIONS sip:b.example SIP/2.0\r\nl: 0\r\n\r\n", "hex dumps of packets", "ignored", "OPTIONS", 5, 41 },
	/* tshark -P -x (Wireshark's Copy as Hex Dump has the shape of its
	 * lines): a summary line, then the frame's bytes from its Ethernet
	 * header; a message in two TCP segments joined by their sequence
	 * numbers, the blank and summary lines between them and the
	 * reassembled bytes tshark adds ignored */
	{ "hexdump-tshark-tcp",
	  "    1 0.000000000     10.1.1.1 → 10.2.2.2     TCP 100 5060 → 5060 [<None>] Seq=1 Win=8192 Len=46 [TCP segment of a reassembled PDU]\n"
	  "\n"
	  "0000  20 52 45 43 56 00 20 53 45 4e 44 00 08 00 45 00    RECV. SEND...E.\n"
	  "0010  00 56 12 34 00 00 ff 06 92 68 0a 01 01 01 0a 02   .V.4.....h......\n"
	  "0020  02 02 13 c4 13 c4 00 00 00 00 00 00 00 00 50 00   ..............P.\n"
	  "0030  20 00 4c 4d 00 00 4f 50 54 49 4f 4e 53 20 73 69    .LM..OPTIONS si\n"
	  "0040  70 3a 62 2e 65 78 61 6d 70 6c 65 20 53 49 50 2f   p:b.example SIP/\n"
	  "0050  32 2e 30 0d 0a 43 61 6c 6c 2d 49 44 3a 20 37 0d   2.0..Call-ID: 7.\n"
	  "0060  0a 6c 3a 20                                       .l: \n"
	  "\n"
	  "    2 0.000001000     10.1.1.1 → 10.2.2.2     SIP 60 Request: OPTIONS sip:b.example | \n"
	  "\n"
	  "Frame (60 bytes):\n"
	  "0000  20 52 45 43 56 00 20 53 45 4e 44 00 08 00 45 00    RECV. SEND...E.\n"
	  "0010  00 2d 12 34 00 00 ff 06 92 91 0a 01 01 01 0a 02   .-.4............\n"
	  "0020  02 02 13 c4 13 c4 00 00 00 2e 00 00 00 00 50 00   ..............P.\n"
	  "0030  20 00 0d 0a 00 00 30 0d 0a 0d 0a 00                .....0.....\n"
	  "Reassembled TCP (51 bytes):\n"
	  "0000  4f 50 54 49 4f 4e 53 20 73 69 70 3a 62 2e 65 78   OPTIONS sip:b.ex\n"
	  "0010  61 6d 70 6c 65 20 53 49 50 2f 32 2e 30 0d 0a 43   ample SIP/2.0..C\n"
	  "0020  61 6c 6c 2d 49 44 3a 20 37 0d 0a 6c 3a 20 30 0d   all-ID: 7..l: 0.\n"
	  "0030  0a 0d 0a                                          ...\n"
	  "\n",
	  1, "OPTIONS sip:b.example SIP/2.0\r\nCall-ID: 7\r\nl: 0\r\n\r\n", "hex dumps of packets", NULL, "Call-ID", 8, 22 },
	{ "hexdump-tshark-udp", TSHARK_P_X_OPTIONS,
	  1, "OPTIONS sip:b.example SIP/2.0\r\nl: 0\r\n\r\n", "hex dumps of packets", NULL, "l: 0", 7, 34 },
	/* a time before the first packet's (captures joined, mergecap -a) */
	{ "hexdump-tshark-negative-time",
	  "  197 -178844211.836557     10.1.1.1 → 10.2.2.2     SIP 81 Request: OPTIONS sip:b.example | \n"
	  TSHARK_X_OPTIONS_FRAME,
	  1, "OPTIONS sip:b.example SIP/2.0\r\nl: 0\r\n\r\n", "hex dumps of packets", NULL, "l: 0", 7, 34 },
	/* Wireshark's Copy as Hex Dump: three SP after the offset */
	{ "hexdump-wireshark-copy",
	  "0000   45 00 00 43 12 34 00 00 ff 11 92 70 0a 01 01 01   E..C.4.....p....\n"
	  "0010   0a 02 02 02 13 c4 13 c4 00 2f 0a 5b 4f 50 54 49   ........./.[OPTI\n"
	  "0020   4f 4e 53 20 73 69 70 3a 62 2e 65 78 61 6d 70 6c   ONS sip:b.exampl\n"
	  "0030   65 20 53 49 50 2f 32 2e 30 0d 0a 6c 3a 20 30 0d   e SIP/2.0..l: 0.\n"
	  "0040   0a 0d 0a                                          ...\n",
	  1, "OPTIONS sip:b.example SIP/2.0\r\nl: 0\r\n\r\n", "hex dumps of packets", "ignored", "l: 0", 4, 41 },
	/* TCP: a segment of another connection between the two segments of
	 * a message: each connection's text gathered apart, each message out
	 * when whole (the other's first), a CR LF keep-alive dropped */
	{ "tcpdump-tcp-interleaved",
	  "10:00:00.000001 IP 10.0.0.1.5060 > 10.0.0.2.5060: Flags [P.], seq 1:37, ack 1, win 512, length 36\n"
	  "E...................................................REGISTER sip:a.example SIP/2.0\n"
	  "Call\n"
	  "10:00:00.000002 IP 10.0.0.3.5060 > 10.0.0.2.5060: Flags [P.], seq 1:32, ack 1, win 512, length 31\n"
	  "E...................................................OPTIONS sip:b SIP/2.0\n"
	  "l: 0\n"
	  "\n"
	  "\n"
	  "10:00:00.000003 IP 10.0.0.1.5060 > 10.0.0.2.5060: Flags [P.], seq 37:55, ack 1, win 512, length 18\n"
	  "E...................................................-ID: 1\n"
	  "l: 0\n"
	  "\n"
	  "\n"
	  "\n",
	  2, "OPTIONS sip:b SIP/2.0\r\nl: 0\r\n\r\nREGISTER sip:a.example SIP/2.0\r\nCall-ID: 1\r\nl: 0\r\n\r\n",
	  "tcpdump -A's packet text", "not read", "-ID: 1", 10, 53 },
	/* the counts tcpdump prints as it stops end its last packet (here a
	 * TCP message whose last segment never came), and a message pasted
	 * after them is a message of its own */
	{ "tcpdump-counts-then-paste",
	  "10:00:00.000001 IP 10.0.0.1.5060 > 10.0.0.2.5060: Flags [P.], seq 1:37, ack 1, win 512, length 36\n"
	  "E...................................................REGISTER sip:a.example SIP/2.0\n"
	  "Call\n"
	  "1 packet captured\n"
	  "2 packets received by filter\n"
	  "0 packets dropped by kernel\n"
	  "SIP/2.0 200 OK\n"
	  "l: 0\n"
	  "\n",
	  2, "REGISTER sip:a.example SIP/2.0\r\n\r\nSIP/2.0 200 OK\r\nl: 0\r\n\r\n",
	  "ignored tcpdump's packet counts", NULL, "SIP/2.0 200", 7, 1 },
	/* IMS sec-agree with ealg=null: SIP in ESP without encryption over
	 * IPv6, found by the ESP trailer (padding 1 2 3, its length, next
	 * header UDP, a 12-byte ICV) */
	{ "hexdump-esp-null",
	  "0000  60 00 00 00 00 c4 32 40 20 01 0d b8 00 00 00 00   `.....2@ .......\n"
	  "0010  00 00 00 00 00 00 00 01 20 01 0d b8 00 00 00 00   ........ .......\n"
	  "0020  00 00 00 00 00 00 00 02 00 00 12 34 00 00 00 01   ...........4....\n"
	  "0030  13 c8 13 ca 00 ab 00 00 52 45 47 49 53 54 45 52   ........REGISTER\n"
	  "0040  20 73 69 70 3a 69 6d 73 2e 6d 6e 63 30 30 31 2e    sip:ims.mnc001.\n"
	  "0050  6d 63 63 30 30 31 2e 33 67 70 70 6e 65 74 77 6f   mcc001.3gppnetwo\n"
	  "0060  72 6b 2e 6f 72 67 20 53 49 50 2f 32 2e 30 0d 0a   rk.org SIP/2.0..\n"
	  "0070  56 69 61 3a 20 53 49 50 2f 32 2e 30 2f 55 44 50   Via: SIP/2.0/UDP\n"
	  "0080  20 5b 32 30 30 31 3a 64 62 38 3a 3a 31 5d 3a 35    [2001:db8::1]:5\n"
	  "0090  30 36 34 3b 62 72 61 6e 63 68 3d 7a 39 68 47 34   064;branch=z9hG4\n"
	  "00a0  62 4b 31 0d 0a 43 61 6c 6c 2d 49 44 3a 20 65 73   bK1..Call-ID: es\n"
	  "00b0  70 31 0d 0a 43 53 65 71 3a 20 32 20 52 45 47 49   p1..CSeq: 2 REGI\n"
	  "00c0  53 54 45 52 0d 0a 43 6f 6e 74 65 6e 74 2d 4c 65   STER..Content-Le\n"
	  "00d0  6e 67 74 68 3a 20 30 0d 0a 0d 0a 01 02 03 03 11   ngth: 0.........\n"
	  "00e0  aa aa aa aa aa aa aa aa aa aa aa aa               ............\n",
	  1, "REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bK1\r\n"
	     "Call-ID: esp1\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n",
	  "hex dumps of packets", "ignored", "REGISTER", 4, 31 },
	/* SIP over SCTP: a message in two DATA chunks, (B) and (E), in two
	 * packets (tcpdump -x): joined; the first chunk ends in the middle of
	 * the start line's CR LF, the second its 3 bytes of padding */
	{ "hexdump-sctp-chunks",
	  "10:00:00.000001 IP 10.0.0.1.5060 > 10.0.0.2.5060: sctp (1) [DATA] (B) [TSN: 1] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "\t0x0000:  4500 0050 0010 0000 4084 0000 0a00 0001\n"
	  "\t0x0010:  0a00 0002 13c4 13c4 0000 1234 0000 0000\n"
	  "\t0x0020:  0002 002e 0000 0001 0000 0000 0000 0000\n"
	  "\t0x0030:  4f50 5449 4f4e 5320 7369 703a 622e 6578\n"
	  "\t0x0040:  616d 706c 6520 5349 502f 322e 300d 0000\n"
	  "10:00:00.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: sctp (1) [DATA] (E) [TSN: 2] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "\t0x0000:  4500 004c 0011 0000 4084 0000 0a00 0001\n"
	  "\t0x0010:  0a00 0002 13c4 13c4 0000 1234 0000 0000\n"
	  "\t0x0020:  0001 002b 0000 0002 0000 0000 0000 0000\n"
	  "\t0x0030:  0a43 616c 6c2d 4944 3a20 390d 0a6c 3a20\n"
	  "\t0x0040:  360d 0a0d 0a61 6263 6465 6600\n",
	  1, "OPTIONS sip:b.example SIP/2.0\r\nCall-ID: 9\r\nl: 6\r\n\r\nabcdef", "hex dumps of packets", "ignored",
	  "Call-ID", 11, 13 },
	/* the same in tcpdump -A's text (split inside a header): the chunks
	 * joined, the '.' of the last chunk's padding dropped */
	{ "tcpdump-sctp-chunks",
	  "00:16:40.000001 IP 192.0.2.1.5060 > 192.0.2.2.5060: sctp (1) [DATA] (B) [TSN: 1] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "E..T....@..................4.......4............OPTIONS sip:b.example SIP/2.0\n"
	  "Call-\n"
	  "00:16:40.000002 IP 192.0.2.1.5060 > 192.0.2.2.5060: sctp (1) [DATA] (E) [TSN: 2] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "E..H....@..................4.......%............ID: 9\n"
	  "l: 6\n"
	  "\n"
	  "abcdef...\n",
	  1, "OPTIONS sip:b.example SIP/2.0\r\nCall-ID: 9\r\nl: 6\r\n\r\nabcdef", "tcpdump -A's packet text", "ignored",
	  "abcdef", 8, 1 },
	/* a DATA chunk SCTP sent again (its TSN read: tcpdump prints it) is
	 * dropped; one that comes after a chunk of higher TSN is not one
	 * sent again: here a message of its own, read */
	{ "tcpdump-sctp-resent",
	  "00:16:40.000001 IP 192.0.2.1.5060 > 192.0.2.2.5060: sctp (1) [DATA] (B)(E) [TSN: 7] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "E..T....@..................4.......4............OPTIONS sip:a SIP/2.0\n"
	  "l: 0\n"
	  "\n"
	  "00:16:40.000002 IP 192.0.2.1.5060 > 192.0.2.2.5060: sctp (1) [DATA] (B)(E) [TSN: 9] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "E..T....@..................4.......4............OPTIONS sip:c SIP/2.0\n"
	  "l: 0\n"
	  "\n"
	  "00:16:40.000003 IP 192.0.2.1.5060 > 192.0.2.2.5060: sctp (1) [DATA] (B)(E) [TSN: 7] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "E..T....@..................4.......4............OPTIONS sip:a SIP/2.0\n"
	  "l: 0\n"
	  "\n"
	  "00:16:40.000004 IP 192.0.2.1.5060 > 192.0.2.2.5060: sctp (1) [DATA] (B)(E) [TSN: 8] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "E..T....@..................4.......4............OPTIONS sip:b SIP/2.0\n"
	  "l: 0\n"
	  "\n",
	  3, "OPTIONS sip:a SIP/2.0\r\nl: 0\r\n\r\nOPTIONS sip:c SIP/2.0\r\nl: 0\r\n\r\nOPTIONS sip:b SIP/2.0\r\nl: 0\r\n\r\n",
	  "ignored an SCTP DATA chunk shown again (a retransmission: its TSN was read)", "goes on with", "OPTIONS sip:b", 14, 49 },
	/* ESP with encryption after a datagram (IMS sec-agree with
	 * ealg=aes-cbc): nothing to read in it, said as such */
	{ "hexdump-esp-encrypted",
	  TSHARK_P_X_OPTIONS
	  "    2 0.000100000     10.0.0.1 → 10.0.0.2     ESP 68 ESP (SPI=0x00001234)\n"
	  "\n"
	  "0000  45 00 00 44 00 02 00 00 40 32 00 00 0a 00 00 01\n"
	  "0010  0a 00 00 02 00 00 12 34 00 00 00 01 0b 30 55 7a\n"
	  "0020  9f c4 e9 0e 33 58 7d a2 c7 ec 11 36 5b 80 a5 ca\n"
	  "0030  ef 14 39 5e 83 a8 cd f2 17 3c 61 86 ab d0 f5 1a\n"
	  "0040  3f 64 89 ae\n",
	  1, "OPTIONS sip:b.example SIP/2.0\r\nl: 0\r\n\r\n", "ignored ESP packets whose payload is encrypted",
	  "carry no SIP", "l: 0", 7, 34 },
	/* the same in tcpdump -A's text: tcpdump names it ESP and prints
	 * nothing of what it holds */
	{ "tcpdump-esp-encrypted",
	  "10:00:00.000001 IP 192.0.2.1.5060 > 192.0.2.2.5060: SIP: OPTIONS sip:b SIP/2.0\n"
	  "E..;....@................'..OPTIONS sip:b SIP/2.0\n"
	  "l: 0\n"
	  "\n"
	  "\n"
	  "10:00:00.000002 IP 192.0.2.1 > 192.0.2.2: ESP(spi=0x00001234,seq=0x1), length 48\n"
	  "E..D....@2.............4.....0Uz....3X}....6[.....9^.....<a.....?d..\n",
	  1, "OPTIONS sip:b SIP/2.0\r\nl: 0\r\n\r\n", "ignored ESP packets whose payload is encrypted", "carry no SIP",
	  "OPTIONS", 2, 29 },
	/* a datagram in two IPv4 fragments in tcpdump -A's text: the later
	 * one names no ports ("ip-proto-17"), so it is the next of the open
	 * datagram between the same hosts; with -v the IP headers say so */
	{ "tcpdump-ipv4-fragments",
	  "10:00:00.000001 IP 192.0.2.1.5060 > 192.0.2.2.5060: SIP: OPTIONS sip:b SIP/2.0\n"
	  "E..<BB .@................7..OPTIONS sip:b SIP/2.0\n"
	  "Call-ID: \n"
	  "10:00:00.000002 IP 192.0.2.1 > 192.0.2.2: ip-proto-17\n"
	  "E..#BB..@...........7\n"
	  "l: 4\n"
	  "\n"
	  "abcd\n",
	  1, "OPTIONS sip:b SIP/2.0\r\nCall-ID: 7\r\nl: 4\r\n\r\nabcd", "tcpdump -A's packet text", "ignored", "abcd", 8,
	  1 },
	{ "tcpdump-v-ipv4-fragments",
	  "10:00:00.000001 IP (tos 0x0, ttl 64, id 16962, offset 0, flags [+], proto UDP (17), length 60, bad cksum 0 (->946b)!)\n"
	  "    192.0.2.1.5060 > 192.0.2.2.5060: SIP, length: 32\n"
	  "\tOPTIONS sip:b SIP/2.0\n"
	  "\tCall-ID:  [|sip]\n"
	  "E..<BB .@................7..OPTIONS sip:b SIP/2.0\n"
	  "Call-ID: \n"
	  "10:00:00.000002 IP (tos 0x0, ttl 64, id 16962, offset 40, flags [none], proto UDP (17), length 35, bad cksum 0 (->b47f)!)\n"
	  "    192.0.2.1 > 192.0.2.2: ip-proto-17\n"
	  "E..#BB..@...........7\n"
	  "l: 4\n"
	  "\n"
	  "abcd\n",
	  1, "OPTIONS sip:b SIP/2.0\r\nCall-ID: 7\r\nl: 4\r\n\r\nabcd", "tcpdump -A's packet text", "ignored", "abcd", 12,
	  1 },
	/* SCTP bundling: a SACK and three DATA chunks in one packet, two
	 * whole messages and the start of a third, cut inside its start line,
	 * whose (E) chunk comes in the next packet */
	{ "hexdump-sctp-bundled",
	  "10:00:00.000001 IP 192.0.2.1.5060 > 192.0.2.2.5060: sctp (1) [SACK] [cum ack 5] [a_rwnd 1000] [#gap acks 0] [#dup tsns 0] , (2) [DATA] (B)(E) [TSN: 1] [SID: 0] [SSEQ 0] [PPID 0x0] , (3) [DATA] (B)(E) [TSN: 2] [SID: 0] [SSEQ 0] [PPID 0x0] , (4) [DATA] (B) [TSN: 3] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "\t0x0000:  4500 00c4 0001 0000 4084 0000 c000 0201\n"
	  "\t0x0010:  c000 0202 13c4 13c4 0000 0001 0000 0000\n"
	  "\t0x0020:  0300 0010 0000 0005 0000 03e8 0000 0000\n"
	  "\t0x0030:  0003 003b 0000 0001 0000 0000 0000 0000\n"
	  "\t0x0040:  4f50 5449 4f4e 5320 7369 703a 6120 5349\n"
	  "\t0x0050:  502f 322e 300d 0a43 616c 6c2d 4944 3a20\n"
	  "\t0x0060:  310d 0a6c 3a20 300d 0a0d 0a00 0003 003c\n"
	  "\t0x0070:  0000 0002 0000 0000 0000 0000 4f50 5449\n"
	  "\t0x0080:  4f4e 5320 7369 703a 6220 5349 502f 322e\n"
	  "\t0x0090:  300d 0a43 616c 6c2d 4944 3a20 320d 0a6c\n"
	  "\t0x00a0:  3a20 310d 0a0d 0a78 0002 001a 0000 0003\n"
	  "\t0x00b0:  0000 0000 0000 0000 4f50 5449 4f4e 5320\n"
	  "\t0x00c0:  7369 0000\n"
	  "10:00:00.000002 IP 192.0.2.1.5060 > 192.0.2.2.5060: sctp (1) [DATA] (E) [TSN: 4] [SID: 0] [SSEQ 0] [PPID 0x0] \n"
	  "\t0x0000:  4500 0054 0002 0000 4084 0000 c000 0201\n"
	  "\t0x0010:  c000 0202 13c4 13c4 0000 0001 0000 0000\n"
	  "\t0x0020:  0001 0031 0000 0004 0000 0000 0000 0000\n"
	  "\t0x0030:  703a 6320 5349 502f 322e 300d 0a43 616c\n"
	  "\t0x0040:  6c2d 4944 3a20 330d 0a6c 3a20 300d 0a0d\n"
	  "\t0x0050:  0a00 0000\n",
	  3,
	  "OPTIONS sip:a SIP/2.0\r\nCall-ID: 1\r\nl: 0\r\n\r\nOPTIONS sip:b SIP/2.0\r\nCall-ID: 2\r\nl: 1\r\n\r\nx"
	  "OPTIONS sip:c SIP/2.0\r\nCall-ID: 3\r\nl: 0\r\n\r\n",
	  "hex dumps of packets", "ignored", "OPTIONS sip:c", 13, 31 },
	/* sngrep's Save as .txt (capture_txt.c): each message after its
	 * packet's header line, a blank line after it */
	{ "sngrep-txt",
	  "2016/03/08 10:51:51.123456 192.168.1.2:5060 -> 212.242.33.35:5060\n"
	  "MESSAGE sip:b@x SIP/2.0\r\nl: 5\r\n\r\nhello\n"
	  "\n"
	  "2016/03/08 10:51:51.223456 2001:db8::2:5060 -> 2001:db8::1:5060\n"
	  "SIP/2.0 200 OK\r\nl: 0\r\n\r\n\n"
	  "\n",
	  2, "MESSAGE sip:b@x SIP/2.0\r\nl: 5\r\n\r\nhelloSIP/2.0 200 OK\r\nl: 0\r\n\r\n", "sngrep's text", NULL,
	  "SIP/2.0 200", 8, 1 },
	/* TCP in tcpdump -A's text, a body of XML with LF line ends (a reg
	 * event NOTIFY) over two segments: the payload found after the IP and
	 * TCP headers, the TCP header's length from its options, not by
	 * walking back from the end, where each LF would count as CR LF */
	{ "tcpdump-tcp-lf-body",
	  "10:00:00.000001 IP 10.0.0.2.5060 > 10.0.0.1.5060: Flags [P.], seq 1:224, ack 1, win 512, options [nop,nop,TS val 1000 ecr 2000], length 223\n"
	  "E.......@...\n"
	  "...\n"
	  "..........................\n"
	  "........NOTIFY sip:ue@10.0.0.1:5060 SIP/2.0\n"
	  "Via: SIP/2.0/TCP 10.0.0.2;branch=z9hG4bK1\n"
	  "Call-ID: n1\n"
	  "CSeq: 2 NOTIFY\n"
	  "Event: reg\n"
	  "Content-Type: application/reginfo+xml\n"
	  "Content-Length: 627\n"
	  "\n"
	  "<?xml version=\"1.0\"?>\n"
	  "<reginfo xmlns=\"ur\n"
	  "10:00:00.000002 IP 10.0.0.2.5060 > 10.0.0.1.5060: Flags [P.], seq 223:810, ack 1, win 512, options [nop,nop,TS val 1000 ecr 2000], length 587\n"
	  "E.......@...\n"
	  "...\n"
	  "..........................\n"
	  "........n:ietf:params:xml:ns:reginfo\" version=\"0\" state=\"full\">\n"
	  "  <registration aor=\"sip:0@ims.example\" id=\"a0\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:1@ims.example\" id=\"a1\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:2@ims.example\" id=\"a2\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:3@ims.example\" id=\"a3\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:4@ims.example\" id=\"a4\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:5@ims.example\" id=\"a5\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:6@ims.example\" id=\"a6\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:7@ims.example\" id=\"a7\" state=\"active\"/>\n"
	  "</reginfo>\n"
	  "\n",
	  1,
	  "NOTIFY sip:ue@10.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/TCP 10.0.0.2;branch=z9hG4bK1\r\n"
	  "Call-ID: n1\r\nCSeq: 2 NOTIFY\r\nEvent: reg\r\nContent-Type: application/reginfo+xml\r\n"
	  "Content-Length: 627\r\n\r\n<?xml version=\"1.0\"?>\n<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" version=\"0\" state=\"full\">\n"
	  "  <registration aor=\"sip:0@ims.example\" id=\"a0\" state=\"active\"/>\n  <registration aor=\"sip:1@ims.example\" id=\"a1\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:2@ims.example\" id=\"a2\" state=\"active\"/>\n  <registration aor=\"sip:3@ims.example\" id=\"a3\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:4@ims.example\" id=\"a4\" state=\"active\"/>\n  <registration aor=\"sip:5@ims.example\" id=\"a5\" state=\"active\"/>\n"
	  "  <registration aor=\"sip:6@ims.example\" id=\"a6\" state=\"active\"/>\n  <registration aor=\"sip:7@ims.example\" id=\"a7\" state=\"active\"/>\n"
	  "</reginfo>\n",
	  "tcpdump -A's packet text", "ignored", "</reginfo>", 28, 1 },
	/* a line of sngrep's message that ends in '.' keeps it (ngrep's
	 * byline '.' for CR is no part of this format) */
	{ "sngrep-txt-dots",
	  "2016/03/08 10:51:51.123456 192.168.1.2:5060 -> 212.242.33.35:5060\n"
	  "SIP/2.0 403 Forbidden.\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1.\r\nl: 0\r\n\r\n\n",
	  1, "SIP/2.0 403 Forbidden.\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1.\r\nl: 0\r\n\r\n", "sngrep's text", "'.'",
	  "Via", 3, 1 },
	/* a header field that holds a start line is the message's, not a prefix */
	{ "prefix-header-field",
	  "REGISTER sip:a.example SIP/2.0\nSubject: REGISTER sip:b.example SIP/2.0\nl: 0\n\n",
	  1, "REGISTER sip:a.example SIP/2.0\r\nSubject: REGISTER sip:b.example SIP/2.0\r\nl: 0\r\n\r\n",
	  NULL, "log text before a start line", "sip:b.example", 2, 19 },
};

static void test_log_formats(void)
{
	for (size_t i = 0; i < sizeof log_cases / sizeof log_cases[0]; i++) {
		const struct log_case *c = &log_cases[i];
		struct paste p;
		check_normalised(&p, c->name, c->in, c->nmsgs, c->want, c->repair, c->bad_repair);
		const char *at = p.text.ptr ? strstr(p.text.ptr, c->at) : NULL;
		CHECK(at != NULL);
		if (at) {
			unsigned line, col;
			paste_position(&p, (size_t)(at - p.text.ptr), &line, &col);
			if (line != c->line || col != c->col)
				fprintf(stderr, "%s: \"%s\" at %u:%u, want %u:%u\n", c->name, c->at, line, col,
					c->line, c->col);
			CHECK_INT_EQ(line, c->line);
			CHECK_INT_EQ(col, c->col);
		}
		paste_fini(&p);
	}
}

/* paste_normalise of in with its n-th allocation failing, for n = 0, 1, ...
 * up to max: -ENOMEM and nothing leaked each time, until one run needs no
 * more than n and succeeds. */
static void check_allocation_failures(const char *in, size_t len, long max)
{
	long base = alloc_live();
	int ok = 0;
	for (long n = 0; n < max && !ok; n++) {
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
}

/* Every allocation of the log format pass fails cleanly too. */
static void test_log_format_allocation_failures(void)
{
	for (size_t i = 0; i < sizeof log_cases / sizeof log_cases[0]; i++)
		check_allocation_failures(log_cases[i].in, strlen(log_cases[i].in), 400);
}

/* A message read from tcpdump's output carries its packet's line (of the
 * segment its start line came in, the messages in the order they became
 * whole); other messages none. */
/* The log case of that name, normalised into p: its number of messages. */
static size_t log_case_normalise(struct paste *p, const char *name)
{
	for (size_t i = 0; i < sizeof log_cases / sizeof log_cases[0]; i++)
		if (strcmp(log_cases[i].name, name) == 0) {
			CHECK_INT_EQ(paste_normalise(p, log_cases[i].in, strlen(log_cases[i].in), NULL), 0);
			return p->nmsgs;
		}
	CHECK(!"no such log case");
	return 0;
}

static void test_capture_messages_carry_their_packet_line(void)
{
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(log_case_normalise(&p, "tcpdump-tcp-interleaved"), 2);
	if (p.nmsgs == 2) {
		CHECK_SLICE_EQ(p.msgs[0].packet, "10:00:00.000002 IP 10.0.0.3.5060 > 10.0.0.2.5060: Flags [P.], "
						 "seq 1:32, ack 1, win 512, length 31");
		CHECK_SLICE_EQ(p.msgs[1].packet, "10:00:00.000001 IP 10.0.0.1.5060 > 10.0.0.2.5060: Flags [P.], "
						 "seq 1:37, ack 1, win 512, length 36");
	}
	/* tshark -P: its summary line, without the Info column's " | "; a
	 * TCP message: that of the segment its start line came in (a frame
	 * with more data sources after it: before "Frame (N bytes):") */
	CHECK_INT_EQ(log_case_normalise(&p, "hexdump-tshark-udp"), 1);
	if (p.nmsgs == 1) {
		CHECK_SLICE_EQ(p.msgs[0].packet, "1 0.000000000     10.1.1.1 → 10.2.2.2     SIP 81 Request: OPTIONS "
						 "sip:b.example");
		/* which does not say the ports: the dump's headers do */
		CHECK_SLICE_EQ(paste_ends(&p, &p.msgs[0]), "IP 10.1.1.1.5060 > 10.2.2.2.5060: UDP, length 39");
	}
	CHECK_INT_EQ(log_case_normalise(&p, "hexdump-tshark-negative-time"), 1);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(p.msgs[0].packet, "197 -178844211.836557     10.1.1.1 → 10.2.2.2     SIP 81 Request: "
						 "OPTIONS sip:b.example");
	CHECK_INT_EQ(log_case_normalise(&p, "hexdump-tshark-tcp"), 1);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(p.msgs[0].packet, "1 0.000000000     10.1.1.1 → 10.2.2.2     TCP 100 5060 → 5060 "
						 "[<None>] Seq=1 Win=8192 Len=46 [TCP segment of a reassembled PDU]");
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(paste_ends(&p, &p.msgs[0]), "IP 10.1.1.1.5060 > 10.2.2.2.5060: TCP, length 46");
	/* a hex dump alone: a line written from its headers, as tcpdump -q
	 * -nn would print it without the time; ESP without encryption named */
	CHECK_INT_EQ(log_case_normalise(&p, "hexdump-wireshark-copy"), 1);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(p.msgs[0].packet, "IP 10.1.1.1.5060 > 10.2.2.2.5060: UDP, length 39");
	CHECK(p.nmsgs == 1 && paste_ends(&p, &p.msgs[0]).ptr == NULL); /* its line says them */
	CHECK_INT_EQ(log_case_normalise(&p, "hexdump-esp-null"), 1);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(p.msgs[0].packet, "IP6 2001:db8::1.5064 > 2001:db8::2.5066: UDP, length 163, in ESP "
						 "(SPI 0x00001234, null encryption)");
	/* the same packet in an Ethernet frame under two VLAN tags (802.1ad
	 * 200, 802.1Q 100) and two MPLS labels (16, 1001): they end the line */
	{
		static const unsigned char l2[] = { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0x88, 0xa8, 0x00, 0xc8,
						    0x81, 0x00, 0x20, 0x64, 0x88, 0x47, 0x00, 0x01, 0x00, 0x40,
						    0x00, 0x3e, 0x91, 0x40 };
		static const unsigned char ip[] = { 0x45, 0x00, 0x00, 0x43, 0x12, 0x34, 0x00, 0x00, 0xff, 0x11, 0x92,
						    0x70, 0x0a, 0x01, 0x01, 0x01, 0x0a, 0x02, 0x02, 0x02, 0x13, 0xc4,
						    0x13, 0xc4, 0x00, 0x2f, 0x0a, 0x5b };
		static const char sip[] = "OPTIONS sip:b.example SIP/2.0\r\nl: 0\r\n\r\n";
		unsigned char fr[160];
		size_t fn = 0;
		memcpy(fr, l2, sizeof l2), fn += sizeof l2;
		memcpy(fr + fn, ip, sizeof ip), fn += sizeof ip;
		memcpy(fr + fn, sip, sizeof sip - 1), fn += sizeof sip - 1;
		char dump[1024];
		size_t dn = 0;
		for (size_t i = 0; i < fn; i += 16) {
			dn += (size_t)snprintf(dump + dn, sizeof dump - dn, "%04zx  ", i);
			for (size_t k = i; k < i + 16 && k < fn; k++)
				dn += (size_t)snprintf(dump + dn, sizeof dump - dn, " %02x", fr[k]);
			dn += (size_t)snprintf(dump + dn, sizeof dump - dn, "\n");
		}
		CHECK_INT_EQ(paste_normalise(&p, dump, dn, NULL), 0);
		CHECK_INT_EQ(p.nmsgs, 1);
		if (p.nmsgs == 1)
			CHECK_SLICE_EQ(p.msgs[0].packet, "IP 10.1.1.1.5060 > 10.2.2.2.5060: UDP, length 39, on VLANs "
							 "200, 100, under MPLS labels 16, 1001");
	}
	/* ngrep: its packet header, in each of its layouts */
	CHECK_INT_EQ(log_case_normalise(&p, "ngrep-byline"), 2);
	if (p.nmsgs == 2) {
		CHECK_SLICE_EQ(p.msgs[0].packet, "U 10.0.0.1:5060 -> 10.0.0.2:5060 #1");
		CHECK_SLICE_EQ(p.msgs[1].packet, "T 2026/11/20 10:00:01.123456 10.0.0.2:5060 -> 10.0.0.1:5060 [AP] #2");
	}
	CHECK_INT_EQ(log_case_normalise(&p, "ngrep-none"), 1);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(p.msgs[0].packet, "U 10.0.0.1:5060 -> 10.0.0.2:5060 #1");
	CHECK_INT_EQ(log_case_normalise(&p, "ngrep-normal"), 1);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(p.msgs[0].packet, "U 10.0.0.1:5060 -> 10.0.0.2:5060 #1");
	CHECK_INT_EQ(log_case_normalise(&p, "ngrep-none-status"), 1);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(p.msgs[0].packet, "U 2026/11/20 10:00:01.000000 10.0.0.2:5060 -> 10.0.0.1:5060 #3");
	CHECK_INT_EQ(log_case_normalise(&p, "ngrep-single"), 2);
	if (p.nmsgs == 2) {
		CHECK_SLICE_EQ(p.msgs[0].packet, "U 2026/11/20 10:00:01.000000 10.0.0.1:5060 -> 10.0.0.2:5060");
		CHECK_SLICE_EQ(p.msgs[1].packet, "T 2026/11/20 10:00:01.100000 2001:db8::2:5060 -> 2001:db8::1:40000 [AP]");
	}
	/* sngrep's text: its packet header line */
	CHECK_INT_EQ(log_case_normalise(&p, "sngrep-txt"), 2);
	if (p.nmsgs == 2) {
		CHECK_SLICE_EQ(p.msgs[0].packet, "2016/03/08 10:51:51.123456 192.168.1.2:5060 -> 212.242.33.35:5060");
		CHECK_SLICE_EQ(p.msgs[1].packet, "2016/03/08 10:51:51.223456 2001:db8::2:5060 -> 2001:db8::1:5060");
	}
	static const char plain[] = "OPTIONS sip:b SIP/2.0\nl: 0\n\n";
	CHECK_INT_EQ(paste_normalise(&p, plain, sizeof plain - 1, NULL), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	CHECK(p.nmsgs == 1 && p.msgs[0].packet.ptr == NULL && p.msgs[0].packet.len == 0 &&
	      paste_ends(&p, &p.msgs[0]).ptr == NULL);
	paste_fini(&p);
}

/* A body whose last lines are empty and make its Content-Length (RFC 4475
 * multi01's SDP ends so): each of its bytes at its own line, not counted
 * on from the first (a span across lines did, which fuzz_paste found) */
/* A message again within 100 ms between the same endpoints (tcpdump -i
 * any prints a packet once per interface) is one packet seen twice: left
 * out, as a repair at its start line; one 500 ms later (sent again) or
 * from another port is kept. */
static void test_one_packet_seen_twice_is_one_message(void)
{
#define OPT "OPTIONS sip:a SIP/2.0\r\nCall-ID: 1\r\nl: 0\r\n\r\n\n\n"
	static const char in[] = "2026/11/21 10:00:01.000100 10.0.0.1:5060 -> 10.0.0.2:5060\n" OPT
				 "2026/11/21 10:00:01.000140 10.0.0.1:5060 -> 10.0.0.2:5060\n" OPT
				 "2026/11/21 10:00:01.500140 10.0.0.1:5060 -> 10.0.0.2:5060\n" OPT
				 "2026/11/21 10:00:01.500150 10.0.0.1:5061 -> 10.0.0.2:5060\n" OPT;
#undef OPT
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	CHECK_INT_EQ(p.nmsgs, 3);
	static const unsigned lines[] = { 2, 16, 23 };
	for (size_t i = 0; i < 3 && i < p.nmsgs; i++)
		CHECK_INT_EQ(p.msgs[i].first_line, lines[i]);
	size_t copies = 0;
	for (size_t i = 0; i < p.nrepairs; i++)
		if (strstr(p.repairs[i].what, "left out a copy of the message before it")) {
			copies++;
			CHECK_INT_EQ(p.repairs[i].line, 9);
		}
	CHECK_INT_EQ(copies, 1);
	paste_fini(&p);
}

static void test_blank_lines_of_a_body_map_to_their_own_lines(void)
{
	static const char in[] = "OPTIONS sip:b SIP/2.0\r\nl: 8\r\n\r\nab\r\n\r\n\r\n\r\n";
	static const unsigned want[][2] = { { 4, 3 }, { 4, 4 }, { 5, 1 }, { 5, 2 }, { 6, 1 }, { 6, 2 } };
	struct paste p;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, NULL), 0);
	const char *body = strstr(p.text.ptr, "ab\r\n");
	CHECK(body != NULL && p.nmsgs == 1);
	if (body && (size_t)(body - p.text.ptr) + 8 == p.text.len) {
		for (unsigned k = 2; k < 8; k++) {
			unsigned line, col;
			paste_position(&p, (size_t)(body - p.text.ptr) + k, &line, &col);
			CHECK_INT_EQ(line, want[k - 2][0]);
			CHECK_INT_EQ(col, want[k - 2][1]);
		}
	}
	paste_fini(&p);
}

static void test_no_start_line_and_no_known_field_is_an_error(void)
{
	static const char in[] = "hello\nNote: a field of no SIP header\n";
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, &err), -EBADMSG);
	CHECK(err.reason && strcmp(err.reason, "no SIP request line, status line or known header field found") == 0);
	CHECK_INT_EQ(paste_normalise(&p, "", 0, &err), -EBADMSG);
	paste_fini(&p);
}

/* Whether the first needle in p's text maps back to input line and col
 * (false too when the text holds no needle). */
static bool text_at(const struct paste *p, const char *needle, unsigned line, unsigned col)
{
	const char *at = p->text.ptr ? strstr(p->text.ptr, needle) : NULL;
	unsigned l = 0, c = 0;
	if (at)
		paste_position(p, (size_t)(at - p->text.ptr), &l, &c);
	if (at && (l != line || c != col))
		fprintf(stderr, "\"%s\" at %u:%u, want %u:%u\n", needle, l, c, line, col);
	return at && l == line && c == col;
}

/* Whether a repair of p says what (a substring), on line. */
static bool repaired(const struct paste *p, unsigned line, const char *what)
{
	for (size_t i = 0; i < p->nrepairs; i++)
		if (p->repairs[i].line == line && strstr(p->repairs[i].what, what))
			return true;
	return false;
}

/* Header fields pasted with no start line anywhere: each run of header
 * lines (the first a name the codec knows) is a block of fields, with the
 * paste's repairs (LF, folding at column 0, blank lines between fields,
 * a common indentation), text around it ignored, no body unless
 * Content-Length gives one; a start line anywhere keeps messages only. */
static void test_fields_without_a_start_line_are_blocks(void)
{
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	static const char one[] = "Authorization: Digest username=\"a@b\",\nrealm=\"b\"\n\n"
				  "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96\n";
	CHECK_INT_EQ(paste_normalise(&p, one, sizeof one - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	CHECK(p.nmsgs == 1 && p.msgs[0].fields && p.msgs[0].first_line == 1);
	CHECK_SLICE_EQ(buf_view(&p.text), "Authorization: Digest username=\"a@b\",\r\n realm=\"b\"\r\n"
					  "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96\r\n\r\n");
	CHECK(repaired(&p, 2, "joined to the previous header as folding"));
	CHECK(repaired(&p, 3, "removed blank lines between header lines"));

	/* prose around two blocks; the second's Content-Length gives a body */
	static const char two[] = "The UE sent:\n\nExpires: 0\nContact: *\n\nand the 200 had:\n"
				  "l: 6\nP-Associated-URI: <sip:a@b>\n\nbody\n\nthe end\n";
	CHECK_INT_EQ(paste_normalise(&p, two, sizeof two - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 2);
	if (p.nmsgs == 2) {
		CHECK(p.msgs[0].fields && p.msgs[1].fields);
		CHECK_INT_EQ(p.msgs[0].first_line, 3);
		CHECK_INT_EQ(p.msgs[1].first_line, 7);
		CHECK_SLICE_EQ(slice_make(p.text.ptr + p.msgs[0].offset, p.msgs[0].len),
			       "Expires: 0\r\nContact: *\r\n\r\n");
		CHECK_SLICE_EQ(slice_make(p.text.ptr + p.msgs[1].offset, p.msgs[1].len),
			       "l: 6\r\nP-Associated-URI: <sip:a@b>\r\n\r\nbody\r\n");
	}
	CHECK(repaired(&p, 1, "ignored text"));
	CHECK(repaired(&p, 6, "ignored text"));
	CHECK(repaired(&p, 12, "after the body as Content-Length sets it"));

	/* quoted with an indentation: removed, positions kept */
	static const char ind[] = "    P-Access-Network-Info: 3GPP-E-UTRAN-FDD;\n"
				  "      utran-cell-id-3gpp=3104100a1b2c3d4e5\n";
	CHECK_INT_EQ(paste_normalise(&p, ind, sizeof ind - 1, &err), 0);
	CHECK(p.nmsgs == 1 && p.msgs[0].fields);
	CHECK_SLICE_EQ(buf_view(&p.text), "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;\r\n"
					  "  utran-cell-id-3gpp=3104100a1b2c3d4e5\r\n\r\n");
	CHECK(repaired(&p, 1, "removed the indentation"));
	unsigned line, col;
	paste_position(&p, sizeof "P-Access-Network-Info: " - 1, &line, &col);
	CHECK(line == 1 && col == 28);

	/* header lines before the first start line: a block of their own
	 * (the Authorization line pasted above the REGISTER), the text
	 * before them ignored */
	static const char msg[] = "the UE sent:\nAuthorization: Digest username=\"x\"\n\n"
				  "REGISTER sip:b SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\n";
	CHECK_INT_EQ(paste_normalise(&p, msg, sizeof msg - 1, &err), 0);
	CHECK(p.nmsgs == 2 && p.msgs[0].fields && p.msgs[0].first_line == 2);
	CHECK(!p.msgs[1].fields && p.msgs[1].first_line == 4);
	CHECK(repaired(&p, 1, "ignored text"));
	CHECK_SLICE_EQ(buf_view(&p.text), "Authorization: Digest username=\"x\"\r\n\r\n"
					  "REGISTER sip:b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n");
	/* right above the start line, with no blank line: the block ends
	 * there and is listed so */
	static const char above[] = "Expires: 0\nREGISTER sip:b SIP/2.0\nExpires: 0\n";
	CHECK_INT_EQ(paste_normalise(&p, above, sizeof above - 1, &err), 0);
	CHECK(p.nmsgs == 2 && p.msgs[0].fields && !p.msgs[1].fields && p.msgs[1].first_line == 2);
	CHECK(repaired(&p, 1, "added the empty line"));
	/* but a start line inside a line before the first (a log's prefix):
	 * that message's reading decides, the header lines are no block */
	static const char logged[] = "Authorization: Digest username=\"x\"\n"
				     "10:00:01 pcscf: REGISTER sip:b SIP/2.0\n\n"
				     "REGISTER sip:b SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\n";
	CHECK_INT_EQ(paste_normalise(&p, logged, sizeof logged - 1, &err), 0);
	CHECK(p.nmsgs >= 1 && !p.msgs[0].fields);
	paste_fini(&p);
}

/* A log's text before a message's start line that holds a time stamp
 * is the message's packet line as logged (logged: when it was logged): a
 * prefix on every line (syslog), one before the start line only, logcat's,
 * the text before a message escaped on one line; text without a time
 * (a "[ Line N ]" prefix, QXDM's "SIP Message = ") gives none. */
static void test_a_logs_text_with_a_time_is_when_the_message_was_logged(void)
{
	static const struct {
		const char *in, *logged;
	} cases[] = {
		{ "Nov 21 10:00:01 pcscf kamailio[812]: OPTIONS sip:b SIP/2.0\n"
		  "Nov 21 10:00:01 pcscf kamailio[812]: l: 0\n"
		  "Nov 21 10:00:01 pcscf kamailio[812]: \n",
		  "Nov 21 10:00:01 pcscf kamailio[812]:" },
		{ "2026-11-20 10:00:01.123 [INFO] sip.transport RX: OPTIONS sip:b SIP/2.0\nl: 0\n\n",
		  "2026-11-20 10:00:01.123 [INFO] sip.transport RX:" },
		{ "11-20 10:00:01.123  1234  1300 D ImsSip  : OPTIONS sip:b SIP/2.0\n"
		  "11-20 10:00:01.123  1234  1300 D ImsSip  : l: 0\n"
		  "11-20 10:00:01.123  1234  1300 D ImsSip  : \n",
		  "11-20 10:00:01.123  1234  1300 D ImsSip  :" },
		{ "2026-11-21T10:00:01.5Z sent OPTIONS sip:b SIP/2.0\\r\\nl: 0\\r\\n\\r\\n\n",
		  "2026-11-21T10:00:01.5Z sent" },
		{ "[ Line 1 ] OPTIONS sip:b SIP/2.0\n[ Line 2 ] l: 0\n", NULL },
		{ "SIP Message = OPTIONS sip:b SIP/2.0\nl: 0\n\n", NULL },
	};
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CHECK_INT_EQ(paste_normalise(&p, cases[i].in, strlen(cases[i].in), &err), 0);
		CHECK_INT_EQ(p.nmsgs, 1);
		if (p.nmsgs != 1)
			continue;
		if (cases[i].logged) {
			CHECK(p.msgs[0].logged);
			CHECK_SLICE_EQ(p.msgs[0].packet, cases[i].logged);
		} else {
			CHECK(!p.msgs[0].logged && !p.msgs[0].packet.ptr);
		}
	}
	/* a packet line wins: ngrep -W single's header, which has -t's time */
	static const char ng[] = "U 2026/11/20 10:00:01.000000 10.0.0.1:5060 -> 10.0.0.2:5060 OPTIONS sip:b SIP/2.0..l: 0....\n";
	CHECK_INT_EQ(paste_normalise(&p, ng, sizeof ng - 1, &err), 0);
	CHECK(p.nmsgs == 1 && !p.msgs[0].logged);
	if (p.nmsgs == 1)
		CHECK_SLICE_EQ(p.msgs[0].packet, "U 2026/11/20 10:00:01.000000 10.0.0.1:5060 -> 10.0.0.2:5060");
	paste_fini(&p);
}

/* Wireshark's packet details of several frames (tshark -V): each SIP
 * tree's message gets a packet line from its frame's number, Arrival Time,
 * innermost addresses and ports; the trees of the other protocols, their
 * "Name: value" lines and a payload tshark printed in hex (no -x: not every
 * frame has one), are ignored. */
static void test_wireshark_details_give_each_message_its_frame(void)
{
	static const char in[] =
		"Frame 7: 92 bytes on wire (736 bits), 92 bytes captured (736 bits)\n"
		"    Arrival Time: Jul  4, 2005 09:33:10.576043000 UTC\n"
		"Internet Protocol Version 4, Src: 192.168.1.2, Dst: 192.168.1.255\n"
		"User Datagram Protocol, Src Port: 138, Dst Port: 138\n"
		"Microsoft Windows Browser Protocol\n"
		"    Server Type: 0x00001003, Workstation, Server, NT Workstation\n"
		"Data (5 bytes)\n"
		"\n"
		"0000  20 20 20 20 20                                         \n"
		"    Data: 2020202020\n"
		"\n"
		"Frame 8: 509 bytes on wire (4072 bits), 509 bytes captured (4072 bits)\n"
		"    Arrival Time: Jul  4, 2005 09:33:11.000001000 UTC\n"
		"Internet Protocol Version 6, Src: 2001:db8::1, Dst: 2001:db8::2\n"
		"User Datagram Protocol, Src Port: 5060, Dst Port: 5062\n"
		"Session Initiation Protocol (OPTIONS)\n"
		"    Request-Line: OPTIONS sip:b SIP/2.0\n"
		"        Method: OPTIONS\n"
		"    Message Header\n"
		"        Call-ID: 1\n"
		"        Content-Length: 0\n"
		"\n";
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, in, sizeof in - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	if (p.nmsgs == 1) {
		CHECK_SLICE_EQ(p.msgs[0].packet, "frame 8  Jul  4, 2005 09:33:11.000001000 UTC  UDP [2001:db8::1]:5060 -> "
						 "[2001:db8::2]:5062");
		CHECK(p.msgs[0].len >= 21 && memcmp(p.text.ptr + p.msgs[0].offset, "OPTIONS sip:b SIP/2.0\r\n", 23) == 0);
	}
	CHECK(repaired(&p, 1, "ignored the trees of the other protocols in Wireshark's packet details"));
	paste_fini(&p);
}

/* A log of two messages, each after a line a tool writes for it: read
 * into p, each message's packet line and first input line as wanted. */
static void check_two_packet_lines(struct paste *p, const char *log, size_t n, const char *pk0, const char *pk1,
				   unsigned line0, unsigned line1)
{
	struct sip_parse_error err;
	CHECK_INT_EQ(paste_normalise(p, log, n, &err), 0);
	CHECK_INT_EQ(p->nmsgs, 2);
	if (p->nmsgs != 2)
		return;
	CHECK_SLICE_EQ(p->msgs[0].packet, pk0);
	CHECK_SLICE_EQ(p->msgs[1].packet, pk1);
	CHECK(!p->msgs[0].logged && !p->msgs[1].logged);
	CHECK_INT_EQ(p->msgs[0].first_line, line0);
	CHECK_INT_EQ(p->msgs[1].first_line, line1);
}

/* sofia-sip's tport log (TPORT_LOG; FreeSWITCH's siptrace): its line
 * before each message is the message's packet line (without its ':'),
 * the dashes around the message are ignored, the three spaces before
 * each line of it removed as an indentation. */
static void test_sofia_tport_log_lines_are_packet_lines(void)
{
	static const char log[] =
		"recv 60 bytes from udp/[10.0.0.1]:5060 at 13:03:53.937616:\n"
		"   ------------------------------------------------------------------------\n"
		"   OPTIONS sip:b SIP/2.0\n"
		"   Call-ID: 1\n"
		"   Content-Length: 0\n"
		"   \n"
		"   ------------------------------------------------------------------------\n"
		"send 40 bytes to tcp/[2001:db8::1]:5061 at 13:03:53.938425:\n"
		"   ------------------------------------------------------------------------\n"
		"   SIP/2.0 200 OK\n"
		"   Call-ID: 1\n"
		"   Content-Length: 0\n"
		"   \n"
		"   ------------------------------------------------------------------------\n";
	struct paste p;
	paste_init(&p);
	check_two_packet_lines(&p, log, sizeof log - 1, "recv 60 bytes from udp/[10.0.0.1]:5060 at 13:03:53.937616",
			       "send 40 bytes to tcp/[2001:db8::1]:5061 at 13:03:53.938425", 3, 10);
	CHECK(p.nmsgs == 2 && p.msgs[1].len >= 16 &&
	      memcmp(p.text.ptr + p.msgs[1].offset, "SIP/2.0 200 OK\r\n", 16) == 0);
	CHECK(repaired(&p, 1, "ignored the lines sofia-sip's tport log writes around each message"));
	paste_fini(&p);
}

/* Kamailio's sipdump text file (sipdump_write.c): each record's lines
 * are ignored and make the message's packet line (when from time:, the
 * addresses and ports, the transport, rcv or snd); the bars after a body
 * that did not end with a line end are taken off it; a record whose
 * fields do not say it gives its message no packet line. */
static void test_kamailio_sipdump_records_are_packet_lines(void)
{
#define SD_HEAD(tag, t, proto, sa, sp, da, dp) \
	"====================\ntag: " tag "\npid: 812\nprocess: 5\ntime: " t "\ndate: Sat Nov 21 10:00:01 2026\n" \
	"proto: " proto "\nsrcip: " sa "\nsrcport: " sp "\ndstip: " da "\ndstport: " dp "\n~~~~~~~~~~~~~~~~~~~~\n"
	static const char log[] =
		SD_HEAD("rcv", "1795255201.123456", "udp ipv4", "10.0.0.1", "5064", "10.0.0.2", "5060")
		"MESSAGE sip:b SIP/2.0\r\nCall-ID: 1\r\nContent-Length: 2\r\n\r\nhi||||||||||||||||||||\n"
		SD_HEAD("snd", "1795255201.125000", "tls ipv6", "2001:db8::2", "5061", "2001:db8::1", "40000")
		"SIP/2.0 200 OK\r\nCall-ID: 1\r\nContent-Length: 0\r\n\r\n||||||||||||||||||||\n"
		SD_HEAD("rcv", "soon", "udp ipv4", "10.0.0.1", "5064", "10.0.0.2", "5060")
		"OPTIONS sip:b SIP/2.0\r\nCall-ID: 2\r\nContent-Length: 0\r\n\r\n||||||||||||||||||||\n";
#undef SD_HEAD
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	CHECK_INT_EQ(paste_normalise(&p, log, sizeof log - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 3);
	if (p.nmsgs == 3) {
		CHECK_SLICE_EQ(p.msgs[0].packet,
			       "2026-11-21 10:00:01.123456 IP 10.0.0.1.5064 > 10.0.0.2.5060: UDP, Kamailio sipdump rcv");
		CHECK_SLICE_EQ(p.msgs[1].packet, "2026-11-21 10:00:01.125000 IP6 2001:db8::2.5061 > 2001:db8::1.40000: "
						 "TCP, Kamailio sipdump snd (tls)");
		CHECK(p.msgs[2].packet.ptr == NULL);
		CHECK_INT_EQ(p.msgs[0].first_line, 13);
		CHECK(p.msgs[0].len >= 2 && memcmp(p.text.ptr + p.msgs[0].offset + p.msgs[0].len - 2, "hi", 2) == 0);
		struct pkt_line l;
		CHECK(pkt_line_read(p.msgs[1].packet, &l) && !l.udp && l.ends.ver == 6 && l.ends.dport == 40000 &&
		      l.sec == 1795255201 && l.usec == 125000);
	}
	CHECK(repaired(&p, 1, "ignored the lines Kamailio's sipdump writes around each message"));
	paste_fini(&p);
}

/* SIPp's -trace_msg log: the separator with its time and the "UDP message
 * sent (N bytes):" / "received [N] bytes :" line before each message are
 * one listed repair, and the message's packet line is written from both;
 * a line of dashes with no such line after it is text, and the message
 * line alone still names the packet. */
static void test_sipp_trace_msg_lines_are_packet_lines(void)
{
	static const char log[] =
		"----------------------------------------------- 2026-11-23 15:49:36.161061\n"
		"UDP message sent (60 bytes):\n"
		"\n"
		"REGISTER sip:b SIP/2.0\r\nCall-ID: 1\r\nContent-Length: 0\r\n\r\n"
		"\n"
		"----------------------------------------------- 2026-11-23 15:49:36.162000\n"
		"TCP message received [40] bytes :\n"
		"\n"
		"SIP/2.0 200 OK\r\nCall-ID: 1\r\nContent-Length: 0\r\n\r\n\n";
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	check_two_packet_lines(&p, log, sizeof log - 1, "2026-11-23 15:49:36.161061 UDP message sent (60 bytes)",
			       "2026-11-23 15:49:36.162000 TCP message received [40] bytes", 4, 12);
	CHECK(repaired(&p, 1, "ignored the lines SIPp's -trace_msg writes before each message"));
	CHECK(repaired(&p, 9, "ignored the lines SIPp's -trace_msg writes before each message"));

	/* the message line alone: a packet line without a time */
	static const char bare[] = "UDP message received [40] bytes :\n\n"
				   "SIP/2.0 200 OK\r\nCall-ID: 1\r\nContent-Length: 0\r\n\r\n";
	CHECK_INT_EQ(paste_normalise(&p, bare, sizeof bare - 1, &err), 0);
	CHECK(p.nmsgs == 1 && slice_eq(p.msgs[0].packet, slice_cstr("UDP message received [40] bytes")));

	/* dashes and a time with no SIPp line after them: text, and a line
	 * that only looks like one (lower case, no count) no packet line */
	static const char other[] = "----------------------------- 2026-11-23 done\n"
				    "udp message sent (60 bytes):\n"
				    "REGISTER sip:b SIP/2.0\r\nCall-ID: 1\r\nContent-Length: 0\r\n\r\n";
	CHECK_INT_EQ(paste_normalise(&p, other, sizeof other - 1, &err), 0);
	CHECK(p.nmsgs == 1 && !p.msgs[0].packet.ptr);
	CHECK(!repaired(&p, 1, "SIPp"));
	CHECK(repaired(&p, 1, "ignored text that is not part of a SIP message"));
	paste_fini(&p);
}

/* A head that said Content-Length: 0 ends at its blank line: a header
 * line after it is another paste (the UE's Authorization line after the
 * 401), a block of fields of its own, not more of the 401's head. With no
 * Content-Length, or after blank lines already found to be noise, a blank
 * line before a header line stays noise of the paste. */
/* in normalised into two messages: a block of fields or not each, the
 * second starting at input line line1 (0: not checked), with these texts
 * (NULL: not checked). */
static void check_two_messages(struct paste *p, const char *in, bool fields0, bool fields1, unsigned line1,
			       const char *text0, const char *text1)
{
	struct sip_parse_error err;
	CHECK_INT_EQ(paste_normalise(p, in, strlen(in), &err), 0);
	CHECK_INT_EQ(p->nmsgs, 2);
	if (p->nmsgs != 2)
		return;
	CHECK(p->msgs[0].fields == fields0 && p->msgs[1].fields == fields1);
	if (line1)
		CHECK_INT_EQ(p->msgs[1].first_line, line1);
	if (text0)
		CHECK_SLICE_EQ(slice_make(p->text.ptr + p->msgs[0].offset, p->msgs[0].len), text0);
	if (text1)
		CHECK_SLICE_EQ(slice_make(p->text.ptr + p->msgs[1].offset, p->msgs[1].len), text1);
}

static void test_fields_after_a_message_that_said_content_length_0_are_a_block(void)
{
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	check_two_messages(&p,
			   "SIP/2.0 401 Unauthorized\nCall-ID: 1\nContent-Length: 0\n\n"
			   "Authorization: Digest username=\"a@b\",uri=\"sip:b\"\n",
			   false, true, 5, "SIP/2.0 401 Unauthorized\r\nCall-ID: 1\r\nContent-Length: 0\r\n\r\n",
			   "Authorization: Digest username=\"a@b\",uri=\"sip:b\"\r\n\r\n");
	CHECK(!repaired(&p, 4, "removed blank lines between header lines"));

	/* no Content-Length: the blank line is noise, the field the 401's */
	static const char no_cl[] = "SIP/2.0 401 Unauthorized\nCall-ID: 1\n\n"
				    "WWW-Authenticate: Digest realm=\"b\"\nContent-Length: 0\n";
	CHECK_INT_EQ(paste_normalise(&p, no_cl, sizeof no_cl - 1, &err), 0);
	CHECK(p.nmsgs == 1 && !p.msgs[0].fields);
	CHECK(repaired(&p, 3, "removed blank lines between header lines"));

	/* a doubled paste: Content-Length: 0 after the first blank lines
	 * does not end the head at the next one */
	static const char doubled[] = "SIP/2.0 401 Unauthorized\n\nContent-Length: 0\n\n"
				      "Call-ID: 1\n\n";
	CHECK_INT_EQ(paste_normalise(&p, doubled, sizeof doubled - 1, &err), 0);
	CHECK(p.nmsgs == 1 && !p.msgs[0].fields);
	CHECK_SLICE_EQ(buf_view(&p.text), "SIP/2.0 401 Unauthorized\r\nContent-Length: 0\r\n"
					  "Call-ID: 1\r\n\r\n");

	/* text after a message's end that is no known field stays ignored */
	static const char prose[] = "SIP/2.0 200 OK\nContent-Length: 0\n\nthen the UE said:\n";
	CHECK_INT_EQ(paste_normalise(&p, prose, sizeof prose - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	paste_fini(&p);
}

/* A blank line before header lines that repeat a field the head has and
 * may have only once (RFC 3261 §7.3: CSeq, Call-ID, From, ...) ends the
 * head: two REGISTERs' fields pasted one after the other, not one head with
 * a blank line of a doubled paste in it. A doubled paste (blank lines from
 * the first line on) still has its blank lines removed. */
static void test_fields_that_repeat_a_single_field_after_a_blank_line_are_the_next_block(void)
{
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	check_two_messages(&p,
			   "Via: SIP/2.0/UDP h;branch=z9hG4bK1\nCSeq: 1 REGISTER\n\n"
			   "Via: SIP/2.0/UDP h;branch=z9hG4bK2\nCSeq: 2 REGISTER\n",
			   true, true, 4, "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCSeq: 1 REGISTER\r\n\r\n",
			   "Via: SIP/2.0/UDP h;branch=z9hG4bK2\r\nCSeq: 2 REGISTER\r\n\r\n");
	CHECK(!repaired(&p, 3, "removed blank lines between header lines"));

	/* after a message without Content-Length: the message ends there,
	 * without a body, and the fields are a block */
	check_two_messages(&p,
			   "REGISTER sip:a SIP/2.0\nCall-ID: 1\nCSeq: 1 REGISTER\n\n"
			   "CSeq: 2 REGISTER\nAuthorization: Digest username=\"a@b\"\n",
			   false, true, 5, "REGISTER sip:a SIP/2.0\r\nCall-ID: 1\r\nCSeq: 1 REGISTER\r\n\r\n",
			   NULL);

	/* fields that repeat none (Via may come twice) are the same head */
	static const char via[] = "REGISTER sip:a SIP/2.0\nVia: SIP/2.0/UDP h\nCSeq: 1 REGISTER\n\n"
				  "Via: SIP/2.0/UDP g\nContent-Length: 0\n";
	CHECK_INT_EQ(paste_normalise(&p, via, sizeof via - 1, &err), 0);
	CHECK(p.nmsgs == 1 && repaired(&p, 4, "removed blank lines between header lines"));

	/* a doubled paste whose message repeats CSeq (a fault the rule book
	 * reports) stays one message */
	static const char doubled[] = "REGISTER sip:a SIP/2.0\n\nCSeq: 1 REGISTER\n\nCall-ID: 1\n\n"
				      "CSeq: 2 REGISTER\n\n";
	CHECK_INT_EQ(paste_normalise(&p, doubled, sizeof doubled - 1, &err), 0);
	CHECK(p.nmsgs == 1);
	CHECK_SLICE_EQ(buf_view(&p.text), "REGISTER sip:a SIP/2.0\r\nCSeq: 1 REGISTER\r\nCall-ID: 1\r\n"
					  "CSeq: 2 REGISTER\r\n\r\n");
	paste_fini(&p);
}

/* Header fields copied from a log that prefixes each line, with no start
 * line anywhere: the prefix (a log's: a timestamp in it, or the same bytes
 * on the next line) is removed from the lines of its shape whose content
 * is a header field or folding; its lines of other content are dropped;
 * lines of another shape are left to the normaliser; positions are the
 * input's. Prose with a header name in it is no such prefix. */
static void test_fields_behind_a_log_prefix_are_blocks(void)
{
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	static const char sys[] =
		"Nov 21 18:56:00 pcscf kamailio[812]: INFO: <script>: REGISTER from 10.45.0.2\n"
		"Nov 21 18:56:00 pcscf kamailio[812]: Authorization: Digest username=\"a@b\",\n"
		"Nov 21 18:56:00 pcscf kamailio[812]:   realm=\"b\"\n"
		"Nov 21 18:56:00 pcscf kamailio[812]: INFO: <script>: challenge\n"
		"Nov  1 18:56:01 pcscf kamailio[812]: P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=1\n"
		"Nov 21 18:56:01 pcscf rtpengine[99]: something else\n";
	CHECK_INT_EQ(paste_normalise(&p, sys, sizeof sys - 1, &err), 0);
	CHECK(p.nmsgs == 1 && p.msgs[0].fields && p.msgs[0].first_line == 2);
	CHECK_SLICE_EQ(buf_view(&p.text), "Authorization: Digest username=\"a@b\",\r\n  realm=\"b\"\r\n"
					  "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=1\r\n\r\n");
	CHECK(repaired(&p, 1, "ignored text that is not part of a SIP message"));
	CHECK(repaired(&p, 2, "removed the log prefix before each header field line"));
	CHECK(repaired(&p, 4, "ignored log lines of the same prefix that hold no header field"));
	CHECK(repaired(&p, 6, "neither a header nor a continuation"));
	CHECK(text_at(&p, "P-Access", 5, sizeof "Nov  1 18:56:01 pcscf kamailio[812]: "));

	/* no timestamp: the same prefix on the next line makes it a log's */
	static const char pod[] = "[pod/pcscf-0/sip] Expires: 0\n[pod/pcscf-0/sip] Contact: *\n";
	CHECK_INT_EQ(paste_normalise(&p, pod, sizeof pod - 1, &err), 0);
	CHECK(p.nmsgs == 1 && p.msgs[0].fields);
	CHECK_SLICE_EQ(buf_view(&p.text), "Expires: 0\r\nContact: *\r\n\r\n");

	/* one line, a timestamp in its prefix */
	static const char ts[] = "2026-11-21T18:56:00.123Z DEBUG Security-Client: ipsec-3gpp;alg=hmac-sha-1-96\n";
	CHECK_INT_EQ(paste_normalise(&p, ts, sizeof ts - 1, &err), 0);
	CHECK(p.nmsgs == 1 && p.msgs[0].fields);
	CHECK_SLICE_EQ(buf_view(&p.text), "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96\r\n\r\n");

	/* prose: no log's prefix, the first reading's error stands */
	static const char prose[] = "Hi, the To: header is wrong here\nand the From: one too\n";
	CHECK_INT_EQ(paste_normalise(&p, prose, sizeof prose - 1, &err), -EBADMSG);
	CHECK(err.reason && strcmp(err.reason, "no SIP request line, status line or known header field found") == 0);
	CHECK_INT_EQ(err.offset, 0);
	paste_fini(&p);
}

static void test_extension_fields_behind_a_log_prefix_are_kept_after_a_field(void)
{
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	/* X-Serving-Node after the Authorization line is the message's, as
	 * the codec keeps unknown headers; the log's own "INFO:" is not (no
	 * '-' in its name), and an extension field after it is not either:
	 * nothing says it is a header field of the message */
	static const char sys[] =
		"Nov 21 18:56:00 pcscf kamailio[812]: Authorization: Digest username=\"a@b\"\n"
		"Nov 21 18:56:00 pcscf kamailio[812]: X-Serving-Node: scscf1\n"
		"Nov 21 18:56:00 pcscf kamailio[812]:   .example\n"
		"Nov 21 18:56:00 pcscf kamailio[812]: X-Trace-Id: 42\n"
		"Nov 21 18:56:00 pcscf kamailio[812]: INFO: registration from a\n"
		"Nov 21 18:56:00 pcscf kamailio[812]: P-Early-Media: supported\n"
		"Nov 21 18:56:00 pcscf kamailio[812]: Contact: <sip:a@10.45.0.2>\n";
	CHECK_INT_EQ(paste_normalise(&p, sys, sizeof sys - 1, &err), 0);
	CHECK(p.nmsgs == 1 && p.msgs[0].fields);
	CHECK_SLICE_EQ(buf_view(&p.text), "Authorization: Digest username=\"a@b\"\r\n"
					  "X-Serving-Node: scscf1\r\n  .example\r\nX-Trace-Id: 42\r\n"
					  "Contact: <sip:a@10.45.0.2>\r\n\r\n");
	CHECK(repaired(&p, 5, "ignored log lines of the same prefix that hold no header field"));
	CHECK(!repaired(&p, 2, "ignored log lines of the same prefix that hold no header field"));
	paste_fini(&p);
}

/* tshark -T json: the start line and msg_hdr strings of each "sip" object
 * are its message, the rest of the document is not; a packet line from
 * the frame's fields; positions in the JSON's lines. */
/* tshark -T pdml: each message from its start line's and msg_hdr's
 * bytes (value, in hex: each byte at its first digit), a body from
 * msg_hdr's show text after the head (XML entities undone), the packet
 * line from the frame's fields' show. */
static void test_tshark_pdml_messages_are_read_from_their_bytes(void)
{
	struct paste p;
	struct sip_parse_error err = { 0 };
	paste_init(&p);
	static const char pdml[] =
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		"<pdml version=\"0\" creator=\"wireshark/4.0.17\">\n"
		"<packet>\n"
		"  <proto name=\"frame\" showname=\"Frame 4\" size=\"90\" pos=\"0\">\n"
		"    <field name=\"frame.time\" showname=\"Arrival Time: x\" size=\"0\" pos=\"0\" show=\"Nov 23, 2026 10:00:01.000000000 UTC\"/>\n"
		"    <field name=\"frame.number\" showname=\"Frame Number: 4\" size=\"0\" pos=\"0\" show=\"4\"/>\n"
		"  </proto>\n"
		"  <proto name=\"ip\" showname=\"IPv4\" size=\"20\" pos=\"14\">\n"
		"    <field name=\"ip.src\" showname=\"Source\" size=\"4\" pos=\"26\" show=\"10.0.0.1\" value=\"0a000001\"/>\n"
		"    <field name=\"ip.dst\" showname=\"Destination\" size=\"4\" pos=\"30\" show=\"10.0.0.2\" value=\"0a000002\"/>\n"
		"  </proto>\n"
		"  <proto name=\"udp\" showname=\"UDP\" size=\"8\" pos=\"34\">\n"
		"    <field name=\"udp.srcport\" showname=\"Source Port\" size=\"2\" pos=\"34\" show=\"5060\" value=\"13c4\"/>\n"
		"    <field name=\"udp.dstport\" showname=\"Destination Port\" size=\"2\" pos=\"36\" show=\"5062\" value=\"13c6\"/>\n"
		"  </proto>\n"
		"  <proto name=\"sip\" showname=\"Session Initiation Protocol (200)\" size=\"25\" pos=\"42\">\n"
		"    <field name=\"sip.Status-Line\" showname=\"Status-Line: SIP/2.0 200 OK\" size=\"14\" pos=\"42\" show=\"SIP/2.0 200 OK\" value=\"5349502f322e3020323030204f4b\">\n"
		"      <field name=\"sip.Status-Code\" showname=\"Status-Code: 200\" size=\"3\" pos=\"50\" show=\"200\" value=\"323030\"/>\n"
		"    </field>\n"
		"    <field name=\"sip.msg_hdr\" showname=\"Message Header\" size=\"8\" pos=\"58\" show=\"l: 3\r\n\r\n&lt;a&amp;\" value=\"6c3a20330d0a0d0a\">\n"
		"      <field name=\"sip.Content-Length\" showname=\"Content-Length: 3\" size=\"6\" pos=\"58\" show=\"3\" value=\"6c3a20330d0a\"/>\n"
		"    </field>\n"
		"    <field name=\"sip.msg_body\" showname=\"Message Body\" size=\"3\" pos=\"66\" show=\"\" value=\"\"/>\n"
		"  </proto>\n"
		"</packet>\n"
		"</pdml>\n";
	CHECK_INT_EQ(paste_normalise(&p, pdml, sizeof pdml - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	CHECK_SLICE_EQ(buf_view(&p.text), "SIP/2.0 200 OK\r\nl: 3\r\n\r\n<a&");
	CHECK(p.nmsgs == 1 && p.msgs[0].first_line == 17);
	CHECK(p.nmsgs == 1 && slice_eq(p.msgs[0].packet, SLICE_LIT("frame 4  Nov 23, 2026 10:00:01.000000000 UTC  "
								   "UDP 10.0.0.1:5060 -> 10.0.0.2:5062")));
	CHECK_INT_EQ(p.nrepairs, 1);
	CHECK(repaired(&p, 17, "read the messages of tshark's PDML"));
	/* "l" is the first byte of msg_hdr's value; '&' of the body is the
	 * '&' of "&amp;" in show */
	/* show's CR LF CR LF are line ends of the document too */
	const char *v = strstr(pdml, "value=\"6c3a");
	const char *ls = strstr(pdml, "&lt;a&amp;");
	CHECK(text_at(&p, "l: 3", 22, (unsigned)(v + 7 - ls) + 1));
	unsigned line, col;
	paste_position(&p, p.text.len - 1, &line, &col);
	CHECK(line == 22 && col == sizeof "&lt;a");

	/* an XML document with such a name but no bytes of a message: read as
	 * any other text */
	static const char nobytes[] = "<pdml>\n<field name=\"sip.msg_hdr\" show=\"x\"/>\n</pdml>\n";
	CHECK_INT_EQ(paste_normalise(&p, nobytes, sizeof nobytes - 1, &err), -EBADMSG);
	paste_fini(&p);
}

/* An empty "sip.msg_hdr" or start line (tshark writes none; an edited
 * or cut document) is no message: the one after it is read alone, and a
 * document with only empty ones is read as any other text. */
static void test_tshark_json_empty_fields_are_no_message(void)
{
	struct paste p;
	struct sip_parse_error err = { 0 };
	paste_init(&p);
	static const char js[] = "[{\"sip.msg_hdr\": \"\", \"sip.Status-Line\": \"\"},\n"
				 " {\"sip.Status-Line\": \"SIP/2.0 200 OK\", \"sip.msg_hdr\": \"l: 0\\r\\n\\r\\n\"}]\n";
	CHECK_INT_EQ(paste_normalise(&p, js, sizeof js - 1, &err), 0);
	CHECK_INT_EQ(p.nmsgs, 1);
	CHECK_SLICE_EQ(buf_view(&p.text), "SIP/2.0 200 OK\r\nl: 0\r\n\r\n");
	CHECK(p.nmsgs == 1 && p.msgs[0].first_line == 2);

	static const char empty[] = "[{\"sip_sip_msg_hdr\":\"\"}]\n";
	CHECK_INT_EQ(paste_normalise(&p, empty, sizeof empty - 1, &err), -EBADMSG);
	CHECK_INT_EQ(err.offset, 0);
	paste_fini(&p);
}

static void test_tshark_json_messages_are_read_from_their_fields(void)
{
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	static const char js[] =
		"[\n"
		"  {\n"
		"    \"_source\": {\n"
		"      \"layers\": {\n"
		"        \"frame\": {\n"
		"          \"frame.time\": \"Nov 23, 2026 10:00:01.123456000 UTC\",\n"
		"          \"frame.number\": \"7\"\n"
		"        },\n"
		"        \"ipv6\": { \"ipv6.src\": \"2001:db8::1\", \"ipv6.dst\": \"2001:db8::2\" },\n"
		"        \"tcp\": { \"tcp.srcport\": \"5060\", \"tcp.dstport\": \"5061\" },\n"
		"        \"sip\": {\n"
		"          \"sip.Request-Line\": \"REGISTER sip:b SIP/2.0\",\n"
		"          \"sip.Request-Line_tree\": { \"sip.Method\": \"REGISTER\" },\n"
		"          \"sip.msg_hdr\": \"To: <sip:a@b>\\r\\nCall-ID: x\\r\\nContent-Length: 0\\r\\n\\r\\n"
		"SIP/2.0 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n\"\n"
		"        },\n"
		"        \"sip\": {\n"
		"          \"sip.Status-Line\": \"SIP/2.0 200 OK\",\n"
		"          \"sip.msg_hdr\": \"Content-Length: 0\\r\\n\\r\\n\"\n"
		"        }\n"
		"      }\n"
		"    }\n"
		"  }\n"
		"]\n";
	CHECK_INT_EQ(paste_normalise(&p, js, sizeof js - 1, &err), 0);
	/* the REGISTER's msg_hdr runs on into the 200 of the same segment
	 * (tshark's string is the rest of the packet): cut by its
	 * Content-Length, the 200 read once, from its own object */
	CHECK_INT_EQ(p.nmsgs, 2);
	CHECK_SLICE_EQ(buf_view(&p.text), "REGISTER sip:b SIP/2.0\r\nTo: <sip:a@b>\r\nCall-ID: x\r\n"
					  "Content-Length: 0\r\n\r\nSIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n");
	CHECK(p.nmsgs == 2 && p.msgs[0].first_line == 12 && p.msgs[1].first_line == 17);
	CHECK(p.nmsgs == 2 && slice_eq(p.msgs[0].packet, SLICE_LIT("frame 7  Nov 23, 2026 10:00:01.123456000 UTC  "
								   "TCP [2001:db8::1]:5060 -> [2001:db8::2]:5061")));
	CHECK_INT_EQ(p.nrepairs, 1);
	CHECK(repaired(&p, 12, "read the messages of tshark's JSON (-T json, -T ek)"));
	CHECK(text_at(&p, "Call-ID", 14, sizeof "          \"sip.msg_hdr\": \"To: <sip:a@b>\\r\\n"));

	/* -T ek -x: one line a packet, the bytes in "sip_raw" read instead
	 * of the strings, each byte from its two hex digits */
	static const char ek[] =
		"{\"index\":{\"_index\":\"packets-2026-11-23\",\"_type\":\"doc\"}}\n"
		"{\"timestamp\":\"1\",\"layers\":{\"frame\":{\"frame_frame_number\":\"3\"},"
		"\"ip\":{\"ip_ip_src\":\"10.0.0.1\",\"ip_ip_dst\":\"10.0.0.2\"},"
		"\"udp\":{\"udp_udp_srcport\":\"5060\",\"udp_udp_dstport\":\"5060\"},"
		"\"sip_raw\":\"5349502f322e3020323030204f4b0d0a6c3a20300d0a0d0a\","
		"\"sip\":{\"sip_sip_Status-Line\":\"SIP/2.0 200 OK\",\"sip_sip_msg_hdr\":\"l: 0\\r\\n\\r\\n\"}}}\n";
	paste_fini(&p);
	check_normalised(&p, "-T ek -x", ek, 1,
			 "SIP/2.0 200 OK\r\nl: 0\r\n\r\n", NULL, NULL);
	CHECK(p.nmsgs == 1 && slice_eq(p.msgs[0].packet, SLICE_LIT("frame 3  UDP 10.0.0.1:5060 -> 10.0.0.2:5060")));
	CHECK(repaired(&p, 2, "read the messages of tshark's JSON from their bytes (sip_raw)"));
	const char *hex = strstr(ek, "6c3a");
	CHECK(hex && text_at(&p, "l: 0", 2, (unsigned)(hex - strchr(ek, '\n'))));

	/* sip_raw that holds no message's bytes: the strings are read */
	static const char nohex[] = "{\"sip_raw\":\"zz\",\"sip\":{\"sip_sip_Request-Line\":\"OPTIONS sip:b SIP/2.0\","
				    "\"sip_sip_msg_hdr\":\"Content-Length: 0\\r\\n\\r\\n\"}}\n";
	CHECK_INT_EQ(paste_normalise(&p, nohex, sizeof nohex - 1, &err), 0);
	CHECK_SLICE_EQ(buf_view(&p.text), "OPTIONS sip:b SIP/2.0\r\nContent-Length: 0\r\n\r\n");
	CHECK(repaired(&p, 1, "read the messages of tshark's JSON (-T json, -T ek)"));

	/* a JSON log with a SIP key but no hex in it: read as any other text
	 * (here a message in a JSON string) */
	static const char other[] = "{\"sip_raw\":\"none\",\"msg\":\"REGISTER sip:b SIP/2.0\\r\\nTo: <sip:a@b>\\r\\n\\r\\n\"}\n";
	CHECK_INT_EQ(paste_normalise(&p, other, sizeof other - 1, &err), 0);
	CHECK(p.nmsgs == 1 && !repaired(&p, 1, "tshark"));
	CHECK(repaired(&p, 1, "read a message from a JSON string"));
	paste_fini(&p);
}

/* tshark -T json -e FIELD / -T ek -e FIELD: each field an array, one
 * string a message of the packet; a segment's first msg_hdr runs on over
 * the messages after it, whose msg_hdr are its tails. */
static void test_tshark_json_fields_arrays_give_each_message_its_start_line(void)
{
	struct paste p;
	/* a 200 then a NOTIFY whose body ends without CR LF, in one
	 * segment: the Request-Line array comes first, yet the 200 is the
	 * first message (its start line is the one not found in msg_hdr[0]),
	 * the NOTIFY ends by its Content-Length, the fields in the user's
	 * order (msg_hdr before the start lines, the frame number last) */
	static const char js[] =
		"[\n"
		"  {\n"
		"    \"_source\": {\n"
		"      \"layers\": {\n"
		"        \"ip.src\": [\"10.0.0.1\"],\n"
		"        \"ip.dst\": [\"10.0.0.2\"],\n"
		"        \"tcp.srcport\": [\"5060\"],\n"
		"        \"tcp.dstport\": [\"5062\"],\n"
		"        \"sip.msg_hdr\": [\n"
		"          \"l: 0\\r\\n\\r\\nNOTIFY sip:u SIP/2.0\\r\\nl: 3\\r\\n\\r\\nxyzOPTIONS sip:u SIP/2.0\\r\\nl: 0\\r\\n\\r\\n\",\n"
		"          \"l: 3\\r\\n\\r\\nxyzOPTIONS sip:u SIP/2.0\\r\\nl: 0\\r\\n\\r\\n\",\n"
		"          \"l: 0\\r\\n\\r\\n\"\n"
		"        ],\n"
		"        \"sip.Request-Line\": [\"NOTIFY sip:u SIP/2.0\", \"OPTIONS sip:u SIP/2.0\"],\n"
		"        \"sip.Status-Line\": [\"SIP/2.0 200 OK\"],\n"
		"        \"frame.number\": [\"9\"]\n"
		"      }\n"
		"    }\n"
		"  },\n"
		"  {\n"
		"    \"_source\": {\n"
		"      \"layers\": {\n"
		"        \"frame.number\": [\"10\"],\n"
		"        \"sip.Request-Line\": [\"BYE sip:u SIP/2.0\"],\n"
		"        \"sip.msg_hdr\": [\"Call-ID: \\\"q\\\"\\r\\nl: 0\\r\\n\\r\\n\"]\n"
		"      }\n"
		"    }\n"
		"  }\n"
		"]\n";
	check_normalised(&p, "-T json -e", js, 4,
			 "SIP/2.0 200 OK\r\nl: 0\r\n\r\n"
			 "NOTIFY sip:u SIP/2.0\r\nl: 3\r\n\r\nxyz"
			 "OPTIONS sip:u SIP/2.0\r\nl: 0\r\n\r\n"
			 "BYE sip:u SIP/2.0\r\nCall-ID: \"q\"\r\nl: 0\r\n\r\n", NULL, NULL);
	CHECK(p.nmsgs == 4 && p.msgs[0].first_line == 15 && p.msgs[1].first_line == 10 &&
	      p.msgs[2].first_line == 10 && p.msgs[3].first_line == 24);
	CHECK(p.nmsgs == 4 && slice_eq(p.msgs[0].packet, SLICE_LIT("frame 9  TCP 10.0.0.1:5060 -> 10.0.0.2:5062")) &&
	      slice_eq(p.msgs[2].packet, SLICE_LIT("frame 9  TCP 10.0.0.1:5060 -> 10.0.0.2:5062")) &&
	      slice_eq(p.msgs[3].packet, SLICE_LIT("frame 10")));
	CHECK_INT_EQ(p.nrepairs, 1);
	CHECK(repaired(&p, 15, "read the messages of tshark's JSON of fields (-T json -e, -T ek -e)"));
	/* the OPTIONS' start line is mapped to its bytes in msg_hdr[0] */
	CHECK(text_at(&p, "OPTIONS", 10, sizeof "          \"l: 0\\r\\n\\r\\nNOTIFY sip:u SIP/2.0\\r\\nl: 3\\r\\n\\r\\nxyz"));

	/* -T ek -e names the fields with '_'; a msg_hdr[0] that is not the
	 * segment's whole text (a NUL byte of a body ends tshark's string):
	 * each msg_hdr after the start line of its rank, cut by its
	 * Content-Length */
	static const char ek[] =
		"{\"index\":{\"_index\":\"packets-2026-11-23\",\"_type\":\"doc\"}}\n"
		"{\"timestamp\":\"1\",\"layers\":{\"frame_number\":[\"3\"],\"udp_srcport\":[\"5060\"],"
		"\"sip_Request-Line\":[\"MESSAGE sip:u SIP/2.0\"],\"sip_Status-Line\":[\"SIP/2.0 202 Accepted\"],"
		"\"sip_msg_hdr\":[\"l: 4\\r\\n\\r\\nab\",\"l: 0\\r\\n\\r\\n\"]}}\n";
	paste_fini(&p);
	check_normalised(&p, "-T ek -e", ek, 2,
			 "MESSAGE sip:u SIP/2.0\r\nl: 4\r\n\r\nab\r\nSIP/2.0 202 Accepted\r\nl: 0\r\n\r\n", NULL, NULL);
	CHECK(p.nmsgs == 2 && slice_eq(p.msgs[1].packet, SLICE_LIT("frame 3")));

	/* only msg_hdr exported: the header lines are a block of fields */
	static const char hdr[] = "[{\"_source\":{\"layers\":{\"sip.msg_hdr\":[\"Expires: 0\\r\\nl: 0\\r\\n\\r\\n\"]}}}]\n";
	paste_fini(&p);
	check_normalised(&p, "-e sip.msg_hdr alone", hdr, 1,
			 "Expires: 0\r\nl: 0\r\n\r\n", NULL, NULL);
	paste_fini(&p);
}

/* tshark -T fields: a line a packet. Without names (TABs): the 200's
 * start line is the one of the Status-Line value that the run of
 * msg_hdr[0] does not hold, the NOTIFY ends by its Content-Length, the
 * tails after each ',' are not read again, the packet line is the other
 * values as written; a line of another packet (no SIP) is ignored. */
static void test_tshark_fields_lines_give_each_message_its_start_line(void)
{
	struct paste p;
	struct sip_parse_error err;
	static const char tabs[] =
		"9\t10.0.0.1\tNOTIFY sip:u SIP/2.0,OPTIONS sip:u SIP/2.0\tSIP/2.0 200 OK\t"
		"l: 0\\r\\n\\r\\nNOTIFY sip:u SIP/2.0\\r\\nl: 3\\r\\n\\r\\nxyzOPTIONS sip:u SIP/2.0\\r\\nl: 0\\r\\n\\r\\n,"
		"l: 3\\r\\n\\r\\nxyzOPTIONS sip:u SIP/2.0\\r\\nl: 0\\r\\n\\r\\n,l: 0\\r\\n\\r\\n\n"
		"10\t10.0.0.9\t\t\t\n"
		"11\t10.0.0.2\tBYE sip:u SIP/2.0\t\tCall-ID: \"q\"\\tx\\r\\nSubject: a\\c\\r\\nl: 0\\r\\n\\r\\n\n";
	check_normalised(&p, "fields without names", tabs, 4,
			 "SIP/2.0 200 OK\r\nl: 0\r\n\r\n"
			 "NOTIFY sip:u SIP/2.0\r\nl: 3\r\n\r\nxyz"
			 "OPTIONS sip:u SIP/2.0\r\nl: 0\r\n\r\n"
			 "BYE sip:u SIP/2.0\r\nCall-ID: \"q\"\tx\r\nSubject: a\\c\r\nl: 0\r\n\r\n",
			 "read the messages of tshark's fields (-T fields", NULL);
	CHECK(p.nmsgs == 4 && p.msgs[0].first_line == 1 && p.msgs[2].first_line == 1 &&
	      p.msgs[3].first_line == 3);
	CHECK(p.nmsgs == 4 && slice_eq(p.msgs[0].packet, SLICE_LIT("9 | 10.0.0.1")) &&
	      slice_eq(p.msgs[2].packet, SLICE_LIT("9 | 10.0.0.1")) &&
	      slice_eq(p.msgs[3].packet, SLICE_LIT("11 | 10.0.0.2")));
	CHECK_INT_EQ(p.nrepairs, 1);
	CHECK(repaired(&p, 1, "read the messages of tshark's fields (-T fields"));
	/* each byte from where it stands: the 200's start line in its field,
	 * the OPTIONS in the run of msg_hdr[0], the BYE's Subject after "\t" */
	CHECK(text_at(&p, "SIP/2.0 200", 1, sizeof "9\t10.0.0.1\tNOTIFY sip:u SIP/2.0,OPTIONS sip:u SIP/2.0\t"));
	CHECK(text_at(&p, "OPTIONS", 1,
		      sizeof "9\t10.0.0.1\tNOTIFY sip:u SIP/2.0,OPTIONS sip:u SIP/2.0\tSIP/2.0 200 OK\t"
			     "l: 0\\r\\n\\r\\nNOTIFY sip:u SIP/2.0\\r\\nl: 3\\r\\n\\r\\nxyz"));
	CHECK(text_at(&p, "Subject", 3, sizeof "11\t10.0.0.2\tBYE sip:u SIP/2.0\t\tCall-ID: \"q\"\\tx\\r\\n"));
	paste_fini(&p);

	/* -E header=y names the fields (the packet line as for the JSON),
	 * -E separator=, -E quote=d (a later tshark: a quote inside doubled,
	 * "\\" a backslash), msg_hdr not last, ip.src with two occurrences
	 * (IP in IP: the inner one) */
	check_normalised(&p, "fields with names, quoted",
			 "frame.number,ip.src,udp.srcport,sip.Status-Line,sip.msg_hdr,ip.dst,udp.dstport\n"
			 "\"7\",\"10.9.9.9,10.0.0.1\",\"5060\",\"SIP/2.0 401 Unauthorized\","
			 "\"WWW-Authenticate: Digest realm=\"\"r\"\", nonce=\"\"n\"\"\\r\\nSubject: a\\\\b\\r\\n"
			 "l: 0\\r\\n\\r\\n\",\"10.0.0.2\",\"5062\"\n",
			 1,
			 "SIP/2.0 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n"
			 "Subject: a\\b\r\nl: 0\r\n\r\n",
			 "read the messages of tshark's fields (-T fields", NULL);
	CHECK(p.nmsgs == 1 && slice_eq(p.msgs[0].packet, SLICE_LIT("frame 7  UDP 10.0.0.1:5060 -> 10.0.0.2:5062")));
	CHECK(repaired(&p, 2, "tshark's fields"));
	paste_fini(&p);

	/* tshark's warning on stderr before the header line (`> out 2>&1`
	 * as root): the names are still read, the warning listed */
	check_normalised(&p, "fields with names after tshark's warning",
			 "Running as user \"root\" and group \"root\". This could be dangerous.\n"
			 "frame.number\tsip.Request-Line\tsip.Status-Line\tsip.msg_hdr\tudp.dstport\n"
			 "5\tOPTIONS sip:u SIP/2.0\t\tl: 0\\r\\n\\r\\n\t5060\n",
			 1, "OPTIONS sip:u SIP/2.0\r\nl: 0\r\n\r\n", "the lines that are not of the export, ignored",
			 NULL);
	CHECK(p.nmsgs == 1 && slice_eq(p.msgs[0].packet, SLICE_LIT("frame 5")));
	CHECK(text_at(&p, "l: 0", 3, sizeof "5\tOPTIONS sip:u SIP/2.0\t\t"));
	paste_fini(&p);

	/* -E occurrence=f: msg_hdr[0] alone, two OPTIONS with one start line */
	check_normalised(&p, "fields, first occurrence",
			 "3\tOPTIONS sip:u SIP/2.0\t\tl: 0\\r\\n\\r\\nOPTIONS sip:u SIP/2.0\\r\\nl: 0\\r\\n\\r\\n\n", 2,
			 "OPTIONS sip:u SIP/2.0\r\nl: 0\r\n\r\nOPTIONS sip:u SIP/2.0\r\nl: 0\r\n\r\n",
			 "tshark's fields", NULL);
	paste_fini(&p);

	/* lines of TABs that differ in number are no export: read as text */
	paste_init(&p);
	static const char other[] = "a\tb\tVia: x\\r\\nl: 0\\r\\n\nc\td\n";
	(void)paste_normalise(&p, other, sizeof other - 1, &err);
	CHECK(!repaired(&p, 1, "tshark's fields"));
	paste_fini(&p);
	/* nor is a log's "msg: <start line>\r\n..." value (a start line on
	 * its first line): the message on one line, read from its start line */
	check_normalised(&p, "a log's message on one line after TABs",
			 "2026-11-23\tINFO\tmsg: REGISTER sip:a SIP/2.0\\r\\nl: 0\\r\\n\\r\\n\n", 1,
			 "REGISTER sip:a SIP/2.0\r\nl: 0\r\n\r\n", "with \\r\\n escapes", "tshark's fields");
	paste_fini(&p);
}

static void test_every_allocation_failure_is_enomem_without_leak(void)
{
	size_t len;
	char *in = check_read_file(SEED "ex5-ipsec-sec-agree.pasted.txt", &len);
	CHECK(in != NULL);
	if (!in)
		return;
	check_allocation_failures(in, len, 200);
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

/* A big log (every line behind a syslog-like prefix): the normaliser holds
 * at most about three times the input (its text, the wire text, the maps
 * back to the input), not a word per byte as it once did (8x: a 100 MB
 * P-CSCF log took 850 MB), and every message still points at its line. */
static void test_big_log_is_normalised_in_memory_linear_in_its_size(void)
{
	static const char *const msg[] = {
		"REGISTER sip:ims.mnc001.mcc001.3gppnetwork.org SIP/2.0",
		"Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK%06u",
		"Max-Forwards: 70",
		"From: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>;tag=%06u",
		"To: <sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>",
		"Call-ID: %06u@2001:db8::1",
		"CSeq: 1 REGISTER",
		"Contact: <sip:[2001:db8::1]:5060>;expires=600000",
		"Content-Length: 0",
		"",
	};
	const size_t nlines = sizeof msg / sizeof msg[0], nmsgs = 20000;
	static const char prefix[] = "2026-11-22 10:00:00.123 pcscf[4242]: ";
	struct buf in;
	buf_init(&in);
	for (unsigned k = 0; k < nmsgs; k++)
		for (size_t i = 0; i < nlines; i++) {
			buf_printf(&in, "%s", prefix);
			buf_printf(&in, msg[i], k);
			buf_printf(&in, "\n");
		}
	CHECK(!in.err);
	/* the input is the caller's: its own copy, outside the count */
	char *copy = malloc(in.len);
	CHECK(copy != NULL);
	if (!copy || in.err) {
		free(copy);
		buf_fini(&in);
		return;
	}
	memcpy(copy, in.ptr, in.len);
	size_t len = in.len;
	buf_fini(&in);

	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	alloc_peak_reset();
	size_t before = alloc_peak_bytes();
	int rc = paste_normalise(&p, copy, len, &err);
	CHECK_INT_EQ(rc, 0);
	CHECK_INT_EQ(p.nmsgs, nmsgs);
	size_t used = alloc_peak_bytes() - before;
	if (used > 3 * len)
		fprintf(stderr, "normalising %zu bytes held %zu at once\n", len, used);
#if defined(__GLIBC__)
	CHECK(used <= 3 * len);
#endif
	/* the last message's start line and its To, in the input */
	if (rc == 0 && p.nmsgs == nmsgs) {
		const struct paste_msg *m = &p.msgs[nmsgs - 1];
		unsigned line, col;
		CHECK_INT_EQ(m->first_line, (nmsgs - 1) * nlines + 1);
		paste_position(&p, m->offset, &line, &col);
		CHECK_INT_EQ(line, (nmsgs - 1) * nlines + 1);
		CHECK_INT_EQ(col, sizeof prefix);
		const char *to = memmem(p.text.ptr + m->offset, m->len, "To: ", 4);
		CHECK(to != NULL);
		if (to) {
			paste_position(&p, (size_t)(to - p.text.ptr), &line, &col);
			CHECK_INT_EQ(line, (nmsgs - 1) * nlines + 5);
			CHECK_INT_EQ(col, sizeof prefix);
		}
	}
	paste_fini(&p);
	free(copy);
}

/* A hex dump maps a line of it to the input at once (its step), not each
 * byte: tshark -x of many packets is normalised in less than three times
 * its size (a run and a span per byte took six), and a byte deep in the
 * last packet is still where its hex digits are. */
static void test_big_hex_dump_is_normalised_in_memory_linear_in_its_size(void)
{
	const struct log_case *c = NULL;
	for (size_t i = 0; i < sizeof log_cases / sizeof log_cases[0]; i++)
		if (strcmp(log_cases[i].name, "hexdump-tshark-udp") == 0)
			c = &log_cases[i];
	CHECK(c != NULL);
	if (!c)
		return;
	const size_t n = 20000, one = strlen(c->in);
	char *in = malloc(n * one);
	CHECK(in != NULL);
	if (!in)
		return;
	for (size_t k = 0; k < n; k++)
		memcpy(in + k * one, c->in, one);
	struct paste p;
	paste_init(&p);
	alloc_peak_reset();
	size_t before = alloc_peak_bytes();
	CHECK_INT_EQ(paste_normalise(&p, in, n * one, NULL), 0);
	size_t used = alloc_peak_bytes() - before;
	if (used > 3 * n * one)
		fprintf(stderr, "normalising a hex dump of %zu bytes held %zu at once\n", n * one, used);
#if defined(__GLIBC__)
	CHECK(used <= 3 * n * one);
#endif
	CHECK_INT_EQ(p.nmsgs, n);
	if (p.nmsgs == n) {
		/* "l: 0" of the last packet: its 'l' is 6c at line 7, column 34
		 * of the case, its '0' 30 at column 43 */
		const struct paste_msg *m = &p.msgs[n - 1];
		const char *l = memmem(p.text.ptr + m->offset, m->len, "l: 0", 4);
		CHECK(l != NULL);
		if (l) {
			unsigned line, col;
			paste_position(&p, (size_t)(l - p.text.ptr), &line, &col);
			CHECK_INT_EQ(line, (n - 1) * 9 + 7);
			CHECK_INT_EQ(col, 34);
			paste_position(&p, (size_t)(l - p.text.ptr) + 3, &line, &col);
			CHECK_INT_EQ(line, (n - 1) * 9 + 7);
			CHECK_INT_EQ(col, 43);
		}
	}
	paste_fini(&p);
	free(in);
}

int main(void)
{
	test_every_run_of_text_between_messages_is_listed();
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
	test_capture_messages_carry_their_packet_line();
	test_no_start_line_and_no_known_field_is_an_error();
	test_fields_without_a_start_line_are_blocks();
	test_sipp_trace_msg_lines_are_packet_lines();
	test_sofia_tport_log_lines_are_packet_lines();
	test_kamailio_sipdump_records_are_packet_lines();
	test_wireshark_details_give_each_message_its_frame();
	test_a_logs_text_with_a_time_is_when_the_message_was_logged();
	test_fields_after_a_message_that_said_content_length_0_are_a_block();
	test_fields_that_repeat_a_single_field_after_a_blank_line_are_the_next_block();
	test_fields_behind_a_log_prefix_are_blocks();
	test_extension_fields_behind_a_log_prefix_are_kept_after_a_field();
	test_tshark_json_messages_are_read_from_their_fields();
	test_tshark_json_empty_fields_are_no_message();
	test_tshark_json_fields_arrays_give_each_message_its_start_line();
	test_tshark_pdml_messages_are_read_from_their_bytes();
	test_tshark_fields_lines_give_each_message_its_start_line();
	test_one_packet_seen_twice_is_one_message();
	test_blank_lines_of_a_body_map_to_their_own_lines();
	test_normalise_cases();
	test_start_line_inside_a_line_is_pointed_at();
	test_log_formats();
	test_log_format_allocation_failures();
	test_every_allocation_failure_is_enomem_without_leak();
	test_big_log_is_normalised_in_memory_linear_in_its_size();
	test_big_hex_dump_is_normalised_in_memory_linear_in_its_size();
	return check_done();
}
