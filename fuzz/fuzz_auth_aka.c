/* fuzz_auth_aka.c: arbitrary RAND/AUTN/AUTS/SQN bytes through the UE check (TS 33.102 §6.3.3), AUTS recovery and resync (§6.3.5), and nonce checks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/auth.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Copies n bytes from the input, zero-filling past its end. */
static void take(uint8_t *out, size_t n, const uint8_t **p, size_t *left)
{
	size_t k = *left < n ? *left : n;
	memset(out, 0, n);
	memcpy(out, *p, k);
	*p += k;
	*left -= k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t k[16] = "imsreg-fuzz-key!";
	static const uint8_t opc[16] = "imsreg-fuzz-opc!";
	uint8_t rand[16], autn[16], auts[14], sqn_b[6], amf[2], lim[4];
	const uint8_t *p = data;
	size_t left = size;
	struct milenage m = { 0 };
	struct aka_sqn_ms ms;
	struct aka_sqn_he he = { 0 };
	struct aka_ue_result r;
	struct aka_vector v;
	uint64_t sqn_ms;

	if (milenage_init(&m, k, opc) < 0)
		return 0;
	take(rand, 16, &p, &left);
	take(autn, 16, &p, &left);
	take(auts, 14, &p, &left);
	take(sqn_b, 6, &p, &left);
	take(amf, 2, &p, &left);
	take(lim, 4, &p, &left);
	aka_sqn_ms_init(&ms, (uint64_t)lim[0] << lim[1] % 40, lim[2] ? (uint64_t)lim[2] << (lim[3] % 40) : 0);

	/* 1. Raw AUTN and AUTS as they arrive from the wire. */
	(void)aka_ue_check(&r, &m, &ms, rand, autn);
	(void)aka_auts_check(&m, rand, auts, &sqn_ms);
	aka_sqn_he_resync(&he, sqn_ms);

	/* 2. A USIM state from the input, then a vector the network built for an
	 * input SQN: the UE accepts it or answers with an AUTS that verifies and
	 * resynchronises the network, whose next vector is then accepted. */
	while (left >= 6) {
		uint8_t s[6];
		take(s, 6, &p, &left);
		aka_sqn_ms_accept(&ms, aka_sqn_get(s));
	}
	if (aka_vector_build(&v, &m, rand, aka_sqn_get(sqn_b), amf) == 0) {
		int st = aka_ue_check(&r, &m, &ms, v.rand, v.autn);
		if (st == AKA_MAC_FAILURE)
			abort(); /* the network's own vector must verify */
		if (st == AKA_SYNC_FAILURE) {
			if (aka_auts_check(&m, v.rand, r.auts, &sqn_ms) != 0 || sqn_ms != ms.sqn_ms)
				abort();
			he.seq = aka_sqn_get(sqn_b) >> AKA_IND_BITS;
			he.delta = ms.delta;
			aka_sqn_he_resync(&he, sqn_ms);
			uint64_t next;
			if (ms.limit == 0 && aka_sqn_he_next(&he, &next) == 0 &&
			    aka_vector_build(&v, &m, NULL, next, amf) == 0 &&
			    aka_ue_check(&r, &m, &ms, v.rand, v.autn) != AKA_OK)
				abort();
		}
	}
	auth_wipe(&v, sizeof(v));
	auth_wipe(&r, sizeof(r));
	milenage_fini(&m);

	/* 3. The whole input as a nonce text. */
	struct nonce_server *ns;
	if (nonce_server_create(&ns, k, sizeof(k), 30, 16) == 0) {
		(void)nonce_check(ns, slice_make((const char *)data, size), SLICE_LIT("realm"), 5, 1);
		nonce_server_destroy(ns);
	}
	return 0;
}
