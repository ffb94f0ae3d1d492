# Imitates the "check your derivatives" part of a robotics / optimal-control course: finite differences against
# autograd for a pendulum step and a planar arm, torch.autograd.gradcheck / gradgradcheck in float64 (and the float32
# mistake), a custom autograd.Function for the dynamics with a wrong backward that gradcheck catches, and
# the results' named tuples (torch.return_types) that learners unpack and inspect.
import torch
from torch.autograd import gradcheck, gradgradcheck
torch.manual_seed(0)

def step(x, u, dt=0.05):
    theta, omega = x[..., 0], x[..., 1]
    return torch.stack([theta + dt * omega, omega + dt * (-9.81 * torch.sin(theta) + u[..., 0])], dim=-1)

def fk(q):
    a = torch.cumsum(q, -1)
    return torch.stack([torch.cos(a).sum(-1), torch.sin(a).sum(-1)], -1)

# %%
x = torch.tensor([0.3, -0.2], dtype=torch.float64, requires_grad=True)
u = torch.tensor([0.5], dtype=torch.float64, requires_grad=True)
print(gradcheck(step, (x, u)))
print(gradcheck(step, (x, u), eps=1e-6, atol=1e-4))
print(gradgradcheck(step, (x, u)))
gradcheck(fk, (torch.randn(3, dtype=torch.double, requires_grad=True),), fast_mode=True)

# %%
# central differences by hand, column by column
def fd_jacobian(f, x, eps=1e-6):
    cols = []
    for i in range(x.numel()):
        e = torch.zeros_like(x)
        e[i] = eps
        cols.append((f(x + e) - f(x - e)) / (2 * eps))
    return torch.stack(cols, dim=-1)

q = torch.tensor([0.3, 0.5, -0.4], dtype=torch.float64)
J_fd = fd_jacobian(fk, q)
J_ad = torch.autograd.functional.jacobian(fk, q)
print(J_fd.dtype, (J_fd - J_ad).abs().max() < 1e-8)
torch.testing.assert_close(J_fd, J_ad)

# %%
# mistake: gradcheck in float32
xf = torch.tensor([0.3, -0.2], requires_grad=True)
uf = torch.tensor([0.5], requires_grad=True)
gradcheck(step, (xf, uf))

# %%
gradcheck(step, (xf.double().detach().requires_grad_(), uf.double().detach().requires_grad_()), raise_exception=False)

# %%
# mistake: float32 finite differences are noisy
J32 = fd_jacobian(fk, q.float(), eps=1e-3)
print(J32.dtype)
torch.testing.assert_close(J32, J_ad.float())

# %%
torch.testing.assert_close(J_fd, J_ad.float())

# %%
# a custom Function for the pendulum step with a wrong backward
class PendulumStep(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, u):
        ctx.save_for_backward(x, u)
        return step(x, u)

    @staticmethod
    def backward(ctx, g):
        x, u = ctx.saved_tensors
        dt = 0.05
        gx = torch.stack([g[0] - dt * 9.81 * torch.cos(x[0]) * g[1], dt * g[0] + g[1]])
        gu = (dt * g[1]).reshape(1)
        return gx, gu * 2   # the bug: a factor 2

try:
    gradcheck(PendulumStep.apply, (x, u))
except Exception as e:
    print(type(e).__name__)
    print(str(e).splitlines()[0])
    print(str(e).splitlines()[1])
gradcheck(PendulumStep.apply, (x, u), raise_exception=False)

# %%
gradcheck(PendulumStep.apply, (x, u), atol=1e-3, rtol=1e-3, nondet_tol=0.0, check_undefined_grad=False)

# %%
gradcheck(step, (x.detach(), u.detach()))

# %%
gradcheck(lambda x: x.detach() * 2, (x,))

# %%
# the named tuples linalg and reductions return
A = torch.tensor([[4.0, 1.0], [1.0, 3.0]], dtype=torch.float64)
evals, evecs = torch.linalg.eigh(A)
res = torch.linalg.eigh(A)
print(type(res), isinstance(res, tuple), isinstance(res, torch.return_types.linalg_eigh))
print(res.eigenvalues, res[0] is res.eigenvalues, len(res), res.n_fields)
U, S, Vh = torch.linalg.svd(A)
print(torch.linalg.svd(A)._asdict())

# %%
best = torch.max(torch.tensor([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]]), dim=1)
print(best.values, best.indices, best[1])
print(type(best).__name__, type(best).__module__)
best.values = torch.zeros(2)

# %%
torch.return_types.max((torch.zeros(2), torch.ones(2)))

# %%
torch.return_types.max([1, 2, 3])

# %%
best._replace(values=torch.zeros(2))

# %%
vals, idx = torch.sort(torch.tensor([3.0, 1.0, 2.0]))
ranked = torch.topk(torch.tensor([3.0, 1.0, 2.0]), 2)
print(vals, idx, ranked)
print(ranked + (1,), ranked[:1], list(ranked))
sol = torch.linalg.lstsq(torch.eye(3)[:, :2], torch.ones(3, 1))
print(sol.solution.T, sol.rank)
sol
