"""float32 matrix products with 2 or 3 terms per dot in MKL's order (engine/mkl_order.py): in order, each product
rounded, or a fused multiply-add chain in MKL's big-block kernel (4+ rows and 12+ columns), a bias added after.
Real PyTorch is the oracle, bit for bit, over layouts and sizes; before, numpy's BLAS differed for ~20% of values
(a Korean lab's one-sample batch printed Cost 2.953000 where PyTorch prints 2.953053)."""
import numpy as np
import pytest

torch = pytest.importorskip("torch")

from autograd_magic import torch as engine  # noqa: E402

SIZES = [(1, 1), (2, 3), (3, 12), (4, 11), (4, 12), (5, 16), (8, 64), (64, 10), (100, 13), (16, 1)]


def _run(lib, a, w, b, transposed):
    x, wt = lib.tensor(a), lib.tensor(w)
    out = {"linear": lib.nn.functional.linear(x, wt, lib.tensor(b)), "linear_nobias": lib.nn.functional.linear(x, wt),
           "mm": (x @ wt.T) if transposed else (x @ lib.tensor(np.ascontiguousarray(w.T))),
           "mv": x @ wt[0], "addmm": lib.addmm(lib.tensor(b), x, wt.T)}
    return {k: v.numpy() for k, v in out.items()}


@pytest.mark.parametrize("k", [2, 3])
@pytest.mark.parametrize("transposed", [False, True])
def test_small_k_products_are_pytorchs_bits(k, transposed):
    rng = np.random.default_rng(k)
    bad = []
    for m, n in SIZES:
        for _ in range(3):
            a = rng.standard_normal((m, k)).astype(np.float32)
            w = rng.standard_normal((n, k)).astype(np.float32)
            b = rng.standard_normal(n).astype(np.float32)
            want, got = _run(torch, a, w, b, transposed), _run(engine, a, w, b, transposed)
            bad += [(name, m, n) for name in want if want[name].tobytes() != got[name].tobytes()]
    assert not bad, bad


def test_small_k_gradients_are_pytorchs_bits():
    """The backward's products with 2-3 terms (through a layer of 2-3 outputs; a batch of 2-3 rows) follow too."""
    rng = np.random.default_rng(0)
    for m, n, k in [(3, 2, 5), (2, 3, 16), (64, 3, 8), (3, 30, 2)]:
        a = rng.standard_normal((m, k)).astype(np.float32)
        w = rng.standard_normal((n, k)).astype(np.float32)
        g = rng.standard_normal((m, n)).astype(np.float32)
        grads = []
        for lib in (torch, engine):
            x, wt = lib.tensor(a, requires_grad=True), lib.tensor(w, requires_grad=True)
            lib.nn.functional.linear(x, wt).backward(lib.tensor(g))
            grads.append((x.grad.numpy(), wt.grad.numpy()))
        (wx, ww), (gx, gw) = grads
        if n <= 3:
            np.testing.assert_array_equal(gx, wx)
        if m <= 3:
            np.testing.assert_array_equal(gw, ww)
