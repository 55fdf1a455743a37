/* reginfo_test.c: the reg-event state document (RFC 3680 §5, RFC 5628) as
 * ims_reginfo_decode reads it: values, schema problems, refusals with their
 * line, limits, and no entity fetched from outside; the 3GPP IM CN
 * subsystem XML body (TS 24.229 §7.6) as ims_3gpp_xml_decode reads it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/xmlerror.h>
#include <imsreg/ims.h>
#include "check.h"

#define NS "xmlns=\"urn:ietf:params:xml:ns:reginfo\""

static struct ims_reginfo *decode(const char *text, int want)
{
	struct ims_reginfo *ri = malloc(sizeof *ri);
	CHECK(ri != NULL);
	if (!ri)
		exit(1);
	int rc = ims_reginfo_decode(ri, slice_cstr(text));
	if (rc != want)
		fprintf(stderr, "rc %d, want %d (%s)\n", rc, want, ri->error);
	CHECK_INT_EQ(rc, want);
	return ri;
}

/* The body of ../shared/corpus/bench/i_notify_reginfo.sip. */
static void test_reginfo_of_the_bench_notify(void)
{
	static const char body[] =
		"<?xml version=\"1.0\"?>\n"
		"<reginfo " NS " version=\"0\" state=\"full\">\n"
		" <registration aor=\"sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org\" id=\"a7\" "
		"state=\"active\">\n"
		"  <contact id=\"76\" state=\"active\" event=\"registered\" expires=\"600000\">\n"
		"   <uri>sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062</uri>\n"
		"  </contact>\n"
		" </registration>\n"
		"</reginfo>\n";
	struct ims_reginfo *ri = decode(body, 0);
	CHECK(ri->has_version);
	CHECK_INT_EQ(ri->version, 0);
	CHECK_STR_EQ(ri->state, "full");
	CHECK_INT_EQ(ri->nregs, 1);
	CHECK_INT_EQ(ri->ncontacts, 1);
	CHECK_STR_EQ(ri->regs[0].aor, "sip:001010000000001@ims.mnc001.mcc001.3gppnetwork.org");
	CHECK_STR_EQ(ri->regs[0].id, "a7");
	CHECK_STR_EQ(ri->regs[0].state, "active");
	CHECK_INT_EQ(ri->regs[0].line, 3);
	CHECK_INT_EQ(ri->regs[0].first_contact, 0);
	CHECK_INT_EQ(ri->regs[0].ncontacts, 1);
	const struct ims_reginfo_contact *c = &ri->contacts[0];
	CHECK_STR_EQ(c->id, "76");
	CHECK_STR_EQ(c->state, "active");
	CHECK_STR_EQ(c->event, "registered");
	CHECK(c->has_expires && !c->has_retry_after && !c->has_duration);
	CHECK_INT_EQ(c->expires, 600000);
	CHECK_STR_EQ(c->uri, "sip:001010000000001@[2001:db8:1:0:a1b2:c3d4:e5f6:1]:5062");
	CHECK_INT_EQ(c->line, 4);
	CHECK_STR_EQ(ri->problem, "");
	CHECK_INT_EQ(ri->dropped, 0);
	CHECK(!ri->truncated);
	CHECK_STR_EQ(ims_reginfo_event_meaning(c->event), "added by the UE's REGISTER");
	free(ri);
}

/* A network-initiated deregistration with RFC 5628 GRUUs, the instance
 * among the unknown-params, and a second registration without contacts. */
static void test_reginfo_deregistration_gruus_and_instance(void)
{
	static const char body[] =
		"<reginfo " NS " xmlns:gr=\"urn:ietf:params:xml:ns:gruuinfo\" version=\"7\" "
		"state=\"partial\">"
		"<registration aor=\"sip:+15551234567@ims.example\" id=\"r1\" state=\"terminated\">"
		"<contact id=\"c1\" state=\"terminated\" event=\"probation\" retry-after=\"120\" "
		"duration-registered=\"3600\" q=\"0.5\" callid=\"abc@1\">"
		"<uri> sip:+15551234567@[2001:db8::1]:5060 </uri>"
		"<unknown-param name=\"+g.3gpp.smsip\"/>"
		"<unknown-param name=\"+sip.instance\">&lt;urn:gsma:imei:35425006-000655-0&gt;</unknown-param>"
		"<gr:pub-gruu uri=\"sip:+15551234567@ims.example;gr=urn:gsma:imei:35425006-000655-0\"/>"
		"<gr:temp-gruu uri=\"sip:tgruu.7hs@ims.example;gr\" first-cseq=\"54301\"/>"
		"</contact></registration>"
		"<registration aor=\"tel:+15551234567\" id=\"r2\" state=\"init\"/>"
		"</reginfo>";
	struct ims_reginfo *ri = decode(body, 0);
	CHECK_INT_EQ(ri->version, 7);
	CHECK_STR_EQ(ri->state, "partial");
	CHECK_INT_EQ(ri->nregs, 2);
	CHECK_STR_EQ(ri->regs[1].aor, "tel:+15551234567");
	CHECK_INT_EQ(ri->regs[1].ncontacts, 0);
	CHECK_INT_EQ(ri->regs[1].first_contact, 1);
	const struct ims_reginfo_contact *c = &ri->contacts[0];
	CHECK_STR_EQ(c->state, "terminated");
	CHECK_STR_EQ(c->event, "probation");
	CHECK(c->has_retry_after && c->has_duration && !c->has_expires);
	CHECK_INT_EQ(c->retry_after, 120);
	CHECK_INT_EQ(c->duration, 3600);
	CHECK_STR_EQ(c->q, "0.5");
	CHECK_STR_EQ(c->callid, "abc@1");
	/* the text of <uri> as written, blanks kept */
	CHECK_STR_EQ(c->uri, " sip:+15551234567@[2001:db8::1]:5060 ");
	CHECK_STR_EQ(c->instance, "<urn:gsma:imei:35425006-000655-0>");
	CHECK_INT_EQ(c->nparams, 2);
	CHECK_STR_EQ(c->pub_gruu, "sip:+15551234567@ims.example;gr=urn:gsma:imei:35425006-000655-0");
	CHECK_STR_EQ(c->temp_gruu, "sip:tgruu.7hs@ims.example;gr");
	CHECK_STR_EQ(ri->problem, "");
	CHECK(strstr(ims_reginfo_event_meaning("probation"), "retry-after") != NULL);
	CHECK(ims_reginfo_event_meaning("gone") == NULL);
	free(ri);
}

/* A document that reads but leaves RFC 3680's schema: the first problem,
 * with its line. */
static void test_reginfo_schema_problems(void)
{
	static const struct {
		const char *body;
		const char *problem;
		unsigned line;
	} rows[] = {
		{ "<reginfo " NS " state=\"full\"/>", "<reginfo> without a version number", 1 },
		/* no namespace: read, and said */
		{ "<reginfo version=\"1\" state=\"full\"/>",
		  "<reginfo> without its namespace (xmlns=\"urn:ietf:params:xml:ns:reginfo\")", 1 },
		{ "<reginfo " NS " version=\"x\" state=\"full\"/>", "<reginfo> without a version number", 1 },
		{ "<reginfo " NS " version=\"1\"/>", "<reginfo> without its state attribute (full or partial)", 1 },
		{ "<reginfo " NS " version=\"1\" state=\"all\"/>",
		  "reginfo state \"all\" is neither full nor partial", 1 },
		{ "<reginfo " NS " version=\"1\" state=\"full\">\n<registration id=\"1\" state=\"active\"/>"
		  "</reginfo>", "a <registration> without its aor attribute", 2 },
		{ "<reginfo " NS " version=\"1\" state=\"full\">\n<registration aor=\"sip:a@b\" id=\"1\" "
		  "state=\"up\"/></reginfo>", "registration state \"up\" is none of init, active, terminated", 2 },
		{ "<reginfo " NS " version=\"1\" state=\"full\"><registration aor=\"sip:a@b\" id=\"1\" "
		  "state=\"active\">\n\n<contact id=\"2\" state=\"active\" event=\"gone\"><uri>sip:x@y</uri>"
		  "</contact></registration></reginfo>", "contact event \"gone\" is none of RFC 3680 §5.1", 3 },
		{ "<reginfo " NS " version=\"1\" state=\"full\"><registration aor=\"sip:a@b\" id=\"1\" "
		  "state=\"active\"><contact id=\"2\" state=\"active\" event=\"registered\" expires=\"-1\">"
		  "<uri>sip:x@y</uri></contact></registration></reginfo>",
		  "contact attribute expires is not a number of seconds", 1 },
		{ "<reginfo " NS " version=\"1\" state=\"full\"><registration aor=\"sip:a@b\" id=\"1\" "
		  "state=\"active\"><contact id=\"2\" state=\"active\" event=\"registered\"/>"
		  "</registration></reginfo>", "a <contact> without its <uri>", 1 },
		/* the registration's state against its contacts' (RFC 3680 §5.1) */
		{ "<reginfo " NS " version=\"1\" state=\"full\">\n<registration aor=\"sip:a@b\" id=\"1\" "
		  "state=\"terminated\"><contact id=\"2\" state=\"active\" event=\"registered\">"
		  "<uri>sip:x@y</uri></contact></registration></reginfo>",
		  "registration sip:a@b is terminated but lists 1 active contact(s)", 2 },
		{ "<reginfo " NS " version=\"1\" state=\"full\">\n<registration aor=\"sip:a@b\" id=\"1\" "
		  "state=\"active\"><contact id=\"2\" state=\"terminated\" event=\"expired\">"
		  "<uri>sip:x@y</uri></contact></registration></reginfo>",
		  "registration sip:a@b is active but none of its contacts is", 2 },
	};
	struct ims_reginfo *part = decode("<reginfo " NS " version=\"2\" state=\"partial\"><registration "
					  "aor=\"sip:a@b\" id=\"1\" state=\"active\"><contact id=\"2\" "
					  "state=\"terminated\" event=\"expired\"><uri>sip:x@y</uri></contact>"
					  "</registration></reginfo>", 0);
	CHECK_STR_EQ(part->problem, "");
	free(part);
	struct ims_reginfo *bare = decode("<reginfo version=\"0\" state=\"full\"><registration aor=\"sip:a@b\" "
					  "id=\"1\" state=\"active\"><contact id=\"2\" state=\"active\" "
					  "event=\"registered\"><uri>sip:x@y</uri></contact></registration>"
					  "</reginfo>", 0);
	CHECK_INT_EQ(bare->nregs, 1);
	CHECK_INT_EQ(bare->ncontacts, 1);
	CHECK_STR_EQ(bare->contacts[0].uri, "sip:x@y");
	free(bare);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct ims_reginfo *ri = decode(rows[i].body, 0);
		if (strcmp(ri->problem, rows[i].problem) != 0)
			fprintf(stderr, "row %zu: \"%s\"\n", i, ri->problem);
		CHECK_STR_EQ(ri->problem, rows[i].problem);
		CHECK_INT_EQ(ri->problem_line, rows[i].line);
		free(ri);
	}
}

/* No XML, or not a reginfo document: refused, with the reason and line. */
static void test_reginfo_refusals(void)
{
	static const struct {
		const char *body;
		int rc;
		const char *reason;  /* the start of ri->error */
		unsigned line;
	} rows[] = {
		{ "", -EBADMSG, "empty body", 0 },
		{ "<reginfo " NS " version=\"1\" state=\"full\">\n<registration>\n</reginfo>", -EBADMSG,
		  "not well-formed XML: ", 3 },
		{ "plain text", -EBADMSG, "not well-formed XML: ", 1 },
		{ "<reginfo xmlns=\"urn:ietf:params:xml:ns:pidf\" version=\"1\" state=\"full\"/>", -EBADMSG,
		  "the root element is not <reginfo> of namespace urn:ietf:params:xml:ns:reginfo", 1 },
		{ "<?xml version=\"1.0\"?>\n<presence " NS "/>", -EBADMSG, "the root element is not", 2 },
		/* a display name in Latin-1 in a document that declares no
		 * encoding: said in one line, with the bytes */
		{ "<reginfo " NS " version=\"1\" state=\"full\">\n<registration aor=\"sip:a@b\" id=\"1\" "
		  "state=\"active\">\n<contact id=\"2\" state=\"active\" event=\"registered\">"
		  "<uri>sip:a@c</uri><display-name>Jos\xe9</display-name></contact>\n</registration>\n</reginfo>",
		  -EBADMSG, "not well-formed XML: the document is not UTF-8 (bytes 0xE9 0x3C 0x2F 0x64) and "
		  "declares no other encoding (XML 1.0 §4.3.3): text written in Latin-1?", 3 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct ims_reginfo *ri = decode(rows[i].body, rows[i].rc);
		if (strncmp(ri->error, rows[i].reason, strlen(rows[i].reason)) != 0)
			fprintf(stderr, "row %zu: \"%s\"\n", i, ri->error);
		CHECK(strncmp(ri->error, rows[i].reason, strlen(rows[i].reason)) == 0);
		CHECK_INT_EQ(ri->error_line, rows[i].line);
		for (const char *c = ri->error; *c; c++)
			CHECK((unsigned char)*c >= 0x20); /* one line of text */
		free(ri);
	}
	struct ims_reginfo *ri = malloc(sizeof *ri);
	CHECK(ri != NULL);
	CHECK_INT_EQ(ims_reginfo_decode(ri, slice_make("<a/>", (1u << 20) + 1)), -EMSGSIZE);
	free(ri);
}

/* More registrations and contacts than the arrays hold are counted, not
 * kept; a value longer than its field is cut and said so. */
static void test_reginfo_limits(void)
{
	size_t cap = 64 * 1024, n = 0;
	char *b = malloc(cap);
	CHECK(b != NULL);
	n += (size_t)snprintf(b + n, cap - n, "<reginfo " NS " version=\"1\" state=\"full\">"
			      "<registration aor=\"sip:a@b\" id=\"1\" state=\"active\">");
	for (int i = 0; i < IMS_REGINFO_MAX_CONTACTS + 3; i++)
		n += (size_t)snprintf(b + n, cap - n, "<contact id=\"%d\" state=\"active\" "
				      "event=\"registered\"><uri>sip:u%d@h</uri></contact>", i, i);
	n += (size_t)snprintf(b + n, cap - n, "</registration>");
	for (int i = 0; i < IMS_REGINFO_MAX_REGS + 2; i++)
		n += (size_t)snprintf(b + n, cap - n, "<registration aor=\"sip:%0300d@b\" id=\"r\" "
				      "state=\"init\"/>", i);
	n += (size_t)snprintf(b + n, cap - n, "</reginfo>");
	CHECK(n < cap);
	struct ims_reginfo *ri = decode(b, 0);
	CHECK_INT_EQ(ri->ncontacts, IMS_REGINFO_MAX_CONTACTS);
	CHECK_INT_EQ(ri->nregs, IMS_REGINFO_MAX_REGS);
	CHECK_INT_EQ(ri->dropped, 3 + 3); /* 3 contacts, 3 registrations */
	CHECK(ri->truncated);
	CHECK_INT_EQ(strlen(ri->regs[1].aor), sizeof ri->regs[1].aor - 1);
	free(ri);
	free(b);
}

/* An external entity is never fetched (no network, no file); an internal
 * one is text of the document, and one that multiplies itself (the
 * "billion laughs") is refused by libxml2's amplification limit. */
static void test_reginfo_entities_stay_out(void)
{
	static const char body[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE reginfo [<!ENTITY x SYSTEM \"file:///etc/passwd\"><!ENTITY a \"AAAA\">]>\n"
		"<reginfo " NS " version=\"1\" state=\"full\"><registration aor=\"sip:a@b\" id=\"1\" "
		"state=\"active\"><contact id=\"2\" state=\"active\" event=\"registered\">"
		"<uri>&x;sip:u@h&a;</uri></contact></registration></reginfo>";
	struct ims_reginfo *ri = malloc(sizeof *ri);
	CHECK(ri != NULL);
	CHECK_INT_EQ(ims_reginfo_decode(ri, slice_cstr(body)), 0);
	CHECK_STR_EQ(ri->contacts[0].uri, "sip:u@hAAAA");
	/* ten entities of ten each: 10^10 bytes if expanded */
	char lol[2048];
	size_t n = (size_t)snprintf(lol, sizeof lol, "<!DOCTYPE reginfo [<!ENTITY a0 \"xxxxxxxxxx\">");
	for (int i = 1; i < 10; i++) {
		n += (size_t)snprintf(lol + n, sizeof lol - n, "<!ENTITY a%d \"", i);
		for (int k = 0; k < 10; k++)
			n += (size_t)snprintf(lol + n, sizeof lol - n, "&a%d;", i - 1);
		n += (size_t)snprintf(lol + n, sizeof lol - n, "\">");
	}
	n += (size_t)snprintf(lol + n, sizeof lol - n, "]><reginfo " NS " version=\"1\" state=\"full\">"
			      "<registration aor=\"&a9;\" id=\"1\" state=\"active\"/></reginfo>");
	CHECK(n < sizeof lol);
	CHECK_INT_EQ(ims_reginfo_decode(ri, slice_make(lol, n)), -EBADMSG);
	CHECK(strncmp(ri->error, "not well-formed XML: ", 21) == 0);
	free(ri);
}

static int caller_calls;
static void caller_handler(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
	caller_calls++;
}

/* A document that declares an encoding it does not follow: libxml2
 * reports that through its global handlers, which would write to the
 * user's stderr; the decode keeps them quiet and gives the caller's back. */
static void test_reginfo_encoding_errors_stay_quiet(void)
{
	static const char *const encodings[] = { "ISO-2022-JP", "UCS-4", "EBCDIC-US", "UTF-32" };
	char path[] = "/tmp/reginfo_test_XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	fflush(stderr);
	int saved = dup(2);
	CHECK(saved >= 0 && dup2(fd, 2) == 2);
	xmlSetGenericErrorFunc(NULL, caller_handler);
	struct ims_reginfo *ri = malloc(sizeof *ri);
	CHECK(ri != NULL);
	for (size_t i = 0; ri && i < sizeof encodings / sizeof encodings[0]; i++) {
		char body[512];
		int n = snprintf(body, sizeof body, "<?xml version=\"1.0\" encoding=\"%s\"?><reginfo " NS
				 " version=\"0\" state=\"full\"><registration aor=\"sip:a\xff\xfe@ims.example\" "
				 "id=\"1\" state=\"active\"/></reginfo>", encodings[i]);
		CHECK_INT_EQ(ims_reginfo_decode(ri, slice_make(body, (size_t)n)), -EBADMSG);
		CHECK(strncmp(ri->error, "not well-formed XML: ", 21) == 0);
	}
	free(ri);
	CHECK(xmlGenericError == caller_handler);
	xmlSetGenericErrorFunc(NULL, NULL);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	CHECK_INT_EQ(caller_calls, 0);
	CHECK_INT_EQ(lseek(fd, 0, SEEK_END), 0);
	close(fd);
	unlink(path);
}

static void decode_prefix(struct slice s, const void *row)
{
	(void)row;
	struct ims_reginfo *ri = malloc(sizeof *ri);
	CHECK(ri != NULL);
	int rc = ims_reginfo_decode(ri, s);
	CHECK(rc == 0 || rc == -EBADMSG);
	CHECK(memchr(ri->error, '\0', sizeof ri->error) != NULL);
	free(ri);
}

static void test_reginfo_every_truncation(void)
{
	check_every_prefix("<reginfo " NS " version=\"1\" state=\"full\"><registration aor=\"sip:a@b\" "
			   "id=\"1\" state=\"active\"><contact id=\"2\" state=\"terminated\" "
			   "event=\"deactivated\"><uri>sip:u@h</uri></contact></registration></reginfo>",
			   decode_prefix, NULL);
}

/* ---- the 3GPP IM CN subsystem XML body (TS 24.229 §7.6) ---------------- */

static int decode_3gpp(struct ims_3gpp_xml *x, const char *text)
{
	return ims_3gpp_xml_decode(x, slice_cstr(text));
}

/* A third-party REGISTER's part (tests/data/third-party) and one written
 * over lines, with blanks around the text. */
static void test_ims3gpp_service_info(void)
{
	struct ims_3gpp_xml x;
	CHECK_INT_EQ(decode_3gpp(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<ims-3gpp version=\"1\">"
				     "<service-info>mmtel-profile=gold</service-info></ims-3gpp>\r\n"),
		     0);
	CHECK_STR_EQ(x.version, "1");
	CHECK(x.has_service_info && !x.has_alt);
	CHECK_STR_EQ(x.service_info, "mmtel-profile=gold");
	CHECK_INT_EQ(x.line, 2);
	CHECK_STR_EQ(x.problem, "");
	CHECK(ims_3gpp_xml_alt_meaning(&x) == NULL);
	CHECK_INT_EQ(decode_3gpp(&x, "<ims-3gpp version=\"1\">\n  <service-info>\n    <![CDATA[a<b]]>\n  "
				     "</service-info>\n</ims-3gpp>"),
		     0);
	CHECK_STR_EQ(x.service_info, "a<b");
	CHECK_INT_EQ(x.service_info_line, 2);
}

/* A 504 after a CSCF failure (restoration), a 380 to an emergency
 * session; the type written as an element; a type §7.6.3 does not define. */
static void test_ims3gpp_alternative_service(void)
{
	struct ims_3gpp_xml x;
	CHECK_INT_EQ(decode_3gpp(&x, "<?xml version=\"1.0\"?>\n<ims-3gpp version=\"1\">\n"
				     " <alternative-service>\n  <type>restoration</type>\n"
				     "  <reason>S-CSCF not reachable</reason>\n"
				     "  <action>initial-registration</action>\n </alternative-service>\n</ims-3gpp>\n"),
		     0);
	CHECK(x.has_alt && !x.has_service_info);
	CHECK_INT_EQ(x.alt_line, 3);
	CHECK_STR_EQ(x.alt_type, "restoration");
	CHECK_STR_EQ(x.alt_reason, "S-CSCF not reachable");
	CHECK_STR_EQ(x.alt_action, "initial-registration");
	CHECK_STR_EQ(x.problem, "");
	CHECK(ims_3gpp_xml_alt_meaning(&x) && strstr(ims_3gpp_xml_alt_meaning(&x), "new initial registration"));
	CHECK_INT_EQ(decode_3gpp(&x, "<ims-3gpp version=\"1\"><alternative-service><type>emergency</type>"
				     "<reason>emergency number</reason><action>emergency-registration</action>"
				     "</alternative-service></ims-3gpp>"),
		     0);
	CHECK(strstr(ims_3gpp_xml_alt_meaning(&x), "emergency registration") != NULL);
	CHECK_INT_EQ(decode_3gpp(&x, "<ims-3gpp version=\"1\"><alternative-service><type>emergency</type>"
				     "<reason/></alternative-service></ims-3gpp>"),
		     0);
	CHECK(strstr(ims_3gpp_xml_alt_meaning(&x), "emergency session") != NULL);
	CHECK_STR_EQ(x.alt_action, "");
	CHECK_INT_EQ(decode_3gpp(&x, "<ims-3gpp version=\"1\"><alternative-service><type><restoration/></type>"
				     "<reason>x</reason></alternative-service></ims-3gpp>"),
		     0);
	CHECK_STR_EQ(x.alt_type, "restoration");
	CHECK_INT_EQ(decode_3gpp(&x, "<ims-3gpp version=\"1\"><alternative-service><type>roaming</type>"
				     "<reason>x</reason></alternative-service></ims-3gpp>"),
		     0);
	CHECK(ims_3gpp_xml_alt_meaning(&x) == NULL);
	CHECK_STR_EQ(x.problem, "");
}

static void test_ims3gpp_schema_problems_and_refusals(void)
{
	static const struct {
		const char *text;
		int rc;
		const char *said; /* in problem (rc 0) or error */
		unsigned line;
	} rows[] = {
		{ "<ims-3gpp><service-info>x</service-info></ims-3gpp>", 0, "without its version", 1 },
		{ "<ims-3gpp version=\"1\">\n</ims-3gpp>", 0, "neither <alternative-service> nor", 1 },
		{ "<ims-3gpp version=\"1\">\n<alternative-service><reason>r</reason></alternative-service></ims-3gpp>",
		  0, "without its <type>", 2 },
		{ "<ims-3gpp version=\"1\"><alternative-service>\n<type>emergency</type></alternative-service></ims-3gpp>",
		  0, "without its <reason>", 1 },
		{ "<reginfo xmlns=\"urn:ietf:params:xml:ns:reginfo\"/>", -EBADMSG, "the root element is <reginfo>", 1 },
		{ "<ims-3gpp version=\"1\">\n<service-info>x</service-info>", -EBADMSG, "not well-formed XML", 2 },
		{ "mmtel-profile=gold", -EBADMSG, "not well-formed XML", 1 },
		{ "", -EBADMSG, "empty body", 0 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct ims_3gpp_xml x;
		int rc = decode_3gpp(&x, rows[i].text);
		CHECK_INT_EQ(rc, rows[i].rc);
		const char *said = rc == 0 ? x.problem : x.error;
		if (!strstr(said, rows[i].said))
			fprintf(stderr, "row %zu: \"%s\", want \"%s\"\n", i, said, rows[i].said);
		CHECK(strstr(said, rows[i].said) != NULL);
		CHECK_INT_EQ(rc == 0 ? x.problem_line : x.error_line, rows[i].line);
	}
	/* a value longer than its field is cut and said */
	char big[1200];
	int n = snprintf(big, sizeof big, "<ims-3gpp version=\"1\"><service-info>");
	memset(big + n, 'a', 700);
	snprintf(big + n + 700, sizeof big - (size_t)n - 700, "</service-info></ims-3gpp>");
	struct ims_3gpp_xml x;
	CHECK_INT_EQ(decode_3gpp(&x, big), 0);
	CHECK(x.truncated && strlen(x.service_info) == sizeof x.service_info - 1);
}

static void decode_3gpp_prefix(struct slice s, const void *row)
{
	(void)row;
	struct ims_3gpp_xml x;
	int rc = ims_3gpp_xml_decode(&x, s);
	CHECK(rc == 0 || rc == -EBADMSG);
	CHECK(memchr(x.error, '\0', sizeof x.error) != NULL && memchr(x.problem, '\0', sizeof x.problem) != NULL);
}

static void test_ims3gpp_every_truncation(void)
{
	check_every_prefix("<ims-3gpp version=\"1\"><alternative-service><type>restoration</type><reason>r"
			   "</reason><action>initial-registration</action></alternative-service></ims-3gpp>",
			   decode_3gpp_prefix, NULL);
}

int main(void)
{
	test_reginfo_of_the_bench_notify();
	test_reginfo_deregistration_gruus_and_instance();
	test_reginfo_schema_problems();
	test_reginfo_refusals();
	test_reginfo_limits();
	test_reginfo_entities_stay_out();
	test_reginfo_encoding_errors_stay_quiet();
	test_reginfo_every_truncation();
	test_ims3gpp_service_info();
	test_ims3gpp_alternative_service();
	test_ims3gpp_schema_problems_and_refusals();
	test_ims3gpp_every_truncation();
	return check_done();
}
