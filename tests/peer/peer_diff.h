/* peer_diff.h: what the value-by-value comparisons of our parse with a peer
 * library's parse of the same bytes share (sofia_diff.c, osip_diff.c): our
 * side's verdict, the normalisations that forgive a representation
 * difference, the mismatch count and callback, and walks over our fields. */
#ifndef IMSREG_TESTS_PEER_DIFF_H
#define IMSREG_TESTS_PEER_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <imsreg/sip.h>

/* Called once for each value that differs: what it is ("via branch"), ours as
 * written and the peer's (NULL when the peer has none). */
typedef void peer_diff_cb(void *ctx, const char *what, struct slice ours, const char *peer);

/* Who accepts a message: each peer's verdict enum has these values. */
enum peer_verdict {
	PEER_BOTH,      /* both accept: values compared */
	PEER_OURS_ONLY, /* ours accepts, the peer refuses */
	PEER_PEER_ONLY, /* the peer accepts, ours refuses */
	PEER_NEITHER,
};

/* How a value is normalised before it is compared. */
enum peer_norm {
	NORM_NONE,
	NORM_PCT,    /* %HH decoded */
	NORM_QUOTED, /* surrounding quotes and quoted-pair backslashes removed */
	NORM_NUM,    /* leading zeros removed */
	NORM_CASE,   /* ASCII case folded */
	NORM_PCT_CASE, /* %HH decoded, then ASCII case folded */
};

struct peer_diff {
	peer_diff_cb *cb;
	void *ctx;
	unsigned n;                /* mismatches so far */
	const struct sip_msg *msg; /* ours */
};

/* Ours and the peer's the same after normalisation; an absent value of one
 * side equals only an absent or empty one of the other. */
bool peer_same_as(struct slice ours, const char *peer, enum peer_norm how);
/* The mismatch named when ours does not decode a value its own check
 * passed (a fault of ours, whatever the peer says). */
extern const char peer_decode_failed[];
void peer_mismatch(struct peer_diff *d, const char *what, struct slice ours, const char *peer);
void peer_cmp(struct peer_diff *d, const char *what, struct slice ours, const char *peer,
	      enum peer_norm how);
void peer_cmp_u32(struct peer_diff *d, const char *what, uint32_t ours, const char *peer);
/* The first field of id when the peer has the header too (present); when
 * only one side has it, a mismatch, and NULL as when neither has. */
const struct sip_hdr *peer_on_both(struct peer_diff *d, enum sip_hdr_id id, bool present,
				   const char *what);
/* One parameter of ours against the peer's name (nl bytes) and value (NULL
 * when it has none): the name as written, the value without its quotes and
 * quoted-pairs (a peer may keep them). */
void peer_param_cmp(struct peer_diff *d, const char *what, const struct sip_param *p,
		    const char *name, size_t nl, const char *value);

/* The peer's next parameter of a header: its name (*nl bytes) and value
 * (NULL when it has none); false after the last. */
typedef bool peer_param_next_fn(void *it, const char **name, size_t *nl, const char **value);
/* Our generic-params (ours as sip_param_next gives them) against the
 * peer's, one by one in order (peer_param_cmp), and their count. */
void peer_params_cmp(struct peer_diff *d, const char *what, struct slice ours,
		     peer_param_next_fn *next, void *it);

/* The size of the buffers a peer comparison copies or rewrites a value
 * into: the fuzz targets' -max_len (8192), so that every value of their
 * inputs fits (osip_diff's lws_as_sp gives back a longer one as written,
 * folds and all; sofia_diff compares a longer media type with its SWS). */
#define PEER_VALUE_CAP 8192

/* The elements of every header of one id, in message order. */
struct peer_elems {
	const struct sip_msg *msg;
	const struct sip_hdr *h;
	struct sip_list it;
	bool open;
	bool blank; /* a field of white space alone is one empty element */
};
void peer_elems_init(struct peer_elems *e, const struct sip_msg *msg, enum sip_hdr_id id);
/* The same, but a field with no element (an empty Accept: RFC 3261 §20.1,
 * "no acceptable formats") gives one element of no byte, as a peer that
 * keeps it as an entry of its own does. */
void peer_elems_init_blank(struct peer_elems *e, const struct sip_msg *msg, enum sip_hdr_id id);
bool peer_elems_next(struct peer_elems *e, struct slice *item);

/* A peer's two halves: its parse of data compared with ours (-1 when it
 * refuses data, else the number of cb calls: sofia_diff_values), and
 * whether it accepts data at all. */
typedef int peer_values_fn(const struct sip_msg *ours, const char *data, size_t len,
			   peer_diff_cb *cb, void *ctx);
typedef bool peer_accepts_fn(const char *data, size_t len);

/* Ours parses data (peer_ours_accepts); when it accepts, the peer gets
 * exactly the bytes of the message ours found (what follows is not
 * compared), else the whole input. Calls cb for every value that differs
 * when both accept. Returns the verdict; *mismatches (when not NULL) gets
 * the number of cb calls. */
enum peer_verdict peer_diff_message(const char *data, size_t len, peer_values_fn *values,
				    peer_accepts_fn *accepts, peer_diff_cb *cb, void *ctx,
				    unsigned *mismatches);

/* Our verdict on data: sip_msg_parse (strict) and sip_msg_check pass, and no
 * field value holds a control byte, as the rule book asks (the check leaves
 * the fields it does not decode to it). msg is initialised over hdrs (cap). */
bool peer_ours_accepts(struct sip_msg *msg, struct sip_hdr *hdrs, uint16_t cap, const char *data,
		       size_t len);

#endif
