/* buf_test.c: the growable buffer and failure injection of alloc. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/buf.h>
#include "check.h"

static void test_buf_grows_and_stays_terminated(void)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	CHECK_INT_EQ(b.err, 0);
	CHECK(b.len > 3000);
	CHECK_INT_EQ(b.ptr[b.len], '\0');
	buf_reset(&b);
	buf_puts(&b, "x");
	CHECK_STR_EQ(b.ptr, "x");
	buf_fini(&b);
	CHECK_INT_EQ(alloc_live(), 0);
}

static void test_buf_error_is_sticky_after_failed_allocation(void)
{
	struct buf b;
	buf_init(&b);
	alloc_fail_after(0);
	buf_puts(&b, "hello");
	alloc_fail_after(-1);
	CHECK_INT_EQ(b.err, -ENOMEM);
	buf_puts(&b, "again");
	CHECK_INT_EQ(b.len, 0);
	buf_fini(&b);
	CHECK_INT_EQ(alloc_live(), 0);
}

/* buf_printf writes into the room there is, and again into more room
 * when the text does not fit: the same text either way, at every length
 * around the capacity; buf_putc grows past it. */
static void test_buf_printf_fits_or_grows_to_the_same_text(void)
{
	char want[1200];
	for (size_t pre = 0; pre < 300; pre += 7) {
		for (int w = 0; w < 600; w += 37) {
			struct buf b;
			buf_init(&b);
			for (size_t i = 0; i < pre; i++)
				buf_putc(&b, (char)('a' + i % 26));
			buf_printf(&b, "[%*d|%s]", w, w, "x");
			int n = snprintf(want, sizeof want, "[%*d|%s]", w, w, "x");
			CHECK_INT_EQ(b.err, 0);
			CHECK(b.len == pre + (size_t)n);
			CHECK(memcmp(b.ptr + pre, want, (size_t)n + 1) == 0);
			for (size_t i = 0; i < pre; i++)
				CHECK(b.ptr[i] == (char)('a' + i % 26));
			buf_fini(&b);
		}
	}
	/* a failed growth leaves the text as it was, terminated */
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "keep");
	alloc_fail_after(0);
	buf_printf(&b, "%0600d", 1);
	alloc_fail_after(-1);
	CHECK_INT_EQ(b.err, -ENOMEM);
	CHECK(b.len == 4 && strcmp(b.ptr, "keep") == 0);
	buf_putc(&b, 'x');
	CHECK(b.len == 4);
	buf_fini(&b);
	CHECK_INT_EQ(alloc_live(), 0);
}

int main(void)
{
	test_buf_grows_and_stays_terminated();
	test_buf_printf_fits_or_grows_to_the_same_text();
	test_buf_error_is_sticky_after_failed_allocation();
	return check_done();
}
