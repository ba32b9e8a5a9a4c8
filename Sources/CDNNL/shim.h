#ifndef TRAINTOP_CDNNL_SHIM_H
#define TRAINTOP_CDNNL_SHIM_H
// oneDNN's C API (Debian libdnnl-dev; 2.6 on Debian 12, 3.x on Debian 13 and Homebrew).
// Debian's build uses the GNU OpenMP runtime, hence `link "gomp"` beside `link "dnnl"`.
#include <dnnl.h>
#endif
