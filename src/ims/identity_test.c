/* identity_test.c: IMPI / IMPU classification and TS 23.003 §13 domains derived from the IMSI. */
#include <errno.h>
#include <string.h>
#include <imsreg/ims.h>
#include "check.h"

struct identity_case {
	const char *in;
	int rc;
	enum ims_identity_kind kind;
	const char *user, *domain;
	bool imsi, e164, is_3gpp, user_phone, matches, has_problem;
	const char *mcc, *mnc;  /* from the domain, "" when none */
	const char *d2, *d3;    /* derived domains, "" when the user is no IMSI */
};

/* Derived domains worked out by hand from TS 23.003 §13.2: IMSI
 * 001010123456789 is MCC 001 + MNC 01 (2 digits, padded to 001) or MNC 010. */
static const struct identity_case cases[] = {
	/* seeds: the Authorization username of ex2-ex6 and ex1 */
	{ "001010123456789@test.3gpp.com", 0, IMS_ID_NAI, "001010123456789", "test.3gpp.com",
	  true, false, false, false, false, false, "", "",
	  "ims.mnc001.mcc001.3gppnetwork.org", "ims.mnc010.mcc001.3gppnetwork.org" },
	{ "001010123456789@ims.sharetechnote.com", 0, IMS_ID_NAI, "001010123456789",
	  "ims.sharetechnote.com", true, false, false, false, false, false, "", "",
	  "ims.mnc001.mcc001.3gppnetwork.org", "ims.mnc010.mcc001.3gppnetwork.org" },
	/* ex5 From/To: a 3GPP domain that is not the IMSI's */
	{ "<sip:001010123456789@ims.mnc246.mcc081.3gppnetwork.org>", 0, IMS_ID_SIP,
	  "001010123456789", "ims.mnc246.mcc081.3gppnetwork.org", true, false, true, false, false,
	  false, "081", "246", "ims.mnc001.mcc001.3gppnetwork.org",
	  "ims.mnc010.mcc001.3gppnetwork.org" },
	/* bench corpus: the IMPI and temporary IMPU of TS 23.003 §13.3/§13.4B */
	{ "001010000000001@ims.mnc001.mcc001.3gppnetwork.org", 0, IMS_ID_NAI, "001010000000001",
	  "ims.mnc001.mcc001.3gppnetwork.org", true, false, true, false, true, false, "001", "001",
	  "ims.mnc001.mcc001.3gppnetwork.org", "ims.mnc010.mcc001.3gppnetwork.org" },
	{ "sip:001010000000001@IMS.MNC001.MCC001.3GPPNETWORK.ORG", 0, IMS_ID_SIP,
	  "001010000000001", "IMS.MNC001.MCC001.3GPPNETWORK.ORG", true, false, true, false, true,
	  false, "001", "001", "ims.mnc001.mcc001.3gppnetwork.org",
	  "ims.mnc010.mcc001.3gppnetwork.org" },
	/* IMSI 310150123456789: MCC 310, MNC 15 or 150 */
	{ "310150123456789@ims.mnc150.mcc310.3gppnetwork.org", 0, IMS_ID_NAI, "310150123456789",
	  "ims.mnc150.mcc310.3gppnetwork.org", true, false, true, false, true, false, "310", "150",
	  "ims.mnc015.mcc310.3gppnetwork.org", "ims.mnc150.mcc310.3gppnetwork.org" },
	/* the 2-digit MNC written unpadded: not the TS 23.003 form */
	{ "001010123456789@ims.mnc01.mcc001.3gppnetwork.org", 0, IMS_ID_NAI, "001010123456789",
	  "ims.mnc01.mcc001.3gppnetwork.org", true, false, false, false, false, true, "001", "01",
	  "ims.mnc001.mcc001.3gppnetwork.org", "ims.mnc010.mcc001.3gppnetwork.org" },
	{ "user@mnc001.mcc001.3gppnetwork.org", 0, IMS_ID_NAI, "user",
	  "mnc001.mcc001.3gppnetwork.org", false, false, false, false, false, true, "001", "001",
	  "", "" },
	{ "user@pub.3gppnetwork.org", 0, IMS_ID_NAI, "user", "pub.3gppnetwork.org", false, false,
	  false, false, false, true, "", "", "", "" },
	/* E.164 IMPUs: a leading '+', user=phone, tel URIs */
	{ "<sip:+11234567890@ims.sharetechnote.com>", 0, IMS_ID_SIP, "+11234567890",
	  "ims.sharetechnote.com", false, true, false, false, false, false, "", "", "", "" },
	{ "sip:+11234567890@[2001:0:0:1::3]:5060", 0, IMS_ID_SIP, "+11234567890",
	  "[2001:0:0:1::3]", false, true, false, false, false, false, "", "", "", "" },
	{ "sip:+1-123-456-7890;npdi@example.net;user=phone", 0, IMS_ID_SIP, "+1-123-456-7890",
	  "example.net", false, true, false, true, false, false, "", "", "", "" },
	{ "sips:alice:secret@example.net:5061;transport=tls", 0, IMS_ID_SIP, "alice",
	  "example.net", false, false, false, false, false, false, "", "", "", "" },
	{ "tel:+11234567890", 0, IMS_ID_TEL, "+11234567890", NULL, false, true, false, false,
	  false, false, "", "", "", "" },
	{ "tel:7042;phone-context=example.com", 0, IMS_ID_TEL, "7042", "example.com", false,
	  false, false, false, false, false, "", "", "", "" },
	{ "tel:+1234567890123456", 0, IMS_ID_TEL, "+1234567890123456", NULL, false, false, false,
	  false, false, false, "", "", "", "" },
	{ "sip:ims.example.net", 0, IMS_ID_SIP, NULL, "ims.example.net", false, false, false,
	  false, false, false, "", "", "", "" },
	/* a 15-digit number with user=phone is a phone number, not an IMSI */
	{ "sip:001010123456789@example.net;user=phone", 0, IMS_ID_SIP, "001010123456789",
	  "example.net", false, false, false, true, false, false, "", "", "", "" },
	/* an '@' in the URI's headers is not the userinfo's (RFC 3261 §19.1.1),
	 * and user=phone is read from the parameters only */
	{ "<sip:+15551234567@ims.example.net;user=phone?To=x@y>", 0, IMS_ID_SIP, "+15551234567",
	  "ims.example.net", false, true, false, true, false, false, "", "", "", "" },
	/* a URI the codec rejects (space in the user part) is still split */
	{ "sip:bad user@example.net?h=a@b", 0, IMS_ID_SIP, "bad user", "example.net", false, false,
	  false, false, false, false, "", "", "", "" },
	/* an NAI's realm follows its last '@', as rules.c reads it */
	{ "001010123456789@visited.example@ims.mnc001.mcc001.3gppnetwork.org", 0, IMS_ID_NAI,
	  "001010123456789@visited.example", "ims.mnc001.mcc001.3gppnetwork.org", false, false,
	  true, false, false, false, "001", "001", "", "" },
	{ "urn:service:sos", 0, IMS_ID_OTHER, NULL, NULL, false, false, false, false, false,
	  false, "", "", "", "" },
	/* errors */
	{ "", -EBADMSG, IMS_ID_OTHER, NULL, NULL, false, false, false, false, false, false, "", "",
	  "", "" },
	{ "sip:", -EBADMSG, IMS_ID_SIP, NULL, "", false, false, false, false, false, false, "", "",
	  "", "" },
	{ "sip:@example.net", -EBADMSG, IMS_ID_SIP, "", NULL, false, false, false, false, false,
	  false, "", "", "", "" },
	{ "sip:u@[2001:db8::1", -EBADMSG, IMS_ID_SIP, "u", NULL, false, false, false, false,
	  false, false, "", "", "", "" },
	{ "@realm", -EBADMSG, IMS_ID_NAI, "", "realm", false, false, false, false, false, false,
	  "", "", "", "" },
	{ "tel:", -EBADMSG, IMS_ID_TEL, "", NULL, false, false, false, false, false, false, "", "",
	  "", "" },
	{ "plain", -EBADMSG, IMS_ID_OTHER, NULL, NULL, false, false, false, false, false, false,
	  "", "", "", "" },
};

static void check_case(const struct identity_case *c, const char *buf)
{
	struct ims_identity id;
	int rc = ims_identity_decode(&id, slice_make(buf, strlen(c->in)));
	CHECK_INT_EQ(rc, c->rc);
	CHECK_INT_EQ(id.kind, c->kind);
	CHECK_SLICE_EQ(id.user, c->user);
	if (rc == 0 || c->domain)
		CHECK_SLICE_EQ(id.domain, c->domain);
	CHECK_INT_EQ(id.user_is_imsi, c->imsi);
	CHECK_INT_EQ(id.user_is_e164, c->e164);
	CHECK_INT_EQ(id.domain_is_3gpp, c->is_3gpp);
	CHECK_INT_EQ(id.user_phone, c->user_phone);
	CHECK_INT_EQ(id.domain_matches_imsi, c->matches);
	CHECK_INT_EQ(id.domain_problem != NULL, c->has_problem);
	CHECK_STR_EQ(id.domain_mcc, c->mcc);
	CHECK_STR_EQ(id.domain_mnc, c->mnc);
	CHECK_STR_EQ(id.derived_domain2, c->d2);
	CHECK_STR_EQ(id.derived_domain3, c->d3);
}

static void run_case(struct slice in, const void *row)
{
	check_case(row, in.ptr);
}

static void test_identity_decode_table(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i], cases[i].in);
	CHECK_TABLE_GUARDED(cases, run_case);
}

static void decode_prefix(struct slice s, const void *row)
{
	const char *g = s.ptr;
	size_t k = s.len;
	struct ims_identity id;
	(void)row;
	int rc = ims_identity_decode(&id, s);
	CHECK(rc == 0 || rc == -EBADMSG);
	if (id.user.ptr)
		CHECK(id.user.ptr >= g && id.user.ptr + id.user.len <= g + k);
	if (id.domain.ptr)
		CHECK(id.domain.ptr >= g && id.domain.ptr + id.domain.len <= g + k);
}

static void test_identity_decode_every_truncation_stays_in_bounds(void)
{
	const char *in = "sip:+1-123;npdi:pw@[2001:db8::1]:5060;user=phone;x?h=1";
	check_every_prefix(in, decode_prefix, NULL);
}

/* A host inside a 3GPP home domain (a node's address, e.g. in a NOTIFY's
 * Contact) is told apart from a home domain written wrong; both keep the
 * domain problem, which is right for an identity. */
static void test_identity_host_of_a_3gpp_home_domain(void)
{
	static const struct {
		const char *in;
		bool host, is_3gpp, problem;
	} rows[] = {
		{ "sip:scscf.ims.mnc001.mcc001.3gppnetwork.org:6060", true, false, true },
		{ "sip:u@pcscf1.IMS.mnc001.mcc001.3gppnetwork.org", true, false, true },
		{ "sip:ims.mnc001.mcc001.3gppnetwork.org", false, true, false },
		{ "sip:u@foo.mnc001.mcc001.3gppnetwork.org", false, false, true },
		{ "sip:u@xims.mnc001.mcc001.3gppnetwork.org", false, false, true },
		{ "sip:u@pcscf.ims.mnc01.mcc001.3gppnetwork.org", false, false, true }, /* MNC 2 digits */
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct ims_identity id;
		CHECK_INT_EQ(ims_identity_decode(&id, slice_cstr(rows[i].in)), 0);
		CHECK_INT_EQ(id.domain_is_3gpp_host, rows[i].host);
		CHECK_INT_EQ(id.domain_is_3gpp, rows[i].is_3gpp);
		CHECK_INT_EQ(id.domain_problem != NULL, rows[i].problem);
		if (rows[i].host) {
			CHECK_STR_EQ(id.domain_mcc, "001");
			CHECK_STR_EQ(id.domain_mnc, "001");
		}
	}
}

/* sos as a URI parameter (in any case, with or without a value) marks an
 * emergency registration's contact; a parameter merely named like it, or
 * sos in the user part, does not. */
static void test_uri_with_sos_is_an_emergency_contact(void)
{
	static const struct {
		const char *uri;
		bool emergency;
	} rows[] = {
		{ "sip:[2001:db8::1]:5060;sos", true },
		{ "sip:u@192.0.2.1;transport=udp;SOS", true },
		{ "sip:u@192.0.2.1;sos=1;ob", true },
		{ "sip:u@192.0.2.1", false },
		{ "sip:sos@192.0.2.1", false },
		{ "sip:u@192.0.2.1;sosx;xsos", false },
		{ "tel:+112", false },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct sip_uri u;
		struct sip_parse_error err;
		CHECK_INT_EQ(sip_uri_decode(&u, slice_cstr(rows[i].uri), &err), 0);
		CHECK(ims_uri_is_emergency(&u) == rows[i].emergency);
	}
	CHECK(!ims_uri_is_emergency(NULL));
}

int main(void)
{
	test_uri_with_sos_is_an_emergency_contact();
	test_identity_host_of_a_3gpp_home_domain();
	test_identity_decode_table();
	test_identity_decode_every_truncation_stays_in_bounds();
	return check_done();
}
