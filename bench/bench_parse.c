/* bench_parse.c: our SIP parse vs sofia-sip and libosip2 on one corpus (issue 2 §4, make bench-parse).
 *
 * Usage:
 *   bench_parse [--rounds R] [--batch-ms MS] CORPUS_DIR    timed, interleaved comparison
 *   bench_parse --mode MODE --iterations N CORPUS_DIR      N passes of one mode (for callgrind)
 *   bench_parse --smoke CORPUS_DIR                         every message through every parser once
 *
 * Modes (each parses the same bytes, every *.sip file of CORPUS_DIR):
 *   ours-full   sip_msg_parse + sip_msg_check (every header decoded into its typed form)
 *   ours-split  sip_msg_parse only (start line, header names identified, values trimmed)
 *   memchr      a reference: memchr over every line end, nothing else
 *   sofia       sofia-sip msg_make(sip_default_mclass()) + digest fields, P-Associated-URI and
 *               Contact params typed (the second sofia row of ../shared/PEERS.md)
 *   sofia-make  sofia-sip msg_make alone (the first sofia row; informative)
 *   osip        libosip2 osip_message_init + osip_message_parse + osip_message_free
 *
 * Every mode is checked on every message before anything is timed: our parser must parse and
 * check each corpus message (exit 1 otherwise), and so must the peers. Timing runs the modes
 * round by round (A B C ... A B C ..., the order rotated each round), each for a batch of about
 * --batch-ms of CPU time (CLOCK_THREAD_CPUTIME_ID, so time taken by other processes is not
 * counted), and reports medians; the speedup is the median of the per-round ratios, so load that
 * hits one round (caches, frequency) hits both sides of its ratio. The caller pins the process
 * (taskset). */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <imsreg/sip.h>

#include <osipparser2/osip_parser.h>
#include <sofia-sip/auth_common.h>
#include <sofia-sip/auth_digest.h>
#include <sofia-sip/msg.h>
#include <sofia-sip/msg_header.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_protos.h>

#define BENCH_MAX_MSGS 256
#define BENCH_MAX_HDRS 128
#define BENCH_MAX_ROUNDS 101

struct bench_msg {
	char name[256];
	char *data;     /* len bytes, plus a NUL after them (not part of the message) */
	size_t len;
};

struct bench_corpus {
	struct bench_msg msg[BENCH_MAX_MSGS];
	size_t n;
	size_t bytes;
};

/* What one parse of one message reports: 0 or an error, and a checksum so
 * the work cannot be optimised away and the modes can be told apart. */
typedef int (*bench_parse_fn)(const struct bench_msg *m, uint64_t *sink);

/* ---- ours ---------------------------------------------------------- */

static struct sip_parse_error ours_last_err;

static int ours_split(const struct bench_msg *m, uint64_t *sink)
{
	struct sip_hdr hdrs[BENCH_MAX_HDRS];
	struct sip_msg msg;
	int rc;

	sip_msg_init(&msg, hdrs, BENCH_MAX_HDRS);
	rc = sip_msg_parse(&msg, m->data, m->len, 0, &ours_last_err);
	if (rc < 0)
		return rc;
	*sink += msg.nhdrs + msg.head_len;
	return 0;
}

static int ours_full(const struct bench_msg *m, uint64_t *sink)
{
	struct sip_hdr hdrs[BENCH_MAX_HDRS];
	struct sip_msg msg;
	int rc;

	sip_msg_init(&msg, hdrs, BENCH_MAX_HDRS);
	rc = sip_msg_parse(&msg, m->data, m->len, 0, &ours_last_err);
	if (rc < 0)
		return rc;
	rc = sip_msg_check(&msg, &ours_last_err);
	if (rc < 0)
		return rc;
	*sink += msg.nhdrs + msg.head_len;
	return 0;
}

/* ---- reference: every line end --------------------------------------- */

static int ref_memchr(const struct bench_msg *m, uint64_t *sink)
{
	const char *p = m->data;
	const char *end = m->data + m->len;
	uint64_t lines = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		lines++;
		p++;
	}
	*sink += lines;
	return 0;
}

/* ---- sofia-sip ------------------------------------------------------- */

static msg_mclass_t const *sofia_mclass;

static int sofia_check(msg_t *msg, sip_t **out)
{
	sip_t *sip = sip_object(msg);

	if (sip == NULL || (sip->sip_flags & MSG_FLG_ERROR) || sip->sip_error != NULL)
		return -EBADMSG;
	if (sip->sip_request == NULL && sip->sip_status == NULL)
		return -EBADMSG;
	*out = sip;
	return 0;
}

/* The first sofia row of PEERS.md: msg_make types every header the default
 * class knows (Via, From/To, Contact, Route, Path, Service-Route, CSeq,
 * Security-*, Authorization as a param list, ...). */
static int sofia_make(const struct bench_msg *m, uint64_t *sink)
{
	msg_t *msg = msg_make(sofia_mclass, 0, m->data, (ssize_t)m->len);
	sip_t *sip;
	int rc;

	if (msg == NULL)
		return -ENOMEM;
	rc = sofia_check(msg, &sip);
	if (rc == 0)
		*sink += sip->sip_cseq ? sip->sip_cseq->cs_seq : 1;
	msg_destroy(msg);
	return rc;
}

static int sofia_type_challenges(su_home_t *home, msg_auth_t *au, uint64_t *sink)
{
	for (; au != NULL; au = au->au_next) {
		auth_challenge_t ac[1] = { { .ac_size = sizeof ac[0] } };

		if (auth_digest_challenge_get(home, ac, au->au_params) < 0)
			return -EBADMSG;
		*sink += ac->ac_nonce != NULL;
	}
	return 0;
}

static int sofia_type_credentials(su_home_t *home, msg_auth_t *au, uint64_t *sink)
{
	for (; au != NULL; au = au->au_next) {
		auth_response_t ar[1] = { { .ar_size = sizeof ar[0] } };

		if (auth_digest_response_get(home, ar, au->au_params) < 0)
			return -EBADMSG;
		*sink += ar->ar_username != NULL;
	}
	return 0;
}

/* The second sofia row of PEERS.md: msg_make, then what it leaves as text
 * typed with sofia's own functions: digest fields of every challenge and
 * credentials (auth_digest_*_get), Authentication-Info fields
 * (auth_get_params), P-Associated-URI (not in the default class: its value
 * decoded with the Route class, whose grammar it shares, RFC 7315 §4.1) and
 * every Contact parameter split into name and value. */
static int sofia_full(const struct bench_msg *m, uint64_t *sink)
{
	msg_t *msg = msg_make(sofia_mclass, 0, m->data, (ssize_t)m->len);
	su_home_t *home;
	sip_t *sip;
	int rc;

	if (msg == NULL)
		return -ENOMEM;
	rc = sofia_check(msg, &sip);
	if (rc < 0)
		goto out;
	home = msg_home(msg);
	rc = sofia_type_challenges(home, sip->sip_www_authenticate, sink);
	if (rc == 0)
		rc = sofia_type_challenges(home, sip->sip_proxy_authenticate, sink);
	if (rc == 0)
		rc = sofia_type_credentials(home, sip->sip_authorization, sink);
	if (rc == 0)
		rc = sofia_type_credentials(home, sip->sip_proxy_authorization, sink);
	if (rc < 0)
		goto out;
	if (sip->sip_authentication_info != NULL) {
		char const *rspauth = NULL, *nextnonce = NULL, *qop = NULL, *cnonce = NULL,
			   *nc = NULL;

		if (auth_get_params(home, sip->sip_authentication_info->ai_params,
				    "rspauth=", &rspauth, "nextnonce=", &nextnonce, "qop=", &qop,
				    "cnonce=", &cnonce, "nc=", &nc, NULL) < 0) {
			rc = -EBADMSG;
			goto out;
		}
		*sink += rspauth != NULL;
	}
	for (msg_unknown_t *un = sip->sip_unknown; un != NULL; un = un->un_next) {
		if (un->un_name == NULL || strcasecmp(un->un_name, "P-Associated-URI") != 0)
			continue;
		msg_header_t *h = msg_header_make(home, sip_route_class, un->un_value);

		if (h == NULL) {
			rc = -EBADMSG;
			goto out;
		}
		for (sip_route_t *r = (sip_route_t *)h; r != NULL; r = r->r_next)
			*sink += r->r_url->url_type;
	}
	for (sip_contact_t *c = sip->sip_contact; c != NULL; c = c->m_next) {
		if (c->m_params == NULL)
			continue;
		for (msg_param_t const *p = c->m_params; *p != NULL; p++) {
			size_t name_len = strcspn(*p, "=");
			const char *value = (*p)[name_len] == '=' ? *p + name_len + 1 : NULL;

			*sink += name_len + (value != NULL ? strlen(value) : 0);
		}
	}
out:
	msg_destroy(msg);
	return rc;
}

/* ---- libosip2 -------------------------------------------------------- */

static int osip_full(const struct bench_msg *m, uint64_t *sink)
{
	osip_message_t *sip;
	int rc;

	if (osip_message_init(&sip) != 0)
		return -ENOMEM;
	rc = osip_message_parse(sip, m->data, m->len) == 0 ? 0 : -EBADMSG;
	if (rc == 0)
		*sink += (uint64_t)osip_list_size(&sip->vias) + (sip->cseq != NULL);
	osip_message_free(sip);
	return rc;
}

/* ---- modes ------------------------------------------------------------ */

enum bench_mode {
	MODE_OURS_FULL,
	MODE_OURS_SPLIT,
	MODE_MEMCHR,
	MODE_SOFIA,
	MODE_SOFIA_MAKE,
	MODE_OSIP,
	MODE__COUNT
};

static const struct {
	const char *name;
	bench_parse_fn fn;
	const char *what;
} bench_modes[MODE__COUNT] = {
	[MODE_OURS_FULL] = { "ours-full", ours_full, "sip_msg_parse + sip_msg_check (every header typed)" },
	[MODE_OURS_SPLIT] = { "ours-split", ours_split, "sip_msg_parse (headers split only)" },
	[MODE_MEMCHR] = { "memchr", ref_memchr, "reference: memchr over every line end" },
	[MODE_SOFIA] = { "sofia", sofia_full, "msg_make + digest fields, P-Associated-URI, Contact params" },
	[MODE_SOFIA_MAKE] = { "sofia-make", sofia_make, "msg_make(sip_default_mclass()) only" },
	[MODE_OSIP] = { "osip", osip_full, "osip_message_parse + osip_message_free" },
};

static int mode_lookup(const char *name)
{
	for (int i = 0; i < MODE__COUNT; i++)
		if (strcmp(bench_modes[i].name, name) == 0)
			return i;
	return -1;
}

static void peers_init(void)
{
	parser_init();
	sofia_mclass = sip_default_mclass();
}

/* ---- corpus ------------------------------------------------------------ */

static int name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bench_msg *)a)->name, ((const struct bench_msg *)b)->name);
}

static int read_whole(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;
	int rc = -errno;

	if (f == NULL)
		return rc;
	rc = -EIO;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		goto out;
	p = malloc((size_t)n + 1);
	rc = -ENOMEM;
	if (p == NULL)
		goto out;
	rc = -EIO;
	if (fread(p, 1, (size_t)n, f) != (size_t)n)
		goto out;
	p[n] = '\0';
	*data = p;
	*len = (size_t)n;
	p = NULL;
	rc = 0;
out:
	free(p);
	fclose(f);
	return rc;
}

/* Loads every *.sip of dir, sorted by name: 0 or a negative errno. */
static int corpus_load(struct bench_corpus *c, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	int rc = 0;

	c->n = 0;
	c->bytes = 0;
	if (d == NULL) {
		fprintf(stderr, "bench_parse: %s: %s\n", dir, strerror(errno));
		return -errno;
	}
	while ((e = readdir(d)) != NULL) {
		size_t nl = strlen(e->d_name);
		struct bench_msg *m;

		if (nl < 5 || strcmp(e->d_name + nl - 4, ".sip") != 0)
			continue;
		if (c->n == BENCH_MAX_MSGS || nl >= sizeof c->msg[0].name) {
			rc = -EMSGSIZE;
			break;
		}
		m = &c->msg[c->n];
		snprintf(m->name, sizeof m->name, "%s", e->d_name);
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		rc = read_whole(path, &m->data, &m->len);
		if (rc < 0) {
			fprintf(stderr, "bench_parse: %s: %s\n", path, strerror(-rc));
			break;
		}
		c->n++;
		c->bytes += m->len;
	}
	closedir(d);
	if (rc == 0 && c->n == 0) {
		fprintf(stderr, "bench_parse: no *.sip message in %s\n", dir);
		rc = -ENOENT;
	}
	qsort(c->msg, c->n, sizeof c->msg[0], name_cmp);
	return rc;
}

static void corpus_free(struct bench_corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->msg[i].data);
	c->n = 0;
}

/* ---- verification -------------------------------------------------------- */

/* 1-based line and column of an offset, for the error report. */
static void line_col(const struct bench_msg *m, size_t off, unsigned *line, unsigned *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && i < m->len; i++) {
		if (m->data[i] == '\n') {
			++*line;
			*col = 1;
		} else {
			++*col;
		}
	}
}

/* Runs mode once over every message: 0, or -1 after naming what failed. */
static int verify_mode(const struct bench_corpus *c, int mode)
{
	uint64_t sink = 0;
	int bad = 0;

	for (size_t i = 0; i < c->n; i++) {
		const struct bench_msg *m = &c->msg[i];
		int rc;

		memset(&ours_last_err, 0, sizeof ours_last_err);
		rc = bench_modes[mode].fn(m, &sink);
		if (rc >= 0)
			continue;
		bad = -1;
		if (mode == MODE_OURS_FULL || mode == MODE_OURS_SPLIT) {
			const struct sip_parse_error *err = &ours_last_err;
			const char *hdr = err->hdr != SIP_HDR_OTHER ? sip_hdr_name(err->hdr) : NULL;
			const char *reason = err->reason ? err->reason : strerror(-rc);
			unsigned line, col;
			size_t off = err->at != NULL ? (size_t)(err->at - m->data) : err->offset;

			/* name the header unless the reason already starts with it */
			if (hdr != NULL && strncmp(reason, hdr, strlen(hdr)) == 0)
				hdr = NULL;
			line_col(m, off, &line, &col);
			fprintf(stderr, "bench_parse: %s: %s:%u:%u: %s%s%s (%d)\n", bench_modes[mode].name,
				m->name, line, col, hdr ? hdr : "", hdr ? ": " : "", reason, rc);
		} else {
			fprintf(stderr, "bench_parse: %s: %s: the parser rejects it (%s)\n",
				bench_modes[mode].name, m->name, strerror(-rc));
		}
	}
	return bad;
}

static int verify_all(const struct bench_corpus *c)
{
	int bad = 0;

	for (int mode = 0; mode < MODE__COUNT; mode++)
		if (verify_mode(c, mode) < 0)
			bad = -1;
	return bad;
}

/* ---- timing ------------------------------------------------------------ */

/* CPU time of this thread, not wall time: on a machine shared with other
 * work, the time the scheduler gives to others is not counted against the
 * mode that happened to be running. */
static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* iterations passes of one mode over the corpus (not inlined: bench_parse.sh
 * profiles only what runs inside it): nanoseconds taken, or a
 * negative value when a parse failed (already verified, so never expected). */
__attribute__((noinline)) static double run_passes(const struct bench_corpus *c, int mode,
						   uint64_t iterations, uint64_t *sink)
{
	bench_parse_fn fn = bench_modes[mode].fn;
	double t0 = now_ns();

	for (uint64_t it = 0; it < iterations; it++)
		for (size_t i = 0; i < c->n; i++)
			if (fn(&c->msg[i], sink) < 0)
				return -1.0;
	return now_ns() - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(const double *v, int n)
{
	double s[BENCH_MAX_ROUNDS];

	memcpy(s, v, (size_t)n * sizeof *v);
	qsort(s, (size_t)n, sizeof *s, cmp_double);
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
}

static int bench_timed(const struct bench_corpus *c, int rounds, double batch_ms)
{
	static double ns_per_msg[MODE__COUNT][BENCH_MAX_ROUNDS];
	uint64_t iterations[MODE__COUNT];
	double med[MODE__COUNT];
	double avg_bytes = (double)c->bytes / (double)c->n;
	uint64_t sink = 0;

	/* Calibrate: passes per batch so that one batch takes about batch_ms. */
	for (int mode = 0; mode < MODE__COUNT; mode++) {
		uint64_t n = 1;
		double t;

		for (;;) {
			t = run_passes(c, mode, n, &sink);
			if (t < 0)
				return -1;
			if (t >= batch_ms * 1e6 / 4 || n >= (UINT64_C(1) << 40))
				break;
			n *= 2;
		}
		iterations[mode] = (uint64_t)((double)n * batch_ms * 1e6 / (t > 1 ? t : 1));
		if (iterations[mode] == 0)
			iterations[mode] = 1;
	}
	for (int r = 0; r < rounds; r++) {
		for (int k = 0; k < MODE__COUNT; k++) {
			int mode = (r + k) % MODE__COUNT;
			double t = run_passes(c, mode, iterations[mode], &sink);

			if (t < 0)
				return -1;
			ns_per_msg[mode][r] = t / ((double)iterations[mode] * (double)c->n);
		}
	}

	printf("corpus: %zu messages, %zu bytes (%.0f bytes/message)\n", c->n, c->bytes, avg_bytes);
	printf("timing: %d interleaved rounds of ~%.0f ms CPU time per mode, medians (checksum %llu)\n\n",
	       rounds, batch_ms, (unsigned long long)(sink & 0xffff));
	printf("%-11s %10s %12s %10s  %s\n", "mode", "ns/msg", "msgs/s", "MB/s", "what");
	for (int mode = 0; mode < MODE__COUNT; mode++) {
		double mps;

		med[mode] = median(ns_per_msg[mode], rounds);
		mps = 1e9 / med[mode];
		printf("%-11s %10.1f %12.0f %10.1f  %s\n", bench_modes[mode].name, med[mode], mps,
		       mps * avg_bytes / 1e6, bench_modes[mode].what);
	}

	/* Ratios: median over the rounds of the per-round ratio. */
	int peer = med[MODE_SOFIA] <= med[MODE_OSIP] ? MODE_SOFIA : MODE_OSIP;
	double ratio[BENCH_MAX_ROUNDS], split_ratio[BENCH_MAX_ROUNDS], make_ratio[BENCH_MAX_ROUNDS];

	for (int r = 0; r < rounds; r++) {
		ratio[r] = ns_per_msg[peer][r] / ns_per_msg[MODE_OURS_FULL][r];
		make_ratio[r] = ns_per_msg[MODE_SOFIA_MAKE][r] / ns_per_msg[MODE_OURS_FULL][r];
		split_ratio[r] = ns_per_msg[MODE_OURS_SPLIT][r] / ns_per_msg[MODE_MEMCHR][r];
	}
	printf("\nfastest peer (comparable work): %s\n", bench_modes[peer].name);
	printf("ours-split / memchr time: %.2fx\n", median(split_ratio, rounds));
	printf("ours-full speedup vs sofia-make (msg_make only): %.2fx\n", median(make_ratio, rounds));
	printf("parse speedup vs fastest peer: %.2fx\n", median(ratio, rounds));
	return 0;
}

/* ---- main ------------------------------------------------------------- */

static void usage(void)
{
	fprintf(stderr,
		"usage: bench_parse [--rounds R] [--batch-ms MS] CORPUS_DIR\n"
		"       bench_parse --mode MODE --iterations N CORPUS_DIR\n"
		"       bench_parse --smoke CORPUS_DIR\n"
		"modes:");
	for (int i = 0; i < MODE__COUNT; i++)
		fprintf(stderr, " %s", bench_modes[i].name);
	fprintf(stderr, "\n");
}

int main(int argc, char **argv)
{
	static struct bench_corpus corpus;
	const char *dir = NULL;
	int mode = -1, rounds = 15, smoke = 0, rc = 2;
	unsigned long long iterations = 0;
	double batch_ms = 20;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--smoke") == 0) {
			smoke = 1;
		} else if (strcmp(a, "--mode") == 0 && i + 1 < argc) {
			mode = mode_lookup(argv[++i]);
			if (mode < 0) {
				usage();
				return 2;
			}
		} else if (strcmp(a, "--iterations") == 0 && i + 1 < argc) {
			iterations = strtoull(argv[++i], NULL, 10);
		} else if (strcmp(a, "--rounds") == 0 && i + 1 < argc) {
			rounds = atoi(argv[++i]);
		} else if (strcmp(a, "--batch-ms") == 0 && i + 1 < argc) {
			batch_ms = atof(argv[++i]);
		} else if (a[0] != '-' && dir == NULL) {
			dir = a;
		} else {
			usage();
			return 2;
		}
	}
	if (dir == NULL || rounds < 1 || rounds > BENCH_MAX_ROUNDS || batch_ms <= 0 ||
	    (mode >= 0 && iterations == 0) || (smoke && mode >= 0)) {
		usage();
		return 2;
	}
	if (corpus_load(&corpus, dir) < 0)
		goto out;
	peers_init();
	rc = 1;
	if (smoke) {
		if (verify_all(&corpus) < 0)
			goto out;
		printf("bench_parse smoke: %zu messages, %d modes: every message parsed\n", corpus.n,
		       MODE__COUNT);
	} else if (mode >= 0) {
		uint64_t sink = 0;

		if (verify_mode(&corpus, mode) < 0 ||
		    run_passes(&corpus, mode, iterations, &sink) < 0)
			goto out;
		printf("%s: %llu iterations of %zu messages (checksum %llu)\n", bench_modes[mode].name,
		       iterations, corpus.n, (unsigned long long)sink);
	} else {
		if (verify_all(&corpus) < 0 || bench_timed(&corpus, rounds, batch_ms) < 0)
			goto out;
	}
	rc = 0;
out:
	corpus_free(&corpus);
	return rc;
}
