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
 * of K is built once and reused for every function, so one struct
 * milenage is used by one thread at a time. */

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

/* ---- AKA (TS 33.102 §6.3) and sequence numbers (TS 33.102 Annex C) -----
 * SQN is 48 bits, SQN = SEQ (43 bits) || IND (5 bits), held in a uint64_t.
 *
 * Network side (HE/AuC), struct aka_sqn_he (Annex C.1.2 and C.3, not
 * time-based): each new vector takes SEQ_HE + 1 and the next IND in turn
 * (0, 1, ..., 31, 0, ...). A resynchronisation (AUTS) sets SEQ_HE to SEQ_MS
 * when the next SEQ_HE + 1 would not be accepted by the USIM (SEQ_HE below
 * SEQ_MS, or SEQ_HE + 1 more than the USIM's Δ above it; TS 33.102 §6.3.5).
 *
 * UE side (USIM), struct aka_sqn_ms (Annex C.2): an array SEQ_MS(0..31),
 * zero at first; SQN_MS is the highest SQN accepted anywhere. A received
 * SQN = SEQ || IND is accepted when, in this order,
 *   1. SEQ - SEQ_MS <= delta  (wrap-around protection, Δ; Annex C.2.2)
 *   2. limit == 0, or SEQ_MS - SEQ < limit  (age limit L; Annex C.2.2)
 *   3. SEQ > SEQ_MS(IND)  (freshness in the IND's column)
 * where SEQ_MS is the SEQ of SQN_MS. Accepting stores SEQ in SEQ_MS(IND).
 * Otherwise the UE answers with AUTS built from SQN_MS. */

#define AKA_IND_BITS 5
#define AKA_IND_COUNT 32
#define AKA_SQN_MAX ((UINT64_C(1) << 48) - 1)
#define AKA_SEQ_MAX ((UINT64_C(1) << 43) - 1)
#define AKA_DELTA_DEFAULT (UINT64_C(1) << 28) /* the Δ of the Annex C example */

/* The 48-bit big-endian SQN of 6 octets, and back. */
uint64_t aka_sqn_get(const uint8_t sqn[AUTH_SQN_LEN]);
void aka_sqn_put(uint8_t sqn[AUTH_SQN_LEN], uint64_t value);

struct aka_sqn_he {
	uint64_t seq;    /* SEQ_HE: the SEQ of the last vector generated */
	unsigned ind;    /* IND of the next vector */
	uint64_t delta;  /* the USIM's Δ as the HE knows it; 0 = AKA_DELTA_DEFAULT */
};
/* The SQN for the next vector (SEQ_HE + 1 || IND), advancing he: 0, or
 * -ERANGE when SEQ would pass 43 bits. */
int aka_sqn_he_next(struct aka_sqn_he *he, uint64_t *sqn);
/* After a verified AUTS carrying sqn_ms: moves SEQ_HE so that the next
 * vector is fresh for the USIM (see above). */
void aka_sqn_he_resync(struct aka_sqn_he *he, uint64_t sqn_ms);

enum aka_sqn_verdict {
	AKA_SQN_FRESH = 0,
	AKA_SQN_REPLAYED,  /* SEQ <= SEQ_MS(IND): already used or older in its column */
	AKA_SQN_TOO_FAR,   /* SEQ - SEQ_MS > delta */
	AKA_SQN_TOO_OLD,   /* SEQ_MS - SEQ >= limit L */
};
/* Text of a verdict ("fresh", "replayed (SEQ <= SEQ_MS(IND))", ...). */
const char *aka_sqn_verdict_name(enum aka_sqn_verdict v);

struct aka_sqn_ms {
	uint64_t seq[AKA_IND_COUNT]; /* SEQ_MS(i) */
	uint64_t sqn_ms;             /* the highest SQN accepted (SEQ || IND) */
	uint64_t delta;              /* Δ */
	uint64_t limit;              /* L, 0 = not applied */
};
/* All columns zero; delta 0 means AKA_DELTA_DEFAULT; limit 0: no L check. */
void aka_sqn_ms_init(struct aka_sqn_ms *ms, uint64_t delta, uint64_t limit);
/* Whether the USIM would accept sqn (ms unchanged). */
enum aka_sqn_verdict aka_sqn_ms_check(const struct aka_sqn_ms *ms, uint64_t sqn);
/* Records sqn as accepted (SEQ_MS(IND) and SQN_MS). */
void aka_sqn_ms_accept(struct aka_sqn_ms *ms, uint64_t sqn);

/* One authentication vector as the network builds it. Secret: wipe it
 * with auth_wipe(v, sizeof(*v)) when done. */
struct aka_vector {
	uint8_t rand[AUTH_RAND_LEN];
	uint8_t autn[AUTH_AUTN_LEN];  /* SQN ^ AK || AMF || MAC-A */
	uint8_t xres[AUTH_RES_LEN];
	uint8_t ck[AUTH_CK_LEN];
	uint8_t ik[AUTH_IK_LEN];
	uint8_t ak[AUTH_AK_LEN];
	uint8_t sqn[AUTH_SQN_LEN];    /* in clear, as the network knows it */
	uint8_t amf[AUTH_AMF_LEN];
	uint8_t mac_a[AUTH_MAC_LEN];
};
/* Builds the vector for sqn and amf with m (TS 33.102 §6.3.2); rand NULL
 * takes 16 random bytes. 0, -EINVAL (sqn over 48 bits), -EIO. */
int aka_vector_build(struct aka_vector *v, struct milenage *m, const uint8_t *rand, uint64_t sqn,
		     const uint8_t amf[AUTH_AMF_LEN]);

enum aka_status {
	AKA_OK = 0,           /* AUTN verified and fresh: RES, CK, IK valid */
	AKA_MAC_FAILURE,      /* MAC-A wrong: other K/OPc, or AUTN/RAND damaged */
	AKA_SYNC_FAILURE,     /* MAC right, SQN not acceptable: auts valid */
};
/* Text of a status ("ok", "MAC failure", "synchronisation failure"). */
const char *aka_status_name(enum aka_status s);

/* What the UE (USIM) concludes from RAND and AUTN. Secret: wipe after use. */
struct aka_ue_result {
	enum aka_status status;
	enum aka_sqn_verdict sqn_verdict;
	uint64_t sqn;                 /* recovered from AUTN (SQN ^ AK ^ AK) */
	uint8_t amf[AUTH_AMF_LEN];
	uint8_t xmac[AUTH_MAC_LEN];   /* the MAC-A the UE computed */
	uint8_t res[AUTH_RES_LEN];    /* AKA_OK only */
	uint8_t ck[AUTH_CK_LEN];
	uint8_t ik[AUTH_IK_LEN];
	uint8_t auts[AUTH_AUTS_LEN];  /* AKA_SYNC_FAILURE only */
};
/* The UE side of TS 33.102 §6.3.3: recovers SQN, checks MAC-A, then the
 * freshness of SQN against ms (NULL: MAC only, any SQN accepted); on
 * success stores SQN in ms and fills RES, CK, IK; on a sync failure fills
 * auts (from ms's SQN_MS). Returns the status (>= 0) or -EIO. */
int aka_ue_check(struct aka_ue_result *r, struct milenage *m, struct aka_sqn_ms *ms,
		 const uint8_t rand[AUTH_RAND_LEN], const uint8_t autn[AUTH_AUTN_LEN]);
/* AUTS = (SQN_MS ^ AK*) || MAC-S with MAC-S = f1*(SQN_MS, RAND, AMF 0000)
 * (TS 33.102 §6.3.3). 0, -EINVAL (sqn_ms over 48 bits), -EIO. */
int aka_auts_build(uint8_t auts[AUTH_AUTS_LEN], struct milenage *m,
		   const uint8_t rand[AUTH_RAND_LEN], uint64_t sqn_ms);
/* The network side of a resynchronisation (TS 33.102 §6.3.5): recovers
 * SQN_MS from auts (for the RAND of the challenge) and checks MAC-S.
 * 0 when MAC-S verifies, -EACCES when not (*sqn_ms is filled either way, for
 * diagnosis), -EIO. */
int aka_auts_check(struct milenage *m, const uint8_t rand[AUTH_RAND_LEN],
		   const uint8_t auts[AUTH_AUTS_LEN], uint64_t *sqn_ms);

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

/* ---- server nonces (RFC 7616 §3.3 and §5.4, RFC 3310 §3.2) -------------
 * nonce = base64(prefix || expiry || random || tag), where expiry is the
 * time (seconds, 8 octets big-endian) after which it is stale, random is 16
 * octets from RAND_bytes and tag = HMAC-SHA-256(server secret, expiry ||
 * realm length (2 octets) || realm || random || prefix) cut to 16 octets.
 * The prefix is empty for a plain Digest nonce and RAND || AUTN for an IMS
 * AKA nonce (RFC 3310: the nonce starts with RAND || AUTN; the rest is
 * server data).
 *
 * nc tracking: the server remembers, per nonce in use, the highest nc
 * seen; an nc not greater is a replay. The table is fixed-size; when it
 * must forget a live nonce it raises a floor, and every nonce expiring at
 * or before the floor that it no longer remembers is treated as stale, so
 * forgetting can never let a replay through. Time is passed in (`now`),
 * never read here. A nonce server is used by one thread at a time. */

#define NONCE_RANDOM_LEN 16
#define NONCE_TAG_LEN 16
#define NONCE_PREFIX_MAX 64
/* base64 of the longest nonce (64 + 8 + 16 + 16 octets) and a NUL. */
#define NONCE_TEXT_MAX 141

struct nonce_server;

/* A nonce server: secret (secret_len 16..64 octets, copied) or NULL for a
 * random one; nonces live `lifetime` seconds; `capacity` nonces tracked at
 * once (rounded up to a power of two, at least 16). 0, -EINVAL, -ENOMEM
 * or -EIO. Free with nonce_server_destroy (which wipes the secret). */
int nonce_server_create(struct nonce_server **out, const uint8_t *secret, size_t secret_len,
			uint32_t lifetime, size_t capacity);
void nonce_server_destroy(struct nonce_server *s);

/* A fresh nonce for realm at time now, after prefix (NULL/0 for none,
 * RAND||AUTN for AKA), NUL-terminated in out (cap bytes): the text length,
 * -EINVAL (prefix over NONCE_PREFIX_MAX, realm over 1024 octets), -EMSGSIZE,
 * -EIO. */
int nonce_issue(struct nonce_server *s, struct slice realm, uint64_t now, const uint8_t *prefix,
		size_t prefix_len, char *out, size_t cap);

enum nonce_verdict {
	NONCE_OK = 0,    /* ours, for this realm, not expired, nc new: accepted and recorded */
	NONCE_STALE,     /* ours but expired (or forgotten): challenge again with stale=true */
	NONCE_INVALID,   /* not base64, not ours, or issued for another realm */
	NONCE_REPLAY,    /* nc not greater than the last seen with this nonce */
};
/* Text of a verdict ("ok", "stale", "invalid", "replayed nc"). */
const char *nonce_verdict_name(enum nonce_verdict v);

/* Checks a nonce received with credentials for realm, at time now, with
 * nonce count nc (pass 1 when the client sent no qop/nc: the nonce is then
 * good once). Records nc when the verdict is NONCE_OK. Returns the verdict
 * (>= 0; a realm over 1024 octets is NONCE_INVALID) or -EIO. The prefix
 * (RAND||AUTN) is covered by the tag. */
int nonce_check(struct nonce_server *s, struct slice nonce, struct slice realm, uint64_t now,
		uint32_t nc);

/* An AKA nonce without a server: base64(RAND || AUTN || server_data) into
 * out (NUL-terminated): the text length, or -EMSGSIZE when cap is short or
 * n is over 480 octets. server_data may be NULL when n is 0. */
int aka_nonce_encode(char *out, size_t cap, const uint8_t rand[AUTH_RAND_LEN],
		     const uint8_t autn[AUTH_AUTN_LEN], const uint8_t *server_data, size_t n);

#endif
