/* instance.c: +sip.instance values (RFC 5626 §4.1): IMEI / IMEISV URNs (RFC 7254,
 * TS 23.003 §6.2 and Annex B) and UUID URNs (RFC 4122 §3). */
#include <errno.h>
#include <string.h>
#include <imsreg/codec.h>
#include <imsreg/ims.h>
#include <imsreg/scan.h>

static bool is_digit(char c)
{
	return scan_is((unsigned char)c, SCAN_DIGIT);
}

char ims_luhn_digit(const char *digits, size_t n)
{
	/* TS 23.003 Annex B: from the rightmost digit leftwards, double every
	 * other digit starting with the rightmost, add the digits of the
	 * products and the undoubled digits; the check digit brings the sum
	 * to a multiple of 10. */
	unsigned sum = 0;
	for (size_t i = 0; i < n; i++) {
		char c = digits[n - 1 - i];
		if (!is_digit(c))
			return '\0';
		unsigned v = (unsigned)(c - '0');
		if (i % 2 == 0) {
			v *= 2;
			if (v > 9)
				v -= 9;
		}
		sum += v;
	}
	return (char)('0' + (10 - sum % 10) % 10);
}

static bool all_digits(struct slice s)
{
	return scan_class_span(s.ptr, s.ptr + s.len, SCAN_DIGIT) == s.ptr + s.len;
}

/* urn:gsma:imei:TTTTTTTT-SSSSSS-C [;svn=NN] [;vers=N] (RFC 7254). */
static int imei_decode(struct ims_instance *inst, struct slice nss)
{
	inst->kind = IMS_INSTANCE_IMEI;
	const char *semi = slice_chr(nss, ';');
	struct slice val = semi ? slice_span(nss.ptr, semi) : nss;
	if (val.len != 17 || val.ptr[8] != '-' || val.ptr[15] != '-') {
		inst->problem = "IMEI URN value is not TTTTTTTT-SSSSSS-C (8-digit TAC, 6-digit "
				"serial number, spare digit; RFC 7254)";
		return -EBADMSG;
	}
	struct slice tac = slice_make(val.ptr, 8), snr = slice_make(val.ptr + 9, 6);
	if (!all_digits(tac) || !all_digits(snr) || !is_digit(val.ptr[16])) {
		inst->problem = "IMEI URN has a non-digit in the TAC, serial number or spare digit "
				"(RFC 7254)";
		return -EBADMSG;
	}
	memcpy(inst->tac, tac.ptr, 8);
	inst->tac[8] = '\0';
	memcpy(inst->snr, snr.ptr, 6);
	inst->snr[6] = '\0';
	inst->spare = val.ptr[16];
	inst->spare_is_zero = inst->spare == '0';
	char body[14];
	memcpy(body, tac.ptr, 8);
	memcpy(body + 8, snr.ptr, 6);
	inst->check = ims_luhn_digit(body, sizeof body);

	/* the IMEI URN parameters: svn (IMEISV) and vers */
	struct sip_param_it it;
	struct sip_param param;
	int r;
	sip_param_it_init(&it, semi ? slice_span(semi, nss.ptr + nss.len) : SLICE_NULL);
	while ((r = sip_param_next(&it, &param, NULL)) == 1) {
		if (slice_caseeq_cstr(param.name, "svn")) {
			struct slice svn = param.value;
			if (param.quoted || svn.len != 2 || !all_digits(svn)) {
				inst->problem = "IMEISV svn parameter is not two digits (RFC 7254)";
				return -EBADMSG;
			}
			if (inst->kind == IMS_INSTANCE_IMEISV) {
				inst->problem = "svn parameter given twice (RFC 7254)";
				return -EBADMSG;
			}
			memcpy(inst->svn, svn.ptr, 2);
			inst->svn[2] = '\0';
			inst->kind = IMS_INSTANCE_IMEISV;
		} else if (slice_caseeq_cstr(param.name, "vers")) {
			struct slice vers = param.value;
			if (param.quoted || vers.len == 0 || !all_digits(vers)) {
				inst->problem = "IMEI URN vers parameter is not a number (RFC 7254)";
				return -EBADMSG;
			}
		} else {
			inst->problem = "unknown parameter in the IMEI URN (RFC 7254 knows svn "
					"and vers)";
			return -EBADMSG;
		}
	}
	if (r < 0) {
		inst->problem = "IMEI URN parameters are not ;name=value (RFC 7254)";
		return -EBADMSG;
	}
	return 0;
}

/* urn:uuid:xxxxxxxx-xxxx-Vxxx-Rxxx-xxxxxxxxxxxx (RFC 4122 §3, §4.1.3). */
static int uuid_decode(struct ims_instance *inst, struct slice nss)
{
	inst->kind = IMS_INSTANCE_UUID;
	if (nss.len != 36) {
		inst->problem = "UUID is not 36 characters (8-4-4-4-12 hex digits, RFC 4122 §3)";
		return -EBADMSG;
	}
	for (size_t i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? nss.ptr[i] != '-' : !scan_is((unsigned char)nss.ptr[i], SCAN_HEX)) {
			inst->problem = "UUID is not 8-4-4-4-12 hex digits (RFC 4122 §3)";
			return -EBADMSG;
		}
	}
	/* the high nibbles of octets 6 (version) and 8 (variant), checked hex above */
	uint8_t version_octet = 0, variant_octet = 0;
	hex_decode(&version_octet, 1, slice_make(nss.ptr + 14, 2));
	hex_decode(&variant_octet, 1, slice_make(nss.ptr + 19, 2));
	inst->uuid_version = version_octet >> 4;
	/* variant 10xx: the RFC 4122 layout, in which the version means something */
	if ((variant_octet & 0xc0) != 0x80) {
		inst->problem = "UUID variant is not the RFC 4122 one (first digit of the fourth "
				"group should be 8, 9, a or b)";
		return -EBADMSG;
	}
	if (inst->uuid_version < 1 || inst->uuid_version > 8) {
		inst->problem = "UUID version is not 1 to 8 (RFC 4122 §4.1.3, RFC 9562)";
		return -EBADMSG;
	}
	return 0;
}

int ims_instance_decode(struct ims_instance *inst, struct slice value)
{
	int rc = 0;
	memset(inst, 0, sizeof *inst);
	struct slice v = slice_trim(value);
	if (!v.ptr)
		v = slice_make("", 0);
	/* the Contact parameter value is a quoted string holding "<urn>" */
	if (v.len >= 2 && v.ptr[0] == '"' && v.ptr[v.len - 1] == '"')
		v = slice_make(v.ptr + 1, v.len - 2);
	if (v.len >= 2 && v.ptr[0] == '<' && v.ptr[v.len - 1] == '>') {
		v = slice_make(v.ptr + 1, v.len - 2);
		inst->angled = true;
	} else if (v.len && (v.ptr[0] == '<' || v.ptr[v.len - 1] == '>')) {
		inst->urn = v;
		inst->problem = "unbalanced '<' '>' around the instance URN (RFC 5626 §4.1)";
		rc = -EBADMSG;
		goto out;
	}
	inst->urn = v;

	if (!slice_startswith_case(v, "urn:")) {
		inst->problem = "instance id is not a URN (RFC 5626 §4.1: +sip.instance carries "
				"\"<urn:...>\")";
		rc = -EBADMSG;
		goto out;
	}
	struct slice rest = slice_make(v.ptr + 4, v.len - 4);
	if (slice_startswith_case(rest, "gsma:imei:"))
		rc = imei_decode(inst, slice_make(rest.ptr + 10, rest.len - 10));
	else if (slice_startswith_case(rest, "uuid:"))
		rc = uuid_decode(inst, slice_make(rest.ptr + 5, rest.len - 5));
	else {
		/* some other URN namespace: fine for RFC 5626, but not what IR.92 asks */
		const char *colon = slice_chr(rest, ':');
		if (!colon || colon == rest.ptr || colon + 1 == rest.ptr + rest.len) {
			inst->problem = "URN without namespace id and specific string "
					"(urn:NID:NSS, RFC 8141)";
			rc = -EBADMSG;
		}
	}
out:
	inst->well_formed = rc == 0;
	return rc;
}
