/* buf.c: growable byte buffer with sticky errors. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/buf.h>

void buf_init(struct buf *b)
{
	b->ptr = NULL;
	b->len = b->cap = 0;
	b->err = 0;
}

void buf_fini(struct buf *b)
{
	imsreg_free(b->ptr);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->err = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

int buf_reserve(struct buf *b, size_t n)
{
	if (b->err)
		return b->err;
	if (b->len + n + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1) {
		if (cap > SIZE_MAX / 2) {
			b->err = -ENOMEM;
			return b->err;
		}
		cap *= 2;
	}
	char *p = imsreg_realloc(b->ptr, cap);
	if (!p) {
		b->err = -ENOMEM;
		return b->err;
	}
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void buf_append(struct buf *b, const void *p, size_t n)
{
	if (buf_reserve(b, n) < 0)
		return;
	if (n)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_putc_grow(struct buf *b, char c)
{
	buf_append(b, &c, 1);
}

void buf_slice(struct buf *b, struct slice s)
{
	buf_append(b, s.ptr, s.len);
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	if (b->err)
		return;
	/* into the room there is first: one pass when it fits (the common
	 * case), a second into the room the first measured otherwise */
	va_list ap2;
	va_copy(ap2, ap);
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	int n = vsnprintf(room ? b->ptr + b->len : NULL, room, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->err = -EINVAL;
		if (room)
			b->ptr[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		if (buf_reserve(b, (size_t)n) < 0) {
			if (room)
				b->ptr[b->len] = '\0';
			return;
		}
		vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}
