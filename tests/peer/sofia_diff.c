/* sofia_diff.c: our strict parse beside sofia-sip's msg_make, value by value
 * (see sofia_diff.h for what is compared and what is forgiven). */
#include "sofia_diff.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <imsreg/sip.h>
#include <sofia-sip/msg.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_protos.h>
#include <sofia-sip/url.h>

static void url_text(char *out, size_t cap, url_t const *u)
{
	if (url_e(out, (isize_t)cap, u) < 0 || !memchr(out, 0, cap))
		out[0] = 0;
}

/* Whether uri, as written, is one that sofia-sip's url_e writes without its
 * first '/': a scheme other than sip, sips and tel, no "//" authority after
 * the ':' and a '/' in what follows ("http:a/b" -> "http:a" "b"; its
 * parser takes "a" for a host and the rest for a path, and its writer joins
 * them without the '/'). */
static bool url_e_drops_slash(struct slice uri, const char **slash)
{
	const char *colon = memchr(uri.ptr, ':', uri.len);
	if (!colon)
		return false;
	size_t sl = (size_t)(colon - uri.ptr);
	if ((sl == 3 && !strncasecmp(uri.ptr, "sip", 3)) || (sl == 4 && !strncasecmp(uri.ptr, "sips", 4)) ||
	    (sl == 3 && !strncasecmp(uri.ptr, "tel", 3)))
		return false;
	const char *rest = colon + 1, *end = uri.ptr + uri.len;
	if (end - rest >= 2 && rest[0] == '/' && rest[1] == '/')
		return false;
	*slash = memchr(rest, '/', (size_t)(end - rest));
	return *slash != NULL;
}

static void cmp_url(struct peer_diff *d, const char *what, struct slice ours, url_t const *u)
{
	char b[PEER_VALUE_CAP];
	url_text(b, sizeof b, u);
	/* an addr-spec's URI before LWS and ';' ("sip:a@b\r\n ;q=1"): sofia-sip
	 * keeps the white space in it */
	for (size_t n = strlen(b); n && strchr(" \t\r\n", b[n - 1]); n--)
		b[n - 1] = 0;
	const char *slash;
	if (ours.ptr && ours.len < sizeof b && url_e_drops_slash(ours, &slash)) {
		char o[PEER_VALUE_CAP];
		size_t k = (size_t)(slash - ours.ptr);
		memcpy(o, ours.ptr, k);
		memcpy(o + k, slash + 1, ours.len - k - 1);
		if (peer_same_as((struct slice){ o, ours.len - 1 }, b, NORM_PCT))
			return;
	}
	peer_cmp(d, what, ours, b, NORM_PCT);
}

/* sofia-sip's next "name=value" string of a NULL-ended array (it points
 * to a msg_param_t const *). */
static bool param_next(void *it, const char **name, size_t *nl, const char **value)
{
	msg_param_t const **sp = it;
	if (!*sp || !**sp)
		return false;
	const char *p = *(*sp)++, *eq = strchr(p, '=');
	*name = p;
	*nl = eq ? (size_t)(eq - p) : strlen(p);
	*value = eq ? eq + 1 : NULL;
	return true;
}

static void params(struct peer_diff *d, const char *what, struct slice ours, msg_param_t const *sp)
{
	peer_params_cmp(d, what, ours, param_next, &sp);
}

static void addr_one(struct peer_diff *d, enum sip_hdr_id id, sip_addr_t const *a, const char *what)
{
	const struct sip_hdr *h = peer_on_both(d, id, a != NULL, what);
	if (!h)
		return;
	struct sip_addr o;
	struct sip_parse_error err;
	if (sip_addr_decode(&o, h->value, 0, &err) < 0) {
		peer_mismatch(d, peer_decode_failed, h->value, what);
		return;
	}
	char t[64];
	cmp_url(d, what, o.uri_text, a->a_url);
	snprintf(t, sizeof t, "%s tag", what);
	peer_cmp(d, t, o.tag, a->a_tag, NORM_NONE);
	snprintf(t, sizeof t, "%s display name", what);
	peer_cmp(d, t, o.display, a->a_display, NORM_NONE);
	params(d, what, o.params, a->a_params);
}

/* The item after the last '/' of "SIP/2.0/UDP", white space trimmed. */
static struct slice via_transport(const char *protocol)
{
	const char *s = protocol ? strrchr(protocol, '/') : NULL;
	s = s ? s + 1 : "";
	while (*s == ' ' || *s == '\t')
		s++;
	return (struct slice){ s, strcspn(s, " \t") };
}

static void vias(struct peer_diff *d, sip_via_t const *v)
{
	struct peer_elems e;
	struct slice item;
	struct sip_parse_error err;
	peer_elems_init(&e, d->msg, SIP_HDR_VIA);
	for (; peer_elems_next(&e, &item); v = v->v_next) {
		struct sip_via o;
		if (!v) {
			peer_mismatch(d, "via count", item, NULL);
			return;
		}
		if (sip_via_decode(&o, item, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, item, "via");
			return;
		}
		struct slice t = via_transport(v->v_protocol);
		if (!slice_caseeq(o.transport, t))
			peer_mismatch(d, "via transport", o.transport, v->v_protocol);
		peer_cmp(d, "via host", o.host, v->v_host, NORM_NONE);
		if (o.has_port)
			peer_cmp_u32(d, "via port", o.port, v->v_port);
		else
			peer_cmp(d, "via port", SLICE_NULL, v->v_port, NORM_NONE);
		peer_cmp(d, "via branch", o.branch, v->v_branch, NORM_NONE);
		peer_cmp(d, "via received", o.received, v->v_received, NORM_NONE);
		peer_cmp(d, "via maddr", o.maddr, v->v_maddr, NORM_NONE);
		peer_cmp(d, "via ttl", o.ttl, v->v_ttl, NORM_NONE);
		if (o.has_rport != (v->v_rport != NULL))
			peer_mismatch(d, "via rport", o.has_rport ? o.rport : SLICE_NULL,
				 v->v_rport ? v->v_rport : NULL);
		else if (o.has_rport)
			peer_cmp(d, "via rport", o.rport, v->v_rport, NORM_NONE);
		params(d, "via", o.params, v->v_params);
	}
	if (v)
		peer_mismatch(d, "via count", SLICE_NULL, v->v_host);
}

static void contacts(struct peer_diff *d, sip_contact_t const *m)
{
	struct peer_elems e;
	struct slice item;
	struct sip_parse_error err;
	peer_elems_init(&e, d->msg, SIP_HDR_CONTACT);
	for (; peer_elems_next(&e, &item); m = m->m_next) {
		struct sip_addr o;
		if (!m) {
			peer_mismatch(d, "contact count", item, NULL);
			return;
		}
		if (sip_addr_decode(&o, item, SIP_ADDR_ALLOW_STAR, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, item, "contact");
			return;
		}
		if (o.star) {
			/* sofia-sip keeps "*" as a URL of type url_any */
			if (m->m_url->url_type != url_any)
				peer_mismatch(d, "contact *", item, "(a URI)");
			continue;
		}
		cmp_url(d, "contact uri", o.uri_text, m->m_url);
		peer_cmp(d, "contact display name", o.display, m->m_display, NORM_NONE);
		peer_cmp(d, "contact expires", o.expires_text, m->m_expires, NORM_NONE);
		peer_cmp(d, "contact q", o.q, m->m_q, NORM_NONE);
		params(d, "contact", o.params, m->m_params);
	}
	if (m)
		peer_mismatch(d, "contact count", SLICE_NULL, "(more)");
}

static void routes(struct peer_diff *d, enum sip_hdr_id id, sip_route_t const *r, const char *what)
{
	struct peer_elems e;
	struct slice item;
	struct sip_parse_error err;
	peer_elems_init(&e, d->msg, id);
	for (; peer_elems_next(&e, &item); r = r->r_next) {
		struct sip_addr o;
		if (!r) {
			peer_mismatch(d, what, item, NULL);
			return;
		}
		if (sip_addr_decode(&o, item, SIP_ADDR_NAME_ADDR, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, item, what);
			return;
		}
		cmp_url(d, what, o.uri_text, r->r_url);
		params(d, what, o.params, r->r_params);
	}
	if (r)
		peer_mismatch(d, what, SLICE_NULL, "(more)");
}

/* sofia-sip's parameter that opens another challenge or credentials in the
 * same field ("Digest uri=..." after a comma: sofia-sip does not split
 * them, RFC 3261 §7.3.1 forbids them, ours splits them): the length of its
 * scheme and the white space after it, else 0. */
static size_t scheme_prefix(const char *param)
{
	param += strspn(param, " \t\r\n");
	size_t n = strcspn(param, " \t\r\n=");
	if (n == 0 || !param[n] || param[n] == '=')
		return 0;
	return n + strspn(param + n, " \t\r\n");
}

/* A sofia-sip auth-param without the white space it may keep at its start:
 * after a fold line of white space alone ("Digest a=1,\r\n \r\n b=2") its
 * next parameter starts with the CR. */
static const char *param_start(const char *param)
{
	return param + strspn(param, " \t\r\n");
}

/* Whether v holds a fold line of white space alone ("9\r\n \r\n INVITE"):
 * sofia-sip steps over one line end between a CSeq's number and its
 * method, and then reads an empty method at the next. */
static bool blank_fold_line(struct slice v)
{
	for (size_t i = 0; i < v.len; i++) {
		if (v.ptr[i] != '\n')
			continue;
		size_t j = i + 1;
		while (j < v.len && (v.ptr[j] == ' ' || v.ptr[j] == '\t'))
			j++;
		if (j > i + 1 && j < v.len && (v.ptr[j] == '\r' || v.ptr[j] == '\n'))
			return true;
	}
	return false;
}

/* Our auth-params against sofia-sip's "name=value" strings from *pp up to
 * the next that opens another scheme: each known field by name, and the
 * count; *pp is left on that next one (or the end). */
static void auth_params(struct peer_diff *d, const struct sip_auth *o, msg_param_t const **pp,
			struct slice where)
{
	unsigned n = 0;
	msg_param_t const *p = *pp;
	for (; p && *p; p++) {
		const char *name = param_start(*p);
		size_t skip = scheme_prefix(name);
		if (skip && p != *pp)
			break; /* the next one's */
		n++;
		name += skip;
		const char *eq = strchr(name, '=');
		size_t nl = eq ? (size_t)(eq - name) : strlen(name);
		for (int f = 0; f < SIP_AUTH__COUNT; f++) {
			const char *fn = sip_auth_field_name((enum sip_auth_field)f);
			if (strlen(fn) == nl && strncasecmp(fn, name, nl) == 0)
				peer_cmp(d, fn, o->field[f], eq ? eq + 1 : "", NORM_QUOTED);
		}
	}
	*pp = p;
	if (n != o->nparams) {
		char b[32];
		snprintf(b, sizeof b, "%u params", n);
		peer_mismatch(d, "auth-param count", where, b);
	}
}

static void auths(struct peer_diff *d, enum sip_hdr_id id, msg_auth_t const *au, const char *what)
{
	struct sip_parse_error err;
	for (const struct sip_hdr *h = sip_hdr_first(d->msg, id); h; h = sip_hdr_next(d->msg, h)) {
		struct slice v = h->value, rest;
		if (!au) {
			peer_mismatch(d, what, v, NULL);
			return;
		}
		msg_param_t const *p = au->au_params;
		bool first = true;
		do {
			struct sip_auth o;
			rest = SLICE_NULL;
			if (sip_auth_decode(&o, v, &rest, &err) < 0) {
				peer_mismatch(d, peer_decode_failed, v, what);
				return;
			}
			if (first) {
				peer_cmp(d, "auth scheme", o.scheme, au->au_scheme, NORM_CASE);
			} else if (!p || !*p || !scheme_prefix(*p)) {
				peer_mismatch(d, what, v, "(none)");
				return;
			} else if (!slice_caseeq(o.scheme, slice_make(param_start(*p),
								     strcspn(param_start(*p), " \t\r\n")))) {
				peer_mismatch(d, "auth scheme", o.scheme, *p);
			}
			auth_params(d, &o, &p, v);
			first = false;
			v = rest;
		} while (rest.ptr && rest.len);
		au = au->au_next;
	}
	if (au)
		peer_mismatch(d, what, SLICE_NULL, "(more)");
}

static void auth_info(struct peer_diff *d, msg_auth_info_t const *ai)
{
	const struct sip_hdr *h = peer_on_both(d, SIP_HDR_AUTHENTICATION_INFO, ai != NULL, "authentication-info");
	if (!h)
		return;
	struct sip_auth o;
	struct sip_parse_error err;
	if (sip_auth_info_decode(&o, h->value, &err) < 0) {
		peer_mismatch(d, peer_decode_failed, h->value, "authentication-info");
		return;
	}
	msg_param_t const *p = ai->ai_params;
	auth_params(d, &o, &p, h->value);
	if (p && *p)
		peer_mismatch(d, "authentication-info", h->value, *p);
}

static void sec_u32(struct peer_diff *d, const char *what, bool has, uint32_t v, const char *sofia)
{
	if (has)
		peer_cmp_u32(d, what, v, sofia);
	else
		peer_mismatch(d, what, SLICE_NULL, sofia);
}

static void secs(struct peer_diff *d, enum sip_hdr_id id, sip_security_client_t const *sa, const char *what)
{
	struct peer_elems e;
	struct slice item;
	struct sip_parse_error err;
	peer_elems_init(&e, d->msg, id);
	for (; peer_elems_next(&e, &item); sa = sa->sa_next) {
		struct sip_sec_mech o;
		if (!sa) {
			peer_mismatch(d, what, item, NULL);
			return;
		}
		if (sip_sec_mech_decode(&o, item, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, item, what);
			return;
		}
		peer_cmp(d, "security mechanism", o.mechanism, sa->sa_mec, NORM_NONE);
		peer_cmp(d, "security q", o.q, sa->sa_q, NORM_NONE);
		for (msg_param_t const *p = sa->sa_params; p && *p; p++) {
			const char *eq = strchr(*p, '=');
			if (!eq)
				continue;
			size_t nl = (size_t)(eq - *p);
			const char *v = eq + 1;
#define NAMED(lit) (nl == sizeof lit - 1 && strncasecmp(*p, lit, nl) == 0)
			if (NAMED("alg"))
				peer_cmp(d, "security alg", o.alg, v, NORM_NONE);
			else if (NAMED("ealg"))
				peer_cmp(d, "security ealg", o.ealg, v, NORM_NONE);
			else if (NAMED("prot"))
				peer_cmp(d, "security prot", o.prot, v, NORM_NONE);
			else if (NAMED("mod"))
				peer_cmp(d, "security mod", o.mod, v, NORM_NONE);
			else if (NAMED("spi-c"))
				sec_u32(d, "security spi-c", o.has_spi_c, o.spi_c, v);
			else if (NAMED("spi-s"))
				sec_u32(d, "security spi-s", o.has_spi_s, o.spi_s, v);
			else if (NAMED("port-c"))
				sec_u32(d, "security port-c", o.has_port_c, o.port_c, v);
			else if (NAMED("port-s"))
				sec_u32(d, "security port-s", o.has_port_s, o.port_s, v);
#undef NAMED
		}
	}
	if (sa)
		peer_mismatch(d, what, SLICE_NULL, "(more)");
}

/* sofia-sip's next list item from *it on, across its headers (*k): NULL
 * after the last. */
static const char *token_next(msg_list_t const **k, msg_param_t const **it)
{
	while ((!*it || !**it) && *k) {
		*k = (*k)->k_next;
		*it = *k ? (*k)->k_items : NULL;
	}
	return *it ? *(*it)++ : NULL;
}

static void tokens(struct peer_diff *d, enum sip_hdr_id id, msg_list_t const *k, const char *what)
{
	struct peer_elems e;
	struct slice item;
	msg_param_t const *it = k ? k->k_items : NULL;
	const char *t;
	peer_elems_init(&e, d->msg, id);
	while (peer_elems_next(&e, &item)) {
		if (!(t = token_next(&k, &it))) {
			peer_mismatch(d, what, item, NULL);
			return;
		}
		peer_cmp(d, what, item, t, NORM_NONE);
	}
	if ((t = token_next(&k, &it)) != NULL)
		peer_mismatch(d, what, SLICE_NULL, t);
}

static void number(struct peer_diff *d, enum sip_hdr_id id, bool present, unsigned long v, const char *what)
{
	const struct sip_hdr *h = peer_on_both(d, id, present, what);
	if (!h)
		return;
	char b[32];
	snprintf(b, sizeof b, "%lu", v);
	peer_cmp(d, what, h->value, b, NORM_NUM);
}

/* A token or a media type (media: sofia-sip writes type/subtype without
 * the SWS around the '/') and its parameters, of ours against sofia-sip's
 * type and parameters. */
static void tokparams_value(struct peer_diff *d, struct slice value, bool media, const char *type,
			    msg_param_t const *sp, const char *what)
{
	struct sip_tokparams o;
	struct sip_parse_error err;
	if (sip_tokparams_decode(&o, value, &err) < 0) {
		peer_mismatch(d, peer_decode_failed, value, what);
		return;
	}
	struct slice v = o.value;
	char b[PEER_VALUE_CAP];
	if (media && v.len < sizeof b) {
		size_t n = 0;
		for (size_t i = 0; i < v.len; i++)
			if (!strchr(" \t\r\n", v.ptr[i]))
				b[n++] = v.ptr[i];
		v = (struct slice){ b, n };
	}
	peer_cmp(d, what, v, type, NORM_NONE);
	params(d, what, o.params, sp);
}

/* The same of one field: Content-Type, Event. */
static void tokparams(struct peer_diff *d, enum sip_hdr_id id, bool present, const char *type,
		      msg_param_t const *sp, const char *what)
{
	const struct sip_hdr *h = peer_on_both(d, id, present, what);
	if (h)
		tokparams_value(d, h->value, id == SIP_HDR_CONTENT_TYPE, type, sp, what);
}

/* Each Accept element of ours, as the codec splits them, against
 * sofia-sip's in order; an empty Accept (RFC 3261 §20.1: "no acceptable
 * formats") is one entry of an empty type to sofia-sip. */
static void accepts(struct peer_diff *d, sip_accept_t const *ac)
{
	struct peer_elems e;
	struct slice item;
	peer_elems_init_blank(&e, d->msg, SIP_HDR_ACCEPT);
	for (; peer_elems_next(&e, &item); ac = ac->ac_next) {
		if (!ac) {
			peer_mismatch(d, "accept count", item, NULL);
			return;
		}
		if (item.len)
			tokparams_value(d, item, true, ac->ac_type, ac->ac_params, "accept");
		else
			peer_cmp(d, "accept", item, ac->ac_type ? ac->ac_type : "", NORM_NONE);
	}
	if (ac)
		peer_mismatch(d, "accept count", SLICE_NULL, ac->ac_type ? ac->ac_type : "(empty)");
}

static void compare(struct peer_diff *d, sip_t const *sip)
{
	const struct sip_msg *msg = d->msg;
	if (msg->is_request != (sip->sip_request != NULL)) {
		peer_mismatch(d, "request or response", msg->start_line, sip->sip_request ? "request" : "response");
		return;
	}
	if (msg->is_request) {
		peer_cmp(d, "method", msg->method, sip->sip_request->rq_method_name, NORM_NONE);
		cmp_url(d, "request-uri", msg->ruri, sip->sip_request->rq_url);
	} else {
		char b[16];
		snprintf(b, sizeof b, "%d", sip->sip_status->st_status);
		peer_cmp_u32(d, "status", msg->status, b);
	}
	const struct sip_hdr *h = peer_on_both(d, SIP_HDR_CALL_ID, sip->sip_call_id != NULL, "call-id");
	if (h)
		peer_cmp(d, "call-id", h->value, sip->sip_call_id->i_id, NORM_NONE);
	h = peer_on_both(d, SIP_HDR_CSEQ, sip->sip_cseq != NULL, "cseq");
	if (h) {
		struct sip_cseq cs;
		struct sip_parse_error err;
		if (sip_cseq_decode(&cs, h->value, &err) < 0) {
			peer_mismatch(d, peer_decode_failed, h->value, "cseq");
		} else {
			char b[16];
			snprintf(b, sizeof b, "%u", (unsigned)sip->sip_cseq->cs_seq);
			peer_cmp_u32(d, "cseq number", cs.seq, b);
			if (!blank_fold_line(h->value))
				peer_cmp(d, "cseq method", cs.method, sip->sip_cseq->cs_method_name,
					 NORM_NONE);
		}
	}
	addr_one(d, SIP_HDR_FROM, sip->sip_from, "from");
	addr_one(d, SIP_HDR_TO, sip->sip_to, "to");
	vias(d, sip->sip_via);
	contacts(d, sip->sip_contact);
	routes(d, SIP_HDR_ROUTE, sip->sip_route, "route");
	routes(d, SIP_HDR_RECORD_ROUTE, sip->sip_record_route, "record-route");
	routes(d, SIP_HDR_PATH, sip->sip_path, "path");
	routes(d, SIP_HDR_SERVICE_ROUTE, sip->sip_service_route, "service-route");
	auths(d, SIP_HDR_AUTHORIZATION, sip->sip_authorization, "authorization");
	auths(d, SIP_HDR_PROXY_AUTHORIZATION, sip->sip_proxy_authorization, "proxy-authorization");
	auths(d, SIP_HDR_WWW_AUTHENTICATE, sip->sip_www_authenticate, "www-authenticate");
	auths(d, SIP_HDR_PROXY_AUTHENTICATE, sip->sip_proxy_authenticate, "proxy-authenticate");
	auth_info(d, sip->sip_authentication_info);
	secs(d, SIP_HDR_SECURITY_CLIENT, sip->sip_security_client, "security-client");
	secs(d, SIP_HDR_SECURITY_SERVER, sip->sip_security_server, "security-server");
	secs(d, SIP_HDR_SECURITY_VERIFY, sip->sip_security_verify, "security-verify");
	tokens(d, SIP_HDR_REQUIRE, sip->sip_require, "require");
	tokens(d, SIP_HDR_PROXY_REQUIRE, sip->sip_proxy_require, "proxy-require");
	tokens(d, SIP_HDR_SUPPORTED, sip->sip_supported, "supported");
	tokens(d, SIP_HDR_UNSUPPORTED, sip->sip_unsupported, "unsupported");
	/* sip_allow_t is msg_list_t with a bitmap after it */
	tokens(d, SIP_HDR_ALLOW, (msg_list_t const *)sip->sip_allow, "allow");
	tokens(d, SIP_HDR_ALLOW_EVENTS, sip->sip_allow_events, "allow-events");
	accepts(d, sip->sip_accept);
	tokparams(d, SIP_HDR_CONTENT_TYPE, sip->sip_content_type != NULL,
		  sip->sip_content_type ? sip->sip_content_type->c_type : NULL,
		  sip->sip_content_type ? sip->sip_content_type->c_params : NULL, "content-type");
	tokparams(d, SIP_HDR_EVENT, sip->sip_event != NULL, sip->sip_event ? sip->sip_event->o_type : NULL,
		  sip->sip_event ? sip->sip_event->o_params : NULL, "event");
	number(d, SIP_HDR_MIN_EXPIRES, sip->sip_min_expires != NULL,
	       sip->sip_min_expires ? sip->sip_min_expires->me_delta : 0, "min-expires");
	number(d, SIP_HDR_MAX_FORWARDS, sip->sip_max_forwards != NULL,
	       sip->sip_max_forwards ? sip->sip_max_forwards->mf_count : 0, "max-forwards");
	number(d, SIP_HDR_EXPIRES, sip->sip_expires != NULL,
	       sip->sip_expires ? sip->sip_expires->ex_delta : 0, "expires");
	if (msg->has_content_length != (sip->sip_content_length != NULL)) {
		peer_mismatch(d, "content-length", SLICE_NULL, sip->sip_content_length ? "(present)" : NULL);
	} else if (msg->has_content_length) {
		char b[16];
		snprintf(b, sizeof b, "%u", (unsigned)sip->sip_content_length->l_length);
		peer_cmp_u32(d, "content-length", msg->content_length, b);
	}
}

/* sofia-sip's message of data[0, len), or NULL when it refuses it. */
static msg_t *sofia_make(const char *data, size_t len)
{
	static msg_mclass_t const *mclass;
	if (!mclass)
		mclass = sip_default_mclass();
	msg_t *m = msg_make(mclass, 0, data, (ssize_t)len);
	sip_t const *sip = m ? sip_object(m) : NULL;
	if (sip && !(sip->sip_flags & MSG_FLG_ERROR) && !sip->sip_error &&
	    (sip->sip_request || sip->sip_status))
		return m;
	if (m)
		msg_destroy(m);
	return NULL;
}

int sofia_diff_values(const struct sip_msg *ours, const char *data, size_t len,
		      sofia_diff_mismatch_cb *cb, void *ctx)
{
	struct peer_diff d = { .cb = cb, .ctx = ctx, .msg = ours };
	msg_t *m = sofia_make(data, len);
	if (!m)
		return -1;
	compare(&d, sip_object(m));
	msg_destroy(m);
	return (int)d.n;
}

bool sofia_diff_accepts(const char *data, size_t len)
{
	msg_t *m = sofia_make(data, len);
	if (m)
		msg_destroy(m);
	return m != NULL;
}

enum sofia_diff_verdict sofia_diff_message(const char *data, size_t len,
					   sofia_diff_mismatch_cb *cb, void *ctx,
					   unsigned *mismatches)
{
	return (enum sofia_diff_verdict)peer_diff_message(data, len, sofia_diff_values,
							  sofia_diff_accepts, cb, ctx, mismatches);
}
