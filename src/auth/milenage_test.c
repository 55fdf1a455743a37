/* milenage_test.c: Milenage against every TS 35.207 / TS 35.208 set and the OpenIMSCore rows. */
#include <stdio.h>
#include <string.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include "auth/tsv_test.h"
#include "check.h"

static void check_hex(const char *set, const char *what, const uint8_t *got, size_t n,
		      struct slice want)
{
	char hex[2 * 64 + 1];
	hex_encode(hex, got, n);
	if (want.ptr && slice_caseeq(want, slice_cstr(hex))) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "%s: %s: got %s, want %.*s\n", set, what, hex, SLICE_ARG(want));
}

static int field(const struct tsv *t, const char *name, uint8_t *out, size_t n)
{
	int rc = hex_decode(out, n, tsv_get(t, name));
	if (rc < 0) {
		check_failed++;
		fprintf(stderr, "column %s: not %zu bytes of hex\n", name, n);
	}
	return rc;
}

/* Every output of one row, from OP (OPc derived) and from OPc as given. */
static void run_row(const struct tsv *t)
{
	uint8_t k[16], rand[16], sqn[6], amf[2], op[16], opc_want[16], opc[16];
	uint8_t mac_a[8], mac_s[8], res[8], ck[16], ik[16], ak[6], ak_star[6];
	char set[64];
	struct slice s = tsv_get(t, "set");
	struct milenage m = { 0 };
	snprintf(set, sizeof(set), "%.*s", SLICE_ARG(s));
	if (field(t, "K", k, 16) || field(t, "RAND", rand, 16) || field(t, "SQN", sqn, 6) ||
	    field(t, "AMF", amf, 2) || field(t, "OP", op, 16) || field(t, "OPc", opc_want, 16))
		return;
	CHECK_INT_EQ(milenage_opc(opc, k, op), 0);
	check_hex(set, "OPc", opc, 16, tsv_get(t, "OPc"));

	for (int from_op = 0; from_op < 2; from_op++) {
		int rc = from_op ? milenage_init_op(&m, k, op) : milenage_init(&m, k, opc_want);
		CHECK_INT_EQ(rc, 0);
		if (rc < 0)
			return;
		CHECK_INT_EQ(milenage_f1(&m, rand, sqn, amf, mac_a, mac_s), 0);
		CHECK_INT_EQ(milenage_f2345(&m, rand, res, ck, ik, ak), 0);
		CHECK_INT_EQ(milenage_f5star(&m, rand, ak_star), 0);
		check_hex(set, "f1", mac_a, 8, tsv_get(t, "f1"));
		check_hex(set, "f1*", mac_s, 8, tsv_get(t, "f1star"));
		check_hex(set, "f2", res, 8, tsv_get(t, "f2"));
		check_hex(set, "f3", ck, 16, tsv_get(t, "f3"));
		check_hex(set, "f4", ik, 16, tsv_get(t, "f4"));
		check_hex(set, "f5", ak, 6, tsv_get(t, "f5"));
		check_hex(set, "f5*", ak_star, 6, tsv_get(t, "f5star"));
		milenage_fini(&m);
	}
}

static int run_file(const char *path)
{
	struct tsv t;
	int rows = 0;
	if (tsv_open(&t, path) < 0) {
		check_failed++;
		fprintf(stderr, "cannot read %s\n", path);
		return 0;
	}
	while (tsv_next(&t)) {
		run_row(&t);
		rows++;
	}
	tsv_close(&t);
	return rows;
}

static void test_milenage_passes_every_3gpp_set(void)
{
	/* 6 sets of TS 35.207 and 20 of TS 35.208 (set 2 of 35.208 duplicates set 1 there). */
	CHECK_INT_EQ(run_file("../shared/corpus/milenage/vectors.tsv"), 26);
}

static void test_milenage_passes_openimscore_rows(void)
{
	CHECK_INT_EQ(run_file("../shared/corpus/milenage/extra-openimscore.tsv"), 3);
}

/* The outputs one asks for do not depend on which others are asked for. */
static void test_milenage_null_outputs_are_skipped(void)
{
	static const uint8_t k[16] = { 0x46, 0x5b, 0x5c, 0xe8, 0xb1, 0x99, 0xb4, 0x9f,
				       0xaa, 0x5f, 0x0a, 0x2e, 0xe2, 0x38, 0xa6, 0xbc };
	uint8_t opc[16] = { 1 }, rand[16] = { 2 }, sqn[6] = { 3 }, amf[2] = { 4 };
	uint8_t a1[8], s1[8], a2[8], r1[8], r2[8], ik1[16], ik2[16];
	struct milenage m = { 0 };
	CHECK_INT_EQ(milenage_init(&m, k, opc), 0);
	CHECK_INT_EQ(milenage_f1(&m, rand, sqn, amf, a1, s1), 0);
	CHECK_INT_EQ(milenage_f1(&m, rand, sqn, amf, a2, NULL), 0);
	CHECK(memcmp(a1, a2, 8) == 0);
	CHECK(memcmp(a1, s1, 8) != 0);
	CHECK_INT_EQ(milenage_f2345(&m, rand, r1, NULL, ik1, NULL), 0);
	CHECK_INT_EQ(milenage_f2345(&m, rand, r2, NULL, NULL, NULL), 0);
	CHECK_INT_EQ(milenage_f2345(&m, rand, NULL, NULL, ik2, NULL), 0);
	CHECK(memcmp(r1, r2, 8) == 0);
	CHECK(memcmp(ik1, ik2, 16) == 0);
	milenage_fini(&m);
	CHECK(m.aes == NULL);
	milenage_fini(&m); /* a second fini is harmless */
	static const uint8_t zero[16];
	CHECK(memcmp(m.opc, zero, 16) == 0);
}

int main(void)
{
	test_milenage_passes_every_3gpp_set();
	test_milenage_passes_openimscore_rows();
	test_milenage_null_outputs_are_skipped();
	return check_done();
}
