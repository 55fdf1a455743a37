/* security_test.c: sec-mechanism decoding (RFC 3329 §2.2, TS 33.203 ipsec-3gpp) as tables of
 * {input, verdict, error offset, fields}, each from a guard-page copy and every truncation. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "check.h"
#include "decode_internal.h"
#include "auth_internal.h"

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
	ERR("port-empty-quoted", "ipsec-3gpp;port-s=\"\"", -EBADMSG, 18),
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

/* ---- the fast path (security.c mech_fast): every length, alignment and
 * end position, from guard-page copies ----------------------------------- */

struct fast_case {
	const char *text;  /* the whole value */
	int which;         /* index into fast_names */
	size_t v_at, v_len; /* where the value is */
	long long num;     /* the number of a spi/port, else -1 */
};

static const struct {
	const char *name;
	int numeric; /* 0 slice, 1 spi, 2 port, 3 q */
} fast_names[] = {
	{ "alg", 0 }, { "ealg", 0 }, { "prot", 0 }, { "mod", 0 }, { "d-alg", 0 },
	{ "d-qop", 0 }, { "d-ver", 0 }, { "spi-c", 1 }, { "spi-s", 1 }, { "port-c", 2 },
	{ "port-s", 2 }, { "q", 3 },
	/* the same in other cases */
	{ "ALG", 0 }, { "EaLg", 0 }, { "D-Qop", 0 }, { "SPI-C", 1 }, { "Port-S", 2 }, { "Q", 3 },
};

static void fast_check(struct slice in, const void *arg)
{
	const struct fast_case *c = arg;
	struct sip_sec_mech m;
	struct sip_parse_error err = { 0 };
	int rc = sip_sec_mech_decode(&m, in, &err);
	if (rc != 0)
		fprintf(stderr, "fast case \"%s\": rc %d (%s)\n", c->text, rc, err.reason);
	CHECK_INT_EQ(rc, 0);
	if (rc)
		return;
	const char *n = fast_names[c->which].name;
	struct slice want = slice_make(in.ptr + c->v_at, c->v_len), got = SLICE_NULL;
	char lower[8] = { 0 };
	for (size_t i = 0; n[i] && i < 7; i++)
		lower[i] = (char)(n[i] | (n[i] >= 'A' && n[i] <= 'Z' ? 0x20 : 0));
	long long num = -1;
	if (!strcmp(lower, "alg"))
		got = m.alg;
	else if (!strcmp(lower, "ealg"))
		got = m.ealg;
	else if (!strcmp(lower, "prot"))
		got = m.prot;
	else if (!strcmp(lower, "mod"))
		got = m.mod;
	else if (!strcmp(lower, "d-alg"))
		got = m.d_alg;
	else if (!strcmp(lower, "d-qop"))
		got = m.d_qop;
	else if (!strcmp(lower, "d-ver"))
		got = m.d_ver;
	else if (!strcmp(lower, "q"))
		got = m.q;
	else if (!strcmp(lower, "spi-c"))
		num = m.has_spi_c ? (long long)m.spi_c : -2;
	else if (!strcmp(lower, "spi-s"))
		num = m.has_spi_s ? (long long)m.spi_s : -2;
	else if (!strcmp(lower, "port-c"))
		num = m.has_port_c ? (long long)m.port_c : -2;
	else if (!strcmp(lower, "port-s"))
		num = m.has_port_s ? (long long)m.port_s : -2;
	if (c->num >= 0) {
		CHECK_INT_EQ(num, c->num);
	} else {
		CHECK(got.ptr == want.ptr && got.len == want.len);
		if (got.ptr != want.ptr || got.len != want.len)
			fprintf(stderr, "fast case \"%s\": value at %td len %zu\n", c->text,
				got.ptr ? got.ptr - in.ptr : -1, got.len);
	}
	/* the mechanism is all before the first ';', params all after it */
	const char *semi = memchr(in.ptr, ';', in.len);
	CHECK(semi != NULL);
	if (semi) {
		CHECK(m.mechanism.ptr == in.ptr && m.mechanism.len == (size_t)(semi - in.ptr));
		size_t ps = (size_t)(semi - in.ptr) + 1 + (semi[1] == ' ');
		CHECK(m.params.ptr == in.ptr + ps && m.params.len == in.len - ps);
	}
}

/* A known parameter with a value of every length 1 to 40 (every length the
 * number can have), after a mechanism of every length 1 to 18 (so the
 * sixteen bytes after each ';' start at every alignment and reach the end
 * at every place), last, followed by another parameter, or after another,
 * with and without a space after the ';'. */
static void test_sec_mech_fast_lengths(void)
{
	static const char vchars[] = "hmac-sha1.96!%*_+`'~AZaz09";
	char text[160], val[48];
	for (size_t k = 0; k < sizeof fast_names / sizeof fast_names[0]; k++) {
		int kind = fast_names[k].numeric;
		size_t maxlen = kind == 1 ? 10 : kind == 2 ? 5 : kind == 3 ? 5 : 40;
		for (size_t vl = 1; vl <= maxlen; vl++) {
			long long num = -1;
			if (kind == 1 || kind == 2) {
				num = 0;
				for (size_t i = 0; i < vl; i++) {
					/* at most 99999..., 55555 for a port */
					val[i] = (char)('1' + (i + vl) % (kind == 2 ? 5 : 9));
					num = num * 10 + (val[i] - '0');
				}
			} else if (kind == 3) {
				if (vl == 2)
					continue;
				static const char *const qs[] = { "", "1", "", "0.5", "0.25", "0.125" };
				memcpy(val, qs[vl], vl);
			} else {
				for (size_t i = 0; i < vl; i++)
					val[i] = vchars[(i * 7 + vl) % (sizeof vchars - 1)];
			}
			val[vl] = 0;
			for (size_t ml = 1; ml <= 18; ml++) {
				for (int shape = 0; shape < 6; shape++) {
					/* 0 last, 1 followed, 2 after another, 3-5 the same with
					 * "; " */
					const char *sp = shape >= 3 ? " " : "";
					int sh = shape % 3;
					size_t n = 0;
					for (size_t i = 0; i < ml; i++)
						text[n++] = "ipsec-3gpp-xyzabcdefgh"[i];
					if (sh == 2)
						n += (size_t)sprintf(text + n, ";%sx-other=abc", sp);
					n += (size_t)sprintf(text + n, ";%s%s=", sp, fast_names[k].name);
					size_t v_at = n;
					n += (size_t)sprintf(text + n, "%s", val);
					if (sh == 1)
						n += (size_t)sprintf(text + n, ";%sx-next=1", sp);
					struct fast_case c = { text, (int)k, v_at, vl, num };
					check_guarded(text, n, fast_check, &c);
				}
			}
		}
	}
}

/* one verdict with its offset, from a guard-page copy */
struct verdict_case {
	const char *in;
	int rc;
	int at;
	size_t len; /* 0: strlen(in) */
};

static void verdict_check(struct slice in, const void *arg)
{
	const struct verdict_case *c = arg;
	struct sip_sec_mech m;
	struct sip_parse_error err = { 0 };
	CHECK_DECODE(sip_sec_mech_decode(&m, in, &err), &err, in, c->rc, c->at);
}

/* What the fast path leaves to the general steps, which give the verdict:
 * names that only nearly match, bytes that are not token bytes at every
 * place of a name or value, numbers out of range or not numbers at every
 * digit, duplicates, empty and quoted values. */
static void test_sec_mech_fast_fallbacks(void)
{
	static const struct verdict_case rows[] = {
		{ "ipsec-3gpp;spi-cc=1;spi-c=2", 0, -1, 0 },
		{ "ipsec-3gpp;spi_c=1", 0, -1, 0 },
		{ "ipsec-3gpp;spi\rc=1", -EBADMSG, 14, 0 },
		{ "ipsec-3gpp;spi\x0d" "c=1", -EBADMSG, 14, 0 },
		{ "ipsec-3gpp;alg", -EBADMSG, 11, 0 },
		{ "ipsec-3gpp;alg=", -EBADMSG, 15, 0 },
		{ "ipsec-3gpp;alg=\"x y\";alg=z", -EBADMSG, 15, 0 },
		{ "ipsec-3gpp;prot=\"esp\"", -EBADMSG, 16, 0 },
		{ "ipsec-3gpp;spi-c=\"1\"", -EBADMSG, 17, 0 },
		{ "ipsec-3gpp;q=\"0.5\"", -EBADMSG, 13, 0 },
		{ "digest;d-ver=\"0123456789abcdef0123456789abcdef\";d-alg=md5", 0, -1, 0 },
		{ "ipsec-3gpp;alg=x;ALG=y", -EBADMSG, 17, 0 },
		{ "ipsec-3gpp;spi-c=1;Spi-C=1", -EBADMSG, 19, 0 },
		{ "ipsec-3gpp;spi-c=12345678;spi-s=123456789", 0, -1, 0 },
		{ "ipsec-3gpp;spi-c=4294967295", 0, -1, 0 },
		{ "ipsec-3gpp;spi-c=00000004294967295", 0, -1, 0 },
		{ "ipsec-3gpp;spi-c=4294967296", -ERANGE, 17, 0 },
		{ "ipsec-3gpp;spi-c=99999999999;x=1", -ERANGE, 17, 0 },
		{ "ipsec-3gpp;port-c=65535;port-s=0", 0, -1, 0 },
		{ "ipsec-3gpp;port-c=65536;port-s=0", -ERANGE, 18, 0 },
		{ "ipsec-3gpp;port-c=99999", -ERANGE, 18, 0 },
		{ "ipsec-3gpp;port-c=000065535", 0, -1, 0 },
		{ "ipsec-3gpp;port-c=1e3", -EBADMSG, 18, 0 },
		{ "ipsec-3gpp;q=0.1;q=0.2", -EBADMSG, 17, 0 },
		{ "ipsec-3gpp;q=2", -EBADMSG, 13, 0 },
		{ "ipsec-3gpp; ;alg=x", -EBADMSG, 12, 0 },
		{ "ipsec-3gpp;  alg=x;\talg=y", -EBADMSG, 20, 0 },
		{ "ipsec-3gpp ;alg=x ; ealg=y , tls", -EBADMSG, 27, 0 },
		{ "ipsec-3gpp;alg=a\x80" "b", -EBADMSG, 16, 0 },
		{ "ipsec-3gpp;alg=a\x00" "b", -EBADMSG, 16, 18 },
		{ "ipsec-3gpp;al\x00g=ab", -EBADMSG, 13, 18 },
		{ "ipsec-3gpp;q\x00=1", -EBADMSG, 11, 15 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
		check_guarded(rows[i].in, rows[i].len ? rows[i].len : strlen(rows[i].in),
			      verdict_check, &rows[i]);
	/* a non-digit at every place of a spi of 1 to 10 digits */
	for (size_t dl = 1; dl <= 10; dl++)
		for (size_t at = 0; at < dl; at++) {
			char in[64];
			int n = sprintf(in, "ipsec-3gpp;spi-s=");
			for (size_t i = 0; i < dl; i++)
				in[n + (int)i] = i == at ? 'x' : '7';
			n += (int)dl;
			n += sprintf(in + n, "%s", at % 2 ? ";port-c=1" : "");
			struct verdict_case c = { in, -EBADMSG, 17, 0 };
			check_guarded(in, (size_t)n, verdict_check, &c);
		}
	/* a byte that is not a token byte at every place of a parameter: a
	 * verdict, and no read past the end */
	static const char base[] = "ipsec-3gpp;ealg=des-ede3-cbc;spi-c=97313239;mod=trans";
	for (size_t at = 11; at < sizeof base - 1; at++) {
		static const char bad[] = { '"', '\\', '<', '@', '\t', '\x7f', (char)0xc3 };
		for (size_t b = 0; b < sizeof bad; b++) {
			char in[sizeof base];
			memcpy(in, base, sizeof base);
			if (in[at] == ';' || in[at] == '=')
				continue;
			in[at] = bad[b];
			struct sip_sec_mech m;
			struct sip_parse_error err = { 0 };
			char *g = check_guard_copy(in, sizeof base - 1);
			int rc = sip_sec_mech_decode(&m, slice_make(g, sizeof base - 1), &err);
			check_decode_verdict(rc, &err, slice_make(g, sizeof base - 1));
			check_guard_free(g, sizeof base - 1);
		}
	}
}

/* The list form (Security-Client with several offers): each offer ends at
 * its ',' (the cursor is left on it) and the next is read from after it. */
static void test_sec_mech_fast_list(void)
{
	static const char v[] =
		"ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=3929102;spi-s=3929103;"
		"port-c=5062;port-s=5063;prot=esp;mod=trans, ipsec-3gpp;alg=hmac-md5-96;"
		"ealg=aes-cbc;spi-c=1;spi-s=2;port-c=3;port-s=4;prot=esp;mod=trans;q=0.1 ,tls;q=0";
	char *g = check_guard_copy(v, sizeof v - 1);
	struct scan sc = { g, g + sizeof v - 1 };
	struct sip_parse_error err = { 0 };
	static const int ends[3] = { 109, 210, 218 };
	for (int n = 0; n < 3; n++) {
		struct sip_sec_mech m;
		while (sc.p < sc.end && (*sc.p == ' ' || *sc.p == ','))
			sc.p++;
		memset(&m, 0xa5, sizeof m);
		CHECK_INT_EQ(sip_sec_mech_decode_at(&m, &sc, &err), 0);
		CHECK_INT_EQ(sc.p - g, ends[n]);
		if (n == 0) {
			CHECK_SLICE_EQ(m.alg, "hmac-sha-1-96");
			CHECK_INT_EQ(m.spi_c, 3929102);
			CHECK_INT_EQ(m.port_s, 5063);
			CHECK(m.q.ptr == NULL && m.d_alg.ptr == NULL && m.d_qop.ptr == NULL &&
			      m.d_ver.ptr == NULL);
		} else if (n == 1) {
			CHECK_SLICE_EQ(m.ealg, "aes-cbc");
			CHECK_INT_EQ(m.port_s, 4);
			CHECK_SLICE_EQ(m.q, "0.1");
			CHECK_SLICE_EQ(m.params, "alg=hmac-md5-96;ealg=aes-cbc;spi-c=1;spi-s=2;port-c=3;"
						 "port-s=4;prot=esp;mod=trans;q=0.1");
		} else {
			CHECK_SLICE_EQ(m.mechanism, "tls");
			CHECK_SLICE_EQ(m.q, "0");
			CHECK(!m.has_spi_c && !m.has_spi_s && !m.has_port_c && !m.has_port_s);
			CHECK(m.alg.ptr == NULL && m.ealg.ptr == NULL);
		}
	}
	check_guard_free(g, sizeof v - 1);
}

/* ---- sip_sec_mech_list_run against the offer-by-offer walk ------------- */

#define LIST_CAP 40

static bool lws_byte_ref(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* check.c's walk over sip_sec_mech_decode_at, written out: the reference. */
static int list_ref(struct slice v, struct sip_sec_mech *ms, size_t cap, size_t *count,
		    struct sip_parse_error *err)
{
	const char *p = v.ptr, *end = v.ptr + v.len;
	size_t k = 0;
	*count = 0;
	if (!p)
		return -EAGAIN;
	while (p < end && lws_byte_ref(*p))
		p++;
	if (p >= end)
		return 0;
	for (;;) {
		struct scan sc = { p, end };
		if (sip_sec_mech_decode_at(&ms[k < cap ? k : cap - 1], &sc, err) < 0)
			break;
		*count = ++k;
		if (sc.p >= end)
			return 0;
		p = sc.p + 1;
		while (p < end && lws_byte_ref(*p))
			p++;
		if (p >= end)
			break;
	}
	err->at = NULL;
	err->reason = NULL;
	return -EAGAIN;
}

static void list_check(struct slice in, const void *arg)
{
	(void)arg;
	static struct sip_sec_mech want[LIST_CAP], got[LIST_CAP];
	size_t nw = 99, ng = 77;
	struct sip_parse_error ew = { 0 }, eg = { 0 };
	memset(want, 0x5a, sizeof want);
	memset(got, 0x5a, sizeof got);
	int rw = list_ref(in, want, LIST_CAP, &nw, &ew);
	int rg = sip_sec_mech_list_run(in, got, LIST_CAP, &ng, &eg);
	CHECK_INT_EQ(rg, rw);
	CHECK_INT_EQ(ng, nw);
	CHECK(eg.at == ew.at && eg.reason == ew.reason);
	for (size_t i = 0; i < nw && i < LIST_CAP; i++)
		CHECK(!memcmp(&got[i], &want[i], sizeof got[i]));
	if (rg != rw || ng != nw || memcmp(got, want, sizeof got))
		fprintf(stderr, "list_run on \"%.*s\": rc %d/%d, %zu/%zu offers\n",
			(int)in.len, in.ptr, rg, rw, ng, nw);
	/* cap 1: every offer into the one struct, the last one left there */
	struct sip_sec_mech one;
	size_t n1;
	struct sip_parse_error e1 = { 0 };
	CHECK_INT_EQ(sip_sec_mech_list_run(in, &one, 1, &n1, &e1), rw);
	CHECK_INT_EQ(n1, nw);
	if (rw == 0 && nw > 0 && nw <= LIST_CAP)
		CHECK(!memcmp(&one, &want[nw - 1], sizeof one));
}

/* Offers the fast walk takes and offers it leaves to sec_mech_run, joined
 * by every separator, every prefix of each list, and values longer than
 * the walk classifies at once. */
static void test_sec_mech_list_run(void)
{
	static const char *const offers[] = {
		"ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=97313239;spi-s=97313240;port-c=5064;"
		"port-s=5066;prot=esp;mod=trans;q=0.1",
		"ipsec-3gpp;alg=hmac-md5-96;ealg=des-ede3-cbc;spi-c=3929102;spi-s=3929103;port-c=5062;"
		"port-s=5063;prot=esp;mod=trans",
		"tls;q=0.2",
		"digest;d-alg=md5;d-qop=auth;d-ver=\"0000\"",
		"digest;D-ALG=MD5;D-QOP=auth-int;d-ver=abc;Q=1.000",
		"ipsec-3gpp; alg=hmac-sha-1-96;ealg=null",
		"ipsec-3gpp;alg=x;foo=bar;spi-c=1",
		"ipsec-3gpp;flag;spi-s=4294967295",
		"ipsec-3gpp;spi-c=4294967296",
		"ipsec-3gpp;port-c=65536",
		"ipsec-3gpp;port-c=065535;port-s=0",
		"ipsec-3gpp;alg=a;alg=b",
		"ipsec-3gpp;spi-c=1;port-c=2;SPI-C=3",
		"tls;q=0.5;Q=0.6",
		"ipsec-3gpp;port-s=1;ealg=x;port-s=1",
		"ipsec-3gpp;mod=t;spi-s=9;prot=esp;MOD=t",
		"ipsec-3gpp;q=2",
		"ipsec-3gpp;alg=a ;ealg=b",
		"ipsec-3gpp;alg=\"a,b\";ealg=c",
		"ipsec-3gpp;alg=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;mod=t",
		"ipsec-3gpp;alg=[::1];port-s=7",
		"ipsec-3gpp;spi-c=123456789;port-s=1",
		"ipsec-3gpp;d-ver=;x",
		"ipsec-3gpp;;alg=x",
		"x",
		"ipsec-3gpp;alg=\x80",
		"",
	};
	static const char *const seps[] = { ",", ", ", " , ", ",\r\n ", ",\t", ",,", "" };
	size_t no = sizeof offers / sizeof offers[0], nsep = sizeof seps / sizeof seps[0];
	char buf[4096];
	for (size_t a = 0; a < no; a++)
		for (size_t b = 0; b < no; b++)
			for (size_t s = 0; s < nsep; s++) {
				int n = snprintf(buf, sizeof buf, "%s%s%s", offers[a], seps[s], offers[b]);
				check_guarded(buf, (size_t)n, list_check, NULL);
				if (b == 1 || b == 3)
					check_every_prefix(buf, list_check, NULL);
				n = snprintf(buf, sizeof buf, " %s%s%s%s", offers[a], seps[s], offers[b],
					     (a + b) % 3 ? " " : ",");
				check_guarded(buf, (size_t)n, list_check, NULL);
			}
	/* the bench's six-offer Security-Client and longer: 1 to 12 offers,
	 * across SEC_LIST_MAX (1024 bytes) */
	for (size_t rep = 1; rep <= 12; rep++) {
		size_t n = 0;
		for (size_t r = 0; r < rep; r++)
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", r ? ", " : "",
					      offers[r % 2]);
		check_guarded(buf, n, list_check, NULL);
		for (size_t cut = n > 200 ? n - 200 : 0; cut < n; cut++)
			check_guarded(buf, cut, list_check, NULL);
	}
	/* values of every length around 64-byte words: "tls;q=1" padded by
	 * a mechanism name of every length, and the end at every place */
	for (size_t ml = 1; ml < 140; ml++) {
		size_t n = 0;
		for (size_t i = 0; i < ml; i++)
			buf[n++] = (char)('a' + i % 26);
		n += (size_t)sprintf(buf + n, ";spi-c=%zu;alg=v%zu, tls;port-c=%zu", ml * 7919, ml, ml);
		check_guarded(buf, n, list_check, NULL);
	}
	/* known parameters with values of every length 1 to 70 (so that
	 * value ends fall at every place of the 64-byte windows the fast walk
	 * shifts along, and past them), after a mechanism of every length 1 to
	 * 64, two offers a list */
	for (size_t vl = 1; vl <= 70; vl++) {
		for (size_t ml = 1; ml <= 64; ml += 9) {
			size_t n = 0;
			for (int o = 0; o < 2; o++) {
				if (o)
					n += (size_t)sprintf(buf + n, ", ");
				for (size_t i = 0; i < ml; i++)
					buf[n++] = (char)('a' + (i + vl) % 26);
				n += (size_t)sprintf(buf + n, ";spi-c=%zu;alg=", vl * 31);
				for (size_t i = 0; i < vl; i++)
					buf[n++] = (char)('A' + i % 26);
				n += (size_t)sprintf(buf + n, ";port-s=%zu;ealg=", vl);
				for (size_t i = 0; i < 71 - vl; i++)
					buf[n++] = (char)('0' + i % 10);
				n += (size_t)sprintf(buf + n, ";Q=0.%zu;spi-s=%zu;prot=esp;mod=t%zu", vl % 10,
						     vl * 100003, vl);
			}
			check_guarded(buf, n, list_check, NULL);
		}
	}
	/* every byte value in a value, in a name and in a mechanism, at every
	 * place of a 16-byte step: the walk's classification of token bytes
	 * against the offer-by-offer walk's */
	for (int c = 1; c < 256; c++) {
		for (size_t at = 0; at < 16; at++) {
			size_t n = (size_t)sprintf(buf, "ipsec-3gpp;alg=");
			for (size_t i = 0; i < at; i++)
				buf[n++] = 'v';
			buf[n++] = (char)c;
			n += (size_t)sprintf(buf + n, "w;e%calg=x;spi-c=1, m%c;q=1", c, c);
			check_guarded(buf, n, list_check, NULL);
		}
	}
	/* every known ";name=" with each of its bytes (the ';' and the '='
	 * too, which the fast walk's one-word lookup compares) replaced by
	 * every byte value, in a first and a second offer: the lookup's
	 * near misses, cases and separators against the offer-by-offer walk */
	static const char *const known[] = { "q=1", "alg=a", "mod=t", "ealg=e", "prot=esp",
					     "spi-c=7", "spi-s=8", "d-alg=md5", "d-qop=auth",
					     "d-ver=x", "port-c=5", "port-s=6" };
	for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
		size_t kl = (size_t)(strchr(known[k], '=') - known[k]) + 1;
		for (size_t at = 0; at <= kl; at++) {
			for (int c = 1; c < 256; c++) {
				for (int o = 0; o < 2; o++) {
					size_t n = (size_t)sprintf(buf, "%sipsec-3gpp;alg=z", o ? "tls, " : "");
					size_t s0 = n;
					n += (size_t)sprintf(buf + n, ";%s;mod=m", known[k]);
					buf[s0 + at] = (char)c;
					check_guarded(buf, n, list_check, NULL);
				}
			}
		}
	}
	/* a spi and a port of every length 1 to 60 digits (leading zeros),
	 * in range and not, and with a letter at the end */
	for (size_t z = 0; z < 50; z++) {
		for (int bad = 0; bad < 3; bad++) {
			size_t n = (size_t)sprintf(buf, "ipsec-3gpp;port-c=");
			for (size_t i = 0; i < z; i++)
				buf[n++] = '0';
			n += (size_t)sprintf(buf + n, "%s;spi-c=", bad == 1 ? "65536" : "5");
			for (size_t i = 0; i < z; i++)
				buf[n++] = '0';
			n += (size_t)sprintf(buf + n, "%s;alg=x, tls;port-s=%zu",
					     bad == 2 ? "1a" : bad ? "4294967296" : "4294967295", z);
			check_guarded(buf, n, list_check, NULL);
		}
	}
	list_check(SLICE_NULL, NULL);
}

/* The fast walk writes mechanism and params itself (it does not clear
 * them): an offer without parameters after one with them, into one struct
 * (cap 1) and into two, leaves params absent. */
static void test_sec_mech_list_params_absent(void)
{
	static const char v[] = "ipsec-3gpp;alg=hmac-md5-96;spi-c=1, tls, digest;d-alg=md5, x";
	char *g = check_guard_copy(v, sizeof v - 1);
	struct sip_sec_mech ms[4], one;
	size_t n = 0;
	memset(ms, 0xa5, sizeof ms);
	memset(&one, 0xa5, sizeof one);
	CHECK_INT_EQ(sip_sec_mech_list_run(slice_make(g, sizeof v - 1), ms, 4, &n, NULL), 0);
	CHECK_INT_EQ(n, 4);
	CHECK_SLICE_EQ(ms[0].params, "alg=hmac-md5-96;spi-c=1");
	CHECK_SLICE_EQ(ms[1].mechanism, "tls");
	CHECK(ms[1].params.ptr == NULL && ms[1].params.len == 0);
	CHECK_SLICE_EQ(ms[2].params, "d-alg=md5");
	CHECK(ms[3].params.ptr == NULL && ms[3].params.len == 0);
	CHECK_INT_EQ(sip_sec_mech_list_run(slice_make(g, sizeof v - 1), &one, 1, &n, NULL), 0);
	CHECK_INT_EQ(n, 4);
	CHECK_SLICE_EQ(one.mechanism, "x");
	CHECK(one.params.ptr == NULL && one.params.len == 0 && one.alg.ptr == NULL &&
	      !one.has_spi_c && one.spi_c == 0);
	check_guard_free(g, sizeof v - 1);
}

int main(void)
{
	test_sec_mech_tables();
	test_sec_mech_ex5_list();
	test_sec_mech_fast_lengths();
	test_sec_mech_fast_fallbacks();
	test_sec_mech_fast_list();
	test_sec_mech_list_run();
	test_sec_mech_list_params_absent();
	return check_done();
}
