/* xfrm_test.c: trace_xfrm_read over the text of `ip xfrm state` as
 * iproute2 prints it (a P-CSCF's sec-agree pairs, an ePDG's tunnel with
 * AES-GCM, -s's lifetimes and statistics, nokeys, esn): the SAs, their
 * keys, ICV lengths and ESN flag; states it cannot use counted with the
 * reason; text that is no such output refused with its line and column. */
#include <errno.h>
#include <string.h>
#include "check.h"
#include <imsreg/trace.h>

static const char pcscf[] =
	"src 10.45.0.2 dst 10.0.0.10\n"
	"\tproto esp spi 0x00001001 reqid 0 mode transport\n"
	"\treplay-window 0 \n"
	"\tauth-trunc hmac(sha1) 0xf769bcd751044604127672711c6d344100000000 96\n"
	"\tenc cbc(aes) 0xb40ba9a3c58b2a05bbf0d987b21bf8cb\n"
	"\tanti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000\n"
	"\tsel src 10.45.0.2/32 dst 10.0.0.10/32 sport 5062 dport 5064 \n"
	"src 10.0.0.10 dst 10.45.0.2\n"
	"\tproto esp spi 0xc0002002 reqid 0 mode transport\n"
	"\treplay-window 0 \n"
	"\tauth hmac(md5) 0x00112233445566778899aabbccddeeff\n"
	"\tenc ecb(cipher_null) \n"
	"\tsel src 10.0.0.10/32 dst 10.45.0.2/32 sport 5066 dport 5063 \n"
	"src 2001:db8::1 dst 2001:db8::2\n"
	"\tproto esp spi 0x0000abcd reqid 5 mode tunnel\n"
	"\treplay-window 32 flag af-unspec\n"
	"\taead rfc4106(gcm(aes)) 0x000102030405060708090a0b0c0d0e0fdeadbeef 128\n"
	"\tlifetime config:\n"
	"\t  limit: soft (INF)(bytes), hard (INF)(bytes)\n"
	"\t  limit: soft (INF)(packets), hard (INF)(packets)\n"
	"\tlifetime current:\n"
	"\t  0(bytes), 0(packets)\n"
	"\tstats:\n"
	"\t  replay-window 0 replay 0 failed 0\n"
	"src 10.0.0.1 dst 10.0.0.2\n"
	"\tproto ah spi 0x00000009 reqid 1 mode transport\n"
	"\tauth-trunc hmac(sha1) 0x0102030405060708090a0b0c0d0e0f1011121314 96\n"
	"src 10.0.0.1 dst 10.0.0.2\n"
	"\tproto esp spi 0x00000005 reqid 1 mode transport\n"
	"\tauth-trunc hmac(sha512) 0x0102030405060708090a0b0c0d0e0f10 256\n"
	"\tenc cbc(aes) 0x000102030405060708090a0b0c0d0e0f\n"
	"src 0.0.0.0 dst 0.0.0.0\n"
	"\tproto esp spi 0x00000000 reqid 0 mode transport\n"
	"\treplay-window 0 output-mark 0x6/0xab\n"
	"\tauth-trunc digest_null 0x30 0\n"
	"\tenc ecb(cipher_null) \n"
	"\tanti-replay context: seq 0x0, oseq 0x0, bitmap 0x00000000\n"
	"\tsel src 0.0.0.0/0 dst 0.0.0.0/0 \n"
	"src 10.0.0.3 dst 10.0.0.4\n"
	"\tproto esp spi 0x00000006 reqid 1 mode transport\n"
	"\treplay-window 0 flag af-unspec esn\n"
	"\tauth-trunc hmac(sha256) 0x000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f 128\n"
	"\tenc cbc(aes) 0x000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f\n";

/* (the state of null algorithms is the output iproute2's commit message
 * that added output-mark's mask (XFRMA_SET_MARK_MASK) shows) */
static void a_pcscf_and_an_epdg_states_give_their_sas(void)
{
	struct trace_xfrm x;
	CHECK_INT_EQ(trace_xfrm_read(&x, pcscf, strlen(pcscf)), 0);
	CHECK_INT_EQ(x.nsas, 4);
	CHECK_INT_EQ(x.skipped, 2); /* hmac(sha512); digest_null (iproute2's own example) */
	CHECK(strstr(x.skip_reason, "line 28 (SPI 0x00000005)") != NULL);
	CHECK(strstr(x.skip_reason, "hmac(sha512)") != NULL);
	if (x.nsas == 4) {
		const struct trace_esp_sa *a = &x.sas[0], *b = &x.sas[1], *g = &x.sas[2], *s = &x.sas[3];
		CHECK_INT_EQ(a->spi, 0x1001);
		CHECK_INT_EQ(a->integ, TRACE_ESP_HMAC_SHA1_96);
		CHECK_INT_EQ(a->cipher, TRACE_ESP_AES_CBC);
		CHECK_INT_EQ(a->akey_len, 20);
		CHECK_INT_EQ(a->ekey_len, 16);
		CHECK_INT_EQ(a->icv_len, 12);
		CHECK(a->akey[0] == 0xf7 && a->akey[19] == 0 && a->ekey[0] == 0xb4 && a->ekey[15] == 0xcb);
		CHECK_INT_EQ(b->spi, 0xc0002002u);
		CHECK_INT_EQ(b->integ, TRACE_ESP_HMAC_MD5_96);
		CHECK_INT_EQ(b->cipher, TRACE_ESP_NULL);
		CHECK_INT_EQ(b->ekey_len, 0);
		CHECK_INT_EQ(b->icv_len, 12);
		CHECK_INT_EQ(g->spi, 0xabcd);
		CHECK_INT_EQ(g->cipher, TRACE_ESP_AES_GCM);
		CHECK_INT_EQ(g->integ, TRACE_ESP_INTEG_NONE);
		CHECK_INT_EQ(g->ekey_len, 20);
		CHECK_INT_EQ(g->icv_len, 16);
		CHECK(g->ekey[16] == 0xde && g->ekey[19] == 0xef);
		/* extended sequence numbers: the flag of the last state only
		 * (not -s's "replay-window" statistics, not "af-unspec") */
		CHECK(!a->esn && !b->esn && !g->esn && s->esn);
		CHECK_INT_EQ(s->integ, TRACE_ESP_HMAC_SHA256);
		CHECK_INT_EQ(s->icv_len, 16);
		CHECK_INT_EQ(s->akey_len, 32);
		CHECK_INT_EQ(s->ekey_len, 32);
	}
	trace_xfrm_fini(&x);
	CHECK(x.sas == NULL && x.nsas == 0);
}

static void states_without_keys_are_counted_with_the_reason(void)
{
	static const char nokeys[] = "src 10.0.0.1 dst 10.0.0.2\n"
				     "\tproto esp spi 0x00001234 reqid 1 mode transport\n"
				     "\tauth-trunc hmac(sha1) 96\n"
				     "\tenc cbc(aes)\n";
	struct trace_xfrm x;
	CHECK_INT_EQ(trace_xfrm_read(&x, nokeys, strlen(nokeys)), 0);
	CHECK_INT_EQ(x.nsas, 0);
	CHECK_INT_EQ(x.skipped, 1);
	CHECK(strstr(x.skip_reason, "keys are not in the text") != NULL);
	trace_xfrm_fini(&x);
	/* CR LF line ends (a file saved on Windows) read the same */
	static const char crlf[] = "src 10.0.0.1 dst 10.0.0.2\r\n"
				   "\tproto esp spi 0x00001234 reqid 1 mode transport\r\n"
				   "\tauth hmac(sha1) 0x0102030405060708090a0b0c0d0e0f1011121314\r\n"
				   "\tenc cbc(des3_ede) 0x000102030405060708090a0b0c0d0e0f1011121314151617\r\n";
	CHECK_INT_EQ(trace_xfrm_read(&x, crlf, strlen(crlf)), 0);
	CHECK_INT_EQ(x.nsas, 1);
	CHECK(x.nsas == 1 && x.sas[0].cipher == TRACE_ESP_DES_EDE3_CBC && x.sas[0].ekey_len == 24);
	trace_xfrm_fini(&x);
}

static void what_is_no_xfrm_state_text_is_refused_where_it_breaks(void)
{
	static const struct {
		const char *text;
		unsigned line, col;
		const char *why;
	} bad[] = {
		{ "REGISTER sip:x SIP/2.0\r\n", 1, 1, "no state" },
		{ "", 1, 1, "no state" },
		{ "src 10.0.0.1\n", 1, 13, "src ADDRESS dst ADDRESS" },
		{ "src 10.0.0.1 dst 10.0.0.2\n\tproto esp spi 0x12 reqid 1\n", 2, 16, "8 hex digits" },
		{ "src 10.0.0.1 dst 10.0.0.2\n\tproto esp spi 0x00000001\n\tenc cbc(aes) 0x0g\n", 3, 15,
		  "hex digits" },
		{ "src 10.0.0.1 dst 10.0.0.2\n\tproto esp spi 0x00000001\n\tauth-trunc hmac(sha1) 0x00 x\n", 3, 29,
		  "ICV's length" },
		{ "src 10.0.0.1 dst 10.0.0.2\n\tproto esp spi 0x00000001\n\tenc\n", 3, 5, "without its name" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct trace_xfrm x;
		CHECK_INT_EQ(trace_xfrm_read(&x, bad[i].text, strlen(bad[i].text)), -EBADMSG);
		CHECK_INT_EQ(x.line, bad[i].line);
		CHECK_INT_EQ(x.col, bad[i].col);
		CHECK(x.error && strstr(x.error, bad[i].why) != NULL);
		trace_xfrm_fini(&x);
	}
}

int main(void)
{
	a_pcscf_and_an_epdg_states_give_their_sas();
	states_without_keys_are_counted_with_the_reason();
	what_is_no_xfrm_state_text_is_refused_where_it_breaks();
	return check_done();
}
