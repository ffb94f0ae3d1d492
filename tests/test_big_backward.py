"""Backward over big tensors: no fresh multi-MB arrays in steady state (engine/bufpool.py), and never a write into
memory the user can still see (gradients, numpy views, hook arguments, saved results)."""
import tracemalloc

import numpy as np
import pytest

from autograd_magic import torch

N = 1_000_000


def _fresh_bytes(fn):
    """The most memory fn's call needs beyond what was allocated before it (numpy reports its data blocks to
    tracemalloc), after warm-up calls."""
    fn()
    fn()
    tracemalloc.start()
    try:
        fn()
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        fn()
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def test_steady_state_backward_reuses_engine_buffers():
    x = torch.from_numpy(np.random.default_rng(0).standard_normal(N, dtype=np.float32)).requires_grad_(True)

    def step():
        x.grad = None
        (x * x + 3 * x).sum().backward()

    # forward and backward work in buffers the engine already has (before: six fresh 4 MB arrays per pass)
    assert _fresh_bytes(step) < (1 << 20)
    xn = x.detach().numpy()
    np.testing.assert_allclose(x.grad.numpy(), 2 * xn + 3, rtol=1e-6, atol=1e-6)


def test_memory_the_user_holds_is_never_reused():
    rng = np.random.default_rng(1)
    x = torch.from_numpy(rng.standard_normal(N, dtype=np.float32)).requires_grad_(True)
    kept, views, hooked = [], [], []
    for i in range(4):
        x.grad = None
        y = x * x
        views.append((y.detach().numpy(), (x.detach().numpy() ** 2)))   # a numpy view of a result
        y.register_hook(lambda g: hooked.append((g, g.numpy().copy())))
        z = y * (i + 1.0) + x
        z.retain_grad()
        z.sum().backward()
        kept.append((x.grad, x.grad.numpy().copy(), z.grad, z.grad.numpy().copy()))
        del y, z
    for grad, snapshot, zgrad, zsnap in kept:
        np.testing.assert_array_equal(grad.numpy(), snapshot)
        np.testing.assert_array_equal(zgrad.numpy(), zsnap)
    for view, want in views:
        np.testing.assert_array_equal(view, want)
    for g, snapshot in hooked:
        np.testing.assert_array_equal(g.numpy(), snapshot)


def test_gradients_of_big_tensors_match_pytorch():
    real = pytest.importorskip("torch")
    a = np.random.default_rng(2).standard_normal(N, dtype=np.float32)
    grads = []
    for m in (real, torch):
        x = m.tensor(a, requires_grad=True)
        for _ in range(2):  # the second pass accumulates into x.grad
            (x * x + 3 * x - x / 2.0).sum().backward()
        g1 = x.grad.numpy().copy()
        (gx,) = m.autograd.grad((x * x * 0.5).sum(), x)
        grads.append((g1, gx.numpy().copy()))
    for ours, theirs in zip(grads[1], grads[0]):
        np.testing.assert_array_equal(ours, theirs)
