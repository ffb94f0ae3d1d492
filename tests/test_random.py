"""autograd_magic.engine.random draws the very bits PyTorch draws on the CPU.

Differential tests against real torch (skipped without it, failing under
AUTOGRAD_MAGIC_REQUIRE_ALL=1), plus torch-free checks of the exact arithmetic the
module relies on (FMA emulation, the vectorised Fisher-Yates, the AVX2 kernels).
"""
import math
import os
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import require

from autograd_magic.engine import random as R
from autograd_magic.engine import random_ahead as A
from autograd_magic.engine import random_kernels as K

SEEDS = [0, 1, 42, 2 ** 32 + 5, 2 ** 64 - 1, 67280421310721]
FLOATS = [np.float32, np.float64]
SHAPES = [(), (0,), (1,), (2,), (3,), (7,), (15,), (16,), (17,), (31,), (32,), (33,), (47,),
          (3, 5), (4, 4), (2, 3, 5), (4, 0, 3), (5, 7, 1), (1000,), (1601,)]
HYP = settings(max_examples=100, deadline=None, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture])




@pytest.fixture(scope="module")
def torch():
    return require("torch")


def tdt(torch, dtype):
    return {np.dtype(np.float32): torch.float32, np.dtype(np.float64): torch.float64,
            np.dtype(np.int64): torch.int64, np.dtype(np.int32): torch.int32,
            np.dtype(np.int16): torch.int16, np.dtype(np.uint8): torch.uint8,
            np.dtype(np.bool_): torch.bool}[np.dtype(dtype)]


def same(ours, theirs, what=""):
    """Shape, dtype and every bit equal."""
    theirs = theirs.detach().numpy() if hasattr(theirs, "detach") else np.asarray(theirs)
    ours = np.asarray(ours)
    assert ours.shape == theirs.shape, (what, ours.shape, theirs.shape)
    assert ours.dtype == theirs.dtype, (what, ours.dtype, theirs.dtype)
    if ours.tobytes() != theirs.tobytes():
        bad = np.flatnonzero(ours.reshape(-1).view(np.uint8 if ours.dtype == bool else ours.dtype)
                             != theirs.reshape(-1).view(np.uint8 if ours.dtype == bool else ours.dtype))
        raise AssertionError(f"{what}: {bad.size} differ, first at {bad[:5]}: "
                             f"{ours.reshape(-1)[bad[:3]]} vs {theirs.reshape(-1)[bad[:3]]}")


def pair(torch, seed):
    return R.Generator().manual_seed(seed), torch.Generator().manual_seed(seed)


# ---------------------------------------------------------------- seeds and state bytes

@pytest.mark.parametrize("seed", SEEDS + [-1, -2 ** 63, 2 ** 63])
def test_seeded_state_bytes_and_initial_seed(torch, seed):
    g, tg = pair(torch, seed)
    same(g.get_state(), tg.get_state(), "state")
    assert g.initial_seed() == tg.initial_seed()


def test_new_generator_matches_torch_default_seed(torch):
    same(R.Generator().get_state(), torch.Generator().get_state(), "fresh generator")
    assert R.Generator().initial_seed() == torch.Generator().initial_seed() == 67280421310721


@pytest.mark.parametrize("bad", [1.5, "3", True, 2 ** 64, -2 ** 63 - 1])
def test_bad_seeds_raise_like_torch(torch, bad):
    with pytest.raises(Exception) as theirs:
        torch.Generator().manual_seed(bad)
    with pytest.raises(theirs.type) as ours:
        R.Generator().manual_seed(bad)
    assert str(ours.value) == str(theirs.value)


def test_seed_reseeds_nondeterministically():
    g = R.Generator()
    s = g.seed()
    assert g.initial_seed() == s and 0 <= s < 2 ** 64
    same(g.rand((5,)), R.Generator(s).rand((5,)))


# ---------------------------------------------------------------- uniform and normal

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("shape", SHAPES)
def test_rand_and_randn(torch, seed, dtype, shape):
    g, tg = pair(torch, seed)
    same(g.rand(shape, dtype), torch.rand(shape, dtype=tdt(torch, dtype), generator=tg), "rand")
    same(g.randn(shape, dtype), torch.randn(shape, dtype=tdt(torch, dtype), generator=tg), "randn")
    same(g.randn(shape, dtype), torch.randn(shape, dtype=tdt(torch, dtype), generator=tg), "randn again")
    same(g.get_state(), tg.get_state(), "state after")


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("low,high", [(-0.37, 1.9), (2.5, 1000.0), (-1e-3, 3e5), (0.0, 0.0), (-0.0, 0.0),
                                      (-1 / math.sqrt(7), 1 / math.sqrt(7)), (5.0, 5.0), (-3.0, -1.0)])
@pytest.mark.parametrize("shape", [(1,), (17,), (3, 300)])
def test_uniform_bounds(torch, dtype, low, high, shape):
    g, tg = pair(torch, 7)
    theirs = torch.empty(shape, dtype=tdt(torch, dtype)).uniform_(low, high, generator=tg)
    same(g.uniform(shape, dtype, low, high), theirs, "uniform_")


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("mean,std", [(0.0, 1.0), (0.3, 2.7), (-5.0, 0.0), (1e3, 1e-3), (0.0, 3.0), (2.0, 1.0)])
@pytest.mark.parametrize("shape", [(1,), (5,), (15,), (16,), (17,), (2, 50), (999,)])
def test_normal_mean_std(torch, dtype, mean, std, shape):
    g, tg = pair(torch, 11)
    theirs = torch.empty(shape, dtype=tdt(torch, dtype)).normal_(mean, std, generator=tg)
    same(g.normal(shape, dtype, mean, std), theirs, "normal_")
    same(g.normal(shape, dtype, mean, std), torch.normal(mean, std, shape, generator=tg,
                                                         dtype=tdt(torch, dtype)), "torch.normal")


@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("mshape,sshape", [((3,), None), ((20,), None), (None, (4, 5)), ((17,), (17,)),
                                           ((2, 1), (1, 40)), ((), (3,))])
def test_normal_with_arrays(torch, dtype, mshape, sshape):
    rng = np.random.default_rng(3)
    mean = 0.5 if mshape is None else (rng.standard_normal(mshape) * 3).astype(dtype)
    std = 2.0 if sshape is None else rng.random(sshape).astype(dtype) * 2
    g, tg = pair(torch, 5)
    t = lambda v: torch.from_numpy(np.array(v)) if isinstance(v, np.ndarray) else v
    same(g.normal(None, None, mean, std), torch.normal(t(mean), t(std), generator=tg), "normal(arrays)")
    same(g.get_state(), tg.get_state())


def test_small_randn_uses_and_leaves_the_cached_normal(torch):
    g, tg = pair(torch, 3)
    for n in [3, 1, 1, 2, 5, 20, 1, 4, 16, 1, 7]:       # odd sizes leave a cached sin sample
        same(g.randn((n,), np.float64), torch.randn(n, dtype=torch.float64, generator=tg), f"randn({n})")
        same(g.get_state(), tg.get_state(), f"state after randn({n})")
        same(g.randn((n,)), torch.randn(n, generator=tg), f"float32 randn({n})")


def test_exponential(torch):
    g, tg = pair(torch, 9)
    for dtype in FLOATS:
        for lam, shape in [(1.0, (10,)), (2.5, (300,)), (0.3, (4, 4))]:
            theirs = torch.empty(shape, dtype=tdt(torch, dtype)).exponential_(lam, generator=tg)
            same(g.exponential(shape, dtype, lam), theirs, f"exponential_({lam})")


def test_libm_fallback_gives_the_same_bits(torch, monkeypatch):
    """Where numpy's float64 log/sin/cos are its own (AVX-512 builds), math's glibc calls are used."""
    monkeypatch.setattr(K, "_LIBM_OK", False)
    g, tg = pair(torch, 4)
    same(g.randn((3,), np.float64), torch.randn(3, dtype=torch.float64, generator=tg), "small randn")
    same(g.randn((37,), np.float64), torch.randn(37, dtype=torch.float64, generator=tg), "big randn")
    same(g.exponential((9,), np.float64), torch.empty(9, dtype=torch.float64).exponential_(generator=tg))


# ---------------------------------------------------------------- integers, permutations, discrete

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("low,high,dtype", [
    (0, 10, np.int64), (-3, 2 ** 40, np.int64), (0, 2 ** 32, np.int64), (0, 2 ** 32 - 1, np.int64),
    (-2 ** 63, 2 ** 63 - 1, np.int64), (5, 6, np.int32), (-100, 100, np.int16), (0, 256, np.uint8),
    (0, 100, np.float32), (0, 2 ** 33, np.float64), (0, 2, np.bool_), (-2 ** 31, 2 ** 31 - 1, np.int32)])
@pytest.mark.parametrize("shape", [(), (0,), (7,), (3, 4)])
def test_randint(torch, seed, low, high, dtype, shape):
    g, tg = pair(torch, seed)
    same(g.randint(low, high, shape, dtype),
         torch.randint(low, high, shape, dtype=tdt(torch, dtype), generator=tg), "randint")
    same(g.get_state(), tg.get_state())


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n", [0, 1, 2, 3, 5, 16, 100, 1000, 10007])
def test_randperm(torch, seed, n):
    g, tg = pair(torch, seed)
    same(g.randperm(n), torch.randperm(n, generator=tg), "randperm")
    same(g.randperm(n, np.float32), torch.randperm(n, generator=tg, dtype=torch.float32), "randperm f32")
    same(g.get_state(), tg.get_state())


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("shape", [(), (1,), (37,), (3, 20)])
def test_bernoulli(torch, seed, dtype, shape):
    g, tg = pair(torch, seed)
    p = np.random.default_rng(seed % 2 ** 32).random(shape).astype(dtype)
    if p.size:
        p.reshape(-1)[0] = 0.0
        p.reshape(-1)[-1] = 1.0 if p.size > 1 else p.reshape(-1)[-1]
    same(g.bernoulli(p), torch.bernoulli(torch.from_numpy(p), generator=tg), "bernoulli(p)")
    for q in (0.0, 0.3, 1.0):
        theirs = torch.empty(shape, dtype=tdt(torch, dtype)).bernoulli_(q, generator=tg)
        same(g.bernoulli(q, dtype, shape), theirs, f"bernoulli_({q})")
    theirs = torch.empty((2,) + shape, dtype=tdt(torch, dtype)).bernoulli_(torch.from_numpy(p), generator=tg)
    same(g.bernoulli(p, dtype, (2,) + shape), theirs, "bernoulli_(p tensor), broadcast")
    same(g.get_state(), tg.get_state())


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("replacement,k", [(False, 1), (False, 3), (False, 4), (True, 1), (True, 2), (True, 9)])
def test_multinomial(torch, seed, dtype, replacement, k):
    g, tg = pair(torch, seed)
    rng = np.random.default_rng(seed % 2 ** 32)
    for probs in [np.array([0.1, 0.3, 0.0, 0.6, 0.25], dtype), rng.random((3, 6)).astype(dtype),
                  np.array([[0.0, 5.0, 1.0, 2.0, 0.5]], dtype)]:
        theirs = torch.multinomial(torch.from_numpy(probs), k, replacement, generator=tg)
        same(g.multinomial(probs, k, replacement), theirs, f"multinomial {probs.shape}")
    same(g.get_state(), tg.get_state())


# ---------------------------------------------------------------- nn.Linear's default init

@pytest.mark.parametrize("seed", [0, 1, 42, 12345])
@pytest.mark.parametrize("fan_in,fan_out", [(1, 1), (3, 4), (10, 7), (17, 33), (784, 128), (5, 1)])
def test_linear_init(torch, seed, fan_in, fan_out):
    torch.manual_seed(seed)
    lin = torch.nn.Linear(fan_in, fan_out)
    g = R.Generator().manual_seed(seed)
    w = g.uniform((fan_out, fan_in), np.float32, -R.kaiming_uniform_bound(fan_in, math.sqrt(5)),
                  R.kaiming_uniform_bound(fan_in, math.sqrt(5)))
    b = g.uniform((fan_out,), np.float32, -1 / math.sqrt(fan_in), 1 / math.sqrt(fan_in))
    same(w, lin.weight, "weight")
    same(b, lin.bias, "bias")
    same(g.get_state(), torch.get_rng_state(), "state after Linear")


def test_kaiming_bound_is_torchs_float():
    for fan_in in [1, 3, 7, 100, 784]:
        assert R.kaiming_uniform_bound(fan_in, math.sqrt(5)) == \
            math.sqrt(3.0) * (math.sqrt(2.0 / (1 + math.sqrt(5) ** 2)) / math.sqrt(fan_in))


# ---------------------------------------------------------------- interleavings, default generator

def _linear(g, fan_in, fan_out):
    """nn.Linear's reset_parameters: kaiming_uniform_(a=sqrt(5)) weight, then the bias."""
    w = R.kaiming_uniform_bound(fan_in, math.sqrt(5))
    b = 1 / math.sqrt(fan_in)
    return g.uniform((fan_out, fan_in), np.float32, -w, w), g.uniform((fan_out,), np.float32, -b, b)


def _interleaved_steps(torch, g):
    """(ours, torch's) pairs of calls that mix paths: caches, Linear inits, integers, big and small."""
    return [
        (lambda: g.rand((5,)), lambda: torch.rand(5)),
        (lambda: g.randn((3,)), lambda: torch.randn(3)),                # leaves a cached normal
        (lambda: _linear(g, 3, 4), lambda: tuple(torch.nn.Linear(3, 4).parameters())),
        (lambda: g.randint(0, 10, (6,)), lambda: torch.randint(0, 10, (6,))),
        (lambda: g.randn((1,)), lambda: torch.randn(1)),                # uses the cached normal
        (lambda: g.randn((20,)), lambda: torch.randn(20)),
        (lambda: g.randn((5,), np.float64), lambda: torch.randn(5, dtype=torch.float64)),
        (lambda: _linear(g, 17, 2), lambda: tuple(torch.nn.Linear(17, 2).parameters())),
        (lambda: g.normal((33,), np.float32, 1.0, 0.5), lambda: torch.empty(33).normal_(1.0, 0.5)),
        (lambda: g.bernoulli(0.5, np.float32, (9,)), lambda: torch.empty(9).bernoulli_(0.5)),
        (lambda: g.randperm(12), lambda: torch.randperm(12)),
        (lambda: g.multinomial(np.ones(8, np.float32), 3), lambda: torch.multinomial(torch.ones(8), 3)),
        (lambda: g.rand((700,), np.float64), lambda: torch.rand(700, dtype=torch.float64)),
        (lambda: g.randn((2,)), lambda: torch.randn(2)),
    ]


def test_interleaved_calls_on_the_default_generators(torch):
    for seed in [0, 42, 2 ** 32 + 5]:
        torch.manual_seed(seed)
        assert R.manual_seed(seed) is R.default_generator
        g = R.default_generator
        for k, (ours, theirs) in enumerate(_interleaved_steps(torch, g)):
            t, o = theirs(), ours()
            for x, y in zip(o if isinstance(o, tuple) else (o,), t if isinstance(t, tuple) else (t,)):
                same(x, y, f"seed {seed} step {k}")
            same(g.get_state(), torch.get_rng_state(), f"seed {seed} state after step {k}")
        torch.manual_seed(seed)              # manual_seed forgets the cached normal on both sides
        R.manual_seed(seed)
        same(g.randn((1,)), torch.randn(1), "randn(1) after reseed")


def test_generator_objects_are_independent(torch):
    a, ta = pair(torch, 1)
    b, tb = pair(torch, 2)
    for _ in range(3):
        same(a.randn((5,)), torch.randn(5, generator=ta))
        same(b.rand((40,)), torch.rand(40, generator=tb))


# ---------------------------------------------------------------- get_state / set_state round trips

def _states(torch, seed):
    """(label, draw) sequences that end in interesting engine positions and caches."""
    yield "fresh", lambda g: None, lambda tg: None
    yield "623 words", lambda g: g.rand((623,)), lambda tg: torch.rand(623, generator=tg)
    yield "624 words", lambda g: g.rand((624,)), lambda tg: torch.rand(624, generator=tg)
    yield "625 words", lambda g: g.rand((625,)), lambda tg: torch.rand(625, generator=tg)
    yield "cached normal", lambda g: g.randn((3,)), lambda tg: torch.randn(3, generator=tg)
    yield "many", lambda g: g.randn((3001,)), lambda tg: torch.randn(3001, generator=tg)


@pytest.mark.parametrize("seed", [0, 2 ** 32 + 5, 2 ** 64 - 1])
def test_state_round_trips(torch, seed):
    for label, ours, theirs in _states(torch, seed):
        g, tg = pair(torch, seed)
        ours(g), theirs(tg)
        state = tg.get_state()
        same(g.get_state(), state, f"{label}: bytes")
        h = R.Generator(99)                  # torch's bytes into ours: continues identically
        h.set_state(state.numpy())
        same(h.get_state(), state, f"{label}: bytes survive set_state")
        th = torch.Generator().manual_seed(99)  # our bytes into torch: continues identically
        th.set_state(torch.from_numpy(g.get_state()))
        for draw in [lambda x, t: (x.randn((1,), np.float64), torch.randn(1, dtype=torch.float64, generator=t)),
                     lambda x, t: (x.rand((700,)), torch.rand(700, generator=t)),
                     lambda x, t: (x.randn((17,)), torch.randn(17, generator=t))]:
            o1, t1 = draw(h, tg)
            o2, t2 = draw(g, th)
            same(o1, t1, f"{label}: ours from torch's bytes")
            same(o2, t2, f"{label}: torch from our bytes")
        assert h.initial_seed() == tg.initial_seed()


def test_set_state_errors_match_torch(torch):
    for bad in [np.zeros(10, np.uint8), np.zeros(5056, np.float32), np.zeros(5056, np.uint8)]:
        with pytest.raises(Exception) as theirs:
            torch.Generator().set_state(torch.from_numpy(bad))
        with pytest.raises(theirs.type) as ours:
            R.Generator().set_state(bad)
        assert str(ours.value) == str(theirs.value)


# ---------------------------------------------------------------- error messages

@pytest.mark.parametrize("ours,theirs", [
    (lambda g: g.uniform((3,), np.float32, 2, 1), lambda t: t.empty(3).uniform_(2, 1)),
    (lambda g: g.normal((3,), np.float32, 0, -1), lambda t: t.empty(3).normal_(0, -1)),
    (lambda g: g.normal((3,), np.float32, 0, float("nan")), lambda t: t.empty(3).normal_(0, float("nan"))),
    (lambda g: g.normal(None, None, np.zeros(3, np.float32), np.array([1, -1, 1], np.float32)),
     lambda t: t.normal(t.zeros(3), t.tensor([1., -1., 1.]))),
    (lambda g: g.randint(5, 5, (3,)), lambda t: t.randint(5, 5, (3,))),
    (lambda g: g.randperm(-1), lambda t: t.randperm(-1)),
    (lambda g: g.exponential((3,), np.float32, -1), lambda t: t.empty(3).exponential_(-1)),
    (lambda g: g.bernoulli(1.5, np.float32, (3,)), lambda t: t.empty(3).bernoulli_(1.5)),
    (lambda g: g.bernoulli(np.array([1.5], np.float32)), lambda t: t.bernoulli(t.tensor([1.5]))),
    (lambda g: g.multinomial(np.ones(3, np.float32), 0), lambda t: t.multinomial(t.ones(3), 0)),
    (lambda g: g.multinomial(np.ones(3, np.float32), 4), lambda t: t.multinomial(t.ones(3), 4)),
    (lambda g: g.multinomial(np.ones((2, 2, 2), np.float32), 1), lambda t: t.multinomial(t.ones(2, 2, 2), 1)),
    (lambda g: g.multinomial(np.array([1, -1], np.float32), 1), lambda t: t.multinomial(t.tensor([1., -1.]), 1)),
    (lambda g: g.multinomial(np.zeros(2, np.float32), 1), lambda t: t.multinomial(t.zeros(2), 1)),
    (lambda g: g.multinomial(np.zeros(2, np.float32), 2, True), lambda t: t.multinomial(t.zeros(2), 2, True)),
    (lambda g: g.multinomial(np.array([1, -1], np.float32), 2, True),
     lambda t: t.multinomial(t.tensor([1., -1.]), 2, True)),
])
def test_errors_speak_torch(torch, ours, theirs):
    with pytest.raises(Exception) as t_exc:
        theirs(torch)
    with pytest.raises(t_exc.type) as o_exc:
        ours(R.Generator())
    assert str(o_exc.value) == str(t_exc.value).splitlines()[0]


# ---------------------------------------------------------------- hypothesis: random seeds and shapes

seeds = st.integers(min_value=0, max_value=2 ** 64 - 1)
shapes = st.lists(st.integers(min_value=0, max_value=40), min_size=0, max_size=3).map(tuple)


@HYP
@given(seed=seeds, shape=shapes, dtype=st.sampled_from(FLOATS), ops=st.lists(
    st.sampled_from(["rand", "randn", "normal", "uniform", "randint", "bernoulli", "randperm"]),
    min_size=1, max_size=6))
def test_hypothesis_sequences(torch, seed, shape, dtype, ops):
    g, tg = pair(torch, seed)
    T = tdt(torch, dtype)
    for op in ops:
        if op == "rand":
            same(g.rand(shape, dtype), torch.rand(shape, dtype=T, generator=tg), op)
        elif op == "randn":
            same(g.randn(shape, dtype), torch.randn(shape, dtype=T, generator=tg), op)
        elif op == "normal":
            same(g.normal(shape, dtype, -1.5, 0.25), torch.empty(shape, dtype=T).normal_(-1.5, 0.25, generator=tg), op)
        elif op == "uniform":
            same(g.uniform(shape, dtype, -2, 3.5), torch.empty(shape, dtype=T).uniform_(-2, 3.5, generator=tg), op)
        elif op == "randint":
            same(g.randint(-7, 2 ** 35, shape), torch.randint(-7, 2 ** 35, shape, generator=tg), op)
        elif op == "bernoulli":
            same(g.bernoulli(0.25, dtype, shape), torch.empty(shape, dtype=T).bernoulli_(0.25, generator=tg), op)
        else:
            n = math.prod(shape) % 300
            same(g.randperm(n), torch.randperm(n, generator=tg), op)
    same(g.get_state(), tg.get_state(), "state")


@HYP
@given(seed=seeds, n=st.integers(min_value=16, max_value=5000), dtype=st.sampled_from(FLOATS),
       mean=st.floats(-100, 100), std=st.floats(0, 100))
def test_hypothesis_big_normal(torch, seed, n, dtype, mean, std):
    g, tg = pair(torch, seed)
    T = tdt(torch, dtype)
    same(g.normal((n,), dtype, mean, std), torch.empty(n, dtype=T).normal_(mean, std, generator=tg), "normal_")
    same(g.uniform((n,), dtype, -std, std), torch.empty(n, dtype=T).uniform_(-std, std, generator=tg), "uniform_")


# ---------------------------------------------------------------- torch-free: exact arithmetic

def _exact(a, b, c):
    return Fraction(float(a)) * Fraction(float(b)) + Fraction(float(c))


def _rn32(fr):
    """The float32 nearest to a Fraction, ties to even."""
    f = np.float32(float(fr))
    near = [np.nextafter(f, np.float32(-np.inf)), f, np.nextafter(f, np.float32(np.inf))]
    return min(near, key=lambda v: (abs(Fraction(float(v)) - fr), int(np.array(v).view(np.int32)) & 1))


def _midpoint_cases(scale, bits, n):
    """Operands whose exact product lies on a rounding midpoint: c alone decides the rounding."""
    rng = np.random.default_rng(bits)
    k = rng.integers(1, 2 ** 8, n) * 2 + 1
    m = rng.integers(1, 2 ** 8, n) * 2 + 1
    a = 1 + k * 2.0 ** -(bits // 2)
    b = 1 + m * 2.0 ** -(bits - bits // 2)
    c = np.resize(np.array([scale, -scale, 0.0]), n)
    return a, b, c


def test_fma32_is_correctly_rounded():
    rng = np.random.default_rng(0)
    a = (rng.standard_normal(3000) * 2.0 ** rng.integers(-20, 20, 3000)).astype(np.float32)
    b = rng.standard_normal(3000).astype(np.float32)
    c = (rng.standard_normal(3000) * 2.0 ** rng.integers(-40, 20, 3000)).astype(np.float32)
    ha, hb, hc = _midpoint_cases(2.0 ** -70, 24, 300)   # float64 alone would round these twice
    sa, sb = (rng.standard_normal((2, 300)) * 1e-20).astype(np.float32)   # results in float32's subnormals
    sc = (rng.standard_normal(300) * 1e-40).astype(np.float32)
    a, b, c = (np.concatenate([x, h.astype(np.float32), t, -t]) for x, h, t in ((a, ha, sa), (b, hb, sb), (c, hc, sc)))
    r = K._fma32(a, b, c)
    bad = [i for i in range(len(a)) if r[i] != _rn32(_exact(a[i], b[i], c[i]))]
    assert not bad, bad[:10]


def test_fma64_is_correctly_rounded():
    rng = np.random.default_rng(1)
    a = rng.standard_normal(4000) * 2.0 ** rng.integers(-30, 30, 4000)
    b = rng.standard_normal(4000)
    c = rng.standard_normal(4000) * 2.0 ** rng.integers(-60, 30, 4000)
    ha, hb, hc = _midpoint_cases(2.0 ** -150, 53, 300)
    a, b, c = (np.concatenate(v) for v in ((a, ha), (b, hb), (c, hc)))
    r = K._fma64(a, b, c)
    bad = [i for i in range(len(a)) if r[i] != float(_exact(a[i], b[i], c[i]))]
    assert not bad, bad[:10]


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(st.integers(min_value=0, max_value=10 ** 6), min_size=1, max_size=60))
def test_vectorised_swaps_equal_the_loop(raw):
    n = len(raw) + 1
    j = np.array([i + r % (n - i) for i, r in enumerate(raw)], np.int64)
    perm = list(range(n))
    for i, k in enumerate(j):
        perm[i], perm[k] = perm[k], perm[i]
    assert K._apply_swaps(j, n).tolist() == perm


# The AVX2 kernels compute every fused multiply-add as float64 product + sum + one float32
# rounding, without K._fma32's tie check. Over all 2**24 possible inputs of each function
# this equals the straightforward transliteration below (tie-checked FMAs where GCC fuses),
# which is what the randn tests compare with torch. AUTOGRAD_MAGIC_EXHAUSTIVE=1 checks all
# inputs (about 20 s); by default a stride covers 1 in 13.

def _ref_log256(x):
    f, fma = np.float32, K._fma32
    bits = x.view(np.int32)
    e = ((bits >> 23) - 0x7F).astype(f) + f(1)
    x = ((bits & ~0x7F800000) | 0x3F000000).view(f)
    mask = x < f(0.707106781186547524)
    tmp = np.where(mask, x, f(0))
    x = x - f(1)
    e = e - np.where(mask, f(1), f(0))
    x = x + tmp
    z = x * x
    y = np.full_like(x, K._LOG[0])
    for c in K._LOG[1:]:
        y = fma(y, x, c)                   # y = y*x + p_k, fused
    y = y * x
    y = fma(y, z, e * K._Q1)               # y*z + e*q1: the first product is fused
    y = y - z * f(0.5)
    x = x + y
    return x + e * K._Q2


def _ref_sincos(x):
    f, fma = np.float32, K._fma32
    j = (x * K._FOPI).astype(np.int32)
    j = (j + 1) & ~1
    y = j.astype(f)
    x = fma(y, K._DP1, x)
    x = fma(y, K._DP2, x)
    x = fma(y, K._DP3, x)
    z = x * x
    yc = fma(fma(np.full_like(z, K._COS[0]), z, K._COS[1]), z, K._COS[2]) * z
    yc = fma(yc, z, -(z * f(0.5))) + f(1)
    ys = fma(fma(np.full_like(z, K._SIN[0]), z, K._SIN[1]), z, K._SIN[2]) * z
    ys = fma(ys, x, x)
    poly = (j & 2) == 0
    s = np.where(poly, ys, yc).view(np.int32) ^ ((j & 4) << 29)
    c = np.where(poly, yc, ys).view(np.int32) ^ ((~(j - 2) & 4) << 29)
    return s.view(f), c.view(f)


def test_avx2_kernels_over_their_input_domain():
    step = 1 if os.environ.get("AUTOGRAD_MAGIC_EXHAUSTIVE") == "1" else 13
    for start in range(0, 1 << 24, 1 << 20):
        k = np.arange(start, start + (1 << 20), step)
        u = k.astype(np.float32) * np.float32(2.0 ** -24)   # every uniform torch can draw
        u1 = np.float32(1) - u
        ref = np.sqrt(np.float32(-2) * _ref_log256(u1))
        assert np.array_equal(K._radius(u1.copy()).view(np.int32), ref.view(np.int32))
        theta = K._TWO_PI * u
        for ours, theirs in zip(K._sincos(theta), _ref_sincos(theta)):
            assert np.array_equal(ours.view(np.int32), theirs.view(np.int32))


def test_normal_keeps_the_sign_of_zero_when_std_is_zero(torch):
    """normal_(mean=-0.0, std=0.0) is fma(z, 0, -0.0): -0.0 where z < 0, +0.0 elsewhere, as PyTorch gives
    (found by test_hypothesis_big_normal)."""
    for dtype in FLOATS:
        g, tg = pair(torch, 0)
        T = tdt(torch, dtype)
        same(g.normal((16,), dtype, -0.0, 0.0), torch.empty(16, dtype=T).normal_(-0.0, 0.0, generator=tg), "normal_")
        g, tg = pair(torch, 3)
        same(g.normal((5000,), dtype, -0.0, 0.0), torch.empty(5000, dtype=T).normal_(-0.0, 0.0, generator=tg),
             "normal_")


# ---------------------------------------------------------------- small float32 normals drawn ahead

def test_repeated_small_normals_match_torch_through_refills(torch):
    """Small float32 normal draws after the first come from words drawn ahead (engine.random._Ahead):
    a long mixed sequence crosses many refills and buffer ends, with torch's bytes checked at each step
    and states handed across both ways mid-stream."""
    rng = np.random.default_rng(5)
    g, tg = pair(torch, 2 ** 32 + 5)
    sizes = [16, 17, 31, 32, 100, 116, 500, 1000, 2032, 2033, 2048]   # 2033 and up: the direct kernel
    for step in range(400):
        k = rng.integers(10)
        if k < 6:
            n = int(rng.choice(sizes))
            mean, std = [(0.0, 1.0), (0.0, 1.0), (1.5, 1.0), (-2.0, 0.5)][rng.integers(4)]
            same(g.normal((n,), np.float32, mean, std),
                 torch.empty(n).normal_(mean, std, generator=tg), f"step {step}: normal({n}, {mean}, {std})")
        elif k == 6:
            n = int(rng.integers(1, 40))
            same(g.rand((n,), np.float64), torch.rand(n, dtype=torch.float64, generator=tg), f"step {step}: rand")
        elif k == 7:
            n = int(rng.integers(1, 16))
            same(g.randn((n,)), torch.randn(n, generator=tg), f"step {step}: randn({n})")
        elif k == 8:
            same(g.randint(0, 27, (32,)), torch.randint(0, 27, (32,), generator=tg), f"step {step}: randint")
        else:
            same(g.get_state(), tg.get_state(), f"step {step}: state")
            if step % 3 == 0:                    # continue from the other side's bytes
                g.set_state(tg.get_state().numpy())
            elif step % 3 == 1:
                tg.set_state(torch.from_numpy(g.get_state()))
    same(g.get_state(), tg.get_state(), "state at the end")


class _Words:
    """A stand-in twister that hands out chosen words (the snapshot reads an unrelated real one)."""
    ctypes = np.random.MT19937(0).ctypes

    def __init__(self, words):
        self.words, self.at = np.asarray(words, np.uint64), 0

    def random_raw(self, n):
        self.at += n
        return self.words[self.at - n:self.at].copy()


@pytest.mark.parametrize("whole", [True, False])
@pytest.mark.parametrize("n", [16, 20, 48, 100])
def test_drawn_ahead_normals_equal_the_kernel_on_zero_words(n, whole):
    """Words whose low 24 bits are 0 make a radius of 0 (and sin 0): the kernel's + mean turns the -0.0
    of 0 * negative cos into +0.0; the gathered product must do the same, with the words ahead made for
    draws of one size (whole) or transformed both ways (as after a draw that broke the pattern)."""
    rng = np.random.default_rng(n)
    words = rng.integers(0, 2 ** 32, 8192, dtype=np.uint64)
    words[rng.choice(8192, 600, replace=False)] &= np.uint64(0xFF000000)   # radius 0, angle 0
    m = n + (16 if n % 16 else 0)
    for mean, std in [(0.0, 1.0), (0.25, 1.0), (0.0, 2.0)]:
        ahead, pos = A._Ahead(), 0
        ahead.size = 4096
        if whole:                                # as if a draw of n had just been served
            ahead.log = [n]
        src = _Words(words)
        while pos + m <= 4096:
            g = R.Generator(0)                   # the direct kernel on the same words
            g._mt = _Words(words[pos:pos + m])
            want = g.normal((n,), np.float32, mean, std)
            got = ahead.normal(src, n, m, mean, std)
            assert (ahead.outs is not None) == whole
            same(got, want, f"n={n} mean={mean} std={std} at word {pos}")
            pos += m


@pytest.mark.parametrize("n", [16, 100, 1000, 2048])
def test_a_loop_of_one_size_matches_torch(torch, n):
    """A loop's randn(n) draws: the words ahead hold whole draws (one transform per word, values made at
    once); a rand(3) in between breaks the pattern: the next draws come from words transformed both ways,
    then whole draws again once those run out."""
    g, tg = pair(torch, 7)
    steps = max(40, 30000 // n)
    modes = []                                   # per draw: made from whole draws (True) or not
    for step in range(3 * steps):
        if step == steps:
            same(g.rand((3,)), torch.rand(3, generator=tg), "rand in between")
        same(g.randn((n,)), torch.randn(n, generator=tg), f"step {step}: randn({n})")
        modes.append(g._ahead.outs is not None or g._ahead.words is None and g._ahead.log[-2:] == [n, n])
        if step % 17 == 5 and step != steps - 1:   # get_state drops the words ahead: not just before the rand
            same(g.get_state(), tg.get_state(), f"state at step {step}")
    assert modes[steps - 1] and not modes[steps] and modes[-1], (modes[steps - 1], modes[steps], modes[-1])
    same(g.get_state(), tg.get_state(), "state at the end")


_CYCLES = {
    "randn(32, 10), randn(32, 1)": [lambda g: g.randn((32, 10)), lambda t, tg: t.randn(32, 10, generator=tg),
                                    lambda g: g.randn((32, 1)), lambda t, tg: t.randn(32, 1, generator=tg)],
    "randn(100), rand(5)": [lambda g: g.randn((100,)), lambda t, tg: t.randn(100, generator=tg),
                            lambda g: g.rand((5,)), lambda t, tg: t.rand(5, generator=tg)],
    "randn(48), randint, bernoulli": [
        lambda g: g.randn((48,)), lambda t, tg: t.randn(48, generator=tg),
        lambda g: g.randint(0, 27, (32,)), lambda t, tg: t.randint(0, 27, (32,), generator=tg),
        lambda g: g.bernoulli(0.8, np.float32, (20,)), lambda t, tg: t.empty(20).bernoulli_(0.8, generator=tg)],
    "randn(17), randn(3), randn(40)": [  # randn(3) takes 8 words, then 4 (the cached normal): a cycle of 6
        lambda g: g.randn((17,)), lambda t, tg: t.randn(17, generator=tg),
        lambda g: g.randn((3,)), lambda t, tg: t.randn(3, generator=tg),
        lambda g: g.randn((40,)), lambda t, tg: t.randn(40, generator=tg)],
}


@pytest.mark.parametrize("name", list(_CYCLES))
def test_a_loop_of_mixed_draws_matches_torch(torch, name):
    """A loop of several draws: the words ahead are laid out as the logged cycle continued (values of its
    normal draws made at fill); torch's bytes at every draw, its state bytes now and then."""
    calls = _CYCLES[name]
    g, tg = pair(torch, 11)
    planned = 0
    for step in range(300):
        for k in range(0, len(calls), 2):
            same(calls[k](g), calls[k + 1](torch, tg), f"{name}: step {step}, draw {k // 2}")
            planned += g._ahead.outs is not None
        if step % 41 == 7:
            same(g.get_state(), tg.get_state(), f"{name}: state at step {step}")
    assert planned > 200, planned
    same(g.get_state(), tg.get_state(), f"{name}: state at the end")
