/* hep.c: HEP3's chunks (see hep.h): after "HEP3" and the packet's total
 * length (16 bits, network order), chunks of a vendor id, a type id and a
 * length (16 bits each, the 6-byte header counted), then the value. The
 * generic chunks (vendor 0) read here: 2 IP protocol, 3/4 IPv4
 * source/destination, 5/6 IPv6 (chunk 1's family follows from them), 7/8 ports,
 * 9/10 time (seconds, microseconds), 11 payload type, 12 capture agent,
 * 15 payload, 16 payload compressed; others skipped. And the fixed
 * headers of versions 1 and 2 (hep12_read). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include "trace/hep.h"

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* h->ends from the addresses src and dst of len bytes (4 or 16). */
static void ends_set(struct hep3 *h, const unsigned char *src, const unsigned char *dst, size_t len,
		     bool has_ports)
{
	int af = len == 4 ? AF_INET : AF_INET6;
	if (inet_ntop(af, src, h->ends.src, sizeof h->ends.src) &&
	    inet_ntop(af, dst, h->ends.dst, sizeof h->ends.dst)) {
		h->ends.ver = len == 4 ? 4 : 6;
		h->ends.ports = has_ports;
	}
	if (!h->ends.ver)
		memset(&h->ends, 0, sizeof h->ends);
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

bool hep12_read(const unsigned char *d, size_t n, struct hep3 *h)
{
	memset(h, 0, sizeof *h);
	/* the family: AF_INET 2, AF_INET6 10 (Linux; 24, 28 or 30 on the
	 * BSDs, whose agents are rare) */
	if (n < 16 || (d[0] != 1 && d[0] != 2))
		return false;
	size_t al = d[2] == 2 ? 4 : d[2] == 10 || d[2] == 24 || d[2] == 28 || d[2] == 30 ? 16 : 0;
	size_t off = 8 + 2 * al + (d[0] == 2 ? 12 : 0);
	if (!al || off > n)
		return false;
	h->version = d[0];
	h->proto = d[3];
	h->ends.sport = (uint16_t)pkt_u16(d + 4);
	h->ends.dport = (uint16_t)pkt_u16(d + 6);
	ends_set(h, d + 8, d + 8 + al, al, true);
	if (d[0] == 2) {
		const unsigned char *t = d + 8 + 2 * al;
		uint32_t sec = le32(t), usec = le32(t + 4);
		if (usec >= 1000000) {
			sec = be32(t); /* a big-endian sender's */
			usec = be32(t + 4);
		}
		if (usec < 1000000) {
			h->has_time = true;
			h->sec = sec;
			h->usec = usec;
		}
		h->has_agent = true;
		h->agent = (uint32_t)t[8] | (uint32_t)t[9] << 8;
	}
	h->payload = d + off;
	h->payload_len = n - off;
	h->payload_type = 1;
	return true;
}

bool hep3_read(const unsigned char *d, size_t n, struct hep3 *h)
{
	memset(h, 0, sizeof *h);
	if (n < 6 || memcmp(d, "HEP3", 4) != 0)
		return false;
	h->version = 3;
	size_t total = pkt_u16(d + 4);
	if (total < 6 || total > n)
		return false;
	unsigned char src[16], dst[16];
	size_t src_len = 0, dst_len = 0; /* 4 or 16 once given */
	bool has_ports = false;
	for (size_t o = 6; o < total;) {
		if (total - o < 6)
			return false;
		unsigned vendor = pkt_u16(d + o), type = pkt_u16(d + o + 2);
		size_t len = pkt_u16(d + o + 4);
		if (len < 6 || len > total - o)
			return false;
		const unsigned char *v = d + o + 6;
		size_t vn = len - 6;
		o += len;
		if (vendor != 0)
			continue;
		switch (type) {
		case 2:
			if (vn == 1)
				h->proto = v[0];
			break;
		case 3:
		case 4:
		case 5:
		case 6:
			/* the family (chunk 1) follows from the addresses' length */
			if (vn == (type <= 4 ? 4u : 16u)) {
				memcpy(type % 2 ? src : dst, v, vn);
				*(type % 2 ? &src_len : &dst_len) = vn;
			}
			break;
		case 7:
		case 8:
			if (vn == 2) {
				*(type == 7 ? &h->ends.sport : &h->ends.dport) = (uint16_t)pkt_u16(v);
				has_ports = true;
			}
			break;
		case 9:
			if (vn == 4) {
				h->sec = be32(v);
				h->has_time = true;
			}
			break;
		case 10:
			if (vn == 4 && be32(v) < 1000000)
				h->usec = be32(v);
			break;
		case 11:
			if (vn == 1)
				h->payload_type = v[0];
			break;
		case 12:
			if (vn == 4) {
				/* a 32-bit id; many senders (sngrep, captagent,
				 * others) store a 16-bit one in network order in
				 * its first two bytes: read as they mean it */
				h->agent = be32(v);
				if (h->agent > 0xffff && !(h->agent & 0xffff))
					h->agent >>= 16;
				h->has_agent = true;
			}
			break;
		case 15:
			h->payload = v;
			h->payload_len = vn;
			break;
		case 16:
			h->compressed = true;
			break;
		default:
			break;
		}
	}
	if (src_len && src_len == dst_len)
		ends_set(h, src, dst, src_len, has_ports);
	else
		memset(&h->ends, 0, sizeof h->ends);
	return true;
}
