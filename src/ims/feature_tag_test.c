/* feature_tag_test.c: Contact feature tags explained (RFC 3840, RFC 5626, TS 24.229 §7.9, TS 24.341). */
#include <errno.h>
#include <stdio.h>
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
	{ "+g.3gpp.registration-token", "4711", true, IMS_TAG_GENERIC, "3GPP TS 24.229 §7.9", 0, 0,
	  NULL, NULL, NULL },
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

/* The indicators of a Feature-Caps value (RFC 6809 §6.3), one after the
 * other across fc-values, each with the fc-value it is in. */
static void test_fcaps_indicators_in_order_with_their_element(void)
{
	const char *v = "*;+g.3gpp.atcf=\"<tel:+12375553333>\";+g.3gpp.mid-call , *; "
			"+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel,a\";+sip.audio,*";
	struct ims_fcaps_it it;
	struct sip_param p;
	struct sip_parse_error err = { 0 };
	unsigned el = 99;
	ims_fcaps_init(&it, slice_cstr(v));
	CHECK_INT_EQ(ims_fcaps_next_cap(&it, &p, &el, &err), 1);
	CHECK_SLICE_EQ(p.name, "+g.3gpp.atcf");
	CHECK_SLICE_EQ(p.value, "<tel:+12375553333>");
	CHECK(p.quoted);
	CHECK_INT_EQ(el, 0);
	CHECK_INT_EQ(ims_fcaps_next_cap(&it, &p, &el, &err), 1);
	CHECK_SLICE_EQ(p.name, "+g.3gpp.mid-call");
	CHECK(p.value.ptr == NULL);
	CHECK_INT_EQ(el, 0);
	CHECK_INT_EQ(ims_fcaps_next_cap(&it, &p, &el, &err), 1);
	CHECK_SLICE_EQ(p.name, "+g.3gpp.icsi-ref");
	/* a ',' inside the quotes does not start an fc-value */
	CHECK_SLICE_EQ(p.value, "urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel,a");
	CHECK_INT_EQ(el, 1);
	CHECK_INT_EQ(ims_fcaps_next_cap(&it, &p, &el, &err), 1);
	CHECK_SLICE_EQ(p.name, "+sip.audio");
	CHECK_INT_EQ(el, 1);
	/* the third fc-value, "*" alone, has no indicator */
	CHECK_INT_EQ(ims_fcaps_next_cap(&it, &p, &el, &err), 0);
	CHECK_INT_EQ(ims_fcaps_next_cap(&it, &p, &el, &err), 0);
}

/* Each way a Feature-Caps value breaks RFC 6809 §6.3, with where. */
static void test_fcaps_syntax_errors_and_where(void)
{
	static const struct {
		const char *value;
		int good;        /* indicators read before the error */
		const char *at;  /* the text from the error on starts with it ("": the end) */
		const char *reason;
	} cases[] = {
		{ "", 0, "", "no value" },
		{ "   ", 0, "   ", "no value" },
		{ "+g.3gpp.atcf=\"<tel:1>\"", 0, "+g.3gpp.atcf", "starts with \"*\"" },
		{ "*+g.3gpp.srvcc", 0, "+g.3gpp.srvcc", "expected ';'" },
		{ "*;g.3gpp.srvcc", 0, "g.3gpp.srvcc", "leading '+'" },
		{ "*;+sip.audio;g.3gpp.srvcc", 1, "g.3gpp.srvcc", "leading '+'" },
		{ "*;+3gpp", 0, "3gpp", "a letter" },
		{ "*;+g.3gpp_x", 0, "_x", "a letter" },
		{ "*;+", 0, "", "a letter" },
		{ "*;+g.3gpp.atcf=<tel:1>", 0, "<tel:1>", "double quotes" },
		{ "*;+g.3gpp.mid-call=yes", 0, "yes", "double quotes" },
		{ "*;", 0, "", "empty parameter" },
		{ "*;+sip.audio, x", 1, "x", "starts with \"*\"" },
		{ "*;+g.3gpp.atcf=\"<tel:1>", 0, "\"<tel:1>", "unterminated" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *v = cases[i].value;
		size_t n = strlen(v);
		/* a guard-page copy: nothing is read past the value */
		char *g = check_guard_copy(v, n);
		CHECK(g != NULL);
		if (!g)
			continue;
		struct ims_fcaps_it it;
		struct sip_param p;
		struct sip_parse_error err = { 0 };
		unsigned el;
		int rc, good = 0;
		ims_fcaps_init(&it, slice_make(g, n));
		while ((rc = ims_fcaps_next_cap(&it, &p, &el, &err)) > 0)
			good++;
		CHECK_INT_EQ(rc, -EBADMSG);
		CHECK_INT_EQ(good, cases[i].good);
		CHECK(err.at >= g && err.at <= g + n);
		/* the text from the error on starts with the case's */
		if (err.at >= g && err.at <= g + n)
			CHECK(strncmp(err.at - g + v, cases[i].at, strlen(cases[i].at)) == 0 &&
			      (cases[i].at[0] || err.at == g + n));
		CHECK(err.reason && strstr(err.reason, cases[i].reason) != NULL);
		if (!err.reason || !strstr(err.reason, cases[i].reason))
			fprintf(stderr, "case %zu (%s): %s\n", i, v, err.reason ? err.reason : "(none)");
		check_guard_free(g, n);
	}
}

/* What each kind of indicator says, and what is wrong with its value. */
static void test_fcap_describe_kinds_and_notes(void)
{
	static const struct {
		const char *name, *value; /* value NULL: a flag */
		bool known;
		const char *meaning;      /* a word of the meaning */
		const char *ref;
		const char *uri;          /* t.uri, or NULL */
		const char *note;         /* a word of the note, or NULL */
	} cases[] = {
		{ "+g.3gpp.atcf", "<tel:+12375553333>", true, "STN-SR", "TS 24.237", "tel:+12375553333", NULL },
		{ "+G.3GPP.ATCF", "<tel:+12375553333>", true, "STN-SR", "TS 24.237", "tel:+12375553333", NULL },
		{ "+g.3gpp.atcf", "tel:+12375553333", true, "STN-SR", "TS 24.237", NULL, "inside '<' '>'" },
		{ "+g.3gpp.atcf", "", true, "STN-SR", "TS 24.237", NULL, "no value" },
		{ "+g.3gpp.atcf", NULL, true, "STN-SR", "TS 24.237", NULL, "no value" },
		{ "+g.3gpp.atcf", "<>", true, "STN-SR", "TS 24.237", NULL, "inside '<' '>'" },
		{ "+g.3gpp.atcf-mgmt-uri", "<sip:m@atcf.example>", true, "management", "TS 24.237",
		  "sip:m@atcf.example", NULL },
		{ "+g.3gpp.atcf-path", "<sip:atcf.example;lr>", true, "Path", "TS 24.237",
		  "sip:atcf.example;lr", NULL },
		{ "+g.3gpp.mid-call", NULL, true, "mid-call", "TS 24.237", NULL, NULL },
		{ "+g.3gpp.mid-call", "yes", true, "mid-call", "TS 24.237", NULL, "no value" },
		{ "+g.3gpp.srvcc-alerting", NULL, true, "ringing", "C.5A", NULL, NULL },
		{ "+g.3gpp.thig-path", "<sip:ibcf.visited.example;lr>", true, "IBCF", "TS 24.229 §7.9A",
		  "sip:ibcf.visited.example;lr", NULL },
		{ "+g.3gpp.trf", "<sip:trf.visited.example>", true, "TRF", "TS 24.229 §7.9A",
		  "sip:trf.visited.example", NULL },
		{ "+g.3gpp.verstat", NULL, true, "calling number", "TS 24.229 §7.9A", NULL, NULL },
		{ "+g.3gpp.anbr", NULL, true, "bitrate", "TS 26.114", NULL, NULL },
		{ "+sip.audio", NULL, true, "IMS-ALG", "TS 24.229 §7.9A", NULL, NULL },
		{ "+g.3gpp.home-visited", "<visited.example>", true, "visited network", "TS 24.229",
		  NULL, NULL },
		{ "+g.3gpp.home-visited", NULL, true, "visited network", "TS 24.229", NULL, "no value" },
		{ "+g.3gpp.registration-token", "a b", true, "registration", "TS 24.229", NULL,
		  "neither" },
		{ "+g.3gpp.registration-token", "tok-1,!x,#>=3", true, "registration", "TS 24.229",
		  NULL, NULL },
		{ "+x.example.cap", NULL, false, "not in imsreg's table", "RFC 6809 §4", NULL, NULL },
		{ "+x.example.cap", "a;b", false, "not in imsreg's table", "RFC 6809 §4", NULL, "neither" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct sip_param p = { slice_cstr(cases[i].name),
				       cases[i].value ? slice_cstr(cases[i].value) : SLICE_NULL,
				       cases[i].value != NULL };
		struct ims_feature_tag t;
		CHECK_INT_EQ(ims_fcap_describe(&t, &p), 0);
		CHECK(t.known == cases[i].known);
		CHECK_INT_EQ(t.kind, IMS_TAG_GENERIC);
		CHECK(t.meaning && strstr(t.meaning, cases[i].meaning) != NULL);
		CHECK(t.ref && strstr(t.ref, cases[i].ref) != NULL);
		if (cases[i].uri)
			CHECK_SLICE_EQ(t.uri, cases[i].uri);
		else
			CHECK(t.uri.ptr == NULL);
		if (cases[i].note)
			CHECK(t.note && strstr(t.note, cases[i].note) != NULL);
		else
			CHECK(t.note == NULL);
		if ((cases[i].note != NULL) != (t.note != NULL))
			fprintf(stderr, "case %zu (%s): note %s\n", i, cases[i].name,
				t.note ? t.note : "(none)");
	}
	/* g.3gpp.icsi-ref lists its services as in a Contact */
	struct sip_param p = { SLICE_LIT("+g.3gpp.icsi-ref"),
			       SLICE_LIT("urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel"), true };
	struct ims_feature_tag t;
	CHECK_INT_EQ(ims_fcap_describe(&t, &p), 0);
	CHECK_INT_EQ(t.kind, IMS_TAG_ICSI);
	CHECK(t.known);
	CHECK_INT_EQ(t.nservices, 1);
	CHECK(t.services[0].urn && strcmp(t.services[0].urn, "urn:urn-7:3gpp-service.ims.icsi.mmtel") == 0);
	CHECK(t.ref && strstr(t.ref, "§7.9A.2") != NULL);
	CHECK(t.note == NULL);
	/* the Contact's meaning of the same name is not the indicator's */
	struct ims_feature_tag c;
	CHECK_INT_EQ(ims_feature_tag_describe(&c, &p), 0);
	CHECK(c.known);
	CHECK(c.meaning && t.meaning && strcmp(c.meaning, t.meaning) != 0);
}

/* Feature-Caps is known by its name in any case, and only as a field of
 * its own (no header id of the codec's). */
static void test_fcaps_field_found_by_name(void)
{
	static const char text[] = "OPTIONS sip:a@b SIP/2.0\r\nfeature-caps: *;+sip.audio\r\n"
				   "X-Feature-Caps: *\r\nFEATURE-CAPS: *;+g.3gpp.verstat\r\n\r\n";
	struct sip_hdr hdrs[8];
	struct sip_msg m;
	struct sip_parse_error err;
	sip_msg_init(&m, hdrs, 8);
	CHECK(sip_msg_parse(&m, text, sizeof text - 1, 0, &err) > 0);
	const struct sip_hdr *h = ims_fcaps_next(&m, NULL);
	CHECK(h != NULL);
	if (!h)
		return;
	CHECK_SLICE_EQ(h->value, "*;+sip.audio");
	h = ims_fcaps_next(&m, h);
	CHECK(h != NULL);
	if (h)
		CHECK_SLICE_EQ(h->value, "*;+g.3gpp.verstat");
	CHECK(h && ims_fcaps_next(&m, h) == NULL);
}

int main(void)
{
	test_unescape_percent_sequences();
	test_service_lookup_knows_mmtel_and_rcs();
	test_feature_tag_describe_table();
	test_icsi_keeps_urns_as_written();
	test_long_urn_is_unknown_not_badly_escaped();
	test_missing_plus_is_an_unknown_parameter();
	test_fcaps_indicators_in_order_with_their_element();
	test_fcaps_syntax_errors_and_where();
	test_fcap_describe_kinds_and_notes();
	test_fcaps_field_found_by_name();
	return check_done();
}
