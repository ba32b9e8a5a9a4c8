// Convolution and pooling as cached oneDNN primitives: one object per layer and batch shape, its
// primitives and memory objects made once, the data pointers swapped in before each execution.
#include "CCompute.h"
#include "Version.h"

#include <pthread.h>
#include <stdlib.h>

#include "Threads.h"

static dnnl_engine_t shared_engine = NULL;
static dnnl_status_t engine_status = dnnl_success;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;

static void make_engine(void) { engine_status = dnnl_engine_create(&shared_engine, dnnl_cpu, 0); }

/// The process's one CPU engine (thread-safe to share; streams are per object).
static dnnl_engine_t engine(void) {
  pthread_once(&engine_once, make_engine);
  return engine_status == dnnl_success ? shared_engine : NULL;
}

/// Points `memory` at `data` (oneDNN does not write through a source pointer).
static dnnl_status_t bind(dnnl_memory_t memory, const float *data) {
  return dnnl_memory_set_data_handle(memory, (void *)data);
}

// MARK: Convolution

enum { FORWARD, BACKWARD_DATA, BACKWARD_WEIGHTS };

/// The layout tag for a block size (0 = plain NCHW).
static dnnl_format_tag_t layout(int64_t block) {
  return block == 16 ? dnnl_nChw16c : block == 8 ? dnnl_nChw8c : dnnl_nchw;
}

struct tt_conv {
  dnnl_stream_t stream;
  dnnl_primitive_t primitives[3];
  dnnl_memory_t src, bias, dst;
  dnnl_memory_t diff_src, diff_bias, diff_dst;
  /// The caller's OIHW weights as each pass wants them, and the weight gradient back to OIHW.
  tt_bridge weights_forward, weights_backward, diff_weights;
};

void tt_conv_destroy(tt_conv *c) {
  if (c == NULL) return;
  for (int i = 0; i < 3; i++) if (c->primitives[i]) dnnl_primitive_destroy(c->primitives[i]);
  dnnl_memory_t memories[] = {c->src, c->bias, c->dst, c->diff_src, c->diff_bias, c->diff_dst};
  for (size_t i = 0; i < sizeof memories / sizeof *memories; i++)
    if (memories[i]) dnnl_memory_destroy(memories[i]);
  tt_bridge_destroy(&c->weights_forward);
  tt_bridge_destroy(&c->weights_backward);
  tt_bridge_destroy(&c->diff_weights);
  if (c->stream) dnnl_stream_destroy(c->stream);
  free(c);
}

static tt_conv_shapes conv_shapes(const tt_window *w) {
  tt_conv_shapes s = {
      .src = {w->batch, w->channels, w->height, w->width},
      .weights = {w->outChannels, w->channels, w->kernelHeight, w->kernelWidth},
      .bias = {w->outChannels},
      .dst = {w->batch, w->outChannels, w->outHeight, w->outWidth},
      .strides = {w->stride, w->stride},
      .padding = {w->padding, w->padding},
      .src_tag = layout(w->srcBlock),
      .dst_tag = layout(w->dstBlock),
  };
  return s;
}

/// The memory objects, from the descriptors the primitives were made with.
static dnnl_status_t conv_memories(tt_conv *c, dnnl_primitive_desc_t pd[3], const tt_conv_shapes *s,
                                   dnnl_engine_t e) {
  dnnl_status_t st = tt_memory_for(&c->src, pd[FORWARD], dnnl_query_src_md, 0, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success) st = tt_memory_for(&c->bias, pd[FORWARD], dnnl_query_weights_md, 1, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success) st = tt_memory_for(&c->dst, pd[FORWARD], dnnl_query_dst_md, 0, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success)
    st = tt_memory_for(&c->diff_src, pd[BACKWARD_DATA], dnnl_query_diff_src_md, 0, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success)
    st = tt_memory_for(&c->diff_dst, pd[BACKWARD_DATA], dnnl_query_diff_dst_md, 0, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success)
    st = tt_memory_for(&c->diff_bias, pd[BACKWARD_WEIGHTS], dnnl_query_diff_weights_md, 1, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success)
    st = tt_bridge_create(&c->weights_forward, pd[FORWARD], dnnl_query_weights_md, 0, 4, s->weights, dnnl_oihw, 0, e);
  if (st == dnnl_success)
    st = tt_bridge_create(&c->weights_backward, pd[BACKWARD_DATA], dnnl_query_weights_md, 0, 4, s->weights,
                          dnnl_oihw, 0, e);
  if (st == dnnl_success)
    st = tt_bridge_create(&c->diff_weights, pd[BACKWARD_WEIGHTS], dnnl_query_diff_weights_md, 0, 4, s->weights,
                          dnnl_oihw, 1, e);
  return st;
}

tt_conv *tt_conv_create(const tt_window *w, int *status) {
  tt_apply_threads();  // creation runs parallel loops too: with the caller's count, not OpenMP's default
  dnnl_engine_t e = engine();
  tt_conv *c = calloc(1, sizeof *c);
  dnnl_primitive_desc_t pd[3] = {NULL, NULL, NULL};
  dnnl_status_t st = e && c ? dnnl_success : dnnl_out_of_memory;
  tt_conv_shapes shapes = conv_shapes(w);
  if (st == dnnl_success) st = tt_conv_descriptors(e, &shapes, pd);
  if (st == dnnl_success) st = dnnl_stream_create(&c->stream, e, dnnl_stream_default_flags);
  for (int i = 0; i < 3 && st == dnnl_success; i++) st = dnnl_primitive_create(&c->primitives[i], pd[i]);
  if (st == dnnl_success) st = conv_memories(c, pd, &shapes, e);
  for (int i = 0; i < 3; i++) if (pd[i]) dnnl_primitive_desc_destroy(pd[i]);
  *status = (int)st;
  if (st != dnnl_success) {
    tt_conv_destroy(c);
    return NULL;
  }
  return c;
}

/// Runs `primitive` with `args` (no wait), using the calling thread's thread count.
static dnnl_status_t submit(dnnl_primitive_t primitive, dnnl_stream_t stream, int count, const dnnl_exec_arg_t *args) {
  tt_apply_threads();
  return dnnl_primitive_execute(primitive, stream, count, args);
}

/// Runs `primitive` with `args` and waits for it.
static int run(dnnl_primitive_t primitive, dnnl_stream_t stream, int count, const dnnl_exec_arg_t *args) {
  dnnl_status_t st = submit(primitive, stream, count, args);
  if (st == dnnl_success) st = dnnl_stream_wait(stream);
  return (int)st;
}

/// Binds `data` to the bridge's user side; converts it into the internal layout if there is one.
/// Returns the memory the primitive should read.
static dnnl_status_t bridge_in(tt_bridge *b, const float *data, dnnl_stream_t stream, dnnl_memory_t *use) {
  dnnl_status_t st = bind(b->user, data);
  *use = b->user;
  if (st != dnnl_success || b->reorder == NULL) return st;
  dnnl_exec_arg_t args[] = {{DNNL_ARG_FROM, b->user}, {DNNL_ARG_TO, b->internal}};
  *use = b->internal;
  return submit(b->reorder, stream, 2, args);
}

int tt_conv_forward(tt_conv *c, const float *src, const float *weights, const float *bias, float *dst) {
  dnnl_memory_t w = NULL;
  dnnl_status_t st = bind(c->src, src);
  if (st == dnnl_success) st = bind(c->bias, bias);
  if (st == dnnl_success) st = bind(c->dst, dst);
  if (st == dnnl_success) st = bridge_in(&c->weights_forward, weights, c->stream, &w);
  if (st != dnnl_success) return (int)st;
  dnnl_exec_arg_t args[] = {{DNNL_ARG_SRC, c->src}, {DNNL_ARG_WEIGHTS, w}, {DNNL_ARG_BIAS, c->bias},
                            {DNNL_ARG_DST, c->dst}};
  return run(c->primitives[FORWARD], c->stream, 4, args);
}

int tt_conv_backward_data(tt_conv *c, const float *diff_dst, const float *weights, float *diff_src) {
  dnnl_memory_t w = NULL;
  dnnl_status_t st = bind(c->diff_dst, diff_dst);
  if (st == dnnl_success) st = bind(c->diff_src, diff_src);
  if (st == dnnl_success) st = bridge_in(&c->weights_backward, weights, c->stream, &w);
  if (st != dnnl_success) return (int)st;
  dnnl_exec_arg_t args[] = {{DNNL_ARG_DIFF_DST, c->diff_dst}, {DNNL_ARG_WEIGHTS, w}, {DNNL_ARG_DIFF_SRC, c->diff_src}};
  return run(c->primitives[BACKWARD_DATA], c->stream, 3, args);
}

int tt_conv_backward_weights(tt_conv *c, const float *src, const float *diff_dst, float *diff_weights,
                             float *diff_bias) {
  tt_bridge *dw = &c->diff_weights;
  dnnl_status_t st = bind(c->src, src);
  if (st == dnnl_success) st = bind(c->diff_dst, diff_dst);
  if (st == dnnl_success) st = bind(dw->user, diff_weights);
  if (st == dnnl_success) st = bind(c->diff_bias, diff_bias);
  if (st != dnnl_success) return (int)st;
  dnnl_exec_arg_t args[] = {{DNNL_ARG_SRC, c->src},
                            {DNNL_ARG_DIFF_DST, c->diff_dst},
                            {DNNL_ARG_DIFF_WEIGHTS, dw->internal ? dw->internal : dw->user},
                            {DNNL_ARG_DIFF_BIAS, c->diff_bias}};
  st = submit(c->primitives[BACKWARD_WEIGHTS], c->stream, 4, args);
  if (st == dnnl_success && dw->reorder) {
    dnnl_exec_arg_t back[] = {{DNNL_ARG_FROM, dw->internal}, {DNNL_ARG_TO, dw->user}};
    st = submit(dw->reorder, c->stream, 2, back);
  }
  if (st == dnnl_success) st = dnnl_stream_wait(c->stream);
  return (int)st;
}

// MARK: Pooling

struct tt_pool {
  dnnl_stream_t stream;
  dnnl_primitive_t forward, backward;
  dnnl_memory_t src, dst, diff_src, diff_dst;
  dnnl_memory_t workspace;  ///< where each maximum was (max pooling only), owned by oneDNN
};

void tt_pool_destroy(tt_pool *p) {
  if (p == NULL) return;
  if (p->forward) dnnl_primitive_destroy(p->forward);
  if (p->backward) dnnl_primitive_destroy(p->backward);
  dnnl_memory_t memories[] = {p->src, p->dst, p->diff_src, p->diff_dst, p->workspace};
  for (size_t i = 0; i < sizeof memories / sizeof *memories; i++)
    if (memories[i]) dnnl_memory_destroy(memories[i]);
  if (p->stream) dnnl_stream_destroy(p->stream);
  free(p);
}

static dnnl_status_t pool_memories(tt_pool *p, dnnl_primitive_desc_t pd[2], dnnl_engine_t e) {
  dnnl_status_t st = tt_memory_for(&p->src, pd[0], dnnl_query_src_md, 0, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success) st = tt_memory_for(&p->dst, pd[0], dnnl_query_dst_md, 0, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success) st = tt_memory_for(&p->diff_src, pd[1], dnnl_query_diff_src_md, 0, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success) st = tt_memory_for(&p->diff_dst, pd[1], dnnl_query_diff_dst_md, 0, e, DNNL_MEMORY_NONE);
  if (st == dnnl_success && tt_memory_size(pd[0], dnnl_query_workspace_md, 0) > 0) {
    st = tt_memory_for(&p->workspace, pd[0], dnnl_query_workspace_md, 0, e, DNNL_MEMORY_ALLOCATE);
  }
  return st;
}

tt_pool *tt_pool_create(const tt_window *w, int isMax, int *status) {
  tt_apply_threads();  // creation runs parallel loops too: with the caller's count, not OpenMP's default
  dnnl_engine_t e = engine();
  tt_pool *p = calloc(1, sizeof *p);
  dnnl_primitive_desc_t pd[2] = {NULL, NULL};
  dnnl_status_t st = e && p ? dnnl_success : dnnl_out_of_memory;
  tt_pool_shapes shapes = {
      .src = {w->batch, w->channels, w->height, w->width},
      .dst = {w->batch, w->channels, w->outHeight, w->outWidth},
      .kernel = {w->kernelHeight, w->kernelWidth},
      .strides = {w->stride, w->stride},
      .padding = {w->padding, w->padding},
      .tag = layout(w->srcBlock),
  };
  dnnl_alg_kind_t algorithm = isMax ? dnnl_pooling_max : dnnl_pooling_avg_include_padding;
  if (st == dnnl_success) st = tt_pool_descriptors(e, algorithm, &shapes, pd);
  if (st == dnnl_success) st = dnnl_stream_create(&p->stream, e, dnnl_stream_default_flags);
  if (st == dnnl_success) st = dnnl_primitive_create(&p->forward, pd[0]);
  if (st == dnnl_success) st = dnnl_primitive_create(&p->backward, pd[1]);
  if (st == dnnl_success) st = pool_memories(p, pd, e);
  for (int i = 0; i < 2; i++) if (pd[i]) dnnl_primitive_desc_destroy(pd[i]);
  *status = (int)st;
  if (st != dnnl_success) {
    tt_pool_destroy(p);
    return NULL;
  }
  return p;
}

int tt_pool_forward(tt_pool *p, const float *src, float *dst) {
  dnnl_status_t st = bind(p->src, src);
  if (st == dnnl_success) st = bind(p->dst, dst);
  if (st != dnnl_success) return (int)st;
  dnnl_exec_arg_t args[] = {{DNNL_ARG_SRC, p->src}, {DNNL_ARG_DST, p->dst}, {DNNL_ARG_WORKSPACE, p->workspace}};
  return run(p->forward, p->stream, p->workspace ? 3 : 2, args);
}

int tt_pool_backward(tt_pool *p, const float *diff_dst, float *diff_src) {
  dnnl_status_t st = bind(p->diff_dst, diff_dst);
  if (st == dnnl_success) st = bind(p->diff_src, diff_src);
  if (st != dnnl_success) return (int)st;
  dnnl_exec_arg_t args[] = {
      {DNNL_ARG_DIFF_DST, p->diff_dst}, {DNNL_ARG_DIFF_SRC, p->diff_src}, {DNNL_ARG_WORKSPACE, p->workspace}};
  return run(p->backward, p->stream, p->workspace ? 3 : 2, args);
}
