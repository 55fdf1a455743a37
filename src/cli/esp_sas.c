/* esp_sas.c: the IPsec SAs a capture's sec-agree set up, with their keys,
 * so that the capture reader opens the ESP packets of the protected
 * registration (TS 33.203 §7). Each 401 to a REGISTER that carries
 * Security-Server (the P-CSCF's, on the UE's leg) and an IMS AKA challenge
 * gives four SPIs: the P-CSCF's spi-c and spi-s from Security-Server, the
 * UE's from the Security-Client of the REGISTER it answers (same Call-ID
 * and CSeq); its algorithms: Security-Server's alg and ealg (an absent
 * ealg is NULL encryption); its keys: IK and CK of the challenge's RAND,
 * from the ik= and ck= the S-CSCF put in its own 401 of the same nonce
 * (the Mw leg, when the capture holds it: no subscriber key needed), or
 * computed by Milenage from the subscriber's K and OPc. */
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include <imsreg/ims.h>
#include <imsreg/sip.h>
#include "cli/cli.h"
#include "cli/esp_sas.h"

#define SEC_MAX 16       /* Security-* offers read of a message */

/* A 401's challenge keys: its nonce, and ck/ik when it carried them. */
struct challenge {
	struct slice nonce;          /* into the capture's text */
	bool has_keys;
	uint8_t ck[16], ik[16];
	bool used;                   /* the first of its nonce: SAs were keyed by it */
	enum cli_esp_source source;
};

struct sas_build {
	const struct trace_capture *c;
	struct challenge *ch;
	size_t nch, cap_ch;
	size_t *offer;               /* the 401s with Security-Server: message indexes */
	size_t noffer, cap_offer;
	struct trace_esp_sa *sa;
	size_t nsa, cap_sa;
};

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 16;
	void *v = c <= SIZE_MAX / size ? imsreg_realloc(*p, c * size) : NULL;
	if (!v)
		return -ENOMEM;
	*p = v;
	*cap = c;
	return 0;
}

/* The message i of the capture parsed into m (its own header array). */
static bool parse(const struct trace_capture *c, size_t i, struct sip_msg *m, struct sip_hdr *hdrs, uint16_t max)
{
	struct sip_parse_error err;
	sip_msg_init(m, hdrs, max);
	return sip_msg_parse(m, c->text.ptr + c->msgs[i].offset, c->msgs[i].len, 0, &err) > 0;
}

/* 16 octets of hex (quoted or not) into out. */
static bool hex16(struct slice v, uint8_t out[16])
{
	return v.len == 32 && hex_decode_any(out, 16, v) == 16;
}

/* The ipsec-3gpp offers of the headers id of m into s (at most SEC_MAX):
 * their number. */
static size_t ipsec_offers(const struct sip_msg *m, enum sip_hdr_id id, struct sip_sec_mech *s)
{
	size_t n = 0;
	for (const struct sip_hdr *h = sip_hdr_first(m, id); h && n < SEC_MAX; h = sip_hdr_next(m, h)) {
		struct sip_list it;
		struct slice item;
		struct sip_parse_error err;
		sip_list_init(&it, h->value);
		while (n < SEC_MAX && sip_list_next(&it, &item, &err) == 1)
			if (sip_sec_mech_decode(&s[n], item, &err) == 0 &&
			    slice_caseeq_cstr(s[n].mechanism, "ipsec-3gpp"))
				n++;
	}
	return n;
}

/* Whether m is a 401 to a REGISTER. */
static bool register_401(const struct sip_msg *m, struct sip_cseq *cs)
{
	const struct sip_hdr *h = sip_hdr_first(m, SIP_HDR_CSEQ);
	struct sip_parse_error err;
	return !m->is_request && m->status == 401 && h && sip_cseq_decode(cs, h->value, &err) == 0 &&
	       cs->method_id == SIP_METHOD_REGISTER;
}

/* Every AKA challenge of every 401: its nonce, and the ck/ik it carried;
 * and which 401s carry Security-Server (the only ones read again). */
static int note_challenges(struct sas_build *b)
{
	struct sip_hdr hdrs[CLI_MAX_HDRS];
	struct sip_msg m;
	struct sip_cseq cs;
	for (size_t i = 0; i < b->c->nmsgs; i++) {
		if (!parse(b->c, i, &m, hdrs, CLI_MAX_HDRS) || !register_401(&m, &cs))
			continue;
		if (sip_hdr_first(&m, SIP_HDR_SECURITY_SERVER)) {
			if (grow((void **)&b->offer, &b->cap_offer, b->noffer, sizeof *b->offer) < 0)
				return -ENOMEM;
			b->offer[b->noffer++] = i;
		}
		for (const struct sip_hdr *h = sip_hdr_first(&m, SIP_HDR_WWW_AUTHENTICATE); h;
		     h = sip_hdr_next(&m, h)) {
			struct sip_auth a;
			struct slice rest;
			struct sip_parse_error err;
			if (sip_auth_decode(&a, h->value, &rest, &err) < 0 ||
			    !slice_startswith_case(a.field[SIP_AUTH_ALGORITHM], "AKAv") ||
			    !slice_present(a.field[SIP_AUTH_NONCE]))
				continue;
			if (grow((void **)&b->ch, &b->cap_ch, b->nch, sizeof *b->ch) < 0)
				return -ENOMEM;
			struct challenge *ch = &b->ch[b->nch++];
			memset(ch, 0, sizeof *ch);
			ch->nonce = a.field[SIP_AUTH_NONCE];
			ch->has_keys = hex16(a.field[SIP_AUTH_CK], ch->ck) && hex16(a.field[SIP_AUTH_IK], ch->ik);
		}
	}
	return 0;
}

static int nonce_cmp(struct slice a, struct slice b)
{
	if (a.len != b.len)
		return a.len < b.len ? -1 : 1;
	return memcmp(a.ptr, b.ptr, a.len);
}

static int challenge_cmp(const void *pa, const void *pb)
{
	return nonce_cmp(((const struct challenge *)pa)->nonce, ((const struct challenge *)pb)->nonce);
}

/* The challenges of nonce (b->ch sorted by nonce): the first's index
 * into *lo, the end of their run returned (*lo when none). */
static size_t challenge_run(const struct sas_build *b, struct slice nonce, size_t *lo)
{
	size_t l = 0, h = b->nch;
	while (l < h) {
		size_t mid = l + (h - l) / 2;
		if (nonce_cmp(b->ch[mid].nonce, nonce) < 0)
			l = mid + 1;
		else
			h = mid;
	}
	*lo = l;
	while (h < b->nch && nonce_cmp(b->ch[h].nonce, nonce) == 0)
		h++;
	return h > l ? h : l;
}

/* The keys of the challenge nonce: from a 401 of it that carried them,
 * else from K and OPc (mil NULL: none given); false when neither. The
 * challenge is marked used, with where its keys came from. */
static bool challenge_keys(struct sas_build *b, struct slice nonce, struct milenage *mil, uint8_t ck[16],
			   uint8_t ik[16])
{
	size_t lo, hi = challenge_run(b, nonce, &lo);
	struct challenge *first = lo < hi ? &b->ch[lo] : NULL;
	for (size_t i = lo; i < hi; i++)
		if (b->ch[i].has_keys) {
			memcpy(ck, b->ch[i].ck, 16);
			memcpy(ik, b->ch[i].ik, 16);
			if (first) {
				first->used = true;
				first->source = CLI_ESP_FROM_401;
			}
			return true;
		}
	struct ims_aka_nonce n;
	uint8_t res[AUTH_RES_LEN], ak[AUTH_AK_LEN];
	if (!mil || ims_aka_nonce_decode(&n, nonce) < 0 || milenage_f2345(mil, n.rand, res, ck, ik, ak) < 0)
		return false;
	auth_wipe(res, sizeof res);
	auth_wipe(ak, sizeof ak);
	if (first) {
		first->used = true;
		first->source = CLI_ESP_FROM_K;
	}
	return true;
}

/* The REGISTER the 401 m (Call-ID, CSeq) answers, before message i: its
 * ipsec-3gpp Security-Client offers into s, their number. */
static size_t answered_client(const struct sas_build *b, size_t i, const struct sip_msg *m401, uint32_t seq,
			      struct sip_sec_mech *s)
{
	const struct sip_hdr *cid = sip_hdr_first(m401, SIP_HDR_CALL_ID);
	struct sip_hdr hdrs[CLI_MAX_HDRS];
	struct sip_msg m;
	struct sip_cseq cs;
	struct sip_parse_error err;
	if (!cid)
		return 0;
	/* the REGISTER comes shortly before its 401: a bounded look back
	 * keeps a capture of many registrations linear */
	size_t stop = i > 4096 ? i - 4096 : 0;
	while (i-- > stop) {
		if (!parse(b->c, i, &m, hdrs, CLI_MAX_HDRS) || !m.is_request || m.method_id != SIP_METHOD_REGISTER)
			continue;
		const struct sip_hdr *h = sip_hdr_first(&m, SIP_HDR_CALL_ID), *c = sip_hdr_first(&m, SIP_HDR_CSEQ);
		if (!h || !c || !slice_eq(h->value, cid->value) || sip_cseq_decode(&cs, c->value, &err) < 0 ||
		    cs.seq != seq)
			continue;
		size_t n = ipsec_offers(&m, SIP_HDR_SECURITY_CLIENT, s);
		if (n)
			return n;
	}
	return 0;
}

static bool integ_of(struct slice alg, enum trace_esp_integ *v)
{
	if (slice_caseeq_cstr(alg, "hmac-sha-1-96"))
		*v = TRACE_ESP_HMAC_SHA1_96;
	else if (slice_caseeq_cstr(alg, "hmac-md5-96"))
		*v = TRACE_ESP_HMAC_MD5_96;
	else
		return false;
	return true;
}

static bool cipher_of(struct slice ealg, enum trace_esp_cipher *v)
{
	if (!slice_present(ealg) || slice_caseeq_cstr(ealg, "null"))
		*v = TRACE_ESP_NULL;
	else if (slice_caseeq_cstr(ealg, "aes-cbc"))
		*v = TRACE_ESP_AES_CBC;
	else if (slice_caseeq_cstr(ealg, "des-ede3-cbc"))
		*v = TRACE_ESP_DES_EDE3_CBC;
	else
		return false;
	return true;
}

/* SAs in order of SPI, then of their algorithms and keys: the same SA
 * (a 401 seen on two legs, a retransmission) next to itself. */
static int sa_cmp(const void *pa, const void *pb)
{
	const struct trace_esp_sa *a = pa, *b = pb;
	if (a->spi != b->spi)
		return a->spi < b->spi ? -1 : 1;
	if (a->integ != b->integ)
		return a->integ < b->integ ? -1 : 1;
	if (a->cipher != b->cipher)
		return a->cipher < b->cipher ? -1 : 1;
	int c = memcmp(a->ck, b->ck, 16);
	return c ? c : memcmp(a->ik, b->ik, 16);
}

/* b's SAs each once (sorted: a capture of many registrations stays
 * n log n). */
static void sas_unique(struct sas_build *b)
{
	if (b->nsa < 2)
		return;
	qsort(b->sa, b->nsa, sizeof *b->sa, sa_cmp);
	size_t k = 1;
	for (size_t i = 1; i < b->nsa; i++)
		if (sa_cmp(&b->sa[i], &b->sa[k - 1]) != 0)
			b->sa[k++] = b->sa[i];
	if (k < b->nsa)
		auth_wipe(b->sa + k, (b->nsa - k) * sizeof *b->sa);
	b->nsa = k;
}

static int add_sa(struct sas_build *b, uint32_t spi, enum trace_esp_integ integ, enum trace_esp_cipher cipher,
		  const uint8_t ck[16], const uint8_t ik[16])
{
	if (grow((void **)&b->sa, &b->cap_sa, b->nsa, sizeof *b->sa) < 0)
		return -ENOMEM;
	struct trace_esp_sa *s = &b->sa[b->nsa++];
	memset(s, 0, sizeof *s); /* no keys given as they are: from ik and ck */
	s->spi = spi;
	s->integ = integ;
	s->cipher = cipher;
	memcpy(s->ck, ck, 16);
	memcpy(s->ik, ik, 16);
	return 0;
}

int cli_esp_sas(const struct trace_capture *c, const struct auth_keys *keys, struct cli_esp_sas *out)
{
	struct sas_build b = { .c = c };
	struct milenage mil;
	bool have_mil = false;
	int rc = 0;
	memset(out, 0, sizeof *out);
	if (keys && keys->has_k && keys->has_op) {
		struct auth_keys k = *keys;
		if ((rc = auth_keys_milenage(&k, &mil)) < 0) {
			auth_keys_wipe(&k);
			return rc;
		}
		auth_keys_wipe(&k);
		have_mil = true;
	}
	if ((rc = note_challenges(&b)) < 0)
		goto out;
	if (b.nch > 1)
		qsort(b.ch, b.nch, sizeof *b.ch, challenge_cmp);
	struct sip_hdr hdrs[CLI_MAX_HDRS];
	struct sip_msg m;
	struct sip_cseq cs;
	struct sip_sec_mech server[SEC_MAX], client[SEC_MAX];
	for (size_t o = 0; o < b.noffer; o++) {
		size_t i = b.offer[o];
		if (!parse(c, i, &m, hdrs, CLI_MAX_HDRS) || !register_401(&m, &cs))
			continue;
		size_t ns = ipsec_offers(&m, SIP_HDR_SECURITY_SERVER, server);
		if (!ns)
			continue;
		size_t nc = answered_client(&b, i, &m, cs.seq, client);
		bool keyed = false;
		for (const struct sip_hdr *h = sip_hdr_first(&m, SIP_HDR_WWW_AUTHENTICATE); h && !keyed;
		     h = sip_hdr_next(&m, h)) {
			struct sip_auth a;
			struct slice rest;
			struct sip_parse_error err;
			uint8_t ck[16], ik[16];
			if (sip_auth_decode(&a, h->value, &rest, &err) < 0 ||
			    !slice_startswith_case(a.field[SIP_AUTH_ALGORITHM], "AKAv") ||
			    !challenge_keys(&b, a.field[SIP_AUTH_NONCE], have_mil ? &mil : NULL, ck, ik))
				continue;
			keyed = true;
			for (size_t s = 0; s < ns; s++) {
				enum trace_esp_integ integ;
				enum trace_esp_cipher cipher;
				if (!integ_of(server[s].alg, &integ) || !cipher_of(server[s].ealg, &cipher))
					continue;
				/* the P-CSCF's SPIs, and the UE's */
				uint32_t spis[2 + 2 * SEC_MAX];
				size_t k = 0;
				if (server[s].has_spi_c)
					spis[k++] = server[s].spi_c;
				if (server[s].has_spi_s)
					spis[k++] = server[s].spi_s;
				for (size_t u = 0; u < nc; u++) {
					if (client[u].has_spi_c)
						spis[k++] = client[u].spi_c;
					if (client[u].has_spi_s)
						spis[k++] = client[u].spi_s;
				}
				for (size_t x = 0; x < k && rc == 0; x++)
					rc = add_sa(&b, spis[x], integ, cipher, ck, ik);
			}
			auth_wipe(ck, sizeof ck);
			auth_wipe(ik, sizeof ik);
			if (rc < 0)
				goto out;
		}
		out->unkeyed += !keyed;
	}
	/* the challenges (each nonce once: a 401 seen on two legs, or sent
	 * again) whose keys made SAs */
	for (size_t i = 0; i < b.nch; i++)
		if (b.ch[i].used) {
			out->challenges++;
			out->from_401 += b.ch[i].source == CLI_ESP_FROM_401;
			out->from_k += b.ch[i].source == CLI_ESP_FROM_K;
		}
	sas_unique(&b);
	if (keys && keys->xfrm && keys->xfrm->nsas) {
		/* the SAs given as they are, after those of the messages */
		size_t ng = keys->xfrm->nsas;
		if (ng > SIZE_MAX / sizeof *b.sa - b.nsa) {
			rc = -ENOMEM;
			goto out;
		}
		struct trace_esp_sa *v = imsreg_realloc(b.sa, (b.nsa + ng) * sizeof *v);
		if (!v) {
			rc = -ENOMEM;
			goto out;
		}
		b.sa = v;
		memcpy(b.sa + b.nsa, keys->xfrm->sas, ng * sizeof *v);
		b.nsa += ng;
		out->given = ng;
	}
	out->sa = b.sa;
	out->n = b.nsa;
	b.sa = NULL;
out:
	if (have_mil)
		milenage_fini(&mil);
	if (b.ch)
		auth_wipe(b.ch, b.nch * sizeof *b.ch);
	imsreg_free(b.ch);
	imsreg_free(b.offer);
	if (b.sa)
		auth_wipe(b.sa, b.nsa * sizeof *b.sa);
	imsreg_free(b.sa);
	return rc;
}

void cli_esp_sas_fini(struct cli_esp_sas *s)
{
	if (s->sa)
		auth_wipe(s->sa, s->n * sizeof *s->sa);
	imsreg_free(s->sa);
	memset(s, 0, sizeof *s);
}
