"""What the thirty-ninth probe (differentiable physics and scientific computing: a cannon aimed through Euler and RK4,
mass-spring and pendulum fits, Newton's method and finite differences, Monte Carlo with generators and Sobol'
points, heat-equation stencils) found, each checked against PyTorch: iterating a tensor gives unbind's views
(UnbindBackward0; in place refused when they need grad, written through when not, also for 1-d tensors);
torch.quasirandom.SobolEngine, point for point (direction numbers for all 21201 dimensions, Owen scrambling from
the same random bits, draw / draw_base2 / fast_forward / reset, out=, its errors); Generator.manual_seed's type
checks; torch.Generator(device=...) of a device a CPU build has no generator for; torch.rand / randn / normal into
an integer dtype (ATen's dispatch errors); generator= of a wrong type (the parser's TypeErrors, functions and
methods); torch.gradient with a 0-d tensor spacing (a Number) and its parser errors; and an attribute PyTorch's
Tensor or torch module lacks too (a typo) raising PyTorch's own AttributeError."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

CELLS = {
    "iterating_a_tensor_gives_unbind_views": [
        ATTEMPT + '''x = torch.arange(6.0).view(3, 2).requires_grad_()
y = x * 2
rows = list(y)
print(rows[0], rows[0]._is_view(), rows[0]._base is y, type(iter(y)).__name__)
attempt(lambda: rows[0].add_(1))
attempt(lambda: rows[1].__setitem__(0, 5.0))
a, b, c = y
(a + b * c).sum().backward()
print(c, x.grad, sum(x))
print([t for t in torch.tensor([1.5, 2.5], requires_grad=True)])''',
        '''z = torch.arange(4.0)
for r in z:
    r.add_(1)
w = torch.arange(6).view(3, 2)
for r in w:
    r.mul_(2)
print(z, w, [r._is_view() for r in torch.arange(3.0)], list(torch.zeros(0, 3)))
with torch.no_grad():
    q = list(torch.ones(2, requires_grad=True) * 3)
print(q, q[0].grad_fn)
attempt(lambda: iter(torch.tensor(3.0)))''',
    ],
    "sobol_engine_points": [
        '''from torch.quasirandom import SobolEngine
e = SobolEngine(dimension=3)
print(e, e.draw(4), e.num_generated)
print(e.draw(3, dtype=torch.float64), e.quasi, e.sobolstate[:, :4])
e.reset()
print(e.fast_forward(5).draw(2), e.num_generated)
print(SobolEngine(5).draw_base2(3)[-1], SobolEngine(2).draw(1, dtype=torch.float16), SobolEngine.MAXDIM)''',
        '''s = SobolEngine(4, scramble=True, seed=7)
print(s, s.shift, s.draw(3), s.draw(2, dtype=torch.float64))
s.fast_forward(100)
print(s.draw(2), s.sobolstate[1, :5])
print(SobolEngine(3, scramble=True, seed=1).draw(1, dtype=torch.float64))
torch.manual_seed(3)
print(SobolEngine(2, scramble=True).draw(2), torch.rand(2))
big = SobolEngine(1111, scramble=True, seed=0).draw(64)
print(big.sum(dim=0)[-4:], SobolEngine(20000).draw(300)[-1, -5:])''',
        ATTEMPT + '''out = torch.empty(5)
print(SobolEngine(2).draw(3, out=out), out.shape)
attempt(lambda: SobolEngine(2).draw(2, out=torch.zeros(2, 2, requires_grad=True)))
for dim in (0, 21202, 2.5):
    attempt(lambda: SobolEngine(dim))
e = SobolEngine(2)
e.draw(3)
attempt(lambda: e.draw_base2(2))
for dt in (torch.int64, torch.float16, torch.bfloat16, torch.complex64):
    attempt(lambda: SobolEngine(2).draw(3, dtype=dt))
attempt(lambda: SobolEngine(2).draw(-1))
attempt(lambda: SobolEngine(2).draw(2.0))
attempt(lambda: SobolEngine(2, scramble=True, seed=1.5))
g = SobolEngine(2)
print(g.draw(0), g.num_generated, g.draw(2), SobolEngine(2).fast_forward(-3).draw(2))''',
    ],
    "generator_manual_seed_checks_its_argument": [
        ATTEMPT + '''import numpy as np
g = torch.Generator()
for s in (1.5, True, np.int64(3), np.float64(2.0), torch.tensor(4), "5", None, [1], -1, 2 ** 64 - 1, 2 ** 64):
    attempt(lambda: g.manual_seed(s).initial_seed())
attempt(lambda: g.manual_seed())
attempt(lambda: g.manual_seed(1, 2))
attempt(lambda: g.manual_seed(seed=3))
print(torch.manual_seed(np.int64(3)).initial_seed(), torch.manual_seed(True).initial_seed())''',
    ],
    "generator_of_a_device_a_cpu_build_lacks": [
        ATTEMPT + '''for d in ("cuda", "cuda:1", "meta", "mps", "xpu", "hpu", "xla", "mtia", "ipu", "lazy", "xyz", "", 0, -1, 1.5,
          torch.device("cuda")):
    attempt(lambda: torch.Generator(d))
attempt(lambda: torch.Generator(device="cuda"))
attempt(lambda: torch.Generator(device=2.5))
attempt(lambda: torch.Generator("cpu", "cpu"))
attempt(lambda: torch.Generator(dev="cpu"))
print(torch.Generator("cpu:0").device, torch.Generator(torch.device("cpu")).device, torch.Generator(None).device)''',
    ],
    "random_draws_into_integer_dtypes": [
        ATTEMPT + '''g = torch.Generator().manual_seed(0)
for dt in (torch.int64, torch.uint8, torch.bool, torch.int16):
    attempt(lambda: torch.rand(3, dtype=dt))
    attempt(lambda: torch.randn(2, 2, dtype=dt, generator=g))
    attempt(lambda: torch.rand_like(torch.zeros(3, dtype=dt)))
    attempt(lambda: torch.randn_like(torch.zeros(3, dtype=dt)))
    attempt(lambda: torch.normal(0.0, 1.0, (3,), dtype=dt))
    attempt(lambda: torch.rand(0, dtype=dt))
    attempt(lambda: torch.randn(0, dtype=dt))
    attempt(lambda: torch.rand(3, dtype=dt, requires_grad=True))
attempt(lambda: torch.randn(3, out=torch.zeros(3, dtype=torch.long)))
print(torch.rand(2, generator=g))''',
    ],
    "generator_of_the_wrong_type": [
        ATTEMPT + '''x = torch.empty(3)
for bad in (42, "cpu"):
    attempt(lambda: torch.randn(3, generator=bad))
    attempt(lambda: torch.rand(size=(3,), generator=bad))
    attempt(lambda: torch.randint(0, 5, (3,), generator=bad))
    attempt(lambda: torch.randperm(5, generator=bad))
    attempt(lambda: torch.normal(0.0, 1.0, (3,), generator=bad))
    attempt(lambda: torch.multinomial(torch.ones(3), 2, generator=bad))
    attempt(lambda: torch.bernoulli(x, generator=bad))
    attempt(lambda: torch.poisson(torch.ones(3), generator=bad))
    attempt(lambda: torch.rand_like(x, generator=bad))
    attempt(lambda: torch.randint_like(x, 5, generator=bad))
    attempt(lambda: x.uniform_(generator=bad))
    attempt(lambda: x.normal_(generator=bad))
    attempt(lambda: x.exponential_(generator=bad))
    attempt(lambda: x.cauchy_(generator=bad))
    attempt(lambda: x.random_(generator=bad))
    attempt(lambda: x.random_(5, generator=bad))
    attempt(lambda: x.random_(0, 5, generator=bad))
    attempt(lambda: x.bernoulli_(0.5, generator=bad))
    attempt(lambda: x.bernoulli(generator=bad))
g = torch.Generator().manual_seed(1)
torch.manual_seed(0)
print(torch.rand(2, generator=None), torch.randn(2, generator=g), x.uniform_(generator=g).clone(), x.normal_(generator=None))''',
    ],
    "gradient_with_a_tensor_spacing": [
        ATTEMPT + '''t = torch.linspace(0, 3, 7, dtype=torch.float64)
y = t ** 3
h = t[1] - t[0]
print(torch.gradient(y, spacing=h), torch.gradient(y, spacing=h, edge_order=2), torch.gradient(y, spacing=torch.tensor(1)))
attempt(lambda: torch.gradient(y, spacing=[h]))
attempt(lambda: torch.gradient(y, spacing=torch.tensor([0.5])))
attempt(lambda: torch.gradient(y, spacing=t, dim=0))
attempt(lambda: torch.gradient(y, spacing=torch.tensor([0.5]), edge_order=2))
attempt(lambda: torch.gradient(y, spacing=h.clone().requires_grad_()))
attempt(lambda: torch.gradient(y.view(7, 1).expand(7, 2).contiguous(), spacing=[t, 2.0]))
print(torch.gradient(y.view(7, 1).expand(7, 2).contiguous(), spacing=h, dim=0)[0][-1], torch.gradient(y, spacing=(t,)))''',
    ],
    "attributes_pytorch_lacks_too": [
        ATTEMPT + '''x = torch.ones(2)
for name in ("len", "items", "fast_forward", "shape_", "_foo", "size"):
    attempt(lambda: getattr(x, name) and None)
for name in ("arrange", "tensr", "Array", "concat"):
    attempt(lambda: getattr(torch, name) and None)
print(hasattr(x, "len"), hasattr(torch, "arrange"))''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe39_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="learner_errors", name=name, warns="per_cell")


def test_sobol_direction_numbers_are_pytorchs_for_every_dimension():
    """The table behind SobolEngine (engine/sobol_directions.py, decoded by engine/sobol.py) is the one PyTorch
    initializes its state from, for all 21201 dimensions."""
    import numpy as np
    torch = pytest.importorskip("torch")
    from autograd_magic.engine import sobol
    want = torch.zeros(sobol.MAXDIM, sobol.MAXBIT, dtype=torch.long)
    torch._sobol_engine_initialize_state_(want, sobol.MAXDIM)
    assert np.array_equal(sobol._directions(), want.numpy())
