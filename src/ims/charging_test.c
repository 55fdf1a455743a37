/* charging_test.c: P-Charging-Vector's access network charging lists (TS 24.229 §7.2A.5). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/ims.h>
#include "check.h"

static int decode(struct ims_anci *a, const char *name, const char *value)
{
	return ims_anci_decode(a, ims_anci_kind_of(slice_make(name, strlen(name))),
			       slice_make(value, strlen(value)));
}

static void test_anci_kind_is_told_by_the_list_name(void)
{
	CHECK_INT_EQ(ims_anci_kind_of(SLICE_LIT("pdp-info")), IMS_ANCI_GPRS);
	CHECK_INT_EQ(ims_anci_kind_of(SLICE_LIT("EPS-Info")), IMS_ANCI_EPS);
	CHECK_INT_EQ(ims_anci_kind_of(SLICE_LIT("5gs-info")), IMS_ANCI_5GS);
	CHECK_INT_EQ(ims_anci_kind_of(SLICE_LIT("dsl-bearer-info")), IMS_ANCI_XDSL);
	CHECK_INT_EQ(ims_anci_kind_of(SLICE_LIT("ggsn")), IMS_ANCI_NONE);
	CHECK_INT_EQ(ims_anci_kind_of(SLICE_NULL), IMS_ANCI_NONE);
}

/* The GPRS example of the list with two items, the second with two flows,
 * quoted as it stands in the header. */
static void test_anci_items_flows_and_charging_ids_are_read(void)
{
	struct ims_anci a;
	CHECK_INT_EQ(decode(&a, "pdp-info",
			    "\"pdp-item=1;pdp-sig=yes;gcid=39B26CD7, "
			    "pdp-item=2;pdp-sig=no;gcid=ffffffff;flow-id=({1,1},{1,2})\""),
		     0);
	CHECK(a.kind == IMS_ANCI_GPRS && !strcmp(a.access, "GPRS") && !strcmp(a.cid_name, "gcid"));
	CHECK(a.problem == NULL && a.nitems == 2 && a.dropped == 0);
	CHECK(a.items[0].item == 1 && a.items[0].sig == 1 && a.items[0].nflows == 0);
	CHECK(a.items[0].cid_ok && a.items[0].cid_value == 0x39B26CD7u);
	CHECK_SLICE_EQ(a.items[0].cid, "39B26CD7");
	CHECK(a.items[1].item == 2 && a.items[1].sig == 0 && a.items[1].cid_value == 0xffffffffu);
	CHECK(a.items[1].nflows == 2 && !a.items[1].flows_cut);
	CHECK(a.items[1].flows[0].media == 1 && a.items[1].flows[0].flow == 1);
	CHECK(a.items[1].flows[1].media == 1 && a.items[1].flows[1].flow == 2);

	/* EPS and 5GS as a P-CSCF writes them (no quotes needed here), the
	 * 5GS item with no signalling flag */
	CHECK_INT_EQ(decode(&a, "eps-info", "eps-item=1;eps-sig=no;ecid=0F;flow-id=({2,1})"), 0);
	CHECK(a.kind == IMS_ANCI_EPS && a.nitems == 1 && a.items[0].cid_value == 15);
	CHECK(a.items[0].flows[0].media == 2 && a.items[0].flows[0].flow == 1);
	CHECK_INT_EQ(decode(&a, "5gs-info", "\"5gs-item=1;5gscid=AB01\""), 0);
	CHECK(a.kind == IMS_ANCI_5GS && a.items[0].sig == -1 && a.items[0].cid_value == 0xAB01);
}

/* Each departure is named (the first), and what could be read is kept. */
static void test_anci_syntax_departures_are_named(void)
{
	static const struct {
		const char *name, *value, *problem;
	} cases[] = {
		{ "pdp-info", "pdp-item=x;pdp-sig=yes;gcid=1", "not digits" },
		{ "pdp-info", "pdp-item=1;pdp-sig=maybe;gcid=1", "neither yes nor no" },
		{ "eps-info", "eps-item=1;eps-sig=no;ecid=12G4", "not hexadecimal" },
		{ "eps-info", "eps-item=1;eps-sig=no;ecid=", "not hexadecimal" },
		{ "eps-info", "eps-item=1;eps-sig=no;ecid=1;flow-id=(1,1)", "flow-id" },
		{ "eps-info", "eps-item=1;ecid=1;flow-id=({1,1}", "flow-id" },
		{ "eps-info", "eps-item=1;ecid=1;flow-id=({1,1})x", "flow-id" },
		{ "eps-info", "eps-item=1;ecid=1;flow-id=({1,99999999999})", "flow-id" },
		{ "eps-info", "eps-item=1;gcid=1", "does not define" },
		{ "eps-info", "eps-item=1;;ecid=1", "empty parameter" },
		{ "eps-info", "eps-item=1;ecid=1,", "empty item" },
		{ "eps-info", "\"eps-item=1;ecid=1", "quote" },
		{ "eps-info", "", "empty item" },
		/* a flow-id with no value (fuzz_ims_hdr found it: a null
		 * pointer's offset) */
		{ "5gs-info", "5gs-item=1;5gscid=AB;flow-id;({1,1})", "flow-id" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ims_anci a;
		int rc = decode(&a, cases[i].name, cases[i].value);
		CHECK_INT_EQ(rc, -EBADMSG);
		CHECK(a.problem && strstr(a.problem, cases[i].problem));
		if (!a.problem || !strstr(a.problem, cases[i].problem))
			fprintf(stderr, "case %zu: %s\n", i, a.problem ? a.problem : "(none)");
	}
	/* the item after a bad one is still read */
	struct ims_anci a;
	CHECK_INT_EQ(decode(&a, "eps-info", "eps-item=1;eps-sig=perhaps;ecid=1,eps-item=2;ecid=2"),
		     -EBADMSG);
	CHECK(a.nitems == 2 && a.items[1].item == 2 && a.items[1].cid_value == 2);
	/* an id too long for 64 bits is shown, not valued */
	CHECK_INT_EQ(decode(&a, "eps-info", "eps-item=1;ecid=0123456789abcdef0"), 0);
	CHECK(!a.items[0].cid_ok && a.items[0].cid.len == 17);
	CHECK_INT_EQ(ims_anci_decode(&a, IMS_ANCI_NONE, SLICE_LIT("x")), -EBADMSG);
	/* the list with no value at all ("eps-info" alone) */
	CHECK_INT_EQ(ims_anci_decode(&a, IMS_ANCI_EPS, SLICE_NULL), -EBADMSG);
	CHECK(a.nitems == 1 && a.problem && strstr(a.problem, "empty item"));
}

/* More items and flows than the arrays hold: counted, not written past. */
static void test_anci_items_and_flows_beyond_the_arrays_are_counted(void)
{
	char v[4096];
	size_t n = 0;
	for (int i = 0; i < IMS_ANCI_MAX_ITEMS + 3; i++)
		n += (size_t)snprintf(v + n, sizeof v - n, "%seps-item=%d;ecid=%x", i ? "," : "", i, i);
	struct ims_anci a;
	CHECK_INT_EQ(decode(&a, "eps-info", v), 0);
	CHECK(a.nitems == IMS_ANCI_MAX_ITEMS && a.dropped == 3);
	n = (size_t)snprintf(v, sizeof v, "eps-item=1;ecid=1;flow-id=(");
	for (int i = 0; i < IMS_ANCI_MAX_FLOWS + 2; i++)
		n += (size_t)snprintf(v + n, sizeof v - n, "%s{1,%d}", i ? "," : "", i);
	snprintf(v + n, sizeof v - n, ")");
	CHECK_INT_EQ(decode(&a, "eps-info", v), 0);
	CHECK(a.items[0].nflows == IMS_ANCI_MAX_FLOWS && a.items[0].flows_cut);
}

/* Every prefix of a valid list, in a buffer of its own length (ASan sees a
 * read past it), decodes or names a problem. */
static void test_anci_every_truncation_stays_in_bounds(void)
{
	static const char full[] = "\"eps-item=1;eps-sig=no;ecid=39B26CD7;flow-id=({1,1},{1,2}),"
				   "eps-item=2;eps-sig=yes;ecid=0A\"";
	for (size_t len = 0; len < sizeof full; len++) {
		char *b = malloc(len ? len : 1);
		memcpy(b, full, len);
		struct ims_anci a;
		int rc = ims_anci_decode(&a, IMS_ANCI_EPS, slice_make(b, len));
		CHECK(rc == 0 || (rc == -EBADMSG && a.problem));
		CHECK(a.nitems >= 1 && a.nitems <= 2);
		free(b);
	}
}

int main(void)
{
	test_anci_kind_is_told_by_the_list_name();
	test_anci_items_flows_and_charging_ids_are_read();
	test_anci_syntax_departures_are_named();
	test_anci_items_and_flows_beyond_the_arrays_are_counted();
	test_anci_every_truncation_stays_in_bounds();
	return check_done();
}
