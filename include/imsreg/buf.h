/* buf.h: a growable byte buffer for building messages and reports. */
#ifndef IMSREG_BUF_H
#define IMSREG_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <imsreg/slice.h>

/* Caller-owned (init/fini). Errors are sticky: after an allocation failure
 * every append is a no-op and err holds -ENOMEM, so a writer may append many
 * pieces and check err once. ptr is always NUL-terminated when cap > 0. */
struct buf {
	char *ptr;
	size_t len;
	size_t cap;
	int err;
};

void buf_init(struct buf *b);
void buf_fini(struct buf *b);
/* Drops the content, keeps the memory. */
void buf_reset(struct buf *b);
/* Makes room for n more bytes: 0 or -ENOMEM. */
int buf_reserve(struct buf *b, size_t n);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
/* One byte: inline when it fits (the writers of reports and JSON put
 * many single bytes), buf_append otherwise. */
void buf_putc_grow(struct buf *b, char c);
static inline void buf_putc(struct buf *b, char c)
{
	if (!b->err && b->len + 2 <= b->cap) {
		b->ptr[b->len++] = c;
		b->ptr[b->len] = '\0';
		return;
	}
	buf_putc_grow(b, c);
}
void buf_slice(struct buf *b, struct slice s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* The content as a slice (borrowed from b). */
static inline struct slice buf_view(const struct buf *b)
{
	return slice_make(b->ptr, b->len);
}

#endif
