#ifndef TRAINTOP_CKERNELS_H
#define TRAINTOP_CKERNELS_H
// Fused elementwise loops of the training step, written in C so that they vectorise fully:
// Swift's SIMD squareRoot() runs lane by lane through sqrtf, and Swift cannot compile one
// function for AVX while the rest of the build targets baseline x86-64. Each kernel is built
// twice on x86-64 (AVX and baseline SSE2) and picks one at run time; both paths do the same
// IEEE operations in the same order (no FMA contraction), so results do not depend on the CPU.

#include <stddef.h>

/// Coefficients of one Adam/AdamW step (see NN's AdamRule for their meaning).
typedef struct {
  float decay;          ///< 1 − lr·λ for AdamW, 1 for Adam.
  float l2;             ///< Coupled L2 λ for Adam, 0 for AdamW.
  float beta1;          ///< β1.
  float oneMinusBeta1;  ///< 1 − β1.
  float beta2;          ///< β2.
  float oneMinusBeta2;  ///< 1 − β2.
  float stepSize;       ///< lr / (1 − β1ᵗ).
  float inverseCorrection2Root;  ///< 1 / √(1 − β2ᵗ).
  float epsilon;        ///< ε.
} tt_adam_coefficients;

/// One Adam/AdamW step over n elements in place: p (values), g (gradients), m, v (moments).
/// When vmax is not NULL, AMSGrad: the denominator uses the running maximum of v, kept in vmax.
void tt_adam_update(size_t n, float *p, const float *g, float *m, float *v, float *vmax,
                    const tt_adam_coefficients *c);

/// out[j] = Σ_i x[i·cols + j] over the rows × cols matrix x, summed row after row.
void tt_sum_rows(size_t rows, size_t cols, const float *x, float *out);

/// Sets every row of the rows × cols matrix out to the vector v (cols elements).
void tt_fill_rows(size_t rows, size_t cols, const float *v, float *out);

/// Adds the vector v (cols elements) to every row of the rows × cols matrix out.
void tt_add_rows(size_t rows, size_t cols, const float *v, float *out);

#endif
