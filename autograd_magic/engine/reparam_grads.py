"""The reparameterized gradients of Gamma and Dirichlet draws, as ATen computes them (Distributions.h:
standard_gamma_grad_one, dirichlet_grad_one and their helpers), element by element.

ATen instantiates them with scalar_t the tensor's dtype and accscalar_t double, and mixes the two: a float32
tensor's steps written in scalar_t round to float32 (numpy float32 scalars here, converted to Python floats
before they meet a double, as C promotes them), the rest is double (Python floats). No fused multiply-adds
(Distributions.cpp is compiled for the baseline CPU); log, pow, exp, tan are the C library's."""
import ctypes
import math

import numpy as np

from .random_samplers import cfunction

_F32 = np.float32


def _logf(x):
    return cfunction("logf", ctypes.c_float)(x)


def _tanf(x):
    return cfunction("tanf", ctypes.c_float)(x)


def _powf(x, y):
    return cfunction("powf", ctypes.c_float, 2)(x, y)
_PSI_10 = 2.25175258906672110764
_PSI_A = (8.33333333333333333333E-2, -2.10927960927960927961E-2, 7.57575757575757575758E-3,
          -4.16666666666666666667E-3, 3.96825396825396825397E-3, -8.33333333333333333333E-3,
          8.33333333333333333333E-2)


def _log(x):
    return math.log(x) if x > 0 else (-math.inf if x == 0 else math.nan)


def _pow(x, y):
    try:
        return math.pow(x, y)
    except (ValueError, OverflowError):
        return math.nan if x < 0 else math.inf


def _fn(T, name):
    """std::log/pow/tan of scalar_t: the float versions for float32."""
    if T is _F32:
        return {"log": lambda v: _F32(_logf(float(v))), "pow": lambda a, b: _F32(_powf(float(a), float(b))),
                "tan": lambda v: _F32(_tanf(float(v)))}[name]
    return {"log": _log, "pow": _pow, "tan": math.tan}[name]


def digamma_one(x, T=float):
    """digamma_one<scalar_t, double>: x in scalar_t T, the sum in double, the result rounded to T."""
    x = T(x)
    if x == 0:
        return T(math.inf)
    extra = 0.0
    if x < 0:
        if x == math.floor(x):
            return T(math.inf)
        pi = T(math.pi)
        extra = float(-pi / _fn(T, "tan")(pi * x))
        x = T(1) - x
    result = 0.0
    while x < 10:
        result -= float(T(1) / x)
        x = x + T(1)
    if x == 10:
        return T(result + _PSI_10 + extra)
    y = 0.0
    if x < 1.0e17:
        z = 1.0 / float(x * x)
        acc = 0.0
        for c in _PSI_A:
            acc = acc * z + c
        y = z * acc
    return T(result + float(_fn(T, "log")(x)) - float(T(0.5) / x) - y + extra)


# ---------------------------------------------------------------- Gamma

_UV = ((0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084),
       (0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915,
        -0.00058392623),
       (0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367,
        -1.5247877e-07))
_P08, _P09, _P11 = float(_F32(0.8)), float(_F32(0.9)), float(_F32(1.1))


def standard_gamma_grad_one(alpha, x):
    """-(d/dalpha cdf(x; alpha)) / pdf(x; alpha) in double: a Taylor series for small x, Rice's saddle point
    expansion for large alpha, else a rational approximation."""
    if x < _P08:
        numer, denom = 1.0, alpha
        s1, s2 = numer / denom, numer / (denom * denom)
        for i in range(1, 6):
            numer *= -x / i
            denom += 1
            s1 += numer / denom
            s2 += numer / (denom * denom)
        pow_x_alpha = _pow(x, alpha)
        pdf = _pow(x, alpha - 1) * math.exp(-x)
        cdf = pow_x_alpha * s1
        cdf_alpha = (_log(x) - digamma_one(alpha)) * cdf - pow_x_alpha * s2
        result = -cdf_alpha / pdf if pdf != 0 else (math.nan if cdf_alpha == 0 else -math.copysign(math.inf, cdf_alpha))
        return 0.0 if math.isnan(result) else result
    if alpha > 8.0:
        if _P09 * alpha <= x <= _P11 * alpha:
            numer_1 = 1 + 24 * alpha * (1 + 12 * alpha)
            numer_2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - 65 * x * x / alpha + alpha * (107 + 3600 * x)
            denom = 1244160 * (alpha * alpha) * (alpha * alpha)
            return numer_1 * numer_2 / denom
        denom = math.sqrt(8 * alpha)
        term2 = denom / (alpha - x)
        term3 = _pow(x - alpha - alpha * _log(x / alpha), -1.5)
        term23 = term2 - term3 if x < alpha else term2 + term3
        term1 = _log(x / alpha) * term23 - math.sqrt(2 / alpha) * (alpha + x) / ((alpha - x) * (alpha - x))
        stirling = 1 + 1 / (12 * alpha) * (1 + 1 / (24 * alpha))
        numer = x * term1
        return -stirling * numer / denom
    u, v = _log(x / alpha), _log(alpha)
    cv = [_UV[0][i] + u * (_UV[1][i] + u * _UV[2][i]) for i in range(8)]
    p = cv[0] + v * (cv[1] + v * (cv[2] + v * cv[3]))
    q = cv[4] + v * (cv[5] + v * (cv[6] + v * cv[7]))
    return math.exp(p / q)


def standard_gamma_grad(alpha, x):
    """torch._standard_gamma_grad(alpha, x) for arrays (the result in their dtype)."""
    a, s = np.broadcast_arrays(alpha, x)
    out = [standard_gamma_grad_one(p, q) for p, q in zip(a.reshape(-1).tolist(), s.reshape(-1).tolist())]
    return np.array(out, np.float64).astype(alpha.dtype).reshape(a.shape)


# ---------------------------------------------------------------- Beta / Dirichlet

def _alpha_small(x, alpha, beta, T):
    """_beta_grad_alpha_small: x close to 0, all in scalar_t."""
    one = T(1)
    factor = digamma_one(alpha, T) - digamma_one(alpha + beta, T) - _fn(T, "log")(x)
    numer = one
    series = numer / alpha * (factor + one / alpha)
    for i in range(1, 11):
        ci = T(i)
        numer = numer * ((ci - beta) * x / ci)
        denom = alpha + ci
        series = series + numer / denom * (factor + one / denom)
    result = x * _fn(T, "pow")(one - x, -beta) * series
    return T(0) if math.isnan(result) else result


def _beta_small(x, alpha, beta, T):
    """_beta_grad_beta_small: x close to 0 (called with 1 - x), all in scalar_t."""
    factor = digamma_one(alpha + beta, T) - digamma_one(beta, T)
    numer, betas, dbetas, series = T(1), T(1), T(0), factor / alpha
    for i in range(1, 9):
        ci = T(i)
        numer = numer * (-x / ci)
        dbetas = dbetas * (beta - ci) + betas
        betas = betas * (beta - ci)
        series = series + numer / (alpha + ci) * (dbetas + factor * betas)
    result = -_fn(T, "pow")(T(1) - x, T(1) - beta) * series
    return T(0) if math.isnan(result) else result


def _alpha_mid(x, alpha, beta):
    """_beta_grad_alpha_mid: alpha and beta both large, in double."""
    total = alpha + beta
    mean = alpha / total
    std = math.sqrt(alpha * beta / (total + 1)) / total
    if mean - 0.1 * std <= x <= mean + 0.1 * std:
        poly = 47 * x * (beta * beta) * (beta * beta) + alpha * (
            (43 + 20 * (16 + 27 * beta) * x) * (beta * beta) * beta + alpha * (
                3 * (59 + 180 * beta - 90 * x) * (beta * beta) + alpha * (
                    (453 + 1620 * beta * (1 - x) - 455 * x) * beta + alpha * (
                        8 * (1 - x) * (135 * beta - 11)))))
        prefactor_num = (1 + 12 * alpha) * (1 + 12 * beta) / (total * total)
        prefactor_den = 12960 * alpha * alpha * alpha * beta * beta * (1 + 12 * total)
        return prefactor_num / (1 - x) * poly / prefactor_den
    prefactor = -x / math.sqrt(2 * alpha * beta / total)
    stirling = ((1 + 1 / (12 * alpha) + 1 / (288 * alpha * alpha)) * (1 + 1 / (12 * beta) + 1 / (288 * beta * beta))
                / (1 + 1 / (12 * total) + 1 / (288 * total * total)))
    term1_num = 2 * (alpha * alpha) * (x - 1) + alpha * beta * (x - 1) - x * (beta * beta)
    axbx = alpha * (x - 1) + beta * x
    term1_den = math.sqrt(2 * alpha / beta) * _pow(total, 1.5) * axbx * axbx
    term1 = term1_num / term1_den
    term2 = 0.5 * _log(alpha / (total * x))
    term3 = math.sqrt(8 * alpha * beta / total) / (beta * x + alpha * (x - 1))
    term4 = _pow(beta * _log(beta / (total * (1 - x))) + alpha * _log(alpha / (total * x)), -1.5)
    term1234 = term1 + term2 * (term3 + (term4 if x < mean else -term4))
    return stirling * prefactor * term1234


_C = ((((1.003668233, -0.01061107488, -0.0657888334, 0.01201642863),
        (0.6336835991, -0.3557432599, 0.05486251648, -0.001465281033),
        (-0.03276231906, 0.004474107445, 0.002429354597, -0.0001557569013)),
       ((0.221950385, -0.3187676331, 0.01799915743, 0.01074823814),
        (-0.2951249643, 0.06219954479, 0.01535556598, 0.001550077057),
        (0.02155310298, 0.004170831599, 0.001292462449, 6.976601077e-05)),
       ((-0.05980841433, 0.008441916499, 0.01085618172, 0.002319392565),
        (0.02911413504, 0.01400243777, -0.002721828457, 0.000751041181),
        (0.005900514878, -0.001936558688, -9.495446725e-06, 5.385558597e-05))),
      (((1, -0.02924021934, -0.04438342661, 0.007285809825),
        (0.6357567472, -0.3473456711, 0.05454656494, -0.002407477521),
        (-0.03301322327, 0.004845219414, 0.00231480583, -0.0002307248149)),
       ((0.5925320577, -0.1757678135, 0.01505928619, 0.000564515273),
        (0.1014815858, -0.06589186703, 0.01272886114, -0.0007316646956),
        (-0.007258481865, 0.001096195486, 0.0003934994223, -4.12701925e-05)),
       ((0.06469649321, -0.0236701437, 0.002902096474, -5.896963079e-05),
        (0.001925008108, -0.002869809258, 0.0008000589141, -6.063713228e-05),
        (-0.0003477407336, 6.959756487e-05, 1.097287507e-05, -1.650964693e-06))))


def dirichlet_grad_one(x, alpha, total, T=float):
    """-(d/dalpha cdf(x; alpha, total - alpha)) / pdf / (1 - x): asymptotic forms near 0 and 1 and for large
    parameters, else a rational correction to an analytic approximation."""
    x, alpha, total = T(x), T(alpha), T(total)
    x_, alpha_, total_ = float(x), float(alpha), float(total)
    beta = total - alpha
    beta_ = total_ - alpha_
    boundary = total * x * (T(1) - x)
    if x <= 0.5 and boundary < 2.5:
        return _alpha_small(x, alpha, beta, T)
    if x >= 0.5 and boundary < 0.75:
        return -_beta_small(T(1) - x, beta, alpha, T)
    if alpha > 6 and beta > 6:
        return T(_alpha_mid(x_, alpha_, beta_))
    u = _log(x_)
    a = _log(alpha_) - u
    b = _log(total_) - a
    pow_u, pow_a = (1, u, u * u), (1, a, a * a)
    p = q = 0.0
    for i in range(3):
        for j in range(3):
            ua = pow_u[i] * pow_a[j]
            c0, c1 = _C[0][i][j], _C[1][i][j]
            p += ua * (c0[0] + b * (c0[1] + b * (c0[2] + b * c0[3])))
            q += ua * (c1[0] + b * (c1[1] + b * (c1[2] + b * c1[3])))
    approx = x_ * float(digamma_one(total_, T) - digamma_one(alpha_, T)) / beta_
    return T(p / q * approx)


def dirichlet_grad(x, alpha, total):
    """torch._dirichlet_grad(x, alpha, total) for arrays of one dtype."""
    T = _F32 if x.dtype == _F32 else float
    arrs = np.broadcast_arrays(x, alpha, total)
    out = [dirichlet_grad_one(*v, T) for v in zip(*(a.reshape(-1).tolist() for a in arrs))]
    return np.array(out, np.float64).astype(x.dtype).reshape(arrs[0].shape)
