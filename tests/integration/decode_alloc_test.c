/* decode_alloc_test.c: `imsreg decode` (text, --json, --diff, captures) when the Nth
 * allocation fails, for every N up to a run that needs no failure: never a
 * crash, status 2 (out of memory is an input that cannot be decoded), and no
 * block left allocated (alloc_live) afterwards. A run that ends with the
 * status of the full run must also have written the full report: otherwise
 * a failure went unnoticed (a part of the report dropped, status 0 or 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <imsreg/alloc.h>
#include "check.h"
#include "esp_seal.h"
#include "cli/cli.h"

static int run(int argc, char **argv, FILE *out, FILE *err)
{
	return cli_decode_main(argc, argv, out, err);
}

/* Empties f for the next run. */
static void empty(FILE *f)
{
	rewind(f);
	CHECK_INT_EQ(ftruncate(fileno(f), 0), 0);
}

/* What the last run wrote to f (malloc'd, not counted by alloc_live). */
static char *written(FILE *f, size_t *len)
{
	fflush(f);
	long n = ftell(f);
	char *p = malloc(n > 0 ? (size_t)n : 1);
	rewind(f);
	*len = n > 0 ? fread(p, 1, (size_t)n, f) : 0;
	return p;
}

static void sweep(const char *what, int argc, char **argv)
{
	FILE *out = tmpfile(), *err = tmpfile();
	long base = alloc_live();
	int full = run(argc, argv, out, err);
	size_t want_len;
	char *want = written(out, &want_len);
	CHECK(full == 0 || full == 1);
	CHECK_INT_EQ(alloc_live(), base);
	int n;
	for (n = 0; n < 5000; n++) {
		empty(out);
		empty(err);
		alloc_fail_after(n);
		int rc = run(argc, argv, out, err);
		alloc_fail_after(-1);
		if (alloc_live() != base) {
			fprintf(stderr, "%s: %ld blocks leaked when allocation %d fails\n", what,
				alloc_live() - base, n);
			CHECK_INT_EQ(alloc_live(), base);
			break;
		}
		if (rc == full) {
			/* enough allocations for the whole run, or a failure that
			 * went unnoticed: the report tells which */
			size_t got_len;
			char *got = written(out, &got_len);
			bool same = got_len == want_len && memcmp(got, want, want_len) == 0;
			free(got);
			if (!same)
				fprintf(stderr, "%s: allocation %d failed unnoticed: status %d and a report "
					"unlike the full run's\n", what, n, rc);
			CHECK(same);
			break;
		}
		if (rc != 2) {
			fprintf(stderr, "%s: status %d when allocation %d fails\n", what, rc, n);
			CHECK(rc == 1 || rc == 2);
			break;
		}
	}
	CHECK(n < 5000);
	CHECK(n > 3); /* the run allocates: the sweep failed some of them */
	printf("%s: %d allocations failed one by one\n", what, n);
	free(want);
	fclose(out);
	fclose(err);
}

/* A capture of a registration whose protected REGISTER goes in ESP
 * (AES-CBC, HMAC-SHA-1-96; the keys the 401's ck/ik, TS 35.207 test set
 * 1's CK and IK of its RAND) into path: decode opens it. */
static void esp_capture(const char *path)
{
	static const char *const texts[] = {
		"REGISTER sip:ims.example.net SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa1\r\n"
		"Max-Forwards: 70\r\nFrom: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>\r\n"
		"Call-ID: a1\r\nCSeq: 1 REGISTER\r\nContact: <sip:10.0.0.1:5060>\r\n"
		"Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=1111;spi-s=2222;"
		"port-c=5062;port-s=5064\r\nContent-Length: 0\r\n\r\n",
		"SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKa1\r\n"
		"From: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>;tag=2\r\nCall-ID: a1\r\n"
		"CSeq: 1 REGISTER\r\nWWW-Authenticate: Digest realm=\"ims.example.net\","
		"nonce=\"I1U8vpY3qJ0hiuZNrke/NVXzKLQ1d7m5Sp/6w1Tfr7M=\",algorithm=AKAv1-MD5,"
		"ck=\"b40ba9a3c58b2a05bbf0d987b21bf8cb\",ik=\"f769bcd751044604127672711c6d3441\"\r\n"
		"Security-Server: ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=3333;spi-s=4444;"
		"port-c=5066;port-s=5068\r\nContent-Length: 0\r\n\r\n",
		"REGISTER sip:ims.example.net SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1:5064;branch=z9hG4bKa2\r\n"
		"Max-Forwards: 70\r\nFrom: <sip:u@ims.example.net>;tag=1\r\nTo: <sip:u@ims.example.net>\r\n"
		"Call-ID: a1\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n",
	};
	struct trace_esp_sa sa = { .spi = 4444, .integ = TRACE_ESP_HMAC_SHA1_96, .cipher = TRACE_ESP_AES_CBC };
	static const char ck[] = "b40ba9a3c58b2a05bbf0d987b21bf8cb", ik[] = "f769bcd751044604127672711c6d3441";
	for (int i = 0; i < 16; i++) {
		unsigned a, b;
		sscanf(ck + 2 * i, "%2x", &a);
		sscanf(ik + 2 * i, "%2x", &b);
		sa.ck[i] = (uint8_t)a;
		sa.ik[i] = (uint8_t)b;
	}
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	uint32_t hdr[6] = { 0xa1b2c3d4, 2 | 4u << 16, 0, 0, 65535, 101 }; /* raw IP */
	fwrite(hdr, 4, 6, f);
	for (int i = 0; i < 3; i++) {
		unsigned char u[1200], p[1400], e[1300];
		size_t n = strlen(texts[i]), un = 8 + n;
		unsigned sp = i == 2 ? 5062 : 5060, dp = i == 2 ? 5068 : 5060;
		u[0] = (unsigned char)(sp >> 8), u[1] = (unsigned char)sp, u[2] = (unsigned char)(dp >> 8);
		u[3] = (unsigned char)dp, u[4] = (unsigned char)(un >> 8), u[5] = (unsigned char)un, u[6] = u[7] = 0;
		memcpy(u + 8, texts[i], n);
		const unsigned char *pl = u;
		size_t pn = un;
		if (i == 2) {
			pn = esp_seal(&sa, u, un, 17, e);
			pl = e;
		}
		memset(p, 0, 20);
		p[0] = 0x45, p[2] = (unsigned char)((20 + pn) >> 8), p[3] = (unsigned char)(20 + pn), p[8] = 64;
		p[9] = i == 2 ? 50 : 17;
		p[12] = 10, p[15] = (unsigned char)(i == 1 ? 2 : 1), p[16] = 10, p[19] = (unsigned char)(i == 1 ? 1 : 2);
		memcpy(p + 20, pl, pn);
		uint32_t rec[4] = { (uint32_t)i, 0, (uint32_t)(20 + pn), (uint32_t)(20 + pn) };
		fwrite(rec, 4, 4, f);
		fwrite(p, 1, 20 + pn, f);
	}
	fclose(f);
}

int main(void)
{
	char *text[] = { "decode", "../shared/fixtures/seed/ex5-ipsec-sec-agree.pasted.txt" };
	char *json[] = { "decode", "--json", "../shared/fixtures/seed/ex3-sms-volte-capability.pasted.txt",
			 "../shared/fixtures/seed/ex6-unregister.pasted.txt" };
	char *diff[] = { "decode", "--diff", "../shared/fixtures/seed/ex2-sms-capability.pasted.txt",
			 "../shared/fixtures/seed/ex4-aka-authorization.pasted.txt" };
	sweep("text", 2, text);
	sweep("json", 4, json);
	sweep("diff", 4, diff);
	/* a capture file: libpcap's reading, the flows, the messages */
	char *capture[] = { "decode", "--brief", "../shared/corpus/captures/pcap/heplify-sip_sctp.pcap" };
	sweep("capture", 3, capture);
	/* a capture whose ESP is opened: the SAs found, the file read again */
	char path[] = "/tmp/imsreg-esp-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd >= 0) {
		close(fd);
		esp_capture(path);
		FILE *out = tmpfile(), *err = tmpfile();
		char *whole[] = { "decode", "--json", path };
		CHECK(run(3, whole, out, err) == 1);
		size_t n;
		char *doc = written(out, &n);
		CHECK(doc && memmem(doc, n, "\"decrypted\": 1", 14) && memmem(doc, n, "CSeq: 2 REGISTER", 16));
		free(doc);
		fclose(out);
		fclose(err);
		char *esp[] = { "decode", "--brief", path };
		sweep("esp capture", 3, esp);
		/* and with the same SA given as ip xfrm state prints it */
		char xpath[] = "/tmp/imsreg-xfrm-XXXXXX";
		int xfd = mkstemp(xpath);
		CHECK(xfd >= 0);
		if (xfd >= 0) {
			static const char state[] =
				"src 10.0.0.1 dst 10.0.0.2\n"
				"\tproto esp spi 0x0000115c reqid 1 mode transport\n"
				"\tauth-trunc hmac(sha1) 0xf769bcd751044604127672711c6d344100000000 96\n"
				"\tenc cbc(aes) 0xb40ba9a3c58b2a05bbf0d987b21bf8cb\n";
			CHECK(write(xfd, state, sizeof state - 1) == (ssize_t)(sizeof state - 1));
			close(xfd);
			char *xfrm[] = { "decode", "--brief", "--xfrm", xpath, path };
			sweep("esp capture with --xfrm", 5, xfrm);
			unlink(xpath);
		}
		unlink(path);
	}
	return check_done();
}
