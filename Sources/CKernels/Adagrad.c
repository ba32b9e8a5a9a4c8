// The Adagrad update (tt_adagrad_update), vectorised eight lanes at a time.
#include "CKernels.h"
#include "Dispatch.h"

#pragma clang fp contract(off)

// d = g + λ·p; s = s + d·d; p = p − (lr·d) / (√s + ε).
#define TT_ADAGRAD_BODY(V, LOAD, STORE, SPLAT, SQRT, STEP)                              \
  for (; i + STEP <= n; i += STEP) {                                                   \
    V pi = LOAD(p + i);                                                                \
    V d = LOAD(g + i) + SPLAT(weightDecay) * pi;                                       \
    V si = LOAD(s + i) + d * d;                                                        \
    STORE(s + i, si);                                                                  \
    STORE(p + i, pi - SPLAT(learningRate) * d / (SQRT(si) + SPLAT(epsilon)));          \
  }

TT_KERNEL(tt_adagrad_update,
          (size_t n, float *restrict p, const float *restrict g, float *restrict s, float learningRate,
           float weightDecay, float epsilon),
          (n, p, g, s, learningRate, weightDecay, epsilon),
          size_t i = 0;
          TT_ADAGRAD_BODY(tt_v8, TT_LOAD8, TT_STORE8, TT_SPLAT8, TT_SQRT8, 8)
          TT_ADAGRAD_BODY(float, TT_SCALAR_LOAD, TT_SCALAR_STORE, TT_SCALAR_SPLAT, __builtin_sqrtf, 1))
