/* pani.c: P-Access-Network-Info (RFC 7315 §5.7; TS 24.229 §7.2A.4, cell ids §7.2A.4.3). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/ims.h>
#include <imsreg/scan.h>

enum cell_kind {
	CELL_NONE = 0,
	CELL_GERAN,   /* cgi-3gpp: MCC MNC LAC(4 hex) CI(4 hex) */
	CELL_UTRAN,   /* utran-cell-id-3gpp: MCC MNC LAC(4 hex) UC-Id(7 hex) */
	CELL_EUTRAN,  /* utran-cell-id-3gpp: MCC MNC TAC(4|6 hex) ECI(7 hex) */
	CELL_NR,      /* utran-cell-id-3gpp: MCC MNC TAC(6 hex) NCI(9 hex) */
};

struct access_info {
	const char *name;
	enum ims_access access;
	enum cell_kind cell;
	const char *plain;
};

/* Access types and classes of RFC 7315 §5.7 and TS 24.229 §7.2A.4.2;
 * IEEE-802.11* and 3GPP2-* are matched by prefix below. */
static const struct access_info access_table[] = {
	{ "3GPP-E-UTRAN-FDD", IMS_ACCESS_EUTRAN_FDD, CELL_EUTRAN, "LTE radio (E-UTRAN, FDD)" },
	{ "3GPP-E-UTRAN-TDD", IMS_ACCESS_EUTRAN_TDD, CELL_EUTRAN, "LTE radio (E-UTRAN, TDD)" },
	{ "3GPP-E-UTRAN-ProSe-UNR", IMS_ACCESS_OTHER, CELL_EUTRAN,
	  "LTE through a ProSe UE-to-network relay" },
	{ "3GPP-NR-FDD", IMS_ACCESS_NR_FDD, CELL_NR, "5G NR radio (FDD)" },
	{ "3GPP-NR-TDD", IMS_ACCESS_NR_TDD, CELL_NR, "5G NR radio (TDD)" },
	{ "3GPP-NR-U-FDD", IMS_ACCESS_NR_U, CELL_NR, "5G NR in unlicensed spectrum (FDD)" },
	{ "3GPP-NR-U-TDD", IMS_ACCESS_NR_U, CELL_NR, "5G NR in unlicensed spectrum (TDD)" },
	{ "3GPP-UTRAN-FDD", IMS_ACCESS_UTRAN_FDD, CELL_UTRAN, "3G UMTS radio (UTRAN, FDD)" },
	{ "3GPP-UTRAN-TDD", IMS_ACCESS_UTRAN_TDD, CELL_UTRAN, "3G radio (UTRAN, TDD)" },
	{ "3GPP-GERAN", IMS_ACCESS_GERAN, CELL_GERAN, "2G GSM/EDGE radio (GERAN)" },
	/* access-class = "3GPP-GERAN" / "3GPP-UTRAN" / "3GPP-E-UTRAN" / "3GPP-WLAN" /
	 * "3GPP-GAN" / "3GPP-HSPA" / "3GPP2" / ... (3GPP-GERAN is also a type, above) */
	{ "3GPP-UTRAN", IMS_ACCESS_OTHER, CELL_NONE, "3G UMTS radio (UTRAN, access class)" },
	{ "3GPP-E-UTRAN", IMS_ACCESS_OTHER, CELL_NONE, "LTE radio (E-UTRAN, access class)" },
	{ "3GPP-WLAN", IMS_ACCESS_WLAN, CELL_NONE, "WLAN (access class)" },
	{ "3GPP-GAN", IMS_ACCESS_OTHER, CELL_NONE,
	  "Generic Access Network (GSM/UMTS over IP, UMA; access class)" },
	{ "3GPP-HSPA", IMS_ACCESS_OTHER, CELL_NONE, "3G HSPA radio (access class)" },
	{ "3GPP2", IMS_ACCESS_OTHER, CELL_NONE, "CDMA2000 radio (3GPP2, access class)" },
	{ "3GPP-NR", IMS_ACCESS_OTHER, CELL_NONE, "5G NR (access class)" },
	{ "3GPP-NR-U", IMS_ACCESS_NR_U, CELL_NONE, "5G NR unlicensed (access class)" },
	{ "untrusted-non-3GPP-VIRTUAL-EPC", IMS_ACCESS_NON_3GPP, CELL_NONE,
	  "untrusted non-3GPP access through an ePDG (e.g. Wi-Fi calling)" },
	{ "VIRTUAL-no-PS", IMS_ACCESS_NON_3GPP, CELL_NONE, "no packet-switched access known" },
	{ "WLAN-no-PS", IMS_ACCESS_NON_3GPP, CELL_NONE, "WLAN without packet-switched access" },
	{ "ADSL", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (ADSL)" },
	{ "ADSL2", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (ADSL2)" },
	{ "ADSL2+", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (ADSL2+)" },
	{ "RADSL", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (RADSL)" },
	{ "SDSL", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (SDSL)" },
	{ "HDSL", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (HDSL)" },
	{ "HDSL2", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (HDSL2)" },
	{ "G.SHDSL", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (G.SHDSL)" },
	{ "VDSL", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (VDSL)" },
	{ "IDSL", IMS_ACCESS_OTHER, CELL_NONE, "fixed line (IDSL)" },
	{ "DOCSIS", IMS_ACCESS_OTHER, CELL_NONE, "cable (DOCSIS)" },
	{ "GPON", IMS_ACCESS_OTHER, CELL_NONE, "fibre (GPON)" },
	{ "XGPON1", IMS_ACCESS_OTHER, CELL_NONE, "fibre (XG-PON1)" },
	{ "GSTN", IMS_ACCESS_OTHER, CELL_NONE, "the fixed telephone network (GSTN)" },
	{ "DVB-RCS2", IMS_ACCESS_OTHER, CELL_NONE, "satellite (DVB-RCS2)" },
};

static const struct access_info *access_lookup(struct slice name)
{
	for (size_t i = 0; i < sizeof access_table / sizeof access_table[0]; i++)
		if (slice_caseeq_cstr(name, access_table[i].name))
			return &access_table[i];
	return NULL;
}

/* The value of n hex digits (checked by the caller). */
static uint64_t hex_u64(const char *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		unsigned d = c <= '9' ? (unsigned)(c - '0') : (unsigned)((c | 0x20) - 'a' + 10);
		v = v << 4 | d;
	}
	return v;
}

struct cell_layout {
	const char *what;        /* for the messages: "E-UTRAN utran-cell-id-3gpp" */
	const char *param;       /* the parameter that carries it */
	size_t tac_len, cell_len;
	const char *tac_name, *cell_name, *node_name;
};

static const struct cell_layout layouts[] = {
	[CELL_GERAN] = { "GERAN cgi-3gpp", "cgi-3gpp", 4, 4, "LAC", "CI", NULL },
	[CELL_UTRAN] = { "UTRAN utran-cell-id-3gpp", "utran-cell-id-3gpp", 4, 7, "LAC", "UC-Id",
			 "RNC" },
	[CELL_EUTRAN] = { "E-UTRAN utran-cell-id-3gpp", "utran-cell-id-3gpp", 4, 7, "TAC", "ECI",
			  "eNB" },
	[CELL_NR] = { "NR utran-cell-id-3gpp", "utran-cell-id-3gpp", 6, 9, "5GS TAC", "NCI", "gNB" },
};

/* A byte shown in a message: itself when printable, else its hex code. */
static const char *show_byte(char buf[8], char c)
{
	unsigned char u = (unsigned char)c;
	if (u > 0x20 && u < 0x7f)
		snprintf(buf, 8, "'%c'", c);
	else
		snprintf(buf, 8, "0x%02x", u);
	return buf;
}

static void cell_fail(struct ims_pani *pani, const char *problem)
{
	pani->cell_ok = false;
	pani->cell_problem = problem;
}

/* Splits the cell id by the layout of its access type, the MNC length
 * chosen by the total length (TS 24.229 §7.2A.4.3). */
static void cell_decode(struct ims_pani *pani, enum cell_kind kind)
{
	const struct cell_layout *l = &layouts[kind];
	struct slice v = pani->cell_value;
	size_t base = 3 + 2 + l->tac_len + l->cell_len;
	size_t mnc_len = 0, tac_len = l->tac_len;
	pani->expected_len = base;
	pani->expected_len_mnc3 = base + 1;
	pani->cell_len = v.len;
	pani->tac_name = l->tac_name;
	pani->cell_name = l->cell_name;
	pani->node_name = l->node_name;

	if (v.len == base || v.len == base + 1) {
		mnc_len = v.len - base + 2;
	} else if (kind == CELL_EUTRAN && (v.len == base + 2 || v.len == base + 3)) {
		/* E-UTRA connected to 5GC: the TAC is the 24-bit 5GS TAC (TS 23.003) */
		tac_len = 6;
		mnc_len = v.len - base;
		pani->expected_len = base + 2;
		pani->expected_len_mnc3 = base + 3;
		pani->tac_5gs = true;
		pani->tac_name = "5GS TAC";
	} else {
		if (kind == CELL_EUTRAN)
			snprintf(pani->cell_problem_text, sizeof pani->cell_problem_text,
				 "%zu characters: %s has %zu (2-digit MNC) or %zu (3-digit MNC); "
				 "%zu or %zu with a 5GS TAC",
				 v.len, l->what, base, base + 1, base + 2, base + 3);
		else
			snprintf(pani->cell_problem_text, sizeof pani->cell_problem_text,
				 "%zu characters: %s has %zu (2-digit MNC) or %zu (3-digit MNC)",
				 v.len, l->what, base, base + 1);
		cell_fail(pani, "cell id length fits no MNC length: MCC (3 digits) + MNC (2 or 3) "
				"+ TAC/LAC + cell identity in hex (TS 24.229 §7.2A.4.3)");
		return;
	}
	if (mnc_len == 3)
		pani->expected_len = pani->expected_len_mnc3;

	for (size_t i = 0; i < 3 + mnc_len; i++) {
		if (!scan_is((unsigned char)v.ptr[i], SCAN_DIGIT)) {
			char b[8];
			snprintf(pani->cell_problem_text, sizeof pani->cell_problem_text,
				 "%s at character %zu is not a decimal digit (in the %s)",
				 show_byte(b, v.ptr[i]), i + 1, i < 3 ? "MCC" : "MNC");
			cell_fail(pani, "MCC and MNC must be decimal digits (TS 24.229 §7.2A.4.3)");
			return;
		}
	}
	memcpy(pani->mcc, v.ptr, 3);
	pani->mcc[3] = '\0';
	memcpy(pani->mnc, v.ptr + 3, mnc_len);
	pani->mnc[mnc_len] = '\0';

	const char *tac = v.ptr + 3 + mnc_len, *cell = tac + tac_len;
	for (size_t i = 0; i < tac_len + l->cell_len; i++) {
		if (!scan_is((unsigned char)tac[i], SCAN_HEX)) {
			bool in_tac = i < tac_len;
			char b[8];
			snprintf(pani->cell_problem_text, sizeof pani->cell_problem_text,
				 "%s at character %zu is not a hex digit (in the %s)",
				 show_byte(b, tac[i]), 3 + mnc_len + i + 1,
				 in_tac ? pani->tac_name : l->cell_name);
			cell_fail(pani, "TAC/LAC and cell identity must be hex digits (TS 24.229 "
					"§7.2A.4.3)");
			return;
		}
	}
	pani->tac = (uint32_t)hex_u64(tac, tac_len);
	pani->cell_id = hex_u64(cell, l->cell_len);
	switch (kind) {
	case CELL_EUTRAN:
		/* ECI = eNB id (20 bits) || cell id (8 bits), TS 36.413 §9.2.1.38 */
		pani->enb_or_gnb_id = (uint32_t)(pani->cell_id >> 8);
		pani->local_cell = (uint32_t)(pani->cell_id & 0xff);
		break;
	case CELL_NR:
		/* NCI = gNB id (22-32 bits) || cell (14-4 bits); the gNB id
		 * length is not in the message: 24 bits assumed */
		pani->enb_or_gnb_id = (uint32_t)(pani->cell_id >> 12);
		pani->local_cell = (uint32_t)(pani->cell_id & 0xfff);
		break;
	case CELL_UTRAN:
		/* UC-Id = RNC id (12 bits) || C-Id (16 bits), TS 25.401 */
		pani->enb_or_gnb_id = (uint32_t)(pani->cell_id >> 16);
		pani->local_cell = (uint32_t)(pani->cell_id & 0xffff);
		break;
	default:
		pani->local_cell = (uint32_t)pani->cell_id;
		break;
	}
	pani->cell_ok = true;
}

/* sip_value_fail, with the header set to P-Access-Network-Info (as before
 * for Cellular-Network-Info too, read with the same grammar). */
static int fail(struct sip_parse_error *err, const char *at, const char *reason)
{
	int rc = sip_value_fail(err, at, reason);
	if (err)
		err->hdr = SIP_HDR_P_ACCESS_NETWORK_INFO;
	return rc;
}

/* A parameter value: token, quoted-string, or an IPv6 reference; ':' is
 * tolerated inside an unquoted value (MAC addresses in i-wlan-node-id). */
static int value_scan(struct scan *sc, struct slice *out, bool *quoted)
{
	*quoted = false;
	if (scan_peek(sc) == '"') {
		*quoted = true;
		return scan_quoted(sc, out);
	}
	const char *s = sc->p;
	if (scan_peek(sc) == '[') {
		const char *close = memchr(sc->p, ']', (size_t)(sc->end - sc->p));
		if (!close)
			return -EBADMSG;
		sc->p = close + 1;
		*out = slice_span(s, sc->p);
		return 0;
	}
	while (sc->p < sc->end && (scan_is((unsigned char)*sc->p, SCAN_TOKEN) || *sc->p == ':'))
		sc->p++;
	if (sc->p == s)
		return -EBADMSG;
	*out = slice_span(s, sc->p);
	return 0;
}

/* i-wlan-node-id on IEEE-802.11* access: the AP's MAC address (BSSID) as
 * 12 hex digits, or as six 2-digit octets split by one separator (':' or
 * '-', the same each time), as UEs write it. */
static void wlan_node_decode(struct ims_pani *pani)
{
	struct slice v = pani->cell_value;
	char sep = v.len == 17 ? v.ptr[2] : '\0';
	if (v.len != 12 && !(v.len == 17 && (sep == ':' || sep == '-'))) {
		pani->wlan_node_problem = "not a MAC address: 12 hex digits, or six octets split by "
					  "':' or '-', expected";
		return;
	}
	size_t step = v.len == 12 ? 2 : 3;
	uint8_t ones = 0xff, any = 0;
	char *out = pani->wlan_node_mac;
	for (size_t i = 0; i < 6; i++) {
		const char *o = v.ptr + i * step;
		if (!scan_is((unsigned char)o[0], SCAN_HEX) || !scan_is((unsigned char)o[1], SCAN_HEX) ||
		    (step == 3 && i < 5 && o[2] != sep)) {
			pani->wlan_node_problem = "not a MAC address: 12 hex digits, or six octets "
						  "split by ':' or '-', expected";
			pani->wlan_node_mac[0] = '\0';
			return;
		}
		uint8_t b = (uint8_t)hex_u64(o, 2);
		ones &= b;
		any |= b;
		*out++ = (char)(o[0] | 0x20);
		*out++ = (char)(o[1] | 0x20);
		*out++ = i < 5 ? ':' : '\0';
	}
	pani->wlan_node_ok = true;
	pani->wlan_node_placeholder = ones == 0xff || any == 0;
}

/* cell-info-age: seconds as decimal digits (a value written quoted is
 * kept, not read). A later cell-info-age replaces an earlier one whole. */
static void age_decode(struct ims_pani *pani, struct slice v, bool quoted)
{
	pani->cell_info_age = v;
	pani->cell_info_age_ok = false;
	pani->cell_info_age_s = 0;
	uint32_t n;
	int rc = quoted || !v.ptr ? -EINVAL : slice_u32(v, &n);
	if (rc == -EINVAL)
		return;
	pani->cell_info_age_ok = true;
	pani->cell_info_age_s = rc == -ERANGE ? UINT32_MAX : n; /* saturated */
}

int ims_pani_decode(struct ims_pani *pani, struct slice value, struct sip_parse_error *err)
{
	int rc = 0;
	struct scan sc;
	memset(pani, 0, sizeof *pani);
	if (!value.ptr)
		value = slice_make("", 0);
	scan_init(&sc, value);
	scan_lws(&sc);

	/* access-type / access-class */
	if (scan_peek(&sc) == '"') {
		pani->access_quoted = true;
		if (scan_quoted(&sc, &pani->access_type) < 0) {
			rc = fail(err, sc.p, "unterminated quoted access type");
			goto out;
		}
	} else if (scan_token(&sc, &pani->access_type) < 0) {
		rc = fail(err, sc.p, "expected an access type (3GPP-E-UTRAN-FDD, IEEE-802.11, ...)");
		goto out;
	}
	const struct access_info *ai = access_lookup(pani->access_type);
	enum cell_kind kind = CELL_NONE;
	if (ai) {
		pani->access = ai->access;
		pani->access_name = ai->plain;
		kind = ai->cell;
		pani->cellular = kind != CELL_NONE;
	} else if (slice_startswith_case(pani->access_type, "IEEE-802.11")) {
		pani->access = IMS_ACCESS_WLAN;
		pani->access_name = "Wi-Fi (IEEE 802.11 WLAN)";
	} else if (slice_startswith_case(pani->access_type, "IEEE-802.3")) {
		pani->access_name = "Ethernet (IEEE 802.3)";
	} else if (slice_startswith_case(pani->access_type, "3GPP2-")) {
		pani->access_name = "CDMA2000 radio (3GPP2)";
		pani->cellular = true;
	} else {
		pani->access_name = "access type not known to TS 24.229";
	}

	/* *(SEMI access-info) */
	const char *params_start = NULL;
	struct slice unknown = SLICE_NULL; /* the first parameter with a value it does not know */
	for (;;) {
		scan_lws(&sc);
		if (scan_eof(&sc))
			break;
		if (scan_peek(&sc) == ',') {
			const char *comma = sc.p++;
			scan_lws(&sc);
			if (scan_eof(&sc)) {
				rc = fail(err, comma, "',' with no access-net-spec after it");
				goto out;
			}
			pani->next = scan_rest(&sc);
			break;
		}
		if (!scan_accept(&sc, ';')) {
			rc = fail(err, sc.p, "expected ';' before a parameter or ',' between "
					     "access-net-specs");
			goto out;
		}
		scan_lws(&sc);
		if (!params_start)
			params_start = sc.p;
		struct slice name, val = SLICE_NULL;
		bool quoted = false;
		if (scan_token(&sc, &name) < 0) {
			rc = fail(err, sc.p, "expected a parameter name after ';'");
			goto out;
		}
		const char *after_name = sc.p;
		scan_lws(&sc);
		if (scan_accept(&sc, '=')) {
			scan_lws(&sc);
			if (value_scan(&sc, &val, &quoted) < 0) {
				rc = fail(err, sc.p, "expected a token or quoted-string after '='");
				goto out;
			}
		} else {
			sc.p = after_name;
		}
		pani->params = slice_span(params_start, sc.p);

		if (slice_caseeq_cstr(name, "network-provided")) {
			pani->network_provided = true;
		} else if (slice_caseeq_cstr(name, "local-time-zone")) {
			pani->local_time_zone = val;
		} else if (slice_caseeq_cstr(name, "daylight-saving-time")) {
			pani->daylight_saving_time = val;
		} else if (slice_caseeq_cstr(name, "UE-local-IP-address")) {
			pani->ue_local_ip = val;
		} else if (slice_caseeq_cstr(name, "UDP-source-port")) {
			pani->udp_source_port = val;
		} else if (slice_caseeq_cstr(name, "TCP-source-port")) {
			pani->tcp_source_port = val;
		} else if (slice_caseeq_cstr(name, "ePDG-IP-address")) {
			pani->epdg_ip = val;
		} else if (slice_caseeq_cstr(name, "cell-info-age")) {
			age_decode(pani, val, quoted);
		} else if (slice_caseeq_cstr(name, "utran-cell-id-3gpp") ||
			   slice_caseeq_cstr(name, "cgi-3gpp") ||
			   slice_caseeq_cstr(name, "utran-sai-3gpp") ||
			   slice_caseeq_cstr(name, "i-wlan-node-id") ||
			   slice_caseeq_cstr(name, "ci-3gpp2") ||
			   slice_caseeq_cstr(name, "ci-3gpp2-femto") ||
			   slice_caseeq_cstr(name, "dsl-location") ||
			   slice_caseeq_cstr(name, "eth-location") ||
			   slice_caseeq_cstr(name, "fiber-location") ||
			   slice_caseeq_cstr(name, "gstn-location") ||
			   slice_caseeq_cstr(name, "operator-specific-GI") ||
			   slice_caseeq_cstr(name, "dvb-rcs2-node-id")) {
			if (!val.ptr) {
				rc = fail(err, after_name, "location parameter without a value");
				goto out;
			}
			/* the first location parameter is the one decoded */
			if (!pani->cell_param.ptr) {
				pani->cell_param = name;
				pani->cell_value = val;
			}
		} else if (val.ptr && !unknown.ptr) {
			unknown = name;
		}
	}

	if (pani->access == IMS_ACCESS_WLAN && slice_caseeq_cstr(pani->cell_param, "i-wlan-node-id"))
		wlan_node_decode(pani);

	/* the cell id, by access type */
	if (kind == CELL_NONE)
		goto out;
	const struct cell_layout *l = &layouts[kind];
	if (!pani->cell_param.ptr) {
		cell_fail(pani, "no cell identity parameter for a 3GPP radio access (TS 24.229 "
				"§7.2A.4.3: the UE includes it when lower layers give it)");
		/* a cell id under a name of its own (nrcgi=, ecgi=): said, as
		 * the reason the cell is missing */
		if (unknown.ptr)
			snprintf(pani->cell_problem_text, sizeof pani->cell_problem_text,
				 "no %s parameter (%.*s= is no location parameter of TS 24.229 "
				 "§7.2A.4: the cell goes in %s)", l->param,
				 (int)(unknown.len > 40 ? 40 : unknown.len), unknown.ptr, l->param);
		else
			snprintf(pani->cell_problem_text, sizeof pani->cell_problem_text,
				 "no %s parameter", l->param);
		goto out;
	}
	if (!slice_caseeq_cstr(pani->cell_param, l->param)) {
		cell_fail(pani, "cell identity parameter does not match the access type (TS 24.229 "
				"§7.2A.4.3)");
		snprintf(pani->cell_problem_text, sizeof pani->cell_problem_text,
			 "%.*s given, %.*s access uses %s", SLICE_ARG(pani->cell_param),
			 SLICE_ARG(pani->access_type), l->param);
		goto out;
	}
	cell_decode(pani, kind);
out:
	if (rc == 0 && pani->cell_problem && !pani->cell_problem_text[0])
		snprintf(pani->cell_problem_text, sizeof pani->cell_problem_text, "%s",
			 pani->cell_problem);
	return rc;
}

int ims_cni_decode(struct ims_pani *cni, struct slice value, struct sip_parse_error *err)
{
	int rc = ims_pani_decode(cni, value, err);
	if (rc == 0 && cni->next.ptr) {
		/* the ',' before the rest: the last one before cni->next */
		const char *comma = cni->next.ptr;
		while (comma > value.ptr && *comma != ',')
			comma--;
		rc = fail(err, comma, "Cellular-Network-Info carries one access type: no ',' list "
				      "(TS 24.229 §7.2.15)");
	}
	if (rc < 0 && err)
		err->hdr = SIP_HDR_OTHER;
	return rc;
}

bool ims_cni_hdr(const struct sip_hdr *h)
{
	return h->id == SIP_HDR_OTHER && slice_caseeq_cstr(h->name, IMS_CNI_NAME);
}

const struct sip_hdr *ims_cni_next(const struct sip_msg *m, const struct sip_hdr *prev)
{
	return sip_hdr_next_named(m, prev, IMS_CNI_NAME);
}
