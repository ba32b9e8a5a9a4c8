#ifndef TRAINTOP_CCOMPUTE_THREADS_H
#define TRAINTOP_CCOMPUTE_THREADS_H
/// Applies the calling thread's requested thread count (tt_compute_set_threads) to OpenMP.
void tt_apply_threads(void);
#endif
