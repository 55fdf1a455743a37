/* capture_test.c: trace_capture_read over pcap files built here packet by
 * packet (link layers, UDP, IP fragments, TCP out of order, retransmitted
 * and with a lost segment, SCTP chunks, WebSocket), checked message by
 * message: bytes, frames, packet lines, what could not be read; pcapng
 * files of several link layers, and the corpus captures as pcapng read by
 * libpcap and by the block reader alike. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/alloc.h>
#include <imsreg/trace.h>
#include "check.h"
#include "pcapng_write.h"
#include "esp_seal.h"

enum { LINK_NULL = 0, LINK_ETH = 1, LINK_SLL2 = 276 };

/* A pcap file being written: its bytes in f. */
struct pcapw {
	unsigned char f[1 << 22];
	size_t n;
	unsigned frames;
	int link;
	bool vlan;
	/* when l2n: Ethernet's bytes after its addresses (the ethertype
	 * and what stands before the IP packet: tags, MPLS labels, PPPoE),
	 * or Linux cooked v2's protocol (2 bytes) and those after its header */
	unsigned char l2[80];
	size_t l2n;
	uint32_t sec;           /* added to each record's seconds (the frame number) */
	uint32_t usec;          /* each record's microseconds (0: 2) */
};

static void put(struct pcapw *w, const void *p, size_t n)
{
	memcpy(w->f + w->n, p, n);
	w->n += n;
}

static void put32(struct pcapw *w, uint32_t v)
{
	put(w, &v, 4); /* the file's byte order: this machine's */
}

static void pcapw_init(struct pcapw *w, int link)
{
	memset(w, 0, sizeof *w);
	w->link = link;
	put32(w, 0xa1b2c3d4);
	put32(w, 2 | 4u << 16);
	put32(w, 0);
	put32(w, 0);
	put32(w, 65535);
	put32(w, (uint32_t)link);
}

/* One record: the link header, then the IP packet ip[0, n). */
static void pcapw_packet(struct pcapw *w, const unsigned char *ip, size_t n)
{
	unsigned char l[104];
	size_t ln = 0;
	bool v6 = ip[0] >> 4 == 6;
	if (w->link == LINK_ETH && w->l2n) {
		memset(l, 0x02, 12);
		memcpy(l + 12, w->l2, w->l2n);
		ln = 12 + w->l2n;
	} else if (w->link == LINK_SLL2 && w->l2n) {
		memset(l, 0, 20);
		memcpy(l, w->l2, 2);
		memcpy(l + 20, w->l2 + 2, w->l2n - 2);
		ln = 20 + w->l2n - 2;
	} else if (w->link == LINK_ETH) {
		memset(l, 0x02, 12);
		ln = 12;
		if (w->vlan) {
			l[ln++] = 0x81, l[ln++] = 0x00, l[ln++] = 0x00, l[ln++] = 0x05;
		}
		l[ln++] = v6 ? 0x86 : 0x08;
		l[ln++] = v6 ? 0xdd : 0x00;
	} else if (w->link == LINK_SLL2) {
		memset(l, 0, 20);
		l[0] = v6 ? 0x86 : 0x08;
		l[1] = v6 ? 0xdd : 0x00;
		ln = 20;
	} else {
		uint32_t af = v6 ? 30 : 2;
		memcpy(l, &af, 4);
		ln = 4;
	}
	w->frames++;
	put32(w, w->sec + w->frames); /* seconds: the frame number */
	put32(w, w->usec ? w->usec : 2);
	put32(w, (uint32_t)(ln + n));
	put32(w, (uint32_t)(ln + n));
	put(w, l, ln);
	put(w, ip, n);
}

/* An IPv4 header for proto and a payload of n bytes (fragment: offset in
 * bytes, more flag), then the payload. */
static size_t ip4(unsigned char *b, unsigned proto, const unsigned char *pl, size_t n, size_t off, bool more,
		  unsigned id)
{
	memset(b, 0, 20);
	b[0] = 0x45;
	b[2] = (unsigned char)((20 + n) >> 8);
	b[3] = (unsigned char)(20 + n);
	b[4] = (unsigned char)(id >> 8);
	b[5] = (unsigned char)id;
	b[6] = (unsigned char)((more ? 0x20 : 0) | (off / 8) >> 8);
	b[7] = (unsigned char)(off / 8);
	b[8] = 64;
	b[9] = (unsigned char)proto;
	b[12] = 10, b[15] = 1;
	b[16] = 10, b[19] = 2;
	memcpy(b + 20, pl, n);
	return 20 + n;
}

/* An IPv6 header 2001:db8::1 > 2001:db8::2 for UDP and its n bytes pl,
 * then them. */
static size_t ip6_udp(unsigned char *b, const unsigned char *pl, size_t n)
{
	memset(b, 0, 40);
	b[0] = 0x60, b[4] = (unsigned char)(n >> 8), b[5] = (unsigned char)n, b[6] = 17, b[7] = 64;
	b[8] = b[24] = 0x20, b[9] = b[25] = 0x01, b[10] = b[26] = 0x0d, b[11] = b[27] = 0xb8;
	b[23] = 1, b[39] = 2;
	memcpy(b + 40, pl, n);
	return 40 + n;
}

static size_t udp(unsigned char *b, const char *text, size_t n)
{
	b[0] = 0x13, b[1] = 0xc4, b[2] = 0x13, b[3] = 0xc4; /* 5060 > 5060 */
	b[4] = (unsigned char)((8 + n) >> 8);
	b[5] = (unsigned char)(8 + n);
	b[6] = b[7] = 0;
	memcpy(b + 8, text, n);
	return 8 + n;
}

static void put_udp(struct pcapw *w, const char *text)
{
	unsigned char u[4096], p[4200];
	size_t un = udp(u, text, strlen(text));
	pcapw_packet(w, p, ip4(p, 17, u, un, 0, false, 1));
}

/* A TCP segment 10.0.0.1:40000 > 10.0.0.2:5060 of text[0, n) at seq. */
static void put_tcp(struct pcapw *w, uint32_t seq, unsigned flags, const char *text, size_t n)
{
	unsigned char t[4096], p[4200];
	memset(t, 0, 20);
	t[0] = 0x9c, t[1] = 0x40, t[2] = 0x13, t[3] = 0xc4;
	t[4] = (unsigned char)(seq >> 24), t[5] = (unsigned char)(seq >> 16);
	t[6] = (unsigned char)(seq >> 8), t[7] = (unsigned char)seq;
	t[12] = 5 << 4;
	t[13] = (unsigned char)flags;
	memcpy(t + 20, text, n);
	pcapw_packet(w, p, ip4(p, 6, t, 20 + n, 0, false, 2));
}

static const char reg[] =
	"REGISTER sip:ims.example.net SIP/2.0\r\n"
	"Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1\r\n"
	"From: <sip:alice@ims.example.net>;tag=1\r\n"
	"To: <sip:alice@ims.example.net>\r\n"
	"Call-ID: c1\r\n"
	"CSeq: 1 REGISTER\r\n"
	"Contact: <sip:alice@10.0.0.1>\r\n"
	"Content-Length: 0\r\n\r\n";

static const char notify[] =
	"NOTIFY sip:alice@10.0.0.1 SIP/2.0\r\n"
	"Via: SIP/2.0/TCP 10.0.0.2;branch=z9hG4bK2\r\n"
	"l: 10\r\n\r\n"
	"0123456789";

static struct trace_capture cap;

static int read_pcap(const struct pcapw *w)
{
	trace_capture_fini(&cap);
	return trace_capture_read(&cap, w->f, w->n);
}

/* Message i of cap: its bytes text[0, n), its frames, its packet line
 * (NULL: not compared). */
static void check_msg(size_t i, const char *text, size_t n, uint64_t frame, uint64_t first, const char *line)
{
	CHECK(i < cap.nmsgs);
	if (i >= cap.nmsgs)
		return;
	const struct trace_msg *m = &cap.msgs[i];
	CHECK_INT_EQ(m->len, n);
	CHECK(m->len == n && memcmp(cap.text.ptr + m->offset, text, n) == 0);
	CHECK_INT_EQ(m->frame, frame);
	CHECK_INT_EQ(m->first_frame, first);
	char got[300];
	snprintf(got, sizeof got, "%.*s", (int)m->line_len, cap.lines.ptr + m->line);
	if (line)
		CHECK_STR_EQ(got, line);
}

/* check_msg with the packet line of fmt and what follows. */
static __attribute__((format(printf, 6, 7))) void check_msgf(size_t i, const char *text, size_t n, uint64_t frame,
							      uint64_t first, const char *fmt, ...)
{
	char line[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	check_msg(i, text, n, frame, first, line);
}

static void udp_on_each_link_layer_is_one_message(void)
{
	static const int links[] = { LINK_ETH, LINK_ETH, LINK_SLL2, LINK_NULL };
	static struct pcapw w;
	for (size_t k = 0; k < sizeof links / sizeof links[0]; k++) {
		pcapw_init(&w, links[k]);
		w.vlan = k == 1;
		put_udp(&w, "\r\n\r\n");             /* a keep-alive */
		put_udp(&w, "\x01\x01\x00\x00 STUN"); /* no SIP */
		put_udp(&w, reg);
		CHECK_INT_EQ(read_pcap(&w), 0);
		CHECK_INT_EQ(cap.packets, 3);
		CHECK_INT_EQ(cap.nmsgs, 1);
		CHECK(cap.link != NULL);
		check_msgf(0, reg, strlen(reg), 3, 3, "frame 3 1970-01-01 00:00:03.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: "
			 "UDP, length %zu%s", strlen(reg), w.vlan ? ", on VLAN 5" : "");
		CHECK(cap.msgs[0].transport == TRACE_UDP);
	}
}

/* What an operator's mirror port or a router's capture puts between the
 * link layer and IP: MPLS labels (RFC 3032) over IPv4 or IPv6, under VLAN
 * tags, an Ethernet pseudowire (RFC 4448, with its control word or
 * without) whose frame carries the packet, a PPPoE session (RFC 2516), and MPLS after a
 * Linux cooked v2 header: each REGISTER read; a label stack that never
 * ends, or ends over no IP, is no packet. */
static void packets_under_mpls_and_pppoe_are_read(void)
{
	static struct pcapw w;
	static const struct {
		int link;
		bool v6;
		size_t n;
		const char *l2;
		const char *tail; /* the packet line's end: VLAN ids, MPLS labels */
	} cases[] = {
		{ LINK_ETH, false, 6, "\x88\x47\x00\x06\x41\x40", ", under MPLS label 100" }, /* S */
		{ LINK_ETH, true, 14, "\x81\x00\xe0\x05\x88\x47\x00\x01\x00\x40\x00\x01\x11\x40", /* PCP 7 */
		  ", on VLAN 5, under MPLS labels 16, 17" },
		{ LINK_ETH, false, 28, "\x88\x47\x00\x06\x41\x40\x00\x00\x00\x00"    /* control word */
				       "\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x81\x00\x00\x07\x08\x00",
		  ", on VLAN 7, under MPLS label 100" },
		{ LINK_ETH, false, 20, "\x88\x47\x00\x06\x41\x40"             /* no control word */
				       "\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x02\x08\x00",
		  ", under MPLS label 100" },
		{ LINK_ETH, false, 10, "\x88\x64\x11\x00\x00\x01\x02\x00\x00\x21", "" }, /* PPPoE, PPP IPv4 */
		{ LINK_ETH, true, 10, "\x88\x64\x11\x00\x00\x01\x02\x00\x00\x57", "" },  /* PPP IPv6 */
		{ LINK_SLL2, false, 6, "\x88\x47\x00\x06\x41\x40", ", under MPLS label 100" },
		{ LINK_ETH, false, 10, "\x88\xa8\x00\xc8\x81\x00\x0f\xff\x08\x00", /* 802.1ad, then 802.1Q */
		  ", on VLANs 200, 4095" },
	};
	unsigned char u[4096], p[4200];
	size_t rn = strlen(reg), un = udp(u, reg, rn);
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		pcapw_init(&w, cases[k].link);
		memcpy(w.l2, cases[k].l2, cases[k].n);
		w.l2n = cases[k].n;
		pcapw_packet(&w, p, cases[k].v6 ? ip6_udp(p, u, un) : ip4(p, 17, u, un, 0, false, 1));
		CHECK_INT_EQ(read_pcap(&w), 0);
		CHECK_INT_EQ(cap.nmsgs, 1);
		check_msgf(0, reg, rn, 1, 1, "frame 1 1970-01-01 00:00:01.000002 %s: UDP, length %zu%s",
			   cases[k].v6 ? "IP6 2001:db8::1.5060 > 2001:db8::2.5060" : "IP 10.0.0.1.5060 > 10.0.0.2.5060", rn,
			   cases[k].tail);
	}
	/* seventeen labels, none the bottom one; a stack over a nibble that is
	 * neither IP nor a control word; PPPoE's discovery stage (code 0x09) */
	pcapw_init(&w, LINK_ETH);
	w.l2[0] = 0x88, w.l2[1] = 0x47;
	for (size_t i = 0; i < 17; i++)
		memcpy(w.l2 + 2 + 4 * i, "\x00\x06\x40\x40", 4);
	w.l2n = 2 + 4 * 17;
	_Static_assert(sizeof w.l2 >= 2 + 4 * 17, "room for seventeen labels");
	pcapw_packet(&w, p, ip4(p, 17, u, un, 0, false, 1));
	memcpy(w.l2, "\x88\x47\x00\x06\x41\x40\x50\x00", 8);
	w.l2n = 8;
	pcapw_packet(&w, p, ip4(p, 17, u, un, 0, false, 1));
	memcpy(w.l2, "\x88\x64\x11\x09\x00\x00\x02\x00\x00\x21", 10);
	w.l2n = 10;
	pcapw_packet(&w, p, ip4(p, 17, u, un, 0, false, 1));
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.packets, 3);
	CHECK_INT_EQ(cap.nmsgs, 0);
}

/* A UDP datagram (into u, its length returned) of a REGISTER padded to
 * 1452 bytes (into big, its length in *bn): more than one IP packet holds
 * on Ethernet. */
static size_t big_datagram(unsigned char u[4096], char big[1600], size_t *bn)
{
	*bn = (size_t)snprintf(big, 1600, "%.*sX-Pad: %0*d\r\n\r\n", (int)strlen(reg) - 2, reg, 1200, 7);
	return udp(u, big, *bn);
}

/* The datagram u[0, un) in two IPv4 fragments of identification id, the
 * first 800 bytes and the rest: the rest first when rest_first. */
static void put_fragments(struct pcapw *w, const unsigned char *u, size_t un, unsigned id, bool rest_first)
{
	unsigned char p[4200];
	if (!rest_first)
		pcapw_packet(w, p, ip4(p, 17, u, 800, 0, true, id));
	pcapw_packet(w, p, ip4(p, 17, u + 800, un - 800, 800, false, id));
	if (rest_first)
		pcapw_packet(w, p, ip4(p, 17, u, 800, 0, true, id));
}

static void ipv4_fragments_in_any_order_make_one_datagram(void)
{
	static struct pcapw w;
	unsigned char u[4096], p[4200];
	char big[1600];
	size_t bn, un = big_datagram(u, big, &bn);
	pcapw_init(&w, LINK_ETH);
	put_fragments(&w, u, un, 77, true); /* the second part first */
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	check_msgf(0, big, bn, 2, 1, "frame 2 1970-01-01 00:00:02.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, "
		 "length %zu, in IP fragments from frame 1", bn);
	CHECK_INT_EQ(cap.frag_open, 0);
	/* the last fragment missing: nothing, and said */
	pcapw_init(&w, LINK_ETH);
	pcapw_packet(&w, p, ip4(p, 17, u, 800, 0, true, 78));
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 0);
	CHECK_INT_EQ(cap.frag_open, 1);
}

static void many_fragmented_datagrams_take_memory_only_while_open(void)
{
	static struct pcapw w;
	unsigned char u[4096];
	char big[1600];
	size_t bn, un = big_datagram(u, big, &bn);
	pcapw_init(&w, LINK_ETH);
	for (unsigned id = 0; id < 1000; id++)
		put_fragments(&w, u, un, id, false);
	trace_capture_fini(&cap);
	alloc_peak_reset();
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_INT_EQ(cap.nmsgs, 1000);
	/* the messages' text (1.45 MB), their lines, a flow record a
	 * datagram: not a 64 KB buffer each (65 MB) */
	CHECK(alloc_peak_bytes() < (8u << 20));
}

static void tcp_segments_out_of_order_and_retransmitted_are_put_in_order(void)
{
	static struct pcapw w;
	size_t rn = strlen(reg), nn = strlen(notify);
	char both[1024];
	memcpy(both, reg, rn);
	memcpy(both + rn, "\r\n\r\n", 4); /* a keep-alive between them (RFC 5626) */
	memcpy(both + rn + 4, notify, nn);
	size_t n = rn + 4 + nn;
	pcapw_init(&w, LINK_ETH);
	put_tcp(&w, 999, 0x02, "", 0);                     /* SYN */
	put_tcp(&w, 1000, 0x18, both, 100);                /* frame 2 */
	put_tcp(&w, 1000 + 200, 0x18, both + 200, n - 200); /* frame 3: ahead of a gap */
	put_tcp(&w, 1000, 0x18, both, 100);                /* frame 4: a retransmission */
	put_tcp(&w, 1000 + 100, 0x18, both + 100, 100);     /* frame 5: the gap filled */
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 2);
	check_msgf(0, reg, rn, 5, 2, "frame 5 1970-01-01 00:00:05.000002 IP 10.0.0.1.40000 > 10.0.0.2.5060: TCP, "
		 "length %zu, in TCP segments from frame 2", rn);
	/* the NOTIFY's bytes all came in frame 3, held until frame 5 */
	check_msgf(1, notify, nn, 5, 3, "frame 5 1970-01-01 00:00:05.000002 IP 10.0.0.1.40000 > 10.0.0.2.5060: TCP, "
		 "length %zu, in TCP segments from frame 3", nn);
	CHECK_INT_EQ(cap.gaps, 0);
	CHECK(cap.msgs[0].transport == TRACE_TCP && !cap.msgs[0].incomplete);
}

static void tcp_message_a_byte_a_segment_is_read_whole(void)
{
	static struct pcapw w;
	char big[1600];
	unsigned char u[4096];
	size_t bn;
	(void)big_datagram(u, big, &bn); /* a head of 1452 bytes, no body */
	pcapw_init(&w, LINK_ETH);
	for (size_t i = 0; i < bn; i++)
		put_tcp(&w, 7000 + (uint32_t)i, 0x18, big + i, 1);
	put_tcp(&w, 7000 + (uint32_t)bn, 0x18, notify, strlen(notify));
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 2);
	check_msgf(0, big, bn, bn, 1, "frame %zu 1970-01-01 00:%02zu:%02zu.000002 IP 10.0.0.1.40000 > 10.0.0.2.5060: "
		 "TCP, length %zu, in TCP segments from frame 1", bn, bn / 60, bn % 60, bn);
	if (cap.nmsgs == 2)
		CHECK(memcmp(cap.text.ptr + cap.msgs[1].offset, notify, strlen(notify)) == 0);
}

static void tcp_lost_segment_cuts_one_message_and_the_next_is_read(void)
{
	static struct pcapw w;
	size_t rn = strlen(reg), nn = strlen(notify);
	pcapw_init(&w, LINK_ETH);
	put_tcp(&w, 5000, 0x18, reg, 60);                  /* its first 60 bytes */
	/* bytes [60, 120) lost */
	put_tcp(&w, 5000 + 120, 0x18, reg + 120, rn - 120);
	put_tcp(&w, 5000 + (uint32_t)rn, 0x18, notify, nn);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.gaps, 60);
	CHECK_INT_EQ(cap.nmsgs, 2);
	if (cap.nmsgs == 2) {
		CHECK(cap.msgs[0].incomplete);
		CHECK_INT_EQ(cap.msgs[0].len, 60);
		CHECK(strstr(cap.lines.ptr + cap.msgs[0].line, "incomplete") != NULL);
		CHECK_INT_EQ(cap.msgs[1].len, nn);
		CHECK(memcmp(cap.text.ptr + cap.msgs[1].offset, notify, nn) == 0);
		CHECK_INT_EQ(cap.msgs[1].frame, 3);
	}
}

/* An SCTP packet (common header, then DATA chunks of texts with flags,
 * of TSNs from tsn on). */
static void put_sctp(struct pcapw *w, const char *const *texts, const unsigned *flags, size_t k, uint32_t tsn)
{
	unsigned char s[4096], p[4200];
	size_t n = 12;
	memset(s, 0, 12);
	s[0] = 0x13, s[1] = 0xc4, s[2] = 0x13, s[3] = 0xc4;
	for (size_t i = 0; i < k; i++) {
		size_t tn = strlen(texts[i]), cl = 16 + tn;
		memset(s + n, 0, 16);
		s[n] = 0;
		s[n + 1] = (unsigned char)flags[i];
		s[n + 2] = (unsigned char)(cl >> 8);
		s[n + 3] = (unsigned char)cl;
		uint32_t t = tsn + (uint32_t)i;
		s[n + 4] = (unsigned char)(t >> 24), s[n + 5] = (unsigned char)(t >> 16);
		s[n + 6] = (unsigned char)(t >> 8), s[n + 7] = (unsigned char)t;
		memcpy(s + n + 16, texts[i], tn);
		n += (cl + 3) & ~(size_t)3;
	}
	pcapw_packet(w, p, ip4(p, 132, s, n, 0, false, 3));
}

static void sctp_chunks_are_joined_and_bundles_split(void)
{
	static struct pcapw w;
	char a[100], b[400];
	size_t rn = strlen(reg);
	snprintf(a, sizeof a, "%.*s", 50, reg);
	snprintf(b, sizeof b, "%s", reg + 50);
	const char *first[] = { a }, *second[] = { b }, *bundle[] = { reg, notify };
	const unsigned fb[] = { 2 }, fe[] = { 1 }, fbe[] = { 3, 3 };
	pcapw_init(&w, LINK_ETH);
	put_sctp(&w, first, fb, 1, 7);
	put_sctp(&w, second, fe, 1, 8);
	put_sctp(&w, bundle, fbe, 2, 9);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	check_msgf(0, reg, rn, 2, 1, "frame 2 1970-01-01 00:00:02.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: SCTP, "
		 "length %zu, in DATA chunks from frame 1", rn);
	if (cap.nmsgs == 3) {
		CHECK(memcmp(cap.text.ptr + cap.msgs[1].offset, reg, rn) == 0 && cap.msgs[1].frame == 3);
		CHECK_INT_EQ(cap.msgs[2].len, strlen(notify));
		CHECK(cap.msgs[2].transport == TRACE_SCTP);
	}
}

/* A direction's DATA chunks put in TSN order (RFC 9260 §6.9): a chunk
 * sent again is dropped, one that came before a chunk of lower TSN is
 * held for it, a lost chunk cuts its message short (counted) and the
 * chunks after it go on; a TSN far from the one expected is a new
 * association on the same ports, read from there. */
static void sctp_chunks_go_in_tsn_order_and_resends_are_dropped(void)
{
	static struct pcapw w;
	char a[100], b[400], c[100], d[400];
	size_t rn = strlen(reg), nn = strlen(notify);
	snprintf(a, sizeof a, "%.*s", 50, reg);
	snprintf(b, sizeof b, "%s", reg + 50);
	snprintf(c, sizeof c, "%.*s", 60, notify);
	snprintf(d, sizeof d, "%s", notify + 60);
	const char *whole[] = { reg }, *ra[] = { a }, *rb[] = { b }, *na[] = { c }, *nb[] = { d };
	const char *wn[] = { notify };
	const unsigned fbe[] = { 3 }, fb[] = { 2 }, fe[] = { 1 };
	pcapw_init(&w, LINK_ETH);
	put_sctp(&w, whole, fbe, 1, 100); /* 1 */
	put_sctp(&w, whole, fbe, 1, 100); /* 2: sent again */
	put_sctp(&w, rb, fe, 1, 102);     /* 3: the end before the start */
	put_sctp(&w, ra, fb, 1, 101);     /* 4: whole here */
	put_sctp(&w, rb, fe, 1, 102);     /* 5: sent again */
	put_sctp(&w, na, fb, 1, 103);     /* 6: TSN 104 never comes */
	put_sctp(&w, nb, fe, 1, 105);     /* 7 */
	put_sctp(&w, wn, fbe, 1, 106);    /* 8 */
	put_sctp(&w, whole, fbe, 1, 0x9000000); /* 9: a new association */
	put_sctp(&w, whole, fbe, 1, 0x9000000); /* 10: sent again */
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 5);
	CHECK_INT_EQ(cap.sctp_gaps, 1);
	check_msgf(0, reg, rn, 1, 1, "frame 1 1970-01-01 00:00:01.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: SCTP, "
		   "length %zu", rn);
	check_msgf(1, reg, rn, 4, 3, "frame 4 1970-01-01 00:00:04.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: SCTP, "
		   "length %zu, in DATA chunks from frame 3", rn);
	/* at frame 9 the chunks held are read past their gap: the NOTIFY
	 * cut short, then the one after */
	check_msgf(2, notify, 60, 9, 6, "frame 9 1970-01-01 00:00:09.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: SCTP, "
		   "length 60, in DATA chunks from frame 6, incomplete: the capture has not all of it");
	check_msgf(3, notify, nn, 9, 8, "frame 9 1970-01-01 00:00:09.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: SCTP, "
		   "length %zu, in DATA chunks from frame 8", nn);
	check_msgf(4, reg, rn, 9, 9, "frame 9 1970-01-01 00:00:09.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: SCTP, "
		   "length %zu", rn);

	/* the end of the capture with chunks held: the same (the messages
	 * read past the gap at the flow's last packet, as TCP's) */
	pcapw_init(&w, LINK_ETH);
	put_sctp(&w, na, fb, 1, 5);
	put_sctp(&w, wn, fbe, 1, 7);
	put_sctp(&w, whole, fbe, 1, 8);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	CHECK_INT_EQ(cap.sctp_gaps, 1);
	if (cap.nmsgs == 3) {
		CHECK(cap.msgs[0].incomplete && cap.msgs[0].len == 60);
		CHECK(!cap.msgs[1].incomplete && cap.msgs[1].len == nn && cap.msgs[1].first_frame == 2);
		CHECK(!cap.msgs[2].incomplete && cap.msgs[2].len == rn && cap.msgs[2].frame == 3);
		CHECK(cap.msgs[0].frame == 3 && cap.msgs[1].frame == 3);
	}
}

/* A client's HTTP upgrade to WebSocket (RFC 6455 §4.1, RFC 7118 §4). */
static const char up[] = "GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
			 "Sec-WebSocket-Protocol: sip\r\n\r\n";

/* A WebSocket frame at f: opcode and FIN in b0, payload t[0, n), masked
 * with key when key is not NULL (a client's): its length. */
static size_t ws_frame_put(unsigned char *f, unsigned b0, const char *t, size_t n, const unsigned char *key)
{
	size_t k = 0;
	f[k++] = (unsigned char)b0;
	f[k++] = (unsigned char)((key ? 0x80 : 0) | 126);
	f[k++] = (unsigned char)(n >> 8);
	f[k++] = (unsigned char)n;
	if (key) {
		memcpy(f + k, key, 4);
		k += 4;
	}
	for (size_t i = 0; i < n; i++)
		f[k++] = (unsigned char)t[i] ^ (key ? key[i & 3] : 0);
	return k;
}

static void websocket_after_its_upgrade_gives_its_frames_messages(void)
{
	static struct pcapw w;
	unsigned char f[1024];
	size_t rn = strlen(reg);
	const unsigned char key[4] = { 0x11, 0x22, 0x33, 0x44 };
	size_t n = ws_frame_put(f, 0x81, reg, rn, key);
	pcapw_init(&w, LINK_ETH);
	put_tcp(&w, 1, 0x18, up, 20); /* the upgrade's head in two segments */
	put_tcp(&w, 21, 0x18, up + 20, strlen(up) - 20);
	put_tcp(&w, 1 + (uint32_t)strlen(up), 0x18, (const char *)f, 30);
	put_tcp(&w, 1 + (uint32_t)strlen(up) + 30, 0x18, (const char *)f + 30, n - 30);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	if (cap.nmsgs == 1) {
		CHECK(cap.msgs[0].transport == TRACE_WS);
		CHECK_INT_EQ(cap.msgs[0].len, rn);
		CHECK(memcmp(cap.text.ptr + cap.msgs[0].offset, reg, rn) == 0);
		CHECK_INT_EQ(cap.msgs[0].first_frame, 3);
	}
}

/* A SIP message sent as one WebSocket message in several frames (RFC 6455
 * §5.4: the first without FIN, continuation frames, the last with FIN; a
 * ping between them), masked by the client or not: joined. One whose last
 * frame never comes is cut short at the end of the capture, and said so. */
static void websocket_message_in_several_frames_is_joined(void)
{
	static struct pcapw w;
	unsigned char f[3000];
	size_t rn = strlen(reg), n = 0;
	const unsigned char key[4] = { 0x5a, 0x01, 0xc3, 0x7e };
	n += ws_frame_put(f + n, 0x01, reg, 40, key);               /* text, no FIN */
	n += ws_frame_put(f + n, 0x89, "hi", 2, key);               /* a ping */
	n += ws_frame_put(f + n, 0x00, reg + 40, 100, key);         /* continuation */
	n += ws_frame_put(f + n, 0x80, reg + 140, rn - 140, key);   /* the last */
	n += ws_frame_put(f + n, 0x81, notify, strlen(notify), NULL); /* one frame, unmasked */
	n += ws_frame_put(f + n, 0x01, "", 0, NULL);                /* an empty first frame */
	n += ws_frame_put(f + n, 0x80, notify, strlen(notify), NULL); /* and all in the last */
	n += ws_frame_put(f + n, 0x02, reg, 50, NULL);              /* binary, no FIN: never ends */
	pcapw_init(&w, LINK_ETH);
	put_tcp(&w, 1, 0x18, up, strlen(up));
	uint32_t seq = 1 + (uint32_t)strlen(up);
	put_tcp(&w, seq, 0x18, (const char *)f, 100);
	put_tcp(&w, seq + 100, 0x18, (const char *)f + 100, n - 100);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 4);
	check_msgf(0, reg, rn, 3, 2, "frame 3 1970-01-01 00:00:03.000002 IP 10.0.0.1.40000 > 10.0.0.2.5060: "
		   "WebSocket over TCP, length %zu, in TCP segments from frame 2", rn);
	if (cap.nmsgs == 4) {
		for (size_t i = 1; i <= 2; i++) {
			CHECK(cap.msgs[i].len == strlen(notify) && !cap.msgs[i].incomplete);
			CHECK(memcmp(cap.text.ptr + cap.msgs[i].offset, notify, strlen(notify)) == 0);
		}
		CHECK(cap.msgs[3].len == 50 && cap.msgs[3].incomplete);
		CHECK(memcmp(cap.text.ptr + cap.msgs[3].offset, reg, 50) == 0);
	}
}

/* A single WebSocket frame whose bytes a lost TCP segment cut (the
 * frame's header and the start of its payload came): what came of the
 * message is emitted, cut short and said so, masked or not, and the
 * frames after the gap are read on; one that the end of the capture cuts
 * the same. */
static void websocket_frame_cut_by_a_gap_is_emitted_cut_short(void)
{
	static struct pcapw w;
	unsigned char f[3000];
	size_t rn = strlen(reg), nn = strlen(notify);
	const unsigned char key[4] = { 0x0f, 0xa0, 0x3c, 0x99 };
	size_t a = ws_frame_put(f, 0x81, reg, rn, key);              /* masked */
	size_t b = ws_frame_put(f + a, 0x81, notify, nn, NULL);      /* after the gap */
	size_t c = ws_frame_put(f + a + b, 0x82, notify, nn, NULL);  /* its end not captured */
	pcapw_init(&w, LINK_ETH);
	put_tcp(&w, 1, 0x18, up, strlen(up));
	uint32_t seq = 1 + (uint32_t)strlen(up);
	put_tcp(&w, seq, 0x18, (const char *)f, 100);                   /* header + 92 bytes */
	/* f[100, 200) lost; the rest of the frame, then the NOTIFY */
	put_tcp(&w, seq + 200, 0x18, (const char *)f + 200, a - 200);
	put_tcp(&w, seq + (uint32_t)a, 0x18, (const char *)f + a, b);
	put_tcp(&w, seq + (uint32_t)(a + b), 0x18, (const char *)f + a + b, c - 30);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	/* read past the gap at the end of the capture, at the flow's last packet */
	check_msgf(0, reg, 92, 5, 2, "frame 5 1970-01-01 00:00:05.000002 IP 10.0.0.1.40000 > 10.0.0.2.5060: "
		   "WebSocket over TCP, length 92, in TCP segments from frame 2, incomplete: the capture has "
		   "not all of it");
	if (cap.nmsgs == 3) {
		CHECK(!cap.msgs[1].incomplete && cap.msgs[1].len == nn);
		CHECK(memcmp(cap.text.ptr + cap.msgs[1].offset, notify, nn) == 0);
		CHECK(cap.msgs[2].incomplete && cap.msgs[2].len == nn - 30);
		CHECK(memcmp(cap.text.ptr + cap.msgs[2].offset, notify, nn - 30) == 0);
	}

	/* a gap from inside one frame to inside the next (where frames
	 * begin after it is unknown), then one that cuts a frame's header:
	 * the stream is read on from the next frame that starts a SIP
	 * message, masked or not */
	size_t d = ws_frame_put(f + a + b, 0x81, reg, rn, key);
	size_t e = ws_frame_put(f + a + b + d, 0x81, notify, nn, NULL);
	size_t g = ws_frame_put(f + a + b + d + e, 0x82, reg, rn, key);
	pcapw_init(&w, LINK_ETH);
	put_tcp(&w, seq, 0x18, (const char *)f, 100);                       /* 1: REGISTER's start */
	/* lost: the rest of it and the NOTIFY's start */
	put_tcp(&w, seq + (uint32_t)a + 50, 0x18, (const char *)f + a + 50, b - 50 + d); /* 2 */
	put_tcp(&w, seq + (uint32_t)(a + b + d), 0x18, (const char *)f + a + b + d, 3); /* 3 */
	/* lost: the rest of that header and the NOTIFY */
	put_tcp(&w, seq + (uint32_t)(a + b + d + e), 0x18, (const char *)f + a + b + d + e, g); /* 4 */
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	if (cap.nmsgs == 3) {
		CHECK(cap.msgs[0].incomplete && cap.msgs[0].len == 92);
		CHECK(memcmp(cap.text.ptr + cap.msgs[0].offset, reg, 92) == 0);
		for (size_t i = 1; i < 3; i++) {
			CHECK(!cap.msgs[i].incomplete && cap.msgs[i].len == rn);
			CHECK(memcmp(cap.text.ptr + cap.msgs[i].offset, reg, rn) == 0);
		}
		CHECK(cap.msgs[1].frame == 4 && cap.msgs[2].frame == 4);
		/* each message's first byte came in the packet named */
		CHECK(cap.msgs[1].first_frame == 2 && cap.msgs[2].first_frame == 4);
	}

	/* after a gap of unknown length, a packet with no frame's start (the
	 * rest of the NOTIFY), then the REGISTER's frame: in the packet after
	 * it, or its header's first two bytes at that packet's end */
	for (size_t split = 0; split <= 2; split += 2) {
		pcapw_init(&w, LINK_ETH);
		put_tcp(&w, seq, 0x18, (const char *)f, 100);                           /* 1 */
		size_t at = a + 50, mid = a + b + split;
		put_tcp(&w, seq + (uint32_t)at, 0x18, (const char *)f + at, mid - at);  /* 2 */
		put_tcp(&w, seq + (uint32_t)mid, 0x18, (const char *)f + mid, a + b + d - mid); /* 3 */
		CHECK_INT_EQ(read_pcap(&w), 0);
		CHECK_INT_EQ(cap.nmsgs, 2);
		if (split == 0)
			check_msgf(1, reg, rn, 3, 3, "frame 3 1970-01-01 00:00:03.000002 IP 10.0.0.1.40000 > "
				   "10.0.0.2.5060: WebSocket over TCP, length %zu", rn);
		else
			check_msgf(1, reg, rn, 3, 2, "frame 3 1970-01-01 00:00:03.000002 IP 10.0.0.1.40000 > "
				   "10.0.0.2.5060: WebSocket over TCP, length %zu, in TCP segments from frame 2", rn);
	}
}

static void segments_held_ahead_of_lost_ones_are_bounded_over_all_connections(void)
{
	static struct pcapw w;
	size_t rn = strlen(reg);
	pcapw_init(&w, LINK_ETH);
	/* 40 connections, each losing the first 60 bytes of its REGISTER and
	 * then sending the rest and a NOTIFY: 40 x 1 KB held at most */
	for (unsigned k = 0; k < 40; k++) {
		unsigned char t[2048], p[2200];
		for (unsigned part = 0; part < 3; part++) {
			/* the SYN, the REGISTER from byte 60 on, the NOTIFY */
			const char *text = part == 2 ? notify : reg + 60;
			size_t n = part == 0 ? 0 : part == 2 ? strlen(notify) : rn - 60;
			uint32_t seq = part == 0 ? 999 : part == 2 ? 1000 + (uint32_t)rn : 1060;
			memset(t, 0, 20);
			t[0] = (unsigned char)(0x9c + k), t[1] = 0x40, t[2] = 0x13, t[3] = 0xc4;
			t[4] = (unsigned char)(seq >> 24), t[5] = (unsigned char)(seq >> 16);
			t[6] = (unsigned char)(seq >> 8), t[7] = (unsigned char)seq;
			t[12] = 5 << 4;
			t[13] = part == 0 ? 0x02 : 0x18;
			memcpy(t + 20, text, n);
			pcapw_packet(&w, p, ip4(p, 6, t, 20 + n, 0, false, 9));
		}
	}
	/* held without a bound they take some 55 KB; with 4 KB they take
	 * that much (and the gaps are given up on early) */
	trace_capture_fini(&cap);
	alloc_peak_reset();
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	size_t unbounded = alloc_peak_bytes();
	trace_capture_fini(&cap);
	cap.hold_max = 4096; /* about three connections' worth */
	alloc_peak_reset();
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK(alloc_peak_bytes() + 40000 < unbounded);
	/* every NOTIFY is read (at the end, or when the cap gave up on its
	 * connection's gap), and every lost byte counted */
	size_t notifies = 0;
	for (size_t i = 0; i < cap.nmsgs; i++)
		notifies += cap.msgs[i].len == strlen(notify) &&
			    memcmp(cap.text.ptr + cap.msgs[i].offset, notify, strlen(notify)) == 0;
	CHECK_INT_EQ(notifies, 40);
	CHECK_INT_EQ(cap.gaps, 40 * 60);
}

static void what_is_no_sip_on_a_connection_is_dropped_up_to_a_start_line(void)
{
	static struct pcapw w;
	char junk[1200];
	size_t rn = strlen(reg);
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7 % 251); /* binary, a line feed now and then */
	pcapw_init(&w, LINK_ETH);
	put_tcp(&w, 1, 0x18, junk, sizeof junk);
	put_tcp(&w, 1 + sizeof junk, 0x18, "HTTP/1.1 200 OK\r\n\r\n", 19);
	put_tcp(&w, 1 + sizeof junk + 19, 0x18, reg, rn);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	if (cap.nmsgs == 1) {
		CHECK_INT_EQ(cap.msgs[0].len, rn);
		CHECK(memcmp(cap.text.ptr + cap.msgs[0].offset, reg, rn) == 0);
		CHECK_INT_EQ(cap.msgs[0].first_frame, 3);
	}
}

static void seconds_past_2038_are_not_read_as_before_1970(void)
{
	static struct pcapw w;
	pcapw_init(&w, LINK_ETH);
	w.sec = 0x80000000u; /* pcap's seconds are unsigned 32 bits */
	put_udp(&w, reg);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	if (cap.nmsgs == 1) {
		CHECK_INT_EQ(cap.msgs[0].sec, 2147483649);
		CHECK(strncmp(cap.lines.ptr + cap.msgs[0].line, "frame 1 2038-01-19 03:14:09.000002 ", 35) == 0);
	}
}

/* The capture's end: the latest time of any packet (SIP or not, the
 * packets out of order) and the last packet's number. */
static void the_end_is_the_latest_packet_of_any_kind(void)
{
	static struct pcapw w;
	pcapw_init(&w, LINK_ETH);
	w.sec = 1000;
	put_udp(&w, reg);             /* frame 1 at 1001 s */
	w.sec = 2000;
	put_udp(&w, "no SIP here");   /* frame 2 at 2002 s */
	w.sec = 0;
	put_udp(&w, reg);             /* frame 3 at 3 s: earlier */
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 2);
	CHECK_INT_EQ(cap.end_frame, 3);
	CHECK_INT_EQ(cap.end_sec, 2002);
	pcapw_init(&w, LINK_ETH);
	CHECK_INT_EQ(read_pcap(&w), 0); /* no packet: none */
	CHECK_INT_EQ(cap.end_frame, 0);
	CHECK_INT_EQ(cap.end_sec, 0);
}

/* A UDP message seen again within PKT_COPY_US, the same bytes between
 * the same addresses and ports (a capture on several interfaces, a
 * bridge: one packet seen twice), is read once, also when the copy's time
 * is the earlier or in the next second; a copy 500 ms later (a
 * retransmission), one from another port, or another message is read. */
static void a_udp_packet_seen_twice_at_once_is_read_once(void)
{
	static struct pcapw w;
	unsigned char u[4096], p[4200];
	pcapw_init(&w, LINK_SLL2);
	w.usec = 100;
	put_udp(&w, reg);            /* frame 1 at 1.000100 s */
	w.sec--, w.usec = 140;
	put_udp(&w, reg);            /* frame 2 at 1.000140 s: a copy */
	w.sec--, w.usec = 60;
	put_udp(&w, reg);            /* frame 3 at 1.000060 s: a copy, earlier */
	w.sec--, w.usec = 500100;
	put_udp(&w, reg);            /* frame 4 at 1.500100 s: sent again */
	w.sec--, w.usec = 500200;
	put_udp(&w, notify);         /* frame 5: another message */
	size_t un = udp(u, reg, strlen(reg));
	u[1] = 0xc5;                 /* from 5061 */
	w.sec--, w.usec = 500300;
	pcapw_packet(&w, p, ip4(p, 17, u, un, 0, false, 1)); /* frame 6 */
	w.sec--, w.usec = 999990;
	put_udp(&w, notify);         /* frame 7 at 1.999990 s (499.79 ms after 5) */
	w.usec = 20;
	put_udp(&w, notify);         /* frame 8 at 2.000020 s: a copy of 7 */
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 5);
	CHECK_INT_EQ(cap.duplicates, 3);
	CHECK_INT_EQ(cap.dup_frame, 2);
	CHECK_INT_EQ(cap.dup_of, 1);
	static const uint64_t frames[] = { 1, 4, 5, 6, 7 };
	for (size_t i = 0; i < 5 && i < cap.nmsgs; i++)
		CHECK_INT_EQ(cap.msgs[i].frame, frames[i]);
	/* none: 0 0 0 */
	pcapw_init(&w, LINK_ETH);
	put_udp(&w, reg);
	put_udp(&w, reg);            /* a second later */
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 2);
	CHECK_INT_EQ(cap.duplicates, 0);
	CHECK_INT_EQ(cap.dup_frame, 0);
	CHECK_INT_EQ(cap.dup_of, 0);
}

static void a_file_cut_inside_a_packet_keeps_the_packets_before(void)
{
	static struct pcapw w;
	pcapw_init(&w, LINK_ETH);
	put_udp(&w, reg);
	put_udp(&w, reg);
	w.n -= 10;
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	CHECK(cap.error[0] != '\0');
}

static void what_is_no_capture_is_refused_with_a_reason(void)
{
	static const unsigned char junk[40] = { 0xd4, 0xc3, 0xb2, 0xa1, 9, 9 };
	trace_capture_fini(&cap);
	CHECK_INT_EQ(trace_capture_read(&cap, junk, sizeof junk), -EBADMSG);
	CHECK(cap.error[0] != '\0');
	CHECK_INT_EQ(cap.nmsgs, 0);
}

/* ---- tunnels ------------------------------------------------------- */

/* An outer IPv4 packet 10.0.0.9 > 10.0.0.8 of proto around pl[0, n). */
static size_t outer4(unsigned char *b, unsigned proto, const unsigned char *pl, size_t n)
{
	size_t k = ip4(b, proto, pl, n, 0, false, 7);
	b[15] = 9;
	b[19] = 8;
	return k;
}

/* An Ethernet header (IPv4 inside, a VLAN tag when tagged) at b: its
 * length. */
static size_t ether(unsigned char *b, bool tagged)
{
	memset(b, 0x02, 12);
	size_t n = 12;
	if (tagged) {
		b[n++] = 0x81, b[n++] = 0x00, b[n++] = 0x00, b[n++] = 0x07;
	}
	b[n++] = 0x08, b[n++] = 0x00;
	return n;
}

/* An outer packet of proto (47 GRE, 17 UDP: its length set) of the
 * tunnel header hdr[0, hn), an Ethernet header when eth is 0 (1: with a
 * VLAN tag; -1: none), then the inner IP packet in[0, inn). */
static void put_tunneled(struct pcapw *w, unsigned proto, const unsigned char *hdr, size_t hn, int eth,
			 const unsigned char *in, size_t inn)
{
	unsigned char t[4400], p[4600];
	size_t tn = hn;
	memcpy(t, hdr, hn);
	if (eth >= 0)
		tn += ether(t + hn, eth == 1);
	memcpy(t + tn, in, inn);
	if (proto == 17)
		t[4] = (unsigned char)((tn + inn) >> 8), t[5] = (unsigned char)(tn + inn);
	pcapw_packet(w, p, outer4(p, proto, t, tn + inn));
}

/* The inner packet (a REGISTER in UDP 10.0.0.1 > 10.0.0.2) in each
 * tunnel of a virtual network or a port mirror: read, with the tunnel
 * named in its packet line; a datagram to the VXLAN port that is no VXLAN
 * is read as itself. */
static void packets_in_gre_erspan_vxlan_and_geneve_are_read(void)
{
	static struct pcapw w;
	unsigned char u[4096], in[4200];
	size_t un = udp(u, reg, strlen(reg)), inn = ip4(in, 17, u, un, 0, false, 1);
	pcapw_init(&w, LINK_ETH);
	/* GRE, IPv4 inside, with a key */
	put_tunneled(&w, 47, (const unsigned char *)"\x20\x00\x08\x00\x00\x00\x00\x2a", 8, -1, in, inn);
	/* GRE bridging Ethernet (0x6558) with a VLAN tag */
	put_tunneled(&w, 47, (const unsigned char *)"\x00\x00\x65\x58", 4, 1, in, inn);
	/* ERSPAN type II: GRE with a sequence number, 8 bytes of ERSPAN */
	put_tunneled(&w, 47, (const unsigned char *)"\x10\x00\x88\xbe\x00\x00\x00\x01"
			     "\x10\x01\x00\x05\x00\x00\x00\x00", 16, 0, in, inn);
	/* ERSPAN type III (version 2) with its optional 8-byte subheader
	 * (the O bit, the last of its 12 bytes) */
	put_tunneled(&w, 47, (const unsigned char *)"\x10\x00\x22\xeb\x00\x00\x00\x02"
			     "\x20\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01" "\0\0\0\0\0\0\0\0", 28, 0, in, inn);
	/* ERSPAN type I: no sequence number, no header */
	put_tunneled(&w, 47, (const unsigned char *)"\x00\x00\x88\xbe", 4, 0, in, inn);
	/* VXLAN, VNI 42, UDP 49152 > 4789 */
	put_tunneled(&w, 17, (const unsigned char *)"\xc0\x00\x12\xb5\x00\x00\x00\x00"
			     "\x08\x00\x00\x00\x00\x00\x2a\x00", 16, 0, in, inn);
	/* Geneve, VNI 7, one 4-byte option, Ethernet inside */
	put_tunneled(&w, 17, (const unsigned char *)"\xc0\x00\x17\xc1\x00\x00\x00\x00"
			     "\x01\x00\x65\x58\x00\x00\x07\x00" "\x01\x02\x03\x00", 20, 0, in, inn);
	/* a SIP datagram to port 4789 without VXLAN's I flag: itself */
	put_tunneled(&w, 17, (const unsigned char *)"\x13\xc4\x12\xb5\x00\x00\x00\x00", 8, -1,
		     (const unsigned char *)reg, strlen(reg));
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 8);
	static const char *const tunnels[] = { ", in GRE", ", in GRE", ", in ERSPAN", ", in ERSPAN", ", in ERSPAN",
					       ", in VXLAN (VNI 42)", ", in Geneve (VNI 7)" };
	for (size_t i = 0; i < 7; i++) {
		check_msgf(i, reg, strlen(reg), i + 1, i + 1, "frame %zu 1970-01-01 00:00:%02zu.000002 IP 10.0.0.1.5060 > "
			 "10.0.0.2.5060: UDP, length %zu%s", i + 1, i + 1, strlen(reg), tunnels[i]);
	}
	check_msgf(7, reg, strlen(reg), 8, 8, "frame 8 1970-01-01 00:00:08.000002 IP 10.0.0.9.5060 > 10.0.0.8.4789: "
		 "UDP, length %zu", strlen(reg));
}

/* An IPv4 packet 10.0.0.9 > 10.0.0.8 at p of a G-PDU from sport to port
 * 2152 (TS 29.281 §5.1): flags (version 1, PT 1, and E/S/PN), TEID
 * 0x1234abcd, the optional part and extension headers opt[0, on), then
 * the inner packet in[0, inn): its length. */
static size_t gpdu(unsigned char *p, unsigned sport, unsigned flags, const char *opt, size_t on,
		   const unsigned char *in, size_t inn)
{
	unsigned char t[4400];
	size_t gl = on + inn, tn = 16 + gl;
	const unsigned char h[16] = { (unsigned char)(sport >> 8), (unsigned char)sport, 0x08, 0x68,
				      (unsigned char)(tn >> 8), (unsigned char)tn, 0, 0,
				      (unsigned char)flags, 0xff, (unsigned char)(gl >> 8), (unsigned char)gl,
				      0x12, 0x34, 0xab, 0xcd };
	memcpy(t, h, 16);
	memcpy(t + 16, opt, on);
	memcpy(t + 16 + on, in, inn);
	return outer4(p, 17, t, tn);
}

/* gpdu's packet in the capture; with fragmented, in two IP fragments. */
static void put_gpdu(struct pcapw *w, unsigned sport, unsigned flags, const char *opt, size_t on,
		     const unsigned char *in, size_t inn, bool fragmented)
{
	unsigned char g[4600], p[4600];
	size_t gn = gpdu(g, sport, flags, opt, on, in, inn);
	if (!fragmented) {
		pcapw_packet(w, g, gn);
		return;
	}
	size_t k = 200; /* the first fragment's payload (a multiple of 8) */
	size_t pn = ip4(p, 17, g + 20, k, 0, true, 9);
	p[15] = 9, p[19] = 8;
	pcapw_packet(w, p, pn);
	pn = ip4(p, 17, g + 20 + k, gn - 20 - k, k, false, 9);
	p[15] = 9, p[19] = 8;
	pcapw_packet(w, p, pn);
}

/* The UE's packets on S1-U or N3 (a REGISTER to its P-CSCF in GTP-U):
 * read, the TEID and (5G's PDU Session Container) the QoS flow on the
 * packet line, whatever optional part and extension headers come before
 * (TS 29.281 §5.1, §5.2.1), the UE's IPv6 too, the outer datagram in
 * fragments too; GTP-U's other messages and a broken extension header
 * are no tunnel: the datagram itself, which holds no SIP. */
static void ue_packets_in_gtpu_are_read(void)
{
	static struct pcapw w;
	unsigned char u[4096], in[4200], in6[4200];
	size_t un = udp(u, reg, strlen(reg)), inn = ip4(in, 17, u, un, 0, false, 1);
	ip6_udp(in6, u, un); /* the same datagram in IPv6 */
	pcapw_init(&w, LINK_ETH);
	put_gpdu(&w, 2152, 0x30, "", 0, in, inn, false);
	/* S: a sequence number, and so the whole optional part */
	put_gpdu(&w, 2152, 0x32, "\x00\x07\x00\x00", 4, in, inn, false);
	/* E: a UDP Port extension header (0x40), then a PDU Session
	 * Container (0x85) of an UL PDU SESSION INFORMATION, QFI 5, in two
	 * units; from an ephemeral port */
	put_gpdu(&w, 49152, 0x34, "\x00\x00\x00\x40" "\x01\x08\x68\x85" "\x02\x10\x45\x00\x00\x00\x00\x00", 16,
		 in, inn, false);
	put_gpdu(&w, 2152, 0x30, "", 0, in6, 40 + un, false);
	put_gpdu(&w, 2152, 0x34, "\x00\x00\x00\x85" "\x01\x00\x01\x00", 8, in, inn, true);
	/* an extension header of length 0, one longer than the packet, an
	 * Echo Request (type 1), GTP' (PT 0): not read as a tunnel */
	put_gpdu(&w, 2152, 0x34, "\x00\x00\x00\x85" "\x00\x00\x01\x00", 8, in, inn, false);
	put_gpdu(&w, 2152, 0x34, "\x00\x00\x00\x85" "\xff\x00\x01\x00", 8, in, inn, false);
	unsigned char echo[4200];
	memcpy(echo, in, inn);
	put_gpdu(&w, 2152, 0x32, "\x00\x01\x00\x00", 4, echo, inn, false);
	w.f[w.n - inn - 4 - 8 + 1] = 1; /* the message type */
	put_gpdu(&w, 2152, 0x20, "", 0, in, inn, false);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 5);
	/* (the fragmented one completed by frame 6, its time) */
	static const struct { uint64_t frame, first; const char *ends, *carrier; } want[] = {
		{ 1, 1, "IP 10.0.0.1.5060 > 10.0.0.2.5060", ", in GTP-U (TEID 0x1234abcd)" },
		{ 2, 2, "IP 10.0.0.1.5060 > 10.0.0.2.5060", ", in GTP-U (TEID 0x1234abcd)" },
		{ 3, 3, "IP 10.0.0.1.5060 > 10.0.0.2.5060", ", in GTP-U (TEID 0x1234abcd, QFI 5)" },
		{ 4, 4, "IP6 2001:db8::1.5060 > 2001:db8::2.5060", ", in GTP-U (TEID 0x1234abcd)" },
		{ 6, 5, "IP 10.0.0.1.5060 > 10.0.0.2.5060",
		  ", in IP fragments from frame 5, in GTP-U (TEID 0x1234abcd, QFI 1)" },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		check_msgf(i, reg, strlen(reg), want[i].frame, want[i].first, "frame %llu 1970-01-01 00:00:%02llu.000002 %s: UDP, length %zu%s",
			 (unsigned long long)want[i].frame, (unsigned long long)want[i].frame, want[i].ends,
			 strlen(reg), want[i].carrier);
	}
}

/* A probe's copy of S1-U or N3 traffic: the UE's GTP-U inside a port
 * mirror's ERSPAN, inside VXLAN, inside GRE inside VXLAN: read through
 * every level (up to PKT_TUNNELS_MAX), each tunnel on the packet line,
 * the innermost first; a fourth level is not opened. */
static void gtpu_in_mirrors_and_overlays_is_read(void)
{
	static struct pcapw w;
	unsigned char u[4096], in[4200], g[4600], m[4800], o[5000];
	size_t un = udp(u, reg, strlen(reg)), inn = ip4(in, 17, u, un, 0, false, 1);
	size_t gn = gpdu(g, 2152, 0x30, "", 0, in, inn);
	static const unsigned char erspan2[16] = { 0x10, 0x00, 0x88, 0xbe, 0, 0, 0, 1, 0x10, 0x01, 0x00, 0x05 };
	static const unsigned char vxlan[16] = { 0xc0, 0x00, 0x12, 0xb5, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0x2a, 0 };
	pcapw_init(&w, LINK_ETH);
	put_tunneled(&w, 47, erspan2, 16, 0, g, gn);
	put_tunneled(&w, 17, vxlan, 16, 0, g, gn);
	/* GRE (IPv4 inside) in VXLAN: three levels */
	memcpy(m, "\x00\x00\x08\x00", 4);
	memcpy(m + 4, g, gn);
	size_t mn = outer4(o, 47, m, 4 + gn);
	put_tunneled(&w, 17, vxlan, 16, 0, o, mn);
	/* and that inside GRE: four, the innermost not opened */
	unsigned char v[5000], x[5200];
	memcpy(v, vxlan, 16);
	size_t vn = 16 + ether(v + 16, false);
	memcpy(v + vn, o, mn);
	vn += mn;
	v[4] = (unsigned char)(vn >> 8), v[5] = (unsigned char)vn;
	size_t xn = outer4(x, 17, v, vn);
	put_tunneled(&w, 47, (const unsigned char *)"\x00\x00\x08\x00", 4, -1, x, xn);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	static const char *const carriers[] = {
		", in GTP-U (TEID 0x1234abcd), in ERSPAN",
		", in GTP-U (TEID 0x1234abcd), in VXLAN (VNI 42)",
		", in GTP-U (TEID 0x1234abcd), in GRE, in VXLAN (VNI 42)",
	};
	for (size_t i = 0; i < 3; i++) {
		check_msgf(i, reg, strlen(reg), i + 1, i + 1, "frame %zu 1970-01-01 00:00:%02zu.000002 IP 10.0.0.1.5060 > "
			 "10.0.0.2.5060: UDP, length %zu%s", i + 1, i + 1, strlen(reg), carriers[i]);
	}
}

/* The UE's own datagram in IP fragments, each in its G-PDU (a REGISTER
 * larger than the UE's MTU on S1-U or N3): joined, and the message's line
 * still says the tunnel it came in; inside a port mirror's ERSPAN too,
 * the innermost tunnel first. */
static void ue_fragments_inside_gtpu_keep_their_tunnel(void)
{
	static struct pcapw w;
	unsigned char u[4096], f1[4200], f2[4200], g[4600];
	static const unsigned char erspan2[16] = { 0x10, 0x00, 0x88, 0xbe, 0, 0, 0, 1, 0x10, 0x01, 0x00, 0x05 };
	size_t un = udp(u, reg, strlen(reg)), k = 200; /* a multiple of 8 */
	size_t f1n = ip4(f1, 17, u, k, 0, true, 3), f2n = ip4(f2, 17, u + k, un - k, k, false, 3);
	pcapw_init(&w, LINK_ETH);
	put_gpdu(&w, 2152, 0x30, "", 0, f1, f1n, false);
	put_gpdu(&w, 2152, 0x30, "", 0, f2, f2n, false);
	size_t gn = gpdu(g, 2152, 0x30, "", 0, f2, f2n);
	put_tunneled(&w, 47, erspan2, 16, 0, g, gn); /* the second first, mirrored */
	gn = gpdu(g, 2152, 0x30, "", 0, f1, f1n);
	put_tunneled(&w, 47, erspan2, 16, 0, g, gn);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 2);
	check_msgf(0, reg, strlen(reg), 2, 1, "frame 2 1970-01-01 00:00:02.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: "
		   "UDP, length %zu, in IP fragments from frame 1, in GTP-U (TEID 0x1234abcd)", strlen(reg));
	check_msgf(1, reg, strlen(reg), 4, 3, "frame 4 1970-01-01 00:00:04.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: "
		   "UDP, length %zu, in IP fragments from frame 3, in GTP-U (TEID 0x1234abcd), in ERSPAN", strlen(reg));
}

/* ---- HEP3 ---------------------------------------------------------- */

/* A HEP packet h[0, n) in a UDP datagram to port 9060. */
static void put_hep_datagram(struct pcapw *w, const unsigned char *h, size_t n)
{
	unsigned char u[3100], p[3200];
	size_t un = udp(u, (const char *)h, n);
	u[2] = 0x23, u[3] = 0x64; /* to 9060 */
	pcapw_packet(w, p, ip4(p, 17, u, un, 0, false, 4));
}

/* A HEP3 chunk (vendor 0) of type t with value v[0, n) at b: its length. */
static size_t hep_chunk(unsigned char *b, unsigned t, const void *v, size_t n)
{
	b[0] = 0, b[1] = 0, b[2] = (unsigned char)(t >> 8), b[3] = (unsigned char)t;
	b[4] = (unsigned char)((6 + n) >> 8), b[5] = (unsigned char)(6 + n);
	memcpy(b + 6, v, n);
	return 6 + n;
}

/* A HEP3 packet in UDP to port 9060 of text: v6 the addresses' family,
 * proto the original's protocol, with its time (sec, usec) and agent
 * 2001; chunk 15 the payload (16: compressed, when zipped); no
 * addresses when bare. */
static void put_hep(struct pcapw *w, const char *text, bool v6, unsigned proto, uint32_t sec, uint32_t usec,
		    bool zipped, bool bare)
{
	unsigned char h[3000];
	size_t n = 6;
	unsigned char be[4];
	memcpy(h, "HEP3", 4);
	if (!bare) {
		unsigned char a4[2][4] = { { 10, 9, 0, 1 }, { 10, 9, 0, 2 } }, a6[2][16] = { { 0x20, 0x01, 0x0d, 0xb8 },
												   { 0x20, 0x01, 0x0d, 0xb8 } };
		a6[0][15] = 1, a6[1][15] = 2;
		n += hep_chunk(h + n, 1, v6 ? "\x0a" : "\x02", 1);
		n += hep_chunk(h + n, v6 ? 5 : 3, v6 ? (const void *)a6[0] : a4[0], v6 ? 16 : 4);
		n += hep_chunk(h + n, v6 ? 6 : 4, v6 ? (const void *)a6[1] : a4[1], v6 ? 16 : 4);
		n += hep_chunk(h + n, 7, "\x13\xc4", 2);
		n += hep_chunk(h + n, 8, "\x13\xc6", 2);
	}
	unsigned char pr = (unsigned char)proto;
	n += hep_chunk(h + n, 2, &pr, 1);
	be[0] = (unsigned char)(sec >> 24), be[1] = (unsigned char)(sec >> 16), be[2] = (unsigned char)(sec >> 8);
	be[3] = (unsigned char)sec;
	n += hep_chunk(h + n, 9, be, 4);
	be[0] = (unsigned char)(usec >> 24), be[1] = (unsigned char)(usec >> 16), be[2] = (unsigned char)(usec >> 8);
	be[3] = (unsigned char)usec;
	n += hep_chunk(h + n, 10, be, 4);
	n += hep_chunk(h + n, 11, "\x01", 1);
	n += hep_chunk(h + n, 12, "\x00\x00\x07\xd1", 4);
	n += hep_chunk(h + n, 0x1234, "vendor", 6); /* unknown: skipped */
	n += hep_chunk(h + n, zipped ? 16 : 15, text, strlen(text));
	h[4] = (unsigned char)(n >> 8), h[5] = (unsigned char)n;
	put_hep_datagram(w, h, n);
}

/* Homer's capture agents send each message in HEP3: read with the
 * addresses, ports, time and transport the agent gave; a compressed
 * payload or a broken packet is no message. */
static void messages_in_hep3_are_read_with_the_agents_endpoints(void)
{
	static struct pcapw w;
	pcapw_init(&w, LINK_ETH);
	put_hep(&w, reg, false, 17, 1700000000, 123456, false, false);
	put_hep(&w, notify, true, 6, 1700000001, 500, false, false);
	put_hep(&w, reg, false, 17, 1700000002, 0, true, false);
	put_hep(&w, notify, false, 17, 1700000003, 7, false, true);
	put_hep(&w, reg, false, 17, 1700000004, 0, false, false);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 4);
	CHECK_INT_EQ(cap.hep, 4);
	check_msgf(0, reg, strlen(reg), 1, 1, "frame 1 2023-11-14 22:13:20.123456 IP 10.9.0.1.5060 > 10.9.0.2.5062: UDP, "
		 "length %zu, in HEP3 (agent 2001)", strlen(reg));
	check_msgf(1, notify, strlen(notify), 2, 2, "frame 2 2023-11-14 22:13:21.000500 IP6 2001:db8::1.5060 > 2001:db8::2.5062: "
		 "TCP, length %zu, in HEP3 (agent 2001)", strlen(notify));
	CHECK(cap.nmsgs >= 2 && cap.msgs[1].transport == TRACE_TCP);
	check_msgf(2, notify, strlen(notify), 4, 4, "frame 4 2023-11-14 22:13:23.000007: UDP, length %zu, in HEP3 (agent 2001)",
		 strlen(notify));
	/* the last packet's payload chunk made to run past the packet: no
	 * HEP3, and no SIP either */
	unsigned char *len = w.f + w.n - strlen(reg) - 2;
	len[0] = 0x7f;
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	CHECK_INT_EQ(cap.hep, 3);
}

/* A HEP packet of version v (1 or 2) in UDP to port 9060 of text: the
 * original went over proto between 10.9.0.1.5060 and 10.9.0.2.5062 (v6:
 * 2001:db8::1 and ::2), for version 2 at sec.usec (little-endian, or
 * big-endian with be) from capture id 7. */
static void put_hep12(struct pcapw *w, unsigned v, const char *text, bool v6, unsigned proto, uint32_t sec,
		      uint32_t usec, bool be)
{
	unsigned char h[2200];
	size_t al = v6 ? 16 : 4, n = 0;
	h[n++] = (unsigned char)v;
	h[n++] = (unsigned char)(8 + 2 * al);
	h[n++] = v6 ? 10 : 2;
	h[n++] = (unsigned char)proto;
	h[n++] = 0x13, h[n++] = 0xc4, h[n++] = 0x13, h[n++] = 0xc6; /* 5060, 5062 */
	for (unsigned i = 1; i <= 2; i++) {
		if (v6) {
			static const unsigned char a[14] = { 0x20, 0x01, 0x0d, 0xb8 };
			memcpy(h + n, a, 14);
			h[n + 14] = 0, h[n + 15] = (unsigned char)i;
		} else {
			h[n] = 10, h[n + 1] = 9, h[n + 2] = 0, h[n + 3] = (unsigned char)i;
		}
		n += al;
	}
	if (v == 2) {
		for (int k = 0; k < 4; k++) {
			h[n + (be ? 3 - k : k)] = (unsigned char)(sec >> (8 * k));
			h[n + 4 + (be ? 3 - k : k)] = (unsigned char)(usec >> (8 * k));
		}
		h[n + 8] = 7, h[n + 9] = 0, h[n + 10] = h[n + 11] = 0;
		n += 12;
	}
	memcpy(h + n, text, strlen(text));
	n += strlen(text);
	put_hep_datagram(w, h, n);
}

/* Kamailio's siptrace with hep_version 1 or 2 and sngrep's EEP send HEP's
 * older versions: read with the addresses, ports and transport, version
 * 2's time and capture id (from either byte order); a datagram that
 * starts as one but holds no SIP is nothing. */
static void messages_in_hep_v1_and_v2_are_read(void)
{
	static struct pcapw w;
	pcapw_init(&w, LINK_ETH);
	put_hep12(&w, 1, reg, false, 17, 0, 0, false);
	put_hep12(&w, 2, notify, true, 6, 1700000001, 500, false);
	put_hep12(&w, 2, reg, false, 17, 1700000002, 250000, true);
	put_hep12(&w, 2, "\x01\x02 no SIP here", false, 17, 1, 2, false);
	CHECK_INT_EQ(read_pcap(&w), 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	CHECK_INT_EQ(cap.hep, 3);
	check_msgf(0, reg, strlen(reg), 1, 1, "frame 1 1970-01-01 00:00:01.000002 IP 10.9.0.1.5060 > 10.9.0.2.5062: UDP, "
		 "length %zu, in HEPv1", strlen(reg));
	check_msgf(1, notify, strlen(notify), 2, 2, "frame 2 2023-11-14 22:13:21.000500 IP6 2001:db8::1.5060 > 2001:db8::2.5062: "
		 "TCP, length %zu, in HEPv2 (agent 7)", strlen(notify));
	check_msgf(2, reg, strlen(reg), 3, 3, "frame 3 2023-11-14 22:13:22.250000 IP 10.9.0.1.5060 > 10.9.0.2.5062: UDP, "
		 "length %zu, in HEPv2 (agent 7)", strlen(reg));
}

/* ---- ESP ----------------------------------------------------------- */

/* An ESP packet 10.0.0.1 > 10.0.0.2 sealed with sa around a UDP datagram
 * 5062 > 5068 of text. */
static void put_esp(struct pcapw *w, const struct trace_esp_sa *sa, const char *text)
{
	unsigned char u[2048], e[2200], p[2400];
	size_t un = udp(u, text, strlen(text));
	u[1] = 0xc6, u[3] = 0xcc; /* 5062 > 5068 */
	size_t en = esp_seal(sa, u, un, 17, e);
	CHECK(en > 0);
	pcapw_packet(w, p, ip4(p, 50, e, en, 0, false, 3));
}

/* Encrypted ESP with the SAs of sec-agree known (their SPIs and the AKA
 * keys): opened and read, its packet line saying so; with other keys
 * counted apart; with none, counted encrypted. */
static void esp_of_a_known_sa_is_decrypted(void)
{
	static struct pcapw w;
	struct trace_esp_sa sas[2] = {
		{ .spi = 0x1234, .integ = TRACE_ESP_HMAC_SHA1_96, .cipher = TRACE_ESP_AES_CBC },
		{ .spi = 0x5678, .integ = TRACE_ESP_HMAC_MD5_96, .cipher = TRACE_ESP_DES_EDE3_CBC },
	};
	for (int i = 0; i < 2; i++)
		for (int k = 0; k < 16; k++)
			sas[i].ik[k] = (uint8_t)(0x10 + k), sas[i].ck[k] = (uint8_t)(0x80 + k);
	pcapw_init(&w, LINK_ETH);
	put_esp(&w, &sas[0], reg);
	put_esp(&w, &sas[1], notify);
	put_udp(&w, reg);
	/* with the SAs: both opened */
	trace_capture_fini(&cap);
	cap.sas = sas;
	cap.nsas = 2;
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	CHECK_INT_EQ(cap.decrypted, 2);
	CHECK_INT_EQ(cap.encrypted, 0);
	check_msgf(0, reg, strlen(reg), 1, 1, "frame 1 1970-01-01 00:00:01.000002 IP 10.0.0.1.5062 > 10.0.0.2.5068: UDP, "
		 "length %zu, in ESP (SPI 0x00001234 = 4660, aes-cbc, decrypted)", strlen(reg));
	check_msgf(1, notify, strlen(notify), 2, 2, "frame 2 1970-01-01 00:00:02.000002 IP 10.0.0.1.5062 > 10.0.0.2.5068: UDP, "
		 "length %zu, in ESP (SPI 0x00005678 = 22136, des-ede3-cbc, decrypted)", strlen(notify));
	CHECK(cap.nmsgs == 3 && cap.msgs[0].decrypted && !cap.msgs[2].decrypted);
	/* a REGISTER over TCP in ESP whose second segment the capture has
	 * not: cut short at the end of the file, and still said decrypted */
	{
		unsigned char t[2048], e[2200], p[2400];
		size_t half = strlen(reg) / 2;
		memset(t, 0, 20);
		t[0] = 0x13, t[1] = 0xc6, t[2] = 0x13, t[3] = 0xcc; /* 5062 > 5068 */
		t[7] = 1, t[12] = 5 << 4, t[13] = 0x18;
		memcpy(t + 20, reg, half);
		size_t en = esp_seal(&sas[0], t, 20 + half, 6, e);
		static struct pcapw wt;
		pcapw_init(&wt, LINK_ETH);
		pcapw_packet(&wt, p, ip4(p, 50, e, en, 0, false, 3));
		trace_capture_fini(&cap);
		cap.sas = sas;
		cap.nsas = 2;
		CHECK_INT_EQ(trace_capture_read(&cap, wt.f, wt.n), 0);
		CHECK_INT_EQ(cap.nmsgs, 1);
		check_msgf(0, reg, half, 1, 1, "frame 1 1970-01-01 00:00:01.000002 IP 10.0.0.1.5062 > 10.0.0.2.5068: TCP, "
			 "length %zu, in ESP (SPI 0x00001234 = 4660, aes-cbc, decrypted), incomplete: the capture has "
			 "not all of it", half);
		CHECK(cap.nmsgs == 1 && cap.msgs[0].decrypted && cap.msgs[0].incomplete);
	}
	/* one SPI with two candidate SAs (Security-Server offered two
	 * algorithms): the one whose ICV checks opens it */
	struct trace_esp_sa two[2] = { sas[1], sas[1] };
	two[0].integ = TRACE_ESP_HMAC_SHA1_96;
	trace_capture_fini(&cap);
	cap.sas = two;
	cap.nsas = 2;
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_INT_EQ(cap.decrypted, 1);
	CHECK_INT_EQ(cap.encrypted, 1);
	CHECK_INT_EQ(cap.esp_icv_bad, 0); /* SPI 0x1234: no SA of it */
	/* other keys: counted as such */
	struct trace_esp_sa wrong = sas[0];
	wrong.ik[0] ^= 1;
	trace_capture_fini(&cap);
	cap.sas = &wrong;
	cap.nsas = 1;
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	CHECK_INT_EQ(cap.encrypted, 2);
	CHECK_INT_EQ(cap.esp_icv_bad, 1);
	/* no SA: encrypted */
	trace_capture_fini(&cap);
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	CHECK_INT_EQ(cap.encrypted, 2);
	CHECK_INT_EQ(cap.decrypted, 0);
	/* ESP inside VXLAN (a P-CSCF on a virtual network): opened too */
	unsigned char u[2048], e[2200], in[2400];
	size_t un = udp(u, reg, strlen(reg));
	u[1] = 0xc6, u[3] = 0xcc;
	size_t en = esp_seal(&sas[0], u, un, 17, e), inn = ip4(in, 50, e, en, 0, false, 3);
	pcapw_init(&w, LINK_ETH);
	put_tunneled(&w, 17, (const unsigned char *)"\xc0\x00\x12\xb5\x00\x00\x00\x00"
			     "\x08\x00\x00\x00\x00\x00\x2a\x00", 16, 0, in, inn);
	trace_capture_fini(&cap);
	cap.sas = sas;
	cap.nsas = 2;
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	CHECK_INT_EQ(cap.decrypted, 1);
	check_msg(0, reg, strlen(reg), 1, 1, NULL);
	/* and inside GTP-U (the UE's protected REGISTER as S1-U carries it) */
	pcapw_init(&w, LINK_ETH);
	put_gpdu(&w, 2152, 0x30, "", 0, in, inn, false);
	trace_capture_fini(&cap);
	cap.sas = sas;
	cap.nsas = 2;
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_INT_EQ(cap.nmsgs, 1);
	CHECK_INT_EQ(cap.decrypted, 1);
	check_msgf(0, reg, strlen(reg), 1, 1, "frame 1 1970-01-01 00:00:01.000002 IP 10.0.0.1.5062 > 10.0.0.2.5068: "
		 "UDP, length %zu, in ESP (SPI 0x00001234 = 4660, aes-cbc, decrypted), in GTP-U (TEID 0x1234abcd)",
		 strlen(reg));
}

/* ---- pcapng -------------------------------------------------------- */

/* The classic pcap files in[0..k) (microseconds, either byte order) as
 * one pcapng, an interface each, their packets one after the other when
 * interleave is false, else taken a file at a time; times in nanoseconds
 * when nsec. false when a file is no such pcap. */
static bool pcap_to_pcapng(struct pcapng_w *w, const unsigned char *const *in, const size_t *n, size_t k, bool nsec,
			   bool interleave)
{
	size_t at[8];
	bool swap[8];
	if (k > 8)
		return false;
	pcapng_w_section(w, false);
	for (size_t i = 0; i < k; i++) {
		uint32_t magic, dlt;
		if (n[i] < 24)
			return false;
		memcpy(&magic, in[i], 4);
		swap[i] = magic == 0xd4c3b2a1;
		if (magic != 0xa1b2c3d4 && !swap[i])
			return false;
		memcpy(&dlt, in[i] + 20, 4);
		pcapng_w_interface(w, (uint16_t)(swap[i] ? __builtin_bswap32(dlt) : dlt), 262144, nsec ? 9 : 0xff, 0);
		at[i] = 24;
	}
	for (bool more = true; more;) {
		more = false;
		for (size_t i = 0; i < k; i++) {
			while (at[i] + 16 <= n[i]) {
				uint32_t h[4];
				memcpy(h, in[i] + at[i], 16);
				for (int j = 0; j < 4 && swap[i]; j++)
					h[j] = __builtin_bswap32(h[j]);
				if (h[2] > n[i] - at[i] - 16)
					return false;
				uint64_t ts = (uint64_t)h[0] * 1000000 + h[1];
				pcapng_w_enhanced(w, (uint32_t)i, nsec ? ts * 1000 : ts, in[i] + at[i] + 16, h[2], h[3]);
				at[i] += 16 + h[2];
				more = true;
				if (interleave)
					break;
			}
		}
	}
	return !w->full;
}

/* Interfaces of two link layers in one pcapng (libpcap refuses the
 * second): each packet read with its own. */
static void a_pcapng_of_several_link_layers_is_read_whole(void)
{
	static struct pcapw a, b;
	static unsigned char buf[1 << 16];
	struct pcapng_w w;
	pcapng_w_init(&w, buf, sizeof buf);
	pcapw_init(&a, LINK_ETH);
	pcapw_init(&b, LINK_SLL2);
	put_udp(&a, reg);
	put_udp(&b, notify);
	put_udp(&a, notify);
	const unsigned char *in[2] = { a.f, b.f };
	size_t n[2] = { a.n, b.n };
	CHECK(pcap_to_pcapng(&w, in, n, 2, false, true));
	trace_capture_fini(&cap);
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_STR_EQ(cap.error, "");
	CHECK_INT_EQ(cap.packets, 3);
	CHECK(cap.link && strcmp(cap.link, "Ethernet, Linux cooked v2") == 0);
	CHECK_INT_EQ(cap.nmsgs, 3);
	check_msgf(1, notify, strlen(notify), 2, 2, "frame 2 1970-01-01 00:00:01.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: "
		 "UDP, length %zu", strlen(notify));
	check_msgf(2, notify, strlen(notify), 3, 3, "frame 3 1970-01-01 00:00:02.000002 IP 10.0.0.1.5060 > 10.0.0.2.5060: "
		 "UDP, length %zu", strlen(notify));
	/* cut inside its last packet: the two before, and why */
	trace_capture_fini(&cap);
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n - 8), 0);
	CHECK_INT_EQ(cap.nmsgs, 2);
	CHECK(strstr(cap.error, "truncated pcapng file") != NULL);
}

/* A pcapng whose packet holds more bytes than its interface's snapshot
 * length says (a writer's mistake libpcap stops at with an error): read
 * whole block by block, as tshark reads it. */
static void a_pcapng_packet_beyond_its_snaplen_is_read_whole(void)
{
	static unsigned char buf[1 << 14];
	struct pcapng_w w;
	unsigned char u[4096], p[4200];
	size_t un = udp(u, reg, strlen(reg)), pn = ip4(p, 17, u, un, 0, false, 1);
	pcapng_w_init(&w, buf, sizeof buf);
	pcapng_w_section(&w, false);
	pcapng_w_interface(&w, 101, 100, 0xff, 0); /* raw IP, 100 bytes */
	pcapng_w_enhanced(&w, 0, 1000000, p, (uint32_t)pn, (uint32_t)pn);
	trace_capture_fini(&cap);
	CHECK_INT_EQ(trace_capture_read(&cap, w.f, w.n), 0);
	CHECK_STR_EQ(cap.error, "");
	CHECK_INT_EQ(cap.packets, 1);
	CHECK_INT_EQ(cap.nmsgs, 1);
	CHECK_INT_EQ(cap.truncated, 0);
}

/* Whether x and y read the same; the first difference said on stderr. */
static bool msgs_equal(const struct trace_capture *x, const struct trace_capture *y)
{
	if (x->nmsgs != y->nmsgs || x->packets != y->packets || x->other_link != y->other_link ||
	    x->truncated != y->truncated || x->encrypted != y->encrypted || x->gaps != y->gaps ||
	    x->frag_open != y->frag_open || !x->link != !y->link || (x->link && strcmp(x->link, y->link))) {
		fprintf(stderr, "messages %zu/%zu, packets %llu/%llu, link %s/%s\n", x->nmsgs, y->nmsgs,
			(unsigned long long)x->packets, (unsigned long long)y->packets,
			x->link ? x->link : "-", y->link ? y->link : "-");
		return false;
	}
	for (size_t i = 0; i < x->nmsgs; i++) {
		const struct trace_msg *a = &x->msgs[i], *b = &y->msgs[i];
		if (a->len != b->len || memcmp(x->text.ptr + a->offset, y->text.ptr + b->offset, a->len) ||
		    a->line_len != b->line_len || memcmp(x->lines.ptr + a->line, y->lines.ptr + b->line, a->line_len) ||
		    a->frame != b->frame || a->first_frame != b->first_frame || a->sec != b->sec ||
		    a->usec != b->usec || a->transport != b->transport || a->incomplete != b->incomplete ||
		    a->ends.ver != b->ends.ver || strcmp(a->ends.src, b->ends.src) ||
		    strcmp(a->ends.dst, b->ends.dst) || a->ends.ports != b->ends.ports ||
		    a->ends.sport != b->ends.sport || a->ends.dport != b->ends.dport) {
			fprintf(stderr, "message %zu: %.*s / %.*s\n", i, (int)a->line_len, x->lines.ptr + a->line,
				(int)b->line_len, y->lines.ptr + b->line);
			return false;
		}
	}
	return true;
}

/* Every capture of the corpus as a pcapng (micro- and nanoseconds): read
 * by libpcap and block by block, the same messages, lines, times. */
static void pcapng_by_libpcap_and_by_blocks_read_alike(void)
{
	static const char *const names[] = { "heplify-sip_ipv4_tcp_retrans", "heplify-sip_ipv6_udp",
					     "heplify-sip_sctp", "heplify-sip_tcp_websocket", "sngrep-aaa",
					     "sngrep-ipip", "sngrep-ipv6frag" };
	static unsigned char file[1 << 20], ng[1 << 21];
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char path[200];
		snprintf(path, sizeof path, "../shared/corpus/captures/pcap/%s.pcap", names[i]);
		FILE *fp = fopen(path, "rb");
		CHECK(fp != NULL);
		if (!fp)
			continue;
		size_t n = fread(file, 1, sizeof file, fp);
		fclose(fp);
		for (int nsec = 0; nsec < 2; nsec++) {
			struct pcapng_w w;
	pcapng_w_init(&w, ng, sizeof ng);
			const unsigned char *in = file;
			CHECK(pcap_to_pcapng(&w, &in, &n, 1, nsec, false));
			struct trace_capture x, y;
			trace_capture_init(&x);
			trace_capture_init(&y);
			y.own_pcapng = true;
			CHECK_INT_EQ(trace_capture_read(&x, w.f, w.n), 0);
			CHECK_INT_EQ(trace_capture_read(&y, w.f, w.n), 0);
			CHECK(x.nmsgs > 0);
			if (!msgs_equal(&x, &y))
				fprintf(stderr, "%s (%s): libpcap and the block reader differ\n", names[i],
					nsec ? "ns" : "us");
			CHECK(msgs_equal(&x, &y));
			trace_capture_fini(&x);
			trace_capture_fini(&y);
		}
	}
}

/* trace_capture_read of f[0, n) with each allocation failing in turn:
 * -ENOMEM and nothing left allocated, until one succeeds. */
static void alloc_sweep(const unsigned char *f, size_t n)
{
	long live = alloc_live();
	for (long k = 0;; k++) {
		struct trace_capture c;
		trace_capture_init(&c);
		alloc_fail_after(k);
		int rc = trace_capture_read(&c, f, n);
		alloc_fail_after(-1);
		CHECK(rc == 0 || rc == -ENOMEM);
		trace_capture_fini(&c);
		CHECK_INT_EQ(alloc_live(), live);
		if (rc == 0) {
			CHECK_INT_EQ(c.nmsgs, 0); /* fini cleared it */
			break;
		}
		if (k > 200) {
			CHECK(!"never succeeds");
			break;
		}
	}
}

static void every_allocation_failure_is_reported_and_frees_all(void)
{
	static struct pcapw w, other;
	static unsigned char buf[1 << 16];
	size_t rn = strlen(reg);
	pcapw_init(&w, LINK_ETH);
	put_udp(&w, reg);
	put_tcp(&w, 1000, 0x18, reg, 40);
	put_tcp(&w, 1000 + 80, 0x18, reg + 80, rn - 80);
	put_tcp(&w, 1000 + 40, 0x18, reg + 40, 40);
	trace_capture_fini(&cap);
	alloc_sweep(w.f, w.n);
	/* the same with a packet of another link layer, as a pcapng */
	struct pcapng_w ng;
	pcapng_w_init(&ng, buf, sizeof buf);
	pcapw_init(&other, LINK_SLL2);
	put_udp(&other, notify);
	const unsigned char *in[2] = { w.f, other.f };
	size_t n[2] = { w.n, other.n };
	CHECK(pcap_to_pcapng(&ng, in, n, 2, false, true));
	alloc_sweep(ng.f, ng.n);
}

int main(void)
{
	trace_capture_init(&cap);
	udp_on_each_link_layer_is_one_message();
	the_end_is_the_latest_packet_of_any_kind();
	a_udp_packet_seen_twice_at_once_is_read_once();
	packets_under_mpls_and_pppoe_are_read();
	ipv4_fragments_in_any_order_make_one_datagram();
	many_fragmented_datagrams_take_memory_only_while_open();
	tcp_segments_out_of_order_and_retransmitted_are_put_in_order();
	tcp_message_a_byte_a_segment_is_read_whole();
	tcp_lost_segment_cuts_one_message_and_the_next_is_read();
	sctp_chunks_are_joined_and_bundles_split();
	sctp_chunks_go_in_tsn_order_and_resends_are_dropped();
	websocket_after_its_upgrade_gives_its_frames_messages();
	websocket_message_in_several_frames_is_joined();
	websocket_frame_cut_by_a_gap_is_emitted_cut_short();
	segments_held_ahead_of_lost_ones_are_bounded_over_all_connections();
	what_is_no_sip_on_a_connection_is_dropped_up_to_a_start_line();
	seconds_past_2038_are_not_read_as_before_1970();
	a_file_cut_inside_a_packet_keeps_the_packets_before();
	what_is_no_capture_is_refused_with_a_reason();
	packets_in_gre_erspan_vxlan_and_geneve_are_read();
	ue_packets_in_gtpu_are_read();
	gtpu_in_mirrors_and_overlays_is_read();
	ue_fragments_inside_gtpu_keep_their_tunnel();
	esp_of_a_known_sa_is_decrypted();
	messages_in_hep3_are_read_with_the_agents_endpoints();
	messages_in_hep_v1_and_v2_are_read();
	a_pcapng_of_several_link_layers_is_read_whole();
	a_pcapng_packet_beyond_its_snaplen_is_read_whole();
	pcapng_by_libpcap_and_by_blocks_read_alike();
	every_allocation_failure_is_reported_and_frees_all();
	trace_capture_fini(&cap);
	return check_done();
}
