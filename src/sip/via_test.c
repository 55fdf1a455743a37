/* via_test.c: sip_via_decode over a table of inputs, verdicts, error offsets
 * and fields, each run from a guard-page copy. Values marked RFC 4475 /
 * RFC 5118 are copied from ../shared/corpus/rfc4475 and
 * ../shared/corpus/rfc5118/wire (file named beside each). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"
#include "decode_internal.h"

struct via_case {
	const char *in;
	int rc;
	int at;
	const char *transport, *host;
	enum sip_host_type host_type;
	int port;
	const char *branch, *received, *rport; /* rport "" = present, no value */
	const char *params;
};

#define OK(in, tr, host, ht, port, branch, received, rport, params) \
	{ in, 0, -1, tr, host, ht, port, branch, received, rport, params }
#define BAD(in, rc, at) { in, rc, at, NULL, NULL, 0, -1, NULL, NULL, NULL, NULL }

static const struct via_case cases[] = {
	OK("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKkdjuw2395", "UDP", "192.0.2.1", SIP_HOST_IPV4, 5060, "z9hG4bKkdjuw2395", NULL, NULL, "branch=z9hG4bKkdjuw2395"),
	/* seed fixtures ex2 / ex5 and bench b_register_ims_ipv6.sip */
	OK("SIP/2.0/UDP [2001:0:0:1::3]:5060;branch=z9hG4bK74372383", "UDP", "[2001:0:0:1::3]", SIP_HOST_IPV6, 5060, "z9hG4bK74372383", NULL, NULL, "branch=z9hG4bK74372383"),
	OK("SIP/2.0/TCP [2001:0:0:1::3]:5060;branch=z9hG4bK3941737881", "TCP", "[2001:0:0:1::3]", SIP_HOST_IPV6, 5060, "z9hG4bK3941737881", NULL, NULL, "branch=z9hG4bK3941737881"),
	OK("SIP/2.0/UDP [2001:db8:1:0:a1b2:c3d4:e5f6:1]:5060;branch=z9hG4bK2830127745;rport", "UDP", "[2001:db8:1:0:a1b2:c3d4:e5f6:1]", SIP_HOST_IPV6, 5060, "z9hG4bK2830127745", NULL, "", "branch=z9hG4bK2830127745;rport"),
	/* RFC 3581 rport with a value */
	OK("SIP/2.0/UDP pc33.example.com;rport=5061;received=192.0.2.7;branch=z9hG4bK1", "UDP", "pc33.example.com", SIP_HOST_NAME, -1, "z9hG4bK1", "192.0.2.7", "5061", "rport=5061;received=192.0.2.7;branch=z9hG4bK1"),
	/* RFC 4475 wsinv.dat (valid): LWS and folding around '/' and ';' '=' */
	OK("SIP  /   2.0\r\n /UDP\r\n    192.0.2.2;branch=390skdjuw", "UDP", "192.0.2.2", SIP_HOST_IPV4, -1, "390skdjuw", NULL, NULL, "branch=390skdjuw"),
	OK("SIP  / 2.0  / TCP     spindle.example.com   ;\r\n  branch  =   z9hG4bK9ikj8", "TCP", "spindle.example.com", SIP_HOST_NAME, -1, "z9hG4bK9ikj8", NULL, NULL, "\r\n  branch  =   z9hG4bK9ikj8"),
	OK("SIP  /    2.0   / UDP  192.168.255.111   ; branch=\r\n z9hG4bK30239", "UDP", "192.168.255.111", SIP_HOST_IPV4, -1, "z9hG4bK30239", NULL, NULL, " branch=\r\n z9hG4bK30239"),
	/* sent-by COLON = SWS ":" SWS */
	OK("SIP/2.0/UDP host.example.com : 5070", "UDP", "host.example.com", SIP_HOST_NAME, 5070, NULL, NULL, NULL, NULL),
	/* RFC 4475 transports.dat (valid): unknown transport is a token */
	OK("SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf", "SCTP", "t2.example.com", SIP_HOST_NAME, -1, "z9hG4bKklasjdhf", NULL, NULL, "branch=z9hG4bKklasjdhf"),
	OK("SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en", "UNKNOWN", "t4.example.com", SIP_HOST_NAME, -1, "z9hG4bKasd0f3en", NULL, NULL, "branch=z9hG4bKasd0f3en"),
	OK("SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKhjhs8ass877", "WSS", "df7jal23ls0d.invalid", SIP_HOST_NAME, -1, "z9hG4bKhjhs8ass877", NULL, NULL, "branch=z9hG4bKhjhs8ass877"),
	/* RFC 4475 esc02.dat, intmeth.dat, badbranch.dat (branch is any token) */
	OK("SIP/2.0/TCP host.example.com;branch=z9hG4bK209%fzsnel234", "TCP", "host.example.com", SIP_HOST_NAME, -1, "z9hG4bK209%fzsnel234", NULL, NULL, "branch=z9hG4bK209%fzsnel234"),
	OK("SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~", "TCP", "host1.example.com", SIP_HOST_NAME, -1, "z9hG4bK-.!%66*_+`'~", NULL, NULL, "branch=z9hG4bK-.!%66*_+`'~"),
	OK("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK", "UDP", "192.0.2.1", SIP_HOST_IPV4, -1, "z9hG4bK", NULL, NULL, "branch=z9hG4bK"),
	/* RFC 4475 longreq.dat / inv2543.dat: no params */
	OK("SIP/2.0/TCP sip33.example.com", "TCP", "sip33.example.com", SIP_HOST_NAME, -1, NULL, NULL, NULL, NULL),
	/* RFC 4475 scalarlg.dat, bcast.dat */
	OK("SIP/2.0/TCP host129.example.com;branch=z9hG4bKzzxdiwo34sw;received=192.0.2.129", "TCP", "host129.example.com", SIP_HOST_NAME, -1, "z9hG4bKzzxdiwo34sw", "192.0.2.129", NULL, "branch=z9hG4bKzzxdiwo34sw;received=192.0.2.129"),
	OK("SIP/2.0/UDP 255.255.255.255;branch=z9hG4bK1saber23", "UDP", "255.255.255.255", SIP_HOST_IPV4, -1, "z9hG4bK1saber23", NULL, NULL, "branch=z9hG4bK1saber23"),
	/* RFC 5118 via-received-param-with-delim.dat / -no-delim.dat (both valid, §4.5) */
	OK("SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKas3-111", "UDP", "[2001:db8::9:1]", SIP_HOST_IPV6, -1, "z9hG4bKas3-111", "[2001:db8::9:255]", NULL, "received=[2001:db8::9:255];branch=z9hG4bKas3-111"),
	OK("SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3", "UDP", "[2001:db8::9:1]", SIP_HOST_IPV6, -1, "z9hG4bKas3", "2001:db8::9:255", NULL, "received=2001:db8::9:255;branch=z9hG4bKas3"),
	/* RFC 5118 mult-ip-in-header.dat, ipv4-mapped-ipv6.dat */
	OK("SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111", "UDP", "[2001:db8::9:1]", SIP_HOST_IPV6, 6050, "z9hG4bKas3-111", NULL, NULL, "branch=z9hG4bKas3-111"),
	OK("SIP/2.0/TCP [2001:db8::9:255];branch=z9hG4bK451jj;received=192.0.2.200", "TCP", "[2001:db8::9:255]", SIP_HOST_IPV6, -1, "z9hG4bK451jj", "192.0.2.200", NULL, "branch=z9hG4bK451jj;received=192.0.2.200"),
	OK("SIP/2.0/UDP [::ffff:192.0.2.10]:19823;branch=z9hG4bKbh19", "UDP", "[::ffff:192.0.2.10]", SIP_HOST_IPV6, 19823, "z9hG4bKbh19", NULL, NULL, "branch=z9hG4bKbh19"),
	/* generic params: quoted and host values, ttl, maddr */
	OK("SIP/2.0/UDP h.example;ttl=16;maddr=224.2.0.1;x=\"a;b\";y=[::1];z", "UDP", "h.example", SIP_HOST_NAME, -1, NULL, NULL, NULL, "ttl=16;maddr=224.2.0.1;x=\"a;b\";y=[::1];z"),

	/* errors */
	BAD("", -EBADMSG, 0),
	BAD("SIP", -EBADMSG, 3),
	/* a parameter the decoder types, given twice (at the second name):
	 * readers differ on which counts */
	BAD("SIP/2.0/UDP h;branch=z9hG4bK1;branch=z9hG4bK2", -EBADMSG, 30),
	BAD("SIP/2.0/UDP h;rport;branch=z9hG4bK1;rport=5060", -EBADMSG, 36),
	BAD("SIP/2.0/UDP h;received=1.2.3.4;received=1.2.3.5", -EBADMSG, 31),
	BAD("SIP/2.0/UDP h;x=1;branch=z9hG4bK1;Branch=z9hG4bK2", -EBADMSG, 34),
	BAD("SIP/2.0/UDP h;maddr=a.b;ttl=1;maddr=c.d", -EBADMSG, 30),
	BAD("SIP/2.0/UDP h;ttl=1;ttl=2", -EBADMSG, 20),
	BAD("SIP/2.0", -EBADMSG, 7),
	BAD("SIP/2.0/", -EBADMSG, 8),
	BAD("SIP/2.0/ ", -EBADMSG, 9),
	BAD("SIP/2.0/UDP", -EBADMSG, 11),
	BAD("SIP/2.0 UDP host", -EBADMSG, 8),
	BAD("SIP/2.0/UDP/host", -EBADMSG, 11),
	BAD("SIP/2.0/UDP ", -EBADMSG, 12),
	BAD("SIP/2.0/UDP host.example.com:", -EBADMSG, 29),
	BAD("SIP/2.0/UDP host.example.com:65536", -ERANGE, 29),
	BAD("SIP/2.0/UDP host.example.com extra", -EBADMSG, 29),
	BAD("SIP/2.0/UDP 2001:db8::9:1;branch=z9hG4bK1", -EBADMSG, 12),
	BAD("SIP/2.0/UDP [2001:db8::9:1;branch=z9hG4bK1", -EBADMSG, 26),
	BAD("SIP/2.0/UDP host_1.example.com", -EBADMSG, 16),
	/* RFC 4475 badinv01.dat (invalid): "192.0.2.15;;" as one list element */
	BAD("SIP/2.0/UDP 192.0.2.15;;", -EBADMSG, 23),
	BAD("SIP/2.0/UDP 192.0.2.15;", -EBADMSG, 23),
	BAD("SIP/2.0/UDP h.example;branch", -EBADMSG, 22),
	BAD("SIP/2.0/UDP h.example;branch=", -EBADMSG, 29),
	BAD("SIP/2.0/UDP h.example;branch=\"q\"", -EBADMSG, 29),
	BAD("SIP/2.0/UDP h.example;received=h.example", -EBADMSG, 31),
	BAD("SIP/2.0/UDP h.example;received=192.0.2.256", -EBADMSG, 39),
	BAD("SIP/2.0/UDP h.example;received=2001:db8::1::2", -EBADMSG, 42),
	BAD("SIP/2.0/UDP h.example;ttl=256", -EBADMSG, 26),
	BAD("SIP/2.0/UDP h.example;ttl=0255", -EBADMSG, 26),
	BAD("SIP/2.0/UDP h.example;maddr=-x", -EBADMSG, 28),
	/* found by fuzz_sip_hdr: maddr without a value */
	BAD("SIP/2.0/UDP h.example;maddr", -EBADMSG, 22),
	BAD("SIP/2.0/UDP h.example;ttl", -EBADMSG, 22),
	BAD("SIP/2.0/UDP h.example;received", -EBADMSG, 22),
	BAD("SIP/2.0/UDP h.example;rport=70000", -ERANGE, 28),
	BAD("SIP/2.0/UDP h.example;rport=x", -EBADMSG, 28),
	BAD("SIP/2.0/UDP h.example;x=\"open", -EBADMSG, 24),
	BAD("SIP/2.0/UDP h.example;x=a:b", -EBADMSG, 25),
	BAD("SIP/2.0/UDP h.example, SIP/2.0/TCP h2.example", -EBADMSG, 21),
};

static void run_case(struct slice in, const void *row)
{
	const struct via_case *c = row;
	struct sip_via v;
	struct sip_parse_error err = { 0 };
	int rc = sip_via_decode(&v, in, &err);
	if (!CHECK_DECODE(rc, &err, in, c->rc, c->at))
		return;
	CHECK_SLICE_EQ(v.protocol, "SIP");
	CHECK_SLICE_EQ(v.version, "2.0");
	CHECK_SLICE_EQ(v.transport, c->transport);
	CHECK_SLICE_EQ(v.host, c->host);
	CHECK_INT_EQ(v.host_type, c->host_type);
	CHECK_INT_EQ(v.has_port ? v.port : -1, c->port);
	CHECK_SLICE_EQ(v.branch, c->branch);
	CHECK_SLICE_EQ(v.received, c->received);
	CHECK_INT_EQ(v.has_rport, c->rport != NULL);
	if (c->rport)
		CHECK_SLICE_EQ(v.rport, c->rport);
	CHECK_SLICE_EQ(v.params, c->params);
}

static void test_via_table(void)
{
	CHECK_TABLE_GUARDED(cases, run_case);
}

static void test_via_rejects_missing_transport(void)
{
	struct sip_via v;
	struct sip_parse_error err;
	const char *in = "SIP/2.0/ host.example.com";
	CHECK_INT_EQ(sip_via_decode(&v, slice_cstr("SIP/2.0/;x"), &err), -EBADMSG);
	CHECK_STR_EQ(err.reason, "Via: expected transport after \"SIP/2.0/\"");
	/* "host.example.com" is taken as the transport token: sent-by is missing */
	CHECK_INT_EQ(sip_via_decode(&v, slice_cstr(in), &err), -EBADMSG);
	CHECK_INT_EQ(err.at - in, (long long)strlen(in));
}

static void test_via_ttl_and_maddr_fields(void)
{
	struct sip_via v;
	struct sip_parse_error err;
	CHECK_INT_EQ(sip_via_decode(&v, SLICE_LIT("SIP/2.0/UDP h.example;TTL=0;MADDR=[::1]"), &err), 0);
	CHECK_SLICE_EQ(v.ttl, "0");
	CHECK_SLICE_EQ(v.maddr, "[::1]");
	CHECK(!v.has_rport);
}

/* Every prefix of every table input, from a guard page: no read past the
 * end (the guard faults), and an error is -EBADMSG or -ERANGE with err.at
 * inside the prefix. */
static void decode_prefix(struct slice s, const void *row)
{
	struct sip_via v;
	struct sip_parse_error err = { 0 };
	(void)row;
	check_decode_verdict(sip_via_decode(&v, s, &err), &err, s);
}

static void test_via_every_truncation(void)
{
	CHECK_TABLE_EVERY_PREFIX(cases, decode_prefix);
}

/* The fast paths at every position: a host of 1 .. 40 bytes moves the
 * parameters across the sixteen-byte blocks, a branch of 0 .. 24 bytes
 * moves the next name across the end; names in any case, rport last
 * (its name within eight bytes of the end), ports of 1 .. 6 digits. Each
 * from a guard-page copy, fields checked against the text built. */
struct via_pos {
	char in[200];
	size_t host_len, branch_len;
	int port;
	bool upper;
};

static void via_pos_each(struct slice s, const void *arg)
{
	const struct via_pos *c = arg;
	struct sip_via v;
	struct sip_parse_error err = { 0 };
	int rc = sip_via_decode(&v, s, &err);
	bool bad_port = c->port > 65535;
	CHECK_INT_EQ(rc, bad_port ? -ERANGE : 0);
	if (rc != 0)
		return;
	CHECK_INT_EQ(v.host.len, c->host_len);
	CHECK_INT_EQ(v.has_port, c->port >= 0);
	if (c->port >= 0)
		CHECK_INT_EQ(v.port, c->port);
	CHECK(v.branch.ptr != NULL);
	if (v.branch.ptr) {
		CHECK_INT_EQ(v.branch.len, 7 + c->branch_len);
		CHECK(v.branch.ptr[-1] == '=');
	}
	CHECK_SLICE_EQ(v.received, "192.0.2.1");
	CHECK(v.has_rport);
	CHECK(v.rport.ptr == s.ptr + s.len && v.rport.len == 0);
	CHECK_SLICE_EQ(v.ttl, NULL);
	CHECK_SLICE_EQ(v.maddr, NULL);
	CHECK(v.params.ptr != NULL && v.params.ptr + v.params.len == s.ptr + s.len);
}

static void test_via_every_position(void)
{
	static const int ports[] = { -1, 5, 65, 506, 5060, 9999, 1000, 65535, 65536, 506000 };
	struct via_pos c;
	for (size_t h = 1; h <= 40; h++)
		for (size_t b = 0; b <= 24; b++)
			for (size_t pi = 0; pi < sizeof ports / sizeof ports[0]; pi++) {
				if (pi > 1 && (h % 7 || b % 5))
					continue; /* the ports at a few positions */
				c.host_len = h;
				c.branch_len = b;
				c.port = ports[pi];
				c.upper = (h + b) % 2;
				char host[48], branch[32], port[16] = "";
				memset(host, 'h', h);
				host[h] = '\0';
				memset(branch, 'b', b);
				branch[b] = '\0';
				if (c.port >= 0)
					snprintf(port, sizeof port, ":%d", c.port);
				snprintf(c.in, sizeof c.in, "SIP/2.0/UDP %s%s;%s=z9hG4bK%s;%s=192.0.2.1;%s", host,
					 port, c.upper ? "BRANCH" : "branch", branch,
					 c.upper ? "Received" : "received", c.upper ? "RPort" : "rport");
				check_guarded(c.in, strlen(c.in), via_pos_each, &c);
			}
}

/* Parameter names of every length 1 .. 12 around the known ones, values
 * quoted and not: only the known names in any case fill the fields. */
static void test_via_param_names(void)
{
	static const struct {
		const char *in;
		const char *branch, *ttl, *maddr, *rport;
	} rows[] = {
		{ "SIP/2.0/UDP h;branc=1;branchx=2;xranch=3", NULL, NULL, NULL, NULL },
		{ "SIP/2.0/UDP h;bRaNcH=1;tTl=2;MaDdR=h2;rPoRt=3", "1", "2", "h2", "3" },
		{ "SIP/2.0/UDP h;t=1;tt=2;ttl=3;ttlx=4", NULL, "3", NULL, NULL },
		{ "SIP/2.0/UDP h;rport=1;rporu=2;qport=3;rport_=4", NULL, NULL, NULL, "1" },
		{ "SIP/2.0/UDP h;x=\"a\";branch=b;y=\"\";ttl=0", "b", "0", NULL, NULL },
		{ "SIP/2.0/UDP h;branch=b;ttl", NULL, NULL, NULL, NULL },
		{ "SIP/2.0/UDP h;a", NULL, NULL, NULL, NULL },
		{ "SIP/2.0/UDP h;tt", NULL, NULL, NULL, NULL },
		{ "SIP/2.0/UDP h;ttl=1", NULL, "1", NULL, NULL },
		{ "SIP/2.0/UDP h;rport", NULL, NULL, NULL, "" },
		{ "SIP/2.0/UDP h:5060", NULL, NULL, NULL, NULL },
		{ "SIP/2.0/TLS h:5061;rport", NULL, NULL, NULL, "" },
		{ "SIP/2.0/SCTP h:0000;rport", NULL, NULL, NULL, "" },
		{ "SIP/2.0/TCP  h:5060", NULL, NULL, NULL, NULL },
		{ "SIP/2.0/TCP\th:5060", NULL, NULL, NULL, NULL },
		{ "sip/2.0/udp h:50600;RPORT", NULL, NULL, NULL, "" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct sip_via v;
		struct sip_parse_error err = { 0 };
		size_t len = strlen(rows[i].in);
		char *g = check_guard_copy(rows[i].in, len);
		if (!g)
			continue;
		int rc = sip_via_decode(&v, slice_make(g, len), &err);
		bool want_err = strstr(rows[i].in, ";ttl") && !rows[i].ttl;
		CHECK_INT_EQ(rc, want_err ? -EBADMSG : 0);
		if (rc == 0) {
			const char *colon = strchr(rows[i].in, ':');
			CHECK_INT_EQ(v.has_port, colon != NULL);
			if (colon)
				CHECK_INT_EQ(v.port, atoi(colon + 1));
			CHECK_INT_EQ(v.transport.len, strcspn(rows[i].in + 8, " \t"));
			CHECK_SLICE_EQ(v.branch, rows[i].branch);
			CHECK_SLICE_EQ(v.ttl, rows[i].ttl);
			CHECK_SLICE_EQ(v.maddr, rows[i].maddr);
			CHECK_INT_EQ(v.has_rport, rows[i].rport != NULL);
			if (rows[i].rport)
				CHECK_SLICE_EQ(v.rport, rows[i].rport);
		}
		check_guard_free(g, len);
	}
}

/* ";branch=" as the first parameter is read by a fast path in via.c; the
 * same parameter second (after ";x") by the walk alone. Both must give
 * the same verdict, reason, error position (past the two bytes) and
 * fields, on every prefix of each suffix, as one value and as a list
 * element. */
static const char *via_rel(const char *p, const char *g)
{
	return p ? (const char *)(uintptr_t)((uintptr_t)p - (uintptr_t)g + 0x1000) : NULL;
}

static void branch_decode(const char *in, size_t n, bool list, struct sip_via *v,
			  struct sip_parse_error *err, int *rc, const char **cursor)
{
	char *g = check_guard_copy(in, n);
	CHECK(g != NULL);
	if (!g)
		return;
	memset(v, 0x5a, sizeof(*v));
	*cursor = NULL;
	if (list) {
		struct scan sc = { g, g + n };
		*rc = sip_via_decode_at(v, &sc, err);
		*cursor = via_rel(sc.p, g);
	} else {
		*rc = sip_via_decode(v, slice_make(g, n), err);
	}
	err->at = via_rel(err->at, g);
	if (*rc == 0) {
		v->branch.ptr = via_rel(v->branch.ptr, g);
		v->received.ptr = via_rel(v->received.ptr, g);
		v->rport.ptr = via_rel(v->rport.ptr, g);
		v->params.ptr = via_rel(v->params.ptr, g);
	}
	check_guard_free(g, n);
}

static bool shifted(struct slice a, struct slice b)
{
	return a.len == b.len && (!a.ptr) == (!b.ptr) && (!a.ptr || a.ptr + 2 == b.ptr);
}

/* The value head + suffix[0, k) read with the fast steps (the parameters
 * first) and head + ";x" + the same (the walk alone after ";x"): the same
 * verdict, reason, error position (past the two bytes) and fields, as one
 * value and as a list element. */
static void same_as_walk(const char *head, const char *suffix, size_t k)
{
	char one[256], two[256];
	size_t hl = strlen(head);
	if (hl + 2 + k > sizeof one)
		return;
	memcpy(one, head, hl);
	memcpy(one + hl, suffix, k);
	memcpy(two, head, hl);
	memcpy(two + hl, ";x", 2);
	memcpy(two + hl + 2, suffix, k);
	for (int list = 0; list < 2; list++) {
		struct sip_via a, b;
		struct sip_parse_error ea = { 0 }, eb = { 0 };
		int ra = 0, rb = 0;
		const char *ca = NULL, *cb = NULL;
		branch_decode(one, hl + k, list, &a, &ea, &ra, &ca);
		branch_decode(two, hl + 2 + k, list, &b, &eb, &rb, &cb);
		CHECK_INT_EQ(ra, rb);
		if (ra < 0 || rb < 0) {
			CHECK(ea.reason == eb.reason);
			CHECK(ea.at && eb.at && ea.at + 2 == eb.at);
			continue;
		}
		CHECK(shifted(a.branch, b.branch) && shifted(a.received, b.received) &&
		      shifted(a.rport, b.rport) && a.has_rport == b.has_rport);
		CHECK(a.params.ptr == b.params.ptr && a.params.len + 2 == b.params.len);
		if (list)
			CHECK(ca && cb && ca + 2 == cb);
	}
}

/* received, rport and branch in any order and at every byte value at
 * every position: the fast steps against the walk. */
static void test_via_params_same_as_walk(void)
{
	static const char *const suffixes[] = {
		";received=2001:db8:1:0:a1b2:c3d4:e5f6:1;rport=5062;branch=z9hG4bK2830127746",
		";rport=5060;received=192.0.2.7;branch=z9hG4bK1",
		";branch=z9hG4bK2830127745;rport",
		";RECEIVED=10.0.0.1;RPort=65535;Branch=b",
		";received=[2001:db8::9:255];rport=0;rport",
		";received=2001:db8::1;branch=b",
		";received=::ffff:192.0.2.1;rport",
		";received=2001:db8:0:0:0:0:0:1,SIP/2.0/UDP h",
		";received=1::;rport=1",
		";received=2001:db8::192.0.2.1;branch=z9hG4bK1",
		";received=ABCD:EF01:2345:6789:ABCD:EF01:2345:6789;rport",
		";received=2001:db8:1:0:a1b2:c3d4:e5f6:1:9;rport",
		";received=2001:db8:1::a1b2::1;rport",
	};
	static const char *const heads[] = { "SIP/2.0/UDP 10.45.0.2:5060",
					     "SIP/2.0/UDP [2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062" };
	char buf[128];
	for (size_t h = 0; h < sizeof(heads) / sizeof(heads[0]); h++)
		for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
			size_t sl = strlen(suffixes[i]);
			for (size_t k = 1; k <= sl; k++)
				same_as_walk(heads[h], suffixes[i], k);
			/* (the first ';' stays: it ends the sent-by in both) */
			for (size_t at = 1; at < sl; at++)
				for (unsigned c = 0; c < 256; c++) {
					memcpy(buf, suffixes[i], sl);
					buf[at] = (char)c;
					same_as_walk(heads[h], buf, sl);
				}
		}
	/* ports of every length and value class */
	static const char *const ports[] = { "0", "9", "65535", "65536", "99999", "00001", "000001",
					     "123456", "5060x", "5060:", "5060,", "5060 ", "", "\"1\"" };
	for (size_t i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		int n = snprintf(buf, sizeof buf, ";rport=%s;branch=b", ports[i]);
		for (size_t k = 1; k <= (size_t)n; k++)
			same_as_walk(heads[0], buf, k);
	}
}

/* The transport after "SIP/2.0/" is read by one word compare (UDP, TCP in
 * any case) or three token bytes and SP; after "SIP/2.0/ " by the steps.
 * Every byte value at each of the five bytes from the transport: the same
 * verdict, reason, error position (one byte on) and fields. */
static void test_via_transport_same_as_steps(void)
{
	static const char *const bases[] = { "UDP h:5060;branch=b", "tcp [::1];rport", "TlS h", "SCTP h" };
	char one[64], two[64];
	for (size_t i = 0; i < sizeof(bases) / sizeof(bases[0]); i++) {
		size_t bl = strlen(bases[i]);
		for (size_t at = 0; at < 5; at++)
			for (unsigned c = 0; c < 256; c++) {
				memcpy(one, "SIP/2.0/", 8);
				memcpy(one + 8, bases[i], bl);
				one[8 + at] = (char)c;
				memcpy(two, "SIP/2.0/ ", 9);
				memcpy(two + 9, one + 8, bl);
				struct sip_via a, b;
				struct sip_parse_error ea = { 0 }, eb = { 0 };
				int ra = 0, rb = 0;
				const char *ca = NULL, *cb = NULL;
				branch_decode(one, 8 + bl, false, &a, &ea, &ra, &ca);
				branch_decode(two, 9 + bl, false, &b, &eb, &rb, &cb);
				CHECK_INT_EQ(ra, rb);
				if (ra < 0 || rb < 0) {
					CHECK(ea.reason == eb.reason);
					CHECK(ea.at && eb.at && ea.at + 1 == eb.at);
					continue;
				}
				/* (the copies are gone: lengths; both start at the
				 * same byte of the text) */
				CHECK_INT_EQ(a.transport.len, b.transport.len);
				CHECK_INT_EQ(a.host.len, b.host.len);
				CHECK_INT_EQ(a.has_port, b.has_port);
				CHECK_INT_EQ(a.port, b.port);
			}
	}
}

/* Every port of four digits (the one-word path) and of five. */
static void test_via_every_port(void)
{
	char in[64];
	for (unsigned n = 0; n <= 99999; n++) {
		int len = snprintf(in, sizeof in, n < 10000 ? "SIP/2.0/UDP h:%04u;rport" : "SIP/2.0/UDP h:%u;rport", n);
		struct sip_via v;
		struct sip_parse_error err = { 0 };
		int rc = sip_via_decode(&v, slice_make(in, (size_t)len), &err);
		CHECK_INT_EQ(rc, n > 65535 ? -ERANGE : 0);
		if (rc == 0 && (!v.has_port || v.port != n))
			CHECK_INT_EQ(v.port, n);
	}
}

static void test_via_branch_first_same_as_walk(void)
{
	static const char *const suffixes[] = {
		";branch=z9hG4bK-524287-1---a1b2c3d4e5f60001;rport", ";BRANCH=z9hG4bK2830127745;rport",
		";Branch=z9hG4bK1f8a.7c3b1e9a2d4f6e8a0b1c2d3e4f5a6b7c.0", ";branch=z9hG4bK.a8f3c1d2;rport",
		";branch=x;received=2001:db8::1;rport=5060", ";branch=x, SIP/2.0/UDP h", ";branch=x ,SIP/2.0/UDP h",
		";branch=", ";branch=;x", ";branch=\"q\"", ";branch=a:b", ";branch=a:", ";branch=a b",
		";branch =a", ";branch= a", ";branchx=1", ";branch=a,", ";branch=a;", ";branch=a;;",
		";branch=!%*_+`'~-.", ";branch=a\x80", ";b\x01anch=1", ";branch=1\r\n", ";branch=a;ttl=300",
		";branch=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;rport",
		";branch=x;rport;", ";branch=x;RPORT,SIP/2.0/UDP h", ";branch=x;rportx", ";branch=x;rport=",
		";branch=x;rport=5060", ";branch=x;rport =1", ";branch=x;rport\x80", ";branch=x;rport\"",
		";branch=x;Rport;rport=7", ";branch=x;rport ,SIP/2.0/UDP h", ";branch=x;rport;branch=y",
		";branch=x;rport\t", ";branch=x;rport:1", ";branch=x;rport/", ";branch=x;rport@",
	};
	static const char *const heads[] = { "SIP/2.0/UDP 10.45.0.2:5060",
					     "SIP/2.0/UDP [2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062", "SIP/2.0/TCP h" };
	for (size_t h = 0; h < sizeof(heads) / sizeof(heads[0]); h++)
		for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
			for (size_t k = 1; k <= strlen(suffixes[i]); k++)
				same_as_walk(heads[h], suffixes[i], k);
}

int main(void)
{
	test_via_branch_first_same_as_walk();
	test_via_params_same_as_walk();
	test_via_transport_same_as_steps();
	test_via_every_port();
	test_via_table();
	test_via_every_position();
	test_via_param_names();
	test_via_every_truncation();
	test_via_rejects_missing_transport();
	test_via_ttl_and_maddr_fields();
	return check_done();
}
