"""What the two-hundred-and-twenty-second probe (torch.distributions as a probability course uses them:
MultivariateNormal from covariance_matrix / scale_tril / precision_matrix with batch shapes, rsample and log_prob
gradients, LowRankMultivariateNormal, Independent, TransformedDistribution with Compose / Affine / Exp / Sigmoid /
Tanh / Power transforms, MixtureSameFamily, the relaxed distributions, the count distributions, kl_divergence,
expand, reprs, validate_args) found, each checked against PyTorch. Nearly all agreed; three things did not:
PowerTransform kept a number exponent as a number (PyTorch broadcasts it into a tensor: .sign, repr and
forward_shape read it, forward_shape gives a torch.Size); randn_like of a tensor laid out other than contiguously
(a transpose, a permute, channels_last) drew with the vectorised fill where ATen's normal_ draws one double per
element in memory order; and derivative formulas that matmul two batches of matrices (the triangular solve's
inside MultivariateNormal.log_prob) used numpy's BLAS where at::matmul runs bmm (its plain loop for small
matrices), so a covariance's float32 gradient differed in its last bits."""
import pytest

from helpers import assert_same_as_pytorch

CELLS = {
    "power_transform_number_exponent_is_a_tensor": ['''from torch.distributions.transforms import PowerTransform
p = PowerTransform(2.0)
print(repr(p.exponent), p.sign, p == PowerTransform(2.0), p.inv)
print(p(torch.tensor([3.0])), p.inv(torch.tensor([9.0])), p.log_abs_det_jacobian(torch.tensor([3.0]), torch.tensor([9.0])))
print(p(torch.tensor([3.0], requires_grad=True)).grad_fn.name())
print(type(p.forward_shape((3, 2))).__name__, p.forward_shape((3, 2)), p.inverse_shape(torch.Size([4])))
q = PowerTransform(torch.tensor([2.0, 3.0]))
print(q.sign, q.forward_shape((2,)))
try:
    q.forward_shape((4,))
except RuntimeError as e:
    print(e)
try:
    PowerTransform("a")
except ValueError as e:
    print(e)
'''],
    "randn_like_of_a_strided_tensor_draws_in_memory_order": ['''torch.manual_seed(0)
for x in [torch.empty(3, 10).t(), torch.empty(3, 10, dtype=torch.float64).t(),
          torch.empty(2, 3, 4, 5).to(memory_format=torch.channels_last), torch.empty(2, 3, 4).permute(2, 0, 1),
          torch.empty(3, 10, dtype=torch.bfloat16).t(), torch.empty(3, 10, dtype=torch.complex64).t()]:
    for kw in [{}, {"memory_format": torch.contiguous_format}, {"dtype": torch.float64}]:
        r = torch.randn_like(x, **kw)
        print(r.stride(), r.dtype, r.flatten()[:4].tolist())
noise = torch.randn_like(torch.ones(8, 3).t(), requires_grad=True)
print(noise.requires_grad, noise.stride(), noise[0].tolist())
print(torch.randn_like(torch.empty(2, 3, 4, 5), memory_format=torch.channels_last).flatten()[:3].tolist())
'''],
    "batched_matmul_in_derivatives_is_bmm": ['''import torch.distributions as D
torch.manual_seed(0)
A = torch.randn(3, 3)
cov = (A @ A.T + torch.eye(3)).requires_grad_()
loc = torch.randn(2, 3, requires_grad=True)
x = torch.randn(5, 2, 3)
nll = -D.MultivariateNormal(loc, covariance_matrix=cov).log_prob(x).mean()
nll.backward()
print([v.hex() for v in cov.grad.flatten().tolist()])
print([v.hex() for v in loc.grad.flatten().tolist()])
L = torch.linalg.cholesky(cov.detach()).requires_grad_()
B = torch.randn(4, 3, 10)
Y = torch.linalg.solve_triangular(L.expand(4, 3, 3), B, upper=False)
Y.pow(2).sum().backward()
print([v.hex() for v in L.grad.flatten().tolist()])
a = torch.randn(2, 1, 3, 5, requires_grad=True)
b = torch.randn(4, 5, 6, requires_grad=True)
g, = torch.autograd.grad(torch.linalg.solve(torch.eye(3) + 0.1 * a @ a.mT, torch.ones(2, 1, 3, 2)).sum(), a)
print([v.hex() for v in g.flatten().tolist()[:8]])
'''],
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_probe222(name):
    assert_same_as_pytorch(CELLS[name], name=name)
