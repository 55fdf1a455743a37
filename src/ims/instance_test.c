/* instance_test.c: +sip.instance URNs (RFC 7254 IMEI/IMEISV, RFC 4122 UUID) and the Luhn digit. */
#include <errno.h>
#include <string.h>
#include <imsreg/ims.h>
#include "check.h"

/* Check digits computed by hand (TS 23.003 Annex B) and cross-checked with
 * an independent python3 Luhn; 49015420323751 -> 8 is the classic example
 * IMEI 490154203237518. */
static void test_luhn_digit_matches_annex_b(void)
{
	static const struct {
		const char *digits;
		char check;
	} cases[] = {
		{ "99000493686661", '9' }, /* seed ex3 */
		{ "35425006000655", '1' }, /* seed ex5 */
		{ "49015420323751", '8' },
		{ "00000000000000", '0' },
		{ "7992739871", '3' },      /* the textbook Luhn example */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK_INT_EQ(ims_luhn_digit(cases[i].digits, strlen(cases[i].digits)),
			     cases[i].check);
	CHECK_INT_EQ(ims_luhn_digit("12a4", 4), '\0');
}

struct instance_case {
	const char *in;
	int rc;
	enum ims_instance_kind kind;
	const char *urn;
	const char *tac, *snr;
	char spare, check;
	const char *svn;
	unsigned uuid_version;
};

static const struct instance_case instance_cases[] = {
	/* seeds ex3 and ex5, as they appear in the Contact parameter */
	{ "\"<urn:gsma:imei:99000493-686661-0>\"", 0, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:99000493-686661-0", "99000493", "686661", '0', '9', "", 0 },
	{ "<urn:gsma:imei:35425006-000655-0>", 0, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:35425006-000655-0", "35425006", "000655", '0', '1', "", 0 },
	/* bare, upper case scheme, IMEISV */
	{ "URN:GSMA:IMEI:49015420-323751-0;svn=07", 0, IMS_INSTANCE_IMEISV,
	  "URN:GSMA:IMEI:49015420-323751-0;svn=07", "49015420", "323751", '0', '8', "07", 0 },
	/* the check digit sent in place of the spare: decoded, not zero */
	{ "<urn:gsma:imei:49015420-323751-8>", 0, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:49015420-323751-8", "49015420", "323751", '8', '8', "", 0 },
	{ "<urn:gsma:imei:49015420-323751-0;vers=0>", 0, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:49015420-323751-0;vers=0", "49015420", "323751", '0', '8', "", 0 },
	{ "\"<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>\"", 0, IMS_INSTANCE_UUID,
	  "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "", "", 0, 0, "", 1 },
	{ "<urn:uuid:00000000-0000-4000-B000-000000000000>", 0, IMS_INSTANCE_UUID,
	  "urn:uuid:00000000-0000-4000-B000-000000000000", "", "", 0, 0, "", 4 },
	{ "<urn:example:device-1>", 0, IMS_INSTANCE_OTHER, "urn:example:device-1", "", "", 0, 0,
	  "", 0 },
	/* errors */
	{ "<urn:gsma:imei:99000493-686661>", -EBADMSG, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:99000493-686661", "", "", 0, 0, "", 0 },
	{ "<urn:gsma:imei:990004936866610>", -EBADMSG, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:990004936866610", "", "", 0, 0, "", 0 },
	{ "<urn:gsma:imei:9900049x-686661-0>", -EBADMSG, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:9900049x-686661-0", "", "", 0, 0, "", 0 },
	{ "<urn:gsma:imei:99000493-686661-0;svn=7>", -EBADMSG, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:99000493-686661-0;svn=7", "99000493", "686661", '0', '9', "", 0 },
	{ "<urn:gsma:imei:99000493-686661-0;foo=1>", -EBADMSG, IMS_INSTANCE_IMEI,
	  "urn:gsma:imei:99000493-686661-0;foo=1", "99000493", "686661", '0', '9', "", 0 },
	{ "<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf>", -EBADMSG, IMS_INSTANCE_UUID,
	  "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf", "", "", 0, 0, "", 0 },
	{ "<urn:uuid:f81d4fae-7dec-11d0-c765-00a0c91e6bf6>", -EBADMSG, IMS_INSTANCE_UUID,
	  "urn:uuid:f81d4fae-7dec-11d0-c765-00a0c91e6bf6", "", "", 0, 0, "", 1 },
	{ "<urn:uuid:f81d4fae-7dec-01d0-a765-00a0c91e6bf6>", -EBADMSG, IMS_INSTANCE_UUID,
	  "urn:uuid:f81d4fae-7dec-01d0-a765-00a0c91e6bf6", "", "", 0, 0, "", 0 },
	{ "<sip:ue@example.com>", -EBADMSG, IMS_INSTANCE_OTHER, "sip:ue@example.com", "", "", 0,
	  0, "", 0 },
	{ "<urn:gsma:imei:99000493-686661-0", -EBADMSG, IMS_INSTANCE_OTHER,
	  "<urn:gsma:imei:99000493-686661-0", "", "", 0, 0, "", 0 },
	{ "urn:foo", -EBADMSG, IMS_INSTANCE_OTHER, "urn:foo", "", "", 0, 0, "", 0 },
	{ "", -EBADMSG, IMS_INSTANCE_OTHER, "", "", "", 0, 0, "", 0 },
};

static void check_instance_case(const struct instance_case *c, const char *buf)
{
	struct ims_instance inst;
	int rc = ims_instance_decode(&inst, slice_make(buf, strlen(c->in)));
	CHECK_INT_EQ(rc, c->rc);
	CHECK_INT_EQ(inst.kind, c->kind);
	CHECK_SLICE_EQ(inst.urn, c->urn);
	CHECK_INT_EQ(inst.well_formed, c->rc == 0);
	CHECK(c->rc == 0 ? inst.problem == NULL : inst.problem != NULL);
	if (c->kind == IMS_INSTANCE_IMEI || c->kind == IMS_INSTANCE_IMEISV) {
		CHECK_STR_EQ(inst.tac, c->tac);
		CHECK_STR_EQ(inst.snr, c->snr);
		CHECK_INT_EQ(inst.spare, c->spare);
		CHECK_INT_EQ(inst.check, c->check);
		CHECK_STR_EQ(inst.svn, c->svn);
		if (c->spare)
			CHECK_INT_EQ(inst.spare_is_zero, c->spare == '0');
	}
	if (c->kind == IMS_INSTANCE_UUID)
		CHECK_INT_EQ(inst.uuid_version, c->uuid_version);
}

static void run_instance_case(struct slice in, const void *row)
{
	check_instance_case(row, in.ptr);
}

static void test_instance_decode_table(void)
{
	for (size_t i = 0; i < sizeof instance_cases / sizeof instance_cases[0]; i++)
		check_instance_case(&instance_cases[i], instance_cases[i].in);
	/* the same from a copy that ends at a guard page */
	CHECK_TABLE_GUARDED(instance_cases, run_instance_case);
}

/* every prefix lacks the closing '>' or '"': rejected, in bounds */
static void decode_prefix(struct slice s, const void *row)
{
	struct ims_instance inst;
	(void)row;
	int rc = ims_instance_decode(&inst, s);
	CHECK_INT_EQ(rc, -EBADMSG);
	CHECK_INT_EQ(inst.well_formed, rc == 0);
}

static void test_instance_decode_every_truncation_stays_in_bounds(void)
{
	const char *in = "\"<urn:gsma:imei:99000493-686661-0;svn=12>\"";
	size_t n = strlen(in);
	for (size_t k = 0; k < n; k++)
		check_guarded(in, k, decode_prefix, NULL);
}

/* Whether the URN was written inside '<' '>', quoted or not (RFC 5626
 * §4.1 writes +sip.instance="<urn:...>"). */
static void test_instance_says_whether_the_urn_was_angled(void)
{
	static const struct {
		const char *in;
		bool angled;
	} rows[] = {
		{ "\"<urn:gsma:imei:35425006-000655-0>\"", true },
		{ "<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>", true },
		{ "\"urn:gsma:imei:35425006-000655-0\"", false },
		{ "urn:gsma:imei:35425006-000655-0", false },
		{ "\"<urn:gsma:imei:35425006-000655-0\"", false },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct ims_instance inst;
		ims_instance_decode(&inst, slice_cstr(rows[i].in));
		CHECK_INT_EQ(inst.angled, rows[i].angled);
	}
}

int main(void)
{
	test_instance_says_whether_the_urn_was_angled();
	test_luhn_digit_matches_annex_b();
	test_instance_decode_table();
	test_instance_decode_every_truncation_stays_in_bounds();
	return check_done();
}
