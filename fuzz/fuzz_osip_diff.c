/* fuzz_osip_diff.c: differential fuzzing of the message codec against
 * libosip2 (tests/peer/osip_diff.h): where our strict parse and check and
 * libosip2's osip_message_parse both accept an input, every value both
 * decode must be equal, but for the libosip2 faults osip_diff.h forgives;
 * a difference aborts with both values on stderr. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "osip_diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_mismatch(void *ctx, const char *what, struct slice ours, const char *osip)
{
	(void)ctx;
	fprintf(stderr, "fuzz_osip_diff: %s: ours '%.*s', libosip2 '%s'\n", what,
		(int)(ours.len > 300 ? 300 : ours.len), ours.ptr ? ours.ptr : "",
		osip ? osip : "(none)");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned n;
	osip_diff_message((const char *)data, size, on_mismatch, NULL, &n);
	if (n)
		abort();
	return 0;
}
