/* fuzz_multipart.c: libFuzzer target for multipart bodies (multipart.c).
 * The input is a Content-Type value, a LF, then the body. Besides "no
 * crash, no read past the end", it checks the contract: the boundary lies
 * in the Content-Type; parts lie in the body, in order, head before body;
 * an error has a reason and points inside what was read. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/sip.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void inside(struct slice s, const char *lo, const char *hi)
{
	if (s.ptr && (s.ptr < lo || s.ptr + s.len > hi))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	const char *end = copy + size;
	const char *nl = memchr(copy, '\n', size);
	struct slice ct = slice_span(copy, nl ? nl : end);
	struct slice body = nl ? slice_span(nl + 1, end) : slice_make(end, 0);
	struct slice boundary;
	struct sip_parse_error err = { 0 };
	int rc = sip_multipart_boundary(ct, &boundary, &err);
	if (rc < 0 && (rc != -EBADMSG || err.code != rc || !err.reason || err.at < ct.ptr ||
		       err.at > ct.ptr + ct.len))
		abort();
	if (rc == 1) {
		inside(boundary, ct.ptr, ct.ptr + ct.len);
		if (boundary.len == 0 || boundary.len > 70)
			abort();
	} else {
		/* any body with a fixed boundary too */
		boundary = slice_make("b1", 2);
	}
	struct sip_body_part parts[8];
	size_t n = 0;
	memset(&err, 0, sizeof err);
	rc = sip_multipart_split(body, boundary, parts, 8, &n, &err);
	if (rc != 0 && rc != -EBADMSG && rc != -E2BIG)
		abort();
	if (rc < 0 && (err.code != rc || !err.reason || err.at < body.ptr || err.at > body.ptr + body.len))
		abort();
	if (n > 8)
		abort();
	const char *prev = body.ptr;
	for (size_t k = 0; k < n; k++) {
		inside(parts[k].head, body.ptr, body.ptr + body.len);
		inside(parts[k].body, body.ptr, body.ptr + body.len);
		inside(parts[k].content_type, parts[k].head.ptr, parts[k].head.ptr + parts[k].head.len);
		if (parts[k].head.ptr < prev || parts[k].body.ptr < parts[k].head.ptr + parts[k].head.len)
			abort();
		prev = parts[k].body.ptr + parts[k].body.len;
	}
	free(copy);
	return 0;
}
