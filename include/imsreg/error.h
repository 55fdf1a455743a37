/* error.h: positions and compiler-style reports for parse errors. */
#ifndef IMSREG_ERROR_H
#define IMSREG_ERROR_H

#include <stdio.h>
#include <stddef.h>

/* 1-based line and column of byte `offset` in buf (LF ends a line; a CR
 * before it is not counted as a column). */
void error_position(const char *buf, size_t len, size_t offset, unsigned *line, unsigned *col);

/* Prints "name:line:col: reason", then the offending line and a caret,
 * as compilers do. */
void error_report(FILE *out, const char *name, const char *buf, size_t len, size_t offset,
		  const char *reason);

/* Prints the line [s, e) of buf, indented by two spaces, and under it a
 * caret at byte offset (in [s, e]): a character a column, UTF-8 as it is,
 * a byte that is none or a control a terminal would act on as '?'. Of a
 * line longer than 100 bytes only the part around the caret is shown,
 * "..." standing for the rest. */
void error_show_line(FILE *out, const char *buf, size_t s, size_t e, size_t offset);

/* The text of a negative errno code used by this project ("-EBADMSG" ...). */
const char *error_name(int code);

#endif
