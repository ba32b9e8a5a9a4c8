#ifndef TRAINTOP_CKERNELS_DISPATCH_H
#define TRAINTOP_CKERNELS_DISPATCH_H
// Builds a kernel twice on x86-64, for AVX and for the baseline (SSE2), and picks one at run time.
// Elsewhere (arm64) there is one variant. Contraction into FMA is off in every kernel file, so the
// variants perform the same IEEE operations and give the same bits.

#include <string.h>

/// Eight floats; helpers are macros, because a function returning one would change ABI with AVX.
typedef float tt_v8 __attribute__((vector_size(32)));

#define TT_LOAD8(ptr) ({ tt_v8 r_; memcpy(&r_, (ptr), sizeof r_); r_; })
#define TT_STORE8(ptr, x) do { tt_v8 x_ = (x); memcpy((ptr), &x_, sizeof x_); } while (0)
#define TT_SPLAT8(x) ((tt_v8){(x), (x), (x), (x), (x), (x), (x), (x)})

#if defined(__x86_64__)
/// Defines `void name params` from the statement list `...`, with AVX and baseline variants.
#define TT_KERNEL(name, params, args, ...)                                         \
  static void name##_baseline params { __VA_ARGS__ }                              \
  __attribute__((target("avx"))) static void name##_avx params { __VA_ARGS__ }    \
  void name params {                                                              \
    if (__builtin_cpu_supports("avx")) name##_avx args;                           \
    else name##_baseline args;                                                    \
  }
#else
#define TT_KERNEL(name, params, args, ...) \
  void name params { __VA_ARGS__ }
#endif

#endif
