/* encode.c: the canonical text of typed SIP values and whole messages (RFC 3261 §7, §20, §25;
 * RFC 3329 §2.2 for sec-mechanisms). */
#include <errno.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "auth_internal.h"

/* ---- helpers ----------------------------------------------------------- */

/* The length of a fold at p (CRLF or LF followed by SP/HTAB, as scan_lws
 * reads it), or 0. */
static size_t fold_len(const char *p, const char *end)
{
	const char *q = p;
	if (q < end && *q == '\r')
		q++;
	if (q < end && *q == '\n' && q + 1 < end && (q[1] == ' ' || q[1] == '\t'))
		return (size_t)(q + 1 - p);
	return 0;
}

/* s with every fold and the white space around it written as one SP
 * (RFC 3261 §7.3.1: LWS may be replaced by a single SP). Other bytes,
 * a stray CR included, are kept. */
static void put_unfolded(struct buf *b, struct slice s)
{
	if (!s.ptr)
		return;
	const char *p = s.ptr, *end = s.ptr + s.len, *run = p;
	while (p < end) {
		size_t n;
		if ((*p != '\r' && *p != '\n') || (n = fold_len(p, end)) == 0) {
			p++;
			continue;
		}
		const char *e = p;
		while (e > run && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		buf_append(b, run, (size_t)(e - run));
		buf_putc(b, ' ');
		p += n;
		for (;;) {
			while (p < end && (*p == ' ' || *p == '\t'))
				p++;
			if (p < end && (n = fold_len(p, end)) > 0)
				p += n;
			else
				break;
		}
		run = p;
	}
	buf_append(b, run, (size_t)(end - run));
}

static void buf_truncate(struct buf *b, size_t len)
{
	if (b->err || len > b->len)
		return;
	b->len = len;
	if (b->cap)
		b->ptr[len] = '\0';
}

static bool is_token(struct slice s)
{
	if (s.len == 0)
		return false;
	for (size_t i = 0; i < s.len; i++)
		if (!scan_is((unsigned char)s.ptr[i], SCAN_TOKEN))
			return false;
	return true;
}

static void put_quoted(struct buf *b, struct slice s)
{
	buf_putc(b, '"');
	put_unfolded(b, s);
	buf_putc(b, '"');
}

/* sep then name[=value], the value quoted when it was. */
static void put_param(struct buf *b, char sep, const struct sip_param *p)
{
	buf_putc(b, sep);
	buf_slice(b, p->name);
	if (!p->value.ptr)
		return;
	buf_putc(b, '=');
	if (p->quoted)
		put_quoted(b, p->value);
	else
		buf_slice(b, p->value);
}

/* Generic ";name=value" parameters as written (LWS allowed around ';' and
 * '='), rewritten without LWS. Falls back to the text unfolded. */
static void put_generic_params(struct buf *b, struct slice params)
{
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error err;
	size_t mark = b->len;
	int rc;

	sip_param_it_init(&it, params);
	while ((rc = sip_param_next(&it, &p, &err)) > 0)
		put_param(b, ';', &p);
	if (rc < 0) {
		buf_truncate(b, mark);
		buf_putc(b, ';');
		put_unfolded(b, params);
	}
}

static void put_opt_param(struct buf *b, const char *name, struct slice v)
{
	if (!v.ptr)
		return;
	buf_putc(b, ';');
	buf_puts(b, name);
	if (v.len) {
		buf_putc(b, '=');
		buf_slice(b, v);
	}
}

/* ---- typed values ------------------------------------------------------ */

void sip_uri_encode(struct buf *b, const struct sip_uri *uri)
{
	static const char *const scheme[] = { [SIP_URI_SIP] = "sip", [SIP_URI_SIPS] = "sips",
					      [SIP_URI_TEL] = "tel" };

	if (uri->scheme_name.ptr)
		buf_slice(b, uri->scheme_name);
	else if (uri->scheme != SIP_URI_OTHER)
		buf_puts(b, scheme[uri->scheme]);
	buf_putc(b, ':');
	if (uri->scheme == SIP_URI_OTHER) {
		buf_slice(b, uri->opaque);
		return;
	}
	if (uri->scheme == SIP_URI_TEL) {
		buf_slice(b, uri->user);
	} else {
		if (uri->user.ptr) {
			buf_slice(b, uri->user);
			if (uri->password.ptr) {
				buf_putc(b, ':');
				buf_slice(b, uri->password);
			}
			buf_putc(b, '@');
		}
		buf_slice(b, uri->host);
		if (uri->has_port)
			buf_printf(b, ":%u", (unsigned)uri->port);
	}
	if (uri->params.ptr) {
		/* URIs carry no LWS: the parameters as written are canonical */
		buf_putc(b, ';');
		buf_slice(b, uri->params);
	} else {
		put_opt_param(b, "transport", uri->transport);
		put_opt_param(b, "user", uri->user_param);
		put_opt_param(b, "maddr", uri->maddr);
		put_opt_param(b, "ttl", uri->ttl);
		put_opt_param(b, "method", uri->method);
		if (uri->lr)
			buf_puts(b, ";lr");
	}
	if (uri->headers.ptr) {
		buf_putc(b, '?');
		buf_slice(b, uri->headers);
	}
}

void sip_addr_encode(struct buf *b, const struct sip_addr *addr)
{
	if (addr->star) {
		buf_putc(b, '*');
	} else {
		if (addr->display.ptr && addr->display.len) {
			put_unfolded(b, addr->display);
			buf_putc(b, ' ');
		}
		/* a display name needs the name-addr form */
		bool angle = addr->angle || (addr->display.ptr && addr->display.len);
		if (angle)
			buf_putc(b, '<');
		sip_uri_encode(b, &addr->uri);
		if (angle)
			buf_putc(b, '>');
	}
	if (addr->params.ptr) {
		put_generic_params(b, addr->params);
	} else {
		put_opt_param(b, "tag", addr->tag);
		if (addr->has_expires)
			buf_printf(b, ";expires=%u", (unsigned)addr->expires);
		put_opt_param(b, "q", addr->q);
	}
}

void sip_via_encode(struct buf *b, const struct sip_via *via)
{
	buf_slice(b, via->protocol.ptr ? via->protocol : SLICE_LIT("SIP"));
	buf_putc(b, '/');
	buf_slice(b, via->version.ptr ? via->version : SLICE_LIT("2.0"));
	buf_putc(b, '/');
	buf_slice(b, via->transport);
	buf_putc(b, ' ');
	buf_slice(b, via->host);
	if (via->has_port)
		buf_printf(b, ":%u", (unsigned)via->port);
	if (via->params.ptr) {
		put_generic_params(b, via->params);
	} else {
		put_opt_param(b, "branch", via->branch);
		put_opt_param(b, "received", via->received);
		put_opt_param(b, "maddr", via->maddr);
		put_opt_param(b, "ttl", via->ttl);
		if (via->has_rport)
			put_opt_param(b, "rport", via->rport.ptr ? via->rport : SLICE_LIT(""));
	}
}

void sip_cseq_encode(struct buf *b, const struct sip_cseq *cseq)
{
	buf_printf(b, "%u ", (unsigned)cseq->seq);
	buf_slice(b, cseq->method);
}

/* Known fields first, in enum order, then the unknown parameters as written
 * (their order kept). A value is quoted when it was, or when it is not a
 * token (so the text always decodes again). */
void sip_auth_encode(struct buf *b, const struct sip_auth *auth)
{
	bool first = true;

	if (auth->scheme.ptr)
		buf_slice(b, auth->scheme);
	for (int f = 0; f < SIP_AUTH__COUNT; f++) {
		struct slice v = auth->field[f];
		if (!v.ptr)
			continue;
		buf_puts(b, first ? (auth->scheme.ptr ? " " : "") : ", ");
		first = false;
		buf_puts(b, sip_auth_field_name((enum sip_auth_field)f));
		buf_putc(b, '=');
		if ((auth->quoted & (1u << f)) || !is_token(v))
			put_quoted(b, v);
		else
			buf_slice(b, v);
	}
	if (!auth->params.ptr)
		return;
	struct scan sc;
	scan_init(&sc, auth->params);
	for (;;) {
		struct slice name, value;
		bool quoted;
		const char *reason;
		if (sip_auth_param_scan(&sc, &name, &value, &quoted, &reason) < 0)
			break;
		if (sip_auth_field_lookup(name) < 0) {
			buf_puts(b, first ? (auth->scheme.ptr ? " " : "") : ", ");
			first = false;
			buf_slice(b, name);
			buf_putc(b, '=');
			if (quoted)
				put_quoted(b, value);
			else
				buf_slice(b, value);
		}
		scan_lws(&sc);
		if (!scan_accept(&sc, ','))
			break;
		scan_lws(&sc);
	}
}

/* "[" IPv6 "]" as gen-value's host allows it (security.c). */
static bool is_bracket_host(struct slice v)
{
	if (v.len < 2 || v.ptr[0] != '[' || v.ptr[v.len - 1] != ']')
		return false;
	for (size_t i = 1; i + 1 < v.len; i++)
		if (!scan_is((unsigned char)v.ptr[i], SCAN_HEX) && v.ptr[i] != ':' && v.ptr[i] != '.')
			return false;
	return true;
}

static void put_mech_value(struct buf *b, const char *name, struct slice v)
{
	if (!v.ptr)
		return;
	buf_putc(b, ';');
	buf_puts(b, name);
	buf_putc(b, '=');
	if (is_token(v) || is_bracket_host(v))
		buf_slice(b, v);
	else
		put_quoted(b, v);
}

void sip_sec_mech_encode(struct buf *b, const struct sip_sec_mech *m)
{
	buf_slice(b, m->mechanism);
	put_mech_value(b, "alg", m->alg);
	put_mech_value(b, "ealg", m->ealg);
	put_mech_value(b, "prot", m->prot);
	put_mech_value(b, "mod", m->mod);
	if (m->has_spi_c)
		buf_printf(b, ";spi-c=%u", (unsigned)m->spi_c);
	if (m->has_spi_s)
		buf_printf(b, ";spi-s=%u", (unsigned)m->spi_s);
	if (m->has_port_c)
		buf_printf(b, ";port-c=%u", (unsigned)m->port_c);
	if (m->has_port_s)
		buf_printf(b, ";port-s=%u", (unsigned)m->port_s);
	put_mech_value(b, "q", m->q);
	put_mech_value(b, "d-alg", m->d_alg);
	put_mech_value(b, "d-qop", m->d_qop);
	if (m->d_ver.ptr) {
		/* digest-verify = "d-ver" EQUAL LDQUOT 32LHEX RDQUOT */
		buf_puts(b, ";d-ver=");
		put_quoted(b, m->d_ver);
	}
	if (!m->params.ptr)
		return;
	struct scan sc;
	scan_init(&sc, m->params);
	for (bool first = true;; first = false) {
		struct sip_param p;
		const char *reason;
		if (!first) {
			scan_lws(&sc);
			if (!scan_accept(&sc, ';'))
				break;
			scan_lws(&sc);
		}
		if (sip_sec_param_scan(&sc, &p.name, &p.value, &p.quoted, &reason) < 0)
			break;
		if (!sip_sec_param_known(p.name))
			put_param(b, ';', &p);
	}
}

void sip_hdr_encode(struct buf *b, enum sip_hdr_id id, struct slice name, struct slice value)
{
	const char *canon = id != SIP_HDR_OTHER ? sip_hdr_name(id) : NULL;
	if (canon)
		buf_puts(b, canon);
	else
		buf_slice(b, name);
	buf_puts(b, ": ");
	put_unfolded(b, value);
	buf_puts(b, "\r\n");
}

/* ---- messages ---------------------------------------------------------- */

/* Each element of a comma list through decode + encode, joined by ", ". */
static int list_encode(struct buf *b, enum sip_hdr_id id, struct slice value)
{
	struct sip_list it;
	struct slice item;
	struct sip_parse_error err;
	bool first = true;
	int rc;

	sip_list_init(&it, value);
	while ((rc = sip_list_next(&it, &item, &err)) > 0) {
		if (!first)
			buf_puts(b, ", ");
		first = false;
		switch (id) {
		case SIP_HDR_VIA: {
			struct sip_via via;
			if ((rc = sip_via_decode(&via, item, &err)) < 0)
				return rc;
			sip_via_encode(b, &via);
			break;
		}
		case SIP_HDR_SECURITY_CLIENT:
		case SIP_HDR_SECURITY_SERVER:
		case SIP_HDR_SECURITY_VERIFY: {
			struct sip_sec_mech m;
			if ((rc = sip_sec_mech_decode(&m, item, &err)) < 0)
				return rc;
			sip_sec_mech_encode(b, &m);
			break;
		}
		case SIP_HDR_REQUIRE:
		case SIP_HDR_PROXY_REQUIRE:
		case SIP_HDR_SUPPORTED:
		case SIP_HDR_UNSUPPORTED:
		case SIP_HDR_ALLOW: {
			struct slice tok;
			if ((rc = sip_token_decode(&tok, item, &err)) < 0)
				return rc;
			buf_slice(b, tok);
			break;
		}
		default: {
			struct sip_addr addr;
			unsigned flags = id == SIP_HDR_CONTACT ? SIP_ADDR_ALLOW_STAR : 0;
			if ((rc = sip_addr_decode(&addr, item, flags, &err)) < 0)
				return rc;
			sip_addr_encode(b, &addr);
			break;
		}
		}
	}
	return rc;
}

/* Credentials or challenges, one or more in the field. */
static int auth_list_encode(struct buf *b, struct slice value)
{
	struct sip_parse_error err;
	struct sip_auth auth;
	struct slice rest;
	int rc;

	for (bool first = true; value.ptr; first = false, value = rest) {
		if ((rc = sip_auth_decode(&auth, value, &rest, &err)) < 0)
			return rc;
		if (!first)
			buf_puts(b, ", ");
		sip_auth_encode(b, &auth);
	}
	return 0;
}

/* The canonical value of a header: 0, 1 when the codec has no typed form
 * for it (nothing written), or the error of its typed decode. */
static int value_encode(struct buf *b, enum sip_hdr_id id, struct slice value)
{
	struct sip_parse_error err;
	int rc;

	switch (id) {
	case SIP_HDR_VIA:
	case SIP_HDR_CONTACT:
	case SIP_HDR_ROUTE:
	case SIP_HDR_RECORD_ROUTE:
	case SIP_HDR_PATH:
	case SIP_HDR_SERVICE_ROUTE:
	case SIP_HDR_P_ASSOCIATED_URI:
	case SIP_HDR_P_ASSERTED_IDENTITY:
	case SIP_HDR_P_PREFERRED_IDENTITY:
	case SIP_HDR_SECURITY_CLIENT:
	case SIP_HDR_SECURITY_SERVER:
	case SIP_HDR_SECURITY_VERIFY:
	case SIP_HDR_REQUIRE:
	case SIP_HDR_PROXY_REQUIRE:
	case SIP_HDR_SUPPORTED:
	case SIP_HDR_UNSUPPORTED:
	case SIP_HDR_ALLOW:
		return list_encode(b, id, value);
	case SIP_HDR_FROM:
	case SIP_HDR_TO: {
		struct sip_addr addr;
		if ((rc = sip_addr_decode(&addr, value, 0, &err)) < 0)
			return rc;
		sip_addr_encode(b, &addr);
		return 0;
	}
	case SIP_HDR_CSEQ: {
		struct sip_cseq cseq;
		if ((rc = sip_cseq_decode(&cseq, value, &err)) < 0)
			return rc;
		sip_cseq_encode(b, &cseq);
		return 0;
	}
	case SIP_HDR_CALL_ID: {
		struct sip_call_id cid;
		if ((rc = sip_call_id_decode(&cid, value, &err)) < 0)
			return rc;
		buf_slice(b, cid.local);
		if (cid.host.ptr) {
			buf_putc(b, '@');
			buf_slice(b, cid.host);
		}
		return 0;
	}
	case SIP_HDR_EXPIRES:
	case SIP_HDR_MIN_EXPIRES:
	case SIP_HDR_MAX_FORWARDS: {
		uint32_t n;
		if ((rc = sip_u32_decode(&n, value, &err)) < 0)
			return rc;
		buf_printf(b, "%u", (unsigned)n);
		return 0;
	}
	case SIP_HDR_AUTHORIZATION:
	case SIP_HDR_PROXY_AUTHORIZATION:
	case SIP_HDR_WWW_AUTHENTICATE:
	case SIP_HDR_PROXY_AUTHENTICATE:
		return auth_list_encode(b, value);
	case SIP_HDR_AUTHENTICATION_INFO: {
		struct sip_auth auth;
		if ((rc = sip_auth_info_decode(&auth, value, &err)) < 0)
			return rc;
		sip_auth_encode(b, &auth);
		return 0;
	}
	default:
		return 1;
	}
}

int sip_msg_encode(struct buf *b, const struct sip_msg *msg)
{
	int first_err = 0;
	bool length_done = false;

	if (msg->is_request) {
		struct sip_uri uri;
		struct sip_parse_error err;
		buf_slice(b, msg->method);
		buf_putc(b, ' ');
		int rc = sip_uri_decode(&uri, msg->ruri, &err);
		if (rc == 0) {
			sip_uri_encode(b, &uri);
		} else {
			buf_slice(b, msg->ruri);
			first_err = rc;
		}
		buf_putc(b, ' ');
		buf_slice(b, msg->version);
	} else {
		buf_slice(b, msg->version);
		buf_printf(b, " %03u ", (unsigned)msg->status);
		buf_slice(b, msg->reason);
	}
	buf_puts(b, "\r\n");

	for (uint16_t i = 0; i < msg->nhdrs; i++) {
		const struct sip_hdr *h = &msg->hdrs[i];
		if (h->id == SIP_HDR_CONTENT_LENGTH) {
			/* one Content-Length, where the first was, from the body */
			if (!length_done)
				buf_printf(b, "Content-Length: %zu\r\n", msg->body.len);
			length_done = true;
			continue;
		}
		size_t mark = b->len;
		const char *canon = h->id != SIP_HDR_OTHER ? sip_hdr_name(h->id) : NULL;
		if (canon)
			buf_puts(b, canon);
		else
			buf_slice(b, h->name);
		buf_puts(b, ": ");
		int rc = value_encode(b, h->id, h->value);
		if (rc > 0) {
			/* no typed form: the value unfolded */
			buf_truncate(b, mark);
			sip_hdr_encode(b, h->id, h->name, h->value);
			continue;
		}
		if (rc < 0) {
			/* it does not decode: the value exactly as written, folding
			 * kept, so that a re-parse fails the same way (unfolding can
			 * change the verdict, e.g. after an escaped CR) */
			if (first_err == 0)
				first_err = rc;
			buf_truncate(b, mark + (canon ? strlen(canon) : h->name.len) + 2);
			buf_slice(b, h->value);
		}
		buf_puts(b, "\r\n");
	}
	if (!length_done)
		buf_printf(b, "Content-Length: %zu\r\n", msg->body.len);
	buf_puts(b, "\r\n");
	buf_slice(b, msg->body);
	return b->err ? b->err : first_err;
}
