/* One instantiation of _reduce.c's sums: T (float or double), SUF (name suffix), LANES (values per vector).
 * Names follow engine/reduce.py, which documents the order. */
#define CAT_(a, b) a##_##b
#define CAT(a, b) CAT_(a, b)
#define FN(name) CAT(name, SUF)

/* index order from +0.0 */
static T FN(seq)(const T *x, long n, long stride) {
    T acc = (T)0;
    for (long i = 0; i < n; i++) acc = acc + x[i * stride];
    return acc;
}

/* reduce.py _cascade for one column of n values */
static T FN(cascade)(const T *x, long n, long stride) {
    long bits = 0;
    for (long v = n - 1; v > 0; v >>= 1) bits++;
    long power = n > 1 ? bits / 4 : 0;
    if (power < 4) power = 4;
    long step = 1L << power, chunks = n / step;
    T total = FN(seq)(x + chunks * step * stride, n - chunks * step, stride);   /* acc[0]: after the last chunk */
    if (!chunks) return total;
    T small[256];
    T *sums = chunks <= 256 ? small : (T *)malloc(sizeof(T) * chunks);
    if (!sums) return (T)0;   /* cannot happen for any array that fits in memory with its chunk sums */
    for (long c = 0; c < chunks; c++) sums[c] = FN(seq)(x + c * step * stride, step, stride);
    long count = chunks;
    for (int level = 0; level < 2; level++) {
        long full = count / step;
        total = total + FN(seq)(sums + full * step, count - full * step, 1);   /* what stays in this level */
        if (!full) {
            total = total + (T)0;                                             /* the empty levels add +0.0 */
            if (sums != small) free(sums);
            return total;
        }
        for (long f = 0; f < full; f++) sums[f] = FN(seq)(sums + f * step, step, 1);
        count = full;
    }
    total = total + FN(seq)(sums, count, 1);
    if (sums != small) free(sums);
    return total;
}

/* reduce.py _row_sum for one column of n values: 4 accumulators */
static T FN(row_sum)(const T *x, long n, long stride) {
    long k = n / 4;
    if (!k) return FN(seq)(x, n, stride) + (T)0;
    T first = FN(cascade)(x, k, 4 * stride);
    for (long i = k * 4; i < n; i++) first = first + x[i * stride];
    for (long j = 1; j < 4; j++) first = first + FN(cascade)(x + j * stride, k, 4 * stride);
    return first;
}

/* the WIDE = 4 * LANES adjacent columns of a row's values taken as rows of WIDE, what inner's lanes and their 4
 * accumulators read: cascadew(x, n, WIDE, res) gives res[c] = cascade(x + c, n, WIDE) in one pass over the values */
#define WIDE (4 * LANES)
#define COLSW WIDE
#define SEQC FN(seqw)
#define ADDC FN(addw)
#define CASCADEC FN(cascadew)
#include "_reduce_cols.h"
#undef COLSW
#undef SEQC
#undef ADDC
#undef CASCADEC

/* reduce.py _inner for one contiguous row of m values */
static T FN(inner)(const T *x, long m) {
    if (m < LANES) return FN(row_sum)(x, m, 1) + (T)0;
    long v = m / LANES;
    T acc = (T)0;
    if (v == 1) {   /* the tail first, then the vector's lanes */
        for (long i = LANES; i < m; i++) acc = acc + x[i];
        for (long i = 0; i < LANES; i++) acc = acc + x[i];
        return acc;
    }
    T partial[LANES];
    long k = v / 4;
    if (k >= 16) {
        /* a long row: row_sum's 4 cascades of each lane are the 4 * LANES columns of the values taken as rows of
         * 4 * LANES (x[q * 4 * LANES + j * LANES + l] is the q-th value of accumulator j of lane l), all cascaded
         * side by side in one pass (cascadew), instead of one strided pass over the whole row per column; then each
         * lane as row_sum finishes it */
        T cols[WIDE];
        FN(cascadew)(x, k, WIDE, cols);
        for (long l = 0; l < LANES; l++) {
            T first = cols[l];
            for (long i = k * 4; i < v; i++) first = first + x[l + i * LANES];
            for (long j = 1; j < 4; j++) first = first + cols[j * LANES + l];
            partial[l] = first;
        }
    } else {
        for (long l = 0; l < LANES; l++) partial[l] = FN(row_sum)(x + l, v, LANES);
    }
    for (long i = v * LANES; i < m; i++) acc = acc + x[i];
    for (long l = 0; l < LANES; l++) acc = acc + partial[l];
    return acc;
}

/* sum of each of `rows` contiguous rows of m values */
void FN(am_sum_inner)(const T *x, long rows, long m, T *out) {
    for (long r = 0; r < rows; r++) out[r] = FN(inner)(x + r * m, m);
}

/* The column functions above for 8 adjacent columns at once (seq8, add8, cascade8: _reduce_cols.h), used where a
 * row holds 8 or more columns. */
#define COLS 8
#define COLSW COLS
#define SEQC FN(seq8)
#define ADDC FN(add8)
#define CASCADEC FN(cascade8)
#include "_reduce_cols.h"
#undef COLSW
#undef SEQC
#undef ADDC
#undef CASCADEC

/* row_sum for 8 columns */
static void FN(row_sum8)(const T *x, long n, long stride, T *res) {
    long k = n / 4;
    if (!k) {
        FN(seq8)(x, n, stride, res);
        for (int c = 0; c < COLS; c++) res[c] = res[c] + (T)0;
        return;
    }
    T first[COLS], part[COLS];
    FN(cascade8)(x, k, 4 * stride, first);
    for (long i = k * 4; i < n; i++) FN(add8)(first, x + i * stride);
    for (long j = 1; j < 4; j++) {
        FN(cascade8)(x + j * stride, k, 4 * stride, part);
        FN(add8)(first, part);
    }
    for (int c = 0; c < COLS; c++) res[c] = first[c];
}

/* x as (outer, d, inner), summed over d: out (outer, inner). reduce.py _outer with m = inner: columns in blocks
 * of 4 vectors cascaded, the others (single vectors, single columns) each a row_sum; 8 columns at a time where
 * 8 of one kind are left, one at a time for the rest */
void FN(am_sum_outer)(const T *x, long outer, long d, long inner, T *out) {
    long m = inner;
    long block = m >= LANES ? 4 * LANES : 4;
    long wide = m / block * block;
    T part[COLS];
    for (long o = 0; o < outer; o++) {
        const T *base = x + o * d * inner;
        T *dst = out + o * inner;
        long j = 0;
        for (; j + COLS <= wide; j += COLS) {
            FN(cascade8)(base + j, d, inner, part);
            for (int c = 0; c < COLS; c++) dst[j + c] = part[c] + (T)0;
        }
        for (; j < wide; j++) dst[j] = FN(cascade)(base + j, d, inner) + (T)0;
        for (; j + COLS <= m; j += COLS) {
            FN(row_sum8)(base + j, d, inner, part);
            for (int c = 0; c < COLS; c++) dst[j + c] = part[c] + (T)0;
        }
        for (; j < m; j++) dst[j] = FN(row_sum)(base + j, d, inner) + (T)0;
    }
}

#undef COLS

/* nll_loss's sum of its targets' values (ATen's LossNLL.cpp): 8 partial sums; a value goes into the first;
 * after index b with its lowest `power` bits zero the first is added into the second and emptied, and so on up
 * while the next `power` bits are zero; at the end the 8 are added from +0.0. skip (may be NULL): targets that
 * are ignored add nothing and empty nothing. negate: the partial sums subtract (the loss is 0 - sum). */
T FN(am_nll_cascade)(const T *x, const unsigned char *skip, long n, int negate) {
    T parts[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    long bits = 0;
    for (long v = n - 1; v > 0; v >>= 1) bits++;   /* ceil(log2(n)) */
    long power = bits / 8;
    if (power < 4) power = 4;
    long mask = (1L << power) - 1;
    for (long b = 0; b < n; b++) {
        if (skip && skip[b]) continue;
        parts[0] = negate ? parts[0] - x[b] : parts[0] + x[b];
        for (int j = 0; j + 1 < 8; j++) {
            if (b & (mask << (j * power))) break;
            parts[j + 1] = parts[j + 1] + parts[j];
            parts[j] = (T)0;
        }
    }
    T total = (T)0;
    for (int j = 0; j < 8; j++) total = total + parts[j];
    return total;
}

/* var / std over d of x seen as (outer, d, inner), as ATen's WelfordOps (binary_kernel_reduce, one thread): per
 * output a running mean and m2 from +0.0 in index order, each step rounded as written (no fused multiply-add),
 * then m2 / max(n - correction, 0), its square root for std. mean_out (may be NULL) gets the running mean. */
void FN(am_welford)(const T *x, long outer, long d, long inner, T correction, int take_sqrt, T *out, T *mean_out) {
    for (long o = 0; o < outer; o++) {
        for (long j = 0; j < inner; j++) {
            const T *col = x + o * d * inner + j;
            T mean = (T)0, m2 = (T)0;
            for (long i = 0; i < d; i++) {
                T v = col[i * inner];
                T delta = v - mean;
                mean = mean + delta / (T)(i + 1);
                m2 = m2 + delta * (v - mean);
            }
            T divisor = (T)d > correction ? (T)d - correction : (T)0;
            T var = m2 / divisor;
            out[o * inner + j] = take_sqrt ? (T)sqrt((double)var) : var;
            if (mean_out) mean_out[o * inner + j] = mean;
        }
    }
}

#undef FN
#undef CAT
#undef CAT_
#undef WIDE
