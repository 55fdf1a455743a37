/* check_test.c: sip_msg_check routes each header to its typed decoder and
 * reports the first error with the header and the offset of the offending
 * byte; single-value repeats, CSeq/method mismatch, Request-URI headers and
 * Content-Length vs body are errors. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "check.h"
#include "decode_internal.h"
#include "hdr_scan.h"
#include "sip/hdr_id.h"

/* ---- the oracle ------------------------------------------------------
 * sip_msg_check and sip_hdr_check as they were before the fast paths (main
 * 9502c25), on the same decoders: each field cleared and decoded on its
 * own, CSeq decoded again for the method compare, every list through
 * element_decode_at, token lists split again. The tests below compare the
 * verdict, err->at, err->hdr, err->offset and the reason of the two on
 * every input they build. */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#endif

/* Completes err for a failure inside header h (or the request line when h
 * is NULL): err->at defaults to `at` when the decoder left it unset. */
static int fail_in(const struct sip_msg *msg, const struct sip_hdr *h, int rc, const char *at,
		   const char *reason, struct sip_parse_error *err)
{
	err->code = rc < 0 ? rc : -EBADMSG;
	if (!err->at || err->at < msg->buf || err->at > msg->buf + msg->len)
		err->at = at;
	if (!err->reason)
		err->reason = reason;
	err->hdr = h ? h->id : SIP_HDR_OTHER;
	err->offset = (size_t)(err->at - msg->buf);
	return err->code;
}

static void err_clear(struct sip_parse_error *err)
{
	err->code = 0;
	err->at = NULL;
	err->reason = NULL;
	err->hdr = SIP_HDR_OTHER;
	err->offset = 0;
}

/* Calls one element decoder for every element of a comma list. */
enum element_kind {
	EL_VIA,
	EL_ADDR,
	EL_NAME_ADDR, /* RFC 3261 route-param, rec-route; RFC 3327, 3608, 7315 */
	EL_WARNING,
	EL_TOKPARAMS,     /* token or quoted-string (P-Visited-Network-ID) */
	EL_TOKEN_PARAMS,  /* token only (P-Access-Network-Info, Reason) */
	EL_SEC_MECH,
	EL_MEDIA,
};

static int content_type_decode(struct slice v, struct sip_parse_error *err);

static int element_decode(enum element_kind kind, struct slice item, struct sip_parse_error *err)
{
	switch (kind) {
	case EL_VIA: {
		struct sip_via via;
		return sip_via_decode(&via, item, err);
	}
	case EL_ADDR: {
		struct sip_addr addr;
		return sip_addr_decode(&addr, item, 0, err);
	}
	case EL_NAME_ADDR: {
		struct sip_addr addr;
		return sip_addr_decode(&addr, item, SIP_ADDR_NAME_ADDR, err);
	}
	case EL_WARNING: {
		struct sip_warning w;
		return sip_warning_decode(&w, item, err);
	}
	case EL_TOKPARAMS:
	case EL_TOKEN_PARAMS: {
		struct sip_tokparams tp;
		int rc = sip_tokparams_decode(&tp, item, err);
		if (rc < 0)
			return rc;
		return sip_tokparams_shape_check(&tp, kind == EL_TOKPARAMS ? SIP_TOK_TOKEN_QUOTED : SIP_TOK_TOKEN,
						 err);
	}
	case EL_SEC_MECH: {
		struct sip_sec_mech m;
		return sip_sec_mech_decode(&m, item, err);
	}
	case EL_MEDIA:
		return content_type_decode(item, err);
	}
	return -EINVAL;
}

/* The elements from v on, each split by sip_list_next and decoded as a
 * slice: the verdict of record (and the path of the element kinds without
 * a cursor decoder). */
static int list_decode_slow(struct slice v, enum element_kind kind, struct sip_parse_error *err)
{
	struct sip_list it;
	struct slice item;
	int rc;
	sip_list_init(&it, v);
	while ((rc = sip_list_next(&it, &item, err)) > 0) {
		rc = element_decode(kind, item, err);
		if (rc < 0)
			return rc;
	}
	return rc;
}

static inline const char *ref_skip_lws_bytes(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

/* One element at sc with its cursor decoder (decode_internal.h). */
static int element_decode_at(enum element_kind kind, struct scan *sc, unsigned addr_flags,
			     struct sip_parse_error *err)
{
	switch (kind) {
	case EL_VIA: {
		struct sip_via via;
		return sip_via_decode_at(&via, sc, err);
	}
	case EL_ADDR:
	case EL_NAME_ADDR: {
		struct sip_addr addr;
		return sip_addr_decode_at(&addr, sc, addr_flags, err);
	}
	case EL_SEC_MECH: {
		struct sip_sec_mech m;
		return sip_sec_mech_decode_at(&m, sc, err);
	}
	case EL_TOKPARAMS:
	case EL_TOKEN_PARAMS: {
		struct sip_tokparams tp;
		int rc = sip_tokparams_decode_at(&tp, sc, err);
		if (rc < 0)
			return rc;
		return sip_tokparams_shape_check(&tp, kind == EL_TOKPARAMS ? SIP_TOK_TOKEN_QUOTED : SIP_TOK_TOKEN,
						 err);
	}
	default:
		return -EAGAIN;
	}
}

/* A comma list read once, each element decoded from the cursor up to its
 * ',': 0, or -EAGAIN (with err as it was) when an element is one the
 * cursor decoders leave to the slice path, which then decodes the whole
 * value again and gives the verdict, offset and reason of record. */
static int list_decode_fast(struct slice v, enum element_kind kind, unsigned addr_flags,
			    struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	const char *at = err->at, *reason = err->reason;
	if (!p)
		return -EAGAIN;
	for (;;) {
		p = ref_skip_lws_bytes(p, end);
		if (p >= end)
			return 0;
		struct scan sc = { p, end };
		if (element_decode_at(kind, &sc, addr_flags, err) < 0 ||
		    (sc.p < end && ref_skip_lws_bytes(sc.p + 1, end) >= end))
			break; /* a ',' that ends the list: the slice path's error */
		if (sc.p >= end)
			return 0;
		p = sc.p + 1;
	}
	err->at = at;
	err->reason = reason;
	return -EAGAIN;
}

static int list_decode(const struct sip_hdr *h, enum element_kind kind, struct sip_parse_error *err)
{
	if (list_decode_fast(h->value, kind, kind == EL_NAME_ADDR ? SIP_ADDR_NAME_ADDR : 0, err) == 0)
		return 0;
	return list_decode_slow(h->value, kind, err);
}

/* A list of tokens (Require, Supported, Allow, ...): no element may hold a
 * quote or '<', so the commas split it as they stand (any quote is then a
 * token error of its element). */
static int token_list_decode(const struct sip_hdr *h, struct sip_parse_error *err)
{
	const char *p = h->value.ptr, *end = p + h->value.len;
	if (p == end)
		return 0; /* Allow: / Supported: may be empty */
	/* one pass: each element LWS token LWS, as the split below accepts;
	 * anything else is left to it for the verdict and the offset */
	for (const char *q = p;;) {
		q = ref_skip_lws_bytes(q, end);
		const char *t = scan_class_span(q, end, SCAN_TOKEN);
		if (t == q)
			break;
		q = ref_skip_lws_bytes(t, end);
		if (q >= end)
			return 0;
		if (*q != ',')
			break;
		q++;
	}
	for (;;) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		const char *e = c ? c : end;
		struct slice tok, item = slice_trim(slice_span(p, e));
		if (item.len == 0) {
			/* at the comma that opens or closes the empty element */
			err->at = c ? c : p - 1;
			err->reason = "empty element in a comma-separated list";
			return -EBADMSG;
		}
		int rc = sip_token_decode(&tok, item, err);
		if (rc < 0)
			return rc;
		if (!c)
			return 0;
		p = c + 1;
	}
}

/* Contact = ( STAR / (contact-param *(COMMA contact-param)) ) (§20.10):
 * "*" stands alone in its field (that it is the only Contact field is
 * checked by sip_msg_check, for the message). */
static int contact_decode(const struct sip_hdr *h, struct sip_parse_error *err)
{
	struct sip_list it;
	struct slice item;
	struct sip_addr addr;
	const char *star = NULL;
	unsigned count = 0;
	int rc;
	/* "*" is left to the slice path: a fast pass has none */
	if (list_decode_fast(h->value, EL_ADDR, SIP_ADDR_ALLOW_STAR, err) == 0)
		return 0;
	sip_list_init(&it, h->value);
	while ((rc = sip_list_next(&it, &item, err)) > 0) {
		rc = sip_addr_decode(&addr, item, SIP_ADDR_ALLOW_STAR, err);
		if (rc < 0)
			return rc;
		if (addr.star)
			star = item.ptr;
		count++;
	}
	if (rc < 0)
		return rc;
	if (star && count > 1) {
		err->at = star;
		err->reason = "Contact: \"*\" must be the only contact";
		return -EBADMSG;
	}
	return 0;
}

/* Privacy = priv-value *(";" priv-value) (RFC 3323 §4.2): each a token. */
static int privacy_decode(struct slice v, struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	for (;;) {
		const char *s = p;
		while (p < end && *p != ';')
			p++;
		struct slice tok, item = slice_trim(slice_span(s, p));
		if (item.len == 0) {
			if (err)
				err->at = s;
			return -EBADMSG;
		}
		int rc = sip_token_decode(&tok, item, err);
		if (rc < 0)
			return rc;
		if (p >= end)
			return 0;
		p++;
	}
}

/* A field made only of generic-params (RFC 7315 §4.5, §4.6). */
static int params_only_decode(struct slice v, struct sip_parse_error *err)
{
	struct scan sc;
	struct sip_param prm;
	int rc, n = 0;
	scan_init(&sc, v);
	while ((rc = sip_genparam_next_run(&sc, &prm, n == 0 ? SIP_GENPARAM_FIRST : 0, err)) > 0)
		n++;
	if (rc == 0 && n == 0) {
		err->at = v.ptr;
		err->reason = "expected parameters";
		return -EBADMSG;
	}
	return rc;
}

/* media-type = m-type SLASH m-subtype *(SEMI m-parameter) (§20.15). */
static int content_type_decode(struct slice v, struct sip_parse_error *err)
{
	struct scan sc;
	struct slice t;
	scan_init(&sc, v);
	if (scan_token(&sc, &t) < 0 || scan_expect(&sc, '/', true) < 0) {
		if (err) {
			err->at = sc.p;
			err->reason = "media type: expected type \"/\" subtype";
		}
		return -EBADMSG;
	}
	scan_lws(&sc);
	if (scan_token(&sc, &t) < 0) {
		if (err) {
			err->at = sc.p;
			err->reason = "media type: expected a subtype token after \"/\"";
		}
		return -EBADMSG;
	}
	struct sip_param prm;
	int rc;
	scan_lws(&sc);
	if (!scan_eof(&sc) && *sc.p != ';') {
		if (err) {
			err->at = sc.p;
			err->reason = "media type: expected ';' and parameters after the type";
		}
		return -EBADMSG;
	}
	/* m-parameter (§20.15) and accept-param (§20.1): a generic-param's
	 * gen-value, token / host / quoted-string; a boundary with ':' or '/'
	 * is quoted (RFC 2046 §5.1.1) */
	while ((rc = sip_genparam_next(&sc, v.ptr, &prm, 0, err)) > 0)
		;
	return rc;
}

static int auth_decode_all(const struct sip_hdr *h, struct sip_parse_error *err)
{
	struct slice v = h->value, rest;
	do {
		struct sip_auth auth;
		rest = SLICE_NULL;
		int rc = sip_auth_decode(&auth, v, &rest, err);
		if (rc < 0)
			return rc;
		v = rest;
	} while (rest.ptr && rest.len);
	return 0;
}

static int product_decode_all(const struct sip_hdr *h, struct sip_parse_error *err)
{
	struct sip_product_it it;
	struct sip_product prod;
	int rc;
	sip_product_it_init(&it, h->value);
	while ((rc = sip_product_next(&it, &prod, err)) > 0)
		;
	return rc;
}

/* header-value = *(TEXT-UTF8char / UTF8-CONT / LWS) (RFC 3261 §25.1): no
 * control byte but HTAB and the CR LF of a fold. escaped allows one after
 * a backslash (a quoted-pair, in the known fields not decoded further). */
static int text_value_check(struct slice v, bool escaped, struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	while ((p = scan_find_ctl(p, end)) < end) {
		if (!escaped || p == v.ptr || p[-1] != '\\') {
			err->at = p;
			err->reason = "control character in a header field value";
			return -EBADMSG;
		}
		p++;
	}
	return 0;
}

/* The fields whose grammar asks for at least one element (RFC 3261 §25.1
 * "HCOLON element *(COMMA element)", and the RFCs of the others alike):
 * every list the codec decodes but Allow, Supported, Accept and
 * P-Associated-URI, which may be empty. */
static bool needs_element(enum sip_hdr_id id)
{
	switch (id) {
	case SIP_HDR_VIA: case SIP_HDR_CONTACT: case SIP_HDR_ROUTE: case SIP_HDR_RECORD_ROUTE:
	case SIP_HDR_PATH: case SIP_HDR_SERVICE_ROUTE: case SIP_HDR_P_ASSERTED_IDENTITY:
	case SIP_HDR_P_PREFERRED_IDENTITY: case SIP_HDR_REQUIRE: case SIP_HDR_PROXY_REQUIRE:
	case SIP_HDR_UNSUPPORTED: case SIP_HDR_ALLOW_EVENTS: case SIP_HDR_CONTENT_ENCODING:
	case SIP_HDR_CONTENT_LANGUAGE: case SIP_HDR_WARNING: case SIP_HDR_USER_AGENT:
	case SIP_HDR_SERVER: case SIP_HDR_P_VISITED_NETWORK_ID: case SIP_HDR_P_ACCESS_NETWORK_INFO:
	case SIP_HDR_REASON: case SIP_HDR_SECURITY_CLIENT: case SIP_HDR_SECURITY_SERVER:
	case SIP_HDR_SECURITY_VERIFY:
		return true;
	default:
		return false;
	}
}

/* One header with the decoder its id calls for; the fields with no decoder
 * here are checked for control bytes only. */
static int hdr_decode(const struct sip_hdr *h, struct sip_parse_error *err)
{
	uint32_t u;
	if (slice_trim(h->value).len == 0 && h->value.ptr) {
		if (needs_element(h->id)) {
			err->at = h->value.ptr;
			err->reason = "empty header field value: the field needs at least one element";
			return -EBADMSG;
		}
		if (h->id == SIP_HDR_ALLOW || h->id == SIP_HDR_SUPPORTED)
			return 0;
	}
	switch (h->id) {
	case SIP_HDR_VIA:
		return list_decode(h, EL_VIA, err);
	case SIP_HDR_CONTACT:
		return contact_decode(h, err);
	case SIP_HDR_ROUTE:
	case SIP_HDR_RECORD_ROUTE:
	case SIP_HDR_PATH:
	case SIP_HDR_SERVICE_ROUTE:
	case SIP_HDR_P_ASSOCIATED_URI:
		return list_decode(h, EL_NAME_ADDR, err);
	case SIP_HDR_P_ASSERTED_IDENTITY:
	case SIP_HDR_P_PREFERRED_IDENTITY:
		return list_decode(h, EL_ADDR, err);
	case SIP_HDR_FROM:
	case SIP_HDR_TO:
	case SIP_HDR_REPLY_TO:
	case SIP_HDR_REFER_TO:
	case SIP_HDR_REFERRED_BY:
	case SIP_HDR_P_CALLED_PARTY_ID:
		return element_decode(EL_ADDR, h->value, err);
	case SIP_HDR_CSEQ: {
		struct sip_cseq cseq;
		return sip_cseq_decode(&cseq, h->value, err);
	}
	case SIP_HDR_EXPIRES:
	case SIP_HDR_MIN_EXPIRES:
	case SIP_HDR_MAX_FORWARDS:
	case SIP_HDR_CONTENT_LENGTH:
		return sip_u32_decode(&u, h->value, err);
	case SIP_HDR_CALL_ID: {
		struct sip_call_id cid;
		return sip_call_id_decode(&cid, h->value, err);
	}
	case SIP_HDR_MIME_VERSION: {
		uint32_t major, minor;
		return sip_mime_version_decode(&major, &minor, h->value, err);
	}
	case SIP_HDR_REQUIRE:
	case SIP_HDR_PROXY_REQUIRE:
	case SIP_HDR_SUPPORTED:
	case SIP_HDR_UNSUPPORTED:
	case SIP_HDR_ALLOW:
		return token_list_decode(h, err);
	case SIP_HDR_PRIVACY:
		return privacy_decode(h->value, err);
	case SIP_HDR_WARNING:
		return list_decode(h, EL_WARNING, err);
	case SIP_HDR_DATE: {
		struct sip_date d;
		return sip_date_decode(&d, h->value, err);
	}
	case SIP_HDR_RETRY_AFTER: {
		struct sip_retry_after ra;
		return sip_retry_after_decode(&ra, h->value, err);
	}
	case SIP_HDR_USER_AGENT:
	case SIP_HDR_SERVER:
		return product_decode_all(h, err);
	case SIP_HDR_P_VISITED_NETWORK_ID:
		return list_decode(h, EL_TOKPARAMS, err);
	case SIP_HDR_P_ACCESS_NETWORK_INFO:
		return list_decode(h, EL_TOKEN_PARAMS, err);
	case SIP_HDR_EVENT:                /* RFC 6665 §8.4 event-type *(;event-param) */
	case SIP_HDR_SUBSCRIPTION_STATE:   /* RFC 6665 §8.2.3 substate-value *(;param) */
	case SIP_HDR_SESSION_EXPIRES:      /* RFC 4028 delta-seconds *(;se-params) */
	case SIP_HDR_CONTENT_DISPOSITION:  /* §20.11 disp-type *(;disp-param) */
	case SIP_HDR_PRIORITY: {           /* §20.26 priority-value */
		struct sip_tokparams tp;
		int rc = sip_tokparams_decode(&tp, h->value, err);
		if (rc < 0)
			return rc;
		enum sip_tok_shape shape = SIP_TOK_TOKEN;
		if (h->id == SIP_HDR_EVENT)
			shape = SIP_TOK_EVENT_TYPE;
		else if (h->id == SIP_HDR_SESSION_EXPIRES)
			shape = SIP_TOK_DELTA_SECONDS;
		return sip_tokparams_shape_check(&tp, shape, err);
	}
	case SIP_HDR_REASON:               /* RFC 3326 protocol *(;reason-params), list */
		return list_decode(h, EL_TOKEN_PARAMS, err);
	case SIP_HDR_ALLOW_EVENTS:         /* RFC 6665 event-type list */
	case SIP_HDR_CONTENT_ENCODING:     /* §20.12 content-coding list */
	case SIP_HDR_CONTENT_LANGUAGE:     /* §20.13 language-tag list */
		return token_list_decode(h, err);
	case SIP_HDR_ACCEPT:               /* §20.1 media-range *(;params), list */
		return list_decode(h, EL_MEDIA, err);
	case SIP_HDR_P_CHARGING_VECTOR:    /* RFC 7315 §4.6 icid-value and params */
	case SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES: /* RFC 7315 §4.5 ccf= / ecf= params */
		return params_only_decode(h->value, err);
	case SIP_HDR_CONTENT_TYPE:
		return content_type_decode(h->value, err);
	case SIP_HDR_AUTHORIZATION:
	case SIP_HDR_PROXY_AUTHORIZATION:
	case SIP_HDR_WWW_AUTHENTICATE:
	case SIP_HDR_PROXY_AUTHENTICATE:
		return auth_decode_all(h, err);
	case SIP_HDR_AUTHENTICATION_INFO: {
		struct sip_auth auth;
		return sip_auth_info_decode(&auth, h->value, err);
	}
	case SIP_HDR_SECURITY_CLIENT:
	case SIP_HDR_SECURITY_SERVER:
	case SIP_HDR_SECURITY_VERIFY:
		return list_decode(h, EL_SEC_MECH, err);
	default:
		return text_value_check(h->value, true, err);
	}
}

static int ref_hdr_check(const struct sip_msg *msg, const struct sip_hdr *h,
			 struct sip_parse_error *err)
{
	struct sip_parse_error local;
	int rc;
	if (!err)
		err = &local;
	err_clear(err);
	if (h->id == SIP_HDR_OTHER) {
		/* unknown syntax: kept as written, but text (RFC 3261 §25.1) */
		rc = text_value_check(h->value, false, err);
	} else {
		rc = hdr_decode(h, err);
	}
	if (rc < 0)
		return fail_in(msg, h, rc, h->value.ptr, "malformed header field value", err);
	return 0;
}

/* What ties the fields of a request together: the CSeq method is the
 * request's (§8.1.1.5; RFC 4475 mismatch01, mismatch02), and a "*" Contact
 * is the only Contact field (§10.2.2). */
static int msg_consistency_check(const struct sip_msg *msg, struct sip_parse_error *err)
{
	const struct sip_hdr *h = sip_hdr_first(msg, SIP_HDR_CSEQ);
	if (msg->is_request && h) {
		struct sip_cseq cseq;
		if (sip_cseq_decode(&cseq, h->value, err) == 0 && !slice_eq(cseq.method, msg->method)) {
			err_clear(err);
			err->at = cseq.method.ptr;
			err->reason = "CSeq method differs from the request method";
			return fail_in(msg, h, -EBADMSG, h->value.ptr, err->reason, err);
		}
	}
	if (sip_hdr_count(msg, SIP_HDR_CONTACT) > 1) {
		for (h = sip_hdr_first(msg, SIP_HDR_CONTACT); h; h = sip_hdr_next(msg, h)) {
			struct slice v = slice_trim(h->value);
			if (v.len == 1 && v.ptr[0] == '*') {
				err_clear(err);
				err->at = v.ptr;
				err->reason = "Contact: \"*\" must be the only contact";
				return fail_in(msg, h, -EBADMSG, v.ptr, err->reason, err);
			}
		}
	}
	err_clear(err);
	return 0;
}

static int ref_msg_check(const struct sip_msg *msg, struct sip_parse_error *err)
{
	struct sip_parse_error local;
	int rc = 0;
	if (!err)
		err = &local;
	err_clear(err);

	if (msg->is_request) {
		struct sip_uri uri;
		rc = sip_uri_decode(&uri, msg->ruri, err);
		if (rc < 0) {
			rc = fail_in(msg, NULL, rc, msg->ruri.ptr, "malformed Request-URI", err);
			goto out;
		}
		/* §19.1.1: headers are not allowed in a SIP Request-URI (RFC 4475 escruri) */
		if ((uri.scheme == SIP_URI_SIP || uri.scheme == SIP_URI_SIPS) && uri.headers.ptr) {
			err_clear(err);
			rc = fail_in(msg, NULL, -EBADMSG, uri.headers.ptr - 1,
				     "a SIP Request-URI must not carry headers (\"?...\")", err);
			goto out;
		}
	} else {
		/* §25.1 Reason-Phrase: no control byte but HTAB */
		for (const char *c = msg->reason.ptr; c && c < msg->reason.ptr + msg->reason.len; c++)
			if (((unsigned char)*c < 0x20 && *c != '\t') || *c == 0x7f) {
				err_clear(err);
				err->at = c;
				rc = fail_in(msg, NULL, -EBADMSG, c, "control character in the Reason-Phrase", err);
				goto out;
			}
	}
	for (uint16_t i = 0; i < msg->nhdrs; i++) {
		const struct sip_hdr *h = &msg->hdrs[i];
		/* §7.3.1 / §20: fields that allow one value appear once (RFC 4475 multi01) */
		if (h->id != SIP_HDR_OTHER && msg->first[h->id] != i && sip_hdr_is_single(h->id)) {
			err_clear(err);
			rc = fail_in(msg, h, -EBADMSG, h->name.ptr,
				     "header field allows one value but appears more than once", err);
			goto out;
		}
		rc = ref_hdr_check(msg, h, err);
		if (rc < 0)
			goto out;
	}
	rc = msg_consistency_check(msg, err);
	if (rc < 0)
		goto out;
	if (msg->has_content_length && msg->body.len != msg->content_length) {
		const struct sip_hdr *h = sip_hdr_first(msg, SIP_HDR_CONTENT_LENGTH);
		err_clear(err);
		rc = fail_in(msg, h, -EBADMSG, h ? h->value.ptr : msg->buf,
			     "Content-Length disagrees with the length of the body", err);
		goto out;
	}
	err_clear(err);
	rc = 0;
out:
	return rc;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif


#define REG "REGISTER sip:ims.example.net SIP/2.0\r\n"
#define BASE                                                                   \
	"Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\n"                  \
	"From: <sip:alice@ims.example.net>;tag=1\r\n"                         \
	"To: <sip:alice@ims.example.net>\r\n"                                 \
	"Call-ID: abc@192.0.2.1\r\n"                                          \
	"CSeq: 1 REGISTER\r\n"                                                \
	"Max-Forwards: 70\r\n"

struct check_case {
	const char *name;
	const char *in;
	int rc;                 /* 0, or the error of sip_msg_check */
	enum sip_hdr_id hdr;    /* the header the error names */
	const char *at;         /* text at the offending byte (strstr in the input) */
};

static const struct check_case cases[] = {
	{ "minimal_register", REG BASE "Content-Length: 0\r\n\r\n", 0, 0, NULL },
	{ "ims_register",
	  REG BASE "Contact: <sip:alice@[2001:db8::1]:5060>;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";"
	  "+g.3gpp.smsip;expires=600000\r\n"
	  "Route: <sip:pcscf.example.net;lr>\r\n"
	  "Expires: 600000\r\n"
	  "Require: sec-agree\r\nProxy-Require: sec-agree\r\nk: path, sec-agree\r\n"
	  "Allow: INVITE, ACK\r\n"
	  "Privacy: none\r\n"
	  "User-Agent: UE/1.0 (test)\r\n"
	  "P-Access-Network-Info: 3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010000001\r\n"
	  "Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=5062;port-s=5063\r\n"
	  "Authorization: Digest username=\"001@ims.example.net\",realm=\"ims.example.net\","
	  "uri=\"sip:ims.example.net\",nonce=\"\",response=\"\"\r\n"
	  "Content-Type: application/sdp\r\n"
	  "Content-Length: 0\r\n\r\n",
	  0, 0, NULL },
	{ "contact_star", REG BASE "Contact: *\r\nExpires: 0\r\nl: 0\r\n\r\n", 0, 0, NULL },
	{ "contact_star_with_another", REG BASE "Contact: *, <sip:a@b>\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_CONTACT, "*, <sip" },
	{ "contact_star_in_second_field", REG BASE "Contact: <sip:a@b>\r\nm: *\r\nl: 0\r\n\r\n",
	  -EBADMSG, SIP_HDR_CONTACT, "*\r\nl: 0" },
	{ "cseq_twice", REG BASE "CSeq: 2 INVITE\r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_CSEQ,
	  "CSeq: 2" },
	{ "cseq_method_differs_first", REG
	  "Via: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCSeq: 1 INVITE\r\n\r\n",
	  -EBADMSG, SIP_HDR_CSEQ, "INVITE\r\n" },
	{ "to_twice", REG BASE "To: <sip:bob@ims.example.net>\r\n\r\n", -EBADMSG, SIP_HDR_TO,
	  "To: <sip:bob" },
	{ "call_id_twice_compact", REG BASE "i: other\r\n\r\n", -EBADMSG, SIP_HDR_CALL_ID, "i: other" },
	{ "request_uri_with_headers", "INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0\r\n"
	  "CSeq: 1 INVITE\r\n\r\n", -EBADMSG, SIP_HDR_OTHER, "?Route" },
	{ "content_length_vs_body_in_a_datagram", REG BASE "l: 10\r\n\r\n0123456789", 0, 0, NULL },
	{ "max_forwards_not_a_number", REG "Max-Forwards: seventy\r\n\r\n", -EBADMSG,
	  SIP_HDR_MAX_FORWARDS, "seventy" },
	{ "expires_too_large", REG "Expires: 4294967296\r\n\r\n", -ERANGE, SIP_HDR_EXPIRES, "4294967296" },
	{ "via_without_host", REG "Via: SIP/2.0/UDP\r\n\r\n", -EBADMSG, SIP_HDR_VIA, NULL },
	{ "via_second_element_bad", REG "Via: SIP/2.0/UDP a, SIP/2.0/UDP b;;\r\n\r\n", -EBADMSG,
	  SIP_HDR_VIA, NULL },
	{ "via_empty_element", REG "Via: SIP/2.0/UDP a,,SIP/2.0/UDP b\r\n\r\n", -EBADMSG, SIP_HDR_VIA,
	  ",SIP/2.0/UDP b" },
	{ "route_not_an_address", REG "Route: <sip:a@b\r\n\r\n", -EBADMSG, SIP_HDR_ROUTE, NULL },
	{ "supported_empty_element", REG "k: path,,gruu\r\n\r\n", -EBADMSG, SIP_HDR_SUPPORTED,
	  ",gruu" },
	{ "supported_trailing_comma", REG "Supported: path, \r\n\r\n", -EBADMSG, SIP_HDR_SUPPORTED,
	  ", \r\n" },
	{ "allow_quoted", REG "Allow: \"INVITE,ACK\"\r\n\r\n", -EBADMSG, SIP_HDR_ALLOW, NULL },
	{ "allow_empty", REG "Allow:\r\nSupported: \r\n\r\n", 0, 0, NULL },
	/* a list of no element: only Allow, Supported, Accept and
	 * P-Associated-URI (RFC 7315 §4.1) may be empty */
	{ "accept_and_associated_uri_empty", REG "Accept:\r\nP-Associated-URI: \r\n\r\n", 0, 0, NULL },
	{ "via_empty", REG "Via: \r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_VIA, "\r\nl: 0" },
	{ "contact_empty", REG "m:\r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_CONTACT, "\r\nl: 0" },
	{ "route_empty", REG "Route: \r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_ROUTE, "\r\nl: 0" },
	/* name-addr only: an addr-spec would take ";lr" for a header parameter */
	{ "route_addr_spec", REG "Route: sip:pcscf.example.net;lr\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_ROUTE, "sip:pcscf" },
	{ "path_second_addr_spec", REG "Path: <sip:a@b;lr>, sip:c@d\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_PATH, "sip:c@d" },
	{ "service_route_addr_spec", REG "Service-Route: sip:orig@scscf;lr\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_SERVICE_ROUTE, "sip:orig" },
	{ "record_route_addr_spec", REG "Record-Route: sip:p1.example.com;lr\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_RECORD_ROUTE, "sip:p1" },
	{ "p_associated_uri_addr_spec", REG "P-Associated-URI: tel:+15551234567\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_P_ASSOCIATED_URI, "tel:" },
	{ "p_asserted_identity_addr_spec_ok", REG "P-Asserted-Identity: tel:+15551234567\r\nl: 0\r\n\r\n", 0,
	  0, NULL },
	{ "path_empty_after_fold", REG "Path:\r\n \r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_PATH, NULL },
	{ "require_empty", REG "Require: \r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_REQUIRE, "\r\nl: 0" },
	{ "user_agent_empty", REG "User-Agent:\r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_USER_AGENT,
	  "\r\nl: 0" },
	{ "warning_empty", REG "Warning: \r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_WARNING, "\r\nl: 0" },
	{ "visited_network_empty", REG "P-Visited-Network-ID:\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_P_VISITED_NETWORK_ID, "\r\nl: 0" },
	{ "security_client_empty", REG "Security-Client: \r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_SECURITY_CLIENT, "\r\nl: 0" },
	{ "more_typed_headers",
	  "SIP/2.0 200 OK\r\n" BASE
	  "Accept: application/sdp;level=1, */*, application/reginfo+xml\r\n"
	  "Allow-Events: reg, presence.winfo\r\n"
	  "Subscription-State: active;expires=600000\r\n"
	  "Session-Expires: 1800;refresher=uac\r\n"
	  "Content-Disposition: session;handling=optional\r\n"
	  "Content-Encoding: gzip\r\nContent-Language: en, de-CH\r\n"
	  "Priority: urgent\r\n"
	  "Retry-After: 120 (in a meeting);duration=3600\r\n"
	  "Reason: SIP;cause=200;text=\"Call completed elsewhere\", Q.850;cause=16\r\n"
	  "P-Charging-Vector: icid-value=\"PCSCF:1-2\";orig-ioi=visited.net;icid-generated-at=[2001:db8::1]\r\n"
	  "P-Charging-Function-Addresses: ccf=192.0.2.10; ecf=[2001:db8::2]\r\n"
	  "l: 0\r\n\r\n",
	  0, 0, NULL },
	{ "accept_without_subtype", REG "Accept: application/sdp, text\r\n\r\n", -EBADMSG,
	  SIP_HDR_ACCEPT, NULL },
	{ "charging_vector_not_params", REG "P-Charging-Vector: ;;\r\n\r\n", -EBADMSG,
	  SIP_HDR_P_CHARGING_VECTOR, NULL },
	{ "charging_vector_colon_unquoted",
	  REG "P-Charging-Vector: icid-value=PCSCF:0a0a0015;orig-ioi=visited.net\r\n\r\n", -EBADMSG,
	  SIP_HDR_P_CHARGING_VECTOR, ":0a0a0015;" },
	{ "charging_vector_leading_semicolon", REG "P-Charging-Vector: ;icid-value=1\r\n\r\n",
	  -EBADMSG, SIP_HDR_P_CHARGING_VECTOR, ";icid" },
	{ "charging_function_addresses_slash_unquoted",
	  REG "P-Charging-Function-Addresses: ccf=192.0.2.10/24\r\n\r\n", -EBADMSG,
	  SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES, "/24" },
	{ "charging_vector_lws_and_quoted",
	  REG "P-Charging-Vector: icid-value = \"AyretyU0dm+6O2IrT5tAFrbHLso=023551024\" ;\r\n"
	  " orig-ioi=visited.example\r\nl: 0\r\n\r\n", 0, 0, NULL },
	{ "reason_empty_element", REG "Reason: SIP;cause=200,,Q.850\r\n\r\n", -EBADMSG,
	  SIP_HDR_REASON, ",Q.850" },
	/* where the grammar names a token, sip_tokparams_decode's media type
	 * and quoted-string are errors (the differential fuzzing against
	 * sofia-sip found "o: a/b;expires=5" taken) */
	{ "event_type_with_slash", REG "o: reg/x;expires=5\r\n\r\n", -EBADMSG, SIP_HDR_EVENT,
	  "/x;expires" },
	{ "event_type_with_sws_slash", REG "Event: reg / x\r\n\r\n", -EBADMSG, SIP_HDR_EVENT, "/ x" },
	{ "event_type_quoted", REG "Event: \"reg\"\r\n\r\n", -EBADMSG, SIP_HDR_EVENT, "\"reg\"" },
	{ "event_type_empty_part", REG "Event: presence..winfo\r\n\r\n", -EBADMSG, SIP_HDR_EVENT,
	  "..winfo" },
	{ "event_type_trailing_dot", REG "Event: reg.;id=1\r\n\r\n", -EBADMSG, SIP_HDR_EVENT, ".;id" },
	{ "event_type_template", REG "Event: presence.winfo;id=7\r\n\r\n", 0, 0, NULL },
	{ "session_expires_not_digits", REG "x: 90a;refresher=uas\r\n\r\n", -EBADMSG,
	  SIP_HDR_SESSION_EXPIRES, "a;refresher" },
	{ "session_expires_digits", REG "Session-Expires: 1800;refresher=uac\r\n\r\n", 0, 0, NULL },
	{ "priority_with_slash", REG "Priority: urgent/x\r\n\r\n", -EBADMSG, SIP_HDR_PRIORITY, "/x" },
	{ "content_disposition_quoted", REG "Content-Disposition: \"render\"\r\n\r\n", -EBADMSG,
	  SIP_HDR_CONTENT_DISPOSITION, "\"render" },
	{ "reason_protocol_with_slash", REG "Reason: SIP;cause=200, Q.850/x;cause=16\r\n\r\n", -EBADMSG,
	  SIP_HDR_REASON, "/x;cause=16" },
	{ "pani_access_type_quoted", REG "P-Access-Network-Info: \"3GPP-E-UTRAN-FDD\";"
	  "utran-cell-id-3gpp=0010100010019B01\r\n\r\n", -EBADMSG, SIP_HDR_P_ACCESS_NETWORK_INFO,
	  "\"3GPP-E-UTRAN-FDD\";" },
	{ "pvni_quoted", REG "P-Visited-Network-ID: \"Visited network number 1\", other.net\r\n\r\n",
	  0, 0, NULL },
	{ "pvni_with_slash", REG "P-Visited-Network-ID: other.net, a/b\r\n\r\n", -EBADMSG,
	  SIP_HDR_P_VISITED_NETWORK_ID, "/b" },
	{ "allow_events_not_a_token", REG "Allow-Events: reg presence\r\n\r\n", -EBADMSG,
	  SIP_HDR_ALLOW_EVENTS, NULL },
	{ "require_not_a_token", REG "Require: sec agree\r\n\r\n", -EBADMSG, SIP_HDR_REQUIRE, NULL },
	{ "privacy_empty_value", REG "Privacy: id;;header\r\n\r\n", -EBADMSG, SIP_HDR_PRIVACY, NULL },
	{ "content_type_without_subtype", REG "c: application\r\n\r\n", -EBADMSG,
	  SIP_HDR_CONTENT_TYPE, NULL },
	/* m-parameter and accept-param values: token / host / quoted-string
	 * (RFC 3261 §20.1, §20.15, §25.1); a ':' or '/' needs quotes (the
	 * differential run against sofia-sip found these taken) */
	{ "content_type_param_colon_unquoted", REG "c: multipart/mixed;boundary=a:0\r\nl: 0\r\n\r\n",
	  -EBADMSG, SIP_HDR_CONTENT_TYPE, ":0\r\nl: 0" },
	{ "content_type_param_quoted_and_ipv6",
	  REG "Content-Type: application/sdp ; x=\"a:0/b\";y=[2001:db8::1] ;z\r\nl: 0\r\n\r\n", 0, 0, NULL },
	{ "accept_param_slash_unquoted", REG "Accept: application/sdp;level=a/b, */*\r\n\r\n", -EBADMSG,
	  SIP_HDR_ACCEPT, "/b, */*" },
	{ "date_not_gmt", REG "Date: Sat, 13 Nov 2010 23:29:00 EST\r\n\r\n", -EBADMSG, SIP_HDR_DATE,
	  NULL },
	{ "retry_after_not_seconds", REG "Retry-After: soon\r\n\r\n", -EBADMSG, SIP_HDR_RETRY_AFTER,
	  "soon" },
	{ "authorization_unterminated_quote", REG "Authorization: Digest username=\"x\r\n\r\n",
	  -EBADMSG, SIP_HDR_AUTHORIZATION, NULL },
	{ "request_uri_bad", "REGISTER sip:[::1 SIP/2.0\r\n\r\n", -EBADMSG, SIP_HDR_OTHER, NULL },
	{ "unknown_headers_are_not_checked", REG "X-Anything: ;;,,;;,;\r\n\r\n", 0, 0, NULL },
	{ "unknown_header_rejects_a_control_byte", REG "X-Foo: a\001b\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_OTHER, "\001b" },
	{ "unknown_header_rejects_del", REG "X-Foo: abc def\177\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_OTHER, "\177" },
	{ "unknown_header_rejects_escaped_control", REG "X-Foo: \"a\\\002\"\r\nl: 0\r\n\r\n",
	  -EBADMSG, SIP_HDR_OTHER, "\002" },
	{ "unknown_header_control_after_16_bytes",
	  REG "X-Foo: 0123456789abcdef0123\037\r\nl: 0\r\n\r\n", -EBADMSG, SIP_HDR_OTHER, "\037" },
	{ "unknown_header_allows_htab_fold_and_utf8",
	  REG "X-Foo: a\tb\r\n \tc \xc3\xa9\r\nl: 0\r\n\r\n", 0, 0, NULL },
	{ "subject_rejects_a_control_byte", REG "Subject: hello\033[0m\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_SUBJECT, "\033[0m" },
	{ "call_id_rejects_a_control_byte", REG "Call-ID: a\001b\r\nl: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_CALL_ID, "\001b" },
	{ "response_cseq_any_method", "SIP/2.0 200 OK\r\n" BASE "l: 0\r\n\r\n", 0, 0, NULL },
	/* §25.1 Reason-Phrase: HTAB and UTF-8 allowed, no other control byte
	 * (a bare CR: a peer ending lines at CR reads a header there) */
	{ "reason_phrase_htab_utf8", "SIP/2.0 200 O\tK \xc3\xa9\r\n" BASE "l: 0\r\n\r\n", 0, 0, NULL },
	{ "reason_phrase_control_byte", "SIP/2.0 200 O\001K\r\n" BASE "l: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_OTHER, "\001K" },
	{ "reason_phrase_bare_cr", "SIP/2.0 100 \rContact: <sip:a@b>\r\n" BASE "l: 0\r\n\r\n", -EBADMSG,
	  SIP_HDR_OTHER, "\rContact" },
};

static void test_check_table(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct check_case *c = &cases[i];
		size_t len = strlen(c->in);
		char *g = check_guard_copy(c->in, len);
		struct sip_hdr hdrs[32];
		struct sip_msg msg;
		struct sip_parse_error err;
		sip_msg_init(&msg, hdrs, 32);
		int rc = sip_msg_parse(&msg, g, len, 0, &err);
		if (rc < 0) {
			check_failed++;
			fprintf(stderr, "%s: parse failed: %s at %zu\n", c->name, err.reason, err.offset);
			check_guard_free(g, len);
			continue;
		}
		rc = sip_msg_check(&msg, &err);
		if (rc != c->rc)
			fprintf(stderr, "%s: rc %d (%s at %zu), want %d\n", c->name, rc,
				rc ? err.reason : "", rc ? err.offset : 0, c->rc);
		CHECK_INT_EQ(rc, c->rc);
		if (rc < 0 && c->rc < 0) {
			CHECK(err.reason != NULL);
			CHECK_INT_EQ(err.hdr, c->hdr);
			CHECK(err.offset <= len);
			CHECK(err.at == g + err.offset);
			if (c->at) {
				const char *want = strstr(c->in, c->at);
				CHECK(want != NULL);
				if (want && (long)err.offset != want - c->in)
					fprintf(stderr, "%s: offset %zu (%s), want %ld\n", c->name,
						err.offset, err.reason, (long)(want - c->in));
				CHECK(want && (long)err.offset == want - c->in);
			}
		}
		check_guard_free(g, len);
	}
}

static void test_check_content_length_larger_than_lenient_body(void)
{
	static const char in[] = REG BASE "Content-Length: 10\r\n\r\nshort";
	struct sip_hdr hdrs[16];
	struct sip_msg msg;
	struct sip_parse_error err;
	sip_msg_init(&msg, hdrs, 16);
	CHECK(sip_msg_parse(&msg, in, sizeof in - 1, SIP_PARSE_LENIENT, &err) > 0);
	CHECK(msg.repairs & SIP_REPAIR_SHORT_BODY);
	CHECK_INT_EQ(sip_msg_check(&msg, &err), -EBADMSG);
	CHECK_INT_EQ(err.hdr, SIP_HDR_CONTENT_LENGTH);
	CHECK_INT_EQ(err.offset, sizeof(REG BASE "Content-Length: ") - 1);
}

/* ---- the oracle against sip_msg_check / sip_hdr_check ------------------ */

static unsigned diff_runs;

/* The two verdicts on one input agree: rc, code, at, offset, hdr and the
 * reason (its text: the oracle has its own copies of check.c's strings);
 * on success sip_msg_check leaves err cleared (sip_hdr_check says nothing
 * of err on success). */
static void diff_compare(const char *what, bool msg_level, const char *in, size_t len, int rc,
			 const struct sip_parse_error *e, int want, const struct sip_parse_error *w)
{
	bool same = rc == want;
	if (same && rc < 0)
		same = e->code == w->code && e->at == w->at && e->offset == w->offset &&
		       e->hdr == w->hdr && e->reason && w->reason && strcmp(e->reason, w->reason) == 0;
	if (same && rc == 0 && msg_level)
		same = e->code == 0 && !e->at && !e->reason && e->offset == 0 &&
		       e->hdr == SIP_HDR_OTHER;
	diff_runs++;
	CHECK(same);
	if (!same)
		fprintf(stderr, "%s: \"%.*s\": rc %d at %zu (%s) hdr %d, oracle %d at %zu (%s) hdr %d\n",
			what, (int)len, in, rc, e->offset, e->reason ? e->reason : "-", (int)e->hdr,
			want, w->offset, w->reason ? w->reason : "-", (int)w->hdr);
}

/* The whole message in from a copy that ends at a guard page: parsed,
 * then checked by both. */
static void diff_msg(const char *in, size_t len)
{
	char *g = check_guard_copy(in, len);
	struct sip_hdr hdrs[48];
	struct sip_msg msg;
	struct sip_parse_error e, w;
	sip_msg_init(&msg, hdrs, 48);
	if (sip_msg_parse(&msg, g, len, SIP_PARSE_LENIENT, &e) > 0) {
		memset(&e, 0x5a, sizeof e);
		memset(&w, 0xa5, sizeof w);
		int rc = sip_msg_check(&msg, &e);
		int want = ref_msg_check(&msg, &w);
		diff_compare("sip_msg_check", true, in, len, rc, &e, want, &w);
	}
	check_guard_free(g, len);
}

/* One header value of id, as the whole slice that ends at a guard page:
 * sip_hdr_check and the oracle's. */
static void diff_hdr(enum sip_hdr_id id, const char *in, size_t len)
{
	char *g = check_guard_copy(in, len);
	struct sip_msg msg;
	struct sip_hdr h = { .id = id, .name = SLICE_LIT("X"), .value = { g, len } };
	struct sip_parse_error e, w;
	sip_msg_init(&msg, NULL, 0);
	msg.buf = g;
	msg.len = len;
	memset(&e, 0x5a, sizeof e);
	memset(&w, 0xa5, sizeof w);
	int rc = sip_hdr_check(&msg, &h, &e);
	int want = ref_hdr_check(&msg, &h, &w);
	diff_compare("sip_hdr_check", false, in, len, rc, &e, want, &w);
	check_guard_free(g, len);
}

/* One header value of id followed, inside the message, by the bytes of
 * after (the message ends at a guard page after them): the token lists
 * judge sixteen bytes at a time when the blocks that cover the value are
 * inside the message, whatever the bytes past the value are. */
static void diff_hdr_in(enum sip_hdr_id id, const char *in, size_t len, const char *after)
{
	size_t alen = strlen(after), total = len + alen;
	char buf[4096];
	if (total > sizeof buf)
		return;
	memcpy(buf, in, len);
	memcpy(buf + len, after, alen);
	char *g = check_guard_copy(buf, total);
	struct sip_msg msg;
	struct sip_hdr h = { .id = id, .name = SLICE_LIT("X"), .value = { g, len } };
	struct sip_parse_error e, w;
	sip_msg_init(&msg, NULL, 0);
	msg.buf = g;
	msg.len = total;
	memset(&e, 0x5a, sizeof e);
	memset(&w, 0xa5, sizeof w);
	int rc = sip_hdr_check(&msg, &h, &e);
	int want = ref_hdr_check(&msg, &h, &w);
	diff_compare("sip_hdr_check (inside)", false, in, len, rc, &e, want, &w);
	check_guard_free(g, total);
}

/* The bytes the list and token scanners decide on, and a few others. */
static const unsigned char diff_bytes[] = {
	',', ' ', '\t', '\r', '\n', '"', '<', '>', ';', '=', '*', ':', '@', '/', '\\',
	'a', '0', '.', 0x00, 0x01, 0x7f, 0x80, 0xc3, 0xff,
};

/* in, every prefix of it, and in with each byte replaced by each of
 * diff_bytes (all 256 values when all) or removed. */
static void diff_mutations(const char *in, bool all, void (*each)(const char *, size_t, void *),
			   void *arg)
{
	size_t len = strlen(in);
	char buf[2048];
	if (len > sizeof buf)
		return;
	for (size_t n = 0; n <= len; n++)
		each(in, n, arg);
	for (size_t i = 0; i < len; i++) {
		memcpy(buf, in, len);
		size_t nb = all ? 256 : sizeof diff_bytes;
		for (size_t k = 0; k < nb; k++) {
			buf[i] = (char)(all ? k : diff_bytes[k]);
			each(buf, len, arg);
		}
		memcpy(buf, in, i);
		memcpy(buf + i, in + i + 1, len - i - 1);
		each(buf, len - 1, arg);
	}
}

static void diff_hdr_cb(const char *in, size_t len, void *arg)
{
	diff_hdr(*(const enum sip_hdr_id *)arg, in, len);
}

/* What follows a value inside the message: the CRLF and the next field,
 * bytes of the simple form (a ',' or SP or token byte right after the
 * value must not change its verdict), and lengths around a block. */
static const char *const diff_after[] = {
	/* the first three also after every byte value at every position */
	"\r\n",
	", ,a b,,c  d\t;,x,y,z,w",
	"\r\n\r\n0123456789ab",
	"\r\nRequire: sec-agree\r\n\r\n",
	"abcdefghijklmnopqrstuvwxyz",
	"                    ",
	",,,,,,,,,,,,,,,,,,,,",
	"\x80\xff\x01\x00 x,\r\n",
	"\r\n\r\n0123456789a",
};

static void diff_hdr_in_cb(const char *in, size_t len, void *arg)
{
	for (size_t k = 0; k < sizeof diff_after / sizeof diff_after[0]; k++)
		diff_hdr_in(*(const enum sip_hdr_id *)arg, in, len, diff_after[k]);
}

static void diff_hdr_in3_cb(const char *in, size_t len, void *arg)
{
	for (size_t k = 0; k < 3; k++)
		diff_hdr_in(*(const enum sip_hdr_id *)arg, in, len, diff_after[k]);
}

static void diff_msg_cb(const char *in, size_t len, void *arg)
{
	(void)arg;
	diff_msg(in, len);
}

/* Token lists (the simple form sixteen bytes at a time inside a message,
 * the walk from token to token, the SSSE3 class over the last 16 bytes of
 * the value near its end): every byte value at every position and every
 * length, values shorter and longer than 16 bytes, at the end of the
 * message and followed by other bytes. */
static void test_check_token_lists_as_before(void)
{
	static const char *const values[] = {
		"INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY, PRACK, UPDATE, REFER, MESSAGE",
		"path,sec-agree ,gruu\t,  outbound",
		"sec-agree",
		"a,b",
		"x-very-long-option-tag-name-over-16,y",
		"timer, 100rel",
		" path , gruu ",
		"path,\r\n gruu",
		"INVITE, ACK, CANCEL, BYE, UPDATE, PRACK, OPTIONS, MESSAGE, NOTIFY, REFER, INFO",
		"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,0,1,2,3,4,5,6,7",
		"abcdefghijklmno, pqrstuvwxyzABCD,EFGHIJKLMNOPQRS",
		"x, y",
		"x,  y",
		"x , y",
		"x,,y",
		"x y",
		"",
	};
	static const enum sip_hdr_id ids[] = {
		SIP_HDR_ALLOW, SIP_HDR_SUPPORTED, SIP_HDR_REQUIRE, SIP_HDR_CONTENT_LANGUAGE,
	};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		for (size_t j = 0; j < sizeof ids / sizeof ids[0]; j++)
			diff_mutations(values[i], j == 0, diff_hdr_cb, (void *)&ids[j]);
	/* inside a message: every byte value at every position and every
	 * length, with each of diff_after past the value */
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++)
		for (size_t j = 0; j < 2; j++)
			diff_mutations(values[i], j == 0, j == 0 ? diff_hdr_in3_cb : diff_hdr_in_cb,
				       (void *)&ids[j]);
}

/* The lists with a cursor decoder (Via, name-addr lists, Contact with and
 * without "*", Security-*, P-Access-Network-Info, Reason) and the fields
 * decoded whole. */
static void test_check_lists_as_before(void)
{
	static const struct {
		enum sip_hdr_id id;
		const char *value;
	} rows[] = {
		{ SIP_HDR_VIA, "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1;rport, SIP/2.0/TCP [2001:db8::1]" },
		{ SIP_HDR_ROUTE, "<sip:pcscf.example.net;lr>, \"A b\" <sip:x@y>;p=1" },
		{ SIP_HDR_CONTACT, "<sip:a@[2001:db8::1]:5060>;+sip.instance=\"<urn:x>\";expires=600, <sip:b@c>" },
		{ SIP_HDR_CONTACT, "*" },
		{ SIP_HDR_SECURITY_CLIENT, "ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;port-s=5063, tls;q=0.2" },
		{ SIP_HDR_P_ACCESS_NETWORK_INFO, "3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01" },
		{ SIP_HDR_REASON, "SIP;cause=200;text=\"done\", Q.850;cause=16" },
		{ SIP_HDR_TO, "<sip:alice@ims.example.net>;tag=1" },
		{ SIP_HDR_CSEQ, "1 REGISTER" },
		{ SIP_HDR_EXPIRES, "600000" },
		{ SIP_HDR_OTHER, "a\tb c" },
		{ SIP_HDR_SUBJECT, "a \"q\\\001\"" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		diff_mutations(rows[i].value, false, diff_hdr_cb, (void *)&rows[i].id);
	/* Content-Type type/subtype alone, judged in one class pass: every
	 * byte value at every position, every length around the sixteen-byte
	 * steps, alone and inside a message */
	static const char *const media[] = {
		"application/reginfo+xml", "application/sdp", "a/b", "ab/c", "a/bc",
		"application/vnd.3gpp.sms+xml-and-more", "abcdefghijklmno/p", "abcdefghijklmnop/q",
		"a/bcdefghijklmnop", "abcdefghijklmnop/qrstuvwxyzabcde", "application/sdp;a=b",
		"a//b", "/ab", "ab/", "a / b",
	};
	/* P-Charging-*: parameters only, read in one pass when plain */
	static const char *const pcv[] = {
		"icid-value=\"PCSCF:0a0a0015-1ec1-4b3c-a3ff-8d2c1e0f0001\";orig-ioi=visited.net",
		"ccf=pri_ccf_address", "a", "a;b", "a=\"\";b=[2001:db8::1]:5060/x&$;c",
		"icid-value=1;icid-generated-at=192.0.2.1;term-ioi=home.example.net",
	};
	static const enum sip_hdr_id pc[] = { SIP_HDR_P_CHARGING_VECTOR,
					      SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES };
	for (size_t i = 0; i < sizeof pcv / sizeof pcv[0]; i++)
		for (size_t j = 0; j < 2; j++)
			diff_mutations(pcv[i], j == 0, diff_hdr_cb, (void *)&pc[j]);
	static const enum sip_hdr_id ct = SIP_HDR_CONTENT_TYPE;
	for (size_t i = 0; i < sizeof media / sizeof media[0]; i++) {
		diff_mutations(media[i], true, diff_hdr_cb, (void *)&ct);
		diff_mutations(media[i], true, diff_hdr_in3_cb, (void *)&ct);
	}
}

/* Whole messages: the single-value test, the CSeq method compare (known
 * and unknown methods, a response), the "*" Contact among others, the
 * Content-Length against the body, each mutated at every byte. */
static void test_check_messages_as_before(void)
{
	static const char *const msgs[] = {
		REG BASE "Contact: <sip:a@b>;expires=60\r\nm: <sip:c@d>\r\n"
		"Supported: path, gruu\r\nRoute: <sip:p;lr>\r\nl: 0\r\n\r\n",
		"FOO sip:a@b SIP/2.0\r\nCSeq: 7 FOO\r\nl: 2\r\n\r\nab",
		"INVITE sip:a@b SIP/2.0\r\nCSeq: 7 INVITE\r\nContact: *\r\nContact: <sip:x@y>\r\n\r\n",
		"SIP/2.0 200 OK\r\n" BASE "Security-Server: ipsec-3gpp;q=0.1\r\nl: 0\r\n\r\n",
		/* repeats of fields that allow one value, before and after a
		 * field that fails, second appearances in another order than
		 * the first ones, repeated list fields in between */
		REG "Via: SIP/2.0/UDP a\r\nv: SIP/2.0/UDP b\r\nTo: <sip:a@b>\r\nMax-Forwards: x\r\n"
		"t: <sip:c@d>\r\n\r\n",
		REG "To: <sip:a@b>\r\nRoute: <sip:r>\r\nTo: <sip:c@d>\r\nMax-Forwards: x\r\n\r\n",
		REG "CSeq: 1 REGISTER\r\nCall-ID: a\r\ni: b\r\nCSeq: 2 REGISTER\r\nl: 0\r\n\r\n",
		REG "Call-ID: a\r\nCSeq: 1 REGISTER\r\nCSeq: 2 REGISTER\r\ni: b\r\n\r\n",
		REG "Call-ID: a\r\nCSeq: 1 REGISTER\r\ni: b\r\nCSeq: 2 REGISTER\r\n\r\n",
	};
	for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; i++)
		diff_mutations(msgs[i], false, diff_msg_cb, NULL);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		diff_msg(cases[i].in, strlen(cases[i].in));
}

/* Every id with each of a few values, alone in a message: sip_msg_check
 * (its own dispatch by id) and sip_hdr_check (the switch) against the
 * oracle, so the two dispatches send every id to the same decoder. */
static const char *const every_values[] = {
	"<sip:a@b>", "1 REGISTER", "1", "a", "a/b", "reg", "icid-value=1",
	"Sat, 13 Nov 2010 23:29:00 GMT", "nextnonce=\"a\"", "Digest username=\"a\"",
	"SIP/2.0/UDP a", "ipsec-3gpp;alg=hmac-sha-1-96", "399 a \"x\"", "a, b", "a;b=c",
	"sip:a@b", "\"x\" <sip:a@b>", "*", "a\\\001", "a\tb", "", "1.0",
};

static void test_check_every_id_each_value(void)
{
	for (int id = 0; id < SIP_HDR__COUNT + 2; id++) {
		for (size_t k = 0; k < sizeof every_values / sizeof every_values[0]; k++) {
			const char *name = id < SIP_HDR__COUNT && id ? sip_hdr_name((enum sip_hdr_id)id) : "X-Other";
			char in[512];
			int len = snprintf(in, sizeof in, "REGISTER sip:a@b SIP/2.0\r\n%s: %s\r\n\r\n", name,
					   every_values[k]);
			CHECK(len > 0 && (size_t)len < sizeof in);
			if (id < SIP_HDR__COUNT)
				diff_msg(in, (size_t)len);
			diff_hdr((enum sip_hdr_id)id, every_values[k], strlen(every_values[k]));
		}
	}
}

/* Every id twice in a message with a value its decoder accepts, a list
 * field between and a field that fails after: sip_msg_check stops at the
 * second field of an id that allows one value, as the oracle does; for
 * the others both go on to the failing field. */
static void test_check_every_id_twice(void)
{
	static const char *const values[] = {
		"<sip:a@b>", "1 REGISTER", "1", "a", "a/b", "reg", "icid-value=1",
		"Sat, 13 Nov 2010 23:29:00 GMT", "nextnonce=\"a\"", "Digest username=\"a\"",
		"SIP/2.0/UDP a", "ipsec-3gpp;alg=hmac-sha-1-96", "399 a \"x\"", "1.0",
	};
	for (int id = 1; id < SIP_HDR__COUNT; id++) {
		const char *name = sip_hdr_name((enum sip_hdr_id)id), *value = NULL;
		struct sip_msg msg;
		for (size_t k = 0; k < sizeof values / sizeof values[0] && !value; k++) {
			struct sip_hdr h = { .id = (enum sip_hdr_id)id, .name = slice_cstr(name),
					     .value = slice_cstr(values[k]) };
			struct sip_parse_error e;
			sip_msg_init(&msg, NULL, 0);
			msg.buf = values[k];
			msg.len = strlen(values[k]);
			if (sip_hdr_check(&msg, &h, &e) == 0)
				value = values[k];
		}
		CHECK(value != NULL);
		if (!value) {
			fprintf(stderr, "every_id_twice: no value for %s\n", name);
			continue;
		}
		char in[512];
		int len = snprintf(in, sizeof in,
				   REG "%s: %s\r\nRoute: <sip:r;lr>\r\n%s: %s\r\nMax-Forwards: x\r\n\r\n",
				   name, value, name, value);
		CHECK(len > 0 && (size_t)len < sizeof in);
		diff_msg(in, (size_t)len);
		/* and the two apart by the failing field */
		len = snprintf(in, sizeof in, REG "%s: %s\r\nMax-Forwards: x\r\n%s: %s\r\n\r\n", name,
			       value, name, value);
		diff_msg(in, (size_t)len);
	}
}

/* msg->repeat as the oracle's per-field test finds it: the first field
 * that is not the first of its id, of an id that allows one value. */
static uint16_t repeat_oracle(const struct sip_msg *msg)
{
	for (uint16_t i = 0; i < msg->nhdrs; i++) {
		const struct sip_hdr *h = &msg->hdrs[i];
		if (h->id != SIP_HDR_OTHER && msg->first[h->id] != i && sip_hdr_is_single(h->id))
			return i;
	}
	return SIP_HDR_NONE;
}

/* One message parsed with flags from a copy that ends at a guard page:
 * msg->repeat as repeat_oracle finds it, and sip_msg_check as the oracle. */
static void diff_msg_flags(const char *in, size_t len, unsigned flags)
{
	char *g = check_guard_copy(in, len);
	struct sip_hdr hdrs[48];
	struct sip_msg msg;
	struct sip_parse_error e, w;
	sip_msg_init(&msg, hdrs, 48);
	CHECK(msg.repeat == SIP_HDR_NONE);
	if (sip_msg_parse(&msg, g, len, flags, &e) > 0) {
		uint16_t want = repeat_oracle(&msg);
		CHECK(msg.repeat == want);
		if (msg.repeat != want)
			fprintf(stderr, "repeat %u, oracle %u, flags %#x: \"%.*s\"\n", msg.repeat,
				want, flags, (int)len, in);
		memset(&e, 0x5a, sizeof e);
		memset(&w, 0xa5, sizeof w);
		int rc = sip_msg_check(&msg, &e);
		int want_rc = ref_msg_check(&msg, &w);
		diff_compare("sip_msg_check", true, in, len, rc, &e, want_rc, &w);
	}
	check_guard_free(g, len);
}

/* Fields that allow one value repeated at every pair of positions among
 * others (one and two repeats, long and compact names, Content-Length,
 * a folded repeat, a repeat in the last 16 bytes, a field that fails
 * before or after), each message in every parse mode: the field pass
 * stops at the first repeat as the oracle's per-field test does. */
static void test_check_repeat_every_position(void)
{
	static const char *const base[] = {
		"Via: SIP/2.0/UDP a;branch=z9hG4bK1", "From: <sip:a@b>;tag=1", "To: <sip:a@b>",
		"Call-ID: x", "CSeq: 1 REGISTER", "Max-Forwards: 70", "Route: <sip:r;lr>",
		"Contact: <sip:c@d>", "Expires: 600",
	};
	static const char *const twice[] = {
		"From: <sip:e@f>;tag=2", "t: <sip:a@b>", "i: y", "CSeq: 1 REGISTER", "Expires: 60",
		"Content-Length: 0", "l: 0", "Max-Forwards:\r\n 70", "Via: SIP/2.0/UDP b",
		"Max-Forwards: x", "X-Other: 1", "Contact: *",
	};
	static const unsigned modes[] = {
		0, SIP_PARSE_LENIENT, SIP_PARSE_STREAM, SIP_PARSE__CAREFUL,
		SIP_PARSE__CAREFUL | SIP_PARSE_LENIENT,
	};
	const size_t nb = sizeof base / sizeof base[0], nt = sizeof twice / sizeof twice[0];
	for (size_t a = 0; a < nt; a++)
		for (size_t b = 0; b < nt; b++)
			for (size_t i = 0; i <= nb; i++)
				for (size_t j = i; j <= nb; j++) {
					/* twice[a] before base[i], twice[b] before base[j] */
					char in[1024];
					size_t len = 0;
					len += (size_t)snprintf(in + len, sizeof in - len, "%s", REG);
					for (size_t k = 0; k <= nb; k++) {
						if (k == i)
							len += (size_t)snprintf(in + len, sizeof in - len,
										"%s\r\n", twice[a]);
						if (k == j && (b != a || j != i))
							len += (size_t)snprintf(in + len, sizeof in - len,
										"%s\r\n", twice[b]);
						if (k < nb)
							len += (size_t)snprintf(in + len, sizeof in - len,
										"%s\r\n", base[k]);
					}
					len += (size_t)snprintf(in + len, sizeof in - len, "\r\n");
					CHECK(len < sizeof in);
					for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++)
						diff_msg_flags(in, len, modes[m]);
				}
}

/* Reason-Phrase (§25.1): a control byte (HTAB aside) at every position of
 * phrases of 0 to 24 bytes, eight a step in sip_msg_check, with headers
 * after the status line and without (the phrase near the input's end, a
 * guard page after it); the verdict and the offset are the oracle's, and
 * the byte decides the verdict. */
static void test_check_reason_phrase_every_position(void)
{
	static const unsigned char bytes[] = { 0x01, '\t', 0x1f, 0x7f, 0x80, ' ', 0x00 };
	char in[1024];
	for (int with_hdrs = 0; with_hdrs < 2; with_hdrs++)
		for (size_t len = 0; len <= 24; len++)
			for (size_t pos = 0; pos < (len ? len : 1); pos++)
				for (size_t b = 0; b < sizeof bytes; b++) {
					char phrase[32];
					memset(phrase, 'A', len);
					if (len)
						phrase[pos] = (char)bytes[b];
					const char *rest = with_hdrs ? "\r\n" BASE "l: 0\r\n\r\n" : "\r\n\r\n";
					memcpy(in, "SIP/2.0 200 ", 12);
					memcpy(in + 12, phrase, len);
					int n = 12 + (int)len;
					memcpy(in + n, rest, strlen(rest));
					n += (int)strlen(rest);
					diff_msg(in, (size_t)n);
					char *g = check_guard_copy(in, (size_t)n);
					struct sip_hdr hdrs[48];
					struct sip_msg msg;
					struct sip_parse_error e;
					sip_msg_init(&msg, hdrs, 48);
					if (sip_msg_parse(&msg, g, (size_t)n, 0, &e) > 0) {
						unsigned char c = len ? bytes[b] : 'A';
						bool bad = (c < ' ' && c != '\t') || c == 0x7f;
						int rc = sip_msg_check(&msg, &e);
						CHECK_INT_EQ(rc < 0, bad);
						if (rc < 0 && bad)
							CHECK_INT_EQ(e.offset, 12 + pos);
					} else {
						CHECK(false); /* every one parses */
					}
					check_guard_free(g, (size_t)n);
				}
}

/* Header fields pasted alone have no start line (reason SLICE_NULL): the
 * check reads no phrase (fuzz_sip_msg found a null pointer offset). */
static void test_check_fields_without_start_line(void)
{
	static const char in[] = "Call-ID: a@b\r\nCSeq: 1 OPTIONS\r\n\r\n";
	char *g = check_guard_copy(in, sizeof in - 1);
	struct sip_hdr hdrs[8];
	struct sip_msg msg;
	struct sip_parse_error e;
	sip_msg_init(&msg, hdrs, 8);
	CHECK(sip_fields_parse(&msg, g, sizeof in - 1, 0, &e) > 0);
	CHECK(sip_msg_is_fields(&msg));
	CHECK_INT_EQ(sip_msg_check(&msg, &e), 0);
	CHECK_INT_EQ(ref_msg_check(&msg, &e), 0);
	check_guard_free(g, sizeof in - 1);
}

int main(void)
{
	test_check_fields_without_start_line();
	test_check_reason_phrase_every_position();
	test_check_table();
	test_check_content_length_larger_than_lenient_body();
	test_check_token_lists_as_before();
	test_check_lists_as_before();
	test_check_messages_as_before();
	test_check_every_id_twice();
	test_check_repeat_every_position();
	test_check_every_id_each_value();
	fprintf(stderr, "check_test: %u inputs compared with the oracle\n", diff_runs);
	return check_done();
}
