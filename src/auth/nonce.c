/* nonce.c: server nonces bound to realm and expiry, stale detection, nc replay tracking (RFC 7616 §3.3 §5.4), AKA nonces (RFC 3310 §3.2). */
#include <errno.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include "auth/crypto.h"

#define TOKEN_LEN (8 + NONCE_RANDOM_LEN + NONCE_TAG_LEN)
#define RAW_MAX (NONCE_PREFIX_MAX + TOKEN_LEN)
#define SECRET_MAX 64
#define PROBE 8 /* slots looked at per nonce; the oldest of them is the one forgotten */

struct nonce_slot {
	uint8_t random[NONCE_RANDOM_LEN];
	uint64_t expiry; /* 0: free */
	uint32_t last_nc;
};

struct nonce_server {
	uint8_t secret[SECRET_MAX];
	size_t secret_len;
	uint32_t lifetime;
	uint64_t floor;  /* a forgotten nonce expiring at or before this is stale */
	size_t mask;     /* slots - 1 */
	struct nonce_slot *slot;
};

int nonce_server_create(struct nonce_server **out, const uint8_t *secret, size_t secret_len,
			uint32_t lifetime, size_t capacity)
{
	struct nonce_server *s;
	size_t n = 16;
	int rc;
	*out = NULL;
	if (secret && (secret_len < 16 || secret_len > SECRET_MAX))
		return -EINVAL;
	if (capacity > ((size_t)1 << 24) || lifetime == 0)
		return -EINVAL;
	while (n < capacity)
		n <<= 1;
	s = imsreg_calloc(1, sizeof(*s));
	if (!s)
		return -ENOMEM;
	s->slot = imsreg_calloc(n, sizeof(*s->slot));
	if (!s->slot) {
		imsreg_free(s);
		return -ENOMEM;
	}
	s->mask = n - 1;
	s->lifetime = lifetime;
	if (secret) {
		memcpy(s->secret, secret, secret_len);
		s->secret_len = secret_len;
	} else {
		s->secret_len = 32;
		rc = crypto_random(s->secret, s->secret_len);
		if (rc < 0) {
			nonce_server_destroy(s);
			return rc;
		}
	}
	*out = s;
	return 0;
}

void nonce_server_destroy(struct nonce_server *s)
{
	if (!s)
		return;
	crypto_wipe(s->secret, sizeof(s->secret));
	imsreg_free(s->slot);
	imsreg_free(s);
}

/* tag = HMAC-SHA-256(secret, expiry || realm || random || prefix)[0..16). */
static int nonce_tag(const struct nonce_server *s, const uint8_t *expiry, struct slice realm,
		     const uint8_t *random, const uint8_t *prefix, size_t prefix_len,
		     uint8_t tag[NONCE_TAG_LEN])
{
	uint8_t msg[8 + 2 + 1024 + NONCE_RANDOM_LEN + NONCE_PREFIX_MAX], mac[CRYPTO_HASH_MAX];
	size_t n = 0;
	int rc;
	if (realm.len > 1024)
		return -EINVAL;
	memcpy(msg, expiry, 8);
	n = 8;
	/* The realm's length goes in too, so realm and random cannot trade bytes. */
	msg[n++] = (uint8_t)(realm.len >> 8);
	msg[n++] = (uint8_t)realm.len;
	if (realm.len)
		memcpy(msg + n, realm.ptr, realm.len);
	n += realm.len;
	memcpy(msg + n, random, NONCE_RANDOM_LEN);
	n += NONCE_RANDOM_LEN;
	if (prefix_len)
		memcpy(msg + n, prefix, prefix_len);
	n += prefix_len;
	rc = crypto_hmac(CRYPTO_HASH_SHA256, s->secret, s->secret_len, msg, n, mac);
	if (rc == 0)
		memcpy(tag, mac, NONCE_TAG_LEN);
	crypto_wipe(mac, sizeof(mac));
	return rc;
}

int nonce_issue(struct nonce_server *s, struct slice realm, uint64_t now, const uint8_t *prefix,
		size_t prefix_len, char *out, size_t cap)
{
	uint8_t raw[RAW_MAX];
	size_t n = prefix_len + TOKEN_LEN;
	uint8_t *tok = raw + prefix_len;
	int rc;
	if (prefix_len > NONCE_PREFIX_MAX || (prefix_len && !prefix))
		return -EINVAL;
	if (cap < 4 * ((n + 2) / 3) + 1)
		return -EMSGSIZE;
	if (prefix_len)
		memcpy(raw, prefix, prefix_len);
	auth_be_put(tok, 8, now + s->lifetime);
	rc = crypto_random(tok + 8, NONCE_RANDOM_LEN);
	if (rc == 0)
		rc = nonce_tag(s, tok, realm, tok + 8, prefix, prefix_len, tok + 8 + NONCE_RANDOM_LEN);
	if (rc == 0)
		rc = (int)base64_encode(out, raw, n);
	crypto_wipe(raw, sizeof(raw));
	return rc;
}

const char *nonce_verdict_name(enum nonce_verdict v)
{
	switch (v) {
	case NONCE_OK:
		return "ok";
	case NONCE_STALE:
		return "stale";
	case NONCE_INVALID:
		return "invalid";
	case NONCE_REPLAY:
		return "replayed nc";
	}
	return "?";
}

/* The slot of random (found, or claimed for it: last_nc 0), or NULL when
 * the nonce was forgotten (and so must be stale). */
static struct nonce_slot *nonce_slot_get(struct nonce_server *s, const uint8_t *random,
					 uint64_t expiry, uint64_t now)
{
	size_t h = (size_t)auth_be_get(random, 8); /* random already, and under the tag */
	struct nonce_slot *free_slot = NULL, *oldest = NULL;
	for (size_t i = 0; i < PROBE && i <= s->mask; i++) {
		struct nonce_slot *e = &s->slot[(h + i) & s->mask];
		if (e->expiry && memcmp(e->random, random, NONCE_RANDOM_LEN) == 0)
			return e;
		if (!free_slot && (e->expiry == 0 || e->expiry <= now))
			free_slot = e;
		if (!oldest || e->expiry < oldest->expiry)
			oldest = e;
	}
	/* Not remembered: new, unless it might have been forgotten. */
	if (expiry <= s->floor)
		return NULL;
	if (!free_slot) {
		free_slot = oldest;
		if (oldest->expiry > s->floor)
			s->floor = oldest->expiry;
		if (expiry <= s->floor)
			return NULL;
	} else if (free_slot->expiry > s->floor) {
		s->floor = free_slot->expiry; /* an expired one; keeps the rule simple */
	}
	memcpy(free_slot->random, random, NONCE_RANDOM_LEN);
	free_slot->expiry = expiry;
	free_slot->last_nc = 0;
	return free_slot;
}

int nonce_check(struct nonce_server *s, struct slice nonce, struct slice realm, uint64_t now,
		uint32_t nc)
{
	uint8_t raw[RAW_MAX], tag[NONCE_TAG_LEN];
	int n = base64_decode(raw, sizeof(raw), nonce);
	int rc;
	if (n < TOKEN_LEN)
		return NONCE_INVALID;
	size_t prefix_len = (size_t)n - TOKEN_LEN;
	const uint8_t *tok = raw + prefix_len;
	rc = nonce_tag(s, tok, realm, tok + 8, raw, prefix_len, tag);
	if (rc == -EINVAL)
		return NONCE_INVALID;
	if (rc < 0)
		return rc;
	if (!crypto_equal(tag, tok + 8 + NONCE_RANDOM_LEN, NONCE_TAG_LEN))
		return NONCE_INVALID;
	uint64_t expiry = auth_be_get(tok, 8);
	if (now >= expiry)
		return NONCE_STALE;
	struct nonce_slot *e = nonce_slot_get(s, tok + 8, expiry, now);
	if (!e)
		return NONCE_STALE;
	if (nc <= e->last_nc)
		return NONCE_REPLAY;
	e->last_nc = nc;
	return NONCE_OK;
}

int aka_nonce_encode(char *out, size_t cap, const uint8_t rand[AUTH_RAND_LEN],
		     const uint8_t autn[AUTH_AUTN_LEN], const uint8_t *server_data, size_t n)
{
	uint8_t raw[512];
	size_t len = AUTH_RAND_LEN + AUTH_AUTN_LEN + n;
	if (n > sizeof(raw) - AUTH_RAND_LEN - AUTH_AUTN_LEN || cap < 4 * ((len + 2) / 3) + 1)
		return -EMSGSIZE;
	memcpy(raw, rand, AUTH_RAND_LEN);
	memcpy(raw + AUTH_RAND_LEN, autn, AUTH_AUTN_LEN);
	if (n)
		memcpy(raw + AUTH_RAND_LEN + AUTH_AUTN_LEN, server_data, n);
	return (int)base64_encode(out, raw, len);
}
