// The RMSProp update (tt_rmsprop_update), vectorised eight lanes at a time.
#include "CKernels.h"
#include "Dispatch.h"

#pragma clang fp contract(off)

// g' = g + λ·p; v = α·v + (1 − α)·g'·g'; centred: a = α·a + (1 − α)·g', v̄ = max(0, v − a·a);
// r = g' / (√v̄ + ε); with momentum b = μ·b + r, p = p − lr·b; else p = p − lr·r.
// The max is a select (v̄ ≥ 0 ? v̄ : 0), so NaN becomes 0 in every lane and in the tail alike.
#define TT_RMSPROP_BODY(V, LOAD, STORE, SPLAT, SQRT, CLAMP, STEP)                      \
  for (; i + STEP <= n; i += STEP) {                                                  \
    V pi = LOAD(p + i);                                                               \
    V gi = LOAD(g + i) + SPLAT(c->weightDecay) * pi;                                  \
    V vi = SPLAT(c->alpha) * LOAD(v + i) + SPLAT(c->oneMinusAlpha) * gi * gi;         \
    STORE(v + i, vi);                                                                 \
    V meanSquare = vi;                                                                \
    if (a) {                                                                          \
      V ai = SPLAT(c->alpha) * LOAD(a + i) + SPLAT(c->oneMinusAlpha) * gi;            \
      STORE(a + i, ai);                                                               \
      meanSquare = CLAMP(vi - ai * ai);                                               \
    }                                                                                 \
    V ratio = gi / (SQRT(meanSquare) + SPLAT(c->epsilon));                            \
    if (b) {                                                                          \
      V bi = SPLAT(c->momentum) * LOAD(b + i) + ratio;                                \
      STORE(b + i, bi);                                                               \
      STORE(p + i, pi - SPLAT(c->learningRate) * bi);                                 \
    } else {                                                                          \
      STORE(p + i, pi - SPLAT(c->learningRate) * ratio);                              \
    }                                                                                 \
  }

#define TT_CLAMP8(x) ({ tt_v8 x8_ = (x); (tt_v8)((tt_v8i)x8_ & (x8_ >= TT_SPLAT8(0.0f))); })
#define TT_CLAMP1(x) ({ float x1_ = (x); x1_ >= 0 ? x1_ : 0.0f; })

TT_KERNEL(tt_rmsprop_update,
          (size_t n, float *restrict p, const float *restrict g, float *restrict v, float *restrict a,
           float *restrict b, const tt_rmsprop_coefficients *c),
          (n, p, g, v, a, b, c),
          size_t i = 0;
          TT_RMSPROP_BODY(tt_v8, TT_LOAD8, TT_STORE8, TT_SPLAT8, TT_SQRT8, TT_CLAMP8, 8)
          TT_RMSPROP_BODY(float, TT_SCALAR_LOAD, TT_SCALAR_STORE, TT_SCALAR_SPLAT, __builtin_sqrtf, TT_CLAMP1, 1))
