/* capture.c: the SIP messages of a pcap or pcapng file, read by libpcap
 * from memory, each packet's IP layer by packet.c, the messages put back
 * together per flow: IP fragments by datagram, TCP by sequence number and
 * Content-Length (RFC 3261 §18.3), SCTP DATA chunks from (B) to (E) (RFC
 * 9260 §3.3.1), WebSocket frames (RFC 6455 §5.2, RFC 7118 §5). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pcap/pcap.h>
#include <imsreg/alloc.h>
#include <imsreg/packet.h>
#include <imsreg/paste.h>
#include <imsreg/trace.h>
#include "trace/esp.h"
#include "trace/hep.h"
#include "trace/pcapng.h"

#define FLOW_HOLD_MAX (8u << 20)  /* bytes a flow holds for one message */
#define HEAD_MAX (64u << 10)      /* a message head longer than this is no SIP */
#define WS_FIND_KEEP 25           /* a WebSocket header (14) and 12 payload bytes, less one */
#define OOO_MAX 256               /* TCP segments (SCTP chunks) held ahead of a gap, a flow */
#define HELD_MAX (64u << 20)      /* TCP and SCTP bytes held ahead of gaps, all flows */
#define DGRAM_MAX 65536u          /* an IP datagram's payload */

enum flow_kind { FLOW_TCP, FLOW_SCTP, FLOW_FRAG };

/* The time and number of the packet being read. */
struct pkt_at {
	uint64_t frame;
	int64_t sec;
	uint32_t usec;
	struct pkt_link link;   /* the frame's VLAN ids and MPLS labels */
};

/* A TCP segment that came before the bytes ahead of it, or an SCTP DATA
 * chunk before the chunks of lower TSN. */
struct seg {
	uint32_t seq;           /* TCP: its first byte's sequence number; SCTP: TSN */
	size_t len;
	unsigned char *data;
	uint64_t frame;
	unsigned flags;         /* SCTP: SCTP_B, SCTP_E */
};

enum { SCTP_E = 1, SCTP_B = 2 }; /* a DATA chunk's flags (RFC 9260 §3.3.1) */

/* One direction of a TCP connection, one SCTP association's direction,
 * or one fragmented IP datagram. */
struct flow {
	unsigned char key[48];
	size_t keyn;
	size_t next;            /* the next flow of the same hash bucket, or SIZE_MAX */
	unsigned char *buf;     /* bytes of a message not yet whole (fragments:
				 * the datagram's payload so far); NULL when idle */
	size_t len, cap;
	uint64_t first_frame;   /* the packet of buf[0] */
	size_t take_at;         /* TCP: where the bytes of the last segment taken */
	uint64_t take_frame;    /* begin in buf, and its packet */
	struct pkt_ends ends;   /* its addresses and ports (ver 0: none) */
	struct pkt_at last;     /* its last packet */
	const struct trace_esp_sa *esp; /* the SA that opened its last packet (ESP), or NULL */
	uint32_t esp_spi;
	/* TCP and SCTP */
	bool have_seq, ws;
	bool in_msg;            /* SCTP: a message's (B) chunk taken, not yet its (E);
				 * WebSocket: a message's first frame taken (FIN
				 * not set), not yet its last */
	unsigned char *wsm;     /* WebSocket: that message's payload so far */
	size_t wsm_len, wsm_cap;
	uint64_t wsm_first;     /* the packet of its first byte */
	uint64_t ws_skip;       /* bytes of a frame a gap cut still to come (dropped) */
	bool ws_lost;           /* a gap left the stream between frames unknown:
				 * read on from a frame that starts a SIP message */
	size_t scan;            /* stream_frame's search of buf for a head's end */
	uint32_t seq;           /* TCP: the sequence number of the byte after buf;
				 * SCTP: the TSN of the next chunk */
	struct seg *ooo;
	size_t nooo;
	/* fragments: which 8-byte units came (NULL: no datagram open), its length once
	 * the last fragment says it, the IP header to put before it */
	unsigned char *have;
	size_t total;
	bool total_known;
	unsigned char hdr[40];
	unsigned ver;
	/* the tunnels its first fragment to come was in (the UE's datagram
	 * fragmented inside GTP-U), the innermost first */
	struct pkt_tunnel_at tunnels[PKT_TUNNELS_MAX];
	unsigned ntunnels;
};

struct reader {
	struct trace_capture *c;
	struct flow *flows;
	size_t nflows, cap_flows;
	size_t *buckets;        /* power of two */
	size_t nbuckets;
	struct pkt_at at;
	size_t held;            /* bytes of TCP segments held ahead of gaps */
	const struct trace_esp_sa *esp; /* the SA that opened the packet being read */
	uint32_t esp_spi;
	const struct pkt_ip *esp_carrier; /* that packet: the tunnel it came in */
	size_t *sa_by_spi;      /* c->sas's indexes by SPI (then as given) */
	const struct hep3 *hep; /* the HEP3 packet whose message is emitted */
	const struct pkt_ip *frag_carrier; /* the tunnels of the fragments of the
					    * datagram being read, or NULL */
	unsigned char *esp_buf; /* an opened ESP packet, its IP header before it */
	size_t esp_cap;
	size_t held_max;        /* c->hold_max, or HELD_MAX */
	int err;                /* -ENOMEM, sticky */
};

/* ---- messages -------------------------------------------------------- */

/* Whether d[0, n) can begin a start line: "SIP/2.0 " or a method (capital
 * letters) and a space, as far as n goes. What is no SIP (RTP, Diameter,
 * TLS) is so told from its first bytes, not by a search for a line end. */
static bool can_start(const unsigned char *d, size_t n)
{
	if (n > 0 && d[0] == 'S' && memcmp(d, "SIP/2.0 ", n < 8 ? n : 8) == 0)
		return true;
	size_t i = 0;
	while (i < n && i < 32 && ((d[i] >= 'A' && d[i] <= 'Z') || d[i] == '-' || d[i] == '_'))
		i++;
	return i == n ? n < 32 : i > 0 && d[i] == ' ';
}

/* The length of d's first line without its line end, or n when no line
 * end is in d[0, min(n, HEAD_MAX)). */
static size_t line_len(const unsigned char *d, size_t n)
{
	if (n == 0)
		return 0; /* d may be a flow's buffer not yet made */
	const unsigned char *e = memchr(d, '\n', n < HEAD_MAX ? n : HEAD_MAX);
	if (!e)
		return n;
	size_t l = (size_t)(e - d);
	return l && d[l - 1] == '\r' ? l - 1 : l;
}

static bool starts_sip(const unsigned char *d, size_t n)
{
	if (!can_start(d, n))
		return false;
	size_t l = line_len(d, n);
	return l < n && paste_is_start_line((const char *)d, l);
}

/* The end of a message head in d[0, n) from offset *from on: the offset
 * past its empty line's CR LF, or 0 when there is none yet (*from then
 * says where to look next time, so that a head that comes in many
 * segments is searched once, not once a segment). */
static size_t head_end(const unsigned char *d, size_t n, size_t *from)
{
	size_t i = *from;
	for (const unsigned char *p; i < n && (p = memchr(d + i, '\n', n - i)); i = (size_t)(p - d) + 1) {
		size_t k = (size_t)(p - d);
		if (k >= 3 && d[k - 1] == '\r' && d[k - 2] == '\n' && d[k - 3] == '\r')
			return k + 1;
	}
	*from = n >= 3 ? n - 3 : 0;
	return 0;
}

/* The SIP message at the start of a stream's d[0, n): its length, 0 when
 * more bytes are needed, or -1 when d does not start with one. A
 * Content-Length too large to wait for ends the message after its head.
 * *scan: how far the search for the head's end has gone (0 for new bytes
 * at d). */
static long stream_frame(const unsigned char *d, size_t n, size_t *scan)
{
	if (*scan == 0) {
		/* the start line, once */
		if (!can_start(d, n))
			return -1;
		size_t l = line_len(d, n);
		if (l == n)
			return n < HEAD_MAX ? 0 : -1;
		if (!paste_is_start_line((const char *)d, l))
			return -1;
	}
	size_t head = head_end(d, n < HEAD_MAX ? n : HEAD_MAX, scan);
	if (!head)
		return n < HEAD_MAX ? 0 : -1;
	*scan = head - 1; /* found: found again at once while the body comes */
	long cl = paste_head_content_length((const char *)d, head);
	if (cl > (long)FLOW_HOLD_MAX)
		return (long)head; /* no such message: the rest read as what follows */
	size_t len = head + (cl > 0 ? (size_t)cl : 0);
	return len <= n ? (long)len : 0;
}

/* Appends the message d[0, n) that ended in the packet being read, with
 * its packet line: "frame 19 2016-03-08 10:51:51.123456 IP a.p > b.q:
 * UDP, length 467" (", in TCP segments from frame 17" when earlier
 * packets carried its first bytes). */
static void msg_emit(struct reader *rd, const unsigned char *d, size_t n, uint64_t first,
		     const struct pkt_ends *ends,
		     enum trace_transport t, const struct pkt_ip *r, bool incomplete)
{
	struct trace_capture *c = rd->c;
	if (rd->err)
		return;
	if (c->nmsgs == c->cap_msgs) {
		size_t cap = c->cap_msgs ? c->cap_msgs * 2 : 64;
		struct trace_msg *v = imsreg_realloc(c->msgs, cap * sizeof *v);
		if (!v) {
			rd->err = -ENOMEM;
			return;
		}
		c->msgs = v;
		c->cap_msgs = cap;
	}
	struct trace_msg *m = &c->msgs[c->nmsgs];
	static const char *const names[] = { "UDP", "TCP", "SCTP", "WebSocket over TCP" };
	m->offset = c->text.len;
	m->len = n;
	m->frame = rd->at.frame;
	m->first_frame = first;
	m->sec = rd->at.sec;
	m->usec = rd->at.usec;
	m->transport = t;
	m->incomplete = incomplete;
	m->line = c->lines.len;
	buf_append(&c->text, d, n);
	buf_printf(&c->lines, "frame %llu ", (unsigned long long)m->frame);
	char when[PKT_TIME_TEXT_MAX];
	pkt_time_text(when, m->sec, m->usec);
	buf_puts(&c->lines, when);
	m->ends = *ends;
	if (ends->ver) {
		buf_putc(&c->lines, ' ');
		pkt_ends_write(&c->lines, ends);
	}
	buf_printf(&c->lines, ": %s, length %zu", names[t], n);
	if (first != m->frame) {
		static const char *const parts[] = { "IP fragments", "TCP segments", "DATA chunks", "TCP segments" };
		buf_printf(&c->lines, ", in %s from frame %llu", parts[t], (unsigned long long)first);
	}
	if (r)
		pkt_carrier_write(&c->lines, r);
	m->decrypted = rd->esp != NULL;
	if (rd->esp)
		buf_printf(&c->lines, ", in ESP (SPI 0x%08x = %u, %s, decrypted)", (unsigned)rd->esp_spi,
			   (unsigned)rd->esp_spi, esp_cipher_name(rd->esp->cipher));
	if (rd->esp && rd->esp_carrier)
		pkt_carrier_write(&c->lines, rd->esp_carrier);
	if (rd->frag_carrier)
		pkt_carrier_write(&c->lines, rd->frag_carrier);
	if (!rd->hep) /* HEP's are the agent's packet's, not the message's */
		pkt_link_write(&c->lines, &rd->at.link);
	if (rd->hep) {
		buf_puts(&c->lines, rd->hep->version == 3 ? ", in HEP3" : rd->hep->version == 2 ? ", in HEPv2" : ", in HEPv1");
		if (rd->hep->has_agent)
			buf_printf(&c->lines, " (agent %u)", (unsigned)rd->hep->agent);
	}
	if (incomplete)
		buf_puts(&c->lines, ", incomplete: the capture has not all of it");
	m->line_len = c->lines.len - m->line;
	if (c->text.err || c->lines.err)
		rd->err = -ENOMEM;
	else
		c->nmsgs++;
}

/* ---- flows ----------------------------------------------------------- */

static size_t key_hash(const unsigned char *k, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ k[i]) * 1099511628211ull;
	return (size_t)(h ^ h >> 29);
}

static int buckets_grow(struct reader *rd)
{
	size_t nb = rd->nbuckets ? rd->nbuckets * 2 : 256;
	size_t *b = imsreg_malloc(nb * sizeof *b);
	if (!b)
		return -ENOMEM;
	for (size_t i = 0; i < nb; i++)
		b[i] = SIZE_MAX;
	for (size_t i = 0; i < rd->nflows; i++) {
		size_t h = key_hash(rd->flows[i].key, rd->flows[i].keyn) & (nb - 1);
		rd->flows[i].next = b[h];
		b[h] = i;
	}
	imsreg_free(rd->buckets);
	rd->buckets = b;
	rd->nbuckets = nb;
	return 0;
}

/* The flow of kind with key k[0, n) (made when new, its endpoints from b
 * and r), or NULL without memory. An index: flows move as they grow. */
static struct flow *flow_get(struct reader *rd, enum flow_kind kind, const unsigned char *k, size_t n,
			     const unsigned char *b, const struct pkt_ip *r)
{
	unsigned char key[48];
	key[0] = (unsigned char)kind;
	memcpy(key + 1, k, n);
	n++;
	if (rd->nbuckets) {
		for (size_t i = rd->buckets[key_hash(key, n) & (rd->nbuckets - 1)]; i != SIZE_MAX; i = rd->flows[i].next)
			if (rd->flows[i].keyn == n && memcmp(rd->flows[i].key, key, n) == 0)
				return &rd->flows[i];
	}
	if (rd->nflows == rd->cap_flows) {
		size_t cap = rd->cap_flows ? rd->cap_flows * 2 : 64;
		struct flow *v = imsreg_realloc(rd->flows, cap * sizeof *v);
		if (!v)
			return NULL;
		rd->flows = v;
		rd->cap_flows = cap;
	}
	if (rd->nflows >= rd->nbuckets && buckets_grow(rd) < 0)
		return NULL;
	struct flow *f = &rd->flows[rd->nflows];
	memset(f, 0, sizeof *f);
	memcpy(f->key, key, n);
	f->keyn = n;
	(void)pkt_endpoints(b, r, &f->ends); /* ver 0: none known */
	size_t h = key_hash(key, n) & (rd->nbuckets - 1);
	f->next = rd->buckets[h];
	rd->buckets[h] = rd->nflows++;
	return f;
}

/* Appends d[0, n) to f's bytes. */
static int flow_add(struct flow *f, const unsigned char *d, size_t n)
{
	if (n == 0)
		return 0; /* an empty chunk: f->buf may not exist yet */
	if (n > FLOW_HOLD_MAX - f->len)
		return -EMSGSIZE;
	if (f->len + n > f->cap) {
		size_t cap = f->cap ? f->cap : 2048;
		while (cap < f->len + n)
			cap *= 2;
		unsigned char *v = imsreg_realloc(f->buf, cap);
		if (!v)
			return -ENOMEM;
		f->buf = v;
		f->cap = cap;
	}
	memcpy(f->buf + f->len, d, n);
	f->len += n;
	return 0;
}

/* A flow that holds no bytes gives its buffer back: a capture of many
 * connections keeps only those in the middle of a message. */
static void flow_idle(struct flow *f)
{
	if (f->len == 0 && f->buf) {
		imsreg_free(f->buf);
		f->buf = NULL;
		f->cap = 0;
	}
}

static void ooo_free(struct reader *rd, struct flow *f)
{
	for (size_t j = 0; j < f->nooo; j++) {
		rd->held -= f->ooo[j].len;
		imsreg_free(f->ooo[j].data);
	}
	imsreg_free(f->ooo);
	f->ooo = NULL;
	f->nooo = 0;
}

/* d[0, n), of sequence number (TSN) seq, held ahead of a gap. */
static int ooo_hold(struct reader *rd, struct flow *f, uint32_t seq, const unsigned char *d, size_t n,
		    unsigned flags)
{
	struct seg *v = imsreg_realloc(f->ooo, (f->nooo + 1) * sizeof *v);
	if (!v)
		return -ENOMEM;
	f->ooo = v;
	unsigned char *copy = imsreg_malloc(n ? n : 1);
	if (!copy)
		return -ENOMEM;
	if (n)
		memcpy(copy, d, n);
	f->ooo[f->nooo++] = (struct seg){ seq, n, copy, rd->at.frame, flags };
	rd->held += n;
	return 0;
}

/* The lowest sequence number (TSN) held (f->nooo > 0). */
static uint32_t ooo_lowest(const struct flow *f)
{
	size_t low = 0;
	for (size_t i = 1; i < f->nooo; i++)
		if ((int32_t)(f->ooo[i].seq - f->ooo[low].seq) < 0)
			low = i;
	return f->ooo[low].seq;
}

/* Drops f's first n bytes (a TCP flow's): buf[0] is then in the last
 * segment taken, or still in the one it was in (exact while buf holds the
 * bytes of two segments at most, as tcp_frame reads after each). */
static void flow_drop(struct flow *f, size_t n)
{
	if (n == 0)
		return;
	if (n >= f->take_at) {
		f->first_frame = f->take_frame;
		f->take_at = 0;
	} else {
		f->take_at -= n;
	}
	f->scan = 0;
	memmove(f->buf, f->buf + n, f->len - n);
	f->len -= n;
}

/* ---- TCP ------------------------------------------------------------- */

/* The bytes of a TCP flow that do not start a SIP message: dropped up to
 * the next line that is a start line (a capture that begins inside a
 * message, or what is no SIP), the last partial line kept. */
static void tcp_resync(struct flow *f)
{
	size_t keep = 0;
	for (size_t i = 0; i < f->len; i++) {
		if (f->buf[i] != '\n')
			continue;
		size_t l = line_len(f->buf + i + 1, f->len - i - 1);
		if (l == f->len - i - 1) {
			keep = i + 1; /* a partial line: its end will tell */
			break;
		}
		if (paste_is_start_line((const char *)f->buf + i + 1, l)) {
			keep = i + 1;
			break;
		}
		keep = i + 1;
	}
	flow_drop(f, keep ? keep : f->len);
}

/* A WebSocket text or binary frame at b (len bytes there) whose payload
 * begins as a SIP message does: a response's "SIP/2.0 " or a request's
 * upper-case method and a space in its first twelve bytes. */
static bool ws_sip_frame_at(const unsigned char *b, size_t len)
{
	uint64_t n;
	bool masked;
	size_t h = len ? pkt_ws_header(b, len, &n, &masked) : 0;
	if (!h || ((b[0] & 0x7f) != 1 && (b[0] & 0x7f) != 2) || n < 12 || len < h + 12)
		return false;
	unsigned char p[12];
	for (size_t i = 0; i < 12; i++)
		p[i] = b[h + i] ^ (masked ? b[h - 4 + (i & 3)] : 0);
	return memcmp(p, "SIP/2.0 ", 8) == 0 || (p[0] >= 'A' && p[0] <= 'Z' && memchr(p, ' ', 12));
}

/* WebSocket (RFC 6455): an HTTP upgrade's head at the start of f's bytes
 * ("GET ... HTTP/1.1" asking for it, "HTTP/1.1 101" granting it) is
 * dropped and the flow reads frames from then on; a frame at the start
 * whose payload is a SIP message does the same (the capture began after
 * the upgrade). 1 when so, 0 when not, -1 when the head is not whole yet. */
static int ws_detect(struct flow *f)
{
	if (f->len >= 4 && (memcmp(f->buf, "GET ", 4) == 0 || (f->len >= 12 && memcmp(f->buf, "HTTP/1.1 101", 12) == 0))) {
		const unsigned char *e = memmem(f->buf, f->len < HEAD_MAX ? f->len : HEAD_MAX, "\r\n\r\n", 4);
		if (!e)
			return f->len < HEAD_MAX ? -1 : 0;
		bool up = false;
		for (size_t i = 0; !up && i + 9 <= (size_t)(e - f->buf); i++)
			up = strncasecmp((const char *)f->buf + i, "websocket", 9) == 0;
		if (!up)
			return 0;
		flow_drop(f, (size_t)(e - f->buf) + 4);
		f->ws = true;
		return 1;
	}
	if (ws_sip_frame_at(f->buf, f->len)) {
		f->ws = true;
		return 1;
	}
	return 0;
}

/* A WebSocket stream read on after a gap of unknown length (or one that
 * took a frame's end with it): the bytes up to the next frame that
 * carries the start of a SIP message dropped. true when f's bytes now
 * begin with one; false when none is there yet (the last bytes, where one
 * may begin, are kept). */
static bool ws_find(struct flow *f)
{
	for (size_t i = 0; i < f->len; i++) {
		if (ws_sip_frame_at(f->buf + i, f->len - i)) {
			flow_drop(f, i);
			f->ws_lost = false;
			return true;
		}
	}
	if (f->len > WS_FIND_KEEP)
		flow_drop(f, f->len - WS_FIND_KEEP);
	return false;
}

/* The WebSocket frame at the start of f's bytes, whole (its header h
 * bytes, its payload n; masked: a client's, RFC 6455 §5.3): a text or
 * binary frame with FIN set is a message; one without FIN starts a message
 * that continuation frames go on with until one with FIN (§5.4), control
 * frames (ping, pong, close) coming between; others are skipped. A message
 * that is SIP is emitted. 0, or -1 without memory (rd->err set). */
static int ws_frame(struct reader *rd, struct flow *f, size_t h, size_t n, bool masked, const struct pkt_ip *r)
{
	unsigned char *pl = f->buf + h;
	unsigned op = f->buf[0] & 0x0f;
	bool fin = f->buf[0] & 0x80;
	if (op > 2 || (op == 0 && !f->in_msg))
		return 0; /* control frames, reserved ones, a continuation of nothing */
	if (masked) {
		const unsigned char *key = pl - 4; /* the header's last 4 bytes */
		for (size_t i = 0; i < n; i++)
			pl[i] ^= key[i & 3];
	}
	if (op != 0 && fin) {
		f->in_msg = false; /* a message while one was open: that one is dropped */
		f->wsm_len = 0;
		if (starts_sip(pl, n))
			msg_emit(rd, pl, n, f->first_frame, &f->ends, TRACE_WS, r, false);
		return 0;
	}
	if (op != 0) {
		f->in_msg = true;
		f->wsm_len = 0;
		f->wsm_first = f->first_frame;
	}
	if (n > FLOW_HOLD_MAX - f->wsm_len) {
		f->in_msg = false; /* no SIP message is this long */
		f->wsm_len = 0;
		return 0;
	}
	if (n && f->wsm_len + n > f->wsm_cap) {
		size_t cap = f->wsm_cap ? f->wsm_cap : 2048;
		while (cap < f->wsm_len + n)
			cap *= 2;
		unsigned char *v = imsreg_realloc(f->wsm, cap);
		if (!v) {
			rd->err = -ENOMEM;
			return -1;
		}
		f->wsm = v;
		f->wsm_cap = cap;
	}
	if (n) /* (an empty frame: f->wsm may not exist yet) */
		memcpy(f->wsm + f->wsm_len, pl, n);
	f->wsm_len += n;
	if (fin) {
		f->in_msg = false;
		if (starts_sip(f->wsm, f->wsm_len))
			msg_emit(rd, f->wsm, f->wsm_len, f->wsm_first, &f->ends, TRACE_WS, r, false);
		f->wsm_len = 0;
		imsreg_free(f->wsm);
		f->wsm = NULL;
		f->wsm_cap = 0;
	}
	return 0;
}

/* The messages whole at the start of f's bytes (the packet being read,
 * b and r, completed them). */
static void tcp_frame(struct reader *rd, struct flow *f, const struct pkt_ip *r)
{
	while (f->len && !rd->err) {
		if (f->ws) {
			if (f->ws_skip) {
				size_t k = f->len < f->ws_skip ? f->len : (size_t)f->ws_skip;
				flow_drop(f, k);
				f->ws_skip -= k;
				continue;
			}
			if (f->ws_lost && !ws_find(f))
				return;
			uint64_t n;
			bool masked;
			size_t h = pkt_ws_header(f->buf, f->len, &n, &masked);
			if (h == 0 || n > f->len - h)
				return; /* more bytes needed */
			if (ws_frame(rd, f, h, (size_t)n, masked, r) < 0)
				return;
			flow_drop(f, h + (size_t)n);
			continue;
		}
		size_t i = 0;
		while (i < f->len && (f->buf[i] == '\r' || f->buf[i] == '\n'))
			i++; /* keep-alives (RFC 5626 §3.5.1) */
		if (i) {
			flow_drop(f, i);
			continue;
		}
		long n = stream_frame(f->buf, f->len, &f->scan);
		if (n == 0)
			return;
		if (n < 0) {
			int ws = ws_detect(f);
			if (ws < 0)
				return; /* an upgrade's head, more bytes needed */
			if (ws > 0)
				continue;
			size_t before = f->len;
			tcp_resync(f);
			if (f->len == before)
				return;
			continue;
		}
		msg_emit(rd, f->buf, (size_t)n, f->first_frame, &f->ends, TRACE_TCP, r, false);
		flow_drop(f, (size_t)n);
	}
}

/* A segment's bytes d[0, n) at sequence number seq, after what f holds:
 * the part not seen before appended. */
static int tcp_take(struct flow *f, uint32_t seq, const unsigned char *d, size_t n, uint64_t frame)
{
	int32_t ahead = (int32_t)(seq - f->seq);
	if (ahead < 0) {
		/* a retransmission, or one that overlaps what came */
		if ((size_t)-(int64_t)ahead >= n)
			return 0;
		d += (size_t)-(int64_t)ahead;
		n -= (size_t)-(int64_t)ahead;
	}
	if (f->len == 0)
		f->first_frame = frame;
	f->take_at = f->len;
	f->take_frame = frame;
	int rc = flow_add(f, d, n);
	if (rc == -EMSGSIZE) {
		f->len = f->scan = 0; /* no SIP message is this long: start again */
		rc = 0;
	}
	f->seq += (uint32_t)n;
	return rc;
}

/* The held segments that now follow what f holds, taken in order, the
 * messages each completes read as it is taken (in the packet r). */
static int tcp_drain(struct reader *rd, struct flow *f, const struct pkt_ip *r)
{
	for (bool took = true; took;) {
		took = false;
		for (size_t i = 0; i < f->nooo; i++) {
			struct seg *s = &f->ooo[i];
			if ((int32_t)(s->seq - f->seq) > 0)
				continue;
			int rc = tcp_take(f, s->seq, s->data, s->len, s->frame);
			rd->held -= s->len;
			imsreg_free(s->data);
			*s = f->ooo[--f->nooo];
			if (rc < 0)
				return rc;
			tcp_frame(rd, f, r);
			if (rd->err)
				return rd->err;
			took = true;
			break;
		}
	}
	return 0;
}

/* What f holds, a message cut short (a gap, or the end of the file),
 * emitted as such: decrypted when the flow's packets came in an SA's ESP,
 * whichever packet is being read. TRACE_WS: the WebSocket message whose
 * frames f->wsm gathers. */
static void flow_emit_cut(struct reader *rd, struct flow *f, enum trace_transport t)
{
	const struct trace_esp_sa *esp = rd->esp;
	uint32_t spi = rd->esp_spi;
	const struct pkt_ip *carrier = rd->esp_carrier;
	if (f->esp != esp) {
		rd->esp = f->esp;
		rd->esp_spi = f->esp_spi;
		rd->esp_carrier = NULL;
	}
	if (t == TRACE_WS) /* a WebSocket message in frames, its last not come */
		msg_emit(rd, f->wsm, f->wsm_len, f->wsm_first, &f->ends, t, NULL, true);
	else
		msg_emit(rd, f->buf, f->len, f->first_frame, &f->ends, t, NULL, true);
	rd->esp = esp;
	rd->esp_spi = spi;
	rd->esp_carrier = carrier;
}

/* The WebSocket message f's frames were gathering, cut short (a gap,
 * the end of the file, a new connection), with what came of the frame
 * f's bytes began (its header whole, its payload not): that frame's part
 * of the message, its last. f's bytes are the caller's to drop. */
static void ws_cut(struct reader *rd, struct flow *f)
{
	uint64_t n;
	bool masked;
	size_t h = f->len && !f->ws_skip && !f->ws_lost ? pkt_ws_header(f->buf, f->len, &n, &masked) : 0;
	if (h && n > f->len - h) {
		f->buf[0] &= 0x7f; /* taken as a frame without FIN: the message stays open */
		if (ws_frame(rd, f, h, f->len - h, masked, NULL) < 0)
			return;
	}
	if (f->in_msg && f->wsm_len && starts_sip(f->wsm, f->wsm_len))
		flow_emit_cut(rd, f, TRACE_WS);
	f->in_msg = false;
	f->wsm_len = 0;
}

/* A gap in a WebSocket stream, its bytes up to sequence number to lost:
 * the message f's bytes were in emitted cut short (ws_cut), and where the
 * stream goes on: past the rest of the frame the gap cut, when its header
 * came and the frame goes on beyond the gap, else from the next frame that
 * starts a SIP message. */
static void ws_gap(struct reader *rd, struct flow *f, uint32_t to)
{
	uint64_t n = 0;
	bool masked;
	size_t h = f->len && !f->ws_lost ? pkt_ws_header(f->buf, f->len, &n, &masked) : 0;
	/* the bytes from f's first to `to`; the frame's end, counted the same */
	uint64_t at = (uint32_t)(to - (f->seq - (uint32_t)f->len));
	uint64_t fend = f->ws_skip ? f->ws_skip : h && n <= UINT64_MAX - h ? h + n : 0;
	ws_cut(rd, f);
	f->ws_skip = fend > at ? fend - at : 0;
	f->ws_lost = f->ws_skip == 0;
}

/* Gives up waiting for the bytes before sequence number to (the capture
 * lost them): what f holds is a message cut short, and the stream goes on
 * from to (with the held segments that follow). */
static int tcp_give_up(struct reader *rd, struct flow *f, uint32_t to, const struct pkt_ip *r)
{
	rd->c->gaps += to - f->seq;
	if (f->ws)
		ws_gap(rd, f, to);
	else if (f->len && starts_sip(f->buf, f->len))
		flow_emit_cut(rd, f, TRACE_TCP);
	f->len = f->scan = 0;
	f->seq = to;
	return tcp_drain(rd, f, r);
}

/* The TCP connection's or SCTP association's flow (kind) of the packet
 * being read, r's, with that packet as its last and the SA that opened
 * it (or none); NULL without memory. */
static struct flow *stream_flow(struct reader *rd, enum flow_kind kind, const unsigned char *b, const struct pkt_ip *r)
{
	struct flow *f = flow_get(rd, kind, r->key, r->keyn, b, r);
	if (f) {
		f->last = rd->at;
		f->esp = rd->esp;
		f->esp_spi = rd->esp_spi;
	}
	return f;
}

/* tcp_give_up up to the first held segment. */
static int tcp_skip_gap(struct reader *rd, struct flow *f, const struct pkt_ip *r)
{
	return tcp_give_up(rd, f, ooo_lowest(f), r);
}

static int tcp_segment(struct reader *rd, const unsigned char *b, const struct pkt_ip *r)
{
	struct flow *f = stream_flow(rd, FLOW_TCP, b, r);
	if (!f)
		return -ENOMEM;
	const unsigned char *d = b + r->from;
	size_t n = r->to - r->from;
	if (r->tcp_flags & 0x02) {
		/* SYN: the data start after its sequence number; a new
		 * connection on the same ports forgets the old one's bytes */
		f->have_seq = true;
		f->seq = r->seq + 1;
		if (f->ws)
			ws_cut(rd, f);
		f->len = f->scan = 0;
		f->ws = f->ws_lost = false;
		f->ws_skip = 0;
		ooo_free(rd, f);
		return 0;
	}
	if (n == 0)
		return 0;
	if (!f->have_seq) {
		f->have_seq = true;
		f->seq = r->seq;
	}
	int rc;
	if ((int32_t)(r->seq - f->seq) > 0 && (f->nooo == OOO_MAX || rd->held + n > rd->held_max)) {
		/* too many held (by this flow, or by all of them: a capture
		 * that lost packets of many connections): the bytes before
		 * them are lost, up to the first held segment, or up to this
		 * one when the flow holds none */
		if ((rc = f->nooo ? tcp_skip_gap(rd, f, r) : tcp_give_up(rd, f, r->seq, r)) < 0)
			return rc;
		tcp_frame(rd, f, r);
		if (rd->err)
			return rd->err;
	}
	if ((int32_t)(r->seq - f->seq) > 0) {
		/* ahead of a gap: held until the gap fills */
		return ooo_hold(rd, f, r->seq, d, n, 0);
	}
	if ((rc = tcp_take(f, r->seq, d, n, rd->at.frame)) < 0 || (rc = tcp_drain(rd, f, r)) < 0)
		return rc;
	tcp_frame(rd, f, r);
	flow_idle(f);
	return rd->err;
}

/* ---- SCTP, UDP ------------------------------------------------------- */

/* The DATA chunk d[0, n) of TSN f->seq with flags (RFC 9260 §3.3.1): (B)
 * starts a message, (E) ends it; a chunk of no message begun (the capture
 * lost its start) is dropped. frame: the packet it came in. */
static int sctp_take(struct reader *rd, struct flow *f, unsigned flags, const unsigned char *d, size_t n,
		     uint64_t frame, const struct pkt_ip *r)
{
	f->seq++;
	if (flags & SCTP_B) {
		f->len = 0;
		f->first_frame = frame;
		f->in_msg = true;
	} else if (!f->in_msg) {
		return 0;
	} else if (frame < f->first_frame) {
		f->first_frame = frame; /* a chunk held: it came before its (B) */
	}
	int rc = flow_add(f, d, n);
	if (rc == -EMSGSIZE) {
		f->len = 0;
		f->in_msg = false;
		return 0;
	}
	if (rc < 0)
		return rc;
	if (flags & SCTP_E) {
		if (starts_sip(f->buf, f->len))
			msg_emit(rd, f->buf, f->len, f->first_frame, &f->ends, TRACE_SCTP, r, false);
		f->len = 0;
		f->in_msg = false;
		flow_idle(f);
	}
	return rd->err;
}

/* The held chunks that now come next, taken in TSN order (those of a TSN
 * already taken dropped). */
static int sctp_drain(struct reader *rd, struct flow *f, const struct pkt_ip *r)
{
	for (bool took = true; took && !rd->err;) {
		took = false;
		for (size_t i = 0; i < f->nooo; i++) {
			struct seg s = f->ooo[i];
			if ((int32_t)(s.seq - f->seq) > 0)
				continue;
			f->ooo[i] = f->ooo[--f->nooo];
			rd->held -= s.len;
			int rc = s.seq == f->seq ? sctp_take(rd, f, s.flags, s.data, s.len, s.frame, r) : 0;
			imsreg_free(s.data);
			if (rc < 0)
				return rc;
			took = true;
			break;
		}
	}
	return rd->err;
}

/* Gives up waiting for the chunks before TSN to (the capture lost them):
 * the message they were part of is cut short, and the chunks go on from
 * to (with the held ones that follow). */
static int sctp_give_up(struct reader *rd, struct flow *f, uint32_t to, const struct pkt_ip *r)
{
	rd->c->sctp_gaps += to - f->seq;
	if (f->in_msg && f->len && starts_sip(f->buf, f->len))
		flow_emit_cut(rd, f, TRACE_SCTP);
	f->len = 0;
	f->in_msg = false;
	f->seq = to;
	return sctp_drain(rd, f, r);
}

/* sctp_give_up up to the lowest TSN held. */
static int sctp_skip_gap(struct reader *rd, struct flow *f, const struct pkt_ip *r)
{
	return sctp_give_up(rd, f, ooo_lowest(f), r);
}

/* One DATA chunk of a direction of an association, put in TSN order: a
 * message's chunks take consecutive TSNs (RFC 9260 §6.9), whatever its
 * stream; a chunk of a TSN taken is a retransmission, dropped; one ahead
 * of a gap is held until the gap fills, or until the flow's or the
 * reader's limits (or the end of the capture) say the chunks before it
 * are lost. */
static int sctp_chunk(struct reader *rd, const unsigned char *b, const struct pkt_ip *r)
{
	struct flow *f = stream_flow(rd, FLOW_SCTP, b, r);
	if (!f)
		return -ENOMEM;
	const unsigned char *d = b + r->from;
	size_t n = r->to - r->from;
	unsigned flags = (r->sctp_begin ? SCTP_B : 0) | (r->sctp_end ? SCTP_E : 0);
	int32_t ahead = (int32_t)(r->seq - f->seq);
	int rc;
	if (!f->have_seq || ahead > PKT_SCTP_TSN_WINDOW || ahead < -PKT_SCTP_TSN_WINDOW) {
		/* the first chunk seen, or a new association: the old one's
		 * held chunks read past their gaps, its last message cut
		 * short */
		if (f->have_seq) {
			while (f->nooo && !rd->err)
				if ((rc = sctp_skip_gap(rd, f, r)) < 0)
					return rc;
			if (f->in_msg && f->len && starts_sip(f->buf, f->len))
				flow_emit_cut(rd, f, TRACE_SCTP);
			f->len = 0;
			f->in_msg = false;
		}
		f->have_seq = true;
		f->seq = r->seq;
		ahead = 0;
	}
	if (ahead < 0)
		return rd->err; /* a retransmission */
	if (ahead > 0 && (f->nooo == OOO_MAX || rd->held + n > rd->held_max)) {
		/* too many held: the chunks before them are lost */
		if ((rc = f->nooo ? sctp_skip_gap(rd, f, r) : sctp_give_up(rd, f, r->seq, r)) < 0)
			return rc;
		ahead = (int32_t)(r->seq - f->seq);
		if (ahead < 0)
			return rd->err;
	}
	if (ahead > 0) {
		for (size_t i = 0; i < f->nooo; i++)
			if (f->ooo[i].seq == r->seq)
				return rd->err; /* held already: a retransmission */
		return ooo_hold(rd, f, r->seq, d, n, flags);
	}
	if ((rc = sctp_take(rd, f, flags, d, n, rd->at.frame, r)) < 0)
		return rc;
	return sctp_drain(rd, f, r);
}

/* A HEP3 packet's SIP message: with the addresses, ports and time the
 * capture agent gave (the packet's line says the agent). */
static void hep_message(struct reader *rd, const struct hep3 *h, uint64_t first)
{
	if (!h->payload_len || !starts_sip(h->payload, h->payload_len))
		return;
	struct pkt_at at = rd->at;
	if (h->has_time) {
		rd->at.sec = h->sec;
		rd->at.usec = h->usec;
	}
	rd->hep = h;
	rd->c->hep++;
	msg_emit(rd, h->payload, h->payload_len, first, &h->ends,
		 h->proto == 6 ? TRACE_TCP : h->proto == 132 ? TRACE_SCTP : TRACE_UDP, NULL, false);
	rd->hep = NULL;
	rd->at = at;
}

#define DUP_SCAN 64 /* messages back that udp_copy compares */

/* Whether the UDP message d[0, n) between ends e is a copy of one read
 * within PKT_COPY_US of it (the same packet seen twice): counted, and the
 * first such named. */
static bool udp_copy(struct reader *rd, const unsigned char *d, size_t n, const struct pkt_ends *e)
{
	struct trace_capture *c = rd->c;
	if (!e->ver || !e->ports)
		return false;
	for (size_t i = c->nmsgs, k = 0; i > 0 && k < DUP_SCAN; i--, k++) {
		const struct trace_msg *m = &c->msgs[i - 1];
		if (m->transport != TRACE_UDP || m->len != n ||
		    !pkt_time_copy(m->sec, m->usec, rd->at.sec, rd->at.usec) || !pkt_ends_equal(&m->ends, e) ||
		    memcmp(c->text.ptr + m->offset, d, n) != 0)
			continue;
		if (!c->duplicates++) {
			c->dup_frame = rd->at.frame;
			c->dup_of = m->frame;
		}
		return true;
	}
	return false;
}

static void udp_datagram(struct reader *rd, const unsigned char *b, const struct pkt_ip *r, uint64_t first)
{
	const unsigned char *d = b + r->from;
	size_t n = r->to - r->from;
	struct hep3 h;
	/* (a datagram that reads as HEP but holds no SIP is no SIP either:
	 * hep_message drops it) */
	if ((n >= 6 && d[0] == 'H' && hep3_read(d, n, &h)) || (n >= 16 && d[0] <= 2 && hep12_read(d, n, &h))) {
		hep_message(rd, &h, first);
		return;
	}
	if (!starts_sip(d, n))
		return; /* keep-alives, STUN, RTP, DNS, ... */
	struct pkt_ends e;
	(void)pkt_endpoints(b, r, &e); /* ver 0: none known */
	if (udp_copy(rd, d, n, &e))
		return;
	msg_emit(rd, d, n, first, &e, TRACE_UDP, r, false);
}

/* ---- IP -------------------------------------------------------------- */

static int ip_packet(struct reader *rd, const unsigned char *b, size_t n, uint64_t first);

/* The IP header at p (IPv4's 20 bytes, IPv6's fixed 40, copied from a
 * packet) made the header of a packet of its own: no options, extension
 * headers or fragment offset, a payload of n bytes of protocol proto. */
static void ip_header_set(unsigned char *p, unsigned ver, size_t n, unsigned proto)
{
	if (ver == 4) {
		p[0] = 0x45;
		p[2] = (unsigned char)((20 + n) >> 8);
		p[3] = (unsigned char)(20 + n);
		p[6] = p[7] = 0;
		p[9] = (unsigned char)proto;
	} else {
		p[4] = (unsigned char)(n >> 8);
		p[5] = (unsigned char)n;
		p[6] = (unsigned char)proto;
	}
}

/* A fragment of an IP datagram: kept until every byte of the datagram
 * came, then the datagram read as one packet (the frame of the fragment
 * that came first said as where the message starts). */
static int frag_add(struct reader *rd, const unsigned char *b, const struct pkt_ip *r)
{
	struct flow *f = flow_get(rd, FLOW_FRAG, r->key, r->keyn, b, r);
	if (!f)
		return -ENOMEM;
	size_t off = r->frag_off, len = r->data_end - r->data;
	if (off + len > DGRAM_MAX)
		return 0;
	if (!f->have) {
		/* a datagram's first fragment to come: it is open while
		 * f->have is */
		if (!(f->have = imsreg_calloc(DGRAM_MAX / 8 / 8, 1)))
			return -ENOMEM;
		f->first_frame = rd->at.frame;
		/* its tunnels, then those of the datagram it was joined from */
		f->ntunnels = 0;
		for (unsigned i = 0; i < r->ntunnels && f->ntunnels < PKT_TUNNELS_MAX; i++)
			f->tunnels[f->ntunnels++] = r->tunnels[i];
		for (unsigned i = 0; rd->frag_carrier && i < rd->frag_carrier->ntunnels &&
				     f->ntunnels < PKT_TUNNELS_MAX; i++)
			f->tunnels[f->ntunnels++] = rd->frag_carrier->tunnels[i];
	}
	if (off + len > f->cap) {
		/* the datagram's bytes so far, grown as its fragments come */
		size_t cap = f->cap ? f->cap : 2048;
		while (cap < off + len)
			cap *= 2;
		cap = cap < DGRAM_MAX ? cap : DGRAM_MAX;
		unsigned char *v = imsreg_realloc(f->buf, cap);
		if (!v)
			return -ENOMEM;
		memset(v + f->cap, 0, cap - f->cap); /* a unit a fragment covers in part */
		f->buf = v;
		f->cap = cap;
	}
	if (off == 0) {
		/* the IP header to put before the datagram: IPv4's without
		 * options, IPv6's fixed one (extension headers dropped) */
		f->ver = r->ver;
		memcpy(f->hdr, b + r->ip, r->ver == 4 ? 20 : 40);
	}
	memcpy(f->buf + off, b + r->data, len);
	for (size_t u = off / 8; u < (off + len + 7) / 8; u++)
		f->have[u / 8] |= (unsigned char)(1u << (u % 8));
	if (!r->more) {
		f->total = off + len;
		f->total_known = true;
	}
	if (!f->total_known || !f->ver)
		return 0;
	for (size_t u = 0; u < (f->total + 7) / 8; u++)
		if (!(f->have[u / 8] & (1u << (u % 8))))
			return 0;
	/* whole: one packet of header and payload */
	size_t hl = f->ver == 4 ? 20 : 40;
	unsigned char *p = imsreg_malloc(hl + f->total);
	if (!p)
		return -ENOMEM;
	memcpy(p, f->hdr, hl);
	memcpy(p + hl, f->buf, f->total);
	ip_header_set(p, f->ver, f->total, r->data_proto);
	uint64_t first = f->first_frame;
	size_t total = f->total;
	struct pkt_ip carrier = { .ntunnels = f->ntunnels };
	memcpy(carrier.tunnels, f->tunnels, sizeof carrier.tunnels);
	/* done with: the memory back (a capture may hold many datagrams) */
	f->total_known = false;
	f->ver = 0;
	imsreg_free(f->have);
	imsreg_free(f->buf);
	f->have = f->buf = NULL;
	f->cap = 0;
	/* IPv4's total length and IPv6's payload length are 16 bits */
	const struct pkt_ip *outer = rd->frag_carrier;
	rd->frag_carrier = carrier.ntunnels ? &carrier : NULL;
	int rc = (hl == 20 ? hl + total : total) <= 65535 ? ip_packet(rd, p, hl + total, first) : 0;
	rd->frag_carrier = outer;
	imsreg_free(p);
	return rc;
}

/* The first index of rd->sa_by_spi whose SA has spi (or after it). */
static size_t sa_first(const struct reader *rd, uint32_t spi)
{
	size_t lo = 0, hi = rd->c->nsas;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rd->c->sas[rd->sa_by_spi[mid]].spi < spi)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int sa_cmp(const void *pa, const void *pb, void *arg)
{
	const struct trace_esp_sa *sas = arg;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	uint32_t x = sas[a].spi, y = sas[b].spi;
	return x != y ? (x < y ? -1 : 1) : (a > b) - (a < b);
}

/* rd->sa_by_spi for c->sas: 0 or -ENOMEM. */
static int sas_index(struct reader *rd)
{
	const struct trace_capture *c = rd->c;
	if (!c->nsas)
		return 0;
	if (c->nsas > SIZE_MAX / sizeof *rd->sa_by_spi ||
	    !(rd->sa_by_spi = imsreg_malloc(c->nsas * sizeof *rd->sa_by_spi)))
		return -ENOMEM;
	for (size_t i = 0; i < c->nsas; i++)
		rd->sa_by_spi[i] = i;
	qsort_r(rd->sa_by_spi, c->nsas, sizeof *rd->sa_by_spi, sa_cmp, (void *)c->sas);
	return 0;
}

/* An encrypted ESP packet (r describes b): opened with an SA of c->sas
 * that has its SPI, whose ICV checks and whose padding is whole, the
 * transport segment inside read as the packet (its IP header put before
 * it); else counted encrypted (and, when an SA has its SPI but none
 * checks, with wrong keys). */
static int esp_packet(struct reader *rd, const unsigned char *b, const struct pkt_ip *r, uint64_t first)
{
	struct trace_capture *c = rd->c;
	const unsigned char *esp = b + r->data;
	size_t en = r->data_end - r->data, outn = 0;
	unsigned next = 0;
	const struct trace_esp_sa *sa = NULL;
	bool known = false, checked = false;
	if (r->data_proto != 50 || en < 8 || rd->esp || !c->nsas || (r->ver != 4 && r->ver != 6)) {
		c->encrypted++;
		return 0;
	}
	uint32_t spi = (uint32_t)pkt_u16(esp) << 16 | pkt_u16(esp + 2);
	size_t hl = r->ver == 4 ? 20 : 40;
	if (hl + en > rd->esp_cap) {
		/* one buffer for the capture's ESP (packets open one at a
		 * time: ESP is not opened inside ESP) */
		unsigned char *v = imsreg_realloc(rd->esp_buf, hl + en);
		if (!v)
			return -ENOMEM;
		rd->esp_buf = v;
		rd->esp_cap = hl + en;
	}
	unsigned char *p = rd->esp_buf;
	for (size_t k = sa_first(rd, spi); k < c->nsas && !sa; k++) {
		const struct trace_esp_sa *s = &c->sas[rd->sa_by_spi[k]];
		if (s->spi != spi)
			break;
		known = true;
		int rc = esp_open(s, esp, en, p + hl, &outn, &next);
		if (rc == -ENOMEM)
			return rc;
		checked |= rc == 1 || rc == -EBADMSG; /* its ICV checked */
		if (rc == 1)
			sa = s;
	}
	if (!sa) {
		c->encrypted++;
		c->esp_icv_bad += known && !checked;
		return 0;
	}
	c->decrypted++;
	/* the IP header, its protocol the one ESP carried (options and
	 * extension headers dropped) */
	memcpy(p, b + r->ip, hl);
	ip_header_set(p, r->ver, outn, next);
	rd->esp = sa;
	rd->esp_spi = spi;
	rd->esp_carrier = r;
	int rc = ip_packet(rd, p, hl + outn, first);
	rd->esp = NULL;
	rd->esp_carrier = NULL; /* r is the caller's */
	return rc;
}

/* The IP packet at b[0, n); first: the frame its first bytes came in. */
static int ip_packet(struct reader *rd, const unsigned char *b, size_t n, uint64_t first)
{
	struct pkt_ip r = { .chunk = 0 };
	if (!pkt_ip_payload(b, n, &r))
		return r.esp_enc ? esp_packet(rd, b, &r, first) : 0;
	/* ESP read as NULL-encrypted by its trailer's shape (one packet in
	 * a hundred or so of an encrypted SA has it by chance): with an
	 * encrypting SA of its SPI, opened by its keys */
	if (r.esp && !rd->esp) {
		for (size_t k = sa_first(rd, r.spi); k < rd->c->nsas; k++) {
			const struct trace_esp_sa *s = &rd->c->sas[rd->sa_by_spi[k]];
			if (s->spi != r.spi)
				break;
			if (s->cipher != TRACE_ESP_NULL) {
				r.esp_enc = true;
				return esp_packet(rd, b, &r, first);
			}
		}
	}
	if (r.frag || r.more)
		return frag_add(rd, b, &r);
	if (r.proto == 17) {
		udp_datagram(rd, b, &r, first);
		return rd->err;
	}
	if (r.tcp)
		return tcp_segment(rd, b, &r);
	if (r.proto == 132) {
		for (unsigned k = 0;; k++) {
			int rc = sctp_chunk(rd, b, &r);
			if (rc < 0 || !r.sctp_more)
				return rc;
			r = (struct pkt_ip){ .chunk = k + 1 };
			if (!pkt_ip_payload(b, n, &r))
				return 0;
		}
	}
	return 0;
}

/* The IP packet in a frame of the link layer dlt: its offset, or -1;
 * *l the VLAN ids and MPLS labels it was under. */
static long link_ip(int dlt, const unsigned char *b, size_t n, struct pkt_link *l)
{
	size_t o;
	*l = (struct pkt_link){ 0 };
	switch (dlt) {
	case DLT_EN10MB: /* VLAN tags, MPLS, PPPoE: pkt_ether_ip */
		o = pkt_ether_ip(b, n, l);
		return o ? (long)o : -1;
	case DLT_LINUX_SLL:
		o = n >= 16 ? pkt_ethertype_ip(pkt_u16(b + 14), b, 16, n, l) : 0;
		return o ? (long)o : -1;
	case DLT_LINUX_SLL2:
		o = n >= 20 ? pkt_ethertype_ip(pkt_u16(b), b, 20, n, l) : 0;
		return o ? (long)o : -1;
	case DLT_RAW:
	case DLT_IPV4:
	case DLT_IPV6:
		return 0;
	case DLT_NULL:
	case DLT_LOOP:
		return n >= 4 ? 4 : -1; /* the address family (either order): the IP version says */
	default:
		return -1;
	}
}

static const char *link_name(int dlt)
{
	switch (dlt) {
	case DLT_EN10MB: return "Ethernet";
	case DLT_LINUX_SLL: return "Linux cooked";
	case DLT_LINUX_SLL2: return "Linux cooked v2";
	case DLT_RAW: case DLT_IPV4: case DLT_IPV6: return "raw IP";
	case DLT_NULL: case DLT_LOOP: return "BSD loopback";
	default: return NULL;
	}
}

/* ---- the file -------------------------------------------------------- */

void trace_capture_init(struct trace_capture *c)
{
	memset(c, 0, sizeof *c);
	buf_init(&c->text);
	buf_init(&c->lines);
}

void trace_capture_fini(struct trace_capture *c)
{
	buf_fini(&c->text);
	buf_fini(&c->lines);
	imsreg_free(c->msgs);
	trace_capture_init(c);
}

/* At the end of the file: the messages flows still hold, cut short. */
static void flows_finish(struct reader *rd)
{
	for (size_t i = 0; i < rd->nflows && !rd->err; i++) {
		struct flow *f = &rd->flows[i];
		if (f->key[0] == FLOW_FRAG) {
			rd->c->frag_open += f->have != NULL;
			continue;
		}
		rd->at = f->last;
		if (f->key[0] == FLOW_TCP) {
			while (f->nooo && !rd->err) {
				if (tcp_skip_gap(rd, f, NULL) < 0) {
					rd->err = -ENOMEM;
					break;
				}
				tcp_frame(rd, f, NULL);
			}
		} else {
			while (f->nooo && !rd->err)
				if (sctp_skip_gap(rd, f, NULL) < 0)
					rd->err = -ENOMEM;
		}
		if (f->ws)
			ws_cut(rd, f);
		else if (f->len && starts_sip(f->buf, f->len) && (f->key[0] == FLOW_TCP || f->in_msg))
			flow_emit_cut(rd, f, f->key[0] == FLOW_SCTP ? TRACE_SCTP : TRACE_TCP);
	}
}

static void reader_fini(struct reader *rd)
{
	for (size_t i = 0; i < rd->nflows; i++) {
		struct flow *f = &rd->flows[i];
		ooo_free(rd, f);
		imsreg_free(f->buf);
		imsreg_free(f->have);
		imsreg_free(f->wsm);
	}
	imsreg_free(rd->flows);
	imsreg_free(rd->buckets);
	imsreg_free(rd->sa_by_spi);
	imsreg_free(rd->esp_buf);
}

/* One packet of link layer dlt: its IP packet read. */
static void link_packet(struct reader *rd, int dlt, const unsigned char *b, size_t caplen, size_t len,
			int64_t sec, uint32_t usec)
{
	struct trace_capture *c = rd->c;
	rd->at.frame = ++c->packets;
	rd->at.sec = sec;
	rd->at.usec = usec;
	c->end_frame = c->packets;
	if (c->packets == 1 || sec > c->end_sec || (sec == c->end_sec && usec > c->end_usec)) {
		c->end_sec = sec;
		c->end_usec = usec;
	}
	long o = link_ip(dlt, b, caplen, &rd->at.link);
	if (o < 0) {
		c->other_link += !link_name(dlt);
		return;
	}
	size_t before = c->nmsgs;
	int prc = ip_packet(rd, b + o, caplen - (size_t)o, rd->at.frame);
	if (prc < 0)
		rd->err = prc;
	c->truncated += caplen < len && c->nmsgs == before;
}

/* The link layers of a pcapng whose interfaces have several, named in
 * the order they come ("Ethernet, Linux cooked"). */
static void links_name(struct trace_capture *c, const struct pcapng *r)
{
	size_t n = 0;
	int seen[8];
	size_t nseen = 0;
	c->link_text[0] = '\0';
	for (size_t i = 0; i < r->nifs && nseen < 8; i++) {
		int dlt = r->ifs[i].dlt;
		bool dup = false;
		for (size_t k = 0; k < nseen; k++)
			dup |= seen[k] == dlt;
		if (dup)
			continue;
		seen[nseen++] = dlt;
		const char *name = link_name(dlt);
		char other[32];
		if (!name) {
			snprintf(other, sizeof other, "link type %d", dlt);
			name = other;
		}
		int w = snprintf(c->link_text + n, sizeof c->link_text - n, "%s%s", n ? ", " : "", name);
		if (w < 0 || (size_t)w >= sizeof c->link_text - n)
			break;
		n += (size_t)w;
	}
	c->link = c->link_text[0] ? c->link_text : NULL;
}

/* A pcapng read block by block (pcapng.c), each packet with its own
 * interface's link layer: the file libpcap does not read whole. */
static void read_pcapng(struct reader *rd, const void *data, size_t len)
{
	struct trace_capture *c = rd->c;
	struct pcapng r;
	struct pcapng_packet p;
	int rc;
	size_t nifs = 0;
	pcapng_init(&r, data, len);
	while (!rd->err && (rc = pcapng_next(&r, &p)) == 1) {
		if (r.nifs != nifs) {
			nifs = r.nifs;
			links_name(c, &r);
		}
		link_packet(rd, p.dlt, p.data, p.caplen, p.len, p.sec, p.usec);
	}
	if (!rd->err && rc == -ENOMEM)
		rd->err = -ENOMEM;
	else if (!rd->err && rc < 0)
		snprintf(c->error, sizeof c->error, "%s", r.error);
	if (!rd->err && !c->link)
		links_name(c, &r);
	pcapng_fini(&r);
}

int trace_capture_read(struct trace_capture *c, const void *data, size_t len)
{
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	struct reader rd = { .c = c, .held_max = c->hold_max ? c->hold_max : HELD_MAX };
	c->error[0] = '\0';
	if (sas_index(&rd) < 0)
		return -ENOMEM;
	if (pcapng_is(data, len) && (c->own_pcapng || pcapng_libpcap_refuses(data, len))) {
		read_pcapng(&rd, data, len);
		if (!rd.err)
			flows_finish(&rd);
		reader_fini(&rd);
		return rd.err;
	}
	FILE *fp = fmemopen((void *)data, len, "rb");
	if (!fp) {
		reader_fini(&rd);
		return errno == ENOMEM ? -ENOMEM : -EBADMSG;
	}
	pcap_t *pc = pcap_fopen_offline_with_tstamp_precision(fp, PCAP_TSTAMP_PRECISION_MICRO, errbuf);
	if (!pc) {
		reader_fini(&rd);
		fclose(fp);
		snprintf(c->error, sizeof c->error, "%s", errbuf[0] ? errbuf : "not a capture file libpcap reads");
		return -EBADMSG;
	}
	int dlt = pcap_datalink(pc);
	c->link = link_name(dlt);
	struct pcap_pkthdr *ph;
	const u_char *pb;
	int rc;
	while (!rd.err && (rc = pcap_next_ex(pc, &ph, &pb)) == 1) {
		/* pcap's seconds are unsigned 32 bits, which libpcap gives
		 * sign-extended: after 2038 they read as before 1970 */
		link_packet(&rd, dlt, pb, ph->caplen, ph->len,
			    ph->ts.tv_sec < 0 ? (int64_t)(uint32_t)ph->ts.tv_sec : (int64_t)ph->ts.tv_sec,
			    (uint32_t)ph->ts.tv_usec);
	}
	if (!rd.err && rc == PCAP_ERROR)
		snprintf(c->error, sizeof c->error, "%s", pcap_geterr(pc));
	if (!rd.err)
		flows_finish(&rd);
	pcap_close(pc); /* closes fp */
	reader_fini(&rd);
	return rd.err;
}
