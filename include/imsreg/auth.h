/* auth.h: the authentication core: Milenage (3GPP TS 35.206), UMTS/IMS AKA
 * (TS 33.102 §6.3, Annex C), HTTP Digest (RFC 7616, RFC 2617, RFC 2069),
 * IMS AKA Digest (RFC 3310 AKAv1, RFC 4169 AKAv2) and server nonces.
 *
 * Pure: no I/O, no logging, no globals; libcrypto does AES, the hashes and
 * the random numbers. Keys and passwords are caller-owned; functions that
 * copy a secret wipe their copy (OPENSSL_cleanse) before returning or in
 * their fini/destroy; MACs and responses are compared in constant time.
 * Nothing here prints a secret.
 *
 * Errors: functions return >= 0 on success or a negative errno: -EINVAL
 * (bad argument or text), -ENOMEM (allocation), -EIO (libcrypto failed),
 * -EACCES (a MAC or response did not verify), -EMSGSIZE (output too small). */
#ifndef IMSREG_AUTH_H
#define IMSREG_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <imsreg/slice.h>

#define AUTH_K_LEN 16
#define AUTH_OP_LEN 16
#define AUTH_RAND_LEN 16
#define AUTH_SQN_LEN 6
#define AUTH_AMF_LEN 2
#define AUTH_MAC_LEN 8
#define AUTH_RES_LEN 8     /* Milenage f2: 64 bits */
#define AUTH_CK_LEN 16
#define AUTH_IK_LEN 16
#define AUTH_AK_LEN 6
#define AUTH_AUTN_LEN 16   /* SQN^AK (6) || AMF (2) || MAC-A (8) */
#define AUTH_AUTS_LEN 14   /* SQN_MS^AK* (6) || MAC-S (8) */

/* Overwrites n bytes with zeros (OPENSSL_cleanse): for callers' copies of
 * K, OPc, passwords, RES, CK, IK. */
void auth_wipe(void *p, size_t n);
/* n unpredictable bytes (RAND_bytes): 0 or -EIO. */
int auth_random(uint8_t *out, size_t n);
/* true when a[0..n) == b[0..n), in time independent of the contents. */
bool auth_equal(const void *a, const void *b, size_t n);

/* ---- Milenage (3GPP TS 35.206 §4.1) ------------------------------------
 * r1..r5 = 64, 0, 32, 64, 96 and c1..c5 = 0, 1, 2, 4, 8 (the values of
 * the spec). One struct milenage per subscriber key: the AES key schedule
 * of K is built once and reused for every function. */

struct crypto_aes;
struct milenage {
	struct crypto_aes *aes;  /* owned: E_K */
	uint8_t opc[AUTH_OP_LEN]; /* copy, wiped by fini */
};

/* OPc = OP xor E_K(OP) (§4.1): 0, -ENOMEM or -EIO. Nothing is kept. */
int milenage_opc(uint8_t opc[AUTH_OP_LEN], const uint8_t k[AUTH_K_LEN],
		 const uint8_t op[AUTH_OP_LEN]);
/* Prepares m for K and OPc (both copied; K only into the key schedule):
 * 0, -ENOMEM or -EIO. Pair with milenage_fini. */
int milenage_init(struct milenage *m, const uint8_t k[AUTH_K_LEN], const uint8_t opc[AUTH_OP_LEN]);
/* The same from OP instead of OPc. */
int milenage_init_op(struct milenage *m, const uint8_t k[AUTH_K_LEN], const uint8_t op[AUTH_OP_LEN]);
/* Wipes OPc and frees the key schedule; safe on a zeroed or finished m. */
void milenage_fini(struct milenage *m);
/* f1 (MAC-A) and f1* (MAC-S) of RAND, SQN and AMF; either output may be
 * NULL. 0 or -EIO. */
int milenage_f1(struct milenage *m, const uint8_t rand[AUTH_RAND_LEN],
		const uint8_t sqn[AUTH_SQN_LEN], const uint8_t amf[AUTH_AMF_LEN],
		uint8_t mac_a[AUTH_MAC_LEN], uint8_t mac_s[AUTH_MAC_LEN]);
/* f2 (RES), f3 (CK), f4 (IK), f5 (AK) of RAND; any output may be NULL
 * (its block cipher call is then skipped). 0 or -EIO. */
int milenage_f2345(struct milenage *m, const uint8_t rand[AUTH_RAND_LEN], uint8_t res[AUTH_RES_LEN],
		   uint8_t ck[AUTH_CK_LEN], uint8_t ik[AUTH_IK_LEN], uint8_t ak[AUTH_AK_LEN]);
/* f5* (AK for resynchronisation, AUTS) of RAND: 0 or -EIO. */
int milenage_f5star(struct milenage *m, const uint8_t rand[AUTH_RAND_LEN],
		    uint8_t ak_star[AUTH_AK_LEN]);

#endif
