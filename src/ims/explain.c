/* explain.c: the explanation catalogue: what each header and parameter means
 * for an IMS registration (RFC 3261 §20, RFC 3327, RFC 3608, RFC 3329,
 * RFC 3310, RFC 5626, RFC 7315, 3GPP TS 24.229 §5.1.1.2, TS 33.203, IR.92). */
#include <imsreg/ims.h>

/* One entry per header id; the text is written for an engineer reading a
 * REGISTER, its 401 or its 200, not as a copy of the RFC's definition. */
static const struct ims_explain header_table[SIP_HDR__COUNT] = {
	[SIP_HDR_OTHER] = {
		"A header this decoder does not know by name: it is kept as written. "
		"Proxies forward unknown headers untouched; the registrar ignores them "
		"unless it is named in Require or Proxy-Require.",
		"RFC 3261 §7.3, §8.2.2.3" },
	[SIP_HDR_ACCEPT] = {
		"Body types the sender can take in the response. A REGISTER rarely "
		"carries it; in IMS it only matters for reg-event SUBSCRIBEs "
		"(application/reginfo+xml).",
		"RFC 3261 §20.1" },
	[SIP_HDR_ACCEPT_CONTACT] = {
		"Caller preferences: the feature tags a target Contact should have. It "
		"belongs in requests routed to a user (INVITE, MESSAGE), not in a REGISTER; "
		"the registrar stores feature tags from the Contact instead.",
		"RFC 3841 §9.2" },
	[SIP_HDR_ACCEPT_ENCODING] = {
		"Content codings the sender accepts in the response body; not used by "
		"registration.",
		"RFC 3261 §20.2" },
	[SIP_HDR_ACCEPT_LANGUAGE] = {
		"Languages preferred for reason phrases and bodies in the response; no "
		"effect on registration.",
		"RFC 3261 §20.3" },
	[SIP_HDR_ALERT_INFO] = {
		"An alternative ring tone for INVITE; meaningless in a REGISTER.",
		"RFC 3261 §20.4" },
	[SIP_HDR_ALLOW] = {
		"The methods the sender accepts (INVITE, MESSAGE, NOTIFY, ...). In a REGISTER "
		"it tells the S-CSCF and application servers what the device can receive; in "
		"a response it is the server's list; "
		"a VoLTE UE typically lists INVITE, ACK, BYE, CANCEL, UPDATE, PRACK, NOTIFY, "
		"MESSAGE and OPTIONS.",
		"RFC 3261 §20.5" },
	[SIP_HDR_ALLOW_EVENTS] = {
		"Event packages the UE accepts in SUBSCRIBE/NOTIFY. In IMS the UE "
		"subscribes to the 'reg' event after registering, to learn about "
		"network-initiated deregistration.",
		"RFC 6665 §8.2.2, TS 24.229 §5.1.1.3" },
	[SIP_HDR_AUTHENTICATION_INFO] = {
		"Sent by the registrar in the 200 after a successful digest: can carry "
		"rspauth (mutual authentication) and nextnonce (the nonce to use next). "
		"With IMS AKA the 200 usually has none, as AKA already authenticated the "
		"network through AUTN.",
		"RFC 3261 §20.6, RFC 3310 §3.5" },
	[SIP_HDR_AUTHORIZATION] = {
		"The UE's credentials. In IMS the username is the IMPI (private identity, "
		"from the ISIM or derived from the IMSI), realm is the home domain. On the "
		"initial REGISTER nonce and response are empty (the UE only announces its "
		"IMPI so the S-CSCF can fetch an AKA vector); after the 401 it carries the "
		"AKA response RES as the digest password.",
		"RFC 3261 §20.7, RFC 3310 §3.3, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_CALL_ID] = {
		"Identifies this registration's dialogue with the registrar: a UE keeps "
		"the same Call-ID for every REGISTER it sends to that registrar (refreshes, "
		"the REGISTER after the 401, deregistration), so the registrar can order "
		"them by CSeq.",
		"RFC 3261 §20.8, §10.2" },
	[SIP_HDR_CALL_INFO] = {
		"Extra information about the caller or callee (icons, cards); not used "
		"by registration.",
		"RFC 3261 §20.9" },
	[SIP_HDR_CONTACT] = {
		"The binding being registered: the address where the UE can be reached "
		"(its IP address or FQDN and port in IMS), with its capabilities as feature tags "
		"(MMTel ICSI, smsip, video), the device id (+sip.instance), reg-id for "
		"outbound, and optionally an expires per binding. '*' with Expires: 0 "
		"removes every binding.",
		"RFC 3261 §20.10, §10.2.1, RFC 3840, RFC 5626 §4.2, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_CONTENT_DISPOSITION] = {
		"How a body is to be handled (session, render, ...); a REGISTER normally "
		"has no body.",
		"RFC 3261 §20.11" },
	[SIP_HDR_CONTENT_ENCODING] = {
		"Coding applied to the body (e.g. gzip); REGISTERs have no body in practice.",
		"RFC 3261 §20.12" },
	[SIP_HDR_CONTENT_LANGUAGE] = {
		"Language of the body; not relevant to registration.",
		"RFC 3261 §20.13" },
	[SIP_HDR_CONTENT_LENGTH] = {
		"Size of the body in bytes. Over TCP it is what frames the message, so a "
		"wrong value breaks the stream; a REGISTER has Content-Length: 0.",
		"RFC 3261 §20.14, §18.3" },
	[SIP_HDR_CONTENT_TYPE] = {
		"Media type of the body (application/sdp, application/reginfo+xml, ...). "
		"A REGISTER with Content-Length 0 does not need it.",
		"RFC 3261 §20.15" },
	[SIP_HDR_CSEQ] = {
		"Sequence number and method. Within one Call-ID each new REGISTER must "
		"have a higher number (the one after the 401 is +1, each refresh +1), so "
		"the registrar can drop stale or reordered requests. The method must be "
		"REGISTER, and the number below 2^31.",
		"RFC 3261 §20.16, §8.1.1.5, §10.2" },
	[SIP_HDR_DATE] = {
		"Date and time of sending (GMT). A registrar may add it to the 200 so "
		"that simple UEs can set their clocks.",
		"RFC 3261 §20.17, §10.3" },
	[SIP_HDR_ERROR_INFO] = {
		"A pointer to more information about an error response.",
		"RFC 3261 §20.18" },
	[SIP_HDR_EVENT] = {
		"The event package of a SUBSCRIBE/NOTIFY ('reg' for registration state); "
		"not part of a REGISTER.",
		"RFC 6665 §8.2.1, RFC 3680" },
	[SIP_HDR_EXPIRES] = {
		"How long the UE asks the bindings to last, in seconds, for every Contact "
		"that has no expires parameter of its own. IMS UEs ask 600000 on the "
		"initial registration (TS 24.229, IR.92) and the registrar answers with the "
		"time it granted. Expires: 0 is a deregistration.",
		"RFC 3261 §20.19, §10.2.1.1, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_FROM] = {
		"Who is registering: in IMS the public identity (IMPU) being registered, "
		"normally the same URI as To for a self-registration. The tag identifies "
		"this UE's side and is new for each registration attempt.",
		"RFC 3261 §20.20, §10.2, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_IDENTITY] = {
		"A signature over the identity of the sender (STIR); not used in "
		"registration.",
		"RFC 8224 §4" },
	[SIP_HDR_IN_REPLY_TO] = {
		"Call-IDs this call refers to; not used in registration.",
		"RFC 3261 §20.21" },
	[SIP_HDR_MAX_FORWARDS] = {
		"Hop limit, decremented by every proxy (P-CSCF, I-CSCF); it stops a "
		"REGISTER that loops. UEs send 70.",
		"RFC 3261 §20.22, §8.1.1.6" },
	[SIP_HDR_MIME_VERSION] = {
		"MIME version of a multipart body; not used in registration.",
		"RFC 3261 §20.24" },
	[SIP_HDR_MIN_EXPIRES] = {
		"In a 423 Interval Too Brief: the shortest registration time the "
		"registrar accepts. The UE retries with an Expires at least this large.",
		"RFC 3261 §20.23, §10.2.8" },
	[SIP_HDR_ORGANIZATION] = {
		"Free text naming the organisation of the sender.",
		"RFC 3261 §20.25" },
	[SIP_HDR_P_ACCESS_NETWORK_INFO] = {
		"The radio access the UE is on and its cell (access type such as "
		"3GPP-E-UTRAN-FDD or 3GPP-NR-FDD, then the cell global id: MCC, MNC, "
		"TAC and cell identity; on Wi-Fi the access point's MAC address in "
		"i-wlan-node-id). The network uses it for charging, lawful "
		"interception, emergency location and roaming policies; the P-CSCF may "
		"add a network-provided copy.",
		"RFC 7315 §4.4, TS 24.229 §7.2A.4" },
	[SIP_HDR_P_ASSERTED_IDENTITY] = {
		"The identity the network vouches for, inserted by a trusted node "
		"(P-CSCF) for requests inside the trust domain; a UE does not send it.",
		"RFC 3325 §9.1" },
	[SIP_HDR_P_ASSOCIATED_URI] = {
		"In the 200 OK: the other public identities (IMPUs) implicitly "
		"registered with the one in To, e.g. the tel URI next to the SIP URI. The "
		"first one is the default identity the UE should use in "
		"P-Preferred-Identity.",
		"RFC 7315 §4.1, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_P_CALLED_PARTY_ID] = {
		"The identity the request was addressed to before retargeting; used for "
		"terminating requests, not in REGISTER.",
		"RFC 7315 §4.2" },
	[SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES] = {
		"Addresses of the charging functions (CCF/ECF) for this registration, "
		"passed between network nodes; the UE never sees it.",
		"RFC 7315 §4.5" },
	[SIP_HDR_P_CHARGING_VECTOR] = {
		"The IMS charging id (icid) and related values that correlate charging "
		"records across nodes; added by the P-CSCF, not by the UE.",
		"RFC 7315 §4.6" },
	[SIP_HDR_P_PREFERRED_IDENTITY] = {
		"Which of its registered public identities the UE wants to use; sent in "
		"requests after registration, not in a REGISTER.",
		"RFC 3325 §9.2" },
	[SIP_HDR_P_VISITED_NETWORK_ID] = {
		"Added by the P-CSCF: the network the UE is visiting (roaming). The "
		"S-CSCF checks it against the roaming agreements of the subscriber.",
		"RFC 7315 §4.3, TS 24.229 §5.2.2" },
	[SIP_HDR_PATH] = {
		"Added by the P-CSCF (and other proxies) on the way to the registrar: the "
		"route that terminating requests must take back to this UE. The UE "
		"advertises 'Supported: path'; the registrar stores the Path with the "
		"binding and echoes it in the 200.",
		"RFC 3327 §4, §5, TS 24.229 §5.2.2" },
	[SIP_HDR_PRIORITY] = {
		"Urgency of a request (emergency, urgent, ...); not used in registration.",
		"RFC 3261 §20.26" },
	[SIP_HDR_PRIVACY] = {
		"Privacy the user asks for (none, id, header, user). In a REGISTER it "
		"has little effect; 'none' means no privacy service is requested.",
		"RFC 3323 §4.2, RFC 3325 §9.3" },
	[SIP_HDR_PROXY_AUTHENTICATE] = {
		"A challenge from a proxy (in a 407). IMS registration is challenged by "
		"the S-CSCF with WWW-Authenticate in a 401, so this is unusual here.",
		"RFC 3261 §20.27" },
	[SIP_HDR_PROXY_AUTHORIZATION] = {
		"Credentials for a proxy that sent a 407. Not the IMS way: the S-CSCF "
		"challenges with 401 and the UE answers with Authorization.",
		"RFC 3261 §20.28" },
	[SIP_HDR_PROXY_REQUIRE] = {
		"Extensions every proxy on the path must support, or reject the request "
		"with 420. In an IMS REGISTER the UE puts sec-agree here (and in Require) "
		"so that the P-CSCF, its first hop, must run the security agreement (IPsec "
		"set-up) with it.",
		"RFC 3261 §20.29, RFC 3329 §2.3.1, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_REASON] = {
		"Why a request was sent (the cause of a CANCEL or a BYE) or, in a response, "
		"why it was given: a protocol (SIP, Q.850) and a cause number of it, with "
		"text. A 403 or a NOTIFY of the registration may carry one that says why the "
		"network refused or ended it.",
		"RFC 3326 §2, RFC 6432" },
	[SIP_HDR_RECORD_ROUTE] = {
		"Proxies that want to stay in a dialogue; REGISTER does not create "
		"dialogues, so registrars ignore it (Path plays that role for registration).",
		"RFC 3261 §20.30" },
	[SIP_HDR_REFER_TO] = {
		"The target of a REFER; not used in registration.",
		"RFC 3515 §2.1" },
	[SIP_HDR_REFERRED_BY] = {
		"Who initiated a REFER; not used in registration.",
		"RFC 3892 §3" },
	[SIP_HDR_REJECT_CONTACT] = {
		"Caller preferences: feature sets a target must not have; not used in "
		"REGISTER.",
		"RFC 3841 §9.3" },
	[SIP_HDR_REPLY_TO] = {
		"A return address for replies that differs from From; not used in "
		"registration.",
		"RFC 3261 §20.31" },
	[SIP_HDR_REQUEST_DISPOSITION] = {
		"Caller preferences for how proxies handle the request (fork, recurse, "
		"...); not used in REGISTER.",
		"RFC 3841 §9.1" },
	[SIP_HDR_REQUIRE] = {
		"Extensions the registrar must support or reject the request with 420. "
		"In IMS the UE puts sec-agree here, together with Proxy-Require and a "
		"Security-Client, when it wants IPsec with the P-CSCF.",
		"RFC 3261 §20.32, RFC 3329 §2.3.1, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_RETRY_AFTER] = {
		"In an error response (503, 500, ...): how many seconds to wait before "
		"retrying the REGISTER. A UE must honour it rather than retry at once.",
		"RFC 3261 §20.33, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_ROUTE] = {
		"The proxies the request must visit: in IMS the UE puts the P-CSCF "
		"address found at PDN/PDU session set-up, with lr (loose routing). After "
		"IPsec is up it points at the P-CSCF's protected port. In the UE's other "
		"requests after its registration (SUBSCRIBE, INVITE, MESSAGE) the "
		"Service-Route of the 200 follows the P-CSCF, so that they reach the "
		"S-CSCF that registered it.",
		"RFC 3261 §20.34, §16.12, TS 24.229 §5.1.1.2.1, RFC 3608 §6.1" },
	[SIP_HDR_SECURITY_CLIENT] = {
		"The UE's offer of security mechanisms for the hop to the P-CSCF "
		"(sec-agree). For ipsec-3gpp it lists the integrity and encryption "
		"algorithms the UE supports and its SPIs and protected ports; the P-CSCF "
		"picks one and answers with Security-Server in the 401.",
		"RFC 3329 §2.3.1, TS 33.203 §7.1, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_SECURITY_SERVER] = {
		"The P-CSCF's own list of mechanisms and parameters (in the 401): its "
		"SPIs and protected ports. The UE chooses the highest-q mechanism both "
		"support, sets up the IPsec security associations with them and sends the "
		"next REGISTER over them.",
		"RFC 3329 §2.3.1, TS 33.203 §7.1, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_SECURITY_VERIFY] = {
		"In the protected REGISTER: the UE echoes the Security-Server it received, "
		"unchanged, so the P-CSCF can check that no one downgraded the negotiation "
		"(a bidding-down attack).",
		"RFC 3329 §2.3.1, TS 33.203 §7.2, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_SERVER] = {
		"The software of the server that sent the response (registrar, P-CSCF).",
		"RFC 3261 §20.35" },
	[SIP_HDR_SERVICE_ROUTE] = {
		"In the 200 OK: the route (normally the S-CSCF) the UE must put, after "
		"its P-CSCF, in the Route of every request it originates for this "
		"registration.",
		"RFC 3608 §5, §6.1, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_SESSION_EXPIRES] = {
		"Session timer of an INVITE dialogue; not used in registration.",
		"RFC 4028 §4" },
	[SIP_HDR_SUBJECT] = {
		"Subject of a call; not used in registration.",
		"RFC 3261 §20.36" },
	[SIP_HDR_SUBSCRIPTION_STATE] = {
		"State of a subscription in a NOTIFY (active, terminated); part of the reg "
		"event the UE subscribes to, not of the REGISTER.",
		"RFC 6665 §8.2.3" },
	[SIP_HDR_SUPPORTED] = {
		"Extensions the UE supports. An IMS UE lists path (mandatory: the P-CSCF "
		"inserts a Path), sec-agree when it does IPsec, and gruu or outbound "
		"when it uses them.",
		"RFC 3261 §20.37, TS 24.229 §5.1.1.2.1" },
	[SIP_HDR_TIMESTAMP] = {
		"When the request was sent, echoed in the response to measure round-trip "
		"time.",
		"RFC 3261 §20.38" },
	[SIP_HDR_TO] = {
		"The address of record being registered: in IMS the public user identity "
		"(IMPU), e.g. sip:+E164@domain, a tel URI, or the temporary IMPU derived "
		"from the IMSI. The registrar binds the Contact to this AOR.",
		"RFC 3261 §20.39, §10.2, TS 24.229 §5.1.1.2.1, TS 23.003 §13.4B" },
	[SIP_HDR_UNSUPPORTED] = {
		"In a 420 Bad Extension: the Require option tags the registrar does not "
		"support (e.g. sec-agree on a registrar that does not do it).",
		"RFC 3261 §20.40" },
	[SIP_HDR_USER_AGENT] = {
		"The UE's software and often the device model; handy to identify which "
		"firmware sent a faulty REGISTER.",
		"RFC 3261 §20.41" },
	[SIP_HDR_VIA] = {
		"The path of this request so far and where the response must go: "
		"transport, the UE's address and port, and a branch that identifies the "
		"transaction. Each retransmission keeps the branch; each new REGISTER has a "
		"new one.",
		"RFC 3261 §20.42, §8.1.1.7, §18.2.2" },
	[SIP_HDR_WARNING] = {
		"Extra information about a response, with a code (3xx) and text, e.g. why "
		"a registrar refused something.",
		"RFC 3261 §20.43" },
	[SIP_HDR_WWW_AUTHENTICATE] = {
		"The registrar's challenge (in the 401). For IMS AKA it carries "
		"algorithm=AKAv1-MD5 and a nonce that is base64(RAND || AUTN): the UE's ISIM "
		"checks AUTN (is this the home network? is SQN fresh?) and computes RES, "
		"and for IPsec the keys CK and IK.",
		"RFC 3261 §20.44, RFC 3310 §3.2, TS 33.203 §6.1" },
};

/* Headers outside the id table that are common in IMS registrations. */
struct named_entry {
	const char *name;
	struct ims_explain e;
};

static const struct named_entry named_table[] = {
	{ "P-Preferred-Service", { "The IMS communication service (ICSI) the UE wants "
		"for a request; used in INVITE/MESSAGE, not in REGISTER.", "RFC 6050 §4.2" } },
	{ "P-Asserted-Service", { "The service the network asserts for a request "
		"(added by the S-CSCF).", "RFC 6050 §4.1" } },
	{ IMS_CNI_NAME, { "The cell the UE last used on cellular radio, sent while it is "
		"on another access (Wi-Fi calling over an ePDG): access type, the cell "
		"global id (MCC, MNC, TAC, cell identity) and cell-info-age, how many "
		"seconds ago it took them. The network uses it where Wi-Fi gives no "
		"location of its own, e.g. to route an emergency call. Only trusted "
		"entities see it: it is removed at the trust domain boundary.", "TS 24.229 §7.2.15" } },
	{ IMS_FCAPS_NAME, { "What the proxies and the registrar in the path support, as "
		"feature-capability indicators: the UE says what it supports with Contact feature "
		"tags, a proxy with Feature-Caps. In a REGISTER, the P-CSCF's media proxy (IMS-ALG) "
		"and, for enhanced SRVCC, the ATCF with its STN-SR and URIs; in the 200 OK, what the "
		"home network supports (calling number verification, ANBR) and the IBCF that hid "
		"the Path.", "RFC 6809 §4, §6, TS 24.229 §7.9A, TS 24.237 Annex C" } },
	{ "P-Served-User", { "The user an application server acts for (added by the "
		"S-CSCF towards AS).", "RFC 5502 §6" } },
	{ "Min-SE", { "Minimum session timer of a dialogue; not used in registration.",
		"RFC 4028 §5" } },
	{ "P-Early-Media", { "Authorises early media in a call; not used in "
		"registration.", "RFC 5009 §8" } },
	{ "Recv-Info", { "INFO packages the UE accepts; not used in registration.",
		"RFC 6086 §7.2.2" } },
	{ "Replaces", { "Which dialogue an INVITE replaces; not used in registration.",
		"RFC 3891 §6.1" } },
	{ "Session-ID", { "An end-to-end id of the session or transaction: the sender's "
		"UUID, and in remote= the other end's. Each hop keeps it, so it ties the "
		"legs of one exchange together across B2BUAs and SBCs; search the other "
		"nodes' logs for it.", "RFC 7989" } },
	{ "Response-Source", { "Which IMS functional entity generated this failure "
		"response (a urn:3gpp:fe URN: P-CSCF, S-CSCF, ..., and the side, orig or "
		"term): where to look for why the request was refused.", "TS 24.229 §7.2.17" } },
};

const struct ims_explain *ims_explain_header(enum sip_hdr_id id, struct slice name)
{
	if ((unsigned)id >= SIP_HDR__COUNT)
		id = SIP_HDR_OTHER;
	if (id == SIP_HDR_OTHER && slice_present(name)) {
		for (size_t i = 0; i < sizeof named_table / sizeof named_table[0]; i++)
			if (slice_caseeq_cstr(name, named_table[i].name))
				return &named_table[i].e;
	}
	return &header_table[id];
}

/* ---- parameters ------------------------------------------------------ */

/* Parameters are looked up by the family of their header: Proxy-* share the
 * text of their WWW-/Authorization twin, the three Security-* headers share
 * one set, and every address header shares the URI parameters (ADDR). */
enum family {
	FAM_NONE = 0,
	FAM_VIA,
	FAM_FROM_TO,
	FAM_CONTACT,
	FAM_CREDENTIALS,
	FAM_CHALLENGE,
	FAM_AUTH_INFO,
	FAM_SECURITY,
	FAM_PANI,
	FAM_ROUTE,
	FAM_CHARGING, /* P-Charging-Vector, P-Charging-Function-Addresses */
	FAM_EVENT,    /* Event */
	FAM_SUBSTATE, /* Subscription-State */
	FAM_SESSION,  /* Session-Expires */
	FAM_MEDIA,    /* Content-Type */
	FAM_REASON,   /* Reason */
	FAM_RETRY,    /* Retry-After */
	FAM_ADDR,    /* URI parameters, valid in any header that carries a URI */
};

static enum family family_of(enum sip_hdr_id id)
{
	switch (id) {
	case SIP_HDR_VIA:
		return FAM_VIA;
	case SIP_HDR_FROM:
	case SIP_HDR_TO:
		return FAM_FROM_TO;
	case SIP_HDR_CONTACT:
		return FAM_CONTACT;
	case SIP_HDR_AUTHORIZATION:
	case SIP_HDR_PROXY_AUTHORIZATION:
		return FAM_CREDENTIALS;
	case SIP_HDR_WWW_AUTHENTICATE:
	case SIP_HDR_PROXY_AUTHENTICATE:
		return FAM_CHALLENGE;
	case SIP_HDR_AUTHENTICATION_INFO:
		return FAM_AUTH_INFO;
	case SIP_HDR_SECURITY_CLIENT:
	case SIP_HDR_SECURITY_SERVER:
	case SIP_HDR_SECURITY_VERIFY:
		return FAM_SECURITY;
	case SIP_HDR_P_ACCESS_NETWORK_INFO:
		return FAM_PANI;
	case SIP_HDR_ROUTE:
	case SIP_HDR_RECORD_ROUTE:
	case SIP_HDR_PATH:
	case SIP_HDR_SERVICE_ROUTE:
	case SIP_HDR_P_ASSOCIATED_URI:
		return FAM_ROUTE;
	case SIP_HDR_P_CHARGING_VECTOR:
	case SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES:
		return FAM_CHARGING;
	case SIP_HDR_EVENT:
		return FAM_EVENT;
	case SIP_HDR_SUBSCRIPTION_STATE:
		return FAM_SUBSTATE;
	case SIP_HDR_SESSION_EXPIRES:
		return FAM_SESSION;
	case SIP_HDR_CONTENT_TYPE:
		return FAM_MEDIA;
	case SIP_HDR_REASON:
		return FAM_REASON;
	case SIP_HDR_RETRY_AFTER:
		return FAM_RETRY;
	default:
		return FAM_NONE;
	}
}

struct param_entry {
	enum family fam;
	const char *name;
	struct ims_explain e;
};

static const struct param_entry param_table[] = {
	/* Via */
	{ FAM_VIA, "branch", { "Transaction id. It must start with the magic cookie "
		"z9hG4bK, which says the sender builds branches per RFC 3261 (unique per "
		"transaction); without it, proxies and registrars fall back to RFC 2543 "
		"matching. Retransmissions keep it, each new REGISTER gets a new one.",
		"RFC 3261 §20.42, §8.1.1.7, §17.2.3" } },
	{ FAM_VIA, "received", { "The source IP address the next hop saw, where the "
		"response goes back to. The hop adds it when the sent-by host is a name or "
		"another address, and with rport also when it is the same address. Only an "
		"address that differs from sent-by reveals NAT (or multihoming) between UE "
		"and P-CSCF.",
		"RFC 3261 §18.2.1, RFC 3581 §4" } },
	{ FAM_VIA, "rport", { "Asks the next hop to send the response to the source "
		"port it saw (symmetric response routing, for NAT); the hop fills in the "
		"port number.", "RFC 3581 §3, §4" } },
	{ FAM_VIA, "transport", { "Not a Via parameter of RFC 3261: the transport "
		"is already in the sent-protocol (SIP/2.0/UDP). Some UEs add it anyway; "
		"it is ignored.", "RFC 3261 §20.42" } },
	{ FAM_VIA, "maddr", { "Multicast address to send the response to; not used "
		"in IMS.", "RFC 3261 §18.2.2" } },
	{ FAM_VIA, "ttl", { "Multicast time-to-live, with maddr; not used in IMS.",
		"RFC 3261 §18.2.1" } },
	{ FAM_VIA, "keep", { "Asks the next hop to agree on keep-alives for this "
		"flow (NAT bindings).", "RFC 6223 §4" } },
	{ FAM_VIA, "alias", { "Asks the next hop to reuse this TCP/TLS connection "
		"for requests towards the sender.", "RFC 5923 §5" } },
	/* From / To */
	{ FAM_FROM_TO, "tag", { "Dialogue identifier of one side. The UE puts a fresh "
		"random tag in From; To has no tag in the REGISTER, and the registrar adds "
		"one in its response.", "RFC 3261 §19.3, §8.1.1.3" } },
	/* Contact */
	{ FAM_CONTACT, "expires", { "Registration time asked for this binding alone, "
		"in seconds; it wins over the Expires header. expires=0 removes this "
		"binding. In the 200 it is the time the registrar granted.",
		"RFC 3261 §10.2.1.1, §20.10" } },
	{ FAM_CONTACT, "q", { "Preference among the user's bindings (0 to 1) when the "
		"network forks or redirects a request; higher is tried first.",
		"RFC 3261 §20.10" } },
	{ FAM_CONTACT, "+sip.instance", { "A device id that stays the same across "
		"reboots and IP changes: in IMS the IMEI URN (urn:gsma:imei:...) or a UUID "
		"URN. The registrar uses it to replace the device's old binding instead "
		"of adding a new one, and for GRUU and outbound.",
		"RFC 5626 §4.1, RFC 7254, TS 24.229 §5.1.1.2.1, IR.92 §2.2.1" } },
	{ FAM_CONTACT, "reg-id", { "Outbound flow number: with +sip.instance it names "
		"one flow (connection) of this device to the P-CSCF, so the UE can keep "
		"several and the network knows which one to use.",
		"RFC 5626 §4.2, §6" } },
	{ FAM_CONTACT, "pub-gruu", { "In the 200: the public GRUU the registrar "
		"assigned to this device (AOR + gr=instance), usable by others to reach "
		"exactly this UE.", "RFC 5627 §4.2, TS 24.229 §5.1.1.2.1" } },
	{ FAM_CONTACT, "temp-gruu", { "In the 200: a temporary GRUU for this device, "
		"which hides the AOR; it changes at each registration.",
		"RFC 5627 §4.2" } },
	{ FAM_CONTACT, "methods", { "The methods this binding accepts, as a feature "
		"tag (a list in quotes).", "RFC 3840 §9" } },
	{ FAM_CONTACT, "+g.3gpp.icsi-ref", { "The IMS communication services this "
		"binding supports (ICSI URNs, e.g. MMTel for VoLTE/VoNR).",
		"TS 24.229 §7.9.2, IR.92 §2.2.1" } },
	{ FAM_CONTACT, "+g.3gpp.smsip", { "The UE can send and receive SMS over IP "
		"(SIP MESSAGE); the S-CSCF tells the IP-SM-GW.",
		"TS 24.341 §5.3.1.2, IR.92 §2.2.1" } },
	/* credentials (Authorization, Proxy-Authorization) */
	{ FAM_CREDENTIALS, "username", { "Who authenticates: in IMS the IMPI, the "
		"private identity (from the ISIM, or derived from the IMSI as "
		"IMSI@ims.mncMNC.mccMCC.3gppnetwork.org). The S-CSCF fetches the AKA vectors "
		"of this IMPI from the HSS.", "RFC 3261 §20.7, TS 24.229 §5.1.1.2.1, "
		"TS 23.003 §13.3" } },
	{ FAM_CREDENTIALS, "realm", { "The protection domain the credentials are for: "
		"the home network domain. On the initial REGISTER the UE uses the home "
		"domain; after the 401 it must copy the realm of the challenge.",
		"RFC 3261 §22.4, TS 24.229 §5.1.1.2.1" } },
	{ FAM_CREDENTIALS, "nonce", { "The nonce of the challenge being answered. Empty "
		"on the initial REGISTER (no challenge yet). For AKA it is base64(RAND || "
		"AUTN): RAND is the challenge, AUTN = SQN^AK || AMF || MAC proves the "
		"network.", "RFC 3310 §3.2, TS 24.229 §5.1.1.2.1" } },
	{ FAM_CREDENTIALS, "uri", { "The Request-URI the digest was computed over; "
		"it must equal the Request-URI of this REGISTER (the home domain).",
		"RFC 3261 §22.4, RFC 7616 §3.4" } },
	{ FAM_CREDENTIALS, "response", { "The digest, with the hash the algorithm names "
		"(MD5 when absent), over username, realm, the password (for AKA: RES from "
		"the ISIM; an empty one with auts), nonce, method and uri. Empty on the "
		"initial REGISTER.", "RFC 7616 §3.4.1, RFC 3310 §3.3, §3.4" } },
	{ FAM_CREDENTIALS, "algorithm", { "How the password is obtained: AKAv1-MD5 "
		"means the password is RES from IMS AKA, AKAv2-MD5 a key derived from "
		"RES, CK and IK (RFC 4169), MD5 a plain password (IMS only in "
		"non-3GPP cases).", "RFC 3310 §3.1, RFC 4169, RFC 7616 §3.4" } },
	{ FAM_CREDENTIALS, "qop", { "Quality of protection: auth (digest over method "
		"and URI) or auth-int (also over the body). With qop, cnonce and nc must "
		"be present.", "RFC 7616 §3.4" } },
	{ FAM_CREDENTIALS, "nc", { "Nonce count: 8 hex digits, the number of requests "
		"the UE has sent with this nonce (00000001 for the first). It must grow, so "
		"a registrar can detect replay.", "RFC 7616 §3.4" } },
	{ FAM_CREDENTIALS, "cnonce", { "Client nonce: a random value of the UE that "
		"enters the digest, against chosen-plaintext attacks.", "RFC 7616 §3.4" } },
	{ FAM_CREDENTIALS, "opaque", { "A value the server put in its challenge, to "
		"be returned unchanged.", "RFC 7616 §3.4" } },
	{ FAM_CREDENTIALS, "auts", { "AKA resynchronisation: the ISIM found the SQN "
		"of the challenge out of range and sends SQN_MS^AK* || MAC-S so the HSS "
		"can resynchronise. The response is then computed with an empty password; "
		"a new 401 follows.", "RFC 3310 §3.4, TS 33.102 §6.3.5" } },
	{ FAM_CREDENTIALS, "integrity-protected", { "Added by the P-CSCF: how the "
		"REGISTER reached it, so the S-CSCF knows how to authenticate. With IMS "
		"AKA: over the IPsec SA (yes) or not (no); with SIP digest over TLS: "
		"tls-pending or tls-yes; with SIP digest without TLS (IP association): "
		"ip-assoc-pending or ip-assoc-yes; auth-done: a trusted entity already "
		"authenticated the user.", "TS 24.229 §5.2.2, §7.2A.2" } },
	{ FAM_CREDENTIALS, "userhash", { "The username is hashed for privacy.",
		"RFC 7616 §3.4.4" } },
	/* challenges (WWW-Authenticate, Proxy-Authenticate) */
	{ FAM_CHALLENGE, "realm", { "The home domain the UE must authenticate to; "
		"the UE copies it in its next Authorization.", "RFC 3261 §22.1" } },
	{ FAM_CHALLENGE, "nonce", { "For AKA: base64(RAND || AUTN [|| server data]). "
		"The ISIM checks MAC and SQN inside AUTN, then computes RES (the "
		"password), CK and IK.", "RFC 3310 §3.2, TS 33.102 §6.3" } },
	{ FAM_CHALLENGE, "algorithm", { "AKAv1-MD5 for IMS AKA (RES as the password), "
		"AKAv2-MD5, or MD5 for a plain password.", "RFC 3310 §3.1, RFC 4169" } },
	{ FAM_CHALLENGE, "qop", { "The protection levels the server accepts (auth, "
		"auth-int), as a quoted list.", "RFC 7616 §3.3" } },
	{ FAM_CHALLENGE, "opaque", { "To be returned unchanged in the credentials.",
		"RFC 7616 §3.3" } },
	{ FAM_CHALLENGE, "stale", { "true: the nonce the UE used was no longer valid "
		"but its credentials were right. Not an authentication failure: answer "
		"this challenge's new nonce (for AKA, run the ISIM on its RAND/AUTN).",
		"RFC 7616 §3.3" } },
	{ FAM_CHALLENGE, "domain", { "The URIs the same credentials protect.",
		"RFC 7616 §3.3" } },
	{ FAM_CHALLENGE, "ck", { "Cipher key sent from the S-CSCF to the P-CSCF in "
		"the 401 (stripped by the P-CSCF before the UE): the P-CSCF uses it for "
		"IPsec encryption. Must never reach the UE.", "TS 24.229 §5.4.1.2.1, "
		"TS 33.203 §7.2" } },
	{ FAM_CHALLENGE, "ik", { "Integrity key sent from the S-CSCF to the P-CSCF in "
		"the 401 (stripped before the UE): the P-CSCF uses it for the IPsec "
		"integrity algorithm. Must never reach the UE.", "TS 24.229 §5.4.1.2.1, "
		"TS 33.203 §7.2" } },
	/* Authentication-Info */
	{ FAM_AUTH_INFO, "rspauth", { "The server's proof that it knows the password "
		"(mutual authentication).", "RFC 7616 §3.5" } },
	{ FAM_AUTH_INFO, "nextnonce", { "The nonce the UE should use in its next "
		"request.", "RFC 7616 §3.5" } },
	{ FAM_AUTH_INFO, "qop", { "The protection level the server applied.",
		"RFC 7616 §3.5" } },
	{ FAM_AUTH_INFO, "nc", { "The nonce count the server is answering.",
		"RFC 7616 §3.5" } },
	{ FAM_AUTH_INFO, "cnonce", { "The client nonce the server is answering.",
		"RFC 7616 §3.5" } },
	/* Security-Client / -Server / -Verify */
	{ FAM_SECURITY, "alg", { "IPsec integrity algorithm: hmac-md5-96 or "
		"hmac-sha-1-96 (keys derived from IK).", "TS 33.203 §6.2, §7.1" } },
	{ FAM_SECURITY, "ealg", { "IPsec encryption algorithm: des-ede3-cbc, aes-cbc, "
		"or null (no encryption; integrity only). Absent means null.",
		"TS 33.203 §6.2, §7.1" } },
	{ FAM_SECURITY, "spi-c", { "Security Parameter Index of the SA the sender "
		"receives on at its client port (port-c). Each side picks its own SPIs.",
		"TS 33.203 §7.1, RFC 3329 §2.2" } },
	{ FAM_SECURITY, "spi-s", { "Security Parameter Index of the SA the sender "
		"receives on at its server port (port-s).", "TS 33.203 §7.1" } },
	{ FAM_SECURITY, "port-c", { "Protected client port: the sender sends requests "
		"from it and receives the responses to them.", "TS 33.203 §7.1" } },
	{ FAM_SECURITY, "port-s", { "Protected server port: the sender receives "
		"requests on it (e.g. the UE gets incoming INVITEs here).",
		"TS 33.203 §7.1" } },
	{ FAM_SECURITY, "prot", { "IPsec protocol: esp (the default and the only one "
		"TS 33.203 uses) or ah.", "TS 33.203 §7.1" } },
	{ FAM_SECURITY, "mod", { "IPsec mode: trans (transport, the default) or "
		"tun; UDP-enc for UDP-encapsulated ESP through NAT.",
		"TS 33.203 §7.1, TS 24.229 Annex F" } },
	{ FAM_SECURITY, "q", { "Preference of this mechanism (0 to 1); the highest "
		"common one is chosen.", "RFC 3329 §2.2" } },
	{ FAM_SECURITY, "d-alg", { "For the digest mechanism: the digest algorithm.",
		"RFC 3329 §2.2" } },
	{ FAM_SECURITY, "d-qop", { "For the digest mechanism: the qop.",
		"RFC 3329 §2.2" } },
	{ FAM_SECURITY, "mediasec", { "This mechanism protects media, not the SIP "
		"hop: SRTP keyed by SDES (sdes-srtp), MSRP, BFCP over TLS or UDPTL over "
		"DTLS between the UE and the access edge. It is agreed beside the "
		"signalling mechanism (ipsec-3gpp, tls) and does not replace it.",
		"TS 24.229 §7.2A.7, TS 33.328" } },
	{ FAM_SECURITY, "d-ver", { "For the digest mechanism: a hash of the server's "
		"list, checked against a downgrade.", "RFC 3329 §2.2" } },
	/* P-Access-Network-Info */
	{ FAM_PANI, "utran-cell-id-3gpp", { "The cell global id: MCC (3 digits), MNC "
		"(2 or 3) then for UTRAN LAC (4 hex) and cell id (7 hex), for E-UTRAN TAC (4 "
		"hex) and ECI (7 hex, 28 bits: eNB id and cell), for NR 5GS TAC (6 hex) and "
		"NCI (9 hex, 36 bits).", "TS 24.229 §7.2A.4.3, TS 23.003 §19.6" } },
	{ FAM_PANI, "cgi-3gpp", { "GERAN cell global id: MCC, MNC, LAC (4 hex) and "
		"CI (4 hex).", "TS 24.229 §7.2A.4.3" } },
	{ FAM_PANI, "network-provided", { "This copy was inserted by the network (the "
		"P-CSCF, from the PCRF/PCF), not claimed by the UE: trust it over the "
		"UE's.", "TS 24.229 §7.2A.4.3" } },
	{ FAM_PANI, "i-wlan-node-id", { "The WLAN access point id (BSSID) for Wi-Fi "
		"access.", "TS 24.229 §7.2A.4.3" } },
	{ FAM_PANI, "local-time-zone", { "The UE's time zone, for calls over Wi-Fi.",
		"TS 24.229 §7.2A.4.3" } },
	{ FAM_PANI, "UE-local-IP-address", { "Added by the P-CSCF for a UE on untrusted "
		"Wi-Fi: the UE's IP address outside its IPsec tunnel to the ePDG, as the "
		"ePDG sees it (after any NAT), from the PCRF/PCF.", "TS 24.229 §7.2A.4" } },
	{ FAM_PANI, "UDP-source-port", { "Added with UE-local-IP-address: the UDP source "
		"port of the UE's IKEv2 and IPsec traffic to the ePDG, after any NAT.",
		"TS 24.229 §7.2A.4" } },
	{ FAM_PANI, "TCP-source-port", { "Added with UE-local-IP-address when the UE "
		"reaches the ePDG through a TCP tunnel (firewall traversal): its TCP source "
		"port, after any NAT.", "TS 24.229 §7.2A.4" } },
	{ FAM_PANI, "ePDG-IP-address", { "Added by the P-CSCF: the address of the ePDG "
		"where the UE's tunnel ends.", "TS 24.229 §7.2A.4" } },
	{ FAM_PANI, "daylight-saving-time", { "The daylight saving adjustment in force "
		"where the UE is, beside local-time-zone.", "TS 24.229 §7.2A.4" } },
	{ FAM_PANI, "cell-info-age", { "In Cellular-Network-Info: how many seconds "
		"ago the UE took this cell information; the larger, the less the cell "
		"says where the UE is now.", "TS 24.229 §7.2.15" } },
	{ FAM_PANI, "operator-specific-GI", { "An operator-specific location "
		"(fixed access).", "TS 24.229 §7.2A.4.3" } },
	/* P-Charging-Vector, P-Charging-Function-Addresses */
	{ FAM_CHARGING, "icid-value", { "The IMS charging id: unique for this request or "
		"dialog, made by the first IMS node it passes (for a REGISTER, the P-CSCF); "
		"every node's charging record of it carries the same value, which is how "
		"they are found together.", "RFC 7315 §4.6, TS 32.260" } },
	{ FAM_CHARGING, "icid-generated-at", { "The host of the node that made the "
		"icid-value.", "RFC 7315 §4.6" } },
	{ FAM_CHARGING, "orig-ioi", { "Inter-operator identifier of the originating "
		"side: for a REGISTER, the network of the P-CSCF (the visited one when "
		"roaming), so that the home network knows whom to settle with.",
		"RFC 7315 §4.6, TS 24.229 §7.2A.5" } },
	{ FAM_CHARGING, "term-ioi", { "Inter-operator identifier of the terminating "
		"side: for a REGISTER, the home network, put in the 200 by the S-CSCF.",
		"RFC 7315 §4.6, TS 24.229 §7.2A.5" } },
	{ FAM_CHARGING, "transit-ioi", { "Inter-operator identifiers of the transit "
		"networks the request crossed.", "RFC 7976 §4" } },
	{ FAM_CHARGING, "related-icid", { "The charging id of an earlier dialog this one "
		"is related to.", "RFC 7976 §4" } },
	{ FAM_CHARGING, "related-icid-generated-at", { "The host of the node that made "
		"related-icid.", "RFC 7976 §4" } },
	/* access-network-charging-info (TS 24.229 §7.2A.5): added by the
	 * P-CSCF from what the PCRF/PCF told it over Rx/N5 */
	{ FAM_CHARGING, "ggsn", { "Access network charging (GPRS): the address of "
		"the GGSN whose records hold the bearers' charging ids below; added by "
		"the P-CSCF, from the PCRF.", "TS 24.229 §7.2A.5, TS 29.214" } },
	{ FAM_CHARGING, "pdngw", { "Access network charging (EPS): the address of the "
		"P-GW whose records (PGW-CDR) hold the bearers' charging ids below; added "
		"by the P-CSCF, from the PCRF over Rx.", "TS 24.229 §7.2A.5, TS 29.214" } },
	{ FAM_CHARGING, "smf", { "Access network charging (5GS): the address of the "
		"SMF whose records hold the QoS flows' charging ids below; added by the "
		"P-CSCF, from the PCF.", "TS 24.229 §7.2A.5, TS 29.514" } },
	{ FAM_CHARGING, "pdg", { "Access network charging (I-WLAN): the request came "
		"through a packet data gateway.", "TS 24.229 §7.2A.5" } },
	{ FAM_CHARGING, "bras", { "Access network charging (xDSL): the address of the "
		"broadband remote access server.", "TS 24.229 §7.2A.5" } },
	{ FAM_CHARGING, "auth-token", { "Access network charging (GPRS, xDSL): the "
		"media authorization token that ties the bearers to this session.",
		"TS 24.229 §7.2A.5, RFC 3313" } },
	{ FAM_CHARGING, "pdp-info", { "The GPRS bearers (PDP contexts) of the session: "
		"each item's number, whether it carries IMS signalling (pdp-sig), its GPRS "
		"charging id (gcid, hex: the GGSN's Charging ID) and the media flows it "
		"carries (flow-id: the SDP media line and flow, as Rx numbers them). The "
		"charging id is how the IMS records are found beside the packet core's.",
		"TS 24.229 §7.2A.5, TS 29.214" } },
	{ FAM_CHARGING, "eps-info", { "The EPS bearers of the session: each item's "
		"number, whether it carries IMS signalling (eps-sig), its charging id (ecid, "
		"hex: the P-GW's Charging ID, the number the PGW-CDR shows) and the media "
		"flows it carries (flow-id: the SDP media line and flow, as Rx numbers "
		"them). The charging id is how the IMS records are found beside the packet "
		"core's.", "TS 24.229 §7.2A.5, TS 29.214, TS 32.298" } },
	{ FAM_CHARGING, "5gs-info", { "The 5GS QoS flows of the session: each item's "
		"number, its charging id (5gscid, hex) and the media flows it carries "
		"(flow-id). The charging id is how the IMS records are found beside the "
		"SMF's.", "TS 24.229 §7.2A.5, TS 29.514" } },
	{ FAM_CHARGING, "dsl-bearer-info", { "The xDSL bearers of the session: each "
		"item's number, whether it carries IMS signalling, its charging id "
		"(dslcid, hex) and the media flows it carries (flow-id).",
		"TS 24.229 §7.2A.5" } },
	{ FAM_CHARGING, "ccf", { "Address of a Charging Collection Function, which takes "
		"the offline charging records (a first and a second one may be "
		"given).", "RFC 7315 §4.5, TS 32.240" } },
	{ FAM_CHARGING, "ecf", { "Address of an Event Charging Function, for online "
		"(credit) charging (a first and a second one may be given).",
		"RFC 7315 §4.5, TS 32.240" } },
	/* Event, Subscription-State (RFC 6665), Session-Expires (RFC 4028),
	 * Content-Type (RFC 3261 §20.15) */
	{ FAM_EVENT, "id", { "Tells apart several subscriptions to the same package "
		"in one dialog; the NOTIFYs of each carry its id.", "RFC 6665 §8.2.1" } },
	{ FAM_SUBSTATE, "expires", { "Seconds the subscription has left: the subscriber "
		"refreshes it (a new SUBSCRIBE in the dialog) before then.",
		"RFC 6665 §4.1.3, §8.2.3" } },
	{ FAM_SUBSTATE, "reason", { "With terminated: why the subscription ended, and "
		"so whether the subscriber subscribes again.", "RFC 6665 §4.1.3, §8.2.3" } },
	{ FAM_SUBSTATE, "retry-after", { "Seconds to wait before subscribing again.",
		"RFC 6665 §4.1.3, §8.2.3" } },
	{ FAM_SESSION, "refresher", { "Which side refreshes the session (uac: the caller, "
		"uas: the called side).", "RFC 4028 §4" } },
	{ FAM_MEDIA, "charset", { "Character set of a text body.", "RFC 3261 §20.15" } },
	{ FAM_MEDIA, "boundary", { "The line that separates the parts of a multipart "
		"body.", "RFC 2046 §5.1.1" } },
	/* Reason */
	{ FAM_REASON, "cause", { "The cause, a number of the protocol named before it: "
		"a SIP status code, or a Q.850 cause value.", "RFC 3326 §2" } },
	{ FAM_REASON, "text", { "The cause in words, as the sender put it.", "RFC 3326 §2" } },
	/* Retry-After */
	{ FAM_RETRY, "duration", { "Seconds the server expects to stay available once it is "
		"back (counted from the end of the wait).", "RFC 3261 §20.33" } },
	/* Route, Path, Service-Route, ... */
	{ FAM_ROUTE, "lr", { "Loose routing: this proxy keeps the Request-URI and "
		"routes by the Route set. Every IMS proxy (P-CSCF, S-CSCF) is a loose "
		"router; a Route without lr makes the request go the RFC 2543 way "
		"(strict routing).", "RFC 3261 §19.1.1, §16.12" } },
	/* URI parameters, in any header carrying a URI */
	{ FAM_ADDR, "transport", { "The transport to use to reach this URI (udp, tcp, "
		"tls, sctp, ws).", "RFC 3261 §19.1.1" } },
	{ FAM_ADDR, "user", { "user=phone says the user part is a telephone number "
		"(as in a tel URI); in IMS it matters when the UE registers an E.164 SIP URI.",
		"RFC 3261 §19.1.1, §19.1.6" } },
	{ FAM_ADDR, "lr", { "Loose routing (see Route).", "RFC 3261 §19.1.1" } },
	{ FAM_ADDR, "maddr", { "Overrides the host to contact; rarely used.",
		"RFC 3261 §19.1.1" } },
	{ FAM_ADDR, "method", { "The method of a request built from this URI.",
		"RFC 3261 §19.1.1" } },
	{ FAM_ADDR, "ttl", { "Multicast time-to-live, with maddr.", "RFC 3261 §19.1.1" } },
	{ FAM_ADDR, "gr", { "This URI is a GRUU; the value is the instance it "
		"reaches.", "RFC 5627 §3.1" } },
	{ FAM_ADDR, "ob", { "Outbound: the proxy (edge) supports outbound and keeps "
		"the flow.", "RFC 5626 §5.4" } },
	{ FAM_ADDR, "sos", { "The contact of an emergency registration: the UE "
		"registers this address for emergency sessions only, beside (not in place "
		"of) its normal registration; the network sets how long it lasts.", "TS 24.229 §5.1.6.2, draft-patel-ecrit-sos-parameter" } },
	{ FAM_ADDR, "phone-context", { "tel URI: the numbering plan of a local number "
		"(a domain or a global prefix).", "RFC 3966 §5.1.5" } },
	/* the other parameters of a telephone number (IANA's tel URI
	 * parameters registry), in a tel URI or a user=phone SIP URI's user part */
	{ FAM_ADDR, "isub", { "tel URI: an ISDN subaddress, a device behind this number "
		"on its ISDN line.", "RFC 3966 §3" } },
	{ FAM_ADDR, "isub-encoding", { "How the isub value is encoded (nsap-ia5, nsap-bcd, "
		"nsap), which an ISUP gateway needs to pass it on.", "RFC 4715" } },
	{ FAM_ADDR, "ext", { "tel URI: an extension behind this number (a PBX's).",
		"RFC 3966 §3" } },
	{ FAM_ADDR, "npdi", { "Number portability: the portability database was already "
		"queried (dipped) for this number, so nodes further on must not query it again; "
		"with rn when the number is ported.", "RFC 4694" } },
	{ FAM_ADDR, "rn", { "Number portability: the routing number of the switch or network "
		"the ported number now belongs to; calls route by it, not by the number.",
		"RFC 4694" } },
	{ FAM_ADDR, "rn-context", { "The numbering context of a local rn (a domain or a "
		"global prefix).", "RFC 4694" } },
	{ FAM_ADDR, "cic", { "Carrier identification code: the carrier chosen to carry the "
		"call.", "RFC 4694" } },
	{ FAM_ADDR, "cic-context", { "The numbering context of a local cic.", "RFC 4694" } },
	{ FAM_ADDR, "enumdi", { "ENUM was already queried for this number (ENUM dip "
		"indicator): nodes further on must not query it again.", "RFC 4759" } },
	{ FAM_ADDR, "tgrp", { "The trunk group a call came in on, or is to leave by (with "
		"trunk-context).", "RFC 4904" } },
	{ FAM_ADDR, "trunk-context", { "The domain or number in which tgrp names a trunk "
		"group.", "RFC 4904" } },
	{ FAM_ADDR, "verstat", { "Calling number verification: the network's result for "
		"this identity (TN-Validation-Passed, TN-Validation-Failed or No-TN-Validation, "
		"from STIR/SHAKEN, RFC 8224), in the P-Asserted-Identity or From the called UE "
		"gets, which may show it to the user.", "TS 24.229 §7.2A.20" } },
	{ FAM_ADDR, "premium-rate", { "The number is a premium rate number, of the category "
		"given (information or entertainment), as a node of the network classified it.",
		"TS 24.229 §7.2A.17" } },
};

static bool name_is(struct slice param, const char *name)
{
	return slice_caseeq_cstr(param, name);
}

const struct ims_explain *ims_explain_param(enum sip_hdr_id id, struct slice param)
{
	static const struct ims_explain feature_tag = {
		"A feature tag (capability) of this binding; the registrar stores it and "
		"the S-CSCF uses it to route requests to devices that support a service.",
		"RFC 3840 §9, TS 24.229 §5.1.1.2.1"
	};
	enum family fam;
	size_t n = sizeof param_table / sizeof param_table[0];

	if (!slice_present(param) || (unsigned)id >= SIP_HDR__COUNT)
		return NULL;
	param = slice_trim(param);
	fam = family_of(id);
	if (fam != FAM_NONE) {
		for (size_t i = 0; i < n; i++)
			if (param_table[i].fam == fam && name_is(param, param_table[i].name))
				return &param_table[i].e;
	}
	if (fam == FAM_CONTACT && param.len > 1 && param.ptr[0] == '+')
		return &feature_tag;
	if (fam == FAM_CONTACT) {
		/* a base tag (RFC 3840 §10, RFC 4569), written without '+': the
		 * feature tag registry knows them; a note would mean the name is
		 * a '+' tag missing its '+' */
		struct sip_param p = { .name = param, .value = SLICE_NULL, .quoted = false };
		struct ims_feature_tag t;
		ims_feature_tag_describe(&t, &p);
		if ((t.kind == IMS_TAG_MEDIA || t.kind == IMS_TAG_GENERIC) && !t.note)
			return &feature_tag;
	}
	/* URI parameters: only for headers that carry a URI. */
	if (fam == FAM_FROM_TO || fam == FAM_CONTACT || fam == FAM_ROUTE ||
	    id == SIP_HDR_OTHER) {
		for (size_t i = 0; i < n; i++)
			if (param_table[i].fam == FAM_ADDR && name_is(param, param_table[i].name))
				return &param_table[i].e;
	}
	return NULL;
}

/* ---- parameter values -------------------------------------------------- */

/* Parameters whose meaning depends on their value: one entry per value,
 * matched without regard to case (tokens, RFC 3261 §7.3.1). */
struct value_entry {
	unsigned fams;          /* bit (1u << family) for each family it holds in */
	const char *name;
	const char *value;
	struct ims_explain e;
};

#define CRED (1u << FAM_CREDENTIALS)
#define CHAL (1u << FAM_CHALLENGE)
#define SUBST (1u << FAM_SUBSTATE)
#define SESS (1u << FAM_SESSION)
static const struct value_entry value_table[] = {
	/* algorithm: RFC 3310 §3.1 aka-namespace "AKAv" n "-" digest algorithm;
	 * RFC 7616 §3.3 the digest algorithms */
	{ CRED | CHAL, "algorithm", "AKAv1-MD5", { "IMS AKA version 1: the password is "
		"RES, computed by the ISIM from the RAND and AUTN of the nonce; the "
		"digest is MD5. The IMS default.", "RFC 3310 §3.1, TS 33.203 §6.1" } },
	{ CRED | CHAL, "algorithm", "AKAv2-MD5", { "AKA version 2: the password is not "
		"RES itself but a key derived from RES, IK and CK (HMAC-MD5), so a RES "
		"seen elsewhere cannot be replayed; the digest is MD5.",
		"RFC 4169 §3, RFC 3310 §3.1" } },
	{ CRED | CHAL, "algorithm", "AKAv1-SHA-256", { "AKA version 1 with SHA-256 as "
		"the digest hash: the password is RES, as for AKAv1-MD5, and the "
		"response is a SHA-256 digest (64 hex digits).",
		"RFC 3310 §3.1, RFC 7616 §3.4" } },
	/* RFC 4169 §3 defines the AKAv2 password as base64(PRF(RES||IK||CK,
	 * "http-digest-akav2-password")) and names only AKAv2-MD5, whose PRF
	 * is HMAC-MD5; the SHA-256 variant is an aka-version "-" algorithm-value
	 * of RFC 3310 §3.1 whose PRF no RFC fixes, so the text does not name one */
	{ CRED | CHAL, "algorithm", "AKAv2-SHA-256", { "AKA version 2 with SHA-256 as "
		"the digest hash: the password is not RES but base64(PRF(RES || IK || CK, "
		"\"http-digest-akav2-password\")) as RFC 4169 §3 derives it (RFC 4169 "
		"itself defines only AKAv2-MD5, with HMAC-MD5 as the PRF), and the response "
		"is a SHA-256 digest (64 hex digits).", "RFC 4169 §3, RFC 3310 §3.1, RFC 7616 §3.4" } },
	{ CRED | CHAL, "algorithm", "MD5", { "Plain digest with MD5: the password is a "
		"secret shared with the server, not AKA (no ISIM involved). An absent "
		"algorithm means the same.", "RFC 7616 §3.3, RFC 3261 §22.4" } },
	{ CRED | CHAL, "algorithm", "MD5-sess", { "Plain digest with MD5 and a session "
		"key (HA1 also covers nonce and cnonce); the password is a shared "
		"secret, not AKA.", "RFC 7616 §3.4.2" } },
	{ CRED | CHAL, "algorithm", "SHA-256", { "Plain digest with SHA-256 instead of "
		"MD5 (a 64-hex-digit response); the password is a shared secret, not "
		"AKA.", "RFC 7616 §3.3, §3.4" } },
	{ CRED | CHAL, "algorithm", "SHA-256-sess", { "Plain digest with SHA-256 and a "
		"session key (HA1 also covers nonce and cnonce); a shared password, not "
		"AKA.", "RFC 7616 §3.4.2" } },
	{ CRED | CHAL, "algorithm", "SHA-512-256", { "Plain digest with SHA-512/256 (a "
		"64-hex-digit response); the password is a shared secret, not AKA.",
		"RFC 7616 §3.3, §3.4" } },
	{ CRED | CHAL, "algorithm", "SHA-512-256-sess", { "Plain digest with "
		"SHA-512/256 and a session key; a shared password, not AKA.",
		"RFC 7616 §3.4.2" } },
	/* stale: RFC 7616 §3.3, case-insensitive */
	{ CHAL, "stale", "true", { "true: the nonce the UE used was no longer valid "
		"but its credentials were right. Not an authentication failure: answer "
		"this challenge's new nonce (for AKA, run the ISIM on its RAND/AUTN) "
		"without asking the user.", "RFC 7616 §3.3" } },
	{ CHAL, "stale", "false", { "false (the same as absent): not a nonce expiry. "
		"Either a first challenge, or the credentials the UE sent were refused; "
		"answering again with the same password or key will not help.",
		"RFC 7616 §3.3" } },
	/* TS 24.229 §7.2A.2: what the P-CSCF tells the S-CSCF */
	{ CRED, "integrity-protected", "yes", { "IMS AKA: the REGISTER "
		"arrived over the IPsec security association set up with the UE (it "
		"answers a challenge); the S-CSCF checks the AKA response.",
		"TS 24.229 §7.2A.2, §5.2.2, TS 33.203 §7.2" } },
	{ CRED, "integrity-protected", "no", { "IMS AKA: the REGISTER did "
		"not arrive over an IPsec security association (the initial REGISTER, "
		"before sec-agree has set one up); the S-CSCF challenges it.",
		"TS 24.229 §7.2A.2, §5.2.2" } },
	{ CRED, "integrity-protected", "tls-pending", { "SIP digest with "
		"TLS: the REGISTER arrived over a TLS session not yet bound to an "
		"authenticated user; the S-CSCF challenges it.",
		"TS 24.229 §7.2A.2, §5.2.2" } },
	{ CRED, "integrity-protected", "tls-yes", { "SIP digest with TLS: "
		"the REGISTER arrived over a TLS session of a user the network already "
		"authenticated.", "TS 24.229 §7.2A.2, §5.2.2" } },
	{ CRED, "integrity-protected", "ip-assoc-pending", { "SIP digest "
		"without TLS: the P-CSCF has no IP association (source address bound to "
		"an authenticated user) for this REGISTER yet; the S-CSCF challenges it.",
		"TS 24.229 §7.2A.2, §5.2.2" } },
	{ CRED, "integrity-protected", "ip-assoc-yes", { "SIP digest "
		"without TLS: the REGISTER came from the IP address associated with a "
		"user the network already authenticated.", "TS 24.229 §7.2A.2, §5.2.2" } },
	{ CRED, "integrity-protected", "auth-done", { "A trusted entity "
		"already authenticated the user: the S-CSCF skips its own "
		"authentication and does not challenge.", "TS 24.229 §7.2A.2, §5.4.1.2" } },
	/* Subscription-State reason: RFC 6665 §4.1.3, what the subscriber does */
	{ SUBST, "reason", "deactivated", { "deactivated: the notifier ended the "
		"subscription (moving it to another node, say); subscribe again at once.",
		"RFC 6665 §4.1.3" } },
	{ SUBST, "reason", "probation", { "probation: ended for now; subscribe again "
		"later (after retry-after when given).", "RFC 6665 §4.1.3" } },
	{ SUBST, "reason", "rejected", { "rejected: refused by policy; do not subscribe "
		"again to this resource.", "RFC 6665 §4.1.3" } },
	{ SUBST, "reason", "timeout", { "timeout: the subscription was not refreshed "
		"in time and expired; subscribe again if it is still wanted.",
		"RFC 6665 §4.1.3" } },
	{ SUBST, "reason", "giveup", { "giveup: the notifier could not get an "
		"authorisation decision in time; subscribing again may work (after "
		"retry-after).", "RFC 6665 §4.1.3" } },
	{ SUBST, "reason", "noresource", { "noresource: the resource (for reg, the "
		"registration) no longer exists; do not subscribe again to it.",
		"RFC 6665 §4.1.3" } },
	{ SUBST, "reason", "invariant", { "invariant: the state will not change, so "
		"there is nothing more to notify; no need to subscribe again.",
		"RFC 6665 §4.1.3" } },
	{ SESS, "refresher", "uac", { "uac: the side that sent the request refreshes "
		"the session.", "RFC 4028 §4" } },
	{ SESS, "refresher", "uas", { "uas: the side that answers refreshes the "
		"session.", "RFC 4028 §4" } },
};

/* ---- header values ----------------------------------------------------- */

/* The first token of a header whose meaning depends on it: the event
 * package, the subscription state, the media type. */
struct header_value_entry {
	enum sip_hdr_id id;
	const char *value;
	struct ims_explain e;
};

static const struct header_value_entry header_value_table[] = {
	{ SIP_HDR_EVENT, "reg", { "reg: the registration state of an AOR; the NOTIFYs "
		"carry a reginfo document (each registration and its contacts). The UE and "
		"the P-CSCF subscribe to it after the registration.",
		"RFC 3680, TS 24.229 §5.1.1.3, §5.2.3" } },
	{ SIP_HDR_EVENT, "presence", { "presence: the availability of a user.",
		"RFC 3856" } },
	{ SIP_HDR_EVENT, "dialog", { "dialog: the calls (dialogs) of a user.",
		"RFC 4235" } },
	{ SIP_HDR_EVENT, "conference", { "conference: the state of a conference.",
		"RFC 4575" } },
	{ SIP_HDR_EVENT, "message-summary", { "message-summary: the voicemail "
		"waiting indication.", "RFC 3842" } },
	{ SIP_HDR_EVENT, "refer", { "refer: the progress of a REFER (call transfer).",
		"RFC 3515" } },
	{ SIP_HDR_SUBSCRIPTION_STATE, "active", { "active: the subscription is "
		"accepted and running; NOTIFYs follow each change.", "RFC 6665 §4.1.3" } },
	{ SIP_HDR_SUBSCRIPTION_STATE, "pending", { "pending: received but not yet "
		"authorised; the state will come once it is.", "RFC 6665 §4.1.3" } },
	{ SIP_HDR_SUBSCRIPTION_STATE, "terminated", { "terminated: the subscription has "
		"ended with this NOTIFY; reason says why and whether to subscribe again.",
		"RFC 6665 §4.1.3" } },
	{ SIP_HDR_CONTENT_TYPE, "application/reginfo+xml", { "the registration state "
		"document of the reg event.", "RFC 3680 §5" } },
	{ SIP_HDR_CONTENT_TYPE, "application/sdp", { "a session description (the media "
		"of a call).", "RFC 4566" } },
	{ SIP_HDR_CONTENT_TYPE, "application/pidf+xml", { "a presence document.",
		"RFC 3863" } },
	{ SIP_HDR_CONTENT_TYPE, "message/sipfrag", { "a fragment of a SIP message "
		"(the progress of a REFER).", "RFC 3420" } },
	{ SIP_HDR_CONTENT_TYPE, "application/vnd.3gpp.sms", { "an SMS over IP (the "
		"RP message of SMS over IMS).", "TS 24.341" } },
	{ SIP_HDR_CONTENT_TYPE, "application/3gpp-ims+xml", { "the IMS XML body (for "
		"instance the alternative service of an emergency answer).",
		"TS 24.229 §7.6" } },
	{ SIP_HDR_CONTENT_TYPE, "multipart/mixed", { "several bodies, each with its own "
		"type, separated by the boundary.", "RFC 2046 §5.1.3" } },
	{ SIP_HDR_CONTENT_TYPE, "text/plain", { "plain text.", "RFC 2046 §4.1.3" } },
	{ SIP_HDR_REASON, "SIP", { "SIP: the cause is a SIP status code.", "RFC 3326 §2" } },
	{ SIP_HDR_REASON, "Q.850", { "Q.850: the cause is an ITU-T Q.850 cause value, as "
		"ISDN and ISUP give it: a session that met the circuit-switched network, or "
		"a release cause the network maps to one.", "RFC 3326 §2, ITU-T Q.850" } },
};

/* A number and its name: the code tables below, looked up by code_name. */
struct code_name {
	unsigned short code;
	const char *name;
};

static const char *code_name(const struct code_name *t, size_t n, unsigned code)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].code == code)
			return t[i].name;
	return NULL;
}
#define CODE_NAME(table, code) code_name((table), sizeof(table) / sizeof(table)[0], (code))

/* ITU-T Q.850 Table 1: the cause values and their names. */
static const struct code_name q850_causes[] = {
	{ 1, "unallocated (unassigned) number" },
	{ 2, "no route to specified transit network" },
	{ 3, "no route to destination" },
	{ 6, "channel unacceptable" },
	{ 7, "call awarded and being delivered in an established channel" },
	{ 8, "preemption" },
	{ 9, "preemption, circuit reserved for reuse" },
	{ 16, "normal call clearing" },
	{ 17, "user busy" },
	{ 18, "no user responding" },
	{ 19, "no answer from user (user alerted)" },
	{ 20, "subscriber absent" },
	{ 21, "call rejected" },
	{ 22, "number changed" },
	{ 23, "redirection to new destination" },
	{ 25, "exchange routing error" },
	{ 26, "non-selected user clearing" },
	{ 27, "destination out of order" },
	{ 28, "invalid number format (address incomplete)" },
	{ 29, "facility rejected" },
	{ 30, "response to STATUS ENQUIRY" },
	{ 31, "normal, unspecified" },
	{ 34, "no circuit/channel available" },
	{ 38, "network out of order" },
	{ 41, "temporary failure" },
	{ 42, "switching equipment congestion" },
	{ 43, "access information discarded" },
	{ 44, "requested circuit/channel not available" },
	{ 46, "precedence call blocked" },
	{ 47, "resource unavailable, unspecified" },
	{ 49, "quality of service not available" },
	{ 50, "requested facility not subscribed" },
	{ 53, "outgoing calls barred within CUG" },
	{ 55, "incoming calls barred within CUG" },
	{ 57, "bearer capability not authorized" },
	{ 58, "bearer capability not presently available" },
	{ 62, "inconsistency in designated outgoing access information and subscriber class" },
	{ 63, "service or option not available, unspecified" },
	{ 65, "bearer capability not implemented" },
	{ 66, "channel type not implemented" },
	{ 69, "requested facility not implemented" },
	{ 70, "only restricted digital information bearer capability is available" },
	{ 79, "service or option not implemented, unspecified" },
	{ 81, "invalid call reference value" },
	{ 82, "identified channel does not exist" },
	{ 83, "a suspended call exists, but this call identity does not" },
	{ 84, "call identity in use" },
	{ 85, "no call suspended" },
	{ 86, "call having the requested call identity has been cleared" },
	{ 87, "user not member of CUG" },
	{ 88, "incompatible destination" },
	{ 90, "non-existent CUG" },
	{ 91, "invalid transit network selection" },
	{ 95, "invalid message, unspecified" },
	{ 96, "mandatory information element is missing" },
	{ 97, "message type non-existent or not implemented" },
	{ 98, "message not compatible with call state or message type non-existent or not implemented" },
	{ 99, "information element / parameter non-existent or not implemented" },
	{ 100, "invalid information element contents" },
	{ 101, "message not compatible with call state" },
	{ 102, "recovery on timer expiry" },
	{ 103, "parameter non-existent or not implemented, passed on" },
	{ 110, "message with unrecognized parameter, discarded" },
	{ 111, "protocol error, unspecified" },
	{ 127, "interworking, unspecified" },
};

/* RFC 3261 §21 (and the extensions IMS meets) reason phrases. */
static const struct code_name sip_phrases[] = {
	{ 100, "Trying" }, { 180, "Ringing" }, { 181, "Call Is Being Forwarded" },
	{ 182, "Queued" }, { 183, "Session Progress" }, { 199, "Early Dialog Terminated" },
	{ 200, "OK" }, { 202, "Accepted" }, { 204, "No Notification" },
	{ 300, "Multiple Choices" }, { 301, "Moved Permanently" }, { 302, "Moved Temporarily" },
	{ 305, "Use Proxy" }, { 380, "Alternative Service" },
	{ 400, "Bad Request" }, { 401, "Unauthorized" }, { 402, "Payment Required" },
	{ 403, "Forbidden" }, { 404, "Not Found" }, { 405, "Method Not Allowed" },
	{ 406, "Not Acceptable" }, { 407, "Proxy Authentication Required" },
	{ 408, "Request Timeout" }, { 410, "Gone" }, { 412, "Conditional Request Failed" },
	{ 413, "Request Entity Too Large" }, { 414, "Request-URI Too Long" },
	{ 415, "Unsupported Media Type" }, { 416, "Unsupported URI Scheme" },
	{ 417, "Unknown Resource-Priority" }, { 420, "Bad Extension" },
	{ 421, "Extension Required" }, { 422, "Session Interval Too Small" },
	{ 423, "Interval Too Brief" }, { 429, "Provide Referrer Identity" },
	{ 430, "Flow Failed" }, { 433, "Anonymity Disallowed" }, { 439, "First Hop Lacks Outbound Support" },
	{ 469, "Bad Info Package" }, { 470, "Consent Needed" },
	{ 480, "Temporarily Unavailable" }, { 481, "Call/Transaction Does Not Exist" },
	{ 482, "Loop Detected" }, { 483, "Too Many Hops" }, { 484, "Address Incomplete" },
	{ 485, "Ambiguous" }, { 486, "Busy Here" }, { 487, "Request Terminated" },
	{ 488, "Not Acceptable Here" }, { 489, "Bad Event" }, { 491, "Request Pending" },
	{ 493, "Undecipherable" }, { 494, "Security Agreement Required" },
	{ 500, "Server Internal Error" }, { 501, "Not Implemented" }, { 502, "Bad Gateway" },
	{ 503, "Service Unavailable" }, { 504, "Server Time-out" },
	{ 505, "Version Not Supported" }, { 513, "Message Too Large" },
	{ 580, "Precondition Failure" },
	{ 600, "Busy Everywhere" }, { 603, "Decline" }, { 604, "Does Not Exist Anywhere" },
	{ 606, "Not Acceptable" }, { 607, "Unwanted" }, { 608, "Rejected" },
};

/* RFC 3261 §20.43 warn-codes, and RFC 5630 §3.3's 380 and 381. */
static const struct code_name warn_codes[] = {
	{ 300, "incompatible network protocol" },
	{ 301, "incompatible network address formats" },
	{ 302, "incompatible transport protocol" },
	{ 303, "incompatible bandwidth units" },
	{ 304, "media type not available" },
	{ 305, "incompatible media format" },
	{ 306, "attribute not understood" },
	{ 307, "session description parameter not understood" },
	{ 330, "multicast not available" },
	{ 331, "unicast not available" },
	{ 370, "insufficient bandwidth" },
	{ 380, "SIPS not allowed (RFC 5630)" },
	{ 381, "SIPS required (RFC 5630)" },
	{ 399, "miscellaneous warning: the text says it" },
};

const char *ims_warning_code_meaning(unsigned code)
{
	return CODE_NAME(warn_codes, code);
}

const char *ims_sip_reason_phrase(unsigned code)
{
	return CODE_NAME(sip_phrases, code);
}

const char *ims_reason_cause_meaning(struct slice protocol, struct slice cause)
{
	uint32_t n;
	if (!slice_present(cause) || slice_u32(slice_trim(cause), &n) < 0)
		return NULL;
	protocol = slice_trim(protocol);
	if (slice_caseeq_cstr(protocol, "SIP"))
		return ims_sip_reason_phrase(n);
	if (slice_caseeq_cstr(protocol, "Q.850"))
		return CODE_NAME(q850_causes, n);
	return NULL;
}

const struct ims_explain *ims_explain_header_value(enum sip_hdr_id id, struct slice value)
{
	if (!value.ptr)
		return NULL;
	value = slice_trim(value);
	for (size_t i = 0; i < sizeof header_value_table / sizeof header_value_table[0]; i++)
		if (header_value_table[i].id == id && slice_caseeq_cstr(value, header_value_table[i].value))
			return &header_value_table[i].e;
	return NULL;
}

const struct ims_explain *ims_explain_param_value(enum sip_hdr_id id, struct slice param,
						  struct slice value)
{
	enum family fam;
	if (!slice_present(param) || !value.ptr || (unsigned)id >= SIP_HDR__COUNT)
		return NULL;
	param = slice_trim(param);
	value = slice_trim(value);
	fam = family_of(id);
	for (size_t i = 0; i < sizeof value_table / sizeof value_table[0]; i++)
		if ((value_table[i].fams & (1u << fam)) && name_is(param, value_table[i].name) &&
		    slice_caseeq_cstr(value, value_table[i].value))
			return &value_table[i].e;
	return NULL;
}
