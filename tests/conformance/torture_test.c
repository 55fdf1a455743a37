/* torture_test.c: the verdicts of RFC 4475 (SIP torture tests) and RFC 5118
 * (IPv6 torture tests) from ../shared/corpus/<rfc>/index.tsv: "valid" and
 * "valid-semantic-error" parse (datagram) and pass sip_msg_check, "invalid"
 * is rejected by one or the other. One line per file, with the reason. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/error.h>
#include <imsreg/ims.h>
#include <imsreg/sip.h>
#include "check.h"

/* Messages the RFC calls well formed but whose semantic error is one our
 * parser or checker rejects by design, with the reason. Each must be
 * rejected (so this list stays true). */
static const struct {
	const char *file;
	const char *why;
} by_design[] = {
	/* RFC 4475 §3.3.8 "multi01": To, From, Call-ID, CSeq and Max-Forwards
	 * each appear twice. sip_msg_check reports a single-value header that
	 * is repeated as an error (RFC 3261 §7.3.1, §20), which is the 400 the
	 * RFC asks for. */
	{ "multi01.dat", "single-value headers repeated are a check error" },
	/* RFC 4475 §3.3.9 "mcl01": two Content-Length values (13 and 5). The
	 * body length cannot be known, so framing fails in sip_msg_parse (the
	 * RFC: "many parsers reject at framing"; a stream must be closed). */
	{ "mcl01.dat", "disagreeing Content-Length values fail framing" },
};

static const char *exception_for(const char *file)
{
	for (size_t i = 0; i < sizeof by_design / sizeof by_design[0]; i++)
		if (strcmp(by_design[i].file, file) == 0)
			return by_design[i].why;
	return NULL;
}

struct outcome {
	bool accepted;
	const char *stage;  /* "parse", "check" */
	const char *reason;
	unsigned line, col;
	enum sip_hdr_id hdr;
};

/* The rule book's syntax rule on a message the codec accepted: it must
 * agree (a finding of rfc3261.msg.header-syntax there is a false error,
 * e.g. a control byte escaped as a quoted-pair). */
static void syntax_finding(const struct ims_finding *f, void *arg)
{
	if (strcmp(f->id, "rfc3261.msg.header-syntax") == 0) {
		printf("    FAIL: header-syntax finding on an accepted message: %s\n", f->message);
		++*(unsigned *)arg;
	}
}

static struct outcome judge(const char *buf, size_t len)
{
	static struct sip_hdr hdrs[512];
	struct sip_msg msg;
	struct sip_parse_error err;
	struct outcome o = { 0 };
	sip_msg_init(&msg, hdrs, 512);
	int rc = sip_msg_parse(&msg, buf, len, 0, &err);
	if (rc < 0) {
		o.stage = "parse";
		if (rc == -EAGAIN) {
			o.reason = "incomplete: the header section does not end with an empty line";
			err.offset = len;
		} else {
			o.reason = err.reason ? err.reason : error_name(rc);
		}
		o.hdr = err.hdr;
		error_position(buf, len, err.offset, &o.line, &o.col);
		return o;
	}
	rc = sip_msg_check(&msg, &err);
	if (rc < 0) {
		o.stage = "check";
		o.reason = err.reason ? err.reason : error_name(rc);
		o.hdr = err.hdr;
		error_position(buf, len, err.offset, &o.line, &o.col);
		return o;
	}
	o.accepted = true;
	unsigned false_syntax = 0;
	ims_rules_check(&msg, syntax_finding, &false_syntax);
	CHECK_INT_EQ(false_syntax, 0);
	return o;
}

static void corpus_run(const char *dir)
{
	char path[512];
	snprintf(path, sizeof path, "%s/index.tsv", dir);
	size_t len;
	char *index = check_read_file(path, &len);
	if (!index) {
		check_failed++;
		fprintf(stderr, "cannot read %s\n", path);
		return;
	}
	unsigned rows = 0;
	char *save = NULL;
	for (char *line = strtok_r(index, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *f[4] = { 0 };
		char *p = line;
		for (int i = 0; i < 4 && p; i++) {
			f[i] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (!f[2] || strcmp(f[0], "file") == 0)
			continue;
		rows++;
		snprintf(path, sizeof path, "%s/%s", dir, f[0]);
		size_t mlen;
		char *m = check_read_file(path, &mlen);
		if (!m) {
			check_failed++;
			fprintf(stderr, "cannot read %s\n", path);
			continue;
		}
		/* an exact-size copy, so a read past the end is caught */
		char *g = check_guard_copy(m, mlen);
		struct outcome o = judge(g, mlen);
		const char *expected = f[2];
		bool want_valid = strcmp(expected, "invalid") != 0;
		const char *why = exception_for(f[0]);
		bool ok = why ? !o.accepted : o.accepted == want_valid;
		if (o.accepted)
			printf("%-44s %-21s accepted%s\n", path + strlen(dir) + 1, expected,
			       ok ? "" : "  <-- FAIL: must be rejected");
		else
			printf("%-44s %-21s rejected by %s at %u:%u%s%s: %s%s%s%s\n",
			       path + strlen(dir) + 1, expected, o.stage, o.line, o.col,
			       o.hdr ? " in " : "", o.hdr ? sip_hdr_name(o.hdr) : "", o.reason,
			       why ? " (by design: " : "", why ? why : "", why ? ")" : "");
		if (!ok)
			printf("    FAIL: %s expects %s\n", f[0], expected);
		if (ok)
			check_passed++;
		else
			check_failed++;
		check_guard_free(g, mlen);
		free(m);
	}
	CHECK(rows > 0);
	free(index);
}

/* RFC 5118's archive bytes use bare LF and two lack the empty line (see its
 * PROVENANCE.md): lenient mode (pasted text) must still read every one,
 * noting the repairs; the wire twins above carry the verdicts. */
static void archive_lenient_run(void)
{
	static const char *names[] = {
		"ipv4-mapped-ipv6", "ipv6-bad", "ipv6-bug-abnf-3-colons", "ipv6-correct-abnf-2-colons",
		"ipv6-good", "ipv6-in-sdp", "mult-ip-in-header", "mult-ip-in-sdp", "port-ambiguous",
		"port-unambiguous", "via-received-param-no-delim", "via-received-param-with-delim",
	};
	static struct sip_hdr hdrs[128];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, "../shared/corpus/rfc5118/archive/%s", names[i]);
		size_t len;
		char *m = check_read_file(path, &len);
		if (!m) {
			check_failed++;
			fprintf(stderr, "cannot read %s\n", path);
			continue;
		}
		char *g = check_guard_copy(m, len);
		struct sip_msg msg;
		struct sip_parse_error err;
		sip_msg_init(&msg, hdrs, 128);
		int rc = sip_msg_parse(&msg, g, len, SIP_PARSE_LENIENT, &err);
		printf("archive/%-37s lenient parse: %s%s%s%s\n", names[i], rc >= 0 ? "ok" : err.reason,
		       rc >= 0 && (msg.repairs & SIP_REPAIR_BARE_LF) ? ", bare LF" : "",
		       rc >= 0 && (msg.repairs & SIP_REPAIR_NO_EMPTY_LINE) ? ", no empty line" : "",
		       rc >= 0 && (msg.repairs & SIP_REPAIR_SHORT_BODY) ? ", short body" : "");
		CHECK(rc >= 0);
		CHECK(rc < 0 || (msg.repairs & SIP_REPAIR_BARE_LF));
		check_guard_free(g, len);
		free(m);
	}
}

int main(void)
{
	corpus_run("../shared/corpus/rfc4475");
	corpus_run("../shared/corpus/rfc5118");
	archive_lenient_run();
	return check_done();
}
