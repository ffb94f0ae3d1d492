/* The float32 kernels of vec_kernels.py, act_kernels.py and random_kernels._fma32 in plain C, step by step as the
 * numpy code computes them (same operations in the same order, each rounded to float32), so both give the same bits.
 *
 * Built by `python -m autograd_magic.engine.build_kernels` with `-O2 -fPIC -shared -ffp-contract=off
 * -fno-fast-math`: no contraction of a * b + c into one rounding, no reassociation. Every fused multiply-add is the
 * C library's fmaf(), correctly rounded on any processor (the numpy code gets the same value with a float64 sum and a
 * check for double rounding). Loaded with ctypes by engine/ckernels.py; arrays are C-contiguous float32.
 * No Python C API: the library only sees pointers and lengths. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#ifndef AM_SOURCE_HASH
#define AM_SOURCE_HASH "unknown"
#endif

const char *am_source_hash(void) { return AM_SOURCE_HASH; }

/* ---- constants: float32 of the same decimal literals as vec_kernels.py ---- */
#define F(x) ((float)(x))
static const float R_LN2 = F(1.442695040888963407359924681001892137426645954152985934135449406931);
static const float L2U = F(0.693145751953125), L2L = F(1.428606765330187045e-06);
static const float EXP_C0 = F(0.000198527617612853646278381), EXP_C1 = F(0.00139304355252534151077271),
                   EXP_C2 = F(0.00833336077630519866943359), EXP_C3 = F(0.0416664853692054748535156),
                   EXP_C4 = F(0.166666671633720397949219), EXP_C5 = F(0.5);
static const float LN2_HI = F(0.69314718246459960938), LN2_LO = F(-1.904654323148236017e-09);
static const float LOG_C0 = F(0.3027294874), LOG_C1 = F(0.3996108174), LOG_C2 = F(0.6666694880);
static const float INV_075 = F(1.0 / 0.75);

static inline float bits_f(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static inline uint32_t f_bits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
#define QNAN bits_f(0x7fc00000u)        /* numpy's float32(nan) */

/* build_kernels compiles this file twice: plain x86-64 (fmaf is the C library's) and with -mavx2 -mfma (fmaf is
 * one instruction); the loader takes the second where the processor has AVX2 and FMA. Both round each fused step
 * once, so both give the same bits. The elementwise loops are written without branches (selections by bit masks)
 * and run in blocks of 8, which GCC's -O2 vectorises. */
#define AM_EXPORT __attribute__((visibility("default")))
#define AM_INLINE static inline __attribute__((always_inline))

/* body for i in [0, n): blocks of 8 (a fixed count: -O2 vectorises them), then the rest */
#define EACH(i, n, ...)                                                         \
    do {                                                                        \
        long each_n_ = (n), each_0_ = 0;                                        \
        for (; each_0_ + 8 <= each_n_; each_0_ += 8)                            \
            for (long each_k_ = 0; each_k_ < 8; each_k_++) {                    \
                long i = each_0_ + each_k_;                                     \
                __VA_ARGS__;                                                    \
            }                                                                   \
        for (long i = each_0_; i < each_n_; i++) { __VA_ARGS__; }               \
    } while (0)

AM_INLINE float pick(int c, float a, float b) {   /* c ? a : b, as a bit mask (no branch) */
    uint32_t m = (uint32_t)0 - (uint32_t)(c != 0);
    return bits_f((f_bits(a) & m) | (f_bits(b) & ~m));
}

AM_INLINE float pow2_normal(int k) { return bits_f((uint32_t)(k + 127) << 23); }   /* 2**k, k in [-126, 127] */

/* 2**k for k in [-127, 127] (2**-127 is subnormal, exact): x * pow2(k) is the correctly rounded x * 2**k, which
 * is what ldexpf(x, k) (numpy's ldexp) returns */
AM_INLINE float pow2(int k) {
    uint32_t normal = (uint32_t)(k + 127) << 23, sub = 1u << ((k + 149) & 31);
    uint32_t m = (uint32_t)0 - (uint32_t)(k >= -126);
    return bits_f((normal & m) | (sub & ~m));
}

/* frexpf's exponent of a positive normal y or +inf: y = m * 2**e with m in [0.5, 1); glibc (which numpy's frexp
 * calls) gives 0 for inf */
AM_INLINE int frexp_exp(float y) {
    uint32_t b = f_bits(y);
    int e = (int)(b >> 23) - 126;
    return b == 0x7f800000u ? 0 : e;
}

/* ---- fma32: out = fmaf(a, b, c) elementwise; a step of 0 repeats one value (broadcast scalar) ---- */
AM_EXPORT void am_fma32(const float *restrict a, long sa, const float *restrict b, long sb,
                        const float *restrict c, long sc, float *restrict out, long n) {
    if (sa == 1 && sb == 1 && sc == 1) EACH(i, n, out[i] = fmaf(a[i], b[i], c[i]));
    else for (long i = 0; i < n; i++) out[i] = fmaf(a[i * sa], b[i * sb], c[i * sc]);
}

/* fma(a, b, c) for float64: ATen's fused complex128 quotients (ops_complex.cdiv) */
AM_EXPORT void am_fma64(const double *restrict a, long sa, const double *restrict b, long sb,
                        const double *restrict c, long sc, double *restrict out, long n) {
    if (sa == 1 && sb == 1 && sc == 1) EACH(i, n, out[i] = fma(a[i], b[i], c[i]));
    else for (long i = 0; i < n; i++) out[i] = fma(a[i * sa], b[i * sb], c[i * sc]);
}

/* ---- SLEEF expf_u10 as vec_kernels._expf_u10 computes it ----
 * Without branches, so that loops over it vectorise: the steps run on d clipped to [-104, 100] (nan: 0), and the
 * out-of-range values and nans are chosen at the end, as the numpy code's np.where does. The numpy code scales by
 * 2**q with one ldexp when every q >= -125 and with two products u * 2**h * 2**(q-h) (h = q >> 1) otherwise: the
 * same value for each q, since u * 2**h is exact and the second product rounds the exact u * 2**q once, as ldexp
 * does. q lies in [-150, 144], so both factors are normal powers of two. */
/* rintf(x) for |x| < 2**22 (round half to even): adding 1.5 * 2**23 leaves no fraction bits, subtracting it back is
 * exact; copysignf keeps rintf's -0.0 for x in (-0.5, -0.0] */
AM_INLINE float round_even(float x) { return copysignf((x + 12582912.0f) - 12582912.0f, x); }

AM_INLINE float sleef_expf(float d) {
    float dc = pick(d < -104.0f, -104.0f, d);
    dc = pick(dc > 100.0f, 100.0f, dc);
    dc = pick(dc == dc, dc, 0.0f);
    float qf = round_even(dc * R_LN2);
    int q = (int)qf;
    float s = fmaf(qf, -L2U, dc);
    s = fmaf(qf, -L2L, s);
    float u = fmaf(EXP_C0, s, EXP_C1);
    u = fmaf(u, s, EXP_C2);
    u = fmaf(u, s, EXP_C3);
    u = fmaf(u, s, EXP_C4);
    u = fmaf(u, s, EXP_C5);
    u = 1.0f + fmaf(s * s, u, s);
    int half = q >> 1;
    u = u * pow2_normal(half) * pow2_normal(q - half);
    float r = pick(d < -104.0f, 0.0f, u);
    r = pick(d > 100.0f, INFINITY, r);
    return pick(d == d, r, d);
}

AM_EXPORT void am_expf(const float *restrict x, float *restrict out, long n) {
    EACH(i, n, out[i] = sleef_expf(x[i]));
}

/* ---- SLEEF logf_u10 for positive normal finite d, as vec_kernels._logf_u10 ---- */
AM_INLINE float sleef_logf(float d) {
    int e = frexp_exp(d * INV_075) - 1;   /* in [-126, 127]; -1 where d * (1 / 0.75) overflows */
    float ef = (float)e;
    float m = d * pow2(-e);
    float sx = LN2_HI * ef;
    float sy = fmaf(LN2_LO, ef, fmaf(LN2_HI, ef, -sx));
    float nx = m - 1.0f;
    float dx = 1.0f + m, v0 = dx - 1.0f;
    float dy = (1.0f - (dx - v0)) + (m - v0);
    float t = 1.0f / dx;
    float qx = nx * t;
    float u = fmaf(t, nx, -qx);
    float v = fmaf(-dy, t, fmaf(-dx, t, 1.0f));
    float qy = fmaf(qx, v, u);
    float x2 = qx * qx;
    float p = fmaf(LOG_C0, x2, LOG_C1);
    p = fmaf(p, x2, LOG_C2);
    float ax = qx * 2.0f, ay = qy * 2.0f;
    float s1 = sx + ax;
    float s1y = (((sx - s1) + ax) + sy) + ay;
    float w = (x2 * qx) * p;
    float s2 = s1 + w;
    float s2y = ((s1 - s2) + w) + s1y;
    return s2 + s2y;
}

AM_INLINE int log_ok(float d) { return (d >= 1.17549435e-38f) & (d < INFINITY); }

/* logf: SLEEF's for positive normal finite values; the others (computed as the C library's float64 log) are
 * counted, for the caller to take numpy's. */
AM_EXPORT long am_logf(const float *restrict x, float *restrict out, long n) {
    EACH(i, n, out[i] = sleef_logf(pick(log_ok(x[i]), x[i], 1.0f)));
    long bad = 0;
    for (long i = 0; i < n; i++)
        if (!log_ok(x[i])) { out[i] = (float)log((double)x[i]); bad++; }
    return bad;
}

/* ---- SLEEF log1pf_u10 as vec_kernels.log1pf ---- */
AM_INLINE float sleef_log1pf(float d0) {
    /* the steps on d in (-1, 1e38] (others: 0.5), where (1 + d) / 0.75 is a positive normal; the rest is chosen
     * at the end, as the numpy code's np.where does */
    float d = pick((d0 > -1.0f) & (d0 <= 1e38f), d0, 0.5f);
    int e = frexp_exp((d + 1.0f) * INV_075) - 1;   /* in [-23, 126] */
    float ef = (float)e;
    float t = pow2_normal(-e);
    float m = fmaf(d, t, t - 1.0f);
    float sx = LN2_HI * ef;
    float sy = fmaf(LN2_LO, ef, fmaf(LN2_HI, ef, -sx));
    float dx = 2.0f + m;
    float dy = (2.0f - dx) + m;
    float r = 1.0f / dx;
    float qx = m * r;
    float qy = fmaf(qx, fmaf(-dy, r, fmaf(-dx, r, 1.0f)), fmaf(r, m, -qx));
    float x2 = qx * qx;
    float p = fmaf(fmaf(LOG_C0, x2, LOG_C1), x2, LOG_C2);
    float ax = qx * 2.0f, ay = qy * 2.0f;
    float s1 = sx + ax;
    float s1y = (((sx - s1) + ax) + sy) + ay;
    float w = (x2 * qx) * p;
    float s2 = s1 + w;
    float out = s2 + (((s1 - s2) + w) + s1y);
    out = pick(d0 > 1e38f, INFINITY, out);
    out = pick(d0 < -1.0f, QNAN, pick(d0 == -1.0f, -INFINITY, out));
    return pick((d0 == 0.0f) | (d0 != d0), d0, out);
}

AM_EXPORT void am_log1pf(const float *restrict x, float *restrict out, long n) {
    EACH(i, n, out[i] = sleef_log1pf(x[i]));
}

/* ---- the C library's own functions over an array (libm.py): where ATen's scalar kernels call std::erf, std::log1p
 * ... and the C library's value is not the correctly rounded one. One call per element, as the scalar kernel makes
 * (never a vectorised variant: no -ffast-math, so no libmvec). `which` indexes LIBM_NAMES of libm.py. ---- */
#define LIBM_CASES(T, S)                                                                 \
    switch (which) {                                                                     \
    case 0: for (long i = 0; i < n; i++) out[i] = erf##S(x[i]); break;                  \
    case 1: for (long i = 0; i < n; i++) out[i] = exp##S(x[i]); break;                  \
    case 2: for (long i = 0; i < n; i++) out[i] = log##S(x[i]); break;                  \
    case 3: for (long i = 0; i < n; i++) out[i] = log1p##S(x[i]); break;                \
    case 4: for (long i = 0; i < n; i++) out[i] = tanh##S(x[i]); break;                 \
    case 5: for (long i = 0; i < n; i++) out[i] = expm1##S(x[i]); break;                \
    case 6: for (long i = 0; i < n; i++) out[i] = cos##S(x[i]); break;                  \
    case 7: for (long i = 0; i < n; i++) out[i] = sin##S(x[i]); break;                  \
    case 8: for (long i = 0; i < n; i++) out[i] = acosh##S(x[i]); break;                \
    case 9: for (long i = 0; i < n; i++) out[i] = asinh##S(x[i]); break;                \
    case 10: for (long i = 0; i < n; i++) out[i] = acos##S(x[i]); break;                \
    case 11: for (long i = 0; i < n; i++) out[i] = atanh##S(x[i]); break;               \
    default: return 0;                                                                   \
    }                                                                                    \
    return 1

AM_EXPORT long am_libm_f32(const float *restrict x, float *restrict out, long n, int which) {
    LIBM_CASES(float, f);
}

AM_EXPORT long am_libm_f64(const double *restrict x, double *restrict out, long n, int which) {
    LIBM_CASES(double, );
}

/* ---- ATen's reduce_all order over one row of n floats, `lanes` wide (8 or 16), as vec_kernels.row_sum ---- */
AM_INLINE float row_sum(const float *restrict e, long n, int lanes) {
    if (n < lanes) {
        float acc = e[0];
        for (long i = 1; i < n; i++) acc += e[i];
        return acc;
    }
    float acc[16];
    for (int j = 0; j < lanes; j++) acc[j] = e[j];
    long d = lanes;
    for (; d + lanes <= n; d += lanes)
        for (int j = 0; j < lanes; j++) acc[j] += e[d + j];
    for (long j = 0; d + j < n; j++) acc[j] += e[d + j];
    for (int half = lanes / 2; half >= 1; half /= 2)
        for (int j = 0; j < half; j++) acc[j] = acc[j] + acc[j + half];
    return acc[0];
}

/* the product of row_sum(g * out) with its own buffer: row_sum of an elementwise product */
AM_INLINE float row_dot(const float *restrict g, const float *restrict o, long n, int lanes, float *restrict tmp) {
    EACH(i, n, tmp[i] = g[i] * o[i]);
    return row_sum(tmp, n, lanes);
}

AM_INLINE float row_max(const float *restrict a, long n) {   /* np.maximum.reduce: nan wins */
    float m = a[0];
    if (isnan(m)) return m;
    for (long i = 1; i < n; i++) {
        float x = a[i];
        if (isnan(x)) return x;
        if (x > m) m = x;
    }
    return m;
}

AM_INLINE float log_of_sum(float s) { return log_ok(s) ? sleef_logf(s) : (float)log((double)s); }

/* ---- softmax / log_softmax over the last dim (rows of n) and their backwards ---- */
AM_EXPORT void am_softmax(const float *restrict a, float *restrict out, long rows, long n, int lanes) {
    for (long r = 0; r < rows; r++, a += n, out += n) {
        float m = row_max(a, n);
        EACH(i, n, out[i] = sleef_expf(a[i] - m));
        float inv = 1.0f / row_sum(out, n, lanes);
        EACH(i, n, out[i] = out[i] * inv);
    }
}

AM_EXPORT void am_log_softmax(const float *restrict a, float *restrict out, long rows, long n, int lanes) {
    for (long r = 0; r < rows; r++, a += n, out += n) {
        float m = row_max(a, n);
        EACH(i, n, out[i] = sleef_expf(a[i] - m));
        float l = log_of_sum(row_sum(out, n, lanes));
        EACH(i, n, out[i] = (a[i] - m) - l);
    }
}

AM_EXPORT void am_log_softmax_backward(const float *restrict g, const float *restrict o, float *restrict out,
                                       long rows, long n, int lanes) {
    for (long r = 0; r < rows; r++, g += n, o += n, out += n) {
        float total = row_sum(g, n, lanes);
        EACH(i, n, out[i] = fmaf(-sleef_expf(o[i]), total, g[i]));
    }
}

AM_EXPORT void am_softmax_backward(const float *restrict g, const float *restrict o, float *restrict out,
                                   long rows, long n, int lanes) {
    for (long r = 0; r < rows; r++, g += n, o += n, out += n) {
        float s = row_dot(g, o, n, lanes, out);
        EACH(i, n, out[i] = (g[i] - s) * o[i]);
    }
}

/* ---- act_kernels: ATen's cpu_kernel_vec, SLEEF's functions on the first `body` elements, the C library's on
 * the tail; every multiply-add that GCC contracts in ATen is fmaf here, in body and tail alike. `sg` is the
 * step of the second input (0: one value broadcast). Each element function takes `vec` (1: SLEEF's, 0: the C
 * library's), a constant where it is inlined. ---- */
AM_INLINE float exp_of(float x, int vec) { return vec ? sleef_expf(x) : expf(x); }
AM_INLINE float log1p_of(float x, int vec) { return vec ? sleef_log1pf(x) : log1pf(x); }

#define BODY_AND_TAIL(n, body, elem)                                    \
    do {                                                                \
        EACH(i, body, elem(1));                                         \
        for (long i = (body); i < (n); i++) { elem(0); }                \
    } while (0)

AM_EXPORT void am_sigmoid(const float *restrict x, float *restrict out, long n, long body) {
    EACH(i, body, out[i] = 1.0f / (sleef_expf(-x[i]) + 1.0f));
    for (long i = body; i < n; i++) out[i] = 1.0f / (1.0f + expf(-x[i]));
}

AM_EXPORT void am_silu(const float *restrict x, float *restrict out, long n, long body) {
#define SILU(vec) out[i] = x[i] / (1.0f + exp_of(-x[i], vec))
    BODY_AND_TAIL(n, body, SILU);
}

AM_INLINE float silu_backward(float dy, float x, int vec) {
    float s = 1.0f / (1.0f + exp_of(-x, vec));
    return dy * s * fmaf(x, 1.0f - s, 1.0f);
}

AM_EXPORT void am_silu_backward(const float *restrict g, long sg, const float *restrict x, float *restrict out,
                                long n, long body) {
#define SILU_BW(vec) out[i] = silu_backward(g[i * sg], x[i], vec)
    BODY_AND_TAIL(n, body, SILU_BW);
}

AM_INLINE float softplus(float x, float beta, float threshold, int vec) {
    float xb = x * beta;
    return pick(xb > threshold, x, log1p_of(exp_of(xb, vec), vec) / beta);
}

AM_EXPORT void am_softplus(const float *restrict x, float *restrict out, long n, long body, float beta,
                           float threshold) {
#define SOFTPLUS(vec) out[i] = softplus(x[i], beta, threshold, vec)
    BODY_AND_TAIL(n, body, SOFTPLUS);
}

AM_INLINE float softplus_backward(float dy, float x, float beta, float threshold, int vec) {
    float xb = x * beta;
    float z = exp_of(xb, vec);
    return pick(xb > threshold, dy, dy * z / (z + 1.0f));
}

AM_EXPORT void am_softplus_backward(const float *restrict g, long sg, const float *restrict x, float *restrict out,
                                    long n, long body, float beta, float threshold) {
#define SOFTPLUS_BW(vec) out[i] = softplus_backward(g[i * sg], x[i], beta, threshold, vec)
    BODY_AND_TAIL(n, body, SOFTPLUS_BW);
}

AM_INLINE float elu_backward(float dy, float x, float negcoef, float poscoef, float negiptcoef, int vec) {
    float neg = dy * negiptcoef * negcoef * exp_of(x * negiptcoef, vec);
    return pick(x <= 0.0f, neg, dy * poscoef);
}

AM_EXPORT void am_elu_backward(const float *restrict g, long sg, const float *restrict x, float *restrict out,
                               long n, long body, float negcoef, float poscoef, float negiptcoef) {
#define ELU_BW(vec) out[i] = elu_backward(g[i * sg], x[i], negcoef, poscoef, negiptcoef, vec)
    BODY_AND_TAIL(n, body, ELU_BW);
}

/* ---- pow(Tensor, Scalar) for float32 as sleef_pow.pow_scalar: SLEEF's powf_u10 (logkf / expkf in double-float
 * arithmetic, every fused step fmaf) with the exponent y = (float)e on the first `body` elements, (float)pow((double)x,
 * e) (std::pow(float, double)) on the tail. avx512 picks logkf's significand as AVX-512's getmant takes it (else
 * AVX2's ldexp(d, -e)); the 'default' capability's body is powf(x, y), the C library's. Integer steps wrap as
 * numpy's int32 arrays do. ---- */
static const float PW_LN2_HI = F(0.69314718246459960938), PW_LN2_LO = F(-1.904654323148236017e-09);
static const float PW_LOG_T0 = F(0.240320354700088500976562), PW_LOG_T1 = F(0.285112679004669189453125),
                   PW_LOG_T2 = F(0.400007992982864379882812);
static const float PW_LOG_C0 = F(0.66666662693023681640625), PW_LOG_C1 = F(3.69183861259614332084311e-09);
static const float PW_EXP_U0 = F(0.00136324646882712841033936), PW_EXP_U1 = F(0.00836596917361021041870117),
                   PW_EXP_U2 = F(0.0416710823774337768554688), PW_EXP_U3 = F(0.166665524244308471679688),
                   PW_EXP_U4 = F(0.499999850988388061523438);

typedef struct { float x, y; } f2;   /* a double-float value hi + lo */

AM_INLINE f2 df_add_ff(float x, float y) { float s = x + y, v = s - x; return (f2){s, (x - (s - v)) + (y - v)}; }
AM_INLINE f2 df_add2_df(f2 x, float y) {
    float s = x.x + y, v = s - x.x;
    return (f2){s, ((x.x - (s - v)) + (y - v)) + x.y};
}
AM_INLINE f2 df_add2_dd(f2 x, f2 y) {
    float s = x.x + y.x, v = s - x.x;
    return (f2){s, (((x.x - (s - v)) + (y.x - v)) + x.y) + y.y};
}
AM_INLINE f2 df_add_dd(f2 x, f2 y) { float s = x.x + y.x; return (f2){s, (((x.x - s) + y.x) + x.y) + y.y}; }
AM_INLINE f2 df_add_fd(float x, f2 y) { float s = x + y.x; return (f2){s, ((x - s) + y.x) + y.y}; }
AM_INLINE f2 df_mul_df(f2 x, float y) { float s = x.x * y; return (f2){s, fmaf(x.y, y, fmaf(x.x, y, -s))}; }
AM_INLINE f2 df_mul_dd(f2 x, f2 y) {
    float s = x.x * y.x;
    return (f2){s, fmaf(x.x, y.y, fmaf(x.y, y.x, fmaf(x.x, y.x, -s)))};
}
AM_INLINE f2 df_squ(f2 x) { float s = x.x * x.x; return (f2){s, fmaf(x.x + x.x, x.y, fmaf(x.x, x.x, -s))}; }
AM_INLINE f2 df_div_dd(f2 n, f2 d) {
    float t = 1.0f / d.x, s = n.x * t, u = fmaf(t, n.x, -s);
    float v = fmaf(-d.y, t, fmaf(-d.x, t, 1.0f));
    return (f2){s, fmaf(s, v, fmaf(n.y, t, u))};
}

AM_INLINE int32_t ipick(int c, int32_t a, int32_t b) {   /* c ? a : b, as a bit mask (no branch) */
    uint32_t m = (uint32_t)0 - (uint32_t)(c != 0);
    return (int32_t)(((uint32_t)a & m) | ((uint32_t)b & ~m));
}

/* floor(log2(y)) of a positive float (subnormals: scaled by 2**64 first, exactly); 128 for +inf (AVX-512's getexp
 * of an overflow) */
AM_INLINE int exponent_of(float y) {
    int sub = (int)(f_bits(y) >> 23) == 0;
    float z = pick(sub, y * 18446744073709551616.0f, y);
    return (int)(f_bits(z) >> 23) - 127 - ipick(sub, 64, 0);
}

/* d * 2**k exactly, for a result in [0.75, 2) (k in [-128, 149]): two normal powers of two */
AM_INLINE float scale_exact(float d, int k) { int h = k >> 1; return d * pow2_normal(h) * pow2_normal(k - h); }

AM_INLINE f2 sleef_logkf(float d, int avx512) {
    int e = exponent_of(d * INV_075);
    float m1 = scale_exact(d, -exponent_of(d));   /* getmant: the significand in [1, 2), halved from 1.5 */
    float m = avx512 ? pick(m1 >= 1.5f, m1 * 0.5f, m1) : scale_exact(d, -e);
    f2 x = df_div_dd(df_add_ff(-1.0f, m), df_add_ff(1.0f, m));
    f2 x2 = df_squ(x);
    float t = fmaf(PW_LOG_T0, x2.x, PW_LOG_T1);
    t = fmaf(t, x2.x, PW_LOG_T2);
    f2 s = df_mul_df((f2){PW_LN2_HI, PW_LN2_LO}, (float)e);
    s = df_add_dd(s, (f2){x.x * 2.0f, x.y * 2.0f});
    return df_add_dd(s, df_mul_dd(df_mul_dd(x2, x), df_add2_dd(df_mul_df(x2, t), (f2){PW_LOG_C0, PW_LOG_C1})));
}

/* numpy's float32 -> int32 cast on x86 (cvttps2dq): INT32_MIN out of range and for nan */
AM_INLINE int32_t to_i32(float f) {
    int in = (f >= -2147483648.0f) & (f < 2147483648.0f);
    return ipick(in, (int32_t)pick(in, f, 0.0f), INT32_MIN);
}

/* SLEEF's vldexp_vf_vf_vi2: x * 2**q as five products (a subnormal result may round twice, as SLEEF's does) */
AM_INLINE float sleef_ldexp(float x, int32_t q) {
    uint32_t uq = (uint32_t)q;
    int32_t m = q >> 31;
    m = (int32_t)((uint32_t)((int32_t)((uint32_t)m + uq) >> 6) - (uint32_t)m) << 4;
    q = (int32_t)(uq - ((uint32_t)m << 2));
    int32_t mb = (int32_t)((uint32_t)m + 0x7Fu);
    mb = ipick(mb < 0, 0, ipick(mb > 0xFF, 0xFF, mb));
    float u = bits_f((uint32_t)mb << 23);
    x = x * u * u * u * u;
    return x * bits_f(((uint32_t)q + 0x7Fu) << 23);
}

AM_INLINE float sleef_expkf(f2 d) {
    float a = (d.x + d.y) * R_LN2;
    float r = pick(fabsf(a) < 4194304.0f, round_even(a), a);   /* rintf: beyond 2**22 a float is an integer */
    int32_t q = to_i32(r);
    float qf = (float)q;
    f2 s = df_add2_df(d, qf * -L2U);
    s = df_add2_df(s, qf * -L2L);
    float hi = s.x + s.y;
    s = (f2){hi, (s.x - hi) + s.y};
    float u = PW_EXP_U0;
    u = fmaf(u, s.x, PW_EXP_U1);
    u = fmaf(u, s.x, PW_EXP_U2);
    u = fmaf(u, s.x, PW_EXP_U3);
    u = fmaf(u, s.x, PW_EXP_U4);
    f2 t = df_add_dd(s, df_mul_df(df_squ(s), u));
    t = df_add_fd(1.0f, t);
    return pick(d.x < -104.0f, 0.0f, sleef_ldexp(t.x + t.y, q));
}

/* powf_u10(x, y) for one exponent; sign: 1, -1 or nan, what a negative x's result is multiplied by; odd: y an odd
 * integer. Zeros, infinities and nans take IEEE's values (the C library's powf), chosen without a branch. */
AM_INLINE float sleef_powf(float x, float y, float sign, int odd, int avx512) {
    float ax = fabsf(x);
    int ordinary = (ax < INFINITY) & (ax != 0.0f);
    float r = sleef_expkf(df_mul_df(sleef_logkf(pick(ordinary, ax, 1.0f), avx512), y));
    r = pick(r != r, INFINITY, r);
    r = r * pick(x > 0.0f, 1.0f, sign);
    float special = pick((ax == 0.0f) == (y > 0.0f), 0.0f, INFINITY);   /* 0 ** y, inf ** y */
    special = pick(odd, copysignf(special, x), special);
    special = pick(x != x, x + y, special);
    r = pick(ordinary, r, special);
    return pick(x == 1.0f, 1.0f, r);
}

AM_EXPORT void am_pow_scalar(const float *restrict x, float *restrict out, long n, long body, float y, double e,
                             int capability) {   /* 2: avx512, 1: avx2, 0: default (its Vectorized: powf per element) */
    if (capability == 0) {
        for (long i = 0; i < body; i++) out[i] = powf(x[i], y);
        for (long i = body; i < n; i++) out[i] = (float)pow((double)x[i], e);
        return;
    }
    int yisint = (truncf(y) == y) | (fabsf(y) > 16777216.0f);
    int yisodd = yisint && fabsf(y) < 16777216.0f && ((long)truncf(y) & 1);
    float sign = yisint ? (yisodd ? -1.0f : 1.0f) : QNAN;
    if (capability == 2) EACH(i, body, out[i] = sleef_powf(x[i], y, sign, yisodd, 1));
    else EACH(i, body, out[i] = sleef_powf(x[i], y, sign, yisodd, 0));
    if (y == 0.0f) EACH(i, body, out[i] = 1.0f);   /* (y: e rounded to float32, 0 for a tiny e too) */
    for (long i = body; i < n; i++) out[i] = (float)pow((double)x[i], e);
}

/* log_sigmoid: min(x, 0) - log1p(exp(-|x|)), SLEEF's exp and log1p on every element; the buffer exp(-|x|) is
 * what its backward reads */
AM_EXPORT void am_log_sigmoid(const float *restrict x, float *restrict out, float *restrict buffer, long n) {
    EACH(i, n, {
        float b = sleef_expf(-fabsf(x[i]));
        buffer[i] = b;
        out[i] = pick((x[i] <= 0.0f) | (x[i] != x[i]), x[i], 0.0f) - sleef_log1pf(b);   /* np.minimum(x, 0) */
    });
}

/* ---- tanh's backward as ops._tanh_back computes it: g * float32(1 - out * out), the parenthesis in float64
 * (out widened, each step rounded to float64 as numpy's float64 loops round; no fused multiply-add) ---- */
AM_EXPORT void am_tanh_backward(const float *restrict g, const float *restrict o, float *restrict out, long n) {
    EACH(i, n, {
        double w = (double)o[i];
        out[i] = g[i] * (float)(1.0 - w * w);
    });
}

/* ---- a + b for C-contiguous float32 a of `rows` rows of n and b of n (a bias added to a batch: dispatch.binary_op):
 * numpy's add broadcasts b through its buffered iterator, which copies b into a buffer for every row; one
 * float addition per element either way, so the same bits, but for the payload of a NaN plus a NaN (x86 returns
 * its first operand's, and which one is first differs between numpy's loops and the compiler's choice here): so
 * with a NaN in b nothing is computed and 0 is returned (the caller asks numpy); else 1. ---- */
AM_EXPORT long am_add_rows_f32(const float *restrict a, const float *restrict b, float *restrict out, long rows,
                               long n) {
    for (long i = 0; i < n; i++)
        if (b[i] != b[i]) return 0;
    for (long r = 0; r < rows; r++, a += n, out += n) {
        EACH(i, n, out[i] = a[i] + b[i]);   /* (at most one NaN operand: its NaN, quieted, in either order) */
    }
    return 1;
}

/* ---- np.add.at(out, k, g) over rows (an embedding's C[X] backward, xp.NumpyXP.scatter): row i of g (`row`
 * floats) is added into row k[i] of out (taken as Python's k % rows), in the order of i, as add.at adds; out is
 * C-contiguous (rows x row), filled by the caller ---- */
AM_EXPORT void am_index_add_rows(const float *restrict g, const int64_t *restrict k, long nk, long rows, long row,
                                 float *restrict out) {
    for (long i = 0; i < nk; i++) {
        long r = (long)(k[i] % rows);
        if (r < 0) r += rows;
        float *restrict dst = out + r * row;
        const float *restrict src = g + i * row;
        EACH(j, row, dst[j] = dst[j] + src[j]);
    }
}

/* ---- normal_fill_16 (float32) as random_kernels._box_muller computes it, in place on rows of 16 uniforms:
 * lanes 0-7 give the radius sqrt(-2 log(1 - u)) (avx_mathfun.h's log256_ps), lanes 8-15 the angle 2 pi u
 * (sincos256_ps); lanes 0-7 become r cos, lanes 8-15 r sin. Every step is the numpy code's: a "fused" step is the
 * float64 product of two float32 values (exact) plus a float64 sum, rounded once to float32; the rest are float32
 * operations. Integer steps on the bits as random_kernels does them (unsigned where C would overflow). ---- */
static const float BM_LOG[9] = {F(7.0376836292e-2), F(-1.1514610310e-1), F(1.1676998740e-1), F(-1.2420140846e-1),
                                F(1.4249322787e-1), F(-1.6668057665e-1), F(2.0000714765e-1), F(-2.4999993993e-1),
                                F(3.3333331174e-1)};
static const float BM_SIN[3] = {F(-1.9515295891e-4), F(8.3321608736e-3), F(-1.6666654611e-1)};
static const float BM_COS[3] = {F(2.443315711809948e-5), F(-1.388731625493765e-3), F(4.166664568298827e-2)};
static const float BM_Q1 = F(-2.12194440e-4), BM_Q2 = F(0.693359375);
static const float BM_DP1 = F(-0.78515625), BM_DP2 = F(-2.4187564849853515625e-4),
                   BM_DP3 = F(-3.77489497744594108e-8);
static const float BM_FOPI = F(1.27323954473516), BM_TWO_PI = F(2.0 * 3.14159265358979323846);

/* One "fused" step: float32(float64(a) * b + c), the product exact in float64 (two float32 values), the sum
 * rounded in float64 and then to float32. Where the processor has FMA (the AVX2 library is built with -mfma) it is
 * fmaf, which the lane loops vectorise; tests/test_c_kernels.py checks for every float32 uniform the generator can
 * draw, in both roles, that the two give the same bits (a sum rounded twice could differ from one rounded once:
 * it does not, for these inputs). */
#if defined(__FMA__)
#define BM_FMA(a, b, c) fmaf((a), (b), (c))
#else
#define BM_FMA(a, b, c) ((float)((double)(a) * (double)(b) + (double)(c)))
#endif

/* random_kernels._poly: Horner from c[0], each step r <- fused(r * x + c[k]) */
AM_INLINE float bm_poly(float x, const float *c, int n) {
    float r = BM_FMA(x, c[0], c[1]);
    for (int k = 2; k < n; k++)   /* (no branch in the loop: it unrolls, and the lane loops vectorise) */
        r = BM_FMA(r, x, c[k]);
    return r;
}

/* random_kernels._radius before its square root: -2 * log256_ps(u1) for u1 in (0, 1] */
AM_INLINE float bm_radius2(float u1) {
    int32_t bits = (int32_t)f_bits(u1);
    int32_t mant = bits & 0x7FFFFF;
    int32_t low = -(int32_t)(mant < 0x3504F3);       /* (mant - 0x3504F3) >> 31: -1 where mant < 0x3504F3 */
    int32_t e = (bits >> 23) + low - 126;
    float ef = (float)e;
    mant |= 0x3F000000;
    mant += (-low) << 23;                            /* mant -= low << 23 */
    float x = bits_f((uint32_t)mant) - 1.0f;
    float z = x * x;
    float r32 = bm_poly(x, BM_LOG, 9);
    r32 *= x;
    r32 = BM_FMA(r32, z, ef * BM_Q1);
    r32 -= z * 0.5f;
    x += r32;
    x += ef * BM_Q2;
    x *= -2.0f;
    return x;
}

/* random_kernels._sincos: sincos256_ps for theta in [0, 2 pi) */
AM_INLINE void bm_sincos(float theta, float *s, float *c) {
    int32_t j = (int32_t)(theta * BM_FOPI);
    j += 1;
    j &= ~1;
    float y = (float)j;
    float x = theta + y * BM_DP1;
    x += y * BM_DP2;
    x = BM_FMA(y, BM_DP3, x);
    float z = x * x;
    float yc = bm_poly(z, BM_COS, 3);
    yc *= z;
    yc = BM_FMA(yc, z, -(z * 0.5f));
    yc += 1.0f;
    float ys = bm_poly(z, BM_SIN, 3);
    ys *= z;
    ys = BM_FMA(ys, x, x);
    uint32_t swap = 0u - (uint32_t)((j >> 1) & 1);       /* (j << 30) >> 31: all ones where bit 1 of j is set */
    uint32_t cb = f_bits(yc), sb = f_bits(ys);
    uint32_t diff = (cb ^ sb) & swap;
    sb ^= diff;
    sb ^= ((uint32_t)(j & 4)) << 29;
    cb ^= diff;
    cb ^= ((uint32_t)(~(j - 2) & 4)) << 29;
    *s = bits_f(sb);
    *c = bits_f(cb);
}

/* each step a loop over the 8 lanes, so that the compiler can vectorise it; the square root apart (sqrtf's errno
 * check keeps its loop scalar) */
AM_EXPORT void am_box_muller_f32(float *restrict d, long rows) {
    for (long i = 0; i < rows; i++) {
        float *restrict row = d + 16 * i;
        float r[8], sn[8], cs[8];
        for (int k = 0; k < 8; k++) r[k] = bm_radius2(1.0f - row[k]);
        for (int k = 0; k < 8; k++) r[k] = sqrtf(r[k]);
        for (int k = 0; k < 8; k++) bm_sincos(BM_TWO_PI * row[8 + k], &sn[k], &cs[k]);
        for (int k = 0; k < 8; k++) {
            row[k] = r[k] * cs[k];
            row[8 + k] = r[k] * sn[k];
        }
    }
}

/* ---- normal_fill_16<double> as random_kernels._box_muller computes it: the C library's log, sin and cos (what
 * PyTorch calls, and what the numpy code calls through math where numpy's own differ), in place on rows of 16
 * uniforms; lanes 0-7 become r cos, lanes 8-15 r sin ---- */
AM_EXPORT void am_box_muller_f64(double *restrict d, long rows) {
    const double two_pi = 2.0 * 3.14159265358979323846;
    for (long i = 0; i < rows; i++) {
        double *restrict row = d + 16 * i;
        double r[8], sn[8], cs[8];
        for (int k = 0; k < 8; k++) {
            double t = log(1.0 - row[k]);
            t *= -2.0;
            r[k] = sqrt(t);
        }
        for (int k = 0; k < 8; k++) {
            double theta = row[8 + k] * two_pi;
            sn[k] = sin(theta);
            cs[k] = cos(theta);
        }
        for (int k = 0; k < 8; k++) {
            row[k] = r[k] * cs[k];
            row[8 + k] = r[k] * sn[k];
        }
    }
}

/* torch.set_flush_denormal: the flush-to-zero (results) and denormals-are-zero (inputs) bits of the calling
 * thread's MXCSR, both set or both cleared, as ATen sets them; 1 where the processor has them (x86-64 always has
 * SSE2 and DAZ since SSE3), 0 elsewhere (nothing changed). */
#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
AM_EXPORT long am_set_flush_denormal(int on) {
    unsigned int csr = _mm_getcsr();
    _mm_setcsr(on ? (csr | 0x8040u) : (csr & ~0x8040u));
    return 1;
}
#else
AM_EXPORT long am_set_flush_denormal(int on) { (void)on; return 0; }
#endif
