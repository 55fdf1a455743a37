/* buf_test.c: the growable buffer and failure injection of alloc. */
#include <errno.h>
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

int main(void)
{
	test_buf_grows_and_stays_terminated();
	test_buf_error_is_sticky_after_failed_allocation();
	return check_done();
}
