/* render_hdr.c: one header of a message, decoded part by part with its IMS
 * meaning (RFC 3261 §20, RFC 3329, RFC 3310, RFC 5626, RFC 7315, TS 24.229
 * §7.2A, TS 33.203), written to the report (docs/json.md "headers"). */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <imsreg/ims.h>
#include "cli/cli.h"
#include "cli/render.h"

const char *cli_host_type_name(enum sip_host_type t)
{
	switch (t) {
	case SIP_HOST_NAME: return "name";
	case SIP_HOST_IPV4: return "ipv4";
	case SIP_HOST_IPV6: return "ipv6";
	case SIP_HOST_NONE: break;
	}
	return NULL;
}

const char *cli_scheme_name(enum sip_uri_scheme s)
{
	switch (s) {
	case SIP_URI_SIP: return "sip";
	case SIP_URI_SIPS: return "sips";
	case SIP_URI_TEL: return "tel";
	case SIP_URI_OTHER: break;
	}
	return "other";
}

void cli_report_error(struct report *r, const struct cli_msg *m, int rc,
		      const struct sip_parse_error *perr, const char *fallback_at)
{
	unsigned line, col;
	const char *at = perr->at ? perr->at : fallback_at;
	cli_msg_position_at(m, at, &line, &col);
	const char *reason = perr->reason ? perr->reason : "malformed";
	if (rc == -ERANGE && !perr->reason)
		reason = "number too large";
	if (r->format == REPORT_TEXT) {
		report_line(r, STYLE_ERROR, "cannot decode: %s (line %u, column %u)", reason, line, col);
		return;
	}
	/* inside a list the error is an element of its own: {"error": {...}} */
	bool wrap = json_in_array(&r->json);
	if (wrap)
		report_begin(r, NULL, NULL);
	cli_report_error_record(r, "error", reason, line, col);
	if (wrap)
		report_end(r);
}

void cli_report_error_record(struct report *r, const char *key, const char *reason, unsigned line,
			     unsigned col)
{
	report_begin(r, key, NULL);
	report_cstr(r, "reason", NULL, reason, NULL);
	report_u64(r, "line", NULL, line, NULL);
	report_u64(r, "column", NULL, col, NULL);
	report_end(r);
}

/* A value's meaning, without the "value: " it starts with, for text that
 * already shows the value beside it. */
static const char *meaning_after_value(const char *meaning, struct slice value)
{
	if (meaning && value.ptr && value.len && strncasecmp(meaning, value.ptr, value.len) == 0 &&
	    meaning[value.len] == ':' && meaning[value.len + 1] == ' ')
		return meaning + value.len + 2;
	return meaning;
}

/* One parameter with its meaning (ex, or none): text "name: value" and
 * the meaning below (without the value it may start with); JSON {name,
 * value, meaning, ref}. */
static void report_param(struct report *r, const struct sip_param *p, const struct ims_explain *ex)
{
	report_begin(r, NULL, NULL);
	if (r->format == REPORT_TEXT) {
		struct buf d;
		buf_init(&d);
		buf_printf(&d, "%.*s", SLICE_ARG(p->name));
		report_str(r, NULL, d.ptr, slice_present(p->value) ? p->value : slice_cstr("(no value)"), NULL);
		report_keep_error(r, &d);
		buf_fini(&d);
		if (ex)
			report_explain(r, meaning_after_value(ex->meaning, p->value), ex->ref);
	} else {
		report_str(r, "name", NULL, p->name, NULL);
		report_str(r, "value", NULL, p->value, NULL);
		report_explain(r, ex ? ex->meaning : NULL, ex ? ex->ref : NULL);
	}
	report_end(r);
}

/* ";a=b;c" as a JSON array of {name, value, meaning, ref}, the meaning from
 * the catalogue for parameters of header id (SIP_HDR_OTHER: URI parameters,
 * the catalogue's URI parameters). Text: nothing, the value line shows them
 * as written. */
static void report_params(struct report *r, enum sip_hdr_id id, const char *key, struct slice params)
{
	if (r->format == REPORT_TEXT)
		return;
	report_list_begin(r, key, NULL);
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error perr;
	if (params.ptr) {
		sip_param_it_init(&it, params);
		while (sip_param_next(&it, &p, &perr) > 0)
			report_param(r, &p, ims_explain_param(id, p.name));
	}
	report_list_end(r);
}

/* Text: below a URI's line, each of its parameters the catalogue knows
 * (sos, ob, gr, user, transport, lr, npdi, rn, ...), with its meaning
 * (label: "uri parameter", or "number parameter" for those in a user=phone
 * SIP URI's user part); the others are on the URI's line as written. */
static void report_uri_params_text(struct report *r, struct slice params, const char *label)
{
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error perr;
	if (!params.ptr)
		return;
	sip_param_it_init(&it, params);
	while (sip_param_next(&it, &p, &perr) > 0) {
		const struct ims_explain *ex = ims_explain_param(SIP_HDR_OTHER, p.name);
		if (!ex)
			continue;
		struct buf d;
		buf_init(&d);
		if (slice_present(p.value))
			buf_printf(&d, "%.*s=%.*s", SLICE_ARG(p.name), SLICE_ARG(p.value));
		else
			buf_printf(&d, "%.*s", SLICE_ARG(p.name));
		report_begin(r, NULL, NULL);
		report_cstr(r, NULL, label, d.ptr, NULL);
		report_explain(r, ex->meaning, ex->ref);
		report_end(r);
		report_keep_error(r, &d);
		buf_fini(&d);
	}
}

void cli_report_uri(struct report *r, const char *key, const char *label, struct slice text,
		    const struct sip_uri *uri)
{
	if (r->format == REPORT_TEXT) {
		struct buf d;
		buf_init(&d);
		buf_printf(&d, "%s", cli_scheme_name(uri->scheme));
		if (uri->scheme == SIP_URI_OTHER)
			buf_printf(&d, " (%.*s)", SLICE_ARG(uri->scheme_name));
		if (uri->user.ptr)
			buf_printf(&d, ", %s %.*s", uri->scheme == SIP_URI_TEL ? "number" : "user",
				   SLICE_ARG(uri->user));
		if (uri->host.ptr && uri->host.len)
			buf_printf(&d, ", host %.*s (%s)", SLICE_ARG(uri->host),
				   cli_host_type_name(uri->host_type) ? cli_host_type_name(uri->host_type) : "?");
		if (uri->has_port)
			buf_printf(&d, ", port %u", uri->port);
		if (uri->params.ptr && uri->params.len)
			buf_printf(&d, ", params ;%.*s", SLICE_ARG(uri->params));
		if (uri->headers.ptr)
			buf_printf(&d, ", headers ?%.*s", SLICE_ARG(uri->headers));
		report_str(r, key, label, text, d.ptr);
		report_keep_error(r, &d);
		buf_fini(&d);
		report_uri_params_text(r, uri->params, "uri parameter");
		if (uri->scheme != SIP_URI_TEL)
			report_uri_params_text(r, sip_uri_tel_params(uri), "number parameter");
		return;
	}
	report_begin(r, key, NULL);
	report_str(r, "text", NULL, text, NULL);
	report_cstr(r, "scheme", NULL, cli_scheme_name(uri->scheme), NULL);
	report_str(r, "user", NULL, uri->user, NULL);
	report_str(r, "password", NULL, uri->password, NULL);
	report_str(r, "host", NULL, uri->host, NULL);
	report_cstr(r, "host_type", NULL, cli_host_type_name(uri->host_type), NULL);
	if (uri->has_port)
		report_u64(r, "port", NULL, uri->port, NULL);
	else
		report_str(r, "port", NULL, SLICE_NULL, NULL);
	report_params(r, SIP_HDR_OTHER, "params", uri->params);
	/* a user=phone SIP URI's telephone-subscriber parameters (RFC 3261
	 * §19.1.6); a tel URI's are its params */
	report_params(r, SIP_HDR_OTHER, "number_params",
		      uri->scheme == SIP_URI_TEL ? SLICE_NULL : sip_uri_tel_params(uri));
	report_str(r, "headers", NULL, uri->headers, NULL);
	report_str(r, "transport", NULL, uri->transport, NULL);
	report_str(r, "user_param", NULL, uri->user_param, NULL);
	report_bool(r, "lr", NULL, uri->lr, NULL);
	report_str(r, "opaque", NULL, uri->opaque, NULL);
	report_end(r);
}

/* ---- Via ------------------------------------------------------------- */

/* An IP address without the brackets of an IPv6 reference, as bytes; false
 * when it is not one. */
static bool ip_bytes(struct slice s, unsigned char out[16], int *family)
{
	char tmp[INET6_ADDRSTRLEN + 2];
	s = slice_trim(s);
	if (s.len >= 2 && s.ptr[0] == '[' && s.ptr[s.len - 1] == ']') {
		s.ptr++;
		s.len -= 2;
	}
	if (s.len == 0 || s.len >= sizeof tmp)
		return false;
	memcpy(tmp, s.ptr, s.len);
	tmp[s.len] = 0;
	if (inet_pton(AF_INET, tmp, out) == 1) {
		*family = AF_INET;
		return true;
	}
	if (inet_pton(AF_INET6, tmp, out) == 1) {
		*family = AF_INET6;
		return true;
	}
	return false;
}

/* What received says next to the sent-by host: the next hop adds it when
 * sent-by is a name or another address (RFC 3261 §18.2.1), and with rport
 * also when it is the same address (RFC 3581 §4); only a different address
 * tells of NAT. */
static const char *received_note(const struct sip_via *via)
{
	unsigned char a[16], b[16];
	int fa, fb;
	if (via->host_type == SIP_HOST_NAME)
		return "source address the next hop saw; sent-by is a host name, so the hop "
		       "always adds it (RFC 3261 §18.2.1)";
	if (!ip_bytes(via->host, a, &fa) || !ip_bytes(via->received, b, &fb))
		return "source address the next hop saw (RFC 3261 §18.2.1)";
	if (fa == fb && memcmp(a, b, fa == AF_INET ? 4 : 16) == 0)
		return via->has_rport
		       ? "source address the next hop saw: the same as sent-by, so no NAT on this hop; "
			 "with rport the hop adds received even then (RFC 3581 §4)"
		       : "source address the next hop saw: the same as sent-by, so no NAT on this hop";
	return "source address the next hop saw; it differs from sent-by: NAT or multihoming";
}

static int render_via(struct report *r, const struct cli_msg *m, struct slice item, unsigned n)
{
	struct sip_via via;
	struct sip_parse_error perr = { 0 };
	char title[32];
	snprintf(title, sizeof title, "via %u", n);
	report_begin(r, NULL, title);
	int rc = sip_via_decode(&via, item, &perr);
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, item.ptr);
		report_end(r);
		return 1;
	}
	report_str(r, "protocol", NULL, via.protocol, NULL);
	report_str(r, "version", NULL, via.version, NULL);
	report_str(r, "transport", NULL, via.transport,
		   "how the UE sends and expects responses; the P-CSCF answers over it");
	report_str(r, "host", "sent-by host", via.host, cli_host_type_name(via.host_type));
	if (via.has_port)
		report_u64(r, "port", "sent-by port", via.port, NULL);
	else if (r->format == REPORT_JSON)
		report_str(r, "port", NULL, SLICE_NULL, NULL);
	else
		report_line(r, STYLE_NONE, "sent-by port: (none: 5060 for UDP/TCP, 5061 for TLS)");
	bool cookie = via.branch.ptr && slice_startswith_case(via.branch, "z9hG4bK");
	report_str(r, "branch", NULL, via.branch,
		   cookie ? "transaction id; starts with the RFC 3261 magic cookie z9hG4bK"
			  : "transaction id WITHOUT the z9hG4bK magic cookie: RFC 2543 style matching");
	report_str(r, "received", NULL, via.received, via.received.ptr ? received_note(&via) : NULL);
	if (r->format == REPORT_JSON) {
		report_bool(r, "rport", NULL, via.has_rport, NULL);
		/* a bare ;rport has no value: null, as in its params entry */
		report_str(r, "rport_value", NULL, via.has_rport && via.rport.len ? via.rport : SLICE_NULL, NULL);
	} else if (via.has_rport) {
		report_str(r, "rport", NULL, via.rport.len ? via.rport : SLICE_LIT("(asked)"),
			   "RFC 3581: respond to the source port (NAT traversal)");
	}
	report_str(r, "maddr", NULL, via.maddr, NULL);
	report_str(r, "ttl", NULL, via.ttl, NULL);
	report_params(r, SIP_HDR_VIA, "params", via.params);
	report_end(r);
	return 0;
}

/* ---- addresses (From, To, Route, Path, Contact, ...) ------------------ */

static const char *tag_kind_name(enum ims_tag_kind k)
{
	switch (k) {
	case IMS_TAG_ICSI: return "icsi";
	case IMS_TAG_IARI: return "iari";
	case IMS_TAG_SMSIP: return "smsip";
	case IMS_TAG_SMSIP_WRONG: return "smsip_misspelt";
	case IMS_TAG_MEDIA: return "media";
	case IMS_TAG_RCS_TELEPHONY: return "rcs_telephony";
	case IMS_TAG_INSTANCE: return "instance";
	case IMS_TAG_REG_ID: return "reg_id";
	case IMS_TAG_GENERIC: return "feature_tag";
	case IMS_TAG_CONTACT_PARAM: return "contact_param";
	case IMS_TAG_OTHER: break;
	}
	return "other";
}

static const char *instance_kind_name(enum ims_instance_kind k)
{
	switch (k) {
	case IMS_INSTANCE_IMEI: return "imei";
	case IMS_INSTANCE_IMEISV: return "imeisv";
	case IMS_INSTANCE_UUID: return "uuid";
	case IMS_INSTANCE_OTHER: break;
	}
	return "other";
}

static void render_instance(struct report *r, struct slice value)
{
	struct ims_instance inst;
	memset(&inst, 0, sizeof inst);
	int rc = ims_instance_decode(&inst, value);
	report_begin(r, "instance", "instance id");
	report_cstr(r, "kind", NULL, instance_kind_name(inst.kind), NULL);
	report_str(r, "urn", NULL, inst.urn, NULL);
	if (inst.kind == IMS_INSTANCE_IMEI || inst.kind == IMS_INSTANCE_IMEISV) {
		char spare[2] = { inst.spare, 0 }, check[2] = { inst.check, 0 };
		report_cstr(r, "tac", "TAC", inst.tac[0] ? inst.tac : NULL,
			    "Type Allocation Code: the device model (TS 23.003 §6.2)");
		report_cstr(r, "snr", "SNR", inst.snr[0] ? inst.snr : NULL,
			    "serial number within the TAC");
		report_cstr(r, "spare", "spare digit", inst.spare ? spare : NULL,
			    inst.spare_is_zero ? "0 as TS 23.003 §6.2.1 and RFC 7254 require in the URN"
					       : "must be 0 in the URN (TS 23.003 §6.2.1, RFC 7254)");
		report_cstr(r, "check_digit", "Luhn check digit", inst.check ? check : NULL,
			    "computed over TAC+SNR (TS 23.003 Annex B); never sent: the URN ends with the spare digit");
		if (inst.kind == IMS_INSTANCE_IMEISV || r->format == REPORT_JSON)
			report_cstr(r, "svn", "software version", inst.svn[0] ? inst.svn : NULL, NULL);
		if (r->format == REPORT_JSON)
			report_bool(r, "spare_is_zero", NULL, inst.spare_is_zero, NULL);
	} else if (r->format == REPORT_JSON) {
		/* the IMEI members, null (docs/json.md: always present) */
		const char *keys[] = { "tac", "snr", "spare", "check_digit", "svn", "spare_is_zero" };
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
			report_str(r, keys[i], NULL, SLICE_NULL, NULL);
	}
	if (inst.kind == IMS_INSTANCE_UUID || r->format == REPORT_JSON) {
		if (inst.kind == IMS_INSTANCE_UUID)
			report_u64(r, "uuid_version", "UUID version", inst.uuid_version, NULL);
		else
			report_str(r, "uuid_version", NULL, SLICE_NULL, NULL);
	}
	/* the parameter's value is "<urn>" in quotes (RFC 5626 §4.1); a bare
	 * URN decodes, but a registrar comparing as written will not match it */
	const char *problem = inst.problem;
	if (rc == 0 && inst.well_formed && !inst.angled)
		problem = "no '<' '>' around the URN: RFC 5626 §4.1 writes +sip.instance=\"<urn:...>\"";
	report_bool(r, "well_formed", "well formed", rc == 0 && inst.well_formed && inst.angled, NULL);
	report_cstr(r, "problem", "problem", problem, NULL);
	report_end(r);
}

/* A parameter as written, its value cut at 100 bytes, for a title. */
static void param_title(char *title, size_t cap, const struct sip_param *p)
{
	if (p->value.ptr) {
		bool cut = p->value.len > 100;
		const char *quote = p->quoted ? "\"" : "";
		snprintf(title, cap, "%.*s=%s%.*s%s%s", SLICE_ARG(p->name), quote,
			 (int)(cut ? 100 : p->value.len), p->value.ptr, cut ? "..." : "", quote);
	} else {
		snprintf(title, cap, "%.*s", SLICE_ARG(p->name));
	}
}

/* The ICSI / IARI services a feature tag or indicator lists (a list in JSON
 * always, empty for the others). */
static void render_services(struct report *r, const struct ims_feature_tag *t)
{
	if (t->kind == IMS_TAG_ICSI || t->kind == IMS_TAG_IARI || r->format == REPORT_JSON) {
		report_list_begin(r, "services", t->nservices ? "services" : NULL);
		for (unsigned i = 0; i < t->nservices && i < 8; i++) {
			const struct ims_service *s = &t->services[i];
			/* the URN unescaped (RFC 3840 §9 writes ':' as %3A in a
			 * tag value); the written form kept beside it */
			char urn[256];
			int un = ims_unescape(urn, sizeof urn, t->service_urns[i]);
			struct slice decoded = un >= 0 ? slice_make(urn, (size_t)un) : SLICE_NULL;
			if (r->format == REPORT_TEXT) {
				struct slice shown = decoded.ptr ? decoded : t->service_urns[i];
				bool escaped = decoded.ptr && !slice_eq(decoded, t->service_urns[i]);
				report_line(r, STYLE_NONE, "- %.*s: %s%s%s%s%s%.*s%s", SLICE_ARG(shown),
					    s->name ? s->name : "unknown service", s->ref ? " [" : "",
					    s->ref ? s->ref : "", s->ref ? "]" : "",
					    escaped ? " (written " : "",
					    escaped ? (int)t->service_urns[i].len : 0,
					    escaped ? t->service_urns[i].ptr : "", escaped ? ")" : "");
				continue;
			}
			report_begin(r, NULL, NULL);
			report_str(r, "urn_as_written", NULL, t->service_urns[i], NULL);
			report_cstr(r, "urn", NULL, s->urn, NULL);
			report_cstr(r, "name", NULL, s->name, NULL);
			report_cstr(r, "ref", NULL, s->ref, NULL);
			report_str(r, "urn_decoded", NULL, decoded, NULL);
			report_end(r);
		}
		report_list_end(r);
	}
}

/* Every header parameter of a Contact, each explained as a feature tag. */
static void render_contact_params(struct report *r, const struct cli_msg *m, struct slice params)
{
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error perr = { 0 };
	report_list_begin(r, "params", NULL);
	if (!params.ptr) {
		report_list_end(r);
		return;
	}
	sip_param_it_init(&it, params);
	int rc;
	while ((rc = sip_param_next(&it, &p, &perr)) > 0) {
		struct ims_feature_tag t;
		memset(&t, 0, sizeof t);
		ims_feature_tag_describe(&t, &p);
		char title[160];
		param_title(title, sizeof title, &p);
		report_begin(r, NULL, title);
		if (r->format == REPORT_JSON) {
			report_str(r, "name", NULL, p.name, NULL);
			report_str(r, "value", NULL, p.value, NULL);
			report_bool(r, "quoted", NULL, p.quoted, NULL);
		}
		report_cstr(r, "kind", "kind", tag_kind_name(t.kind), NULL);
		report_explain(r, t.meaning, t.ref);
		render_services(r, &t);
		if (t.kind == IMS_TAG_INSTANCE && p.value.ptr)
			render_instance(r, p.value);
		report_end(r);
	}
	if (rc < 0)
		cli_report_error(r, m, rc, &perr, params.ptr);
	report_list_end(r);
}

/* One address element; contact adds expires, q and the feature tags. */
static int render_addr(struct report *r, const struct cli_msg *m, enum sip_hdr_id id,
		       struct slice item, const char *title, bool contact)
{
	struct sip_addr a;
	struct sip_parse_error perr = { 0 };
	report_begin(r, NULL, title);
	int rc = sip_addr_decode(&a, item, contact ? SIP_ADDR_ALLOW_STAR : 0, &perr);
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, item.ptr);
		report_end(r);
		return 1;
	}
	if (contact && r->format == REPORT_JSON)
		report_bool(r, "star", NULL, a.star, NULL);
	if (a.star) {
		report_line(r, STYLE_NONE, "* : every binding of the AOR (only with Expires: 0, RFC 3261 §10.2.2)");
		if (r->format == REPORT_JSON) {
			/* the members of a contact, all null, so every element has them */
			const char *keys[] = { "display", "uri", "tag", "expires", "q" };
			for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
				report_str(r, keys[i], NULL, SLICE_NULL, NULL);
			report_list_begin(r, "params", NULL);
			report_list_end(r);
		}
		report_end(r);
		return 0;
	}
	report_str(r, "display", "display name", a.display, NULL);
	cli_report_uri(r, "uri", "uri", a.uri_text, &a.uri);
	report_str(r, "tag", "tag", a.tag, "dialog tag of this side (RFC 3261 §19.3)");
	if (contact) {
		if (a.has_expires)
			report_u64(r, "expires", "expires", a.expires,
				   m->msg.is_request
				   ? (a.expires == 0 ? "0: remove this binding" : "seconds asked for this contact")
				   : (a.expires == 0 ? "0: this binding is removed"
						     : "seconds the registrar granted this binding (RFC 3261 §10.3 step 8)"));
		else if (r->format == REPORT_JSON)
			report_str(r, "expires", NULL, SLICE_NULL, NULL);
		report_str(r, "q", "q", a.q, "preference among the contacts of the AOR");
		render_contact_params(r, m, a.params);
	} else {
		report_params(r, id, "params", a.params);
	}
	report_end(r);
	return 0;
}

/* ---- Authorization / WWW-Authenticate / Authentication-Info ----------- */

static const char *auth_field_meaning(enum sip_auth_field f, bool challenge)
{
	switch (f) {
	case SIP_AUTH_USERNAME: return "the private identity (IMPI) authenticated (TS 24.229 §5.1.1.2)";
	case SIP_AUTH_REALM: return challenge ? "the home network domain issuing the challenge"
					      : "the home network domain the IMPI belongs to";
	case SIP_AUTH_NONCE: return challenge ? "the challenge; for IMS AKA base64(RAND || AUTN) (RFC 3310 §3.2)"
					      : "the challenge answered; empty before the first 401";
	case SIP_AUTH_URI: return "digest-uri: the Request-URI the response covers";
	case SIP_AUTH_RESPONSE: return "the digest answer (RES used as the password for AKA)";
	case SIP_AUTH_ALGORITHM: return "how the password is obtained and hashed: AKAv1-* RES from the ISIM (RFC 3310), "
					"AKAv2-* a key from RES, IK, CK (RFC 4169), MD5/SHA-256 a plain password (RFC 7616)";
	case SIP_AUTH_CNONCE: return "the client nonce mixed into the response (qop)";
	case SIP_AUTH_OPAQUE: return "server data the UE must return unchanged";
	case SIP_AUTH_QOP: return "quality of protection: auth or auth-int";
	case SIP_AUTH_NC: return "nonce count: how many times this nonce was used (hex)";
	case SIP_AUTH_AUTS: return "re-synchronisation token: the USIM found the SQN out of range";
	case SIP_AUTH_DOMAIN: return "protection space";
	case SIP_AUTH_STALE: return "true: the nonce expired, retry with the new one without asking the user; "
				    "false or absent: not a nonce expiry (RFC 7616 §3.3)";
	case SIP_AUTH_INTEGRITY_PROTECTED: return "P-CSCF tells the S-CSCF how the REGISTER reached it: yes/no (IMS AKA, IPsec SA), "
						  "tls-pending/tls-yes (digest over TLS), ip-assoc-pending/ip-assoc-yes (digest, "
						  "IP association), auth-done (already authenticated) (TS 24.229 §7.2A.2)";
	case SIP_AUTH_CK: return "cipher key (seen in Cx-style 401s, TS 33.203)";
	case SIP_AUTH_IK: return "integrity key (seen in Cx-style 401s, TS 33.203)";
	case SIP_AUTH_RSPAUTH: return "mutual authentication: the server's proof";
	case SIP_AUTH_NEXTNONCE: return "the nonce to use next";
	default: break;
	}
	return NULL;
}

/* What the response of credentials a is: it depends on the algorithm (RES,
 * a key from RES/IK/CK, or a password) and on auts (resynchronisation: the
 * digest with an empty password, RFC 3310 §3.4). */
static const char *response_note(const struct sip_auth *a)
{
	struct slice resp = a->field[SIP_AUTH_RESPONSE], alg = a->field[SIP_AUTH_ALGORITHM];
	if (a->field[SIP_AUTH_AUTS].ptr)
		return resp.len == 0
		       ? "empty, but a resynchronisation REGISTER (auts) carries the digest computed with "
			 "an empty password (RFC 3310 §3.4)"
		       : "the digest computed with an empty password: this REGISTER carries auts "
			 "(resynchronisation), there is no RES (RFC 3310 §3.4)";
	if (resp.len == 0)
		return a->field[SIP_AUTH_NONCE].len == 0
		       ? "empty: nothing to answer yet; this is the initial REGISTER (TS 24.229 §5.1.1.2.1)"
		       : "empty although a nonce is answered: no digest was computed";
	if (alg.ptr && slice_startswith_case(alg, "AKAv1-"))
		return "the digest answer, with RES from the ISIM as the password (RFC 3310 §3.3)";
	if (alg.ptr && slice_startswith_case(alg, "AKAv2-"))
		return "the digest answer, with a password derived from RES, IK and CK (RFC 4169 §3)";
	if (alg.ptr && slice_startswith_case(alg, "AKAv"))
		return "the digest answer, with a password from AKA (RFC 3310 §3.1)";
	return "the digest answer, computed with the user's password, not AKA (RFC 7616 §3.4.1)";
}

static void render_aka_nonce(struct report *r, struct slice nonce)
{
	struct ims_aka_nonce n;
	memset(&n, 0, sizeof n);
	report_begin(r, "aka", "AKA nonce (RFC 3310 §3.2, TS 33.102 §6.3)");
	int rc = ims_aka_nonce_decode(&n, nonce);
	if (rc < 0) {
		report_cstr(r, "error", "cannot decode",
			    rc == -EMSGSIZE ? "shorter than RAND || AUTN (32 bytes)" : "not base64", NULL);
		report_end(r);
		return;
	}
	report_hex(r, "rand", "RAND", n.rand, 16, "random challenge");
	report_hex(r, "autn", "AUTN", n.autn, 16, "SQN^AK || AMF || MAC");
	report_hex(r, "sqn_xor_ak", "SQN^AK", n.sqn_xor_ak, 6, "sequence number hidden by the anonymity key");
	report_hex(r, "amf", "AMF", n.amf, 2, n.amf_separation_bit ? "separation bit set (E-UTRAN, TS 33.401)" : NULL);
	report_hex(r, "mac", "MAC", n.mac, 8, "network authentication code the USIM checks");
	report_bool(r, "amf_separation_bit", "AMF separation bit", n.amf_separation_bit, NULL);
	report_u64(r, "server_data_len", "server data bytes", n.server_data_len, NULL);
	report_u64(r, "decoded_len", "decoded bytes", n.decoded_len, NULL);
	report_end(r);
}

static void render_auts(struct report *r, struct slice auts)
{
	struct ims_auts a;
	report_begin(r, "auts_decoded", "auts (RFC 3310 §3.4, TS 33.102 §6.3.3)");
	if (ims_auts_decode(&a, auts) < 0) {
		report_cstr(r, "error", "cannot decode", "not base64 of 14 bytes", NULL);
	} else {
		report_hex(r, "sqn_ms_xor_ak", "SQN_MS^AK*", a.sqn_ms_xor_ak_star, 6,
			   "the USIM's sequence number, hidden by AK*");
		report_hex(r, "mac_s", "MAC-S", a.mac_s, 8, "resync authentication code");
	}
	report_end(r);
}

static int render_auth(struct report *r, const struct cli_msg *m, const struct sip_hdr *h,
		       bool challenge, bool info)
{
	struct slice rest = h->value;
	int errors = 0;
	unsigned n = 0;
	report_list_begin(r, "elements", NULL);
	while (rest.ptr && rest.len) {
		struct sip_auth a;
		struct sip_parse_error perr = { 0 };
		struct slice value = rest;
		int rc;
		if (info) {
			rc = sip_auth_info_decode(&a, value, &perr);
			rest = SLICE_NULL;
		} else {
			rc = sip_auth_decode(&a, value, &rest, &perr);
		}
		char title[48];
		snprintf(title, sizeof title, info ? "info" : challenge ? "challenge %u" : "credentials %u", ++n);
		report_begin(r, NULL, title);
		if (rc < 0) {
			cli_report_error(r, m, rc, &perr, value.ptr);
			report_end(r);
			errors++;
			break;
		}
		if (!info)
			report_str(r, "scheme", "scheme", a.scheme, NULL);
		bool aka = a.field[SIP_AUTH_ALGORITHM].ptr &&
			   slice_startswith_case(a.field[SIP_AUTH_ALGORITHM], "AKAv");
		report_begin(r, "fields", NULL);
		for (int f = 0; f < SIP_AUTH__COUNT; f++) {
			struct slice v = a.field[f];
			if (!v.ptr)
				continue;
			const char *name = sip_auth_field_name((enum sip_auth_field)f);
			const struct ims_explain *vx = ims_explain_param_value(h->id, slice_cstr(name), v);
			const char *note = vx ? vx->meaning : auth_field_meaning((enum sip_auth_field)f, challenge);
			if (f == SIP_AUTH_NONCE && v.len == 0)
				note = "empty: no challenge yet; this is the initial REGISTER (TS 24.229 §5.1.1.2.1)";
			if (f == SIP_AUTH_RESPONSE && !challenge && !info)
				note = response_note(&a);
			report_str(r, sip_auth_field_name((enum sip_auth_field)f),
				   sip_auth_field_name((enum sip_auth_field)f), v,
				   r->format == REPORT_TEXT ? note : NULL);
		}
		report_end(r);
		if (r->format == REPORT_JSON) {
			/* what each field present means: the catalogue, else a short text here */
			report_list_begin(r, "field_info", NULL);
			for (int f = 0; f < SIP_AUTH__COUNT; f++) {
				if (!a.field[f].ptr)
					continue;
				const char *name = sip_auth_field_name((enum sip_auth_field)f);
				const struct ims_explain *ex = ims_explain_param_value(h->id, slice_cstr(name), a.field[f]);
				if (!ex)
					ex = ims_explain_param(h->id, slice_cstr(name));
				report_begin(r, NULL, NULL);
				report_cstr(r, "name", NULL, name, NULL);
				if (f == SIP_AUTH_RESPONSE && !challenge && !info)
					report_explain(r, response_note(&a), ex ? ex->ref : NULL);
				else
					report_explain(r, ex ? ex->meaning : auth_field_meaning((enum sip_auth_field)f, challenge),
						       ex ? ex->ref : NULL);
				report_end(r);
			}
			report_list_end(r);
		}
		if (a.has_nc) {
			char note[96];
			snprintf(note, sizeof note, "use number %" PRIu32 " of this nonce%s", a.nc,
				 a.nc == 1 ? " (first answer to the challenge)" : "");
			report_u64(r, "nc", "nonce count", a.nc, note);
		} else if (r->format == REPORT_JSON) {
			report_str(r, "nc", NULL, SLICE_NULL, NULL);
		}
		report_u64(r, "nparams", "parameters", a.nparams, NULL);
		if (aka && a.field[SIP_AUTH_NONCE].len > 0)
			render_aka_nonce(r, a.field[SIP_AUTH_NONCE]);
		if (a.field[SIP_AUTH_AUTS].ptr)
			render_auts(r, a.field[SIP_AUTH_AUTS]);
		report_end(r);
	}
	report_list_end(r);
	if (n > 1 && !info)
		report_line(r, STYLE_WARNING, "%u %s in one header field: RFC 3261 §7.3.1 forbids combining them with commas",
			    n, challenge ? "challenges" : "credentials");
	return errors;
}

/* ---- Security-Client / -Server / -Verify ------------------------------ */

static int render_security(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct sip_list it;
	struct slice item;
	struct sip_parse_error perr = { 0 };
	int errors = 0, rc;
	unsigned n = 0, nmedia = 0;
	if (r->format == REPORT_TEXT)
		report_line(r, STYLE_DIM, "%-3s %-11s %-14s %-13s %-10s %-10s %-6s %-6s %-5s %-5s %s", "#",
			    "mechanism", "alg", "ealg", "spi-c", "spi-s", "port-c", "port-s", "prot", "mod", "q");
	report_list_begin(r, "elements", NULL);
	sip_list_init(&it, h->value);
	while ((rc = sip_list_next(&it, &item, &perr)) > 0) {
		struct sip_sec_mech s;
		n++;
		rc = sip_sec_mech_decode(&s, item, &perr);
		if (rc < 0) {
			report_begin(r, NULL, NULL);
			cli_report_error(r, m, rc, &perr, item.ptr);
			report_end(r);
			errors++;
			continue;
		}
		struct sip_param ms;
		bool media = sip_param_find(s.params, "mediasec", &ms);
		nmedia += media;
		if (r->format == REPORT_TEXT) {
			char spic[12] = "-", spis[12] = "-", pc[8] = "-", ps[8] = "-";
			if (s.has_spi_c)
				snprintf(spic, sizeof spic, "%" PRIu32, s.spi_c);
			if (s.has_spi_s)
				snprintf(spis, sizeof spis, "%" PRIu32, s.spi_s);
			if (s.has_port_c)
				snprintf(pc, sizeof pc, "%u", s.port_c);
			if (s.has_port_s)
				snprintf(ps, sizeof ps, "%u", s.port_s);
#define OR_DASH(x) (int)((x).ptr ? (x).len : 1), ((x).ptr ? (x).ptr : "-")
			report_line(r, STYLE_NONE, "%-3u %-11.*s %-14.*s %-13.*s %-10s %-10s %-6s %-6s %-5.*s %-5.*s %.*s%s",
				    n, OR_DASH(s.mechanism), OR_DASH(s.alg), OR_DASH(s.ealg), spic, spis, pc,
				    ps, OR_DASH(s.prot), OR_DASH(s.mod), OR_DASH(s.q), media ? "  (media)" : "");
#undef OR_DASH
			continue;
		}
		report_begin(r, NULL, NULL);
		report_str(r, "mechanism", NULL, s.mechanism, NULL);
		report_str(r, "alg", NULL, s.alg, NULL);
		report_str(r, "ealg", NULL, s.ealg, NULL);
#define U32_OR_NULL(key, has, v)                                   \
	do {                                                       \
		if (has)                                           \
			report_u64(r, key, NULL, v, NULL);         \
		else                                               \
			report_str(r, key, NULL, SLICE_NULL, NULL); \
	} while (0)
		U32_OR_NULL("spi_c", s.has_spi_c, s.spi_c);
		U32_OR_NULL("spi_s", s.has_spi_s, s.spi_s);
		U32_OR_NULL("port_c", s.has_port_c, s.port_c);
		U32_OR_NULL("port_s", s.has_port_s, s.port_s);
#undef U32_OR_NULL
		report_str(r, "prot", NULL, s.prot, NULL);
		report_str(r, "mod", NULL, s.mod, NULL);
		report_str(r, "q", NULL, s.q, NULL);
		report_str(r, "d_alg", NULL, s.d_alg, NULL);
		report_str(r, "d_qop", NULL, s.d_qop, NULL);
		report_str(r, "d_ver", NULL, s.d_ver, NULL);
		report_bool(r, "mediasec", NULL, media, NULL);
		report_params(r, SIP_HDR_SECURITY_CLIENT, "params", s.params);
		report_end(r);
	}
	if (rc < 0) {
		report_begin(r, NULL, NULL);
		cli_report_error(r, m, rc, &perr, h->value.ptr);
		report_end(r);
		errors++;
	}
	report_list_end(r);
	if (r->format == REPORT_TEXT)
		report_line(r, STYLE_DIM, "alg: integrity (hmac-md5-96 / hmac-sha-1-96), ealg: encryption; "
			    "spi-c/port-c: the UE's client side, spi-s/port-s: its server side (TS 33.203 §7)");
	if (r->format == REPORT_TEXT && nmedia)
		report_line(r, STYLE_DIM, "(media): marked mediasec, a media plane mechanism (SRTP by SDES, "
			    "MSRP/BFCP over TLS, UDPTL over DTLS to the access edge), agreed beside the "
			    "signalling one and not in its place (TS 24.229 §7.2A.7)");
	return errors;
}

/* ---- P-Access-Network-Info ------------------------------------------- */

/* One access-net-spec of P-Access-Network-Info, or the value of
 * Cellular-Network-Info (the same grammar, with cell-info-age): the access
 * type, the location parameter, and the cell id split by its layout. */
static void render_access_spec(struct report *r, const struct ims_pani *pp, bool pani)
{
	const struct ims_pani p = *pp;
	report_str(r, "access_type", "access type", p.access_type, p.access_name);
	if (r->format == REPORT_JSON)
		report_cstr(r, "access_name", NULL, p.access_name, NULL);
	/* a cell layout applies (3GPP radio access): its length and
	 * verdict are shown; for other accesses (Wi-Fi, DSL, ...) the
	 * text leaves them out, JSON keeps its keys */
	bool layout = p.expected_len_mnc3 || p.cell_problem || p.cell_problem_text[0];
	report_str(r, "cell_param", layout ? "cell parameter" : "location parameter", p.cell_param, NULL);
	report_str(r, "cell_value", layout ? "cell id as written" : "location as written", p.cell_value, NULL);
	/* network-provided is PANI's (the text leaves it out of
	 * Cellular-Network-Info unless written there) */
	if (pani || p.network_provided || r->format == REPORT_JSON)
		report_bool(r, "network_provided", "network-provided", p.network_provided,
			    p.network_provided ? "added by the P-CSCF/network, trusted for charging and emergency"
					       : NULL);
	report_str(r, "local_time_zone", "local time zone", p.local_time_zone, NULL);
	report_str(r, "daylight_saving_time", "daylight saving time", p.daylight_saving_time, NULL);
	report_str(r, "ue_local_ip", "UE local IP address", p.ue_local_ip,
		   "the UE's address outside its tunnel to the ePDG, as the ePDG sees it (after NAT)");
	report_str(r, "udp_source_port", "UDP source port", p.udp_source_port,
		   "of the UE's IKEv2 and IPsec traffic to the ePDG, as the ePDG sees it");
	report_str(r, "tcp_source_port", "TCP source port", p.tcp_source_port,
		   "of the UE's TCP tunnel to the ePDG (firewall traversal), as the ePDG sees it");
	report_str(r, "epdg_ip", "ePDG IP address", p.epdg_ip, "where the UE's tunnel ends");
	if (p.wlan_node_ok) {
		report_cstr(r, "wlan_node_mac", "AP MAC address (BSSID)", p.wlan_node_mac,
			    p.wlan_node_placeholder
			    ? "all ones or all zeros: a placeholder, the UE gave no AP address"
			    : "the Wi-Fi access point the UE is attached to");
		if (r->format == REPORT_JSON)
			report_bool(r, "wlan_node_placeholder", NULL, p.wlan_node_placeholder, NULL);
	} else if (r->format == REPORT_JSON) {
		report_str(r, "wlan_node_mac", NULL, SLICE_NULL, NULL);
		report_str(r, "wlan_node_placeholder", NULL, SLICE_NULL, NULL);
	}
	if (r->format == REPORT_TEXT && p.wlan_node_problem)
		report_line(r, STYLE_WARNING, "problem: i-wlan-node-id is %s", p.wlan_node_problem);
	else
		report_cstr(r, "wlan_node_problem", NULL, p.wlan_node_problem, NULL);
	if (p.cell_value.ptr && (layout || r->format == REPORT_JSON)) {
		char note[96];
		/* expected_len is the layout chosen (the 3-digit one for a 3-digit MNC) */
		snprintf(note, sizeof note, "%zu expected with a 2-digit MNC, %zu with a 3-digit MNC",
			 p.expected_len_mnc3 ? p.expected_len_mnc3 - 1 : 0, p.expected_len_mnc3);
		report_u64(r, "cell_len", "cell id length", p.cell_len ? p.cell_len : p.cell_value.len,
			   p.expected_len_mnc3 ? note : NULL);
	} else if (r->format == REPORT_JSON) {
		report_str(r, "cell_len", NULL, SLICE_NULL, NULL);
	}
	if (r->format == REPORT_JSON) {
		if (p.expected_len)
			report_u64(r, "expected_len", NULL, p.expected_len, NULL);
		else
			report_str(r, "expected_len", NULL, SLICE_NULL, NULL);
		if (p.expected_len_mnc3)
			report_u64(r, "expected_len_mnc3", NULL, p.expected_len_mnc3, NULL);
		else
			report_str(r, "expected_len_mnc3", NULL, SLICE_NULL, NULL);
	}
	if (layout || r->format == REPORT_JSON)
		report_bool(r, "cell_ok", "cell id well formed", p.cell_ok, NULL);
	const char *problem = p.cell_problem_text[0] ? p.cell_problem_text : p.cell_problem;
	if (r->format == REPORT_TEXT && problem)
		report_line(r, STYLE_WARNING, "problem: %s", problem);
	else
		report_cstr(r, "cell_problem", NULL, problem, NULL);
	if (p.cell_ok) {
		char v[48];
		const char *tac_name = p.tac_name ? p.tac_name : "TAC";
		const char *cell_name = p.cell_name ? p.cell_name : "cell id";
		const char *node_name = p.node_name;
		report_cstr(r, "mcc", "MCC", p.mcc, "mobile country code");
		report_cstr(r, "mnc", "MNC", p.mnc,
			    strlen(p.mnc) == 3 ? "3-digit mobile network code" : "2-digit mobile network code");
		snprintf(v, sizeof v, "0x%" PRIx32, p.tac);
		report_u64(r, "tac", tac_name, p.tac, v);
		if (r->format == REPORT_JSON) {
			report_cstr(r, "tac_name", NULL, tac_name, NULL);
			report_bool(r, "tac_5gs", NULL, p.tac_5gs, NULL);
		}
		snprintf(v, sizeof v, "0x%" PRIx64, p.cell_id);
		report_u64(r, "cell_id", cell_name, p.cell_id, v);
		if (r->format == REPORT_JSON) {
			report_cstr(r, "cell_name", NULL, cell_name, NULL);
			report_cstr(r, "node_name", NULL, node_name, NULL);
		}
		if (node_name) {
			char label[32];
			snprintf(label, sizeof label, "%s id", node_name);
			report_u64(r, "enb_or_gnb_id", label, p.enb_or_gnb_id,
				   p.access == IMS_ACCESS_NR_FDD || p.access == IMS_ACCESS_NR_TDD
				   ? "NCI >> 12, assuming a 24-bit gNB id (TS 38.413)" : NULL);
			report_u64(r, "local_cell", "cell in the node", p.local_cell, NULL);
		} else if (r->format == REPORT_JSON) {
			report_u64(r, "enb_or_gnb_id", NULL, p.enb_or_gnb_id, NULL);
			report_u64(r, "local_cell", NULL, p.local_cell, NULL);
		}
	} else if (r->format == REPORT_JSON) {
		/* the members of a well-formed cell id, null (docs/json.md: always present) */
		const char *keys[] = { "mcc", "mnc", "tac", "tac_name", "tac_5gs", "cell_id",
				       "cell_name", "node_name", "enb_or_gnb_id", "local_cell" };
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
			report_str(r, keys[i], NULL, SLICE_NULL, NULL);
	}
}

static int render_pani(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct slice value = h->value;
	unsigned n = 0;
	report_list_begin(r, "elements", NULL);
	while (value.ptr && value.len) {
		struct ims_pani p;
		struct sip_parse_error perr = { 0 };
		char title[32];
		memset(&p, 0, sizeof p);
		int rc = ims_pani_decode(&p, value, &perr);
		snprintf(title, sizeof title, "access-net-spec %u", ++n);
		report_begin(r, NULL, n > 1 || (p.next.ptr && p.next.len) ? title : NULL);
		if (rc < 0) {
			cli_report_error(r, m, rc, &perr, value.ptr);
			report_end(r);
			report_list_end(r);
			return 1;
		}
		render_access_spec(r, &p, true);
		report_params(r, SIP_HDR_P_ACCESS_NETWORK_INFO, "params", p.params);
		report_end(r);
		value = p.next;
	}
	report_list_end(r);
	return 0;
}

/* ---- Cellular-Network-Info (TS 24.229 §7.2.15) ---------------------------- */

/* "22 min 0 s" + tail: seconds in the two largest units that say them. */
static void span_words(char *out, size_t cap, uint32_t s, const char *tail)
{
	if (s < 60)
		snprintf(out, cap, "%" PRIu32 " s%s", s, tail);
	else if (s < 3600)
		snprintf(out, cap, "%" PRIu32 " min %" PRIu32 " s%s", s / 60, s % 60, tail);
	else if (s < 86400)
		snprintf(out, cap, "%" PRIu32 " h %" PRIu32 " min%s", s / 3600, s % 3600 / 60, tail);
	else
		snprintf(out, cap, "%" PRIu32 " days %" PRIu32 " h%s", s / 86400, s % 86400 / 3600, tail);
}

/* Retry-After (RFC 3261 §20.33): the wait, its comment, the duration. */
static int render_retry_after(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct sip_retry_after ra;
	struct sip_parse_error perr = { 0 };
	int rc = sip_retry_after_decode(&ra, h->value, &perr);
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, h->value.ptr);
		return 1;
	}
	char wait[64], note[160], dur[128];
	span_words(wait, sizeof wait, ra.seconds, "");
	snprintf(note, sizeof note, "%s: wait this long before sending the request again%s", wait,
		 m->msg.is_request ? "" : " to this server");
	report_u64(r, "seconds", "wait", ra.seconds, note);
	report_str(r, "comment", "comment", ra.comment, NULL);
	if (ra.has_duration) {
		span_words(dur, sizeof dur, ra.duration, ": how long the server expects to stay available once back");
		report_u64(r, "duration", "duration", ra.duration, dur);
	} else if (r->format == REPORT_JSON) {
		report_str(r, "duration", NULL, SLICE_NULL, NULL);
	}
	report_params(r, SIP_HDR_RETRY_AFTER, "params", ra.params);
	return 0;
}

static int render_cni(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct ims_pani p;
	struct sip_parse_error perr = { 0 };
	int rc = ims_cni_decode(&p, h->value, &perr);
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, h->value.ptr);
		return 1;
	}
	render_access_spec(r, &p, false);
	report_bool(r, "cellular", "cellular radio", p.cellular,
		    p.cellular ? NULL : "no: Cellular-Network-Info names a cellular access type (TS 24.229 §7.2.15)");
	if (p.cell_info_age_ok) {
		char words[48];
		span_words(words, sizeof words, p.cell_info_age_s, " ago");
		report_u64(r, "cell_info_age", "cell-info-age", p.cell_info_age_s, words);
	} else if (p.cell_info_age.ptr) {
		if (r->format == REPORT_TEXT)
			report_line(r, STYLE_WARNING, "problem: cell-info-age=%.*s is not a number of seconds",
				    SLICE_ARG(p.cell_info_age));
		else
			report_str(r, "cell_info_age", NULL, SLICE_NULL, NULL);
	} else {
		report_str(r, "cell_info_age", "cell-info-age", SLICE_NULL, NULL);
	}
	if (r->format == REPORT_JSON)
		report_str(r, "cell_info_age_text", NULL, p.cell_info_age, NULL);
	/* its parameters are those of P-Access-Network-Info, cell-info-age added */
	report_params(r, SIP_HDR_P_ACCESS_NETWORK_INFO, "params", p.params);
	return 0;
}

/* Feature-Caps (RFC 6809): each feature-capability indicator explained,
 * the URI of one whose value is a URI decoded. */
static int render_fcaps(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct ims_fcaps_it it;
	struct sip_param p;
	struct sip_parse_error perr = { 0 };
	unsigned element;
	int rc;
	ims_fcaps_init(&it, h->value);
	report_list_begin(r, "indicators", NULL);
	while ((rc = ims_fcaps_next_cap(&it, &p, &element, &perr)) > 0) {
		struct ims_feature_tag t;
		ims_fcap_describe(&t, &p);
		char title[160];
		param_title(title, sizeof title, &p);
		report_begin(r, NULL, title);
		if (r->format == REPORT_JSON) {
			report_u64(r, "element", NULL, element, NULL);
			report_str(r, "name", NULL, p.name, NULL);
			report_str(r, "value", NULL, p.value, NULL);
			report_bool(r, "known", NULL, t.known, NULL);
		}
		report_explain(r, t.meaning, t.ref);
		render_services(r, &t);
		struct sip_uri u;
		struct sip_parse_error uerr = { 0 };
		if (t.uri.ptr && sip_uri_decode(&u, t.uri, &uerr) == 0) {
			cli_report_uri(r, "uri", "uri", t.uri, &u);
		} else if (t.uri.ptr) {
			/* {"error": ...} in the uri's place */
			report_begin(r, "uri", NULL);
			cli_report_error(r, m, -EBADMSG, &uerr, t.uri.ptr);
			report_end(r);
		} else if (r->format == REPORT_JSON) {
			report_str(r, "uri", NULL, SLICE_NULL, NULL);
		}
		report_end(r);
	}
	/* an error ends the list, in it as an element of its own */
	if (rc < 0)
		cli_report_error(r, m, rc, &perr, h->value.ptr);
	report_list_end(r);
	return rc < 0;
}

/* ---- scalar headers -------------------------------------------------- */

static int render_u32(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	uint32_t v;
	struct sip_parse_error perr = { 0 };
	int rc = sip_u32_decode(&v, h->value, &perr);
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, h->value.ptr);
		return 1;
	}
	const char *note = NULL;
	if (h->id == SIP_HDR_EXPIRES && !cli_msg_is_registration(&m->msg))
		note = v == 0 ? "0: ends the subscription or what the request set up" : "seconds";
	else if (h->id == SIP_HDR_EXPIRES && !m->msg.is_request)
		note = "the registrar's value; the time granted to each binding is its Contact expires "
		       "(RFC 3261 §10.3 step 8)";
	else if (h->id == SIP_HDR_EXPIRES)
		note = v == 0 ? "0: unregistration: remove the bindings of the Contact(s)"
		       : v == 600000 ? "600000 s (about 7 days): the value IR.92 §2.2.1 and TS 24.229 §5.1.1.2 ask for"
				     : "seconds the UE asks the binding to live";
	else if (h->id == SIP_HDR_CONTENT_LENGTH)
		note = v == m->msg.body.len ? "equal to the body length" : "DIFFERS from the body length";
	report_u64(r, "value", "value", v, note);
	return 0;
}

static int render_tokens(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct sip_list it;
	struct slice item, tok;
	struct sip_parse_error perr = { 0 };
	int rc, errors = 0;
	/* text: the value line already shows the tokens; only the known ones are explained */
	report_list_begin(r, "elements", NULL);
	sip_list_init(&it, h->value);
	while ((rc = sip_list_next(&it, &item, &perr)) > 0) {
		if (sip_token_decode(&tok, item, &perr) < 0) {
			cli_report_error(r, m, -EBADMSG, &perr, item.ptr);
			errors++;
			continue;
		}
		const char *note = NULL;
		if (slice_caseeq_cstr(tok, "sec-agree"))
			note = "RFC 3329 security agreement (IPsec SAs to the P-CSCF, TS 33.203)";
		else if (slice_caseeq_cstr(tok, "path"))
			note = "the UE supports Path (RFC 3327): needed to be reached through the P-CSCF";
		else if (slice_caseeq_cstr(tok, "outbound"))
			note = "RFC 5626 SIP outbound (reg-id, +sip.instance)";
		else if (slice_caseeq_cstr(tok, "gruu"))
			note = "RFC 5627 globally routable UA URIs";
		if (r->format == REPORT_TEXT && !note)
			continue;
		report_str(r, NULL, NULL, tok, note);
	}
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, h->value.ptr);
		errors++;
	}
	report_list_end(r);
	return errors;
}

static int render_products(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct sip_product_it it;
	struct sip_product p;
	struct sip_parse_error perr = { 0 };
	int rc;
	report_list_begin(r, "elements", NULL);
	sip_product_it_init(&it, h->value);
	while ((rc = sip_product_next(&it, &p, &perr)) > 0) {
		if (r->format == REPORT_TEXT)
			continue;
		report_begin(r, NULL, NULL);
		report_str(r, "product", NULL, p.name, NULL);
		report_str(r, "version", NULL, p.version, NULL);
		report_str(r, "comment", NULL, p.comment, NULL);
		report_end(r);
	}
	if (rc < 0)
		cli_report_error(r, m, rc, &perr, h->value.ptr);
	report_list_end(r);
	return rc < 0;
}

/* How many list elements the fields of h's header before h hold: one list
 * may be split over several fields (RFC 3261 §7.3.1), and its numbering
 * goes on across them. */
static unsigned elements_before(const struct cli_msg *m, const struct sip_hdr *h)
{
	unsigned n = 0;
	for (const struct sip_hdr *p = sip_hdr_first(&m->msg, h->id); p && p != h; p = sip_hdr_next(&m->msg, p)) {
		struct sip_list it;
		struct slice item;
		struct sip_parse_error perr = { 0 };
		sip_list_init(&it, p->value);
		while (sip_list_next(&it, &item, &perr) > 0)
			n++;
	}
	return n;
}

/* One reason-value of Reason (RFC 3326 §2): the protocol, its cause with
 * the cause's name (a SIP reason phrase, a Q.850 cause name) and the text;
 * 1 when it does not decode. */
static int render_reason(struct report *r, const struct cli_msg *m, struct slice item, unsigned n)
{
	struct sip_tokparams tp;
	struct sip_parse_error perr = { 0 };
	char title[32];
	snprintf(title, sizeof title, "reason %u", n);
	report_begin(r, NULL, title);
	if (sip_tokparams_decode(&tp, item, &perr) < 0) {
		cli_report_error(r, m, -EBADMSG, &perr, item.ptr);
		report_end(r);
		return 1;
	}
	struct slice cause = SLICE_NULL, text = SLICE_NULL; /* text: the quoted string's content */
	struct sip_param_it it;
	struct sip_param p;
	sip_param_it_init(&it, tp.params);
	while (tp.params.ptr && sip_param_next(&it, &p, &perr) > 0) {
		if (slice_caseeq_cstr(p.name, "cause"))
			cause = p.value;
		else if (slice_caseeq_cstr(p.name, "text"))
			text = p.value;
	}
	const struct ims_explain *pe = ims_explain_header_value(SIP_HDR_REASON, tp.value);
	const char *cm = ims_reason_cause_meaning(tp.value, cause);
	if (r->format == REPORT_TEXT) {
		report_str(r, NULL, "protocol", tp.value, pe ? meaning_after_value(pe->meaning, tp.value) : NULL);
		report_str(r, NULL, "cause", cause, cm);
		report_str(r, NULL, "text", text, NULL);
	} else {
		report_str(r, "protocol", NULL, tp.value, NULL);
		report_cstr(r, "protocol_meaning", NULL, pe ? pe->meaning : NULL, NULL);
		report_str(r, "cause", NULL, cause, NULL);
		report_cstr(r, "cause_meaning", NULL, cm, NULL);
		report_str(r, "text", NULL, text, NULL);
		report_params(r, SIP_HDR_REASON, "params", tp.params);
	}
	report_end(r);
	return 0;
}

static int render_list(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct sip_list it;
	struct slice item;
	struct sip_parse_error perr = { 0 };
	int rc, errors = 0;
	unsigned n = elements_before(m, h);
	report_list_begin(r, "elements", NULL);
	sip_list_init(&it, h->value);
	while ((rc = sip_list_next(&it, &item, &perr)) > 0) {
		char title[32];
		n++;
		switch (h->id) {
		case SIP_HDR_VIA:
			errors += render_via(r, m, item, n);
			break;
		case SIP_HDR_CONTACT:
			snprintf(title, sizeof title, "contact %u", n);
			errors += render_addr(r, m, h->id, item, title, true);
			break;
		case SIP_HDR_WARNING: {
			struct sip_warning w;
			report_begin(r, NULL, NULL);
			if (sip_warning_decode(&w, item, &perr) < 0) {
				cli_report_error(r, m, -EBADMSG, &perr, item.ptr);
				errors++;
			} else {
				const char *cm = ims_warning_code_meaning(w.code);
				report_u64(r, "code", "code", w.code, cm);
				if (r->format == REPORT_JSON)
					report_cstr(r, "code_meaning", NULL, cm, NULL);
				report_str(r, "agent", "agent", w.agent, NULL);
				report_str(r, "text", "text", w.text, NULL);
			}
			report_end(r);
			break;
		}
		case SIP_HDR_P_VISITED_NETWORK_ID: {
			struct sip_tokparams tp;
			report_begin(r, NULL, NULL);
			if (sip_tokparams_decode(&tp, item, &perr) < 0) {
				cli_report_error(r, m, -EBADMSG, &perr, item.ptr);
				errors++;
			} else {
				report_str(r, "value", "network", tp.value, "the visited network, for roaming agreements (RFC 7315 §4.3)");
				report_params(r, SIP_HDR_P_VISITED_NETWORK_ID, "params", tp.params);
			}
			report_end(r);
			break;
		}
		case SIP_HDR_REASON:
			errors += render_reason(r, m, item, n);
			break;
		default:
			snprintf(title, sizeof title, "address %u", n);
			errors += render_addr(r, m, h->id, item, title, false);
			break;
		}
	}
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, h->value.ptr);
		errors++;
	}
	report_list_end(r);
	return errors;
}

/* The access network charging list of P-Charging-Vector (pdp-info,
 * eps-info, 5gs-info, dsl-bearer-info: TS 24.229 §7.2A.5), one bearer an
 * item. Text: a line a bearer under the parameter, with its charging id
 * in hex and as the number the packet core's records show (the P-GW's
 * Charging-ID, TS 32.298); JSON: an object (docs/json.md). */
static void render_anci(struct report *r, enum ims_anci_kind kind, struct slice value)
{
	struct ims_anci a;
	ims_anci_decode(&a, kind, value);
	if (r->format == REPORT_TEXT) {
		r->indent++;
		for (unsigned i = 0; i < a.nitems; i++) {
			const struct ims_anci_item *it = &a.items[i];
			char flows[IMS_ANCI_MAX_FLOWS * 40 + 16] = ""; /* ", media N flow N": 36 at most */
			size_t n = 0;
			for (unsigned f = 0; f < it->nflows && n < sizeof flows; f++)
				n += (size_t)snprintf(flows + n, sizeof flows - n, "%s media %u flow %u",
						      f ? "," : "; IP flows:", it->flows[f].media,
						      it->flows[f].flow);
			if (it->flows_cut && n < sizeof flows)
				snprintf(flows + n, sizeof flows - n, ", ...");
			char cid[64] = "no charging id";
			if (it->cid_ok)
				snprintf(cid, sizeof cid, "%s %.*s = %" PRIu64, a.cid_name, SLICE_ARG(it->cid),
					 it->cid_value);
			else if (it->cid.ptr)
				snprintf(cid, sizeof cid, "%s %.*s", a.cid_name, (int)(it->cid.len > 40 ? 40 : it->cid.len),
					 it->cid.ptr);
			report_line(r, STYLE_NONE, "%s bearer %" PRIu32 ": %s, %s%s", a.access, it->item,
				    it->sig == 1   ? "the IMS signalling bearer"
				    : it->sig == 0 ? "a media bearer"
						   : "signalling or media not said",
				    cid, flows);
		}
		if (a.dropped)
			report_line(r, STYLE_NONE, "(%u more bearers not shown)", a.dropped);
		if (a.problem)
			report_line(r, STYLE_WARNING, "not the syntax of TS 24.229 §7.2A.5: %s", a.problem);
		r->indent--;
		return;
	}
	report_begin(r, "access_network_charging", NULL);
	report_cstr(r, "access", NULL, a.access, NULL);
	report_list_begin(r, "bearers", NULL);
	for (unsigned i = 0; i < a.nitems; i++) {
		const struct ims_anci_item *it = &a.items[i];
		report_begin(r, NULL, NULL);
		report_u64(r, "item", NULL, it->item, NULL);
		if (it->sig < 0)
			report_cstr(r, "signalling", NULL, NULL, NULL);
		else
			report_bool(r, "signalling", NULL, it->sig == 1, NULL);
		report_str(r, "charging_id", NULL, it->cid, NULL);
		if (it->cid_ok)
			report_u64(r, "charging_id_value", NULL, it->cid_value, NULL);
		else
			report_cstr(r, "charging_id_value", NULL, NULL, NULL);
		report_list_begin(r, "flows", NULL);
		for (unsigned f = 0; f < it->nflows; f++) {
			report_begin(r, NULL, NULL);
			report_u64(r, "media", NULL, it->flows[f].media, NULL);
			report_u64(r, "flow", NULL, it->flows[f].flow, NULL);
			report_end(r);
		}
		report_list_end(r);
		report_bool(r, "flows_cut", NULL, it->flows_cut, NULL);
		report_end(r);
	}
	report_list_end(r);
	report_u64(r, "dropped", NULL, a.dropped, NULL);
	report_cstr(r, "problem", NULL, a.problem, NULL);
	report_end(r);
}

/* P-Charging-Vector (icid-value, then its parameters) and
 * P-Charging-Function-Addresses (ccf and ecf, each maybe twice): nothing
 * but parameters (RFC 7315 §5). Text: each with its meaning; JSON: the
 * params, and the values by name (ccf, ecf: lists). */
static int render_charging(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	static const char *const pcv[] = { "icid-value", "icid-generated-at", "orig-ioi", "term-ioi",
					   "transit-ioi", "related-icid" };
	static const char *const pcv_key[] = { "icid", "icid_generated_at", "orig_ioi", "term_ioi",
					       "transit_ioi", "related_icid" };
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error perr = { 0 };
	int rc;
	const bool vector = h->id == SIP_HDR_P_CHARGING_VECTOR;
	if (r->format == REPORT_TEXT) {
		sip_param_it_init(&it, h->value);
		while ((rc = sip_param_next(&it, &p, &perr)) > 0) {
			report_param(r, &p, ims_explain_param(h->id, p.name));
			enum ims_anci_kind kind = vector ? ims_anci_kind_of(p.name) : IMS_ANCI_NONE;
			if (kind != IMS_ANCI_NONE)
				render_anci(r, kind, p.value);
		}
	} else {
		report_params(r, h->id, "params", h->value);
		if (vector) {
			for (size_t k = 0; k < sizeof pcv / sizeof pcv[0]; k++) {
				struct sip_param q;
				report_str(r, pcv_key[k], NULL,
					   sip_param_find(h->value, pcv[k], &q) ? q.value : SLICE_NULL, NULL);
			}
			/* the first access network charging list, or null */
			enum ims_anci_kind kind = IMS_ANCI_NONE;
			sip_param_it_init(&it, h->value);
			while (kind == IMS_ANCI_NONE && sip_param_next(&it, &p, &perr) > 0)
				kind = ims_anci_kind_of(p.name);
			if (kind != IMS_ANCI_NONE)
				render_anci(r, kind, p.value);
			else
				report_cstr(r, "access_network_charging", NULL, NULL, NULL);
		} else {
			static const char *const fn[] = { "ccf", "ecf" };
			for (size_t k = 0; k < 2; k++) {
				report_list_begin(r, fn[k], NULL);
				sip_param_it_init(&it, h->value);
				while (sip_param_next(&it, &p, &perr) > 0)
					if (slice_caseeq_cstr(p.name, fn[k]))
						report_str(r, NULL, NULL, p.value, NULL);
				report_list_end(r);
			}
		}
		sip_param_it_init(&it, h->value);
		while ((rc = sip_param_next(&it, &p, &perr)) > 0)
			;
	}
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, h->value.ptr);
		return 1;
	}
	return 0;
}

/* A token (a media type for Content-Type) and its parameters: Event,
 * Subscription-State, Session-Expires, Content-Type. The token's meaning
 * where the catalogue has one (Event: reg, Subscription-State:
 * terminated, ...); each parameter's, by its value first
 * (reason=deactivated), else by its name. */
static int render_tokparams(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct slice v = h->value, params = SLICE_NULL;
	const char *semi = v.len ? memchr(v.ptr, ';', v.len) : NULL;
	struct slice val = slice_trim(semi ? slice_span(v.ptr, semi) : v);
	if (semi)
		params = slice_span(semi + 1, v.ptr + v.len);
	const struct ims_explain *ve = ims_explain_header_value(h->id, val);
	if (r->format == REPORT_TEXT) {
		report_str(r, NULL, "value", val, ve ? meaning_after_value(ve->meaning, val) : NULL);
	} else {
		report_str(r, "value", NULL, val, NULL);
		report_cstr(r, "value_meaning", NULL, ve ? ve->meaning : NULL, NULL);
		report_cstr(r, "value_ref", NULL, ve ? ve->ref : NULL, NULL);
	}
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error perr = { 0 };
	int rc = 0;
	report_list_begin(r, "params", NULL);
	if (params.ptr) {
		sip_param_it_init(&it, params);
		while ((rc = sip_param_next(&it, &p, &perr)) > 0) {
			const struct ims_explain *ex = ims_explain_param_value(h->id, p.name, p.value);
			if (!ex)
				ex = ims_explain_param(h->id, p.name);
			report_param(r, &p, ex);
		}
	}
	report_list_end(r);
	if (rc < 0) {
		cli_report_error(r, m, rc, &perr, h->value.ptr);
		return 1;
	}
	return 0;
}

static const char *hdr_type(const struct sip_hdr *h)
{
	enum sip_hdr_id id = h->id;
	if (ims_cni_hdr(h))
		return "cni";
	if (ims_fcaps_hdr(h))
		return "feature_caps";
	switch (id) {
	case SIP_HDR_VIA: return "via";
	case SIP_HDR_CONTACT: return "contact";
	case SIP_HDR_FROM:
	case SIP_HDR_TO:
	case SIP_HDR_ROUTE:
	case SIP_HDR_RECORD_ROUTE:
	case SIP_HDR_PATH:
	case SIP_HDR_SERVICE_ROUTE:
	case SIP_HDR_P_ASSOCIATED_URI:
	case SIP_HDR_P_ASSERTED_IDENTITY:
	case SIP_HDR_P_PREFERRED_IDENTITY:
	case SIP_HDR_P_CALLED_PARTY_ID:
		return "address";
	case SIP_HDR_CALL_ID: return "call_id";
	case SIP_HDR_CSEQ: return "cseq";
	case SIP_HDR_EXPIRES:
	case SIP_HDR_MIN_EXPIRES:
	case SIP_HDR_MAX_FORWARDS:
	case SIP_HDR_CONTENT_LENGTH:
		return "number";
	case SIP_HDR_AUTHORIZATION:
	case SIP_HDR_PROXY_AUTHORIZATION:
		return "credentials";
	case SIP_HDR_WWW_AUTHENTICATE:
	case SIP_HDR_PROXY_AUTHENTICATE:
		return "challenge";
	case SIP_HDR_AUTHENTICATION_INFO: return "auth_info";
	case SIP_HDR_SECURITY_CLIENT:
	case SIP_HDR_SECURITY_SERVER:
	case SIP_HDR_SECURITY_VERIFY:
		return "security";
	case SIP_HDR_REQUIRE:
	case SIP_HDR_PROXY_REQUIRE:
	case SIP_HDR_SUPPORTED:
	case SIP_HDR_UNSUPPORTED:
	case SIP_HDR_ALLOW:
		return "tokens";
	case SIP_HDR_PRIVACY: return "privacy";
	case SIP_HDR_P_ACCESS_NETWORK_INFO: return "pani";
	case SIP_HDR_P_VISITED_NETWORK_ID: return "visited_network";
	case SIP_HDR_P_CHARGING_VECTOR:
	case SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES:
		return "charging";
	case SIP_HDR_EVENT:
	case SIP_HDR_SUBSCRIPTION_STATE:
	case SIP_HDR_SESSION_EXPIRES:
	case SIP_HDR_CONTENT_TYPE:
		return "tokparams";
	case SIP_HDR_USER_AGENT:
	case SIP_HDR_SERVER:
		return "products";
	case SIP_HDR_WARNING: return "warning";
	case SIP_HDR_REASON: return "reason";
	case SIP_HDR_RETRY_AFTER: return "retry_after";
	case SIP_HDR_DATE: return "date";
	default: break;
	}
	return "raw";
}

/* The typed part of one header; the number of decode errors. */
static int render_decoded(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	struct sip_parse_error perr = { 0 };
	int rc;
	switch (h->id) {
	case SIP_HDR_VIA:
	case SIP_HDR_CONTACT:
	case SIP_HDR_ROUTE:
	case SIP_HDR_RECORD_ROUTE:
	case SIP_HDR_PATH:
	case SIP_HDR_SERVICE_ROUTE:
	case SIP_HDR_P_ASSOCIATED_URI:
	case SIP_HDR_P_ASSERTED_IDENTITY:
	case SIP_HDR_P_PREFERRED_IDENTITY:
	case SIP_HDR_WARNING:
	case SIP_HDR_P_VISITED_NETWORK_ID:
	case SIP_HDR_REASON:
		return render_list(r, m, h);
	case SIP_HDR_FROM:
	case SIP_HDR_TO:
	case SIP_HDR_P_CALLED_PARTY_ID: {
		report_list_begin(r, "elements", NULL);
		int e = render_addr(r, m, h->id, h->value, NULL, false);
		report_list_end(r);
		return e;
	}
	case SIP_HDR_CALL_ID: {
		struct sip_call_id c;
		rc = sip_call_id_decode(&c, h->value, &perr);
		if (rc < 0)
			break;
		report_str(r, "local", "local part", c.local, NULL);
		report_str(r, "host", "host part", c.host, NULL);
		return 0;
	}
	case SIP_HDR_CSEQ: {
		struct sip_cseq c;
		rc = sip_cseq_decode(&c, h->value, &perr);
		if (rc < 0)
			break;
		report_u64(r, "seq", "sequence number", c.seq,
			   c.seq >= 0x80000000u ? "not below 2^31 as RFC 3261 §8.1.1.5 requires" : NULL);
		report_str(r, "method", "method", c.method, NULL);
		return 0;
	}
	case SIP_HDR_EXPIRES:
	case SIP_HDR_MIN_EXPIRES:
	case SIP_HDR_MAX_FORWARDS:
	case SIP_HDR_CONTENT_LENGTH:
		return render_u32(r, m, h);
	case SIP_HDR_AUTHORIZATION:
	case SIP_HDR_PROXY_AUTHORIZATION:
		return render_auth(r, m, h, false, false);
	case SIP_HDR_WWW_AUTHENTICATE:
	case SIP_HDR_PROXY_AUTHENTICATE:
		return render_auth(r, m, h, true, false);
	case SIP_HDR_AUTHENTICATION_INFO:
		return render_auth(r, m, h, false, true);
	case SIP_HDR_SECURITY_CLIENT:
	case SIP_HDR_SECURITY_SERVER:
	case SIP_HDR_SECURITY_VERIFY:
		return render_security(r, m, h);
	case SIP_HDR_REQUIRE:
	case SIP_HDR_PROXY_REQUIRE:
	case SIP_HDR_SUPPORTED:
	case SIP_HDR_UNSUPPORTED:
	case SIP_HDR_ALLOW:
		return render_tokens(r, m, h);
	case SIP_HDR_PRIVACY: {
		/* priv-value *(";" priv-value) (RFC 3323 §4.2) */
		struct sip_param_it it;
		struct sip_param p;
		report_list_begin(r, "elements", NULL);
		sip_param_it_init(&it, h->value);
		while ((rc = sip_param_next(&it, &p, &perr)) > 0)
			if (r->format == REPORT_JSON)
				report_str(r, NULL, NULL, p.name, NULL);
		report_list_end(r);
		if (rc < 0)
			break;
		return 0;
	}
	case SIP_HDR_P_ACCESS_NETWORK_INFO:
		return render_pani(r, m, h);
	case SIP_HDR_P_CHARGING_VECTOR:
	case SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES:
		return render_charging(r, m, h);
	case SIP_HDR_EVENT:
	case SIP_HDR_SUBSCRIPTION_STATE:
	case SIP_HDR_SESSION_EXPIRES:
	case SIP_HDR_CONTENT_TYPE:
		return render_tokparams(r, m, h);
	case SIP_HDR_OTHER:
		if (ims_cni_hdr(h))
			return render_cni(r, m, h);
		if (ims_fcaps_hdr(h))
			return render_fcaps(r, m, h);
		return 0;
	case SIP_HDR_USER_AGENT:
	case SIP_HDR_SERVER:
		return render_products(r, m, h);
	case SIP_HDR_RETRY_AFTER:
		return render_retry_after(r, m, h);
	case SIP_HDR_DATE: {
		struct sip_date d;
		rc = sip_date_decode(&d, h->value, &perr);
		if (rc < 0)
			break;
		char iso[40];
		snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day, d.hour,
			 d.minute, d.second);
		report_cstr(r, "iso8601", "UTC", iso, NULL);
		return 0;
	}
	default:
		return 0;
	}
	cli_report_error(r, m, rc, &perr, h->value.ptr);
	return 1;
}

bool cli_msg_is_registration(const struct sip_msg *msg)
{
	if (msg->is_request)
		return msg->method_id == SIP_METHOD_REGISTER;
	const struct sip_hdr *ch = sip_hdr_first(msg, SIP_HDR_CSEQ);
	struct sip_cseq cs;
	struct sip_parse_error perr;
	if (!ch) /* fields pasted alone without a CSeq: taken from a registration */
		return sip_msg_is_fields(msg);
	return sip_cseq_decode(&cs, ch->value, &perr) == 0 && cs.method_id == SIP_METHOD_REGISTER;
}

/* The explanation of a header whose catalogue text speaks of the
 * registration, for another method's message (a SUBSCRIBE, the S-CSCF's
 * reg-event NOTIFY, ...), or NULL. */
static const struct ims_explain *other_method_explain(enum sip_hdr_id id)
{
	static const struct ims_explain from = {
		"The sender's identity and its tag. In a NOTIFY of the reg event it is the AOR whose "
		"registration state the body carries, the To of the SUBSCRIBE.",
		"RFC 3261 §20.20, RFC 6665"
	}, to = {
		"The recipient's identity and its tag. In a NOTIFY of the reg event, the subscriber "
		"(the UE or the P-CSCF) that sent the SUBSCRIBE.",
		"RFC 3261 §20.39, RFC 6665"
	}, contact = {
		"Where the sender takes the later requests of the dialog this message belongs to: in "
		"the S-CSCF's NOTIFY, the S-CSCF's own address; in the UE's SUBSCRIBE, the UE's. It "
		"binds nothing at a registrar.",
		"RFC 3261 §20.10, §8.1.1.8"
	}, call_id = {
		"With the From and To tags, identifies the dialog: every NOTIFY of a subscription "
		"carries the Call-ID of its SUBSCRIBE.",
		"RFC 3261 §20.8, RFC 6665"
	}, cseq = {
		"Sequence number and method of this request within its dialog: each new request of "
		"the dialog from one side has a higher number, and the method is the request's.",
		"RFC 3261 §20.16, §8.1.1.5"
	}, expires = {
		"In a SUBSCRIBE, how long the subscription is asked to last; the NOTIFY says the time "
		"granted, in Subscription-State. Expires: 0 ends the subscription.",
		"RFC 3261 §20.19, RFC 6665"
	};
	switch (id) {
	case SIP_HDR_FROM: return &from;
	case SIP_HDR_TO: return &to;
	case SIP_HDR_CONTACT: return &contact;
	case SIP_HDR_CALL_ID: return &call_id;
	case SIP_HDR_CSEQ: return &cseq;
	case SIP_HDR_EXPIRES: return &expires;
	default: return NULL;
	}
}

int cli_report_header(struct report *r, const struct cli_msg *m, const struct sip_hdr *h)
{
	unsigned line, col;
	cli_msg_position(m, h->offset, &line, &col);
	const char *long_name = sip_hdr_name(h->id);
	const struct ims_explain *ex = ims_explain_header(h->id, h->name);
	/* a later P-Associated-URI field continues the list of the first: the
	 * default identity is not in it */
	static const struct ims_explain pau_more = {
		"More public identities (IMPUs) of the implicit registration set: this field continues "
		"the list of the P-Associated-URI field above (one list may span several fields). The "
		"default identity is the first URI of the first field, not of this one.",
		"RFC 7315 §4.1, RFC 3261 §7.3.1, TS 24.229 §5.1.1.2.1"
	};
	if (h->id == SIP_HDR_P_ASSOCIATED_URI && sip_hdr_first(&m->msg, h->id) != h)
		ex = &pau_more;
	const struct ims_explain *other = other_method_explain(h->id);
	if (other && !cli_msg_is_registration(&m->msg))
		ex = other;
	bool compact = long_name && !slice_caseeq_cstr(h->name, long_name);
	int errors;
	if (r->format == REPORT_TEXT) {
		struct buf v;
		buf_init(&v);
		report_unfold(&v, h->value);
		report_pad(r);
		buf_printf(r->b, "%s%.*s%s", report_on(r, STYLE_NAME), SLICE_ARG(h->name), report_off(r));
		if (compact)
			buf_printf(r->b, " (%s)", long_name);
		buf_printf(r->b, ": %.*s  %s[line %u]%s\n", (int)v.len, v.ptr ? v.ptr : "",
			   report_on(r, STYLE_DIM), line, report_off(r));
		report_keep_error(r, &v);
		buf_fini(&v);
		r->indent++;
		report_explain(r, ex ? ex->meaning : NULL, ex ? ex->ref : NULL);
		report_begin(r, NULL, NULL);
		errors = render_decoded(r, m, h);
		report_end(r);
		r->indent--;
		return errors;
	}
	report_begin(r, NULL, NULL);
	report_str(r, "name", NULL, h->name, NULL);
	report_cstr(r, "long_name", NULL, long_name, NULL);
	report_bool(r, "compact", NULL, compact, NULL);
	report_u64(r, "line", NULL, line, NULL);
	report_u64(r, "column", NULL, col, NULL);
	report_unfolded(r, "value", NULL, h->value);
	report_explain(r, ex ? ex->meaning : NULL, ex ? ex->ref : NULL);
	report_cstr(r, "type", NULL, hdr_type(h), NULL);
	report_begin(r, "decoded", NULL);
	errors = render_decoded(r, m, h);
	report_end(r);
	report_end(r);
	return errors;
}
