/* report.c: the decode report as indented text or as JSON (docs/json.md). */
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <imsreg/auth.h>
#include <imsreg/codec.h>
#include <imsreg/scan.h>
#include "cli/report.h"

#define REPORT_MAX_DEPTH JSON_MAX_DEPTH


void report_init(struct report *r, struct buf *b, enum report_format format, bool color)
{
	r->b = b;
	r->format = format;
	r->color = color && format == REPORT_TEXT;
	r->indent = 0;
	r->level = 0;
	json_init(&r->json, b, true);
}

const char *report_on(const struct report *r, enum report_style style)
{
	if (!r->color)
		return "";
	switch (style) {
	case STYLE_TITLE: return "\033[1m";
	case STYLE_NAME: return "\033[1;36m";
	case STYLE_DIM: return "\033[2m";
	case STYLE_ERROR: return "\033[1;31m";
	case STYLE_WARNING: return "\033[1;33m";
	case STYLE_INFO: return "\033[34m";
	case STYLE_GOOD: return "\033[32m";
	case STYLE_NONE: break;
	}
	return "";
}

const char *report_off(const struct report *r)
{
	return r->color ? "\033[0m" : "";
}

/* The length of the colour sequence of report_on/report_off at p, or 0. */
static size_t report_own_sgr(const struct report *r, const char *p, size_t n)
{
	const char *off = report_off(r);
	size_t k = strlen(off);
	if (k && n >= k && memcmp(p, off, k) == 0)
		return k;
	for (int st = STYLE_NONE + 1; st <= STYLE_GOOD; st++) { /* STYLE_GOOD: the last one */
		const char *on = report_on(r, (enum report_style)st);
		k = strlen(on);
		if (k && n >= k && memcmp(p, on, k) == 0)
			return k;
	}
	return 0;
}

/* The first byte from i that is not printable ASCII or LF (or n). */
static size_t text_plain_end(const char *p, size_t i, size_t n)
{
#if defined(__SSE2__)
	/* a byte is plain when, as a signed byte, it is above 0x1f (so not a
	 * control and not 0x80-0xff) and not DEL, or it is LF; 32 bytes a step */
	const __m128i us = _mm_set1_epi8(0x1f), del = _mm_set1_epi8(0x7f), lf = _mm_set1_epi8('\n');
	while (n - i >= 32) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + i + 16));
		__m128i pa = _mm_or_si128(_mm_andnot_si128(_mm_cmpeq_epi8(a, del), _mm_cmpgt_epi8(a, us)),
					  _mm_cmpeq_epi8(a, lf));
		__m128i pb = _mm_or_si128(_mm_andnot_si128(_mm_cmpeq_epi8(b, del), _mm_cmpgt_epi8(b, us)),
					  _mm_cmpeq_epi8(b, lf));
		uint32_t m = ~((uint32_t)_mm_movemask_epi8(pa) | (uint32_t)_mm_movemask_epi8(pb) << 16);
		if (m)
			return i + (size_t)__builtin_ctz(m);
		i += 32;
	}
#endif
	while (i < n && ((p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\n'))
		i++;
	return i;
}

/* The length of the byte or sequence at p[i] the text output writes as it
 * is (TAB, a CR before an LF, the report's own colours, text: utf8_text_len),
 * or 0. */
static size_t text_safe_at(const struct report *r, const char *p, size_t i, size_t n)
{
	unsigned char c = (unsigned char)p[i];
	if (c == '\t' || (c == '\r' && i + 1 < n && p[i + 1] == '\n'))
		return 1;
	if (c == 0x1b)
		return report_own_sgr(r, p + i, n - i);
	return utf8_text_len((const unsigned char *)p + i, n - i);
}

void report_write(const struct report *r, FILE *f, const char *p, size_t n)
{
	if (r->format == REPORT_JSON) {
		fwrite(p, 1, n, f);
		return;
	}
	size_t i = 0, run = 0; /* [run, i) is safe and not yet written */
	while (i < n) {
		i = text_plain_end(p, i, n);
		if (i == n)
			break;
		size_t k = text_safe_at(r, p, i, n);
		if (k) {
			i += k;
			continue;
		}
		fwrite(p + run, 1, i - run, f);
		/* a character (a C1 or layout control) by its code point, a byte
		 * that is none by its value */
		const unsigned char *c = (const unsigned char *)p + i;
		k = c[0] < 0x80 ? 1 : utf8_seq_len(c, n - i);
		char esc[12];
		int w = k > 1 ? snprintf(esc, sizeof esc, "\\u%04X", (unsigned)utf8_decode(c, k))
			      : snprintf(esc, sizeof esc, "\\x%02X", (unsigned)c[0]);
		fwrite(esc, 1, (size_t)w, f);
		i += k ? k : 1;
		run = i;
	}
	fwrite(p + run, 1, n - run, f);
}

void report_pad(struct report *r)
{
	for (unsigned i = 0; i < r->indent; i++)
		buf_puts(r->b, "  ");
}

void report_unfold(struct buf *out, struct slice v)
{
	bool ws = false;
	for (size_t i = 0; i < v.len; i++) {
		char c = v.ptr[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			ws = true;
			continue;
		}
		if (ws && out->len > 0)
			buf_putc(out, ' ');
		ws = false;
		buf_putc(out, c);
	}
}

static void report_open(struct report *r, const char *key, const char *title, bool list)
{
	if (r->format == REPORT_JSON) {
		if (key)
			json_key(&r->json, key);
		if (list)
			json_array_begin(&r->json);
		else
			json_object_begin(&r->json);
		return;
	}
	const char *t = title; /* text shows titled blocks only; key is for JSON */
	bool ind = t != NULL;
	if (t) {
		report_pad(r);
		buf_puts(r->b, report_on(r, r->indent == 0 ? STYLE_TITLE : STYLE_NONE));
		buf_puts(r->b, t);
		buf_puts(r->b, report_off(r));
		buf_putc(r->b, '\n');
		r->indent++;
	}
	if (r->level < REPORT_MAX_DEPTH)
		r->indented[++r->level] = ind;
}

static void report_close(struct report *r, bool list)
{
	if (r->format == REPORT_JSON) {
		if (list)
			json_array_end(&r->json);
		else
			json_object_end(&r->json);
		return;
	}
	if (r->level > 0) {
		if (r->indented[r->level] && r->indent > 0)
			r->indent--;
		r->level--;
	}
}

void report_begin(struct report *r, const char *key, const char *title)
{
	report_open(r, key, title, false);
}

void report_end(struct report *r)
{
	report_close(r, false);
}

void report_list_begin(struct report *r, const char *key, const char *title)
{
	report_open(r, key, title, true);
}

void report_list_end(struct report *r)
{
	report_close(r, true);
}

/* Text: "label: " at the indentation (or "- " for an unlabelled list item). */
static void report_label(struct report *r, const char *key, const char *label)
{
	const char *l = label ? label : key;
	report_pad(r);
	if (l) {
		buf_puts(r->b, l);
		buf_puts(r->b, ": ");
	} else {
		buf_puts(r->b, "- ");
	}
}

static void report_note(struct report *r, const char *note)
{
	if (note) {
		buf_puts(r->b, "  ");
		buf_puts(r->b, report_on(r, STYLE_DIM));
		buf_putc(r->b, '(');
		buf_puts(r->b, note);
		buf_putc(r->b, ')');
		buf_puts(r->b, report_off(r));
	}
	buf_putc(r->b, '\n');
}

void report_str(struct report *r, const char *key, const char *label, struct slice v,
		const char *note)
{
	if (r->format == REPORT_JSON) {
		if (key)
			json_key(&r->json, key);
		json_string(&r->json, v);
		return;
	}
	if (!v.ptr)
		return;
	report_label(r, key, label);
	if (v.len)
		buf_slice(r->b, v);
	else
		buf_puts(r->b, "\"\"");
	report_note(r, note);
}

void report_cstr(struct report *r, const char *key, const char *label, const char *v,
		 const char *note)
{
	report_str(r, key, label, v ? slice_cstr(v) : SLICE_NULL, note);
}

void report_unfolded(struct report *r, const char *key, const char *label, struct slice v)
{
	if (!v.ptr) {
		report_str(r, key, label, v, NULL);
		return;
	}
	struct buf tmp;
	buf_init(&tmp);
	buf_putc(&tmp, '\0'); /* present even when empty */
	tmp.len = 0;
	report_unfold(&tmp, v);
	report_str(r, key, label, slice_make(tmp.ptr, tmp.len), NULL);
	report_keep_error(r, &tmp);
	buf_fini(&tmp);
}

void report_u64(struct report *r, const char *key, const char *label, uint64_t v,
		const char *note)
{
	if (r->format == REPORT_JSON) {
		if (key)
			json_key(&r->json, key);
		json_u64(&r->json, v);
		return;
	}
	report_label(r, key, label);
	buf_printf(r->b, "%" PRIu64, v);
	report_note(r, note);
}

void report_bool(struct report *r, const char *key, const char *label, bool v, const char *note)
{
	if (r->format == REPORT_JSON) {
		if (key)
			json_key(&r->json, key);
		json_bool(&r->json, v);
		return;
	}
	report_label(r, key, label);
	buf_puts(r->b, v ? "yes" : "no");
	report_note(r, note);
}

void report_hex(struct report *r, const char *key, const char *label, const uint8_t *p, size_t n,
		const char *note)
{
	char hex[2 * REPORT_HEX_MAX + 1];
	if (n > REPORT_HEX_MAX)
		n = REPORT_HEX_MAX;
	hex_encode(hex, p, n);
	report_cstr(r, key, label, hex, note);
	auth_wipe(hex, sizeof hex);
}

void report_explain(struct report *r, const char *meaning, const char *ref)
{
	if (r->format == REPORT_JSON) {
		json_key(&r->json, "meaning");
		json_cstring(&r->json, meaning);
		json_key(&r->json, "ref");
		json_cstring(&r->json, ref);
		return;
	}
	if (!meaning && !ref)
		return;
	report_pad(r);
	buf_puts(r->b, report_on(r, STYLE_DIM));
	if (meaning)
		buf_puts(r->b, meaning);
	if (ref) {
		buf_puts(r->b, meaning ? " [" : "[");
		buf_puts(r->b, ref);
		buf_putc(r->b, ']');
	}
	buf_puts(r->b, report_off(r));
	buf_putc(r->b, '\n');
}

void report_line(struct report *r, enum report_style style, const char *fmt, ...)
{
	if (r->format == REPORT_JSON)
		return;
	report_pad(r);
	buf_puts(r->b, report_on(r, style));
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(r->b, fmt, ap);
	va_end(ap);
	buf_printf(r->b, "%s\n", report_off(r));
}
