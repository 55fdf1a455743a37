/* fuzz_sip_hdr.c: libFuzzer target for the typed SIP header decoders (uri.c, addr.c, via.c, scalar.c).
 * The first byte picks the decoder (modulo 13; address flags from its
 * high values), the rest is the header value. Besides
 * "no crash, no read past the end", it checks the contract: an error points
 * inside the value and has a reason; decoded slices point inside it. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <imsreg/sip.h>

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
		if (rc == 0)
			check_uri(&u);
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
		}
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
		break;
	}
	}
	check_err(rc, &err);
	return 0;
}
