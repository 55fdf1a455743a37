/* uri_internal.h: the byte-by-byte paths of uri.c, which the 16-byte fast
 * paths must agree with; uri_test holds one to the other on every input. */
#ifndef IMSREG_SIP_URI_INTERNAL_H
#define IMSREG_SIP_URI_INTERNAL_H

#include <imsreg/scan.h>
#include <imsreg/sip.h>

/* RFC 3966 visual-separator: what a tel number may hold between its
 * digits, and what its comparison ignores (uri_cmp.c). */
static inline bool sip_tel_visual(unsigned char c)
{
	return c == '-' || c == '.' || c == '(' || c == ')';
}

int sip_uri_decode_bytes(struct sip_uri *uri, struct slice s, struct sip_parse_error *err);
int sip_host_scan_bytes(struct scan *sc, struct slice *host, enum sip_host_type *type,
			struct sip_parse_error *err);
int sip_port_scan_bytes(struct scan *sc, uint16_t *port, struct sip_parse_error *err);
/* A name-addr's URI read up to its '>' in one pass: the sip: or sips: URI
 * or global tel: number at p that the first '>' before end closes,
 * decoded into *uri as sip_uri_decode(uri, [p, '>')) decodes it when that
 * succeeds; the '>'.
 * NULL, *uri then undefined, when the fast path does not take it (no '>',
 * an uncommon form, an error): the caller finds the '>' and calls
 * sip_uri_decode. */
const char *sip_uri_decode_gt(struct sip_uri *uri, const char *p, const char *end);
/* The bit-mask reads of sip_host_scan and sip_ipv6_scan alone, small for
 * callers to have them inline: the byte after the host (with *type) or
 * the address, as those functions give it, or NULL for them to read it
 * (every error, every uncommon form, fewer than sixteen bytes to end). */
const char *sip_host_fast(const char *p, const char *end, enum sip_host_type *type);
const char *sip_ipv6_fast(const char *p, const char *end);
const char *sip_ipv6_scan_bytes(const char *p, const char *end, const char **bad);

/* For the tests and fuzz targets that hold a fast path to its byte path:
 * every field of two decoded URIs the same, slices by place and length. */
static inline bool sip_uri_slice_same(struct slice a, struct slice b)
{
	return a.ptr == b.ptr && a.len == b.len;
}
static inline bool sip_uri_same(const struct sip_uri *a, const struct sip_uri *b)
{
	return a->scheme == b->scheme && sip_uri_slice_same(a->scheme_name, b->scheme_name) &&
	       sip_uri_slice_same(a->user, b->user) && sip_uri_slice_same(a->password, b->password) &&
	       sip_uri_slice_same(a->host, b->host) && a->host_type == b->host_type &&
	       a->has_port == b->has_port && a->port == b->port &&
	       sip_uri_slice_same(a->params, b->params) && sip_uri_slice_same(a->headers, b->headers) &&
	       sip_uri_slice_same(a->opaque, b->opaque) && sip_uri_slice_same(a->transport, b->transport) &&
	       sip_uri_slice_same(a->user_param, b->user_param) && sip_uri_slice_same(a->maddr, b->maddr) &&
	       sip_uri_slice_same(a->ttl, b->ttl) && sip_uri_slice_same(a->method, b->method) && a->lr == b->lr;
}

#endif
