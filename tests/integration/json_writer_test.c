/* json_writer_test.c: the JSON writer of imsreg decode --json (RFC 8259):
 * commas, nesting, escaping of quotes, control bytes and invalid UTF-8. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "cli/json.h"

static void escape_case(const char *in, size_t len, const char *want)
{
	struct buf b;
	buf_init(&b);
	json_escape(&b, slice_make(in, len));
	CHECK_STR_EQ(b.ptr, want);
	buf_fini(&b);
}

static void test_json_escape_quotes_backslash_and_controls(void)
{
	escape_case("a\"b\\c", 5, "\"a\\\"b\\\\c\"");
	escape_case("l1\r\nl2\t", 7, "\"l1\\r\\nl2\\t\"");
	escape_case("\x01\x1f\x7f", 3, "\"\\u0001\\u001f\\u007f\"");
	escape_case("nul\0x", 5, "\"nul\\u0000x\"");
	escape_case("", 0, "\"\"");
}

static void test_json_escape_keeps_utf8_and_escapes_invalid_bytes(void)
{
	escape_case("\xc2\xa7 10.2", 7, "\"\xc2\xa7 10.2\"");           /* § */
	escape_case("\xe2\x82\xac", 3, "\"\xe2\x82\xac\"");             /* € */
	escape_case("\xff\xfe", 2, "\"\\u00ff\\u00fe\"");               /* not UTF-8 */
	escape_case("\xc3", 1, "\"\\u00c3\"");                          /* truncated sequence */
	escape_case("\xc0\xaf", 2, "\"\\u00c0\\u00af\"");               /* overlong */
	escape_case("\xed\xa0\x80", 3, "\"\\u00ed\\u00a0\\u0080\"");   /* surrogate */
}

/* The escaper's 16-byte scan against the byte rule: every special byte
 * (controls, '"', '\\', DEL, a byte above ASCII) at every position of
 * strings of 0 to 40 bytes. */
static void test_json_escape_finds_each_special_byte_at_every_position(void)
{
	static const unsigned char specials[] = { 0x00, 0x01, 0x1f, '"', '\\', 0x7f, 0x80, 0xff };
	for (size_t len = 1; len <= 40; len++)
		for (size_t at = 0; at < len; at++)
			for (size_t k = 0; k < sizeof specials; k++) {
				char in[48], want[128];
				memset(in, 'a' + (int)(len % 26), len);
				in[at] = (char)specials[k];
				size_t w = 0;
				want[w++] = '"';
				for (size_t i = 0; i < len; i++) {
					unsigned char c = (unsigned char)in[i];
					if (c == '"' || c == '\\') {
						want[w++] = '\\';
						want[w++] = (char)c;
					} else if (c < 0x20 || c >= 0x7f) {
						w += (size_t)snprintf(want + w, sizeof want - w, "\\u%04x", c);
					} else {
						want[w++] = (char)c;
					}
				}
				want[w++] = '"';
				want[w] = '\0';
				escape_case(in, len, want);
			}
}

static void test_json_writer_commas_and_nesting(void)
{
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, false);
	json_object_begin(&j);
	json_key(&j, "a");
	json_u64(&j, 1);
	json_key(&j, "b");
	json_array_begin(&j);
	json_string(&j, SLICE_LIT("x"));
	json_string(&j, SLICE_NULL);
	json_bool(&j, true);
	json_i64(&j, -5);
	json_array_end(&j);
	json_key(&j, "c");
	json_object_begin(&j);
	json_object_end(&j);
	json_key(&j, "d");
	json_cstring(&j, NULL);
	json_object_end(&j);
	CHECK_STR_EQ(b.ptr, "{\"a\":1,\"b\":[\"x\",null,true,-5],\"c\":{},\"d\":null}");
	CHECK_INT_EQ(b.err, 0);
	buf_fini(&b);
}

static void test_json_writer_pretty_output(void)
{
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, true);
	json_object_begin(&j);
	json_key(&j, "k");
	json_array_begin(&j);
	json_u64(&j, 2);
	json_array_end(&j);
	json_key(&j, "e");
	json_array_begin(&j);
	json_array_end(&j);
	json_object_end(&j);
	CHECK_STR_EQ(b.ptr, "{\n  \"k\": [\n    2\n  ],\n  \"e\": []\n}\n");
	buf_fini(&b);
}

static void test_json_writer_reports_too_deep_and_unbalanced(void)
{
	struct buf b;
	struct json j;
	buf_init(&b);
	json_init(&j, &b, false);
	for (int i = 0; i < JSON_MAX_DEPTH + 1; i++)
		json_array_begin(&j);
	CHECK_INT_EQ(b.err, -EOVERFLOW);
	buf_fini(&b);
	buf_init(&b);
	json_init(&j, &b, false);
	json_object_end(&j);
	CHECK_INT_EQ(b.err, -EINVAL);
	buf_fini(&b);
}

int main(void)
{
	test_json_escape_quotes_backslash_and_controls();
	test_json_escape_keeps_utf8_and_escapes_invalid_bytes();
	test_json_escape_finds_each_special_byte_at_every_position();
	test_json_writer_commas_and_nesting();
	test_json_writer_pretty_output();
	test_json_writer_reports_too_deep_and_unbalanced();
	return check_done();
}
