/* packet_test.c: pkt_line_read over a table of capture tools' packet lines
 * (tcpdump's as it prints them for the captures of ../shared/corpus and
 * the test captures of tests/integration/decode_cli_test.sh, ngrep's
 * header), each run from a guard-page copy and cut at every length. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <imsreg/packet.h>
#include "check.h"

struct line_case {
	const char *in;
	bool ok;
	const char *src;
	unsigned sport;
	const char *dst;
	unsigned dport;
	bool udp, dated;
	int64_t sec;
	uint32_t usec;
	bool unsaid;    /* the transport not told */
};

#define OK(in, src, sp, dst, dp, udp, dated, sec, usec) { in, true, src, sp, dst, dp, udp, dated, sec, usec, false }
/* sngrep's line: dated, the transport not told (udp false) */
#define SG(in, src, sp, dst, dp, sec, usec) { in, true, src, sp, dst, dp, false, true, sec, usec, true }
#define NO(in) { in, false, NULL, 0, NULL, 0, false, false, 0, 0, false }

static const struct line_case cases[] = {
	/* tcpdump -nn -A: the time of day */
	OK("09:32:52.844249 IP 192.168.1.2.5060 > 212.242.33.35.5060: SIP: REGISTER sip:sip.cybercity.dk SIP/2.0",
	   "192.168.1.2", 5060, "212.242.33.35", 5060, true, false, 9 * 3600 + 32 * 60 + 52, 844249),
	/* -tttt: the date too */
	OK("2005-07-04 09:32:52.844249 IP 212.242.33.35.5060 > 192.168.1.2.5060: SIP: SIP/2.0 401 Unauthorized",
	   "212.242.33.35", 5060, "192.168.1.2", 5060, true, true, 1120469572, 844249),
	/* -tt: seconds since 1970, as many digits as they take */
	OK("1000.000000 IP 10.0.0.1.5064 > 10.0.0.2.5068: UDP, length 532", "10.0.0.1", 5064, "10.0.0.2", 5068,
	   true, true, 1000, 0),
	/* --nano: nine digits, read to the microsecond */
	OK("09:32:52.844249123 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 1", "10.0.0.1", 5060, "10.0.0.2",
	   5060, true, false, 34372, 844249),
	/* -v: the endpoints on the next line; -vv: a checksum note first */
	OK("00:16:40.000000 IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 560)\n"
	   "    10.0.0.1.5064 > 10.0.0.2.5068: [no cksum] UDP, length 532",
	   "10.0.0.1", 5064, "10.0.0.2", 5068, true, false, 1000, 0),
	/* TCP, IPv6, -i any's interface */
	OK("10:00:00.5 eth0 In IP6 2001:db8::1.40000 > 2001:db8::2.5060: Flags [P.], seq 1:500, ack 1, win 502, "
	   "length 499: SIP: REGISTER sip:ims SIP/2.0",
	   "2001:db8::1", 40000, "2001:db8::2", 5060, false, false, 36000, 500000),
	/* SCTP */
	OK("10:00:00.000001 IP 10.0.0.1.5060 > 10.0.0.2.5060: sctp (1) [DATA] (B)(E) [TSN: 1]", "10.0.0.1", 5060,
	   "10.0.0.2", 5060, false, false, 36000, 1),
	/* a tunnel: the innermost endpoints */
	OK("10:00:00.000000 IP 192.0.2.1.4789 > 192.0.2.2.4789: VXLAN, flags [I] (0x08), vni 42\n"
	   "IP 10.0.0.1.5060 > 10.0.0.2.5060: SIP: OPTIONS sip:a SIP/2.0",
	   "10.0.0.1", 5060, "10.0.0.2", 5060, true, false, 36000, 0),
	/* ngrep -t */
	OK("U 2026/11/21 10:00:01.123456 10.0.0.1:5060 -> 10.0.0.2:5060 #3", "10.0.0.1", 5060, "10.0.0.2", 5060,
	   true, true, 1795255201, 123456),
	OK("T 2026/11/21 10:00:01.123456 [2001:db8::1]:40000 -> [2001:db8::2]:5060 [AP] #4", "2001:db8::1", 40000,
	   "2001:db8::2", 5060, false, true, 1795255201, 123456),
	/* sngrep's Save as .txt: the transport not told (not UDP, unsaid);
	 * an IPv6 address bare, its port after the last ':' */
	SG("2016/03/08 10:51:51.123456 192.168.1.2:5060 -> 212.242.33.35:5060", "192.168.1.2", 5060,
	   "212.242.33.35", 5060, 1457434311, 123456),
	SG("2016/03/08 10:51:51.000001 2001:db8::1:5064 -> 2001:db8::2:5068\r", "2001:db8::1", 5064, "2001:db8::2",
	   5068, 1457434311, 1),
	/* decode's line of a message of tshark's JSON, PDML, named fields
	 * (frame.time: a zone's name not applied) and ek (ISO 8601: an
	 * offset applied) */
	OK("frame 19  Jul  4, 2005 09:32:52.844249000 UTC  UDP 192.168.1.2:5060 -> 212.242.33.35:5060",
	   "192.168.1.2", 5060, "212.242.33.35", 5060, true, true, 1120469572, 844249),
	OK("frame 3  2005-07-04T11:32:52.844249000+02:00  TCP [2001:db8::1]:40000 -> [2001:db8::2]:5060",
	   "2001:db8::1", 40000, "2001:db8::2", 5060, false, true, 1120469572, 844249),
	OK("frame 7  Jul 14, 2005 09:32:52.5 Central European Summer Time  SCTP 10.0.0.1:5060 -> 10.0.0.2:5060",
	   "10.0.0.1", 5060, "10.0.0.2", 5060, false, true, 1121333572, 500000),
	OK("frame 1  1970-01-01T00:01:40.000000000Z  UDP 10.0.0.1:5064 -> 10.0.0.2:5060", "10.0.0.1", 5064,
	   "10.0.0.2", 5060, true, true, 100, 0),
	/* not said exactly: names (tcpdump without -n), no time (a hex
	 * dump's written line, ngrep without -t, tshark -P), a
	 * transport not told (ESP), a port out of range, an IPv6 address
	 * ngrep does not bracket, a time that is none, one that counts from
	 * another packet */
	NO("09:32:52.844249 IP 192.168.1.2.sip > 212.242.33.35.sip: SIP: REGISTER sip:sip.cybercity.dk SIP/2.0"),
	NO("09:32:52.844249 IP ue.example.com.5060 > pcscf.example.com.5060: SIP: REGISTER"),
	NO("IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 467"),
	NO("U 10.0.0.1:5060 -> 10.0.0.2:5060 #3"),
	NO("2016/03/08 10:51:51.123456 192.168.1.2:5060 -> 212.242.33.35:5060 #3"), /* not sngrep's */
	NO("2016/03/08 10:51:51.123456 192.168.1.2 -> 212.242.33.35"),
	NO("19  32.004937  192.168.1.2 \xe2\x86\x92 212.242.33.35 SIP 509 Request: REGISTER sip:a"),
	NO("10:00:00.000000 IP 10.0.0.1 > 10.0.0.2: ESP(spi=0x00001234,seq=0x1), length 600"),
	NO("10:00:00.000000 IP 10.0.0.1.70000 > 10.0.0.2.5060: UDP, length 1"),
	NO("U 2026/11/21 10:00:01.123456 2001:db8::1:5060 -> 2001:db8::2:5060 #3"),
	NO("25:00:00.000000 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 1"),
	NO("10:00:00 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 1"),
	/* -ttt's and -ttttt's times since another packet, after a SP */
	NO(" 00:00:00.136757 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 1"),
	NO("10:00:00.000000 IP 10.0.0.1.5060 > 2001:db8::2.5060: UDP, length 1"),
	NO("frame 19  UDP 192.168.1.2:5060 -> 212.242.33.35:5060"),        /* no frame.time */
	NO("frame 19  Jul  4, 2005 09:32:52.844249000 UTC  UDP 192.168.1.2 -> 212.242.33.35"),
	NO("frame 19  Jul  4, 2005 09:32:52.844249000 UTC  ICMP 192.168.1.2:5060 -> 212.242.33.35:5060"),
	NO("frame 19  Jux  4, 2005 09:32:52.844249000 UTC  UDP 192.168.1.2:5060 -> 212.242.33.35:5060"),
	NO("frame 19 2016-03-08 10:51:51.123456 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 467"), /* a capture's */
	NO(""),
};

static void each_line(struct slice s, const void *arg)
{
	const struct line_case *c = arg;
	struct pkt_line l;
	bool ok = pkt_line_read(s, &l);
	if (s.len < strlen(c->in)) {
		/* a prefix: read or not, what is read is whole */
		CHECK(!ok || (l.ends.ver && l.ends.ports && l.usec < 1000000));
		return;
	}
	CHECK(ok == c->ok);
	if (ok != c->ok)
		fprintf(stderr, "  line: %s\n", c->in);
	if (!ok || !c->ok) {
		CHECK(ok || l.ends.ver == 0);
		return;
	}
	CHECK_STR_EQ(l.ends.src, c->src);
	CHECK_STR_EQ(l.ends.dst, c->dst);
	CHECK_INT_EQ(l.ends.sport, c->sport);
	CHECK_INT_EQ(l.ends.dport, c->dport);
	CHECK_INT_EQ(l.ends.ver, strchr(c->src, ':') ? 6 : 4);
	CHECK(l.ends.ports);
	CHECK(l.udp == c->udp);
	CHECK(l.unsaid == c->unsaid);
	CHECK(l.dated == c->dated);
	CHECK_INT_EQ(l.sec, c->sec);
	CHECK_INT_EQ(l.usec, c->usec);
}

static void test_packet_lines_say_where_and_when_exactly(void)
{
	CHECK_TABLE_EVERY_PREFIX(cases, each_line);
	struct pkt_line l;
	CHECK(!pkt_line_read(SLICE_NULL, &l) && l.ends.ver == 0);
}

/* The frame a line names (tshark's exports), 0 for the others. */
static void test_a_tshark_frame_is_kept(void)
{
	struct pkt_line l;
	const char *t = "frame 123456  Jul  4, 2005 09:32:52.844249000 UTC  UDP 10.0.0.1:5060 -> 10.0.0.2:5060";
	CHECK(pkt_line_read(slice_make(t, strlen(t)), &l) && l.frame == 123456);
	t = "U 2026/11/21 10:00:01.123456 10.0.0.1:5060 -> 10.0.0.2:5060 #3";
	CHECK(pkt_line_read(slice_make(t, strlen(t)), &l) && l.frame == 0);
}

/* One packet seen twice: times at most PKT_COPY_US apart either way,
 * across a second, with no overflow at the ends of int64; endpoints equal
 * only with their ports. */
static void test_a_copy_is_near_in_time_between_the_same_ends(void)
{
	CHECK(pkt_time_copy(1, 999990, 2, 20));
	CHECK(pkt_time_copy(2, 20, 1, 999990));
	CHECK(pkt_time_copy(5, 0, 5, PKT_COPY_US));
	CHECK(!pkt_time_copy(5, 0, 5, PKT_COPY_US + 1));
	CHECK(!pkt_time_copy(5, 0, 7, 0));
	CHECK(!pkt_time_copy(INT64_MIN, 0, INT64_MAX, 0));
	CHECK(!pkt_time_copy(INT64_MAX, 999999, INT64_MIN, 0));
	struct pkt_ends a = { .ver = 4, .src = "10.0.0.1", .dst = "10.0.0.2", .ports = true, .sport = 5060, .dport = 5060 };
	struct pkt_ends b = a;
	CHECK(pkt_ends_equal(&a, &b));
	b.sport = 5061;
	CHECK(!pkt_ends_equal(&a, &b));
	b = a;
	b.ports = false;
	CHECK(!pkt_ends_equal(&a, &b));
	b = a;
	snprintf(b.dst, sizeof b.dst, "10.0.0.3");
	CHECK(!pkt_ends_equal(&a, &b));
}

int main(void)
{
	test_a_copy_is_near_in_time_between_the_same_ends();
	test_packet_lines_say_where_and_when_exactly();
	test_a_tshark_frame_is_kept();
	return check_done();
}
