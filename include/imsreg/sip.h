/* sip.h: the SIP message codec (RFC 3261): framing, header split, typed
 * header decoders on demand, and the serializer.
 *
 * Everything decoded is a view (struct slice) into the caller's buffer: keep
 * the buffer alive while the views are used. Nothing here allocates, logs
 * or keeps global state, except the encoders, which write into a struct buf.
 *
 * Errors: functions return >= 0 on success or a negative errno (-EBADMSG
 * malformed, -EAGAIN more bytes needed, -ERANGE number too large,
 * -EMSGSIZE caller array too small, -EINVAL bad argument) and, where they
 * take one, fill a struct sip_parse_error. A typed decoder writes every
 * field of its output struct when it succeeds; when it fails, the output is
 * undefined (fields may be left as they were): read it only after a
 * return >= 0. */
#ifndef IMSREG_SIP_H
#define IMSREG_SIP_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <imsreg/buf.h>
#include <imsreg/slice.h>

/* ---- header names ---------------------------------------------------- */

/* Every header the codec knows by name (long and compact forms map to one
 * id). Unknown headers are SIP_HDR_OTHER and kept as written. */
enum sip_hdr_id {
	SIP_HDR_OTHER = 0,
	SIP_HDR_ACCEPT,
	SIP_HDR_ACCEPT_CONTACT,         /* a */
	SIP_HDR_ACCEPT_ENCODING,
	SIP_HDR_ACCEPT_LANGUAGE,
	SIP_HDR_ALERT_INFO,
	SIP_HDR_ALLOW,
	SIP_HDR_ALLOW_EVENTS,           /* u */
	SIP_HDR_AUTHENTICATION_INFO,
	SIP_HDR_AUTHORIZATION,
	SIP_HDR_CALL_ID,                /* i */
	SIP_HDR_CALL_INFO,
	SIP_HDR_CONTACT,                /* m */
	SIP_HDR_CONTENT_DISPOSITION,
	SIP_HDR_CONTENT_ENCODING,       /* e */
	SIP_HDR_CONTENT_LANGUAGE,
	SIP_HDR_CONTENT_LENGTH,         /* l */
	SIP_HDR_CONTENT_TYPE,           /* c */
	SIP_HDR_CSEQ,
	SIP_HDR_DATE,
	SIP_HDR_ERROR_INFO,
	SIP_HDR_EVENT,                  /* o */
	SIP_HDR_EXPIRES,
	SIP_HDR_FROM,                   /* f */
	SIP_HDR_IDENTITY,               /* y */
	SIP_HDR_IN_REPLY_TO,
	SIP_HDR_MAX_FORWARDS,
	SIP_HDR_MIME_VERSION,
	SIP_HDR_MIN_EXPIRES,
	SIP_HDR_ORGANIZATION,
	SIP_HDR_P_ACCESS_NETWORK_INFO,
	SIP_HDR_P_ASSERTED_IDENTITY,
	SIP_HDR_P_ASSOCIATED_URI,
	SIP_HDR_P_CALLED_PARTY_ID,
	SIP_HDR_P_CHARGING_FUNCTION_ADDRESSES,
	SIP_HDR_P_CHARGING_VECTOR,
	SIP_HDR_P_PREFERRED_IDENTITY,
	SIP_HDR_P_VISITED_NETWORK_ID,
	SIP_HDR_PATH,
	SIP_HDR_PRIORITY,
	SIP_HDR_PRIVACY,
	SIP_HDR_PROXY_AUTHENTICATE,
	SIP_HDR_PROXY_AUTHORIZATION,
	SIP_HDR_PROXY_REQUIRE,
	SIP_HDR_REASON,
	SIP_HDR_RECORD_ROUTE,
	SIP_HDR_REFER_TO,               /* r */
	SIP_HDR_REFERRED_BY,            /* b */
	SIP_HDR_REJECT_CONTACT,         /* j */
	SIP_HDR_REPLY_TO,
	SIP_HDR_REQUEST_DISPOSITION,    /* d */
	SIP_HDR_REQUIRE,
	SIP_HDR_RETRY_AFTER,
	SIP_HDR_ROUTE,
	SIP_HDR_SECURITY_CLIENT,
	SIP_HDR_SECURITY_SERVER,
	SIP_HDR_SECURITY_VERIFY,
	SIP_HDR_SERVER,
	SIP_HDR_SERVICE_ROUTE,
	SIP_HDR_SESSION_EXPIRES,        /* x */
	SIP_HDR_SUBJECT,                /* s */
	SIP_HDR_SUBSCRIPTION_STATE,
	SIP_HDR_SUPPORTED,              /* k */
	SIP_HDR_TIMESTAMP,
	SIP_HDR_TO,                     /* t */
	SIP_HDR_UNSUPPORTED,
	SIP_HDR_USER_AGENT,
	SIP_HDR_VIA,                    /* v */
	SIP_HDR_WARNING,
	SIP_HDR_WWW_AUTHENTICATE,
	SIP_HDR__COUNT
};

/* The id of a header name as written (long or compact, any case). */
enum sip_hdr_id sip_hdr_lookup(struct slice name);
/* The canonical long name ("Call-ID"), or NULL for SIP_HDR_OTHER. */
const char *sip_hdr_name(enum sip_hdr_id id);
/* The compact form letter, or 0 if the header has none. */
char sip_hdr_compact(enum sip_hdr_id id);
/* True for headers RFC 3261 §7.3.1 allows as comma-separated lists. */
bool sip_hdr_is_list(enum sip_hdr_id id);
/* True for headers that may appear at most once (To, From, Call-ID, CSeq,
 * Max-Forwards, Content-Length, Expires, ...). */
bool sip_hdr_is_single(enum sip_hdr_id id);

enum sip_method {
	SIP_METHOD_OTHER = 0,
	SIP_METHOD_REGISTER,
	SIP_METHOD_INVITE,
	SIP_METHOD_ACK,
	SIP_METHOD_BYE,
	SIP_METHOD_CANCEL,
	SIP_METHOD_OPTIONS,
	SIP_METHOD_SUBSCRIBE,
	SIP_METHOD_NOTIFY,
	SIP_METHOD_MESSAGE,
	SIP_METHOD_PRACK,
	SIP_METHOD_UPDATE,
	SIP_METHOD_REFER,
	SIP_METHOD_INFO,
	SIP_METHOD_PUBLISH,
};
/* Method names are case-sensitive (RFC 3261 §7.1). */
enum sip_method sip_method_lookup(struct slice name);

/* ---- errors ---------------------------------------------------------- */

struct sip_parse_error {
	int code;            /* negative errno */
	size_t offset;       /* byte offset in the buffer given to sip_msg_parse */
	const char *at;      /* the offending byte, inside the caller's buffer */
	enum sip_hdr_id hdr; /* header being read, SIP_HDR_OTHER if none */
	const char *reason;  /* static text: what was expected or found */
};

/* A syntax error of a header value outside a message's parse: err (when
 * not NULL) gets -EBADMSG, at, reason and SIP_HDR_OTHER; returns -EBADMSG. */
static inline int sip_value_fail(struct sip_parse_error *err, const char *at, const char *reason)
{
	if (err) {
		err->code = -EBADMSG;
		err->at = at;
		err->hdr = SIP_HDR_OTHER;
		err->reason = reason;
	}
	return -EBADMSG;
}

/* Fills err->offset from err->at for a message parsed from buf. */
void sip_error_locate(struct sip_parse_error *err, const char *buf, size_t len);

/* ---- the message ----------------------------------------------------- */

/* One header field as written. value is trimmed of surrounding LWS and may
 * contain folded line breaks (CRLF SP), which every decoder treats as LWS. */
struct sip_hdr {
	enum sip_hdr_id id;
	struct slice name;
	struct slice value;
	uint32_t offset;     /* offset of the name in the message buffer */
	uint16_t next;       /* index of the next header with the same id, or SIP_HDR_NONE */
};
#define SIP_HDR_NONE 0xffff

enum sip_parse_flags {
	/* Stream (TCP): the body is exactly Content-Length bytes, which is
	 * mandatory; returns -EAGAIN until the whole message is there. Without
	 * it (datagram) the body is the rest of the buffer, Content-Length may
	 * be absent, and bytes past Content-Length are ignored. */
	SIP_PARSE_STREAM = 1 << 0,
	/* Lenient: accept bare LF line ends, a missing empty line at the end
	 * of the buffer, and a Content-Length larger than the body (all noted
	 * in msg->repairs). For text people paste, not for the wire. */
	SIP_PARSE_LENIENT = 1 << 1,
};

enum sip_repair {
	SIP_REPAIR_BARE_LF = 1 << 0,          /* LF without CR ended a line */
	SIP_REPAIR_NO_EMPTY_LINE = 1 << 1,    /* headers ended at the end of input */
	SIP_REPAIR_SHORT_BODY = 1 << 2,       /* Content-Length larger than the body */
	SIP_REPAIR_NO_CONTENT_LENGTH = 1 << 3 /* stream message without Content-Length */
};

/* A parsed message: a view into the caller's buffer plus the caller's
 * header array (see sip_msg_init). */
struct sip_msg {
	const char *buf;
	size_t len;              /* bytes consumed: head + body */
	bool is_request;
	/* request line */
	struct slice method;
	enum sip_method method_id;
	struct slice ruri;
	/* status line */
	uint32_t status;
	struct slice reason;
	struct slice version;    /* "SIP/2.0" */
	struct slice start_line; /* the whole first line without CRLF */
	/* headers, in order */
	struct sip_hdr *hdrs;
	uint16_t nhdrs;
	uint16_t max_hdrs;
	uint16_t first[SIP_HDR__COUNT]; /* index of the first header of an id, or SIP_HDR_NONE */
	uint16_t repeat;         /* index of the first header that repeats an id allowing one
				  * value (sip_hdr_is_single), or SIP_HDR_NONE */
	size_t head_len;         /* start line + headers + empty line */
	struct slice body;
	bool has_content_length;
	uint32_t content_length;
	unsigned repairs;        /* enum sip_repair bits (lenient mode) */
};

/* Prepares msg to parse into the caller's array of max header slots. */
void sip_msg_init(struct sip_msg *msg, struct sip_hdr *hdrs, uint16_t max);

/* Parses one message at the start of buf: start line, header split (names
 * identified, values trimmed, folding kept in place), body framing. One
 * pass, no allocation. Returns the bytes consumed (head + body), -EAGAIN
 * when buf ends before the message does (stream, or head incomplete),
 * -EBADMSG with err filled, or -EMSGSIZE when the header array is full. */
int sip_msg_parse(struct sip_msg *msg, const char *buf, size_t len, unsigned flags,
		  struct sip_parse_error *err);

/* Parses header fields that come without a start line (a block of them
 * pasted alone) at the start of buf, as sip_msg_parse parses those after
 * its start line: up to the empty line (or, SIP_PARSE_LENIENT, the end of
 * buf), then the body by Content-Length. msg has no start line: start_line,
 * method and reason are SLICE_NULL, is_request false and status 0, which
 * tells such a msg apart (sip_msg_is_fields). Returns as sip_msg_parse. */
int sip_fields_parse(struct sip_msg *msg, const char *buf, size_t len, unsigned flags,
		     struct sip_parse_error *err);

/* msg holds header fields alone (sip_fields_parse), no request or response. */
static inline bool sip_msg_is_fields(const struct sip_msg *msg)
{
	return !msg->is_request && msg->status == 0;
}

/* Iteration over the headers of one id, in message order. */
const struct sip_hdr *sip_hdr_first(const struct sip_msg *msg, enum sip_hdr_id id);
const struct sip_hdr *sip_hdr_next(const struct sip_msg *msg, const struct sip_hdr *h);
/* The next field after prev (NULL: the first) that has no id of the
 * codec's (SIP_HDR_OTHER) and is named name, in any case: the fields an
 * upper layer knows by name (Cellular-Network-Info, Feature-Caps). It walks
 * the SIP_HDR_OTHER chain; prev is a field of that chain. */
const struct sip_hdr *sip_hdr_next_named(const struct sip_msg *msg, const struct sip_hdr *prev,
					 const char *name);
/* Number of header fields of an id. */
unsigned sip_hdr_count(const struct sip_msg *msg, enum sip_hdr_id id);

/* Decodes one header field of msg with the typed decoder of its id, every
 * element of a list (a field of unknown syntax is checked to be text,
 * RFC 3261 §25.1): 0, or a negative errno with err filled (hdr, at, offset,
 * reason). A list with no element is an error but for Allow, Supported,
 * Accept and P-Associated-URI, which may be empty. What sip_msg_check does
 * for each field, without the rules that span fields (single-value fields
 * repeated, CSeq method, "*" Contact). */
int sip_hdr_check(const struct sip_msg *msg, const struct sip_hdr *h, struct sip_parse_error *err);

/* Decodes every header of msg whose syntax the codec knows (the "full typed
 * parse"), the request URI included: 0, or the first error (err->hdr says
 * which header, err->offset where). Single-value headers repeated and
 * Content-Length disagreeing with the body are errors here, and so is a
 * control byte in a response's Reason-Phrase. */
int sip_msg_check(const struct sip_msg *msg, struct sip_parse_error *err);
/* The first byte of a response's Reason-Phrase that RFC 3261 §25.1 does
 * not allow there (a control byte but HTAB, a bare CR too), or NULL (also
 * for a request and for fields pasted alone): what sip_msg_check refuses. */
const char *sip_reason_ctl(const struct sip_msg *msg);

/* ---- lists and parameters -------------------------------------------- */

/* Comma-separated list elements (RFC 3261 §7.3.1) across one header value;
 * commas inside quoted strings and <...> do not split. */
struct sip_list {
	const char *p;
	const char *end;
};
void sip_list_init(struct sip_list *it, struct slice value);
/* Next element, trimmed of LWS: 1, 0 at the end, or -EBADMSG (empty
 * element, unterminated quote or '<'). */
int sip_list_next(struct sip_list *it, struct slice *item, struct sip_parse_error *err);

/* One generic-param: name [= token / host / quoted-string]. For a quoted
 * value, value is the content between the quotes and quoted is true. */
struct sip_param {
	struct slice name;
	struct slice value; /* SLICE_NULL when the parameter has no value */
	bool quoted;
};
/* Iteration over ";name=value;name" (leading ';' optional). */
struct sip_param_it {
	const char *p;
	const char *end;
};
void sip_param_it_init(struct sip_param_it *it, struct slice params);
/* 1, 0 at the end, or -EBADMSG (empty parameter, bad token, unterminated
 * quote). */
int sip_param_next(struct sip_param_it *it, struct sip_param *p, struct sip_parse_error *err);
/* Looks up a parameter by name (case-insensitive): true when found. */
bool sip_param_find(struct slice params, const char *name, struct sip_param *out);

/* ---- URIs (RFC 3261 §19.1, RFC 3966 tel, RFC 5118 IPv6) --------------- */

enum sip_uri_scheme {
	SIP_URI_OTHER = 0, /* any other absoluteURI (urn:, http:, ...): see opaque */
	SIP_URI_SIP,
	SIP_URI_SIPS,
	SIP_URI_TEL,
};

enum sip_host_type {
	SIP_HOST_NONE = 0,
	SIP_HOST_NAME,
	SIP_HOST_IPV4,
	SIP_HOST_IPV6,     /* host is written with brackets: "[2001:db8::1]" */
};

struct sip_uri {
	enum sip_uri_scheme scheme;
	struct slice scheme_name;    /* as written */
	struct slice user;           /* sip/sips userinfo user (escaped as written); tel: the number */
	struct slice password;
	struct slice host;           /* as written; IPv6 keeps its brackets */
	enum sip_host_type host_type;
	bool has_port;
	uint16_t port;
	struct slice params;         /* ";a=b;lr" as written (without the first ';'), or SLICE_NULL */
	struct slice headers;        /* after '?', or SLICE_NULL */
	struct slice opaque;         /* other schemes: everything after "scheme:" */
	/* well-known uri-parameters, SLICE_NULL when absent */
	struct slice transport;
	struct slice user_param;     /* user=phone */
	struct slice maddr;
	struct slice ttl;
	struct slice method;
	bool lr;
};

/* Decodes a whole URI: 0, -EBADMSG, -ERANGE (port over 65535) or -EINVAL
 * (absent slice). Embedded LWS is an error; sip/sips user parts keep
 * escapes and ';' as written; tel: puts the number in user. The typed
 * decoders below fill err->code, err->at (the offending byte, inside the
 * input) and err->reason; err->hdr and err->offset are the caller's. */
int sip_uri_decode(struct sip_uri *uri, struct slice s, struct sip_parse_error *err);
/* Decodes a host[:port] (hostname, IPv4, [IPv6]) as in Via sent-by. */
int sip_hostport_decode(struct slice s, struct slice *host, enum sip_host_type *type,
			bool *has_port, uint16_t *port, struct sip_parse_error *err);
/* Whether two decoded URIs are equal as RFC 3261 §19.1.4 compares sip: and
 * sips: URIs (userinfo case-sensitive, the rest in any case, escapes of
 * unreserved characters equal to the characters, parameters in any order,
 * user/ttl/method/maddr/transport in one URI only never equal, other
 * parameters in one only ignored, headers all matched; hosts written as IP
 * addresses, and maddr values, compared as addresses, RFC 5954 §4), RFC 3966
 * §4 tel: URIs (visual separators ignored, every parameter in both) and
 * RFC 8141 §3.1 urn: (NID and %-escapes in any case, r/q/f-components
 * ignored; a uuid in any case, RFC 4122 §3). Other schemes: the scheme in
 * any case, the rest byte for byte. Like §19.1.4 it is not
 * transitive (a parameter in one URI only is ignored). */
bool sip_uri_equal(const struct sip_uri *a, const struct sip_uri *b);
/* The host as sip_uri_equal compares it, written one way, into out (cap
 * bytes, NUL-ended): an IPv4 address or an IPv6 reference as inet_ntop
 * writes it (RFC 5952's form: "[2001:DB8:0::1]" -> "[2001:db8::1]"), a name
 * in lower case. Hosts sip_uri_equal finds equal get the same text. Its
 * length, or 0 when it does not fit (or host is absent). */
size_t sip_host_canonical(struct slice host, enum sip_host_type type, char *out, size_t cap);
/* A sip:, sips: or tel: URI written one way, its parameters and headers
 * left out, into out (cap bytes, NUL-ended): the scheme; the user and
 * password with the escapes of unreserved printable characters decoded and
 * the others (reserved, controls, non-ASCII) as escapes in upper case; the
 * key is text (no NUL, no control byte); the host as sip_host_canonical writes it;
 * the port when there is one; a tel number in lower case without visual
 * separators. URIs that sip_uri_equal finds equal get the same key (a
 * key for binding and identity tables); URIs that differ only in their
 * parameters get it too. Its length, or 0 for another scheme or when it
 * does not fit. */
size_t sip_uri_key(const struct sip_uri *u, char *out, size_t cap);
/* The name of the first parameter of a sip:, sips: or tel: URI that
 * repeats an earlier one's (RFC 3261 §19.1.1: "any given parameter-name
 * MUST NOT appear more than once"; RFC 3966 §3 the same of a tel URI's
 * pname, ext, isub and phone-context), names equal as sip_uri_equal
 * compares them (any case, escapes of unreserved characters decoded), among
 * its first `looked` parameters (a pairwise compare: the bound keeps it
 * cheap on a URI of thousands of parameters); SLICE_NULL when none, or for
 * another scheme. */
struct slice sip_uri_param_repeat(const struct sip_uri *u, size_t looked);
/* The telephone-subscriber parameters of u ("a=b;c", without the first
 * ';'): a tel: URI's, or those in the user part of a sip:/sips: URI with
 * user=phone (RFC 3261 §19.1.6); SLICE_NULL for another URI or none. */
struct slice sip_uri_tel_params(const struct sip_uri *u);
/* The first of the telephone-subscriber parameters params written out of
 * RFC 3966 §3's order ("isdn-subaddress or extension MUST appear first, if
 * present, followed by the context parameter, if present, followed by any
 * other parameters in lexicographical order"), names compared in any case
 * with escapes decoded; *after (when not NULL) gets the parameter written
 * before it that it should precede. SLICE_NULL when in order. A repeated
 * name is in order here (sip_uri_param_repeat reports it). */
struct slice sip_tel_param_misorder(struct slice params, struct slice *after);

/* ---- name-addr / addr-spec (From, To, Contact, Route, Path, ...) ------ */

enum sip_addr_flags {
	SIP_ADDR_ALLOW_STAR = 1 << 0, /* Contact: "*" */
	/* name-addr only, no bare addr-spec: Route, Record-Route, Path,
	 * Service-Route, P-Associated-URI (RFC 3261 §25, RFC 3327, RFC 3608,
	 * RFC 7315) */
	SIP_ADDR_NAME_ADDR = 1 << 1,
};

struct sip_addr {
	bool star;               /* Contact: * */
	bool angle;              /* name-addr form: the URI is inside <...> */
	struct slice display;    /* as written (quotes kept when quoted), or SLICE_NULL */
	bool display_quoted;
	struct slice uri_text;   /* the URI as written, without <> */
	struct sip_uri uri;
	/* header parameters after the URI (addr-spec: RFC 3261 §20.10, every
	 * ';' after the URI starts a header parameter) */
	struct slice params;     /* without the first ';', or SLICE_NULL */
	struct slice tag;
	struct slice expires_text;
	bool has_expires;
	uint32_t expires;        /* delta-seconds, saturated at 2^32-1 */
	bool expires_saturated;  /* expires_text was larger than 2^32-1 */
	struct slice q;
};

/* Decodes one element of an address header: 0, -EBADMSG, -ERANGE (URI
 * port) or -EINVAL (absent slice). A Contact expires over 2^32-1 is not an
 * error (see expires_saturated). */
int sip_addr_decode(struct sip_addr *addr, struct slice value, unsigned flags,
		    struct sip_parse_error *err);

/* ---- Via (RFC 3261 §20.42, RFC 3581 rport) ---------------------------- */

struct sip_via {
	struct slice protocol;   /* "SIP" */
	struct slice version;    /* "2.0" */
	struct slice transport;  /* UDP TCP TLS SCTP WS WSS or any token */
	struct slice host;
	enum sip_host_type host_type;
	bool has_port;
	uint16_t port;
	struct slice params;     /* without the first ';' */
	struct slice branch;
	struct slice received;
	struct slice maddr;
	struct slice ttl;
	bool has_rport;
	struct slice rport;      /* value, may be empty */
};
/* One element of a Via header: 0, -EBADMSG, -ERANGE (port or rport over
 * 65535) or -EINVAL (absent slice). */
int sip_via_decode(struct sip_via *via, struct slice value, struct sip_parse_error *err);

/* ---- scalar headers --------------------------------------------------- */

struct sip_cseq {
	uint32_t seq;
	struct slice method;
	enum sip_method method_id;
};
/* "1 REGISTER": seq must fit 32 bits (-ERANGE otherwise). */
int sip_cseq_decode(struct sip_cseq *cseq, struct slice value, struct sip_parse_error *err);

/* A header that is one decimal number (Expires, Min-Expires, Max-Forwards,
 * Content-Length): 0, -EBADMSG, or -ERANGE over 2^32-1. */
int sip_u32_decode(uint32_t *out, struct slice value, struct sip_parse_error *err);

/* MIME-Version: 1*DIGIT "." 1*DIGIT (RFC 3261 §20.24, §25.1), each part
 * to 2^32-1: 0, -EBADMSG (an empty value too), -ERANGE. */
int sip_mime_version_decode(uint32_t *major, uint32_t *minor, struct slice value, struct sip_parse_error *err);

/* Call-ID: word ["@" word] (RFC 3261 §25.1). */
struct sip_call_id {
	struct slice local;
	struct slice host;       /* after '@', or SLICE_NULL */
};
int sip_call_id_decode(struct sip_call_id *cid, struct slice value, struct sip_parse_error *err);

/* One token list element (Require, Proxy-Require, Supported, Unsupported,
 * Allow, Privacy): the element must be a single token. */
int sip_token_decode(struct slice *token, struct slice item, struct sip_parse_error *err);

/* Warning: warn-code SP warn-agent SP warn-text (RFC 3261 §20.43). */
struct sip_warning {
	uint16_t code;
	struct slice agent;
	struct slice text;       /* content of the quoted string */
};
int sip_warning_decode(struct sip_warning *w, struct slice value, struct sip_parse_error *err);

/* Retry-After: delta-seconds [comment] *(;retry-param), retry-param =
 * duration=delta-seconds / generic-param (RFC 3261 §20.33, §25). */
struct sip_retry_after {
	uint32_t seconds;        /* saturated at 2^32-1 */
	struct slice comment;    /* the comment's content, or SLICE_NULL */
	struct slice params;     /* without the first ';', or SLICE_NULL */
	bool has_duration;
	uint32_t duration;       /* seconds */
};
int sip_retry_after_decode(struct sip_retry_after *ra, struct slice value,
			   struct sip_parse_error *err);

/* Date: rfc1123-date, GMT only (RFC 3261 §20.17). */
struct sip_date {
	int year, month, day;    /* month 1-12 */
	int hour, minute, second;
	int weekday;             /* 0 = Sunday */
};
int sip_date_decode(struct sip_date *d, struct slice value, struct sip_parse_error *err);

/* User-Agent / Server: product and comment tokens. */
struct sip_product_it {
	const char *p;
	const char *end;
};
struct sip_product {
	struct slice name;       /* product token, or SLICE_NULL for a comment */
	struct slice version;    /* after '/', or SLICE_NULL */
	struct slice comment;    /* "(...)" content, when this element is a comment */
};
void sip_product_it_init(struct sip_product_it *it, struct slice value);
int sip_product_next(struct sip_product_it *it, struct sip_product *p, struct sip_parse_error *err);

/* A token or quoted-string followed by generic params (P-Visited-Network-ID
 * element, P-Access-Network-Info access type, Content-Type, Event ...). A
 * media type "type/subtype" (SWS around '/') is taken as one value. */
struct sip_tokparams {
	struct slice value;      /* token, or quoted-string content */
	bool quoted;
	bool media;              /* value is type "/" subtype */
	struct slice params;     /* without the first ';', or SLICE_NULL */
};
int sip_tokparams_decode(struct sip_tokparams *tp, struct slice value, struct sip_parse_error *err);

/* What a field's grammar takes where sip_tokparams_decode reads a token, a
 * quoted-string or a media type: only Content-Type takes type/subtype, and
 * only P-Visited-Network-ID a quoted-string. */
enum sip_tok_shape {
	SIP_TOK_TOKEN,         /* Subscription-State (RFC 6665 §8.2.3), Content-Disposition
				* (RFC 3261 §20.11), Priority (§20.26), Reason (RFC 3326 §2),
				* P-Access-Network-Info (RFC 7315 §4.4) */
	SIP_TOK_TOKEN_QUOTED,  /* token / quoted-string: P-Visited-Network-ID (RFC 7315 §4.3) */
	SIP_TOK_EVENT_TYPE,    /* token-nodot *("." token-nodot): Event (RFC 6665 §8.4) */
	SIP_TOK_DELTA_SECONDS, /* 1*DIGIT: Session-Expires (RFC 4028 §4) */
};
/* 0 when tp (as sip_tokparams_decode wrote it) has the value shape takes;
 * otherwise -EBADMSG with err (sip_value_fail) at the first byte it does
 * not take (the opening quote of a quoted-string). */
int sip_tokparams_shape_check(const struct sip_tokparams *tp, enum sip_tok_shape shape,
			      struct sip_parse_error *err);

/* ---- authentication headers (RFC 3261 §20.7 §20.27 §20.44 §20.6, RFC 7616,
 *      RFC 3310, TS 24.229 §7.2A.1) ------------------------------------- */

enum sip_auth_field {
	SIP_AUTH_USERNAME,
	SIP_AUTH_REALM,
	SIP_AUTH_NONCE,
	SIP_AUTH_URI,
	SIP_AUTH_RESPONSE,
	SIP_AUTH_ALGORITHM,
	SIP_AUTH_CNONCE,
	SIP_AUTH_OPAQUE,
	SIP_AUTH_QOP,
	SIP_AUTH_NC,
	SIP_AUTH_AUTS,
	SIP_AUTH_DOMAIN,
	SIP_AUTH_STALE,
	SIP_AUTH_USERHASH,
	SIP_AUTH_CHARSET,
	SIP_AUTH_RSPAUTH,
	SIP_AUTH_NEXTNONCE,
	SIP_AUTH_INTEGRITY_PROTECTED, /* TS 24.229 */
	SIP_AUTH_CK,                  /* TS 29.228-style ck/ik seen in 401s */
	SIP_AUTH_IK,
	SIP_AUTH__COUNT
};
/* The parameter name of a field ("username"). */
const char *sip_auth_field_name(enum sip_auth_field f);

/* Credentials (Authorization), a challenge (WWW-Authenticate) or
 * Authentication-Info (scheme absent). Fields are SLICE_NULL when absent;
 * a quoted value is the content between the quotes. */
struct sip_auth {
	struct slice scheme;         /* "Digest", or SLICE_NULL for Authentication-Info */
	struct slice field[SIP_AUTH__COUNT];
	uint32_t quoted;             /* bit (1 << field) set when the value was quoted */
	bool has_nc;
	uint32_t nc;                 /* nc as a number (8 hex digits) */
	struct slice params;         /* all auth-params as written, after the scheme */
	unsigned nparams;            /* number of auth-params, known or not */
};
/* Decodes one challenge or credentials from value; when the field carries
 * another one after a comma (which RFC 3261 §7.3.1 forbids, but is seen),
 * *rest is that remainder, else SLICE_NULL. 0 or -EBADMSG (duplicate
 * parameter, bad nc, ...). A scheme alone ("Digest") decodes with no
 * parameters; after a comma a scheme is followed by white space and more (a
 * token alone at the end is an auth-param without its '='). err gets code,
 * at and reason; hdr and offset are the caller's. */
int sip_auth_decode(struct sip_auth *auth, struct slice value, struct slice *rest,
		    struct sip_parse_error *err);
/* Authentication-Info: a comma list of auth-params, no scheme. */
int sip_auth_info_decode(struct sip_auth *auth, struct slice value, struct sip_parse_error *err);

/* ---- Security-Client / -Server / -Verify (RFC 3329, TS 33.203) -------- */

struct sip_sec_mech {
	struct slice mechanism;      /* "ipsec-3gpp", "tls", "digest", ... */
	struct slice params;         /* without the first ';' */
	struct slice q;
	struct slice alg, ealg, prot, mod;
	struct slice d_alg, d_qop, d_ver;
	bool has_spi_c, has_spi_s, has_port_c, has_port_s;
	uint32_t spi_c, spi_s;
	uint16_t port_c, port_s;
};
/* One list element: 0 or -EBADMSG (-ERANGE for a spi or port too large). */
int sip_sec_mech_decode(struct sip_sec_mech *m, struct slice value, struct sip_parse_error *err);

/* ---- multipart bodies (RFC 2046 §5.1.1; in SIP RFC 5621) -------------- */

/* One part of a multipart body: slices of the body given to
 * sip_multipart_split. */
struct sip_body_part {
	struct slice head;         /* its header lines, without the empty line after them
				    * (empty slice at the part's start when it has none) */
	struct slice content_type; /* its Content-Type value, trimmed, or SLICE_NULL:
				    * text/plain (RFC 2046 §5.1) */
	struct slice body;         /* its content, without the line end before the next
				    * boundary line */
};

/* The media type of a Content-Type value ("multipart/mixed" of
 * "multipart/mixed;boundary=b"): without its parameters, trimmed;
 * SLICE_NULL for SLICE_NULL. */
struct slice sip_media_type(struct slice content_type);

/* The boundary of a Content-Type value (media type and parameters, as in
 * the header): 1 with *boundary set (quotes removed) when the type is
 * multipart, 0 when it is not (*boundary SLICE_NULL), -EBADMSG when it is
 * multipart without a valid boundary parameter (RFC 2046 §5.1.1: 1 to 70
 * bchars, the last not a space) or the value does not decode. */
int sip_multipart_boundary(struct slice content_type, struct slice *boundary,
			   struct sip_parse_error *err);

/* Splits body, a multipart body with boundary, into its parts: the first
 * cap into parts, their count in *n. A boundary line is "--" boundary at a
 * line's start, then white space and the line end ("--" after it: the
 * last); the text before the first and after the last is ignored. Line
 * ends are CRLF, or LF alone (pasted text). Returns 0, -EBADMSG (no
 * boundary line; a part's header line without ':'; no closing boundary
 * line: *n and parts hold the parts before the error, the last of them
 * running to the body's end) or -E2BIG (more than cap parts). */
int sip_multipart_split(struct slice body, struct slice boundary, struct sip_body_part *parts,
			size_t cap, size_t *n, struct sip_parse_error *err);

/* ---- encoding ---------------------------------------------------------- */

/* Writers of the canonical text of each typed value (no header name, no
 * CRLF). Errors are sticky in b->err. Parameters present as written
 * (params) are rewritten one by one without LWS; when params is absent the
 * well-known fields are written instead (a value built from scratch).
 * sip_auth_encode writes the known fields in enum order (quoted when their
 * `quoted` bit is set or the value is not a token), then the unknown
 * auth-params of params; sip_sec_mech_encode likewise (alg ealg prot mod
 * spi-c spi-s port-c port-s q d-alg d-qop d-ver, then the others). */
void sip_uri_encode(struct buf *b, const struct sip_uri *uri);
void sip_addr_encode(struct buf *b, const struct sip_addr *addr);
void sip_via_encode(struct buf *b, const struct sip_via *via);
void sip_cseq_encode(struct buf *b, const struct sip_cseq *cseq);
void sip_auth_encode(struct buf *b, const struct sip_auth *auth);
void sip_sec_mech_encode(struct buf *b, const struct sip_sec_mech *m);
/* "Name: value\r\n" with the canonical long name (or the name as written
 * for unknown headers). */
void sip_hdr_encode(struct buf *b, enum sip_hdr_id id, struct slice name, struct slice value);
/* Writes msg in canonical form: start line, each header with its long
 * name, values unfolded and re-encoded from their typed form where the
 * codec knows it, Content-Length from the body, then the body. Returns 0 or
 * the first error of a typed decode (that value is then copied exactly as
 * written, folding kept, so a re-parse fails the same way). */
int sip_msg_encode(struct buf *b, const struct sip_msg *msg);

#endif
