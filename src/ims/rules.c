/* rules.c: the rule book of imsreg decode: RFC 3261 §8.1.1 §10.2 §7.3.1 §20,
 * RFC 3329, RFC 3310, RFC 7254, 3GPP TS 24.229 §5.1.1.2, TS 33.203,
 * TS 23.003 §13, GSMA IR.92 §2.2.1, checked on one REGISTER, 401 or 200. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <imsreg/alloc.h>
#include <imsreg/codec.h>
#include <imsreg/ims.h>
#include <imsreg/scan.h>

/* ---- the context every check sees ----------------------------------- */

/* The feature tags of one Contact (RFC 3840 / RFC 5626 / IR.92). */
struct contact_tags {
	bool instance, mmtel, smsip, smsip_wrong, reg_id;
	bool mmtel_noplus;         /* the MMTel ICSI in a g.3gpp.icsi-ref without '+' */
	bool instance_again;       /* a second +sip.instance (instance_p is the first) */
	bool tag_again;            /* another feature tag written twice (tag_again_p the second) */
	struct sip_param instance_p, wrong_p, reg_id_p, noplus_p, again_p, tag_again_p;
};

/* One Contact element, decoded once for every rule that reads it; the
 * tags and the instance URN are decoded on first use (contact_scan). */
struct contact {
	const struct sip_hdr *h;
	struct sip_addr a;
	bool scanned;              /* t, inst_rc and inst are filled */
	struct contact_tags t;
	int inst_rc;               /* ims_instance_decode(t.instance_p.value), when t.instance */
	struct ims_instance inst;
};

/* Iterates the list elements of every header of one id, in message
 * order: elem_it_init, then while (elem_next(&it, &item, &h)). A header
 * whose list does not split is left at its first bad element (the syntax
 * rule reports it). */
struct elem_it {
	const struct sip_msg *msg;
	enum sip_hdr_id id;
	const struct sip_hdr *h;
	struct sip_list list;
	bool started;
};

/* Iterates the elements of every Contact header as decoded addresses;
 * elements that do not decode are skipped (the syntax rule reports them). */
struct contact_it {
	struct elem_it e;
};

/* An identity of the message (To, From, username, Request-URI) with the
 * header it comes from; ok when it is there and ims_identity_decode took it. */
enum { ID_TO, ID_FROM, ID_USERNAME, ID_RURI, ID__COUNT };
struct ident {
	const struct sip_hdr *h;
	const char *what;
	struct slice text;
	bool ok;
	struct ims_identity id;
};

#define CARRIED_PARTS_MAX 8          /* parts of a multipart body the rules look at */
#define CONTACTS_KEPT 16           /* decoded once; more are decoded per use */

struct ctx {
	const struct sip_msg *msg;
	ims_finding_cb cb;
	void *arg;
	int count;
	const struct ims_rule_info *rule;
	const struct ims_flow *flow; /* the messages before this one, or NULL */
	const struct ims_packet *pk; /* where it went (a capture's message), or NULL */
	/* its addresses in sip_host_canonical's form, as the packet rules
	 * compare them ("" when no address) */
	char pk_src[64], pk_dst[64];
	const struct ims_flow_call *fc; /* flow's record of this Call-ID, or NULL */
	bool ue_leg;                 /* one Via: between the UE and the P-CSCF */
	struct slice branch;         /* the top Via's branch */
	bool cseq_ok;                /* CSeq and Call-ID of this message */
	struct sip_cseq cseq;
	const struct sip_hdr *call_id;
	/* facts computed once, before the rules run */
	bool is_register;          /* a REGISTER request */
	bool fields;               /* header fields pasted alone (sip_msg_is_fields):
				    * only the rules of scope FIELDS run */
	bool is_reg_response;      /* a response whose CSeq method is REGISTER */
	bool ruri_ok;
	struct sip_uri ruri;
	bool to_ok, from_ok;
	struct sip_addr to, from;
	const struct sip_hdr *to_hdr, *from_hdr;
	bool auth_ok;              /* the first Authorization decoded */
	const struct sip_hdr *auth_hdr;
	struct sip_auth auth;
	bool protected_reg;        /* REGISTER answering a challenge (nonce not empty) */
	bool deregister;           /* every binding it names is removed */
	/* a third-party REGISTER (TS 24.229 §5.4.1.7: the S-CSCF tells an
	 * application server of a registration; is_third_party) or the AS's
	 * response to one, and the SIP
	 * its body carries (body_parts): the UE's REGISTER and the 200 to
	 * it as message/sip text (SLICE_NULL when not there), whether the
	 * service information of the filter criteria is there */
	bool third_party;
	struct slice carried_reg, carried_resp;
	bool service_info;
	/* the body's parts, split once (body_parts): a multipart body's, the
	 * ones before a fault when it does not split (parts_rc, parts_err),
	 * else the body itself; none without a body or Content-Type */
	size_t nparts;
	int parts_rc;
	struct sip_parse_error parts_err;
	struct sip_body_part parts[CARRIED_PARTS_MAX];
	const struct contact *sos; /* the first Contact whose URI has the sos
				    * parameter (an emergency registration), in
				    * c->contacts, or NULL */
	bool has_expires;
	uint32_t expires;          /* Expires header */
	const struct sip_hdr *expires_hdr; /* the first one, */
	int expires_rc;            /* its sip_u32_decode (0 when has_expires) */
	struct ident ids[ID__COUNT];
	int nonce_rc;              /* ims_aka_nonce_decode of a non-empty Authorization nonce */
	bool aka_creds;            /* that nonce is answered with algorithm=AKAv* */
	struct ims_aka_nonce nonce;
	bool sc_ipsec_ok;          /* the first ipsec-3gpp offer of Security-Client */
	struct sip_sec_mech sc_ipsec;
	const struct sip_hdr *sc_ipsec_hdr;
	/* the Contact elements in message order: the first CONTACTS_KEPT here,
	 * any further ones decoded again from contacts_rest by contact_next */
	size_t ncontacts;
	bool contacts_more;
	struct contact_it contacts_rest;
	struct contact contacts[CONTACTS_KEPT];
	struct contact spill;
	/* the reg-event state of the body, decoded once by the first rule that
	 * asks (reginfo_of), freed when the rules are done */
	bool ri_done;
	int ri_rc;
	struct ims_reginfo *ri;
	/* the application/3gpp-ims+xml parts of the body, read once by the
	 * first rule that asks (each_ims3gpp): x3[i] for parts[i] when x3_rc[i]
	 * is ims_3gpp_xml_decode's result, X3_NONE for a part of another
	 * type; freed when the rules are done (NULL: none, or no memory) */
	bool x3_done;
	int x3_rc[CARRIED_PARTS_MAX];
	struct ims_3gpp_xml *x3;
	/* the current rule's findings, put in message order before the callback */
	size_t npending;
	struct ims_finding pending[16];
};

/* Hands the current rule's findings to the callback in message order
 * (insertion sort: stable, and there are at most a handful). */
static void flush(struct ctx *c)
{
	for (size_t i = 1; i < c->npending; i++) {
		struct ims_finding t = c->pending[i];
		size_t j = i;
		for (; j > 0 && c->pending[j - 1].offset > t.offset; j--)
			c->pending[j] = c->pending[j - 1];
		c->pending[j] = t;
	}
	for (size_t i = 0; i < c->npending; i++)
		if (c->cb)
			c->cb(&c->pending[i], c->arg);
	c->npending = 0;
}

static void report(struct ctx *c, const struct sip_hdr *h, const char *at, const char *fmt,
		   ...) __attribute__((format(printf, 4, 5)));

static void report(struct ctx *c, const struct sip_hdr *h, const char *at, const char *fmt, ...)
{
	va_list ap;

	if (c->npending == sizeof c->pending / sizeof c->pending[0])
		flush(c); /* more than a buffer's worth: keep order in each batch */
	struct ims_finding *f = &c->pending[c->npending];
	memset(f, 0, sizeof *f);
	f->id = c->rule->id;
	f->severity = c->rule->severity;
	f->ref = c->rule->ref;
	f->hdr = h ? h->id : SIP_HDR_OTHER;
	f->hdr_name = h ? h->name : SLICE_NULL;
	if (at && at >= c->msg->buf && at <= c->msg->buf + c->msg->len)
		f->offset = (size_t)(at - c->msg->buf);
	else if (h)
		f->offset = h->offset;
	else
		f->offset = 0;
	va_start(ap, fmt);
	int n = vsnprintf(f->message, sizeof f->message, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof f->message) /* cut: said, not hidden */
		memcpy(f->message + sizeof f->message - 4, "...", 4);
	c->count++;
	c->npending++;
}

/* ---- small helpers ---------------------------------------------------- */

/* A header's name for a finding: the canonical one of a header the codec
 * knows (Contact for "m"), an extension header's as written (at most 64
 * bytes of it), else "header". Printed with "%.*s" and HDR_LABEL. */
static struct slice hdr_label(const struct sip_hdr *h)
{
	const char *n = sip_hdr_name(h->id);
	if (n)
		return slice_cstr(n);
	if (h->name.ptr && h->name.len)
		return slice_make(h->name.ptr, h->name.len < 64 ? h->name.len : 64);
	return slice_cstr("header");
}
#define HDR_LABEL(h) (int)hdr_label(h).len, hdr_label(h).ptr

/* A string the flow kept equals s (both present). */
static bool flow_eq(struct slice stored, struct slice s)
{
	return stored.ptr && s.ptr && stored.len == s.len && memcmp(stored.ptr, s.ptr, s.len) == 0;
}

/* A decoder's reason without the "Name: " it may start with, for a finding
 * that names the header itself ("Date: Date: the time zone..."). */
static const char *reason_after_label(const struct sip_hdr *h, const char *reason)
{
	struct slice n = hdr_label(h);
	size_t k = n.len;
	if (reason && strncasecmp(reason, n.ptr, k) == 0 && reason[k] == ':' && reason[k + 1] == ' ')
		return reason + k + 2;
	return reason;
}

static void elem_it_init(struct elem_it *it, const struct sip_msg *msg, enum sip_hdr_id id)
{
	memset(it, 0, sizeof *it);
	it->msg = msg;
	it->id = id;
}

static bool elem_next(struct elem_it *it, struct slice *item, const struct sip_hdr **hp)
{
	struct sip_parse_error err;
	for (;;) {
		if (!it->started) {
			it->h = sip_hdr_first(it->msg, it->id);
			it->started = true;
			if (it->h)
				sip_list_init(&it->list, it->h->value);
		}
		if (!it->h)
			return false;
		if (sip_list_next(&it->list, item, &err) == 1) {
			*hp = it->h;
			return true;
		}
		it->h = sip_hdr_next(it->msg, it->h);
		if (it->h)
			sip_list_init(&it->list, it->h->value);
	}
}

/* True when one of the headers of id lists the option tag. */
static bool has_option_tag(const struct sip_msg *msg, enum sip_hdr_id id, const char *tag)
{
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h;
	elem_it_init(&it, msg, id);
	while (elem_next(&it, &item, &h))
		if (slice_caseeq_cstr(slice_trim(item), tag))
			return true;
	return false;
}

/* Copies a slice into a NUL-terminated buffer (truncating) for messages. */
static const char *cstr(char *out, size_t cap, struct slice s)
{
	size_t n = s.len < cap - 1 ? s.len : cap - 1;
	if (n)
		memcpy(out, s.ptr, n);
	out[n] = '\0';
	return out;
}

static void contact_it_init(struct contact_it *it, const struct sip_msg *msg)
{
	elem_it_init(&it->e, msg, SIP_HDR_CONTACT);
}

static bool contact_it_next(struct contact_it *it, struct sip_addr *a, const struct sip_hdr **hp)
{
	struct sip_parse_error err;
	struct slice item;
	while (elem_next(&it->e, &item, hp))
		if (sip_addr_decode(a, item, SIP_ADDR_ALLOW_STAR, &err) == 0)
			return true;
	return false;
}

/* A cursor over ctx's Contact elements: for (ct = contact_next(c, &cur); ...). */
struct contact_cursor {
	size_t i;
	struct contact_it rest;
};

static void contact_scan(struct contact *ct);

/* True when the REGISTER removes this binding: expiry 0, from its expires
 * parameter or else from the Expires header (RFC 3261 §10.2.2). */
static bool contact_removed(const struct ctx *c, const struct contact *ct)
{
	const struct sip_addr *a = &ct->a;
	return a->has_expires ? a->expires == 0 : c->has_expires && c->expires == 0;
}

/* The next Contact element: one decoded in ctx_prepare, or past the first
 * CONTACTS_KEPT one decoded now into c->spill (valid until the next call). */
static struct contact *contact_next(struct ctx *c, struct contact_cursor *cur)
{
	if (cur->i < c->ncontacts)
		return &c->contacts[cur->i++];
	if (!c->contacts_more)
		return NULL;
	if (cur->i++ == c->ncontacts)
		cur->rest = c->contacts_rest;
	memset(&c->spill, 0, sizeof c->spill);
	if (!contact_it_next(&cur->rest, &c->spill.a, &c->spill.h))
		return NULL;
	return &c->spill;
}

/* Every access-net-spec of every P-Access-Network-Info header, in message
 * order: a header may carry several, comma-separated (TS 24.229 §7.2A.4),
 * e.g. the UE's and the one a P-CSCF adds with "network-provided". A spec
 * that does not decode ends its header's walk (the header's syntax finding
 * says why).
 *   struct pani_cursor cur = { 0 };
 *   while (pani_next(msg, &cur)) ... cur.p, cur.h ... */
struct pani_cursor {
	bool started;
	const struct sip_hdr *h; /* the header of cur.p */
	struct slice rest;       /* the specs after it in that header */
	struct ims_pani p;
};

static bool pani_next(const struct sip_msg *m, struct pani_cursor *cur)
{
	for (;;) {
		if (!cur->started || (cur->h && !slice_present(cur->rest))) {
			cur->h = cur->started ? sip_hdr_next(m, cur->h)
					      : sip_hdr_first(m, SIP_HDR_P_ACCESS_NETWORK_INFO);
			cur->started = true;
			if (cur->h)
				cur->rest = cur->h->value;
		}
		if (!cur->h)
			return false;
		struct sip_parse_error err;
		memset(&cur->p, 0, sizeof cur->p);
		if (ims_pani_decode(&cur->p, cur->rest, &err) < 0) {
			cur->rest = SLICE_NULL;
			continue;
		}
		cur->rest = cur->p.next;
		return true;
	}
}

/* s is exactly n bytes in hex (either case). */
static bool is_hex_bytes(struct slice s, size_t n)
{
	uint8_t b[32];
	return n <= sizeof b && hex_decode(b, n, s) == 0;
}

/* The domain part of a "user@domain" NAI, or SLICE_NULL. */
static struct slice nai_domain(struct slice nai)
{
	for (size_t i = nai.len; i > 0; i--)
		if (nai.ptr[i - 1] == '@')
			return slice_make(nai.ptr + i, nai.len - i);
	return SLICE_NULL;
}

/* ---- 1. RFC 3261 structure -------------------------------------------- */

static void check_mandatory(struct ctx *c)
{
	static const struct {
		enum sip_hdr_id id;
		bool request_only;
		const char *why;
	} need[] = {
		{ SIP_HDR_VIA, false, "the response cannot be routed back" },
		{ SIP_HDR_TO, false, "the registrar does not know which AOR to bind" },
		{ SIP_HDR_FROM, false, "the registering party is unknown" },
		{ SIP_HDR_CALL_ID, false, "the registrar cannot order this REGISTER" },
		{ SIP_HDR_CSEQ, false, "the transaction cannot be matched" },
		{ SIP_HDR_MAX_FORWARDS, true,
		  "RFC 3261 requires it in every request (UEs send 70); strict proxies reject "
		  "the request with 483/400" },
	};
	const struct sip_msg *m = c->msg;
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
		if (need[i].request_only && !m->is_request)
			continue;
		if (!sip_hdr_first(m, need[i].id))
			report(c, NULL, m->start_line.ptr, "no %s header: %s. Check the UE's SIP "
			       "stack or whatever trimmed the capture.",
			       sip_hdr_name(need[i].id), need[i].why);
	}
}

/* SUBSCRIBE and NOTIFY name their event package, and a NOTIFY says the
 * state of its subscription (RFC 6665 §8.2: Event in both, Subscription-
 * State in NOTIFY; RFC 3680's own examples lacked the latter, fixed by its
 * erratum 3494). */
static void check_event_headers(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const bool notify = m->method_id == SIP_METHOD_NOTIFY;
	if (!notify && m->method_id != SIP_METHOD_SUBSCRIBE)
		return;
	if (!sip_hdr_first(m, SIP_HDR_EVENT))
		report(c, NULL, m->start_line.ptr, "a %s without Event: the receiver cannot tell "
		       "which event package it is for (for the registration state, Event: reg) and "
		       "answers 489 Bad Event.", notify ? "NOTIFY" : "SUBSCRIBE");
	if (notify && !sip_hdr_first(m, SIP_HDR_SUBSCRIPTION_STATE))
		report(c, NULL, m->start_line.ptr, "a NOTIFY without Subscription-State: the "
		       "subscriber cannot tell whether the subscription is active, pending or "
		       "terminated, nor when to refresh it; a strict one answers 400. Check the "
		       "notifier (for reg, the S-CSCF).");
}

/* Decodes every element of a header with its typed decoder: 0 or the first
 * error, with err filled. The codec's per-field check, except that
 * P-Access-Network-Info is read with the IMS decoder, which knows the
 * access types and every access-net-spec of the list. */
static int decode_header(const struct sip_msg *msg, const struct sip_hdr *h,
			 struct sip_parse_error *err)
{
	if (h->id == SIP_HDR_P_ACCESS_NETWORK_INFO) {
		struct ims_pani p;
		struct slice spec = h->value;
		do {
			int r = ims_pani_decode(&p, spec, err);
			if (r < 0)
				return r;
			spec = p.next;
		} while (slice_present(spec));
		return 0;
	}
	return sip_hdr_check(msg, h, err);
}

/* Headers only shown to people: a syntax error there rarely breaks anything. */
static bool is_informational(enum sip_hdr_id id)
{
	return id == SIP_HDR_USER_AGENT || id == SIP_HDR_SERVER || id == SIP_HDR_WARNING ||
	       id == SIP_HDR_DATE;
}

/* The first control byte of v outside LWS (HTAB, or CRLF followed by SP or
 * HTAB: a fold) and not escaped, or NULL. The typed decoders let some
 * through (inside a quoted string, a display name, a comment); RFC 3261's
 * grammar has none there (qdtext, ctext: §25.1) but as a quoted-pair:
 * "\" then any byte but CR and LF (RFC 4475 §3.1.1.2 escapes BEL, NUL and
 * DEL so). A backslash outside quotes and comments is no valid value, which
 * the decoder has refused already. */
static const char *value_ctl(struct slice v)
{
	const char *p = v.ptr, *end = v.ptr ? v.ptr + v.len : NULL;
	for (; p && p < end; p++) {
		unsigned char b = (unsigned char)*p;
		if (b == '\\' && end - p >= 2 && p[1] != '\r' && p[1] != '\n') {
			p++;
			continue;
		}
		if (b >= 0x20 && b != 0x7f)
			continue;
		if (b == '\t')
			continue;
		if (b == '\r' && end - p >= 3 && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t')) {
			p++;
			continue;
		}
		return p;
	}
	return NULL;
}

static void check_syntax(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	struct sip_parse_error err;
	const char *at;

	if (m->is_request) {
		struct sip_uri u;
		memset(&err, 0, sizeof err);
		if (sip_uri_decode(&u, m->ruri, &err) < 0)
			report(c, NULL, err.at ? err.at : m->ruri.ptr,
			       "Request-URI: %s. The registrar will answer 400; look at the "
			       "byte pointed at.", err.reason ? err.reason : "malformed");
		else if ((u.scheme == SIP_URI_SIP || u.scheme == SIP_URI_SIPS) && u.headers.ptr)
			report(c, NULL, u.headers.ptr - 1, "Request-URI: headers ('?%.*s') are not "
			       "allowed in a Request-URI (RFC 3261 §19.1.1, Table 1; RFC 4475 "
			       "§3.1.2.11): a server answers 400 or ignores them.",
			       SLICE_ARG(u.headers));
	} else if ((at = sip_reason_ctl(m)) != NULL) {
		report(c, NULL, at, "Reason-Phrase: control byte 0x%02x. RFC 3261 allows none there "
		       "but HTAB; %s", (unsigned)(unsigned char)*at,
		       *at == '\r' ? "a peer that ends lines at a CR takes the status line to end "
				     "there and reads what follows as a header of its own." :
				     "a strict UE drops the response and, over UDP, sends its request "
				     "again until Timer F ends the transaction (RFC 3261 §17.1.2).");
	}
	for (uint16_t i = 0; i < m->nhdrs; i++) {
		const struct sip_hdr *h = &m->hdrs[i];
		if (is_informational(h->id))
			continue;
		memset(&err, 0, sizeof err);
		const char *ctl;
		int rc = decode_header(m, h, &err);
		if (rc == -ERANGE && h->id == SIP_HDR_EXPIRES)
			continue; /* digits above 2^32-1: no syntax error, expires-range's */
		bool blank = rc < 0 && slice_trim(h->value).len == 0;
		if (blank && h->id == SIP_HDR_VIA)
			report(c, h, err.at ? err.at : h->value.ptr,
			       "%.*s is written with no value, which its grammar does not allow: the "
			       "response has no address to go to and the transaction no branch. A "
			       "strict peer answers 400 Bad Request or drops it; the sender must "
			       "write its transport, sent-by and branch (RFC 3261 §8.1.1.7).",
			       HDR_LABEL(h));
		else if (blank)
			report(c, h, err.at ? err.at : h->value.ptr,
			       "%.*s is written with no value, which its grammar does not allow (it "
			       "needs at least one element). A strict peer answers 400 Bad Request "
			       "(or drops it over UDP); the sender should leave the header out when "
			       "it has nothing to put in it.", HDR_LABEL(h));
		else if (rc < 0)
			report(c, h, err.at ? err.at : h->value.ptr,
			       "%.*s: %s. A strict peer answers 400 Bad Request (or drops it over "
			       "UDP); look at the byte pointed at.", HDR_LABEL(h),
			       err.reason ? reason_after_label(h, err.reason) : "malformed value");
		else if ((ctl = value_ctl(h->value)) != NULL)
			report(c, h, ctl, "%.*s: control byte 0x%02x in the value: RFC 3261 allows "
			       "none outside white space, not even inside quotes. A strict peer "
			       "answers 400 Bad Request; look for a UE or log tool that wrote a "
			       "raw binary or non-printable character.", HDR_LABEL(h),
			       (unsigned)(unsigned char)*ctl);
	}
}

static void check_syntax_informational(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	struct sip_parse_error err;
	for (uint16_t i = 0; i < m->nhdrs; i++) {
		const struct sip_hdr *h = &m->hdrs[i];
		if (!is_informational(h->id))
			continue;
		memset(&err, 0, sizeof err);
		if (decode_header(m, h, &err) >= 0)
			continue;
		if (slice_trim(h->value).len == 0)
			report(c, h, err.at ? err.at : h->value.ptr,
			       "%.*s is written with no value, which its grammar does not allow. "
			       "Registrars rarely look inside it, but a strict parser may reject the "
			       "whole message; the sender should leave the header out instead.",
			       HDR_LABEL(h));
		else
			report(c, h, err.at ? err.at : h->value.ptr,
			       "%.*s: %s. Registrars rarely look inside it, but a strict parser may "
			       "reject the whole message; look at the byte pointed at.",
			       HDR_LABEL(h), err.reason ? reason_after_label(h, err.reason) : "malformed value");
	}
}

/* Windows-1252's characters at 0x80-0x9F (0 where it has none); from 0xA0
 * on it is ISO-8859-1, whose bytes are their code points. */
static const uint16_t cp1252_c1[32] = {
	0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017d, 0,
	0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178,
};

/* [p, end) read as the legacy 8-bit text its bytes that are not UTF-8 most
 * likely are: each such byte as Windows-1252 (ISO-8859-1 from 0xA0; U+FFFD
 * where Windows-1252 has nothing), UTF-8 sequences as they are. Written as
 * UTF-8 into out (NUL-terminated, cut to cap); *c1: a byte of 0x80-0x9F,
 * where the two encodings differ, was read. */
static void legacy_reading(char *out, size_t cap, const char *p, const char *end, bool *c1)
{
	size_t n = 0;
	*c1 = false;
	while (p < end) {
		char u[4];
		const char *src = p;
		size_t k = utf8_seq_len((const unsigned char *)p, (size_t)(end - p));
		if (!k) {
			unsigned b = (unsigned char)*p, cp = b;
			if (b < 0xa0) {
				*c1 = true;
				cp = cp1252_c1[b - 0x80] ? cp1252_c1[b - 0x80] : 0xfffd;
			}
			src = u;
			k = utf8_encode(u, cp);
			p++;
		} else {
			p += k;
		}
		if (n + k < cap) {
			memcpy(out + n, src, k);
			n += k;
		}
	}
	out[n] = '\0';
}

/* The text around the first byte that is not UTF-8 (at, inside [p, end)),
 * read as legacy_reading reads it: the whole of a short value, else about
 * 30 bytes before and 50 after, "..." where it is cut. */
static void not_utf8_excerpt(char *out, size_t cap, const char *p, const char *end, const char *at,
			     bool *c1)
{
	const char *s = p, *e = end;
	if (end - p > 96) {
		s = at - p > 30 ? at - 30 : p;
		e = end - at > 50 ? at + 50 : end;
		/* not inside a UTF-8 sequence: past its continuation bytes */
		for (int i = 0; i < 3 && s > p && s < at && ((unsigned char)*s & 0xc0) == 0x80; i++)
			s++;
		while (e < end && e > at + 1 && ((unsigned char)*e & 0xc0) == 0x80)
			e--;
	}
	size_t n = 0;
	if (s > p && cap > 4) {
		memcpy(out, "...", 3);
		n = 3;
	}
	legacy_reading(out + n, cap - n - 3, s, e, c1);
	if (e < end)
		strcat(out, "...");
}

/* RFC 3261 §25.1: the text of a SIP message (quoted strings, comments, a
 * reason phrase, an extension header's value) is UTF-8; a byte that is not
 * (a display name in Latin-1, from a UE or from the log that wrote it) is
 * reported once a field, with the text as that encoding reads it. */
static void utf8_report(struct ctx *c, const struct sip_hdr *h, struct slice label, struct slice v)
{
	const char *end = v.ptr + v.len, *at = scan_find_non_utf8(v.ptr, end);
	if (at == end)
		return;
	unsigned bad = 0;
	for (const char *q = at; q < end; q = scan_find_non_utf8(q + 1, end))
		bad++;
	/* inside a quoted string (a display name, a Digest parameter): its
	 * text alone */
	const char *qs = NULL, *qe = end;
	for (const char *q = v.ptr; q < at; q++) {
		if (*q != '"')
			continue;
		struct scan sc = { q, end };
		struct slice in;
		if (scan_quoted(&sc, &in) < 0) { /* never closed: to the end */
			qs = q + 1;
			break;
		}
		if (at < in.ptr + in.len) {
			qs = in.ptr;
			qe = in.ptr + in.len;
			break;
		}
		q = sc.p - 1; /* past the closing quote */
	}
	char reading[200];
	bool c1;
	if (qs)
		not_utf8_excerpt(reading, sizeof reading, qs, qe, at, &c1);
	else
		not_utf8_excerpt(reading, sizeof reading, v.ptr, end, at, &c1);
	report(c, h, at, "%.*s: %u byte%s that %s not UTF-8, the first 0x%02X: SIP's text is UTF-8 "
	       "(RFC 3261 §25.1). Read as %s it says \"%s\": a legacy 8-bit encoding, from the "
	       "UE or from the tool that logged the message (a capture tells which). A peer that "
	       "checks UTF-8 may answer 400 Bad Request, and XML that carries the text on breaks "
	       "(a display name in the reg-event NOTIFY, RFC 3680); the UE must send UTF-8.",
	       SLICE_ARG(label), bad, bad == 1 ? "" : "s", bad == 1 ? "is" : "are",
	       (unsigned)(unsigned char)*at, c1 ? "Windows-1252" : "ISO-8859-1 (Latin-1)", reading);
}

static void check_utf8(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (m->start_line.ptr)
		utf8_report(c, NULL, SLICE_LIT("start line"), m->start_line);
	for (uint16_t i = 0; i < m->nhdrs; i++) {
		const struct sip_hdr *h = &m->hdrs[i];
		/* an extension header by its name as written */
		const char *n = sip_hdr_name(h->id);
		if (h->value.ptr)
			utf8_report(c, h, n ? slice_cstr(n) : h->name, h->value);
	}
}

static void check_single_repeated(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	for (int id = 1; id < SIP_HDR__COUNT; id++) {
		if (!sip_hdr_is_single((enum sip_hdr_id)id))
			continue;
		unsigned n = sip_hdr_count(m, (enum sip_hdr_id)id);
		if (n < 2)
			continue;
		const struct sip_hdr *h = sip_hdr_first(m, (enum sip_hdr_id)id);
		h = sip_hdr_next(m, h);
		report(c, h, NULL, "%.*s appears %u times but may appear only once: peers "
		       "disagree on which one counts. Remove the duplicate (often a proxy "
		       "or a log merge added it).", HDR_LABEL(h), n);
	}
}

static bool is_auth_hdr(enum sip_hdr_id id)
{
	return id == SIP_HDR_AUTHORIZATION || id == SIP_HDR_PROXY_AUTHORIZATION ||
	       id == SIP_HDR_WWW_AUTHENTICATE || id == SIP_HDR_PROXY_AUTHENTICATE;
}

static void check_comma_combined(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	for (uint16_t i = 0; i < m->nhdrs; i++) {
		const struct sip_hdr *h = &m->hdrs[i];
		struct sip_parse_error err;
		if (is_auth_hdr(h->id)) {
			struct sip_auth a;
			struct slice rest = SLICE_NULL;
			if (sip_auth_decode(&a, h->value, &rest, &err) == 0 && slice_present(rest))
				report(c, h, rest.ptr, "%.*s carries a second %s after a comma: each "
				       "one needs its own header field (§7.3.1). Many servers read "
				       "only the first; split it in two fields.",
				       HDR_LABEL(h), h->id == SIP_HDR_AUTHORIZATION ||
				       h->id == SIP_HDR_PROXY_AUTHORIZATION ? "set of credentials" :
				       "challenge");
			continue;
		}
		/* the single-value headers whose syntax has no comma at all (Date,
		 * User-Agent comments, Authentication-Info and free text may) */
		switch (h->id) {
		case SIP_HDR_TO:
		case SIP_HDR_FROM:
		case SIP_HDR_CALL_ID:
		case SIP_HDR_CSEQ:
		case SIP_HDR_MAX_FORWARDS:
		case SIP_HDR_EXPIRES:
		case SIP_HDR_MIN_EXPIRES:
		case SIP_HDR_CONTENT_LENGTH:
			break;
		default:
			continue;
		}
		struct sip_list it;
		struct slice item;
		int n = 0;
		const char *second = NULL;
		sip_list_init(&it, h->value);
		while (sip_list_next(&it, &item, &err) == 1)
			if (++n == 2)
				second = item.ptr;
		if (n > 1)
			report(c, h, second, "%.*s holds %d comma-separated values but takes one: "
			       "it is not a list header. Keep one value.", HDR_LABEL(h), n);
	}
}

static void check_content_length(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const struct sip_hdr *h = sip_hdr_first(m, SIP_HDR_CONTENT_LENGTH);
	if (!m->has_content_length) {
		if (m->body.len)
			report(c, NULL, m->body.ptr, "a %zu-byte body but no Content-Length: over "
			       "TCP the receiver cannot find the end of the message.", m->body.len);
		return;
	}
	if ((m->repairs & SIP_REPAIR_SHORT_BODY) || m->content_length != m->body.len)
		report(c, h, h ? h->value.ptr : NULL, "Content-Length says %u but the body "
		       "has %zu bytes: over TCP the stream goes out of step, over UDP the "
		       "message is dropped. Check who edited the message.",
		       m->content_length, m->body.len);
}

/* RFC 3261 §18.1.1: "If a request is within 200 bytes of the path MTU,
 * or if it is larger than 1300 bytes and the path MTU is unknown, the
 * request MUST be sent using an RFC 2914 congestion controlled transport
 * protocol, such as TCP." The path MTU is not in the message: a request
 * over 1300 bytes whose top Via (its sender's) says UDP. */
static void check_udp_size(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const struct sip_hdr *h;
	struct elem_it it;
	struct slice item;
	struct sip_via v;
	struct sip_parse_error err;
	if (m->len <= 1300)
		return;
	elem_it_init(&it, m, SIP_HDR_VIA);
	if (!elem_next(&it, &item, &h) || sip_via_decode(&v, item, &err) < 0 ||
	    !slice_caseeq_cstr(v.transport, "UDP"))
		return;
	report(c, h, v.transport.ptr, "a request of %zu bytes sent over UDP: above 1300 bytes it "
	       "must go over a congestion-controlled transport such as TCP. Over UDP it travels in "
	       "IP fragments, which NATs, firewalls and some mobile paths drop: a common cause of "
	       "REGISTERs and INVITEs that never arrive. Check that the sender moves to TCP for "
	       "large requests (and that the P-CSCF accepts TCP).", m->len);
}

/* RFC 3261 §8.1.1.7 binds the element that adds the Via: "The branch ID
 * inserted by an element compliant with this specification MUST always
 * begin with the characters z9hG4bK". What the decoded message shows of
 * that element: the one Via of a REGISTER is the UE's own (an IMS UE is
 * an RFC 3261 UA, TS 24.229); any other Via (a forwarded request's, or a
 * request from some other UA) may be an RFC 2543 element's, which RFC
 * 3261 §17.2.3 still serves by the old matching rules (RFC 4475 §3.1.1.1
 * wsinv, §3.1.1.7 longreq, §3.4.1 inv2543 are valid messages). The
 * cookie alone is an error wherever it tops the list: the sender claims
 * RFC 3261 and names no transaction (RFC 4475 §3.2.1). */
static bool via_is_ues(const struct ctx *c, unsigned index)
{
	return index == 0 && c->is_register && c->ue_leg;
}

static void check_via_branch(struct ctx *c)
{
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h;
	unsigned index = 0;
	elem_it_init(&it, c->msg, SIP_HDR_VIA);
	for (; elem_next(&it, &item, &h); index++) {
		struct sip_via v;
		struct sip_parse_error err;
		if (sip_via_decode(&v, item, &err) < 0)
			continue;
		bool cookie = slice_present(v.branch) && v.branch.len >= 7 &&
			      memcmp(v.branch.ptr, "z9hG4bK", 7) == 0;
		if (index == 0 && cookie && v.branch.len == 7)
			report(c, h, v.branch.ptr, "branch is the magic cookie z9hG4bK alone: it "
			       "names no transaction, so two requests of this sender cannot "
			       "be told apart (RFC 4475 §3.2.1: a server may answer 400). "
			       "Fix the branch generator.");
		if (!via_is_ues(c, index) || cookie)
			continue;
		if (!slice_present(v.branch) || v.branch.len == 0)
			report(c, h, item.ptr, "the UE's Via has no branch: the transaction cannot "
			       "be matched and retransmissions look like new requests. "
			       "The UE must put branch=z9hG4bK<unique> (RFC 3261 §8.1.1.7).");
		else
			report(c, h, v.branch.ptr, "the UE's branch lacks the magic cookie z9hG4bK "
			       "(case-sensitive): peers treat the UE as RFC 2543 and "
			       "match transactions the old way. Fix the UE's branch "
			       "generator.");
	}
}

/* The Vias the rule above leaves alone: no branch or no cookie on a Via
 * that is not the UE's own. Legal (an RFC 2543 hop, RFC 3261 §17.2.3), so
 * one remark for the message, at the first of them. */
static void check_via_branch_rfc2543(struct ctx *c)
{
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h, *first_h = NULL;
	const char *first_at = NULL;
	unsigned index = 0, n = 0;
	elem_it_init(&it, c->msg, SIP_HDR_VIA);
	for (; elem_next(&it, &item, &h); index++) {
		struct sip_via v;
		struct sip_parse_error err;
		if (via_is_ues(c, index) || sip_via_decode(&v, item, &err) < 0)
			continue;
		if (slice_present(v.branch) && v.branch.len >= 7 &&
		    memcmp(v.branch.ptr, "z9hG4bK", 7) == 0)
			continue;
		if (n++ == 0) {
			first_h = h;
			first_at = item.ptr;
		}
	}
	if (n)
		report(c, first_h, first_at, "%u Via value%s without a z9hG4bK branch (this "
		       "is the first): added by an element of RFC 2543, which RFC 3261 still "
		       "serves, matching its transactions the old way (§17.2.3). Not the UE's "
		       "own Via; worth knowing if a response or a retransmission goes astray.",
		       n, n > 1 ? "s" : "");
}

static void check_cseq(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const struct sip_hdr *h = sip_hdr_first(m, SIP_HDR_CSEQ);
	struct sip_cseq cs;
	struct sip_parse_error err;
	if (!h || sip_cseq_decode(&cs, h->value, &err) < 0)
		return;
	if (cs.seq >= 0x80000000u)
		report(c, h, h->value.ptr, "CSeq %u is not below 2^31: RFC 3261 §8.1.1.5 keeps "
		       "room to increment. The UE's CSeq counter is corrupt or uninitialised.",
		       cs.seq);
	if (m->is_request && !slice_eq(cs.method, m->method))
		report(c, h, cs.method.ptr, "CSeq method \"%.*s\" differs from the request "
		       "method \"%.*s\": the transaction cannot match. The registrar answers 400.",
		       SLICE_ARG(cs.method), SLICE_ARG(m->method));
}

/* The weekday of a Gregorian date, 0 = Sunday (Sakamoto's method: the
 * year starts in March, so the leap day is the year's last). */
static int weekday_of(int y, int m, int d)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	if (m < 3)
		y -= 1;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static void check_date_weekday(struct ctx *c)
{
	static const char *const names[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	const struct sip_hdr *h = sip_hdr_first(c->msg, SIP_HDR_DATE);
	struct sip_date d;
	struct sip_parse_error err;
	if (!h || sip_date_decode(&d, h->value, &err) < 0)
		return;
	int wd = weekday_of(d.year, d.month, d.day);
	if (wd != d.weekday)
		report(c, h, slice_trim(h->value).ptr,
		       "Date says %s but %04d-%02d-%02d is a %s: the sender formats its Date "
		       "wrongly, so check its clock as well (a UE that sets its time from the "
		       "200's Date takes the error with it).",
		       names[d.weekday], d.year, d.month, d.day, names[wd]);
}

/* ---- 2. REGISTER construction (RFC 3261 §10.2) ------------------------- */

static void check_ruri_userinfo(struct ctx *c)
{
	if (!c->ruri_ok)
		return;
	if (slice_present(c->ruri.user) || slice_present(c->ruri.password))
		report(c, NULL, c->ruri.user.ptr ? c->ruri.user.ptr : c->msg->ruri.ptr,
		       "the Request-URI of a REGISTER names the registrar's domain and must "
		       "not carry user@: put the identity in To, and sip:<home domain> here "
		       "(the UE's home domain from the ISIM, or derived from the IMSI).");
}

static void check_ruri_scheme(struct ctx *c)
{
	if (!c->ruri_ok)
		return;
	if (c->ruri.scheme != SIP_URI_SIP && c->ruri.scheme != SIP_URI_SIPS)
		report(c, NULL, c->msg->ruri.ptr, "a REGISTER's Request-URI must be a sip: or "
		       "sips: URI of the registrar's domain, not \"%.*s:\".",
		       SLICE_ARG(c->ruri.scheme_name));
}

static void check_to_aor(struct ctx *c)
{
	if (!c->to_ok)
		return;
	enum sip_uri_scheme s = c->to.uri.scheme;
	if (s == SIP_URI_TEL)
		report(c, c->to_hdr, c->to.uri_text.ptr, "To is a tel URI: the address of record "
		       "of a REGISTER must be a sip: or sips: URI (RFC 3261 §10.2; TS 24.229 "
		       "§5.1.1.2.1: a SIP URI with the IMPU). A tel IMPU is registered "
		       "implicitly with the SIP one and comes back in P-Associated-URI.");
	else if (s != SIP_URI_SIP && s != SIP_URI_SIPS)
		report(c, c->to_hdr, c->to.uri_text.ptr, "To must be the address of record "
		       "(a sip: or sips: IMPU), not \"%.*s\": the registrar cannot bind it.",
		       SLICE_ARG(c->to.uri_text));
	else if ((s == SIP_URI_SIP || s == SIP_URI_SIPS) && !slice_present(c->to.uri.user))
		report(c, c->to_hdr, c->to.uri_text.ptr, "To has no user part: an IMPU is "
		       "user@domain (e.g. sip:+E164@domain or the temporary IMPU "
		       "sip:IMSI@ims.mncXXX.mccYYY.3gppnetwork.org).");
}

static void check_contact_star(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	int n = 0;
	const struct sip_hdr *star = NULL;
	const char *star_at = NULL;
	while ((ct = contact_next(c, &cur))) {
		n++;
		if (ct->a.star) {
			star = ct->h;
			star_at = ct->h->value.ptr;
		}
	}
	if (!star)
		return;
	if (n > 1)
		report(c, star, star_at, "Contact: * (remove all bindings) must be the only "
		       "Contact; here there are %d.", n);
	if (!c->has_expires || c->expires != 0)
		report(c, star, star_at, "Contact: * is allowed only with Expires: 0 (remove "
		       "every binding of the AOR); the registrar answers 400.");
}

static void check_no_contact(struct ctx *c)
{
	if (!sip_hdr_first(c->msg, SIP_HDR_CONTACT))
		report(c, NULL, c->msg->start_line.ptr, "no Contact: this REGISTER binds nothing; "
		       "it only asks the registrar for the current bindings (§10.2.3). An IMS "
		       "UE always sends its Contact; check whether it was lost.");
}

static void check_deregister(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	if (!c->deregister) {
		/* some bindings removed, others kept or added */
		while ((ct = contact_next(c, &cur)))
			if (!ct->a.star && contact_removed(c, ct))
				report(c, ct->h, ct->a.has_expires ? ct->a.expires_text.ptr :
					   ct->a.uri_text.ptr,
				       "expires 0 for %.*s: this REGISTER removes that binding and "
				       "keeps or refreshes the others it lists (RFC 3261 §10.2.2); "
				       "the 200 lists what remains.", SLICE_ARG(ct->a.uri_text));
		return;
	}
	/* point at the zero that applies: the first contact's own expires=0,
	 * else the Expires header, else the Contact ("*") */
	const struct sip_hdr *h = NULL;
	const char *at = NULL;
	while ((ct = contact_next(c, &cur)))
		if (!ct->a.star && ct->a.has_expires) {
			h = ct->h;
			at = ct->a.expires_text.ptr;
			break;
		}
	if (!h && (h = sip_hdr_first(c->msg, SIP_HDR_EXPIRES)) != NULL)
		at = h->value.ptr;
	if (!h && (h = sip_hdr_first(c->msg, SIP_HDR_CONTACT)) != NULL)
		at = h->value.ptr;
	report(c, h, at, "expires 0: this is a deregistration. The "
	       "registrar removes the binding(s) and answers 200; in IMS the S-CSCF also "
	       "notifies the reg event and the P-CSCF removes the IPsec SAs after the "
	       "200. Calls to this UE then fail until it registers again.");
}

/* RFC 3261 §20.19 bounds an expiry to 2^32-1; the codec keeps a larger
 * expires parameter as 2^32-1 (RFC 4475 scalar02), which no registrar
 * grants as written. */
static void check_expires_range(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	/* the header as the parameter: delta-seconds is 1*DIGIT (§25.1), its
	 * range is §20.19's, so digits beyond it are a range fault, not a
	 * syntax one (the codec refuses them with -ERANGE) */
	for (const struct sip_hdr *h = c->expires_hdr; h; h = sip_hdr_next(c->msg, h)) {
		uint32_t v;
		struct sip_parse_error err = { 0 };
		/* the first one was decoded by ctx_prepare */
		int rc = h == c->expires_hdr ? c->expires_rc : sip_u32_decode(&v, h->value, &err);
		if (rc == -ERANGE)
			report(c, h, h->value.ptr, "Expires: %.*s is above 2^32-1, the largest "
			       "expiry RFC 3261 §20.19 allows: a malformed value, which registrars "
			       "take as their default (3600, RFC 4475 §3.1.2.4) or refuse. Check "
			       "the UE's timer setting.", SLICE_ARG(h->value));
	}
	while ((ct = contact_next(c, &cur)))
		if (!ct->a.star && ct->a.has_expires && ct->a.expires_saturated)
			report(c, ct->h, ct->a.expires_text.ptr, "expires=%.*s is above 2^32-1, the "
			       "largest expiry RFC 3261 §20.19 allows: a malformed value, which "
			       "registrars take as their default (3600, RFC 4475 §3.1.2.4) or refuse. "
			       "Check the UE's timer setting.", SLICE_ARG(ct->a.expires_text));
}

static void check_contact_expires(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	if (!c->has_expires)
		return;
	while ((ct = contact_next(c, &cur))) {
		const struct sip_addr *a = &ct->a;
		if (a->star || !a->has_expires || a->expires == c->expires)
			continue;
		report(c, ct->h, a->expires_text.ptr, "the Contact's expires=%u wins over the "
		       "Expires header (%u) for this binding; the header only applies to "
		       "contacts without the parameter.", a->expires, c->expires);
	}
}

/* ---- 3. responses to REGISTER ----------------------------------------- */

static void check_401(struct ctx *c)
{
	if (c->msg->is_request || c->msg->status != 401)
		return;
	if (!sip_hdr_first(c->msg, SIP_HDR_WWW_AUTHENTICATE))
		report(c, NULL, c->msg->start_line.ptr, "401 without WWW-Authenticate: the UE "
		       "has nothing to answer. Check the S-CSCF's HSS query (MAR/MAA) and the "
		       "P-CSCF, which must forward the challenge.");
}

static void check_401_aka(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (!c->fields && (m->is_request || m->status != 401 || !c->is_reg_response))
		return;
	for (const struct sip_hdr *h = sip_hdr_first(m, SIP_HDR_WWW_AUTHENTICATE); h;
	     h = sip_hdr_next(m, h)) {
		struct sip_auth a;
		struct slice rest;
		struct sip_parse_error err;
		if (sip_auth_decode(&a, h->value, &rest, &err) < 0)
			continue;
		/* on Mw (more than one Via) the S-CSCF must send them to the
		 * P-CSCF (TS 24.229 §5.4.1.2.1): only the UE's leg is wrong */
		if (c->ue_leg && (slice_present(a.field[SIP_AUTH_CK]) || slice_present(a.field[SIP_AUTH_IK])))
			report(c, h, a.field[SIP_AUTH_CK].ptr ? a.field[SIP_AUTH_CK].ptr :
			       a.field[SIP_AUTH_IK].ptr, "the challenge carries ck/ik: the "
			       "P-CSCF must strip them before the 401 leaves for the UE. Either "
			       "this was captured on Mw (P-CSCF to S-CSCF) or the P-CSCF leaks "
			       "the IPsec keys.");
		struct slice alg = a.field[SIP_AUTH_ALGORITHM];
		if (slice_startswith_case(alg, "AKAv") && slice_present(a.field[SIP_AUTH_NONCE])) {
			struct ims_aka_nonce n;
			if (ims_aka_nonce_decode(&n, a.field[SIP_AUTH_NONCE]) < 0)
				report(c, h, a.field[SIP_AUTH_NONCE].ptr, "the AKA nonce is not "
				       "base64(RAND || AUTN) of at least 32 bytes: the ISIM cannot "
				       "run AKA. Check the S-CSCF's encoding of the HSS vector.");
		}
	}
}

static void check_401_security_server(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (m->is_request || m->status != 401 || !c->is_reg_response)
		return;
	if (sip_hdr_first(m, SIP_HDR_WWW_AUTHENTICATE) && !sip_hdr_first(m, SIP_HDR_SECURITY_SERVER))
		report(c, NULL, m->start_line.ptr, "401 without Security-Server: the P-CSCF "
		       "offers no IPsec, so the next REGISTER goes unprotected. Fine if the "
		       "UE sent no Security-Client; else check the P-CSCF's sec-agree "
		       "configuration.");
}

static void check_200(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (m->is_request || m->status != 200 || !c->is_reg_response)
		return;
	const struct ims_flow_call *fc = c->fc;
	bool after_dereg = fc && fc->have_register && fc->reg_deregister && c->cseq_ok &&
			   c->cseq.seq == fc->reg_cseq;
	if (!sip_hdr_first(m, SIP_HDR_CONTACT) && !after_dereg) {
		report(c, NULL, m->start_line.ptr, "200 to REGISTER without Contact: no binding "
		       "is listed, so the UE cannot learn the time granted. Expected only "
		       "after a deregistration.");
		return;
	}
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = contact_next(c, &cur))) {
		if (ct->a.star || ct->a.has_expires)
			continue;
		if (!c->has_expires)
			report(c, ct->h, ct->a.uri_text.ptr, "a binding in the 200 without expires and no "
			       "Expires header: the UE cannot tell when to refresh. The registrar "
			       "must give expires per Contact.");
		else
			report(c, ct->h, ct->a.uri_text.ptr, "a binding in the 200 without its expires "
			       "parameter: RFC 3261 §10.3 has the registrar put the time it granted "
			       "on each Contact. Most UEs fall back to the Expires header (%u s); "
			       "one that does not refreshes on its own default.", c->expires);
	}
}

/* What an error response to REGISTER must carry for the UE to recover:
 * 423 its Min-Expires (RFC 3261 §10.3 step 7, §21.4.17), 420 the option
 * tags refused in Unsupported (§8.2.2.3, §21.4.15). */
static void check_error_contents(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (m->is_request)
		return;
	if (m->status == 423 && !sip_hdr_first(m, SIP_HDR_MIN_EXPIRES))
		report(c, NULL, m->start_line.ptr, "423 Interval Too Brief without Min-Expires: "
		       "the UE cannot learn the shortest expiry the registrar takes, so it "
		       "can only guess. Check the registrar (RFC 3261 §10.3 step 7).");
	if (m->status == 420 && !sip_hdr_first(m, SIP_HDR_UNSUPPORTED))
		report(c, NULL, m->start_line.ptr, "420 Bad Extension without Unsupported: the UE "
		       "cannot tell which Require / Proxy-Require option tag was refused "
		       "(often sec-agree at a P-CSCF without IPsec). Check the server "
		       "(RFC 3261 §8.2.2.3).");
}

static void check_200_ims(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (m->is_request || m->status != 200 || !c->is_reg_response)
		return;
	bool dereg = c->has_expires && c->expires == 0;
	if (dereg || !sip_hdr_first(m, SIP_HDR_CONTACT))
		return;
	if (!sip_hdr_first(m, SIP_HDR_SERVICE_ROUTE))
		report(c, NULL, m->start_line.ptr, "200 without Service-Route: the UE will not "
		       "know which S-CSCF to route its own requests through, so originating "
		       "calls may miss their services. Check the S-CSCF.");
	if (!sip_hdr_first(m, SIP_HDR_P_ASSOCIATED_URI))
		report(c, NULL, m->start_line.ptr, "200 without P-Associated-URI: the UE does "
		       "not learn its implicitly registered IMPUs (e.g. its tel URI) nor its "
		       "default identity. Check the implicit registration set in the HSS.");
	if (!sip_hdr_first(m, SIP_HDR_PATH))
		report(c, NULL, m->start_line.ptr, "200 without Path: the registrar should echo "
		       "the Path it stored (RFC 3327 §5.3). If the REGISTER had one, "
		       "terminating requests may not find the P-CSCF.");
}

/* ---- 4. TS 24.229 REGISTER contents ----------------------------------- */

static void check_ims_authorization(struct ctx *c)
{
	if (c->deregister && !sip_hdr_first(c->msg, SIP_HDR_AUTHORIZATION))
		return;
	if (!sip_hdr_first(c->msg, SIP_HDR_AUTHORIZATION))
		report(c, NULL, c->msg->start_line.ptr, "no Authorization: with IMS AKA the "
		       "UE sends its IMPI in username (with nonce=\"\" and response=\"\") so the "
		       "S-CSCF knows whom to challenge; without it the S-CSCF must guess the "
		       "IMPI from the IMPU (fine only for GIBA/NBA).");
}

static bool one_of(struct slice s, const char *const *list)
{
	for (; *list; list++)
		if (slice_caseeq_cstr(s, *list))
			return true;
	return false;
}

static void check_ims_auth_fields(struct ctx *c)
{
	if (!c->auth_ok)
		return;
	/* TS 24.229 §7.2A.2's values are those the catalogue explains one
	 * by one (explain.c) */
	struct slice ip = c->auth.field[SIP_AUTH_INTEGRITY_PROTECTED];
	if (slice_present(ip) &&
	    !ims_explain_param_value(SIP_HDR_AUTHORIZATION, SLICE_LIT("integrity-protected"), ip))
		report(c, c->auth_hdr, ip.ptr, "integrity-protected=\"%.*s\" is none of TS 24.229 "
		       "§7.2A.2's values (yes, no, tls-pending, tls-yes, ip-assoc-pending, "
		       "ip-assoc-yes, auth-done): the S-CSCF cannot tell how the P-CSCF "
		       "protected the REGISTER. Check the P-CSCF.", SLICE_ARG(ip));
	static const enum sip_auth_field need[] = { SIP_AUTH_USERNAME, SIP_AUTH_REALM,
		SIP_AUTH_URI, SIP_AUTH_NONCE, SIP_AUTH_RESPONSE };
	for (size_t i = 0; i < sizeof need / sizeof need[0]; i++)
		if (!slice_present(c->auth.field[need[i]]))
			report(c, c->auth_hdr, c->auth_hdr->value.ptr, "Authorization lacks %s: "
			       "TS 24.229 wants username (IMPI), realm, uri, nonce and response in "
			       "every REGISTER, with nonce=\"\" and response=\"\" before the first "
			       "challenge.", sip_auth_field_name(need[i]));
}

static void check_auth_uri(struct ctx *c)
{
	if (!c->auth_ok || !slice_present(c->auth.field[SIP_AUTH_URI]))
		return;
	struct slice u = c->auth.field[SIP_AUTH_URI];
	if (!slice_eq(u, c->msg->ruri))
		report(c, c->auth_hdr, u.ptr, "Authorization uri \"%.*s\" is not the "
		       "Request-URI \"%.*s\": the digest is computed over the uri, so the "
		       "registrar may reject the response. The UE must copy the Request-URI.",
		       SLICE_ARG(u), SLICE_ARG(c->msg->ruri));
}

static void check_realm_domain(struct ctx *c)
{
	if (!c->auth_ok || !slice_present(c->auth.field[SIP_AUTH_REALM]))
		return;
	struct slice realm = c->auth.field[SIP_AUTH_REALM];
	struct slice home = c->ruri_ok ? c->ruri.host : SLICE_NULL;
	struct slice from = c->from_ok ? c->from.uri.host : SLICE_NULL;
	if (slice_present(home) && slice_caseeq(realm, home))
		return;
	if (slice_present(from) && slice_caseeq(realm, from))
		return;
	char rb[64], hb[64];
	report(c, c->auth_hdr, realm.ptr, "realm \"%s\" is neither the home domain of the "
	       "Request-URI nor the From domain (\"%s\"). %s", cstr(rb, sizeof rb, realm),
	       cstr(hb, sizeof hb, slice_present(home) ? home : from),
	       c->protected_reg ? "After a 401 the realm is copied from the challenge: if the "
	       "401 said so, the S-CSCF's realm differs from the home domain; check it."
	       : "On the initial REGISTER the UE must use its home domain; check the ISIM's "
	       "home domain.");
}

/* TS 24.229 §5.1.1.2.1: the Request-URI is the home network domain name;
 * an IP address there is a UE configured with the P-CSCF's address as its
 * home domain. */
static void check_ruri_name(struct ctx *c)
{
	if (!c->ruri_ok || (c->ruri.scheme != SIP_URI_SIP && c->ruri.scheme != SIP_URI_SIPS))
		return;
	if (c->ruri.host_type == SIP_HOST_IPV4 || c->ruri.host_type == SIP_HOST_IPV6)
		report(c, NULL, c->ruri.host.ptr, "the Request-URI is an IP address, not the home "
		       "network domain name (ISIM EF_DOMAIN, or ims.mncXXX.mccYYY.3gppnetwork.org "
		       "from the IMSI): the I-CSCF cannot find the home network from it, and "
		       "the S-CSCF may refuse it. Check the UE's home domain setting.");
}

static void check_ruri_home(struct ctx *c)
{
	if (!c->ruri_ok || !c->to_ok || c->to.uri.scheme == SIP_URI_TEL)
		return;
	if (!slice_present(c->to.uri.host) || slice_caseeq(c->ruri.host, c->to.uri.host))
		return;
	char rb[64], tb[80];
	report(c, NULL, c->ruri.host.ptr, "Request-URI domain \"%s\" differs from the "
	       "IMPU's domain \"%s\" in To. The Request-URI must be the home network domain "
	       "(ISIM EF_DOMAIN, or derived from the IMSI); IMPUs often share it. If the "
	       "registration fails with 403/404, check the ISIM's home domain first.", cstr(rb, sizeof rb, c->ruri.host),
	       cstr(tb, sizeof tb, c->to.uri.host));
}

static void check_from_to(struct ctx *c)
{
	if (!c->to_ok || !c->from_ok)
		return;
	/* one IMPU however written (RFC 3261 §19.1.4: the host in any case,
	 * escapes, parameter order), but not another user in another case */
	if (sip_uri_equal(&c->from.uri, &c->to.uri))
		return;
	report(c, c->from_hdr, c->from.uri_text.ptr, "From (%.*s) and To (%.*s) differ: a "
	       "third-party registration. An IMS UE registers itself, with From = To = the "
	       "IMPU; the S-CSCF rejects it with 403. Check which IMPU the UE meant.",
	       SLICE_ARG(c->from.uri_text), SLICE_ARG(c->to.uri_text));
}

static void check_impi_format(struct ctx *c)
{
	if (!c->auth_ok || !slice_present(c->auth.field[SIP_AUTH_USERNAME]))
		return;
	struct slice u = c->auth.field[SIP_AUTH_USERNAME];
	if (slice_startswith_case(u, "sip:") || slice_startswith_case(u, "tel:"))
		report(c, c->auth_hdr, u.ptr, "username \"%.*s\" is a URI: the IMPI is an NAI "
		       "(user@realm, no scheme). The S-CSCF will not find it in the HSS; check "
		       "the ISIM's IMPI or derive it as IMSI@ims.mncMNC.mccMCC.3gppnetwork.org.",
		       SLICE_ARG(u));
	else if (!slice_present(nai_domain(u)) || nai_domain(u).len == 0)
		report(c, c->auth_hdr, u.ptr, "username \"%.*s\" is not an NAI (user@realm): "
		       "the S-CSCF will reject the IMPI. Check the ISIM's IMPI or derive it from "
		       "the IMSI as IMSI@ims.mncMNC.mccMCC.3gppnetwork.org.", SLICE_ARG(u));
}

static void check_imsi_domain(struct ctx *c)
{
	const struct ident *ids = c->ids;
	for (size_t i = ID_TO; i <= ID_USERNAME; i++) {
		const struct ims_identity *id = &ids[i].id;
		if (!ids[i].ok || !id->user_is_imsi || !id->domain_is_3gpp || id->user.len < 6)
			continue;
		if (id->domain_matches_imsi)
			continue;
		report(c, ids[i].h, id->domain.ptr, "%s: the IMSI %.*s does not belong to the "
		       "3GPP domain %.*s (MCC %s MNC %s); TS 23.003 derives %s (or %s for a "
		       "3-digit MNC). Check the IMSI, the MNC length on the SIM, or the "
		       "domain configured.", ids[i].what, SLICE_ARG(id->user),
		       SLICE_ARG(id->domain), id->domain_mcc, id->domain_mnc,
		       id->derived_domain2, id->derived_domain3);
	}
}

static void check_impi_derived(struct ctx *c)
{
	const struct ident *u = &c->ids[ID_USERNAME];
	if (!u->ok || !u->id.user_is_imsi || u->id.domain_is_3gpp ||
	    !slice_present(u->id.domain))
		return;
	const struct ims_identity id = u->id;
	report(c, c->auth_hdr, id.domain.ptr, "the IMPI's user is an IMSI but its realm "
	       "\"%.*s\" is not the derived %s: right if the ISIM holds this IMPI; a "
	       "USIM-only UE must derive IMSI@%s (TS 23.003 §13.3). Check the HSS knows "
	       "this IMPI.", SLICE_ARG(id.domain), id.derived_domain2, id.derived_domain2);
}

static void check_temporary_impu(struct ctx *c)
{
	if (!c->to_ok || c->to.uri.scheme == SIP_URI_TEL)
		return;
	if (!c->ids[ID_TO].ok || !c->ids[ID_TO].id.user_is_imsi)
		return;
	report(c, c->to_hdr, c->to.uri_text.ptr, "To is a temporary IMPU built from the IMSI "
	       "(no ISIM, TS 23.003 §13.4B): it is barred for calls; the UE must use the "
	       "IMPUs the 200 returns in P-Associated-URI. It also exposes the IMSI.");
}

static void check_test_plmn(struct ctx *c)
{
	const struct ident *ids = c->ids;
	for (size_t i = ID_TO; i <= ID_USERNAME; i++) {
		const struct ims_identity *id = &ids[i].id;
		if (!ids[i].ok || !id->user_is_imsi || id->user.len < 5 || memcmp(id->user.ptr, "001", 3) != 0)
			continue;
		report(c, ids[i].h, id->user.ptr, "IMSI %.*s is in MCC 001, the test network "
		       "code: a test SIM on a network simulator or lab core. A live network "
		       "will not know it.", SLICE_ARG(id->user));
		return; /* once per message */
	}
}

/* A UE without ISIM derives both its IMPI (TS 23.003 §13.3) and its
 * temporary IMPU (§13.4B) from the one IMSI of its USIM. */
static void check_same_imsi(struct ctx *c)
{
	const struct ident *to = &c->ids[ID_TO], *un = &c->ids[ID_USERNAME];
	if (!to->ok || !un->ok || !to->id.user_is_imsi || !un->id.user_is_imsi ||
	    slice_eq(to->id.user, un->id.user))
		return;
	report(c, un->h, un->id.user.ptr, "the IMPI's IMSI %.*s is not the IMSI %.*s of the "
	       "temporary IMPU in To: a UE without ISIM builds both from its one USIM IMSI "
	       "(TS 23.003 §13.3, §13.4B). The HSS will not link them (403); check which "
	       "SIM or profile wrote each.", SLICE_ARG(un->id.user), SLICE_ARG(to->id.user));
}

static void check_impi_impu_domain(struct ctx *c)
{
	if (!c->auth_ok || !c->to_ok || c->to.uri.scheme == SIP_URI_TEL)
		return;
	struct slice dom = nai_domain(c->auth.field[SIP_AUTH_USERNAME]);
	if (!slice_present(dom) || !slice_present(c->to.uri.host) ||
	    slice_caseeq(dom, c->to.uri.host))
		return;
	char db[64], tb[80];
	report(c, c->auth_hdr, dom.ptr, "the IMPI's realm \"%s\" and the IMPU's domain \"%s\" "
	       "differ: both normally name the home network. Check that the HSS links "
	       "this IMPI to this IMPU, or the S-CSCF answers 403.", cstr(db, sizeof db, dom),
	       cstr(tb, sizeof tb, c->to.uri.host));
}

static void check_contact_user(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	struct ims_identity cid;
	if (!c->to_ok || !c->ids[ID_TO].ok)
		return;
	const struct ims_identity *tid = &c->ids[ID_TO].id;
	while ((ct = contact_next(c, &cur))) {
		if (ct->a.star || ims_identity_decode(&cid, ct->a.uri_text) < 0)
			continue;
		if (cid.user_is_imsi && !tid->user_is_imsi)
			report(c, ct->h, ct->a.uri_text.ptr, "the Contact's user part is an IMSI while the "
			       "IMPU is not: the IMSI travels in every request routed to this "
			       "contact. UEs should use a non-identifying user part (or none).");
	}
}

/* A packet's time in microseconds (computed unsigned: any sec a caller
 * gives wraps, it does not overflow). */
static int64_t pk_us(const struct ims_packet *pk)
{
	return (int64_t)((uint64_t)pk->sec * 1000000u + pk->usec);
}

/* Whether the message's packet says when it went (the rules of time:
 * retransmissions, delays, refresh times, the notes of the capture's end). */
static bool pk_timed(const struct ctx *c)
{
	return c->pk && !c->pk->untimed;
}

/* Whether it says when to a fraction of a second (not a log's time stamp
 * to the second): the rules that count milliseconds. */
static bool pk_fine(const struct ctx *c)
{
	return pk_timed(c) && !c->pk->coarse;
}

/* The first element of the first Via field decoded into v: false when
 * there is none or it does not decode. */
static bool top_via(const struct sip_msg *m, struct sip_via *v)
{
	const struct sip_hdr *vh = sip_hdr_first(m, SIP_HDR_VIA);
	struct sip_list lit;
	struct slice item;
	struct sip_parse_error err;
	if (!vh)
		return false;
	sip_list_init(&lit, vh->value);
	return sip_list_next(&lit, &item, &err) == 1 && sip_via_decode(v, item, &err) == 0;
}

static void check_protected_ports(struct ctx *c)
{
	const struct sip_sec_mech sc = c->sc_ipsec;
	if (!c->protected_reg || !c->sc_ipsec_ok || !sc.has_port_s)
		return;
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = contact_next(c, &cur))) {
		const struct sip_uri *u = &ct->a.uri;
		if (ct->a.star || (u->has_port && u->port == sc.port_s))
			continue;
		report(c, ct->h, u->host.ptr, "the protected REGISTER's Contact has port %u, not "
		       "the UE's protected server port port-s=%u: the P-CSCF sends terminating "
		       "requests to the Contact port, which must be bound to the IPsec SA. Check "
		       "the UE updates its Contact after the SAs are set up.",
		       u->has_port ? u->port : 5060, sc.port_s);
	}
	const struct sip_hdr *vh = sip_hdr_first(c->msg, SIP_HDR_VIA);
	struct sip_via v;
	if (!top_via(c->msg, &v) || !slice_caseeq_cstr(v.transport, "UDP"))
		return;
	if (!v.has_port || v.port != sc.port_s)
		report(c, vh, v.host.ptr, "the protected REGISTER's Via sent-by port is %u, not "
		       "the protected server port port-s=%u: over UDP the P-CSCF sends the "
		       "response there, outside the SA. Check the UE's Via after sec-agree.",
		       v.has_port ? v.port : 5060, sc.port_s);
}

static void check_expires_600000(struct ctx *c)
{
	if (c->deregister)
		return;
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = contact_next(c, &cur))) {
		const struct sip_addr *a = &ct->a;
		const struct sip_hdr *h = ct->h;
		/* a contact removed in a REGISTER that keeps others asks for
		 * nothing (check_deregister says what it does) */
		if (a->star || contact_removed(c, ct))
			continue;
		/* an emergency registration's time is the network's (check_emergency) */
		if (ims_uri_is_emergency(&a->uri))
			continue;
		uint32_t e;
		const struct sip_hdr *eh = h;
		const char *at;
		if (a->has_expires) {
			e = a->expires;
			at = a->expires_text.ptr;
		} else if (c->has_expires) {
			e = c->expires;
			eh = sip_hdr_first(c->msg, SIP_HDR_EXPIRES);
			at = eh->value.ptr;
		} else if (sip_hdr_first(c->msg, SIP_HDR_EXPIRES)) {
			continue; /* an Expires that does not decode: header-syntax's or expires-range's */
		} else {
			report(c, h, a->uri_text.ptr, "no Expires and no expires parameter: the "
			       "registrar picks its default (often 3600). TS 24.229 and IR.92 ask "
			       "the UE for 600000 and let the S-CSCF shorten it.");
			continue;
		}
		if (e < 600000)
			report(c, eh, at, "the UE asks for %u s, not the 600000 s TS 24.229 and "
			       "IR.92 ask for; the network then decides the real time. A shorter "
			       "value means more refreshes (battery); check the UE's IMS profile.",
			       e);
		else if (e > 600000)
			report(c, eh, at, "the UE asks for %u s, more than the 600000 s TS 24.229 "
			       "and IR.92 ask for; the S-CSCF shortens it, and the 200 says the "
			       "time granted. Check the UE's IMS profile.", e);
	}
}

/* The sos URI parameter in a Contact of a REGISTER or of its 2xx: an
 * emergency registration, with what it changes for the reader. */
static void check_emergency(struct ctx *c)
{
	const struct contact *ct = c->sos;
	if (!ct || !(c->is_register || (c->is_reg_response && c->msg->status / 100 == 2)))
		return;
	const struct sip_addr *a = &ct->a;
	if (!c->is_register) {
		uint32_t e = a->has_expires ? a->expires : c->expires;
		if (a->has_expires || c->has_expires)
			report(c, ct->h, a->uri_text.ptr, "the registrar accepted an emergency "
			       "registration (sos) for %u s: the UE may make emergency calls "
			       "through it until then; it is kept apart from the normal "
			       "registration and its expiry.", e);
		else
			report(c, ct->h, a->uri_text.ptr, "the registrar accepted an emergency "
			       "registration (sos) without saying for how long (no expires "
			       "parameter, no Expires).");
		return;
	}
	if (c->deregister) {
		report(c, ct->h, a->uri_text.ptr, "the UE ends its emergency registration (sos, "
		       "expiry 0); its normal registration, if any, is not touched.");
		return;
	}
	report(c, ct->h, a->uri_text.ptr, "an emergency registration (sos in the Contact URI): "
	       "the UE registers for emergency sessions only, usually just before an "
	       "emergency call, beside its normal registration. The network sets how long it "
	       "lasts, so IR.92's Expires 600000 is not asked here. Look for the emergency "
	       "INVITE that follows, and for a 200 granting this contact.");
}

static void check_supported_path(struct ctx *c)
{
	if (has_option_tag(c->msg, SIP_HDR_SUPPORTED, "path"))
		return;
	const struct sip_hdr *h = sip_hdr_first(c->msg, SIP_HDR_SUPPORTED);
	report(c, h, h ? h->value.ptr : c->msg->start_line.ptr, "no 'path' in Supported: "
	       "the P-CSCF must add a Path so terminating calls come back through it; "
	       "without the UE's support the S-CSCF may reject the REGISTER (420/421). "
	       "Add Supported: path.");
}

static void check_sec_agree(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const struct sip_hdr *sc = sip_hdr_first(m, SIP_HDR_SECURITY_CLIENT);
	const struct sip_hdr *sv = sip_hdr_first(m, SIP_HDR_SECURITY_VERIFY);
	bool req = has_option_tag(m, SIP_HDR_REQUIRE, "sec-agree");
	bool preq = has_option_tag(m, SIP_HDR_PROXY_REQUIRE, "sec-agree");
	if (!sc && !sv && !req && !preq)
		return;
	if (sc || sv) {
		const struct sip_hdr *h = sc ? sc : sv;
		if (!req)
			report(c, h, h->value.ptr, "%.*s without sec-agree in Require: the "
			       "negotiation is not mandatory for the P-CSCF. TS 24.229 wants "
			       "Require: sec-agree and Proxy-Require: sec-agree with it.",
			       HDR_LABEL(h));
		if (!preq)
			report(c, h, h->value.ptr, "%.*s without sec-agree in Proxy-Require: the "
			       "P-CSCF may ignore the offer and the REGISTER goes unprotected. Add "
			       "Proxy-Require: sec-agree.", HDR_LABEL(h));
	} else {
		report(c, NULL, m->start_line.ptr, "sec-agree is required but there is no "
		       "Security-Client: the P-CSCF has no offer to answer and rejects the "
		       "REGISTER (494). Add the UE's ipsec-3gpp offers.");
	}
}

/* A REGISTER over 3GPP access with credentials but no security agreement at
 * all: TS 34.229-1 A.1.1 has a UE using IMS security send Security-Client
 * and Require/Proxy-Require: sec-agree in its initial and its protected
 * REGISTER (conditions A1, A2); GIBA (A3) sends neither, but neither
 * Authorization. Not a SIP error, and operators may run IMS AKA without
 * IPsec: worth knowing, an info. */
static void check_sec_agree_absent(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	/* the UE's own leg: the P-CSCF removes Security-Client and the
	 * sec-agree tags before it forwards the REGISTER (TS 24.229 §5.2.2.1) */
	if (!c->ue_leg || !c->auth_hdr || sip_hdr_first(m, SIP_HDR_SECURITY_CLIENT) ||
	    sip_hdr_first(m, SIP_HDR_SECURITY_VERIFY) ||
	    has_option_tag(m, SIP_HDR_REQUIRE, "sec-agree") ||
	    has_option_tag(m, SIP_HDR_PROXY_REQUIRE, "sec-agree"))
		return;
	struct pani_cursor cur = { 0 };
	while (pani_next(m, &cur)) {
		if (cur.p.network_provided || !slice_startswith_case(cur.p.access_type, "3GPP-"))
			continue;
		report(c, cur.h, cur.p.access_type.ptr, "a REGISTER over 3GPP access (%.*s) with "
		       "Authorization but no Security-Client and no sec-agree: a UE using "
		       "IMS AKA offers IPsec (Security-Client, Require and Proxy-Require: "
		       "sec-agree, TS 34.229-1 A.1.1), so this registration runs without "
		       "IPsec integrity protection. Expected where the operator runs IMS AKA "
		       "without IPsec; otherwise check the UE's IMS security settings.",
		       SLICE_ARG(cur.p.access_type));
		return;
	}
}

static void check_sec_params(struct ctx *c)
{
	/* TS 33.203 Annex H, with what RFC 3329 had and later releases removed
	 * (hmac-md5-96, des-ede3-cbc) still taken: UEs offer them */
	static const char *const algs[] = { "hmac-md5-96", "hmac-sha-1-96", "aes-gmac", "null",
					    NULL };
	static const char *const ealgs[] = { "des-ede3-cbc", "aes-cbc", "aes-gcm", "null", NULL };
	static const char *const prots[] = { "esp", "ah", NULL };
	static const char *const mods[] = { "trans", "tun", "UDP-enc-tun", NULL };
	const struct sip_msg *m = c->msg;
	for (uint16_t i = 0; i < m->nhdrs; i++) {
		const struct sip_hdr *h = &m->hdrs[i];
		if (h->id != SIP_HDR_SECURITY_CLIENT && h->id != SIP_HDR_SECURITY_SERVER &&
		    h->id != SIP_HDR_SECURITY_VERIFY)
			continue;
		/* who wrote the offer: the UE (Client, and Verify, its copy of
		 * the Server) or the P-CSCF (Server) */
		const char *who = h->id == SIP_HDR_SECURITY_SERVER ? "the P-CSCF's" : "the UE's";
		struct sip_list it;
		struct slice item;
		struct sip_parse_error err;
		sip_list_init(&it, h->value);
		while (sip_list_next(&it, &item, &err) == 1) {
			struct sip_sec_mech s;
			if (sip_sec_mech_decode(&s, item, &err) < 0 ||
			    !slice_caseeq_cstr(s.mechanism, "ipsec-3gpp"))
				continue;
			const char *miss = !slice_present(s.alg) ? "alg" :
					   !s.has_spi_c ? "spi-c" : !s.has_spi_s ? "spi-s" :
					   !s.has_port_c ? "port-c" : !s.has_port_s ? "port-s" : NULL;
			if (miss) {
				report(c, h, item.ptr, "an ipsec-3gpp offer without %s: TS 33.203 "
				       "needs alg, spi-c, spi-s, port-c and port-s to set up the SAs; "
				       "the peer rejects it. Check %s IPsec stack.", miss, who);
				continue;
			}
			if (!one_of(s.alg, algs))
				report(c, h, s.alg.ptr, "alg=%.*s is not a TS 33.203 integrity "
				       "algorithm (hmac-sha-1-96, aes-gmac, null with aes-gcm; "
				       "hmac-md5-96 before Rel-15): the peer cannot choose this "
				       "offer. Check %s IPsec stack.", SLICE_ARG(s.alg), who);
			else if (slice_caseeq_cstr(s.alg, "null") &&
				 !(slice_present(s.ealg) && slice_caseeq_cstr(s.ealg, "aes-gcm")))
				report(c, h, s.alg.ptr, "alg=null without ealg=aes-gcm: only AES-GCM "
				       "protects integrity on its own (TS 33.203 Annex H); this offer "
				       "has none. Check %s IPsec stack.", who);
			if (slice_present(s.ealg) && !one_of(s.ealg, ealgs))
				report(c, h, s.ealg.ptr, "ealg=%.*s is not a TS 33.203 encryption "
				       "algorithm (aes-cbc, aes-gcm, null; des-ede3-cbc before "
				       "Rel-15).", SLICE_ARG(s.ealg));
			if (slice_present(s.prot) && !one_of(s.prot, prots))
				report(c, h, s.prot.ptr, "prot=%.*s: only esp (or ah) exists.",
				       SLICE_ARG(s.prot));
			if (slice_present(s.mod) && !one_of(s.mod, mods))
				report(c, h, s.mod.ptr, "mod=%.*s: only trans, tun or UDP-enc-tun "
				       "(UDP-encapsulated tunnel, for NAT) exist.", SLICE_ARG(s.mod));
			if (s.port_c == s.port_s)
				report(c, h, item.ptr, "port-c and port-s are both %u: the protected "
				       "client and server ports must differ, one SA pair each.",
				       s.port_c);
			if (s.spi_c == s.spi_s)
				report(c, h, item.ptr, "spi-c and spi-s are both %u: each inbound SA "
				       "needs its own SPI.", s.spi_c);
		}
	}
}

/* The first ipsec-3gpp offer of the headers of id. */
static bool first_ipsec(const struct sip_msg *m, enum sip_hdr_id id, struct sip_sec_mech *s,
			const struct sip_hdr **hp)
{
	struct elem_it it;
	struct slice item;
	struct sip_parse_error err;
	elem_it_init(&it, m, id);
	while (elem_next(&it, &item, hp))
		if (sip_sec_mech_decode(s, item, &err) == 0 &&
		    slice_caseeq_cstr(s->mechanism, "ipsec-3gpp"))
			return true;
	return false;
}

static void check_sec_verify(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const struct sip_hdr *sc = sip_hdr_first(m, SIP_HDR_SECURITY_CLIENT);
	const struct sip_hdr *sv = sip_hdr_first(m, SIP_HDR_SECURITY_VERIFY);
	if (c->protected_reg && sc && !sv) {
		report(c, sc, sc->value.ptr, "a REGISTER answering the challenge with "
		       "Security-Client but no Security-Verify: the UE must echo the 401's "
		       "Security-Server so the P-CSCF can rule out a downgrade; it will reject "
		       "this (494). Check the UE read the 401's Security-Server.");
		return;
	}
	/* TS 24.229 §5.1.1.5.1: the REGISTER answering the challenge carries
	 * the Security-Client of the challenged one as well as Security-Verify
	 * (TS 34.229-1 A.1.1: Security-Client under A1 and A2); a re-REGISTER
	 * sets up new SAs the same way. A deregistration over the SAs only
	 * verifies (RFC 3329 §2.3.1: Security-Verify in every later request) */
	if (c->protected_reg && !c->deregister && sv && !sc) {
		report(c, sv, sv->value.ptr, "a REGISTER answering the challenge with "
		       "Security-Verify but no Security-Client: the UE must repeat the "
		       "Security-Client of the challenged REGISTER, which the P-CSCF "
		       "compares with the one it set up the SAs for; a strict P-CSCF "
		       "rejects the REGISTER (494). Check the UE's protected REGISTER.");
		return;
	}
	if (!sv)
		return;
	const struct sip_sec_mech cm = c->sc_ipsec;
	struct sip_sec_mech vm;
	const struct sip_hdr *vh;
	if (c->sc_ipsec_ok &&
	    first_ipsec(m, SIP_HDR_SECURITY_VERIFY, &vm, &vh) && cm.has_spi_c && vm.has_spi_c &&
	    cm.spi_c == vm.spi_c && cm.spi_s == vm.spi_s && cm.port_c == vm.port_c &&
	    cm.port_s == vm.port_s)
		report(c, vh, vh->value.ptr, "Security-Verify repeats the UE's own SPIs and "
		       "ports from Security-Client: it must echo the P-CSCF's Security-Server "
		       "(the P-CSCF's SPIs and ports). Compare with the 401.");
}

static void check_pani_present(struct ctx *c)
{
	if (sip_hdr_first(c->msg, SIP_HDR_P_ACCESS_NETWORK_INFO))
		return;
	report(c, NULL, c->msg->start_line.ptr, "no P-Access-Network-Info: on 3GPP access "
	       "(LTE, NR) the UE must say its access type and cell, which the network uses "
	       "for charging, emergency location and policies. Check the UE's IMS profile; "
	       "ignore on Wi-Fi with a network-provided PANI.");
}

static void check_pani_cell(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	struct pani_cursor cur = { 0 };
	while (pani_next(m, &cur)) {
		const struct sip_hdr *h = cur.h;
		const struct ims_pani *pp = &cur.p;
		if (!pp || !slice_present(pp->cell_value))
			continue;
		const struct ims_pani p = *pp;
		if (p.cell_ok || (!p.cell_problem && !p.cell_problem_text[0]))
			continue;
		if (p.cell_problem_text[0])
			report(c, h, p.cell_value.ptr, "%.*s=%.*s: %s. The network cannot locate "
			       "the cell (charging, emergency calls). Check the UE's modem-to-IMS "
			       "cell report.", SLICE_ARG(p.cell_param), SLICE_ARG(p.cell_value),
			       p.cell_problem_text);
		else
			report(c, h, p.cell_value.ptr, "%.*s=%.*s (%zu characters): %s. The network "
			       "cannot locate the cell (charging, emergency calls). Check the "
			       "UE's modem-to-IMS cell report.", SLICE_ARG(p.cell_param),
			       SLICE_ARG(p.cell_value), p.cell_value.len, p.cell_problem);
	}
}

static void check_pani_placeholder(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	struct pani_cursor cur = { 0 };
	while (pani_next(m, &cur)) {
		const struct sip_hdr *h = cur.h;
		const struct ims_pani *pp = &cur.p;
		if (!pp || !slice_present(pp->cell_value))
			continue;
		const struct ims_pani p = *pp;
		if (slice_present(p.cell_value) && p.cell_value.len >= 3 &&
		    memcmp(p.cell_value.ptr, "000", 3) == 0)
			report(c, h, p.cell_value.ptr, "the cell id starts with MCC 000, which no "
			       "country has: a placeholder from a simulator or a UE that had no "
			       "cell information yet.");
		else if (p.cell_ok && (p.access == IMS_ACCESS_EUTRAN_FDD ||
				       p.access == IMS_ACCESS_EUTRAN_TDD) &&
			 p.cell_id == 0xFFFFFFFu)
			report(c, h, p.cell_value.ptr, "ECI FFFFFFF (all ones) is a placeholder, "
			       "not a real cell: the UE did not know its cell (e.g. sent while "
			       "leaving the network, as in a deregistration).");
	}
}

/* The first access-net-spec the UE wrote (not network-provided), or NULL. */
static const struct pani_cursor *ue_pani(const struct sip_msg *m, struct pani_cursor *cur)
{
	while (pani_next(m, cur))
		if (!cur->p.network_provided)
			return cur;
	return NULL;
}

static void check_cni_syntax(struct ctx *c)
{
	for (const struct sip_hdr *h = ims_cni_next(c->msg, NULL); h; h = ims_cni_next(c->msg, h)) {
		struct ims_pani p;
		struct sip_parse_error err = { 0 };
		if (ims_cni_decode(&p, h->value, &err) < 0) {
			report(c, h, err.at, "Cellular-Network-Info: %s. The network cannot read the "
			       "cell this UE last used.", err.reason ? err.reason : "malformed");
			continue;
		}
		if (!p.cellular)
			report(c, h, p.access_type.ptr, "Cellular-Network-Info names %.*s (%s), which "
			       "is no cellular radio access type: the header carries the cell of a "
			       "3GPP-GERAN, -UTRAN, -E-UTRAN or -NR access the UE last used, while "
			       "P-Access-Network-Info says the access it is on now.",
			       SLICE_ARG(p.access_type), p.access_name);
		if (p.cell_info_age.ptr && !p.cell_info_age_ok)
			report(c, h, p.cell_info_age.ptr, "cell-info-age=%.*s is not a number of "
			       "seconds: the network cannot tell how old the cell information is.",
			       SLICE_ARG(p.cell_info_age));
	}
}

/* P-Charging-Vector's access network charging lists (TS 24.229 §7.2A.5),
 * each field's, with its first departure from the syntax. */
static void check_pcv_access_charging(struct ctx *c)
{
	for (const struct sip_hdr *h = sip_hdr_first(c->msg, SIP_HDR_P_CHARGING_VECTOR); h;
	     h = sip_hdr_next(c->msg, h)) {
		struct sip_param_it it;
		struct sip_param p;
		struct sip_parse_error err = { 0 };
		sip_param_it_init(&it, h->value);
		while (sip_param_next(&it, &p, &err) > 0) {
			enum ims_anci_kind kind = ims_anci_kind_of(p.name);
			struct ims_anci a;
			if (kind == IMS_ANCI_NONE || ims_anci_decode(&a, kind, p.value) == 0)
				continue;
			report(c, h, p.name.ptr, "%.*s: %s. An item is %s=N[;%s=yes|no];%s=HEX"
			       "[;flow-id=({media,flow},...)], items between commas. The charging "
			       "system cannot tie this session's IMS records to the %s bearers' (the "
			       "charging id is the key); check how the P-CSCF writes what the PCRF/PCF "
			       "gave it.",
			       SLICE_ARG(p.name), a.problem, a.item_name, a.sig_name, a.cid_name,
			       a.access);
		}
	}
}

/* Feature-Caps (RFC 6809 §6.3): the indicators of every field, to the
 * first that breaks the syntax. */
static void check_fcaps_syntax(struct ctx *c)
{
	for (const struct sip_hdr *h = ims_fcaps_next(c->msg, NULL); h; h = ims_fcaps_next(c->msg, h)) {
		struct ims_fcaps_it it;
		struct sip_param p;
		struct sip_parse_error err = { 0 };
		unsigned element;
		int rc;
		ims_fcaps_init(&it, h->value);
		while ((rc = ims_fcaps_next_cap(&it, &p, &element, &err)) > 0)
			;
		if (rc < 0)
			report(c, h, err.at ? err.at : h->value.ptr, "Feature-Caps: %s. The entities "
			       "that read this field may ignore it from here on, or all of it, and "
			       "with it what the proxy announces (the ATCF of enhanced SRVCC, the "
			       "media its IMS-ALG carries).", err.reason ? err.reason : "malformed");
	}
}

/* Each known indicator's value as its definition gives it. */
static void check_fcaps_value(struct ctx *c)
{
	for (const struct sip_hdr *h = ims_fcaps_next(c->msg, NULL); h; h = ims_fcaps_next(c->msg, h)) {
		struct ims_fcaps_it it;
		struct sip_param p;
		struct sip_parse_error err = { 0 };
		unsigned element;
		ims_fcaps_init(&it, h->value);
		while (ims_fcaps_next_cap(&it, &p, &element, &err) > 0) {
			struct ims_feature_tag t;
			struct sip_uri u;
			struct sip_parse_error uerr = { 0 };
			ims_fcap_describe(&t, &p);
			const char *at = p.value.ptr ? p.value.ptr : p.name.ptr;
			if (t.note)
				report(c, h, at, "%.*s: %s (the indicator as %s defines it).",
				       SLICE_ARG(p.name), t.note, t.ref);
			else if (t.uri.ptr && sip_uri_decode(&u, t.uri, &uerr) < 0)
				report(c, h, uerr.at ? uerr.at : t.uri.ptr, "%.*s: the URI %.*s does not "
				       "decode (%s; the indicator as %s defines it): the entity that uses "
				       "it cannot reach the function it names.", SLICE_ARG(p.name),
				       SLICE_ARG(t.uri), uerr.reason ? uerr.reason : "malformed", t.ref);
		}
	}
}

static void check_cni_cell(struct ctx *c)
{
	for (const struct sip_hdr *h = ims_cni_next(c->msg, NULL); h; h = ims_cni_next(c->msg, h)) {
		struct ims_pani p;
		struct sip_parse_error err = { 0 };
		if (ims_cni_decode(&p, h->value, &err) < 0 || !p.cellular || p.cell_ok)
			continue;
		const char *problem = p.cell_problem_text[0] ? p.cell_problem_text : p.cell_problem;
		if (!problem)
			continue;
		if (!p.cell_value.ptr)
			report(c, h, h->value.ptr, "Cellular-Network-Info has %s: it says which radio "
			       "the UE last used but not which cell, so it gives the network no "
			       "location.", problem);
		else
			report(c, h, p.cell_value.ptr, "Cellular-Network-Info %.*s=%.*s: %s. The "
			       "network cannot locate the cell the UE last used (emergency "
			       "routing on Wi-Fi).", SLICE_ARG(p.cell_param), SLICE_ARG(p.cell_value),
			       problem);
	}
}

static void check_cni_on_cellular(struct ctx *c)
{
	const struct sip_hdr *h = ims_cni_next(c->msg, NULL);
	struct pani_cursor cur = { 0 };
	if (!h || !ue_pani(c->msg, &cur) || !cur.p.cellular)
		return;
	report(c, h, h->value.ptr, "Cellular-Network-Info on cellular access: P-Access-Network-Info "
	       "says the UE is on %.*s, whose cell it names; Cellular-Network-Info is for a UE on "
	       "another access (Wi-Fi) and tells the cell it last used. The network takes the "
	       "cell from P-Access-Network-Info. Check whether the UE updates its access after a "
	       "Wi-Fi to cellular handover.", SLICE_ARG(cur.p.access_type));
}

static void check_cni_absent_on_wlan(struct ctx *c)
{
	struct pani_cursor cur = { 0 };
	if (ims_cni_next(c->msg, NULL) || !ue_pani(c->msg, &cur) || cur.p.access != IMS_ACCESS_WLAN)
		return;
	report(c, cur.h, cur.p.access_type.ptr, "a REGISTER over Wi-Fi (%.*s) without "
	       "Cellular-Network-Info: the network has no cell for this UE, so an emergency call "
	       "is located by what the Wi-Fi side gives (the AP, the ePDG, the UE). A UE that "
	       "supports the header sends the cell it last used on LTE or NR, with its age; "
	       "expected only from a UE that never had cellular coverage or does not support it.",
	       SLICE_ARG(cur.p.access_type));
}

/* The reg-event state document of the message's body (Content-Type
 * application/reginfo+xml), decoded once for every rule; NULL when the
 * body is not one, or memory is short (then no finding: the decode's own
 * report says it). *rc: ims_reginfo_decode's result. */
static const struct ims_reginfo *reginfo_of(struct ctx *c, int *rc)
{
	if (!c->ri_done) {
		c->ri_done = true;
		if (ims_reginfo_body(c->msg) && (c->ri = imsreg_malloc(sizeof *c->ri))) {
			c->ri_rc = ims_reginfo_decode(c->ri, c->msg->body);
			if (c->ri_rc == -ENOMEM) {
				imsreg_free(c->ri);
				c->ri = NULL;
			}
		}
	}
	*rc = c->ri_rc;
	return c->ri;
}

static void check_reginfo_syntax(struct ctx *c)
{
	int rc = 0;
	const struct ims_reginfo *ri = reginfo_of(c, &rc);
	if (!ri)
		return;
	const struct sip_hdr *ct = sip_hdr_first(c->msg, SIP_HDR_CONTENT_TYPE);
	if (rc < 0)
		report(c, ct, ims_body_line(c->msg, ri->error_line), "the application/reginfo+xml "
		       "body cannot be read: %s (body line %u). The UE or P-CSCF that receives it "
		       "cannot learn the registration state from it.", ri->error, ri->error_line);
	else if (ri->problem[0])
		report(c, ct, ims_body_line(c->msg, ri->problem_line), "reginfo body: %s (body line "
		       "%u); a strict reader may refuse the document.", ri->problem, ri->problem_line);
}

/* A contact the network removed, or a registration it ended: what a
 * network-initiated deregistration looks like in the NOTIFY, and what the
 * UE does next by its event attribute (RFC 3680 §5.1). */
static void check_reginfo_removed(struct ctx *c)
{
	int rc = 0;
	const struct ims_reginfo *ri = reginfo_of(c, &rc);
	if (!ri)
		return;
	const struct sip_hdr *ct = sip_hdr_first(c->msg, SIP_HDR_CONTENT_TYPE);
	for (unsigned i = 0; rc == 0 && i < ri->ncontacts; i++) {
		const struct ims_reginfo_contact *k = &ri->contacts[i];
		const struct ims_reginfo_registration *g = &ri->regs[k->reg];
		bool by_network = strcmp(k->event, "deactivated") == 0 ||
				  strcmp(k->event, "probation") == 0 || strcmp(k->event, "rejected") == 0;
		if (strcmp(k->state, "terminated") != 0 || (!by_network && strcmp(k->event, "expired") != 0))
			continue;
		char retry[48] = "";
		if (strcmp(k->event, "probation") == 0 && k->has_retry_after)
			snprintf(retry, sizeof retry, " (retry-after %u s)", (unsigned)k->retry_after);
		report(c, ct, ims_body_line(c->msg, k->line),
		       "contact %s of %s is terminated, event %s%s: %s. %s",
		       k->uri, g->aor, k->event, retry, ims_reginfo_event_meaning(k->event),
		       by_network ? "A network-initiated deregistration: look at the S-CSCF and HSS "
				    "(administrative removal, a changed subscription) for why."
				  : "The UE did not refresh in time: look for its re-REGISTER and whether "
				    "it reached the S-CSCF.");
	}
}

/* The UE's initial SUBSCRIBE to its reg event (TS 24.229 §5.1.1.3): Event
 * reg, From and To the same IMPU (the P-CSCF's own subscription has its
 * URI in From, §5.2.3), and no To tag (a refresh or an unsubscribe inside
 * the dialog targets the S-CSCF's contact). */
static bool ue_reg_subscribe(const struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (!m->is_request || m->method_id != SIP_METHOD_SUBSCRIBE || !c->to_ok || !c->from_ok ||
	    c->to.tag.ptr)
		return false;
	const struct sip_hdr *ev = sip_hdr_first(m, SIP_HDR_EVENT);
	struct sip_tokparams tp;
	struct sip_parse_error err;
	if (!ev || sip_tokparams_decode(&tp, ev->value, &err) < 0 || tp.quoted ||
	    !slice_caseeq_cstr(tp.value, "reg"))
		return false;
	return sip_uri_equal(&c->from.uri, &c->to.uri);
}

static void check_subscribe_reg_target(struct ctx *c)
{
	if (!ue_reg_subscribe(c) || !c->ruri_ok)
		return;
	const struct sip_uri *t = &c->to.uri;
	if (t->scheme != SIP_URI_SIP && t->scheme != SIP_URI_SIPS)
		report(c, c->to_hdr, c->to.uri_text.ptr, "the UE subscribes to the reg event of %.*s, "
		       "which is no SIP URI: TS 24.229 §5.1.1.3 sets Request-URI, From and To to a "
		       "SIP URI that contains the public user identity.", SLICE_ARG(c->to.uri_text));
	else if (!sip_uri_equal(&c->ruri, t))
		report(c, NULL, c->msg->ruri.ptr, "the Request-URI %.*s is not the IMPU %.*s of To: the "
		       "UE's SUBSCRIBE to its reg event is addressed to the public user identity it "
		       "subscribes to, by which the network routes it to the S-CSCF that serves it.",
		       SLICE_ARG(c->msg->ruri), SLICE_ARG(c->to.uri_text));
}

static void check_subscribe_reg_expires(struct ctx *c)
{
	if (!ue_reg_subscribe(c))
		return;
	if (!c->expires_hdr)
		report(c, NULL, c->msg->start_line.ptr, "no Expires in the UE's SUBSCRIBE to its reg "
		       "event: TS 24.229 §5.1.1.3 asks 600000 s; without it the S-CSCF applies the "
		       "package's default, and the subscription may end long before the registration.");
	else if (c->has_expires && c->expires != 0 && c->expires != 600000)
		report(c, c->expires_hdr, c->expires_hdr->value.ptr, "the UE asks its reg event "
		       "subscription for %u s, not the 600000 s of TS 24.229 §5.1.1.3: it must then "
		       "refresh it on its own schedule, apart from the registration's.",
		       (unsigned)c->expires);
}

/* The reginfo version of a NOTIFY against the highest of the earlier
 * NOTIFYs of its subscription (same Call-ID): one more each document
 * (RFC 3680 §5.1); the same again is a retransmission, or the copy a
 * proxy forwards in the same log. */
static void check_reginfo_version(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (m->method_id != SIP_METHOD_NOTIFY || !c->fc || !c->fc->have_reginfo)
		return;
	int rc;
	const struct ims_reginfo *ri = reginfo_of(c, &rc);
	if (!ri || rc < 0 || !ri->has_version)
		return;
	uint64_t last = c->fc->reginfo_version, v = ri->version;
	const struct sip_hdr *ct = sip_hdr_first(m, SIP_HDR_CONTENT_TYPE);
	if (v > last + 1)
		report(c, ct, ims_body_line(m, ri->line), "reginfo version %llu after %llu: %llu "
		       "notification(s) of this subscription are missing (lost, or not in this "
		       "input)%s", (unsigned long long)v, (unsigned long long)last,
		       (unsigned long long)(v - last - 1),
		       strcmp(ri->state, "partial") == 0
		       ? "; this one is partial, so the subscriber's view lacks what the missing "
			 "ones changed: it needs the full state, which a refresh of the "
			 "subscription brings." : ".");
	else if (v < last)
		report(c, ct, ims_body_line(m, ri->line), "reginfo version %llu after %llu: an older "
		       "notification arrived after a newer one; the subscriber discards it. Look "
		       "for a retransmission delayed in the network.", (unsigned long long)v,
		       (unsigned long long)last);
}

/* ---- 5. IR.92 / RFC 5626 / RFC 7254 Contact contents -------------------- */

#define MMTEL_ICSI "urn:urn-7:3gpp-service.ims.icsi.mmtel" /* TS 24.173 */

/* Whether a described ICSI tag lists the MMTel ICSI (a subclass such as
 * ...icsi.mmtel.hd-video counts as its parent, TS 24.229 §7.2A.8). */
static bool lists_mmtel(const struct ims_feature_tag *ft)
{
	for (unsigned i = 0; i < ft->nservices; i++)
		if (ft->services[i].urn && strcmp(ft->services[i].urn, MMTEL_ICSI) == 0)
			return true;
	return false;
}

/* A feature tag in the sense of RFC 3840 §9 (a capability), not one of the
 * other Contact parameters (expires, q, reg-id, unknown ones); the
 * instance id has a rule of its own. */
static bool is_capability(enum ims_tag_kind k)
{
	return k == IMS_TAG_ICSI || k == IMS_TAG_IARI || k == IMS_TAG_SMSIP ||
	       k == IMS_TAG_SMSIP_WRONG || k == IMS_TAG_MEDIA || k == IMS_TAG_RCS_TELEPHONY ||
	       k == IMS_TAG_GENERIC;
}

/* Fills ct's feature tags and decodes its +sip.instance, once. */
static void contact_scan(struct contact *ct)
{
	struct contact_tags *t = &ct->t;
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error err;
	struct slice seen[32];     /* the capability tags so far, for repeats */
	size_t nseen = 0;
	if (ct->scanned)
		return;
	ct->scanned = true;
	memset(t, 0, sizeof *t);
	memset(&ct->inst, 0, sizeof ct->inst);
	ct->inst_rc = -EINVAL;
	if (!slice_present(ct->a.params))
		return;
	sip_param_it_init(&it, ct->a.params);
	while (sip_param_next(&it, &p, &err) == 1) {
		struct ims_feature_tag ft;
		if (ims_feature_tag_describe(&ft, &p) < 0)
			continue;
		if (is_capability(ft.kind)) {
			bool again = false;
			for (size_t i = 0; i < nseen && !again; i++)
				again = slice_caseeq(seen[i], p.name);
			if (again && !t->tag_again) {
				t->tag_again = true;
				t->tag_again_p = p;
			} else if (!again && nseen < sizeof seen / sizeof seen[0]) {
				seen[nseen++] = p.name;
			}
		}
		switch (ft.kind) {
		case IMS_TAG_INSTANCE:
			if (t->instance) {
				if (!t->instance_again) {
					t->instance_again = true;
					t->again_p = p;
				}
				break;
			}
			t->instance = true;
			t->instance_p = p;
			break;
		case IMS_TAG_ICSI:
			if (lists_mmtel(&ft))
				t->mmtel = true;
			break;
		case IMS_TAG_OTHER:
			/* g.3gpp.icsi-ref without its '+' is no feature tag (RFC
			 * 3840 §9: a tag outside the base set is "+" ftag-name), so
			 * ims_feature_tag_describe leaves its value alone; read it as
			 * the tag would be, to say what the UE meant to register */
			if (slice_caseeq_cstr(p.name, "g.3gpp.icsi-ref")) {
				struct sip_param q = p;
				struct ims_feature_tag as_tag;
				q.name = SLICE_LIT("+g.3gpp.icsi-ref");
				if (ims_feature_tag_describe(&as_tag, &q) == 0 && lists_mmtel(&as_tag) &&
				    !t->mmtel_noplus) {
					t->mmtel_noplus = true;
					t->noplus_p = p;
				}
			}
			break;
		case IMS_TAG_SMSIP:
			t->smsip = true;
			break;
		case IMS_TAG_SMSIP_WRONG:
			t->smsip_wrong = true;
			t->wrong_p = p;
			break;
		case IMS_TAG_REG_ID:
			t->reg_id = true;
			t->reg_id_p = p;
			break;
		default:
			break;
		}
	}
	if (t->instance)
		ct->inst_rc = ims_instance_decode(&ct->inst, t->instance_p.value);
}

/* The next Contact that is not "*", with its tags scanned. */
static struct contact *binding_next(struct ctx *c, struct contact_cursor *cur)
{
	struct contact *ct;
	while ((ct = contact_next(c, cur)))
		if (!ct->a.star) {
			contact_scan(ct);
			return ct;
		}
	return NULL;
}

/* The next binding the REGISTER asks to keep (not "*", expiry above 0):
 * what IR.92's Contact contents are about; a contact being removed in the
 * same REGISTER owes them nothing. */
static struct contact *kept_binding_next(struct ctx *c, struct contact_cursor *cur)
{
	struct contact *ct;
	while ((ct = binding_next(c, cur)))
		if (!contact_removed(c, ct))
			return ct;
	return NULL;
}

/* The next binding whose +sip.instance is an IMEI URN (decoded). */
static struct contact *imei_binding_next(struct ctx *c, struct contact_cursor *cur)
{
	struct contact *ct;
	while ((ct = binding_next(c, cur)))
		if (ct->t.instance && ct->inst_rc >= 0 &&
		    (ct->inst.kind == IMS_INSTANCE_IMEI || ct->inst.kind == IMS_INSTANCE_IMEISV))
			return ct;
	return NULL;
}

static void check_ir92_instance(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = kept_binding_next(c, &cur)))
		if (!ct->t.instance)
			report(c, ct->h, ct->a.uri_text.ptr, "no +sip.instance: IR.92 wants the IMEI URN "
			       "(+sip.instance=\"<urn:gsma:imei:...>\") so the network can tell "
			       "this device's binding from others and replace it on re-registration.");
}

static void check_instance(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = binding_next(c, &cur))) {
		const struct contact_tags *t = &ct->t;
		if (!t->instance)
			continue;
		const char *at = t->instance_p.value.ptr ? t->instance_p.value.ptr :
				 t->instance_p.name.ptr;
		if (ct->inst_rc < 0 || !ct->inst.well_formed)
			report(c, ct->h, at, "+sip.instance %.*s is not a well-formed URN: %s. The "
			       "registrar cannot match this device's bindings.",
			       SLICE_ARG(t->instance_p.value),
			       ct->inst.problem ? ct->inst.problem : "unrecognised");
		if (t->instance_again)
			report(c, ct->h, t->again_p.name.ptr, "a second +sip.instance in one contact: "
			       "a binding has one instance id (RFC 5626 §4.1), and registrars take "
			       "either one, so this device's bindings may not be matched. Fix the UE.");
		else if (!ct->inst.angled)
			report(c, ct->h, at, "+sip.instance %.*s has no '<' '>' around its URN: RFC "
			       "5626 §4.1 writes +sip.instance=\"<urn:...>\". A registrar that "
			       "compares instance ids as written will not match this device's "
			       "bindings with those of the bracketed form.",
			       SLICE_ARG(t->instance_p.value));
	}
}

static void check_imei_spare(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = imei_binding_next(c, &cur))) {
		const struct ims_instance *inst = &ct->inst;
		if (inst->spare_is_zero)
			continue;
		report(c, ct->h, ct->t.instance_p.value.ptr, "the IMEI URN ends in '%c', but RFC 7254 "
		       "puts the spare digit 0 there, not the check digit%s (Luhn for TAC %s SNR "
		       "%s is %c). The network may not match this instance with the IMEI it "
		       "knows.", inst->spare, inst->spare == inst->check ?
		       ": this UE wrote the Luhn check digit" : "", inst->tac, inst->snr,
		       inst->check);
	}
}

static void check_ir92_instance_kind(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = binding_next(c, &cur))) {
		if (!ct->t.instance || ct->inst_rc < 0 || ct->inst.kind == IMS_INSTANCE_IMEI ||
		    ct->inst.kind == IMS_INSTANCE_IMEISV)
			continue;
		if (ct->inst.kind == IMS_INSTANCE_UUID)
			report(c, ct->h, ct->t.instance_p.value.ptr, "+sip.instance is a UUID URN, not an "
			       "IMEI URN: IR.92 and TS 24.229 want urn:gsma:imei for a device with "
			       "an IMEI; a UUID is for devices without one. Services keyed on the "
			       "IMEI (e.g. emergency) will miss it.");
		else
			report(c, ct->h, ct->t.instance_p.value.ptr, "+sip.instance %.*s is neither an "
			       "IMEI URN (urn:gsma:imei:TTTTTTTT-SSSSSS-0, RFC 7254) nor a UUID: IR.92 "
			       "and TS 24.229 want urn:gsma:imei for a device with an IMEI. Services "
			       "keyed on the IMEI (e.g. emergency) will miss it.",
			       SLICE_ARG(ct->inst.urn));
	}
}

/* TS 34.229-1 Annex A.1.1 (the REGISTER a conformant UE sends): "+sip.instance=
 * "<urn:gsma:imei:(gsma-specifier-defined-substring)>" where gsma-specifier-
 * defined-substring shall be the IMEI code of the UE, coded as specified in
 * RFC 7254, without optional parameters". An instance id is persistent (RFC
 * 5626 §4.1); svn changes with every software update. */
static void check_instance_params(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = imei_binding_next(c, &cur))) {
		const char *semi = slice_chr(ct->inst.urn, ';');
		if (!semi)
			continue;
		if (ct->inst.kind == IMS_INSTANCE_IMEISV)
			report(c, ct->h, semi, "+sip.instance is an IMEISV URN (;svn=%s): the "
			       "instance id is the IMEI URN without optional parameters (TS "
			       "34.229-1 A.1.1). The svn changes with each software update, so "
			       "after one the registrar takes the UE for a new device (RFC 5626 "
			       "§4.1 wants the instance id persistent). Drop ;svn from the UE's "
			       "instance id.", ct->inst.svn);
		else
			report(c, ct->h, semi, "+sip.instance carries an IMEI URN parameter "
			       "(%.*s): the instance id is the IMEI URN without optional "
			       "parameters (TS 34.229-1 A.1.1), so a registrar comparing it with "
			       "the plain form will not match this device's bindings.",
			       (int)(ct->inst.urn.ptr + ct->inst.urn.len - semi), semi);
	}
}

static void check_ir92_mmtel(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = kept_binding_next(c, &cur)))
		if (!ct->t.mmtel && ct->t.mmtel_noplus)
			report(c, ct->h, ct->t.noplus_p.name.ptr, "%.*s without its leading '+' is "
			       "no feature tag (RFC 3840 §9: +g.3gpp.icsi-ref), so the MMTel ICSI is "
			       "not registered and the S-CSCF will not route voice calls to this "
			       "contact. Fix the UE's tag.", SLICE_ARG(ct->t.noplus_p.name));
		else if (!ct->t.mmtel)
			report(c, ct->h, ct->a.uri_text.ptr, "no MMTel ICSI (+g.3gpp.icsi-ref=\"urn%%3Aurn-7"
			       "%%3A3gpp-service.ims.icsi.mmtel\"): the S-CSCF will not route voice "
			       "calls to this contact. Check the UE's VoLTE/VoNR provisioning.");
}

static void check_smsip_misspelt(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = binding_next(c, &cur)))
		if (ct->t.smsip_wrong)
			report(c, ct->h, ct->t.wrong_p.name.ptr, "%.*s is not a feature tag networks know: "
			       "the SMS-over-IP tag is +g.3gpp.smsip (TS 24.341). The S-CSCF will "
			       "not tell the IP-SM-GW, so SMS goes over SGs/NAS or fails. Fix the "
			       "UE's tag.", SLICE_ARG(ct->t.wrong_p.name));
}

static void check_tag_repeated(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = binding_next(c, &cur)))
		if (ct->t.tag_again)
			report(c, ct->h, ct->t.tag_again_p.name.ptr, "%.*s appears twice in one "
			       "Contact: RFC 3840 §9 gives a feature tag one value (several "
			       "services go in one quoted list, +g.3gpp.icsi-ref=\"a,b\"), so a "
			       "registrar may keep either occurrence or reject the binding. Write "
			       "the tag once.", SLICE_ARG(ct->t.tag_again_p.name));
}

static void check_smsip_absent(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = kept_binding_next(c, &cur)))
		if (!ct->t.smsip && !ct->t.smsip_wrong)
			report(c, ct->h, ct->a.uri_text.ptr, "no +g.3gpp.smsip: SMS over IP is not offered, "
			       "so SMS will use SGs/NAS. Add the tag if the UE is meant to send SMS "
			       "over IMS (IR.92).");
}

/* ---- 6. digest and AKA (RFC 3310, RFC 7616) ---------------------------- */

static void check_qop_fields(struct ctx *c)
{
	if (!c->auth_ok)
		return;
	const struct sip_auth *a = &c->auth;
	bool qop = slice_present(a->field[SIP_AUTH_QOP]);
	bool nc = slice_present(a->field[SIP_AUTH_NC]);
	bool cn = slice_present(a->field[SIP_AUTH_CNONCE]);
	if (qop && (!nc || !cn))
		report(c, c->auth_hdr, a->field[SIP_AUTH_QOP].ptr, "qop without %s: with qop "
		       "the digest covers nc and cnonce, so the registrar cannot verify the "
		       "response.", !nc ? "nc" : "cnonce");
	else if (!qop && (nc || cn))
		report(c, c->auth_hdr, (nc ? a->field[SIP_AUTH_NC] : a->field[SIP_AUTH_CNONCE]).ptr,
		       "nc/cnonce without qop: they are only used with qop, so the server "
		       "computes a different response. Check the UE copied qop from the 401.");
}

static void check_nc_value(struct ctx *c)
{
	if (!c->auth_ok || !c->auth.has_nc)
		return;
	const struct slice ncs = c->auth.field[SIP_AUTH_NC];
	if (c->auth.nc == 0 || !is_hex_bytes(ncs, 4))
		report(c, c->auth_hdr, ncs.ptr, "nc=%.*s: the nonce count is 8 hex digits "
		       "starting at 00000001; the registrar will reject it.", SLICE_ARG(ncs));
}

static void check_nc(struct ctx *c)
{
	if (!c->auth_ok || !c->auth.has_nc)
		return;
	const struct slice ncs = c->auth.field[SIP_AUTH_NC];
	if (c->auth.nc == 0 || !is_hex_bytes(ncs, 4))
		return; /* check_nc_value's */
	if (c->auth.nc > 1)
		report(c, c->auth_hdr, ncs.ptr, "nc=%.*s: the UE already used this nonce in %u "
		       "earlier request%s. With AKA each 401 brings a new nonce, so this is a "
		       "refresh reusing it: fine if the S-CSCF allows it, else a 401 with "
		       "stale=true follows.", SLICE_ARG(ncs), c->auth.nc - 1,
		       c->auth.nc - 1 == 1 ? "" : "s");
}

static void check_aka_nonce(struct ctx *c)
{
	int r = c->nonce_rc;
	if (c->aka_creds && r < 0)
		report(c, c->auth_hdr, c->auth.field[SIP_AUTH_NONCE].ptr, "the nonce is not "
		       "base64(RAND || AUTN) of at least 32 bytes (%s): it cannot be an AKA "
		       "challenge. Check the UE copied the 401's nonce whole.",
		       r == -EMSGSIZE ? "too short" : "not base64");
}

static void check_aka_amf(struct ctx *c)
{
	const struct ims_aka_nonce *n = &c->nonce;
	if (!c->aka_creds || c->nonce_rc < 0 || !n->amf_separation_bit)
		return;
	report(c, c->auth_hdr, c->auth.field[SIP_AUTH_NONCE].ptr, "AMF %02X%02X has the "
	       "separation bit set, which marks an EPS (E-UTRAN) vector (TS 33.401); IMS AKA "
	       "vectors normally have it 0. The ISIM does not check it, but it hints at a "
	       "test HSS reusing EPS vectors.", n->amf[0], n->amf[1]);
}

static void check_aka_algorithm(struct ctx *c)
{
	if (!c->auth_ok || !c->protected_reg)
		return;
	struct slice alg = c->auth.field[SIP_AUTH_ALGORITHM];
	if (slice_present(alg))
		return;
	/* protected_reg: the nonce is there and not empty, so nonce_rc is its decode */
	if (c->nonce_rc < 0)
		return;
	report(c, c->auth_hdr, c->auth_hdr->value.ptr, "the nonce looks like an AKA "
	       "challenge but algorithm is absent, which means MD5: the registrar computes "
	       "with a password instead of RES. The UE must copy algorithm=AKAv1-MD5 from "
	       "the 401.");
}

/* An empty response to an AKA challenge with no auts: the UE's way of
 * saying that AUTN's MAC did not verify, so it could not authenticate the
 * network (TS 24.229 §5.1.1.5.3). */
static bool aka_mac_failure(const struct ctx *c)
{
	if (!c->auth_ok || !c->protected_reg)
		return false;
	struct slice r = c->auth.field[SIP_AUTH_RESPONSE], alg = c->auth.field[SIP_AUTH_ALGORITHM];
	return slice_present(r) && r.len == 0 && slice_present(alg) && slice_startswith_case(alg, "AKAv") &&
	       !slice_present(c->auth.field[SIP_AUTH_AUTS]);
}

/* Which Digest parameters the grammar writes as quoted-string and which as
 * a token, by the field they are in: RFC 3261 §25.1 (challenge,
 * digest-response, ainfo), RFC 3310 §3.4 (auts), RFC 7616 §3.3-3.5
 * (userhash, charset). integrity-protected, ck and ik (TS 24.229 §7.2A)
 * are written both ways by the cores in the field and are not judged;
 * unknown auth-params take either (auth-param-name EQUAL token /
 * quoted-string). */
#define AB(f) (1u << SIP_AUTH_##f)
enum digest_kind { DK_CREDENTIALS, DK_CHALLENGE, DK_INFO };
static const struct {
	uint32_t quoted, token;
} digest_quoting[] = {
	[DK_CREDENTIALS] = { AB(USERNAME) | AB(REALM) | AB(NONCE) | AB(URI) | AB(RESPONSE) |
				     AB(CNONCE) | AB(OPAQUE) | AB(AUTS),
			     AB(ALGORITHM) | AB(QOP) | AB(NC) | AB(USERHASH) },
	[DK_CHALLENGE] = { AB(REALM) | AB(DOMAIN) | AB(NONCE) | AB(OPAQUE) | AB(QOP),
			   AB(STALE) | AB(ALGORITHM) | AB(CHARSET) | AB(USERHASH) },
	[DK_INFO] = { AB(NEXTNONCE) | AB(RSPAUTH) | AB(CNONCE), AB(QOP) | AB(NC) },
};
#undef AB

/* "realm, nonce and uri" of the fields in bits, into out. */
static void auth_names(char *out, size_t cap, uint32_t bits)
{
	size_t n = 0;
	out[0] = '\0';
	for (unsigned f = 0; f < SIP_AUTH__COUNT && n < cap; f++)
		if (bits & (1u << f)) {
			uint32_t later = bits & ~((2u << f) - 1);
			int k = snprintf(out + n, cap - n, "%s%s", n == 0 ? "" : later ? ", " : " and ",
					 sip_auth_field_name((enum sip_auth_field)f));
			if (k < 0)
				break;
			n += (size_t)k;
		}
}

/* One challenge, set of credentials or Authentication-Info of h. */
static void digest_quoting_check(struct ctx *c, const struct sip_hdr *h, const struct sip_auth *a,
				 enum digest_kind kind)
{
	uint32_t present = 0;
	for (unsigned f = 0; f < SIP_AUTH__COUNT; f++)
		if (a->field[f].ptr)
			present |= 1u << f;
	uint32_t bare = present & digest_quoting[kind].quoted & ~a->quoted;
	uint32_t quoted = present & digest_quoting[kind].token & a->quoted;
	if (!bare && !quoted)
		return;
	/* the finding points at the first of them in the field */
	const char *at = NULL;
	for (unsigned f = 0; f < SIP_AUTH__COUNT; f++)
		if ((bare | quoted) & (1u << f)) {
			const char *v = a->field[f].ptr - ((quoted >> f) & 1u);
			if (!at || v < at)
				at = v;
		}
	char bn[160], qn[96], says[320];
	auth_names(bn, sizeof bn, bare);
	auth_names(qn, sizeof qn, quoted);
	int n = 0;
	if (bare)
		n = snprintf(says, sizeof says, "%s without quotes, where the Digest grammar has %s", bn,
			     bare & (bare - 1) ? "quoted-strings" : "a quoted-string");
	if (quoted)
		snprintf(says + n, sizeof says - (size_t)n, "%s%s in quotes, where %s %s",
			 bare ? ", and " : "", qn, bare ? "it has" : "the Digest grammar has",
			 quoted & (quoted - 1) ? "tokens" : "a token");
	static const char *const what[] = {
		[DK_CREDENTIALS] = "a strict registrar refuses the credentials (400) or "
				   "computes with other bytes and challenges again (401)",
		[DK_CHALLENGE] = "a strict UE cannot read the challenge and does not answer "
				 "it, or answers with the wrong values",
		[DK_INFO] = "a strict UE cannot read it and may not take the next nonce or "
			    "check rspauth",
	};
	report(c, h, at, "%.*s writes %s. Lenient stacks read both, but %s. Fix the sender's Digest "
	       "formatting.", HDR_LABEL(h), says, what[kind]);
}

static void check_digest_quoting(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	for (uint16_t i = 0; i < m->nhdrs; i++) {
		const struct sip_hdr *h = &m->hdrs[i];
		struct sip_parse_error err;
		struct sip_auth a;
		if (h->id == SIP_HDR_AUTHENTICATION_INFO) {
			if (sip_auth_info_decode(&a, h->value, &err) == 0)
				digest_quoting_check(c, h, &a, DK_INFO);
			continue;
		}
		if (!is_auth_hdr(h->id))
			continue;
		enum digest_kind kind = h->id == SIP_HDR_AUTHORIZATION ||
						h->id == SIP_HDR_PROXY_AUTHORIZATION
					? DK_CREDENTIALS
					: DK_CHALLENGE;
		/* each challenge of a field that carries several (§7.3.1 is
		 * another rule's), the first eight: a finding each */
		struct slice v = h->value;
		for (unsigned k = 0; k < 8 && slice_present(v); k++) {
			struct slice rest = SLICE_NULL;
			if (sip_auth_decode(&a, v, &rest, &err) < 0)
				break;
			if (slice_caseeq_cstr(a.scheme, "Digest"))
				digest_quoting_check(c, h, &a, kind);
			v = rest;
		}
	}
}

static void check_aka_mac_failure(struct ctx *c)
{
	if (!aka_mac_failure(c))
		return;
	report(c, c->auth_hdr, c->auth.field[SIP_AUTH_RESPONSE].ptr, "an empty response to the AKA "
	       "challenge, with no auts: the SIM found AUTN's MAC wrong, so the UE could not "
	       "authenticate the network and refuses the challenge; the S-CSCF answers 403 (an "
	       "out-of-range SQN would bring auts instead). The SIM and the HSS hold different K or "
	       "OPc (or OP), or the nonce was damaged on the way: imsreg verify --k K --opc OPC over "
	       "the 401 says whether its MAC verifies with the keys you hold.");
}

static void check_response_format(struct ctx *c)
{
	if (!c->auth_ok || !c->protected_reg || aka_mac_failure(c))
		return;
	struct slice r = c->auth.field[SIP_AUTH_RESPONSE];
	struct slice alg = c->auth.field[SIP_AUTH_ALGORITHM];
	/* RFC 7616 §3.4.1: the response is as long as the algorithm's hash;
	 * an algorithm this rule does not know is left alone. AKA names its
	 * hash after the version (RFC 3310 §3.1: aka-version "-"
	 * algorithm-value, as in AKAv1-MD5, AKAv1-SHA-256). */
	if (slice_present(alg) && slice_startswith_case(alg, "AKAv")) {
		const char *dash = memchr(alg.ptr, '-', alg.len);
		alg = dash ? slice_span(dash + 1, alg.ptr + alg.len) : SLICE_LIT("");
	}
	size_t octets;
	if (!slice_present(alg) || slice_startswith_case(alg, "MD5"))
		octets = 16;
	else if (slice_startswith_case(alg, "SHA-256") || slice_startswith_case(alg, "SHA-512-256"))
		octets = 32;
	else
		return;
	if (!slice_present(r))
		return;
	if (!is_hex_bytes(r, octets)) {
		report(c, c->auth_hdr, r.ptr, "response is %zu characters: %s is %zu hex digits. "
		       "The UE's digest computation is broken.", r.len, octets == 16 ?
		       "an MD5 digest (also for AKAv1-MD5)" : "a SHA-256 or SHA-512/256 digest "
		       "(also for AKAv1-SHA-256)", 2 * octets);
		return;
	}
	/* request-digest = LDQUOT 32LHEX RDQUOT (RFC 3261 §25.1): lower case */
	for (size_t i = 0; i < r.len; i++)
		if (r.ptr[i] >= 'A' && r.ptr[i] <= 'F') {
			report(c, c->auth_hdr, r.ptr + i, "response has upper-case hex digits: RFC "
			       "3261 §25.1 writes it in lower case (LHEX), and a registrar that "
			       "compares it as text with its own digest answers 401 or 403. Fix "
			       "the UE's digest formatting.");
			return;
		}
}

static void check_auts(struct ctx *c)
{
	if (!c->auth_ok || !slice_present(c->auth.field[SIP_AUTH_AUTS]))
		return;
	struct slice a = c->auth.field[SIP_AUTH_AUTS];
	struct ims_auts au;
	if (ims_auts_decode(&au, a) < 0)
		report(c, c->auth_hdr, a.ptr, "auts is not base64 of 14 bytes (SQN_MS^AK* || "
		       "MAC-S): the HSS cannot resynchronise and AKA will keep failing.");
	else
		report(c, c->auth_hdr, a.ptr, "auts: the ISIM rejected the SQN of the "
		       "challenge as out of range and asks the HSS to resynchronise. A new 401 "
		       "should follow; repeated resyncs point at an SQN problem in the HSS.");
}

/* ---- 7. more that an engineer would point out --------------------------- */

static void check_imei_check_digit(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = imei_binding_next(c, &cur))) {
		const struct ims_instance *inst = &ct->inst;
		if (!inst->spare_is_zero)
			continue;
		report(c, ct->h, ct->t.instance_p.value.ptr, "IMEI URN TAC %s SNR %s: the final 0 is "
		       "RFC 7254's spare digit, not the Luhn check digit, which is %c. The IMEI "
		       "on the device label and in the EIR reads %s%s%c.", inst->tac, inst->snr,
		       inst->check, inst->tac, inst->snr, inst->check);
	}
}

static void check_dereg_unprotected(struct ctx *c)
{
	if (!c->deregister || c->protected_reg)
		return;
	const struct sip_hdr *h = c->auth_hdr ? c->auth_hdr : sip_hdr_first(c->msg, SIP_HDR_EXPIRES);
	report(c, h, h ? h->value.ptr : c->msg->start_line.ptr, "a deregistration %s: a UE "
	       "deregisters over its IPsec SAs with the credentials of its last challenge. "
	       "The S-CSCF may challenge it (401) or refuse it, leaving the binding in place. "
	       "Check whether the UE lost its security context (reboot, SA expiry).",
	       c->auth_hdr ? "with an empty nonce" : "without credentials");
}

/* The IMSI of the message (username, To or From), as a slice of digits. */
static struct slice find_imsi(struct ctx *c)
{
	for (size_t i = ID_TO; i <= ID_USERNAME; i++)
		if (c->ids[i].ok && c->ids[i].id.user_is_imsi)
			return c->ids[i].id.user;
	return SLICE_NULL;
}

static void check_pani_plmn(struct ctx *c)
{
	struct slice imsi = find_imsi(c);
	if (imsi.len < 6)
		return;
	const struct sip_msg *m = c->msg;
	struct pani_cursor cur = { 0 };
	while (pani_next(m, &cur)) {
		const struct sip_hdr *h = cur.h;
		const struct ims_pani *pp = &cur.p;
		if (!pp || !pp->cell_ok || !pp->mcc[0] || memcmp(pp->mcc, "000", 3) == 0)
			continue;
		const struct ims_pani p = *pp;
		size_t mnclen = strlen(p.mnc);
		bool mcc_eq = memcmp(imsi.ptr, p.mcc, 3) == 0;
		bool mnc_eq = mcc_eq && mnclen <= 3 && memcmp(imsi.ptr + 3, p.mnc, mnclen) == 0;
		if (mnc_eq)
			continue;
		report(c, h, p.cell_value.ptr, "the cell is in PLMN %s-%s but the IMSI %.*s is from "
		       "MCC %.3s: %s. Expect the P-CSCF/S-CSCF roaming policy (P-Visited-Network-ID) "
		       "to apply; a test SIM on a live cell points at a lab set-up.",
		       p.mcc, p.mnc, SLICE_ARG(imsi), imsi.ptr, mcc_eq ?
		       "another network of the same country (national roaming or RAN sharing)" :
		       "the UE is roaming abroad, or the cell id is not the real one");
	}
}

/* RFC 5627 §3.1: a public GRUU is the AOR with a gr parameter whose value is
 * the instance ID; a temporary GRUU carries gr without a value. What the
 * registrar hands out in a 2xx to REGISTER, per Contact. */
static void check_gruu(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (m->is_request || m->status < 200 || m->status > 299 || !c->is_reg_response)
		return;
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = binding_next(c, &cur))) {
		struct sip_param pub, tmp, gr;
		struct sip_uri u;
		struct sip_parse_error err;
		char tb[128], ib[128];
		if (sip_param_find(ct->a.params, "temp-gruu", &tmp) && slice_present(tmp.value) &&
		    (sip_uri_decode(&u, tmp.value, &err) < 0 || !sip_param_find(u.params, "gr", &gr)))
			report(c, ct->h, tmp.value.ptr, "temp-gruu %.*s is not a SIP URI with a gr "
			       "parameter: a temporary GRUU is a sip: URI with ;gr (no value), and a "
			       "UE that cannot use it loses GRUU routing for this registration. Check "
			       "the registrar's GRUU generation.", SLICE_ARG(tmp.value));
		if (!sip_param_find(ct->a.params, "pub-gruu", &pub) || !slice_present(pub.value))
			continue;
		if (sip_uri_decode(&u, pub.value, &err) < 0 ||
		    (u.scheme != SIP_URI_SIP && u.scheme != SIP_URI_SIPS)) {
			report(c, ct->h, pub.value.ptr, "pub-gruu %.*s is not a SIP URI: the public "
			       "GRUU is the AOR with ;gr=<instance ID>. Check the registrar's GRUU "
			       "generation.", SLICE_ARG(pub.value));
			continue;
		}
		if (!sip_param_find(u.params, "gr", &gr) || !slice_present(gr.value)) {
			report(c, ct->h, pub.value.ptr, "pub-gruu %.*s has no gr=<instance ID>: a "
			       "public GRUU is the AOR with the gr parameter set to the contact's "
			       "+sip.instance, which is what routes a request to this device.",
			       SLICE_ARG(pub.value));
			continue;
		}
		if (c->to_ok && (c->to.uri.scheme == SIP_URI_SIP || c->to.uri.scheme == SIP_URI_SIPS) &&
		    !sip_uri_equal(&c->to.uri, &u))
			report(c, ct->h, pub.value.ptr, "pub-gruu %.*s is not built on the AOR %.*s (To): "
			       "a public GRUU is the AOR with ;gr added, so requests to it reach "
			       "this user's S-CSCF.", SLICE_ARG(pub.value), SLICE_ARG(c->to.uri_text));
		/* the URN as contact_scan's ims_instance_decode took it out of its
		 * quotes and '<' '>' */
		struct slice inst = ct->inst.urn;
		if (!ct->t.instance || !slice_present(inst))
			continue;
		struct sip_uri iu, gu;
		bool same = sip_uri_decode(&iu, inst, &err) == 0 &&
			    sip_uri_decode(&gu, gr.value, &err) == 0 && sip_uri_equal(&iu, &gu);
		if (!same)
			report(c, ct->h, gr.value.ptr, "pub-gruu's gr=%s is not this contact's "
			       "instance ID %s: the public GRUU names the device by its "
			       "+sip.instance, so requests to it would go to another device or to "
			       "none.", cstr(tb, sizeof tb, gr.value), cstr(ib, sizeof ib, inst));
	}
}

static void check_reg_id(struct ctx *c)
{
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	bool outbound = has_option_tag(c->msg, SIP_HDR_SUPPORTED, "outbound");
	while ((ct = binding_next(c, &cur))) {
		const struct contact_tags *t = &ct->t;
		if (!t->reg_id)
			continue;
		if (!t->instance)
			report(c, ct->h, t->reg_id_p.name.ptr, "reg-id without +sip.instance: an outbound "
			       "flow is named by the pair (instance, reg-id), so the registrar must "
			       "ignore reg-id (or reject it). Add the IMEI URN as +sip.instance, or "
			       "drop reg-id.");
		if (!outbound)
			report(c, ct->h, t->reg_id_p.name.ptr, "reg-id but no 'outbound' in Supported: the "
			       "UE asks for outbound flows without announcing the extension, so the "
			       "edge proxy will not keep the flow. Add Supported: outbound, or drop "
			       "reg-id.");
	}
}

static void check_route_lr(struct ctx *c)
{
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h;
	elem_it_init(&it, c->msg, SIP_HDR_ROUTE);
	while (elem_next(&it, &item, &h)) {
		struct sip_addr a;
		struct sip_parse_error err;
		/* an addr-spec (no <>) is header-syntax's: its ";lr" is no URI
		 * parameter, and that rule says so */
		if (sip_addr_decode(&a, item, SIP_ADDR_NAME_ADDR, &err) < 0 || a.uri.lr ||
		    (a.uri.scheme != SIP_URI_SIP && a.uri.scheme != SIP_URI_SIPS))
			continue;
		report(c, h, a.uri_text.ptr, "Route %.*s has no ;lr: the next hop is treated "
		       "as a strict router and the Request-URI gets rewritten to it. The "
		       "P-CSCF address the UE got at PDN/PDU set-up needs ;lr.",
		       SLICE_ARG(a.uri_text));
	}
}

/* URI parameters looked at for a repeat: the first this many of a URI */
#define URI_PARAMS_LOOKED 32

/* Calls fn for every URI of the message the rule book reads as an address:
 * the Request-URI, From, To, each Contact, the route sets and the
 * identities; what names the URI for a finding ("From's URI"). */
static void each_uri(struct ctx *c,
		     void (*fn)(struct ctx *c, const struct sip_hdr *h, const char *what,
				const struct sip_uri *u))
{
	static const struct {
		enum sip_hdr_id id;
		const char *name;
		unsigned flags;
	} lists[] = {
		{ SIP_HDR_ROUTE, "a Route URI", SIP_ADDR_NAME_ADDR },
		{ SIP_HDR_RECORD_ROUTE, "a Record-Route URI", SIP_ADDR_NAME_ADDR },
		{ SIP_HDR_PATH, "a Path URI", SIP_ADDR_NAME_ADDR },
		{ SIP_HDR_SERVICE_ROUTE, "a Service-Route URI", SIP_ADDR_NAME_ADDR },
		{ SIP_HDR_P_ASSOCIATED_URI, "a P-Associated-URI entry", SIP_ADDR_NAME_ADDR },
		{ SIP_HDR_P_ASSERTED_IDENTITY, "a P-Asserted-Identity URI", 0 },
		{ SIP_HDR_P_PREFERRED_IDENTITY, "a P-Preferred-Identity URI", 0 },
	};
	if (!c->fields && c->ruri_ok)
		fn(c, NULL, "the Request-URI", &c->ruri);
	if (c->from_ok)
		fn(c, c->from_hdr, "From's URI", &c->from.uri);
	if (c->to_ok)
		fn(c, c->to_hdr, "To's URI", &c->to.uri);
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = contact_next(c, &cur)))
		if (!ct->a.star)
			fn(c, ct->h, "a Contact URI", &ct->a.uri);
	for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
		struct elem_it it;
		struct slice item;
		const struct sip_hdr *h;
		elem_it_init(&it, c->msg, lists[k].id);
		while (elem_next(&it, &item, &h)) {
			struct sip_addr a;
			struct sip_parse_error err;
			if (sip_addr_decode(&a, item, lists[k].flags, &err) == 0)
				fn(c, h, lists[k].name, &a.uri);
		}
	}
}

static void uri_param_report(struct ctx *c, const struct sip_hdr *h, const char *what,
			     const struct sip_uri *u)
{
	struct slice name = sip_uri_param_repeat(u, URI_PARAMS_LOOKED);
	if (!name.ptr)
		return;
	bool tel = u->scheme == SIP_URI_TEL;
	report(c, h, name.ptr, "%s gives the parameter '%.*s' twice: %s says a%s parameter "
	       "name MUST NOT appear more than once. Readers differ on which one counts (the "
	       "first, the last, or a 400), and URI comparison (%s) of this URI with another "
	       "becomes ambiguous. Drop the repeat.", what, SLICE_ARG(name),
	       tel ? "RFC 3966 §3" : "RFC 3261 §19.1.1", tel ? " tel URI" : " URI",
	       tel ? "RFC 3966 §4" : "§19.1.4");
}

static void check_uri_param_repeat(struct ctx *c)
{
	each_uri(c, uri_param_report);
}

static void tel_order_report(struct ctx *c, const struct sip_hdr *h, const char *what,
			     const struct sip_uri *u)
{
	struct slice after = SLICE_NULL;
	struct slice name = sip_tel_param_misorder(sip_uri_tel_params(u), &after);
	if (!name.ptr)
		return;
	bool tel = u->scheme == SIP_URI_TEL;
	report(c, h, name.ptr, "%s%s writes '%.*s' after '%.*s': %s isub or ext first, then "
	       "phone-context, then the other parameters in lexicographical order. %s Put '%.*s' "
	       "before '%.*s'.", what, tel ? "" : " (user=phone)", SLICE_ARG(name), SLICE_ARG(after),
	       tel ? "RFC 3966 §3 says a tel URI MUST have"
		   : "RFC 3261 §19.1.6 asks the number in a SIP URI's user part for RFC 3966 §3's order:",
	       tel ? "Readers compare tel URIs in any order (§4), but once the number is written "
		     "into a SIP URI's user part (RFC 3261 §19.1.6) it is compared byte for byte, so "
		     "this number and the same number in order become two identities."
		   : "A SIP URI's user part is compared byte for byte (§19.1.4): a registrar or an AS "
		     "that gets the same number written in order takes it for another user.",
	       SLICE_ARG(name), SLICE_ARG(after));
}

static void check_tel_param_order(struct ctx *c)
{
	each_uri(c, tel_order_report);
}

static void check_tags(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (c->from_ok && !slice_present(c->from.tag))
		report(c, c->from_hdr, c->from_hdr->value.ptr, "From has no tag: RFC 3261 requires "
		       "one in every request and response; the registrar may answer 400. Check "
		       "the UE's SIP stack (or a header rewrite on the way).");
	if (!m->is_request && m->status > 100 && c->to_ok && !slice_present(c->to.tag))
		report(c, c->to_hdr, c->to_hdr->value.ptr, "a %u response without a To tag: the "
		       "server must add one (§8.2.6.2); without it the UE cannot tell responses "
		       "of different servers apart.", m->status);
}

static void check_register_to_tag(struct ctx *c)
{
	if (c->to_ok && slice_present(c->to.tag))
		report(c, c->to_hdr, c->to.tag.ptr, "the REGISTER's To has a tag: REGISTER is "
		       "never sent inside a dialog (§10.2), so a tag here is stray, copied from a "
		       "previous response. Some registrars reject it (481).");
}

static void check_domain_format(struct ctx *c)
{
	const struct ident *ids = c->ids;
	for (size_t i = 0; i < ID__COUNT; i++) {
		const struct ims_identity *id = &ids[i].id;
		if (!ids[i].ok || !id->domain_problem)
			continue;
		/* a third-party REGISTER's Request-URI and From name the AS
		 * and the S-CSCF, nodes of the network, not its home domain */
		if (c->third_party && (i == ID_RURI || i == ID_FROM))
			continue;
		report(c, ids[i].h, id->domain.ptr ? id->domain.ptr : ids[i].text.ptr,
		       "%s domain %.*s: %s. DNS (NAPTR/SRV) and the HSS look the domain up "
		       "verbatim, so a malformed 3GPP domain fails routing or identity lookup; "
		       "check the ISIM/IMSI-derived domain.", ids[i].what, SLICE_ARG(id->domain),
		       id->domain_problem);
	}
}

/* ---- 7b. the third-party REGISTER (TS 24.229 §5.4.1.7) ----------------- */

static bool binding_uri_equal(const struct sip_uri *a, const struct sip_uri *b);

#define CARRIED_HDRS 64     /* header fields of a carried message */
#define URI_SHOWN 100       /* bytes of a URI quoted in a finding */
#define SLICE_SHOWN(s) (int)((s).len < URI_SHOWN ? (s).len : URI_SHOWN), ((s).ptr ? (s).ptr : "")

/* One message/sip text of a REGISTER's body: the first REGISTER and the
 * first response it starts with are kept (a pasted part may start with
 * line ends). */
static void carried_note(struct ctx *c, struct slice text)
{
	while (text.len && (*text.ptr == '\r' || *text.ptr == '\n'))
		text = slice_make(text.ptr + 1, text.len - 1);
	if (text.len > 8 && strncasecmp(text.ptr, "SIP/2.0 ", 8) == 0) {
		if (!c->carried_resp.ptr)
			c->carried_resp = text;
	} else if (text.len > 9 && strncasecmp(text.ptr, "REGISTER ", 9) == 0) {
		if (!c->carried_reg.ptr)
			c->carried_reg = text;
	}
}

/* Splits the body into c->parts once, by its Content-Type: a multipart
 * body's parts (RFC 2046 §5.1.1; those before a fault when it does not
 * split, CARRIED_PARTS_MAX at most), else the body itself as one part;
 * c->parts_rc is 0 or the error of sip_multipart_boundary /
 * sip_multipart_split (c->parts_err filled). Then notes what a REGISTER's
 * body carries for an application server (TS 24.229 §5.4.1.7 g, RFC
 * 5621): the UE's REGISTER, the 200 to it, the service information
 * (application/3gpp-ims+xml, §7.6). */
static void body_parts(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const struct sip_hdr *cth = sip_hdr_first(m, SIP_HDR_CONTENT_TYPE);
	struct slice boundary;
	if (!cth || !m->body.len)
		return;
	c->parts[0] = (struct sip_body_part){ .head = SLICE_NULL, .content_type = cth->value, .body = m->body };
	c->nparts = 1;
	c->parts_rc = sip_multipart_boundary(cth->value, &boundary, &c->parts_err);
	if (c->parts_rc > 0)
		c->parts_rc = sip_multipart_split(m->body, boundary, c->parts, CARRIED_PARTS_MAX, &c->nparts,
						  &c->parts_err);
	if (!c->is_register)
		return;
	for (size_t i = 0; i < c->nparts; i++) {
		struct slice t = sip_media_type(c->parts[i].content_type);
		if (slice_caseeq_cstr(t, "message/sip"))
			carried_note(c, c->parts[i].body);
		else if (slice_caseeq_cstr(t, "application/3gpp-ims+xml"))
			c->service_info = true;
	}
}

/* Where a fault of the body is said: at, or the body's last byte for its
 * end (a finding is at a byte of the message); the body's start when at
 * is not known. */
static const char *in_body(const struct ctx *c, const char *at)
{
	const struct slice b = c->msg->body;
	if (!at)
		return b.ptr;
	return at >= b.ptr + b.len && b.len ? b.ptr + b.len - 1 : at;
}

/* A multipart body that does not split at its boundary (more parts than
 * the rules look at is no fault). */
static void check_body_multipart(struct ctx *c)
{
	const struct sip_parse_error err = c->parts_err;
	if (c->parts_rc >= 0 || c->parts_rc == -E2BIG)
		return;
	const struct sip_hdr *cth = sip_hdr_first(c->msg, SIP_HDR_CONTENT_TYPE);
	bool in_type = err.at >= cth->value.ptr && err.at <= cth->value.ptr + cth->value.len;
	report(c, in_type ? cth : NULL, in_body(c, err.at), "the multipart body does "
	       "not split: %s. Its receiver cannot find the parts, so it refuses the message or "
	       "reads only the parts before the fault (an AS loses the UE's REGISTER a "
	       "third-party REGISTER carries). A boundary line is \"--\" and the boundary of "
	       "the Content-Type at a line's start, the last one ends in \"--\".",
	       err.reason ? err.reason : "malformed");
}

/* A message/sip body or part (RFC 3261 §27.5) that does not parse. */
static void check_body_message_sip(struct ctx *c)
{
	const struct sip_body_part *parts = c->parts;
	const size_t n = c->nparts;
	for (size_t i = 0; i < n; i++) {
		if (!slice_caseeq_cstr(sip_media_type(parts[i].content_type), "message/sip") ||
		    !parts[i].body.len)
			continue;
		struct sip_hdr hdrs[CARRIED_HDRS];
		struct sip_msg m;
		struct sip_parse_error perr = { 0 };
		sip_msg_init(&m, hdrs, CARRIED_HDRS);
		int rc = sip_msg_parse(&m, parts[i].body.ptr, parts[i].body.len, SIP_PARSE_LENIENT, &perr);
		if (rc >= 0)
			continue;
		const char *at = in_body(c, perr.at ? perr.at : parts[i].body.ptr + parts[i].body.len);
		const char *why = perr.reason ? perr.reason
				: rc == -EAGAIN ? "the message ends before its empty line"
				: rc == -EMSGSIZE ? "too many header fields" : "malformed";
		report(c, NULL, at, "the message/sip %s does not parse as a SIP message: %s. Its "
		       "receiver cannot read the message it carries (in a third-party REGISTER the "
		       "UE's REGISTER or the 200 to it, whose Contact, feature tags and cell the AS "
		       "needs).", n > 1 || parts[0].head.ptr ? "part" : "body", why);
	}
}

enum { X3_NONE = 1 }; /* c->x3_rc of a part that is not application/3gpp-ims+xml */

/* Each application/3gpp-ims+xml body or part (TS 24.229 §7.6), read once
 * for every rule: fn is called with it, the part and ims_3gpp_xml_decode's
 * result (never -ENOMEM: out of memory is no finding). */
static void each_ims3gpp(struct ctx *c,
			 void (*fn)(struct ctx *c, const struct sip_body_part *p, const struct ims_3gpp_xml *x, int rc))
{
	if (!c->x3_done) {
		c->x3_done = true;
		for (size_t i = 0; i < c->nparts; i++) {
			const struct sip_body_part *p = &c->parts[i];
			c->x3_rc[i] = X3_NONE;
			if (!p->body.len ||
			    !slice_caseeq_cstr(sip_media_type(p->content_type), "application/3gpp-ims+xml"))
				continue;
			if (!c->x3 && !(c->x3 = imsreg_malloc(c->nparts * sizeof *c->x3)))
				return;
			c->x3_rc[i] = ims_3gpp_xml_decode(&c->x3[i], p->body);
		}
	}
	for (size_t i = 0; c->x3 && i < c->nparts; i++)
		if (c->x3_rc[i] != X3_NONE && c->x3_rc[i] != -ENOMEM)
			fn(c, &c->parts[i], &c->x3[i], c->x3_rc[i]);
}

/* What a body of it is called in a finding. */
static const char *ims3gpp_where(const struct ctx *c)
{
	return c->nparts > 1 || c->parts[0].head.ptr ? "part" : "body";
}

static void ims3gpp_syntax(struct ctx *c, const struct sip_body_part *p, const struct ims_3gpp_xml *x, int rc)
{
	if (rc < 0)
		report(c, NULL, in_body(c, ims_text_line(p->body, x->error_line)), "the application/3gpp-ims+xml "
		       "%s cannot be read: %s (its line %u). Its receiver cannot read the 3GPP information "
		       "in it (a third-party REGISTER's service information, a network's alternative "
		       "service).", ims3gpp_where(c), x->error, x->error_line);
	else if (x->problem[0])
		report(c, NULL, in_body(c, ims_text_line(p->body, x->problem_line)), "application/3gpp-ims+xml "
		       "%s: %s (its line %u); a strict reader may refuse the document.", ims3gpp_where(c),
		       x->problem, x->problem_line);
}

/* An application/3gpp-ims+xml body or part that is not the document of
 * TS 24.229 §7.6.2. */
static void check_ims3gpp_syntax(struct ctx *c)
{
	each_ims3gpp(c, ims3gpp_syntax);
}

static void ims3gpp_alt(struct ctx *c, const struct sip_body_part *p, const struct ims_3gpp_xml *x, int rc)
{
	if (rc < 0 || !x->has_alt)
		return;
	const char *meaning = ims_3gpp_xml_alt_meaning(x);
	char reason[300] = "";
	if (x->alt_reason[0])
		snprintf(reason, sizeof reason, " (reason \"%s\")", x->alt_reason);
	report(c, NULL, in_body(c, ims_text_line(p->body, x->alt_line)), "alternative service %s%s%s%s: %s.%s",
	       x->alt_type[0] ? x->alt_type : "(no type)", x->alt_action[0] ? ", action " : "", x->alt_action,
	       reason, meaning ? meaning : "a type TS 24.229 §7.6.3 does not define (emergency, restoration)",
	       strcmp(x->alt_type, "restoration") == 0
		       ? " Expect the UE's new initial REGISTER next; when none follows, check the UE's "
			 "restoration support."
		       : "");
}

/* A message whose application/3gpp-ims+xml asks for an alternative
 * service: what the network asks the UE to do. */
static void check_ims3gpp_alternative(struct ctx *c)
{
	each_ims3gpp(c, ims3gpp_alt);
}

/* A REGISTER the S-CSCF sends an application server once a registration
 * succeeded (TS 24.229 §5.4.1.7), or the AS's response to it (which
 * echoes its From and To; a registrar's 2xx to a UE has a Service-Route
 * or a P-Associated-URI, and the UE's contacts): From holds the S-CSCF's SIP URI (a
 * node's: no user part), To the public user identity registered, and
 * the body carries what the filter criteria asked for, or else Contact is
 * the S-CSCF's URI: no user part and no feature tag, in a request with
 * none of what a UE's REGISTER has (Authorization, Security-Client,
 * P-Access-Network-Info). A UE's REGISTER has From = To = an IMPU with
 * a user part (a tel URI in To has one too); a UE's Contact often has no
 * user part, so that alone tells nothing. */
static bool is_third_party(const struct ctx *c)
{
	if (!(c->is_register || c->is_reg_response) || !c->from_ok || !c->to_ok)
		return false;
	const struct sip_uri *f = &c->from.uri, *t = &c->to.uri;
	if ((f->scheme != SIP_URI_SIP && f->scheme != SIP_URI_SIPS) || f->user.len)
		return false;
	if (!t->user.len)
		return false;
	if (c->is_reg_response) {
		/* the AS's response echoes the S-CSCF's From; it carries none of
		 * what a registrar's 2xx to a UE has (Service-Route,
		 * P-Associated-URI, a UE's contacts) */
		if (sip_hdr_first(c->msg, SIP_HDR_SERVICE_ROUTE) ||
		    sip_hdr_first(c->msg, SIP_HDR_P_ASSOCIATED_URI))
			return false;
	} else if (c->carried_reg.ptr || c->carried_resp.ptr || c->service_info) {
		return true;
	} else if (!c->ncontacts || c->auth_hdr || sip_hdr_first(c->msg, SIP_HDR_SECURITY_CLIENT) ||
		   sip_hdr_first(c->msg, SIP_HDR_P_ACCESS_NETWORK_INFO)) {
		return false;
	}
	for (size_t i = 0; i < c->ncontacts; i++) {
		const struct sip_addr *a = &c->contacts[i].a;
		if (a->star || a->uri.user.len ||
		    (a->uri.scheme != SIP_URI_SIP && a->uri.scheme != SIP_URI_SIPS) ||
		    (a->params.ptr && memchr(a->params.ptr, '+', a->params.len)))
			return false;
	}
	return true;
}

/* The expiry a REGISTER states for its (first) binding: that Contact's
 * expires parameter, else the Expires header; false when it states none
 * that decodes. *h and *at say where. */
static bool stated_expiry(struct ctx *c, uint32_t *e, const struct sip_hdr **h, const char **at)
{
	if (c->ncontacts && !c->contacts[0].a.star && c->contacts[0].a.has_expires) {
		*e = c->contacts[0].a.expires;
		*h = c->contacts[0].h;
		*at = c->contacts[0].a.expires_text.ptr;
		return true;
	}
	if (c->has_expires) {
		*e = c->expires;
		*h = c->expires_hdr;
		*at = c->expires_hdr->value.ptr;
		return true;
	}
	return false;
}

static void check_third_party(struct ctx *c)
{
	if (!c->third_party)
		return;
	uint32_t e = 0;
	const struct sip_hdr *h;
	const char *at;
	char what[64];
	if (!stated_expiry(c, &e, &h, &at))
		snprintf(what, sizeof what, "is registered (no expiry stated)");
	else if (e == 0)
		snprintf(what, sizeof what, "is deregistered (expiry 0)");
	else
		snprintf(what, sizeof what, "is registered for %u s", e);
	const char *body =
		c->carried_reg.ptr && c->carried_resp.ptr
			? "The UE's REGISTER and the 200 OK to it are in its body (message/sip): the "
			  "AS reads the UE's Contact, feature tags, IMEI and cell there."
		: c->carried_reg.ptr
			? "The UE's REGISTER is in its body (message/sip): the AS reads the UE's "
			  "Contact, feature tags, IMEI and cell there."
		: c->carried_resp.ptr
			? "The 200 OK to the UE's REGISTER is in its body (message/sip), the REGISTER "
			  "itself is not: the AS reads the bindings and identities the 200 lists."
			: "The UE's REGISTER is not in its body: the AS learns no Contact, feature "
			  "tags, IMEI or cell unless the filter criteria ask for it "
			  "(IncludeRegisterRequest, TS 29.228).";
	report(c, c->from_hdr, c->from.uri_text.ptr,
	       "a third-party REGISTER: the S-CSCF (%.*s) tells the application server (%.*s) "
	       "that %.*s %s, after a registration it accepted. It is the S-CSCF's request, so the "
	       "rules of a UE's REGISTER (Authorization, sec-agree, Path, "
	       "P-Access-Network-Info, IR.92's Contact) are not applied to it. %s",
	       SLICE_SHOWN(c->from.uri_text), SLICE_SHOWN(c->msg->ruri), SLICE_SHOWN(c->to.uri_text),
	       what, body);
}

static void check_third_party_contents(struct ctx *c)
{
	if (!c->third_party)
		return;
	if (!c->ncontacts && !sip_hdr_first(c->msg, SIP_HDR_CONTACT))
		report(c, NULL, c->msg->start_line.ptr, "no Contact: the S-CSCF puts its own SIP "
		       "URI in the Contact of a third-party REGISTER. Without one the REGISTER only "
		       "asks the AS for its bindings (RFC 3261 §10.2.3), and an AS may take it for "
		       "that rather than for a registration.");
	uint32_t e;
	const struct sip_hdr *h;
	const char *at;
	if (!stated_expiry(c, &e, &h, &at) && !sip_hdr_first(c->msg, SIP_HDR_EXPIRES))
		report(c, NULL, c->msg->start_line.ptr, "no Expires and no expires parameter: the "
		       "S-CSCF states the registration's expiry in a third-party REGISTER (the value "
		       "its 200 OK gave the UE, 0 for a deregistration). Without it the AS applies "
		       "its own default (often 3600 s) and may hold the user registered for another "
		       "time than the S-CSCF does.");
}

/* text (a carried message/sip) parsed into m over hdrs: false when it
 * does not parse (decode says why where it shows the body). */
static bool carried_parse(struct slice text, struct sip_msg *m, struct sip_hdr *hdrs)
{
	struct sip_parse_error err;
	if (!text.ptr)
		return false;
	sip_msg_init(m, hdrs, CARRIED_HDRS);
	return sip_msg_parse(m, text.ptr, text.len, SIP_PARSE_LENIENT, &err) >= 0;
}

/* The first element of m's header id decoded as an address. */
static bool first_addr(const struct sip_msg *m, enum sip_hdr_id id, struct sip_addr *a,
		       const struct sip_hdr **hp)
{
	struct elem_it it;
	struct slice item;
	struct sip_parse_error err;
	elem_it_init(&it, m, id);
	return elem_next(&it, &item, hp) && sip_addr_decode(a, item, SIP_ADDR_ALLOW_STAR, &err) == 0;
}

/* The expiry a 2xx to REGISTER granted the binding of contact (the
 * Contact of the REGISTER it answers; NULL when not known): that binding's
 * expires parameter, else the one binding's, else the Expires header. */
static bool granted_expiry(const struct sip_msg *ok, const struct sip_uri *contact, uint32_t *e)
{
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h;
	struct sip_parse_error err;
	struct sip_addr a;
	unsigned n = 0;
	bool matched = false, first_has = false;
	uint32_t first = 0;
	elem_it_init(&it, ok, SIP_HDR_CONTACT);
	while (elem_next(&it, &item, &h)) {
		if (sip_addr_decode(&a, item, 0, &err) < 0)
			continue;
		if (++n == 1) {
			first_has = a.has_expires;
			first = a.expires;
		}
		if (contact && binding_uri_equal(&a.uri, contact)) {
			if (a.has_expires) {
				*e = a.expires;
				return true;
			}
			matched = true;
			break;
		}
	}
	if (contact && !matched)
		return false; /* not the binding the REGISTER asked for */
	if (!contact && n == 1 && first_has) {
		*e = first;
		return true;
	}
	const struct sip_hdr *eh = sip_hdr_first(ok, SIP_HDR_EXPIRES);
	return eh && (contact || n <= 1) && sip_u32_decode(e, eh->value, &err) == 0;
}

/* One of the elements of m's header id is an address whose URI equals u
 * (RFC 3261 §19.1.4). */
static bool addr_list_has(const struct sip_msg *m, enum sip_hdr_id id, const struct sip_uri *u)
{
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h;
	struct sip_parse_error err;
	struct sip_addr a;
	elem_it_init(&it, m, id);
	while (elem_next(&it, &item, &h))
		if (sip_addr_decode(&a, item, 0, &err) == 0 && sip_uri_equal(&a.uri, u))
			return true;
	return false;
}

static void check_third_party_carried(struct ctx *c)
{
	if (!c->third_party || (!c->carried_reg.ptr && !c->carried_resp.ptr))
		return;
	struct sip_hdr rh[CARRIED_HDRS], oh[CARRIED_HDRS];
	struct sip_msg reg, ok;
	bool has_reg = carried_parse(c->carried_reg, &reg, rh);
	bool has_ok = carried_parse(c->carried_resp, &ok, oh);
	const struct sip_hdr *rto_h = NULL, *rct_h = NULL, *h;
	struct sip_addr rto, rct;
	bool rto_ok = has_reg && first_addr(&reg, SIP_HDR_TO, &rto, &rto_h);
	bool rct_ok = has_reg && first_addr(&reg, SIP_HDR_CONTACT, &rct, &rct_h) && !rct.star;

	if (has_ok) {
		const char *st = ok.start_line.ptr;
		if (ok.status < 200 || ok.status >= 300) {
			report(c, NULL, st, "the response carried is a %u, not the 200 OK to the UE's "
			       "REGISTER: the S-CSCF sends a third-party REGISTER after a registration it "
			       "accepted, with the 2xx it sent (IncludeRegisterResponse).", ok.status);
			return;
		}
		/* the 200 answers the REGISTER carried beside it */
		const struct sip_hdr *rc = has_reg ? sip_hdr_first(&reg, SIP_HDR_CALL_ID) : NULL;
		const struct sip_hdr *oc = sip_hdr_first(&ok, SIP_HDR_CALL_ID);
		if (rc && oc && !slice_eq(rc->value, oc->value))
			report(c, NULL, oc->value.ptr, "the 200 OK carried (Call-ID %.*s) does not "
			       "answer the REGISTER carried beside it (Call-ID %.*s): the S-CSCF put "
			       "messages of two registrations in one third-party REGISTER, and the AS "
			       "reads the contact of one with the expiry of the other.",
			       SLICE_SHOWN(oc->value), SLICE_SHOWN(rc->value));
		/* its expiry is the 200's (§5.4.1.7 e) */
		uint32_t mine, granted;
		const char *at;
		if (stated_expiry(c, &mine, &h, &at) && mine != 0 &&
		    granted_expiry(&ok, rct_ok ? &rct.uri : NULL, &granted) && granted != mine)
			report(c, h, at, "expiry %u s, but the 200 OK carried granted %u s: the S-CSCF "
			       "gives the AS the expiry of its 200 to the UE, so that both end the "
			       "registration together. The AS will now think the user registered %s "
			       "than the S-CSCF does.", mine, granted,
			       mine > granted ? "longer" : "for less time");
	}
	/* To is the identity the UE registered, or one of its implicit set */
	if (has_ok && rto_ok && !sip_uri_equal(&rto.uri, &c->to.uri) &&
	    !addr_list_has(&ok, SIP_HDR_P_ASSOCIATED_URI, &c->to.uri))
		report(c, c->to_hdr, c->to.uri_text.ptr, "To (%.*s) is neither the identity the "
		       "carried REGISTER registered (%.*s) nor one of the P-Associated-URI of the "
		       "200 OK carried: the AS would bind services to a user who did not register.",
		       SLICE_SHOWN(c->to.uri_text), SLICE_SHOWN(rto.uri_text));
}

/* ---- 8. the flow: this message against the ones before it ------------------ */

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

#define SEC_MAX_OFFERS 16
#define FLOW_SEC_MAX 1024 /* normalised offers kept; longer ones are not compared */
#define FLOW_URI_MAX 256  /* a granted binding's URI kept; a longer one: not compared */
#define SEC_MAX_PARTS 20
/* The offers of every header of id, each as "mechanism;name=value;..."
 * without white space, in lower case, its parameters sorted, the offers
 * sorted and joined by ','; RFC 3329 §2.3.1 compares the offers, not their
 * spelling. False when they do not fit in out. */
static bool sec_normalise(const struct sip_msg *m, enum sip_hdr_id id, char *out, size_t n)
{
	char offers[SEC_MAX_OFFERS][160];
	const char *sorted[SEC_MAX_OFFERS];
	size_t no = 0;
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h;
	elem_it_init(&it, m, id);
	while (elem_next(&it, &item, &h)) {
		if (no == SEC_MAX_OFFERS)
			return false;
		/* the parts between ';', white space dropped, lower case */
		char parts[SEC_MAX_PARTS][64];
		const char *ps[SEC_MAX_PARTS];
		size_t np = 0, k = 0;
		for (size_t i = 0; i <= item.len; i++) {
			char ch = i < item.len ? item.ptr[i] : ';';
			if (ch == ';') {
				if (np == SEC_MAX_PARTS)
					return false;
				parts[np][k] = '\0';
				ps[np] = parts[np];
				np++;
				k = 0;
			} else if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') {
				if (np == SEC_MAX_PARTS || k + 1 >= sizeof parts[0])
					return false;
				parts[np][k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
			}
		}
		if (np > 1)
			qsort(ps + 1, np - 1, sizeof ps[0], str_cmp);
		size_t len = 0;
		for (size_t i = 0; i < np; i++) {
			int w = snprintf(offers[no] + len, sizeof offers[0] - len, "%s%s",
					 i ? ";" : "", ps[i]);
			if (w < 0 || (size_t)w >= sizeof offers[0] - len)
				return false;
			len += (size_t)w;
		}
		sorted[no] = offers[no];
		no++;
	}
	qsort(sorted, no, sizeof sorted[0], str_cmp);
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < no; i++) {
		int w = snprintf(out + len, n - len, "%s%s", i ? "," : "", sorted[i]);
		if (w < 0 || (size_t)w >= n - len)
			return false;
		len += (size_t)w;
	}
	return true;
}

/* The 401 this REGISTER answers: the last 401 of its Call-ID on the UE's
 * leg, to a lower CSeq, not yet closed by a final response. */
static bool flow_answers_401(const struct ctx *c)
{
	const struct ims_flow_call *fc = c->fc;
	return fc && fc->have_401 && c->ue_leg && c->cseq_ok && c->cseq.seq > fc->ch_cseq;
}

static void check_flow_cseq(struct ctx *c)
{
	const struct ims_flow_call *fc = c->fc;
	if (!fc || !fc->have_register || !c->ue_leg || !c->cseq_ok)
		return;
	const struct sip_hdr *h = sip_hdr_first(c->msg, SIP_HDR_CSEQ);
	if (c->cseq.seq < fc->reg_cseq)
		report(c, h, h->value.ptr, "CSeq %u after a REGISTER of the same Call-ID with CSeq "
		       "%u: the UE must count up by one for each REGISTER of a Call-ID (RFC 3261 "
		       "§10.2); the registrar drops this one as out of order (or answers 500).",
		       c->cseq.seq, fc->reg_cseq);
	else if (c->cseq.seq == fc->reg_cseq && fc->reg_branch.len && slice_present(c->branch) &&
		 !flow_eq(fc->reg_branch, c->branch))
		report(c, h, h->value.ptr, "CSeq %u again, with a new branch: not a retransmission "
		       "but a new REGISTER that did not count up (RFC 3261 §10.2). The registrar "
		       "takes it for a retransmission of the last one (or answers 500).",
		       c->cseq.seq);
}

/* A final failure to a REGISTER of the input (its CSeq is the last
 * REGISTER's): what it means given what came before (the REGISTER that
 * answered a challenge, or one refused before any), and what to check. */
static void check_flow_register_refused(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const struct ims_flow_call *fc = c->fc;
	const unsigned st = m->status;
	if (!fc || !c->ue_leg || !c->cseq_ok || !fc->have_register || fc->reg_cseq != c->cseq.seq ||
	    st < 300 || st == 401 || st == 407 || st == 423)
		return;
	const bool answered = fc->have_401 && fc->ch_cseq < c->cseq.seq;
	char what[96];
	if (answered)
		snprintf(what, sizeof what, "the REGISTER (CSeq %u) that answered the 401 of CSeq %u",
			 c->cseq.seq, fc->ch_cseq);
	else
		snprintf(what, sizeof what, "the REGISTER (CSeq %u), with no challenge before it in "
			 "this input", c->cseq.seq);
	if (fc->reg_deregister) {
		report(c, NULL, m->start_line.ptr, "%u to %s, a deregistration: the bindings stay "
		       "until they expire, and the network keeps routing to them. Look at why the "
		       "S-CSCF refused (its Warning or Reason, if any).", st, what);
		return;
	}
	if (st == 403 && answered && fc->reg_mac_failure)
		report(c, NULL, m->start_line.ptr, "403 to %s, which said the SIM found AUTN's MAC "
		       "wrong (an empty response, no auts): the registration cannot go on until the "
		       "SIM and the HSS agree on K and OPc (or OP). imsreg verify --k K --opc OPC over the "
		       "401 says whether the MAC verifies with the keys you hold.", what);
	else if (st == 403 && answered && fc->reg_auts)
		report(c, NULL, m->start_line.ptr, "403 to %s, which asked for an SQN "
		       "resynchronisation (auts): the HSS refused the AUTS, whose MAC-S it checks with "
		       "K and OPc, so they differ between the SIM and the HSS; a successful "
		       "resynchronisation brings a new 401. imsreg aka auts --k K --opc OPC --rand RAND "
		       "--auts AUTS checks it.", what);
	else if (st == 403 && answered)
		report(c, NULL, m->start_line.ptr, "403 to %s: the S-CSCF refused the credentials "
		       "(%s) or, after authenticating, the identity (barred, roaming not allowed). %s",
		       what, fc->ch_aka ? "RES did not match XRES: K or OPc differ between the SIM "
					  "and the HSS, or the UE answered another challenge"
					: "the digest response is wrong: the password or HA1 differs",
		       fc->ch_aka ? "Check the response with imsreg verify --k K --opc OPC over the "
				    "401 and that REGISTER."
				  : "Check the response with imsreg verify --password PW over the 401 "
				    "and that REGISTER.");
	else if (st == 403 || st == 404)
		report(c, NULL, m->start_line.ptr, "%u to %s: refused before any authentication, "
		       "by the I-CSCF or S-CSCF on the HSS's answer: the IMPI (Authorization "
		       "username) or the IMPU (To) is unknown, they do not belong together, or "
		       "roaming is not allowed. Compare them with the HSS provisioning.", st, what);
	else if (st == 408 || st == 480 || st == 500 || st == 503 || st == 504) {
		const struct sip_hdr *ra = sip_hdr_first(m, SIP_HDR_RETRY_AFTER);
		struct sip_retry_after rv;
		struct sip_parse_error err;
		char retry[96] = "The UE retries";
		if (ra && sip_retry_after_decode(&rv, ra->value, &err) == 0)
			snprintf(retry, sizeof retry, "Retry-After asks the UE to wait %u s; it retries then",
				 (unsigned)rv.seconds);
		report(c, NULL, m->start_line.ptr, "%u to %s: the network failed, not the UE%s. "
		       "Look at the P-CSCF, I-CSCF and S-CSCF logs at this time (an unreachable "
		       "S-CSCF or HSS, a Diameter timeout). %s, or at another P-CSCF after 503 or "
		       "408.", st, what,
		       answered ? " (it answered the challenge; the S-CSCF could not finish the "
				  "registration, e.g. its Server-Assignment to the HSS)" : "", retry);
	}
}

static void check_flow_challenge(struct ctx *c)
{
	const struct ims_flow_call *fc = c->fc;
	if (!c->auth_ok || !flow_answers_401(c) || fc->ch_nnonce == 0)
		return;
	struct slice nonce = c->auth.field[SIP_AUTH_NONCE];
	if (!slice_present(nonce) || nonce.len == 0)
		return; /* a new initial REGISTER: nothing answered */
	unsigned i = 0;
	while (i < fc->ch_nnonce && !flow_eq(fc->ch_nonce[i], nonce))
		i++;
	if (i == fc->ch_nnonce) {
		report(c, c->auth_hdr, nonce.ptr, "the nonce answered is not the one of the 401 "
		       "before it (same Call-ID, CSeq %u): the S-CSCF finds no vector for it and "
		       "challenges again or answers 403. Check that the UE took the 401's "
		       "WWW-Authenticate whole (a cut paste, a second 401).", fc->ch_cseq);
		return;
	}
	struct slice realm = c->auth.field[SIP_AUTH_REALM];
	if (fc->ch_realm[i].len && slice_present(realm) && !flow_eq(fc->ch_realm[i], realm))
		report(c, c->auth_hdr, realm.ptr, "realm \"%.*s\" is not the realm \"%.*s\" of the "
		       "challenge answered (RFC 3261 §22.4: the credentials carry the "
		       "challenge's realm).", SLICE_ARG(realm), SLICE_ARG(fc->ch_realm[i]));
	struct slice opaque = c->auth.field[SIP_AUTH_OPAQUE];
	if (slice_present(fc->ch_opaque[i]) && !flow_eq(fc->ch_opaque[i], opaque))
		report(c, c->auth_hdr, slice_present(opaque) ? opaque.ptr : c->auth_hdr->value.ptr,
		       "the challenge answered has opaque=\"%.*s\"; the credentials must return it "
		       "unchanged (RFC 7616 §3.4) and %s.", SLICE_ARG(fc->ch_opaque[i]),
		       slice_present(opaque) ? "do not" : "have none");
}

static void check_flow_sec_verify(struct ctx *c)
{
	const struct ims_flow_call *fc = c->fc;
	if (!flow_answers_401(c) || !fc->ch_has_sec_server || fc->ch_sec_server_cut)
		return;
	/* only a REGISTER that answers the challenge (a new initial one,
	 * nonce="", starts over with Security-Client alone) */
	if (!c->auth_ok || !slice_present(c->auth.field[SIP_AUTH_NONCE]) ||
	    c->auth.field[SIP_AUTH_NONCE].len == 0)
		return;
	const struct sip_hdr *h = sip_hdr_first(c->msg, SIP_HDR_SECURITY_VERIFY);
	if (!h) {
		report(c, NULL, c->msg->start_line.ptr, "the 401 before it offered Security-Server, "
		       "but this REGISTER has no Security-Verify: the P-CSCF cannot check that "
		       "the UE saw its offers unaltered and answers 494 (RFC 3329 §2.3.1, "
		       "TS 33.203 §7.2).");
		return;
	}
	char mine[FLOW_SEC_MAX];
	if (!sec_normalise(c->msg, SIP_HDR_SECURITY_VERIFY, mine, sizeof mine))
		return;
	if (!flow_eq(fc->ch_sec_server, slice_cstr(mine)))
		report(c, h, h->value.ptr, "Security-Verify is not the 401's Security-Server "
		       "(same offers and parameters, in any order): RFC 3329 §2.3.1 has the UE "
		       "echo the server's list unaltered, so the P-CSCF takes a difference for a "
		       "downgrade attack and answers 494. Compare the two offer by offer.");
}

/* TS 24.229 §5.1.1.5.1 has the UE repeat, in the REGISTER that answers a
 * 401, the Security-Client of the REGISTER that drew it (the initial one,
 * or a re-registration with new SPIs and ports when the network
 * re-authenticates), and TS 33.203 §7.2 has the P-CSCF compare the two: a
 * list that changed between them looks like a downgrade. (One with no
 * Security-Client at all is ts33203.security.verify's.) */
static void check_flow_sec_client(struct ctx *c)
{
	const struct ims_flow_call *fc = c->fc;
	if (!flow_answers_401(c) || !fc->reg_has_sec_client || fc->reg_sec_client_cut ||
	    fc->reg_cseq != fc->ch_cseq)
		return;
	if (!c->auth_ok || !slice_present(c->auth.field[SIP_AUTH_NONCE]) ||
	    c->auth.field[SIP_AUTH_NONCE].len == 0 ||
	    !sip_hdr_first(c->msg, SIP_HDR_SECURITY_VERIFY))
		return;
	const struct sip_hdr *h = sip_hdr_first(c->msg, SIP_HDR_SECURITY_CLIENT);
	char mine[FLOW_SEC_MAX];
	if (!h || !sec_normalise(c->msg, SIP_HDR_SECURITY_CLIENT, mine, sizeof mine))
		return;
	if (!flow_eq(fc->reg_sec_client, slice_cstr(mine)))
		report(c, h, h->value.ptr, "Security-Client is not the one of the REGISTER the "
		       "401 answered (same offers and parameters, in any order): the UE repeats its "
		       "list unchanged in the protected REGISTER (TS 24.229 §5.1.1.5.1), and the "
		       "P-CSCF compares the two (TS 33.203 §7.2), so a change reads as a "
		       "downgrade; the SAs were set up from the first list. Compare them offer "
		       "by offer (spi-c, spi-s, port-c, port-s, alg, ealg).");
}

/* ---- the flow's records ---------------------------------------------------
 * A table of records (call), free ones chained through hash_next; a hash
 * index of chains (bucket, one head per bucket, at most one record per
 * bucket on average); the use order as a doubly linked list. Every link
 * is an index + 1, so that 0 is "none" and a zeroed struct ims_flow is an
 * empty one. */

#define FLOW_MAX_INDEX (UINT32_MAX - 1)

static uint64_t flow_hash(struct slice s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (size_t i = 0; i < s.len; i++) {
		h ^= (unsigned char)s.ptr[i];
		h *= 1099511628211u;
	}
	return h;
}

static size_t flow_max_calls(const struct ims_flow *f)
{
	size_t m = f->max_calls ? f->max_calls : IMS_FLOW_MAX_CALLS;
	return m < FLOW_MAX_INDEX ? m : FLOW_MAX_INDEX;
}

static size_t flow_max_bytes(const struct ims_flow *f)
{
	return f->max_bytes ? f->max_bytes : IMS_FLOW_MAX_BYTES;
}

void ims_flow_init(struct ims_flow *flow)
{
	memset(flow, 0, sizeof *flow);
}

void ims_flow_fini(struct ims_flow *flow)
{
	for (size_t i = 0; i < flow->ncalls; i++)
		imsreg_free(flow->call[i].text);
	imsreg_free(flow->call);
	imsreg_free(flow->bucket);
	memset(flow, 0, sizeof *flow);
}

uint64_t ims_flow_dropped(const struct ims_flow *flow, uint64_t *nomem)
{
	if (nomem)
		*nomem = flow->nomem;
	return flow->evicted + flow->nomem;
}

/* The flow's record of call_id, or NULL. Mutable for flow_note, which owns
 * the flow; the rules read it through ctx's const. */
static struct ims_flow_call *flow_find(const struct ims_flow *f, struct slice call_id)
{
	if (!f->nbucket || !call_id.ptr)
		return NULL;
	uint64_t h = flow_hash(call_id);
	for (uint32_t id = f->bucket[h & (f->nbucket - 1)]; id; id = f->call[id - 1].hash_next) {
		const struct ims_flow_call *fc = &f->call[id - 1];
		if (fc->hash == h && flow_eq(fc->call_id, call_id))
			return (struct ims_flow_call *)fc;
	}
	return NULL;
}

static uint32_t flow_id(const struct ims_flow *f, const struct ims_flow_call *fc)
{
	return (uint32_t)(fc - f->call) + 1;
}

static void flow_lru_unlink(struct ims_flow *f, struct ims_flow_call *fc)
{
	if (fc->lru_prev)
		f->call[fc->lru_prev - 1].lru_next = fc->lru_next;
	else
		f->lru_head = fc->lru_next;
	if (fc->lru_next)
		f->call[fc->lru_next - 1].lru_prev = fc->lru_prev;
	else
		f->lru_tail = fc->lru_prev;
	fc->lru_prev = fc->lru_next = 0;
}

static void flow_lru_front(struct ims_flow *f, struct ims_flow_call *fc)
{
	uint32_t id = flow_id(f, fc);
	fc->lru_prev = 0;
	fc->lru_next = f->lru_head;
	if (f->lru_head)
		f->call[f->lru_head - 1].lru_prev = id;
	else
		f->lru_tail = id;
	f->lru_head = id;
}

/* Frees fc's record: out of the index and the use order, on the free list. */
static void flow_drop(struct ims_flow *f, struct ims_flow_call *fc)
{
	uint32_t id = flow_id(f, fc);
	uint32_t *p = &f->bucket[fc->hash & (f->nbucket - 1)];
	while (*p != id)
		p = &f->call[*p - 1].hash_next;
	*p = fc->hash_next;
	flow_lru_unlink(f, fc);
	imsreg_free(fc->text);
	f->bytes -= sizeof *fc + fc->text_size;
	f->nused--;
	memset(fc, 0, sizeof *fc);
	fc->hash_next = f->free_head;
	f->free_head = id;
}

/* Twice the buckets once there are as many records as buckets. When that
 * allocation fails the chains just grow longer: nothing is lost. */
static void flow_index_grow(struct ims_flow *f)
{
	if (f->nused < f->nbucket || f->nbucket > SIZE_MAX / 2 / sizeof *f->bucket)
		return;
	size_t n = f->nbucket ? f->nbucket * 2 : 64;
	uint32_t *b = imsreg_calloc(n, sizeof *b);
	if (!b)
		return;
	for (size_t i = 0; i < f->ncalls; i++) {
		struct ims_flow_call *fc = &f->call[i];
		if (!fc->call_id.ptr)
			continue;
		size_t k = fc->hash & (n - 1);
		fc->hash_next = b[k];
		b[k] = (uint32_t)i + 1;
	}
	imsreg_free(f->bucket);
	f->bucket = b;
	f->nbucket = n;
}

/* A new record for call_id (in use, indexed, most recently used, its
 * strings still the message's until flow_store), the least recently used
 * one evicted when the table is full; NULL when memory ran out. */
static struct ims_flow_call *flow_add(struct ims_flow *f, struct slice call_id)
{
	while (f->nused >= flow_max_calls(f) && f->lru_tail) { /* max_calls may have been lowered */
		flow_drop(f, &f->call[f->lru_tail - 1]);
		f->evicted++;
	}
	flow_index_grow(f);
	uint32_t id = f->free_head;
	if (!f->nbucket) {
		id = 0;
	} else if (id) {
		f->free_head = f->call[id - 1].hash_next;
	} else {
		if (f->ncalls == f->cap) {
			size_t n = f->cap ? f->cap * 2 : 16;
			if (n > FLOW_MAX_INDEX)
				n = FLOW_MAX_INDEX;
			void *v = n > f->cap && n <= SIZE_MAX / sizeof *f->call
					  ? imsreg_realloc(f->call, n * sizeof *f->call)
					  : NULL;
			if (v) {
				f->call = v;
				f->cap = n;
			}
		}
		if (f->ncalls < f->cap)
			id = (uint32_t)++f->ncalls;
	}
	if (!id) {
		f->nomem++;
		return NULL;
	}
	struct ims_flow_call *fc = &f->call[id - 1];
	memset(fc, 0, sizeof *fc);
	fc->call_id = call_id;
	fc->hash = flow_hash(call_id);
	uint32_t *head = &f->bucket[fc->hash & (f->nbucket - 1)];
	fc->hash_next = *head;
	*head = id;
	flow_lru_front(f, fc);
	f->nused++;
	f->bytes += sizeof *fc;
	return fc;
}

/* The string members of a record, in the order of its text block. */
#define FLOW_STRINGS (9 + 3 * IMS_FLOW_NONCES)
static void flow_strings(struct ims_flow_call *fc, struct slice *v[FLOW_STRINGS])
{
	size_t n = 0;
	v[n++] = &fc->call_id;
	v[n++] = &fc->granted;
	v[n++] = &fc->sr;
	v[n++] = &fc->pau;
	v[n++] = &fc->reg_branch;
	v[n++] = &fc->ch_sec_server;
	v[n++] = &fc->reg_sec_client;
	v[n++] = &fc->grant_aor;
	v[n++] = &fc->grant_contact;
	for (size_t i = 0; i < IMS_FLOW_NONCES; i++) {
		v[n++] = &fc->ch_nonce[i];
		v[n++] = &fc->ch_realm[i];
		v[n++] = &fc->ch_opaque[i];
	}
}

/* next (a copy of fc's record with some strings pointing elsewhere: the
 * message, a local buffer) becomes fc's record, every string copied into
 * one new block of the size they need. When that allocation fails, fc's
 * record is dropped (a record half updated would compare the next message
 * with the wrong one), counted in nomem: false. */
static bool flow_store(struct ims_flow *f, struct ims_flow_call *fc, struct ims_flow_call *next)
{
	struct slice *v[FLOW_STRINGS];
	flow_strings(next, v);
	size_t size = 0;
	for (size_t i = 0; i < FLOW_STRINGS; i++)
		if (v[i]->ptr)
			size += v[i]->len + 1;
	char *text = imsreg_malloc(size);
	if (!text) {
		flow_drop(f, fc);
		f->nomem++;
		return false;
	}
	char *p = text;
	for (size_t i = 0; i < FLOW_STRINGS; i++) {
		if (!v[i]->ptr)
			continue;
		memcpy(p, v[i]->ptr, v[i]->len);
		p[v[i]->len] = '\0';
		v[i]->ptr = p;
		p += v[i]->len + 1;
	}
	imsreg_free(fc->text);
	f->bytes = f->bytes - fc->text_size + size;
	next->text = text;
	next->text_size = size;
	*fc = *next;
	return true;
}

/* Least recently used records out while the flow holds more than
 * max_bytes, but never keep the one of the message being noted. */
static void flow_trim(struct ims_flow *f)
{
	while (f->bytes > flow_max_bytes(f) && f->lru_tail && f->lru_tail != f->lru_head) {
		flow_drop(f, &f->call[f->lru_tail - 1]);
		f->evicted++;
	}
}

/* The Security-* offers of header id in m, normalised into buf: *has
 * whether m has the header, *cut whether they did not fit (then not
 * compared); the slice of buf, or SLICE_NULL. */
static struct slice flow_sec(const struct sip_msg *m, enum sip_hdr_id id, char *buf, size_t cap,
			     bool *has, bool *cut)
{
	*has = sip_hdr_first(m, id) != NULL;
	*cut = *has && !sec_normalise(m, id, buf, cap);
	return *has && !*cut ? slice_cstr(buf) : SLICE_NULL;
}

/* What the next messages need of this one: REGISTERs and responses to
 * REGISTER on the UE's leg (a P-CSCF log also holds the Mw copies, whose
 * Security-* and challenges are another hop's). */
static const struct ims_reginfo *reginfo_of(struct ctx *c, int *rc);

static void flow_note_removed(struct ctx *c, struct ims_flow *f, const struct ims_reginfo *ri);
static void flow_note_shortened(struct ctx *c, struct ims_flow *f, const struct ims_reginfo *ri);

/* A reg-event NOTIFY: the highest reginfo version of its subscription
 * (its Call-ID), for rfc3680.flow.version; then the contacts it removed
 * (flow_note_removed). */
static void flow_note_reginfo(struct ctx *c, struct ims_flow *f)
{
	int rc;
	const struct ims_reginfo *ri = reginfo_of(c, &rc);
	if (!ri || rc < 0)
		return;
	struct ims_flow_call *fc = (struct ims_flow_call *)c->fc;
	if (!ri->has_version) {
		/* no version to keep */
	} else if (fc || (fc = flow_add(f, c->call_id->value))) {
		if (c->fc) {
			flow_lru_unlink(f, fc);
			flow_lru_front(f, fc);
		}
		struct ims_flow_call next = *fc;
		if (!next.have_reginfo || ri->version > next.reginfo_version)
			next.reginfo_version = ri->version;
		next.have_reginfo = true;
		if (flow_store(f, fc, &next))
			flow_trim(f);
	}
	flow_note_removed(c, f, ri); /* fc may be stale from here */
	flow_note_shortened(c, f, ri);
}

/* The key of a record of an address-of-record (AOR_KEY_PREFIX) or of a
 * contact (CONTACT_KEY_PREFIX, and ";sos" for an emergency registration's:
 * another binding): the prefix, then the URI's sip_uri_key (equal URIs,
 * however written, give one key). 0 when u is no sip, sips or tel URI, or
 * too long. */
#define AOR_KEY_PREFIX "\001aor "
#define CONTACT_KEY_PREFIX "\001ct "
#define AOR_KEY_MAX 320
static size_t uri_key(char *buf, size_t cap, const char *prefix, const struct sip_uri *u)
{
	size_t p = strlen(prefix);
	bool sos = strcmp(prefix, CONTACT_KEY_PREFIX) == 0 && ims_uri_is_emergency(u);
	if (cap <= p + 4)
		return 0;
	memcpy(buf, prefix, p);
	size_t k = sip_uri_key(u, buf + p, cap - p - 4);
	if (!k)
		return 0;
	if (sos)
		memcpy(buf + p + k, ";sos", 4);
	return p + k + (sos ? 4 : 0);
}

static size_t aor_key(char *buf, size_t cap, const struct sip_uri *u)
{
	return uri_key(buf, cap, AOR_KEY_PREFIX, u);
}

/* The URIs of the elements of every header id of m, each followed by
 * '\n', into list (IMS_FLOW_GRANTED of FLOW_URI_MAX at most): their count,
 * *cut when there were more or longer (then not compared). */
struct uri_list {
	char text[IMS_FLOW_GRANTED * (FLOW_URI_MAX + 1)];
	size_t len;
	unsigned n;
	bool cut;
};

static void uri_list_add(struct uri_list *l, struct slice uri)
{
	if (l->cut || l->n == IMS_FLOW_GRANTED || uri.len > FLOW_URI_MAX) {
		l->cut = true;
		return;
	}
	memcpy(l->text + l->len, uri.ptr, uri.len);
	l->len += uri.len;
	l->text[l->len++] = '\n';
	l->n++;
}

/* The next URI of a '\n'-ended list (a uri_list's, a record's granted, sr,
 * pau) from *pos, or SLICE_NULL after the last. */
static struct slice uri_list_next(struct slice list, size_t *pos)
{
	if (!list.ptr || *pos >= list.len)
		return SLICE_NULL;
	const char *p = list.ptr + *pos, *e = memchr(p, '\n', list.len - *pos);
	if (!e)
		e = list.ptr + list.len;
	*pos = (size_t)(e - list.ptr) + 1;
	return slice_span(p, e);
}

static void uri_list_of(struct uri_list *l, const struct sip_msg *m, enum sip_hdr_id id)
{
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h;
	memset(l, 0, sizeof *l);
	elem_it_init(&it, m, id);
	while (elem_next(&it, &item, &h)) {
		struct sip_addr a;
		struct sip_parse_error err;
		if (sip_addr_decode(&a, item, 0, &err) == 0)
			uri_list_add(l, a.uri_text);
		else
			l->cut = true; /* a malformed entry: the syntax rule's */
	}
}

/* Two contact URIs name the same binding: equal as RFC 3261 §19.1.4 has
 * it (a parameter in one URI only ignored), but an emergency registration's
 * contact (sos) is another binding than the normal one. */
static bool binding_uri_equal(const struct sip_uri *a, const struct sip_uri *b)
{
	return sip_uri_equal(a, b) && ims_uri_is_emergency(a) == ims_uri_is_emergency(b);
}

/* u equals a URI of a '\n'-ended list: as RFC 3261 §19.1.4 has it, or
 * (binding) as binding_uri_equal does, an emergency contact apart. */
static bool uri_in_list(struct slice list, const struct sip_uri *u, bool binding)
{
	size_t pos = 0;
	struct slice v;
	while ((v = uri_list_next(list, &pos)).ptr) {
		struct sip_uri w;
		struct sip_parse_error err;
		if (sip_uri_decode(&w, v, &err) == 0 &&
		    (binding ? binding_uri_equal(&w, u) : sip_uri_equal(&w, u)))
			return true;
	}
	return false;
}

/* The list has a URI equal to u (RFC 3261 §19.1.4), or u does not decode
 * (then it is not added twice either). */
static bool uri_list_has(const struct uri_list *l, struct slice u)
{
	struct sip_uri a;
	struct sip_parse_error err;
	return sip_uri_decode(&a, u, &err) < 0 || uri_in_list(slice_make(l->text, l->len), &a, false);
}

/* The record of key[0, k) (k 0: none), made when there is none (most
 * recently used); NULL when k is 0 or memory ran out. */
static struct ims_flow_call *flow_keyed(struct ims_flow *f, size_t k, const char *key)
{
	if (!k)
		return NULL;
	struct slice ks = slice_make(key, k);
	struct ims_flow_call *fc = flow_find(f, ks);
	if (fc) {
		flow_lru_unlink(f, fc);
		flow_lru_front(f, fc);
		return fc;
	}
	return flow_add(f, ks);
}

/* The record of the AOR u, made when there is none (most recently used);
 * NULL when u has no key or memory ran out. */
static struct ims_flow_call *flow_aor(struct ims_flow *f, const struct sip_uri *u, char *key,
				      size_t cap)
{
	return flow_keyed(f, uri_key(key, cap, AOR_KEY_PREFIX, u), key);
}

/* The key of a binding's record: "\001bt ", the AOR's sip_uri_key, then
 * the contact's key (CONTACT_KEY_PREFIX's, with ";sos" for an emergency
 * contact). 0 when either has no key or they do not fit. */
#define BINDING_KEY_PREFIX "\001bt "
#define BINDING_KEY_MAX (2 * AOR_KEY_MAX)
static size_t binding_key(char *buf, size_t cap, const struct sip_uri *aor, const struct sip_uri *contact)
{
	size_t k = uri_key(buf, cap, BINDING_KEY_PREFIX, aor);
	size_t n = k ? uri_key(buf + k, cap - k, CONTACT_KEY_PREFIX, contact) : 0;
	return n ? k + n : 0;
}

/* How long message c gives contact ct: its expires parameter, else the
 * Expires header; false when it says neither. */
static bool contact_expiry(const struct ctx *c, const struct contact *ct, uint32_t *secs)
{
	if (ct->a.has_expires)
		*secs = ct->a.expires;
	else if (c->has_expires)
		*secs = c->expires;
	else
		return false;
	return true;
}

/* A 2xx to a REGISTER: the bindings it lists (the contacts with an expiry
 * above 0), kept in its AOR's record for the reg-event NOTIFYs that follow
 * (check_flow_bindings), and its Service-Route, kept for that AOR and for
 * each P-Associated-URI (the implicitly registered IMPUs share it), for
 * the UE's later requests (check_flow_service_route). On any leg: a P-CSCF
 * log's two copies agree. */
static void flow_note_granted(struct ctx *c, struct ims_flow *f)
{
	const struct sip_msg *m = c->msg;
	/* an AS's 2xx to a third-party REGISTER lists the S-CSCF's contact,
	 * not the UE's bindings */
	if (!c->is_reg_response || m->status / 100 != 2 || !c->to_ok || !c->cseq_ok || c->third_party)
		return;
	struct uri_list granted, sr;
	memset(&granted, 0, sizeof granted);
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = contact_next(c, &cur)))
		if (!ct->a.star && !contact_removed(c, ct))
			uri_list_add(&granted, ct->a.uri_text);
	const bool has_sr = sip_hdr_first(m, SIP_HDR_SERVICE_ROUTE) != NULL;
	uri_list_of(&sr, m, SIP_HDR_SERVICE_ROUTE);
	/* P-Associated-URI, read once for the contacts' and the IMPUs' records */
	struct uri_list pau;
	const bool has_pau = sip_hdr_first(m, SIP_HDR_P_ASSOCIATED_URI) != NULL;
	uri_list_of(&pau, m, SIP_HDR_P_ASSOCIATED_URI);

	char key[AOR_KEY_MAX];
	struct ims_flow_call *fc = flow_aor(f, &c->to.uri, key, sizeof key);
	if (fc) {
		struct ims_flow_call next = *fc;
		next.have_granted = true;
		next.granted_n = granted.n;
		next.granted_cut = granted.cut;
		next.granted = slice_make(granted.text, granted.len);
		next.granted_cseq = c->cseq.seq;
		next.have_sr = has_sr;
		next.sr_n = sr.n;
		next.sr_cut = sr.cut;
		next.sr = has_sr ? slice_make(sr.text, sr.len) : SLICE_NULL;
		/* an AOR's record: this 2xx's P-Associated-URI, as listed */
		next.have_pau = has_pau;
		next.pau_n = pau.n;
		next.pau_cut = pau.cut;
		next.pau = has_pau ? slice_make(pau.text, pau.len) : SLICE_NULL;
		if (flow_store(f, fc, &next))
			flow_trim(f);
	}
	/* each granted contact: the identities its registrations may use. A UE
	 * may register several IMPUs (each with its implicit set) at one
	 * contact: the sets add up, so that an identity of any of them passes
	 * (a registration that ended leaves its identities: quiet, not wrong) */
	if (has_pau) {
		cur = (struct contact_cursor){ 0 };
		while ((ct = contact_next(c, &cur))) {
			if (ct->a.star || contact_removed(c, ct))
				continue;
			if (!(fc = flow_keyed(f, uri_key(key, sizeof key, CONTACT_KEY_PREFIX, &ct->a.uri), key)))
				continue;
			struct uri_list all = pau;
			size_t pos = 0;
			struct slice u;
			while (fc->have_pau && !all.cut && (u = uri_list_next(fc->pau, &pos)).ptr)
				if (!uri_list_has(&pau, u))
					uri_list_add(&all, u);
			struct ims_flow_call next = *fc;
			next.have_pau = true;
			next.pau_n = all.n;
			next.pau_cut = all.cut || (fc->have_pau && fc->pau_cut);
			next.pau = slice_make(all.text, all.len);
			if (flow_store(f, fc, &next))
				flow_trim(f);
		}
	}
	if (!has_sr)
		return;
	size_t pos = 0;
	struct slice item;
	while ((item = uri_list_next(slice_make(pau.text, pau.len), &pos)).ptr) {
		struct sip_uri u;
		struct sip_parse_error err;
		if (sip_uri_decode(&u, item, &err) < 0 || sip_uri_equal(&u, &c->to.uri))
			continue;
		if (!(fc = flow_aor(f, &u, key, sizeof key)))
			continue;
		struct ims_flow_call next = *fc;
		next.have_sr = true;
		next.sr_n = sr.n;
		next.sr_cut = sr.cut;
		next.sr = slice_make(sr.text, sr.len);
		if (flow_store(f, fc, &next))
			flow_trim(f);
	}
}

/* A contact's registration ended without the UE's own REGISTER (RFC 3680
 * §5.1): by the network, deactivated (register again at once), probation
 * (later) or rejected (not again), or expired (its refresh did not come
 * in time). Not unregistered, the UE's own. */
static bool removed_not_by_ue(const char *event)
{
	return strcmp(event, "deactivated") == 0 || strcmp(event, "probation") == 0 ||
	       strcmp(event, "rejected") == 0 || strcmp(event, "expired") == 0;
}

/* A reg-event NOTIFY (any state, full or partial): each contact it lists
 * terminated by the network or by expiry is marked in the contact's
 * record, and one it lists active again is unmarked, for
 * check_flow_removed_contact. The UE's next REGISTER of the contact
 * unmarks it too (flow_note_reregistered). */
static void flow_note_removed(struct ctx *c, struct ims_flow *f, const struct ims_reginfo *ri)
{
	for (unsigned i = 0; i < ri->ncontacts; i++) {
		const struct ims_reginfo_contact *k = &ri->contacts[i];
		const bool removed = strcmp(k->state, "terminated") == 0 && removed_not_by_ue(k->event);
		if (!removed && strcmp(k->state, "active") != 0)
			continue;
		struct sip_uri u;
		struct sip_parse_error err;
		char key[AOR_KEY_MAX];
		size_t n;
		if (sip_uri_decode(&u, slice_cstr(k->uri), &err) < 0 ||
		    !(n = uri_key(key, sizeof key, CONTACT_KEY_PREFIX, &u)))
			continue;
		struct ims_flow_call *fc = removed ? flow_keyed(f, n, key) : flow_find(f, slice_make(key, n));
		if (!fc || (!removed && !fc->removed_event[0]))
			continue;
		struct ims_flow_call next = *fc;
		if (removed) {
			snprintf(next.removed_event, sizeof next.removed_event, "%s", k->event);
			next.removed_cseq = c->cseq_ok ? c->cseq.seq : 0;
			next.removed_has_retry = k->has_retry_after;
			next.removed_retry_after = k->retry_after;
		} else {
			next.removed_event[0] = '\0';
		}
		if (flow_store(f, fc, &next))
			flow_trim(f);
	}
}

/* The record of contact ct when a NOTIFY removed it (its mark set), or
 * NULL. */
static struct ims_flow_call *removed_uri(const struct ims_flow *f, const struct sip_uri *u)
{
	char key[AOR_KEY_MAX];
	size_t n;
	struct ims_flow_call *fc;
	if (!(n = uri_key(key, sizeof key, CONTACT_KEY_PREFIX, u)) || !(fc = flow_find(f, slice_make(key, n))) ||
	    !fc->removed_event[0])
		return NULL;
	return fc;
}

static struct ims_flow_call *removed_record(const struct ims_flow *f, const struct contact *ct)
{
	return ct->a.star ? NULL : removed_uri(f, &ct->a.uri);
}

/* A REGISTER (on any leg) of a contact a NOTIFY removed: the UE registers
 * it again (or removes it itself), so the mark goes. */
static void flow_note_reregistered(struct ctx *c, struct ims_flow *f)
{
	if (!c->is_register)
		return;
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	struct ims_flow_call *fc;
	while ((ct = contact_next(c, &cur))) {
		if (!(fc = removed_record(f, ct)))
			continue;
		struct ims_flow_call next = *fc;
		next.removed_event[0] = '\0';
		if (flow_store(f, fc, &next))
			flow_trim(f);
	}
}

/* From a capture: a reg-event NOTIFY listing a contact active with the
 * event shortened and an expires (RFC 3680 §5.1: the network shortened
 * the registration, to re-authenticate the UE): that binding's record is
 * timed from the NOTIFY, for ts24229.packet.reregistration (which then
 * judges only whether it lapsed). Only a binding a 2xx timed before. */
static void flow_note_shortened(struct ctx *c, struct ims_flow *f, const struct ims_reginfo *ri)
{
	if (!pk_timed(c))
		return;
	for (unsigned i = 0; i < ri->ncontacts; i++) {
		const struct ims_reginfo_contact *k = &ri->contacts[i];
		struct sip_uri aor, ct;
		struct sip_parse_error err;
		char key[BINDING_KEY_MAX];
		size_t n;
		struct ims_flow_call *fc;
		if (strcmp(k->state, "active") != 0 || strcmp(k->event, "shortened") != 0 ||
		    !k->has_expires || k->reg >= ri->nregs ||
		    sip_uri_decode(&aor, slice_cstr(ri->regs[k->reg].aor), &err) < 0 ||
		    sip_uri_decode(&ct, slice_cstr(k->uri), &err) < 0 ||
		    !(n = binding_key(key, sizeof key, &aor, &ct)) ||
		    !(fc = flow_find(f, slice_make(key, n))) || !fc->have_grant)
			continue;
		struct ims_flow_call next = *fc;
		next.grant_renewed = false;
		next.grant_shortened = true;
		next.grant_expires = k->expires;
		next.grant_cseq = c->cseq_ok ? c->cseq.seq : 0;
		next.grant_us = pk_us(c->pk);
		next.grant_frame = c->pk->frame;
		if (flow_store(f, fc, &next))
			flow_trim(f);
	}
}

/* From a capture: a final response to a REGISTER (on any leg), kept as
 * its AOR's last when the AOR has a record, for the end of the capture
 * (a refresh that no 2xx answered: what did). */
static void flow_note_final(struct ctx *c, struct ims_flow *f)
{
	char key[AOR_KEY_MAX];
	size_t k = aor_key(key, sizeof key, &c->to.uri);
	struct ims_flow_call *ar = k ? flow_find(f, slice_make(key, k)) : NULL;
	if (!ar || (ar->have_final && pk_us(c->pk) < ar->final_us))
		return;
	struct ims_flow_call next = *ar;
	const unsigned st = c->msg->status;
	if (st / 100 == 2) { /* the UE's tries answered */
		next.ue_try_n = 0;
		next.ue_refused_status = 0;
	} else if (st >= 300 && st != 401 && st != 407 && ar->ue_try_n && !ar->ue_refused_status) {
		next.ue_refused_status = (uint16_t)st;
		next.ue_refused_cseq = c->cseq.seq;
		next.ue_refused_frame = c->pk->frame;
	}
	next.have_final = true;
	next.final_status = c->msg->status;
	next.final_cseq = c->cseq.seq;
	next.final_us = pk_us(c->pk);
	next.final_frame = c->pk->frame;
	if (flow_store(f, ar, &next))
		flow_trim(f);
}

/* From a capture: the UE's REGISTER of a binding (on its leg, not a
 * deregistration of it) marks the binding's record renewed (made when
 * there is none); a 2xx to a REGISTER (on any leg: a P-CSCF's two copies
 * go within milliseconds) then times each binding it grants that is so
 * marked: when, for how long (for ts24229.packet.reregistration). The
 * mark keeps a 2xx from timing a binding its REGISTER did not hold (the
 * AOR's other contacts, which it lists with the time they have left, not
 * with what they were granted), and makes the first REGISTER of a
 * refresh the one judged (not the one after its 401, nor a
 * retransmission). */
static void flow_note_grant_times(struct ctx *c, struct ims_flow *f, bool again)
{
	if (!pk_timed(c) || !c->to_ok || !c->cseq_ok || c->third_party)
		return;
	const bool grant = c->is_reg_response && c->msg->status / 100 == 2;
	if (c->is_reg_response && c->msg->status >= 200)
		flow_note_final(c, f);
	/* a retransmission of a REGISTER (one sent again after its 2xx, whose
	 * copy was lost or late) is no new act of the UE */
	if (again || (!grant && !(c->is_register && c->ue_leg)))
		return;
	if (!grant) { /* the AOR's: the UE has acted on it since its grants */
		char key[AOR_KEY_MAX];
		struct ims_flow_call *ar = flow_aor(f, &c->to.uri, key, sizeof key);
		if (ar && (!ar->have_ue_reg || pk_us(c->pk) > ar->ue_reg_us)) {
			struct ims_flow_call next = *ar; /* a new record's key is key's */
			next.have_ue_reg = true;
			next.ue_reg_us = pk_us(c->pk);
			next.ue_reg_cseq = c->cseq.seq;
			next.ue_reg_frame = c->pk->frame;
			next.ue_reg_removal = c->deregister;
			next.grant_aor = c->to.uri_text;
			if (!next.ue_try_n++) {
				next.ue_try_us = pk_us(c->pk);
				next.ue_try_cseq = c->cseq.seq;
				next.ue_try_frame = c->pk->frame;
			}
			if (flow_store(f, ar, &next))
				flow_trim(f);
		}
	}
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = contact_next(c, &cur))) {
		char key[BINDING_KEY_MAX];
		uint32_t secs = 0;
		struct ims_flow_call *fc;
		size_t k;
		if (ct->a.star || contact_removed(c, ct) || (grant && !contact_expiry(c, ct, &secs)) ||
		    !(k = binding_key(key, sizeof key, &c->to.uri, &ct->a.uri)))
			continue;
		if (!(fc = grant ? flow_find(f, slice_make(key, k)) : flow_keyed(f, k, key)) ||
		    (grant && !fc->grant_renewed) ||
		    (!grant && fc->grant_renewed && pk_us(c->pk) < fc->renew_last_us))
			continue;
		struct ims_flow_call next = *fc;
		if (grant) {
			next.have_grant = true;
			next.grant_renewed = false;
			next.grant_shortened = false;
			next.grant_expires = secs;
			next.grant_cseq = c->cseq.seq;
			next.grant_us = pk_us(c->pk);
			next.grant_frame = c->pk->frame;
			next.grant_aor = c->to.uri_text;
			next.grant_contact = ct->a.uri_text;
		} else {
			if (!fc->grant_renewed) { /* the first REGISTER of a refresh */
				next.grant_renewed = true;
				next.renew_us = pk_us(c->pk);
				next.renew_cseq = c->cseq.seq;
				next.renew_frame = c->pk->frame;
			}
			next.renew_last_us = pk_us(c->pk);
			next.renew_last_cseq = c->cseq.seq;
			next.renew_last_frame = c->pk->frame;
		}
		if (flow_store(f, fc, &next))
			flow_trim(f);
	}
}

/* Whether the message is of the REGISTER the flow's record fc last noted
 * from a capture: its CSeq and top Via branch, on the UE's leg (a
 * retransmission of it, or a response to it). */
static bool of_noted_register(const struct ctx *c, const struct ims_flow_call *fc)
{
	return c->pk && fc && fc->have_register && fc->reg_pk && c->ue_leg && c->cseq_ok &&
	       c->cseq.seq == fc->reg_cseq && fc->reg_branch.len && slice_present(c->branch) &&
	       flow_eq(fc->reg_branch, c->branch);
}

/* Whether the message is of the REGISTER fc last noted and came within
 * PKT_COPY_US of its last sending: the same packet seen twice, not sent
 * again. The capture reader leaves such UDP copies out, the paste reader
 * those of pasted text with packet lines; a rules caller may give them
 * still. */
static bool copy_of_noted_register(const struct ctx *c, const struct ims_flow_call *fc)
{
	if (!of_noted_register(c, fc) || !pk_fine(c) || !fc->reg_timed || fc->reg_coarse)
		return false;
	const int64_t dt = pk_us(c->pk) - fc->reg_last_us;
	return dt <= PKT_COPY_US && dt >= -PKT_COPY_US;
}

static void flow_note_call(struct ctx *c, struct ims_flow *f)
{
	const struct sip_msg *m = c->msg;
	if (c->call_id && m->is_request && m->method_id == SIP_METHOD_NOTIFY) {
		flow_note_reginfo(c, f);
		return;
	}
	if (!c->call_id || !c->cseq_ok || !c->ue_leg || (!c->is_register && !c->is_reg_response))
		return;
	/* ctx_prepare found it, and the rules leave the flow as it was */
	struct ims_flow_call *fc = (struct ims_flow_call *)c->fc;
	if (fc) {
		flow_lru_unlink(f, fc);
		flow_lru_front(f, fc);
	} else {
		if (!c->is_register && m->status != 401)
			return;
		if (!(fc = flow_add(f, c->call_id->value)))
			return;
	}
	struct ims_flow_call next = *fc;
	char sec[FLOW_SEC_MAX];
	if (c->is_register) {
		next.have_register = true;
		next.reg_cseq = c->cseq.seq;
		next.reg_deregister = c->deregister;
		next.reg_mac_failure = aka_mac_failure(c);
		next.reg_auts = c->auth_ok && slice_present(c->auth.field[SIP_AUTH_AUTS]);
		/* the same CSeq and branch again: a retransmission (UDP's
		 * Timer E, RFC 3261 §17.1.2.2), which keeps the first's time */
		bool again = of_noted_register(c, fc);
		bool copy = copy_of_noted_register(c, fc);
		next.reg_branch = c->branch;
		struct sip_via v;
		next.reg_pk = c->pk && top_via(m, &v);
		if (pk_timed(c) && !copy) {
			const bool timed_again = again && fc->reg_timed;
			next.reg_tx = timed_again ? fc->reg_tx + 1 : 1;
			next.reg_us = timed_again ? fc->reg_us : pk_us(c->pk);
			next.reg_last_us = pk_us(c->pk);
			next.reg_timed = true;
			next.reg_coarse = c->pk->coarse || (timed_again && fc->reg_coarse);
		} else if (!pk_timed(c)) {
			next.reg_timed = false;
		}
		next.reg_ends.ver = 0;
		if (next.reg_pk && c->pk->ends.ports) {
			/* where it came from, for where its responses go */
			next.reg_udp = c->pk->udp;
			next.reg_rport = v.has_rport;
			next.reg_via_port = v.has_port ? v.port : 5060;
			next.reg_sa = sip_hdr_first(m, SIP_HDR_SECURITY_VERIFY) != NULL;
			next.reg_ends = c->pk->ends;
		}
		/* every REGISTER's: a re-registration that is challenged
		 * (re-authentication) offers new SPIs and ports, which the
		 * REGISTER answering that 401 repeats */
		next.reg_sec_client = flow_sec(m, SIP_HDR_SECURITY_CLIENT, sec, sizeof sec,
					       &next.reg_has_sec_client, &next.reg_sec_client_cut);
	} else if (m->status >= 200 && m->status != 401) {
		/* a final answer to a later REGISTER closes the challenge */
		if (fc->have_401 && c->cseq.seq > fc->ch_cseq)
			fc->have_401 = false;
		return;
	} else if (m->status != 401) {
		return;
	} else {
		next.have_401 = true;
		next.ch_cseq = c->cseq.seq;
		next.ch_aka = false;
		next.ch_nnonce = 0;
		for (unsigned i = 0; i < IMS_FLOW_NONCES; i++)
			next.ch_nonce[i] = next.ch_realm[i] = next.ch_opaque[i] = SLICE_NULL;
		for (const struct sip_hdr *h = sip_hdr_first(m, SIP_HDR_WWW_AUTHENTICATE);
		     h && next.ch_nnonce < IMS_FLOW_NONCES; h = sip_hdr_next(m, h)) {
			struct sip_auth a;
			struct slice rest;
			struct sip_parse_error err;
			if (sip_auth_decode(&a, h->value, &rest, &err) < 0 ||
			    !slice_present(a.field[SIP_AUTH_NONCE]))
				continue;
			unsigned i = next.ch_nnonce++;
			struct slice alg = a.field[SIP_AUTH_ALGORITHM];
			if (slice_present(alg) && alg.len >= 3 && strncasecmp(alg.ptr, "AKA", 3) == 0)
				next.ch_aka = true;
			next.ch_nonce[i] = a.field[SIP_AUTH_NONCE];
			next.ch_realm[i] = a.field[SIP_AUTH_REALM];
			next.ch_opaque[i] = a.field[SIP_AUTH_OPAQUE];
		}
		next.ch_sec_server = flow_sec(m, SIP_HDR_SECURITY_SERVER, sec, sizeof sec,
					      &next.ch_has_sec_server, &next.ch_sec_server_cut);
	}
	if (flow_store(f, fc, &next))
		flow_trim(f);
}

static void flow_note_sa(struct ctx *c, struct ims_flow *f);

static void flow_note(struct ctx *c, struct ims_flow *f)
{
	/* before flow_note_call notes it: a REGISTER sent again */
	const bool again = c->is_register && of_noted_register(c, c->fc);
	flow_note_sa(c, f);
	flow_note_call(c, f);
	flow_note_granted(c, f); /* c->fc may be stale after flow_note_call */
	flow_note_reregistered(c, f);
	flow_note_grant_times(c, f, again);
}



/* A full reginfo (a reg-event NOTIFY, in the subscription's dialog) against
 * the bindings the last 2xx to a REGISTER of each of its AORs listed, when
 * that 2xx came earlier in the input: the registrar and the notifier (the
 * same S-CSCF) must agree. A partial document lists only changes. */
static void check_flow_bindings(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (!c->flow || m->method_id != SIP_METHOD_NOTIFY)
		return;
	int rc;
	const struct ims_reginfo *ri = reginfo_of(c, &rc);
	if (!ri || rc < 0 || strcmp(ri->state, "full") != 0 || ri->dropped || ri->truncated)
		return;
	const struct sip_hdr *cth = sip_hdr_first(m, SIP_HDR_CONTENT_TYPE);
	struct sip_parse_error err;
	for (unsigned i = 0; i < ri->nregs; i++) {
		const struct ims_reginfo_registration *r = &ri->regs[i];
		struct sip_uri au;
		char key[AOR_KEY_MAX];
		size_t k;
		if (sip_uri_decode(&au, slice_cstr(r->aor), &err) < 0 ||
		    !(k = aor_key(key, sizeof key, &au)))
			continue;
		const struct ims_flow_call *fc = flow_find(c->flow, slice_make(key, k));
		if (!fc || !fc->have_granted || fc->granted_cut)
			continue;
		/* each granted binding is listed (a terminated one is being
		 * removed: rfc3680.reginfo.removed says so) */
		size_t pos = 0;
		struct slice g;
		while ((g = uri_list_next(fc->granted, &pos)).ptr) {
			struct sip_uri gu;
			if (sip_uri_decode(&gu, g, &err) < 0)
				continue;
			bool listed = false;
			for (unsigned j = r->first_contact; j < r->first_contact + r->ncontacts && !listed; j++) {
				struct sip_uri cu;
				listed = sip_uri_decode(&cu, slice_cstr(ri->contacts[j].uri), &err) == 0 &&
					 binding_uri_equal(&cu, &gu);
			}
			if (!listed)
				report(c, cth, ims_body_line(m, r->line), "this full reginfo does not list "
				       "%.*s for %s, though the 2xx to its REGISTER (CSeq %u, earlier in "
				       "this input) granted that binding: the S-CSCF that notifies does "
				       "not hold the registration the registrar answered for (another "
				       "S-CSCF, a restart, a lost update), or a REGISTER that removed it "
				       "is not in this input.", SLICE_ARG(g), r->aor, fc->granted_cseq);
		}
		/* no active binding the 2xx did not list */
		for (unsigned j = r->first_contact; j < r->first_contact + r->ncontacts; j++) {
			const struct ims_reginfo_contact *rc2 = &ri->contacts[j];
			struct sip_uri cu;
			if (strcmp(rc2->state, "active") != 0 ||
			    sip_uri_decode(&cu, slice_cstr(rc2->uri), &err) < 0 || uri_in_list(fc->granted, &cu, true))
				continue;
			report(c, cth, ims_body_line(m, rc2->line), "this full reginfo lists %s active "
			       "for %s, but the last 2xx to a REGISTER of it (CSeq %u, earlier in this "
			       "input) did not, and a 2xx lists every current binding (RFC 3261 §10.3): "
			       "a REGISTER after that 2xx added it and is not in this input, or the "
			       "notifier still holds a binding the registrar removed (a deregistration "
			       "it missed).", rc2->uri, r->aor, fc->granted_cseq);
		}
	}
}

/* The i-th (0-based) URI of a '\n'-ended list, or SLICE_NULL. */
static struct slice list_nth(struct slice list, unsigned i)
{
	size_t pos = 0;
	struct slice u;
	while ((u = uri_list_next(list, &pos)).ptr && i--)
		;
	return u;
}

/* Two URIs as written equal as RFC 3261 §19.1.4 compares them. */
static bool uri_text_equal(struct slice a, struct slice b)
{
	struct sip_uri ua, ub;
	struct sip_parse_error err;
	return sip_uri_decode(&ua, a, &err) == 0 && sip_uri_decode(&ub, b, &err) == 0 &&
	       sip_uri_equal(&ua, &ub);
}

/* Two '\n'-ended URI lists hold equal URIs in the same order. */
static bool uri_lists_equal(struct slice a, struct slice b)
{
	size_t pa = 0, pb = 0;
	struct slice x, y;
	for (;;) {
		x = uri_list_next(a, &pa);
		y = uri_list_next(b, &pb);
		if (!x.ptr || !y.ptr)
			return !x.ptr && !y.ptr;
		if (!uri_text_equal(x, y))
			return false;
	}
}

/* The URIs of list that minus lacks (minus SLICE_NULL: every one), as
 * "<x>, <y>" for a message, in buf (cap bytes, "..." when cut); NULL when
 * there are none. */
static const char *uri_list_words(struct slice list, struct slice minus, char *buf, size_t cap)
{
	size_t pos = 0, n = 0;
	struct slice u;
	buf[0] = '\0';
	while ((u = uri_list_next(list, &pos)).ptr) {
		struct sip_uri x;
		struct sip_parse_error err;
		if (minus.ptr && (sip_uri_decode(&x, u, &err) < 0 || uri_in_list(minus, &x, false)))
			continue;
		int w = snprintf(buf + n, cap - n, "%s<%.*s>", n ? ", " : "", SLICE_ARG(u));
		if (w < 0 || (size_t)w >= cap - n) {
			if (cap >= 4)
				memcpy(buf + cap - 4, "...", 4);
			return buf;
		}
		n += (size_t)w;
	}
	return n ? buf : NULL;
}

/* For a 2xx to a REGISTER (not a deregistration) with header id
 * (Service-Route or P-Associated-URI): the record of its AOR when an
 * earlier 2xx of that AOR in the input gave that header's URIs otherwise,
 * with the earlier URIs in *was and this 2xx's in *now (its text in *l);
 * NULL when there is nothing to compare or they are the same. */
static const struct ims_flow_call *aor_list_changed(struct ctx *c, enum sip_hdr_id id, struct uri_list *l,
						    struct slice *was, struct slice *now)
{
	const struct sip_msg *m = c->msg;
	if (!c->flow || m->status / 100 != 2 || !c->to_ok || !c->cseq_ok || c->deregister ||
	    !sip_hdr_first(m, id))
		return NULL;
	char key[AOR_KEY_MAX];
	size_t k = aor_key(key, sizeof key, &c->to.uri);
	const struct ims_flow_call *fc = k ? flow_find(c->flow, slice_make(key, k)) : NULL;
	if (!fc || !fc->have_granted)
		return NULL;
	bool sr = id == SIP_HDR_SERVICE_ROUTE;
	if (sr ? !fc->have_sr || fc->sr_cut : !fc->have_pau || fc->pau_cut)
		return NULL;
	uri_list_of(l, m, id);
	if (l->cut)
		return NULL;
	*was = sr ? fc->sr : fc->pau;
	*now = slice_make(l->text, l->len);
	return uri_lists_equal(*was, *now) ? NULL : fc;
}

/* A 2xx to a REGISTER of an AOR whose earlier 2xx in the input gave
 * another Service-Route: the registration is served by another S-CSCF now
 * (or the S-CSCF changed its URI), and the UE routes by the new one (RFC
 * 3608 §6.1: the latest 2xx's Service-Route replaces the one before). */
static void check_flow_service_route_changed(struct ctx *c)
{
	struct uri_list l;
	struct slice before, now;
	const struct ims_flow_call *fc = aor_list_changed(c, SIP_HDR_SERVICE_ROUTE, &l, &before, &now);
	if (!fc)
		return;
	char was[240], is[240];
	const char *w = uri_list_words(before, SLICE_NULL, was, sizeof was);
	const char *i = uri_list_words(now, SLICE_NULL, is, sizeof is);
	report(c, sip_hdr_first(c->msg, SIP_HDR_SERVICE_ROUTE), NULL, "the Service-Route changed since "
	       "the 2xx to the REGISTER of CSeq %u: it was %s, it is %s. Another S-CSCF serves "
	       "the registration now (a re-assignment after a failure, or a new initial "
	       "registration), or the S-CSCF changed its URI; the UE routes its requests by the "
	       "new one from here (RFC 3608 §6.1). If this was not expected, look at the I-CSCF's "
	       "S-CSCF selection and the HSS's assignment.", fc->granted_cseq, w ? w : "none",
	       i ? i : "none");
}

/* A 2xx to a REGISTER of an AOR whose P-Associated-URI differs from the
 * one the earlier 2xx of that AOR gave: the implicit registration set
 * changed (identities added or removed in the HSS), or its default
 * identity, the first listed, which the P-CSCF asserts when the UE
 * prefers none (TS 24.229 §5.4.1.2.2, RFC 7315 §4.1). */
static void check_flow_associated_uri_changed(struct ctx *c)
{
	struct uri_list l;
	struct slice before, now;
	const struct ims_flow_call *fc = aor_list_changed(c, SIP_HDR_P_ASSOCIATED_URI, &l, &before, &now);
	if (!fc)
		return;
	const struct sip_hdr *h = sip_hdr_first(c->msg, SIP_HDR_P_ASSOCIATED_URI);
	char added[240], removed[240];
	const char *a = uri_list_words(now, before, added, sizeof added);
	const char *r = uri_list_words(before, now, removed, sizeof removed);
	struct slice d0 = list_nth(before, 0), d1 = list_nth(now, 0);
	if (a || r)
		report(c, h, NULL, "P-Associated-URI changed since the 2xx to the REGISTER of CSeq %u: "
		       "%s%s%s%s%s. The implicit registration set of this identity changed in the HSS "
		       "(or another S-CSCF answers with another profile); the UE may use only the "
		       "identities listed now.", fc->granted_cseq, a ? "added " : "", a ? a : "",
		       a && r ? "; " : "", r ? "removed " : "", r ? r : "");
	else if (d0.ptr && d1.ptr && !uri_text_equal(d0, d1))
		report(c, h, NULL, "the default identity (the first P-Associated-URI) changed since the "
		       "2xx to the REGISTER of CSeq %u: it was %.*s, it is %.*s. The P-CSCF asserts the "
		       "new one for requests that prefer none.", fc->granted_cseq, SLICE_ARG(d0),
		       SLICE_ARG(d1));
}

/* A request the UE sends outside a dialog, which the flow's records of its
 * registration (by identity, by contact) apply to: on the UE's leg (one
 * Via), no To tag, not a REGISTER, not an ACK. */
static bool ue_request_outside_dialog(const struct ctx *c)
{
	return c->flow && !c->is_register && c->ue_leg && c->to_ok && !c->to.tag.ptr &&
	       c->msg->method_id != SIP_METHOD_ACK;
}

/* A request the UE sends outside a dialog after its registration (a
 * SUBSCRIBE to reg, an INVITE, a MESSAGE: on the UE's leg, no To tag, not
 * a REGISTER) is routed by the P-CSCF's URI, then the Service-Route the
 * 2xx to its REGISTER returned, in order (RFC 3608 §6.1; TS 24.228 §6.5
 * shows it). The identity is From's, or P-Preferred-Identity's. */
static void check_flow_service_route(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (!ue_request_outside_dialog(c))
		return;
	const struct ims_flow_call *fc = NULL;
	char key[AOR_KEY_MAX];
	size_t k;
	if (c->from_ok && (k = aor_key(key, sizeof key, &c->from.uri)))
		fc = flow_find(c->flow, slice_make(key, k));
	if (!fc || !fc->have_sr) {
		const struct sip_hdr *pp = sip_hdr_first(m, SIP_HDR_P_PREFERRED_IDENTITY);
		struct sip_addr a;
		struct sip_parse_error err;
		fc = NULL;
		if (pp && sip_addr_decode(&a, pp->value, 0, &err) == 0 &&
		    (k = aor_key(key, sizeof key, &a.uri)))
			fc = flow_find(c->flow, slice_make(key, k));
	}
	if (!fc || !fc->have_sr || fc->sr_cut || !fc->sr_n)
		return;
	struct uri_list route;
	uri_list_of(&route, m, SIP_HDR_ROUTE);
	if (route.cut)
		return;
	const struct sip_hdr *rh = sip_hdr_first(m, SIP_HDR_ROUTE);
	struct slice last = list_nth(fc->sr, fc->sr_n - 1);
	if (!rh) {
		report(c, NULL, NULL, "no Route: after its registration the UE routes a request by "
		       "the P-CSCF's URI, then the Service-Route of the 200 (%u entr%s, the last %.*s), "
		       "so that the S-CSCF that registered it gets it; else an S-CSCF that did not "
		       "may refuse it.", fc->sr_n, fc->sr_n == 1 ? "y" : "ies", SLICE_ARG(last));
		return;
	}
	struct slice rtext = slice_make(route.text, route.len);
	/* route[1 ..] == sr[0 ..] */
	bool after_first = route.n == fc->sr_n + 1, whole = route.n == fc->sr_n;
	for (unsigned i = 0; i < fc->sr_n && (after_first || whole); i++) {
		struct slice s = list_nth(fc->sr, i);
		if (after_first && !uri_text_equal(list_nth(rtext, i + 1), s))
			after_first = false;
		if (whole && !uri_text_equal(list_nth(rtext, i), s))
			whole = false;
	}
	if (after_first)
		return;
	if (whole)
		report(c, rh, rh->value.ptr, "the Route is the Service-Route alone: the P-CSCF's URI "
		       "(with the protected port of the security association) comes first, then the "
		       "Service-Route entries. Check how the UE builds its route set.");
	else
		report(c, rh, rh->value.ptr, "the Route (%u entr%s) is not the P-CSCF's URI, then the "
		       "Service-Route of the 200 to the REGISTER (%u entr%s, the last %.*s): the UE "
		       "ignores or mangles the Service-Route, and the request may reach an S-CSCF "
		       "that did not register it.", route.n, route.n == 1 ? "y" : "ies",
		       fc->sr_n, fc->sr_n == 1 ? "y" : "ies", SLICE_ARG(last));
}

/* A P-Preferred-Identity of the UE's request outside a dialog is one of the
 * identities the 200 that granted its contact listed in P-Associated-URI:
 * else the P-CSCF asserts another (the default, the first listed) or
 * refuses the request (TS 24.229 §5.1.2A.1.1: the UE's PPI is a hint for
 * the asserted identity). */
static void check_flow_preferred_identity(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (!ue_request_outside_dialog(c) || m->method_id == SIP_METHOD_CANCEL ||
	    !sip_hdr_first(m, SIP_HDR_P_PREFERRED_IDENTITY) || !c->ncontacts)
		return;
	char key[AOR_KEY_MAX];
	size_t k = uri_key(key, sizeof key, CONTACT_KEY_PREFIX, &c->contacts[0].a.uri);
	const struct ims_flow_call *fc = k ? flow_find(c->flow, slice_make(key, k)) : NULL;
	if (!fc || !fc->have_pau || fc->pau_cut || !fc->pau_n)
		return;
	struct elem_it it;
	struct slice item;
	const struct sip_hdr *h;
	elem_it_init(&it, m, SIP_HDR_P_PREFERRED_IDENTITY);
	while (elem_next(&it, &item, &h)) {
		struct sip_addr a;
		struct sip_parse_error err;
		if (sip_addr_decode(&a, item, 0, &err) < 0)
			continue;
		if (uri_in_list(fc->pau, &a.uri, false))
			continue;
		struct slice first = list_nth(fc->pau, 0);
		report(c, h, a.uri_text.ptr, "P-Preferred-Identity %.*s is not one of the %u "
		       "identities the 200 registered for this contact (P-Associated-URI): the "
		       "P-CSCF asserts another, the default %.*s, or refuses the request. A "
		       "temporary IMPU or an identity of another subscription here is a UE bug.",
		       SLICE_ARG(a.uri_text), fc->pau_n, SLICE_ARG(first));
	}
}

/* What the UE does after its contact's registration ended (RFC 3680 §5.1,
 * TS 24.229 §5.1.1.7), by the NOTIFY's event. */
static const char *removed_advice(const struct ims_flow_call *fc, char *buf, size_t cap)
{
	if (strcmp(fc->removed_event, "deactivated") == 0)
		return "After deactivated the UE registers again at once, with a new initial "
		       "registration, before it uses the contact (TS 24.229 §5.1.1.7).";
	if (strcmp(fc->removed_event, "probation") == 0) {
		if (fc->removed_has_retry)
			snprintf(buf, cap, "After probation the UE registers again, after retry-after "
				 "(%u s), before it uses the contact.", (unsigned)fc->removed_retry_after);
		else
			snprintf(buf, cap, "After probation the UE registers again, later, before it "
				 "uses the contact.");
		return buf;
	}
	if (strcmp(fc->removed_event, "expired") == 0)
		return "After expired (its refresh did not reach the S-CSCF in time) the UE registers "
		       "again before it uses the contact: look for the refresh REGISTER and where it was "
		       "lost.";
	return "After rejected the UE does not register this contact again.";
}

/* A contact a reg-event NOTIFY earlier in the input terminated (by the
 * network, or expired): the UE's requests outside a dialog from it (its
 * first Contact) before it registers again find no binding; a REGISTER of
 * it after rejected asks again what the network refused. */
static void check_flow_removed_contact(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	const struct ims_flow_call *fc;
	char advice[160];
	if (!c->flow)
		return;
	if (!c->is_register) {
		/* a request's first Contact */
		if (!ue_request_outside_dialog(c) || m->method_id == SIP_METHOD_CANCEL || !c->ncontacts ||
		    !(fc = removed_record(c->flow, &c->contacts[0])))
			return;
		const struct contact *ct = &c->contacts[0];
		report(c, ct->h, ct->a.uri_text.ptr, "this %.*s comes from contact %.*s, whose "
		       "registration ended (event %s in the reg-event NOTIFY CSeq %u earlier in this "
		       "input), with no REGISTER of it since: the UE acts as registered, but the "
		       "P-CSCF and S-CSCF hold no binding for it and refuse the request or cannot "
		       "route its answers. %s", SLICE_ARG(m->method), SLICE_ARG(ct->a.uri_text),
		       fc->removed_event, (unsigned)fc->removed_cseq, removed_advice(fc, advice, sizeof advice));
		return;
	}
	if (!c->ue_leg || c->deregister)
		return;
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = contact_next(c, &cur)))
		if (!contact_removed(c, ct) && (fc = removed_record(c->flow, ct)) &&
		    strcmp(fc->removed_event, "rejected") == 0)
			report(c, ct->h, ct->a.uri_text.ptr, "contact %.*s was removed by the network "
			       "with event rejected (the reg-event NOTIFY CSeq %u earlier in this input), "
			       "and RFC 3680 §5.1 asks the UE not to register it again: expect the same "
			       "refusal (403). Look at why the network ended the registration (barring, a "
			       "subscription withdrawn in the HSS).", SLICE_ARG(ct->a.uri_text),
			       (unsigned)fc->removed_cseq);
}

/* ---- the book ------------------------------------------------------------ */

enum scope {
	ANY,        /* every message */
	REQUEST,    /* every request */
	REGISTER,   /* REGISTER requests */
	BINDING,    /* REGISTER requests with a Contact that are not deregistrations
		     * (the rules of this scope need not test c->deregister) */
	RESPONSE,   /* responses to REGISTER */
	/* a flag beside one of those: the rule also runs on header fields
	 * pasted alone (sip_msg_is_fields), where no other rule runs: it
	 * judges the fields it finds (their syntax, the values in them, two
	 * of them against each other), and needs neither the start line nor
	 * the message's other fields (no rule of a field's absence) */
	FIELDS = 0x10,
	/* a flag beside REGISTER, BINDING or RESPONSE: a rule of the UE's own
	 * REGISTER (or of its forward by the P-CSCF and I-CSCF) or of the
	 * registrar's response to it, not run on a third-party REGISTER, the
	 * S-CSCF's own request, nor on the AS's response to it
	 * (is_third_party) */
	UE = 0x20,
};

/* ---- where the message went (a capture's packets) ---------------------- */

static size_t addr_canonical(const char *addr, char out[64]);

/* A UE's IPsec SAs with its P-CSCF, kept in the flow (struct
 * ims_flow_call's sa members) under the key SA_KEY_PREFIX and the UE's
 * address in canonical form (no Call-ID has the byte 1). */
#define SA_KEY_PREFIX "\001sa "
#define SA_KEY_MAX (sizeof SA_KEY_PREFIX - 1 + 64)

/* The key of the UE at the canonical address ue: its length, 0 when ue
 * is no address. */
static size_t sa_key(const char *ue, char key[SA_KEY_MAX])
{
	size_t n = strlen(ue), p = sizeof SA_KEY_PREFIX - 1;
	if (!n || n >= 64)
		return 0;
	memcpy(key, SA_KEY_PREFIX, p);
	memcpy(key + p, ue, n);
	return p + n;
}

/* The SA record of the UE at ue whose P-CSCF is at pcscf (canonical
 * addresses); NULL when none (or f is NULL). */
static const struct ims_flow_call *sa_record(const struct ims_flow *f, const char *ue, const char *pcscf)
{
	char key[SA_KEY_MAX];
	size_t k;
	if (!f || !(k = sa_key(ue, key)) || !*pcscf)
		return NULL;
	const struct ims_flow_call *fc = flow_find(f, slice_make(key, k));
	return fc && fc->have_sa && strcmp(fc->sa_pcscf, pcscf) == 0 ? fc : NULL;
}

/* Whether the UE's port ue and the P-CSCF's port p are one of the two
 * pairs of SAs of a set the record fc keeps (TS 33.203 §7.1: the UE's
 * port-c with the P-CSCF's port-s, the UE's port-s with its port-c;
 * each pair an SA either way). */
static bool sa_uses(const struct ims_flow_call *fc, unsigned ue, unsigned p)
{
	for (size_t i = 0; i < 2; i++) {
		const struct ims_flow_sa *s = &fc->sa[i];
		if (s->uc && ((ue == s->uc && p == s->ps) || (ue == s->us && p == s->pc)))
			return true;
	}
	return false;
}

/* Whether either port is one a set of fc protects (the UE's port ue, the
 * P-CSCF's p). */
static bool sa_touches(const struct ims_flow_call *fc, unsigned ue, unsigned p)
{
	for (size_t i = 0; i < 2; i++) {
		const struct ims_flow_sa *s = &fc->sa[i];
		if (s->uc && (ue == s->uc || ue == s->us || p == s->pc || p == s->ps))
			return true;
	}
	return false;
}

/* A REGISTER that went over the SAs it names (Security-Verify, from the
 * UE's port-c of Security-Client to the P-CSCF's port-s): its UE's record
 * keeps the set, and the set it replaces when it is a new one. A
 * REGISTER sent over the SAs of the registration before (a
 * re-registration offering new SAs) names no set it uses. */
static void flow_note_sa(struct ctx *c, struct ims_flow *f)
{
	const struct sip_sec_mech *cm = &c->sc_ipsec;
	struct sip_sec_mech vm;
	const struct sip_hdr *vh;
	if (!c->pk || !c->pk->ends.ports || !c->is_register || !c->sc_ipsec_ok || !cm->has_port_c ||
	    !cm->has_port_s || !first_ipsec(c->msg, SIP_HDR_SECURITY_VERIFY, &vm, &vh) ||
	    !vm.has_port_c || !vm.has_port_s || !cm->port_c)
		return;
	const struct pkt_ends *e = &c->pk->ends;
	char key[SA_KEY_MAX];
	size_t k;
	if (e->sport != cm->port_c || e->dport != vm.port_s || !(k = sa_key(c->pk_src, key)) || !*c->pk_dst)
		return;
	struct ims_flow_call *fc = flow_keyed(f, k, key);
	if (!fc)
		return;
	struct ims_flow_sa s = { cm->port_c, cm->port_s, vm.port_c, vm.port_s,
				 c->cseq_ok ? c->cseq.seq : 0 };
	struct ims_flow_call next = *fc;
	if (!fc->have_sa || strcmp(fc->sa_pcscf, c->pk_dst) != 0)
		memset(next.sa, 0, sizeof next.sa);
	else if (s.uc != next.sa[0].uc || s.us != next.sa[0].us || s.pc != next.sa[0].pc ||
		 s.ps != next.sa[0].ps)
		next.sa[1] = next.sa[0];
	next.sa[0] = s;
	next.have_sa = true;
	snprintf(next.sa_pcscf, sizeof next.sa_pcscf, "%s", c->pk_dst);
	if (flow_store(f, fc, &next))
		flow_trim(f);
}

/* A request that verifies sec-agree (Security-Verify) from the UE to the
 * P-CSCF (which removes Security-Verify before it forwards) travels over
 * the SA pair from the UE's protected client port to the P-CSCF's
 * protected server port (TS 33.203 §7.1): port-c of the UE's
 * Security-Client, port-s of Security-Verify (the 401's Security-Server). */
static void check_packet_sa_ports(struct ctx *c)
{
	struct sip_sec_mech vm;
	const struct sip_hdr *vh;
	if (!c->pk || !c->pk->ends.ports || !first_ipsec(c->msg, SIP_HDR_SECURITY_VERIFY, &vm, &vh) ||
	    !vm.has_port_s)
		return;
	const struct pkt_ends *e = &c->pk->ends;
	bool uc = c->sc_ipsec_ok && c->sc_ipsec.has_port_c;
	if (e->dport == vm.port_s && (!uc || e->sport == c->sc_ipsec.port_c))
		return;
	const struct ims_flow_call *fc = sa_record(c->flow, c->pk_src, c->pk_dst);
	if (e->dport == vm.port_s) {
		/* from another port-c than its Security-Client's: a
		 * re-registration sent over the SAs in use offers the new
		 * SAs' client port (TS 33.203 §7.4) */
		if (fc && sa_uses(fc, e->sport, e->dport))
			return;
		/* SAs set up before the capture began: its port-c unknown,
		 * but never the UE's protected server port */
		if (!fc && !(c->sc_ipsec.has_port_s && e->sport == c->sc_ipsec.port_s))
			return;
	}
	char from[96] = "";
	if (uc && fc)
		snprintf(from, sizeof from, "from the UE's protected client port (port-c=%u, or %u of "
			 "the SAs in use) ", c->sc_ipsec.port_c, fc->sa[0].uc);
	else if (uc)
		snprintf(from, sizeof from, "from the UE's protected client port port-c=%u ",
			 c->sc_ipsec.port_c);
	report(c, vh, vh->value.ptr, "this request verifies sec-agree (Security-Verify) but went "
	       "from port %u to port %u, not %sto the P-CSCF's protected server port port-s=%u "
	       "(Security-Verify, from the 401's Security-Server): it did not travel over the "
	       "IPsec SAs the 401 set up, so the P-CSCF discards it or handles it as "
	       "unprotected.%s Check that the UE set up the SAs after the 401 and sends over "
	       "them.", e->sport, e->dport, from, vm.port_s,
	       e->dport == 5060 ? " It went to 5060, the P-CSCF's unprotected port: the UE fell "
	       "back to it." : "");
}

/* A packet address (ims_packet's text: "10.0.0.1", "2001:db8::1") in
 * sip_uri_equal's canonical form of a host (RFC 5954 §4: an address
 * however written), into out: its length, 0 when it is no address. */
static size_t addr_canonical(const char *addr, char out[64])
{
	char ref[64];
	bool v6 = strchr(addr, ':') != NULL;
	int n = snprintf(ref, sizeof ref, v6 ? "[%s]" : "%s", addr);
	if (n < 0 || (size_t)n >= sizeof ref)
		return 0;
	return sip_host_canonical(slice_make(ref, (size_t)n), v6 ? SIP_HOST_IPV6 : SIP_HOST_IPV4, out, 64);
}

/* Whether the Via host h (of type t) is the packet address addr
 * (canonical): -1 when either is no address (a name, WebSocket's .invalid
 * one too): nothing to compare. */
static int via_host_is(struct slice h, enum sip_host_type t, const char *addr)
{
	char canon[64];
	if ((t != SIP_HOST_IPV4 && t != SIP_HOST_IPV6) || !sip_host_canonical(h, t, canon, sizeof canon) ||
	    !*addr)
		return -1;
	return strcmp(canon, addr) == 0;
}

/* The top Via's sent-by against the packet's source (RFC 3261 §18.2.1: a
 * server adds received= when they differ): an address translated on the
 * way (a NAT), or a UE that writes an address it does not send from. Over
 * UDP the port too (where responses go without rport, RFC 3581), except
 * for a request over the SAs, whose Via names the protected server port
 * by design while it leaves from the protected client port. */
static void check_packet_via_source(struct ctx *c)
{
	const struct sip_hdr *vh = sip_hdr_first(c->msg, SIP_HDR_VIA);
	struct sip_via v;
	if (!c->pk || !c->pk->ends.ver || !top_via(c->msg, &v))
		return;
	const struct pkt_ends *e = &c->pk->ends;
	int same = via_host_is(v.host, v.host_type, c->pk_src);
	if (same < 0)
		return;
	if (!same) {
		report(c, vh, v.host.ptr, "the request came from %s but its Via says %.*s: an "
		       "address translated on the way (a NAT between the UE and the P-CSCF) or a UE "
		       "that writes an address it does not send from (one left from another "
		       "bearer or access). The server adds received=%s and answers there; the "
		       "Contact's address is then not reachable without NAT traversal (RFC 5626 "
		       "outbound, the P-CSCF's hosted NAT traversal of TS 24.229 Annex F/G). "
		       "Check the UE's address on this access.", e->src, (int)v.host.len, v.host.ptr,
		       e->src);
		return;
	}
	unsigned vport = v.has_port ? v.port : 5060;
	if (!c->pk->udp || !e->ports || vport == e->sport ||
	    sip_hdr_first(c->msg, SIP_HDR_SECURITY_VERIFY))
		return;
	report(c, vh, v.host.ptr, "the request left from port %u but its Via says port %u: "
	       "over UDP the responses go to the Via's port%s, which a NAT that changed the "
	       "port does not let through, or a socket the UE does not read. Check that the UE "
	       "sends from the port it listens on (or asks for rport, RFC 3581).", e->sport, vport,
	       v.has_rport ? " unless rport asks for the source port (it does here: the "
	       "responses come back to the source)" : "");
}

/* A response to a REGISTER of the capture goes back where the REGISTER
 * came from (RFC 3261 §18.2.2): to its source address (received), over
 * UDP to its source port when its Via asked for rport (RFC 3581 §4), else
 * to the Via's port. Elsewhere, behind a NAT, it does not arrive: the UE
 * retransmits and gives up. Over TCP, and for a REGISTER over the IPsec
 * SAs, the address only (a new connection goes to the sent-by port; the
 * SA pair sets the ports). */
static void check_packet_response_destination(struct ctx *c)
{
	const struct ims_flow_call *fc = c->fc;
	if (!of_noted_register(c, fc) || !c->pk->ends.ports || !fc->reg_ends.ver)
		return;
	const struct pkt_ends *e = &c->pk->ends, *q = &fc->reg_ends;
	char want[64];
	if (addr_canonical(q->src, want) && *c->pk_dst && strcmp(want, c->pk_dst) != 0) {
		report(c, NULL, c->msg->start_line.ptr, "this %u went to %s, but the REGISTER it "
		       "answers (CSeq %u) came from %s: a response goes back to the request's "
		       "source (received), whatever the Via says. Behind a NAT it does not reach "
		       "the UE, which retransmits the REGISTER and gives up. Check that the "
		       "P-CSCF answers to the source address.", c->msg->status, e->dst, c->cseq.seq,
		       q->src);
		return;
	}
	/* over the SAs the ports are the SA pair's (the request's rule,
	 * ts33203.packet.sa-ports, checks them), not the Via's */
	if (!fc->reg_udp || !c->pk->udp || fc->reg_sa)
		return;
	unsigned port = fc->reg_rport ? q->sport : fc->reg_via_port;
	if (e->dport != port)
		report(c, NULL, c->msg->start_line.ptr, "this %u went to port %u, but the REGISTER it "
		       "answers (CSeq %u) %s %u: %s Check the P-CSCF's handling of %s.",
		       c->msg->status, e->dport, c->cseq.seq,
		       fc->reg_rport ? "asked for rport and came from port" : "names in its Via port",
		       port, fc->reg_rport ? "with rport the response goes to the source port "
		       "(RFC 3581), the one a NAT lets back in." : "without rport the response goes "
		       "to the Via's port (RFC 3261 §18.2.2).", fc->reg_rport ? "rport" : "the Via");
}

/* Between a UE and its P-CSCF, once a REGISTER went over the SAs it names
 * (its flow record, flow_note_sa), what touches a protected port travels
 * on one of the two pairs of SAs (TS 33.203 §7.1): the UE's port-c with
 * the P-CSCF's port-s (the UE's requests and their responses), the UE's
 * port-s with the P-CSCF's port-c (the P-CSCF's requests, the reg-event
 * NOTIFY among them, and their responses; over UDP a P-CSCF answers the
 * UE's requests on this pair too, to the Via's port-s). The REGISTER with
 * Security-Verify is ts33203.packet.sa-ports's. */
static void check_packet_sa_pair(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	if (!c->pk || !c->flow || !c->pk->ends.ports ||
	    (m->is_request && sip_hdr_first(m, SIP_HDR_SECURITY_VERIFY)))
		return;
	const struct pkt_ends *e = &c->pk->ends;
	bool to_ue = false;
	const struct ims_flow_call *fc = sa_record(c->flow, c->pk_src, c->pk_dst);
	if (!fc) {
		fc = sa_record(c->flow, c->pk_dst, c->pk_src);
		to_ue = true;
	}
	unsigned ue = to_ue ? e->dport : e->sport, p = to_ue ? e->sport : e->dport;
	if (!fc || sa_uses(fc, ue, p) || !sa_touches(fc, ue, p))
		return;
	const struct ims_flow_sa *s = &fc->sa[0];
	char what[32];
	if (m->is_request)
		snprintf(what, sizeof what, "%.*s", (int)(m->method.len < 20 ? m->method.len : 20),
			 m->method.ptr);
	else
		snprintf(what, sizeof what, "%u response", m->status);
	if (to_ue)
		report(c, NULL, m->start_line.ptr, "this %s went from the P-CSCF's port %u to the UE's "
		       "port %u, outside the IPsec SAs its REGISTER of CSeq %u set up: towards the UE "
		       "they carry the P-CSCF's port-s=%u to the UE's port-c=%u and the P-CSCF's "
		       "port-c=%u to the UE's port-s=%u (TS 33.203 §7.1). The UE's IPsec policy drops "
		       "it, or it arrives unprotected and the UE discards it.%s Check which socket the "
		       "P-CSCF sends from for this UE.", what, p, ue, s->cseq, s->ps, s->uc, s->pc, s->us,
		       p == 5060 ? " It left from 5060, the P-CSCF's unprotected port." : "");
	else
		report(c, NULL, m->start_line.ptr, "this %s went from the UE's port %u to the P-CSCF's "
		       "port %u, outside the IPsec SAs its REGISTER of CSeq %u set up: towards the "
		       "P-CSCF they carry the UE's port-c=%u to the P-CSCF's port-s=%u and the UE's "
		       "port-s=%u to the P-CSCF's port-c=%u (TS 33.203 §7.1). The P-CSCF drops it or "
		       "handles it as unprotected.%s Check which socket the UE sends from.", what, ue, p,
		       s->cseq, s->uc, s->ps, s->us, s->pc,
		       p == 5060 ? " It went to 5060, the P-CSCF's unprotected port." : "");
}

/* The REGISTER sent again with the same CSeq and branch: a retransmission
 * (over UDP, Timer E: after 500 ms, then 1, 2, 4 s ..., Timer F ends it at
 * 32 s, RFC 3261 §17.1.2.2): no response had come back to the UE. */
static void check_packet_retransmission(struct ctx *c)
{
	const struct ims_flow_call *fc = c->fc;
	if (!pk_fine(c) || !of_noted_register(c, fc) || !fc->reg_timed || fc->reg_coarse ||
	    copy_of_noted_register(c, fc))
		return;
	int64_t ms = (pk_us(c->pk) - fc->reg_us) / 1000;
	report(c, NULL, c->msg->start_line.ptr, "this REGISTER (CSeq %u) is sent again, %lld ms "
	       "after the first (transmission %u): no response had reached the UE. The REGISTER "
	       "or its response was lost, or the network answered later than the UE waits "
	       "(500 ms, doubling, Timer E); after 32 s without one the UE gives up (Timer F). "
	       "Look at the path to the P-CSCF (a firewall, fragments dropped) and at the P-CSCF's "
	       "and S-CSCF's response time.", c->cseq.seq, (long long)ms, fc->reg_tx + 1);
}

/* A response to the REGISTER long after it was first sent: more than 2 s
 * (the UE has retransmitted twice by then over UDP). */
#define SLOW_RESPONSE_MS 2000
static void check_packet_response_delay(struct ctx *c)
{
	const struct ims_flow_call *fc = c->fc;
	if (!pk_fine(c) || !of_noted_register(c, fc) || !fc->reg_timed || fc->reg_coarse || c->msg->status < 200)
		return;
	int64_t ms = (pk_us(c->pk) - fc->reg_us) / 1000;
	if (ms <= SLOW_RESPONSE_MS)
		return;
	report(c, NULL, c->msg->start_line.ptr, "this %u came %lld ms after the REGISTER it "
	       "answers (CSeq %u) was first sent%s: registration normally answers within a few "
	       "hundred ms. A slow answer points at the S-CSCF's Diameter with the HSS (MAR/MAA "
	       "for a 401, SAR/SAA for a 200), DNS, or an overloaded CSCF; the UE's Timer F gives "
	       "up at 32 s.", c->msg->status, (long long)ms, c->cseq.seq,
	       fc->reg_tx > 1 ? " (the UE had sent it again meanwhile)" : "");
}

/* A REGISTER of the UE renewing a binding whose 2xx came earlier in the
 * capture (the first REGISTER of that refresh): TS 24.229 §5.1.1.4.1 has
 * the UE re-register 600 s before the expiry when it was granted more
 * than 1200 s, else when half the time has gone. Later than that by more
 * than REREG_SLACK_US (the UE times from when the 2xx reached it), or
 * after the expiry itself, is said. A binding a later 2xx no longer lists
 * (deregistered) or a NOTIFY removed is not timed, nor is an S-CSCF's
 * third-party REGISTER (its refreshes follow the UE's). */
#define REREG_SLACK_US 2000000

/* When the binding of record fc expires and its refresh is due, each
 * microseconds after its grant (*span, *due), and the rule's words for
 * when (*when). */
static void rereg_due(const struct ims_flow_call *fc, int64_t *span, int64_t *due, const char **when)
{
	const bool long_grant = fc->grant_expires > 1200;
	*span = (int64_t)fc->grant_expires * 1000000;
	*due = long_grant ? *span - 600 * 1000000ll : *span / 2;
	*when = long_grant ? "600 s before the expiry of a registration of more than 1200 s"
			   : "half-way through a registration of 1200 s or less";
}

static void check_packet_reregistration(struct ctx *c)
{
	if (!pk_timed(c) || !c->flow || !c->ue_leg || !c->to_ok || c->third_party)
		return;
	char key[BINDING_KEY_MAX];
	size_t k = aor_key(key, sizeof key, &c->to.uri);
	const struct ims_flow_call *aor = k ? flow_find(c->flow, slice_make(key, k)) : NULL;
	if (!aor || !aor->have_granted || aor->granted_cut)
		return;
	const int64_t now = pk_us(c->pk);
	struct contact_cursor cur = { 0 };
	struct contact *ct;
	while ((ct = contact_next(c, &cur))) {
		const struct ims_flow_call *fc;
		if (ct->a.star || contact_removed(c, ct) || removed_record(c->flow, ct) ||
		    !(k = binding_key(key, sizeof key, &c->to.uri, &ct->a.uri)) ||
		    !(fc = flow_find(c->flow, slice_make(key, k))) || !fc->have_grant ||
		    fc->grant_renewed || now < fc->grant_us ||
		    !uri_in_list(aor->granted, &ct->a.uri, true))
			continue;
		int64_t span, due;
		const char *when;
		rereg_due(fc, &span, &due, &when);
		const int64_t age = now - fc->grant_us;
		if (age > span) {
			char advice[256];
			if (fc->grant_shortened)
				snprintf(advice, sizeof advice, "A network shortens a registration to make "
					 "the UE re-register (and so re-authenticate it); check that the UE "
					 "reads the NOTIFY's expires (RFC 3680 §5.1, event shortened).");
			else
				snprintf(advice, sizeof advice, "TS 24.229 §5.1.1.4.1 has the UE "
					 "re-register %s. Look for a refresh the capture missed or one that "
					 "failed (its retransmissions, an error response), and at the UE's "
					 "refresh timer.", when);
			report(c, ct->h, ct->a.uri_text.ptr, "this REGISTER renews contact %.*s %.1f s "
			       "after its registration expired: the %s (CSeq %u) earlier in this capture "
			       "%s %u s, %.1f s before this REGISTER. Meanwhile the UE was not registered "
			       "there%s: calls and SMS to it failed. %s", SLICE_ARG(ct->a.uri_text),
			       (double)(age - span) / 1e6,
			       fc->grant_shortened ? "reg-event NOTIFY" : "2xx", (unsigned)fc->grant_cseq,
			       fc->grant_shortened ? "shortened it to" : "granted it",
			       (unsigned)fc->grant_expires, (double)age / 1e6,
			       fc->grant_shortened ? "" : " (the S-CSCF removed the binding: a reg-event "
							  "NOTIFY says expired)",
			       advice);
		} else if (age > due + REREG_SLACK_US && !fc->grant_shortened) {
			report(c, ct->h, ct->a.uri_text.ptr, "this REGISTER renews contact %.*s %.1f s "
			       "after the 2xx (CSeq %u) that granted it %u s, %.1f s before it "
			       "expires: TS 24.229 §5.1.1.4.1 has the UE re-register %s (at %.1f s, "
			       "%.1f s before this one). A refresh this late leaves little time to "
			       "retry: challenged again, lost or refused, the registration lapses. "
			       "Check the UE's refresh timer (its IMS profile).",
			       SLICE_ARG(ct->a.uri_text), (double)age / 1e6, (unsigned)fc->grant_cseq,
			       (unsigned)fc->grant_expires, (double)(span - age) / 1e6, when,
			       (double)due / 1e6, (double)(age - due) / 1e6);
		}
	}
}

/* A rule judged only after the capture's last message
 * (ims_rules_check_end): nothing on a message. */
static void check_at_end_only(struct ctx *c)
{
	(void)c;
}

/* The book: X(id, severity, ref, summary, scope, check), in the order the
 * rules run. One list feeds both the public info and the dispatch table. */
#define RULE_BOOK(X) \
	X("rfc3261.msg.mandatory-header", IMS_SEV_ERROR, "RFC 3261 §8.1.1",\
	  "Via, To, From, Call-ID, CSeq (and Max-Forwards in requests) are present",\
	  ANY, check_mandatory) \
	X("rfc3261.msg.header-syntax", IMS_SEV_ERROR, "RFC 3261 §20, §25.1",\
	  "every known header (but the informational ones) and the Request-URI decode with their typed decoder, with no control byte outside white space",\
	  ANY | FIELDS, check_syntax) \
	X("rfc3261.msg.header-syntax-informational", IMS_SEV_WARNING, "RFC 3261 §20.17, §20.35, §20.41, §20.43",\
	  "User-Agent, Server, Warning and Date follow their grammar",\
	  ANY | FIELDS, check_syntax_informational) \
	X("rfc3261.msg.utf8", IMS_SEV_WARNING, "RFC 3261 §25.1, RFC 3629",\
	  "the start line and every header value are UTF-8 text",\
	  ANY | FIELDS, check_utf8) \
	X("rfc3261.msg.single-header-repeated", IMS_SEV_ERROR, "RFC 3261 §7.3, §20",\
	  "headers that take one value appear once",\
	  ANY | FIELDS, check_single_repeated) \
	X("rfc3261.msg.comma-combined", IMS_SEV_ERROR, "RFC 3261 §7.3.1",\
	  "no two credentials/challenges in one field, no list in a single-value header",\
	  ANY | FIELDS, check_comma_combined) \
	X("rfc3261.msg.content-length", IMS_SEV_ERROR, "RFC 3261 §20.14, §18.3",\
	  "Content-Length equals the body length",\
	  ANY, check_content_length) \
	X("rfc5621.body.multipart", IMS_SEV_ERROR, "RFC 2046 §5.1.1, RFC 5621 §4",\
	  "a multipart body has a valid boundary and splits at it, ending with the closing boundary line",\
	  ANY, check_body_multipart) \
	X("rfc3261.body.message-sip", IMS_SEV_ERROR, "RFC 3261 §27.5, §7",\
	  "a message/sip body or part is a SIP message",\
	  ANY, check_body_message_sip) \
	X("ts24229.body.ims-3gpp-xml", IMS_SEV_WARNING, "TS 24.229 §7.6.2",\
	  "an application/3gpp-ims+xml body or part is an <ims-3gpp> document with its version and <alternative-service> or <service-info>",\
	  ANY, check_ims3gpp_syntax) \
	X("ts24229.alternative-service", IMS_SEV_INFO, "TS 24.229 §7.6.3, TS 23.380",\
	  "a message whose application/3gpp-ims+xml asks for an alternative service: what the network asks the UE to do",\
	  ANY, check_ims3gpp_alternative) \
	X("ts33203.packet.sa-ports", IMS_SEV_ERROR, "TS 33.203 §7.1, TS 24.229 §5.1.1.2.1",\
	  "a request with Security-Verify went from port-c to the P-CSCF's port-s (capture files)",\
	  REQUEST, check_packet_sa_ports) \
	X("ts33203.packet.sa-pair", IMS_SEV_ERROR, "TS 33.203 §7.1",\
	  "once a UE's SAs are known, its messages with its P-CSCF on a protected port use one of the two SA pairs (capture files)",\
	  ANY, check_packet_sa_pair) \
	X("rfc3261.packet.via-source", IMS_SEV_INFO, "RFC 3261 §18.2.1, RFC 3581 §4",\
	  "the top Via's address (and UDP port) is the packet's source (capture files)",\
	  REQUEST, check_packet_via_source) \
	X("rfc3261.packet.response-destination", IMS_SEV_WARNING, "RFC 3261 §18.2.2, RFC 3581 §4",\
	  "a response to a REGISTER went back to where the REGISTER came from (capture files)",\
	  RESPONSE, check_packet_response_destination) \
	X("rfc3261.packet.retransmission", IMS_SEV_INFO, "RFC 3261 §17.1.2.2",\
	  "a REGISTER sent again with its CSeq and branch: no response had come (capture files)",\
	  REGISTER, check_packet_retransmission) \
	X("rfc3261.packet.response-delay", IMS_SEV_INFO, "RFC 3261 §17.1.2.2",\
	  "a response to a REGISTER came within 2 s of it (capture files)",\
	  RESPONSE, check_packet_response_delay) \
	X("ts24229.packet.reregistration", IMS_SEV_WARNING, "TS 24.229 §5.1.1.4.1",\
	  "the UE renews a binding 600 s before it expires (half-way for 1200 s or less), and not after it expired (capture files)",\
	  BINDING, check_packet_reregistration) \
	X("ts24229.packet.registration", IMS_SEV_WARNING, "TS 24.229 §5.1.1.2, RFC 3261 §10.3",\
	  "the UE's registration completes: at the end of a capture file, an AOR the UE tried to register (its latest REGISTER 32 s or more before the end, no binding a 2xx granted still in force) had a 2xx",\
	  BINDING | UE, check_at_end_only) \
	X("rfc3261.transport.udp-size", IMS_SEV_WARNING, "RFC 3261 §18.1.1",\
	  "a request over 1300 bytes is not sent over UDP (its top Via)",\
	  REQUEST, check_udp_size) \
	X("rfc3261.via.branch-cookie", IMS_SEV_ERROR, "RFC 3261 §8.1.1.7",\
	  "the UE's Via (the one Via of a REGISTER) has a branch starting with z9hG4bK; no top Via has the cookie alone",\
	  REQUEST, check_via_branch) \
	X("rfc3261.via.branch-rfc2543", IMS_SEV_INFO, "RFC 3261 §8.1.1.7, §17.2.3",\
	  "a Via other than the UE's own without a z9hG4bK branch: an RFC 2543 hop",\
	  REQUEST, check_via_branch_rfc2543) \
	X("rfc3261.cseq.method-range", IMS_SEV_ERROR, "RFC 3261 §8.1.1.5",\
	  "CSeq method equals the request method and the number is below 2^31",\
	  ANY | FIELDS, check_cseq) \
	X("rfc3261.date.weekday", IMS_SEV_WARNING, "RFC 3261 §20.17, RFC 1123 §5.2.14",\
	  "the Date weekday is that of its date",\
	  ANY | FIELDS, check_date_weekday) \
	X("rfc3261.register.ruri-userinfo", IMS_SEV_ERROR, "RFC 3261 §10.2",\
	  "the REGISTER Request-URI has no user@ part",\
	  REGISTER, check_ruri_userinfo) \
	X("rfc3261.register.ruri-scheme", IMS_SEV_ERROR, "RFC 3261 §10.2",\
	  "the REGISTER Request-URI is a sip:/sips: URI",\
	  REGISTER, check_ruri_scheme) \
	X("rfc3261.register.to-aor", IMS_SEV_ERROR, "RFC 3261 §10.2",\
	  "To is an address of record: a sip/sips URI with a user",\
	  REGISTER, check_to_aor) \
	X("rfc3261.register.contact-star", IMS_SEV_ERROR, "RFC 3261 §10.2.2",\
	  "Contact: * is alone and comes with Expires: 0",\
	  REGISTER, check_contact_star) \
	X("rfc3261.register.no-contact", IMS_SEV_INFO, "RFC 3261 §10.2.3",\
	  "a REGISTER without Contact only queries the bindings",\
	  REGISTER | UE, check_no_contact) \
	X("rfc3261.register.unregister", IMS_SEV_INFO, "RFC 3261 §10.2.2, TS 24.229 §5.1.1.6",\
	  "Expires: 0 / expires=0 is a deregistration: what happens next",\
	  REGISTER | UE, check_deregister) \
	X("rfc3261.register.expires-range", IMS_SEV_WARNING, "RFC 3261 §20.19, RFC 4475 §3.1.2.4",\
	  "an expires parameter or Expires header fits 32 bits (digits beyond it are a range fault, not a syntax one)",\
	  ANY | FIELDS, check_expires_range) \
	X("rfc3261.register.contact-expires", IMS_SEV_INFO, "RFC 3261 §10.2.1.1",\
	  "a Contact expires parameter differing from Expires wins for its binding",\
	  REGISTER, check_contact_expires) \
	X("rfc3261.response.401-challenge", IMS_SEV_ERROR, "RFC 3261 §21.4.2, §22.1",\
	  "a 401 carries WWW-Authenticate",\
	  RESPONSE, check_401) \
	X("ts24229.response.401-aka", IMS_SEV_ERROR, "TS 24.229 §5.4.1.2.1, RFC 3310 §3.2",\
	  "the 401's AKA nonce decodes; ck/ik never reach the UE",\
	  RESPONSE | UE | FIELDS, check_401_aka) \
	X("ts24229.response.401-security-server", IMS_SEV_INFO, "TS 24.229 §5.2.2, TS 33.203 §7.1",\
	  "a 401 to REGISTER without Security-Server offers no IPsec",\
	  RESPONSE | UE, check_401_security_server) \
	X("rfc3261.response.200-bindings", IMS_SEV_WARNING, "RFC 3261 §10.3",\
	  "a 200 to REGISTER lists the bindings, each with its expires parameter",\
	  RESPONSE, check_200) \
	X("rfc3261.flow.cseq", IMS_SEV_ERROR, "RFC 3261 §10.2",\
	  "in one input, a REGISTER's CSeq is above the last REGISTER's of the same Call-ID",\
	  REGISTER, check_flow_cseq) \
	X("ims.flow.register-refused", IMS_SEV_WARNING, "RFC 3261 §10.3, TS 24.229 §5.4.1.2",\
	  "in one input, a final failure to a REGISTER: what it means after the messages before it (a challenge answered or not, AKA or digest) and what to check next",\
	  RESPONSE | UE, check_flow_register_refused) \
	X("rfc3261.flow.challenge", IMS_SEV_ERROR, "RFC 3261 §22.4, RFC 7616 §3.4",\
	  "in one input, the REGISTER after a 401 answers its nonce, with its realm and opaque",\
	  REGISTER, check_flow_challenge) \
	X("rfc3329.flow.security-verify", IMS_SEV_ERROR, "RFC 3329 §2.3.1, TS 33.203 §7.2",\
	  "in one input, the REGISTER after a 401 echoes its Security-Server in Security-Verify",\
	  REGISTER, check_flow_sec_verify) \
	X("rfc3329.flow.security-client", IMS_SEV_WARNING, "TS 24.229 §5.1.1.5.1, TS 33.203 §7.2",\
	  "in one input, the REGISTER answering a 401 repeats the challenged REGISTER's Security-Client",\
	  REGISTER, check_flow_sec_client) \
	X("rfc3261.response.error-contents", IMS_SEV_ERROR, "RFC 3261 §10.3, §8.2.2.3",\
	  "a 423 carries Min-Expires, a 420 lists the refused options in Unsupported",\
	  ANY, check_error_contents) \
	X("ts24229.response.200-contents", IMS_SEV_WARNING, "TS 24.229 §5.4.1.2.2, RFC 3608, RFC 3327",\
	  "a 200 to REGISTER has Service-Route, P-Associated-URI and the Path echoed",\
	  RESPONSE | UE, check_200_ims) \
	X("ts24229.register.authorization", IMS_SEV_WARNING, "TS 24.229 §5.1.1.2.1",\
	  "a REGISTER carries Authorization with the IMPI",\
	  REGISTER | UE, check_ims_authorization) \
	X("ts24229.register.authorization-fields", IMS_SEV_ERROR, "TS 24.229 §5.1.1.2.1",\
	  "Authorization has username, realm, uri, nonce and response; integrity-protected has a TS 24.229 value",\
	  REGISTER | FIELDS, check_ims_auth_fields) \
	X("rfc3261.auth.uri-ruri", IMS_SEV_WARNING, "RFC 3261 §22.4, RFC 7616 §3.4",\
	  "the Authorization uri equals the Request-URI",\
	  REGISTER, check_auth_uri) \
	X("ts24229.register.realm-home-domain", IMS_SEV_WARNING, "TS 24.229 §5.1.1.2.1",\
	  "the realm is the home domain (Request-URI or From domain)",\
	  REGISTER, check_realm_domain) \
	X("ts24229.register.ruri-domain-name", IMS_SEV_WARNING, "TS 24.229 §5.1.1.2.1",\
	  "the Request-URI is the home network domain name, not an IP address",\
	  REGISTER | UE, check_ruri_name) \
	X("ts24229.register.ruri-home-domain", IMS_SEV_INFO, "TS 24.229 §5.1.1.2.1",\
	  "the Request-URI domain is the IMPU's home domain",\
	  REGISTER | UE, check_ruri_home) \
	X("ts24229.register.from-to", IMS_SEV_WARNING, "TS 24.229 §5.1.1.2.1",\
	  "From and To carry the same IMPU",\
	  REGISTER | FIELDS | UE, check_from_to) \
	X("ts24229.register.third-party", IMS_SEV_INFO, "TS 24.229 §5.4.1.7",\
	  "a third-party REGISTER from the S-CSCF to an application server: what it says, and that the UE's rules do not apply",\
	  REGISTER, check_third_party) \
	X("ts24229.third-party.contents", IMS_SEV_WARNING, "TS 24.229 §5.4.1.7",\
	  "a third-party REGISTER has the S-CSCF's Contact and the registration's expiry",\
	  REGISTER, check_third_party_contents) \
	X("ts24229.third-party.carried", IMS_SEV_WARNING, "TS 24.229 §5.4.1.7",\
	  "the messages a third-party REGISTER carries agree with it: a 2xx answering the REGISTER beside it, its expiry, the identity registered",\
	  REGISTER, check_third_party_carried) \
	X("ts23003.impi.nai", IMS_SEV_ERROR, "TS 23.003 §13.3, RFC 7542",\
	  "the Authorization username (IMPI) is an NAI user@realm",\
	  REGISTER | FIELDS, check_impi_format) \
	X("ts23003.identity.imsi-domain", IMS_SEV_WARNING, "TS 23.003 §13.2",\
	  "an IMSI-based identity sits in the domain derived from that IMSI's MCC/MNC",\
	  REGISTER | FIELDS, check_imsi_domain) \
	X("ts23003.identity.domain-format", IMS_SEV_WARNING, "TS 23.003 §13.2",\
	  "a 3gppnetwork.org domain is ims.mncXXX.mccYYY.3gppnetwork.org (3-digit MNC)",\
	  REGISTER | FIELDS, check_domain_format) \
	X("ts23003.impi.derived-realm", IMS_SEV_INFO, "TS 23.003 §13.3",\
	  "an IMSI-based IMPI with a realm other than the IMSI-derived one",\
	  REGISTER | FIELDS, check_impi_derived) \
	X("ts23003.impu.temporary", IMS_SEV_INFO, "TS 23.003 §13.4B",\
	  "To is a temporary IMPU derived from the IMSI",\
	  REGISTER | FIELDS, check_temporary_impu) \
	X("ts23003.imsi.test-plmn", IMS_SEV_INFO, "ITU-T E.212, TS 23.003 §2.2",\
	  "the IMSI belongs to the test network code MCC 001",\
	  REGISTER | FIELDS, check_test_plmn) \
	X("ts23003.identity.same-imsi", IMS_SEV_WARNING, "TS 23.003 §13.3, §13.4B",\
	  "an IMSI-based IMPI and a temporary IMPU carry the same IMSI",\
	  REGISTER | FIELDS, check_same_imsi) \
	X("ims.identity.impi-impu-domain", IMS_SEV_INFO, "TS 23.003 §13.3, §13.4",\
	  "the IMPI's realm and the IMPU's domain agree",\
	  REGISTER | FIELDS, check_impi_impu_domain) \
	X("ims.identity.contact-imsi", IMS_SEV_WARNING, "TS 24.229 §5.1.1.2.1, TS 33.203 §5.1",\
	  "the Contact does not expose the IMSI when the IMPU does not",\
	  REGISTER | UE, check_contact_user) \
	X("ts24229.register.protected-ports", IMS_SEV_ERROR, "TS 24.229 §5.1.1.2.1, TS 33.203 §7.1",\
	  "the protected REGISTER's Contact (and UDP Via) use the protected server port port-s",\
	  REGISTER | UE, check_protected_ports) \
	X("ts24229.register.expires-600000", IMS_SEV_WARNING, "TS 24.229 §5.1.1.2.1, IR.92 §2.2.1",\
	  "a registering REGISTER asks for 600000 s",\
	  REGISTER | UE, check_expires_600000) \
	X("ts24229.register.emergency", IMS_SEV_INFO, "TS 24.229 §5.1.6.2, draft-patel-ecrit-sos-parameter",\
	  "a Contact URI with sos: an emergency registration (REGISTER or its 2xx)",\
	  ANY, check_emergency) \
	X("ts24229.register.supported-path", IMS_SEV_ERROR, "TS 24.229 §5.1.1.2.1, RFC 3327 §5",\
	  "Supported lists path",\
	  REGISTER | UE, check_supported_path) \
	X("ts24229.register.sec-agree", IMS_SEV_ERROR, "TS 24.229 §5.1.1.2.1, RFC 3329 §2.3.1",\
	  "Security-Client comes with sec-agree in Require and Proxy-Require, and vice versa",\
	  REGISTER | UE, check_sec_agree) \
	X("ts24229.register.sec-agree-absent", IMS_SEV_INFO, "TS 34.229-1 A.1.1, TS 33.203 §7.1",\
	  "a REGISTER over 3GPP access with Authorization offers sec-agree (Security-Client)",\
	  REGISTER | UE, check_sec_agree_absent) \
	X("ts33203.security.ipsec-params", IMS_SEV_ERROR, "TS 33.203 §7.1, RFC 3329 §2.2",\
	  "ipsec-3gpp offers have alg, spi-c, spi-s, port-c, port-s with valid values",\
	  ANY | FIELDS, check_sec_params) \
	X("ts33203.security.verify", IMS_SEV_ERROR, "TS 33.203 §7.2, RFC 3329 §2.3.1, TS 24.229 §5.1.1.5.1",\
	  "the protected REGISTER echoes Security-Server in Security-Verify and repeats Security-Client",\
	  REGISTER | UE, check_sec_verify) \
	X("ts24229.register.pani-present", IMS_SEV_WARNING, "TS 24.229 §5.1.1.2.1, §7.2A.4",\
	  "a REGISTER over 3GPP access carries P-Access-Network-Info",\
	  BINDING | UE, check_pani_present) \
	X("ts24229.pani.cell-id", IMS_SEV_ERROR, "TS 24.229 §7.2A.4.3, TS 23.003 §19.6",\
	  "the cell id has the length of its access type",\
	  ANY | FIELDS, check_pani_cell) \
	X("ts24229.pani.placeholder-cell", IMS_SEV_INFO, "TS 24.229 §7.2A.4.3",\
	  "the cell id is a placeholder (MCC 000, ECI all ones)",\
	  ANY | FIELDS, check_pani_placeholder) \
	X("ts24229.pcv.access-charging", IMS_SEV_WARNING, "TS 24.229 §7.2A.5",\
	  "P-Charging-Vector's bearer list (pdp-info, eps-info, 5gs-info, dsl-bearer-info) follows its syntax",\
	  ANY | FIELDS, check_pcv_access_charging) \
	X("ts24229.cni.syntax", IMS_SEV_ERROR, "TS 24.229 §7.2.15",\
	  "Cellular-Network-Info is one cellular access type with its cell and cell-info-age in seconds",\
	  ANY | FIELDS, check_cni_syntax) \
	X("ts24229.cni.cell-id", IMS_SEV_ERROR, "TS 24.229 §7.2.15, §7.2A.4.3",\
	  "the Cellular-Network-Info cell id is there and has the length of its access type",\
	  ANY | FIELDS, check_cni_cell) \
	X("ts24229.cni.on-cellular", IMS_SEV_INFO, "TS 24.229 §7.2.15",\
	  "Cellular-Network-Info comes from a UE on another access than cellular radio",\
	  REQUEST, check_cni_on_cellular) \
	X("ts24229.cni.absent-on-wlan", IMS_SEV_INFO, "TS 24.229 §7.2.15",\
	  "a REGISTER over Wi-Fi carries Cellular-Network-Info (the cell the UE last used)",\
	  BINDING | UE, check_cni_absent_on_wlan) \
	X("rfc6809.feature-caps.syntax", IMS_SEV_ERROR, "RFC 6809 §6.3",\
	  "Feature-Caps is \"*\" and ';'-separated indicators, each '+' and its name, a value in quotes",\
	  ANY | FIELDS, check_fcaps_syntax) \
	X("rfc6809.feature-caps.value", IMS_SEV_WARNING, "RFC 6809 §6.3, TS 24.229 §7.9A, TS 24.237 Annex C",\
	  "each known feature-capability indicator has the value its definition gives (none, \"<URI>\", ICSI URNs)",\
	  ANY | FIELDS, check_fcaps_value) \
	X("rfc6665.event.headers", IMS_SEV_ERROR, "RFC 6665 §8.2",\
	  "SUBSCRIBE and NOTIFY carry Event; NOTIFY carries Subscription-State",\
	  REQUEST, check_event_headers) \
	X("ts24229.subscribe.reg-target", IMS_SEV_WARNING, "TS 24.229 §5.1.1.3",\
	  "the UE's initial SUBSCRIBE to reg has the IMPU (a SIP URI) as Request-URI, From and To",\
	  REQUEST, check_subscribe_reg_target) \
	X("ts24229.subscribe.reg-expires", IMS_SEV_WARNING, "TS 24.229 §5.1.1.3",\
	  "the UE's initial SUBSCRIBE to reg asks Expires 600000",\
	  REQUEST, check_subscribe_reg_expires) \
	X("rfc3680.reginfo.syntax", IMS_SEV_ERROR, "RFC 3680 §5.1, §5.4",\
	  "an application/reginfo+xml body is a reginfo document whose attributes have their values",\
	  ANY, check_reginfo_syntax) \
	X("rfc3680.flow.version", IMS_SEV_WARNING, "RFC 3680 §5.1",\
	  "a reg-event NOTIFY's reginfo version is one more than the last of its subscription",\
	  REQUEST, check_reginfo_version) \
	X("rfc3680.flow.bindings", IMS_SEV_WARNING, "RFC 3680 §5.1, RFC 3261 §10.3",\
	  "a full reginfo lists as active the bindings the last 2xx to a REGISTER of that AOR granted, and no other",\
	  REQUEST, check_flow_bindings) \
	X("ims.flow.service-route", IMS_SEV_WARNING, "RFC 3608 §6.1, TS 24.228 §6.5",\
	  "the UE's requests after its registration are routed by the P-CSCF, then the Service-Route of the 200",\
	  REQUEST, check_flow_service_route) \
	X("ims.flow.service-route-changed", IMS_SEV_INFO, "RFC 3608 §6.1, TS 24.229 §5.4.1.2",\
	  "in one input, a 2xx to a REGISTER of an AOR gives another Service-Route than the 2xx before it: another S-CSCF",\
	  RESPONSE | UE, check_flow_service_route_changed) \
	X("ims.flow.associated-uri-changed", IMS_SEV_INFO, "TS 24.229 §5.4.1.2.2, RFC 7315 §4.1",\
	  "in one input, a 2xx to a REGISTER of an AOR lists other P-Associated-URI than the 2xx before it, or another default identity",\
	  RESPONSE | UE, check_flow_associated_uri_changed) \
	X("ts24229.flow.preferred-identity", IMS_SEV_WARNING, "TS 24.229 §5.1.2A.1.1, RFC 3325 §9.2, RFC 7315 §4.1",\
	  "the UE's P-Preferred-Identity is one of the P-Associated-URI of the 200 that registered its contact",\
	  REQUEST, check_flow_preferred_identity) \
	X("rfc3680.flow.removed-contact", IMS_SEV_WARNING, "RFC 3680 §5.1, TS 24.229 §5.1.1.7",\
	  "in one input, after a reg-event NOTIFY terminated a contact (by the network, or expired), the UE registers it again before it sends from it, and not at all after rejected",\
	  REQUEST, check_flow_removed_contact) \
	X("rfc3680.reginfo.removed", IMS_SEV_INFO, "RFC 3680 §5.1, TS 24.229 §5.1.1.7",\
	  "a reginfo contact terminated by the network or by expiry: what happened and what the UE does",\
	  ANY, check_reginfo_removed) \
	X("ir92.contact.instance", IMS_SEV_WARNING, "IR.92 §2.2.1, RFC 5626 §4.1",\
	  "the Contact has +sip.instance",\
	  BINDING | UE, check_ir92_instance) \
	X("rfc5626.contact.instance-urn", IMS_SEV_ERROR, "RFC 5626 §4.1, RFC 7254",\
	  "+sip.instance is a well-formed URN",\
	  REGISTER | FIELDS, check_instance) \
	X("rfc7254.imei.spare-digit", IMS_SEV_ERROR, "RFC 7254, TS 23.003 §6.2.1",\
	  "the IMEI URN's last digit is the spare 0, not the check digit",\
	  REGISTER | FIELDS, check_imei_spare) \
	X("ir92.contact.instance-imei", IMS_SEV_WARNING, "IR.92 §2.2.1, TS 24.229 §5.1.1.2.1",\
	  "+sip.instance is an IMEI URN",\
	  REGISTER | FIELDS, check_ir92_instance_kind) \
	X("ims.contact.instance-params", IMS_SEV_WARNING, "TS 34.229-1 A.1.1, RFC 5626 §4.1",\
	  "an IMEI URN instance id has no ;svn or other URN parameter",\
	  REGISTER | FIELDS, check_instance_params) \
	X("ir92.contact.mmtel-icsi", IMS_SEV_WARNING, "IR.92 §2.2.1, TS 24.173",\
	  "the Contact carries the MMTel ICSI",\
	  BINDING | UE, check_ir92_mmtel) \
	X("ir92.contact.smsip-misspelt", IMS_SEV_WARNING, "TS 24.341 §5.3.1.2, IR.92 §2.2.1",\
	  "+g.3gpp.csi.smsip and other misspellings of +g.3gpp.smsip",\
	  REGISTER | FIELDS, check_smsip_misspelt) \
	X("rfc3840.contact.feature-tag-repeated", IMS_SEV_WARNING, "RFC 3840 §9",\
	  "a feature tag (other than +sip.instance) is written once per Contact",\
	  REGISTER | FIELDS, check_tag_repeated) \
	X("ir92.contact.smsip", IMS_SEV_INFO, "IR.92 §2.2.1, TS 24.341 §5.3.1.2",\
	  "the Contact offers SMS over IP (+g.3gpp.smsip)",\
	  BINDING | UE, check_smsip_absent) \
	X("rfc7616.digest.qop-fields", IMS_SEV_ERROR, "RFC 7616 §3.4",\
	  "qop, nc and cnonce come together",\
	  REGISTER | FIELDS, check_qop_fields) \
	X("rfc7616.digest.nc-value", IMS_SEV_ERROR, "RFC 7616 §3.4",\
	  "nc is 8 hex digits counting from 00000001",\
	  REGISTER | FIELDS, check_nc_value) \
	X("rfc7616.digest.nc", IMS_SEV_INFO, "RFC 7616 §3.4, TS 24.229 §5.1.1.4",\
	  "a nonce count above 1 reuses a nonce",\
	  REGISTER | FIELDS, check_nc) \
	X("rfc3310.aka.nonce", IMS_SEV_ERROR, "RFC 3310 §3.2",\
	  "an AKA nonce decodes as base64(RAND || AUTN)",\
	  REGISTER | FIELDS, check_aka_nonce) \
	X("ts33102.aka.amf-separation", IMS_SEV_INFO, "TS 33.102 Annex H, TS 33.401 §6.1.1",\
	  "the AMF separation bit of an IMS AKA vector",\
	  REGISTER | FIELDS, check_aka_amf) \
	X("rfc3310.aka.algorithm", IMS_SEV_WARNING, "RFC 3310 §3.1, TS 24.229 §5.1.1.5.1",\
	  "credentials answering an AKA nonce name algorithm=AKAv1-MD5",\
	  REGISTER | FIELDS, check_aka_algorithm) \
	X("rfc7616.digest.response", IMS_SEV_ERROR, "RFC 7616 §3.4.1, RFC 3310 §3.3",\
	  "a digest response is 32 lower-case hex digits (64 with SHA-256, SHA-512-256)",\
	  REGISTER | FIELDS, check_response_format) \
	X("rfc3261.digest.quoting", IMS_SEV_WARNING, "RFC 3261 §25.1, RFC 3310 §3.4, RFC 7616 §3.3-3.5",\
	  "Digest parameters are quoted where the grammar writes a quoted-string (realm, nonce, uri, response, ...) and bare where it writes a token (algorithm, nc, a response's qop, stale)",\
	  ANY | FIELDS, check_digest_quoting) \
	X("ts24229.aka.mac-failure", IMS_SEV_WARNING, "TS 24.229 §5.1.1.5.3, TS 33.203 §6.1.2",\
	  "an empty response to an AKA challenge, without auts: the UE could not authenticate the network (AUTN's MAC)",\
	  REGISTER | FIELDS, check_aka_mac_failure) \
	X("rfc3310.aka.auts", IMS_SEV_INFO, "RFC 3310 §3.4, TS 33.102 §6.3.5",\
	  "auts means an SQN resynchronisation",\
	  REGISTER | FIELDS, check_auts) \
	X("rfc7254.imei.check-digit", IMS_SEV_INFO, "RFC 7254, TS 23.003 §6.2.1, Annex B",\
	  "the IMEI URN's spare digit vs the IMEI's Luhn check digit",\
	  REGISTER | FIELDS, check_imei_check_digit) \
	X("ts24229.register.dereg-unprotected", IMS_SEV_INFO, "TS 24.229 §5.1.1.6.1",\
	  "a deregistration without the last challenge's credentials",\
	  REGISTER | UE, check_dereg_unprotected) \
	X("ts24229.pani.plmn-vs-imsi", IMS_SEV_INFO, "TS 24.229 §7.2A.4.3, TS 23.003 §2.2",\
	  "the cell's PLMN vs the IMSI's home PLMN (roaming)",\
	  REGISTER | FIELDS, check_pani_plmn) \
	X("rfc5626.contact.reg-id", IMS_SEV_ERROR, "RFC 5626 §4.2.1, §5.2",\
	  "reg-id comes with +sip.instance and Supported: outbound",\
	  BINDING, check_reg_id) \
	X("rfc5627.contact.gruu", IMS_SEV_WARNING, "RFC 5627 §3.1",\
	  "a 2xx's pub-gruu is the AOR with gr=<the contact's +sip.instance>; temp-gruu has ;gr",\
	  RESPONSE, check_gruu) \
	X("rfc3261.route.lr", IMS_SEV_WARNING, "RFC 3261 §16.12, §19.1.1, TS 24.229 §5.1.1.2.1",\
	  "every sip: Route entry is a loose router (;lr)",\
	  REQUEST | FIELDS, check_route_lr) \
	X("rfc3261.uri.param-repeated", IMS_SEV_ERROR, "RFC 3261 §19.1.1, §19.1.4, RFC 3966 §3",\
	  "no parameter name appears twice in a SIP or tel URI (the Request-URI, From, To, Contact, the route sets, the identities; the first 32 parameters of each)",\
	  ANY | FIELDS, check_uri_param_repeat) \
	X("rfc3966.tel.param-order", IMS_SEV_WARNING, "RFC 3966 §3, RFC 3261 §19.1.6",\
	  "a tel URI's parameters, and those of a user=phone SIP URI's number, in order: isub or ext, phone-context, then the others by name",\
	  ANY | FIELDS, check_tel_param_order) \
	X("rfc3261.msg.tags", IMS_SEV_ERROR, "RFC 3261 §8.1.1.3, §8.2.6.2",\
	  "From has a tag; responses (but 100) have a To tag",\
	  ANY, check_tags) \
	X("rfc3261.register.to-tag", IMS_SEV_WARNING, "RFC 3261 §10.2, §8.1.1.2",\
	  "a REGISTER's To has no tag (out of dialog)",\
	  REGISTER, check_register_to_tag)

#define RULE_INFO(id, sev, ref, summary, scope, fn) { id, sev, ref, summary, ((scope) & FIELDS) != 0 },
#define RULE_IMPL(id, sev, ref, summary, scope, fn) { scope, fn },

static const struct ims_rule_info rule_info[] = { RULE_BOOK(RULE_INFO) };

struct rule_impl {
	unsigned scope; /* enum scope, perhaps | FIELDS */
	void (*check)(struct ctx *c);
};
static const struct rule_impl rule_impl[] = { RULE_BOOK(RULE_IMPL) };

#define NRULES (sizeof rule_info / sizeof rule_info[0])
_Static_assert(sizeof rule_impl / sizeof rule_impl[0] == NRULES, "one impl per rule");

const struct ims_rule_info *ims_rules_list(size_t *n)
{
	if (n)
		*n = NRULES;
	return rule_info;
}

const char *ims_severity_name(enum ims_severity s)
{
	switch (s) {
	case IMS_SEV_INFO:
		return "info";
	case IMS_SEV_WARNING:
		return "warning";
	case IMS_SEV_ERROR:
		return "error";
	}
	return "unknown";
}

static void ident_set(struct ident *id, bool there, const struct sip_hdr *h, const char *what,
		      struct slice text)
{
	memset(id, 0, sizeof *id);
	id->h = h;
	id->what = what;
	id->text = text;
	id->ok = there && ims_identity_decode(&id->id, text) >= 0;
}

/* Facts many rules need, decoded once. */
static void ctx_prepare(struct ctx *c)
{
	const struct sip_msg *m = c->msg;
	struct sip_parse_error err;
	struct sip_cseq cs;
	const struct sip_hdr *h;

	c->is_register = m->is_request && m->method_id == SIP_METHOD_REGISTER;
	c->fields = sip_msg_is_fields(m);
	c->call_id = sip_hdr_first(m, SIP_HDR_CALL_ID);
	/* the Vias: one is the UE's own leg; the top one's branch */
	unsigned nvia = 0;
	struct elem_it vit;
	struct slice item;
	elem_it_init(&vit, m, SIP_HDR_VIA);
	while (elem_next(&vit, &item, &h)) {
		struct sip_via v;
		if (nvia++ == 0 && sip_via_decode(&v, item, &err) == 0)
			c->branch = v.branch;
	}
	c->ue_leg = nvia == 1;
	c->fc = c->flow && c->call_id ? flow_find(c->flow, c->call_id->value) : NULL;
	h = sip_hdr_first(m, SIP_HDR_CSEQ);
	c->cseq_ok = h && sip_cseq_decode(&c->cseq, h->value, &err) == 0;
	if (!m->is_request && h && sip_cseq_decode(&cs, h->value, &err) == 0)
		c->is_reg_response = cs.method_id == SIP_METHOD_REGISTER;
	if (m->is_request)
		c->ruri_ok = sip_uri_decode(&c->ruri, m->ruri, &err) == 0;
	c->to_hdr = sip_hdr_first(m, SIP_HDR_TO);
	c->from_hdr = sip_hdr_first(m, SIP_HDR_FROM);
	c->to_ok = c->to_hdr && sip_addr_decode(&c->to, c->to_hdr->value, 0, &err) == 0;
	c->from_ok = c->from_hdr && sip_addr_decode(&c->from, c->from_hdr->value, 0, &err) == 0;
	c->auth_hdr = sip_hdr_first(m, SIP_HDR_AUTHORIZATION);
	if (c->auth_hdr) {
		struct slice rest;
		c->auth_ok = sip_auth_decode(&c->auth, c->auth_hdr->value, &rest, &err) == 0;
	}
	struct slice nonce = c->auth_ok ? c->auth.field[SIP_AUTH_NONCE] : SLICE_NULL;
	/* fields pasted alone: credentials with a nonce answer a challenge */
	c->protected_reg = (c->is_register || c->fields) && slice_present(nonce) && nonce.len > 0;
	c->expires_hdr = sip_hdr_first(m, SIP_HDR_EXPIRES);
	if (c->expires_hdr)
		c->expires_rc = sip_u32_decode(&c->expires, c->expires_hdr->value, &err);
	c->has_expires = c->expires_hdr && c->expires_rc == 0;

	ident_set(&c->ids[ID_TO], c->to_ok, c->to_hdr, "To", c->to.uri_text);
	ident_set(&c->ids[ID_FROM], c->from_ok, c->from_hdr, "From", c->from.uri_text);
	ident_set(&c->ids[ID_USERNAME], c->auth_ok && slice_present(c->auth.field[SIP_AUTH_USERNAME]),
		  c->auth_hdr, "username", c->auth.field[SIP_AUTH_USERNAME]);
	ident_set(&c->ids[ID_RURI], c->ruri_ok && slice_present(m->ruri), NULL, "Request-URI",
		  m->ruri);
	c->nonce_rc = -EINVAL;
	if (slice_present(nonce) && nonce.len > 0) {
		c->nonce_rc = ims_aka_nonce_decode(&c->nonce, nonce);
		c->aka_creds = slice_startswith_case(c->auth.field[SIP_AUTH_ALGORITHM], "AKAv");
	}
	c->sc_ipsec_ok = first_ipsec(m, SIP_HDR_SECURITY_CLIENT, &c->sc_ipsec, &c->sc_ipsec_hdr);

	/* every Contact element, decoded once (the rules read c->contacts) */
	struct contact_it it;
	contact_it_init(&it, m);
	while (c->ncontacts < CONTACTS_KEPT) {
		struct contact *ct = &c->contacts[c->ncontacts];
		if (!contact_it_next(&it, &ct->a, &ct->h))
			break;
		ct->scanned = false; /* its tags are scanned when a rule asks */
		c->ncontacts++;
	}
	c->contacts_more = c->ncontacts == CONTACTS_KEPT;
	c->contacts_rest = it;
	for (size_t i = 0; i < c->ncontacts && !c->sos; i++)
		if (ims_uri_is_emergency(&c->contacts[i].a.uri))
			c->sos = &c->contacts[i];


	body_parts(c);
	c->third_party = is_third_party(c);

	/* a deregistration: every binding named ends up with expiry 0 */
	if (c->is_register) {
		struct contact_cursor cur = { 0 };
		struct contact *ct;
		int n = 0, zero = 0;
		while ((ct = contact_next(c, &cur))) {
			n++;
			if (ct->a.star || contact_removed(c, ct))
				zero++;
		}
		c->deregister = n > 0 && zero == n;
	}
}

int ims_rules_check(const struct sip_msg *msg, ims_finding_cb cb, void *arg)
{
	return ims_rules_check_flow(msg, NULL, cb, arg);
}

int ims_rules_check_flow(const struct sip_msg *msg, struct ims_flow *flow, ims_finding_cb cb,
			 void *arg)
{
	return ims_rules_check_packet(msg, flow, NULL, cb, arg);
}

int ims_rules_check_packet(const struct sip_msg *msg, struct ims_flow *flow, const struct ims_packet *pk,
			   ims_finding_cb cb, void *arg)
{
	struct ctx c;
	if (!msg)
		return -EINVAL;
	/* all but the arrays that are written before they are read (pending
	 * by report, contacts by ctx_prepare): clearing the whole 32 KB for
	 * each message was a fifth of decode's instructions on a big log */
	_Static_assert(offsetof(struct ctx, spill) ==
			       offsetof(struct ctx, contacts) + CONTACTS_KEPT * sizeof(struct contact) &&
			       offsetof(struct ctx, pending) + sizeof c.pending == sizeof c,
		       "contacts and spill, pending last");
	memset(&c, 0, offsetof(struct ctx, contacts));
	memset(&c.spill, 0, offsetof(struct ctx, pending) - offsetof(struct ctx, spill));
	c.flow = flow;
	c.pk = pk && (pk->ends.ver || !pk->untimed) ? pk : NULL;
	if (c.pk && !addr_canonical(c.pk->ends.src, c.pk_src))
		c.pk_src[0] = '\0';
	if (c.pk && !addr_canonical(c.pk->ends.dst, c.pk_dst))
		c.pk_dst[0] = '\0';
	c.msg = msg;
	c.cb = cb;
	c.arg = arg;
	ctx_prepare(&c);
	for (size_t i = 0; i < NRULES; i++) {
		const struct rule_impl *r = &rule_impl[i];
		bool run;
		switch (c.fields ? FIELDS : r->scope & ~(unsigned)(FIELDS | UE)) {
		case FIELDS:
			run = r->scope & FIELDS;
			break;
		case REQUEST:
			run = msg->is_request;
			break;
		case REGISTER:
			run = c.is_register;
			break;
		case BINDING:
			run = c.is_register && !c.deregister && sip_hdr_first(msg, SIP_HDR_CONTACT);
			break;
		case RESPONSE:
			run = c.is_reg_response;
			break;
		default:
			run = true;
			break;
		}
		if (!run || (c.third_party && (r->scope & UE)))
			continue;
		c.rule = &rule_info[i];
		r->check(&c);
		flush(&c);
	}
	if (flow && pk_timed(&c) && (!flow->have_end || pk_us(c.pk) > flow->end_us)) {
		flow->have_end = true;
		flow->end_us = pk_us(c.pk);
	}
	if (flow && !c.fields) /* fields alone belong to no transaction */
		flow_note(&c, flow);
	imsreg_free(c.ri);
	imsreg_free(c.x3);
	return c.count;
}

/* ---- the end of a capture --------------------------------------------- */

/* A capture's time, us microseconds (pkt_time_text). */
static void time_text(char buf[PKT_TIME_TEXT_MAX], int64_t us)
{
	int64_t sec = us / 1000000, frac = us % 1000000;
	if (frac < 0) {
		frac += 1000000;
		sec--;
	}
	pkt_time_text(buf, sec, (uint32_t)frac);
}

/* A binding's record that the capture's end judges, with its AOR's
 * record (*ar): timed by a 2xx (or a NOTIFY since), its AOR's last 2xx
 * listing it, no NOTIFY removed it; and either no REGISTER of the UE of
 * its AOR after (one removing it, or registering another contact, where
 * the UE has moved, lets it lapse), or the UE's latest REGISTER of the AOR
 * renewed it (a refresh that no 2xx answered). */
static bool end_judged(const struct ims_flow *f, const struct ims_flow_call *fc, const struct ims_flow_call **ar)
{
	const size_t p = sizeof BINDING_KEY_PREFIX - 1;
	if (!fc->call_id.ptr || fc->call_id.len < p || memcmp(fc->call_id.ptr, BINDING_KEY_PREFIX, p) != 0 ||
	    !fc->have_grant || !fc->grant_aor.ptr || !fc->grant_contact.ptr)
		return false;
	struct sip_uri aor, ct;
	struct sip_parse_error err;
	char key[BINDING_KEY_MAX];
	size_t k;
	const struct ims_flow_call *a;
	if (sip_uri_decode(&aor, fc->grant_aor, &err) < 0 || sip_uri_decode(&ct, fc->grant_contact, &err) < 0 ||
	    !(k = aor_key(key, sizeof key, &aor)) || !(a = flow_find(f, slice_make(key, k))) ||
	    !a->have_granted || a->granted_cut || !uri_in_list(a->granted, &ct, true) || removed_uri(f, &ct))
		return false;
	*ar = a;
	if (fc->grant_renewed)
		return a->have_ue_reg && a->ue_reg_us == fc->renew_last_us;
	return !(a->have_ue_reg && a->ue_reg_us > fc->grant_us);
}

/* A binding the end finds overdue: its record, its AOR's, and when it
 * expires. */
struct end_due {
	const struct ims_flow_call *fc, *ar;
	int64_t expiry;               /* (an AOR's: its latest REGISTER's time) */
	bool aor;                     /* fc an AOR's record (end_incomplete) */
};

/* Whether a 401 or 407 answered AOR record ar's latest REGISTER (the
 * UE's answer goes over the SAs that challenge set up). */
static bool aor_challenged_last(const struct ims_flow_call *ar)
{
	return ar->have_final && ar->final_us >= ar->ue_reg_us && (ar->final_status == 401 || ar->final_status == 407);
}

/* Whether record fc's refresh was due (beyond the slack) by end; *expiry
 * when it expires. A shortened one, or one a REGISTER renewed (its 2xx
 * may yet come), only when it expired; one a REGISTER renewed and a
 * challenge answered not at all when packets were not read (partial: the
 * UE's answer went over the new SAs, in ESP the capture cannot open). */
static bool end_overdue(const struct ims_flow *f, const struct ims_flow_call *fc, int64_t end, bool partial,
			const struct ims_flow_call **ar, int64_t *expiry)
{
	if (!end_judged(f, fc, ar) || (fc->grant_renewed && partial && aor_challenged_last(*ar)))
		return false;
	int64_t span, due;
	const char *when;
	rereg_due(fc, &span, &due, &when);
	*expiry = fc->grant_us + span;
	return end > *expiry ||
	       (!fc->grant_shortened && !fc->grant_renewed && end > fc->grant_us + due + REREG_SLACK_US);
}

/* How long after its latest REGISTER an AOR's registration is judged:
 * the UE's transaction gives up by then (RFC 3261 §17.1.2.2, Timer F,
 * 64 T1). */
#define END_TRY_US 32000000

/* Whether a binding AOR record ar's last 2xx listed keeps the AOR
 * registered at end as far as the capture tells: one not expired by then
 * (or whose grant the capture did not time, or that cannot be told), or
 * one the UE's latest REGISTER renewed (a refresh: end_overdue's). */
static bool aor_left_registered(const struct ims_flow *f, const struct ims_flow_call *ar, int64_t end)
{
	if (!ar->have_granted || !ar->granted_n)
		return false;
	struct sip_uri aor, ct;
	struct sip_parse_error err;
	if (ar->granted_cut || sip_uri_decode(&aor, ar->grant_aor, &err) < 0)
		return true;
	size_t pos = 0;
	struct slice v;
	while ((v = uri_list_next(ar->granted, &pos)).ptr) {
		char key[BINDING_KEY_MAX];
		size_t k;
		const struct ims_flow_call *b;
		if (sip_uri_decode(&ct, v, &err) < 0 || !(k = binding_key(key, sizeof key, &aor, &ct)) ||
		    !(b = flow_find(f, slice_make(key, k))) || !b->have_grant ||
		    end <= b->grant_us + (int64_t)b->grant_expires * 1000000 ||
		    (b->grant_renewed && b->renew_last_us == ar->ue_reg_us))
			return true;
	}
	return false;
}

/* Whether AOR record fc's registration was tried and not completed by
 * end: the UE sent REGISTERs of it since its last 2xx, the latest (more
 * than END_TRY_US before end) registering a contact, and no binding a 2xx
 * granted keeps it registered (aor_left_registered: one the UE moved from
 * and that expired does not). Not when packets were not read (partial)
 * and a challenge answered the latest REGISTER: the UE's answer goes over
 * the SAs the 401 set up, in the ESP a capture without the keys cannot
 * open (the registration most likely went on there). */
static bool end_incomplete(const struct ims_flow *f, const struct ims_flow_call *fc, int64_t end, bool partial)
{
	const size_t p = sizeof AOR_KEY_PREFIX - 1;
	return fc->call_id.ptr && fc->call_id.len >= p && memcmp(fc->call_id.ptr, AOR_KEY_PREFIX, p) == 0 &&
	       fc->have_ue_reg && fc->ue_try_n && !fc->ue_reg_removal && fc->grant_aor.ptr &&
	       end > fc->ue_reg_us + END_TRY_US && !(partial && aor_challenged_last(fc)) &&
	       !aor_left_registered(f, fc, end);
}

static int end_due_cmp(const void *pa, const void *pb)
{
	const struct end_due *a = pa, *b = pb;
	if (a->expiry != b->expiry)
		return a->expiry < b->expiry ? -1 : 1;
	return a->fc < b->fc ? -1 : a->fc > b->fc;
}

#define END_URI_MAX 200 /* of a URI named in a finding */

/* Appends to fd's message at *n (past its end: nothing more). */
static void end_add(struct ims_finding *fd, size_t *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void end_add(struct ims_finding *fd, size_t *n, const char *fmt, ...)
{
	if (*n >= sizeof fd->message)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(fd->message + *n, sizeof fd->message - *n, fmt, ap);
	va_end(ap);
	*n += k > 0 ? (size_t)k : 0;
}

/* The length of a URI named in an end finding (at most END_URI_MAX). */
static int end_uri_len(struct slice u)
{
	return u.len < END_URI_MAX ? (int)u.len : END_URI_MAX;
}

/* Ends fd's message at n: with partial, that what ("the refresh", "the
 * answer") may be among the packets not read; cut with "..." when it did
 * not fit (said, not hidden). */
static void end_close(struct ims_finding *fd, size_t n, bool partial, const char *what)
{
	if (partial)
		end_add(fd, &n, " Some of the capture's packets were not read (encrypted ESP, TCP bytes or SCTP "
			"chunks missing, packets cut short): %s may be among them.", what);
	if (n >= sizeof fd->message)
		memcpy(fd->message + sizeof fd->message - 4, "...", 4);
}

/* ", frame N" into buf, or "" when the frame is not known (0). */
static const char *frame_text(char *buf, size_t cap, uint64_t frame)
{
	buf[0] = '\0';
	if (frame)
		snprintf(buf, cap, ", frame %llu", (unsigned long long)frame);
	return buf;
}

/* The finding of record fc at the capture's end: lapsed (past its
 * expiry) or overdue (past its refresh's due time), what timed it (the
 * 2xx, or a NOTIFY that shortened it), what follows. */
static void end_report(struct ims_finding *fd, const struct ims_flow_call *fc, int64_t end, bool partial)
{
	int64_t span, due;
	const char *when;
	rereg_due(fc, &span, &due, &when);
	const bool lapsed = end > fc->grant_us + span;
	char t_end[PKT_TIME_TEXT_MAX], t_exp[PKT_TIME_TEXT_MAX], t_grant[PKT_TIME_TEXT_MAX];
	char t_due[PKT_TIME_TEXT_MAX], frame[48];
	time_text(t_end, end);
	time_text(t_exp, fc->grant_us + span);
	time_text(t_grant, fc->grant_us);
	time_text(t_due, fc->grant_us + due);
	frame_text(frame, sizeof frame, fc->grant_frame);
	const int cl = end_uri_len(fc->grant_contact), al = end_uri_len(fc->grant_aor);
	size_t n = 0;
	end_add(fd, &n, "contact %.*s of %.*s ", cl, fc->grant_contact.ptr, al, fc->grant_aor.ptr);
	if (lapsed)
		end_add(fd, &n, "expired at %s, and no REGISTER of the UE renewed it before the capture's end at "
			"%s, %.1f s later. ", t_exp, t_end, (double)(end - fc->grant_us - span) / 1e6);
	else
		end_add(fd, &n, "was not renewed by the capture's end at %s, %.1f s after its refresh was due: ",
			t_end, (double)(end - fc->grant_us - due) / 1e6);
	if (fc->grant_shortened) /* only lapsed (end_overdue) */
		end_add(fd, &n, "The reg-event NOTIFY (CSeq %u%s) at %s shortened it to %u s (RFC 3680 §5.1, "
			"event shortened): a network shortens a registration to make the UE re-register (and "
			"so re-authenticate it). From the expiry the UE is not registered there: calls and "
			"SMS to it fail. Check that the UE reads the NOTIFY's expires.",
			(unsigned)fc->grant_cseq, frame, t_grant, (unsigned)fc->grant_expires);
	else
		end_add(fd, &n, "%s 2xx (CSeq %u%s) at %s granted it %u s%s TS 24.229 §5.1.1.4.1 has the UE "
			"re-register %s, at %s.", lapsed ? "The" : "the", (unsigned)fc->grant_cseq, frame,
			t_grant, (unsigned)fc->grant_expires, lapsed ? ";" : ", and", when, t_due);
	if (lapsed && !fc->grant_shortened)
		end_add(fd, &n, " From the expiry the UE is not registered there (the S-CSCF removed the "
			"binding: a reg-event NOTIFY says expired): calls and SMS to it fail. Look for a "
			"refresh the capture missed (another interface, a capture filter), or one never "
			"sent: the UE's refresh timer, its coverage (out of service, detached).");
	else if (!lapsed)
		end_add(fd, &n, " It expires at %s, %.1f s after the capture's end: a refresh this late leaves "
			"little time to retry (challenged again, lost or refused, the registration lapses). "
			"Check the UE's refresh timer (its IMS profile), or capture longer.",
			t_exp, (double)(fc->grant_us + span - end) / 1e6);
	end_close(fd, n, partial, "the refresh");
}

/* What to look at when the UE's REGISTERs (a refresh, or a registration
 * not completed) got last the final response status (0: none, or none to
 * the latest REGISTER). */
static const char *unanswered_advice(unsigned status)
{
	if (status == 0)
		return "A REGISTER with no answer was lost, or its answer was: look at the path to the "
		       "P-CSCF (over IPsec: does it still hold the SAs the REGISTER used?), at the "
		       "S-CSCF's and the HSS's answers, or at what the capture missed.";
	if (status == 401 || status == 407)
		return "The UE did not answer the challenge, or its answer got no final response: look at "
		       "its credentials (IMS AKA: the USIM rejects a nonce whose MAC fails, an old sequence "
		       "number gives a REGISTER with auts, and the answer must go over the new SAs, TS "
		       "33.203 §7.4; digest: the password).";
	if (status == 423)
		return "423 (Interval Too Brief): the UE must register again with an expiry of at least "
		       "the response's Min-Expires (RFC 3261 §10.2.8).";
	if (status == 408 || status == 480 || status / 100 == 5)
		return "The network could not serve it (a timeout, an overloaded CSCF, the HSS not "
		       "answering): its Retry-After, when it has one, says when the UE may try again.";
	return "The network refused it: the response's reason phrase and Warning say why; the UE "
	       "must not send the same REGISTER again (a new initial registration may be needed).";
}

/* Appends to fd's message at *n the last final response to a REGISTER of
 * the AOR of record ar since from_us (" The last final response ... was a
 * 401 (CSeq 3, frame 4) at ...", "; the REGISTER after it got none" when
 * the latest REGISTER, at last_us, came after it; or that none came):
 * its status, 0 when none answered the latest REGISTER. */
static unsigned end_final_text(struct ims_finding *fd, size_t *n, const struct ims_flow_call *ar, int64_t from_us,
			       int64_t last_us)
{
	if (!ar->have_final || ar->final_us < from_us) {
		end_add(fd, n, " No final response to a REGISTER of it came.");
		return 0;
	}
	char t_final[PKT_TIME_TEXT_MAX], f_final[48];
	time_text(t_final, ar->final_us);
	end_add(fd, n, " The last final response to a REGISTER of it was a %u (CSeq %u%s) at %s%s.",
		(unsigned)ar->final_status, (unsigned)ar->final_cseq, frame_text(f_final, sizeof f_final, ar->final_frame),
		t_final, ar->final_us < last_us ? "; the REGISTER after it got none" : "");
	return ar->final_us < last_us ? 0 : ar->final_status;
}

/* The finding of record fc at the capture's end, when the UE renewed it
 * and no 2xx answered before it lapsed: the first and latest REGISTER of
 * the refresh, the AOR's (*ar) last final response after them, the 2xx
 * (or NOTIFY) that timed it, what to look at. */
static void end_report_unanswered(struct ims_finding *fd, const struct ims_flow_call *fc,
				  const struct ims_flow_call *ar, int64_t end, bool partial)
{
	int64_t span, due;
	const char *when;
	rereg_due(fc, &span, &due, &when);
	const int64_t expiry = fc->grant_us + span;
	char t_end[PKT_TIME_TEXT_MAX], t_exp[PKT_TIME_TEXT_MAX], t_grant[PKT_TIME_TEXT_MAX];
	char t_renew[PKT_TIME_TEXT_MAX], t_last[PKT_TIME_TEXT_MAX];
	char f_grant[48], f_renew[48], f_last[48];
	time_text(t_end, end);
	time_text(t_exp, expiry);
	time_text(t_grant, fc->grant_us);
	time_text(t_renew, fc->renew_us);
	time_text(t_last, fc->renew_last_us);
	const int cl = end_uri_len(fc->grant_contact), al = end_uri_len(fc->grant_aor);
	const int64_t lead = expiry - fc->renew_us;
	size_t n = 0;
	end_add(fd, &n, "contact %.*s of %.*s expired at %s, %.1f s before the capture's end at %s, though "
		"the UE renewed it: no 2xx answered its REGISTER (CSeq %u%s) at %s, %.1f s %s the expiry",
		cl, fc->grant_contact.ptr, al, fc->grant_aor.ptr, t_exp, (double)(end - expiry) / 1e6, t_end,
		(unsigned)fc->renew_cseq, frame_text(f_renew, sizeof f_renew, fc->renew_frame), t_renew,
		(double)(lead < 0 ? -lead : lead) / 1e6, lead < 0 ? "after" : "before");
	if (fc->renew_last_us != fc->renew_us || fc->renew_last_cseq != fc->renew_cseq)
		end_add(fd, &n, ", nor the latest (CSeq %u%s) at %s", (unsigned)fc->renew_last_cseq,
			frame_text(f_last, sizeof f_last, fc->renew_last_frame), t_last);
	end_add(fd, &n, ".");
	/* the last final response to a REGISTER of the AOR since the refresh began */
	unsigned status = end_final_text(fd, &n, ar, fc->renew_us, fc->renew_last_us);
	if (fc->grant_shortened)
		end_add(fd, &n, " The reg-event NOTIFY (CSeq %u%s) at %s had shortened it to %u s (RFC 3680 §5.1, "
			"event shortened).", (unsigned)fc->grant_cseq, frame_text(f_grant, sizeof f_grant,
			fc->grant_frame), t_grant, (unsigned)fc->grant_expires);
	else
		end_add(fd, &n, " The 2xx (CSeq %u%s) at %s had granted it %u s.", (unsigned)fc->grant_cseq,
			frame_text(f_grant, sizeof f_grant, fc->grant_frame), t_grant, (unsigned)fc->grant_expires);
	end_add(fd, &n, " From the expiry the UE is not registered there: calls and SMS to it fail. %s",
		unanswered_advice(status));
	end_close(fd, n, partial, "the answer");
}

/* The finding of AOR record fc at the capture's end, its registration not
 * completed: the REGISTERs since its last 2xx (how many, the first and
 * the latest), the last final response after the first, what to look at. */
static void end_report_incomplete(struct ims_finding *fd, const struct ims_flow_call *fc, int64_t end, bool partial)
{
	char t_end[PKT_TIME_TEXT_MAX], t_first[PKT_TIME_TEXT_MAX], t_last[PKT_TIME_TEXT_MAX];
	char f_first[48], f_last[48];
	time_text(t_end, end);
	time_text(t_first, fc->ue_try_us);
	time_text(t_last, fc->ue_reg_us);
	const int al = end_uri_len(fc->grant_aor);
	size_t n = 0;
	end_add(fd, &n, "the UE's registration of %.*s was not completed by the capture's end at %s: ", al,
		fc->grant_aor.ptr, t_end);
	if (fc->ue_try_n == 1)
		end_add(fd, &n, "no 2xx answered its REGISTER (CSeq %u%s) at %s, %.1f s before.",
			(unsigned)fc->ue_reg_cseq, frame_text(f_last, sizeof f_last, fc->ue_reg_frame), t_last,
			(double)(end - fc->ue_reg_us) / 1e6);
	else
		end_add(fd, &n, "no 2xx answered its %u REGISTERs from the first (CSeq %u%s) at %s to the latest "
			"(CSeq %u%s) at %s, %.1f s before.", fc->ue_try_n, (unsigned)fc->ue_try_cseq,
			frame_text(f_first, sizeof f_first, fc->ue_try_frame), t_first, (unsigned)fc->ue_reg_cseq,
			frame_text(f_last, sizeof f_last, fc->ue_reg_frame), t_last, (double)(end - fc->ue_reg_us) / 1e6);
	unsigned status = end_final_text(fd, &n, fc, fc->ue_try_us, fc->ue_reg_us);
	if (fc->ue_refused_status && (fc->ue_refused_status != fc->final_status || fc->ue_refused_cseq != fc->final_cseq))
		end_add(fd, &n, " Before it, a %u (CSeq %u%s) refused one of them.", (unsigned)fc->ue_refused_status,
			(unsigned)fc->ue_refused_cseq, frame_text(f_first, sizeof f_first, fc->ue_refused_frame));
	end_add(fd, &n, " The UE is not registered there: it has no IMS service (calls, SMS) until a REGISTER "
		"gets a 2xx. %s", unanswered_advice(status));
	end_close(fd, n, partial, "the answer");
}

int ims_rules_check_end(struct ims_flow *flow, int64_t end_sec, uint32_t end_usec, bool partial,
			ims_finding_cb cb, void *arg)
{
	if (!flow || !cb)
		return -EINVAL;
	int64_t end = (int64_t)((uint64_t)end_sec * 1000000u + end_usec);
	if (flow->have_end && flow->end_us > end)
		end = flow->end_us;
	const struct ims_rule_info *rereg = NULL, *reg = NULL;
	for (size_t i = 0; i < NRULES; i++)
		if (strcmp(rule_info[i].id, "ts24229.packet.reregistration") == 0)
			rereg = &rule_info[i];
		else if (strcmp(rule_info[i].id, "ts24229.packet.registration") == 0)
			reg = &rule_info[i];
	if (!rereg || !reg)
		return 0;
	/* the bindings overdue or lapsed and the AORs not registered, in one
	 * pass over the records */
	struct end_due *v = NULL;
	size_t k = 0, cap = 0;
	int64_t expiry;
	const struct ims_flow_call *ar;
	for (size_t i = 0; i < flow->ncalls; i++) {
		const bool aor = end_incomplete(flow, &flow->call[i], end, partial);
		if (aor)
			expiry = flow->call[i].ue_reg_us, ar = NULL;
		else if (!end_overdue(flow, &flow->call[i], end, partial, &ar, &expiry))
			continue;
		if (k == cap) {
			cap = cap ? cap * 2 : 16;
			struct end_due *w = imsreg_realloc(v, cap * sizeof *v);
			if (!w) {
				imsreg_free(v);
				return -ENOMEM;
			}
			v = w;
		}
		v[k++] = (struct end_due){ &flow->call[i], ar, expiry, aor };
	}
	if (k)
		qsort(v, k, sizeof *v, end_due_cmp);
	struct ims_finding fd;
	for (size_t i = 0; i < k; i++) {
		const struct ims_rule_info *rule = v[i].aor ? reg : rereg;
		memset(&fd, 0, sizeof fd);
		fd.id = rule->id;
		fd.severity = rule->severity;
		fd.ref = rule->ref;
		fd.hdr = v[i].aor ? SIP_HDR_TO : SIP_HDR_CONTACT;
		fd.hdr_name = SLICE_NULL;
		if (v[i].aor)
			end_report_incomplete(&fd, v[i].fc, end, partial);
		else if (v[i].fc->grant_renewed)
			end_report_unanswered(&fd, v[i].fc, v[i].ar, end, partial);
		else
			end_report(&fd, v[i].fc, end, partial);
		cb(&fd, arg);
	}
	imsreg_free(v);
	return (int)k;
}
