"""torch.linspace gives PyTorch 2.13's bits: its CPU kernel counts the first half from start and the second
half from end, each value one fused multiply-add (float64 included), integer dtypes from truncated ends.
That is the kernel of the AVX2 and AVX-512 builds x86-64 machines dispatch to (GCC contracts the multiply-add;
under ATEN_CPU_CAPABILITY=default PyTorch rounds twice and differs from itself, as its normal_ does)."""
import numpy as np
import pytest

from helpers import require

from autograd_magic import torch as ours


@pytest.fixture(scope="module")
def torch():
    return require("torch")


def _cases():
    rng = np.random.default_rng(0)
    for _ in range(150):
        a, b = rng.standard_normal(2) * 10.0 ** rng.integers(-3, 4)
        yield float(a), float(b), int(rng.integers(2, 80))
    yield from [(0, 1, 2000), (-3, 7, 2000), (0, 2 * np.pi, 100), (-1, 1, 5), (0, 10, 11), (3, -7, 9),
                (0.5, 7.25, 10), (-1e9, 1e9, 101), (0, 1, 1), (2, 3, 0), (1e-300, 3e-300, 17), (5, 5, 4)]


@pytest.mark.parametrize("dtype", ["float64", "float32", "int64", "int32"])
def test_linspace_bits_match_torch(torch, dtype):
    bad = []
    for a, b, n in _cases():
        if dtype.startswith("int") and max(abs(a), abs(b)) > 2 ** 31:
            continue
        want = torch.linspace(a, b, n, dtype=getattr(torch, dtype)).numpy()
        got = ours.linspace(a, b, n, dtype=getattr(ours, dtype)).numpy()
        assert got.dtype == want.dtype
        if got.tobytes() != want.tobytes():
            bad.append((a, b, n, int((got != want).sum())))
    assert not bad, f"{len(bad)} calls differ: {bad[:5]}"


def _arange_cases():
    rng = np.random.default_rng(1)
    for _ in range(150):
        start = float(rng.standard_normal() * 10.0 ** rng.integers(-2, 3))
        step = float(rng.uniform(0.01, 1.0) * 10.0 ** rng.integers(-2, 2))
        yield start, start + step * int(rng.integers(1, 300)), step
    yield from [(-8.0, 8.0, 0.1), (0, 1, 0.1), (0.0, 10.0, 0.3), (-1.0, 1.0, 0.01), (5.0,), (0, 3.5)]


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_arange_bits_match_torch(torch, dtype):
    """ATen's arange: pairs of 256-bit vectors from a rounded base, the tail from start, fused multiply-adds
    (before: torch.arange(-8.0, 8.0, 0.1) differed in 35 of 160 values, x[80] 0.0 against 4.4e-16)."""
    bad = []
    for args in _arange_cases():
        want = torch.arange(*args, dtype=getattr(torch, dtype)).numpy()
        got = ours.arange(*args, dtype=getattr(ours, dtype)).numpy()
        if got.tobytes() != want.tobytes():
            bad.append((args, int((got != want).sum())))
    assert not bad, f"{len(bad)} calls differ: {bad[:5]}"
