/* rules_test.c: each rule of the book fires on a message built to break it
 * and stays silent on a clean one; the seed fixtures give the findings a
 * careful engineer expects; docs/rules.md lists every rule. */
#include <stdlib.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/ims.h>
#include <imsreg/paste.h>
#include "check.h"

/* ---- clean messages: no finding at all -------------------------------- */

#define DOM "ims.mnc001.mcc262.3gppnetwork.org"
#define IMPU "sip:+491701234567@" DOM
#define IMPI "262011234567890@" DOM
#define NONCE_AKA "AQIDBAUGBwgJCgsMDQ4PEAAAAAAAoQAAESIzRFVmd4g="      /* AMF 0000 */
#define NONCE_AKA_SEP "AQIDBAUGBwgJCgsMDQ4PEAAAAAAAoYAAESIzRFVmd4g="  /* AMF 8000 */

#define PAD10 "0123456789"
#define PAD100 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10 PAD10

static const char initial_register[] =
	"REGISTER sip:" DOM " SIP/2.0\r\n"
	"Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123\r\n"
	"Max-Forwards: 70\r\n"
	"From: <" IMPU ">;tag=a1\r\n"
	"To: <" IMPU ">\r\n"
	"Call-ID: c1@2001:db8::1\r\n"
	"CSeq: 1 REGISTER\r\n"
	"Contact: <sip:[2001:db8::1]:5060>;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";"
	"+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip\r\n"
	"Expires: 600000\r\n"
	"Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\",uri=\"sip:" DOM "\","
	"nonce=\"\",response=\"\"\r\n"
	"Supported: path,sec-agree\r\n"
	"Require: sec-agree\r\n"
	"Proxy-Require: sec-agree\r\n"
	"Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;"
	"port-c=5062;port-s=5064\r\n"
	"P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n"
	"Content-Length: 0\r\n"
	"\r\n";

static const char protected_register[] =
	"REGISTER sip:" DOM " SIP/2.0\r\n"
	"Via: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bKdef456\r\n"
	"Max-Forwards: 70\r\n"
	"From: <" IMPU ">;tag=a1\r\n"
	"To: <" IMPU ">\r\n"
	"Call-ID: c1@2001:db8::1\r\n"
	"CSeq: 2 REGISTER\r\n"
	"Contact: <sip:[2001:db8::1]:5064>;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";"
	"+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip\r\n"
	"Expires: 600000\r\n"
	"Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\",uri=\"sip:" DOM "\","
	"nonce=\"" NONCE_AKA "\",algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\","
	"response=\"0123456789abcdef0123456789abcdef\"\r\n"
	"Supported: path,sec-agree\r\n"
	"Require: sec-agree\r\n"
	"Proxy-Require: sec-agree\r\n"
	"Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;"
	"port-c=5062;port-s=5064\r\n"
	"Security-Verify: ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=3333;spi-s=4444;"
	"port-c=5066;port-s=5068\r\n"
	"P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n"
	"Content-Length: 0\r\n"
	"\r\n";

static const char challenge_401[] =
	"SIP/2.0 401 Unauthorized\r\n"
	"Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123\r\n"
	"From: <" IMPU ">;tag=a1\r\n"
	"To: <" IMPU ">;tag=s1\r\n"
	"Call-ID: c1@2001:db8::1\r\n"
	"CSeq: 1 REGISTER\r\n"
	"WWW-Authenticate: Digest realm=\"" DOM "\",nonce=\"" NONCE_AKA "\","
	"algorithm=AKAv1-MD5,qop=\"auth\"\r\n"
	"Security-Server: ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=3333;spi-s=4444;"
	"port-c=5066;port-s=5068\r\n"
	"Content-Length: 0\r\n"
	"\r\n";

/* The S-CSCF's reg-event NOTIFY (RFC 3680) to the UE; no Content-Length,
 * so that a case may change the body's length. */
static const char notify_reginfo[] =
	"NOTIFY sip:+491701234567@[2001:db8::1]:5060 SIP/2.0\r\n"
	"Via: SIP/2.0/UDP [2001:db8::10]:5064;branch=z9hG4bK7f1e\r\n"
	"Max-Forwards: 69\r\n"
	"From: <" IMPU ">;tag=54\r\n"
	"To: <" IMPU ">;tag=17\r\n"
	"Call-ID: n1@2001:db8::1\r\n"
	"CSeq: 1 NOTIFY\r\n"
	"Contact: <sip:scscf." DOM ":6060>\r\n"
	"Event: reg\r\n"
	"Subscription-State: active;expires=600000\r\n"
	"Content-Type: application/reginfo+xml\r\n"
	"\r\n"
	"<?xml version=\"1.0\"?>\n"
	"<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\" version=\"0\" state=\"full\">\n"
	" <registration aor=\"" IMPU "\" id=\"a7\" state=\"active\">\n"
	"  <contact id=\"76\" state=\"active\" event=\"registered\" expires=\"600000\">\n"
	"   <uri>sip:+491701234567@[2001:db8::1]:5060</uri>\n"
	"  </contact>\n"
	" </registration>\n"
	"</reginfo>\n";

/* The UE's initial SUBSCRIBE to its reg event (TS 24.229 §5.1.1.3). */
static const char ue_subscribe_reg[] =
	"SUBSCRIBE " IMPU " SIP/2.0\r\n"
	"Via: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bKsub1\r\n"
	"Max-Forwards: 70\r\n"
	"From: <" IMPU ">;tag=s1\r\n"
	"To: <" IMPU ">\r\n"
	"Call-ID: s1@2001:db8::1\r\n"
	"CSeq: 1 SUBSCRIBE\r\n"
	"Contact: <sip:[2001:db8::1]:5064>\r\n"
	"Event: reg\r\n"
	"Expires: 600000\r\n"
	"Accept: application/reginfo+xml\r\n"
	"Content-Length: 0\r\n"
	"\r\n";

static const char ok_200[] =
	"SIP/2.0 200 OK\r\n"
	"Via: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bKdef456\r\n"
	"From: <" IMPU ">;tag=a1\r\n"
	"To: <" IMPU ">;tag=s2\r\n"
	"Call-ID: c1@2001:db8::1\r\n"
	"CSeq: 2 REGISTER\r\n"
	"Path: <sip:term@pcscf." DOM ";lr>\r\n"
	"Service-Route: <sip:orig@scscf." DOM ";lr>\r\n"
	"P-Associated-URI: <" IMPU ">, <tel:+491701234567>\r\n"
	"Contact: <sip:[2001:db8::1]:5064>;expires=600000;"
	"+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"\r\n"
	"Content-Length: 0\r\n"
	"\r\n";

/* A third-party REGISTER (TS 24.229 §5.4.1.7): the S-CSCF tells an AS that
 * the IMPU registered, with the REGISTER it received (forwarded by the
 * P-CSCF and I-CSCF) and its 200 carried as message/sip (RFC 5621). */
#define TP_CARRIED_REGISTER \
	"REGISTER sip:" DOM " SIP/2.0\r\n" \
	"Via: SIP/2.0/UDP icscf." DOM ";branch=z9hG4bKi1\r\n" \
	"Via: SIP/2.0/UDP pcscf." DOM ";branch=z9hG4bKp1\r\n" \
	"Via: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bKdef456\r\n" \
	"Max-Forwards: 68\r\n" \
	"Path: <sip:term@pcscf." DOM ";lr>\r\n" \
	"From: <" IMPU ">;tag=a1\r\n" \
	"To: <" IMPU ">\r\n" \
	"Call-ID: c1@2001:db8::1\r\n" \
	"CSeq: 2 REGISTER\r\n" \
	"Contact: <sip:[2001:db8::1]:5064>;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";" \
	"+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip\r\n" \
	"Expires: 600000\r\n" \
	"Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\",uri=\"sip:" DOM "\"," \
	"nonce=\"" NONCE_AKA "\",algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\"," \
	"response=\"0123456789abcdef0123456789abcdef\",integrity-protected=\"yes\"\r\n" \
	"Supported: path\r\n" \
	"P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n" \
	"Content-Length: 0\r\n" \
	"\r\n"
#define TP_CARRIED_200 \
	"SIP/2.0 200 OK\r\n" \
	"Via: SIP/2.0/UDP icscf." DOM ";branch=z9hG4bKi1\r\n" \
	"Via: SIP/2.0/UDP pcscf." DOM ";branch=z9hG4bKp1\r\n" \
	"Via: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bKdef456\r\n" \
	"From: <" IMPU ">;tag=a1\r\n" \
	"To: <" IMPU ">;tag=s2\r\n" \
	"Call-ID: c1@2001:db8::1\r\n" \
	"CSeq: 2 REGISTER\r\n" \
	"Path: <sip:term@pcscf." DOM ";lr>\r\n" \
	"Service-Route: <sip:orig@scscf." DOM ";lr>\r\n" \
	"P-Associated-URI: <" IMPU ">, <tel:+491701234567>\r\n" \
	"Contact: <sip:[2001:db8::1]:5064>;expires=600000;" \
	"+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"\r\n" \
	"Content-Length: 0\r\n" \
	"\r\n"

static const char third_party_register[] =
	"REGISTER sip:mmtel-as." DOM " SIP/2.0\r\n"
	"Via: SIP/2.0/TCP scscf." DOM ":6060;branch=z9hG4bKtp1\r\n"
	"Max-Forwards: 70\r\n"
	"From: <sip:scscf." DOM ">;tag=tp1\r\n"
	"To: <" IMPU ">\r\n"
	"Call-ID: tp1@scscf." DOM "\r\n"
	"CSeq: 1 REGISTER\r\n"
	"Contact: <sip:scscf." DOM ":6060>\r\n"
	"Expires: 600000\r\n"
	"P-Charging-Vector: icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=\"\r\n"
	"Content-Type: multipart/mixed;boundary=tp-b1\r\n"
	"Content-Length: 2112\r\n"
	"\r\n"
	"--tp-b1\r\n"
	"Content-Type: application/3gpp-ims+xml\r\n"
	"\r\n"
	"<ims-3gpp version=\"1\"><service-info>gold</service-info></ims-3gpp>\r\n"
	"--tp-b1\r\n"
	"Content-Type: message/sip\r\n"
	"\r\n"
	TP_CARRIED_REGISTER
	"\r\n--tp-b1\r\n"
	"Content-Type: message/sip\r\n"
	"\r\n"
	TP_CARRIED_200
	"\r\n--tp-b1--\r\n";

/* The same, as a real S-CSCF often sends it: no body, its Contact an
 * address (the filter criteria ask for nothing to be included). */
static const char third_party_bare[] =
	"REGISTER sip:ipsmgw." DOM " SIP/2.0\r\n"
	"Via: SIP/2.0/UDP 10.29.40.140:5061;branch=z9hG4bKtp2\r\n"
	"Max-Forwards: 70\r\n"
	"From: <sip:scscf." DOM ">;tag=151\r\n"
	"To: <" IMPU ">\r\n"
	"Call-ID: tp2@10.29.40.140\r\n"
	"CSeq: 1 REGISTER\r\n"
	"Contact: <sip:10.29.40.140:5061>\r\n"
	"Expires: 600000\r\n"
	"Content-Length: 0\r\n"
	"\r\n";

/* ---- running the book ------------------------------------------------- */

#define MAX_FINDINGS 64

struct findings {
	size_t n;
	struct ims_finding f[MAX_FINDINGS];
};

static void collect_cb(const struct ims_finding *f, void *arg)
{
	struct findings *fs = arg;
	/* every message whole: none cut at the size of the array */
	if (strlen(f->message) + 1 >= sizeof f->message)
		fprintf(stderr, "%s: message cut: %s\n", f->id, f->message);
	CHECK(strlen(f->message) + 1 < sizeof f->message);
	if (fs->n < MAX_FINDINGS)
		fs->f[fs->n++] = *f;
}

static void print_findings(const char *what, const struct findings *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		fprintf(stderr, "  %s: [%s] %s @%zu: %s\n", what,
			ims_severity_name(fs->f[i].severity), fs->f[i].id, fs->f[i].offset,
			fs->f[i].message);
}

/* Parses text (wire form) and runs the book: the number of findings, or -1
 * when the message does not parse. */
static int run(const char *text, size_t len, struct findings *fs)
{
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;
	memset(fs, 0, sizeof *fs);
	sip_msg_init(&msg, hdrs, 64);
	if (sip_msg_parse(&msg, text, len, SIP_PARSE_LENIENT, &err) < 0) {
		fprintf(stderr, "  parse failed: %s at %zu\n", err.reason ? err.reason : "?",
			err.offset);
		return -1;
	}
	int n = ims_rules_check(&msg, collect_cb, fs);
	/* every finding names a rule of the book, with its severity and ref */
	size_t nrules;
	const struct ims_rule_info *rules = ims_rules_list(&nrules);
	for (size_t i = 0; i < fs->n; i++) {
		bool known = false;
		for (size_t r = 0; r < nrules; r++)
			if (strcmp(rules[r].id, fs->f[i].id) == 0 &&
			    rules[r].severity == fs->f[i].severity &&
			    strcmp(rules[r].ref, fs->f[i].ref) == 0)
				known = true;
		CHECK(known);
		CHECK(fs->f[i].offset < len);
		CHECK(strlen(fs->f[i].message) > 20);
		/* within a rule, findings come in message order */
		if (i > 0 && strcmp(fs->f[i - 1].id, fs->f[i].id) == 0)
			CHECK(fs->f[i - 1].offset <= fs->f[i].offset);
		/* a message that fills the buffer was cut short */
		CHECK(strlen(fs->f[i].message) < sizeof fs->f[i].message - 1);
	}
	return n;
}

static const struct ims_finding *find(const struct findings *fs, const char *id)
{
	for (size_t i = 0; i < fs->n; i++)
		if (strcmp(fs->f[i].id, id) == 0)
			return &fs->f[i];
	return NULL;
}

/* base with the first occurrence of old replaced by new (malloc'd). */
static char *mutate(const char *base, const char *old, const char *new_text, size_t *len)
{
	const char *at = strstr(base, old);
	if (!at)
		return NULL;
	size_t bl = strlen(base), ol = strlen(old), nl = strlen(new_text);
	char *out = malloc(bl - ol + nl + 1);
	if (!out)
		return NULL;
	memcpy(out, base, (size_t)(at - base));
	memcpy(out + (at - base), new_text, nl);
	memcpy(out + (at - base) + nl, at + ol, bl - (size_t)(at - base) - ol + 1);
	*len = bl - ol + nl;
	return out;
}

static void test_clean_messages_have_no_finding_but_the_check_digit(void)
{
	static const struct {
		const char *name;
		const char *text;
	} clean[] = {
		{ "initial REGISTER", initial_register },
		{ "protected REGISTER", protected_register },
		{ "401", challenge_401 },
		{ "200", ok_200 },
	};
	for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
		struct findings fs;
		int n = run(clean[i].text, strlen(clean[i].text), &fs);
		CHECK(n >= 0);
		/* the only remark on a clean message: where its IMEI's check digit is */
		size_t other = 0;
		for (size_t k = 0; k < fs.n; k++)
			if (strcmp(fs.f[k].id, "rfc7254.imei.check-digit") != 0)
				other++;
		if (other) {
			fprintf(stderr, "clean %s:\n", clean[i].name);
			print_findings(clean[i].name, &fs);
		}
		CHECK_INT_EQ(other, 0);
	}
}

/* Each case breaks one thing in a clean message; the rule must fire, and
 * its finding must point into the changed text (at_part, when given). */
static const struct {
	const char *base;
	const char *old;
	const char *new_text;
	const char *rule;
	const char *at_part; /* the finding's offset points at this text, or NULL */
} cases[] = {
	/* RFC 3261 structure */
	{ initial_register, "Max-Forwards: 70\r\n", "", "rfc3261.msg.mandatory-header", NULL },
	{ initial_register, "Call-ID: c1@2001:db8::1\r\n", "", "rfc3261.msg.mandatory-header", NULL },
	{ ok_200, "CSeq: 2 REGISTER\r\n", "CSeq: 2 REGISTER\r\nCSeq: 3 REGISTER\r\n",
	  "rfc3261.msg.single-header-repeated", "CSeq: 3" },
	{ initial_register, "Via: SIP/2.0/UDP [2001:db8::1]:5060;",
	  "Via: SIP/2.0/ [2001:db8::1]:5060;", "rfc3261.msg.header-syntax", NULL },
	{ initial_register, "CSeq: 1 REGISTER", "CSeq: x REGISTER", "rfc3261.msg.header-syntax",
	  NULL },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nUser-Agent: PJSUA v2.5.5 Linux-4.8.0.27/x86_64/glibc-2.24\r\n",
	  "rfc3261.msg.header-syntax-informational", NULL },
	{ initial_register, "Expires: 600000\r\n", "Expires: 600000\r\nExpires: 600000\r\n",
	  "rfc3261.msg.single-header-repeated", NULL },
	{ initial_register, "nonce=\"\",response=\"\"\r\n",
	  "nonce=\"\",response=\"\", Digest username=\"second@" DOM "\",realm=\"" DOM "\","
	  "uri=\"sip:" DOM "\",nonce=\"\",response=\"\"\r\n", "rfc3261.msg.comma-combined",
	  "Digest username=\"second" },
	{ initial_register, "Expires: 600000", "Expires: 600000, 3600",
	  "rfc3261.msg.comma-combined", "3600" },
	{ initial_register, "Content-Length: 0", "Content-Length: 5",
	  "rfc3261.msg.content-length", "5\r\n" },
	/* text that is not UTF-8: a Latin-1 display name, a Windows-1252
	 * comment, an extension header's value, a reason phrase */
	{ initial_register, "From: <", "From: \"Jos\xe9\" <", "rfc3261.msg.utf8", "\xe9\"" },
	{ initial_register, "Expires: 600000\r\n", "Expires: 600000\r\nUser-Agent: Acme/1 (\x93" "beta\x94)\r\n",
	  "rfc3261.msg.utf8", "\x93" "beta" },
	{ initial_register, "Expires: 600000\r\n", "Expires: 600000\r\nX-Site: M\xc3\xbcnchen \xc3\r\n",
	  "rfc3261.msg.utf8", "\xc3\r\n" },
	{ challenge_401, "401 Unauthorized", "401 Nicht autorisiert \xfc", "rfc3261.msg.utf8", "\xfc" },
	/* 1,300 bytes and more over UDP (the clean REGISTER is about 900) */
	{ initial_register, "Expires: 600000\r\n", "Expires: 600000\r\nX-Pad: " PAD100 PAD100 PAD100 PAD100 "\r\n",
	  "rfc3261.transport.udp-size", "UDP [" },
	{ initial_register, "branch=z9hG4bKabc123", "branch=abc123", "rfc3261.via.branch-cookie",
	  "abc123" },
	{ initial_register, "branch=z9hG4bKabc123", "branch=Z9HG4BKabc123",
	  "rfc3261.via.branch-cookie", "Z9HG4BK" },
	{ initial_register, "CSeq: 1 REGISTER", "CSeq: 1 INVITE", "rfc3261.cseq.method-range",
	  "INVITE" },
	{ initial_register, "CSeq: 1 REGISTER", "CSeq: 2147483648 REGISTER",
	  "rfc3261.cseq.method-range", NULL },
	/* 2026-11-21 is a Saturday, 2024-02-29 a Thursday, 1900-03-01 (no
	 * 29 February before it) a Thursday */
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nDate: Mon, 21 Nov 2026 18:56:00 GMT\r\n", "rfc3261.date.weekday",
	  "Mon, 21" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nDate: Fri, 29 Feb 2024 00:00:00 GMT\r\n", "rfc3261.date.weekday",
	  "Fri, 29" },
	/* REGISTER construction */
	{ initial_register, "REGISTER sip:" DOM " SIP", "REGISTER sip:user@" DOM " SIP",
	  "rfc3261.register.ruri-userinfo", "user@" },
	{ initial_register, "REGISTER sip:" DOM " SIP", "REGISTER tel:+4930123 SIP",
	  "rfc3261.register.ruri-scheme", NULL },
	{ initial_register, "To: <" IMPU ">", "To: <sip:" DOM ">", "rfc3261.register.to-aor",
	  NULL },
	{ initial_register, "To: <" IMPU ">", "To: <urn:service:sos>", "rfc3261.register.to-aor",
	  NULL },
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>;", "Contact: *\r\nX-C: <sip:a>;",
	  "rfc3261.register.contact-star", "*" },
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>;", "X-Gone: <sip:a>;",
	  "rfc3261.register.no-contact", NULL },
	{ initial_register, "Expires: 600000", "Expires: 0", "rfc3261.register.unregister",
	  "0\r\nAuthorization" },
	{ initial_register, "+g.3gpp.smsip\r\n", "+g.3gpp.smsip;expires=0\r\n",
	  "rfc3261.register.unregister", NULL },
	{ initial_register, "+g.3gpp.smsip\r\n", "+g.3gpp.smsip;expires=3600\r\n",
	  "rfc3261.register.contact-expires", "3600" },
	/* responses */
	{ challenge_401, "WWW-Authenticate:", "X-WWW-Authenticate:", "rfc3261.response.401-challenge",
	  NULL },
	{ challenge_401, "qop=\"auth\"", "qop=\"auth\",ck=\"00112233445566778899aabbccddeeff\"",
	  "ts24229.response.401-aka", "00112233" },
	{ challenge_401, "nonce=\"" NONCE_AKA "\"", "nonce=\"AQIDBAUGBwgJCgsMDQ4PEA==\"",
	  "ts24229.response.401-aka", "AQIDBAUG" },
	{ challenge_401, "Security-Server:", "X-Security-Server:",
	  "ts24229.response.401-security-server", NULL },
	{ ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000;",
	  "Contact: <sip:[2001:db8::1]:5064>;", "rfc3261.response.200-bindings", NULL },
	{ ok_200, "Contact:", "X-Contact:", "rfc3261.response.200-bindings", NULL },
	{ ok_200, "Service-Route:", "X-Service-Route:", "ts24229.response.200-contents", NULL },
	{ ok_200, "P-Associated-URI:", "X-Associated-URI:", "ts24229.response.200-contents", NULL },
	{ ok_200, "Path:", "X-Path:", "ts24229.response.200-contents", NULL },
	/* TS 24.229 REGISTER contents */
	{ initial_register, "Authorization:", "X-Authorization:", "ts24229.register.authorization",
	  NULL },
	{ initial_register, "nonce=\"\",", "", "ts24229.register.authorization-fields", NULL },
	{ initial_register, "uri=\"sip:" DOM "\"", "uri=\"sip:other." DOM "\"",
	  "rfc3261.auth.uri-ruri", "sip:other" },
	{ initial_register, "realm=\"" DOM "\"", "realm=\"TestIMS.com\"",
	  "ts24229.register.realm-home-domain", "TestIMS.com" },
	{ initial_register, "REGISTER sip:" DOM " SIP", "REGISTER sip:test.3gpp.com SIP",
	  "ts24229.register.ruri-home-domain", "test.3gpp.com" },
	{ initial_register, "From: <" IMPU ">", "From: <sip:+491709999999@" DOM ">",
	  "ts24229.register.from-to", "sip:+49170999" },
	/* From and To compared as URIs (RFC 3261 §19.1.4): user=phone in one only */
	{ initial_register, "From: <" IMPU ">", "From: <" IMPU ";user=phone>",
	  "ts24229.register.from-to", IMPU ";user=phone" },
	{ initial_register, "username=\"" IMPI "\"", "username=\"262011234567890\"",
	  "ts23003.impi.nai", "262011234567890\"" },
	{ initial_register, "username=\"" IMPI "\"", "username=\"sip:" IMPI "\"",
	  "ts23003.impi.nai", "sip:2620" },
	{ initial_register, "username=\"" IMPI "\"",
	  "username=\"262011234567890@ims.mnc002.mcc262.3gppnetwork.org\"",
	  "ts23003.identity.imsi-domain", "ims.mnc002" },
	{ initial_register, "REGISTER sip:" DOM " SIP", "REGISTER sip:ims.mnc01.mcc262.3gppnetwork.org SIP",
	  "ts23003.identity.domain-format", "ims.mnc01.mcc262" },
	{ initial_register, "username=\"" IMPI "\"", "username=\"262011234567890@operator.de\"",
	  "ts23003.impi.derived-realm", "operator.de" },
	{ initial_register, "To: <" IMPU ">", "To: <sip:262011234567890@" DOM ">",
	  "ts23003.impu.temporary", NULL },
	{ initial_register, "username=\"" IMPI "\"", "username=\"001010123456789@" DOM "\"",
	  "ts23003.imsi.test-plmn", "001010123456789" },
	{ initial_register, "username=\"" IMPI "\"", "username=\"262011234567890@operator.de\"",
	  "ims.identity.impi-impu-domain", "operator.de" },
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>", 
	  "Contact: <sip:262011234567890@[2001:db8::1]:5060>", "ims.identity.contact-imsi",
	  NULL },
	{ protected_register, "Contact: <sip:[2001:db8::1]:5064>", "Contact: <sip:[2001:db8::1]:5060>",
	  "ts24229.register.protected-ports", "[2001:db8::1]:5060>" },
	{ protected_register, "[2001:db8::1]:5064;branch", "[2001:db8::1]:5060;branch",
	  "ts24229.register.protected-ports", "[2001:db8::1]:5060;branch" },
	{ initial_register, "Expires: 600000", "Expires: 3600", "ts24229.register.expires-600000",
	  "3600" },
	{ initial_register, "Expires: 600000\r\n", "", "ts24229.register.expires-600000", NULL },
	/* a normal contact beside an emergency one is still asked for 600000 */
	{ initial_register, "Expires: 600000", "Contact: <sip:[2001:db8::1]:5062;sos>\r\nExpires: 3600",
	  "ts24229.register.expires-600000", "3600" },
	/* RFC 6665: Event in SUBSCRIBE and NOTIFY, Subscription-State in NOTIFY */
	{ notify_reginfo, "Event: reg\r\n", "", "rfc6665.event.headers", NULL },
	{ notify_reginfo, "Subscription-State: active;expires=600000\r\n", "", "rfc6665.event.headers",
	  NULL },
	{ ue_subscribe_reg, "Event: reg\r\n", "", "rfc6665.event.headers", NULL },
	/* an emergency registration (sos in the Contact URI): said, with its
	 * contact; its 200 says what was granted; its removal */
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>", "Contact: <sip:[2001:db8::1]:5060;sos>",
	  "ts24229.register.emergency", "sip:[2001:db8::1]:5060;sos" },
	{ ok_200, "Contact: <sip:[2001:db8::1]:5064>", "Contact: <sip:[2001:db8::1]:5064;SOS>",
	  "ts24229.register.emergency", "sip:[2001:db8::1]:5064;SOS" },
	{ initial_register, "Supported: path,sec-agree", "Supported: sec-agree",
	  "ts24229.register.supported-path", NULL },
	{ initial_register, "Proxy-Require: sec-agree\r\n", "",
	  "ts24229.register.sec-agree", NULL },
	{ initial_register, "Require: sec-agree\r\nProxy", "Require: 100rel\r\nProxy",
	  "ts24229.register.sec-agree", NULL },
	{ initial_register, "Security-Client:", "X-Security-Client:", "ts24229.register.sec-agree",
	  NULL },
	{ initial_register, "spi-s=2222;", "", "ts33203.security.ipsec-params", NULL },
	{ initial_register, "alg=hmac-sha-1-96", "alg=hmac-sha-256", "ts33203.security.ipsec-params",
	  "hmac-sha-256" },
	{ initial_register, "ealg=aes-cbc", "ealg=aes-ctr", "ts33203.security.ipsec-params",
	  "aes-ctr" },
	{ initial_register, "port-s=5064", "port-s=5062", "ts33203.security.ipsec-params", NULL },
	{ challenge_401, "port-c=5066;", "", "ts33203.security.ipsec-params", NULL },
	{ protected_register, "Security-Verify:", "X-Security-Verify:", "ts33203.security.verify",
	  NULL },
	{ protected_register, "spi-c=3333;spi-s=4444;port-c=5066;port-s=5068",
	  "spi-c=1111;spi-s=2222;port-c=5062;port-s=5064", "ts33203.security.verify", NULL },
	{ initial_register, "P-Access-Network-Info:", "X-Access-Network-Info:",
	  "ts24229.register.pani-present", NULL },
	{ initial_register, "utran-cell-id-3gpp=26201001A2B3C4D0",
	  "utran-cell-id-3gpp=26201001A2B3C4D", "ts24229.pani.cell-id", "26201001A2B3C4D\r" },
	{ initial_register, "utran-cell-id-3gpp=26201001A2B3C4D0",
	  "utran-cell-id-3gpp=0000054200000000", "ts24229.pani.placeholder-cell", "00000542" },
	/* the second access-net-spec of one header (TS 24.229 §7.2A.4) is
	 * checked as the first is */
	{ initial_register, "utran-cell-id-3gpp=26201001A2B3C4D0",
	  "utran-cell-id-3gpp=26201001A2B3C4D0, 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D",
	  "ts24229.pani.cell-id", "26201001A2B3C4D\r" },
	{ initial_register, "utran-cell-id-3gpp=26201001A2B3C4D0",
	  "utran-cell-id-3gpp=26201001A2B3C4D0,3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0000054200000000;"
	  "network-provided", "ts24229.pani.placeholder-cell", "00000542" },
	{ initial_register, "utran-cell-id-3gpp=26201001A2B3C4D0",
	  "utran-cell-id-3gpp=26201001A2B3C4D0, 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=31048001A2B3C4D0",
	  "ts24229.pani.plmn-vs-imsi", "31048001" },
	/* P-Charging-Vector's bearer list (TS 24.229 §7.2A.5) */
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nP-Charging-Vector: icid-value=1;pdngw=192.0.2.50;"
	  "eps-info=\"eps-item=1;eps-sig=perhaps;ecid=39B26CD7\"\r\n",
	  "ts24229.pcv.access-charging", "eps-info=" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nP-Charging-Vector: icid-value=1;ggsn=192.0.2.1;auth-token=1;"
	  "pdp-info=\"pdp-item=1;pdp-sig=no;gcid=XYZ;flow-id=({1,1})\"\r\n",
	  "ts24229.pcv.access-charging", "pdp-info=" },
	/* Cellular-Network-Info (TS 24.229 §7.2.15) beside a Wi-Fi PANI */
#define WIFI_PANI "P-Access-Network-Info: IEEE-802.11;i-wlan-node-id=0011223344ff\r\n"
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "Cellular-Network-Info: IEEE-802.11;i-wlan-node-id=0011223344ff\r\n",
	  "ts24229.cni.syntax", "IEEE-802.11;i-wlan-node-id=0011223344ff\r\nContent" },
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "Cellular-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0;"
	  "cell-info-age=-1\r\n", "ts24229.cni.syntax", "-1\r\n" },
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "Cellular-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0, "
	  "3GPP-NR-FDD\r\n", "ts24229.cni.syntax", ", 3GPP-NR-FDD" },
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "Cellular-Network-Info: 3GPP-NR-FDD;utran-cell-id-3gpp=26201001A2B3C4D0;"
	  "cell-info-age=5\r\n", "ts24229.cni.cell-id", "26201001A2B3C4D0;" },
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "cellular-network-info: 3GPP-E-UTRAN-TDD;cell-info-age=5\r\n",
	  "ts24229.cni.cell-id", "3GPP-E-UTRAN-TDD;cell" },
	{ initial_register, "Content-Length: 0",
	  "Cellular-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0;"
	  "cell-info-age=60\r\nContent-Length: 0", "ts24229.cni.on-cellular", NULL },
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n", WIFI_PANI, "ts24229.cni.absent-on-wlan",
	  "IEEE-802.11;" },
	/* the UE's SUBSCRIBE to its reg event (TS 24.229 §5.1.1.3) */
	{ ue_subscribe_reg, "SUBSCRIBE " IMPU " SIP", "SUBSCRIBE sip:" DOM " SIP",
	  "ts24229.subscribe.reg-target", "sip:" DOM " SIP" },
	{ ue_subscribe_reg, "From: <" IMPU ">;tag=s1\r\nTo: <" IMPU ">",
	  "From: <tel:+491701234567>;tag=s1\r\nTo: <tel:+491701234567>", "ts24229.subscribe.reg-target",
	  "tel:+491701234567>\r\nCall" },
	{ ue_subscribe_reg, "Expires: 600000", "Expires: 3600", "ts24229.subscribe.reg-expires",
	  "3600" },
	{ ue_subscribe_reg, "Expires: 600000\r\n", "", "ts24229.subscribe.reg-expires", NULL },
	/* the reg-event state of a NOTIFY (RFC 3680) */
	{ notify_reginfo, "event=\"registered\"", "event=\"gone\"", "rfc3680.reginfo.syntax",
	  "  <contact id=\"76\"" },
	{ notify_reginfo, " version=\"0\"", "", "rfc3680.reginfo.syntax", "<reginfo xmlns" },
	{ notify_reginfo, "</reginfo>\n", "", "rfc3680.reginfo.syntax", NULL },
	{ notify_reginfo, "urn:ietf:params:xml:ns:reginfo", "urn:ietf:params:xml:ns:pidf",
	  "rfc3680.reginfo.syntax", "<reginfo xmlns" },
	{ notify_reginfo, "state=\"active\" event=\"registered\" expires=\"600000\"",
	  "state=\"terminated\" event=\"deactivated\"", "rfc3680.reginfo.removed", "  <contact id" },
	{ notify_reginfo, "state=\"active\" event=\"registered\" expires=\"600000\"",
	  "state=\"terminated\" event=\"probation\" retry-after=\"60\"", "rfc3680.reginfo.removed",
	  "  <contact id" },
	{ notify_reginfo, "state=\"active\" event=\"registered\" expires=\"600000\"",
	  "state=\"terminated\" event=\"expired\"", "rfc3680.reginfo.removed", "  <contact id" },
	/* IR.92 / RFC 5626 / RFC 7254 */
	{ initial_register, "+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";", "",
	  "ir92.contact.instance", NULL },
	{ initial_register, "urn:gsma:imei:35425006-000655-0", "urn:gsma:imei:3542500-000655-0",
	  "rfc5626.contact.instance-urn", NULL },
	{ initial_register, "urn:gsma:imei:35425006-000655-0", "urn:gsma:imei:35425006-000655-1",
	  "rfc7254.imei.spare-digit", NULL },
	{ initial_register, "urn:gsma:imei:35425006-000655-0",
	  "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "ir92.contact.instance-imei", NULL },
	{ initial_register, "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";", "",
	  "ir92.contact.mmtel-icsi", NULL },
	/* a URN that only contains the MMTel one is not the MMTel ICSI */
	{ initial_register, "ims.icsi.mmtel\"", "ims.icsi.mmtelephony\"", "ir92.contact.mmtel-icsi",
	  NULL },
	{ initial_register, "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel",
	  "urn%3Aurn-7%3Ax-3gpp-service.ims.icsi.mmtel", "ir92.contact.mmtel-icsi", NULL },
	{ initial_register, ";+g.3gpp.smsip\r\n", ";+g.3gpp.csi.smsip\r\n",
	  "ir92.contact.smsip-misspelt", "+g.3gpp.csi.smsip" },
	{ initial_register, ";+g.3gpp.smsip\r\n", "\r\n", "ir92.contact.smsip", NULL },
	/* digest and AKA */
	{ protected_register, "qop=auth,", "", "rfc7616.digest.qop-fields", NULL },
	{ protected_register, "nc=00000001,cnonce=\"c0ffee\",", "",
	  "rfc7616.digest.qop-fields", NULL },
	{ protected_register, "nc=00000001", "nc=00000003", "rfc7616.digest.nc", "00000003" },
	{ protected_register, "nc=00000001", "nc=00000000", "rfc7616.digest.nc-value", "00000000" },
	{ protected_register, "nonce=\"" NONCE_AKA "\"", "nonce=\"AQIDBAUGBwgJCgsMDQ4PEA==\"",
	  "rfc3310.aka.nonce", "AQIDBAUG" },
	{ protected_register, "nonce=\"" NONCE_AKA "\"", "nonce=\"" NONCE_AKA_SEP "\"",
	  "ts33102.aka.amf-separation", NULL },
	{ protected_register, "algorithm=AKAv1-MD5,", "", "rfc3310.aka.algorithm", NULL },
	{ protected_register, "response=\"0123456789abcdef0123456789abcdef\"",
	  "response=\"0123456789abcdef\"", "rfc7616.digest.response", "0123456789abcdef\"" },
	{ protected_register, "algorithm=AKAv1-MD5", "algorithm=SHA-256",
	  "rfc7616.digest.response", "0123456789abcdef0123456789abcdef\"" },
	{ protected_register, "qop=auth,", "auts=\"AAECAwQFBgcICQoLDA0=\",qop=auth,",
	  "rfc3310.aka.auts", "AAECAwQF" },
	{ protected_register, "response=\"0123456789abcdef0123456789abcdef\"", "response=\"\"",
	  "ts24229.aka.mac-failure", "\"\r\nSupported" },
	/* Digest quoting (RFC 3261 §25.1): the finding points at the first
	 * parameter written the wrong way, at its opening quote when quoted */
	{ protected_register, "realm=\"" DOM "\"", "realm=" DOM, "rfc3261.digest.quoting",
	  DOM ",uri=" },
	{ protected_register, "nc=00000001", "nc=\"00000001\"", "rfc3261.digest.quoting",
	  "\"00000001\"" },
	{ protected_register, "algorithm=AKAv1-MD5,qop=auth", "algorithm=\"AKAv1-MD5\",qop=\"auth\"",
	  "rfc3261.digest.quoting", "\"AKAv1-MD5\"" },
	{ protected_register, "cnonce=\"c0ffee\"", "cnonce=c0ffee", "rfc3261.digest.quoting",
	  "c0ffee," },
	{ protected_register, "qop=auth,", "auts=AAECAwQFBgcICQoLDA0,qop=auth,",
	  "rfc3261.digest.quoting", "AAECAwQF" },
	{ challenge_401, "qop=\"auth\"", "qop=auth", "rfc3261.digest.quoting", "auth\r\n" },
	{ challenge_401, "algorithm=AKAv1-MD5,", "algorithm=AKAv1-MD5,stale=\"true\",",
	  "rfc3261.digest.quoting", "\"true\"" },
	/* (a bare base64 nonce with its '=' padding is no token at all: that
	 * is rfc3261.msg.header-syntax's) */
	{ challenge_401, "nonce=\"" NONCE_AKA "\"", "nonce=AQIDBAUGBwgJCgsMDQ4PEA",
	  "rfc3261.digest.quoting", "AQIDBAUGBwgJCgsMDQ4PEA," },
	{ ok_200, "Content-Length: 0\r\n", "Authentication-Info: nextnonce=abc,qop=auth,"
	  "rspauth=\"0123\",nc=00000001\r\nContent-Length: 0\r\n", "rfc3261.digest.quoting",
	  "abc,qop" },
	{ ok_200, "Content-Length: 0\r\n", "Authentication-Info: nextnonce=\"abc\",qop=\"auth\","
	  "rspauth=\"0123\"\r\nContent-Length: 0\r\n", "rfc3261.digest.quoting", "\"auth\"" },
	/* the second challenge of a comma-combined field is judged too */
	{ challenge_401, "qop=\"auth\"\r\n", "qop=\"auth\", Digest realm=" DOM ",nonce=\"x\"\r\n",
	  "rfc3261.digest.quoting", DOM ",nonce=\"x" },
	/* more an engineer points out */
	{ initial_register, "Expires: 600000", "Expires: 600000", "rfc7254.imei.check-digit",
	  "<urn:gsma:imei:35425006" },
	{ initial_register, "Expires: 600000", "Expires: 0", "ts24229.register.dereg-unprotected",
	  NULL },
	{ initial_register, "utran-cell-id-3gpp=26201001A2B3C4D0",
	  "utran-cell-id-3gpp=31048001A2B3C4D0", "ts24229.pani.plmn-vs-imsi", "31048001" },
	{ initial_register, ";+g.3gpp.smsip\r\n", ";+g.3gpp.smsip;reg-id=1\r\n",
	  "rfc5626.contact.reg-id", "reg-id=1" },
	/* RFC 5627 §3.1: the GRUUs a 200 hands out */
	{ ok_200, "-000655-0>\"\r\n", "-000655-0>\";pub-gruu=\"" IMPU ";gr=urn:gsma:imei:35425006-000655-1\"\r\n",
	  "rfc5627.contact.gruu", "urn:gsma:imei:35425006-000655-1\"" },
	{ ok_200, "-000655-0>\"\r\n", "-000655-0>\";pub-gruu=\"sip:+491700000000@" DOM
	  ";gr=urn:gsma:imei:35425006-000655-0\"\r\n", "rfc5627.contact.gruu", "sip:+491700000000@" },
	{ ok_200, "-000655-0>\"\r\n", "-000655-0>\";pub-gruu=\"" IMPU "\"\r\n",
	  "rfc5627.contact.gruu", IMPU "\"" },
	{ ok_200, "-000655-0>\"\r\n", "-000655-0>\";temp-gruu=\"sip:tgruu.7hs==jd7vnz@" DOM "\"\r\n",
	  "rfc5627.contact.gruu", "sip:tgruu.7hs" },
	{ initial_register, "Expires: 600000\r\n", "Expires: 600000\r\nRoute: <sip:[2001:db8::2]:5060>\r\n",
	  "rfc3261.route.lr", "sip:[2001:db8::2]" },
	/* RFC 3261 §19.1.1: a URI parameter name given twice (any case, an
	 * escaped byte the byte itself), in each place the book reads a URI */
	{ initial_register, "REGISTER sip:" DOM " SIP/2.0", "REGISTER sip:" DOM ";a;A SIP/2.0",
	  "rfc3261.uri.param-repeated", "A SIP/2.0" },
	{ initial_register, "From: <" IMPU ">", "From: <" IMPU ";x;y;x>", "rfc3261.uri.param-repeated",
	  "x>;tag=a1" },
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>",
	  "Contact: <sip:[2001:db8::1]:5060;ob;o%62>", "rfc3261.uri.param-repeated", "o%62>" },
	{ ok_200, "Path: <sip:term@pcscf." DOM ";lr>", "Path: <sip:term@pcscf." DOM ";lr;x=1;X=2>",
	  "rfc3261.uri.param-repeated", "X=2>" },
	{ ok_200, "P-Associated-URI: <" IMPU ">", "P-Associated-URI: <" IMPU ";p;q;r;p=1>",
	  "rfc3261.uri.param-repeated", "p=1>" },
	/* RFC 3966 §3: the same of a tel URI */
	{ ok_200, "<tel:+491701234567>", "<tel:+491701234567;x=1;X=2>", "rfc3261.uri.param-repeated",
	  "X=2>" },
	/* RFC 3966 §3: isub or ext, phone-context, then the others by name;
	 * RFC 3261 §19.1.6 the same in a user=phone SIP URI's user part */
	{ ok_200, "<tel:+491701234567>", "<tel:+491701234567;rn=+4917;npdi>", "rfc3966.tel.param-order",
	  "npdi>" },
	{ ok_200, "<tel:+491701234567>", "<tel:7042;phone-context=ims.example;EXT=1>",
	  "rfc3966.tel.param-order", "EXT=1>" },
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>",
	  "Contact: <sip:+491701234567;rn=4917;npdi@[2001:db8::1]:5060;user=phone>", "rfc3966.tel.param-order",
	  "npdi@" },
	/* Route takes a name-addr: without <> the ";lr" is the header's */
	{ initial_register, "Expires: 600000\r\n", "Expires: 600000\r\nRoute: sip:pcscf.example.net;lr\r\n",
	  "rfc3261.msg.header-syntax", "sip:pcscf.example.net;lr" },
	/* a CR without its LF stays in the value (a peer that ends lines at a
	 * CR ends the head at "70\r\r\n") */
	{ initial_register, "Max-Forwards: 70\r\n", "Max-Forwards: 70\r\r\n",
	  "rfc3261.msg.header-syntax", "\r\r\n" },
	{ initial_register, "Content-Length: 0\r\n", "Privacy: id, header\r\nContent-Length: 0\r\n",
	  "rfc3261.msg.header-syntax", ", header" },
	{ initial_register, "utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  "utran-cell-id-3gpp=26201001A2B3C4D0, 3GPP-NR-FDD;utran-cell-id-3gpp=@\r\n",
	  "rfc3261.msg.header-syntax", "@\r\n" },
	/* a list field written with no element (RFC 3261 §25.1: Via, Route,
	 * Require and the others need one), found by a differential run
	 * against sofia-sip */
	/* a control byte in the Reason-Phrase (§25.1), a bare CR too */
	{ ok_200, "SIP/2.0 200 OK", "SIP/2.0 200 O\001K", "rfc3261.msg.header-syntax", "\001K" },
	{ ok_200, "SIP/2.0 200 OK", "SIP/2.0 200 OK\rX", "rfc3261.msg.header-syntax", "\rX" },
	{ initial_register, "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123\r\n", "Via:\r\n",
	  "rfc3261.msg.header-syntax", "\r\nMax-Forwards" },
	{ initial_register, "Content-Length: 0\r\n", "Route: \r\nContent-Length: 0\r\n",
	  "rfc3261.msg.header-syntax", "\r\nContent-Length: 0" },
	{ initial_register, "Content-Length: 0\r\n", "Unsupported:\r\nContent-Length: 0\r\n",
	  "rfc3261.msg.header-syntax", "\r\nContent-Length: 0" },
	{ initial_register, "Content-Length: 0\r\n", "Server: \r\nContent-Length: 0\r\n",
	  "rfc3261.msg.header-syntax-informational", "\r\nContent-Length: 0" },
	/* every field the codec decodes is checked, through sip_hdr_check: also
	 * those the rules once skipped, and unknown fields (text only) */
	{ initial_register, "Content-Length: 0\r\n",
	  "P-Preferred-Identity: <sip:+15551234567@" DOM "\r\nContent-Length: 0\r\n",
	  "rfc3261.msg.header-syntax", NULL },
	{ initial_register, "Content-Length: 0\r\n", "X-Trace: a\x01b\r\nContent-Length: 0\r\n",
	  "rfc3261.msg.header-syntax", "\x01b" },
	/* a control byte the typed decoders let through: inside a quoted
	 * display name, inside a quoted feature tag (DEL) */
	{ initial_register, "From: <" IMPU ">", "From: \"Al\x01ice\" <" IMPU ">",
	  "rfc3261.msg.header-syntax", "\x01ice" },
	{ initial_register, ";+g.3gpp.smsip\r\n", ";+g.3gpp.smsip;x=\"a\x7f\"\r\n",
	  "rfc3261.msg.header-syntax", "\x7f\"" },
	/* TS 33.203 Annex H: mod is trans, tun or UDP-enc-tun; alg=null needs
	 * ealg=aes-gcm */
	{ initial_register, "port-c=5062;port-s=5064\r\n", "port-c=5062;port-s=5064;mod=UDP-enc\r\n",
	  "ts33203.security.ipsec-params", "UDP-enc\r\n" },
	{ initial_register, "alg=hmac-sha-1-96;ealg=aes-cbc", "alg=null;ealg=null",
	  "ts33203.security.ipsec-params", "null;ealg=null" },
	/* RFC 3261 §25.1: request-digest is 32LHEX */
	{ protected_register, "response=\"0123456789abcdef", "response=\"0123456789ABCdef",
	  "rfc7616.digest.response", "ABCdef" },
	/* RFC 4475 §3.2.1: the cookie alone; §3.1.2.11: headers in the Request-URI */
	{ initial_register, "branch=z9hG4bKabc123", "branch=z9hG4bK", "rfc3261.via.branch-cookie",
	  "z9hG4bK\r\n" },
	{ initial_register, "REGISTER sip:" DOM " ", "REGISTER sip:" DOM "?Route=%3Csip:x%3E ",
	  "rfc3261.msg.header-syntax", "?Route" },
	/* RFC 3261 §10.3 step 7, §8.2.2.3 */
	{ ok_200, "SIP/2.0 200 OK", "SIP/2.0 423 Interval Too Brief", "rfc3261.response.error-contents",
	  "SIP/2.0 423" },
	{ ok_200, "SIP/2.0 200 OK", "SIP/2.0 420 Bad Extension", "rfc3261.response.error-contents",
	  "SIP/2.0 420" },
	/* TS 24.229 §5.1.1.2.1: the Request-URI is a domain name */
	{ initial_register, "REGISTER sip:" DOM " ", "REGISTER sip:[2001:db8::10]:5060 ",
	  "ts24229.register.ruri-domain-name", "[2001:db8::10]" },
	{ initial_register, "REGISTER sip:" DOM " ", "REGISTER sip:192.0.2.10 ",
	  "ts24229.register.ruri-domain-name", "192.0.2.10" },
	/* RFC 3261 §20.19: an expiry fits 32 bits */
	{ initial_register, ";+g.3gpp.smsip\r\n", ";+g.3gpp.smsip;expires=4294967296\r\n",
	  "rfc3261.register.expires-range", "4294967296" },
	/* the header as the parameter: delta-seconds is 1*DIGIT, the range §20.19's */
	{ initial_register, "Expires: 600000", "Expires: 4294967296",
	  "rfc3261.register.expires-range", "4294967296" },
	/* each Expires header, not only the first (which ctx_prepare decodes) */
	{ initial_register, "Expires: 600000", "Expires: 600000\r\nExpires: 4294967296",
	  "rfc3261.register.expires-range", "4294967296" },
	/* RFC 3840 §9: no '+', no feature tag */
	{ initial_register, ";+g.3gpp.icsi-ref=", ";g.3gpp.icsi-ref=", "ir92.contact.mmtel-icsi",
	  "g.3gpp.icsi-ref=" },
	/* RFC 5626 §4.1: +sip.instance="<urn>" */
	{ initial_register, "\"<urn:gsma:imei:35425006-000655-0>\"",
	  "\"urn:gsma:imei:35425006-000655-0\"", "rfc5626.contact.instance-urn",
	  "urn:gsma:imei:35425006" },
	/* RFC 5626 §4.1: one instance id per binding */
	{ initial_register, ";+g.3gpp.smsip\r\n",
	  ";+g.3gpp.smsip;+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"\r\n",
	  "rfc5626.contact.instance-urn", "+sip.instance=\"<urn:uuid" },
	/* TS 23.003 §13.3, §13.4B: one USIM, one IMSI */
	{ initial_register, "To: <" IMPU ">", "To: <sip:262019999999999@" DOM ">",
	  "ts23003.identity.same-imsi", "262011234567890@" },
	/* TS 24.229 §7.2A.2 */
	{ protected_register, "nc=00000001,", "nc=00000001,integrity-protected=\"maybe\",",
	  "ts24229.register.authorization-fields", "maybe" },
	/* RFC 3261 §10.2: To is a SIP or SIPS URI */
	{ initial_register, "To: <" IMPU ">", "To: <tel:+491701234567>", "rfc3261.register.to-aor",
	  "tel:+49" },
	/* RFC 3261 §10.3: each Contact of the 200 carries expires, even with an
	 * Expires header */
	{ ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000;",
	  "Expires: 3600\r\nContact: <sip:[2001:db8::1]:5064>;", "rfc3261.response.200-bindings",
	  "sip:[2001:db8::1]:5064>;+sip" },
	/* the zero that applies: a contact's own expires=0 over Expires: 600000 */
	{ initial_register, ";+g.3gpp.smsip\r\n", ";+g.3gpp.smsip;expires=0\r\n",
	  "rfc3261.register.unregister", "0\r\nExpires: 600000" },
	/* one binding removed, another kept */
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nContact: <sip:old@192.0.2.7:5060>;expires=0\r\n",
	  "rfc3261.register.unregister", "0\r\nAuthorization" },
	{ initial_register, "Expires: 600000\r\n", "Expires: 700000\r\n",
	  "ts24229.register.expires-600000", "700000" },
	{ initial_register, ">;tag=a1", ">", "rfc3261.msg.tags", NULL },
	{ ok_200, ">;tag=s2", ">", "rfc3261.msg.tags", NULL },
	{ initial_register, "To: <" IMPU ">", "To: <" IMPU ">;tag=zz", "rfc3261.register.to-tag",
	  "zz\r\n" },
	/* RFC 3261 §8.1.1.7 binds the element that adds the Via: a Via below
	 * the P-CSCF's (the UE's, forwarded) or of a request from an RFC 2543
	 * UA is no error, only a remark (RFC 4475 §3.1.1.1, §3.4.1) */
	{ initial_register, "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123",
	  "Via: SIP/2.0/UDP pcscf." DOM ";branch=z9hG4bKp1\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060",
	  "rfc3261.via.branch-rfc2543", "SIP/2.0/UDP [2001:db8::1]:5060\r\n" },
	{ initial_register, "REGISTER sip:" DOM " SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060;"
	  "branch=z9hG4bKabc123", "OPTIONS sip:" DOM " SIP/2.0\r\nVia: SIP/2.0/UDP "
	  "[2001:db8::1]:5060;branch=abc123", "rfc3261.via.branch-rfc2543", "SIP/2.0/UDP [2001" },
	/* RFC 3840 §9: one value per feature tag; names compare without case */
	{ initial_register, ";+g.3gpp.smsip\r\n", ";+g.3gpp.smsip;audio;+G.3GPP.SMSIP\r\n",
	  "rfc3840.contact.feature-tag-repeated", "+G.3GPP.SMSIP" },
	{ initial_register, ";+g.3gpp.smsip\r\n", ";+g.3gpp.smsip;+g.3gpp.icsi-ref="
	  "\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session\"\r\n",
	  "rfc3840.contact.feature-tag-repeated", "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma" },
	/* RFC 3310 §3.1: AKAv1-SHA-256 hashes with SHA-256 (64 hex digits) */
	{ protected_register, "algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"0123456789abcdef0123456789abcdef\"",
	  "algorithm=AKAv2-SHA-256,qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"0123456789abcdef"
	  "0123456789abcdef\"", "rfc7616.digest.response", "0123456789abcdef0123456789abcdef\"\r\n" },
	/* TS 34.229-1 A.1.1: the instance id is the IMEI URN without optional
	 * parameters */
	{ initial_register, "35425006-000655-0>", "35425006-000655-0;svn=12>",
	  "ims.contact.instance-params", ";svn=12>" },
	{ initial_register, "35425006-000655-0>", "35425006-000655-0;vers=0>",
	  "ims.contact.instance-params", ";vers=0>" },
	/* TS 24.229 §5.1.1.5.1: the protected REGISTER repeats Security-Client */
	{ protected_register, "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064\r\n", "", "ts33203.security.verify",
	  "ipsec-3gpp;q=0.1" },
	/* IMS AKA credentials on 3GPP access without any security agreement */
	{ initial_register, "Require: sec-agree\r\nProxy-Require: sec-agree\r\n" "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064\r\n", "", "ts24229.register.sec-agree-absent",
	  "3GPP-E-UTRAN-FDD" },
	/* Feature-Caps (RFC 6809 §6.3): its syntax, then each indicator's value */
	{ initial_register, "Content-Length: 0\r\n", "Feature-Caps: +sip.audio\r\nContent-Length: 0\r\n",
	  "rfc6809.feature-caps.syntax", "+sip.audio\r\n" },
	{ initial_register, "Content-Length: 0\r\n",
	  "Feature-Caps: *;+sip.audio;g.3gpp.srvcc\r\nContent-Length: 0\r\n",
	  "rfc6809.feature-caps.syntax", "g.3gpp.srvcc\r\n" },
	{ initial_register, "Content-Length: 0\r\n",
	  "Feature-Caps: *;+sip.audio\r\nFeature-Caps: *;+g.3gpp.atcf=<tel:+12375553333>\r\n"
	  "Content-Length: 0\r\n", "rfc6809.feature-caps.syntax", "<tel:+12375553333>\r\n" },
	{ ok_200, "Content-Length: 0\r\n", "Feature-Caps: *;+g.3gpp.anbr;+g.3gpp.verstat=\"1\"\r\n"
	  "Content-Length: 0\r\n", "rfc6809.feature-caps.value", "1\"\r\n" },
	{ initial_register, "Content-Length: 0\r\n",
	  "Feature-Caps: *;+g.3gpp.atcf=\"tel:+12375553333\"\r\nContent-Length: 0\r\n",
	  "rfc6809.feature-caps.value", "tel:+12375553333\"" },
	{ initial_register, "Content-Length: 0\r\n",
	  "Feature-Caps: *;+g.3gpp.atcf-path=\"<sip:[2001:db8::9;lr>\"\r\nContent-Length: 0\r\n",
	  "rfc6809.feature-caps.value", NULL },
	{ ok_200, "Content-Length: 0\r\n", "Feature-Caps: *;+g.3gpp.icsi-ref=\"urn:urn-7:"
	  "3gpp-service.ims.icsi.mmtel\"\r\nContent-Length: 0\r\n", "rfc6809.feature-caps.value",
	  "urn:urn-7:3gpp-service.ims.icsi.mmtel\"\r\nContent" },
	/* a third-party REGISTER (TS 24.229 §5.4.1.7): said as such; its
	 * expiry and Contact there; what it carries agrees with it */
	{ third_party_register, "Expires: 600000\r\nP-Charging", "Expires: 0\r\nP-Charging",
	  "ts24229.register.third-party", "sip:scscf." DOM ">;tag=tp1" },
	{ third_party_bare, "Expires: 600000", "Expires: 3600", "ts24229.register.third-party",
	  "sip:scscf." DOM ">;tag=151" },
	{ third_party_register, "Expires: 600000\r\nP-Charging", "P-Charging",
	  "ts24229.third-party.contents", "REGISTER sip:mmtel-as" },
	{ third_party_register, "Contact: <sip:scscf." DOM ":6060>\r\n", "",
	  "ts24229.third-party.contents", "REGISTER sip:mmtel-as" },
	{ third_party_register, "Expires: 600000\r\nP-Charging", "Expires: 3600\r\nP-Charging",
	  "ts24229.third-party.carried", "3600\r\nP-Charging" },
	{ third_party_register, "Contact: <sip:scscf." DOM ":6060>", "Contact: <sip:scscf." DOM
	  ":6060>;expires=7200", "ts24229.third-party.carried", "7200" },
	{ third_party_register, ";tag=s2\r\nCall-ID: c1@", ";tag=s2\r\nCall-ID: c9@",
	  "ts24229.third-party.carried", "c9@" },
	{ third_party_register, "SIP/2.0 200 OK", "SIP/2.0 403 Forbidden", "ts24229.third-party.carried",
	  "SIP/2.0 403" },
	{ third_party_register, "To: <" IMPU ">\r\nCall-ID: tp1", "To: <sip:+491709999999@" DOM
	  ">\r\nCall-ID: tp1", "ts24229.third-party.carried", "sip:+491709999999" },
	/* a multipart body that does not split; a message/sip part that is no
	 * SIP message */
	{ third_party_register, "boundary=tp-b1", "boundary=\"\"", "rfc5621.body.multipart", NULL },
	{ third_party_register, "\r\n--tp-b1--\r\n", "\r\n", "rfc5621.body.multipart", NULL },
	{ third_party_register, "Content-Type: message/sip\r\n", "Content-Type message/sip\r\n",
	  "rfc5621.body.multipart", "Content-Type message/sip" },
	{ third_party_register, "SIP/2.0 200 OK", "SIP/2.0 2x0 OK", "rfc3261.body.message-sip", "2x0 OK" },
	{ third_party_register, "REGISTER sip:" DOM " SIP/2.0\r\nVia: SIP/2.0/UDP icscf",
	  "REGISTER sip:" DOM " SIP/2.0\r\nVia SIP/2.0/UDP icscf", "rfc3261.body.message-sip",
	  "SIP/2.0/UDP icscf" },
	/* the 3GPP IM CN subsystem XML part (TS 24.229 §7.6): not the
	 * schema's, not XML; an alternative service asked for */
	{ third_party_register, "<ims-3gpp version=\"1\">", "<ims-3gpp>", "ts24229.body.ims-3gpp-xml",
	  "<ims-3gpp><service-info>" },
	{ third_party_register, "<service-info>gold</service-info>", "<service-inf>gold</service-inf>",
	  "ts24229.body.ims-3gpp-xml", "<ims-3gpp version" },
	{ third_party_register, "</ims-3gpp>", "</ims-3gp>", "ts24229.body.ims-3gpp-xml", "<ims-3gpp version" },
	{ third_party_register, "<service-info>gold</service-info>",
	  "\r\n<alternative-service>\r\n<type>restoration</type><reason>S-CSCF lost</reason>"
	  "<action>initial-registration</action></alternative-service>",
	  "ts24229.alternative-service", "<alternative-service>\r\n<type>" },
	{ third_party_register, "<service-info>gold</service-info>",
	  "<alternative-service><type>emergency</type><reason>sos</reason></alternative-service>",
	  "ts24229.alternative-service", "<ims-3gpp version" },
	/* the cookie alone on top of a forwarded request is still an error */
	{ initial_register, "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123",
	  "Via: SIP/2.0/UDP pcscf." DOM ";branch=z9hG4bK\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060;"
	  "branch=z9hG4bKabc123", "rfc3261.via.branch-cookie", "z9hG4bK\r\n" },
};

static void test_each_case_fires_its_rule(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len;
		char *text = mutate(cases[i].base, cases[i].old, cases[i].new_text, &len);
		CHECK(text != NULL);
		if (!text) {
			fprintf(stderr, "case %zu: \"%s\" not in base\n", i, cases[i].old);
			continue;
		}
		struct findings fs;
		int n = run(text, len, &fs);
		const struct ims_finding *f = find(&fs, cases[i].rule);
		if (!f) {
			fprintf(stderr, "case %zu: %s did not fire (%d findings)\n", i,
				cases[i].rule, n);
			print_findings("got", &fs);
		}
		CHECK(f != NULL);
		if (f && cases[i].at_part) {
			size_t want = (size_t)(strstr(text, cases[i].at_part) - text);
			if (f->offset != want)
				fprintf(stderr, "case %zu (%s): offset %zu, want %zu\n", i,
					cases[i].rule, f->offset, want);
			CHECK_INT_EQ(f->offset, want);
		}
		free(text);
	}
}

/* The other way round: a change that is still right; the rule must stay
 * quiet (each row once fired wrongly). */
static const struct {
	const char *base;
	const char *old;
	const char *new_text;
	const char *rule;
} quiet_cases[] = {
	/* an addr-spec Route is header-syntax's error, not a Route without lr */
	{ initial_register, "Expires: 600000\r\n", "Expires: 600000\r\nRoute: sip:pcscf.example.net;lr\r\n",
	  "rfc3261.route.lr" },
	/* a typed URI parameter twice is the codec's (header-syntax); a URI
	 * parameter and a header parameter of one name are two; a tel URI's
	 * distinct parameters (number portability) */
	{ initial_register, "Expires: 600000\r\n", "Expires: 600000\r\nRoute: <sip:p." DOM ";lr;lr>\r\n",
	  "rfc3261.uri.param-repeated" },
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>", "Contact: <sip:[2001:db8::1]:5060;a=1;b=1;ab>;a",
	  "rfc3261.uri.param-repeated" },
	{ ok_200, "<tel:+491701234567>", "<tel:+491701234567;npdi;rn=+4917>", "rfc3261.uri.param-repeated" },
	/* in order; a user part read as a number only with user=phone */
	{ ok_200, "<tel:+491701234567>", "<tel:+491701234567;npdi;rn=+4917>", "rfc3966.tel.param-order" },
	{ ok_200, "<tel:+491701234567>", "<tel:7042;ext=1;phone-context=ims.example;npdi>",
	  "rfc3966.tel.param-order" },
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>",
	  "Contact: <sip:7042;phone-context=ims.mnc001.mcc001.3gppnetwork.org@[2001:db8::1]:5060;user=phone>",
	  "rfc3966.tel.param-order" },
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>",
	  "Contact: <sip:+491701234567;rn=4917;npdi@[2001:db8::1]:5060>", "rfc3966.tel.param-order" },
	/* lists that may be empty: a registrar with no URI associated sends
	 * an empty P-Associated-URI (RFC 7315 §4.1); "Allow:", "Supported:"
	 * and "Accept:" (RFC 3261 §25.1) */
	{ ok_200, "P-Associated-URI: <" IMPU ">, <tel:+491701234567>\r\n", "P-Associated-URI: \r\n",
	  "rfc3261.msg.header-syntax" },
	{ ok_200, "SIP/2.0 200 OK", "SIP/2.0 200 O\tK \xc3\xa9", "rfc3261.msg.header-syntax" },
	{ initial_register, "Content-Length: 0\r\n", "Allow:\r\nAccept: \r\nContent-Length: 0\r\n",
	  "rfc3261.msg.header-syntax" },
	/* the same IMPU written otherwise: the host in another case, a digit
	 * escaped (RFC 3261 §19.1.4: %37 is '7') */
	{ initial_register, "From: <" IMPU ">", "From: <sip:+49170123456%37@IMS.mnc001.MCC262.3gppnetwork.org>",
	  "ts24229.register.from-to" },
	/* a third-party REGISTER: To another identity of the implicit set the
	 * 200 lists; a deregistration (no body is carried then, expiry 0);
	 * only the REGISTER carried, no 200 to compare with */
	{ third_party_register, "To: <" IMPU ">\r\nCall-ID: tp1", "To: <tel:+491701234567>\r\nCall-ID: tp1",
	  "ts24229.third-party.carried" },
	{ third_party_register, "Expires: 600000\r\nP-Charging", "Expires: 0\r\nP-Charging",
	  "ts24229.third-party.carried" },
	{ third_party_register, "SIP/2.0 200 OK", "X-Not-A-Message: SIP/2.0 200 OK",
	  "ts24229.third-party.carried" },
	/* its service information read, no alternative service asked; a
	 * part of another type is not read as such */
	{ third_party_register, "gold", "gold", "ts24229.body.ims-3gpp-xml" },
	{ third_party_register, "gold", "gold", "ts24229.alternative-service" },
	{ third_party_register, "Content-Type: application/3gpp-ims+xml", "Content-Type: application/xml",
	  "ts24229.body.ims-3gpp-xml" },
	/* a UE's REGISTER whose From lost its user part is not taken for a
	 * third-party one: its Contact has feature tags, it has Authorization */
	{ initial_register, "From: <" IMPU ">", "From: <sip:" DOM ">", "ts24229.register.third-party" },
	{ third_party_bare, "Contact: <sip:10.29.40.140:5061>", "Contact: <sip:10.29.40.140:5061>;+g.3gpp.smsip",
	  "ts24229.register.third-party" },
	{ third_party_bare, "Contact: <sip:10.29.40.140:5061>", "Contact: <sip:tp@10.29.40.140:5061>",
	  "ts24229.register.third-party" },
	/* a SUBSCRIBE has no Subscription-State (the NOTIFY's), a REGISTER no Event */
	{ ue_subscribe_reg, "Accept:", "X-Accept:", "rfc6665.event.headers" },
	{ initial_register, "Supported:", "Event: reg\r\nSupported:", "rfc6665.event.headers" },
	/* the same size over TCP */
	{ initial_register, "SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123\r\n",
	  "SIP/2.0/TCP [2001:db8::1]:5060;branch=z9hG4bKabc123\r\nX-Pad: " PAD100 PAD100 PAD100 PAD100 "\r\n",
	  "rfc3261.transport.udp-size" },
	/* an emergency registration's time is the network's: no 600000 asked */
	{ initial_register, "Contact: <sip:[2001:db8::1]:5060>",
	  "Contact: <sip:[2001:db8::1]:5060;sos>;expires=3600", "ts24229.register.expires-600000" },
	/* sos as a Contact header parameter (after the '>') is no URI parameter,
	 * and a 401 grants nothing */
	{ initial_register, "+g.3gpp.smsip\r\n", "+g.3gpp.smsip;sos\r\n", "ts24229.register.emergency" },
	{ challenge_401, "Content-Length: 0", "Contact: <sip:[2001:db8::1]:5060;sos>\r\nContent-Length: 0",
	  "ts24229.register.emergency" },
	/* a malformed Expires is header-syntax's or expires-range's, not "no Expires" */
	{ initial_register, "Expires: 600000", "Expires: 4294967296", "ts24229.register.expires-600000" },
	/* an Expires of digits above 2^32-1 is no syntax error (expires-range warns) */
	{ initial_register, "Expires: 600000", "Expires: 4294967296", "rfc3261.msg.header-syntax" },
	/* the temporary IMPU and the IMPI from the same IMSI */
	{ initial_register, "To: <" IMPU ">", "To: <sip:262011234567890@" DOM ">",
	  "ts23003.identity.same-imsi" },
	{ protected_register, "nc=00000001,", "nc=00000001,integrity-protected=\"ip-assoc-pending\",",
	  "ts24229.register.authorization-fields" },
	/* a binding removed (expires=0) next to one kept: IR.92's Contact
	 * contents and the 600000 s are asked of the kept one only */
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nContact: <sip:old@192.0.2.7:5060>;expires=0\r\n",
	  "ir92.contact.instance" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nContact: <sip:old@192.0.2.7:5060>;expires=0\r\n",
	  "ir92.contact.mmtel-icsi" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nContact: <sip:old@192.0.2.7:5060>;expires=0\r\n",
	  "ir92.contact.smsip" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nContact: <sip:old@192.0.2.7:5060>;expires=0\r\n",
	  "ts24229.register.expires-600000" },
	/* a tab and a fold are white space, no control byte (RFC 3261 §25.1 LWS) */
	{ initial_register, "From: <" IMPU ">", "From: \"Al\tice\r\n Smith\" <" IMPU ">",
	  "rfc3261.msg.header-syntax" },
	{ initial_register, "Expires: 600000", "Expires:\t600000", "rfc3261.msg.header-syntax" },
	/* TS 33.203 Annex H values of later releases */
	{ initial_register, "port-c=5062;port-s=5064\r\n",
	  "port-c=5062;port-s=5064;mod=UDP-enc-tun\r\n", "ts33203.security.ipsec-params" },
	{ initial_register, "alg=hmac-sha-1-96;ealg=aes-cbc", "alg=aes-gmac;ealg=null",
	  "ts33203.security.ipsec-params" },
	{ initial_register, "alg=hmac-sha-1-96;ealg=aes-cbc", "alg=null;ealg=aes-gcm",
	  "ts33203.security.ipsec-params" },
	/* a control byte escaped as a quoted-pair is allowed (RFC 4475 §3.1.1.2) */
	{ initial_register, "From: <" IMPU ">", "From: \"BEL:\\\x07 DEL:\\\x7f\" <" IMPU ">",
	  "rfc3261.msg.header-syntax" },
	/* RFC 3261 §8.1.1.7: only the UE's own Via (the one Via of its
	 * REGISTER) must carry the cookie; RFC 4475 wsinv/longreq/inv2543 */
	{ initial_register, "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123",
	  "Via: SIP/2.0/UDP pcscf." DOM ";branch=z9hG4bKp1\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060",
	  "rfc3261.via.branch-cookie" },
	{ initial_register, "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123",
	  "Via: SIP/2.0/UDP pcscf." DOM ";branch=p1\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060;"
	  "branch=z9hG4bKabc123", "rfc3261.via.branch-cookie" },
	{ initial_register, "REGISTER sip:" DOM " SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060;"
	  "branch=z9hG4bKabc123", "INVITE sip:" DOM " SIP/2.0\r\nVia: SIP/2.0/UDP "
	  "[2001:db8::1]:5060", "rfc3261.via.branch-cookie" },
	/* a second +sip.instance is rfc5626.contact.instance-urn's; other
	 * parameters (expires, q) and distinct tags are no repeated feature tag */
	{ initial_register, ";+g.3gpp.smsip\r\n",
	  ";+g.3gpp.smsip;+sip.instance=\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"\r\n",
	  "rfc3840.contact.feature-tag-repeated" },
	{ initial_register, ";+g.3gpp.smsip\r\n", ";+g.3gpp.smsip;+g.3gpp.iari-ref=\"urn%3Aurn-7%3A"
	  "3gpp-application.ims.iari.rcse.ft\";q=0.5;expires=600000;x=1;x=2\r\n",
	  "rfc3840.contact.feature-tag-repeated" },
	/* AKAv1-SHA-256 and AKAv2-SHA-256 responses are SHA-256 digests, not MD5 */
	{ protected_register, "algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"0123456789abcdef0123456789abcdef\"",
	  "algorithm=AKAv1-SHA-256,qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"0123456789abcdef"
	  "0123456789abcdef0123456789abcdef0123456789abcdef\"", "rfc7616.digest.response" },
	{ protected_register, "algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"0123456789abcdef0123456789abcdef\"",
	  "algorithm=akav2-sha-256,qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"0123456789abcdef"
	  "0123456789abcdef0123456789abcdef0123456789abcdef\"", "rfc7616.digest.response" },
	/* GIBA (TS 34.229-1 A.1.1, A3): no Authorization, no sec-agree; and
	 * the same REGISTER over WLAN */
	{ initial_register, "Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\",uri=\"sip:" DOM "\",nonce=\"\",response=\"\"\r\n" "Supported: path,sec-agree\r\n" "Require: sec-agree\r\nProxy-Require: sec-agree\r\n" "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064\r\n",
	  "Supported: path\r\n", "ts24229.register.sec-agree-absent" },
	{ initial_register, "Require: sec-agree\r\nProxy-Require: sec-agree\r\n" "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;port-c=5062;port-s=5064\r\n"
	  "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0",
	  "P-Access-Network-Info: IEEE-802.11;i-wlan-node-id=ffffffffffff",
	  "ts24229.register.sec-agree-absent" },
	/* a deregistration over the SAs verifies without a new Security-Client
	 * (RFC 3329 §2.3.1: Security-Verify in the later requests) */
	{ protected_register, "Expires: 600000\r\n"
	  "Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\",uri=\"sip:" DOM "\","
	  "nonce=\"" NONCE_AKA "\",algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\","
	  "response=\"0123456789abcdef0123456789abcdef\"\r\n"
	  "Supported: path,sec-agree\r\nRequire: sec-agree\r\nProxy-Require: sec-agree\r\n"
	  "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;"
	  "port-c=5062;port-s=5064\r\n",
	  "Expires: 0\r\n"
	  "Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\",uri=\"sip:" DOM "\","
	  "nonce=\"" NONCE_AKA "\",algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\","
	  "response=\"0123456789abcdef0123456789abcdef\"\r\n"
	  "Supported: path,sec-agree\r\nRequire: sec-agree\r\nProxy-Require: sec-agree\r\n", "ts33203.security.verify" },
	/* the UE's own Via with its cookie draws no remark */
	{ initial_register, "Expires: 600000", "Expires: 600000", "rfc3261.via.branch-rfc2543" },
	/* RFC 3323 §4.2: Privacy is priv-value *(";" priv-value) */
	{ initial_register, "Content-Length: 0\r\n", "Privacy: id;header\r\nContent-Length: 0\r\n",
	  "rfc3261.msg.header-syntax" },
	/* RFC 7616 §3.4.1: a SHA-256 response has 64 hex digits */
	{ protected_register,
	  "algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\","
	  "response=\"0123456789abcdef0123456789abcdef\"",
	  "algorithm=SHA-256,qop=auth,nc=00000001,cnonce=\"c0ffee\","
	  "response=\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"",
	  "rfc7616.digest.response" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nDate: Sat, 21 Nov 2026 18:56:00 GMT\r\n", "rfc3261.date.weekday" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nDate: Thu, 29 Feb 2024 23:59:59 GMT\r\n", "rfc3261.date.weekday" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nDate: Thu, 01 Mar 1900 00:00:00 GMT\r\n", "rfc3261.date.weekday" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nP-Charging-Vector: icid-value=1;pdngw=192.0.2.50;eps-info=\""
	  "eps-item=1;eps-sig=yes;ecid=39B26CD7,eps-item=2;eps-sig=no;ecid=0F;flow-id=({1,1},{1,2})\"\r\n",
	  "ts24229.pcv.access-charging" },
	{ initial_register, "Expires: 600000\r\n",
	  "Expires: 600000\r\nP-Charging-Vector: icid-value=1;smf=192.0.2.2;"
	  "5gs-info=\"5gs-item=1;5gscid=AB01;flow-id=({1,1})\"\r\n",
	  "ts24229.pcv.access-charging" },
	/* a Wi-Fi REGISTER with a well-formed Cellular-Network-Info; one
	 * network-provided Wi-Fi PANI beside a UE's LTE one */
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "Cellular-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0;"
	  "cell-info-age=1320\r\n", "ts24229.cni.syntax" },
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "Cellular-Network-Info: 3GPP-NR-TDD; utran-cell-id-3gpp=262010000011234567890\r\n",
	  "ts24229.cni.cell-id" },
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "Cellular-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  "ts24229.cni.absent-on-wlan" },
	{ initial_register, "26201001A2B3C4D0\r\n",
	  "26201001A2B3C4D0, IEEE-802.11;i-wlan-node-id=0011223344ff;network-provided\r\n",
	  "ts24229.cni.absent-on-wlan" },
	{ initial_register, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  WIFI_PANI "Cellular-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
	  "ts24229.cni.on-cellular" },
	/* the NOTIFY as it is, and a contact the UE itself removed */
	{ notify_reginfo, "Event: reg", "Event: reg", "rfc3680.reginfo.syntax" },
	{ notify_reginfo, "Event: reg", "Event: reg", "rfc3680.reginfo.removed" },
	{ notify_reginfo, "state=\"active\" event=\"registered\" expires=\"600000\"",
	  "state=\"terminated\" event=\"unregistered\"", "rfc3680.reginfo.removed" },
	/* a body of another type is not read as reginfo */
	{ notify_reginfo, "application/reginfo+xml", "application/pidf+xml", "rfc3680.reginfo.syntax" },
	/* the UE's SUBSCRIBE as it should be; a refresh inside the dialog (To
	 * tag, the S-CSCF's contact as Request-URI); an unsubscribe; the
	 * P-CSCF's own subscription (its URI in From); another event */
	{ ue_subscribe_reg, "Event: reg", "Event: reg", "ts24229.subscribe.reg-target" },
	{ ue_subscribe_reg, "Event: reg", "Event: reg", "ts24229.subscribe.reg-expires" },
#define SUB_HEAD(ruri, to) "SUBSCRIBE " ruri " SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::1]:5064;" \
	"branch=z9hG4bKsub1\r\nMax-Forwards: 70\r\nFrom: <" IMPU ">;tag=s1\r\nTo: " to "\r\n"
	{ ue_subscribe_reg, SUB_HEAD(IMPU, "<" IMPU ">"),
	  SUB_HEAD("sip:scscf." DOM ":6060", "<" IMPU ">;tag=n1"), "ts24229.subscribe.reg-target" },
	{ ue_subscribe_reg, SUB_HEAD(IMPU, "<" IMPU ">"),
	  SUB_HEAD("sip:scscf." DOM ":6060", "<" IMPU ">;tag=n1"), "ts24229.subscribe.reg-expires" },
	{ ue_subscribe_reg, "Expires: 600000", "Expires: 0", "ts24229.subscribe.reg-expires" },
	{ ue_subscribe_reg, "From: <" IMPU ">", "From: <sip:pcscf." DOM ">", "ts24229.subscribe.reg-expires" },
	{ ue_subscribe_reg, "Event: reg", "Event: presence", "ts24229.subscribe.reg-expires" },
	/* well-formed Feature-Caps: an eSRVCC ATCF's, a home network's, an
	 * indicator imsreg does not know with a string value */
#define ATCF_CAPS "Feature-Caps: *;+g.3gpp.atcf=\"<tel:+12375553333>\";+g.3gpp.atcf-mgmt-uri=" \
	"\"<sip:m@pcscf." DOM ">\";+g.3gpp.atcf-path=\"<sip:a@pcscf." DOM ";lr>\";+g.3gpp.mid-call, *;+sip.audio\r\n"
	{ initial_register, "Content-Length: 0\r\n", ATCF_CAPS "Content-Length: 0\r\n",
	  "rfc6809.feature-caps.syntax" },
	{ initial_register, "Content-Length: 0\r\n", ATCF_CAPS "Content-Length: 0\r\n",
	  "rfc6809.feature-caps.value" },
	{ ok_200, "Content-Length: 0\r\n", "feature-caps: *;+g.3gpp.verstat;+g.3gpp.anbr;"
	  "+x.example=\"<a b>\"\r\nContent-Length: 0\r\n", "rfc6809.feature-caps.value" },
	{ ok_200, "Content-Length: 0\r\n", "Feature-Caps: *\r\nContent-Length: 0\r\n",
	  "rfc6809.feature-caps.syntax" },
	/* Digest quoting: the bases quote what the grammar quotes; the TS
	 * 24.229 parameters and unknown ones take either; other schemes have
	 * their own grammar */
	{ protected_register, "Expires: 600000", "Expires: 600000", "rfc3261.digest.quoting" },
	{ challenge_401, "Content-Length", "Content-Length", "rfc3261.digest.quoting" },
	{ protected_register, "qop=auth,", "qop=auth,integrity-protected=\"yes\",x=1,y=\"2\",",
	  "rfc3261.digest.quoting" },
	{ protected_register, "qop=auth,", "qop=auth,integrity-protected=yes,", "rfc3261.digest.quoting" },
	{ challenge_401, "qop=\"auth\"", "qop=\"auth\",ck=00112233,ik=\"44556677\"",
	  "rfc3261.digest.quoting" },
	{ challenge_401, "WWW-Authenticate: Digest realm=\"", "WWW-Authenticate: Bearer realm=\"",
	  "rfc3261.digest.quoting" },
	{ ok_200, "Content-Length: 0\r\n", "Authentication-Info: nextnonce=\"abc\",qop=auth,"
	  "rspauth=\"0123\",cnonce=\"c0ffee\",nc=00000001\r\nContent-Length: 0\r\n",
	  "rfc3261.digest.quoting" },
};

static void test_each_quiet_case_stays_quiet(void)
{
	for (size_t i = 0; i < sizeof quiet_cases / sizeof quiet_cases[0]; i++) {
		size_t len;
		char *text = mutate(quiet_cases[i].base, quiet_cases[i].old,
				    quiet_cases[i].new_text, &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		struct findings fs;
		CHECK(run(text, len, &fs) >= 0);
		if (find(&fs, quiet_cases[i].rule)) {
			fprintf(stderr, "quiet case %zu: %s fired\n", i, quiet_cases[i].rule);
			print_findings("got", &fs);
		}
		CHECK(find(&fs, quiet_cases[i].rule) == NULL);
		free(text);
	}
}

/* A decoder's reason that starts with the header's name is not prefixed
 * with it a second time ("Date: Date: ..."). */
/* What the emergency finding says of a REGISTER, of its removal and of the
 * 200 that grants it (with the time granted). */
static void test_emergency_registration_is_said_with_what_it_changes(void)
{
	static const struct {
		const char *base;
		const char *old;
		const char *new_text;
		const char *says;
	} rows[] = {
		{ initial_register, "Contact: <sip:[2001:db8::1]:5060>", "Contact: <sip:[2001:db8::1]:5060;sos>",
		  "Expires 600000 is not asked here" },
		{ initial_register, "Contact: <sip:[2001:db8::1]:5060>",
		  "Contact: <sip:[2001:db8::1]:5060;sos>;expires=0", "ends its emergency registration" },
		{ ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000",
		  "Contact: <sip:[2001:db8::1]:5064;sos>;expires=3600", "registration (sos) for 3600 s" },
		{ ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000",
		  "Contact: <sip:[2001:db8::1]:5064;sos>", "without saying for how long" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t len;
		char *text = mutate(rows[i].base, rows[i].old, rows[i].new_text, &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		struct findings fs;
		run(text, len, &fs);
		const struct ims_finding *f = find(&fs, "ts24229.register.emergency");
		CHECK(f != NULL);
		if (f && !strstr(f->message, rows[i].says))
			fprintf(stderr, "row %zu: \"%s\" not in \"%s\"\n", i, rows[i].says, f->message);
		CHECK(f && strstr(f->message, rows[i].says));
		free(text);
	}
}

static void test_syntax_finding_names_the_header_once(void)
{
	size_t len;
	char *text = mutate(initial_register, "Expires: 600000\r\n",
			    "Expires: 600000\r\nDate: Sat, 21 Nov 2026 18:56:00 UTC\r\n", &len);
	CHECK(text != NULL);
	if (!text)
		return;
	struct findings fs;
	CHECK(run(text, len, &fs) >= 0);
	const struct ims_finding *f = find(&fs, "rfc3261.msg.header-syntax-informational");
	CHECK(f != NULL);
	if (f) {
		CHECK(strncmp(f->message, "Date: ", 6) == 0);
		CHECK(strstr(f->message, "Date: Date:") == NULL);
	}
	free(text);
}

/* sub is in the finding's message; said with the message when not */
#define CHECK_HAS(msg, sub)                                                                \
	do {                                                                               \
		bool has_ = strstr((msg), (sub)) != NULL;                                  \
		CHECK(has_);                                                               \
		if (!has_)                                                                 \
			fprintf(stderr, "  wanted \"%s\" in: %s\n", (sub), (msg));        \
	} while (0)

/* An extension header's syntax finding says its name as written, not
 * "header" (the codec has no canonical name for it). */
static void test_syntax_finding_names_an_extension_header(void)
{
	size_t len;
	char *text = mutate(initial_register, "Content-Length: 0\r\n",
			    "X-Trace-Id: a\x01b\r\nContent-Length: 0\r\n", &len);
	CHECK(text != NULL);
	if (!text)
		return;
	struct findings fs;
	CHECK(run(text, len, &fs) >= 0);
	const struct ims_finding *f = find(&fs, "rfc3261.msg.header-syntax");
	CHECK(f != NULL);
	if (f)
		CHECK_HAS(f->message, "X-Trace-Id: control character in a header field value");
	free(text);
}

/* rfc3261.msg.utf8 says how many bytes are not UTF-8, the first, and the
 * text read as the legacy encoding they most likely are: a quoted string's
 * text alone, Windows-1252 where its 0x80-0x9F were read; UTF-8 (a display
 * name of two scripts) is no finding. */
static void test_utf8_finding_reads_the_legacy_text(void)
{
	static const struct {
		const char *from;
		const char *want1, *want2; /* NULL: no finding */
	} rows[] = {
		{ "From: \"Jos\xe9 M\xfcller\" <", "From: 2 bytes that are not UTF-8, the first 0xE9",
		  "Read as ISO-8859-1 (Latin-1) it says \"Jos\xc3\xa9 M\xc3\xbcller\"" },
		{ "From: \"\x93Ren\xe9\x94\" <", "From: 3 bytes that are not UTF-8, the first 0x93",
		  "Read as Windows-1252 it says \"\xe2\x80\x9cRen\xc3\xa9\xe2\x80\x9d\"" },
		{ "From: \"a\\\"\xe9\" <", "1 byte that is not UTF-8, the first 0xE9", "it says \"a\\\"\xc3\xa9\"" },
		{ "From: \"Jos\xc3\xa9 \xe5\xbc\xa0\" <", NULL, NULL },
		{ "From: \"\xf0\x9f\x93\x9e\" <", NULL, NULL },
		{ "From: \"\xed\xa0\x80\" <", "3 bytes that are not UTF-8, the first 0xED", NULL },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t len;
		char *text = mutate(initial_register, "From: <", rows[i].from, &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		struct findings fs;
		CHECK(run(text, len, &fs) >= 0);
		const struct ims_finding *f = find(&fs, "rfc3261.msg.utf8");
		if (!rows[i].want1) {
			CHECK(f == NULL);
		} else {
			CHECK(f != NULL);
			if (f) {
				CHECK_HAS(f->message, rows[i].want1);
				if (rows[i].want2)
					CHECK_HAS(f->message, rows[i].want2);
				CHECK(f->hdr == SIP_HDR_FROM);
			}
		}
		free(text);
	}
	/* a long value: the text around the first such byte, cut with "..." */
	size_t len;
	char *text = mutate(initial_register, "Expires: 600000\r\n",
			    "Expires: 600000\r\nX-Note: " PAD100 " caf\xe9 " PAD100 "\r\n", &len);
	CHECK(text != NULL);
	if (text) {
		struct findings fs;
		CHECK(run(text, len, &fs) >= 0);
		const struct ims_finding *f = find(&fs, "rfc3261.msg.utf8");
		CHECK(f != NULL);
		if (f)
			CHECK_HAS(f->message, "it says \"...");
		if (f)
			CHECK_HAS(f->message, " caf\xc3\xa9 ");
		if (f)
			CHECK_HAS(f->message, "...\": a legacy");
		free(text);
	}
}

/* ---- the flow: one input of several messages ------------------------------- */

/* Runs the book over the messages of one input in order, with a flow; the
 * findings of the last message in fs (-1 when one does not parse). */
static int run_flow(const char *const *texts, size_t n, struct findings *fs)
{
	struct ims_flow flow;
	ims_flow_init(&flow);
	int rc = -1;
	for (size_t i = 0; i < n; i++) {
		struct sip_hdr hdrs[64];
		struct sip_msg msg;
		struct sip_parse_error err;
		memset(fs, 0, sizeof *fs);
		sip_msg_init(&msg, hdrs, 64);
		if (sip_msg_parse(&msg, texts[i], strlen(texts[i]), SIP_PARSE_LENIENT, &err) < 0) {
			rc = -1;
			break;
		}
		rc = ims_rules_check_flow(&msg, &flow, collect_cb, fs);
	}
	ims_flow_fini(&flow);
	return rc;
}

/* initial REGISTER, 401, then the protected REGISTER changed (old -> new),
 * or the 401 changed (old401 -> new401); the rule fires on the last, or
 * (rule_quiet) stays quiet. */
static const struct {
	const char *old401, *new401;
	const char *old, *new_text;
	const char *rule;
	bool quiet;
} flow_cases[] = {
	/* the flow as it should be, Security-Verify rewritten in another order
	 * and spacing: nothing */
	{ NULL, NULL, NULL, NULL, "rfc3329.flow.security-verify", true },
	{ NULL, NULL, NULL, NULL, "rfc3261.flow.challenge", true },
	{ NULL, NULL, NULL, NULL, "rfc3261.flow.cseq", true },
	{ NULL, NULL, "Security-Verify: ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=3333;spi-s=4444;"
	  "port-c=5066;port-s=5068", "Security-Verify: ipsec-3gpp; port-s=5068; port-c=5066; spi-s=4444; "
	  "spi-c=3333; ealg=AES-CBC; alg=hmac-sha-1-96; q=0.1", "rfc3329.flow.security-verify", true },
	/* Security-Verify altered or missing */
	{ NULL, NULL, "spi-c=3333;", "spi-c=3334;", "rfc3329.flow.security-verify", false },
	{ NULL, NULL, "Security-Verify: ", "X-Security-Verify: ", "rfc3329.flow.security-verify", false },
	/* a nonce the 401 did not give; an opaque not returned; another realm */
	{ NULL, NULL, "nonce=\"" NONCE_AKA "\"", "nonce=\"" NONCE_AKA_SEP "\"", "rfc3261.flow.challenge",
	  false },
	{ "qop=\"auth\"", "qop=\"auth\",opaque=\"5ccc069c\"", NULL, NULL, "rfc3261.flow.challenge", false },
	{ "qop=\"auth\"", "qop=\"auth\",opaque=\"5ccc069c\"", "cnonce=", "opaque=\"5ccc069c\",cnonce=",
	  "rfc3261.flow.challenge", true },
	{ "realm=\"" DOM "\"", "realm=\"other.example\"", NULL, NULL, "rfc3261.flow.challenge", false },
	/* the CSeq going backwards */
	{ NULL, NULL, "CSeq: 2 REGISTER", "CSeq: 0 REGISTER", "rfc3261.flow.cseq", false },
	/* the protected REGISTER repeats the initial Security-Client: as it is,
	 * in another order and case; a spi changed; no Security-Client at all is
	 * ts33203.security.verify's, not this rule's */
	{ NULL, NULL, NULL, NULL, "rfc3329.flow.security-client", true },
	{ NULL, NULL, "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;",
	  "Security-Client: ipsec-3gpp; spi-s=2222; SPI-C=1111; ealg=aes-cbc; alg=hmac-sha-1-96;",
	  "rfc3329.flow.security-client", true },
	{ NULL, NULL, "spi-c=1111;", "spi-c=1112;", "rfc3329.flow.security-client", false },
	{ NULL, NULL, "ealg=aes-cbc;spi-c=1111", "ealg=null;spi-c=1111", "rfc3329.flow.security-client", false },
	{ NULL, NULL, "Security-Client: ", "X-Security-Client: ", "rfc3329.flow.security-client", true },
};

static void test_flow_rules_compare_with_the_messages_before(void)
{
	for (size_t i = 0; i < sizeof flow_cases / sizeof flow_cases[0]; i++) {
		size_t len;
		char *ch = flow_cases[i].old401 ? mutate(challenge_401, flow_cases[i].old401,
							 flow_cases[i].new401, &len)
						: strdup(challenge_401);
		char *reg = flow_cases[i].old ? mutate(protected_register, flow_cases[i].old,
						       flow_cases[i].new_text, &len)
					      : strdup(protected_register);
		CHECK(ch != NULL && reg != NULL);
		if (!ch || !reg) {
			fprintf(stderr, "flow case %zu: text not found\n", i);
			free(ch);
			free(reg);
			continue;
		}
		const char *texts[] = { initial_register, ch, reg };
		struct findings fs;
		CHECK(run_flow(texts, 3, &fs) >= 0);
		bool fired = find(&fs, flow_cases[i].rule) != NULL;
		if (fired == flow_cases[i].quiet) {
			fprintf(stderr, "flow case %zu: %s %s\n", i, flow_cases[i].rule,
				fired ? "fired" : "did not fire");
			print_findings("got", &fs);
		}
		CHECK(fired != flow_cases[i].quiet);
		free(ch);
		free(reg);
	}
}

/* A 200 with the GRUUs as RFC 5627 §3.1 builds them (the gr value in the
 * URN's other spelling of case, RFC 8141 §3.1) draws no GRUU finding. */
static void test_gruus_built_from_the_aor_and_instance_are_quiet(void)
{
	size_t len;
	char *text = mutate(ok_200, "-000655-0>\"\r\n",
			    "-000655-0>\";pub-gruu=\"" IMPU ";gr=URN:GSMA:imei:35425006-000655-0\";"
			    "temp-gruu=\"sip:tgruu.7hs==jd7vnz@" DOM ";gr\"\r\n", &len);
	CHECK(text != NULL);
	if (!text)
		return;
	struct findings fs;
	CHECK(run(text, len, &fs) >= 0);
	if (find(&fs, "rfc5627.contact.gruu"))
		print_findings("gruu", &fs);
	CHECK(find(&fs, "rfc5627.contact.gruu") == NULL);
	free(text);
}

/* base with each pair of edits[] (old, new) applied in turn, or NULL. */
static char *mutate_all(const char *base, const char *const *edits, size_t n)
{
	size_t len;
	char *text = NULL;
	const char *cur = base;
	for (size_t i = 0; i + 1 < n; i += 2) {
		char *next = mutate(cur, edits[i], edits[i + 1], &len);
		free(text);
		if (!next)
			return NULL;
		cur = text = next;
	}
	return text ? text : strdup(base);
}

/* A registration refreshed with re-authentication (TS 24.229 §5.1.1.5.1,
 * TS 24.228's re-registration flow): the protected re-REGISTER offers a new
 * Security-Client (new SPIs and ports), the 401 a new Security-Server, and
 * the REGISTER answering it repeats the new Security-Client, not the
 * initial REGISTER's. Going back to the initial list is the change. */
static void test_flow_reauthentication_repeats_the_challenged_security_client(void)
{
	static const char *const rereg[] = {
		"CSeq: 2 REGISTER", "CSeq: 3 REGISTER",
		"branch=z9hG4bKdef456", "branch=z9hG4bKdef457",
		"spi-c=1111;spi-s=2222;port-c=5062;port-s=5064", "spi-c=5555;spi-s=6666;port-c=5072;port-s=5074",
	};
	static const char *const challenge[] = {
		"CSeq: 1 REGISTER", "CSeq: 3 REGISTER",
		"nonce=\"" NONCE_AKA "\"", "nonce=\"" NONCE_AKA_SEP "\"",
		"spi-c=3333;spi-s=4444;port-c=5066;port-s=5068", "spi-c=7777;spi-s=8888;port-c=5076;port-s=5078",
	};
	static const char *const answer[] = {
		"CSeq: 2 REGISTER", "CSeq: 4 REGISTER",
		"branch=z9hG4bKdef456", "branch=z9hG4bKdef458",
		"nonce=\"" NONCE_AKA "\"", "nonce=\"" NONCE_AKA_SEP "\"",
		"spi-c=1111;spi-s=2222;port-c=5062;port-s=5064", "spi-c=5555;spi-s=6666;port-c=5072;port-s=5074",
		"spi-c=3333;spi-s=4444;port-c=5066;port-s=5068", "spi-c=7777;spi-s=8888;port-c=5076;port-s=5078",
	};
	char *m5 = mutate_all(protected_register, rereg, sizeof rereg / sizeof rereg[0]);
	char *m6 = mutate_all(challenge_401, challenge, sizeof challenge / sizeof challenge[0]);
	char *m7 = mutate_all(protected_register, answer, sizeof answer / sizeof answer[0]);
	/* the answer with the initial REGISTER's list instead */
	char *m7b = mutate_all(protected_register, answer, sizeof answer / sizeof answer[0] - 4);
	char *m7c = m7b ? mutate_all(m7b, answer + 8, 2) : NULL;
	CHECK(m5 && m6 && m7 && m7c);
	if (m5 && m6 && m7 && m7c) {
		struct findings fs;
		const char *texts[] = { initial_register, challenge_401, protected_register, ok_200,
					m5, m6, m7 };
		CHECK(run_flow(texts, 7, &fs) >= 0);
		if (find(&fs, "rfc3329.flow.security-client") || find(&fs, "rfc3261.flow.challenge") ||
		    find(&fs, "rfc3329.flow.security-verify") || find(&fs, "rfc3261.flow.cseq"))
			print_findings("re-authentication", &fs);
		CHECK(find(&fs, "rfc3329.flow.security-client") == NULL);
		CHECK(find(&fs, "rfc3261.flow.challenge") == NULL);
		CHECK(find(&fs, "rfc3329.flow.security-verify") == NULL);
		CHECK(find(&fs, "rfc3261.flow.cseq") == NULL);
		texts[6] = m7c;
		CHECK(run_flow(texts, 7, &fs) >= 0);
		CHECK(find(&fs, "rfc3329.flow.security-client") != NULL);
	}
	free(m5);
	free(m6);
	free(m7);
	free(m7b);
	free(m7c);
}

/* A 200 without Contact answers a deregistration that came before it in
 * the input: no rfc3261.response.200-bindings (alone, it warns). */
static void test_flow_200_after_deregistration_has_no_contact_to_list(void)
{
	size_t len;
	char *dereg = mutate(protected_register, "Expires: 600000", "Expires: 0", &len);
	char *ok = mutate(ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000;"
			  "+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"\r\n", "", &len);
	CHECK(dereg != NULL && ok != NULL);
	if (dereg && ok) {
		struct findings fs;
		const char *texts[] = { dereg, ok };
		CHECK(run_flow(texts, 2, &fs) >= 0);
		CHECK(find(&fs, "rfc3261.response.200-bindings") == NULL);
		CHECK(run(ok, strlen(ok), &fs) >= 0);
		CHECK(find(&fs, "rfc3261.response.200-bindings") != NULL);
	}
	free(dereg);
	free(ok);
}

/* The IR.92 instance finding says what the URN is: a UUID, or another URN
 * (not "a UUID is for devices without one" for urn:gsma:imeisv:...). */
static void test_instance_kind_finding_names_what_it_got(void)
{
	static const struct {
		const char *urn, *says;
	} rows[] = {
		{ "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "is a UUID URN" },
		{ "urn:gsma:imeisv:3520990017614804", "neither an IMEI URN" },
	};
	for (size_t i = 0; i < 2; i++) {
		char repl[128];
		snprintf(repl, sizeof repl, "\"<%s>\"", rows[i].urn);
		size_t len;
		char *text = mutate(initial_register, "\"<urn:gsma:imei:35425006-000655-0>\"", repl, &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		struct findings fs;
		CHECK(run(text, len, &fs) >= 0);
		const struct ims_finding *f = find(&fs, "ir92.contact.instance-imei");
		CHECK(f != NULL && strstr(f->message, rows[i].says) != NULL);
		free(text);
	}
}

/* Flows as a P-CSCF log shows them (QA): the Mw copies of the messages,
 * a Call-ID reused after the registration ended, two UEs interleaved, a
 * CSeq reused with a new branch. */
static void test_flow_in_a_pcscf_log(void)
{
	size_t len;
	const char *pcscf_via = "Via: SIP/2.0/UDP [2001:db8::100]:5060;branch=z9hG4bKpcscf1\r\n";
	char via2[256];
	snprintf(via2, sizeof via2, "%sVia: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bKdef456", pcscf_via);
	/* the REGISTER the P-CSCF forwards: its Via on top, no Security-Verify */
	char *m1 = mutate(protected_register, "Via: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bKdef456", via2, &len);
	char *mw = m1 ? mutate(m1, "Security-Verify: ", "X-Dropped: ", &len) : NULL;
	/* the S-CSCF's 401 on Mw, with ck and ik */
	char *ch1 = mutate(challenge_401, "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123",
			   "Via: SIP/2.0/UDP [2001:db8::100]:5060;branch=z9hG4bKpcscf0\r\n"
			   "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKabc123", &len);
	char *mw401 = ch1 ? mutate(ch1, "qop=\"auth\"", "qop=\"auth\",ck=\"00112233\",ik=\"44556677\"", &len) : NULL;
	/* a new initial REGISTER on the same Call-ID after the 200 */
	char *again = mutate(initial_register, "CSeq: 1 REGISTER", "CSeq: 3 REGISTER", &len);
	/* another UE's REGISTER in between */
	char *other = mutate(initial_register, "Call-ID: c1@2001:db8::1", "Call-ID: other@2001:db8::9", &len);
	char *dereg = mutate(protected_register, "Expires: 600000", "Expires: 0", &len);
	char *ok0 = mutate(ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000;"
			   "+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"\r\n", "", &len);
	char *wrong = mutate(protected_register, "nonce=\"" NONCE_AKA "\"", "nonce=\"" NONCE_AKA_SEP "\"", &len);
	char *c1 = mutate(protected_register, "CSeq: 2 REGISTER", "CSeq: 1 REGISTER", &len);
	char *samecseq = c1 ? mutate(c1, "branch=z9hG4bKdef456", "branch=z9hG4bKnew789", &len) : NULL;
	CHECK(mw && mw401 && again && other && dereg && ok0 && wrong && samecseq);
	if (mw && mw401 && again && other && dereg && ok0 && wrong && samecseq) {
		struct findings fs;
		const char *fwd[] = { initial_register, mw401, challenge_401, protected_register, mw };
		CHECK(run_flow(fwd, 5, &fs) >= 0);
		CHECK(find(&fs, "rfc3329.flow.security-verify") == NULL);
		CHECK(find(&fs, "rfc3261.flow.challenge") == NULL);
		const char *mwonly[] = { mw401 };
		CHECK(run_flow(mwonly, 1, &fs) >= 0);
		CHECK(find(&fs, "ts24229.response.401-aka") == NULL);
		const char *reuse[] = { initial_register, challenge_401, protected_register, ok_200, again };
		CHECK(run_flow(reuse, 5, &fs) >= 0);
		CHECK(find(&fs, "rfc3329.flow.security-verify") == NULL);
		const char *inter[] = { dereg, other, ok0 };
		CHECK(run_flow(inter, 3, &fs) >= 0);
		CHECK(find(&fs, "rfc3261.response.200-bindings") == NULL);
		const char *inter2[] = { initial_register, challenge_401, other, wrong };
		CHECK(run_flow(inter2, 4, &fs) >= 0);
		CHECK(find(&fs, "rfc3261.flow.challenge") != NULL);
		const char *same[] = { initial_register, challenge_401, samecseq };
		CHECK(run_flow(same, 3, &fs) >= 0);
		CHECK(find(&fs, "rfc3261.flow.cseq") != NULL);
		const char *retrans[] = { initial_register, initial_register };
		CHECK(run_flow(retrans, 2, &fs) >= 0);
		CHECK(find(&fs, "rfc3261.flow.cseq") == NULL);
	}
	free(m1);
	free(mw);
	free(ch1);
	free(mw401);
	free(again);
	free(other);
	free(dereg);
	free(ok0);
	free(wrong);
	free(c1);
	free(samecseq);
}

/* ---- the flow of a long log: every Call-ID kept, bounds counted ----------- */

/* One message of a flow, its findings in fs: ims_rules_check_flow's
 * count, or -1 when text does not parse. */
static int flow_step(struct ims_flow *flow, const char *text, struct findings *fs)
{
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;
	memset(fs, 0, sizeof *fs);
	sip_msg_init(&msg, hdrs, 64);
	if (sip_msg_parse(&msg, text, strlen(text), SIP_PARSE_LENIENT, &err) < 0)
		return -1;
	return ims_rules_check_flow(&msg, flow, collect_cb, fs);
}

/* base with Call-ID number i and, when old is not NULL, old -> new_text
 * (malloc'd). */
static char *call_msg(const char *base, unsigned i, const char *old, const char *new_text)
{
	char id[64];
	size_t len;
	snprintf(id, sizeof id, "Call-ID: reg%u@2001:db8::1", i);
	char *t = mutate(base, "Call-ID: c1@2001:db8::1", id, &len);
	if (t && old) {
		char *u = mutate(t, old, new_text, &len);
		free(t);
		t = u;
	}
	CHECK(t != NULL);
	return t;
}

/* Call-ID i's message base (changed old -> new_text) through the flow:
 * whether rule fired on it. */
static bool call_fires(struct ims_flow *flow, const char *base, unsigned i, const char *old,
		       const char *new_text, const char *rule)
{
	struct findings fs;
	char *t = call_msg(base, i, old, new_text);
	bool fired = false;
	if (t) {
		CHECK(flow_step(flow, t, &fs) >= 0);
		fired = find(&fs, rule) != NULL;
	}
	free(t);
	return fired;
}

static bool any_flow_finding(const struct findings *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		if (strstr(fs->f[i].id, ".flow."))
			return true;
	return false;
}

/* A P-CSCF log interleaves registrations: the initial REGISTERs of 200
 * Call-IDs, then their 401s, then their protected REGISTERs. Call-ID 0
 * answers with a nonce its 401 did not give, Call-ID 1 with a CSeq that
 * went down: both are caught, 200 records later (a table of the last 8
 * Call-IDs lost them), and the others draw no flow finding. */
static void test_flow_keeps_every_call_id_of_an_interleaved_log(void)
{
	enum { N = 200 };
	struct ims_flow flow;
	ims_flow_init(&flow);
	struct findings fs;
	unsigned wrong_flow = 0;
	for (unsigned i = 0; i < N; i++) {
		char *t = call_msg(initial_register, i, NULL, NULL);
		CHECK(t && flow_step(&flow, t, &fs) >= 0);
		free(t);
	}
	for (unsigned i = 0; i < N; i++) {
		char *t = call_msg(challenge_401, i, NULL, NULL);
		CHECK(t && flow_step(&flow, t, &fs) >= 0);
		free(t);
	}
	CHECK_INT_EQ(flow.nused, N);
	for (unsigned i = 0; i < N; i++) {
		const char *old = i == 0 ? "nonce=\"" NONCE_AKA "\"" : i == 1 ? "CSeq: 2 REGISTER" : NULL;
		const char *new_text = i == 0 ? "nonce=\"" NONCE_AKA_SEP "\"" : "CSeq: 0 REGISTER";
		char *t = call_msg(protected_register, i, old, new_text);
		CHECK(t && flow_step(&flow, t, &fs) >= 0);
		free(t);
		if (i == 0)
			CHECK(find(&fs, "rfc3261.flow.challenge") != NULL);
		else if (i == 1)
			CHECK(find(&fs, "rfc3261.flow.cseq") != NULL);
		else if (any_flow_finding(&fs) && wrong_flow++ == 0)
			print_findings("unexpected", &fs);
	}
	CHECK_INT_EQ(wrong_flow, 0);
	CHECK_INT_EQ(ims_flow_dropped(&flow, NULL), 0);
	ims_flow_fini(&flow);
	CHECK_INT_EQ(flow.nused, 0);
	ims_flow_fini(&flow); /* again: a zeroed flow */
}

/* Many Call-IDs: the index keeps its chains short (average O(1) lookup),
 * the records take what their strings need. */
static void test_flow_index_of_many_call_ids(void)
{
	enum { N = 20000 };
	struct ims_flow flow;
	ims_flow_init(&flow);
	struct findings fs;
	for (unsigned i = 0; i < N; i++) {
		char *t = call_msg(initial_register, i, NULL, NULL);
		CHECK(t && flow_step(&flow, t, &fs) >= 0);
		free(t);
	}
	CHECK_INT_EQ(flow.nused, N);
	CHECK(flow.nbucket >= N);
	size_t longest = 0;
	for (size_t b = 0; b < flow.nbucket; b++) {
		size_t k = 0;
		for (uint32_t id = flow.bucket[b]; id; id = flow.call[id - 1].hash_next)
			k++;
		longest = k > longest ? k : longest;
	}
	CHECK(longest <= 16);
	/* a record: its struct and its strings (Call-ID, branch, Security-Client) */
	CHECK(flow.bytes / N < sizeof(struct ims_flow_call) + 256);
	CHECK(call_fires(&flow, protected_register, 7, "CSeq: 2 REGISTER", "CSeq: 0 REGISTER",
			 "rfc3261.flow.cseq"));
	ims_flow_fini(&flow);
}

/* Beyond max_calls the least recently used record goes, and is counted;
 * a Call-ID noted again is recent again. max_bytes the same. */
static void test_flow_bound_evicts_least_recently_used_and_counts(void)
{
	enum { MAX = 16 };
	struct ims_flow flow;
	ims_flow_init(&flow);
	flow.max_calls = MAX;
	struct findings fs;
	for (unsigned i = 0; i < MAX; i++)
		CHECK(!call_fires(&flow, initial_register, i, NULL, NULL, "rfc3261.flow.cseq"));
	CHECK_INT_EQ(ims_flow_dropped(&flow, NULL), 0);
	/* Call-ID 0 answered: the most recent; a new Call-ID evicts Call-ID 1 */
	CHECK(!call_fires(&flow, challenge_401, 0, NULL, NULL, "rfc3261.flow.cseq"));
	CHECK(!call_fires(&flow, initial_register, MAX, NULL, NULL, "rfc3261.flow.cseq"));
	uint64_t nomem = 9;
	CHECK_INT_EQ(ims_flow_dropped(&flow, &nomem), 1);
	CHECK_INT_EQ(nomem, 0);
	CHECK_INT_EQ(flow.evicted, 1);
	CHECK_INT_EQ(flow.nused, MAX);
	CHECK(call_fires(&flow, protected_register, 0, "CSeq: 2 REGISTER", "CSeq: 0 REGISTER",
			 "rfc3261.flow.cseq"));
	/* Call-ID 1's record is gone: its REGISTER is checked alone (and
	 * starts a record again, evicting the next least recent) */
	CHECK(!call_fires(&flow, protected_register, 1, "CSeq: 2 REGISTER", "CSeq: 0 REGISTER",
			  "rfc3261.flow.cseq"));
	CHECK_INT_EQ(flow.evicted, 2);
	for (unsigned i = 100; i < 300; i++)
		CHECK(!call_fires(&flow, initial_register, i, NULL, NULL, "rfc3261.flow.cseq"));
	CHECK_INT_EQ(flow.evicted, 202);
	CHECK_INT_EQ(flow.nused, MAX);
	CHECK(flow.ncalls <= MAX);
	/* a bound lowered on the way: the next new Call-ID brings it down */
	flow.max_calls = 4;
	CHECK(!call_fires(&flow, initial_register, 1000, NULL, NULL, "rfc3261.flow.cseq"));
	CHECK_INT_EQ(flow.nused, 4);
	CHECK_INT_EQ(flow.evicted, 202 + MAX - 3);
	ims_flow_fini(&flow);

	/* a byte budget of about four records */
	ims_flow_init(&flow);
	char *t = call_msg(initial_register, 0, NULL, NULL);
	CHECK(t && flow_step(&flow, t, &fs) >= 0);
	free(t);
	size_t one = flow.bytes;
	ims_flow_fini(&flow);
	ims_flow_init(&flow);
	flow.max_bytes = 4 * one + one / 2;
	for (unsigned i = 0; i < 40; i++)
		CHECK(!call_fires(&flow, initial_register, i, NULL, NULL, "rfc3261.flow.cseq"));
	CHECK_INT_EQ(flow.nused, 4);
	CHECK_INT_EQ(flow.evicted, 36);
	CHECK(flow.bytes <= flow.max_bytes);
	CHECK(call_fires(&flow, protected_register, 39, "CSeq: 2 REGISTER", "CSeq: 0 REGISTER",
			 "rfc3261.flow.cseq"));
	ims_flow_fini(&flow);
}

/* An allocation that fails drops the record it was for, counted in nomem;
 * the message's own findings are all there, nothing leaks. */
static void test_flow_allocation_failure_is_counted_not_fatal(void)
{
	struct findings alone, fs;
	char *reg = call_msg(initial_register, 0, NULL, NULL);
	char *ch = call_msg(challenge_401, 0, NULL, NULL);
	char *wrong = call_msg(protected_register, 0, "nonce=\"" NONCE_AKA "\"", "nonce=\"" NONCE_AKA_SEP "\"");
	CHECK(reg && ch && wrong);
	if (!reg || !ch || !wrong)
		goto out;
	CHECK(run(reg, strlen(reg), &alone) > 0);
	long base = alloc_live();
	for (long n = 0; n < 8; n++) {
		/* the first REGISTER of a Call-ID: its record */
		struct ims_flow flow;
		ims_flow_init(&flow);
		alloc_fail_after(n);
		int rc = flow_step(&flow, reg, &fs);
		alloc_fail_after(-1);
		CHECK_INT_EQ(rc, (int)alone.n);
		CHECK_INT_EQ(fs.n, alone.n);
		bool kept = flow.nused == 1;
		CHECK_INT_EQ(ims_flow_dropped(&flow, NULL), kept ? 0 : 1);
		CHECK_INT_EQ(flow.nomem, kept ? 0 : 1);
		/* the 401, the record updated */
		alloc_fail_after(n);
		rc = flow_step(&flow, ch, &fs);
		alloc_fail_after(-1);
		CHECK(rc >= 0);
		if (kept && flow.nused == 0)
			CHECK_INT_EQ(flow.nomem, 1);
		/* the REGISTER answering a nonce the 401 did not give: caught
		 * when the flow kept the 401, else not compared and counted */
		bool has_401 = flow.nused == 1;
		CHECK(has_401 || flow.nomem > 0);
		CHECK(flow_step(&flow, wrong, &fs) >= 0);
		CHECK((find(&fs, "rfc3261.flow.challenge") != NULL) == has_401);
		if (n == 7) /* enough allocations */
			CHECK(has_401 && flow.nomem == 0);
		ims_flow_fini(&flow);
		CHECK_INT_EQ(alloc_live(), base);
	}
out:
	free(reg);
	free(ch);
	free(wrong);
}

/* The reginfo versions of one subscription's NOTIFYs (same Call-ID):
 * each sequence, the finding of its last NOTIFY. */
static const struct {
	const char *versions[4];   /* version attributes, in order; NULL ends */
	const char *last_state;    /* the last one's reginfo state */
	bool fires;
	const char *text;          /* in the message, when it fires */
} version_cases[] = {
	{ { "0", "1", NULL }, "full", false, NULL },
	{ { "0", "0", NULL }, "full", false, NULL },      /* a retransmission, a proxy's copy */
	{ { "0", "1", "1", NULL }, "full", false, NULL },
	{ { "0", "2", NULL }, "full", true, "reginfo version 2 after 0: 1 notification(s)" },
	{ { "0", "1", "5", NULL }, "partial", true, "it needs the full state" },
	{ { "3", "1", NULL }, "full", true, "reginfo version 1 after 3: an older notification" },
	{ { "0", "4294967295", NULL }, "full", true, "4294967294 notification(s)" },
};

static void test_flow_reginfo_versions_count_up_by_one(void)
{
	for (size_t i = 0; i < sizeof version_cases / sizeof version_cases[0]; i++) {
		char *texts[4] = { NULL };
		size_t n = 0;
		for (; n < 4 && version_cases[i].versions[n]; n++) {
			char attr[64];
			snprintf(attr, sizeof attr, "version=\"%s\" state=\"%s\"", version_cases[i].versions[n],
				 version_cases[i].versions[n + 1] ? "full" : version_cases[i].last_state);
			size_t l;
			texts[n] = mutate(notify_reginfo, "version=\"0\" state=\"full\"", attr, &l);
			CHECK(texts[n] != NULL);
		}
		struct findings fs;
		CHECK(run_flow((const char *const *)texts, n, &fs) >= 0);
		const struct ims_finding *f = find(&fs, "rfc3680.flow.version");
		if (!f != !version_cases[i].fires) {
			fprintf(stderr, "version case %zu: %s\n", i, f ? "fired" : "quiet");
			print_findings("got", &fs);
		}
		CHECK(!f == !version_cases[i].fires);
		if (f && version_cases[i].text)
			CHECK(strstr(f->message, version_cases[i].text) != NULL);
		for (size_t k = 0; k < n; k++)
			free(texts[k]);
	}
	/* another subscription (Call-ID) starts its own count */
	size_t l;
	char *a = mutate(notify_reginfo, "version=\"0\"", "version=\"5\"", &l);
	char *b = mutate(notify_reginfo, "Call-ID: n1@", "Call-ID: n2@", &l);
	const char *ab[] = { a, b };
	struct findings fs;
	CHECK(run_flow(ab, 2, &fs) >= 0);
	CHECK(find(&fs, "rfc3680.flow.version") == NULL);
	free(a);
	free(b);
}

/* A 200 to a REGISTER, then a reg-event NOTIFY in its own dialog: the
 * full reginfo and the 200 agree on the bindings of the AOR. Each case
 * changes the 200 (old200 -> new200) and the NOTIFY (old -> new). */
#define GRANTED_CONTACT "Contact: <sip:+491701234567@[2001:db8::1]:5060>;expires=600000"
static const struct {
	const char *old200, *new200;
	const char *old, *new_text;
	bool fires;
	const char *text;          /* in the message, when it fires */
} bindings_cases[] = {
	/* the same binding: quiet; the host in another case, a parameter in
	 * one URI only (RFC 3261 §19.1.4): still the same */
	{ NULL, NULL, NULL, NULL, false, NULL },
	{ NULL, NULL, "@[2001:db8::1]:5060</uri>", "@[2001:DB8::1]:5060;ob</uri>", false, NULL },
	/* the AOR written with its domain in capitals: the same record */
	{ NULL, NULL, "<registration aor=\"sip:+491701234567@ims.mnc001",
	  "<registration aor=\"sip:+491701234567@IMS.mnc001", false, NULL },
	/* the granted binding is not in the full document */
	{ NULL, NULL, "@[2001:db8::1]:5060</uri>", "@[2001:db8::1]:5099</uri>", true,
	  "does not list sip:+491701234567@[2001:db8::1]:5060 for " },
	/* ... and the one it lists active was not granted */
	{ NULL, NULL, "@[2001:db8::1]:5060</uri>", "@[2001:db8::1]:5099</uri>", true,
	  "lists sip:+491701234567@[2001:db8::1]:5099 active" },
	/* the 200 of a deregistration listed no binding; the NOTIFY still
	 * has it active */
	{ GRANTED_CONTACT, "Contact: <sip:+491701234567@[2001:db8::1]:5060>;expires=0", NULL, NULL, true,
	  "a deregistration it missed" },
	/* ... terminated: the removal is rfc3680.reginfo.removed's, not this rule's */
	{ GRANTED_CONTACT, "Contact: <sip:+491701234567@[2001:db8::1]:5060>;expires=0",
	  "state=\"active\" event=\"registered\"", "state=\"terminated\" event=\"unregistered\"", false,
	  NULL },
	/* the same address registered for emergency (sos) is another binding */
	{ NULL, NULL, "@[2001:db8::1]:5060</uri>", "@[2001:db8::1]:5060;sos</uri>", true,
	  "does not list sip:+491701234567@[2001:db8::1]:5060 for " },
	/* a partial document lists only what changed */
	{ NULL, NULL, "state=\"full\"", "state=\"partial\"", false, NULL },
	/* another AOR (the tel URI of the implicit set) has no 200 here */
	{ NULL, NULL, "<registration aor=\"" IMPU "\"", "<registration aor=\"tel:+491701234567\"", false,
	  NULL },
	/* a 401 grants nothing */
	{ "SIP/2.0 200 OK", "SIP/2.0 401 Unauthorized", "@[2001:db8::1]:5060</uri>", "@[2001:db8::1]:5099</uri>",
	  false, NULL },
};

static void test_flow_full_reginfo_agrees_with_the_last_200(void)
{
	for (size_t i = 0; i < sizeof bindings_cases / sizeof bindings_cases[0]; i++) {
		size_t l;
		char *ok = mutate(ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000", GRANTED_CONTACT, &l);
		char *ok2 = bindings_cases[i].old200 ? mutate(ok, bindings_cases[i].old200,
							      bindings_cases[i].new200, &l)
						     : strdup(ok);
		char *nt = bindings_cases[i].old ? mutate(notify_reginfo, bindings_cases[i].old,
							  bindings_cases[i].new_text, &l)
						 : strdup(notify_reginfo);
		CHECK(ok && ok2 && nt);
		if (ok && ok2 && nt) {
			const char *texts[] = { ok2, nt };
			struct findings fs;
			CHECK(run_flow(texts, 2, &fs) >= 0);
			const struct ims_finding *f = NULL;
			for (size_t k = 0; k < fs.n; k++)
				if (strcmp(fs.f[k].id, "rfc3680.flow.bindings") == 0 &&
				    (!bindings_cases[i].text || strstr(fs.f[k].message, bindings_cases[i].text)))
					f = &fs.f[k];
			if (!f != !bindings_cases[i].fires) {
				fprintf(stderr, "bindings case %zu: %s\n", i, f ? "fired" : "quiet");
				print_findings("got", &fs);
			}
			CHECK(!f == !bindings_cases[i].fires);
			/* alone, the NOTIFY has nothing to compare with */
			struct findings alone;
			const char *one[] = { nt };
			CHECK(run_flow(one, 1, &alone) >= 0);
			CHECK(find(&alone, "rfc3680.flow.bindings") == NULL);
		}
		free(ok);
		free(ok2);
		free(nt);
	}
}

/* A 200 (first), then t: rule fires (with text in its message, when not
 * NULL) or stays quiet; t alone, with nothing before it to compare with,
 * stays quiet. what and i name the case in a failure. */
/* texts[0 .. n) through one flow: rule fires on them (with text in its
 * message, when not NULL) or stays quiet; and the last text alone, with
 * nothing before it to compare with, stays quiet. what and i name the
 * case in a failure. */
static void expect_flow(const char *const *texts, size_t n, const char *rule, bool fires,
			const char *text, const char *what, size_t i)
{
	struct findings fs;
	CHECK(run_flow(texts, n, &fs) >= 0);
	const struct ims_finding *f = find(&fs, rule);
	if (!f != !fires || (f && text && !strstr(f->message, text))) {
		fprintf(stderr, "%s case %zu: %s\n", what, i, f ? f->message : "quiet");
		print_findings("got", &fs);
	}
	CHECK(!f == !fires);
	if (f && text)
		CHECK(strstr(f->message, text) != NULL);
	CHECK(run_flow(texts + n - 1, 1, &fs) >= 0);
	CHECK(find(&fs, rule) == NULL);
}

static void check_after_200(const char *first, const char *t, const char *rule, bool fires,
			    const char *text, const char *what, size_t i)
{
	const char *texts[] = { first, t };
	expect_flow(texts, 2, rule, fires, text, what, i);
}

/* The 200 to a REGISTER (Service-Route <sip:orig@scscf.DOM;lr>,
 * P-Associated-URI the IMPU and its tel URI), then the UE's SUBSCRIBE to
 * reg changed (old -> new): routed by the P-CSCF, then the Service-Route. */
#define PCSCF_ROUTE "Route: <sip:[2001:db8::10]:5068;lr>, <sip:orig@scscf." DOM ";lr>\r\n"
static const struct {
	const char *old, *new_text;
	bool fires;
	const char *text;          /* in the message, when it fires */
} service_route_cases[] = {
	{ NULL, NULL, false, NULL },
	/* in two fields, the host in another case, no lr: the same URIs */
	{ "Route: <sip:[2001:db8::10]:5068;lr>, <sip:orig@scscf." DOM ";lr>",
	  "Route: <sip:[2001:db8::10]:5068;lr>\r\nRoute: <sip:orig@SCSCF." DOM ">", false, NULL },
	/* the identity of the implicit set the 200 listed, in From and To,
	 * or in P-Preferred-Identity */
	{ "From: <" IMPU ">;tag=s1\r\nTo: <" IMPU ">", "From: <tel:+491701234567>;tag=s1\r\nTo: <tel:+491701234567>",
	  false, NULL },
	{ "Route: <sip:[2001:db8::10]:5068;lr>, <sip:orig@scscf." DOM ";lr>\r\nFrom: <" IMPU ">;tag=s1\r\nTo: <" IMPU ">",
	  "From: <sip:anon@" DOM ">;tag=s1\r\nTo: <sip:anon@" DOM ">\r\nP-Preferred-Identity: <tel:+491701234567>",
	  true, "no Route" },
	{ PCSCF_ROUTE, "", true, "no Route: after its registration" },
	/* the tel URI the 200 listed, written with visual separators */
	{ PCSCF_ROUTE "From: <" IMPU ">;tag=s1\r\nTo: <" IMPU ">",
	  "From: <tel:+49-170-123-4567>;tag=s1\r\nTo: <tel:+49-170-123-4567>", true, "no Route" },
	{ "<sip:[2001:db8::10]:5068;lr>, ", "", true, "the Service-Route alone" },
	{ ", <sip:orig@scscf." DOM ";lr>", "", true, "is not the P-CSCF's URI, then the" },
	{ "<sip:orig@scscf." DOM ";lr>", "<sip:orig@scscf2." DOM ";lr>", true, "ignores or mangles" },
	{ "scscf." DOM ";lr>", "scscf." DOM ";lr>, <sip:as." DOM ";lr>", true, "Route (3 entries)" },
	/* in a dialog (a To tag): the dialog's route set, not this rule's */
	{ "To: <" IMPU ">", "To: <" IMPU ">;tag=d1\r\nX-Route-Gone: " PCSCF_ROUTE, false, NULL },
	/* an identity the 200 did not list */
	{ PCSCF_ROUTE "From: <" IMPU ">;tag=s1\r\nTo: <" IMPU ">",
	  "From: <sip:other@" DOM ">;tag=s1\r\nTo: <sip:other@" DOM ">", false, NULL },
	/* on another leg (the P-CSCF forwarded it: two Vias) */
	{ PCSCF_ROUTE, "Via: SIP/2.0/UDP [2001:db8::10]:5068;branch=z9hG4bKp1\r\n", false, NULL },
};

static void test_flow_requests_after_the_200_follow_its_service_route(void)
{
	size_t l;
	char *sub = mutate(ue_subscribe_reg, "Max-Forwards: 70\r\n", "Max-Forwards: 70\r\n" PCSCF_ROUTE, &l);
	CHECK(sub != NULL);
	for (size_t i = 0; sub && i < sizeof service_route_cases / sizeof service_route_cases[0]; i++) {
		char *t = service_route_cases[i].old
				  ? mutate(sub, service_route_cases[i].old, service_route_cases[i].new_text, &l)
				  : strdup(sub);
		CHECK(t != NULL);
		if (!t) {
			fprintf(stderr, "service-route case %zu: \"%s\" not in the SUBSCRIBE\n", i,
				service_route_cases[i].old);
			continue;
		}
		check_after_200(ok_200, t, "ims.flow.service-route", service_route_cases[i].fires,
				service_route_cases[i].text, "service-route", i);
		free(t);
	}
	/* a 200 without Service-Route asks nothing */
	char *ok = mutate(ok_200, "Service-Route: <sip:orig@scscf." DOM ";lr>\r\n", "", &l);
	const char *texts[] = { ok, ue_subscribe_reg };
	struct findings fs;
	CHECK(ok && run_flow(texts, 2, &fs) >= 0);
	CHECK(find(&fs, "ims.flow.service-route") == NULL);
	free(ok);
	free(sub);
}

/* The 200 (Contact <sip:[2001:db8::1]:5064>, P-Associated-URI the IMPU
 * and its tel URI), then the UE's SUBSCRIBE from that contact with a
 * P-Preferred-Identity (old -> new): one the 200 listed, or not. */
#define PPI_FROM_CONTACT "Contact: <sip:[2001:db8::1]:5064>\r\nP-Preferred-Identity: <" IMPU ">\r\n"
static const struct {
	const char *old, *new_text;
	bool fires;
	const char *text;
} ppi_cases[] = {
	{ NULL, NULL, false, NULL },
	{ "P-Preferred-Identity: <" IMPU ">", "P-Preferred-Identity: <tel:+491701234567>", false, NULL },
	{ "P-Preferred-Identity: <" IMPU ">", "P-Preferred-Identity: <sip:+491701234567@IMS.mnc001.mcc262.3gppnetwork.org>",
	  false, NULL },
	{ "P-Preferred-Identity: <" IMPU ">", "P-Preferred-Identity: <sip:262011234567890@" DOM ">", true,
	  "P-Preferred-Identity sip:262011234567890@" DOM " is not one of the 2 identities" },
	/* a sip and a tel value: the tel one not listed */
	{ "P-Preferred-Identity: <" IMPU ">", "P-Preferred-Identity: <" IMPU ">, <tel:+491709999999>", true,
	  "tel:+491709999999 is not one of" },
	{ "P-Preferred-Identity: <" IMPU ">\r\n", "", false, NULL },
	/* from another contact (not the one the 200 granted), in a dialog */
	{ "Contact: <sip:[2001:db8::1]:5064>", "Contact: <sip:[2001:db8::1]:5099>", false, NULL },
	/* the contact the 200 granted, its IPv6 address written another way */
	{ "Contact: <sip:[2001:db8::1]:5064>\r\nP-Preferred-Identity: <" IMPU ">",
	  "Contact: <sip:[2001:DB8:0::1]:5064>\r\nP-Preferred-Identity: <sip:x@" DOM ">", true,
	  "is not one of the 2 identities" },
	{ "To: <" IMPU ">", "To: <" IMPU ">;tag=d2", false, NULL },
};

static void test_flow_preferred_identity_is_one_the_200_listed(void)
{
	size_t l;
	char *sub = mutate(ue_subscribe_reg, "Contact: <sip:[2001:db8::1]:5064>\r\n", PPI_FROM_CONTACT, &l);
	CHECK(sub != NULL);
	for (size_t i = 0; sub && i < sizeof ppi_cases / sizeof ppi_cases[0]; i++) {
		char *t = ppi_cases[i].old ? mutate(sub, ppi_cases[i].old, ppi_cases[i].new_text, &l) : strdup(sub);
		CHECK(t != NULL);
		if (!t)
			continue;
		check_after_200(ok_200, t, "ts24229.flow.preferred-identity", ppi_cases[i].fires,
				ppi_cases[i].text, "ppi", i);
		free(t);
	}
	/* a second registration at the same contact (another IMPU, its own
	 * implicit set): the identities of both pass */
	char *ok2 = mutate(ok_200, "P-Associated-URI: <" IMPU ">, <tel:+491701234567>",
			   "P-Associated-URI: <sip:second@" DOM ">", &l);
	char *other = sub ? mutate(sub, "P-Preferred-Identity: <" IMPU ">", "P-Preferred-Identity: <tel:+491701234567>",
				   &l) : NULL;
	char *second = sub ? mutate(sub, "P-Preferred-Identity: <" IMPU ">", "P-Preferred-Identity: <sip:second@" DOM ">",
				    &l) : NULL;
	const char *both1[] = { ok_200, ok2, other }, *both2[] = { ok_200, ok2, second };
	struct findings fb;
	CHECK(ok2 && other && second && run_flow(both1, 3, &fb) >= 0);
	CHECK(find(&fb, "ts24229.flow.preferred-identity") == NULL);
	CHECK(run_flow(both2, 3, &fb) >= 0);
	CHECK(find(&fb, "ts24229.flow.preferred-identity") == NULL);
	free(ok2);
	free(other);
	free(second);
	/* a 200 without P-Associated-URI lists nothing to compare with */
	char *ok = mutate(ok_200, "P-Associated-URI: <" IMPU ">, <tel:+491701234567>\r\n", "", &l);
	char *bad = sub ? mutate(sub, "P-Preferred-Identity: <" IMPU ">", "P-Preferred-Identity: <sip:x@" DOM ">", &l)
			: NULL;
	const char *texts[] = { ok, bad };
	struct findings fs;
	CHECK(ok && bad && run_flow(texts, 2, &fs) >= 0);
	CHECK(find(&fs, "ts24229.flow.preferred-identity") == NULL);
	free(ok);
	free(bad);
	free(sub);
}

/* A reg-event NOTIFY that ends the registration of the UE's contact
 * <sip:[2001:db8::1]:5064> (the SUBSCRIBE's and the protected REGISTER's),
 * then the UE's messages: a request from that contact before a REGISTER of
 * it, or a REGISTER of it after rejected, fires. */
#define REMOVED(ev, extra)                                                                 \
	"  <contact id=\"76\" state=\"terminated\" event=\"" ev "\"" extra ">\n"                  \
	"   <uri>sip:[2001:db8::1]:5064</uri>\n"
#define ACTIVE_5064                                                                        \
	"  <contact id=\"76\" state=\"active\" event=\"registered\" expires=\"600000\">\n"       \
	"   <uri>sip:[2001:DB8:0::1]:5064</uri>\n"
static const struct {
	const char *contact;      /* the NOTIFY's contact element, its first two lines */
	const char *contact2;     /* a second NOTIFY's, or NULL */
	bool reregister;          /* the protected REGISTER between NOTIFY and SUBSCRIBE */
	const char *sub_old, *sub_new; /* the SUBSCRIBE changed, or NULL */
	bool last_register;       /* the protected REGISTER is the last message (no SUBSCRIBE) */
	bool fires;
	const char *text;
} removed_cases[] = {
	{ REMOVED("deactivated", ""), NULL, false, NULL, NULL, false, true,
	  "event deactivated in the reg-event NOTIFY CSeq 1" },
	{ REMOVED("deactivated", ""), NULL, false, NULL, NULL, false, true, "new initial registration" },
	{ REMOVED("probation", " retry-after=\"60\""), NULL, false, NULL, NULL, false, true,
	  "after retry-after (60 s)" },
	{ REMOVED("rejected", ""), NULL, false, NULL, NULL, false, true, "does not register this contact again" },
	{ REMOVED("expired", ""), NULL, false, NULL, NULL, false, true, "look for the refresh REGISTER" },
	/* the UE's own deregistration: its own doing */
	{ REMOVED("unregistered", ""), NULL, false, NULL, NULL, false, false, NULL },
	/* registered again in between, or listed active again */
	{ REMOVED("deactivated", ""), NULL, true, NULL, NULL, false, false, NULL },
	{ REMOVED("deactivated", ""), ACTIVE_5064, false, NULL, NULL, false, false, NULL },
	/* the same address written another way */
	{ "  <contact id=\"76\" state=\"terminated\" event=\"deactivated\">\n"
	  "   <uri>sip:[2001:0db8:0:0::1]:5064;transport=udp</uri>\n", NULL, false, NULL, NULL, false, true, NULL },
	/* another contact, or in a dialog */
	{ REMOVED("deactivated", ""), NULL, false, "Contact: <sip:[2001:db8::1]:5064>",
	  "Contact: <sip:[2001:db8::1]:5066>", false, false, NULL },
	{ REMOVED("deactivated", ""), NULL, false, "To: <" IMPU ">", "To: <" IMPU ">;tag=x9", false, false, NULL },
	/* a REGISTER of the contact: expected after deactivated, not after
	 * rejected */
	{ REMOVED("deactivated", ""), NULL, false, NULL, NULL, true, false, NULL },
	{ REMOVED("rejected", ""), NULL, false, NULL, NULL, true, true, "RFC 3680 §5.1 asks the UE not to register it again" },
};

static void test_flow_contact_removed_by_the_network_is_registered_again_first(void)
{
	static const char active[] = "  <contact id=\"76\" state=\"active\" event=\"registered\" expires=\"600000\">\n"
				     "   <uri>sip:+491701234567@[2001:db8::1]:5060</uri>\n";
	for (size_t i = 0; i < sizeof removed_cases / sizeof removed_cases[0]; i++) {
		size_t l;
		char *nt = mutate(notify_reginfo, active, removed_cases[i].contact, &l);
		char *nt2 = removed_cases[i].contact2 ? mutate(notify_reginfo, active, removed_cases[i].contact2, &l)
						      : NULL;
		char *nt2v = nt2 ? mutate(nt2, "version=\"0\"", "version=\"1\"", &l) : NULL;
		char *sub = removed_cases[i].sub_old
				    ? mutate(ue_subscribe_reg, removed_cases[i].sub_old, removed_cases[i].sub_new, &l)
				    : strdup(ue_subscribe_reg);
		CHECK(nt && sub && (!removed_cases[i].contact2 || nt2v));
		if (!nt || !sub || (removed_cases[i].contact2 && !nt2v)) {
			free(nt);
			free(nt2);
			free(nt2v);
			free(sub);
			continue;
		}
		const char *texts[4];
		size_t n = 0;
		texts[n++] = nt;
		if (nt2v)
			texts[n++] = nt2v;
		if (removed_cases[i].reregister || removed_cases[i].last_register)
			texts[n++] = protected_register;
		if (!removed_cases[i].last_register)
			texts[n++] = sub;
		expect_flow(texts, n, "rfc3680.flow.removed-contact", removed_cases[i].fires,
			    removed_cases[i].text, "removed", i);
		free(nt);
		free(nt2);
		free(nt2v);
		free(sub);
	}
}

/* A final failure to the REGISTER before it (CSeq 2 REGISTER, on the UE's
 * leg), status line and headers as given. */
#define REFUSED(status, cseq, extra)                                                     \
	"SIP/2.0 " status "\r\n"                                                           \
	"Via: SIP/2.0/UDP [2001:db8::1]:5064;branch=z9hG4bKdef456\r\n"                     \
	"From: <" IMPU ">;tag=a1\r\n"                                                      \
	"To: <" IMPU ">;tag=s9\r\n"                                                        \
	"Call-ID: c1@2001:db8::1\r\n"                                                      \
	"CSeq: " cseq " REGISTER\r\n" extra                                               \
	"Content-Length: 0\r\n"                                                            \
	"\r\n"
static const struct {
	bool challenge;            /* initial REGISTER, 401, protected REGISTER; else the initial alone */
	const char *old401, *new401; /* the 401 changed */
	bool dereg;                /* the protected REGISTER with Expires: 0 */
	const char *response;
	bool fires;
	const char *text;
	const char *reg;           /* "MAC": the protected REGISTER's response empty; "AUTS": with auts */
} refused_cases[] = {
	{ true, NULL, NULL, false, REFUSED("403 Forbidden", "2", ""), true, "RES did not match XRES", NULL },
	{ true, NULL, NULL, false, REFUSED("403 Forbidden", "2", ""), true, "imsreg verify --k K --opc OPC", NULL },
	{ true, "algorithm=AKAv1-MD5", "algorithm=MD5", false, REFUSED("403 Forbidden", "2", ""), true,
	  "imsreg verify --password PW", NULL },
	{ false, NULL, NULL, false, REFUSED("403 Forbidden", "1", ""), true, "refused before any authentication", NULL },
	{ false, NULL, NULL, false, REFUSED("404 Not Found", "1", ""), true, "the IMPU (To) is unknown", NULL },
	{ true, NULL, NULL, false, REFUSED("504 Server Time-out", "2", ""), true, "Server-Assignment", NULL },
	{ false, NULL, NULL, false, REFUSED("503 Service Unavailable", "1", "Retry-After: 30\r\n"), true,
	  "the network failed, not the UE. Look", NULL },
	{ false, NULL, NULL, false, REFUSED("503 Service Unavailable", "1", "Retry-After: 30 (busy)\r\n"), true,
	  "Retry-After asks the UE to wait 30 s", NULL },
	{ false, NULL, NULL, false, REFUSED("500 Server Internal Error", "1", ""), true, "The UE retries, or", NULL },
	{ true, NULL, NULL, true, REFUSED("403 Forbidden", "2", ""), true, "a deregistration: the bindings stay", NULL },
	/* the REGISTER said MAC failure, or asked for a resynchronisation */
	{ true, NULL, NULL, false, REFUSED("403 Forbidden", "2", ""), true, "said the SIM found AUTN's MAC wrong", "MAC" },
	{ true, NULL, NULL, false, REFUSED("403 Forbidden", "2", ""), true, "imsreg aka auts --k K", "AUTS" },
	/* success, the challenge itself, a 423 (its own rule), an answer to
	 * an earlier CSeq */
	{ true, NULL, NULL, false, ok_200, false, NULL, NULL },
	{ false, NULL, NULL, false, REFUSED("423 Interval Too Brief", "1", "Min-Expires: 3600\r\n"), false, NULL, NULL },
	{ true, NULL, NULL, false, REFUSED("403 Forbidden", "1", ""), false, NULL, NULL },
	{ true, NULL, NULL, false, REFUSED("302 Moved Temporarily", "2", "Contact: <sip:p2." DOM ">\r\n"), false, NULL, NULL },
};

static void test_flow_refused_register_is_explained_by_what_came_before(void)
{
	for (size_t i = 0; i < sizeof refused_cases / sizeof refused_cases[0]; i++) {
		size_t l;
		char *ch = refused_cases[i].old401
				   ? mutate(challenge_401, refused_cases[i].old401, refused_cases[i].new401, &l)
				   : strdup(challenge_401);
		const char *rs = refused_cases[i].reg;
		char *pr = refused_cases[i].dereg ? mutate(protected_register, "Expires: 600000", "Expires: 0", &l)
			   : rs && strcmp(rs, "MAC") == 0
				   ? mutate(protected_register, "response=\"0123456789abcdef0123456789abcdef\"",
					    "response=\"\"", &l)
			   : rs ? mutate(protected_register, "qop=auth,", "auts=\"AAECAwQFBgcICQoLDA0=\",qop=auth,", &l)
				: strdup(protected_register);
		CHECK(ch && pr);
		if (!ch || !pr) {
			free(ch);
			free(pr);
			continue;
		}
		const char *texts[4];
		size_t n = 0;
		texts[n++] = initial_register;
		if (refused_cases[i].challenge) {
			texts[n++] = ch;
			texts[n++] = pr;
		}
		texts[n++] = refused_cases[i].response;
		expect_flow(texts, n, "ims.flow.register-refused", refused_cases[i].fires, refused_cases[i].text,
			    "refused", i);
		free(ch);
		free(pr);
	}
}

/* The empty response of a MAC failure is that, not a broken digest; with
 * auts it is a resynchronisation, with a non-AKA digest a broken one, and
 * the initial REGISTER's empty response answers no challenge. */
static void test_empty_aka_response_is_a_mac_failure_not_a_bad_digest(void)
{
	static const struct {
		const char *old, *new_text;
		bool mac_failure, bad_digest;
	} rows[] = {
		{ "response=\"0123456789abcdef0123456789abcdef\"", "response=\"\"", true, false },
		{ "qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"0123456789abcdef0123456789abcdef\"",
		  "auts=\"AAECAwQFBgcICQoLDA0=\",qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"\"", false, true },
		{ "algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"0123456789abcdef0123456789abcdef\"",
		  "algorithm=MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\",response=\"\"", false, true },
		{ "response=\"0123456789abcdef0123456789abcdef\"", "response=\"0123456789abcdef0123456789abcdef\"",
		  false, false },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t l;
		char *t = mutate(protected_register, rows[i].old, rows[i].new_text, &l);
		CHECK(t != NULL);
		if (!t)
			continue;
		const char *one[] = { t };
		struct findings fs;
		CHECK(run_flow(one, 1, &fs) >= 0);
		bool mf = find(&fs, "ts24229.aka.mac-failure") != NULL, bd = find(&fs, "rfc7616.digest.response") != NULL;
		if (mf != rows[i].mac_failure || bd != rows[i].bad_digest) {
			fprintf(stderr, "empty response row %zu: mac-failure %d, digest %d\n", i, mf, bd);
			print_findings("got", &fs);
		}
		CHECK(mf == rows[i].mac_failure);
		CHECK(bd == rows[i].bad_digest);
		free(t);
	}
	const char *init[] = { initial_register };
	struct findings fs;
	CHECK(run_flow(init, 1, &fs) >= 0);
	CHECK(find(&fs, "ts24229.aka.mac-failure") == NULL);
}

/* Two 2xx to REGISTERs of one AOR: the second's Service-Route (old ->
 * new) against the first's. */
static const struct {
	const char *old, *new_text;
	bool fires;
	const char *text;
} sr_changed_cases[] = {
	{ NULL, NULL, false, NULL },
	/* the same URI written another way: the same route */
	{ "<sip:orig@scscf." DOM ";lr>", "<sip:orig@SCSCF." DOM ";lr>", false, NULL },
	{ "<sip:orig@scscf." DOM ";lr>", "<sip:orig@scscf2." DOM ";lr>", true,
	  "it was <sip:orig@scscf." DOM ";lr>, it is <sip:orig@scscf2." DOM ";lr>" },
	{ "<sip:orig@scscf." DOM ";lr>", "<sip:orig@scscf." DOM ";lr>, <sip:as." DOM ";lr>", true,
	  "Another S-CSCF serves" },
	/* no Service-Route in the second: ts24229.response.200-contents says so */
	{ "Service-Route: <sip:orig@scscf." DOM ";lr>\r\n", "", false, NULL },
	/* another AOR */
	{ "To: <" IMPU ">;tag=s2", "To: <sip:other@" DOM ">;tag=s2", false, NULL },
};

static void test_flow_service_route_change_is_said(void)
{
	for (size_t i = 0; i < sizeof sr_changed_cases / sizeof sr_changed_cases[0]; i++) {
		size_t l;
		char *second = sr_changed_cases[i].old
				       ? mutate(ok_200, sr_changed_cases[i].old, sr_changed_cases[i].new_text, &l)
				       : strdup(ok_200);
		CHECK(second != NULL);
		if (!second)
			continue;
		check_after_200(ok_200, second, "ims.flow.service-route-changed", sr_changed_cases[i].fires,
				sr_changed_cases[i].text, "service-route-changed", i);
		free(second);
	}
}

/* Two 2xx to REGISTERs of one AOR: the second's P-Associated-URI (old
 * -> new) against the first's (the IMPU, then its tel URI). */
static const struct {
	const char *old, *new_text;
	bool fires;
	const char *text;
} pau_changed_cases[] = {
	{ NULL, NULL, false, NULL },
	{ "<tel:+491701234567>", "<TEL:+49-170-1234567>", false, NULL },
	{ ", <tel:+491701234567>", ", <tel:+491701234567>, <sip:work@" DOM ">", true,
	  "added <sip:work@" DOM ">. The implicit" },
	{ ", <tel:+491701234567>", "", true, "removed <tel:+491701234567>" },
	{ "<" IMPU ">, <tel:+491701234567>", "<tel:+491701234567>, <" IMPU ">", true,
	  "it was " IMPU ", it is tel:+491701234567" },
	{ "P-Associated-URI: <" IMPU ">, <tel:+491701234567>\r\n", "", false, NULL },
};

static void test_flow_associated_uri_change_is_said(void)
{
	for (size_t i = 0; i < sizeof pau_changed_cases / sizeof pau_changed_cases[0]; i++) {
		size_t l;
		char *second = pau_changed_cases[i].old
				       ? mutate(ok_200, pau_changed_cases[i].old, pau_changed_cases[i].new_text, &l)
				       : strdup(ok_200);
		CHECK(second != NULL);
		if (!second)
			continue;
		check_after_200(ok_200, second, "ims.flow.associated-uri-changed", pau_changed_cases[i].fires,
				pau_changed_cases[i].text, "associated-uri-changed", i);
		free(second);
	}
}

/* A third-party REGISTER is the S-CSCF's request: the rules of the UE's
 * own REGISTER (Authorization, sec-agree, Path, PANI, IR.92's Contact,
 * From = To, the home domain in the Request-URI) stay quiet on it, and
 * the one finding of a clean one says what it is. A UE's REGISTER gets
 * them all the same. */
static void test_third_party_register_is_judged_as_the_s_cscfs(void)
{
	static const char *const bases[] = { third_party_register, third_party_bare };
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		struct findings fs;
		CHECK(run(bases[i], strlen(bases[i]), &fs) >= 0);
		if (fs.n != 1 || !find(&fs, "ts24229.register.third-party"))
			print_findings("third-party", &fs);
		CHECK_INT_EQ(fs.n, 1);
		const struct ims_finding *f = find(&fs, "ts24229.register.third-party");
		CHECK(f != NULL);
		if (f)
			CHECK(strstr(f->message, "is registered for 600000 s") != NULL);
	}
	struct findings fs;
	CHECK(run(third_party_register, strlen(third_party_register), &fs) >= 0);
	const struct ims_finding *f = find(&fs, "ts24229.register.third-party");
	CHECK(f && strstr(f->message, "The UE's REGISTER and the 200 OK to it are in its body"));
	CHECK(run(third_party_bare, strlen(third_party_bare), &fs) >= 0);
	f = find(&fs, "ts24229.register.third-party");
	CHECK(f && strstr(f->message, "IncludeRegisterRequest"));
	/* the deregistration is said as one */
	size_t len;
	char *text = mutate(third_party_bare, "Expires: 600000", "Expires: 0", &len);
	CHECK(text && run(text, len, &fs) >= 0);
	f = find(&fs, "ts24229.register.third-party");
	CHECK(f && strstr(f->message, "is deregistered (expiry 0)"));
	CHECK(find(&fs, "rfc3261.register.unregister") == NULL);
	free(text);
	/* more parts than the rules look at is no fault of the body */
	static const char six_more[] = "\r\n--tp-b1\r\n\r\nx\r\n--tp-b1\r\n\r\nx\r\n--tp-b1\r\n\r\nx\r\n"
				       "--tp-b1\r\n\r\nx\r\n--tp-b1\r\n\r\nx\r\n--tp-b1\r\n\r\nx\r\n--tp-b1--\r\n";
	static const char *const many[] = { "Content-Length: 2112\r\n", "", "\r\n--tp-b1--\r\n", six_more };
	text = mutate_all(third_party_register, many, 4);
	CHECK(text && run(text, strlen(text), &fs) >= 0);
	CHECK(find(&fs, "rfc5621.body.multipart") == NULL);
	CHECK(find(&fs, "ts24229.third-party.carried") == NULL);
	free(text);
	/* the UE's REGISTER carried, pasted alone, gets the UE's rules */
	static const char carried[] = TP_CARRIED_REGISTER;
	CHECK(run(carried, strlen(carried), &fs) >= 0);
	CHECK(find(&fs, "ts24229.register.third-party") == NULL);
	/* forwarded by the P-CSCF, which removed Security-Client and the
	 * sec-agree tags (TS 24.229 §5.2.2.1): no sec-agree finding */
	CHECK(find(&fs, "ts24229.register.sec-agree-absent") == NULL);
	CHECK(find(&fs, "ts24229.register.sec-agree") == NULL);
	/* the same REGISTER with the S-CSCF's From is a UE's still: no
	 * third-party finding, and From = To is asked for */
	text = mutate(carried, "From: <" IMPU ">", "From: <sip:scscf." DOM ">", &len);
	CHECK(text && run(text, len, &fs) >= 0);
	CHECK(find(&fs, "ts24229.register.third-party") == NULL);
	CHECK(find(&fs, "ts24229.register.from-to") != NULL);
	free(text);
}

/* The AS's 200 to a third-party REGISTER (TS 24.229 §5.4.1.7): its From is
 * the S-CSCF's, its Contact the S-CSCF's. It is not a registrar's answer
 * to a UE: no finding of what that must hold, and its binding is not taken
 * for the AOR's, which a reg-event NOTIFY after it is compared with. */
static const char as_200[] =
	"SIP/2.0 200 OK\r\n"
	"Via: SIP/2.0/UDP scscf." DOM ":6060;branch=z9hG4bKtp1\r\n"
	"From: <sip:scscf." DOM ":6060>;tag=tp1\r\n"
	"To: <" IMPU ">;tag=as1\r\n"
	"Call-ID: tp1@scscf." DOM "\r\n"
	"CSeq: 1 REGISTER\r\n"
	"Contact: <sip:scscf." DOM ":6060>;expires=600000\r\n"
	"Content-Length: 0\r\n"
	"\r\n";

static void test_as_response_to_a_third_party_register_is_not_the_ues(void)
{
	static struct findings fs;
	size_t len;
	CHECK(run(as_200, strlen(as_200), &fs) >= 0);
	CHECK(!find(&fs, "ts24229.response.200-contents"));
	/* a registrar's 200 with a From lost its user part is a UE's still
	 * (it has P-Associated-URI): judged */
	static const char *const edits[] = { "From: <" IMPU ">", "From: <sip:scscf." DOM ">",
					     "Service-Route: <sip:orig@scscf." DOM ";lr>\r\n", "" };
	char *odd = mutate_all(ok_200, edits, 4);
	CHECK(odd && run(odd, strlen(odd), &fs) >= 0 && find(&fs, "ts24229.response.200-contents"));
	free(odd);
	/* the UE's registration, the AS's 200, then the S-CSCF's full
	 * reginfo with the UE's binding: they agree */
	char *notify = mutate(notify_reginfo, "<uri>sip:+491701234567@[2001:db8::1]:5060</uri>",
			      "<uri>sip:[2001:db8::1]:5064</uri>", &len);
	CHECK(notify != NULL);
	for (int as = 0; notify && as < 2; as++) {
		struct ims_flow flow;
		ims_flow_init(&flow);
		CHECK(flow_step(&flow, protected_register, &fs) >= 0);
		CHECK(flow_step(&flow, ok_200, &fs) >= 0);
		if (as) {
			CHECK(flow_step(&flow, as_200, &fs) >= 0);
			CHECK(!find(&fs, "ims.flow.service-route-changed") &&
			      !find(&fs, "ims.flow.associated-uri-changed"));
		}
		CHECK(flow_step(&flow, notify, &fs) >= 0);
		CHECK(!find(&fs, "rfc3680.flow.bindings"));
		if (find(&fs, "rfc3680.flow.bindings"))
			print_findings("AS 200 then NOTIFY", &fs);
		ims_flow_fini(&flow);
	}
	free(notify);
}

static void test_every_rule_has_a_firing_case(void)
{
	size_t n;
	const struct ims_rule_info *rules = ims_rules_list(&n);
	for (size_t r = 0; r < n; r++) {
		bool tested = false;
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
			if (strcmp(cases[i].rule, rules[r].id) == 0)
				tested = true;
		for (size_t i = 0; i < sizeof flow_cases / sizeof flow_cases[0]; i++)
			if (!flow_cases[i].quiet && strcmp(flow_cases[i].rule, rules[r].id) == 0)
				tested = true;
		if (strcmp(rules[r].id, "rfc3680.flow.version") == 0)
			tested = true; /* version_cases */
		if (strcmp(rules[r].id, "rfc3680.flow.bindings") == 0)
			tested = true; /* bindings_cases */
		if (strcmp(rules[r].id, "ims.flow.service-route") == 0)
			tested = true; /* service_route_cases */
		if (strcmp(rules[r].id, "ts24229.flow.preferred-identity") == 0)
			tested = true; /* ppi_cases */
		if (strcmp(rules[r].id, "rfc3680.flow.removed-contact") == 0)
			tested = true; /* removed_cases */
		if (strcmp(rules[r].id, "ims.flow.register-refused") == 0)
			tested = true; /* refused_cases */
		if (strcmp(rules[r].id, "ims.flow.service-route-changed") == 0)
			tested = true; /* sr_changed_cases */
		if (strcmp(rules[r].id, "ims.flow.associated-uri-changed") == 0)
			tested = true; /* pau_changed_cases */
		if (strcmp(rules[r].id, "ts33203.packet.sa-ports") == 0 ||
		    strcmp(rules[r].id, "ts33203.packet.sa-pair") == 0 ||
		    strcmp(rules[r].id, "rfc3261.packet.via-source") == 0 ||
		    strcmp(rules[r].id, "rfc3261.packet.response-destination") == 0 ||
		    strcmp(rules[r].id, "rfc3261.packet.retransmission") == 0 ||
		    strcmp(rules[r].id, "rfc3261.packet.response-delay") == 0 ||
		    strcmp(rules[r].id, "ts24229.packet.reregistration") == 0 ||
		    strcmp(rules[r].id, "ts24229.packet.registration") == 0)
			tested = true; /* test_packet_rules_..., test_response_goes_back_...,
					* test_messages_after_the_sas_...,
					* test_late_and_lapsed_reregistrations_are_timed,
					* test_capture_end_names_registrations_never_completed */
		if (!tested)
			fprintf(stderr, "rule %s has no test case\n", rules[r].id);
		CHECK(tested);
	}
}

static void test_rule_list_is_well_formed(void)
{
	size_t n;
	const struct ims_rule_info *rules = ims_rules_list(&n);
	CHECK(n >= 40);
	for (size_t i = 0; i < n; i++) {
		CHECK(rules[i].id && strchr(rules[i].id, '.') != NULL);
		CHECK(rules[i].ref && strlen(rules[i].ref) > 5);
		CHECK(rules[i].summary && strlen(rules[i].summary) > 10);
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(rules[i].id, rules[j].id) == 0) {
				fprintf(stderr, "duplicate rule id %s\n", rules[i].id);
				CHECK(0);
			}
	}
	CHECK_STR_EQ(ims_severity_name(IMS_SEV_INFO), "info");
	CHECK_STR_EQ(ims_severity_name(IMS_SEV_WARNING), "warning");
	CHECK_STR_EQ(ims_severity_name(IMS_SEV_ERROR), "error");
}

static void test_findings_without_callback_are_counted(void)
{
	size_t len;
	char *text = mutate(initial_register, "Max-Forwards: 70\r\n", "", &len);
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 64);
	CHECK(text && sip_msg_parse(&msg, text, len, 0, &err) > 0);
	CHECK(ims_rules_check(&msg, NULL, NULL) >= 1);
	CHECK(ims_rules_check(NULL, NULL, NULL) < 0);
	free(text);
}

static void test_rules_md_lists_every_rule(void)
{
	size_t len, n;
	char *md = check_read_file("docs/rules.md", &len);
	CHECK(md != NULL);
	if (!md)
		return;
	const struct ims_rule_info *rules = ims_rules_list(&n);
	for (size_t i = 0; i < n; i++) {
		char want[128];
		snprintf(want, sizeof want, "| `%s` | %s | %s |", rules[i].id,
			 ims_severity_name(rules[i].severity), rules[i].ref);
		if (!strstr(md, want))
			fprintf(stderr, "docs/rules.md lacks the row of %s\n", rules[i].id);
		CHECK(strstr(md, want) != NULL);
		/* its "applies to" says whether it judges fields pasted alone */
		const char *row = strstr(md, want), *eol = row ? strchr(row, '\n') : NULL;
		if (row && eol) {
			char line[1024];
			snprintf(line, sizeof line, "%.*s", (int)(eol - row), row);
			bool says = strstr(line, "and fields pasted alone |") != NULL;
			if (says != rules[i].fields)
				fprintf(stderr, "docs/rules.md: %s %s fields pasted alone\n", rules[i].id,
					rules[i].fields ? "judges" : "does not judge");
			CHECK(says == rules[i].fields);
		}
	}
	free(md);
}

/* Runs the book over header fields pasted alone (sip_fields_parse). */
static int run_fields(const char *text, struct findings *fs)
{
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;
	memset(fs, 0, sizeof *fs);
	sip_msg_init(&msg, hdrs, 64);
	if (sip_fields_parse(&msg, text, strlen(text), SIP_PARSE_LENIENT, &err) < 0)
		return -1;
	CHECK(sip_msg_is_fields(&msg));
	return ims_rules_check(&msg, collect_cb, fs);
}

/* Header fields pasted alone: only the rules marked fields run, so
 * nothing is said of what was not pasted (Via, From, the sec-agree
 * option tags, +sip.instance) while what the fields hold is judged as in
 * a message: their syntax, the values in them, two of them together. */
static void test_fields_pasted_alone_are_judged_by_what_they_hold(void)
{
	size_t n;
	const struct ims_rule_info *rules = ims_rules_list(&n);
	struct findings fs;
	/* the fields of the clean messages: no finding at all (but the IMEI
	 * check digit, which the clean messages have too) */
	static const char *const clean[] = {
		"Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\",uri=\"sip:" DOM "\","
		"nonce=\"" NONCE_AKA "\",algorithm=AKAv1-MD5,qop=auth,nc=00000001,cnonce=\"c0ffee\","
		"response=\"0123456789abcdef0123456789abcdef\"\r\n",
		"WWW-Authenticate: Digest realm=\"" DOM "\",nonce=\"" NONCE_AKA "\",algorithm=AKAv1-MD5,"
		"qop=\"auth\"\r\nSecurity-Server: ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;ealg=aes-cbc;"
		"spi-c=3333;spi-s=4444;port-c=5066;port-s=5068\r\n",
		"Contact: <sip:[2001:db8::1]:5060>;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"\r\n"
		"P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3C4D0\r\n",
		"From: <" IMPU ">;tag=a1\r\nTo: <" IMPU ">\r\nExpires: 0\r\n",
	};
	for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
		int k = run_fields(clean[i], &fs);
		bool only_check_digit = fs.n == 1 && strcmp(fs.f[0].id, "rfc7254.imei.check-digit") == 0;
		if (k != 0 && !only_check_digit)
			print_findings("clean fields", &fs);
		CHECK(k == 0 || only_check_digit);
	}
	/* what they hold, judged */
	static const struct {
		const char *text, *rule;
	} fcases[] = {
		{ "Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\",nonce=\"" NONCE_AKA_SEP
		  "\",algorithm=AKAv1-MD5,uri=\"sip:" DOM "\",response=\"0123456789abcdef0123456789abcdef\"\r\n",
		  "ts33102.aka.amf-separation" },
		{ "Authorization: Digest username=\"" IMPI "\",realm=\"" DOM "\"\r\n",
		  "ts24229.register.authorization-fields" },
		{ "Authorization: Digest username=\"sip:" IMPI "\",realm=\"" DOM "\",uri=\"sip:" DOM "\","
		  "nonce=\"\",response=\"\"\r\n", "ts23003.impi.nai" },
		{ "WWW-Authenticate: Digest realm=\"" DOM "\",nonce=\"c2hvcnQ=\",algorithm=AKAv1-MD5\r\n",
		  "ts24229.response.401-aka" },
		{ "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;port-c=5062;port-s=5064\r\n",
		  "ts33203.security.ipsec-params" },
		{ "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=26201001A2B3\r\n",
		  "ts24229.pani.cell-id" },
		{ "Contact: <sip:a@h>;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.csi.smsip\r\n",
		  "ir92.contact.smsip-misspelt" },
		{ "From: <" IMPU ">;tag=a1\r\nTo: <sip:+4917099@" DOM ">\r\n", "ts24229.register.from-to" },
		{ "Expires: 1\r\nExpires: 2\r\n", "rfc3261.msg.single-header-repeated" },
		{ "CSeq: 4294967295 REGISTER\r\n", "rfc3261.cseq.method-range" },
		{ "Route: <sip:pcscf." DOM ">\r\n", "rfc3261.route.lr" },
		{ "Service-Route: <sip:orig@scscf." DOM ";lr;orig;orig>\r\n", "rfc3261.uri.param-repeated" },
		{ "Via: SIP/2.0/UDP [2001:db8::1;branch=z9hG4bK1\r\n", "rfc3261.msg.header-syntax" },
	};
	for (size_t i = 0; i < sizeof fcases / sizeof fcases[0]; i++) {
		int k = run_fields(fcases[i].text, &fs);
		const struct ims_finding *f = find(&fs, fcases[i].rule);
		if (k < 0 || !f)
			fprintf(stderr, "fields case %zu: %s did not fire\n", i, fcases[i].rule);
		CHECK(k > 0 && f != NULL);
		/* and only rules marked fields ever do */
		for (size_t j = 0; j < fs.n; j++)
			for (size_t r = 0; r < n; r++)
				if (strcmp(rules[r].id, fs.f[j].id) == 0)
					CHECK(rules[r].fields);
	}
	/* the message rules are the ones the fields leave out: mandatory
	 * headers, sec-agree, Supported: path, IR.92's Contact contents */
	CHECK_INT_EQ(run_fields("Expires: 600000\r\n", &fs), 0);
}

/* ---- the seed fixtures -------------------------------------------------- */

struct seed_expect {
	const char *file;
	const char *fires[12];
	const char *silent[8];
};

static const struct seed_expect seeds[] = {
	{ "ex1-basic",
	  { "ts24229.register.expires-600000", "ts24229.register.supported-path",
	    "ir92.contact.instance", "ir92.contact.mmtel-icsi", "ts23003.impi.derived-realm",
	    "ts23003.imsi.test-plmn", "ts24229.pani.placeholder-cell" },
	  { "ts24229.pani.cell-id", "rfc3261.via.branch-cookie", "rfc3261.msg.mandatory-header",
	    "ts24229.pani.plmn-vs-imsi",
	    "rfc3261.msg.header-syntax", "ts24229.register.ruri-home-domain" } },
	{ "ex2-sms-capability",
	  { "ir92.contact.smsip-misspelt", "ts24229.register.expires-600000",
	    "ir92.contact.instance", "ts23003.impi.derived-realm", "rfc5626.contact.reg-id" },
	  { "ts24229.register.supported-path", "ir92.contact.mmtel-icsi",
	    "rfc3261.msg.header-syntax", "ts24229.pani.cell-id" } },
	{ "ex3-sms-volte-capability",
	  { "ts24229.register.realm-home-domain", "ts33102.aka.amf-separation", "rfc7616.digest.nc",
	    "ts24229.register.supported-path", "rfc7254.imei.check-digit" },
	  { "rfc7254.imei.spare-digit", "rfc3310.aka.nonce", "ir92.contact.instance",
	    "ir92.contact.smsip-misspelt", "ts24229.register.expires-600000",
	    "rfc3261.msg.header-syntax", "rfc7616.digest.qop-fields" } },
	{ "ex4-aka-authorization",
	  { "ir92.contact.smsip-misspelt", "ts24229.register.expires-600000",
	    "ts33102.aka.amf-separation", "rfc5626.contact.reg-id" },
	  { "rfc7616.digest.nc", "rfc3310.aka.nonce", "rfc7616.digest.qop-fields",
	    "rfc3261.msg.header-syntax", "ts24229.register.realm-home-domain" } },
	{ "ex5-ipsec-sec-agree",
	  { "ts24229.register.ruri-home-domain", "ts23003.identity.imsi-domain",
	    "ts23003.impu.temporary", "ims.identity.impi-impu-domain",
	    "ts24229.register.pani-present", "rfc7254.imei.check-digit" },
	  { "ts24229.register.sec-agree", "ts33203.security.ipsec-params",
	    "ts24229.register.expires-600000", "rfc7254.imei.spare-digit",
	    "rfc3261.msg.header-syntax", "ts24229.register.supported-path" } },
	{ "ex6-unregister",
	  { "rfc3261.msg.comma-combined", "rfc3261.register.unregister",
	    "ts24229.register.dereg-unprotected", "ts24229.pani.plmn-vs-imsi" },
	  { "ts24229.register.expires-600000", "ir92.contact.instance",
	    "ir92.contact.mmtel-icsi" } },
	{ "ref-nr-minimal",
	  { "rfc3261.msg.mandatory-header", "ts24229.register.authorization",
	    "ts24229.pani.cell-id", "ts24229.register.supported-path",
	    "ts24229.register.expires-600000", "ir92.contact.instance",
	    "ts24229.register.ruri-home-domain" },
	  { "rfc3261.register.contact-expires", "rfc3261.via.branch-cookie",
	    "rfc3261.msg.header-syntax" } },
};

static void test_seed_findings(void)
{
	for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
		char path[160];
		size_t len;
		snprintf(path, sizeof path, "../shared/fixtures/seed/%s.pasted.txt", seeds[s].file);
		char *in = check_read_file(path, &len);
		CHECK(in != NULL);
		if (!in)
			continue;
		struct paste p;
		struct sip_parse_error err;
		paste_init(&p);
		int r = paste_normalise(&p, in, len, &err);
		CHECK_INT_EQ(r, 0);
		CHECK_INT_EQ(p.nmsgs, 1);
		if (r == 0 && p.nmsgs >= 1) {
			struct findings fs;
			const char *text = p.text.ptr + p.msgs[0].offset;
			int n = run(text, p.msgs[0].len, &fs);
			CHECK(n >= 0);
			bool bad = false;
			for (size_t i = 0; i < 12 && seeds[s].fires[i]; i++)
				if (!find(&fs, seeds[s].fires[i])) {
					fprintf(stderr, "%s: %s did not fire\n", seeds[s].file,
						seeds[s].fires[i]);
					bad = true;
				}
			for (size_t i = 0; i < 8 && seeds[s].silent[i]; i++)
				if (find(&fs, seeds[s].silent[i])) {
					fprintf(stderr, "%s: %s fired\n", seeds[s].file,
						seeds[s].silent[i]);
					bad = true;
				}
			if (bad)
				print_findings(seeds[s].file, &fs);
			CHECK(!bad);
		}
		paste_fini(&p);
		free(in);
	}
}

/* ex6's cell id has 17 digits and ECI FFFFFFF: whatever the PANI decoder
 * makes of the MNC length, the rule book must say something about it. */
static void test_ex6_cell_id_is_flagged(void)
{
	size_t len;
	char *in = check_read_file("../shared/fixtures/seed/ex6-unregister.pasted.txt", &len);
	CHECK(in != NULL);
	if (!in)
		return;
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	if (paste_normalise(&p, in, len, &err) == 0 && p.nmsgs == 1) {
		struct findings fs;
		run(p.text.ptr + p.msgs[0].offset, p.msgs[0].len, &fs);
		CHECK(find(&fs, "ts24229.pani.cell-id") || find(&fs, "ts24229.pani.placeholder-cell"));
	} else {
		CHECK(0);
	}
	paste_fini(&p);
	free(in);
}

/* ---- the catalogue explains every parameter the seeds carry ------------- */

static int unexplained;

static void expect_explained(const char *file, enum sip_hdr_id id, struct slice name)
{
	if (ims_explain_param(id, name))
		return;
	fprintf(stderr, "%s: %s parameter %.*s has no explanation\n", file, sip_hdr_name(id),
		SLICE_ARG(name));
	unexplained++;
}

static void expect_params_explained(const char *file, enum sip_hdr_id id, struct slice params)
{
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error err;
	if (!slice_present(params))
		return;
	sip_param_it_init(&it, params);
	while (sip_param_next(&it, &p, &err) == 1)
		expect_explained(file, id, p.name);
}

static void explain_msg_params(const char *file, const struct sip_msg *m)
{
	struct sip_parse_error err;
	for (uint16_t i = 0; i < m->nhdrs; i++) {
		const struct sip_hdr *h = &m->hdrs[i];
		struct sip_list it;
		struct slice item;
		sip_list_init(&it, h->value);
		if (h->id == SIP_HDR_AUTHORIZATION) {
			struct sip_auth a;
			struct slice rest;
			if (sip_auth_decode(&a, h->value, &rest, &err) < 0)
				continue;
			for (int f = 0; f < SIP_AUTH__COUNT; f++)
				if (slice_present(a.field[f]))
					expect_explained(file, h->id,
							 slice_cstr(sip_auth_field_name(f)));
			continue;
		}
		if (h->id == SIP_HDR_P_ACCESS_NETWORK_INFO) {
			struct ims_pani p;
			if (ims_pani_decode(&p, h->value, &err) == 0)
				expect_params_explained(file, h->id, p.params);
			continue;
		}
		while (sip_list_next(&it, &item, &err) == 1) {
			struct sip_via v;
			struct sip_addr a;
			struct sip_sec_mech sm;
			switch (h->id) {
			case SIP_HDR_VIA:
				if (sip_via_decode(&v, item, &err) == 0)
					expect_params_explained(file, h->id, v.params);
				break;
			case SIP_HDR_FROM:
			case SIP_HDR_TO:
			case SIP_HDR_CONTACT:
			case SIP_HDR_ROUTE:
				if (sip_addr_decode(&a, item, SIP_ADDR_ALLOW_STAR, &err) == 0) {
					expect_params_explained(file, h->id, a.params);
					expect_params_explained(file, h->id, a.uri.params);
				}
				break;
			case SIP_HDR_SECURITY_CLIENT:
				if (sip_sec_mech_decode(&sm, item, &err) == 0)
					expect_params_explained(file, h->id, sm.params);
				break;
			default:
				break;
			}
		}
	}
}

static void test_catalogue_explains_every_seed_parameter(void)
{
	for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
		char path[160];
		size_t len;
		snprintf(path, sizeof path, "../shared/fixtures/seed/%s.pasted.txt", seeds[s].file);
		char *in = check_read_file(path, &len);
		if (!in)
			continue;
		struct paste p;
		struct sip_parse_error err;
		paste_init(&p);
		if (paste_normalise(&p, in, len, &err) == 0 && p.nmsgs >= 1) {
			struct sip_hdr hdrs[64];
			struct sip_msg msg;
			sip_msg_init(&msg, hdrs, 64);
			if (sip_msg_parse(&msg, p.text.ptr + p.msgs[0].offset, p.msgs[0].len,
					  SIP_PARSE_LENIENT, &err) >= 0)
				explain_msg_params(seeds[s].file, &msg);
		}
		paste_fini(&p);
		free(in);
	}
	CHECK_INT_EQ(unexplained, 0);
}

/* ---- many contacts: each rule sees every element, past the ones the
 * context keeps decoded (16), in message order ---------------------------- */

#define MANY 20

struct tally {
	size_t expires, instance, check_digit, placeholder, star;
	size_t last_offset;
	char star_message[sizeof ((struct ims_finding *)0)->message];
	bool expires_in_order;
};

static void tally_cb(const struct ims_finding *f, void *arg)
{
	struct tally *t = arg;
	char want[32];
	if (strcmp(f->id, "rfc3261.register.contact-expires") == 0) {
		/* the n-th finding is about the n-th contact, which says expires=n */
		snprintf(want, sizeof want, "expires=%zu ", ++t->expires);
		if (!strstr(f->message, want) || f->offset <= t->last_offset)
			t->expires_in_order = false;
		t->last_offset = f->offset;
	} else if (strcmp(f->id, "ir92.contact.instance") == 0) {
		t->instance++;
	} else if (strcmp(f->id, "rfc7254.imei.check-digit") == 0) {
		t->check_digit++;
	} else if (strcmp(f->id, "ts24229.pani.placeholder-cell") == 0) {
		t->placeholder++;
	} else if (strcmp(f->id, "rfc3261.register.contact-star") == 0) {
		if (t->star++ == 0)
			snprintf(t->star_message, sizeof t->star_message, "%s", f->message);
	}
}

/* initial_register with its Contact and PANI lines replaced (malloc'd). */
static char *many_contacts_register(bool star_last, size_t npani, size_t *len)
{
	static char contact[MANY * 160], pani[8 * 96];
	size_t n = (size_t)snprintf(contact, sizeof contact, "Contact: ");
	for (int k = 1; k <= MANY; k++) {
		if (star_last && k == MANY)
			n += (size_t)snprintf(contact + n, sizeof contact - n, "*");
		else
			n += (size_t)snprintf(contact + n, sizeof contact - n,
					      "<sip:[2001:db8::1]:%d>;expires=%d%s%s", 5000 + k, k,
					      k % 2 ? "" : ";+sip.instance=\"<urn:gsma:imei:"
					      "35425006-000655-0>\"", k < MANY ? ", " : "");
	}
	CHECK(n < sizeof contact);
	n = 0;
	for (size_t i = 0; i < npani; i++)
		n += (size_t)snprintf(pani + n, sizeof pani - n, "P-Access-Network-Info: "
				      "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0000001A2B3C4D0%zu\r\n", i);
	CHECK(n < sizeof pani);
	size_t l1;
	char *m1 = mutate(initial_register, "Contact: <sip:[2001:db8::1]:5060>;+sip.instance="
			  "\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7"
			  "%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip", contact, &l1);
	CHECK(m1 != NULL);
	if (!m1)
		return NULL;
	char *m2 = mutate(m1, "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp="
			  "26201001A2B3C4D0\r\n", pani, len);
	free(m1);
	CHECK(m2 != NULL);
	return m2;
}

static int run_tally(const char *text, size_t len, struct tally *t)
{
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;
	memset(t, 0, sizeof *t);
	t->expires_in_order = true;
	sip_msg_init(&msg, hdrs, 64);
	if (sip_msg_parse(&msg, text, len, SIP_PARSE_LENIENT, &err) < 0)
		return -1;
	return ims_rules_check(&msg, tally_cb, t);
}

static void test_rules_see_every_contact_and_pani_past_the_kept_ones(void)
{
	struct tally t;
	size_t len;
	char *text = many_contacts_register(false, 6, &len);
	if (!text)
		return;
	CHECK(run_tally(text, len, &t) > 0);
	CHECK_INT_EQ(t.expires, MANY);
	CHECK(t.expires_in_order);
	CHECK_INT_EQ(t.instance, MANY / 2);       /* the odd ones have no +sip.instance */
	CHECK_INT_EQ(t.check_digit, MANY / 2);    /* the even ones an IMEI URN */
	CHECK_INT_EQ(t.placeholder, 6);           /* every PANI has MCC 000 */
	CHECK_INT_EQ(t.star, 0);
	free(text);
}

static void test_contact_star_counts_contacts_past_the_kept_ones(void)
{
	struct tally t;
	size_t len;
	char want[32];
	char *text = many_contacts_register(true, 1, &len);
	if (!text)
		return;
	CHECK(run_tally(text, len, &t) > 0);
	/* alone? no, with the 19 before it; with Expires: 0? no, 600000 */
	CHECK_INT_EQ(t.star, 2);
	snprintf(want, sizeof want, "here there are %d.", MANY);
	CHECK(strstr(t.star_message, want) != NULL);
	free(text);
}

/* The rules of a capture's message (ims_rules_check_packet): text over
 * UDP or TCP from src.sport to dst.dport (dst NULL: the other end of src's
 * network), after the messages before it in flow (NULL: none); the
 * findings in fs. */
static int64_t step_us; /* the time of packet_flow_step's packet */
/* what packet_flow_step's packet says: where and when (0), where alone
 * (STEP_UNTIMED: a hex dump's headers), when alone (STEP_NO_ENDS: SIPp's
 * log) */
enum { STEP_UNTIMED = 1, STEP_NO_ENDS = 2, STEP_COARSE = 3 };
static int step_says;

static int packet_flow_step(struct ims_flow *flow, const char *text, bool udp, const char *src, unsigned sport,
			    const char *dst, unsigned dport, struct findings *fs)
{
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;
	struct ims_packet pk = { .udp = udp };
	pk.ends.ver = strchr(src, ':') ? 6 : 4;
	snprintf(pk.ends.src, sizeof pk.ends.src, "%s", src);
	snprintf(pk.ends.dst, sizeof pk.ends.dst, "%s", dst ? dst : pk.ends.ver == 6 ? "2001:db8::2" : "10.0.0.2");
	pk.ends.ports = true;
	pk.ends.sport = (uint16_t)sport;
	pk.ends.dport = (uint16_t)dport;
	pk.sec = step_us / 1000000;
	pk.usec = (uint32_t)(step_us % 1000000);
	if (step_says == STEP_UNTIMED)
		pk.untimed = true, pk.sec = 0, pk.usec = 0;
	else if (step_says == STEP_NO_ENDS)
		memset(&pk.ends, 0, sizeof pk.ends);
	else if (step_says == STEP_COARSE) /* a log's time stamp to the second */
		memset(&pk.ends, 0, sizeof pk.ends), pk.coarse = true, pk.usec = 0;
	memset(fs, 0, sizeof *fs);
	sip_msg_init(&msg, hdrs, 64);
	if (sip_msg_parse(&msg, text, strlen(text), SIP_PARSE_LENIENT, &err) < 0)
		return -1;
	return ims_rules_check_packet(&msg, flow, &pk, collect_cb, fs);
}

static int packet_step(const char *text, bool udp, const char *src, unsigned sport, unsigned dport,
		       struct findings *fs)
{
	return packet_flow_step(NULL, text, udp, src, sport, NULL, dport, fs);
}

static void test_packet_rules_compare_where_the_message_went(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	/* the protected REGISTER over the SAs: port-c 5062 to the
	 * P-CSCF's port-s 5068 (Security-Verify) */
	CHECK(packet_step(protected_register, true, "2001:db8::1", 5062, 5068, &fs) >= 0);
	CHECK(!find(&fs, "ts33203.packet.sa-ports") && !find(&fs, "rfc3261.packet.via-source"));
	/* from the Via's port (port-s) instead of port-c */
	CHECK(packet_step(protected_register, true, "2001:db8::1", 5064, 5068, &fs) >= 0);
	CHECK((f = find(&fs, "ts33203.packet.sa-ports")) != NULL);
	CHECK(f && strstr(f->message, "from port 5064 to port 5068") && strstr(f->message, "port-c=5062"));
	CHECK(f && f->hdr == SIP_HDR_SECURITY_VERIFY);
	/* to the unprotected port: said */
	CHECK(packet_step(protected_register, false, "2001:db8::1", 5062, 5060, &fs) >= 0);
	CHECK((f = find(&fs, "ts33203.packet.sa-ports")) && strstr(f->message, "fell back"));
	/* the initial REGISTER has no Security-Verify: any ports */
	CHECK(packet_step(initial_register, true, "2001:db8::1", 5060, 5060, &fs) >= 0);
	CHECK(!find(&fs, "ts33203.packet.sa-ports") && !find(&fs, "rfc3261.packet.via-source"));
	/* another source address than the Via's: a NAT (IPv6 compared as
	 * addresses, not text) */
	CHECK(packet_step(initial_register, true, "2001:db8:0:0::1", 5060, 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.via-source"));
	CHECK(packet_step(initial_register, false, "2001:db8::9", 40000, 5060, &fs) >= 0);
	CHECK((f = find(&fs, "rfc3261.packet.via-source")) && f->severity == IMS_SEV_INFO &&
	      strstr(f->message, "came from 2001:db8::9") && strstr(f->message, "received=2001:db8::9"));
	/* the same address, another UDP port: where responses go; over TCP
	 * the source port is the connection's, and a request over the SAs
	 * leaves from port-c by design */
	CHECK(packet_step(initial_register, true, "2001:db8::1", 40000, 5060, &fs) >= 0);
	CHECK((f = find(&fs, "rfc3261.packet.via-source")) && strstr(f->message, "left from port 40000"));
	CHECK(packet_step(initial_register, false, "2001:db8::1", 40000, 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.via-source"));
	CHECK(packet_step(protected_register, true, "2001:db8::1", 5062, 5068, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.via-source"));
	/* without a packet (a paste, a log): neither rule runs */
	CHECK(run(protected_register, strlen(protected_register), &fs) >= 0);
	CHECK(!find(&fs, "ts33203.packet.sa-ports") && !find(&fs, "rfc3261.packet.via-source"));
}

static void test_response_goes_back_where_its_register_came_from(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	const char *id = "rfc3261.packet.response-destination";
	struct ims_flow flow;
	/* the REGISTER from the Via's address and port, without rport: the
	 * 401 goes back there */
	ims_flow_init(&flow);
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 5060, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::7", 5060, &fs) >= 0);
	CHECK((f = find(&fs, id)) && strstr(f->message, "went to 2001:db8::7") &&
	      strstr(f->message, "came from 2001:db8::1"));
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 6000, &fs) >= 0);
	CHECK((f = find(&fs, id)) && strstr(f->message, "names in its Via port 5060"));
	/* over TCP the address only */
	CHECK(packet_flow_step(&flow, challenge_401, false, "2001:db8::2", 5060, "2001:db8::1", 6000, &fs) >= 0);
	CHECK(!find(&fs, id));
	ims_flow_fini(&flow);
	/* through a NAT's port with rport: back to that port, not the Via's */
	size_t len;
	char *reg = mutate(initial_register, ";branch=z9hG4bKabc123", ";rport;branch=z9hG4bKabc123", &len);
	ims_flow_init(&flow);
	CHECK(packet_flow_step(&flow, reg, true, "2001:db8::1", 40000, NULL, 5060, &fs) >= 0);
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 40000, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 5060, &fs) >= 0);
	CHECK((f = find(&fs, id)) && strstr(f->message, "came from port 40000") && f->severity == IMS_SEV_WARNING);
	ims_flow_fini(&flow);
	/* over the SAs the ports are the SA pair's, not the Via's: only the
	 * address is compared */
	ims_flow_init(&flow);
	CHECK(packet_flow_step(&flow, protected_register, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	char *ok = mutate(challenge_401, "z9hG4bKabc123", "z9hG4bKdef456", &len);
	char *ok2 = ok ? mutate(ok, "CSeq: 1 REGISTER", "CSeq: 2 REGISTER", &len) : NULL;
	CHECK(ok2 != NULL);
	if (ok2) {
		CHECK(packet_flow_step(&flow, ok2, true, "2001:db8::2", 5068, "2001:db8::1", 5062, &fs) >= 0);
		CHECK(!find(&fs, id));
		CHECK(packet_flow_step(&flow, ok2, true, "2001:db8::2", 5068, "2001:db8::5", 5062, &fs) >= 0);
		CHECK(find(&fs, id) != NULL);
	}
	free(ok);
	free(ok2);
	ims_flow_fini(&flow);
	/* a REGISTER read from text (no packet): nothing to compare */
	ims_flow_init(&flow);
	CHECK(flow_step(&flow, reg, &fs) >= 0);
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::7", 9, &fs) >= 0);
	CHECK(!find(&fs, id));
	ims_flow_fini(&flow);
	free(reg);
}

/* A request from the P-CSCF to the UE (or the UE's, the other way), its
 * ports aside. */
static const char options_request[] =
	"OPTIONS sip:[2001:db8::1]:5064 SIP/2.0\r\n"
	"Via: SIP/2.0/UDP [2001:db8::2]:5066;branch=z9hG4bKopt1\r\n"
	"Max-Forwards: 70\r\n"
	"From: <sip:pcscf." DOM ">;tag=p1\r\n"
	"To: <sip:[2001:db8::1]:5064>\r\n"
	"Call-ID: opt1@2001:db8::2\r\n"
	"CSeq: 1 OPTIONS\r\n"
	"Content-Length: 0\r\n"
	"\r\n";

static void test_messages_after_the_sas_use_an_sa_pair(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	const char *id = "ts33203.packet.sa-pair";
	const char *ue = "2001:db8::1", *pcscf = "2001:db8::2";
	struct ims_flow flow;
	size_t len;
	char *ok = mutate(challenge_401, "z9hG4bKabc123", "z9hG4bKdef456", &len);
	char *ok2 = ok ? mutate(ok, "CSeq: 1 REGISTER", "CSeq: 2 REGISTER", &len) : NULL;
	/* a re-registration over those SAs offering new ones (port-c 6000,
	 * spis 5555/6666), then the REGISTER over the new ones (the
	 * P-CSCF's new port-c 7000, its port-s kept) */
	char *re1 = mutate(protected_register, "spi-c=1111;spi-s=2222;port-c=5062",
			   "spi-c=5555;spi-s=6666;port-c=6000", &len);
	char *re2 = re1 ? mutate(re1, "spi-c=3333;spi-s=4444;port-c=5066", "spi-c=7777;spi-s=8888;port-c=7000",
				 &len) : NULL;
	CHECK(ok2 && re2);
	if (!ok2 || !re2)
		goto out;
	ims_flow_init(&flow);
	/* before any REGISTER over the SAs: nothing known, nothing said */
	CHECK(packet_flow_step(&flow, options_request, true, pcscf, 5060, ue, 5064, &fs) >= 0);
	CHECK(!find(&fs, id));
	/* the REGISTER over the SAs: UE 5062 -> P-CSCF 5068 (uc, ps) */
	CHECK(packet_flow_step(&flow, protected_register, true, ue, 5062, pcscf, 5068, &fs) >= 0);
	CHECK(!find(&fs, id) && !find(&fs, "ts33203.packet.sa-ports"));
	/* its 200 on either pair: ps -> uc, pc -> us (UDP to the Via's
	 * port-s) */
	CHECK(packet_flow_step(&flow, ok2, true, pcscf, 5068, ue, 5062, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, ok2, true, pcscf, 5066, ue, 5064, &fs) >= 0);
	CHECK(!find(&fs, id));
	/* from the unprotected 5060 to the UE's port-s: said */
	CHECK(packet_flow_step(&flow, ok2, true, pcscf, 5060, ue, 5064, &fs) >= 0);
	CHECK((f = find(&fs, id)) && f->severity == IMS_SEV_ERROR &&
	      strstr(f->message, "this 401 response went from the P-CSCF's port 5060 to the UE's port 5064") &&
	      strstr(f->message, "unprotected port") && strstr(f->message, "port-c=5066 to the UE's port-s=5064"));
	/* across the pairs: port-s to port-s */
	CHECK(packet_flow_step(&flow, ok2, true, pcscf, 5068, ue, 5064, &fs) >= 0);
	CHECK((f = find(&fs, id)) && !strstr(f->message, "It left from 5060"));
	/* the P-CSCF's request: from its port-c to the UE's port-s; from
	 * 5060 said */
	CHECK(packet_flow_step(&flow, options_request, true, pcscf, 5066, ue, 5064, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, options_request, false, pcscf, 5060, ue, 5064, &fs) >= 0);
	CHECK((f = find(&fs, id)) && strstr(f->message, "this OPTIONS went from the P-CSCF's port 5060"));
	/* the UE's answer to it, from port-s to the P-CSCF's port-c; from
	 * its port-c to the same port: said, the other way */
	CHECK(packet_flow_step(&flow, ok2, true, ue, 5064, pcscf, 5066, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, ok2, true, ue, 5062, pcscf, 5066, &fs) >= 0);
	CHECK((f = find(&fs, id)) && strstr(f->message, "went from the UE's port 5062 to the P-CSCF's port 5066"));
	/* no protected port: unprotected traffic is another rule's matter;
	 * another UE, another P-CSCF: not this record's */
	CHECK(packet_flow_step(&flow, options_request, true, pcscf, 5060, ue, 5060, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, options_request, true, pcscf, 5060, "2001:db8::9", 5064, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, options_request, true, "2001:db8::8", 5060, ue, 5064, &fs) >= 0);
	CHECK(!find(&fs, id));
	/* the UE's address written another way is the same UE */
	CHECK(packet_flow_step(&flow, options_request, true, pcscf, 5060, "2001:db8:0::1", 5064, &fs) >= 0);
	CHECK(find(&fs, id) != NULL);
	/* the re-registration over the SAs in use (from their port-c 5062,
	 * its Security-Client's being the new 6000): no sa-ports error */
	CHECK(packet_flow_step(&flow, re1, true, ue, 5062, pcscf, 5068, &fs) >= 0);
	CHECK(!find(&fs, "ts33203.packet.sa-ports") && !find(&fs, id));
	/* the REGISTER over the new SAs (6000 -> 5068); then both sets are
	 * in use: the old pair and the new */
	CHECK(packet_flow_step(&flow, re2, true, ue, 6000, pcscf, 5068, &fs) >= 0);
	CHECK(!find(&fs, "ts33203.packet.sa-ports"));
	CHECK(packet_flow_step(&flow, ok2, true, pcscf, 7000, ue, 5064, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, ok2, true, pcscf, 5066, ue, 5064, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, ok2, true, pcscf, 5068, ue, 6000, &fs) >= 0);
	CHECK(!find(&fs, id));
	CHECK(packet_flow_step(&flow, ok2, true, pcscf, 5060, ue, 6000, &fs) >= 0);
	CHECK((f = find(&fs, id)) && strstr(f->message, "port-c=6000") && strstr(f->message, "port-c=7000"));
	/* a REGISTER from neither set's port-c: sa-ports says it */
	CHECK(packet_flow_step(&flow, re2, true, ue, 6001, pcscf, 5068, &fs) >= 0);
	CHECK((f = find(&fs, "ts33203.packet.sa-ports")) && strstr(f->message, "or 6000 of the SAs in use"));
	ims_flow_fini(&flow);
	/* without the earlier REGISTER (a capture begun later) a REGISTER
	 * from another port than its port-c may use SAs set up before: not
	 * said; from the UE's port-s it never does */
	CHECK(packet_step(re1, true, ue, 5062, 5068, &fs) >= 0);
	CHECK(!find(&fs, "ts33203.packet.sa-ports"));
	CHECK(packet_step(re1, true, ue, 5064, 5068, &fs) >= 0);
	CHECK(find(&fs, "ts33203.packet.sa-ports") != NULL);
out:
	free(ok);
	free(ok2);
	free(re1);
	free(re2);
}

static void test_retransmissions_and_slow_answers_are_timed(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	struct ims_flow flow;
	ims_flow_init(&flow);
	step_us = 1000000000; /* the REGISTER at t, again at t + 500 ms and t + 1.5 s */
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.retransmission"));
	step_us += 40; /* the same packet seen twice (tcpdump -i any pasted): not sent again */
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.retransmission"));
	step_us += 500000 - 40;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	CHECK((f = find(&fs, "rfc3261.packet.retransmission")) && strstr(f->message, "500 ms") &&
	      strstr(f->message, "transmission 2"));
	step_us += 99000; /* and that one seen twice */
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.retransmission"));
	step_us += 1000000 - 99000;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	CHECK((f = find(&fs, "rfc3261.packet.retransmission")) && strstr(f->message, "1500 ms") &&
	      strstr(f->message, "transmission 3"));
	/* the 401 at t + 2.6 s: slow, after retransmissions */
	step_us += 1100000;
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 5060, &fs) >= 0);
	CHECK((f = find(&fs, "rfc3261.packet.response-delay")) && strstr(f->message, "2600 ms") &&
	      strstr(f->message, "sent it again"));
	ims_flow_fini(&flow);
	/* a prompt 401: quiet; a new REGISTER (CSeq 2, new branch) is no
	 * retransmission */
	ims_flow_init(&flow);
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	step_us += 150000;
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.response-delay"));
	step_us += 100000;
	CHECK(packet_flow_step(&flow, protected_register, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.retransmission"));
	ims_flow_fini(&flow);
	/* read from text, no times: nothing */
	ims_flow_init(&flow);
	CHECK(flow_step(&flow, initial_register, &fs) >= 0);
	CHECK(flow_step(&flow, initial_register, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.retransmission"));
	ims_flow_fini(&flow);
	step_us = 0;
}

/* A packet that says where it went and not when (a hex dump's headers
 * alone) gets the rules of addresses and ports and none of time; one that
 * says when and not where (SIPp's log) the rules of time and none of
 * addresses; one with neither is no packet. A REGISTER whose packet said
 * no time is not timed against a later response that says one. */
static void test_a_packet_that_says_where_or_when_alone_gets_the_rules_it_can(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	struct ims_flow flow;
	/* where alone: a NAT's address, and the 401 sent elsewhere */
	step_says = STEP_UNTIMED;
	ims_flow_init(&flow);
	step_us = 1000000000;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::9", 5060, NULL, 5060, &fs) >= 0);
	CHECK(find(&fs, "rfc3261.packet.via-source") != NULL);
	step_us += 500000;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::9", 5060, NULL, 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.retransmission"));
	step_us += 2100000;
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 5060, &fs) >= 0);
	CHECK((f = find(&fs, "rfc3261.packet.response-destination")) && strstr(f->message, "came from 2001:db8::9"));
	CHECK(!find(&fs, "rfc3261.packet.response-delay"));
	ims_flow_fini(&flow);
	/* when alone: the retransmission and the slow 401, no address judged */
	step_says = STEP_NO_ENDS;
	ims_flow_init(&flow);
	step_us = 1000000000;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::9", 5060, NULL, 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.via-source"));
	step_us += 500000;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::9", 5060, NULL, 5060, &fs) >= 0);
	CHECK((f = find(&fs, "rfc3261.packet.retransmission")) && strstr(f->message, "500 ms"));
	step_us += 2100000;
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 5060, &fs) >= 0);
	CHECK((f = find(&fs, "rfc3261.packet.response-delay")) && strstr(f->message, "2600 ms"));
	CHECK(!find(&fs, "rfc3261.packet.response-destination"));
	ims_flow_fini(&flow);
	/* the REGISTER untimed, its 401 timed: no delay from no time */
	ims_flow_init(&flow);
	step_says = STEP_UNTIMED;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	step_says = 0;
	step_us += 5000000;
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.response-delay") && !find(&fs, "rfc3261.packet.retransmission"));
	ims_flow_fini(&flow);
	/* neither: no packet rule at all */
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;
	struct ims_packet none = { .untimed = true };
	sip_msg_init(&msg, hdrs, 64);
	CHECK(sip_msg_parse(&msg, initial_register, strlen(initial_register), SIP_PARSE_LENIENT, &err) > 0);
	memset(&fs, 0, sizeof fs);
	CHECK(ims_rules_check_packet(&msg, NULL, &none, collect_cb, &fs) >= 0);
	for (size_t i = 0; i < fs.n; i++)
		CHECK(!strstr(fs.f[i].id, ".packet."));
	step_says = 0;
	step_us = 0;
}

/* A binding granted by a 2xx in a capture, renewed by the UE's REGISTER:
 * on time, late (after the point TS 24.229 §5.1.1.4.1 sets), or after it
 * expired; only the first REGISTER of a refresh is timed, and a binding
 * a later 2xx no longer lists is not. */
/* The UE's REGISTER (CSeq 2) 100 ms before t, then ok, its 2xx, at t:
 * a binding granted as a capture shows it. */
static int grant_at(struct ims_flow *flow, const char *ok, int64_t t, struct findings *fs)
{
	step_us = t - 100000;
	if (packet_flow_step(flow, protected_register, true, "2001:db8::1", 5062, NULL, 5068, fs) < 0)
		return -1;
	step_us = t;
	return packet_flow_step(flow, ok, true, "2001:db8::2", 5068, "2001:db8::1", 5062, fs);
}

/* A log's time stamps to the second (no fraction) time a refresh against
 * its grant, and count no milliseconds: no retransmission (a resend 500 ms
 * later may stand in the same second), no response delay. */
static void test_a_log_time_to_the_second_times_refreshes_not_retransmissions(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	struct ims_flow flow;
	size_t len;
	step_says = STEP_COARSE;
	ims_flow_init(&flow);
	step_us = 1000000000;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	step_us += 1000000;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.retransmission"));
	step_us += 3000000;
	CHECK(packet_flow_step(&flow, challenge_401, true, "2001:db8::2", 5060, "2001:db8::1", 5060, &fs) >= 0);
	CHECK(!find(&fs, "rfc3261.packet.response-delay"));
	ims_flow_fini(&flow);
	char *refresh = mutate(protected_register, "CSeq: 2 REGISTER", "CSeq: 3 REGISTER", &len);
	CHECK(refresh != NULL);
	if (refresh) {
		ims_flow_init(&flow);
		const int64_t t0 = 1000000000;
		CHECK(grant_at(&flow, ok_200, t0, &fs) >= 0);
		step_us = t0 + 599500 * 1000000ll;
		CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
		CHECK((f = find(&fs, "ts24229.packet.reregistration")) && strstr(f->message, "500.0 s before it expires"));
		ims_flow_fini(&flow);
		free(refresh);
	}
	step_says = 0;
	step_us = 0;
}

/* The reg-event NOTIFY of notify_reginfo listing protected_register's
 * contact active, shortened to 600 s (RFC 3680 §5.1), or NULL. */
static char *shortened_notify(void)
{
	static const char *const shorten[] = {
		"<uri>sip:+491701234567@[2001:db8::1]:5060</uri>", "<uri>sip:[2001:db8::1]:5064</uri>",
		"event=\"registered\" expires=\"600000\"", "event=\"shortened\" expires=\"600\"",
	};
	return mutate_all(notify_reginfo, shorten, 4);
}

/* The binding granted 600000 s at t (grant_at), then notify (from the
 * S-CSCF to the UE) at t + 100 s. */
static int grant_then_shorten(struct ims_flow *flow, const char *notify, int64_t t, struct findings *fs)
{
	if (grant_at(flow, ok_200, t, fs) < 0)
		return -1;
	step_us = t + 100 * 1000000ll;
	return packet_flow_step(flow, notify, true, "2001:db8::10", 5064, "2001:db8::1", 5064, fs);
}

static void test_late_and_lapsed_reregistrations_are_timed(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	struct ims_flow flow;
	size_t len;
	char *refresh = mutate(protected_register, "CSeq: 2 REGISTER", "CSeq: 3 REGISTER", &len);
	char *refresh2 = refresh ? mutate(refresh, "z9hG4bKdef456", "z9hG4bKref4", &len) : NULL;
	char *ok_600 = mutate(ok_200, "expires=600000", "expires=600", &len);
	char *ok_none = mutate(ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000;"
			       "+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"\r\n", "", &len);
	CHECK(refresh && refresh2 && ok_600 && ok_none);
	if (!refresh || !refresh2 || !ok_600 || !ok_none)
		goto out;
	const char *id = "ts24229.packet.reregistration";
	/* 600000 s granted: due 600 s before, at 599400 s */
	const int64_t t0 = 1000000000;
	const struct {
		int64_t after_s;       /* the refresh, seconds after the 2xx */
		const char *want;      /* in the message, or NULL: quiet */
	} rows[] = {
		{ 599000, NULL },
		{ 599401, NULL }, /* within the slack */
		{ 599500, "500.0 s before it expires" },
		{ 599500, "at 599400.0 s, 100.0 s before this one" },
		{ 600010, "10.0 s after its registration expired" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ims_flow_init(&flow);
		CHECK(grant_at(&flow, ok_200, t0, &fs) >= 0);
		step_us = t0 + rows[i].after_s * 1000000;
		CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
		f = find(&fs, id);
		if (rows[i].want) {
			CHECK(f && strstr(f->message, rows[i].want) && strstr(f->message, "600000 s") &&
			      f->hdr == SIP_HDR_CONTACT);
			if (f && !strstr(f->message, rows[i].want))
				fprintf(stderr, "row %zu: %s\n", i, f->message);
		} else {
			CHECK(!f);
		}
		/* the REGISTER after its 401: the same refresh, not timed again */
		step_us += 1000000;
		CHECK(packet_flow_step(&flow, refresh2, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
		CHECK(!find(&fs, id));
		ims_flow_fini(&flow);
	}
	/* 600 s granted: due half-way, at 300 s */
	ims_flow_init(&flow);
	CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
	step_us = t0 + 301 * 1000000ll;
	CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	CHECK(!find(&fs, id));
	step_us += 1000000;
	CHECK(packet_flow_step(&flow, ok_600, true, "2001:db8::2", 5068, "2001:db8::1", 5062, &fs) >= 0);
	step_us += 400 * 1000000ll;
	CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	CHECK((f = find(&fs, id)) && strstr(f->message, "half-way") && strstr(f->message, "at 300.0 s"));
	ims_flow_fini(&flow);
	/* a reg-event NOTIFY shortens the binding to 600 s at t + 100 s: a
	 * REGISTER at 500 s of that is not late (only a lapse is judged
	 * then), one at 650 s comes after it lapsed */
	{
		char *notify = shortened_notify();
		CHECK(notify != NULL);
		for (int lapse = 0; notify && lapse < 2; lapse++) {
			ims_flow_init(&flow);
			CHECK(grant_then_shorten(&flow, notify, t0, &fs) >= 0);
			step_us += (lapse ? 650 : 500) * 1000000ll;
			CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
			f = find(&fs, id);
			CHECK(lapse ? f && strstr(f->message, "50.0 s after its registration expired") &&
					      strstr(f->message, "NOTIFY (CSeq 1)") &&
					      strstr(f->message, "shortened it to 600 s")
				    : !f);
			ims_flow_fini(&flow);
		}
		free(notify);
	}
	/* deregistered (the 2xx lists the binding no more): a later
	 * REGISTER of it is a new registration, not timed */
	ims_flow_init(&flow);
	CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
	step_us += 10 * 1000000ll;
	CHECK(packet_flow_step(&flow, ok_none, true, "2001:db8::2", 5068, "2001:db8::1", 5062, &fs) >= 0);
	step_us += 5000 * 1000000ll;
	CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	CHECK(!find(&fs, id));
	ims_flow_fini(&flow);
	/* a 2xx whose REGISTER the capture does not hold (or another
	 * contact's: it lists the AOR's every binding with the time it has
	 * left, not what it was granted): not timed */
	ims_flow_init(&flow);
	step_us = t0;
	CHECK(packet_flow_step(&flow, ok_600, true, "2001:db8::2", 5068, "2001:db8::1", 5062, &fs) >= 0);
	step_us += 5000 * 1000000ll;
	CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	CHECK(!find(&fs, id));
	ims_flow_fini(&flow);
	/* read from text (no times): nothing */
	ims_flow_init(&flow);
	CHECK(flow_step(&flow, ok_600, &fs) >= 0);
	CHECK(flow_step(&flow, refresh, &fs) >= 0);
	CHECK(!find(&fs, id));
	ims_flow_fini(&flow);
out:
	free(refresh);
	free(refresh2);
	free(ok_600);
	free(ok_none);
}

/* The findings at the end of a capture (ims_rules_check_end) at
 * end_us, partial or not, into fs. */
static int end_at(struct ims_flow *flow, int64_t end_us, bool partial, struct findings *fs)
{
	memset(fs, 0, sizeof *fs);
	return ims_rules_check_end(flow, end_us / 1000000, (uint32_t)(end_us % 1000000), partial, collect_cb, fs);
}

/* Plays then[0, n) (a NULL ends them) 1 s apart from step_us on: a
 * response (its text starts with 'S') from the P-CSCF's port pp to the
 * UE's port up, a request from up to pp. */
static void play_after(struct ims_flow *flow, const char *const *then, size_t n, unsigned up, unsigned pp,
		       struct findings *fs)
{
	for (size_t j = 0; j < n && then[j]; j++) {
		step_us += 1000000;
		if (then[j][0] == 'S')
			CHECK(packet_flow_step(flow, then[j], true, "2001:db8::2", pp, "2001:db8::1", up, fs) >= 0);
		else
			CHECK(packet_flow_step(flow, then[j], true, "2001:db8::1", up, NULL, pp, fs) >= 0);
	}
}

/* The end of flow at end_us (partial or not) for row: no finding when
 * want[0] is NULL, else one of rule id, about header hdr, whose message
 * holds each of want[0, 3) (up to a NULL), and says that packets were
 * not read when partial. */
static void check_end_row(struct ims_flow *flow, size_t row, int64_t end_us, bool partial, const char *id,
			  enum sip_hdr_id hdr, const char *const want[3], struct findings *fs)
{
	int n = end_at(flow, end_us, partial, fs);
	const struct ims_finding *f = find(fs, id);
	if (!want[0]) {
		CHECK(n == 0 && !f);
		if (f)
			fprintf(stderr, "row %zu: %s\n", row, f->message);
		return;
	}
	CHECK(n == 1 && f && f->hdr == hdr && f->severity == IMS_SEV_WARNING && f->offset == 0);
	for (size_t w = 0; f && w < 3 && want[w]; w++) {
		CHECK(strstr(f->message, want[w]) != NULL);
		if (!strstr(f->message, want[w]))
			fprintf(stderr, "row %zu: %s\n", row, f->message);
	}
	CHECK(partial == (f && strstr(f->message, "may be among them")));
}

/* A binding the UE renewed in time, whose refresh no 2xx answered before
 * it expired: the end of the capture says so, with the refresh's first and
 * latest REGISTER and the last final response (none, a 401, a refusal);
 * nothing before the expiry, after a 2xx, or when the UE's latest REGISTER
 * removed it. A retransmission of the granted REGISTER after its 2xx is
 * no refresh (the binding is judged as never renewed). */
static void test_capture_end_names_refreshes_never_answered(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	struct ims_flow flow;
	size_t len;
	const int64_t t0 = 1000000000, s = 1000000;
	const char *id = "ts24229.packet.reregistration";
	static const char *const to_cseq4[] = { "CSeq: 3 REGISTER", "CSeq: 4 REGISTER",
						"z9hG4bKdef456", "z9hG4bKref4" };
	static const char *const to_403[] = { "401 Unauthorized", "403 Forbidden", "CSeq: 1 REGISTER",
					      "CSeq: 4 REGISTER", "WWW-Authenticate", "X-Was-Challenge" };
	char *ok_600 = mutate(ok_200, "expires=600000", "expires=600", &len);
	char *refresh = mutate(protected_register, "CSeq: 2 REGISTER", "CSeq: 3 REGISTER", &len);
	char *again = refresh ? mutate_all(refresh, to_cseq4, 4) : NULL;
	char *dereg = again ? mutate(again, "Expires: 600000", "Expires: 0", &len) : NULL;
	char *ch_3 = mutate(challenge_401, "CSeq: 1 REGISTER", "CSeq: 3 REGISTER", &len);
	char *no_4 = mutate_all(challenge_401, to_403, 6);
	CHECK(ok_600 && refresh && again && dereg && ch_3 && no_4);
	if (!ok_600 || !refresh || !again || !dereg || !ch_3 || !no_4)
		goto out;
	/* 600 s granted at t0 (frame 0: the test's packets name none), the
	 * refresh at 300 s, then each row's messages 1 s apart */
	const struct {
		const char *then[2];  /* after the refresh (NULL: none) */
		int64_t end_s;
		bool partial;
		const char *want[3];  /* in the message, or want[0] NULL: quiet */
	} rows[] = {
		{ { NULL }, 500, false, { NULL } }, /* not expired: the 2xx may come */
		{ { NULL }, 700, false,
		  { "contact sip:[2001:db8::1]:5064 of " IMPU " expired at 1970-01-01 00:26:40.000000, 100.0 s "
		    "before the capture's end at 1970-01-01 00:28:20.000000, though the UE renewed it: no 2xx "
		    "answered its REGISTER (CSeq 3) at 1970-01-01 00:21:40.000000, 300.0 s before the expiry. "
		    "No final response to a REGISTER of it came. The 2xx (CSeq 2) at "
		    "1970-01-01 00:16:40.000000 had granted it 600 s.", "A REGISTER with no answer was lost",
		    NULL } },
		{ { ch_3, again }, 700, false,
		  { ", nor the latest (CSeq 4) at 1970-01-01 00:21:42.000000. The last final response to a "
		    "REGISTER of it was a 401 (CSeq 3) at 1970-01-01 00:21:41.000000; the REGISTER after it got "
		    "none.", "A REGISTER with no answer was lost", NULL } },
		{ { ch_3, NULL }, 700, false,
		  { "was a 401 (CSeq 3) at 1970-01-01 00:21:41.000000.", "did not answer the challenge", NULL } },
		{ { again, no_4 }, 700, false,
		  { "was a 403 (CSeq 4) at 1970-01-01 00:21:42.000000.", "The network refused it", NULL } },
		{ { NULL }, 700, true, { "the answer may be among them", NULL } },
		/* challenged, and packets not read (ESP without its keys): the
		 * answer went over the new SAs, unseen; not said */
		{ { ch_3, NULL }, 700, true, { NULL } },
		{ { ok_600, NULL }, 550, false, { NULL } },  /* answered: granted again */
		{ { dereg, NULL }, 5000, false, { NULL } },  /* then removed by the UE */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ims_flow_init(&flow);
		CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
		step_us = t0 + 300 * s;
		CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
		play_after(&flow, rows[i].then, 2, 5062, 5068, &fs);
		check_end_row(&flow, i, t0 + rows[i].end_s * s, rows[i].partial, id, SIP_HDR_CONTACT, rows[i].want, &fs);
		ims_flow_fini(&flow);
	}
	/* a refresh only after the expiry, unanswered: said so */
	ims_flow_init(&flow);
	CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
	step_us = t0 + 650 * s;
	CHECK(packet_flow_step(&flow, refresh, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	CHECK(end_at(&flow, t0 + 700 * s, false, &fs) == 1 && (f = find(&fs, id)) &&
	      strstr(f->message, "(CSeq 3) at 1970-01-01 00:27:30.000000, 50.0 s after the expiry"));
	ims_flow_fini(&flow);
	/* the granted REGISTER sent again after its 2xx (a copy of the 2xx
	 * lost): no refresh, so the binding is one never renewed */
	ims_flow_init(&flow);
	CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
	step_us = t0 + s / 2;
	CHECK(packet_flow_step(&flow, protected_register, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	CHECK(end_at(&flow, t0 + 700 * s, false, &fs) == 1 && (f = find(&fs, id)) &&
	      strstr(f->message, "and no REGISTER of the UE renewed it"));
	ims_flow_fini(&flow);
out:
	free(ok_600);
	free(refresh);
	free(again);
	free(dereg);
	free(ch_3);
	free(no_4);
}

/* An AOR the UE tried to register that no 2xx answered, none of its
 * bindings left listed: the end of the capture says it (32 s after the
 * latest REGISTER: Timer F), with the REGISTERs and the last final
 * response; nothing once a 2xx came, for a removal, or from text. */
static void test_capture_end_names_registrations_never_completed(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	struct ims_flow flow;
	size_t len;
	const int64_t t0 = 1000000000, s = 1000000;
	const char *id = "ts24229.packet.registration";
	static const char *const to_403[] = { "401 Unauthorized", "403 Forbidden", "CSeq: 1 REGISTER",
					      "CSeq: 2 REGISTER", "WWW-Authenticate", "X-Was-Challenge" };
	char *no_2 = mutate_all(challenge_401, to_403, 6);
	char *ok_600 = mutate(ok_200, "expires=600000", "expires=600", &len);
	char *dereg = mutate(protected_register, "Expires: 600000", "Expires: 0", &len);
	char *dereg3 = dereg ? mutate(dereg, "CSeq: 2 REGISTER", "CSeq: 3 REGISTER", &len) : NULL;
	char *ok_none = mutate(ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000;"
			       "+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"\r\n", "", &len);
	static const char *const to_3[] = { "CSeq: 1 REGISTER", "CSeq: 3 REGISTER", "z9hG4bKabc123", "z9hG4bKabc125" };
	char *reg3 = mutate_all(initial_register, to_3, 4);
	static const char *const to_moved[] = { "CSeq: 2 REGISTER", "CSeq: 3 REGISTER",
						"Contact: <sip:[2001:db8::1]:5064>", "Contact: <sip:[2001:db8::9]:5064>" };
	char *moved = mutate_all(protected_register, to_moved, 4);
	char *ch3 = mutate(challenge_401, "CSeq: 1 REGISTER", "CSeq: 3 REGISTER", &len);
	CHECK(no_2 && ok_600 && dereg && dereg3 && ok_none && reg3 && ch3 && moved);
	if (!no_2 || !ok_600 || !dereg || !dereg3 || !ok_none || !reg3 || !ch3)
		goto out;
	/* the initial REGISTER at t0, then each row's messages 1 s apart */
	const struct {
		const char *then[5];  /* after it (NULL: none) */
		int64_t end_s;
		bool partial;
		const char *want[3];  /* in the message, or want[0] NULL: quiet */
	} rows[] = {
		{ { NULL }, 20, false, { NULL } }, /* within Timer F */
		{ { NULL }, 40, false,
		  { "the UE's registration of " IMPU " was not completed by the capture's end at "
		    "1970-01-01 00:17:20.000000: no 2xx answered its REGISTER (CSeq 1) at 1970-01-01 00:16:40.000000, "
		    "40.0 s before. No final response to a REGISTER of it came. The UE is not registered there",
		    "A REGISTER with no answer was lost", NULL } },
		{ { challenge_401 }, 100, false,
		  { "The last final response to a REGISTER of it was a 401 (CSeq 1) at 1970-01-01 00:16:41.000000.",
		    "did not answer the challenge", NULL } },
		{ { challenge_401, protected_register, no_2 }, 100, false,
		  { "no 2xx answered its 2 REGISTERs from the first (CSeq 1) at 1970-01-01 00:16:40.000000 to the "
		    "latest (CSeq 2) at 1970-01-01 00:16:42.000000, 98.0 s before.", "was a 403 (CSeq 2)",
		    "The network refused it" } },
		/* refused, then challenged again and given up: the refusal named */
		{ { challenge_401, protected_register, no_2, reg3, ch3 }, 100, false,
		  { "no 2xx answered its 3 REGISTERs", "was a 401 (CSeq 3) at 1970-01-01 00:16:45.000000.",
		    "Before it, a 403 (CSeq 2) refused one of them." } },
		{ { challenge_401, protected_register }, 100, false,
		  { "was a 401 (CSeq 1) at 1970-01-01 00:16:41.000000; the REGISTER after it got none.",
		    "A REGISTER with no answer was lost", NULL } },
		{ { initial_register }, 100, false, /* sent again: one REGISTER */
		  { "no 2xx answered its REGISTER (CSeq 1) at 1970-01-01 00:16:40.000000, 100.0 s before.", NULL } },
		{ { NULL }, 100, true, { "the answer may be among them", NULL } },
		/* challenged, and packets not read (ESP without its keys): the
		 * answer went over the SAs, unseen; not said */
		{ { challenge_401 }, 100, true, { NULL } },
		{ { challenge_401, protected_register, ok_600 }, 100, false, { NULL } }, /* registered */
		{ { dereg }, 100, false, { NULL } }, /* the latest removes it */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ims_flow_init(&flow);
		step_us = t0;
		CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
		play_after(&flow, rows[i].then, 5, 5060, 5060, &fs);
		check_end_row(&flow, i, t0 + rows[i].end_s * s, rows[i].partial, id, SIP_HDR_TO, rows[i].want, &fs);
		ims_flow_fini(&flow);
	}
	/* registered, then deregistered (its 2xx lists no binding), then a
	 * new REGISTER no 2xx answered: said */
	ims_flow_init(&flow);
	CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
	step_us = t0 + 10 * s;
	CHECK(packet_flow_step(&flow, dereg3, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	step_us += s / 10;
	CHECK(packet_flow_step(&flow, ok_none, true, "2001:db8::2", 5068, "2001:db8::1", 5062, &fs) >= 0);
	step_us = t0 + 20 * s;
	CHECK(packet_flow_step(&flow, initial_register, true, "2001:db8::1", 5060, NULL, 5060, &fs) >= 0);
	CHECK(end_at(&flow, t0 + 100 * s, false, &fs) == 1 && (f = find(&fs, id)) &&
	      strstr(f->message, "no 2xx answered its REGISTER (CSeq 1) at 1970-01-01 00:17:00.000000"));
	ims_flow_fini(&flow);
	/* registered, then the UE moved (a new address: a REGISTER of another
	 * contact) and no 2xx answered: said once the old binding expired
	 * (granted 600 s), not while it still holds */
	for (int expired = 0; moved && expired < 2; expired++) {
		ims_flow_init(&flow);
		CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
		step_us = t0 + (expired ? 700 : 300) * s;
		CHECK(packet_flow_step(&flow, moved, true, "2001:db8::9", 5062, NULL, 5068, &fs) >= 0);
		int n = end_at(&flow, t0 + (expired ? 800 : 400) * s, false, &fs);
		f = find(&fs, id);
		CHECK(expired ? n == 1 && f && strstr(f->message, "no 2xx answered its REGISTER (CSeq 3) at "
								  "1970-01-01 00:28:20.000000, 100.0 s before.")
			      : n == 0);
		ims_flow_fini(&flow);
	}
	/* read from text (no times): nothing */
	ims_flow_init(&flow);
	CHECK(flow_step(&flow, initial_register, &fs) >= 0);
	CHECK(end_at(&flow, t0 + 5000 * s, false, &fs) == 0);
	ims_flow_fini(&flow);
out:
	free(moved);
	free(no_2);
	free(ok_600);
	free(dereg);
	free(dereg3);
	free(ok_none);
	free(reg3);
	free(ch3);
}

/* A binding its 2xx timed that no REGISTER of the UE renewed: the end of
 * the capture says it lapsed (past its expiry) or that its refresh is
 * overdue (past the due time and the slack); nothing when the UE renewed
 * it, removed it or registered elsewhere, or the network no longer lists it. */
static void test_capture_end_names_bindings_never_refreshed(void)
{
	static struct findings fs;
	const struct ims_finding *f;
	struct ims_flow flow;
	size_t len;
	const int64_t t0 = 1000000000, s = 1000000;
	const char *id = "ts24229.packet.reregistration";
	char *ok_600 = mutate(ok_200, "expires=600000", "expires=600", &len);
	char *refresh = mutate(protected_register, "CSeq: 2 REGISTER", "CSeq: 3 REGISTER", &len);
	char *dereg = refresh ? mutate(refresh, "Expires: 600000", "Expires: 0", &len) : NULL;
	char *moved = refresh ? mutate(refresh, "Contact: <sip:[2001:db8::1]:5064>", "Contact: <sip:[2001:db8::9]:5064>",
				       &len)
			      : NULL;
	char *ok_none = mutate(ok_200, "Contact: <sip:[2001:db8::1]:5064>;expires=600000;"
			       "+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\"\r\n", "", &len);
	/* another UE: its AOR and Call-ID */
	static const char *const other[] = { IMPU, "sip:other@" DOM, IMPU, "sip:other@" DOM,
					     "c1@2001:db8::1", "b7@2001:db8::1" };
	char *reg_b = mutate_all(protected_register, other, 6);
	char *ok_b = ok_600 ? mutate_all(ok_600, other, 6) : NULL;
	CHECK(ok_600 && refresh && dereg && moved && ok_none && reg_b && ok_b);
	if (!ok_600 || !refresh || !dereg || !moved || !ok_none || !reg_b || !ok_b)
		goto out;
	/* 600 s granted at t0: due at 300 s, expires at 600 s */
	const struct {
		int64_t end_s;     /* the capture's end, seconds after the 2xx */
		bool partial;
		const char *want;  /* in the message, or NULL: quiet */
	} rows[] = {
		{ 200, false, NULL },
		{ 301, false, NULL }, /* within the slack */
		{ 400, false, "was not renewed by the capture's end at 1970-01-01 00:23:20.000000, 100.0 s after "
			      "its refresh was due" },
		{ 400, false, "It expires at 1970-01-01 00:26:40.000000, 200.0 s after the capture's end" },
		{ 700, false, "expired at 1970-01-01 00:26:40.000000, and no REGISTER of the UE renewed it before "
			      "the capture's end at 1970-01-01 00:28:20.000000, 100.0 s later" },
		{ 700, false, "The 2xx (CSeq 2, frame 0" }, /* none given: the test's packets */
		{ 700, true, "the refresh may be among them" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		ims_flow_init(&flow);
		CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
		int n = end_at(&flow, t0 + rows[i].end_s * s, rows[i].partial, &fs);
		f = find(&fs, id);
		if (rows[i].want && strstr(rows[i].want, "frame 0")) {
			/* no frame known: none named */
			CHECK(n == 1 && f && strstr(f->message, "The 2xx (CSeq 2) at 1970-01-01 00:16:40.000000 "
						    "granted it 600 s"));
		} else if (rows[i].want) {
			CHECK(n == 1 && f && strstr(f->message, rows[i].want) && f->hdr == SIP_HDR_CONTACT &&
			      f->offset == 0 && f->severity == IMS_SEV_WARNING &&
			      strstr(f->message, "contact sip:[2001:db8::1]:5064 of " IMPU));
			if (f && !strstr(f->message, rows[i].want))
				fprintf(stderr, "row %zu: %s\n", i, f->message);
		} else {
			CHECK(n == 0 && !f);
		}
		CHECK(rows[i].partial == (f && strstr(f->message, "may be among them")));
		ims_flow_fini(&flow);
	}
	/* what the UE did after the grant lets the binding be: a removal (no
	 * 2xx to it in the capture), a registration of another contact; the
	 * network's 2xx listing it no more; then an end long after: no finding
	 * of the binding (a refresh no 2xx answered:
	 * test_capture_end_names_refreshes_never_answered; the other contact's
	 * registration, unanswered, is the AOR's:
	 * test_capture_end_names_registrations_never_completed) */
	const char *after[] = { dereg, moved, ok_none };
	for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
		ims_flow_init(&flow);
		CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
		step_us = t0 + 250 * s;
		if (after[i] == ok_none)
			CHECK(packet_flow_step(&flow, ok_none, true, "2001:db8::2", 5068, "2001:db8::1", 5062, &fs) >= 0);
		else
			CHECK(packet_flow_step(&flow, after[i], true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
		int n = end_at(&flow, t0 + 5000 * s, false, &fs);
		CHECK(!find(&fs, id) && n == (after[i] == moved));
		ims_flow_fini(&flow);
	}
	/* the capture's last message counts when it is later than the end
	 * given (a reader that knows no packet time: 0) */
	ims_flow_init(&flow);
	CHECK(grant_at(&flow, ok_600, t0, &fs) >= 0);
	step_us = t0 + 700 * s; /* another UE's REGISTER, last in the capture */
	CHECK(packet_flow_step(&flow, reg_b, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	CHECK(end_at(&flow, 0, false, &fs) == 1 && (f = find(&fs, id)) && strstr(f->message, "100.0 s later"));
	ims_flow_fini(&flow);
	/* two AORs: in the order they expire (the later grant of 600 s
	 * expires before the earlier one of 600000 s) */
	ims_flow_init(&flow);
	CHECK(grant_at(&flow, ok_200, t0, &fs) >= 0);
	step_us = t0 + 10 * s - 100000;
	CHECK(packet_flow_step(&flow, reg_b, true, "2001:db8::1", 5062, NULL, 5068, &fs) >= 0);
	step_us = t0 + 10 * s;
	CHECK(packet_flow_step(&flow, ok_b, true, "2001:db8::2", 5068, "2001:db8::1", 5062, &fs) >= 0);
	CHECK(end_at(&flow, t0 + 700000 * s, false, &fs) == 2 && fs.n == 2);
	CHECK(fs.n == 2 && strstr(fs.f[0].message, "of sip:other@" DOM) && strstr(fs.f[0].message, "600 s;") &&
	      strstr(fs.f[1].message, "of " IMPU) && strstr(fs.f[1].message, "600000 s;"));
	ims_flow_fini(&flow);
	/* a reg-event NOTIFY shortening it to 600 s at t0 + 100 s: overdue
	 * is not said (only the lapse, naming the NOTIFY) */
	{
		char *notify = shortened_notify();
		CHECK(notify != NULL);
		for (int lapse = 0; notify && lapse < 2; lapse++) {
			ims_flow_init(&flow);
			CHECK(grant_then_shorten(&flow, notify, t0, &fs) >= 0);
			int n = end_at(&flow, t0 + (lapse ? 800 : 650) * s, false, &fs);
			f = find(&fs, id);
			CHECK(lapse ? n == 1 && f && strstr(f->message, "The reg-event NOTIFY (CSeq 1)") &&
					      strstr(f->message, "shortened it to 600 s") &&
					      strstr(f->message, "100.0 s later")
				    : n == 0);
			ims_flow_fini(&flow);
		}
		free(notify);
	}
	/* read from text (no times): nothing */
	ims_flow_init(&flow);
	CHECK(flow_step(&flow, protected_register, &fs) >= 0);
	CHECK(flow_step(&flow, ok_600, &fs) >= 0);
	CHECK(end_at(&flow, t0 + 5000 * s, false, &fs) == 0);
	ims_flow_fini(&flow);
	CHECK(ims_rules_check_end(NULL, 0, 0, false, collect_cb, &fs) == -EINVAL);
out:
	free(ok_600);
	free(refresh);
	free(dereg);
	free(moved);
	free(ok_none);
	free(reg_b);
	free(ok_b);
}

int main(void)
{
	test_rule_list_is_well_formed();
	test_rules_md_lists_every_rule();
	test_fields_pasted_alone_are_judged_by_what_they_hold();
	test_clean_messages_have_no_finding_but_the_check_digit();
	test_each_case_fires_its_rule();
	test_each_quiet_case_stays_quiet();
	test_third_party_register_is_judged_as_the_s_cscfs();
	test_as_response_to_a_third_party_register_is_not_the_ues();
	test_emergency_registration_is_said_with_what_it_changes();
	test_syntax_finding_names_the_header_once();
	test_syntax_finding_names_an_extension_header();
	test_utf8_finding_reads_the_legacy_text();
	test_instance_kind_finding_names_what_it_got();
	test_flow_rules_compare_with_the_messages_before();
	test_packet_rules_compare_where_the_message_went();
	test_response_goes_back_where_its_register_came_from();
	test_messages_after_the_sas_use_an_sa_pair();
	test_retransmissions_and_slow_answers_are_timed();
	test_a_packet_that_says_where_or_when_alone_gets_the_rules_it_can();
	test_late_and_lapsed_reregistrations_are_timed();
	test_a_log_time_to_the_second_times_refreshes_not_retransmissions();
	test_capture_end_names_bindings_never_refreshed();
	test_capture_end_names_refreshes_never_answered();
	test_capture_end_names_registrations_never_completed();
	test_flow_200_after_deregistration_has_no_contact_to_list();
	test_flow_reauthentication_repeats_the_challenged_security_client();
	test_gruus_built_from_the_aor_and_instance_are_quiet();
	test_flow_in_a_pcscf_log();
	test_flow_keeps_every_call_id_of_an_interleaved_log();
	test_flow_index_of_many_call_ids();
	test_flow_bound_evicts_least_recently_used_and_counts();
	test_flow_allocation_failure_is_counted_not_fatal();
	test_flow_reginfo_versions_count_up_by_one();
	test_flow_full_reginfo_agrees_with_the_last_200();
	test_flow_requests_after_the_200_follow_its_service_route();
	test_flow_preferred_identity_is_one_the_200_listed();
	test_flow_contact_removed_by_the_network_is_registered_again_first();
	test_flow_refused_register_is_explained_by_what_came_before();
	test_empty_aka_response_is_a_mac_failure_not_a_bad_digest();
	test_flow_service_route_change_is_said();
	test_flow_associated_uri_change_is_said();
	test_every_rule_has_a_firing_case();
	test_findings_without_callback_are_counted();
	test_seed_findings();
	test_ex6_cell_id_is_flagged();
	test_catalogue_explains_every_seed_parameter();
	test_rules_see_every_contact_and_pani_past_the_kept_ones();
	test_contact_star_counts_contacts_past_the_kept_ones();
	return check_done();
}
