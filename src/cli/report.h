/* report.h: the tree `imsreg decode` writes, rendered as it is walked: as
 * indented text for people (colour optional) or as JSON for tools. The
 * decoders of decode.c describe each value once; the report decides how it
 * looks. key is the JSON member name (NULL inside a list), label the text
 * shown to people (NULL: the key). */
#ifndef IMSREG_CLI_REPORT_H
#define IMSREG_CLI_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <imsreg/buf.h>
#include <imsreg/slice.h>
#include "cli/json.h"

enum report_format { REPORT_TEXT, REPORT_JSON };

/* Colour roles of the text output. */
enum report_style {
	STYLE_NONE = 0,
	STYLE_TITLE,   /* a message or section title */
	STYLE_NAME,    /* a header name */
	STYLE_DIM,     /* meaning and reference */
	STYLE_ERROR,
	STYLE_WARNING,
	STYLE_INFO,
	STYLE_GOOD,    /* the last: report.c walks them up to it */
};

struct report {
	struct buf *b;
	enum report_format format;
	bool color;
	unsigned indent;       /* text: current indentation */
	unsigned level;        /* text: blocks open */
	bool indented[JSON_MAX_DEPTH + 1]; /* text: did the block at a level indent? */
	struct json json;
};

void report_init(struct report *r, struct buf *b, enum report_format format, bool color);

/* An object (JSON) / a block (text): with a title, the title line and its
 * content indented below; without, the content at the same indentation. */
void report_begin(struct report *r, const char *key, const char *title);
void report_end(struct report *r);
/* A list (JSON array) / a titled block (text). */
void report_list_begin(struct report *r, const char *key, const char *title);
void report_list_end(struct report *r);

/* Scalars. An absent slice or NULL string is null in JSON and not shown in
 * text. note: plain words after the value in text only (NULL: none). */
void report_str(struct report *r, const char *key, const char *label, struct slice v,
		const char *note);
void report_cstr(struct report *r, const char *key, const char *label, const char *v,
		 const char *note);
/* v with folded line breaks and LWS runs shown as one space. */
void report_unfolded(struct report *r, const char *key, const char *label, struct slice v);
void report_u64(struct report *r, const char *key, const char *label, uint64_t v,
		const char *note);
void report_bool(struct report *r, const char *key, const char *label, bool v,
		 const char *note);
/* n octets (at most REPORT_HEX_MAX, the rest cut) as lowercase hex. The
 * hex copy on the stack is wiped: it may be a key (RES, CK, IK, OPc). */
#define REPORT_HEX_MAX 64
void report_hex(struct report *r, const char *key, const char *label, const uint8_t *p, size_t n,
		const char *note);
/* The meaning and spec reference of the enclosing item: JSON members
 * "meaning" and "ref"; text: a dim line "meaning (ref)". */
void report_explain(struct report *r, const char *meaning, const char *ref);

/* Text only (no-op in JSON): one raw line at the current indentation. */
void report_line(struct report *r, enum report_style style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Text only: the escape sequence starting / ending a style ("" without colour). */
const char *report_on(const struct report *r, enum report_style style);
const char *report_off(const struct report *r);
/* Text only: append the indentation of the current level. */
void report_pad(struct report *r);

/* A scratch buffer's allocation failure becomes the report's, so the
 * command ends with status 2 rather than a report with a part missing. */
static inline void report_keep_error(struct report *r, const struct buf *scratch)
{
	if (scratch->err && !r->b->err)
		r->b->err = scratch->err;
}

/* Writes n bytes of the report to f. Text is made safe for a terminal:
 * what the input brought that a terminal would act on or cannot show is
 * written as \xHH (a control byte other than TAB and LF, a CR not before
 * an LF, DEL, a byte that is not UTF-8) or \uXXXX (a C1 control, a
 * bidirectional or line layout control: utf8_text_len), and an escape
 * sequence only when it is one of the report's own colours. JSON, escaped
 * already, is written as it is. */
void report_write(const struct report *r, FILE *f, const char *p, size_t n);

/* Copies v into out with every run of LWS (SP, HTAB, CR, LF) as one space. */
void report_unfold(struct buf *out, struct slice v);

#endif
