/* alloc.c: the one allocator, with test hooks for failure injection. */
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <imsreg/alloc.h>

static long fail_after = -1;
static long live;
static size_t live_bytes, peak_bytes;

/* The bytes a block holds, for alloc_peak_bytes (0 where the C library
 * cannot tell). */
static size_t block_size(void *p)
{
#if defined(__GLIBC__)
	return p ? malloc_usable_size(p) : 0;
#else
	(void)p;
	return 0;
#endif
}

static void bytes_add(size_t n)
{
	live_bytes += n;
	if (live_bytes > peak_bytes)
		peak_bytes = live_bytes;
}

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
	if (p) {
		live++;
		bytes_add(block_size(p));
	}
	return p;
}

void *imsreg_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (p) {
		live++;
		bytes_add(block_size(p));
	}
	return p;
}

void *imsreg_realloc(void *p, size_t n)
{
	if (!p)
		return imsreg_malloc(n);
	if (should_fail())
		return NULL;
	size_t was = block_size(p);
	void *q = realloc(p, n ? n : 1);
	if (q) {
		live_bytes -= was;
		bytes_add(block_size(q));
	}
	return q;
}

void imsreg_free(void *p)
{
	if (p) {
		live--;
		live_bytes -= block_size(p);
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

size_t alloc_peak_bytes(void)
{
	return peak_bytes;
}

void alloc_peak_reset(void)
{
	peak_bytes = live_bytes;
}
