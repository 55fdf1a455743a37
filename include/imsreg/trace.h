/* trace.h: the SIP messages of a capture file (pcap or pcapng, read by
 * libpcap), each whole as it went over the wire, with the packet it came
 * in: UDP datagrams (IPv4 and IPv6 fragments joined; a copy seen again
 * at once, one packet captured twice, left out), TCP streams put
 * back in order by sequence number (retransmissions dropped, a message
 * over several segments joined, several in one segment split by their
 * Content-Length), SCTP DATA chunks put in order by TSN (retransmissions
 * dropped) and joined from (B) to (E), SIP over
 * WebSocket (RFC 7118) after its HTTP upgrade, ESP with NULL encryption
 * (IMS sec-agree's ealg=null), encrypted ESP of the SAs the caller gives
 * with their keys (sas), one level of IP in IP or of a tunnel (GRE,
 * ERSPAN, VXLAN, Geneve), and HEP3 (Homer's capture agents: the message
 * with the addresses, ports and time the agent gave). Link layers:
 * Ethernet (802.1Q/802.1ad tags), Linux cooked v1 and v2, raw IP, BSD
 * loopback; a pcapng whose interfaces have several (which libpcap does not
 * read) is read block by block, each packet with its interface's. */
#ifndef IMSREG_TRACE_H
#define IMSREG_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <imsreg/buf.h>
#include <imsreg/packet.h>

enum trace_transport {
	TRACE_UDP,
	TRACE_TCP,
	TRACE_SCTP,
	TRACE_WS,               /* WebSocket over TCP */
};

/* An IPsec SA whose ESP packets the reader opens. Of IMS sec-agree (TS
 * 33.203 §7.1: the SAs between UE and P-CSCF use IMS AKA's IK and CK as
 * their keys, expanded as its Annex I says: HMAC-MD5-96 takes IK,
 * HMAC-SHA-1-96 IK and 32 zero bits, AES-CBC CK, DES-EDE3-CBC CK and its
 * first 64 bits again): the caller learns them from the messages (the
 * SPIs of Security-Client and Security-Server, the algorithms of
 * Security-Server, the keys of the 401's challenge) and sets ik and ck.
 * Or any SA whose keys are known as they are (the kernel's, from `ip
 * xfrm state`): akey and ekey set, their lengths not 0. */
enum trace_esp_integ {
	TRACE_ESP_HMAC_SHA1_96,  /* RFC 2404 (icv_len may say another truncation) */
	TRACE_ESP_HMAC_MD5_96,   /* RFC 2403 */
	TRACE_ESP_HMAC_SHA256,   /* RFC 4868: HMAC-SHA-256-128 */
	TRACE_ESP_INTEG_NONE,    /* an AEAD cipher's own ICV */
};
enum trace_esp_cipher {
	TRACE_ESP_NULL,          /* RFC 2410 */
	TRACE_ESP_AES_CBC,       /* RFC 3602: AES-128, or by ekey_len 192 and 256 */
	TRACE_ESP_DES_EDE3_CBC,  /* RFC 2451 */
	TRACE_ESP_AES_GCM,       /* RFC 4106: ekey the AES key then the 4-byte salt */
};
struct trace_esp_sa {
	uint32_t spi;
	enum trace_esp_integ integ;
	enum trace_esp_cipher cipher;
	uint8_t ik[16], ck[16];         /* IMS AKA's, when the two below are not given */
	uint8_t akey[64], ekey[36];     /* the integrity and cipher keys as they are */
	uint8_t akey_len, ekey_len;     /* (0: from ik and ck) */
	uint8_t icv_len;                /* its ICV's bytes (0: 12, or 16 for SHA-256 and GCM) */
	bool esn;                       /* extended sequence numbers (RFC 4303 §2.2.1): the
					 * number's high 32 bits, not sent, are in the ICV
					 * and GCM's AAD; taken as 0 (an SA that has not
					 * sent 2^32 packets) */
};

/* One SIP message of the capture. */
struct trace_msg {
	size_t offset, len;     /* in text: the message's bytes as sent (a UDP
				 * datagram's whole payload) */
	uint64_t frame;         /* 1-based number of the packet that completed it
				 * (Wireshark's frame number) */
	uint64_t first_frame;   /* of the packet that carried its first byte */
	int64_t sec;            /* the time of that last packet, UTC */
	uint32_t usec;
	size_t line, line_len;  /* its packet line in lines: "frame 19
				 * 2016-03-08 10:51:51.123456 IP 10.0.0.1.5060 > ..." */
	struct pkt_ends ends;   /* the addresses and ports it went between (ver 0:
				 * none known) */
	enum trace_transport transport;
	bool incomplete;        /* the capture ended (or lost a segment) before
				 * its Content-Length was there */
	bool decrypted;         /* it came in ESP opened with an SA of sas */
};

/* Caller-owned: trace_capture_init, trace_capture_read, trace_capture_fini. */
struct trace_capture {
	struct buf text;        /* the messages back to back */
	struct buf lines;       /* their packet lines */
	struct trace_msg *msgs;
	size_t nmsgs, cap_msgs;
	const char *link;       /* the link layer's name ("Ethernet", ...; a pcapng's
				 * interfaces of several: "Ethernet, Linux cooked") */
	char link_text[64];     /* where link points for those */
	uint64_t packets;       /* read from the file */
	uint64_t other_link;    /* of a link layer not read */
	uint64_t truncated;     /* cut short by the capture's snapshot length */
	uint64_t encrypted;     /* ESP with encryption: what is inside cannot be read
				 * (no SA of sas opened it) */
	uint64_t decrypted;     /* ESP packets an SA of sas opened */
	uint64_t hep;           /* messages read out of HEP3 packets (Homer) */
	uint64_t esp_icv_bad;   /* ESP packets of an SPI of sas whose ICV does not
				 * check with its keys (other keys: wrong K/OPc?) */
	uint64_t gaps;          /* TCP bytes the capture does not have (lost segments) */
	uint64_t sctp_gaps;     /* SCTP DATA chunks the capture does not have */
	uint64_t frag_open;     /* IP datagrams whose fragments never all came */
	uint64_t duplicates;    /* UDP datagrams left out as a copy of a message
				 * read just before (PKT_COPY_US): the same bytes
				 * between the same addresses and ports, the one
				 * packet seen twice (a capture on several
				 * interfaces, a bridge, a tunnel and its exit) */
	uint64_t dup_frame;     /* the first of them, and the frame of the */
	uint64_t dup_of;        /* message it copies (0 0 when none) */
	int64_t end_sec;        /* the latest time of a packet read (UTC; packets */
	uint32_t end_usec;      /* may come out of order) and the number of the */
	uint64_t end_frame;     /* last packet; 0 0 0 when none was read */
	char error[256];        /* why the file could not be read, or why it ended
				 * early (what came before is kept); "" */
	size_t hold_max;        /* in: TCP bytes (and SCTP chunks' bytes) held ahead of lost segments, over
				 * all connections, before they are given up on
				 * (0: 64 MiB); set after trace_capture_init */
	bool own_pcapng;        /* in: read a pcapng with imsreg's block reader even
				 * when libpcap could (tests compare the two) */
	const struct trace_esp_sa *sas; /* in: SAs whose ESP packets are opened */
	size_t nsas;            /* (several may share an SPI: the one whose ICV
				 * checks and whose padding is whole opens it) */
};

/* The ESP SAs of the text of `ip xfrm state` (iproute2; also with -s,
 * -d, a state per "src ... dst ..." line, its attributes on the indented
 * lines after it): their SPIs, algorithms and keys, for the reader to
 * open ESP with keys no message gives (an SA the kernel holds: a
 * P-CSCF's, a UE's, an ePDG's tunnel). */
struct trace_xfrm {
	struct trace_esp_sa *sas;  /* read, in the text's order */
	size_t nsas;
	size_t skipped;            /* ESP states not used: algorithms not opened, keys not shown */
	char skip_reason[160];     /* why the first one was not */
	unsigned line, col;        /* -EBADMSG: where (1-based) */
	const char *error;         /* and why */
};
/* x from text[0, n): 0, -EBADMSG (x->error, x->line, x->col), -ENOMEM.
 * trace_xfrm_fini wipes (keys) and frees x->sas (also after an error). */
int trace_xfrm_read(struct trace_xfrm *x, const char *text, size_t n);
void trace_xfrm_fini(struct trace_xfrm *x);

void trace_capture_init(struct trace_capture *c);
void trace_capture_fini(struct trace_capture *c);
/* Reads the capture file data[0, len) (any byte order, micro- or
 * nanosecond pcap, pcapng). 0 (c->error may say the file ends inside a
 * packet: the messages before it are kept), -EBADMSG when the file cannot
 * be read (c->error says why), or -ENOMEM. */
int trace_capture_read(struct trace_capture *c, const void *data, size_t len);

#endif
