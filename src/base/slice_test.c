/* slice_test.c: slices, the scanner and the codecs of base. */
#include <errno.h>
#include <imsreg/codec.h>
#include <imsreg/error.h>
#include <imsreg/scan.h>
#include <imsreg/slice.h>
#include "check.h"

static void test_slice_numbers_report_overflow(void)
{
	uint32_t v = 7;
	CHECK_INT_EQ(slice_u32(SLICE_LIT("4294967295"), &v), 0);
	CHECK_INT_EQ(v, 4294967295u);
	CHECK_INT_EQ(slice_u32(SLICE_LIT("4294967296"), &v), -ERANGE);
	CHECK_INT_EQ(slice_u32(SLICE_LIT(""), &v), -EINVAL);
	CHECK_INT_EQ(slice_u32(SLICE_LIT("12a"), &v), -EINVAL);
	uint64_t w;
	CHECK_INT_EQ(slice_u64(SLICE_LIT("18446744073709551616"), &w), -ERANGE);
	/* a non-digit after the overflow: not a number, not a large one */
	CHECK_INT_EQ(slice_u64(SLICE_LIT("184467440737095516160x"), &w), -EINVAL);
	CHECK_INT_EQ(slice_u32(SLICE_LIT("99999999999999999999999x"), &v), -EINVAL);
	CHECK_INT_EQ(slice_u32(SLICE_LIT("99999999999999999999999"), &v), -ERANGE);
}

static void test_slice_case_and_trim(void)
{
	CHECK(slice_caseeq_cstr(SLICE_LIT("Call-ID"), "call-id"));
	CHECK(!slice_caseeq_cstr(SLICE_LIT("Call-ID"), "call-i"));
	CHECK_SLICE_EQ(slice_trim(SLICE_LIT(" \t x y \r\n")), "x y");
	CHECK(slice_startswith_case(SLICE_LIT("SIP/2.0 200"), "sip/2.0"));
}

static void test_scan_lws_folds_and_stops_at_line_end(void)
{
	struct scan sc;
	scan_init(&sc, SLICE_LIT(" \r\n\tx"));
	CHECK(scan_lws(&sc));
	CHECK_INT_EQ(scan_peek(&sc), 'x');
	scan_init(&sc, SLICE_LIT(" \r\nx"));
	scan_lws(&sc);
	CHECK_INT_EQ(scan_peek(&sc), '\r');
	scan_init(&sc, SLICE_LIT("\n y"));
	scan_lws(&sc);
	CHECK_INT_EQ(scan_peek(&sc), 'y');
}

static void test_scan_quoted_handles_escapes_and_leaves_cursor_on_error(void)
{
	struct scan sc;
	struct slice out;
	scan_init(&sc, SLICE_LIT("\"a\\\"b\" rest"));
	CHECK_INT_EQ(scan_quoted(&sc, &out), 0);
	CHECK_SLICE_EQ(out, "a\\\"b");
	CHECK_INT_EQ(scan_peek(&sc), ' ');
	struct slice in = SLICE_LIT("\"open");
	scan_init(&sc, in);
	CHECK_INT_EQ(scan_quoted(&sc, &out), -EBADMSG);
	CHECK(sc.p == in.ptr);
	uint32_t v;
	struct slice big = SLICE_LIT("99999999999");
	scan_init(&sc, big);
	CHECK_INT_EQ(scan_u32(&sc, &v), -ERANGE);
	CHECK(sc.p == big.ptr);
}

static void test_token_class_matches_rfc3261(void)
{
	const char *tok = "abcXYZ019-.!%*_+`'~";
	for (const char *p = tok; *p; p++)
		CHECK(scan_is((unsigned char)*p, SCAN_TOKEN));
	const char *not_tok = "()<>@,;:\\\"/[]?={} \t";
	for (const char *p = not_tok; *p; p++)
		CHECK(!scan_is((unsigned char)*p, SCAN_TOKEN));
}

static void test_base64_and_hex_round_trip(void)
{
	uint8_t out[64];
	/* RFC 4648 §10 test vectors */
	CHECK_INT_EQ(base64_decode(out, sizeof out, SLICE_LIT("Zm9vYmFy")), 6);
	CHECK_INT_EQ(base64_decode(out, sizeof out, SLICE_LIT("Zm9vYg==")), 4);
	CHECK(memcmp(out, "foob", 4) == 0);
	CHECK_INT_EQ(base64_decode(out, sizeof out, SLICE_LIT("Zm9vYg")), 4);
	CHECK_INT_EQ(base64_decode(out, sizeof out, SLICE_LIT("Zm9vYmE=")), 5);
	CHECK_INT_EQ(base64_decode(out, sizeof out, SLICE_LIT("Zg==")), 1);
	CHECK_INT_EQ(base64_decode(out, sizeof out, SLICE_LIT("Z")), -EINVAL);
	CHECK_INT_EQ(base64_decode(out, sizeof out, SLICE_LIT("Zm9v!mFy")), -EINVAL);
	CHECK_INT_EQ(base64_decode(out, 3, SLICE_LIT("Zm9vYmFy")), -EMSGSIZE);
	char enc[16];
	CHECK_INT_EQ(base64_encode(enc, (const uint8_t *)"foob", 4), 8);
	CHECK_STR_EQ(enc, "Zm9vYg==");
	char hex[9];
	hex_encode(hex, (const uint8_t *)"\x01\xab\xff\x00", 4);
	CHECK_STR_EQ(hex, "01abff00");
	CHECK_INT_EQ(hex_decode(out, 4, SLICE_LIT("01ABff00")), 0);
	CHECK_INT_EQ(out[1], 0xab);
	CHECK_INT_EQ(hex_decode(out, 4, SLICE_LIT("01ABff0")), -EINVAL);
	CHECK_INT_EQ(hex_decode(out, 1, SLICE_LIT("0g")), -EINVAL);
}

static void test_error_position_counts_lines_and_columns(void)
{
	const char *t = "ab\r\ncde\nf";
	unsigned l, c;
	error_position(t, 9, 5, &l, &c);
	CHECK_INT_EQ(l, 2);
	CHECK_INT_EQ(c, 2);
	error_position(t, 9, 8, &l, &c);
	CHECK_INT_EQ(l, 3);
	CHECK_INT_EQ(c, 1);
}

int main(void)
{
	test_slice_numbers_report_overflow();
	test_slice_case_and_trim();
	test_scan_lws_folds_and_stops_at_line_end();
	test_scan_quoted_handles_escapes_and_leaves_cursor_on_error();
	test_token_class_matches_rfc3261();
	test_base64_and_hex_round_trip();
	test_error_position_counts_lines_and_columns();
	return check_done();
}
