/* packet.h: where a SIP message lies in the bytes of an IP packet: IPv4
 * and IPv6 (extension headers, fragments), one level of IP in IP or of a
 * tunnel (GRE, ERSPAN, VXLAN, Geneve: an IP packet or an Ethernet frame
 * inside), ESP with NULL encryption (IMS sec-agree's ealg=null), UDP,
 * TCP, SCTP DATA chunks and WebSocket frames (SIP over WebSocket, RFC
 * 7118). What the paste normaliser reads from hex dumps of packets and
 * the capture reader from pcap files share: no allocation, nothing read
 * outside [b, b + n). */
#ifndef IMSREG_PACKET_H
#define IMSREG_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <imsreg/buf.h>

/* The tunnel an IP packet came in (one level, the outer packet's). */
enum pkt_tunnel {
	PKT_TUNNEL_NONE,
	PKT_TUNNEL_GRE,         /* GRE (RFC 2784), IP or Ethernet inside */
	PKT_TUNNEL_ERSPAN,      /* a port mirror's GRE (ERSPAN types I, II, III) */
	PKT_TUNNEL_VXLAN,       /* RFC 7348, UDP port 4789 */
	PKT_TUNNEL_GENEVE,      /* RFC 8926, UDP port 6081 */
	PKT_TUNNEL_GTPU,        /* 3GPP TS 29.281, UDP port 2152: a UE's packets on S1-U, N3, ... */
};

/* How many tunnels (and IP in IP) a packet is read through, one inside
 * the other. */
#define PKT_TUNNELS_MAX 3

/* One tunnel a packet came in. */
struct pkt_tunnel_at {
	enum pkt_tunnel kind;
	uint32_t id;            /* VXLAN, Geneve: the VNI; GTP-U: the TEID */
	bool has_qfi;           /* GTP-U: a PDU Session Container gave the QoS flow */
	uint8_t qfi;            /* its QFI (TS 38.415 §5.5.3.3), 0 to 63 */
};

/* The VLAN ids and MPLS labels a frame's IP packet was found under, in
 * the order of the frame (the outer first; an Ethernet pseudowire's
 * inner tags after its labels): the first PKT_LINK_MAX of each. */
#define PKT_LINK_MAX 4
struct pkt_link {
	uint16_t vlan[PKT_LINK_MAX];    /* 802.1Q / 802.1ad tags' VLAN ids */
	uint32_t mpls[PKT_LINK_MAX];    /* RFC 3032 labels, 20 bits */
	unsigned nvlan, nmpls;
};

/* Where the transport payload of an IP packet lies in b[0, n). */
struct pkt_ip {
	size_t from, to;        /* the payload */
	bool frag;              /* a fragment after the first: no transport header in it */
	bool more;              /* more fragments follow */
	size_t frag_off;        /* a fragment: its offset in the datagram's payload */
	size_t data, data_end;  /* the (inner) IP payload, after the IP header and its
				 * extension headers, before ESP: what fragments join */
	unsigned data_proto;    /* the protocol of that payload (a fragment's datagram's) */
	bool tcp;
	uint32_t seq;           /* TCP: the sequence number of the payload's first byte;
				 * SCTP: the DATA chunk's TSN */
	unsigned tcp_flags;     /* TCP: FIN 0x01, SYN 0x02, RST 0x04, ... (RFC 9293 §3.1) */
	/* the flow: the addresses and ports (a fragmented datagram: the
	 * addresses and its IP identification, which every fragment has) */
	unsigned char key[40];
	size_t keyn;
	/* what the headers say, for a packet line written from them: the
	 * (inner) IP header's offset and version, the transport protocol,
	 * its header's offset (ports when it has them), ESP's SPI around it */
	size_t ip, th;
	unsigned ver, proto;
	bool ports, esp;
	bool esp_enc;           /* ESP whose payload is encrypted: nothing to read */
	uint32_t spi;
	/* the tunnels the packet read came in, the innermost first (a UE's
	 * GTP-U inside the ERSPAN of a port mirror) */
	struct pkt_tunnel_at tunnels[PKT_TUNNELS_MAX];
	unsigned ntunnels;
	bool sctp_end;          /* SCTP: the DATA chunk ends its message (E) */
	bool sctp_more;         /* SCTP: another DATA chunk follows it in the packet */
	bool sctp_begin;        /* SCTP: the DATA chunk begins its message (B) */
	unsigned chunk;         /* in: which DATA chunk of an SCTP packet to read (0: the first) */
	struct pkt_link link;   /* pkt_payload_guess: the VLAN ids and MPLS labels
				 * of the link layer it found (pkt_line_write ends
				 * its line with them) */
};

/* An SCTP DATA chunk's TSN this far from the next one a direction
 * expects, ahead or behind, is no retransmission or gap: a new association
 * on the same addresses and ports (its INIT chose another initial TSN). */
#define PKT_SCTP_TSN_WINDOW 4096

static inline unsigned pkt_u16(const unsigned char *b)
{
	return (unsigned)b[0] << 8 | b[1];
}

/* The IP packet at b[0, n) (its length may be less than n: a link layer
 * pads short frames): true with *r set to the payload of its UDP, TCP or
 * r->chunk-th SCTP DATA chunk, or of the fragment it is. */
bool pkt_ip_payload(const unsigned char *b, size_t n, struct pkt_ip *r);

/* The same for a packet whose link layer is not known (a hex dump, with or
 * without it): IP first, then after Ethernet (as pkt_ether_ip reads it),
 * Linux cooked v1 or v2 headers. */
bool pkt_payload_guess(const unsigned char *b, size_t n, struct pkt_ip *r);

/* The most MPLS labels read above a packet. */
#define PKT_MPLS_LABELS_MAX 16

/* The IP packet in the Ethernet frame at b[0, n): its offset, or 0. VLAN
 * tags (802.1Q, 802.1ad, 0x9100) skipped; under them IPv4, IPv6, an MPLS
 * label stack (RFC 3032) with IP or an Ethernet pseudowire (control word,
 * RFC 4385 and 4448) below it, or a PPPoE session (RFC 2516) carrying IP.
 * When l is not NULL, *l is what it read on the way (all 0 when it found
 * no IP packet). */
size_t pkt_ether_ip(const unsigned char *b, size_t n, struct pkt_link *l);

/* The IP packet in the payload of ethertype et at b[p, n) (a Linux cooked
 * header's protocol), as pkt_ether_ip reads what follows a frame's
 * ethertype: its offset, or 0; *l likewise. */
size_t pkt_ethertype_ip(unsigned et, const unsigned char *b, size_t p, size_t n, struct pkt_link *l);

/* Appends ", on VLAN 100" (", on VLANs 200, 100" for stacked tags, the
 * outer first) and ", under MPLS label 16" (", under MPLS labels 16,
 * 1001"); nothing for a frame with neither. */
void pkt_link_write(struct buf *o, const struct pkt_link *l);

/* A WebSocket frame (RFC 6455 §5.2: FIN, a text or binary opcode) whole
 * in b[from, to), as SIP over WebSocket sends a message (RFC 7118 §5):
 * its payload, unmasked in place when a client masked it (§5.3), in
 * [*pf, *pt); a frame longer than the segment goes on in the next ones:
 * *rest of its bytes, masked with key[] (from key index *rest's frame
 * offset on) when *masked. False when the bytes are no such frame. */
bool pkt_ws_frame(unsigned char *b, size_t from, size_t to, size_t *pf, size_t *pt, size_t *rest,
		  unsigned char key[4], bool *masked);

/* The header of a WebSocket frame (RFC 6455 §5.2) at b[0, avail): its
 * length (the masking key included), with the payload's length in *len
 * and whether a key masks it in *masked; 0 when avail does not hold it. */
size_t pkt_ws_header(const unsigned char *b, size_t avail, uint64_t *len, bool *masked);

/* A packet's endpoints as text: the (innermost) IP addresses, numeric,
 * and the transport's ports when it has them. */
struct pkt_ends {
	unsigned ver;           /* 4 or 6 */
	char src[46], dst[46];  /* "10.0.0.1", "2001:db8::1" */
	bool ports;             /* not for a fragment after the first */
	uint16_t sport, dport;
};

/* e from the packet b that r describes: false, with e->ver 0, when r has
 * no IP header (r->ver not 4 or 6). */
bool pkt_endpoints(const unsigned char *b, const struct pkt_ip *r, struct pkt_ends *e);

/* Appends "IP 10.0.0.1.5060 > 10.0.0.2.5060" ("IP6 ...", no ports for a
 * fragment after the first). */
void pkt_ends_write(struct buf *o, const struct pkt_ends *e);

/* Whether a and b name the same addresses (as written) and ports, both
 * with their ports. */
bool pkt_ends_equal(const struct pkt_ends *a, const struct pkt_ends *b);

/* How close in time the same message between the same endpoints is one
 * packet seen twice (a capture on several interfaces, tcpdump -i any, a
 * bridge, a tunnel and its exit), not sent again, microseconds: far below
 * the 500 ms a UA waits before it sends a request again (RFC 3261
 * §17.1.2.2, Timer E from T1), above what a bridge or a gateway takes to
 * pass a packet on. */
#define PKT_COPY_US 100000

/* Whether the times (seconds, microseconds) a and b are at most
 * PKT_COPY_US apart, either way (whatever the seconds: no overflow). */
bool pkt_time_copy(int64_t asec, uint32_t ausec, int64_t bsec, uint32_t busec);

/* Appends the packet's endpoints in the shape of tcpdump -q -nn's line,
 * without a time: "IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 596",
 * "IP6 ...", then what carried it (pkt_carrier_write, pkt_link_write of
 * r->link). Nothing when r
 * has no IP header (r->ver not 4 or 6). */
void pkt_line_write(struct buf *o, const unsigned char *b, const struct pkt_ip *r);

/* What a capture tool's packet line, as a paste holds it, says of its
 * packet exactly: the endpoints (numeric addresses and ports), the
 * transport and the time. Read: tcpdump's line (`-n`/`-nn`, the default
 * time of day, `-tttt`'s date and time, `-tt`'s seconds since 1970; `-v`'s
 * endpoints on the next line; the innermost endpoints of a tunnel) and
 * ngrep's packet header with `-t`'s time ("U 2026/11/21 10:00:01.123456
 * 10.0.0.1:5060 -> 10.0.0.2:5060"), and sngrep's Save as .txt header line
 * ("2016/03/08 10:51:51.123456 10.0.0.1:5060 -> 10.0.0.2:5060", nothing
 * after; an IPv6 address bare, its port after the last ':'), which does
 * not say the transport: udp false and unsaid true (the caller may take
 * it from the message's top Via); and the line decode writes for a
 * message of tshark's JSON, ek, PDML or named fields ("frame 19  Jul  4,
 * 2005 11:32:52.844249000 CEST  UDP 192.168.1.2:5060 -> ...", ek's time
 * "2005-07-04T09:32:52.844249000Z"; a zone's name is not applied, an
 * offset is). */
struct pkt_line {
	struct pkt_ends ends;
	bool udp;               /* else TCP or SCTP */
	bool unsaid;            /* the line does not say the transport (sngrep's):
				 * udp false */
	bool dated;             /* sec counts from 1970 (UTC as the tool printed
				 * it); else from the day's midnight */
	uint64_t frame;         /* the packet's number the line gives (tshark's
				 * frame), else 0 */
	int64_t sec;
	uint32_t usec;
};
/* tshark -P's summary line of a packet ("    1   0.000000 10.0.0.1 →
 * 10.0.0.2 SIP 477 Request: REGISTER ..."): its frame number and time
 * into l (l->ends.ver 0: the line does not say the ports; a hex dump's
 * headers do). The time: -t r's seconds since the first packet (negative
 * when the clock went back) and -t e's since 1970, dated; -t ad / ud's
 * date and time; -t a / u's time of day. -t d / dd's times since the
 * packet before look like -t r's: the caller checks that the times do not
 * go back. False when s is no such line. */
bool pkt_summary_time(struct slice s, struct pkt_line *l);

/* The endpoints and transport a packet line says without a time (l->sec,
 * usec 0): the line pkt_line_write writes for a hex dump, tcpdump's line
 * whose time is one pkt_line_read does not take (-ttt's, -ttttt's since
 * another packet: its endpoints are the packet's still), ngrep's header
 * without -t ("U 10.0.0.1:5060 -> 10.0.0.2:5060 #3"). False when s says
 * no numeric endpoints and ports. */
bool pkt_line_ends_read(struct slice s, struct pkt_line *l);

/* The time a packet line says without the endpoints: the one decode
 * writes for a message of SIPp's -trace_msg log ("2026-11-23
 * 15:49:36.161061 UDP message sent (511 bytes)", "... TCP message
 * received [309] bytes"): dated, udp for UDP, l->ends.ver 0. False when s
 * is no such line. */
bool pkt_time_line_read(struct slice s, struct pkt_line *l);

/* The first time stamp in a log's text before a message's start line
 * (a syslog, journalctl, RFC 5424, kubectl/docker, logcat or an
 * application's prefix): "2026-11-21T10:00:01.123456Z" (an offset
 * applied), "2026-11-21 10:00:01,123", "2026/11/21 10:00:01", "Nov 21
 * 10:00:01.123456", "11-20 10:00:01.123" (dated, from 1970: a date with
 * no year is put in 2000, the times of one log being compared with each
 * other), or a time of day alone "10:00:01.123" (not dated). *fine when
 * it gives a fraction of a second (else the time is to the second). No
 * endpoints. False when s holds none. */
bool pkt_log_time_read(struct slice s, struct pkt_line *l, bool *fine);

/* A capture's time, sec and usec (UTC), as "2026-11-21 10:00:00.123456"
 * into out ("sec.usec" when the calendar cannot hold it): what the
 * packet lines of capture files and the findings about them write. */
#define PKT_TIME_TEXT_MAX 64
void pkt_time_text(char out[PKT_TIME_TEXT_MAX], int64_t sec, uint32_t usec);

/* l from line: false when it says no time, no transport, or its
 * endpoints not as numbers (a name: tcpdump without -n); and for -ttt's
 * and -ttttt's times since another packet (after a SP) */
bool pkt_line_read(struct slice line, struct pkt_line *l);

/* Appends what carried the packet r describes, as pkt_line_write ends
 * its line: ", in ESP (SPI 0x..., null encryption)", ", in VXLAN (VNI
 * 42)", ", in GTP-U (TEID 0x0000abcd, QFI 5)", ", in GRE", ...; nothing
 * for a packet on its own. */
void pkt_carrier_write(struct buf *o, const struct pkt_ip *r);

#endif
