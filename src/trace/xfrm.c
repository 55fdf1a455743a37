/* xfrm.c: the ESP SAs of `ip xfrm state`'s text (iproute2's ip-xfrm(8);
 * what its xfrm_state_print writes):
 *
 *   src 10.0.0.1 dst 10.0.0.2
 *   	proto esp spi 0x00001234 reqid 1 mode transport
 *   	replay-window 0
 *   	auth-trunc hmac(sha1) 0x0102...14 96
 *   	enc cbc(aes) 0x0001...0f
 *   	sel src 10.0.0.1/32 dst 10.0.0.2/32 sport 5062 dport 5068
 *
 * A state begins at a line "src ADDR dst ADDR" (at its start); the lines
 * after it that begin with white space are its attributes: "proto esp spi
 * 0x...", and the algorithms with their keys: "auth NAME 0xKEY", "auth-trunc
 * NAME 0xKEY BITS", "enc NAME 0xKEY", "aead NAME 0xKEY BITS" (the key of
 * rfc4106(gcm(aes)) ends with its 4-byte salt), and the flags ("flag
 * af-unspec esn" after replay-window: esn, extended sequence numbers).
 * Other lines and attributes (anti-replay context, lifetimes, statistics,
 * sel, encap) are not read. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <openssl/crypto.h>
#include <imsreg/alloc.h>
#include <imsreg/codec.h>
#include <imsreg/trace.h>

void trace_xfrm_fini(struct trace_xfrm *x)
{
	if (x->sas)
		OPENSSL_cleanse(x->sas, x->nsas * sizeof *x->sas); /* keys */
	imsreg_free(x->sas);
	memset(x, 0, sizeof *x);
}

/* A state being read. */
struct state {
	bool esp, has_spi, has_auth, has_enc, has_aead;
	unsigned line;
	struct trace_esp_sa sa;
	const char *skip;          /* why it cannot be used (NULL: it can) */
	char what[64];             /* the algorithm that was not */
};

static int fail(struct trace_xfrm *x, unsigned line, const char *ls, const char *at, const char *why)
{
	x->line = line;
	x->col = (unsigned)(at - ls) + 1;
	x->error = why;
	return -EBADMSG;
}

/* The next token of the line [*p, end): its start, *len its length, *p
 * after it; NULL at the line's end. */
static const char *token(const char **p, const char *end, size_t *len)
{
	const char *s = *p;
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	const char *e = s;
	while (e < end && *e != ' ' && *e != '\t' && *e != '\r')
		e++;
	*p = e;
	*len = (size_t)(e - s);
	return s < e ? s : NULL;
}

static bool tok_is(const char *t, size_t n, const char *lit)
{
	return t && n == strlen(lit) && memcmp(t, lit, n) == 0;
}

/* "0x" and an even number of hex digits (at most cap bytes) into out:
 * their count, or -1. */
static long hex_key(const char *t, size_t n, uint8_t *out, size_t cap)
{
	if (n < 2 || t[0] != '0' || (t[1] | 0x20) != 'x')
		return -1;
	int got = hex_decode_any(out, cap, slice_make(t + 2, n - 2));
	return got < 0 ? -1 : got;
}

/* A decimal number below 2^16 at t[0, n), or -1. */
static long small_num(const char *t, size_t n)
{
	long v = 0;
	if (!t || n == 0 || n > 5)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (t[i] < '0' || t[i] > '9')
			return -1;
		v = v * 10 + (t[i] - '0');
	}
	return v;
}

static void skip_alg(struct state *st, const char *kind, const char *name, size_t nl)
{
	if (st->skip)
		return;
	st->skip = kind;
	snprintf(st->what, sizeof st->what, "%.*s", (int)(nl < 48 ? nl : 48), name);
}

/* One algorithm line (line ls, its kind in k, the rest at *p). */
static int algorithm(struct trace_xfrm *x, struct state *st, unsigned line, const char *ls, const char *k,
		     size_t kn, const char **p, const char *end)
{
	size_t nl, kl = 0, bl = 0;
	const char *name = token(p, end, &nl);
	if (!name)
		return fail(x, line, ls, k + kn, "an algorithm without its name");
	/* the key (not there for an empty one, nor with nokeys), then for
	 * auth-trunc and aead the ICV's length in bits */
	bool trunc = tok_is(k, kn, "auth-trunc"), aead = tok_is(k, kn, "aead");
	const char *key = token(p, end, &kl), *bits = NULL;
	if (key && !(kl >= 2 && key[0] == '0' && (key[1] | 0x20) == 'x')) {
		bits = key;
		bl = kl;
		key = NULL;
	} else if (trunc || aead) {
		bits = token(p, end, &bl);
	}
	long nbits = bits ? small_num(bits, bl) : -1;
	if ((trunc || aead) && nbits < 0)
		return fail(x, line, ls, bits ? bits : *p, "expected the ICV's length in bits after the key");
	if ((trunc || aead) && (nbits == 0 || nbits % 8))
		skip_alg(st, "its ICV length is not one imsreg checks", name, nl); /* digest_null's 0 */
	uint8_t buf[64];
	long klen = key ? hex_key(key, kl, buf, sizeof buf) : 0;
	if (klen < 0)
		return fail(x, line, ls, key, "a key is 0x and an even number of hex digits (64 bytes at most)");
	if (!key && !tok_is(name, nl, "ecb(cipher_null)") && !tok_is(name, nl, "cipher_null")) {
		/* `ip xfrm state list nokeys` */
		skip_alg(st, "its keys are not in the text (ip xfrm state shows them without nokeys)", name, nl);
		return 0;
	}
	struct trace_esp_sa *sa = &st->sa;
	if (tok_is(k, kn, "enc")) {
		st->has_enc = true;
		if (tok_is(name, nl, "cbc(aes)") && (klen == 16 || klen == 24 || klen == 32))
			sa->cipher = TRACE_ESP_AES_CBC;
		else if (tok_is(name, nl, "cbc(des3_ede)") && klen == 24)
			sa->cipher = TRACE_ESP_DES_EDE3_CBC;
		else if ((tok_is(name, nl, "ecb(cipher_null)") || tok_is(name, nl, "cipher_null")) && klen == 0)
			sa->cipher = TRACE_ESP_NULL;
		else
			skip_alg(st, "its cipher is not one imsreg opens", name, nl);
		if (klen > (long)sizeof sa->ekey)
			klen = 0; /* no cipher of this length (skipped above) */
		memcpy(sa->ekey, buf, (size_t)klen);
		sa->ekey_len = (uint8_t)klen;
	} else if (tok_is(k, kn, "auth") || trunc) {
		st->has_auth = true;
		unsigned icv = trunc ? (unsigned)nbits / 8 : 12; /* the kernel's truncation of "auth": 96 bits */
		if (tok_is(name, nl, "hmac(sha1)"))
			sa->integ = TRACE_ESP_HMAC_SHA1_96;
		else if (tok_is(name, nl, "hmac(md5)"))
			sa->integ = TRACE_ESP_HMAC_MD5_96;
		else if (tok_is(name, nl, "hmac(sha256)"))
			sa->integ = TRACE_ESP_HMAC_SHA256;
		else
			skip_alg(st, "its integrity algorithm is not one imsreg checks", name, nl);
		if (icv < 8 || icv > 32)
			skip_alg(st, "its ICV length is not one imsreg checks", name, nl);
		if (klen == 0)
			skip_alg(st, "its integrity key is empty", name, nl);
		memcpy(sa->akey, buf, (size_t)klen);
		sa->akey_len = (uint8_t)klen;
		sa->icv_len = (uint8_t)icv;
	} else {
		st->has_aead = true;
		sa->cipher = TRACE_ESP_AES_GCM;
		sa->integ = TRACE_ESP_INTEG_NONE;
		if (!tok_is(name, nl, "rfc4106(gcm(aes))") || (klen != 20 && klen != 28 && klen != 36))
			skip_alg(st, "its AEAD is not one imsreg opens", name, nl);
		if (nbits != 64 && nbits != 96 && nbits != 128)
			skip_alg(st, "its ICV length is not one of GCM's", name, nl);
		memcpy(sa->ekey, buf, klen <= (long)sizeof sa->ekey ? (size_t)klen : sizeof sa->ekey);
		sa->ekey_len = (uint8_t)(klen <= (long)sizeof sa->ekey ? klen : 0);
		sa->icv_len = (uint8_t)(nbits / 8);
	}
	OPENSSL_cleanse(buf, sizeof buf);
	return 0;
}

/* The state st read: added to x, or counted skipped. */
static int state_end(struct trace_xfrm *x, struct state *st, size_t *cap)
{
	if (!st->line)
		return 0;
	if (!st->esp)
		return 0; /* AH, IPComp, ...: no ESP to open */
	if (!st->skip && !st->has_spi)
		st->skip = "it has no SPI";
	if (!st->skip && st->has_aead && (st->has_enc || st->has_auth))
		st->skip = "it has an AEAD and another algorithm";
	if (!st->skip && !st->has_aead && !st->has_enc)
		st->skip = "it has no cipher (enc)";
	if (!st->skip && !st->has_aead && !st->has_auth)
		st->skip = "it has no integrity algorithm (auth)";
	if (st->skip) {
		if (!x->skipped++)
			snprintf(x->skip_reason, sizeof x->skip_reason, "the state at line %u (SPI 0x%08x): %s%s%s",
				 st->line, (unsigned)st->sa.spi, st->skip, st->what[0] ? ": " : "", st->what);
		return 0;
	}
	if (x->nsas == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		struct trace_esp_sa *v = imsreg_realloc(x->sas, c * sizeof *v);
		if (!v)
			return -ENOMEM;
		x->sas = v;
		*cap = c;
	}
	x->sas[x->nsas++] = st->sa;
	return 0;
}

int trace_xfrm_read(struct trace_xfrm *x, const char *text, size_t n)
{
	memset(x, 0, sizeof *x);
	struct state st;
	memset(&st, 0, sizeof st);
	size_t cap = 0;
	unsigned line = 0, states = 0;
	int rc = 0;
	for (const char *ls = text, *end = text + n; ls < end && rc == 0;) {
		const char *le = memchr(ls, '\n', (size_t)(end - ls));
		le = le ? le : end;
		line++;
		const char *p = ls;
		size_t tl;
		const char *t = token(&p, le, &tl);
		if (t == ls && tok_is(t, tl, "src")) {
			/* a new state: "src ADDR dst ADDR" */
			if ((rc = state_end(x, &st, &cap)) < 0)
				break;
			memset(&st, 0, sizeof st);
			st.line = line;
			states++;
			size_t al;
			const char *a = token(&p, le, &al), *d = token(&p, le, &tl);
			if (!a || !tok_is(d, tl, "dst") || !token(&p, le, &al)) {
				rc = fail(x, line, ls, d ? d : p, "a state begins \"src ADDRESS dst ADDRESS\"");
				break;
			}
		} else if (t && t != ls && st.line) {
			if (tok_is(t, tl, "proto")) {
				size_t pl, sl, vl;
				const char *proto = token(&p, le, &pl), *s = token(&p, le, &sl), *v = token(&p, le, &vl);
				st.esp = tok_is(proto, pl, "esp");
				if (st.esp) {
					uint8_t spi[4];
					if (!tok_is(s, sl, "spi") || !v || vl != 10 || hex_key(v, vl, spi, 4) != 4) {
						rc = fail(x, line, ls, v ? v : p, "expected \"spi 0x\" and 8 hex digits");
						break;
					}
					st.sa.spi = (uint32_t)spi[0] << 24 | (uint32_t)spi[1] << 16 |
						    (uint32_t)spi[2] << 8 | spi[3];
					st.has_spi = true;
				}
			} else if (tok_is(t, tl, "auth") || tok_is(t, tl, "auth-trunc") || tok_is(t, tl, "enc") ||
				   tok_is(t, tl, "aead")) {
				rc = algorithm(x, &st, line, ls, t, tl, &p, le);
			} else {
				/* "replay-window 0 flag af-unspec esn": the flags
				 * after "flag" */
				bool flags = tok_is(t, tl, "flag");
				while ((t = token(&p, le, &tl)) != NULL) {
					if (flags && tok_is(t, tl, "esn"))
						st.sa.esn = true;
					flags |= tok_is(t, tl, "flag");
				}
			}
		}
		ls = le < end ? le + 1 : end;
	}
	if (rc == 0)
		rc = state_end(x, &st, &cap);
	OPENSSL_cleanse(&st, sizeof st);
	if (rc == 0 && states == 0) {
		x->line = 1;
		x->col = 1;
		x->error = "no state: expected the text of ip xfrm state (\"src ADDRESS dst ADDRESS\" lines)";
		rc = -EBADMSG;
	}
	return rc;
}
