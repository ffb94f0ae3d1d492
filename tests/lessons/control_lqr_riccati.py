# Imitates an optimal-control course notebook: a double integrator, a finite-horizon LQR controller by a backward
# Riccati recursion (`@`, `.T`, torch.linalg.solve / inv in a Python loop), a closed-loop rollout, the gain's
# sensitivity to the cost weights by autograd, and the mistakes learners make (shape errors, float32 / float64 mixing
# in solve, .numpy() on a tensor that requires grad, an in-place state update in the rollout loop).
import torch
torch.manual_seed(0)
torch.set_printoptions(precision=4)

dt = 0.1
A = torch.tensor([[1.0, dt], [0.0, 1.0]])
B = torch.tensor([[0.5 * dt ** 2], [dt]])
Q = torch.diag(torch.tensor([1.0, 0.1]))
R = torch.tensor([[0.01]])
T = 30

# %%
def riccati(A, B, Q, R, T):
    P = Q.clone()
    gains = []
    for t in range(T):
        S = R + B.T @ P @ B
        K = torch.linalg.solve(S, B.T @ P @ A)
        P = Q + A.T @ P @ (A - B @ K)
        gains.append(K)
    return gains[::-1], P

gains, P = riccati(A, B, Q, R, T)
print(len(gains), gains[0].shape, gains[0].dtype)
print(gains[0])
P

# %%
K_inv = torch.linalg.inv(R + B.T @ P @ B) @ B.T @ P @ A
print(torch.allclose(K_inv, gains[0], atol=1e-5))
print((K_inv - gains[0]).abs().max() < 1e-5)
torch.linalg.eigvals(A - B @ gains[0])

# %%
x = torch.tensor([1.0, 0.0])
xs, us = [x], []
for t in range(T):
    u = -gains[t] @ x
    x = A @ x + B @ u
    xs.append(x)
    us.append(u)
traj = torch.stack(xs)
controls = torch.cat(us)
print(traj.shape, controls.shape)
print(traj[::10])
cost = (traj[:-1] @ Q * traj[:-1]).sum() + (controls ** 2 * R.squeeze()).sum()
cost

# %%
# mistake: the state as a row vector
x_row = torch.tensor([[1.0, 0.0]])
A @ x_row

# %%
# mistake: B @ u with u a scalar tensor
u = torch.tensor(0.5)
B @ u

# %%
# mistake: mixing float64 weights with float32 dynamics
Q64 = torch.eye(2, dtype=torch.float64)
torch.linalg.solve(Q64, B)

# %%
torch.linalg.solve(R + B.T @ P @ B, B.T @ P)

# %%
torch.linalg.solve(torch.zeros(2, 2), torch.ones(2))

# %%
# sensitivity of the first gain to the control weight
log_r = torch.tensor(-2.0, requires_grad=True)
gains, P = riccati(A, B, Q, torch.exp(log_r * 2.302585).reshape(1, 1), T)
print(gains[0].grad_fn)
gains[0].sum().backward()
log_r.grad

# %%
# mistake: .numpy() on a gain that requires grad
gains[0].numpy()

# %%
gains[0].detach().numpy().round(3)

# %%
# mistake: an in-place state update that autograd needs for the backward pass
q = torch.tensor([1.0, 0.0], requires_grad=True)
x = q.clone()
total = 0.0
for t in range(3):
    total = total + (x ** 2).sum()
    x.mul_(0.9)
total.backward()

# %%
x = q.clone()
x[0] = 2.0
y = x @ x
x.add_(1)
y.backward()

# %%
# batched Riccati: a batch of systems with torch.linalg.solve over the leading dimension
As = A.expand(4, 2, 2) * torch.linspace(0.9, 1.1, 4).view(4, 1, 1)
Bs = B.expand(4, 2, 1)
P = Q.expand(4, 2, 2)
for t in range(10):
    S = R + Bs.transpose(1, 2) @ P @ Bs
    K = torch.linalg.solve(S, Bs.transpose(-1, -2) @ P @ As)
    P = Q + As.mT @ P @ (As - Bs @ K)
print(K.shape)
K.squeeze(1)

# %%
torch.linalg.solve(S, Bs @ P)

# %%
Bs.transpose(1, 2) @ P @ Bs.T
