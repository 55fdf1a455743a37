/* hdr_id.h: internal to src/sip: the header-name lookup of the parser,
 * inline so the header split pays no call per field. */
#ifndef IMSREG_SIP_HDR_ID_H
#define IMSREG_SIP_HDR_ID_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/sip.h>

/* A flags bit of sip_msg_parse for tests: the careful loop alone, without
 * the fast path of the header split (the two must agree on every input). */
#define SIP_PARSE__CAREFUL (1u << 30)

/* Longest known name: "P-Charging-Function-Addresses". */
#define SIP_HDR_MAX_NAME 29

extern const unsigned char sip_hdr_by_hash[256];
extern const unsigned char sip_hdr_by_word_hash[256];
extern const char sip_hdr_lower_name[SIP_HDR__COUNT][32];
extern const unsigned char sip_hdr_name_len[SIP_HDR__COUNT];
extern const char sip_hdr_case_mask[SIP_HDR__COUNT][32];
extern const unsigned char sip_hdr_compact_id[26];

/* A perfect hash of (first, middle, last byte in lower case, length) over
 * the known names: one probe, then one compare. The multipliers come from
 * a search over the name table; a new name needs a new search (hdr_id_test
 * fails on any collision or miss). */
/* The first ':' in [p, lim), or NULL: eight bytes at a time where the byte
 * order allows (the zero-byte test; the lowest flagged byte is exact). */
static inline const char *sip_hdr_colon_find(const char *p, const char *lim)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (lim - p >= 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		v ^= 0x3a3a3a3a3a3a3a3aull;
		uint64_t z = (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
		if (z)
			return p + (__builtin_ctzll(z) >> 3);
		p += 8;
	}
#endif
	while (p < lim && *p != ':')
		p++;
	return p < lim ? p : NULL;
}

static inline unsigned sip_hdr_name_hash(const unsigned char *p, size_t len)
{
	return (((unsigned)(p[0] | 0x20) * 193 + (unsigned)(p[len >> 1] | 0x20) * 180 +
		 (unsigned)(p[len - 1] | 0x20) * 24 + (unsigned)len * 220) >> 3) & 255;
}

static inline uint64_t sip_hdr_load64(const void *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

/* Case-insensitive compare with a known name: each byte ORed with the
 * name's case mask (0x20 on letters, 0 on '-') equals the lower-case name
 * only when it is that letter in either case, or that '-'. So a match also
 * proves the bytes are a token. With 32 bytes readable from p, whole words. */
static inline bool sip_hdr_name_eq(const unsigned char *p, size_t len, size_t avail, unsigned id)
{
	const char *lname = sip_hdr_lower_name[id], *cmask = sip_hdr_case_mask[id];
	if (avail >= 32) {
		static const unsigned char ones[16] = { 255, 255, 255, 255, 255, 255, 255, 255 };
		/* whole words, then the last 1-8 bytes under a length mask */
		size_t k = 0;
		while (len - k > 8) {
			if ((sip_hdr_load64(p + k) | sip_hdr_load64(cmask + k)) != sip_hdr_load64(lname + k))
				return false;
			k += 8;
		}
		uint64_t mask = sip_hdr_load64(ones + 8 - (len - k));
		return (((sip_hdr_load64(p + k) | sip_hdr_load64(cmask + k)) ^ sip_hdr_load64(lname + k)) &
			mask) == 0;
	}
	for (size_t i = 0; i < len; i++)
		if ((p[i] | (unsigned char)cmask[i]) != (unsigned char)lname[i])
			return false;
	return true;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The fast path: a multiplicative perfect hash of the first and last eight
 * bytes (case folded) and the length, then compares of the same words.
 * Needs 8 bytes readable from p and 2 <= len <= SIP_HDR_MAX_NAME. To add a
 * name: with w1 = first min(len, 8) bytes in lower case (little-endian,
 * zero-padded), w2 = last 8 bytes when len > 8 else 0, try random odd
 * 64-bit M until ((w1 ^ rotl(w2, 7) ^ len) * M) >> 56 differs for every
 * name (about 20,000 tries for 70 names), then rebuild sip_hdr_by_word_hash;
 * do the same for sip_hdr_name_hash / sip_hdr_by_hash. */
static inline enum sip_hdr_id sip_hdr_lookup_words(const unsigned char *p, size_t len)
{
	static const unsigned char ones[16] = { 255, 255, 255, 255, 255, 255, 255, 255 };
	const uint64_t fold = 0x2020202020202020ull;
	uint64_t lm = len >= 8 ? ~0ull : sip_hdr_load64(ones + 8 - len);
	uint64_t raw1 = sip_hdr_load64(p), raw2 = 0, w2 = 0;
	if (len > 8) {
		raw2 = sip_hdr_load64(p + len - 8);
		w2 = raw2 | fold;
	}
	uint64_t w1 = (raw1 | fold) & lm;
	uint64_t key = w1 ^ ((w2 << 7) | (w2 >> 57)) ^ len;
	unsigned id = sip_hdr_by_word_hash[(key * 0x486dfb3e31161cadull) >> 56];
	if (!id || sip_hdr_name_len[id] != len)
		return SIP_HDR_OTHER;
	const char *lname = sip_hdr_lower_name[id], *cmask = sip_hdr_case_mask[id];
	if (((raw1 | sip_hdr_load64(cmask)) ^ sip_hdr_load64(lname)) & lm)
		return SIP_HDR_OTHER;
	if (len > 8) {
		if ((raw2 | sip_hdr_load64(cmask + len - 8)) != sip_hdr_load64(lname + len - 8))
			return SIP_HDR_OTHER;
		for (size_t k = 8; k + 8 < len; k += 8)
			if ((sip_hdr_load64(p + k) | sip_hdr_load64(cmask + k)) != sip_hdr_load64(lname + k))
				return SIP_HDR_OTHER;
	}
	return (enum sip_hdr_id)id;
}
#endif

/* The header split's lookup: the name as written with the ':' after it.
 * Long and compact forms are entries of one perfect hash; an entry's name
 * is stored lower case with its ':', so a match also proves the length.
 * Key (bytes ORed with 0x20, little-endian words): the n <= 8 bytes of
 * name and ':' zero-padded, or w1 ^ w2 of the first and last eight
 * (then ORed with 0x20 in every byte); slot = key * SIP_HDR_COLON_MUL
 * >> 56, found by a search over odd multipliers like the one above (a
 * new name needs a new search); hdr_id_test checks every entry and the
 * tables against hdr_table. */
struct sip_hdr_colon_entry {
	char name[32]; /* lower case, ':', zeros */
	char mask[32]; /* 0x20 where name has a letter, else 0 */
};
struct sip_hdr_colon_table {
	uint64_t w0name[96], w0mask[96];       /* the first word of e[i] */
	uint64_t wlname[96], wlmask[96];       /* the last word of e[i] when
						* its name and ':' pass 8 bytes
						* (0 for the others) */
	uint64_t lenmask[9];                   /* the low n bytes */
	uint64_t foldm[9];                     /* 0x20 in the low n bytes */
	unsigned char slot[256];               /* entry by hash, 0 for none */
	unsigned char id[96];                  /* enum sip_hdr_id by entry */
	unsigned char klen[96];                /* length of e[i].name before ':' */
	struct sip_hdr_colon_entry e[96];
};
#define SIP_HDR_COLON_MUL 0xa3a76a2fde6bee59ull
#define SIP_HDR_COLON_ENTRIES 88
extern const struct sip_hdr_colon_table sip_hdr_colon;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The id of the name p[0..k) where p[k] == ':' (1 <= k), with
 * max(k + 1, 8) bytes readable from p: SIP_HDR_OTHER when unknown (n > 30, or
 * any byte not that of a known name: a match proves a token). */
static inline enum sip_hdr_id sip_hdr_lookup_colon_at(const char *p, size_t k)
{
	const struct sip_hdr_colon_table *t = &sip_hdr_colon;
	const uint64_t fold = 0x2020202020202020ull;
	const struct sip_hdr_colon_entry *e;
	uint64_t raw = sip_hdr_load64(p);
	unsigned i, id;
	if (k < 8) {
		/* the k + 1 bytes alone, compared whole: past them the
		 * entry's name is zeros, and a shorter entry's ':' meets a
		 * byte of ours that is no ':' (the first is at k) */
		uint64_t w = raw & t->lenmask[k + 1];
		i = t->slot[((w | t->foldm[k + 1]) * SIP_HDR_COLON_MUL) >> 56];
		if ((w | t->w0mask[i]) != t->w0name[i])
			return SIP_HDR_OTHER;
	} else {
		/* no test of k > SIP_HDR_MAX_NAME: every load below is of
		 * p[0..k], and klen refuses such a k */
		/* the two words XORed, then folded: bit 5 of a byte is
		 * the case of a letter in either word, so it is set after
		 * the XOR (one fold for both words) */
		uint64_t raw2 = sip_hdr_load64(p + k - 7);
		uint64_t key = (raw ^ raw2) | fold;
		i = t->slot[(key * SIP_HDR_COLON_MUL) >> 56];
		/* the last word from its own array: the same index as the
		 * first, no entry address to form (most long names are
		 * 16 bytes or less with their ':'). Two words that match
		 * prove no length ("abcdefghcdefghi:" has the first and
		 * last word of "abcdefghi:"): klen does. */
		if ((raw | t->w0mask[i]) != t->w0name[i] || (raw2 | t->wlmask[i]) != t->wlname[i] ||
		    t->klen[i] != k)
			return SIP_HDR_OTHER;
		if (k > 15) {
			e = &t->e[i];
			if ((sip_hdr_load64(p + 8) | sip_hdr_load64(e->mask + 8)) !=
			    sip_hdr_load64(e->name + 8))
				return SIP_HDR_OTHER;
			if (k > 23 && (sip_hdr_load64(p + 16) | sip_hdr_load64(e->mask + 16)) !=
					      sip_hdr_load64(e->name + 16))
				return SIP_HDR_OTHER;
		}
	}
	/* a name matched: its entry is no empty one (hdr_id_test) */
	id = t->id[i];
	if (!id)
		__builtin_unreachable();
	return (enum sip_hdr_id)id;
}

/* The same for n = k + 1 (p[n - 1] == ':'). */
static inline enum sip_hdr_id sip_hdr_lookup_colon(const char *p, size_t n)
{
	return sip_hdr_lookup_colon_at(p, n - 1);
}
#endif

/* sip_hdr_lookup for name[0..len) (any bytes) when `avail` bytes are
 * readable from name (avail >= len). */
static inline enum sip_hdr_id sip_hdr_lookup_at(const char *name, size_t len, size_t avail)
{
	const unsigned char *p = (const unsigned char *)name;
	if (len == 1) {
		unsigned c = (unsigned)(p[0] | 0x20) - 'a';
		return c < 26 ? (enum sip_hdr_id)sip_hdr_compact_id[c] : SIP_HDR_OTHER;
	}
	if (len < 2 || len > SIP_HDR_MAX_NAME)
		return SIP_HDR_OTHER;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (avail >= 8)
		return sip_hdr_lookup_words(p, len);
#endif
	unsigned id = sip_hdr_by_hash[sip_hdr_name_hash(p, len)];
	if (id && sip_hdr_name_len[id] == len && sip_hdr_name_eq(p, len, avail, id))
		return (enum sip_hdr_id)id;
	return SIP_HDR_OTHER;
}

#endif
