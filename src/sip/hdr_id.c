/* hdr_id.c: header names, compact forms (RFC 3261 §7.3.3, §20) and methods (§7.1). */
#include <string.h>
#include <imsreg/sip.h>
#include "sip/hdr_id.h"

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


/* The tables of the inline lookup in hdr_id.h (generated from hdr_table by
 * a search for a perfect hash; hdr_id_test checks every name). */
const unsigned char sip_hdr_by_hash[256] = {
	[1] = SIP_HDR_CONTENT_LENGTH,
	[2] = SIP_HDR_AUTHENTICATION_INFO,
	[5] = SIP_HDR_ACCEPT,
	[6] = SIP_HDR_PROXY_AUTHORIZATION,
	[7] = SIP_HDR_P_ASSOCIATED_URI,
	[14] = SIP_HDR_AUTHORIZATION,
	[19] = SIP_HDR_FROM,
	[24] = SIP_HDR_PRIVACY,
	[33] = SIP_HDR_CONTENT_ENCODING,
	[39] = SIP_HDR_PROXY_REQUIRE,
	[43] = SIP_HDR_RECORD_ROUTE,
	[46] = SIP_HDR_SUBSCRIPTION_STATE,
	[48] = SIP_HDR_SERVER,
	[52] = SIP_HDR_TO,
	[55] = SIP_HDR_RETRY_AFTER,
	[56] = SIP_HDR_IN_REPLY_TO,
	[57] = SIP_HDR_UNSUPPORTED,
	[59] = SIP_HDR_DATE,
	[67] = SIP_HDR_SUBJECT,
	[74] = SIP_HDR_EVENT,
	[75] = SIP_HDR_SERVICE_ROUTE,
	[77] = SIP_HDR_REQUEST_DISPOSITION,
	[78] = SIP_HDR_REJECT_CONTACT,
	[81] = SIP_HDR_TIMESTAMP,
	[89] = SIP_HDR_MIN_EXPIRES,
	[92] = SIP_HDR_REFERRED_BY,
	[94] = SIP_HDR_IDENTITY,
	[98] = SIP_HDR_P_CHARGING_VECTOR,
	[102] = SIP_HDR_PATH,
	[107] = SIP_HDR_SECURITY_SERVER,
	[109] = SIP_HDR_ACCEPT_LANGUAGE,
	[113] = SIP_HDR_SECURITY_CLIENT,
	[120] = SIP_HDR_ALERT_INFO,
	[128] = SIP_HDR_SECURITY_VERIFY,
	[130] = SIP_HDR_P_CALLED_PARTY_ID,
	[137] = SIP_HDR_REPLY_TO,
	[139] = SIP_HDR_P_VISITED_NETWORK_ID,
	[141] = SIP_HDR_CALL_INFO,
	[144] = SIP_HDR_ALLOW,
	[162] = SIP_HDR_CONTACT,
	[167] = SIP_HDR_ALLOW_EVENTS,
	[180] = SIP_HDR_ACCEPT_CONTACT,
	[184] = SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES,
	[185] = SIP_HDR_CONTENT_LANGUAGE,
	[186] = SIP_HDR_MIME_VERSION,
	[187] = SIP_HDR_SUPPORTED,
	[190] = SIP_HDR_CALL_ID,
	[191] = SIP_HDR_ROUTE,
	[192] = SIP_HDR_SESSION_EXPIRES,
	[194] = SIP_HDR_ORGANIZATION,
	[200] = SIP_HDR_REASON,
	[205] = SIP_HDR_P_ASSERTED_IDENTITY,
	[206] = SIP_HDR_VIA,
	[208] = SIP_HDR_PROXY_AUTHENTICATE,
	[214] = SIP_HDR_ACCEPT_ENCODING,
	[215] = SIP_HDR_WARNING,
	[216] = SIP_HDR_EXPIRES,
	[217] = SIP_HDR_ERROR_INFO,
	[218] = SIP_HDR_PRIORITY,
	[227] = SIP_HDR_CONTENT_DISPOSITION,
	[233] = SIP_HDR_P_PREFERRED_IDENTITY,
	[236] = SIP_HDR_REFER_TO,
	[237] = SIP_HDR_MAX_FORWARDS,
	[245] = SIP_HDR_CSEQ,
	[246] = SIP_HDR_REQUIRE,
	[252] = SIP_HDR_USER_AGENT,
	[253] = SIP_HDR_P_ACCESS_NETWORK_INFO,
	[254] = SIP_HDR_WWW_AUTHENTICATE,
	[255] = SIP_HDR_CONTENT_TYPE,
};

const char sip_hdr_lower_name[SIP_HDR__COUNT][32] = {
	[SIP_HDR_ACCEPT] = "accept",
	[SIP_HDR_ACCEPT_CONTACT] = "accept-contact",
	[SIP_HDR_ACCEPT_ENCODING] = "accept-encoding",
	[SIP_HDR_ACCEPT_LANGUAGE] = "accept-language",
	[SIP_HDR_ALERT_INFO] = "alert-info",
	[SIP_HDR_ALLOW] = "allow",
	[SIP_HDR_ALLOW_EVENTS] = "allow-events",
	[SIP_HDR_AUTHENTICATION_INFO] = "authentication-info",
	[SIP_HDR_AUTHORIZATION] = "authorization",
	[SIP_HDR_CALL_ID] = "call-id",
	[SIP_HDR_CALL_INFO] = "call-info",
	[SIP_HDR_CONTACT] = "contact",
	[SIP_HDR_CONTENT_DISPOSITION] = "content-disposition",
	[SIP_HDR_CONTENT_ENCODING] = "content-encoding",
	[SIP_HDR_CONTENT_LANGUAGE] = "content-language",
	[SIP_HDR_CONTENT_LENGTH] = "content-length",
	[SIP_HDR_CONTENT_TYPE] = "content-type",
	[SIP_HDR_CSEQ] = "cseq",
	[SIP_HDR_DATE] = "date",
	[SIP_HDR_ERROR_INFO] = "error-info",
	[SIP_HDR_EVENT] = "event",
	[SIP_HDR_EXPIRES] = "expires",
	[SIP_HDR_FROM] = "from",
	[SIP_HDR_IDENTITY] = "identity",
	[SIP_HDR_IN_REPLY_TO] = "in-reply-to",
	[SIP_HDR_MAX_FORWARDS] = "max-forwards",
	[SIP_HDR_MIME_VERSION] = "mime-version",
	[SIP_HDR_MIN_EXPIRES] = "min-expires",
	[SIP_HDR_ORGANIZATION] = "organization",
	[SIP_HDR_P_ACCESS_NETWORK_INFO] = "p-access-network-info",
	[SIP_HDR_P_ASSERTED_IDENTITY] = "p-asserted-identity",
	[SIP_HDR_P_ASSOCIATED_URI] = "p-associated-uri",
	[SIP_HDR_P_CALLED_PARTY_ID] = "p-called-party-id",
	[SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES] = "p-charging-function-addresses",
	[SIP_HDR_P_CHARGING_VECTOR] = "p-charging-vector",
	[SIP_HDR_P_PREFERRED_IDENTITY] = "p-preferred-identity",
	[SIP_HDR_P_VISITED_NETWORK_ID] = "p-visited-network-id",
	[SIP_HDR_PATH] = "path",
	[SIP_HDR_PRIORITY] = "priority",
	[SIP_HDR_PRIVACY] = "privacy",
	[SIP_HDR_PROXY_AUTHENTICATE] = "proxy-authenticate",
	[SIP_HDR_PROXY_AUTHORIZATION] = "proxy-authorization",
	[SIP_HDR_PROXY_REQUIRE] = "proxy-require",
	[SIP_HDR_REASON] = "reason",
	[SIP_HDR_RECORD_ROUTE] = "record-route",
	[SIP_HDR_REFER_TO] = "refer-to",
	[SIP_HDR_REFERRED_BY] = "referred-by",
	[SIP_HDR_REJECT_CONTACT] = "reject-contact",
	[SIP_HDR_REPLY_TO] = "reply-to",
	[SIP_HDR_REQUEST_DISPOSITION] = "request-disposition",
	[SIP_HDR_REQUIRE] = "require",
	[SIP_HDR_RETRY_AFTER] = "retry-after",
	[SIP_HDR_ROUTE] = "route",
	[SIP_HDR_SECURITY_CLIENT] = "security-client",
	[SIP_HDR_SECURITY_SERVER] = "security-server",
	[SIP_HDR_SECURITY_VERIFY] = "security-verify",
	[SIP_HDR_SERVER] = "server",
	[SIP_HDR_SERVICE_ROUTE] = "service-route",
	[SIP_HDR_SESSION_EXPIRES] = "session-expires",
	[SIP_HDR_SUBJECT] = "subject",
	[SIP_HDR_SUBSCRIPTION_STATE] = "subscription-state",
	[SIP_HDR_SUPPORTED] = "supported",
	[SIP_HDR_TIMESTAMP] = "timestamp",
	[SIP_HDR_TO] = "to",
	[SIP_HDR_UNSUPPORTED] = "unsupported",
	[SIP_HDR_USER_AGENT] = "user-agent",
	[SIP_HDR_VIA] = "via",
	[SIP_HDR_WARNING] = "warning",
	[SIP_HDR_WWW_AUTHENTICATE] = "www-authenticate",
};

const unsigned char sip_hdr_name_len[SIP_HDR__COUNT] = {
	[SIP_HDR_ACCEPT] = 6,
	[SIP_HDR_ACCEPT_CONTACT] = 14,
	[SIP_HDR_ACCEPT_ENCODING] = 15,
	[SIP_HDR_ACCEPT_LANGUAGE] = 15,
	[SIP_HDR_ALERT_INFO] = 10,
	[SIP_HDR_ALLOW] = 5,
	[SIP_HDR_ALLOW_EVENTS] = 12,
	[SIP_HDR_AUTHENTICATION_INFO] = 19,
	[SIP_HDR_AUTHORIZATION] = 13,
	[SIP_HDR_CALL_ID] = 7,
	[SIP_HDR_CALL_INFO] = 9,
	[SIP_HDR_CONTACT] = 7,
	[SIP_HDR_CONTENT_DISPOSITION] = 19,
	[SIP_HDR_CONTENT_ENCODING] = 16,
	[SIP_HDR_CONTENT_LANGUAGE] = 16,
	[SIP_HDR_CONTENT_LENGTH] = 14,
	[SIP_HDR_CONTENT_TYPE] = 12,
	[SIP_HDR_CSEQ] = 4,
	[SIP_HDR_DATE] = 4,
	[SIP_HDR_ERROR_INFO] = 10,
	[SIP_HDR_EVENT] = 5,
	[SIP_HDR_EXPIRES] = 7,
	[SIP_HDR_FROM] = 4,
	[SIP_HDR_IDENTITY] = 8,
	[SIP_HDR_IN_REPLY_TO] = 11,
	[SIP_HDR_MAX_FORWARDS] = 12,
	[SIP_HDR_MIME_VERSION] = 12,
	[SIP_HDR_MIN_EXPIRES] = 11,
	[SIP_HDR_ORGANIZATION] = 12,
	[SIP_HDR_P_ACCESS_NETWORK_INFO] = 21,
	[SIP_HDR_P_ASSERTED_IDENTITY] = 19,
	[SIP_HDR_P_ASSOCIATED_URI] = 16,
	[SIP_HDR_P_CALLED_PARTY_ID] = 17,
	[SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES] = 29,
	[SIP_HDR_P_CHARGING_VECTOR] = 17,
	[SIP_HDR_P_PREFERRED_IDENTITY] = 20,
	[SIP_HDR_P_VISITED_NETWORK_ID] = 20,
	[SIP_HDR_PATH] = 4,
	[SIP_HDR_PRIORITY] = 8,
	[SIP_HDR_PRIVACY] = 7,
	[SIP_HDR_PROXY_AUTHENTICATE] = 18,
	[SIP_HDR_PROXY_AUTHORIZATION] = 19,
	[SIP_HDR_PROXY_REQUIRE] = 13,
	[SIP_HDR_REASON] = 6,
	[SIP_HDR_RECORD_ROUTE] = 12,
	[SIP_HDR_REFER_TO] = 8,
	[SIP_HDR_REFERRED_BY] = 11,
	[SIP_HDR_REJECT_CONTACT] = 14,
	[SIP_HDR_REPLY_TO] = 8,
	[SIP_HDR_REQUEST_DISPOSITION] = 19,
	[SIP_HDR_REQUIRE] = 7,
	[SIP_HDR_RETRY_AFTER] = 11,
	[SIP_HDR_ROUTE] = 5,
	[SIP_HDR_SECURITY_CLIENT] = 15,
	[SIP_HDR_SECURITY_SERVER] = 15,
	[SIP_HDR_SECURITY_VERIFY] = 15,
	[SIP_HDR_SERVER] = 6,
	[SIP_HDR_SERVICE_ROUTE] = 13,
	[SIP_HDR_SESSION_EXPIRES] = 15,
	[SIP_HDR_SUBJECT] = 7,
	[SIP_HDR_SUBSCRIPTION_STATE] = 18,
	[SIP_HDR_SUPPORTED] = 9,
	[SIP_HDR_TIMESTAMP] = 9,
	[SIP_HDR_TO] = 2,
	[SIP_HDR_UNSUPPORTED] = 11,
	[SIP_HDR_USER_AGENT] = 10,
	[SIP_HDR_VIA] = 3,
	[SIP_HDR_WARNING] = 7,
	[SIP_HDR_WWW_AUTHENTICATE] = 16,
};

const unsigned char sip_hdr_compact_id[26] = {
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

enum sip_hdr_id sip_hdr_lookup(struct slice name)
{
	/* CR is the one byte that OR 0x20 turns into a name byte ('-') */
	if (name.len > 1 && memchr(name.ptr, '\r', name.len))
		return SIP_HDR_OTHER;
	return sip_hdr_lookup_at(name.ptr, name.len, name.len);
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
