// The Adam/AdamW update (tt_adam_update), vectorised eight lanes at a time.
#include "CKernels.h"
#include "Dispatch.h"

#pragma clang fp contract(off)

// decayed = p·decay; g' = g + l2·decayed; m = β1·m + (1 − β1)·g'; v = β2·v + (1 − β2)·g'·g';
// AMSGrad: vmax = max(vmax, v) and the denominator uses it;
// p = decayed − (stepSize·m) / (√v̂·inverseCorrection2Root + ε).
#define TT_ADAM_BODY(V, LOAD, STORE, SPLAT, SQRT, MAX, STEP)                                    \
  for (; i + STEP <= n; i += STEP) {                                                           \
    V decayed = LOAD(p + i) * SPLAT(c->decay);                                                 \
    V gi = LOAD(g + i) + SPLAT(c->l2) * decayed;                                               \
    V mi = SPLAT(c->beta1) * LOAD(m + i) + SPLAT(c->oneMinusBeta1) * gi;                        \
    V vi = SPLAT(c->beta2) * LOAD(v + i) + SPLAT(c->oneMinusBeta2) * gi * gi;                   \
    STORE(m + i, mi);                                                                          \
    STORE(v + i, vi);                                                                          \
    V second = vi;                                                                             \
    if (vmax) {                                                                                \
      second = MAX(LOAD(vmax + i), vi);                                                        \
      STORE(vmax + i, second);                                                                 \
    }                                                                                          \
    STORE(p + i, decayed - SPLAT(c->stepSize) * mi /                                           \
                               (SQRT(second) * SPLAT(c->inverseCorrection2Root) + SPLAT(c->epsilon))); \
  }

TT_KERNEL(tt_adam_update,
          (size_t n, float *restrict p, const float *restrict g, float *restrict m, float *restrict v,
           float *restrict vmax, const tt_adam_coefficients *c),
          (n, p, g, m, v, vmax, c),
          size_t i = 0;
          TT_ADAM_BODY(tt_v8, TT_LOAD8, TT_STORE8, TT_SPLAT8, TT_SQRT8, TT_MAX8, 8)
          TT_ADAM_BODY(float, TT_SCALAR_LOAD, TT_SCALAR_STORE, TT_SCALAR_SPLAT, __builtin_sqrtf, __builtin_fmaxf, 1))
