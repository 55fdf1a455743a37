/* check_test.c: sip_msg_check routes each header to its typed decoder and
 * reports the first error with the header and the offset of the offending
 * byte; single-value repeats, CSeq/method mismatch, Request-URI headers and
 * Content-Length vs body are errors. */
#include <errno.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"

#define REG "REGISTER sip:ims.example.net SIP/2.0\r\n"
#define BASE                                                                   \
	"Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\n"                  \
	"From: <sip:alice@ims.example.net>;tag=1\r\n"                         \
	"To: <sip:alice@ims.example.net>\r\n"                                 \
	"Call-ID: abc@192.0.2.1\r\n"                                          \
	"CSeq: 1 REGISTER\r\n"                                                \
	"Max-Forwards: 70\r\n"

struct check_case {
	const char *name;
	const char *in;
	int rc;                 /* 0, or the error of sip_msg_check */
	enum sip_hdr_id hdr;    /* the header the error names */
	const char *at;         /* text at the offending byte (strstr in the input) */
};

static const struct check_case cases[] = {
	{ "minimal_register", REG BASE "Content-Length: 0\r\n\r\n", 0, 0, NULL },
	{ "ims_register",
	  REG BASE "Contact: <sip:alice@[2001:db8::1]:5060>;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";"
	  "+g.3gpp.smsip;expires=600000\r\n"
	  "Route: <sip:pcscf.example.net;lr>\r\n"
	  "Expires: 600000\r\n"
	  "Require: sec-agree\r\nProxy-Require: sec-agree\r\nk: path, sec-agree\r\n"
	  "Allow: INVITE, ACK\r\n"
	  "Privacy: none\r\n"
	  "User-Agent: UE/1.0 (test)\r\n"
	  "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010000001\r\n"
	  "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=5062;port-s=5063\r\n"
	  "Authorization: Digest username=\"001@ims.example.net\",realm=\"ims.example.net\","
	  "uri=\"sip:ims.example.net\",nonce=\"\",response=\"\"\r\n"
	  "Content-Type: application/sdp\r\n"
	  "Content-Length: 0\r\n\r\n",
	  0, 0, NULL },
	{ "contact_star", REG BASE "Contact: *\r\nExpires: 0\r\nl: 0\r\n\r\n", 0, 0, NULL },
	{ "contact_star_with_another", REG BASE "Contact: *, <sip:a@b>\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_CONTACT, "*, <sip" },
	{ "contact_star_in_second_field", REG BASE "Contact: <sip:a@b>\r\nm: *\r\nl: 0\r\n\r\n",
	  -EBADMSG, SIP_HDR_CONTACT, "*\r\nl: 0" },
	{ "cseq_twice", REG BASE "CSeq: 2 INVITE\r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_CSEQ,
	  "CSeq: 2" },
	{ "cseq_method_differs_first", REG
	  "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCSeq: 1 INVITE\r\n\r\n",
	  -EBADMSG, SIP_HDR_CSEQ, "INVITE\r\n" },
	{ "to_twice", REG BASE "To: <sip:bob@ims.example.net>\r\n\r\n", -EBADMSG, SIP_HDR_TO,
	  "To: <sip:bob" },
	{ "call_id_twice_compact", REG BASE "i: other\r\n\r\n", -EBADMSG, SIP_HDR_CALL_ID, "i: other" },
	{ "request_uri_with_headers", "INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0\r\n"
	  "CSeq: 1 INVITE\r\n\r\n", -EBADMSG, SIP_HDR_OTHER, "?Route" },
	{ "content_length_vs_body_in_a_datagram", REG BASE "l: 10\r\n\r\n0123456789", 0, 0, NULL },
	{ "max_forwards_not_a_number", REG "Max-Forwards: seventy\r\n\r\n", -EBADMSG,
	  SIP_HDR_MAX_FORWARDS, "seventy" },
	{ "expires_too_large", REG "Expires: 4294967296\r\n\r\n", -ERANGE, SIP_HDR_EXPIRES, "4294967296" },
	{ "via_without_host", REG "Via: SIP/2.0/UDP\r\n\r\n", -EBADMSG, SIP_HDR_VIA, NULL },
	{ "via_second_element_bad", REG "Via: SIP/2.0/UDP a, SIP/2.0/UDP b;;\r\n\r\n", -EBADMSG,
	  SIP_HDR_VIA, NULL },
	{ "via_empty_element", REG "Via: SIP/2.0/UDP a,,SIP/2.0/UDP b\r\n\r\n", -EBADMSG, SIP_HDR_VIA,
	  ",SIP/2.0/UDP b" },
	{ "route_not_an_address", REG "Route: <sip:a@b\r\n\r\n", -EBADMSG, SIP_HDR_ROUTE, NULL },
	{ "supported_empty_element", REG "k: path,,gruu\r\n\r\n", -EBADMSG, SIP_HDR_SUPPORTED,
	  ",gruu" },
	{ "supported_trailing_comma", REG "Supported: path, \r\n\r\n", -EBADMSG, SIP_HDR_SUPPORTED,
	  ", \r\n" },
	{ "allow_quoted", REG "Allow: \"INVITE,ACK\"\r\n\r\n", -EBADMSG, SIP_HDR_ALLOW, NULL },
	{ "allow_empty", REG "Allow:\r\nSupported: \r\n\r\n", 0, 0, NULL },
	{ "more_typed_headers",
	  "SIP/2.0 200 OK\r\n" BASE
	  "Accept: application/sdp;level=1, */*, application/reginfo+xml\r\n"
	  "Allow-Events: reg, presence.winfo\r\n"
	  "Subscription-State: active;expires=600000\r\n"
	  "Session-Expires: 1800;refresher=uac\r\n"
	  "Content-Disposition: session;handling=optional\r\n"
	  "Content-Encoding: gzip\r\nContent-Language: en, de-CH\r\n"
	  "Priority: urgent\r\n"
	  "Reason: SIP;cause=200;text=\"Call completed elsewhere\", Q.850;cause=16\r\n"
	  "P-Charging-Vector: icid-value=\"PCSCF:1-2\";orig-ioi=visited.net;icid-generated-at=[2001:db8::1]\r\n"
	  "P-Charging-Function-Addresses: ccf=192.0.2.10; ecf=[2001:db8::2]\r\n"
	  "l: 0\r\n\r\n",
	  0, 0, NULL },
	{ "accept_without_subtype", REG "Accept: application/sdp, text\r\n\r\n", -EBADMSG,
	  SIP_HDR_ACCEPT, NULL },
	{ "charging_vector_not_params", REG "P-Charging-Vector: ;;\r\n\r\n", -EBADMSG,
	  SIP_HDR_P_CHARGING_VECTOR, NULL },
	{ "reason_empty_element", REG "Reason: SIP;cause=200,,Q.850\r\n\r\n", -EBADMSG,
	  SIP_HDR_REASON, ",Q.850" },
	{ "allow_events_not_a_token", REG "Allow-Events: reg presence\r\n\r\n", -EBADMSG,
	  SIP_HDR_ALLOW_EVENTS, NULL },
	{ "require_not_a_token", REG "Require: sec agree\r\n\r\n", -EBADMSG, SIP_HDR_REQUIRE, NULL },
	{ "privacy_empty_value", REG "Privacy: id;;header\r\n\r\n", -EBADMSG, SIP_HDR_PRIVACY, NULL },
	{ "content_type_without_subtype", REG "c: application\r\n\r\n", -EBADMSG,
	  SIP_HDR_CONTENT_TYPE, NULL },
	{ "date_not_gmt", REG "Date: Sat, 13 Nov 2010 23:29:00 EST\r\n\r\n", -EBADMSG, SIP_HDR_DATE,
	  NULL },
	{ "authorization_unterminated_quote", REG "Authorization: Digest username=\"x\r\n\r\n",
	  -EBADMSG, SIP_HDR_AUTHORIZATION, NULL },
	{ "request_uri_bad", "REGISTER sip:[::1 SIP/2.0\r\n\r\n", -EBADMSG, SIP_HDR_OTHER, NULL },
	{ "unknown_headers_are_not_checked", REG "X-Anything: ;;,,;;,;\r\n\r\n", 0, 0, NULL },
	{ "unknown_header_rejects_a_control_byte", REG "X-Foo: a\001b\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_OTHER, "\001b" },
	{ "unknown_header_rejects_del", REG "X-Foo: abc def\177\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_OTHER, "\177" },
	{ "unknown_header_rejects_escaped_control", REG "X-Foo: \"a\\\002\"\r\nl: 0\r\n\r\n",
	  -EBADMSG, SIP_HDR_OTHER, "\002" },
	{ "unknown_header_control_after_16_bytes",
	  REG "X-Foo: 0123456789abcdef0123\037\r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_OTHER, "\037" },
	{ "unknown_header_allows_htab_fold_and_utf8",
	  REG "X-Foo: a\tb\r\n \tc \xc3\xa9\r\nl: 0\r\n\r\n", 0, 0, NULL },
	{ "subject_rejects_a_control_byte", REG "Subject: hello\033[0m\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_SUBJECT, "\033[0m" },
	{ "call_id_rejects_a_control_byte", REG "Call-ID: a\001b\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_CALL_ID, "\001b" },
	{ "response_cseq_any_method", "SIP/2.0 200 OK\r\n" BASE "l: 0\r\n\r\n", 0, 0, NULL },
};

static void test_check_table(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct check_case *c = &cases[i];
		size_t len = strlen(c->in);
		char *g = check_guard_copy(c->in, len);
		struct sip_hdr hdrs[32];
		struct sip_msg msg;
		struct sip_parse_error err;
		sip_msg_init(&msg, hdrs, 32);
		int rc = sip_msg_parse(&msg, g, len, 0, &err);
		if (rc < 0) {
			check_failed++;
			fprintf(stderr, "%s: parse failed: %s at %zu\n", c->name, err.reason, err.offset);
			check_guard_free(g, len);
			continue;
		}
		rc = sip_msg_check(&msg, &err);
		if (rc != c->rc)
			fprintf(stderr, "%s: rc %d (%s at %zu), want %d\n", c->name, rc,
				rc ? err.reason : "", rc ? err.offset : 0, c->rc);
		CHECK_INT_EQ(rc, c->rc);
		if (rc < 0 && c->rc < 0) {
			CHECK(err.reason != NULL);
			CHECK_INT_EQ(err.hdr, c->hdr);
			CHECK(err.offset <= len);
			CHECK(err.at == g + err.offset);
			if (c->at) {
				const char *want = strstr(c->in, c->at);
				CHECK(want != NULL);
				if (want && (long)err.offset != want - c->in)
					fprintf(stderr, "%s: offset %zu (%s), want %ld\n", c->name,
						err.offset, err.reason, (long)(want - c->in));
				CHECK(want && (long)err.offset == want - c->in);
			}
		}
		check_guard_free(g, len);
	}
}

static void test_check_content_length_larger_than_lenient_body(void)
{
	static const char in[] = REG BASE "Content-Length: 10\r\n\r\nshort";
	struct sip_hdr hdrs[16];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 16);
	CHECK(sip_msg_parse(&msg, in, sizeof in - 1, SIP_PARSE_LENIENT, &err) > 0);
	CHECK(msg.repairs & SIP_REPAIR_SHORT_BODY);
	CHECK_INT_EQ(sip_msg_check(&msg, &err), -EBADMSG);
	CHECK_INT_EQ(err.hdr, SIP_HDR_CONTENT_LENGTH);
	CHECK_INT_EQ(err.offset, sizeof(REG BASE "Content-Length: ") - 1);
}

int main(void)
{
	test_check_table();
	test_check_content_length_larger_than_lenient_body();
	return check_done();
}
