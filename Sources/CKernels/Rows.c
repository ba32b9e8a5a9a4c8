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
