/* PyTorch's float sums (ATen's cascade_sum, AVX2 build) as engine/reduce.py replays them with numpy, in plain C:
 * the same additions in the same order, so both give the same bits; here at the cost of a loop instead of
 * ~20-100 small numpy calls. Compiled with the other C kernels (build_kernels.py: -ffp-contract=off
 * -fno-fast-math: no reassociation). The body is _reduce_body.h, instantiated for float32 (8 values per AVX2
 * vector) and float64 (4). Arrays are C-contiguous; "a column" is the values one output element sums. */
#include <math.h>
#include <stdlib.h>

#define T float
#define SUF f32
#define LANES 8
#include "_reduce_body.h"
#undef T
#undef SUF
#undef LANES

#define T double
#define SUF f64
#define LANES 4
#include "_reduce_body.h"
