#ifndef TRAINTOP_CCOMPUTE_H
#define TRAINTOP_CCOMPUTE_H
// The compute engine under Tensor on Linux: oneDNN's sgemm, its thread count, and what it runs on.
// Everything here returns an error code instead of aborting.

#include <stdint.h>

/// C = alpha·op(A)·op(B) + beta·C, row-major float32 (cblas_sgemm(CblasRowMajor, …) semantics);
/// op(X) is X, or Xᵀ when the flag is non-zero. Returns 0, or a non-zero dnnl_status_t.
int tt_gemm(int transA, int transB, int64_t m, int64_t n, int64_t k, float alpha, const float *a,
            int64_t lda, const float *b, int64_t ldb, float beta, float *c, int64_t ldc);

/// The number of threads the calling thread's later products use (a per-thread setting, as
/// OpenMP's: one trainer's count does not change another's). Returns 0, or non-zero for n < 1.
int tt_compute_set_threads(int n);

/// The calling thread's thread count (1 until set).
int tt_compute_threads(void);

/// The instruction set oneDNN's kernels use on this CPU, e.g. "avx2", "avx512_core".
const char *tt_compute_isa(void);

/// oneDNN's version, e.g. "2.6.3".
const char *tt_compute_version(void);


// MARK: Convolution and pooling primitives
//
// Each object holds the oneDNN primitives for one shape (batch size included), created once
// and reused every step; tensors are float32: activations NCHW or channel-blocked (see
// tt_window), weights and bias always plain OIHW and X (PyTorch's layouts). An object is used by one thread at a time. Functions return 0 or
// a non-zero dnnl_status_t; creation returns NULL and sets *status on failure.

/// The geometry of a 2-D convolution or pooling window over an NCHW batch.
typedef struct {
  int64_t batch, channels, height, width;  ///< the input
  int64_t outChannels;                     ///< convolution only (pooling keeps `channels`)
  int64_t kernelHeight, kernelWidth, stride, padding;
  int64_t outHeight, outWidth;             ///< (size + 2·padding − kernel)/stride + 1
  /// The memory layout of the input and of the output: 0 for plain NCHW, 8 or 16 for oneDNN's
  /// channel-blocked nChw8c / nChw16c (channels a multiple of the block). Pooling uses `srcBlock`
  /// for both. Weights are always plain OIHW here; the object reorders them for its kernels.
  int64_t srcBlock, dstBlock;
} tt_window;

typedef struct tt_conv tt_conv;

/// Forward, backward-data and backward-weights primitives of a convolution with bias.
tt_conv *tt_conv_create(const tt_window *window, int *status);
void tt_conv_destroy(tt_conv *conv);
/// dst = conv(src, weights) + bias.
int tt_conv_forward(tt_conv *conv, const float *src, const float *weights, const float *bias, float *dst);
/// diff_src = dL/d(src) from diff_dst.
int tt_conv_backward_data(tt_conv *conv, const float *diff_dst, const float *weights, float *diff_src);
/// diff_weights and diff_bias (overwritten) from src and diff_dst.
int tt_conv_backward_weights(tt_conv *conv, const float *src, const float *diff_dst, float *diff_weights,
                             float *diff_bias);

typedef struct tt_pool tt_pool;

/// Max (`isMax` non-zero; the gradient goes to the position the forward chose) or average
/// pooling, counting padded zeros in the average as PyTorch's default does.
tt_pool *tt_pool_create(const tt_window *window, int isMax, int *status);
void tt_pool_destroy(tt_pool *pool);
/// dst = pool(src); a max pooling records where each maximum was for the backward pass.
int tt_pool_forward(tt_pool *pool, const float *src, float *dst);
/// diff_src from diff_dst (after a forward on the same object, for max pooling).
int tt_pool_backward(tt_pool *pool, const float *diff_dst, float *diff_src);

#endif
