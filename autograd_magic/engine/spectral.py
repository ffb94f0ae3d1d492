"""torch.fft: fft, ifft, rfft, irfft, hfft, ihfft and their 2-d and n-d forms, fftfreq, rfftfreq, fftshift,
ifftshift, composed as ATen's SpectralOps.cpp composes them: an integer input promoted to the default float dtype
(a real one to complex where the transform wants complex: ToCopyBackward0), trimmed (SliceBackward0) or
zero-padded (ConstantPadNdBackward0) to n points, then one of the three primitives of ops_fft.py; an inverse of a
real input is the conjugate of its forward transform (ConjBackward0)."""
import numpy as np

from . import dtypes
from .complex_fns import conj, conj_physical, lazy_conj
from .dfti import BY_N, BY_ROOT_N, NONE
from .functions import roll
from .indexing import aten_getitem
from .optable import OPS
from .shaping import _dim
from .tensor_base import TensorBase, apply, wrap


def _norm(norm, forward):
    if norm is None or norm == "backward":
        return NONE if forward else BY_N
    if norm == "forward":
        return BY_N if forward else NONE
    if norm == "ortho":
        return BY_ROOT_N
    raise RuntimeError(f'Invalid normalization mode: "{norm}"')


def _promote(t, require_complex=False):
    """promote_tensor_fft: integers to the default float dtype, float32/float64 kept (to complex if required)."""
    d = t.dtype
    if d.is_complex:
        return t
    if not d.is_floating_point:
        d = dtypes.get_default_dtype()
    if d.name not in ("float32", "float64"):
        raise RuntimeError(f"Unsupported dtype {d.scalar_name}")
    if require_complex:
        d = dtypes.to_complex(d)
    return t if d is t.dtype else t.to(d)


def _resize(x, dims, sizes):
    """resize_fft_input: each dim trimmed or zero-padded (at its end) to its size."""
    pad = [0] * (2 * x.ndim)
    must_pad = False
    for d, n in zip(dims, sizes):
        if n == -1:
            continue
        have = x._data.shape[d]
        if have < n:
            must_pad = True
            pad[len(pad) - 2 * d - 1] = n - have
        if have > n:
            x = aten_getitem(x, (slice(None),) * d + (slice(0, n),))
    return apply(OPS["constant_pad_nd"], (x,), tuple(pad), 0) if must_pad else x


def _check_tensor(name, input):
    if not isinstance(input, TensorBase):
        raise TypeError(f"fft_{name}(): argument 'input' (position 1) must be Tensor, not {type(input).__name__}")


def _one_dim(dim, ndim):
    """dim wrapped for a 1-d transform: a 0-d tensor has none to give (ATen's maybe_wrap_dim)."""
    if ndim == 0:
        raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
    return _dim(dim, ndim)


def _n_dim(input, n, dim, default_n=None):
    d = _one_dim(dim, input._data.ndim)
    size = input._data.shape[d] if default_n is None else default_n
    n = size if n is None else int(n)
    if n < 1:
        raise RuntimeError(f"Invalid number of data points ({n}) specified")
    return d, n


def _r2c(name, input, n, dim, norm, forward, onesided):
    _check_tensor(name, input)
    if input.dtype.is_complex:
        raise RuntimeError(f"{name} expects a real input tensor, but got {input.dtype.scalar_name}")
    input = _promote(input)
    d, n_ = _n_dim(input, n, dim)
    if n is not None:
        input = _resize(input, (d,), (n_,))
    out = apply(OPS["fft_r2c"], (input,), [d], _norm(norm, forward), onesided, input._data.shape[d])
    return out if forward else lazy_conj(out)   # (ifft / ihfft of a real tensor: PyTorch's is a conjugate view)


def _c2c(name, input, n, dim, norm, forward):
    d, n_ = _n_dim(input, n, dim)
    if n is not None:
        input = _resize(input, (d,), (n_,))
    return apply(OPS["fft_c2c"], (input,), [d], _norm(norm, forward), forward)


def _c2r(name, input, n, dim, norm, forward):
    _check_tensor(name, input)
    input = _promote(input, require_complex=True)
    d = _one_dim(dim, input._data.ndim)
    n = 2 * (input._data.shape[d] - 1) if n is None else int(n)
    if n < 1:
        raise RuntimeError(f"Invalid number of data points ({n}) specified")
    input = _resize(input, (d,), (n // 2 + 1,))
    if forward:
        input = conj(input)
    return apply(OPS["fft_c2r"], (input,), [d], _norm(norm, forward), n)


def fft(input, n=None, dim=-1, norm=None, *, out=None):
    """The discrete Fourier transform along dim (of a real input: FftR2CBackward0, the full spectrum)."""
    _check_tensor("fft", input)
    if input.dtype.is_complex:
        return _c2c("fft", input, n, dim, norm, True)
    return _r2c("fft", input, n, dim, norm, True, False)


def ifft(input, n=None, dim=-1, norm=None, *, out=None):
    _check_tensor("ifft", input)
    if input.dtype.is_complex:
        return _c2c("ifft", input, n, dim, norm, False)
    return _r2c("ifft", input, n, dim, norm, False, False)


def rfft(input, n=None, dim=-1, norm=None, *, out=None):
    """The onesided transform of a real signal: n // 2 + 1 bins (FftR2CBackward0)."""
    return _r2c("rfft", input, n, dim, norm, True, True)


def irfft(input, n=None, dim=-1, norm=None, *, out=None):
    """The real signal of n points (2 (m - 1) by default) whose onesided spectrum is input (FftC2RBackward0)."""
    return _c2r("irfft", input, n, dim, norm, False)


def hfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _c2r("hfft", input, n, dim, norm, True)


def ihfft(input, n=None, dim=-1, norm=None, *, out=None):
    return _r2c("ihfft", input, n, dim, norm, False, True)


def _shape_and_dims(input, s, dim):
    """canonicalize_fft_shape_and_dim_args."""
    ndim = input._data.ndim
    sizes = input._data.shape
    dims = None
    if dim is not None:
        dims = [_one_dim(d, ndim) for d in ((dim,) if isinstance(dim, int) else dim)]
        if len(set(dims)) != len(dims):
            raise RuntimeError("FFT dims must be unique")
    if s is not None:
        s = [int(v) for v in ((s,) if isinstance(s, int) else s)]
        if dims is not None and len(dims) != len(s):
            raise RuntimeError("When given, dim and shape arguments must have the same length")
        if len(s) > ndim:
            raise RuntimeError(f"Got shape with {len(s)} values but input tensor only has {ndim} dimensions.")
        if dims is None:
            dims = list(range(ndim - len(s), ndim))
        shape = [sizes[d] if n == -1 else n for d, n in zip(dims, s)]
    elif dims is None:
        dims, shape = list(range(ndim)), list(sizes)
    else:
        shape = [sizes[d] for d in dims]
    for n in shape:
        if n <= 0:
            raise RuntimeError(f"Invalid number of data points ({n}) specified")
    return shape, dims


def _fftn(name, input, s, dim, norm, forward):
    _check_tensor(name, input)
    shape, dims = _shape_and_dims(input, s, dim)
    x = _resize(_promote(input, require_complex=True), dims, shape)
    return apply(OPS["fft_c2c"], (x,), dims, _norm(norm, forward), forward)


def _rfftn(name, input, s, dim, norm):
    _check_tensor(name, input)
    if input.dtype.is_complex:
        raise RuntimeError(f"rfftn expects a real-valued input tensor, but got {input.dtype.scalar_name}")
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise RuntimeError("rfftn must transform at least one axis")
    x = _resize(_promote(input), dims, shape)
    return apply(OPS["fft_r2c"], (x,), dims, _norm(norm, True), True, x._data.shape[dims[-1]])


def _c2r_shape_and_dims(fname, input, s, dim):
    """canonicalize_fft_c2r_shape_and_dim_args: the shape the complex input is cut to (the last dim's n // 2 + 1),
    its dims, and the last dim's output length n (2 (m - 1) unless s gives it)."""
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise RuntimeError(f"{fname} must transform at least one axis")
    s_list = None if s is None else ((s,) if isinstance(s, int) else list(s))
    if s_list is None or s_list[-1] == -1:
        last = 2 * (input._data.shape[dims[-1]] - 1)
    else:
        last = shape[-1]
    if last < 1:
        raise RuntimeError(f"Invalid number of data points ({last}) specified")
    shape[-1] = last // 2 + 1
    return shape, dims, last


def _irfftn(name, input, s, dim, norm):
    _check_tensor(name, input)
    shape, dims, last = _c2r_shape_and_dims("irfftn", input, s, dim)
    x = _resize(_promote(input, require_complex=True), dims, shape)
    return apply(OPS["fft_c2r"], (x,), dims, _norm(norm, False), last)


def _hfftn(name, input, s, dim, norm):
    """fft_hfftn_impl: a forward c2c over all dims but the last (FftC2CBackward0), then the conjugate
    (ConjBackward0) and a c2r over the last dim (FftC2RBackward0); errors name hfftn also for hfft2."""
    _check_tensor(name, input)
    shape, dims, last = _c2r_shape_and_dims("hfftn", input, s, dim)
    x = _resize(_promote(input, require_complex=True), dims, shape)
    mode = _norm(norm, True)
    if len(dims) > 1:
        x = apply(OPS["fft_c2c"], (x,), dims[:-1], mode, True)
    return apply(OPS["fft_c2r"], (conj(x),), dims[-1:], mode, last)


def _ihfftn(name, input, s, dim, norm):
    """fft_ihfftn_impl: a onesided backward r2c over the last dim (FftR2CBackward0), then over one dim the lazy
    conjugate (ConjBackward0, is_conj()), over more conj_physical (ConjPhysicalBackward0) and a backward c2c over
    the others (FftC2CBackward0)."""
    _check_tensor(name, input)
    shape, dims = _shape_and_dims(input, s, dim)
    if not shape:
        raise RuntimeError("ihfftn must transform at least one axis")
    x = _resize(_promote(input), dims, shape)
    mode = _norm(norm, False)
    if x.dtype.is_complex:   # (_fft_r2c's check)
        raise RuntimeError(f"Only supports floating-point dtypes, but found: {x.dtype.scalar_name}")
    out = apply(OPS["fft_r2c"], (x,), dims[-1:], mode, True, x._data.shape[dims[-1]])
    if len(dims) == 1:
        return lazy_conj(out)
    return apply(OPS["fft_c2c"], (conj_physical(out),), dims[:-1], mode, False)


def fftn(input, s=None, dim=None, norm=None, *, out=None):
    return _fftn("fftn", input, s, dim, norm, True)


def ifftn(input, s=None, dim=None, norm=None, *, out=None):
    return _fftn("ifftn", input, s, dim, norm, False)


def rfftn(input, s=None, dim=None, norm=None, *, out=None):
    return _rfftn("rfftn", input, s, dim, norm)


def irfftn(input, s=None, dim=None, norm=None, *, out=None):
    return _irfftn("irfftn", input, s, dim, norm)


def fft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return _fftn("fft2", input, s, dim, norm, True)


def ifft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return _fftn("ifft2", input, s, dim, norm, False)


def rfft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return _rfftn("rfft2", input, s, dim, norm)


def irfft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return _irfftn("irfft2", input, s, dim, norm)


def hfftn(input, s=None, dim=None, norm=None, *, out=None):
    """The real n-d signal whose Hermitian-symmetric half spectrum is input: the last dim 2 (m - 1) points."""
    return _hfftn("hfftn", input, s, dim, norm)


def ihfftn(input, s=None, dim=None, norm=None, *, out=None):
    """hfftn's inverse: the onesided (last dim n // 2 + 1) inverse transform of a real n-d signal."""
    return _ihfftn("ihfftn", input, s, dim, norm)


def hfft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return _hfftn("hfft2", input, s, dim, norm)


def ihfft2(input, s=None, dim=(-2, -1), norm=None, *, out=None):
    return _ihfftn("ihfft2", input, s, dim, norm)


def _freq_dtype(name, dtype):
    d = dtypes.get_default_dtype() if dtype is None else dtypes.coerce(dtype)
    if not (d.is_floating_point or d.is_complex):
        raise RuntimeError(f"{name} requires a floating point or complex dtype")
    if d.is_complex:   # the dtype check passes, then ATen's arange has no complex kernel
        raise NotImplementedError(f'"arange_cpu" not implemented for \'{d.scalar_name}\'')
    return d


def _count(n):
    """n points, as at::empty takes them (its error for a negative count)."""
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    return n


def fftfreq(n, d=1.0, *, dtype=None, layout=None, device=None, requires_grad=False, out=None):
    """The sample frequencies of an n-point transform: [0, 1, ..., -(n // 2), ..., -1] / (n d)."""
    dt = _freq_dtype("fftfreq", dtype)
    n = int(n)
    idx = np.arange(_count(n), dtype=np.int64)
    idx[(n + 1) // 2:] -= n
    return _freqs(idx, n, d, dt, requires_grad)


def rfftfreq(n, d=1.0, *, dtype=None, layout=None, device=None, requires_grad=False, out=None):
    """The nonnegative sample frequencies of an n-point rfft: [0, 1, ..., n // 2] / (n d)."""
    dt = _freq_dtype("rfftfreq", dtype)
    n = int(n)
    half = n // 2 if n >= 0 else -(-n // 2)   # C++'s n / 2 rounds toward zero: rfftfreq(-1) has one point
    return _freqs(np.arange(_count(half + 1), dtype=np.int64), n, d, dt, requires_grad)


def _freqs(idx, n, d, dt, requires_grad):
    # ATen: arange in the dtype, then mul_(1.0 / (n * d)), the scale a double (inf for d = 0 or n = 0: 0 * inf is
    # nan, silently) rounded to the dtype first
    nd = n * float(d)
    scale = 1.0 / nd if nd else (np.inf if np.copysign(1.0, nd) > 0 else -np.inf)
    with np.errstate(all="ignore"):
        out = idx.astype(dt.np) * np.asarray(scale).astype(dt.np)
    t = wrap(out.astype(dt.np))
    if requires_grad:
        t._requires_grad(True)
    return t


def _shifted(input, dim, half):
    if dim is None:
        dims = list(range(input._data.ndim))
    else:
        dims = [dim] if isinstance(dim, int) else list(dim)
    shifts = [half(input._data.shape[_dim(d, input._data.ndim)]) for d in dims]
    return roll(input, shifts, dims)


def fftshift(input, dim=None):
    """The zero frequency moved to the centre: a roll by n // 2 along each dim (RollBackward0)."""
    return _shifted(input, dim, lambda n: n // 2)


def ifftshift(input, dim=None):
    """fftshift's inverse: a roll by (n + 1) // 2."""
    return _shifted(input, dim, lambda n: (n + 1) // 2)


FUNCTIONS = {f.__name__: f for f in (fft, ifft, rfft, irfft, hfft, ihfft, fftn, ifftn, rfftn, irfftn, fft2, ifft2,
                                      rfft2, irfft2, hfftn, ihfftn, hfft2, ihfft2, fftfreq, rfftfreq, fftshift,
                                      ifftshift)}
