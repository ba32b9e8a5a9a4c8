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
