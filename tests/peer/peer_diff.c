/* peer_diff.c: what the comparisons of our parse with a peer library's share
 * (see peer_diff.h). */
#include "peer_diff.h"

#include <stdio.h>
#include <string.h>
#include <imsreg/scan.h>

struct ncur {
	const char *p, *end;
	enum peer_norm how;
};

static void ncur_init(struct ncur *c, const char *p, size_t len, enum peer_norm how)
{
	c->p = p;
	c->end = p + len;
	c->how = how;
	if (how == NORM_QUOTED && len >= 2 && p[0] == '"' && p[len - 1] == '"') {
		c->p++;
		c->end--;
	}
	if (how == NORM_NUM)
		while (c->end - c->p > 1 && *c->p == '0')
			c->p++;
}

/* The next byte of the normalised value, or -1 at its end. */
static int ncur_next(struct ncur *c)
{
	if (c->p >= c->end)
		return -1;
	unsigned char b = (unsigned char)*c->p++;
	switch (c->how) {
	case NORM_PCT:
	case NORM_PCT_CASE: {
		int hi, lo;
		if (b == '%' && c->end - c->p >= 2 && (hi = scan_hex_value((unsigned char)c->p[0])) >= 0 &&
		    (lo = scan_hex_value((unsigned char)c->p[1])) >= 0) {
			b = (unsigned char)(hi << 4 | lo);
			c->p += 2;
		}
		if (c->how == NORM_PCT_CASE)
			b = scan_lower(b);
		break;
	}
	case NORM_QUOTED:
		if (b == '\\' && c->p < c->end)
			b = (unsigned char)*c->p++;
		break;
	case NORM_CASE:
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b - 'A' + 'a');
		break;
	default:
		break;
	}
	return b;
}

bool peer_same_as(struct slice ours, const char *peer, enum peer_norm how)
{
	if (!peer || !ours.ptr)
		return (!peer || !*peer) && ours.len == 0;
	struct ncur a, b;
	ncur_init(&a, ours.ptr, ours.len, how);
	ncur_init(&b, peer, strlen(peer), how);
	for (;;) {
		int x = ncur_next(&a), y = ncur_next(&b);
		if (x != y)
			return false;
		if (x < 0)
			return true;
	}
}

const char peer_decode_failed[] = "ours does not decode what the check passed";

void peer_mismatch(struct peer_diff *d, const char *what, struct slice ours, const char *peer)
{
	d->n++;
	if (d->cb)
		d->cb(d->ctx, what, ours, peer);
}

void peer_cmp(struct peer_diff *d, const char *what, struct slice ours, const char *peer,
	      enum peer_norm how)
{
	if (!peer_same_as(ours, peer, how))
		peer_mismatch(d, what, ours, peer);
}

void peer_cmp_u32(struct peer_diff *d, const char *what, uint32_t ours, const char *peer)
{
	char b[16];
	int n = snprintf(b, sizeof b, "%u", ours);
	peer_cmp(d, what, (struct slice){ b, (size_t)n }, peer, NORM_NUM);
}

const struct sip_hdr *peer_on_both(struct peer_diff *d, enum sip_hdr_id id, bool present,
				   const char *what)
{
	const struct sip_hdr *h = sip_hdr_first(d->msg, id);
	if (h && present)
		return h;
	if (!h != !present)
		peer_mismatch(d, what, h ? h->value : SLICE_NULL, present ? "(present)" : NULL);
	return NULL;
}

void peer_param_cmp(struct peer_diff *d, const char *what, const struct sip_param *p,
		    const char *name, size_t nl, const char *value)
{
	char t[64];
	if (p->name.len != nl || memcmp(p->name.ptr, name, nl) != 0) {
		snprintf(t, sizeof t, "%s parameter name", what);
		peer_mismatch(d, t, p->name, name);
	}
	snprintf(t, sizeof t, "%s parameter %.*s", what, (int)(p->name.len < 24 ? p->name.len : 24),
		 p->name.ptr);
	if (!p->value.ptr != !value)
		peer_mismatch(d, t, p->value, value);
	else if (value)
		peer_cmp(d, t, p->value, value, NORM_QUOTED);
}

void peer_params_cmp(struct peer_diff *d, const char *what, struct slice ours,
		     peer_param_next_fn *next, void *it)
{
	struct sip_param_it pi;
	struct sip_param p;
	struct sip_parse_error err;
	const char *name, *value;
	size_t nl;
	char t[64];
	int rc;
	if (!ours.ptr)
		ours = slice_make("", 0);
	sip_param_it_init(&pi, ours);
	while ((rc = sip_param_next(&pi, &p, &err)) > 0) {
		if (!next(it, &name, &nl, &value)) {
			snprintf(t, sizeof t, "%s parameter count", what);
			peer_mismatch(d, t, p.name, NULL);
			return;
		}
		peer_param_cmp(d, what, &p, name, nl, value);
	}
	if (rc < 0) {
		peer_mismatch(d, peer_decode_failed, ours, what);
		return;
	}
	if (next(it, &name, &nl, &value)) {
		snprintf(t, sizeof t, "%s parameter count", what);
		peer_mismatch(d, t, SLICE_NULL, name);
	}
}

void peer_elems_init(struct peer_elems *e, const struct sip_msg *msg, enum sip_hdr_id id)
{
	e->msg = msg;
	e->h = sip_hdr_first(msg, id);
	e->open = false;
	e->blank = false;
}

void peer_elems_init_blank(struct peer_elems *e, const struct sip_msg *msg, enum sip_hdr_id id)
{
	peer_elems_init(e, msg, id);
	e->blank = true;
}

bool peer_elems_next(struct peer_elems *e, struct slice *item)
{
	struct sip_parse_error err;
	while (e->h) {
		if (!e->open) {
			if (e->blank && slice_trim(e->h->value).len == 0) {
				*item = (struct slice){ e->h->value.ptr, 0 };
				e->h = sip_hdr_next(e->msg, e->h);
				return true;
			}
			sip_list_init(&e->it, e->h->value);
			e->open = true;
		}
		if (sip_list_next(&e->it, item, &err) > 0)
			return true;
		e->h = sip_hdr_next(e->msg, e->h);
		e->open = false;
	}
	return false;
}

/* Whether a field value of msg holds a control byte outside LWS (HTAB, a
 * CRLF fold) and quoted-pairs: RFC 3261 §25.1 allows none. sip_msg_check
 * leaves the fields it does not decode to the rule book, which reports such
 * a byte (rfc3261.msg.header-syntax); a peer may end a line at a bare CR or
 * LF. Such a message is not ours to compare. */
static bool has_control_byte(const struct sip_msg *msg)
{
	for (uint16_t i = 0; i < msg->nhdrs; i++) {
		const char *p = msg->hdrs[i].value.ptr, *end = p + msg->hdrs[i].value.len;
		for (; p && p < end; p++) {
			unsigned char b = (unsigned char)*p;
			if (b == '\\' && end - p >= 2 && p[1] != '\r' && p[1] != '\n')
				p++;
			else if (b == '\r' && end - p >= 3 && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
				p += 2;
			else if ((b < 0x20 && b != '\t') || b == 0x7f)
				return true;
		}
	}
	return false;
}

bool peer_ours_accepts(struct sip_msg *msg, struct sip_hdr *hdrs, uint16_t cap, const char *data,
		       size_t len)
{
	struct sip_parse_error err;
	sip_msg_init(msg, hdrs, cap);
	return sip_msg_parse(msg, data, len, 0, &err) >= 0 && sip_msg_check(msg, &err) >= 0 &&
	       !has_control_byte(msg);
}

enum peer_verdict peer_diff_message(const char *data, size_t len, peer_values_fn *values,
				    peer_accepts_fn *accepts, peer_diff_cb *cb, void *ctx,
				    unsigned *mismatches)
{
	struct sip_hdr hdrs[256];
	struct sip_msg msg;

	if (mismatches)
		*mismatches = 0;
	if (!peer_ours_accepts(&msg, hdrs, 256, data, len))
		return accepts(data, len) ? PEER_PEER_ONLY : PEER_NEITHER;
	int n = values(&msg, data, msg.len, cb, ctx);
	if (n < 0)
		return PEER_OURS_ONLY;
	if (mismatches)
		*mismatches = (unsigned)n;
	return PEER_BOTH;
}
