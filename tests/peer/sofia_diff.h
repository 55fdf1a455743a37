/* sofia_diff.h: our strict parse of a SIP message beside sofia-sip's
 * (Debian libsofia-sip-ua 1.12, msg_make with its default SIP class) on the
 * same bytes, for the interop cross-check and the differential fuzz target.
 *
 * Where both accept the message, every value both decode must be equal:
 * method, Request-URI, status; Call-ID; CSeq number and method; From/To
 * URI, tag and display name; every Via's transport, host, port, branch,
 * received, maddr, ttl and rport; every Contact's URI, display name, expires
 * and q; the URIs of Route, Record-Route, Path and Service-Route; every
 * header parameter (name and value, in order, and their count) of From, To,
 * Via, Contact (feature tags, +sip.instance, reg-id ...), Route,
 * Record-Route, Path, Service-Route, Content-Type, each Accept element and
 * Event; every Digest
 * parameter and the parameter count of Authorization, Proxy-Authorization,
 * WWW-Authenticate, Proxy-Authenticate and Authentication-Info; every
 * Security-Client/-Server/-Verify offer's mechanism, q, alg, ealg, prot,
 * mod, spi-c/-s, port-c/-s; the items of Require, Proxy-Require, Supported,
 * Unsupported, Allow and Allow-Events; the media type of Content-Type and of
 * each Accept element (an empty Accept is one entry of an empty type to
 * sofia-sip) and the event package of Event; Max-Forwards, Expires, Min-Expires and
 * Content-Length.
 *
 * Values are compared for what they mean, not how they are written, where
 * the two libraries give them differently (this list is the whole of what
 * sofia_diff forgives):
 *  - sofia-sip rewrites URIs with their escapes of unreserved characters
 *    undone ("%75ser" -> "user"): URIs are compared with every %HH decoded.
 *  - sofia-sip's url_e writes an absolute URI of another scheme than sip,
 *    sips and tel with no "//" after the ':' without the first '/' that
 *    follows ("http:a/b" -> "http:ab", "urn:x//y" -> "urn:x/y"), a fault
 *    of its URL writer: such a URI of ours is compared without that '/'.
 *  - sofia-sip keeps in an addr-spec's URI the white space (a fold) that
 *    comes before its ';' ("To: sip:a@b\r\n ;tag=1"): URIs are compared
 *    without white space at their end.
 *  - sofia-sip does not split a field holding two challenges or credentials
 *    ("Digest a=1, Digest b=2", which RFC 3261 §7.3.1 forbids and ours
 *    reads as two): its "Digest b=2" parameter is taken as the start of the
 *    next one.
 *  - sofia-sip keeps the CR of a fold line of white space alone at the
 *    start of the auth-param after it ("a=1,\r\n \r\n b=2" -> "\rb=2"):
 *    auth-params are compared without white space at their start. The
 *    same line in a CSeq ("9\r\n \r\n INVITE") gives it an empty method:
 *    the method of such a CSeq is not compared.
 *  - sofia-sip gives a quoted Digest or header parameter value with its
 *    quotes and quoted-pairs; ours is the content between the quotes: both
 *    are compared with quotes and backslashes of quoted-pairs removed.
 *  - sofia-sip gives Max-Forwards and Expires as numbers ("0068" -> 68):
 *    compared without leading zeros.
 *  - sofia-sip writes a media type without the SWS RFC 3261 allows around
 *    its '/' ("application / sdp" -> "application/sdp"): compared so.
 */
#ifndef IMSREG_TESTS_SOFIA_DIFF_H
#define IMSREG_TESTS_SOFIA_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <imsreg/sip.h>
#include "peer_diff.h"

enum sofia_diff_verdict {
	SOFIA_DIFF_BOTH = PEER_BOTH,             /* both accept: values compared */
	SOFIA_DIFF_OURS_ONLY = PEER_OURS_ONLY,   /* ours accepts, sofia-sip refuses */
	SOFIA_DIFF_SOFIA_ONLY = PEER_PEER_ONLY,  /* sofia-sip accepts, ours refuses */
	SOFIA_DIFF_NEITHER = PEER_NEITHER,
};

/* Called once for each value that differs: what it is ("via branch"), ours as
 * written and sofia-sip's (NULL when sofia-sip has none). */
typedef peer_diff_cb sofia_diff_mismatch_cb;

/* Parses data[0, len) with sofia-sip and compares its values with ours, a
 * message sip_msg_check passed (not necessarily of the same bytes: a test
 * gives sofia-sip a changed copy to see the comparison fail). Returns -1
 * when sofia-sip refuses data, else the number of cb calls. */
int sofia_diff_values(const struct sip_msg *ours, const char *data, size_t len,
		      sofia_diff_mismatch_cb *cb, void *ctx);

/* Whether sofia-sip accepts data[0, len). */
bool sofia_diff_accepts(const char *data, size_t len);

/* Parses data with sip_msg_parse (strict) and sip_msg_check; ours also
 * refuses a control byte in a field value, as the rule book does (the check
 * leaves the fields it does not decode to it). When ours accepts, sofia-sip
 * gets exactly the bytes of the message ours found (what follows it is not
 * compared); when ours refuses, the whole input. Calls cb for every value
 * that differs when both accept. Returns the verdict; *mismatches (when not
 * NULL) gets the number of cb calls. */
enum sofia_diff_verdict sofia_diff_message(const char *data, size_t len,
					   sofia_diff_mismatch_cb *cb, void *ctx,
					   unsigned *mismatches);

#endif
