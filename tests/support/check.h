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

#endif
