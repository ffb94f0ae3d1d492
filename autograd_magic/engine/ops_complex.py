"""Complex numbers: the ops that move between complex tensors and their real parts (view_as_real, view_as_complex,
complex, polar, conj, angle), forward and vjp side by side (see optable).

Gradients follow PyTorch's convention for complex inputs: the gradient of a real loss L with respect to z = x + iy
is dL/dx + i dL/dy (the conjugate Wirtinger derivative times 2), so a holomorphic op's vjp multiplies by the
conjugate of its derivative (``cj``), and a real input that receives a complex gradient keeps its real part
(xp.fit)."""
import math
from fractions import Fraction

import numpy as np

from . import bufpool, ckernels, libm, vec_kernels, xp as _xp
from .random_kernels import _fma32, _fma64
from .memory_format import iteration_order
from .optable import defop

# (a module global: numpy has a module __getattr__, so CPython does not specialise np.X reads)
_NDARRAY, _NP_DTYPE, _np_multiply = np.ndarray, np.dtype, np.multiply

_REAL = {np.dtype(np.complex64): np.dtype(np.float32), np.dtype(np.complex128): np.dtype(np.float64)}
_COMPLEX = {np.dtype(np.float32): np.dtype(np.complex64), np.dtype(np.float64): np.dtype(np.complex128),
            np.dtype(np.float16): np.dtype(np.complex64)}


def cj(x):
    """The conjugate of a complex array, tensor or number; a real one as it is (a vjp's ``conj(derivative)``)."""
    d = getattr(x, "dtype", None)
    if d is None:
        return x.conjugate() if x.__class__ is complex else x
    if isinstance(d, _NP_DTYPE):
        return np.conjugate(x) if d.kind == "c" else x
    return x.conj() if d.is_complex else x


def holomorphic(vjp):
    """A real op's vjp made right for complex inputs too: for a holomorphic f, grad * conj(f'(z)) is
    conj(conj(grad) * f'(z)), the real formula applied to the conjugated gradient, conjugated (exact: conjugation
    only flips signs)."""
    def complex_aware(xp, grad, saved, consts, needs):
        if xp.is_numpy and grad.dtype.kind == "c":
            return tuple(None if g is None else np.conjugate(g)
                         for g in vjp(xp, np.conjugate(grad), saved, consts, needs))
        return vjp(xp, grad, saved, consts, needs)
    complex_aware.__name__ = vjp.__name__
    complex_aware.__doc__ = vjp.__doc__
    return complex_aware


def cmul(a, b):
    """The complex product as ATen's CPU kernel rounds it: (ac - bd) + (ad + bc)i. Its vectorised loop (whole
    vectors of the inner loop: 8 complex64 or 4 complex128 numbers on AVX-512) rounds each product; the loop's
    remainder, compiled with fused multiply-adds, rounds ac - bd and ad + bc once after the first product
    (complex64 in pairs: an odd last element is rounded as in the vectors). numpy's own loop fuses everywhere.
    A real operand counts as complex with a zero imaginary part, as PyTorch promotes it."""
    a, b = np.asarray(a), np.asarray(b)
    dt = np.result_type(a, b)
    if dt.kind != "c":
        return np.multiply(a, b)
    shape = np.broadcast_shapes(a.shape, b.shape)
    ar, ai = _parts(a, dt)
    br, bi = _parts(b, dt)
    ar, ai, br, bi = (np.broadcast_to(x, shape) for x in (ar, ai, br, bi))
    # laid out as its first operand when that has the result's shape (x.t() * 2 stays transposed, as numpy's own
    # product and PyTorch's TensorIterator keep it)
    out = np.empty_like(a, dt) if a.shape == shape and a.ndim > 1 and not a.flags.c_contiguous else np.empty(shape, dt)
    np.subtract(ar * br, ai * bi, out=out.real)
    np.add(ar * bi, ai * br, out=out.imag)
    fused = _remainder_mask(shape, (a, b), dt)
    if fused is not None and fused.any():
        f = lambda x: x[fused]   # noqa: E731
        out.real[fused] = _fma(f(ar), f(br), -f(ai * bi))
        out.imag[fused] = _fma(f(ar), f(bi), f(ai * br))
    return out


_xp.COMPLEX_MUL[0] = cmul   # (xp's outer products of complex vectors: mv's backward)


def _fma(x, y, z):
    """x * y + z rounded once (float32: exact in float64 but for a double rounding; float64: exactly)."""
    if x.dtype == np.float32:
        return (x.astype(np.float64) * y + z).astype(np.float32)
    return np.array([_fma1(a, b, c) for a, b, c in zip(x.tolist(), y.tolist(), z.tolist())], np.float64)


def _fma1(a, b, c):
    """One float64 fma, exactly rounded; a zero result signed as IEEE signs it (fractions have no -0: a zero
    product plus a zero is the float sum of the signed zeros, (-0.8 * 0) + -0 is -0; an exact cancellation +0)."""
    if not (math.isfinite(a) and math.isfinite(b) and math.isfinite(c)):
        return a * b + c
    exact = Fraction(a) * Fraction(b) + Fraction(c)
    if exact == 0:
        return a * b + c if a == 0 or b == 0 else 0.0
    return float(exact)


def _fma_many(x, y, z):
    """x * y + z rounded once, elementwise over arrays of one float dtype (what a quotient needs for every
    element): the C library's fma (ckernels) when built, else float32 through float64 (exact but for a double
    rounding, random_kernels._fma32 settles those) and float64 by an error-free split of the product (Dekker) and
    a two-sum, rounded once at the end (exact but in rare double-rounding cases)."""
    if x.dtype == np.float32:
        return _fma32(x, y, z)
    got = ckernels.fma64(x, y, z) if ckernels.LIB is not None else None
    if got is not None:
        return got
    with np.errstate(all="ignore"):
        p = x * y
        xh, xl = _split(x)
        yh, yl = _split(y)
        e = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl   # x * y == p + e exactly (no overflow)
        s = p + z
        v = s - p
        t = (p - (s - v)) + (z - v)   # p + z == s + t exactly
        out = s + (t + e)
    # where the product or the sum is not finite, the plain formula is what a fused one gives too
    return np.where(np.isfinite(out), out, x * y + z)


def _split(x):
    c = x * 134217729.0   # 2**27 + 1: Veltkamp's split of a float64 into two 26-bit halves
    hi = c - (c - x)
    return hi, x - hi


IN_PLACE = [False]   # set while an in-place complex division runs (methods.py: div_, /=): see cdiv


def cdiv(a, b):
    """The complex quotient as ATen's CPU kernel rounds it. c10::complex's division scales by the larger part of
    the divisor (Smith's method, the formula numpy's loop uses too); ATen's AVX2 / AVX-512 builds compile it with
    fused multiply-adds, so ``c + d*rat``, ``a + b*rat`` and ``b - a*rat`` are each rounded once (numpy rounds the
    product first: 38% of complex64 quotients differed in their last bit). Exceptions, measured: the last
    complex64 of an inner loop of odd length (see _inner_loop) has its denominator fused, its numerators not; in
    place (``div_``, ``/=``: IN_PLACE) so have all the complex64 past the inner loop's last whole group of 8.
    The scalar "default" build fuses nothing (numpy's quotient). A real operand counts as complex with a zero
    imaginary part; a zero divisor gives numpy's inf / nan, as ATen's loop."""
    a, b = np.asarray(a), np.asarray(b)
    dt = np.result_type(a, b)
    if dt.kind != "c":
        return np.true_divide(a, b)
    shape = np.broadcast_shapes(a.shape, b.shape)
    if 0 in shape or vec_kernels.capability() not in ("avx512", "avx2"):
        return np.true_divide(a, b).astype(dt, copy=False)
    if not shape:   # (ATen's loop over one element: an inner loop of odd length)
        return cdiv(a.reshape(1), b.reshape(1)).reshape(())
    ar, ai = (np.ascontiguousarray(np.broadcast_to(x, shape)) for x in _parts(a, dt))
    br, bi = (np.ascontiguousarray(np.broadcast_to(x, shape)) for x in _parts(b, dt))
    big = np.abs(br) >= np.abs(bi)
    one = np.ones((), br.dtype)
    with np.errstate(all="ignore"):
        c, d = np.where(big, br, bi), np.where(big, bi, br)   # c: the divisor's larger part
        rat = d / c
        scl = one / _fma_many(d, rat, c)
        x1, x2 = np.where(big, ai, ar), np.where(big, -ar, ai)
        y1, y2 = np.where(big, ar, ai), np.where(big, ai, -ar)
        re, im = _fma_many(x1, rat, y1), _fma_many(x2, rat, y2)
        if dt == np.complex64:
            loop = _inner_loop(shape, (a, b))
            if loop is not None and (loop[0] % 2 or IN_PLACE[0]):
                pos = np.arange(loop[0])
                # in place (div_, /=): every element past the last whole group of 8 of the inner loop
                last = _per_loop(pos >= loop[0] // 8 * 8 if IN_PLACE[0] else pos == loop[0] - 1, shape, loop[0])
                re = np.where(last, x1 * rat + y1, re)
                im = np.where(last, x2 * rat + y2, im)
        out = np.empty(shape, dt)
        out.real, out.imag = re * scl, im * scl
    zero = (br == 0) & (bi == 0)   # (a zero divisor: numpy's inf / nan, as c10's own branch for it gives)
    if zero.any():
        out[zero] = np.true_divide(np.broadcast_to(a, shape)[zero], np.broadcast_to(b, shape)[zero])
    return out


def _parts(x, dt):
    if x.dtype.kind == "c":
        return x.real, x.imag
    return x.astype(_REAL[dt]), np.zeros((), _REAL[dt])


def _broadcast_dense(x):
    """Whether x is a C-contiguous array expanded along some dims (stride 0 there): an expanded gradient."""
    step = x.itemsize
    for n, st in zip(reversed(x.shape), reversed(x.strides)):
        if st == 0 or n == 1:
            continue
        if st != step:
            return False
        step *= n
    return True


def _inner_loop(shape, operands):
    """(the length of the inner loop ATen's TensorIterator runs over an elementwise op's output: its trailing dims
    coalesced as the operands' strides allow; whether an operand is constant along it, ATen's loop for a scalar
    operand), or None for another layout than the C-contiguous one modelled here."""
    strides = []
    for x in operands:   # element strides of each operand broadcast to the output, C-contiguous operands (or
        if x.ndim and not x.flags.c_contiguous and not _broadcast_dense(x):   # such ones expanded) only
            return None
        own = [0] * (len(shape) - x.ndim) + [s // x.itemsize for s in x.strides]
        strides.append([0 if n == 1 and m != 1 else st for st, n, m in
                        zip(own, (1,) * (len(shape) - x.ndim) + x.shape, shape)])
    # an operand constant along the inner loop (a number, a 0-d tensor, a broadcast dim): ATen's loop for a scalar
    # operand (for a complex64 product: its remainder runs one element plain, then fused groups of 4, the rest plain)
    scalar_loop = any(st[-1] == 0 and shape[-1] != 1 or not x.ndim for st, x in zip(strides, operands))
    inner = shape[-1]
    for d in range(len(shape) - 2, -1, -1):
        if shape[d] == 1:
            continue
        if all(st[d] == st[d + 1] * shape[d + 1] if shape[d + 1] != 1 else True
               for st, x in zip(strides, operands) if x.ndim):   # (a number or 0-d operand: ATen's scalar)
            if scalar_loop and not all(st[d] == 0 for st, x in zip(strides, operands) if x.ndim and st[-1] == 0):
                break
            inner *= shape[d]
        else:
            break
    return inner, scalar_loop


def _remainder_mask(shape, operands, dt):
    """Where ATen's loop computes the product in its compiled remainder (see cmul): per inner loop (the trailing
    dims TensorIterator coalesces), the elements past the last whole vector. None: none are (or another layout
    than the C-contiguous one modelled here)."""
    # (PyTorch 2.13's complex kernels give the same bits with its AVX2 and AVX-512 builds, measured on both
    # settings; its scalar "default" build rounds otherwise, not modelled)
    if not shape or vec_kernels.capability() not in ("avx512", "avx2"):
        return None
    got = _inner_loop(shape, operands)
    if got is None:
        return _permuted_mask(shape, operands, dt)
    inner, scalar_loop = got
    row = _remainder_row(inner, scalar_loop, False, dt)
    return None if row is None else _per_loop(row, shape, inner)


def _remainder_row(inner, scalar_loop, strided, dt):
    """The fused elements of one inner loop of `inner` elements (None: none). strided: an operand does not step
    by one element along it, so ATen runs its basic loop over all of it (compiled as the remainder is)."""
    if strided:
        start, tail = 0, inner
    else:
        lanes = 8 if dt == np.complex64 else 4
        tail = inner % lanes
        if not tail:
            return None
        start = inner - tail
    if dt == np.complex64 and scalar_loop and not strided:
        start, tail = start + 1, (tail - 1) // 4 * 4
    elif dt == np.complex64:
        tail -= tail % 2   # (pairs; an odd last one is rounded as in the vectors)
    if not tail:
        return None
    pos = np.arange(inner)
    return (pos >= start) & (pos < start + tail)


def _permuted_mask(shape, operands, dt):
    """_remainder_mask for operands of other layouts (a transposed stft, one operand transposed and the other not):
    TensorIterator runs over the output in the order the operands' strides give (memory_format.iteration_order),
    coalesces the dims it can, and runs the vectorised loop when each operand steps by one element (or none) along
    the inner dim, its basic loop otherwise."""
    order = iteration_order(shape, operands)   # innermost first
    if order is None:
        return None
    order = [d for d in order if shape[d] != 1]   # (TensorIterator drops the dims of size 1)
    if not order:
        return None
    strides = []
    for x in operands:
        if not x.ndim:
            continue
        lead = len(shape) - x.ndim
        own = [0] * lead + [0 if n == 1 and shape[lead + d] != 1 else st // x.itemsize
                            for d, (st, n) in enumerate(zip(x.strides, x.shape))]
        strides.append([own[d] for d in order])
    sizes = [shape[d] for d in order]
    inner = sizes[0]
    for k in range(1, len(sizes)):
        if not all(st[k] == st[k - 1] * sizes[k - 1] for st in strides):
            break
        inner *= sizes[k]
    steps = {st[0] for st in strides}
    strided = not steps <= {0, 1}
    scalar_loop = 0 in steps or len(strides) < len(operands)
    row = _remainder_row(inner, scalar_loop, strided, dt)
    if row is None:
        return None
    outer_first = order[::-1]
    mask = np.tile(row, int(np.prod(shape)) // inner).reshape([shape[d] for d in outer_first])
    return mask.transpose(np.argsort(outer_first)).reshape(shape)


def _per_loop(row, shape, inner):
    """A mask over one inner loop, repeated over the output."""
    total = int(np.prod(shape))
    return np.broadcast_to(np.tile(row, total // inner).reshape(shape), shape)


def multiply(a, b, out=None):
    """np.multiply, complex products as ATen rounds them (cmul)."""
    if a.dtype.kind == "c" or b.__class__ is complex or (b.__class__ is _NDARRAY and b.dtype.kind == "c"):
        if b.__class__ is not _NDARRAY:   # a Python number: in the tensor's complex dtype (the scalar's own
            b = np.asarray(b, a.dtype if a.dtype.kind == "c" else _COMPLEX.get(a.dtype, np.complex128))   # type)
        return cmul(a, b)
    return _np_multiply(a, b) if out is None else _np_multiply(a, b, out=out)


bufpool.POOLED_BINARY(multiply)   # (a float product still goes into a pooled array when big)


def _sleef_hypot64(x, y):
    """SLEEF's hypot_u05 for float64 as its FMA builds (AVX2, AVX-512) compute it: the quotient min/max as a
    double-double, sqrt(1 + q^2) in double-double arithmetic with fused error terms, times max, the two halves
    added; then the special values (0, nan, inf) selected."""
    x, y = np.abs(x), np.abs(y)
    lo, hi = np.minimum(x, y), np.maximum(x, y)
    with np.errstate(all="ignore"):
        tiny = hi < np.finfo(np.float64).tiny   # (subnormal operands scaled by 2**54 first)
        n, d = np.where(tiny, lo * 2.0 ** 54, lo), np.where(tiny, hi * 2.0 ** 54, hi)
        r = 1.0 / d   # double-double n / d (the parts' low halves are 0)
        qh = n * r
        ql = _fma64(qh, _fma64(-d, r, 1.0), _fma64(r, n, -qh) + 0.0)
        sh = qh * qh   # q^2
        sl = _fma64(qh + qh, ql, _fma64(qh, qh, -sh))
        ah = sh + 1.0   # + 1 (two-sum of the high parts)
        v = ah - sh
        al = ((sh - (ah - v)) + (1.0 - v)) + sl
        t = np.sqrt(ah + al)   # double-double sqrt: ((a + t*t) * (1/t)) / 2
        th = t * t
        tl = _fma64(t, t, -th)
        bh = ah + th
        v = bh - ah
        bl = ((ah - (bh - v)) + (th - v)) + (al + tl)
        rh = 1.0 / t
        rl = rh * _fma64(-t, rh, 1.0)
        ch = bh * rh
        cl = _fma64(bh, rl, _fma64(bl, rh, _fma64(bh, rh, -ch)))
        ch, cl = ch * 0.5, cl * 0.5
        mh = ch * hi   # times max
        ml = _fma64(cl, hi, _fma64(ch, hi, -mh))
        out = mh + ml
        out = np.where(np.isnan(out), np.inf, out)
        out = np.where(lo == 0, hi, out)
        out = np.where(np.isnan(x) | np.isnan(y), np.nan, out)
        return np.where((x == np.inf) | (y == np.inf), np.inf, out)


def _memory_order(a):
    """The dims of a dense array that is not C-contiguous (a transposed stft, z.mT), outermost first in memory,
    or None. TensorIterator runs a one-input op over such an array in that order, as if it were contiguous: the
    kernels modelled on C-contiguous inner loops run on a.transpose(order) and their result is transposed back
    (laid out as the input, as PyTorch lays it out)."""
    if a.ndim < 2 or a.flags.c_contiguous:
        return None
    order = sorted(range(a.ndim), key=lambda d: (-a.strides[d], d))
    return order if a.transpose(order).flags.c_contiguous else None


def cabs(a, step=4):
    """|z| as ATen computes it for complex tensors: the C library's hypot of the parts, but for complex128 with
    the AVX2 / AVX-512 kernels, whose vectorised loop runs SLEEF's hypot_u05 on the elements before each inner
    loop's remainder (abs: in steps of 4 complex128 with either, measured; sgn passes its own step); np.abs of a
    real array. (complex64: SLEEF's float hypot gives the C library's bits.)"""
    if a.dtype.kind != "c":
        return np.abs(a)
    order = _memory_order(a)
    if order is not None:
        return cabs(a.transpose(order), step).transpose(np.argsort(order))
    out = np.hypot(a.real, a.imag)
    if a.dtype == np.complex128 and a.ndim and a.size and vec_kernels.capability() in ("avx512", "avx2"):
        loop = _inner_loop(a.shape, (a,))
        if loop is not None and loop[0] >= step:
            inner = loop[0]
            body = inner // step * step
            if body == inner:
                return _sleef_hypot64(a.real, a.imag).reshape(out.shape)
            vector = _per_loop(np.arange(inner) < body, a.shape, inner)
            out = np.where(vector, _sleef_hypot64(a.real, a.imag), out)
    return out


def real_pairs(a):
    """A complex array's (..., 2) float view: its real and imaginary parts side by side (shares memory)."""
    # (a new last axis of one complex element, reinterpreted as two floats: a numpy view whose base is a, so
    # storage_offset finds a view's place in its storage; as_strided's base is not an array)
    return a[..., None].view(a.real.dtype)


def complex_of_pairs(a):
    """The complex view of a float array whose last dim (size 2, stride 1) holds real and imaginary parts."""
    dt = _COMPLEX[a.dtype]
    try:
        return a.view(dt)[..., 0]
    except ValueError:   # numpy reinterprets only a last axis it sees as contiguous: an array over the same memory
        iface = dict(a.__array_interface__, typestr=dt.str, descr=[("", dt.str)], shape=a.shape[:-1],
                     strides=a.strides[:-1])
        return np.asarray(type("_Pairs", (), {"__array_interface__": iface, "base": a})())


@defop("view_as_real", "ViewAsRealBackward0", real_pairs)
def view_as_real_vjp(xp, grad, saved, consts, needs):
    return (complex_of_pairs(np.ascontiguousarray(grad)),)


@defop("view_as_complex", "ViewAsComplexBackward0", complex_of_pairs)
def view_as_complex_vjp(xp, grad, saved, consts, needs):
    return (real_pairs(np.asarray(grad)),)


def _complex(re, im):
    out = np.empty(np.broadcast_shapes(re.shape, im.shape), _COMPLEX[re.dtype])
    out.real = re
    out.imag = im
    return out


@defop("complex", "ComplexBackward0", _complex)
def complex_vjp(xp, grad, saved, consts, needs):
    """torch.complex(real, imag): the gradient's real part to real, its imaginary part to imag."""
    return (grad.real if needs[0] else None), (grad.imag if needs[1] else None)


def _polar(r, theta):
    """c10::polar: (r cos(theta), r sin(theta)) with the C library's cos and sin in the parts' precision (ATen's
    scalar kernel: glibc's cosf and sinf for float32)."""
    return _complex(r * libm.apply("cos", theta), r * libm.apply("sin", theta))


def csgn(z):
    """at::sgn of a complex array: z / |z|, 0 at 0. ATen's vectorised loop (two vectors a step: 16 complex64 or 8
    complex128 with AVX-512, half that with AVX2) divides each part by |z|; the elements past the last such step
    of each inner loop go through c10's complex quotient by |z| + 0i (with the C library's hypot), numpy's here
    (measured: bit for bit; the vectors' |z| is SLEEF's hypot, see cabs)."""
    order = _memory_order(z)
    if order is not None:
        return csgn(z.transpose(order)).transpose(np.argsort(order))
    cap = vec_kernels.capability()
    step = (16 if z.dtype == np.complex64 else 8) // (1 if cap == "avx512" else 2)
    a = cabs(z, step)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(a == 0, 0, z / np.where(a == 0, 1, a)).astype(z.dtype)
        if z.ndim and z.size and cap in ("avx512", "avx2"):
            loop = _inner_loop(z.shape, (z,))
            if loop is not None and loop[0] >= step:
                inner = loop[0]
                vector = _per_loop(np.arange(inner) < inner // step * step, z.shape, inner)
                parts = np.empty(z.shape, z.dtype)
                parts.real, parts.imag = z.real / a, z.imag / a
                out = np.where(vector & (a != 0), parts, out)
    return out


_sgn = csgn


@defop("polar", "PolarBackward0", _polar, saves=(-1,))
def polar_vjp(xp, grad, saved, consts, needs):
    """ATen's polar_backward: real(conj(g) sgn(out)) to abs, real(conj(g) (out i)) to angle."""
    out, = saved
    g = np.conjugate(grad)   # (the products rounded as ATen's complex mul kernel rounds them)
    return ((multiply(g, _sgn(out)).real if needs[0] else None),
            (multiply(g, multiply(out, 1j)).real if needs[1] else None))


@defop("conj", "ConjBackward0", np.conjugate)
def conj_vjp(xp, grad, saved, consts, needs):
    """grad.conj(): under create_graph=True a recorded conj (ConjBackward0), as ATen's formula is."""
    return (np.conjugate(grad) if xp.is_numpy else xp.call("conj", (grad,)),)


@defop("conj_physical", "ConjPhysicalBackward0", np.conjugate)
def conj_physical_vjp(xp, grad, saved, consts, needs):
    return (np.conjugate(grad) if xp.is_numpy else xp.call("conj_physical", (grad,)),)


def _angle(a):
    if a.dtype.kind == "c":   # (float32: atan2 in float64, rounded once; ATen's Sleef atan2 differs for ~2%)
        if a.dtype == np.complex64:
            return np.arctan2(a.imag.astype(np.float64), a.real.astype(np.float64)).astype(np.float32)
        return np.arctan2(a.imag, a.real)
    # a real number's angle: pi for a negative one, 0 otherwise, NaN kept
    return np.where(a < 0, a.dtype.type(np.pi), np.where(np.isnan(a), a, a.dtype.type(0)))


@defop("angle", "AngleBackward0", _angle, saves=(0,))
def angle_vjp(xp, grad, saved, consts, needs):
    """ATen's angle_backward: where(z == 0, 0, grad * z / |z|^2 * i) for complex z; 0 for real z."""
    z, = saved
    if z.dtype.kind != "c":
        return (np.zeros_like(z),)
    with np.errstate(invalid="ignore", divide="ignore"):
        g = (grad * z / (np.abs(z) ** 2)) * np.asarray(1j, z.dtype)
    return (np.where(z == 0, np.zeros((), z.dtype), g),)


# elementwise ops that are holomorphic, whose real vjp formulas (f'(z) written in z or the output) hold for complex z
HOLOMORPHIC = ("exp", "log", "sqrt", "sin", "cos", "tan", "tanh", "sigmoid", "reciprocal", "pow", "log1p", "expm1",
               "rsqrt", "sinh", "cosh", "exp2", "log2", "log10", "square", "neg", "rpow")


def wrap_holomorphic(ops):
    """Give the holomorphic ops of the table complex-aware vjps (called once the table is complete)."""
    for name in HOLOMORPHIC:
        op = ops.get(name)
        if op is not None:
            op.vjp = holomorphic(op.vjp)
