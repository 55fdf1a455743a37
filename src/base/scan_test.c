/* scan_test.c: the word-at-a-time fast paths of scan.c and scan.h (scan_find3,
 * scan_quoted, scan_name_eq, scan_token) agree with a byte-by-byte reading,
 * at every length and position, and never read past the end. */
#include <errno.h>
#include <string.h>
#include <imsreg/scan.h>
#include "check.h"

static const char *naive_find3(const char *p, const char *end, char a, char b, char c)
{
	while (p < end && *p != a && *p != b && *p != c)
		p++;
	return p;
}

/* Every span length 0..40, with the stop byte at every position or absent,
 * each copy ending at a guard page: the overlapping last loads stay inside. */
static void test_scan_find3_finds_first_stop_at_every_length_and_position(void)
{
	const char stops[] = { ',', '"', '<' };
	for (size_t len = 0; len <= 40; len++) {
		for (size_t at = 0; at <= len; at++) {
			for (size_t k = 0; k < sizeof stops; k++) {
				char buf[64];
				memset(buf, 'a', sizeof buf);
				if (at < len)
					buf[at] = stops[k];
				/* a later stop must not hide the first one */
				if (at + 3 < len)
					buf[at + 3] = stops[(k + 1) % 3];
				char *g = check_guard_copy(buf, len);
				const char *want = naive_find3(g, g + len, ',', '"', '<');
				const char *got = scan_find3(g, g + len, ',', '"', '<');
				CHECK_INT_EQ(got - g, want - g);
				/* starting inside the span, after the first stop */
				if (at < len) {
					want = naive_find3(g + at + 1, g + len, ',', '"', '<');
					got = scan_find3(g + at + 1, g + len, ',', '"', '<');
					CHECK_INT_EQ(got - g, want - g);
				}
				check_guard_free(g, len);
			}
		}
	}
}

/* Bytes just below and above the stops (borrows of the word test) are not
 * taken for stops. */
static void test_scan_find3_ignores_neighbour_bytes(void)
{
	const char text[] = "\x01\x2b\x2d\x21\x23\x3b\x3d+-!#;=\xff\x80\x7f.";
	size_t len = sizeof text - 1;
	for (size_t off = 0; off < len; off++) {
		char *g = check_guard_copy(text + off, len - off);
		CHECK_INT_EQ(scan_find3(g, g + len - off, ',', '"', '<') - g, (long)(len - off));
		check_guard_free(g, len - off);
	}
}

/* The fast quoted-string scan against known verdicts, and every prefix of a
 * long string is "unterminated" with the cursor back on the quote. */
static void test_scan_quoted_fast_path_keeps_verdicts_and_positions(void)
{
	static const struct {
		const char *in;
		int rc;
		size_t cursor; /* where the cursor ends */
		size_t content; /* content length when rc == 0 */
	} cases[] = {
		{ "\"\"", 0, 2, 0 },
		{ "\"abcdefghijklmnopqrstuvwxyz0123456789\" x", 0, 38, 36 },
		{ "\"abcdefghijklmnop\\\"qrstuvwxyz\"", 0, 30, 28 },
		{ "\"abcdefghijklmnopqrst\r\n uvwxyz\"", 0, 31, 29 },
		{ "\"abcdefghijklmnopqrst\r\nuvwxyz\"", -EBADMSG, 21, 0 },
		{ "\"abcdefghijklmnopqrst\nuvwxyz\"", -EBADMSG, 21, 0 },
		{ "\"abcdefghijklmnopqrst\\\r\n uvwxyz\"", -EBADMSG, 21, 0 },
		{ "\"abcdefghijklmnopqrstuvwxyz", -EBADMSG, 0, 0 },
		{ "\"abcdefghijklmnopqrstuvwxyz\\", -EBADMSG, 27, 0 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = strlen(cases[i].in);
		char *g = check_guard_copy(cases[i].in, len);
		struct scan sc = { g, g + len };
		struct slice out = SLICE_NULL;
		CHECK_INT_EQ(scan_quoted(&sc, &out), cases[i].rc);
		CHECK_INT_EQ(sc.p - g, (long)cases[i].cursor);
		if (cases[i].rc == 0)
			CHECK_INT_EQ(out.len, cases[i].content);
		check_guard_free(g, len);
	}
	const char *s = "\"0123456789abcdef0123456789abcdef0123456789\"";
	for (size_t n = 1; n < strlen(s); n++) {
		char *g = check_guard_copy(s, n);
		struct scan sc = { g, g + n };
		CHECK_INT_EQ(scan_quoted(&sc, NULL), -EBADMSG);
		CHECK(sc.p == g);
		check_guard_free(g, n);
	}
}

static void test_scan_name_eq_folds_letters_only(void)
{
	CHECK(scan_name_eq("Spi-C", "spi-c", 5));
	CHECK(scan_name_eq("INTEGRITY-PROTECTED", "integrity-protected", 19));
	CHECK(scan_name_eq("nc", "nc", 2));
	/* CR | 0x20 is '-', '[' | 0x20 is '{': neither may alias */
	CHECK(!scan_name_eq("spi\rc", "spi-c", 5));
	CHECK(!scan_name_eq("d\x0d" "alg", "d-alg", 5));
	CHECK(!scan_name_eq("usernamf", "username", 8));
	CHECK(!scan_name_eq("\x10", "0", 1));
}

static void test_scan_token_stops_at_first_non_token_byte(void)
{
	const char *s = "abc-DEF.123!%*_+`'~x;rest";
	for (size_t n = 0; n <= strlen(s); n++) {
		char *g = check_guard_copy(s, n);
		struct scan sc = { g, g + n };
		struct slice tok;
		size_t want = n < 20 ? n : 20;
		CHECK_INT_EQ(scan_token(&sc, &tok), want ? 0 : -EBADMSG);
		CHECK_INT_EQ(sc.p - g, (long)want);
		check_guard_free(g, n);
	}
}

/* Every byte value 0..255 at every one of 40 positions of a token run: the
 * sixteen-at-a-time class (SSSE3 where built with it) stops exactly where
 * the scan_class table says, at the same byte as a byte-by-byte reading. */
static void test_scan_token_span_agrees_with_class_table_for_every_byte(void)
{
	char buf[48];
	for (unsigned c = 0; c < 256; c++) {
		bool tok = scan_is((unsigned char)c, SCAN_TOKEN);
		for (size_t at = 0; at < 40; at++) {
			memset(buf, 'a', sizeof buf);
			buf[at] = (char)c;
			buf[40] = ';';
			const char *q = scan_class_span(buf, buf + sizeof buf, SCAN_TOKEN);
			CHECK_INT_EQ(q - buf, tok ? 40 : (long)at);
		}
	}
}

/* RFC 3629's table 3 and its examples: what starts a sequence, and
 * what does not (overlong forms, surrogates, beyond U+10FFFF, a lead byte
 * without its continuation bytes, a lone continuation byte). */
static void test_utf8_seq_len_follows_rfc3629(void)
{
	static const struct {
		const char *in;
		size_t n;
		size_t want;
	} rows[] = {
		{ "A", 1, 1 },
		{ "\x7f", 1, 1 },
		{ "\xc3\xa9", 2, 2 },             /* é */
		{ "\xe2\x82\xac", 3, 3 },         /* € */
		{ "\xf0\x9f\x93\x9e", 4, 4 },     /* U+1F4DE */
		{ "\xf4\x8f\xbf\xbf", 4, 4 },     /* U+10FFFF */
		{ "\xed\x9f\xbf", 3, 3 },         /* U+D7FF */
		{ "\xee\x80\x80", 3, 3 },         /* U+E000 */
		{ "\xe9", 1, 0 },                 /* Latin-1 é */
		{ "\xe9 M", 3, 0 },
		{ "\xc3", 1, 0 },                 /* cut */
		{ "\xe2\x82", 2, 0 },
		{ "\xc3\x28", 2, 0 },             /* no continuation */
		{ "\x80", 1, 0 },                 /* a lone continuation */
		{ "\xbf", 1, 0 },
		{ "\xc0\xaf", 2, 0 },             /* overlong '/' */
		{ "\xc1\xbf", 2, 0 },
		{ "\xe0\x9f\xbf", 3, 0 },         /* overlong U+07FF */
		{ "\xf0\x8f\xbf\xbf", 4, 0 },     /* overlong U+FFFF */
		{ "\xed\xa0\x80", 3, 0 },         /* U+D800 */
		{ "\xed\xbf\xbf", 3, 0 },         /* U+DFFF */
		{ "\xf4\x90\x80\x80", 4, 0 },     /* U+110000 */
		{ "\xf5\x80\x80\x80", 4, 0 },
		{ "\xf8\x88\x80\x80\x80", 5, 0 }, /* RFC 2279's five bytes */
		{ "\xfe", 1, 0 },
		{ "\xff", 1, 0 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *g = check_guard_copy(rows[i].in, rows[i].n);
		CHECK_INT_EQ(utf8_seq_len((const unsigned char *)g, rows[i].n), rows[i].want);
	}
}

/* Every code point (surrogates aside) encoded: utf8_seq_len takes the
 * whole sequence, utf8_decode gives the code point back, and
 * utf8_text_len refuses exactly the controls (C0, DEL, C1) and the
 * characters that reorder or break the text around them unseen (ALM,
 * LRM, RLM, LS, PS, LRE..RLO, LRI..PDI: CVE-2021-42574's list and UAX #9's
 * marks). */
static void test_utf8_text_len_refuses_controls_and_bidi_only(void)
{
	unsigned long wrong_len = 0, wrong_cp = 0, wrong_text = 0, refused = 0;
	for (uint32_t cp = 0; cp < 0x110000; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		char v[4];
		size_t k = utf8_encode(v, cp);
		const unsigned char *u = (const unsigned char *)v;
		if (utf8_seq_len(u, k) != k)
			wrong_len++;
		else if (utf8_decode(u, k) != cp)
			wrong_cp++;
		bool hidden = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200e ||
			      cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
		size_t t = utf8_text_len(u, k);
		if (t != (hidden ? 0 : k))
			wrong_text++;
		refused += t == 0;
	}
	CHECK_INT_EQ(wrong_len, 0);
	CHECK_INT_EQ(wrong_cp, 0);
	CHECK_INT_EQ(wrong_text, 0);
	CHECK_INT_EQ(refused, 32 + 33 + 1 + 2 + 7 + 4);
	/* a neighbour of each range is text: U+061B, U+200D (ZWJ of emoji), U+2027, U+202F, U+2065, U+206A */
	static const uint32_t text[] = { 0x061b, 0x200d, 0x2027, 0x202f, 0x2065, 0x206a, 0xa0 };
	for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
		char v[4];
		size_t k = utf8_encode(v, text[i]);
		CHECK_INT_EQ(utf8_text_len((const unsigned char *)v, k), k);
	}
}

static const char *naive_non_utf8(const char *p, const char *end)
{
	while (p < end) {
		size_t k = utf8_seq_len((const unsigned char *)p, (size_t)(end - p));
		if (!k)
			return p;
		p += k;
	}
	return end;
}

/* Every length 0..48 with é (C3 A9), a Latin-1 é (E9) or a sequence cut by
 * the end at every place: the block-at-a-time path finds what a byte walk
 * finds, and reads nothing past the end (guard page). */
static void test_scan_find_non_utf8_agrees_with_byte_walk(void)
{
	static const struct {
		const char *b;
		size_t n;
	} ins[] = { { "\xc3\xa9", 2 }, { "\xe9", 1 }, { "\xe2\x82", 2 }, { "\xf0\x9f\x93\x9e", 4 } };
	for (size_t len = 0; len <= 48; len++) {
		for (size_t at = 0; at <= len; at++) {
			for (size_t k = 0; k < sizeof ins / sizeof ins[0]; k++) {
				char buf[64];
				memset(buf, 'a', sizeof buf);
				size_t n = at + ins[k].n <= len ? ins[k].n : len - at;
				memcpy(buf + at, ins[k].b, n);
				char *g = check_guard_copy(buf, len);
				CHECK_INT_EQ(scan_find_non_utf8(g, g + len) - g, naive_non_utf8(g, g + len) - g);
			}
		}
	}
	const char *lat = "From: \"Jos\xe9 M\xfcller\" <sip:a@b>";
	CHECK_INT_EQ(scan_find_non_utf8(lat, lat + strlen(lat)) - lat, 10);
	const char *ok = "From: \"Jos\xc3\xa9 M\xc3\xbcller\" <sip:a@b>";
	CHECK_INT_EQ(scan_find_non_utf8(ok, ok + strlen(ok)) - ok, (long)strlen(ok));
}

int main(void)
{
	test_scan_find3_finds_first_stop_at_every_length_and_position();
	test_scan_find3_ignores_neighbour_bytes();
	test_scan_quoted_fast_path_keeps_verdicts_and_positions();
	test_scan_name_eq_folds_letters_only();
	test_scan_token_stops_at_first_non_token_byte();
	test_scan_token_span_agrees_with_class_table_for_every_byte();
	test_utf8_seq_len_follows_rfc3629();
	test_utf8_text_len_refuses_controls_and_bidi_only();
	test_scan_find_non_utf8_agrees_with_byte_walk();
	return check_done();
}
