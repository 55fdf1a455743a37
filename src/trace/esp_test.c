/* esp_test.c: esp_open over ESP packets the tests' esp_seal sealed
 * (libcrypto's encryption and HMAC, the keys expanded as TS 33.203 Annex
 * I says): each integrity and cipher pair opens, other keys and altered
 * bytes do not, and what is no whole packet is refused.
 * (tests/integration/decode_esp_test.sh has tshark open packets sealed
 * by Python's cryptography with the same keys.) */
#include <errno.h>
#include <string.h>
#include <openssl/evp.h>
#include "check.h"
#include "esp_seal.h"
#include "trace/esp.h"

static const uint8_t ik[16] = { 0xf7, 0x69, 0xbc, 0xd7, 0x51, 0x04, 0x46, 0x04,
				0x12, 0x76, 0x72, 0x71, 0x1c, 0x6d, 0x34, 0x41 };
static const uint8_t ck[16] = { 0xb4, 0x0b, 0xa9, 0xa3, 0xc5, 0x8b, 0x2a, 0x05,
				0xbb, 0xf0, 0xd9, 0x87, 0xb2, 0x1b, 0xf8, 0xcb };

static const char sip[] = "REGISTER sip:ims.example.net SIP/2.0\r\nCall-ID: e1\r\nCSeq: 2 REGISTER\r\n"
			  "Content-Length: 0\r\n\r\n";

static void every_integrity_and_cipher_pair_opens_its_packets(void)
{
	static const enum trace_esp_integ integs[] = { TRACE_ESP_HMAC_SHA1_96, TRACE_ESP_HMAC_MD5_96 };
	static const enum trace_esp_cipher ciphers[] = { TRACE_ESP_NULL, TRACE_ESP_AES_CBC, TRACE_ESP_DES_EDE3_CBC };
	unsigned char pkt[2048], out[2048];
	for (size_t i = 0; i < 2; i++)
		for (size_t k = 0; k < 3; k++)
			for (size_t n = sizeof sip - 20; n < sizeof sip; n++) { /* every padding length */
				struct trace_esp_sa sa = { .spi = 0x1234, .integ = integs[i], .cipher = ciphers[k] };
				memcpy(sa.ik, ik, 16);
				memcpy(sa.ck, ck, 16);
				size_t pn = esp_seal(&sa, (const unsigned char *)sip, n, 17, pkt), on = 0;
				unsigned next = 0;
				CHECK_INT_EQ(esp_open(&sa, pkt, pn, out, &on, &next), 1);
				CHECK_INT_EQ(on, n);
				CHECK(on == n && memcmp(out, sip, n) == 0);
				CHECK_INT_EQ(next, 17);
			}
	CHECK_STR_EQ(esp_cipher_name(TRACE_ESP_AES_CBC), "aes-cbc");
	CHECK_STR_EQ(esp_cipher_name(TRACE_ESP_DES_EDE3_CBC), "des-ede3-cbc");
	CHECK_STR_EQ(esp_cipher_name(TRACE_ESP_NULL), "null");
}

static void other_keys_or_altered_bytes_do_not_open(void)
{
	unsigned char pkt[2048], out[2048];
	unsigned next;
	size_t on;
	struct trace_esp_sa sa = { .spi = 0x1234, .integ = TRACE_ESP_HMAC_SHA1_96, .cipher = TRACE_ESP_AES_CBC };
	memcpy(sa.ik, ik, 16);
	memcpy(sa.ck, ck, 16);
	size_t pn = esp_seal(&sa, (const unsigned char *)sip, strlen(sip), 17, pkt);
	/* another IK: the ICV does not check */
	struct trace_esp_sa other = sa;
	other.ik[3] ^= 1;
	CHECK_INT_EQ(esp_open(&other, pkt, pn, out, &on, &next), 0);
	/* the other integrity algorithm: neither */
	other = sa;
	other.integ = TRACE_ESP_HMAC_MD5_96;
	CHECK_INT_EQ(esp_open(&other, pkt, pn, out, &on, &next), 0);
	/* another CK: the ICV checks, the padding is no ESP padding */
	other = sa;
	other.ck[0] ^= 0x80;
	CHECK_INT_EQ(esp_open(&other, pkt, pn, out, &on, &next), -EBADMSG);
	/* 3DES for AES: its blocks and IV are others */
	other = sa;
	other.cipher = TRACE_ESP_DES_EDE3_CBC;
	CHECK(esp_open(&other, pkt, pn, out, &on, &next) != 1);
	/* a byte of the ciphertext or of the sequence number changed */
	pkt[40] ^= 1;
	CHECK_INT_EQ(esp_open(&sa, pkt, pn, out, &on, &next), 0);
	pkt[40] ^= 1;
	pkt[7] ^= 1;
	CHECK_INT_EQ(esp_open(&sa, pkt, pn, out, &on, &next), 0);
	pkt[7] ^= 1;
	CHECK_INT_EQ(esp_open(&sa, pkt, pn, out, &on, &next), 1);
	/* too short to hold a header, an IV, a trailer and an ICV */
	CHECK_INT_EQ(esp_open(&sa, pkt, 8 + 16 + 12, out, &on, &next), -EBADMSG);
}

static void a_checked_packet_that_is_no_whole_block_run_is_refused(void)
{
	unsigned char pkt[2048], out[2048], mac[64], mk[20];
	unsigned next;
	size_t on, ml;
	struct trace_esp_sa sa = { .spi = 0x1234, .integ = TRACE_ESP_HMAC_SHA1_96, .cipher = TRACE_ESP_AES_CBC };
	memcpy(sa.ik, ik, 16);
	memcpy(sa.ck, ck, 16);
	/* 8 + 16 + 20 bytes of "ciphertext", an ICV that checks */
	memset(pkt, 0x11, 8 + 16 + 20);
	memcpy(mk, ik, 16);
	memset(mk + 16, 0, 4);
	CHECK(EVP_Q_mac(NULL, "HMAC", NULL, "SHA1", NULL, mk, 20, pkt, 44, mac, sizeof mac, &ml) != NULL);
	memcpy(pkt + 44, mac, 12);
	CHECK_INT_EQ(esp_open(&sa, pkt, 56, out, &on, &next), -EBADMSG);
}

/* SAs whose keys are given as they are (the kernel's, from ip xfrm
 * state): HMAC-SHA-256-128 and HMAC-SHA-1-96 with AES-CBC of 128, 192 and
 * 256 bits, AES-GCM (RFC 4106) of 128 and 256 bits with ICVs of 8, 12
 * and 16 bytes: each opens its packets, and not with another salt, key or
 * tag. */
static void given_keys_open_cbc_hmac_and_gcm_packets(void)
{
	static const struct {
		enum trace_esp_integ integ;
		enum trace_esp_cipher cipher;
		uint8_t alen, elen, icv;
	} kinds[] = {
		{ TRACE_ESP_HMAC_SHA256, TRACE_ESP_AES_CBC, 32, 32, 0 },
		{ TRACE_ESP_HMAC_SHA256, TRACE_ESP_AES_CBC, 32, 16, 0 },
		{ TRACE_ESP_HMAC_SHA1_96, TRACE_ESP_AES_CBC, 20, 24, 0 },
		{ TRACE_ESP_HMAC_MD5_96, TRACE_ESP_NULL, 16, 0, 0 },
		{ TRACE_ESP_INTEG_NONE, TRACE_ESP_AES_GCM, 0, 20, 0 },
		{ TRACE_ESP_INTEG_NONE, TRACE_ESP_AES_GCM, 0, 36, 12 },
		{ TRACE_ESP_INTEG_NONE, TRACE_ESP_AES_GCM, 0, 20, 8 },
	};
	unsigned char pkt[2048], out[2048];
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		struct trace_esp_sa sa = { .spi = 0xc0ffee01, .integ = kinds[i].integ, .cipher = kinds[i].cipher,
					   .akey_len = kinds[i].alen, .ekey_len = kinds[i].elen, .icv_len = kinds[i].icv };
		for (size_t k = 0; k < sizeof sa.akey; k++)
			sa.akey[k] = (uint8_t)(0x40 + k);
		for (size_t k = 0; k < sizeof sa.ekey; k++)
			sa.ekey[k] = (uint8_t)(0x90 + 3 * k);
		for (size_t n = sizeof sip - 17; n < sizeof sip; n++) {
			size_t pn = esp_seal(&sa, (const unsigned char *)sip, n, 6, pkt), on = 0;
			unsigned next = 0;
			CHECK(pn > n);
			CHECK_INT_EQ(esp_open(&sa, pkt, pn, out, &on, &next), 1);
			CHECK(on == n && memcmp(out, sip, n) == 0);
			CHECK_INT_EQ(next, 6);
		}
		size_t pn = esp_seal(&sa, (const unsigned char *)sip, strlen(sip), 17, pkt), on;
		unsigned next;
		struct trace_esp_sa other = sa;
		if (sa.cipher == TRACE_ESP_AES_GCM) {
			other.ekey[other.ekey_len - 1] ^= 1; /* the salt */
			CHECK_INT_EQ(esp_open(&other, pkt, pn, out, &on, &next), 0);
			other = sa;
			other.ekey[0] ^= 1;
			CHECK_INT_EQ(esp_open(&other, pkt, pn, out, &on, &next), 0);
			pkt[pn - 1] ^= 1; /* the tag */
			CHECK_INT_EQ(esp_open(&sa, pkt, pn, out, &on, &next), 0);
			pkt[pn - 1] ^= 1;
			pkt[5] ^= 1; /* the sequence number, authenticated */
			CHECK_INT_EQ(esp_open(&sa, pkt, pn, out, &on, &next), 0);
			pkt[5] ^= 1;
		} else {
			other.akey[0] ^= 1;
			CHECK_INT_EQ(esp_open(&other, pkt, pn, out, &on, &next), 0);
		}
		CHECK_INT_EQ(esp_open(&sa, pkt, pn, out, &on, &next), 1);
	}
	CHECK_STR_EQ(esp_cipher_name(TRACE_ESP_AES_GCM), "aes-gcm");
}

int main(void)
{
	every_integrity_and_cipher_pair_opens_its_packets();
	other_keys_or_altered_bytes_do_not_open();
	a_checked_packet_that_is_no_whole_block_run_is_refused();
	given_keys_open_cbc_hmac_and_gcm_packets();
	return check_done();
}
