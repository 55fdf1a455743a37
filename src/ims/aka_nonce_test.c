/* aka_nonce_test.c: the AKA nonce split into RAND / AUTN (SQN^AK, AMF, MAC) and auts (RFC 3310). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/codec.h>
#include <imsreg/ims.h>
#include "check.h"

static void check_hex(const uint8_t *got, size_t n, const char *want, int line)
{
	char hex[130];
	hex_encode(hex, got, n);
	if (strcmp(hex, want) != 0)
		fprintf(stderr, "aka_nonce_test.c:%d: hex mismatch\n", line);
	CHECK_STR_EQ(hex, want);
}

struct nonce_case {
	const char *b64;
	int rc;
	size_t decoded_len, server_data_len;
	const char *rand, *sqn_xor_ak, *amf, *mac;
	bool separation;
};

/* Expected values decoded independently with python3 base64. The first two
 * are seeds ex3 and ex4, the third the 401 of ../shared/corpus/bench/f_401_aka_challenge.sip. */
static const struct nonce_case nonce_cases[] = {
	{ "fn3iiH1LnWqCtFyPUD8qzYxfiiVavYAAmfcxByxmhBg=", 0, 32, 0,
	  "7e7de2887d4b9d6a82b45c8f503f2acd", "8c5f8a255abd", "8000", "99f731072c668418", true },
	{ "DtIe00txvoZUGvYmjgX98eAPJNjx3IAADsM84A8kWPE=", 0, 32, 0,
	  "0ed21ed34b71be86541af6268e05fdf1", "e00f24d8f1dc", "8000", "0ec33ce00f2458f1", true },
	{ "q+UU2DsZTx6pcRtlUIsE6sGoZv+BBHUaaE3U1yo/JwQ=", 0, 32, 0,
	  "abe514d83b194f1ea9711b65508b04ea", "c1a866ff8104", "751a", "684dd4d72a3f2704", false },
	/* bytes 0..31 then "srvdata": 7 bytes of server data, padding left out */
	{ "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9zcnZkYXRh", 0, 39, 7,
	  "000102030405060708090a0b0c0d0e0f", "101112131415", "1617", "18191a1b1c1d1e1f", false },
	/* 31 bytes: one short */
	{ "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", -EMSGSIZE, 31, 0, NULL, NULL, NULL, NULL,
	  false },
	{ "", -EMSGSIZE, 0, 0, NULL, NULL, NULL, NULL, false },
	{ "fn3iiH1LnWqCtFyPUD8qzYxfiiVavYAAmfcxByxmhBg", 0, 32, 0,
	  "7e7de2887d4b9d6a82b45c8f503f2acd", "8c5f8a255abd", "8000", "99f731072c668418", true },
	/* not base64: a space, a '-', padding in the middle, too much padding */
	{ "fn3iiH1LnWqCtFyPUD8qzYxf iVavYAAmfcxByxmhBg=", -EBADMSG, 0, 0, NULL, NULL, NULL, NULL,
	  false },
	{ "fn3iiH1LnWqCtFyPUD8qzYxf-iVavYAAmfcxByxmhBg=", -EBADMSG, 0, 0, NULL, NULL, NULL, NULL,
	  false },
	{ "fn3i=H1LnWqCtFyPUD8qzYxfiiVavYAAmfcxByxmhBg=", -EBADMSG, 0, 0, NULL, NULL, NULL, NULL,
	  false },
	{ "fn3iiH1LnWqCtFyPUD8qzYxfiiVavYAAmfcxByxmhB===", -EBADMSG, 0, 0, NULL, NULL, NULL, NULL,
	  false },
};

static void check_nonce_case(const struct nonce_case *c, const char *buf)
{
	struct ims_aka_nonce n;
	int rc = ims_aka_nonce_decode(&n, slice_make(buf, strlen(c->b64)));
	CHECK_INT_EQ(rc, c->rc);
	if (rc == 0 || rc == -EMSGSIZE)
		CHECK_INT_EQ(n.decoded_len, c->decoded_len);
	if (rc != 0)
		return;
	CHECK_INT_EQ(n.server_data_len, c->server_data_len);
	check_hex(n.rand, 16, c->rand, __LINE__);
	check_hex(n.sqn_xor_ak, 6, c->sqn_xor_ak, __LINE__);
	check_hex(n.amf, 2, c->amf, __LINE__);
	check_hex(n.mac, 8, c->mac, __LINE__);
	/* AUTN is SQN^AK || AMF || MAC */
	CHECK(memcmp(n.autn, n.sqn_xor_ak, 6) == 0);
	CHECK(memcmp(n.autn + 6, n.amf, 2) == 0);
	CHECK(memcmp(n.autn + 8, n.mac, 8) == 0);
	CHECK_INT_EQ(n.amf_separation_bit, c->separation);
}

static void test_aka_nonce_decode_table(void)
{
	for (size_t i = 0; i < sizeof nonce_cases / sizeof nonce_cases[0]; i++) {
		const struct nonce_case *c = &nonce_cases[i];
		check_nonce_case(c, c->b64);
		size_t len = strlen(c->b64);
		char *g = check_guard_copy(c->b64, len);
		CHECK(g != NULL);
		if (g) {
			check_nonce_case(c, g);
			check_guard_free(g, len);
		}
	}
}

/* 332 bytes (i * 7 mod 256): 444 base64 characters, more than one decode
 * chunk; 300 bytes of server data. */
static void test_aka_nonce_long_server_data_is_counted(void)
{
	static const char b64[] =
		"AAcOFRwjKjE4P0ZNVFtiaXB3foWMk5qhqK+2vcTL0tng5+71/AMKERgfJi00O0JJUFdeZWxzeoGIj5adpK"
		"uyucDHztXc4+rx+P8GDRQbIikwNz5FTFNaYWhvdn2Ei5KZoKeutbzDytHY3+bt9PsCCRAXHiUsMzpBSE9W"
		"XWRrcnmAh46VnKOqsbi/xs3U2+Lp8Pf+BQwTGiEoLzY9REtSWWBnbnV8g4qRmJ+mrbS7wsnQ197l7PP6AQ"
		"gPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09rh6O/2/QQLEhkgJy41PENKUVhfZm10e4KJkJeepayz"
		"usHIz9bd5Ovy+QAHDhUcIyoxOD9GTVRbYmlwd36FjJOaoaivtr3Ey9LZ4Ofu9fwDChEYHyYtNDtCSVBXXm"
		"Vsc3qBiI+WnaSrsrnAx87V3OPq8fj/Bg0=";
	struct ims_aka_nonce n;
	CHECK_INT_EQ(strlen(b64), 444);
	CHECK_INT_EQ(ims_aka_nonce_decode(&n, slice_make(b64, strlen(b64))), 0);
	CHECK_INT_EQ(n.decoded_len, 332);
	CHECK_INT_EQ(n.server_data_len, 300);
	check_hex(n.rand, 16, "00070e151c232a31383f464d545b6269", __LINE__);
	check_hex(n.sqn_xor_ak, 6, "70777e858c93", __LINE__);
	check_hex(n.amf, 2, "9aa1", __LINE__);
	check_hex(n.mac, 8, "a8afb6bdc4cbd2d9", __LINE__);

	/* padding that ends the first chunk is not the end of the nonce */
	char bad[261];
	memset(bad, 'A', 255);
	memcpy(bad + 255, "=AAAA", 6);
	CHECK_INT_EQ(ims_aka_nonce_decode(&n, slice_make(bad, strlen(bad))), -EBADMSG);
}

static void test_aka_nonce_from_the_bench_401(void)
{
	size_t len;
	char *msg = check_read_file("../shared/corpus/bench/f_401_aka_challenge.sip", &len);
	CHECK(msg != NULL);
	if (!msg)
		return;
	const char *p = strstr(msg, "nonce=\"");
	CHECK(p != NULL);
	if (p) {
		p += 7;
		const char *q = strchr(p, '"');
		CHECK(q != NULL);
		struct ims_aka_nonce n;
		if (q) {
			CHECK_INT_EQ(ims_aka_nonce_decode(&n, slice_span(p, q)), 0);
			check_hex(n.rand, 16, "abe514d83b194f1ea9711b65508b04ea", __LINE__);
		}
	}
	free(msg);
}

static void test_auts_decode_splits_sqn_and_mac_s(void)
{
	struct ims_auts a;
	CHECK_INT_EQ(ims_auts_decode(&a, SLICE_LIT("AQIDBAUGBwgJCgsMDQ4=")), 0);
	check_hex(a.sqn_ms_xor_ak_star, 6, "010203040506", __LINE__);
	check_hex(a.mac_s, 8, "0708090a0b0c0d0e", __LINE__);
	CHECK_INT_EQ(ims_auts_decode(&a, SLICE_LIT("AQIDBAUGBwgJCgsMDQ4")), 0);
	/* 15 and 13 bytes, not base64, absent */
	CHECK_INT_EQ(ims_auts_decode(&a, SLICE_LIT("AAAAAAAAAAAAAAAAAAAA")), -EBADMSG);
	CHECK_INT_EQ(ims_auts_decode(&a, SLICE_LIT("AQIDBAUGBwgJCgsMDQ==")), -EBADMSG);
	CHECK_INT_EQ(ims_auts_decode(&a, SLICE_LIT("AQIDBAUGBwgJCg*MDQ4=")), -EBADMSG);
	CHECK_INT_EQ(ims_auts_decode(&a, SLICE_NULL), -EBADMSG);
	char *g = check_guard_copy("AQIDBAUGBwgJCgsMDQ4=", 20);
	CHECK(g != NULL);
	if (g) {
		CHECK_INT_EQ(ims_auts_decode(&a, slice_make(g, 20)), 0);
		check_hex(a.mac_s, 8, "0708090a0b0c0d0e", __LINE__);
		check_guard_free(g, 20);
	}
}

int main(void)
{
	test_aka_nonce_decode_table();
	test_aka_nonce_long_server_data_is_counted();
	test_aka_nonce_from_the_bench_401();
	test_auts_decode_splits_sqn_and_mac_s();
	return check_done();
}
