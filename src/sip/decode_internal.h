/* decode_internal.h: list-element decoders that read one element of a comma
 * list (RFC 3261 §7.3.1) from a cursor and stop at the ',' that ends it, so
 * that sip_msg_check reads a list once instead of splitting it with
 * sip_list_next and then decoding each element again. Not public. */
#ifndef IMSREG_SIP_DECODE_INTERNAL_H
#define IMSREG_SIP_DECODE_INTERNAL_H

#include <imsreg/scan.h>
#include <imsreg/sip.h>

/* Each takes sc->p on the first byte of an element (not LWS; sc->end the
 * end of the whole header value) and fills the struct as the slice
 * decoder does for that element. 0 with sc->p on the ',' that ends the
 * element or at sc->end (after any LWS); negative when the element is not
 * decoded here: malformed, or a form these leave to the slice decoder
 * (Contact "*", an addr-spec without <>). On a negative return err may be
 * written and the struct is partly filled: the caller then decodes from
 * the element's start with sip_list_next and the slice decoder, which give
 * the verdict, the error offset and the reason. A 0 here implies that
 * sip_list_next yields this element and the slice decoder accepts it. */
int sip_via_decode_at(struct sip_via *via, struct scan *sc, struct sip_parse_error *err);
int sip_addr_decode_at(struct sip_addr *a, struct scan *sc, unsigned flags,
		       struct sip_parse_error *err);
int sip_sec_mech_decode_at(struct sip_sec_mech *m, struct scan *sc, struct sip_parse_error *err);
int sip_tokparams_decode_at(struct sip_tokparams *tp, struct scan *sc, struct sip_parse_error *err);

#endif
