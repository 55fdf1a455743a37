/* esp_seal.h: an ESP packet (RFC 4303) sealed with an SA's keys, for the
 * tests that open them (libcrypto's encryption, HMAC and GCM; an IMS
 * sec-agree SA's keys expanded as TS 33.203 Annex I says, or the keys the
 * SA gives as they are). */
#ifndef IMSREG_TEST_ESP_SEAL_H
#define IMSREG_TEST_ESP_SEAL_H

#include <stddef.h>
#include <imsreg/trace.h>

/* ESP of inner[0, n) (next header nh) with sa's SPI and keys into out
 * (n + 64 bytes at least): its length. Sequence number 7, the IV a fixed
 * pattern, the padding 1, 2, 3, ...; 0 when n is over 2000. */
size_t esp_seal(const struct trace_esp_sa *sa, const unsigned char *inner, size_t n, unsigned nh,
		unsigned char *out);

#endif
