#ifndef TRAINTOP_CZLIB_SHIM_H
#define TRAINTOP_CZLIB_SHIM_H
#include <zlib.h>
#endif
