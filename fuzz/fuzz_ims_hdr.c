/* fuzz_ims_hdr.c: libFuzzer target for the IMS decoders: the first byte picks P-Access-Network-Info
 * (and Cellular-Network-Info on the same bytes), +sip.instance, AKA nonce, auts, identity, a Contact
 * feature tag, a Feature-Caps value or (7) a P-Charging-Vector bearer list, whose access the next
 * byte picks; the rest is the input. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/ims.h>
#include "fuzz_must.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool inside(struct slice s, const char *p, size_t n)
{
	return !s.ptr || (s.ptr >= p && s.ptr + s.len <= p + n);
}

/* Cellular-Network-Info: one access-net-spec, a ',' refused */
static void run_cni(const char *p, size_t n)
{
	struct ims_pani cni;
	struct sip_parse_error err = { 0 };
	int rc = ims_cni_decode(&cni, slice_make(p, n), &err);
	if (rc < 0) {
		MUST(rc == -EBADMSG && err.reason && err.at >= p && err.at <= p + n);
		MUST(err.hdr == SIP_HDR_OTHER);
		return;
	}
	MUST(!cni.next.ptr);
	MUST(inside(cni.cell_info_age, p, n) && inside(cni.cell_value, p, n));
	MUST(cni.cell_info_age_ok ? cni.cell_info_age.len > 0 : cni.cell_info_age_s == 0);
	for (size_t i = 0; cni.cell_info_age_ok && i < cni.cell_info_age.len; i++)
		MUST(cni.cell_info_age.ptr[i] >= '0' && cni.cell_info_age.ptr[i] <= '9');
	MUST(!cni.cellular || cni.access != IMS_ACCESS_WLAN);
}

static void run_pani(const char *p, size_t n)
{
	struct ims_pani pani;
	struct sip_parse_error err = { 0 };
	struct slice v = slice_make(p, n);
	run_cni(p, n);
	/* follow the comma list as a caller would */
	for (int guard = 0; guard < 64; guard++) {
		int rc = ims_pani_decode(&pani, v, &err);
		if (rc < 0) {
			MUST(rc == -EBADMSG && err.reason && err.at >= p && err.at <= p + n);
			return;
		}
		MUST(inside(pani.access_type, p, n) && inside(pani.cell_value, p, n));
		MUST(inside(pani.params, p, n) && inside(pani.next, p, n));
		MUST(memchr(pani.cell_problem_text, '\0', sizeof pani.cell_problem_text));
		if (pani.cell_ok) {
			MUST(strlen(pani.mcc) == 3 && (strlen(pani.mnc) == 2 || strlen(pani.mnc) == 3));
			MUST(pani.cell_problem == NULL);
		}
		/* an AP address is six octets, lowercase, ':' between them */
		MUST(memchr(pani.wlan_node_mac, '\0', sizeof pani.wlan_node_mac));
		MUST(pani.wlan_node_ok ? strlen(pani.wlan_node_mac) == 17 && !pani.wlan_node_problem
				       : pani.wlan_node_mac[0] == '\0' && !pani.wlan_node_placeholder);
		MUST(!pani.wlan_node_ok || pani.access == IMS_ACCESS_WLAN);
		if (!pani.next.ptr)
			return;
		MUST(pani.next.len < v.len);
		v = pani.next;
	}
}

static void run_instance(const char *p, size_t n)
{
	struct ims_instance inst;
	int rc = ims_instance_decode(&inst, slice_make(p, n));
	MUST(rc == 0 || rc == -EBADMSG);
	MUST(inst.well_formed == (rc == 0));
	MUST(rc == 0 || inst.problem);
	MUST(inside(inst.urn, p, n));
	if (rc == 0 && (inst.kind == IMS_INSTANCE_IMEI || inst.kind == IMS_INSTANCE_IMEISV))
		MUST(strlen(inst.tac) == 8 && strlen(inst.snr) == 6 && inst.check >= '0' &&
		     inst.check <= '9');
}

static void run_nonce(const char *p, size_t n)
{
	struct ims_aka_nonce nonce;
	int rc = ims_aka_nonce_decode(&nonce, slice_make(p, n));
	MUST(rc == 0 || rc == -EBADMSG || rc == -EMSGSIZE);
	if (rc == 0)
		MUST(nonce.decoded_len >= 32 && nonce.server_data_len == nonce.decoded_len - 32 &&
		     nonce.decoded_len <= n);
}

static void run_auts(const char *p, size_t n)
{
	struct ims_auts auts;
	int rc = ims_auts_decode(&auts, slice_make(p, n));
	MUST(rc == 0 || rc == -EBADMSG);
}

static void run_identity(const char *p, size_t n)
{
	struct ims_identity id;
	int rc = ims_identity_decode(&id, slice_make(p, n));
	MUST(rc == 0 || rc == -EBADMSG);
	MUST(inside(id.user, p, n) && inside(id.domain, p, n));
	MUST(memchr(id.derived_domain2, '\0', sizeof id.derived_domain2));
	MUST(memchr(id.derived_domain3, '\0', sizeof id.derived_domain3));
	if (id.domain_is_3gpp)
		MUST(strlen(id.domain_mcc) == 3 && strlen(id.domain_mnc) == 3);
}

/* name '=' value; a leading '"' in the value makes it "quoted" */
static void run_feature_tag(const char *p, size_t n)
{
	struct sip_param param = { slice_make(p, n), SLICE_NULL, false };
	const char *eq = memchr(p, '=', n);
	if (eq) {
		param.name = slice_make(p, (size_t)(eq - p));
		param.value = slice_make(eq + 1, n - (size_t)(eq - p) - 1);
		if (param.value.len && param.value.ptr[0] == '"') {
			param.quoted = true;
			param.value.ptr++;
			param.value.len--;
		}
	}
	struct ims_feature_tag t;
	MUST(ims_feature_tag_describe(&t, &param) == 0);
	MUST(t.meaning && t.ref && t.nservices <= 8 && t.nunknown <= t.nservices);
	for (unsigned i = 0; i < t.nservices; i++)
		MUST(inside(t.service_urns[i], p, n));
	char out[64];
	int u = ims_unescape(out, sizeof out, slice_make(p, n));
	MUST(u == -EBADMSG || u == -EMSGSIZE || (u >= 0 && (size_t)u <= n && u <= 64));
}

/* A Feature-Caps value: each indicator, in order, explained, to the end or
 * the first error. */
static void run_fcaps(const char *p, size_t n)
{
	struct ims_fcaps_it it;
	struct sip_param prm;
	struct sip_parse_error err = { 0 };
	unsigned element, last = 0;
	int rc;
	size_t count = 0;
	ims_fcaps_init(&it, slice_make(p, n));
	while ((rc = ims_fcaps_next_cap(&it, &prm, &element, &err)) > 0) {
		MUST(++count <= n);
		MUST(prm.name.len >= 2 && prm.name.ptr[0] == '+' && inside(prm.name, p, n));
		MUST(inside(prm.value, p, n) && (!prm.value.ptr || prm.quoted));
		MUST(element >= last);
		last = element;
		struct ims_feature_tag t;
		MUST(ims_fcap_describe(&t, &prm) == 0);
		MUST(t.meaning && t.ref && t.nservices <= 8 && t.nunknown <= t.nservices);
		MUST(inside(t.uri, prm.value.ptr, prm.value.len));
		MUST(!t.uri.ptr || t.known);
		for (unsigned i = 0; i < t.nservices; i++)
			MUST(inside(t.service_urns[i], p, n));
	}
	MUST(rc == 0 || (rc == -EBADMSG && err.reason && err.at >= p && err.at <= p + n));
	/* the end stays the end */
	if (rc == 0)
		MUST(ims_fcaps_next_cap(&it, &prm, &element, &err) == 0);
}

/* a P-Charging-Vector bearer list of the access k picks */
static void run_anci(unsigned k, const char *p, size_t n)
{
	struct ims_anci a;
	enum ims_anci_kind kind = (enum ims_anci_kind)(IMS_ANCI_GPRS + k % 4);
	int rc = ims_anci_decode(&a, kind, slice_make(p, n));
	MUST(rc == 0 || rc == -EBADMSG);
	MUST((rc == 0) == (a.problem == NULL));
	MUST(a.kind == kind && a.access && a.cid_name && a.item_name && a.sig_name);
	MUST(a.nitems >= 1 && a.nitems <= IMS_ANCI_MAX_ITEMS);
	MUST(a.dropped == 0 || a.nitems == IMS_ANCI_MAX_ITEMS);
	for (unsigned i = 0; i < a.nitems; i++) {
		const struct ims_anci_item *it = &a.items[i];
		MUST(inside(it->cid, p, n) && it->nflows <= IMS_ANCI_MAX_FLOWS);
		MUST(it->sig >= -1 && it->sig <= 1);
		MUST(!it->cid_ok || (it->cid.len >= 1 && it->cid.len <= 16));
		MUST(!it->flows_cut || it->nflows == IMS_ANCI_MAX_FLOWS);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *p = (const char *)data + 1;
	size_t n = size - 1;
	/* % 8: the seeds' '0'..'5' pick what they picked under % 6 */
	switch (data[0] % 8) {
	case 0:
		run_pani(p, n);
		break;
	case 1:
		run_instance(p, n);
		break;
	case 2:
		run_nonce(p, n);
		break;
	case 3:
		run_auts(p, n);
		break;
	case 4:
		run_identity(p, n);
		break;
	case 5:
		run_feature_tag(p, n);
		break;
	case 6:
		run_fcaps(p, n);
		break;
	default:
		if (n)
			run_anci((unsigned char)p[0], p + 1, n - 1);
		break;
	}
	return 0;
}
