"""ATen's RowwiseMoments (aten/src/ATen/native/cpu/moments_utils.h), which LayerNorm's CPU kernel takes each row's
mean and variance from: a Welford update over vectors of 8 float32 (4 float64) lanes, in chunks of 16 vectors
added up in a cascade, the lanes and the tail folded in last, with the fused multiply-adds of the AVX2 / AVX-512
builds (emulated in float64, where a float32 product is exact). Vectorised over the rows: one numpy step per
vector of a row, not per element. The layer norm itself is ATen's: y = (x - mean) * rstd, then
fma(y, weight, bias)."""
import numpy as np

from . import vec_kernels
from .random_kernels import _fma64

_CHUNK = 16


def _fused(a, b, c):
    """a * b + c rounded once (float32 operands: the float64 result, where the product is exact; float64: a
    correctly rounded fma)."""
    dt = np.result_type(a, b, c)
    if dt == np.float32:
        return (np.asarray(a, np.float64) * b + np.asarray(c, np.float64)).astype(np.float32)
    return _fma64(a, b, c)


def _plain(a, b, c):
    return a * b + c


def rowwise_moments(x, fused=True):
    """(mean, biased variance) of each row of a 2-d float32 / float64 array, as ATen computes them."""
    mul_add = _fused if fused else _plain
    t = x.dtype.type
    lanes = 8 if x.dtype == np.float32 else 4
    rows, size = x.shape
    n = size // lanes
    m = -(-n // _CHUNK)
    depth = 1 if m <= 2 else (m - 1).bit_length()
    zero = np.zeros((rows, lanes), x.dtype)
    stack = [[0, zero, zero] for _ in range(depth)]
    inverses = [t(1) / t(i + 1) for i in range(_CHUNK)]

    def combine(m0_add, m1_add, m2_add, m0, m1, m2):
        total = m0 + m0_add
        c = t(0) if total == 0 else t(m0_add) / t(total)
        delta = m1_add - m1
        m2_tmp = m2 + m2_add
        c_delta = delta * c
        return total, m1 + c_delta, mul_add(delta * t(m0), c_delta, m2_tmp)

    for i in range(m):
        start = i * _CHUNK * lanes
        m1v = m2v = zero
        for j in range(min(_CHUNK, n - i * _CHUNK)):
            v = x[:, start + j * lanes:start + (j + 1) * lanes]
            delta = v - m1v
            m1v = mul_add(inverses[j], delta, m1v)
            m2v = mul_add(delta, v - m1v, m2v)
        stack[0] = list(combine(min(_CHUNK, n - i * _CHUNK), m1v, m2v, *stack[0]))
        mask, j = i + 1, 1
        while j < depth and (mask & 1) == 0:
            stack[j] = list(combine(*stack[j - 1], *stack[j]))
            stack[j - 1] = [0, zero, zero]
            mask >>= 1
            j += 1
    for i in range(1, depth):
        stack[0] = list(combine(*stack[i], *stack[0]))
    m1_lanes, m2_lanes = stack[0][1], stack[0][2]
    m0, m1, m2 = 0, np.zeros(rows, x.dtype), np.zeros(rows, x.dtype)
    for i in range(n * lanes, size):   # the tail, one element at a time
        v = x[:, i]
        delta = v - m1
        m0 += 1
        m1 = m1 + delta / t(m0)
        m2 = m2 + delta * (v - m1)   # (not contracted there)
    for lane in range(lanes):   # the lanes folded in (scalar AddMoments)
        total = m0 + n
        c = t(0) if total == 0 else t(n) / t(total)
        delta = m1_lanes[:, lane] - m1
        m1 = mul_add(c, delta, m1)
        m2 = m2 + mul_add(delta * delta * c, t(m0), m2_lanes[:, lane])
        m0 = total
    return m1, m2 / t(size)


def layer_norm_stats(a, count, eps):
    """native_layer_norm's (mean, rstd) of each row of count elements of a float32 / float64 array, as its kernel
    computes them (None for other dtypes)."""
    if a.dtype not in (np.float32, np.float64):
        return None
    t = a.dtype.type
    mean, var = rowwise_moments(np.ascontiguousarray(a).reshape(-1, count), vec_kernels.capability() != "default")
    return mean, t(1) / np.sqrt(var + t(eps))


def layer_norm(a, w, b, count, eps, weighted=True):
    """ATen's LayerNorm forward over the last dims of a (count elements a row): None where it does not apply
    (other dtypes). Without a weight (weighted False) ATen's kernel fuses differently: fma(x - mean, rstd, bias)."""
    if a.dtype not in (np.float32, np.float64):
        return None
    fused = vec_kernels.capability() != "default"
    rows = np.ascontiguousarray(a).reshape(-1, count)
    t = a.dtype.type
    mean, var = rowwise_moments(rows, fused)
    rstd = t(1) / np.sqrt(var + t(eps))
    if not weighted:
        d, r, b = rows - mean[:, None], rstd[:, None], b.reshape(-1).astype(a.dtype, copy=False)
        return ((_fused if fused else _plain)(d, r, b) if b.any() else d * r).reshape(a.shape)
    y = (rows - mean[:, None]) * rstd[:, None]
    y = (_fused if fused else _plain)(y, w.reshape(-1).astype(a.dtype, copy=False),
                                      b.reshape(-1).astype(a.dtype, copy=False))
    return y.reshape(a.shape)


def group_norm(a, w, b, groups, eps, affine):
    """ATen's GroupNorm forward for float32 (None for other dtypes): each (sample, group) row's moments as
    rowwise_moments, rstd = 1 / sqrt(var + eps) taken in double; y = (x - mean) * rstd without weight and bias,
    else fma(x, scale, fma(-scale, mean, bias)) with scale = rstd * weight, per channel."""
    if a.dtype != np.float32:
        return None
    fused = vec_kernels.capability() != "default"
    mul_add = _fused if fused else _plain
    n, c = a.shape[:2]
    rest = int(np.prod(a.shape[2:]))   # (sizes, not -1: a batch of 0 is a valid input)
    rows = np.ascontiguousarray(a).reshape(n * groups, c // groups * rest)
    mean, var = rowwise_moments(rows, fused)
    rstd = (1 / np.sqrt(var.astype(np.float64) + eps)).astype(np.float32)
    x = rows.reshape(n, groups, c // groups, rest)
    m, r = mean.reshape(n, groups, 1, 1), rstd.reshape(n, groups, 1, 1)
    if not affine:
        return ((x - m) * r).reshape(a.shape)
    scale = r * w.astype(np.float32, copy=False).reshape(1, groups, c // groups, 1)
    shift = mul_add(-scale, m, b.astype(np.float32, copy=False).reshape(1, groups, c // groups, 1))
    return mul_add(x, scale, shift).reshape(a.shape)
