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
	/* ngrep 1.47 (Debian 12) writes an IPv6 address bare, its port after
	 * the last ':' (heplify-sip_ipv6_udp.pcap, `ngrep -I FILE -t -W
	 * byline`) */
	OK("U 2012/02/07 04:36:02.251758 fe80::21a:a0ff:fe07:32e0:5060 -> fec0::216:d3ff:fe0d:22c:5060 #1",
	   "fe80::21a:a0ff:fe07:32e0", 5060, "fec0::216:d3ff:fe0d:22c", 5060, true, true, 1328589362, 251758),
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
	 * with no port, a time that is none, one that counts from
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
	NO("U 2026/11/21 10:00:01.123456 2001:db8::1 -> 2001:db8::2:5060 #3"),
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

/* tshark -P's summary lines: the frame and the time in each of tshark's
 * time formats (-t r, e, ad, ud, a, u), no endpoints (the dump's headers
 * give them); not a summary line without the arrow or a time. */
struct summary_case {
	const char *in;
	bool ok;
	uint64_t frame;
	bool dated;
	int64_t sec;
	uint32_t usec;
};

static const struct summary_case summaries[] = {
	{ "    1   0.000000     10.0.0.1 \xe2\x86\x92 10.0.0.2     SIP 477 Request: REGISTER sip:ims", true, 1, true,
	  0, 0 },
	{ "   19  32.004937 192.168.1.2 \xe2\x86\x92 212.242.33.35 SIP 509 Request: REGISTER sip:a", true, 19, true, 32,
	  4937 },
	{ "    3  -0.250000     10.0.0.2 \xe2\x86\x92 10.0.0.1     SIP 308 Status: 401 Unauthorized", true, 3, true, -1,
	  750000 },
	{ "    2 1120469572.844249 10.0.0.1 -> 10.0.0.2 SIP 477 Request: REGISTER sip:ims", true, 2, true, 1120469572,
	  844249 },
	{ "    7 2005-07-04 09:32:52.844249 pcscf.example \xe2\x86\x92 ue.example SIP 308 Status: 200 OK", true, 7,
	  true, 1120469572, 844249 },
	{ "    8 09:32:52.844249123 10.0.0.1 \xe2\x86\x92 10.0.0.2 SIP 477 Request: REGISTER sip:ims", true, 8, false,
	  34372, 844249 },
	{ "    1   0.000000     10.0.0.1 10.0.0.2     SIP 477 Request: REGISTER sip:ims", false, 0, false, 0, 0 },
	{ "    1 10.0.0.1 \xe2\x86\x92 10.0.0.2     SIP 477 Request: REGISTER sip:ims", false, 0, false, 0, 0 },
	{ "    1 2005/185 09:32:52.844249 10.0.0.1 \xe2\x86\x92 10.0.0.2 SIP 477", false, 0, false, 0, 0 },
	{ "09:32:52.844249 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 1", false, 0, false, 0, 0 },
	{ "", false, 0, false, 0, 0 },
};

static void each_summary(struct slice s, const void *arg)
{
	const struct summary_case *c = arg;
	struct pkt_line l;
	bool ok = pkt_summary_time(s, &l);
	CHECK(!ok || (l.usec < 1000000 && l.ends.ver == 0));
	if (s.len < strlen(c->in))
		return;
	CHECK(ok == c->ok);
	if (ok != c->ok)
		fprintf(stderr, "  line: %s\n", c->in);
	if (!ok || !c->ok)
		return;
	CHECK_INT_EQ(l.frame, c->frame);
	CHECK(l.dated == c->dated);
	CHECK_INT_EQ(l.sec, c->sec);
	CHECK_INT_EQ(l.usec, c->usec);
}

static void test_tshark_summary_lines_say_the_frame_and_when(void)
{
	CHECK_TABLE_EVERY_PREFIX(summaries, each_summary);
	struct pkt_line l;
	CHECK(!pkt_summary_time(SLICE_NULL, &l));
}

/* The line written from a dump's headers (pkt_line_write) gives the
 * endpoints and the transport tshark -P's summary does not say. */
static void test_a_written_line_says_the_endpoints(void)
{
	struct pkt_line l;
	const char *t = "IP 10.1.1.1.5060 > 10.2.2.2.5062: UDP, length 39, in GTP-U (TEID 0x0000abcd), on VLAN 100";
	CHECK(pkt_line_ends_read(slice_make(t, strlen(t)), &l) && l.udp && l.ends.ver == 4 && l.ends.ports &&
	      l.ends.sport == 5060 && l.ends.dport == 5062 && strcmp(l.ends.dst, "10.2.2.2") == 0 && l.sec == 0);
	t = "IP6 2001:db8::1.40000 > 2001:db8::2.5060: TCP, length 46";
	CHECK(pkt_line_ends_read(slice_make(t, strlen(t)), &l) && !l.udp && l.ends.ver == 6 &&
	      strcmp(l.ends.src, "2001:db8::1") == 0 && l.ends.sport == 40000);
	t = "IP 10.1.1.1.5060 > 10.2.2.2.5060: SCTP, length 100";
	CHECK(pkt_line_ends_read(slice_make(t, strlen(t)), &l) && !l.udp);
	t = "IP 10.1.1.1 > 10.2.2.2: IP fragment, length 8"; /* no ports */
	CHECK(!pkt_line_ends_read(slice_make(t, strlen(t)), &l) && l.ends.ver == 0);
	CHECK(!pkt_line_ends_read(SLICE_NULL, &l));
	/* tcpdump -ttt's line: its time since the packet before not read */
	t = " 00:00:00.500000 IP 10.0.0.1.5064 > 10.0.0.2.5060: UDP, length 467";
	CHECK(pkt_line_ends_read(slice_make(t, strlen(t)), &l) && l.udp && l.ends.sport == 5064 && l.sec == 0 &&
	      l.usec == 0);
	/* ngrep without -t, IPv6 bare, TCP with its flags */
	t = "U 10.0.0.1:5060 -> 10.0.0.2:5062 #3";
	CHECK(pkt_line_ends_read(slice_make(t, strlen(t)), &l) && l.udp && l.ends.dport == 5062);
	t = "T 2001:db8::1:40000 -> 2001:db8::2:5060 [AP] #4";
	CHECK(pkt_line_ends_read(slice_make(t, strlen(t)), &l) && !l.udp && l.ends.ver == 6 &&
	      strcmp(l.ends.src, "2001:db8::1") == 0 && l.ends.sport == 40000);
	t = "U 10.0.0.1 -> 10.0.0.2 #3";
	CHECK(!pkt_line_ends_read(slice_make(t, strlen(t)), &l) && l.ends.ver == 0);
}

/* A log's time stamp in the text before a message's start line: the
 * first in each of the logs' layouts, to the microsecond or the second
 * (fine), a date without a year in 2000, a zone's offset applied; none in
 * text that holds no time. */
struct log_case {
	const char *in;
	bool ok, dated, fine;
	int64_t sec;
	uint32_t usec;
};

static const struct log_case log_cases[] = {
	{ "2026-11-21T10:00:01.123456789Z ", true, true, true, 1795255201, 123456 },
	{ "<13>1 2026-11-21T10:00:01.5+02:00 pcscf kamailio 812 - - ", true, true, true, 1795248001, 500000 },
	{ "2026-11-21 10:00:01,123 INFO [main] sip:", true, true, true, 1795255201, 123000 },
	{ "2026/11/21 10:00:01 DEBUG", true, true, false, 1795255201, 0 },
	{ "Nov 21 10:00:01 pcscf kamailio[812]:", true, true, false, 974800801, 0 },
	{ "Nov  1 09:05:07.250000 pcscf kamailio[812]:", true, true, true, 973069507, 250000 },
	{ "11-20 10:00:01.123  1234  1300 D ImsSip  :", true, true, true, 974714401, 123000 },
	{ "[worker-3] 10:00:01.500 sip:", true, false, true, 36001, 500000 },
	{ "kamailio[812]: INFO: <script>: received", false, false, false, 0, 0 },
	{ "[ Line 12 ]", false, false, false, 0, 0 },
	{ "SIP Message = ", false, false, false, 0, 0 },
	{ "2026-13-01T10:00:01Z x", false, false, false, 0, 0 },
	{ "v25:00:01 99:00:00", false, false, false, 0, 0 },
	{ "RX [2001:db8::1:20:30]:5060 -> [2001:db8::2]:5060:", false, false, false, 0, 0 }, /* an address */
	{ "RX [2001:db8::1:20:30]:5060 at 10:00:01.5:", true, false, true, 36001, 500000 },
	{ "", false, false, false, 0, 0 },
};

static void each_log(struct slice s, const void *arg)
{
	const struct log_case *c = arg;
	struct pkt_line l;
	bool fine;
	bool ok = pkt_log_time_read(s, &l, &fine);
	CHECK(!ok || (l.usec < 1000000 && l.ends.ver == 0));
	if (s.len < strlen(c->in))
		return;
	CHECK(ok == c->ok);
	if (ok != c->ok)
		fprintf(stderr, "  log: %s\n", c->in);
	if (!ok || !c->ok)
		return;
	CHECK(l.dated == c->dated);
	CHECK(fine == c->fine);
	CHECK_INT_EQ(l.sec, c->sec);
	CHECK_INT_EQ(l.usec, c->usec);
}

static void test_a_logs_time_stamp_says_when(void)
{
	CHECK_TABLE_EVERY_PREFIX(log_cases, each_log);
	struct pkt_line l;
	bool fine;
	CHECK(!pkt_log_time_read(SLICE_NULL, &l, &fine));
}

/* SIPp's -trace_msg packet line, as decode writes it: when (dated), the
 * transport, no endpoints; sofia-sip's tport log line: a time of day;
 * not a line of another shape. */
static void test_a_sipp_line_says_when_alone(void)
{
	struct pkt_line l;
	const char *t = "2026-11-23 15:49:36.161061 UDP message sent (511 bytes)";
	CHECK(pkt_time_line_read(slice_make(t, strlen(t)), &l) && l.udp && l.dated && l.sec == 1795448976 &&
	      l.usec == 161061 && l.ends.ver == 0);
	t = "2026-11-23 15:49:36.162000 TCP message received [40] bytes";
	CHECK(pkt_time_line_read(slice_make(t, strlen(t)), &l) && !l.udp && l.usec == 162000);
	t = "2026-11-23 15:49:36.162000 TCP message lost [40] bytes";
	CHECK(!pkt_time_line_read(slice_make(t, strlen(t)), &l) && l.sec == 0);
	t = "2026-11-23 15:49:36.162000 IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP, length 1";
	CHECK(!pkt_time_line_read(slice_make(t, strlen(t)), &l));
	CHECK(!pkt_time_line_read(SLICE_NULL, &l));
	/* sofia-sip's tport log (tport_logging.c tport_stamp): a time of day,
	 * the transport; the peer's address alone, not taken */
	t = "recv 1047 bytes from udp/[10.0.0.1]:5060 at 13:03:53.937616:";
	CHECK(pkt_time_line_read(slice_make(t, strlen(t)), &l) && l.udp && !l.dated && l.sec == 13 * 3600 + 3 * 60 + 53 &&
	      l.usec == 937616 && l.ends.ver == 0);
	t = "send 577 bytes to tcp/[2001:db8::1]:5061/7;comp=sigcomp at 00:00:01.000001";
	CHECK(pkt_time_line_read(slice_make(t, strlen(t)), &l) && !l.udp && l.sec == 1 && l.usec == 1);
	t = "recv 1047 bytes from udp/[10.0.0.1]:70000 at 13:03:53.937616:";
	CHECK(!pkt_time_line_read(slice_make(t, strlen(t)), &l));
	t = "recv 1047 bytes from udp/10.0.0.1:5060 at 13:03:53.937616:";
	CHECK(!pkt_time_line_read(slice_make(t, strlen(t)), &l));
	t = "recv 1047 bytes from udp/[10.0.0.1]:5060 at 13:03:53.937616: and more";
	CHECK(!pkt_time_line_read(slice_make(t, strlen(t)), &l));
	for (size_t n = 0; n < strlen(t); n++)
		(void)pkt_time_line_read(slice_make(t, n), &l);
	/* every prefix: read or not, never past its end */
	t = "2026-11-23 15:49:36.161061 UDP message sent (511 bytes)";
	for (size_t n = 0; n < strlen(t); n++)
		(void)pkt_time_line_read(slice_make(t, n), &l);
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
	test_tshark_summary_lines_say_the_frame_and_when();
	test_a_written_line_says_the_endpoints();
	test_a_sipp_line_says_when_alone();
	test_a_logs_time_stamp_says_when();
	return check_done();
}
