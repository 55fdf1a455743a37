/* paste.h: turns SIP text as people paste it from logs (line-number
 * prefixes, doubled line breaks, folding with odd indentation, LF or
 * CR-only line ends, several messages in one file) into wire-form
 * messages, remembering where each byte came from so errors point into the
 * user's file. SIP inside log formats is read too: a message on one line
 * with escaped line ends (\r\n, JSON strings, rsyslog #015#012, ngrep's
 * ".."), Android logcat prefixes, ngrep -W byline packets, Wireshark's
 * packet details as text, a log prefix before a start line whose header
 * lines follow on lines of their own, log lines after a body as its
 * Content-Length sets it. Also a log prefix on every line of the message
 * (syslog per line, kubectl/docker timestamps, kubectl --prefix,
 * application logs: lines of the same shape, the others ignored),
 * journalctl's entries (the lines after the first indented to its text),
 * tcpdump -A's packet text and hex dumps of packets (tcpdump -x, tshark -x,
 * Wireshark, xxd), TCP messages gathered by connection, SCTP's by
 * association, sngrep's Save as .txt, tshark's JSON (-T json, -T ek, with
 * or without the bytes, or only the fields of -e), PDML (-T pdml) and
 * tshark -T fields (a line a packet: its fields' values, msg_hdr among them). */
#ifndef IMSREG_PASTE_H
#define IMSREG_PASTE_H

#include <stddef.h>
#include <stdint.h>
#include <imsreg/buf.h>
#include <imsreg/sip.h>

/* One repair the normaliser made, for a warning ("line 3: removed log prefix"). */
struct paste_repair {
	unsigned line;          /* 1-based line of the input */
	const char *what;       /* static text */
};

/* One message found in the input. */
struct paste_msg {
	size_t offset;          /* in text */
	size_t len;
	unsigned first_line;    /* 1-based input line of its start line */
	uint32_t ends_len;      /* private: paste_ends */
	struct slice packet;    /* read from a capture tool's output: the line of the packet its
				 * start line came in, a slice of the input (tcpdump's
				 * "09:32:52.844249 IP 10.0.0.1.5060 > ...", tshark -P's summary
				 * line, ngrep's packet header, sngrep's text's header line), or
				 * for a hex dump with no such line one written from the
				 * packet's headers ("IP 10.0.0.1.5060 > 10.0.0.2.5060: UDP,
				 * length 596", in struct paste), for tshark's JSON and PDML one
				 * written from its fields ("frame 19  <frame.time>  UDP
				 * 192.168.1.2:5060 -> 212.242.33.35:5060"; -T fields without
				 * names: the line's other values, "19 | 10.0.0.1"); else
				 * SLICE_NULL */
	bool logged;            /* packet is the log's text before its start line (a syslog,
				 * journalctl, kubectl, logcat or application prefix, the
				 * text before a message escaped on one line), which holds a
				 * time stamp (pkt_log_time_read): when it was logged */
	bool fields;            /* header fields with no start line: each run of header lines
				 * (the first of a name the codec knows) of an input that has no
				 * start line, or after a message's end (its head said
				 * Content-Length: 0, or its body ended), is one such block,
				 * parsed by sip_fields_parse */
	uint32_t ends_off;      /* private: paste_ends */
};

/* Heap object owned by the caller: paste_init, paste_normalise, paste_fini.
 * text holds the messages one after another in wire form (CRLF line ends,
 * the empty line after the headers, Content-Length as given). */
struct paste {
	struct buf text;
	struct paste_msg *msgs;
	size_t nmsgs;
	struct paste_repair *repairs;
	size_t nrepairs;
	/* private: map from each byte range of text back to the input */
	struct paste_span *spans;
	size_t nspans;
	size_t cap_msgs, cap_repairs, cap_spans;
	struct buf lines;       /* the packet lines written from hex dumps' bytes */
};

void paste_init(struct paste *p);
void paste_fini(struct paste *p);
/* Normalises in[0..len). 0, -ENOMEM, or -EBADMSG when no SIP start line is
 * found (err filled with the input offset). Each repair is recorded. */
int paste_normalise(struct paste *p, const char *in, size_t len, struct sip_parse_error *err);
/* Whether s[0, n), a line without its line end, has a start line's shape:
 * Request-Line "METHOD SP uri SP SIP/2.0" (a ':' in the URI) or
 * Status-Line "SIP/2.0 NNN ...", any run of SP between the elements (the
 * parser judges the spacing). A method beginning with '.' is not taken:
 * '.' is what dumps (tcpdump -A, ngrep) print for the bytes they cannot,
 * the headers before a payload; no method begins with it. How the
 * normaliser, and the capture reader, tell where a message starts. */
bool paste_is_start_line(const char *s, size_t n);
/* The Content-Length (or l) of the message head s[0, n) (its header lines,
 * the last one's value when repeated): -1 when it has none; a value is cut
 * at 10^8. */
long paste_head_content_length(const char *s, size_t n);
/* For a message of a hex dump whose packet line does not say the
 * packet's ports (tshark -P's summary line: its number, time and
 * addresses), the line written from the packet's headers in the shape of
 * `tcpdump -q -nn`'s without a time ("IP 10.0.0.1.5060 > 10.0.0.2.5060:
 * UDP, length 39", pkt_line_write; pkt_line_ends_read reads it); else
 * SLICE_NULL. */
struct slice paste_ends(const struct paste *p, const struct paste_msg *m);
/* The 1-based input line and column of byte `offset` of p->text. */
void paste_position(const struct paste *p, size_t offset, unsigned *line, unsigned *col);

#endif
