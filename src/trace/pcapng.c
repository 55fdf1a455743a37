/* pcapng.c: a pcapng file block by block (see pcapng.h). Each block is
 * its type, its total length, its body and the length again, in the byte
 * order its section's header says (draft-ietf-opsawg-pcapng §3.1). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <pcap/dlt.h>
#include <imsreg/alloc.h>
#include "trace/pcapng.h"

#define BT_SHB 0x0A0D0D0Au   /* Section Header Block (a palindrome) */
#define BT_IDB 1u            /* Interface Description Block */
#define BT_PB 2u             /* Packet Block (obsolete) */
#define BT_SPB 3u            /* Simple Packet Block */
#define BT_EPB 6u            /* Enhanced Packet Block */
#define BOM 0x1A2B3C4Du      /* a section's byte-order magic */
#define OPT_END 0
#define OPT_IF_TSRESOL 9
#define OPT_IF_TSOFFSET 14

bool pcapng_is(const void *data, size_t len)
{
	return len >= 4 && memcmp(data, "\x0a\x0d\x0d\x0a", 4) == 0;
}

static uint32_t u32(const struct pcapng *r, const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return r->swap ? __builtin_bswap32(v) : v;
}

static uint16_t u16(const struct pcapng *r, const unsigned char *p)
{
	uint16_t v;
	memcpy(&v, p, 2);
	return r->swap ? __builtin_bswap16(v) : v;
}

static int fail(struct pcapng *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(struct pcapng *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->error, sizeof r->error, fmt, ap);
	va_end(ap);
	return -EBADMSG;
}

void pcapng_init(struct pcapng *r, const void *data, size_t len)
{
	memset(r, 0, sizeof *r);
	r->data = data;
	r->len = len;
}

void pcapng_fini(struct pcapng *r)
{
	imsreg_free(r->ifs);
	pcapng_init(r, NULL, 0);
}

/* The next block: its type and body; 1, 0 at the end, -EBADMSG. A
 * Section Header Block sets the byte order and forgets the interfaces. */
static int next_block(struct pcapng *r, uint32_t *type, const unsigned char **body, size_t *blen)
{
	size_t off = r->off, left = r->len - off;
	const unsigned char *b = r->data + off;
	if (!left)
		return 0;
	if (left < 12)
		return fail(r, "truncated pcapng file: %zu bytes at offset %zu, too few for a block",
			    left, off);
	uint32_t raw;
	memcpy(&raw, b, 4);
	if (raw == BT_SHB) {
		uint32_t m;
		memcpy(&m, b + 8, 4);
		if (m != BOM && m != __builtin_bswap32(BOM))
			return fail(r, "a pcapng section at offset %zu has the byte-order magic 0x%08x", off,
				    (unsigned)m);
		r->swap = m != BOM;
		r->in_section = true;
		r->nifs = 0;
	} else if (!r->in_section) {
		return fail(r, "no pcapng section header at offset %zu", off);
	}
	*type = u32(r, b);
	size_t total = u32(r, b + 4);
	if (total < (*type == BT_SHB ? 28u : 12u) || total % 4)
		return fail(r, "a pcapng block at offset %zu has the length %zu", off, total);
	if (total > left)
		return fail(r, "truncated pcapng file: a block of %zu bytes at offset %zu, %zu there",
			    total, off, left);
	if (u32(r, b + total - 4) != total)
		return fail(r, "a pcapng block at offset %zu ends with the length %u, not %zu", off,
			    (unsigned)u32(r, b + total - 4), total);
	*body = b + 8;
	*blen = total - 12;
	r->off = off + total;
	return 1;
}

/* An Interface Description Block: its link type, snapshot length and the
 * options that change its timestamps. */
static int add_interface(struct pcapng *r, const unsigned char *b, size_t n)
{
	size_t at = (size_t)(b - r->data) - 8;
	if (n < 8)
		return fail(r, "an interface description at offset %zu is %zu bytes long", at, n);
	/* the file's LINKTYPE_ values are libpcap's DLT_ values but for raw
	 * IP (tcpdump -i tun0, a 3GPP interface) */
	int lt = (int)u16(r, b);
	struct pcapng_if f = { .dlt = lt == 101 ? DLT_RAW : lt, .snaplen = u32(r, b + 4), .units = 1000000 };
	for (size_t o = 8; o + 4 <= n;) {
		unsigned code = u16(r, b + o), olen = u16(r, b + o + 2);
		size_t padded = ((size_t)olen + 3) & ~(size_t)3;
		if (code == OPT_END || padded > n - o - 4)
			break;
		const unsigned char *v = b + o + 4;
		if (code == OPT_IF_TSRESOL && olen >= 1) {
			unsigned e = v[0] & 0x7f;
			if (v[0] & 0x80) {
				if (e > 63)
					return fail(r, "the interface at offset %zu has a time resolution of "
						    "2^-%u s", at, e);
				f.units = (uint64_t)1 << e;
			} else {
				if (e > 19)
					return fail(r, "the interface at offset %zu has a time resolution of "
						    "10^-%u s", at, e);
				f.units = 1;
				while (e--)
					f.units *= 10;
			}
		} else if (code == OPT_IF_TSOFFSET && olen == 8) {
			uint64_t w;
			memcpy(&w, v, 8);
			f.offset = (int64_t)(r->swap ? __builtin_bswap64(w) : w);
		}
		o += 4 + padded;
	}
	if (r->nifs == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 4;
		void *p = cap <= SIZE_MAX / sizeof *r->ifs ? imsreg_realloc(r->ifs, cap * sizeof *r->ifs) : NULL;
		if (!p)
			return -ENOMEM;
		r->ifs = p;
		r->cap = cap;
	}
	r->ifs[r->nifs++] = f;
	return 0;
}

/* ts in the interface's units to seconds and microseconds (truncated, as
 * libpcap does when asked for microseconds). */
static void stamp(const struct pcapng_if *f, uint64_t ts, struct pcapng_packet *p)
{
	uint64_t frac = ts % f->units, us;
	p->sec = (int64_t)(ts / f->units) + f->offset;
	if (f->units == 1000000)
		us = frac;
	else if (f->units % 1000000 == 0)
		us = frac / (f->units / 1000000);
	else
		us = (uint64_t)((unsigned __int128)frac * 1000000 / f->units);
	p->usec = (uint32_t)us;
}

int pcapng_next(struct pcapng *r, struct pcapng_packet *p)
{
	uint32_t type;
	const unsigned char *b;
	size_t n;
	int rc;
	while ((rc = next_block(r, &type, &b, &n)) == 1) {
		size_t at = (size_t)(b - r->data) - 8;
		uint32_t ifid;
		uint64_t ts = 0;
		size_t cap, fix;
		switch (type) {
		case BT_IDB:
			if ((rc = add_interface(r, b, n)) < 0)
				return rc;
			continue;
		case BT_EPB:
		case BT_PB:
			if (n < 20)
				return fail(r, "a packet block at offset %zu is %zu bytes long", at, n);
			ifid = type == BT_EPB ? u32(r, b) : u16(r, b);
			ts = (uint64_t)u32(r, b + 4) << 32 | u32(r, b + 8);
			cap = u32(r, b + 12);
			p->len = u32(r, b + 16);
			fix = 20;
			break;
		case BT_SPB:
			if (n < 4)
				return fail(r, "a packet block at offset %zu is %zu bytes long", at, n);
			ifid = 0;
			p->len = u32(r, b);
			cap = p->len < n - 4 ? p->len : n - 4;
			fix = 4;
			break;
		default:
			continue; /* statistics, name resolution, secrets, custom */
		}
		if (ifid >= r->nifs)
			return fail(r, "a packet at offset %zu names interface %u; its section describes %zu",
				    at, (unsigned)ifid, r->nifs);
		const struct pcapng_if *f = &r->ifs[ifid];
		if (type == BT_SPB && f->snaplen && cap > f->snaplen)
			cap = f->snaplen;
		if (cap > n - fix)
			return fail(r, "a packet block at offset %zu says %zu bytes captured, it holds %zu", at,
				    cap, n - fix);
		p->dlt = f->dlt;
		p->data = b + fix;
		p->caplen = cap;
		p->interface = ifid;
		if (type == BT_SPB) {
			p->sec = 0;
			p->usec = 0;
		} else {
			stamp(f, ts, p);
		}
		return 1;
	}
	return rc;
}

bool pcapng_libpcap_refuses(const void *data, size_t len)
{
	struct pcapng r;
	uint32_t type;
	const unsigned char *b;
	size_t n;
	int first = -1;
	uint32_t snap[64]; /* the section's interfaces' snapshot lengths */
	size_t nsnap = 0;
	bool refuses = false;
	if (!pcapng_is(data, len))
		return false;
	pcapng_init(&r, data, len);
	while (!refuses && next_block(&r, &type, &b, &n) == 1) {
		if (type == BT_SHB) {
			nsnap = 0;
		} else if (type == BT_IDB && n >= 8) {
			int dlt = u16(&r, b);
			if (first < 0)
				first = dlt;
			refuses = dlt != first;
			if (nsnap < sizeof snap / sizeof snap[0])
				snap[nsnap++] = u32(&r, b + 4);
		} else if (type == BT_EPB && n >= 20) {
			/* libpcap: "invalid packet capture length" */
			uint32_t ifid = u32(&r, b), cap = u32(&r, b + 12);
			refuses = ifid < nsnap && snap[ifid] && cap > snap[ifid];
		}
	}
	pcapng_fini(&r);
	return refuses;
}
