// The one place that depends on oneDNN's major version (2.6 on Debian 12, 3.x on Debian 13 and
// Homebrew): the ISA enum, renumbered and renamed in 3.0 (the MIC values went, VNNI-2, AMX-FP16
// and the AVX10 aliases came), and primitive descriptors, which 3.0 creates in one call from
// opaque memory descriptors where 2.x first fills an operation descriptor. dnnl_sgemm, memory
// objects and execution are the same in both.
#include "Version.h"

const char *tt_isa_name(dnnl_cpu_isa_t isa) {
  switch (isa) {
#if DNNL_VERSION_MAJOR >= 3
    case dnnl_cpu_isa_default: return "default";
    case dnnl_cpu_isa_sse41: return "sse41";
    case dnnl_cpu_isa_avx: return "avx";
    case dnnl_cpu_isa_avx2: return "avx2";
    case dnnl_cpu_isa_avx2_vnni: return "avx2_vnni";
    case dnnl_cpu_isa_avx2_vnni_2: return "avx2_vnni_2";
    case dnnl_cpu_isa_avx512_core: return "avx512_core";
    case dnnl_cpu_isa_avx512_core_vnni: return "avx512_core_vnni";
    case dnnl_cpu_isa_avx512_core_bf16: return "avx512_core_bf16";
    case dnnl_cpu_isa_avx512_core_fp16: return "avx512_core_fp16";
    case dnnl_cpu_isa_avx512_core_amx: return "avx512_core_amx";
    case dnnl_cpu_isa_avx512_core_amx_fp16: return "avx512_core_amx_fp16";
#else
    case dnnl_cpu_isa_all: return "all";
    case dnnl_cpu_isa_sse41: return "sse41";
    case dnnl_cpu_isa_avx: return "avx";
    case dnnl_cpu_isa_avx2: return "avx2";
    case dnnl_cpu_isa_avx512_mic: return "avx512_mic";
    case dnnl_cpu_isa_avx512_mic_4ops: return "avx512_mic_4ops";
    case dnnl_cpu_isa_avx512_core: return "avx512_core";
    case dnnl_cpu_isa_avx512_core_vnni: return "avx512_core_vnni";
    case dnnl_cpu_isa_avx512_core_bf16: return "avx512_core_bf16";
    case dnnl_cpu_isa_avx512_core_amx: return "avx512_core_amx";
    case dnnl_cpu_isa_avx2_vnni: return "avx2_vnni";
#endif
    default: return "unknown";
  }
}

#if DNNL_VERSION_MAJOR >= 3

/// A plain f32 memory descriptor of `ndims` dimensions with `tag`.
static dnnl_status_t plain(dnnl_memory_desc_t *md, int ndims, const dnnl_dims_t dims, dnnl_format_tag_t tag) {
  return dnnl_memory_desc_create_with_tag(md, ndims, dims, dnnl_f32, tag);
}

dnnl_status_t tt_conv_descriptors(dnnl_engine_t engine, const tt_conv_shapes *s, dnnl_primitive_desc_t out[3]) {
  dnnl_memory_desc_t src = NULL, wei = NULL, bias = NULL, dst = NULL;
  dnnl_dims_t dilation = {0, 0};
  dnnl_status_t st = plain(&src, 4, s->src, s->src_tag);
  if (st == dnnl_success) st = plain(&wei, 4, s->weights, dnnl_format_tag_any);
  if (st == dnnl_success) st = plain(&bias, 1, s->bias, dnnl_x);
  if (st == dnnl_success) st = plain(&dst, 4, s->dst, s->dst_tag);
  out[0] = out[1] = out[2] = NULL;
  if (st == dnnl_success)
    st = dnnl_convolution_forward_primitive_desc_create(&out[0], engine, dnnl_forward_training,
                                                        dnnl_convolution_direct, src, wei, bias, dst, s->strides,
                                                        dilation, s->padding, s->padding, NULL);
  if (st == dnnl_success)
    st = dnnl_convolution_backward_data_primitive_desc_create(&out[1], engine, dnnl_convolution_direct, src, wei,
                                                              dst, s->strides, dilation, s->padding, s->padding,
                                                              out[0], NULL);
  if (st == dnnl_success)
    st = dnnl_convolution_backward_weights_primitive_desc_create(&out[2], engine, dnnl_convolution_direct, src,
                                                                 wei, bias, dst, s->strides, dilation, s->padding,
                                                                 s->padding, out[0], NULL);
  dnnl_memory_desc_destroy(src);
  dnnl_memory_desc_destroy(wei);
  dnnl_memory_desc_destroy(bias);
  dnnl_memory_desc_destroy(dst);
  if (st != dnnl_success)
    for (int i = 0; i < 3; i++) if (out[i]) dnnl_primitive_desc_destroy(out[i]), out[i] = NULL;
  return st;
}

dnnl_status_t tt_pool_descriptors(dnnl_engine_t engine, dnnl_alg_kind_t algorithm, const tt_pool_shapes *s,
                                  dnnl_primitive_desc_t out[2]) {
  dnnl_memory_desc_t src = NULL, dst = NULL;
  dnnl_dims_t dilation = {0, 0};
  dnnl_status_t st = plain(&src, 4, s->src, s->tag);
  if (st == dnnl_success) st = plain(&dst, 4, s->dst, s->tag);
  out[0] = out[1] = NULL;
  if (st == dnnl_success)
    st = dnnl_pooling_forward_primitive_desc_create(&out[0], engine, dnnl_forward_training, algorithm, src, dst,
                                                    s->strides, s->kernel, dilation, s->padding, s->padding, NULL);
  if (st == dnnl_success)
    st = dnnl_pooling_backward_primitive_desc_create(&out[1], engine, algorithm, src, dst, s->strides, s->kernel,
                                                     dilation, s->padding, s->padding, out[0], NULL);
  dnnl_memory_desc_destroy(src);
  dnnl_memory_desc_destroy(dst);
  if (st != dnnl_success)
    for (int i = 0; i < 2; i++) if (out[i]) dnnl_primitive_desc_destroy(out[i]), out[i] = NULL;
  return st;
}

dnnl_status_t tt_memory_for(dnnl_memory_t *memory, const_dnnl_primitive_desc_t pd, dnnl_query_t what, int index,
                            dnnl_engine_t engine, void *handle) {
  const_dnnl_memory_desc_t md = dnnl_primitive_desc_query_md(pd, what, index);
  if (md == NULL) return dnnl_invalid_arguments;
  return dnnl_memory_create(memory, md, engine, handle);
}

size_t tt_memory_size(const_dnnl_primitive_desc_t pd, dnnl_query_t what, int index) {
  const_dnnl_memory_desc_t md = dnnl_primitive_desc_query_md(pd, what, index);
  return md == NULL ? 0 : dnnl_memory_desc_get_size(md);
}

dnnl_status_t tt_bridge_create(tt_bridge *b, const_dnnl_primitive_desc_t pd, dnnl_query_t what, int index, int ndims,
                               const dnnl_dims_t dims, dnnl_format_tag_t user_tag, int to_user, dnnl_engine_t e) {
  b->user = b->internal = NULL;
  b->reorder = NULL;
  const_dnnl_memory_desc_t wanted = dnnl_primitive_desc_query_md(pd, what, index);
  dnnl_memory_desc_t user = NULL;
  dnnl_status_t st = wanted ? plain(&user, ndims, dims, user_tag) : dnnl_invalid_arguments;
  if (st == dnnl_success) st = dnnl_memory_create(&b->user, user, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success && !dnnl_memory_desc_equal(user, wanted)) {
    dnnl_primitive_desc_t reorder = NULL;
    st = dnnl_memory_create(&b->internal, wanted, e, DNNL_MEMORY_ALLOCATE);
    if (st == dnnl_success)
      st = to_user ? dnnl_reorder_primitive_desc_create(&reorder, wanted, e, user, e, NULL)
                   : dnnl_reorder_primitive_desc_create(&reorder, user, e, wanted, e, NULL);
    if (st == dnnl_success) st = dnnl_primitive_create(&b->reorder, reorder);
    if (reorder) dnnl_primitive_desc_destroy(reorder);
  }
  if (user) dnnl_memory_desc_destroy(user);
  return st;
}

#else

/// A plain f32 memory descriptor of `ndims` dimensions with `tag`.
static dnnl_status_t plain(dnnl_memory_desc_t *md, int ndims, const dnnl_dims_t dims, dnnl_format_tag_t tag) {
  return dnnl_memory_desc_init_by_tag(md, ndims, dims, dnnl_f32, tag);
}

dnnl_status_t tt_conv_descriptors(dnnl_engine_t engine, const tt_conv_shapes *s, dnnl_primitive_desc_t out[3]) {
  dnnl_memory_desc_t src, wei, bias, dst;
  dnnl_convolution_desc_t forward, data, weights;
  dnnl_status_t st = plain(&src, 4, s->src, s->src_tag);
  if (st == dnnl_success) st = plain(&wei, 4, s->weights, dnnl_format_tag_any);
  if (st == dnnl_success) st = plain(&bias, 1, s->bias, dnnl_x);
  if (st == dnnl_success) st = plain(&dst, 4, s->dst, s->dst_tag);
  if (st == dnnl_success)
    st = dnnl_convolution_forward_desc_init(&forward, dnnl_forward_training, dnnl_convolution_direct, &src, &wei,
                                            &bias, &dst, s->strides, s->padding, s->padding);
  if (st == dnnl_success)
    st = dnnl_convolution_backward_data_desc_init(&data, dnnl_convolution_direct, &src, &wei, &dst, s->strides,
                                                  s->padding, s->padding);
  if (st == dnnl_success)
    st = dnnl_convolution_backward_weights_desc_init(&weights, dnnl_convolution_direct, &src, &wei, &bias, &dst,
                                                     s->strides, s->padding, s->padding);
  out[0] = out[1] = out[2] = NULL;
  if (st == dnnl_success) st = dnnl_primitive_desc_create(&out[0], &forward, NULL, engine, NULL);
  if (st == dnnl_success) st = dnnl_primitive_desc_create(&out[1], &data, NULL, engine, out[0]);
  if (st == dnnl_success) st = dnnl_primitive_desc_create(&out[2], &weights, NULL, engine, out[0]);
  if (st != dnnl_success)
    for (int i = 0; i < 3; i++) if (out[i]) dnnl_primitive_desc_destroy(out[i]), out[i] = NULL;
  return st;
}

dnnl_status_t tt_pool_descriptors(dnnl_engine_t engine, dnnl_alg_kind_t algorithm, const tt_pool_shapes *s,
                                  dnnl_primitive_desc_t out[2]) {
  dnnl_memory_desc_t src, dst;
  dnnl_pooling_v2_desc_t forward, backward;
  dnnl_dims_t dilation = {0, 0};
  dnnl_status_t st = plain(&src, 4, s->src, s->tag);
  if (st == dnnl_success) st = plain(&dst, 4, s->dst, s->tag);
  if (st == dnnl_success)
    st = dnnl_pooling_v2_forward_desc_init(&forward, dnnl_forward_training, algorithm, &src, &dst, s->strides,
                                           s->kernel, dilation, s->padding, s->padding);
  if (st == dnnl_success)
    st = dnnl_pooling_v2_backward_desc_init(&backward, algorithm, &src, &dst, s->strides, s->kernel, dilation,
                                            s->padding, s->padding);
  out[0] = out[1] = NULL;
  if (st == dnnl_success) st = dnnl_primitive_desc_create(&out[0], &forward, NULL, engine, NULL);
  if (st == dnnl_success) st = dnnl_primitive_desc_create(&out[1], &backward, NULL, engine, out[0]);
  if (st != dnnl_success)
    for (int i = 0; i < 2; i++) if (out[i]) dnnl_primitive_desc_destroy(out[i]), out[i] = NULL;
  return st;
}

dnnl_status_t tt_memory_for(dnnl_memory_t *memory, const_dnnl_primitive_desc_t pd, dnnl_query_t what, int index,
                            dnnl_engine_t engine, void *handle) {
  const dnnl_memory_desc_t *md = dnnl_primitive_desc_query_md(pd, what, index);
  if (md == NULL) return dnnl_invalid_arguments;
  return dnnl_memory_create(memory, md, engine, handle);
}

size_t tt_memory_size(const_dnnl_primitive_desc_t pd, dnnl_query_t what, int index) {
  const dnnl_memory_desc_t *md = dnnl_primitive_desc_query_md(pd, what, index);
  return md == NULL ? 0 : dnnl_memory_desc_get_size(md);
}

dnnl_status_t tt_bridge_create(tt_bridge *b, const_dnnl_primitive_desc_t pd, dnnl_query_t what, int index, int ndims,
                               const dnnl_dims_t dims, dnnl_format_tag_t user_tag, int to_user, dnnl_engine_t e) {
  b->user = b->internal = NULL;
  b->reorder = NULL;
  const dnnl_memory_desc_t *wanted = dnnl_primitive_desc_query_md(pd, what, index);
  dnnl_memory_desc_t user;
  dnnl_status_t st = wanted ? plain(&user, ndims, dims, user_tag) : dnnl_invalid_arguments;
  if (st == dnnl_success) st = dnnl_memory_create(&b->user, &user, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success && !dnnl_memory_desc_equal(&user, wanted)) {
    dnnl_primitive_desc_t reorder = NULL;
    st = dnnl_memory_create(&b->internal, wanted, e, DNNL_MEMORY_ALLOCATE);
    if (st == dnnl_success)
      st = to_user ? dnnl_reorder_primitive_desc_create(&reorder, wanted, e, &user, e, NULL)
                   : dnnl_reorder_primitive_desc_create(&reorder, &user, e, wanted, e, NULL);
    if (st == dnnl_success) st = dnnl_primitive_create(&b->reorder, reorder);
    if (reorder) dnnl_primitive_desc_destroy(reorder);
  }
  return st;
}

#endif

void tt_bridge_destroy(tt_bridge *b) {
  if (b->reorder) dnnl_primitive_destroy(b->reorder);
  if (b->internal) dnnl_memory_destroy(b->internal);
  if (b->user) dnnl_memory_destroy(b->user);
  b->user = b->internal = NULL;
  b->reorder = NULL;
}
