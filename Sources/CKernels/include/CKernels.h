#ifndef TRAINTOP_CKERNELS_H
#define TRAINTOP_CKERNELS_H
// Fused elementwise loops of the training step, written in C so that they vectorise fully:
// Swift's SIMD squareRoot() runs lane by lane through sqrtf, and Swift cannot compile one
// function for AVX while the rest of the build targets baseline x86-64. Each kernel is built
// twice on x86-64 (AVX and baseline SSE2) and picks one at run time; both paths do the same
// IEEE operations in the same order (no FMA contraction), so results do not depend on the CPU.

#include <stddef.h>
#include <stdint.h>

/// 1 when the kernels run their AVX variant (x86-64 CPUs that have AVX), else 0.
int tt_kernels_use_avx(void);

/// Turns the AVX variants on (when the CPU has AVX) or off, returning the previous setting.
/// Results are the same either way; tests use this to check that.
int tt_kernels_set_avx(int enabled);

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

/// Coefficients of one SGD step.
typedef struct {
  float learningRate;  ///< lr.
  float momentum;      ///< μ.
  float weightDecay;   ///< Coupled L2 λ.
} tt_sgd_coefficients;

/// One SGD step over n elements in place (PyTorch's SGD). With a momentum buffer b (not NULL):
/// heavy-ball momentum, or Nesterov when nesterov is non-zero; first is non-zero on the buffer's
/// first step, which copies the gradient into it.
void tt_sgd_update(size_t n, float *p, const float *g, float *b, int first, int nesterov,
                   const tt_sgd_coefficients *c);

/// One Adagrad step over n elements in place: s is the running sum of squared gradients.
void tt_adagrad_update(size_t n, float *p, const float *g, float *s, float learningRate,
                       float weightDecay, float epsilon);

/// Coefficients of one RMSProp step.
typedef struct {
  float learningRate;   ///< lr.
  float alpha;          ///< Smoothing constant α.
  float oneMinusAlpha;  ///< 1 − α.
  float epsilon;        ///< ε.
  float weightDecay;    ///< Coupled L2 λ.
  float momentum;       ///< μ (used only with a buffer).
} tt_rmsprop_coefficients;

/// One RMSProp step over n elements in place: v is the mean square; a (centred, or NULL) the mean
/// gradient; b (momentum, or NULL) the momentum buffer.
void tt_rmsprop_update(size_t n, float *p, const float *g, float *v, float *a, float *b,
                       const tt_rmsprop_coefficients *c);

/// out[j] = Σ_i x[i·cols + j] over the rows × cols matrix x, summed row after row.
void tt_sum_rows(size_t rows, size_t cols, const float *x, float *out);
/// Gathers `count` rows of a `width`-byte matrix as floats: row i of `out` is row `rows[positions[i]]`
/// of `source`, each byte divided by `divisor`.
void tt_gather_byte_rows(size_t count, size_t width, const uint8_t *source, const intptr_t *positions,
                         const intptr_t *rows, float divisor, float *out);

/// Sets every row of the rows × cols matrix out to the vector v (cols elements).
void tt_fill_rows(size_t rows, size_t cols, const float *v, float *out);

/// The dot product of x and y (n elements) into *out, in a fixed order (see Rows.c).
void tt_dot(size_t n, const float *x, const float *y, float *out);

/// y += a·x over n elements.
void tt_axpy(size_t n, float a, const float *x, float *y);

/// y = max(x, 0), and maxima[unit] = the largest output of each unit, x and y read as
/// [samples][blocks][positions][lanes] (unit = block·lanes + lane): features, plain NCHW (lanes 1)
/// or channel-blocked layouts. ReLU's forward with dead-unit tracking, in one pass.
void tt_relu_tracking(size_t samples, size_t blocks, size_t positions, size_t lanes, const float *x,
                      float *y, float *maxima);

#endif
