/* json.h: a small streaming JSON writer (RFC 8259) over struct buf, for
 * `imsreg decode --json`. The caller writes keys and values in order; the
 * writer adds commas, indentation and string escaping. Errors are sticky in
 * the buf (b->err); nesting deeper than JSON_MAX_DEPTH sets -EOVERFLOW. */
#ifndef IMSREG_CLI_JSON_H
#define IMSREG_CLI_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <imsreg/buf.h>
#include <imsreg/slice.h>

#define JSON_MAX_DEPTH 32

struct json {
	struct buf *b;
	unsigned depth;
	bool pretty;
	bool after_key;               /* a key was written, its value comes next */
	bool first[JSON_MAX_DEPTH + 1]; /* no element written yet at this depth */
	bool array[JSON_MAX_DEPTH + 1]; /* the container at this depth is an array */
};

/* Writes into b (borrowed); pretty: newlines and two-space indentation. */
void json_init(struct json *j, struct buf *b, bool pretty);
void json_object_begin(struct json *j);
void json_object_end(struct json *j);
void json_array_begin(struct json *j);
void json_array_end(struct json *j);
/* An object member name; the next call writes its value. */
void json_key(struct json *j, const char *key);
/* A string value; an absent slice (ptr NULL) is written as null. */
void json_string(struct json *j, struct slice s);
/* A C string value; NULL is written as null. */
void json_cstring(struct json *j, const char *s);
void json_u64(struct json *j, uint64_t v);
void json_i64(struct json *j, int64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* True when the next value goes into an array (no key expected). */
bool json_in_array(const struct json *j);

/* Appends s as a JSON string literal (quotes included): ", \ and control
 * bytes escaped, valid UTF-8 kept, any other byte >= 0x80 written as the
 * code point of the same value (\u00XX), so the output is always valid. */
void json_escape(struct buf *b, struct slice s);

#endif
