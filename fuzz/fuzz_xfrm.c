/* fuzz_xfrm.c: libFuzzer target for the text of `ip xfrm state` as
 * trace_xfrm_read reads it (decode --xfrm): the input is the text. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/trace.h>
#include "fuzz_must.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct trace_xfrm x;
	int rc = trace_xfrm_read(&x, (const char *)data, size);
	MUST(rc == 0 || rc == -EBADMSG || rc == -ENOMEM);
	if (rc == -EBADMSG) {
		/* where: a line and a column of the text */
		MUST(x.error && x.line >= 1 && x.col >= 1);
		unsigned lines = 1;
		for (size_t i = 0; i < size; i++)
			lines += data[i] == '\n';
		MUST(x.line <= lines);
	}
	MUST(memchr(x.skip_reason, '\0', sizeof x.skip_reason) != NULL);
	for (size_t i = 0; rc == 0 && i < x.nsas; i++) {
		const struct trace_esp_sa *s = &x.sas[i];
		MUST(s->akey_len <= sizeof s->akey && s->ekey_len <= sizeof s->ekey);
		MUST(s->icv_len >= 8 && s->icv_len <= 32);
		MUST(s->cipher != TRACE_ESP_AES_GCM || s->integ == TRACE_ESP_INTEG_NONE);
		MUST(s->cipher == TRACE_ESP_AES_GCM || s->akey_len > 0);
	}
	trace_xfrm_fini(&x);
	MUST(x.sas == NULL && x.nsas == 0);
	return 0;
}
