/* sofia_crosscheck_test.c: our strict parse against sofia-sip's (Debian
 * libsofia-sip-ua 1.12) on every message of the corpora: where both accept a
 * message, every value both decode is equal (tests/peer/sofia_diff.h says
 * which, and the representation differences it forgives). Beside the tshark
 * cross-check: tshark dissects what it is shown, sofia-sip refuses what its
 * grammar does not take, so the two check different things.
 *
 * First the comparison itself is shown able to fail: ours is given one
 * message and sofia-sip a copy with one value changed, and the mismatch must
 * name that value. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/buf.h>
#include <imsreg/paste.h>
#include <imsreg/sip.h>
#include "check.h"
#include "sofia_diff.h"

struct seen {
	const char *file;
	char first[64]; /* the first mismatch's "what" */
	unsigned n;
	bool print;
};

static void on_mismatch(void *ctx, const char *what, struct slice ours, const char *sofia)
{
	struct seen *s = ctx;
	if (s->n++ == 0)
		snprintf(s->first, sizeof s->first, "%s", what);
	if (s->print)
		fprintf(stderr, "%s: %s: ours '%.*s', sofia-sip '%s'\n", s->file, what,
			(int)(ours.len > 200 ? 200 : ours.len), ours.ptr ? ours.ptr : "",
			sofia ? sofia : "(none)");
}

/* ---- the comparison can fail ------------------------------------------ */

static const char *const base_path = "../shared/corpus/bench/d_register_secagree_compact.sip";
static const char *const base_200 = "../shared/corpus/bench/g_200_register.sip";
static const char *const base_ipv6 = "../shared/corpus/bench/b_register_ims_ipv6.sip";
static const char *const base_notify = "../shared/corpus/bench/i_notify_reginfo.sip";

struct changed {
	const char *file;
	const char *from, *to; /* the first `from` of the message becomes `to` */
	const char *expect;    /* the mismatch named first; NULL: none at all */
};

static const struct changed changes[] = {
	{ base_path, "branch=z9hG4bK.a8f3c1d2", "branch=z9hG4bK.a8f3c1d3", "via branch" },
	{ base_path, "10.45.0.2:5060;branch", "10.45.0.3:5060;branch", "via host" },
	{ base_path, "10.45.0.2:5060;branch", "10.45.0.2:5061;branch", "via port" },
	{ base_path, "SIP/2.0/UDP", "SIP/2.0/TCP", "via transport" },
	{ base_path, "Max-Forwards: 70", "Max-Forwards: 69", "max-forwards" },
	{ base_path, "Route: <sip:pcscf.", "Route: <sip:qcscf.", "route" },
	{ base_path, "tag=9fxced76sl", "tag=9fxced76sm", "from tag" },
	{ base_path, "t: <sip:001010000000001@", "t: <sip:001010000000002@", "to" },
	{ base_path, "i: c3x8", "i: c3x9", "call-id" },
	{ base_path, "CSeq: 1 REGISTER", "CSeq: 2 REGISTER", "cseq number" },
	{ base_path, "m: <sip:001010000000001@10.45.0.2:5060>", "m: <sip:001010000000001@10.45.0.2:5061>", "contact uri" },
	{ base_path, "Expires: 600000", "Expires: 600001", "expires" },
	{ base_path, "spi-c=3929102", "spi-c=3929104", "security spi-c" },
	{ base_path, "port-s=5063", "port-s=5065", "security port-s" },
	{ base_path, "alg=hmac-sha-1-96", "alg=hmac-md5-96", "security alg" },
	{ base_path, "ealg=null", "ealg=aes-cbc", "security ealg" },
	{ base_path, "Require: sec-agree", "Require: sec-agreX", "require" },
	{ base_path, "k: path, sec-agree", "k: path", "supported" },
	{ base_path, "realm=\"ims.", "realm=\"imz.", "realm" },
	{ base_path, "response=\"\"", "response=\"\",opaque=\"x\"", "opaque" },
	{ base_path, "response=\"\"", "response=\"\",x-param=1", "auth-param count" },
	{ base_path, "REGISTER sip:ims.mnc001", "REGISTER sip:imz.mnc001", "request-uri" },
	{ base_200, "SIP/2.0 200 OK", "SIP/2.0 202 OK", "status" },
	{ base_200, "rspauth=\"3078", "rspauth=\"4078", "rspauth" },
	{ base_200, "Path: <sip:term@", "Path: <sip:tern@", "path" },
	{ base_200, "Service-Route: <sip:orig@", "Service-Route: <sip:orjg@", "service-route" },
	{ base_200, "expires=600000;", "expires=600001;", "contact expires" },
	{ base_path, "a8f3c1d2;rport", "a8f3c1d2;rport=5060", "via rport" },
	{ base_path, "a8f3c1d2;rport", "a8f3c1d2;rport;x", "via parameter count" },
	{ base_path, "tag=9fxced76sl", "tag=9fxced76sl;x=1", "from parameter count" },
	{ base_path, "3gppnetwork.org;lr>", "3gppnetwork.org;lr>;x", "route parameter count" },
	{ base_path, "+g.3gpp.smsip", "+g.3gpp.smsjp", "contact parameter name" },
	{ base_path, "000655-0>\"", "000655-1>\"", "contact parameter +sip.instance" },
	{ base_ipv6, ";video;audio", ";video;audjo", "contact parameter name" },
	{ base_ipv6, "reg-id=1;", "reg-id=2;", "contact parameter reg-id" },
	{ base_ipv6, "Allow: INVITE, ACK,", "Allow: INVITE, ACL,", "allow" },
	{ base_notify, "Event: reg", "Event: reh", "event" },
	{ base_notify, "Event: reg", "Event: reg;id=1", "event parameter count" },
	{ base_notify, "reginfo+xml", "reginfo+xmk", "content-type" },
	/* what the comparison forgives: representation, not meaning */
	{ base_path, "+sip.instance=\"<urn", "+sip.instance=\"\\<urn", NULL },
	{ base_path, "t: <sip:001010000000001@", "t: <sip:%30%30%31010000000001@", NULL },
	{ base_path, "Max-Forwards: 70", "Max-Forwards: 0070", NULL },
	{ base_path, "realm=\"ims.", "realm=\"\\ims.", NULL },
};

/* s with the first `from` replaced by `to`, in out; false when absent. */
static bool replace_first(const char *s, size_t len, const char *from, const char *to, struct buf *out)
{
	const char *at = memmem(s, len, from, strlen(from));
	if (!at)
		return false;
	buf_append(out, s, (size_t)(at - s));
	buf_append(out, to, strlen(to));
	size_t k = (size_t)(at - s) + strlen(from);
	buf_append(out, s + k, len - k);
	return !out->err;
}

static void comparison_names_the_changed_value(void)
{
	for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++) {
		const struct changed *c = &changes[i];
		size_t len;
		char *text = check_read_file(c->file, &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		struct sip_hdr hdrs[64];
		struct sip_msg msg;
		struct sip_parse_error err;
		sip_msg_init(&msg, hdrs, 64);
		CHECK(sip_msg_parse(&msg, text, len, 0, &err) >= 0 && sip_msg_check(&msg, &err) >= 0);
		struct buf other;
		buf_init(&other);
		CHECK(replace_first(text, len, c->from, c->to, &other));
		struct seen s = { .file = c->to, .print = false };
		int n = sofia_diff_values(&msg, other.ptr, other.len, on_mismatch, &s);
		if (c->expect) {
			CHECK(n >= 1);
			CHECK_STR_EQ(s.first, c->expect);
		} else {
			if (n != 0)
				fprintf(stderr, "%s -> %s: '%s' not forgiven\n", c->from, c->to, s.first);
			CHECK_INT_EQ(n, 0);
		}
		buf_fini(&other);
		free(text);
	}
}

/* ---- the corpora -------------------------------------------------------- */

/* SOFIA_CROSSCHECK_VERBOSE=1: also list the messages only one side accepts. */
static bool verbose;

struct tally {
	unsigned both, ours_only, sofia_only, neither, mismatched;
};

static enum sofia_diff_verdict one(struct tally *t, const char *name, const char *data, size_t len)
{
	struct seen s = { .file = name, .print = true };
	unsigned n;
	enum sofia_diff_verdict v = sofia_diff_message(data, len, on_mismatch, &s, &n);
	switch (v) {
	case SOFIA_DIFF_BOTH: t->both++; break;
	case SOFIA_DIFF_OURS_ONLY: t->ours_only++; break;
	case SOFIA_DIFF_SOFIA_ONLY: t->sofia_only++; break;
	case SOFIA_DIFF_NEITHER: t->neither++; break;
	}
	if (verbose && (v == SOFIA_DIFF_OURS_ONLY || v == SOFIA_DIFF_SOFIA_ONLY))
		printf("%s: accepted only by %s\n", name, v == SOFIA_DIFF_OURS_ONLY ? "ours" : "sofia-sip");
	if (n)
		t->mismatched++;
	CHECK_INT_EQ(n, 0);
	return v;
}

/* Every message of a pasted file, as the paste normaliser gives them. */
static void pasted(struct tally *t, const char *path, const char *data, size_t len)
{
	struct paste p;
	struct sip_parse_error err;
	paste_init(&p);
	if (paste_normalise(&p, data, len, &err) == 0) {
		for (size_t i = 0; i < p.nmsgs; i++) {
			if (p.msgs[i].fields)
				continue;
			char name[1200];
			snprintf(name, sizeof name, "%s (message %zu)", path, i + 1);
			one(t, name, p.text.ptr + p.msgs[i].offset, p.msgs[i].len);
		}
	}
	paste_fini(&p);
}

/* Every regular file of dir, in name order; must_both: each must be
 * accepted by both. */
static void corpus(struct tally *t, const char *dir, bool paste, bool must_both)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	CHECK(n > 0);
	for (int i = 0; i < n; i++) {
		const char *e = names[i]->d_name;
		size_t el = strlen(e);
		bool data = e[0] != '.' && strcmp(e, "README.md") && strcmp(e, "index.tsv") &&
			    !(el > 3 && !strcmp(e + el - 3, ".py"));
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, e);
		size_t len;
		char *text = data ? check_read_file(path, &len) : NULL;
		if (text) {
			if (paste) {
				pasted(t, path, text, len);
			} else {
				enum sofia_diff_verdict v = one(t, path, text, len);
				if (must_both && v != SOFIA_DIFF_BOTH)
					fprintf(stderr, "%s: not accepted by both (verdict %d)\n", path, v);
				if (must_both)
					CHECK_INT_EQ(v, SOFIA_DIFF_BOTH);
			}
			free(text);
		}
		free(names[i]);
	}
	free(names);
}

int main(void)
{
	verbose = getenv("SOFIA_CROSSCHECK_VERBOSE") != NULL;
	comparison_names_the_changed_value();

	static const struct {
		const char *dir;
		bool paste, must_both;
	} dirs[] = {
		{ "../shared/corpus/bench", false, true },
		{ "../shared/corpus/rfc4475", false, false },
		{ "../shared/corpus/rfc5118/wire", false, false },
		{ "../shared/corpus/captures/text/openimscore-aka", false, false },
		{ "../shared/fixtures/seed", true, false },
		{ "../shared/corpus/captures/text/sipandlove", true, false },
		{ "tests/data/esrvcc", true, false },
		{ "tests/data/ims-3gpp", true, false },
		{ "tests/data/vowifi", true, false },
		{ "tests/data/third-party", true, false },
		{ "tests/data/paste", true, false },
		{ "fuzz/corpus/fuzz_sip_msg", false, false },
		{ "fuzz/corpus/fuzz_decode", false, false },
		{ "fuzz/corpus/fuzz_rules", false, false },
		{ "fuzz/corpus/fuzz_sofia_diff", false, false },
	};
	struct tally t = { 0 };
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		corpus(&t, dirs[i].dir, dirs[i].paste, dirs[i].must_both);
	printf("messages accepted by both %u (compared value by value, %u with a difference), "
	       "only by ours %u, only by sofia-sip %u, by neither %u\n",
	       t.both, t.mismatched, t.ours_only, t.sofia_only, t.neither);
	return check_done();
}
