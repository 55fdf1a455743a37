/* scalar_test.c: CSeq, numbers, Call-ID, tokens, Warning, Date, User-Agent
 * products, token+params and Retry-After over tables of inputs, verdicts and error
 * offsets, each run from a guard-page copy. Values marked RFC 4475 are
 * copied from ../shared/corpus/rfc4475 (file named beside each). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"

enum kind { CSEQ, U32, CALLID, TOKEN, WARNING, DATE, PRODUCT, TOKPARAMS, RETRY, MIMEV };

struct scalar_case {
	enum kind kind;
	const char *in;
	int rc;
	int at;          /* error offset, -1 when rc >= 0 */
	const char *a;   /* first field: cseq method, call-id local, token, warn agent, product names, tokparams value, retry comment */
	const char *b;   /* second field: call-id host, warn text, tokparams params, retry params */
	long long n;     /* number: seq, u32, warn code, year, retry seconds (+ duration x 2^32),
			  * MIME-Version major x 2^32 + minor */
};

static const struct scalar_case cases[] = {
	/* CSeq */
	{ CSEQ, "1 REGISTER", 0, -1, "REGISTER", NULL, 1 },
	{ CSEQ, "450510774 REGISTER", 0, -1, "REGISTER", NULL, 450510774 },   /* seed ex2 */
	{ CSEQ, "4294967295 OPTIONS", 0, -1, "OPTIONS", NULL, 4294967295LL },
	{ CSEQ, "0009\r\n  INVITE", 0, -1, "INVITE", NULL, 9 },                 /* RFC 4475 wsinv.dat */
	{ CSEQ, "29344 RE%47IST%45R", 0, -1, "RE%47IST%45R", NULL, 29344 },     /* RFC 4475 esc02.dat */
	{ CSEQ, "139122385 !interesting-Method0123456789_*+`.%indeed'~", 0, -1, "!interesting-Method0123456789_*+`.%indeed'~", NULL, 139122385 }, /* intmeth.dat */
	{ CSEQ, "36893488147419103232 REGISTER", -ERANGE, 0, NULL, NULL, 0 }, /* RFC 4475 scalar02.dat */
	{ CSEQ, "9292394834772304023312 OPTIONS", -ERANGE, 0, NULL, NULL, 0 }, /* RFC 4475 scalarlg.dat */
	{ CSEQ, "4294967296 REGISTER", -ERANGE, 0, NULL, NULL, 0 },
	{ CSEQ, "REGISTER", -EBADMSG, 0, NULL, NULL, 0 },
	{ CSEQ, "1", -EBADMSG, 1, NULL, NULL, 0 },
	{ CSEQ, "1REGISTER", -EBADMSG, 1, NULL, NULL, 0 },
	{ CSEQ, "1 ", -EBADMSG, 2, NULL, NULL, 0 },
	{ CSEQ, "1 REGISTER x", -EBADMSG, 11, NULL, NULL, 0 },
	{ CSEQ, "-1 REGISTER", -EBADMSG, 0, NULL, NULL, 0 },
	{ CSEQ, "1 REG/ISTER", -EBADMSG, 5, NULL, NULL, 0 },
	/* numbers */
	{ U32, "0068", 0, -1, NULL, NULL, 68 },                                 /* RFC 4475 wsinv.dat */
	{ U32, "600000", 0, -1, NULL, NULL, 600000 },
	{ U32, "4294967295", 0, -1, NULL, NULL, 4294967295LL },
	{ U32, "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", -ERANGE, 0, NULL, NULL, 0 }, /* scalar02.dat Expires */
	{ U32, "949302838503028349304023988", -ERANGE, 0, NULL, NULL, 0 },     /* scalarlg.dat Retry-After */
	{ U32, "-999", -EBADMSG, 0, NULL, NULL, 0 },                           /* RFC 4475 ncl.dat */
	{ U32, "", -EBADMSG, 0, NULL, NULL, 0 },
	{ U32, "70 70", -EBADMSG, 3, NULL, NULL, 0 },
	{ U32, "7x", -EBADMSG, 1, NULL, NULL, 0 },
	/* MIME-Version (RFC 3261 §20.24): an empty value is none (libosip2
	 * drops the field; the grammar has no empty form) */
	{ MIMEV, "1.0", 0, -1, NULL, NULL, 1LL << 32 },
	{ MIMEV, " 1.0 ", 0, -1, NULL, NULL, 1LL << 32 },
	{ MIMEV, "10.25", 0, -1, NULL, NULL, (10LL << 32) + 25 },
	{ MIMEV, "", -EBADMSG, 0, NULL, NULL, 0 },
	{ MIMEV, "1", -EBADMSG, 1, NULL, NULL, 0 },
	{ MIMEV, "1.", -EBADMSG, 2, NULL, NULL, 0 },
	{ MIMEV, ".0", -EBADMSG, 0, NULL, NULL, 0 },
	{ MIMEV, "1.0a", -EBADMSG, 3, NULL, NULL, 0 },
	{ MIMEV, "1 .0", -EBADMSG, 1, NULL, NULL, 0 },
	{ MIMEV, "4294967296.0", -ERANGE, 0, NULL, NULL, 0 },
	/* Call-ID */
	{ CALLID, "3671736255_186872264@2001:0:0:1::3", 0, -1, "3671736255_186872264", "2001:0:0:1::3", 0 }, /* seed ex2 */
	{ CALLID, "esc01.239409asdfakjkn23onasd0-3234", 0, -1, "esc01.239409asdfakjkn23onasd0-3234", NULL, 0 },
	{ CALLID, "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", 0, -1, "intmeth.word%ZK-!.*_+'", "word`~)(><:\\/\"][?}{", 0 }, /* intmeth.dat */
	{ CALLID, "SSG9559905523997077@hlau_4100", 0, -1, "SSG9559905523997077", "hlau_4100", 0 }, /* RFC 5118 */
	{ CALLID, "", -EBADMSG, 0, NULL, NULL, 0 },
	{ CALLID, "a@", -EBADMSG, 2, NULL, NULL, 0 },
	{ CALLID, "a@b@c", -EBADMSG, 3, NULL, NULL, 0 },
	{ CALLID, "a b", -EBADMSG, 2, NULL, NULL, 0 },
	{ CALLID, "a;b", -EBADMSG, 1, NULL, NULL, 0 },
	/* option tags, methods, privacy values */
	{ TOKEN, "sec-agree", 0, -1, "sec-agree", NULL, 0 },
	{ TOKEN, " path ", 0, -1, "path", NULL, 0 },
	{ TOKEN, "nobodyKnowsThisExtension", 0, -1, "nobodyKnowsThisExtension", NULL, 0 }, /* bext01.dat */
	{ TOKEN, "", -EBADMSG, 0, NULL, NULL, 0 },
	{ TOKEN, "a b", -EBADMSG, 2, NULL, NULL, 0 },
	{ TOKEN, "a;b", -EBADMSG, 1, NULL, NULL, 0 },
	/* Warning */
	{ WARNING, "301 isi.edu \"Incompatible network address type 'E.164'\"", 0, -1, "isi.edu", "Incompatible network address type 'E.164'", 301 },
	{ WARNING, "399 192.0.2.1:5060 \"x\"", 0, -1, "192.0.2.1:5060", "x", 399 },
	{ WARNING, "399 [2001:db8::1]:5060 \"\"", 0, -1, "[2001:db8::1]:5060", "", 399 },
	{ WARNING, "370 pseudo_nym \"a \\\"b\\\"\"", 0, -1, "pseudo_nym", "a \\\"b\\\"", 370 },
	{ WARNING, "1812 overture \"In Progress\"", -EBADMSG, 3, NULL, NULL, 0 },  /* RFC 4475 scalarlg.dat */
	{ WARNING, "30 isi.edu \"x\"", -EBADMSG, 2, NULL, NULL, 0 },
	{ WARNING, "301  isi.edu \"x\"", -EBADMSG, 4, NULL, NULL, 0 },
	{ WARNING, "301 isi.edu x", -EBADMSG, 12, NULL, NULL, 0 },
	{ WARNING, "301 isi.edu \"x", -EBADMSG, 12, NULL, NULL, 0 },
	{ WARNING, "301 isi.edu", -EBADMSG, 11, NULL, NULL, 0 },
	{ WARNING, "301 host_1:5060 \"x\"", -EBADMSG, 8, NULL, NULL, 0 },
	{ WARNING, "301 isi.edu:99999 \"x\"", -ERANGE, 12, NULL, NULL, 0 },
	{ WARNING, "301 isi.edu \"x\" y", -EBADMSG, 16, NULL, NULL, 0 },
	/* Date */
	/* Retry-After (RFC 3261 §20.33): the §20.33 examples, then the forms
	 * around them */
	{ RETRY, "18000;duration=3600", 0, -1, NULL, "duration=3600", 18000 + (3600LL << 32) },
	{ RETRY, "120 (I'm in a meeting)", 0, -1, "I'm in a meeting", NULL, 120 },
	{ RETRY, "30", 0, -1, NULL, NULL, 30 },
	{ RETRY, " 30 (x (nested) \\) y) ; duration = 60 ; x", 0, -1, "x (nested) \\) y", " duration = 60 ; x", 30 + (60LL << 32) },
	{ RETRY, "30;foo=\"bar\"", 0, -1, NULL, "foo=\"bar\"", 30 },
	{ RETRY, "949302838503028349304023988", 0, -1, NULL, NULL, 4294967295LL }, /* RFC 4475 scalarlg.dat */
	{ RETRY, "", -EBADMSG, 0, NULL, NULL, 0 },
	{ RETRY, "x", -EBADMSG, 0, NULL, NULL, 0 },
	{ RETRY, "30 x", -EBADMSG, 3, NULL, NULL, 0 },
	{ RETRY, "30 (open", -EBADMSG, 3, NULL, NULL, 0 },
	{ RETRY, "30;duration=x", -EBADMSG, 12, NULL, NULL, 0 },
	{ RETRY, "30;duration=\"60\"", -EBADMSG, 3, NULL, NULL, 0 },
	{ RETRY, "30;duration", -EBADMSG, 3, NULL, NULL, 0 },
	{ RETRY, "30;;", -EBADMSG, 3, NULL, NULL, 0 },
	{ DATE, "Sat, 13 Nov 2010 23:29:00 GMT", 0, -1, NULL, NULL, 2010 },
	{ DATE, "Thu, 29 Feb 2024 00:00:60 GMT", 0, -1, NULL, NULL, 2024 },
	{ DATE, "Fri, 01 Jan 2010 16:00:00 EST", -EBADMSG, 26, NULL, NULL, 0 },    /* RFC 4475 baddate.dat */
	{ DATE, "Fri 01 Jan 2010 16:00:00 GMT", -EBADMSG, 3, NULL, NULL, 0 },
	{ DATE, "Fry, 01 Jan 2010 16:00:00 GMT", -EBADMSG, 0, NULL, NULL, 0 },
	{ DATE, "Fri, 1 Jan 2010 16:00:00 GMT", -EBADMSG, 6, NULL, NULL, 0 },
	{ DATE, "Fri, 01 Jun 10 16:00:00 GMT", -EBADMSG, 14, NULL, NULL, 0 },
	{ DATE, "Fri, 01 Jxn 2010 16:00:00 GMT", -EBADMSG, 8, NULL, NULL, 0 },
	{ DATE, "Fri, 30 Feb 2010 16:00:00 GMT", -EBADMSG, 5, NULL, NULL, 0 },
	{ DATE, "Thu, 29 Feb 2023 00:00:00 GMT", -EBADMSG, 5, NULL, NULL, 0 },
	{ DATE, "Fri, 01 Jan 2010 24:00:00 GMT", -EBADMSG, 17, NULL, NULL, 0 },
	{ DATE, "Fri, 01 Jan 2010 16:00 GMT", -EBADMSG, 22, NULL, NULL, 0 },
	{ DATE, "Fri, 01 Jan 2010 16:00:00 GMT+1", -EBADMSG, 29, NULL, NULL, 0 },
	{ DATE, "Fri, 01 Jan 2010 16:00:00", -EBADMSG, 25, NULL, NULL, 0 },
	/* User-Agent / Server: a = names joined by '|', "()" for a comment */
	{ PRODUCT, "Acme-IMS-UE/2.1.0 (LTE; Android 13)", 0, -1, "Acme-IMS-UE/2.1.0|(LTE; Android 13)", NULL, 2 },
	{ PRODUCT, "HomeServer2", 0, -1, "HomeServer2", NULL, 1 },
	{ PRODUCT, "Softphone / Beta1.5 (a (nested \\) comment) x) Other", 0, -1, "Softphone/Beta1.5|(a (nested \\) comment) x)|Other", NULL, 3 },
	{ PRODUCT, "A/1(c)B", 0, -1, "A/1|(c)|B", NULL, 3 },
	/* ../shared/corpus/captures/text/sipandlove/a.txt: PJSIP's default string is
	 * not RFC 3261 server-val syntax (product-version is one token) */
	{ PRODUCT, "PJSUA v2.5.5 Linux-4.8.0.27/x86_64/glibc-2.24", -EBADMSG, 34, NULL, NULL, 0 },
	{ PRODUCT, "A/1 (open", -EBADMSG, 4, NULL, NULL, 0 },
	{ PRODUCT, "A/", -EBADMSG, 2, NULL, NULL, 0 },
	{ PRODUCT, "A/1;x", -EBADMSG, 3, NULL, NULL, 0 },
	{ PRODUCT, "A \"q\"", -EBADMSG, 2, NULL, NULL, 0 },
	/* token or quoted-string with params */
	{ TOKPARAMS, "3GPP-E-UTRAN-FDD; utran-cell-id-3gpp=0010100010000000", 0, -1, "3GPP-E-UTRAN-FDD", " utran-cell-id-3gpp=0010100010000000", 0 }, /* seed ex2 */
	{ TOKPARAMS, "3GPP-NR-FDD;nrcgi=00101000000001234;network-provided", 0, -1, "3GPP-NR-FDD", "nrcgi=00101000000001234;network-provided", 0 },
	{ TOKPARAMS, "\"Visited Network Number 1\";x=1", 0, -1, "Visited Network Number 1", "x=1", 0 },
	{ TOKPARAMS, "application/sdp", 0, -1, "application/sdp", NULL, 0 },
	{ TOKPARAMS, "multipart/mixed;boundary=7a9cbec02ceef655", 0, -1, "multipart/mixed", "boundary=7a9cbec02ceef655", 0 },
	{ TOKPARAMS, "reg", 0, -1, "reg", NULL, 0 },
	{ TOKPARAMS, "", -EBADMSG, 0, NULL, NULL, 0 },
	{ TOKPARAMS, "a b", -EBADMSG, 2, NULL, NULL, 0 },
	{ TOKPARAMS, "a;", -EBADMSG, 2, NULL, NULL, 0 },
	{ TOKPARAMS, "\"open", -EBADMSG, 0, NULL, NULL, 0 },
	{ TOKPARAMS, "a/", -EBADMSG, 2, NULL, NULL, 0 },
};

static void products_join(char *out, size_t cap, struct sip_product_it *it, int *count, int *rc,
			  struct sip_parse_error *err)
{
	struct sip_product p;
	size_t n = 0;
	*count = 0;
	out[0] = '\0';
	while ((*rc = sip_product_next(it, &p, err)) > 0) {
		if (*count)
			n += (size_t)snprintf(out + n, cap - n, "|");
		if (p.name.ptr)
			n += (size_t)snprintf(out + n, cap - n, "%.*s%s%.*s", SLICE_ARG(p.name),
					      p.version.ptr ? "/" : "", SLICE_ARG(p.version));
		else
			n += (size_t)snprintf(out + n, cap - n, "(%.*s)", SLICE_ARG(p.comment));
		(*count)++;
	}
}

static void run_case(struct slice in, const void *row)
{
	const struct scalar_case *c = row;
	struct slice s = in;
	struct sip_parse_error err = { 0 };
	int rc = 0;
	long long n = 0;
	struct slice a = SLICE_NULL, b = SLICE_NULL;
	char joined[256];
	bool check_a = c->a != NULL;

	switch (c->kind) {
	case CSEQ: {
		struct sip_cseq cs;
		rc = sip_cseq_decode(&cs, s, &err);
		n = cs.seq;
		a = cs.method;
		if (rc == 0)
			CHECK_INT_EQ(cs.method_id, strcmp(c->a, "REGISTER") == 0 ? SIP_METHOD_REGISTER
						   : strcmp(c->a, "INVITE") == 0  ? SIP_METHOD_INVITE
						   : strcmp(c->a, "OPTIONS") == 0 ? SIP_METHOD_OPTIONS
										  : SIP_METHOD_OTHER);
		break;
	}
	case U32: {
		uint32_t v = 0;
		rc = sip_u32_decode(&v, s, &err);
		n = v;
		break;
	}
	case CALLID: {
		struct sip_call_id cid;
		rc = sip_call_id_decode(&cid, s, &err);
		a = cid.local;
		b = cid.host;
		break;
	}
	case TOKEN:
		rc = sip_token_decode(&a, s, &err);
		break;
	case WARNING: {
		struct sip_warning w;
		rc = sip_warning_decode(&w, s, &err);
		n = w.code;
		a = w.agent;
		b = w.text;
		break;
	}
	case DATE: {
		struct sip_date d;
		rc = sip_date_decode(&d, s, &err);
		n = d.year;
		break;
	}
	case PRODUCT: {
		struct sip_product_it it;
		int count;
		sip_product_it_init(&it, s);
		products_join(joined, sizeof(joined), &it, &count, &rc, &err);
		n = count;
		a = slice_cstr(joined);
		break;
	}
	case TOKPARAMS: {
		struct sip_tokparams tp;
		rc = sip_tokparams_decode(&tp, s, &err);
		a = tp.value;
		b = tp.params;
		break;
	}
	case MIMEV: {
		uint32_t major = 0, minor = 0;
		rc = sip_mime_version_decode(&major, &minor, s, &err);
		n = ((long long)major << 32) + minor;
		break;
	}
	case RETRY: {
		struct sip_retry_after ra;
		rc = sip_retry_after_decode(&ra, s, &err);
		n = ra.seconds + (ra.has_duration ? (long long)ra.duration << 32 : 0);
		a = ra.comment;
		b = ra.params;
		break;
	}
	}
	if (!CHECK_DECODE(rc, &err, in, c->rc, c->at))
		return;
	if (c->kind != TOKEN && c->kind != CALLID && c->kind != TOKPARAMS)
		CHECK_INT_EQ(n, c->n);
	if (check_a)
		CHECK_SLICE_EQ(a, c->a);
	if (c->kind == CALLID || c->kind == WARNING || c->kind == TOKPARAMS || c->kind == RETRY)
		CHECK_SLICE_EQ(b, c->b);
}

static void test_scalar_table(void)
{
	CHECK_TABLE_GUARDED(cases, run_case);
}

static void test_date_fields(void)
{
	struct sip_date d;
	struct sip_parse_error err;
	CHECK_INT_EQ(sip_date_decode(&d, SLICE_LIT("Sat, 13 Nov 2010 23:29:00 GMT"), &err), 0);
	CHECK_INT_EQ(d.weekday, 6);
	CHECK_INT_EQ(d.day, 13);
	CHECK_INT_EQ(d.month, 11);
	CHECK_INT_EQ(d.hour, 23);
	CHECK_INT_EQ(d.minute, 29);
	CHECK_INT_EQ(d.second, 0);
	CHECK_INT_EQ(sip_date_decode(&d, SLICE_LIT("Fri, 01 Jan 2010 16:00:00 EST"), &err), -EBADMSG);
	CHECK(strstr(err.reason, "GMT") != NULL);
}

static void test_product_comment_is_not_a_name(void)
{
	struct sip_product_it it;
	struct sip_product p;
	struct sip_parse_error err;
	sip_product_it_init(&it, SLICE_LIT("(only a comment)"));
	CHECK_INT_EQ(sip_product_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.name, NULL);
	CHECK_SLICE_EQ(p.version, NULL);
	CHECK_SLICE_EQ(p.comment, "only a comment");
	CHECK_INT_EQ(sip_product_next(&it, &p, &err), 0);
}

/* Every scalar decoder on s (the product iterator run to its end): their
 * return codes in rc[] and errors in err[], in the order of names[]. */
static const char *const names[] = { "cseq", "u32", "call-id", "token", "warning", "date",
				     "tokparams", "retry-after", "product" };
#define NDECODERS (sizeof names / sizeof names[0])

static void decode_every(struct slice s, int rc[NDECODERS],
			 struct sip_parse_error err[NDECODERS])
{
	struct sip_cseq cs;
	struct sip_call_id cid;
	struct sip_warning w;
	struct sip_date d;
	struct sip_tokparams tp;
	struct sip_retry_after ra;
	struct sip_product_it it;
	struct sip_product p;
	struct slice t;
	uint32_t u;
	memset(err, 0, NDECODERS * sizeof *err);
	rc[0] = sip_cseq_decode(&cs, s, &err[0]);
	rc[1] = sip_u32_decode(&u, s, &err[1]);
	rc[2] = sip_call_id_decode(&cid, s, &err[2]);
	rc[3] = sip_token_decode(&t, s, &err[3]);
	rc[4] = sip_warning_decode(&w, s, &err[4]);
	rc[5] = sip_date_decode(&d, s, &err[5]);
	rc[6] = sip_tokparams_decode(&tp, s, &err[6]);
	rc[7] = sip_retry_after_decode(&ra, s, &err[7]);
	sip_product_it_init(&it, s);
	while ((rc[8] = sip_product_next(&it, &p, &err[8])) > 0)
		;
}

/* Every prefix of every table input, from a guard page: no read past the
 * end (the guard faults), and an error is -EBADMSG or -ERANGE with err.at
 * inside the prefix. */
static void decode_prefix(struct slice s, const void *row)
{
	int rc[NDECODERS];
	struct sip_parse_error err[NDECODERS];
	(void)row;
	decode_every(s, rc, err);
	for (size_t i = 0; i < NDECODERS; i++)
		check_decode_verdict(rc[i], &err[i], s);
}

static void test_scalar_every_truncation(void)
{
	CHECK_TABLE_EVERY_PREFIX(cases, decode_prefix);
}

static void test_scalar_absent_value_is_einval(void)
{
	int rc[NDECODERS];
	struct sip_parse_error err[NDECODERS];
	decode_every(SLICE_NULL, rc, err);
	/* the decoders say -EINVAL; the product iterator simply has nothing */
	for (size_t i = 0; i < NDECODERS; i++) {
		int want = strcmp(names[i], "product") == 0 ? 0 : -EINVAL;
		if (rc[i] != want)
			fprintf(stderr, "%s of an absent value: rc %d\n", names[i], rc[i]);
		CHECK_INT_EQ(rc[i], want);
	}
}

/* The fast paths at every length, from guard pages: CSeq numbers of 1 .. 11
 * digits and methods of 1 .. 20 bytes (REGISTER among them, and a byte
 * off it), numbers of 1 .. 12 digits, Call-IDs of 1 .. 60 bytes with the
 * '@' at every position, comments of 0 .. 40 bytes, token+params at
 * every length. */
struct pos_case {
	char in[128];
	size_t a, b;
};

static void cseq_pos_each(struct slice s, const void *arg)
{
	const struct pos_case *c = arg;
	struct sip_cseq cs;
	struct sip_parse_error err = { 0 };
	int rc = sip_cseq_decode(&cs, s, &err);
	unsigned long long n = 0;
	for (size_t i = 0; i < c->a; i++)
		n = n * 10 + 9;
	if (n > 4294967295ULL) {
		CHECK_INT_EQ(rc, -ERANGE);
		return;
	}
	CHECK_INT_EQ(rc, 0);
	CHECK_INT_EQ(cs.seq, n);
	CHECK(cs.method.ptr == s.ptr + c->a + 1 && cs.method.len == c->b);
	CHECK_INT_EQ(cs.method_id, sip_method_lookup(cs.method));
}

static void u32_pos_each(struct slice s, const void *arg)
{
	const struct pos_case *c = arg;
	uint32_t u = 0;
	struct sip_parse_error err = { 0 };
	unsigned long long n = 0;
	for (size_t i = 0; i < c->a; i++)
		n = n * 10 + (unsigned)(s.ptr[i] - '0');
	int rc = sip_u32_decode(&u, s, &err);
	CHECK_INT_EQ(rc, n > 4294967295ULL ? -ERANGE : 0);
	if (rc == 0)
		CHECK_INT_EQ(u, n);
}

static void callid_pos_each(struct slice s, const void *arg)
{
	const struct pos_case *c = arg;
	struct sip_call_id cid;
	struct sip_parse_error err = { 0 };
	CHECK_INT_EQ(sip_call_id_decode(&cid, s, &err), 0);
	CHECK_INT_EQ(cid.local.len, c->a);
	if (c->a < s.len)
		CHECK_INT_EQ(cid.host.len, s.len - c->a - 1);
	else
		CHECK(cid.host.ptr == NULL);
}

static void product_pos_each(struct slice s, const void *arg)
{
	const struct pos_case *c = arg;
	struct sip_product_it it;
	struct sip_product p;
	struct sip_parse_error err = { 0 };
	sip_product_it_init(&it, s);
	CHECK_INT_EQ(sip_product_next(&it, &p, &err), 1);
	CHECK_INT_EQ(p.name.len, c->a);
	CHECK_SLICE_EQ(p.version, "2.1.0");
	CHECK_INT_EQ(sip_product_next(&it, &p, &err), 1);
	CHECK_INT_EQ(p.comment.len, c->b);
	CHECK_INT_EQ(sip_product_next(&it, &p, &err), 0);
}

static void tokparams_pos_each(struct slice s, const void *arg)
{
	const struct pos_case *c = arg;
	struct sip_tokparams tp;
	struct sip_parse_error err = { 0 };
	CHECK_INT_EQ(sip_tokparams_decode(&tp, s, &err), 0);
	CHECK_INT_EQ(tp.value.len, c->a);
	CHECK(!tp.quoted);
	CHECK(tp.params.ptr == s.ptr + c->a + 1 && tp.params.ptr + tp.params.len == s.ptr + s.len);
}

static void test_scalar_every_position(void)
{
	static const char *const methods[] = { "REGISTER", "REGISTEr", "REGISTE", "REGISTERS", "INVITE",
					       "M", "NOTIFY", "ABCDEFGHIJKLMNOPQRST" };
	struct pos_case c;
	for (size_t d = 1; d <= 11; d++)
		for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++) {
			memset(c.in, '9', d);
			snprintf(c.in + d, sizeof c.in - d, " %s", methods[m]);
			c.a = d;
			c.b = strlen(methods[m]);
			check_guarded(c.in, strlen(c.in), cseq_pos_each, &c);
		}
	for (size_t d = 1; d <= 12; d++) {
		for (size_t i = 0; i < d; i++)
			c.in[i] = (char)('0' + (i * 7 + d) % 10);
		c.in[d] = '\0';
		c.a = d;
		check_guarded(c.in, d, u32_pos_each, &c);
	}
	for (size_t len = 1; len <= 60; len++)
		for (size_t at = 1; at <= len; at++) {
			if (at == len - 1)
				continue; /* "x@" has no host word */
			for (size_t i = 0; i < len; i++)
				c.in[i] = "a:0/Z.[]"[i % 8];
			if (at < len)
				c.in[at] = '@';
			c.in[len] = '\0';
			c.a = at;
			check_guarded(c.in, len, callid_pos_each, &c);
		}
	for (size_t n = 1; n <= 20; n++)
		for (size_t k = 0; k <= 40; k++) {
			char name[24], comment[48];
			memset(name, 'A', n);
			name[n] = '\0';
			for (size_t i = 0; i < k; i++)
				comment[i] = "LTE; Android 13\t\xc3\xa9"[i % 18];
			comment[k] = '\0';
			snprintf(c.in, sizeof c.in, "%s/2.1.0 (%s)", name, comment);
			c.a = n;
			c.b = k;
			check_guarded(c.in, strlen(c.in), product_pos_each, &c);
		}
	for (size_t n = 1; n <= 40; n++)
		for (size_t v = 1; v <= 24; v += 3) {
			char tok[48], val[32];
			memset(tok, 'T', n);
			tok[n] = '\0';
			memset(val, '9', v);
			val[v] = '\0';
			snprintf(c.in, sizeof c.in, "%s;utran-cell-id-3gpp=%s;network-provided", tok, val);
			c.a = n;
			check_guarded(c.in, strlen(c.in), tokparams_pos_each, &c);
		}
}

/* ---- tokparams: the fast path against the careful steps ---------------- */

#include "decode_internal.h"
#include "hdr_scan.h"

int sip_tokparams__careful(struct sip_tokparams *tp, struct scan *scp, bool list,
			   struct sip_parse_error *err);

static unsigned tp_diff_runs;

static void slice_same(struct slice a, struct slice b)
{
	CHECK(a.ptr == b.ptr);
	CHECK_INT_EQ(a.len, b.len);
}

/* sip_tokparams_decode_at (fast path first) and the careful steps alone
 * give the same verdict, fields, cursor, err->at and reason. */
static void tp_diff_each(struct slice s, const void *arg)
{
	(void)arg;
	for (int list = 0; list <= 1; list++) {
		struct sip_tokparams a, b;
		struct sip_parse_error ea = { 0 }, eb = { 0 };
		struct scan sa = { s.ptr, s.ptr + s.len }, sb = sa;
		memset(&a, 0x5a, sizeof a);
		memset(&b, 0x5a, sizeof b);
		int ra = list ? sip_tokparams_decode_at(&a, &sa, &ea) : sip_tokparams_decode(&a, s, &ea);
		int rb = sip_tokparams__careful(&b, &sb, list, &eb);
		tp_diff_runs++;
		CHECK_INT_EQ(ra, rb);
		CHECK(ea.at == eb.at);
		CHECK(ea.reason == eb.reason);
		if (ra == 0) {
			slice_same(a.value, b.value);
			slice_same(a.params, b.params);
			CHECK_INT_EQ(a.quoted, b.quoted);
			CHECK_INT_EQ(a.media, b.media);
			CHECK_INT_EQ(a.media, !a.quoted && memchr(a.value.ptr, '/', a.value.len) != NULL);
			if (list)
				CHECK(sa.p == sb.p);
		}
	}
}

static void test_tokparams_fast_vs_careful(void)
{
	static const char *const bases[] = {
		"3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01",
		"3GPP-E-UTRAN-FDD;utran-cell-id-3gpp=0010100010019B01;network-provided",
		"application/reginfo+xml",
		"application/sdp;charset=utf-8",
		"reg",
		"a;b;c=d;e",
		"x/y;p=q, z;r",
		"IEEE-802.11;i-wlan-node-id=ffffffffffff",
		"tok;name=value;another-name=another-value-that-is-long,next",
		"\"Visited Network Number 1\"",
		"\"Visited Network Number 1\", \"Home\"",
		"\"a\\\"b\";p=1",
		"\"\"",
	};
	char buf[128];
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		size_t len = strlen(bases[i]);
		/* every prefix of the base, at a guard page */
		for (size_t k = 0; k <= len; k++) {
			char *g = check_guard_copy(bases[i], k);
			tp_diff_each(slice_make(g, k), NULL);
			check_guard_free(g, k);
		}
		/* every byte value at every position */
		for (size_t at = 0; at < len; at++)
			for (unsigned c = 0; c < 256; c++) {
				memcpy(buf, bases[i], len);
				buf[at] = (char)c;
				char *g = check_guard_copy(buf, len);
				tp_diff_each(slice_make(g, len), NULL);
				check_guard_free(g, len);
			}
	}
	/* every length of type, name and value around the sixteen-byte steps */
	for (size_t n = 1; n <= 34; n++)
		for (size_t v = 0; v <= 34; v += 1) {
			char tok[40], val[40];
			memset(tok, 'T', n);
			tok[n] = '\0';
			memset(val, '7', v);
			val[v] = '\0';
			int len = snprintf(buf, sizeof buf, "%s;nm=%s", tok, val);
			char *g = check_guard_copy(buf, (size_t)len);
			tp_diff_each(slice_make(g, (size_t)len), NULL);
			check_guard_free(g, (size_t)len);
			len = snprintf(buf, sizeof buf, "%s/%s", tok, val);
			g = check_guard_copy(buf, (size_t)len);
			tp_diff_each(slice_make(g, (size_t)len), NULL);
			check_guard_free(g, (size_t)len);
		}
	CHECK(tp_diff_runs > 100000);
}

/* ---- CSeq: "N REGISTER" in one compare against the general steps ------- */

/* value and " " + value (which only the general steps read: a leading SP)
 * at every byte value at every position: the same verdict, reason, error
 * position (one byte on) and fields. */
static void test_cseq_register_vs_steps(void)
{
	static const char *const bases[] = { "1 REGISTER", "9 REGISTER", "1 INVITE12", "12REGISTER" };
	char one[16], two[16];
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++)
		for (size_t at = 0; at < 10; at++)
			for (unsigned c = 0; c < 256; c++) {
				memcpy(one, bases[i], 10);
				one[at] = (char)c;
				two[0] = ' ';
				memcpy(two + 1, one, 10);
				char *ga = check_guard_copy(one, 10), *gb = check_guard_copy(two, 11);
				struct sip_cseq a, b;
				struct sip_parse_error ea = { 0 }, eb = { 0 };
				int ra = sip_cseq_decode(&a, slice_make(ga, 10), &ea);
				int rb = sip_cseq_decode(&b, slice_make(gb, 11), &eb);
				CHECK_INT_EQ(ra, rb);
				if (ra < 0) {
					CHECK(ea.reason == eb.reason);
					CHECK(ea.at && eb.at && ea.at - ga + 1 == eb.at - gb);
				} else {
					CHECK_INT_EQ(a.seq, b.seq);
					CHECK_INT_EQ(a.method_id, b.method_id);
					CHECK(a.method.ptr - ga + 1 == b.method.ptr - gb && a.method.len == b.method.len);
				}
				check_guard_free(ga, 10);
				check_guard_free(gb, 11);
			}
}

/* ---- Call-ID: the sixteen-byte fast path against the careful steps ------ */

int sip_call_id__careful(struct sip_call_id *cid, struct slice value, struct sip_parse_error *err);

static void callid_diff(const char *in, size_t len)
{
	char *g = check_guard_copy(in, len);
	struct sip_call_id a, b;
	struct sip_parse_error ea = { 0 }, eb = { 0 };
	memset(&a, 0x5a, sizeof a);
	memset(&b, 0x5a, sizeof b);
	int ra = sip_call_id_decode(&a, slice_make(g, len), &ea);
	int rb = sip_call_id__careful(&b, slice_make(g, len), &eb);
	CHECK_INT_EQ(ra, rb);
	CHECK(ea.at == eb.at);
	CHECK(ea.reason == eb.reason);
	if (ra == 0) {
		slice_same(a.local, b.local);
		slice_same(a.host, b.host);
	}
	check_guard_free(g, len);
}

static void test_call_id_fast_vs_careful(void)
{
	static const char *const bases[] = {
		"3868912312@2001:db8:1:0:a1b2:c3d4:e5f6:1",
		"1j9FpLxk3uxtm8tn@10.45.0.2",
		"c3x842276298220188511@10.45.0.2",
		"0123456789abcdef",
		"0123456789abcdef0123456789abcdef",
		"a@b.example.com.long",
		"abcdefghijklmnop@",
		"@abcdefghijklmnop",
		"word(with)<all>:\\\"/[]?{}-x.!%*_+`'~@host",
	};
	char buf[128];
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		size_t len = strlen(bases[i]);
		for (size_t k = 0; k <= len; k++)
			callid_diff(bases[i], k);
		for (size_t at = 0; at < len; at++)
			for (unsigned c = 0; c < 256; c++) {
				memcpy(buf, bases[i], len);
				buf[at] = (char)c;
				callid_diff(buf, len);
			}
	}
	/* two '@', and one at every position, at every length around the steps */
	for (size_t len = 1; len <= 70; len++)
		for (size_t at = 0; at < len; at++) {
			memset(buf, 'w', len);
			buf[at] = '@';
			callid_diff(buf, len);
			buf[len - 1 - at] = '@';
			callid_diff(buf, len);
		}
}

/* ---- User-Agent / Server: the fast steps against the careful ones ------- */

int sip_product__careful(struct sip_product_it *it, struct sip_product *p,
			 struct sip_parse_error *err);

static unsigned product_diff_runs;

/* The iterator (fast steps first) and the careful steps alone, run side by
 * side over the whole value: the same results, fields, cursors and errors
 * at every step. */
static void product_diff(const char *in, size_t len)
{
	char *g = check_guard_copy(in, len);
	struct sip_product_it ia, ib;
	sip_product_it_init(&ia, slice_make(g, len));
	sip_product_it_init(&ib, slice_make(g, len));
	for (int step = 0; step < 64; step++) {
		struct sip_product a, b;
		struct sip_parse_error ea = { 0 }, eb = { 0 };
		memset(&a, 0x5a, sizeof a);
		memset(&b, 0x5a, sizeof b);
		int ra = sip_product_next(&ia, &a, &ea);
		int rb = sip_product__careful(&ib, &b, &eb);
		product_diff_runs++;
		CHECK_INT_EQ(ra, rb);
		CHECK(ea.at == eb.at);
		CHECK(ea.reason == eb.reason);
		if (ra != rb || ra < 0)
			break;
		slice_same(a.name, b.name);
		slice_same(a.version, b.version);
		slice_same(a.comment, b.comment);
		CHECK(ia.p == ib.p);
		if (ra == 0)
			break;
	}
	check_guard_free(g, len);
}

static void test_product_fast_vs_careful(void)
{
	static const char *const bases[] = {
		"Acme-IMS-UE/2.1.0 (LTE; Android 13)",
		"TelScale-SCSCF/1.0",
		"(comment first) Name/1 Other (c) Last",
		"Name Other/2 (x)(y)",
		"A/B(C) D",
		"Name / 1.0 (spaced)",
		"Name  /1 (two spaces)",
		"N/1 (nested (comment) here) M",
		"N/1 (a \\) b) M",
		"N/1\t(tab) M",
		"N/1/2",
		"(unterminated",
		" Lead/1 (x) ",
	};
	char buf[256];
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		size_t len = strlen(bases[i]);
		for (size_t k = 0; k <= len; k++)
			product_diff(bases[i], k);
		for (size_t at = 0; at < len; at++)
			for (unsigned c = 0; c < 256; c++) {
				memcpy(buf, bases[i], len);
				buf[at] = (char)c;
				product_diff(buf, len);
			}
	}
	/* every length of name, version and comment around the sixteen-byte steps */
	for (size_t n = 1; n <= 34; n += 1)
		for (size_t v = 0; v <= 34; v += 3) {
			char name[40], ver[40];
			memset(name, 'N', n);
			name[n] = '\0';
			memset(ver, '7', v);
			ver[v] = '\0';
			int len = snprintf(buf, sizeof buf, "%s/%s (%s) %s", name, ver, ver, name);
			product_diff(buf, (size_t)len);
			len = snprintf(buf, sizeof buf, "%s %s(%s)", name, ver, name);
			product_diff(buf, (size_t)len);
		}
	CHECK(product_diff_runs > 100000);
}

/* Every byte value at every position of a comment longer than two
 * sixteen-byte blocks, against what RFC 3261 §25.1 makes of it: ctext
 * (and HTAB, and a quoted-pair) stays inside, ')' closes it, '(' opens a
 * comment that is not closed, any other control is an error. */
static void test_product_comment_every_byte(void)
{
	char buf[64];
	for (size_t pos = 0; pos < 41; pos++)
		for (unsigned c = 0; c < 256; c++) {
			buf[0] = '(';
			memset(buf + 1, 'x', 41);
			buf[1 + pos] = (char)c;
			buf[42] = ')';
			char *g = check_guard_copy(buf, 43);
			struct sip_product_it it;
			struct sip_product p;
			struct sip_parse_error err = { 0 };
			sip_product_it_init(&it, slice_make(g, 43));
			int rc = sip_product_next(&it, &p, &err);
			if (c == ')') {
				CHECK_INT_EQ(rc, 1);
				CHECK_INT_EQ(p.comment.len, pos);
			} else if (c == '(' || (c < 0x20 && c != '\t') || c == 0x7f ||
				   (c == '\\' && pos == 40)) {
				/* (a '\\' last escapes the ')') */
				CHECK_INT_EQ(rc, -EBADMSG);
			} else {
				CHECK_INT_EQ(rc, 1);
				CHECK_INT_EQ(p.comment.len, 41);
			}
			check_guard_free(g, 43);
		}
}

/* ---- Date: the 29-byte fast path against the steps of record ----------- */

int sip_date__careful(struct sip_date *d, struct slice value, struct sip_parse_error *err);

static void date_diff(const char *in, size_t len)
{
	char *g = check_guard_copy(in, len);
	struct sip_date a, b;
	struct sip_parse_error ea = { 0 }, eb = { 0 };
	memset(&a, 0x5a, sizeof a);
	memset(&b, 0x5a, sizeof b);
	int ra = sip_date_decode(&a, slice_make(g, len), &ea);
	int rb = sip_date__careful(&b, slice_make(g, len), &eb);
	CHECK_INT_EQ(ra, rb);
	CHECK(ea.at == eb.at);
	CHECK(ea.reason == eb.reason);
	if (ra == 0)
		CHECK(memcmp(&a, &b, sizeof a) == 0);
	check_guard_free(g, len);
}

static void test_date_fast_vs_careful(void)
{
	static const char *const bases[] = {
		"Sat, 21 Nov 2026 18:56:00 GMT", "Thu, 29 Feb 2024 23:59:60 GMT",
		"mON, 29 feb 2100 00:00:00 GMT", "Sun, 31 Dec 1999 12:34:56 GMT",
	};
	static const char *const wk[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "SUN", "sAt", "Sum" };
	static const char *const mo[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
					   "Aug", "Sep", "Oct", "Nov", "Dec", "JAN", "dEc", "Jun\x80" };
	char buf[40];
	for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		size_t len = strlen(bases[i]);
		for (size_t k = 0; k <= len; k++)
			date_diff(bases[i], k);
		for (size_t at = 0; at < len; at++)
			for (unsigned c = 0; c < 256; c++) {
				memcpy(buf, bases[i], len);
				buf[at] = (char)c;
				date_diff(buf, len);
			}
	}
	for (size_t w = 0; w < sizeof wk / sizeof wk[0]; w++)
		for (size_t m = 0; m < sizeof mo / sizeof mo[0]; m++)
			for (int day = 0; day <= 32; day++)
				for (int y = 1899; y <= 2101; y += 101) {
					int n = snprintf(buf, sizeof buf, "%.3s, %02d %.3s %04d 24:60:61 GMT", wk[w], day, mo[m], y);
					date_diff(buf, (size_t)n);
					n = snprintf(buf, sizeof buf, "%.3s, %02d %.3s %04d 23:59:60 GMT", wk[w], day, mo[m], y);
					date_diff(buf, (size_t)n);
					n = snprintf(buf, sizeof buf, "%.3s, %02d %.3s %04d 00:00:00 GMT ", wk[w], day, mo[m], y);
					date_diff(buf, (size_t)n);
				}
}

/* sip_tokparams_shape_check: what each shape takes of the values
 * sip_tokparams_decode reads, and the byte an error points at. */
static void test_tokparams_shape_takes_what_the_grammar_names(void)
{
	static const struct {
		const char *in;
		enum sip_tok_shape shape;
		const char *at; /* NULL: taken; else the text at the error */
	} shape_cases[] = {
		{ "reg", SIP_TOK_EVENT_TYPE, NULL },
		{ "presence.winfo;id=1", SIP_TOK_EVENT_TYPE, NULL },
		{ "a.b.c", SIP_TOK_EVENT_TYPE, NULL },
		{ ".reg", SIP_TOK_EVENT_TYPE, ".reg" },
		{ "reg.", SIP_TOK_EVENT_TYPE, "." },
		{ "a..b", SIP_TOK_EVENT_TYPE, "..b" },
		{ "a/b.c;expires=5", SIP_TOK_EVENT_TYPE, "/b" },
		{ "\"reg\"", SIP_TOK_EVENT_TYPE, "\"reg" },
		{ "a.b", SIP_TOK_TOKEN, NULL },
		{ "a / b", SIP_TOK_TOKEN, "/ b" },
		{ "\"\"", SIP_TOK_TOKEN, "\"\"" },
		{ "\"x y\";p", SIP_TOK_TOKEN_QUOTED, NULL },
		{ "x/y", SIP_TOK_TOKEN_QUOTED, "/y" },
		{ "1800;refresher=uac", SIP_TOK_DELTA_SECONDS, NULL },
		{ "0", SIP_TOK_DELTA_SECONDS, NULL },
		{ "18.5", SIP_TOK_DELTA_SECONDS, ".5" },
		{ "1/2", SIP_TOK_DELTA_SECONDS, "/2" },
		{ "\"90\"", SIP_TOK_DELTA_SECONDS, "\"90" },
	};
	for (size_t i = 0; i < sizeof shape_cases / sizeof shape_cases[0]; i++) {
		struct slice s = slice_cstr(shape_cases[i].in);
		struct sip_tokparams tp;
		struct sip_parse_error err = { 0 };
		CHECK_INT_EQ(sip_tokparams_decode(&tp, s, &err), 0);
		int rc = sip_tokparams_shape_check(&tp, shape_cases[i].shape, &err);
		if (!shape_cases[i].at) {
			CHECK_INT_EQ(rc, 0);
			continue;
		}
		CHECK_INT_EQ(rc, -EBADMSG);
		CHECK_INT_EQ(err.at - s.ptr, strstr(shape_cases[i].in, shape_cases[i].at) - shape_cases[i].in);
		CHECK(err.reason != NULL);
	}
}

int main(void)
{
	test_tokparams_fast_vs_careful();
	test_tokparams_shape_takes_what_the_grammar_names();
	test_date_fast_vs_careful();
	test_call_id_fast_vs_careful();
	test_cseq_register_vs_steps();
	test_product_fast_vs_careful();
	test_product_comment_every_byte();
	test_scalar_absent_value_is_einval();
	test_scalar_every_position();
	test_scalar_table();
	test_scalar_every_truncation();
	test_date_fields();
	test_product_comment_is_not_a_name();
	return check_done();
}
