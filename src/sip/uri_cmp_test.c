/* uri_cmp_test.c: sip_uri_equal over pairs of URIs and the verdict. The
 * pairs marked §19.1.4 are RFC 3261 §19.1.4's own examples of equal and
 * unequal URIs; RFC 5954 §4 (IP addresses as addresses), RFC 3966 §4 (tel)
 * and the IMS identities of ../shared/fixtures/seed give the others. Every
 * pair is also checked in both orders, and every URI equal to itself. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"

struct pair {
	const char *a, *b;
	bool equal;
};

static const struct pair pairs[] = {
	/* RFC 3261 §19.1.4: equivalent */
	{ "sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp", true },
	{ "sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5", true },
	{ "sip:carol@chicago.com", "sip:carol@chicago.com;security=on", true },
	{ "sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on", true },
	{ "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
	  "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com", true },
	{ "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
	  "sip:alice@atlanta.com?priority=urgent&subject=project%20x", true },
	/* RFC 3261 §19.1.4: not equivalent */
	{ "SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP", false },
	{ "sip:bob@biloxi.com", "sip:bob@biloxi.com:5060", false },
	{ "sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp", false },
	{ "sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp", false },
	{ "sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting", false },
	{ "sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4", false },
	/* §19.1.4: not transitive (the two above with chicago.com) */
	{ "sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off", false },
	/* sip never equals sips; user and password present or not */
	{ "sip:alice@atlanta.com", "sips:alice@atlanta.com", false },
	{ "sip:atlanta.com", "sip:alice@atlanta.com", false },
	{ "sip:alice:pw@atlanta.com", "sip:alice@atlanta.com", false },
	{ "sip:alice:pw@atlanta.com", "sip:alice:PW@atlanta.com", false },
	/* escapes: unreserved characters equal their escape, in either hex
	 * case; a reserved character's escape is not the character */
	{ "sip:%41lice@atlanta.com", "sip:%41lice@atlanta.com", true },
	{ "sip:%41lice@atlanta.com", "sip:Alice@atlanta.com", true },
	{ "sip:%41lice@atlanta.com", "sip:alice@atlanta.com", false },
	{ "sip:a%2cb@atlanta.com", "sip:a%2Cb@atlanta.com", true },
	{ "sip:a%2cb@atlanta.com", "sip:a,b@atlanta.com", false },
	/* parameter names and values: escapes, case, a name without value */
	{ "sip:h.example;%6C%72", "sip:h.example;lr", true },
	{ "sip:h.example;maddr=239.255.255.1", "sip:h.example;MADDR=239.255.255.1", true },
	{ "sip:h.example;maddr=239.255.255.1", "sip:h.example", false },
	{ "sip:h.example;ttl=15", "sip:h.example", false },
	{ "sip:+15551234567@h.example;user=phone", "sip:+15551234567@h.example", false },
	{ "sip:h.example;method=INVITE", "sip:h.example", false },
	{ "sip:h.example;lr", "sip:h.example;lr=on", false },
	{ "sip:h.example;lr", "sip:h.example", true },
	/* a parameter given twice is read at its first (fuzz_sip_hdr found
	 * the comparison not reflexive without it) */
	{ "sip:h.example;a=1;a=2", "sip:h.example;a=1", true },
	{ "sip:h.example;a=1;a=2", "sip:h.example;a=2", false },
	{ "sip:%61,ice@AtLanTaanTa.CrTo;Ma4nsport=.CrTo;Ma4nsport=tct;mgent",
	  "sip:a,ice@atlantaanta.crto;MA4NSPORT=.CrTo", true },
	{ "tel:+1;a=1;a=2", "tel:+1;a=1", true },
	/* headers: all of them, in any order */
	{ "sip:h.example?a=1&b=2", "sip:h.example?b=2&a=1", true },
	{ "sip:h.example?a=1&b=2", "sip:h.example?a=1", false },
	{ "sip:h.example?subject=Hi", "sip:h.example?SUBJECT=Hi", true },
	{ "sip:h.example?subject=Hi", "sip:h.example?subject=hi", false },
	/* RFC 5954 §4: IP addresses by what they are, not how they are written */
	{ "sip:u@[2001:db8::1]", "sip:u@[2001:DB8:0:0:0:0:0:1]", true },
	{ "sip:u@[2001:db8::1]:5060", "sip:u@[2001:0db8::0001]:5060", true },
	{ "sip:u@[2001:db8::1]", "sip:u@[2001:db8::2]", false },
	{ "sip:u@[::ffff:192.0.2.2]", "sip:u@192.0.2.2", false },
	{ "sip:u@192.0.2.4", "sip:u@192.0.2.4", true },
	/* RFC 5118 §4.10: three colons, no address: compared as text */
	{ "sip:u@[2001:db8:::192.0.2.1]", "sip:u@[2001:db8:::192.0.2.1]", true },
	{ "sip:u@[2001:db8:::192.0.2.1]", "sip:u@[2001:db8::192.0.2.1]", false },
	/* IMS identities (seed fixtures): the host in any case, the user not */
	{ "sip:001010123456789@ims.mnc246.mcc081.3gppnetwork.org",
	  "sip:001010123456789@IMS.MNC246.MCC081.3GPPNETWORK.ORG", true },
	{ "sip:+11234567890@test.3gpp.com;user=phone", "sip:+11234567890@test.3gpp.com;user=phone", true },
	{ "sip:user@test.3gpp.com", "sip:USER@test.3gpp.com", false },
	/* RFC 3966 §4: tel */
	{ "tel:+1-201-555-0123", "tel:+12015550123", true },
	{ "tel:+1(201)555.0123", "TEL:+1-201-555-0123", true },
	{ "tel:+12015550123", "tel:+12015550124", false },
	{ "tel:7042;phone-context=example.com", "tel:7042;phone-context=EXAMPLE.com", true },
	{ "tel:7042;phone-context=example.com", "tel:7042;phone-context=example.net", false },
	{ "tel:863-1234;phone-context=+1-914-555", "tel:8631234;phone-context=+1914555", true },
	{ "tel:+12015550123;ext=1234", "tel:+12015550123", false },
	{ "tel:+12015550123;ext=12-34", "tel:+12015550123;EXT=1234", true },
	{ "tel:+12015550123;a=1;b=2", "tel:+12015550123;b=2;a=1", true },
	{ "tel:7042;phone-context=+1", "tel:+7042", false },
	/* a local number's hex digits in any case */
	{ "tel:7a42;phone-context=example.com", "tel:7A42;phone-context=example.com", true },
	/* sip and tel never equal */
	{ "tel:+12015550123", "sip:+12015550123@h.example;user=phone", false },
	/* other schemes: the scheme in any case, the rest as written */
	{ "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "URN:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", true },
	{ "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf7", false },
	{ "x-foo:AbC", "X-FOO:abc", false },
	/* RFC 8141 §3.1: the NID and percent-encodings in any case, the r/q/f
	 * components ignored, the rest of the NSS exactly; RFC 4122 §3: a
	 * UUID's hex digits in any case */
	{ "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "urn:UUID:F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6", true },
	{ "urn:gsma:imei:35209900-176148-1", "URN:GSMA:imei:35209900-176148-1", true },
	{ "urn:gsma:imei:35209900-176148-1", "urn:gsma:IMEI:35209900-176148-1", false },
	{ "urn:example:a%2cb", "urn:EXAMPLE:a%2Cb", true },
	{ "urn:example:a%2cb", "urn:example:a,b", false },
	{ "urn:example:%41", "urn:example:A", false },
	{ "urn:example:a1?+r=1", "urn:example:a1?=q", true },
	{ "urn:example:a1", "urn:example:a2", false },
	{ "urn:example:a1", "urn:example:a1x", false },
	/* RFC 3261 §19.1.1: maddr's value is a host (RFC 5954 §4 for addresses) */
	{ "sip:h.example;maddr=[2001:db8::1]", "sip:h.example;maddr=[2001:DB8:0::1]", true },
	{ "sip:h.example;maddr=Mcast.Example.COM", "sip:h.example;maddr=mcast.example.com", true },
	{ "sip:h.example;maddr=239.255.255.1", "sip:h.example;maddr=239.255.255.2", false },
	{ "sip:h.example;maddr=239.255.255.1", "sip:h.example;maddr=host.example", false },
};

static bool decode(const char *s, struct sip_uri *u)
{
	struct sip_parse_error err = { 0 };
	int rc = sip_uri_decode(u, slice_cstr(s), &err);
	if (rc < 0)
		fprintf(stderr, "cannot decode %s: %s\n", s, err.reason ? err.reason : "?");
	return rc == 0;
}

static void test_uri_equal_pairs(void)
{
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		const struct pair *p = &pairs[i];
		struct sip_uri a, b;
		if (!decode(p->a, &a) || !decode(p->b, &b)) {
			CHECK(!"pair decodes");
			continue;
		}
		bool ab = sip_uri_equal(&a, &b), ba = sip_uri_equal(&b, &a);
		if (ab != p->equal || ba != p->equal)
			fprintf(stderr, "pair %zu: %s | %s: want %s, got %d/%d\n", i, p->a, p->b,
				p->equal ? "equal" : "not equal", ab, ba);
		CHECK(ab == p->equal);
		CHECK(ba == p->equal);
		CHECK(sip_uri_equal(&a, &a));
		CHECK(sip_uri_equal(&b, &b));
	}
}

/* Hosts written one way: equal URIs (every equal pair above) give their
 * hosts the same text, and the forms an IMS trace mixes come out as one. */
static void test_host_canonical_is_the_same_for_equal_hosts(void)
{
	static const struct {
		const char *uri, *want;
	} cases[] = {
		{ "sip:u@[2001:DB8::1]:5064", "[2001:db8::1]" },
		{ "sip:u@[2001:db8:0:0:0:0:0:1]", "[2001:db8::1]" },
		{ "sip:u@[2001:0db8::0001]", "[2001:db8::1]" },
		{ "sip:u@[::ffff:192.0.2.1]", "[::ffff:192.0.2.1]" },
		{ "sip:u@192.0.2.1", "192.0.2.1" },
		{ "sip:u@IMS.MNC001.mcc262.3gppnetwork.org", "ims.mnc001.mcc262.3gppnetwork.org" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct sip_uri u;
		char out[64];
		if (!decode(cases[i].uri, &u)) {
			CHECK(!"case decodes");
			continue;
		}
		size_t n = sip_host_canonical(u.host, u.host_type, out, sizeof out);
		if (n != strlen(cases[i].want) || strcmp(out, cases[i].want) != 0)
			fprintf(stderr, "%s: got \"%s\" (%zu), want \"%s\"\n", cases[i].uri, n ? out : "", n,
				cases[i].want);
		CHECK(n == strlen(cases[i].want) && strcmp(out, cases[i].want) == 0);
		/* too small a buffer: 0, nothing claimed */
		CHECK(sip_host_canonical(u.host, u.host_type, out, strlen(cases[i].want)) == 0);
	}
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		struct sip_uri a, b;
		char ta[300], tb[300];
		if (!pairs[i].equal || !decode(pairs[i].a, &a) || !decode(pairs[i].b, &b) ||
		    (a.scheme != SIP_URI_SIP && a.scheme != SIP_URI_SIPS))
			continue;
		size_t na = sip_host_canonical(a.host, a.host_type, ta, sizeof ta);
		size_t nb = sip_host_canonical(b.host, b.host_type, tb, sizeof tb);
		if (na != nb || strcmp(ta, tb) != 0)
			fprintf(stderr, "pair %zu: hosts %s | %s\n", i, ta, tb);
		CHECK(na > 0 && na == nb && strcmp(ta, tb) == 0);
	}
}

/* One key per URI however written: every equal pair above (sip, sips,
 * tel) has one key; URIs differing in user, host or port have two. */
static void test_uri_key_is_one_for_equal_uris(void)
{
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		struct sip_uri a, b;
		char ka[300], kb[300];
		if (!pairs[i].equal || !decode(pairs[i].a, &a) || !decode(pairs[i].b, &b))
			continue;
		size_t na = sip_uri_key(&a, ka, sizeof ka), nb = sip_uri_key(&b, kb, sizeof kb);
		if (a.scheme != SIP_URI_SIP && a.scheme != SIP_URI_SIPS && a.scheme != SIP_URI_TEL) {
			CHECK(na == 0 && nb == 0);
			continue;
		}
		if (!na || na != nb || strcmp(ka, kb) != 0)
			fprintf(stderr, "pair %zu: keys %s | %s\n", i, na ? ka : "-", nb ? kb : "-");
		CHECK(na > 0 && na == nb && strcmp(ka, kb) == 0);
	}
	static const struct {
		const char *uri, *key;
	} cases[] = {
		{ "sip:%61lice@AtLanTa.CoM:5060;transport=tcp?x=y", "sip:alice@atlanta.com:5060" },
		{ "sip:a%3bb@[2001:DB8:0::1]:5064;ob", "sip:a%3Bb@[2001:db8::1]:5064" },
		{ "sips:u:p%77@h.example", "sips:u:pw@h.example" },
		{ "tel:+49-(170)-123.4567;phone-context=x", "tel:+491701234567" },
		{ "tel:7AB;phone-context=example.com", "tel:7ab" },
		{ "sip:Alice@atlanta.com", "sip:Alice@atlanta.com" },
		/* the key stays text: a NUL, a space, a byte above ASCII escaped */
		{ "sip:%00lice%20x%c3%a9@h", "sip:%00lice%20x%C3%A9@h" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct sip_uri u;
		char k[64];
		if (!decode(cases[i].uri, &u)) {
			CHECK(!"case decodes");
			continue;
		}
		size_t n = sip_uri_key(&u, k, sizeof k);
		if (!n || strcmp(k, cases[i].key) != 0)
			fprintf(stderr, "%s: key %s, want %s\n", cases[i].uri, n ? k : "-", cases[i].key);
		CHECK(n == strlen(cases[i].key) && strcmp(k, cases[i].key) == 0);
		/* one byte short: 0 */
		CHECK(sip_uri_key(&u, k, strlen(cases[i].key)) == 0);
	}
	struct sip_uri u;
	char k[64];
	CHECK(decode("urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", &u) && sip_uri_key(&u, k, sizeof k) == 0);
}

/* IPv6 hosts written as inet_ntop writes them: random addresses whose
 * groups are zero often (runs of every length and place, mapped and
 * compatible IPv4), each given fully expanded in upper case. */
static void test_host_canonical_ipv6_is_inet_ntop(void)
{
	uint32_t x = 12345;
	int dotted = 0, mapped = 0, compressed = 0;
	for (int n = 0; n < 20000; n++) {
		unsigned char a[16];
		for (int i = 0; i < 16; i += 2) {
			x = x * 1103515245u + 12345u;
			unsigned r = x >> 8; /* 24 bits */
			unsigned v = (r & 3) ? 0 : (r >> 2) & 0xffff; /* zero three times in four */
			if ((r >> 18 & 3) == 1)
				v = 0xffff; /* and ffff one time in four */
			a[i] = (unsigned char)(v >> 8);
			a[i + 1] = (unsigned char)v;
		}
		if (n % 7 == 0)
			memset(a, 0, 10 + (n % 3)); /* ::ffff:a.b.c.d and ::a.b.c.d shapes */
		char in[64], want[INET6_ADDRSTRLEN + 2], got[64], t[INET6_ADDRSTRLEN];
		snprintf(in, sizeof in, "[%02X%02X:%02X%02X:%02X%02X:%02X%02X:%02X%02X:%02X%02X:%02X%02X:%02X%02X]", a[0],
			 a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13], a[14], a[15]);
		CHECK(inet_ntop(AF_INET6, a, t, sizeof t) != NULL);
		snprintf(want, sizeof want, "[%s]", t);
		size_t k = sip_host_canonical(slice_cstr(in), SIP_HOST_IPV6, got, sizeof got);
		dotted += strchr(want, '.') != NULL;
		mapped += strstr(want, "::ffff:") != NULL && strchr(want, '.') != NULL;
		compressed += strstr(want, "::") != NULL;
		if (k != strlen(want) || strcmp(got, want) != 0) {
			fprintf(stderr, "%s: got %s, want %s\n", in, k ? got : "-", want);
			CHECK(!"IPv6 text as inet_ntop's");
			return;
		}
	}
	/* the shapes were met */
	if (!(dotted > 100 && mapped > 10 && compressed > 10000))
		fprintf(stderr, "shapes: dotted %d mapped %d compressed %d\n", dotted, mapped, compressed);
	CHECK(dotted > 100 && mapped > 10 && compressed > 10000);
}

/* A URI parameter name given twice, as sip_uri_equal compares names: any
 * case, an escaped unreserved byte the byte, an escaped reserved one not;
 * only the first `looked` parameters; sip:, sips: and tel: only. */
static void test_uri_param_repeat_names_the_second(void)
{
	static const struct {
		const char *uri;
		size_t looked;
		const char *repeat; /* the name returned, NULL: none */
	} rows[] = {
		{ "sip:a@h;ob;x;ob", 32, "ob" },
		{ "sip:a@h;x=1;X=2", 32, "X" },
		{ "sips:h;ob;o%62", 32, "o%62" },
		{ "sip:h;a=1;b=1;ab", 32, NULL },
		{ "sip:h;a%3db;a=b", 32, NULL },
		{ "sip:h;a;b;c;a", 3, NULL },
		{ "sip:h;a;b;c;a", 4, "a" },
		{ "sip:h", 32, NULL },
		{ "tel:+1;x=1;x=2", 32, "x" },
		{ "tel:+1;ext=1;EXT=2", 32, "EXT" },
		{ "tel:1234;phone-context=+49;npdi;phone-context=+1", 32, "phone-context" },
		{ "tel:+491701234567;npdi;rn=+4917", 32, NULL },
		{ "urn:x:a;b;b", 32, NULL },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct sip_uri u;
		if (!decode(rows[i].uri, &u)) {
			CHECK(!"row decodes");
			continue;
		}
		struct slice r = sip_uri_param_repeat(&u, rows[i].looked);
		if (!rows[i].repeat)
			CHECK(r.ptr == NULL);
		else
			CHECK_SLICE_EQ(r, rows[i].repeat);
	}
}

/* RFC 3966 §3's order of telephone-subscriber parameters: isub or ext,
 * then phone-context, then the others by name (any case); the parameter
 * out of place and the one it was written after. A sip: URI's user part
 * is read only with user=phone. */
static void test_tel_param_misorder_names_the_pair(void)
{
	static const struct {
		const char *uri;
		const char *misplaced, *after; /* NULL: in order (or not read) */
	} rows[] = {
		{ "tel:+1-201-555-0123;ext=1234", NULL, NULL },
		{ "tel:7042;ext=1;phone-context=example.com;a=1;b", NULL, NULL },
		{ "tel:7042;isub=1;ext=2;phone-context=+49", NULL, NULL },
		{ "tel:7042;ext=2;isub=1;phone-context=+49", NULL, NULL },
		{ "tel:+491701234567;npdi;rn=+4917", NULL, NULL },
		{ "tel:+491701234567;rn=+4917;npdi", "npdi", "rn" },
		{ "tel:+491701234567;RN=+4917;npdi", "npdi", "RN" },
		{ "tel:+491701234567;Npdi;rn=+4917", NULL, NULL },
		{ "tel:7042;phone-context=example.com;ext=1", "ext", "phone-context" },
		{ "tel:+1;verstat=TN-Validation-Passed;ext=12", "ext", "verstat" },
		{ "tel:7042;npdi;phone-context=+49", "phone-context", "npdi" },
		{ "tel:+1;ab;a", "a", "ab" },
		{ "tel:+1;a;ab;b;c;ca", NULL, NULL },
		{ "tel:+1;x=1;x=2", NULL, NULL },
		{ "sip:+1;rn=4;npdi@h;user=phone", "npdi", "rn" },
		{ "sip:7042;phone-context=ims.mnc001.mcc001.3gppnetwork.org@h;user=phone", NULL, NULL },
		{ "sip:7042;npdi;phone-context=+1@h;user=PHONE", "phone-context", "npdi" },
		{ "sip:+1;rn=4;npdi@h", NULL, NULL },
		{ "sip:+1@h;user=phone", NULL, NULL },
		{ "urn:x:a;b;a", NULL, NULL },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct sip_uri u;
		if (!decode(rows[i].uri, &u)) {
			CHECK(!"row decodes");
			continue;
		}
		struct slice after = SLICE_NULL;
		struct slice m = sip_tel_param_misorder(sip_uri_tel_params(&u), &after);
		if (!rows[i].misplaced) {
			CHECK(m.ptr == NULL);
		} else {
			CHECK_SLICE_EQ(m, rows[i].misplaced);
			CHECK_SLICE_EQ(after, rows[i].after);
		}
	}
}

int main(void)
{
	test_host_canonical_ipv6_is_inet_ntop();
	test_uri_key_is_one_for_equal_uris();
	test_uri_equal_pairs();
	test_host_canonical_is_the_same_for_equal_hosts();
	test_uri_param_repeat_names_the_second();
	test_tel_param_misorder_names_the_pair();
	return check_done();
}
