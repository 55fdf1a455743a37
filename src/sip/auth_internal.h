/* auth_internal.h: the auth-param and sec-mechanism parameter scanners, shared by
 * their decoders (auth_hdr.c, security.c) and the encoder (encode.c). Not public. */
#ifndef IMSREG_SIP_AUTH_INTERNAL_H
#define IMSREG_SIP_AUTH_INTERNAL_H

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>

/* The hot-path helpers of both decoders: inline, so a parameter costs a few
 * instructions per byte and no call where nothing is to be skipped. */

/* LWS, only calling scan_lws when a white-space byte is next. */
static inline void auth_lws(struct scan *sc)
{
	if (sc->p < sc->end && scan_is((unsigned char)*sc->p, SCAN_WS | SCAN_CRLF))
		scan_lws(sc);
}

static inline bool auth_accept(struct scan *sc, char c)
{
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

/* 1*token-char: 0, or -EBADMSG when there is none. */
static inline int auth_token(struct scan *sc, struct slice *out)
{
	/* locals: the class table is read as char, which may alias sc */
	const char *s = sc->p, *p = s, *end = sc->end;
	while (p < end && scan_is((unsigned char)*p, SCAN_TOKEN))
		p++;
	sc->p = p;
	if (p == s)
		return -EBADMSG;
	*out = slice_span(s, p);
	return 0;
}

/* A quoted-string at '"' as scan_quoted reads it; the common case (no
 * escape, no folding) is found with memchr. */
static inline int auth_quoted(struct scan *sc, struct slice *out)
{
	const char *s = sc->p + 1;
	size_t n = (size_t)(sc->end - s);
	const char *q = n ? memchr(s, '"', n) : NULL;
	if (q) {
		n = (size_t)(q - s);
		if (!memchr(s, '\\', n) && !memchr(s, '\n', n) && !memchr(s, '\r', n)) {
			*out = slice_make(s, n);
			sc->p = q + 1;
			return 0;
		}
	}
	return scan_quoted(sc, out);
}

/* A token (any case) equal to a lowercase name of letters and '-'. Setting
 * bit 0x20 lowercases a letter and maps no other token byte onto one. */
static inline bool auth_name_is(struct slice t, const char *name, size_t len)
{
	if (t.len != len)
		return false;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)t.ptr[i] | 0x20) != (unsigned char)name[i])
			return false;
	return true;
}

/* One auth-param at sc: name LWS "=" LWS (token / quoted-string). 0 with the
 * cursor after the value; -ENOENT when no '=' follows the name (the cursor is
 * then after the name and any LWS); -EBADMSG with the cursor on the fault and
 * *reason set. A quoted value is its content and *quoted is true. */
int sip_auth_param_scan(struct scan *sc, struct slice *name, struct slice *value, bool *quoted,
			const char **reason);
/* The field of an auth-param name (any case), or -1 for an unknown name. */
int sip_auth_field_lookup(struct slice name);

/* One mech-parameter at sc: name [LWS "=" LWS (token / host / quoted-string)].
 * 0 (value SLICE_NULL without '='), or -EBADMSG with the cursor on the fault
 * and *reason set. */
int sip_sec_param_scan(struct scan *sc, struct slice *name, struct slice *value, bool *quoted,
		       const char **reason);
/* True for the parameters struct sip_sec_mech holds as fields. */
bool sip_sec_param_known(struct slice name);

#endif
