/* reginfo.c: the XML bodies of a registration: the registration state
 * document of the reg event package (RFC 3680 §5; application/reginfo+xml),
 * as an S-CSCF sends it in NOTIFY to the UE and the P-CSCF (TS 24.229
 * §5.4.2.1.2), with the GRUUs of RFC 5628; and the 3GPP IM CN subsystem
 * XML body (TS 24.229 §7.6; application/3gpp-ims+xml): a third-party
 * REGISTER's service information, a network's alternative service. XML
 * is read by libxml2: no network, no external entity, no DTD; what is
 * kept is copied into fixed fields, so nothing of libxml2 outlives the
 * call. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlversion.h>
#include <libxml/tree.h>
#include <imsreg/ims.h>

#define NS_REGINFO "urn:ietf:params:xml:ns:reginfo"
#define NS_GRUUINFO "urn:ietf:params:xml:ns:gruuinfo"

/* A body larger than this is not read (a reginfo document lists one
 * user's registrations: kilobytes). */
#define REGINFO_MAX_BODY (1u << 20)

static bool in_ns(const xmlNode *n, const char *ns)
{
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

/* An element of namespace ns, or of none: a document written without
 * xmlns is read (and said, at its root) rather than refused. */
static bool is_elem(const xmlNode *n, const char *ns, const char *name)
{
	return n->type == XML_ELEMENT_NODE && (in_ns(n, ns) || !n->ns) &&
	       strcmp((const char *)n->name, name) == 0;
}

/* Copies s (NULL: "") into out (cap bytes); a value cut short sets
 * ri->truncated. */
static void copy_text(struct ims_reginfo *ri, char *out, size_t cap, const xmlChar *s)
{
	size_t n = s ? strlen((const char *)s) : 0;
	if (n >= cap) {
		n = cap - 1;
		ri->truncated = true;
	}
	memcpy(out, s ? (const char *)s : "", n);
	out[n] = '\0';
}

/* The attribute name of n (no namespace), copied; false when absent. */
static bool attr(struct ims_reginfo *ri, const xmlNode *n, const char *name, char *out, size_t cap)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	copy_text(ri, out, cap, v);
	bool present = v != NULL;
	xmlFree(v);
	return present;
}

/* An unsigned attribute (RFC 3680: xs:unsignedLong): false when absent;
 * when present and not digits, *bad names it. */
static bool attr_u32(struct ims_reginfo *ri, const xmlNode *n, const char *name, uint32_t *out,
		     const char **bad)
{
	char v[32];
	if (!attr(ri, n, name, v, sizeof v))
		return false;
	int rc = slice_u32(slice_cstr(v), out);
	if (rc == -EINVAL) {
		if (!*bad)
			*bad = name;
		return false;
	}
	if (rc == -ERANGE)
		*out = UINT32_MAX; /* saturated */
	return true;
}

static bool one_of(const char *v, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(v, *set) == 0)
			return true;
	return false;
}

static const char *const reg_states[] = { "init", "active", "terminated", NULL };
static const char *const contact_states[] = { "active", "terminated", NULL };
static const char *const contact_events[] = { "registered", "created", "refreshed", "shortened",
					      "expired", "deactivated", "probation", "unregistered",
					      "rejected", NULL };

/* Notes the first problem of the document (the later ones are like it). */
/* The first departure from a document's schema, with the line of n (0
 * without one): both readers keep only the first (the later ones follow
 * from it more often than not). */
static void first_problem(char *buf, size_t cap, unsigned *line, const xmlNode *n, const char *fmt,
			  va_list ap) __attribute__((format(printf, 5, 0)));
static void first_problem(char *buf, size_t cap, unsigned *line, const xmlNode *n, const char *fmt,
			  va_list ap)
{
	if (buf[0])
		return;
	vsnprintf(buf, cap, fmt, ap);
	*line = n ? (unsigned)xmlGetLineNo(n) : 0;
}

static void problem(struct ims_reginfo *ri, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct ims_reginfo *ri, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	first_problem(ri->problem, sizeof ri->problem, &ri->problem_line, n, fmt, ap);
	va_end(ap);
}

static void contact_read(struct ims_reginfo *ri, const xmlNode *n, unsigned reg)
{
	if (ri->ncontacts >= IMS_REGINFO_MAX_CONTACTS) {
		ri->dropped++;
		return;
	}
	struct ims_reginfo_contact *c = &ri->contacts[ri->ncontacts++];
	memset(c, 0, sizeof *c);
	c->reg = reg;
	c->line = (unsigned)xmlGetLineNo(n);
	const char *bad = NULL;
	attr(ri, n, "id", c->id, sizeof c->id);
	if (!attr(ri, n, "state", c->state, sizeof c->state))
		problem(ri, n, "a <contact> without its state attribute");
	else if (!one_of(c->state, contact_states))
		problem(ri, n, "contact state \"%s\" is none of active, terminated", c->state);
	if (!attr(ri, n, "event", c->event, sizeof c->event))
		problem(ri, n, "a <contact> without its event attribute");
	else if (!one_of(c->event, contact_events))
		problem(ri, n, "contact event \"%s\" is none of RFC 3680 §5.1", c->event);
	c->has_expires = attr_u32(ri, n, "expires", &c->expires, &bad);
	c->has_retry_after = attr_u32(ri, n, "retry-after", &c->retry_after, &bad);
	c->has_duration = attr_u32(ri, n, "duration-registered", &c->duration, &bad);
	if (bad)
		problem(ri, n, "contact attribute %s is not a number of seconds", bad);
	attr(ri, n, "q", c->q, sizeof c->q);
	attr(ri, n, "callid", c->callid, sizeof c->callid);
	for (const xmlNode *k = n->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (is_elem(k, NS_REGINFO, "uri")) {
			xmlChar *t = xmlNodeGetContent(k);
			copy_text(ri, c->uri, sizeof c->uri, t);
			xmlFree(t);
		} else if (is_elem(k, NS_REGINFO, "unknown-param")) {
			/* the contact's parameters the registrar keeps:
			 * +sip.instance is the one IMS reads (RFC 5626) */
			char name[32];
			attr(ri, k, "name", name, sizeof name);
			c->nparams++;
			if (strcmp(name, "+sip.instance") == 0) {
				xmlChar *t = xmlNodeGetContent(k);
				copy_text(ri, c->instance, sizeof c->instance, t);
				xmlFree(t);
			}
		} else if (is_elem(k, NS_GRUUINFO, "pub-gruu")) {
			attr(ri, k, "uri", c->pub_gruu, sizeof c->pub_gruu);
		} else if (is_elem(k, NS_GRUUINFO, "temp-gruu")) {
			attr(ri, k, "uri", c->temp_gruu, sizeof c->temp_gruu);
		}
	}
	if (!c->uri[0])
		problem(ri, n, "a <contact> without its <uri>");
}

/* libxml2 reports some errors (an encoding the document declares but does
 * not follow) through its global handlers, to stderr, whatever the parse
 * options: they are kept quiet for the parse, the caller's restored after. */
static void quiet_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* the handler's type took a const error in libxml2 2.12 */
#if LIBXML_VERSION >= 21200
static void quiet_structured(void *ctx, const xmlError *e)
#else
static void quiet_structured(void *ctx, xmlErrorPtr e)
#endif
{
	(void)ctx;
	(void)e;
}

/* Parses body as XML (no network, no entity substitution, no DTD,
 * quiet): 0 with *doc, or -EBADMSG (empty, or not well-formed: err says
 * why, in one line, at *err_line of the body), -EMSGSIZE (over
 * REGINFO_MAX_BODY), -ENOMEM. *ctxt and *doc are the caller's to free
 * with xml_done, also on failure. */
static int xml_read(struct slice body, xmlParserCtxtPtr *ctxt, xmlDocPtr *doc, char *err, size_t errcap,
		    unsigned *err_line)
{
	*doc = NULL;
	*ctxt = NULL;
	if (!body.ptr || body.len == 0) {
		snprintf(err, errcap, "empty body");
		return -EBADMSG;
	}
	if (body.len > REGINFO_MAX_BODY || body.len > INT32_MAX) {
		snprintf(err, errcap, "body larger than %u bytes", REGINFO_MAX_BODY);
		return -EMSGSIZE;
	}
	*ctxt = xmlNewParserCtxt();
	if (!*ctxt)
		return -ENOMEM;
	xmlGenericErrorFunc generic = xmlGenericError;
	void *generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc structured = xmlStructuredError;
	void *structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet_generic);
	xmlSetStructuredErrorFunc(NULL, quiet_structured);
	*doc = xmlCtxtReadMemory(*ctxt, body.ptr, (int)body.len, NULL, NULL,
				 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetGenericErrorFunc(generic_ctx, generic);
	xmlSetStructuredErrorFunc(structured_ctx, structured);
	if (*doc)
		return 0;
	const xmlError *e = xmlCtxtGetLastError(*ctxt);
	char msg[120] = "not well-formed XML";
	if (e && e->message) {
		snprintf(msg, sizeof msg, "%s", e->message);
		size_t n = strlen(msg);
		while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		/* libxml2 puts a line break inside some ("... indicate
		 * encoding !\nBytes: 0xE9 ..."): one line of text */
		for (char *c = msg; *c; c++)
			if ((unsigned char)*c < 0x20)
				*c = ' ';
	}
	/* bytes that are not UTF-8 in a document that declares no other
	 * encoding: libxml2's "Input is not proper UTF-8, indicate encoding !
	 * Bytes: 0xE9 ..." said in our words */
	const char *bytes = strstr(msg, "Bytes: ");
	if (e && (e->code == XML_ERR_INVALID_ENCODING ||
		  (e->code == XML_ERR_INVALID_CHAR && strstr(msg, "UTF-8"))))
		snprintf(err, errcap, "not well-formed XML: the document is not UTF-8%s%s%s "
			 "and declares no other encoding (XML 1.0 §4.3.3): text written in Latin-1?",
			 bytes ? " (bytes " : "", bytes ? bytes + 7 : "", bytes ? ")" : "");
	else
		snprintf(err, errcap, "not well-formed XML: %s", msg);
	*err_line = e ? (unsigned)e->line : 0;
	return e && e->code == XML_ERR_NO_MEMORY ? -ENOMEM : -EBADMSG;
}

static void xml_done(xmlParserCtxtPtr ctxt, xmlDocPtr doc)
{
	if (doc)
		xmlFreeDoc(doc);
	if (ctxt)
		xmlFreeParserCtxt(ctxt);
}

int ims_reginfo_decode(struct ims_reginfo *ri, struct slice body)
{
	/* all but the arrays, whose elements are cleared as they are filled
	 * (clearing the whole 82 KB for each NOTIFY was 6% of decode
	 * --summary over a log of them) */
	memset(ri, 0, offsetof(struct ims_reginfo, regs));
	ri->nregs = 0;
	memset(&ri->ncontacts, 0, sizeof *ri - offsetof(struct ims_reginfo, ncontacts));
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	int rc = xml_read(body, &ctxt, &doc, ri->error, sizeof ri->error, &ri->error_line);
	if (rc < 0)
		goto out;
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || !is_elem(root, NS_REGINFO, "reginfo")) {
		snprintf(ri->error, sizeof ri->error, "the root element is not <reginfo> of namespace "
			 NS_REGINFO);
		ri->error_line = root ? (unsigned)xmlGetLineNo(root) : 0;
		rc = -EBADMSG;
		goto out;
	}
	ri->line = (unsigned)xmlGetLineNo(root);
	if (!root->ns)
		problem(ri, root, "<reginfo> without its namespace (xmlns=\"" NS_REGINFO "\")");
	const char *bad = NULL;
	ri->has_version = attr_u32(ri, root, "version", &ri->version, &bad);
	if (bad || !ri->has_version)
		problem(ri, root, "<reginfo> without a version number");
	if (!attr(ri, root, "state", ri->state, sizeof ri->state))
		problem(ri, root, "<reginfo> without its state attribute (full or partial)");
	else if (strcmp(ri->state, "full") != 0 && strcmp(ri->state, "partial") != 0)
		problem(ri, root, "reginfo state \"%s\" is neither full nor partial", ri->state);
	for (const xmlNode *n = root->children; n; n = n->next) {
		if (!is_elem(n, NS_REGINFO, "registration"))
			continue;
		if (ri->nregs >= IMS_REGINFO_MAX_REGS) {
			ri->dropped++;
			continue;
		}
		unsigned ix = ri->nregs++;
		struct ims_reginfo_registration *g = &ri->regs[ix];
		memset(g, 0, sizeof *g);
		g->line = (unsigned)xmlGetLineNo(n);
		g->first_contact = ri->ncontacts;
		if (!attr(ri, n, "aor", g->aor, sizeof g->aor))
			problem(ri, n, "a <registration> without its aor attribute");
		attr(ri, n, "id", g->id, sizeof g->id);
		if (!attr(ri, n, "state", g->state, sizeof g->state))
			problem(ri, n, "a <registration> without its state attribute");
		else if (!one_of(g->state, reg_states))
			problem(ri, n, "registration state \"%s\" is none of init, active, terminated",
				g->state);
		for (const xmlNode *k = n->children; k; k = k->next)
			if (is_elem(k, NS_REGINFO, "contact"))
				contact_read(ri, k, ix);
		g->ncontacts = ri->ncontacts - g->first_contact;
		/* RFC 3680 §5.1: a registration is active while it has an
		 * active contact, terminated when it has none left (a partial
		 * document lists only the contacts that changed) */
		unsigned active = 0;
		for (unsigned k = 0; k < g->ncontacts; k++)
			active += strcmp(ri->contacts[g->first_contact + k].state, "active") == 0;
		if (strcmp(g->state, "terminated") == 0 && active)
			problem(ri, n, "registration %s is terminated but lists %u active contact(s)", g->aor,
				active);
		else if (strcmp(g->state, "active") == 0 && strcmp(ri->state, "full") == 0 &&
			 g->ncontacts && !active && !ri->dropped)
			problem(ri, n, "registration %s is active but none of its contacts is", g->aor);
	}
out:
	xml_done(ctxt, doc);
	return rc;
}

bool ims_reginfo_body(const struct sip_msg *msg)
{
	const struct sip_hdr *ct = sip_hdr_first(msg, SIP_HDR_CONTENT_TYPE);
	return msg->body.len && ct && slice_caseeq_cstr(sip_media_type(ct->value), "application/reginfo+xml");
}

const char *ims_body_line(const struct sip_msg *msg, unsigned n)
{
	return ims_text_line(msg->body, n);
}

const char *ims_text_line(struct slice text, unsigned n)
{
	const char *p = text.ptr, *end = p + text.len;
	for (unsigned i = 1; i < n && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl || nl + 1 >= end)
			break;
		p = nl + 1;
	}
	return p;
}

const char *ims_reginfo_event_meaning(const char *event)
{
	static const struct {
		const char *event, *meaning;
	} table[] = {
		{ "registered", "added by the UE's REGISTER" },
		{ "created", "added by the network (administratively), not by a REGISTER" },
		{ "refreshed", "refreshed by the UE's REGISTER" },
		{ "shortened", "its expiry shortened by the registrar: the UE must refresh sooner" },
		{ "expired", "removed: the UE did not refresh it in time" },
		{ "deactivated", "removed by the network; the UE should register again at once, "
				 "with a new initial registration" },
		{ "probation", "removed by the network; the UE may register again after "
			       "retry-after seconds" },
		{ "unregistered", "removed by the UE's own REGISTER (Expires: 0)" },
		{ "rejected", "removed by the network; the UE should not register again" },
	};
	for (size_t i = 0; event && i < sizeof table / sizeof table[0]; i++)
		if (strcmp(event, table[i].event) == 0)
			return table[i].meaning;
	return NULL;
}

/* ---- the 3GPP IM CN subsystem XML body (TS 24.229 §7.6) ---------------- */

/* The schema of §7.6.2 has no target namespace: its elements are read in
 * any namespace, or none. */
static bool is_3gpp_elem(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static void note_3gpp(struct ims_3gpp_xml *x, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void note_3gpp(struct ims_3gpp_xml *x, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	first_problem(x->problem, sizeof x->problem, &x->problem_line, n, fmt, ap);
	va_end(ap);
}

/* The text of n, blanks at both ends left out, into out (cap bytes); a
 * value cut short sets x->truncated. An element that holds an element
 * and no text (<type><restoration/></type>)
 * gives that element's name. */
static void text_3gpp(struct ims_3gpp_xml *x, const xmlNode *n, char *out, size_t cap)
{
	xmlChar *t = xmlNodeGetContent(n);
	const char *s = t ? (const char *)t : "";
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	while (len && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
		s++;
		len--;
	}
	if (!len)
		for (const xmlNode *k = n->children; k; k = k->next)
			if (k->type == XML_ELEMENT_NODE) {
				s = (const char *)k->name;
				len = strlen(s);
				break;
			}
	if (len >= cap) {
		len = cap - 1;
		x->truncated = true;
	}
	memcpy(out, s, len);
	out[len] = '\0';
	xmlFree(t);
}

int ims_3gpp_xml_decode(struct ims_3gpp_xml *x, struct slice body)
{
	memset(x, 0, sizeof *x);
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	int rc = xml_read(body, &ctxt, &doc, x->error, sizeof x->error, &x->error_line);
	if (rc < 0)
		goto out;
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || !is_3gpp_elem(root, "ims-3gpp")) {
		snprintf(x->error, sizeof x->error, "the root element is <%s>, not <ims-3gpp>",
			 root ? (const char *)root->name : "");
		x->error_line = root ? (unsigned)xmlGetLineNo(root) : 0;
		rc = -EBADMSG;
		goto out;
	}
	x->line = (unsigned)xmlGetLineNo(root);
	xmlChar *v = xmlGetNoNsProp(root, (const xmlChar *)"version");
	if (v)
		snprintf(x->version, sizeof x->version, "%s", (const char *)v);
	xmlFree(v);
	if (!x->version[0])
		note_3gpp(x, root, "<ims-3gpp> without its version attribute (required)");
	for (const xmlNode *n = root->children; n; n = n->next) {
		if (is_3gpp_elem(n, "service-info") && !x->has_service_info) {
			x->has_service_info = true;
			x->service_info_line = (unsigned)xmlGetLineNo(n);
			text_3gpp(x, n, x->service_info, sizeof x->service_info);
		} else if (is_3gpp_elem(n, "alternative-service") && !x->has_alt) {
			x->has_alt = true;
			x->alt_line = (unsigned)xmlGetLineNo(n);
			bool type = false, reason = false;
			for (const xmlNode *k = n->children; k; k = k->next) {
				if (is_3gpp_elem(k, "type") && !type) {
					type = true;
					text_3gpp(x, k, x->alt_type, sizeof x->alt_type);
				} else if (is_3gpp_elem(k, "reason") && !reason) {
					reason = true;
					text_3gpp(x, k, x->alt_reason, sizeof x->alt_reason);
				} else if (is_3gpp_elem(k, "action") && !x->alt_action[0]) {
					text_3gpp(x, k, x->alt_action, sizeof x->alt_action);
				}
			}
			if (!type || !x->alt_type[0])
				note_3gpp(x, n, "<alternative-service> without its <type>");
			else if (!reason)
				note_3gpp(x, n, "<alternative-service> without its <reason>");
		}
	}
	if (!x->has_service_info && !x->has_alt)
		note_3gpp(x, root, "<ims-3gpp> with neither <alternative-service> nor <service-info>");
out:
	xml_done(ctxt, doc);
	return rc;
}

const char *ims_3gpp_xml_alt_meaning(const struct ims_3gpp_xml *x)
{
	if (!x->has_alt)
		return NULL;
	if (strcmp(x->alt_type, "emergency") == 0)
		return strcmp(x->alt_action, "emergency-registration") == 0
			       ? "the network takes the request for an emergency session and asks the UE "
				 "to register for emergency services (an emergency registration) and then "
				 "set the emergency session up"
			       : "the network takes the request for an emergency session: the UE is to "
				 "set it up as an emergency session";
	if (strcmp(x->alt_type, "restoration") == 0)
		return strcmp(x->alt_action, "initial-registration") == 0
			       ? "the network lost the UE's registration (a CSCF failed or cannot be "
				 "reached): the UE is to make a new initial registration, as if it had "
				 "none (restoration procedures)"
			       : "the network lost the UE's registration (a CSCF failed or cannot be "
				 "reached): restoration procedures";
	return NULL;
}
