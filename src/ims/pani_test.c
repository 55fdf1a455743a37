/* pani_test.c: P-Access-Network-Info syntax and the cell id split by access type (TS 24.229 §7.2A.4.3). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/ims.h>
#include "check.h"

struct pani_case {
	const char *in;
	int rc;
	int err_at;               /* offset of err->at in the input, when rc < 0 */
	enum ims_access access;
	const char *access_type;
	const char *cell_value;   /* NULL: no location parameter */
	bool cell_ok;
	const char *mcc, *mnc;
	uint32_t tac;
	uint64_t cell_id;
	uint32_t node, local;
	size_t expected_len;
	const char *problem_text; /* cell_problem_text, "" when none */
};

/* Splits worked out by hand and checked with python3 int(x, 16):
 * MCC(3) MNC(2|3) then TAC/LAC and the cell identity in hex; lengths
 * 3+2+4+7 = 16 / 17 (E-UTRAN with a 16-bit TAC, UTRAN), 18 / 19 (E-UTRAN with
 * a 24-bit 5GS TAC), 3+2+6+9 = 20 / 21 (NR), 3+2+4+4 = 13 / 14 (GERAN). */
static const struct pani_case cases[] = {
	/* seed ex1: MCC 000 MNC 00 TAC 0x5420 ECI 0 */
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0000054200000000", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "0000054200000000", true, "000", "00", 0x5420, 0, 0, 0, 16, "" },
	/* seeds ex2 / ex4 and ex3 (LWS after ';') */
	{ "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=0010100010000000", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "0010100010000000", true, "001", "01", 1, 0, 0, 0, 16, "" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010000001", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "0010100010000001", true, "001", "01", 1, 1, 0, 1, 16, "" },
	/* seed ex6: 17 characters = 3-digit MNC 480 (MCC 311 is a US code,
	 * where MNCs have 3 digits); ECI 0xFFFFFFF = eNB 1048575 cell 255 */
	{ "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=3114800001FFFFFFF", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "3114800001FFFFFFF", true, "311", "480", 1, 0xFFFFFFF, 1048575, 255,
	  17, "" },
	/* bench corpus c_register_aka_auth: ECI 0x0019B01 = eNB 411 cell 1 */
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "0010100010019B01", true, "001", "01", 1, 0x19B01, 411, 1, 16, "" },
	/* E-UTRAN connected to 5GC: 24-bit TAC */
	{ "3GPP-E-UTRAN-TDD;utran-cell-id-3gpp=310410000012345678", 0, -1, IMS_ACCESS_EUTRAN_TDD,
	  "3GPP-E-UTRAN-TDD", "310410000012345678", true, "310", "41", 1, 0x2345678, 144470, 120,
	  18, "" },
	{ "3GPP-E-UTRAN-TDD;utran-cell-id-3gpp=3104100000123456789", 0, -1, IMS_ACCESS_EUTRAN_TDD,
	  "3GPP-E-UTRAN-TDD", "3104100000123456789", true, "310", "410", 0x12, 0x3456789,
	  0x34567, 0x89, 19, "" },
	/* seed ref-nr-minimal: 15 characters, NR needs 20 or 21 */
	{ "3GPP-NR-FDD;utran-cell-id-3gpp=001010123456789", 0, -1, IMS_ACCESS_NR_FDD,
	  "3GPP-NR-FDD", "001010123456789", false, "", "", 0, 0, 0, 0, 20,
	  "15 characters: NR utran-cell-id-3gpp has 20 (2-digit MNC) or 21 (3-digit MNC)" },
	/* NR: TAC 1, NCI 0x123456789 = gNB 0x123456 (24-bit id assumed) cell 0x789 */
	{ "3GPP-NR-TDD;utran-cell-id-3gpp=00101000001123456789", 0, -1, IMS_ACCESS_NR_TDD,
	  "3GPP-NR-TDD", "00101000001123456789", true, "001", "01", 1, 0x123456789, 0x123456,
	  0x789, 20, "" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010000000000", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "0010100010000000000", true, "001", "010", 0x1000, 0, 0, 0, 19, "" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=00101000100000000000", 0, -1,
	  IMS_ACCESS_EUTRAN_FDD, "3GPP-E-UTRAN-FDD", "00101000100000000000", false, "", "", 0, 0,
	  0, 0, 16,
	  "20 characters: E-UTRAN utran-cell-id-3gpp has 16 (2-digit MNC) or 17 (3-digit MNC); "
	  "18 or 19 with a 5GS TAC" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=00101000G0000000", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "00101000G0000000", false, "001", "01", 0, 0, 0, 0, 16,
	  "'G' at character 9 is not a hex digit (in the TAC)" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=\"00101\x01" "0010000001\"", 0, -1,
	  IMS_ACCESS_EUTRAN_FDD, "3GPP-E-UTRAN-FDD", "00101\x01" "0010000001", false, "", "", 0,
	  0, 0, 0, 16, "0x01 at character 6 is not a hex digit (in the TAC)" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010Z00010000000", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "0010Z00010000000", false, "", "", 0, 0, 0, 0, 16,
	  "'Z' at character 5 is not a decimal digit (in the MNC)" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=\"0010100010000001\"", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "0010100010000001", true, "001", "01", 1, 1, 0, 1, 16, "" },
	/* GERAN (13 = 2-digit MNC) and UTRAN (17 = 3-digit MNC) */
	{ "3GPP-GERAN;cgi-3gpp=2341500ABCDEF", 0, -1, IMS_ACCESS_GERAN, "3GPP-GERAN",
	  "2341500ABCDEF", true, "234", "15", 0x00AB, 0xCDEF, 0, 0xCDEF, 13, "" },
	{ "3GPP-UTRAN-FDD;utran-cell-id-3gpp=2341500ABC1234567", 0, -1, IMS_ACCESS_UTRAN_FDD,
	  "3GPP-UTRAN-FDD", "2341500ABC1234567", true, "234", "150", 0x0ABC, 0x1234567, 0x123,
	  0x4567, 17, "" },
	/* the parameter that does not fit the access, none at all */
	{ "3GPP-E-UTRAN-FDD;cgi-3gpp=2341500ABCDEF", 0, -1, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", "2341500ABCDEF", false, "", "", 0, 0, 0, 0, 0,
	  "cgi-3gpp given, 3GPP-E-UTRAN-FDD access uses utran-cell-id-3gpp" },
	{ "3GPP-E-UTRAN-FDD", 0, -1, IMS_ACCESS_EUTRAN_FDD, "3GPP-E-UTRAN-FDD", NULL, false, "", "",
	  0, 0, 0, 0, 0, "no utran-cell-id-3gpp parameter" },
	/* a cell id under a name TS 24.229 does not give: named as the reason
	 * the cell is missing; a flag or a known parameter is not */
	{ "3GPP-NR-FDD;network-provided;nrcgi=00101000001000000001", 0, -1, IMS_ACCESS_NR_FDD,
	  "3GPP-NR-FDD", NULL, false, "", "", 0, 0, 0, 0, 0,
	  "no utran-cell-id-3gpp parameter (nrcgi= is no location parameter of TS 24.229 §7.2A.4: "
	  "the cell goes in utran-cell-id-3gpp)" },
	{ "3GPP-NR-TDD;x-flag;local-time-zone=\"UTC+01:00\"", 0, -1, IMS_ACCESS_NR_TDD,
	  "3GPP-NR-TDD", NULL, false, "", "", 0, 0, 0, 0, 0, "no utran-cell-id-3gpp parameter" },
	/* non-cellular: nothing to split */
	{ "IEEE-802.11ac;i-wlan-node-id=00:11:22:33:44:55", 0, -1, IMS_ACCESS_WLAN,
	  "IEEE-802.11ac", "00:11:22:33:44:55", false, "", "", 0, 0, 0, 0, 0, "" },
	{ "ADSL;dsl-location=\"ab;c\"", 0, -1, IMS_ACCESS_OTHER, "ADSL", "ab;c", false, "", "", 0,
	  0, 0, 0, 0, "" },
	{ "MyAccess", 0, -1, IMS_ACCESS_OTHER, "MyAccess", NULL, false, "", "", 0, 0, 0, 0, 0, "" },
	/* syntax errors */
	{ "", -EBADMSG, 0, IMS_ACCESS_OTHER, NULL, NULL, false, "", "", 0, 0, 0, 0, 0, "" },
	{ ";utran-cell-id-3gpp=1", -EBADMSG, 0, IMS_ACCESS_OTHER, NULL, NULL, false, "", "", 0, 0,
	  0, 0, 0, "" },
	{ "3GPP-E-UTRAN-FDD utran-cell-id-3gpp=1", -EBADMSG, 17, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", NULL, false, "", "", 0, 0, 0, 0, 0, "" },
	{ "3GPP-E-UTRAN-FDD;", -EBADMSG, 17, IMS_ACCESS_EUTRAN_FDD, "3GPP-E-UTRAN-FDD", NULL,
	  false, "", "", 0, 0, 0, 0, 0, "" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=", -EBADMSG, 36, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", NULL, false, "", "", 0, 0, 0, 0, 0, "" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp", -EBADMSG, 35, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", NULL, false, "", "", 0, 0, 0, 0, 0, "" },
	{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=\"0010", -EBADMSG, 36, IMS_ACCESS_EUTRAN_FDD,
	  "3GPP-E-UTRAN-FDD", NULL, false, "", "", 0, 0, 0, 0, 0, "" },
	{ "\"3GPP-E-UTRAN-FDD", -EBADMSG, 0, IMS_ACCESS_OTHER, NULL, NULL, false, "", "", 0, 0, 0,
	  0, 0, "" },
	{ "3GPP-E-UTRAN-FDD,", -EBADMSG, 16, IMS_ACCESS_EUTRAN_FDD, "3GPP-E-UTRAN-FDD", NULL,
	  false, "", "", 0, 0, 0, 0, 0, "" },
};

static void check_case(const struct pani_case *c, const char *buf)
{
	struct ims_pani pani;
	struct sip_parse_error err = { 0 };
	int rc = ims_pani_decode(&pani, slice_make(buf, strlen(c->in)), &err);
	CHECK_INT_EQ(rc, c->rc);
	CHECK_SLICE_EQ(pani.access_type, c->access_type);
	if (rc < 0) {
		CHECK_INT_EQ(err.code, rc);
		CHECK(err.reason != NULL);
		CHECK_INT_EQ(err.hdr, SIP_HDR_P_ACCESS_NETWORK_INFO);
		CHECK_INT_EQ(err.at - buf, c->err_at);
		return;
	}
	CHECK_INT_EQ(pani.access, c->access);
	CHECK(pani.access_name != NULL);
	CHECK_SLICE_EQ(pani.cell_value, c->cell_value);
	CHECK_INT_EQ(pani.cell_ok, c->cell_ok);
	CHECK_STR_EQ(pani.cell_problem_text, c->problem_text);
	CHECK_INT_EQ(pani.cell_problem != NULL, c->problem_text[0] != '\0');
	CHECK_INT_EQ(pani.expected_len, c->expected_len);
	if (c->cell_ok) {
		CHECK_STR_EQ(pani.mcc, c->mcc);
		CHECK_STR_EQ(pani.mnc, c->mnc);
		CHECK_INT_EQ(pani.tac, c->tac);
		CHECK_INT_EQ(pani.cell_id, c->cell_id);
		CHECK_INT_EQ(pani.enb_or_gnb_id, c->node);
		CHECK_INT_EQ(pani.local_cell, c->local);
	}
}

static void run_case(struct slice in, const void *row)
{
	check_case(row, in.ptr);
}

static void test_pani_decode_table(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i], cases[i].in);
	CHECK_TABLE_GUARDED(cases, run_case);
}

static void test_pani_params_network_provided_time_zone_and_next(void)
{
	const char *in = "3GPP-E-UTRAN-FDD ; utran-cell-id-3gpp=0010100010000001 ;\r\n "
			 "local-time-zone=\"+01:00\";daylight-saving-time=\"01\";network-provided ,"
			 " IEEE-802.11;i-wlan-node-id=ffeeddccbbaa";
	struct ims_pani pani;
	struct sip_parse_error err = { 0 };
	CHECK_INT_EQ(ims_pani_decode(&pani, slice_cstr(in), &err), 0);
	CHECK(pani.network_provided);
	CHECK(pani.cell_ok);
	CHECK_SLICE_EQ(pani.local_time_zone, "+01:00");
	CHECK_SLICE_EQ(pani.daylight_saving_time, "01");
	CHECK_SLICE_EQ(pani.cell_param, "utran-cell-id-3gpp");
	CHECK_SLICE_EQ(pani.params, "utran-cell-id-3gpp=0010100010000001 ;\r\n "
				    "local-time-zone=\"+01:00\";daylight-saving-time=\"01\";"
				    "network-provided");
	CHECK_SLICE_EQ(pani.next, "IEEE-802.11;i-wlan-node-id=ffeeddccbbaa");
	CHECK_INT_EQ(ims_pani_decode(&pani, pani.next, &err), 0);
	CHECK_INT_EQ(pani.access, IMS_ACCESS_WLAN);
	CHECK(!pani.network_provided);
	CHECK_SLICE_EQ(pani.next, NULL);
	CHECK_SLICE_EQ(pani.cell_value, "ffeeddccbbaa");
	CHECK(pani.cell_problem == NULL);
}

/* i-wlan-node-id on Wi-Fi access: the AP's MAC address (BSSID), 12 hex
 * digits or six octets split by one ':' or '-'; anything else is kept as
 * written with a problem, and never taken for a broken cell id. */
static void test_pani_wlan_node_id_is_the_ap_mac_address(void)
{
	static const struct {
		const char *in;
		bool ok;
		const char *mac;
		bool placeholder;
	} rows[] = {
		{ "IEEE-802.11;i-wlan-node-id=AC86748B3CF0", true, "ac:86:74:8b:3c:f0", false },
		{ "IEEE-802.11n;i-wlan-node-id=ac:86:74:8b:3c:f0", true, "ac:86:74:8b:3c:f0", false },
		{ "IEEE-802.11ax;i-wlan-node-id=00-11-22-33-44-5f", true, "00:11:22:33:44:5f", false },
		{ "3GPP-WLAN;i-wlan-node-id=001122334455", true, "00:11:22:33:44:55", false },
		{ "IEEE-802.11;i-wlan-node-id=ffffffffffff", true, "ff:ff:ff:ff:ff:ff", true },
		{ "IEEE-802.11;i-wlan-node-id=\"000000000000\"", true, "00:00:00:00:00:00", true },
		{ "IEEE-802.11;i-wlan-node-id=ac86748b3cf", false, "", false },    /* 11 digits */
		{ "IEEE-802.11;i-wlan-node-id=ac86748b3cf0a", false, "", false },  /* 13 digits */
		{ "IEEE-802.11;i-wlan-node-id=ac86748b3cfg", false, "", false },   /* not hex */
		{ "IEEE-802.11;i-wlan-node-id=ac:86-74:8b:3c:f0", false, "", false }, /* mixed */
		{ "IEEE-802.11;i-wlan-node-id=ac:86:74:8b:3c:f0:", false, "", false },
		{ "IEEE-802.11;i-wlan-node-id=ac:86:74:8b:3cf0", false, "", false },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct ims_pani pani;
		struct sip_parse_error err = { 0 };
		CHECK_INT_EQ(ims_pani_decode(&pani, slice_cstr(rows[i].in), &err), 0);
		CHECK_INT_EQ(pani.access, IMS_ACCESS_WLAN);
		CHECK_INT_EQ(pani.wlan_node_ok, rows[i].ok);
		CHECK_STR_EQ(pani.wlan_node_mac, rows[i].mac);
		CHECK_INT_EQ(pani.wlan_node_placeholder, rows[i].placeholder);
		CHECK_INT_EQ(pani.wlan_node_problem != NULL, !rows[i].ok);
		/* no cell: no cell verdict, no cell problem */
		CHECK(!pani.cell_ok);
		CHECK(pani.cell_problem == NULL);
		CHECK_STR_EQ(pani.cell_problem_text, "");
	}
	/* not on Wi-Fi access, and not the first location parameter: not read */
	const char *other[] = { "ADSL;i-wlan-node-id=001122334455",
				"IEEE-802.11;dsl-location=x;i-wlan-node-id=001122334455" };
	for (size_t i = 0; i < 2; i++) {
		struct ims_pani pani;
		struct sip_parse_error err = { 0 };
		CHECK_INT_EQ(ims_pani_decode(&pani, slice_cstr(other[i]), &err), 0);
		CHECK(!pani.wlan_node_ok);
		CHECK(pani.wlan_node_problem == NULL);
	}
}

static void decode_prefix(struct slice s, const void *row)
{
	struct ims_pani pani;
	struct sip_parse_error err = { 0 };
	(void)row;
	int rc = ims_pani_decode(&pani, s, &err);
	CHECK(rc == 0 || rc == -EBADMSG);
	if (rc < 0)
		CHECK(err.at >= s.ptr && err.at <= s.ptr + s.len);
}

static void test_pani_every_truncation_stays_in_bounds(void)
{
	const char *in = "3GPP-NR-FDD; utran-cell-id-3gpp=\"00101000001123456789\";x=[::1];"
			 "network-provided";
	check_every_prefix(in, decode_prefix, NULL);
}

/* The P-Access-Network-Info line of each seed fixture, decoded as it is
 * written there (one line each); expected values worked out by hand. */
static void test_pani_of_the_seed_fixtures(void)
{
	static const struct {
		const char *file;
		bool cell_ok;
		const char *mcc, *mnc;
		uint32_t tac;
		uint64_t cell_id;
	} seeds[] = {
		{ "../shared/fixtures/seed/ex1-basic.pasted.txt", true, "000", "00", 0x5420, 0 },
		{ "../shared/fixtures/seed/ex2-sms-capability.pasted.txt", true, "001", "01", 1, 0 },
		{ "../shared/fixtures/seed/ex3-sms-volte-capability.pasted.txt", true, "001", "01", 1,
		  1 },
		{ "../shared/fixtures/seed/ex4-aka-authorization.pasted.txt", true, "001", "01", 1, 0 },
		{ "../shared/fixtures/seed/ex6-unregister.pasted.txt", true, "311", "480", 1,
		  0xFFFFFFF },
		{ "../shared/fixtures/seed/ref-nr-minimal.pasted.txt", false, "", "", 0, 0 },
		{ "../shared/corpus/bench/c_register_aka_auth.sip", true, "001", "01", 1, 0x19B01 },
	};
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		size_t len;
		char *text = check_read_file(seeds[i].file, &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		const char *h = strstr(text, "P-Access-Network-Info:");
		CHECK(h != NULL);
		if (h) {
			h += strlen("P-Access-Network-Info:");
			const char *eol = h + strcspn(h, "\r\n");
			struct ims_pani pani;
			struct sip_parse_error err = { 0 };
			CHECK_INT_EQ(ims_pani_decode(&pani, slice_span(h, eol), &err), 0);
			CHECK_INT_EQ(pani.cell_ok, seeds[i].cell_ok);
			CHECK_STR_EQ(pani.mcc, seeds[i].mcc);
			CHECK_STR_EQ(pani.mnc, seeds[i].mnc);
			CHECK_INT_EQ(pani.tac, seeds[i].tac);
			CHECK_INT_EQ(pani.cell_id, seeds[i].cell_id);
		}
		free(text);
	}
}

/* RFC 7315 §5.7 / TS 24.229 §7.2A.4: every access-class is known, not
 * reported as unknown to TS 24.229. */
static void test_pani_access_classes_are_known(void)
{
	static const char *const classes[] = { "3GPP-GERAN", "3GPP-UTRAN", "3GPP-E-UTRAN",
		"3GPP-WLAN", "3GPP-GAN", "3GPP-HSPA", "3GPP2" };
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
		struct ims_pani pani;
		struct sip_parse_error err = { 0 };
		CHECK_INT_EQ(ims_pani_decode(&pani, slice_cstr(classes[i]), &err), 0);
		CHECK(pani.access_name != NULL);
		if (pani.access_name && strstr(pani.access_name, "not known")) {
			fprintf(stderr, "%s: %s\n", classes[i], pani.access_name);
			CHECK(0);
		}
	}
}

/* Cellular-Network-Info (TS 24.229 §7.2.15): the cell a UE on Wi-Fi last
 * used, read as one access-net-spec with cell-info-age; a second spec
 * after ',' is refused; which access types are cellular radios. */
static void test_cni_decode_cell_age_and_one_spec(void)
{
	static const struct {
		const char *in;
		int rc;
		int err_at;
		bool cellular, cell_ok, age_ok;
		const char *age;       /* as written, NULL when absent */
		uint32_t age_s;
		const char *mcc, *mnc;
		uint64_t cell_id;
	} rows[] = {
		{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=31041000a1b2c3d4e;cell-info-age=1320", 0, -1,
		  true, true, true, "1320", 1320, "310", "410", 0xb2c3d4e },
		{ "3GPP-NR-TDD; utran-cell-id-3gpp=00101000001123456789 ;cell-info-age=0", 0, -1,
		  true, true, true, "0", 0, "001", "01", 0x123456789ull },
		/* no age; a 2-digit MNC */
		{ "3GPP-E-UTRAN-TDD;utran-cell-id-3gpp=2341011ABD9B71F", 0, -1, true, false, false,
		  NULL, 0, "", "", 0 },
		{ "3GPP-E-UTRAN-TDD;utran-cell-id-3gpp=2341011ABD9B71FD", 0, -1, true, true, false,
		  NULL, 0, "234", "10", 0xD9B71FDu },
		/* an age that is no number, one over 2^32-1 (saturated) */
		{ "3GPP-UTRAN-FDD;utran-cell-id-3gpp=2620112340abcdef;cell-info-age=12s", 0, -1,
		  true, true, false, "12s", 0, "262", "01", 0xabcdefu },
		{ "3GPP-GERAN;cgi-3gpp=26201123412AB;cell-info-age=99999999999", 0, -1,
		  true, true, true, "99999999999", UINT32_MAX, "262", "01", 0x12ABu },
		{ "3GPP-E-UTRAN-FDD;cell-info-age=\"30\"", 0, -1, true, false, false, "30", 0,
		  "", "", 0 },
		/* no cellular radio: a WLAN type, an access class */
		{ "IEEE-802.11;i-wlan-node-id=001122334455", 0, -1, false, false, false, NULL, 0,
		  "", "", 0 },
		{ "3GPP-E-UTRAN;utran-cell-id-3gpp=3104100a1b2c3d4e", 0, -1, false, false, false,
		  NULL, 0, "", "", 0 },
		{ "3GPP2-1X-HRPD;ci-3gpp2=1234", 0, -1, true, false, false, NULL, 0, "", "", 0 },
		/* one access type only; the syntax of PANI */
		{ "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=31041000a1b2c3d4e, 3GPP-NR-FDD", -EBADMSG, 53,
		  true, true, false, NULL, 0, "310", "410", 0xb2c3d4e },
		{ ";cell-info-age=3", -EBADMSG, 0, false, false, false, NULL, 0, "", "", 0 },
		/* the last cell-info-age is the one read (found by fuzz_ims_hdr: the
		 * first one's seconds stayed beside the second's verdict) */
		{ "3GPP-NR-FDD;cell-info-age=99999999999;cell-info-age=9.5", 0, -1, true, false, false,
		  "9.5", 0, "", "", 0 },
		{ "3GPP-NR-FDD;cell-info-age=x;cell-info-age=7", 0, -1, true, false, true, "7", 7,
		  "", "", 0 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct ims_pani cni;
		struct sip_parse_error err = { 0 };
		struct slice in = slice_cstr(rows[i].in);
		int rc = ims_cni_decode(&cni, in, &err);
		CHECK_INT_EQ(rc, rows[i].rc);
		if (rc < 0) {
			CHECK_INT_EQ((int)(err.at - in.ptr), rows[i].err_at);
			CHECK_INT_EQ(err.hdr, SIP_HDR_OTHER);
			CHECK(err.reason != NULL);
			continue;
		}
		CHECK_INT_EQ(cni.cellular, rows[i].cellular);
		CHECK_INT_EQ(cni.cell_ok, rows[i].cell_ok);
		CHECK_INT_EQ(cni.cell_info_age_ok, rows[i].age_ok);
		if (rows[i].age)
			CHECK_SLICE_EQ(cni.cell_info_age, rows[i].age);
		else
			CHECK(cni.cell_info_age.ptr == NULL);
		CHECK_INT_EQ(cni.cell_info_age_s, rows[i].age_s);
		if (rows[i].cell_ok) {
			CHECK_STR_EQ(cni.mcc, rows[i].mcc);
			CHECK_STR_EQ(cni.mnc, rows[i].mnc);
			CHECK_INT_EQ(cni.cell_id, rows[i].cell_id);
		}
	}
}

/* What a P-CSCF adds for a UE behind an ePDG (TS 24.229 §7.2A.4): kept,
 * quotes removed, any case of the names; absent ones stay SLICE_NULL. */
static void test_pani_epdg_parameters_of_the_network(void)
{
	struct ims_pani pani;
	struct sip_parse_error err = { 0 };
	CHECK_INT_EQ(ims_pani_decode(&pani, slice_cstr("IEEE-802.11;i-wlan-node-id=a0b1c2d3e4f5;"
						       "network-provided;ue-local-ip-address=\"192.0.2.10\";"
						       "UDP-source-port=4500;ePDG-IP-address=\"[2001:db8::e]\""),
				     &err), 0);
	CHECK(pani.network_provided);
	CHECK_SLICE_EQ(pani.ue_local_ip, "192.0.2.10");
	CHECK_SLICE_EQ(pani.udp_source_port, "4500");
	CHECK_SLICE_EQ(pani.epdg_ip, "[2001:db8::e]");
	CHECK(pani.tcp_source_port.ptr == NULL);
	CHECK_INT_EQ(ims_pani_decode(&pani, slice_cstr("IEEE-802.11;TCP-source-port=443"), &err), 0);
	CHECK_SLICE_EQ(pani.tcp_source_port, "443");
	CHECK(pani.ue_local_ip.ptr == NULL && pani.udp_source_port.ptr == NULL && pani.epdg_ip.ptr == NULL);
}

int main(void)
{
	test_pani_access_classes_are_known();
	test_pani_decode_table();
	test_pani_params_network_provided_time_zone_and_next();
	test_pani_wlan_node_id_is_the_ap_mac_address();
	test_pani_every_truncation_stays_in_bounds();
	test_pani_of_the_seed_fixtures();
	test_cni_decode_cell_age_and_one_spec();
	test_pani_epdg_parameters_of_the_network();
	return check_done();
}
