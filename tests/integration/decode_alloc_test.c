/* decode_alloc_test.c: `imsreg decode` (text, --json, --diff, a capture) when the Nth
 * allocation fails, for every N up to a run that needs no failure: never a
 * crash, status 2 (out of memory is an input that cannot be decoded), and no
 * block left allocated (alloc_live) afterwards. A run that ends with the
 * status of the full run must also have written the full report: otherwise
 * a failure went unnoticed (a part of the report dropped, status 0 or 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <imsreg/alloc.h>
#include "check.h"
#include "cli/cli.h"

static int run(int argc, char **argv, FILE *out, FILE *err)
{
	return cli_decode_main(argc, argv, out, err);
}

/* Empties f for the next run. */
static void empty(FILE *f)
{
	rewind(f);
	CHECK_INT_EQ(ftruncate(fileno(f), 0), 0);
}

/* What the last run wrote to f (malloc'd, not counted by alloc_live). */
static char *written(FILE *f, size_t *len)
{
	fflush(f);
	long n = ftell(f);
	char *p = malloc(n > 0 ? (size_t)n : 1);
	rewind(f);
	*len = n > 0 ? fread(p, 1, (size_t)n, f) : 0;
	return p;
}

static void sweep(const char *what, int argc, char **argv)
{
	FILE *out = tmpfile(), *err = tmpfile();
	long base = alloc_live();
	int full = run(argc, argv, out, err);
	size_t want_len;
	char *want = written(out, &want_len);
	CHECK(full == 0 || full == 1);
	CHECK_INT_EQ(alloc_live(), base);
	int n;
	for (n = 0; n < 5000; n++) {
		empty(out);
		empty(err);
		alloc_fail_after(n);
		int rc = run(argc, argv, out, err);
		alloc_fail_after(-1);
		if (alloc_live() != base) {
			fprintf(stderr, "%s: %ld blocks leaked when allocation %d fails\n", what,
				alloc_live() - base, n);
			CHECK_INT_EQ(alloc_live(), base);
			break;
		}
		if (rc == full) {
			/* enough allocations for the whole run, or a failure that
			 * went unnoticed: the report tells which */
			size_t got_len;
			char *got = written(out, &got_len);
			bool same = got_len == want_len && memcmp(got, want, want_len) == 0;
			free(got);
			if (!same)
				fprintf(stderr, "%s: allocation %d failed unnoticed: status %d and a report "
					"unlike the full run's\n", what, n, rc);
			CHECK(same);
			break;
		}
		if (rc != 2) {
			fprintf(stderr, "%s: status %d when allocation %d fails\n", what, rc, n);
			CHECK(rc == 1 || rc == 2);
			break;
		}
	}
	CHECK(n < 5000);
	CHECK(n > 3); /* the run allocates: the sweep failed some of them */
	printf("%s: %d allocations failed one by one\n", what, n);
	free(want);
	fclose(out);
	fclose(err);
}

int main(void)
{
	char *text[] = { "decode", "../shared/fixtures/seed/ex5-ipsec-sec-agree.pasted.txt" };
	char *json[] = { "decode", "--json", "../shared/fixtures/seed/ex3-sms-volte-capability.pasted.txt",
			 "../shared/fixtures/seed/ex6-unregister.pasted.txt" };
	char *diff[] = { "decode", "--diff", "../shared/fixtures/seed/ex2-sms-capability.pasted.txt",
			 "../shared/fixtures/seed/ex4-aka-authorization.pasted.txt" };
	sweep("text", 2, text);
	sweep("json", 4, json);
	sweep("diff", 4, diff);
	/* a capture file: libpcap's reading, the flows, the messages */
	char *capture[] = { "decode", "--brief", "../shared/corpus/captures/pcap/heplify-sip_sctp.pcap" };
	sweep("capture", 3, capture);
	return check_done();
}
