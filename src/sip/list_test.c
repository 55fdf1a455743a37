/* list_test.c: comma lists that respect quotes and <...>, and generic-param
 * iteration, as tables {input, expected elements or error offset}. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/sip.h>
#include "check.h"

struct list_case {
	const char *in;
	const char *items[5]; /* expected elements, then NULL */
	long err_offset;      /* -1: no error */
};

static const struct list_case list_cases[] = {
	{ "a, b ,c", { "a", "b", "c" }, -1 },
	{ "\"Doe, John\" <sip:a@b>, <sip:c@d;x=\"1,2\">", { "\"Doe, John\" <sip:a@b>", "<sip:c@d;x=\"1,2\">" }, -1 },
	{ "<sip:a@b?x=1,2>;p=1", { "<sip:a@b?x=1,2>;p=1" }, -1 },
	{ "\"a\\\",b\" x", { "\"a\\\",b\" x" }, -1 },
	{ "a,\r\n b", { "a", "b" }, -1 },
	{ "", { NULL }, -1 },
	{ "   ", { NULL }, -1 },
	{ "a,,b", { "a" }, 2 },          /* RFC 4475 badinv01 */
	{ ",a", { NULL }, 0 },
	{ "a, ", { NULL }, 1 },     /* trailing comma: error before "a" */
	{ "a, \"unterminated", { "a" }, 3 },
	{ "a, <sip:x", { "a" }, 3 },
};

static void test_list_table(void)
{
	for (size_t i = 0; i < sizeof list_cases / sizeof list_cases[0]; i++) {
		const struct list_case *c = &list_cases[i];
		struct sip_list it;
		struct slice item;
		struct sip_parse_error err = { 0 };
		sip_list_init(&it, slice_cstr(c->in));
		size_t k = 0;
		int rc;
		while ((rc = sip_list_next(&it, &item, &err)) > 0) {
			CHECK(k < 5 && c->items[k]);
			if (k < 5 && c->items[k])
				CHECK_SLICE_EQ(item, c->items[k]);
			k++;
		}
		CHECK(k >= 5 || c->items[k] == NULL);
		if (c->err_offset < 0) {
			CHECK_INT_EQ(rc, 0);
		} else {
			CHECK_INT_EQ(rc, -EBADMSG);
			CHECK(err.reason != NULL);
			CHECK_INT_EQ(err.at - c->in, c->err_offset);
		}
	}
}

static void test_params(void)
{
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error err;
	sip_param_it_init(&it, SLICE_LIT(";tag=12; lr ;received=[2001:db8::9];rport;"
					  "+sip.instance=\"<urn:gsma:imei:1-2-0>\";received=2001:db8::9:255"));
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.name, "tag");
	CHECK_SLICE_EQ(p.value, "12");
	CHECK(!p.quoted);
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.name, "lr");
	CHECK_SLICE_EQ(p.value, NULL);
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.value, "[2001:db8::9]");
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.name, "rport");
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.name, "+sip.instance");
	CHECK_SLICE_EQ(p.value, "<urn:gsma:imei:1-2-0>");
	CHECK(p.quoted);
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.value, "2001:db8::9:255");
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 0);

	/* leading ';' optional; empty quoted value present */
	sip_param_it_init(&it, SLICE_LIT("nonce=\"\""));
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK(p.value.ptr != NULL);
	CHECK_INT_EQ(p.value.len, 0);
	CHECK(p.quoted);
}

struct param_err_case {
	const char *in;
	long err_offset;
};

static const struct param_err_case param_errs[] = {
	{ ";;a", 1 },        /* empty parameter */
	{ "a;", 2 },
	{ "a=", 2 },         /* missing value */
	{ "a=\"x", 2 },      /* unterminated quote */
	{ "a b", 2 },        /* missing ';' */
	{ "=x", 0 },         /* missing name */
	{ "a=b c", 4 },
};

static void test_param_errors(void)
{
	for (size_t i = 0; i < sizeof param_errs / sizeof param_errs[0]; i++) {
		struct sip_param_it it;
		struct sip_param p;
		struct sip_parse_error err = { 0 };
		int rc;
		sip_param_it_init(&it, slice_cstr(param_errs[i].in));
		while ((rc = sip_param_next(&it, &p, &err)) > 0)
			;
		CHECK_INT_EQ(rc, -EBADMSG);
		if (rc == -EBADMSG)
			CHECK_INT_EQ(err.at - param_errs[i].in, param_errs[i].err_offset);
	}
}

static void test_param_find(void)
{
	struct sip_param p;
	CHECK(sip_param_find(SLICE_LIT("transport=udp;LR;Maddr=1.2.3.4"), "maddr", &p));
	CHECK_SLICE_EQ(p.value, "1.2.3.4");
	CHECK(sip_param_find(SLICE_LIT(";lr"), "lr", &p));
	CHECK(!sip_param_find(SLICE_LIT("transport=udp"), "lr", &p));
	CHECK(!sip_param_find(SLICE_NULL, "lr", &p));
}

/* sip_param_next at every position, from guard pages: names of 1 .. 24
 * bytes, token, host and quoted values of 0 .. 40 bytes, with and without
 * LWS around '=' and ';'. */
struct param_pos {
	char in[200];
	size_t name_len, value_len;
	bool lws;
};

static void param_pos_each(struct slice s, const void *arg)
{
	const struct param_pos *c = arg;
	struct sip_param_it it;
	struct sip_param p;
	struct sip_parse_error err = { 0 };
	sip_param_it_init(&it, s);
	/* name=token ; name="quoted" ; name=[v6]:host ; flag */
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_INT_EQ(p.name.len, c->name_len);
	CHECK_INT_EQ(p.value.len, c->value_len ? c->value_len : 1);
	CHECK(!p.quoted);
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_INT_EQ(p.name.len, c->name_len);
	CHECK(p.quoted);
	CHECK_INT_EQ(p.value.len, c->value_len);
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.value, "[2001:db8::1]:5060/x&$");
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 1);
	CHECK_SLICE_EQ(p.name, "lr");
	CHECK(p.value.ptr == NULL);
	CHECK_INT_EQ(sip_param_next(&it, &p, &err), 0);
}

static void test_param_every_position(void)
{
	struct param_pos c;
	for (size_t n = 1; n <= 24; n++)
		for (size_t v = 0; v <= 40; v++)
			for (int lws = 0; lws < 2; lws++) {
				char name[32], val[48], tok[48];
				memset(name, 'n', n);
				name[n] = '\0';
				for (size_t i = 0; i < v; i++)
					val[i] = "<urn:gsma:imei:35425006-000655-0>;, "[i % 36];
				val[v] = '\0';
				memset(tok, 'v', v ? v : 1);
				tok[v ? v : 1] = '\0';
				c.name_len = n;
				c.value_len = v;
				c.lws = lws;
				const char *sp = lws ? " " : "";
				snprintf(c.in, sizeof c.in, "%s%s=%s%s;%s%s=\"%s\"%s;x=[2001:db8::1]:5060/x&$;lr", name, sp,
					 sp, tok, sp, name, val, sp);
				check_guarded(c.in, strlen(c.in), param_pos_each, &c);
			}
}

int main(void)
{
	test_list_table();
	test_param_every_position();
	test_params();
	test_param_errors();
	test_param_find();
	return check_done();
}
