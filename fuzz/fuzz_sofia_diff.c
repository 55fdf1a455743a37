/* fuzz_sofia_diff.c: differential fuzzing of the message codec against
 * sofia-sip (tests/peer/sofia_diff.h): where our strict parse and check and
 * sofia-sip's msg_make both accept an input, every value both decode must be
 * equal; a difference aborts with both values on stderr. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "sofia_diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_mismatch(void *ctx, const char *what, struct slice ours, const char *sofia)
{
	(void)ctx;
	fprintf(stderr, "fuzz_sofia_diff: %s: ours '%.*s', sofia-sip '%s'\n", what,
		(int)(ours.len > 300 ? 300 : ours.len), ours.ptr ? ours.ptr : "",
		sofia ? sofia : "(none)");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned n;
	sofia_diff_message((const char *)data, size, on_mismatch, NULL, &n);
	if (n)
		abort();
	return 0;
}
