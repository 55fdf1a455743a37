/* addr_test.c: sip_addr_decode over a table of inputs, verdicts, error
 * offsets and fields, each run from a guard-page copy. Values marked
 * RFC 4475 / RFC 5118 are copied from ../shared/corpus/rfc4475 and
 * ../shared/corpus/rfc5118/wire (file named beside each). */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"
#include "decode_internal.h"

struct addr_case {
	const char *in;
	unsigned flags;
	int rc;
	int at;
	const char *display;
	bool angle;
	const char *uri;
	const char *params, *tag, *q;
	long long expires;  /* -1: absent */
};

#define OK(in, display, angle, uri, params, tag, q, expires) \
	{ in, 0, 0, -1, display, angle, uri, params, tag, q, expires }
#define OKF(in, flags, display, angle, uri, params, tag, q, expires) \
	{ in, flags, 0, -1, display, angle, uri, params, tag, q, expires }
#define BAD(in, rc, at) { in, 0, rc, at, NULL, false, NULL, NULL, NULL, NULL, -1 }
#define BADF(in, flags, rc, at) { in, flags, rc, at, NULL, false, NULL, NULL, NULL, NULL, -1 }

static const struct addr_case cases[] = {
	/* seed fixtures ex2 / ex5, bench b_register_ims_ipv6.sip */
	OK("<sip:+11234567890@test.3gpp.com>;tag=3671736275", NULL, true, "sip:+11234567890@test.3gpp.com", "tag=3671736275", "3671736275", NULL, -1),
	OK("<sip:+11234567890@[2001:0:0:1::3]:5060>;\r\n reg-id=1;\r\n +g.3gpp.csi.smsip;\r\n +g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"",
	   NULL, true, "sip:+11234567890@[2001:0:0:1::3]:5060", "\r\n reg-id=1;\r\n +g.3gpp.csi.smsip;\r\n +g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"", NULL, NULL, -1),
	OK("<sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5060>;reg-id=1;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;video;audio;expires=600000",
	   NULL, true, "sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5060", "reg-id=1;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;video;audio;expires=600000", NULL, NULL, 600000),
	OK("<tel:+11234567890>", NULL, true, "tel:+11234567890", NULL, NULL, NULL, -1),
	/* RFC 4475 wsinv.dat (valid) */
	OK("sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n", NULL, false, "sip:vivekg@chair-dnrc.example.com", "   tag    = 1918181833n", "1918181833n", NULL, -1),
	OK("\"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>\r\n  ;\r\n  tag = 98asjd8", "\"J Rosenberg \\\\\\\"\"", true, "sip:jdrosen@example.com", "\r\n  tag = 98asjd8", "98asjd8", NULL, -1),
	OK("\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam =\r\n      newvalue ;\r\n  secondparam ; q = 0.33", "\"Quoted string \\\"\\\"\"", true, "sip:jdrosen@example.com", " newparam =\r\n      newvalue ;\r\n  secondparam ; q = 0.33", NULL, "0.33", -1),
	/* RFC 4475 lwsdisp.dat (valid): no LWS before '<' */
	OK("caller<sip:caller@example.com>;tag=323", "caller", true, "sip:caller@example.com", "tag=323", "323", NULL, -1),
	/* RFC 4475 intmeth.dat (valid): token display name, odd params */
	OK("token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%=\"\xd1\x80\xd0\xb0\xd0\xb1\";tag=_token~1'+`*%!-.",
	   "token1~` token2'+_ token3*%!.-", true, "sip:mundane@example.com", "fromParam''~+*_!.-%=\"\xd1\x80\xd0\xb0\xd0\xb1\";tag=_token~1'+`*%!-.", "_token~1'+`*%!-.", NULL, -1),
	OK("\"BEL:\\\x07 NUL:\\\x00 DEL:\\\x7f\" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>", NULL, true, NULL, NULL, NULL, NULL, -1),
	/* RFC 4475 esc02.dat (valid) */
	OK("\"%Z%45\" <sip:resource@example.com>", "\"%Z%45\"", true, "sip:resource@example.com", NULL, NULL, NULL, -1),
	/* RFC 4475 escnull.dat, esc01.dat: addr-spec form */
	OK("sip:null-%00-null@example.com;tag=839923423", NULL, false, "sip:null-%00-null@example.com", "tag=839923423", "839923423", NULL, -1),
	OK("sip:%75se%72@example.com", NULL, false, "sip:%75se%72@example.com", NULL, NULL, NULL, -1),
	/* RFC 4475 cparam01.dat: addr-spec, ;unknownparam is a header param */
	OK("sip:+19725552222@gw1.example.net;unknownparam", NULL, false, "sip:+19725552222@gw1.example.net", "unknownparam", NULL, NULL, -1),
	/* RFC 4475 cparam02.dat: inside <> it is a URI param */
	OK("<sip:+19725552222@gw1.example.net;unknownparam>", NULL, true, "sip:+19725552222@gw1.example.net;unknownparam", NULL, NULL, NULL, -1),
	/* RFC 4475 regescrt.dat (valid): escaped header inside <> */
	OK("<sip:user@example.com?Route=%3Csip:sip.example.com%3E>", NULL, true, "sip:user@example.com?Route=%3Csip:sip.example.com%3E", NULL, NULL, NULL, -1),
	/* RFC 4475 unksm2.dat (valid syntax) */
	OK("isbn:2983792873", NULL, false, "isbn:2983792873", NULL, NULL, NULL, -1),
	OK("<http://www.example.com>;tag=3234233", NULL, true, "http://www.example.com", "tag=3234233", "3234233", NULL, -1),
	OK("<name:John_Smith>", NULL, true, "name:John_Smith", NULL, NULL, NULL, -1),
	/* RFC 4475 scalar02.dat: overlarge contact expires saturates */
	OK("<sip:user@host129.example.com>\r\n  ;expires=280297596632815", NULL, true, "sip:user@host129.example.com", "expires=280297596632815", NULL, NULL, 4294967295LL),
	/* RFC 5118 ipv4-mapped-ipv6.dat, ipv6-good.dat */
	OK("\"T. desk phone\" <sip:ted@[::ffff:192.0.2.2]>", "\"T. desk phone\"", true, "sip:ted@[::ffff:192.0.2.2]", NULL, NULL, NULL, -1),
	OK("\"Caller\" <sip:caller@[2001:db8::1]>", "\"Caller\"", true, "sip:caller@[2001:db8::1]", NULL, NULL, NULL, -1),
	/* Contact q and expires forms */
	OK("<sip:a@b.example>;q=1.000;expires=0", NULL, true, "sip:a@b.example", "q=1.000;expires=0", NULL, "1.000", 0),
	OK("<sip:a@b.example>;q=0", NULL, true, "sip:a@b.example", "q=0", NULL, "0", -1),
	OK("<sip:a@b.example>;q=0.", NULL, true, "sip:a@b.example", "q=0.", NULL, "0.", -1),
	OK("Alice Smith <sip:alice@example.com>", "Alice Smith", true, "sip:alice@example.com", NULL, NULL, NULL, -1),
	OKF("*", SIP_ADDR_ALLOW_STAR, NULL, false, NULL, NULL, NULL, NULL, -1),
	/* bench g_200_register.sip: Path, Service-Route, P-Associated-URI elements */
	OKF("<sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org:5060;lr>", SIP_ADDR_NAME_ADDR, NULL, true, "sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org:5060;lr", NULL, NULL, NULL, -1),
	OKF("<sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr>", SIP_ADDR_NAME_ADDR, NULL, true, "sip:orig@scscf.ims.mnc001.mcc001.3gppnetwork.org:6060;lr", NULL, NULL, NULL, -1),
	OKF("<sip:+15551234567@ims.mnc001.mcc001.3gppnetwork.org;user=phone>", SIP_ADDR_NAME_ADDR, NULL, true, "sip:+15551234567@ims.mnc001.mcc001.3gppnetwork.org;user=phone", NULL, NULL, NULL, -1),
	OKF("<tel:+15551234567>", SIP_ADDR_NAME_ADDR, NULL, true, "tel:+15551234567", NULL, NULL, NULL, -1),
	/* Route / Path / Service-Route take name-addr only */
	OKF("<sip:[2001:0:0:1::2]:5060;lr>", SIP_ADDR_NAME_ADDR, NULL, true, "sip:[2001:0:0:1::2]:5060;lr", NULL, NULL, NULL, -1),
	OKF("\"P-CSCF\" <sip:pcscf.ims.example;lr>;x=1", SIP_ADDR_NAME_ADDR, "\"P-CSCF\"", true, "sip:pcscf.ims.example;lr", "x=1", NULL, NULL, -1),

	/* errors */
	BAD("", -EBADMSG, 0),
	BAD("*", -EBADMSG, 0),
	/* a parameter the decoder types, given twice: readers differ on which
	 * counts (at the second name; fast path, word compare and walk) */
	BAD("sip:user@example.com;tag=bd76le.com;tag=81x2", -EBADMSG, 36),
	BAD("<sip:a@example.com>;tag=1;tag=2", -EBADMSG, 26),
	BAD("<sip:a@example.com>;x=1;tag=1;TAG=2", -EBADMSG, 30),
	BAD("<sip:a@example.com>;tag=1 ; tag=2", -EBADMSG, 28),
	BAD("<sip:a@h>;expires=60;expires=0", -EBADMSG, 21),
	BAD("<sip:a@h>;q=0.5;expires=1;q=0.7", -EBADMSG, 26),
	BAD("<sip:a@h>;+sip.instance=\"<urn:x>\";expires=60;x;Expires=0", -EBADMSG, 47),
	/* a typed URI parameter given twice (RFC 3261 §19.1.1), inside <>:
	 * ";lr>" word compare, the URI fast path, the walk */
	BADF("<sip:h.example;lr;lr>", SIP_ADDR_NAME_ADDR, -EBADMSG, 18),
	BAD("<sip:u@10.0.0.1;transport=udp;Transport=UDP>;tag=1", -EBADMSG, 30),
	BAD("\"A\" <sip:u@h.example;user=phone;x;user=ip>", -EBADMSG, 34),
	BAD("<sip:a@h;method=REGISTER;method=INVITE>;expires=0", -EBADMSG, 25),
	BADF("sip:pcscf.ims.example;lr", SIP_ADDR_NAME_ADDR, -EBADMSG, 0),
	/* RFC 4475 baddn.dat (invalid): unquoted ',' in a display name */
	BAD("Bell, Alexander <sip:a.g.bell@example.com>;tag=43", -EBADMSG, 4),
	BAD("Watson, Thomas <sip:t.watson@example.org>", -EBADMSG, 6),
	/* RFC 4475 badaspec.dat (invalid): spaces inside <> */
	BAD("\"Watson, Thomas\" < sip:t.watson@example.org >", -EBADMSG, 18),
	BAD("<sip:t.watson@example.org >", -EBADMSG, 25),
	/* RFC 4475 quotbal.dat (invalid): unterminated quoted display name */
	BAD("\"Mr. J. User <sip:j.user@example.com>", -EBADMSG, 0),
	/* RFC 4475 regbadct.dat (invalid): URI headers outside <> */
	BAD("sip:user@example.com?Route=%3Csip:sip.example.com%3E", -EBADMSG, 20),
	/* RFC 4475 badinv01.dat (invalid): empty params */
	BAD("\"Joe\" <sip:joe@example.org>;;;;", -EBADMSG, 28),
	BAD("<sip:joe@example.org>;", -EBADMSG, 22),
	BAD("sip:a@b.example c", -EBADMSG, 15),
	BAD("<sip:a@b.example> x", -EBADMSG, 18),
	BAD("<sip:a@b.example", -EBADMSG, 0),
	BAD("Joe", -EBADMSG, 3),
	BAD("Joe sip:joe@example.org", -EBADMSG, 7),
	BAD("\"Joe\" sip:joe@example.org", -EBADMSG, 6),
	BAD("@example.org", -EBADMSG, 0),
	/* RFC 4475 test.dat: a bare address without a scheme */
	BAD("alan@jasomi.com", -EBADMSG, 4),
	BAD("<>", -EBADMSG, 1),
	BAD("<sip:2001:db8::1>", -EBADMSG, 5),
	BAD("sip:a,b@example.org", -EBADMSG, 5),
	BAD("<sip:a@b.example>;tag=\"x\"", -EBADMSG, 22),
	BAD("<sip:a@b.example>;tag", -EBADMSG, 18),
	BAD("<sip:a@b.example>;q=1.5", -EBADMSG, 20),
	BAD("<sip:a@b.example>;q=0.1234", -EBADMSG, 20),
	BAD("<sip:a@b.example>;q=2", -EBADMSG, 20),
	BAD("<sip:a@b.example>;expires=soon", -EBADMSG, 26),
	BAD("<sip:a@b.example>;expires", -EBADMSG, 18),
	BAD("<sip:a@b.example>;x=\"open", -EBADMSG, 20),
};

static void run_case(struct slice in, const void *row)
{
	const struct addr_case *c = row;
	struct sip_addr a;
	struct sip_parse_error err = { 0 };
	int rc = sip_addr_decode(&a, in, c->flags, &err);
	if (!CHECK_DECODE(rc, &err, in, c->rc, c->at))
		return;
	if (c->flags == SIP_ADDR_ALLOW_STAR) {
		CHECK(a.star);
		CHECK_INT_EQ(a.uri.scheme, SIP_URI_OTHER);
		CHECK_SLICE_EQ(a.uri.host, NULL);
		CHECK_SLICE_EQ(a.uri_text, NULL);
		return;
	}
	CHECK(!a.star);
	if (c->display) {
		CHECK_SLICE_EQ(a.display, c->display);
		CHECK_INT_EQ(a.display_quoted, c->display[0] == '"');
	} else if (c->uri) {
		CHECK_SLICE_EQ(a.display, NULL);
	}
	CHECK_INT_EQ(a.angle, c->angle);
	if (c->uri) {
		CHECK_SLICE_EQ(a.uri_text, c->uri);
		CHECK_SLICE_EQ(a.params, c->params);
	}
	CHECK_SLICE_EQ(a.tag, c->tag);
	CHECK_SLICE_EQ(a.q, c->q);
	CHECK_INT_EQ(a.has_expires ? (long long)a.expires : -1, c->expires);
}

static void test_addr_table(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		/* the intmeth display name holds a NUL: measure to the '<' */
		size_t len = strlen(cases[i].in);
		if (strncmp(cases[i].in, "\"BEL:", 5) == 0)
			len = 16 + strlen(cases[i].in + 16);
		check_guarded(cases[i].in, len, run_case, &cases[i]);
	}
}

static void test_addr_quoted_display_holds_control_bytes(void)
{
	/* RFC 4475 intmeth.dat To: quoted-pairs escape BEL, NUL and DEL */
	static const char in[] = "\"BEL:\\\x07 NUL:\\\x00 DEL:\\\x7f\" <sip:x@example.com>";
	struct sip_addr a;
	struct sip_parse_error err;
	CHECK_INT_EQ(sip_addr_decode(&a, slice_make(in, sizeof(in) - 1), 0, &err), 0);
	CHECK_INT_EQ(a.display.len, 22);
	CHECK(a.display_quoted);
	CHECK_SLICE_EQ(a.uri_text, "sip:x@example.com");
}

static void test_addr_spec_params_are_header_params(void)
{
	/* RFC 3261 §20.10: the same text means different things with and without <> */
	struct sip_addr a;
	struct sip_parse_error err;
	CHECK_INT_EQ(sip_addr_decode(&a, SLICE_LIT("sip:u@h.example;transport=tcp;tag=1"), 0, &err), 0);
	CHECK_SLICE_EQ(a.uri.transport, NULL);
	CHECK_SLICE_EQ(a.uri.params, NULL);
	CHECK_SLICE_EQ(a.tag, "1");
	CHECK_INT_EQ(sip_addr_decode(&a, SLICE_LIT("<sip:u@h.example;transport=tcp;tag=1>"), 0, &err), 0);
	CHECK_SLICE_EQ(a.uri.transport, "tcp");
	CHECK_SLICE_EQ(a.uri.params, "transport=tcp;tag=1");
	CHECK_SLICE_EQ(a.tag, NULL);
}

static void test_addr_expires_saturates(void)
{
	struct sip_addr a;
	struct sip_parse_error err;
	CHECK_INT_EQ(sip_addr_decode(&a, SLICE_LIT("<sip:u@h.example>;expires=4294967295"), 0, &err), 0);
	CHECK_INT_EQ(a.expires, 4294967295LL);
	CHECK(!a.expires_saturated);
	CHECK_INT_EQ(sip_addr_decode(&a, SLICE_LIT("<sip:u@h.example>;EXPIRES=4294967296"), 0, &err), 0);
	CHECK_INT_EQ(a.expires, 4294967295LL);
	CHECK(a.expires_saturated);
	CHECK_SLICE_EQ(a.expires_text, "4294967296");
}

static void test_addr_uri_fields(void)
{
	struct sip_addr a;
	struct sip_parse_error err;
	CHECK_INT_EQ(sip_addr_decode(&a, SLICE_LIT("<sip:+11234567890@[2001:0:0:1::3]:5060>;reg-id=1"), 0, &err), 0);
	CHECK_INT_EQ(a.uri.scheme, SIP_URI_SIP);
	CHECK_SLICE_EQ(a.uri.user, "+11234567890");
	CHECK_SLICE_EQ(a.uri.host, "[2001:0:0:1::3]");
	CHECK_INT_EQ(a.uri.port, 5060);
}

/* Every prefix of every table input, from a guard page: no read past the
 * end (the guard faults), and an error is -EBADMSG or -ERANGE with err.at
 * inside the prefix. */
static void decode_prefix(struct slice s, const void *row)
{
	struct sip_addr a;
	struct sip_parse_error err = { 0 };
	(void)row;
	for (unsigned f = 0; f < 4; f++)
		check_decode_verdict(sip_addr_decode(&a, s, f, &err), &err, s);
}

static void test_addr_every_truncation(void)
{
	CHECK_TABLE_EVERY_PREFIX(cases, decode_prefix);
}

/* The fast paths at every position: a host of 1 .. 40 bytes moves the
 * parameters across the sixteen-byte blocks, a tag of 1 .. 24 bytes and a
 * quoted value of 0 .. 40 bytes move the rest across them and the end;
 * names in any case; expires of 1 .. 11 digits last. */
struct addr_pos {
	char in[256];
	size_t host_len, tag_len, quoted_len, digits;
};

static void addr_pos_each(struct slice s, const void *arg)
{
	const struct addr_pos *c = arg;
	struct sip_addr a;
	struct sip_parse_error err = { 0 };
	CHECK_INT_EQ(sip_addr_decode(&a, s, 0, &err), 0);
	CHECK_INT_EQ(a.uri.host.len, c->host_len);
	CHECK_INT_EQ(a.tag.len, c->tag_len);
	CHECK(a.tag.ptr && a.tag.ptr[-1] == '=');
	CHECK_INT_EQ(a.has_expires, true);
	CHECK(a.expires_text.ptr && a.expires_text.ptr + a.expires_text.len == s.ptr + s.len);
	CHECK_INT_EQ(a.expires_text.len, c->digits);
	long long want = 0;
	for (size_t i = 0; i < c->digits; i++)
		want = want * 10 + 7;
	CHECK_INT_EQ(a.expires, want > 4294967295LL ? 4294967295LL : want);
	CHECK_INT_EQ(a.expires_saturated, want > 4294967295LL);
	CHECK_SLICE_EQ(a.q, "0.5");
	CHECK(a.params.ptr && a.params.ptr + a.params.len == s.ptr + s.len);

	/* the quoted value as the walk of sip_param_next sees it */
	struct sip_param_it it;
	struct sip_param p;
	int n = 0, rc;
	sip_param_it_init(&it, a.params);
	while ((rc = sip_param_next(&it, &p, &err)) > 0) {
		if (p.quoted)
			CHECK_INT_EQ(p.value.len, c->quoted_len);
		n++;
	}
	CHECK_INT_EQ(rc, 0);
	CHECK_INT_EQ(n, 5);
}

static void test_addr_every_position(void)
{
	struct addr_pos c;
	for (size_t h = 1; h <= 40; h++)
		for (size_t t = 1; t <= 24; t++)
			for (size_t q = 0; q <= 40; q += (h % 3 == 0 ? 1 : 13)) {
				size_t d = 1 + (h + t + q) % 11;
				c.host_len = h;
				c.tag_len = t;
				c.quoted_len = q;
				c.digits = d;
				char host[48], tag[32], quoted[48], digits[16];
				memset(host, 'h', h);
				host[h] = '\0';
				memset(tag, 't', t);
				tag[t] = '\0';
				memset(quoted, '<', q);
				quoted[q] = '\0';
				memset(digits, '7', d);
				digits[d] = '\0';
				bool up = (h + t) % 2;
				snprintf(c.in, sizeof c.in, "<sip:u@%s>;%s=%s;+sip.instance=\"%s\";q=0.5;video;%s=%s",
					 host, up ? "TAG" : "tag", tag, quoted, up ? "Expires" : "expires", digits);
				check_guarded(c.in, strlen(c.in), addr_pos_each, &c);
			}
}

/* The '>' search at every length 1 .. 100, from guard pages: found at the
 * end, or missing (the error at the '<'). */
static void gt_each(struct slice s, const void *arg)
{
	const size_t *want = arg;
	struct sip_addr a;
	struct sip_parse_error err = { 0 };
	int rc = sip_addr_decode(&a, s, 0, &err);
	if (*want) {
		CHECK_INT_EQ(rc, 0);
		CHECK_INT_EQ(a.uri_text.len, *want);
	} else {
		CHECK_INT_EQ(rc, -EBADMSG);
		CHECK(err.at == s.ptr);
	}
}

static void test_addr_gt_every_length(void)
{
	char in[128];
	for (size_t h = 1; h <= 100; h++) {
		int n = snprintf(in, sizeof in, "<sip:a@%.*s>", (int)h,
				 "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh");
		size_t want = (size_t)n - 2;
		check_guarded(in, (size_t)n, gt_each, &want);
		want = 0;
		check_guarded(in, (size_t)n - 1, gt_each, &want); /* no '>' */
	}
}

/* ";tag=" as the first parameter is read by a fast path in addr.c; the
 * same parameter second (after ";x") by the walk alone. Both must give
 * the same verdict, reason, error position (past the two bytes) and
 * fields, on every prefix of each suffix, as one value and as a list
 * element. */
struct tag_pair {
	const char *one, *two;
	size_t n1, n2;
};

static void tag_pair_decode(const char *in, size_t n, bool list, struct sip_addr *a,
			    struct sip_parse_error *err, int *rc, const char **cursor)
{
	char *g = check_guard_copy(in, n);
	CHECK(g != NULL);
	if (!g)
		return;
	memset(a, 0x5a, sizeof(*a));
	if (list) {
		struct scan sc = { g, g + n };
		*rc = sip_addr_decode_at(a, &sc, 0, err);
		*cursor = sc.p;
	} else {
		*rc = sip_addr_decode(a, slice_make(g, n), 0, err);
		*cursor = NULL;
	}
	/* positions relative to the copy's start, kept past its release */
	ptrdiff_t base = (ptrdiff_t)(uintptr_t)g;
#define REL(p) ((p) ? (const char *)(uintptr_t)((ptrdiff_t)(uintptr_t)(p) - base + 0x1000) : NULL)
	a->tag.ptr = REL(a->tag.ptr);
	a->q.ptr = REL(a->q.ptr);
	a->expires_text.ptr = REL(a->expires_text.ptr);
	err->at = REL(err->at);
	*cursor = REL(*cursor);
#undef REL
	check_guard_free(g, n);
}

static void tag_pair_same(const char *one, size_t n1, const char *two, size_t n2, bool list,
			  ptrdiff_t d)
{
	struct sip_addr a, b;
	struct sip_parse_error ea = { 0 }, eb = { 0 };
	int ra = 0, rb = 0;
	const char *ca = NULL, *cb = NULL;
	tag_pair_decode(one, n1, list, &a, &ea, &ra, &ca);
	tag_pair_decode(two, n2, list, &b, &eb, &rb, &cb);
	CHECK_INT_EQ(ra, rb);
	if (ra < 0 || rb < 0) {
		CHECK(ea.reason == eb.reason);
		CHECK(ea.at && eb.at && ea.at + d == eb.at);
		return;
	}
	CHECK(a.tag.len == b.tag.len && (!a.tag.ptr) == (!b.tag.ptr) && (!a.tag.ptr || a.tag.ptr + d == b.tag.ptr));
	CHECK(a.q.len == b.q.len && (!a.q.ptr) == (!b.q.ptr) && (!a.q.ptr || a.q.ptr + d == b.q.ptr));
	CHECK((!a.expires_text.ptr) == (!b.expires_text.ptr) &&
	      (!a.expires_text.ptr || a.expires_text.ptr + d == b.expires_text.ptr));
	CHECK(a.expires_text.len == b.expires_text.len && a.has_expires == b.has_expires &&
	      a.expires == b.expires && a.expires_saturated == b.expires_saturated);
	CHECK(a.params.len + (size_t)d == b.params.len);
	if (list)
		CHECK(ca && cb && ca + d == cb);
}

static void test_addr_tag_first_same_as_walk(void)
{
	static const char *const suffixes[] = {
		";tag=a73kszlfl", ";TAG=1762538920", ";Tag=925746a962736b96138042b427df6549-2212",
		";tag=a73kszlfl;expires=600000", ";tag=x;q=0.5, <sip:b@c>", ";tag=abc ,<sip:d@e>",
		";tag=", ";tag=;x", ";tag=\"quoted\"", ";tag=a\"b", ";tag=a b", ";tag =a", ";tag= a",
		";tagx=1", ";tag=a,", ";tag=a;", ";tag=a;;", ";tag=ab@cd", ";tag=!%*_+`'~-.",
		";tag=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		";tag=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\x80",
		";t\x01g=1", ";tag=\xff", ";tag=1\r\n",
		";expires=600000", ";EXPIRES=0;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"",
		";expires=4294967295", ";expires=4294967296", ";expires=99999999999999999999",
		";expires=", ";expires=1a", ";expires=-1", ";expires=\"1\"", ";expires =1", ";expires= 1",
		";expiresx=1", ";expires=1,<sip:a@b>", ";expires=1 ,", ";expires=1;expires=2", ";expires=1;q=0.7",
		";expires:1", ";expires=0x1", ";expire=1", ";expires=1\x80",
		/* the IMS REGISTER Contact and its variants: every parameter
		 * after the first read by the same loop */
		";reg-id=1;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;video;audio;expires=600000",
		";+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.smsip;expires=600000;q=0.5;tag=abc",
		";expires=600000;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip",
		";video;audio;tag;x", ";video;expires;x", ";video;q;x", ";video;Q=1;x", ";video;q=2;x",
		";audio;tag=\"a\";x", ";audio;expires=\"1\"", ";audio;q=\"1\"", ";audio;expires=1;EXPIRES=99999999999",
		";a=\"b\\\"c\";tag=1", ";a=\"b\r\n c\";tag=1", ";a=\"unterminated;tag=1", ";a=\"\";tag=2",
		";a=b;tag=c:d", ";a=b:c;tag=d", ";a=[::1];tag=e", ";a=b\";tag=e", ";a=b ;tag=e", ";a=b; tag=e",
		";a ;tag=e", ";a\t;tag=e", ";a\r\n ;tag=e", ";a,;tag=e", ";a@;tag=e", ";a=;tag=e", ";;tag=e",
		";abcdefghijklmnopqrstuvwxyz0123456789=v;tag=f", ";abcdefghijklmno=v;tag=f", ";abcdefghijklmnop=v;tag=f",
		";n=abcdefghijklmnopqrstuvwxyz0123456789;tag=f", ";n=abcdefghijklm;tag=f", ";n=abcdefghijklmn;tag=f",
		";abcdefghijklmnop;tag=f", ";abcdefghijklmno;tag=f", ";tagg=1;expiresx=2;qq=3;ta=4",
		";Tag=1;tAg=2", ";expires=5;expires=6", ";x=\"\x80\xff\";tag=1", ";x=\x80;tag=1", ";x\x80;tag=1",
		";x=\"a\",<sip:b@c>", ";x=\"a\" ,<sip:b@c>;tag=1", ";video,<sip:b@c>;tag=1",
	};
	static const char *const heads[] = { "<sip:u@h.example>", "<sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org>",
					     "\"A\" <sip:u@h>", "<tel:+1555>" };
	/* ";x" first: the parameter second in the fast loop; "; x" first:
	 * the white space sends the rest to the walk alone */
	static const char *const ins[] = { ";x", "; x" };
	char one[512], two[512];
	for (size_t h = 0; h < sizeof(heads) / sizeof(heads[0]); h++)
		for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
			for (size_t x = 0; x < 2; x++) {
				size_t hl = strlen(heads[h]), sl = strlen(suffixes[i]), dl = strlen(ins[x]);
				CHECK(hl + dl + sl <= sizeof(two));
				memcpy(one, heads[h], hl);
				memcpy(one + hl, suffixes[i], sl);
				memcpy(two, heads[h], hl);
				memcpy(two + hl, ins[x], dl);
				memcpy(two + hl + dl, suffixes[i], sl);
				for (size_t k = 1; k <= sl; k++)
					for (int list = 0; list < 2; list++)
						tag_pair_same(one, hl + k, two, hl + dl + k, list,
							      (ptrdiff_t)dl);
			}
}

/* The parameter loop against the walk for the IMS Contact's feature tags:
 * a name of 1 .. 40 bytes with a quoted value of 0 .. 70 bytes, a token
 * value or none, so that the name's end, the '=', the quote and the
 * closing quote fall at every offset around the sixteen- and 32-byte
 * blocks and the end; then every byte value at every position of the IMS
 * parameters. Each as the second parameter (after ";x", read by the
 * loop) and after "; x" (the walk alone), as one value and as a list
 * element, from guard pages: the same verdict, reason, error position and
 * fields. */
static void feature_tag_pair(const char *head, const char *params, size_t pl)
{
	static const char *const ins[] = { ";x", "; x" };
	char one[512], two[512];
	size_t hl = strlen(head);
	CHECK(hl + pl + 3 <= sizeof(one));
	memcpy(one, head, hl);
	memcpy(one + hl, ins[0], 2);
	memcpy(one + hl + 2, params, pl);
	memcpy(two, head, hl);
	memcpy(two + hl, ins[1], 3);
	memcpy(two + hl + 3, params, pl);
	for (int list = 0; list < 2; list++)
		tag_pair_same(one, hl + 2 + pl, two, hl + 3 + pl, list, 1);
}

static void test_addr_feature_tags_same_as_walk(void)
{
	static const char *const heads[] = { "<sip:u@h>", "<sip:001010000000001@[2001:db8::1]:5060>" };
	static const char *const tails[] = { "", ";tag=1", ";video;expires=600000", ",<sip:b@c>", " ;q=1" };
	char params[256];
	for (size_t h = 0; h < 2; h++)
		for (size_t nl = 1; nl <= 40; nl++)
			for (size_t vl = 0; vl <= 70; vl++)
				for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++) {
					size_t n = 0;
					params[n++] = ';';
					for (size_t i = 0; i < nl; i++)
						params[n++] = "+g.3gpp.icsi-ref-abcdefghijklmnopqrstuvwxyz"[i];
					unsigned form = (unsigned)(nl + vl + t) % 3;
					if (form == 0) { /* name="value" */
						params[n++] = '=';
						params[n++] = '"';
						for (size_t i = 0; i < vl; i++)
							params[n++] = "<urn:gsma:imei:35425006-000655-0>%3A"[i % 36];
						params[n++] = '"';
					} else if (form == 1) { /* name=token */
						params[n++] = '=';
						for (size_t i = 0; i < vl % 40 + 1; i++)
							params[n++] = "0123456789abcdef"[i % 16];
					}
					size_t tl = strlen(tails[t]);
					memcpy(params + n, tails[t], tl);
					n += tl;
					feature_tag_pair(heads[h], params, n);
				}
	static const char *const ims[] = {
		";+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;video;tag=1",
		";reg-id=1;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";audio;expires=600000",
	};
	for (size_t h = 0; h < 2; h++)
		for (size_t k = 0; k < 2; k++) {
			size_t n = strlen(ims[k]);
			memcpy(params, ims[k], n);
			for (size_t i = 0; i < n; i++) {
				for (unsigned c = 0; c < 256; c++) {
					params[i] = (char)c;
					feature_tag_pair(heads[h], params, n);
				}
				params[i] = ims[k][i];
			}
		}
}

int main(void)
{
	test_addr_feature_tags_same_as_walk();
	test_addr_tag_first_same_as_walk();
	test_addr_table();
	test_addr_gt_every_length();
	test_addr_every_position();
	test_addr_every_truncation();
	test_addr_quoted_display_holds_control_bytes();
	test_addr_spec_params_are_header_params();
	test_addr_expires_saturates();
	test_addr_uri_fields();
	return check_done();
}
