/* main.c: the imsreg program: dispatches to one file per subcommand. */
#include <stdio.h>
#include <string.h>
#include "cli/auth_cmds.h"
#include "cli/cli.h"

static void usage(FILE *out)
{
	fputs("usage: imsreg <command> [options]\n"
	      "commands:\n"
	      "  decode   explain a REGISTER (and its 401/200) header by header, with findings\n"
	      "           imsreg decode [--json] [--strict] [--brief] [--no-color] [FILE...]\n"
	      "           imsreg decode [--json] --diff A B\n"
	      "           imsreg decode [--json] --rules\n"
	      "  verify   check a UE's Authorization response from K/OPc (AKA) or a password\n"
	      "           imsreg verify --k HEX (--opc HEX | --op HEX) [--amf HEX] [--json] FILE\n"
	      "           imsreg verify (--password PW | --ha1 HEX) [--json] FILE\n"
	      "  aka      build an AKA vector and the 401 nonce, or build/check AUTS\n"
	      "           imsreg aka --k HEX (--opc HEX | --op HEX) [--sqn HEX] [--rand HEX] [--json]\n"
	      "           imsreg aka auts --k HEX (--opc HEX | --op HEX) --rand HEX (--sqn-ms HEX | --auts B64)\n"
	      "  version  print the version\n"
	      "  help     this text; 'imsreg COMMAND --help' for the options of a command\n",
	      out);
}

int main(int argc, char **argv)
{
#if defined(__x86_64__) && defined(__SSSE3__)
	/* Built for x86-64-v2 (CMake IMSREG_X86_64_V2): say so rather than die
	 * of SIGILL on an older CPU. */
	__builtin_cpu_init();
	if (!__builtin_cpu_supports("ssse3") || !__builtin_cpu_supports("sse4.2") ||
	    !__builtin_cpu_supports("popcnt")) {
		fputs("imsreg: this build needs an x86-64-v2 CPU (SSSE3, SSE4.2, POPCNT); "
		      "rebuild with cmake -DIMSREG_X86_64_V2=OFF\n",
		      stderr);
		return 2;
	}
#endif
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
		puts("imsreg " CLI_VERSION);
		return cli_output_flush(stdout, stderr, 0);
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return cli_output_flush(stdout, stderr, 0);
	}
	if (strcmp(argv[1], "decode") == 0)
		return cli_decode_main(argc - 1, argv + 1, stdout, stderr);
	if (strcmp(argv[1], "verify") == 0)
		return cmd_verify(argc - 1, argv + 1);
	if (strcmp(argv[1], "aka") == 0)
		return cmd_aka(argc - 1, argv + 1);
	fprintf(stderr, "imsreg: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
