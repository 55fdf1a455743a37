/* uri_internal.h: the byte-by-byte paths of uri.c, which the 16-byte fast
 * paths must agree with; uri_test holds one to the other on every input. */
#ifndef IMSREG_SIP_URI_INTERNAL_H
#define IMSREG_SIP_URI_INTERNAL_H

#include <imsreg/scan.h>
#include <imsreg/sip.h>

int sip_uri_decode_bytes(struct sip_uri *uri, struct slice s, struct sip_parse_error *err);
int sip_host_scan_bytes(struct scan *sc, struct slice *host, enum sip_host_type *type,
			struct sip_parse_error *err);
int sip_port_scan_bytes(struct scan *sc, uint16_t *port, struct sip_parse_error *err);
const char *sip_ipv6_scan_bytes(const char *p, const char *end, const char **bad);

#endif
