// Row-broadcast and row-reduction loops of the dense layers.
#include "CKernels.h"
#include "Dispatch.h"

#pragma clang fp contract(off)

// out[j] = Σ_i x[i·cols + j], summed row after row (the same order at any vector width).
TT_KERNEL(tt_sum_rows, (size_t rows, size_t cols, const float *restrict x, float *restrict out),
          (rows, cols, x, out),
          for (size_t j = 0; j < cols; j++) out[j] = 0;
          for (size_t i = 0; i < rows; i++) {
            const float *row = x + i * cols;
            for (size_t j = 0; j < cols; j++) out[j] += row[j];
          })

// Every row of out (rows × cols) becomes a copy of v.
TT_KERNEL(tt_fill_rows, (size_t rows, size_t cols, const float *restrict v, float *restrict out),
          (rows, cols, v, out),
          for (size_t i = 0; i < rows; i++) __builtin_memcpy(out + i * cols, v, cols * sizeof(float));)

// *out = Σ x[i]·y[i]: eight partial sums (lane k takes i ≡ k mod 8, the tail too), added in a
// fixed tree, so both variants give the same bits.
TT_KERNEL(tt_dot, (size_t n, const float *restrict x, const float *restrict y, float *restrict out),
          (n, x, y, out),
          tt_v8 acc = TT_SPLAT8(0.0f);
          size_t i = 0;
          for (; i + 8 <= n; i += 8) acc += TT_LOAD8(x + i) * TT_LOAD8(y + i);
          float lane[8];
          __builtin_memcpy(lane, &acc, sizeof lane);
          for (size_t k = 0; i < n; i++, k++) lane[k] += x[i] * y[i];
          *out = ((lane[0] + lane[1]) + (lane[2] + lane[3])) + ((lane[4] + lane[5]) + (lane[6] + lane[7]));)

// y += a·x.
TT_KERNEL(tt_axpy, (size_t n, float a, const float *restrict x, float *restrict y), (n, a, x, y),
          for (size_t i = 0; i < n; i++) y[i] += a * x[i];)

// ReLU with dead-unit tracking in one pass: y = max(x, 0) (0 for NaN, as `x > 0 ? x : 0`), and
// maxima[b·lanes + l] = max(maxima[…], y[((s·blocks + b)·positions + p)·lanes + l]) over every sample
// s and position p: the largest output of each unit. x and y are read as
// [samples][blocks][positions][lanes], which covers features (one block, one position), plain NCHW
// (lanes 1) and oneDNN's channel-blocked layouts (lanes = the block). A max is exact, so the vector
// width does not change the result.
TT_KERNEL(tt_relu_tracking,
          (size_t samples, size_t blocks, size_t positions, size_t lanes, const float *restrict x,
           float *restrict y, float *restrict maxima),
          (samples, blocks, positions, lanes, x, y, maxima),
          const tt_v8 zero = TT_SPLAT8(0.0f);
          for (size_t s = 0; s < samples; s++) {
            for (size_t b = 0; b < blocks; b++) {
              float *restrict m = maxima + b * lanes;
              const size_t offset = (s * blocks + b) * positions * lanes;
              const float *in = x + offset;
              float *out = y + offset;
              if (lanes == 1) {
                tt_v8 acc = TT_SPLAT8(m[0]);
                size_t p = 0;
                for (; p + 8 <= positions; p += 8) {
                  tt_v8 v = TT_LOAD8(in + p);
                  v = (tt_v8)((tt_v8i)v & (v > zero));
                  TT_STORE8(out + p, v);
                  acc = TT_MAX8(acc, v);
                }
                float best = m[0];
                for (int k = 0; k < 8; k++) best = acc[k] > best ? acc[k] : best;
                for (; p < positions; p++) {
                  float v = in[p] > 0 ? in[p] : 0;
                  out[p] = v;
                  best = v > best ? v : best;
                }
                m[0] = best;
              } else {
                for (size_t p = 0; p < positions; p++) {
                  const float *v = in + p * lanes;
                  float *w = out + p * lanes;
                  for (size_t l = 0; l < lanes; l++) {
                    float r = v[l] > 0 ? v[l] : 0;
                    w[l] = r;
                    m[l] = r > m[l] ? r : m[l];
                  }
                }
              }
            }
          })

// The rows of a batch from a byte matrix: out[i·width + j] = (float)source[rows[positions[i]]·width + j]
// / divisor, a true division (what dividing each pixel gives). The rows are scattered over a large
// dataset, so each loop first asks for the row after next (every cache line of it): without that, the
// loads wait on memory for most of the gather.
TT_KERNEL(tt_gather_byte_rows,
          (size_t count, size_t width, const uint8_t *restrict source, const intptr_t *restrict positions,
           const intptr_t *restrict rows, float divisor, float *restrict out),
          (count, width, source, positions, rows, divisor, out),
          for (size_t i = 0; i < count; i++) {
            if (i + 2 < count) {
              const uint8_t *ahead = source + (size_t)rows[positions[i + 2]] * width;
              for (size_t b = 0; b < width; b += 64) __builtin_prefetch(ahead + b);
            }
            const uint8_t *row = source + (size_t)rows[positions[i]] * width;
            float *o = out + i * width;
            for (size_t j = 0; j < width; j++) o[j] = (float)row[j] / divisor;
          })
