/* digest_test.c: Digest (RFC 7616/2617/2069) and AKA Digest against every row of ../shared/corpus/digest. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include "auth/crypto.h"
#include "auth/tsv_test.h"
#include "check.h"

#define CORPUS "../shared/corpus/"

static void check_slice_hex(const char *id, const char *what, const char *got, struct slice want)
{
	if (want.ptr && slice_caseeq(want, slice_cstr(got))) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "%s: %s: got %s, want %.*s\n", id, what, got, SLICE_ARG(want));
}

/* The first run of hex digits after `marker` in text (SLICE_NULL if none). */
static struct slice hex_after(struct slice text, const char *marker)
{
	size_t ml = strlen(marker);
	for (size_t i = 0; i + ml <= text.len; i++) {
		if (memcmp(text.ptr + i, marker, ml) != 0)
			continue;
		const char *p = text.ptr + i + ml, *e = text.ptr + text.len, *q = p;
		while (q < e && ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f')))
			q++;
		return q > p ? slice_span(p, q) : SLICE_NULL;
	}
	return SLICE_NULL;
}

/* The Milenage row of `file` whose `col` equals `value`, copied into *t
 * (positioned on it): 0, or -1 when none. */
static int find_row(struct tsv *t, const char *file, const char *col, struct slice value)
{
	if (tsv_open(t, file) < 0)
		return -1;
	while (tsv_next(t))
		if (slice_caseeq(tsv_get(t, col), value))
			return 0;
	tsv_close(t);
	return -1;
}

/* RAND||AUTN in an AKA nonce -> Milenage with K/OP of the matching row ->
 * MAC-A checked, SQN recovered -> RES, CK, IK. 0 or -1 (with a failure). */
static int aka_from_nonce(const char *id, struct slice nonce, const char *milenage_file,
			  const char *col, struct slice value, uint8_t res[8], uint8_t ck[16],
			  uint8_t ik[16], uint8_t rand_autn[32])
{
	struct tsv m;
	uint8_t k[16], op[16], ak[6], sqn[6], mac[8];
	struct milenage mil = { 0 };
	int n = base64_decode(rand_autn, 32, nonce);
	CHECK_INT_EQ(n, 32);
	if (n != 32)
		return -1;
	if (!value.ptr)
		value = slice_make((const char *)NULL, 0);
	char rand_hex[33];
	hex_encode(rand_hex, rand_autn, 16);
	if (!value.ptr)
		value = slice_cstr(rand_hex);
	if (find_row(&m, milenage_file, col, value) < 0) {
		check_failed++;
		fprintf(stderr, "%s: no Milenage row in %s\n", id, milenage_file);
		return -1;
	}
	CHECK_INT_EQ(hex_decode(k, 16, tsv_get(&m, "K")), 0);
	CHECK_INT_EQ(hex_decode(op, 16, tsv_get(&m, "OP")), 0);
	CHECK_INT_EQ(milenage_init_op(&mil, k, op), 0);
	CHECK_INT_EQ(milenage_f2345(&mil, rand_autn, res, ck, ik, ak), 0);
	for (int i = 0; i < 6; i++)
		sqn[i] = rand_autn[16 + i] ^ ak[i];
	CHECK_INT_EQ(milenage_f1(&mil, rand_autn, sqn, rand_autn + 22, mac, NULL), 0);
	if (!auth_equal(mac, rand_autn + 24, 8)) {
		check_failed++;
		fprintf(stderr, "%s: MAC-A of the nonce does not verify\n", id);
	} else {
		check_passed++;
	}
	char sqn_hex[13];
	hex_encode(sqn_hex, sqn, 6);
	check_slice_hex(id, "SQN", sqn_hex, tsv_get(&m, "SQN"));
	milenage_fini(&mil);
	auth_wipe(k, sizeof(k));
	tsv_close(&m);
	return 0;
}

/* Truncated SHA-512 (the mistake behind RFC 7616 §3.9.2's printed values). */
static void sha512_trunc_join(const struct slice *part, size_t n, char out[65])
{
	struct crypto_hash_ctx *c = crypto_hash_create();
	uint8_t md[64];
	CHECK(c != NULL);
	if (!c)
		return;
	crypto_hash_init(c, CRYPTO_HASH_SHA512);
	for (size_t i = 0; i < n; i++) {
		if (i)
			crypto_hash_update(c, ":", 1);
		crypto_hash_update(c, part[i].ptr, part[i].len);
	}
	crypto_hash_final(c, md);
	crypto_hash_destroy(c);
	hex_encode(out, md, 32);
}

static void run_vectors_row(const struct tsv *t, int *computed, int *truncated)
{
	char id[80], ha1[DIGEST_HEX_MAX], ha2[DIGEST_HEX_MAX], resp[DIGEST_HEX_MAX];
	uint8_t res[8], ck[16], ik[16], rand_autn[32], pw[DIGEST_AKA_PASSWORD_MAX];
	struct slice sid = tsv_get(t, "id"), verified = tsv_get(t, "verified");
	struct slice pwcol = tsv_get(t, "password"), uh = tsv_get(t, "userhash");
	struct digest_params p = { 0 };
	snprintf(id, sizeof(id), "%.*s", SLICE_ARG(sid));

	CHECK_INT_EQ(digest_algo_lookup(tsv_get(t, "algorithm"), &p.algo), 0);
	CHECK_INT_EQ(digest_qop_lookup(tsv_get(t, "qop"), &p.qop), 0);
	p.username = tsv_get(t, "username");
	p.realm = tsv_get(t, "realm");
	p.method = tsv_get(t, "method");
	p.uri = tsv_get(t, "uri");
	p.nonce = tsv_get(t, "nonce");
	p.nc = tsv_get(t, "nc");
	p.cnonce = tsv_get(t, "cnonce");
	p.body = slice_make("", 0); /* the auth-int rows have an empty body */

	if (slice_eq(verified, SLICE_LIT("no"))) {
		/* RFC 3310 §4 is illustrative: its nonce has 44 base64 characters
		 * then "==" (malformed), i.e. 33 bytes, not RAND||AUTN. */
		uint8_t buf[64];
		struct slice n = p.nonce;
		CHECK(base64_decode(buf, sizeof(buf), n) < 0);
		while (n.len > 0 && n.ptr[n.len - 1] == '=')
			n.len--;
		CHECK_INT_EQ(base64_decode(buf, sizeof(buf), n), 33);
		return;
	}
	if (slice_startswith_case(pwcol, "RES")) {
		/* End to end: the nonce's RAND finds K/OP, Milenage gives RES. */
		if (aka_from_nonce(id, p.nonce, CORPUS "milenage/extra-openimscore.tsv", "RAND",
				   SLICE_NULL, res, ck, ik, rand_autn) < 0)
			return;
		int n = digest_aka_password(pw, p.algo, res, 8, ik, ck);
		CHECK_INT_EQ(n, 8);
		p.password = slice_make((const char *)pw, (size_t)(n > 0 ? n : 0));
		char res_hex[17];
		hex_encode(res_hex, res, 8);
		check_slice_hex(id, "RES", res_hex, hex_after(tsv_get(t, "notes"), "RES "));
	} else {
		p.password = pwcol;
	}
	CHECK(digest_ha1(&p, ha1) > 0);
	CHECK(digest_ha2(&p, ha2) > 0);
	CHECK(digest_response(&p, resp) > 0);

	if (slice_startswith_case(verified, "only-with-truncated")) {
		/* The printed RFC 7616 §3.9.2 values: real SHA-512/256 must not
		 * reproduce them, SHA-512 cut to 256 bits does. */
		char trunc[65], uh_real[DIGEST_HEX_MAX];
		struct slice printed_uh = hex_after(uh, "= ");
		CHECK(!slice_caseeq(tsv_get(t, "expected_response"), slice_cstr(resp)));
		CHECK(!slice_caseeq(tsv_get(t, "expected_HA1"), slice_cstr(ha1)));
		CHECK_INT_EQ(digest_verify(&p, tsv_get(t, "expected_response")), -EACCES);
		CHECK(digest_userhash(p.algo, p.username, p.realm, uh_real) == 64);
		CHECK(printed_uh.ptr && !slice_caseeq(printed_uh, slice_cstr(uh_real)));
		struct slice a1[3] = { p.username, p.realm, p.password };
		char h1[65], h2[65];
		sha512_trunc_join(a1, 3, h1);
		check_slice_hex(id, "truncated-SHA-512 HA1", h1, tsv_get(t, "expected_HA1"));
		struct slice a2[2] = { p.method, p.uri };
		sha512_trunc_join(a2, 2, h2);
		check_slice_hex(id, "truncated-SHA-512 HA2", h2, tsv_get(t, "expected_HA2"));
		CHECK(!slice_caseeq(tsv_get(t, "expected_HA2"), slice_cstr(ha2)));
		struct slice r[6] = { slice_cstr(h1), p.nonce, p.nc, p.cnonce, tsv_get(t, "qop"),
				      slice_cstr(h2) };
		sha512_trunc_join(r, 6, trunc);
		check_slice_hex(id, "truncated-SHA-512 response", trunc,
				tsv_get(t, "expected_response"));
		struct slice u[2] = { p.username, p.realm };
		sha512_trunc_join(u, 2, trunc);
		check_slice_hex(id, "truncated-SHA-512 userhash", trunc, printed_uh);
		(*truncated)++;
		return;
	}
	check_slice_hex(id, "HA1", ha1, tsv_get(t, "expected_HA1"));
	check_slice_hex(id, "HA2", ha2, tsv_get(t, "expected_HA2"));
	check_slice_hex(id, "response", resp, tsv_get(t, "expected_response"));
	CHECK_INT_EQ(digest_verify(&p, tsv_get(t, "expected_response")), 0);
	if (slice_startswith_case(uh, "true")) {
		char uh_got[DIGEST_HEX_MAX];
		CHECK(digest_userhash(p.algo, p.username, p.realm, uh_got) > 0);
		check_slice_hex(id, "userhash", uh_got, hex_after(uh, "= "));
	}
	/* A stored HA1 gives the same response as the password. */
	struct digest_params q = p;
	q.ha1 = tsv_get(t, "expected_HA1");
	q.password = SLICE_NULL;
	CHECK_INT_EQ(digest_verify(&q, tsv_get(t, "expected_response")), 0);
	/* The RFC 2069 (no qop) form, where the notes give it. */
	struct slice no_qop = hex_after(tsv_get(t, "notes"), "no-qop form with the same inputs gives ");
	if (no_qop.ptr) {
		q = p;
		q.qop = DIGEST_QOP_NONE;
		CHECK(digest_response(&q, resp) > 0);
		check_slice_hex(id, "no-qop response", resp, no_qop);
	}
	auth_wipe(pw, sizeof(pw));
	(*computed)++;
}

static void test_digest_passes_every_published_vector(void)
{
	struct tsv t;
	int computed = 0, truncated = 0, rows = 0;
	CHECK_INT_EQ(tsv_open(&t, CORPUS "digest/vectors.tsv"), 0);
	while (t.data && tsv_next(&t)) {
		run_vectors_row(&t, &computed, &truncated);
		rows++;
	}
	tsv_close(&t);
	CHECK_INT_EQ(rows, 8);
	CHECK_INT_EQ(computed, 6);  /* 2617, 7616 MD5/SHA-256, SHA-512/256 fips, 2 OpenIMSCore */
	CHECK_INT_EQ(truncated, 1); /* RFC 7616 §3.9.2 as printed */
}

static void test_digest_aka_derived_rows_end_to_end(void)
{
	struct tsv t;
	int rows = 0;
	CHECK_INT_EQ(tsv_open(&t, CORPUS "digest/derived-aka.tsv"), 0);
	while (t.data && tsv_next(&t)) {
		char id[80], resp[DIGEST_HEX_MAX], ha1[DIGEST_HEX_MAX], hex[65];
		uint8_t res[8], ck[16], ik[16], rand_autn[32], pw[DIGEST_AKA_PASSWORD_MAX];
		struct slice sid = tsv_get(&t, "id");
		struct digest_params p = { 0 };
		bool negative = slice_startswith_case(tsv_get(&t, "notes"), "NEGATIVE");
		snprintf(id, sizeof(id), "%.*s", SLICE_ARG(sid));
		rows++;
		CHECK_INT_EQ(digest_algo_lookup(tsv_get(&t, "algorithm"), &p.algo), 0);
		CHECK_INT_EQ(digest_qop_lookup(tsv_get(&t, "qop"), &p.qop), 0);
		if (aka_from_nonce(id, tsv_get(&t, "nonce"), CORPUS "milenage/vectors.tsv", "set",
				   tsv_get(&t, "milenage_set"), res, ck, ik, rand_autn) < 0)
			continue;
		hex_encode(hex, rand_autn, 16);
		check_slice_hex(id, "RAND", hex, tsv_get(&t, "RAND"));
		hex_encode(hex, rand_autn + 16, 16);
		check_slice_hex(id, "AUTN", hex, tsv_get(&t, "AUTN"));
		hex_encode(hex, res, 8);
		check_slice_hex(id, "RES", hex, tsv_get(&t, "RES"));
		hex_encode(hex, ck, 16);
		check_slice_hex(id, "CK", hex, tsv_get(&t, "CK"));
		hex_encode(hex, ik, 16);
		check_slice_hex(id, "IK", hex, tsv_get(&t, "IK"));

		int n = digest_aka_password(pw, p.algo, res, 8, ik, ck);
		CHECK(n > 0);
		if (n <= 0)
			continue;
		p.username = tsv_get(&t, "username");
		p.realm = tsv_get(&t, "realm");
		p.method = tsv_get(&t, "method");
		p.uri = tsv_get(&t, "uri");
		p.nonce = tsv_get(&t, "nonce");
		p.nc = tsv_get(&t, "nc");
		p.cnonce = tsv_get(&t, "cnonce");
		p.password = slice_make((const char *)pw, (size_t)n);
		CHECK(digest_response(&p, resp) > 0);
		if (negative) {
			/* The right password must not give the buggy response... */
			CHECK_INT_EQ(digest_verify(&p, tsv_get(&t, "expected_response")), -EACCES);
			/* ...which is what hashing RES as hex text gives. */
			char res_hex[17];
			hex_encode(res_hex, res, 8);
			hex_encode(hex, (const uint8_t *)res_hex, 16);
			check_slice_hex(id, "password_hex", hex, hex_after(tsv_get(&t, "password_hex"), ""));
			p.password = slice_make(res_hex, 16);
			CHECK(digest_ha1(&p, ha1) > 0);
			check_slice_hex(id, "HA1 (hex RES)", ha1, tsv_get(&t, "HA1"));
			CHECK_INT_EQ(digest_verify(&p, tsv_get(&t, "expected_response")), 0);
			continue;
		}
		hex_encode(hex, pw, (size_t)n);
		check_slice_hex(id, "password", hex, hex_after(tsv_get(&t, "password_hex"), ""));
		CHECK(digest_ha1(&p, ha1) > 0);
		check_slice_hex(id, "HA1", ha1, tsv_get(&t, "HA1"));
		check_slice_hex(id, "response", resp, tsv_get(&t, "expected_response"));
		CHECK_INT_EQ(digest_verify(&p, tsv_get(&t, "expected_response")), 0);
		/* AKAv1 and AKAv2 are not interchangeable. */
		p.algo = p.algo == DIGEST_AKAV1_MD5 ? DIGEST_AKAV2_MD5 : DIGEST_AKAV1_MD5;
		n = digest_aka_password(pw, p.algo, res, 8, ik, ck);
		p.password = slice_make((const char *)pw, (size_t)n);
		CHECK_INT_EQ(digest_verify(&p, tsv_get(&t, "expected_response")), -EACCES);
		auth_wipe(pw, sizeof(pw));
	}
	tsv_close(&t);
	CHECK_INT_EQ(rows, 3);
}

/* hex(H(text)) through the raw primitive, independent of digest.c. */
static void hash_hex(enum crypto_hash h, const char *text, char out[DIGEST_HEX_MAX])
{
	uint8_t md[CRYPTO_HASH_MAX];
	CHECK_INT_EQ(crypto_hash(h, text, strlen(text), md), 0);
	hex_encode(out, md, crypto_hash_len(h));
}

static void test_digest_sess_hashes_ha1_with_nonce_and_cnonce(void)
{
	static const struct {
		enum digest_algo sess, plain;
		enum crypto_hash h;
	} cases[] = {
		{ DIGEST_MD5_SESS, DIGEST_MD5, CRYPTO_HASH_MD5 },
		{ DIGEST_SHA256_SESS, DIGEST_SHA256, CRYPTO_HASH_SHA256 },
		{ DIGEST_SHA512_256_SESS, DIGEST_SHA512_256, CRYPTO_HASH_SHA512_256 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct digest_params p = {
			.algo = cases[i].plain, .qop = DIGEST_QOP_AUTH,
			.username = SLICE_LIT("Mufasa"), .realm = SLICE_LIT("http-auth@example.org"),
			.password = SLICE_LIT("Circle of Life"), .method = SLICE_LIT("GET"),
			.uri = SLICE_LIT("/dir/index.html"), .nonce = SLICE_LIT("n0nce"),
			.nc = SLICE_LIT("00000001"), .cnonce = SLICE_LIT("c0nce"),
		};
		char ha1[DIGEST_HEX_MAX], sess[DIGEST_HEX_MAX], want[DIGEST_HEX_MAX], text[256];
		CHECK(digest_ha1(&p, ha1) > 0);
		p.algo = cases[i].sess;
		CHECK(digest_ha1(&p, sess) > 0);
		snprintf(text, sizeof(text), "%s:n0nce:c0nce", ha1);
		hash_hex(cases[i].h, text, want);
		CHECK_STR_EQ(sess, want);
		/* A stored HA1 goes through the same session step. */
		p.ha1 = slice_cstr(ha1);
		p.password = SLICE_NULL;
		CHECK(digest_ha1(&p, sess) > 0);
		CHECK_STR_EQ(sess, want);
	}
}

static void test_digest_auth_int_hashes_the_body(void)
{
	struct digest_params p = {
		.algo = DIGEST_SHA256, .qop = DIGEST_QOP_AUTH_INT, .method = SLICE_LIT("REGISTER"),
		.uri = SLICE_LIT("sip:ims.example.net"), .body = SLICE_LIT("v=0\r\n"),
	};
	char ha2[DIGEST_HEX_MAX], body[DIGEST_HEX_MAX], want[DIGEST_HEX_MAX], text[256];
	CHECK_INT_EQ(digest_ha2(&p, ha2), 64);
	hash_hex(CRYPTO_HASH_SHA256, "v=0\r\n", body);
	snprintf(text, sizeof(text), "REGISTER:sip:ims.example.net:%s", body);
	hash_hex(CRYPTO_HASH_SHA256, text, want);
	CHECK_STR_EQ(ha2, want);
	p.body = SLICE_NULL; /* absent body = empty body */
	CHECK_INT_EQ(digest_ha2(&p, ha2), 64);
	hash_hex(CRYPTO_HASH_SHA256, "", body);
	snprintf(text, sizeof(text), "REGISTER:sip:ims.example.net:%s", body);
	hash_hex(CRYPTO_HASH_SHA256, text, want);
	CHECK_STR_EQ(ha2, want);
}

/* The RFC 2617 §3.5 example (Mufasa, qop=auth), for the tests that vary it. */
static struct digest_params rfc2617_example(void)
{
	return (struct digest_params){
		.algo = DIGEST_MD5, .qop = DIGEST_QOP_AUTH, .username = SLICE_LIT("Mufasa"),
		.realm = SLICE_LIT("testrealm@host.com"), .password = SLICE_LIT("Circle Of Life"),
		.method = SLICE_LIT("GET"), .uri = SLICE_LIT("/dir/index.html"),
		.nonce = SLICE_LIT("dcd98b7102dd2f0e8b11d0f600bfb0c093"), .nc = SLICE_LIT("00000001"),
		.cnonce = SLICE_LIT("0a4f113b"),
	};
}

static void test_digest_rspauth_uses_empty_method(void)
{
	struct digest_params p = rfc2617_example();
	char rsp[DIGEST_HEX_MAX], resp[DIGEST_HEX_MAX], ha1[DIGEST_HEX_MAX], ha2[DIGEST_HEX_MAX];
	char text[512];
	CHECK_INT_EQ(digest_rspauth(&p, rsp), 32);
	CHECK_INT_EQ(digest_response(&p, resp), 32);
	CHECK(strcmp(rsp, resp) != 0);
	CHECK_INT_EQ(digest_ha1(&p, ha1), 32);
	hash_hex(CRYPTO_HASH_MD5, ":/dir/index.html", ha2);
	snprintf(text, sizeof(text), "%s:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:%s",
		 ha1, ha2);
	hash_hex(CRYPTO_HASH_MD5, text, resp);
	CHECK_STR_EQ(rsp, resp);
}

static void test_digest_verify_rejects_near_misses(void)
{
	struct digest_params p = rfc2617_example();
	char resp[DIGEST_HEX_MAX];
	CHECK_INT_EQ(digest_response(&p, resp), 32);
	CHECK_INT_EQ(digest_verify(&p, slice_cstr(resp)), 0);
	for (size_t i = 0; i < 32; i++) /* upper case hex is the same response */
		if (resp[i] >= 'a')
			resp[i] = (char)(resp[i] - 'a' + 'A');
	CHECK_INT_EQ(digest_verify(&p, slice_cstr(resp)), 0);
	CHECK_INT_EQ(digest_verify(&p, slice_make(resp, 31)), -EACCES);
	resp[5] = resp[5] == '0' ? '1' : '0';
	CHECK_INT_EQ(digest_verify(&p, slice_cstr(resp)), -EACCES);
	resp[5] = 'g';
	CHECK_INT_EQ(digest_verify(&p, slice_cstr(resp)), -EACCES);
	CHECK_INT_EQ(digest_verify(&p, SLICE_NULL), -EACCES);
	/* the same response with the wrong realm, uri or nc does not verify */
	CHECK_INT_EQ(digest_response(&p, resp), 32);
	struct digest_params q = p;
	q.realm = SLICE_LIT("testrealm@host.co");
	CHECK_INT_EQ(digest_verify(&q, slice_cstr(resp)), -EACCES);
	q = p;
	q.nc = SLICE_LIT("00000002");
	CHECK_INT_EQ(digest_verify(&q, slice_cstr(resp)), -EACCES);
	q = p;
	q.ha1 = SLICE_LIT("not-hex");
	CHECK_INT_EQ(digest_verify(&q, slice_cstr(resp)), -EINVAL);
}

static void test_digest_names_round_trip(void)
{
	for (int i = 0; i < DIGEST_ALGO__COUNT; i++) {
		enum digest_algo a;
		CHECK_INT_EQ(digest_algo_lookup(slice_cstr(digest_algo_name((enum digest_algo)i)), &a), 0);
		CHECK_INT_EQ(a, i);
	}
	enum digest_algo a = DIGEST_SHA256;
	CHECK_INT_EQ(digest_algo_lookup(SLICE_NULL, &a), 0);
	CHECK_INT_EQ(a, DIGEST_MD5);
	CHECK_INT_EQ(digest_algo_lookup(SLICE_LIT("akav1-md5"), &a), 0);
	CHECK_INT_EQ(a, DIGEST_AKAV1_MD5);
	CHECK_INT_EQ(digest_algo_lookup(SLICE_LIT("SHA-1"), &a), -ENOENT);
	CHECK_INT_EQ(digest_algo_hex_len(DIGEST_SHA512_256), 64);
	CHECK_INT_EQ(digest_algo_hex_len(DIGEST_AKAV2_MD5), 32);
	enum digest_qop q;
	CHECK_INT_EQ(digest_qop_lookup(SLICE_LIT("auth-int"), &q), 0);
	CHECK_INT_EQ(q, DIGEST_QOP_AUTH_INT);
	CHECK_INT_EQ(digest_qop_lookup(SLICE_LIT("auth,auth-int"), &q), -ENOENT);
	uint8_t pw[DIGEST_AKA_PASSWORD_MAX], res[16] = { 0 }, ck[16] = { 0 }, ik[16] = { 0 };
	CHECK_INT_EQ(digest_aka_password(pw, DIGEST_MD5, res, 8, ik, ck), -EINVAL);
	CHECK_INT_EQ(digest_aka_password(pw, DIGEST_AKAV1_MD5, res, 3, ik, ck), -EINVAL);
	CHECK_INT_EQ(digest_aka_password(pw, DIGEST_AKAV2_MD5, res, 16, ik, ck), 24);
}

int main(void)
{
	test_digest_passes_every_published_vector();
	test_digest_aka_derived_rows_end_to_end();
	test_digest_sess_hashes_ha1_with_nonce_and_cnonce();
	test_digest_auth_int_hashes_the_body();
	test_digest_rspauth_uses_empty_method();
	test_digest_verify_rejects_near_misses();
	test_digest_names_round_trip();
	return check_done();
}
