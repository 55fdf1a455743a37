/* packet.c: where a SIP message lies in the bytes of an IP packet (IPv4,
 * IPv6, fragments, IP in IP, GRE and ERSPAN, VXLAN and Geneve, GTP-U, ESP with
 * NULL encryption, UDP, TCP, SCTP, WebSocket frames): what the paste
 * normaliser's hex dumps and the capture reader share. */
#include <arpa/inet.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <imsreg/packet.h>

/* An IP packet at b[0, n) whose length fits n (a link layer pads short
 * frames): its version, or 0. */
static int ip_at(const unsigned char *b, size_t n)
{
	if (n >= 20 && b[0] >> 4 == 4 && (b[0] & 15) >= 5 && pkt_u16(b + 2) <= n && pkt_u16(b + 2) >= 20)
		return 4;
	if (n >= 40 && b[0] >> 4 == 6 && pkt_u16(b + 4) + 40u <= n)
		return 6;
	return 0;
}

/* ESP with NULL encryption (RFC 4303 §2, RFC 2410), as IMS sec-agree runs
 * with ealg=null (TS 33.203 §6.3, Annex H) at b[h, end): the SPI and the
 * sequence number before the payload, and after it the padding (1, 2, 3,
 * ...), its length, the next header (UDP or TCP) and the ICV (12 bytes for
 * hmac-md5-96 and hmac-sha-1-96, 16 for hmac-sha-256-128): true with the
 * payload's protocol in *proto and its end in *end when the trailer reads
 * so for one of those ICV lengths. */
static bool esp_null(const unsigned char *b, size_t h, size_t end0, unsigned *proto, size_t *end)
{
	static const size_t icvs[] = { 12, 16 };
	for (size_t i = 0; i < sizeof icvs / sizeof icvs[0]; i++) {
		if (end0 < h + 8 + icvs[i] + 2 + 8)
			continue;
		size_t t = end0 - icvs[i];
		size_t pl = b[t - 2], nh = b[t - 1];
		if ((nh != 17 && nh != 6) || t - 2 < h + 8 + 8 + pl)
			continue;
		size_t j = 0;
		while (j < pl && b[t - 2 - pl + j] == j + 1)
			j++;
		if (j < pl)
			continue;
		*proto = (unsigned)nh;
		*end = t - 2 - pl;
		return true;
	}
	return false;
}

static size_t ether_in(const unsigned char *b, size_t o, size_t end, unsigned depth, struct pkt_link *l);

/* The payload of ethertype et at b[p, end): its IP packet's offset, or 0.
 * IPv4 and IPv6; an MPLS label stack (RFC 3032: 4 bytes a label, the
 * bottom one with S set) with IP under it (its version nibble says which)
 * or an Ethernet pseudowire's frame (RFC 4448), with or without its
 * control word (RFC 4385); a PPPoE session (RFC 2516: version
 * and type 1, code 0) carrying PPP's IPv4 (0x0021) or IPv6 (0x0057).
 * depth: how many Ethernet frames may still be read inside. The labels
 * and VLAN tags read on the way go to l when it is not NULL. */
static size_t ethertype_in(unsigned et, const unsigned char *b, size_t p, size_t end, unsigned depth,
			   struct pkt_link *l)
{
	switch (et) {
	case 0x0800:
	case 0x86dd:
		return p < end ? p : 0;
	case 0x8847:
	case 0x8848:
		for (unsigned k = 0;; k++) {
			if (p + 4 > end || k == PKT_MPLS_LABELS_MAX)
				return 0;
			if (l && l->nmpls < PKT_LINK_MAX)
				l->mpls[l->nmpls++] = (uint32_t)b[p] << 12 | (uint32_t)b[p + 1] << 4 | b[p + 2] >> 4;
			p += 4;
			if (b[p - 2] & 1)
				break; /* bottom of the stack */
		}
		/* IP under the stack (its version nibble, and a header that
		 * holds), else an Ethernet pseudowire's frame: after its
		 * control word (first nibble 0), or with none (RFC 4448
		 * makes the word optional: a frame may start with a 0 too) */
		if (p >= end)
			return 0;
		if ((b[p] >> 4 == 4 || b[p] >> 4 == 6) && ip_at(b + p, end - p))
			return p;
		if (!depth)
			return 0;
		/* a reading that fails leaves l as it found it */
		struct pkt_link keep = l ? *l : (struct pkt_link){ 0 };
		size_t o = b[p] >> 4 == 0 ? ether_in(b, p + 4, end, depth - 1, l) : 0;
		if (!o && l)
			*l = keep;
		return o ? o : ether_in(b, p, end, depth - 1, l);
	case 0x8864:
		if (p + 8 > end || b[p] != 0x11 || b[p + 1] != 0)
			return 0;
		return pkt_u16(b + p + 6) == 0x0021 || pkt_u16(b + p + 6) == 0x0057 ? (p + 8 < end ? p + 8 : 0) : 0;
	default:
		return 0;
	}
}

/* The IP packet in an Ethernet frame at b[o, end) (802.1Q, 802.1ad and
 * the older 0x9100 tags skipped; MPLS and PPPoE as ethertype_in reads
 * them): its offset, or 0. */
static size_t ether_in(const unsigned char *b, size_t o, size_t end, unsigned depth, struct pkt_link *l)
{
	size_t t = o + 12;
	while (t + 2 <= end && (pkt_u16(b + t) == 0x8100 || pkt_u16(b + t) == 0x88a8 || pkt_u16(b + t) == 0x9100)) {
		/* the tag's VLAN id: the low 12 bits of its TCI (802.1Q §9.6) */
		if (l && t + 4 <= end && l->nvlan < PKT_LINK_MAX)
			l->vlan[l->nvlan++] = (uint16_t)(pkt_u16(b + t + 2) & 0x0fff);
		t += 4;
	}
	if (t + 2 > end)
		return 0;
	return ethertype_in(pkt_u16(b + t), b, t + 2, end, depth, l);
}

static size_t ether_ip(const unsigned char *b, size_t o, size_t end)
{
	return ether_in(b, o, end, 1, NULL);
}

/* The result o of a reading that filled l from empty: l emptied again
 * when it found no IP packet. */
static size_t link_kept(size_t o, struct pkt_link *l)
{
	if (!o && l)
		*l = (struct pkt_link){ 0 };
	return o;
}

size_t pkt_ether_ip(const unsigned char *b, size_t n, struct pkt_link *l)
{
	if (l)
		*l = (struct pkt_link){ 0 };
	return link_kept(ether_in(b, 0, n, 1, l), l);
}

size_t pkt_ethertype_ip(unsigned et, const unsigned char *b, size_t p, size_t n, struct pkt_link *l)
{
	if (l)
		*l = (struct pkt_link){ 0 };
	return link_kept(ethertype_in(et, b, p, n, 1, l), l);
}

void pkt_link_write(struct buf *o, const struct pkt_link *l)
{
	for (unsigned i = 0; i < l->nvlan && i < PKT_LINK_MAX; i++)
		buf_printf(o, i ? ", %u" : l->nvlan > 1 ? ", on VLANs %u" : ", on VLAN %u", (unsigned)l->vlan[i]);
	for (unsigned i = 0; i < l->nmpls && i < PKT_LINK_MAX; i++)
		buf_printf(o, i ? ", %u" : l->nmpls > 1 ? ", under MPLS labels %u" : ", under MPLS label %u",
			   (unsigned)l->mpls[i]);
}

/* The packet a tunnel header at b[h, end) carries, by its protocol type:
 * IP, or an Ethernet frame (transparent Ethernet bridging, 0x6558): its
 * IP packet's offset, or 0. */
static size_t tunnel_ip(const unsigned char *b, size_t h, size_t end, unsigned type)
{
	if (type == 0x0800 || type == 0x86dd)
		return h < end ? h : 0;
	return type == 0x6558 ? ether_ip(b, h, end) : 0;
}

/* GRE (RFC 2784, RFC 2890 keys and sequence numbers; version 0) at
 * b[h, end): the IP packet it carries, IP or Ethernet, and ERSPAN's
 * mirrored frames (type I without a sequence number, type II's 8-byte
 * header, type III's 12 and its optional 8): its offset, or 0. */
static size_t gre_inner(const unsigned char *b, size_t h, size_t end, enum pkt_tunnel *tun)
{
	if (h + 4 > end || (b[h] & 0x40) || (b[h + 1] & 7) != 0)
		return 0; /* routing present (RFC 1701), or not version 0 */
	unsigned type = pkt_u16(b + h + 2);
	bool seq = b[h] & 0x10;
	size_t g = h + 4 + ((b[h] & 0x80) ? 4 : 0) + ((b[h] & 0x20) ? 4 : 0) + (seq ? 4 : 0);
	if (g > end)
		return 0;
	*tun = PKT_TUNNEL_GRE;
	if (type == 0x88be || type == 0x22eb) {
		/* its header's first 4 bits: the ERSPAN version (1 type II,
		 * 2 type III) */
		*tun = PKT_TUNNEL_ERSPAN;
		if (type == 0x88be && seq) {
			if (g + 8 > end || b[g] >> 4 != 1)
				return 0;
			g += 8;
		} else if (type == 0x22eb) {
			if (g + 12 > end || b[g] >> 4 != 2)
				return 0;
			g += 12 + (b[g + 11] & 1 ? 8 : 0);
		}
		return g < end ? ether_ip(b, g, end) : 0;
	}
	return tunnel_ip(b, g, end, type);
}

/* GTP-U's G-PDU (TS 29.281 §5.1; message type 255) at b[g, end), the
 * payload of a UDP datagram to or from port 2152: the UE's IP packet it
 * carries (an Ethernet or unstructured PDU session's is not read), its
 * TEID in t->id and, when a PDU Session Container extension header (type
 * 0x85, TS 38.415 §5.5.2: QFI in the low six bits of its second octet)
 * is there, the QoS flow: its offset, or 0. Echo, Error Indication, End
 * Marker and GTP' carry no user packet. */
static size_t gtpu_inner(const unsigned char *b, size_t g, size_t end, struct pkt_tunnel_at *t)
{
	if (g + 8 > end || b[g] >> 5 != 1 || !(b[g] & 0x10) || b[g + 1] != 0xff)
		return 0; /* not version 1, GTP' (PT 0), or no T-PDU */
	size_t len = pkt_u16(b + g + 2);
	if (g + 8 + len > end)
		return 0;
	end = g + 8 + len; /* the UDP payload may be padded */
	t->id = (uint32_t)pkt_u16(b + g + 4) << 16 | pkt_u16(b + g + 6);
	unsigned next = 0;
	size_t p = g + 8;
	if (b[g] & 0x07) {
		/* E, S or PN: the sequence number, N-PDU number and next
		 * extension header type are all there (§5.1) */
		if (p + 4 > end)
			return 0;
		next = (b[g] & 0x04) ? b[p + 3] : 0;
		p += 4;
	}
	while (next) {
		/* an extension header (§5.2.1): its length in 4-byte units
		 * (the length byte and the next type included), its content,
		 * the next type in its last byte */
		if (p + 1 > end || b[p] == 0 || p + 4 * (size_t)b[p] > end)
			return 0;
		size_t el = 4 * (size_t)b[p];
		if (next == 0x85) {
			t->has_qfi = true;
			t->qfi = b[p + 2] & 0x3f;
		}
		next = b[p + el - 1];
		p += el;
	}
	return p < end && (b[p] >> 4 == 4 || b[p] >> 4 == 6) ? p : 0;
}

/* VXLAN (RFC 7348, UDP port 4789), Geneve (RFC 8926, UDP port 6081) or
 * GTP-U (port 2152) in the UDP datagram at b[h, end): the IP packet it
 * carries, the tunnel in *t: its offset, or 0. */
static size_t udp_tunnel_inner(const unsigned char *b, size_t h, size_t end, struct pkt_tunnel_at *t)
{
	if (h + 16 > end)
		return 0;
	unsigned sport = pkt_u16(b + h), dport = pkt_u16(b + h + 2);
	const unsigned char *v = b + h + 8;
	if (dport == 2152 || sport == 2152) {
		/* a G-PDU goes to 2152, from any port (TS 29.281 §4.4.2.3) */
		t->kind = PKT_TUNNEL_GTPU;
		return gtpu_inner(b, h + 8, end, t);
	}
	if (dport == 4789 && (v[0] & 0x08)) {
		t->kind = PKT_TUNNEL_VXLAN;
		t->id = (uint32_t)v[4] << 16 | (uint32_t)v[5] << 8 | v[6];
		return ether_ip(b, h + 16, end);
	}
	if (dport == 6081 && (v[0] >> 6) == 0) {
		size_t g = h + 16 + (size_t)(v[0] & 0x3f) * 4;
		t->kind = PKT_TUNNEL_GENEVE;
		t->id = (uint32_t)v[4] << 16 | (uint32_t)v[5] << 8 | v[6];
		return g <= end ? tunnel_ip(b, g, end, pkt_u16(v + 2)) : 0;
	}
	return 0;
}

/* r of a packet inside the outer one at its offset by: offsets of the
 * outer packet. */
static void shift(struct pkt_ip *r, size_t by)
{
	r->from += by;
	r->to += by;
	r->ip += by;
	r->th += by;
	r->data += by;
	r->data_end += by;
}

/* The tunnel t (the packet inside read) added to r's list, after those
 * inside it. */
static void tunnel_add(struct pkt_ip *r, const struct pkt_tunnel_at *t)
{
	if (r->ntunnels < PKT_TUNNELS_MAX)
		r->tunnels[r->ntunnels++] = *t;
}

/* pkt_ip_payload at one level of IP in IP or a tunnel (depth 0 the outer
 * packet; up to PKT_TUNNELS_MAX levels inside it). */
static bool ip_payload(const unsigned char *b, size_t n, struct pkt_ip *r, int depth)
{
	int v = ip_at(b, n);
	size_t h, end;
	unsigned proto, fo = 0;
	bool more = false;
	const unsigned char *id = NULL; /* the identification of a fragmented datagram */
	size_t idn = 0;
	r->tcp = false;
	r->keyn = 0;
	r->ip = 0;
	r->ver = (unsigned)v;
	r->ports = false;
	if (depth == 0) {
		r->esp = r->esp_enc = r->sctp_more = false;
		r->ntunnels = 0;
	}
	if (v == 4) {
		h = (size_t)(b[0] & 15) * 4;
		end = pkt_u16(b + 2);
		proto = b[9];
		fo = (pkt_u16(b + 6) & 0x1fff) * 8u;
		more = b[6] & 0x20;
		id = b + 4;
		idn = 2;
		memcpy(r->key, b + 12, 8);
		r->keyn = 8;
		if (h > end)
			return false;
	} else if (v == 6) {
		h = 40;
		end = 40 + pkt_u16(b + 4);
		proto = b[6];
		memcpy(r->key, b + 8, 32);
		r->keyn = 32;
		/* extension headers: hop-by-hop, routing, destination options,
		 * fragment */
		while ((proto == 0 || proto == 43 || proto == 60 || proto == 44) && h + 8 <= end) {
			if (proto == 44) {
				fo = pkt_u16(b + h + 2) & 0xfff8;
				more = b[h + 3] & 1;
				id = b + h + 4;
				idn = 4;
				proto = b[h];
				h += 8;
			} else {
				proto = b[h];
				h += ((size_t)b[h + 1] + 1) * 8;
			}
		}
		if (h > end)
			return false;
	} else {
		return false;
	}
	r->more = more;
	r->frag = fo != 0;
	r->frag_off = fo;
	r->data = h;
	r->data_end = end;
	r->data_proto = proto;
	if (fo != 0 || more) {
		/* a fragment: the flow is the datagram's */
		memcpy(r->key + r->keyn, id, idn);
		r->keyn += idn;
	} else if ((proto == 17 || proto == 6 || proto == 132) && h + 4 <= end) {
		memcpy(r->key + r->keyn, b + h, 4); /* the ports */
		r->keyn += 4;
	}
	if (fo != 0) {
		r->proto = proto;
		r->th = h;
		r->from = h;
		r->to = end;
		return true;
	}
	if (proto == 50 && esp_null(b, h, end, &proto, &end)) {
		r->esp = true;
		r->spi = (uint32_t)pkt_u16(b + h) << 16 | pkt_u16(b + h + 2);
		h += 8; /* the payload of ESP without encryption */
	} else if (proto == 50) {
		r->esp_enc = true;
		return false;
	}
	if ((proto == 4 || proto == 41) && depth < PKT_TUNNELS_MAX) {
		/* (failing, where the inner packet's payload is: encrypted
		 * ESP's) */
		bool ok = ip_payload(b + h, end - h, r, depth + 1);
		shift(r, h);
		return ok;
	}
	/* a tunnel of a virtual network or a port mirror: the packet it
	 * carries is read, or (UDP to the port by chance, no IP inside)
	 * the datagram itself */
	struct pkt_tunnel_at tun = { PKT_TUNNEL_NONE, 0, false, 0 };
	size_t in = 0;
	if (depth < PKT_TUNNELS_MAX && !more && !r->esp)
		in = proto == 47 ? gre_inner(b, h, end, &tun.kind)
				 : proto == 17 ? udp_tunnel_inner(b, h, end, &tun) : 0;
	if (in) {
		struct pkt_ip outer = *r;
		bool ok = ip_payload(b + in, end - in, r, depth + 1);
		if (ok || (r->esp_enc && r->data_proto == 50)) {
			/* read; or encrypted ESP inside: where its bytes are */
			shift(r, in);
			tunnel_add(r, &tun);
			return ok;
		}
		*r = outer;
		if (proto == 47)
			return false;
	}
	r->proto = proto;
	r->th = h;
	r->ports = (proto == 17 || proto == 6 || proto == 132) && h + 4 <= end;
	if (proto == 17 && h + 8 <= end) {
		r->from = h + 8;
		r->to = more ? end : h + pkt_u16(b + h + 4) <= end && pkt_u16(b + h + 4) >= 8 ? h + pkt_u16(b + h + 4) : end;
		return true;
	}
	if (proto == 6 && h + 20 <= end && (size_t)(b[h + 12] >> 4) * 4 >= 20 && h + (size_t)(b[h + 12] >> 4) * 4 <= end) {
		r->from = h + (size_t)(b[h + 12] >> 4) * 4;
		r->to = end;
		r->tcp = true;
		r->tcp_flags = b[h + 13];
		r->seq = (uint32_t)pkt_u16(b + h + 4) << 16 | pkt_u16(b + h + 6);
		return true;
	}
	if (proto == 132) {
		/* the r->chunk-th DATA chunk (RFC 9260 §3.3.1) of the chunks
		 * bundled after SCTP's common header, others (SACK, ...)
		 * skipped; r->sctp_more when another DATA chunk follows */
		bool got = false;
		for (size_t c = h + 12, k = r->chunk; c + 4 <= end;) {
			size_t cl = pkt_u16(b + c + 2);
			if (cl < 4)
				break;
			if (b[c] == 0 && cl >= 16 && c + 16 <= end) {
				if (got) {
					r->sctp_more = true;
					break;
				}
				if (k-- == 0) {
					got = true;
					r->sctp_end = b[c + 1] & 1;
					r->sctp_begin = b[c + 1] & 2;
					r->seq = (uint32_t)pkt_u16(b + c + 4) << 16 | pkt_u16(b + c + 6);
					r->from = c + 16;
					r->to = c + cl <= end ? c + cl : end;
				}
			}
			c += (cl + 3) & ~(size_t)3;
		}
		return got;
	}
	return false;
}

bool pkt_ip_payload(const unsigned char *b, size_t n, struct pkt_ip *r)
{
	return ip_payload(b, n, r, 0);
}

size_t pkt_ws_header(const unsigned char *b, size_t avail, uint64_t *len, bool *masked)
{
	if (avail < 2)
		return 0;
	size_t h = 2;
	uint64_t n = b[1] & 0x7f;
	if (n == 126) {
		if (avail < 4)
			return 0;
		n = pkt_u16(b + 2);
		h = 4;
	} else if (n == 127) {
		if (avail < 10)
			return 0;
		n = 0;
		for (size_t i = 0; i < 8; i++)
			n = n << 8 | b[2 + i];
		h = 10;
	}
	*masked = b[1] & 0x80;
	h += *masked ? 4 : 0;
	if (h > avail)
		return 0;
	*len = n;
	return h;
}

bool pkt_ws_frame(unsigned char *b, size_t from, size_t to, size_t *pf, size_t *pt, size_t *rest,
		  unsigned char key[4], bool *masked)
{
	size_t avail = to - from;
	uint64_t n;
	bool mask;
	if (avail < 2 || (b[from] != 0x81 && b[from] != 0x82))
		return false;
	size_t hk = pkt_ws_header(b + from, avail, &n, &mask);
	if (hk == 0)
		return false;
	size_t k = mask ? 4 : 0, h = hk - k;
	size_t here = n < avail - hk ? (size_t)n : avail - hk;
	*masked = mask;
	if (mask) {
		memcpy(key, b + from + h, 4);
		for (size_t i = 0; i < here; i++)
			b[from + h + k + i] ^= key[i & 3];
	}
	*pf = from + h + k;
	*pt = *pf + here;
	*rest = (size_t)(n - here);
	return true;
}

bool pkt_payload_guess(const unsigned char *b, size_t n, struct pkt_ip *r)
{
	if (pkt_ip_payload(b, n, r))
		return true;
	bool esp_enc = r->esp_enc;
	/* Ethernet (tags, MPLS, PPPoE inside), Linux cooked (SLL: its
	 * protocol at 14, the payload at 16), Linux cooked v2 (SLL2: at 0
	 * and 20), then none: an MPLS label stack or a PPPoE header first */
	for (int i = 0; i < 5; i++) {
		struct pkt_link l;
		size_t o = i == 0 ? pkt_ether_ip(b, n, &l)
			 : i == 1 ? (n >= 16 ? pkt_ethertype_ip(pkt_u16(b + 14), b, 16, n, &l) : 0)
			 : i == 2 ? (n >= 20 ? pkt_ethertype_ip(pkt_u16(b), b, 20, n, &l) : 0)
			 /* tcpdump -x of a packet under MPLS or PPPoE: from
			  * the label stack or the PPPoE header on */
			 : pkt_ethertype_ip(i == 3 ? 0x8847 : 0x8864, b, 0, n, &l);
		if (!o || n < o + 20)
			continue;
		if (pkt_ip_payload(b + o, n - o, r)) {
			r->link = l;
			r->from += o;
			r->to += o;
			r->ip += o;
			r->th += o;
			return true;
		}
		esp_enc |= r->esp_enc;
	}
	r->esp_enc = esp_enc;
	return false;
}

bool pkt_endpoints(const unsigned char *b, const struct pkt_ip *r, struct pkt_ends *e)
{
	e->ver = 0;
	if (r->ver != 4 && r->ver != 6)
		return false;
	for (int i = 0; i < 2; i++) {
		const unsigned char *ad = r->ver == 4 ? b + r->ip + 12 + 4 * i : b + r->ip + 8 + 16 * i;
		if (!inet_ntop(r->ver == 4 ? AF_INET : AF_INET6, ad, i ? e->dst : e->src, sizeof e->src))
			return false;
	}
	e->ver = r->ver;
	e->ports = r->ports && !r->frag;
	e->sport = e->ports ? (uint16_t)pkt_u16(b + r->th) : 0;
	e->dport = e->ports ? (uint16_t)pkt_u16(b + r->th + 2) : 0;
	return true;
}

bool pkt_ends_equal(const struct pkt_ends *a, const struct pkt_ends *b)
{
	return a->ver == b->ver && a->ports && b->ports && a->sport == b->sport && a->dport == b->dport &&
	       strcmp(a->src, b->src) == 0 && strcmp(a->dst, b->dst) == 0;
}

bool pkt_time_copy(int64_t asec, uint32_t ausec, int64_t bsec, uint32_t busec)
{
	/* the seconds' distance, exact in unsigned (the larger minus the smaller) */
	const uint64_t gap = asec > bsec ? (uint64_t)asec - (uint64_t)bsec : (uint64_t)bsec - (uint64_t)asec;
	if (gap > 1)
		return false;
	const int64_t ds = bsec > asec ? 1 : bsec < asec ? -1 : 0;
	const int64_t dt = ds * 1000000 + (int64_t)busec - (int64_t)ausec;
	return dt <= PKT_COPY_US && dt >= -PKT_COPY_US;
}

void pkt_ends_write(struct buf *o, const struct pkt_ends *e)
{
	buf_printf(o, "%s %s", e->ver == 4 ? "IP" : "IP6", e->src);
	if (e->ports)
		buf_printf(o, ".%u", e->sport);
	buf_printf(o, " > %s", e->dst);
	if (e->ports)
		buf_printf(o, ".%u", e->dport);
}

void pkt_line_write(struct buf *o, const unsigned char *b, const struct pkt_ip *r)
{
	struct pkt_ends e;
	if (!pkt_endpoints(b, r, &e))
		return;
	pkt_ends_write(o, &e);
	static const char *const names[] = { [6] = "TCP", [17] = "UDP", [132] = "SCTP" };
	const char *t = r->proto < sizeof names / sizeof names[0] ? names[r->proto] : NULL;
	/* UDP: the datagram's length, also when it comes in fragments */
	size_t n = r->to - r->from;
	if (r->proto == 17 && r->ports && !r->frag && r->from >= r->th + 8 && pkt_u16(b + r->th + 4) >= 8)
		n = pkt_u16(b + r->th + 4) - 8u;
	buf_printf(o, ": %s, length %zu%s", t && !r->frag ? t : "IP fragment", n, r->more ? ", in IP fragments" : "");
	pkt_carrier_write(o, r);
	pkt_link_write(o, &r->link);
}

void pkt_carrier_write(struct buf *o, const struct pkt_ip *r)
{
	if (r->esp)
		buf_printf(o, ", in ESP (SPI 0x%08x, null encryption)", (unsigned)r->spi);
	static const char *const names[] = { [PKT_TUNNEL_GRE] = "GRE", [PKT_TUNNEL_ERSPAN] = "ERSPAN",
					     [PKT_TUNNEL_VXLAN] = "VXLAN", [PKT_TUNNEL_GENEVE] = "Geneve",
					     [PKT_TUNNEL_GTPU] = "GTP-U" };
	for (unsigned i = 0; i < r->ntunnels && i < PKT_TUNNELS_MAX; i++) {
		const struct pkt_tunnel_at *t = &r->tunnels[i];
		if (t->kind == PKT_TUNNEL_NONE || t->kind > PKT_TUNNEL_GTPU)
			continue;
		buf_printf(o, ", in %s", names[t->kind]);
		if (t->kind == PKT_TUNNEL_GTPU && t->has_qfi)
			buf_printf(o, " (TEID 0x%08x, QFI %u)", (unsigned)t->id, (unsigned)t->qfi);
		else if (t->kind == PKT_TUNNEL_GTPU)
			buf_printf(o, " (TEID 0x%08x)", (unsigned)t->id);
		else if (t->kind == PKT_TUNNEL_VXLAN || t->kind == PKT_TUNNEL_GENEVE)
			buf_printf(o, " (VNI %u)", (unsigned)t->id);
	}
}

/* ---- a capture tool's packet line -------------------------------------- */

/* n decimal digits at s[*i], their value in *v; false when fewer. */
static bool line_digits(struct slice s, size_t *i, size_t n, int64_t *v)
{
	int64_t x = 0;
	for (size_t k = 0; k < n; k++, ++*i) {
		if (*i >= s.len || s.ptr[*i] < '0' || s.ptr[*i] > '9')
			return false;
		x = x * 10 + (s.ptr[*i] - '0');
	}
	*v = x;
	return true;
}

/* 1 to 12 decimal digits at s[*i] (tcpdump -tt's seconds since 1970)
 * into *v. */
static bool line_seconds(struct slice s, size_t *i, int64_t *v)
{
	int64_t x = 0;
	size_t k = 0;
	for (; *i < s.len && s.ptr[*i] >= '0' && s.ptr[*i] <= '9' && k < 13; ++*i, k++)
		x = x * 10 + (s.ptr[*i] - '0');
	if (k == 0 || k > 12)
		return false;
	*v = x;
	return true;
}

static bool line_lit(struct slice s, size_t *i, char c)
{
	if (*i >= s.len || s.ptr[*i] != c)
		return false;
	++*i;
	return true;
}

/* "." and a fraction of a second of 1 to 9 digits at s[*i] (--nano's
 * 9) into *usec. */
static bool line_frac(struct slice s, size_t *i, uint32_t *usec)
{
	if (!line_lit(s, i, '.'))
		return false;
	int64_t frac = 0;
	size_t k = 0;
	for (; *i < s.len && s.ptr[*i] >= '0' && s.ptr[*i] <= '9'; ++*i, k++)
		if (k < 6)
			frac = frac * 10 + (s.ptr[*i] - '0');
	if (k == 0 || k > 9)
		return false;
	for (; k < 6; k++)
		frac *= 10;
	*usec = (uint32_t)frac;
	return true;
}

/* "HH:MM:SS" and its fraction at s[*i] into *sec (from midnight) and
 * *usec. */
static bool line_clock(struct slice s, size_t *i, int64_t *sec, uint32_t *usec)
{
	int64_t h, m, x;
	if (!line_digits(s, i, 2, &h) || !line_lit(s, i, ':') || !line_digits(s, i, 2, &m) ||
	    !line_lit(s, i, ':') || !line_digits(s, i, 2, &x) || h > 23 || m > 59 || x > 60 ||
	    !line_frac(s, i, usec))
		return false;
	*sec = h * 3600 + m * 60 + x;
	return true;
}

static bool line_starts(struct slice s, const char *p)
{
	size_t n = strlen(p);
	return s.len >= n && memcmp(s.ptr, p, n) == 0;
}

/* *sec plus the start of day y-mo-d (UTC): false when there is no such
 * day (a month or day out of range, a year the calendar cannot hold). */
static bool line_day(int64_t y, int64_t mo, int64_t d, int64_t *sec)
{
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return false;
	struct tm tm = { .tm_year = (int)y - 1900, .tm_mon = (int)mo - 1, .tm_mday = (int)d };
	time_t day = timegm(&tm);
	if (day == (time_t)-1)
		return false;
	*sec += (int64_t)day;
	return true;
}

/* A date "YYYY-MM-DD " (sep '-', tcpdump -tttt) or "YYYY/MM/DD " (ngrep
 * -t) then the clock: *sec from 1970. */
static bool line_date_clock(struct slice s, size_t *i, char sep, int64_t *sec, uint32_t *usec)
{
	int64_t y, mo, d;
	return line_digits(s, i, 4, &y) && line_lit(s, i, sep) && line_digits(s, i, 2, &mo) && line_lit(s, i, sep) &&
	       line_digits(s, i, 2, &d) && line_lit(s, i, ' ') && line_clock(s, i, sec, usec) &&
	       line_day(y, mo, d, sec);
}

/* An address (numeric) and a port: "10.0.0.1.5060", "2001:db8::1.5060"
 * (tcpdump: the last '.' before the port), or "10.0.0.1:5060",
 * "2001:db8::1:5060", "[2001:db8::1]:5060" (ngrep, sngrep: the last ':'
 * before the port, which these lines always write). */
static bool line_endpoint(struct slice t, char sep, char addr[46], uint16_t *port)
{
	size_t k = t.len;
	while (k && t.ptr[k - 1] != sep)
		k--;
	if (!k || k == t.len || t.len - k > 5)
		return false;
	unsigned long p = 0;
	for (size_t j = k; j < t.len; j++) {
		if (t.ptr[j] < '0' || t.ptr[j] > '9')
			return false;
		p = p * 10 + (unsigned long)(t.ptr[j] - '0');
	}
	struct slice a = { t.ptr, k - 1 };
	if (sep == ':' && a.len >= 2 && a.ptr[0] == '[' && a.ptr[a.len - 1] == ']')
		a = (struct slice){ a.ptr + 1, a.len - 2 };
	if (p > 65535 || !a.len || a.len >= 46)
		return false;
	unsigned char bin[16];
	memcpy(addr, a.ptr, a.len);
	addr[a.len] = '\0';
	if (inet_pton(AF_INET, addr, bin) != 1 && inet_pton(AF_INET6, addr, bin) != 1)
		return false;
	*port = (uint16_t)p;
	return true;
}

static unsigned addr_version(const char *a)
{
	return strchr(a, ':') ? 6 : 4;
}

/* tcpdump: after the time, the innermost "SRC.PORT > DST.PORT: WHAT" of
 * the line (and of -v's next line), WHAT telling the transport. */
static bool line_tcpdump(struct slice s, size_t i, struct pkt_line *l)
{
	bool found = false;
	for (size_t at = i; at + 3 <= s.len; at++) {
		if (memcmp(s.ptr + at, " > ", 3) != 0)
			continue;
		size_t a = at, b = at + 3;
		while (a > i && s.ptr[a - 1] != ' ' && s.ptr[a - 1] != '\n')
			a--;
		while (b < s.len && s.ptr[b] != ' ' && s.ptr[b] != '\n')
			b++;
		if (b - (at + 3) < 2 || s.ptr[b - 1] != ':' || b + 1 >= s.len || s.ptr[b] != ' ')
			continue;
		struct pkt_line t = *l;
		if (!line_endpoint((struct slice){ s.ptr + a, at - a }, '.', t.ends.src, &t.ends.sport) ||
		    !line_endpoint((struct slice){ s.ptr + at + 3, b - 1 - (at + 3) }, '.', t.ends.dst,
				   &t.ends.dport) ||
		    addr_version(t.ends.src) != addr_version(t.ends.dst))
			continue;
		struct slice what = { s.ptr + b + 1, s.len - b - 1 };
		const char *close = line_starts(what, "[") ? memchr(what.ptr, ']', what.len) : NULL;
		if (close && close + 2 <= what.ptr + what.len && close[1] == ' ') /* -vv: "[udp sum ok] " */
			what = (struct slice){ close + 2, (size_t)(what.ptr + what.len - close - 2) };
		if (line_starts(what, "Flags [") || line_starts(what, "sctp") || line_starts(what, "TCP,") ||
		    line_starts(what, "SCTP,"))
			t.udp = false;
		else if (line_starts(what, "UDP") || line_starts(what, "SIP"))
			t.udp = true;
		else
			continue;
		t.ends.ver = addr_version(t.ends.src);
		t.ends.ports = true;
		*l = t;
		found = true;
	}
	return found;
}

/* ngrep's header after its protocol letter and time: "A:P -> B:P", an
 * IPv6 address bare (ngrep 1.47 writes it so) or in brackets, its port
 * after the last ':' (these lines always write one); whole (sngrep's
 * line, decode's of tshark's exports): nothing after B:P. */
static bool line_ngrep(struct slice s, size_t i, bool whole, struct pkt_line *l)
{
	size_t arrow = i;
	while (arrow + 4 <= s.len && memcmp(s.ptr + arrow, " -> ", 4) != 0)
		arrow++;
	if (arrow + 4 > s.len)
		return false;
	size_t b = arrow + 4;
	while (b < s.len && s.ptr[b] != ' ' && s.ptr[b] != '\n' && s.ptr[b] != '\r')
		b++;
	size_t e = b;
	while (whole && e < s.len && (s.ptr[e] == '\r' || s.ptr[e] == ' '))
		e++;
	if ((whole && e != s.len) ||
	    !line_endpoint((struct slice){ s.ptr + i, arrow - i }, ':', l->ends.src, &l->ends.sport) ||
	    !line_endpoint((struct slice){ s.ptr + arrow + 4, b - arrow - 4 }, ':', l->ends.dst,
			   &l->ends.dport) ||
	    addr_version(l->ends.src) != addr_version(l->ends.dst))
		return false;
	l->ends.ver = addr_version(l->ends.src);
	l->ends.ports = true;
	return true;
}

/* tshark's time of a packet as its exports write frame.time: "Jul  4,
 * 2005 11:32:52.844249000 CEST" (the zone a name, not applied: the times
 * of one export are compared with each other) or ek's ISO 8601
 * "2005-07-04T09:32:52.844249000Z" (or an offset "+02:00", applied), then
 * two spaces; *sec from 1970. */
static bool line_tshark_time(struct slice s, size_t *i, int64_t *sec, uint32_t *usec)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int64_t y, mo = 0, d, off = 0;
	if (*i + 3 <= s.len && s.ptr[*i] >= 'A' && s.ptr[*i] <= 'Z') {
		for (int k = 0; k < 12 && !mo; k++)
			if (memcmp(s.ptr + *i, months + 3 * k, 3) == 0)
				mo = k + 1;
		*i += 3;
		if (!mo || !line_lit(s, i, ' '))
			return false;
		(void)line_lit(s, i, ' '); /* the day padded to two places */
		size_t d0 = *i;
		while (*i < s.len && *i - d0 < 2 && s.ptr[*i] >= '0' && s.ptr[*i] <= '9')
			++*i;
		if (*i == d0)
			return false;
		d = s.ptr[d0] - '0';
		if (*i - d0 == 2)
			d = d * 10 + (s.ptr[d0 + 1] - '0');
		if (!line_lit(s, i, ',') || !line_lit(s, i, ' ') || !line_digits(s, i, 4, &y) ||
		    !line_lit(s, i, ' ') || !line_clock(s, i, sec, usec))
			return false;
		/* the zone's name, up to the two spaces */
		if (*i + 1 < s.len && s.ptr[*i] == ' ' && s.ptr[*i + 1] != ' ')
			while (*i < s.len && s.ptr[*i] != '\n' && !(s.ptr[*i] == ' ' && *i + 1 < s.len && s.ptr[*i + 1] == ' '))
				++*i;
	} else {
		int64_t oh, om;
		if (!line_digits(s, i, 4, &y) || !line_lit(s, i, '-') || !line_digits(s, i, 2, &mo) ||
		    !line_lit(s, i, '-') || !line_digits(s, i, 2, &d) || !line_lit(s, i, 'T') ||
		    !line_clock(s, i, sec, usec))
			return false;
		if (*i < s.len && (s.ptr[*i] == '+' || s.ptr[*i] == '-')) {
			const int64_t sign = s.ptr[*i] == '-' ? -1 : 1;
			++*i;
			if (!line_digits(s, i, 2, &oh) || !line_lit(s, i, ':') || !line_digits(s, i, 2, &om) ||
			    oh > 23 || om > 59)
				return false;
			off = sign * (oh * 3600 + om * 60);
		} else if (!line_lit(s, i, 'Z')) {
			return false;
		}
	}
	if (!line_lit(s, i, ' ') || !line_lit(s, i, ' ') || !line_day(y, mo, d, sec))
		return false;
	*sec -= off;
	return true;
}

/* The packet line decode writes for a message of tshark's JSON, ek, PDML
 * or fields export (with the fields' names): "frame 19  Jul  4, 2005
 * 11:32:52.844249000 CEST  UDP 192.168.1.2:5060 -> 212.242.33.35:5060"
 * (an IPv6 address in brackets), from s[i] after "frame ". */
static bool line_tshark(struct slice s, size_t i, struct pkt_line *l)
{
	size_t f0 = i;
	uint64_t frame = 0;
	for (; i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9' && i - f0 < 19; i++)
		frame = frame * 10 + (uint64_t)(s.ptr[i] - '0');
	if (i == f0 || !line_lit(s, &i, ' ') || !line_lit(s, &i, ' ') ||
	    !line_tshark_time(s, &i, &l->sec, &l->usec))
		return false;
	if (line_starts((struct slice){ s.ptr + i, s.len - i }, "UDP "))
		i += 4, l->udp = true;
	else if (line_starts((struct slice){ s.ptr + i, s.len - i }, "TCP "))
		i += 4;
	else if (line_starts((struct slice){ s.ptr + i, s.len - i }, "SCTP "))
		i += 5;
	else
		return false;
	l->dated = true;
	l->frame = frame;
	return line_ngrep(s, i, true, l);
}

bool pkt_line_read(struct slice s, struct pkt_line *l)
{
	memset(l, 0, sizeof *l);
	if (!s.ptr)
		return false;
	size_t i = 0;
	/* ngrep: "U " or "T ", then -t's "YYYY/MM/DD HH:MM:SS.ffffff " */
	if (s.len > 2 && (s.ptr[0] == 'U' || s.ptr[0] == 'T') && s.ptr[1] == ' ') {
		i = 2;
		l->udp = s.ptr[0] == 'U';
		l->dated = true;
		if (!line_date_clock(s, &i, '/', &l->sec, &l->usec) || !line_lit(s, &i, ' ') ||
		    !line_ngrep(s, i, false, l)) {
			memset(l, 0, sizeof *l);
			return false;
		}
		return true;
	}
	/* decode's own line of a message of tshark's exports */
	if (line_starts(s, "frame ")) {
		if (!line_tshark(s, 6, l)) {
			memset(l, 0, sizeof *l);
			return false;
		}
		return true;
	}
	/* sngrep's Save as .txt: "YYYY/MM/DD HH:MM:SS.ffffff A:P -> B:P". It
	 * does not say the transport: unsaid, and udp false unless the caller
	 * learns it from the message */
	if (line_date_clock(s, &i, '/', &l->sec, &l->usec)) {
		l->dated = true;
		l->unsaid = true;
		if (!line_lit(s, &i, ' ') || !line_ngrep(s, i, true, l)) {
			memset(l, 0, sizeof *l);
			return false;
		}
		return true;
	}
	i = 0, l->sec = 0, l->usec = 0;
	/* tcpdump: -tttt's date and time, -tt's seconds, or the time of day */
	if (line_date_clock(s, &i, '-', &l->sec, &l->usec)) {
		l->dated = true;
	} else if (i = 0, line_seconds(s, &i, &l->sec) && line_frac(s, &i, &l->usec)) {
		l->dated = true;
	} else if (i = 0, !line_clock(s, &i, &l->sec, &l->usec)) {
		memset(l, 0, sizeof *l);
		return false;
	}
	if (!line_lit(s, &i, ' ') || !line_tcpdump(s, i, l)) {
		memset(l, 0, sizeof *l);
		return false;
	}
	return true;
}

bool pkt_summary_time(struct slice s, struct pkt_line *l)
{
	memset(l, 0, sizeof *l);
	if (!s.ptr)
		return false;
	size_t i = 0;
	uint64_t frame = 0;
	while (i < s.len && s.ptr[i] == ' ')
		i++;
	size_t f0 = i;
	for (; i < s.len && s.ptr[i] >= '0' && s.ptr[i] <= '9' && i - f0 < 19; i++)
		frame = frame * 10 + (uint64_t)(s.ptr[i] - '0');
	if (i == f0 || !line_lit(s, &i, ' '))
		return false;
	while (i < s.len && s.ptr[i] == ' ')
		i++;
	/* -t ad / ud's date and time, -t a / u's time of day, -t r's
	 * seconds since the first packet (negative when the clock went
	 * back) or -t e's since 1970 */
	size_t t0 = i;
	bool neg = false;
	if (line_date_clock(s, &i, '-', &l->sec, &l->usec)) {
		l->dated = true;
	} else if (i = t0, line_clock(s, &i, &l->sec, &l->usec)) {
		l->dated = false;
	} else {
		i = t0;
		neg = line_lit(s, &i, '-');
		if (!line_seconds(s, &i, &l->sec) || !line_frac(s, &i, &l->usec))
			return false;
		l->dated = true;
	}
	/* then the source address (a name with -N), an arrow */
	if (!line_lit(s, &i, ' ') || (!memmem(s.ptr + i, s.len - i, " \xe2\x86\x92 ", 5) &&
				      !memmem(s.ptr + i, s.len - i, " -> ", 4))) {
		memset(l, 0, sizeof *l);
		return false;
	}
	if (neg && (l->sec || l->usec)) {
		/* -(sec.usec) as a second and the microseconds after it */
		l->sec = -l->sec - (l->usec ? 1 : 0);
		l->usec = l->usec ? 1000000 - l->usec : 0;
	}
	l->frame = frame;
	return true;
}

bool pkt_line_ends_read(struct slice s, struct pkt_line *l)
{
	memset(l, 0, sizeof *l);
	if (!s.ptr)
		return false;
	/* ngrep without -t: "U A:P -> B:P #3" */
	if (s.len > 2 && (s.ptr[0] == 'U' || s.ptr[0] == 'T') && s.ptr[1] == ' ') {
		l->udp = s.ptr[0] == 'U';
		if (!line_ngrep(s, 2, false, l)) {
			memset(l, 0, sizeof *l);
			return false;
		}
		return true;
	}
	if (!line_tcpdump(s, 0, l)) {
		memset(l, 0, sizeof *l);
		return false;
	}
	l->sec = 0, l->usec = 0;
	return true;
}

/* sofia-sip's tport log line: "recv 1047 bytes from udp/[10.0.0.1]:5060
 * at 13:03:53.937616:" ("send ... to ..."; after the port perhaps "/N"
 * for an IPv6 flow label and ";comp=sigcomp"): its time of day and
 * transport. */
static bool line_sofia(struct slice s, struct pkt_line *l)
{
	size_t i = 5;
	int64_t n;
	if (s.len < 5 || (memcmp(s.ptr, "recv ", 5) != 0 && memcmp(s.ptr, "send ", 5) != 0) ||
	    !line_seconds(s, &i, &n))
		return false;
	struct slice rest = { s.ptr + i, s.len - i };
	if (line_starts(rest, " bytes from "))
		i += 12;
	else if (line_starts(rest, " bytes to "))
		i += 10;
	else
		return false;
	size_t p = i;
	while (i < s.len && s.ptr[i] >= 'a' && s.ptr[i] <= 'z' && i - p < 8)
		i++;
	const bool udp = i - p == 3 && memcmp(s.ptr + p, "udp", 3) == 0;
	if (i == p || !line_lit(s, &i, '/') || !line_lit(s, &i, '['))
		return false;
	while (i < s.len && s.ptr[i] != ']' && s.ptr[i] != ' ')
		i++;
	if (!line_lit(s, &i, ']') || !line_lit(s, &i, ':') || !line_seconds(s, &i, &n) || n > 65535)
		return false;
	while (i + 4 <= s.len && memcmp(s.ptr + i, " at ", 4) != 0 && s.ptr[i] != ' ')
		i++;
	if (i + 4 > s.len || memcmp(s.ptr + i, " at ", 4) != 0)
		return false;
	i += 4;
	if (!line_clock(s, &i, &l->sec, &l->usec))
		return false;
	(void)line_lit(s, &i, ':'); /* the log's; decode's packet line leaves it out */
	if (i != s.len)
		return false;
	l->udp = udp;
	l->dated = false;
	return true;
}

bool pkt_time_line_read(struct slice s, struct pkt_line *l)
{
	memset(l, 0, sizeof *l);
	if (!s.ptr)
		return false;
	if (line_sofia(s, l))
		return true;
	memset(l, 0, sizeof *l);
	size_t i = 0;
	if (!line_date_clock(s, &i, '-', &l->sec, &l->usec) || !line_lit(s, &i, ' ')) {
		memset(l, 0, sizeof *l);
		return false;
	}
	size_t w = i;
	while (i < s.len && s.ptr[i] >= 'A' && s.ptr[i] <= 'Z' && i - w < 8)
		i++;
	struct slice rest = { s.ptr + i, s.len - i };
	if (i == w || (!line_starts(rest, " message sent (") && !line_starts(rest, " message received ["))) {
		memset(l, 0, sizeof *l);
		return false;
	}
	l->udp = i - w == 3 && memcmp(s.ptr + w, "UDP", 3) == 0;
	l->dated = true;
	return true;
}

/* A log's clock at s[*i]: "H:MM:SS" or "HH:MM:SS", then perhaps a
 * fraction after '.' or ',' (Java's loggers write "10:00:01,123"): *sec
 * from midnight, *usec, *fine when the fraction was there. */
static bool log_clock(struct slice s, size_t *i, int64_t *sec, uint32_t *usec, bool *fine)
{
	int64_t h, m, x;
	size_t h0 = *i;
	if (!line_digits(s, i, 1, &h))
		return false;
	if (*i < s.len && s.ptr[*i] >= '0' && s.ptr[*i] <= '9') {
		*i = h0;
		if (!line_digits(s, i, 2, &h))
			return false;
	}
	if (!line_lit(s, i, ':') || !line_digits(s, i, 2, &m) || !line_lit(s, i, ':') ||
	    !line_digits(s, i, 2, &x) || h > 23 || m > 59 || x > 60)
		return false;
	*sec = h * 3600 + m * 60 + x;
	*usec = 0;
	*fine = false;
	if (*i + 1 < s.len && (s.ptr[*i] == '.' || s.ptr[*i] == ',') && s.ptr[*i + 1] >= '0' &&
	    s.ptr[*i + 1] <= '9') {
		size_t f = *i;
		char sep = s.ptr[f];
		struct slice t = s;
		/* line_frac reads after a '.' */
		if (sep == ',') {
			int64_t frac = 0;
			size_t k = 0;
			for (++*i; *i < s.len && s.ptr[*i] >= '0' && s.ptr[*i] <= '9'; ++*i, k++)
				if (k < 6)
					frac = frac * 10 + (s.ptr[*i] - '0');
			if (k > 9)
				return false;
			for (; k < 6; k++)
				frac *= 10;
			*usec = (uint32_t)frac;
		} else if (!line_frac(t, i, usec)) {
			return false;
		}
		*fine = true;
	}
	/* no digit right after, nor a ':' after no fraction (an address's
	 * groups): the clock ends there */
	return *i >= s.len || ((s.ptr[*i] < '0' || s.ptr[*i] > '9') && (*fine || s.ptr[*i] != ':'));
}

/* A time zone after an ISO 8601 time at s[*i]: "Z", "+02:00", "+0200"
 * (none: UTC as written): its offset in seconds east of UTC. */
static bool log_zone(struct slice s, size_t *i, int64_t *off)
{
	*off = 0;
	if (*i < s.len && s.ptr[*i] == 'Z') {
		++*i;
		return true;
	}
	if (*i >= s.len || (s.ptr[*i] != '+' && s.ptr[*i] != '-'))
		return true;
	size_t k = *i + 1;
	int64_t oh, om;
	const int64_t sign = s.ptr[*i] == '-' ? -1 : 1;
	if (!line_digits(s, &k, 2, &oh))
		return true; /* "-" then no digits: not a zone */
	(void)line_lit(s, &k, ':');
	if (!line_digits(s, &k, 2, &om) || oh > 23 || om > 59)
		return true;
	*off = sign * (oh * 3600 + om * 60);
	*i = k;
	return true;
}

bool pkt_log_time_read(struct slice s, struct pkt_line *l, bool *fine)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	memset(l, 0, sizeof *l);
	*fine = false;
	if (!s.ptr)
		return false;
	for (size_t at = 0; at < s.len; at++) {
		const char c = s.ptr[at];
		const bool digit = c >= '0' && c <= '9';
		/* a stamp starts a word: not inside a number, a name, or an
		 * address ("[2001:db8::1:20:30]", "10.0.0.1") */
		if ((!digit && (c < 'A' || c > 'Z')) ||
		    (at > 0 && ((s.ptr[at - 1] >= '0' && s.ptr[at - 1] <= '9') ||
				((s.ptr[at - 1] | 0x20) >= 'a' && (s.ptr[at - 1] | 0x20) <= 'z') ||
				s.ptr[at - 1] == ':' || s.ptr[at - 1] == '.')))
			continue;
		size_t i = at;
		int64_t y = 2000, mo = 0, d = 0, off = 0, sec;
		uint32_t usec;
		bool f;
		if (digit && line_digits(s, &i, 4, &y) && (line_lit(s, &i, '-') || line_lit(s, &i, '/')) &&
		    line_digits(s, &i, 2, &mo) && (line_lit(s, &i, '-') || line_lit(s, &i, '/')) &&
		    line_digits(s, &i, 2, &d) && (line_lit(s, &i, 'T') || line_lit(s, &i, ' ')) &&
		    log_clock(s, &i, &sec, &usec, &f) && log_zone(s, &i, &off) && line_day(y, mo, d, &sec)) {
			/* ISO 8601 / RFC 3339 (RFC 5424 syslog, kubectl, docker),
			 * an application's "2026-11-21 10:00:01.123" */
			l->dated = true;
		} else if (i = at, y = 2000, digit && line_digits(s, &i, 2, &mo) && line_lit(s, &i, '-') &&
			   line_digits(s, &i, 2, &d) && line_lit(s, &i, ' ') && log_clock(s, &i, &sec, &usec, &f) &&
			   line_day(y, mo, d, &sec)) {
			/* logcat's "11-20 10:00:01.123": no year (one of its
			 * own, 2000, as the times are compared with each other) */
			l->dated = true;
		} else if (i = at, !digit && at + 4 < s.len) {
			/* syslog's "Nov 21 10:00:01" (journalctl's too, with
			 * -o short-precise its microseconds): no year */
			for (int k = 0; k < 12 && !mo; k++)
				if (memcmp(s.ptr + at, months + 3 * k, 3) == 0)
					mo = k + 1;
			i = at + 3;
			if (!mo || !line_lit(s, &i, ' '))
				continue;
			(void)line_lit(s, &i, ' ');
			size_t d0 = i;
			while (i < s.len && i - d0 < 2 && s.ptr[i] >= '0' && s.ptr[i] <= '9')
				d = d * 10 + (s.ptr[i++] - '0');
			if (i == d0 || !line_lit(s, &i, ' ') || !log_clock(s, &i, &sec, &usec, &f) ||
			    !line_day(y, mo, d, &sec))
				continue;
			l->dated = true;
		} else if (i = at, digit && log_clock(s, &i, &sec, &usec, &f)) {
			/* a time of day alone */
			l->dated = false;
		} else {
			continue;
		}
		l->sec = sec - off;
		l->usec = usec;
		*fine = f;
		return true;
	}
	return false;
}

void pkt_time_text(char out[PKT_TIME_TEXT_MAX], int64_t sec, uint32_t usec)
{
	const time_t t = (time_t)sec;
	struct tm tm;
	if (gmtime_r(&t, &tm))
		snprintf(out, PKT_TIME_TEXT_MAX, "%04d-%02d-%02d %02d:%02d:%02d.%06u", tm.tm_year + 1900,
			 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, usec);
	else
		snprintf(out, PKT_TIME_TEXT_MAX, "%lld.%06u", (long long)sec, usec);
}
