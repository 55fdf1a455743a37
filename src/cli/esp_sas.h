/* esp_sas.h: the IPsec SAs of a capture's sec-agree and their keys, for
 * the capture reader to open ESP with (see esp_sas.c). */
#ifndef IMSREG_CLI_ESP_SAS_H
#define IMSREG_CLI_ESP_SAS_H

#include <stddef.h>
#include <imsreg/trace.h>
#include "cli/auth_cmds.h"

enum cli_esp_source {
	CLI_ESP_FROM_401,   /* ik= and ck= of the S-CSCF's 401 (Mw leg) */
	CLI_ESP_FROM_K,     /* Milenage f3, f4 of the RAND with K and OPc */
};

struct cli_esp_sas {
	struct trace_esp_sa *sa;  /* owned: cli_esp_sas_fini wipes and frees */
	size_t n;
	unsigned challenges;      /* AKA challenges (nonces) whose keys keyed SAs */
	unsigned from_401, from_k;
	unsigned unkeyed;         /* 401s with Security-Server without keys */
	size_t given;             /* of them, the last given as they are (--xfrm) */
};

/* The SAs the messages of c set up, keyed from the 401s' ck/ik or, with
 * keys (K and OP/OPc; NULL or without them: none), by Milenage, then the
 * SAs keys->xfrm gives: 0 (out may hold none), -ENOMEM or -EIO. */
int cli_esp_sas(const struct trace_capture *c, const struct auth_keys *keys, struct cli_esp_sas *out);
void cli_esp_sas_fini(struct cli_esp_sas *s);

#endif
