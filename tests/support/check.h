/* check.h: the tiny assertion kit of the tests: each failed check prints
 * file, line and both values, and the test goes on; check_done() gives the
 * exit status and a "N passed, N failed" line. */
#ifndef IMSREG_CHECK_H
#define IMSREG_CHECK_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/slice.h>

extern int check_failed;
extern int check_passed;

#define CHECK(cond)                                                                       \
	do {                                                                              \
		if (cond) {                                                               \
			check_passed++;                                                   \
		} else {                                                                  \
			check_failed++;                                                   \
			fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
		}                                                                         \
	} while (0)

#define CHECK_INT_EQ(a, b)                                                                \
	do {                                                                              \
		long long check_a_ = (long long)(a), check_b_ = (long long)(b);           \
		if (check_a_ == check_b_) {                                               \
			check_passed++;                                                   \
		} else {                                                                  \
			check_failed++;                                                   \
			fprintf(stderr, "%s:%d: %s == %s failed: %lld != %lld\n", __FILE__, \
				__LINE__, #a, #b, check_a_, check_b_);                    \
		}                                                                         \
	} while (0)

/* Compares a slice with a C string (NULL means "absent slice"). */
#define CHECK_SLICE_EQ(s, cstr) check_slice_eq_at(__FILE__, __LINE__, #s, (s), (cstr))
#define CHECK_STR_EQ(a, b) check_str_eq_at(__FILE__, __LINE__, #a, (a), (b))

void check_slice_eq_at(const char *file, int line, const char *expr, struct slice s,
		       const char *want);
void check_str_eq_at(const char *file, int line, const char *expr, const char *got,
		     const char *want);
/* Prints the summary; returns the process exit status. */
int check_done(void);

/* Reads a whole file (relative to the repo root) into a malloc'd buffer,
 * NUL-terminated; NULL if unreadable. */
char *check_read_file(const char *path, size_t *len);

/* A copy of data[0..len) that ends exactly at a PROT_NONE guard page, so a
 * read past the end faults. Free with check_guard_free. */
char *check_guard_copy(const void *data, size_t len);
void check_guard_free(char *p, size_t len);

/* ---- the decoder-table harness (docs/style.md "Test harness") ---------- */

/* What a table test runs on one input: s points into a guard-page copy;
 * arg is the table row (or whatever the caller passed). */
typedef void check_slice_fn(struct slice s, const void *arg);

/* Runs each on a copy of in[0..len) that ends at a guard page, so a read
 * past the end faults; CHECKs that the copy could be made. */
void check_guarded(const char *in, size_t len, check_slice_fn *each, const void *arg);
/* check_guarded on every prefix in[0..k), k = 0 .. strlen(in). */
void check_every_prefix(const char *in, check_slice_fn *each, const void *arg);

/* Every row of a table (an array of structs with a `const char *in`), whole
 * or cut at every length, from a guard page; each gets the row as arg. */
#define CHECK_TABLE_GUARDED(table, each)                                                   \
	for (size_t check_i_ = 0; check_i_ < sizeof(table) / sizeof((table)[0]); check_i_++)  \
	check_guarded((table)[check_i_].in, strlen((table)[check_i_].in), (each),             \
		      &(table)[check_i_])
#define CHECK_TABLE_EVERY_PREFIX(table, each)                                              \
	for (size_t check_i_ = 0; check_i_ < sizeof(table) / sizeof((table)[0]); check_i_++)  \
	check_every_prefix((table)[check_i_].in, (each), &(table)[check_i_])

/* A decoder's verdict on the bytes s (a prefix, say): success (rc >= 0), or
 * -EBADMSG / -ERANGE with err->code == rc, a reason, and err->at inside s
 * (at most one past its end). */
struct sip_parse_error;
void check_decode_verdict(int rc, const struct sip_parse_error *err, struct slice s);

/* A table row's verdict: rc is want_rc, and on an error err->code == rc, a
 * reason, and err->at at offset want_at of s (the case is printed when rc
 * or the offset is wrong). True when the row decoded as the row wanted, so
 * the caller goes on to check the fields. */
#define CHECK_DECODE(rc, err, s, want_rc, want_at)                                          \
	check_decode_at(__FILE__, __LINE__, (rc), (err), (s), (want_rc), (want_at))
bool check_decode_at(const char *file, int line, int rc, const struct sip_parse_error *err,
		     struct slice s, int want_rc, long want_at);

#endif
