/* uri_test.c: sip_uri_decode and sip_hostport_decode over tables of inputs,
 * verdicts and error offsets, each run from a guard-page copy. Values marked
 * RFC 4475 / RFC 5118 are copied from ../shared/corpus/rfc4475 and
 * ../shared/corpus/rfc5118/wire (file named beside each). Then the sixteen-
 * bytes-a-step paths of uri.c (URI, host, IPv6, port) held to their byte
 * loops on every byte at every position, every length, random inputs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"
#include "hdr_scan.h"
#include "uri_internal.h"

struct uri_case {
	const char *in;
	int rc;
	int at;                  /* error offset in `in`, -1 when rc == 0 */
	enum sip_uri_scheme scheme;
	const char *user, *password, *host;
	enum sip_host_type host_type;
	int port;                /* -1: no port */
	const char *params, *headers;
};

#define OK(in, scheme, user, pw, host, ht, port, params, hdrs) \
	{ in, 0, -1, scheme, user, pw, host, ht, port, params, hdrs }
#define BAD(in, rc, at) { in, rc, at, 0, NULL, NULL, NULL, 0, -1, NULL, NULL }

static const struct uri_case cases[] = {
	/* plain forms */
	OK("sip:alice@example.com", SIP_URI_SIP, "alice", NULL, "example.com", SIP_HOST_NAME, -1, NULL, NULL),
	OK("SIP:alice@Example.COM.", SIP_URI_SIP, "alice", NULL, "Example.COM.", SIP_HOST_NAME, -1, NULL, NULL),
	OK("sips:bob:secret@192.0.2.4:5061", SIP_URI_SIPS, "bob", "secret", "192.0.2.4", SIP_HOST_IPV4, 5061, NULL, NULL),
	OK("sip:u:@h.example", SIP_URI_SIP, "u", "", "h.example", SIP_HOST_NAME, -1, NULL, NULL),
	OK("sip:registrar.example.com:0", SIP_URI_SIP, NULL, NULL, "registrar.example.com", SIP_HOST_NAME, 0, NULL, NULL),
	OK("sip:h.example:65535", SIP_URI_SIP, NULL, NULL, "h.example", SIP_HOST_NAME, 65535, NULL, NULL),
	OK("sip:a1-b.c2", SIP_URI_SIP, NULL, NULL, "a1-b.c2", SIP_HOST_NAME, -1, NULL, NULL),
	/* seed fixtures (../shared/fixtures/seed ex2, ex5) and bench corpus */
	OK("sip:+11234567890@[2001:0:0:1::3]:5060", SIP_URI_SIP, "+11234567890", NULL, "[2001:0:0:1::3]", SIP_HOST_IPV6, 5060, NULL, NULL),
	OK("sip:[2001:0:0:1::2]:5060;lr", SIP_URI_SIP, NULL, NULL, "[2001:0:0:1::2]", SIP_HOST_IPV6, 5060, "lr", NULL),
	OK("sip:001010123456789@ims.mnc246.mcc081.3gppnetwork.org", SIP_URI_SIP, "001010123456789", NULL, "ims.mnc246.mcc081.3gppnetwork.org", SIP_HOST_NAME, -1, NULL, NULL),
	OK("sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5060", SIP_URI_SIP, "001010000000001", NULL, "[2001:db8:1:0:a1b2:c3d4:e5f6:1]", SIP_HOST_IPV6, 5060, NULL, NULL),
	/* RFC 4475 esc01.dat (valid): escapes in user, param names and values */
	OK("sip:sips%3Auser%40example.com@example.net", SIP_URI_SIP, "sips%3Auser%40example.com", NULL, "example.net", SIP_HOST_NAME, -1, NULL, NULL),
	OK("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31", SIP_URI_SIP, "cal%6Cer", NULL, "host5.example.net", SIP_HOST_NAME, -1, "%6C%72;n%61me=v%61lue%25%34%31", NULL),
	OK("sip:I%20have%20spaces@example.net", SIP_URI_SIP, "I%20have%20spaces", NULL, "example.net", SIP_HOST_NAME, -1, NULL, NULL),
	/* RFC 4475 escnull.dat (valid): %00 kept as written */
	OK("sip:null-%00-null@example.com", SIP_URI_SIP, "null-%00-null", NULL, "example.com", SIP_HOST_NAME, -1, NULL, NULL),
	OK("sip:%00%00@host5.example.com", SIP_URI_SIP, "%00%00", NULL, "host5.example.com", SIP_HOST_NAME, -1, NULL, NULL),
	/* RFC 4475 semiuri.dat (valid): ';' belongs to the user part */
	OK("sip:user;par=u%40example.net@example.com", SIP_URI_SIP, "user;par=u%40example.net", NULL, "example.com", SIP_HOST_NAME, -1, NULL, NULL),
	/* RFC 4475 intmeth.dat (valid): odd user and password characters */
	OK("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com",
	   SIP_URI_SIP, "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", "example.com", SIP_HOST_NAME, -1, NULL, NULL),
	/* RFC 4475 wsinv.dat / cparam02.dat: unknown params in the URI */
	OK("sip:vivekg@chair-dnrc.example.com;unknownparam", SIP_URI_SIP, "vivekg", NULL, "chair-dnrc.example.com", SIP_HOST_NAME, -1, "unknownparam", NULL),
	OK("sip:services.example.com;lr;unknownwith=value;unknown-no-value", SIP_URI_SIP, NULL, NULL, "services.example.com", SIP_HOST_NAME, -1, "lr;unknownwith=value;unknown-no-value", NULL),
	/* RFC 4475 regescrt.dat (valid) and escruri.dat (headers decode; the message rule is elsewhere) */
	OK("sip:user@example.com?Route=%3Csip:sip.example.com%3E", SIP_URI_SIP, "user", NULL, "example.com", SIP_HOST_NAME, -1, NULL, "Route=%3Csip:sip.example.com%3E"),
	OK("sip:u@h.example;transport=tcp?subject=hi&priority=urgent&x=", SIP_URI_SIP, "u", NULL, "h.example", SIP_HOST_NAME, -1, "transport=tcp", "subject=hi&priority=urgent&x="),
	/* RFC 4475 inv2543.dat: user=phone, maddr */
	OK("sip:+13035551111@ift.client.example.net;user=phone", SIP_URI_SIP, "+13035551111", NULL, "ift.client.example.net", SIP_HOST_NAME, -1, "user=phone", NULL),
	/* RFC 5118 ipv6-good.dat, port-ambiguous.dat, port-unambiguous.dat (valid) */
	OK("sip:[2001:db8::10]", SIP_URI_SIP, NULL, NULL, "[2001:db8::10]", SIP_HOST_IPV6, -1, NULL, NULL),
	OK("sip:[2001:db8::10:5070]", SIP_URI_SIP, NULL, NULL, "[2001:db8::10:5070]", SIP_HOST_IPV6, -1, NULL, NULL),
	OK("sip:[2001:db8::10]:5070", SIP_URI_SIP, NULL, NULL, "[2001:db8::10]", SIP_HOST_IPV6, 5070, NULL, NULL),
	/* RFC 5118 ipv4-mapped-ipv6.dat, ipv6-bug-abnf-3-colons.dat, ipv6-correct-abnf-2-colons.dat */
	OK("sip:ted@[::ffff:192.0.2.2]", SIP_URI_SIP, "ted", NULL, "[::ffff:192.0.2.2]", SIP_HOST_IPV6, -1, NULL, NULL),
	OK("sip:user@[2001:db8:::192.0.2.1]", SIP_URI_SIP, "user", NULL, "[2001:db8:::192.0.2.1]", SIP_HOST_IPV6, -1, NULL, NULL),
	OK("sip:user@[2001:db8::192.0.2.1]", SIP_URI_SIP, "user", NULL, "[2001:db8::192.0.2.1]", SIP_HOST_IPV6, -1, NULL, NULL),
	OK("sip:[::]", SIP_URI_SIP, NULL, NULL, "[::]", SIP_HOST_IPV6, -1, NULL, NULL),
	OK("sip:[1:2:3:4:5:6:7:8]", SIP_URI_SIP, NULL, NULL, "[1:2:3:4:5:6:7:8]", SIP_HOST_IPV6, -1, NULL, NULL),
	OK("sip:[1:2:3:4:5:6:1.2.3.4]", SIP_URI_SIP, NULL, NULL, "[1:2:3:4:5:6:1.2.3.4]", SIP_HOST_IPV6, -1, NULL, NULL),
	/* RFC 4475 bcast.dat host */
	OK("sip:255.255.255.255", SIP_URI_SIP, NULL, NULL, "255.255.255.255", SIP_HOST_IPV4, -1, NULL, NULL),
	/* tel: (RFC 3966) */
	/* bench g_200_register.sip P-Associated-URI; captures/text/sipandlove */
	OK("tel:+15551234567", SIP_URI_TEL, "+15551234567", NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),
	OK("tel:+33960700013", SIP_URI_TEL, "+33960700013", NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),
	OK("tel:+11234567890", SIP_URI_TEL, "+11234567890", NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),
	OK("tel:+1-201-555-0123;ext=1234", SIP_URI_TEL, "+1-201-555-0123", NULL, NULL, SIP_HOST_NONE, -1, "ext=1234", NULL),
	OK("tel:7042;phone-context=example.com", SIP_URI_TEL, "7042", NULL, NULL, SIP_HOST_NONE, -1, "phone-context=example.com", NULL),
	OK("tel:863-1234;phone-context=+1-914-555", SIP_URI_TEL, "863-1234", NULL, NULL, SIP_HOST_NONE, -1, "phone-context=+1-914-555", NULL),
	OK("TEL:*31#;phone-context=ims.example", SIP_URI_TEL, "*31#", NULL, NULL, SIP_HOST_NONE, -1, "phone-context=ims.example", NULL),
	/* other schemes: RFC 4475 unkscm.dat, novelsc.dat, unksm2.dat */
	OK("nobodyKnowsThisScheme:totallyopaquecontent", SIP_URI_OTHER, NULL, NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),
	OK("soap.beep://192.0.2.103:3002", SIP_URI_OTHER, NULL, NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),
	OK("isbn:2983792873", SIP_URI_OTHER, NULL, NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),
	OK("http://www.example.com", SIP_URI_OTHER, NULL, NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),
	OK("name:John_Smith", SIP_URI_OTHER, NULL, NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),
	OK("urn:gsma:imei:35425006-000655-0", SIP_URI_OTHER, NULL, NULL, NULL, SIP_HOST_NONE, -1, NULL, NULL),

	/* errors, with the offset of the offending byte */
	BAD("", -EBADMSG, 0),
	BAD("sip:", -EBADMSG, 4),
	BAD("sip", -EBADMSG, 3),
	BAD("sip:@example.com", -EBADMSG, 4),
	BAD("sip:alice@", -EBADMSG, 10),
	/* RFC 4475 ltgtruri.dat: the Request-URI in <> */
	BAD("<sip:user@example.com>", -EBADMSG, 0),
	/* RFC 4475 lwsruri.dat: embedded LWS */
	BAD("sip:user@example.com; lr", -EBADMSG, 21),
	BAD("sip:user@example.com ", -EBADMSG, 20),
	BAD(" sip:user@example.com", -EBADMSG, 0),
	/* RFC 5118 ipv6-bad.dat: IPv6 without brackets */
	BAD("sip:2001:db8::10", -EBADMSG, 4),
	BAD("sip:user@2001:db8::1", -EBADMSG, 9),
	BAD("sip:[2001:db8::10", -EBADMSG, 17),
	BAD("sip:[2001:db8::1::2]", -EBADMSG, 16),
	BAD("sip:[1:2:3:4:5:6:7:8:9]", -EBADMSG, 5),
	BAD("sip:[12345::1]", -EBADMSG, 9),
	BAD("sip:[1:2:3]", -EBADMSG, 5),
	BAD("sip:[::1:]", -EBADMSG, 9),
	BAD("sip:[::ffff:192.0.2.256]", -EBADMSG, 20),
	/* ports */
	BAD("sip:h.example:65536", -ERANGE, 14),
	BAD("sip:h.example:99999999999999999999", -ERANGE, 14),
	BAD("sip:h.example:", -EBADMSG, 14),
	BAD("sip:h.example:50x", -EBADMSG, 16),
	/* hosts */
	BAD("sip:u@-bad.example", -EBADMSG, 6),
	BAD("sip:u@bad-.example", -EBADMSG, 9),
	BAD("sip:u@a..example", -EBADMSG, 8),
	BAD("sip:u@1.2.3", -EBADMSG, 6),
	BAD("sip:u@192.0.2.300", -EBADMSG, 14),
	BAD("sip:u@example.123", -EBADMSG, 14),
	BAD("sip:u@host_name", -EBADMSG, 10),
	/* escapes, user, password */
	BAD("sip:us%zzer@example.com", -EBADMSG, 6),
	BAD("sip:us%4@example.com", -EBADMSG, 6),
	BAD("sip:us\"er@example.com", -EBADMSG, 6),
	BAD("sip:user:pa;ss@example.com", -EBADMSG, 11),
	/* params and headers */
	BAD("sip:h.example;", -EBADMSG, 14),
	BAD("sip:h.example;;lr", -EBADMSG, 14),
	BAD("sip:h.example;a=", -EBADMSG, 16),
	BAD("sip:h.example;a=b c", -EBADMSG, 17),
	BAD("sip:h.example;a=\"b\"", -EBADMSG, 16),
	/* a typed parameter given twice (RFC 3261 §19.1.1: "any given
	 * parameter-name MUST NOT appear more than once"), at the second name;
	 * readers differ on which they take. Others stay as written. */
	BAD("sip:h.example;transport=udp;transport=tcp", -EBADMSG, 28),
	BAD("sip:h.example;lr;LR", -EBADMSG, 17),
	BAD("sip:u@h.example;user=phone;ttl=1;User=ip", -EBADMSG, 33),
	BAD("sip:h.example:5060;maddr=192.0.2.1;method=REGISTER;maddr=192.0.2.2", -EBADMSG, 51),
	BAD("sip:h.example;method=INVITE;method", -EBADMSG, 28),
	BAD("sip:h.example;ttl;ttl=1", -EBADMSG, 18),
	OK("sip:h.example;foo;foo=1;transport=tcp;transportx=udp", SIP_URI_SIP, NULL, NULL, "h.example", SIP_HOST_NAME, -1, "foo;foo=1;transport=tcp;transportx=udp", NULL),
	BAD("sip:h.example?", -EBADMSG, 14),
	BAD("sip:h.example?a", -EBADMSG, 15),
	BAD("sip:h.example?a=<b>", -EBADMSG, 16),
	BAD("sip:h.example?a=b&", -EBADMSG, 18),
	BAD("sip:h.example>", -EBADMSG, 13),
	/* tel */
	BAD("tel:", -EBADMSG, 4),
	BAD("tel:+", -EBADMSG, 5),
	BAD("tel:+1 234", -EBADMSG, 6),
	BAD("tel:+12a4", -EBADMSG, 7),
	BAD("tel:1234", -EBADMSG, 4),
	BAD("tel:+1234;", -EBADMSG, 10),
	BAD("tel:+1234;ext=", -EBADMSG, 14),
	BAD("tel:+1234;a_b=1", -EBADMSG, 11),
	/* other schemes */
	BAD("1sip:x", -EBADMSG, 0),
	BAD("urn:", -EBADMSG, 4),
	BAD("urn:a b", -EBADMSG, 5),
	BAD("x-y:a<b", -EBADMSG, 5),
};

static void run_case(struct slice in, const void *row)
{
	const struct uri_case *c = row;
	struct sip_uri u;
	struct sip_parse_error err = { 0 };
	int rc = sip_uri_decode(&u, in, &err);
	if (!CHECK_DECODE(rc, &err, in, c->rc, c->at))
		return;
	CHECK_INT_EQ(u.scheme, c->scheme);
	CHECK_SLICE_EQ(u.user, c->user);
	CHECK_SLICE_EQ(u.password, c->password);
	CHECK_SLICE_EQ(u.host, c->host);
	CHECK_INT_EQ(u.host_type, c->host_type);
	CHECK_INT_EQ(u.has_port ? u.port : -1, c->port);
	CHECK_SLICE_EQ(u.params, c->params);
	CHECK_SLICE_EQ(u.headers, c->headers);
	if (c->scheme == SIP_URI_OTHER) {
		const char *colon = strchr(c->in, ':');
		CHECK_SLICE_EQ(u.opaque, colon + 1);
	}
}

static void test_uri_table(void)
{
	CHECK_TABLE_GUARDED(cases, run_case);
}

static void test_uri_fills_well_known_params(void)
{
	struct sip_uri u;
	struct sip_parse_error err;
	int rc = sip_uri_decode(&u, SLICE_LIT("sip:u@h.example;TRANSPORT=tcp;user=phone;maddr=239.255.255.1;ttl=15;method=REGISTER;lr;other=1"), &err);
	CHECK_INT_EQ(rc, 0);
	CHECK_SLICE_EQ(u.transport, "tcp");
	CHECK_SLICE_EQ(u.user_param, "phone");
	CHECK_SLICE_EQ(u.maddr, "239.255.255.1");
	CHECK_SLICE_EQ(u.ttl, "15");
	CHECK_SLICE_EQ(u.method, "REGISTER");
	CHECK(u.lr);
	CHECK_SLICE_EQ(u.scheme_name, "sip");

	rc = sip_uri_decode(&u, SLICE_LIT("sip:h.example;lr=on"), &err);
	CHECK_INT_EQ(rc, 0);
	CHECK(u.lr);
	rc = sip_uri_decode(&u, SLICE_LIT("sip:h.example;transportx=tcp"), &err);
	CHECK_INT_EQ(rc, 0);
	CHECK_SLICE_EQ(u.transport, NULL);
	CHECK(!u.lr);
}

static void test_uri_errors_name_the_problem(void)
{
	struct sip_uri u;
	struct sip_parse_error err;
	CHECK_INT_EQ(sip_uri_decode(&u, SLICE_LIT("sip:2001:db8::10"), &err), -EBADMSG);
	CHECK(strstr(err.reason, "RFC 5118") != NULL);
	CHECK_INT_EQ(sip_uri_decode(&u, SLICE_LIT("sip:user@example.com; lr"), &err), -EBADMSG);
	CHECK_STR_EQ(err.reason, "URI: embedded white space");
	CHECK_INT_EQ(sip_uri_decode(&u, SLICE_LIT("<sip:user@example.com>"), &err), -EBADMSG);
	CHECK(strstr(err.reason, "<>") != NULL);
	CHECK_INT_EQ(sip_uri_decode(&u, SLICE_LIT("tel:1234"), &err), -EBADMSG);
	CHECK(strstr(err.reason, "phone-context") != NULL);
	/* an absent value is a bad argument, not a parse error */
	CHECK_INT_EQ(sip_uri_decode(&u, SLICE_NULL, &err), -EINVAL);
	struct sip_addr a;
	struct sip_via v;
	CHECK_INT_EQ(sip_addr_decode(&a, SLICE_NULL, 0, &err), -EINVAL);
	CHECK_INT_EQ(sip_via_decode(&v, SLICE_NULL, &err), -EINVAL);
	/* a NULL err is allowed */
	CHECK_INT_EQ(sip_uri_decode(&u, SLICE_LIT("sip:"), NULL), -EBADMSG);
}

struct hp_case {
	const char *in;
	int rc, at;
	const char *host;
	enum sip_host_type type;
	int port;
};

static const struct hp_case hp_cases[] = {
	{ "example.com", 0, -1, "example.com", SIP_HOST_NAME, -1 },
	{ "192.0.2.1:5060", 0, -1, "192.0.2.1", SIP_HOST_IPV4, 5060 },
	{ "[2001:db8::9:1]:6050", 0, -1, "[2001:db8::9:1]", SIP_HOST_IPV6, 6050 },
	{ "[::ffff:192.0.2.10]:19823", 0, -1, "[::ffff:192.0.2.10]", SIP_HOST_IPV6, 19823 },
	{ "2001:db8::9:1", -EBADMSG, 0, NULL, 0, -1 },
	{ "example.com:", -EBADMSG, 12, NULL, 0, -1 },
	{ "example.com:70000", -ERANGE, 12, NULL, 0, -1 },
	{ "example.com;x", -EBADMSG, 11, NULL, 0, -1 },
	{ "example.com:1:2", -EBADMSG, 13, NULL, 0, -1 },
	{ "", -EBADMSG, 0, NULL, 0, -1 },
};

static void run_hp_case(struct slice in, const void *row)
{
	const struct hp_case *c = row;
	struct slice host;
	enum sip_host_type type;
	bool has_port;
	uint16_t port;
	struct sip_parse_error err;
	int rc = sip_hostport_decode(in, &host, &type, &has_port, &port, &err);
	CHECK_INT_EQ(rc, c->rc);
	if (rc < 0) {
		CHECK_INT_EQ(err.at - in.ptr, c->at);
	} else if (c->rc == 0) {
		CHECK_SLICE_EQ(host, c->host);
		CHECK_INT_EQ(type, c->type);
		CHECK_INT_EQ(has_port ? port : -1, c->port);
	}
}

static void test_hostport_table(void)
{
	CHECK_TABLE_GUARDED(hp_cases, run_hp_case);
}

/* Every prefix of every table input, from a guard page: no read past the
 * end (the guard faults), and an error is -EBADMSG or -ERANGE with err.at
 * inside the prefix. */
static void decode_prefix(struct slice s, const void *row)
{
	struct sip_uri u;
	struct sip_parse_error err = { 0 };
	(void)row;
	check_decode_verdict(sip_uri_decode(&u, s, &err), &err, s);
	struct slice host;
	enum sip_host_type type;
	bool has_port;
	uint16_t port;
	check_decode_verdict(sip_hostport_decode(s, &host, &type, &has_port, &port, &err), &err, s);
}

static void test_uri_every_truncation(void)
{
	CHECK_TABLE_EVERY_PREFIX(cases, decode_prefix);
}

/* ---- the fast path held to the byte path --------------------------------
 * sip_uri_decode reads the common sip:/sips: forms sixteen bytes a step and
 * hands everything else to the byte path, which uri.c exports for this test
 * alone. Both must give the same verdict, err->at and reason, and on
 * success the same fields, on every input below; each input is read from a
 * copy that ends at a guard page (a sixteen-byte load past the end faults). */

#define GUARD_MAX 512
static char *guard_area; /* GUARD_MAX bytes ending at a PROT_NONE page */
static unsigned long same_count;

static bool slice_same(struct slice a, struct slice b)
{
	return a.ptr == b.ptr && a.len == b.len;
}


/* sip_host_scan (bit masks first) and sip_host_scan_bytes at g[k..len) */
static void host_same_as_bytes(const char *g, size_t k, size_t len)
{
	struct scan sa = { g + k, g + len }, sb = sa;
	struct slice ha = SLICE_NULL, hb = SLICE_NULL;
	enum sip_host_type ta = SIP_HOST_NONE, tb = SIP_HOST_NONE;
	struct sip_parse_error ea = { 0 }, eb = { 0 };
	int ra = sip_host_scan(&sa, &ha, &ta, &ea), rb = sip_host_scan_bytes(&sb, &hb, &tb, &eb);
	bool same = ra == rb && sa.p == sb.p;
	if (same && ra < 0)
		same = ea.code == eb.code && ea.at == eb.at && ea.reason == eb.reason;
	if (same && ra == 0)
		same = slice_same(ha, hb) && ta == tb;
	/* sip_host_fast: what the byte path gives, or nothing */
	enum sip_host_type tf = SIP_HOST_NONE;
	const char *f = sip_host_fast(g + k, g + len, &tf);
	if (f)
		same = same && rb == 0 && f == sb.p && tf == tb;
	if (same) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "host fast/byte path differ on \"%.*s\": rc %d/%d, end %td/%td\n",
		(int)(len - k), g + k, ra, rb, sa.p - g, sb.p - g);
}


/* sip_ipv6_scan and sip_port_scan (mask and word reads first) against
 * their byte loops at g[k..len) */
static void scans_same_as_bytes(const char *g, size_t k, size_t len)
{
	const char *ba = NULL, *bb = NULL;
	const char *qa = sip_ipv6_scan(g + k, g + len, &ba), *qb = sip_ipv6_scan_bytes(g + k, g + len, &bb);
	const char *qf = sip_ipv6_fast(g + k, g + len);
	if (qa == qb && (qa || ba == bb) && (!qf || qf == qb)) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "ipv6 fast/byte path differ on \"%.*s\"\n", (int)(len - k), g + k);
	}
	struct scan sa = { g + k, g + len }, sb = sa;
	uint16_t pa = 0, pb = 0;
	struct sip_parse_error ea = { 0 }, eb = { 0 };
	int ra = sip_port_scan(&sa, &pa, &ea), rb = sip_port_scan_bytes(&sb, &pb, &eb);
	bool same = ra == rb && sa.p == sb.p && (ra < 0 || pa == pb);
	if (same && ra < 0)
		same = ea.code == eb.code && ea.at == eb.at && ea.reason == eb.reason;
	if (same) {
		check_passed++;
	} else {
		check_failed++;
		fprintf(stderr, "port fast/byte path differ on \"%.*s\"\n", (int)(len - k), g + k);
	}
}

static unsigned long gt_count, gt_taken;

/* sip_uri_decode_gt on in followed by tail, read from a copy that ends at
 * the guard page: when it takes the URI, what it returns is the first '>'
 * and the byte path decodes the bytes before it, with success, into the
 * same fields. */
static void gt_same_as_bytes(const char *in, size_t len, const char *tail)
{
	size_t tl = strlen(tail), n = len + tl;
	if (n > GUARD_MAX)
		return;
	char *g = guard_area + GUARD_MAX - n;
	memcpy(g, in, len);
	memcpy(g + len, tail, tl);
	struct sip_uri a, b;
	memset(&a, 0x5a, sizeof(a));
	memset(&b, 0xa5, sizeof(b));
	gt_count++;
	const char *q = sip_uri_decode_gt(&a, g, g + n);
	if (!q) {
		check_passed++;
		return;
	}
	gt_taken++;
	struct sip_parse_error eb = { 0 };
	const char *first = memchr(g, '>', n);
	int rb = q == first ? sip_uri_decode_bytes(&b, slice_span(g, q), &eb) : -1;
	if (rb == 0 && sip_uri_same(&a, &b)) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "uri gt fast/byte path differ on \"");
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, (unsigned char)g[i] >= 0x20 && (unsigned char)g[i] < 0x7f ? "%c" : "\\x%02x",
			(unsigned char)g[i]);
	fprintf(stderr, "\": '>' at %td (first %td), byte path rc %d\n", q - g, first ? first - g : -1, rb);
}

static void same_as_bytes(const char *in, size_t len)
{
	if (len > GUARD_MAX)
		return;
	gt_same_as_bytes(in, len, "");
	gt_same_as_bytes(in, len, ">");
	gt_same_as_bytes(in, len, ">;tag=a73kszlfl");
	gt_same_as_bytes(in, len, ">;expires=600000;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"");
	char *g = guard_area + GUARD_MAX - len;
	memcpy(g, in, len);
	struct slice s = slice_make(g, len);
	host_same_as_bytes(g, 0, len);
	if (len >= 4)
		host_same_as_bytes(g, 4, len);
	const char *at = memchr(g, '@', len);
	if (at)
		host_same_as_bytes(g, (size_t)(at + 1 - g), len);
	scans_same_as_bytes(g, 0, len);
	for (size_t k = 1; k < len; k++)
		if (g[k - 1] == '[' || g[k - 1] == ':' || g[k - 1] == '=')
			scans_same_as_bytes(g, k, len);
	struct sip_uri a, b;
	struct sip_parse_error ea = { 0 }, eb = { 0 };
	memset(&a, 0x5a, sizeof(a));
	memset(&b, 0xa5, sizeof(b));
	int ra = sip_uri_decode(&a, s, &ea), rb = sip_uri_decode_bytes(&b, s, &eb);
	bool same = ra == rb;
	if (same && ra < 0)
		same = ea.code == eb.code && ea.at == eb.at && ea.reason == eb.reason;
	if (same && ra == 0)
		same = sip_uri_same(&a, &b);
	same_count++;
	if (same) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "uri fast/byte path differ on \"");
	for (size_t i = 0; i < len; i++)
		fprintf(stderr, (unsigned char)in[i] >= 0x20 && (unsigned char)in[i] < 0x7f ? "%c" : "\\x%02x",
			(unsigned char)in[i]);
	fprintf(stderr, "\": rc %d/%d, at %td/%td, reason %s / %s\n", ra, rb,
		ra < 0 ? ea.at - g : -1, rb < 0 ? eb.at - g : -1, ra < 0 ? ea.reason : "-",
		rb < 0 ? eb.reason : "-");
}

static void same_as_bytes_str(const char *in)
{
	same_as_bytes(in, strlen(in));
}

/* URIs of the forms the fast path takes, and near them */
static const char *const fast_forms[] = {
	"sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org",
	"sip:ims.mnc001.mcc001.3gppnetwork.org",
	/* a host that ends the URI, 16 to 48 bytes (one block, two, three,
	 * the last one overlapping) */
	"sip:ims.example-1.com",
	"sip:a.b.c.d.e.f.g.h.i.jk",
	"sips:scscf.ims.mnc001.mcc001.3gppnetwork.org",
	"sip:a-b.c-d.e-f.g-h.i-j.k-l.m-n.o-p.q-r.s-t.u-v.wxyz",
	"sip:ims.mnc001.mcc001.3gppnetwork.org.",
	"sip:[2001:db8:0:100::10]:5064;lr",
	"sip:pcscf.ims.mnc001.mcc001.3gppnetwork.org:5060;lr",
	"sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062",
	"sip:+15551234567@ims.mnc001.mcc001.3gppnetwork.org;user=phone",
	"sip:001010000000001@10.45.0.2:5060",
	"SIPS:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org:5060;lr;transport=tcp",
	"sip:a-b.c--d.example.com.;maddr=239.0.0.1;ttl=1;method=INVITE;x=[::1]",
	"sip:u:p@h;lr",
	"sip:h:1",
	"sip:[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062;received=2001:db8:1:0:a1b2:c3d4:e5f6:1",
	"sip:[::ffff:192.0.2.10]:19823;maddr=[1:2:3:4:5:6:7:8]",
	"sip:h.example:506012345678;lr",
	/* ";lr>" by one word compare: no port, a user part, the case */
	"sip:term@pcscf.ims.mnc001.mcc001.3gppnetwork.org;Lr",
	"tel:+15551234567",
	"TEL:+1-201-555-0123",
	"tel:+33(0)1.23.45.67.89;ext=1",
	"tel:+123456789012345678901234567890",
	"tel:5551234;phone-context=+1555",
};

/* Every byte value at every position of each form (replaced and
 * inserted), and every prefix of each result that the form has. */
static void test_fast_every_byte_every_position(void)
{
	char buf[GUARD_MAX];
	for (size_t f = 0; f < sizeof(fast_forms) / sizeof(fast_forms[0]); f++) {
		const char *t = fast_forms[f];
		size_t n = strlen(t);
		for (size_t k = 0; k <= n; k++)
			same_as_bytes(t, k);
		for (size_t i = 0; i <= n; i++)
			for (unsigned c = 0; c < 256; c++) {
				memcpy(buf, t, n);
				if (i < n) {
					buf[i] = (char)c;
					same_as_bytes(buf, n);
				}
				memcpy(buf, t, i);
				buf[i] = (char)c;
				memcpy(buf + i + 1, t + i, n - i);
				same_as_bytes(buf, n + 1);
			}
	}
}

/* Every port of one to five digits (leading zeros too) after a host, in
 * a URI alone and in a name-addr: the fast path's value (a shuffle and
 * multiply-adds) against the byte path's, and 65536 up refused alike. */
static void test_fast_every_port(void)
{
	char buf[64];
	for (unsigned v = 0; v <= 99999; v++)
		for (int w = 1; w <= 5; w++) {
			unsigned digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
			if ((unsigned)w < digits)
				continue;
			int k = snprintf(buf, sizeof(buf), "sip:u@h.example:%0*u", w, v);
			if (k <= 0 || (size_t)k >= sizeof(buf))
				continue;
			struct sip_uri a, b;
			struct sip_parse_error ea = { 0 }, eb = { 0 };
			int ra = sip_uri_decode(&a, slice_make(buf, (size_t)k), &ea);
			int rb = sip_uri_decode_bytes(&b, slice_make(buf, (size_t)k), &eb);
			CHECK(ra == rb && (ra < 0 ? ea.at == eb.at : a.port == b.port && a.has_port == b.has_port));
			CHECK(ra < 0 || a.port == v);
			if (v % 97 == 0 || v >= 65530)
				gt_same_as_bytes(buf, (size_t)k, ">;tag=1");
		}
}

/* Every length of user, host label, host, port and parameter runs across
 * the sixteen-byte blocks and the 64-byte limits. */
static void test_fast_every_length(void)
{
	char buf[GUARD_MAX];
	static const char *const fills[] = { "a", "0", "-", ".", "+", "_", "%", ":", ";", "=", "9", "(" };
	for (size_t len = 0; len <= 140; len++)
		for (size_t f = 0; f < sizeof(fills) / sizeof(fills[0]); f++) {
			char run[160];
			for (size_t i = 0; i < len; i++)
				run[i] = i % 7 == 3 && fills[f][0] == 'a' ? '.' : fills[f][0];
			run[len] = 0;
			static const char *const shapes[] = {
				"sip:%s", "sip:%s@h.example", "sip:u@%s", "sip:u@%s:5060",
				"sip:u@%s;lr", "sip:h.example;%s", "sip:h.example;x=%s",
				"sip:h.example;%s=1;lr", "sip:h.example:%s", "sip:[::%s]",
				"sip:u@x%s.example.com", "sip:%s.example.com:1;transport=tcp",
				"sips:%s@[2001:db8::1]:5061;lr", "sip:h;a=%s;b",
				"tel:+%s", "tel:+1%s2", "tel:+15551234567%s",
				"sip:[2001:db8:%s::1]:5060", "sip:h;received=2001:db8::%s:1;lr",
				"sip:[1:2:3:4:5:6:7:%s]", "sip:h:%s;lr",
			};
			for (size_t sh = 0; sh < sizeof(shapes) / sizeof(shapes[0]); sh++) {
				int k = snprintf(buf, sizeof(buf), shapes[sh], run);
				if (k > 0 && (size_t)k < sizeof(buf))
					same_as_bytes(buf, (size_t)k);
			}
		}
	/* ports: every digit count and value edge */
	static const char *const ports[] = { "0", "65535", "65536", "99999", "00001", "000001",
					     "6553", "123456", "1x", "1:", "1;", "" };
	for (size_t i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		snprintf(buf, sizeof(buf), "sip:h.example:%s", ports[i]);
		same_as_bytes_str(buf);
		snprintf(buf, sizeof(buf), "sip:u@h.example:%s;lr", ports[i]);
		same_as_bytes_str(buf);
		snprintf(buf, sizeof(buf), "sip:1.2.3.4:%s", ports[i]);
		same_as_bytes_str(buf);
	}
}

/* Random strings over the bytes that matter to the grammar. */
static void test_fast_random(void)
{
	static const char alphabet[] = "sipSIPtel:@.-;=:[]%+?&/0123456789abcdefABxz_~ \t<>\"\x80\x00::::";
	char buf[GUARD_MAX];
	uint64_t x = 0x9e3779b97f4a7c15ull;
	for (unsigned it = 0; it < 300000; it++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		size_t len = 5 + (size_t)(x % 70);
		size_t pre = (x >> 8) % 4;
		static const char *const prefixes[] = { "sip:", "sips:", "sip:u@", "tel:+" };
		size_t pl = strlen(prefixes[pre]);
		memcpy(buf, prefixes[pre], pl);
		for (size_t i = pl; i < len + pl; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* mostly host characters, so the runs get long */
			buf[i] = (x & 3) ? "abc0129.-"[(x >> 2) % 9] : alphabet[(x >> 2) % (sizeof(alphabet) - 1)];
		}
		same_as_bytes(buf, len + pl);
	}
	/* IPv6 references: hex digits, colons and the odd dot */
	for (unsigned it = 0; it < 100000; it++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		size_t len = (size_t)(x % 48), pl = 5;
		memcpy(buf, "sip:[", pl);
		for (size_t i = pl; i < len + pl; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			buf[i] = "0123456789abcdefABF::::::::.]"[(x >> 3) % 29];
		}
		memcpy(buf + pl + len, "]:5060;lr", 9);
		same_as_bytes(buf, len + pl + 1 + (x >> 60) % 9);
	}
	/* IPv6 addresses built from groups, "::" somewhere, some of them off
	 * by a group, a digit or a colon */
	for (unsigned it = 0; it < 100000; it++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		unsigned groups = 1 + (unsigned)(x % 9), dbl = (unsigned)((x >> 4) % (groups + 3));
		size_t n = 0;
		n += (size_t)snprintf(buf, sizeof(buf), "%s", (x >> 8) & 1 ? "sip:[" : "sip:u@[");
		for (unsigned g = 0; g < groups; g++) {
			if (g == dbl)
				buf[n++] = ':';
			if (g)
				buf[n++] = ':';
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			unsigned glen = 1 + (unsigned)(x % 4) + ((x >> 8) % 23 == 0);
			for (unsigned i = 0; i < glen; i++)
				buf[n++] = "0123456789abcdefABCDEF"[(x >> (12 + 4 * i)) % 22];
		}
		if (dbl == groups)
			buf[n++] = ':', buf[n++] = ':';
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s",
				      (x >> 40) % 3 == 0 ? "]" : (x >> 40) % 3 == 1 ? "]:5060" : "]:5062;lr");
		same_as_bytes(buf, n);
	}
}

/* The user part read from the first sixteen-byte block (uri.c: '@' the
 * first byte there outside the host class): users of every length 0 to
 * 20 around the block's end, of host-class and of other user-class bytes,
 * with a second '@', a '>' or a ':' before or after the '@', and hosts of
 * every length that start in that block or after it. */
static void test_fast_user_first_block(void)
{
	char buf[GUARD_MAX];
	static const char *const users[] = { "0", "a", "-", ".", "+", "!", "a.b-c" };
	static const char *const hosts[] = { "h", "ims.mnc001.mcc001.3gppnetwork.org", "a..b",
					     "h.example:5060;lr", "[2001:db8::1]:5062", "1.2.3.4",
					     "x@y", "h>x", "-h", "h-", "" };
	static const char *const seps[] = { "@", "@@", ">@", "@>", ":@", "@:" };
	for (size_t len = 0; len <= 20; len++)
		for (size_t u = 0; u < sizeof(users) / sizeof(users[0]); u++) {
			char user[32];
			size_t ul = strlen(users[u]);
			for (size_t i = 0; i < len; i++)
				user[i] = users[u][i % ul];
			user[len] = 0;
			for (size_t h = 0; h < sizeof(hosts) / sizeof(hosts[0]); h++)
				for (size_t sp = 0; sp < sizeof(seps) / sizeof(seps[0]); sp++) {
					int k = snprintf(buf, sizeof(buf), "sip:%s%s%s", user, seps[sp], hosts[h]);
					if (k > 0 && (size_t)k < sizeof(buf))
						same_as_bytes(buf, (size_t)k);
				}
		}
}

/* The group length rule of the IPv6 masks (uri_ipv6_run: no run of five
 * hex digits): every group of one to six digits at each of the eight
 * places, with and without a "::" before or after it, in a URI and alone. */
static void test_fast_ipv6_group_lengths(void)
{
	char buf[GUARD_MAX];
	for (unsigned at = 0; at < 8; at++)
		for (unsigned glen = 1; glen <= 6; glen++)
			for (unsigned dbl = 0; dbl < 3; dbl++) {
				size_t n = (size_t)snprintf(buf, sizeof(buf), "sip:[");
				unsigned groups = dbl ? 6 : 8;
				for (unsigned g = 0; g < groups && g <= 7; g++) {
					if (g)
						buf[n++] = ':';
					if (dbl == 1 && g == 1)
						buf[n++] = ':';
					unsigned l = g == at ? glen : 1 + g % 4;
					for (unsigned i = 0; i < l; i++)
						buf[n++] = "0123456789abcdefABCDEF"[(g * 5 + i * 3) % 22];
				}
				if (dbl == 2)
					buf[n++] = ':', buf[n++] = ':';
				memcpy(buf + n, "]:5060;lr", 9);
				same_as_bytes(buf, n + 9);
				same_as_bytes(buf, n + 1);
				scans_same_as_bytes(buf, 5, n + 9);
			}
}

static void test_fast_same_as_bytes(void)
{
	static const char zeros[GUARD_MAX];
	guard_area = check_guard_copy(zeros, GUARD_MAX);
	CHECK(guard_area != NULL);
	if (!guard_area)
		return;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = strlen(cases[i].in);
		for (size_t k = 0; k <= n; k++)
			same_as_bytes(cases[i].in, k);
	}
	test_fast_every_byte_every_position();
	test_fast_every_length();
	test_fast_every_port();
	test_fast_user_first_block();
	test_fast_ipv6_group_lengths();
	test_fast_random();
	check_guard_free(guard_area, GUARD_MAX);
	printf("uri: fast path compared with the byte path on %lu inputs\n", same_count);
	printf("uri: the '>'-closed fast path on %lu inputs, %lu taken\n", gt_count, gt_taken);
#if defined(__SSSE3__)
	CHECK(gt_taken > gt_count / 20); /* the plain C build takes none */
#endif
}

int main(void)
{
	test_fast_same_as_bytes();
	test_uri_table();
	test_uri_every_truncation();
	test_uri_fills_well_known_params();
	test_uri_errors_name_the_problem();
	test_hostport_table();
	return check_done();
}
