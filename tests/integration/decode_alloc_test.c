/* decode_alloc_test.c: `imsreg decode` (text, --json, --diff) when the Nth
 * allocation fails, for every N up to a run that needs no failure: never a
 * crash, status 2 (out of memory is an input that cannot be decoded), and no
 * block left allocated (alloc_live) afterwards. */
#include <stdio.h>
#include <imsreg/alloc.h>
#include "check.h"
#include "cli/cli.h"

static int run(int argc, char **argv, FILE *out, FILE *err)
{
	return cli_decode_main(argc, argv, out, err);
}

static void sweep(const char *what, int argc, char **argv)
{
	FILE *out = tmpfile(), *err = tmpfile();
	long base = alloc_live();
	int full = run(argc, argv, out, err);
	CHECK(full == 0 || full == 1);
	CHECK_INT_EQ(alloc_live(), base);
	int n;
	for (n = 0; n < 5000; n++) {
		rewind(out);
		rewind(err);
		alloc_fail_after(n);
		int rc = run(argc, argv, out, err);
		alloc_fail_after(-1);
		if (alloc_live() != base) {
			fprintf(stderr, "%s: %ld blocks leaked when allocation %d fails\n", what,
				alloc_live() - base, n);
			CHECK_INT_EQ(alloc_live(), base);
			break;
		}
		if (rc == full)
			break; /* enough allocations for the whole run: no failure was hit */
		if (rc != 2) {
			fprintf(stderr, "%s: status %d when allocation %d fails\n", what, rc, n);
			CHECK(rc == 1 || rc == 2);
			break;
		}
	}
	CHECK(n < 5000);
	CHECK(n > 3); /* the run allocates: the sweep failed some of them */
	printf("%s: %d allocations failed one by one\n", what, n);
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
	return check_done();
}
