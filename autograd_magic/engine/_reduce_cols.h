/* One width of _reduce_body.h's column sums: COLSW adjacent columns (x[i * stride + c], c < COLSW) at once, each
 * column given exactly the additions, in the same order, that the one-column function (seq, cascade) gives it (no
 * value of one column meets another's), but the columns side by side in loops of a fixed count, which -O2
 * vectorises, instead of one dependent chain after the other. The includer defines COLSW and the names SEQC, ADDC
 * and CASCADEC (twice per dtype: 8 columns, and the 4 * LANES that inner's lanes and their accumulators read). */

static void SEQC(const T *x, long n, long stride, T *res) {
    T acc[COLSW];
    for (int c = 0; c < COLSW; c++) acc[c] = (T)0;
    for (long i = 0; i < n; i++)
        for (int c = 0; c < COLSW; c++) acc[c] = acc[c] + x[i * stride + c];
    for (int c = 0; c < COLSW; c++) res[c] = acc[c];
}

static void ADDC(T *acc, const T *more) {
    for (int c = 0; c < COLSW; c++) acc[c] = acc[c] + more[c];
}

/* cascade for COLSW columns: res[c] is cascade(x + c, n, stride) */
static void CASCADEC(const T *x, long n, long stride, T *res) {
    long bits = 0;
    for (long v = n - 1; v > 0; v >>= 1) bits++;
    long power = n > 1 ? bits / 4 : 0;
    if (power < 4) power = 4;
    long step = 1L << power, chunks = n / step;
    T total[COLSW], part[COLSW];
    SEQC(x + chunks * step * stride, n - chunks * step, stride, total);
    if (chunks) {
        T small[64 * COLSW];
        T *sums = chunks <= 64 ? small : (T *)malloc(sizeof(T) * COLSW * chunks);
        if (!sums) {   /* cannot happen for any array that fits in memory with its chunk sums */
            for (int c = 0; c < COLSW; c++) res[c] = (T)0;
            return;
        }
        for (long k = 0; k < chunks; k++) SEQC(x + k * step * stride, step, stride, sums + k * COLSW);
        long count = chunks;
        int level = 0;
        for (; level < 2; level++) {
            long full = count / step;
            SEQC(sums + full * step * COLSW, count - full * step, COLSW, part);
            ADDC(total, part);
            if (!full) {
                for (int c = 0; c < COLSW; c++) total[c] = total[c] + (T)0;
                break;
            }
            for (long f = 0; f < full; f++) SEQC(sums + f * step * COLSW, step, COLSW, sums + f * COLSW);
            count = full;
        }
        if (level == 2) {
            SEQC(sums, count, COLSW, part);
            ADDC(total, part);
        }
        if (sums != small) free(sums);
    }
    for (int c = 0; c < COLSW; c++) res[c] = total[c];
}
