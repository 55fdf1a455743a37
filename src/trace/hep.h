/* hep.h: a HEP3 packet (the Homer Encapsulation Protocol, version 3: what
 * Homer's capture agents, heplify, Kamailio's siptrace and OpenSIPS send
 * to a collector, usually over UDP port 9060): the SIP message it carries
 * and where and when it went. Internal to the trace layer. */
#ifndef IMSREG_TRACE_HEP_H
#define IMSREG_TRACE_HEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <imsreg/packet.h>

struct hep3 {
	unsigned version;           /* 3, or 1 and 2 (hep12_read) */
	struct pkt_ends ends;       /* the original packet's (ver 0: not said) */
	unsigned proto;             /* its IP protocol (17 UDP, 6 TCP, 132 SCTP; 0) */
	bool has_time;
	int64_t sec;                /* when the agent captured it */
	uint32_t usec;
	bool has_agent;
	uint32_t agent;             /* the capture agent's id (HEPv2: 16 bits) */
	unsigned payload_type;      /* 1 SIP (0: not said) */
	const unsigned char *payload;
	size_t payload_len;         /* 0: none (or compressed: not read) */
	bool compressed;            /* the payload came compressed (chunk 16) */
};

/* Whether d[0, n) is a whole HEP3 packet ("HEP3", its length, its chunks
 * each within it): true with *h read. */
bool hep3_read(const unsigned char *d, size_t n, struct hep3 *h);

/* Whether d[0, n) reads as a packet of HEP's versions 1 and 2, which
 * Kamailio's siptrace (hep_version 1 or 2), OpenSIPS before 2.2 and
 * sngrep's EEP still send: a fixed header (version, its length, the
 * address family, the IP protocol, the ports in network order), the two
 * addresses, with version 2 the time (seconds, microseconds, in the
 * sender's byte order, little-endian on every common host) and a 16-bit
 * capture id in 12 bytes, then the payload: true with *h read (the
 * caller checks that the payload is SIP). */
bool hep12_read(const unsigned char *d, size_t n, struct hep3 *h);

#endif
