/* fuzz_must.h: the invariant check of the fuzz targets. */
#ifndef IMSREG_FUZZ_MUST_H
#define IMSREG_FUZZ_MUST_H

/* An invariant broken: crash so the fuzzer keeps the input (and the
 * replay under ctest fails). */
#define MUST(cond)                         \
	do {                               \
		if (!(cond))               \
			__builtin_trap();  \
	} while (0)

#endif
