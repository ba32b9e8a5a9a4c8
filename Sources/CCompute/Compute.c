// oneDNN as traintop's GEMM library. The version-independent part; the calls whose names
// changed in oneDNN 3.0 live in Version.c.
#include "CCompute.h"
#include "Threads.h"
#include "Version.h"

#include <dnnl.h>
#include <stdio.h>

#if defined(DNNL_CPU_RUNTIME) && DNNL_CPU_RUNTIME == DNNL_RUNTIME_OMP
// Declared here rather than through <omp.h>: Swift's clang ships no omp.h, and -fopenmp would
// bring LLVM's OpenMP runtime next to the GNU one libdnnl uses. The symbols come from libgomp.
extern int omp_get_max_threads(void);
extern void omp_set_num_threads(int n);
#define TT_HAVE_OMP 1
#endif

/// The thread count requested by the calling thread: each trainer (and each test) owns its own,
/// as OpenMP's nthreads-var is per thread too.
static _Thread_local int requested_threads = 1;

void tt_apply_threads(void) {
#ifdef TT_HAVE_OMP
  int want = requested_threads;
  if (omp_get_max_threads() != want) omp_set_num_threads(want);
#endif
}

int tt_gemm(int transA, int transB, int64_t m, int64_t n, int64_t k, float alpha, const float *a,
            int64_t lda, const float *b, int64_t ldb, float beta, float *c, int64_t ldc) {
  if (m == 0 || n == 0) return 0;
  tt_apply_threads();
  // dnnl_sgemm runs the same JIT kernels as a cached matmul primitive here, with a third of its
  // fixed cost per call (measured: 0.29 µs against 1.07 µs); fusing the bias and ReLU into a matmul
  // saved nothing over the vectorised bias pass (within ±5%), so plain sgemm it is.
  return (int)dnnl_sgemm(transA ? 'T' : 'N', transB ? 'T' : 'N', m, n, k, alpha, a, lda, b, ldb, beta,
                         c, ldc);
}

int tt_compute_set_threads(int n) {
  if (n < 1) return (int)dnnl_invalid_arguments;
  requested_threads = n;
  return 0;
}

int tt_compute_threads(void) { return requested_threads; }

const char *tt_compute_isa(void) { return tt_isa_name(dnnl_get_effective_cpu_isa()); }

const char *tt_compute_version(void) {
  static char text[32];
  const dnnl_version_t *v = dnnl_version();
  snprintf(text, sizeof text, "%d.%d.%d", v->major, v->minor, v->patch);
  return text;
}
