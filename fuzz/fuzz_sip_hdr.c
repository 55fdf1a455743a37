/* fuzz_sip_hdr.c: libFuzzer target for the typed SIP header decoders (uri.c, addr.c, via.c, scalar.c, list.c).
 * The first byte picks the decoder (modulo 13; address flags from its
 * high values), the rest is the header value. Besides
 * "no crash, no read past the end", it checks the contract: an error points
 * inside the value and has a reason; decoded slices point inside it. The
 * cursor decoders of a list element (decode_internal.h) run on the same
 * value: when one says 0, the slice decoder gives the same fields for the
 * element it read; the token case also walks sip_param_next. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/buf.h>
#include <imsreg/sip.h>
#include "sip/decode_internal.h"
#include "sip/uri_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *lo, *hi;

static void inside(struct slice s)
{
	if (s.ptr && (s.ptr < lo || s.ptr + s.len > hi))
		abort();
}

static void check_err(int rc, const struct sip_parse_error *err)
{
	if (rc >= 0)
		return;
	if (rc != -EBADMSG && rc != -ERANGE)
		abort();
	if (err->code != rc || !err->reason || err->at < lo || err->at > hi)
		abort();
}

static bool slice_same(struct slice a, struct slice b)
{
	return a.ptr == b.ptr && a.len == b.len;
}

/* The element a cursor decoder read: from the value's start to the cursor
 * with the white space before it trimmed, as sip_list_next gives it. */
static struct slice element_of(struct slice v, const char *at)
{
	const char *s = v.ptr, *e = at;
	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	return slice_span(s, e);
}

static void check_uri(const struct sip_uri *u)
{
	inside(u->scheme_name);
	inside(u->user);
	inside(u->password);
	inside(u->host);
	inside(u->params);
	inside(u->headers);
	inside(u->opaque);
	inside(u->transport);
	inside(u->maddr);
}

/* sip_uri_equal on a decoded URI: equal to itself, and to what the
 * encoder writes of it when that decodes (the encoder keeps every part as
 * written). */
static void check_uri_equal(const struct sip_uri *u)
{
	if (!sip_uri_equal(u, u))
		abort();
	struct buf b;
	buf_init(&b);
	sip_uri_encode(&b, u);
	struct sip_uri w;
	struct sip_parse_error e = { 0 };
	if (b.err == 0 && sip_uri_decode(&w, slice_make(b.ptr, b.len), &e) == 0) {
		if (!sip_uri_equal(u, &w) || !sip_uri_equal(&w, u))
			abort();
		/* equal URIs share a key */
		char ku[600], kw[600];
		size_t nu = sip_uri_key(u, ku, sizeof ku), nw = sip_uri_key(&w, kw, sizeof kw);
		if (nu != nw || (nu && (strlen(ku) != nu || memcmp(ku, kw, nu) != 0)))
			abort();
		for (size_t i = 0; i < nu; i++) /* text: printable ASCII */
			if ((unsigned char)ku[i] <= ' ' || (unsigned char)ku[i] >= 0x7f)
				abort();
	}
	buf_fini(&b);
}

/* The fast entries of uri.c held to the byte paths: sip_uri_decode_gt
 * (the URI up to the first '>'), sip_host_fast and sip_ipv6_fast. */
static void check_fast_entries(struct slice v)
{
	const char *end = v.ptr + v.len;
	struct sip_uri a, b;
	struct sip_parse_error e = { 0 };
	const char *q = sip_uri_decode_gt(&a, v.ptr, end);
	if (q && (q != memchr(v.ptr, '>', v.len) ||
		  sip_uri_decode_bytes(&b, slice_span(v.ptr, q), &e) != 0 || !sip_uri_same(&a, &b)))
		abort();
	enum sip_host_type ta = SIP_HOST_NONE, tb = SIP_HOST_NONE;
	struct slice hb;
	struct scan sc = { v.ptr, end };
	q = sip_host_fast(v.ptr, end, &ta);
	if (q && (sip_host_scan_bytes(&sc, &hb, &tb, &e) != 0 || sc.p != q || ta != tb))
		abort();
	const char *bad = NULL;
	q = sip_ipv6_fast(v.ptr, end);
	if (q && q != sip_ipv6_scan_bytes(v.ptr, end, &bad))
		abort();
}

/* "<URI>;params": the parameters read by the fast paths of addr.c, and
 * with "; x" inserted after the '>' (the white space sends them all to the
 * generic walk): the same verdict, reason, error position (three bytes on
 * past the '>') and parameter fields. */
static bool shifted3(struct slice a, const char *pa, struct slice b, const char *pb)
{
	return a.len == b.len && (!a.ptr) == (!b.ptr) &&
	       (!a.ptr || (size_t)(a.ptr - pa) + 3 == (size_t)(b.ptr - pb));
}

static void addr_walk_same(struct slice v, unsigned flags)
{
	if (!v.ptr || v.len < 3 || v.ptr[0] != '<')
		return;
	const char *gt = memchr(v.ptr, '>', v.len);
	if (!gt || gt + 1 == v.ptr + v.len || gt[1] != ';')
		return;
	size_t g = (size_t)(gt - v.ptr) + 1;
	char *w = malloc(v.len + 3);
	if (!w)
		return;
	memcpy(w, v.ptr, g);
	memcpy(w + g, "; x", 3);
	memcpy(w + g + 3, v.ptr + g, v.len - g);
	struct sip_addr a, b;
	struct sip_parse_error ea = { 0 }, eb = { 0 };
	int ra = sip_addr_decode(&a, v, flags, &ea);
	int rb = sip_addr_decode(&b, slice_make(w, v.len + 3), flags, &eb);
	if (ra != rb)
		abort();
	if (ra < 0) {
		size_t pa = (size_t)(ea.at - v.ptr), pb = (size_t)(eb.at - w);
		if (ea.reason != eb.reason || pb != (pa >= g ? pa + 3 : pa))
			abort();
	} else {
		if (!shifted3(a.tag, v.ptr, b.tag, w) || !shifted3(a.q, v.ptr, b.q, w) ||
		    !shifted3(a.expires_text, v.ptr, b.expires_text, w) || a.has_expires != b.has_expires ||
		    a.expires != b.expires || a.expires_saturated != b.expires_saturated ||
		    a.params.len + 3 != b.params.len)
			abort();
	}
	free(w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	struct slice v = slice_make((const char *)data + 1, size - 1);
	struct sip_parse_error err = { 0 };
	int rc = 0;
	lo = v.ptr;
	hi = v.ptr + v.len;

	switch (data[0] % 13) {
	case 0: {
		struct sip_uri u;
		rc = sip_uri_decode(&u, v, &err);
		if (rc == 0) {
			check_uri(&u);
			check_uri_equal(&u);
		}
		check_fast_entries(v);
		break;
	}
	case 1: {
		struct slice host;
		enum sip_host_type t;
		bool has_port;
		uint16_t port;
		rc = sip_hostport_decode(v, &host, &t, &has_port, &port, &err);
		if (rc == 0)
			inside(host);
		break;
	}
	case 2:
	case 3: {
		struct sip_addr a;
		/* flags: '*' allowed in case 3; higher selector bits add name-addr only */
		unsigned flags = (data[0] % 13 == 3 ? SIP_ADDR_ALLOW_STAR : 0) |
				 (data[0] >= 130 ? SIP_ADDR_NAME_ADDR : 0);
		rc = sip_addr_decode(&a, v, flags, &err);
		if (rc == 0 && !a.star) {
			inside(a.display);
			inside(a.uri_text);
			inside(a.params);
			inside(a.tag);
			inside(a.q);
			check_uri(&a.uri);
			/* the URI read up to its '>' as the slice decoder reads it */
			struct sip_uri u;
			struct sip_parse_error e = { 0 };
			if (sip_uri_decode(&u, a.uri_text, &e) != 0 || !sip_uri_same(&u, &a.uri))
				abort();
		}
		{
			struct sip_addr c, d;
			struct sip_parse_error e2 = { 0 };
			struct scan sc = { v.ptr, v.ptr + v.len };
			if (v.ptr && sip_addr_decode_at(&c, &sc, flags, &e2) == 0) {
				if (sc.p < lo || sc.p > hi || (sc.p < hi && *sc.p != ','))
					abort();
				if (sip_addr_decode(&d, element_of(v, sc.p), flags, &e2) != 0 ||
				    !slice_same(c.display, d.display) || !slice_same(c.uri_text, d.uri_text) ||
				    !slice_same(c.params, d.params) || !slice_same(c.tag, d.tag) ||
				    !slice_same(c.q, d.q) || !slice_same(c.expires_text, d.expires_text) ||
				    c.has_expires != d.has_expires || c.expires != d.expires ||
				    c.angle != d.angle || !slice_same(c.uri.host, d.uri.host))
					abort();
			}
		}
		addr_walk_same(v, flags);
		break;
	}
	case 4: {
		struct sip_via via;
		rc = sip_via_decode(&via, v, &err);
		if (rc == 0) {
			inside(via.transport);
			inside(via.host);
			inside(via.params);
			inside(via.branch);
			inside(via.received);
			inside(via.rport);
			inside(via.maddr);
			inside(via.ttl);
		}
		{
			struct sip_via c, d;
			struct sip_parse_error e2 = { 0 };
			struct scan sc = { v.ptr, v.ptr + v.len };
			if (v.ptr && sip_via_decode_at(&c, &sc, &e2) == 0) {
				if (sc.p < lo || sc.p > hi || (sc.p < hi && *sc.p != ','))
					abort();
				if (sip_via_decode(&d, element_of(v, sc.p), &e2) != 0 ||
				    !slice_same(c.transport, d.transport) || !slice_same(c.host, d.host) ||
				    c.host_type != d.host_type || c.has_port != d.has_port || c.port != d.port ||
				    !slice_same(c.params, d.params) || !slice_same(c.branch, d.branch) ||
				    !slice_same(c.received, d.received) || !slice_same(c.maddr, d.maddr) ||
				    !slice_same(c.ttl, d.ttl) || c.has_rport != d.has_rport ||
				    !slice_same(c.rport, d.rport))
					abort();
			}
		}
		break;
	}
	case 5: {
		struct sip_cseq c;
		rc = sip_cseq_decode(&c, v, &err);
		if (rc == 0)
			inside(c.method);
		break;
	}
	case 6: {
		uint32_t n;
		rc = sip_u32_decode(&n, v, &err);
		break;
	}
	case 7: {
		struct sip_call_id c;
		rc = sip_call_id_decode(&c, v, &err);
		if (rc == 0) {
			inside(c.local);
			inside(c.host);
		}
		break;
	}
	case 8: {
		struct slice t;
		rc = sip_token_decode(&t, v, &err);
		if (rc == 0)
			inside(t);
		check_err(rc, &err);
		{
			/* the same bytes as parameters */
			struct sip_param_it it;
			struct sip_param p;
			size_t n = 0;
			memset(&err, 0, sizeof err);
			sip_param_it_init(&it, v);
			while ((rc = sip_param_next(&it, &p, &err)) > 0) {
				inside(p.name);
				inside(p.value);
				if (!p.name.len || ++n > v.len)
					abort();
			}
			if (rc < 0 && (rc != -EBADMSG || !err.reason || err.at < lo || err.at > hi))
				abort();
			rc = 0;
		}
		break;
	}
	case 9: {
		struct sip_warning w;
		rc = sip_warning_decode(&w, v, &err);
		if (rc == 0 && (w.code > 999 || (inside(w.agent), inside(w.text), false)))
			abort();
		break;
	}
	case 10: {
		struct sip_date d;
		rc = sip_date_decode(&d, v, &err);
		if (rc == 0 && (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31))
			abort();
		/* Retry-After on the same bytes (it shares the comment scanner
		 * with the products) */
		struct sip_retry_after ra;
		struct sip_parse_error e2 = { 0 };
		int r2 = sip_retry_after_decode(&ra, v, &e2);
		if (r2 == 0) {
			inside(ra.comment);
			inside(ra.params);
		} else if (v.ptr && (r2 != -EBADMSG || !e2.reason || e2.at < lo || e2.at > hi)) {
			abort();
		}
		break;
	}
	case 11: {
		struct sip_product_it it;
		struct sip_product p;
		size_t n = 0;
		sip_product_it_init(&it, v);
		while ((rc = sip_product_next(&it, &p, &err)) > 0) {
			inside(p.name);
			inside(p.version);
			inside(p.comment);
			/* every element consumes input: no endless loop */
			if (++n > v.len)
				abort();
		}
		break;
	}
	case 12: {
		struct sip_tokparams tp;
		rc = sip_tokparams_decode(&tp, v, &err);
		if (rc == 0) {
			inside(tp.value);
			inside(tp.params);
		}
		{
			struct sip_tokparams c, d;
			struct sip_parse_error e2 = { 0 };
			struct scan sc = { v.ptr, v.ptr + v.len };
			if (v.ptr && sip_tokparams_decode_at(&c, &sc, &e2) == 0) {
				if (sc.p < lo || sc.p > hi || (sc.p < hi && *sc.p != ','))
					abort();
				if (sip_tokparams_decode(&d, element_of(v, sc.p), &e2) != 0 ||
				    !slice_same(c.value, d.value) || c.quoted != d.quoted ||
				    !slice_same(c.params, d.params))
					abort();
			}
		}
		break;
	}
	}
	check_err(rc, &err);
	return 0;
}
