# Imitates a robotics course notebook: forward kinematics of a planar 3-link arm (cumsum of joint angles, sin / cos,
# torch.stack), the geometric Jacobian by autograd vs the analytic one, inverse kinematics by Gauss-Newton with
# torch.linalg.lstsq / pinv and by damped least squares, atan2 for the end-effector heading, a batch of
# configurations with torch.func, and the shape and dtype mistakes learners make.
import torch
from torch.autograd.functional import jacobian
torch.manual_seed(0)
torch.set_printoptions(precision=4)

links = torch.tensor([1.0, 0.8, 0.5])

def fk(q, links=links):
    angles = torch.cumsum(q, dim=-1)
    x = (links * torch.cos(angles)).sum(-1)
    y = (links * torch.sin(angles)).sum(-1)
    return torch.stack([x, y], dim=-1)

def joints(q, links=links):
    angles = torch.cumsum(q, dim=-1)
    pts = torch.stack([links * torch.cos(angles), links * torch.sin(angles)], dim=-1).cumsum(dim=-2)
    return torch.cat([torch.zeros(*q.shape[:-1], 1, 2), pts], dim=-2)

q0 = torch.tensor([0.3, 0.5, -0.4])

# %%
print(fk(q0))
print(joints(q0))
angles = torch.cumsum(q0, 0)
heading = torch.atan2(torch.sin(angles[-1]), torch.cos(angles[-1]))
heading, torch.atan2(torch.tensor([0.0, -0.0, 1.0]), torch.tensor([-1.0, -1.0, 0.0]))

# %%
J = jacobian(fk, q0)
angles = torch.cumsum(q0, 0)
s = torch.flip(torch.cumsum(torch.flip(links * torch.sin(angles), [0]), 0), [0])
c = torch.flip(torch.cumsum(torch.flip(links * torch.cos(angles), [0]), 0), [0])
J_analytic = torch.stack([-s, c])
print(J)
torch.allclose(J, J_analytic), (J - J_analytic).abs().max()

# %%
q = q0.clone().requires_grad_()
p = fk(q)
print(p.grad_fn, p.grad_fn.next_functions[0][0])
p[0].backward()
print(q.grad)
a = torch.cumsum(q, 0)
print(a.grad_fn)
torch.atan2(p[1], p[0])

# %%
# inverse kinematics by Gauss-Newton with lstsq
target = torch.tensor([1.2, 1.1])
q = q0.clone()
for it in range(8):
    err = target - fk(q)
    J = jacobian(fk, q)
    dq = torch.linalg.lstsq(J, err.unsqueeze(-1)).solution.squeeze(-1)
    q = q + dq
    print(it, err.norm().item() < 1e-5)
print(q, fk(q))

# %%
res = torch.linalg.lstsq(J, err.unsqueeze(-1))
print(type(res).__name__, res._fields)
print(res.residuals, res.rank, res.singular_values)
res2 = torch.linalg.lstsq(J, err.unsqueeze(-1), driver="gelsd")
print(res2.rank, res2.singular_values)
torch.linalg.lstsq(J.T, torch.ones(3, 1), driver="gelsy")

# %%
err = target - fk(q0)   # (the converged loop's residual is ~1e-8: MKL's threads round it differently run to run)
torch.linalg.lstsq(J, err)

# %%
torch.linalg.lstsq(J, err.unsqueeze(-1), driver="gesvd")

# %%
torch.linalg.lstsq(J.double(), err.unsqueeze(-1))

# %%
# pseudo-inverse steps and the damped least squares
J = jacobian(fk, q0)
Jp = torch.linalg.pinv(J)
print(Jp.shape)
print(Jp)
print(torch.linalg.pinv(J, rtol=0.5))
print(torch.linalg.pinv(J @ J.T, hermitian=True))
lam = 0.1
dls = J.T @ torch.linalg.inv(J @ J.T + lam ** 2 * torch.eye(2))
dls2 = torch.linalg.solve(J @ J.T + lam ** 2 * torch.eye(2), J, left=True).T
torch.allclose(dls, dls2, atol=1e-6), dls

# %%
torch.linalg.pinv(J, atol=0.1, rcond=0.1)

# %%
torch.pinverse(J, rcond=1e-3)

# %%
# the older positional tolerance: rcond for pinv, tol for matrix_rank
J0 = jacobian(fk, torch.zeros(3))
print(torch.linalg.pinv(J0, 1e-3))
print(torch.linalg.matrix_rank(J0, 1e-3), torch.linalg.matrix_rank(J0, tol=1e-3, hermitian=False))
torch.linalg.matrix_rank(J0 @ J0.T, 1e-3, True)

# %%
# damped least squares IK near a singular (stretched) configuration
q = torch.tensor([0.0, 0.0, 0.0])
target = torch.tensor([2.5, 0.1])
for it in range(20):
    J = jacobian(fk, q)
    e = target - fk(q)
    q = q + J.T @ torch.linalg.solve(J @ J.T + 0.05 * torch.eye(2), e)
print(q, fk(q))
torch.linalg.matrix_rank(jacobian(fk, torch.zeros(3))), torch.linalg.svdvals(jacobian(fk, torch.zeros(3)))

# %%
torch.linalg.inv(jacobian(fk, torch.zeros(3)) @ jacobian(fk, torch.zeros(3)).T)

# %%
torch.linalg.inv(jacobian(fk, q0))

# %%
# IK by gradient descent on the squared error with a joint-limit penalty
q = torch.zeros(3, requires_grad=True)
opt = torch.optim.SGD([q], lr=0.2, momentum=0.5)
for it in range(50):
    opt.zero_grad()
    loss = ((fk(q) - torch.tensor([1.0, 1.2])) ** 2).sum() + 0.01 * torch.relu(q.abs() - 2).sum()
    loss.backward()
    opt.step()
print(q.detach(), loss.item() < 1e-3)
q

# %%
# a batch of configurations: workspace sampling, batched Jacobians with torch.func
from torch.func import jacrev, vmap
Q = torch.rand(6, 3) * 3.1416 - 1.5708
P = fk(Q)
print(P.shape, joints(Q).shape)
Js = vmap(jacrev(fk))(Q)
print(Js.shape)
manip = torch.sqrt(torch.linalg.det(Js @ Js.transpose(-1, -2)))
print(manip)
torch.linalg.lstsq(Js, (torch.tensor([1.0, 1.0]) - P).unsqueeze(-1)).solution.shape

# %%
Js @ Js

# %%
torch.linalg.pinv(Js).shape, torch.linalg.pinv(Js[0].double()).dtype

# %%
fk(torch.tensor([0.1, 0.2]))

# %%
fk(torch.tensor([1, 2, 3]))

# %%
torch.atan2(torch.tensor([1, 2]), torch.tensor([1.0, 2.0])), torch.atan2(torch.tensor(1), torch.tensor(2))
