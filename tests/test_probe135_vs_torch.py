"""What the hundred-and-thirty-fifth probe (fused multiply-adds and the order of float operations in ATen's CPU
kernels, searched by brute force: float32 and float64, sizes 1..70, under the machine's capability, avx2 and
default) found, each checked bit for bit against PyTorch:

- addcmul / addcmul_ and lerp / lerp_ (number and tensor weights, both branches of |w| < 0.5) are one fused
  multiply-add in float64 as in float32 with the avx2 / avx512 capabilities (the engine fused float32 only) and two
  roundings with default (the engine fused float32 there too); torch.optim's in-place kernels likewise
  (vec_kernels.fmadd, optim/_kernels._fma);
- tanh's backward, g * (1 - y * y), is rounded twice with the default capability (the engine fused it always);
- hardsigmoid's backward multiplies a float64 gradient by the float literal 1.0f / 6.0f;
- huber_loss's backward: the vector body gives (norm * (x or +-delta)) * grad, the scalar remainder multiplies by
  delta as a double (a float32 model's gradient differed in the last bit for sizes with a remainder).

Left as they were (see the probe's report): addmv / addmm / addbmm / addr with beta / alpha, celu and gelu(tanh)
backward in float64, float64 elu / selu / celu / softplus / gelu forward (SLEEF's double-precision expm1 / exp),
torch.randn of 16 or more float32 values with the default capability (its normal_fill)."""

import pytest

from helpers import ATTEMPT, assert_same_as_pytorch, mismatch_count_under_capability, require


_SCRIPT = r"""
import numpy as np, torch as T
from autograd_magic import torch as E
F = {T: T.nn.functional, E: E.nn.functional}
forward = {
    "addcmul": lambda m, a, b, d: m.addcmul(a, b, d, value=0.37),
    "addcmul_1": lambda m, a, b, d: m.addcmul(a, b, d),
    "addcmul_": lambda m, a, b, d: a.clone().addcmul_(b, d, value=-0.1),
    "addcdiv_": lambda m, a, b, d: a.clone().addcdiv_(b, d.abs() + 0.5, value=-1e-3),
    "lerp": lambda m, a, b, d: m.lerp(a, b, 0.3),
    "lerp_big": lambda m, a, b, d: m.lerp(a, b, 0.9),
    "lerp_": lambda m, a, b, d: a.clone().lerp_(b, 0.1),
    "lerp_tensor": lambda m, a, b, d: m.lerp(a, b, d.sigmoid()),
}
backward = {
    "tanh": lambda m, x, y: (x.tanh() * y).sum(),
    "hardsigmoid": lambda m, x, y: (F[m].hardsigmoid(x * 4) * y).sum(),
    "huber": lambda m, x, y: F[m].huber_loss(x, y, delta=0.7),
    "huber_none": lambda m, x, y: (F[m].huber_loss(x, y, delta=0.7, reduction="none") * y).sum(),
    "huber_2d": lambda m, x, y: F[m].huber_loss(m.stack([x, y]), m.stack([y, x]).detach(), delta=0.4) * 3,
}
bad = []
for dt in ("float32", "float64"):
    for n in range(1, 71):
        rng = np.random.default_rng(n)
        a, b, d = (rng.standard_normal(n).astype(dt) for _ in range(3))
        for name, f in forward.items():
            t = f(T, T.tensor(a), T.tensor(b), T.tensor(d)).numpy()
            e = f(E, E.tensor(a), E.tensor(b), E.tensor(d)).numpy()
            if t.dtype != e.dtype or not np.array_equal(t, e):
                bad.append((name, dt, n))
        for name, f in backward.items():
            grads = []
            for m in (T, E):
                x = m.tensor(a, requires_grad=True)
                f(m, x, m.tensor(b)).backward()
                grads.append(x.grad.numpy())
            if not np.array_equal(*grads):
                bad.append((name + " backward", dt, n))


def adam_by_hand(m, dt):
    w = m.tensor(np.random.default_rng(0).standard_normal(37).astype(dt), requires_grad=True)
    ref = w.detach().clone().requires_grad_()
    opt = m.optim.Adam([ref], lr=1e-2)
    s, v = m.zeros_like(w), m.zeros_like(w)
    b1, b2, lr, eps = 0.9, 0.999, 1e-2, 1e-8
    for step in range(1, 6):
        for p in (w, ref):
            p.grad = None
            ((p - 0.5) ** 2 * m.arange(37.0, dtype=p.dtype)).sum().backward()
        opt.step()
        with m.no_grad():
            s.mul_(b1).add_(w.grad, alpha=1 - b1)
            v.mul_(b2).addcmul_(w.grad, w.grad, value=1 - b2)
            denom = (v.sqrt() / (1 - b2 ** step) ** 0.5).add_(eps)
            w.addcdiv_(s, denom, value=-lr / (1 - b1 ** step))
    return w.detach().numpy(), ref.detach().numpy(), s.numpy(), v.numpy()


for dt in ("float32", "float64"):
    for t, e in zip(adam_by_hand(T, dt), adam_by_hand(E, dt)):
        if not np.array_equal(t, e):
            bad.append(("adam by hand", dt))
print(T.backends.cpu.get_cpu_capability(), len(bad), bad[:8])
"""


@pytest.mark.parametrize("capability", [None, "avx2", "default"])
def test_fused_kernels_round_as_pytorchs_under_each_capability(capability):
    require("torch")
    count, printed = mismatch_count_under_capability(_SCRIPT, capability)
    assert count == 0, printed


CELLS = {
    "float64_optimizer_arithmetic_printed": [
        ATTEMPT + '''torch.set_printoptions(precision=17)
torch.manual_seed(3)
p, g, v = torch.randn(3, 5, dtype=torch.float64).unbind(0)
print(p.addcmul(g, g, value=0.001))
print(p.lerp(g, 0.1), p.lerp(g, 0.75))
print(v.clone().addcmul_(g, g, value=1 - 0.999))
x = torch.randn(6, dtype=torch.float64, requires_grad=True)
torch.nn.functional.hardsigmoid(x * 3).backward(torch.linspace(-1, 1, 6, dtype=torch.float64))
print(x.grad)
''',
        ATTEMPT + '''torch.set_printoptions(precision=10)
torch.manual_seed(5)
pred = torch.randn(23, requires_grad=True)
loss = torch.nn.functional.huber_loss(pred, torch.randn(23), delta=0.5)
loss.backward()
print(loss.item(), pred.grad.view(-1).tolist()[-7:])
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe135_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe135/{name}", warns="per_cell")
