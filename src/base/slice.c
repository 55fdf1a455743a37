/* slice.c: read-only byte views. */
#include <errno.h>
#include <string.h>
#include <imsreg/scan.h>
#include <imsreg/slice.h>

struct slice slice_cstr(const char *s)
{
	return slice_make(s, s ? strlen(s) : 0);
}

bool slice_eq(struct slice a, struct slice b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

bool slice_caseeq(struct slice a, struct slice b)
{
	if (a.len != b.len)
		return false;
	for (size_t i = 0; i < a.len; i++)
		if (scan_lower((unsigned char)a.ptr[i]) != scan_lower((unsigned char)b.ptr[i]))
			return false;
	return true;
}

bool slice_caseeq_cstr(struct slice a, const char *s)
{
	return slice_caseeq(a, slice_cstr(s));
}

bool slice_startswith_case(struct slice s, const char *prefix)
{
	size_t n = strlen(prefix);
	return s.len >= n && slice_caseeq(slice_make(s.ptr, n), slice_make(prefix, n));
}

static inline bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct slice slice_trim(struct slice s)
{
	if (!s.ptr)
		return s;
	while (s.len && is_space(s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len && is_space(s.ptr[s.len - 1]))
		s.len--;
	return s;
}

const char *slice_chr(struct slice s, char c)
{
	return s.len ? memchr(s.ptr, c, s.len) : NULL;
}

int slice_u64(struct slice s, uint64_t *out)
{
	uint64_t v = 0;
	bool over = false;
	if (s.len == 0)
		return -EINVAL;
	/* every byte is read: a non-digit after an overflow is still not a
	 * number (-EINVAL), only digits that do not fit are -ERANGE */
	for (size_t i = 0; i < s.len; i++) {
		unsigned d = (unsigned char)s.ptr[i] - '0';
		if (d > 9)
			return -EINVAL;
		if (v > (UINT64_MAX - d) / 10)
			over = true;
		v = v * 10 + d;
	}
	if (over)
		return -ERANGE;
	*out = v;
	return 0;
}

int slice_u32(struct slice s, uint32_t *out)
{
	uint64_t v;
	int rc = slice_u64(s, &v);
	if (rc < 0)
		return rc;
	if (v > UINT32_MAX)
		return -ERANGE;
	*out = (uint32_t)v;
	return 0;
}
