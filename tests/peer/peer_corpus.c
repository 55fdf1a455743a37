/* peer_corpus.c: the changed-copy rows and the corpus walk of the peer
 * cross-check tests (see peer_corpus.h). */
#include "peer_corpus.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/buf.h>
#include <imsreg/paste.h>
#include "check.h"

struct seen {
	const struct peer_corpus_peer *peer;
	const char *file;
	char first[64]; /* the first mismatch's "what" */
	unsigned n;
	bool print;
};

static void on_mismatch(void *ctx, const char *what, struct slice ours, const char *peer)
{
	struct seen *s = ctx;
	if (s->n++ == 0)
		snprintf(s->first, sizeof s->first, "%s", what);
	if (s->print)
		fprintf(stderr, "%s: %s: ours '%.*s', %s '%s'\n", s->file, what,
			(int)(ours.len > 200 ? 200 : ours.len), ours.ptr ? ours.ptr : "",
			s->peer->name, peer ? peer : "(none)");
}

/* ---- the comparison can fail ------------------------------------------ */

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

void peer_corpus_changed(const struct peer_corpus_peer *peer, const struct peer_changed *rows,
			 size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct peer_changed *c = &rows[i];
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
		struct seen s = { .peer = peer, .file = c->to, .print = false };
		int got = peer->values(&msg, other.ptr, other.len, on_mismatch, &s);
		if (c->expect) {
			if (got < 1 || strcmp(s.first, c->expect))
				fprintf(stderr, "%s -> %s: %d mismatches, the first '%s'\n", c->from,
					c->to, got, s.first);
			CHECK(got >= 1);
			CHECK_STR_EQ(s.first, c->expect);
		} else {
			if (got != 0)
				fprintf(stderr, "%s -> %s: '%s' not forgiven\n", c->from, c->to, s.first);
			CHECK_INT_EQ(got, 0);
		}
		buf_fini(&other);
		free(text);
	}
}

/* ---- the corpora -------------------------------------------------------- */

struct walk {
	const struct peer_corpus_peer *peer;
	bool verbose;
	unsigned count[4]; /* by enum peer_verdict */
	unsigned mismatched;
};

static enum peer_verdict one(struct walk *w, const char *name, const char *data, size_t len)
{
	struct seen s = { .peer = w->peer, .file = name, .print = true };
	unsigned n;
	enum peer_verdict v =
		peer_diff_message(data, len, w->peer->values, w->peer->accepts, on_mismatch, &s, &n);
	if (v >= PEER_BOTH && v <= PEER_NEITHER)
		w->count[v]++;
	if (w->verbose && (v == PEER_OURS_ONLY || v == PEER_PEER_ONLY))
		printf("%s: accepted only by %s\n", name, v == PEER_OURS_ONLY ? "ours" : w->peer->name);
	if (n)
		w->mismatched++;
	CHECK_INT_EQ(n, 0);
	return v;
}

/* Every message of a pasted file, as the paste normaliser gives them. */
static void pasted(struct walk *w, const char *path, const char *data, size_t len)
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
			one(w, name, p.text.ptr + p.msgs[i].offset, p.msgs[i].len);
		}
	}
	paste_fini(&p);
}

/* Every regular file of dir, in name order; must_both: each must be
 * accepted by both. */
static void corpus(struct walk *w, const char *dir, bool paste, bool must_both)
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
				pasted(w, path, text, len);
			} else {
				enum peer_verdict v = one(w, path, text, len);
				if (must_both && v != PEER_BOTH)
					fprintf(stderr, "%s: not accepted by both (verdict %d)\n", path, v);
				if (must_both)
					CHECK_INT_EQ(v, PEER_BOTH);
			}
			free(text);
		}
		free(names[i]);
	}
	free(names);
}

void peer_corpus_run(const struct peer_corpus_peer *peer)
{
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
		{ "fuzz/corpus/fuzz_osip_diff", false, false },
	};
	struct walk w = { .peer = peer, .verbose = getenv(peer->verbose_env) != NULL };
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		corpus(&w, dirs[i].dir, dirs[i].paste, dirs[i].must_both);
	printf("messages accepted by both %u (compared value by value, %u with a difference), "
	       "only by ours %u, only by %s %u, by neither %u\n",
	       w.count[PEER_BOTH], w.mismatched, w.count[PEER_OURS_ONLY], peer->name,
	       w.count[PEER_PEER_ONLY], w.count[PEER_NEITHER]);
}
