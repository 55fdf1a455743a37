/* aka_test.c: TS 33.102 AKA vectors, UE check, AUTS and Annex C sequence numbers. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include "auth/tsv_test.h"
#include "check.h"

#define CORPUS "../shared/corpus/"

static void check_hex(const char *id, const char *what, const uint8_t *got, size_t n,
		      struct slice want)
{
	char hex[2 * 32 + 1];
	hex_encode(hex, got, n);
	if (want.ptr && slice_caseeq(want, slice_cstr(hex))) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "%s: %s: got %s, want %.*s\n", id, what, hex, SLICE_ARG(want));
}

/* A subscriber with random K and OPc. */
static int random_subscriber(struct milenage *m)
{
	uint8_t k[16], opc[16];
	int rc = auth_random(k, 16);
	if (rc == 0)
		rc = auth_random(opc, 16);
	if (rc == 0)
		rc = milenage_init(m, k, opc);
	auth_wipe(k, sizeof(k));
	return rc;
}

static void test_aka_sqn_octets_round_trip(void)
{
	uint8_t b[6];
	aka_sqn_put(b, UINT64_C(0xff9bb4d0b607));
	CHECK(b[0] == 0xff && b[5] == 0x07);
	CHECK(aka_sqn_get(b) == UINT64_C(0xff9bb4d0b607));
}

/* derived-aka.tsv's AUTN (TS 35.208 set 19, as RFC 5448 vector 1) from K, OP, SQN, AMF. */
static void test_aka_vector_matches_set19_autn(void)
{
	struct tsv d, v;
	int rows = 0;
	CHECK_INT_EQ(tsv_open(&d, CORPUS "digest/derived-aka.tsv"), 0);
	while (d.data && tsv_next(&d)) {
		uint8_t k[16], op[16], sqn[6], amf[2], rand[16];
		struct aka_vector vec;
		struct milenage m = { 0 };
		struct slice set = tsv_get(&d, "milenage_set");
		CHECK_INT_EQ(tsv_open(&v, CORPUS "milenage/vectors.tsv"), 0);
		while (v.data && tsv_next(&v) && !slice_eq(tsv_get(&v, "set"), set))
			;
		CHECK(slice_eq(tsv_get(&v, "set"), set));
		CHECK_INT_EQ(hex_decode(k, 16, tsv_get(&v, "K")), 0);
		CHECK_INT_EQ(hex_decode(op, 16, tsv_get(&v, "OP")), 0);
		CHECK_INT_EQ(hex_decode(sqn, 6, tsv_get(&v, "SQN")), 0);
		CHECK_INT_EQ(hex_decode(amf, 2, tsv_get(&v, "AMF")), 0);
		CHECK_INT_EQ(hex_decode(rand, 16, tsv_get(&d, "RAND")), 0);
		CHECK_INT_EQ(milenage_init_op(&m, k, op), 0);
		CHECK_INT_EQ(aka_vector_build(&vec, &m, rand, aka_sqn_get(sqn), amf), 0);
		check_hex("derived-aka", "AUTN", vec.autn, 16, tsv_get(&d, "AUTN"));
		check_hex("derived-aka", "XRES", vec.xres, 8, tsv_get(&d, "RES"));
		check_hex("derived-aka", "CK", vec.ck, 16, tsv_get(&d, "CK"));
		check_hex("derived-aka", "IK", vec.ik, 16, tsv_get(&d, "IK"));
		/* A fresh USIM refuses the jump from 0 to this SQN (> Δ) and
		 * says so with an AUTS; without the SQN check it accepts. */
		struct aka_ue_result r;
		struct aka_sqn_ms ms;
		aka_sqn_ms_init(&ms, 0, 0);
		CHECK_INT_EQ(aka_ue_check(&r, &m, &ms, vec.rand, vec.autn), AKA_SYNC_FAILURE);
		CHECK_INT_EQ(r.sqn_verdict, AKA_SQN_TOO_FAR);
		CHECK_INT_EQ(aka_ue_check(&r, &m, NULL, vec.rand, vec.autn), AKA_OK);
		CHECK(r.sqn == aka_sqn_get(sqn));
		CHECK(memcmp(r.res, vec.xres, 8) == 0);
		milenage_fini(&m);
		tsv_close(&v);
		rows++;
	}
	tsv_close(&d);
	CHECK_INT_EQ(rows, 3);
}

/* AUTS against the OpenIMSCore rows, whose AMF is 0000 so that their
 * f1star column is MAC-S: AUTS = (SQN ^ f5*) || f1*. */
static void test_aka_auts_matches_f1star_f5star(void)
{
	struct tsv t;
	int rows = 0;
	CHECK_INT_EQ(tsv_open(&t, CORPUS "milenage/extra-openimscore.tsv"), 0);
	while (t.data && tsv_next(&t)) {
		uint8_t k[16], op[16], sqn[6], rand[16], auts[14], ak_star[6], want[14], mac_s[8];
		struct milenage m = { 0 };
		uint64_t sqn_ms = 0;
		CHECK(slice_eq(tsv_get(&t, "AMF"), SLICE_LIT("0000")));
		CHECK_INT_EQ(hex_decode(k, 16, tsv_get(&t, "K")), 0);
		CHECK_INT_EQ(hex_decode(op, 16, tsv_get(&t, "OP")), 0);
		CHECK_INT_EQ(hex_decode(sqn, 6, tsv_get(&t, "SQN")), 0);
		CHECK_INT_EQ(hex_decode(rand, 16, tsv_get(&t, "RAND")), 0);
		CHECK_INT_EQ(hex_decode(ak_star, 6, tsv_get(&t, "f5star")), 0);
		CHECK_INT_EQ(hex_decode(mac_s, 8, tsv_get(&t, "f1star")), 0);
		for (int i = 0; i < 6; i++)
			want[i] = sqn[i] ^ ak_star[i];
		memcpy(want + 6, mac_s, 8);
		CHECK_INT_EQ(milenage_init_op(&m, k, op), 0);
		CHECK_INT_EQ(aka_auts_build(auts, &m, rand, aka_sqn_get(sqn)), 0);
		CHECK(memcmp(auts, want, 14) == 0);
		CHECK_INT_EQ(aka_auts_check(&m, rand, auts, &sqn_ms), 0);
		CHECK(sqn_ms == aka_sqn_get(sqn));
		milenage_fini(&m);
		rows++;
	}
	tsv_close(&t);
	CHECK_INT_EQ(rows, 3);
}

static void test_aka_ue_accepts_what_the_network_built(void)
{
	struct milenage m = { 0 };
	struct aka_sqn_he he = { 0 };
	struct aka_sqn_ms ms;
	static const uint8_t amf[2] = { 0x80, 0x00 };
	CHECK_INT_EQ(random_subscriber(&m), 0);
	aka_sqn_ms_init(&ms, 0, 0);
	for (int i = 0; i < 100; i++) {
		struct aka_vector v;
		struct aka_ue_result r;
		uint64_t sqn;
		CHECK_INT_EQ(aka_sqn_he_next(&he, &sqn), 0);
		CHECK_INT_EQ(aka_vector_build(&v, &m, NULL, sqn, amf), 0);
		CHECK_INT_EQ(aka_ue_check(&r, &m, &ms, v.rand, v.autn), AKA_OK);
		CHECK(r.sqn == sqn);
		CHECK(memcmp(r.res, v.xres, 8) == 0);
		CHECK(memcmp(r.ck, v.ck, 16) == 0);
		CHECK(memcmp(r.ik, v.ik, 16) == 0);
		CHECK(memcmp(r.amf, amf, 2) == 0);
		CHECK(ms.sqn_ms == sqn);
		auth_wipe(&v, sizeof(v));
		auth_wipe(&r, sizeof(r));
	}
	CHECK(he.seq == 100);
	milenage_fini(&m);
}

static void test_aka_flipped_bit_in_autn_or_rand_is_a_mac_failure(void)
{
	struct milenage m = { 0 };
	struct aka_sqn_ms ms, before;
	struct aka_vector v;
	struct aka_ue_result r;
	static const uint8_t amf[2] = { 0x80, 0x00 };
	CHECK_INT_EQ(random_subscriber(&m), 0);
	aka_sqn_ms_init(&ms, 0, 0);
	CHECK_INT_EQ(aka_vector_build(&v, &m, NULL, 33, amf), 0);
	before = ms;
	int mac_failures = 0;
	for (int bit = 0; bit < 128; bit++) {
		uint8_t autn[16];
		memcpy(autn, v.autn, 16);
		autn[bit / 8] ^= (uint8_t)(0x80 >> (bit % 8));
		/* SQN^AK, AMF and MAC-A are all under the MAC: every flip is a MAC failure. */
		if (aka_ue_check(&r, &m, &ms, v.rand, autn) == AKA_MAC_FAILURE)
			mac_failures++;
		static const uint8_t zero[8];
		CHECK(memcmp(r.res, zero, 8) == 0); /* nothing secret handed out */
	}
	CHECK_INT_EQ(mac_failures, 128);
	for (int bit = 0; bit < 128; bit += 7) {
		uint8_t rand[16];
		memcpy(rand, v.rand, 16);
		rand[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		CHECK_INT_EQ(aka_ue_check(&r, &m, &ms, rand, v.autn), AKA_MAC_FAILURE);
	}
	CHECK(memcmp(&ms, &before, sizeof(ms)) == 0); /* failures leave the USIM as it was */
	CHECK_INT_EQ(aka_ue_check(&r, &m, &ms, v.rand, v.autn), AKA_OK);
	/* Another subscriber's key is a MAC failure too (K/OPc mismatch). */
	struct milenage other = { 0 };
	CHECK_INT_EQ(random_subscriber(&other), 0);
	CHECK_INT_EQ(aka_ue_check(&r, &other, NULL, v.rand, v.autn), AKA_MAC_FAILURE);
	milenage_fini(&other);
	milenage_fini(&m);
}

static void test_aka_old_sqn_gives_sync_failure_and_auts_resyncs(void)
{
	struct milenage m = { 0 };
	struct aka_sqn_he he = { 0 }, other_he = { .seq = 1000 };
	struct aka_sqn_ms ms;
	struct aka_vector v;
	struct aka_ue_result r;
	static const uint8_t amf[2] = { 0x80, 0x00 };
	uint64_t sqn, sqn_ms = 0;
	CHECK_INT_EQ(random_subscriber(&m), 0);
	aka_sqn_ms_init(&ms, 0, 0);
	/* The USIM has seen SEQ 1001..1040 (say from a HSS restored from a backup later). */
	for (int i = 0; i < 40; i++) {
		CHECK_INT_EQ(aka_sqn_he_next(&other_he, &sqn), 0);
		CHECK_INT_EQ(aka_vector_build(&v, &m, NULL, sqn, amf), 0);
		CHECK_INT_EQ(aka_ue_check(&r, &m, &ms, v.rand, v.autn), AKA_OK);
	}
	uint64_t highest = ms.sqn_ms;
	/* The network, at SEQ 0, sends an old SQN. */
	CHECK_INT_EQ(aka_sqn_he_next(&he, &sqn), 0);
	CHECK_INT_EQ(aka_vector_build(&v, &m, NULL, sqn, amf), 0);
	CHECK_INT_EQ(aka_ue_check(&r, &m, &ms, v.rand, v.autn), AKA_SYNC_FAILURE);
	CHECK_INT_EQ(r.sqn_verdict, AKA_SQN_REPLAYED);
	CHECK(r.sqn == sqn);
	CHECK(ms.sqn_ms == highest);
	/* The network recovers SQN_MS from AUTS, checks MAC-S and resynchronises. */
	CHECK_INT_EQ(aka_auts_check(&m, v.rand, r.auts, &sqn_ms), 0);
	CHECK(sqn_ms == highest);
	aka_sqn_he_resync(&he, sqn_ms);
	CHECK(he.seq == highest >> AKA_IND_BITS);
	for (int i = 0; i < 40; i++) { /* every IND column accepts what follows */
		CHECK_INT_EQ(aka_sqn_he_next(&he, &sqn), 0);
		CHECK_INT_EQ(aka_vector_build(&v, &m, NULL, sqn, amf), 0);
		CHECK_INT_EQ(aka_ue_check(&r, &m, &ms, v.rand, v.autn), AKA_OK);
	}
	/* The same vector twice is a replay. */
	CHECK_INT_EQ(aka_ue_check(&r, &m, &ms, v.rand, v.autn), AKA_SYNC_FAILURE);
	/* AUTS damaged, or checked with the wrong RAND, does not verify. */
	for (int bit = 0; bit < 112; bit++) {
		uint8_t auts[14];
		memcpy(auts, r.auts, 14);
		auts[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		CHECK_INT_EQ(aka_auts_check(&m, v.rand, auts, &sqn_ms), -EACCES);
	}
	uint8_t rand2[16];
	memcpy(rand2, v.rand, 16);
	rand2[0] ^= 1;
	CHECK_INT_EQ(aka_auts_check(&m, rand2, r.auts, &sqn_ms), -EACCES);
	/* A resync does not move a network already ahead of the USIM backwards. */
	struct aka_sqn_he ahead = { .seq = (ms.sqn_ms >> AKA_IND_BITS) + 5 };
	aka_sqn_he_resync(&ahead, ms.sqn_ms);
	CHECK(ahead.seq == (ms.sqn_ms >> AKA_IND_BITS) + 5);
	/* ...unless it is further ahead than the USIM's Δ allows (§6.3.5). */
	struct aka_sqn_he too_far = { .seq = (ms.sqn_ms >> AKA_IND_BITS) + 5, .delta = 5 };
	aka_sqn_he_resync(&too_far, ms.sqn_ms);
	CHECK(too_far.seq == ms.sqn_ms >> AKA_IND_BITS);
	milenage_fini(&m);
}

/* Annex C.2: one column per IND, so vectors used out of order are fresh. */
static void test_aka_sqn_ind_columns_accept_out_of_order(void)
{
	struct aka_sqn_he he = { 0 };
	struct aka_sqn_ms ms;
	uint64_t s[3];
	aka_sqn_ms_init(&ms, 0, 0);
	for (int i = 0; i < 3; i++)
		CHECK_INT_EQ(aka_sqn_he_next(&he, &s[i]), 0);
	CHECK((s[0] & 31) == 0 && (s[1] & 31) == 1 && (s[2] & 31) == 2);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, s[2]), AKA_SQN_FRESH);
	aka_sqn_ms_accept(&ms, s[2]);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, s[0]), AKA_SQN_FRESH);
	aka_sqn_ms_accept(&ms, s[0]);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, s[1]), AKA_SQN_FRESH);
	aka_sqn_ms_accept(&ms, s[1]);
	CHECK(ms.sqn_ms == s[2]);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, s[0]), AKA_SQN_REPLAYED);
	/* After 32 vectors IND comes back to 0. */
	for (int i = 3; i < 32; i++)
		CHECK_INT_EQ(aka_sqn_he_next(&he, &s[0]), 0);
	CHECK_INT_EQ(aka_sqn_he_next(&he, &s[0]), 0);
	CHECK((s[0] & 31) == 0 && s[0] >> 5 == 33);
}

static void test_aka_sqn_delta_and_limit(void)
{
	struct aka_sqn_ms ms;
	aka_sqn_ms_init(&ms, 1000, 50);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (uint64_t)1000 << 5), AKA_SQN_FRESH);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (uint64_t)1001 << 5), AKA_SQN_TOO_FAR);
	aka_sqn_ms_accept(&ms, (uint64_t)1000 << 5 | 3);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (uint64_t)2000 << 5), AKA_SQN_FRESH);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (uint64_t)2001 << 5), AKA_SQN_TOO_FAR);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (uint64_t)951 << 5 | 4), AKA_SQN_FRESH);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (uint64_t)950 << 5 | 4), AKA_SQN_TOO_OLD);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (uint64_t)1000 << 5 | 3), AKA_SQN_REPLAYED);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (uint64_t)999 << 5 | 3), AKA_SQN_REPLAYED);
	aka_sqn_ms_init(&ms, 0, 0);
	CHECK(ms.delta == AKA_DELTA_DEFAULT);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, AKA_DELTA_DEFAULT << 5), AKA_SQN_FRESH);
	CHECK_INT_EQ(aka_sqn_ms_check(&ms, (AKA_DELTA_DEFAULT + 1) << 5), AKA_SQN_TOO_FAR);
	struct aka_sqn_he he = { .seq = AKA_SEQ_MAX };
	uint64_t sqn = 7;
	CHECK_INT_EQ(aka_sqn_he_next(&he, &sqn), -ERANGE);
	CHECK(sqn == 7);
	struct aka_vector v;
	struct milenage m = { 0 };
	CHECK_INT_EQ(random_subscriber(&m), 0);
	CHECK_INT_EQ(aka_vector_build(&v, &m, NULL, AKA_SQN_MAX + 1, (const uint8_t *)"\0\0"),
		     -EINVAL);
	milenage_fini(&m);
	CHECK(aka_status_name(AKA_SYNC_FAILURE)[0] != '?');
	CHECK(aka_sqn_verdict_name(AKA_SQN_TOO_OLD)[0] != '?');
}

int main(void)
{
	test_aka_sqn_octets_round_trip();
	test_aka_vector_matches_set19_autn();
	test_aka_auts_matches_f1star_f5star();
	test_aka_ue_accepts_what_the_network_built();
	test_aka_flipped_bit_in_autn_or_rand_is_a_mac_failure();
	test_aka_old_sqn_gives_sync_failure_and_auts_resyncs();
	test_aka_sqn_ind_columns_accept_out_of_order();
	test_aka_sqn_delta_and_limit();
	return check_done();
}
