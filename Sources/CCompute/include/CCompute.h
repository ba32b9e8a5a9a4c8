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

#endif
