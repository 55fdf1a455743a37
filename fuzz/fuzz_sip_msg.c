/* fuzz_sip_msg.c: sip_msg_parse in every mode (and against the careful
 * loop alone: the split's fast path must agree with it on every input),
 * then sip_msg_check, then sip_msg_encode and a parse of what it wrote
 * (which must parse when the message passed the check). */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/buf.h>
#include <imsreg/sip.h>
#include "sip/hdr_id.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool slice_same(struct slice a, struct slice b)
{
	return a.ptr == b.ptr && a.len == b.len;
}

/* The fast path and the careful loop (SIP_PARSE__CAREFUL) give the same
 * verdict, error and fields; max small enough to fill up now and then. */
static void same_as_careful(const char *in, size_t size, unsigned mode, uint16_t max)
{
	struct sip_hdr ha[64], hb[64];
	struct sip_msg a, b;
	struct sip_parse_error ea, eb;
	sip_msg_init(&a, ha, max);
	sip_msg_init(&b, hb, max);
	int ra = sip_msg_parse(&a, in, size, mode, &ea);
	int rb = sip_msg_parse(&b, in, size, mode | SIP_PARSE__CAREFUL, &eb);
	if (ra != rb || ea.code != eb.code || ea.offset != eb.offset || ea.at != eb.at ||
	    ea.hdr != eb.hdr || (ea.reason != eb.reason && (!ea.reason || !eb.reason || strcmp(ea.reason, eb.reason))))
		abort();
	if (ra < 0)
		return;
	if (a.len != b.len || a.is_request != b.is_request || !slice_same(a.method, b.method) ||
	    a.method_id != b.method_id || !slice_same(a.ruri, b.ruri) || a.status != b.status ||
	    !slice_same(a.reason, b.reason) || !slice_same(a.version, b.version) ||
	    !slice_same(a.start_line, b.start_line) || a.nhdrs != b.nhdrs ||
	    a.head_len != b.head_len || !slice_same(a.body, b.body) ||
	    a.has_content_length != b.has_content_length || a.content_length != b.content_length ||
	    a.repairs != b.repairs || memcmp(a.first, b.first, sizeof a.first))
		abort();
	for (uint16_t i = 0; i < a.nhdrs; i++)
		if (ha[i].id != hb[i].id || !slice_same(ha[i].name, hb[i].name) ||
		    !slice_same(ha[i].value, hb[i].value) || ha[i].offset != hb[i].offset ||
		    ha[i].next != hb[i].next)
			abort();
}

/* sip_fields_parse reads the input as sip_msg_parse reads the same
 * bytes after a start line: the same verdict, error and fields, shifted
 * by the start line's length; and what it parsed goes through the check. */
static void fields_as_after_a_start_line(const char *in, size_t size, unsigned mode)
{
	static const char sl[] = "OPTIONS sip:x SIP/2.0\r\n";
	const size_t k = sizeof sl - 1;
	if (size == 0)
		return; /* nothing: "need more" for the fields, a bare start line for the message */
	char *cat = malloc(k + size);
	if (!cat)
		abort();
	memcpy(cat, sl, k);
	memcpy(cat + k, in, size);
	struct sip_hdr ha[64], hb[64];
	struct sip_msg a, b;
	struct sip_parse_error ea, eb;
	sip_msg_init(&a, ha, 64);
	sip_msg_init(&b, hb, 64);
	int ra = sip_fields_parse(&a, in, size, mode, &ea);
	int rb = sip_msg_parse(&b, cat, k + size, mode | SIP_PARSE__CAREFUL, &eb);
	if ((ra < 0) != (rb < 0) || (ra < 0 && (ra != rb || ea.code != eb.code || ea.hdr != eb.hdr ||
						 (ea.at && ea.at - in + (ptrdiff_t)k != eb.at - cat))))
		abort();
	if (ra >= 0) {
		if ((size_t)rb != (size_t)ra + k || a.nhdrs != b.nhdrs || a.repairs != b.repairs ||
		    a.body.len != b.body.len || !sip_msg_is_fields(&a) || a.start_line.ptr ||
		    memcmp(a.first, b.first, sizeof a.first))
			abort();
		for (uint16_t i = 0; i < a.nhdrs; i++)
			if (ha[i].id != hb[i].id || ha[i].value.len != hb[i].value.len ||
			    ha[i].value.ptr - in + (ptrdiff_t)k != hb[i].value.ptr - cat)
				abort();
		struct sip_parse_error err;
		if (sip_msg_check(&a, &err) < 0 && !err.reason)
			abort();
	}
	free(cat);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned modes[] = { 0, SIP_PARSE_STREAM, SIP_PARSE_LENIENT,
					  SIP_PARSE_STREAM | SIP_PARSE_LENIENT };
	const char *in = (const char *)data;
	struct sip_hdr hdrs[64];
	struct sip_msg msg;
	struct sip_parse_error err;

	for (size_t m = 0; m < sizeof modes / sizeof modes[0]; m++) {
		same_as_careful(in, size, modes[m], 64);
		same_as_careful(in, size, modes[m], (uint16_t)(1 + size % 8));
		fields_as_after_a_start_line(in, size, modes[m]);
		sip_msg_init(&msg, hdrs, 64);
		int rc = sip_msg_parse(&msg, in, size, modes[m], &err);
		if (rc < 0) {
			/* an error points inside the input */
			if (rc != -EAGAIN && err.at && (err.at < in || err.at > in + size))
				abort();
			continue;
		}
		if ((size_t)rc > size || msg.head_len > (size_t)rc || msg.nhdrs > 64)
			abort();
		int checked = sip_msg_check(&msg, &err);
		if (checked < 0 && (err.offset > size || !err.reason))
			abort();
		if (modes[m] != 0)
			continue;
		struct buf b;
		buf_init(&b);
		int enc = sip_msg_encode(&b, &msg);
		if (b.err == 0) {
			struct sip_hdr hdrs2[64];
			struct sip_msg msg2;
			sip_msg_init(&msg2, hdrs2, 64);
			int rc2 = sip_msg_parse(&msg2, b.ptr, b.len, SIP_PARSE_STREAM, &err);
			/* a message that decodes whole encodes into one that parses */
			if (checked == 0 && enc == 0 && msg.nhdrs < 60 && rc2 < 0)
				abort();
		}
		buf_fini(&b);
	}
	return 0;
}
