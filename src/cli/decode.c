/* decode.c: `imsreg decode`: every message of every input explained header
 * by header, with its expiry, identities and the rule book's findings
 * (docs/cli.md; JSON schema in docs/json.md). */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <imsreg/alloc.h>
#include <imsreg/ims.h>
#include "cli/cli.h"
#include "cli/render.h"

#define RULE_WHERE 3 /* the places of a rule's first findings kept for the summary */
#define KINDS_KEPT 32 /* message kinds counted by name in the summary */
#define KIND_MAX 48   /* "599 " and a method of up to 43 bytes, NUL */

/* How often one rule fired over a run (the id is the book's own string). */
struct rule_count {
	const char *id;
	enum ims_severity severity;
	unsigned n;
	/* where it fired first: the input's name (argv, or "<stdin>") and
	 * the line (of a capture file: the frame), for the first RULE_WHERE
	 * findings */
	struct rule_where {
		const char *input;
		unsigned line;
		uint64_t frame;
	} where[RULE_WHERE];
	unsigned nwhere;
	bool more_where; /* it fired in more places than where holds */
};

struct rule_tally {
	struct rule_count *v;
	size_t n;
};

/* The messages carried in message/sip bodies (of one message, or of the
 * run) and their findings by severity; ignored: left out by --ignore and
 * --only. */
struct carried_tally {
	unsigned messages, errors, warnings, infos, ignored;
};

struct decode_run {
	struct cli_opts opt;
	/* --k, --opc/--op: the subscriber's keys, to open a capture's ESP
	 * (secret: wiped at the end of the run) */
	struct auth_keys keys;
	/* --xfrm FILE: SAs with their keys, from ip xfrm state (keys.xfrm) */
	struct trace_xfrm xfrm;
	bool has_xfrm;
	struct buf buf;
	struct report rep;
	FILE *out;
	FILE *err;
	int status;
	bool buf_lost;         /* a report buffer ran out of memory (said once) */
	struct ims_flow flow;  /* the earlier messages of the input being read */
	/* flow records dropped over the run, their later messages not compared:
	 * evicted beyond the flow's bounds, lost to a failed allocation */
	uint64_t flow_evicted, flow_nomem;
	size_t flow_max_calls;  /* IMSREG_FLOW_MAX_CALLS, or 0: the flow's default */
	unsigned messages, errors, warnings, infos, decode_errors, unparsed, ignored;
	/* --ignore: rule ids, or prefixes ending in '*', whose findings are
	 * left out of the report, the counts and the exit status */
	const char **ignore;
	size_t nignore;
	/* --only: patterns as --ignore's; when there are some, the findings of
	 * every other rule are left out, and so are the messages left with none */
	const char **only;
	size_t nonly;
	/* --severity: patterns as --ignore's and the severity their findings
	 * take instead of the rule book's, in order (the last match wins) */
	struct severity_override {
		const char *pat;
		enum ims_severity severity;
	} *sev;
	size_t nsev;
	/* how often each rule fired over the run in the messages read
	 * (by_rule), and in the messages they carry in message/sip bodies
	 * (carried_by_rule: counted apart, see report_carried_findings) */
	struct rule_tally by_rule, carried_by_rule;
	/* the carried messages over the run and their findings, by severity
	 * (not in errors, warnings, infos, ignored) */
	struct carried_tally carried;
	bool by_rule_oom;
	/* how many messages of each kind (a request's method; a response's
	 * status and CSeq method: "401 REGISTER"), in the order they first
	 * came; kinds past KINDS_KEPT count in kinds_other */
	struct kind_count {
		char kind[KIND_MAX];
		unsigned n;
	} kinds[KINDS_KEPT];
	size_t nkinds;
	unsigned kinds_other;
};

static void run_status(struct decode_run *run, int status);

/* Counts msg by its kind: the method of a request; the status and the
 * CSeq method of a response (a longer method is cut). */
static void count_kind(struct decode_run *run, const struct sip_msg *msg)
{
	char kind[KIND_MAX];
	if (sip_msg_is_fields(msg)) {
		snprintf(kind, sizeof kind, "header fields");
	} else if (msg->is_request) {
		snprintf(kind, sizeof kind, "%.*s", (int)(msg->method.len < KIND_MAX - 1 ? msg->method.len
										: KIND_MAX - 1),
			 msg->method.ptr);
	} else {
		const struct sip_hdr *h = sip_hdr_first(msg, SIP_HDR_CSEQ);
		struct sip_cseq cs;
		struct sip_parse_error perr;
		if (h && sip_cseq_decode(&cs, h->value, &perr) == 0)
			snprintf(kind, sizeof kind, "%u %.*s", msg->status,
				 (int)(cs.method.len < KIND_MAX - 5 ? cs.method.len : KIND_MAX - 5), cs.method.ptr);
		else
			snprintf(kind, sizeof kind, "%u", msg->status);
	}
	for (size_t i = 0; i < run->nkinds; i++)
		if (strcmp(run->kinds[i].kind, kind) == 0) {
			run->kinds[i].n++;
			return;
		}
	if (run->nkinds == KINDS_KEPT) {
		run->kinds_other++;
		return;
	}
	memcpy(run->kinds[run->nkinds].kind, kind, sizeof kind);
	run->kinds[run->nkinds++].n = 1;
}

/* Counts f, found on line of input (a capture's: in frame), against its
 * rule in t (run->by_rule or run->carried_by_rule). */
static void count_rule(struct decode_run *run, struct rule_tally *t, const struct ims_finding *f,
		       const char *input, unsigned line, uint64_t frame)
{
	struct rule_count *rc = NULL;
	for (size_t i = 0; i < t->n && !rc; i++)
		if (strcmp(t->v[i].id, f->id) == 0)
			rc = &t->v[i];
	if (!rc) {
		struct rule_count *v = imsreg_realloc(t->v, (t->n + 1) * sizeof *v);
		if (!v) {
			/* the summary would be short: the run says so and ends with 2 */
			run->by_rule_oom = true;
			run_status(run, CLI_EXIT_INPUT);
			return;
		}
		t->v = v;
		rc = &v[t->n++];
		*rc = (struct rule_count){ .id = f->id, .severity = f->severity };
	}
	rc->n++;
	/* a place once: several findings on one line, or in one frame of a
	 * capture (whose lines count from each message's start line) */
	const struct rule_where *last = rc->nwhere ? &rc->where[rc->nwhere - 1] : NULL;
	if (last && last->input == input && last->frame == frame && (frame || last->line == line))
		return;
	if (rc->nwhere < RULE_WHERE)
		rc->where[rc->nwhere++] = (struct rule_where){ input, line, frame };
	else
		rc->more_where = true;
}

/* Most often first; ties by severity (errors first), then id. */
static int rule_count_cmp(const void *pa, const void *pb)
{
	const struct rule_count *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	if (a->severity != b->severity)
		return (int)b->severity - (int)a->severity;
	return strcmp(a->id, b->id);
}

/* The findings of one message, collected before they are written. */
struct finding_list {
	struct ims_finding *v;
	size_t n, cap;
	bool oom;
	const struct decode_run *run; /* its --ignore patterns */
	unsigned ignored;             /* findings they left out */
};

/* Whether rule id matches an --ignore pattern: the id itself, or a
 * prefix of it ending in '*' ("ir92.*", "ts24229.register.*", "*"). */
static bool ignore_match(const char *pat, const char *id)
{
	size_t k = strlen(pat);
	if (k && pat[k - 1] == '*')
		return strncmp(pat, id, k - 1) == 0;
	return strcmp(pat, id) == 0;
}

static bool rule_ignored(const struct decode_run *run, const char *id)
{
	for (size_t i = 0; i < run->nignore; i++)
		if (ignore_match(run->ignore[i], id))
			return true;
	for (size_t i = 0; i < run->nonly; i++)
		if (ignore_match(run->only[i], id))
			return false;
	return run->nonly > 0;
}

/* The severity a finding of rule id takes: the last --severity pattern
 * that matches it, else *s as the rule book gave it. */
static void rule_severity(const struct decode_run *run, const char *id, enum ims_severity *s)
{
	for (size_t i = run->nsev; i > 0; i--)
		if (ignore_match(run->sev[i - 1].pat, id)) {
			*s = run->sev[i - 1].severity;
			return;
		}
}

/* The rule book's own severity of rule id (the finding's when unknown). */
static enum ims_severity book_severity(const char *id, enum ims_severity s)
{
	size_t n = 0;
	const struct ims_rule_info *rules = ims_rules_list(&n);
	for (size_t i = 0; id && i < n; i++)
		if (strcmp(rules[i].id, id) == 0)
			return rules[i].severity;
	return s;
}

static void run_status(struct decode_run *run, int status)
{
	if (status > run->status)
		run->status = status;
}

/* Writes what the buffer holds and empties it. A buffer that ran out of
 * memory is not written (it would be a truncated report, or invalid JSON)
 * and the run ends with status 2: buf_reset clears the sticky error, so
 * it is taken here, before the reset. JSON after such a loss is not
 * written either: a document with a hole is no document. */
static void run_flush(struct decode_run *run)
{
	if (run->buf.err) {
		if (!run->buf_lost)
			fprintf(run->err, "imsreg decode: out of memory\n");
		run->buf_lost = true;
		run_status(run, CLI_EXIT_INPUT);
	} else if (run->buf.len && !(run->buf_lost && run->rep.format == REPORT_JSON)) {
		report_write(&run->rep, run->out, run->buf.ptr, run->buf.len);
	}
	buf_reset(&run->buf);
}

/* --json is written as it grows past this, between messages, so that a log
 * of many thousand messages does not hold its whole document in memory. */
#define JSON_FLUSH_BYTES (1u << 20)

static void finding_cb(const struct ims_finding *f, void *arg)
{
	struct finding_list *l = arg;
	if (l->run && rule_ignored(l->run, f->id)) {
		l->ignored++;
		return;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct ims_finding *v = imsreg_realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->oom = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n] = *f;
	if (l->run)
		rule_severity(l->run, f->id, &l->v[l->n].severity);
	l->n++;
}

/* Adds the findings of l to *nerr, *nwarn and *ninfo by severity. */
static void count_severities(const struct finding_list *l, unsigned *nerr, unsigned *nwarn, unsigned *ninfo)
{
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].severity == IMS_SEV_ERROR)
			++*nerr;
		else if (l->v[i].severity == IMS_SEV_WARNING)
			++*nwarn;
		else
			++*ninfo;
	}
}

static enum report_style severity_style(enum ims_severity s)
{
	return s == IMS_SEV_ERROR ? STYLE_ERROR : s == IMS_SEV_WARNING ? STYLE_WARNING : STYLE_INFO;
}

/* The run's counts by rule, most often first: JSON "by_rule", text
 * "TITLE:" and a line a rule with where it fired first. */
static void report_by_rule(struct report *r, struct rule_tally *t, const char *title)
{
	if (t->n)
		qsort(t->v, t->n, sizeof *t->v, rule_count_cmp);
	if (r->format == REPORT_JSON) {
		report_list_begin(r, "by_rule", NULL);
		for (size_t i = 0; i < t->n; i++) {
			const struct rule_count *rc = &t->v[i];
			report_begin(r, NULL, NULL);
			report_cstr(r, "id", NULL, rc->id, NULL);
			report_cstr(r, "severity", NULL, ims_severity_name(rc->severity), NULL);
			report_u64(r, "count", NULL, rc->n, NULL);
			report_list_begin(r, "first", NULL);
			for (unsigned k = 0; k < rc->nwhere; k++) {
				report_begin(r, NULL, NULL);
				report_cstr(r, "input", NULL, rc->where[k].input, NULL);
				report_u64(r, "line", NULL, rc->where[k].line, NULL);
				if (rc->where[k].frame)
					report_u64(r, "frame", NULL, rc->where[k].frame, NULL);
				else
					report_str(r, "frame", NULL, SLICE_NULL, NULL);
				report_end(r);
			}
			report_list_end(r);
			report_end(r);
		}
		report_list_end(r);
		return;
	}
	if (t->n)
		buf_printf(r->b, "%s:\n", title);
	for (size_t i = 0; i < t->n; i++) {
		const struct rule_count *rc = &t->v[i];
		buf_printf(r->b, "  %6u  %s%-7s%s %s  %sfirst at", rc->n, report_on(r, severity_style(rc->severity)),
			   ims_severity_name(rc->severity), report_off(r), rc->id, report_on(r, STYLE_DIM));
		for (unsigned k = 0; k < rc->nwhere; k++) {
			const struct rule_where *w = &rc->where[k];
			if (w->frame)
				buf_printf(r->b, "%s %s, frame %llu", k ? "," : "", w->input,
					   (unsigned long long)w->frame);
			else
				buf_printf(r->b, "%s %s:%u", k ? "," : "", w->input, w->line);
		}
		buf_printf(r->b, "%s%s\n", rc->more_where ? ", ..." : "", report_off(r));
	}
}

/* ---- start line ------------------------------------------------------ */

static void report_start_line(struct report *r, const struct cli_msg *m)
{
	const struct sip_msg *msg = &m->msg;
	const bool fields = sip_msg_is_fields(msg);
	if (r->format == REPORT_JSON) {
		report_cstr(r, "kind", NULL, fields ? "fields" : msg->is_request ? "request" : "response", NULL);
		report_str(r, "start_line", NULL, msg->start_line, NULL);
		report_str(r, "version", NULL, msg->version, NULL);
	}
	if (fields) {
		if (r->format == REPORT_JSON) {
			report_str(r, "method", NULL, SLICE_NULL, NULL);
			report_str(r, "request_uri", NULL, SLICE_NULL, NULL);
			report_str(r, "status", NULL, SLICE_NULL, NULL);
			report_str(r, "reason", NULL, SLICE_NULL, NULL);
		} else {
			report_line(r, STYLE_NONE, "header fields without a start line: each is explained as "
				    "in a message; only the rules that judge fields on their own apply "
				    "('imsreg decode --rules' marks them), none of a field's absence");
		}
	} else if (msg->is_request) {
		report_str(r, "method", "method", msg->method,
			   msg->method_id == SIP_METHOD_REGISTER ? "binds the Contact addresses to the AOR in To (RFC 3261 §10)" : NULL);
		struct sip_uri uri;
		struct sip_parse_error perr = { 0 };
		int rc = sip_uri_decode(&uri, msg->ruri, &perr);
		if (rc < 0) {
			report_begin(r, "request_uri", "Request-URI");
			report_str(r, "text", "text", msg->ruri, NULL);
			cli_report_error(r, m, rc, &perr, msg->ruri.ptr);
			report_end(r);
		} else {
			cli_report_uri(r, "request_uri", "Request-URI", msg->ruri, &uri);
		}
		if (r->format == REPORT_TEXT)
			report_explain(r, msg->method_id == SIP_METHOD_REGISTER
				  ? "the registrar's domain: for IMS the home network domain, without user part"
				  : NULL,
			       msg->method_id == SIP_METHOD_REGISTER ? "RFC 3261 §10.2, TS 24.229 §5.1.1.2" : NULL);
		if (r->format == REPORT_JSON) {
			report_str(r, "status", NULL, SLICE_NULL, NULL);
			report_str(r, "reason", NULL, SLICE_NULL, NULL);
		}
	} else {
		if (r->format == REPORT_JSON) {
			report_str(r, "method", NULL, SLICE_NULL, NULL);
			report_str(r, "request_uri", NULL, SLICE_NULL, NULL);
		}
		const char *note = NULL;
		switch (msg->status) {
		case 200: note = "the registrar accepted; Contact lists the bindings and their granted expiry"; break;
		case 401: note = "challenge: answer WWW-Authenticate with credentials (RFC 3261 §22, TS 24.229 §5.1.1.5)"; break;
		case 403: note = "forbidden: the HSS refused (unknown IMPI/IMPU, roaming barred, wrong credentials)"; break;
		case 423: note = "interval too brief: raise Expires to Min-Expires (RFC 3261 §10.3)"; break;
		case 494: note = "security agreement required (RFC 3329)"; break;
		case 100: note = "trying: a hop took the REGISTER and works on it; stops retransmissions (RFC 3261 §21.1.1)"; break;
		case 305: note = "use proxy: retry through the proxy in Contact (RFC 3261 §21.3.4)"; break;
		case 400: note = "bad request: the registrar could not understand the REGISTER (RFC 3261 §21.4.1)"; break;
		case 404: note = "not found: the registrar does not know the AOR in To (RFC 3261 §10.3 step 3)"; break;
		case 407: note = "proxy challenge: answer Proxy-Authenticate with Proxy-Authorization (RFC 3261 §22.3)"; break;
		case 408: note = "request timeout: no answer in time from the next hop (RFC 3261 §21.4.9)"; break;
		case 420: note = "bad extension: an option tag of Require/Proxy-Require is not supported; "
				 "Unsupported lists it (RFC 3261 §8.2.2.3, §21.4.15)"; break;
		case 421: note = "extension required: the server needs an extension named in its Require (RFC 3261 §21.4.16)"; break;
		case 480: note = "temporarily unavailable, e.g. the S-CSCF cannot be reached (RFC 3261 §21.4.18)"; break;
		case 500: note = "server internal error; Retry-After may say when to retry (RFC 3261 §21.5.1)"; break;
		case 503: note = "service unavailable: retry after Retry-After or at another P-CSCF (RFC 3261 §21.5.4, TS 24.229 §5.1.1.2.1)"; break;
		case 504: note = "server timeout, e.g. the HSS did not answer the S-CSCF (RFC 3261 §21.5.5)"; break;
		default:
			/* every other code by its class (RFC 3261 §21) */
			note = msg->status < 200   ? "provisional: the REGISTER is being handled (RFC 3261 §21.1)"
			       : msg->status < 300 ? "success: the registration was accepted (RFC 3261 §21.2)"
			       : msg->status < 400 ? "redirection: retry the REGISTER elsewhere (RFC 3261 §21.3)"
			       : msg->status < 500 ? "client error: the REGISTER was refused as sent (RFC 3261 §21.4)"
			       : msg->status < 600 ? "server error: the server failed; another may succeed (RFC 3261 §21.5)"
						   : "global failure: no server will accept it (RFC 3261 §21.6)";
			break;
		}
		report_u64(r, "status", "status", msg->status, note);
		report_str(r, "reason", "reason", msg->reason, NULL);
	}
}

/* ---- expiry ------------------------------------------------------------ */

static void report_expiry(struct report *r, const struct cli_msg *m)
{
	const struct sip_msg *msg = &m->msg;
	const struct sip_hdr *eh = sip_hdr_first(msg, SIP_HDR_EXPIRES);
	uint32_t hexp = 0;
	struct sip_parse_error perr = { 0 };
	bool has_hexp = eh && sip_u32_decode(&hexp, eh->value, &perr) == 0;
	bool star = false;
	unsigned ncontacts = 0, nzero = 0;
	report_begin(r, "expiry", "expiry");
	if (has_hexp)
		report_u64(r, "header", "Expires header", hexp,
			   "applies to every contact without its own expires parameter (RFC 3261 §10.2.1.1)");
	else if (r->format == REPORT_JSON)
		report_str(r, "header", NULL, SLICE_NULL, NULL);
	else if (eh)
		/* there, but not 0 to 2^32-1: RFC 3261 §20.19 has such a value
		 * taken as 3600, and the contacts below get nothing from it */
		report_line(r, STYLE_NONE, "Expires header: %.*s is malformed (%s): ignored here; "
			    "RFC 3261 §20.19 has registrars take 3600", SLICE_ARG(eh->value),
			    perr.reason ? perr.reason : "not delta-seconds");
	else
		report_line(r, STYLE_NONE, "Expires header: none");
	report_list_begin(r, "contacts", NULL);
	struct cli_addr_it it;
	struct sip_addr a;
	for (cli_addr_it_init(&it, msg, SIP_HDR_CONTACT, SIP_ADDR_ALLOW_STAR); cli_addr_next(&it, &a);) {
		if (a.star) {
			star = true;
			continue;
		}
		ncontacts++;
		const char *source;
		uint32_t eff = 0;
		bool has_eff = true;
		if (a.has_expires) {
			eff = a.expires;
			source = "contact_param";
		} else if (has_hexp) {
			eff = hexp;
			source = "header";
		} else {
			has_eff = false;
			source = "registrar_default";
		}
		if (has_eff && eff == 0)
			nzero++;
		const bool emergency = ims_uri_is_emergency(&a.uri);
		if (r->format == REPORT_TEXT) {
			const char *what = !has_eff ? "the registrar's default (often 3600 s)"
					   : eff == 0 ? "0 s: remove this binding"
						      : NULL;
			const char *from = a.has_expires ? "its expires parameter" : has_hexp ? "the Expires header" : "nothing";
			const char *sos = emergency ? "; an emergency registration (sos): the network sets its time" : "";
			if (what)
				report_line(r, STYLE_NONE, "contact %.*s: %s (from %s)%s", SLICE_ARG(a.uri_text), what,
					    from, sos);
			else
				report_line(r, STYLE_NONE, "contact %.*s: %u s (from %s)%s%s", SLICE_ARG(a.uri_text),
					    eff, from, a.has_expires && has_hexp && a.expires != hexp
					    ? "; the parameter overrides the header" : "", sos);
			continue;
		}
		report_begin(r, NULL, NULL);
		report_str(r, "uri", NULL, a.uri_text, NULL);
		if (a.has_expires)
			report_u64(r, "param", NULL, a.expires, NULL);
		else
			report_str(r, "param", NULL, SLICE_NULL, NULL);
		if (has_eff)
			report_u64(r, "effective", NULL, eff, NULL);
		else
			report_str(r, "effective", NULL, SLICE_NULL, NULL);
		report_cstr(r, "source", NULL, source, NULL);
		report_bool(r, "emergency", NULL, emergency, NULL);
		report_end(r);
	}
	report_list_end(r);
	if (r->format == REPORT_JSON)
		report_bool(r, "star", NULL, star, NULL);
	else if (star)
		report_line(r, STYLE_NONE, "Contact: * (every binding of the AOR)");
	const char *kind, *words, *ref = "RFC 3261 §10.2";
	/* header fields pasted alone: read as a REGISTER's (a 200's
	 * contacts say the same), their absence as nothing */
	const bool fields = sip_msg_is_fields(msg);
	bool response = !msg->is_request && !fields;
	if (fields && !star && ncontacts == 0) {
		kind = "expires_only";
		words = "no contact read among the fields: in a REGISTER this Expires applies to each contact without "
			"its own expires parameter; a 200 grants each binding's time in its Contact's expires "
			"parameter";
		ref = "RFC 3261 §10.2.1.1, §10.3 step 8";
	} else if (response) {
		kind = "granted";
		words = ncontacts ? "the registrar lists every current binding with the expiry it granted"
				  : "no binding listed";
		ref = "RFC 3261 §10.3 step 8";
	} else if (star) {
		kind = "unregister_all";
		words = has_hexp && hexp == 0 ? "Contact: * with Expires: 0: remove every binding of the AOR"
					      : "Contact: * needs Expires: 0 (RFC 3261 §10.2.2); the registrar answers 400";
		ref = "RFC 3261 §10.2.2";
	} else if (ncontacts == 0) {
		kind = "query";
		words = "no Contact: a query; the 200 lists the current bindings and changes nothing";
		ref = "RFC 3261 §10.2.3";
	} else if (nzero == ncontacts) {
		kind = "unregistration";
		words = "every contact expires now: unregistration (TS 24.229 §5.1.1.6); the UE leaves IMS";
		ref = "RFC 3261 §10.2.2, TS 24.229 §5.1.1.6";
	} else if (nzero > 0) {
		kind = "partial_unregistration";
		words = "some contacts are removed, the others registered or refreshed";
	} else {
		kind = "registration";
		words = "a registration or a refresh of the bindings (the 200 says what was granted)";
		ref = "RFC 3261 §10.2.1, §10.2.4";
	}
	report_cstr(r, "kind", "meaning", kind, NULL);
	if (fields && (star || ncontacts) && r->format == REPORT_TEXT)
		report_line(r, STYLE_NONE, "read as a REGISTER's fields: in its 200 the contacts' times are "
			    "those the registrar granted");
	report_explain(r, words, ref);
	report_end(r);
}

/* ---- identities -------------------------------------------------------- */

static const char *identity_kind_name(enum ims_identity_kind k)
{
	switch (k) {
	case IMS_ID_SIP: return "sip";
	case IMS_ID_TEL: return "tel";
	case IMS_ID_NAI: return "nai";
	case IMS_ID_OTHER: break;
	}
	return "other";
}

static void report_identity(struct report *r, const char *role, const char *label, struct slice text,
			    const char *meaning, struct ims_identity *out)
{
	/* a Contact is an address: a node's name in the home domain is right there */
	const bool address = strcmp(role, "contact") == 0;
	struct ims_identity id;
	memset(&id, 0, sizeof id);
	ims_identity_decode(&id, text);
	if (out)
		*out = id;
	if (r->format == REPORT_TEXT) {
		struct buf d;
		buf_init(&d);
		buf_printf(&d, "%s", identity_kind_name(id.kind));
		if (id.user.ptr)
			buf_printf(&d, ", user %.*s", SLICE_ARG(id.user));
		if (id.user_is_imsi)
			buf_puts(&d, " (an IMSI)");
		if (id.user_is_e164)
			buf_puts(&d, " (E.164 number)");
		if (id.domain.ptr)
			buf_printf(&d, ", domain %.*s", SLICE_ARG(id.domain));
		if (id.domain_is_3gpp)
			buf_printf(&d, " (3GPP home domain of MCC %s MNC %s)", id.domain_mcc, id.domain_mnc);
		if (id.user_is_imsi && id.derived_domain2[0])
			buf_printf(&d, "; domain derived from the IMSI (TS 23.003 §13.2): %s (2-digit MNC) or %s (3-digit MNC)",
				   id.derived_domain2, id.derived_domain3);
		if (id.domain_problem && !(address && id.domain_is_3gpp_host))
			buf_printf(&d, "; %s", id.domain_problem);
		else if (address && id.domain_is_3gpp_host)
			buf_printf(&d, " (a host of the 3GPP home domain of MCC %s MNC %s)", id.domain_mcc,
				   id.domain_mnc);
		report_str(r, NULL, label, text, d.ptr);
		report_keep_error(r, &d);
		buf_fini(&d);
		if (meaning) {
			r->indent++;
			report_explain(r, meaning, NULL);
			r->indent--;
		}
		return;
	}
	report_begin(r, NULL, NULL);
	report_cstr(r, "role", NULL, role, NULL);
	report_str(r, "text", NULL, text, NULL);
	report_cstr(r, "kind", NULL, identity_kind_name(id.kind), NULL);
	report_str(r, "user", NULL, id.user, NULL);
	report_str(r, "domain", NULL, id.domain, NULL);
	report_bool(r, "imsi", NULL, id.user_is_imsi, NULL);
	report_bool(r, "e164", NULL, id.user_is_e164, NULL);
	report_bool(r, "domain_3gpp", NULL, id.domain_is_3gpp, NULL);
	report_cstr(r, "domain_mcc", NULL, id.domain_is_3gpp ? id.domain_mcc : NULL, NULL);
	report_cstr(r, "domain_mnc", NULL, id.domain_is_3gpp ? id.domain_mnc : NULL, NULL);
	report_cstr(r, "derived_domain_mnc2", NULL, id.user_is_imsi && id.derived_domain2[0] ? id.derived_domain2 : NULL, NULL);
	report_cstr(r, "derived_domain_mnc3", NULL, id.user_is_imsi && id.derived_domain3[0] ? id.derived_domain3 : NULL, NULL);
	report_bool(r, "domain_matches_imsi", NULL, id.domain_matches_imsi, NULL);
	report_cstr(r, "domain_problem", NULL,
		    address && id.domain_is_3gpp_host ? NULL : id.domain_problem, NULL);
	report_bool(r, "user_phone", NULL, id.user_phone, NULL);
	report_cstr(r, "meaning", NULL, meaning, NULL);
	report_end(r);
}

static void report_check(struct report *r, const char *id, bool ok, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void report_check(struct report *r, const char *id, bool ok, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (r->format == REPORT_TEXT) {
		report_line(r, ok ? STYLE_GOOD : STYLE_WARNING, "%s %s", ok ? "ok  " : "note", msg);
		return;
	}
	report_begin(r, NULL, NULL);
	report_cstr(r, "check", NULL, id, NULL);
	report_bool(r, "ok", NULL, ok, NULL);
	report_cstr(r, "message", NULL, msg, NULL);
	report_end(r);
}

static bool addr_of(const struct sip_msg *msg, enum sip_hdr_id id, struct sip_addr *a)
{
	const struct sip_hdr *h = sip_hdr_first(msg, id);
	struct sip_parse_error perr;
	return h && sip_addr_decode(a, h->value, 0, &perr) == 0;
}

/* What the identities of a message stand for: a REGISTER's, those of a
 * response to one, or another request's or response's (a reg-event
 * NOTIFY, a SUBSCRIBE: the registration words do not apply). */
enum id_role { ID_REGISTER, ID_REG_RESPONSE, ID_OTHER, ID_FIELDS };

static enum id_role id_role_of(const struct sip_msg *msg)
{
	if (sip_msg_is_fields(msg)) /* no message around them: said both ways */
		return ID_FIELDS;
	if (!cli_msg_is_registration(msg))
		return ID_OTHER;
	return msg->is_request ? ID_REGISTER : ID_REG_RESPONSE;
}

static void report_identities(struct report *r, const struct cli_msg *m)
{
	const struct sip_msg *msg = &m->msg;
	struct sip_addr from, to;
	struct sip_parse_error perr = { 0 };
	struct ims_identity ruri_id = { 0 }, to_id = { 0 }, impi_id = { 0 };
	bool has_ruri = false, has_to = false, has_impi = false, has_from = false;
	const enum id_role role = id_role_of(msg);
	const bool reg = role == ID_REGISTER || role == ID_REG_RESPONSE;
	report_list_begin(r, "identities", "identities");
	if (msg->is_request) {
		report_identity(r, "request_uri", "Request-URI", msg->ruri,
				reg ? "the home network domain the UE registers with"
				    : "the target of the request: towards the UE (a NOTIFY, an INVITE) the "
				      "contact it registered, from the UE the identity or service it asks for",
				&ruri_id);
		has_ruri = true;
	}
	if ((has_from = addr_of(msg, SIP_HDR_FROM, &from)))
		report_identity(r, "from", "From", from.uri_text,
				reg ? "who asks: the IMPU itself, or a third party registering it"
				: role == ID_FIELDS ? "the identity of the request's sender (in a REGISTER: who "
						      "asks, the IMPU itself or a third party registering it)"
				: msg->is_request ? "the identity of the request's sender"
						  : "the identity of the sender of the request this answers",
				NULL);
	if ((has_to = addr_of(msg, SIP_HDR_TO, &to)))
		report_identity(r, "to", "To", to.uri_text,
				reg ? "the public identity (IMPU) being registered: the AOR"
				: role == ID_FIELDS ? "the identity the request is addressed to (in a REGISTER "
						      "and its answers: the IMPU being registered, the AOR)"
				    : "the identity the request is addressed to", &to_id);
	const struct sip_hdr *ah = sip_hdr_first(msg, SIP_HDR_AUTHORIZATION);
	struct sip_auth auth;
	struct slice rest;
	if (ah && sip_auth_decode(&auth, ah->value, &rest, &perr) == 0 && auth.field[SIP_AUTH_USERNAME].ptr) {
		report_identity(r, "impi", "Authorization username", auth.field[SIP_AUTH_USERNAME],
				"the private identity (IMPI) the HSS authenticates, NAI form user@realm (TS 23.003 §13.3)",
				&impi_id);
		has_impi = true;
	}
	struct cli_addr_it it;
	struct sip_addr a;
	for (cli_addr_it_init(&it, msg, SIP_HDR_CONTACT, SIP_ADDR_ALLOW_STAR); cli_addr_next(&it, &a);)
		if (!a.star)
			report_identity(r, "contact", "Contact", a.uri_text,
					role == ID_REGISTER ? "where the UE is reached: its IP address, not an identity"
					: role == ID_REG_RESPONSE ? "a binding the registrar holds for this AOR "
								    "(RFC 3261 §10.3): an address, not an identity"
					: role == ID_FIELDS ? "an address where the UE is reached (in a REGISTER or "
							      "its 200: a binding), not an identity"
					: "where the sender takes the later requests of this dialog "
					  "(RFC 3261 §8.1.1.8): an address, not an identity", NULL);
	for (cli_addr_it_init(&it, msg, SIP_HDR_P_ASSOCIATED_URI, 0); cli_addr_next(&it, &a);)
		report_identity(r, "associated", "P-Associated-URI", a.uri_text,
				"an IMPU of the implicit registration set (RFC 7315 §4.1)", NULL);
	report_list_end(r);

	/* another method's identities have no registration checks: no title
	 * over an empty list (the IMPI's realm is checked wherever it is) */
	bool impi_check = has_impi && impi_id.user_is_imsi && impi_id.domain.ptr && impi_id.derived_domain2[0];
	report_list_begin(r, "identity_checks", reg || impi_check ? "consistency" : NULL);
	/* the registration's checks: not for other requests (a NOTIFY from
	 * the S-CSCF has the UE's contact as Request-URI) */
	if (has_from && has_to && role == ID_REGISTER) {
		/* the same IMPU by RFC 3261 §19.1.4, not only the same text */
		bool same = sip_uri_equal(&from.uri, &to.uri);
		report_check(r, "from_equals_to", same,
			     !same ? "From differs from To: a third-party registration (RFC 3261 §10.2), unusual for a UE"
			     : slice_eq(from.uri_text, to.uri_text)
			     ? "From and To carry the same IMPU: the UE registers itself"
			     : "From and To carry the same IMPU, written differently (equal as URIs, RFC 3261 §19.1.4): the UE registers itself");
	}
	if (role == ID_REGISTER && has_ruri && has_to && ruri_id.domain.ptr && to_id.domain.ptr &&
	    to_id.kind == IMS_ID_SIP)
		report_check(r, "impu_domain_matches_ruri", slice_caseeq(ruri_id.domain, to_id.domain),
			     slice_caseeq(ruri_id.domain, to_id.domain)
			     ? "the IMPU's domain is the Request-URI's home domain"
			     : "the IMPU's domain %.*s differs from the Request-URI domain %.*s; check which home network provisioned the ISIM",
			     SLICE_ARG(to_id.domain), SLICE_ARG(ruri_id.domain));
	if (role == ID_REGISTER && has_impi && has_ruri && impi_id.domain.ptr && ruri_id.domain.ptr)
		report_check(r, "impi_realm_matches_ruri", slice_caseeq(impi_id.domain, ruri_id.domain),
			     slice_caseeq(impi_id.domain, ruri_id.domain)
			     ? "the IMPI realm is the Request-URI's home domain"
			     : "the IMPI realm %.*s differs from the Request-URI domain %.*s (TS 24.229 §5.1.1.2.1 uses the home domain for both)",
			     SLICE_ARG(impi_id.domain), SLICE_ARG(ruri_id.domain));
	if (impi_check) {
		bool ok = impi_id.domain_matches_imsi;
		report_check(r, "impi_realm_from_imsi", ok,
			     ok ? "the IMPI realm is the domain derived from its IMSI (TS 23.003 §13.3: USIM without ISIM)"
				: "the IMPI user is an IMSI but the realm %.*s is not the derived %s or %s: fine with an ISIM, "
				  "wrong for a USIM-only UE (TS 23.003 §13.3)",
			     SLICE_ARG(impi_id.domain), impi_id.derived_domain2, impi_id.derived_domain3);
	}
	if (reg && has_to && to_id.user_is_imsi)
		report_check(r, "impu_is_imsi", false,
			     "the IMPU user part is an IMSI: a temporary IMPU (TS 23.003 §13.4B) that must be barred "
			     "for anything but registration");
	report_list_end(r);
}

/* ---- reg-event state (RFC 3680) ------------------------------------------ */

/* The input line of line n (1-based; 0: the first) of m's body, mapped
 * as any other offset of the message (through a log's prefixes). */
static unsigned body_line(const struct cli_msg *m, unsigned n)
{
	unsigned line, col;
	cli_msg_position_at(m, ims_body_line(&m->msg, n), &line, &col);
	return line;
}

static void report_u32_or_null(struct report *r, const char *key, const char *label, bool has,
			       uint32_t v, const char *note)
{
	if (has)
		report_u64(r, key, label, v, note);
	else if (r->format == REPORT_JSON)
		report_str(r, key, NULL, SLICE_NULL, NULL);
}

/* A string field of the document: JSON null when empty, the text leaves
 * it out. */
static void report_field(struct report *r, const char *key, const char *label, const char *v,
			 const char *note)
{
	report_cstr(r, key, label, v && v[0] ? v : NULL, note);
}

static void report_reginfo_contact(struct report *r, const struct cli_msg *m,
				   const struct ims_reginfo_contact *c)
{
	const char *meaning = ims_reginfo_event_meaning(c->event);
	if (r->format == REPORT_TEXT) {
		report_line(r, STYLE_NONE, "contact %s: %s, event %s%s%s%s  [line %u]", c->id[0] ? c->id : "-",
			    c->state, c->event, meaning ? " (" : "", meaning ? meaning : "", meaning ? ")" : "",
			    body_line(m, c->line));
		r->indent++;
	} else {
		report_begin(r, NULL, NULL);
		report_u64(r, "line", NULL, body_line(m, c->line), NULL);
		report_field(r, "id", NULL, c->id, NULL);
		report_field(r, "state", NULL, c->state, NULL);
		report_field(r, "event", NULL, c->event, NULL);
		report_cstr(r, "event_meaning", NULL, meaning, NULL);
	}
	report_field(r, "uri", "uri", c->uri, NULL);
	report_u32_or_null(r, "expires", "expires", c->has_expires, c->expires, "seconds left");
	report_u32_or_null(r, "retry_after", "retry-after", c->has_retry_after, c->retry_after,
			   "seconds before the UE may register again");
	report_u32_or_null(r, "duration_registered", "duration-registered", c->has_duration, c->duration,
			   "seconds since it was registered");
	report_field(r, "q", "q", c->q, NULL);
	report_field(r, "callid", "Call-ID", c->callid, "of the REGISTER that made it");
	report_field(r, "instance", "+sip.instance", c->instance, NULL);
	report_field(r, "pub_gruu", "pub-gruu", c->pub_gruu, "RFC 5628");
	report_field(r, "temp_gruu", "temp-gruu", c->temp_gruu, "RFC 5628");
	if (r->format == REPORT_JSON) {
		report_u64(r, "unknown_params", NULL, c->nparams, NULL);
		report_end(r);
	} else {
		r->indent--;
	}
}

/* The reginfo document of a body whose Content-Type is
 * application/reginfo+xml: JSON body.reginfo (null otherwise). */
static void report_reginfo(struct report *r, const struct cli_msg *m)
{
	const struct sip_msg *msg = &m->msg;
	if (!ims_reginfo_body(msg)) {
		if (r->format == REPORT_JSON)
			report_str(r, "reginfo", NULL, SLICE_NULL, NULL);
		return;
	}
	struct ims_reginfo *ri = imsreg_malloc(sizeof *ri);
	int rc = ri ? ims_reginfo_decode(ri, msg->body) : -ENOMEM;
	if (rc == -ENOMEM) {
		/* as any other part of the report lost to memory: status 2 */
		if (!r->b->err)
			r->b->err = -ENOMEM;
		if (r->format == REPORT_JSON)
			report_str(r, "reginfo", NULL, SLICE_NULL, NULL);
		imsreg_free(ri);
		return;
	}
	if (r->format == REPORT_TEXT) {
		r->indent++;
		if (rc < 0) {
			report_line(r, STYLE_WARNING, "reginfo (RFC 3680): cannot read it: %s  [line %u]",
				    ri->error, body_line(m, ri->error_line));
			r->indent--;
			imsreg_free(ri);
			return;
		}
		char ver[16] = "-";
		if (ri->has_version)
			snprintf(ver, sizeof ver, "%" PRIu32, ri->version);
		report_line(r, STYLE_NONE, "reginfo (RFC 3680): version %s, %s state: %s", ver,
			    ri->state[0] ? ri->state : "-",
			    strcmp(ri->state, "partial") == 0 ? "the changes since the previous version"
							       : "every registration of the subscribed AOR");
		r->indent++;
	} else {
		report_begin(r, "reginfo", NULL);
		report_cstr(r, "error", NULL, rc < 0 ? ri->error : NULL, NULL);
		report_u64(r, "error_line", NULL, rc < 0 ? body_line(m, ri->error_line) : 0, NULL);
		report_u32_or_null(r, "version", NULL, rc == 0 && ri->has_version, ri->version, NULL);
		report_field(r, "state", NULL, rc == 0 ? ri->state : NULL, NULL);
		report_list_begin(r, "registrations", NULL);
	}
	for (unsigned i = 0; rc == 0 && i < ri->nregs; i++) {
		const struct ims_reginfo_registration *g = &ri->regs[i];
		if (r->format == REPORT_TEXT) {
			report_line(r, STYLE_NONE, "registration %s%s%s%s: %s  [line %u]", g->aor,
				    g->id[0] ? " (id " : "", g->id, g->id[0] ? ")" : "", g->state,
				    body_line(m, g->line));
			r->indent++;
		} else {
			report_begin(r, NULL, NULL);
			report_u64(r, "line", NULL, body_line(m, g->line), NULL);
			report_field(r, "aor", NULL, g->aor, NULL);
			report_field(r, "id", NULL, g->id, NULL);
			report_field(r, "state", NULL, g->state, NULL);
			report_list_begin(r, "contacts", NULL);
		}
		for (unsigned k = 0; k < g->ncontacts; k++)
			report_reginfo_contact(r, m, &ri->contacts[g->first_contact + k]);
		if (r->format == REPORT_TEXT) {
			r->indent--;
		} else {
			report_list_end(r);
			report_end(r);
		}
	}
	if (r->format == REPORT_TEXT) {
		r->indent--;
		if (ri->dropped)
			report_line(r, STYLE_DIM, "%u registration(s) or contact(s) more, not shown", ri->dropped);
		if (ri->problem[0])
			report_line(r, STYLE_WARNING, "problem: %s  [line %u]", ri->problem,
				    body_line(m, ri->problem_line));
		r->indent--;
	} else {
		report_list_end(r);
		report_u64(r, "dropped", NULL, rc == 0 ? ri->dropped : 0, NULL);
		report_bool(r, "truncated", NULL, rc == 0 && ri->truncated, NULL);
		report_field(r, "problem", NULL, rc == 0 ? ri->problem : NULL, NULL);
		report_u64(r, "problem_line", NULL, rc == 0 && ri->problem[0] ? body_line(m, ri->problem_line) : 0,
			   NULL);
		report_end(r);
	}
	imsreg_free(ri);
}

/* ---- findings ---------------------------------------------------------- */

static void report_findings(struct report *r, const struct cli_msg *m, const struct finding_list *fl,
			    const char *title)
{
	/* m NULL: the end of a capture's, the input's end_findings */
	report_list_begin(r, m ? "findings" : "end_findings", fl->n ? title : NULL);
	for (size_t i = 0; i < fl->n; i++) {
		const struct ims_finding *f = &fl->v[i];
		unsigned line = 0, col = 0; /* no message (the end of a capture): 0 */
		if (m)
			cli_msg_position(m, f->offset, &line, &col);
		const char *hname = f->hdr_name.ptr ? NULL : sip_hdr_name(f->hdr);
		enum ims_severity book = fl->run && fl->run->nsev ? book_severity(f->id, f->severity)
								  : f->severity;
		if (r->format == REPORT_TEXT) {
			report_pad(r);
			buf_printf(r->b, "%s%-7s%s %s", report_on(r, severity_style(f->severity)),
				   ims_severity_name(f->severity), report_off(r), f->id ? f->id : "?");
			if (m)
				buf_printf(r->b, "  line %u", line);
			if (f->hdr_name.ptr)
				buf_printf(r->b, "  %.*s", SLICE_ARG(f->hdr_name));
			else if (hname)
				buf_printf(r->b, "  %s", hname);
			if (book != f->severity)
				buf_printf(r->b, "  %s(%s in the rule book)%s", report_on(r, STYLE_DIM),
					   ims_severity_name(book), report_off(r));
			buf_printf(r->b, "\n");
			r->indent += 4;
			report_pad(r);
			buf_printf(r->b, "%s  %s[%s]%s\n", f->message, report_on(r, STYLE_DIM), f->ref ? f->ref : "",
				   report_off(r));
			r->indent -= 4;
			continue;
		}
		report_begin(r, NULL, NULL);
		report_cstr(r, "id", NULL, f->id, NULL);
		report_cstr(r, "severity", NULL, ims_severity_name(f->severity), NULL);
		if (book != f->severity)
			report_cstr(r, "rule_severity", NULL, ims_severity_name(book), NULL);
		report_cstr(r, "ref", NULL, f->ref, NULL);
		if (f->hdr_name.ptr)
			report_str(r, "header", NULL, f->hdr_name, NULL);
		else
			report_cstr(r, "header", NULL, hname, NULL);
		report_u64(r, "line", NULL, line, NULL);
		report_u64(r, "column", NULL, col, NULL);
		report_cstr(r, "message", NULL, f->message, NULL);
		report_end(r);
	}
	report_list_end(r);
}

/* ---- one message ------------------------------------------------------- */

static void report_repairs(struct report *r, const struct cli_msg *m)
{
	static const struct {
		unsigned bit;
		const char *key, *what;
	} reps[] = {
		{ SIP_REPAIR_BARE_LF, "bare_lf", "lines ended with LF alone; read as CRLF" },
		{ SIP_REPAIR_NO_EMPTY_LINE, "no_empty_line", "no empty line after the headers; added" },
		{ SIP_REPAIR_SHORT_BODY, "short_body", "Content-Length larger than the body" },
		{ SIP_REPAIR_NO_CONTENT_LENGTH, "no_content_length", "no Content-Length" },
	};
	report_list_begin(r, "parse_repairs", NULL);
	for (size_t i = 0; i < sizeof reps / sizeof reps[0]; i++) {
		if (!(m->msg.repairs & reps[i].bit))
			continue;
		if (r->format == REPORT_JSON)
			report_cstr(r, NULL, NULL, reps[i].key, NULL);
		else
			report_line(r, STYLE_DIM, "repaired: %s", reps[i].what);
	}
	report_list_end(r);
}

/* What names msg in a title: its start line, or what stands there for
 * header fields pasted alone. */
static struct slice msg_title(const struct sip_msg *msg)
{
	return sip_msg_is_fields(msg) ? SLICE_LIT("header fields (no start line)") : msg->start_line;
}

static void brief_line(struct decode_run *run, const struct cli_msg *m, const struct finding_list *fl,
		       unsigned nerr, unsigned nwarn, unsigned ninfo, const struct carried_tally *carried)
{
	struct report *r = &run->rep;
	const struct sip_msg *msg = &m->msg;
	unsigned line, col;
	cli_msg_position(m, 0, &line, &col);
	if (m->frame) /* from a capture file: its packet */
		buf_printf(r->b, "%s%s, frame %llu: %.*s%s", report_on(r, STYLE_TITLE), m->src->in->name,
			   (unsigned long long)m->frame, SLICE_ARG(msg_title(msg)), report_off(r));
	else
		buf_printf(r->b, "%s%s:%u: %.*s%s", report_on(r, STYLE_TITLE), m->src->in->name, line,
			   SLICE_ARG(msg_title(msg)), report_off(r));
	const struct sip_hdr *h;
	if ((h = sip_hdr_first(msg, SIP_HDR_TO))) {
		struct sip_addr a;
		struct sip_parse_error perr;
		if (sip_addr_decode(&a, h->value, 0, &perr) == 0)
			buf_printf(r->b, " | To %.*s", SLICE_ARG(a.uri_text));
	}
	if ((h = sip_hdr_first(msg, SIP_HDR_CSEQ)))
		buf_printf(r->b, " | CSeq %.*s", SLICE_ARG(h->value));
	if ((h = sip_hdr_first(msg, SIP_HDR_EXPIRES)))
		buf_printf(r->b, " | Expires %.*s", SLICE_ARG(h->value));
	buf_printf(r->b, " | %u contact field(s)", sip_hdr_count(msg, SIP_HDR_CONTACT));
	buf_printf(r->b, " | %s%u error(s)%s, %u warning(s), %u info", nerr ? report_on(r, STYLE_ERROR) : "",
		   nerr, nerr ? report_off(r) : "", nwarn, ninfo);
	if (fl->ignored)
		buf_printf(r->b, " (%u ignored)", fl->ignored);
	if (carried->messages)
		buf_printf(r->b, " | carried: %u message(s), %u error(s), %u warning(s), %u info", carried->messages,
			   carried->errors, carried->warnings, carried->infos);
	buf_putc(r->b, '\n');
	/* read from a capture's text: when and between which endpoints */
	if (m->packet.len)
		buf_printf(r->b, "  %spacket: %.*s%s\n", report_on(r, STYLE_DIM), SLICE_ARG(m->packet), report_off(r));
	else if (m->logged.len)
		buf_printf(r->b, "  %slogged: %.*s%s\n", report_on(r, STYLE_DIM), SLICE_ARG(m->logged), report_off(r));
	r->indent++;
	report_findings(r, m, fl, NULL);
	r->indent--;
}

/* ---- bodies that hold SIP: message/sip and multipart (RFC 5621) ------- */

enum { BODY_DEPTH_MAX = 4, BODY_PARTS_MAX = 16, BODY_TEXT_LINES = 40 };

/* A type people read as text: its lines are shown (text/..., SDP, XML,
 * JSON). */
static bool media_type_is_text(struct slice t)
{
	if (!t.ptr)
		return true; /* no Content-Type in a part: text/plain */
	if (slice_startswith_case(t, "text/") || slice_caseeq_cstr(t, "application/sdp"))
		return true;
	return t.len > 4 && (strncasecmp(t.ptr + t.len - 4, "+xml", 4) == 0 ||
			     strncasecmp(t.ptr + t.len - 4, "/xml", 4) == 0 ||
			     strncasecmp(t.ptr + t.len - 5, "+json", 5) == 0);
}

/* {reason, line, column} under key for an error at at (JSON); a line in
 * text. */
static void report_body_error(struct report *r, const struct cli_msg *m, const char *key,
			      const char *what, const struct sip_parse_error *perr)
{
	unsigned line, col;
	cli_msg_position_at(m, perr->at, &line, &col);
	const char *reason = perr->reason ? perr->reason : "malformed";
	if (r->format == REPORT_TEXT) {
		report_line(r, STYLE_WARNING, "%s: %s  [line %u, column %u]", what, reason, line, col);
		return;
	}
	cli_report_error_record(r, key, reason, line, col);
}

/* Text only: the lines of a textual part, at most BODY_TEXT_LINES. */
static void report_text_lines(struct report *r, struct slice text)
{
	const char *p = text.ptr, *end = text.ptr + text.len;
	unsigned n = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		if (++n > BODY_TEXT_LINES) {
			unsigned more = 1;
			for (const char *q = e; q < end && (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
				more += q + 1 < end;
			report_line(r, STYLE_DIM, "... (%u more line(s))", more);
			return;
		}
		report_line(r, STYLE_NONE, "| %.*s", (int)(e > p && e[-1] == '\r' ? e - 1 - p : e - p), p);
		p = nl ? nl + 1 : end;
	}
}

static void report_body_content(struct report *r, const struct decode_run *run, const struct cli_msg *m,
				struct slice ct, struct slice body, unsigned depth);

/* A message's body: its size, a reginfo document, and the SIP it holds
 * (report_body_content, depth the carrying messages above it); JSON
 * "body". */
static void report_body(struct report *r, const struct decode_run *run, const struct cli_msg *m,
			unsigned depth)
{
	const struct sip_msg *msg = &m->msg;
	const struct sip_hdr *cth = sip_hdr_first(msg, SIP_HDR_CONTENT_TYPE);
	if (r->format == REPORT_JSON) {
		report_begin(r, "body", NULL);
		report_u64(r, "length", NULL, msg->body.len, NULL);
		if (msg->has_content_length)
			report_u64(r, "content_length", NULL, msg->content_length, NULL);
		else
			report_str(r, "content_length", NULL, SLICE_NULL, NULL);
		report_str(r, "text", NULL, msg->body.len ? msg->body : SLICE_NULL, NULL);
		report_reginfo(r, m);
		report_body_content(r, run, m, cth ? cth->value : SLICE_NULL, msg->body, depth);
		report_end(r);
	} else if (msg->body.len) {
		report_line(r, STYLE_NONE, "body: %zu bytes", msg->body.len);
		report_reginfo(r, m);
		r->indent++;
		report_body_content(r, run, m, cth ? cth->value : SLICE_NULL, msg->body, depth);
		r->indent--;
	}
}

/* A message to parse a carried message (a body of m, inside its buffer)
 * into: positions map through m; NULL when out of memory. */
static struct cli_msg *embedded_new(const struct cli_msg *m)
{
	struct cli_msg *sub = imsreg_malloc(sizeof *sub);
	if (!sub)
		return NULL;
	memset(&sub->msg, 0, sizeof sub->msg);
	memset(&sub->src, 0, sizeof *sub - offsetof(struct cli_msg, src));
	sub->src = m->src;
	sub->outer = m;
	sub->index = m->index;
	sub->packet = SLICE_NULL;
	sip_msg_init(&sub->msg, sub->hdrs, CLI_MAX_HDRS);
	return sub;
}

/* The rule book over a carried message (the UE's REGISTER or the 200 to
 * it in a third-party REGISTER), alone: no flow, no packet (it was not
 * sent here), its findings shown under it with the lines of the user's
 * file and left out of the summary of the message that carries it (they
 * are the carried message's, judged where it was received). JSON
 * "findings" of the carried "message". */
static void report_carried_findings(struct report *r, const struct decode_run *run, const struct cli_msg *sub)
{
	struct finding_list fl = { .run = run };
	ims_rules_check(&sub->msg, finding_cb, &fl);
	if (fl.oom && !r->b->err)
		r->b->err = -ENOMEM;
	report_findings(r, sub, &fl, "findings of the carried message (not counted in the summary)");
	imsreg_free(fl.v);
}

/* A SIP message carried as a body (message/sip, RFC 3261 §27.5): its start
 * line, each header explained as in a message, and its own body; JSON
 * "message" (and "message_error" when it does not parse). */
static void report_embedded(struct report *r, const struct decode_run *run, const struct cli_msg *m,
			    struct slice body, unsigned depth)
{
	struct cli_msg *sub = embedded_new(m);
	if (!sub) {
		if (!r->b->err)
			r->b->err = -ENOMEM;
		return;
	}
	struct sip_parse_error perr = { 0 };
	int rc = sip_msg_parse(&sub->msg, body.ptr, body.len, m->src->strict ? 0 : SIP_PARSE_LENIENT, &perr);
	if (rc < 0) {
		if (!perr.at)
			perr.at = body.ptr + body.len;
		if (!perr.reason)
			perr.reason = rc == -EAGAIN ? "the message ends before its empty line"
				    : rc == -EMSGSIZE ? "too many header fields" : "malformed";
		if (r->format == REPORT_JSON)
			report_str(r, "message", NULL, SLICE_NULL, NULL);
		report_body_error(r, m, "message_error", "the carried message does not parse", &perr);
		goto out;
	}
	unsigned line, col;
	cli_msg_position(sub, 0, &line, &col);
	if (r->format == REPORT_JSON) {
		report_begin(r, "message", NULL);
		report_u64(r, "line", NULL, line, NULL);
	} else {
		char title[160];
		snprintf(title, sizeof title, "carried message (line %u): %.*s", line,
			 (int)(sub->msg.start_line.len < 120 ? sub->msg.start_line.len : 120),
			 sub->msg.start_line.ptr);
		report_begin(r, NULL, title);
	}
	report_start_line(r, sub);
	report_list_begin(r, "headers", "headers");
	for (uint16_t i = 0; i < sub->msg.nhdrs; i++)
		cli_report_header(r, sub, &sub->msg.hdrs[i]);
	report_list_end(r);
	report_body(r, run, sub, depth + 1);
	report_carried_findings(r, run, sub);
	report_end(r);
	if (r->format == REPORT_JSON)
		report_str(r, "message_error", NULL, SLICE_NULL, NULL);
out:
	imsreg_free(sub);
}

/* What a message/sip body is in this message: in a REGISTER (a third-party
 * REGISTER from the S-CSCF to an application server) the UE's REGISTER or
 * the 200 OK to it, which the initial filter criteria asked for. */
static const char *embedded_meaning(const struct cli_msg *m)
{
	if (m->msg.is_request && m->msg.method_id == SIP_METHOD_REGISTER)
		return "a SIP message carried whole. In a third-party REGISTER from the S-CSCF to an "
		       "application server it is the UE's REGISTER or the S-CSCF's 200 OK to it, as the "
		       "initial filter criteria of the user's profile ask (IncludeRegisterRequest, "
		       "IncludeRegisterResponse): the AS reads the UE's Contact, feature tags and "
		       "P-Access-Network-Info there";
	return "a SIP message carried whole";
}

/* The SIP a body holds, by its Content-Type ct: a message/sip body's
 * message, a multipart body's parts (each with its type, head, text, and
 * what it holds in turn). JSON members message, message_error, parts,
 * parts_error (null when not so). */
/* An application/3gpp-ims+xml body or part (TS 24.229 §7.6), read: its
 * service information or alternative service with what it asks, each
 * with its line in the user's file; JSON "ims_3gpp". */
static void report_ims3gpp(struct report *r, const struct cli_msg *m, struct slice body)
{
	struct ims_3gpp_xml x;
	int rc = ims_3gpp_xml_decode(&x, body);
	if (rc == -ENOMEM) {
		if (!r->b->err)
			r->b->err = -ENOMEM;
		if (r->format == REPORT_JSON)
			report_str(r, "ims_3gpp", NULL, SLICE_NULL, NULL);
		return;
	}
	unsigned line, col;
	if (r->format == REPORT_JSON) {
		report_begin(r, "ims_3gpp", NULL);
		cli_msg_position_at(m, ims_text_line(body, x.error_line), &line, &col);
		report_field(r, "error", NULL, rc < 0 ? x.error : NULL, NULL);
		report_u64(r, "error_line", NULL, rc < 0 ? line : 0, NULL);
		report_field(r, "version", NULL, rc == 0 ? x.version : NULL, NULL);
		cli_msg_position_at(m, ims_text_line(body, x.problem_line), &line, &col);
		report_field(r, "problem", NULL, rc == 0 ? x.problem : NULL, NULL);
		report_u64(r, "problem_line", NULL, rc == 0 && x.problem[0] ? line : 0, NULL);
		report_bool(r, "truncated", NULL, x.truncated, NULL);
		if (rc == 0 && x.has_service_info) {
			cli_msg_position_at(m, ims_text_line(body, x.service_info_line), &line, &col);
			report_begin(r, "service_info", NULL);
			report_u64(r, "line", NULL, line, NULL);
			report_cstr(r, "text", NULL, x.service_info, NULL);
			report_end(r);
		} else {
			report_str(r, "service_info", NULL, SLICE_NULL, NULL);
		}
		if (rc == 0 && x.has_alt) {
			cli_msg_position_at(m, ims_text_line(body, x.alt_line), &line, &col);
			report_begin(r, "alternative_service", NULL);
			report_u64(r, "line", NULL, line, NULL);
			report_field(r, "type", NULL, x.alt_type, NULL);
			report_field(r, "reason", NULL, x.alt_reason, NULL);
			report_field(r, "action", NULL, x.alt_action, NULL);
			report_cstr(r, "meaning", NULL, ims_3gpp_xml_alt_meaning(&x), NULL);
			report_end(r);
		} else {
			report_str(r, "alternative_service", NULL, SLICE_NULL, NULL);
		}
		report_end(r);
		return;
	}
	if (rc < 0) {
		cli_msg_position_at(m, ims_text_line(body, x.error_line), &line, &col);
		report_line(r, STYLE_WARNING, "3GPP IM CN subsystem XML (TS 24.229 §7.6): cannot read it: %s  [line %u]",
			    x.error, line);
		return;
	}
	report_line(r, STYLE_NONE, "3GPP IM CN subsystem XML (TS 24.229 §7.6): version %s",
		    x.version[0] ? x.version : "-");
	r->indent++;
	if (x.has_alt) {
		cli_msg_position_at(m, ims_text_line(body, x.alt_line), &line, &col);
		report_line(r, STYLE_NONE, "alternative service: %s  [line %u]", x.alt_type[0] ? x.alt_type : "-",
			    line);
		r->indent++;
		report_field(r, NULL, "reason", x.alt_reason, NULL);
		report_field(r, NULL, "action", x.alt_action, NULL);
		const char *meaning = ims_3gpp_xml_alt_meaning(&x);
		report_explain(r, meaning ? meaning : "a type TS 24.229 does not define (emergency, restoration)",
			       "TS 24.229 §7.6.3");
		r->indent--;
	}
	if (x.has_service_info) {
		cli_msg_position_at(m, ims_text_line(body, x.service_info_line), &line, &col);
		report_line(r, STYLE_NONE, "service information: %s  [line %u]", x.service_info, line);
		r->indent++;
		report_explain(r, "the application server's own data, from the initial filter criteria the HSS "
				  "holds for it (ServiceInfo), given as it is: what the AS makes of it is its own",
			       "TS 24.229 §7.6.3, §5.4.1.7, TS 29.228");
		r->indent--;
	}
	if (x.problem[0]) {
		cli_msg_position_at(m, ims_text_line(body, x.problem_line), &line, &col);
		report_line(r, STYLE_WARNING, "%s  [line %u]", x.problem, line);
	}
	if (x.truncated)
		report_line(r, STYLE_DIM, "(a value longer than decode keeps was cut)");
	r->indent--;
}

static void report_body_content(struct report *r, const struct decode_run *run, const struct cli_msg *m,
				struct slice ct, struct slice body, unsigned depth)
{
	struct slice type = sip_media_type(ct);
	bool json = r->format == REPORT_JSON;
	if (body.len && slice_caseeq_cstr(type, "application/3gpp-ims+xml"))
		report_ims3gpp(r, m, body);
	else if (json)
		report_str(r, "ims_3gpp", NULL, SLICE_NULL, NULL);
	bool is_sip = body.len && slice_caseeq_cstr(type, "message/sip") && depth < BODY_DEPTH_MAX;
	if (is_sip) {
		if (!json)
			report_line(r, STYLE_DIM, "message/sip: %s [RFC 3261 §27.5, TS 24.229 §5.4.1.7]",
				    embedded_meaning(m));
		report_embedded(r, run, m, body, depth);
	} else if (json) {
		report_str(r, "message", NULL, SLICE_NULL, NULL);
		report_str(r, "message_error", NULL, SLICE_NULL, NULL);
	}
	struct slice boundary;
	struct sip_parse_error perr = { 0 };
	int brc = ct.ptr && body.len && depth < BODY_DEPTH_MAX ? sip_multipart_boundary(ct, &boundary, &perr) : 0;
	if (brc == 0) {
		if (json) {
			report_str(r, "parts", NULL, SLICE_NULL, NULL);
			report_str(r, "parts_error", NULL, SLICE_NULL, NULL);
		}
		return;
	}
	struct sip_body_part parts[BODY_PARTS_MAX];
	size_t n = 0;
	int rc = brc < 0 ? brc : sip_multipart_split(body, boundary, parts, BODY_PARTS_MAX, &n, &perr);
	if (!json)
		report_line(r, STYLE_DIM, "%.*s: %zu part(s)%s%.*s%s [RFC 2046 §5.1.1, RFC 5621]", SLICE_ARG(type), n,
			    brc > 0 ? ", boundary \"" : "", brc > 0 ? (int)boundary.len : 0,
			    brc > 0 ? boundary.ptr : "", brc > 0 ? "\"" : "");
	report_list_begin(r, "parts", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct sip_body_part *pt = &parts[i];
		struct slice ptype = sip_media_type(pt->content_type);
		unsigned line, col;
		cli_msg_position_at(m, pt->head.ptr, &line, &col);
		if (json) {
			report_begin(r, NULL, NULL);
			report_u64(r, "index", NULL, i + 1, NULL);
			report_u64(r, "line", NULL, line, NULL);
			report_str(r, "content_type", NULL, pt->content_type, NULL);
			report_str(r, "head", NULL, pt->head, NULL);
			report_u64(r, "length", NULL, pt->body.len, NULL);
			report_str(r, "text", NULL, pt->body, NULL);
		} else {
			char title[200];
			snprintf(title, sizeof title, "part %zu (line %u): %.*s, %zu bytes", i + 1, line,
				 ptype.ptr ? (int)(ptype.len < 100 ? ptype.len : 100) : 10,
				 ptype.ptr ? ptype.ptr : "text/plain", pt->body.len);
			report_begin(r, NULL, title);
			const struct ims_explain *ex =
				ptype.ptr ? ims_explain_header_value(SIP_HDR_CONTENT_TYPE, ptype) : NULL;
			if (ex && !slice_caseeq_cstr(ptype, "message/sip"))
				report_explain(r, ex->meaning, ex->ref);
			if (slice_caseeq_cstr(ptype, "application/3gpp-ims+xml") && m->msg.is_request &&
			    m->msg.method_id == SIP_METHOD_REGISTER)
				report_explain(r, "in a third-party REGISTER: the service information the "
						  "initial filter criteria hold for this application server",
					       "TS 24.229 §5.4.1.7, §7.6, TS 29.228");
			if (pt->body.len && media_type_is_text(ptype) && !slice_caseeq_cstr(ptype, "message/sip"))
				report_text_lines(r, pt->body);
		}
		report_body_content(r, run, m, pt->content_type, pt->body, depth + 1);
		report_end(r);
	}
	report_list_end(r);
	if (rc < 0)
		report_body_error(r, m, "parts_error", rc == -E2BIG ? "more parts than decode shows (16)"
								     : "the multipart body does not split",
				  &perr);
	else if (json)
		report_str(r, "parts_error", NULL, SLICE_NULL, NULL);
}

/* ---- carried messages, counted apart --------------------------------- */

/* Called by carried_walk for each carried message that parses, with the
 * rule book's findings on it alone (--ignore, --only, --severity applied). */
typedef void carried_fn(struct decode_run *run, const struct cli_msg *sub, const struct finding_list *fl,
			void *arg);

/* Each message carried in a body of m (content type ct), in the order
 * decode shows them: a message/sip body, then its own body; the parts of a
 * multipart body, each in turn, at most BODY_DEPTH_MAX deep and
 * BODY_PARTS_MAX parts, as report_body_content walks them. A carried
 * message that does not parse is the carrying message's finding
 * (rfc3261.body.message-sip), not a carried one. False when memory ran
 * out (what was walked before is counted). */
static bool carried_walk(struct decode_run *run, const struct cli_msg *m, struct slice ct, struct slice body,
			 unsigned depth, carried_fn *fn, void *arg)
{
	if (!body.len || !ct.ptr || depth >= BODY_DEPTH_MAX)
		return true;
	bool ok = true;
	if (slice_caseeq_cstr(sip_media_type(ct), "message/sip")) {
		struct cli_msg *sub = embedded_new(m);
		if (!sub)
			return false;
		struct sip_parse_error perr = { 0 };
		if (sip_msg_parse(&sub->msg, body.ptr, body.len, m->src->strict ? 0 : SIP_PARSE_LENIENT, &perr) >=
		    0) {
			struct finding_list fl = { .run = run };
			ims_rules_check(&sub->msg, finding_cb, &fl);
			fn(run, sub, &fl, arg);
			ok = !fl.oom;
			imsreg_free(fl.v);
			const struct sip_hdr *h = sip_hdr_first(&sub->msg, SIP_HDR_CONTENT_TYPE);
			ok &= carried_walk(run, sub, h ? h->value : SLICE_NULL, sub->msg.body, depth + 1, fn, arg);
		}
		imsreg_free(sub);
	}
	struct slice boundary;
	struct sip_parse_error perr = { 0 };
	if (sip_multipart_boundary(ct, &boundary, &perr) <= 0)
		return ok;
	struct sip_body_part parts[BODY_PARTS_MAX];
	size_t n = 0;
	(void)sip_multipart_split(body, boundary, parts, BODY_PARTS_MAX, &n, &perr);
	for (size_t i = 0; i < n; i++)
		ok &= carried_walk(run, m, parts[i].content_type, parts[i].body, depth + 1, fn, arg);
	return ok;
}

/* The top message a carried one is in (its input's message). */
static const struct cli_msg *carried_top(const struct cli_msg *sub)
{
	while (sub->outer)
		sub = sub->outer;
	return sub;
}

/* JSON: the members of a "carried" object (a message's, the run's). */
static void report_carried_counts(struct report *r, const struct carried_tally *t)
{
	report_u64(r, "messages", NULL, t->messages, NULL);
	report_u64(r, "errors", NULL, t->errors, NULL);
	report_u64(r, "warnings", NULL, t->warnings, NULL);
	report_u64(r, "infos", NULL, t->infos, NULL);
	report_u64(r, "ignored", NULL, t->ignored, NULL);
}

/* carried_fn: counts a carried message's findings in *arg (a struct
 * carried_tally, the carrying message's), in the run's carried totals and
 * in run->carried_by_rule, with the lines of the user's input. */
static void carried_count(struct decode_run *run, const struct cli_msg *sub, const struct finding_list *fl,
			  void *arg)
{
	struct carried_tally *t = arg;
	const struct cli_msg *top = carried_top(sub);
	t->messages++;
	t->ignored += fl->ignored;
	for (size_t i = 0; i < fl->n; i++) {
		const struct ims_finding *f = &fl->v[i];
		if (f->severity == IMS_SEV_ERROR)
			t->errors++;
		else if (f->severity == IMS_SEV_WARNING)
			t->warnings++;
		else
			t->infos++;
		unsigned line, col;
		cli_msg_position(sub, f->offset, &line, &col);
		count_rule(run, &run->carried_by_rule, f, top->src->in->name, line, top->frame);
	}
}

/* carried_fn for --brief: a carried message with findings, its line and
 * start line, and its findings under it; JSON {line, start_line,
 * findings} in the message's "carried". */
static void carried_brief(struct decode_run *run, const struct cli_msg *sub, const struct finding_list *fl,
			  void *arg)
{
	(void)arg;
	if (!fl->n)
		return;
	struct report *r = &run->rep;
	unsigned line, col;
	cli_msg_position(sub, 0, &line, &col);
	if (r->format == REPORT_JSON) {
		report_begin(r, NULL, NULL);
		report_u64(r, "line", NULL, line, NULL);
		report_str(r, "start_line", NULL, sub->msg.start_line, NULL);
		report_findings(r, sub, fl, NULL);
		report_end(r);
		return;
	}
	r->indent++;
	report_line(r, STYLE_DIM, "carried message (line %u): %.*s", line, SLICE_ARG(msg_title(&sub->msg)));
	r->indent++;
	report_findings(r, sub, fl, NULL);
	r->indent -= 2;
}

static void decode_message(struct decode_run *run, struct cli_msg *m)
{
	struct report *r = &run->rep;
	const struct sip_msg *msg = &m->msg;
	struct finding_list fl = { .run = run };
	unsigned nerr = 0, nwarn = 0, ninfo = 0, decode_errors = 0;
	unsigned line, col;
	/* a capture's message: the packet rules compare where it went */
	ims_rules_check_packet(msg, &run->flow, m->pk.ends.ver || !m->pk.untimed ? &m->pk : NULL, finding_cb, &fl);
	count_severities(&fl, &nerr, &nwarn, &ninfo);
	cli_msg_position(m, 0, &line, &col);
	run->messages++;
	count_kind(run, msg);
	/* the messages its body carries: judged apart, counted apart */
	const struct sip_hdr *cth = sip_hdr_first(msg, SIP_HDR_CONTENT_TYPE);
	struct carried_tally carried = { 0 };
	bool carried_ok = carried_walk(run, m, cth ? cth->value : SLICE_NULL, msg->body, 0, carried_count, &carried);
	unsigned ncarried = carried.errors + carried.warnings + carried.infos;

	if (run->opt.summary || (run->nonly && fl.n == 0 && ncarried == 0))
		goto out;
	if (run->opt.brief && r->format == REPORT_TEXT) {
		brief_line(run, m, &fl, nerr, nwarn, ninfo, &carried);
		if (ncarried)
			carried_ok &= carried_walk(run, m, cth ? cth->value : SLICE_NULL, msg->body, 0, carried_brief,
						   NULL);
		goto out;
	}
	if (r->format == REPORT_TEXT) {
		if (m->frame)
			buf_printf(r->b, "\n%s== %s message %u (frame %llu): %.*s%s\n", report_on(r, STYLE_TITLE),
				   m->src->in->name, m->index, (unsigned long long)m->frame,
				   SLICE_ARG(msg_title(msg)), report_off(r));
		else
			buf_printf(r->b, "\n%s== %s message %u (line %u): %.*s%s\n", report_on(r, STYLE_TITLE),
				   m->src->in->name, m->index, line, SLICE_ARG(msg_title(msg)), report_off(r));
		if (m->packet.len)
			buf_printf(r->b, "%spacket: %.*s%s\n", report_on(r, STYLE_DIM), SLICE_ARG(m->packet),
				   report_off(r));
		else if (m->logged.len)
			buf_printf(r->b, "%slogged: %.*s%s\n", report_on(r, STYLE_DIM), SLICE_ARG(m->logged),
				   report_off(r));
	}
	report_begin(r, NULL, NULL);
	if (r->format == REPORT_JSON) {
		report_u64(r, "index", NULL, m->index, NULL);
		report_u64(r, "line", NULL, line, NULL);
		report_str(r, "packet", NULL, m->packet.len ? m->packet : SLICE_NULL, NULL);
		report_str(r, "logged", NULL, m->logged.len ? m->logged : SLICE_NULL, NULL);
		if (m->frame)
			report_u64(r, "frame", NULL, m->frame, NULL);
		else
			report_str(r, "frame", NULL, SLICE_NULL, NULL);
	}
	report_start_line(r, m);
	if (!run->opt.brief) {
		report_repairs(r, m);
		if (r->format == REPORT_JSON)
			report_str(r, "wire", NULL, slice_make(msg->buf, msg->len), NULL);
		report_list_begin(r, "headers", "headers");
		for (uint16_t i = 0; i < msg->nhdrs; i++)
			decode_errors += (unsigned)cli_report_header(r, m, &msg->hdrs[i]);
		report_list_end(r);
		report_body(r, run, m, 0);
		/* a REGISTER, or a 2xx to one */
		if (cli_msg_is_registration(msg) &&
		    (msg->is_request || (msg->status >= 200 && msg->status < 300) ||
		     (sip_msg_is_fields(msg) &&
		      (sip_hdr_first(msg, SIP_HDR_EXPIRES) || sip_hdr_first(msg, SIP_HDR_CONTACT)))))
			report_expiry(r, m);
		else if (r->format == REPORT_JSON)
			report_str(r, "expiry", NULL, SLICE_NULL, NULL);
		report_identities(r, m);
	}
	report_findings(r, m, &fl, "findings");
	if (r->format == REPORT_JSON) {
		/* --brief leaves the body out: the carried messages' findings
		 * are listed here */
		if (run->opt.brief) {
			report_list_begin(r, "carried", NULL);
			if (ncarried)
				carried_ok &= carried_walk(run, m, cth ? cth->value : SLICE_NULL, msg->body, 0,
							   carried_brief, NULL);
			report_list_end(r);
		} else {
			report_str(r, "carried", NULL, SLICE_NULL, NULL);
		}
		report_begin(r, "summary", NULL);
		report_u64(r, "errors", NULL, nerr, NULL);
		report_u64(r, "warnings", NULL, nwarn, NULL);
		report_u64(r, "infos", NULL, ninfo, NULL);
		report_u64(r, "decode_errors", NULL, decode_errors, NULL);
		report_u64(r, "ignored", NULL, fl.ignored, NULL);
		report_begin(r, "carried", NULL);
		report_carried_counts(r, &carried);
		report_end(r);
		report_end(r);
	} else {
		report_line(r, nerr || decode_errors ? STYLE_ERROR : STYLE_GOOD,
			    "summary: %u error(s), %u warning(s), %u info, %u part(s) not decodable", nerr, nwarn,
			    ninfo, decode_errors);
		if (fl.ignored)
			report_line(r, STYLE_NONE, "(%u finding(s) left out by %s)", fl.ignored,
				    run->nonly ? "--ignore/--only" : "--ignore");
		if (carried.messages) {
			char left[64] = "";
			if (carried.ignored)
				snprintf(left, sizeof left, " (%u left out by %s)", carried.ignored,
					 run->nonly ? "--ignore/--only" : "--ignore");
			report_line(r, STYLE_NONE,
				    "carried in the body: %u message(s): %u error(s), %u warning(s), %u info%s, "
				    "not counted above",
				    carried.messages, carried.errors, carried.warnings, carried.infos, left);
		}
	}
	report_end(r);
out:
	if (fl.oom || !carried_ok)
		fprintf(run->err, "%s: out of memory while collecting findings\n", m->src->in->name);
	run->carried.messages += carried.messages;
	run->carried.errors += carried.errors;
	run->carried.warnings += carried.warnings;
	run->carried.infos += carried.infos;
	run->carried.ignored += carried.ignored;
	run->errors += nerr;
	run->warnings += nwarn;
	run->infos += ninfo;
	run->decode_errors += decode_errors;
	run->ignored += fl.ignored;
	for (size_t i = 0; i < fl.n; i++) {
		unsigned fline, fcol;
		cli_msg_position(m, fl.v[i].offset, &fline, &fcol);
		count_rule(run, &run->by_rule, &fl.v[i], m->src->in->name, fline, m->frame);
	}
	run_status(run, fl.oom || !carried_ok ? CLI_EXIT_INPUT
		   : nerr || decode_errors    ? CLI_EXIT_FINDINGS
					      : CLI_EXIT_OK);
	imsreg_free(fl.v);
}

static void report_input_error(struct report *r, const char *reason, unsigned line, unsigned col)
{
	if (r->format == REPORT_TEXT)
		return; /* already on stderr as file:line:col: reason */
	report_begin(r, "error", NULL);
	report_cstr(r, "reason", NULL, reason, NULL);
	report_u64(r, "line", NULL, line, NULL);
	report_u64(r, "column", NULL, col, NULL);
	report_end(r);
}

/* JSON: the members of an input that could not be read, so every input
 * has them (capture_read too when it was not written yet). */
static void report_empty_input(struct report *r, bool capture_read)
{
	if (r->format != REPORT_JSON)
		return;
	if (!capture_read)
		report_str(r, "capture_read", NULL, SLICE_NULL, NULL);
	report_list_begin(r, "repairs", NULL);
	report_list_end(r);
	report_list_begin(r, "messages", NULL);
	report_list_end(r);
	report_list_begin(r, "end_findings", NULL);
	report_list_end(r);
	report_u64(r, "discarded", NULL, 0, NULL);
	report_str(r, "hint", NULL, SLICE_NULL, NULL);
}

/* Where a pasted input is a tshark export of a capture (its JSON, ek,
 * PDML or fields, -P -x's hex dumps: a file's, whole, not text copied from
 * a terminal): every message read came with tshark's frame and a time;
 * the last of them. */
struct export_end {
	bool whole;            /* every message so far so */
	unsigned n;
	int64_t sec;
	uint32_t usec;
	uint64_t frame;
};

static void export_note(struct export_end *x, const struct cli_msg *m)
{
	if (!m->pk.frame || m->pk.untimed || m->pk.ends.ver == 0) {
		x->whole = false;
		return;
	}
	if (!x->n++ || m->pk.sec > x->sec || (m->pk.sec == x->sec && m->pk.usec >= x->usec)) {
		x->sec = m->pk.sec;
		x->usec = m->pk.usec;
		x->frame = m->pk.frame;
	}
}

/* After a capture's last message: what only its end shows (a binding
 * whose refresh never came: ts24229.packet.reregistration), in a block
 * of its own (JSON: the input's end_findings), counted as a message's
 * findings are. c NULL (not a capture file): the same for a tshark export
 * (x whole), its end its last message (its packets but SIP's are not in
 * it); none for other text, JSON's list empty. */
static void decode_capture_end(struct decode_run *run, const struct cli_input *in, const struct trace_capture *c,
			       const struct export_end *x)
{
	struct report *r = &run->rep;
	struct finding_list fl = { .run = run };
	unsigned nerr = 0, nwarn = 0, ninfo = 0;
	int rc = 0;
	uint64_t end_frame = 0;
	if (c) {
		/* a refresh may hide where the capture could not be read */
		const bool partial = c->encrypted || c->gaps || c->sctp_gaps || c->frag_open || c->truncated ||
				     c->error[0];
		rc = ims_rules_check_end(&run->flow, c->end_sec, c->end_usec, partial, finding_cb, &fl);
		end_frame = c->end_frame;
	} else if (x && x->whole && x->n) {
		rc = ims_rules_check_end(&run->flow, x->sec, x->usec, false, finding_cb, &fl);
		end_frame = x->frame;
	}
	count_severities(&fl, &nerr, &nwarn, &ninfo);
	for (size_t i = 0; i < fl.n; i++)
		count_rule(run, &run->by_rule, &fl.v[i], in->name, 0, end_frame);
	if (r->format == REPORT_JSON) {
		report_findings(r, NULL, &fl, NULL);
	} else if (fl.n && !run->opt.summary) {
		if (run->opt.brief)
			buf_printf(r->b, "%s%s, end of the capture (frame %llu): %u error(s), %u warning(s), %u info%s\n",
				   report_on(r, STYLE_TITLE), in->name, (unsigned long long)end_frame, nerr, nwarn,
				   ninfo, report_off(r));
		else
			buf_printf(r->b, "\n%s== %s: at the end of the capture (frame %llu)%s\n",
				   report_on(r, STYLE_TITLE), in->name, (unsigned long long)end_frame,
				   report_off(r));
		r->indent++;
		report_findings(r, NULL, &fl, run->opt.brief ? NULL : "findings");
		r->indent--;
	}
	if (rc < 0 || fl.oom)
		fprintf(run->err, "%s: out of memory while collecting findings\n", in->name);
	run->errors += nerr;
	run->warnings += nwarn;
	run->infos += ninfo;
	run->ignored += fl.ignored;
	run_status(run, rc < 0 || fl.oom ? CLI_EXIT_INPUT : nerr ? CLI_EXIT_FINDINGS : CLI_EXIT_OK);
	imsreg_free(fl.v);
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Text: what the paste normaliser repaired, one line per kind of repair
 * with the lines it touched (the first 8). */
static void report_paste_repairs(struct report *r, const struct cli_input *in, const struct paste *p)
{
	buf_printf(r->b, "%s%s: read as pasted text:%s\n", report_on(r, STYLE_DIM), in->name, report_off(r));
	for (size_t i = 0; i < p->nrepairs; i++) {
		const char *what = p->repairs[i].what;
		size_t j = 0, count = 0;
		while (j < i && !same_text(p->repairs[j].what, what))
			j++;
		if (j < i)
			continue; /* this kind was listed with its first repair */
		buf_printf(r->b, "%s  %s: line", report_on(r, STYLE_DIM), what ? what : "repair");
		for (j = i; j < p->nrepairs; j++) {
			if (same_text(p->repairs[j].what, what) && ++count <= 8)
				buf_printf(r->b, "%s %u", count > 1 ? "," : "", p->repairs[j].line);
		}
		if (count > 8)
			buf_printf(r->b, " ... (%zu lines)", count);
		buf_printf(r->b, "%s\n", report_off(r));
	}
}

/* What the capture reader read of a pcap or pcapng file: JSON's
 * capture_read (docs/json.md); as text one line, and what it could not
 * read said plainly (before the messages, so --summary says it too). */
static void report_capture(struct decode_run *run, const struct cli_input *in, const char *format,
			   const struct trace_capture *c, const struct cli_esp_sas *esp)
{
	struct report *r = &run->rep;
	if (r->format == REPORT_JSON) {
		report_begin(r, "capture_read", NULL);
		report_cstr(r, "link", NULL, c->link, NULL);
		report_u64(r, "packets", NULL, c->packets, NULL);
		report_u64(r, "messages", NULL, c->nmsgs, NULL);
		report_u64(r, "other_link", NULL, c->other_link, NULL);
		report_u64(r, "truncated", NULL, c->truncated, NULL);
		report_u64(r, "encrypted", NULL, c->encrypted, NULL);
		report_u64(r, "decrypted", NULL, c->decrypted, NULL);
		report_u64(r, "hep", NULL, c->hep, NULL);
		report_u64(r, "esp_keys_wrong", NULL, c->esp_icv_bad, NULL);
		report_u64(r, "esp_sas", NULL, esp->n, NULL);
		report_u64(r, "esp_sas_xfrm", NULL, esp->given, NULL);
		report_u64(r, "tcp_gap_bytes", NULL, c->gaps, NULL);
		report_u64(r, "sctp_gap_chunks", NULL, c->sctp_gaps, NULL);
		report_u64(r, "fragments_open", NULL, c->frag_open, NULL);
		report_u64(r, "duplicates", NULL, c->duplicates, NULL);
		report_u64(r, "duplicate_frame", NULL, c->dup_frame, NULL);
		report_u64(r, "duplicate_of", NULL, c->dup_of, NULL);
		report_cstr(r, "error", NULL, c->error[0] ? c->error : NULL, NULL);
		report_end(r);
		return;
	}
	struct buf *b = r->b;
	buf_printf(b, "%s%s: %s capture (%s): %llu packet(s), %zu SIP message(s)", report_on(r, STYLE_DIM),
		   in->name, format, c->link ? c->link : "a link layer not read", (unsigned long long)c->packets,
		   c->nmsgs);
	if (c->other_link)
		buf_printf(b, "; %llu packet(s) of a link layer imsreg does not read (Ethernet, Linux "
			   "cooked, raw IP and loopback captures are read)", (unsigned long long)c->other_link);
	if (c->hep)
		buf_printf(b, "; %llu of them out of HEP packets (Homer's capture agents), with the "
			   "addresses, ports and times the agents gave", (unsigned long long)c->hep);
	if (c->decrypted && esp->challenges)
		buf_printf(b, "; %llu ESP packet(s) decrypted with the keys of %u AKA challenge(s) (%s)%s",
			   (unsigned long long)c->decrypted, esp->challenges,
			   esp->from_401 && esp->from_k ? "the ck/ik of the S-CSCF's 401s, and K and OPc"
			   : esp->from_401 ? "the ck/ik of the S-CSCF's 401" : "K and OPc",
			   esp->given ? " and the SAs of --xfrm" : "");
	else if (c->decrypted)
		buf_printf(b, "; %llu ESP packet(s) decrypted with the SAs of --xfrm (%zu)",
			   (unsigned long long)c->decrypted, esp->given);
	if (c->esp_icv_bad)
		buf_printf(b, "; %llu ESP packet(s) of the SAs' SPIs do not authenticate with the keys %s",
			   (unsigned long long)c->esp_icv_bad,
			   esp->from_k ? "of K and OPc: a wrong K or OPc (or OP given as OPc)?"
			   : esp->from_401 ? "of the S-CSCF's ck/ik: SAs of another challenge?"
					   : "of --xfrm: states of another time (the kernel's SAs change at each "
					     "registration)?");
	if (c->encrypted > c->esp_icv_bad) {
		/* challenges without keys, none given: say how to give them */
		bool keys_would = !c->decrypted && esp->unkeyed && !esp->from_k;
		buf_printf(b, "; %llu ESP packet(s) encrypted%s: the SIP in them (the REGISTER after a 401 "
			   "with Security-Server, and what follows it) %s",
			   (unsigned long long)(c->encrypted - c->esp_icv_bad),
			   !keys_would && esp->n ? " of no SA the capture's sec-agree set up" : "",
			   keys_would ? "is read with the subscriber's keys: give --k and --opc (or --op), or "
					"capture the S-CSCF's 401 too (its ck and ik)"
				      : "cannot be read; capture where IPsec ends, or test with ealg=null");
	}
	if (c->truncated)
		buf_printf(b, "; %llu packet(s) cut short by the capture's snapshot length: capture with "
			   "-s 0", (unsigned long long)c->truncated);
	if (c->gaps)
		buf_printf(b, "; %llu byte(s) of TCP streams missing from the capture (the messages "
			   "around them are marked incomplete)", (unsigned long long)c->gaps);
	if (c->sctp_gaps)
		buf_printf(b, "; %llu SCTP DATA chunk(s) missing from the capture (the messages "
			   "around them are marked incomplete)", (unsigned long long)c->sctp_gaps);
	if (c->frag_open)
		buf_printf(b, "; %llu IP datagram(s) with fragments missing", (unsigned long long)c->frag_open);
	if (c->duplicates)
		buf_printf(b, "; %llu UDP packet(s) seen twice, left out (frame %llu repeats frame %llu: the "
			   "same bytes between the same addresses and ports within %d ms, too soon for a "
			   "retransmission; a capture on several interfaces, a bridge, or a tunnel and its exit "
			   "sees one packet twice)", (unsigned long long)c->duplicates,
			   (unsigned long long)c->dup_frame, (unsigned long long)c->dup_of, PKT_COPY_US / 1000);
	if (c->error[0])
		buf_printf(b, "; the file ends early: %s (the packets before are read)", c->error);
	buf_printf(b, "%s\n", report_off(r));
	run_flush(run);
}

/* The run's mode as docs/json.md names it. */
static const char *decode_mode(const struct cli_opts *opt)
{
	return opt->datagram ? "datagram" : opt->strict ? "strict" : "lenient";
}

static void decode_input(struct decode_run *run, const char *path)
{
	struct report *r = &run->rep;
	struct cli_input in;
	struct cli_source src;
	struct cli_msg *m = imsreg_calloc(1, sizeof *m);
	bool src_ready = false;
	if (!m) {
		fprintf(run->err, "%s: out of memory\n", path);
		run_status(run, CLI_EXIT_INPUT);
		return;
	}
	report_begin(r, NULL, NULL);
	int rc = cli_input_read(&in, path, run->err);
	const char *capture = rc < 0 ? NULL : cli_input_capture(&in);
	/* text saved as UTF-16 (Windows): read as UTF-8, unless the bytes
	 * are to be taken as they are (--strict, --datagram) */
	const char *utf16 = NULL;
	if (rc == 0 && !run->opt.strict)
		rc = cli_input_to_utf8(&in, &utf16, run->err);
	size_t blobs = rc < 0 || capture ? 0 : cli_input_journal_blobs(&in);
	if (r->format == REPORT_JSON) {
		report_cstr(r, "name", NULL, strcmp(path, "-") == 0 ? "<stdin>" : path, NULL);
		report_cstr(r, "mode", NULL, decode_mode(&run->opt), NULL);
		report_cstr(r, "capture", NULL, capture, NULL);
		report_cstr(r, "encoding", NULL, utf16, NULL);
		report_u64(r, "journal_blobs", NULL, blobs, NULL);
	}
	if (utf16 && rc == 0 && r->format == REPORT_TEXT) {
		buf_printf(r->b, "%s%s: %s text, read as UTF-8 (lines and columns count in that text)%s\n",
			   report_on(r, STYLE_DIM), in.name, utf16, report_off(r));
		run_flush(run);
	}
	if (blobs) {
		/* entries journalctl hid: the messages are not in the input */
		static const char note[] =
			"%s%s: %zu journal entr%s printed as \"[SIZE blob data]\": journalctl hides an "
			"entry with control characters, as the CR line ends of a logged SIP message, "
			"unless it runs with -a; read them with: journalctl -a ... | imsreg decode%s\n";
		const char *ies = blobs == 1 ? "y" : "ies";
		if (r->format == REPORT_TEXT) {
			buf_printf(r->b, note, report_on(r, STYLE_DIM), in.name, blobs, ies, report_off(r));
			run_flush(run);
		} else {
			fprintf(run->err, note, "", in.name, blobs, ies, "");
		}
	}
	if (rc < 0) {
		report_empty_input(r, false);
		report_input_error(r, "cannot read the input", 0, 0);
		run->unparsed++;
		run_status(run, CLI_EXIT_INPUT);
		goto out;
	}
	rc = cli_source_init_keyed(&src, &in,
				   run->opt.datagram ? CLI_FRAMING_DATAGRAM
				   : run->opt.strict ? CLI_FRAMING_STREAM : CLI_FRAMING_LENIENT,
				   run->keys.has_k || run->keys.xfrm ? &run->keys : NULL, run->err);
	src_ready = true;
	if (src.capture_read)
		report_capture(run, &in, capture, src.capture, &src.esp);
	else if (r->format == REPORT_JSON)
		report_str(r, "capture_read", NULL, SLICE_NULL, NULL);
	if (rc < 0) {
		report_empty_input(r, true);
		report_input_error(r, src.error_reason, src.error_line, src.error_col);
		run->unparsed++;
		run_status(run, CLI_EXIT_INPUT);
		goto out;
	}
	if (r->format == REPORT_JSON) {
		report_list_begin(r, "repairs", NULL);
		for (size_t i = 0; i < src.paste.nrepairs; i++) {
			report_begin(r, NULL, NULL);
			report_u64(r, "line", NULL, src.paste.repairs[i].line, NULL);
			report_cstr(r, "what", NULL, src.paste.repairs[i].what, NULL);
			report_end(r);
		}
		report_list_end(r);
	} else if (src.paste.nrepairs && !run->opt.brief && !run->opt.summary) {
		report_paste_repairs(r, &in, &src.paste);
	} else if (src.paste.nrepairs) {
		/* --brief: that the text was repaired, and where lines were
		 * dropped, which no finding would show */
		size_t dropped = 0;
		buf_printf(r->b, "%s%s: %zu repair(s) of the pasted text", report_on(r, STYLE_DIM),
			   in.name, src.paste.nrepairs);
		for (size_t i = 0; i < src.paste.nrepairs; i++) {
			const char *what = src.paste.repairs[i].what;
			if (what && strncmp(what, "ignored", 7) == 0 && ++dropped <= 8)
				buf_printf(r->b, "%s %u", dropped == 1 ? "; lines ignored:" : ",",
					   src.paste.repairs[i].line);
		}
		if (dropped > 8)
			buf_printf(r->b, " ... (%zu)", dropped);
		buf_printf(r->b, "; run without %s to list them%s\n",
			   run->opt.summary ? "--summary" : "--brief", report_off(r));
	}
	/* the flow rules compare the messages of this input only */
	ims_flow_init(&run->flow);
	run->flow.max_calls = run->flow_max_calls;
	report_list_begin(r, "messages", NULL);
	m->index = 0;
	struct export_end ex = { .whole = !src.capture && !src.strict };
	for (;;) {
		rc = cli_source_next(&src, m, run->err);
		if (rc == 0)
			break;
		if (rc < 0) {
			run->unparsed++;
			run_status(run, CLI_EXIT_INPUT);
			if (r->format == REPORT_JSON) {
				report_begin(r, NULL, NULL);
				report_u64(r, "index", NULL, m->index, NULL);
				report_input_error(r, m->error_reason, m->error_line, m->error_col);
				report_end(r);
			}
			continue;
		}
		if (ex.whole)
			export_note(&ex, m);
		decode_message(run, m);
		if (r->format == REPORT_TEXT || run->buf.len >= JSON_FLUSH_BYTES)
			run_flush(run);
	}
	report_list_end(r);
	decode_capture_end(run, &in, src.capture_read ? src.capture : NULL, &ex);
	run_flush(run);
	if (r->format == REPORT_JSON) {
		report_u64(r, "discarded", NULL, src.discarded, NULL);
		report_cstr(r, "hint", NULL, src.hint[0] ? src.hint : NULL, NULL);
		report_str(r, "error", NULL, SLICE_NULL, NULL);
	} else if (src.discarded) {
		buf_printf(r->b, "%s%s: %zu byte(s) after the body as Content-Length sets it, discarded as "
			   "a datagram's are (RFC 3261 §18.3)%s\n", report_on(r, STYLE_DIM), in.name,
			   src.discarded, report_off(r));
		run_flush(run);
	}
out:
	report_end(r);
	uint64_t nomem;
	uint64_t dropped = ims_flow_dropped(&run->flow, &nomem);
	run->flow_evicted += dropped - nomem;
	run->flow_nomem += nomem;
	if (nomem) /* as any other part of the report lost to memory */
		run_status(run, CLI_EXIT_INPUT);
	ims_flow_fini(&run->flow);
	if (src_ready)
		cli_source_fini(&src);
	cli_input_fini(&in);
	imsreg_free(m);
}

void cli_report_document_begin(struct report *r, const char *command)
{
	if (r->format != REPORT_JSON)
		return;
	report_begin(r, NULL, NULL);
	report_cstr(r, "imsreg", NULL, CLI_VERSION, NULL);
	report_u64(r, "schema", NULL, CLI_JSON_SCHEMA, NULL);
	report_cstr(r, "command", NULL, command, NULL);
}

/* `imsreg decode --rules`: the rule book (id, severity, reference, summary). */
static int decode_rules(const struct cli_opts *opt, FILE *out, FILE *err)
{
	size_t n = 0;
	const struct ims_rule_info *rules = ims_rules_list(&n);
	struct buf b;
	struct report r;
	buf_init(&b);
	report_init(&r, &b, opt->json ? REPORT_JSON : REPORT_TEXT, opt->color);
	cli_report_document_begin(&r, "rules");
	report_list_begin(&r, "rules", NULL);
	for (size_t i = 0; i < n; i++) {
		const struct ims_rule_info *ri = &rules[i];
		if (r.format == REPORT_TEXT) {
			buf_printf(&b, "%s%-7s%s %s%s%s  [%s]%s\n        %s\n", report_on(&r, severity_style(ri->severity)),
				   ims_severity_name(ri->severity), report_off(&r), report_on(&r, STYLE_NAME), ri->id,
				   report_off(&r), ri->ref ? ri->ref : "", ri->fields ? "  (fields)" : "",
				   ri->summary ? ri->summary : "");
			continue;
		}
		report_begin(&r, NULL, NULL);
		report_cstr(&r, "id", NULL, ri->id, NULL);
		report_cstr(&r, "severity", NULL, ims_severity_name(ri->severity), NULL);
		report_cstr(&r, "ref", NULL, ri->ref, NULL);
		report_cstr(&r, "summary", NULL, ri->summary, NULL);
		report_bool(&r, "fields", NULL, ri->fields, NULL);
		report_end(&r);
	}
	report_list_end(&r);
	if (r.format == REPORT_JSON) {
		report_end(&r);
	} else {
		size_t nf = 0;
		for (size_t i = 0; i < n; i++)
			nf += rules[i].fields;
		buf_printf(&b, "%zu rules; the %zu marked (fields) also judge header fields pasted "
			   "without a start line, where the others do not run\n", n, nf);
	}
	int status = CLI_EXIT_OK;
	if (b.err) {
		fputs("imsreg decode --rules: out of memory\n", err);
		status = CLI_EXIT_INPUT;
	} else {
		fwrite(b.ptr, 1, b.len, out);
		status = cli_output_flush(out, err, status);
	}
	buf_fini(&b);
	return status;
}

#define PATTERNS_IGNORE (-1)
#define PATTERNS_ONLY (-2)

/* Adds pat to the list v of n strings: false when memory ran out. */
static bool pattern_push(const char ***v, size_t *n, const char *pat)
{
	const char **w = imsreg_realloc(*v, (*n + 1) * sizeof *w);
	if (!w)
		return false;
	*v = w;
	w[(*n)++] = pat;
	return true;
}

/* Adds the comma-separated rule patterns of list (the first len bytes) to
 * run->ignore (sev PATTERNS_IGNORE), run->only (PATTERNS_ONLY), or with
 * severity sev to run->sev when sev >= 0: each a rule id of the book or a
 * prefix ending in '*' that names at least one, so a typo is an error
 * rather than a filter that silently matches nothing. false with reason
 * filled otherwise. */
static bool patterns_add(struct decode_run *run, const char *opt, const char *list, size_t len,
			 int sev, char *reason, size_t cap)
{
	if (!list || !len) {
		snprintf(reason, cap, "%s needs rule ids (imsreg decode --rules lists them)", opt);
		return false;
	}
	size_t nrules = 0;
	const struct ims_rule_info *rules = ims_rules_list(&nrules);
	for (size_t at = 0; at < len;) {
		const char *p = list + at;
		size_t k = 0;
		while (at + k < len && p[k] != ',')
			k++;
		if (k == 0 || k > 100) {
			snprintf(reason, cap, "%s: an empty or overlong rule id in '%.*s'", opt,
				 (int)(len > 100 ? 100 : len), list);
			return false;
		}
		char *pat = imsreg_malloc(k + 1);
		if (!pat) {
			snprintf(reason, cap, "out of memory");
			return false;
		}
		memcpy(pat, p, k);
		pat[k] = '\0';
		bool named = false;
		for (size_t i = 0; i < nrules && !named; i++)
			named = ignore_match(pat, rules[i].id);
		if (!named) {
			snprintf(reason, cap, "%s: no rule is '%s' (imsreg decode --rules lists them)", opt,
				 pat);
			imsreg_free(pat);
			return false;
		}
		bool stored = false;
		if (sev == PATTERNS_IGNORE) {
			stored = pattern_push(&run->ignore, &run->nignore, pat);
		} else if (sev == PATTERNS_ONLY) {
			stored = pattern_push(&run->only, &run->nonly, pat);
		} else {
			struct severity_override *v = imsreg_realloc(run->sev, (run->nsev + 1) * sizeof *v);
			if (v) {
				run->sev = v;
				run->sev[run->nsev++] = (struct severity_override){ pat, (enum ims_severity)sev };
				stored = true;
			}
		}
		if (!stored) {
			imsreg_free(pat);
			snprintf(reason, cap, "out of memory");
			return false;
		}
		at += k;
		if (at < len)
			at++; /* the ',' */
	}
	return true;
}

static bool ignore_add(struct decode_run *run, const char *list, char *reason, size_t cap)
{
	return patterns_add(run, "--ignore", list, list ? strlen(list) : 0, PATTERNS_IGNORE, reason, cap);
}

static bool only_add(struct decode_run *run, const char *list, char *reason, size_t cap)
{
	return patterns_add(run, "--only", list, list ? strlen(list) : 0, PATTERNS_ONLY, reason, cap);
}

/* --severity RULES=LEVEL: LEVEL error, warning or info. */
static bool severity_add(struct decode_run *run, const char *arg, char *reason, size_t cap)
{
	const char *eq = arg ? strrchr(arg, '=') : NULL;
	if (!eq) {
		snprintf(reason, cap, "--severity needs RULES=LEVEL (error, warning or info), e.g. "
			 "'ir92.*=info'");
		return false;
	}
	int sev = strcmp(eq + 1, "error") == 0	 ? IMS_SEV_ERROR
		  : strcmp(eq + 1, "warning") == 0 ? IMS_SEV_WARNING
		  : strcmp(eq + 1, "info") == 0	 ? IMS_SEV_INFO
						 : -1;
	if (sev < 0) {
		snprintf(reason, cap, "--severity: '%.40s' is no level (error, warning or info)", eq + 1);
		return false;
	}
	return patterns_add(run, "--severity", arg, (size_t)(eq - arg), sev, reason, cap);
}

/* --profile FILE: a saved set of --ignore and --severity options, one per
 * line ("ignore RULES", "severity RULES=LEVEL"), '#' comments and blank
 * lines skipped. The reason names the file and line. */
static bool profile_add(struct decode_run *run, const char *path, char *reason, size_t cap)
{
	if (!path) {
		snprintf(reason, cap, "--profile needs a file");
		return false;
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(reason, cap, "--profile: cannot open %.100s: %s", path, strerror(errno));
		return false;
	}
	char line[512], why[200];
	unsigned n = 0;
	bool ok = true;
	while (ok && fgets(line, sizeof line, f)) {
		n++;
		size_t len = strlen(line);
		if (len == sizeof line - 1 && line[len - 1] != '\n' && !feof(f)) {
			snprintf(reason, cap, "%.100s:%u: line longer than %zu bytes", path, n,
				 sizeof line - 2);
			ok = false;
			break;
		}
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' || line[len - 1] == ' ' ||
			       line[len - 1] == '\t'))
			line[--len] = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		size_t k = strcspn(p, " \t");
		char *arg = p + k;
		while (*arg == ' ' || *arg == '\t')
			arg++;
		if (k == 6 && strncmp(p, "ignore", 6) == 0) {
			ok = ignore_add(run, arg, why, sizeof why);
		} else if (k == 4 && strncmp(p, "only", 4) == 0) {
			ok = only_add(run, arg, why, sizeof why);
		} else if (k == 8 && strncmp(p, "severity", 8) == 0) {
			ok = severity_add(run, arg, why, sizeof why);
		} else {
			snprintf(why, sizeof why, "'%.*s' is no directive (ignore RULES, only RULES, "
				 "severity RULES=LEVEL)", (int)(k > 40 ? 40 : k), p);
			ok = false;
		}
		if (!ok)
			snprintf(reason, cap, "%.100s:%u: %s", path, n, why);
	}
	if (ok && ferror(f)) {
		snprintf(reason, cap, "--profile: cannot read %.100s", path);
		ok = false;
	}
	fclose(f);
	return ok;
}

/* --xfrm FILE: the text of `ip xfrm state` (as root on the P-CSCF, the
 * UE or the ePDG while capturing): its ESP SAs open the capture's ESP
 * with the kernel's own keys. A state that cannot be used is said on
 * stderr. */
static bool xfrm_add(struct decode_run *run, const char *path, char *reason, size_t cap)
{
	if (!path) {
		snprintf(reason, cap, "--xfrm needs a file (the output of ip xfrm state)");
		return false;
	}
	if (run->has_xfrm) {
		snprintf(reason, cap, "--xfrm given twice: put the states in one file");
		return false;
	}
	struct cli_input in;
	if (cli_input_read(&in, path, run->err) < 0) {
		snprintf(reason, cap, "--xfrm: %.100s cannot be read (said above)", path);
		return false;
	}
	int rc = trace_xfrm_read(&run->xfrm, in.data, in.len);
	auth_wipe(in.data, in.len); /* keys */
	cli_input_fini(&in);
	if (rc < 0) {
		if (rc == -ENOMEM)
			snprintf(reason, cap, "--xfrm: out of memory");
		else
			snprintf(reason, cap, "%.100s:%u:%u: %s", path, run->xfrm.line, run->xfrm.col,
				 run->xfrm.error);
		trace_xfrm_fini(&run->xfrm);
		return false;
	}
	run->has_xfrm = true;
	run->keys.xfrm = &run->xfrm;
	if (run->xfrm.skipped)
		fprintf(run->err, "imsreg decode: %s: %zu ESP state(s) not used (%s)\n", path, run->xfrm.skipped,
			run->xfrm.skip_reason);
	if (!run->xfrm.nsas) {
		snprintf(reason, cap, "--xfrm: %.100s holds no ESP state imsreg can use", path);
		return false;
	}
	return true;
}

/* The options that take a value ("--name VALUE" or "--name=VALUE") and
 * add to the run's rule settings. */
typedef bool option_add_fn(struct decode_run *run, const char *value, char *reason, size_t cap);

/* a's adder when a is one of them, with *val its value (NULL when the
 * command line ends first: the adder says so); NULL otherwise. */
static option_add_fn *value_option(const char *a, int argc, char **argv, int *i, const char **val)
{
	static const struct {
		const char *name;
		option_add_fn *add;
	} opts[] = { { "--ignore", ignore_add },
		     { "--only", only_add },
		     { "--severity", severity_add },
		     { "--profile", profile_add },
		     { "--xfrm", xfrm_add } };
	for (size_t k = 0; k < sizeof opts / sizeof opts[0]; k++) {
		size_t n = strlen(opts[k].name);
		if (strncmp(a, opts[k].name, n) != 0 || (a[n] != '\0' && a[n] != '='))
			continue;
		*val = a[n] == '=' ? a + n + 1 : *i + 1 < argc ? argv[++*i] : NULL;
		return opts[k].add;
	}
	return NULL;
}

static void decode_usage(FILE *f)
{
	fputs("usage: imsreg decode [--json] [--strict | --datagram] [--brief | --summary] [--no-color]\n"
	      "                     [--ignore RULES] [--only RULES] [--severity RULES=LEVEL]\n"
	      "                     [--k HEX (--opc HEX | --op HEX)] [--xfrm FILE]\n"
	      "                     [--profile FILE] [FILE...]\n"
	      "       imsreg decode [--json] [--strict] [--no-color] --diff A B\n"
	      "       imsreg decode [--json] --rules\n"
	      "Explains SIP REGISTER messages (and their 401/200 answers) header by header,\n"
	      "with the IMS meaning of each value and the findings of the rule book.\n"
	      "  FILE        a file of pasted or wire SIP text; '-' or none: stdin\n"
	      "  --json      one JSON document for the whole run (docs/json.md)\n"
	      "  --strict    wire bytes: no paste repair, messages back to back\n"
	      "  --datagram  wire bytes, each FILE one UDP datagram: one message, the bytes\n"
	      "              after its body (Content-Length) discarded (RFC 3261 §18.3)\n"
	      "  --brief     one line per message (and its packet's, from a capture's\n"
	      "              text), then its findings\n"
	      "  --summary   only the run's totals and its findings by rule, with where\n"
	      "              each rule fired first (a log of thousands of messages)\n"
	      "  --no-color  no ANSI colour even on a terminal\n"
	      "  --ignore RULES  leave out the findings of these rules (ids, or prefixes\n"
	      "              ending in '*', comma-separated; repeatable): e.g. 'ir92.*'\n"
	      "  --only RULES  only the findings of these rules, and only the messages that\n"
	      "              have one (the complement of --ignore; repeatable)\n"
	      "  --severity RULES=LEVEL  report these rules' findings as error, warning or\n"
	      "              info (repeatable; the last match wins): e.g. 'ir92.*=info'\n"
	      "  --k HEX --opc HEX (or --op HEX)  the subscriber's keys: a capture's ESP\n"
	      "              after the 401 is decrypted with IMS AKA's CK and IK (also\n"
	      "              without them when the capture holds the S-CSCF's 401, ck/ik)\n"
	      "  --xfrm FILE  the text of 'ip xfrm state' (the kernel's SAs, with their\n"
	      "              keys): a capture's ESP of those SAs is decrypted with them\n"
	      "  --profile FILE  options saved in a file, one per line: 'ignore RULES',\n"
	      "              'only RULES', 'severity RULES=LEVEL'; '#' starts a comment\n"
	      "  --diff A B  compare two REGISTERs of one registration\n"
	      "  --rules     list the rule book (id, severity, reference, summary)\n"
	      "exit: 0 no error finding, 1 error findings, 2 unreadable or unparseable input\n",
	      f);
}

/* A command line decode cannot run (unknown option, --diff without its two
 * files): status 2, usage on err, and with --json still the one document
 * of the run (docs/json.md), no inputs and its `error`. */
static int decode_usage_error(bool json, const char *reason, FILE *out, FILE *err)
{
	fprintf(err, "imsreg decode: %s\n", reason);
	decode_usage(err);
	if (!json)
		return CLI_EXIT_INPUT;
	struct buf b;
	struct report r;
	buf_init(&b);
	report_init(&r, &b, REPORT_JSON, false);
	cli_report_document_begin(&r, "decode");
	report_cstr(&r, "mode", NULL, "lenient", NULL);
	report_bool(&r, "brief", NULL, false, NULL);
	report_list_begin(&r, "ignore", NULL);
	report_list_end(&r);
	report_list_begin(&r, "only", NULL);
	report_list_end(&r);
	report_list_begin(&r, "severity", NULL);
	report_list_end(&r);
	report_list_begin(&r, "inputs", NULL);
	report_list_end(&r);
	report_begin(&r, "summary", NULL);
	const char *keys[] = { "messages", "unparsed", "errors", "warnings", "infos", "decode_errors",
			       "ignored" };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		report_u64(&r, keys[i], NULL, 0, NULL);
	report_begin(&r, "flow_dropped", NULL);
	report_u64(&r, "table_full", NULL, 0, NULL);
	report_u64(&r, "out_of_memory", NULL, 0, NULL);
	report_end(&r);
	report_end(&r);
	report_begin(&r, "error", NULL);
	report_cstr(&r, "reason", NULL, reason, NULL);
	report_end(&r);
	report_u64(&r, "exit_status", NULL, CLI_EXIT_INPUT, NULL);
	report_end(&r);
	int status = CLI_EXIT_INPUT;
	if (b.err) {
		fputs("imsreg decode: out of memory\n", err);
	} else {
		fwrite(b.ptr, 1, b.len, out);
		status = cli_output_flush(out, err, status);
	}
	buf_fini(&b);
	return status;
}

int cli_decode_main(int argc, char **argv, FILE *out, FILE *err)
{
	struct decode_run run;
	memset(&run, 0, sizeof run);
	run.out = out;
	run.err = err;
	bool no_color = false, files_only = false, rules = false;
	const char *diff_a = NULL, *diff_b = NULL;
	const char **files = imsreg_calloc((size_t)argc + 1, sizeof *files);
	size_t nfiles = 0;
	int status = CLI_EXIT_INPUT;
	if (!files) {
		fputs("imsreg decode: out of memory\n", err);
		return CLI_EXIT_INPUT;
	}
	/* --json anywhere (before "--") asks for JSON also on a usage error */
	bool want_json = false;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		want_json = want_json || strcmp(argv[i], "--json") == 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *val;
		option_add_fn *add;
		int krc;
		if (files_only || a[0] != '-' || strcmp(a, "-") == 0) {
			files[nfiles++] = a;
		} else if (strcmp(a, "--") == 0) {
			files_only = true;
		} else if (strcmp(a, "--json") == 0) {
			run.opt.json = true;
		} else if (strcmp(a, "--strict") == 0) {
			run.opt.strict = true;
		} else if (strcmp(a, "--datagram") == 0) {
			run.opt.strict = run.opt.datagram = true;
		} else if (strcmp(a, "--brief") == 0) {
			run.opt.brief = true;
		} else if (strcmp(a, "--summary") == 0) {
			run.opt.summary = true;
		} else if (strcmp(a, "--no-color") == 0 || strcmp(a, "--no-colour") == 0) {
			no_color = true;
		} else if (strcmp(a, "--rules") == 0) {
			rules = true;
		} else if (strncmp(a, "--amf", 5) != 0 && (krc = auth_keys_option(&run.keys, argc, argv, &i)) != 0) {
			if (krc < 0) {
				status = decode_usage_error(want_json, "a key option needs 32 hex digits", out, err);
				goto out;
			}
		} else if ((add = value_option(a, argc, argv, &i, &val))) {
			char reason[400];
			if (!add(&run, val, reason, sizeof reason)) {
				status = decode_usage_error(want_json, reason, out, err);
				goto out;
			}
		} else if (strcmp(a, "--diff") == 0) {
			if (i + 2 >= argc) {
				status = decode_usage_error(want_json, "--diff needs two files", out, err);
				goto out;
			}
			diff_a = argv[++i];
			diff_b = argv[++i];
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			decode_usage(out);
			status = CLI_EXIT_OK;
			goto out;
		} else {
			char reason[160];
			snprintf(reason, sizeof reason, "unknown option '%.100s'", a);
			status = decode_usage_error(want_json, reason, out, err);
			goto out;
		}
	}
	if (run.keys.has_k != run.keys.has_op) {
		status = decode_usage_error(want_json, "--k goes with --opc or --op", out, err);
		goto out;
	}
	run.opt.color = !no_color && !run.opt.json && isatty(fileno(out)) && !getenv("NO_COLOR");
	/* the flow table's bound in Call-IDs (docs/cli.md): lower to test it,
	 * higher for a log of more registrations; not a number: the default */
	const char *max_calls = getenv("IMSREG_FLOW_MAX_CALLS");
	if (max_calls && *max_calls >= '0' && *max_calls <= '9') {
		char *end;
		unsigned long long v = strtoull(max_calls, &end, 10);
		if (*end == '\0' && v <= SIZE_MAX)
			run.flow_max_calls = (size_t)v;
	}
	if (rules) {
		status = decode_rules(&run.opt, out, err);
		goto out;
	}
	if (diff_a) {
		if (nfiles) {
			status = decode_usage_error(run.opt.json, "--diff takes exactly two files", out, err);
			goto out;
		}
		status = cli_diff_main(diff_a, diff_b, &run.opt, out, err);
		goto out;
	}
	if (nfiles == 0)
		files[nfiles++] = "-";
	buf_init(&run.buf);
	report_init(&run.rep, &run.buf, run.opt.json ? REPORT_JSON : REPORT_TEXT, run.opt.color);
	struct report *r = &run.rep;
	cli_report_document_begin(r, "decode");
	if (r->format == REPORT_JSON) {
		report_cstr(r, "mode", NULL, decode_mode(&run.opt), NULL);
		report_bool(r, "brief", NULL, run.opt.brief, NULL);
		report_list_begin(r, "ignore", NULL);
		for (size_t i = 0; i < run.nignore; i++)
			report_cstr(r, NULL, NULL, run.ignore[i], NULL);
		report_list_end(r);
		report_list_begin(r, "only", NULL);
		for (size_t i = 0; i < run.nonly; i++)
			report_cstr(r, NULL, NULL, run.only[i], NULL);
		report_list_end(r);
		report_list_begin(r, "severity", NULL);
		for (size_t i = 0; i < run.nsev; i++) {
			report_begin(r, NULL, NULL);
			report_cstr(r, "rules", NULL, run.sev[i].pat, NULL);
			report_cstr(r, "severity", NULL, ims_severity_name(run.sev[i].severity), NULL);
			report_end(r);
		}
		report_list_end(r);
		report_list_begin(r, "inputs", NULL);
	}
	for (size_t i = 0; i < nfiles; i++)
		decode_input(&run, files[i]);
	if (r->format == REPORT_JSON) {
		report_list_end(r);
		report_begin(r, "summary", NULL);
		report_u64(r, "messages", NULL, run.messages, NULL);
		report_u64(r, "unparsed", NULL, run.unparsed, NULL);
		report_u64(r, "errors", NULL, run.errors, NULL);
		report_u64(r, "warnings", NULL, run.warnings, NULL);
		report_u64(r, "infos", NULL, run.infos, NULL);
		report_u64(r, "decode_errors", NULL, run.decode_errors, NULL);
		report_u64(r, "ignored", NULL, run.ignored, NULL);
		report_begin(r, "flow_dropped", NULL);
		report_u64(r, "table_full", NULL, run.flow_evicted, NULL);
		report_u64(r, "out_of_memory", NULL, run.flow_nomem, NULL);
		report_end(r);
		report_list_begin(r, "by_kind", NULL);
		for (size_t i = 0; i < run.nkinds; i++) {
			report_begin(r, NULL, NULL);
			report_cstr(r, "kind", NULL, run.kinds[i].kind, NULL);
			report_u64(r, "count", NULL, run.kinds[i].n, NULL);
			report_end(r);
		}
		report_list_end(r);
		report_u64(r, "other_kinds", NULL, run.kinds_other, NULL);
		report_by_rule(r, &run.by_rule, "by rule");
		report_begin(r, "carried", NULL);
		report_carried_counts(r, &run.carried);
		report_by_rule(r, &run.carried_by_rule, "by rule in the carried messages");
		report_end(r);
		report_end(r);
		report_str(r, "error", NULL, SLICE_NULL, NULL);
		report_u64(r, "exit_status", NULL, (uint64_t)run.status, NULL);
		report_end(r);
	} else if (run.messages + run.unparsed > 1 || nfiles > 1 || run.opt.summary) {
		buf_printf(r->b, "\n%s%u message(s), %u not parseable: %u error(s), %u warning(s), %u info",
			   report_on(r, STYLE_TITLE), run.messages, run.unparsed, run.errors, run.warnings,
			   run.infos);
		if (run.ignored)
			buf_printf(r->b, " (%u left out by %s)", run.ignored,
				   run.nonly ? "--ignore/--only" : "--ignore");
		buf_printf(r->b, "%s\n", report_off(r));
		/* what the messages are, in the order each kind first came */
		if (run.nkinds && (run.messages > 1 || run.opt.summary)) {
			buf_printf(r->b, "by kind:");
			for (size_t i = 0; i < run.nkinds; i++)
				buf_printf(r->b, "%s %u %s", i ? "," : "", run.kinds[i].n, run.kinds[i].kind);
			if (run.kinds_other)
				buf_printf(r->b, ", %u of other kinds", run.kinds_other);
			buf_printf(r->b, "\n");
		}
		/* a log of many messages: which rules fired, most often first */
		bool by_rule = run.messages > 1 || run.opt.summary;
		if (by_rule)
			report_by_rule(r, &run.by_rule, "by rule");
		/* the messages carried in bodies (a third-party REGISTER's),
		 * counted apart */
		if (run.carried.messages) {
			buf_printf(r->b, "carried in bodies: %u message(s): %u error(s), %u warning(s), %u info",
				   run.carried.messages, run.carried.errors, run.carried.warnings, run.carried.infos);
			if (run.carried.ignored)
				buf_printf(r->b, " (%u left out by %s)", run.carried.ignored,
					   run.nonly ? "--ignore/--only" : "--ignore");
			buf_printf(r->b, ", not counted above\n");
			if (by_rule)
				report_by_rule(r, &run.carried_by_rule, "by rule in the carried messages");
		}
	}
	if (r->format == REPORT_TEXT && run.flow_evicted)
		buf_printf(r->b, "%sflow: %llu registration(s) dropped (table full); their later "
			   "messages were not compared%s\n", report_on(r, STYLE_ERROR),
			   (unsigned long long)run.flow_evicted, report_off(r));
	if (r->format == REPORT_TEXT && run.flow_nomem)
		buf_printf(r->b, "%sflow: %llu registration(s) dropped (out of memory); their later "
			   "messages were not compared%s\n", report_on(r, STYLE_ERROR),
			   (unsigned long long)run.flow_nomem, report_off(r));
	if (run.by_rule_oom)
		fputs("imsreg decode: out of memory while counting findings by rule\n", err);
	run_flush(&run);
	buf_fini(&run.buf);
	status = cli_output_flush(out, err, run.status);
out:
	auth_keys_wipe(&run.keys);
	trace_xfrm_fini(&run.xfrm);
	imsreg_free(files);
	for (size_t i = 0; i < run.nignore; i++)
		imsreg_free((void *)run.ignore[i]);
	imsreg_free(run.ignore);
	for (size_t i = 0; i < run.nonly; i++)
		imsreg_free((void *)run.only[i]);
	imsreg_free(run.only);
	for (size_t i = 0; i < run.nsev; i++)
		imsreg_free((void *)run.sev[i].pat);
	imsreg_free(run.sev);
	imsreg_free(run.by_rule.v);
	imsreg_free(run.carried_by_rule.v);
	return status;
}
