"""float32 softmax / log_softmax over a dim that is not the last, forward and backward, bit for bit against
PyTorch (engine/softmax_dims.py): which positions get SLEEF's exp and which the C library's depends on how
ATen's kernels cut the inner positions into vectors, and for softmax on how it splits them between threads."""
import numpy as np
import pytest

from helpers import require

SHAPES = [((32, 10), 0), ((10, 32), 0), ((4, 5, 6, 7), 1), ((8, 40), 0), ((3, 17, 33), 1), ((5, 64), 0),
          ((100, 3), 0), ((2, 3, 20, 20), 1), ((7, 9, 13), 0), ((4, 5, 6, 7), 2), ((3, 5, 7), -2)]


@pytest.fixture
def both():
    torch = require("torch")
    from autograd_magic import torch as ours
    before = torch.get_num_threads(), ours.get_num_threads()
    yield torch, ours
    torch.set_num_threads(before[0])
    ours.set_num_threads(before[1])


@pytest.mark.parametrize("threads", [None, 1, 3])
def test_softmax_over_other_dims_matches_pytorch(both, threads):
    torch, ours = both
    if threads is not None:
        torch.set_num_threads(threads)
        ours.set_num_threads(threads)
    assert ours.get_num_threads() == torch.get_num_threads()
    rng = np.random.default_rng(11)
    bad = []
    for shape, dim in SHAPES:
        x = (rng.standard_normal(shape) * 3).astype(np.float32)
        g = rng.standard_normal(shape).astype(np.float32)
        got = []
        for lib in (torch, ours):
            row = []
            for fn in (lib.softmax, lib.log_softmax):
                t = lib.tensor(x, requires_grad=True)
                y = fn(t, dim)
                y.backward(lib.from_numpy(g))
                row += [y.detach().numpy().copy(), t.grad.numpy().copy()]
            got.append(row)
        for k, (want, have) in enumerate(zip(*got)):
            if not np.array_equal(want, have):
                bad.append((shape, dim, ["softmax", "softmax grad", "log_softmax", "log_softmax grad"][k],
                            int((want != have).sum())))
    assert not bad, bad


def test_set_num_threads_checks_its_argument_as_pytorch(both):
    torch, ours = both
    for value in (0, -2, 1.5, True):
        errors = []
        for lib in (torch, ours):
            try:
                lib.set_num_threads(value)
                errors.append(None)
            except Exception as e:  # noqa: BLE001 - compared below
                errors.append((type(e).__name__, str(e)))
        assert errors[0] == errors[1], (value, errors)
