// The SGD, momentum and Nesterov update (tt_sgd_update), vectorised eight lanes at a time.
#include "CKernels.h"
#include "Dispatch.h"

#pragma clang fp contract(off)

// PyTorch's SGD: d = g + λ·p; with momentum b = (first ? d : μ·b + d), d = nesterov ? d + μ·b : b;
// then p = p − lr·d. The flags are loop-invariant: the compiler unswitches the loop on them.
#define TT_SGD_BODY(V, LOAD, STORE, SPLAT, STEP)                                  \
  for (; i + STEP <= n; i += STEP) {                                             \
    V pi = LOAD(p + i);                                                          \
    V d = LOAD(g + i) + SPLAT(c->weightDecay) * pi;                              \
    if (b) {                                                                     \
      V bi = first ? d : SPLAT(c->momentum) * LOAD(b + i) + d;                   \
      STORE(b + i, bi);                                                          \
      d = nesterov ? d + SPLAT(c->momentum) * bi : bi;                           \
    }                                                                            \
    STORE(p + i, pi - SPLAT(c->learningRate) * d);                               \
  }

TT_KERNEL(tt_sgd_update,
          (size_t n, float *restrict p, const float *restrict g, float *restrict b, int first,
           int nesterov, const tt_sgd_coefficients *c),
          (n, p, g, b, first, nesterov, c),
          size_t i = 0;
          TT_SGD_BODY(tt_v8, TT_LOAD8, TT_STORE8, TT_SPLAT8, 8)
          TT_SGD_BODY(float, TT_SCALAR_LOAD, TT_SCALAR_STORE, TT_SCALAR_SPLAT, 1))
