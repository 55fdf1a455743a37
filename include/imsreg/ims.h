/* ims.h: what the bytes of a REGISTER mean in IMS: feature tags, instance
 * ids, access network info, the AKA nonce, identities, the rule book and
 * the explanation catalogue. Pure: no I/O, no allocation, no globals. */
#ifndef IMSREG_IMS_H
#define IMSREG_IMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <imsreg/packet.h>
#include <imsreg/sip.h>
#include <imsreg/slice.h>

/* ---- feature tags (RFC 3840, RFC 5626, TS 24.229 §7.9, IR.92) ---------- */

enum ims_tag_kind {
	IMS_TAG_OTHER = 0,      /* a parameter that is not a feature tag */
	IMS_TAG_ICSI,           /* +g.3gpp.icsi-ref */
	IMS_TAG_IARI,           /* +g.3gpp.iari-ref */
	IMS_TAG_SMSIP,          /* +g.3gpp.smsip (TS 24.341) */
	IMS_TAG_SMSIP_WRONG,    /* +g.3gpp.csi.smsip and other misspellings */
	IMS_TAG_MEDIA,          /* audio, video, text, data, application, ... (RFC 3840) */
	IMS_TAG_RCS_TELEPHONY,  /* +g.gsma.rcs.telephony */
	IMS_TAG_INSTANCE,       /* +sip.instance (RFC 5626) */
	IMS_TAG_REG_ID,         /* reg-id (RFC 5626) */
	IMS_TAG_GENERIC,        /* another '+' feature tag, or a RFC 3840 base tag */
	IMS_TAG_CONTACT_PARAM,  /* expires, q (RFC 3261); pub-gruu, temp-gruu (RFC 5627) */
};

struct ims_service {
	const char *urn;        /* "urn:urn-7:3gpp-service.ims.icsi.mmtel" */
	const char *name;       /* "MMTel (IMS multimedia telephony: VoLTE/VoNR voice)" */
	const char *ref;        /* "3GPP TS 24.173" */
};

struct ims_feature_tag {
	enum ims_tag_kind kind;
	struct slice name;
	struct slice value;              /* as written (quotes removed) */
	const char *meaning;             /* plain words, static */
	const char *ref;                 /* spec and section, static */
	/* ICSI/IARI: the services listed (value is a comma list of URNs,
	 * %-escaped inside a Contact): up to 8, unknown ones NULL. */
	unsigned nservices;
	struct ims_service services[8];
	struct slice service_urns[8];    /* as written, still escaped */
	/* added by helper ims */
	const char *note;                /* static text: what is odd about this parameter, or NULL */
	const char *value_meaning;       /* static text: what the value says (rcs telephony ...), or NULL */
	unsigned nunknown;               /* ICSI/IARI URNs not in the service table */
	bool more_services;              /* more than 8 URNs were listed */
	/* a Feature-Caps indicator whose value is a URI ("<sip:...>"): the URI
	 * between '<' and '>', else SLICE_NULL */
	struct slice uri;
	bool known;                      /* in imsreg's table of tags or indicators */
};

/* Explains one Contact parameter (name, value as sip_param_next gives it):
 * 0 always (an oddity of the value is reported in t->note, not as an
 * error). The slices point where p's do. */
int ims_feature_tag_describe(struct ims_feature_tag *t, const struct sip_param *p);
/* Known IMS communication services (ICSI) and applications (IARI) by URN
 * (unescaped, case-insensitive): NULL if unknown. */
const struct ims_service *ims_service_lookup(struct slice urn);
/* %HH unescaping into out (cap bytes): length, or -EMSGSIZE / -EBADMSG
 * ('%' not followed by two hex digits). out is not NUL-terminated. */
int ims_unescape(char *out, size_t cap, struct slice in);

/* ---- Feature-Caps (RFC 6809): what the proxies in the path support ------ */

/* The field has no id of the codec's and no compact form: it is known by
 * its name. Feature-capability indicators are to a proxy or registrar what
 * Contact feature tags are to a UE (RFC 6809 §4). */
#define IMS_FCAPS_NAME "Feature-Caps"
bool ims_fcaps_hdr(const struct sip_hdr *h);
/* The next Feature-Caps field of m after prev (NULL: the first), or NULL. */
const struct sip_hdr *ims_fcaps_next(const struct sip_msg *m, const struct sip_hdr *prev);

/* The indicators of one field value (RFC 6809 §6.3):
 *   Feature-Caps = "Feature-Caps" HCOLON fc-value *(COMMA fc-value)
 *   fc-value     = "*" *(SEMI feature-cap)
 *   feature-cap  = "+" fcap-name [EQUAL LDQUOT (fcap-value-list / fcap-string-value) RDQUOT]
 *   fcap-name    = ftag-name = ALPHA *( ALPHA / DIGIT / "!" / "'" / "." / "-" / "%" ) */
struct ims_fcaps_it {
	struct sip_list list;
	const char *start;          /* the value's first byte */
	struct sip_param_it params; /* the rest of the current fc-value */
	bool in_value;              /* params is live */
	unsigned element;           /* fc-values begun */
};
void ims_fcaps_init(struct ims_fcaps_it *it, struct slice value);
/* The next indicator: p->name with its '+', p->value between the quotes
 * (SLICE_NULL for one without a value), *element the fc-value it is in
 * (from 0). 1, 0 at the end, or -EBADMSG with err->at and err->reason: no
 * value at all, an fc-value not "*" first, an indicator without its '+' or
 * whose name is no ftag-name, a value not in quotes. An fc-value of "*"
 * alone gives no indicator. */
int ims_fcaps_next_cap(struct ims_fcaps_it *it, struct sip_param *p, unsigned *element,
		       struct sip_parse_error *err);
/* Explains one indicator (TS 24.229 §7.9A, TS 24.237 Annex C, TS 24.337):
 * t->kind is IMS_TAG_ICSI for g.3gpp.icsi-ref (t->services as in a
 * Contact), else IMS_TAG_GENERIC; t->known whether imsreg's table has it;
 * t->uri the URI of an indicator whose value is one; t->note what is wrong
 * with its value (a value on an indicator that takes none, a URI not in
 * '<' '>', ...). 0 always. */
int ims_fcap_describe(struct ims_feature_tag *t, const struct sip_param *p);

/* ---- +sip.instance (RFC 5626 §4.1, RFC 7254 IMEI URN, RFC 4122 UUID) --- */

enum ims_instance_kind {
	IMS_INSTANCE_OTHER = 0,
	IMS_INSTANCE_IMEI,      /* urn:gsma:imei:TTTTTTTT-SSSSSS-C */
	IMS_INSTANCE_IMEISV,    /* urn:gsma:imei:...;svn=NN  */
	IMS_INSTANCE_UUID,      /* urn:uuid:... */
};

struct ims_instance {
	enum ims_instance_kind kind;
	struct slice urn;           /* without the "<>" and quotes */
	/* IMEI / IMEISV */
	char tac[9];                /* 8 digits */
	char snr[7];                /* 6 digits */
	char spare;                 /* digit as written after the SNR ('0' expected, RFC 7254) */
	char check;                 /* Luhn check digit computed over TAC+SNR */
	char svn[3];                /* IMEISV software version, "" when absent */
	bool spare_is_zero;
	/* UUID */
	unsigned uuid_version;
	bool well_formed;
	const char *problem;        /* static text when not well formed */
	bool angled;                /* the URN was written inside '<' '>' (RFC 5626 §4.1
				     * wants it so in +sip.instance) */
};
/* Decodes the parameter value (with or without quotes and <>): 0, or
 * -EBADMSG with problem set (then the fields are partly filled). */
int ims_instance_decode(struct ims_instance *inst, struct slice value);
/* Luhn check digit over a string of digits (TS 23.003 Annex B). */
char ims_luhn_digit(const char *digits, size_t n);

/* ---- P-Access-Network-Info (RFC 7315 §5.7, TS 24.229 §7.2A.4) ---------- */

enum ims_access {
	IMS_ACCESS_OTHER = 0,
	IMS_ACCESS_EUTRAN_FDD,   /* 3GPP-E-UTRAN-FDD */
	IMS_ACCESS_EUTRAN_TDD,
	IMS_ACCESS_NR_FDD,       /* 3GPP-NR-FDD */
	IMS_ACCESS_NR_TDD,
	IMS_ACCESS_UTRAN_FDD,
	IMS_ACCESS_UTRAN_TDD,
	IMS_ACCESS_GERAN,
	IMS_ACCESS_WLAN,         /* IEEE-802.11* */
	IMS_ACCESS_NR_U,
	IMS_ACCESS_EUTRAN_U,
	IMS_ACCESS_NON_3GPP,     /* untrusted / other */
};

struct ims_pani {
	struct slice access_type;      /* as written */
	enum ims_access access;
	const char *access_name;       /* plain words */
	struct slice cell_param;       /* "utran-cell-id-3gpp", "cgi-3gpp", ... */
	struct slice cell_value;       /* as written */
	bool network_provided;
	struct slice params;
	/* decoded cell id; each present when the length is right */
	bool cell_ok;
	const char *cell_problem;      /* static text, when !cell_ok */
	size_t expected_len;           /* digits expected for this access type */
	char mcc[4];
	char mnc[4];                   /* 2 or 3 digits (3 if the MNC is 3 digits) */
	uint32_t tac;                  /* LAC (UTRAN/GERAN), TAC (E-UTRAN, 4 hex), 5GS TAC (NR, 6 hex) */
	uint64_t cell_id;              /* UTRAN CI, E-UTRAN ECI (28 bits), NR NCI (36 bits) */
	uint32_t enb_or_gnb_id;        /* ECI >> 8 (eNB id); NR: gNB id assuming 24-bit gNB id length;
	                                * UTRAN: RNC id (UC-Id >> 16); GERAN: 0 */
	uint32_t local_cell;           /* ECI & 0xff, or NCI & 0xfff; UTRAN C-Id; GERAN CI */
	/* added by helper ims */
	bool access_quoted;            /* the access type was a quoted-string */
	struct slice next;             /* after a top-level ',', the next access-net-spec, or SLICE_NULL */
	struct slice local_time_zone;  /* local-time-zone value (quotes removed), or SLICE_NULL */
	struct slice daylight_saving_time;
	size_t cell_len;               /* characters in the cell id value */
	size_t expected_len_mnc3;      /* length with a 3-digit MNC (expected_len: 2-digit MNC) */
	bool tac_5gs;                  /* E-UTRAN cell id written with a 24-bit (5GS) TAC */
	const char *tac_name;          /* "TAC", "5GS TAC", "LAC" for the tac field */
	const char *cell_name;         /* "ECI", "NCI", "UC-Id", "CI" for cell_id */
	const char *node_name;         /* "eNB", "gNB", "RNC" for enb_or_gnb_id, or NULL */
	/* the precise problem with numbers ("19 digits: ..."), "" when none;
	 * prefer it to cell_problem for display */
	char cell_problem_text[192];
	/* IEEE-802.11* access with i-wlan-node-id: the WLAN AP's MAC address
	 * (its BSSID), 12 hex digits, the octets written together or split
	 * by ':' or '-' (TS 24.229 §7.2A.4.3). Not a cell: cell_ok stays
	 * false and cell_problem NULL. */
	bool wlan_node_ok;
	char wlan_node_mac[18];        /* "aa:bb:cc:dd:ee:ff" when wlan_node_ok, else "" */
	bool wlan_node_placeholder;    /* all ones or all zeros: no AP address given */
	const char *wlan_node_problem; /* static text when the value is no MAC address, else NULL */
	/* what a P-CSCF adds (with network-provided) for a UE on untrusted
	 * Wi-Fi through an ePDG (TS 24.229 §7.2A.4): the UE's address and
	 * port outside the tunnel, as the ePDG sees them (after any NAT), and
	 * the ePDG's address; quotes removed; SLICE_NULL when absent */
	struct slice ue_local_ip;      /* UE-local-IP-address */
	struct slice udp_source_port;  /* UDP-source-port */
	struct slice tcp_source_port;  /* TCP-source-port */
	struct slice epdg_ip;          /* ePDG-IP-address */
	/* the access type is a cellular radio: a 3GPP-GERAN, -UTRAN-*, -E-UTRAN-*
	 * or -NR-* type, or 3GPP2-*: the types Cellular-Network-Info allows */
	bool cellular;
	/* cell-info-age (Cellular-Network-Info, TS 24.229 §7.2.15): how many
	 * seconds ago the UE took this cell information */
	struct slice cell_info_age;    /* as written, or SLICE_NULL */
	bool cell_info_age_ok;         /* decimal digits only */
	uint32_t cell_info_age_s;      /* its value, saturated at 2^32-1, when ok */
};
/* Decodes one access-net-spec (access-type or access-class, then its
 * parameters; a ',' ends it and pani->next holds the rest): 0 or -EBADMSG
 * (syntax; err->at on the offending byte, err->reason static text). A cell
 * id of the wrong length or with non-hex digits is not an error here:
 * cell_ok is false and cell_problem / cell_problem_text say why. For an
 * access without a cell id (WLAN, DSL, ...) cell_ok is false and
 * cell_problem NULL; on IEEE-802.11* access an i-wlan-node-id is read as
 * the AP's MAC address (wlan_node_*). Lengths (TS 24.229 §7.2A.4.3): MCC 3 + MNC 2|3 + GERAN
 * LAC 4 + CI 4 hex; UTRAN LAC 4 + UC-Id 7; E-UTRAN TAC 4 (6 when the cell
 * is connected to 5GC) + ECI 7; NR TAC 6 + NCI 9. */
int ims_pani_decode(struct ims_pani *pani, struct slice value, struct sip_parse_error *err);

/* ---- Cellular-Network-Info (TS 24.229 §7.2.15) ------------------------- */

/* The header's name: the codec has no id for it (SIP_HDR_OTHER). */
#define IMS_CNI_NAME "Cellular-Network-Info"

/* Decodes a Cellular-Network-Info value, sent by a UE on a non-cellular
 * access (Wi-Fi) with the cell it last used: one access type and its
 * parameters, read as ims_pani_decode reads an access-net-spec (cell id
 * layout, cell_ok, cell_problem), with cell-info-age. 0, or -EBADMSG for
 * the syntax ims_pani_decode refuses and for a ',' (the field carries one
 * access type), err->hdr SIP_HDR_OTHER. An access type that is no cellular
 * radio (cni->cellular false) or an age that is not decimal digits
 * (cell_info_age_ok false) is not an error here: the rule book says so. */
int ims_cni_decode(struct ims_pani *cni, struct slice value, struct sip_parse_error *err);
/* h is a Cellular-Network-Info field, found by its name (any case). */
bool ims_cni_hdr(const struct sip_hdr *h);
/* The Cellular-Network-Info field of m after prev (NULL: the first), in
 * message order, or NULL. */
const struct sip_hdr *ims_cni_next(const struct sip_msg *m, const struct sip_hdr *prev);

/* ---- P-Charging-Vector's access network charging information (TS 24.229
 * §7.2A.5) --------------------------------------------------------------- */

/* The list parameter of one access: pdp-info (GPRS, items pdp-item, pdp-sig,
 * gcid), eps-info (EPS: eps-item, eps-sig, ecid), 5gs-info (5GS: 5gs-item,
 * 5gs-sig, 5gscid), dsl-bearer-info (xDSL: dsl-bearer-item, dsl-bearer-sig,
 * dslcid); each item may end in flow-id. */
enum ims_anci_kind {
	IMS_ANCI_NONE = 0,
	IMS_ANCI_GPRS,
	IMS_ANCI_EPS,
	IMS_ANCI_5GS,
	IMS_ANCI_XDSL,
};
#define IMS_ANCI_MAX_ITEMS 16
#define IMS_ANCI_MAX_FLOWS 16

struct ims_anci_flow {
	uint32_t media; /* media component number (the SDP m= line's order) */
	uint32_t flow;  /* IP flow number within it (TS 29.214) */
};

struct ims_anci_item {
	uint32_t item;          /* the item's number; 0 when it has none */
	int sig;                /* 1: the IMS signalling bearer (sig=yes), 0: a media
				 * bearer (no), -1: not given */
	struct slice cid;       /* the charging id as written (hex), or SLICE_NULL */
	uint64_t cid_value;     /* that id as a number when it has 1 to 16 hex digits */
	bool cid_ok;
	unsigned nflows;
	struct ims_anci_flow flows[IMS_ANCI_MAX_FLOWS];
	bool flows_cut;         /* more flows than flows[] holds */
};

struct ims_anci {
	enum ims_anci_kind kind;
	const char *access;     /* "GPRS", "EPS", "5GS", "xDSL" */
	const char *cid_name;   /* "gcid", "ecid", "5gscid", "dslcid" */
	const char *item_name;  /* "pdp-item", "eps-item", "5gs-item", "dsl-bearer-item" */
	const char *sig_name;   /* "pdp-sig", "eps-sig", "5gs-sig", "dsl-bearer-sig" */
	unsigned nitems;
	struct ims_anci_item items[IMS_ANCI_MAX_ITEMS];
	unsigned dropped;       /* items after the last that items[] holds */
	/* the first departure from the syntax (an item, a value, a flow-id),
	 * NULL when none; the rest of the items is read on */
	const char *problem;
};

/* The access of a P-Charging-Vector list parameter name (any case), or
 * IMS_ANCI_NONE. */
enum ims_anci_kind ims_anci_kind_of(struct slice param);
/* Decodes the value of such a parameter (with or without its quotes):
 * 0, or -EBADMSG with a->problem set (what could be read is in a). */
int ims_anci_decode(struct ims_anci *a, enum ims_anci_kind kind, struct slice value);

/* ---- reg event state (RFC 3680 §5, RFC 5628; TS 24.229 §5.4.2.1.2) ------- */

/* The registration state document of a reg-event NOTIFY
 * (application/reginfo+xml), what troubleshooting reads of it, copied out
 * of the XML (values longer than their field are cut, truncated says so). */
#define IMS_REGINFO_MAX_REGS 16
#define IMS_REGINFO_MAX_CONTACTS 64

struct ims_reginfo_contact {
	unsigned reg;                /* index of its registration in regs[] */
	unsigned line;               /* line of <contact> in the body */
	char id[64];
	char state[16];              /* active, terminated */
	char event[16];              /* registered ... rejected (RFC 3680 §5.1) */
	char uri[256];
	char q[8];
	char callid[128];
	bool has_expires, has_retry_after, has_duration;
	uint32_t expires, retry_after, duration; /* seconds */
	char instance[160];          /* the unknown-param +sip.instance, "" when none */
	unsigned nparams;            /* unknown-param elements */
	char pub_gruu[256], temp_gruu[256]; /* RFC 5628, "" when none */
};

struct ims_reginfo_registration {
	unsigned line;
	char aor[256];
	char id[64];
	char state[16];              /* init, active, terminated */
	unsigned first_contact, ncontacts; /* its contacts in contacts[] */
};

/* ims_reginfo_decode clears the fields before regs, nregs and those from
 * ncontacts on, and each array element as it fills it: a field added
 * between regs and ncontacts must be cleared there too. */
struct ims_reginfo {
	unsigned line;               /* line of <reginfo> in the body */
	bool has_version;
	uint32_t version;
	char state[16];              /* full, partial */
	struct ims_reginfo_registration regs[IMS_REGINFO_MAX_REGS];
	unsigned nregs;
	struct ims_reginfo_contact contacts[IMS_REGINFO_MAX_CONTACTS];
	unsigned ncontacts;
	unsigned dropped;            /* registrations and contacts beyond the arrays */
	bool truncated;              /* a value was cut to its field */
	/* the first departure from RFC 3680's schema in a document that reads
	 * (an attribute missing or outside its values), "" when none */
	char problem[160];
	unsigned problem_line;
	/* when the call fails: why, and the line in the body (0: unknown) */
	char error[200];
	unsigned error_line;
};
/* Reads body: 0 (problem may still be set), -EBADMSG (no XML, or its root
 * is not reginfo: error says which), -EMSGSIZE (over 1 MiB), -ENOMEM. */
int ims_reginfo_decode(struct ims_reginfo *ri, struct slice body);
/* msg has a body of Content-Type application/reginfo+xml (parameters and
 * the case of the type aside). */
bool ims_reginfo_body(const struct sip_msg *msg);
/* The first byte of line n (1-based; 0 as 1) of msg's body, where a
 * reginfo line (ims_reginfo's *line members) starts; the last line's when
 * the body has fewer. */
const char *ims_body_line(const struct sip_msg *msg, unsigned n);
/* What a contact's event attribute says happened to it, or NULL. */
const char *ims_reginfo_event_meaning(const char *event);

/* ---- the 3GPP IM CN subsystem XML body (TS 24.229 §7.6) ---------------- */

/* An application/3gpp-ims+xml body (TS 24.229 §7.6): its <ims-3gpp> root
 * holds <service-info> (the service information of the initial filter
 * criteria, which the S-CSCF gives an AS in a third-party REGISTER) or
 * <alternative-service> (a network's answer that asks the UE for something
 * else: an emergency session or registration, or a new initial
 * registration after a failure: restoration), copied out of the XML. */
struct ims_3gpp_xml {
	unsigned line;               /* line of <ims-3gpp> in the body */
	char version[16];            /* "" when absent */
	bool has_service_info;
	unsigned service_info_line;
	char service_info[512];      /* its text, blanks at both ends left out */
	bool has_alt;                /* <alternative-service> */
	unsigned alt_line;
	char alt_type[32];           /* <type>: emergency, restoration */
	char alt_reason[256];        /* <reason>: free text */
	char alt_action[64];         /* <action>: emergency-registration, initial-registration; "" */
	bool truncated;              /* a value was cut to its field */
	/* the first departure from §7.6's schema in a document that reads
	 * (no version, neither child, a child without its element), "" when none */
	char problem[160];
	unsigned problem_line;
	/* when the call fails: why, and the line in the body (0: unknown) */
	char error[200];
	unsigned error_line;
};
/* Reads body: 0 (problem may still be set), -EBADMSG (no XML, or its root
 * is not ims-3gpp: error says which), -EMSGSIZE (over 1 MiB), -ENOMEM. */
int ims_3gpp_xml_decode(struct ims_3gpp_xml *x, struct slice body);
/* What an <alternative-service> asks of the UE, by its type and action
 * (TS 24.229 §7.6.3), or NULL for a type it does not define. */
const char *ims_3gpp_xml_alt_meaning(const struct ims_3gpp_xml *x);
/* The first byte of line n (1-based; 0 as 1) of text, the last line's when
 * it has fewer: where a line an XML reader gives starts. */
const char *ims_text_line(struct slice text, unsigned n);

/* ---- the AKA nonce (RFC 3310 §3.2, TS 33.102 §6.3) --------------------- */

struct ims_aka_nonce {
	uint8_t rand[16];
	uint8_t autn[16];
	uint8_t sqn_xor_ak[6];
	uint8_t amf[2];
	uint8_t mac[8];
	size_t server_data_len;   /* bytes after RAND||AUTN */
	size_t decoded_len;
	bool amf_separation_bit;  /* AMF bit 0 (TS 33.102 Annex H: 1 for E-UTRAN) */
};
/* nonce = base64(RAND || AUTN [|| server data]): 0, or -EBADMSG (not
 * base64) / -EMSGSIZE (shorter than 32 bytes). */
int ims_aka_nonce_decode(struct ims_aka_nonce *n, struct slice b64);

struct ims_auts {
	uint8_t sqn_ms_xor_ak_star[6];
	uint8_t mac_s[8];
};
/* auts = base64(SQN_MS ^ AK* || MAC-S), 14 bytes: 0 or -EBADMSG. */
int ims_auts_decode(struct ims_auts *a, struct slice b64);

/* ---- identities (TS 23.003 §13, RFC 3966) ------------------------------ */

enum ims_identity_kind {
	IMS_ID_OTHER = 0,
	IMS_ID_SIP,          /* sip: URI */
	IMS_ID_TEL,          /* tel: URI */
	IMS_ID_NAI,          /* user@realm (IMPI, Authorization username) */
};

struct ims_identity {
	enum ims_identity_kind kind;
	struct slice user;           /* user part / number */
	struct slice domain;         /* host / realm */
	bool user_is_imsi;           /* 15 digits (or 14-15) that look like an IMSI */
	bool user_is_e164;           /* "+" and digits, or user=phone */
	bool domain_is_3gpp;         /* ims.mncXXX.mccYYY.3gppnetwork.org */
	/* a host inside that domain (pcscf.ims.mncXXX.mccYYY.3gppnetwork.org):
	 * right for a node's address, not for an identity (domain_problem says
	 * so) */
	bool domain_is_3gpp_host;
	char domain_mcc[4];
	char domain_mnc[4];
	/* when the user part is an IMSI: the home domain TS 23.003 §13.2
	 * derives from it, assuming a 2-digit MNC and a 3-digit MNC */
	char derived_domain2[64];
	char derived_domain3[64];
	/* the domain is one of the two derived domains (case-insensitive) */
	bool domain_matches_imsi;
	/* static text when the domain looks like a TS 23.003 one but is not
	 * (a 2-digit MNC in "mncXX", a missing "ims." label, ...), else NULL */
	const char *domain_problem;
	bool user_phone;             /* sip/sips URI with user=phone */
};
/* Classifies a URI (sip/sips/tel, "<...>" allowed around it) or a bare NAI
 * ("user@realm"): 0, or -EBADMSG when text is none of these (empty, no
 * host, empty user or realm); another scheme ("urn:...") is IMS_ID_OTHER
 * and 0. The slices point into text. */
int ims_identity_decode(struct ims_identity *id, struct slice text);
/* A contact URI with the sos parameter: an emergency registration's
 * (draft-patel-ecrit-sos-parameter, TS 24.229 §5.1.6), a binding apart
 * from the normal one at the same address. */
bool ims_uri_is_emergency(const struct sip_uri *uri);

/* ---- the explanation catalogue ----------------------------------------- */

struct ims_explain {
	const char *meaning;   /* what this header does in a registration, plain words */
	const char *ref;       /* "RFC 3261 §20.42" */
};
/* The catalogue entry for a header (never NULL; a generic entry for OTHER). */
const struct ims_explain *ims_explain_header(enum sip_hdr_id id, struct slice name);
/* The entry for a parameter of a header (Via branch, Contact expires, ...),
 * or NULL when the catalogue has none. */
const struct ims_explain *ims_explain_param(enum sip_hdr_id id, struct slice param);
/* The entry for one value of a parameter whose meaning depends on it
 * (integrity-protected=tls-yes, algorithm=AKAv2-MD5, ...), or NULL when the
 * catalogue has none for that value (the parameter's own entry then holds). */
const struct ims_explain *ims_explain_param_value(enum sip_hdr_id id, struct slice param,
						  struct slice value);
/* The entry for the first token of a header whose meaning depends on it
 * (Event: reg, Subscription-State: terminated, Content-Type:
 * application/reginfo+xml, compared in any case), or NULL. */
const struct ims_explain *ims_explain_header_value(enum sip_hdr_id id, struct slice value);
/* The name of a Reason header's cause (RFC 3326 §2) by its protocol: a
 * SIP status code's reason phrase ("Forbidden"), a Q.850 cause's name
 * ("normal call clearing", ITU-T Q.850 Table 1); NULL for another
 * protocol or a number neither lists. */
const char *ims_reason_cause_meaning(struct slice protocol, struct slice cause);
/* The reason phrase of a SIP status code (RFC 3261 §21 and the codes
 * registered since, 199 to 608), or NULL. */
const char *ims_sip_reason_phrase(unsigned code);
/* The meaning of a Warning warn-code (RFC 3261 §20.43, RFC 5630 §3.3:
 * 380 and 381), or NULL. */
const char *ims_warning_code_meaning(unsigned code);

/* ---- the rule book ----------------------------------------------------- */

enum ims_severity {
	IMS_SEV_INFO = 0,
	IMS_SEV_WARNING,
	IMS_SEV_ERROR,
};
const char *ims_severity_name(enum ims_severity s); /* "info" "warning" "error" */

struct ims_finding {
	const char *id;          /* stable rule id, e.g. "rfc3261.register.ruri-userinfo" */
	enum ims_severity severity;
	const char *ref;         /* "RFC 3261 §10.2" */
	enum sip_hdr_id hdr;     /* header concerned, SIP_HDR_OTHER for the start line / message */
	struct slice hdr_name;   /* as written, when one header is concerned */
	size_t offset;           /* byte offset in the message buffer (for line/column) */
	char message[1024];      /* what is wrong and what to look at next (NUL-terminated; one
				  * longer than this ends in "...") */
};

typedef void (*ims_finding_cb)(const struct ims_finding *f, void *arg);

/* Runs every rule on msg (request or response) and calls cb per finding, in
 * message order within a rule. Returns the number of findings. */
int ims_rules_check(const struct sip_msg *msg, ims_finding_cb cb, void *arg);

/* What the later messages of one input (a paste or capture of one
 * registration, or a P-CSCF log of several: REGISTER, 401, REGISTER, 200)
 * are checked against, per Call-ID: the last REGISTER and the last 401 to
 * a REGISTER on the UE's leg (one Via), the last reginfo version of a
 * reg-event subscription; and per address-of-record, the bindings the last
 * 2xx to a REGISTER listed (a reg-event NOTIFY, in another dialog, is
 * compared with them) and its Service-Route (the UE's later requests
 * are); and per contact it granted, its P-Associated-URI (the identities
 * the UE's later requests from that contact may prefer), and whether a
 * reg-event NOTIFY since removed it. Kept as copies (the messages' buffers need not
 * live on).
 *
 * The records grow with the input: a table of records, a hash index on
 * the Call-ID (average O(1)), each record's strings in one block of the
 * size they need. Bounded by max_calls records and max_bytes (records and
 * their strings; the index adds about 6 bytes a record): beyond either,
 * the least recently used record goes and counts in `evicted`; a record
 * that could not be kept (or updated) because an allocation failed goes
 * and counts in `nomem`. The later messages of a Call-ID whose record
 * went are checked alone, as if they were the first of it: the counts are
 * for the run's report ("not compared"). A message's own findings never
 * depend on an allocation.
 *
 * ims_flow_init before the first message, ims_flow_fini after the last (it
 * frees everything; on a zeroed struct it is a no-op). A zeroed struct
 * ims_flow is an initialised one with the default bounds; max_calls and
 * max_bytes may be set after init (0: the default). The members are read
 * only outside rules.c; `call[0 .. ncalls)` are the records, a free one
 * with call_id.ptr NULL. */
#define IMS_FLOW_NONCES 4
#define IMS_FLOW_GRANTED 8                   /* bindings kept per AOR */
#define IMS_FLOW_MAX_CALLS 1000000u          /* default max_calls */
#define IMS_FLOW_MAX_BYTES ((size_t)1 << 30)  /* default max_bytes: 1 GiB */
struct ims_flow_call {
	struct slice call_id;          /* ptr NULL when the record is free */
	uint32_t hash_next;            /* links, each a record's index + 1 (0: none): */
	uint32_t lru_prev, lru_next;   /* its hash bucket (or the free list); use order */
	uint64_t hash;
	char *text;                    /* the block every slice below points into
					* (each NUL-terminated; ptr NULL: absent) */
	size_t text_size;
	bool have_register;            /* the last REGISTER: */
	uint32_t reg_cseq;
	struct slice reg_branch;
	bool reg_deregister;           /* every binding it named had expiry 0 */
	bool reg_mac_failure;          /* it answered an AKA challenge with an empty
					* response and no auts (AUTN's MAC failed) */
	bool reg_auts;                 /* it carried auts (SQN resynchronisation) */
	bool reg_pk;                   /* it came from a packet (a capture's, a pasted
					* packet line's) and its top Via was read: */
	bool reg_timed;                /* that packet said when: reg_us, reg_tx,
					* reg_last_us are set */
	bool reg_coarse;               /* to the second only (a log's time stamp) */
	bool reg_udp, reg_rport;       /* over UDP; its top Via asked for rport */
	bool reg_sa;                   /* it carried Security-Verify (over the SAs) */
	int64_t reg_us;                /* when it was first sent (its retransmissions,
					* same CSeq and branch, keep it), microseconds */
	unsigned reg_tx;               /* how many times it was sent */
	int64_t reg_last_us;           /* when last (a copy of a packet, seen
					* twice at once, is not counted) */
	uint16_t reg_via_port;         /* its top Via's port (5060 when none) */
	struct pkt_ends reg_ends;      /* where it went between (ver 0: its packet did
					* not say) */
	bool have_401;                 /* the last 401 to a REGISTER, until a final
					* response to a later CSeq closes it: */
	uint32_t ch_cseq;
	bool ch_aka;                   /* a challenge of it is IMS AKA (AKAv1/v2) */
	unsigned ch_nnonce;            /* its challenges' nonces, realms, opaques */
	struct slice ch_nonce[IMS_FLOW_NONCES];
	struct slice ch_realm[IMS_FLOW_NONCES];
	struct slice ch_opaque[IMS_FLOW_NONCES]; /* ptr NULL: the challenge had none */
	bool ch_has_sec_server;        /* its Security-Server offers, normalised */
	bool ch_sec_server_cut;        /* they did not fit: not compared */
	struct slice ch_sec_server;
	bool reg_has_sec_client;       /* the Security-Client offers of the last
					* REGISTER, normalised */
	bool reg_sec_client_cut;       /* they did not fit: not compared */
	struct slice reg_sec_client;
	bool have_reginfo;             /* a reg-event NOTIFY of this Call-ID (a
					* subscription) was seen: */
	uint32_t reginfo_version;      /* the highest reginfo version it carried */
	/* An address-of-record's record (call_id then holds "\001aor " and the
	 * AOR's key, which no Call-ID can be): the bindings the last 2xx to a
	 * REGISTER of it listed (RFC 3261 §10.3: every current one) */
	bool have_granted;
	unsigned granted_n;            /* how many (at most IMS_FLOW_GRANTED) */
	bool granted_cut;              /* it listed more: not compared */
	struct slice granted;          /* their URIs, each followed by '\n' */
	uint32_t granted_cseq;         /* the CSeq of that 2xx */
	/* the Service-Route of the last 2xx to a REGISTER whose To or
	 * P-Associated-URI is this AOR (RFC 3608), for the UE's requests */
	bool have_sr;
	bool sr_cut;                   /* longer than kept: not compared */
	unsigned sr_n;                 /* entries (at most IMS_FLOW_GRANTED) */
	struct slice sr;               /* their URIs, each followed by '\n' */
	/* A contact's record (call_id holds "\001ct " and the contact's key):
	 * the P-Associated-URI of the 2xx that granted it, added up, the
	 * identities its registrations may use; an AOR's record: the
	 * P-Associated-URI of its last 2xx, as listed (the first is the
	 * default identity) */
	bool have_pau;
	bool pau_cut;                  /* more or longer than kept: not compared */
	unsigned pau_n;
	struct slice pau;              /* their URIs, each followed by '\n' */
	/* and the last reg-event NOTIFY that terminated it by the network
	 * (RFC 3680 §5.1 events deactivated, probation, rejected), until the
	 * UE's next REGISTER of it or a NOTIFY listing it active again: */
	char removed_event[16];        /* "" when none */
	uint32_t removed_cseq;         /* that NOTIFY's CSeq */
	bool removed_has_retry;
	uint32_t removed_retry_after;  /* its retry-after (probation), seconds */
	/* A UE address's record (call_id holds "\001sa " and the address in
	 * sip_host_canonical's form), from a capture: the IPsec SAs with its
	 * P-CSCF that a REGISTER sent over them named (TS 33.203 §7.1: the
	 * UE's port-c and port-s from Security-Client, the P-CSCF's from
	 * Security-Verify), the set in use and the one before it (a
	 * re-registration that set up new SAs; transactions begun on the old
	 * ones finish there), with the P-CSCF's address */
	bool have_sa;
	struct ims_flow_sa {
		uint16_t uc, us, pc, ps;   /* uc 0: no set */
		uint32_t cseq;             /* the REGISTER that named it */
	} sa[2];                       /* [0] in use, [1] the one before */
	char sa_pcscf[64];             /* canonical, as the key's */
	/* A binding's record (call_id holds "\001bt ", its AOR's key, then
	 * its contact's), from a capture: when the last 2xx to a REGISTER of
	 * the AOR granted it and for how long, and whether a REGISTER of the
	 * UE renewing it has come since (ts24229.packet.reregistration) */
	bool have_grant;
	bool grant_renewed;
	bool grant_shortened;          /* a reg-event NOTIFY shortened it since
					* (RFC 3680 event shortened): the time is
					* the NOTIFY's, and grant_cseq its CSeq */
	uint32_t grant_expires;        /* seconds */
	uint32_t grant_cseq;           /* that 2xx's CSeq */
	int64_t grant_us;              /* when it went, microseconds */
	uint64_t grant_frame;          /* its packet's number (0: unknown) */
	struct slice grant_aor;        /* the AOR (the 2xx's To URI; an AOR's
					* record: its latest REGISTER's) and the */
	struct slice grant_contact;    /* contact, as written, to name them */
	/* the UE's REGISTERs renewing it since (grant_renewed; not counting
	 * retransmissions): the first's time, CSeq and packet number, and the
	 * latest's, for a refresh no 2xx answered */
	int64_t renew_us, renew_last_us;
	uint32_t renew_cseq, renew_last_cseq;
	uint64_t renew_frame, renew_last_frame;
	/* An AOR's record, from a capture: when the UE last sent a REGISTER of
	 * it (any contact, a removal too; not a retransmission), for the end
	 * of the capture, with its CSeq, packet number, whether it removed
	 * every contact it named, and its To URI as written (in grant_aor);
	 * how many the UE sent since the AOR's last 2xx, and the first's
	 * time, CSeq and packet number */
	bool have_ue_reg;
	int64_t ue_reg_us;
	uint32_t ue_reg_cseq;
	uint64_t ue_reg_frame;
	bool ue_reg_removal;
	unsigned ue_try_n;
	int64_t ue_try_us;
	uint32_t ue_try_cseq;
	uint64_t ue_try_frame;
	/* the first response since then that refused one of them (a final
	 * one of 300 or more, not a 401 or 407 challenge): status (0: none),
	 * CSeq, packet number */
	uint16_t ue_refused_status;
	uint32_t ue_refused_cseq;
	uint64_t ue_refused_frame;
	/* and the last final response to a REGISTER of it (any leg): its
	 * status, CSeq, time and packet number */
	bool have_final;
	uint16_t final_status;
	uint32_t final_cseq;
	int64_t final_us;
	uint64_t final_frame;
};
struct ims_flow {
	struct ims_flow_call *call;    /* the records, call[0 .. ncalls) */
	size_t ncalls, cap;
	size_t nused;                  /* records in use */
	size_t bytes;                  /* what they hold: records and strings */
	uint32_t *bucket;              /* hash index: nbucket heads (a power of 2),
					* like the links an index + 1 */
	size_t nbucket;
	uint32_t free_head;            /* free records, through hash_next */
	uint32_t lru_head, lru_tail;   /* most and least recently used */
	size_t max_calls;              /* bounds: 0 for IMS_FLOW_MAX_CALLS, */
	size_t max_bytes;              /* IMS_FLOW_MAX_BYTES */
	uint64_t evicted;              /* records dropped beyond a bound */
	uint64_t nomem;                /* records dropped: an allocation failed */
	bool have_end;                 /* a message of a capture was noted: */
	int64_t end_us;                /* the latest time of them, microseconds */
};
/* Ready for the first message, default bounds (the same as zeroing it). */
void ims_flow_init(struct ims_flow *flow);
/* Frees every record; flow is zeroed (ready again). A zeroed flow: nothing. */
void ims_flow_fini(struct ims_flow *flow);
/* The records dropped so far (evicted beyond a bound, plus lost to a failed
 * allocation): the later messages of their Call-IDs were not compared.
 * *nomem (when not NULL): those of them lost to a failed allocation. */
uint64_t ims_flow_dropped(const struct ims_flow *flow, uint64_t *nomem);
/* ims_rules_check with the rules that compare msg with the messages before
 * it in flow (rfc3261.flow.*, rfc3329.flow.*), then msg noted in flow for
 * the next. flow NULL: ims_rules_check. */
int ims_rules_check_flow(const struct sip_msg *msg, struct ims_flow *flow, ims_finding_cb cb,
			 void *arg);

/* Where a message went, when it was read from a capture file (decode of a
 * pcap): the packet rules (*.packet.*) compare it with what the message
 * says of its own transport. */
struct ims_packet {
	struct pkt_ends ends;    /* addresses and ports (ends.ver 0: unknown: only
				  * the rules of time run) */
	bool udp;                /* over UDP (else TCP, SCTP or WebSocket) */
	bool untimed;            /* sec and usec unknown (a hex dump's headers
				  * alone): only the rules of addresses and ports
				  * run; with ends.ver 0 too, as no packet */
	bool coarse;             /* the time is to the second (a log's time stamp
				  * without a fraction): the rules of time that
				  * count milliseconds (retransmissions, response
				  * delays) do not run */
	int64_t sec;             /* when (the capture's clock, UTC): seconds and */
	uint32_t usec;           /* microseconds */
	uint64_t frame;          /* its packet's number in the capture (0: unknown) */
};

/* ims_rules_check_flow with the packet rules too, when pk is not NULL:
 * those of addresses and ports when pk->ends says them, those of time
 * when pk is not untimed (none when it says neither). */
int ims_rules_check_packet(const struct sip_msg *msg, struct ims_flow *flow, const struct ims_packet *pk,
			   ims_finding_cb cb, void *arg);

/* After the last message of a capture given to ims_rules_check_packet with
 * flow: the findings that only the capture's end shows, by the time a binding
 * expires (ts24229.packet.reregistration: a binding a 2xx granted, whose refresh
 * was due, or which expired, before the capture ended, and no REGISTER of
 * the UE renewed; or which expired though the UE's latest REGISTER of its
 * AOR renewed it, with no 2xx since). end_sec and end_usec:
 * when the capture ends, its last packet (the latest message noted counts
 * when later); partial: some of its packets could not be read (encrypted
 * ESP, TCP bytes missing), so a refresh may be among them (the findings
 * say so). Also ts24229.packet.registration: an AOR the UE tried to
 * register (its latest REGISTER, not a removal, 32 s or more before the
 * end) that no 2xx answered, no binding a 2xx granted still in force. A finding
 * names no place in a message: hdr SIP_HDR_CONTACT (SIP_HDR_TO for an
 * AOR's), hdr_name SLICE_NULL, offset 0. The number of findings, or -ENOMEM
 * (none were given). Findings in the order the bindings expire. */
int ims_rules_check_end(struct ims_flow *flow, int64_t end_sec, uint32_t end_usec, bool partial,
			ims_finding_cb cb, void *arg);

/* One rule of the book, for listing them (imsreg decode --rules). */
struct ims_rule_info {
	const char *id;
	enum ims_severity severity;
	const char *ref;
	const char *summary;
	bool fields;            /* it also judges header fields pasted without a start line
				 * (sip_msg_is_fields), where the others do not run */
};
/* The rule book: *n set to the number of rules. */
const struct ims_rule_info *ims_rules_list(size_t *n);

#endif
