/* codec.c: hex and base64 (RFC 4648 §4); base64 through libcrypto's EVP block codec. */
#include <errno.h>
#include <string.h>
#include <openssl/evp.h>
#include <imsreg/codec.h>
#include <imsreg/scan.h>

void hex_encode(char *out, const uint8_t *in, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

int hex_decode_any(uint8_t *out, size_t cap, struct slice hex)
{
	if (hex.len % 2)
		return -EINVAL;
	if (hex.len / 2 > cap)
		return -EMSGSIZE;
	for (size_t i = 0; i < hex.len / 2; i++) {
		int h = scan_hex_value((unsigned char)hex.ptr[2 * i]);
		int l = scan_hex_value((unsigned char)hex.ptr[2 * i + 1]);
		if (h < 0 || l < 0)
			return -EINVAL;
		out[i] = (uint8_t)(h << 4 | l);
	}
	return (int)(hex.len / 2);
}

int hex_decode(uint8_t *out, size_t n, struct slice hex)
{
	if (hex.len != 2 * n)
		return -EINVAL;
	int rc = hex_decode_any(out, n, hex);
	return rc < 0 ? rc : 0;
}

size_t base64_encode(char *out, const uint8_t *in, size_t n)
{
	return (size_t)EVP_EncodeBlock((unsigned char *)out, in, (int)n);
}

int base64_decode(uint8_t *out, size_t cap, struct slice b64)
{
	/* EVP_DecodeBlock wants whole quanta, trims no padding from its count
	 * and skips leading/trailing white space: check the alphabet and
	 * padding here, add the padding that was left out, and subtract it. */
	size_t n = b64.len, pad = 0;
	while (n && b64.ptr[n - 1] == '=') {
		n--;
		pad++;
	}
	if (pad > 2 || n % 4 == 1 || (pad && (n + pad) % 4))
		return -EINVAL;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b64.ptr[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '+' || c == '/'))
			return -EINVAL;
	}
	size_t full = n / 4 * 3, rem = n % 4;
	size_t outlen = full + (rem ? rem - 1 : 0);
	if (outlen > cap)
		return -EMSGSIZE;
	if (full) {
		/* decode the whole quanta straight into out (fits: full <= outlen <= cap) */
		if (EVP_DecodeBlock(out, (const unsigned char *)b64.ptr, (int)(n / 4 * 4)) < 0)
			return -EINVAL;
	}
	if (rem) {
		unsigned char q[4] = { 'A', 'A', '=', '=' };
		unsigned char three[3];
		memcpy(q, b64.ptr + n / 4 * 4, rem);
		if (rem == 3)
			q[3] = '=';
		if (EVP_DecodeBlock(three, q, 4) < 0)
			return -EINVAL;
		memcpy(out + full, three, rem - 1);
	}
	return (int)outlen;
}
