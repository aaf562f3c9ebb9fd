// SHA-256 of a document's bytes (its identity in outputs and the batch store).
//
// swift-crypto did this before; it imports swift-corelibs-foundation, which made the one
// binary link and start all of that library for a single hash. A document is hashed once
// per run, so the speed that matters is the SHA instructions' (~1.5 GB/s here against
// ~0.3 GB/s for the portable rounds); both paths are checked against Python's hashlib.

#include "CSHA256.h"

#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define CSHA256_X86 1
#endif

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

typedef void (*blocks_fn)(uint32_t state[8], const uint8_t *data, size_t blocks);

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
#define BSIG0(x) (ROTR(x, 2) ^ ROTR(x, 13) ^ ROTR(x, 22))
#define BSIG1(x) (ROTR(x, 6) ^ ROTR(x, 11) ^ ROTR(x, 25))
#define SSIG0(x) (ROTR(x, 7) ^ ROTR(x, 18) ^ ((x) >> 3))
#define SSIG1(x) (ROTR(x, 17) ^ ROTR(x, 19) ^ ((x) >> 10))
#define CH(e, f, g) ((g) ^ ((e) & ((f) ^ (g))))
#define MAJ(a, b, c) (((a) & (b)) | ((c) & ((a) | (b))))
// The message schedule kept as the last 16 words, extended as the rounds need them.
#define WORD(i) w[(i) & 15]
#define NEXT(i) (WORD(i) += SSIG1(WORD((i) - 2)) + WORD((i) - 7) + SSIG0(WORD((i) - 15)))
#define ROUND(a, b, c, d, e, f, g, h, i, wi)                                  \
    do {                                                                    \
        uint32_t t1 = h + BSIG1(e) + CH(e, f, g) + K[i] + (wi);             \
        d += t1;                                                            \
        h = t1 + BSIG0(a) + MAJ(a, b, c);                                   \
    } while (0)
// Eight rounds with the working variables renamed instead of moved.
#define ROUNDS8(i, wi)                                                                                \
    ROUND(a, b, c, d, e, f, g, h, (i) + 0, wi((i) + 0)); ROUND(h, a, b, c, d, e, f, g, (i) + 1, wi((i) + 1)); \
    ROUND(g, h, a, b, c, d, e, f, (i) + 2, wi((i) + 2)); ROUND(f, g, h, a, b, c, d, e, (i) + 3, wi((i) + 3)); \
    ROUND(e, f, g, h, a, b, c, d, (i) + 4, wi((i) + 4)); ROUND(d, e, f, g, h, a, b, c, (i) + 5, wi((i) + 5)); \
    ROUND(c, d, e, f, g, h, a, b, (i) + 6, wi((i) + 6)); ROUND(b, c, d, e, f, g, h, a, (i) + 7, wi((i) + 7))

// The rounds of FIPS 180-4 unrolled (~53 instructions a byte; a loop moving the eight
// variables each round took ~69).
static void portable_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    for (; blocks > 0; blocks--, data += 64) {
        uint32_t w[16];
        for (int i = 0; i < 16; i++) {
            w[i] = (uint32_t)data[4 * i] << 24 | (uint32_t)data[4 * i + 1] << 16 | (uint32_t)data[4 * i + 2] << 8 | data[4 * i + 3];
        }
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        ROUNDS8(0, WORD);
        ROUNDS8(8, WORD);
        ROUNDS8(16, NEXT);
        ROUNDS8(24, NEXT);
        ROUNDS8(32, NEXT);
        ROUNDS8(40, NEXT);
        ROUNDS8(48, NEXT);
        ROUNDS8(56, NEXT);
        state[0] += a; state[1] += b; state[2] += c; state[3] += d;
        state[4] += e; state[5] += f; state[6] += g; state[7] += h;
    }
}

#ifdef CSHA256_X86
// Four rounds per step with SHA256RNDS2, the message schedule with SHA256MSG1/MSG2, as
// Intel's description of the SHA extensions lays them out. The state is kept as ABEF and
// CDGH, the order the instructions take.
__attribute__((target("sha,sse4.1,ssse3")))
static void sha_ni_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i tmp = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1); // CDAB
    __m128i state1 = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B); // EFGH
    __m128i state0 = _mm_alignr_epi8(tmp, state1, 8);                                      // ABEF
    state1 = _mm_blend_epi16(state1, tmp, 0xF0);                                           // CDGH

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef = state0, cdgh = state1;
        __m128i m[4];
        for (int i = 0; i < 16; i++) {
            __m128i *cur = &m[i & 3], *prev = &m[(i + 3) & 3], *next = &m[(i + 1) & 3];
            if (i < 4) *cur = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byteSwap);
            __m128i msg = _mm_add_epi32(*cur, _mm_loadu_si128((const __m128i *)&K[4 * i]));
            state1 = _mm_sha256rnds2_epu32(state1, state0, msg);
            if (i >= 3 && i <= 14) {
                *next = _mm_add_epi32(*next, _mm_alignr_epi8(*cur, *prev, 4));
                *next = _mm_sha256msg2_epu32(*next, *cur);
            }
            msg = _mm_shuffle_epi32(msg, 0x0E);
            state0 = _mm_sha256rnds2_epu32(state0, state1, msg);
            if (i >= 1 && i <= 12) *prev = _mm_sha256msg1_epu32(*prev, *cur);
        }
        state0 = _mm_add_epi32(state0, abef);
        state1 = _mm_add_epi32(state1, cdgh);
    }

    tmp = _mm_shuffle_epi32(state0, 0x1B);       // FEBA
    state1 = _mm_shuffle_epi32(state1, 0xB1);    // DCHG
    state0 = _mm_blend_epi16(tmp, state1, 0xF0); // DCBA
    state1 = _mm_alignr_epi8(state1, tmp, 8);    // ABEF
    _mm_storeu_si128((__m128i *)&state[0], state0);
    _mm_storeu_si128((__m128i *)&state[4], state1);
}

static int has_sha_instructions(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_SSE4_1) || !(c & bit_SSSE3)) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b >> 29) & 1; // SHA
}
#endif

static void digest_with(blocks_fn blocks, const void *data, size_t length, uint8_t digest[32]) {
    uint32_t state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const uint8_t *bytes = data;
    size_t whole = length / 64;
    if (whole > 0) blocks(state, bytes, whole);
    // The tail, the 0x80 byte, zeros and the length in bits, in one or two blocks.
    uint8_t last[128] = {0};
    size_t rest = length % 64;
    if (rest > 0) memcpy(last, bytes + whole * 64, rest);
    last[rest] = 0x80;
    size_t tail = rest < 56 ? 64 : 128;
    uint64_t bits = (uint64_t)length * 8;
    for (int i = 0; i < 8; i++) last[tail - 1 - i] = (uint8_t)(bits >> (8 * i));
    blocks(state, last, tail / 64);
    for (int i = 0; i < 8; i++) {
        digest[4 * i] = (uint8_t)(state[i] >> 24);
        digest[4 * i + 1] = (uint8_t)(state[i] >> 16);
        digest[4 * i + 2] = (uint8_t)(state[i] >> 8);
        digest[4 * i + 3] = (uint8_t)state[i];
    }
}

void csha256(const void *data, size_t length, uint8_t digest[32]) {
#ifdef CSHA256_X86
    static int known = -1; // 0 or 1 once looked up (threads may race to set it: same value)
    int sha = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (sha < 0) {
        sha = has_sha_instructions();
        __atomic_store_n(&known, sha, __ATOMIC_RELAXED);
    }
    if (sha) {
        digest_with(sha_ni_blocks, data, length, digest);
        return;
    }
#endif
    digest_with(portable_blocks, data, length, digest);
}

void csha256_portable(const void *data, size_t length, uint8_t digest[32]) {
    digest_with(portable_blocks, data, length, digest);
}
