/* tsv_test.h: reading the corpus TSV files in the auth tests (header row
 * names the columns; one record per line, fields split on TAB). */
#ifndef IMSREG_AUTH_TSV_TEST_H
#define IMSREG_AUTH_TSV_TEST_H

#include <stdlib.h>
#include <string.h>
#include <imsreg/slice.h>
#include "check.h"

#define TSV_MAX_COLS 32

struct tsv {
	char *data;
	size_t len;
	const char *p, *end;
	struct slice head[TSV_MAX_COLS];
	unsigned nhead;
	struct slice col[TSV_MAX_COLS];
	unsigned ncol;
};

static inline unsigned tsv_split_(const char *p, const char *end, struct slice *cols)
{
	unsigned n = 0;
	while (n < TSV_MAX_COLS) {
		const char *t = memchr(p, '\t', (size_t)(end - p));
		const char *e = t ? t : end;
		cols[n++] = slice_make(p, (size_t)(e - p));
		if (!t)
			break;
		p = t + 1;
	}
	return n;
}

/* Reads the line [p, end) up to LF (CR trimmed) and advances p. */
static inline int tsv_line_(struct tsv *t, const char **ls, const char **le)
{
	if (t->p >= t->end)
		return 0;
	const char *nl = memchr(t->p, '\n', (size_t)(t->end - t->p));
	*ls = t->p;
	*le = nl ? nl : t->end;
	t->p = nl ? nl + 1 : t->end;
	if (*le > *ls && (*le)[-1] == '\r')
		(*le)--;
	return 1;
}

/* Opens a TSV file and reads its header row: 0, or -1 when unreadable. */
static inline int tsv_open(struct tsv *t, const char *path)
{
	const char *ls, *le;
	memset(t, 0, sizeof(*t));
	t->data = check_read_file(path, &t->len);
	if (!t->data)
		return -1;
	t->p = t->data;
	t->end = t->data + t->len;
	if (!tsv_line_(t, &ls, &le))
		return -1;
	t->nhead = tsv_split_(ls, le, t->head);
	return 0;
}

/* The next non-empty record: 1, or 0 at the end. */
static inline int tsv_next(struct tsv *t)
{
	const char *ls, *le;
	while (tsv_line_(t, &ls, &le)) {
		if (le == ls)
			continue;
		t->ncol = tsv_split_(ls, le, t->col);
		return 1;
	}
	return 0;
}

/* The field of the current record under column `name` (SLICE_NULL when
 * the file has no such column or the row is short). */
static inline struct slice tsv_get(const struct tsv *t, const char *name)
{
	for (unsigned i = 0; i < t->nhead; i++)
		if (slice_eq(t->head[i], slice_cstr(name)))
			return i < t->ncol ? t->col[i] : SLICE_NULL;
	return SLICE_NULL;
}

static inline void tsv_close(struct tsv *t)
{
	free(t->data);
	t->data = NULL;
}

#endif
