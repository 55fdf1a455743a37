/* pcapng_write.h: a pcapng file written block by block, in this machine's
 * byte order or the other one, for the tests that read pcapng (the block
 * reader's, and the capture reader's through libpcap and through blocks). */
#ifndef IMSREG_TEST_PCAPNG_WRITE_H
#define IMSREG_TEST_PCAPNG_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A pcapng being written into f[0, cap): n bytes so far; full once a
 * write did not fit (that write and all after it dropped: the test
 * checks it). */
struct pcapng_w {
	unsigned char *f;
	size_t n, cap;
	bool swap;              /* the other byte order */
	bool full;
	size_t block;           /* where the open block began */
};

void pcapng_w_init(struct pcapng_w *w, unsigned char *f, size_t cap);

/* The parts of a block, for blocks of any shape (malformed ones too):
 * opened (its type, its length left for close), bytes and numbers in the
 * section's byte order, padding to 4 bytes, closed (padded, its length
 * written at both ends). */
void pcapng_w_open(struct pcapng_w *w, uint32_t type);
void pcapng_w_put(struct pcapng_w *w, const void *p, size_t n);
void pcapng_w_put16(struct pcapng_w *w, uint16_t v);
void pcapng_w_put32(struct pcapng_w *w, uint32_t v);
void pcapng_w_put64(struct pcapng_w *w, uint64_t v);
void pcapng_w_pad4(struct pcapng_w *w);
void pcapng_w_close(struct pcapng_w *w);

/* A section header block (version 1.0, no length given); swap: this
 * section and what follows in the other byte order. */
void pcapng_w_section(struct pcapng_w *w, bool swap);

/* An interface description block: its link type and snapshot length, an
 * if_name option, if_tsresol when tsresol is not 0xff, if_tsoffset when
 * offset is not 0. */
void pcapng_w_interface(struct pcapng_w *w, uint16_t dlt, uint32_t snaplen, uint8_t tsresol, int64_t offset);

/* An enhanced packet block of interface ifid at time ts (in the
 * interface's units), data[0, caplen) of a packet of len bytes. */
void pcapng_w_enhanced(struct pcapng_w *w, uint32_t ifid, uint64_t ts, const void *data, uint32_t caplen,
		       uint32_t len);

/* A block of type with a 4-byte body (a kind readers skip). */
void pcapng_w_other(struct pcapng_w *w, uint32_t type);

#endif
