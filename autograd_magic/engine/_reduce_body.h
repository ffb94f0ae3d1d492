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
    for (long l = 0; l < LANES; l++) partial[l] = FN(row_sum)(x + l, v, LANES);
    for (long i = v * LANES; i < m; i++) acc = acc + x[i];
    for (long l = 0; l < LANES; l++) acc = acc + partial[l];
    return acc;
}

/* sum of each of `rows` contiguous rows of m values */
void FN(am_sum_inner)(const T *x, long rows, long m, T *out) {
    for (long r = 0; r < rows; r++) out[r] = FN(inner)(x + r * m, m);
}

/* x as (outer, d, inner), summed over d: out (outer, inner). reduce.py _outer with m = inner: columns in blocks
 * of 4 vectors cascaded, the others (single vectors, single columns) each a row_sum */
void FN(am_sum_outer)(const T *x, long outer, long d, long inner, T *out) {
    long m = inner;
    long block = m >= LANES ? 4 * LANES : 4;
    long wide = m / block * block;
    for (long o = 0; o < outer; o++) {
        const T *base = x + o * d * inner;
        T *dst = out + o * inner;
        for (long j = 0; j < m; j++)
            dst[j] = (j < wide ? FN(cascade)(base + j, d, inner) : FN(row_sum)(base + j, d, inner)) + (T)0;
    }
}

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
