"""Float sums in PyTorch's order (engine/reduce.py), bit for bit against real PyTorch on one thread."""
import numpy as np
import pytest

from autograd_magic.engine.reduce import full_sum, torch_sum
from helpers import require

RNG = np.random.default_rng(7)
SIZES = list(range(1, 70)) + [127, 128, 129, 255, 256, 257, 1000, 1023, 4096, 5000, 32768]
SHAPES = [((3, 5), (1,)), ((5, 3), (0,)), ((64, 10), (1,)), ((64, 10), (0,)), ((64, 256), (0,)), ((7, 33), (1,)),
          ((33, 7), (0,)), ((300, 9), (0,)), ((9, 300), (1,)), ((2, 3, 4), (1,)), ((5, 9, 17), (1, 2)),
          ((5, 9, 17), (0, 1)), ((16, 40), (0,))]


def _values(shape, dtype):
    return (RNG.standard_normal(shape) * RNG.choice([1.0, 1e3, 1e6])).astype(dtype)


@pytest.fixture(scope="module")
def torch1():
    torch = require("torch")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield torch
    torch.set_num_threads(threads)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_whole_tensor_sums_match_pytorch(torch1, dtype):
    bad = []
    for n in SIZES:
        for _ in range(4):
            a = _values(n, dtype)
            want = torch1.from_numpy(a).sum().numpy()
            got = np.asarray(full_sum(a))
            if got.dtype != want.dtype or not np.array_equal(got, want):
                bad.append((n, got, want))
    assert not bad, bad[:5]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dim_sums_match_pytorch(torch1, dtype):
    bad = []
    for shape, dims in SHAPES:
        for _ in range(4):
            a = _values(shape, dtype)
            want = torch1.from_numpy(a).sum(dim=dims).numpy()
            got = torch_sum(a, dims)
            if got is None or not np.array_equal(np.asarray(got), want):
                bad.append((shape, dims))
    assert not bad, bad[:5]


def test_the_order_is_not_numpys():
    """The lesson case that motivated this: five float32 values whose numpy sum differs from PyTorch's."""
    v = np.array([25215.3046875, 36060.80078125, 34788.02734375, 41345.58984375, 20928.255859375], np.float32)
    assert full_sum(v) == np.float32(158337.984375) != np.add.reduce(v)


def test_size_one_dims_and_scalar_gradients_match_pytorch(torch1):
    """A (2000, 1) sum over dim 0 is a whole-tensor sum for PyTorch; the gradient of a scalar weight or of a
    one-output layer's bias (broadcast over a batch) is summed in that order too."""
    from autograd_magic import torch as ours
    bad = []
    for shape, dims in (((2000, 1), (0,)), ((37, 1, 5), (0,)), ((1, 300), (1,)), ((64, 1), (0,))):
        a = _values(shape, np.float32)
        want = torch1.from_numpy(a).sum(dims).numpy()
        got = torch_sum(a, dims)
        if got is None or not np.array_equal(got, want):
            bad.append((shape, dims))
    for n in (5, 200, 2000):
        x = _values((n, 1), np.float32)
        grads = []
        for lib in (torch1, ours):
            w = lib.tensor([0.5], requires_grad=True)
            b = lib.tensor([0.25], requires_grad=True)
            ((lib.tensor(x) * w + b) ** 2).sum().backward()
            grads.append((w.grad.numpy().copy(), b.grad.numpy().copy()))
        if not all(np.array_equal(g, h) for g, h in zip(*grads)):
            bad.append((n, grads))
    assert not bad, bad[:3]


def test_float32_pow_with_tensor_exponent_keeps_odd_symmetry(torch1):
    """(-x) ** 3 == -(x ** 3) for pow(Tensor, Tensor), as PyTorch's kernel gives."""
    from autograd_magic import torch as ours
    x = ours.linspace(-3.14159, 3.14159, 2000)
    xx = x.unsqueeze(-1).pow(ours.tensor([1, 2, 3]))._data
    want = torch1.linspace(-3.14159, 3.14159, 2000).unsqueeze(-1).pow(torch1.tensor([1, 2, 3])).numpy()
    assert np.array_equal(xx[:, 2], -xx[::-1, 2])
    assert (xx != want).mean() < 0.03  # computed in float64 and rounded once: 98% agree (numpy's float32: 80-89%)


def test_engine_dim_sums_means_and_bias_gradients_match_pytorch(torch1):
    """x.sum(dim), x.mean(dim, keepdim=True) and the gradient of a bias broadcast over a batch (nn.Linear's, summed
    over the batch in backward) add in PyTorch's order: numpy's order differed in about 9 of 10 such cases."""
    from autograd_magic import torch as ours
    bad = []
    for shape, dim in (((32, 27), 0), ((64, 10), 0), ((128, 64), 0), ((5, 7, 9), 1), ((17, 200), 0), ((40, 33), 1),
                       ((4, 300, 3), 1), ((64, 784), 0)):
        a = _values(shape, np.float32)
        for fn in (lambda t, lib: t.sum(dim), lambda t, lib: t.mean(dim, keepdim=True),
                   lambda t, lib: lib.sum(t, dim=(0,))):
            got, want = fn(ours.from_numpy(a), ours).numpy(), fn(torch1.from_numpy(a), torch1).numpy()
            if got.shape != want.shape or not np.array_equal(got, want):
                bad.append((shape, dim))
    for batch, outs in ((32, 27), (64, 10), (100, 3), (17, 200), (256, 16)):
        x, g = _values((batch, 5), np.float32), _values((batch, outs), np.float32)
        grads = []
        for lib in (torch1, ours):
            lib.manual_seed(0)
            layer = lib.nn.Linear(5, outs)
            layer(lib.from_numpy(x)).backward(lib.from_numpy(g))
            grads.append(layer.bias.grad.numpy().copy())
        if not np.array_equal(*grads):
            bad.append(("bias", batch, outs))
    assert not bad, bad[:5]


def test_float32_var_and_std_match_pytorch_bit_for_bit(torch1):
    """PyTorch's CPU var/std (Welford) accumulate float32 in double and round once; numpy's float32 var differed
    in ~60% of elements. var_mean / std_mean take their mean from the same double accumulators (not from mean())."""
    from autograd_magic import torch as ours
    bad, near = [], 0
    for shape, args in (((32, 64), (0,)), ((32, 64), (1,)), ((32, 64), ()), ((7, 5, 9), (1,)), ((100,), ())):
        for _ in range(3):
            a = (_values(shape, np.float32) + np.float32(3)).astype(np.float32)
            for name in ("var", "std"):
                for kw in ({}, {"unbiased": False}, {"keepdim": True} if args else {}):
                    got = getattr(ours.from_numpy(a), name)(*args, **kw).numpy()
                    want = getattr(torch1.from_numpy(a), name)(*args, **kw).numpy()
                    if not np.array_equal(got, want):
                        bad.append((name, shape, args, kw))
            for name in ("var_mean", "std_mean"):
                got = [t.numpy() for t in getattr(ours, name)(ours.from_numpy(a), *args)]
                want = [t.numpy() for t in getattr(torch1, name)(torch1.from_numpy(a), *args)]
                if not np.array_equal(got[0], want[0]):
                    bad.append((name, shape, args))
                near += int(np.sum(got[1] != want[1]))
                assert np.allclose(got[1], want[1], rtol=2e-7, atol=0)
    assert not bad, bad[:5]
    assert near <= 10   # Welford's running mean is not always the correctly rounded mean: rare last-bit cases


def test_cross_entropy_sums_its_targets_in_pytorchs_cascade(torch1):
    """nll_loss (and cross_entropy through it) adds the targets' log-probabilities into 8 cascaded partial sums,
    as ATen's kernel does: the loss a lesson prints with .item() (17 digits) is PyTorch's, for any batch size,
    with class weights, ignore_index and reduction='sum'."""
    from autograd_magic import torch as ours
    bad = []
    for n, c in ((1, 3), (16, 5), (17, 5), (32, 27), (33, 10), (64, 10), (257, 4), (1000, 7), (4097, 3)):
        x = (_values((n, c), np.float32) % np.float32(7)).astype(np.float32)
        y = RNG.integers(0, c, n)
        w = np.linspace(0.5, 2, c).astype(np.float32)
        for kw in ({}, {"reduction": "sum"}, {"weight": w}, {"ignore_index": 1}, {"weight": w, "ignore_index": 0}):
            got = []
            for lib in (torch1, ours):
                args = {k: lib.from_numpy(v) if isinstance(v, np.ndarray) else v for k, v in kw.items()}
                logits = lib.tensor(x, requires_grad=True)
                loss = lib.nn.functional.cross_entropy(logits, lib.from_numpy(y), **args)
                loss.backward()
                got.append((loss.item(), logits.grad.numpy().copy()))
            same_loss = np.array_equal(np.float32(got[0][0]), np.float32(got[1][0]), equal_nan=True)
            if not same_loss or not np.array_equal(got[0][1], got[1][1], equal_nan=True):
                bad.append((n, c, kw, got[0][0], got[1][0]))
    assert not bad, bad[:4]


def test_compiled_sums_give_the_numpy_replays_bits(monkeypatch):
    """_reduce.c (loaded through ckernels) and reduce.py's numpy replay: the same bits for rows, columns, middle
    dims and whole tensors, float32 and float64, across the sizes where the cascade changes level."""
    from autograd_magic.engine import ckernels, reduce
    from helpers import REQUIRE_ALL
    if ckernels.LIB is None:
        if REQUIRE_ALL:
            pytest.fail(f"the compiled kernels are not loaded: {ckernels.missing()}")
        pytest.skip(ckernels.missing())
    cases = []
    for dtype in (np.float32, np.float64):
        for n in (1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 255, 256, 257, 1000, 4097, 70000):
            for m in (1, 2, 5, 8, 9, 27, 32, 33, 70):
                if n * m <= 400000:
                    cases.append((_values((n, m), dtype), (0,)))
                    cases.append((_values((m, n), dtype), (1,)))
            cases.append((_values(n, dtype), None))
        cases += [(_values((3, 40, 7), dtype), (1,)), (_values((5, 9, 17), dtype), (0, 1)),
                  (_values((2, 300, 3, 4), dtype), (1,))]
    compiled = [np.asarray(torch_sum(a, dims)) for a, dims in cases]
    monkeypatch.setattr(ckernels, "LIB", None)
    replayed = [np.asarray(torch_sum(a, dims)) for a, dims in cases]
    bad = [(a.shape, a.dtype, dims) for (a, dims), c, r in zip(cases, compiled, replayed)
           if c.shape != r.shape or c.dtype != r.dtype or c.tobytes() != r.tobytes()]
    assert not bad, bad[:5]
    assert reduce.ckernels is ckernels


def test_a_bias_gradients_sum_gives_the_general_paths_bits(monkeypatch):
    """xp.sum_to sends a gradient summed over one leading dim (a bias's, over the batch) straight to the compiled
    column sums: the same bits as dim_sum's route and as reduce.py's numpy replay, float32 and float64."""
    from autograd_magic.engine import ckernels, xp
    from autograd_magic.engine.reduce import dim_sum
    if ckernels.LIB is None:
        pytest.skip(ckernels.missing())
    for dtype in (np.float32, np.float64):
        for shape in ((32, 200), (32, 27), (7, 8), (3, 5), (100, 33), (4097, 9), (6, 3, 20), (2, 40, 1)):
            g = _values(shape, dtype)
            got = xp.sum_to(g, shape[1:])
            want = np.asarray(dim_sum(g, (0,))).reshape(shape[1:])
            with monkeypatch.context() as m:
                m.setattr(ckernels, "LIB", None)
                replay = xp.sum_to(g, shape[1:])
            assert got.shape == want.shape == replay.shape == shape[1:] and got.dtype == want.dtype == dtype
            assert got.tobytes() == want.tobytes() == replay.tobytes(), (dtype, shape)


def test_a_one_element_parameters_gradient_sum_gives_the_general_paths_bits(monkeypatch):
    """xp.sum_to sends a gradient summed down to one element (a scalar weight's or bias's, broadcast over a
    batch: (100, 1) -> (1,), (n,) -> ()) straight to the compiled row sums: the same bits as dim_sum's route
    (size-1 dims dropped, one whole-tensor sum; numpy's for up to 2 values) and as reduce.py's numpy replay,
    float32 and float64, signed zeros and infinities included."""
    from autograd_magic.engine import ckernels, xp
    from autograd_magic.engine.reduce import dim_sum
    if ckernels.LIB is None:
        pytest.skip(ckernels.missing())
    for dtype in (np.float32, np.float64):
        for n in (1, 2, 3, 4, 7, 8, 9, 31, 100, 257, 4096, 32768, 32769):
            for shape, target in (((n, 1), (1,)), ((n,), ()), ((n, 1), (1, 1)), ((1, n), (1,)), ((2, n), (1,))):
                if shape == target:   # (1, 1) -> (1, 1): nothing to sum
                    continue
                g = _values(shape, dtype)
                if n <= 3:   # few values: signed zeros and infinities, where two orders could differ
                    g = np.array([-0.0, np.inf, -0.0, 1.0, -np.inf] * 2, dtype)[:g.size].reshape(shape)
                got = xp.sum_to(g, target)
                lead = g.ndim - len(target)
                axes = tuple(range(lead)) + tuple(i + lead for i, k in enumerate(target)
                                                  if k == 1 and shape[i + lead] != 1)
                want = np.asarray(dim_sum(g, axes)).reshape(target)
                with monkeypatch.context() as m:
                    m.setattr(ckernels, "LIB", None)
                    replay = xp.sum_to(g, target)
                assert got.shape == want.shape == replay.shape == target and got.dtype == want.dtype == dtype
                assert got.tobytes() == want.tobytes() == replay.tobytes(), (dtype, shape, target)


def test_float64_var_std_and_var_mean_match_pytorch_bit_for_bit(torch1):
    """float64 var/std as PyTorch's CPU kernels: the whole tensor by mean() then the squared deviations in order
    (std_var_all_cpu), a run of dims (and var_mean / std_mean also over the whole tensor) by Welford's running mean
    and m2 in index order; with and without the compiled kernels. numpy's two-pass order differed in 60-98%."""
    from autograd_magic import torch as ours
    rng = np.random.default_rng(5)
    bad = []
    for shape in ((40,), (7, 30), (30, 7), (3, 20, 5), (2, 3, 4, 5), (1000,)):
        x = rng.standard_normal(shape) * 3 + 1
        nd = len(shape)
        for args, kw in (((), {}), ((0,), {}), ((-1,), {}), ((0,), {"keepdim": True}), ((), {"unbiased": False}),
                         ((tuple(range(nd)),), {}), (((1,) if nd > 1 else (0,)), {"correction": 0})):
            for name in ("var", "std", "var_mean", "std_mean"):
                got = getattr(ours, name)(ours.from_numpy(x), *args, **kw)
                want = getattr(torch1, name)(torch1.from_numpy(x), *args, **kw)
                got, want = (got if isinstance(got, tuple) else (got,)), (want if isinstance(want, tuple) else (want,))
                for g, w in zip(got, want):
                    if tuple(g.shape) != tuple(w.shape) or not np.array_equal(g.numpy(), w.numpy()):
                        bad.append((name, shape, args, kw))
    assert not bad, bad[:5]


def test_float32_cumsum_and_cumprod_accumulate_in_double_as_pytorch(torch1):
    """ATen's running sums and products accumulate float32 in double and round each result once (numpy's float32
    running sum differed in ~70% of values); their backwards (reversed running sums) follow."""
    from autograd_magic import torch as ours
    rng = np.random.default_rng(1)
    bad = []
    for shape, dim in (((100, 8), 0), ((8, 100), 1), ((1000,), 0), ((5, 6, 7), 1), ((5, 6, 7), -1)):
        x = rng.standard_normal(shape).astype(np.float32)
        g = rng.standard_normal(shape).astype(np.float32)
        for name, values in (("cumsum", x), ("cumprod", (np.abs(x) * 0.3 + 0.8).astype(np.float32))):
            got = []
            for lib in (torch1, ours):
                t = lib.tensor(values, requires_grad=True)
                y = getattr(t, name)(dim)
                y.backward(lib.from_numpy(g))
                got.append((y.detach().numpy().copy(), t.grad.numpy().copy()))
            if not (np.array_equal(got[0][0], got[1][0]) and np.array_equal(got[0][1], got[1][1])):
                bad.append((name, shape, dim))
    assert not bad, bad
