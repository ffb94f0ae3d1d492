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

/* The exported kernels are compiled twice where GCC can (target_clones): for processors with FMA (fmaf becomes
 * one instruction) and without (fmaf is the C library's); the loader picks one. Both round each fused step once. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(AM_NO_CLONES)
#define AM_EXPORT __attribute__((target_clones("fma", "default")))
#else
#define AM_EXPORT
#endif
#define AM_INLINE static inline __attribute__((always_inline))

/* 2**k as a float32 for k in [-149, 127] (exact: a normal or subnormal power of two). x * pow2(k) is the
 * correctly rounded x * 2**k, which is what ldexpf(x, k) returns. */
AM_INLINE float pow2(int k) {
    return k >= -126 ? bits_f((uint32_t)(k + 127) << 23) : bits_f(1u << (k + 149));
}

AM_INLINE float ldexp_f(float x, int k) {   /* ldexpf for k in [-149, 254] */
    return k <= 127 ? x * pow2(k) : (x * pow2(64)) * pow2(k - 64);
}

/* frexpf's exponent: y = m * 2**e with m in [0.5, 1); glibc gives 0 for inf and nan (numpy's frexp calls it) */
AM_INLINE int frexp_exp(float y) {
    uint32_t b = f_bits(y) & 0x7fffffffu;
    if (b >= 0x00800000u && b < 0x7f800000u) return (int)(b >> 23) - 126;
    int e;
    frexpf(y, &e);
    return e;
}

/* ---- fma32: out = fmaf(a, b, c) elementwise; a step of 0 repeats one value (broadcast scalar) ---- */
AM_EXPORT void am_fma32(const float *a, long sa, const float *b, long sb, const float *c, long sc, float *out, long n) {
    for (long i = 0; i < n; i++) out[i] = fmaf(a[i * sa], b[i * sb], c[i * sc]);
}

/* ---- SLEEF expf_u10 as vec_kernels._expf_u10 computes it ---- */
AM_INLINE float sleef_expf(float d) {
    if (isnan(d)) return d;
    if (d < -104.0f) return 0.0f;
    if (d > 100.0f) return INFINITY;
    float qf = rintf(d * R_LN2);
    int q = (int)qf;
    float s = fmaf(qf, -L2U, d);
    s = fmaf(qf, -L2L, s);
    float u = fmaf(EXP_C0, s, EXP_C1);
    u = fmaf(u, s, EXP_C2);
    u = fmaf(u, s, EXP_C3);
    u = fmaf(u, s, EXP_C4);
    u = fmaf(u, s, EXP_C5);
    u = 1.0f + fmaf(s * s, u, s);
    if (q >= -125) return ldexp_f(u, q);  /* u * 2**q normal (or overflowing): the two products are one ldexp */
    int half = q >> 1;
    return u * pow2(half) * pow2(q - half);
}

AM_EXPORT void am_expf(const float *x, float *out, long n) {
    for (long i = 0; i < n; i++) out[i] = sleef_expf(x[i]);
}

/* ---- SLEEF logf_u10 for positive normal finite d, as vec_kernels._logf_u10 ---- */
AM_INLINE float sleef_logf(float d) {
    int e = frexp_exp(d * INV_075) - 1;
    float ef = (float)e;
    float m = ldexp_f(d, -e);
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

AM_INLINE int log_ok(float d) { return d >= 1.17549435e-38f && d < INFINITY; }

/* logf: SLEEF's for positive normal finite values; the others are left for the caller (numpy's float64 log)
 * and counted. */
AM_EXPORT long am_logf(const float *x, float *out, long n) {
    long bad = 0;
    for (long i = 0; i < n; i++) {
        float d = x[i];
        if (log_ok(d)) out[i] = sleef_logf(d);
        else { out[i] = (float)log((double)d); bad++; }
    }
    return bad;
}

/* ---- SLEEF log1pf_u10 as vec_kernels.log1pf ---- */
AM_INLINE float sleef_log1pf(float d) {
    if (d == 0.0f || isnan(d)) return d;
    if (d < -1.0f) return QNAN;
    if (d == -1.0f) return -INFINITY;
    if (d > 1e38f) return INFINITY;
    int e = frexp_exp((d + 1.0f) * INV_075) - 1;
    float ef = (float)e;
    float t = pow2(-e);
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
    return s2 + (((s1 - s2) + w) + s1y);
}

AM_EXPORT void am_log1pf(const float *x, float *out, long n) {
    for (long i = 0; i < n; i++) out[i] = sleef_log1pf(x[i]);
}

/* ---- ATen's reduce_all order over one row of n floats, `lanes` wide (8 or 16), as vec_kernels.row_sum ---- */
AM_INLINE float row_sum(const float *e, long n, int lanes) {
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
AM_INLINE float row_dot(const float *g, const float *o, long n, int lanes, float *tmp) {
    for (long i = 0; i < n; i++) tmp[i] = g[i] * o[i];
    return row_sum(tmp, n, lanes);
}

AM_INLINE float row_max(const float *a, long n) {   /* np.maximum.reduce: nan wins */
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
AM_EXPORT void am_softmax(const float *a, float *out, long rows, long n, int lanes) {
    for (long r = 0; r < rows; r++, a += n, out += n) {
        float m = row_max(a, n);
        for (long i = 0; i < n; i++) out[i] = sleef_expf(a[i] - m);
        float inv = 1.0f / row_sum(out, n, lanes);
        for (long i = 0; i < n; i++) out[i] = out[i] * inv;
    }
}

AM_EXPORT void am_log_softmax(const float *a, float *out, long rows, long n, int lanes) {
    for (long r = 0; r < rows; r++, a += n, out += n) {
        float m = row_max(a, n);
        for (long i = 0; i < n; i++) out[i] = sleef_expf(a[i] - m);
        float l = log_of_sum(row_sum(out, n, lanes));
        for (long i = 0; i < n; i++) out[i] = (a[i] - m) - l;
    }
}

AM_EXPORT void am_log_softmax_backward(const float *g, const float *o, float *out, long rows, long n, int lanes) {
    for (long r = 0; r < rows; r++, g += n, o += n, out += n) {
        float total = row_sum(g, n, lanes);
        for (long i = 0; i < n; i++) out[i] = fmaf(-sleef_expf(o[i]), total, g[i]);
    }
}

AM_EXPORT void am_softmax_backward(const float *g, const float *o, float *out, long rows, long n, int lanes) {
    for (long r = 0; r < rows; r++, g += n, o += n, out += n) {
        float s = row_dot(g, o, n, lanes, out);
        for (long i = 0; i < n; i++) out[i] = (g[i] - s) * o[i];
    }
}

/* ---- act_kernels: ATen's cpu_kernel_vec, SLEEF's functions on the first `body` elements, the C library's on
 * the tail; every multiply-add that GCC contracts in ATen is fmaf here, in body and tail alike. `sg` is the
 * step of the second input (0: one value broadcast). ---- */
#define EXP_AT(i, x) ((i) < body ? sleef_expf(x) : expf(x))
#define LOG1P_AT(i, x) ((i) < body ? sleef_log1pf(x) : log1pf(x))

AM_EXPORT void am_sigmoid(const float *x, float *out, long n, long body) {
    for (long i = 0; i < n; i++)
        out[i] = i < body ? 1.0f / (sleef_expf(-x[i]) + 1.0f) : 1.0f / (1.0f + expf(-x[i]));
}

AM_EXPORT void am_silu(const float *x, float *out, long n, long body) {
    for (long i = 0; i < n; i++) out[i] = x[i] / (1.0f + EXP_AT(i, -x[i]));
}

AM_EXPORT void am_silu_backward(const float *g, long sg, const float *x, float *out, long n, long body) {
    for (long i = 0; i < n; i++) {
        float s = 1.0f / (1.0f + EXP_AT(i, -x[i]));
        out[i] = g[i * sg] * s * fmaf(x[i], 1.0f - s, 1.0f);
    }
}

AM_EXPORT void am_softplus(const float *x, float *out, long n, long body, float beta, float threshold) {
    for (long i = 0; i < n; i++) {
        float xb = x[i] * beta;
        float soft = LOG1P_AT(i, EXP_AT(i, xb)) / beta;
        out[i] = xb > threshold ? x[i] : soft;
    }
}

AM_EXPORT void am_softplus_backward(const float *g, long sg, const float *x, float *out, long n, long body, float beta,
                          float threshold) {
    for (long i = 0; i < n; i++) {
        float xb = x[i] * beta, dy = g[i * sg];
        float z = EXP_AT(i, xb);
        float soft = dy * z / (z + 1.0f);
        out[i] = xb > threshold ? dy : soft;
    }
}

AM_EXPORT void am_elu_backward(const float *g, long sg, const float *x, float *out, long n, long body, float negcoef,
                     float poscoef, float negiptcoef) {
    for (long i = 0; i < n; i++) {
        float dy = g[i * sg], xi = x[i];
        float neg = dy * negiptcoef * negcoef * EXP_AT(i, xi * negiptcoef);
        out[i] = xi <= 0.0f ? neg : dy * poscoef;
    }
}

/* log_sigmoid's buffer exp(-|x|), SLEEF's exp on every element */
AM_EXPORT void am_log_sigmoid(const float *x, float *out, float *buffer, long n) {
    for (long i = 0; i < n; i++) {
        float b = sleef_expf(-fabsf(x[i]));
        buffer[i] = b;
        float lo = (x[i] <= 0.0f || isnan(x[i])) ? x[i] : 0.0f;   /* np.minimum(x, 0) */
        out[i] = lo - sleef_log1pf(b);
    }
}
