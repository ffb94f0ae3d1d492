"""Fourier transforms through the library PyTorch's CPU wheel computes them with: oneMKL's DFTI (ATen's
mkl/SpectralOps.cpp), found as blas.py finds MKL. Planned as ATen plans them (``_plan_mkl_fft``: batch dims first
in stride order and collapsed into one, out of place, its strides and distances, the CCE storage of real
transforms, the scale of the normalisation), MKL gives PyTorch's bits; numpy's pocketfft does not (float32 rfft of
8 to 256 points differs in 1-4 ulps, float64 too). Without MKL, ``transform`` falls back to numpy.fft.
"""
import ctypes
import math

import numpy as np

from . import blas

# mkl_dfti.h
_FORWARD_SCALE, _BACKWARD_SCALE, _NUMBER_OF_TRANSFORMS = 4, 5, 7
_CONJUGATE_EVEN_STORAGE, _PLACEMENT, _INPUT_STRIDES, _OUTPUT_STRIDES = 10, 11, 12, 13
_INPUT_DISTANCE, _OUTPUT_DISTANCE = 14, 15
_COMPLEX, _REAL, _SINGLE, _COMPLEX_COMPLEX, _NOT_INPLACE = 32, 33, 35, 39, 44
_L = ctypes.c_long
NONE, BY_ROOT_N, BY_N = 0, 1, 2   # ATen's fft_norm_mode
_COMPLEX_OF = {np.dtype(np.float32): np.dtype(np.complex64), np.dtype(np.float64): np.dtype(np.complex128)}
_REAL_OF = {v: k for k, v in _COMPLEX_OF.items()}


def _lib():
    lib = blas._load()
    if lib is None or not hasattr(lib, "DftiCreateDescriptor_s_1d"):
        return None
    blas._threads(lib)
    return lib


def transform(x, dims, norm, forward, out_shape, out_dtype):
    """One of ATen's three transforms over ``dims`` (c2c: complex in and out; r2c: real in, the onesided half
    out; c2r: the onesided half in, real out of out_shape), scaled by ``norm`` (NONE, BY_ROOT_N, BY_N of the
    signal's size)."""
    lib = _lib()
    if lib is None or x.size == 0 or 0 in x.strides:
        return _numpy(x, dims, norm, forward, out_shape, out_dtype)
    ndim = x.ndim
    batch = sorted((d for d in range(ndim) if d not in dims), key=lambda d: -x.strides[d])
    perm = batch + list(dims)
    inp = x.transpose(perm)
    signal_in = inp.shape[len(batch):]
    inp = inp.reshape((-1,) + signal_in)
    signal_out = tuple(out_shape[d] for d in dims)
    out = np.empty((inp.shape[0],) + signal_out, out_dtype)
    sizes = [max(i, o) for i, o in zip(signal_in, signal_out)]
    _run(lib, inp, out, sizes, norm, forward)
    out = out.reshape([x.shape[d] for d in batch] + list(signal_out))
    return out.transpose(np.argsort(perm))


def _run(lib, inp, out, sizes, norm, forward):
    h = ctypes.c_void_p()
    single = inp.dtype in (np.float32, np.complex64)
    domain = _COMPLEX if inp.dtype.kind == "c" and out.dtype.kind == "c" else _REAL
    n = len(sizes)
    if n == 1:
        create = lib.DftiCreateDescriptor_s_1d if single else lib.DftiCreateDescriptor_d_1d
        status = create(ctypes.byref(h), _L(domain), _L(sizes[0]))
    else:
        create = lib.DftiCreateDescriptor_s_md if single else lib.DftiCreateDescriptor_d_md
        status = create(ctypes.byref(h), _L(domain), _L(n), (_L * n)(*sizes))
    if status:
        raise RuntimeError(f"MKL FFT error: {lib.DftiErrorMessage(_L(status))}")
    try:
        setv = lib.DftiSetValue
        checks = [setv(h, _L(_PLACEMENT), _L(_NOT_INPLACE)),
                  setv(h, _L(_NUMBER_OF_TRANSFORMS), _L(inp.shape[0])),
                  setv(h, _L(_INPUT_DISTANCE), _L(inp.strides[0] // inp.itemsize)),
                  setv(h, _L(_OUTPUT_DISTANCE), _L(out.strides[0] // out.itemsize)),
                  setv(h, _L(_INPUT_STRIDES), (_L * (n + 1))(0, *[s // inp.itemsize for s in inp.strides[1:]])),
                  setv(h, _L(_OUTPUT_STRIDES), (_L * (n + 1))(0, *[s // out.itemsize for s in out.strides[1:]]))]
        if domain == _REAL:
            checks.append(setv(h, _L(_CONJUGATE_EVEN_STORAGE), _L(_COMPLEX_COMPLEX)))
        if norm != NONE:
            numel = math.prod(sizes)
            scale = 1.0 / math.sqrt(numel) if norm == BY_ROOT_N else 1.0 / numel
            checks.append(setv(h, _L(_FORWARD_SCALE if forward else _BACKWARD_SCALE), ctypes.c_double(scale)))
        checks.append(lib.DftiCommitDescriptor(h))
        compute = lib.DftiComputeForward if forward else lib.DftiComputeBackward
        checks.append(compute(h, ctypes.c_void_p(inp.ctypes.data), ctypes.c_void_p(out.ctypes.data)))
        if any(checks):
            raise RuntimeError("MKL FFT error: " + str(next(c for c in checks if c)))
    finally:
        lib.DftiFreeDescriptor(ctypes.byref(h))


def _numpy(x, dims, norm, forward, out_shape, out_dtype):
    """numpy.fft's pocketfft (not PyTorch's bits: see the module docstring), scaled as ATen scales."""
    dims = list(dims)
    if x.dtype.kind == "c" and out_dtype.kind == "c":
        sizes = [x.shape[d] for d in dims]
        # (ifftn with norm="forward" is the unscaled inverse)
        out = (np.fft.fftn if forward else np.fft.ifftn)(x, axes=dims, norm=None if forward else "forward")
    elif x.dtype.kind != "c":
        sizes = [x.shape[d] for d in dims]
        out = np.fft.rfftn(x, axes=dims)
    else:
        sizes = [out_shape[d] for d in dims]
        out = np.fft.irfftn(x, s=sizes, axes=dims, norm="forward")
    if norm != NONE:
        numel = math.prod(sizes)
        out = out * (1.0 / math.sqrt(numel) if norm == BY_ROOT_N else 1.0 / numel)
    return out.astype(out_dtype)
