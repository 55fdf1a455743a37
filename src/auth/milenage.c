/* milenage.c: 3GPP TS 35.206 §4.1 Milenage f1, f1*, f2, f3, f4, f5, f5* and OPc. */
#include <errno.h>
#include <string.h>
#include <imsreg/auth.h>
#include "auth/crypto.h"

static void xor16(uint8_t *out, const uint8_t *a, const uint8_t *b)
{
	for (int i = 0; i < 16; i++)
		out[i] = a[i] ^ b[i];
}

/* Cyclic left rotation by r bits; every r of the spec is a multiple of 8. */
static void rot16(uint8_t out[16], const uint8_t in[16], unsigned r)
{
	unsigned by = (r / 8) % 16;
	for (unsigned i = 0; i < 16; i++)
		out[i] = in[(i + by) % 16];
}

int milenage_opc(uint8_t opc[AUTH_OP_LEN], const uint8_t k[AUTH_K_LEN],
		 const uint8_t op[AUTH_OP_LEN])
{
	struct crypto_aes *aes = crypto_aes_create(k);
	uint8_t e[16];
	int rc;
	if (!aes)
		return -ENOMEM;
	rc = crypto_aes_encrypt(aes, op, e);
	if (rc == 0)
		xor16(opc, e, op);
	crypto_wipe(e, sizeof(e));
	crypto_aes_destroy(aes);
	return rc;
}

int milenage_init(struct milenage *m, const uint8_t k[AUTH_K_LEN], const uint8_t opc[AUTH_OP_LEN])
{
	m->aes = crypto_aes_create(k);
	if (!m->aes)
		return -ENOMEM;
	memcpy(m->opc, opc, AUTH_OP_LEN);
	return 0;
}

int milenage_init_op(struct milenage *m, const uint8_t k[AUTH_K_LEN], const uint8_t op[AUTH_OP_LEN])
{
	uint8_t opc[AUTH_OP_LEN];
	int rc = milenage_opc(opc, k, op);
	if (rc == 0)
		rc = milenage_init(m, k, opc);
	crypto_wipe(opc, sizeof(opc));
	return rc;
}

void milenage_fini(struct milenage *m)
{
	crypto_aes_destroy(m->aes);
	m->aes = NULL;
	crypto_wipe(m->opc, sizeof(m->opc));
}

/* TEMP = E_K(RAND xor OPc), shared by every function. */
static int milenage_temp(struct milenage *m, const uint8_t rand[16], uint8_t temp[16])
{
	uint8_t in[16];
	int rc;
	xor16(in, rand, m->opc);
	rc = crypto_aes_encrypt(m->aes, in, temp);
	crypto_wipe(in, sizeof(in));
	return rc;
}

/* OUTn = E_K(rot(TEMP xor OPc, r) xor c) xor OPc for n = 2..5, where c is
 * the constant whose only set bits are in the last byte. */
static int milenage_out(struct milenage *m, const uint8_t temp[16], unsigned r, uint8_t c,
			uint8_t out[16])
{
	uint8_t x[16], y[16];
	int rc;
	xor16(x, temp, m->opc);
	rot16(y, x, r);
	y[15] ^= c;
	rc = crypto_aes_encrypt(m->aes, y, out);
	if (rc == 0)
		xor16(out, out, m->opc);
	crypto_wipe(x, sizeof(x));
	crypto_wipe(y, sizeof(y));
	return rc;
}

int milenage_f1(struct milenage *m, const uint8_t rand[AUTH_RAND_LEN],
		const uint8_t sqn[AUTH_SQN_LEN], const uint8_t amf[AUTH_AMF_LEN],
		uint8_t mac_a[AUTH_MAC_LEN], uint8_t mac_s[AUTH_MAC_LEN])
{
	uint8_t temp[16], in1[16], x[16], y[16], out1[16];
	int rc = milenage_temp(m, rand, temp);
	if (rc < 0)
		goto out;
	/* IN1 = SQN || AMF || SQN || AMF; OUT1 = E_K(TEMP xor rot(IN1 xor OPc, r1) xor c1) xor OPc,
	 * r1 = 64, c1 = 0. */
	memcpy(in1, sqn, 6);
	memcpy(in1 + 6, amf, 2);
	memcpy(in1 + 8, sqn, 6);
	memcpy(in1 + 14, amf, 2);
	xor16(x, in1, m->opc);
	rot16(y, x, 64);
	xor16(y, y, temp);
	rc = crypto_aes_encrypt(m->aes, y, out1);
	if (rc < 0)
		goto out;
	xor16(out1, out1, m->opc);
	if (mac_a)
		memcpy(mac_a, out1, 8);
	if (mac_s)
		memcpy(mac_s, out1 + 8, 8);
out:
	crypto_wipe(temp, sizeof(temp));
	crypto_wipe(x, sizeof(x));
	crypto_wipe(y, sizeof(y));
	crypto_wipe(out1, sizeof(out1));
	return rc;
}

int milenage_f2345(struct milenage *m, const uint8_t rand[AUTH_RAND_LEN], uint8_t res[AUTH_RES_LEN],
		   uint8_t ck[AUTH_CK_LEN], uint8_t ik[AUTH_IK_LEN], uint8_t ak[AUTH_AK_LEN])
{
	uint8_t temp[16], out[16];
	int rc = milenage_temp(m, rand, temp);
	if (rc < 0)
		goto out;
	if (res || ak) {
		/* OUT2: r2 = 0, c2 = 1; f5 = OUT2[0..47], f2 = OUT2[64..127]. */
		rc = milenage_out(m, temp, 0, 1, out);
		if (rc < 0)
			goto out;
		if (ak)
			memcpy(ak, out, 6);
		if (res)
			memcpy(res, out + 8, 8);
	}
	if (ck) {
		rc = milenage_out(m, temp, 32, 2, ck); /* OUT3: r3 = 32, c3 = 2 */
		if (rc < 0)
			goto out;
	}
	if (ik)
		rc = milenage_out(m, temp, 64, 4, ik); /* OUT4: r4 = 64, c4 = 4 */
out:
	crypto_wipe(temp, sizeof(temp));
	crypto_wipe(out, sizeof(out));
	return rc;
}

int milenage_f5star(struct milenage *m, const uint8_t rand[AUTH_RAND_LEN],
		    uint8_t ak_star[AUTH_AK_LEN])
{
	uint8_t temp[16], out[16];
	int rc = milenage_temp(m, rand, temp);
	if (rc == 0)
		rc = milenage_out(m, temp, 96, 8, out); /* OUT5: r5 = 96, c5 = 8 */
	if (rc == 0)
		memcpy(ak_star, out, 6);
	crypto_wipe(temp, sizeof(temp));
	crypto_wipe(out, sizeof(out));
	return rc;
}
