/* check.c: the test kit's reporting, file reading, guard-page copies and
 * the decoder-table harness. */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <imsreg/sip.h>
#include "check.h"

int check_failed;
int check_passed;

void check_slice_eq_at(const char *file, int line, const char *expr, struct slice s,
		       const char *want)
{
	bool ok = want ? (s.ptr && slice_eq(s, slice_cstr(want))) : !s.ptr;
	if (ok) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "%s:%d: %s: got %s%.*s%s, want %s%s%s\n", file, line, expr,
		s.ptr ? "\"" : "", SLICE_ARG(s), s.ptr ? "\"" : "(absent)", want ? "\"" : "",
		want ? want : "(absent)", want ? "\"" : "");
}

void check_str_eq_at(const char *file, int line, const char *expr, const char *got,
		     const char *want)
{
	if ((!got && !want) || (got && want && strcmp(got, want) == 0)) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "%s:%d: %s: got \"%s\", want \"%s\"\n", file, line, expr,
		got ? got : "(null)", want ? want : "(null)");
}

int check_done(void)
{
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}

char *check_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *p = malloc(cap + 1);
	size_t r;
	while (p && (r = fread(p + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			char *q = realloc(p, cap * 2 + 1);
			if (!q) {
				free(p);
				p = NULL;
				break;
			}
			p = q;
			cap *= 2;
		}
	}
	fclose(f);
	if (!p)
		return NULL;
	p[n] = '\0';
	*len = n;
	return p;
}

char *check_guard_copy(const void *data, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t pages = (len + page - 1) / page + 1;
	char *base = mmap(NULL, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			  -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	mprotect(base + (pages - 1) * page, page, PROT_NONE);
	char *p = base + (pages - 1) * page - len;
	memcpy(p, data, len);
	return p;
}

void check_guard_free(char *p, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *guard = p + len;
	size_t pages = (len + page - 1) / page + 1;
	munmap(guard - (pages - 1) * page, pages * page);
}

void check_guarded(const char *in, size_t len, check_slice_fn *each, const void *arg)
{
	char *g = check_guard_copy(in, len);
	CHECK(g != NULL);
	if (!g)
		return;
	each(slice_make(g, len), arg);
	check_guard_free(g, len);
}

void check_every_prefix(const char *in, check_slice_fn *each, const void *arg)
{
	size_t len = strlen(in);
	for (size_t k = 0; k <= len; k++)
		check_guarded(in, k, each, arg);
}

void check_decode_verdict(int rc, const struct sip_parse_error *err, struct slice s)
{
	if (rc >= 0) {
		check_passed++;
		return;
	}
	CHECK(rc == -EBADMSG || rc == -ERANGE);
	CHECK(err->code == rc && err->reason != NULL);
	CHECK(err->at >= s.ptr && err->at <= s.ptr + s.len);
}

bool check_decode_at(const char *file, int line, int rc, const struct sip_parse_error *err,
		     struct slice s, int want_rc, long want_at)
{
	long at = rc < 0 && err->at ? (long)(err->at - s.ptr) : -1;
	if (rc != want_rc || (rc < 0 && at != want_at))
		fprintf(stderr, "%s:%d: case \"%.*s\": rc %d at %ld (%s), want rc %d at %ld\n", file,
			line, SLICE_ARG(s), rc, at, rc < 0 && err->reason ? err->reason : "ok",
			want_rc, want_at);
	CHECK_INT_EQ(rc, want_rc);
	if (rc < 0) {
		CHECK_INT_EQ(err->code, rc);
		CHECK_INT_EQ(at, want_at);
		CHECK(err->reason != NULL);
		return false;
	}
	return want_rc >= 0;
}
