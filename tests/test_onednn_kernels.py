"""F.gelu as PyTorch computes it (engine/onednn_kernels.py and ops_nn's ATen path): oneDNN's kernel for a contiguous
float32 tensor of 2+ elements (its minimax polynomials on AVX-512, Abramowitz and Stegun with oneDNN's exp below),
ATen's scalar kernel (the C library's erff / expf) for one element and float64. Real PyTorch is the oracle, bit for
bit. Before: x/2 + x/2 * erf in float64, which differed from PyTorch in 56% of float32 inputs over [-12, 12] and by
up to 20% of the value near x = -5 (oneDNN's erf is far from float32 precision there), and gave +0.0 where
PyTorch's AVX-512 kernel gives -0.0."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from autograd_magic import torch as engine  # noqa: E402

F32 = np.float32


def _inputs(dtype=F32):
    x = np.linspace(-12, 12, 24001).astype(dtype)
    specials = [0.0, -0.0, 1e-30, -1e-40, 200.0, -200.0, np.inf, -np.inf, -5.0, -3.0, -8.37]
    return np.concatenate([x, np.array(specials, dtype)])


def _gelu_both(x, approximate="none", single=False):
    """(values, gradients) on PyTorch and on the engine; single: one 0-dim tensor per input."""
    g = np.random.default_rng(0).standard_normal(x.shape).astype(x.dtype)
    out = []
    for lib in (torch, engine):
        xs = [x[i:i + 1].reshape(()) for i in range(x.size)] if single else [x]
        ys, gs = [], []
        for i, v in enumerate(xs):
            t = lib.tensor(v).requires_grad_()
            y = lib.nn.functional.gelu(t, approximate=approximate)
            y.backward(lib.tensor(g[i:i + 1].reshape(()) if single else g))
            ys.append(y.detach().numpy().reshape(-1))
            gs.append(t.grad.numpy().reshape(-1))
        out.append((np.concatenate(ys), np.concatenate(gs)))
    return out


def _assert_same_bits(want, got, x):
    same = (want.view(np.uint8) == got.view(np.uint8)).reshape(want.size, -1).all(axis=1)
    same |= np.isnan(want) & np.isnan(got)
    assert same.all(), f"{(~same).sum()} differ, at x = {x[~same][:5]}: {want[~same][:5]} vs {got[~same][:5]}"


def test_gelu_of_a_float32_batch_is_pytorchs_bits():
    """The oneDNN path, forward and backward, on this processor's ISA: includes x = -5 (oneDNN's erf 20% off)
    and the far left (-0.0 on AVX-512)."""
    x = _inputs()
    (want, want_g), (got, got_g) = _gelu_both(x)
    _assert_same_bits(want, got, x)
    _assert_same_bits(want_g, got_g, x)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_gelu_of_single_elements_is_pytorchs_bits(dtype):
    """ATen's scalar kernel: x * 0.5 * (1 + erf(x * M_SQRT1_2)) with the C library's erf (glibc's erff is not
    correctly rounded, and 1 + erf near -3 magnifies its last bit a hundredfold)."""
    x = np.linspace(-6, 6, 1201).astype(dtype)
    (want, want_g), (got, got_g) = _gelu_both(x, single=True)
    _assert_same_bits(want, got, x)
    _assert_same_bits(want_g, got_g, x)


CHILD = """
import json, sys
import numpy as np
sys.path[:0] = [{tests!r}]
import test_onednn_kernels as t
x = t._inputs()
(want, want_g), (got, got_g) = t._gelu_both(x)
bad = lambda a, b: int((a.view(np.uint32) != b.view(np.uint32)).sum())
from autograd_magic.engine import onednn_kernels
print(json.dumps([onednn_kernels.isa(), bad(want, got), bad(want_g, got_g)]))
"""


@pytest.mark.parametrize("cap, isa", [("AVX2", "avx2"), ("AVX", "avx"), ("SSE41", "sse41")])
def test_gelu_follows_onednn_max_cpu_isa(cap, isa):
    """Below AVX-512 oneDNN runs Abramowitz and Stegun (with fused multiply-adds on AVX2, without on AVX and
    SSE4.1): an AVX2 machine's PyTorch, reproduced here by capping oneDNN's ISA in a child process."""
    from autograd_magic.engine.onednn_kernels import _ISAS, _detected
    if _ISAS.index(_detected()) < _ISAS.index(isa):
        pytest.skip(f"this processor has no {isa}")
    env = {**os.environ, "ONEDNN_MAX_CPU_ISA": cap}
    code = CHILD.format(tests=os.path.dirname(__file__))
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1]) == [isa, 0, 0]
