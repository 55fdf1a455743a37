/* alloc.c: the one allocator, with test hooks for failure injection. */
#include <stdlib.h>
#include <imsreg/alloc.h>

static long fail_after = -1;
static long live;

static int should_fail(void)
{
	if (fail_after < 0)
		return 0;
	if (fail_after == 0)
		return 1;
	fail_after--;
	return 0;
}

void *imsreg_malloc(size_t n)
{
	if (should_fail())
		return NULL;
	void *p = malloc(n ? n : 1);
	if (p)
		live++;
	return p;
}

void *imsreg_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p)
		live++;
	return p;
}

void *imsreg_realloc(void *p, size_t n)
{
	if (!p)
		return imsreg_malloc(n);
	if (should_fail())
		return NULL;
	return realloc(p, n ? n : 1);
}

void imsreg_free(void *p)
{
	if (p) {
		live--;
		free(p);
	}
}

void alloc_fail_after(long n)
{
	fail_after = n;
}

long alloc_live(void)
{
	return live;
}
