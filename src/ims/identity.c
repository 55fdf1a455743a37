/* identity.c: IMS identities (TS 23.003 §13.2-13.4 IMPI/IMPU and the home domain from the
 * IMSI, §2.2 IMSI; RFC 3261 §19.1 sip URIs with user=phone, RFC 3966 tel URIs). */
#include <errno.h>
#include <string.h>
#include <imsreg/ims.h>
#include <imsreg/scan.h>

static bool digits_only(struct slice s)
{
	return s.len > 0 && scan_class_span(s.ptr, s.ptr + s.len, SCAN_DIGIT) == s.ptr + s.len;
}

/* "+" then 1 to 15 digits (E.164 §6.1), with the visual separators of
 * RFC 3966 §3 ("-" "." "(" ")") allowed between them. */
static bool is_global_number(struct slice s)
{
	if (s.len < 2 || s.ptr[0] != '+')
		return false;
	size_t ndigits = 0;
	for (size_t i = 1; i < s.len; i++) {
		char c = s.ptr[i];
		if (scan_is((unsigned char)c, SCAN_DIGIT))
			ndigits++;
		else if (c != '-' && c != '.' && c != '(' && c != ')')
			return false;
	}
	return ndigits >= 1 && ndigits <= 15;
}

/* ims.mncDDD.mccDDD.3gppnetwork.org (TS 23.003 §13.2). */
static void domain_classify(struct ims_identity *id)
{
	static const char suffix[] = ".3gppnetwork.org";
	struct slice d = id->domain;
	size_t sl = sizeof suffix - 1;
	if (d.len < sl || !slice_caseeq_cstr(slice_make(d.ptr + d.len - sl, sl), suffix))
		return;
	/* the labels before the suffix: [ims.]mnc<digits>.mcc<digits> */
	struct slice head = slice_make(d.ptr, d.len - sl);
	const char *mcc = NULL, *mnc = NULL;
	for (size_t i = 0; i + 3 <= head.len; i++) {
		if ((i == 0 || head.ptr[i - 1] == '.') &&
		    slice_startswith_case(slice_make(head.ptr + i, head.len - i), "mcc"))
			mcc = head.ptr + i;
		if ((i == 0 || head.ptr[i - 1] == '.') &&
		    slice_startswith_case(slice_make(head.ptr + i, head.len - i), "mnc"))
			mnc = head.ptr + i;
	}
	if (!mcc || !mnc || mnc > mcc) {
		id->domain_problem = "3gppnetwork.org domain without mnc<MNC>.mcc<MCC> labels "
				     "(TS 23.003 §13.2)";
		return;
	}
	if (mcc - 1 < mnc + 3 || mcc[-1] != '.' ||
	    !digits_only(slice_span(mnc + 3, mcc - 1)) ||
	    !digits_only(slice_span(mcc + 3, head.ptr + head.len))) {
		id->domain_problem = "3gppnetwork.org domain whose mnc/mcc labels are not digits "
				     "(TS 23.003 §13.2)";
		return;
	}
	struct slice mnc_digits = slice_span(mnc + 3, mcc - 1);
	struct slice mcc_digits = slice_span(mcc + 3, head.ptr + head.len);
	if (mcc_digits.len == 3) {
		memcpy(id->domain_mcc, mcc_digits.ptr, 3);
		id->domain_mcc[3] = '\0';
	}
	if (mnc_digits.len == 2 || mnc_digits.len == 3) {
		memcpy(id->domain_mnc, mnc_digits.ptr, mnc_digits.len);
		id->domain_mnc[mnc_digits.len] = '\0';
	}
	if (mcc_digits.len != 3) {
		id->domain_problem = "MCC in the domain is not 3 digits (TS 23.003 §13.2)";
		return;
	}
	if (mnc_digits.len != 3) {
		id->domain_problem = "MNC in the domain is not 3 digits: TS 23.003 §13.2 pads a "
				     "2-digit MNC with a leading zero (mnc001, not mnc01)";
		return;
	}
	struct slice prefix = slice_span(head.ptr, mnc);
	if (!slice_caseeq_cstr(prefix, "ims.")) {
		id->domain_is_3gpp_host = prefix.len > 5 &&
					  slice_caseeq_cstr(slice_make(mnc - 5, 5), ".ims.");
		id->domain_problem = "3GPP home network domain should be ims.mnc<MNC>.mcc<MCC>."
				     "3gppnetwork.org (TS 23.003 §13.2)";
		return;
	}
	id->domain_is_3gpp = true;
}

static void derive_domain(char *out, const char *imsi, size_t mnc_len)
{
	/* ims.mnc<MNC, 3 digits>.mcc<MCC>.3gppnetwork.org */
	char *p = out;
	memcpy(p, "ims.mnc", 7);
	p += 7;
	if (mnc_len == 2)
		*p++ = '0';
	memcpy(p, imsi + 3, mnc_len);
	p += mnc_len;
	memcpy(p, ".mcc", 4);
	p += 4;
	memcpy(p, imsi, 3);
	p += 3;
	memcpy(p, ".3gppnetwork.org", 17);
}

static void user_classify(struct ims_identity *id, bool may_be_imsi)
{
	if (is_global_number(id->user))
		id->user_is_e164 = true;
	if (may_be_imsi && (id->user.len == 14 || id->user.len == 15) && digits_only(id->user)) {
		id->user_is_imsi = true;
		char imsi[16];
		memcpy(imsi, id->user.ptr, id->user.len);
		imsi[id->user.len] = '\0';
		derive_domain(id->derived_domain2, imsi, 2);
		derive_domain(id->derived_domain3, imsi, 3);
		if (id->domain.ptr && (slice_caseeq_cstr(id->domain, id->derived_domain2) ||
				       slice_caseeq_cstr(id->domain, id->derived_domain3)))
			id->domain_matches_imsi = true;
	}
}

/* The user part up to its telephone-subscriber params (+1234;npdi). */
static struct slice user_cut(struct slice user)
{
	const char *semi = slice_chr(user, ';');
	return semi ? slice_span(user.ptr, semi) : user;
}

/* sip/sips: [user[:password]@]host[:port][;params][?headers], text being
 * the whole URI. The codec's own URI decoder splits it, so that the
 * identity is read as the rest of imsreg reads the URI (an '@' or ';' in
 * the URI's headers or parameters stays there). A URI the decoder rejects
 * (the codec reports that elsewhere) is still split here, loosely, so that
 * its identity can be explained: the user ends at the first '@' before
 * the headers ('?'), and the host runs to ':' ';' or '?'. */
static int sip_decode(struct ims_identity *id, struct slice text, struct slice rest)
{
	struct sip_uri uri;
	struct sip_parse_error err;
	if (sip_uri_decode(&uri, text, &err) == 0) {
		if (uri.user.ptr)
			id->user = user_cut(uri.user);
		id->domain = uri.host;
		id->user_phone = uri.user_param.ptr && slice_caseeq_cstr(uri.user_param, "phone");
		user_classify(id, !id->user_phone);
		return 0;
	}
	const char *end = rest.ptr + rest.len;
	const char *q = memchr(rest.ptr, '?', rest.len);
	const char *at = memchr(rest.ptr, '@', (size_t)((q ? q : end) - rest.ptr));
	const char *host = rest.ptr;
	if (at) {
		const char *colon = memchr(rest.ptr, ':', (size_t)(at - rest.ptr));
		id->user = user_cut(slice_span(rest.ptr, colon ? colon : at));
		host = at + 1;
		if (id->user.len == 0)
			return -EBADMSG;
	}
	const char *h = host;
	if (h < end && *h == '[') {
		const char *close = memchr(h, ']', (size_t)(end - h));
		if (!close)
			return -EBADMSG;
		h = close + 1;
	}
	while (h < end && *h != ':' && *h != ';' && *h != '?')
		h++;
	id->domain = slice_span(host, h);
	if (id->domain.len == 0)
		return -EBADMSG;
	const char *params = memchr(h, ';', (size_t)(end - h));
	if (params) {
		const char *hq = memchr(params, '?', (size_t)(end - params));
		struct sip_param user;
		if (sip_param_find(slice_span(params, hq ? hq : end), "user", &user) &&
		    slice_caseeq_cstr(user.value, "phone"))
			id->user_phone = true;
	}
	user_classify(id, !id->user_phone);
	return 0;
}

int ims_identity_decode(struct ims_identity *id, struct slice text)
{
	int rc = 0;
	memset(id, 0, sizeof *id);
	struct slice t = slice_trim(text);
	if (!t.ptr || t.len == 0) {
		rc = -EBADMSG;
		goto out;
	}
	if (t.len >= 2 && t.ptr[0] == '<' && t.ptr[t.len - 1] == '>')
		t = slice_make(t.ptr + 1, t.len - 2);

	if (slice_startswith_case(t, "sip:") || slice_startswith_case(t, "sips:")) {
		size_t skip = (t.ptr[3] == ':') ? 4 : 5;
		id->kind = IMS_ID_SIP;
		rc = sip_decode(id, t, slice_make(t.ptr + skip, t.len - skip));
		if (rc == 0)
			domain_classify(id);
	} else if (slice_startswith_case(t, "tel:")) {
		/* RFC 3966: tel:number[;params]; a local number names its
		 * phone-context, which is kept as the domain */
		id->kind = IMS_ID_TEL;
		struct slice rest = slice_make(t.ptr + 4, t.len - 4);
		const char *semi = slice_chr(rest, ';');
		id->user = semi ? slice_span(rest.ptr, semi) : rest;
		if (id->user.len == 0) {
			rc = -EBADMSG;
			goto out;
		}
		id->user_is_e164 = is_global_number(id->user);
		struct sip_param context;
		if (semi && sip_param_find(slice_span(semi, rest.ptr + rest.len), "phone-context",
					   &context))
			id->domain = context.value;
	} else {
		const char *at = NULL, *colon = slice_chr(t, ':');
		for (size_t i = t.len; i > 0 && !at; i--)
			if (t.ptr[i - 1] == '@')
				at = t.ptr + i - 1;
		if (at && (!colon || colon > at)) {
			/* NAI (RFC 7542): user@realm, the IMPI form of TS 23.003 §13.3.
			 * The realm follows the last '@' (an NAI has one; a
			 * decorated one, RFC 7542 §3.3.1, marks its other realms
			 * with '!'), as rules.c reads it. */
			id->kind = IMS_ID_NAI;
			id->user = slice_span(t.ptr, at);
			id->domain = slice_span(at + 1, t.ptr + t.len);
			if (id->user.len == 0 || id->domain.len == 0) {
				rc = -EBADMSG;
				goto out;
			}
			domain_classify(id);
			user_classify(id, true);
		} else if (colon && colon > t.ptr) {
			id->kind = IMS_ID_OTHER; /* another URI scheme */
		} else {
			rc = -EBADMSG;
		}
	}
out:
	return rc;
}

bool ims_uri_is_emergency(const struct sip_uri *uri)
{
	struct sip_param p;
	return uri && sip_param_find(uri->params, "sos", &p);
}
