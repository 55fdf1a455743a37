/* hdr_id_test.c: header name lookup (long, compact, any case), name and
 * compact tables, list/single predicates, method lookup. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"
#include "sip/hdr_id.h"

static void test_lookup_every_long_name_any_case(void)
{
	for (int id = 1; id < SIP_HDR__COUNT; id++) {
		const char *n = sip_hdr_name((enum sip_hdr_id)id);
		CHECK(n != NULL);
		if (!n)
			continue;
		char low[64], up[64];
		size_t len = strlen(n);
		for (size_t i = 0; i <= len; i++) {
			low[i] = (char)tolower((unsigned char)n[i]);
			up[i] = (char)toupper((unsigned char)n[i]);
		}
		CHECK_INT_EQ(sip_hdr_lookup(slice_cstr(n)), id);
		CHECK_INT_EQ(sip_hdr_lookup(slice_cstr(low)), id);
		CHECK_INT_EQ(sip_hdr_lookup(slice_cstr(up)), id);
		/* one byte changed anywhere is another header */
		for (size_t i = 0; i < len; i++) {
			char m[64];
			memcpy(m, n, len + 1);
			m[i] = m[i] == 'x' ? 'y' : 'x';
			enum sip_hdr_id got = sip_hdr_lookup(slice_make(m, len));
			CHECK((int)got != id);
		}
		/* a prefix is not the header ("T" is the compact To) */
		if (len > 2)
			CHECK((int)sip_hdr_lookup(slice_make(n, len - 1)) != id);
	}
}

/* The parser's path compares whole words when 32 bytes are readable. */
static void test_lookup_at_word_compare(void)
{
	for (int id = 1; id < SIP_HDR__COUNT; id++) {
		const char *n = sip_hdr_name((enum sip_hdr_id)id);
		size_t len = strlen(n);
		char buf[64];
		memset(buf, ':', sizeof buf);
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)((i & 1) ? toupper((unsigned char)n[i]) : tolower((unsigned char)n[i]));
		CHECK_INT_EQ(sip_hdr_lookup_at(buf, len, sizeof buf), id);
		for (size_t i = 0; i < len; i++) {
			char save = buf[i];
			buf[i] = save == '~' ? '!' : '~';
			CHECK((int)sip_hdr_lookup_at(buf, len, sizeof buf) != id);
			buf[i] = save;
		}
		CHECK((int)sip_hdr_lookup_at(buf, len + 1, sizeof buf) != id);
	}
}

static void test_lookup_compact_forms(void)
{
	static const struct {
		char c;
		enum sip_hdr_id id;
	} t[] = {
		{ 'i', SIP_HDR_CALL_ID },          { 'm', SIP_HDR_CONTACT },
		{ 'e', SIP_HDR_CONTENT_ENCODING }, { 'l', SIP_HDR_CONTENT_LENGTH },
		{ 'c', SIP_HDR_CONTENT_TYPE },     { 'f', SIP_HDR_FROM },
		{ 's', SIP_HDR_SUBJECT },          { 'k', SIP_HDR_SUPPORTED },
		{ 't', SIP_HDR_TO },               { 'v', SIP_HDR_VIA },
		{ 'o', SIP_HDR_EVENT },            { 'u', SIP_HDR_ALLOW_EVENTS },
		{ 'r', SIP_HDR_REFER_TO },         { 'b', SIP_HDR_REFERRED_BY },
		{ 'x', SIP_HDR_SESSION_EXPIRES },  { 'y', SIP_HDR_IDENTITY },
		{ 'a', SIP_HDR_ACCEPT_CONTACT },   { 'j', SIP_HDR_REJECT_CONTACT },
		{ 'd', SIP_HDR_REQUEST_DISPOSITION },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char lo = t[i].c, up = (char)toupper((unsigned char)lo);
		CHECK_INT_EQ(sip_hdr_lookup(slice_make(&lo, 1)), t[i].id);
		CHECK_INT_EQ(sip_hdr_lookup(slice_make(&up, 1)), t[i].id);
		CHECK_INT_EQ(sip_hdr_compact(t[i].id), lo);
	}
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("g")), SIP_HDR_OTHER);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("z")), SIP_HDR_OTHER);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("1")), SIP_HDR_OTHER);
	CHECK_INT_EQ(sip_hdr_compact(SIP_HDR_CSEQ), 0);
}

static void test_lookup_unknown_names(void)
{
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("C%6Fntact")), SIP_HDR_OTHER); /* RFC 4475 esc02 */
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("X-Foo")), SIP_HDR_OTHER);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("")), SIP_HDR_OTHER);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("Refer-Tx")), SIP_HDR_OTHER);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("Reply-To")), SIP_HDR_REPLY_TO);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("rEFER-tO")), SIP_HDR_REFER_TO);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("Content-Length\r")), SIP_HDR_OTHER);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("Content\rLength")), SIP_HDR_OTHER);
	CHECK_INT_EQ(sip_hdr_lookup(SLICE_LIT("P-Charging-Function-Addresses-X")), SIP_HDR_OTHER);
	CHECK(sip_hdr_name(SIP_HDR_OTHER) == NULL);
	CHECK_STR_EQ(sip_hdr_name(SIP_HDR_CALL_ID), "Call-ID");
	CHECK_STR_EQ(sip_hdr_name(SIP_HDR_WWW_AUTHENTICATE), "WWW-Authenticate");
}

static void test_list_and_single_predicates(void)
{
	/* RFC 3261 §7.3.1: lists */
	CHECK(sip_hdr_is_list(SIP_HDR_VIA));
	CHECK(sip_hdr_is_list(SIP_HDR_CONTACT));
	CHECK(sip_hdr_is_list(SIP_HDR_ROUTE));
	CHECK(sip_hdr_is_list(SIP_HDR_SUPPORTED));
	CHECK(sip_hdr_is_list(SIP_HDR_SECURITY_CLIENT));
	/* the §7.3.1 exceptions: never comma-combined */
	CHECK(!sip_hdr_is_list(SIP_HDR_AUTHORIZATION));
	CHECK(!sip_hdr_is_list(SIP_HDR_WWW_AUTHENTICATE));
	CHECK(!sip_hdr_is_list(SIP_HDR_PROXY_AUTHENTICATE));
	CHECK(!sip_hdr_is_list(SIP_HDR_PROXY_AUTHORIZATION));
	CHECK(!sip_hdr_is_list(SIP_HDR_OTHER));
	CHECK(sip_hdr_is_single(SIP_HDR_TO));
	CHECK(sip_hdr_is_single(SIP_HDR_FROM));
	CHECK(sip_hdr_is_single(SIP_HDR_CALL_ID));
	CHECK(sip_hdr_is_single(SIP_HDR_CSEQ));
	CHECK(sip_hdr_is_single(SIP_HDR_MAX_FORWARDS));
	CHECK(sip_hdr_is_single(SIP_HDR_CONTENT_LENGTH));
	CHECK(sip_hdr_is_single(SIP_HDR_EXPIRES));
	CHECK(!sip_hdr_is_single(SIP_HDR_VIA));
	CHECK(!sip_hdr_is_single(SIP_HDR_OTHER));
	for (int id = 1; id < SIP_HDR__COUNT; id++)
		CHECK(!(sip_hdr_is_list((enum sip_hdr_id)id) && sip_hdr_is_single((enum sip_hdr_id)id)));
}

static void test_method_lookup_is_case_sensitive(void)
{
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("REGISTER")), SIP_METHOD_REGISTER);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("register")), SIP_METHOD_OTHER);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("INVITE")), SIP_METHOD_INVITE);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("ACK")), SIP_METHOD_ACK);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("SUBSCRIBE")), SIP_METHOD_SUBSCRIBE);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("PUBLISH")), SIP_METHOD_PUBLISH);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("INFO")), SIP_METHOD_INFO);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("RE%47IST%45R")), SIP_METHOD_OTHER);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("REGISTERX")), SIP_METHOD_OTHER);
	CHECK_INT_EQ(sip_method_lookup(SLICE_LIT("")), SIP_METHOD_OTHER);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* sip_hdr_lookup_colon(p, n) is sip_hdr_lookup of p[0..n-1) for a name
 * followed by ':' and anything (it must not look past the ':'). */
static void check_colon_lookup(const char *name, size_t len)
{
	char buf[64];
	memset(buf, 'Q', sizeof buf);
	memcpy(buf, name, len);
	buf[len] = ':';
	enum sip_hdr_id want = sip_hdr_lookup(slice_make(name, len));
	CHECK_INT_EQ(sip_hdr_lookup_colon(buf, len + 1), want);
	CHECK_INT_EQ(sip_hdr_lookup_colon_at(buf, len), want);
	/* the bytes after the ':' do not matter */
	memset(buf + len + 1, 'v', sizeof buf - len - 1);
	CHECK_INT_EQ(sip_hdr_lookup_colon(buf, len + 1), want);
	memset(buf + len + 1, ':', sizeof buf - len - 1);
	CHECK_INT_EQ(sip_hdr_lookup_colon(buf, len + 1), want);
}

/* Every name and compact form, in any case, with every byte changed to
 * every other value, every prefix; the table against hdr_table. */
static void test_lookup_colon_every_name(void)
{
	int entries = 0;
	for (int id = 1; id < SIP_HDR__COUNT; id++) {
		const char *n = sip_hdr_name((enum sip_hdr_id)id);
		char forms[2][40] = { { 0 }, { 0 } };
		snprintf(forms[0], sizeof forms[0], "%s", n);
		forms[1][0] = sip_hdr_compact((enum sip_hdr_id)id);
		entries += 1 + (forms[1][0] != 0);
		for (int f = 0; f < 2; f++) {
			size_t len = strlen(forms[f]);
			if (!len)
				continue;
			char low[40], up[40], mixed[40];
			for (size_t i = 0; i <= len; i++) {
				low[i] = (char)tolower((unsigned char)forms[f][i]);
				up[i] = (char)toupper((unsigned char)forms[f][i]);
				mixed[i] = (i & 1) ? low[i] : up[i];
			}
			char buf[40];
			memcpy(buf, low, len + 1);
			buf[len] = ':';
			CHECK_INT_EQ(sip_hdr_lookup_colon(buf, len + 1), id);
			check_colon_lookup(forms[f], len);
			check_colon_lookup(up, len);
			check_colon_lookup(mixed, len);
			for (size_t i = 0; i < len; i++) {
				char m[40];
				memcpy(m, low, len + 1);
				for (int c = 0; c < 256; c++) {
					if (c == ':')
						continue;
					m[i] = (char)c;
					check_colon_lookup(m, len);
				}
			}
			for (size_t k = 1; k < len; k++)
				check_colon_lookup(low, k);
		}
	}
	CHECK_INT_EQ(entries, SIP_HDR_COLON_ENTRIES);
	/* the first words and the masks by length agree with the entries */
	for (int i = 0; i < 96; i++) {
		CHECK(sip_hdr_colon.w0name[i] == sip_hdr_load64(sip_hdr_colon.e[i].name));
		CHECK(sip_hdr_colon.w0mask[i] == sip_hdr_load64(sip_hdr_colon.e[i].mask));
		CHECK((sip_hdr_colon.id[i] != 0) == (i >= 1 && i <= SIP_HDR_COLON_ENTRIES));
		size_t n = strlen(sip_hdr_colon.e[i].name);
		CHECK_INT_EQ(sip_hdr_colon.klen[i], n ? n - 1 : 0);
		CHECK(n == 0 || sip_hdr_colon.e[i].name[n - 1] == ':');
		CHECK(sip_hdr_colon.wlname[i] == (n > 8 ? sip_hdr_load64(sip_hdr_colon.e[i].name + n - 8) : 0));
		CHECK(sip_hdr_colon.wlmask[i] == (n > 8 ? sip_hdr_load64(sip_hdr_colon.e[i].mask + n - 8) : 0));
	}
	/* a long name's first and last word spliced at every other length
	 * ("accept-c" ... "-contact:" in 9 to 30 bytes, the gap filled with
	 * its own bytes, or letters): the words match, the length does not */
	for (int i = 1; i <= SIP_HDR_COLON_ENTRIES; i++) {
		const char *nm = sip_hdr_colon.e[i].name;
		size_t ne = strlen(nm);
		if (ne <= 8)
			continue;
		for (size_t n = 9; n <= SIP_HDR_MAX_NAME + 1; n++) {
			for (int fill = 0; fill < 2; fill++) {
				char sp[40];
				for (size_t j = 0; j < n; j++)
					sp[j] = fill ? 'e' : nm[j % (ne - 1)];
				memcpy(sp, nm, 8);
				memcpy(sp + n - 8, nm + ne - 8, 8);
				check_colon_lookup(sp, n - 1);
			}
		}
	}
	for (int n = 0; n <= 8; n++) {
		CHECK(sip_hdr_colon.lenmask[n] == (n == 0 ? 0 : ~0ull >> (64 - 8 * n)));
		CHECK(sip_hdr_colon.foldm[n] == (sip_hdr_colon.lenmask[n] & 0x2020202020202020ull));
	}
	/* names longer than any known (the lookup has no length test of
	 * its own: klen refuses them), up to 48 bytes with the ':' */
	static const char longer[] = "p-charging-function-addressesXYZabcdefghijklmno";
	for (size_t k = 1; k < sizeof longer; k++)
		check_colon_lookup(longer, k);
}
#endif

int main(void)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	test_lookup_colon_every_name();
#endif
	test_lookup_every_long_name_any_case();
	test_lookup_at_word_compare();
	test_lookup_compact_forms();
	test_lookup_unknown_names();
	test_list_and_single_predicates();
	test_method_lookup_is_case_sensitive();
	return check_done();
}
