/* crypto_openssl.c: AES-128, MD5, SHA-256, SHA-512/256, HMAC and randomness over OpenSSL 3 EVP. */
#include <errno.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <imsreg/auth.h>
#include "auth/crypto.h"

struct crypto_aes {
	EVP_CIPHER_CTX *ctx;
};

struct crypto_aes *crypto_aes_create(const uint8_t key[16])
{
	struct crypto_aes *aes = OPENSSL_zalloc(sizeof(*aes));
	EVP_CIPHER *cipher = NULL;
	if (!aes)
		return NULL;
	aes->ctx = EVP_CIPHER_CTX_new();
	/* An explicit fetch once per key, not an implicit one per block. */
	cipher = EVP_CIPHER_fetch(NULL, "AES-128-ECB", NULL);
	if (!aes->ctx || !cipher || !EVP_EncryptInit_ex2(aes->ctx, cipher, key, NULL, NULL) ||
	    !EVP_CIPHER_CTX_set_padding(aes->ctx, 0)) {
		crypto_aes_destroy(aes);
		aes = NULL;
	}
	EVP_CIPHER_free(cipher);
	return aes;
}

void crypto_aes_destroy(struct crypto_aes *aes)
{
	if (!aes)
		return;
	EVP_CIPHER_CTX_free(aes->ctx); /* frees the key schedule after cleansing it */
	OPENSSL_free(aes);
}

int crypto_aes_encrypt(struct crypto_aes *aes, const uint8_t in[16], uint8_t out[16])
{
	/* ECB keeps no state between blocks, so the context is reused as is;
	 * with padding off one 16-byte update yields exactly one block. */
	uint8_t tmp[16];
	int outl = 0;
	if (!EVP_EncryptUpdate(aes->ctx, tmp, &outl, in, 16) || outl != 16) {
		OPENSSL_cleanse(tmp, sizeof(tmp));
		return -EIO;
	}
	for (int i = 0; i < 16; i++)
		out[i] = tmp[i];
	OPENSSL_cleanse(tmp, sizeof(tmp));
	return 0;
}

static const char *hash_name(enum crypto_hash h)
{
	switch (h) {
	case CRYPTO_HASH_MD5:
		return "MD5";
	case CRYPTO_HASH_SHA256:
		return "SHA256";
	case CRYPTO_HASH_SHA512_256:
		return "SHA512-256";
	case CRYPTO_HASH_SHA512:
		return "SHA512";
	}
	return "MD5";
}

size_t crypto_hash_len(enum crypto_hash h)
{
	switch (h) {
	case CRYPTO_HASH_MD5:
		return 16;
	case CRYPTO_HASH_SHA256:
	case CRYPTO_HASH_SHA512_256:
		return 32;
	case CRYPTO_HASH_SHA512:
		return 64;
	}
	return 16;
}

#define HASH_KINDS 4

struct crypto_hash_ctx {
	EVP_MD_CTX *ctx;
	EVP_MD *md[HASH_KINDS]; /* fetched on first use, kept for the context's life */
	enum crypto_hash cur;
};

struct crypto_hash_ctx *crypto_hash_create(void)
{
	struct crypto_hash_ctx *c = OPENSSL_zalloc(sizeof(*c));
	if (!c)
		return NULL;
	c->ctx = EVP_MD_CTX_new();
	if (!c->ctx) {
		OPENSSL_free(c);
		return NULL;
	}
	return c;
}

void crypto_hash_destroy(struct crypto_hash_ctx *c)
{
	if (!c)
		return;
	EVP_MD_CTX_free(c->ctx);
	for (int i = 0; i < HASH_KINDS; i++)
		EVP_MD_free(c->md[i]);
	OPENSSL_free(c);
}

int crypto_hash_init(struct crypto_hash_ctx *c, enum crypto_hash h)
{
	if ((unsigned)h >= HASH_KINDS)
		return -EINVAL;
	if (!c->md[h]) {
		c->md[h] = EVP_MD_fetch(NULL, hash_name(h), NULL);
		if (!c->md[h])
			return -EIO;
	}
	c->cur = h;
	return EVP_DigestInit_ex2(c->ctx, c->md[h], NULL) ? 0 : -EIO;
}

int crypto_hash_update(struct crypto_hash_ctx *c, const void *p, size_t n)
{
	return EVP_DigestUpdate(c->ctx, p, n) ? 0 : -EIO;
}

int crypto_hash_final(struct crypto_hash_ctx *c, uint8_t *out)
{
	unsigned int n = 0;
	if (!EVP_DigestFinal_ex(c->ctx, out, &n) || n != crypto_hash_len(c->cur))
		return -EIO;
	return 0;
}

int crypto_hash(enum crypto_hash h, const void *p, size_t n, uint8_t *out)
{
	struct crypto_hash_ctx *c = crypto_hash_create();
	int rc;
	if (!c)
		return -ENOMEM;
	rc = crypto_hash_init(c, h);
	if (rc == 0)
		rc = crypto_hash_update(c, p, n);
	if (rc == 0)
		rc = crypto_hash_final(c, out);
	crypto_hash_destroy(c);
	return rc;
}

int crypto_hmac(enum crypto_hash h, const uint8_t *key, size_t keylen, const void *data,
		size_t n, uint8_t *out)
{
	size_t outlen = 0;
	if ((unsigned)h >= HASH_KINDS)
		return -EINVAL;
	if (!EVP_Q_mac(NULL, "HMAC", NULL, hash_name(h), NULL, key, keylen, data, n, out,
		       crypto_hash_len(h), &outlen) ||
	    outlen != crypto_hash_len(h))
		return -EIO;
	return 0;
}

int crypto_random(uint8_t *out, size_t n)
{
	while (n > 0) {
		int chunk = n > (1u << 20) ? 1 << 20 : (int)n;
		if (RAND_bytes(out, chunk) != 1)
			return -EIO;
		out += chunk;
		n -= (size_t)chunk;
	}
	return 0;
}

int crypto_equal(const void *a, const void *b, size_t n)
{
	return CRYPTO_memcmp(a, b, n) == 0;
}

void crypto_wipe(void *p, size_t n)
{
	OPENSSL_cleanse(p, n);
}

void auth_wipe(void *p, size_t n)
{
	OPENSSL_cleanse(p, n);
}

int auth_random(uint8_t *out, size_t n)
{
	return crypto_random(out, n);
}

bool auth_equal(const void *a, const void *b, size_t n)
{
	return CRYPTO_memcmp(a, b, n) == 0;
}
