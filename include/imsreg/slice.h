/* slice.h: read-only views into a buffer (pointer + length), never NUL-terminated. */
#ifndef IMSREG_SLICE_H
#define IMSREG_SLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A view into bytes owned by someone else. ptr == NULL means "absent";
 * a present but empty value has ptr != NULL and len == 0. */
struct slice {
	const char *ptr;
	size_t len;
};

#define SLICE_LIT(s) ((struct slice){ (s), sizeof(s) - 1 })
#define SLICE_NULL ((struct slice){ NULL, 0 })
/* For printf("%.*s", SLICE_ARG(s)). */
#define SLICE_ARG(s) (int)(s).len, ((s).ptr ? (s).ptr : "")

static inline struct slice slice_make(const char *p, size_t n)
{
	return (struct slice){ p, n };
}

/* The view from p up to (not including) end. */
static inline struct slice slice_span(const char *p, const char *end)
{
	return (struct slice){ p, (size_t)(end - p) };
}

static inline bool slice_present(struct slice s)
{
	return s.ptr != NULL;
}

/* A view of a NUL-terminated string (borrowed). */
struct slice slice_cstr(const char *s);
/* Byte equality. */
bool slice_eq(struct slice a, struct slice b);
/* ASCII case-insensitive equality (SIP names, tokens, schemes). */
bool slice_caseeq(struct slice a, struct slice b);
bool slice_caseeq_cstr(struct slice a, const char *s);
bool slice_startswith_case(struct slice s, const char *prefix);
/* Without leading and trailing SP, HTAB, CR, LF. */
struct slice slice_trim(struct slice s);
/* First occurrence of c, or NULL. */
const char *slice_chr(struct slice s, char c);
/* The whole slice as a decimal number: 0, -EINVAL (empty or a byte that
 * is not a digit), -ERANGE (only digits, but they do not fit). Never a
 * silent 0. */
int slice_u32(struct slice s, uint32_t *out);
int slice_u64(struct slice s, uint64_t *out);

#endif
