/* diff.c: `imsreg decode --diff A B`: two REGISTERs of one registration
 * compared field by field, each difference explained (RFC 3261 §10.2,
 * RFC 7616 §3.4 nonce count, TS 24.229 §5.1.1, TS 33.203 §7). */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/ims.h>
#include "cli/cli.h"

enum diff_level { DIFF_OK, DIFF_NOTE, DIFF_PROBLEM };

struct diff_side {
	struct cli_input in;
	struct cli_source src;
	struct cli_msg *m;
	bool src_ready, parsed;
	/* why the side could not be compared (NULL: it can), and where in the
	 * user's input (0: no position) */
	const char *error;
	unsigned error_line, error_col;
	const char *encoding;      /* "UTF-16LE"/"UTF-16BE": text read as UTF-8; else NULL */
	/* what the comparison needs, decoded once; call_id and pani are the
	 * header values (absent: ptr NULL) */
	bool has_cseq, has_from, has_to, has_via, has_expires, has_auth;
	struct slice call_id;
	struct sip_cseq cseq;
	struct sip_addr from, to;
	struct sip_via via;
	uint32_t expires;
	struct sip_auth auth;
	struct slice pani;
	struct slice cni;   /* Cellular-Network-Info (no header id: by name) */
};

struct diff_run {
	struct report *r;
	unsigned problems, notes;
};

static const char *level_name(enum diff_level l)
{
	return l == DIFF_PROBLEM ? "problem" : l == DIFF_NOTE ? "note" : "ok";
}

/* One line of the diff: field, A's and B's value (absent: NULL ptr). */
static void diff_item(struct diff_run *d, enum diff_level level, const char *field, struct slice a,
		      struct slice b, const char *ref, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
static void diff_item(struct diff_run *d, enum diff_level level, const char *field, struct slice a,
		      struct slice b, const char *ref, const char *fmt, ...)
{
	struct report *r = d->r;
	char msg[480];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (level == DIFF_PROBLEM)
		d->problems++;
	else if (level == DIFF_NOTE)
		d->notes++;
	const char *kind = !a.ptr && !b.ptr ? "absent"
			   : !a.ptr	    ? "added"
			   : !b.ptr	    ? "removed"
			   : slice_eq(a, b) ? "same"
					    : "changed";
	if (r->format == REPORT_TEXT) {
		enum report_style st = level == DIFF_PROBLEM ? STYLE_ERROR : level == DIFF_NOTE ? STYLE_WARNING : STYLE_GOOD;
		report_pad(r);
		buf_printf(r->b, "%s%-7s%s %s%s%s: %s", report_on(r, st), level_name(level), report_off(r),
			   report_on(r, STYLE_NAME), field, report_off(r), msg);
		if (ref)
			buf_printf(r->b, "  %s[%s]%s", report_on(r, STYLE_DIM), ref, report_off(r));
		buf_putc(r->b, '\n');
		return;
	}
	report_begin(r, NULL, NULL);
	report_cstr(r, "field", NULL, field, NULL);
	report_cstr(r, "kind", NULL, kind, NULL);
	report_cstr(r, "severity", NULL, level_name(level), NULL);
	report_unfolded(r, "a", NULL, a);
	report_unfolded(r, "b", NULL, b);
	report_cstr(r, "meaning", NULL, msg, NULL);
	report_cstr(r, "ref", NULL, ref, NULL);
	report_end(r);
}

static int side_load(struct diff_side *s, const char *path, const struct cli_opts *opt, FILE *err)
{
	struct sip_parse_error perr = { 0 };
	struct slice rest;
	s->error = "cannot read the input";
	s->in.name = path;
	int rc = cli_input_read(&s->in, path, err);
	if (rc < 0)
		return rc;
	/* text saved as UTF-16 (Windows), as decode reads it */
	if (!opt->strict && (rc = cli_input_to_utf8(&s->in, &s->encoding, err)) < 0)
		return rc;
	rc = cli_source_init(&s->src, &s->in, opt->strict ? CLI_FRAMING_STREAM : CLI_FRAMING_LENIENT,
			     err);
	s->src_ready = true;
	if (rc < 0) {
		if (s->src.error_reason) {
			s->error = s->src.error_reason;
			s->error_line = s->src.error_line;
			s->error_col = s->src.error_col;
		} else {
			s->error = "no SIP message";
		}
		return rc;
	}
	s->error = "out of memory";
	s->m = imsreg_calloc(1, sizeof *s->m);
	if (!s->m)
		return -ENOMEM;
	rc = cli_source_next(&s->src, s->m, err);
	if (rc == 0) {
		fprintf(err, "%s: no SIP message\n", s->in.name);
		s->error = "no SIP message";
		return -EBADMSG;
	}
	if (rc < 0) {
		s->error = s->m->error_reason ? s->m->error_reason : "cannot parse the first message";
		s->error_line = s->m->error_line;
		s->error_col = s->m->error_col;
		return rc;
	}
	s->parsed = true;
	const struct sip_msg *msg = &s->m->msg;
	const struct sip_hdr *h;
	/* the comparisons are those of two REGISTERs of one registration
	 * (CSeq, branch, nonce, nc...): on a response or another request they
	 * would report false problems, so the pair is refused */
	if (!msg->is_request || msg->method_id != SIP_METHOD_REGISTER) {
		s->error = "the first message is not a REGISTER request: --diff compares two REGISTERs";
		if (sip_msg_is_fields(msg))
			fprintf(err, "%s: %s (it is header fields without a start line)\n", s->in.name, s->error);
		else
			fprintf(err, "%s: %s (it is '%.*s')\n", s->in.name, s->error, SLICE_ARG(msg->start_line));
		return -EINVAL;
	}
	s->error = NULL;
	if ((h = sip_hdr_first(msg, SIP_HDR_CALL_ID)))
		s->call_id = h->value;
	if ((h = sip_hdr_first(msg, SIP_HDR_CSEQ)))
		s->has_cseq = sip_cseq_decode(&s->cseq, h->value, &perr) == 0;
	if ((h = sip_hdr_first(msg, SIP_HDR_FROM)))
		s->has_from = sip_addr_decode(&s->from, h->value, 0, &perr) == 0;
	if ((h = sip_hdr_first(msg, SIP_HDR_TO)))
		s->has_to = sip_addr_decode(&s->to, h->value, 0, &perr) == 0;
	if ((h = sip_hdr_first(msg, SIP_HDR_VIA))) {
		struct sip_list it;
		struct slice item;
		sip_list_init(&it, h->value);
		s->has_via = sip_list_next(&it, &item, &perr) > 0 && sip_via_decode(&s->via, item, &perr) == 0;
	}
	if ((h = sip_hdr_first(msg, SIP_HDR_EXPIRES)))
		s->has_expires = sip_u32_decode(&s->expires, h->value, &perr) == 0;
	if ((h = sip_hdr_first(msg, SIP_HDR_AUTHORIZATION)))
		s->has_auth = sip_auth_decode(&s->auth, h->value, &rest, &perr) == 0;
	if ((h = sip_hdr_first(msg, SIP_HDR_P_ACCESS_NETWORK_INFO)))
		s->pani = h->value;
	if ((h = ims_cni_next(msg, NULL)))
		s->cni = h->value;
	return 0;
}

static void side_fini(struct diff_side *s)
{
	if (s->src_ready)
		cli_source_fini(&s->src);
	cli_input_fini(&s->in);
	imsreg_free(s->m);
}

/* ---- the comparisons -------------------------------------------------- */

static void diff_call_id(struct diff_run *d, const struct diff_side *a, const struct diff_side *b,
			 bool *same_reg)
{
	struct slice ca = a->call_id, cb = b->call_id;
	*same_reg = ca.ptr && cb.ptr && slice_eq(ca, cb);
	if (*same_reg)
		diff_item(d, DIFF_OK, "Call-ID", ca, cb, "RFC 3261 §10.2",
			  "kept (%.*s): the same registration continues", SLICE_ARG(ca));
	else if (!ca.ptr || !cb.ptr)
		diff_item(d, DIFF_PROBLEM, "Call-ID", ca, cb, "RFC 3261 §8.1.1.4", "missing in %s",
			  ca.ptr ? "B" : "A");
	else
		diff_item(d, DIFF_NOTE, "Call-ID", ca, cb, "RFC 3261 §10.2, §10.3 step 7",
			  "changed: the UE started a new registration; the registrar treats this as a different "
			  "registration (its CSeq ordering starts again) and, for the same Contact, the new one "
			  "replaces the old binding; a UE should keep one Call-ID per boot cycle");
}

static void diff_cseq(struct diff_run *d, const struct diff_side *a, const struct diff_side *b, bool same_reg)
{
	char va[32], vb[32];
	if (!a->has_cseq || !b->has_cseq) {
		diff_item(d, DIFF_PROBLEM, "CSeq", SLICE_NULL, SLICE_NULL, "RFC 3261 §8.1.1.5",
			  "missing or malformed in %s", a->has_cseq ? "B" : "A");
		return;
	}
	snprintf(va, sizeof va, "%" PRIu32, a->cseq.seq);
	snprintf(vb, sizeof vb, "%" PRIu32, b->cseq.seq);
	struct slice sa = slice_cstr(va), sb = slice_cstr(vb);
	uint32_t x = a->cseq.seq, y = b->cseq.seq;
	if (!same_reg)
		diff_item(d, DIFF_NOTE, "CSeq", sa, sb, "RFC 3261 §10.2.4",
			  "%s -> %s under a new Call-ID: the ordering of the old registration does not apply", va, vb);
	else if (y > x)
		diff_item(d, DIFF_OK, "CSeq", sa, sb, "RFC 3261 §10.2.4",
			  "%s -> %s: the same registration continues%s", va, vb,
			  y == x + 1 ? " (the next request)" : " (requests in between, or a jump the registrar accepts)");
	else if (y == x)
		diff_item(d, DIFF_PROBLEM, "CSeq", sa, sb, "RFC 3261 §10.3 step 7, §17.2.3",
			  "%s unchanged: a retransmission of the same request (same Via branch) or a UE bug; "
			  "a new REGISTER with the same Call-ID must raise CSeq", va);
	else
		diff_item(d, DIFF_PROBLEM, "CSeq", sa, sb, "RFC 3261 §10.3 step 7",
			  "%s -> %s went backwards with the same Call-ID: the registrar must reject B as out of order", va, vb);
	if (a->cseq.method_id != SIP_METHOD_REGISTER || b->cseq.method_id != SIP_METHOD_REGISTER)
		diff_item(d, DIFF_PROBLEM, "CSeq method", a->cseq.method, b->cseq.method, "RFC 3261 §10.2",
			  "a REGISTER's CSeq method must be REGISTER");
}

/* Two Request-URIs equal as URIs (§19.1.4), or as text when one does not
 * decode (the rule book says why). */
static bool ruri_equal(struct slice a, struct slice b)
{
	struct sip_uri ua, ub;
	if (sip_uri_decode(&ua, a, NULL) == 0 && sip_uri_decode(&ub, b, NULL) == 0)
		return sip_uri_equal(&ua, &ub);
	return slice_eq(a, b);
}

static void diff_from_to(struct diff_run *d, const struct diff_side *a, const struct diff_side *b, bool same_reg)
{
	struct slice ta = a->has_from ? a->from.tag : SLICE_NULL, tb = b->has_from ? b->from.tag : SLICE_NULL;
	if (ta.ptr && tb.ptr && slice_eq(ta, tb))
		diff_item(d, DIFF_OK, "From tag", ta, tb, "RFC 3261 §8.1.1.3", "kept (%.*s)", SLICE_ARG(ta));
	else if (!ta.ptr || !tb.ptr)
		diff_item(d, DIFF_PROBLEM, "From tag", ta, tb, "RFC 3261 §8.1.1.3", "missing in %s: From must carry a tag",
			  ta.ptr ? "B" : "A");
	else
		diff_item(d, same_reg ? DIFF_NOTE : DIFF_OK, "From tag", ta, tb, "RFC 3261 §8.1.1.3, §10.2",
			  "%.*s -> %.*s: allowed (a REGISTER is outside any dialog, each request may take a new tag), "
			  "though many UEs keep one tag per registration", SLICE_ARG(ta), SLICE_ARG(tb));
	/* identities compared as RFC 3261 §19.1.4 compares URIs (the host in
	 * any case, escapes, parameter order), not as text */
	struct slice fa = a->has_from ? a->from.uri_text : SLICE_NULL, fb = b->has_from ? b->from.uri_text : SLICE_NULL;
	if (fa.ptr && fb.ptr && !sip_uri_equal(&a->from.uri, &b->from.uri))
		diff_item(d, DIFF_NOTE, "From", fa, fb, "RFC 3261 §10.2", "the requesting identity changed");
	struct slice oa = a->has_to ? a->to.uri_text : SLICE_NULL, ob = b->has_to ? b->to.uri_text : SLICE_NULL;
	if (oa.ptr && ob.ptr && slice_eq(oa, ob))
		diff_item(d, DIFF_OK, "To", oa, ob, "RFC 3261 §10.2", "the same AOR (%.*s)", SLICE_ARG(oa));
	else if (oa.ptr && ob.ptr && sip_uri_equal(&a->to.uri, &b->to.uri))
		diff_item(d, DIFF_OK, "To", oa, ob, "RFC 3261 §10.2, §19.1.4",
			  "the same AOR, written differently (%.*s, %.*s: equal as URIs)", SLICE_ARG(oa),
			  SLICE_ARG(ob));
	else
		diff_item(d, same_reg ? DIFF_PROBLEM : DIFF_NOTE, "To", oa, ob, "RFC 3261 §10.2",
			  "the AOR changed: %s", same_reg ? "one Call-ID must not serve two AORs" : "another public identity is registered");
	const struct sip_msg *ma = &a->m->msg, *mb = &b->m->msg;
	if (ma->is_request && mb->is_request && !ruri_equal(ma->ruri, mb->ruri))
		diff_item(d, DIFF_NOTE, "Request-URI", ma->ruri, mb->ruri, "RFC 3261 §10.2",
			  "another registrar domain");
}

static void diff_via(struct diff_run *d, const struct diff_side *a, const struct diff_side *b)
{
	if (!a->has_via || !b->has_via)
		return;
	if (slice_eq(a->via.branch, b->via.branch))
		diff_item(d, DIFF_PROBLEM, "Via branch", a->via.branch, b->via.branch, "RFC 3261 §17.2.3",
			  "the same branch: B is a retransmission of A's transaction, not a new REGISTER");
	else
		diff_item(d, DIFF_OK, "Via branch", a->via.branch, b->via.branch, "RFC 3261 §8.1.1.7",
			  "a new transaction");
	if (!slice_caseeq(a->via.host, b->via.host) || a->via.port != b->via.port ||
	    !slice_caseeq(a->via.transport, b->via.transport)) {
		char sa[96], sb[96];
		snprintf(sa, sizeof sa, "%.*s %.*s:%u", SLICE_ARG(a->via.transport), SLICE_ARG(a->via.host),
			 a->via.has_port ? a->via.port : 5060);
		snprintf(sb, sizeof sb, "%.*s %.*s:%u", SLICE_ARG(b->via.transport), SLICE_ARG(b->via.host),
			 b->via.has_port ? b->via.port : 5060);
		diff_item(d, DIFF_NOTE, "Via sent-by", slice_cstr(sa), slice_cstr(sb), "RFC 3261 §18.2.1, TS 24.229 §5.1.1.2",
			  "%s -> %s: the UE's address, port or transport changed: a new IP (a new PDN/PDU session?) "
			  "or sec-agree moving to the protected ports", sa, sb);
	}
}

static const char *expires_words(uint32_t v)
{
	return v == 0 ? "unregistration" : v == 600000 ? "the IR.92 initial value" : "registration for this long";
}

static void diff_expires(struct diff_run *d, const struct diff_side *a, const struct diff_side *b)
{
	char va[16], vb[16];
	snprintf(va, sizeof va, "%" PRIu32, a->expires);
	snprintf(vb, sizeof vb, "%" PRIu32, b->expires);
	struct slice sa = a->has_expires ? slice_cstr(va) : SLICE_NULL;
	struct slice sb = b->has_expires ? slice_cstr(vb) : SLICE_NULL;
	if (!sa.ptr && !sb.ptr)
		return;
	if (sa.ptr && sb.ptr && a->expires == b->expires) {
		diff_item(d, DIFF_OK, "Expires", sa, sb, "RFC 3261 §10.2.1.1", "kept (%s: %s)", va,
			  expires_words(a->expires));
		return;
	}
	if (sb.ptr && b->expires == 0)
		diff_item(d, DIFF_NOTE, "Expires", sa, sb, "RFC 3261 §10.2.2, TS 24.229 §5.1.1.6",
			  "%s -> 0: unregistration: B removes the bindings", sa.ptr ? va : "(none)");
	else if (sa.ptr && a->expires == 0)
		diff_item(d, DIFF_NOTE, "Expires", sa, sb, "RFC 3261 §10.2.1", "0 -> %s: a new registration after the unregistration",
			  sb.ptr ? vb : "(registrar default)");
	else
		diff_item(d, DIFF_NOTE, "Expires", sa, sb, "RFC 3261 §10.2.1.1, §10.3 step 7",
			  "%s -> %s: the UE asks for another interval (the registrar may shorten it)",
			  sa.ptr ? va : "(none: registrar default)", sb.ptr ? vb : "(none: registrar default)");
}

static void diff_auth(struct diff_run *d, const struct diff_side *a, const struct diff_side *b)
{
	if (!a->has_auth && !b->has_auth) {
		diff_item(d, DIFF_OK, "Authorization", SLICE_NULL, SLICE_NULL, "RFC 3261 §22",
			  "neither carries credentials");
		return;
	}
	if (!a->has_auth || !b->has_auth) {
		diff_item(d, DIFF_NOTE, "Authorization", a->has_auth ? SLICE_LIT("present") : SLICE_NULL,
			  b->has_auth ? SLICE_LIT("present") : SLICE_NULL, "TS 24.229 §5.1.1.2",
			  "%s", a->has_auth ? "B has no credentials (an IMS UE always sends Authorization)"
					    : "B adds credentials");
		return;
	}
	const struct sip_auth *x = &a->auth, *y = &b->auth;
	struct slice ua = x->field[SIP_AUTH_USERNAME], ub = y->field[SIP_AUTH_USERNAME];
	if (!slice_eq(ua, ub))
		diff_item(d, DIFF_PROBLEM, "username", ua, ub, "TS 24.229 §5.1.1.2",
			  "the private identity (IMPI) changed within one registration");
	struct slice na = x->field[SIP_AUTH_NONCE], nb = y->field[SIP_AUTH_NONCE];
	bool ea = !na.ptr || na.len == 0, eb = !nb.ptr || nb.len == 0;
	if (ea && eb)
		diff_item(d, DIFF_OK, "nonce", na, nb, "TS 24.229 §5.1.1.2.1", "empty in both: no challenge answered yet");
	else if (ea)
		diff_item(d, DIFF_OK, "nonce", na, nb, "RFC 3261 §22.2, TS 24.229 §5.1.1.5.1",
			  "empty -> set: B answers the 401 challenge that followed A");
	else if (eb)
		diff_item(d, DIFF_NOTE, "nonce", na, nb, "TS 24.229 §5.1.1.2.1",
			  "set -> empty: B starts over without credentials (a new initial registration)");
	else if (!slice_eq(na, nb))
		diff_item(d, DIFF_NOTE, "nonce", na, nb, "RFC 3310 §3, TS 24.229 §5.1.1.5",
			  "another challenge: a new 401 came in between (re-authentication, or a stale nonce)");
	else
		diff_item(d, DIFF_OK, "nonce", na, nb, "RFC 7616 §3.4", "the same challenge reused");
	if (x->has_nc && y->has_nc) {
		char va[12], vb[12];
		snprintf(va, sizeof va, "%08" PRIx32, x->nc);
		snprintf(vb, sizeof vb, "%08" PRIx32, y->nc);
		struct slice sa = slice_cstr(va), sb = slice_cstr(vb);
		bool same_nonce = !ea && !eb && slice_eq(na, nb);
		if (same_nonce && y->nc > x->nc)
			diff_item(d, DIFF_OK, "nc", sa, sb, "RFC 7616 §3.4, RFC 3310 §3",
				  "nc %s -> %s with the same nonce: the UE reuses the challenge (the server must see nc grow)", va, vb);
		else if (same_nonce)
			diff_item(d, DIFF_PROBLEM, "nc", sa, sb, "RFC 7616 §3.4",
				  "nc %s -> %s with the same nonce does not grow: the server must treat B as a replay", va, vb);
		else
			diff_item(d, DIFF_OK, "nc", sa, sb, "RFC 7616 §3.4",
				  "nc %s -> %s: counts start again with each new nonce", va, vb);
	} else if (!x->has_nc && y->has_nc && ea && !eb) {
		char vb[12];
		snprintf(vb, sizeof vb, "%08" PRIx32, y->nc);
		diff_item(d, y->nc == 1 ? DIFF_OK : DIFF_NOTE, "nc", SLICE_NULL, slice_cstr(vb), "RFC 7616 §3.4",
			  "nc %s in B: %s", vb, y->nc == 1 ? "the first answer to the new challenge"
							   : "the first answer to a challenge should count 00000001");
	} else if (x->has_nc != y->has_nc) {
		diff_item(d, DIFF_NOTE, "nc", SLICE_NULL, SLICE_NULL, "RFC 7616 §3.4", "nc only in %s (qop used only there)",
			  x->has_nc ? "A" : "B");
	}
	struct slice aa = x->field[SIP_AUTH_ALGORITHM], ab = y->field[SIP_AUTH_ALGORITHM];
	if (!(aa.ptr == NULL && ab.ptr == NULL) && !(aa.ptr && ab.ptr && slice_caseeq(aa, ab)))
		diff_item(d, DIFF_NOTE, "algorithm", aa, ab, "RFC 3310 §3.1, RFC 3261 §22.4",
			  "%.*s -> %.*s: the digest algorithm changed (absent means MD5)",
			  aa.ptr ? (int)aa.len : 6, aa.ptr ? aa.ptr : "(none)", ab.ptr ? (int)ab.len : 6,
			  ab.ptr ? ab.ptr : "(none)");
	if (y->field[SIP_AUTH_AUTS].ptr && !x->field[SIP_AUTH_AUTS].ptr)
		diff_item(d, DIFF_NOTE, "auts", SLICE_NULL, y->field[SIP_AUTH_AUTS], "RFC 3310 §3.4, TS 33.102 §6.3.5",
			  "B carries auts: the USIM rejected the SQN and asks the HSS to re-synchronise");
	struct slice ra = x->field[SIP_AUTH_RESPONSE], rb = y->field[SIP_AUTH_RESPONSE];
	if (ra.ptr && rb.ptr && ra.len && rb.len && slice_eq(ra, rb))
		diff_item(d, DIFF_PROBLEM, "response", ra, rb, "RFC 7616 §3.4",
			  "the same response twice: with a growing nc or a new cnonce it must differ");
}

#define DIFF_MAX_CONTACTS 16

/* The Contact elements of a side, in order (up to DIFF_MAX_CONTACTS). */
static unsigned side_contacts(const struct diff_side *s, struct sip_addr *out)
{
	unsigned n = 0;
	struct cli_addr_it it;
	cli_addr_it_init(&it, &s->m->msg, SIP_HDR_CONTACT, SIP_ADDR_ALLOW_STAR);
	while (n < DIFF_MAX_CONTACTS && cli_addr_next(&it, &out[n]))
		n++;
	return n;
}

static bool param_lookup(struct slice params, struct slice name, struct sip_param *out)
{
	struct sip_param_it it;
	struct sip_parse_error perr;
	if (!params.ptr)
		return false;
	sip_param_it_init(&it, params);
	while (sip_param_next(&it, out, &perr) > 0)
		if (slice_caseeq(out->name, name))
			return true;
	return false;
}

/* One service URN of an ICSI/IARI list, %-unescaped into tmp (as written
 * when the escape is bad or too long). */
static struct slice service_urn(char *tmp, size_t cap, struct slice written)
{
	int n = ims_unescape(tmp, cap, written);
	return n >= 0 ? slice_make(tmp, (size_t)n) : written;
}

/* Appends to out "VERB: urn (name), ..." for the services `to` lists and
 * `from` does not, compared unescaped and without regard to case. */
static void services_delta(struct buf *out, const struct ims_feature_tag *from, const struct ims_feature_tag *to,
			   const char *verb)
{
	unsigned listed = 0;
	for (unsigned i = 0; i < to->nservices && i < 8; i++) {
		char x[256], y[256];
		struct slice u = service_urn(x, sizeof x, to->service_urns[i]);
		bool found = false;
		for (unsigned j = 0; j < from->nservices && j < 8 && !found; j++)
			found = slice_caseeq(u, service_urn(y, sizeof y, from->service_urns[j]));
		if (found)
			continue;
		if (listed)
			buf_printf(out, ", %.*s", SLICE_ARG(u));
		else
			buf_printf(out, "%s%s: %.*s", out->len ? "; " : "", verb, SLICE_ARG(u));
		if (to->services[i].name)
			buf_printf(out, " (%s)", to->services[i].name);
		listed++;
	}
}

/* Parameters of x missing from y (removed when a_to_b is false). */
static void diff_params_one_way(struct diff_run *d, struct slice x, struct slice y, bool added)
{
	struct sip_param_it it;
	struct sip_param p, q;
	struct sip_parse_error perr;
	if (!x.ptr)
		return;
	sip_param_it_init(&it, x);
	while (sip_param_next(&it, &p, &perr) > 0) {
		bool found = param_lookup(y, p.name, &q);
		struct ims_feature_tag t;
		memset(&t, 0, sizeof t);
		ims_feature_tag_describe(&t, &p);
		char field[96];
		snprintf(field, sizeof field, "Contact ;%.*s", SLICE_ARG(p.name));
		struct slice v = p.value.ptr ? p.value : SLICE_LIT("(no value)");
		if (!found) {
			diff_item(d, DIFF_NOTE, field, added ? SLICE_NULL : v, added ? v : SLICE_NULL, t.ref,
				  "%s: %s", added ? "added in B" : "removed in B", t.meaning ? t.meaning : "a contact parameter");
		} else if (added) {
			/* each pair once: compare values when walking B */
			struct slice qv = q.value.ptr ? q.value : SLICE_LIT("(no value)");
			if (slice_eq(qv, v))
				continue;
			if (t.kind == IMS_TAG_ICSI || t.kind == IMS_TAG_IARI) {
				struct ims_feature_tag ta;
				memset(&ta, 0, sizeof ta);
				ims_feature_tag_describe(&ta, &q);
				struct buf m;
				buf_init(&m);
				services_delta(&m, &ta, &t, "services added in B");
				services_delta(&m, &t, &ta, "services removed in B");
				diff_item(d, DIFF_NOTE, field, qv, v, t.ref, "%s: %s",
					  m.len ? m.ptr : "the same services, written differently (order, case or escaping)",
					  t.meaning ? t.meaning : "a contact parameter");
				report_keep_error(d->r, &m);
				buf_fini(&m);
				continue;
			}
			diff_item(d, DIFF_NOTE, field, qv, v, t.ref, "value changed: %s",
				  t.meaning ? t.meaning : "a contact parameter");
		}
	}
}

/* One binding present on both sides (or the only one of each): expires and
 * feature tags. */
/* RFC 3261 §10.3 step 6: a Contact names an existing binding when its URI
 * equals the binding's by §19.1.4. */
static bool contact_sos(const struct sip_addr *a)
{
	return ims_uri_is_emergency(&a->uri);
}

/* The same binding: equal URIs (RFC 3261 §19.1.4 ignores a parameter in one
 * URI only, but sos makes an emergency registration, another binding). */
static bool contact_same(const struct sip_addr *a, const struct sip_addr *b)
{
	return sip_uri_equal(&a->uri, &b->uri) && contact_sos(a) == contact_sos(b);
}

static void diff_binding(struct diff_run *d, const struct sip_addr *ca, const struct sip_addr *cb)
{
	char va[16], vb[16];
	snprintf(va, sizeof va, "%" PRIu32, ca->expires);
	snprintf(vb, sizeof vb, "%" PRIu32, cb->expires);
	if (ca->has_expires != cb->has_expires || (ca->has_expires && ca->expires != cb->expires))
		diff_item(d, DIFF_NOTE, "Contact ;expires", ca->has_expires ? slice_cstr(va) : SLICE_NULL,
			  cb->has_expires ? slice_cstr(vb) : SLICE_NULL, "RFC 3261 §10.2.1.1",
			  "%s", cb->has_expires && cb->expires == 0 ? "0 in B: this binding is removed"
								    : "the contact's own expiry changed (it overrides the Expires header)");
	diff_params_one_way(d, ca->params, cb->params, false);
	diff_params_one_way(d, cb->params, ca->params, true);
}

static void diff_contact(struct diff_run *d, const struct diff_side *a, const struct diff_side *b)
{
	struct sip_addr ca[DIFF_MAX_CONTACTS], cb[DIFF_MAX_CONTACTS];
	unsigned na = side_contacts(a, ca), nb = side_contacts(b, cb);
	bool star_a = na && ca[0].star, star_b = nb && cb[0].star;
	if (!na && !nb) {
		diff_item(d, DIFF_NOTE, "Contact", SLICE_NULL, SLICE_NULL, "RFC 3261 §10.2.3", "none in either: queries");
		return;
	}
	if (!na || !nb) {
		diff_item(d, DIFF_NOTE, "Contact", na ? ca[0].uri_text : SLICE_NULL, nb ? cb[0].uri_text : SLICE_NULL,
			  "RFC 3261 §10.2.3", "only %s has a Contact: the other is a query", na ? "A" : "B");
		return;
	}
	if (star_a || star_b) {
		diff_item(d, DIFF_NOTE, "Contact", star_a ? SLICE_LIT("*") : ca[0].uri_text,
			  star_b ? SLICE_LIT("*") : cb[0].uri_text, "RFC 3261 §10.2.2",
			  "Contact: * removes every binding of the AOR");
		return;
	}
	if (na == 1 && nb == 1 && !contact_same(&ca[0], &cb[0])) {
		if (contact_sos(&ca[0]) != contact_sos(&cb[0]))
			diff_item(d, DIFF_NOTE, "Contact", ca[0].uri_text, cb[0].uri_text,
				  "TS 24.229 §5.1.6.2, draft-patel-ecrit-sos-parameter",
				  "only %s's contact has sos: that one is an emergency registration, kept beside "
				  "the normal one, not an update of it", contact_sos(&ca[0]) ? "A" : "B");
		else
			diff_item(d, DIFF_NOTE, "Contact", ca[0].uri_text, cb[0].uri_text, "RFC 3261 §10.2.1, RFC 5626 §4.2",
				  "another contact address: B adds a binding (or replaces it, when +sip.instance/reg-id match)");
		diff_binding(d, &ca[0], &cb[0]);
		return;
	}
	for (unsigned i = 0; i < na; i++) {
		unsigned j = 0;
		while (j < nb && !contact_same(&ca[i], &cb[j]))
			j++;
		if (j == nb) {
			diff_item(d, DIFF_NOTE, "Contact", ca[i].uri_text, SLICE_NULL, "RFC 3261 §10.2.1",
				  "not in B: B does not touch this binding, it stays until it expires");
			continue;
		}
		diff_item(d, DIFF_OK, "Contact", ca[i].uri_text, cb[j].uri_text, "RFC 3261 §10.2.1",
			  "the same contact address: B updates the same binding");
		diff_binding(d, &ca[i], &cb[j]);
	}
	for (unsigned j = 0; j < nb; j++) {
		unsigned i = 0;
		while (i < na && !contact_same(&ca[i], &cb[j]))
			i++;
		if (i == na)
			diff_item(d, DIFF_NOTE, "Contact", SLICE_NULL, cb[j].uri_text,
				  cb[j].has_expires && cb[j].expires == 0 ? "RFC 3261 §10.2.2" : "RFC 3261 §10.2.1",
				  "%s", cb[j].has_expires && cb[j].expires == 0
				  ? "only in B, with expires=0: B removes this binding (registered earlier, not in A)"
				  : "added in B: a new binding of the AOR");
	}
}

static void diff_headers(struct diff_run *d, const struct diff_side *a, const struct diff_side *b)
{
	static const struct {
		enum sip_hdr_id id;
		const char *meaning, *ref;
	} watch[] = {
		{ SIP_HDR_SECURITY_CLIENT, "the UE's offered IPsec algorithms and SPIs/ports", "RFC 3329 §2.3, TS 33.203 §7" },
		{ SIP_HDR_SECURITY_VERIFY, "the protected REGISTER echoes the Security-Server of the 401", "RFC 3329 §2.3.1, TS 33.203 §7.4" },
		{ SIP_HDR_REQUIRE, "option tags the registrar must support (sec-agree)", "RFC 3329 §2.3" },
		{ SIP_HDR_PROXY_REQUIRE, "option tags the P-CSCF must support (sec-agree)", "RFC 3329 §2.3" },
		{ SIP_HDR_SUPPORTED, "options the UE supports (path, gruu, outbound)", "RFC 3261 §20.37" },
		{ SIP_HDR_ROUTE, "the route to the P-CSCF", "TS 24.229 §5.1.1.2" },
	};
	for (size_t i = 0; i < sizeof watch / sizeof watch[0]; i++) {
		const struct sip_hdr *ha = sip_hdr_first(&a->m->msg, watch[i].id);
		const struct sip_hdr *hb = sip_hdr_first(&b->m->msg, watch[i].id);
		struct slice va = ha ? ha->value : SLICE_NULL, vb = hb ? hb->value : SLICE_NULL;
		if (!ha && !hb)
			continue;
		if (ha && hb) {
			/* compare without folding */
			struct buf x, y;
			buf_init(&x);
			buf_init(&y);
			report_unfold(&x, va);
			report_unfold(&y, vb);
			bool same = x.len == y.len && (x.len == 0 || memcmp(x.ptr, y.ptr, x.len) == 0);
			report_keep_error(d->r, &x);
			report_keep_error(d->r, &y);
			buf_fini(&x);
			buf_fini(&y);
			if (same)
				continue;
		}
		diff_item(d, DIFF_NOTE, sip_hdr_name(watch[i].id), va, vb, watch[i].ref, "%s: %s",
			  !ha ? "added in B" : !hb ? "removed in B" : "changed", watch[i].meaning);
	}
	struct slice pa = a->pani, pb = b->pani;
	if (pa.ptr && pb.ptr && !slice_eq(pa, pb))
		diff_item(d, DIFF_NOTE, "P-Access-Network-Info", pa, pb, "RFC 7315 §5.7",
			  "the UE reports another cell or access: it moved, or changed access (e.g. LTE -> NR / Wi-Fi)");
	else if (!pa.ptr != !pb.ptr)
		diff_item(d, DIFF_NOTE, "P-Access-Network-Info", pa, pb, "TS 24.229 §5.1.1.2",
			  "only %s reports the access network", pa.ptr ? "A" : "B");
	/* Cellular-Network-Info: the cell a UE on Wi-Fi last used */
	struct slice ca = a->cni, cb = b->cni;
	if (ca.ptr && cb.ptr && !slice_eq(ca, cb)) {
		struct ims_pani x, y;
		struct sip_parse_error perr;
		bool cell_same = ims_cni_decode(&x, ca, &perr) == 0 && ims_cni_decode(&y, cb, &perr) == 0 &&
				 slice_eq(x.access_type, y.access_type) && slice_eq(x.cell_value, y.cell_value);
		diff_item(d, DIFF_NOTE, IMS_CNI_NAME, ca, cb, "TS 24.229 §7.2.15", "%s",
			  cell_same ? "the same last cell, its cell-info-age moved on: the UE stayed off cellular radio"
				    : "another last cellular cell: the UE was on cellular radio in between");
	} else if (!ca.ptr != !cb.ptr) {
		diff_item(d, DIFF_NOTE, IMS_CNI_NAME, ca, cb, "TS 24.229 §7.2.15", "%s",
			  ca.ptr ? "only A gives the last cellular cell: in B the UE is back on cellular "
				   "radio, or does not send it"
				 : "only B gives the last cellular cell: the UE left cellular radio (e.g. for Wi-Fi)");
	}
}

/* Feature-Caps (RFC 6809): the indicators of every field of one side, in
 * order (up to DIFF_MAX_FCAPS; a field that breaks the syntax gives those
 * before its error, as decode shows them). */
#define DIFF_MAX_FCAPS 32
struct fcap_set {
	unsigned n;
	bool present;
	struct sip_param p[DIFF_MAX_FCAPS];
};

static void fcaps_collect(const struct diff_side *s, struct fcap_set *out)
{
	out->n = 0;
	out->present = false;
	for (const struct sip_hdr *h = ims_fcaps_next(&s->m->msg, NULL); h; h = ims_fcaps_next(&s->m->msg, h)) {
		struct ims_fcaps_it it;
		struct sip_param p;
		struct sip_parse_error perr;
		unsigned el;
		out->present = true;
		ims_fcaps_init(&it, h->value);
		while (out->n < DIFF_MAX_FCAPS && ims_fcaps_next_cap(&it, &p, &el, &perr) > 0)
			out->p[out->n++] = p;
	}
}

static const struct sip_param *fcap_find(const struct fcap_set *s, struct slice name)
{
	for (unsigned i = 0; i < s->n; i++)
		if (slice_caseeq(s->p[i].name, name))
			return &s->p[i];
	return NULL;
}

/* What a changed value of an indicator means, for those whose value names
 * a node of the path (TS 24.237 Annex C: the ATCF the P-CSCF put in the
 * path), else NULL. */
static const char *fcap_change_meaning(struct slice name)
{
	if (slice_caseeq(name, SLICE_LIT("+g.3gpp.atcf")))
		return "another STN-SR: the registration now goes through another ATCF (a new P-CSCF, "
		       "or the same one giving a new STN-SR); the SCC AS must put it in the HSS, or the "
		       "MSC server sends an SRVCC handover to the old ATCF";
	if (slice_caseeq(name, SLICE_LIT("+g.3gpp.atcf-mgmt-uri")))
		return "another ATCF management URI: the SCC AS sends the transfer information of "
		       "SRVCC to this ATCF now";
	if (slice_caseeq(name, SLICE_LIT("+g.3gpp.atcf-path")))
		return "another ATCF URI in the path: the ATCF the terminating requests go through changed";
	return NULL;
}

/* Indicators of x missing from y (added in B when `added`), and, walking
 * B, those whose value changed. */
static void diff_fcaps_one_way(struct diff_run *d, const struct fcap_set *x, const struct fcap_set *y, bool added)
{
	for (unsigned i = 0; i < x->n; i++) {
		const struct sip_param *p = &x->p[i], *q = fcap_find(y, p->name);
		if (fcap_find(x, p->name) != p)
			continue; /* an indicator written twice: its first */
		struct ims_feature_tag t;
		memset(&t, 0, sizeof t);
		ims_fcap_describe(&t, p);
		char field[96];
		snprintf(field, sizeof field, "%s %.*s", IMS_FCAPS_NAME, SLICE_ARG(p->name));
		struct slice v = p->value.ptr ? p->value : SLICE_LIT("(no value)");
		const char *meaning = t.meaning ? t.meaning : "an indicator imsreg does not know";
		if (!q) {
			diff_item(d, DIFF_NOTE, field, added ? SLICE_NULL : v, added ? v : SLICE_NULL, t.ref,
				  "%s: %s", added ? "added in B" : "removed in B", meaning);
			continue;
		}
		if (!added)
			continue; /* each pair once: compared when walking B */
		struct slice qv = q->value.ptr ? q->value : SLICE_LIT("(no value)");
		if (slice_eq(qv, v))
			continue;
		const char *change = fcap_change_meaning(p->name);
		if (change)
			diff_item(d, DIFF_NOTE, field, qv, v, t.ref, "%s", change);
		else
			diff_item(d, DIFF_NOTE, field, qv, v, t.ref, "value changed: %s", meaning);
	}
}

/* Feature-Caps of a REGISTER as a P-CSCF forwards it (the Mw leg): what
 * the proxies in the path support changed between A and B. */
static void diff_fcaps(struct diff_run *d, const struct diff_side *a, const struct diff_side *b)
{
	struct fcap_set x, y;
	fcaps_collect(a, &x);
	fcaps_collect(b, &y);
	if (x.present != y.present) {
		/* one was taken before the P-CSCF, the other after it: their
		 * indicators are not to be compared one by one */
		diff_item(d, DIFF_NOTE, IMS_FCAPS_NAME, x.present ? SLICE_LIT("(present)") : SLICE_NULL,
			  y.present ? SLICE_LIT("(present)") : SLICE_NULL, "RFC 6809 §4",
			  "only %s went through a proxy that says what it supports: compare REGISTERs taken "
			  "at the same point (both as the UE sent them, or both as the S-CSCF received them)",
			  x.present ? "A" : "B");
		return;
	}
	diff_fcaps_one_way(d, &x, &y, false);
	diff_fcaps_one_way(d, &y, &x, true);
}

/* "a"/"b" of the JSON document: name, start line and why the side could
 * not be compared ({reason, line, column} or null). */
static void side_report(struct report *r, const char *key, const struct diff_side *s)
{
	report_begin(r, key, NULL);
	report_cstr(r, "name", NULL, s->in.name, NULL);
	report_cstr(r, "encoding", NULL, s->encoding, NULL);
	report_str(r, "start_line", NULL, s->parsed ? s->m->msg.start_line : SLICE_NULL,
		   NULL);
	if (s->error) {
		report_begin(r, "error", NULL);
		report_cstr(r, "reason", NULL, s->error, NULL);
		report_u64(r, "line", NULL, s->error_line, NULL);
		report_u64(r, "column", NULL, s->error_col, NULL);
		report_end(r);
	} else {
		report_str(r, "error", NULL, SLICE_NULL, NULL);
	}
	report_end(r);
}

int cli_diff_main(const char *pa, const char *pb, const struct cli_opts *opt, FILE *out, FILE *err)
{
	struct diff_side a, b;
	struct buf buf;
	struct report r;
	struct diff_run d = { &r, 0, 0 };
	int status = CLI_EXIT_INPUT;
	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	buf_init(&buf);
	int ra = side_load(&a, pa, opt, err);
	int rb = side_load(&b, pb, opt, err);
	bool loaded = ra >= 0 && rb >= 0;
	if (!loaded && !opt->json)
		goto out;
	report_init(&r, &buf, opt->json ? REPORT_JSON : REPORT_TEXT, opt->color);
	cli_report_document_begin(&r, "diff");
	if (r.format == REPORT_JSON) {
		side_report(&r, "a", &a);
		side_report(&r, "b", &b);
		report_list_begin(&r, "differences", NULL);
	} else {
		buf_printf(&buf, "%sA: %s: %.*s\nB: %s: %.*s%s\n", report_on(&r, STYLE_TITLE), a.in.name,
			   SLICE_ARG(a.m->msg.start_line), b.in.name, SLICE_ARG(b.m->msg.start_line), report_off(&r));
		/* as decode says it: the lines the comparison names are those of
		 * the text in UTF-8 */
		for (const struct diff_side *s = &a; s; s = s == &a ? &b : NULL)
			if (s->encoding)
				buf_printf(&buf, "%s: %s text, read as UTF-8 (lines and columns count in that text)\n",
					   s->in.name, s->encoding);
	}
	bool same_reg = false;
	if (loaded) {
		diff_call_id(&d, &a, &b, &same_reg);
		diff_cseq(&d, &a, &b, same_reg);
		diff_from_to(&d, &a, &b, same_reg);
		diff_via(&d, &a, &b);
		diff_contact(&d, &a, &b);
		diff_expires(&d, &a, &b);
		diff_auth(&d, &a, &b);
		diff_headers(&d, &a, &b);
		diff_fcaps(&d, &a, &b);
		status = d.problems ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
	}
	if (r.format == REPORT_JSON) {
		report_list_end(&r);
		report_begin(&r, "summary", NULL);
		if (loaded)
			report_bool(&r, "same_registration", NULL, same_reg, NULL);
		else
			report_str(&r, "same_registration", NULL, SLICE_NULL, NULL);
		report_u64(&r, "problems", NULL, d.problems, NULL);
		report_u64(&r, "notes", NULL, d.notes, NULL);
		report_end(&r);
		report_u64(&r, "exit_status", NULL, (uint64_t)status, NULL);
		report_end(&r);
	} else {
		buf_printf(&buf, "%s%s; %u problem(s), %u note(s)%s\n", report_on(&r, STYLE_TITLE),
			   same_reg ? "one registration (same Call-ID)" : "two registrations (Call-ID differs)",
			   d.problems, d.notes, report_off(&r));
	}
	if (buf.err) {
		fputs("imsreg decode --diff: out of memory\n", err);
		status = CLI_EXIT_INPUT;
	} else {
		report_write(&r, out, buf.ptr, buf.len);
		status = cli_output_flush(out, err, status);
	}
out:
	buf_fini(&buf);
	side_fini(&a);
	side_fini(&b);
	return status;
}
