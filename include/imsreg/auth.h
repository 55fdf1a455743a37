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

/* ---- HTTP Digest (RFC 7616, RFC 2617, RFC 2069) and IMS AKA Digest
 *      (RFC 3310 AKAv1-MD5, RFC 4169 AKAv2-MD5) ---------------------------
 * HA1 = H(username:realm:password)          (-sess: H(HA1:nonce:cnonce))
 * HA2 = H(method:uri)                       (auth-int: H(method:uri:H(body)))
 * response = H(HA1:nonce:nc:cnonce:qop:HA2) (no qop, RFC 2069: H(HA1:nonce:HA2))
 * Every value is lowercase hex. AKAv1/AKAv2 hash with MD5; only their
 * password differs (digest_aka_password). */

enum digest_algo {
	DIGEST_MD5,
	DIGEST_MD5_SESS,
	DIGEST_SHA256,
	DIGEST_SHA256_SESS,
	DIGEST_SHA512_256,      /* FIPS 180-4 SHA-512/256 */
	DIGEST_SHA512_256_SESS,
	DIGEST_AKAV1_MD5,       /* RFC 3310: password = RES as raw octets */
	DIGEST_AKAV2_MD5,       /* RFC 4169: password = base64(HMAC-MD5(RES||IK||CK, ...)) */
	DIGEST_ALGO__COUNT
};

enum digest_qop {
	DIGEST_QOP_NONE,     /* RFC 2069 form: no nc, no cnonce */
	DIGEST_QOP_AUTH,
	DIGEST_QOP_AUTH_INT,
};

/* Room for the longest hex value (SHA-256: 64 digits) and a NUL. */
#define DIGEST_HEX_MAX 65
/* Room for any AKA password: RES up to 16 octets, or 24 base64 chars. */
#define DIGEST_AKA_PASSWORD_MAX 32

/* The algorithm named by an algorithm= value (case-insensitive; "MD5",
 * "SHA-256-sess", "AKAv1-MD5", ...); an absent value (SLICE_NULL) is MD5
 * (RFC 7616 §3.3). 0 or -ENOENT (unknown name). */
int digest_algo_lookup(struct slice name, enum digest_algo *algo);
/* The name as written on the wire ("SHA-512-256", "AKAv2-MD5"). */
const char *digest_algo_name(enum digest_algo algo);
/* Number of hex digits of the algorithm's values (32 or 64). */
size_t digest_algo_hex_len(enum digest_algo algo);
/* qop= value: "auth", "auth-int", absent = DIGEST_QOP_NONE; 0 or -ENOENT. */
int digest_qop_lookup(struct slice name, enum digest_qop *qop);
/* "auth", "auth-int", or "" for DIGEST_QOP_NONE. */
const char *digest_qop_name(enum digest_qop qop);

/* What goes into a Digest computation. All slices are borrowed, bytes as
 * they appear in the header (quotes removed). nc is the 8 hex digits as
 * sent (not a number), since the hash covers the text. */
struct digest_params {
	enum digest_algo algo;
	enum digest_qop qop;
	struct slice username;  /* hashed into HA1: for IMS, the IMPI */
	struct slice realm;
	struct slice password;  /* raw octets; for AKA see digest_aka_password */
	struct slice ha1;       /* optional: a stored H(username:realm:password) in hex,
				 * used instead of the three above (-sess still applies) */
	struct slice method;    /* "REGISTER"; empty for rspauth */
	struct slice uri;       /* the digest uri= value, not the Request-URI */
	struct slice nonce;
	struct slice nc;
	struct slice cnonce;
	struct slice body;      /* the message body, for auth-int (absent = empty) */
};

/* HA1 of p into out (NUL-terminated hex): the number of hex digits, or
 * -EINVAL (bad algo, or p->ha1 not hex of the algorithm's length),
 * -ENOMEM / -EIO. */
int digest_ha1(const struct digest_params *p, char out[DIGEST_HEX_MAX]);
/* HA2 of p (auth-int hashes p->body): the number of hex digits or < 0. */
int digest_ha2(const struct digest_params *p, char out[DIGEST_HEX_MAX]);
/* The request-digest (response=) of p: the number of hex digits or < 0.
 * The intermediate HA1 is wiped. */
int digest_response(const struct digest_params *p, char out[DIGEST_HEX_MAX]);
/* rspauth= of Authentication-Info (RFC 2617 §3.2.3): the response with an
 * empty method, for the same p. The number of hex digits or < 0. */
int digest_rspauth(const struct digest_params *p, char out[DIGEST_HEX_MAX]);
/* Recomputes the response of p and compares it with `response` (hex, any
 * case) in constant time: 0 when it matches, -EACCES when it does not
 * (including a wrong length or non-hex text), other negatives as above. */
int digest_verify(const struct digest_params *p, struct slice response);
/* RFC 7616 §3.4.4 userhash: H(username:realm) in hex; digits or < 0. */
int digest_userhash(enum digest_algo algo, struct slice username, struct slice realm,
		    char out[DIGEST_HEX_MAX]);
/* The Digest password of an AKA algorithm: AKAv1-MD5 copies RES (raw
 * octets, RFC 3310 §3.3); AKAv2-MD5 writes the 24 base64 characters of
 * HMAC-MD5(key = RES||IK||CK, "http-digest-akav2-password") (RFC 4169 §3).
 * Returns the password length, -EINVAL (not an AKA algorithm, or RES not
 * 4..16 octets). The caller wipes out after use. */
int digest_aka_password(uint8_t out[DIGEST_AKA_PASSWORD_MAX], enum digest_algo algo,
			const uint8_t *res, size_t res_len, const uint8_t ik[AUTH_IK_LEN],
			const uint8_t ck[AUTH_CK_LEN]);

#endif
