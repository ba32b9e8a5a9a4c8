#ifndef TRAINTOP_CCOMPUTE_VERSION_H
#define TRAINTOP_CCOMPUTE_VERSION_H
// The calls whose form differs between oneDNN 2.x (Debian 12) and 3.x (Debian 13, Homebrew):
// the ISA enum and how primitive descriptors and memory descriptors are made. Everything else
// (memory objects, execution, streams) is the same in both and lives in the other files.
#include <dnnl.h>

/// The short name of an ISA value (the enum was renumbered and renamed in oneDNN 3.0).
const char *tt_isa_name(dnnl_cpu_isa_t isa);

/// Shapes of a 2-D convolution: src and dst in the given layouts, weights in whatever layout the
/// kernels want (format "any"), bias X.
typedef struct {
  dnnl_dims_t src, weights, bias, dst;
  dnnl_dims_t strides, padding;
  dnnl_format_tag_t src_tag, dst_tag;
} tt_conv_shapes;

/// Creates the forward (training), backward-data and backward-weights descriptors of a
/// convolution with `shapes`, in that order. On failure nothing is left allocated.
dnnl_status_t tt_conv_descriptors(dnnl_engine_t engine, const tt_conv_shapes *shapes,
                                  dnnl_primitive_desc_t out[3]);

/// Shapes of a 2-D pooling: src and dst NCHW, window `kernel`, `strides`, symmetric `padding`.
typedef struct {
  dnnl_dims_t src, dst;
  dnnl_dims_t kernel, strides, padding;
  dnnl_format_tag_t tag;  ///< src and dst layout
} tt_pool_shapes;

/// Creates the forward (training) and backward descriptors of a pooling with `algorithm`.
dnnl_status_t tt_pool_descriptors(dnnl_engine_t engine, dnnl_alg_kind_t algorithm,
                                  const tt_pool_shapes *shapes, dnnl_primitive_desc_t out[2]);

/// A memory object for the descriptor `pd` reports for `what`/`index`, with `handle`:
/// DNNL_MEMORY_NONE (a pointer is bound before each use) or DNNL_MEMORY_ALLOCATE (oneDNN's own).
dnnl_status_t tt_memory_for(dnnl_memory_t *memory, const_dnnl_primitive_desc_t pd, dnnl_query_t what,
                            int index, dnnl_engine_t engine, void *handle);

/// A tensor the caller keeps in a plain layout while a primitive wants its own: `user` takes the
/// caller's pointer; when the layouts differ, `internal` (oneDNN-allocated) is what the primitive
/// reads or writes and `reorder` copies between them; otherwise both are NULL.
typedef struct {
  dnnl_memory_t user, internal;
  dnnl_primitive_t reorder;
} tt_bridge;

/// Makes `bridge` for the memory `pd` reports for `what`/`index`, the caller's layout being
/// `user_tag` over `dims`; the reorder runs user → internal, or internal → user if `to_user`.
dnnl_status_t tt_bridge_create(tt_bridge *bridge, const_dnnl_primitive_desc_t pd, dnnl_query_t what, int index,
                               int ndims, const dnnl_dims_t dims, dnnl_format_tag_t user_tag, int to_user,
                               dnnl_engine_t engine);

/// Releases what `tt_bridge_create` made.
void tt_bridge_destroy(tt_bridge *bridge);

/// The size in bytes of the memory `pd` reports for `what`/`index` (0 when it has none).
size_t tt_memory_size(const_dnnl_primitive_desc_t pd, dnnl_query_t what, int index);
#endif
