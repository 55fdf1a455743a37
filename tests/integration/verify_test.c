/* verify_test.c: `imsreg verify` and `imsreg aka` end to end (issue 3 §4):
 * the real OpenIMSCore exchanges verify, the seeds without keys say what
 * they can and exit 2, and flows built here with our own keys are broken in
 * each known way, which the diagnosis must name. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <imsreg/auth.h>
#include <imsreg/buf.h>
#include <imsreg/codec.h>
#include "check.h"
#include "cli/auth_cmds.h"

/* ---- running a command with stdout captured ---------------------------- */

struct run {
	int status;
	char *out;   /* malloc'd, NUL-terminated */
};

typedef int (*cmd_fn)(int argc, char **argv);

static struct run run_cmd(cmd_fn fn, const char *const *args)
{
	struct run r = { -1, NULL };
	char *argv[32];
	int argc = 0;
	char path[] = "/tmp/imsreg-verify-test-XXXXXX";
	int fd = mkstemp(path);

	while (args[argc] && argc < 31) {
		argv[argc] = (char *)args[argc];
		argc++;
	}
	argv[argc] = NULL;
	if (fd < 0)
		return r;
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	dup2(fd, STDOUT_FILENO);
	r.status = fn(argc, argv);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	close(fd);
	size_t len;
	r.out = check_read_file(path, &len);
	unlink(path);
	if (!r.out)
		r.out = calloc(1, 1);
	return r;
}

/* Writes text to a temporary file whose name is returned (static). */
static const char *tmp_input(const char *text, size_t len)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/imsreg-verify-in-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	CHECK(write(fd, text, len) == (ssize_t)len);
	close(fd);
	return path;
}

static bool has(const struct run *r, const char *needle)
{
	bool ok = r->out && strstr(r->out, needle) != NULL;
	if (!ok)
		fprintf(stderr, "output lacks \"%s\":\n%s\n", needle, r->out ? r->out : "(none)");
	return ok;
}

/* ---- the real exchanges ---------------------------------------------------- */

#define OIC_DIR "../shared/corpus/captures/text/openimscore-aka/"
/* K = "alice" and 11 NULs, OP = 0 (OpenIMSCore defaults; corpus/captures/PROVENANCE.md). */
#define ALICE_K "616c6963650000000000000000000000"
#define ZERO_OP "00000000000000000000000000000000"

/* The 401 (02) and the REGISTER (01) with the Authorization the UE sent
 * after the challenge (03): the exchange of digest/vectors.tsv row
 * snl-openimscore-akav1-auth. */
static char *openimscore_exchange(size_t *len)
{
	size_t l1, l2, l3;
	char *reg = check_read_file(OIC_DIR "01-register-sec-agree.sip", &l1);
	char *chal = check_read_file(OIC_DIR "02-401-akav1-security-server.sip", &l2);
	char *auth = check_read_file(OIC_DIR "03-authorization-header.txt", &l3);
	struct buf b;
	buf_init(&b);
	if (reg && chal && auth) {
		char *line = strstr(reg, "Authorization:");
		char *eol = line ? strstr(line, "\r\n") : NULL;
		CHECK(eol != NULL);
		if (eol) {
			buf_append(&b, chal, l2);
			buf_puts(&b, "\r\n");
			buf_append(&b, reg, (size_t)(line - reg));
			buf_append(&b, auth, strcspn(auth, "\r\n"));
			buf_puts(&b, eol);
		}
	}
	free(reg);
	free(chal);
	free(auth);
	*len = b.len;
	char *out = b.len ? strdup(b.ptr) : NULL;
	buf_fini(&b);
	return out;
}

static void test_verify_openimscore_exchange_verifies(void)
{
	size_t len;
	char *text = openimscore_exchange(&len);
	CHECK(text != NULL);
	if (!text)
		return;
	const char *in = tmp_input(text, len);
	struct run r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", ALICE_K, "--op",
								   ZERO_OP, in, NULL });
	CHECK_INT_EQ(r.status, 0);
	/* the values of digest/vectors.tsv row snl-openimscore-akav1-auth */
	CHECK(has(&r, "RES: e577a279dabc714f"));
	CHECK(has(&r, "SQN: 0000000066f6"));
	CHECK(has(&r, "AUTN's MAC verifies: yes"));
	CHECK(has(&r, "HA1: e2d8bc16e9fdc2448fcf137db8448a51"));
	CHECK(has(&r, "expected response: 079d8ec52db706b0d3fa80a2e4003156"));
	CHECK(has(&r, "the response verifies"));
	free(r.out);

	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--json", "--k", ALICE_K, "--op",
						       ZERO_OP, in, NULL });
	CHECK_INT_EQ(r.status, 0);
	CHECK(r.out[0] == '{');
	CHECK(has(&r, "\"match\": true"));
	CHECK(has(&r, "\"res\": \"e577a279dabc714f\""));
	CHECK(has(&r, "\"exit\": 0"));
	free(r.out);

	/* the same exchange with another K: AUTN's MAC fails */
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", ALICE_K, "--opc", ZERO_OP,
						       in, NULL });
	CHECK_INT_EQ(r.status, 1);
	CHECK(has(&r, "AUTN's MAC verifies: no"));
	CHECK(has(&r, "taken as OP"));
	free(r.out);
	unlink(in);
	free(text);
}

/* The OpenIMSCore exchange's 401 and the Authorization line its UE sent
 * (both NULL unless both are read). */
static bool oic_401_and_auth(char **chal, size_t *l2, char **auth, size_t *l3)
{
	*chal = check_read_file(OIC_DIR "02-401-akav1-security-server.sip", l2);
	*auth = check_read_file(OIC_DIR "03-authorization-header.txt", l3);
	CHECK(*chal && *auth);
	if (*chal && *auth)
		return true;
	free(*chal);
	free(*auth);
	*chal = *auth = NULL;
	return false;
}

/* The 401 followed by only the Authorization line the UE sent (as people
 * paste them), and that line alone: taken as a REGISTER to its uri=. */
static void test_verify_bare_authorization_line(void)
{
	size_t l2, l3;
	char *chal, *auth;
	if (!oic_401_and_auth(&chal, &l2, &auth, &l3))
		return;
	struct buf b;
	buf_init(&b);
	buf_append(&b, chal, l2);
	buf_append(&b, auth, l3);
	const char *in = tmp_input(b.ptr, b.len);
	struct run r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", ALICE_K, "--op",
								   ZERO_OP, in, NULL });
	CHECK_INT_EQ(r.status, 0);
	CHECK(has(&r, "challenge (WWW-Authenticate)"));
	CHECK(has(&r, "the Authorization field (line 16) stands alone: it is taken as that of a "
		      "REGISTER to its uri=, without a body"));
	CHECK(has(&r, "match: yes"));
	free(r.out);
	unlink(in);
	buf_fini(&b);
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", ALICE_K, "--op", ZERO_OP,
						       OIC_DIR "03-authorization-header.txt", NULL });
	CHECK_INT_EQ(r.status, 0);
	CHECK(has(&r, "expected response: 079d8ec52db706b0d3fa80a2e4003156"));
	free(r.out);
	free(chal);
	free(auth);
}

/* The challenge, credentials and Authentication-Info lines grepped from a
 * log, each behind the log's prefix, no start line: each run is taken as
 * the message it came from (REGISTER, 401, REGISTER, 200), so the
 * credentials are judged against their challenge and the rspauth checked.
 * The expected rspauth was computed apart (Python hashlib: MD5 of HA1,
 * the nonce, nc, cnonce, qop and MD5(":" uri), RES e577a279dabc714f). */
static void test_verify_grepped_auth_lines_are_their_messages(void)
{
	size_t l2, l3;
	char *chal, *auth;
	if (!oic_401_and_auth(&chal, &l2, &auth, &l3))
		return;
	const char *www = strstr(chal, "WWW-Authenticate:");
	CHECK(www != NULL);
	if (!www)
		goto out;
	static const char pre[] = "Nov 23 10:00:01 pcscf kamailio[812]: ";
	static const char initial[] =
		"Authorization: Digest username=\"alice@ims.mnc001.mcc208.3gppnetwork.org\","
		"realm=\"ims.mnc001.mcc208.3gppnetwork.org\",nonce=\"\","
		"uri=\"sip:ims.mnc001.mcc208.3gppnetwork.org\",response=\"\"\n";
	static const char *const rspauth[] = { "91750f77953c32b3754448f41eb8e9b4",
					       "91750f77953c32b3754448f41eb8e9b5" };
	for (int bad = 0; bad < 2; bad++) {
		struct buf b;
		buf_init(&b);
		buf_puts(&b, pre);
		buf_puts(&b, initial);
		buf_puts(&b, pre);
		buf_append(&b, www, strcspn(www, "\r\n"));
		buf_puts(&b, "\n");
		buf_puts(&b, pre);
		buf_append(&b, auth, strcspn(auth, "\r\n"));
		buf_puts(&b, "\n");
		buf_printf(&b, "%sAuthentication-Info: qop=auth, rspauth=\"%s\", "
			       "cnonce=\"bcffc432c12c64e0\", nc=00000001\n", pre, rspauth[bad]);
		const char *in = tmp_input(b.ptr, b.len);
		struct run r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", ALICE_K,
									   "--op", ZERO_OP, in, NULL });
		CHECK_INT_EQ(r.status, bad);
		CHECK(has(&r, "messages read: 4"));
		CHECK(has(&r, "message: 2  (401 Unauthorized)"));
		CHECK(has(&r, "message: 3  (REGISTER sip:ims.mnc001.mcc208.3gppnetwork.org)"));
		CHECK(has(&r, "match: yes"));
		CHECK(has(&r, "expected rspauth: 91750f77953c32b3754448f41eb8e9b4"));
		CHECK(has(&r, "the WWW-Authenticate field (line 2) stands alone: it is taken as that "
			      "of a 401"));
		CHECK(has(&r, "the Authorization field (line 3) stands alone"));
		CHECK(has(&r, "the Authentication-Info field (line 4) stands alone: it is taken as "
			      "that of a 200"));
		CHECK(has(&r, bad ? "the rspauth of the 200's Authentication-Info (message 4) does not "
				    "verify"
				  : "the response verifies"));
		free(r.out);
		unlink(in);
		buf_fini(&b);
	}

	/* a Proxy-Authenticate with the credentials of a MESSAGE (its CSeq's
	 * method): a 407, and HA2 over MESSAGE; no keys, so exit 2 */
	static const char proxy[] =
		"Proxy-Authenticate: Digest realm=\"b.example\", nonce=\"abc\", qop=\"auth\"\n"
		"CSeq: 7 MESSAGE\n"
		"Proxy-Authorization: Digest username=\"u@b.example\",realm=\"b.example\",nonce=\"abc\","
		"uri=\"sip:bob@b.example\",response=\"0123456789abcdef0123456789abcdef\",qop=auth,"
		"nc=00000001,cnonce=\"c\"\n";
	const char *in = tmp_input(proxy, sizeof proxy - 1);
	struct run r = run_cmd(cmd_verify, (const char *const[]){ "verify", in, NULL });
	CHECK_INT_EQ(r.status, 2);
	CHECK(has(&r, "message: 1  (407 Proxy Authentication Required)"));
	CHECK(has(&r, "message: 2  (MESSAGE sip:bob@b.example)"));
	CHECK(has(&r, "the Proxy-Authorization field (line 3) stands alone: it is taken as that of "
		      "a MESSAGE to its uri="));
	/* each is titled with the header it came in, not the 401's and REGISTER's */
	CHECK(has(&r, "challenge (Proxy-Authenticate)"));
	CHECK(has(&r, "credentials (Proxy-Authorization)"));
	CHECK(!has(&r, "(WWW-Authenticate)") && !has(&r, "credentials (Authorization)"));
	free(r.out);
	unlink(in);
out:
	free(chal);
	free(auth);
}

static void test_verify_sipandlove_stream_auth_int_verifies(void)
{
	struct run r = run_cmd(cmd_verify, (const char *const[]){
		"verify", "--k", ALICE_K, "--op", ZERO_OP,
		"../shared/corpus/captures/text/sipandlove/o.txt", NULL });
	CHECK_INT_EQ(r.status, 0);
	/* digest/vectors.tsv row snl-openimscore-akav1-auth-int */
	CHECK(has(&r, "RES: 2826f85298d81158"));
	CHECK(has(&r, "HA2: fda4365f16b2f80aadba001a22037a68"));
	CHECK(has(&r, "expected response: af96a1f041837c837c2a1ab2f2e75f87"));
	free(r.out);
}

/* The seeds carry AKA credentials but no keys: verify shows RAND and the
 * AUTN split, and says it needs K (exit 2). */
static void seed_without_keys(const char *path, const char *nonce_b64)
{
	uint8_t raw[64];
	char hex[33];
	int n = base64_decode(raw, sizeof raw, slice_cstr(nonce_b64));
	CHECK(n >= 32);
	struct run r = run_cmd(cmd_verify, (const char *const[]){ "verify", path, NULL });
	CHECK_INT_EQ(r.status, 2);
	hex_encode(hex, raw, 16);
	CHECK(has(&r, hex)); /* RAND */
	hex_encode(hex, raw + 16, 6);
	CHECK(has(&r, hex)); /* SQN^AK */
	hex_encode(hex, raw + 22, 2);
	char amf[48];
	snprintf(amf, sizeof amf, "AMF: %s", hex);
	CHECK(has(&r, amf));
	CHECK(has(&r, "K and OPc (or OP) are needed"));
	free(r.out);
}

static void test_verify_seeds_without_keys_exit_2(void)
{
	seed_without_keys("../shared/fixtures/seed/ex3-sms-volte-capability.pasted.txt",
			  "fn3iiH1LnWqCtFyPUD8qzYxfiiVavYAAmfcxByxmhBg=");
	/* ex3 says realm="TestIMS.com" for an IMPI of test.3gpp.com */
	struct run w = run_cmd(cmd_verify, (const char *const[]){
		"verify", "../shared/fixtures/seed/ex3-sms-volte-capability.pasted.txt", NULL });
	CHECK(has(&w, "realm=\"TestIMS.com\" is not the domain of the IMPI"));
	free(w.out);
	seed_without_keys("../shared/fixtures/seed/ex4-aka-authorization.pasted.txt",
			  "DtIe00txvoZUGvYmjgX98eAPJNjx3IAADsM84A8kWPE=");
	/* an initial REGISTER (empty nonce) alone cannot be verified either */
	struct run r = run_cmd(cmd_verify, (const char *const[]){
		"verify", "--k", ALICE_K, "--op", ZERO_OP, OIC_DIR "01-register-sec-agree.sip", NULL });
	CHECK_INT_EQ(r.status, 2);
	free(r.out);
}

/* ---- flows built here -------------------------------------------------- */

static const char net_k[] = "000102030405060708090a0b0c0d0e0f";
static const char net_opc[] = "0f0e0d0c0b0a09080706050403020100";
static const char other_k[] = "ff0102030405060708090a0b0c0d0e0f";

enum pw_mode { PW_RIGHT, PW_RES_HEX, PW_OTHER_AKA, PW_EMPTY };

/* One way of answering the challenge: what the Authorization says and what
 * was hashed, where they may differ. NULL hash fields: as said. */
struct flow {
	const char *algo;              /* AKAv1-MD5 (default) or AKAv2-MD5 */
	const char *user, *user_hash;
	const char *realm, *realm_hash;
	const char *uri, *uri_hash;
	const char *qop, *qop_hash;    /* "" for none */
	const char *nc, *nc_hash;
	const char *cnonce, *cnonce_hash;
	const char *method_hash;
	enum pw_mode pw;
	const char *ue_k;              /* the UE's K (default: the network's) */
	bool sync_failure;             /* the UE's SQN_MS is ahead: auts */
	bool mac_failure;              /* empty response, no auts */
	uint64_t sqn, sqn_ms;
	const char *body;              /* the REGISTER's body (auth-int hashes it) */
	int ok200;                     /* 1: a 200 with the right rspauth, 2: a wrong one */
};

#define REALM "ims.mnc001.mcc001.3gppnetwork.org"
#define IMPI "001010000012345@" REALM
#define RAND_HEX "23553cbe9637a89d218ae64dae47bf35"

static const char *or_(const char *a, const char *b)
{
	return a ? a : b;
}

/* A 401 and the REGISTER answering it, built with the auth layer. */
static char *flow_build(const struct flow *f)
{
	struct milenage net = { 0 }, ue = { 0 };
	uint8_t k[16], opc[16], uek[16], rand[16], amf[2] = { 0x80, 0x00 };
	struct aka_vector vec;
	char nonce[NONCE_TEXT_MAX], resp[DIGEST_HEX_MAX] = "";
	uint8_t pw[DIGEST_AKA_PASSWORD_MAX];
	char pwhex[17];
	struct buf b;
	enum digest_algo algo = DIGEST_AKAV1_MD5;

	buf_init(&b);
	if (f->algo)
		CHECK_INT_EQ(digest_algo_lookup(slice_cstr(f->algo), &algo), 0);
	CHECK_INT_EQ(auth_hex_parse(k, 16, net_k), 0);
	CHECK_INT_EQ(auth_hex_parse(uek, 16, or_(f->ue_k, net_k)), 0);
	CHECK_INT_EQ(auth_hex_parse(opc, 16, net_opc), 0);
	CHECK_INT_EQ(auth_hex_parse(rand, 16, RAND_HEX), 0);
	CHECK_INT_EQ(milenage_init(&net, k, opc), 0);
	CHECK_INT_EQ(milenage_init(&ue, uek, opc), 0);
	CHECK_INT_EQ(aka_vector_build(&vec, &net, rand, f->sqn ? f->sqn : 0x40, amf), 0);
	CHECK(aka_nonce_encode(nonce, sizeof nonce, vec.rand, vec.autn, NULL, 0) > 0);

	/* the UE side */
	struct aka_ue_result ur;
	CHECK(aka_ue_check(&ur, &ue, NULL, vec.rand, vec.autn) >= 0);
	enum digest_algo pw_algo = algo;
	if (f->pw == PW_OTHER_AKA)
		pw_algo = algo == DIGEST_AKAV1_MD5 ? DIGEST_AKAV2_MD5 : DIGEST_AKAV1_MD5;
	int pwlen = digest_aka_password(pw, pw_algo, ur.res, sizeof ur.res, ur.ik, ur.ck);
	CHECK(pwlen > 0);
	struct slice password = slice_make((const char *)pw, (size_t)pwlen);
	if (f->pw == PW_RES_HEX) {
		hex_encode(pwhex, ur.res, 8);
		password = slice_make(pwhex, 16);
	}
	if (f->pw == PW_EMPTY || f->sync_failure)
		password = slice_make("", 0);

	const char *qop = or_(f->qop, "auth");
	struct digest_params p = {
		.algo = algo,
		.username = slice_cstr(or_(f->user_hash, or_(f->user, IMPI))),
		.realm = slice_cstr(or_(f->realm_hash, or_(f->realm, REALM))),
		.password = password,
		.method = slice_cstr(or_(f->method_hash, "REGISTER")),
		.uri = slice_cstr(or_(f->uri_hash, or_(f->uri, "sip:" REALM))),
		.nonce = slice_cstr(nonce),
		.nc = slice_cstr(or_(f->nc_hash, or_(f->nc, "00000001"))),
		.cnonce = slice_cstr(or_(f->cnonce_hash, or_(f->cnonce, "0a4f113b"))),
		.body = slice_cstr(or_(f->body, "")),
	};
	CHECK_INT_EQ(digest_qop_lookup(*or_(f->qop_hash, qop) ? slice_cstr(or_(f->qop_hash, qop))
								 : SLICE_NULL,
				       &p.qop),
		     0);
	if (!f->mac_failure)
		CHECK(digest_response(&p, resp) > 0);

	buf_printf(&b,
		   "SIP/2.0 401 Unauthorized\r\n"
		   "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1;rport=5060\r\n"
		   "From: <sip:+15551234567@" REALM ">;tag=a1\r\n"
		   "To: <sip:+15551234567@" REALM ">;tag=b2\r\n"
		   "Call-ID: flow@192.0.2.10\r\n"
		   "CSeq: 1 REGISTER\r\n"
		   "WWW-Authenticate: Digest realm=\"" REALM "\", nonce=\"%s\", algorithm=%s, "
		   "qop=\"auth,auth-int\"\r\n"
		   "Content-Length: 0\r\n\r\n",
		   nonce, digest_algo_name(algo));
	buf_printf(&b,
		   "REGISTER sip:" REALM " SIP/2.0\r\n"
		   "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK2;rport\r\n"
		   "Max-Forwards: 70\r\n"
		   "From: <sip:+15551234567@" REALM ">;tag=a1\r\n"
		   "To: <sip:+15551234567@" REALM ">\r\n"
		   "Call-ID: flow@192.0.2.10\r\n"
		   "CSeq: 2 REGISTER\r\n"
		   "Contact: <sip:+15551234567@192.0.2.10:5060>;expires=600000\r\n"
		   "Authorization: Digest username=\"%s\", realm=\"%s\", nonce=\"%s\", uri=\"%s\", "
		   "response=\"%s\", algorithm=%s",
		   or_(f->user, IMPI), or_(f->realm, REALM), nonce, or_(f->uri, "sip:" REALM), resp,
		   digest_algo_name(algo));
	if (*qop)
		buf_printf(&b, ", qop=%s, nc=%s, cnonce=\"%s\"", qop, or_(f->nc, "00000001"),
			   or_(f->cnonce, "0a4f113b"));
	if (f->sync_failure) {
		uint8_t auts[AUTH_AUTS_LEN];
		char b64[32];
		CHECK_INT_EQ(aka_auts_build(auts, &ue, vec.rand, f->sqn_ms), 0);
		base64_encode(b64, auts, sizeof auts);
		buf_printf(&b, ", auts=\"%s\"", b64);
	}
	buf_printf(&b, "\r\nContent-Length: %zu\r\n\r\n%s", strlen(or_(f->body, "")),
		   or_(f->body, ""));
	if (f->ok200) {
		char rsp[DIGEST_HEX_MAX];
		CHECK(digest_rspauth(&p, rsp) > 0);
		if (f->ok200 == 2)
			rsp[0] = rsp[0] == '0' ? '1' : '0';
		buf_printf(&b,
			   "SIP/2.0 200 OK\r\n"
			   "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK2;rport=5060\r\n"
			   "From: <sip:+15551234567@" REALM ">;tag=a1\r\n"
			   "To: <sip:+15551234567@" REALM ">;tag=b3\r\n"
			   "Call-ID: flow@192.0.2.10\r\n"
			   "CSeq: 2 REGISTER\r\n"
			   "Authentication-Info: rspauth=\"%s\", qop=%s, nc=%s, cnonce=\"%s\"\r\n"
			   "Content-Length: 0\r\n\r\n",
			   rsp, qop, or_(f->nc, "00000001"), or_(f->cnonce, "0a4f113b"));
	}

	milenage_fini(&net);
	milenage_fini(&ue);
	auth_wipe(&vec, sizeof vec);
	auth_wipe(&ur, sizeof ur);
	char *out = strdup(b.ptr);
	buf_fini(&b);
	return out;
}

/* Runs verify with the network's keys (or other args) on a flow. */
static struct run flow_verify(const struct flow *f, const char *k, const char *opc_opt,
			      const char *opc)
{
	char *text = flow_build(f);
	const char *in = tmp_input(text, strlen(text));
	struct run r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", k, opc_opt, opc,
								   in, NULL });
	unlink(in);
	free(text);
	return r;
}

static void flow_case(const char *name, const struct flow *f, int want_status, const char *want)
{
	struct run r = flow_verify(f, net_k, "--opc", net_opc);
	if (getenv("VERIFY_TEST_SHOW")) /* to read the diagnoses */
		fprintf(stderr, "==== case %s (exit %d)\n%s", name, r.status, r.out);
	if (r.status != want_status)
		fprintf(stderr, "case %s:\n%s\n", name, r.out);
	CHECK_INT_EQ(r.status, want_status);
	if (want)
		CHECK(has(&r, want));
	if (want_status == 0)
		CHECK(strstr(r.out, "likely cause") == NULL);
	free(r.out);
}

static void test_verify_flow_right_answers_verify(void)
{
	flow_case("right AKAv1", &(struct flow){ 0 }, 0, "the response verifies");
	flow_case("right AKAv2", &(struct flow){ .algo = "AKAv2-MD5" }, 0, "the response verifies");
	flow_case("right, no qop", &(struct flow){ .qop = "" }, 0, "the response verifies");
	/* the 200's Authentication-Info: the network's rspauth is checked too */
	flow_case("right rspauth", &(struct flow){ .ok200 = 1 }, 0, "network's rspauth");
	flow_case("wrong rspauth", &(struct flow){ .ok200 = 2 }, 1,
		  "the rspauth of the 200's Authentication-Info (message 3) does not verify");
	flow_case("right, auth-int", &(struct flow){ .qop = "auth-int" }, 0,
		  "H(method:uri:H(body))");
	/* wire form is taken byte for byte: a body with bare LFs hashes as sent */
	flow_case("right, auth-int over a body",
		  &(struct flow){ .qop = "auth-int", .body = "line one\nline two\r\n\nend" }, 0,
		  "match: yes");
	flow_case("auth hashed, auth-int sent, with a body",
		  &(struct flow){ .qop = "auth-int", .body = "x", .qop_hash = "auth" }, 1,
		  "qop not as sent: the response was computed with qop=auth while");
}

static void test_verify_flow_names_each_known_mistake(void)
{
	flow_case("realm hashed, unknown", &(struct flow){ .realm_hash = "ims.example.net" }, 1,
		  "no known mistake reproduces the UE's response: the UE's RES differs");
	flow_case("realm from the IMPU domain",
		  &(struct flow){ .user = "001010000012345@ims.example.net",
				  .realm_hash = "ims.example.net" },
		  1, "wrong realm in HA1: the response was computed with realm \"ims.example.net\"");
	flow_case("realm sent differs", &(struct flow){ .realm = "ims.example.net" }, 1,
		  "wrong realm: the Authorization says realm=\"ims.example.net\"");
	flow_case("uri", &(struct flow){ .uri = "sip:pcscf.example.net", .uri_hash = "sip:" REALM },
		  1, "wrong uri in HA2: the response was computed with uri \"sip:" REALM
		     "\" (the Request-URI)");
	flow_case("RES as hex", &(struct flow){ .pw = PW_RES_HEX }, 1, "RES taken as hex text");
	flow_case("AKAv2 for AKAv1", &(struct flow){ .pw = PW_OTHER_AKA }, 1,
		  "AKAv1 vs AKAv2: the response was computed as AKAv2-MD5");
	flow_case("AKAv1 for AKAv2", &(struct flow){ .algo = "AKAv2-MD5", .pw = PW_OTHER_AKA }, 1,
		  "AKAv1 vs AKAv2: the response was computed as AKAv1-MD5");
	flow_case("no qop hashed", &(struct flow){ .qop_hash = "" }, 1,
		  "qop not as sent: the response was computed without qop");
	flow_case("auth-int hashed", &(struct flow){ .qop_hash = "auth-int" }, 1,
		  "qop not as sent: the response was computed with qop=auth-int");
	flow_case("nc", &(struct flow){ .nc = "00000002", .nc_hash = "00000001" }, 1,
		  "nc not as sent: the response was computed with nc=00000001");
	flow_case("cnonce", &(struct flow){ .cnonce_hash = "" }, 1,
		  "cnonce not as sent: the response was computed with cnonce=\"\"");
	flow_case("username IMPU hashed", &(struct flow){ .user_hash = "+15551234567@" REALM }, 1,
		  "username not the IMPI: HA1 was computed with \"+15551234567@" REALM "\"");
	flow_case("username IMPU sent", &(struct flow){ .user = "sip:+15551234567@" REALM }, 1,
		  "username not the IMPI: username=\"sip:+15551234567@" REALM "\" is a public");
	flow_case("method", &(struct flow){ .method_hash = "" }, 1,
		  "wrong method in HA2: the response was computed with method \"\"");
}

static void test_verify_flow_key_and_sqn_failures(void)
{
	/* the UE's K differs: it rejects AUTN and answers with an empty response */
	flow_case("UE MAC failure", &(struct flow){ .ue_k = other_k, .mac_failure = true }, 1,
		  "it found AUTN's MAC wrong");
	/* the same, read with the UE's keys (not the network's): the MAC
	 * fails with them too, and the empty response is the UE's report */
	struct run rm = flow_verify(&(struct flow){ .ue_k = other_k, .mac_failure = true }, other_k, "--opc",
				    net_opc);
	CHECK_INT_EQ(rm.status, 1);
	CHECK(has(&rm, "it reports that its SIM found AUTN's MAC wrong"));
	CHECK(has(&rm, "these are not the network's keys"));
	free(rm.out);
	/* the user gives another K than the network's */
	struct run r = flow_verify(&(struct flow){ 0 }, other_k, "--opc", net_opc);
	CHECK_INT_EQ(r.status, 1);
	CHECK(has(&r, "AUTN's MAC verifies: no"));
	CHECK(has(&r, "K or OPc/OP differ from the network's"));
	free(r.out);
	/* OPc given as OP */
	r = flow_verify(&(struct flow){ 0 }, net_k, "--op", net_opc);
	CHECK_INT_EQ(r.status, 1);
	CHECK(has(&r, "the value given with --op is taken as OPc"));
	free(r.out);
	/* an old SQN: the UE is at SQN_MS 0x200 (SEQ 16), the network sends SEQ 2 */
	flow_case("old SQN", &(struct flow){ .sqn = 0x40, .sqn_ms = 0x200, .sync_failure = true }, 1,
		  "SQN out of range: the challenge's SQN 64 (SEQ 2) is not above the UE's SQN_MS "
		  "512 (SEQ 16); resync expected");
	r = flow_verify(&(struct flow){ .sqn = 0x40, .sqn_ms = 0x200, .sync_failure = true }, net_k,
			"--opc", net_opc);
	CHECK(has(&r, "SQN_MS: 000000000200"));
	CHECK(has(&r, "MAC-S verifies: yes"));
	free(r.out);
	/* auts from a UE with another K: MAC-S fails */
	flow_case("auts other K",
		  &(struct flow){ .ue_k = other_k, .sqn_ms = 0x200, .sync_failure = true }, 1,
		  "auts's MAC-S does not verify");
}

/* A 401 loop: the UE answers the first challenge with auts (its SQN is
 * ahead), the network resynchronises and the second round verifies. Every
 * round is judged; the last one decides the exit status. */
static void test_verify_rounds_of_a_resync_loop(void)
{
	char *a = flow_build(&(struct flow){ .sqn = 0x40, .sqn_ms = 0x200, .sync_failure = true });
	char *b = flow_build(&(struct flow){ .sqn = 0x220 });
	char *bad = flow_build(&(struct flow){ .sqn = 0x240, .pw = PW_RES_HEX });
	struct buf t;
	buf_init(&t);
	buf_puts(&t, a);
	buf_puts(&t, b);
	const char *in = tmp_input(t.ptr, t.len);
	struct run r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", net_k, "--opc",
								   net_opc, in, NULL });
	if (getenv("VERIFY_TEST_SHOW"))
		fprintf(stderr, "==== resync loop (exit %d)\n%s", r.status, r.out);
	CHECK_INT_EQ(r.status, 0);
	CHECK(has(&r, "SQN: 000000000220"));
	CHECK(has(&r, "earlier rounds"));
	CHECK(has(&r, "message 2: exit 1: the UE reports a synchronisation failure"));
	CHECK(has(&r, "resync expected"));
	CHECK(has(&r, "network resynchronised: yes"));
	free(r.out);
	unlink(in);

	/* the network ignores the auts: the next challenge is still behind */
	char *again = flow_build(&(struct flow){ .sqn = 0x60, .sqn_ms = 0x200, .sync_failure = true });
	struct buf l;
	buf_init(&l);
	buf_puts(&l, a);
	buf_puts(&l, again);
	in = tmp_input(l.ptr, l.len);
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", net_k, "--opc", net_opc, in,
						       NULL });
	CHECK_INT_EQ(r.status, 1);
	CHECK(has(&r, "network resynchronised: no"));
	CHECK(has(&r, "the network did not resynchronise: this challenge's SQN 96 (SEQ 3)"));
	CHECK(has(&r, "the registration loops on 401"));
	free(r.out);
	unlink(in);
	buf_fini(&l);
	free(again);

	/* then a third round that hashes RES as hex: the last round fails */
	buf_puts(&t, bad);
	in = tmp_input(t.ptr, t.len);
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--json", "--k", net_k, "--opc",
						       net_opc, in, NULL });
	CHECK_INT_EQ(r.status, 1);
	CHECK(has(&r, "RES taken as hex text"));
	CHECK(has(&r, "\"earlier_rounds\": ["));
	CHECK(has(&r, "\"message\": 4,\n      \"exit\": 0"));
	free(r.out);
	unlink(in);
	buf_fini(&t);
	free(a);
	free(b);
	free(bad);
}

/* ---- plain Digest: RFC 7616 §3.9.1 in SIP messages --------------------- */

/* Field `col` (0-based) of the row `id` of a TSV file, into out. */
static bool tsv_field(const char *path, const char *id, int col, char *out, size_t cap)
{
	size_t len;
	char *data = check_read_file(path, &len);
	bool ok = false;
	if (!data)
		return false;
	size_t idl = strlen(id);
	for (char *line = data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (strncmp(line, id, idl) == 0 && line[idl] == '\t') {
			char *p = line;
			for (int i = 0; i < col && p; i++) {
				p = strchr(p, '\t');
				if (p)
					p++;
			}
			if (p) {
				size_t n = strcspn(p, "\t\r\n");
				if (n < cap) {
					memcpy(out, p, n);
					out[n] = '\0';
					ok = true;
				}
			}
			break;
		}
		line = nl ? nl + 1 : NULL;
	}
	free(data);
	return ok;
}

#define DIGEST_TSV "../shared/corpus/digest/vectors.tsv"
/* vectors.tsv columns */
enum { C_ALGO = 2, C_USER = 3, C_REALM = 5, C_PASSWORD = 6, C_METHOD = 7, C_URI = 8,
       C_NONCE = 9, C_NC = 10, C_CNONCE = 11, C_QOP = 12, C_OPAQUE = 13, C_HA1 = 14,
       C_RESPONSE = 16 };

static void digest_vector_case(const char *id)
{
	char v[17][128];
	static const int cols[] = { C_ALGO, C_USER, C_REALM, C_PASSWORD, C_METHOD, C_URI, C_NONCE,
				    C_NC, C_CNONCE, C_QOP, C_OPAQUE, C_HA1, C_RESPONSE };
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		CHECK(tsv_field(DIGEST_TSV, id, cols[i], v[cols[i]], sizeof v[0]));
	struct buf b;
	buf_init(&b);
	buf_printf(&b,
		   "SIP/2.0 401 Unauthorized\r\n"
		   "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK9\r\n"
		   "From: <sip:Mufasa@example.org>;tag=1\r\nTo: <sip:Mufasa@example.org>;tag=2\r\n"
		   "Call-ID: d@192.0.2.1\r\nCSeq: 1 %s\r\n"
		   "WWW-Authenticate: Digest realm=\"%s\", qop=\"auth, auth-int\", algorithm=%s, "
		   "nonce=\"%s\", opaque=\"%s\"\r\nContent-Length: 0\r\n\r\n",
		   v[C_METHOD], v[C_REALM], v[C_ALGO], v[C_NONCE], v[C_OPAQUE]);
	buf_printf(&b,
		   "%s sip:Mufasa@example.org SIP/2.0\r\n"
		   "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK10\r\n"
		   "From: <sip:Mufasa@example.org>;tag=1\r\nTo: <sip:Mufasa@example.org>\r\n"
		   "Call-ID: d@192.0.2.1\r\nCSeq: 2 %s\r\n"
		   "Authorization: Digest username=\"%s\", realm=\"%s\", uri=\"%s\", algorithm=%s, "
		   "nonce=\"%s\", nc=%s, cnonce=\"%s\", qop=%s, response=\"%s\", opaque=\"%s\"\r\n"
		   "Content-Length: 0\r\n\r\n",
		   v[C_METHOD], v[C_METHOD], v[C_USER], v[C_REALM], v[C_URI], v[C_ALGO], v[C_NONCE],
		   v[C_NC], v[C_CNONCE], v[C_QOP], v[C_RESPONSE], v[C_OPAQUE]);
	const char *in = tmp_input(b.ptr, b.len);
	char expected[160];
	snprintf(expected, sizeof expected, "expected response: %s", v[C_RESPONSE]);

	struct run r = run_cmd(cmd_verify,
			       (const char *const[]){ "verify", "--password", v[C_PASSWORD], in, NULL });
	CHECK_INT_EQ(r.status, 0);
	CHECK(has(&r, expected));
	free(r.out);

	/* RFC 2617 spelling of the password: wrong */
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--password", "Circle Of Life", in,
						       NULL });
	CHECK_INT_EQ(r.status, 1);
	CHECK(has(&r, "the password differs from the one given"));
	free(r.out);

	/* the HA1 a server stores instead of the password */
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--ha1", v[C_HA1], in, NULL });
	CHECK_INT_EQ(r.status, 0);
	CHECK(has(&r, expected));
	free(r.out);
	char wrong[128];
	snprintf(wrong, sizeof wrong, "%s", v[C_HA1]);
	wrong[0] = wrong[0] == '0' ? '1' : '0';
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--ha1", wrong, in, NULL });
	CHECK_INT_EQ(r.status, 1);
	CHECK(has(&r, "the HA1 stored for this user and realm"));
	free(r.out);

	/* no password: cannot decide */
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--json", in, NULL });
	CHECK_INT_EQ(r.status, 2);
	CHECK(has(&r, "\"needs\": \"this is a plain Digest exchange"));
	free(r.out);
	unlink(in);
	buf_fini(&b);
}

static void test_verify_digest_rfc7616_md5_and_sha256(void)
{
	digest_vector_case("rfc7616-3.9.1-md5");
	digest_vector_case("rfc7616-3.9.1-sha256");
}

static void test_verify_rejects_unreadable_input_and_bad_options(void)
{
	const char *in = tmp_input("hello\nworld\n", 12);
	struct run r = run_cmd(cmd_verify, (const char *const[]){ "verify", in, NULL });
	CHECK_INT_EQ(r.status, 2);
	free(r.out);
	unlink(in);
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", "0011", "--opc", net_opc,
						       "/dev/null", NULL });
	CHECK_INT_EQ(r.status, 2);
	free(r.out);
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "--k", net_k, "/dev/null", NULL });
	CHECK_INT_EQ(r.status, 2);
	free(r.out);
	r = run_cmd(cmd_verify, (const char *const[]){ "verify", "/nonexistent/file", NULL });
	CHECK_INT_EQ(r.status, 2);
	free(r.out);
}

/* ---- the key options ------------------------------------------------------ */

static void test_hex_parse_table(void)
{
	static const struct {
		const char *text;
		int want;            /* octets, or -EINVAL */
		uint8_t first, last;
	} cases[] = {
		{ "0011", 2, 0x00, 0x11 },
		{ "0xA0b1", 2, 0xa0, 0xb1 },
		{ "de:ad-be ef", 4, 0xde, 0xef },
		{ "abc", -EINVAL, 0, 0 },       /* odd number of digits */
		{ "0g", -EINVAL, 0, 0 },        /* not hex */
		{ "", -EINVAL, 0, 0 },          /* nothing */
		{ "0x", -EINVAL, 0, 0 },
		{ "001122334455", 6, 0x00, 0x55 },
		{ "00112233445566", -EINVAL, 0, 0 }, /* 7 octets into 6 */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint8_t out[6] = { 0 };
		int got = auth_hex_parse_var(out, sizeof out, cases[i].text);
		CHECK_INT_EQ(got, cases[i].want);
		if (got > 0) {
			CHECK_INT_EQ(out[0], cases[i].first);
			CHECK_INT_EQ(out[got - 1], cases[i].last);
		}
	}
	uint8_t k[16];
	CHECK_INT_EQ(auth_hex_parse(k, 16, net_k), 0);
	CHECK_INT_EQ(k[15], 0x0f);
	CHECK_INT_EQ(auth_hex_parse(k, 16, "0011"), -EINVAL); /* too short for K */
}

static void test_keys_options_take_both_forms_and_refuse_op_twice(void)
{
	struct auth_keys keys;
	memset(&keys, 0, sizeof keys);
	char *argv[] = { "verify", "--k=" "000102030405060708090a0b0c0d0e0f", "--opc", (char *)net_opc,
			 "--op", (char *)net_opc, "--amf", "80", "--other", NULL };
	int argc = 9, i = 1;
	CHECK_INT_EQ(auth_keys_option(&keys, argc, argv, &i), 1);
	CHECK(keys.has_k);
	i = 2;
	CHECK_INT_EQ(auth_keys_option(&keys, argc, argv, &i), 1);
	CHECK_INT_EQ(i, 3); /* moved past the value */
	CHECK(keys.has_op && keys.op_is_opc);
	i = 4;
	CHECK_INT_EQ(auth_keys_option(&keys, argc, argv, &i), -EINVAL); /* OP after OPc */
	i = 6;
	CHECK_INT_EQ(auth_keys_option(&keys, argc, argv, &i), -EINVAL); /* AMF is 2 octets */
	i = 8;
	CHECK_INT_EQ(auth_keys_option(&keys, argc, argv, &i), 0);       /* not a key option */
	char *tail[] = { "aka", "--k", NULL };
	i = 1;
	CHECK_INT_EQ(auth_keys_option(&keys, 2, tail, &i), -EINVAL);    /* no value */
	auth_keys_wipe(&keys);
	CHECK(!keys.has_k);
}

/* ---- imsreg aka ------------------------------------------------------------ */

#define MILENAGE_TSV "../shared/corpus/milenage/vectors.tsv"
enum { M_K = 1, M_RAND, M_SQN, M_AMF, M_OP, M_OPC, M_F1, M_F1S, M_F2, M_F5, M_F3, M_F4, M_F5S };

static void test_aka_vector_matches_ts35208_sets(void)
{
	static const char *sets[] = { "TS35.207-set1", "TS35.207-set2" };
	for (size_t s = 0; s < 2; s++) {
		char v[14][40];
		for (int c = M_K; c <= M_F5S; c++)
			CHECK(tsv_field(MILENAGE_TSV, sets[s], c, v[c], sizeof v[c]));
		struct run r = run_cmd(cmd_aka, (const char *const[]){
			"aka", "--k", v[M_K], "--op", v[M_OP], "--rand", v[M_RAND], "--sqn",
			v[M_SQN], "--amf", v[M_AMF], NULL });
		CHECK_INT_EQ(r.status, 0);
		char want[160];
		snprintf(want, sizeof want, "OPc: %s", v[M_OPC]);
		CHECK(has(&r, want));
		snprintf(want, sizeof want, "XRES: %s", v[M_F2]);
		CHECK(has(&r, want));
		snprintf(want, sizeof want, "CK: %s", v[M_F3]);
		CHECK(has(&r, want));
		snprintf(want, sizeof want, "IK: %s", v[M_F4]);
		CHECK(has(&r, want));
		snprintf(want, sizeof want, "AK: %s", v[M_F5]);
		CHECK(has(&r, want));
		/* AUTN = SQN ^ AK || AMF || MAC-A */
		uint8_t sqn[6], ak[6];
		CHECK_INT_EQ(auth_hex_parse(sqn, 6, v[M_SQN]), 0);
		CHECK_INT_EQ(auth_hex_parse(ak, 6, v[M_F5]), 0);
		for (int i = 0; i < 6; i++)
			sqn[i] ^= ak[i];
		char x[13];
		hex_encode(x, sqn, 6);
		snprintf(want, sizeof want, "AUTN: %s%s%s", x, v[M_AMF], v[M_F1]);
		CHECK(has(&r, want));
		free(r.out);

		/* AUTS: SQN_MS ^ AK* || f1* with AMF 0000; checked and recovered */
		r = run_cmd(cmd_aka, (const char *const[]){ "aka", "auts", "--k", v[M_K], "--opc",
							    v[M_OPC], "--rand", v[M_RAND], "--sqn-ms",
							    v[M_SQN], "--json", NULL });
		CHECK_INT_EQ(r.status, 0);
		snprintf(want, sizeof want, "\"ak_star\": \"%s\"", v[M_F5S]);
		CHECK(has(&r, want));
		char *a = strstr(r.out, "\"auts\": \"");
		CHECK(a != NULL);
		char b64[32] = "";
		if (a)
			sscanf(a + 9, "%31[^\"]", b64);
		free(r.out);
		r = run_cmd(cmd_aka, (const char *const[]){ "aka", "auts", "--k", v[M_K], "--opc",
							    v[M_OPC], "--rand", v[M_RAND], "--auts",
							    b64, NULL });
		CHECK_INT_EQ(r.status, 0);
		snprintf(want, sizeof want, "SQN_MS: %s", v[M_SQN]);
		CHECK(has(&r, want));
		CHECK(has(&r, "MAC-S verifies: yes"));
		free(r.out);
		r = run_cmd(cmd_aka, (const char *const[]){ "aka", "auts", "--k", other_k, "--opc",
							    v[M_OPC], "--rand", v[M_RAND], "--auts",
							    b64, NULL });
		CHECK_INT_EQ(r.status, 1);
		CHECK(has(&r, "MAC-S verifies: no"));
		free(r.out);
	}
}

/* The 401 that `imsreg aka` prints reproduces the real OpenIMSCore nonce. */
static void test_aka_nonce_and_header_line(void)
{
	struct run r = run_cmd(cmd_aka, (const char *const[]){
		"aka", "--k", ALICE_K, "--op", ZERO_OP, "--rand", "281767232a694794f5bf8c2caf40c220",
		"--sqn", "0000000066f6", "--realm", "ims.mnc001.mcc208.3gppnetwork.org", NULL });
	CHECK_INT_EQ(r.status, 0);
	CHECK(has(&r, "nonce: KBdnIyppR5T1v4wsr0DCIKvGvtjeMAAAAbJwt4v710I="));
	CHECK(has(&r, "WWW-Authenticate: Digest realm=\"ims.mnc001.mcc208.3gppnetwork.org\", "
		      "nonce=\"KBdnIyppR5T1v4wsr0DCIKvGvtjeMAAAAbJwt4v710I=\", algorithm=AKAv1-MD5"));
	free(r.out);
	/* a random RAND each time when none is given */
	struct run a = run_cmd(cmd_aka, (const char *const[]){ "aka", "--k", ALICE_K, "--op",
							       ZERO_OP, "--json", NULL });
	struct run b = run_cmd(cmd_aka, (const char *const[]){ "aka", "--k", ALICE_K, "--op",
							       ZERO_OP, "--json", NULL });
	CHECK_INT_EQ(a.status, 0);
	CHECK_INT_EQ(b.status, 0);
	char *ra = strstr(a.out, "\"rand\"");
	char *rb = strstr(b.out, "\"rand\"");
	CHECK(ra && rb && strncmp(ra, rb, 44) != 0);
	free(a.out);
	free(b.out);
	r = run_cmd(cmd_aka, (const char *const[]){ "aka", "--k", ALICE_K, NULL });
	CHECK_INT_EQ(r.status, 2);
	free(r.out);
}

int main(void)
{
	test_verify_openimscore_exchange_verifies();
	test_verify_bare_authorization_line();
	test_verify_grepped_auth_lines_are_their_messages();
	test_verify_sipandlove_stream_auth_int_verifies();
	test_verify_seeds_without_keys_exit_2();
	test_verify_flow_right_answers_verify();
	test_verify_flow_names_each_known_mistake();
	test_verify_flow_key_and_sqn_failures();
	test_verify_rounds_of_a_resync_loop();
	test_verify_digest_rfc7616_md5_and_sha256();
	test_verify_rejects_unreadable_input_and_bad_options();
	test_hex_parse_table();
	test_keys_options_take_both_forms_and_refuse_op_twice();
	test_aka_vector_matches_ts35208_sets();
	test_aka_nonce_and_header_line();
	return check_done();
}
