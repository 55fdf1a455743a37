/* hdr_id.h: internal to src/sip: the header-name lookup of the parser,
 * inline so the header split pays no call per field. */
#ifndef IMSREG_SIP_HDR_ID_H
#define IMSREG_SIP_HDR_ID_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <imsreg/sip.h>

/* Longest known name: "P-Charging-Function-Addresses". */
#define SIP_HDR_MAX_NAME 29

extern const unsigned char sip_hdr_by_hash[256];
extern const char sip_hdr_lower_name[SIP_HDR__COUNT][32];
extern const unsigned char sip_hdr_name_len[SIP_HDR__COUNT];
extern const unsigned char sip_hdr_compact_id[26];

/* A perfect hash of (first, middle, last byte in lower case, length) over
 * the known names: one probe, then one compare. The multipliers come from
 * a search over the name table; a new name needs a new search (hdr_id_test
 * fails on any collision or miss). */
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

/* Case-insensitive compare of name bytes with a lower-case known name: OR
 * 0x20 lowers letters and maps no byte but CR onto a letter or '-' (the
 * caller excludes CR). With 32 bytes readable from p, whole words. */
static inline bool sip_hdr_name_eq(const unsigned char *p, size_t len, size_t avail,
				   const char *lname)
{
	if (avail >= 32) {
		static const unsigned char ones[16] = { 255, 255, 255, 255, 255, 255, 255, 255 };
		const uint64_t low = 0x2020202020202020ull;
		/* whole words, then the last 1-8 bytes under a mask */
		size_t k = 0;
		while (len - k > 8) {
			if ((sip_hdr_load64(p + k) | low) != sip_hdr_load64(lname + k))
				return false;
			k += 8;
		}
		uint64_t mask = sip_hdr_load64(ones + 8 - (len - k));
		return (((sip_hdr_load64(p + k) | low) ^ sip_hdr_load64(lname + k)) & mask) == 0;
	}
	for (size_t i = 0; i < len; i++)
		if ((p[i] | 0x20) != (unsigned char)lname[i])
			return false;
	return true;
}

/* sip_hdr_lookup for name[0..len), a run of token bytes (no CR), when
 * `avail` bytes are readable from name (avail >= len). */
static inline enum sip_hdr_id sip_hdr_lookup_at(const char *name, size_t len, size_t avail)
{
	const unsigned char *p = (const unsigned char *)name;
	if (len == 1) {
		unsigned c = (unsigned)(p[0] | 0x20) - 'a';
		return c < 26 ? (enum sip_hdr_id)sip_hdr_compact_id[c] : SIP_HDR_OTHER;
	}
	if (len < 2 || len > SIP_HDR_MAX_NAME)
		return SIP_HDR_OTHER;
	unsigned id = sip_hdr_by_hash[sip_hdr_name_hash(p, len)];
	if (id && sip_hdr_name_len[id] == len && sip_hdr_name_eq(p, len, avail, sip_hdr_lower_name[id]))
		return (enum sip_hdr_id)id;
	return SIP_HDR_OTHER;
}

#endif
