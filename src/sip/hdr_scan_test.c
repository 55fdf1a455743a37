/* hdr_scan_test.c: the sixteen-byte scanners of hdr_scan.h against their
 * byte-by-byte definitions (every byte value, every length, every stop
 * position, every start, from guard-page copies) and the inline
 * sip_genparam_next against sip_genparam_next_run, which reads every form. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/sip.h>
#include "check.h"
#include "hdr_scan.h"

static bool is_ipv6_byte(unsigned char c)
{
	return scan_is(c, SCAN_HEX) || c == ':' || c == '.';
}

static bool is_pvalue_byte(unsigned char c)
{
	return scan_is(c, SCAN_TOKEN) || c == ':' || c == '[' || c == ']' || c == '/' || c == '&' ||
	       c == '$';
}

static bool is_quote_stop(unsigned char c)
{
	return c == '"' || c == '\\' || c == '\r' || c == '\n';
}

/* The class tables hold exactly the bytes of their definitions. */
static void test_rows(void)
{
	for (unsigned c = 0; c < 256; c++) {
		CHECK_INT_EQ(hdr_in_rows((unsigned char)c, scan_rows_token), scan_is((unsigned char)c, SCAN_TOKEN));
		CHECK_INT_EQ(hdr_in_rows((unsigned char)c, hdr_rows_word), scan_is((unsigned char)c, SCAN_WORD));
		CHECK_INT_EQ(hdr_in_rows((unsigned char)c, hdr_rows_ipv6), is_ipv6_byte((unsigned char)c));
		CHECK_INT_EQ(hdr_in_rows((unsigned char)c, hdr_rows_pvalue), is_pvalue_byte((unsigned char)c));
	}
}

enum scanner { S_TOKEN, S_WORD, S_IPV6, S_QUOTE, S_PVALUE, S__COUNT };

static const char *run_scanner(enum scanner s, const char *p, const char *lo, const char *end)
{
	switch (s) {
	case S_TOKEN:
		return hdr_token_end(p, lo, end);
	case S_WORD:
		return hdr_class_end(p, lo, end, hdr_rows_word);
	case S_IPV6:
		return hdr_class_end(p, lo, end, hdr_rows_ipv6);
	case S_QUOTE:
		return hdr_quote_stop(p, lo, end);
	case S_PVALUE:
		return hdr_class_end(p, lo, end, hdr_rows_pvalue);
	default:
		return NULL;
	}
}

/* true when the scanner goes on over c */
static bool scanner_takes(enum scanner s, unsigned char c)
{
	switch (s) {
	case S_TOKEN:
		return scan_is(c, SCAN_TOKEN);
	case S_WORD:
		return scan_is(c, SCAN_WORD);
	case S_IPV6:
		return is_ipv6_byte(c);
	case S_QUOTE:
		return !is_quote_stop(c);
	case S_PVALUE:
		return is_pvalue_byte(c);
	default:
		return false;
	}
}

/* A byte the scanner goes on over (varied by position). */
static char filler(enum scanner s, size_t i)
{
	static const char any[] = "a0Zf9.";
	char c = any[i % 6];
	if (s == S_IPV6 && (c == 'Z'))
		c = 'E';
	return c;
}

/* Every start from every lo in a guarded buffer of len bytes: the result
 * is the first byte the scanner stops on, or end. */
static void check_all_starts(enum scanner s, const char *buf, size_t len)
{
	const char *end = buf + len;
	for (size_t lo = 0; lo <= len; lo++)
		for (size_t p = lo; p <= len; p++) {
			const char *want = buf + p;
			while (want < end && scanner_takes(s, (unsigned char)*want))
				want++;
			const char *got = run_scanner(s, buf + p, buf + lo, end);
			if (got != want) {
				fprintf(stderr, "scanner %d len %zu lo %zu p %zu: got %td want %td\n", (int)s,
					len, lo, p, got - buf, want - buf);
				CHECK(got == want);
				return;
			}
		}
	check_passed++;
}

/* Every length 0 .. 40, the stop byte at every position (or none). */
static void test_scanners_positions(void)
{
	char tmp[64];
	for (int s = 0; s < S__COUNT; s++)
		for (size_t len = 0; len <= 40; len++)
			for (size_t k = 0; k <= len; k++) {
				for (size_t i = 0; i < len; i++)
					tmp[i] = filler((enum scanner)s, i);
				if (k < len)
					tmp[k] = s == S_QUOTE ? '"' : ';';
				char *g = check_guard_copy(tmp, len);
				CHECK(g != NULL);
				if (!g)
					return;
				check_all_starts((enum scanner)s, g, len);
				check_guard_free(g, len);
			}
}

/* Every byte value at a few positions of buffers either side of sixteen. */
static void test_scanners_bytes(void)
{
	static const size_t lens[] = { 1, 7, 15, 16, 17, 31, 33 };
	char tmp[64];
	for (int s = 0; s < S__COUNT; s++)
		for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++) {
			size_t len = lens[li];
			for (unsigned c = 0; c < 256; c++)
				for (size_t k = 0; k < len; k += (len > 8 ? 5 : 1)) {
					for (size_t i = 0; i < len; i++)
						tmp[i] = filler((enum scanner)s, i);
					tmp[k] = (char)c;
					char *g = check_guard_copy(tmp, len);
					if (!g) {
						CHECK(g != NULL);
						return;
					}
					const char *end = g + len;
					for (size_t p = 0; p <= len; p++) {
						const char *w = g + p;
						while (w < end && scanner_takes((enum scanner)s, (unsigned char)*w))
							w++;
						const char *got = run_scanner((enum scanner)s, g + p, g, end);
						if (got != w) {
							fprintf(stderr, "scanner %d len %zu byte 0x%02x at %zu p %zu: got %td want %td\n",
								s, len, c, k, p, got - g, w - g);
							CHECK(got == w);
						}
					}
					check_guard_free(g, len);
				}
			check_passed++;
		}
}

/* hdr_lws against scan_lws on every short mix of SP HTAB CR LF and a letter. */
static void test_lws(void)
{
	static const char alphabet[] = " \t\r\na";
	char tmp[4];
	for (size_t len = 0; len <= 4; len++) {
		size_t n = 1;
		for (size_t i = 0; i < len; i++)
			n *= 5;
		for (size_t code = 0; code < n; code++) {
			size_t x = code;
			for (size_t i = 0; i < len; i++) {
				tmp[i] = alphabet[x % 5];
				x /= 5;
			}
			char *g = check_guard_copy(tmp, len);
			if (!g) {
				CHECK(g != NULL);
				return;
			}
			struct scan a = { g, g + len }, b = { g, g + len };
			bool ra = hdr_lws(&a), rb = scan_lws_run(&b);
			CHECK_INT_EQ(ra, rb);
			CHECK(a.p == b.p);
			check_guard_free(g, len);
		}
	}
}

/* ---- sip_genparam_next: the inline path reads as the run does --------- */

struct gp_case {
	const char *in;
	unsigned flags;
};

static const struct gp_case gp_cases[] = {
	{ ";branch=z9hG4bK2830127745", SIP_GENPARAM_VIA },
	{ ";received=2001:db8:1:0:a1b2:c3d4:e5f6:1;rport=5060;branch=z9hG4bK2830127745", SIP_GENPARAM_VIA },
	{ ";received=2001:db8:1:0:a1b2:c3d4:e5f6:1;rport=5060;branch=z9hG4bK2830127745", 0 },
	{ ";RECEIVED=2001:db8::1.2.3.4:9;x", SIP_GENPARAM_VIA },
	{ ";receivex=2001:db8::1", SIP_GENPARAM_VIA },
	{ ";received=[2001:db8::1];rport", SIP_GENPARAM_VIA },
	{ ";received=192.0.2.1:5060", SIP_GENPARAM_VIA | SIP_GENPARAM_LIST },
	{ ";rport;branch=z9hG4bK.a8f3c1d2,SIP/2.0/UDP x", SIP_GENPARAM_VIA | SIP_GENPARAM_LIST },
	{ ";rport;branch=z9hG4bK.a8f3c1d2,SIP/2.0/UDP x", SIP_GENPARAM_VIA },
	{ ";reg-id=1;+sip.instance=\"<urn:gsma:imei:35425006-000655-0>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\";+g.3gpp.smsip;video;audio;expires=600000", 0 },
	{ ";a=\"x\\\"y\";b=\"\";c=\"\r\n d\";e", 0 },
	{ ";a=\"unterminated", 0 },
	{ ";tag=1762538920, <sip:x>", SIP_GENPARAM_LIST },
	{ ";tag=1762538920 , <sip:x>", SIP_GENPARAM_LIST },
	{ " ; tag = abc ;x", 0 },
	{ ";;x", 0 },
	{ ";", 0 },
	{ ";=x", 0 },
	{ ";a=", 0 },
	{ ";a=@", 0 },
	{ ";a=b@c", 0 },
	{ ";a@b", 0 },
	{ ";a\t=b", 0 },
	{ ";a=[::1]x;b", 0 },
	{ ";0123456789abcdef0123=0123456789abcdef0123456789;x=y", 0 },
	{ "x;a", 0 },
	{ ";a=\"\x01\";b", 0 },
	{ ";a=\xc3\xa9;b", 0 },
	{ ";\xc3\xa9=b", 0 },
};

static void same_param(const struct sip_param *a, const struct sip_param *b)
{
	CHECK(a->name.ptr == b->name.ptr && a->name.len == b->name.len);
	CHECK(a->value.ptr == b->value.ptr && a->value.len == b->value.len);
	CHECK_INT_EQ(a->quoted, b->quoted);
}

static void gp_each(struct slice in, const void *arg)
{
	const struct gp_case *c = arg;
	struct scan fa = { in.ptr, in.ptr + in.len }, ra = fa;
	for (int guard = 0; guard < 64; guard++) {
		struct sip_param pf = { { NULL, 0 }, { NULL, 0 }, false }, pr = pf;
		struct sip_parse_error ef = { 0 }, er = { 0 };
		int rf = sip_genparam_next(&fa, in.ptr, &pf, c->flags, &ef);
		int rr;
		/* the reference: what the run reads from the same place, with
		 * the same end-of-list test the inline path makes first */
		if (ra.p == ra.end || (*ra.p == ',' && (c->flags & SIP_GENPARAM_LIST)))
			rr = 0;
		else
			rr = sip_genparam_next_run(&ra, &pr, c->flags, &er);
		if (rf != rr || fa.p != ra.p) {
			fprintf(stderr, "genparam \"%s\" (len %zu): inline %d at %td, run %d at %td\n", c->in,
				in.len, rf, fa.p - in.ptr, rr, ra.p - in.ptr);
			CHECK(rf == rr && fa.p == ra.p);
			return;
		}
		if (rf > 0) {
			same_param(&pf, &pr);
			continue;
		}
		if (rf < 0) {
			CHECK(ef.at == er.at);
			CHECK(ef.reason == er.reason);
		}
		return;
	}
}

static void test_genparam(void)
{
	CHECK_TABLE_EVERY_PREFIX(gp_cases, gp_each);
	/* and from a start inside a longer slice (lo before the cursor) */
	for (size_t i = 0; i < sizeof gp_cases / sizeof gp_cases[0]; i++) {
		const char *in = gp_cases[i].in;
		size_t len = strlen(in);
		char *tmp = malloc(len + 20);
		if (!tmp)
			return;
		memcpy(tmp, "SIP/2.0/UDP h:5060x", 19);
		memcpy(tmp + 19, in, len);
		char *g = check_guard_copy(tmp, len + 19);
		free(tmp);
		if (!g)
			return;
		struct scan fa = { g + 19, g + 19 + len }, ra = fa;
		struct sip_param pf, pr;
		struct sip_parse_error ef = { 0 }, er = { 0 };
		for (int guard = 0; guard < 64; guard++) {
			int rf = sip_genparam_next(&fa, g, &pf, gp_cases[i].flags, &ef);
			int rr = ra.p == ra.end || (*ra.p == ',' && (gp_cases[i].flags & SIP_GENPARAM_LIST))
					 ? 0
					 : sip_genparam_next_run(&ra, &pr, gp_cases[i].flags, &er);
			CHECK(rf == rr && fa.p == ra.p);
			if (rf <= 0 || rr <= 0 || fa.p != ra.p)
				break;
			same_param(&pf, &pr);
		}
		check_guard_free(g, len + 19);
	}
}

/* ---- SIP_GENPARAM_FIRST: a field made only of parameters --------------- */

struct first_case {
	const char *in;
	int want;          /* parameters read, or -1 for an error */
	long at;           /* the error's offset */
	const char *names; /* the names read, '|'-joined */
};

static const struct first_case first_cases[] = {
	{ "icid-value=1;icid-generated-at=192.0.2.1;orig-ioi=home.example.net", 3, 0,
	  "icid-value|icid-generated-at|orig-ioi" },
	{ "ccf=192.0.2.10 ; ecf=[2001:db8::2]", 2, 0, "ccf|ecf" },
	{ "icid-value=\"PCSCF:1=2\"", 1, 0, "icid-value" },
	{ "a", 1, 0, "a" },
	{ "", 0, 0, "" },
	/* a ';' first is an empty parameter, not a separator */
	{ ";a", -1, 0, NULL },
	{ ";;", -1, 0, NULL },
	/* gen-value: ':' and '=' and '/' only quoted */
	{ "icid-value=PCSCF:1", -1, 16, NULL },
	{ "icid-value=ab=", -1, 13, NULL },
	{ "ccf=a/b;ecf=c", -1, 5, NULL },
	{ "a;b;", -1, 4, NULL },
	{ "=x", -1, 0, NULL },
};

static void test_genparam_first(void)
{
	for (size_t i = 0; i < sizeof first_cases / sizeof first_cases[0]; i++) {
		const struct first_case *c = &first_cases[i];
		size_t len = strlen(c->in);
		char *g = check_guard_copy(c->in, len);
		if (!g)
			return;
		struct scan sc = { g, g + len };
		struct sip_param p;
		struct sip_parse_error err = { 0 };
		char names[256] = "";
		int n = 0, rc;
		while ((rc = sip_genparam_next(&sc, g, &p, n == 0 ? SIP_GENPARAM_FIRST : 0, &err)) > 0) {
			size_t k = strlen(names);
			snprintf(names + k, sizeof names - k, "%s%.*s", n ? "|" : "", (int)p.name.len,
				 p.name.ptr);
			n++;
		}
		if (c->want < 0) {
			if (rc >= 0 || err.at != g + c->at)
				fprintf(stderr, "first \"%s\": rc %d at %td\n", c->in, rc,
					err.at ? err.at - g : -1);
			CHECK_INT_EQ(rc, -EBADMSG);
			CHECK(err.at == g + c->at);
		} else {
			CHECK_INT_EQ(rc, 0);
			CHECK_INT_EQ(n, c->want);
			CHECK_STR_EQ(names, c->names);
		}
	}
}

int main(void)
{
	test_rows();
	test_scanners_positions();
	test_scanners_bytes();
	test_lws();
	test_genparam();
	test_genparam_first();
	return check_done();
}
