"""The compiled kernels (engine/_vec_kernels.c through engine/ckernels.py) give the numpy kernels' bits
(vec_kernels.py, act_kernels.py, random_kernels._fma32), which give PyTorch's (test_softmax_kernels.py,
test_act_kernels.py). Each kernel runs twice on the same inputs, once with the library and once with
``ckernels.LIB = None`` (the numpy path), under each CPU capability, over random values, a sweep of the float32 bit
patterns, fused steps on float32 midpoints, subnormals, huge and tiny values, infinities, nans and the exp's
clip edges. NaN against NaN counts as equal whatever its sign and payload (IEEE 754 leaves them open, and numpy's
own loops differ there); every other value must match bit for bit.

Without the library these are skipped, except under AUTOGRAD_MAGIC_REQUIRE_ALL=1 (CI), where the first test fails.
"""
import ctypes
import ctypes.util
import json
import math
import os
import platform
import subprocess
import sys

import numpy as np
import pytest

from autograd_magic.engine import act_kernels, build_kernels, ckernels, libm, sleef_pow, vec_kernels
from autograd_magic.engine.random_kernels import _fma32
from helpers import REQUIRE_ALL

_F32 = np.float32
CAPABILITIES = ("avx512", "avx2", "default")


def test_the_compiled_kernels_are_built_and_current():
    """`make test` builds them (python -m autograd_magic.engine.build_kernels); CI requires them."""
    if ckernels.LIB is None:
        if REQUIRE_ALL:
            pytest.fail(f"the compiled kernels are required under AUTOGRAD_MAGIC_REQUIRE_ALL=1: {ckernels.missing()}")
        pytest.skip(ckernels.missing())
    assert ckernels.LIB.am_source_hash().decode() == build_kernels.source_hash()


needs_lib = pytest.mark.skipif(ckernels.LIB is None, reason=f"compiled kernels not loaded: {ckernels.missing()}")


@pytest.fixture(params=CAPABILITIES)
def capability(request, monkeypatch):
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", request.param)
    if vec_kernels.capability() != request.param:
        pytest.skip(f"this processor has no {request.param}")
    return request.param


def _both(monkeypatch, fn, *args):
    """fn(*args) with the compiled kernels, then with numpy's."""
    with np.errstate(all="ignore"):
        compiled = fn(*args)
        with monkeypatch.context() as m:
            m.setattr(ckernels, "LIB", None)
            plain = fn(*args)
    return compiled, plain


def _assert_same_bits(got, want):
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape and got.dtype == want.dtype == _F32
    nan = np.isnan(want)
    np.testing.assert_array_equal(np.isnan(got), nan)
    differ = np.flatnonzero((got.view(np.uint32) != want.view(np.uint32)) & ~nan)
    assert differ.size == 0, (f"{differ.size} of {got.size} values differ, e.g. at {differ[:5]}: "
                              f"{got.ravel()[differ[:5]]} against {want.ravel()[differ[:5]]}")


def _f(*values):
    return np.array(values, _F32)


_TINY = np.finfo(_F32).tiny
SPECIAL = np.concatenate([
    _f(0.0, -0.0, np.inf, -np.inf, np.nan, -np.nan, 1e-45, -1e-45, 1e-40, -1e-40, _TINY, -_TINY, 3.4028235e38,
       -3.4028235e38, 2.6e38, 1e38, 1.0000001e38, 1, -1, 0.5, 2, 88.37, 88.72283, 89.0, -87.3, -88.0, -100.0,
       -103.9, -0.9999999, 1e-8, -1e-8),
    np.nextafter(_f(-104, -104, 100, 100, -1, -1), _f(0, -200, 0, 200, 0, -2)),   # the clip edges and log1p's -1
    _f(-104, 100),
    (1 + np.arange(1, 600, 2) * 2.0 ** -12).astype(_F32),   # squares on float32 midpoints
])


def _values(seed=0):
    """A sweep over every 4093rd float32 bit pattern, the special values and scaled normal draws."""
    rng = np.random.default_rng(seed)
    sweep = np.arange(0, 2 ** 32, 4093, dtype=np.uint64).astype(np.uint32).view(_F32)
    draws = [(rng.standard_normal(20000) * s).astype(_F32) for s in (1, 10, 60)]
    return np.concatenate([sweep, SPECIAL, *draws])


@needs_lib
@pytest.mark.parametrize("name", ["expf", "logf", "log1pf"])
def test_exp_log_log1p_are_numpys_bits(name, capability, monkeypatch):
    fn = getattr(vec_kernels, name)
    x = _values()
    for arg in (x, SPECIAL, x[::3], x[:700].reshape(-1, 7), _f(0.75), _f(-103.99)):
        _assert_same_bits(*_both(monkeypatch, fn, arg))


@needs_lib
def test_fma32_is_numpys_bits_on_midpoints_subnormals_and_broadcast_values(monkeypatch):
    k = np.arange(1, 600, 2, dtype=np.float64)
    a = (1 + k * 2.0 ** -12).astype(_F32)   # a * a lies on a float32 midpoint: only the exact check rounds it right
    for c in (0.0, 2.0 ** -70, -2.0 ** -70, -1.0):
        got, want = _both(monkeypatch, _fma32, a, a, _F32(c))
        _assert_same_bits(got, want)
    rng = np.random.default_rng(1)
    x = _values(1)
    b, c = x[rng.permutation(x.size)], x[rng.permutation(x.size)]
    tiny = (rng.standard_normal(5000) * 2.0 ** -64).astype(_F32)   # products and sums near the subnormal range
    cases = [(x, b, c), (x, _F32(3), c), (_F32(-0.5), x, _F32(1)), (tiny, tiny, tiny * _F32(2.0 ** -60)),
             (x[:300].reshape(-1, 3), b[:300].reshape(-1, 3), _F32(0.25)), (_F32(2), _F32(3), _F32(1))]
    for args in cases:
        _assert_same_bits(*_both(monkeypatch, _fma32, *args))
    strided = _both(monkeypatch, _fma32, x[::2], b[::2], c[::2])   # not contiguous: numpy for both
    _assert_same_bits(*strided)
    # the kernel's own entry takes a numpy scalar as a single value (a 0-d array to the extension and to ctypes)
    _assert_same_bits(ckernels.fma32(x, _F32(3), c), _both(monkeypatch, _fma32, x, _F32(3), c)[1])


@needs_lib
def test_box_muller_is_numpys_bits_over_every_uniform(monkeypatch):
    """torch.randn's float32 transform (normal_fill_16: log256_ps of 1 - u in lanes 0-7, sincos256_ps of 2 pi u in
    lanes 8-15) in C gives the numpy code's bits for every float32 uniform the generator can draw (k / 2**24),
    in both roles, and with a mean and std (one fused multiply-add); so does the float64 one."""
    from autograd_magic.engine import random_kernels
    u = np.arange(2 ** 24, dtype=np.float64) / 2 ** 24
    rows = np.empty((2 ** 21, 16), _F32)
    rows[:, :8] = u.reshape(-1, 8)
    rows[:, 8:] = u.reshape(-1, 8)[::-1]     # each value as an angle too, next to another radius
    for mean, std, step in ((0.0, 1.0, 1), (0.5, 3.0, 13)):
        got, want = rows[::step].copy(), rows[::step].copy()
        random_kernels._box_muller(got, mean, std)
        with monkeypatch.context() as m:
            m.setattr(ckernels, "LIB", None)
            random_kernels._box_muller(want, mean, std)
        _assert_same_bits(got, want)
    odd = np.ones((3, 16), _F32)[:, ::-1]       # not C-contiguous: the numpy code
    assert ckernels.box_muller(odd) is False
    # float64 (normal_fill_16<double>: the C library's log, sin, cos): uniforms of 53 bits, and the edges
    u = np.concatenate([np.random.default_rng(2).random(40000), [0.0, 2.0 ** -53, 0.5, 1 - 2.0 ** -53] * 4])
    rows = np.stack([u.reshape(-1, 8), u.reshape(-1, 8)[::-1]], 1).reshape(-1, 16)
    for mean, std in ((0.0, 1.0), (-1.5, 0.25)):
        got, want = rows.copy(), rows.copy()
        random_kernels._box_muller(got, mean, std)
        with monkeypatch.context() as m:
            m.setattr(ckernels, "LIB", None)
            random_kernels._box_muller(want, mean, std)
        assert got.tobytes() == want.tobytes()


SHAPES = [(32, 27), (7,), (1,), (3, 5, 33), (8, 1000), (50, 1), (10, 16), (10, 17), (10, 15), (4, 8), (6, 9)]


def _rows(shape, seed, specials):
    rng = np.random.default_rng(seed)
    x = (rng.standard_normal(shape) * 3).astype(_F32)
    if specials and x.size > 1:
        x.flat[::7] = rng.choice(SPECIAL, x.size)[::7]
    return x


@needs_lib
@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("specials", [False, True], ids=["random", "specials"])
def test_softmax_log_softmax_and_backwards_are_numpys_bits(shape, specials, capability, monkeypatch):
    x = _rows(shape, 0, specials)
    g = _rows(shape, 1, specials)
    out = vec_kernels.log_softmax_lastdim(_rows(shape, 2, False))
    for fn, args in ((vec_kernels.softmax_lastdim, (x,)), (vec_kernels.log_softmax_lastdim, (x,)),
                     (vec_kernels.log_softmax_backward_lastdim, (g, out)),
                     (vec_kernels.log_softmax_backward_lastdim, (g, x)),
                     (vec_kernels.softmax_backward_lastdim, (g, np.exp(out))),
                     (vec_kernels.softmax_backward_lastdim, (g, x))):
        _assert_same_bits(*_both(monkeypatch, fn, *args))


ACTIVATIONS = {
    "sigmoid": lambda x, g: vec_kernels.sigmoid(x),
    "silu": lambda x, g: vec_kernels.silu(x),
    "silu_backward": lambda x, g: act_kernels.silu_backward(g, x),
    "softplus": lambda x, g: act_kernels.softplus(x, 1.0, 20.0),
    "softplus_beta": lambda x, g: act_kernels.softplus(x, 2.0, 5.0),
    "softplus_backward": lambda x, g: act_kernels.softplus_backward(g, x, 2.0, 5.0),
    "elu_backward": lambda x, g: act_kernels.elu_backward(g, x, 1.7580993408473766, 1.0507009873554805, 1.0),
    "log_sigmoid": lambda x, g: act_kernels.log_sigmoid(x),
}


@needs_lib
@pytest.mark.parametrize("n", [1, 5, 31, 32, 33, 100, 4003, 20000])
@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_kernels_are_numpys_bits_body_and_tail(name, n, capability, monkeypatch):
    rng = np.random.default_rng(n)
    x = _values(n)
    x = np.ascontiguousarray(x[rng.permutation(x.size)[:n]])
    x[: min(n, SPECIAL.size) // 2] = SPECIAL[: min(n, SPECIAL.size) // 2]
    g = rng.standard_normal(n).astype(_F32)
    fn = ACTIVATIONS[name]
    for grad in (g, np.broadcast_to(_F32(0.5), x.shape)):   # a gradient, and a sum's (one value broadcast)
        got, want = _both(monkeypatch, fn, x, grad)
        assert (got is None) == (want is None)
        if got is not None:
            _assert_same_bits(got, want)


POW_EXPONENTS = (4, 5, -3, 7, 1.5, 0.25, -1.5, math.log(10), 2.2, 1 / 3, 10, -0.7, 0.1, 40.0, -40.0, 1e-3, 1e-50)


@needs_lib
@pytest.mark.parametrize("n", [5, 33, 4003, 70001])
def test_pow_scalar_is_numpys_bits_body_tail_and_specials(n, capability, monkeypatch):
    """am_pow_scalar (SLEEF's powf_u10 in C) against sleef_pow's numpy steps, pieces of 70001 elements included;
    under avx2 / avx512 the body is not the C library's powf nor the float64 power rounded once (a kernel that
    computed either would fail here)."""
    rng = np.random.default_rng(n)
    x = np.concatenate([_values(n), (rng.random(20000) * 3).astype(_F32), -(rng.random(2000) * 3).astype(_F32)])
    x = np.ascontiguousarray(x[rng.permutation(x.size)[:n]])
    x[: min(n, SPECIAL.size) // 2] = SPECIAL[: min(n, SPECIAL.size) // 2]
    plain_powf = libm._library().powf
    plain_powf.restype, plain_powf.argtypes = ctypes.c_float, [ctypes.c_float, ctypes.c_float]
    for e in POW_EXPONENTS:
        got, want = _both(monkeypatch, sleef_pow.pow_scalar, x, e)
        _assert_same_bits(got, want)
        if capability != "default" and n > 1000 and e not in (1e-50,):
            with np.errstate(all="ignore"):
                rounded = np.power(x.astype(np.float64), e).astype(_F32)
            others = [rounded, np.vectorize(plain_powf, otypes=[_F32])(x, _F32(e))]
            assert all(((o.view(np.uint32) != want.view(np.uint32)) & ~np.isnan(want)).sum() > 5 for o in others)


def _tanh_back(g, out):
    from autograd_magic.engine import ops
    return ops._tanh_back(g, out)


def _row_scatter(g, shape, k):
    from autograd_magic.engine.xp import NumpyXP
    return NumpyXP.scatter(g, shape, (k,))


@needs_lib
def test_tanh_backward_is_numpys_bits(monkeypatch):
    """g * float32(1 - out * out) with the parenthesis in float64: the C loop rounds each step as numpy does."""
    rng = np.random.default_rng(3)
    x = _values(3)
    out = x[rng.permutation(x.size)]
    tanh = np.tanh(x.astype(np.float64)).astype(_F32)          # what the forward saves
    for g, o in ((x, out), (x, tanh), (x[:700].reshape(-1, 7), tanh[:700].reshape(-1, 7)), (_f(2.5), _f(0.5)),
                 (SPECIAL, SPECIAL[::-1].copy()), (x[::2], out[::2])):     # the last: strided, numpy for both
        _assert_same_bits(*_both(monkeypatch, _tanh_back, g, o))


@needs_lib
def test_row_scatter_is_numpys_add_at(monkeypatch):
    """An embedding's backward (rows of g added at the rows an index array picked, repeats and negative indices
    included): the C loop adds each element in add.at's order."""
    rng = np.random.default_rng(4)
    x = _values(4)
    for shape, kshape in (((27, 10), (32, 3)), ((5, 3, 4), (40,)), ((3, 1), (7, 2)), ((1000, 16), (4096,))):
        k = rng.integers(-shape[0], shape[0], kshape)
        g = x[rng.integers(0, x.size, kshape + shape[1:])]
        _assert_same_bits(*_both(monkeypatch, _row_scatter, g, shape, k))
        k = np.zeros(kshape, np.int64)   # every row into one: long chains of additions
        _assert_same_bits(*_both(monkeypatch, _row_scatter, (g * _F32(1e-3)).astype(_F32), shape, k))


@needs_lib
@pytest.mark.parametrize("name", ("erf", "exp", "log", "log1p", "tanh", "expm1", "cos", "sin", "acosh", "asinh",
                                  "acos", "atanh"))
def test_the_c_librarys_functions_in_one_loop_are_its_per_element_calls(name, monkeypatch):
    """libm.apply (what ATen's scalar kernels call: std::erf, std::log1p ...) runs one C loop over the array
    (am_libm_f32 / am_libm_f64): each element's value is the one the C library gives for it alone (through ctypes
    for float32, Python's math module for float64), infinities, nans, zeros and out-of-domain values included."""
    import math

    from autograd_magic.engine import libm
    calls = []
    monkeypatch.setattr(ckernels, "libm", lambda which, a: calls.append(which) or LIBM(which, a))
    rng = np.random.default_rng(7)
    x64 = np.concatenate([rng.standard_normal(20000) * s for s in (1e-3, 1, 7, 60, 500)] +
                         [np.array([0.0, -0.0, 1.0, -1.0, 1e-310, -1e-310, np.inf, -np.inf, np.nan, 700.0, 2.5])])
    x32 = x64.astype(_F32)
    f = getattr(ctypes.CDLL(ctypes.util.find_library("m") or "libm.so.6"), name + "f")
    f.restype, f.argtypes = ctypes.c_float, [ctypes.c_float]
    expected32 = np.array([f(float(v)) for v in x32], _F32)
    got32 = libm.apply(name, x32)
    assert got32.dtype == _F32 and got32.shape == x32.shape
    _assert_same_bits(got32, expected32)
    py = getattr(math, name)

    def one(v):   # (math raises where the C library returns inf or nan: those are left out of the comparison)
        try:
            return py(v)
        except (ValueError, OverflowError):
            return None
    kept = [(i, r) for i, r in enumerate(one(float(v)) for v in x64) if r is not None]
    got64 = libm.apply(name, x64)
    assert got64.dtype == np.float64
    got64, want64 = got64[[i for i, _ in kept]], np.array([r for _, r in kept])
    nan = np.isnan(want64)
    np.testing.assert_array_equal(np.isnan(got64), nan)
    differ = np.flatnonzero((got64.view(np.uint64) != want64.view(np.uint64)) & ~nan)
    assert differ.size == 0, f"{differ.size} float64 values differ: {got64[differ[:5]]} against {want64[differ[:5]]}"
    assert calls == [libm.NAMES.index(name)] * 2   # (the C loop, not a call per element)
    assert libm.apply(name, x32[:0]).shape == (0,)
    for d in (x32, x64):   # (a 0-d array stays 0-d, as a 2-d one keeps its shape)
        assert libm.apply(name, d[5].reshape(())).shape == ()
        assert libm.apply(name, d[:6].reshape(2, 3)).shape == (2, 3)
    assert libm.apply(name, x32[::3]).shape == x32[::3].shape   # (a strided input: made contiguous first)


LIBM = ckernels.libm


def _bias_add(a, b):
    """a + b through the engine's operator (dispatch.binary_op: the C loop for a row vector b when it applies)."""
    from autograd_magic import torch
    return (torch.from_numpy(a) + torch.from_numpy(b)).numpy()


@needs_lib
def test_bias_add_is_numpys_bits_nan_payloads_included(monkeypatch):
    """A batch plus a bias (x @ W + b): the C loop's bits are numpy's add, NaN payloads included (stricter than the
    other kernels' tests: with a NaN in b, where which NaN wins is numpy's loops' affair, numpy computes it)."""
    rng = np.random.default_rng(5)
    x = _values(5)
    nans = np.arange(0x7F800001, 0x7F800001 + 4096 * 997, 997, dtype=np.uint32).view(_F32)   # signaling and quiet
    for rows, n in ((32, 200), (32, 27), (7, 1), (3, 9), (0, 5), (4, 0), (1, 4096)):
        a = x[rng.integers(0, x.size, (rows, n))]
        for b in (x[rng.integers(0, x.size, n)], -a[0] if rows else x[:n], nans[:n], np.where(np.arange(n) % 2, 1.5,
                  nans[:n]).astype(_F32), np.where(np.arange(n) % 3, 1.5, x[:n]).astype(_F32)):
            if rows:
                a[:, ::5] = nans[rng.integers(0, nans.size, (rows, a[:, ::5].shape[1]))]
            got, want = _both(monkeypatch, _bias_add, a, np.ascontiguousarray(b))
            np.testing.assert_array_equal(got.view(np.uint32), want.view(np.uint32))
            with np.errstate(all="ignore"):
                np.testing.assert_array_equal(got.view(np.uint32), np.add(a, b).view(np.uint32))
            if not np.isnan(b).any():
                assert ckernels.add_rows(a, np.ascontiguousarray(b)) is not None
    # not for it (numpy's path): another dtype, a non-contiguous batch, a bias that is not a row vector
    for a, b in ((x[:64].reshape(8, 8).astype(np.float64), x[:8].astype(np.float64)), (x[:64].reshape(8, 8).T, x[:8]),
                 (x[:64].reshape(8, 8), x[:8].reshape(8, 1))):
        got, want = _both(monkeypatch, _bias_add, a, b)
        assert got.dtype == want.dtype and got.shape == want.shape and got.strides == want.strides
        assert got.tobytes() == want.tobytes()


def test_the_extension_is_built_current_and_loaded_first():
    """build_kernels also builds the kernels as a Python extension (numpy arrays as arguments, ~0.1 us a call
    instead of ctypes' ~1-2 us); the loader prefers it. CI requires it."""
    if ckernels.EXT is None:
        if REQUIRE_ALL:
            pytest.fail(f"the kernels' extension is required under AUTOGRAD_MAGIC_REQUIRE_ALL=1: LIB is {ckernels.LIB!r} "
                        f"({ckernels.missing()})")
        pytest.skip("the kernels' extension is not loaded")
    assert ckernels.LIB is ckernels.EXT
    assert ckernels.EXT.am_source_hash().decode() == build_kernels.source_hash()
    assert ckernels.EXT.am_wrapper_hash() == build_kernels.wrapper_hash(*build_kernels.specification())
    with pytest.raises(TypeError, match="am_expf takes 3 arguments"):
        ckernels.EXT.am_expf(np.ones(2, _F32), np.ones(2, _F32))
    with pytest.raises(TypeError, match="expected a numpy array or an address, got list"):
        ckernels.EXT.am_expf([1.0], np.ones(1, _F32), 1)


@needs_lib
def test_the_products_through_the_extension_are_the_ctypes_calls_bits(monkeypatch):
    """blas.py calls MKL's gemm, gemv and vector math at their addresses through the extension; through ctypes
    (the route where the extension is missing) every product and function gives the same bits."""
    from autograd_magic.engine import blas
    if blas._load() is None or not blas._EXT:
        if REQUIRE_ALL:
            pytest.fail("MKL and the kernels' extension are required under AUTOGRAD_MAGIC_REQUIRE_ALL=1")
        pytest.skip("needs MKL and the kernels' extension")
    rng = np.random.default_rng(3)
    cases = []
    for dtype in (np.float32, np.float64):
        a, b = rng.standard_normal((33, 7)).astype(dtype), rng.standard_normal((7, 29)).astype(dtype)
        bias = rng.standard_normal(29).astype(dtype)
        cases += [lambda a=a, b=b: blas.addmm(a, b), lambda a=a, b=b: blas.addmm(a, np.asfortranarray(b)),
                  lambda a=a, b=b, c=bias: blas.addmm(a, b, c, beta=0.5, alpha=2.0),
                  lambda a=a, b=b: blas.addmm(a[:, :1].copy(), b[:1]), lambda a=a: blas.addmv(a, a[0]),
                  lambda a=a, b=b: blas.addmv(a.T, a[:, 0].copy(), bias=a[0], beta=0.25, alpha=3.0),
                  lambda a=a: blas.vml("Tanh", a), lambda a=a: blas.vml("Log10", np.abs(a[::2]))]
    fast = [case() for case in cases]
    lib = blas._load()
    with monkeypatch.context() as m:
        m.setattr(blas, "_EXT", [])
        m.setattr(blas, "_CALL", {n: getattr(lib, "cblas_" + n) for n in ("sgemm", "dgemm", "sgemv", "dgemv")})
        m.setattr(blas, "_vml_fns", {})
        m.setattr(blas, "_SCALARS", {np.dtype(t): (c(0.0), c(1.0)) for t, c in ((np.float32, ctypes.c_float),
                                                                                  (np.float64, ctypes.c_double))})
        slow = [case() for case in cases]
    for got, want in zip(fast, slow):
        assert got is not None and got.dtype == want.dtype and got.shape == want.shape
        assert got.tobytes() == want.tobytes()


@needs_lib
def test_every_build_of_the_kernels_gives_the_same_bits(monkeypatch):
    """build_kernels makes the library twice, plain x86-64 (fmaf from the C library) and -mavx2 -mfma (fmaf one
    instruction, loops vectorised), and the extension from the same sources with the same flags; the loader takes
    the AVX2 extension where it can. All four give the same bits (the ctypes ones through ckernels._Array)."""
    paths = [p for p in (ckernels.LIBRARY, ckernels.LIBRARY_AVX2, ckernels.EXTENSION, ckernels.EXTENSION_AVX2)
             if os.path.exists(p)]
    if len(paths) < 4 or not (ckernels._CPU.get("AVX2") and ckernels._CPU.get("FMA3")):
        if REQUIRE_ALL and platform.machine().lower() in ("x86_64", "amd64"):
            pytest.fail(f"build_kernels should have built four files on x86-64, found {paths}")
        pytest.skip("needs the four builds and a processor with AVX2 and FMA")
    x = _values(5)
    rows = _rows((300, 27), 3, True)
    g = _rows((300, 27), 4, False)
    cases = [(vec_kernels.expf, (x,)), (vec_kernels.logf, (x,)), (vec_kernels.log1pf, (x,)),
             (_fma32, (x, x[::-1].copy(), _F32(0.5))), (vec_kernels.log_softmax_lastdim, (rows,)),
             (vec_kernels.softmax_lastdim, (rows,)), (vec_kernels.log_softmax_backward_lastdim, (g, rows)),
             (vec_kernels.softmax_backward_lastdim, (g, rows))]
    cases += [(lambda v, f=f: f(v, g.ravel()[:v.size]), (x[:8100],)) for f in ACTIVATIONS.values()]
    cases += [(_tanh_back, (g, rows)), (_row_scatter, (rows.reshape(300, 3, 9), (27, 3, 9), np.arange(300) % 27)),
              (lambda a: ckernels.column_sums(a, 3, 20, 135), (rows.reshape(3, 20, 135),)),
              (_box_muller_of, (np.arange(2 ** 24, dtype=np.float64)[::7] / 2 ** 24,)),
              (ckernels.add_rows, (rows, g[0].copy()))]
    outs = []
    for path in paths:
        monkeypatch.setattr(ckernels, "LIB", ckernels.load(path))
        with np.errstate(all="ignore"):
            outs.append([fn(*args) for fn, args in cases])
    for other in outs[1:]:
        for got, want in zip(other, outs[0]):
            _assert_same_bits(got, want)


def _box_muller_of(u):
    """random_kernels._box_muller (the C kernel where loaded) of uniforms u, each as a radius and as an angle."""
    from autograd_magic.engine import random_kernels
    n = u.size // 8 * 8
    rows = np.empty((n // 8, 16), _F32)
    rows[:, :8] = u[:n].reshape(-1, 8)
    rows[:, 8:] = u[:n].reshape(-1, 8)[::-1]
    random_kernels._box_muller(rows, 0.0, 1.0)
    return rows


_TRAIN = r"""
import json, sys
import numpy as np
from autograd_magic import torch
from autograd_magic.engine import ckernels
torch.manual_seed(0)
C = torch.randn((27, 10), requires_grad=True)
W = torch.randn((30, 27), requires_grad=True)
b = torch.randn(27, requires_grad=True)
X = torch.randint(0, 27, (32, 3))
Y = torch.randint(0, 27, (32,))
for _ in range(3):
    h = torch.tanh(torch.nn.functional.silu(C[X].view(32, 30)))
    logits = h @ W + b
    loss = torch.nn.functional.cross_entropy(logits, Y) + torch.nn.functional.softplus(logits).mean() \
        + torch.softmax(logits, 1).pow(2).sum() + torch.sigmoid(logits).mean()
    for p in (C, W, b):
        p.grad = None
    loss.backward()
    for p in (C, W, b):
        p.data += -0.1 * p.grad
print(json.dumps({"compiled": ckernels.LIB is not None,
                  "bits": [np.asarray(t.detach().numpy()).view(np.uint32).tolist() for t in (C, W, b, loss)]}))
"""


@needs_lib
@pytest.mark.parametrize("cap", CAPABILITIES)
def test_a_training_loop_is_the_same_with_and_without_the_library(cap):
    """In fresh processes, as a user runs it: AUTOGRAD_MAGIC_NO_C_KERNELS=1 turns the library off."""
    results = []
    for off in ("", "1"):
        env = {**os.environ, "ATEN_CPU_CAPABILITY": cap, "AUTOGRAD_MAGIC_NO_C_KERNELS": off}
        done = subprocess.run([sys.executable, "-c", _TRAIN], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        results.append(json.loads(done.stdout))
    assert [r["compiled"] for r in results] == [True, False]
    assert results[0]["bits"] == results[1]["bits"]
