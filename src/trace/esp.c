/* esp.c: ESP (RFC 4303) opened with an IMS sec-agree SA's keys, over
 * OpenSSL 3's EVP: the ICV an HMAC truncated to 96 bits over the header,
 * IV and ciphertext (RFC 2403, RFC 2404), the payload in CBC (RFC 3602,
 * RFC 2451: the IV the first block after the header) or not encrypted
 * (RFC 2410), then the trailer (padding 1, 2, 3, ..., its length, the
 * next header). The keys from IK and CK as TS 33.203 Annex I says. */
#include <errno.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include "trace/esp.h"

const char *esp_cipher_name(enum trace_esp_cipher c)
{
	switch (c) {
	case TRACE_ESP_AES_CBC: return "aes-cbc";
	case TRACE_ESP_DES_EDE3_CBC: return "des-ede3-cbc";
	default: return "null";
	}
}

/* Whether the ICV of esp[0, n) checks with sa's integrity key. */
static int icv_checks(const struct trace_esp_sa *sa, const unsigned char *esp, size_t n)
{
	unsigned char key[20], mac[EVP_MAX_MD_SIZE];
	size_t keylen = 16, maclen = 0;
	memcpy(key, sa->ik, 16);
	if (sa->integ == TRACE_ESP_HMAC_SHA1_96) {
		memset(key + 16, 0, 4); /* IK and 32 zero bits: 160 bits */
		keylen = 20;
	}
	const char *md = sa->integ == TRACE_ESP_HMAC_SHA1_96 ? "SHA1" : "MD5";
	int ok = EVP_Q_mac(NULL, "HMAC", NULL, md, NULL, key, keylen, esp, n - ESP_ICV_LEN, mac, sizeof mac,
			   &maclen) != NULL;
	OPENSSL_cleanse(key, sizeof key);
	if (!ok)
		return -EIO;
	return maclen >= ESP_ICV_LEN && CRYPTO_memcmp(mac, esp + n - ESP_ICV_LEN, ESP_ICV_LEN) == 0;
}

/* in[0, n) decrypted in CBC with sa's cipher key and iv into out. */
static int cbc_decrypt(const struct trace_esp_sa *sa, const unsigned char *iv, const unsigned char *in, size_t n,
		       unsigned char *out)
{
	unsigned char key[24];
	const EVP_CIPHER *cipher;
	memcpy(key, sa->ck, 16);
	if (sa->cipher == TRACE_ESP_DES_EDE3_CBC) {
		memcpy(key + 16, sa->ck, 8); /* CK1 || CK2 || CK1 */
		cipher = EVP_des_ede3_cbc();
	} else {
		cipher = EVP_aes_128_cbc();
	}
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	int len1 = 0, len2 = 0, rc = -EIO;
	if (!ctx) {
		OPENSSL_cleanse(key, sizeof key);
		return -ENOMEM;
	}
	if (EVP_DecryptInit_ex(ctx, cipher, NULL, key, iv) == 1 && EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
	    EVP_DecryptUpdate(ctx, out, &len1, in, (int)n) == 1 && EVP_DecryptFinal_ex(ctx, out + len1, &len2) == 1 &&
	    (size_t)(len1 + len2) == n)
		rc = 0;
	EVP_CIPHER_CTX_free(ctx);
	OPENSSL_cleanse(key, sizeof key);
	return rc;
}

int esp_open(const struct trace_esp_sa *sa, const unsigned char *esp, size_t n, unsigned char *out,
	     size_t *outn, unsigned *next)
{
	size_t ivlen = sa->cipher == TRACE_ESP_AES_CBC ? 16 : sa->cipher == TRACE_ESP_DES_EDE3_CBC ? 8 : 0;
	size_t block = ivlen ? ivlen : 4;
	if (n < 8 + ivlen + 2 + ESP_ICV_LEN || n > (size_t)1 << 20)
		return -EBADMSG;
	int rc = icv_checks(sa, esp, n);
	if (rc <= 0)
		return rc;
	const unsigned char *ct = esp + 8 + ivlen;
	size_t ctn = n - 8 - ivlen - ESP_ICV_LEN;
	if (ctn < 2 || ctn % block)
		return -EBADMSG;
	if (ivlen) {
		if ((rc = cbc_decrypt(sa, esp + 8, ct, ctn, out)) < 0)
			return rc;
	} else {
		memcpy(out, ct, ctn);
	}
	size_t pad = out[ctn - 2];
	if (pad + 2 > ctn)
		return -EBADMSG;
	for (size_t i = 0; i < pad; i++)
		if (out[ctn - 2 - pad + i] != i + 1)
			return -EBADMSG;
	*next = out[ctn - 1];
	*outn = ctn - 2 - pad;
	return 1;
}
