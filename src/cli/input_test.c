/* input_test.c: framing an input into messages (cli_source) and the line
 * and column it gives back for a byte of a message. */
#include <stdio.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/error.h>
#include "check.h"
#include "cli/cli.h"

#define WIRE_MSG(cseq)                                                                             \
	"REGISTER sip:ims.example SIP/2.0\r\n"                                                     \
	"Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK" cseq "\r\n"                                     \
	"Max-Forwards: 70\r\n"                                                                     \
	"From: <sip:u@ims.example>;tag=1\r\n"                                                      \
	"To: <sip:u@ims.example>\r\n"                                                              \
	"Call-ID: c1\r\n"                                                                          \
	"CSeq: " cseq " REGISTER\r\n"                                                              \
	"Contact: <sip:u@10.0.0.1>\r\n"                                                            \
	"Content-Length: 5\r\n"                                                                    \
	"\r\n"                                                                                     \
	"a\nb\r\n"

/* A strict input's positions come from its line index (binary search):
 * they must be those that counting every line from the start gives, for
 * every byte of every message, across messages, keep-alive CRLFs and a
 * body with a bare LF. */
static void test_strict_positions_are_the_counted_ones(void)
{
	static const char text[] = "\r\n" WIRE_MSG("1") "\r\n\r\n" WIRE_MSG("2") WIRE_MSG("3");
	for (int framing = CLI_FRAMING_STREAM; framing <= CLI_FRAMING_DATAGRAM; framing++) {
		struct cli_input in = { "t", (char *)text, sizeof text - 1 };
		struct cli_source src;
		static struct cli_msg m;
		CHECK_INT_EQ(cli_source_init(&src, &in, (enum cli_framing)framing, stderr), 0);
		CHECK(src.line_starts != NULL);
		m.index = 0;
		unsigned nmsgs = 0;
		int rc;
		while ((rc = cli_source_next(&src, &m, stderr)) == 1) {
			nmsgs++;
			for (size_t off = 0; off <= m.msg.len; off++) {
				unsigned l1, c1, l2, c2;
				cli_msg_position(&m, off, &l1, &c1);
				error_position(in.data, in.len, m.base + off, &l2, &c2);
				if (l1 != l2 || c1 != c2) {
					fprintf(stderr, "message %u byte %zu: %u:%u, counted %u:%u\n", nmsgs,
						off, l1, c1, l2, c2);
					CHECK(!"positions equal");
					break;
				}
			}
		}
		CHECK_INT_EQ(rc, 0);
		CHECK_INT_EQ(nmsgs, framing == CLI_FRAMING_DATAGRAM ? 1u : 3u);
		cli_source_fini(&src);
		CHECK(src.line_starts == NULL);
	}
}

/* Lenient input keeps its own map (the paste normaliser's): no index. */
static void test_lenient_input_has_no_line_index(void)
{
	static const char text[] = "REGISTER sip:a SIP/2.0\nTo: <sip:u@a>\n\n";
	struct cli_input in = { "t", (char *)text, sizeof text - 1 };
	struct cli_source src;
	CHECK_INT_EQ(cli_source_init(&src, &in, CLI_FRAMING_LENIENT, stderr), 0);
	CHECK(src.line_starts == NULL);
	cli_source_fini(&src);
}

/* journalctl's "[SIZE blob data]" at the end of a line, as it prints an
 * entry with control characters without -a; nothing else counts. */
static void test_journal_blob_lines_are_counted(void)
{
	static const struct {
		const char *text;
		size_t want;
	} rows[] = {
		{ "Nov 22 10:01:02 pcscf kamailio[812]: [1.2K blob data]\n", 1 },
		{ "a: [903B blob data]\r\nb: [17.5M blob data]  \nc: [2G blob data]", 3 },
		{ "[903B blob data]\n", 1 },
		{ "x: [903B blob data] and more\n", 0 },      /* not the line's end */
		{ "x: [B blob data]\n", 0 },                  /* no size */
		{ "x: [.5K blob data]\n", 0 },
		{ "x: 903B blob data]\n", 0 },                /* no '[' */
		{ "x: [903B blob data]]\n", 0 },
		{ " blob data]\n", 0 },
		{ "REGISTER sip:a SIP/2.0\n", 0 },
		{ "", 0 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct cli_input in = { "t", (char *)rows[i].text, strlen(rows[i].text) };
		size_t got = cli_input_journal_blobs(&in);
		if (got != rows[i].want)
			fprintf(stderr, "row %zu: %zu, want %zu\n", i, got, rows[i].want);
		CHECK_INT_EQ(got, rows[i].want);
	}
}

/* Text saved as UTF-16 (Windows PowerShell 5's `>`, Notepad's "Unicode"):
 * told by its byte order mark, or without one by the NUL byte of every
 * ASCII character; other text and UTF-32 are not. */
static void test_utf16_text_is_told_from_its_bytes(void)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *want;
	} rows[] = {
		{ "\xff\xfeR\0E\0", 6, "UTF-16LE" },
		{ "\xfe\xff\0R\0E", 6, "UTF-16BE" },
		{ "\xff\xfe", 2, "UTF-16LE" },                                   /* the mark alone */
		{ "R\0E\0G\0I\0S\0T\0E\0R\0", 16, "UTF-16LE" },                 /* no mark */
		{ "\0R\0E\0G\0I\0S\0T\0E\0R", 16, "UTF-16BE" },
		{ "\xff\xfe\0\0R\0\0\0", 8, NULL },                              /* UTF-32LE */
		{ "REGISTER sip:a SIP/2.0\r\n", 24, NULL },
		{ "R\0E\0G\0I\0", 8, "UTF-16LE" },
		{ "R\0E\0G\0", 6, NULL },                                          /* too short to tell */
		{ "R\0E\0G\0I\0S\0T\0E\0R\xc3\xa9", 16, NULL },               /* not all ASCII */
		{ "\xd4\xc3\xb2\xa1", 4, NULL },
		{ "", 0, NULL },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct cli_input in = { "t", (char *)rows[i].bytes, rows[i].len };
		const char *got = cli_input_utf16(&in);
		if ((got == NULL) != (rows[i].want == NULL) || (got && strcmp(got, rows[i].want) != 0))
			fprintf(stderr, "row %zu: %s, want %s\n", i, got ? got : "NULL",
				rows[i].want ? rows[i].want : "NULL");
		CHECK((got == NULL) == (rows[i].want == NULL));
		if (got && rows[i].want)
			CHECK_STR_EQ(got, rows[i].want);
	}
}

/* The same text in UTF-8, the mark dropped: a pair of surrogates is one
 * character, what does not convert (a lone surrogate, an odd last byte)
 * is U+FFFD, and the lines are those of the UTF-16 text. */
static void test_utf16_text_reads_as_utf8(void)
{
	static const struct {
		const char *bytes;
		size_t len;
		const char *enc, *want;
	} rows[] = {
		{ "\xff\xfeR\0\r\0\n\0x\0", 10, "UTF-16LE", "R\r\nx" },
		{ "\xfe\xff\0R\0\n\0x", 8, "UTF-16BE", "R\nx" },
		{ "a\0\xe9\0b\0", 6, "UTF-16LE", "a\xc3\xa9" "b" },
		{ "\xff\xfe\x3d\xd8\x00\xde!\0", 8, "UTF-16LE", "\xf0\x9f\x98\x80!" },  /* U+1F600 */
		{ "\xff\xfe\x00\xdcx\0", 6, "UTF-16LE", "\xef\xbf\xbdx" },            /* lone low */
		{ "\xff\xfe\x3d\xd8x\0", 6, "UTF-16LE", "\xef\xbf\xbdx" },            /* lone high */
		{ "\xff\xfex\0y", 5, "UTF-16LE", "x\xef\xbf\xbd" },                     /* odd end */
		{ "\xff\xfex\0\x3d\xd8", 6, "UTF-16LE", "x\xef\xbf\xbd" },            /* cut pair */
		{ "\xff\xfe", 2, "UTF-16LE", "" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct cli_input in = { "t", imsreg_malloc(rows[i].len + 1), rows[i].len };
		CHECK(in.data != NULL);
		if (!in.data)
			continue;
		memcpy(in.data, rows[i].bytes, rows[i].len);
		CHECK_INT_EQ(cli_input_transcode(&in, rows[i].enc), 0);
		if (in.len != strlen(rows[i].want) || memcmp(in.data, rows[i].want, in.len) != 0)
			fprintf(stderr, "row %zu: %zu bytes '%.*s'\n", i, in.len, (int)in.len, in.data);
		CHECK_INT_EQ(in.len, strlen(rows[i].want));
		CHECK(memcmp(in.data, rows[i].want, in.len) == 0);
		CHECK(in.data[in.len] == '\0');
		cli_input_fini(&in);
	}
}

/* Long text, converted eight units at a time: every length, and a
 * non-ASCII character (U+00E9, U+20AC, a surrogate pair) at every place
 * in it, little and big endian, reads as the UTF-8 it was made from. */
static void test_utf16_long_text_reads_as_utf8(void)
{
	static const char *const others[] = { "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80" };
	static const unsigned short units[][2] = { { 0x00e9, 0 }, { 0x20ac, 0 }, { 0xd83d, 0xde00 } };
	char want[64];
	unsigned char bytes[2 * 64];
	for (int be = 0; be <= 1; be++)
		for (size_t o = 0; o < 3; o++)
			for (size_t n = 0; n <= 40; n++)
				for (size_t at = 0; at <= n; at++) {
					size_t w = 0, b = 0;
					for (size_t i = 0; i <= n; i++) {
						unsigned short us[2] = { (unsigned short)('a' + i % 26), 0 };
						size_t nu = 1;
						if (i == at) {
							us[0] = units[o][0];
							us[1] = units[o][1];
							nu = us[1] ? 2 : 1;
							memcpy(want + w, others[o], strlen(others[o]));
							w += strlen(others[o]);
						} else if (i < n) {
							want[w++] = (char)us[0];
						} else {
							break;
						}
						for (size_t k = 0; k < nu; k++) {
							bytes[b++] = (unsigned char)(be ? us[k] >> 8 : us[k] & 0xff);
							bytes[b++] = (unsigned char)(be ? us[k] & 0xff : us[k] >> 8);
						}
					}
					struct cli_input in = { "t", imsreg_malloc(b + 1), b };
					CHECK(in.data != NULL);
					if (!in.data)
						return;
					memcpy(in.data, bytes, b);
					CHECK_INT_EQ(cli_input_transcode(&in, be ? "UTF-16BE" : "UTF-16LE"), 0);
					if (in.len != w || memcmp(in.data, want, w) != 0) {
						fprintf(stderr, "be %d other %zu n %zu at %zu: '%.*s'\n", be, o, n, at,
							(int)in.len, in.data);
						CHECK(!"converted");
					}
					cli_input_fini(&in);
				}
}

int main(void)
{
	test_utf16_long_text_reads_as_utf8();
	test_utf16_text_is_told_from_its_bytes();
	test_utf16_text_reads_as_utf8();
	test_strict_positions_are_the_counted_ones();
	test_lenient_input_has_no_line_index();
	test_journal_blob_lines_are_counted();
	return check_done();
}
