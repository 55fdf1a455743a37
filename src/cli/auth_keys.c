/* auth_keys.c: K, OP/OPc and AMF options and hex text for
 * `imsreg verify` and `imsreg aka` (keys as in 3GPP TS 35.206 §2). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/codec.h>
#include "cli/auth_cmds.h"

int auth_hex_parse_var(uint8_t *out, size_t max, const char *text)
{
	/* the digits without "0x" and separators, then codec.h; a key's
	 * digits are wiped */
	char digits[2 * AUTH_HEX_MAX];
	size_t n = 0;
	int rc = -EINVAL;

	if (!text || max > AUTH_HEX_MAX)
		return -EINVAL;
	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		text += 2;
	for (; *text; text++) {
		if (*text == ':' || *text == ' ' || *text == '-')
			continue;
		if (n == 2 * max)
			goto out; /* more octets than max (or not hex: no matter) */
		digits[n++] = *text;
	}
	rc = hex_decode_any(out, max, slice_make(digits, n));
	if (rc <= 0)
		rc = -EINVAL; /* nothing, an odd count or not hex */
out:
	auth_wipe(digits, sizeof digits);
	return rc;
}

int auth_hex_parse(uint8_t *out, size_t n, const char *text)
{
	uint8_t tmp[AUTH_HEX_MAX];
	if (n > sizeof tmp)
		return -EINVAL;
	int got = auth_hex_parse_var(tmp, sizeof tmp, text);
	int rc = got == (int)n ? 0 : -EINVAL;
	if (rc == 0)
		memcpy(out, tmp, n);
	auth_wipe(tmp, sizeof tmp);
	return rc;
}

const char *auth_option_value(int argc, char **argv, int *i, const char *name, bool *matched)
{
	const char *a = argv[*i];
	size_t n = strlen(name);

	*matched = false;
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=') {
		*matched = true;
		return a + n + 1;
	}
	if (a[n] != '\0')
		return NULL;
	*matched = true;
	if (*i + 1 >= argc) {
		fprintf(stderr, "imsreg %s: %s needs a value\n", argv[0], name);
		return NULL;
	}
	(*i)++;
	return argv[*i];
}

int auth_keys_option(struct auth_keys *keys, int argc, char **argv, int *i)
{
	static const struct {
		const char *name;
		size_t len;
		const char *what;
	} opts[] = {
		{ "--k", AUTH_K_LEN, "K (16 octets, 32 hex digits)" },
		{ "--opc", AUTH_OP_LEN, "OPc (16 octets, 32 hex digits)" },
		{ "--op", AUTH_OP_LEN, "OP (16 octets, 32 hex digits)" },
		{ "--amf", AUTH_AMF_LEN, "AMF (2 octets, 4 hex digits)" },
	};
	for (size_t o = 0; o < sizeof opts / sizeof opts[0]; o++) {
		bool matched;
		const char *v = auth_option_value(argc, argv, i, opts[o].name, &matched);
		if (!matched)
			continue;
		if (!v)
			return -EINVAL;
		uint8_t *dst = o == 0 ? keys->k : o == 3 ? keys->amf : keys->op;
		if (auth_hex_parse(dst, opts[o].len, v) < 0) {
			fprintf(stderr, "imsreg %s: %s wants %s in hex\n", argv[0], opts[o].name,
				opts[o].what);
			return -EINVAL;
		}
		if (o == 0) {
			keys->has_k = true;
		} else if (o == 3) {
			keys->has_amf = true;
		} else {
			if (keys->has_op) {
				fprintf(stderr, "imsreg %s: give --opc or --op, once\n", argv[0]);
				return -EINVAL;
			}
			keys->has_op = true;
			keys->op_is_opc = o == 1;
		}
		return 1;
	}
	return 0;
}

int auth_keys_milenage(struct auth_keys *keys, struct milenage *m)
{
	int rc;

	if (!keys->has_k || !keys->has_op)
		return -EINVAL;
	if (keys->op_is_opc)
		memcpy(keys->opc, keys->op, AUTH_OP_LEN);
	else if ((rc = milenage_opc(keys->opc, keys->k, keys->op)) < 0)
		return rc;
	return milenage_init(m, keys->k, keys->opc);
}

void auth_keys_wipe(struct auth_keys *keys)
{
	auth_wipe(keys, sizeof *keys);
}
