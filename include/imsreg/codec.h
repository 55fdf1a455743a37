/* codec.h: hex and base64 (RFC 4648), over libcrypto where it does the work. */
#ifndef IMSREG_CODEC_H
#define IMSREG_CODEC_H

#include <stddef.h>
#include <stdint.h>
#include <imsreg/slice.h>

/* Lowercase hex of n bytes into out (2n + 1 bytes, NUL-terminated). */
void hex_encode(char *out, const uint8_t *in, size_t n);
/* Exactly 2*n hex digits (either case) into n bytes: 0, or -EINVAL. */
int hex_decode(uint8_t *out, size_t n, struct slice hex);
/* Any even number of hex digits: number of bytes, -EINVAL, or -EMSGSIZE
 * when more than cap bytes. */
int hex_decode_any(uint8_t *out, size_t cap, struct slice hex);

/* Standard base64 with padding; out needs 4*ceil(n/3) + 1 bytes. Returns
 * the length written (NUL not counted). */
size_t base64_encode(char *out, const uint8_t *in, size_t n);
/* Decodes standard base64 (padding optional, no white space): number of
 * bytes, -EINVAL on a bad character or length, -EMSGSIZE when over cap. */
int base64_decode(uint8_t *out, size_t cap, struct slice b64);

#endif
