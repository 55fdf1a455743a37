/* feature_tag.c: Contact feature tags and parameters (RFC 3840 §9-10, RFC 5626 §4, TS 24.229 §7.9,
 * TS 24.341 §5.3.1.2, GSMA RCC.07; names as in the IANA media feature tag registry), the
 * ICSI / IARI service table, and the feature-capability indicators of Feature-Caps (RFC 6809,
 * TS 24.229 §7.9A, TS 24.237 Annex C). */
#include <errno.h>
#include <string.h>
#include <imsreg/codec.h>
#include <imsreg/ims.h>
#include <imsreg/scan.h>

/* ---- services (ICSI, IARI) ------------------------------------------- */

static const struct ims_service services[] = {
	{ "urn:urn-7:3gpp-service.ims.icsi.mmtel",
	  "MMTel: IMS multimedia telephony (VoLTE / VoNR voice and video calls)",
	  "3GPP TS 24.173" },
	{ "urn:urn-7:3gpp-service.ims.icsi.mcptt", "MCPTT: mission-critical push to talk",
	  "3GPP TS 24.379" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.msg",
	  "RCS / OMA CPM pager-mode standalone messages", "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.msg.group",
	  "RCS / OMA CPM pager-mode standalone messages to a group", "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.largemsg",
	  "RCS / OMA CPM large-message-mode standalone messages", "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.largemsg.group",
	  "RCS / OMA CPM large-message-mode standalone messages to a group",
	  "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.session", "RCS / OMA CPM chat sessions",
	  "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.session.group", "RCS / OMA CPM group chat",
	  "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.filetransfer", "RCS / OMA CPM file transfer",
	  "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.filetransfer.group",
	  "RCS / OMA CPM file transfer to a group", "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.deferred",
	  "RCS / OMA CPM deferred messaging (messages stored while offline)",
	  "GSMA RCC.07, OMA CPM" },
	{ "urn:urn-7:3gpp-service.ims.icsi.gsma.rcs.extension", "RCS extension service",
	  "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcse.im", "RCS-e chat (instant messaging)",
	  "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcse.ft", "RCS file transfer over MSRP",
	  "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcs.fthttp", "RCS file transfer over HTTP",
	  "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcs.ftthumb", "RCS file transfer with thumbnail",
	  "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcs.ftstandfw",
	  "RCS file transfer store and forward", "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcs.fullsfgroupchat",
	  "RCS group chat with full store and forward", "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcse.dp", "RCS presence discovery", "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcse.sp", "RCS social presence", "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcs.geopush", "RCS geolocation push",
	  "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcs.geosms", "RCS geolocation push over SMS",
	  "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcs.chatbot", "RCS chatbot sessions",
	  "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.rcs.chatbot.sa",
	  "RCS chatbot standalone messages", "GSMA RCC.07" },
	{ "urn:urn-7:3gpp-application.ims.iari.gsma-is", "RCS image share", "GSMA IR.79" },
	{ "urn:urn-7:3gpp-application.ims.iari.gsma-vs", "RCS video share outside a call",
	  "GSMA RCC.07" },
};

const struct ims_service *ims_service_lookup(struct slice urn)
{
	for (size_t i = 0; i < sizeof services / sizeof services[0]; i++)
		if (slice_caseeq_cstr(urn, services[i].urn))
			return &services[i];
	return NULL;
}

/* A subclass of a known ICSI ("...icsi.mmtel.hd-video") is a kind of it
 * (TS 24.229 §7.2A.8): the longest known prefix followed by '.'. */
static const struct ims_service *service_parent(struct slice urn)
{
	const struct ims_service *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof services / sizeof services[0]; i++) {
		size_t n = strlen(services[i].urn);
		if (n < urn.len && urn.ptr[n] == '.' && n > best_len &&
		    slice_caseeq_cstr(slice_make(urn.ptr, n), services[i].urn)) {
			best = &services[i];
			best_len = n;
		}
	}
	return best;
}

int ims_unescape(char *out, size_t cap, struct slice in)
{
	size_t n = 0;
	for (size_t i = 0; i < in.len; i++) {
		char c = in.ptr[i];
		if (c == '%') {
			uint8_t octet;
			if (in.len - i < 3 || hex_decode(&octet, 1, slice_make(in.ptr + i + 1, 2)) < 0)
				return -EBADMSG;
			c = (char)octet;
			i += 2;
		}
		if (n >= cap)
			return -EMSGSIZE;
		out[n++] = c;
	}
	return (int)n;
}

/* ---- the feature tag registry ---------------------------------------- */

struct tag_info {
	const char *name;        /* without the leading '+' */
	bool plus;               /* written with '+' (RFC 3840 §9: not a base tag) */
	enum ims_tag_kind kind;
	const char *meaning;
	const char *ref;
};

static const struct tag_info tags[] = {
	{ "g.3gpp.icsi-ref", true, IMS_TAG_ICSI,
	  "the IMS communication services this contact handles (ICSI): the S-CSCF sends "
	  "requests for these services (e.g. MMTel calls) to it",
	  "3GPP TS 24.229 §7.9.2, RFC 3840" },
	{ "g.3gpp.iari-ref", true, IMS_TAG_IARI,
	  "the IMS applications this contact runs (IARI), e.g. RCS chat or file transfer",
	  "3GPP TS 24.229 §7.9.3, RFC 3840" },
	{ "g.3gpp.smsip", true, IMS_TAG_SMSIP,
	  "the UE can send and receive SMS over IP (SMS over IMS); without it the network "
	  "delivers SMS outside IMS (SGs / NAS)",
	  "3GPP TS 24.341 §5.3.1.2" },
	{ "g.3gpp.csi.smsip", true, IMS_TAG_SMSIP_WRONG,
	  "not a registered feature tag: SMS over IP capability is \"+g.3gpp.smsip\"; a "
	  "registrar or IP-SM-GW will not read this as SMS support, so SMS stays outside IMS",
	  "3GPP TS 24.341 §5.3.1.2" },
	{ "audio", false, IMS_TAG_MEDIA,
	  "the contact supports audio streams; with the MMTel ICSI this is IMS voice",
	  "RFC 3840 §10" },
	{ "video", false, IMS_TAG_MEDIA,
	  "the contact supports video streams; with the MMTel ICSI it offers video calls "
	  "(GSMA IR.94)",
	  "RFC 3840 §10" },
	{ "text", false, IMS_TAG_MEDIA,
	  "the contact supports text streams (real-time text in MMTel)", "RFC 3840 §10" },
	{ "message", false, IMS_TAG_MEDIA, "the contact supports message sessions (MSRP)",
	  "RFC 4569" },
	{ "application", false, IMS_TAG_MEDIA, "the contact supports application media streams",
	  "RFC 3840 §10" },
	{ "data", false, IMS_TAG_MEDIA, "the contact supports data media streams",
	  "RFC 3840 §10" },
	{ "control", false, IMS_TAG_MEDIA, "the contact supports control media streams",
	  "RFC 3840 §10" },
	{ "automata", false, IMS_TAG_GENERIC,
	  "the contact is an automaton (voicemail, IVR, conference server), not a person",
	  "RFC 3840 §10" },
	{ "class", false, IMS_TAG_GENERIC, "the device is for business or personal use",
	  "RFC 3840 §10" },
	{ "duplex", false, IMS_TAG_GENERIC, "full, half, send-only or receive-only media",
	  "RFC 3840 §10" },
	{ "mobility", false, IMS_TAG_GENERIC, "the device is fixed or mobile", "RFC 3840 §10" },
	{ "description", false, IMS_TAG_GENERIC, "a free-text description of the device",
	  "RFC 3840 §10" },
	{ "events", false, IMS_TAG_GENERIC, "the event packages the contact accepts",
	  "RFC 3840 §10" },
	{ "priority", false, IMS_TAG_GENERIC, "the call priorities the contact accepts",
	  "RFC 3840 §10" },
	{ "methods", false, IMS_TAG_GENERIC, "the SIP methods the contact supports",
	  "RFC 3840 §10" },
	{ "extensions", false, IMS_TAG_GENERIC, "the SIP extensions (option tags) it supports",
	  "RFC 3840 §10" },
	{ "schemes", false, IMS_TAG_GENERIC, "the URI schemes the contact can handle",
	  "RFC 3840 §10" },
	{ "actor", false, IMS_TAG_GENERIC,
	  "who answers: the principal, an attendant, a message taker or an information service",
	  "RFC 3840 §10" },
	{ "isfocus", false, IMS_TAG_GENERIC, "the contact is a conference focus", "RFC 3840 §10" },
	/* the two base tags RFC 3840 §9 takes from the IETF tree */
	{ "language", false, IMS_TAG_GENERIC,
	  "the languages the contact can communicate in (language tags such as \"en\")",
	  "RFC 3840 §9, RFC 2987" },
	{ "type", false, IMS_TAG_GENERIC, "the MIME media types the contact can receive",
	  "RFC 3840 §9, RFC 2913" },
	{ "g.gsma.rcs.telephony", true, IMS_TAG_RCS_TELEPHONY,
	  "the telephony the RCS client relies on: cs (circuit-switched voice), volte (IMS "
	  "voice over LTE) or none",
	  "GSMA RCC.07" },
	{ "g.gsma.rcs.ipcall", true, IMS_TAG_GENERIC,
	  "RCS IP voice call (best-effort voice, not the MMTel service)", "GSMA RCC.07" },
	{ "g.gsma.rcs.isbot", true, IMS_TAG_GENERIC, "this contact is an RCS chatbot",
	  "GSMA RCC.07" },
	{ "g.gsma.rcs.botversion", true, IMS_TAG_GENERIC,
	  "the chatbot platform versions the client supports", "GSMA RCC.07" },
	{ "g.oma.sip-im", true, IMS_TAG_GENERIC, "OMA SIMPLE instant messaging (early RCS chat)",
	  "OMA SIMPLE IM" },
	{ "g.oma.sip-im.large-message", true, IMS_TAG_GENERIC,
	  "OMA SIMPLE instant messaging, large message mode", "OMA SIMPLE IM" },
	{ "g.3gpp.accesstype", true, IMS_TAG_GENERIC,
	  "the access technology of this registration flow: \"cellular2\" cellular, \"wlan1\" "
	  "WLAN, \"dsl3\" DSL, \"docsis4\" DOCSIS, \"ethernet5\" Ethernet (IMS centralized "
	  "services)",
	  "3GPP TS 24.292 Annex B.3" },
	{ "g.3gpp.mid-call", true, IMS_TAG_GENERIC,
	  "the UE supports mid-call SRVCC: held and conference calls survive the move of "
	  "voice to the circuit-switched network",
	  "3GPP TS 24.237 Annex C.2" },
	{ "g.3gpp.srvcc-alerting", true, IMS_TAG_GENERIC,
	  "the UE supports SRVCC of a call that is still ringing", "3GPP TS 24.237 Annex C.5" },
	{ "g.3gpp.ps2cs-srvcc-orig-pre-alerting", true, IMS_TAG_GENERIC,
	  "the UE supports SRVCC of an outgoing call before the far end rings",
	  "3GPP TS 24.237" },
	{ "g.3gpp.ps2cs-srvcc-term-pre-alerting", true, IMS_TAG_GENERIC,
	  "the UE supports SRVCC of an incoming call before it rings (pre-alerting)",
	  "3GPP TS 24.237 Annex C.31" },
	{ "g.3gpp.ps2cs-srvcc-mid-call-emergency", true, IMS_TAG_GENERIC,
	  "the UE supports SRVCC of an emergency call still being set up while another call "
	  "is held",
	  "3GPP TS 24.237 Annex C.30" },
	{ "g.3gpp.cs2ps-drvcc-orig-pre-alerting", true, IMS_TAG_GENERIC,
	  "the UE supports moving an outgoing call from the circuit-switched network to IMS "
	  "(dual radio, DRVCC) before the far end rings",
	  "3GPP TS 24.237 Annex C.25" },
	{ "g.3gpp.nw-init-ussi", true, IMS_TAG_GENERIC,
	  "the UE accepts network-initiated USSD over IMS (USSI)", "3GPP TS 24.390 Annex B.2" },
	{ "g.3gpp.cs-voice", true, IMS_TAG_GENERIC,
	  "the UE supports circuit-switched voice combined with IMS sessions (CSI); video share "
	  "during a CS call relies on it",
	  "3GPP TS 24.279, GSMA IR.74" },
	{ "g.3gpp.cs-video", true, IMS_TAG_GENERIC,
	  "the UE supports circuit-switched video combined with IMS sessions (CSI)",
	  "3GPP TS 24.279" },
	{ "g.3gpp.verstat", true, IMS_TAG_GENERIC,
	  "the UE understands the calling number verification status (verstat) of "
	  "incoming calls",
	  "3GPP TS 24.229" },
	{ "g.3gpp.ps-data-off", true, IMS_TAG_GENERIC,
	  "the UE's 3GPP PS data off status (active: mobile data is off except for exempt "
	  "services)",
	  "3GPP TS 24.229 §7.9.8" },
	{ "g.3gpp.mcptt", true, IMS_TAG_GENERIC, "a mission-critical push-to-talk client",
	  "3GPP TS 24.379 Annex D.2" },
	{ "g.3gpp.rlos", true, IMS_TAG_GENERIC,
	  "a registration for Restricted Local Operator Services (RLOS): operator-defined "
	  "services a UE may use even when its normal registration was refused with 403",
	  "3GPP TS 24.229 §7.9.9, §4.19" },
	{ "g.3gpp.registration-token", true, IMS_TAG_GENERIC,
	  "a token naming one registration of the user: the S-CSCF puts it in the Contact of "
	  "the third-party REGISTER it sends an application server, which ties the user's "
	  "requests and responses to that registration by it",
	  "3GPP TS 24.229 §7.9.7" },
	{ "g.3gpp.ics", true, IMS_TAG_GENERIC, "the role in IMS centralized services (ICS)",
	  "3GPP TS 24.292 Annex B.2" },
	{ "sip.ice", true, IMS_TAG_GENERIC, "the contact supports ICE for media", "RFC 5768" },
	{ "sip.instance", true, IMS_TAG_INSTANCE,
	  "a persistent, unique id of the device (for IMS its IMEI URN): the registrar tells "
	  "this device's contacts apart from the others of the same user by it",
	  "RFC 5626 §4.1, GSMA IR.92" },
	{ "reg-id", false, IMS_TAG_REG_ID,
	  "the flow number of this registration (SIP outbound): with +sip.instance it names "
	  "one flow of one device",
	  "RFC 5626 §4.2" },
	{ "expires", false, IMS_TAG_CONTACT_PARAM,
	  "how long this contact should stay registered, in seconds; it overrides the Expires "
	  "header for this contact, and 0 removes the contact",
	  "RFC 3261 §10.2.1.1" },
	{ "q", false, IMS_TAG_CONTACT_PARAM,
	  "the preference of this contact among the user's contacts (0 to 1, higher first)",
	  "RFC 3261 §20.10" },
	{ "pub-gruu", false, IMS_TAG_CONTACT_PARAM,
	  "the public GRUU the registrar assigned to this device", "RFC 5627 §5.2" },
	{ "temp-gruu", false, IMS_TAG_CONTACT_PARAM,
	  "a temporary GRUU the registrar assigned to this device", "RFC 5627 §5.2" },
};

static const struct tag_info *tag_lookup(struct slice bare)
{
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (slice_caseeq_cstr(bare, tags[i].name))
			return &tags[i];
	return NULL;
}

static bool contains_case(struct slice s, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= s.len; i++)
		if (slice_caseeq_cstr(slice_make(s.ptr + i, n), needle))
			return true;
	return false;
}

static bool all_digits(struct slice s)
{
	return s.len > 0 && scan_class_span(s.ptr, s.ptr + s.len, SCAN_DIGIT) == s.ptr + s.len;
}

static bool all_zero(struct slice s)
{
	for (size_t i = 0; i < s.len; i++)
		if (s.ptr[i] != '0')
			return false;
	return s.len > 0;
}

static void set_note(struct ims_feature_tag *t, const char *note)
{
	if (!t->note)
		t->note = note;
}

/* +g.3gpp.icsi-ref / iari-ref: a quoted comma list of %-escaped URNs. */
static void services_describe(struct ims_feature_tag *t, const struct sip_param *p)
{
	bool icsi = t->kind == IMS_TAG_ICSI;
	if (!p->value.ptr || p->value.len == 0) {
		set_note(t, "no value: the tag should list URNs (TS 24.229 §7.9)");
		return;
	}
	if (!p->quoted)
		set_note(t, "value not quoted: RFC 3840 writes a string value as a quoted list");
	const char *s = p->value.ptr, *end = p->value.ptr + p->value.len;
	for (bool last = false; !last;) {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		struct slice item = slice_trim(slice_span(s, comma ? comma : end));
		last = comma == NULL;
		if (comma)
			s = comma + 1;
		if (item.len == 0) {
			set_note(t, "empty element in the URN list");
			continue;
		}
		if (t->nservices == 8) {
			t->more_services = true;
			break;
		}
		unsigned i = t->nservices++;
		t->service_urns[i] = item;
		if (slice_chr(item, ':'))
			set_note(t, "URN not %-escaped: ':' is not allowed in an RFC 3840 tag value, "
				    "TS 24.229 §7.2A.8 writes urn%3Aurn-7%3A...");
		char urn[256];
		int n = ims_unescape(urn, sizeof urn, item);
		const struct ims_service *svc = NULL;
		/* -EMSGSIZE: longer than any URN of the table, so simply unknown */
		if (n == -EBADMSG) {
			set_note(t, "bad %-escape in a URN ('%' must be followed by two hex digits)");
		} else if (n >= 0) {
			struct slice u = slice_make(urn, (size_t)n);
			svc = ims_service_lookup(u);
			if (!svc)
				svc = service_parent(u);
			if (icsi && slice_startswith_case(u, "urn:urn-7:3gpp-application."))
				set_note(t, "an application reference (IARI) listed as a service: it "
					    "belongs in +g.3gpp.iari-ref");
			if (!icsi && slice_startswith_case(u, "urn:urn-7:3gpp-service."))
				set_note(t, "a communication service (ICSI) listed as an application: "
					    "it belongs in +g.3gpp.icsi-ref");
		}
		if (svc)
			t->services[i] = *svc;
		else
			t->nunknown++;
	}
}

/* +g.gsma.rcs.telephony="cs,volte" (GSMA RCC.07). */
static void telephony_describe(struct ims_feature_tag *t, const struct sip_param *p)
{
	bool cs = false, volte = false, none = false;
	if (!p->value.ptr || p->value.len == 0) {
		set_note(t, "no value: expected \"cs\", \"volte\", \"none\" or a list of them");
		return;
	}
	const char *s = p->value.ptr, *end = p->value.ptr + p->value.len;
	for (;;) {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		struct slice item = slice_trim(slice_span(s, comma ? comma : end));
		if (slice_caseeq_cstr(item, "cs"))
			cs = true;
		else if (slice_caseeq_cstr(item, "volte"))
			volte = true;
		else if (slice_caseeq_cstr(item, "none"))
			none = true;
		else
			set_note(t, "value not one of cs, volte, none (GSMA RCC.07)");
		if (!comma)
			break;
		s = comma + 1;
	}
	if (none && (cs || volte))
		set_note(t, "\"none\" together with a telephony type contradicts itself");
	else if (none)
		t->value_meaning = "no telephony: the RCS client offers no calls";
	else if (cs && volte)
		t->value_meaning = "voice calls over the circuit-switched network and over VoLTE";
	else if (volte)
		t->value_meaning = "voice calls over VoLTE (IMS MMTel)";
	else if (cs)
		t->value_meaning = "voice calls over the circuit-switched network";
}

int ims_feature_tag_describe(struct ims_feature_tag *t, const struct sip_param *p)
{
	memset(t, 0, sizeof *t);
	t->name = p->name;
	t->value = p->value;
	struct slice bare = p->name;
	bool plus = bare.len > 0 && bare.ptr[0] == '+';
	if (plus)
		bare = slice_make(bare.ptr + 1, bare.len - 1);
	const struct tag_info *info = tag_lookup(bare);

	if (!info) {
		if (contains_case(bare, "smsip") || contains_case(bare, "sms-ip") ||
		    contains_case(bare, "sms_ip") || contains_case(bare, "smsoip")) {
			t->kind = IMS_TAG_SMSIP_WRONG;
			t->meaning = "looks like SMS over IP capability but is not the registered "
				     "tag \"+g.3gpp.smsip\": the network will not read it as SMS "
				     "support";
			t->ref = "3GPP TS 24.341 §5.3.1.2";
		} else if (plus) {
			t->kind = IMS_TAG_GENERIC;
			t->meaning = "a feature tag not in imsreg's table ('+' marks a feature tag "
				     "that is not an RFC 3840 base tag)";
			t->ref = "RFC 3840 §9";
		} else {
			t->kind = IMS_TAG_OTHER;
			t->meaning = "a Contact parameter imsreg does not know";
			t->ref = "RFC 3261 §20.10";
		}
		return 0;
	}
	t->kind = info->kind;
	t->meaning = info->meaning;
	t->ref = info->ref;
	t->known = true;
	if (info->plus && !plus) {
		set_note(t, "written without the leading '+': RFC 3840 §9 requires it for every "
			    "tag that is not a base tag, so this is not read as a feature tag");
		if (info->kind == IMS_TAG_SMSIP) {
			t->kind = IMS_TAG_SMSIP_WRONG;
			t->meaning = "SMS over IP capability written without the leading '+': as "
				     "written it is not the feature tag \"+g.3gpp.smsip\", so the "
				     "network will not read it as SMS support";
			return 0;
		}
		/* RFC 3840 §9: a tag outside the base set is "+" ftag-name; without
		 * it the name is no feature tag, whatever it looks like, so neither
		 * its value (ICSI list, instance URN) is decoded as the tag's */
		t->kind = IMS_TAG_OTHER;
		t->meaning = "an unknown Contact parameter whose name looks like a misspelt "
			     "feature tag: a registered tag's name without the leading '+' that "
			     "RFC 3840 requires, so it is no feature tag and the capability it "
			     "was meant to announce is not registered";
		t->ref = "RFC 3840 §9";
		return 0;
	} else if (!info->plus && plus) {
		set_note(t, "written with a '+': this is a base tag or plain parameter, written "
			    "without it");
	}

	switch (info->kind) {
	case IMS_TAG_ICSI:
	case IMS_TAG_IARI:
		services_describe(t, p);
		break;
	case IMS_TAG_RCS_TELEPHONY:
		telephony_describe(t, p);
		break;
	case IMS_TAG_SMSIP:
	case IMS_TAG_MEDIA:
		if (p->value.ptr)
			set_note(t, "a boolean feature tag: its presence means TRUE, no value is "
				    "expected");
		break;
	case IMS_TAG_INSTANCE:
		if (!p->value.ptr || !p->quoted)
			set_note(t, "expected a quoted \"<urn:...>\" value (RFC 5626 §4.1)");
		else if (p->value.len < 2 || p->value.ptr[0] != '<' ||
			 p->value.ptr[p->value.len - 1] != '>')
			set_note(t, "the URN should be inside '<' '>' (RFC 5626 §4.1)");
		break;
	case IMS_TAG_REG_ID: {
		uint32_t v;
		if (!all_digits(p->value) || slice_u32(p->value, &v) < 0 || v == 0 ||
		    v > 2147483647u)
			set_note(t, "reg-id must be a number from 1 to 2^31-1 (RFC 5626 §4.2)");
		break;
	}
	case IMS_TAG_CONTACT_PARAM:
		if (slice_caseeq_cstr(bare, "expires")) {
			if (!all_digits(p->value))
				set_note(t, "expires must be delta-seconds (digits)");
			else if (all_zero(p->value))
				t->value_meaning = "0: this contact is being removed (unregistration)";
		} else if (slice_caseeq_cstr(bare, "q")) {
			/* qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) */
			struct slice v = p->value;
			bool ok = v.len >= 1 && (v.ptr[0] == '0' || v.ptr[0] == '1') &&
				  (v.len == 1 || (v.ptr[1] == '.' && v.len <= 5));
			for (size_t i = 2; ok && i < v.len; i++)
				ok = v.ptr[i] >= '0' && v.ptr[i] <= (v.ptr[0] == '1' ? '0' : '9');
			if (!ok)
				set_note(t, "q must be a qvalue from 0 to 1 with up to 3 decimals "
					    "(RFC 3261 §25.1)");
		}
		break;
	default:
		break;
	}
	return 0;
}

/* ---- Feature-Caps (RFC 6809) ------------------------------------------- */

bool ims_fcaps_hdr(const struct sip_hdr *h)
{
	return h->id == SIP_HDR_OTHER && slice_caseeq_cstr(h->name, IMS_FCAPS_NAME);
}

const struct sip_hdr *ims_fcaps_next(const struct sip_msg *m, const struct sip_hdr *prev)
{
	return sip_hdr_next_named(m, prev, IMS_FCAPS_NAME);
}

void ims_fcaps_init(struct ims_fcaps_it *it, struct slice value)
{
	memset(it, 0, sizeof *it);
	it->start = value.ptr;
	sip_list_init(&it->list, value);
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ftag-name = ALPHA *( ALPHA / DIGIT / "!" / "'" / "." / "-" / "%" ) (RFC
 * 3840 §9): the first byte that breaks it, or NULL. */
static const char *ftag_name_bad(struct slice n)
{
	if (n.len == 0 || !is_alpha(n.ptr[0]))
		return n.ptr;
	for (size_t i = 1; i < n.len; i++) {
		char c = n.ptr[i];
		if (!is_alpha(c) && !(c >= '0' && c <= '9') && (c == '\0' || !strchr("!'.-%", c)))
			return n.ptr + i;
	}
	return NULL;
}

int ims_fcaps_next_cap(struct ims_fcaps_it *it, struct sip_param *p, unsigned *element,
		       struct sip_parse_error *err)
{
	for (;;) {
		if (it->in_value) {
			int rc = sip_param_next(&it->params, p, err);
			if (rc < 0) {
				/* a value after '=' that is no token either (a '<'):
				 * what it lacks is its quotes */
				if (err && err->at && err->at > it->start && err->at[-1] == '=')
					err->reason = "an indicator's value is written in double quotes";
				return rc;
			}
			if (rc > 0) {
				if (p->name.ptr[0] != '+')
					return sip_value_fail(err, p->name.ptr, "a feature-capability "
							  "indicator is written with a leading '+'");
				struct slice ftag = slice_make(p->name.ptr + 1, p->name.len - 1);
				const char *bad = ftag_name_bad(ftag);
				if (bad)
					return sip_value_fail(err, bad, "an indicator's name is a letter, then "
							  "letters, digits and ! ' . - %");
				if (p->value.ptr && !p->quoted)
					return sip_value_fail(err, p->value.ptr, "an indicator's value is "
							  "written in double quotes");
				*element = it->element - 1;
				return 1;
			}
			it->in_value = false;
		}
		struct slice item;
		int rc = sip_list_next(&it->list, &item, err);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			if (it->element == 0)
				return sip_value_fail(err, it->start, "no value: Feature-Caps holds \"*\" "
						  "and the indicators after it");
			return 0;
		}
		if (item.ptr[0] != '*')
			return sip_value_fail(err, item.ptr, "a Feature-Caps value starts with \"*\", "
					  "then ';' and each indicator");
		const char *q = item.ptr + 1, *end = item.ptr + item.len;
		while (q < end && scan_is((unsigned char)*q, SCAN_WS | SCAN_CRLF))
			q++;
		if (q < end && *q != ';')
			return sip_value_fail(err, q, "expected ';' after the \"*\" of a Feature-Caps value");
		sip_param_it_init(&it->params, slice_span(q, end));
		it->in_value = true;
		it->element++;
	}
}

/* What an indicator's value is (the definition of each). */
enum fcap_value {
	FCV_FLAG,     /* none: its presence says it */
	FCV_URI,      /* "<" URI ">" */
	FCV_SERVICES, /* a list of %-escaped ICSI URNs */
	FCV_STRING,   /* a string-value "<...>" or a list of tokens */
};

struct fcap_info {
	const char *name; /* without the leading '+' */
	enum fcap_value value;
	const char *meaning;
	const char *ref;
};

/* The IMS-ALG media indicators: what the P-CSCF's media proxy carries. */
#define IMS_ALG_MEDIA(tag, what)                                                                  \
	{ tag, FCV_FLAG,                                                                           \
	  "the P-CSCF's IMS-ALG (the media proxy beside it) carries " what "; a P-CSCF that "   \
	  "lists none of these media indicators carries every media type",                        \
	  "3GPP TS 24.229 §7.9A" }

static const struct fcap_info fcap_table[] = {
	{ "g.3gpp.icsi-ref", FCV_SERVICES,
	  "the IMS communication services (ICSI) that the entity which added this Feature-Caps "
	  "supports for this transaction or dialog",
	  "3GPP TS 24.229 §7.9A.2" },
	{ "g.3gpp.trf", FCV_URI,
	  "the URI of the visited network's transit and roaming function (TRF): the home network "
	  "may send a roaming user's call back to the visited network through it, to be routed "
	  "there (roaming with local breakout)",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.loopback", FCV_STRING,
	  "the home network sends this request back to the visited network, which routes it on "
	  "(roaming with local breakout)",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.home-visited", FCV_STRING,
	  "the home network can send requests back to the visited network that the value names "
	  "(written as in P-Visited-Network-ID)",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.mrb", FCV_URI,
	  "the URI of the visited network's media resource broker (MRB), which allocates media "
	  "resources (announcements, conferences) for roaming users",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.registration-token", FCV_STRING,
	  "a token that names one registration of the user: an application server ties the "
	  "requests and responses of that registration together by it",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.thig-path", FCV_URI,
	  "the URI of the visited network's IBCF that hid the Path entries before it (topology "
	  "hiding, THIG): in the 200 OK to a REGISTER it tells the P-CSCF which IBCF that is",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.priority-share", FCV_STRING, "the entity supports priority sharing",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.verstat", FCV_FLAG,
	  "the home network verifies the calling number of the user's incoming calls and tells "
	  "the UE the result (verstat in P-Asserted-Identity, STIR/SHAKEN, RFC 8224)",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.anbr", FCV_FLAG,
	  "the network supports access network bitrate recommendation (ANBR): the radio tells "
	  "the UE's codec what bitrate it can carry",
	  "3GPP TS 24.229 §7.9A, TS 26.114" },
	IMS_ALG_MEDIA("sip.audio", "audio"),
	IMS_ALG_MEDIA("sip.video", "video"),
	IMS_ALG_MEDIA("sip.text", "real-time text"),
	IMS_ALG_MEDIA("sip.message", "message (MSRP) media"),
	IMS_ALG_MEDIA("sip.application", "application media"),
	IMS_ALG_MEDIA("sip.data", "data media"),
	IMS_ALG_MEDIA("sip.control", "control media"),
	{ "sip.ice", FCV_FLAG, "the P-CSCF's IMS-ALG supports ICE for the media it carries",
	  "3GPP TS 24.229 §7.9A" },
	{ "g.3gpp.atcf", FCV_URI,
	  "an ATCF (access transfer control function, in the visited network's P-CSCF or "
	  "IBCF) anchors this UE's calls for enhanced SRVCC; the value is its STN-SR, the "
	  "number the MSC calls to move an anchored call to the circuit-switched network",
	  "3GPP TS 24.237 Annex C" },
	{ "g.3gpp.atcf-mgmt-uri", FCV_URI,
	  "the URI where the ATCF takes management requests: the SCC AS sends it this "
	  "registration's transfer information (ATU-STI, C-MSISDN) there",
	  "3GPP TS 24.237 Annex C" },
	{ "g.3gpp.atcf-psi", FCV_URI,
	  "the ATCF's management address as a public service identity, which older ATCFs send "
	  "where newer ones send g.3gpp.atcf-mgmt-uri",
	  "3GPP TS 24.237" },
	{ "g.3gpp.atcf-path", FCV_URI,
	  "the ATCF's URI for terminating requests, the one it put in the Path: it tells the "
	  "SCC AS which Path entry is the ATCF",
	  "3GPP TS 24.237 Annex C" },
	{ "g.3gpp.srvcc", FCV_FLAG,
	  "a resource in the path can move a call from IMS to the circuit-switched network "
	  "(PS to CS SRVCC)",
	  "3GPP TS 24.237 Annex C.7" },
	{ "g.3gpp.srvcc-alerting", FCV_FLAG,
	  "the entity, and those it knows of in the path, support SRVCC of a call that is "
	  "still ringing",
	  "3GPP TS 24.237 Annex C.5A" },
	{ "g.3gpp.ps2cs-srvcc-orig-pre-alerting", FCV_FLAG,
	  "the entity supports SRVCC of an outgoing call before the far end rings",
	  "3GPP TS 24.237 Annex C" },
	{ "g.3gpp.ps2cs-srvcc-term-pre-alerting", FCV_FLAG,
	  "the entity supports SRVCC of an incoming call before it rings",
	  "3GPP TS 24.237 Annex C.32" },
	{ "g.3gpp.ps2cs-drvcc-orig-pre-alerting", FCV_FLAG,
	  "the entity supports moving an outgoing call to the circuit-switched network with "
	  "dual radio (DRVCC) before the far end rings",
	  "3GPP TS 24.237 Annex C.20" },
	{ "g.3gpp.mid-call", FCV_FLAG,
	  "the entity supports mid-call SRVCC: held and conference calls survive the move of "
	  "voice to the circuit-switched network",
	  "3GPP TS 24.237 Annex C" },
	{ "g.3gpp.iut-focus", FCV_FLAG,
	  "the entity anchors a session that may move between the user's devices (inter-UE "
	  "transfer)",
	  "3GPP TS 24.337 Annex B.5" },
};

/* The value is RFC 3840's string-value ("<" ... ">") or tag-value-list
 * (["!"] token-nobang / boolean / "#" numeric, separated by ','). */
static bool fcap_value_ok(struct slice v)
{
	if (v.len >= 2 && v.ptr[0] == '<' && v.ptr[v.len - 1] == '>')
		return true;
	const char *s = v.ptr, *end = v.ptr + v.len;
	for (;;) {
		const char *comma = memchr(s, ',', (size_t)(end - s));
		struct slice item = slice_trim(slice_span(s, comma ? comma : end));
		size_t i = item.len && item.ptr[0] == '!' ? 1 : 0;
		bool numeric = i < item.len && item.ptr[i] == '#';
		if (numeric)
			i++;
		if (i == item.len)
			return false;
		for (; i < item.len; i++) {
			char c = item.ptr[i];
			/* numeric: the digits and relations of RFC 3840's numeric;
			 * token-nobang: a token without '!' */
			bool ok = numeric ? c != '\0' && ((c >= '0' && c <= '9') || strchr(".+-:<>=", c))
					  : scan_is((unsigned char)c, SCAN_TOKEN) && c != '!';
			if (!ok)
				return false;
		}
		if (!comma)
			return true;
		s = comma + 1;
	}
}

int ims_fcap_describe(struct ims_feature_tag *t, const struct sip_param *p)
{
	memset(t, 0, sizeof *t);
	t->name = p->name;
	t->value = p->value;
	t->kind = IMS_TAG_GENERIC;
	struct slice bare = p->name;
	if (bare.len && bare.ptr[0] == '+')
		bare = slice_make(bare.ptr + 1, bare.len - 1);
	const struct fcap_info *info = NULL;
	for (size_t i = 0; i < sizeof fcap_table / sizeof fcap_table[0] && !info; i++)
		if (slice_caseeq_cstr(bare, fcap_table[i].name))
			info = &fcap_table[i];
	if (!info) {
		t->meaning = "a feature-capability indicator not in imsreg's table";
		t->ref = "RFC 6809 §4";
		if (p->value.ptr && !fcap_value_ok(p->value))
			set_note(t, "the value is neither a \"<...>\" string nor a list of tokens "
				    "(RFC 6809 §6.3, RFC 3840 §9)");
		return 0;
	}
	t->known = true;
	t->meaning = info->meaning;
	t->ref = info->ref;
	struct slice v = p->value;
	switch (info->value) {
	case FCV_FLAG:
		if (v.ptr)
			set_note(t, "this indicator takes no value: its presence says it all");
		break;
	case FCV_URI:
		if (!v.ptr || v.len == 0)
			set_note(t, "no value: expected the URI inside '<' '>' in quotes "
				    "(\"<sip:...>\")");
		else if (v.len < 3 || v.ptr[0] != '<' || v.ptr[v.len - 1] != '>')
			set_note(t, "the URI should be inside '<' '>' (\"<sip:...>\", "
				    "\"<tel:...>\")");
		else
			t->uri = slice_make(v.ptr + 1, v.len - 2);
		break;
	case FCV_SERVICES:
		t->kind = IMS_TAG_ICSI;
		services_describe(t, p);
		break;
	case FCV_STRING:
		if (!v.ptr || v.len == 0)
			set_note(t, "no value: this indicator carries one");
		else if (!fcap_value_ok(v))
			set_note(t, "the value is neither a \"<...>\" string nor a list of tokens "
				    "(RFC 6809 §6.3, RFC 3840 §9)");
		break;
	}
	return 0;
}
