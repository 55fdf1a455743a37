/* fuzz_reginfo.c: libFuzzer target for the XML bodies of a registration:
 * the reg-event state document (application/reginfo+xml, RFC 3680) as
 * ims_reginfo_decode reads it, and the 3GPP IM CN subsystem XML body
 * (application/3gpp-ims+xml, TS 24.229 §7.6) as ims_3gpp_xml_decode reads
 * it: the input is the body, read by both. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/ims.h>
#include "fuzz_must.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static bool terminated(const char *s, size_t cap)
{
	return memchr(s, '\0', cap) != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ims_reginfo *ri = imsreg_malloc(sizeof *ri);
	if (!ri)
		return 0;
	int rc = ims_reginfo_decode(ri, slice_make((const char *)data, size));
	MUST(rc == 0 || rc == -EBADMSG || rc == -EMSGSIZE || rc == -ENOMEM);
	MUST(terminated(ri->error, sizeof ri->error) && terminated(ri->problem, sizeof ri->problem));
	if (rc < 0) {
		MUST(ri->error[0] || rc == -ENOMEM);
	} else {
		MUST(ri->nregs <= IMS_REGINFO_MAX_REGS && ri->ncontacts <= IMS_REGINFO_MAX_CONTACTS);
		unsigned sum = 0;
		for (unsigned i = 0; i < ri->nregs; i++) {
			const struct ims_reginfo_registration *g = &ri->regs[i];
			MUST(terminated(g->aor, sizeof g->aor) && terminated(g->state, sizeof g->state));
			MUST(g->first_contact == sum && g->first_contact + g->ncontacts <= ri->ncontacts);
			sum += g->ncontacts;
		}
		MUST(sum == ri->ncontacts);
		for (unsigned i = 0; i < ri->ncontacts; i++) {
			const struct ims_reginfo_contact *c = &ri->contacts[i];
			MUST(c->reg < ri->nregs);
			MUST(terminated(c->uri, sizeof c->uri) && terminated(c->event, sizeof c->event));
			MUST(terminated(c->instance, sizeof c->instance) &&
			     terminated(c->pub_gruu, sizeof c->pub_gruu));
			(void)ims_reginfo_event_meaning(c->event);
		}
	}
	imsreg_free(ri);
	struct ims_3gpp_xml x;
	rc = ims_3gpp_xml_decode(&x, slice_make((const char *)data, size));
	MUST(rc == 0 || rc == -EBADMSG || rc == -EMSGSIZE || rc == -ENOMEM);
	MUST(terminated(x.error, sizeof x.error) && terminated(x.problem, sizeof x.problem));
	MUST(terminated(x.version, sizeof x.version) && terminated(x.service_info, sizeof x.service_info));
	MUST(terminated(x.alt_type, sizeof x.alt_type) && terminated(x.alt_reason, sizeof x.alt_reason) &&
	     terminated(x.alt_action, sizeof x.alt_action));
	if (rc < 0)
		MUST(x.error[0] || rc == -ENOMEM);
	else
		MUST(x.has_service_info || x.has_alt || x.problem[0]);
	(void)ims_3gpp_xml_alt_meaning(&x);
	return 0;
}
