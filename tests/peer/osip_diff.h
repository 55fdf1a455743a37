/* osip_diff.h: our strict parse of a SIP message beside libosip2's
 * (Debian libosip2 5.3, osip_message_parse) on the same bytes, for the
 * interop cross-check.
 *
 * Where both accept the message, every value both decode must be equal:
 * method, Request-URI, status; Call-ID (before and after its '@'); CSeq
 * number and method; From/To URI, display name, tag and every header
 * parameter (name and value, in order, and their count); every Via's
 * version, transport, host, port, branch, received, rport and parameters;
 * every Contact's URI, display name, expires, q and parameters (feature
 * tags, +sip.instance, reg-id ...); the URIs and parameters of Route and
 * Record-Route; the scheme and the username, realm, nonce, uri, response,
 * algorithm, cnonce, opaque, qop and nc of Authorization and
 * Proxy-Authorization, and the realm, domain, nonce, opaque, stale,
 * algorithm and qop of WWW-Authenticate and Proxy-Authenticate, field by
 * field in order; the type, subtype and parameters of Content-Type;
 * Content-Length; and, in order, the name and value of every field
 * libosip2 keeps as text (Max-Forwards, Expires, Min-Expires, Supported,
 * Require, Path, Service-Route, Security-*, P-*, Event, User-Agent ...);
 * each element of Allow and Content-Encoding (as ours splits them) and
 * MIME-Version against libosip2's typed value; the type, subtype and
 * parameters of each Accept element (an empty Accept is one entry without
 * a type to libosip2). libosip2 also types Accept-Encoding,
 * Accept-Language, Alert-Info, Call-Info and Error-Info, which the codec
 * keeps as text: those are not compared.
 *
 * Values are compared for what they mean, not how they are written, where
 * the two libraries give them differently:
 *  - libosip2 unescapes a URI's user part and escapes it again when it
 *    writes the URI ("sip:%30%301@h" -> "sip:001@h"): URIs are compared
 *    with every %HH decoded.
 *  - libosip2 keeps quoted values with their quotes and quoted-pairs (a
 *    display name, a header parameter, a Digest parameter: realm="ims"
 *    is '"ims"' to libosip2): compared with the quotes and the
 *    backslashes of quoted-pairs removed.
 *  - libosip2 keeps an IPv6 Via sent-by without its brackets
 *    ("[2001:db8::1]:5060" -> host "2001:db8::1"): compared so.
 *  - libosip2 turns every fold of a field (the line end and the SP and
 *    HTAB after it) into spaces before it parses ("a,\r\n\tb" -> "a,   b";
 *    a tab elsewhere stays) and trims the fields it keeps as text: their
 *    values, and the display names, parameters and Digest fields, are
 *    compared so; Max-Forwards, Expires and
 *    Min-Expires as numbers, without leading zeros ("0070" and "70").
 *  - libosip2 gives each element of the list fields it knows (Supported,
 *    Require, Path, Security-Client ... but not an unknown field, nor Date
 *    or User-Agent) as an entry of its own ("k: path, sec-agree" -> "k"
 *    "path", "k" "sec-agree"): where its entry is not ours' whole value,
 *    ours is compared element by element, split as libosip2 splits (at
 *    commas outside quoted strings, a '"' after an odd number of
 *    backslashes escaped, and outside a "<sip:", "<sips:", "<tel:",
 *    "<http:" or "<https:" with a '>' after it, but inside other angle
 *    brackets; an element of no byte dropped, one of white space alone
 *    kept as an empty entry). Authentication-Info is split so
 *    too, each element read as an Authentication-Info of its own: its
 *    nextnonce, rspauth, cnonce, qop and nc are compared element by
 *    element, with the Digest faults below.
 *    A Contact, Route or Record-Route field that libosip2 splits otherwise
 *    than ours (a comma inside the angle brackets of another scheme:
 *    "<im:a,b@h>, <tel:+1>") is not compared: the pieces of it that
 *    libosip2's parser takes are its entries for that field, and skipped.
 *  - libosip2 keeps Contact "*" as a display name "*" without a URI.
 * And these faults of libosip2 (RFC 3261 §25.1 grammar), each forgiven only
 * in the form shown:
 *  - An escaped NUL in a URI's user part (RFC 4475 escnull: "sip:null-
 *    %00-null@example.com") or in a URI parameter's name or value cuts
 *    that part there in libosip2: it unescapes into a C string and writes
 *    "sip:null-@example.com". Such a URI of ours is compared with each
 *    part cut at its first %00.
 *  - A message without Content-Length gets one from libosip2: the body's
 *    length, or "0" when there is no Content-Type, though a body follows
 *    ("l" absent, "hello" after the empty line: "0"; RFC 3261 §18.3 makes
 *    the body the rest of the datagram), or for a multipart body what its
 *    parts add up to as it reads them. Ours has no value then: osip's is
 *    taken when it is a number no larger than the body's length.
 *  - libosip2 does not split a field holding more than one challenge or
 *    credentials ("WWW-Authenticate: Digest realm="a", Digest realm="b"",
 *    which RFC 3261 §7.3.1 forbids and ours reads as two): it gives one,
 *    with the first value of each parameter, and takes "Digest realm" for
 *    the name of a parameter it does not know. Its values are compared
 *    with ours' of that field merged (the first of each), without the
 *    first auth-param of each one after the first; its scheme with the
 *    first's.
 *  - libosip2 reads a URI whose scheme begins with "sip" as a SIP URI
 *    ("sipz:a@h:x" -> "sipz:a@h", "sipsips:@h" -> "sipsips:h"): such a
 *    URI (a scheme longer than three letters but sips) is not compared.
 *  - libosip2 unescapes a URI parameter's (or header's) name and value and
 *    trims the white space that gives ("sip:h;user%20=phone" ->
 *    "sip:h;user=phone", "sip:h;a=%09b" -> "sip:h;a=b"): a URI with an
 *    escaped SP, HTAB, CR or LF next to a ';', '=', '?', '&' or its end is
 *    not compared.
 *  - An addr-spec of another scheme keeps the LWS before its first header
 *    parameter ("To: x:y ;tag=1" -> "x:y "): osip's URI text is compared
 *    without trailing spaces and tabs.
 *  - libosip2 matches the names of the Digest parameters it reads as
 *    tokens (algorithm, qop, nc of credentials; stale, algorithm of a
 *    challenge) by their first letters and takes the first: with
 *    "qopx=1, qop=auth" its qop is "1". Such a field is not compared when
 *    ours holds a parameter whose name is the field's and more. And it
 *    does not read the last auth-param of a field when that is written in
 *    fewer than six bytes ("..., nc=12", "qop=a"): such a qop or nc is not
 *    compared either.
 *  - libosip2 reads the Digest parameters it takes as tokens from after
 *    the next '=' up to the next ',', wherever they are: "algorithm
 *    qop="auth,auth-int"" (a token and white space, a second scheme to
 *    ours; "algorithmK qop=..." the same, the name matched by its first
 *    letters) gives it algorithm '"auth', and a quoted value with a ',' in it
 *    ("stale="a,b"") is cut there, the rest read out of step (it loses
 *    the opaque after it): a challenge or credentials field with either
 *    is not compared.
 *  - libosip2 ends a Via's transport at the first SP after it: with HTAB
 *    alone between transport and sent-by ("SIP/2.0/UDP<HTAB>h:5", no fold)
 *    its transport runs into the sent-by and its host is what follows the
 *    next SP. Such a Via is not compared, nor is one with a '(' after
 *    its transport (in a quoted parameter value): libosip2 reads from
 *    there as an RFC 2543 comment and cuts the parameters before it. The same of the scheme of a
 *    challenge or credentials field ("Digest<HTAB>realm=..."): such a
 *    field is not compared.
 *  - libosip2 reads the text before the first SP of an Authentication-Info
 *    element as an auth scheme when the SP comes before the first '='
 *    ("qop =auth", a fold there too): that parameter is lost, and such an
 *    element is not compared.
 *  - osip_uri_to_str leaves out a URI parameter named x-obr or x-obp (any
 *    case, escaped or not: eXosip's own, the address and port of an
 *    outbound flow): a URI with one is not compared.
 *  - A URI in angle brackets that ends in ';' ("<im:a@h;>") gets a header
 *    parameter named ">" from libosip2, before the real ones: it is
 *    skipped.
 *  - A Digest field libosip2 reads as a quoted string, written bare
 *    ("realm=r, qop="auth""), makes it take the next quoted string for
 *    that field's value ("auth") and lose the field that string belongs
 *    to: a challenge or credentials field with one is not compared. So
 *    is one with a HTAB between such a name and its '=' ("nonce<HTAB>=",
 *    not in a fold): libosip2 steps back from the '=' over SP alone, and
 *    does not read that parameter.
 *  - Allocations made inside libosip2 are left out of LeakSanitizer's
 *    report: it leaks a body part's second Content-Type.
 *  - libosip2 drops a challenge or credentials field it cannot parse
 *    ("WWW-Authenticate: Digest", a scheme alone, which ours reads as a
 *    challenge without parameters), and a Contact, Route or Record-Route
 *    element ("<sipx.example:1;lr>", a scheme that begins with "sip"), and
 *    keeps the others: a field or element of ours that libosip2's own
 *    parser of that header refuses is not paired.
 */
#ifndef IMSREG_TESTS_OSIP_DIFF_H
#define IMSREG_TESTS_OSIP_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <imsreg/sip.h>
#include "peer_diff.h"

enum osip_diff_verdict {
	OSIP_DIFF_BOTH = PEER_BOTH,           /* both accept: values compared */
	OSIP_DIFF_OURS_ONLY = PEER_OURS_ONLY, /* ours accepts, libosip2 refuses */
	OSIP_DIFF_OSIP_ONLY = PEER_PEER_ONLY, /* libosip2 accepts, ours refuses */
	OSIP_DIFF_NEITHER = PEER_NEITHER,
};

/* Parses data[0, len) with libosip2 and compares its values with ours, a
 * message sip_msg_check passed (not necessarily of the same bytes: a test
 * gives libosip2 a changed copy to see the comparison fail). Returns -1
 * when libosip2 refuses data, else the number of cb calls. */
int osip_diff_values(const struct sip_msg *ours, const char *data, size_t len, peer_diff_cb *cb,
		     void *ctx);

/* Whether libosip2 accepts data[0, len). */
bool osip_diff_accepts(const char *data, size_t len);

/* As sofia_diff_message: ours parses data (strict, checked, no control
 * byte in a field value); when it accepts, libosip2 gets exactly the bytes
 * of the message ours found, else the whole input. Calls cb for every value
 * that differs when both accept. Returns the verdict; *mismatches (when not
 * NULL) gets the number of cb calls. */
enum osip_diff_verdict osip_diff_message(const char *data, size_t len, peer_diff_cb *cb, void *ctx,
					 unsigned *mismatches);

#endif
