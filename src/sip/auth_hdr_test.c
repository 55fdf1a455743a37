/* auth_hdr_test.c: challenges, credentials and Authentication-Info decoding, as tables of
 * {input, verdict, error offset, fields}, from the seed fixtures, the captures, the bench
 * corpus and RFC 7616 §3.9, each also run from a guard-page copy and at every truncation. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "check.h"

#define F(f, v) { SIP_AUTH_##f, (v), false }
#define Q(f, v) { SIP_AUTH_##f, (v), true }
#define MAXW 14

struct want {
	enum sip_auth_field f;
	const char *v;  /* NULL ends the list */
	bool quoted;
};

struct auth_case {
	const char *name;
	bool info;        /* Authentication-Info instead of credentials/challenge */
	const char *in;
	int rc;
	int at;           /* error offset into in, or -1 */
	const char *scheme;
	unsigned nparams;
	long long nc;     /* -1: no nc */
	const char *rest; /* the second credentials, or NULL */
	struct want w[MAXW];
};

static const struct auth_case cases[] = {
	/* ../shared/fixtures/seed/ex1-basic.pasted.txt, after normalisation (folded lines) */
	{ "ex1", false,
	  "Digest\r\n               username=\"001010123456789@ims.sharetechnote.com\",\r\n"
	  "               realm=\"ims.sharetechnote.com\",\r\n"
	  "               uri=\"sip:ims.sharetechnote.com\",\r\n"
	  "               nonce=\"\",\r\n               response=\"\"",
	  0, -1, "Digest", 5, -1, NULL,
	  { Q(USERNAME, "001010123456789@ims.sharetechnote.com"), Q(REALM, "ims.sharetechnote.com"),
	    Q(URI, "sip:ims.sharetechnote.com"), Q(NONCE, ""), Q(RESPONSE, "") } },
	/* ex2-sms-capability */
	{ "ex2", false,
	  "Digest\r\n uri=\"sip:test.3gpp.com\",\r\n              username=\"001010123456789@test.3gpp.com\",\r\n"
	  "              response=\"\",realm=\"test.3gpp.com\",\r\n              nonce=\"\"",
	  0, -1, "Digest", 5, -1, NULL,
	  { Q(URI, "sip:test.3gpp.com"), Q(USERNAME, "001010123456789@test.3gpp.com"),
	    Q(RESPONSE, ""), Q(REALM, "test.3gpp.com"), Q(NONCE, "") } },
	/* ex3-sms-volte-capability */
	{ "ex3", false,
	  "Digest username=\"001010123456789@test.3gpp.com\",realm=\"TestIMS.com\",\r\n"
	  "                    nonce=\"fn3iiH1LnWqCtFyPUD8qzYxfiiVavYAAmfcxByxmhBg=\",algorithm=AKAv1-MD5,\r\n"
	  "                    uri=\"sip:test.3gpp.com\",response=\"9f17517adee640b8895dda33b336f071\",\r\n"
	  "                    qop=auth,nc=00000002,cnonce=\"dsf232sun2299674910xyx\",\r\n"
	  "                    opaque=\"bbedd3dd5f884860b741b03d36b430ea\"",
	  0, -1, "Digest", 10, 2, NULL,
	  { Q(USERNAME, "001010123456789@test.3gpp.com"), Q(REALM, "TestIMS.com"),
	    Q(NONCE, "fn3iiH1LnWqCtFyPUD8qzYxfiiVavYAAmfcxByxmhBg="), F(ALGORITHM, "AKAv1-MD5"),
	    Q(URI, "sip:test.3gpp.com"), Q(RESPONSE, "9f17517adee640b8895dda33b336f071"),
	    F(QOP, "auth"), F(NC, "00000002"), Q(CNONCE, "dsf232sun2299674910xyx"),
	    Q(OPAQUE, "bbedd3dd5f884860b741b03d36b430ea") } },
	/* ex4-aka-authorization */
	{ "ex4", false,
	  "Digest\r\n username=\"001010123456789@test.3gpp.com\",\r\n"
	  "              realm=\"test.3gpp.com\",uri=\"sip:test.3gpp.com\",\r\n"
	  "              qop=auth,\r\n"
	  "              nonce=\"DtIe00txvoZUGvYmjgX98eAPJNjx3IAADsM84A8kWPE=\",\r\n"
	  "              nc=00000001,\r\n              cnonce=\"3671736221\",\r\n"
	  "              algorithm=AKAv1-MD5,\r\n"
	  "              response=\"013e2a5d762d4d86e56112c0d41379f5\",\r\n"
	  "              opaque=\"3c45b78d08f348459596ea2f6d316a42\"",
	  0, -1, "Digest", 10, 1, NULL,
	  { Q(USERNAME, "001010123456789@test.3gpp.com"), Q(REALM, "test.3gpp.com"),
	    Q(URI, "sip:test.3gpp.com"), F(QOP, "auth"),
	    Q(NONCE, "DtIe00txvoZUGvYmjgX98eAPJNjx3IAADsM84A8kWPE="), F(NC, "00000001"),
	    Q(CNONCE, "3671736221"), F(ALGORITHM, "AKAv1-MD5"),
	    Q(RESPONSE, "013e2a5d762d4d86e56112c0d41379f5"),
	    Q(OPAQUE, "3c45b78d08f348459596ea2f6d316a42") } },
	/* ex5-ipsec-sec-agree */
	{ "ex5", false,
	  "Digest\r\n uri=\"sip:test.3gpp.com\",username=\"001010123456789@test.3gpp.com\",\r\n"
	  "              response=\"\",realm=\"test.3gpp.com\",nonce=\"\"",
	  0, -1, "Digest", 5, -1, NULL,
	  { Q(URI, "sip:test.3gpp.com"), Q(USERNAME, "001010123456789@test.3gpp.com"),
	    Q(RESPONSE, ""), Q(REALM, "test.3gpp.com"), Q(NONCE, "") } },
	/* ex6-unregister: two credentials in one field; the second is left in rest */
	{ "ex6", false,
	  "Digest uri=\"sip:test.3gpp.com\",username=\"001010123456789@test.3gpp.com\",response=\"\","
	  "realm=\"test.3gpp.com\",nonce=\"\",\r\n Digest uri=\"sip:test.3gpp.com\","
	  "username=\"001010123456789@test.3gpp.com\",response=\"\",\r\n realm=\"test.3gpp.com\",nonce=\"\"",
	  0, -1, "Digest", 5, -1,
	  "Digest uri=\"sip:test.3gpp.com\",username=\"001010123456789@test.3gpp.com\",response=\"\","
	  "\r\n realm=\"test.3gpp.com\",nonce=\"\"",
	  { Q(URI, "sip:test.3gpp.com"), Q(USERNAME, "001010123456789@test.3gpp.com"),
	    Q(RESPONSE, ""), Q(REALM, "test.3gpp.com"), Q(NONCE, "") } },
	/* RFC 4475 §3.3.7 regaut01: an unknown scheme must decode */
	{ "regaut01", false, "NoOneKnowsThisScheme opaque-data=here", 0, -1,
	  "NoOneKnowsThisScheme", 1, -1, NULL, { { 0, NULL, false } } },
	/* RFC 7616 §3.9.1 challenge and credentials */
	{ "rfc7616-challenge", false,
	  "Digest\r\n       realm=\"http-auth@example.org\",\r\n       qop=\"auth, auth-int\",\r\n"
	  "       algorithm=SHA-256,\r\n       nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n"
	  "       opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
	  0, -1, "Digest", 5, -1, NULL,
	  { Q(REALM, "http-auth@example.org"), Q(QOP, "auth, auth-int"), F(ALGORITHM, "SHA-256"),
	    Q(NONCE, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"),
	    Q(OPAQUE, "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS") } },
	{ "rfc7616-userhash", false,
	  "Digest\r\n       username=\"488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec\",\r\n"
	  "       realm=\"api@example.org\",\r\n       uri=\"/doe.json\",\r\n       algorithm=SHA-512-256,\r\n"
	  "       nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\",\r\n       nc=00000001,\r\n"
	  "       cnonce=\"NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v\",\r\n       qop=auth,\r\n"
	  "       response=\"ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd\",\r\n"
	  "       opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\",\r\n       userhash=true",
	  0, -1, "Digest", 11, 1, NULL,
	  { Q(USERNAME, "488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec"),
	    Q(REALM, "api@example.org"), Q(URI, "/doe.json"), F(ALGORITHM, "SHA-512-256"),
	    Q(NONCE, "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK"), F(NC, "00000001"),
	    Q(CNONCE, "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v"), F(QOP, "auth"),
	    Q(RESPONSE, "ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd"),
	    Q(OPAQUE, "HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS"), F(USERHASH, "true") } },
	/* RFC 3310 §3.4 resynchronisation: auts; TS 24.229 integrity-protected; stale; case */
	{ "auts-integrity", false,
	  "DIGEST USERNAME=\"jon.dough@example.com\" , Realm = \"example.com\",nonce=\"x\","
	  "uri=\"sip:example.com\",response=\"\",auts=\"CjkyMzRfOiwg5CfkJ2UK=\","
	  "integrity-protected=\"tls-yes\",Stale=FALSE,x-vendor=\"a\\\"b\",NC=0000beef",
	  0, -1, "DIGEST", 10, 0xbeef, NULL,
	  { Q(USERNAME, "jon.dough@example.com"), Q(REALM, "example.com"), Q(NONCE, "x"),
	    Q(URI, "sip:example.com"), Q(RESPONSE, ""), Q(AUTS, "CjkyMzRfOiwg5CfkJ2UK="),
	    Q(INTEGRITY_PROTECTED, "tls-yes"), F(STALE, "FALSE"), F(NC, "0000beef") } },
	/* LWS and folding (CRLF or bare LF) around '=' and ',' */
	{ "folding-everywhere", false,
	  "Digest\n\trealm\r\n =\r\n \"a\" \r\n ,\n nonce =\"\"\t,qop\t=\tauth",
	  0, -1, "Digest", 3, -1, NULL, { Q(REALM, "a"), Q(NONCE, ""), F(QOP, "auth") } },
	/* a scheme alone has no parameters */
	{ "scheme-alone", false, "Digest", 0, -1, "Digest", 0, -1, NULL, { { 0, NULL, false } } },
	/* errors */
	{ "unterminated-quote", false, "Digest realm=\"abc, nonce=\"\"", -EBADMSG, 26, NULL, 0, -1,
	  NULL, { { 0, NULL, false } } },
	{ "unterminated-quote-end", false, "Digest realm=\"abc", -EBADMSG, 13, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "nc-7-digits", false, "Digest nc=0000001", -EBADMSG, 10, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "nc-9-digits", false, "Digest nonce=\"\", nc=000000001", -EBADMSG, 20, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "nc-upper-hex", false, "Digest nc=0000000A", -EBADMSG, 10, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "nc-not-hex", false, "Digest nc=0000000g", -EBADMSG, 10, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "duplicate-known", false, "Digest realm=\"a\",nonce=\"\",REALM=\"b\"", -EBADMSG, 26, NULL, 0,
	  -1, NULL, { { 0, NULL, false } } },
	{ "duplicate-unknown", false, "Digest foo=1, bar=2, Foo=3", -EBADMSG, 21, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "missing-equals", false, "Digest realm \"a\"", -EBADMSG, 13, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "missing-value", false, "Digest realm=, nonce=\"\"", -EBADMSG, 13, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "bad-value", false, "Digest uri=sip:a", -EBADMSG, 14, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	/* a token alone after the last comma is no second scheme (a
	 * differential run against sofia-sip found it read as one) */
	{ "bare-token-at-end", false, "Digest username=\"a\", 0", -EBADMSG, 22, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "bare-token-and-lws-at-end", false, "Digest username=\"a\", 0 \r\n ", -EBADMSG, 26, NULL, 0,
	  -1, NULL, { { 0, NULL, false } } },
	{ "param-without-value-at-end", false, "Digest realm=\"a\",integrity-protect0", -EBADMSG, 35,
	  NULL, 0, -1, NULL, { { 0, NULL, false } } },
	{ "trailing-comma", false, "Digest realm=\"a\",", -EBADMSG, 17, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "empty-param", false, "Digest realm=\"a\",,nonce=\"\"", -EBADMSG, 17, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "no-space-after-scheme", false, "Digest,realm=\"a\"", -EBADMSG, 6, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "no-scheme", false, "\"Digest\" realm=\"a\"", -EBADMSG, 0, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "empty", false, "", -EBADMSG, 0, NULL, 0, -1, NULL, { { 0, NULL, false } } },
	{ "missing-comma", false, "Digest realm=\"a\" nonce=\"\"", -EBADMSG, 17, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "second-scheme-first", false, "Digest Basic realm=\"a\"", -EBADMSG, 13, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "line-break-in-quote", false, "Digest realm=\"a\r\nb\"", -EBADMSG, 15, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	/* Authentication-Info (RFC 3261 §20.6), ../shared/corpus/bench/g_200_register.sip */
	{ "info-g200", true,
	  "qop=auth,rspauth=\"3078c961a75eafb8a0040caf6cf849b0\",cnonce=\"4f1c2a9d8e7b6a5c\",nc=00000001",
	  0, -1, NULL, 4, 1, NULL,
	  { F(QOP, "auth"), Q(RSPAUTH, "3078c961a75eafb8a0040caf6cf849b0"),
	    Q(CNONCE, "4f1c2a9d8e7b6a5c"), F(NC, "00000001") } },
	/* ../shared/corpus/captures/text/sipandlove/n.txt */
	{ "info-nextnonce", true,
	  "nextnonce=\"V0Dlfcmjen3atleWJCOm/Q==\",qop=auth,rspauth=\"71e01e9f07352c5423ef215b572f3ab3\","
	  "cnonce=\"Hf1rkJAuZ0-ukOSgnYE.v6.VWEYBj2TR\",nc=00000001",
	  0, -1, NULL, 5, 1, NULL,
	  { Q(NEXTNONCE, "V0Dlfcmjen3atleWJCOm/Q=="), F(QOP, "auth"),
	    Q(RSPAUTH, "71e01e9f07352c5423ef215b572f3ab3"),
	    Q(CNONCE, "Hf1rkJAuZ0-ukOSgnYE.v6.VWEYBj2TR"), F(NC, "00000001") } },
	{ "info-empty", true, "  ", -EBADMSG, 2, NULL, 0, -1, NULL, { { 0, NULL, false } } },
	{ "info-with-scheme", true, "Digest qop=auth", -EBADMSG, 7, NULL, 0, -1, NULL,
	  { { 0, NULL, false } } },
	{ "info-bad-nc", true, "nc=1", -EBADMSG, 3, NULL, 0, -1, NULL, { { 0, NULL, false } } },
};

static int run(const struct auth_case *c, const char *in, size_t len, struct sip_auth *a,
	       struct slice *rest, struct sip_parse_error *err)
{
	if (c->info) {
		*rest = SLICE_NULL;
		return sip_auth_info_decode(a, slice_make(in, len), err);
	}
	return sip_auth_decode(a, slice_make(in, len), rest, err);
}

static void run_row(struct slice in, const void *row)
{
	const struct auth_case *c = row;
	const char *g = in.ptr;
	size_t len = in.len;
	struct sip_auth a;
	struct slice rest;
	struct sip_parse_error err = { 0 };

	int rc = run(c, g, len, &a, &rest, &err);
	if (rc != c->rc || (rc < 0 && err.at - g != c->at))
		fprintf(stderr, "case %s:\n", c->name);
	if (CHECK_DECODE(rc, &err, in, c->rc, c->at)) {
		CHECK_SLICE_EQ(a.scheme, c->scheme);
		CHECK_INT_EQ(a.nparams, c->nparams);
		CHECK_INT_EQ(a.has_nc, c->nc >= 0);
		if (c->nc >= 0)
			CHECK_INT_EQ(a.nc, c->nc);
		CHECK_SLICE_EQ(rest, c->rest);
		uint32_t listed = 0;
		for (const struct want *w = c->w; w < c->w + MAXW && w->v; w++) {
			listed |= 1u << w->f;
			CHECK_SLICE_EQ(a.field[w->f], w->v);
			CHECK_INT_EQ((a.quoted >> w->f) & 1, w->quoted);
		}
		for (int f = 0; f < SIP_AUTH__COUNT; f++)
			if (!(listed & (1u << f)))
				CHECK(a.field[f].ptr == NULL);
		/* the views point into the input */
		for (int f = 0; f < SIP_AUTH__COUNT; f++)
			if (a.field[f].ptr)
				CHECK(a.field[f].ptr >= g && a.field[f].ptr + a.field[f].len <= g + len);
	}
}

/* every truncation ends in a verdict, never a read past the end */
static void run_prefix(struct slice t, const void *row)
{
	struct sip_auth a;
	struct slice rest;
	struct sip_parse_error e = { 0 };
	int r = run(row, t.ptr, t.len, &a, &rest, &e);
	CHECK(r == 0 || (r == -EBADMSG && e.at >= t.ptr && e.at <= t.ptr + t.len && e.reason));
}

static void check_case(const struct auth_case *c)
{
	size_t len = strlen(c->in);
	check_guarded(c->in, len, run_row, c);
	for (size_t n = 0; n < len; n++)
		check_guarded(c->in, n, run_prefix, c);
}

static void test_auth_tables(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i]);
}

static void test_auth_field_names_match_lookup(void)
{
	/* every name decodes to its own field, in any case */
	for (int f = 0; f < SIP_AUTH__COUNT; f++) {
		char in[64];
		const char *n = sip_auth_field_name((enum sip_auth_field)f);
		CHECK(n != NULL);
		snprintf(in, sizeof in, "Digest %s=\"00000001\"", n);
		for (char *p = in + 7; *p && *p != '='; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 32);
		struct sip_auth a;
		struct sip_parse_error err;
		CHECK_INT_EQ(sip_auth_decode(&a, slice_cstr(in), NULL, &err), 0);
		CHECK_SLICE_EQ(a.field[f], "00000001");
		CHECK_INT_EQ(a.quoted, 1u << f);
	}
	CHECK(sip_auth_field_name(SIP_AUTH__COUNT) == NULL);
}

static void test_auth_rest_loop_decodes_both_credentials(void)
{
	const char *in = "Digest username=\"a\",nonce=\"\", Digest username=\"b\", nonce=\"1\","
			 " Basic realm=\"c\"";
	struct sip_auth a;
	struct slice v = slice_cstr(in), rest;
	struct sip_parse_error err;
	const char *users[] = { "a", "b", NULL };
	int n = 0;
	while (v.ptr) {
		CHECK_INT_EQ(sip_auth_decode(&a, v, &rest, &err), 0);
		if (n < 2)
			CHECK_SLICE_EQ(a.field[SIP_AUTH_USERNAME], users[n]);
		n++;
		v = rest;
	}
	CHECK_INT_EQ(n, 3);
	CHECK_SLICE_EQ(a.scheme, "Basic");
	/* with rest == NULL a second scheme is an error */
	CHECK_INT_EQ(sip_auth_decode(&a, slice_cstr(in), NULL, &err), -EBADMSG);
}

static void test_auth_params_span_all_params(void)
{
	struct sip_auth a;
	struct slice rest;
	struct sip_parse_error err;
	const char *in = "Digest  realm=\"x\", foo=bar ,Digest nonce=\"\"";
	CHECK_INT_EQ(sip_auth_decode(&a, slice_cstr(in), &rest, &err), 0);
	CHECK_SLICE_EQ(a.params, "realm=\"x\", foo=bar");
	CHECK_INT_EQ(a.nparams, 2);
	CHECK_SLICE_EQ(rest, "Digest nonce=\"\"");
}

/* The first "Name:" header of a file (folded lines included), trimmed. */
static struct slice file_header(const char *buf, size_t len, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < len; i++) {
		if ((i == 0 || buf[i - 1] == '\n') && i + n < len && strncasecmp(buf + i, name, n) == 0 &&
		    buf[i + n] == ':') {
			size_t s = i + n + 1, e = s;
			while (e < len) {
				if (buf[e] == '\n' && !(e + 1 < len && (buf[e + 1] == ' ' || buf[e + 1] == '\t')))
					break;
				e++;
			}
			return slice_trim(slice_make(buf + s, e - s));
		}
	}
	return SLICE_NULL;
}

static void test_auth_captures_decode(void)
{
	static const struct {
		const char *path, *hdr, *field_nonce, *qop, *username;
		int nc;
	} files[] = {
		{ "../shared/corpus/captures/text/openimscore-aka/01-register-sec-agree.sip",
		  "Authorization", "", NULL, "alice@ims.mnc001.mcc208.3gppnetwork.org", -1 },
		{ "../shared/corpus/captures/text/openimscore-aka/02-401-akav1-security-server.sip",
		  "WWW-Authenticate", "KBdnIyppR5T1v4wsr0DCIKvGvtjeMAAAAbJwt4v710I=", "auth,auth-int",
		  NULL, -1 },
		{ "../shared/corpus/captures/text/openimscore-aka/03-authorization-header.txt",
		  "Authorization", "KBdnIyppR5T1v4wsr0DCIKvGvtjeMAAAAbJwt4v710I=", "auth",
		  "alice@ims.mnc001.mcc208.3gppnetwork.org", 1 },
		{ "../shared/corpus/bench/f_401_aka_challenge.sip", "WWW-Authenticate",
		  "q+UU2DsZTx6pcRtlUIsE6sGoZv+BBHUaaE3U1yo/JwQ=", "auth,auth-int", NULL, -1 },
		{ "../shared/corpus/bench/c_register_aka_auth.sip", "Authorization",
		  "q+UU2DsZTx6pcRtlUIsE6sGoZv+BBHUaaE3U1yo/JwQ=", "auth",
		  "001010000000001@ims.mnc001.mcc001.3gppnetwork.org", 1 },
		{ "../shared/corpus/rfc4475/regaut01.dat", "Authorization", NULL, NULL, NULL, -1 },
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len;
		char *buf = check_read_file(files[i].path, &len);
		CHECK(buf != NULL);
		if (!buf)
			continue;
		struct slice v = file_header(buf, len, files[i].hdr);
		CHECK(v.ptr != NULL);
		struct sip_auth a;
		struct slice rest;
		struct sip_parse_error err;
		CHECK_INT_EQ(sip_auth_decode(&a, v, &rest, &err), 0);
		CHECK_SLICE_EQ(a.field[SIP_AUTH_NONCE], files[i].field_nonce);
		CHECK_SLICE_EQ(a.field[SIP_AUTH_QOP], files[i].qop);
		CHECK_SLICE_EQ(a.field[SIP_AUTH_USERNAME], files[i].username);
		CHECK_INT_EQ(a.has_nc, files[i].nc >= 0);
		if (files[i].nc >= 0)
			CHECK_INT_EQ(a.nc, files[i].nc);
		CHECK(rest.ptr == NULL);
		free(buf);
	}
}

static void test_auth_info_files_decode(void)
{
	static const struct {
		const char *path, *rspauth, *nextnonce;
	} files[] = {
		{ "../shared/corpus/bench/g_200_register.sip", "3078c961a75eafb8a0040caf6cf849b0", NULL },
		{ "../shared/corpus/captures/text/sipandlove/d.txt", "9d28e9e0667b543dad58f3b6de51c778",
		  "fkd/Af7d0Kl3BR76DgJl3w==" },
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		size_t len;
		char *buf = check_read_file(files[i].path, &len);
		CHECK(buf != NULL);
		if (!buf)
			continue;
		struct slice v = file_header(buf, len, "Authentication-Info");
		struct sip_auth a;
		struct sip_parse_error err;
		CHECK_INT_EQ(sip_auth_info_decode(&a, v, &err), 0);
		CHECK(a.scheme.ptr == NULL);
		CHECK_SLICE_EQ(a.field[SIP_AUTH_RSPAUTH], files[i].rspauth);
		CHECK_SLICE_EQ(a.field[SIP_AUTH_NEXTNONCE], files[i].nextnonce);
		CHECK_SLICE_EQ(a.field[SIP_AUTH_QOP], "auth");
		CHECK(a.has_nc && a.nc == 1);
		free(buf);
	}
}

/* ---- the fast path (auth_hdr.c auth_fast): every name, value length,
 * alignment and end position, from guard-page copies -------------------- */

struct fast_case {
	const char *text;
	bool info;
	enum sip_auth_field f;
	size_t v_at, v_len;
	bool quoted;
	unsigned nparams;
};

static void fast_check(struct slice in, const void *arg)
{
	const struct fast_case *c = arg;
	struct sip_auth a;
	struct slice rest;
	struct sip_parse_error err = { 0 };
	int rc = c->info ? sip_auth_info_decode(&a, in, &err) : sip_auth_decode(&a, in, &rest, &err);
	if (rc != 0)
		fprintf(stderr, "fast case \"%s\": rc %d (%s)\n", c->text, rc, err.reason);
	CHECK_INT_EQ(rc, 0);
	if (rc)
		return;
	struct slice got = a.field[c->f];
	CHECK(got.ptr == in.ptr + c->v_at && got.len == c->v_len);
	if (got.ptr != in.ptr + c->v_at || got.len != c->v_len)
		fprintf(stderr, "fast case \"%s\": value at %td len %zu\n", c->text,
			got.ptr ? got.ptr - in.ptr : -1, got.len);
	CHECK_INT_EQ((a.quoted >> c->f) & 1, c->quoted);
	CHECK_INT_EQ(a.nparams, c->nparams);
	if (c->f == SIP_AUTH_NC)
		CHECK(a.has_nc && a.nc == 0x0123abcdu);
	else
		CHECK(!a.has_nc);
	for (int f = 0; f < SIP_AUTH__COUNT; f++)
		if (f != (int)c->f && f != SIP_AUTH_OPAQUE && f != SIP_AUTH_RSPAUTH)
			CHECK(a.field[f].ptr == NULL);
}

/* Every field by its name (as written and in capitals), quoted with 0 to
 * 70 bytes (every length the sixteen-byte steps end on) and as a token of
 * 1 to 40 bytes, after a parameter of every length 1 to 17 (every
 * alignment), last, followed by ',' and by ', ', in credentials and in
 * Authentication-Info. */
static void test_auth_fast_lengths(void)
{
	static const char qchars[] = "sip:ims.mnc001.mcc001.3gppnetwork.org/+=;,<>@ ~!'\t";
	static const char tchars[] = "AKAv1-MD5.auth!%*_+`'~0123456789xyz";
	char text[256], val[80], name[32];
	for (int f = 0; f < SIP_AUTH__COUNT; f++) {
		for (int upper = 0; upper < 2; upper++) {
			const char *n = sip_auth_field_name((enum sip_auth_field)f);
			size_t nl = strlen(n);
			for (size_t i = 0; i <= nl; i++)
				name[i] = upper && n[i] >= 'a' && n[i] <= 'z' ? (char)(n[i] - 0x20) : n[i];
			for (int quoted = 0; quoted < 2; quoted++) {
				size_t maxlen = quoted ? 70 : 40;
				for (size_t vl = quoted ? 0 : 1; vl <= maxlen; vl++) {
					if (f == SIP_AUTH_NC && (quoted || vl != 8))
						continue;
					for (size_t i = 0; i < vl; i++)
						val[i] = quoted ? qchars[(i * 5 + vl) % (sizeof qchars - 1)]
								: tchars[(i * 3 + vl) % (sizeof tchars - 1)];
					if (f == SIP_AUTH_NC)
						memcpy(val, "0123abcd", 8);
					val[vl] = 0;
					for (size_t pl = 1; pl <= 17; pl += quoted ? 1 : 2) {
						for (int shape = 0; shape < 6; shape++) {
							bool info = shape >= 3;
							int sh = shape % 3;
							size_t k = 0;
							if (!info)
								k += (size_t)sprintf(text, "Digest ");
							/* a first parameter of pl bytes in all */
							k += (size_t)sprintf(text + k, "opaque=\"%.*s\",",
									     (int)(pl - 1), "0123456789abcdef");
							k += (size_t)sprintf(text + k, "%s=%s", name,
									     quoted ? "\"" : "");
							size_t v_at = k;
							k += (size_t)sprintf(text + k, "%s%s", val,
									     quoted ? "\"" : "");
							if (sh == 1)
								k += (size_t)sprintf(text + k, ",rspauth=\"x\"");
							else if (sh == 2)
								k += (size_t)sprintf(text + k, ", rspauth=x");
							struct fast_case c = { text, info, (enum sip_auth_field)f,
									       v_at, vl, quoted != 0,
									       sh ? 3u : 2u };
							if (f == SIP_AUTH_OPAQUE || f == SIP_AUTH_RSPAUTH)
								continue; /* would be a duplicate */
							check_guarded(text, k, fast_check, &c);
						}
					}
				}
			}
		}
	}
}

/* A run of ten known parameters (every kind of name: one word, nine
 * bytes, integrity-protected, nc; quoted and token values; an escape or a
 * fold in the nonce for some lengths) after a first value of 0 to 90
 * bytes and with a nonce of 0 to 40: every parameter starts, and every
 * value ends, at every distance from the bytes before the end (AUTH_BIG, 44
 * or 54) from which auth_fast reads with no end test, and a long value
 * crosses it. Each field where it was written, from guard-page copies. */
struct big_case {
	bool info;
	size_t at[SIP_AUTH__COUNT], len[SIP_AUTH__COUNT];
	unsigned quoted;
	size_t start, k;
};

static void big_check(struct slice in, const void *arg)
{
	const struct big_case *c = arg;
	struct sip_auth a;
	struct slice rest;
	struct sip_parse_error err = { 0 };
	int rc = c->info ? sip_auth_info_decode(&a, in, &err) : sip_auth_decode(&a, in, &rest, &err);
	CHECK_INT_EQ(rc, 0);
	if (rc)
		return;
	for (int f = 0; f < SIP_AUTH__COUNT; f++) {
		if (c->len[f] == (size_t)-1) {
			CHECK(a.field[f].ptr == NULL);
			continue;
		}
		bool ok = a.field[f].ptr == in.ptr + c->at[f] && a.field[f].len == c->len[f];
		CHECK(ok);
		if (!ok)
			fprintf(stderr, "big case \"%.*s\": %s at %td len %zu\n", (int)in.len, in.ptr,
				sip_auth_field_name((enum sip_auth_field)f),
				a.field[f].ptr ? a.field[f].ptr - in.ptr : -1, a.field[f].len);
	}
	CHECK_INT_EQ(a.quoted, c->quoted);
	CHECK_INT_EQ(a.nparams, 10);
	CHECK(a.has_nc && a.nc == 0x0000abc1u);
	CHECK(a.params.ptr == in.ptr + c->start && a.params.ptr + a.params.len == in.ptr + c->k);
}

static size_t big_put(char *text, size_t k, struct big_case *c, enum sip_auth_field f,
		      const char *name, const char *val, bool quoted, const char *sep)
{
	k += (size_t)sprintf(text + k, "%s%s=%s", sep, name, quoted ? "\"" : "");
	c->at[f] = k;
	c->len[f] = strlen(val);
	k += (size_t)sprintf(text + k, "%s%s", val, quoted ? "\"" : "");
	if (quoted)
		c->quoted |= 1u << f;
	return k;
}

static void test_auth_fast_big_boundary(void)
{
	static char text[512];
	char pad[96], nonce[64], nn[24];
	for (int info = 0; info < 2; info++) {
		for (size_t pl = 0; pl <= 90; pl++) {
			for (size_t nl = 0; nl <= 40; nl++) {
				for (int sp = 0; sp < 4; sp++) {
					/* sp 2 and 3: integrity-protected last, its value
					 * nl bytes, quoted for an even nl (so it starts
					 * at every distance from the end) */
					const char *sep = sp & 1 ? ", " : ",";
					bool ip_last = sp >= 2;
					char ipv[48];
					sprintf(ipv, "%.*s", (int)(ip_last ? nl : 3),
						ip_last ? "ip-assoc-pending.ip-assoc-yes.tls-pending" : "yes");
					struct big_case c = { .info = info != 0 };
					for (int f = 0; f < SIP_AUTH__COUNT; f++)
						c.len[f] = (size_t)-1;
					for (size_t i = 0; i < pl; i++)
						pad[i] = (char)('a' + i % 26);
					pad[pl] = 0;
					size_t w = 0;
					for (size_t i = 0; i < nl; i++) {
						if (nl >= 4 && i == nl / 2 && nl % 3 == 1)
							w += (size_t)sprintf(nonce + w, "\\x");
						else if (nl >= 4 && i == nl / 2 && nl % 3 == 2)
							w += (size_t)sprintf(nonce + w, "\r\n ");
						nonce[w++] = (char)("q+UU2DsZTx6pcRtl/="[i % 18]);
					}
					nonce[w] = 0;
					sprintf(nn, "%.*s", (int)(nl % 17 + 1), "AKAv1-MD5.n0+_~!%");
					size_t k = info ? 0 : (size_t)sprintf(text, "Digest ");
					c.start = k;
					k = big_put(text, k, &c, SIP_AUTH_OPAQUE, "opaque", pad, true, "");
					k = big_put(text, k, &c, SIP_AUTH_REALM, "realm", "ims.example", true, sep);
					k = big_put(text, k, &c, SIP_AUTH_NONCE, "nonce", nonce, true, sep);
					k = big_put(text, k, &c, SIP_AUTH_ALGORITHM, "algorithm", "AKAv1-MD5", false, sep);
					k = big_put(text, k, &c, SIP_AUTH_NC, "nc", "0000abc1", false, sep);
					k = big_put(text, k, &c, SIP_AUTH_QOP, "Qop", "auth", false, sep);
					k = big_put(text, k, &c, SIP_AUTH_URI, "URI", "sip:a", true, sep);
					k = big_put(text, k, &c, SIP_AUTH_NEXTNONCE, "NextNonce", nn, false, sep);
					if (!ip_last)
						k = big_put(text, k, &c, SIP_AUTH_INTEGRITY_PROTECTED,
							    "integrity-protected", ipv, true, sep);
					k = big_put(text, k, &c, SIP_AUTH_RESPONSE, "response",
						    "0123456789abcdef0123456789abcdef", true, sep);
					if (ip_last)
						k = big_put(text, k, &c, SIP_AUTH_INTEGRITY_PROTECTED,
							    "integrity-protected", ipv, nl % 2 == 0, sep);
					c.k = k;
					check_guarded(text, k, big_check, &c);
				}
			}
		}
	}
}

struct verdict_case {
	bool info;
	const char *in;
	int rc;
	int at;
	const char *field; /* the nonce (credentials) or nextnonce (info), or NULL */
};

static void verdict_check(struct slice in, const void *arg)
{
	const struct verdict_case *c = arg;
	struct sip_auth a;
	struct slice rest;
	struct sip_parse_error err = { 0 };
	int rc = c->info ? sip_auth_info_decode(&a, in, &err) : sip_auth_decode(&a, in, &rest, &err);
	if (CHECK_DECODE(rc, &err, in, c->rc, c->at) && c->field)
		CHECK_SLICE_EQ(a.field[c->info ? SIP_AUTH_NEXTNONCE : SIP_AUTH_NONCE], c->field);
}

/* What the fast path leaves to the general steps, which give the verdict:
 * escapes, folds and faults in quoted values (at every place), a quoted or
 * bad nc, duplicates, unknown names, LWS around '=' and ',', names that
 * only nearly match. */
static void test_auth_fast_fallbacks(void)
{
	static const struct verdict_case rows[] = {
		{ false, "Digest nonce=\"a\\\"b\",realm=x", 0, -1, "a\\\"b" },
		{ false, "Digest nonce=\"a\r\n b\",realm=x", 0, -1, "a\r\n b" },
		{ false, "Digest nonce=\"a\r\nb\",realm=x", -EBADMSG, 15, NULL },
		{ false, "Digest nonce=\"abc", -EBADMSG, 13, NULL },
		{ false, "Digest nonce=\"abc\\", -EBADMSG, 17, NULL },
		{ false, "Digest nonce=\"abc\"x", -EBADMSG, 18, NULL },
		{ false, "Digest nonce=\"a\",nonce=\"b\"", -EBADMSG, 17, NULL },
		{ false, "Digest nonce=\"a\",NONCE=b", -EBADMSG, 17, NULL },
		{ false, "Digest nc=\"00000001\"", 0, -1, NULL },
		{ false, "Digest nc=\"0000001\"", -EBADMSG, 11, NULL },
		{ false, "Digest nc=0000000A", -EBADMSG, 10, NULL },
		/* a quoted nc where the fast steps read 48 bytes at once (its
		 * closing quote fails auth_tab.qend's compare) */
		{ false, "Digest nc=\"00000001\",realm=\"0123456789abcdef0123456789abcdef0123456789\"", 0,
		  -1, NULL },
		{ false, "Digest nc=\"0000001\",realm=\"0123456789abcdef0123456789abcdef0123456789\"",
		  -EBADMSG, 11, NULL },
		{ false, "Digest realm=\"0123456789abcdef0123456789abcdef\",nc=\"00000001\",nonce=\"0123456789\","
			 "uri=\"0123456789abcdef0123456789abcdef\"", 0, -1, "0123456789" },
		{ false, "Digest nc=000000001", -EBADMSG, 10, NULL },
		{ false, "Digest x-y=1,X-Y=2", -EBADMSG, 13, NULL },
		{ false, "Digest nonce =\"a\", realm= x ,uri=y", 0, -1, "a" },
		{ false, "Digest nonce=\"a\" ,realm=x", 0, -1, "a" },
		{ false, "Digest nonce=\"a\",  realm=x", 0, -1, "a" },
		{ false, "Digest nonce=\"a\",\trealm=x", 0, -1, "a" },
		{ false, "Digest nonce=\"a\",\r\n realm=x", 0, -1, "a" },
		{ false, "Digest nonce=\"a\",", -EBADMSG, 17, NULL },
		{ false, "Digest nonce=\"a\", ", -EBADMSG, 18, NULL },
		{ false, "Digest nonce=\"a\",,realm=x", -EBADMSG, 17, NULL },
		{ false, "Digest nonces=\"a\",nonce=b", 0, -1, "b" },
		{ false, "Digest nonc=\"a\",nonce=b", 0, -1, "b" },
		{ false, "Digest algorithmx=1,algorithm=2,ALGORITHM=3", -EBADMSG, 32, NULL },
		{ false, "Digest integrity-protected=yes,Integrity-Protected=no", -EBADMSG, 31, NULL },
		{ false, "Digest integrity-protectedx=1,nonce=a", 0, -1, "a" },
		{ false, "Digest integrity-protecte=1,nonce=a", 0, -1, "a" },
		{ false, "Digest integrityXprotected=1,nonce=a", 0, -1, "a" },
		{ false, "Digest integrity-protected =1,nonce=a", 0, -1, "a" },
		{ false, "Digest INTEGRITY-PROTECTED=1,nonce=a,integrity-protected=2", -EBADMSG, 37, NULL },
		{ false, "Digest algorithmm=1,nonce=a,algorith=2,nextnonc=3,nextnonces=4", 0, -1, "a" },
		{ false, "Digest ALGORITHM=1,nonce=a,AlGoRiThM=2", -EBADMSG, 27, NULL },
		{ false, "Digest nextnoncE=1,nonce=a,nextnonce=2", -EBADMSG, 27, NULL },
		{ false, "Digest =1,nonce=a", -EBADMSG, 7, NULL },
		{ false, "Digest nonce=\"a\", Digest nonce=\"b\"", 0, -1, "a" },
		{ false, "Digest nonce=a=b", -EBADMSG, 14, NULL },
		{ false, "Digest nonce=<a>", -EBADMSG, 13, NULL },
		{ false, "Digest nonce=", -EBADMSG, 13, NULL },
		{ false, "Digest =a", -EBADMSG, 7, NULL },
		/* the LWS after the scheme: one SP (read without scan_lws) and
		 * every other form */
		{ false, "Digest  nonce=a", 0, -1, "a" },
		{ false, "Digest\tnonce=a", 0, -1, "a" },
		{ false, "Digest \tnonce=a", 0, -1, "a" },
		{ false, "Digest \r\n nonce=a", 0, -1, "a" },
		{ false, "Digest\r\n nonce=a", 0, -1, "a" },
		{ false, "Digest \r\nnonce=a", -EBADMSG, 7, NULL },
		{ false, "Digest ", 0, -1, NULL },
		{ false, "Digest  ", 0, -1, NULL },
		{ false, "Digest x", -EBADMSG, 8, NULL },
		{ false, "Digest =", -EBADMSG, 7, NULL },
		{ false, "Digest,nonce=a", -EBADMSG, 6, NULL },
		{ true, "nextnonce=\"n1\",qop=auth,nc=00000002", 0, -1, "n1" },
		{ true, "nextnonce=\"n1\" , qop=auth", 0, -1, "n1" },
		{ true, "qop=auth,", -EBADMSG, 9, NULL },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		check_guarded(rows[i].in, strlen(rows[i].in), verdict_check, &rows[i]);
	/* an escape, a CR, an LF and a fold at every place of a quoted value
	 * of 40 and of 70 bytes, with a short and a long tail after it (so
	 * that the fast steps read it 32 and 48 bytes at a time): the value as
	 * written, or the fault at its quote */
	for (size_t vl = 40; vl <= 70; vl += 30) {
		for (int tail = 0; tail < 2; tail++) {
			for (size_t at = 0; at < vl; at++) {
				for (int kind = 0; kind < 4; kind++) {
					static const char *const ins[] = { "\\x", "\r", "\n", "\r\n\t" };
					char in[256], want[128];
					size_t k = (size_t)sprintf(in, "Digest realm=x,nonce=\"");
					size_t w = 0;
					for (size_t i = 0; i < vl; i++) {
						if (i == at) {
							k += (size_t)sprintf(in + k, "%s", ins[kind]);
							w += (size_t)sprintf(want + w, "%s", ins[kind]);
						}
						in[k++] = (char)('a' + i % 26);
						want[w++] = (char)('a' + i % 26);
					}
					want[w] = 0;
					k += (size_t)sprintf(in + k, "\",uri=y%s",
							     tail ? ",cnonce=\"0123456789abcdef0123456789abcdef0123456789\""
								  : "");
					bool ok = kind == 0 || kind == 3;
					/* a line break that is no fold: the error is on it */
					struct verdict_case c = { false, in, ok ? 0 : -EBADMSG, ok ? -1 : (int)(22 + at),
								  ok ? want : NULL };
					check_guarded(in, k, verdict_check, &c);
				}
			}
		}
	}
}

/* nc at every byte value in every place of its eight: the value, or the
 * verdict at the nc's first byte, as a byte-by-byte reading gives them,
 * through the fast path (nc first, then a parameter) and the general steps
 * (LWS before the '='). */
static void test_auth_nc_every_byte(void)
{
	static const char base[9] = "0a1b2c3d";
	for (size_t at = 0; at < 8; at++)
		for (unsigned b = 0; b < 256; b++) {
			char nc[8];
			memcpy(nc, base, 8);
			nc[at] = (char)b;
			bool ok = true;
			uint32_t want = 0;
			for (size_t i = 0; i < 8; i++) {
				unsigned char c = (unsigned char)nc[i];
				unsigned d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : 16;
				if (d > 15)
					ok = false;
				want = want << 4 | (d & 15);
			}
			/* a byte that ends the token ends the nc early: 7 bytes */
			char in[64];
			for (int form = 0; form < 2; form++) {
				size_t k = (size_t)sprintf(in, form ? "Digest nc =" : "Digest nc=");
				size_t at0 = k;
				memcpy(in + k, nc, 8);
				k += 8;
				k += (size_t)sprintf(in + k, ",realm=\"r\"");
				struct sip_auth a;
				struct slice rest;
				struct sip_parse_error err = { 0 };
				char *g = check_guard_copy(in, k);
				int rc = sip_auth_decode(&a, slice_make(g, k), &rest, &err);
				if (ok) {
					CHECK_INT_EQ(rc, 0);
					CHECK(a.has_nc && a.nc == want);
				} else if (rc == 0) {
					/* only a byte the token reading stops at can
					 * leave a well-formed value: then the rest is
					 * not a parameter list and it is an error */
					CHECK(0);
				} else {
					CHECK(err.at != NULL);
					if (scan_is((unsigned char)b, SCAN_TOKEN))
						CHECK(err.at == g + at0);
				}
				check_guard_free(g, k);
			}
		}
}

int main(void)
{
	test_auth_nc_every_byte();
	test_auth_tables();
	test_auth_field_names_match_lookup();
	test_auth_rest_loop_decodes_both_credentials();
	test_auth_params_span_all_params();
	test_auth_captures_decode();
	test_auth_info_files_decode();
	test_auth_fast_lengths();
	test_auth_fast_fallbacks();
	test_auth_fast_big_boundary();
	return check_done();
}
