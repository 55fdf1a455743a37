/* hdr_scan.h: internal scanners shared by the typed header decoders (uri.c,
 * addr.c, via.c, scalar.c): host, port, IPv4/IPv6 and the generic-param walk
 * of RFC 3261 §25. Not a public contract. */
#ifndef IMSREG_SIP_HDR_SCAN_H
#define IMSREG_SIP_HDR_SCAN_H

#include <errno.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>

/* Fills err (which may be NULL) and returns code. */
static inline int hdr_fail(struct sip_parse_error *err, int code, const char *at,
			   const char *reason)
{
	if (err) {
		err->code = code;
		err->at = at;
		err->reason = reason;
	}
	return code;
}

static inline bool hdr_is_hex(unsigned char c)
{
	return scan_is(c, SCAN_HEX);
}

static inline bool hdr_is_digit(unsigned char c)
{
	return (unsigned)(c - '0') <= 9;
}

/* A host at sc->p: "[" IPv6address "]" / IPv4address / hostname (RFC 3261
 * §25, RFC 5118). 0 with the cursor after it, or -EBADMSG (cursor and
 * err->at on the offending byte). */
int sip_host_scan(struct scan *sc, struct slice *host, enum sip_host_type *type,
		  struct sip_parse_error *err);
/* A port (1*DIGIT) at sc->p: 0, -EBADMSG (no digit), -ERANGE (> 65535). */
int sip_port_scan(struct scan *sc, uint16_t *port, struct sip_parse_error *err);
/* An IPv4address at p: the byte after it, or NULL with *bad on the
 * offending byte (octets 1-3 digits, at most 255). */
const char *sip_ipv4_scan(const char *p, const char *end, const char **bad);
/* An IPv6address at p (no brackets): the byte after it, or NULL with *bad
 * on the offending byte. At most 8 groups; "::" once; the three-colon form
 * "x::" ":" IPv4 of RFC 3261's ABNF is tolerated (RFC 5118 §4.10). */
const char *sip_ipv6_scan(const char *p, const char *end, const char **bad);
/* True when the bytes at p look like an IPv6 address written without
 * brackets (two or more ':' among hex digits): for a clearer error. */
bool sip_ipv6_bare_like(const char *p, const char *end);

/* Generic parameters after a URI or sent-by: *( SEMI generic-param ),
 * generic-param = token [ EQUAL gen-value ], gen-value = token / host /
 * quoted-string (RFC 3261 §25), LWS allowed around ';' and '='. */
enum sip_genparam_flags {
	/* Via: received=IPv6 without brackets (RFC 5118 §4.5) */
	SIP_GENPARAM_VIA = 1 << 0,
};
/* Next parameter at sc: 1 with *p filled (value SLICE_NULL when absent,
 * quoted-string content when p->quoted), 0 at the end, or -EBADMSG. */
int sip_genparam_next(struct scan *sc, struct sip_param *p, unsigned flags,
		      struct sip_parse_error *err);

#endif
