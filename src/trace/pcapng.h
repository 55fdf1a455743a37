/* pcapng.h: a pcapng file read block by block (draft-ietf-opsawg-pcapng:
 * Section Header, Interface Description, Enhanced, Simple and the obsolete
 * Packet Block; the others skipped), for the file libpcap does not read:
 * interfaces of several link types in one file (dumpcap on "any" and
 * "lo", mergecap of captures taken on different hosts). libpcap takes the
 * first interface's link type for the whole file and stops at an
 * interface of another. Internal to the trace layer. */
#ifndef IMSREG_TRACE_PCAPNG_H
#define IMSREG_TRACE_PCAPNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pcapng_if {
	int dlt;                /* its link type as libpcap's DLT_ (LINKTYPE_RAW, 101, is DLT_RAW) */
	uint32_t snaplen;       /* 0: none */
	uint64_t units;         /* timestamp units a second (if_tsresol; 10^6) */
	int64_t offset;         /* seconds added to its timestamps (if_tsoffset) */
};

/* Caller-owned: pcapng_init, pcapng_next until it returns 0 or less,
 * pcapng_fini. */
struct pcapng {
	const unsigned char *data;
	size_t len, off;        /* the next block's offset */
	bool swap;              /* the section's byte order is not the machine's */
	bool in_section;        /* a Section Header Block was read */
	struct pcapng_if *ifs;  /* the section's interfaces */
	size_t nifs, cap;
	char error[200];        /* why pcapng_next returned -EBADMSG */
};

/* One packet: data[0, caplen) of a frame of len bytes on the wire. */
struct pcapng_packet {
	int dlt;
	const unsigned char *data;
	size_t caplen, len;
	int64_t sec;            /* UTC, the interface's offset added */
	uint32_t usec;          /* truncated from the interface's resolution */
	uint32_t interface;     /* its index in the section */
};

/* Whether data begins with a Section Header Block. */
bool pcapng_is(const void *data, size_t len);
/* Whether libpcap does not read the file whole: its interfaces (every
 * section's) have more than one link type, or an enhanced packet block
 * holds more bytes than its interface's snapshot length (libpcap stops
 * there with an error; tshark reads the packet whole). False for a file
 * that is no pcapng or is malformed before either shows. */
bool pcapng_libpcap_refuses(const void *data, size_t len);

void pcapng_init(struct pcapng *r, const void *data, size_t len);
/* The next packet into *p: 1; 0 at the end of the file; -EBADMSG when the
 * file ends inside a block or a block is malformed (r->error says which,
 * and where; the packets before it were given); -ENOMEM. */
int pcapng_next(struct pcapng *r, struct pcapng_packet *p);
void pcapng_fini(struct pcapng *r);

#endif
