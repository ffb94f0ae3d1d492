"""From the sixth probe of tutorials (/work/notes/probe_report6.md): normalizing-flow transforms (ComposeTransform),
einsum's sublist form and output-subscript errors, loss scaling for mixed precision on the CPU (torch.amp.GradScaler),
init helpers, and losses and distributions of metric-learning and probabilistic lessons. Each case is a notebook cell
run on PyTorch and on the engine (helpers.assert_same_as_pytorch: output, error type and message, warnings)."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "compose_transform": [   # RealNVP / flows lesson: chained bijections, their inverse and log|det J|
        '''from torch import distributions as D
comp = D.ComposeTransform([D.AffineTransform(0.0, 3.0), D.SigmoidTransform()])
u = torch.tensor([-1.0, 0.0, 2.0])
print(comp(u), comp.inv(comp(u)), comp.log_abs_det_jacobian(u, comp(u)))
print(comp, comp.domain, comp.codomain, comp.bijective, comp.sign, comp.inv.inv is comp)
print(comp.inv.log_abs_det_jacobian(comp(u), u))
ev = D.ComposeTransform([D.AffineTransform(torch.zeros(2), torch.tensor([2.0, 3.0]), event_dim=1), D.ExpTransform()])
v = torch.ones(3, 2)
print(ev.domain, ev.codomain, ev.log_abs_det_jacobian(v, ev(v)))
tf = D.TransformedDistribution(D.Normal(torch.zeros(2), torch.ones(2)), [comp])
print(tf.log_prob(torch.tensor([0.3, 0.9])))
c = D.ComposeTransform([D.ExpTransform(), D.AffineTransform(1.0, 2.0)], cache_size=1)
w = torch.tensor([0.5])
y = c(w)
print(c.inv(y), c == D.ComposeTransform([D.ExpTransform(), D.AffineTransform(1.0, 2.0)]))''',
    ],
    "einsum_sublist_and_output_errors": [   # einsum(op, [0, 1, 2], [0, 2]); "ij->k" mistakes
        '''torch.manual_seed(0)
A = torch.randn(3, 3)
B = torch.randn(2, 3, 4, requires_grad=True)
r = torch.einsum(B, [0, 1, 2], [0, 2])
print(r, r.grad_fn)
print(torch.einsum(A, [0, 1], A, [1, 2]), torch.einsum(A, [0, 0]), torch.einsum(B, [..., 1], [...]).shape)
print(torch.einsum(A, [25, 26], A, [26, 51]).shape)
for eq, ops in [("ij->k", (A,)), ("ij->ii", (A,)), ("ij,jk->ikk", (A, A)), ("ij->jij", (A,))]:
    try:
        torch.einsum(eq, *ops)
    except Exception as e:
        print(type(e).__name__, e)
try:
    torch.einsum(A, [0, 60])
except Exception as e:
    print(type(e).__name__, e)''',
    ],
    "grad_scaler_cpu": [   # AMP recipe on the CPU: scale, unscale_ before clipping, skipped steps, update
        '''import warnings
nn = torch.nn
torch.manual_seed(0)
model = nn.Linear(4, 2)
x = torch.randn(3, 4)
scaler = torch.amp.GradScaler("cpu", growth_interval=2)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
print(scaler.get_scale(), scaler.is_enabled(), type(scaler))
for i in range(4):
    opt.zero_grad()
    loss = model(x).pow(2).mean() * (float("inf") if i == 1 else 1)
    s = scaler.scale(loss)
    print(s)
    s.backward()
    scaler.unscale_(opt)
    print(model.bias.grad, torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0))
    try:
        scaler.unscale_(opt)
    except RuntimeError as e:
        print(e)
    print(scaler.step(opt))
    try:
        scaler.step(opt)
    except RuntimeError as e:
        print(e)
    scaler.update()
    print(scaler.get_scale(), scaler.state_dict(), model.bias)
print(scaler.scale([loss, (loss * 2,)]))
sc = torch.amp.GradScaler()
print(sc.is_enabled(), sc.get_scale(), sc.scale(loss) is loss, sc.state_dict())
try:
    torch.amp.GradScaler("cpu").step(opt)
except AssertionError as e:
    print(e)
s2 = torch.amp.GradScaler("cpu", init_scale=8.0)
s2.load_state_dict(scaler.state_dict())
print(s2.get_scale())
s2.scale(loss)
s2.update(4.0)
print(s2.get_scale())''',
    ],
    "gumbel_weibull": [   # extreme-value / survival lessons: PyTorch's draws, log_prob, moments, cdf, KL, errors
        'from torch import distributions as D\ntorch.manual_seed(0)\nfor d in [D.Gumbel(0.0, 1.0), D.Weibull(1.5, 2.0), D.Gumbel(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0])),\n          D.Weibull(torch.tensor([1.0, 2.0]), 0.5)]:\n    s = d.sample((3,))\n    print(d, s, d.log_prob(s), d.mean, d.variance, d.mode, d.entropy(), d.batch_shape, d.support)\n    print(d.cdf(s), d.expand((4, 2)).sample().shape)\nloc = torch.tensor(0.5, requires_grad=True)\nr = D.Gumbel(loc, 2.0).rsample((4,))\nr.sum().backward(); print(r, loc.grad)\nprint(D.kl_divergence(D.Gumbel(0.0, 1.0), D.Gumbel(1.0, 2.0)))\nfor make in [lambda: D.Weibull(1.0, 0.0), lambda: D.Gumbel(0.0, -1.0), lambda: D.Weibull(1.0, 1.0).log_prob(torch.tensor(-1.0))]:\n    try:\n        print(make())\n    except Exception as e:\n        print(type(e).__name__, e)\n',
    ],
    "half_cauchy_and_identity_transform": [   # Bayesian priors (HalfCauchy scale prior); identity_transform
        'from torch import distributions as D\ntorch.manual_seed(0)\nfor d in [D.HalfCauchy(1.0), D.HalfCauchy(torch.tensor([1.0, 2.0]))]:\n    s = d.sample((3,))\n    print(d, s, d.log_prob(s), d.mean, d.mode, d.variance, d.entropy(), d.cdf(s), d.icdf(torch.tensor(0.3)), d.support)\n    print(d.log_prob(-1.0) if d.batch_shape == () else d.log_prob(torch.tensor([-1.0, 0.5])), d.expand((2, 2)).batch_shape)\nsc = torch.tensor(1.5, requires_grad=True)\nr = D.HalfCauchy(sc).rsample((3,)); r.sum().backward(); print(r, sc.grad)\nprint(D.transforms.identity_transform, D.transforms.identity_transform(torch.ones(2)))\n',
    ],
    "init_calculate_correct_fan": [
        '''print(torch.nn.init._calculate_correct_fan(torch.empty(8, 4, 3, 3), "fan_out"),
      torch.nn.init._calculate_correct_fan(torch.empty(8, 4), "fan_in"))
try:
    torch.nn.init._calculate_correct_fan(torch.empty(8, 4), "fan_avg")
except ValueError as e:
    print(e)''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_cells_match_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="api_breadth", name=name, warns="per_cell")
