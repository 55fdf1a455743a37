/* auth_cmds.h: `imsreg verify` and `imsreg aka` (issue 3 §2 and §3), and the
 * small option and hex helpers the two share. */
#ifndef IMSREG_CLI_AUTH_CMDS_H
#define IMSREG_CLI_AUTH_CMDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <imsreg/auth.h>

/* The subcommands. argv[0] is the command name ("verify", "aka"), the
 * options follow. They write their report to stdout and errors to stderr.
 * verify returns 0 (the response verifies), 1 (it does not: the diagnosis
 * says why) or 2 (input unreadable, or not enough to decide); aka returns 0,
 * 1 (an AUTS to check did not verify) or 2 (bad usage). */
int cmd_verify(int argc, char **argv);
int cmd_aka(int argc, char **argv);

/* The subscriber keys given on the command line. Secret: wiped by
 * auth_keys_wipe. */
struct trace_xfrm;

struct auth_keys {
	bool has_k, has_op, op_is_opc, has_amf;
	uint8_t k[AUTH_K_LEN];
	uint8_t op[AUTH_OP_LEN];   /* OP or OPc as given (op_is_opc) */
	uint8_t opc[AUTH_OP_LEN];  /* OPc, computed from OP when needed */
	uint8_t amf[AUTH_AMF_LEN];
	/* decode --xfrm: SAs whose keys were given as they are (NULL: none) */
	const struct trace_xfrm *xfrm;
};

/* Hex text ("0x" prefix, ':' ' ' '-' separators allowed) into exactly n
 * octets (n <= AUTH_HEX_MAX): 0, or -EINVAL (not hex, odd number of
 * digits, wrong length). */
#define AUTH_HEX_MAX 64
int auth_hex_parse(uint8_t *out, size_t n, const char *text);
/* The same for 1..max octets: the number of octets or -EINVAL. */
int auth_hex_parse_var(uint8_t *out, size_t max, const char *text);

/* Takes one key option at argv[*i] ("--k HEX", "--opc HEX", "--op HEX",
 * "--amf HEX", or the "--k=HEX" form): 1 when it was one (and *i moved past
 * its value), 0 when argv[*i] is another option, -EINVAL (message on
 * stderr) for a missing or bad value. */
int auth_keys_option(struct auth_keys *keys, int argc, char **argv, int *i);
/* Prepares m from K and OP/OPc (computing keys->opc): 0, -EINVAL (no K or
 * no OP/OPc: message on stderr) or -EIO/-ENOMEM. */
int auth_keys_milenage(struct auth_keys *keys, struct milenage *m);
void auth_keys_wipe(struct auth_keys *keys);

/* The value of an option: for "--name VALUE" or "--name=VALUE" at argv[*i]
 * returns VALUE and moves *i past it; NULL (message on stderr when the
 * name matched but the value is missing) otherwise. *matched tells whether
 * argv[*i] was this option. */
const char *auth_option_value(int argc, char **argv, int *i, const char *name, bool *matched);

#endif
