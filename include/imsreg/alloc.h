/* alloc.h: every allocation of the project goes through here, so tests can
 * fail the Nth allocation and count live blocks. */
#ifndef IMSREG_ALLOC_H
#define IMSREG_ALLOC_H

#include <stddef.h>

void *imsreg_malloc(size_t n);
void *imsreg_calloc(size_t count, size_t size);
void *imsreg_realloc(void *p, size_t n);
void imsreg_free(void *p);

/* Test hooks: after n more successful allocations every allocation fails
 * (n < 0: never fail). alloc_live() is the number of blocks not yet freed. */
void alloc_fail_after(long n);
long alloc_live(void);
/* The most bytes held at once since the last alloc_peak_reset() (which
 * starts it at what is held now), as the C library sizes blocks; 0 where
 * it cannot tell (outside glibc). For tests of memory bounds. */
size_t alloc_peak_bytes(void);
void alloc_peak_reset(void);

#endif
