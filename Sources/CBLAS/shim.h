#ifndef TRAINTOP_CBLAS_SHIM_H
#define TRAINTOP_CBLAS_SHIM_H
// Debian's OpenBLAS cblas.h also declares openblas_set_num_threads / openblas_get_num_threads.
#include <cblas.h>
#endif
