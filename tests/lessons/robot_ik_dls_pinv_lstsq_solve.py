# Imitates an inverse-kinematics lecture: a planar 3-link arm, IK by gradient descent on the position error, by the
# Jacobian pseudo-inverse (torch.linalg.pinv with rtol / atol), by damped least squares (torch.linalg.solve with
# left=False, solve_ex, lstsq with drivers), manipulability and condition numbers, and singular configurations.
import torch

torch.manual_seed(0)
L = torch.tensor([1.0, 0.8, 0.5])


def fk(q):
    a = torch.cumsum(q, -1)
    return torch.stack([(L * torch.cos(a)).sum(-1), (L * torch.sin(a)).sum(-1)], -1)


# %%
q = torch.tensor([0.2, 0.4, -0.3], requires_grad=True)
target = torch.tensor([1.2, 1.1])
opt = torch.optim.SGD([q], lr=0.1)
for it in range(30):
    opt.zero_grad()
    err = fk(q) - target
    loss = 0.5 * err.pow(2).sum()
    loss.backward()
    opt.step()
    if it % 10 == 0:
        print(it, loss.item(), q.grad)
print(q, loss.grad_fn.name())

# %%
q = torch.tensor([0.2, 0.4, -0.3])
for it in range(6):
    J = torch.autograd.functional.jacobian(fk, q)
    e = target - fk(q)
    dq = torch.linalg.pinv(J) @ e
    q = q + dq
    print(it, e.norm().item(), torch.linalg.pinv(J, rtol=1e-3).shape)
print(q, fk(q))

# %%
lam = 0.1
q = torch.tensor([0.0, 0.0, 0.0], dtype=torch.float64)          # stretched: singular
tgt = target.double()
for it in range(5):
    J = torch.autograd.functional.jacobian(fk, q)
    e = tgt - fk(q)
    A = J @ J.T + lam ** 2 * torch.eye(2, dtype=torch.float64)
    dq = J.T @ torch.linalg.solve(A, e)
    q = q + dq
    print(it, e.norm().item(), torch.linalg.cond(J).item())
print(q)
J = torch.autograd.functional.jacobian(fk, torch.zeros(3))
print(J)
print(torch.linalg.pinv(J))
print(torch.linalg.pinv(J, atol=1e-6, rtol=0.0))
print(torch.linalg.matrix_rank(J), torch.linalg.matrix_rank(J, atol=1e-3))
print(torch.sqrt(torch.linalg.det(J @ J.T)))

# %%
J = torch.autograd.functional.jacobian(fk, torch.tensor([0.3, 0.5, -0.2], dtype=torch.float64))
e = torch.tensor([0.05, -0.02], dtype=torch.float64)
A = J @ J.T + 0.01 * torch.eye(2, dtype=torch.float64)
x1 = torch.linalg.solve(A, e)
x2 = torch.linalg.solve(A, e.unsqueeze(0), left=False)
print(x1, x2)
res, info = torch.linalg.solve_ex(A, e)
print(res, info)
for driver in ("gels", "gelsy", "gelsd", "gelss"):
    out = torch.linalg.lstsq(J, e.unsqueeze(-1), driver=driver)
    print(driver, out.solution.squeeze(-1), out.rank, out.singular_values)
sol = torch.linalg.lstsq(J.T, torch.tensor([1.0, 0.0, 0.0], dtype=torch.float64))
print(sol)

# %%
Jw = torch.autograd.functional.jacobian(fk, torch.tensor([0.3, 0.5, -0.2]))
Jw.requires_grad_()
manip = torch.sqrt(torch.linalg.det(Jw @ Jw.T))
manip.backward()
print(manip, manip.grad_fn.name(), Jw.grad)
P = torch.linalg.pinv(Jw)
print(P.grad_fn)
P.sum().backward()
print(Jw.grad)

# %%
sing = torch.zeros(2, 2)
for fn in (torch.linalg.inv, lambda A: torch.linalg.solve(A, torch.ones(2))):
    try:
        fn(sing)
    except Exception as e:
        print(type(e).__name__, e)
print(torch.linalg.inv_ex(sing))
print(torch.linalg.solve_ex(sing, torch.ones(2)))
try:
    torch.linalg.solve(torch.eye(2), torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(torch.eye(2), torch.ones(3, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.lstsq(torch.eye(2), torch.ones(2, 1), driver="gelsx")
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.linalg.pinv(torch.eye(2, dtype=torch.long))
except Exception as e:
    print(type(e).__name__, e)

# %%
# an IK step with the end effector's x pinned: the KKT system [[H, c], [c^T, 0]] is symmetric indefinite
J = torch.autograd.functional.jacobian(fk, torch.tensor([0.3, 0.5, -0.2], dtype=torch.float64))
H = J.T @ J + 0.01 * torch.eye(3, dtype=torch.float64)
c = J[0:1].T
KKT = torch.cat([torch.cat([H, c], 1), torch.cat([c.T, torch.zeros(1, 1, dtype=torch.float64)], 1)], 0)
rhs = torch.cat([J[1:2].T @ torch.tensor([[0.05]], dtype=torch.float64), torch.zeros(1, 1, dtype=torch.float64)])
LD, piv = torch.linalg.ldl_factor(KKT)
print(LD, piv)
step = torch.linalg.ldl_solve(LD, piv, rhs)
print(step.squeeze(-1), (KKT @ step - rhs).abs().max() < 1e-12)
print(torch.linalg.ldl_factor_ex(KKT))
