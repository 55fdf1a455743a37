/* esp.h: an ESP packet (RFC 4303) of a known SA (IMS sec-agree's, or one
 * whose keys are given) opened with its keys: the ICV checked, the
 * payload decrypted, the trailer read.
 * Internal to the trace layer. */
#ifndef IMSREG_TRACE_ESP_H
#define IMSREG_TRACE_ESP_H

#include <stddef.h>
#include <imsreg/trace.h>

/* The ESP packet esp[0, n) (from its SPI to its ICV) opened with sa:
 * 1 with the transport segment it carried in out[0, *outn) (out holds at
 * least n bytes) and its protocol in *next; 0 when its ICV does not check
 * with sa's keys (another SA's packet, or other keys); -EBADMSG when it
 * checks but the payload is no whole encrypted block run or its padding
 * is not ESP's (another cipher); -ENOMEM or -EIO from libcrypto. */
int esp_open(const struct trace_esp_sa *sa, const unsigned char *esp, size_t n, unsigned char *out,
	     size_t *outn, unsigned *next);

/* The name of a cipher as Security-Client writes it ("aes-cbc", ...). */
const char *esp_cipher_name(enum trace_esp_cipher c);

#endif
