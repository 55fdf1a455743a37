/* peer_corpus.h: what the cross-check tests of our parse against a peer
 * library share (sofia_crosscheck_test.c, osip_crosscheck_test.c): the
 * changed-copy rows that show a comparison can fail, and the walk over every
 * corpus with its verdict counts. Failures are counted with check.h. */
#ifndef IMSREG_TESTS_PEER_CORPUS_H
#define IMSREG_TESTS_PEER_CORPUS_H

#include <stddef.h>
#include <imsreg/sip.h>
#include "peer_diff.h"

struct peer_corpus_peer {
	const char *name;        /* "sofia-sip", in what is printed */
	const char *verbose_env; /* when set, the messages only one side accepts are listed */
	peer_values_fn *values;   /* sofia_diff_values */
	peer_accepts_fn *accepts; /* sofia_diff_accepts */
};

/* Ours parses file; the peer gets a copy with the first `from` replaced by
 * `to`; the first mismatch must be named `expect` (NULL: there must be
 * none, a representation difference the comparison forgives). */
struct peer_changed {
	const char *file;
	const char *from, *to;
	const char *expect;
};

void peer_corpus_changed(const struct peer_corpus_peer *peer, const struct peer_changed *rows,
			 size_t n);

/* Every message of the corpora (the seeds, both torture corpora, the bench
 * corpus, the captures, tests/data and the fuzz corpora) through
 * peer_diff_message: no message may have a difference, and every bench message
 * must be accepted by both. Prints the counts in one line. */
void peer_corpus_run(const struct peer_corpus_peer *peer);

#endif
