/* fuzz_decode.c: the whole `imsreg decode` path on arbitrary input: framing
 * (lenient paste, strict wire, one datagram), every typed decoder, the IMS meaning, the
 * rule book, and both renderers (text and JSON), --summary with --severity
 * and --ignore, --only, plus --diff of two halves.
 * The input goes through a memfd so the command reads it as users' files.
 * Before that, the full typed decode of the message against its fields one
 * by one (check_fields), and each field in the message against its value
 * alone (check_alone). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <imsreg/sip.h>
#include "cli/cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;

/* A memfd holding bytes, named by its /proc path; -1 on failure. */
static int memfd_with(const uint8_t *p, size_t n, char *path, size_t cap)
{
	int fd = memfd_create("fuzz_decode", 0);
	if (fd < 0)
		return -1;
	if (n && write(fd, p, n) != (ssize_t)n) {
		close(fd);
		return -1;
	}
	snprintf(path, cap, "/proc/self/fd/%d", fd);
	return fd;
}

static void run(char *a, char *b, char *c, char *d)
{
	char *argv[] = { "decode", a, b, c, d, NULL };
	int argc = 1;
	while (argv[argc])
		argc++;
	int status = cli_decode_main(argc, argv, sink, sink);
	/* the documented exit statuses, and nothing else */
	if (status < 0 || status > 2)
		__builtin_trap();
}

/* sip_msg_check decodes the fields in one pass without clearing the error
 * between them (a failing field is decoded again from a clear error): its
 * verdict must be the one of sip_hdr_check over each field alone. It passes only when every field passes; when a field fails, its
 * error is that of the first failing field, unless an error of the message
 * came first (the Request-URI or a response's Reason-Phrase, or a field
 * that allows one value repeated at or before it). */
static void check_fields(const uint8_t *data, size_t size, unsigned flags)
{
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error m, e;
	sip_msg_init(&msg, hdrs, 64);
	if (sip_msg_parse(&msg, (const char *)data, size, flags, &m) < 0)
		return;
	int rc = sip_msg_check(&msg, &m);
	for (uint16_t i = 0; i < msg.nhdrs; i++) {
		int hrc = sip_hdr_check(&msg, &hdrs[i], &e);
		if (hrc == 0)
			continue;
		if (rc == 0 || e.code != hrc || !e.reason)
			__builtin_trap();
		if (m.at == e.at && m.code == e.code && m.hdr == e.hdr && m.offset == e.offset &&
		    strcmp(m.reason, e.reason) == 0)
			return;
		if (m.hdr == SIP_HDR_OTHER && m.at < hdrs[0].name.ptr)
			return; /* the start line: the Request-URI, a Reason-Phrase */
		for (uint16_t j = 0; j <= i; j++)
			if (m.at == hdrs[j].name.ptr && m.hdr == hdrs[j].id)
				return; /* a repeated single-value field */
		__builtin_trap();
	}
}

/* Each field's value alone in a buffer of its own size (so what reads past
 * the value in the message, the token lists sixteen bytes at a time, takes
 * the paths for the end of a buffer): the same verdict and reason as the
 * field in the message, and the same offset into the value when both lie
 * in it. */
static void check_alone(const uint8_t *data, size_t size)
{
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error e, a;
	sip_msg_init(&msg, hdrs, 64);
	if (sip_msg_parse(&msg, (const char *)data, size, SIP_PARSE_LENIENT, &e) < 0)
		return;
	for (uint16_t i = 0; i < msg.nhdrs; i++) {
		struct sip_hdr h = hdrs[i];
		size_t len = h.value.len;
		char *copy = malloc(len ? len : 1);
		if (!copy)
			return;
		memcpy(copy, h.value.ptr, len);
		struct sip_msg alone;
		sip_msg_init(&alone, NULL, 0);
		alone.buf = copy;
		alone.len = len;
		h.value.ptr = copy;
		h.next = SIP_HDR_NONE;
		int rc = sip_hdr_check(&msg, &hdrs[i], &e);
		int arc = sip_hdr_check(&alone, &h, &a);
		if (rc != arc)
			__builtin_trap();
		if (rc < 0) {
			if (strcmp(e.reason, a.reason) != 0)
				__builtin_trap();
			const char *v = hdrs[i].value.ptr;
			if (e.at > v && e.at < v + len && a.at > copy && a.at < copy + len &&
			    e.at - v != a.at - copy)
				__builtin_trap();
		}
		free(copy);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_fields(data, size, 0);
	check_alone(data, size);
	check_fields(data, size, SIP_PARSE_LENIENT);
	if (!sink)
		sink = fopen("/dev/null", "w");
	char path[64], path2[64];
	int fd = memfd_with(data, size, path, sizeof path);
	if (fd < 0)
		return 0;
	run("--no-color", path, NULL, NULL);
	run("--json", path, NULL, NULL);
	run("--json", "--strict", path, NULL);
	run("--brief", "--strict", path, NULL);
	run("--json", "--datagram", path, NULL);
	run("--summary", "--severity=ir92.*=error", "--ignore=rfc3261.*", path);
	run("--brief", "--only=ts24229.*,rfc3329.*", path, NULL);

	/* --diff: the two halves as two REGISTERs */
	size_t half = size / 2;
	int fd2 = memfd_with(data + half, size - half, path2, sizeof path2);
	close(fd);
	fd = memfd_with(data, half, path, sizeof path);
	if (fd >= 0 && fd2 >= 0) {
		run("--diff", path, path2, NULL);
		run("--json", "--diff", path, path2);
	}
	if (fd >= 0)
		close(fd);
	if (fd2 >= 0)
		close(fd2);
	return 0;
}
