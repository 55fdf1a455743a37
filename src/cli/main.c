/* main.c: the imsreg program: dispatches to one file per subcommand. */
#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
	fputs("usage: imsreg <command> [options]\n"
	      "commands:\n"
	      "  decode   explain a REGISTER (and its 401/200) header by header, with findings\n"
	      "  version  print the version\n",
	      out);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
		puts("imsreg 0.1.0");
		return 0;
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	fprintf(stderr, "imsreg: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
