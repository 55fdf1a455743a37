/* feature_tag_test.c: Contact feature tags explained (RFC 3840, RFC 5626, TS 24.229 §7.9, TS 24.341). */
#include <errno.h>
#include <string.h>
#include <imsreg/ims.h>
#include "check.h"

static void test_unescape_percent_sequences(void)
{
	char out[64];
	int n = ims_unescape(out, sizeof out, SLICE_LIT("urn%3Aurn-7%3a3gpp-service.ims.icsi.mmtel"));
	CHECK_INT_EQ(n, 37);
	if (n > 0)
		CHECK_SLICE_EQ(slice_make(out, (size_t)n), "urn:urn-7:3gpp-service.ims.icsi.mmtel");
	CHECK_INT_EQ(ims_unescape(out, sizeof out, SLICE_LIT("")), 0);
	CHECK_INT_EQ(ims_unescape(out, sizeof out, SLICE_LIT("a%2")), -EBADMSG);
	CHECK_INT_EQ(ims_unescape(out, sizeof out, SLICE_LIT("a%")), -EBADMSG);
	CHECK_INT_EQ(ims_unescape(out, sizeof out, SLICE_LIT("%G0")), -EBADMSG);
	CHECK_INT_EQ(ims_unescape(out, 3, SLICE_LIT("abcd")), -EMSGSIZE);
	CHECK_INT_EQ(ims_unescape(out, 3, SLICE_LIT("a%41c")), 3);
	CHECK(memcmp(out, "aAc", 3) == 0);
	/* a '%' at the very end of a guard-page copy is not read past */
	char *g = check_guard_copy("x%4", 3);
	CHECK(g != NULL);
	if (g) {
		CHECK_INT_EQ(ims_unescape(out, sizeof out, slice_make(g, 3)), -EBADMSG);
		check_guard_free(g, 3);
	}
}

static void test_service_lookup_knows_mmtel_and_rcs(void)
{
	const struct ims_service *s =
		ims_service_lookup(SLICE_LIT("urn:urn-7:3gpp-service.ims.icsi.mmtel"));
	CHECK(s != NULL);
	if (s)
		CHECK_STR_EQ(s->ref, "3GPP TS 24.173");
	CHECK(ims_service_lookup(SLICE_LIT("URN:URN-7:3GPP-SERVICE.IMS.ICSI.MMTEL")) == s);
	CHECK(ims_service_lookup(SLICE_LIT("urn:urn-7:3gpp-service.ims.icsi.oma.cpm.session")));
	CHECK(ims_service_lookup(SLICE_LIT("urn:urn-7:3gpp-application.ims.iari.gsma-is")));
	CHECK(ims_service_lookup(SLICE_LIT("urn:urn-7:3gpp-service.ims.icsi.mmtel.x")) == NULL);
	CHECK(ims_service_lookup(SLICE_LIT("urn:urn-7:3gpp-service.ims.icsi.mmte")) == NULL);
	CHECK(ims_service_lookup(SLICE_NULL) == NULL);
}

struct tag_case {
	const char *name;
	const char *value;        /* NULL: no value */
	bool quoted;
	enum ims_tag_kind kind;
	const char *ref_prefix;   /* ref starts with this */
	unsigned nservices, nunknown;
	const char *service0_ref; /* ref of services[0], NULL when unknown or none */
	const char *note_prefix;  /* NULL: no note */
	const char *value_meaning_prefix;
};

static const struct tag_case tag_cases[] = {
	/* seed ex2 / ex4 Contact */
	{ "reg-id", "1", false, IMS_TAG_REG_ID, "RFC 5626", 0, 0, NULL, NULL, NULL },
	{ "+g.3gpp.csi.smsip", NULL, false, IMS_TAG_SMSIP_WRONG, "3GPP TS 24.341 §5.3.1.2", 0, 0,
	  NULL, NULL, NULL },
	{ "+g.3gpp.icsi-ref", "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel", true, IMS_TAG_ICSI,
	  "3GPP TS 24.229 §7.9.2", 1, 0, "3GPP TS 24.173", NULL, NULL },
	/* seed ex3 Contact */
	{ "+g.3gpp.smsip", NULL, false, IMS_TAG_SMSIP, "3GPP TS 24.341 §5.3.1.2", 0, 0, NULL, NULL,
	  NULL },
	{ "video", NULL, false, IMS_TAG_MEDIA, "RFC 3840", 0, 0, NULL, NULL, NULL },
	{ "+g.gsma.rcs.telephony", "cs,volte", true, IMS_TAG_RCS_TELEPHONY, "GSMA RCC.07", 0, 0,
	  NULL, NULL, "voice calls over the circuit-switched network and over VoLTE" },
	{ "+sip.instance", "<urn:gsma:imei:99000493-686661-0>", true, IMS_TAG_INSTANCE,
	  "RFC 5626 §4.1", 0, 0, NULL, NULL, NULL },
	/* contact-level expires of ref-nr-minimal, and removal */
	{ "expires", "600", false, IMS_TAG_CONTACT_PARAM, "RFC 3261", 0, 0, NULL, NULL, NULL },
	{ "EXPIRES", "000", false, IMS_TAG_CONTACT_PARAM, "RFC 3261", 0, 0, NULL, NULL, "0:" },
	{ "expires", "soon", false, IMS_TAG_CONTACT_PARAM, "RFC 3261", 0, 0, NULL,
	  "expires must be", NULL },
	{ "q", "0.5", false, IMS_TAG_CONTACT_PARAM, "RFC 3261 §20.10", 0, 0, NULL, NULL, NULL },
	{ "q", "1.000", false, IMS_TAG_CONTACT_PARAM, "RFC 3261 §20.10", 0, 0, NULL, NULL, NULL },
	{ "q", "1.5", false, IMS_TAG_CONTACT_PARAM, "RFC 3261 §20.10", 0, 0, NULL, "q must be",
	  NULL },
	{ "q", "0.1234", false, IMS_TAG_CONTACT_PARAM, "RFC 3261 §20.10", 0, 0, NULL, "q must be",
	  NULL },
	/* several services, one unknown, one subclass of MMTel */
	{ "+g.3gpp.icsi-ref",
	  "urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session, urn%3Aurn-7%3A3gpp-service.ims."
	  "icsi.example,urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel.hd-video",
	  true, IMS_TAG_ICSI, "3GPP TS 24.229", 3, 1, "GSMA RCC.07, OMA CPM", NULL, NULL },
	{ "+g.3gpp.iari-ref", "urn%3Aurn-7%3A3gpp-application.ims.iari.rcse.ft", true,
	  IMS_TAG_IARI, "3GPP TS 24.229 §7.9.3", 1, 0, "GSMA RCC.07", NULL, NULL },
	/* an ICSI in iari-ref (a bug seen in the wild), unescaped URNs, bad escapes */
	{ "+g.3gpp.iari-ref", "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel", true, IMS_TAG_IARI,
	  "3GPP TS 24.229", 1, 0, "3GPP TS 24.173", "a communication service (ICSI)", NULL },
	{ "+g.3gpp.icsi-ref", "urn:urn-7:3gpp-service.ims.icsi.mmtel", true, IMS_TAG_ICSI,
	  "3GPP TS 24.229", 1, 0, "3GPP TS 24.173", "URN not %-escaped", NULL },
	{ "+g.3gpp.icsi-ref", "urn%3Aurn-7%3", true, IMS_TAG_ICSI, "3GPP TS 24.229", 1, 1, NULL,
	  "bad %-escape", NULL },
	{ "+g.3gpp.icsi-ref", NULL, false, IMS_TAG_ICSI, "3GPP TS 24.229", 0, 0, NULL, "no value",
	  NULL },
	{ "+g.3gpp.icsi-ref", "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel", false, IMS_TAG_ICSI,
	  "3GPP TS 24.229", 1, 0, "3GPP TS 24.173", "value not quoted", NULL },
	{ "+g.3gpp.icsi-ref", "a,,b", true, IMS_TAG_ICSI, "3GPP TS 24.229", 2, 2, NULL,
	  "empty element", NULL },
	{ "+g.3gpp.icsi-ref", "a,b,c,d,e,f,g,h,i", true, IMS_TAG_ICSI, "3GPP TS 24.229", 8, 8,
	  NULL, NULL, NULL },
	/* a '+' tag written without its '+' is no feature tag (RFC 3840 §9): an
	 * unknown parameter with a misspelt name, its value not decoded as the
	 * tag's (no services, no instance) */
	{ "g.3gpp.icsi-ref", "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel", true, IMS_TAG_OTHER,
	  "RFC 3840 §9", 0, 0, NULL, "written without the leading '+'", NULL },
	{ "G.3GPP.IARI-REF", "urn%3Aurn-7%3A3gpp-application.ims.iari.rcse.ft", true,
	  IMS_TAG_OTHER, "RFC 3840 §9", 0, 0, NULL, "written without the leading '+'", NULL },
	{ "sip.instance", "<urn:gsma:imei:99000493-686661-0>", true, IMS_TAG_OTHER, "RFC 3840 §9",
	  0, 0, NULL, "written without the leading '+'", NULL },
	{ "g.gsma.rcs.telephony", "cs", true, IMS_TAG_OTHER, "RFC 3840 §9", 0, 0, NULL,
	  "written without the leading '+'", NULL },
	/* misspellings of smsip */
	{ "g.3gpp.smsip", NULL, false, IMS_TAG_SMSIP_WRONG, "3GPP TS 24.341", 0, 0, NULL,
	  "written without the leading '+'", NULL },
	{ "+g.3gpp.sms-ip", NULL, false, IMS_TAG_SMSIP_WRONG, "3GPP TS 24.341", 0, 0, NULL, NULL,
	  NULL },
	{ "+g.3gpp.SMSoIP", NULL, false, IMS_TAG_SMSIP_WRONG, "3GPP TS 24.341", 0, 0, NULL, NULL,
	  NULL },
	{ "+g.3gpp.smsip.x", NULL, false, IMS_TAG_SMSIP_WRONG, "3GPP TS 24.341", 0, 0, NULL,
	  NULL, NULL },
	{ "+g.3gpp.smsip", "TRUE", false, IMS_TAG_SMSIP, "3GPP TS 24.341", 0, 0, NULL,
	  "a boolean feature tag", NULL },
	/* RCS telephony values */
	{ "+g.gsma.rcs.telephony", "none", true, IMS_TAG_RCS_TELEPHONY, "GSMA RCC.07", 0, 0, NULL,
	  NULL, "no telephony" },
	{ "+g.gsma.rcs.telephony", "volte", true, IMS_TAG_RCS_TELEPHONY, "GSMA RCC.07", 0, 0,
	  NULL, NULL, "voice calls over VoLTE" },
	{ "+g.gsma.rcs.telephony", "none,cs", true, IMS_TAG_RCS_TELEPHONY, "GSMA RCC.07", 0, 0,
	  NULL, "\"none\" together", NULL },
	{ "+g.gsma.rcs.telephony", "vonr", true, IMS_TAG_RCS_TELEPHONY, "GSMA RCC.07", 0, 0, NULL,
	  "value not one of", NULL },
	/* instance and reg-id problems */
	{ "+sip.instance", "urn:gsma:imei:99000493-686661-0", false, IMS_TAG_INSTANCE, "RFC 5626",
	  0, 0, NULL, "expected a quoted", NULL },
	{ "+sip.instance", "urn:gsma:imei:99000493-686661-0", true, IMS_TAG_INSTANCE, "RFC 5626",
	  0, 0, NULL, "the URN should be inside", NULL },
	{ "reg-id", "0", false, IMS_TAG_REG_ID, "RFC 5626", 0, 0, NULL, "reg-id must be", NULL },
	{ "reg-id", "2147483648", false, IMS_TAG_REG_ID, "RFC 5626", 0, 0, NULL, "reg-id must be",
	  NULL },
	{ "reg-id", NULL, false, IMS_TAG_REG_ID, "RFC 5626", 0, 0, NULL, "reg-id must be", NULL },
	/* base tags, 3GPP tags, '+' where it does not belong, unknown */
	{ "audio", NULL, false, IMS_TAG_MEDIA, "RFC 3840", 0, 0, NULL, NULL, NULL },
	{ "+audio", NULL, false, IMS_TAG_MEDIA, "RFC 3840", 0, 0, NULL, "written with a '+'",
	  NULL },
	{ "isfocus", NULL, false, IMS_TAG_GENERIC, "RFC 3840", 0, 0, NULL, NULL, NULL },
	{ "+g.3gpp.nw-init-ussi", NULL, false, IMS_TAG_GENERIC, "3GPP TS 24.390", 0, 0, NULL, NULL,
	  NULL },
	{ "+g.3gpp.mid-call", NULL, false, IMS_TAG_GENERIC, "3GPP TS 24.237", 0, 0, NULL, NULL,
	  NULL },
	{ "+g.3gpp.ps2cs-srvcc-term-pre-alerting", NULL, false, IMS_TAG_GENERIC,
	  "3GPP TS 24.237 Annex C.31", 0, 0, NULL, NULL, NULL },
	{ "+g.3gpp.cs2ps-drvcc-orig-pre-alerting", NULL, false, IMS_TAG_GENERIC,
	  "3GPP TS 24.237 Annex C.25", 0, 0, NULL, NULL, NULL },
	{ "+g.3gpp.rlos", NULL, false, IMS_TAG_GENERIC, "3GPP TS 24.229 §7.9.9", 0, 0, NULL, NULL, NULL },
	{ "+g.3gpp.accesstype", "cellular2", true, IMS_TAG_GENERIC, "3GPP TS 24.292 Annex B.3", 0, 0,
	  NULL, NULL, NULL },
	/* RFC 3840 §9's base tags from the IETF tree: no '+', known */
	{ "language", "en,fr", true, IMS_TAG_GENERIC, "RFC 3840 §9, RFC 2987", 0, 0, NULL, NULL, NULL },
	{ "type", "text/plain", true, IMS_TAG_GENERIC, "RFC 3840 §9, RFC 2913", 0, 0, NULL, NULL, NULL },
	{ "+g.example.tag", NULL, false, IMS_TAG_GENERIC, "RFC 3840 §9", 0, 0, NULL, NULL, NULL },
	{ "transport", "udp", false, IMS_TAG_OTHER, "RFC 3261", 0, 0, NULL, NULL, NULL },
};

static void check_prefix(const char *got, const char *want_prefix, const char *what, int i)
{
	if (!want_prefix) {
		if (got)
			fprintf(stderr, "case %d: unexpected %s: %s\n", i, what, got);
		CHECK(got == NULL);
		return;
	}
	CHECK(got != NULL);
	if (got && strncmp(got, want_prefix, strlen(want_prefix)) != 0) {
		fprintf(stderr, "case %d: %s \"%s\" does not start with \"%s\"\n", i, what, got,
			want_prefix);
		CHECK(0);
	}
}

static void test_feature_tag_describe_table(void)
{
	for (size_t i = 0; i < sizeof tag_cases / sizeof tag_cases[0]; i++) {
		const struct tag_case *c = &tag_cases[i];
		struct sip_param p = { slice_cstr(c->name), c->value ? slice_cstr(c->value) : SLICE_NULL,
				       c->quoted };
		/* the value from a guard-page copy: nothing reads past it */
		char *g = NULL;
		if (c->value) {
			g = check_guard_copy(c->value, strlen(c->value));
			CHECK(g != NULL);
			if (g)
				p.value = slice_make(g, strlen(c->value));
		}
		struct ims_feature_tag t;
		CHECK_INT_EQ(ims_feature_tag_describe(&t, &p), 0);
		if (t.kind != c->kind)
			fprintf(stderr, "case %zu (%s)\n", i, c->name);
		CHECK_INT_EQ(t.kind, c->kind);
		CHECK(t.name.ptr == p.name.ptr && t.name.len == p.name.len);
		CHECK(t.value.ptr == p.value.ptr);
		CHECK(t.meaning != NULL && t.meaning[0] != '\0');
		check_prefix(t.ref, c->ref_prefix, "ref", (int)i);
		CHECK_INT_EQ(t.nservices, c->nservices);
		CHECK_INT_EQ(t.nunknown, c->nunknown);
		if (c->nservices)
			check_prefix(t.services[0].ref, c->service0_ref, "service ref", (int)i);
		check_prefix(t.note, c->note_prefix, "note", (int)i);
		check_prefix(t.value_meaning, c->value_meaning_prefix, "value meaning", (int)i);
		if (g)
			check_guard_free(g, strlen(c->value));
	}
}

static void test_icsi_keeps_urns_as_written(void)
{
	const char *v = "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel , urn%3Aurn-7%3A3gpp-service.ims."
			"icsi.mmtel.hd-video";
	struct sip_param p = { SLICE_LIT("+g.3gpp.icsi-ref"), slice_cstr(v), true };
	struct ims_feature_tag t;
	CHECK_INT_EQ(ims_feature_tag_describe(&t, &p), 0);
	CHECK_INT_EQ(t.nservices, 2);
	CHECK_SLICE_EQ(t.service_urns[0], "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel");
	CHECK_SLICE_EQ(t.service_urns[1], "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel.hd-video");
	/* the subclass is named by its parent service */
	CHECK_STR_EQ(t.services[1].urn, "urn:urn-7:3gpp-service.ims.icsi.mmtel");
	CHECK(!t.more_services);
	p.value = SLICE_LIT("a,b,c,d,e,f,g,h,i");
	CHECK_INT_EQ(ims_feature_tag_describe(&t, &p), 0);
	CHECK(t.more_services);
	CHECK_SLICE_EQ(t.service_urns[7], "h");
	CHECK(t.services[7].urn == NULL);
}

/* A URN too long to look up is unknown; its escapes are fine, so no note
 * may say they are not. */
static void test_long_urn_is_unknown_not_badly_escaped(void)
{
	char v[400];
	size_t n = (size_t)snprintf(v, sizeof v, "urn%%3Aurn-7%%3A3gpp-service.ims.icsi.");
	memset(v + n, 'x', 300);
	v[n + 300] = '\0';
	struct sip_param p = { SLICE_LIT("+g.3gpp.icsi-ref"), slice_cstr(v), true };
	struct ims_feature_tag t;
	CHECK_INT_EQ(ims_feature_tag_describe(&t, &p), 0);
	CHECK_INT_EQ(t.nservices, 1);
	CHECK_INT_EQ(t.nunknown, 1);
	CHECK(t.note == NULL);
}

/* g.3gpp.icsi-ref without its '+' is explained as what it is, an unknown
 * parameter with a misspelt name, not as an ICSI list. */
static void test_missing_plus_is_an_unknown_parameter(void)
{
	struct sip_param p = { SLICE_LIT("g.3gpp.icsi-ref"),
			       SLICE_LIT("urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel"), true };
	struct ims_feature_tag t;
	CHECK_INT_EQ(ims_feature_tag_describe(&t, &p), 0);
	CHECK_INT_EQ(t.kind, IMS_TAG_OTHER);
	CHECK(t.meaning && strstr(t.meaning, "misspelt feature tag") != NULL);
	CHECK(t.meaning && strstr(t.meaning, "communication services") == NULL);
	CHECK_INT_EQ(t.nservices, 0);
	CHECK(t.value_meaning == NULL);
}

int main(void)
{
	test_unescape_percent_sequences();
	test_service_lookup_knows_mmtel_and_rcs();
	test_feature_tag_describe_table();
	test_icsi_keeps_urns_as_written();
	test_long_urn_is_unknown_not_badly_escaped();
	test_missing_plus_is_an_unknown_parameter();
	return check_done();
}
