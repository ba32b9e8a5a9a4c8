#ifndef TRAINTOP_CKERNELS_DISPATCH_H
#define TRAINTOP_CKERNELS_DISPATCH_H
// Builds a kernel twice on x86-64, for AVX and for the baseline (SSE2), and picks one at run time.
// Elsewhere (arm64) there is one variant. Contraction into FMA is off in every kernel file, so the
// variants perform the same IEEE operations and give the same bits.



/// Eight floats; helpers are macros, because a function returning one would change ABI with AVX.
typedef float tt_v8 __attribute__((vector_size(32)));

#define TT_LOAD8(ptr) ({ tt_v8 r_; __builtin_memcpy(&r_, (ptr), sizeof r_); r_; })
#define TT_STORE8(ptr, x) do { tt_v8 x_ = (x); __builtin_memcpy((ptr), &x_, sizeof x_); } while (0)
#define TT_SPLAT8(x) ((tt_v8){(x), (x), (x), (x), (x), (x), (x), (x)})

/// Lane-wise square root and maximum (maxnum), with a per-lane fallback for compilers without the builtins.
#if __has_builtin(__builtin_elementwise_sqrt)
#define TT_SQRT8(x) __builtin_elementwise_sqrt(x)
#else
#define TT_SQRT8(x) ({ tt_v8 s_ = (x); for (int k_ = 0; k_ < 8; k_++) s_[k_] = __builtin_sqrtf(s_[k_]); s_; })
#endif
#if __has_builtin(__builtin_elementwise_max)
#define TT_MAX8(a, b) __builtin_elementwise_max((a), (b))
#else
#define TT_MAX8(a, b) ({ tt_v8 a_ = (a), b_ = (b); for (int k_ = 0; k_ < 8; k_++) a_[k_] = __builtin_fmaxf(a_[k_], b_[k_]); a_; })
#endif

/// Eight 32-bit lane masks, as vector comparisons produce.
typedef int tt_v8i __attribute__((vector_size(32)));

/// Scalar forms of the helpers, for the tail loops written with the same macro bodies.
#define TT_SCALAR_LOAD(ptr) (*(ptr))
#define TT_SCALAR_STORE(ptr, x) (*(ptr) = (x))
#define TT_SCALAR_SPLAT(x) (x)

#if defined(__x86_64__)
/// Defines `void name params` from the statement list `...`, with AVX and baseline variants.
#define TT_KERNEL(name, params, args, ...)                                         \
  static void name##_baseline params { __VA_ARGS__ }                              \
  __attribute__((target("avx"))) static void name##_avx params { __VA_ARGS__ }    \
  void name params {                                                              \
    if (tt_kernels_use_avx()) name##_avx args;                                    \
    else name##_baseline args;                                                    \
  }
#else
#define TT_KERNEL(name, params, args, ...) \
  void name params { __VA_ARGS__ }
#endif

#endif
