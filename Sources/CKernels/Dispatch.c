// Which variant the kernels run: AVX when the CPU has it, unless a test turns it off.
#include "CKernels.h"

#include <stdatomic.h>

// -1 until first asked; then 1 (AVX) or 0 (baseline).
static _Atomic int use_avx = -1;

static int cpu_has_avx(void) {
#if defined(__x86_64__)
  return __builtin_cpu_supports("avx") ? 1 : 0;
#else
  return 0;
#endif
}

int tt_kernels_use_avx(void) {
  int value = atomic_load_explicit(&use_avx, memory_order_relaxed);
  if (value < 0) {
    value = cpu_has_avx();
    atomic_store_explicit(&use_avx, value, memory_order_relaxed);
  }
  return value;
}

int tt_kernels_set_avx(int enabled) {
  int previous = tt_kernels_use_avx();
  atomic_store_explicit(&use_avx, enabled && cpu_has_avx(), memory_order_relaxed);
  return previous;
}
