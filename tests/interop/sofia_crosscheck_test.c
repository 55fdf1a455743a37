/* sofia_crosscheck_test.c: our strict parse against sofia-sip's (Debian
 * libsofia-sip-ua 1.12) on every message of the corpora: where both accept a
 * message, every value both decode is equal (tests/peer/sofia_diff.h says
 * which, and the representation differences it forgives). Beside the tshark
 * cross-check: tshark dissects what it is shown, sofia-sip refuses what its
 * grammar does not take, so the two check different things.
 *
 * First the comparison itself is shown able to fail: ours is given one
 * message and sofia-sip a copy with one value changed, and the mismatch must
 * name that value. */
#include <imsreg/sip.h>
#include "check.h"
#include "peer_corpus.h"
#include "sofia_diff.h"

/* ---- the comparison can fail ------------------------------------------ */

static const char *const base_path = "../shared/corpus/bench/d_register_secagree_compact.sip";
static const char *const base_200 = "../shared/corpus/bench/g_200_register.sip";
static const char *const base_ipv6 = "../shared/corpus/bench/b_register_ims_ipv6.sip";
static const char *const base_notify = "../shared/corpus/bench/i_notify_reginfo.sip";
static const char *const base_accept = "fuzz/corpus/fuzz_osip_diff/accept-blank-and-types.sip";

static const struct peer_changed changes[] = {
	{ base_path, "branch=z9hG4bK.a8f3c1d2", "branch=z9hG4bK.a8f3c1d3", "via branch" },
	{ base_path, "10.45.0.2:5060;branch", "10.45.0.3:5060;branch", "via host" },
	{ base_path, "10.45.0.2:5060;branch", "10.45.0.2:5061;branch", "via port" },
	{ base_path, "SIP/2.0/UDP", "SIP/2.0/TCP", "via transport" },
	{ base_path, "Max-Forwards: 70", "Max-Forwards: 69", "max-forwards" },
	{ base_path, "Route: <sip:pcscf.", "Route: <sip:qcscf.", "route" },
	{ base_path, "tag=9fxced76sl", "tag=9fxced76sm", "from tag" },
	{ base_path, "t: <sip:001010000000001@", "t: <sip:001010000000002@", "to" },
	{ base_path, "i: c3x8", "i: c3x9", "call-id" },
	{ base_path, "CSeq: 1 REGISTER", "CSeq: 2 REGISTER", "cseq number" },
	{ base_path, "m: <sip:001010000000001@10.45.0.2:5060>", "m: <sip:001010000000001@10.45.0.2:5061>", "contact uri" },
	{ base_path, "Expires: 600000", "Expires: 600001", "expires" },
	{ base_path, "spi-c=3929102", "spi-c=3929104", "security spi-c" },
	{ base_path, "port-s=5063", "port-s=5065", "security port-s" },
	{ base_path, "alg=hmac-sha-1-96", "alg=hmac-md5-96", "security alg" },
	{ base_path, "ealg=null", "ealg=aes-cbc", "security ealg" },
	{ base_path, "Require: sec-agree", "Require: sec-agreX", "require" },
	{ base_path, "k: path, sec-agree", "k: path", "supported" },
	{ base_path, "realm=\"ims.", "realm=\"imz.", "realm" },
	{ base_path, "response=\"\"", "response=\"\",opaque=\"x\"", "opaque" },
	{ base_path, "response=\"\"", "response=\"\",x-param=1", "auth-param count" },
	{ base_path, "REGISTER sip:ims.mnc001", "REGISTER sip:imz.mnc001", "request-uri" },
	{ base_200, "SIP/2.0 200 OK", "SIP/2.0 202 OK", "status" },
	{ base_200, "rspauth=\"3078", "rspauth=\"4078", "rspauth" },
	{ base_200, "Path: <sip:term@", "Path: <sip:tern@", "path" },
	{ base_200, "Service-Route: <sip:orig@", "Service-Route: <sip:orjg@", "service-route" },
	{ base_200, "expires=600000;", "expires=600001;", "contact expires" },
	{ base_path, "a8f3c1d2;rport", "a8f3c1d2;rport=5060", "via rport" },
	{ base_path, "a8f3c1d2;rport", "a8f3c1d2;rport;x", "via parameter count" },
	{ base_path, "tag=9fxced76sl", "tag=9fxced76sl;x=1", "from parameter count" },
	{ base_path, "3gppnetwork.org;lr>", "3gppnetwork.org;lr>;x", "route parameter count" },
	{ base_path, "+g.3gpp.smsip", "+g.3gpp.smsjp", "contact parameter name" },
	{ base_path, "000655-0>\"", "000655-1>\"", "contact parameter +sip.instance" },
	{ base_ipv6, ";video;audio", ";video;audjo", "contact parameter name" },
	{ base_ipv6, "reg-id=1;", "reg-id=2;", "contact parameter reg-id" },
	{ base_ipv6, "Allow: INVITE, ACK,", "Allow: INVITE, ACL,", "allow" },
	{ base_notify, "Event: reg", "Event: reh", "event" },
	{ base_notify, "Event: reg", "Event: reg;id=1", "event parameter count" },
	{ base_notify, "reginfo+xml", "reginfo+xmk", "content-type" },
	{ base_accept, "reginfo+xml", "reginfo+xmk", "accept" },
	{ base_accept, "Accept: \r\n", "Accept: x/y\r\n", "accept" },
	{ base_accept, "q=0.1", "q=0.2", "accept parameter q" },
	{ base_accept, "*/*;q=0.1", "*/*;q=0.1, a/b", "accept count" },
	/* what the comparison forgives: representation, not meaning */
	{ base_path, "+sip.instance=\"<urn", "+sip.instance=\"\\<urn", NULL },
	{ base_path, "t: <sip:001010000000001@", "t: <sip:%30%30%31010000000001@", NULL },
	{ base_path, "Max-Forwards: 70", "Max-Forwards: 0070", NULL },
	{ base_path, "realm=\"ims.", "realm=\"\\ims.", NULL },
};

/* SOFIA_CROSSCHECK_VERBOSE=1: also list the messages only one side accepts. */
static const struct peer_corpus_peer sofia = {
	.name = "sofia-sip",
	.verbose_env = "SOFIA_CROSSCHECK_VERBOSE",
	.values = sofia_diff_values,
	.accepts = sofia_diff_accepts,
};

int main(void)
{
	peer_corpus_changed(&sofia, changes, sizeof changes / sizeof changes[0]);
	peer_corpus_run(&sofia);
	return check_done();
}
