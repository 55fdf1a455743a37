/* auth_internal.h: the auth-param and sec-mechanism parameter scanners, shared by
 * their decoders (auth_hdr.c, security.c) and the encoder (encode.c). Not public. */
#ifndef IMSREG_SIP_AUTH_INTERNAL_H
#define IMSREG_SIP_AUTH_INTERNAL_H

#include <stdbool.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>

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
