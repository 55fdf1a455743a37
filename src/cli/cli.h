/* cli.h: what the files of the imsreg program share (not a public API). */
#ifndef IMSREG_CLI_H
#define IMSREG_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <imsreg/buf.h>
#include <imsreg/ims.h>
#include <imsreg/paste.h>
#include <imsreg/sip.h>
#include <imsreg/trace.h>
#include "cli/esp_sas.h"
#include "cli/report.h"

/* Exit statuses of `imsreg decode` (docs/cli.md). */
enum {
	CLI_EXIT_OK = 0,       /* decoded, no error finding */
	CLI_EXIT_FINDINGS = 1, /* decoded, error findings (or a diff that breaks the registration) */
	CLI_EXIT_INPUT = 2,    /* unreadable, not parseable, or bad usage */
};

#define CLI_VERSION "0.1.0"
#define CLI_JSON_SCHEMA 1 /* docs/json.md: members are only ever added */

#define CLI_MAX_HDRS 512
#define CLI_STR_(x) #x
#define CLI_STR(x) CLI_STR_(x) /* a number macro as a string literal */
#define CLI_MAX_INPUT (256u << 20) /* bytes read from one file */

struct cli_opts {
	bool json;
	bool strict;
	bool datagram;    /* --datagram: strict, one message per input (RFC 3261 §18.3) */
	bool brief;
	bool summary;     /* --summary: only the run's totals and its findings by rule */
	bool color;
};

/* `imsreg decode ...` (argv[0] is "decode"): the exit status. Writes the
 * report to out and errors to err. */
int cli_decode_main(int argc, char **argv, FILE *out, FILE *err);

/* One input file read whole: path "-" is stdin. 0, or a negative errno
 * (message on err). data is NUL-terminated; free with cli_input_fini. */
struct cli_input {
	const char *name;      /* for messages: the path, or "<stdin>" */
	char *data;
	size_t len;
};
int cli_input_read(struct cli_input *in, const char *path, FILE *err);
/* "pcap" or "pcapng" when in starts with a capture file's magic number
 * (libpcap's, either byte order, micro- or nanosecond; pcapng's section
 * header block), else NULL: decode reads text, and says what it got. */
const char *cli_input_capture(const struct cli_input *in);
/* "UTF-16LE" or "UTF-16BE" when in is text in UTF-16, as Windows writes it
 * (PowerShell 5's `>` and Out-File, Notepad's "Unicode": a byte order mark;
 * without one, ASCII text whose every other byte is NUL), else NULL. */
const char *cli_input_utf16(const struct cli_input *in);
/* Replaces in's bytes, text in enc (cli_input_utf16's), by the same text
 * in UTF-8, its byte order mark dropped; a unit that does not convert (a
 * lone surrogate, an odd last byte) becomes U+FFFD. Lines stay the same,
 * so positions count in the converted text. 0, -ENOMEM, or -errno of
 * iconv_open. */
int cli_input_transcode(struct cli_input *in, const char *enc);
/* Text in UTF-16 (no capture) converted to UTF-8 in place, as lenient
 * reading takes it: *enc the encoding it was in, or NULL when it was not
 * UTF-16. 0, or a negative errno with the reason on err. */
int cli_input_to_utf8(struct cli_input *in, const char **enc, FILE *err);
/* Lines of the input that end in journalctl's "[SIZE blob data]": entries
 * journalctl did not print because they hold control characters (the CR of
 * SIP line ends) and it ran without -a. */
size_t cli_input_journal_blobs(const struct cli_input *in);
void cli_input_fini(struct cli_input *in);

/* The messages of one input, framed and parsed one at a time: lenient (the
 * paste normaliser first) or strict (wire bytes back to back). */
struct cli_source {
	const struct cli_input *in;
	bool strict;             /* a stream or a datagram: wire bytes */
	/* the input one UDP datagram: one message, the bytes after its body as
	 * Content-Length sets it discarded (RFC 3261 §18.3) */
	bool datagram;
	size_t discarded;        /* those bytes, once the message is read */
	bool hinted;             /* strict: the lenient-read hint was given */
	/* that hint's text, for JSON (without "NAME: hint: "), "" when none */
	char hint[256];
	/* strict: the offset of each line's first byte, for line and column
	 * in O(log n) (NULL when it could not be allocated: counted then) */
	size_t *line_starts;
	size_t nline_starts;
	struct paste paste;      /* lenient */
	/* a capture file (pcap, pcapng): its messages as libpcap's packets
	 * carried them, whatever the framing asked (NULL otherwise) */
	struct trace_capture *capture;
	bool capture_read;       /* libpcap read it (its messages may be none) */
	/* the IPsec SAs its sec-agree set up, whose ESP it was read again
	 * with (their keys from the 401s' ck/ik, or from K and OPc) */
	struct cli_esp_sas esp;
	size_t next;             /* index of the next message (lenient) / offset (strict) */
	/* lenient: the packet lines' clock (pkt_line_read), for the times of day
	 * alone: the day they are put in (one more each time the time goes
	 * back by more than 12 h: midnight passed), the last time read */
	int64_t pk_day;
	bool pk_have_last;
	int64_t pk_last_us;
	/* tshark -P's summary lines before hex dumps: checked once whether
	 * their times go forward (summary_times_ok) */
	bool summary_checked, summary_ok;
	/* when cli_source_init failed: why and where */
	const char *error_reason;
	unsigned error_line, error_col;
};
/* One framed message and where its bytes are. */
struct cli_msg {
	struct sip_msg msg;
	struct sip_hdr hdrs[CLI_MAX_HDRS];
	const struct cli_source *src;
	/* a message carried in another's body (message/sip): that message, whose
	 * buffer holds this one's, and through which its positions map; else NULL */
	const struct cli_msg *outer;
	size_t base;             /* offset of msg.buf in paste text (lenient) or input (strict) */
	unsigned index;          /* 1-based within the input */
	struct slice packet;     /* read from tcpdump's output: its packet's line, else SLICE_NULL */
	struct slice logged;     /* read from a log: its text before the start line, which holds
				  * a time stamp (paste_msg.logged), else SLICE_NULL */
	uint64_t frame;          /* from a capture file: its packet's number, else 0 */
	struct ims_packet pk;    /* from a capture file, or a packet line that says it exactly
				  * (pkt_line_read): where it went (pk.ends.ver 0: unknown) */
	/* when cli_source_next failed: why and where in the user's input */
	const char *error_reason;
	unsigned error_line, error_col;
};

/* Flushes out; when the report could not be written (disk full, ...)
 * says so on err and returns CLI_EXIT_INPUT, else status. */
int cli_output_flush(FILE *out, FILE *err, int status);

/* How an input's bytes become messages: pasted text (the paste normaliser),
 * wire bytes back to back (a stream, RFC 3261 §18.3), or one UDP datagram
 * (one message, the bytes after its body discarded). */
enum cli_framing {
	CLI_FRAMING_LENIENT,
	CLI_FRAMING_STREAM,
	CLI_FRAMING_DATAGRAM,
};

/* Prepares src over in: 0, or -EBADMSG (nothing that looks like SIP, or
 * a capture file libpcap cannot read: the report is written to err) /
 * -ENOMEM. A capture file is read by the trace layer, whatever framing
 * says: its messages are the wire bytes the packets carried. */
int cli_source_init(struct cli_source *src, const struct cli_input *in, enum cli_framing framing,
		    FILE *err);
/* cli_source_init, with the subscriber's keys (K and OP/OPc) to open a
 * capture's encrypted ESP with (NULL: none; the keys of the 401s that
 * carry ck/ik are used anyway): a capture with encrypted ESP whose SAs
 * its messages set up is read again, those SAs opened (src->esp). */
int cli_source_init_keyed(struct cli_source *src, const struct cli_input *in, enum cli_framing framing,
			  const struct auth_keys *keys, FILE *err);
void cli_source_fini(struct cli_source *src);
/* Parses the next message into m: 1, 0 when there is none, or a negative
 * errno after writing "file:line:col: reason" to err (the source then
 * moves past the bad message when it can). */
int cli_source_next(struct cli_source *src, struct cli_msg *m, FILE *err);
/* Line and column in the user's input of byte off of m->msg.buf (of a
 * capture's message: in the message, its start line line 1). */
void cli_msg_position(const struct cli_msg *m, size_t off, unsigned *line, unsigned *col);
/* Same, for a pointer into m->msg.buf (clamped to the message). */
void cli_msg_position_at(const struct cli_msg *m, const char *at, unsigned *line, unsigned *col);

/* JSON: opens the document with its first members (imsreg, schema,
 * command; docs/json.md). Text: nothing. */
void cli_report_document_begin(struct report *r, const char *command);

/* The address elements of every header id of msg, in order, decoded with
 * flags (SIP_ADDR_*); an element or a list that does not decode is skipped
 * (the header's own rendering reports it).
 *   for (cli_addr_it_init(&it, msg, SIP_HDR_CONTACT, 0); cli_addr_next(&it, &a);) */
struct cli_addr_it {
	const struct sip_msg *msg;
	const struct sip_hdr *h;
	struct sip_list list;
	unsigned flags;
};
void cli_addr_it_init(struct cli_addr_it *it, const struct sip_msg *msg, enum sip_hdr_id id,
		      unsigned flags);
bool cli_addr_next(struct cli_addr_it *it, struct sip_addr *a);

/* `imsreg decode --diff A B`: the exit status. */
int cli_diff_main(const char *a, const char *b, const struct cli_opts *opt, FILE *out, FILE *err);

/* Short plain-words names used by the renderers. */
const char *cli_host_type_name(enum sip_host_type t);
const char *cli_scheme_name(enum sip_uri_scheme s);

/* Writes a URI as one object (JSON) or one line (text) under key. */
void cli_report_uri(struct report *r, const char *key, const char *label, struct slice text,
		    const struct sip_uri *uri);

#endif
