"""Probe 128: float16 arithmetic bit for bit on CPU. PyTorch's kernels compute these float16 ops in float32 (their
"opmath" type) and round once, where numpy's float16 forwards round at every step: sigmoid, silu, softplus,
logsigmoid, gelu (which also returned float32), rsqrt, leaky_relu / elu with a float slope, lerp with a float
weight, addcmul / addcdiv with value=, a sum or mean over a dim, cumsum (whose float16 running total drifted), norm,
var / std (engine/half.py). add / sub with alpha= convert alpha to float16 (PyTorch's overflow RuntimeError for
alpha=1e6 or 65519) and compute a + alpha * b in float32 over whole vectors, in float16 steps in the tail
(functions._scaled, half.scaled_add); a float exponent that does not fit float16 is pow's overflow error."""
import pytest

from helpers import assert_same_as_pytorch

_SETUP = '''import numpy as np
g = np.random.default_rng(0)
def rand16(n=2000, scale=4.0, seed=0):
    x = (np.random.default_rng(seed).standard_normal(n) * scale).astype(np.float16)
    x[:8] = np.array([0, 1, -1, 65504, 6e-8, 0.1, 3.3, 1e-4], np.float16)
    return torch.tensor(x)
def bits(t):
    return int(t.view(torch.int16).sum()), int((t != t).sum())
'''

CELLS = {
    "half_unary_in_float32": [_SETUP, '''F = torch.nn.functional
x = rand16(scale=3.0)
for name, f in [("sigmoid", torch.sigmoid), ("silu", F.silu), ("softplus", F.softplus), ("logsigmoid", F.logsigmoid),
                ("gelu_tanh", lambda t: F.gelu(t, approximate="tanh")),
                ("leaky", lambda t: F.leaky_relu(t, 0.1)), ("elu", F.elu), ("elu3.3", lambda t: F.elu(t, 3.3))]:
    y = f(x)
    print(name, y.dtype, bits(y), y[:6])
print(F.gelu(x).dtype)   # (its erf rounds by the processor's vector width: its bits are left out)
'''],
    "half_numbers_in_float32": [_SETUP, '''a, b, c = rand16(seed=0), rand16(seed=1), rand16(seed=2)
for s in (0.1, 3.3, 1 / 3, 1e-4, 1e6, -2.7, 0.5):
    print(s, bits(torch.lerp(a, b, s)), bits(torch.addcmul(a, b, c, value=s)), bits(torch.addcdiv(a, b, c, value=s)))
for s in (0.1, 3.3, 1 / 3, 1e-4, -2.7, 0.5, 7):
    print(s, bits(a.add(b, alpha=s)), bits(a.sub(b, alpha=s)), bits(a.add(2.5, alpha=s)), bits(a.sub(0.1, alpha=s)))
    print(bits(a[:45].add(b[:45], alpha=s)), bits(a.view(40, 50).add(b.view(40, 50), alpha=s)))
for s in (1e6, 65519.0, -1e5):
    for f in (lambda: a.add(b, alpha=s), lambda: a.sub(0.5, alpha=s), lambda: a ** s):
        try:
            f()
        except Exception as e:
            print(type(e).__name__, e)
print(a ** 65504.0)
'''],
    "half_reductions_in_float32": [_SETUP, '''x = rand16(scale=2.0)
m = x.view(40, 50)
for name, y in [("sum", x.sum()), ("mean", x.mean()), ("sum0", m.sum(0)), ("sum1", m.sum(1)), ("mean0", m.mean(0)),
                ("mean1", m.mean(1)), ("cumsum", x[:500].cumsum(0)), ("cumsum1", m.cumsum(1)), ("var", m.var(1)),
                ("std", m.std(1)), ("norm_all", x.norm()), ("sum_f32", m.sum(0, dtype=torch.float32))]:
    print(name, y.dtype, bits(y) if y.dtype == torch.float16 else y[:3], y.flatten()[-3:])
'''],
    "half_gradients_in_float32": [_SETUP, '''F = torch.nn.functional
for name, f in [("silu", F.silu), ("softplus", F.softplus), ("elu", F.elu), ("sigmoid", torch.sigmoid),
                ("leaky", lambda t: F.leaky_relu(t, 0.1)), ("cumsum", lambda t: t[:300].cumsum(0)),
                ("mean1", lambda t: t.view(40, 50).mean(1)), ("lerp", lambda t: torch.lerp(t, t.detach().flip(0), 0.3))]:
    x = rand16(scale=1.0).requires_grad_()
    y = f(x)
    y.backward(torch.full_like(y, 0.37))
    print(name, y.dtype, bits(y.detach()), x.grad.dtype, bits(x.grad))
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_half_computed_as_pytorch(name):
    assert_same_as_pytorch(CELLS[name], corpus="snippets", name=name)
