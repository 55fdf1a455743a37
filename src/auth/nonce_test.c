/* nonce_test.c: server nonces (realm binding, expiry, nc replay) and AKA nonces. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include "auth/tsv_test.h"
#include "check.h"

#define REALM SLICE_LIT("ims.mnc001.mcc001.3gppnetwork.org")

static void test_nonce_replayed_nc_is_refused(void)
{
	struct nonce_server *s;
	char n[NONCE_TEXT_MAX];
	CHECK_INT_EQ(nonce_server_create(&s, NULL, 0, 30, 64), 0);
	int len = nonce_issue(s, REALM, 1000, NULL, 0, n, sizeof(n));
	CHECK_INT_EQ(len, 56);
	struct slice ns = slice_make(n, (size_t)len);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1000, 1), NONCE_OK);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1001, 1), NONCE_REPLAY);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1001, 2), NONCE_OK);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1002, 2), NONCE_REPLAY);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1002, 7), NONCE_OK); /* gaps are allowed */
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1002, 5), NONCE_REPLAY);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1002, 0), NONCE_REPLAY);
	nonce_server_destroy(s);
}

static void test_nonce_expired_is_stale(void)
{
	struct nonce_server *s;
	char n[NONCE_TEXT_MAX];
	CHECK_INT_EQ(nonce_server_create(&s, NULL, 0, 30, 64), 0);
	int len = nonce_issue(s, REALM, 1000, NULL, 0, n, sizeof(n));
	struct slice ns = slice_make(n, (size_t)len);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1029, 1), NONCE_OK);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 1030, 2), NONCE_STALE);
	CHECK_INT_EQ(nonce_check(s, ns, REALM, 5000, 3), NONCE_STALE);
	nonce_server_destroy(s);
}

static void test_nonce_is_bound_to_realm_and_server(void)
{
	static const uint8_t secret[32] = "0123456789abcdef0123456789abcdef";
	struct nonce_server *s, *t, *u;
	char n[NONCE_TEXT_MAX], m[NONCE_TEXT_MAX];
	uint8_t raw[64];
	CHECK_INT_EQ(nonce_server_create(&s, secret, sizeof(secret), 30, 64), 0);
	CHECK_INT_EQ(nonce_server_create(&t, secret, sizeof(secret), 30, 64), 0);
	CHECK_INT_EQ(nonce_server_create(&u, NULL, 0, 30, 64), 0);
	int len = nonce_issue(s, REALM, 1000, NULL, 0, n, sizeof(n));
	struct slice ns = slice_make(n, (size_t)len);
	CHECK_INT_EQ(nonce_check(s, ns, SLICE_LIT("ims.example.net"), 1000, 1), NONCE_INVALID);
	CHECK_INT_EQ(nonce_check(u, ns, REALM, 1000, 1), NONCE_INVALID);
	/* Same secret: another front end of the same service accepts it. */
	CHECK_INT_EQ(nonce_check(t, ns, REALM, 1000, 1), NONCE_OK);
	/* Every flipped bit (expiry, random or tag) makes it not ours. */
	int n_raw = base64_decode(raw, sizeof(raw), ns), invalid = 0;
	CHECK_INT_EQ(n_raw, 40);
	for (int bit = 0; bit < n_raw * 8; bit++) {
		raw[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		int ml = (int)base64_encode(m, raw, (size_t)n_raw);
		if (nonce_check(s, slice_make(m, (size_t)ml), REALM, 1000, 1) == NONCE_INVALID)
			invalid++;
		raw[bit / 8] ^= (uint8_t)(1u << (bit % 8));
	}
	CHECK_INT_EQ(invalid, n_raw * 8);
	CHECK_INT_EQ(nonce_check(s, SLICE_LIT("not base64!"), REALM, 1000, 1), NONCE_INVALID);
	CHECK_INT_EQ(nonce_check(s, SLICE_LIT(""), REALM, 1000, 1), NONCE_INVALID);
	CHECK_INT_EQ(nonce_check(s, SLICE_LIT("AAAA"), REALM, 1000, 1), NONCE_INVALID);
	nonce_server_destroy(s);
	nonce_server_destroy(t);
	nonce_server_destroy(u);
}

static void test_nonce_values_do_not_repeat(void)
{
	struct nonce_server *s;
	static char seen[256][NONCE_TEXT_MAX];
	int dup = 0;
	CHECK_INT_EQ(nonce_server_create(&s, NULL, 0, 30, 64), 0);
	for (int i = 0; i < 256; i++) {
		CHECK(nonce_issue(s, REALM, 1000, NULL, 0, seen[i], sizeof(seen[i])) > 0);
		for (int j = 0; j < i; j++)
			dup += strcmp(seen[i], seen[j]) == 0;
	}
	CHECK_INT_EQ(dup, 0);
	nonce_server_destroy(s);
}

/* A full table forgets nonces but never lets a replay through. */
static void test_nonce_forgetting_never_allows_replay(void)
{
	struct nonce_server *s;
	static char n[300][NONCE_TEXT_MAX];
	int ok_first = 0, ok_again = 0;
	CHECK_INT_EQ(nonce_server_create(&s, NULL, 0, 1000, 16), 0);
	for (int i = 0; i < 300; i++) {
		int len = nonce_issue(s, REALM, (uint64_t)i, NULL, 0, n[i], sizeof(n[i]));
		ok_first += nonce_check(s, slice_make(n[i], (size_t)len), REALM, (uint64_t)i, 1) ==
			    NONCE_OK;
	}
	CHECK_INT_EQ(ok_first, 300);
	for (int i = 0; i < 300; i++)
		ok_again += nonce_check(s, slice_cstr(n[i]), REALM, 300, 1) == NONCE_OK;
	CHECK_INT_EQ(ok_again, 0);
	/* A new nonce is still served. */
	char fresh[NONCE_TEXT_MAX];
	CHECK(nonce_issue(s, REALM, 300, NULL, 0, fresh, sizeof(fresh)) > 0);
	CHECK_INT_EQ(nonce_check(s, slice_cstr(fresh), REALM, 300, 1), NONCE_OK);
	nonce_server_destroy(s);
}

static void test_nonce_aka_prefix_is_rand_autn_and_covered(void)
{
	struct nonce_server *s;
	char n[NONCE_TEXT_MAX], m[NONCE_TEXT_MAX];
	uint8_t prefix[32], raw[80];
	CHECK_INT_EQ(auth_random(prefix, sizeof(prefix)), 0);
	CHECK_INT_EQ(nonce_server_create(&s, NULL, 0, 30, 64), 0);
	int len = nonce_issue(s, REALM, 1000, prefix, 32, n, sizeof(n));
	CHECK_INT_EQ(len, 96);
	CHECK_INT_EQ(base64_decode(raw, sizeof(raw), slice_make(n, (size_t)len)), 72);
	CHECK(memcmp(raw, prefix, 32) == 0); /* RFC 3310: RAND || AUTN first */
	CHECK_INT_EQ(nonce_check(s, slice_make(n, (size_t)len), REALM, 1000, 1), NONCE_OK);
	raw[20] ^= 1; /* a changed AUTN is not ours */
	int ml = (int)base64_encode(m, raw, 72);
	CHECK_INT_EQ(nonce_check(s, slice_make(m, (size_t)ml), REALM, 1000, 1), NONCE_INVALID);
	CHECK_INT_EQ(nonce_issue(s, REALM, 1000, prefix, NONCE_PREFIX_MAX + 1, n, sizeof(n)),
		     -EINVAL);
	CHECK_INT_EQ(nonce_issue(s, REALM, 1000, prefix, 32, n, 96), -EMSGSIZE);
	nonce_server_destroy(s);
}

/* derived-aka.tsv: nonce = base64(RAND || AUTN). */
static void test_aka_nonce_encode_matches_corpus(void)
{
	struct tsv t;
	int rows = 0;
	CHECK_INT_EQ(tsv_open(&t, "../shared/corpus/digest/derived-aka.tsv"), 0);
	while (t.data && tsv_next(&t)) {
		uint8_t rand[16], autn[16];
		char n[64];
		CHECK_INT_EQ(hex_decode(rand, 16, tsv_get(&t, "RAND")), 0);
		CHECK_INT_EQ(hex_decode(autn, 16, tsv_get(&t, "AUTN")), 0);
		int len = aka_nonce_encode(n, sizeof(n), rand, autn, NULL, 0);
		CHECK_INT_EQ(len, 44);
		CHECK_SLICE_EQ(tsv_get(&t, "nonce"), n);
		rows++;
	}
	tsv_close(&t);
	CHECK_INT_EQ(rows, 3);
	uint8_t z[16] = { 0 }, sd[3] = { 1, 2, 3 };
	char n[64];
	CHECK_INT_EQ(aka_nonce_encode(n, sizeof(n), z, z, sd, 3), 48);
	CHECK_INT_EQ(aka_nonce_encode(n, 48, z, z, sd, 3), -EMSGSIZE);
}

static void test_nonce_server_create_errors(void)
{
	struct nonce_server *s = (struct nonce_server *)1;
	uint8_t key[8] = { 0 };
	CHECK_INT_EQ(nonce_server_create(&s, key, sizeof(key), 30, 64), -EINVAL);
	CHECK(s == NULL);
	CHECK_INT_EQ(nonce_server_create(&s, NULL, 0, 0, 64), -EINVAL);
	long live = alloc_live();
	for (long i = 0; i < 2; i++) {
		alloc_fail_after(i);
		CHECK_INT_EQ(nonce_server_create(&s, NULL, 0, 30, 64), -ENOMEM);
		alloc_fail_after(-1);
		CHECK(alloc_live() == live);
	}
	nonce_server_destroy(NULL);
	CHECK(nonce_verdict_name(NONCE_REPLAY)[0] != '?');
}

int main(void)
{
	test_nonce_replayed_nc_is_refused();
	test_nonce_expired_is_stale();
	test_nonce_is_bound_to_realm_and_server();
	test_nonce_values_do_not_repeat();
	test_nonce_forgetting_never_allows_replay();
	test_nonce_aka_prefix_is_rand_autn_and_covered();
	test_aka_nonce_encode_matches_corpus();
	test_nonce_server_create_errors();
	return check_done();
}
