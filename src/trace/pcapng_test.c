/* pcapng_test.c: pcapng.c over files built here block by block, in either
 * byte order: every packet block kind, interfaces of several link types,
 * their time resolutions and offsets, sections, the blocks skipped, and
 * files cut or malformed (refused where they break, the packets before
 * given). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <pcap/dlt.h>
#include <imsreg/alloc.h>
#include "check.h"
#include "pcapng_write.h"
#include "trace/pcapng.h"

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
		static unsigned char w_buf[1 << 16];
		static struct pcapng_w w;
		pcapng_w_init(&w, w_buf, sizeof w_buf);
		pcapng_w_section(&w, swap);
		pcapng_w_interface(&w, 1, 0, 0xff, 0);        /* Ethernet, microseconds */
		pcapng_w_other(&w, 0x40000BAD);          /* custom: skipped */
		pcapng_w_enhanced(&w, 0, 1700000000123456ull, "abcdef", 6, 60);
		/* a Simple Packet Block: interface 0, no time, its captured
		 * length what the block holds */
		pcapng_w_open(&w, 3);
		pcapng_w_put32(&w, 5);
		pcapng_w_put(&w, "hello", 5);
		pcapng_w_pad4(&w);
		pcapng_w_close(&w);
		pcapng_w_other(&w, 5);                   /* interface statistics: skipped */
		/* the obsolete Packet Block */
		pcapng_w_open(&w, 2);
		pcapng_w_put16(&w, 0);
		pcapng_w_put16(&w, 0);
		pcapng_w_put32(&w, 0);
		pcapng_w_put32(&w, 2000001);
		pcapng_w_put32(&w, 3);
		pcapng_w_put32(&w, 3);
		pcapng_w_put(&w, "xyz", 3);
		pcapng_w_close(&w);
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
	static unsigned char w_buf[1 << 16];
	static struct pcapng_w w;
	pcapng_w_init(&w, w_buf, sizeof w_buf);
	pcapng_w_section(&w, false);
	pcapng_w_interface(&w, 1, 0, 9, 0);              /* nanoseconds */
	pcapng_w_interface(&w, 113, 0, 0x80 | 20, 0);    /* 2^-20 s */
	pcapng_w_interface(&w, 101, 0, 3, 1000);         /* milliseconds, 1000 s later */
	pcapng_w_interface(&w, 276, 0, 0x80 | 63, 0);    /* 2^-63 s */
	pcapng_w_enhanced(&w, 0, 1700000000999999999ull, "a", 1, 1);
	pcapng_w_enhanced(&w, 1, ((uint64_t)5 << 20) | (1u << 19), "b", 1, 1); /* 5.5 s */
	pcapng_w_enhanced(&w, 2, 1234567, "c", 1, 1);
	pcapng_w_enhanced(&w, 3, ((uint64_t)1 << 63) | ((uint64_t)1 << 61), "d", 1, 1); /* 1.25 s */
	pcapng_init(&r, w.f, w.n);
	expect_packet(1, "a", 1, 1, 1700000000, 999999, 0);  /* truncated, not rounded */
	expect_packet(113, "b", 1, 1, 5, 500000, 1);
	expect_packet(DLT_RAW, "c", 1, 1, 1234 + 1000, 567000, 2); /* LINKTYPE_RAW is DLT_RAW */
	expect_packet(276, "d", 1, 1, 1, 250000, 3);
	CHECK_INT_EQ(pcapng_next(&r, &p), 0);
	pcapng_fini(&r);
}

static void each_section_has_its_byte_order_and_interfaces(void)
{
	static unsigned char w_buf[1 << 16];
	static struct pcapng_w w;
	pcapng_w_init(&w, w_buf, sizeof w_buf);
	pcapng_w_section(&w, false);
	pcapng_w_interface(&w, 1, 0, 0xff, 0);
	pcapng_w_interface(&w, 113, 0, 0xff, 0);
	pcapng_w_enhanced(&w, 1, 1, "one", 3, 3);
	pcapng_w_section(&w, true);                      /* the other byte order */
	pcapng_w_interface(&w, 276, 0, 0xff, 0);
	pcapng_w_enhanced(&w, 0, 2, "two", 3, 3);
	pcapng_w_enhanced(&w, 1, 3, "three", 5, 5);      /* this section has one interface */
	pcapng_init(&r, w.f, w.n);
	expect_packet(113, "one", 3, 3, 0, 1, 1);
	expect_packet(276, "two", 3, 3, 0, 2, 0);
	CHECK_INT_EQ(pcapng_next(&r, &p), -EBADMSG);
	CHECK(strstr(r.error, "names interface 1; its section describes 1") != NULL);
	pcapng_fini(&r);
	/* the link types: several here, one when the second section is
	 * gone, none when it is no pcapng */
	CHECK(pcapng_libpcap_refuses(w.f, w.n));
	static unsigned char one_buf[1 << 16];
	static struct pcapng_w one;
	pcapng_w_init(&one, one_buf, sizeof one_buf);
	pcapng_w_section(&one, true);
	pcapng_w_interface(&one, 1, 0, 0xff, 0);
	pcapng_w_interface(&one, 1, 0, 9, 0);
	pcapng_w_enhanced(&one, 1, 1, "x", 1, 1);
	CHECK(!pcapng_libpcap_refuses(one.f, one.n));
	CHECK(!pcapng_libpcap_refuses("\xd4\xc3\xb2\xa1", 4));
	CHECK(!pcapng_is("\xd4\xc3\xb2\xa1", 4));
}

/* A packet longer than its interface's snapshot length stops libpcap
 * ("invalid packet capture length"): such a file is refused; a packet of
 * an interface with none (0) is not. */
static void a_packet_beyond_its_snaplen_is_what_libpcap_refuses(void)
{
	static unsigned char snap_buf[1 << 12];
	static struct pcapng_w snap;
	pcapng_w_init(&snap, snap_buf, sizeof snap_buf);
	pcapng_w_section(&snap, true);
	pcapng_w_interface(&snap, 101, 0, 0xff, 0);
	pcapng_w_interface(&snap, 101, 4, 0xff, 0);
	pcapng_w_enhanced(&snap, 0, 1, "whole", 5, 5);
	pcapng_w_enhanced(&snap, 1, 2, "abcd", 4, 9);
	CHECK(!pcapng_libpcap_refuses(snap.f, snap.n));
	pcapng_w_enhanced(&snap, 1, 3, "abcde", 5, 9);
	CHECK(pcapng_libpcap_refuses(snap.f, snap.n));
}

static void a_snapshot_length_caps_a_simple_packet(void)
{
	static unsigned char w_buf[1 << 16];
	static struct pcapng_w w;
	pcapng_w_init(&w, w_buf, sizeof w_buf);
	pcapng_w_section(&w, false);
	pcapng_w_interface(&w, 1, 4, 0xff, 0);
	pcapng_w_open(&w, 3);
	pcapng_w_put32(&w, 100);                          /* 100 on the wire, 4 kept */
	pcapng_w_put(&w, "abcd", 4);
	pcapng_w_close(&w);
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

/* to, in buf, a copy of from (its bytes too). */
static void copy_w(struct pcapng_w *to, unsigned char *buf, const struct pcapng_w *from)
{
	*to = *from;
	to->f = buf;
	memcpy(buf, from->f, from->n);
}

static void a_cut_or_malformed_file_is_refused_where_it_breaks(void)
{
	static unsigned char w_buf[1 << 16], bad_buf[1 << 16];
	static struct pcapng_w w, bad;
	pcapng_w_init(&w, w_buf, sizeof w_buf);
	pcapng_w_section(&w, false);
	pcapng_w_interface(&w, 1, 0, 0xff, 0);
	pcapng_w_enhanced(&w, 0, 1, "first", 5, 5);
	size_t whole = w.n;
	pcapng_w_enhanced(&w, 0, 2, "second", 6, 6);
	/* cut inside the second packet's block, inside a block header */
	expect_refused(w.f, w.n - 3, true, "truncated pcapng file: a block of 40 bytes at offset");
	expect_refused(w.f, whole + 6, true, "too few for a block");
	/* the trailing length not the leading one */
	copy_w(&bad, bad_buf, &w);
	bad.f[bad.n - 4] ^= 4;
	expect_refused(bad.f, bad.n, true, "ends with the length 44, not 40");
	/* a length that is no multiple of 4 */
	copy_w(&bad, bad_buf, &w);
	bad.f[whole + 4] = 41;
	expect_refused(bad.f, bad.n, true, "has the length 41");
	/* more bytes captured than the block holds */
	copy_w(&bad, bad_buf, &w);
	bad.f[whole + 20] = 200;
	expect_refused(bad.f, bad.n, true, "says 200 bytes captured, it holds 8");
	/* a packet before any interface */
	pcapng_w_init(&bad, bad_buf, sizeof bad_buf);
	pcapng_w_section(&bad, false);
	pcapng_w_enhanced(&bad, 0, 1, "x", 1, 1);
	expect_refused(bad.f, bad.n, false, "names interface 0; its section describes 0");
	/* a resolution no 64 bits hold */
	pcapng_w_init(&bad, bad_buf, sizeof bad_buf);
	pcapng_w_section(&bad, false);
	pcapng_w_interface(&bad, 1, 0, 20, 0);
	expect_refused(bad.f, bad.n, false, "time resolution of 10^-20 s");
	/* a byte-order magic that is none; no section first */
	copy_w(&bad, bad_buf, &w);
	bad.f[8] = 0x11;
	expect_refused(bad.f, bad.n, false, "byte-order magic");
	expect_refused(w.f + 28, w.n - 28, false, "no pcapng section header at offset 0");
}

static void every_allocation_failure_is_reported_and_frees_all(void)
{
	static unsigned char w_buf[1 << 16];
	static struct pcapng_w w;
	pcapng_w_init(&w, w_buf, sizeof w_buf);
	pcapng_w_section(&w, false);
	for (int i = 0; i < 9; i++)
		pcapng_w_interface(&w, (uint16_t)(i % 2 ? 1 : 113), 0, 0xff, 0);
	pcapng_w_enhanced(&w, 8, 1, "x", 1, 1);
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
	a_packet_beyond_its_snaplen_is_what_libpcap_refuses();
	a_snapshot_length_caps_a_simple_packet();
	a_cut_or_malformed_file_is_refused_where_it_breaks();
	every_allocation_failure_is_reported_and_frees_all();
	return check_done();
}
