/* aka_cmd.c: `imsreg aka`: an authentication vector and its 401 nonce
 * (TS 33.102 §6.3.2, RFC 3310 §3.2), and AUTS built or checked
 * (TS 33.102 §6.3.3, §6.3.5). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include <imsreg/error.h>
#include <imsreg/ims.h>
#include "cli/auth_cmds.h"
#include "cli/cli.h"
#include "cli/report.h"

/* SEQ 1, IND 0 (TS 33.102 Annex C): the first SQN a fresh USIM accepts. */
#define AKA_CMD_SQN_DEFAULT (UINT64_C(1) << AKA_IND_BITS)

struct aka_opts {
	struct auth_keys keys;
	bool auts;            /* the "auts" subcommand */
	bool json;
	bool has_rand, has_sqn, has_sqn_ms;
	uint8_t rand[AUTH_RAND_LEN];
	uint64_t sqn, sqn_ms;
	const char *auts_text;
	const char *realm;
	enum digest_algo algo;
};

static void usage(FILE *out)
{
	fputs("usage: imsreg aka --k HEX (--opc HEX | --op HEX) [--amf HEX] [--sqn HEX] [--rand HEX]\n"
	      "                  [--realm REALM] [--algorithm AKAv1-MD5|AKAv2-MD5] [--json]\n"
	      "       imsreg aka auts --k HEX (--opc HEX | --op HEX) --rand HEX --sqn-ms HEX [--json]\n"
	      "       imsreg aka auts --k HEX (--opc HEX | --op HEX) --rand HEX --auts B64 [--json]\n",
	      out);
}

/* A 48-bit SQN in hex (up to 12 digits). */
static int sqn_parse(const char *text, uint64_t *out)
{
	uint8_t b[AUTH_SQN_LEN];
	int n = auth_hex_parse_var(b, sizeof b, text);
	if (n < 0)
		return n;
	*out = 0;
	for (int i = 0; i < n; i++)
		*out = *out << 8 | b[i];
	return 0;
}

static int options_parse(struct aka_opts *o, int argc, char **argv)
{
	int i = 1;
	if (argc > 1 && strcmp(argv[1], "auts") == 0) {
		o->auts = true;
		i = 2;
	}
	for (; i < argc; i++) {
		bool matched;
		const char *val;
		int rc = auth_keys_option(&o->keys, argc, argv, &i);
		if (rc < 0)
			return rc;
		if (rc > 0)
			continue;
		if ((val = auth_option_value(argc, argv, &i, "--rand", &matched)) || matched) {
			if (!val || auth_hex_parse(o->rand, sizeof o->rand, val) < 0) {
				fprintf(stderr, "imsreg aka: --rand wants 16 octets in hex\n");
				return -EINVAL;
			}
			o->has_rand = true;
		} else if ((val = auth_option_value(argc, argv, &i, "--sqn-ms", &matched)) || matched) {
			if (!val || sqn_parse(val, &o->sqn_ms) < 0) {
				fprintf(stderr, "imsreg aka: --sqn-ms wants up to 6 octets in hex\n");
				return -EINVAL;
			}
			o->has_sqn_ms = true;
		} else if ((val = auth_option_value(argc, argv, &i, "--sqn", &matched)) || matched) {
			if (!val || sqn_parse(val, &o->sqn) < 0) {
				fprintf(stderr, "imsreg aka: --sqn wants up to 6 octets in hex\n");
				return -EINVAL;
			}
			o->has_sqn = true;
		} else if ((val = auth_option_value(argc, argv, &i, "--auts", &matched)) || matched) {
			if (!val)
				return -EINVAL;
			o->auts_text = val;
		} else if ((val = auth_option_value(argc, argv, &i, "--realm", &matched)) || matched) {
			if (!val)
				return -EINVAL;
			o->realm = val;
		} else if ((val = auth_option_value(argc, argv, &i, "--algorithm", &matched)) ||
			   matched) {
			if (!val || digest_algo_lookup(slice_cstr(val), &o->algo) < 0 ||
			    (o->algo != DIGEST_AKAV1_MD5 && o->algo != DIGEST_AKAV2_MD5)) {
				fprintf(stderr, "imsreg aka: --algorithm is AKAv1-MD5 or AKAv2-MD5\n");
				return -EINVAL;
			}
		} else if (strcmp(argv[i], "--json") == 0) {
			o->json = true;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 1;
		} else {
			fprintf(stderr, "imsreg aka: unknown argument %s\n", argv[i]);
			return -EINVAL;
		}
	}
	if (!o->keys.has_k || !o->keys.has_op) {
		fprintf(stderr, "imsreg aka: --k and one of --opc / --op are required\n");
		return -EINVAL;
	}
	if (o->auts) {
		if (!o->has_rand || o->has_sqn_ms == (o->auts_text != NULL)) {
			fprintf(stderr, "imsreg aka auts: give --rand and either --sqn-ms or --auts\n");
			return -EINVAL;
		}
	} else if (o->has_sqn_ms || o->auts_text) {
		fprintf(stderr, "imsreg aka: --sqn-ms and --auts go with `imsreg aka auts`\n");
		return -EINVAL;
	}
	if ((o->has_sqn && o->sqn > AKA_SQN_MAX) || (o->has_sqn_ms && o->sqn_ms > AKA_SQN_MAX)) {
		fprintf(stderr, "imsreg aka: SQN is 48 bits\n");
		return -EINVAL;
	}
	return 0;
}

static void sqn_report(struct report *r, const char *key, const char *label, uint64_t sqn)
{
	uint8_t b[AUTH_SQN_LEN];
	char note[96];
	aka_sqn_put(b, sqn);
	snprintf(note, sizeof note, "%llu: SEQ %llu, IND %u", (unsigned long long)sqn,
		 (unsigned long long)(sqn >> AKA_IND_BITS), (unsigned)(sqn & (AKA_IND_COUNT - 1)));
	report_hex(r, key, label, b, sizeof b, note);
}

/* The vector, the nonce and the WWW-Authenticate line: 0 or < 0. */
static int vector_run(struct aka_opts *o, struct milenage *m, struct report *r, struct buf *tmp)
{
	struct aka_vector vec;
	uint8_t pw[DIGEST_AKA_PASSWORD_MAX];
	char nonce[NONCE_TEXT_MAX];
	const uint8_t *amf = o->keys.has_amf ? o->keys.amf : (const uint8_t[AUTH_AMF_LEN]){ 0, 0 };
	int rc = aka_vector_build(&vec, m, o->has_rand ? o->rand : NULL,
				  o->has_sqn ? o->sqn : AKA_CMD_SQN_DEFAULT, amf);
	if (rc < 0)
		goto out;
	rc = aka_nonce_encode(nonce, sizeof nonce, vec.rand, vec.autn, NULL, 0);
	if (rc < 0)
		goto out;
	report_begin(r, "vector", "authentication vector (TS 33.102 §6.3.2, Milenage TS 35.206)");
	if (!o->keys.op_is_opc)
		report_hex(r, "opc", "OPc", o->keys.opc, AUTH_OP_LEN, "computed from OP");
	report_hex(r, "rand", "RAND", vec.rand, sizeof vec.rand, o->has_rand ? NULL : "random");
	sqn_report(r, "sqn", "SQN", aka_sqn_get(vec.sqn));
	report_hex(r, "amf", "AMF", vec.amf, sizeof vec.amf, NULL);
	report_hex(r, "mac_a", "MAC-A", vec.mac_a, sizeof vec.mac_a, "f1");
	report_hex(r, "ak", "AK", vec.ak, sizeof vec.ak, "f5");
	report_hex(r, "autn", "AUTN", vec.autn, sizeof vec.autn, "SQN^AK || AMF || MAC-A");
	report_hex(r, "xres", "XRES", vec.xres, sizeof vec.xres, "f2");
	report_hex(r, "ck", "CK", vec.ck, sizeof vec.ck, "f3");
	report_hex(r, "ik", "IK", vec.ik, sizeof vec.ik, "f4");
	report_end(r);

	report_begin(r, "digest", "in SIP (RFC 3310 §3.2, RFC 4169)");
	report_cstr(r, "nonce", "nonce", nonce, "base64(RAND || AUTN)");
	buf_reset(tmp);
	buf_printf(tmp, "WWW-Authenticate: Digest realm=\"%s\", nonce=\"%s\", algorithm=%s, "
			"qop=\"auth,auth-int\"",
		   o->realm, nonce, digest_algo_name(o->algo));
	report_str(r, "www_authenticate", "401 header", buf_view(tmp), NULL);
	report_keep_error(r, tmp);
	rc = digest_aka_password(pw, o->algo, vec.xres, sizeof vec.xres, vec.ik, vec.ck);
	if (rc >= 0) {
		if (o->algo == DIGEST_AKAV1_MD5)
			report_hex(r, "password", "Digest password", pw, (size_t)rc,
				   "XRES as raw octets, RFC 3310 §3.3");
		else
			report_str(r, "password", "Digest password",
				   slice_make((const char *)pw, (size_t)rc), "RFC 4169 §3");
		rc = 0;
	}
	report_end(r);
out:
	auth_wipe(pw, sizeof pw);
	auth_wipe(&vec, sizeof vec);
	return rc;
}

/* Builds AUTS, or checks one: 0, 1 (MAC-S wrong), or < 0. */
static int auts_run(struct aka_opts *o, struct milenage *m, struct report *r)
{
	uint8_t auts[AUTH_AUTS_LEN], ak_star[AUTH_AK_LEN];
	uint64_t sqn_ms = o->sqn_ms;
	int rc, status = 0;

	report_begin(r, "auts", "AUTS (TS 33.102 §6.3.3: SQN_MS^AK* || MAC-S, AMF 0000)");
	report_hex(r, "rand", "RAND", o->rand, sizeof o->rand, NULL);
	if ((rc = milenage_f5star(m, o->rand, ak_star)) < 0)
		goto out;
	report_hex(r, "ak_star", "AK*", ak_star, sizeof ak_star, "f5*");
	if (o->has_sqn_ms) {
		if ((rc = aka_auts_build(auts, m, o->rand, o->sqn_ms)) < 0)
			goto out;
	} else {
		struct ims_auts a;
		if (ims_auts_decode(&a, slice_cstr(o->auts_text)) == 0) {
			memcpy(auts, a.sqn_ms_xor_ak_star, 6);
			memcpy(auts + 6, a.mac_s, 8);
		} else if (auth_hex_parse(auts, sizeof auts, o->auts_text) < 0) {
			fprintf(stderr, "imsreg aka auts: --auts wants base64 (or hex) of 14 octets\n");
			rc = -EINVAL;
			goto out;
		}
		rc = aka_auts_check(m, o->rand, auts, &sqn_ms);
		if (rc < 0 && rc != -EACCES)
			goto out;
		status = rc == 0 ? 0 : 1;
		rc = 0;
	}
	sqn_report(r, "sqn_ms", "SQN_MS", sqn_ms);
	report_hex(r, "sqn_ms_xor_ak_star", "SQN_MS^AK*", auts, 6, NULL);
	report_hex(r, "mac_s", "MAC-S", auts + 6, 8, "f1*");
	report_hex(r, "auts_hex", "AUTS", auts, sizeof auts, NULL);
	char b64[32];
	base64_encode(b64, auts, sizeof auts);
	report_cstr(r, "auts", "auts (base64)", b64, "as in the Authorization, RFC 3310 §3.4");
	if (!o->has_sqn_ms)
		report_bool(r, "mac_s_ok", "MAC-S verifies", status == 0,
			    status == 0 ? "SQN_MS is the UE's"
					: "K or OPc differ from the UE's, or another RAND: SQN_MS above is "
					  "meaningless");
	report_end(r);
out:
	auth_wipe(ak_star, sizeof ak_star);
	return rc < 0 ? rc : status;
}

int cmd_aka(int argc, char **argv)
{
	struct aka_opts o;
	struct milenage m = { 0 };
	struct buf out, tmp;
	struct report r;
	int status = 2, rc;

	memset(&o, 0, sizeof o);
	o.realm = "ims.mnc001.mcc001.3gppnetwork.org";
	o.algo = DIGEST_AKAV1_MD5;
	buf_init(&out);
	buf_init(&tmp);
	rc = options_parse(&o, argc, argv);
	if (rc != 0) {
		if (rc < 0)
			usage(stderr);
		status = rc > 0 ? 0 : 2;
		goto out;
	}
	if ((rc = auth_keys_milenage(&o.keys, &m)) < 0) {
		fprintf(stderr, "imsreg aka: Milenage: %s\n", error_name(rc));
		goto out;
	}
	report_init(&r, &out, o.json ? REPORT_JSON : REPORT_TEXT, false);
	report_begin(&r, NULL, NULL);
	rc = o.auts ? auts_run(&o, &m, &r) : vector_run(&o, &m, &r, &tmp);
	report_end(&r);
	if (rc < 0 || out.err) {
		fprintf(stderr, "imsreg aka: %s\n", error_name(rc < 0 ? rc : out.err));
		goto out;
	}
	fwrite(out.ptr, 1, out.len, stdout);
	status = cli_output_flush(stdout, stderr, rc);
out:
	milenage_fini(&m);
	auth_keys_wipe(&o.keys);
	if (out.ptr)
		auth_wipe(out.ptr, out.cap);
	buf_fini(&tmp);
	buf_fini(&out);
	return status;
}
