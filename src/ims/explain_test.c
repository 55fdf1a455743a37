/* explain_test.c: the explanation catalogue covers every header id and the
 * registration parameters, each with a spec reference. */
#include <string.h>
#include <imsreg/ims.h>
#include "check.h"

/* A reference names a spec: an RFC, a 3GPP TS or a GSMA document. */
static bool ref_names_a_spec(const char *ref)
{
	return ref && (strncmp(ref, "RFC ", 4) == 0 || strncmp(ref, "TS ", 3) == 0 ||
		       strncmp(ref, "3GPP ", 5) == 0 || strncmp(ref, "IR.", 3) == 0);
}

static void test_every_header_id_has_meaning_and_ref(void)
{
	for (int id = 0; id < SIP_HDR__COUNT; id++) {
		const struct ims_explain *e = ims_explain_header((enum sip_hdr_id)id, SLICE_NULL);
		CHECK(e != NULL);
		if (!e)
			continue;
		if (!e->meaning || strlen(e->meaning) < 30 || !ref_names_a_spec(e->ref))
			fprintf(stderr, "header id %d: missing or short entry\n", id);
		CHECK(e->meaning && strlen(e->meaning) >= 30);
		CHECK(ref_names_a_spec(e->ref));
	}
}

static void test_header_entries_are_distinct(void)
{
	/* a copy-paste slip would give two headers the same text */
	for (int a = 1; a < SIP_HDR__COUNT; a++)
		for (int b = a + 1; b < SIP_HDR__COUNT; b++) {
			const struct ims_explain *ea = ims_explain_header(a, SLICE_NULL);
			const struct ims_explain *eb = ims_explain_header(b, SLICE_NULL);
			if (strcmp(ea->meaning, eb->meaning) == 0) {
				fprintf(stderr, "ids %d and %d share their meaning\n", a, b);
				CHECK(0);
			}
		}
}

static void test_header_refs_name_the_right_section(void)
{
	CHECK(strstr(ims_explain_header(SIP_HDR_VIA, SLICE_NULL)->ref, "RFC 3261 §20.42"));
	CHECK(strstr(ims_explain_header(SIP_HDR_CONTACT, SLICE_NULL)->ref, "RFC 3261 §20.10"));
	CHECK(strstr(ims_explain_header(SIP_HDR_PATH, SLICE_NULL)->ref, "RFC 3327"));
	CHECK(strstr(ims_explain_header(SIP_HDR_SERVICE_ROUTE, SLICE_NULL)->ref, "RFC 3608"));
	CHECK(strstr(ims_explain_header(SIP_HDR_SECURITY_CLIENT, SLICE_NULL)->ref, "RFC 3329"));
	CHECK(strstr(ims_explain_header(SIP_HDR_SECURITY_CLIENT, SLICE_NULL)->ref, "TS 33.203"));
	CHECK(strstr(ims_explain_header(SIP_HDR_AUTHORIZATION, SLICE_NULL)->ref, "TS 24.229 §5.1.1.2.1"));
	CHECK(strstr(ims_explain_header(SIP_HDR_P_ACCESS_NETWORK_INFO, SLICE_NULL)->ref, "RFC 7315"));
	CHECK(strstr(ims_explain_header(SIP_HDR_WWW_AUTHENTICATE, SLICE_NULL)->ref, "RFC 3310"));
	/* RFC 3310: §3.2 Creating a Challenge, §3.3 Client Authentication,
	 * §3.4 Synchronization Failure, §3.5 Server Authentication */
	CHECK(strstr(ims_explain_header(SIP_HDR_AUTHENTICATION_INFO, SLICE_NULL)->ref,
		     "RFC 3310 §3.5"));
	CHECK(strstr(ims_explain_header(SIP_HDR_AUTHORIZATION, SLICE_NULL)->ref, "RFC 3310 §3.3"));
}

static void test_unknown_header_gets_generic_or_named_entry(void)
{
	const struct ims_explain *generic = ims_explain_header(SIP_HDR_OTHER, SLICE_LIT("X-Foo"));
	CHECK(generic == ims_explain_header(SIP_HDR_OTHER, SLICE_NULL));
	const struct ims_explain *pps =
		ims_explain_header(SIP_HDR_OTHER, SLICE_LIT("p-preferred-service"));
	CHECK(pps != generic);
	CHECK(strstr(pps->ref, "RFC 6050") != NULL);
	const struct ims_explain *cni =
		ims_explain_header(SIP_HDR_OTHER, SLICE_LIT("cellular-network-info"));
	CHECK(cni != generic);
	CHECK_STR_EQ(cni->ref, "TS 24.229 §7.2.15");
	CHECK_STR_EQ(ims_explain_header(SIP_HDR_OTHER, SLICE_LIT("session-id"))->ref, "RFC 7989");
	CHECK_STR_EQ(ims_explain_header(SIP_HDR_OTHER, SLICE_LIT("Response-Source"))->ref, "TS 24.229 §7.2.17");
	/* an out-of-range id is treated as unknown, not read past the table */
	CHECK(ims_explain_header((enum sip_hdr_id)SIP_HDR__COUNT, SLICE_NULL) == generic);
}

static const struct {
	enum sip_hdr_id id;
	const char *param;
	const char *ref_part; /* NULL: the catalogue must have no entry */
	const char *meaning_part;
} param_cases[] = {
	{ SIP_HDR_VIA, "branch", "§8.1.1.7", "z9hG4bK" },
	{ SIP_HDR_VIA, "received", "RFC 3261", "NAT" },
	{ SIP_HDR_VIA, "rport", "RFC 3581", "port" },
	{ SIP_HDR_VIA, "transport", "RFC 3261", "sent-protocol" },
	{ SIP_HDR_FROM, "tag", "RFC 3261", "tag" },
	{ SIP_HDR_TO, "TAG", "RFC 3261", "tag" },
	{ SIP_HDR_CONTACT, "expires", "§10.2.1.1", "wins over the Expires header" },
	{ SIP_HDR_CONTACT, "q", "RFC 3261", "Preference" },
	{ SIP_HDR_CONTACT, "+sip.instance", "RFC 5626", "IMEI" },
	{ SIP_HDR_CONTACT, "reg-id", "RFC 5626", "flow" },
	{ SIP_HDR_CONTACT, "+g.foo.bar", "RFC 3840", "feature tag" },
	{ SIP_HDR_CONTACT, "video", "RFC 3840", "feature tag" },
	/* base tags the catalogue once listed apart from the registry and missed */
	{ SIP_HDR_CONTACT, "message", "RFC 3840", "feature tag" },
	{ SIP_HDR_CONTACT, "ISFOCUS", "RFC 3840", "feature tag" },
	/* a '+' tag without its '+' is not a feature tag */
	{ SIP_HDR_CONTACT, "g.3gpp.smsip", NULL, NULL },
	{ SIP_HDR_CONTACT, "sip.ice", NULL, NULL },
	{ SIP_HDR_CONTACT, "transport", "RFC 3261 §19.1.1", "transport" },
	{ SIP_HDR_AUTHORIZATION, "username", "TS 23.003", "IMPI" },
	{ SIP_HDR_AUTHORIZATION, "realm", "RFC 3261", "home" },
	{ SIP_HDR_AUTHORIZATION, "nonce", "RFC 3310", "RAND || AUTN" },
	{ SIP_HDR_AUTHORIZATION, "uri", "RFC 3261", "Request-URI" },
	{ SIP_HDR_AUTHORIZATION, "response", "RFC 7616", "RES" },
	{ SIP_HDR_AUTHORIZATION, "algorithm", "RFC 3310", "AKAv1-MD5" },
	{ SIP_HDR_AUTHORIZATION, "qop", "RFC 7616", "auth" },
	{ SIP_HDR_AUTHORIZATION, "nc", "RFC 7616", "8 hex" },
	{ SIP_HDR_AUTHORIZATION, "cnonce", "RFC 7616", "Client nonce" },
	{ SIP_HDR_AUTHORIZATION, "opaque", "RFC 7616", "unchanged" },
	{ SIP_HDR_AUTHORIZATION, "auts", "RFC 3310", "resynchronise" },
	{ SIP_HDR_AUTHORIZATION, "integrity-protected", "TS 24.229", "IPsec" },
	{ SIP_HDR_PROXY_AUTHORIZATION, "username", "TS 23.003", "IMPI" },
	{ SIP_HDR_WWW_AUTHENTICATE, "nonce", "RFC 3310", "RAND || AUTN" },
	{ SIP_HDR_WWW_AUTHENTICATE, "ck", "TS 33.203", "never reach the UE" },
	{ SIP_HDR_PROXY_AUTHENTICATE, "realm", "RFC 3261", "home domain" },
	{ SIP_HDR_AUTHENTICATION_INFO, "rspauth", "RFC 7616", "mutual" },
	{ SIP_HDR_SECURITY_CLIENT, "alg", "TS 33.203", "hmac-sha-1-96" },
	{ SIP_HDR_SECURITY_CLIENT, "ealg", "TS 33.203", "aes-cbc" },
	{ SIP_HDR_SECURITY_SERVER, "spi-c", "TS 33.203", "Security Parameter Index" },
	{ SIP_HDR_SECURITY_VERIFY, "spi-s", "TS 33.203", "Security Parameter Index" },
	{ SIP_HDR_SECURITY_CLIENT, "port-c", "TS 33.203", "client port" },
	{ SIP_HDR_SECURITY_CLIENT, "port-s", "TS 33.203", "server port" },
	{ SIP_HDR_SECURITY_CLIENT, "prot", "TS 33.203", "esp" },
	{ SIP_HDR_SECURITY_CLIENT, "mod", "TS 33.203", "trans" },
	{ SIP_HDR_SECURITY_CLIENT, "q", "RFC 3329", "Preference" },
	{ SIP_HDR_P_ACCESS_NETWORK_INFO, "utran-cell-id-3gpp", "TS 24.229", "ECI" },
	{ SIP_HDR_P_ACCESS_NETWORK_INFO, "network-provided", "TS 24.229", "network" },
	{ SIP_HDR_ROUTE, "lr", "RFC 3261", "Loose routing" },
	{ SIP_HDR_PATH, "lr", "RFC 3261", "Loose routing" },
	{ SIP_HDR_TO, "user", "RFC 3261", "user=phone" },
	/* a telephone number's parameters, in any URI */
	{ SIP_HDR_OTHER, "npdi", "RFC 4694", "portability database" },
	{ SIP_HDR_OTHER, "RN", "RFC 4694", "routing number" },
	{ SIP_HDR_OTHER, "verstat", "TS 24.229 §7.2A.20", "TN-Validation-Passed" },
	{ SIP_HDR_FROM, "ext", "RFC 3966", "extension" },
	{ SIP_HDR_CONTACT, "tgrp", "RFC 4904", "trunk group" },
	/* no entry: a Via has no "expires", a CSeq no parameters at all */
	{ SIP_HDR_VIA, "expires", NULL, NULL },
	{ SIP_HDR_CSEQ, "branch", NULL, NULL },
	{ SIP_HDR_VIA, "+sip.instance", NULL, NULL },
	{ SIP_HDR_FROM, "video", NULL, NULL },
	{ SIP_HDR_SECURITY_CLIENT, "lr", NULL, NULL },
};

static void test_params_are_explained_per_header(void)
{
	for (size_t i = 0; i < sizeof param_cases / sizeof param_cases[0]; i++) {
		const struct ims_explain *e =
			ims_explain_param(param_cases[i].id, slice_cstr(param_cases[i].param));
		if (!param_cases[i].ref_part) {
			if (e)
				fprintf(stderr, "case %zu (%s): unexpected entry\n", i,
					param_cases[i].param);
			CHECK(e == NULL);
			continue;
		}
		CHECK(e != NULL);
		if (!e) {
			fprintf(stderr, "case %zu (%s): no entry\n", i, param_cases[i].param);
			continue;
		}
		if (!strstr(e->ref, param_cases[i].ref_part) ||
		    !strstr(e->meaning, param_cases[i].meaning_part))
			fprintf(stderr, "case %zu (%s): ref %s\n", i, param_cases[i].param, e->ref);
		CHECK(strstr(e->ref, param_cases[i].ref_part) != NULL);
		CHECK(strstr(e->meaning, param_cases[i].meaning_part) != NULL);
	}
}

static void test_param_absent_or_bad_id_gives_null(void)
{
	CHECK(ims_explain_param(SIP_HDR_VIA, SLICE_NULL) == NULL);
	CHECK(ims_explain_param((enum sip_hdr_id)(SIP_HDR__COUNT + 3), SLICE_LIT("branch")) ==
	      NULL);
}

static const struct {
	enum sip_hdr_id id;
	const char *param, *value;
	const char *ref_part;     /* NULL: no entry for this value */
	const char *meaning_part;
} value_cases[] = {
	/* TS 24.229 §7.2A.2: each value of integrity-protected its own text */
	{ SIP_HDR_AUTHORIZATION, "integrity-protected", "yes", "TS 24.229 §7.2A.2", "over the IPsec" },
	{ SIP_HDR_AUTHORIZATION, "integrity-protected", "no", "TS 24.229 §7.2A.2", "did not arrive over an IPsec" },
	{ SIP_HDR_AUTHORIZATION, "integrity-protected", "tls-pending", "TS 24.229 §7.2A.2", "not yet bound" },
	{ SIP_HDR_AUTHORIZATION, "integrity-protected", "TLS-YES", "TS 24.229 §7.2A.2", "TLS session of a user" },
	{ SIP_HDR_AUTHORIZATION, "integrity-protected", "ip-assoc-pending", "TS 24.229 §7.2A.2", "no IP association" },
	{ SIP_HDR_AUTHORIZATION, "integrity-protected", "ip-assoc-yes", "TS 24.229 §7.2A.2", "IP address associated" },
	{ SIP_HDR_PROXY_AUTHORIZATION, "integrity-protected", "auth-done", "TS 24.229 §7.2A.2", "skips its own" },
	{ SIP_HDR_AUTHORIZATION, "integrity-protected", "bogus", NULL, NULL },
	/* algorithm: each value its own text, in credentials and challenges */
	{ SIP_HDR_AUTHORIZATION, "algorithm", "AKAv1-MD5", "RFC 3310", "RES" },
	{ SIP_HDR_WWW_AUTHENTICATE, "algorithm", "akav2-md5", "RFC 4169", "derived from RES, IK and CK" },
	{ SIP_HDR_AUTHORIZATION, "algorithm", "AKAv1-SHA-256", "RFC 3310", "SHA-256" },
	/* RFC 4169 §3: the AKAv2 password, and only AKAv2-MD5 defined there */
	{ SIP_HDR_AUTHORIZATION, "algorithm", "AKAv2-SHA-256", "RFC 4169 §3",
	  "http-digest-akav2-password" },
	{ SIP_HDR_PROXY_AUTHENTICATE, "algorithm", "MD5", "RFC 7616", "not AKA" },
	{ SIP_HDR_AUTHORIZATION, "algorithm", "SHA-256", "RFC 7616", "SHA-256" },
	{ SIP_HDR_AUTHORIZATION, "algorithm", "SHA-512-256", "RFC 7616", "SHA-512/256" },
	{ SIP_HDR_AUTHORIZATION, "algorithm", "XYZ", NULL, NULL },
	/* stale: the value decides */
	{ SIP_HDR_WWW_AUTHENTICATE, "stale", "TRUE", "RFC 7616 §3.3", "no longer valid" },
	{ SIP_HDR_WWW_AUTHENTICATE, "stale", "FALSE", "RFC 7616 §3.3", "not a nonce expiry" },
	{ SIP_HDR_AUTHORIZATION, "stale", "true", NULL, NULL },
	{ SIP_HDR_WWW_AUTHENTICATE, "integrity-protected", "yes", NULL, NULL },
	/* Subscription-State reason (RFC 6665 §4.1.3): whether to subscribe again */
	{ SIP_HDR_SUBSCRIPTION_STATE, "reason", "deactivated", "RFC 6665 §4.1.3", "subscribe again at once" },
	{ SIP_HDR_SUBSCRIPTION_STATE, "reason", "Rejected", "RFC 6665 §4.1.3", "do not subscribe" },
	{ SIP_HDR_SUBSCRIPTION_STATE, "reason", "noresource", "RFC 6665 §4.1.3", "no longer exists" },
	{ SIP_HDR_SUBSCRIPTION_STATE, "reason", "timeout", "RFC 6665 §4.1.3", "not refreshed" },
	{ SIP_HDR_SUBSCRIPTION_STATE, "reason", "bogus", NULL, NULL },
	{ SIP_HDR_EVENT, "reason", "deactivated", NULL, NULL },
	{ SIP_HDR_SESSION_EXPIRES, "refresher", "uas", "RFC 4028 §4", "answers" },
};

/* A Reason cause by its protocol: a SIP reason phrase, a Q.850 cause name
 * (ITU-T Q.850 Table 1); nothing for another protocol, a number neither
 * lists, or no number. */
static const struct {
	const char *protocol, *cause;
	const char *want;          /* NULL: none */
} cause_cases[] = {
	{ "SIP", "403", "Forbidden" },
	{ "sip", " 503 ", "Service Unavailable" },
	{ "SIP", "494", "Security Agreement Required" },
	{ "SIP", "499", NULL },
	{ "Q.850", "16", "normal call clearing" },
	{ "Q.850", "21", "call rejected" },
	{ "Q.850", "127", "interworking, unspecified" },
	{ "Q.850", "4", NULL },
	{ "Q.850", "x1", NULL },
	{ "Q.850", "", NULL },
	{ "RELEASE_CAUSE", "1", NULL },
};

static void test_reason_causes_are_named_by_protocol(void)
{
	for (size_t i = 0; i < sizeof cause_cases / sizeof cause_cases[0]; i++) {
		const char *got = ims_reason_cause_meaning(slice_cstr(cause_cases[i].protocol),
							   slice_cstr(cause_cases[i].cause));
		bool good = cause_cases[i].want ? got && strcmp(got, cause_cases[i].want) == 0 : got == NULL;
		if (!good)
			fprintf(stderr, "cause case %zu (%s %s): %s\n", i, cause_cases[i].protocol,
				cause_cases[i].cause, got ? got : "none");
		CHECK(good);
	}
	CHECK(ims_reason_cause_meaning(SLICE_LIT("SIP"), SLICE_NULL) == NULL);
	/* every standard final code of RFC 3261 §21 has its phrase */
	static const unsigned codes[] = { 100, 180, 181, 182, 183, 200, 300, 301, 302, 305, 380, 400, 401,
					  402, 403, 404, 405, 406, 407, 408, 410, 413, 414, 415, 416, 420,
					  421, 423, 480, 481, 482, 483, 484, 485, 486, 487, 488, 491, 493,
					  500, 501, 502, 503, 504, 505, 513, 600, 603, 604, 606 };
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		CHECK(ims_sip_reason_phrase(codes[i]) != NULL);
	CHECK_STR_EQ(ims_sip_reason_phrase(423), "Interval Too Brief");
	CHECK(ims_sip_reason_phrase(0) == NULL);
	/* Warning codes (RFC 3261 §20.43, RFC 5630) */
	CHECK_STR_EQ(ims_warning_code_meaning(301), "incompatible network address formats");
	CHECK(strstr(ims_warning_code_meaning(399), "miscellaneous") != NULL);
	CHECK(strstr(ims_warning_code_meaning(381), "RFC 5630") != NULL);
	CHECK(ims_warning_code_meaning(398) == NULL);
	CHECK(ims_warning_code_meaning(0) == NULL);
	CHECK(ims_sip_reason_phrase(999) == NULL);
}

/* The first token of Event, Subscription-State and Content-Type, in any
 * case; nothing for an unknown one or another header. */
static const struct {
	enum sip_hdr_id id;
	const char *value;
	const char *ref_part;      /* NULL: no entry */
	const char *meaning_part;
} header_value_cases[] = {
	{ SIP_HDR_EVENT, "reg", "RFC 3680", "registration state" },
	{ SIP_HDR_EVENT, " REG ", "RFC 3680", "registration state" },
	{ SIP_HDR_EVENT, "presence", "RFC 3856", "availability" },
	{ SIP_HDR_EVENT, "reg.x", NULL, NULL },
	{ SIP_HDR_SUBSCRIPTION_STATE, "terminated", "RFC 6665", "has ended" },
	{ SIP_HDR_SUBSCRIPTION_STATE, "pending", "RFC 6665", "not yet" },
	{ SIP_HDR_CONTENT_TYPE, "Application/Reginfo+XML", "RFC 3680", "registration state" },
	{ SIP_HDR_CONTENT_TYPE, "application/sdp", "RFC 4566", "session" },
	{ SIP_HDR_CONTENT_TYPE, "application/xml", NULL, NULL },
	{ SIP_HDR_CONTACT, "reg", NULL, NULL },
	{ SIP_HDR_REASON, "SIP", "RFC 3326", "SIP status code" },
	{ SIP_HDR_REASON, "q.850", "Q.850", "ITU-T Q.850 cause" },
	{ SIP_HDR_REASON, "RELEASE_CAUSE", NULL, NULL },
};

static void test_header_values_are_explained(void)
{
	for (size_t i = 0; i < sizeof header_value_cases / sizeof header_value_cases[0]; i++) {
		const struct ims_explain *e = ims_explain_header_value(header_value_cases[i].id,
								       slice_cstr(header_value_cases[i].value));
		bool good = header_value_cases[i].ref_part
			? e && strstr(e->ref, header_value_cases[i].ref_part) &&
			  strstr(e->meaning, header_value_cases[i].meaning_part)
			: e == NULL;
		if (!good)
			fprintf(stderr, "header value case %zu (%s): %s\n", i, header_value_cases[i].value,
				e ? e->meaning : "no entry");
		CHECK(good);
	}
	CHECK(ims_explain_header_value(SIP_HDR_EVENT, SLICE_NULL) == NULL);
}

static void test_param_values_are_explained(void)
{
	for (size_t i = 0; i < sizeof value_cases / sizeof value_cases[0]; i++) {
		const struct ims_explain *e = ims_explain_param_value(
			value_cases[i].id, slice_cstr(value_cases[i].param), slice_cstr(value_cases[i].value));
		bool good = value_cases[i].ref_part
			? e && strstr(e->ref, value_cases[i].ref_part) && strstr(e->meaning, value_cases[i].meaning_part)
			: e == NULL;
		if (!good)
			fprintf(stderr, "value case %zu (%s=%s): %s\n", i, value_cases[i].param, value_cases[i].value,
				e ? e->meaning : "no entry");
		CHECK(good);
	}
	/* the values are distinct texts */
	for (size_t a = 0; a < sizeof value_cases / sizeof value_cases[0]; a++)
		for (size_t b = a + 1; b < sizeof value_cases / sizeof value_cases[0]; b++) {
			const struct ims_explain *ea = ims_explain_param_value(value_cases[a].id,
				slice_cstr(value_cases[a].param), slice_cstr(value_cases[a].value));
			const struct ims_explain *eb = ims_explain_param_value(value_cases[b].id,
				slice_cstr(value_cases[b].param), slice_cstr(value_cases[b].value));
			CHECK(!ea || !eb || ea == eb || strcmp(ea->meaning, eb->meaning) != 0);
		}
	CHECK(ims_explain_param_value(SIP_HDR_AUTHORIZATION, SLICE_NULL, SLICE_LIT("yes")) == NULL);
	CHECK(ims_explain_param_value(SIP_HDR_AUTHORIZATION, SLICE_LIT("integrity-protected"), SLICE_NULL) == NULL);
}

int main(void)
{
	test_every_header_id_has_meaning_and_ref();
	test_header_entries_are_distinct();
	test_header_refs_name_the_right_section();
	test_unknown_header_gets_generic_or_named_entry();
	test_params_are_explained_per_header();
	test_param_absent_or_bad_id_gives_null();
	test_param_values_are_explained();
	test_header_values_are_explained();
	test_reason_causes_are_named_by_protocol();
	return check_done();
}
