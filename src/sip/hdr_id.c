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

/* By the word hash of hdr_id.h (little-endian hosts). */
const unsigned char sip_hdr_by_word_hash[256] = {
	[4] = SIP_HDR_P_VISITED_NETWORK_ID,
	[5] = SIP_HDR_SECURITY_SERVER,
	[14] = SIP_HDR_P_ASSERTED_IDENTITY,
	[16] = SIP_HDR_PRIVACY,
	[17] = SIP_HDR_CONTENT_ENCODING,
	[18] = SIP_HDR_TO,
	[24] = SIP_HDR_CALL_ID,
	[28] = SIP_HDR_REQUIRE,
	[30] = SIP_HDR_FROM,
	[31] = SIP_HDR_CSEQ,
	[32] = SIP_HDR_REQUEST_DISPOSITION,
	[33] = SIP_HDR_REASON,
	[34] = SIP_HDR_ALLOW_EVENTS,
	[35] = SIP_HDR_WARNING,
	[36] = SIP_HDR_USER_AGENT,
	[37] = SIP_HDR_CONTENT_DISPOSITION,
	[40] = SIP_HDR_REPLY_TO,
	[42] = SIP_HDR_REJECT_CONTACT,
	[44] = SIP_HDR_EXPIRES,
	[46] = SIP_HDR_RETRY_AFTER,
	[47] = SIP_HDR_PROXY_REQUIRE,
	[52] = SIP_HDR_P_ASSOCIATED_URI,
	[53] = SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES,
	[54] = SIP_HDR_DATE,
	[57] = SIP_HDR_AUTHORIZATION,
	[61] = SIP_HDR_UNSUPPORTED,
	[65] = SIP_HDR_SERVER,
	[66] = SIP_HDR_CONTACT,
	[76] = SIP_HDR_REFER_TO,
	[80] = SIP_HDR_CONTENT_LANGUAGE,
	[81] = SIP_HDR_ACCEPT_ENCODING,
	[83] = SIP_HDR_IDENTITY,
	[85] = SIP_HDR_SECURITY_VERIFY,
	[86] = SIP_HDR_IN_REPLY_TO,
	[104] = SIP_HDR_VIA,
	[105] = SIP_HDR_CALL_INFO,
	[107] = SIP_HDR_RECORD_ROUTE,
	[109] = SIP_HDR_SERVICE_ROUTE,
	[111] = SIP_HDR_SECURITY_CLIENT,
	[119] = SIP_HDR_ALLOW,
	[121] = SIP_HDR_REFERRED_BY,
	[123] = SIP_HDR_ACCEPT_LANGUAGE,
	[130] = SIP_HDR_CONTENT_LENGTH,
	[132] = SIP_HDR_MIN_EXPIRES,
	[144] = SIP_HDR_MIME_VERSION,
	[145] = SIP_HDR_ERROR_INFO,
	[148] = SIP_HDR_PROXY_AUTHENTICATE,
	[149] = SIP_HDR_SESSION_EXPIRES,
	[153] = SIP_HDR_P_CHARGING_VECTOR,
	[154] = SIP_HDR_PATH,
	[156] = SIP_HDR_P_CALLED_PARTY_ID,
	[162] = SIP_HDR_PRIORITY,
	[165] = SIP_HDR_PROXY_AUTHORIZATION,
	[180] = SIP_HDR_WWW_AUTHENTICATE,
	[182] = SIP_HDR_MAX_FORWARDS,
	[186] = SIP_HDR_ROUTE,
	[187] = SIP_HDR_TIMESTAMP,
	[188] = SIP_HDR_SUBSCRIPTION_STATE,
	[190] = SIP_HDR_ORGANIZATION,
	[192] = SIP_HDR_P_PREFERRED_IDENTITY,
	[198] = SIP_HDR_AUTHENTICATION_INFO,
	[221] = SIP_HDR_ACCEPT,
	[224] = SIP_HDR_ALERT_INFO,
	[230] = SIP_HDR_P_ACCESS_NETWORK_INFO,
	[236] = SIP_HDR_SUBJECT,
	[241] = SIP_HDR_EVENT,
	[242] = SIP_HDR_ACCEPT_CONTACT,
	[253] = SIP_HDR_CONTENT_TYPE,
	[254] = SIP_HDR_SUPPORTED,
};

/* 0x20 where the name has a letter (case folds), 0 where it has '-'
 * (must match exactly). */
const char sip_hdr_case_mask[SIP_HDR__COUNT][32] = {
	[SIP_HDR_ACCEPT] = "\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_ACCEPT_CONTACT] = "\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_ACCEPT_ENCODING] = "\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_ACCEPT_LANGUAGE] = "\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_ALERT_INFO] = "\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20",
	[SIP_HDR_ALLOW] = "\x20\x20\x20\x20\x20",
	[SIP_HDR_ALLOW_EVENTS] = "\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_AUTHENTICATION_INFO] = "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20",
	[SIP_HDR_AUTHORIZATION] = "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_CALL_ID] = "\x20\x20\x20\x20\x00\x20\x20",
	[SIP_HDR_CALL_INFO] = "\x20\x20\x20\x20\x00\x20\x20\x20\x20",
	[SIP_HDR_CONTACT] = "\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_CONTENT_DISPOSITION] = "\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_CONTENT_ENCODING] = "\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_CONTENT_LANGUAGE] = "\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_CONTENT_LENGTH] = "\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_CONTENT_TYPE] = "\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20",
	[SIP_HDR_CSEQ] = "\x20\x20\x20\x20",
	[SIP_HDR_DATE] = "\x20\x20\x20\x20",
	[SIP_HDR_ERROR_INFO] = "\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20",
	[SIP_HDR_EVENT] = "\x20\x20\x20\x20\x20",
	[SIP_HDR_EXPIRES] = "\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_FROM] = "\x20\x20\x20\x20",
	[SIP_HDR_IDENTITY] = "\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_IN_REPLY_TO] = "\x20\x20\x00\x20\x20\x20\x20\x20\x00\x20\x20",
	[SIP_HDR_MAX_FORWARDS] = "\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_MIME_VERSION] = "\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_MIN_EXPIRES] = "\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_ORGANIZATION] = "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_P_ACCESS_NETWORK_INFO] = "\x20\x00\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20",
	[SIP_HDR_P_ASSERTED_IDENTITY] = "\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_P_ASSOCIATED_URI] = "\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20",
	[SIP_HDR_P_CALLED_PARTY_ID] = "\x20\x00\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x00\x20\x20",
	[SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES] = "\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_P_CHARGING_VECTOR] = "\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_P_PREFERRED_IDENTITY] = "\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_P_VISITED_NETWORK_ID] = "\x20\x00\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20",
	[SIP_HDR_PATH] = "\x20\x20\x20\x20",
	[SIP_HDR_PRIORITY] = "\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_PRIVACY] = "\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_PROXY_AUTHENTICATE] = "\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_PROXY_AUTHORIZATION] = "\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_PROXY_REQUIRE] = "\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_REASON] = "\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_RECORD_ROUTE] = "\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20",
	[SIP_HDR_REFER_TO] = "\x20\x20\x20\x20\x20\x00\x20\x20",
	[SIP_HDR_REFERRED_BY] = "\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20",
	[SIP_HDR_REJECT_CONTACT] = "\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_REPLY_TO] = "\x20\x20\x20\x20\x20\x00\x20\x20",
	[SIP_HDR_REQUEST_DISPOSITION] = "\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_REQUIRE] = "\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_RETRY_AFTER] = "\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20",
	[SIP_HDR_ROUTE] = "\x20\x20\x20\x20\x20",
	[SIP_HDR_SECURITY_CLIENT] = "\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_SECURITY_SERVER] = "\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_SECURITY_VERIFY] = "\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_SERVER] = "\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_SERVICE_ROUTE] = "\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20",
	[SIP_HDR_SESSION_EXPIRES] = "\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_SUBJECT] = "\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_SUBSCRIPTION_STATE] = "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20",
	[SIP_HDR_SUPPORTED] = "\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_TIMESTAMP] = "\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_TO] = "\x20\x20",
	[SIP_HDR_UNSUPPORTED] = "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_USER_AGENT] = "\x20\x20\x20\x20\x00\x20\x20\x20\x20\x20",
	[SIP_HDR_VIA] = "\x20\x20\x20",
	[SIP_HDR_WARNING] = "\x20\x20\x20\x20\x20\x20\x20",
	[SIP_HDR_WWW_AUTHENTICATE] = "\x20\x20\x20\x00\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20",
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

/* The split's lookup (hdr_id.h sip_hdr_lookup_colon), generated from
 * hdr_table: entry i is a long name (then its compact form, if any) in
 * table order, as "name:" in lower case with its case mask; w0name/w0mask
 * are the first eight bytes of each as a little-endian word, wlname/wlmask
 * the last eight of those longer than eight, klen the length of
 * each before its ':'; slot[] is the
 * entry at (key * SIP_HDR_COLON_MUL) >> 56 (key as in hdr_id.h), the
 * multiplier the first odd one of a xorshift search with no two entries in
 * one slot. hdr_id_test checks every entry, slot and word. */
const struct sip_hdr_colon_table sip_hdr_colon = {
	.lenmask = {
		0x0000000000000000ull,
		0x00000000000000ffull,
		0x000000000000ffffull,
		0x0000000000ffffffull,
		0x00000000ffffffffull,
		0x000000ffffffffffull,
		0x0000ffffffffffffull,
		0x00ffffffffffffffull,
		0xffffffffffffffffull,
	},
	.w0name = {
		[1] = 0x003a747065636361ull, /* accept: */
		[2] = 0x632d747065636361ull, /* accept-contact: */
		[3] = 0x0000000000003a61ull, /* a: */
		[4] = 0x652d747065636361ull, /* accept-encoding: */
		[5] = 0x6c2d747065636361ull, /* accept-language: */
		[6] = 0x6e692d7472656c61ull, /* alert-info: */
		[7] = 0x00003a776f6c6c61ull, /* allow: */
		[8] = 0x76652d776f6c6c61ull, /* allow-events: */
		[9] = 0x0000000000003a75ull, /* u: */
		[10] = 0x69746e6568747561ull, /* authentication-info: */
		[11] = 0x7a69726f68747561ull, /* authorization: */
		[12] = 0x3a64692d6c6c6163ull, /* call-id: */
		[13] = 0x0000000000003a69ull, /* i: */
		[14] = 0x666e692d6c6c6163ull, /* call-info: */
		[15] = 0x3a746361746e6f63ull, /* contact: */
		[16] = 0x0000000000003a6dull, /* m: */
		[17] = 0x2d746e65746e6f63ull, /* content-disposition: */
		[18] = 0x2d746e65746e6f63ull, /* content-encoding: */
		[19] = 0x0000000000003a65ull, /* e: */
		[20] = 0x2d746e65746e6f63ull, /* content-language: */
		[21] = 0x2d746e65746e6f63ull, /* content-length: */
		[22] = 0x0000000000003a6cull, /* l: */
		[23] = 0x2d746e65746e6f63ull, /* content-type: */
		[24] = 0x0000000000003a63ull, /* c: */
		[25] = 0x0000003a71657363ull, /* cseq: */
		[26] = 0x0000003a65746164ull, /* date: */
		[27] = 0x6e692d726f727265ull, /* error-info: */
		[28] = 0x00003a746e657665ull, /* event: */
		[29] = 0x0000000000003a6full, /* o: */
		[30] = 0x3a73657269707865ull, /* expires: */
		[31] = 0x0000003a6d6f7266ull, /* from: */
		[32] = 0x0000000000003a66ull, /* f: */
		[33] = 0x797469746e656469ull, /* identity: */
		[34] = 0x0000000000003a79ull, /* y: */
		[35] = 0x796c7065722d6e69ull, /* in-reply-to: */
		[36] = 0x77726f662d78616dull, /* max-forwards: */
		[37] = 0x7265762d656d696dull, /* mime-version: */
		[38] = 0x697078652d6e696dull, /* min-expires: */
		[39] = 0x617a696e6167726full, /* organization: */
		[40] = 0x7373656363612d70ull, /* p-access-network-info: */
		[41] = 0x7472657373612d70ull, /* p-asserted-identity: */
		[42] = 0x69636f7373612d70ull, /* p-associated-uri: */
		[43] = 0x64656c6c61632d70ull, /* p-called-party-id: */
		[44] = 0x6967726168632d70ull, /* p-charging-function-addresses: */
		[45] = 0x6967726168632d70ull, /* p-charging-vector: */
		[46] = 0x7265666572702d70ull, /* p-preferred-identity: */
		[47] = 0x6574697369762d70ull, /* p-visited-network-id: */
		[48] = 0x0000003a68746170ull, /* path: */
		[49] = 0x797469726f697270ull, /* priority: */
		[50] = 0x3a79636176697270ull, /* privacy: */
		[51] = 0x75612d79786f7270ull, /* proxy-authenticate: */
		[52] = 0x75612d79786f7270ull, /* proxy-authorization: */
		[53] = 0x65722d79786f7270ull, /* proxy-require: */
		[54] = 0x003a6e6f73616572ull, /* reason: */
		[55] = 0x722d64726f636572ull, /* record-route: */
		[56] = 0x6f742d7265666572ull, /* refer-to: */
		[57] = 0x0000000000003a72ull, /* r: */
		[58] = 0x6465727265666572ull, /* referred-by: */
		[59] = 0x0000000000003a62ull, /* b: */
		[60] = 0x632d7463656a6572ull, /* reject-contact: */
		[61] = 0x0000000000003a6aull, /* j: */
		[62] = 0x6f742d796c706572ull, /* reply-to: */
		[63] = 0x2d74736575716572ull, /* request-disposition: */
		[64] = 0x0000000000003a64ull, /* d: */
		[65] = 0x3a65726975716572ull, /* require: */
		[66] = 0x66612d7972746572ull, /* retry-after: */
		[67] = 0x00003a6574756f72ull, /* route: */
		[68] = 0x7974697275636573ull, /* security-client: */
		[69] = 0x7974697275636573ull, /* security-server: */
		[70] = 0x7974697275636573ull, /* security-verify: */
		[71] = 0x003a726576726573ull, /* server: */
		[72] = 0x2d65636976726573ull, /* service-route: */
		[73] = 0x2d6e6f6973736573ull, /* session-expires: */
		[74] = 0x0000000000003a78ull, /* x: */
		[75] = 0x3a7463656a627573ull, /* subject: */
		[76] = 0x0000000000003a73ull, /* s: */
		[77] = 0x7069726373627573ull, /* subscription-state: */
		[78] = 0x6574726f70707573ull, /* supported: */
		[79] = 0x0000000000003a6bull, /* k: */
		[80] = 0x6d617473656d6974ull, /* timestamp: */
		[81] = 0x00000000003a6f74ull, /* to: */
		[82] = 0x0000000000003a74ull, /* t: */
		[83] = 0x726f707075736e75ull, /* unsupported: */
		[84] = 0x6567612d72657375ull, /* user-agent: */
		[85] = 0x000000003a616976ull, /* via: */
		[86] = 0x0000000000003a76ull, /* v: */
		[87] = 0x3a676e696e726177ull, /* warning: */
		[88] = 0x687475612d777777ull, /* www-authenticate: */
	},
	.w0mask = {
		[1] = 0x0000202020202020ull,
		[2] = 0x2000202020202020ull,
		[3] = 0x0000000000000020ull,
		[4] = 0x2000202020202020ull,
		[5] = 0x2000202020202020ull,
		[6] = 0x2020002020202020ull,
		[7] = 0x0000002020202020ull,
		[8] = 0x2020002020202020ull,
		[9] = 0x0000000000000020ull,
		[10] = 0x2020202020202020ull,
		[11] = 0x2020202020202020ull,
		[12] = 0x0020200020202020ull,
		[13] = 0x0000000000000020ull,
		[14] = 0x2020200020202020ull,
		[15] = 0x0020202020202020ull,
		[16] = 0x0000000000000020ull,
		[17] = 0x0020202020202020ull,
		[18] = 0x0020202020202020ull,
		[19] = 0x0000000000000020ull,
		[20] = 0x0020202020202020ull,
		[21] = 0x0020202020202020ull,
		[22] = 0x0000000000000020ull,
		[23] = 0x0020202020202020ull,
		[24] = 0x0000000000000020ull,
		[25] = 0x0000000020202020ull,
		[26] = 0x0000000020202020ull,
		[27] = 0x2020002020202020ull,
		[28] = 0x0000002020202020ull,
		[29] = 0x0000000000000020ull,
		[30] = 0x0020202020202020ull,
		[31] = 0x0000000020202020ull,
		[32] = 0x0000000000000020ull,
		[33] = 0x2020202020202020ull,
		[34] = 0x0000000000000020ull,
		[35] = 0x2020202020002020ull,
		[36] = 0x2020202000202020ull,
		[37] = 0x2020200020202020ull,
		[38] = 0x2020202000202020ull,
		[39] = 0x2020202020202020ull,
		[40] = 0x2020202020200020ull,
		[41] = 0x2020202020200020ull,
		[42] = 0x2020202020200020ull,
		[43] = 0x2020202020200020ull,
		[44] = 0x2020202020200020ull,
		[45] = 0x2020202020200020ull,
		[46] = 0x2020202020200020ull,
		[47] = 0x2020202020200020ull,
		[48] = 0x0000000020202020ull,
		[49] = 0x2020202020202020ull,
		[50] = 0x0020202020202020ull,
		[51] = 0x2020002020202020ull,
		[52] = 0x2020002020202020ull,
		[53] = 0x2020002020202020ull,
		[54] = 0x0000202020202020ull,
		[55] = 0x2000202020202020ull,
		[56] = 0x2020002020202020ull,
		[57] = 0x0000000000000020ull,
		[58] = 0x2020202020202020ull,
		[59] = 0x0000000000000020ull,
		[60] = 0x2000202020202020ull,
		[61] = 0x0000000000000020ull,
		[62] = 0x2020002020202020ull,
		[63] = 0x0020202020202020ull,
		[64] = 0x0000000000000020ull,
		[65] = 0x0020202020202020ull,
		[66] = 0x2020002020202020ull,
		[67] = 0x0000002020202020ull,
		[68] = 0x2020202020202020ull,
		[69] = 0x2020202020202020ull,
		[70] = 0x2020202020202020ull,
		[71] = 0x0000202020202020ull,
		[72] = 0x0020202020202020ull,
		[73] = 0x0020202020202020ull,
		[74] = 0x0000000000000020ull,
		[75] = 0x0020202020202020ull,
		[76] = 0x0000000000000020ull,
		[77] = 0x2020202020202020ull,
		[78] = 0x2020202020202020ull,
		[79] = 0x0000000000000020ull,
		[80] = 0x2020202020202020ull,
		[81] = 0x0000000000002020ull,
		[82] = 0x0000000000000020ull,
		[83] = 0x2020202020202020ull,
		[84] = 0x2020200020202020ull,
		[85] = 0x0000000000202020ull,
		[86] = 0x0000000000000020ull,
		[87] = 0x0020202020202020ull,
		[88] = 0x2020202000202020ull,
	},
	.wlname = {
		[2] = 0x3a746361746e6f63ull, /* accept-contact: */
		[4] = 0x3a676e69646f636eull, /* accept-encoding: */
		[5] = 0x3a65676175676e61ull, /* accept-language: */
		[6] = 0x3a6f666e692d7472ull, /* alert-info: */
		[8] = 0x3a73746e6576652dull, /* allow-events: */
		[10] = 0x3a6f666e692d6e6full, /* authentication-info: */
		[11] = 0x3a6e6f6974617a69ull, /* authorization: */
		[14] = 0x3a6f666e692d6c6cull, /* call-info: */
		[17] = 0x3a6e6f697469736full, /* content-disposition: */
		[18] = 0x3a676e69646f636eull, /* content-encoding: */
		[20] = 0x3a65676175676e61ull, /* content-language: */
		[21] = 0x3a6874676e656c2dull, /* content-length: */
		[23] = 0x3a657079742d746eull, /* content-type: */
		[27] = 0x3a6f666e692d726full, /* error-info: */
		[33] = 0x3a797469746e6564ull, /* identity: */
		[35] = 0x3a6f742d796c7065ull, /* in-reply-to: */
		[36] = 0x3a7364726177726full, /* max-forwards: */
		[37] = 0x3a6e6f6973726576ull, /* mime-version: */
		[38] = 0x3a73657269707865ull, /* min-expires: */
		[39] = 0x3a6e6f6974617a69ull, /* organization: */
		[40] = 0x3a6f666e692d6b72ull, /* p-access-network-info: */
		[41] = 0x3a797469746e6564ull, /* p-asserted-identity: */
		[42] = 0x3a6972752d646574ull, /* p-associated-uri: */
		[43] = 0x3a64692d79747261ull, /* p-called-party-id: */
		[44] = 0x3a73657373657264ull, /* p-charging-function-addresses: */
		[45] = 0x3a726f746365762dull, /* p-charging-vector: */
		[46] = 0x3a797469746e6564ull, /* p-preferred-identity: */
		[47] = 0x3a64692d6b726f77ull, /* p-visited-network-id: */
		[49] = 0x3a797469726f6972ull, /* priority: */
		[51] = 0x3a6574616369746eull, /* proxy-authenticate: */
		[52] = 0x3a6e6f6974617a69ull, /* proxy-authorization: */
		[53] = 0x3a65726975716572ull, /* proxy-require: */
		[55] = 0x3a6574756f722d64ull, /* record-route: */
		[56] = 0x3a6f742d72656665ull, /* refer-to: */
		[58] = 0x3a79622d64657272ull, /* referred-by: */
		[60] = 0x3a746361746e6f63ull, /* reject-contact: */
		[62] = 0x3a6f742d796c7065ull, /* reply-to: */
		[63] = 0x3a6e6f697469736full, /* request-disposition: */
		[66] = 0x3a72657466612d79ull, /* retry-after: */
		[68] = 0x3a746e65696c632dull, /* security-client: */
		[69] = 0x3a7265767265732dull, /* security-server: */
		[70] = 0x3a7966697265762dull, /* security-verify: */
		[72] = 0x3a6574756f722d65ull, /* service-route: */
		[73] = 0x3a73657269707865ull, /* session-expires: */
		[77] = 0x3a65746174732d6eull, /* subscription-state: */
		[78] = 0x3a646574726f7070ull, /* supported: */
		[80] = 0x3a706d617473656dull, /* timestamp: */
		[83] = 0x3a646574726f7070ull, /* unsupported: */
		[84] = 0x3a746e6567612d72ull, /* user-agent: */
		[88] = 0x3a6574616369746eull, /* www-authenticate: */
	},
	.wlmask = {
		[2] = 0x0020202020202020ull,
		[4] = 0x0020202020202020ull,
		[5] = 0x0020202020202020ull,
		[6] = 0x0020202020002020ull,
		[8] = 0x0020202020202000ull,
		[10] = 0x0020202020002020ull,
		[11] = 0x0020202020202020ull,
		[14] = 0x0020202020002020ull,
		[17] = 0x0020202020202020ull,
		[18] = 0x0020202020202020ull,
		[20] = 0x0020202020202020ull,
		[21] = 0x0020202020202000ull,
		[23] = 0x0020202020002020ull,
		[27] = 0x0020202020002020ull,
		[33] = 0x0020202020202020ull,
		[35] = 0x0020200020202020ull,
		[36] = 0x0020202020202020ull,
		[37] = 0x0020202020202020ull,
		[38] = 0x0020202020202020ull,
		[39] = 0x0020202020202020ull,
		[40] = 0x0020202020002020ull,
		[41] = 0x0020202020202020ull,
		[42] = 0x0020202000202020ull,
		[43] = 0x0020200020202020ull,
		[44] = 0x0020202020202020ull,
		[45] = 0x0020202020202000ull,
		[46] = 0x0020202020202020ull,
		[47] = 0x0020200020202020ull,
		[49] = 0x0020202020202020ull,
		[51] = 0x0020202020202020ull,
		[52] = 0x0020202020202020ull,
		[53] = 0x0020202020202020ull,
		[55] = 0x0020202020200020ull,
		[56] = 0x0020200020202020ull,
		[58] = 0x0020200020202020ull,
		[60] = 0x0020202020202020ull,
		[62] = 0x0020200020202020ull,
		[63] = 0x0020202020202020ull,
		[66] = 0x0020202020200020ull,
		[68] = 0x0020202020202000ull,
		[69] = 0x0020202020202000ull,
		[70] = 0x0020202020202000ull,
		[72] = 0x0020202020200020ull,
		[73] = 0x0020202020202020ull,
		[77] = 0x0020202020200020ull,
		[78] = 0x0020202020202020ull,
		[80] = 0x0020202020202020ull,
		[83] = 0x0020202020202020ull,
		[84] = 0x0020202020200020ull,
		[88] = 0x0020202020202020ull,
	},
	.klen = {
		[1] = 6, /* accept: */
		[2] = 14, /* accept-contact: */
		[3] = 1, /* a: */
		[4] = 15, /* accept-encoding: */
		[5] = 15, /* accept-language: */
		[6] = 10, /* alert-info: */
		[7] = 5, /* allow: */
		[8] = 12, /* allow-events: */
		[9] = 1, /* u: */
		[10] = 19, /* authentication-info: */
		[11] = 13, /* authorization: */
		[12] = 7, /* call-id: */
		[13] = 1, /* i: */
		[14] = 9, /* call-info: */
		[15] = 7, /* contact: */
		[16] = 1, /* m: */
		[17] = 19, /* content-disposition: */
		[18] = 16, /* content-encoding: */
		[19] = 1, /* e: */
		[20] = 16, /* content-language: */
		[21] = 14, /* content-length: */
		[22] = 1, /* l: */
		[23] = 12, /* content-type: */
		[24] = 1, /* c: */
		[25] = 4, /* cseq: */
		[26] = 4, /* date: */
		[27] = 10, /* error-info: */
		[28] = 5, /* event: */
		[29] = 1, /* o: */
		[30] = 7, /* expires: */
		[31] = 4, /* from: */
		[32] = 1, /* f: */
		[33] = 8, /* identity: */
		[34] = 1, /* y: */
		[35] = 11, /* in-reply-to: */
		[36] = 12, /* max-forwards: */
		[37] = 12, /* mime-version: */
		[38] = 11, /* min-expires: */
		[39] = 12, /* organization: */
		[40] = 21, /* p-access-network-info: */
		[41] = 19, /* p-asserted-identity: */
		[42] = 16, /* p-associated-uri: */
		[43] = 17, /* p-called-party-id: */
		[44] = 29, /* p-charging-function-addresses: */
		[45] = 17, /* p-charging-vector: */
		[46] = 20, /* p-preferred-identity: */
		[47] = 20, /* p-visited-network-id: */
		[48] = 4, /* path: */
		[49] = 8, /* priority: */
		[50] = 7, /* privacy: */
		[51] = 18, /* proxy-authenticate: */
		[52] = 19, /* proxy-authorization: */
		[53] = 13, /* proxy-require: */
		[54] = 6, /* reason: */
		[55] = 12, /* record-route: */
		[56] = 8, /* refer-to: */
		[57] = 1, /* r: */
		[58] = 11, /* referred-by: */
		[59] = 1, /* b: */
		[60] = 14, /* reject-contact: */
		[61] = 1, /* j: */
		[62] = 8, /* reply-to: */
		[63] = 19, /* request-disposition: */
		[64] = 1, /* d: */
		[65] = 7, /* require: */
		[66] = 11, /* retry-after: */
		[67] = 5, /* route: */
		[68] = 15, /* security-client: */
		[69] = 15, /* security-server: */
		[70] = 15, /* security-verify: */
		[71] = 6, /* server: */
		[72] = 13, /* service-route: */
		[73] = 15, /* session-expires: */
		[74] = 1, /* x: */
		[75] = 7, /* subject: */
		[76] = 1, /* s: */
		[77] = 18, /* subscription-state: */
		[78] = 9, /* supported: */
		[79] = 1, /* k: */
		[80] = 9, /* timestamp: */
		[81] = 2, /* to: */
		[82] = 1, /* t: */
		[83] = 11, /* unsupported: */
		[84] = 10, /* user-agent: */
		[85] = 3, /* via: */
		[86] = 1, /* v: */
		[87] = 7, /* warning: */
		[88] = 16, /* www-authenticate: */
	},
	.foldm = {
		0x0000000000000000ull,
		0x0000000000000020ull,
		0x0000000000002020ull,
		0x0000000000202020ull,
		0x0000000020202020ull,
		0x0000002020202020ull,
		0x0000202020202020ull,
		0x0020202020202020ull,
		0x2020202020202020ull,
	},
	.slot = {
		[6] = 62, /* reply-to: */
		[7] = 87, /* warning: */
		[9] = 7, /* allow: */
		[13] = 13, /* i: */
		[14] = 51, /* proxy-authenticate: */
		[15] = 33, /* identity: */
		[17] = 43, /* p-called-party-id: */
		[21] = 82, /* t: */
		[26] = 38, /* min-expires: */
		[29] = 44, /* p-charging-function-addresses: */
		[30] = 47, /* p-visited-network-id: */
		[32] = 8, /* allow-events: */
		[34] = 32, /* f: */
		[40] = 75, /* subject: */
		[42] = 65, /* require: */
		[46] = 85, /* via: */
		[49] = 83, /* unsupported: */
		[52] = 39, /* organization: */
		[54] = 4, /* accept-encoding: */
		[55] = 24, /* c: */
		[61] = 45, /* p-charging-vector: */
		[70] = 52, /* proxy-authorization: */
		[72] = 34, /* y: */
		[74] = 14, /* call-info: */
		[79] = 40, /* p-access-network-info: */
		[85] = 79, /* k: */
		[86] = 60, /* reject-contact: */
		[88] = 70, /* security-verify: */
		[89] = 12, /* call-id: */
		[90] = 78, /* supported: */
		[91] = 63, /* request-disposition: */
		[92] = 58, /* referred-by: */
		[93] = 86, /* v: */
		[94] = 41, /* p-asserted-identity: */
		[96] = 15, /* contact: */
		[103] = 46, /* p-preferred-identity: */
		[105] = 23, /* content-type: */
		[111] = 28, /* event: */
		[113] = 53, /* proxy-require: */
		[114] = 76, /* s: */
		[119] = 77, /* subscription-state: */
		[123] = 54, /* reason: */
		[124] = 10, /* authentication-info: */
		[125] = 35, /* in-reply-to: */
		[127] = 19, /* e: */
		[130] = 27, /* error-info: */
		[135] = 18, /* content-encoding: */
		[139] = 69, /* security-server: */
		[141] = 68, /* security-client: */
		[142] = 80, /* timestamp: */
		[146] = 31, /* from: */
		[148] = 59, /* b: */
		[149] = 88, /* www-authenticate: */
		[154] = 50, /* privacy: */
		[155] = 6, /* alert-info: */
		[156] = 16, /* m: */
		[164] = 74, /* x: */
		[168] = 73, /* session-expires: */
		[177] = 61, /* j: */
		[178] = 72, /* service-route: */
		[180] = 36, /* max-forwards: */
		[184] = 5, /* accept-language: */
		[185] = 9, /* u: */
		[187] = 71, /* server: */
		[190] = 66, /* retry-after: */
		[192] = 42, /* p-associated-uri: */
		[193] = 26, /* date: */
		[200] = 49, /* priority: */
		[202] = 17, /* content-disposition: */
		[204] = 20, /* content-language: */
		[205] = 81, /* to: */
		[206] = 57, /* r: */
		[208] = 56, /* refer-to: */
		[210] = 2, /* accept-contact: */
		[211] = 37, /* mime-version: */
		[219] = 64, /* d: */
		[222] = 21, /* content-length: */
		[227] = 29, /* o: */
		[228] = 67, /* route: */
		[232] = 25, /* cseq: */
		[235] = 1, /* accept: */
		[238] = 11, /* authorization: */
		[240] = 3, /* a: */
		[242] = 55, /* record-route: */
		[248] = 22, /* l: */
		[251] = 84, /* user-agent: */
		[252] = 48, /* path: */
		[255] = 30, /* expires: */
	},
	.id = {
		[1] = SIP_HDR_ACCEPT,
		[2] = SIP_HDR_ACCEPT_CONTACT,
		[3] = SIP_HDR_ACCEPT_CONTACT,
		[4] = SIP_HDR_ACCEPT_ENCODING,
		[5] = SIP_HDR_ACCEPT_LANGUAGE,
		[6] = SIP_HDR_ALERT_INFO,
		[7] = SIP_HDR_ALLOW,
		[8] = SIP_HDR_ALLOW_EVENTS,
		[9] = SIP_HDR_ALLOW_EVENTS,
		[10] = SIP_HDR_AUTHENTICATION_INFO,
		[11] = SIP_HDR_AUTHORIZATION,
		[12] = SIP_HDR_CALL_ID,
		[13] = SIP_HDR_CALL_ID,
		[14] = SIP_HDR_CALL_INFO,
		[15] = SIP_HDR_CONTACT,
		[16] = SIP_HDR_CONTACT,
		[17] = SIP_HDR_CONTENT_DISPOSITION,
		[18] = SIP_HDR_CONTENT_ENCODING,
		[19] = SIP_HDR_CONTENT_ENCODING,
		[20] = SIP_HDR_CONTENT_LANGUAGE,
		[21] = SIP_HDR_CONTENT_LENGTH,
		[22] = SIP_HDR_CONTENT_LENGTH,
		[23] = SIP_HDR_CONTENT_TYPE,
		[24] = SIP_HDR_CONTENT_TYPE,
		[25] = SIP_HDR_CSEQ,
		[26] = SIP_HDR_DATE,
		[27] = SIP_HDR_ERROR_INFO,
		[28] = SIP_HDR_EVENT,
		[29] = SIP_HDR_EVENT,
		[30] = SIP_HDR_EXPIRES,
		[31] = SIP_HDR_FROM,
		[32] = SIP_HDR_FROM,
		[33] = SIP_HDR_IDENTITY,
		[34] = SIP_HDR_IDENTITY,
		[35] = SIP_HDR_IN_REPLY_TO,
		[36] = SIP_HDR_MAX_FORWARDS,
		[37] = SIP_HDR_MIME_VERSION,
		[38] = SIP_HDR_MIN_EXPIRES,
		[39] = SIP_HDR_ORGANIZATION,
		[40] = SIP_HDR_P_ACCESS_NETWORK_INFO,
		[41] = SIP_HDR_P_ASSERTED_IDENTITY,
		[42] = SIP_HDR_P_ASSOCIATED_URI,
		[43] = SIP_HDR_P_CALLED_PARTY_ID,
		[44] = SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES,
		[45] = SIP_HDR_P_CHARGING_VECTOR,
		[46] = SIP_HDR_P_PREFERRED_IDENTITY,
		[47] = SIP_HDR_P_VISITED_NETWORK_ID,
		[48] = SIP_HDR_PATH,
		[49] = SIP_HDR_PRIORITY,
		[50] = SIP_HDR_PRIVACY,
		[51] = SIP_HDR_PROXY_AUTHENTICATE,
		[52] = SIP_HDR_PROXY_AUTHORIZATION,
		[53] = SIP_HDR_PROXY_REQUIRE,
		[54] = SIP_HDR_REASON,
		[55] = SIP_HDR_RECORD_ROUTE,
		[56] = SIP_HDR_REFER_TO,
		[57] = SIP_HDR_REFER_TO,
		[58] = SIP_HDR_REFERRED_BY,
		[59] = SIP_HDR_REFERRED_BY,
		[60] = SIP_HDR_REJECT_CONTACT,
		[61] = SIP_HDR_REJECT_CONTACT,
		[62] = SIP_HDR_REPLY_TO,
		[63] = SIP_HDR_REQUEST_DISPOSITION,
		[64] = SIP_HDR_REQUEST_DISPOSITION,
		[65] = SIP_HDR_REQUIRE,
		[66] = SIP_HDR_RETRY_AFTER,
		[67] = SIP_HDR_ROUTE,
		[68] = SIP_HDR_SECURITY_CLIENT,
		[69] = SIP_HDR_SECURITY_SERVER,
		[70] = SIP_HDR_SECURITY_VERIFY,
		[71] = SIP_HDR_SERVER,
		[72] = SIP_HDR_SERVICE_ROUTE,
		[73] = SIP_HDR_SESSION_EXPIRES,
		[74] = SIP_HDR_SESSION_EXPIRES,
		[75] = SIP_HDR_SUBJECT,
		[76] = SIP_HDR_SUBJECT,
		[77] = SIP_HDR_SUBSCRIPTION_STATE,
		[78] = SIP_HDR_SUPPORTED,
		[79] = SIP_HDR_SUPPORTED,
		[80] = SIP_HDR_TIMESTAMP,
		[81] = SIP_HDR_TO,
		[82] = SIP_HDR_TO,
		[83] = SIP_HDR_UNSUPPORTED,
		[84] = SIP_HDR_USER_AGENT,
		[85] = SIP_HDR_VIA,
		[86] = SIP_HDR_VIA,
		[87] = SIP_HDR_WARNING,
		[88] = SIP_HDR_WWW_AUTHENTICATE,
	},
	.e = {
		[1] = { "accept:", "\x20\x20\x20\x20\x20\x20" },
		[2] = { "accept-contact:", "\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20" },
		[3] = { "a:", "\x20" },
		[4] = { "accept-encoding:", "\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20" },
		[5] = { "accept-language:", "\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20" },
		[6] = { "alert-info:", "\x20\x20\x20\x20\x20\0\x20\x20\x20\x20" },
		[7] = { "allow:", "\x20\x20\x20\x20\x20" },
		[8] = { "allow-events:", "\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20" },
		[9] = { "u:", "\x20" },
		[10] = { "authentication-info:", "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20" },
		[11] = { "authorization:", "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[12] = { "call-id:", "\x20\x20\x20\x20\0\x20\x20" },
		[13] = { "i:", "\x20" },
		[14] = { "call-info:", "\x20\x20\x20\x20\0\x20\x20\x20\x20" },
		[15] = { "contact:", "\x20\x20\x20\x20\x20\x20\x20" },
		[16] = { "m:", "\x20" },
		[17] = { "content-disposition:", "\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[18] = { "content-encoding:", "\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20" },
		[19] = { "e:", "\x20" },
		[20] = { "content-language:", "\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20" },
		[21] = { "content-length:", "\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20" },
		[22] = { "l:", "\x20" },
		[23] = { "content-type:", "\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20" },
		[24] = { "c:", "\x20" },
		[25] = { "cseq:", "\x20\x20\x20\x20" },
		[26] = { "date:", "\x20\x20\x20\x20" },
		[27] = { "error-info:", "\x20\x20\x20\x20\x20\0\x20\x20\x20\x20" },
		[28] = { "event:", "\x20\x20\x20\x20\x20" },
		[29] = { "o:", "\x20" },
		[30] = { "expires:", "\x20\x20\x20\x20\x20\x20\x20" },
		[31] = { "from:", "\x20\x20\x20\x20" },
		[32] = { "f:", "\x20" },
		[33] = { "identity:", "\x20\x20\x20\x20\x20\x20\x20\x20" },
		[34] = { "y:", "\x20" },
		[35] = { "in-reply-to:", "\x20\x20\0\x20\x20\x20\x20\x20\0\x20\x20" },
		[36] = { "max-forwards:", "\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20" },
		[37] = { "mime-version:", "\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20" },
		[38] = { "min-expires:", "\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20" },
		[39] = { "organization:", "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[40] = { "p-access-network-info:", "\x20\0\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20" },
		[41] = { "p-asserted-identity:", "\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20" },
		[42] = { "p-associated-uri:", "\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20" },
		[43] = { "p-called-party-id:", "\x20\0\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\0\x20\x20" },
		[44] = { "p-charging-function-addresses:", "\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[45] = { "p-charging-vector:", "\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20" },
		[46] = { "p-preferred-identity:", "\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20" },
		[47] = { "p-visited-network-id:", "\x20\0\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\0\x20\x20" },
		[48] = { "path:", "\x20\x20\x20\x20" },
		[49] = { "priority:", "\x20\x20\x20\x20\x20\x20\x20\x20" },
		[50] = { "privacy:", "\x20\x20\x20\x20\x20\x20\x20" },
		[51] = { "proxy-authenticate:", "\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[52] = { "proxy-authorization:", "\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[53] = { "proxy-require:", "\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20" },
		[54] = { "reason:", "\x20\x20\x20\x20\x20\x20" },
		[55] = { "record-route:", "\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20" },
		[56] = { "refer-to:", "\x20\x20\x20\x20\x20\0\x20\x20" },
		[57] = { "r:", "\x20" },
		[58] = { "referred-by:", "\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20" },
		[59] = { "b:", "\x20" },
		[60] = { "reject-contact:", "\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20" },
		[61] = { "j:", "\x20" },
		[62] = { "reply-to:", "\x20\x20\x20\x20\x20\0\x20\x20" },
		[63] = { "request-disposition:", "\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[64] = { "d:", "\x20" },
		[65] = { "require:", "\x20\x20\x20\x20\x20\x20\x20" },
		[66] = { "retry-after:", "\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20" },
		[67] = { "route:", "\x20\x20\x20\x20\x20" },
		[68] = { "security-client:", "\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20" },
		[69] = { "security-server:", "\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20" },
		[70] = { "security-verify:", "\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20" },
		[71] = { "server:", "\x20\x20\x20\x20\x20\x20" },
		[72] = { "service-route:", "\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20" },
		[73] = { "session-expires:", "\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20" },
		[74] = { "x:", "\x20" },
		[75] = { "subject:", "\x20\x20\x20\x20\x20\x20\x20" },
		[76] = { "s:", "\x20" },
		[77] = { "subscription-state:", "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\0\x20\x20\x20\x20\x20" },
		[78] = { "supported:", "\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[79] = { "k:", "\x20" },
		[80] = { "timestamp:", "\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[81] = { "to:", "\x20\x20" },
		[82] = { "t:", "\x20" },
		[83] = { "unsupported:", "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
		[84] = { "user-agent:", "\x20\x20\x20\x20\0\x20\x20\x20\x20\x20" },
		[85] = { "via:", "\x20\x20\x20" },
		[86] = { "v:", "\x20" },
		[87] = { "warning:", "\x20\x20\x20\x20\x20\x20\x20" },
		[88] = { "www-authenticate:", "\x20\x20\x20\0\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20" },
	},
};
