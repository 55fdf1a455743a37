/* pcapng_write.c: see pcapng_write.h (the block layout of the pcapng
 * draft, draft-ietf-opsawg-pcapng: type, total length, body padded to 4
 * bytes, total length again). */
#include <string.h>
#include "pcapng_write.h"

void pcapng_w_init(struct pcapng_w *w, unsigned char *f, size_t cap)
{
	memset(w, 0, sizeof *w);
	w->f = f;
	w->cap = cap;
}

void pcapng_w_put(struct pcapng_w *w, const void *p, size_t n)
{
	if (w->full || n > w->cap - w->n) {
		w->full = true;
		return;
	}
	memcpy(w->f + w->n, p, n);
	w->n += n;
}

void pcapng_w_put32(struct pcapng_w *w, uint32_t v)
{
	v = w->swap ? __builtin_bswap32(v) : v;
	pcapng_w_put(w, &v, 4);
}

void pcapng_w_put16(struct pcapng_w *w, uint16_t v)
{
	v = w->swap ? __builtin_bswap16(v) : v;
	pcapng_w_put(w, &v, 2);
}

void pcapng_w_put64(struct pcapng_w *w, uint64_t v)
{
	v = w->swap ? __builtin_bswap64(v) : v;
	pcapng_w_put(w, &v, 8);
}

void pcapng_w_pad4(struct pcapng_w *w)
{
	static const unsigned char zero[3];
	pcapng_w_put(w, zero, (4 - w->n % 4) % 4);
}

void pcapng_w_open(struct pcapng_w *w, uint32_t type)
{
	w->block = w->n;
	pcapng_w_put32(w, type);
	pcapng_w_put32(w, 0); /* its length, when it is closed */
}

void pcapng_w_close(struct pcapng_w *w)
{
	pcapng_w_pad4(w);
	uint32_t total = (uint32_t)(w->n - w->block + 4);
	pcapng_w_put32(w, total);
	if (!w->full) {
		uint32_t v = w->swap ? __builtin_bswap32(total) : total;
		memcpy(w->f + w->block + 4, &v, 4);
	}
}

void pcapng_w_section(struct pcapng_w *w, bool swap)
{
	w->swap = swap;
	pcapng_w_open(w, 0x0A0D0D0A);
	pcapng_w_put32(w, 0x1A2B3C4D);
	pcapng_w_put16(w, 1);
	pcapng_w_put16(w, 0);
	pcapng_w_put64(w, UINT64_MAX); /* section length: not given */
	pcapng_w_close(w);
}

void pcapng_w_interface(struct pcapng_w *w, uint16_t dlt, uint32_t snaplen, uint8_t tsresol, int64_t offset)
{
	pcapng_w_open(w, 1);
	pcapng_w_put16(w, dlt);
	pcapng_w_put16(w, 0);
	pcapng_w_put32(w, snaplen);
	pcapng_w_put16(w, 2); /* if_name: skipped by readers */
	pcapng_w_put16(w, 3);
	pcapng_w_put(w, "lo0", 3);
	pcapng_w_pad4(w);
	if (tsresol != 0xff) {
		pcapng_w_put16(w, 9);
		pcapng_w_put16(w, 1);
		pcapng_w_put(w, &tsresol, 1);
		pcapng_w_pad4(w);
	}
	if (offset) {
		pcapng_w_put16(w, 14);
		pcapng_w_put16(w, 8);
		pcapng_w_put64(w, (uint64_t)offset);
	}
	pcapng_w_put16(w, 0); /* opt_endofopt */
	pcapng_w_put16(w, 0);
	pcapng_w_close(w);
}

void pcapng_w_enhanced(struct pcapng_w *w, uint32_t ifid, uint64_t ts, const void *data, uint32_t caplen,
		       uint32_t len)
{
	pcapng_w_open(w, 6);
	pcapng_w_put32(w, ifid);
	pcapng_w_put32(w, (uint32_t)(ts >> 32));
	pcapng_w_put32(w, (uint32_t)ts);
	pcapng_w_put32(w, caplen);
	pcapng_w_put32(w, len);
	pcapng_w_put(w, data, caplen);
	pcapng_w_close(w);
}

void pcapng_w_other(struct pcapng_w *w, uint32_t type)
{
	pcapng_w_open(w, type);
	pcapng_w_put32(w, 0x12345678);
	pcapng_w_close(w);
}
