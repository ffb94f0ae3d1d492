"""What the hundred-and-fortieth probe (probabilistic ML courses: GP regression by hand, the Laplace approximation,
HMC, torch.distributions transforms and KL pairs, a RealNVP flow) found, each checked against PyTorch:
torch.autograd.functional.hessian(..., outer_jacobian_strategy="forward-mode", vectorize=True) computes the
forward-over-reverse Hessian instead of refusing it, and a backward pass under create_graph inside a forward-AD dual
level differentiates a node's saved *output* too (exp's `g * result`, sigmoid's, tanh's ...: the tangent of the
gradient lost d result before, so the forward-over-reverse Hessian of exp(w) * w came out wrong). The values are
compared (tolist, allclose), not the reprs: PyTorch's tangents are themselves differentiable (its forward-mode
Hessian prints grad_fn=<ReshapeAliasBackward0>), the engine's are not."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''from torch.autograd.functional import hessian
import torch.autograd.forward_ad as fwAD
def rounded(t):
    return [round(v, 4) for v in t.detach().reshape(-1).tolist()]
'''

CELLS = {
    "hessian_forward_over_reverse": [
        SETUP + '''x = torch.tensor([0.5, -1.0, 2.0])
for f in [lambda w: (w.exp() * w).sum(),
          lambda w: (w.sigmoid().log() + w.tanh() ** 3).sum(),
          lambda w: torch.nn.functional.softplus(w).exp().sum() + w[0] * w[1],
          lambda w: torch.distributions.Normal(w[0], w[1].exp()).log_prob(w[2]),
          lambda w: w.sum()]:
    Hf = hessian(f, x, outer_jacobian_strategy="forward-mode", vectorize=True)
    Hr = hessian(f, x)
    print(Hf.shape, Hf.dtype, rounded(Hf), torch.allclose(Hf, Hr, atol=1e-5))
''',
        SETUP + '''a, b = torch.ones(2), torch.full((3, 1), 0.5)
H = hessian(lambda a, b: (a.exp() * b).sum() ** 2, (a, b), outer_jacobian_strategy="forward-mode", vectorize=True)
print(type(H).__name__, len(H), [[tuple(h.shape) for h in row] for row in H], rounded(H[0][1]))
for kw in [dict(create_graph=True), dict(strict=True), dict(vectorize=False)]:
    attempt(lambda: hessian(lambda w: (w.exp() * w).sum(), torch.ones(2), outer_jacobian_strategy="forward-mode",
                            **dict(dict(vectorize=True), **kw)))
''',
    ],
    "tangent_through_saved_outputs": [
        SETUP + '''x = torch.tensor([0.5, 1.0])
for f in [lambda w: (w.exp() * w).sum() + w[0] * w[1], lambda w: w.sigmoid().pow(2).sum(),
          lambda w: torch.tanh(w).exp().sum(), lambda w: w.sqrt().log().sum() * w.sum()]:
    with fwAD.dual_level():
        xd = fwAD.make_dual(x, torch.tensor([1., 0.5]))
        xd.requires_grad_(True)
        g, = torch.autograd.grad(f(xd), xd, create_graph=True)
        p = fwAD.unpack_dual(g)
        print(rounded(p.primal), rounded(p.tangent))
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe140_matches_pytorch(name):
    # (PyTorch's forward-mode jacobian goes through vmap, whose first use imports modules that raise torch.jit.script
    # DeprecationWarnings: PyTorch's own import noise, not the behaviour compared here)
    warns = None if name.startswith("hessian") else "per_cell"
    assert_same_as_pytorch(CELLS[name], name=f"probe140/{name}", warns=warns)
