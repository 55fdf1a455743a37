/* esp_seal.c: see esp_seal.h. */
#include <string.h>
#include <openssl/evp.h>
#include "esp_seal.h"

/* The keys of sa, as esp.c takes them (given, or from IK and CK). */
static void seal_keys(const struct trace_esp_sa *sa, unsigned char *a, size_t *alen, unsigned char *e,
		      size_t *elen, size_t *icv)
{
	if (sa->akey_len || sa->ekey_len) {
		memcpy(a, sa->akey, sa->akey_len);
		*alen = sa->akey_len;
		memcpy(e, sa->ekey, sa->ekey_len);
		*elen = sa->ekey_len;
	} else {
		/* HMAC-SHA-1-96: IK and 32 zero bits; HMAC-MD5-96: IK;
		 * AES-CBC: CK; DES-EDE3-CBC: CK and its first 64 bits again */
		memcpy(a, sa->ik, 16);
		memset(a + 16, 0, 4);
		*alen = sa->integ == TRACE_ESP_HMAC_SHA1_96 ? 20 : 16;
		memcpy(e, sa->ck, 16);
		memcpy(e + 16, sa->ck, 8);
		*elen = sa->cipher == TRACE_ESP_DES_EDE3_CBC ? 24 : 16;
	}
	*icv = sa->icv_len ? sa->icv_len
			   : sa->integ == TRACE_ESP_HMAC_SHA256 || sa->cipher == TRACE_ESP_AES_GCM ? 16 : 12;
}

static const EVP_CIPHER *aes(size_t keylen, bool gcm)
{
	if (gcm)
		return keylen == 32 ? EVP_aes_256_gcm() : keylen == 24 ? EVP_aes_192_gcm() : EVP_aes_128_gcm();
	return keylen == 32 ? EVP_aes_256_cbc() : keylen == 24 ? EVP_aes_192_cbc() : EVP_aes_128_cbc();
}

size_t esp_seal(const struct trace_esp_sa *sa, const unsigned char *inner, size_t n, unsigned nh,
		unsigned char *out)
{
	bool gcm = sa->cipher == TRACE_ESP_AES_GCM;
	size_t blk = sa->cipher == TRACE_ESP_AES_CBC ? 16 : sa->cipher == TRACE_ESP_DES_EDE3_CBC ? 8 : 4;
	size_t ivlen = sa->cipher == TRACE_ESP_NULL ? 0 : gcm ? 8 : blk;
	unsigned char pt[2048], a[64], e[36];
	size_t alen, elen, icv;
	if (n > 2000)
		return 0;
	seal_keys(sa, a, &alen, e, &elen, &icv);
	size_t pad = (blk - (n + 2) % blk) % blk, ptn = n + pad + 2, o = 0;
	memcpy(pt, inner, n);
	for (size_t i = 0; i < pad; i++)
		pt[n + i] = (unsigned char)(i + 1);
	pt[n + pad] = (unsigned char)pad;
	pt[n + pad + 1] = (unsigned char)nh;
	out[o++] = (unsigned char)(sa->spi >> 24), out[o++] = (unsigned char)(sa->spi >> 16);
	out[o++] = (unsigned char)(sa->spi >> 8), out[o++] = (unsigned char)sa->spi;
	out[o++] = 0, out[o++] = 0, out[o++] = 0, out[o++] = 7; /* sequence number */
	for (size_t i = 0; i < ivlen; i++)
		out[o++] = (unsigned char)(0xa0 + i);
	if (!ivlen) {
		memcpy(out + o, pt, ptn);
		o += ptn;
	} else {
		EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
		int l1 = 0, l2 = 0, la = 0;
		const EVP_CIPHER *cipher = blk == 8 ? EVP_des_ede3_cbc() : aes(gcm ? elen - 4 : elen, gcm);
		unsigned char nonce[12];
		bool ok = c != NULL;
		if (ok && gcm) {
			/* RFC 4106: the salt (the key's last 4 bytes) and the
			 * IV; SPI and sequence number authenticated */
			memcpy(nonce, e + elen - 4, 4);
			memcpy(nonce + 4, out + 8, 8);
			ok = EVP_EncryptInit_ex(c, cipher, NULL, NULL, NULL) == 1 &&
			     EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, 12, NULL) == 1 &&
			     EVP_EncryptInit_ex(c, NULL, NULL, e, nonce) == 1 &&
			     EVP_EncryptUpdate(c, NULL, &la, out, 8) == 1;
		} else if (ok) {
			ok = EVP_EncryptInit_ex(c, cipher, NULL, e, out + 8) == 1 && EVP_CIPHER_CTX_set_padding(c, 0) == 1;
		}
		ok = ok && EVP_EncryptUpdate(c, out + o, &l1, pt, (int)ptn) == 1 &&
		     EVP_EncryptFinal_ex(c, out + o + l1, &l2) == 1;
		o += (size_t)(l1 + l2);
		if (ok && gcm)
			ok = EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, (int)icv, out + o) == 1;
		EVP_CIPHER_CTX_free(c);
		if (!ok)
			return 0;
		if (gcm)
			return o + icv;
	}
	unsigned char mac[64];
	size_t ml = 0;
	const char *md = sa->integ == TRACE_ESP_HMAC_SHA1_96 ? "SHA1"
			 : sa->integ == TRACE_ESP_HMAC_MD5_96 ? "MD5" : "SHA256";
	if (!EVP_Q_mac(NULL, "HMAC", NULL, md, NULL, a, alen, out, o, mac, sizeof mac, &ml) || ml < icv)
		return 0;
	memcpy(out + o, mac, icv);
	return o + icv;
}
