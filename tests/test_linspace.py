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
