"""What the hundred-and-forty-eighth probe (physics-informed networks and scientific ML: Raissi-style inverse PINNs,
Fourier neural operators, Lagrangian / Hamiltonian networks and Deep Ritz / DeepONet with torch.func) found, each
checked against PyTorch: inside a torch.func transform, backward() (Tensor.backward and torch.autograd.backward) and
requires_grad_() (also through torch.autograd.functional, not the requires_grad attribute or a factory's
requires_grad=True) are refused with PyTorch's messages; vmap's batch rules check the ranks of one element first,
with their own messages (mm / mv / bmm "Shape mismatch", dot's, linalg.pinv's and linalg.inv_ex's and
torch.matrix_exp's "at least 2 dimensions"); the node a vmap's result shows for squeeze, in-place squeeze (a linear
layer's 1-D input: vmap(grad(u))(x)), squeeze() and dot / vdot of batched vectors is PyTorch's batched op's
(SqueezeBackward2 / 5, ViewBackward0, SqueezeBackward1); and autograd.functional.jacobian(strict=True,
vectorize=True) refuses the pair only after it has run the function and checked its outputs."""
import pytest

from helpers import ATTEMPT, assert_same_as_pytorch

SETUP = ATTEMPT + '''torch.manual_seed(0)
V, G = torch.func.vmap, torch.func.grad
x = torch.rand(3, 2)
W = torch.rand(2, requires_grad=True)
net = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
'''

CELLS = {
    "autograd_calls_inside_transforms": [
        SETUP + '''for make in [
        lambda: V(lambda z: torch.ones(2).requires_grad_() + z)(x),
        lambda: V(lambda z: W.detach().requires_grad_(False) + z)(x),
        lambda: V(lambda z: net(z.requires_grad_()))(x),
        lambda: G(lambda z: (torch.ones(2).requires_grad_() * z).sum())(x[0]),
        lambda: G(lambda z: ((W * 2).sum().backward(), (z * 2).sum())[1])(x[0]),
        lambda: V(lambda z: torch.autograd.backward((z * W).sum()))(x),
        lambda: V(lambda z: (W * 2).sum().backward())(x),
        lambda: V(lambda z: (W * 2).sum().backward(torch.tensor(1.0), inputs=[]))(x),
        lambda: torch.func.jacrev(lambda z: (z.sum().backward(), z)[1])(x[0]),
        lambda: torch.func.vjp(lambda z: net(z).sum().backward(), x),
        lambda: V(lambda z: torch.autograd.functional.jacobian(lambda a: a * 2, z))(x),
        lambda: V(lambda z: torch.autograd.functional.hessian(lambda a: a.pow(3).sum(), z))(x),
]:
    attempt(make)
''',
        SETUP + '''def f(z):
    a = torch.ones(2)
    a.requires_grad = True
    b = torch.zeros(2, requires_grad=True)
    p = torch.nn.Parameter(torch.ones(2))
    return z + a + b + p
out = V(f)(x)
print(out.requires_grad, out.shape)
print(G(lambda z: (torch.ones(2, requires_grad=True) * z).sum())(x[0]).shape)
print(V(torch.func.functional_call, in_dims=(None, None, 0))(net, dict(net.named_parameters()), x).shape)
(W * 2).sum().backward()
print(W.grad, W.requires_grad_(False).requires_grad)
''',
    ],
    "vmap_rank_checks": [
        SETUP + '''r = torch.randn
for make in [
        lambda: V(torch.linalg.pinv)(r(3, 2)),
        lambda: V(torch.pinverse)(r(3)),
        lambda: V(torch.linalg.inv)(r(3, 2)),
        lambda: V(torch.inverse)(r(3, 2)),
        lambda: V(torch.linalg.inv_ex)(r(3, 2)),
        lambda: V(torch.linalg.matrix_exp)(r(3, 2)),
        lambda: V(torch.mm)(r(3, 2), r(3, 2)),
        lambda: V(torch.mm, in_dims=(None, 0))(r(2), r(3, 2, 2)),
        lambda: V(torch.mm)(r(3, 2, 2), r(3, 2)),
        lambda: V(torch.mv)(r(3, 2), r(3, 2)),
        lambda: V(torch.mv)(r(3, 2, 2), r(3, 2, 2)),
        lambda: V(torch.bmm)(r(3, 2, 2), r(3, 2, 2)),
        lambda: V(torch.dot)(r(3, 2, 2), r(3, 2)),
        lambda: V(torch.dot)(r(3, 2), r(3, 2)).shape,
        lambda: torch.dot(r(2), r(2, dtype=torch.float64)),
        lambda: V(torch.linalg.pinv)(r(3, 2, 3)).shape,
        lambda: V(torch.linalg.inv)(torch.eye(2).expand(3, 2, 2)),
        lambda: V(torch.linalg.inv)(r(3, 2, 3)),
        lambda: V(torch.linalg.matrix_exp)(torch.zeros(3, 2, 2)),
        lambda: torch.linalg.pinv(r(2)),
        lambda: torch.linalg.inv(r(2)),
        lambda: torch.mm(r(2), r(2)),
        lambda: torch.linalg.matrix_exp(r(2)),
]:
    attempt(make)
''',
    ],
    "vmap_result_nodes": [
        SETUP + '''xr = torch.rand(3, 2, requires_grad=True)
y = torch.rand(3, 2, 1, requires_grad=True)
for make in [
        lambda: V(lambda z: z.unsqueeze(0).squeeze(0))(xr),
        lambda: V(lambda z: z.unsqueeze(0).squeeze())(xr),
        lambda: V(lambda z: z.squeeze())(y),
        lambda: V(lambda z: z.squeeze(1))(y),
        lambda: V(lambda z: z.clone().squeeze_(1))(y),
        lambda: V(lambda z: z.squeeze((1,)))(y),
        lambda: V(lambda z: z @ W.unsqueeze(1))(xr),
        lambda: V(lambda z: torch.nn.functional.linear(z, W.unsqueeze(0)))(xr),
        lambda: V(lambda z: torch.dot(z, z))(xr),
        lambda: V(lambda z: z @ z)(xr),
        lambda: V(lambda z: torch.vdot(z, z))(xr),
        lambda: V(G(lambda z: net(z).squeeze(-1)))(x),
        lambda: V(G(lambda z: net(z).sum()))(x),
]:
    out = make()
    print(out.shape, type(out.grad_fn).__name__)
''',
    ],
    "functional_jacobian_strict_vectorize": [
        SETUP + '''F = torch.autograd.functional
for make in [
        lambda: F.jacobian(lambda z: torch.ones(2), x, strict=True, vectorize=True),
        lambda: F.jacobian(lambda z: z.detach(), x, strict=True, vectorize=True),
        lambda: F.jacobian(lambda z: z * 2, x[0], strict=True, vectorize=True),
        lambda: F.hessian(lambda z: torch.ones(()), x[0], strict=True, vectorize=True),
        lambda: F.hessian(lambda z: z.sum(), x[0], strict=True, vectorize=True),
        lambda: F.hessian(lambda z: z.pow(3).sum(), x[0], strict=True, vectorize=True),
        lambda: F.jacobian(lambda z: z * 2, x[0], strict=True, strategy="forward-mode", vectorize=True),
        lambda: F.jacobian(lambda z: z * 2, x[0], vectorize=True),
]:
    attempt(make)
''',
    ],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe148_matches_pytorch(name):
    assert_same_as_pytorch(CELLS[name], name=f"probe148/{name}", warns="per_cell")
