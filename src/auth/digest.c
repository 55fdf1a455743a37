/* digest.c: HTTP Digest (RFC 7616 §3.4, RFC 2617 §3.2.2, RFC 2069) and IMS AKA Digest passwords (RFC 3310 §3.3, RFC 4169 §3). */
#include <errno.h>
#include <string.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include "auth/crypto.h"

static const struct {
	const char *name;
	enum crypto_hash hash;
	bool sess;
} algos[DIGEST_ALGO__COUNT] = {
	[DIGEST_MD5] = { "MD5", CRYPTO_HASH_MD5, false },
	[DIGEST_MD5_SESS] = { "MD5-sess", CRYPTO_HASH_MD5, true },
	[DIGEST_SHA256] = { "SHA-256", CRYPTO_HASH_SHA256, false },
	[DIGEST_SHA256_SESS] = { "SHA-256-sess", CRYPTO_HASH_SHA256, true },
	[DIGEST_SHA512_256] = { "SHA-512-256", CRYPTO_HASH_SHA512_256, false },
	[DIGEST_SHA512_256_SESS] = { "SHA-512-256-sess", CRYPTO_HASH_SHA512_256, true },
	[DIGEST_AKAV1_MD5] = { "AKAv1-MD5", CRYPTO_HASH_MD5, false },
	[DIGEST_AKAV2_MD5] = { "AKAv2-MD5", CRYPTO_HASH_MD5, false },
};

int digest_algo_lookup(struct slice name, enum digest_algo *algo)
{
	if (!name.ptr) {
		*algo = DIGEST_MD5;
		return 0;
	}
	for (int i = 0; i < DIGEST_ALGO__COUNT; i++) {
		if (slice_caseeq_cstr(name, algos[i].name)) {
			*algo = (enum digest_algo)i;
			return 0;
		}
	}
	return -ENOENT;
}

const char *digest_algo_name(enum digest_algo algo)
{
	return (unsigned)algo < DIGEST_ALGO__COUNT ? algos[algo].name : "?";
}

size_t digest_algo_hex_len(enum digest_algo algo)
{
	return (unsigned)algo < DIGEST_ALGO__COUNT ? 2 * crypto_hash_len(algos[algo].hash) : 0;
}

int digest_qop_lookup(struct slice name, enum digest_qop *qop)
{
	if (!name.ptr)
		*qop = DIGEST_QOP_NONE;
	else if (slice_caseeq_cstr(name, "auth"))
		*qop = DIGEST_QOP_AUTH;
	else if (slice_caseeq_cstr(name, "auth-int"))
		*qop = DIGEST_QOP_AUTH_INT;
	else
		return -ENOENT;
	return 0;
}

const char *digest_qop_name(enum digest_qop qop)
{
	switch (qop) {
	case DIGEST_QOP_AUTH:
		return "auth";
	case DIGEST_QOP_AUTH_INT:
		return "auth-int";
	case DIGEST_QOP_NONE:
		break;
	}
	return "";
}

/* out = hex(H(part[0] ":" part[1] ":" ...)), hashed piece by piece. */
static int hash_join(struct crypto_hash_ctx *c, enum crypto_hash h, const struct slice *part,
		     size_t n, char out[DIGEST_HEX_MAX])
{
	uint8_t md[CRYPTO_HASH_MAX];
	int rc = crypto_hash_init(c, h);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (i > 0)
			rc = crypto_hash_update(c, ":", 1);
		if (rc == 0 && part[i].len > 0)
			rc = crypto_hash_update(c, part[i].ptr, part[i].len);
	}
	if (rc == 0)
		rc = crypto_hash_final(c, md);
	if (rc == 0) {
		hex_encode(out, md, crypto_hash_len(h));
		rc = (int)(2 * crypto_hash_len(h));
	}
	crypto_wipe(md, sizeof(md));
	return rc;
}

static struct slice slice_or_empty(struct slice s)
{
	return s.ptr ? s : slice_make("", 0);
}

static int ha1_with(struct crypto_hash_ctx *c, const struct digest_params *p,
		    char out[DIGEST_HEX_MAX])
{
	enum crypto_hash h = algos[p->algo].hash;
	size_t hex_len = 2 * crypto_hash_len(h);
	int rc;
	if (p->ha1.ptr) {
		uint8_t tmp[CRYPTO_HASH_MAX];
		/* A stored HA1 is normalised to lowercase, since it is hashed as text.
		 * tmp is wiped on failure too: hex_decode may have filled part of it. */
		rc = -EINVAL;
		if (p->ha1.len == hex_len && hex_decode(tmp, hex_len / 2, p->ha1) == 0) {
			hex_encode(out, tmp, hex_len / 2);
			rc = (int)hex_len;
		}
		crypto_wipe(tmp, sizeof(tmp));
	} else {
		struct slice part[3] = { p->username, p->realm, p->password };
		rc = hash_join(c, h, part, 3, out);
	}
	if (rc >= 0 && algos[p->algo].sess) {
		char inner[DIGEST_HEX_MAX];
		memcpy(inner, out, hex_len + 1);
		struct slice part[3] = { slice_make(inner, hex_len), p->nonce, p->cnonce };
		rc = hash_join(c, h, part, 3, out);
		crypto_wipe(inner, sizeof(inner));
	}
	return rc;
}

static int ha2_with(struct crypto_hash_ctx *c, const struct digest_params *p, struct slice method,
		    char out[DIGEST_HEX_MAX])
{
	enum crypto_hash h = algos[p->algo].hash;
	if (p->qop == DIGEST_QOP_AUTH_INT) {
		char body_hash[DIGEST_HEX_MAX];
		struct slice body = slice_or_empty(p->body);
		int rc = hash_join(c, h, &body, 1, body_hash);
		if (rc < 0)
			return rc;
		struct slice part[3] = { method, p->uri, slice_make(body_hash, (size_t)rc) };
		return hash_join(c, h, part, 3, out);
	}
	struct slice part[2] = { method, p->uri };
	return hash_join(c, h, part, 2, out);
}

/* A hash context for a computation with algo: 0, -EINVAL (no such
 * algorithm) or -ENOMEM. Free with crypto_hash_destroy. */
static int hash_open(enum digest_algo algo, struct crypto_hash_ctx **c)
{
	if ((unsigned)algo >= DIGEST_ALGO__COUNT)
		return -EINVAL;
	*c = crypto_hash_create();
	return *c ? 0 : -ENOMEM;
}

static int response_with(const struct digest_params *p, struct slice method,
			 char out[DIGEST_HEX_MAX])
{
	char ha1[DIGEST_HEX_MAX], ha2[DIGEST_HEX_MAX];
	struct crypto_hash_ctx *c;
	int rc, n1, n2;
	rc = hash_open(p->algo, &c);
	if (rc < 0)
		return rc;
	rc = n1 = ha1_with(c, p, ha1);
	if (rc < 0)
		goto out;
	rc = n2 = ha2_with(c, p, method, ha2);
	if (rc < 0)
		goto out;
	if (p->qop == DIGEST_QOP_NONE) {
		struct slice part[3] = { slice_make(ha1, (size_t)n1), p->nonce,
					 slice_make(ha2, (size_t)n2) };
		rc = hash_join(c, algos[p->algo].hash, part, 3, out);
	} else {
		struct slice part[6] = { slice_make(ha1, (size_t)n1), p->nonce, p->nc, p->cnonce,
					 slice_cstr(digest_qop_name(p->qop)),
					 slice_make(ha2, (size_t)n2) };
		rc = hash_join(c, algos[p->algo].hash, part, 6, out);
	}
out:
	crypto_wipe(ha1, sizeof(ha1));
	crypto_hash_destroy(c);
	return rc;
}

int digest_ha1(const struct digest_params *p, char out[DIGEST_HEX_MAX])
{
	struct crypto_hash_ctx *c;
	int rc = hash_open(p->algo, &c);
	if (rc < 0)
		return rc;
	rc = ha1_with(c, p, out);
	crypto_hash_destroy(c);
	return rc;
}

int digest_ha2(const struct digest_params *p, char out[DIGEST_HEX_MAX])
{
	struct crypto_hash_ctx *c;
	int rc = hash_open(p->algo, &c);
	if (rc < 0)
		return rc;
	rc = ha2_with(c, p, p->method, out);
	crypto_hash_destroy(c);
	return rc;
}

int digest_response(const struct digest_params *p, char out[DIGEST_HEX_MAX])
{
	return response_with(p, p->method, out);
}

int digest_rspauth(const struct digest_params *p, char out[DIGEST_HEX_MAX])
{
	return response_with(p, slice_make("", 0), out);
}

int digest_verify(const struct digest_params *p, struct slice response)
{
	char want[DIGEST_HEX_MAX];
	uint8_t a[CRYPTO_HASH_MAX], b[CRYPTO_HASH_MAX];
	int rc = response_with(p, p->method, want);
	if (rc < 0)
		return rc;
	size_t n = (size_t)rc / 2;
	/* Compare octets, so the client's hex case does not matter. */
	if (response.len != (size_t)rc || hex_decode(a, n, response) < 0 ||
	    hex_decode(b, n, slice_make(want, (size_t)rc)) < 0)
		rc = -EACCES;
	else
		rc = crypto_equal(a, b, n) ? 0 : -EACCES;
	crypto_wipe(want, sizeof(want));
	crypto_wipe(b, sizeof(b));
	return rc;
}

int digest_userhash(enum digest_algo algo, struct slice username, struct slice realm,
		    char out[DIGEST_HEX_MAX])
{
	struct crypto_hash_ctx *c;
	int rc = hash_open(algo, &c);
	if (rc < 0)
		return rc;
	struct slice part[2] = { username, realm };
	rc = hash_join(c, algos[algo].hash, part, 2, out);
	crypto_hash_destroy(c);
	return rc;
}

int digest_aka_password(uint8_t out[DIGEST_AKA_PASSWORD_MAX], enum digest_algo algo,
			const uint8_t *res, size_t res_len, const uint8_t ik[AUTH_IK_LEN],
			const uint8_t ck[AUTH_CK_LEN])
{
	static const char label[] = "http-digest-akav2-password";
	uint8_t key[16 + AUTH_IK_LEN + AUTH_CK_LEN], mac[16];
	char b64[DIGEST_AKA_PASSWORD_MAX + 1];
	int rc;
	/* TS 33.102 §6.3.2: RES is 32 to 128 bits. */
	if (res_len < 4 || res_len > 16)
		return -EINVAL;
	if (algo == DIGEST_AKAV1_MD5) {
		memcpy(out, res, res_len);
		return (int)res_len;
	}
	if (algo != DIGEST_AKAV2_MD5)
		return -EINVAL;
	memcpy(key, res, res_len);
	memcpy(key + res_len, ik, AUTH_IK_LEN);
	memcpy(key + res_len + AUTH_IK_LEN, ck, AUTH_CK_LEN);
	rc = crypto_hmac(CRYPTO_HASH_MD5, key, res_len + AUTH_IK_LEN + AUTH_CK_LEN, label,
			 sizeof(label) - 1, mac);
	if (rc == 0) {
		size_t n = base64_encode(b64, mac, sizeof(mac));
		memcpy(out, b64, n);
		rc = (int)n;
	}
	crypto_wipe(key, sizeof(key));
	crypto_wipe(mac, sizeof(mac));
	crypto_wipe(b64, sizeof(b64));
	return rc;
}
