#ifndef TRAINTOP_CCOMPUTE_VERSION_H
#define TRAINTOP_CCOMPUTE_VERSION_H
#include <dnnl.h>

/// The short name of an ISA value (the enum was renumbered and renamed in oneDNN 3.0).
const char *tt_isa_name(dnnl_cpu_isa_t isa);
#endif
