"""PyTorch's matrix products and vector math through the same library, Intel MKL (engine/blas.py): bit for bit on
this processor, whatever it is (MKL's AVX2 and AVX-512 kernels add a dot of 3 terms in different orders, and its
vector sin/sqrt/exp are not correctly rounded). Real PyTorch is the oracle; before, the engine reproduced MKL's
AVX2 orders for dots of 2-3 terms only, and on an AVX-512 Xeon 3 lessons printed other digits than PyTorch."""
import itertools
import os
import platform
import subprocess
import sys

import numpy as np
import pytest

from helpers import REQUIRE_ALL, require

from autograd_magic import torch as engine
from autograd_magic.engine import blas

X86_LINUX = platform.machine() == "x86_64" and sys.platform.startswith("linux")


def _layout(a, order, lib):
    """a as a tensor of lib with a C (row-major) or F (column-major) layout."""
    if order == "C":
        return lib.tensor(a) if lib is not np else a
    t = np.ascontiguousarray(a.T)
    return (lib.from_numpy(t).t() if lib is not np else t.T)


def _torch_with_mkl():
    """Real PyTorch, with MKL loaded by the engine: where the test extras install it (x86-64 Linux) its absence
    fails under CI (AUTOGRAD_MAGIC_REQUIRE_ALL=1), elsewhere the test is skipped."""
    torch = require("torch")
    if not blas.available():
        if REQUIRE_ALL and X86_LINUX:
            pytest.fail("make test installs mkl (pyproject extra 'mkl'): engine/blas.py did not load it")
        pytest.skip("mkl is not installed")
    return torch


def test_mkl_is_there_where_the_test_extras_install_it():
    if not X86_LINUX:
        pytest.skip("MKL is installed on x86-64 Linux only")
    if not blas.available():
        if REQUIRE_ALL:
            pytest.fail("make test installs mkl (pyproject extra 'mkl'): engine/blas.py did not load it")
        pytest.skip("mkl is not installed")
    got = blas.addmm(np.ones((2, 3), np.float32), np.ones((3, 2), np.float32))   # the engine's products go there
    assert got is not None and got.tolist() == [[3.0, 3.0], [3.0, 3.0]]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_products_are_pytorchs_bits_over_sizes_and_layouts(dtype):
    torch = _torch_with_mkl()
    rng = np.random.default_rng(3)
    bad = []
    for k, m, n in itertools.product((1, 2, 3, 4, 7, 16, 33, 200), (1, 2, 3, 5, 16, 40), (1, 2, 3, 12, 27)):
        if k > 16 and 1 in (m, n) and max(m, n) > 8:
            continue   # a long matrix-vector product on 2+ threads: MKL's split varies from run to run
        for la, lb in itertools.product("CF", "CF"):
            a = rng.standard_normal((m, k)).astype(dtype)
            b = rng.standard_normal((k, n)).astype(dtype)
            bias = rng.standard_normal(n).astype(dtype)
            want = torch.mm(_layout(a, la, torch), _layout(b, lb, torch)).numpy()
            got = (_layout(a, la, engine) @ _layout(b, lb, engine)).numpy()
            want_b = torch.addmm(torch.tensor(bias), _layout(a, la, torch), _layout(b, lb, torch)).numpy()
            got_b = engine.addmm(engine.tensor(bias), _layout(a, la, engine), _layout(b, lb, engine)).numpy()
            if want.tobytes() != got.tobytes() or want_b.tobytes() != got_b.tobytes():
                bad.append((k, m, n, la + lb))
    assert not bad, bad


def test_matrix_vector_and_dot_products_are_pytorchs_bits():
    torch = _torch_with_mkl()
    rng = np.random.default_rng(4)
    bad = []
    for k, m in itertools.product((1, 2, 3, 5, 16, 64, 300), (1, 2, 3, 8, 50)):
        if k > 16 and m > 8:
            continue   # as above: PyTorch's own bits vary between runs there
        for order in "CF":
            a = rng.standard_normal((m, k)).astype(np.float32)
            v = rng.standard_normal(k).astype(np.float32)
            u = rng.standard_normal(k).astype(np.float32)
            if torch.mv(_layout(a, order, torch), torch.tensor(v)).numpy().tobytes() != \
                    engine.mv(_layout(a, order, engine), engine.tensor(v)).numpy().tobytes():
                bad.append(("mv", k, m, order))
            want_dot = torch.dot(torch.tensor(u), torch.tensor(v)).item()
            if want_dot != engine.dot(engine.tensor(u), engine.tensor(v)).item():
                bad.append(("dot", k))
    assert not bad, bad


FUNCTIONS = ["sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "asin", "acos", "atan", "log2", "log10", "erf"]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_vector_math_is_pytorchs_bits(dtype):
    torch = _torch_with_mkl()
    rng = np.random.default_rng(5)
    bad = []
    for name in FUNCTIONS:
        for shape in [(), (1,), (7,), (33,), (5000,), (40, 3)]:
            a = np.asarray(rng.standard_normal(shape) * 3, dtype=dtype)
            if name in ("log", "sqrt", "log2", "log10"):
                a = np.abs(a) + 1e-3
            if name in ("asin", "acos"):
                a = np.clip(a / 9, -0.99, 0.99)
            a = np.asarray(a, dtype=dtype)   # numpy makes 0-d results scalars
            t, e = torch.from_numpy(a), engine.from_numpy(a)
            if a.ndim == 2:   # a transposed (non-contiguous) input too
                t, e = t.t(), e.t()
            want, got = getattr(torch, name)(t).numpy(), getattr(engine, name)(e).numpy()
            if want.tobytes() != got.tobytes():
                bad.append((name, shape, int(np.sum(want != got))))
    assert not bad, bad


def test_sin_and_cos_derivatives_and_optimizer_sqrt_follow():
    """sin's backward multiplies by at::cos (MKL's), RMSprop and Adam divide by Tensor.sqrt() (MKL's)."""
    torch = _torch_with_mkl()
    rng = np.random.default_rng(6)
    x0 = (rng.standard_normal(500) * 3).astype(np.float32)
    grads = []
    for lib in (torch, engine):
        x = lib.tensor(x0, requires_grad=True)
        (lib.sin(x).sum() + lib.cos(x).sum()).backward()
        grads.append(x.grad.numpy())
    assert grads[0].tobytes() == grads[1].tobytes()
    for opt in ("RMSprop", "Adam"):
        params = []
        for lib in (torch, engine):
            p = lib.tensor(x0.copy(), requires_grad=True)
            o = getattr(lib.optim, opt)([p], lr=0.01)
            for _ in range(5):
                o.zero_grad()
                (p * p).sum().backward()
                o.step()
            params.append(p.detach().numpy())
        assert params[0].tobytes() == params[1].tobytes(), opt


def test_without_mkl_the_engine_keeps_its_own_orders():
    """AUTOGRAD_MAGIC_MKL=0 (or no mkl package): blas gives way, products and functions still work."""
    code = ("from autograd_magic.engine import blas\nfrom autograd_magic import torch\n"
            "x = torch.tensor([[1., 2., 3.]]); w = torch.tensor([[0.5], [0.25], [2.]])\n"
            "print(blas.available(), (x @ w).item(), torch.sin(torch.tensor(0.5)).item())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "AUTOGRAD_MAGIC_MKL": "0"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "7.0", str(float(np.float32(np.sin(0.5))))]


def _placed(a, offset):
    """A copy of a whose data starts `offset` bytes past a 64-byte boundary (same strides)."""
    n = a.size * a.itemsize
    buf = np.empty(n + 128, np.uint8)
    start = (-buf.__array_interface__["data"][0]) % 64 + offset
    out = np.lib.stride_tricks.as_strided(buf[start:start + n].view(a.dtype), a.shape, a.strides)
    out[...] = a
    return out


def test_matrix_vector_products_do_not_depend_on_where_the_arrays_sit():
    """MKL's column-major gemv peels its loops by alignment: the engine places such operands as PyTorch's
    allocator would (64-byte aligned) and gets PyTorch's bits wherever numpy put the arrays."""
    torch = _torch_with_mkl()
    rng = np.random.default_rng(7)
    bad = []
    for k, m in [(200, 40), (33, 13), (700, 300), (7, 5)]:
        a = np.asfortranarray(rng.standard_normal((m, k)).astype(np.float32))
        v = rng.standard_normal(k).astype(np.float32)
        want = torch.mv(torch.from_numpy(np.ascontiguousarray(a.T)).t(), torch.from_numpy(v)).numpy()
        want_mm = torch.mm(torch.from_numpy(np.ascontiguousarray(a.T)).t(), torch.from_numpy(v)[:, None]).numpy()
        for offset in (0, 4, 16, 32, 48):
            pa, pv = _placed(a, offset), _placed(v, offset)
            if blas.addmv(pa, pv).tobytes() != want.tobytes():
                bad.append(("mv", k, m, offset))
            if blas.addmm(pa, pv[:, None]).tobytes() != want_mm.tobytes():
                bad.append(("mm", k, m, offset))
    assert not bad, bad


def test_a_product_started_inside_another_keeps_both_right(monkeypatch):
    """Operands MKL must see 64-byte placed are copied into the thread's scratch buffers. A product started while
    another one has its operands there (a finalizer run by an allocation, on the same thread) must neither
    overwrite them nor be overwritten: it gets copies of its own."""
    _torch_with_mkl()   # (MKL present: the products go through blas)

    def misplaced(values):   # an array of its own memory (no ndarray base) 16 bytes past a 64-byte boundary
        values = np.array(values, np.float32)
        raw = bytearray(values.nbytes + 128)
        skip = (16 - np.frombuffer(raw, np.uint8).ctypes.data) % 64
        out = np.frombuffer(raw, np.float32, values.size, skip).reshape(values.shape)
        out[...] = values
        return out
    a, b = misplaced([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), misplaced([[0.5], [2.0]])   # a matrix-vector product
    c, d = misplaced([[7.0, 8.0], [9.0, 1.0], [2.0, 3.0]]), misplaced([[3.0], [-1.0]])
    real = blas._scratch_view
    inner = []

    def finalizer_in_between(slot, want, arr):
        if slot == 1 and not inner:   # the outer product's first operand is already in scratch slot 0
            inner.append(blas.addmm(c, d))
        return real(slot, want, arr)
    monkeypatch.setattr(blas, "_scratch_view", finalizer_in_between)
    outer = blas.addmm(a, b)
    assert inner and inner[0].tolist() == (c @ d).tolist()
    assert outer.tolist() == (a @ b).tolist()
