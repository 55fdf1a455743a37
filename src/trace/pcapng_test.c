/* pcapng_test.c: pcapng.c over files built here block by block, in either
 * byte order: every packet block kind, interfaces of several link types,
 * their time resolutions and offsets, sections, the blocks skipped, and
 * files cut or malformed (refused where they break, the packets before
 * given). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/alloc.h>
#include "check.h"
#include "trace/pcapng.h"

/* A pcapng file being written, in the byte order swap says. */
struct ngw {
	unsigned char f[1 << 16];
	size_t n;
	bool swap;
	size_t block;           /* where the open block began */
};

static void put(struct ngw *w, const void *p, size_t n)
{
	memcpy(w->f + w->n, p, n);
	w->n += n;
}

static void put32(struct ngw *w, uint32_t v)
{
	v = w->swap ? __builtin_bswap32(v) : v;
	put(w, &v, 4);
}

static void put16(struct ngw *w, uint16_t v)
{
	v = w->swap ? __builtin_bswap16(v) : v;
	put(w, &v, 2);
}

static void put64(struct ngw *w, uint64_t v)
{
	v = w->swap ? __builtin_bswap64(v) : v;
	put(w, &v, 8);
}

static void pad4(struct ngw *w)
{
	while (w->n % 4)
		w->f[w->n++] = 0;
}

static void open_block(struct ngw *w, uint32_t type)
{
	w->block = w->n;
	put32(w, type);
	put32(w, 0); /* its length, when it is closed */
}

static void close_block(struct ngw *w)
{
	pad4(w);
	uint32_t total = (uint32_t)(w->n - w->block + 4);
	uint32_t v = w->swap ? __builtin_bswap32(total) : total;
	memcpy(w->f + w->block + 4, &v, 4);
	put32(w, total);
}

static void section(struct ngw *w, bool swap)
{
	w->swap = swap;
	open_block(w, 0x0A0D0D0A);
	put32(w, 0x1A2B3C4D);
	put16(w, 1);
	put16(w, 0);
	put64(w, UINT64_MAX); /* section length: not given */
	close_block(w);
}

/* An interface: its link type, snapshot length, and when tsresol is not
 * 0xff its if_tsresol, when offset is not 0 its if_tsoffset. */
static void interface(struct ngw *w, uint16_t dlt, uint32_t snaplen, uint8_t tsresol, int64_t offset)
{
	open_block(w, 1);
	put16(w, dlt);
	put16(w, 0);
	put32(w, snaplen);
	put16(w, 2); /* if_name: skipped */
	put16(w, 3);
	put(w, "lo0", 3);
	pad4(w);
	if (tsresol != 0xff) {
		put16(w, 9);
		put16(w, 1);
		put(w, &tsresol, 1);
		pad4(w);
	}
	if (offset) {
		put16(w, 14);
		put16(w, 8);
		put64(w, (uint64_t)offset);
	}
	put16(w, 0);
	put16(w, 0);
	close_block(w);
}

static void enhanced(struct ngw *w, uint32_t ifid, uint64_t ts, const char *data, uint32_t caplen, uint32_t len)
{
	open_block(w, 6);
	put32(w, ifid);
	put32(w, (uint32_t)(ts >> 32));
	put32(w, (uint32_t)ts);
	put32(w, caplen);
	put32(w, len);
	put(w, data, caplen);
	pad4(w);
	close_block(w);
}

static void other_block(struct ngw *w, uint32_t type)
{
	open_block(w, type);
	put32(w, 0x12345678);
	close_block(w);
}

static struct pcapng r;
static struct pcapng_packet p;

static void expect_packet(int dlt, const char *data, size_t caplen, size_t len, int64_t sec, uint32_t usec,
			  uint32_t ifid)
{
	CHECK_INT_EQ(pcapng_next(&r, &p), 1);
	CHECK_INT_EQ(p.dlt, dlt);
	CHECK_INT_EQ(p.caplen, caplen);
	CHECK(p.caplen == caplen && memcmp(p.data, data, caplen) == 0);
	CHECK_INT_EQ(p.len, len);
	CHECK_INT_EQ(p.sec, sec);
	CHECK_INT_EQ(p.usec, usec);
	CHECK_INT_EQ(p.interface, ifid);
}

static void every_packet_block_kind_gives_its_packet_in_order(void)
{
	for (int swap = 0; swap < 2; swap++) {
		static struct ngw w;
		memset(&w, 0, sizeof w);
		section(&w, swap);
		interface(&w, 1, 0, 0xff, 0);        /* Ethernet, microseconds */
		other_block(&w, 0x40000BAD);          /* custom: skipped */
		enhanced(&w, 0, 1700000000123456ull, "abcdef", 6, 60);
		/* a Simple Packet Block: interface 0, no time, its captured
		 * length what the block holds */
		open_block(&w, 3);
		put32(&w, 5);
		put(&w, "hello", 5);
		pad4(&w);
		close_block(&w);
		other_block(&w, 5);                   /* interface statistics: skipped */
		/* the obsolete Packet Block */
		open_block(&w, 2);
		put16(&w, 0);
		put16(&w, 0);
		put32(&w, 0);
		put32(&w, 2000001);
		put32(&w, 3);
		put32(&w, 3);
		put(&w, "xyz", 3);
		close_block(&w);
		pcapng_init(&r, w.f, w.n);
		CHECK(pcapng_is(w.f, w.n));
		expect_packet(1, "abcdef", 6, 60, 1700000000, 123456, 0);
		expect_packet(1, "hello", 5, 5, 0, 0, 0);
		expect_packet(1, "xyz", 3, 3, 2, 1, 0);
		CHECK_INT_EQ(pcapng_next(&r, &p), 0);
		CHECK_INT_EQ(pcapng_next(&r, &p), 0);
		pcapng_fini(&r);
	}
}

static void times_follow_each_interfaces_resolution_and_offset(void)
{
	static struct ngw w;
	memset(&w, 0, sizeof w);
	section(&w, false);
	interface(&w, 1, 0, 9, 0);              /* nanoseconds */
	interface(&w, 113, 0, 0x80 | 20, 0);    /* 2^-20 s */
	interface(&w, 101, 0, 3, 1000);         /* milliseconds, 1000 s later */
	interface(&w, 276, 0, 0x80 | 63, 0);    /* 2^-63 s */
	enhanced(&w, 0, 1700000000999999999ull, "a", 1, 1);
	enhanced(&w, 1, ((uint64_t)5 << 20) | (1u << 19), "b", 1, 1); /* 5.5 s */
	enhanced(&w, 2, 1234567, "c", 1, 1);
	enhanced(&w, 3, ((uint64_t)1 << 63) | ((uint64_t)1 << 61), "d", 1, 1); /* 1.25 s */
	pcapng_init(&r, w.f, w.n);
	expect_packet(1, "a", 1, 1, 1700000000, 999999, 0);  /* truncated, not rounded */
	expect_packet(113, "b", 1, 1, 5, 500000, 1);
	expect_packet(101, "c", 1, 1, 1234 + 1000, 567000, 2);
	expect_packet(276, "d", 1, 1, 1, 250000, 3);
	CHECK_INT_EQ(pcapng_next(&r, &p), 0);
	pcapng_fini(&r);
}

static void each_section_has_its_byte_order_and_interfaces(void)
{
	static struct ngw w;
	memset(&w, 0, sizeof w);
	section(&w, false);
	interface(&w, 1, 0, 0xff, 0);
	interface(&w, 113, 0, 0xff, 0);
	enhanced(&w, 1, 1, "one", 3, 3);
	section(&w, true);                      /* the other byte order */
	interface(&w, 276, 0, 0xff, 0);
	enhanced(&w, 0, 2, "two", 3, 3);
	enhanced(&w, 1, 3, "three", 5, 5);      /* this section has one interface */
	pcapng_init(&r, w.f, w.n);
	expect_packet(113, "one", 3, 3, 0, 1, 1);
	expect_packet(276, "two", 3, 3, 0, 2, 0);
	CHECK_INT_EQ(pcapng_next(&r, &p), -EBADMSG);
	CHECK(strstr(r.error, "names interface 1; its section describes 1") != NULL);
	pcapng_fini(&r);
	/* the link types: several here, one when the second section is
	 * gone, none when it is no pcapng */
	CHECK(pcapng_links_differ(w.f, w.n));
	static struct ngw one;
	memset(&one, 0, sizeof one);
	section(&one, true);
	interface(&one, 1, 0, 0xff, 0);
	interface(&one, 1, 0, 9, 0);
	enhanced(&one, 1, 1, "x", 1, 1);
	CHECK(!pcapng_links_differ(one.f, one.n));
	CHECK(!pcapng_links_differ("\xd4\xc3\xb2\xa1", 4));
	CHECK(!pcapng_is("\xd4\xc3\xb2\xa1", 4));
}

static void a_snapshot_length_caps_a_simple_packet(void)
{
	static struct ngw w;
	memset(&w, 0, sizeof w);
	section(&w, false);
	interface(&w, 1, 4, 0xff, 0);
	open_block(&w, 3);
	put32(&w, 100);                          /* 100 on the wire, 4 kept */
	put(&w, "abcd", 4);
	close_block(&w);
	pcapng_init(&r, w.f, w.n);
	expect_packet(1, "abcd", 4, 100, 0, 0, 0);
	pcapng_fini(&r);
}

/* f[0, n) read: its first packet "first" when first is true, then
 * refused with an error that says why. */
static void expect_refused(const unsigned char *f, size_t n, bool first, const char *why)
{
	pcapng_init(&r, f, n);
	if (first)
		expect_packet(1, "first", 5, 5, 0, 1, 0);
	CHECK_INT_EQ(pcapng_next(&r, &p), -EBADMSG);
	if (!strstr(r.error, why))
		fprintf(stderr, "error \"%s\", want \"%s\"\n", r.error, why);
	CHECK(strstr(r.error, why) != NULL);
	pcapng_fini(&r);
}

static void a_cut_or_malformed_file_is_refused_where_it_breaks(void)
{
	static struct ngw w, bad;
	memset(&w, 0, sizeof w);
	section(&w, false);
	interface(&w, 1, 0, 0xff, 0);
	enhanced(&w, 0, 1, "first", 5, 5);
	size_t whole = w.n;
	enhanced(&w, 0, 2, "second", 6, 6);
	/* cut inside the second packet's block, inside a block header */
	expect_refused(w.f, w.n - 3, true, "truncated pcapng file: a block of 40 bytes at offset");
	expect_refused(w.f, whole + 6, true, "too few for a block");
	/* the trailing length not the leading one */
	memcpy(&bad, &w, sizeof w);
	bad.f[bad.n - 4] ^= 4;
	expect_refused(bad.f, bad.n, true, "ends with the length 44, not 40");
	/* a length that is no multiple of 4 */
	memcpy(&bad, &w, sizeof w);
	bad.f[whole + 4] = 41;
	expect_refused(bad.f, bad.n, true, "has the length 41");
	/* more bytes captured than the block holds */
	memcpy(&bad, &w, sizeof w);
	bad.f[whole + 20] = 200;
	expect_refused(bad.f, bad.n, true, "says 200 bytes captured, it holds 8");
	/* a packet before any interface */
	memset(&bad, 0, sizeof bad);
	section(&bad, false);
	enhanced(&bad, 0, 1, "x", 1, 1);
	expect_refused(bad.f, bad.n, false, "names interface 0; its section describes 0");
	/* a resolution no 64 bits hold */
	memset(&bad, 0, sizeof bad);
	section(&bad, false);
	interface(&bad, 1, 0, 20, 0);
	expect_refused(bad.f, bad.n, false, "time resolution of 10^-20 s");
	/* a byte-order magic that is none; no section first */
	memcpy(&bad, &w, sizeof w);
	bad.f[8] = 0x11;
	expect_refused(bad.f, bad.n, false, "byte-order magic");
	expect_refused(w.f + 28, w.n - 28, false, "no pcapng section header at offset 0");
}

static void every_allocation_failure_is_reported_and_frees_all(void)
{
	static struct ngw w;
	memset(&w, 0, sizeof w);
	section(&w, false);
	for (int i = 0; i < 9; i++)
		interface(&w, (uint16_t)(i % 2 ? 1 : 113), 0, 0xff, 0);
	enhanced(&w, 8, 1, "x", 1, 1);
	long live = alloc_live();
	for (long k = 0;; k++) {
		alloc_fail_after(k);
		pcapng_init(&r, w.f, w.n);
		int rc = pcapng_next(&r, &p);
		alloc_fail_after(-1);
		pcapng_fini(&r);
		CHECK_INT_EQ(alloc_live(), live);
		CHECK(rc == 1 || rc == -ENOMEM);
		if (rc == 1)
			break;
		if (k > 10) {
			CHECK(!"never succeeds");
			break;
		}
	}
}

int main(void)
{
	every_packet_block_kind_gives_its_packet_in_order();
	times_follow_each_interfaces_resolution_and_offset();
	each_section_has_its_byte_order_and_interfaces();
	a_snapshot_length_caps_a_simple_packet();
	a_cut_or_malformed_file_is_refused_where_it_breaks();
	every_allocation_failure_is_reported_and_frees_all();
	return check_done();
}
