/* json.c: streaming JSON writer (RFC 8259 §7 string escaping). */
#include <errno.h>
#include <inttypes.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <imsreg/scan.h>
#include "cli/json.h"

void json_init(struct json *j, struct buf *b, bool pretty)
{
	j->b = b;
	j->depth = 0;
	j->pretty = pretty;
	j->after_key = false;
	j->first[0] = true;
	j->array[0] = false;
}

bool json_in_array(const struct json *j)
{
	return j->depth > 0 && j->array[j->depth];
}

static void json_newline(struct json *j)
{
	/* a line break and two spaces a level, in one append */
	static const char spaces[1 + 2 * JSON_MAX_DEPTH] = "\n                                                                ";
	_Static_assert(2 * JSON_MAX_DEPTH <= 64, "spaces holds the deepest indentation");
	if (!j->pretty)
		return;
	buf_append(j->b, spaces, 1 + 2 * (size_t)j->depth);
}

/* Before any value or key: the comma and indentation its position needs. */
static void json_element(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (!j->first[j->depth])
		buf_putc(j->b, ',');
	j->first[j->depth] = false;
	if (j->depth > 0)
		json_newline(j);
}

static void json_open(struct json *j, char c)
{
	json_element(j);
	buf_putc(j->b, c);
	if (j->depth >= JSON_MAX_DEPTH) {
		if (!j->b->err)
			j->b->err = -EOVERFLOW;
		return;
	}
	j->depth++;
	j->first[j->depth] = true;
	j->array[j->depth] = c == '[';
}

static void json_close(struct json *j, char c)
{
	if (j->depth == 0) {
		if (!j->b->err)
			j->b->err = -EINVAL;
		return;
	}
	bool empty = j->first[j->depth];
	j->depth--;
	if (!empty)
		json_newline(j);
	buf_putc(j->b, c);
	if (j->depth == 0 && j->pretty)
		buf_putc(j->b, '\n');
}

void json_object_begin(struct json *j)
{
	json_open(j, '{');
}

void json_object_end(struct json *j)
{
	json_close(j, '}');
}

void json_array_begin(struct json *j)
{
	json_open(j, '[');
}

void json_array_end(struct json *j)
{
	json_close(j, ']');
}

void json_key(struct json *j, const char *key)
{
	json_element(j);
	json_escape(j->b, slice_cstr(key));
	buf_append(j->b, ": ", j->pretty ? 2 : 1);
	j->after_key = true;
}

/* Bytes written as they are: printable ASCII but '"' and '\\'. */
static bool json_plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/* The first byte from i that is not json_plain (or n). */
static size_t json_plain_end(const unsigned char *p, size_t i, size_t n)
{
#if defined(__SSE2__)
	/* sixteen bytes a step: a byte is plain when, offset by 0x80 so that
	 * signed compares order it as unsigned, it lies in [0x20, 0x7e] and is
	 * no '"' or '\\' */
	const __m128i bias = _mm_set1_epi8((char)0x80), lo = _mm_set1_epi8((char)(0x20 ^ 0x80)),
		      hi = _mm_set1_epi8((char)(0x7e ^ 0x80)), quote = _mm_set1_epi8('"'),
		      bslash = _mm_set1_epi8('\\');
	while (n - i >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i b = _mm_xor_si128(v, bias);
		__m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(b, lo), _mm_cmpgt_epi8(b, hi)),
					   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)));
		unsigned m = (unsigned)_mm_movemask_epi8(bad);
		if (m)
			return i + (size_t)__builtin_ctz(m);
		i += 16;
	}
#endif
	while (i < n && json_plain(p[i]))
		i++;
	return i;
}

void json_escape(struct buf *b, struct slice s)
{
	const unsigned char *p = (const unsigned char *)s.ptr;
	buf_putc(b, '"');
	for (size_t i = 0; i < s.len;) {
		/* a run of plain bytes in one append (most of every string) */
		size_t r = json_plain_end(p, i, s.len);
		if (r > i) {
			buf_append(b, p + i, r - i);
			i = r;
			continue;
		}
		unsigned char c = p[i];
		switch (c) {
		case '"': buf_puts(b, "\\\""); i++; continue;
		case '\\': buf_puts(b, "\\\\"); i++; continue;
		case '\n': buf_puts(b, "\\n"); i++; continue;
		case '\r': buf_puts(b, "\\r"); i++; continue;
		case '\t': buf_puts(b, "\\t"); i++; continue;
		default: break;
		}
		if (c < 0x20 || c == 0x7f) {
			buf_printf(b, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			buf_putc(b, (char)c);
			i++;
		} else {
			size_t n = utf8_seq_len(p + i, s.len - i);
			if (n && !utf8_text_len(p + i, n)) {
				/* a C1 or layout control: the same string, escaped, so
				 * that the JSON shown on a terminal shows it */
				buf_printf(b, "\\u%04x", (unsigned)utf8_decode(p + i, n));
				i += n;
			} else if (n) {
				buf_append(b, p + i, n);
				i += n;
			} else {
				buf_printf(b, "\\u%04x", c);
				i++;
			}
		}
	}
	buf_putc(b, '"');
}

void json_string(struct json *j, struct slice s)
{
	if (!s.ptr) {
		json_null(j);
		return;
	}
	json_element(j);
	json_escape(j->b, s);
}

void json_cstring(struct json *j, const char *s)
{
	if (!s) {
		json_null(j);
		return;
	}
	json_string(j, slice_cstr(s));
}

void json_u64(struct json *j, uint64_t v)
{
	json_element(j);
	buf_printf(j->b, "%" PRIu64, v);
}

void json_i64(struct json *j, int64_t v)
{
	json_element(j);
	buf_printf(j->b, "%" PRId64, v);
}

void json_bool(struct json *j, bool v)
{
	json_element(j);
	buf_puts(j->b, v ? "true" : "false");
}

void json_null(struct json *j)
{
	json_element(j);
	buf_puts(j->b, "null");
}
