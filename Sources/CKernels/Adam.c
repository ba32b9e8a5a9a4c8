// The Adam/AdamW update (tt_adam_update), vectorised eight lanes at a time.
#include "CKernels.h"

#include "Dispatch.h"

#pragma clang fp contract(off)

#define v8 tt_v8
#define load8 TT_LOAD8
#define store8 TT_STORE8
#define splat8 TT_SPLAT8
#define sqrt8 TT_SQRT8
#define max8 TT_MAX8
#define max1(a, b) __builtin_fmaxf((a), (b))  // maxnum, as max8

// The loop body, shared by every compiled variant. Each lane performs the scalar formula's
// operations in the scalar formula's order, so the vector part and the tail agree bit for bit.
#define TT_ADAM_LOOP                                                                            \
  const v8 decay = splat8(c->decay), l2 = splat8(c->l2), beta1 = splat8(c->beta1);              \
  const v8 omb1 = splat8(c->oneMinusBeta1), beta2 = splat8(c->beta2);                           \
  const v8 omb2 = splat8(c->oneMinusBeta2), step = splat8(c->stepSize);                         \
  const v8 icr = splat8(c->inverseCorrection2Root), eps = splat8(c->epsilon);                   \
  size_t i = 0;                                                                                 \
  for (; i + 8 <= n; i += 8) {                                                                  \
    v8 decayed = load8(p + i) * decay;                                                          \
    v8 gi = load8(g + i) + l2 * decayed;                                                        \
    v8 mi = beta1 * load8(m + i) + omb1 * gi;                                                   \
    v8 vi = beta2 * load8(v + i) + omb2 * gi * gi;                                              \
    store8(m + i, mi);                                                                          \
    store8(v + i, vi);                                                                          \
    v8 second = vi;                                                                             \
    if (vmax) {                                                                                 \
      second = max8(load8(vmax + i), vi);                                                       \
      store8(vmax + i, second);                                                                 \
    }                                                                                           \
    store8(p + i, decayed - step * mi / (sqrt8(second) * icr + eps));                           \
  }                                                                                             \
  for (; i < n; i++) {                                                                          \
    float decayed = p[i] * c->decay;                                                            \
    float gi = g[i] + c->l2 * decayed;                                                          \
    float mi = c->beta1 * m[i] + c->oneMinusBeta1 * gi;                                         \
    float vi = c->beta2 * v[i] + c->oneMinusBeta2 * gi * gi;                                    \
    m[i] = mi;                                                                                  \
    v[i] = vi;                                                                                  \
    float second = vi;                                                                          \
    if (vmax) {                                                                                 \
      second = max1(vmax[i], vi);                                                               \
      vmax[i] = second;                                                                         \
    }                                                                                           \
    p[i] = decayed - c->stepSize * mi / (__builtin_sqrtf(second) * c->inverseCorrection2Root + c->epsilon); \
  }

TT_KERNEL(tt_adam_update,
          (size_t n, float *restrict p, const float *restrict g, float *restrict m, float *restrict v,
           float *restrict vmax, const tt_adam_coefficients *c),
          (n, p, g, m, v, vmax, c),
          TT_ADAM_LOOP)
