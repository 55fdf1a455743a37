/* bench_auth.c: Milenage vectors/s and Digest verifications/s, beside libcrypto's raw AES-128 and MD5 speed. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <openssl/evp.h>
#include <imsreg/auth.h>

static double seconds = 0.5;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs fn in batches until `seconds` have passed: operations per second. */
static double rate(int (*fn)(void *), void *arg, long batch)
{
	long n = 0;
	double t0 = now(), t;
	do {
		for (long i = 0; i < batch; i++)
			if (fn(arg) < 0)
				return -1;
		n += batch;
		t = now();
	} while (t - t0 < seconds);
	return (double)n / (t - t0);
}

static volatile uint8_t sink;

struct aes_arg {
	EVP_CIPHER_CTX *ctx;
	uint8_t block[16];
};

static int raw_aes(void *p)
{
	struct aes_arg *a = p;
	int outl;
	if (!EVP_EncryptUpdate(a->ctx, a->block, &outl, a->block, 16))
		return -1;
	return 0;
}

struct md5_arg {
	EVP_MD_CTX *ctx;
	EVP_MD *md;
	uint8_t msg[64];
};

static int raw_md5(void *p)
{
	struct md5_arg *a = p;
	unsigned int n;
	/* One 64-byte message: about the size of a Digest HA1/HA2/response input. */
	if (!EVP_DigestInit_ex2(a->ctx, a->md, NULL) || !EVP_DigestUpdate(a->ctx, a->msg, 64) ||
	    !EVP_DigestFinal_ex(a->ctx, a->msg, &n))
		return -1;
	return 0;
}

struct vec_arg {
	struct milenage m;
	uint8_t rand[16];
	uint64_t sqn;
};

static int milenage_vector(void *p)
{
	static const uint8_t amf[2] = { 0x80, 0x00 };
	struct vec_arg *a = p;
	struct aka_vector v;
	int rc = aka_vector_build(&v, &a->m, a->rand, a->sqn++ & AKA_SQN_MAX, amf);
	a->rand[0] ^= v.autn[15]; /* each RAND depends on the last vector */
	sink ^= v.xres[0];
	return rc;
}

static const char *bench_expected;

static int digest_once(void *p)
{
	const struct digest_params *d = p;
	return digest_verify(d, slice_cstr(bench_expected));
}

static void row(const char *what, double r, const char *unit)
{
	if (r < 0)
		printf("%-44s failed\n", what);
	else
		printf("%-44s %12.0f %s\n", what, r, unit);
}

int main(int argc, char **argv)
{
	static const uint8_t k[16] = { 0x46, 0x5b, 0x5c, 0xe8, 0xb1, 0x99, 0xb4, 0x9f,
				       0xaa, 0x5f, 0x0a, 0x2e, 0xe2, 0x38, 0xa6, 0xbc };
	static const uint8_t opc[16] = { 0xcd, 0x63, 0xcb, 0x71, 0x95, 0x4a, 0x9f, 0x4e,
					 0x48, 0xa5, 0x99, 0x4e, 0x37, 0xa0, 0x2b, 0xaf };
	char expected[DIGEST_HEX_MAX];
	int rc = 0;
	if (argc > 1 && strcmp(argv[1], "--smoke") == 0)
		seconds = 0.01;

	/* libcrypto alone, for scale. */
	struct aes_arg aes = { 0 };
	EVP_CIPHER *cipher = EVP_CIPHER_fetch(NULL, "AES-128-ECB", NULL);
	aes.ctx = EVP_CIPHER_CTX_new();
	if (!cipher || !aes.ctx || !EVP_EncryptInit_ex2(aes.ctx, cipher, k, NULL, NULL))
		return 1;
	EVP_CIPHER_CTX_set_padding(aes.ctx, 0);
	double r_aes = rate(raw_aes, &aes, 10000);
	struct md5_arg md5 = { 0 };
	md5.ctx = EVP_MD_CTX_new();
	md5.md = EVP_MD_fetch(NULL, "MD5", NULL);
	if (!md5.ctx || !md5.md)
		return 1;
	double r_md5 = rate(raw_md5, &md5, 10000);

	/* Milenage: one vector = f1 + f2..f5 = 6 AES blocks. */
	struct vec_arg va = { .sqn = 32 };
	if (milenage_init(&va.m, k, opc) < 0)
		return 1;
	double r_vec = rate(milenage_vector, &va, 1000);
	milenage_fini(&va.m);

	/* Digest: one verification = HA1 + HA2 + response (3 hashes). */
	struct digest_params d = {
		.algo = DIGEST_MD5, .qop = DIGEST_QOP_AUTH,
		.username = SLICE_LIT("001010000000001@ims.mnc001.mcc001.3gppnetwork.org"),
		.realm = SLICE_LIT("ims.mnc001.mcc001.3gppnetwork.org"),
		.password = SLICE_LIT("secret"), .method = SLICE_LIT("REGISTER"),
		.uri = SLICE_LIT("sip:ims.mnc001.mcc001.3gppnetwork.org"),
		.nonce = SLICE_LIT("gekrbA7g4S6866jZKpnfpbtS6Rx0esOrKlwj0V7jUdU="),
		.nc = SLICE_LIT("00000001"), .cnonce = SLICE_LIT("0a4f113b"),
	};
	double r_dig[3];
	static const enum digest_algo algos[3] = { DIGEST_MD5, DIGEST_SHA256, DIGEST_AKAV1_MD5 };
	static const uint8_t res[8] = { 0x28, 0xd7, 0xb0, 0xf2, 0xa2, 0xec, 0x3d, 0xe5 };
	for (int i = 0; i < 3; i++) {
		d.algo = algos[i];
		if (algos[i] == DIGEST_AKAV1_MD5)
			d.password = slice_make((const char *)res, sizeof(res));
		if (digest_response(&d, expected) < 0)
			return 1;
		bench_expected = expected;
		r_dig[i] = rate(digest_once, &d, 1000);
		if (r_dig[i] < 0)
			rc = 1;
	}

	printf("auth benchmark (%.2f s per row, one core)\n", seconds);
	row("libcrypto AES-128 block (EVP, ECB, 16 B)", r_aes, "blocks/s");
	row("libcrypto MD5 (EVP, 64 B)", r_md5, "hashes/s");
	row("Milenage vector (f1, f2, f3, f4, f5)", r_vec, "vectors/s");
	row("Digest verify MD5, qop=auth", r_dig[0], "verifies/s");
	row("Digest verify SHA-256, qop=auth", r_dig[1], "verifies/s");
	row("Digest verify AKAv1-MD5, qop=auth", r_dig[2], "verifies/s");
	if (r_vec > 0 && r_aes > 0)
		printf("Milenage cost: %.1f raw AES blocks per vector (6 AES calls + XORs)\n",
		       r_aes / r_vec);
	if (r_dig[0] > 0 && r_md5 > 0)
		printf("Digest MD5 cost: %.1f raw MD5s per verification (3 hashes + hex)\n",
		       r_md5 / r_dig[0]);
	EVP_CIPHER_CTX_free(aes.ctx);
	EVP_CIPHER_free(cipher);
	EVP_MD_CTX_free(md5.ctx);
	EVP_MD_free(md5.md);
	return rc;
}
