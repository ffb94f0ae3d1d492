"""The triangular, Cholesky and LU solves bit for bit against PyTorch, values and gradients, on this processor.

PyTorch runs them through MKL's LAPACK / BLAS (?potrf, ?trsm, ?potrs, ?potri, ?getrf + ?getrs), whose order of
operations depends on the processor (on an AVX-512 Intel processor MKL's blocked potrf stops at another leading
minor of a nearly singular matrix than an unblocked Cholesky, and its trsm rounds differently from an LU solve of
the triangle), and on how ATen hands it the memory (a row-major A goes to trsm as its transpose). The engine calls
the same routines the same way (engine/lapack.py), so the results agree to the last bit wherever MKL runs: these
checks fail on a processor where an emulation happens to agree only by chance. Also matrix_exp, whose squarings
round as ATen's batched product does (its naive kernel for a small matrix, not MKL's gemm)."""
import itertools

import numpy as np
import pytest

from helpers import require


def _layout(T, arr, layout):
    if layout == "mT":   # (a column-major A: ATen passes it to trsm as it is)
        return T.tensor(np.ascontiguousarray(np.swapaxes(arr, -1, -2))).mT
    if layout == "slice":   # (neither row- nor column-major: ATen copies it)
        return T.tensor(np.concatenate([arr, arr], -1))[..., ::2]
    return T.tensor(arr)


def _both(fn, *arrays, grad=True):
    """fn(T, *tensors) on PyTorch and on the engine: [value, gradients...] for each (a fixed weighting of the
    output backpropagated)."""
    torch = require("torch")
    import autograd_magic.torch as ours
    results = []
    for T in (torch, ours):
        ts = [T.tensor(a, requires_grad=grad) for a in arrays]
        y = fn(T, *ts)
        got = [y.detach().numpy()]
        if grad:
            w = T.tensor(np.linspace(-1, 1, y.numel()).reshape(tuple(y.shape)).astype(arrays[0].dtype))
            (y * w).sum().backward()
            got += [t.grad.numpy() for t in ts]
        results.append(got)
    return results


def _assert_same_bits(results, what):
    theirs, ours = results
    for i, (a, b) in enumerate(zip(theirs, ours)):
        assert a.dtype == b.dtype and a.shape == b.shape, (what, i)
        assert np.array_equal(a, b, equal_nan=True), f"{what}: output {i} differs by {np.nanmax(np.abs(a - b))}"


def _spd(rng, n, dtype, batch=()):
    x = rng.standard_normal(batch + (n, n + 2)).astype(dtype)
    return x @ np.swapaxes(x, -1, -2) + np.eye(n, dtype=dtype)


SIZES = (2, 3, 5, 8, 17, 33)
DTYPES = (np.float32, np.float64)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
def test_solve_triangular_every_side_triangle_and_layout(dtype):
    torch = require("torch")
    import autograd_magic.torch as ours
    rng = np.random.default_rng(0)
    for n, k in ((1, 3), (3, 1), (4, 2), (7, 5), (17, 9)):
        for upper, left, unit in itertools.product((False, True), repeat=3):
            for a_layout, b_layout in itertools.product(("c", "mT", "slice"), ("c", "mT")):
                for a_batch, b_batch in (((), ()), ((2,), (2,)), ((), (3,)), ((2, 1), (3,))):
                    A = rng.standard_normal(a_batch + (n, n)).astype(dtype) + 3 * np.eye(n, dtype=dtype)
                    B = rng.standard_normal(b_batch + ((n, k) if left else (k, n))).astype(dtype)
                    want, got = (T.linalg.solve_triangular(_layout(T, A, a_layout), _layout(T, B, b_layout),
                                                           upper=upper, left=left, unitriangular=unit).numpy()
                                 for T in (torch, ours))
                    assert np.array_equal(want, got), (n, k, upper, left, unit, a_layout, b_layout, a_batch, b_batch)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
def test_cholesky_family_values_and_gradients(dtype):
    rng = np.random.default_rng(1)
    for n in SIZES:
        S = _spd(rng, n, dtype)
        A = rng.standard_normal((n, n)).astype(dtype) + 3 * np.eye(n, dtype=dtype)
        B = rng.standard_normal((n, 4)).astype(dtype)
        for upper in (False, True):
            _assert_same_bits(_both(lambda T, s: T.linalg.cholesky(s, upper=upper), S), f"cholesky {n} {upper}")
            _assert_same_bits(_both(lambda T, s, b: T.cholesky_solve(b, T.linalg.cholesky(s, upper=upper),
                                                                    upper=upper), S, B), f"cholesky_solve {n}")
            _assert_same_bits(_both(lambda T, s: T.cholesky_inverse(T.linalg.cholesky(s, upper=upper),
                                                                    upper=upper), S), f"cholesky_inverse {n}")
            _assert_same_bits(_both(lambda T, a, b: T.triangular_solve(b, a, upper=upper).solution, A, B),
                              f"triangular_solve {n} {upper}")
            _assert_same_bits(_both(lambda T, a, b: T.triangular_solve(b, a, upper=upper, transpose=True).solution,
                                    A, B), f"triangular_solve transpose {n} {upper}")
        _assert_same_bits(_both(lambda T, a, b: T.linalg.solve(a, b), A, B), f"solve {n}")
        _assert_same_bits(_both(lambda T, a, b: T.linalg.solve(a, b[:, 0]), A, B), f"solve vector {n}")
        _assert_same_bits(_both(
            lambda T, a: T.distributions.MultivariateNormal(T.zeros(n, dtype=a.dtype), a @ a.mT + T.eye(
                n, dtype=a.dtype)).log_prob(T.ones(n, dtype=a.dtype)), A), f"MultivariateNormal.log_prob {n}")


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
def test_cholesky_ex_of_nearly_singular_kernels_stops_where_pytorch_does(dtype):
    """An RBF kernel matrix (a Gaussian-process lesson's first try, before jitter): the leading minor that fails
    and the partial factor potrf leaves depend on MKL's blocking."""
    rng = np.random.default_rng(2)
    for n in (5, 12, 30, 45):
        xs = np.sort(rng.random(n)).astype(dtype)[:, None]
        K = np.exp(-0.5 * (xs - xs.T) ** 2 / 0.25).astype(dtype)
        for upper in (False, True):
            for batch in ((), (2,)):
                Kb = np.broadcast_to(K, batch + K.shape).copy()
                theirs, ours = _both(lambda T, k: T.linalg.cholesky_ex(k, upper=upper).info, Kb, grad=False)
                assert np.array_equal(theirs[0], ours[0]), (n, upper, batch, theirs[0], ours[0])
                theirs, ours = _both(lambda T, k: T.linalg.cholesky_ex(k, upper=upper).L, Kb, grad=False)
                assert np.array_equal(theirs[0], ours[0], equal_nan=True), (n, upper, batch)


@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: d.__name__)
def test_matrix_exp_with_scaling_and_squaring(dtype):
    rng = np.random.default_rng(3)
    for n in (2, 3, 5, 8, 12):
        for scale in (0.3, 1.0, 4.0, 12.0):
            for batch in ((), (3,)):
                A = (rng.standard_normal(batch + (n, n)) * scale).astype(dtype)
                _assert_same_bits(_both(lambda T, a: T.linalg.matrix_exp(a), A), f"matrix_exp {n} {scale} {batch}")
