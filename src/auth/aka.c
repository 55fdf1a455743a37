/* aka.c: 3GPP TS 33.102 §6.3 authentication vectors, UE check, AUTS and resynchronisation; SQN per Annex C. */
#include <errno.h>
#include <string.h>
#include <imsreg/auth.h>
#include "auth/crypto.h"

#define IND_MASK ((uint64_t)AKA_IND_COUNT - 1)

uint64_t aka_sqn_get(const uint8_t sqn[AUTH_SQN_LEN])
{
	return auth_be_get(sqn, AUTH_SQN_LEN);
}

void aka_sqn_put(uint8_t sqn[AUTH_SQN_LEN], uint64_t value)
{
	auth_be_put(sqn, AUTH_SQN_LEN, value);
}

int aka_sqn_he_next(struct aka_sqn_he *he, uint64_t *sqn)
{
	if (he->seq >= AKA_SEQ_MAX)
		return -ERANGE;
	he->seq++;
	*sqn = he->seq << AKA_IND_BITS | (he->ind & IND_MASK);
	he->ind = (he->ind + 1) & IND_MASK;
	return 0;
}

void aka_sqn_he_resync(struct aka_sqn_he *he, uint64_t sqn_ms)
{
	uint64_t seq_ms = (sqn_ms & AKA_SQN_MAX) >> AKA_IND_BITS;
	/* Keep SEQ_HE when SEQ_HE + 1 is already fresh and within Δ; otherwise
	 * restart just above what the USIM has seen. */
	uint64_t delta = he->delta ? he->delta : AKA_DELTA_DEFAULT;
	if (he->seq < seq_ms || he->seq - seq_ms >= delta)
		he->seq = seq_ms;
}

const char *aka_sqn_verdict_name(enum aka_sqn_verdict v)
{
	switch (v) {
	case AKA_SQN_FRESH:
		return "fresh";
	case AKA_SQN_REPLAYED:
		return "replayed (SEQ <= SEQ_MS(IND))";
	case AKA_SQN_TOO_FAR:
		return "too far ahead (SEQ - SEQ_MS > delta)";
	case AKA_SQN_TOO_OLD:
		return "too old (SEQ_MS - SEQ >= L)";
	}
	return "?";
}

void aka_sqn_ms_init(struct aka_sqn_ms *ms, uint64_t delta, uint64_t limit)
{
	memset(ms, 0, sizeof(*ms));
	ms->delta = delta ? delta : AKA_DELTA_DEFAULT;
	ms->limit = limit;
}

enum aka_sqn_verdict aka_sqn_ms_check(const struct aka_sqn_ms *ms, uint64_t sqn)
{
	uint64_t seq = (sqn & AKA_SQN_MAX) >> AKA_IND_BITS;
	uint64_t seq_ms = ms->sqn_ms >> AKA_IND_BITS;
	if (seq > seq_ms && seq - seq_ms > ms->delta)
		return AKA_SQN_TOO_FAR;
	if (ms->limit && seq < seq_ms && seq_ms - seq >= ms->limit)
		return AKA_SQN_TOO_OLD;
	if (seq <= ms->seq[sqn & IND_MASK])
		return AKA_SQN_REPLAYED;
	return AKA_SQN_FRESH;
}

void aka_sqn_ms_accept(struct aka_sqn_ms *ms, uint64_t sqn)
{
	sqn &= AKA_SQN_MAX;
	ms->seq[sqn & IND_MASK] = sqn >> AKA_IND_BITS;
	if (sqn >> AKA_IND_BITS > ms->sqn_ms >> AKA_IND_BITS)
		ms->sqn_ms = sqn;
}

int aka_vector_build(struct aka_vector *v, struct milenage *m, const uint8_t *rand, uint64_t sqn,
		     const uint8_t amf[AUTH_AMF_LEN])
{
	int rc;
	if (sqn > AKA_SQN_MAX)
		return -EINVAL;
	if (rand)
		memcpy(v->rand, rand, AUTH_RAND_LEN);
	else if ((rc = crypto_random(v->rand, AUTH_RAND_LEN)) < 0)
		return rc;
	aka_sqn_put(v->sqn, sqn);
	memcpy(v->amf, amf, AUTH_AMF_LEN);
	rc = milenage_f1(m, v->rand, v->sqn, v->amf, v->mac_a, NULL);
	if (rc == 0)
		rc = milenage_f2345(m, v->rand, v->xres, v->ck, v->ik, v->ak);
	if (rc < 0) {
		crypto_wipe(v, sizeof(*v));
		return rc;
	}
	for (int i = 0; i < AUTH_SQN_LEN; i++)
		v->autn[i] = v->sqn[i] ^ v->ak[i];
	memcpy(v->autn + 6, v->amf, AUTH_AMF_LEN);
	memcpy(v->autn + 8, v->mac_a, AUTH_MAC_LEN);
	return 0;
}

const char *aka_status_name(enum aka_status s)
{
	switch (s) {
	case AKA_OK:
		return "ok";
	case AKA_MAC_FAILURE:
		return "MAC failure";
	case AKA_SYNC_FAILURE:
		return "synchronisation failure";
	}
	return "?";
}

int aka_auts_build(uint8_t auts[AUTH_AUTS_LEN], struct milenage *m,
		   const uint8_t rand[AUTH_RAND_LEN], uint64_t sqn_ms)
{
	static const uint8_t amf_zero[AUTH_AMF_LEN];
	uint8_t sqn[AUTH_SQN_LEN], ak_star[AUTH_AK_LEN];
	int rc;
	if (sqn_ms > AKA_SQN_MAX)
		return -EINVAL;
	aka_sqn_put(sqn, sqn_ms);
	rc = milenage_f5star(m, rand, ak_star);
	if (rc == 0)
		rc = milenage_f1(m, rand, sqn, amf_zero, NULL, auts + AUTH_SQN_LEN);
	if (rc == 0)
		for (int i = 0; i < AUTH_SQN_LEN; i++)
			auts[i] = sqn[i] ^ ak_star[i];
	crypto_wipe(ak_star, sizeof(ak_star));
	return rc;
}

int aka_auts_check(struct milenage *m, const uint8_t rand[AUTH_RAND_LEN],
		   const uint8_t auts[AUTH_AUTS_LEN], uint64_t *sqn_ms)
{
	static const uint8_t amf_zero[AUTH_AMF_LEN];
	uint8_t sqn[AUTH_SQN_LEN], ak_star[AUTH_AK_LEN], xmac_s[AUTH_MAC_LEN];
	int rc = milenage_f5star(m, rand, ak_star);
	if (rc < 0)
		goto out;
	for (int i = 0; i < AUTH_SQN_LEN; i++)
		sqn[i] = auts[i] ^ ak_star[i];
	*sqn_ms = aka_sqn_get(sqn);
	rc = milenage_f1(m, rand, sqn, amf_zero, NULL, xmac_s);
	if (rc == 0 && !crypto_equal(xmac_s, auts + AUTH_SQN_LEN, AUTH_MAC_LEN))
		rc = -EACCES;
out:
	crypto_wipe(ak_star, sizeof(ak_star));
	crypto_wipe(xmac_s, sizeof(xmac_s));
	return rc;
}

int aka_ue_check(struct aka_ue_result *r, struct milenage *m, struct aka_sqn_ms *ms,
		 const uint8_t rand[AUTH_RAND_LEN], const uint8_t autn[AUTH_AUTN_LEN])
{
	uint8_t ak[AUTH_AK_LEN], sqn[AUTH_SQN_LEN];
	int rc;
	memset(r, 0, sizeof(*r));
	/* f2..f5 in one pass (TEMP once); RES/CK/IK are wiped again unless accepted. */
	rc = milenage_f2345(m, rand, r->res, r->ck, r->ik, ak);
	if (rc < 0)
		goto out;
	for (int i = 0; i < AUTH_SQN_LEN; i++)
		sqn[i] = autn[i] ^ ak[i];
	r->sqn = aka_sqn_get(sqn);
	memcpy(r->amf, autn + 6, AUTH_AMF_LEN);
	rc = milenage_f1(m, rand, sqn, r->amf, r->xmac, NULL);
	if (rc < 0)
		goto out;
	if (!crypto_equal(r->xmac, autn + 8, AUTH_MAC_LEN)) {
		r->status = AKA_MAC_FAILURE;
		goto out;
	}
	r->sqn_verdict = ms ? aka_sqn_ms_check(ms, r->sqn) : AKA_SQN_FRESH;
	if (r->sqn_verdict != AKA_SQN_FRESH) {
		r->status = AKA_SYNC_FAILURE;
		rc = aka_auts_build(r->auts, m, rand, ms->sqn_ms);
		goto out;
	}
	if (ms)
		aka_sqn_ms_accept(ms, r->sqn);
	r->status = AKA_OK;
out:
	if (rc < 0 || r->status != AKA_OK) {
		crypto_wipe(r->res, sizeof(r->res));
		crypto_wipe(r->ck, sizeof(r->ck));
		crypto_wipe(r->ik, sizeof(r->ik));
	}
	crypto_wipe(ak, sizeof(ak));
	return rc < 0 ? rc : (int)r->status;
}
