/* security_test.c: sec-mechanism decoding (RFC 3329 §2.2, TS 33.203 ipsec-3gpp) as tables of
 * {input, verdict, error offset, fields}, each from a guard-page copy and every truncation. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"

struct sec_case {
	const char *name;
	const char *in;
	int rc;
	int at; /* error offset, or -1 */
	const char *mechanism, *params, *alg, *ealg, *prot, *mod, *q, *d_alg, *d_qop, *d_ver;
	long long spi_c, spi_s, port_c, port_s; /* -1: absent */
};

#define ERR(name, in, rc, at)                                                              \
	{ name, in, rc, at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,   \
	  -1, -1, -1, -1 }

static const struct sec_case cases[] = {
	/* ../shared/fixtures/seed/ex5-ipsec-sec-agree.pasted.txt, first offer, folded */
	{ "ex5-offer1",
	  "ipsec-3gpp; alg=hmac-md5-96; ealg=des-ede3-cbc; spi-c=799251570; spi-s=1387593208;\r\n"
	  "                                port-c=8006; port-s=8906",
	  0, -1, "ipsec-3gpp",
	  "alg=hmac-md5-96; ealg=des-ede3-cbc; spi-c=799251570; spi-s=1387593208;\r\n"
	  "                                port-c=8006; port-s=8906",
	  "hmac-md5-96", "des-ede3-cbc", NULL, NULL, NULL, NULL, NULL, NULL,
	  799251570, 1387593208, 8006, 8906 },
	/* ../shared/corpus/captures/text/openimscore-aka/01-register-sec-agree.sip */
	{ "openimscore-client",
	  "ipsec-3gpp;prot=esp;mod=trans;spi-c=10525;spi-s=27264;port-c=14803;port-s=20917;"
	  "alg=hmac-md5-96;ealg=null",
	  0, -1, "ipsec-3gpp",
	  "prot=esp;mod=trans;spi-c=10525;spi-s=27264;port-c=14803;port-s=20917;"
	  "alg=hmac-md5-96;ealg=null",
	  "hmac-md5-96", "null", "esp", "trans", NULL, NULL, NULL, NULL, 10525, 27264, 14803, 20917 },
	/* 02-401-akav1-security-server.sip */
	{ "openimscore-server",
	  "ipsec-3gpp; ealg=null; alg=hmac-md5-96; spi-c=5008; spi-s=5009; port-c=34432; "
	  "port-s=37529; prot=esp; mod=trans; q=0.1",
	  0, -1, "ipsec-3gpp",
	  "ealg=null; alg=hmac-md5-96; spi-c=5008; spi-s=5009; port-c=34432; "
	  "port-s=37529; prot=esp; mod=trans; q=0.1",
	  "hmac-md5-96", "null", "esp", "trans", "0.1", NULL, NULL, NULL, 5008, 5009, 34432, 37529 },
	/* RFC 3329 §2.3.1 example mechanisms */
	{ "rfc3329-digest",
	  "digest;d-alg=md5;d-qop=auth-int;d-ver=\"0123456789abcdef0123456789abcdef\";q=0.2", 0, -1,
	  "digest", "d-alg=md5;d-qop=auth-int;d-ver=\"0123456789abcdef0123456789abcdef\";q=0.2",
	  NULL, NULL, NULL, NULL, "0.2", "md5", "auth-int", "0123456789abcdef0123456789abcdef",
	  -1, -1, -1, -1 },
	{ "tls-alone", "tls", 0, -1, "tls", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	  -1, -1, -1, -1 },
	{ "unknown-params-and-case", "IPSEC-3GPP ; SPI-C = 4294967295 ;x-flag; x-host=[2001:db8::1];"
	  "x-q=\"a;b\" ; PORT-S=65535; Q=1.000",
	  0, -1, "IPSEC-3GPP",
	  "SPI-C = 4294967295 ;x-flag; x-host=[2001:db8::1];x-q=\"a;b\" ; PORT-S=65535; Q=1.000",
	  NULL, NULL, NULL, NULL, "1.000", NULL, NULL, NULL, 4294967295LL, -1, -1, 65535 },
	/* errors */
	ERR("spi-too-large", "ipsec-3gpp;spi-c=4294967296", -ERANGE, 17),
	ERR("port-too-large", "ipsec-3gpp;port-c=65536", -ERANGE, 18),
	ERR("spi-not-number", "ipsec-3gpp;spi-s=12a", -EBADMSG, 17),
	ERR("port-empty-quoted", "ipsec-3gpp;port-s=\"\"", -EBADMSG, 19),
	ERR("duplicate", "ipsec-3gpp;alg=a;ALG=b", -EBADMSG, 17),
	ERR("known-without-value", "ipsec-3gpp;spi-c", -EBADMSG, 11),
	ERR("bad-q", "ipsec-3gpp;q=1.5", -EBADMSG, 13),
	ERR("bad-q-digits", "ipsec-3gpp;q=0.1234", -EBADMSG, 13),
	ERR("no-mechanism", ";alg=x", -EBADMSG, 0),
	ERR("empty-param", "ipsec-3gpp;;alg=x", -EBADMSG, 11),
	ERR("trailing-semicolon", "ipsec-3gpp;", -EBADMSG, 11),
	ERR("missing-semicolon", "ipsec-3gpp alg=x", -EBADMSG, 11),
	ERR("comma", "ipsec-3gpp;alg=x, tls", -EBADMSG, 16),
	ERR("unterminated-quote", "digest;d-ver=\"abc", -EBADMSG, 13),
	ERR("missing-value", "ipsec-3gpp;alg=;ealg=null", -EBADMSG, 15),
	ERR("bad-ipv6", "ipsec-3gpp;x=[::1", -EBADMSG, 17),
};

static void check_opt(struct slice s, const char *want)
{
	CHECK_SLICE_EQ(s, want);
}

static void run_row(struct slice in, const void *row)
{
	const struct sec_case *c = row;
	struct sip_sec_mech m;
	struct sip_parse_error err = { 0 };
	int rc = sip_sec_mech_decode(&m, in, &err);
	if (rc != c->rc || (rc < 0 && err.at - in.ptr != c->at))
		fprintf(stderr, "case %s:\n", c->name);
	if (CHECK_DECODE(rc, &err, in, c->rc, c->at)) {
		check_opt(m.mechanism, c->mechanism);
		check_opt(m.params, c->params);
		check_opt(m.alg, c->alg);
		check_opt(m.ealg, c->ealg);
		check_opt(m.prot, c->prot);
		check_opt(m.mod, c->mod);
		check_opt(m.q, c->q);
		check_opt(m.d_alg, c->d_alg);
		check_opt(m.d_qop, c->d_qop);
		check_opt(m.d_ver, c->d_ver);
		CHECK_INT_EQ(m.has_spi_c ? (long long)m.spi_c : -1, c->spi_c);
		CHECK_INT_EQ(m.has_spi_s ? (long long)m.spi_s : -1, c->spi_s);
		CHECK_INT_EQ(m.has_port_c ? (long long)m.port_c : -1, c->port_c);
		CHECK_INT_EQ(m.has_port_s ? (long long)m.port_s : -1, c->port_s);
	}
}

static void run_prefix(struct slice t, const void *row)
{
	struct sip_sec_mech m;
	struct sip_parse_error e = { 0 };
	int r = sip_sec_mech_decode(&m, t, &e);
	(void)row;
	CHECK(r == 0 || ((r == -EBADMSG || r == -ERANGE) && e.at >= t.ptr && e.at <= t.ptr + t.len));
}

static void check_case(const struct sec_case *c)
{
	size_t len = strlen(c->in);
	check_guarded(c->in, len, run_row, c);
	for (size_t n = 0; n < len; n++)
		check_guarded(c->in, n, run_prefix, c);
}

static void test_sec_mech_tables(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_case(&cases[i]);
}

/* Every offer of the Security-Client of ex5 (six, folded, spaces after ';'). */
static void test_sec_mech_ex5_list(void)
{
	size_t len;
	char *buf = check_read_file("../shared/fixtures/seed/ex5-ipsec-sec-agree.pasted.txt", &len);
	CHECK(buf != NULL);
	if (!buf)
		return;
	/* the value: from after "Security-Client:" to the end of the file, whose
	 * doubled blank lines (a paste artefact) sit where folding was */
	const char *s = strstr(buf, "Security-Client:");
	CHECK(s != NULL);
	if (!s) {
		free(buf);
		return;
	}
	s += strlen("Security-Client:");
	/* undo the doubled line breaks into a folded value */
	char *v = malloc(len + 1);
	size_t n = 0;
	for (const char *p = s; p < buf + len; p++) {
		if (*p == '\n' && p + 1 < buf + len && p[1] == '\n')
			continue;
		v[n++] = *p;
	}
	static const char *const ealg[6] = { "des-ede3-cbc", "aes-cbc", "null",
					     "des-ede3-cbc", "aes-cbc", "null" };
	struct slice item;
	struct sip_parse_error err;
	int i = 0;
	/* split on commas (the offers hold no quoted strings) */
	const char *p = v, *end = v + n;
	while (p < end) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		item = slice_trim(slice_span(p, c ? c : end));
		struct sip_sec_mech m;
		CHECK_INT_EQ(sip_sec_mech_decode(&m, item, &err), 0);
		if (i < 6) {
			CHECK_SLICE_EQ(m.mechanism, "ipsec-3gpp");
			CHECK_SLICE_EQ(m.alg, i < 3 ? "hmac-md5-96" : "hmac-sha-1-96");
			CHECK_SLICE_EQ(m.ealg, ealg[i]);
			CHECK_INT_EQ(m.spi_c, 799251570);
			CHECK_INT_EQ(m.spi_s, 1387593208);
			CHECK_INT_EQ(m.port_c, 8006);
			CHECK_INT_EQ(m.port_s, 8906);
		}
		i++;
		p = c ? c + 1 : end;
	}
	CHECK_INT_EQ(i, 6);
	free(v);
	free(buf);
}

int main(void)
{
	test_sec_mech_tables();
	test_sec_mech_ex5_list();
	return check_done();
}
