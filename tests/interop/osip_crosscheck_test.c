/* osip_crosscheck_test.c: our strict parse against libosip2's (Debian
 * libosip2 5.3, osip_message_parse) on every message of the corpora: where
 * both accept a message, every value both decode is equal
 * (tests/peer/osip_diff.h says which, and the libosip2 faults it forgives).
 * A second peer beside sofia-sip: libosip2 keeps more as text (quoted
 * values, the headers it does not type) and refuses less.
 *
 * First the comparison itself is shown able to fail: ours is given one
 * message and libosip2 a copy with one value changed, and the mismatch must
 * name that value. */
#include <imsreg/sip.h>
#include "check.h"
#include "osip_diff.h"
#include "peer_corpus.h"

/* ---- the comparison can fail ------------------------------------------ */

static const char *const base_path = "../shared/corpus/bench/d_register_secagree_compact.sip";
static const char *const base_aka = "../shared/corpus/bench/c_register_aka_auth.sip";
static const char *const base_401 = "../shared/corpus/bench/f_401_aka_challenge.sip";
static const char *const base_200 = "../shared/corpus/bench/g_200_register.sip";
static const char *const base_notify = "../shared/corpus/bench/i_notify_reginfo.sip";
static const char *const base_accept = "fuzz/corpus/fuzz_osip_diff/accept-blank-and-types.sip";

static const struct peer_changed changes[] = {
	{ base_path, "REGISTER sip:ims.mnc001", "REGISTER sip:imz.mnc001", "request-uri" },
	{ base_200, "SIP/2.0 200 OK", "SIP/2.0 202 OK", "status" },
	{ base_path, "i: c3x8", "i: c3x9", "call-id" },
	{ base_path, "CSeq: 1 REGISTER", "CSeq: 2 REGISTER", "cseq number" },
	{ base_path, "CSeq: 1 REGISTER", "CSeq: 1 REGISTEX", "cseq method" },
	{ base_path, "t: <sip:001010000000001@", "t: <sip:001010000000002@", "to uri" },
	{ base_path, "tag=9fxced76sl", "tag=9fxced76sm", "from tag" },
	{ base_path, "f: <sip:", "f: \"A\" <sip:", "from display name" },
	{ base_path, "tag=9fxced76sl", "tag=9fxced76sl;x=1", "from parameter count" },
	{ base_path, "SIP/2.0/UDP", "SIP/2.0/TCP", "via transport" },
	{ base_path, "10.45.0.2:5060;branch", "10.45.0.3:5060;branch", "via host" },
	{ base_path, "10.45.0.2:5060;branch", "10.45.0.2:5061;branch", "via port" },
	{ base_path, "branch=z9hG4bK.a8f3c1d2", "branch=z9hG4bK.a8f3c1d3", "via branch" },
	{ base_path, "a8f3c1d2;rport", "a8f3c1d2;rport=5060", "via rport" },
	{ base_200, "received=2001:db8:1:0:a1b2:c3d4:e5f6:1", "received=2001:db8:1:0:a1b2:c3d4:e5f6:2",
	  "via received" },
	{ base_path, "a8f3c1d2;rport", "a8f3c1d2;rport;x", "via parameter count" },
	{ base_path, "m: <sip:001010000000001@10.45.0.2:5060>", "m: <sip:001010000000001@10.45.0.2:5061>",
	  "contact uri" },
	{ base_200, "expires=600000;", "expires=600001;", "contact expires" },
	{ base_path, "+g.3gpp.smsip", "+g.3gpp.smsjp", "contact parameter name" },
	{ base_path, "000655-0>\"", "000655-1>\"", "contact parameter +sip.instance" },
	{ base_path, "Route: <sip:pcscf.", "Route: <sip:qcscf.", "route uri" },
	{ base_path, "3gppnetwork.org;lr>", "3gppnetwork.org;lr>;x", "route parameter count" },
	{ base_path, "realm=\"ims.", "realm=\"imz.", "realm" },
	{ base_aka, "nc=00000001", "nc=00000002", "nc" },
	{ base_aka, "cnonce=\"4f1c", "cnonce=\"5f1c", "cnonce" },
	{ base_aka, "qop=auth,", "qop=auth-int,", "qop" },
	{ base_aka, "response=\"00f8", "response=\"01f8", "response" },
	{ base_401, "algorithm=AKAv1-MD5", "algorithm=AKAv2-MD5", "algorithm" },
	{ base_401, "opaque=\"5ccc", "opaque=\"6ccc", "opaque" },
	{ base_notify, "reginfo+xml", "reginfo+xmk", "content-type subtype" },
	{ base_accept, "reginfo+xml", "reginfo+xmk", "accept subtype" },
	{ base_accept, "Accept: \r\n", "Accept: x/y\r\n", "accept type" },
	{ base_accept, "q=0.1", "q=0.2", "accept parameter q" },
	{ base_accept, "*/*;q=0.1", "*/*;q=0.1, a/b", "accept count" },
	{ base_notify, "Content-Length: 386", "Content-Length: 385", "content-length" },
	{ base_path, "Max-Forwards: 70", "Max-Forwards: 69", "max-forwards" },
	{ base_path, "Expires: 600000", "Expires: 600001", "expires" },
	{ base_notify, "Event: reg", "Event: reh", "event" },
	/* what the comparison forgives: representation, not meaning */
	{ base_path, "realm=\"ims.", "realm=\"\\ims.", NULL },
	{ base_path, "t: <sip:001010000000001@", "t: <sip:%30%30%31010000000001@", NULL },
	{ base_path, "Max-Forwards: 70", "Max-Forwards: 0070", NULL },
};

/* OSIP_CROSSCHECK_VERBOSE=1: also list the messages only one side accepts. */
static const struct peer_corpus_peer osip = {
	.name = "libosip2",
	.verbose_env = "OSIP_CROSSCHECK_VERBOSE",
	.values = osip_diff_values,
	.accepts = osip_diff_accepts,
};

int main(void)
{
	peer_corpus_changed(&osip, changes, sizeof changes / sizeof changes[0]);
	peer_corpus_run(&osip);
	return check_done();
}
