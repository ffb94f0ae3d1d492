"""ATen's three Fourier transform primitives, forward (engine/dfti.py) and vjp side by side (see optable):
_fft_r2c (FftR2CBackward0), _fft_c2r (FftC2RBackward0) and _fft_c2c (FftC2CBackward0), with the backward formulas
of PyTorch's derivatives.yaml (fft_r2c_backward, fft_c2r_backward). torch.fft's functions (spectral.py) are these
after padding, trimming and promoting their input, as ATen's SpectralOps.cpp composes them."""
import numpy as np

from . import dfti
from .optable import defop

_COMPLEX_OF = dfti._COMPLEX_OF
_REAL_OF = dfti._REAL_OF


def c2c(a, dims, norm, forward):
    if not len(dims):   # (no dim to transform: a 0-d tensor's fftn, ATen's copy of the input)
        return np.array(a, copy=True)
    return dfti.transform(a, dims, norm, forward, a.shape, a.dtype)


def r2c(a, dims, norm, onesided):
    """The transform of a real array over dims; the last one's onesided half, mirrored into the full spectrum
    unless onesided (ATen's _fft_fill_with_conjugate_symmetry_)."""
    last = dims[-1]
    n = a.shape[last]
    shape = list(a.shape)
    shape[last] = n // 2 + 1
    half = dfti.transform(a, sorted(dims[:-1], key=lambda d: -a.strides[d]) + [last], norm, True, shape,
                          _COMPLEX_OF[a.dtype])
    if onesided:
        return half
    return _mirror(half, dims, n)


def _mirror(half, dims, n):
    """The full spectrum of a real signal from its onesided half: X[..., k] = conj(X[-i..., n - k])."""
    last = dims[-1]
    m = half.shape[last]
    shape = list(half.shape)
    shape[last] = n
    out = np.empty(shape, half.dtype)
    key = [slice(None)] * half.ndim
    key[last] = slice(0, m)
    out[tuple(key)] = half
    if n > m:
        src = np.take(half, np.arange(n - m, 0, -1), axis=last)
        for d in dims[:-1]:
            src = np.take(src, (-np.arange(half.shape[d])) % half.shape[d], axis=d)
        key[last] = slice(m, n)
        out[tuple(key)] = np.conjugate(src)
    return out


def c2r(a, dims, norm, last_size):
    """The real signal of last_size points along dims[-1] whose onesided spectrum is a: several dims go as ATen
    does them, a complex inverse over all but the last, then the one-dimensional complex-to-real one."""
    dims = list(dims)
    if len(dims) > 1:
        a = dfti.transform(a, sorted(dims[:-1], key=lambda d: -a.strides[d]), norm, False, a.shape, a.dtype)
        dims = dims[-1:]
    shape = list(a.shape)
    shape[dims[-1]] = last_size
    return dfti.transform(a, dims, norm, False, shape, _REAL_OF[a.dtype])


def _c2c_sorted(a, dims, norm, forward):
    """_fft_c2c_mkl: the dims sorted by the input's strides, largest first."""
    return c2c(a, sorted(dims, key=lambda d: -a.strides[d]), norm, forward)


def _numpy_only(xp):
    if not xp.is_numpy:
        raise NotImplementedError("autograd_magic implements a subset of PyTorch: the backward of a Fourier "
                                  "transform cannot itself be differentiated (create_graph=True)")


# PyTorch's node saves the input (its backward reads only its size): saved here too, so that a second backward
# without retain_graph raises, an in-place change of the signal is caught and grad_fn._saved_self is the signal
@defop("fft_r2c", "FftR2CBackward0", lambda a, dims, norm, onesided, n: r2c(a, dims, norm, onesided), saves=(0,))
def fft_r2c_vjp(xp, grad, saved, consts, needs):
    """fft_r2c_backward: the gradient zero-padded to the full length when onesided, then the real part of its
    unnormalised inverse complex transform."""
    _numpy_only(xp)
    dims, norm, onesided, n = consts
    if onesided and grad.shape[dims[-1]] < n:
        shape = list(grad.shape)
        shape[dims[-1]] = n
        full = np.zeros(shape, grad.dtype)
        key = [slice(None)] * grad.ndim
        key[dims[-1]] = slice(0, grad.shape[dims[-1]])
        full[tuple(key)] = grad
        grad = full
    return (_c2c_sorted(np.ascontiguousarray(grad), dims, norm, False).real,)


@defop("fft_c2r", "FftC2RBackward0", c2r)
def fft_c2r_vjp(xp, grad, saved, consts, needs):
    """fft_c2r_backward: the onesided transform of the gradient, its bins that stand for two doubled."""
    _numpy_only(xp)
    dims, norm, last_size = consts
    g = r2c(np.ascontiguousarray(grad), list(dims), norm, True)
    double = grad.shape[dims[-1]] - g.shape[dims[-1]]
    if double > 0:
        key = [slice(None)] * g.ndim
        key[dims[-1]] = slice(1, 1 + double)
        g[tuple(key)] *= 2
    return (g,)


@defop("fft_c2c", "FftC2CBackward0", _c2c_sorted)
def fft_c2c_vjp(xp, grad, saved, consts, needs):
    """The transform the other way, with the same normalisation."""
    _numpy_only(xp)
    dims, norm, forward = consts
    return (_c2c_sorted(np.ascontiguousarray(grad), dims, norm, not forward),)
