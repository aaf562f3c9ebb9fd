#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256 (FIPS 180-4) of `length` bytes at `data` into `digest`: with the x86 SHA
/// instructions where the processor has them, else in portable C.
void csha256(const void *data, size_t length, uint8_t digest[32]);

/// The portable implementation alone, for tests on machines with the SHA instructions.
void csha256_portable(const void *data, size_t length, uint8_t digest[32]);

#endif
