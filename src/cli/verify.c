/* verify.c: `imsreg verify`: recomputes a Digest / IMS AKA Digest exchange
 * (RFC 7616, RFC 3310, RFC 4169, TS 33.102 §6.3, TS 33.203 §6.1) from a 401
 * and the REGISTER answering it, and names the likely mistake on a mismatch. */
#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <imsreg/alloc.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include <imsreg/error.h>
#include <imsreg/ims.h>
#include <imsreg/paste.h>
#include <imsreg/sip.h>
#include "cli/auth_cmds.h"
#include "cli/cli.h"
#include "cli/report.h"

#define VERIFY_MAX_MSGS 32
#define VERIFY_MAX_NOTES 24
#define VERIFY_NOTE_LEN 512
#define VERIFY_MAX_ROUNDS 8

struct verify {
	/* options */
	struct auth_keys keys;
	const char *password;
	const char *ha1;        /* --ha1: a stored H(username:realm:password) */
	const char *file;
	bool json;
	/* input, read and framed as `imsreg decode` does (cli/input.c) */
	struct cli_input in;
	struct cli_source src;
	bool src_open;
	struct cli_msg *msgs;   /* one slot more than the messages: see loose_credentials */
	size_t nmsgs;
	/* messages made around header fields pasted without their start line
	 * (fields_take, loose_credentials), by slot of msgs: their text (kind
	 * MADE_NONE: a message read as it is), what they were made as, the
	 * field that said so and its input line (0: not known) */
	struct made {
		struct buf text;
		enum made_kind { MADE_NONE, MADE_REQUEST, MADE_CHALLENGE, MADE_ANSWER } kind;
		enum sip_hdr_id id;
		unsigned line;
	} made[VERIFY_MAX_MSGS + 1];
	bool loose_used;
	/* every credentials with a response or auts, in message order (the last
	 * VERIFY_MAX_ROUNDS): each is one round of the exchange */
	struct cred_cand {
		int i;
		enum sip_hdr_id id; /* Authorization or Proxy-Authorization */
		struct sip_auth a;
		bool resp;
	} cands[VERIFY_MAX_ROUNDS];
	size_t ncands;
	/* what the earlier rounds concluded */
	struct round_summary {
		int msg;
		int status;
		char first[2][VERIFY_NOTE_LEN]; /* first problem, first cause */
	} rounds[VERIFY_MAX_ROUNDS];
	size_t nrounds;
	/* the SQN_MS of the last verified auts of an earlier round */
	bool has_sqn_ms;
	uint64_t sqn_ms;
	int sqn_ms_msg;
	/* ---- one round: everything from here on is reset by round_start ---- */
	/* the challenge and the credentials chosen */
	int chal_i, cred_i;
	enum sip_hdr_id chal_id, cred_id; /* the header each came in */
	struct sip_auth chal, cred;
	/* AKA */
	bool aka;
	enum digest_algo algo;
	struct ims_aka_nonce nonce;
	bool nonce_ok;
	bool mac_ok;
	uint64_t sqn;
	uint8_t res[AUTH_RES_LEN], ck[AUTH_CK_LEN], ik[AUTH_IK_LEN], ak[AUTH_AK_LEN];
	uint8_t xmac[AUTH_MAC_LEN];
	uint8_t pw[DIGEST_AKA_PASSWORD_MAX];
	int pw_len;
	bool has_rand_result;
	/* digest */
	struct digest_params p;
	bool response_ok;
	/* findings */
	char problems[VERIFY_MAX_NOTES][VERIFY_NOTE_LEN];
	size_t nproblems;
	char causes[VERIFY_MAX_NOTES][VERIFY_NOTE_LEN];
	size_t ncauses;
	char warnings[VERIFY_MAX_NOTES][VERIFY_NOTE_LEN];
	size_t nwarnings;
	const char *undecided; /* why verify cannot decide (exit 2), static text */
};

__attribute__((format(printf, 3, 4)))
static void note_add(char (*list)[VERIFY_NOTE_LEN], size_t *n, const char *fmt, ...)
{
	if (*n >= VERIFY_MAX_NOTES)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(list[*n], VERIFY_NOTE_LEN, fmt, ap);
	va_end(ap);
	if (w >= VERIFY_NOTE_LEN) /* cut: said, not hidden */
		memcpy(list[*n] + VERIFY_NOTE_LEN - 4, "...", 4);
	for (size_t i = 0; i < *n; i++)
		if (strcmp(list[i], list[*n]) == 0)
			return; /* said already */
	(*n)++;
}

#define PROBLEM(v, ...) note_add((v)->problems, &(v)->nproblems, __VA_ARGS__)
#define CAUSE(v, ...) note_add((v)->causes, &(v)->ncauses, __VA_ARGS__)
#define WARN(v, ...) note_add((v)->warnings, &(v)->nwarnings, __VA_ARGS__)

/* ---- input ------------------------------------------------------------- */

static bool loose_credentials(struct verify *v);
static void fields_take(struct verify *v);

/* Wire form first: when the whole input is SIP messages back to back (CRLF
 * line ends, each with its Content-Length; CRLFs between them, as on a
 * stream), they are taken byte for byte, so an auth-int body is hashed as
 * sent. Returns true when it did so. */
static bool input_wire(struct verify *v)
{
	const char *p = v->in.data, *end = v->in.data + v->in.len;
	size_t n = 0;

	for (;;) {
		while (p < end && (*p == '\r' || *p == '\n'))
			p++;
		if (p == end)
			break;
		if (n == VERIFY_MAX_MSGS)
			return false;
		struct sip_parse_error err = { 0 };
		struct cli_msg *m = &v->msgs[n];
		sip_msg_init(&m->msg, m->hdrs, CLI_MAX_HDRS);
		int rc = sip_msg_parse(&m->msg, p, (size_t)(end - p), SIP_PARSE_STREAM, &err);
		if (rc <= 0)
			return false;
		p += rc;
		n++;
	}
	v->nmsgs = n;
	return n > 0;
}

/* Reads FILE (or stdin) and frames its messages: wire form, else pasted
 * text through the paste normaliser (a message that does not parse is
 * reported and skipped), else a bare Authorization line. 0 or < 0 (the
 * reason is on stderr). */
static int input_parse(struct verify *v)
{
	int rc = cli_input_read(&v->in, v->file ? v->file : "-", stderr);
	if (rc < 0)
		return rc;
	v->msgs = imsreg_calloc(VERIFY_MAX_MSGS + 1, sizeof *v->msgs);
	if (!v->msgs)
		return -ENOMEM;
	if (input_wire(v))
		return 0;
	v->nmsgs = 0;

	/* the paste normaliser reports "no SIP start line" itself: keep that
	 * text until it is known that no bare Authorization line stands in */
	char *text = NULL;
	size_t text_len = 0;
	FILE *err = open_memstream(&text, &text_len);
	if (!err)
		return -ENOMEM;
	/* a capture's protected REGISTER in encrypted ESP: opened with the
	 * keys of K and OPc when given */
	rc = cli_source_init_keyed(&v->src, &v->in, CLI_FRAMING_LENIENT,
				   v->keys.has_k && v->keys.has_op ? &v->keys : NULL, err);
	v->src_open = true;
	fclose(err);
	if (rc == -EBADMSG && loose_credentials(v))
		rc = 0;
	else if (rc < 0)
		fputs(text ? text : "", stderr);
	free(text); /* allocated by open_memstream */
	if (rc < 0 || v->loose_used)
		return rc;

	for (;;) {
		struct cli_msg *m = &v->msgs[v->nmsgs];
		m->index = (unsigned)v->nmsgs;
		rc = cli_source_next(&v->src, m, stderr);
		if (rc == 0)
			break;
		if (rc == -ENOMEM)
			return rc;
		if (rc > 0 && sip_msg_is_fields(&m->msg))
			fields_take(v); /* header lines with no message: those of theirs */
		else if (rc > 0)
			v->nmsgs++;
		if (v->nmsgs >= VERIFY_MAX_MSGS) {
			fprintf(stderr, "imsreg verify: %s: only the first %d messages are read\n",
				v->in.name, VERIFY_MAX_MSGS);
			break;
		}
	}
	if (v->nmsgs == 0 && loose_credentials(v))
		return 0;
	if (v->nmsgs == 0) {
		fprintf(stderr, "imsreg verify: %s: no SIP message could be read\n", v->in.name);
		return -EBADMSG;
	}
	return 0;
}

/* Parses the text made in v->made[v->nmsgs] as message v->nmsgs: true
 * when it parses (the message is then counted). */
static bool made_parse(struct verify *v, enum made_kind kind, enum sip_hdr_id id, unsigned line)
{
	struct made *md = &v->made[v->nmsgs];
	struct cli_msg *m = &v->msgs[v->nmsgs];
	struct sip_parse_error err = { 0 };

	if (md->text.err)
		return false;
	memset(&m->src, 0, sizeof *m - offsetof(struct cli_msg, src));
	m->index = (unsigned)v->nmsgs;
	m->packet = SLICE_NULL;
	sip_msg_init(&m->msg, m->hdrs, CLI_MAX_HDRS);
	if (sip_msg_parse(&m->msg, md->text.ptr, md->text.len, SIP_PARSE_LENIENT, &err) < 0)
		return false;
	md->kind = kind;
	md->id = id;
	md->line = line;
	v->nmsgs++;
	return true;
}

/* The uri= of the first Digest credentials of fields [h, end) with one. */
static struct slice cred_uri(const struct sip_hdr *h, const struct sip_hdr *end)
{
	for (; h < end; h++) {
		if (h->id != SIP_HDR_AUTHORIZATION && h->id != SIP_HDR_PROXY_AUTHORIZATION)
			continue;
		struct sip_auth a;
		struct sip_parse_error err = { 0 };
		if (sip_auth_decode(&a, h->value, NULL, &err) == 0 && slice_caseeq_cstr(a.scheme, "Digest") &&
		    a.field[SIP_AUTH_URI].ptr && a.field[SIP_AUTH_URI].len)
			return a.field[SIP_AUTH_URI];
	}
	return SLICE_NULL;
}

/* What a field of a block of fields makes of the message it came from:
 * credentials a request, a challenge a 401/407, Authentication-Info a
 * 2xx; any other field goes with them (MADE_NONE). */
static enum made_kind field_kind(enum sip_hdr_id id)
{
	switch (id) {
	case SIP_HDR_AUTHORIZATION:
	case SIP_HDR_PROXY_AUTHORIZATION:
		return MADE_REQUEST;
	case SIP_HDR_WWW_AUTHENTICATE:
	case SIP_HDR_PROXY_AUTHENTICATE:
		return MADE_CHALLENGE;
	case SIP_HDR_AUTHENTICATION_INFO:
		return MADE_ANSWER;
	default:
		return MADE_NONE;
	}
}

/* Makes the message of the run of fields [h, end) of a block (all of one
 * kind but for the others that go with them; first: the field that gave
 * the kind) into slot v->nmsgs: a request to the credentials' uri= (its
 * method the CSeq's, else REGISTER), "SIP/2.0 401" (407 for
 * Proxy-Authenticate) or "SIP/2.0 200"; the fields as they are but
 * Content-Length, then Content-Length: 0 (no body came with them). */
static void run_make(struct verify *v, const struct cli_msg *block, const struct sip_hdr *h,
		     const struct sip_hdr *end, enum made_kind kind, const struct sip_hdr *first)
{
	struct buf *t = &v->made[v->nmsgs].text;
	unsigned line = 0, col;

	buf_reset(t);
	if (kind == MADE_REQUEST) {
		struct slice uri = cred_uri(h, end), method = SLICE_LIT("REGISTER");
		if (!uri.ptr)
			return; /* no Request-URI to give it */
		for (const struct sip_hdr *c = h; c < end; c++) {
			struct sip_cseq cseq;
			struct sip_parse_error err = { 0 };
			if (c->id == SIP_HDR_CSEQ && sip_cseq_decode(&cseq, c->value, &err) == 0) {
				method = cseq.method;
				break;
			}
		}
		buf_printf(t, "%.*s %.*s SIP/2.0\r\n", SLICE_ARG(method), SLICE_ARG(uri));
	} else if (kind == MADE_CHALLENGE) {
		buf_puts(t, first->id == SIP_HDR_PROXY_AUTHENTICATE
				    ? "SIP/2.0 407 Proxy Authentication Required\r\n"
				    : "SIP/2.0 401 Unauthorized\r\n");
	} else {
		buf_puts(t, "SIP/2.0 200 OK\r\n");
	}
	for (; h < end; h++) {
		if (h->id == SIP_HDR_CONTENT_LENGTH)
			continue;
		buf_printf(t, "%.*s: ", SLICE_ARG(h->name));
		report_unfold(t, h->value);
		buf_puts(t, "\r\n");
	}
	buf_puts(t, "Content-Length: 0\r\n\r\n");
	cli_msg_position_at(block, first->name.ptr, &line, &col);
	made_parse(v, kind, first->id, line);
}

/* A block of header fields pasted without their start line (the
 * WWW-Authenticate and Authorization lines grepped from a log, the
 * Authorization line pasted after the 401): each run of challenge,
 * credentials or Authentication-Info fields (with the other fields among
 * and after them, and those before credentials) is taken as the message
 * it came from, in input order, so that the credentials are judged
 * against their challenge and the rspauth checked. The block is in slot
 * v->nmsgs, which the first run made is parsed into: it is read from a
 * copy. */
static void fields_take(struct verify *v)
{
	/* a copy: the block's slot is the first one the runs are parsed into */
	struct cli_msg *block = imsreg_malloc(sizeof *block);
	if (!block)
		return;
	*block = v->msgs[v->nmsgs];
	block->msg.hdrs = block->hdrs;
	const struct sip_hdr *hs = block->hdrs;
	size_t n = block->msg.nhdrs, from = 0, first = 0, last = 0;
	enum made_kind kind = MADE_NONE;

	for (size_t i = 0; i <= n; i++) {
		enum made_kind k = i < n ? field_kind(hs[i].id) : MADE_NONE;
		if (i < n && (k == MADE_NONE || k == kind || kind == MADE_NONE)) {
			if (k != MADE_NONE) {
				if (kind == MADE_NONE)
					first = i;
				kind = k;
				last = i;
			}
			continue;
		}
		/* field i ends the run: another kind, or the end. The other
		 * fields before credentials are the request's (its CSeq, From,
		 * To), so a request's run starts right after the last field
		 * of the kind before it */
		size_t to = i < n && k == MADE_REQUEST ? last + 1 : i;
		if (kind != MADE_NONE && v->nmsgs < VERIFY_MAX_MSGS)
			run_make(v, block, hs + from, hs + to, kind, hs + first);
		from = to;
		first = last = i;
		kind = k;
	}
	imsreg_free(block);
}

/* The fallback for a bare Authorization line the paste normaliser left
 * out of any message (before the first message of the input, or when no
 * message at all could be read): when no request carries credentials,
 * the first line of the input that starts with "Authorization:" (with its
 * indented continuation lines) is taken as the line of a REGISTER to its
 * uri=, with no body, parsed as one more message. Returns true when it
 * did so. */
static bool loose_credentials(struct verify *v)
{
	const char *s = v->in.data, *end = v->in.data + v->in.len;
	static const char *names[] = { "Authorization:", "Proxy-Authorization:" };
	unsigned line = 1;

	if (!s || v->loose_used || v->nmsgs >= VERIFY_MAX_MSGS + 1)
		return false;
	for (const char *l = s; l < end; line++) {
		const char *eol = memchr(l, '\n', (size_t)(end - l));
		const char *next = eol ? eol + 1 : end;
		for (int k = 0; k < 2; k++) {
			size_t nl = strlen(names[k]);
			if ((size_t)(end - l) < nl || strncasecmp(l, names[k], nl) != 0)
				continue;
			/* the value: this line and the indented ones after it */
			const char *vend = next;
			while (vend < end && (*vend == ' ' || *vend == '\t')) {
				const char *e2 = memchr(vend, '\n', (size_t)(end - vend));
				vend = e2 ? e2 + 1 : end;
			}
			struct slice value = slice_trim(slice_span(l + nl, vend));
			struct sip_auth a;
			struct sip_parse_error err = { 0 };
			if (sip_auth_decode(&a, value, NULL, &err) < 0 || !a.field[SIP_AUTH_URI].ptr)
				return false;
			struct buf *t = &v->made[v->nmsgs].text;
			buf_reset(t);
			buf_printf(t, "REGISTER %.*s SIP/2.0\r\n%s ", SLICE_ARG(a.field[SIP_AUTH_URI]),
				   names[k]);
			report_unfold(t, value);
			buf_puts(t, "\r\nContent-Length: 0\r\n\r\n");
			if (!made_parse(v, MADE_REQUEST,
					k ? SIP_HDR_PROXY_AUTHORIZATION : SIP_HDR_AUTHORIZATION, line))
				return false;
			v->loose_used = true;
			return true;
		}
		l = next;
	}
	return false;
}

/* Visits every Digest challenge or credentials of message m in the headers
 * of the two ids (several per field are tolerated, as decode does). */
typedef void (*auth_visit_cb)(struct verify *v, int i, enum sip_hdr_id id,
			      const struct sip_auth *a);

static void auth_visit(struct verify *v, int i, enum sip_hdr_id id1, enum sip_hdr_id id2,
		       auth_visit_cb cb)
{
	const struct sip_msg *msg = &v->msgs[i].msg;
	enum sip_hdr_id ids[2] = { id1, id2 };
	for (int k = 0; k < 2; k++) {
		for (const struct sip_hdr *h = sip_hdr_first(msg, ids[k]); h; h = sip_hdr_next(msg, h)) {
			struct slice value = h->value;
			for (int guard = 0; value.ptr && guard < 16; guard++) {
				struct sip_auth a;
				struct slice rest;
				struct sip_parse_error err = { 0 };
				if (sip_auth_decode(&a, value, &rest, &err) < 0)
					break;
				if (slice_caseeq_cstr(a.scheme, "Digest"))
					cb(v, i, ids[k], &a);
				value = rest;
			}
		}
	}
}

static bool field_nonempty(const struct sip_auth *a, enum sip_auth_field f)
{
	return a->field[f].ptr && a->field[f].len > 0;
}

static void cred_cb(struct verify *v, int i, enum sip_hdr_id id, const struct sip_auth *a)
{
	bool resp = field_nonempty(a, SIP_AUTH_RESPONSE) || field_nonempty(a, SIP_AUTH_AUTS);
	/* credentials with a response (or auts) are rounds; an empty one (an
	 * initial REGISTER) is kept, alone, only while there is nothing better.
	 * So cands holds either rounds only or one empty credentials. */
	bool only_empty = v->ncands > 0 && !v->cands[0].resp;
	if (!resp && v->ncands > 0 && !only_empty)
		return;
	if (only_empty)
		v->ncands = 0;
	if (v->ncands == VERIFY_MAX_ROUNDS) {
		memmove(v->cands, v->cands + 1, (VERIFY_MAX_ROUNDS - 1) * sizeof v->cands[0]);
		v->ncands--;
	}
	v->cands[v->ncands].i = i;
	v->cands[v->ncands].a = *a;
	v->cands[v->ncands].id = id;
	v->cands[v->ncands].resp = resp;
	v->ncands++;
}

/* The credentials of every round. */
static void creds_collect(struct verify *v)
{
	v->ncands = 0;
	for (size_t i = 0; i < v->nmsgs; i++)
		if (v->msgs[i].msg.is_request)
			auth_visit(v, (int)i, SIP_HDR_AUTHORIZATION, SIP_HDR_PROXY_AUTHORIZATION, cred_cb);
	if (v->ncands == 0 && !v->loose_used && loose_credentials(v))
		auth_visit(v, (int)v->nmsgs - 1, SIP_HDR_AUTHORIZATION, SIP_HDR_PROXY_AUTHORIZATION,
			   cred_cb);
}

static void chal_cb(struct verify *v, int i, enum sip_hdr_id id, const struct sip_auth *a)
{
	/* the challenge whose nonce the credentials answer; else the last one
	 * before the credentials; else the last one */
	bool have_match = v->chal_i >= 0 && v->cred_i >= 0 &&
			  slice_eq(v->chal.field[SIP_AUTH_NONCE], v->cred.field[SIP_AUTH_NONCE]);
	bool match = v->cred_i >= 0 &&
		     slice_eq(a->field[SIP_AUTH_NONCE], v->cred.field[SIP_AUTH_NONCE]);
	if (have_match && !match)
		return;
	if (!match && v->chal_i >= 0 && v->cred_i >= 0 && v->chal_i < v->cred_i && i > v->cred_i)
		return;
	v->chal_i = i;
	v->chal_id = id;
	v->chal = *a;
}

/* The warning that message i was made around fields that came without
 * their start line (fields_take, loose_credentials). */
static void made_warn(struct verify *v, int i)
{
	if (i < 0 || v->made[i].kind == MADE_NONE)
		return;
	const struct made *md = &v->made[i];
	const struct sip_msg *m = &v->msgs[i].msg;
	char at[32] = "";
	if (md->line)
		snprintf(at, sizeof at, " (line %u)", md->line);
	if (md->kind == MADE_REQUEST)
		WARN(v, "the %s field%s stands alone: it is taken as that of a %.*s to its uri=, "
			"without a body", sip_hdr_name(md->id), at, SLICE_ARG(m->method));
	else
		WARN(v, "the %s field%s stands alone: it is taken as that of a %u", sip_hdr_name(md->id),
		     at, (unsigned)m->status);
}

/* Starts round k (or a round without credentials when there are none). */
static void round_start(struct verify *v, size_t k)
{
	size_t from = offsetof(struct verify, chal_i);
	memset((char *)v + from, 0, sizeof *v - from);
	v->chal_i = v->cred_i = -1;
	if (k < v->ncands) {
		v->cred_i = v->cands[k].i;
		v->cred = v->cands[k].a;
		v->cred_id = v->cands[k].id;
	}

	for (size_t i = 0; i < v->nmsgs; i++) {
		const struct sip_msg *m = &v->msgs[i].msg;
		if (!m->is_request && (m->status == 401 || m->status == 407))
			auth_visit(v, (int)i, SIP_HDR_WWW_AUTHENTICATE, SIP_HDR_PROXY_AUTHENTICATE,
				   chal_cb);
	}
	made_warn(v, v->cred_i);
	made_warn(v, v->chal_i);
}

/* ---- report helpers -------------------------------------------------------- */

static void rep_list(struct report *r, const char *key, const char *title,
		     char (*list)[VERIFY_NOTE_LEN], size_t n, enum report_style style)
{
	if (r->format == REPORT_JSON) {
		report_list_begin(r, key, NULL);
		for (size_t i = 0; i < n; i++)
			report_cstr(r, NULL, NULL, list[i], NULL);
		report_list_end(r);
		return;
	}
	if (n == 0)
		return;
	report_line(r, STYLE_TITLE, "%s", title);
	for (size_t i = 0; i < n; i++)
		report_line(r, style, "  - %s", list[i]);
}

static const char *msg_title(const struct sip_msg *m, char *out, size_t cap)
{
	if (m->is_request)
		snprintf(out, cap, "%.*s %.*s", SLICE_ARG(m->method), SLICE_ARG(m->ruri));
	else
		snprintf(out, cap, "%u %.*s", (unsigned)m->status, SLICE_ARG(m->reason));
	return out;
}

/* The Digest values of a challenge or credentials, titled with the header
 * they came in ("challenge (Proxy-Authenticate)"). */
static void rep_auth(struct report *r, const char *key, const char *what, const struct verify *v,
		     enum sip_hdr_id id, int i, const struct sip_auth *a)
{
	char t[160], title[64];
	snprintf(title, sizeof title, "%s (%s)", what, sip_hdr_name(id));
	report_begin(r, key, title);
	report_u64(r, "message", "message", (uint64_t)i + 1,
		   msg_title(&v->msgs[i].msg, t, sizeof t));
	static const enum sip_auth_field shown[] = {
		SIP_AUTH_USERNAME, SIP_AUTH_REALM, SIP_AUTH_NONCE, SIP_AUTH_URI,
		SIP_AUTH_ALGORITHM, SIP_AUTH_QOP, SIP_AUTH_NC, SIP_AUTH_CNONCE,
		SIP_AUTH_RESPONSE, SIP_AUTH_AUTS, SIP_AUTH_OPAQUE,
	};
	for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++) {
		const char *name = sip_auth_field_name(shown[k]);
		report_str(r, name, name, a->field[shown[k]], NULL);
	}
	report_end(r);
}

/* ---- AKA ------------------------------------------------------------------- */

static void aka_nonce_report(struct verify *v, struct report *r, struct slice nonce_text)
{
	char b[96];
	struct ims_aka_nonce *n = &v->nonce;
	int rc = ims_aka_nonce_decode(n, nonce_text);

	report_begin(r, "nonce", "nonce (RFC 3310 §3.2: base64(RAND || AUTN || server data))");
	if (rc < 0) {
		report_cstr(r, "error", "cannot read",
			    rc == -EMSGSIZE ? "shorter than RAND || AUTN (32 octets)" : "not base64",
			    NULL);
		report_end(r);
		PROBLEM(v, "the nonce \"%.*s\" is not an AKA nonce: %s", SLICE_ARG(nonce_text),
			rc == -EMSGSIZE ? "it decodes to fewer than 32 octets (RAND || AUTN)"
					: "it is not base64");
		return;
	}
	v->nonce_ok = true;
	report_hex(r, "rand", "RAND", n->rand, sizeof n->rand, NULL);
	report_hex(r, "autn", "AUTN", n->autn, sizeof n->autn, "SQN^AK || AMF || MAC-A");
	report_hex(r, "sqn_xor_ak", "  SQN^AK", n->sqn_xor_ak, sizeof n->sqn_xor_ak, NULL);
	snprintf(b, sizeof b, "separation bit %d: %s", n->amf_separation_bit,
		 n->amf_separation_bit ? "E-UTRAN/EPS vector (TS 33.102 Annex H)"
				       : "not an EPS vector, as usual for IMS");
	report_hex(r, "amf", "  AMF", n->amf, sizeof n->amf, b);
	report_hex(r, "mac_a", "  MAC-A", n->mac, sizeof n->mac, NULL);
	report_u64(r, "server_data_len", "server data", n->server_data_len, "octets after RAND || AUTN");
	report_end(r);
}

/* RES/CK/IK/AK, SQN and the MAC check from K and OPc (TS 33.102 §6.3.3). */
static int aka_compute(struct verify *v, struct milenage *m)
{
	uint8_t sqn[AUTH_SQN_LEN];
	int rc = milenage_f2345(m, v->nonce.rand, v->res, v->ck, v->ik, v->ak);
	if (rc < 0)
		return rc;
	for (int i = 0; i < AUTH_SQN_LEN; i++)
		sqn[i] = v->nonce.sqn_xor_ak[i] ^ v->ak[i];
	v->sqn = aka_sqn_get(sqn);
	rc = milenage_f1(m, v->nonce.rand, sqn, v->nonce.amf, v->xmac, NULL);
	if (rc < 0)
		return rc;
	v->mac_ok = auth_equal(v->xmac, v->nonce.mac, AUTH_MAC_LEN);
	v->has_rand_result = true;
	return 0;
}

/* Whether AUTN verifies when OP and OPc are swapped (the value given as one
 * being provisioned as the other): a frequent provisioning mistake. */
static bool aka_mac_with_swapped_op(struct verify *v)
{
	struct milenage m = { 0 };
	struct aka_ue_result ue;
	/* given as OPc: taken as OP; given as OP: taken as OPc */
	int rc = v->keys.op_is_opc ? milenage_init_op(&m, v->keys.k, v->keys.op)
				   : milenage_init(&m, v->keys.k, v->keys.op);
	bool ok = rc == 0 &&
		  aka_ue_check(&ue, &m, NULL, v->nonce.rand, v->nonce.autn) == AKA_OK;
	milenage_fini(&m);
	auth_wipe(&ue, sizeof ue);
	return ok;
}

static void sqn_note(char *out, size_t cap, uint64_t sqn)
{
	snprintf(out, cap, "%llu: SEQ %llu, IND %u (TS 33.102 Annex C)", (unsigned long long)sqn,
		 (unsigned long long)(sqn >> AKA_IND_BITS), (unsigned)(sqn & (AKA_IND_COUNT - 1)));
}

static void aka_report(struct verify *v, struct report *r)
{
	char note[160];
	uint8_t sqn[AUTH_SQN_LEN];

	report_begin(r, "aka", "AKA (TS 33.102 §6.3, Milenage TS 35.206), from the K and OPc given");
	if (!v->keys.op_is_opc)
		report_hex(r, "opc", "OPc", v->keys.opc, AUTH_OP_LEN, "computed from OP");
	report_hex(r, "ak", "AK", v->ak, sizeof v->ak, "f5(RAND)");
	aka_sqn_put(sqn, v->sqn);
	sqn_note(note, sizeof note, v->sqn);
	report_hex(r, "sqn", "SQN", sqn, sizeof sqn, note);
	report_hex(r, "xmac_a", "XMAC-A", v->xmac, sizeof v->xmac, "f1(K, SQN, RAND, AMF)");
	report_bool(r, "mac_ok", "AUTN's MAC verifies", v->mac_ok,
		    v->mac_ok ? "K and OPc are the network's"
			      : "K or OPc/OP differ from the network's (or AUTN/RAND were damaged)");
	report_hex(r, "res", "RES", v->res, sizeof v->res, "f2");
	report_hex(r, "ck", "CK", v->ck, sizeof v->ck, "f3");
	report_hex(r, "ik", "IK", v->ik, sizeof v->ik, "f4");
	if (v->mac_ok && v->has_sqn_ms) {
		/* the round before ended in auts: did the network resynchronise? */
		bool fresh = v->sqn >> AKA_IND_BITS > v->sqn_ms >> AKA_IND_BITS;
		char t[200];
		snprintf(t, sizeof t, "SQN %llu after the auts of message %d (SQN_MS %llu)",
			 (unsigned long long)v->sqn, v->sqn_ms_msg, (unsigned long long)v->sqn_ms);
		report_bool(r, "resynchronised", "network resynchronised", fresh, t);
		if (!fresh) {
			PROBLEM(v, "the network did not resynchronise: this challenge's SQN %llu (SEQ "
				   "%llu) is still not above the SQN_MS %llu (SEQ %llu) the UE sent in "
				   "message %d",
				(unsigned long long)v->sqn, (unsigned long long)(v->sqn >> AKA_IND_BITS),
				(unsigned long long)v->sqn_ms,
				(unsigned long long)(v->sqn_ms >> AKA_IND_BITS), v->sqn_ms_msg);
			CAUSE(v, "SQN out of range again: the AUTS was not used to resynchronise (the "
				 "S-CSCF must send RAND and AUTS in its Multimedia-Auth-Request, TS 29.228 "
				 "§6.3.9, and the HSS reset SQN_HE, TS 33.102 §6.3.5): the UE will keep "
				 "answering with auts and the registration loops on 401");
		}
	}
	if (v->keys.has_amf && memcmp(v->keys.amf, v->nonce.amf, AUTH_AMF_LEN) != 0)
		WARN(v, "AUTN carries AMF %02x%02x, not the %02x%02x given with --amf", v->nonce.amf[0],
		     v->nonce.amf[1], v->keys.amf[0], v->keys.amf[1]);
	if (!v->mac_ok) {
		PROBLEM(v, "AUTN's MAC does not verify with the K and OPc given: K or OPc/OP differ "
			   "from the network's (a UE with these keys answers with a MAC failure: an "
			   "empty response and no auts, and the S-CSCF answers 403)");
		if (aka_mac_with_swapped_op(v))
			CAUSE(v, "AUTN verifies when the value given with %s is taken as %s: one side "
				 "provisioned OP where the other expects OPc",
			      v->keys.op_is_opc ? "--opc" : "--op", v->keys.op_is_opc ? "OP" : "OPc");
		else
			CAUSE(v, "K or OPc/OP differ from the network's: AUTN's MAC-A (%02x%02x...) is "
				 "not f1 of the K and OPc given", v->nonce.mac[0], v->nonce.mac[1]);
	}
	report_end(r);
}

/* auts= in the credentials: SQN_MS recovered with f5*, MAC-S checked
 * (TS 33.102 §6.3.5). */
static void auts_report(struct verify *v, struct report *r, struct milenage *m)
{
	struct slice text = v->cred.field[SIP_AUTH_AUTS];
	struct ims_auts a;
	uint8_t auts[AUTH_AUTS_LEN], ak_star[AUTH_AK_LEN], sqn_ms[AUTH_SQN_LEN];
	uint64_t value = 0;
	char note[160];

	if (!text.ptr)
		return;
	report_begin(r, "auts", "auts (resynchronisation, TS 33.102 §6.3.5; RFC 3310 §3.4)");
	if (ims_auts_decode(&a, text) < 0) {
		report_cstr(r, "error", "cannot read", "not base64 of 14 octets", NULL);
		report_end(r);
		PROBLEM(v, "auts=\"%.*s\" is not base64 of 14 octets (SQN_MS^AK* || MAC-S)",
			SLICE_ARG(text));
		return;
	}
	memcpy(auts, a.sqn_ms_xor_ak_star, 6);
	memcpy(auts + 6, a.mac_s, 8);
	report_hex(r, "sqn_ms_xor_ak_star", "SQN_MS^AK*", a.sqn_ms_xor_ak_star, 6, NULL);
	report_hex(r, "mac_s", "MAC-S", a.mac_s, 8, NULL);
	if (!m) {
		report_end(r);
		return;
	}
	int rc = aka_auts_check(m, v->nonce.rand, auts, &value);
	if (milenage_f5star(m, v->nonce.rand, ak_star) == 0)
		report_hex(r, "ak_star", "AK*", ak_star, sizeof ak_star, "f5*(RAND)");
	auth_wipe(ak_star, sizeof ak_star);
	aka_sqn_put(sqn_ms, value);
	sqn_note(note, sizeof note, value);
	report_hex(r, "sqn_ms", "SQN_MS", sqn_ms, sizeof sqn_ms, note);
	report_bool(r, "mac_s_ok", "MAC-S verifies", rc == 0,
		    rc == 0 ? "the UE has the same K and OPc" : "K or OPc differ from the UE's");
	report_end(r);
	if (rc != 0) {
		PROBLEM(v, "auts's MAC-S does not verify: K or OPc/OP differ from the UE's (or the "
			   "auts answers another RAND)");
		CAUSE(v, "the UE's K or OPc/OP differ from the ones given (MAC-S of auts is wrong)");
		return;
	}
	PROBLEM(v, "the UE reports a synchronisation failure (auts): it refused SQN %llu of the "
		   "challenge",
		(unsigned long long)v->sqn);
	v->has_sqn_ms = true;
	v->sqn_ms = value;
	v->sqn_ms_msg = v->cred_i + 1;
	if (v->sqn <= value)
		CAUSE(v, "SQN out of range: the challenge's SQN %llu (SEQ %llu) is not above the UE's "
			 "SQN_MS %llu (SEQ %llu); resync expected: the network sets SQN_HE from "
			 "SQN_MS and challenges again with a fresh vector",
		      (unsigned long long)v->sqn, (unsigned long long)(v->sqn >> AKA_IND_BITS),
		      (unsigned long long)value, (unsigned long long)(value >> AKA_IND_BITS));
	else
		CAUSE(v, "SQN out of range: the challenge's SQN %llu is above the UE's SQN_MS %llu "
			 "but not accepted (too far ahead for its delta, or already used in its IND "
			 "column); resync expected from SQN_MS",
		      (unsigned long long)v->sqn, (unsigned long long)value);
}

/* ---- digest and the diagnosis ------------------------------------------------ */

static struct slice field(const struct sip_auth *a, enum sip_auth_field f)
{
	return a->field[f];
}

static bool verifies(const struct verify *v, const struct digest_params *p)
{
	return digest_verify(p, field(&v->cred, SIP_AUTH_RESPONSE)) == 0;
}

/* The user@host of an address header's URI (for username and realm
 * candidates), into out. */
static struct slice addr_of(const struct sip_msg *msg, enum sip_hdr_id id, struct sip_uri *uri_out,
			    struct slice *uri_text)
{
	const struct sip_hdr *h = sip_hdr_first(msg, id);
	struct sip_addr a;
	struct sip_parse_error err = { 0 };
	*uri_text = SLICE_NULL;
	memset(uri_out, 0, sizeof *uri_out);
	if (!h || sip_addr_decode(&a, h->value, 0, &err) < 0)
		return SLICE_NULL;
	*uri_out = a.uri;
	*uri_text = a.uri_text;
	return a.uri.host;
}

/* The values tried for one field, at most CAND_MAX. */
#define CAND_MAX 12
struct cand {
	struct slice s;
	const char *what;
};

static size_t cand_add(struct cand *c, size_t n, size_t cap, struct slice s, const char *what,
		       struct slice sent)
{
	if (!s.ptr || n >= cap || slice_eq(s, sent))
		return n;
	for (size_t i = 0; i < n; i++)
		if (slice_eq(c[i].s, s))
			return n;
	c[n].s = s;
	c[n].what = what;
	return n + 1;
}

/* Tries the known mistakes one at a time on a copy of the parameters the
 * credentials claim, and records each that reproduces the UE's response. */
static void diagnose(struct verify *v, struct buf *scratch)
{
	const struct sip_msg *req = &v->msgs[v->cred_i].msg;
	const struct digest_params *p = &v->p;
	struct digest_params q;
	struct cand c[CAND_MAX];
	size_t n;
	struct sip_uri from_uri, to_uri, ruri;
	struct slice from_text, to_text;
	struct slice from_host = addr_of(req, SIP_HDR_FROM, &from_uri, &from_text);
	struct slice to_host = addr_of(req, SIP_HDR_TO, &to_uri, &to_text);
	struct sip_parse_error err = { 0 };
	bool have_ruri = req->is_request && sip_uri_decode(&ruri, req->ruri, &err) == 0;
	size_t before = v->ncauses;

	/* realm hashed into HA1 */
	n = 0;
	if (v->chal_i >= 0)
		n = cand_add(c, n, CAND_MAX, field(&v->chal, SIP_AUTH_REALM), "the realm of the challenge",
			     p->realm);
	const char *at = slice_chr(p->username, '@');
	if (at)
		n = cand_add(c, n, CAND_MAX, slice_span(at + 1, p->username.ptr + p->username.len),
			     "the domain of the username", p->realm);
	if (have_ruri)
		n = cand_add(c, n, CAND_MAX, ruri.host, "the host of the Request-URI", p->realm);
	n = cand_add(c, n, CAND_MAX, from_host, "the domain of From", p->realm);
	n = cand_add(c, n, CAND_MAX, to_host, "the domain of To", p->realm);
	for (size_t i = 0; i < n; i++) {
		q = *p;
		q.realm = c[i].s;
		if (verifies(v, &q))
			CAUSE(v, "wrong realm in HA1: the response was computed with realm \"%.*s\" (%s) "
				 "while the Authorization says realm=\"%.*s\"",
			      SLICE_ARG(c[i].s), c[i].what, SLICE_ARG(p->realm));
	}

	/* uri hashed into HA2 */
	n = 0;
	if (req->is_request)
		n = cand_add(c, n, CAND_MAX, req->ruri, "the Request-URI", p->uri);
	n = cand_add(c, n, CAND_MAX, to_text, "the URI of To", p->uri);
	n = cand_add(c, n, CAND_MAX, from_text, "the URI of From", p->uri);
	buf_reset(scratch);
	buf_puts(scratch, "sip:");
	buf_slice(scratch, p->realm);
	struct slice sip_realm = buf_view(scratch);
	n = cand_add(c, n, CAND_MAX, sip_realm, "sip: and the realm", p->uri);
	if (p->uri.ptr && slice_startswith_case(p->uri, "sip:"))
		n = cand_add(c, n, CAND_MAX, slice_make(p->uri.ptr + 4, p->uri.len - 4),
			     "the uri without its scheme", p->uri);
	for (size_t i = 0; i < n; i++) {
		q = *p;
		q.uri = c[i].s;
		if (verifies(v, &q))
			CAUSE(v, "wrong uri in HA2: the response was computed with uri \"%.*s\" (%s) "
				 "while the Authorization says uri=\"%.*s\"; HA2 takes the uri= value "
				 "as sent (RFC 7616 §3.4.6)",
			      SLICE_ARG(c[i].s), c[i].what, SLICE_ARG(p->uri));
	}

	/* username: the IMPI, not an IMPU or a part of it */
	n = 0;
	if (at)
		n = cand_add(c, n, CAND_MAX, slice_span(p->username.ptr, at), "the user part of the IMPI",
			     p->username);
	char fbuf[256], tbuf[256];
	if (from_uri.user.ptr && from_uri.host.ptr) {
		snprintf(fbuf, sizeof fbuf, "%.*s@%.*s", SLICE_ARG(from_uri.user),
			 SLICE_ARG(from_uri.host));
		n = cand_add(c, n, CAND_MAX, slice_cstr(fbuf), "the public identity (IMPU) of From",
			     p->username);
	}
	if (to_uri.user.ptr && to_uri.host.ptr) {
		snprintf(tbuf, sizeof tbuf, "%.*s@%.*s", SLICE_ARG(to_uri.user), SLICE_ARG(to_uri.host));
		n = cand_add(c, n, CAND_MAX, slice_cstr(tbuf), "the public identity (IMPU) of To",
			     p->username);
	}
	n = cand_add(c, n, CAND_MAX, from_text, "the From URI", p->username);
	n = cand_add(c, n, CAND_MAX, to_text, "the To URI", p->username);
	for (size_t i = 0; i < n; i++) {
		q = *p;
		q.username = c[i].s;
		if (verifies(v, &q))
			CAUSE(v, "username not the IMPI: HA1 was computed with \"%.*s\" (%s) while the "
				 "Authorization says username=\"%.*s\"",
			      SLICE_ARG(c[i].s), c[i].what, SLICE_ARG(p->username));
	}

	/* qop: the RFC 2069 form, or the other qop */
	static const enum digest_qop qops[] = { DIGEST_QOP_NONE, DIGEST_QOP_AUTH,
						DIGEST_QOP_AUTH_INT };
	for (size_t i = 0; i < 3; i++) {
		if (qops[i] == p->qop)
			continue;
		q = *p;
		q.qop = qops[i];
		if (q.qop != DIGEST_QOP_NONE && !q.nc.ptr)
			q.nc = slice_cstr("00000001");
		if (q.qop != DIGEST_QOP_NONE && !q.cnonce.ptr)
			continue;
		if (verifies(v, &q)) {
			if (qops[i] == DIGEST_QOP_NONE)
				CAUSE(v, "qop not as sent: the response was computed without qop, nc and "
					 "cnonce (the RFC 2069 form H(HA1:nonce:HA2)) while the "
					 "Authorization says qop=%s",
				      digest_qop_name(p->qop));
			else
				CAUSE(v, "qop not as sent: the response was computed with qop=%s while "
					 "the Authorization says %s%s",
				      digest_qop_name(qops[i]),
				      p->qop == DIGEST_QOP_NONE ? "no qop" : "qop=",
				      digest_qop_name(p->qop));
		}
	}

	/* nc as hashed: 1, one off, or another case of the same digits */
	if (p->qop != DIGEST_QOP_NONE && v->cred.has_nc) {
		char ncs[4][12];
		uint32_t nc = v->cred.nc;
		snprintf(ncs[0], sizeof ncs[0], "%08x", 1u);
		snprintf(ncs[1], sizeof ncs[1], "%08x", nc - 1);
		snprintf(ncs[2], sizeof ncs[2], "%08x", nc + 1);
		snprintf(ncs[3], sizeof ncs[3], "%08X", nc);
		for (int i = 0; i < 4; i++) {
			if (slice_eq(slice_cstr(ncs[i]), p->nc))
				continue;
			q = *p;
			q.nc = slice_cstr(ncs[i]);
			if (verifies(v, &q))
				CAUSE(v, "nc not as sent: the response was computed with nc=%s while the "
					 "Authorization says nc=%.*s",
				      ncs[i], SLICE_ARG(p->nc));
		}
	}

	/* cnonce as hashed: empty, or the nonce */
	if (p->qop != DIGEST_QOP_NONE) {
		struct slice cn[2] = { slice_make("", 0), p->nonce };
		for (int i = 0; i < 2; i++) {
			if (slice_eq(cn[i], p->cnonce))
				continue;
			q = *p;
			q.cnonce = cn[i];
			if (verifies(v, &q))
				CAUSE(v, "cnonce not as sent: the response was computed with cnonce=\"%.*s\" "
					 "while the Authorization says cnonce=\"%.*s\"",
				      SLICE_ARG(cn[i]), SLICE_ARG(p->cnonce));
		}
	}

	/* nonce: the challenge's when the credentials carry another */
	if (v->chal_i >= 0 && !slice_eq(field(&v->chal, SIP_AUTH_NONCE), p->nonce)) {
		q = *p;
		q.nonce = field(&v->chal, SIP_AUTH_NONCE);
		if (verifies(v, &q))
			CAUSE(v, "nonce not as sent: the response was computed with the challenge's "
				 "nonce, not the one in the Authorization");
	}

	/* method */
	static const char *methods[] = { "REGISTER", "", "register" };
	for (int i = 0; i < 3; i++) {
		if (slice_eq(slice_cstr(methods[i]), p->method))
			continue;
		q = *p;
		q.method = slice_cstr(methods[i]);
		if (verifies(v, &q))
			CAUSE(v, "wrong method in HA2: the response was computed with method \"%s\" "
				 "while the request is %.*s",
			      methods[i], SLICE_ARG(p->method));
	}

	/* auth-int: the body hashed */
	if (p->qop == DIGEST_QOP_AUTH_INT && p->body.len > 0) {
		q = *p;
		q.body = slice_make("", 0);
		if (verifies(v, &q))
			CAUSE(v, "qop=auth-int computed over an empty body while the request carries %zu "
				 "octets of body",
			      p->body.len);
	}

	if (!v->aka || !v->has_rand_result)
		goto out;

	/* AKA passwords: RES as hex text, the other AKA version, empty */
	char hex[2 * AUTH_RES_LEN + 1];
	hex_encode(hex, v->res, sizeof v->res);
	q = *p;
	q.password = slice_make(hex, 2 * AUTH_RES_LEN);
	if (verifies(v, &q))
		CAUSE(v, "RES taken as hex text: the password hashed was the 16 characters \"%s\" "
			 "instead of RES's 8 raw octets (RFC 3310 §3.3)", hex);
	for (int i = 0; hex[i]; i++)
		if (hex[i] >= 'a' && hex[i] <= 'f')
			hex[i] = (char)(hex[i] - 'a' + 'A');
	if (verifies(v, &q))
		CAUSE(v, "RES taken as hex text: the password hashed was the 16 characters \"%s\" "
			 "(upper case) instead of RES's 8 raw octets (RFC 3310 §3.3)", hex);
	auth_wipe(hex, sizeof hex);

	enum digest_algo other = v->algo == DIGEST_AKAV1_MD5 ? DIGEST_AKAV2_MD5 : DIGEST_AKAV1_MD5;
	uint8_t pw2[DIGEST_AKA_PASSWORD_MAX];
	int len2 = digest_aka_password(pw2, other, v->res, sizeof v->res, v->ik, v->ck);
	if (len2 >= 0) {
		q = *p;
		q.password = slice_make((const char *)pw2, (size_t)len2);
		if (verifies(v, &q))
			CAUSE(v, "AKAv1 vs AKAv2: the response was computed as %s (password %s) while "
				 "the algorithm is %s",
			      digest_algo_name(other),
			      other == DIGEST_AKAV2_MD5 ? "derived from RES, IK and CK, RFC 4169 §3"
							: "RES as raw octets, RFC 3310 §3.3",
			      digest_algo_name(v->algo));
	}
	auth_wipe(pw2, sizeof pw2);

	q = *p;
	q.password = slice_make("", 0);
	if (verifies(v, &q)) {
		if (field(&v->cred, SIP_AUTH_AUTS).ptr)
			CAUSE(v, "the response was computed with an empty password, as RFC 3310 §3.4 "
				 "asks with auts: the UE did not accept the challenge");
		else
			CAUSE(v, "the response was computed with an empty password and no auts: the UE "
				 "found AUTN's MAC wrong, so the UE's K or OPc/OP differ from the "
				 "network's (TS 33.203 §6.1.2: the S-CSCF answers 403)");
	}
out:
	if (v->ncauses == before) {
		if (v->aka && v->has_rand_result && v->mac_ok)
			CAUSE(v, "no known mistake reproduces the UE's response: the UE's RES differs from "
				 "the RES of the K and OPc given (which the network shares, since AUTN "
				 "verifies): the UE's K or OPc/OP differ from the network's");
		else if (v->aka && v->has_rand_result) {
			/* the MAC failure is the cause already given */
		} else if (v->aka)
			CAUSE(v, "no known mistake reproduces the UE's response");
		else
			CAUSE(v, "no known mistake reproduces the UE's response: the password differs "
				 "from the one given%s (or the values hashed are not in the messages)",
			      v->p.ha1.ptr ? " (the HA1 stored for this user and realm)" : "");
	}
}

/* What the credentials show on their own, keys or not: the username is
 * the IMPI, and (without a 401 to compare with) the realm is its domain. */
static void credentials_notes(struct verify *v)
{
	const struct sip_auth *cr = &v->cred;
	struct slice u = field(cr, SIP_AUTH_USERNAME), realm = field(cr, SIP_AUTH_REALM);

	if (v->cred_i < 0)
		return;
	if (u.ptr && (slice_startswith_case(u, "sip:") || slice_startswith_case(u, "tel:") ||
		      slice_startswith_case(u, "sips:"))) {
		PROBLEM(v, "username not the IMPI: username=\"%.*s\" is a public identity (IMPU); the "
			   "S-CSCF looks the subscriber up by the IMPI, user@realm (TS 24.229 "
			   "§5.1.1.2.1, TS 23.003 §13.3)",
			SLICE_ARG(u));
		CAUSE(v, "username not the IMPI: the UE is set up with its public identity where the "
			 "private one belongs (the IMPI of the ISIM, or derived from the IMSI, TS 23.003 "
			 "§13.3)");
		return;
	}
	const char *at = u.ptr ? slice_chr(u, '@') : NULL;
	if (v->chal_i < 0 && at && realm.ptr &&
	    !slice_caseeq(realm, slice_span(at + 1, u.ptr + u.len)))
		WARN(v, "realm=\"%.*s\" is not the domain of the IMPI \"%.*s\"; without the 401 "
			"verify cannot tell which realm the network challenged with (the UE must copy "
			"the challenge's)",
		     SLICE_ARG(realm), SLICE_ARG(u));
}

/* Checks that the credentials answer the challenge as sent. */
static void consistency(struct verify *v)
{
	const struct sip_auth *cr = &v->cred, *ch = &v->chal;

	if (v->chal_i < 0)
		return;
	struct slice a = field(cr, SIP_AUTH_REALM), b = field(ch, SIP_AUTH_REALM);
	if (b.ptr && !slice_eq(a, b)) {
		PROBLEM(v, "wrong realm: the Authorization says realm=\"%.*s\" but the challenge's "
			   "realm is \"%.*s\"",
			SLICE_ARG(a), SLICE_ARG(b));
		CAUSE(v, "wrong realm: the UE took the realm from its own configuration (e.g. the home "
			 "domain of its ISIM) instead of copying the challenge's realm (RFC 7616 §3.4, "
			 "RFC 3261 §22.4)");
	}
	a = field(cr, SIP_AUTH_NONCE);
	b = field(ch, SIP_AUTH_NONCE);
	if (b.ptr && !slice_eq(a, b))
		PROBLEM(v, "the Authorization's nonce is not the challenge's: it answers another 401");
	enum digest_algo x = DIGEST_MD5, y = DIGEST_MD5;
	if (digest_algo_lookup(field(cr, SIP_AUTH_ALGORITHM), &x) == 0 &&
	    digest_algo_lookup(field(ch, SIP_AUTH_ALGORITHM), &y) == 0 && x != y)
		PROBLEM(v, "algorithm %s in the Authorization, %s in the challenge", digest_algo_name(x),
			digest_algo_name(y));
	struct slice offered = field(ch, SIP_AUTH_QOP), qop = field(cr, SIP_AUTH_QOP);
	if (qop.ptr && offered.ptr) {
		bool found = false;
		struct sip_list it;
		struct slice item;
		struct sip_parse_error err = { 0 };
		sip_list_init(&it, offered);
		while (sip_list_next(&it, &item, &err) > 0)
			if (slice_caseeq(item, qop))
				found = true;
		if (!found)
			PROBLEM(v, "qop=%.*s was not offered (the challenge offers qop=\"%.*s\")",
				SLICE_ARG(qop), SLICE_ARG(offered));
	} else if (!qop.ptr && offered.ptr && field_nonempty(cr, SIP_AUTH_RESPONSE)) {
		WARN(v, "the challenge offers qop=\"%.*s\" but the Authorization has no qop (RFC 2069 "
			"form); RFC 7616 §3.4 wants one of the offered qop values",
		     SLICE_ARG(offered));
	}
}

/* Fills v->p from the credentials (and the challenge where they are
 * silent). 0, or -EINVAL with v->undecided set. */
static int params_fill(struct verify *v)
{
	const struct sip_auth *cr = &v->cred;
	const struct sip_msg *req = &v->msgs[v->cred_i].msg;
	struct digest_params *p = &v->p;

	memset(p, 0, sizeof *p);
	p->algo = v->algo;
	if (digest_qop_lookup(field(cr, SIP_AUTH_QOP), &p->qop) < 0) {
		PROBLEM(v, "qop=%.*s is neither auth nor auth-int", SLICE_ARG(field(cr, SIP_AUTH_QOP)));
		v->undecided = "the qop of the Authorization is unknown";
		return -EINVAL;
	}
	p->username = field(cr, SIP_AUTH_USERNAME);
	p->realm = field(cr, SIP_AUTH_REALM);
	p->uri = field(cr, SIP_AUTH_URI);
	p->nonce = field(cr, SIP_AUTH_NONCE);
	p->nc = field(cr, SIP_AUTH_NC);
	p->cnonce = field(cr, SIP_AUTH_CNONCE);
	p->method = req->method;
	p->body = req->body;
	if (p->qop != DIGEST_QOP_NONE && (!p->nc.ptr || !p->cnonce.ptr))
		PROBLEM(v, "qop=%s without %s: the response cannot be computed as RFC 7616 §3.4.1 "
			   "asks",
			digest_qop_name(p->qop), p->nc.ptr ? "cnonce" : "nc");
	return 0;
}

static void digest_report(struct verify *v, struct report *r, struct buf *scratch)
{
	char ha1[DIGEST_HEX_MAX], ha2[DIGEST_HEX_MAX], resp[DIGEST_HEX_MAX];
	struct slice sent = field(&v->cred, SIP_AUTH_RESPONSE);

	report_begin(r, "digest", "Digest (RFC 7616 §3.4.1 as the credentials state it)");
	report_cstr(r, "algorithm", "algorithm", digest_algo_name(v->algo), NULL);
	if (v->aka) {
		if (v->algo == DIGEST_AKAV1_MD5)
			report_hex(r, "password", "password", v->pw, (size_t)v->pw_len,
				   "RES as raw octets, RFC 3310 §3.3");
		else
			report_str(r, "password", "password",
				   slice_make((const char *)v->pw, (size_t)v->pw_len),
				   "base64(HMAC-MD5(RES||IK||CK, \"http-digest-akav2-password\")), RFC 4169 §3");
	}
	int rc1 = digest_ha1(&v->p, ha1);
	int rc2 = digest_ha2(&v->p, ha2);
	int rc3 = digest_response(&v->p, resp);
	if (rc1 < 0 || rc2 < 0 || rc3 < 0) {
		report_cstr(r, "error", "cannot compute", error_name(rc1 < 0 ? rc1 : rc2 < 0 ? rc2 : rc3),
			    NULL);
		report_end(r);
		v->undecided = "the digest could not be computed";
		return;
	}
	report_cstr(r, "ha1", "HA1", ha1, "H(username:realm:password)");
	report_cstr(r, "ha2", "HA2", ha2,
		    v->p.qop == DIGEST_QOP_AUTH_INT ? "H(method:uri:H(body))" : "H(method:uri)");
	report_cstr(r, "expected_response", "expected response", resp,
		    v->p.qop == DIGEST_QOP_NONE ? "H(HA1:nonce:HA2)"
						: "H(HA1:nonce:nc:cnonce:qop:HA2)");
	report_str(r, "ue_response", "UE's response", sent, NULL);
	v->response_ok = sent.len > 0 && verifies(v, &v->p);
	report_bool(r, "match", "match", v->response_ok, NULL);
	auth_wipe(ha1, sizeof ha1);
	if (!v->response_ok && field(&v->cred, SIP_AUTH_AUTS).ptr && sent.len > 0) {
		/* with auts the UE hashes an empty password (RFC 3310 §3.4) */
		struct digest_params q = v->p;
		q.password = slice_make("", 0);
		bool empty_ok = verifies(v, &q);
		report_bool(r, "match_empty_password", "match with an empty password", empty_ok,
			    "what RFC 3310 §3.4 asks along with auts");
		if (empty_ok)
			goto out;
	}
	if (!v->response_ok) {
		/* (with the network's keys, an empty response and no auts
		 * stopped before the digest: cmd_verify) */
		if (sent.len == 0 && v->aka && !v->mac_ok && !field(&v->cred, SIP_AUTH_AUTS).ptr)
			PROBLEM(v, "the UE's response is empty and it sent no auts: it reports that its "
				   "SIM found AUTN's MAC wrong (TS 24.229 §5.1.1.5.3, TS 33.203 §6.1.2); "
				   "with the K and OPc given the MAC fails too, so these are not the "
				   "network's keys, and the SIM may hold them");
		else if (sent.len == 0)
			PROBLEM(v, "the UE's response is empty");
		else
			PROBLEM(v, "the UE's response does not match the expected response");
		diagnose(v, scratch);
	}
out:
	report_end(r);
}

/* The network's rspauth= in the Authentication-Info of a 2xx after the
 * credentials (RFC 2617 §3.2.3, RFC 3310 §3.3): the same digest with an
 * empty method, which the UE checks to authenticate the network. */
static void rspauth_report(struct verify *v, struct report *r)
{
	for (size_t i = (size_t)v->cred_i + 1; i < v->nmsgs; i++) {
		const struct sip_msg *m = &v->msgs[i].msg;
		if (m->is_request)
			break; /* the next request starts another round */
		if (m->status < 200 || m->status > 299)
			continue;
		const struct sip_hdr *h = sip_hdr_first(m, SIP_HDR_AUTHENTICATION_INFO);
		struct sip_auth info;
		struct sip_parse_error err = { 0 };
		if (!h || sip_auth_info_decode(&info, h->value, &err) < 0 ||
		    !info.field[SIP_AUTH_RSPAUTH].ptr)
			continue;
		char want[DIGEST_HEX_MAX];
		struct digest_params q = v->p;
		struct slice got = info.field[SIP_AUTH_RSPAUTH];
		if (info.field[SIP_AUTH_NC].ptr)
			q.nc = info.field[SIP_AUTH_NC];
		if (info.field[SIP_AUTH_CNONCE].ptr)
			q.cnonce = info.field[SIP_AUTH_CNONCE];
		if (info.field[SIP_AUTH_QOP].ptr && digest_qop_lookup(info.field[SIP_AUTH_QOP], &q.qop) < 0)
			q.qop = v->p.qop;
		if (digest_rspauth(&q, want) < 0)
			return;
		bool ok = got.len == strlen(want) && strncasecmp(got.ptr, want, got.len) == 0;
		made_warn(v, (int)i);
		report_begin(r, "rspauth",
			     "Authentication-Info (RFC 2617 §3.2.3: the network proves it knows "
			     "the password)");
		report_u64(r, "message", "message", (uint64_t)i + 1, NULL);
		report_cstr(r, "expected", "expected rspauth", want, "H(HA1:nonce:nc:cnonce:qop:H(:uri))");
		report_str(r, "sent", "network's rspauth", got, NULL);
		report_bool(r, "match", "match", ok, NULL);
		report_end(r);
		if (!ok)
			PROBLEM(v, "the rspauth of the %u's Authentication-Info (message %zu) does not "
				   "verify: the network computed it from another password or other values; "
				   "a UE that checks it rejects the registration",
				(unsigned)m->status, i + 1);
		return;
	}
}

/* ---- the command --------------------------------------------------------------- */

static void usage(FILE *out)
{
	fputs("usage: imsreg verify --k HEX (--opc HEX | --op HEX) [--amf HEX] [--json] [FILE]\n"
	      "       imsreg verify (--password PW | --ha1 HEX) [--json] [FILE]\n"
	      "FILE (or stdin) holds the 401 and the REGISTER answering it, pasted or wire form.\n"
	      "exit: 0 the response verifies, 1 it does not, 2 unreadable or not enough to decide\n",
	      out);
}

static int options_parse(struct verify *v, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		bool matched;
		int rc = auth_keys_option(&v->keys, argc, argv, &i);
		if (rc < 0)
			return rc;
		if (rc > 0)
			continue;
		const char *pw = auth_option_value(argc, argv, &i, "--password", &matched);
		if (matched) {
			if (!pw)
				return -EINVAL;
			v->password = pw;
			continue;
		}
		const char *ha1 = auth_option_value(argc, argv, &i, "--ha1", &matched);
		if (matched) {
			if (!ha1)
				return -EINVAL;
			v->ha1 = ha1;
			continue;
		}
		if (strcmp(argv[i], "--json") == 0) {
			v->json = true;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 1;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "imsreg verify: unknown option %s\n", argv[i]);
			return -EINVAL;
		} else if (v->file) {
			fprintf(stderr, "imsreg verify: one FILE only\n");
			return -EINVAL;
		} else {
			v->file = argv[i];
		}
	}
	if (v->keys.has_k != v->keys.has_op) {
		fprintf(stderr, "imsreg verify: --k goes with --opc or --op\n");
		return -EINVAL;
	}
	return 0;
}

/* Works through the exchange, writing the report; the exit status. */
static int verify_run(struct verify *v, struct report *r, struct buf *scratch)
{
	struct milenage m = { 0 };
	bool have_m = false;
	int status = 2;

	if (v->chal_i >= 0)
		rep_auth(r, "challenge", "challenge", v, v->chal_id, v->chal_i, &v->chal);
	if (v->cred_i >= 0)
		rep_auth(r, "credentials", "credentials", v, v->cred_id, v->cred_i, &v->cred);
	credentials_notes(v);
	if (v->cred_i < 0 && v->chal_i < 0) {
		v->undecided = "no Digest challenge (WWW-Authenticate) and no Digest credentials "
			       "(Authorization) in the input";
		goto out;
	}

	/* the algorithm: the credentials', else the challenge's */
	const struct sip_auth *main_auth = v->cred_i >= 0 ? &v->cred : &v->chal;
	struct slice algo_text = field(main_auth, SIP_AUTH_ALGORITHM);
	if (!algo_text.ptr && v->chal_i >= 0)
		algo_text = field(&v->chal, SIP_AUTH_ALGORITHM);
	if (digest_algo_lookup(algo_text, &v->algo) < 0) {
		PROBLEM(v, "unknown algorithm=%.*s", SLICE_ARG(algo_text));
		v->undecided = "the Digest algorithm is unknown";
		goto out;
	}
	v->aka = v->algo == DIGEST_AKAV1_MD5 || v->algo == DIGEST_AKAV2_MD5;
	report_cstr(r, "algorithm", "algorithm", digest_algo_name(v->algo),
		    v->aka ? (v->algo == DIGEST_AKAV1_MD5 ? "IMS AKA Digest, RFC 3310"
							  : "IMS AKA Digest, RFC 4169")
			   : "HTTP Digest, RFC 7616");

	if (v->aka) {
		struct slice nonce = v->cred_i >= 0 && field_nonempty(&v->cred, SIP_AUTH_NONCE)
					     ? field(&v->cred, SIP_AUTH_NONCE)
					     : field(&v->chal, SIP_AUTH_NONCE);
		if (v->chal_i < 0 && v->cred_i >= 0 && !field_nonempty(&v->cred, SIP_AUTH_NONCE)) {
			v->undecided = "the Authorization has an empty nonce (an initial REGISTER) and "
				       "no 401 is given: nothing to verify";
			goto out;
		}
		aka_nonce_report(v, r, nonce);
		if (!v->nonce_ok) {
			v->undecided = "the nonce is not base64(RAND || AUTN)";
			goto out;
		}
		if (!v->keys.has_k) {
			if (v->cred_i >= 0)
				auts_report(v, r, NULL);
			v->undecided = "K and OPc (or OP) are needed to go further: give --k HEX and "
				       "--opc HEX or --op HEX to recover SQN, check AUTN's MAC and "
				       "compute RES, CK, IK and the expected response";
			goto out;
		}
		int rc = auth_keys_milenage(&v->keys, &m);
		if (rc < 0) {
			fprintf(stderr, "imsreg verify: Milenage: %s\n", error_name(rc));
			goto out;
		}
		have_m = true;
		if ((rc = aka_compute(v, &m)) < 0) {
			fprintf(stderr, "imsreg verify: Milenage: %s\n", error_name(rc));
			goto out;
		}
		aka_report(v, r);
		if (v->cred_i >= 0)
			auts_report(v, r, &m);
		v->pw_len = digest_aka_password(v->pw, v->algo, v->res, sizeof v->res, v->ik, v->ck);
		if (v->pw_len < 0)
			goto out;
	} else if (!v->password && !v->ha1) {
		v->undecided = "this is a plain Digest exchange: give --password PW (or --ha1 HEX) "
			       "to verify it";
		goto out;
	}

	if (v->cred_i < 0) {
		v->undecided = "no Authorization answers the challenge: nothing to verify";
		goto out;
	}
	if (params_fill(v) < 0)
		goto out;
	if (v->aka)
		v->p.password = slice_make((const char *)v->pw, (size_t)v->pw_len);
	else if (v->password)
		v->p.password = slice_cstr(v->password);
	else
		v->p.ha1 = slice_cstr(v->ha1); /* the server's stored HA1 */
	consistency(v);
	if (!field_nonempty(&v->cred, SIP_AUTH_RESPONSE) && !field(&v->cred, SIP_AUTH_AUTS).ptr &&
	    !(v->aka && !v->mac_ok)) {
		/* an empty response: a MAC failure at the UE when the network's MAC is right */
		if (v->aka && v->mac_ok && field(&v->cred, SIP_AUTH_NONCE).len > 0) {
			PROBLEM(v, "the UE answered with an empty response and no auts: it found AUTN's "
				   "MAC wrong (TS 33.203 §6.1.2)");
			CAUSE(v, "the UE's K or OPc/OP differ from the network's (AUTN verifies with "
				 "the K and OPc given, so the UE's keys are not these)");
			status = 1;
			goto out;
		}
		v->undecided = "the Authorization carries no response (an initial REGISTER): nothing "
			       "to verify";
		goto out;
	}
	digest_report(v, r, scratch);
	if (v->undecided)
		goto out;
	if (v->response_ok)
		rspauth_report(v, r);
	status = v->response_ok && v->nproblems == 0 ? 0 : 1;
out:
	if (have_m)
		milenage_fini(&m);
	return status;
}

/* A round's exit status: undecided rounds are 2 unless already refused. */
static int round_status(const struct verify *v, int status)
{
	return status != 1 && v->undecided ? 2 : status;
}

/* Earlier rounds (a 401 loop): one line each, the last round is the report
 * above. */
static void rounds_report(struct verify *v, struct report *r)
{
	if (v->nrounds == 0)
		return;
	if (r->format == REPORT_JSON)
		report_list_begin(r, "earlier_rounds", NULL);
	else
		report_line(r, STYLE_TITLE, "earlier rounds (the report above is the last one):");
	for (size_t k = 0; k < v->nrounds; k++) {
		const struct round_summary *s = &v->rounds[k];
		if (r->format == REPORT_JSON) {
			report_begin(r, NULL, NULL);
			report_u64(r, "message", NULL, (uint64_t)s->msg, NULL);
			report_u64(r, "exit", NULL, (uint64_t)s->status, NULL);
			report_cstr(r, "problem", NULL, s->first[0][0] ? s->first[0] : NULL, NULL);
			report_cstr(r, "cause", NULL, s->first[1][0] ? s->first[1] : NULL, NULL);
			report_end(r);
			continue;
		}
		report_line(r, s->status == 0 ? STYLE_GOOD : STYLE_ERROR,
			    "  - message %d: exit %d%s%s%s%s", s->msg, s->status,
			    s->first[0][0] ? ": " : "", s->first[0], s->first[1][0] ? "; " : "",
			    s->first[1]);
	}
	if (r->format == REPORT_JSON)
		report_list_end(r);
}

int cmd_verify(int argc, char **argv)
{
	struct verify *v = imsreg_calloc(1, sizeof *v);
	struct buf out, scratch;
	struct report r;
	int status = 2;

	if (!v) {
		fprintf(stderr, "imsreg verify: out of memory\n");
		return 2;
	}
	for (size_t i = 0; i <= VERIFY_MAX_MSGS; i++)
		buf_init(&v->made[i].text);
	buf_init(&out);
	buf_init(&scratch);
	int rc = options_parse(v, argc, argv);
	if (rc != 0) {
		if (rc < 0)
			usage(stderr);
		status = rc > 0 ? 0 : 2;
		goto out;
	}
	if (v->password && v->keys.has_k)
		fprintf(stderr, "imsreg verify: --password is ignored for an AKA exchange\n");
	if (input_parse(v) < 0)
		goto out;

	/* the earlier rounds, silently: their verdicts are summed up below */
	creds_collect(v);
	for (size_t k = 0; k + 1 < v->ncands; k++) {
		struct round_summary *s = &v->rounds[v->nrounds++];
		buf_reset(&scratch);
		struct buf discard;
		buf_init(&discard);
		report_init(&r, &discard, REPORT_TEXT, false);
		round_start(v, k);
		s->msg = v->cred_i + 1;
		s->status = round_status(v, verify_run(v, &r, &scratch));
		snprintf(s->first[0], VERIFY_NOTE_LEN, "%s", v->nproblems ? v->problems[0] : "");
		snprintf(s->first[1], VERIFY_NOTE_LEN, "%s",
			 v->ncauses ? v->causes[0] : v->undecided ? v->undecided : "");
		if (discard.ptr)
			auth_wipe(discard.ptr, discard.cap);
		buf_fini(&discard);
	}

	report_init(&r, &out, v->json ? REPORT_JSON : REPORT_TEXT, false);
	report_begin(&r, NULL, NULL);
	report_cstr(&r, "input", "input", v->in.name, NULL);
	report_u64(&r, "messages", "messages read", v->nmsgs, NULL);
	round_start(v, v->ncands ? v->ncands - 1 : 0);
	status = round_status(v, verify_run(v, &r, &scratch));
	const char *verdict = status == 0 ? "the response verifies"
			      : status == 1 && v->response_ok
				      ? "the response computes, but the credentials do not answer the "
					"challenge as they should (see problems)"
			      : status == 1 ? "the response does not verify"
					    : "cannot decide";
	if (r.format == REPORT_TEXT)
		buf_putc(&out, '\n');
	report_cstr(&r, "verdict", "verdict", verdict, NULL);
	report_u64(&r, "exit", "exit", (uint64_t)status, NULL);
	if (status == 2 && v->undecided)
		report_cstr(&r, "needs", "needs", v->undecided, NULL);
	rep_list(&r, "problems", "problems:", v->problems, v->nproblems, STYLE_ERROR);
	rep_list(&r, "causes", "likely cause:", v->causes, v->ncauses, STYLE_WARNING);
	rep_list(&r, "warnings", "warnings:", v->warnings, v->nwarnings, STYLE_WARNING);
	rounds_report(v, &r);
	report_end(&r);
	if (out.err) {
		fprintf(stderr, "imsreg verify: out of memory\n");
		status = 2;
		goto out;
	}
	report_write(&r, stdout, out.ptr, out.len);
	status = cli_output_flush(stdout, stderr, status);
out:
	if (out.ptr)
		auth_wipe(out.ptr, out.cap); /* RES, CK, IK were in it */
	buf_fini(&scratch);
	buf_fini(&out);
	if (v->src_open)
		cli_source_fini(&v->src);
	for (size_t i = 0; i <= VERIFY_MAX_MSGS; i++)
		buf_fini(&v->made[i].text);
	cli_input_fini(&v->in);
	imsreg_free(v->msgs);
	auth_wipe(v, sizeof *v); /* K, OPc, RES, CK, IK, AK, the password */
	imsreg_free(v);
	return status;
}
