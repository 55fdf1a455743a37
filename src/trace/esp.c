/* esp.c: ESP (RFC 4303) opened with an SA's keys, over OpenSSL 3's EVP:
 * the ICV an HMAC truncated (RFC 2403, RFC 2404, RFC 4868) over the
 * header, IV and ciphertext, the payload in CBC (RFC 3602, RFC 2451: the
 * IV the first block after the header) or not encrypted (RFC 2410); or
 * AES-GCM (RFC 4106: the nonce the key's salt and the 8-byte IV after
 * the header, the SPI and sequence number authenticated, the ICV GCM's
 * tag); then the trailer (padding 1, 2, 3, ..., its length, the next
 * header). IMS sec-agree's keys from IK and CK as TS 33.203 Annex I says. */
#include <errno.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include "trace/esp.h"

const char *esp_cipher_name(enum trace_esp_cipher c)
{
	switch (c) {
	case TRACE_ESP_AES_CBC: return "aes-cbc";
	case TRACE_ESP_DES_EDE3_CBC: return "des-ede3-cbc";
	case TRACE_ESP_AES_GCM: return "aes-gcm";
	default: return "null";
	}
}

/* The keys an SA opens its packets with. */
struct esp_keys {
	unsigned char a[64], e[36];
	size_t alen, elen, icv;
};

/* k from sa: as given, or expanded from IK and CK (TS 33.203 Annex I:
 * HMAC-SHA-1-96 IK and 32 zero bits, HMAC-MD5-96 IK; AES-CBC CK,
 * DES-EDE3-CBC CK1 || CK2 || CK1). */
static void keys_of(const struct trace_esp_sa *sa, struct esp_keys *k)
{
	memset(k, 0, sizeof *k);
	if (sa->akey_len || sa->ekey_len) {
		k->alen = sa->akey_len <= sizeof k->a ? sa->akey_len : sizeof k->a;
		k->elen = sa->ekey_len <= sizeof k->e ? sa->ekey_len : sizeof k->e;
		memcpy(k->a, sa->akey, k->alen);
		memcpy(k->e, sa->ekey, k->elen);
	} else {
		memcpy(k->a, sa->ik, 16);
		k->alen = sa->integ == TRACE_ESP_HMAC_SHA1_96 ? 20 : 16;
		memcpy(k->e, sa->ck, 16);
		memcpy(k->e + 16, sa->ck, 8);
		k->elen = sa->cipher == TRACE_ESP_DES_EDE3_CBC ? 24 : sa->cipher == TRACE_ESP_NULL ? 0 : 16;
	}
	k->icv = sa->icv_len ? sa->icv_len
			     : sa->integ == TRACE_ESP_HMAC_SHA256 || sa->cipher == TRACE_ESP_AES_GCM ? 16 : 12;
}

/* Whether the ICV (its last k->icv bytes) of esp[0, n) checks. */
static int icv_checks(const struct trace_esp_sa *sa, const struct esp_keys *k, const unsigned char *esp,
		      size_t n)
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	size_t maclen = 0;
	const char *md = sa->integ == TRACE_ESP_HMAC_SHA1_96 ? "SHA1"
			 : sa->integ == TRACE_ESP_HMAC_MD5_96 ? "MD5" : "SHA256";
	if (!sa->esn) {
		if (!EVP_Q_mac(NULL, "HMAC", NULL, md, NULL, k->a, k->alen, esp, n - k->icv, mac, sizeof mac, &maclen))
			return -EIO;
		return maclen >= k->icv && CRYPTO_memcmp(mac, esp + n - k->icv, k->icv) == 0;
	}
	/* ESN: the sequence number's high half after what is sent (RFC 4303
	 * §2.2.1, §3.3.2.2) */
	static const unsigned char seq_hi[4];
	EVP_MAC *hm = EVP_MAC_fetch(NULL, "HMAC", NULL);
	EVP_MAC_CTX *ctx = hm ? EVP_MAC_CTX_new(hm) : NULL;
	OSSL_PARAM params[] = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)md, 0),
				OSSL_PARAM_construct_end() };
	int rc = -EIO;
	if (ctx && EVP_MAC_init(ctx, k->a, k->alen, params) == 1 && EVP_MAC_update(ctx, esp, n - k->icv) == 1 &&
	    EVP_MAC_update(ctx, seq_hi, sizeof seq_hi) == 1 && EVP_MAC_final(ctx, mac, &maclen, sizeof mac) == 1)
		rc = maclen >= k->icv && CRYPTO_memcmp(mac, esp + n - k->icv, k->icv) == 0;
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(hm);
	return rc;
}

/* in[0, n) decrypted in CBC with k's cipher key and iv into out. */
static int cbc_decrypt(const struct trace_esp_sa *sa, const struct esp_keys *k, const unsigned char *iv,
		       const unsigned char *in, size_t n, unsigned char *out)
{
	const EVP_CIPHER *cipher = sa->cipher == TRACE_ESP_DES_EDE3_CBC ? EVP_des_ede3_cbc()
				   : k->elen == 32 ? EVP_aes_256_cbc()
				   : k->elen == 24 ? EVP_aes_192_cbc() : EVP_aes_128_cbc();
	if ((size_t)EVP_CIPHER_get_key_length(cipher) != k->elen)
		return -EBADMSG;
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int len1 = 0, len2 = 0, rc = -EIO;
	if (!ctx)
		return -ENOMEM;
	if (EVP_DecryptInit_ex(ctx, cipher, NULL, k->e, iv) == 1 && EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
	    EVP_DecryptUpdate(ctx, out, &len1, in, (int)n) == 1 && EVP_DecryptFinal_ex(ctx, out + len1, &len2) == 1 &&
	    (size_t)(len1 + len2) == n)
		rc = 0;
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

/* esp[0, n) opened in AES-GCM (RFC 4106 §3-5: key and salt in k->e, the
 * IV the 8 bytes after SPI and sequence number, those 8 the AAD, with ESN
 * SPI, the number's high half (0) and its low half; the tag the last
 * k->icv bytes) into out: 1, 0 when the tag does not check. */
static int gcm_open(const struct esp_keys *k, bool esn, const unsigned char *esp, size_t n, unsigned char *out)
{
	unsigned char aad[12] = { 0 };
	memcpy(aad, esp, 4);
	memcpy(aad + (esn ? 8 : 4), esp + 4, 4);
	size_t kl = k->elen >= 4 ? k->elen - 4 : 0;
	const EVP_CIPHER *cipher = kl == 32 ? EVP_aes_256_gcm() : kl == 24 ? EVP_aes_192_gcm()
				   : kl == 16 ? EVP_aes_128_gcm() : NULL;
	if (!cipher)
		return 0;
	unsigned char nonce[12], tag[16];
	memcpy(nonce, k->e + kl, 4);
	memcpy(nonce + 4, esp + 8, 8);
	memcpy(tag, esp + n - k->icv, k->icv);
	size_t ctn = n - 16 - k->icv;
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int l = 0, l2 = 0, rc = -EIO;
	if (!ctx)
		return -ENOMEM;
	if (EVP_DecryptInit_ex(ctx, cipher, NULL, NULL, NULL) == 1 &&
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) == 1 &&
	    EVP_DecryptInit_ex(ctx, NULL, NULL, k->e, nonce) == 1 &&
	    EVP_DecryptUpdate(ctx, NULL, &l, aad, esn ? 12 : 8) == 1 &&
	    EVP_DecryptUpdate(ctx, out, &l, esp + 16, (int)ctn) == 1 &&
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, (int)k->icv, tag) == 1)
		rc = EVP_DecryptFinal_ex(ctx, out + l, &l2) == 1 && (size_t)(l + l2) == ctn;
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

int esp_open(const struct trace_esp_sa *sa, const unsigned char *esp, size_t n, unsigned char *out,
	     size_t *outn, unsigned *next)
{
	struct esp_keys k;
	keys_of(sa, &k);
	bool gcm = sa->cipher == TRACE_ESP_AES_GCM;
	size_t ivlen = gcm ? 8 : sa->cipher == TRACE_ESP_AES_CBC ? 16 : sa->cipher == TRACE_ESP_DES_EDE3_CBC ? 8 : 0;
	size_t block = sa->cipher == TRACE_ESP_AES_CBC ? 16 : sa->cipher == TRACE_ESP_DES_EDE3_CBC ? 8 : 4;
	int rc;
	if (k.icv < 8 || k.icv > 32 || n < 8 + ivlen + 2 + k.icv || n > (size_t)1 << 20) {
		rc = -EBADMSG;
		goto out;
	}
	if (!gcm && (rc = icv_checks(sa, &k, esp, n)) <= 0)
		goto out;
	const unsigned char *ct = esp + 8 + ivlen;
	size_t ctn = n - 8 - ivlen - k.icv;
	if (ctn < 2 || ctn % block) {
		rc = -EBADMSG;
		goto out;
	}
	if (gcm) {
		if ((rc = gcm_open(&k, sa->esn, esp, n, out)) <= 0)
			goto out;
	} else if (ivlen) {
		if ((rc = cbc_decrypt(sa, &k, esp + 8, ct, ctn, out)) < 0)
			goto out;
	} else {
		memcpy(out, ct, ctn);
	}
	size_t pad = out[ctn - 2];
	rc = -EBADMSG;
	if (pad + 2 > ctn)
		goto out;
	for (size_t i = 0; i < pad; i++)
		if (out[ctn - 2 - pad + i] != i + 1)
			goto out;
	*next = out[ctn - 1];
	*outn = ctn - 2 - pad;
	rc = 1;
out:
	OPENSSL_cleanse(&k, sizeof k);
	return rc;
}
