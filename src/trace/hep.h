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
	struct pkt_ends ends;       /* the original packet's (ver 0: not said) */
	unsigned proto;             /* its IP protocol (17 UDP, 6 TCP, 132 SCTP; 0) */
	bool has_time;
	int64_t sec;                /* when the agent captured it */
	uint32_t usec;
	bool has_agent;
	uint32_t agent;             /* the capture agent's id */
	unsigned payload_type;      /* 1 SIP (0: not said) */
	const unsigned char *payload;
	size_t payload_len;         /* 0: none (or compressed: not read) */
	bool compressed;            /* the payload came compressed (chunk 16) */
};

/* Whether d[0, n) is a whole HEP3 packet ("HEP3", its length, its chunks
 * each within it): true with *h read. */
bool hep3_read(const unsigned char *d, size_t n, struct hep3 *h);

#endif
