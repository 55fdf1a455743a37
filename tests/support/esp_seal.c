/* esp_seal.c: see esp_seal.h. */
#include <string.h>
#include <openssl/evp.h>
#include "esp_seal.h"

size_t esp_seal(const struct trace_esp_sa *sa, const unsigned char *inner, size_t n, unsigned nh,
		unsigned char *out)
{
	size_t blk = sa->cipher == TRACE_ESP_AES_CBC ? 16 : sa->cipher == TRACE_ESP_DES_EDE3_CBC ? 8 : 4;
	size_t ivlen = sa->cipher == TRACE_ESP_NULL ? 0 : blk;
	unsigned char pt[2048], key[24];
	if (n > 2000)
		return 0;
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
	if (ivlen) {
		/* AES-CBC: CK; DES-EDE3-CBC: CK and its first 64 bits again */
		memcpy(key, sa->ck, 16);
		memcpy(key + 16, sa->ck, 8);
		EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
		int l1 = 0, l2 = 0;
		if (!c || EVP_EncryptInit_ex(c, blk == 16 ? EVP_aes_128_cbc() : EVP_des_ede3_cbc(), NULL, key,
					     out + 8) != 1 ||
		    EVP_CIPHER_CTX_set_padding(c, 0) != 1 || EVP_EncryptUpdate(c, out + o, &l1, pt, (int)ptn) != 1 ||
		    EVP_EncryptFinal_ex(c, out + o + l1, &l2) != 1) {
			EVP_CIPHER_CTX_free(c);
			return 0;
		}
		EVP_CIPHER_CTX_free(c);
		o += (size_t)(l1 + l2);
	} else {
		memcpy(out + o, pt, ptn);
		o += ptn;
	}
	/* HMAC-SHA-1-96: IK and 32 zero bits; HMAC-MD5-96: IK */
	unsigned char mk[20], mac[64];
	size_t ml = 0;
	memcpy(mk, sa->ik, 16);
	memset(mk + 16, 0, 4);
	bool sha = sa->integ == TRACE_ESP_HMAC_SHA1_96;
	if (!EVP_Q_mac(NULL, "HMAC", NULL, sha ? "SHA1" : "MD5", NULL, mk, sha ? 20 : 16, out, o, mac, sizeof mac,
		       &ml))
		return 0;
	memcpy(out + o, mac, 12);
	return o + 12;
}
