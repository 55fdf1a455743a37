/* hdr_id.c: header names, compact forms (RFC 3261 §7.3.3, §20) and methods (§7.1). */
#include <string.h>
#include <imsreg/sip.h>

enum {
	LIST = 1 << 0,   /* RFC 3261 §7.3.1: may be a comma-separated list */
	SINGLE = 1 << 1, /* at most one field in a message */
};

struct hdr_info {
	const char *name; /* canonical long name */
	unsigned char len;
	char compact;
	unsigned char flags;
};

#define H(id, n, c, f) [id] = { n, sizeof(n) - 1, c, f }

static const struct hdr_info hdr_table[SIP_HDR__COUNT] = {
	H(SIP_HDR_ACCEPT, "Accept", 0, LIST),
	H(SIP_HDR_ACCEPT_CONTACT, "Accept-Contact", 'a', LIST),
	H(SIP_HDR_ACCEPT_ENCODING, "Accept-Encoding", 0, LIST),
	H(SIP_HDR_ACCEPT_LANGUAGE, "Accept-Language", 0, LIST),
	H(SIP_HDR_ALERT_INFO, "Alert-Info", 0, LIST),
	H(SIP_HDR_ALLOW, "Allow", 0, LIST),
	H(SIP_HDR_ALLOW_EVENTS, "Allow-Events", 'u', LIST),
	H(SIP_HDR_AUTHENTICATION_INFO, "Authentication-Info", 0, SINGLE),
	H(SIP_HDR_AUTHORIZATION, "Authorization", 0, 0),
	H(SIP_HDR_CALL_ID, "Call-ID", 'i', SINGLE),
	H(SIP_HDR_CALL_INFO, "Call-Info", 0, LIST),
	H(SIP_HDR_CONTACT, "Contact", 'm', LIST),
	H(SIP_HDR_CONTENT_DISPOSITION, "Content-Disposition", 0, SINGLE),
	H(SIP_HDR_CONTENT_ENCODING, "Content-Encoding", 'e', LIST),
	H(SIP_HDR_CONTENT_LANGUAGE, "Content-Language", 0, LIST),
	H(SIP_HDR_CONTENT_LENGTH, "Content-Length", 'l', SINGLE),
	H(SIP_HDR_CONTENT_TYPE, "Content-Type", 'c', SINGLE),
	H(SIP_HDR_CSEQ, "CSeq", 0, SINGLE),
	H(SIP_HDR_DATE, "Date", 0, SINGLE),
	H(SIP_HDR_ERROR_INFO, "Error-Info", 0, LIST),
	H(SIP_HDR_EVENT, "Event", 'o', SINGLE),
	H(SIP_HDR_EXPIRES, "Expires", 0, SINGLE),
	H(SIP_HDR_FROM, "From", 'f', SINGLE),
	H(SIP_HDR_IDENTITY, "Identity", 'y', 0),
	H(SIP_HDR_IN_REPLY_TO, "In-Reply-To", 0, LIST),
	H(SIP_HDR_MAX_FORWARDS, "Max-Forwards", 0, SINGLE),
	H(SIP_HDR_MIME_VERSION, "MIME-Version", 0, SINGLE),
	H(SIP_HDR_MIN_EXPIRES, "Min-Expires", 0, SINGLE),
	H(SIP_HDR_ORGANIZATION, "Organization", 0, SINGLE),
	H(SIP_HDR_P_ACCESS_NETWORK_INFO, "P-Access-Network-Info", 0, LIST),
	H(SIP_HDR_P_ASSERTED_IDENTITY, "P-Asserted-Identity", 0, LIST),
	H(SIP_HDR_P_ASSOCIATED_URI, "P-Associated-URI", 0, LIST),
	H(SIP_HDR_P_CALLED_PARTY_ID, "P-Called-Party-ID", 0, SINGLE),
	H(SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES, "P-Charging-Function-Addresses", 0, 0),
	H(SIP_HDR_P_CHARGING_VECTOR, "P-Charging-Vector", 0, SINGLE),
	H(SIP_HDR_P_PREFERRED_IDENTITY, "P-Preferred-Identity", 0, LIST),
	H(SIP_HDR_P_VISITED_NETWORK_ID, "P-Visited-Network-ID", 0, LIST),
	H(SIP_HDR_PATH, "Path", 0, LIST),
	H(SIP_HDR_PRIORITY, "Priority", 0, SINGLE),
	H(SIP_HDR_PRIVACY, "Privacy", 0, 0),
	H(SIP_HDR_PROXY_AUTHENTICATE, "Proxy-Authenticate", 0, 0),
	H(SIP_HDR_PROXY_AUTHORIZATION, "Proxy-Authorization", 0, 0),
	H(SIP_HDR_PROXY_REQUIRE, "Proxy-Require", 0, LIST),
	H(SIP_HDR_REASON, "Reason", 0, LIST),
	H(SIP_HDR_RECORD_ROUTE, "Record-Route", 0, LIST),
	H(SIP_HDR_REFER_TO, "Refer-To", 'r', SINGLE),
	H(SIP_HDR_REFERRED_BY, "Referred-By", 'b', SINGLE),
	H(SIP_HDR_REJECT_CONTACT, "Reject-Contact", 'j', LIST),
	H(SIP_HDR_REPLY_TO, "Reply-To", 0, SINGLE),
	H(SIP_HDR_REQUEST_DISPOSITION, "Request-Disposition", 'd', LIST),
	H(SIP_HDR_REQUIRE, "Require", 0, LIST),
	H(SIP_HDR_RETRY_AFTER, "Retry-After", 0, SINGLE),
	H(SIP_HDR_ROUTE, "Route", 0, LIST),
	H(SIP_HDR_SECURITY_CLIENT, "Security-Client", 0, LIST),
	H(SIP_HDR_SECURITY_SERVER, "Security-Server", 0, LIST),
	H(SIP_HDR_SECURITY_VERIFY, "Security-Verify", 0, LIST),
	H(SIP_HDR_SERVER, "Server", 0, SINGLE),
	H(SIP_HDR_SERVICE_ROUTE, "Service-Route", 0, LIST),
	H(SIP_HDR_SESSION_EXPIRES, "Session-Expires", 'x', SINGLE),
	H(SIP_HDR_SUBJECT, "Subject", 's', SINGLE),
	H(SIP_HDR_SUBSCRIPTION_STATE, "Subscription-State", 0, SINGLE),
	H(SIP_HDR_SUPPORTED, "Supported", 'k', LIST),
	H(SIP_HDR_TIMESTAMP, "Timestamp", 0, SINGLE),
	H(SIP_HDR_TO, "To", 't', SINGLE),
	H(SIP_HDR_UNSUPPORTED, "Unsupported", 0, LIST),
	H(SIP_HDR_USER_AGENT, "User-Agent", 0, SINGLE),
	H(SIP_HDR_VIA, "Via", 'v', LIST),
	H(SIP_HDR_WARNING, "Warning", 0, LIST),
	H(SIP_HDR_WWW_AUTHENTICATE, "WWW-Authenticate", 0, 0),
};

/* ASCII lower case; every other byte maps to itself. */
static inline unsigned char lower(unsigned char c)
{
	return (unsigned)(c - 'A') < 26 ? (unsigned char)(c | 0x20) : c;
}

/* The compact letters (RFC 3261 §7.3.3 and the extensions that register one). */
static const unsigned char compact_id[26] = {
	['a' - 'a'] = SIP_HDR_ACCEPT_CONTACT,   ['b' - 'a'] = SIP_HDR_REFERRED_BY,
	['c' - 'a'] = SIP_HDR_CONTENT_TYPE,     ['d' - 'a'] = SIP_HDR_REQUEST_DISPOSITION,
	['e' - 'a'] = SIP_HDR_CONTENT_ENCODING, ['f' - 'a'] = SIP_HDR_FROM,
	['i' - 'a'] = SIP_HDR_CALL_ID,          ['j' - 'a'] = SIP_HDR_REJECT_CONTACT,
	['k' - 'a'] = SIP_HDR_SUPPORTED,        ['l' - 'a'] = SIP_HDR_CONTENT_LENGTH,
	['m' - 'a'] = SIP_HDR_CONTACT,          ['o' - 'a'] = SIP_HDR_EVENT,
	['r' - 'a'] = SIP_HDR_REFER_TO,         ['s' - 'a'] = SIP_HDR_SUBJECT,
	['t' - 'a'] = SIP_HDR_TO,               ['u' - 'a'] = SIP_HDR_ALLOW_EVENTS,
	['v' - 'a'] = SIP_HDR_VIA,              ['x' - 'a'] = SIP_HDR_SESSION_EXPIRES,
	['y' - 'a'] = SIP_HDR_IDENTITY,
};

/* Longest known name: "P-Charging-Function-Addresses". */
#define MAX_NAME 29

/* Ids by name length, 0 ends a list (the same names as hdr_table). */
static const unsigned char by_len[MAX_NAME + 1][8] = {
	[2] = { SIP_HDR_TO },
	[3] = { SIP_HDR_VIA },
	[4] = { SIP_HDR_CSEQ, SIP_HDR_DATE, SIP_HDR_FROM,
		SIP_HDR_PATH },
	[5] = { SIP_HDR_ALLOW, SIP_HDR_EVENT, SIP_HDR_ROUTE },
	[6] = { SIP_HDR_ACCEPT, SIP_HDR_REASON, SIP_HDR_SERVER },
	[7] = { SIP_HDR_CALL_ID, SIP_HDR_CONTACT, SIP_HDR_EXPIRES,
		SIP_HDR_PRIVACY, SIP_HDR_REQUIRE, SIP_HDR_SUBJECT,
		SIP_HDR_WARNING },
	[8] = { SIP_HDR_IDENTITY, SIP_HDR_PRIORITY, SIP_HDR_REFER_TO,
		SIP_HDR_REPLY_TO },
	[9] = { SIP_HDR_CALL_INFO, SIP_HDR_SUPPORTED, SIP_HDR_TIMESTAMP },
	[10] = { SIP_HDR_ALERT_INFO, SIP_HDR_ERROR_INFO, SIP_HDR_USER_AGENT },
	[11] = { SIP_HDR_IN_REPLY_TO, SIP_HDR_MIN_EXPIRES, SIP_HDR_REFERRED_BY,
		SIP_HDR_RETRY_AFTER, SIP_HDR_UNSUPPORTED },
	[12] = { SIP_HDR_ALLOW_EVENTS, SIP_HDR_CONTENT_TYPE, SIP_HDR_MAX_FORWARDS,
		SIP_HDR_MIME_VERSION, SIP_HDR_ORGANIZATION, SIP_HDR_RECORD_ROUTE },
	[13] = { SIP_HDR_AUTHORIZATION, SIP_HDR_PROXY_REQUIRE, SIP_HDR_SERVICE_ROUTE },
	[14] = { SIP_HDR_ACCEPT_CONTACT, SIP_HDR_CONTENT_LENGTH, SIP_HDR_REJECT_CONTACT },
	[15] = { SIP_HDR_ACCEPT_ENCODING, SIP_HDR_ACCEPT_LANGUAGE, SIP_HDR_SECURITY_CLIENT,
		SIP_HDR_SECURITY_SERVER, SIP_HDR_SECURITY_VERIFY, SIP_HDR_SESSION_EXPIRES },
	[16] = { SIP_HDR_CONTENT_ENCODING, SIP_HDR_CONTENT_LANGUAGE, SIP_HDR_P_ASSOCIATED_URI,
		SIP_HDR_WWW_AUTHENTICATE },
	[17] = { SIP_HDR_P_CALLED_PARTY_ID, SIP_HDR_P_CHARGING_VECTOR },
	[18] = { SIP_HDR_PROXY_AUTHENTICATE, SIP_HDR_SUBSCRIPTION_STATE },
	[19] = { SIP_HDR_AUTHENTICATION_INFO, SIP_HDR_CONTENT_DISPOSITION, SIP_HDR_P_ASSERTED_IDENTITY,
		SIP_HDR_PROXY_AUTHORIZATION, SIP_HDR_REQUEST_DISPOSITION },
	[20] = { SIP_HDR_P_PREFERRED_IDENTITY, SIP_HDR_P_VISITED_NETWORK_ID },
	[21] = { SIP_HDR_P_ACCESS_NETWORK_INFO },
	[29] = { SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES },
};

static bool name_eq(const unsigned char *a, const char *canonical, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower(a[i]) != lower((unsigned char)canonical[i]))
			return false;
	return true;
}

enum sip_hdr_id sip_hdr_lookup(struct slice name)
{
	const unsigned char *p = (const unsigned char *)name.ptr;
	size_t len = name.len;
	if (len == 1) {
		unsigned c = (unsigned)lower(p[0]) - 'a';
		return c < 26 ? (enum sip_hdr_id)compact_id[c] : SIP_HDR_OTHER;
	}
	if (len < 2 || len > MAX_NAME)
		return SIP_HDR_OTHER;
	/* Candidates of this length; the first and last letters reject all
	 * but one (Refer-To / Reply-To aside), then one full compare. */
	unsigned char first = lower(p[0]), last = lower(p[len - 1]);
	const unsigned char *c = by_len[len];
	for (int i = 0; i < 8 && c[i]; i++) {
		const struct hdr_info *h = &hdr_table[c[i]];
		if (lower((unsigned char)h->name[0]) == first &&
		    lower((unsigned char)h->name[len - 1]) == last &&
		    name_eq(p + 1, h->name + 1, len - 2))
			return (enum sip_hdr_id)c[i];
	}
	return SIP_HDR_OTHER;
}

const char *sip_hdr_name(enum sip_hdr_id id)
{
	return id > SIP_HDR_OTHER && id < SIP_HDR__COUNT ? hdr_table[id].name : NULL;
}

char sip_hdr_compact(enum sip_hdr_id id)
{
	return id > SIP_HDR_OTHER && id < SIP_HDR__COUNT ? hdr_table[id].compact : 0;
}

bool sip_hdr_is_list(enum sip_hdr_id id)
{
	return id > SIP_HDR_OTHER && id < SIP_HDR__COUNT && (hdr_table[id].flags & LIST);
}

bool sip_hdr_is_single(enum sip_hdr_id id)
{
	return id > SIP_HDR_OTHER && id < SIP_HDR__COUNT && (hdr_table[id].flags & SINGLE);
}

enum sip_method sip_method_lookup(struct slice name)
{
	static const struct {
		const char *s;
		enum sip_method m;
	} methods[] = {
		{ "REGISTER", SIP_METHOD_REGISTER }, { "INVITE", SIP_METHOD_INVITE },
		{ "ACK", SIP_METHOD_ACK },           { "BYE", SIP_METHOD_BYE },
		{ "CANCEL", SIP_METHOD_CANCEL },     { "OPTIONS", SIP_METHOD_OPTIONS },
		{ "SUBSCRIBE", SIP_METHOD_SUBSCRIBE }, { "NOTIFY", SIP_METHOD_NOTIFY },
		{ "MESSAGE", SIP_METHOD_MESSAGE },   { "PRACK", SIP_METHOD_PRACK },
		{ "UPDATE", SIP_METHOD_UPDATE },     { "REFER", SIP_METHOD_REFER },
		{ "INFO", SIP_METHOD_INFO },         { "PUBLISH", SIP_METHOD_PUBLISH },
	};
	if (name.len < 3 || name.len > 9)
		return SIP_METHOD_OTHER;
	/* REGISTER first: the common case is one memcmp. */
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
		if (methods[i].s[0] == name.ptr[0] && strlen(methods[i].s) == name.len &&
		    memcmp(methods[i].s, name.ptr, name.len) == 0)
			return methods[i].m;
	return SIP_METHOD_OTHER;
}
