/* crypto.h: the few libcrypto primitives the auth layer uses, behind one
 * small internal interface (src/auth/crypto_openssl.c is the only file that
 * includes <openssl/...>). Every function returns 0 or a negative errno
 * (-ENOMEM when libcrypto could not allocate, -EIO when it failed). */
#ifndef IMSREG_AUTH_CRYPTO_H
#define IMSREG_AUTH_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

/* An AES-128 key schedule kept in a reused cipher context (ECB, one block
 * at a time): heap object, one owner, create/destroy. */
struct crypto_aes;
/* NULL when libcrypto could not allocate or set the key. */
struct crypto_aes *crypto_aes_create(const uint8_t key[16]);
/* Wipes and frees the context; NULL is a no-op. */
void crypto_aes_destroy(struct crypto_aes *aes);
/* out = AES-128-Encrypt(key, in); in and out may alias. */
int crypto_aes_encrypt(struct crypto_aes *aes, const uint8_t in[16], uint8_t out[16]);

enum crypto_hash {
	CRYPTO_HASH_MD5,
	CRYPTO_HASH_SHA256,
	CRYPTO_HASH_SHA512_256, /* FIPS 180-4 SHA-512/256 (its own IVs) */
	CRYPTO_HASH_SHA512,     /* full SHA-512 (tests: the truncated RFC 7616 §3.9.2 values) */
};
#define CRYPTO_HASH_MAX 64

/* Output size in bytes of a hash (16, 32 or 64). */
size_t crypto_hash_len(enum crypto_hash h);

/* An incremental hash, so callers hash "a:b:c" piece by piece without
 * building the string. The context is reused across init calls. */
struct crypto_hash_ctx;
struct crypto_hash_ctx *crypto_hash_create(void);
void crypto_hash_destroy(struct crypto_hash_ctx *c);
int crypto_hash_init(struct crypto_hash_ctx *c, enum crypto_hash h);
int crypto_hash_update(struct crypto_hash_ctx *c, const void *p, size_t n);
/* Writes crypto_hash_len(h) bytes to out. */
int crypto_hash_final(struct crypto_hash_ctx *c, uint8_t *out);
/* One shot: out = H(p[0..n)). */
int crypto_hash(enum crypto_hash h, const void *p, size_t n, uint8_t *out);

/* out = HMAC-H(key, data): crypto_hash_len(h) bytes. */
int crypto_hmac(enum crypto_hash h, const uint8_t *key, size_t keylen, const void *data,
		size_t n, uint8_t *out);

/* n unpredictable bytes from libcrypto's CSPRNG (RAND_bytes). */
int crypto_random(uint8_t *out, size_t n);
/* true when a[0..n) == b[0..n), in time independent of the contents. */
int crypto_equal(const void *a, const void *b, size_t n);
/* Overwrites n bytes with zeros in a way the compiler cannot drop. */
void crypto_wipe(void *p, size_t n);

/* Unsigned big-endian integers of n <= 8 bytes (the 48-bit SQN, the
 * 64-bit nonce expiry): not libcrypto, but shared by aka.c and nonce.c. */
static inline uint64_t auth_be_get(const uint8_t *p, size_t n)
{
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

static inline void auth_be_put(uint8_t *p, size_t n, uint64_t v)
{
	for (size_t i = n; i > 0; i--) {
		p[i - 1] = (uint8_t)v;
		v >>= 8;
	}
}

#endif
